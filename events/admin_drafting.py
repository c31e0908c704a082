"""From a source to the event it reports, in the admin.

On a source's page, *Save and create event from this source* saves the source (nothing typed
is lost) and opens the event form filled from it by :func:`events.drafting.draft_event`: title,
kind, dates, place, host, the participants its person suggestions name, and a citation of the
sentence behind each value. *Save and add to this event* does the same for an event the
source may report (:func:`events.drafting.matching_events`): the participants it does not have
yet, and citations of what the source says of it. Either way the editor checks and saves;
the suggestions the saved event answers are then marked accepted (events/linking/settling.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from cmsproject.editorial.admin import prefill
from cmsproject.editorial.models import unique_slug
from sources.models import Citation, Source

from .drafting import EventDraft, draft_event, matching_events
from .models import Event, Participation

FROM_SOURCE = "from_source"
# Facts cited on an existing event when its value differs from the source's: the source then
# disagrees with the record, which readers see ("X gives the date as …"). A guessed title or
# kind that differs is the guess's fault, not a disagreement, and is left out.
DISAGREEABLE = {"start_date", "end_date", "place"}


def event_form_url(source: Source, event: Event | None = None) -> str:
    """The event form (a new one, or ``event``'s) filled from ``source``."""
    if event is None:
        url = reverse("admin:events_event_add")
    else:
        url = reverse("admin:events_event_change", args=[event.pk])
    return f"{url}?{urlencode({FROM_SOURCE: source.pk})}"


class SourceDraftingMixin:
    """For the source's admin: the box that leads to the event, and its buttons."""

    change_form_template = "admin/sources/source/change_form.html"

    def _drafting(self, request: HttpRequest, source: Source) -> dict | None:
        user = request.user
        may_add, may_change = (
            user.has_perm("events.add_event"),
            user.has_perm("events.change_event"),
        )
        if not (may_add or may_change) or not source.body:
            return None
        matches = matching_events(source) if may_change else []
        return {"matches": matches, "may_add": may_add, "may_change": may_change}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["drafting"] = self._drafting(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request: HttpRequest, obj: Source):
        response = super().response_change(request, obj)
        if getattr(request, "_caravan_proposal", {}) and "error" in request._caravan_proposal:
            return response
        if "_create_event" in request.POST and request.user.has_perm("events.add_event"):
            return HttpResponseRedirect(event_form_url(obj))
        chosen = request.POST.get("_add_to_event", "")
        if chosen.isdigit() and request.user.has_perm("events.change_event"):
            event = Event.objects.filter(pk=int(chosen)).first()
            if event is not None:
                return HttpResponseRedirect(event_form_url(obj, event))
        return response


def _rows_for_existing(event: Event, draft: EventDraft) -> tuple[list[dict], list[dict]]:
    """Participants ``event`` does not have yet, and citations of what the source says of it
    that the event does not cite already."""
    present = set(event.participations.values_list("person_id", flat=True))
    participants = [
        {**row, "order": len(present) + i}
        for i, row in enumerate(
            r for r in draft.participations_initial() if r["person"] not in present
        )
    ]
    people = present | {row["person"] for row in participants}
    cited = set(
        Citation.objects.for_object(event)
        .filter(source=draft.source)
        .values_list("claim", "excerpt")
    )
    citations = []
    for fact, row in zip(draft.facts, draft.citations_initial(), strict=True):
        if fact.claim == "participation":
            keep = fact.value.pk in people
        else:
            current = getattr(event, fact.claim, None)
            keep = current == fact.value
            if not keep and fact.claim in DISAGREEABLE and current is not None:
                row["claimed_value"] = getattr(fact.value, "name", None) or str(fact.value)
                keep = True
        if keep and (row["claim"], row["excerpt"]) not in cited:
            citations.append(row)
    start = Citation.objects.for_object(event).count()
    return participants, [{**row, "position": start + i} for i, row in enumerate(citations)]


class EventDraftingMixin:
    """For the event's admin: the form filled from ``?from_source=<pk>``."""

    def changeform_view(
        self, request: HttpRequest, object_id=None, form_url="", extra_context=None
    ):
        if request.method == "GET" and FROM_SOURCE in request.GET:
            self._fill_from_source(request, object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _fill_from_source(self, request: HttpRequest, object_id) -> None:
        value = request.GET[FROM_SOURCE]
        source = Source.objects.filter(pk=int(value)).first() if value.isdigit() else None
        if source is None:
            messages.error(request, "That source does not exist (any more): the form is empty.")
            return
        draft = draft_event(source)
        if object_id is None:
            initial = {**draft.initial(), "slug": unique_slug(Event, draft.title)}
            prefill(
                request,
                initial=initial,
                rows={
                    Participation: draft.participations_initial(),
                    Citation: draft.citations_initial(),
                },
            )
            messages.info(
                request,
                f"Filled from “{source}”: {len(draft.participants)} participant(s) and "
                f"{len(draft.facts)} citation(s) of the sentences each value rests on. Check "
                "each value against the text, correct what is wrong, then save.",
            )
            return
        event = self.get_object(request, object_id)
        if event is None:
            return
        participants, citations = _rows_for_existing(event, draft)
        prefill(request, rows={Participation: participants, Citation: citations})
        messages.info(
            request,
            f"From “{source}”: {len(participants)} participant(s) to add and {len(citations)} "
            "citation(s) below. Check them, then save.",
        )
