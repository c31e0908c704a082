"""Admin for outlets, sources and citations."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from cmsproject.editorial.admin import GenericRowInline, PublishableAdmin
from cmsproject.editorial.autocomplete import SafeAutocompleteMixin
from cmsproject.editorial.jobs import Job

from . import facts
from .forms import ImportArticlesForm
from .ingestion.service import summarise
from .models import Citation, Outlet, Source
from .tasks import import_articles, reports_of, submit_import


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
        """An import's progress while it runs, then its report, a line per file."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(Job, pk=job_id, task_path=import_articles.module_path)
        reports = reports_of(job)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": job.title,
            "job": job,
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
