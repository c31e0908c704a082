"""Admin for outlets, their feeds, sources and citations."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from cmsproject.editorial import rights
from cmsproject.editorial.admin import GenericRowInline, PublishableAdmin
from cmsproject.editorial.autocomplete import SafeAutocompleteMixin
from cmsproject.editorial.jobs import Job

from . import facts
from .forms import ImportArticlesForm
from .ingestion.service import summarise
from .models import Citation, Feed, Outlet, Source
from .tasks import import_articles, poll_feed, read_now, reports_of, submit_import

#: The jobs whose page is an import's: uploads, and feeds' readings.
IMPORT_TASKS = (import_articles.module_path, poll_feed.module_path)


class CitationRowForm(forms.ModelForm):
    """A citation row: the fact it backs is picked from the record's own facts (an event's
    date, place, participants…; sources/facts.py). Widget sizes share the inline row's width:
    most to the excerpt, little to the rest (the admin stylesheet lets each field fill its
    column, in proportion to these sizes)."""

    record_model: type | None = None  # set per inline: the model of the record cited

    claim = forms.ChoiceField(
        label="Fact",
        required=False,
        help_text="Which fact of the record the excerpt backs.",
    )

    class Meta:
        widgets = {
            "excerpt": AdminTextareaWidget(attrs={"rows": 3, "cols": 40}),
            "claimed_value": AdminTextInputWidget(attrs={"size": 14}),
            "note": AdminTextareaWidget(attrs={"rows": 2, "cols": 16}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["claim"]
        field.choices = facts.fact_choices(self.record_model)
        stored = self.instance.claim if self.instance.pk else ""
        if stored and stored not in dict(field.choices):
            # shown as it is (and refused on save, saying why) rather than silently blanked
            field.choices = [*field.choices, (stored, f"{stored} (not a fact of this record)")]

    def clean_claim(self) -> str:
        try:
            return facts.resolve_claim(self.record_model, self.cleaned_data.get("claim"))
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc


class CitationInline(GenericRowInline):
    """Citations on any record: the source and the exact excerpt it rests on."""

    model = Citation
    form = CitationRowForm
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "excerpt", "claim", "claimed_value", "note", "position"]
    verbose_name = "citation"
    verbose_name_plural = "citations (sources this record rests on)"

    def get_formset(self, request, obj=None, **kwargs):
        form = type("CitationRowForm", (self.form,), {"record_model": self.parent_model})
        return super().get_formset(request, obj, form=form, **kwargs)


class FeedStatusMixin:
    """Columns that say how a feed's readings go."""

    @admin.display(description="state")
    def state(self, feed: Feed) -> str:
        return feed.state

    @admin.display(description="last reading")
    def last_run(self, feed: Feed) -> str:
        job = feed.last_job
        if job is None:
            return "—"
        url = reverse("admin:sources_source_import_job", args=[job.pk])
        return format_html('<a href="{}">{}</a> ({})', url, job.title, job.state)

    @admin.display(description="last error")
    def short_error(self, feed: Feed) -> str:
        return feed.last_error[:120] + ("…" if len(feed.last_error) > 120 else "")


class FeedInline(FeedStatusMixin, admin.TabularInline):
    """The outlet's feeds, and how their readings go. A published outlet's feeds are changed
    here by those who may change it live; a Contributor changes them on the feed's own page
    (changes to a published outlet are only proposed, and feeds are not part of a proposal)."""

    model = Feed
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["url", "title", "is_active", "poll_every_minutes", "state", "last_run", "last_error"]
    readonly_fields = ["state", "last_run", "last_error"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("last_job")

    def _live(self, request, obj) -> bool:
        return obj is None or rights.may_change(request.user, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and self._live(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._live(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._live(request, obj)


@admin.register(Outlet)
class OutletAdmin(PublishableAdmin):
    list_display = ["name", "status_badge", "kind", "country_code", "language"]
    list_filter = ["status", "kind", "country_code", "language"]
    search_fields = ["name", "homepage"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "homepage",
                    "country_code",
                    "language",
                    "description",
                ]
            },
        ),
    ]
    inlines = [FeedInline]


#: How a feed's readings go, on its page: written by the readings, never by hand.
READINGS = [
    *("state", "last_polled_at", "last_success_at", "next_poll_at", "failures", "last_error"),
    "last_run",
]


@admin.register(Feed)
class FeedAdmin(FeedStatusMixin, SafeAutocompleteMixin, admin.ModelAdmin):
    """Outlets' feeds: read every few minutes, their new items imported as drafts."""

    # state says active or paused and the failures in a row; the times of the last success
    # and of the next reading are on the feed's page (a list of six columns fits a laptop)
    list_display = ["__str__", "outlet", "state", "last_polled_at", "short_error", "last_run"]
    list_filter = ["is_active", ("last_error", admin.EmptyFieldListFilter), "outlet"]
    list_select_related = ["outlet", "last_job"]
    search_fields = ["url", "title", "outlet__name"]
    autocomplete_fields = ["outlet"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["poll_now"]
    fieldsets = [
        (None, {"fields": ["outlet", "url", "title", "is_active", "poll_every_minutes"]}),
        (
            "Readings",
            {"fields": READINGS},
        ),
    ]
    readonly_fields = READINGS

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request, queryset) -> None:
        queued, busy = read_now(queryset.select_related("outlet", "last_job"))
        if queued:
            n = len(queued)
            self.message_user(request, f"{n} feed{pluralize(n)} will be read in a moment.")
        if busy:
            n = len(busy)
            verb = pluralize(n, "is,are")
            self.message_user(request, f"{n} feed{pluralize(n)} {verb} being read already.")


@admin.register(Source)
class SourceAdmin(PublishableAdmin):
    # the language is a filter; its column pushed the status out of view
    list_display = ["title", "status_badge", "published_on", "outlet", "is_copy"]
    list_filter = ["status", "outlet", "language", ("duplicate_of", admin.EmptyFieldListFilter)]
    list_select_related = ["outlet", "duplicate_of"]
    search_fields = ["title", "url", "byline"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet", "duplicate_of"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "outlet",
                    "url",
                    "byline",
                    "published_on",
                    "language",
                    "summary",
                ]
            },
        ),
        ("Text", {"fields": ["body", "content_hash", "duplicate_of"]}),
        (
            "Image",
            {
                "fields": ["image", "image_alt", "image_credit", "image_caption"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="sources_source_import",
            ),
            path(
                "import/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="sources_source_import_job",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload article files, any number at once: they are imported in the background and
        the upload goes straight to the import's page, which follows it to its report."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportArticlesForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = submit_import(
                ((upload.name, upload.read()) for upload in form.cleaned_data["files"]),
                user=request.user,
            )
            return HttpResponseRedirect(reverse("admin:sources_source_import_job", args=[job.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import articles",
            "form": form,
            "recent": Job.objects.filter(task_path=import_articles.module_path)
            .select_related("created_by")
            .defer("payload", "result")[:10],
        }
        return TemplateResponse(
            request, "admin/sources/source/import.html", context, status=400 if form.errors else 200
        )

    def import_job_view(self, request, job_id: int):
        """An import's progress while it runs, then its report, a line per file (a feed's
        reading: a line per new item)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(Job, pk=job_id, task_path__in=IMPORT_TASKS)
        reports = reports_of(job)
        feed = None
        if job.task_path == poll_feed.module_path:
            feed = Feed.objects.filter(pk=job.payload.get("feed")).first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": job.title,
            "job": job,
            "reading": job.task_path == poll_feed.module_path,
            "feed": feed,
            "reports": reports,
            "counts": summarise(reports),
        }
        response = TemplateResponse(request, "admin/sources/source/import_job.html", context)
        if not job.finished:
            response["Refresh"] = "2"  # the page follows the import until its report is whole
        return response

    @admin.display(description="copy of", ordering="duplicate_of")
    def is_copy(self, obj: Source) -> str:
        return str(obj.duplicate_of) if obj.duplicate_of_id else ""


@admin.register(Citation)
class CitationAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    """All citations in one list, to review what each source is used for.

    Read-only here: citations are added and changed on their record's page, where the workflow
    (a contributor cannot change a published record) applies to them too.
    """

    list_display = ["source", "content_type", "object_id", "claim", "short_excerpt"]
    list_filter = ["content_type", "claim"]
    list_select_related = ["source", "content_type"]
    search_fields = ["excerpt", "source__title"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="excerpt")
    def short_excerpt(self, obj: Citation) -> str:
        return obj.excerpt[:100]
