"""Admin for linking suggestions: accept or reject with one click, or many at once."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from cmsproject.editorial.autocomplete import SafeAutocompleteMixin
from sources import facts
from sources.admin import SourceAdmin
from sources.models import Source

from .admin_drafting import SourceDraftingMixin
from .admin_merge import MergeDuplicatesMixin
from .linking.service import MODELS, accept_mention, reject_mention
from .models import Indicator, Mention


def decision_buttons(mention: Mention) -> str:
    """Buttons that post the page's small side-actions form (templates/admin/base_site.html)
    to the accept/reject views, never the record's form around them: edits typed in a
    source's fields stay on the page (caravan/admin-desk.js swaps the answer in)."""
    if mention.decision != Mention.Decision.SUGGESTED:
        return mention.get_decision_display()
    accept = reverse("admin:events_mention_accept", args=[mention.pk])
    reject = reverse("admin:events_mention_reject", args=[mention.pk])
    button = '<button type="submit" class="button" form="side-actions" formaction="{}">{}</button>'
    if mention.is_ambiguous:
        choices = format_html_join(
            " ",
            button,
            ((f"{accept}?record={c['id']}", f"It is {c['name']}") for c in mention.candidates),
        )
    else:
        choices = format_html(button, accept, "Accept")
    return format_html("{} " + button, choices, reject, "Reject")


def decision_cell(mention: Mention) -> str:
    """The decision, in the box the page's script replaces with the answer."""
    return format_html('<span data-replace="decision">{}</span>', decision_buttons(mention))


def accepted_message(mention: Mention, citations: list) -> str:
    """What accepting did: where the sentence is now cited, or that nothing rests on it yet."""
    label = str(mention.record or mention.label)
    if mention.kind == Mention.Kind.FIGURE:
        figure = mention.record
        state = "a draft" if figure is not None and not figure.is_published else "recorded"
        cited = "the sentence is cited on its value" if citations else "the sentence was cited"
        return f"Accepted: the figure {label} is {state}; {cited}. Check it, then publish it."
    if not citations:
        return (
            f"Accepted: this source names {label}. Nothing cites it yet — create the event "
            "from this source, or add it to an event, to cite the sentence there."
        )
    where = "; ".join(
        f"“{c.record}” ({facts.label_of(facts.model_of(c), c.claim) if c.claim else 'as a whole'})"
        for c in citations
    )
    return f"Accepted: {label}. The sentence is cited on {where}."


class MentionDisplay:
    """Columns shared by the suggestions list and the source page's inline."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("record")

    @admin.display(description="suggestion")
    def found(self, obj: Mention) -> str:
        return obj.label

    @admin.display(description="decision")
    def buttons(self, obj: Mention) -> str:
        return decision_cell(obj)


@admin.register(Mention)
class MentionAdmin(SafeAutocompleteMixin, MentionDisplay, admin.ModelAdmin):
    list_display = ["found", "kind", "text", "source", "reason", "buttons"]
    list_filter = ["decision", "kind"]
    list_select_related = ["source", "content_type"]
    search_fields = ["text", "proposed_name", "source__title"]
    readonly_fields = [
        "source",
        "kind",
        "found",
        "text",
        "start",
        "end",
        "sentence",
        "reason",
        "decision",
        "decided_by",
        "decided_at",
        "buttons",
    ]
    fields = readonly_fields
    actions = ["accept_selected", "reject_selected"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/accept/",
                view(require_POST(self.accept_view)),
                name="events_mention_accept",
            ),
            path(
                "<int:pk>/reject/",
                view(require_POST(self.reject_view)),
                name="events_mention_reject",
            ),
            *super().get_urls(),
        ]

    def _back(self, request: HttpRequest) -> HttpResponseRedirect:
        return HttpResponseRedirect(
            request.headers.get("referer") or reverse("admin:events_mention_changelist")
        )

    def accept_view(self, request: HttpRequest, pk: int):
        mention = get_object_or_404(Mention, pk=pk)
        record = None
        if request.GET.get("record"):
            chosen = int(request.GET["record"])
            if chosen not in {c["id"] for c in mention.candidates}:
                raise PermissionDenied("That record is not one of the candidates.")
            # a figure's candidates are indicators; a name's, records of its kind
            chosen_from = Indicator if mention.kind == Mention.Kind.FIGURE else MODELS[mention.kind]
            record = chosen_from.objects.get(pk=chosen)
        try:
            citations = accept_mention(mention=mention, user=request.user, record=record)
        except ValidationError as exc:
            return self._decided(request, mention, " ".join(exc.messages), ok=False)
        except PermissionDenied as exc:
            return self._decided(request, mention, str(exc), ok=False, status=403)
        return self._decided(request, mention, accepted_message(mention, citations))

    def reject_view(self, request: HttpRequest, pk: int):
        mention = get_object_or_404(Mention, pk=pk)
        try:
            reject_mention(mention=mention, user=request.user)
        except PermissionDenied as exc:
            return self._decided(request, mention, str(exc), ok=False, status=403)
        return self._decided(
            request, mention, f"Rejected: {mention.label} will not be suggested again."
        )

    def _decided(self, request: HttpRequest, mention: Mention, message: str, *, ok=True, status=0):
        """The page's script gets the decision cell again (the source's form, with whatever
        is typed in it, stays as it is); without script, back to the page with a message."""
        if request.headers.get("x-requested-with") == "fetch":
            mention.refresh_from_db()
            return JsonResponse(
                {"ok": ok, "message": message, "html": decision_cell(mention)},
                status=status or (200 if ok else 400),
            )
        self.message_user(request, message, messages.SUCCESS if ok else messages.ERROR)
        return self._back(request)

    @admin.action(description="Accept selected suggestions")
    def accept_selected(self, request, queryset):
        done, skipped, refused = 0, 0, 0
        for mention in queryset.filter(decision=Mention.Decision.SUGGESTED):
            try:
                accept_mention(mention=mention, user=request.user)
                done += 1
            except ValidationError:
                skipped += 1
            except PermissionDenied:
                refused += 1
        note = f"; {skipped} ambiguous left for you to choose" if skipped else ""
        if refused:
            note += f"; {refused} for published records left to an Editor"
        self.message_user(
            request,
            f"{done} suggestion(s) accepted{note}.",
            messages.WARNING if refused else messages.INFO,
        )

    @admin.action(description="Reject selected suggestions")
    def reject_selected(self, request, queryset):
        count = 0
        for mention in queryset.exclude(decision=Mention.Decision.REJECTED):
            reject_mention(mention=mention, user=request.user)
            count += 1
        self.message_user(request, f"{count} suggestion(s) rejected.")


class MentionInline(SafeAutocompleteMixin, MentionDisplay, admin.TabularInline):
    model = Mention
    fields = ["found", "kind", "text", "sentence", "buttons"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "found in this source (suggestions)"

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class SourceWithMentionsAdmin(SourceDraftingMixin, MergeDuplicatesMixin, SourceAdmin):
    """The source page with what linking found in it, and the merge of one article entered
    twice (``sources`` cannot know ``events``, where merging lives)."""

    inlines = [*SourceAdmin.inlines, MentionInline]


admin.site.unregister(Source)
admin.site.register(Source, SourceWithMentionsAdmin)
