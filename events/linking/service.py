"""Linking services: find mentions in a source, save them as suggestions, accept or reject."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cmsproject.editorial.actions import Action
from cmsproject.editorial.models import Status
from cmsproject.editorial.rights import check_may_change
from sources.ingestion.cleaning import sentence_around
from sources.models import Citation, Source

from ..models import Agreement, Event, Figure, Indicator, Mention, Organization, Person, Place
from . import figures, settling
from .index import NameIndex, get_index
from .matcher import Found, find_names

MODELS = {
    "person": Person,
    "organization": Organization,
    "place": Place,
    "agreement": Agreement,
    "event": Event,
}
# How far from an event's dates a source may be published and still report it.
EVENT_WINDOW_BEFORE = datetime.timedelta(days=3)
EVENT_WINDOW_AFTER = datetime.timedelta(days=10)


def find_mentions(source: Source, *, index: NameIndex | None = None) -> list[Found]:
    """Every mention in the source's body, plus the events it seems to report."""
    index = index or get_index()
    found = find_names(source.body, index, on_date=source.published_on)
    return found + _reported_events(source, found, index)


def _reported_events(source: Source, found: list[Found], index: NameIndex) -> list[Found]:
    if source.published_on is None:
        return []
    people = {f.record_id: f for f in found if f.kind == "person" and f.record_id}
    places = {f.record_id: f for f in found if f.kind == "place" and f.record_id}
    named_events = {f.record_id for f in found if f.kind == "event"}
    out = []
    # Every report needs at least one participant named: only their events can qualify.
    candidates = {e["id"]: e for p in people for e in index.events_of_person.get(p, ())}
    for event in sorted(candidates.values(), key=lambda e: e["order"]):
        if event["id"] in named_events:
            continue
        if not (
            event["start"] - EVENT_WINDOW_BEFORE
            <= source.published_on
            <= event["end"] + EVENT_WINDOW_AFTER
        ):
            continue
        present = [people[p] for p in event["people"] if p in people]
        at_place = places.get(event["place_id"])
        if len(present) >= 2 or (at_place and present):
            anchor = min([*present, *([at_place] if at_place else [])], key=lambda f: f.start)
            reason = f"dated near the event; names {len(present)} of its participants"
            if at_place:
                reason += " and its place"
            out.append(Found("event", event["id"], anchor.text, anchor.start, anchor.end, reason))
    return out


def _as_dict(found: Found, index: NameIndex) -> dict:
    name, slug = index.names.get((found.kind, found.record_id), (found.proposed_name, None))
    item = {
        "type": found.kind,
        "name": name or found.text,
        "slug": slug,
        "text": found.text,
        "start": found.start,
        "end": found.end,
    }
    if found.candidates:
        item["name"] = found.text
        item["ambiguous"] = [
            {"name": index.names[(found.kind, c)][0], "slug": index.names[(found.kind, c)][1]}
            for c in found.candidates
        ]
    if found.record_id is None and not found.candidates:
        item["new"] = True
    item["reason"] = found.reason
    return item


@transaction.atomic
def link_source(source: Source, user=None, *, new_source: bool = False) -> list[dict]:
    """Find mentions, save one suggestion per record (rejections are kept and respected), and
    return every occurrence in the report shape of DESIGN.md."""
    return link_sources([source], user, new_sources=new_source)[0]


@transaction.atomic
def link_sources(
    sources: list[Source], user=None, *, new_sources: bool = False
) -> list[list[dict]]:
    """:func:`link_source` for several sources, their suggestions saved in one insert."""
    found = suggest(sources, new_sources=new_sources)
    Mention.objects.bulk_create([row for rows, _ in found for row in rows])
    return [report for _, report in found]


Suggestions = tuple[list[Mention], list[dict]]


def suggest(sources: list[Source], *, new_sources: bool = False) -> list[Suggestions]:
    """For each source, the suggestions to save (unsaved rows) and the report of every
    occurrence. Reads only."""
    index = get_index()
    types = {kind: ContentType.objects.get_for_model(model) for kind, model in MODELS.items()}
    figure_context = figures.FigureContext()
    out = []
    for source in sources:
        found = find_mentions(source, index=index)
        rows = _new_mentions(source, found, index, types, new_source=new_sources)
        known = set() if new_sources else _known_figures(source)
        rows += figures.figure_mentions(source, found, figure_context, known=known)
        out.append((rows, [_as_dict(f, index) for f in found]))
    return out


def _known_figures(source: Source) -> set[str]:
    """The figures already suggested for ``source``, whatever was decided on them."""
    figures_found = Mention.objects.filter(source=source, kind=Mention.Kind.FIGURE)
    return set(figures_found.values_list("proposed_name", flat=True))


def _new_mentions(source, found: list[Found], index: NameIndex, types, *, new_source: bool):
    names = [] if new_source else Mention.objects.filter(source=source)  # a new one has none
    existing = {
        (m.content_type_id, m.object_id, m.proposed_name if m.object_id is None else ""): m
        for m in names
        if m.kind != Mention.Kind.FIGURE
    }
    groups: dict[tuple, list[Found]] = {}
    for f in found:
        key = (f.kind, f.record_id, f.proposed_name or (f.text if f.candidates else ""))
        groups.setdefault(key, []).append(f)
    rows = []
    for (kind, record_id, proposed), hits in groups.items():
        ct = types[kind]
        first = hits[0]
        key = (ct.id if record_id else None, record_id, proposed if record_id is None else "")
        if key in existing:
            continue  # already suggested, accepted or rejected: decisions stand
        rows.append(
            Mention(
                source=source,
                kind=kind,
                content_type=ct if record_id else None,
                object_id=record_id,
                proposed_name=proposed if record_id is None else "",
                text=first.text[:300],
                start=first.start,
                end=first.end,
                spans=[[h.start, h.end] for h in hits],
                sentence=sentence_around(source.body, first.start, first.end),
                reason=first.reason[:120],
                candidates=[{"id": c, "name": index.names[(kind, c)][0]} for c in first.candidates],
            )
        )
    return rows


def _check_may_decide(user) -> None:
    if user is None or not user.is_active or not user.has_perm("sources.add_citation"):
        raise PermissionDenied("You may not decide on suggestions: you cannot add citations.")


class AcceptSuggestion(Action):
    """Say yes: the name is this record. The sentence is cited on what it supports — the
    relation of an event or agreement citing this source (the participation, the signature,
    the place; :func:`~events.linking.settling.relations_backed`), or the event or agreement
    itself — never on the record's own text (a report of a meeting says nothing of a
    minister's biography). With nothing citing the source yet, the suggestion is only marked
    accepted; *Create event from this source* cites it when the event is made.

    For an ambiguous mention the editor chooses ``record`` among the candidates; for a new
    person a draft Person is created under the proposed name, its name cited. A citation
    readers would see at once (a published source and a published record) is an Editor's.
    """

    def __init__(self, mention: Mention, *, user, record=None) -> None:
        super().__init__(mention, user=user)
        self.record = record if record is not None else mention.record
        self.figure: tuple[Figure, bool] | None = None

    def check(self) -> None:
        _check_may_decide(self.user)
        mention = self.obj
        if mention.decision == Mention.Decision.ACCEPTED:
            raise ValidationError("This suggestion has already been accepted.")
        if mention.kind == Mention.Kind.FIGURE:
            # ``record``, when given, is the indicator the editor chose among the candidates
            chosen = self.record if isinstance(self.record, Indicator) else None
            if chosen is None and mention.candidates:
                raise ValidationError(
                    "This amount fits several indicators; choose which one before accepting it."
                )
            self.figure = figures.figure_of(mention, chosen, self.user)
            return
        if self.record is None and mention.is_ambiguous:
            raise ValidationError(
                "This name fits several records; choose which one before accepting it."
            )
        for citation in self._citations():
            check_may_change(self.user, citation, action="add")

    def _citations(self) -> list[Citation]:
        mention, record = self.obj, self.record
        excerpt = mention.sentence or mention.text
        if record is None:
            return []
        if mention.kind in (Mention.Kind.EVENT, Mention.Kind.AGREEMENT):
            backed = [settling.Backed(record, "", "")]
        else:
            backed = settling.relations_backed(mention, record)
        citations = []
        for relation in backed:
            exists = Citation.objects.for_object(relation.record).filter(
                source=mention.source, claim=relation.claim, excerpt=excerpt
            )
            if not exists.exists():
                citations.append(
                    Citation(
                        source=mention.source,
                        record=relation.record,
                        excerpt=excerpt,
                        claim=relation.claim,
                        note=relation.note,
                        created_by=self.user,
                    )
                )
        return citations

    def perform(self) -> list[Citation]:
        mention, user = self.obj, self.user
        if self.figure is not None:
            return self._accept_figure(*self.figure)
        record = self.record
        citations = self._citations()
        if record is None:
            record = Person(name=mention.proposed_name, status=Status.DRAFT)
            self.stamp(record, f"Proposed by linking in “{mention.source}”")
            record.save()
            # the sentence is where the name comes from
            citations = [
                Citation(
                    source=mention.source,
                    record=record,
                    excerpt=mention.sentence or mention.text,
                    claim="name",
                    created_by=user,
                )
            ]
        for citation in citations:
            citation.full_clean()
            self.stamp(citation, f"Accepted from the suggestions of “{mention.source}”")
            citation.save()
        self._decide(mention, record)
        return citations

    def _accept_figure(self, figure: Figure, new: bool) -> list[Citation]:
        """A draft figure (or the same figure already recorded) citing the sentence."""
        mention, user = self.obj, self.user
        if new:
            figure.status = Status.DRAFT
            self.stamp(figure, f"Suggested by the import of “{mention.source}”")
            figure.full_clean(exclude=["slug"])
            figure.save()
        citation = figures.citation_for(mention, figure, user)
        citations = [citation] if citation is not None else []
        for citation in citations:
            check_may_change(user, citation, action="add")
            citation.full_clean()
            self.stamp(citation, f"Accepted from the suggestions of “{mention.source}”")
            citation.save()
        self._decide(mention, figure)
        return citations

    def _decide(self, mention: Mention, record) -> None:
        mention.record = record  # sets the type and id, and what ``mention.record`` reads
        mention.decision = Mention.Decision.ACCEPTED
        mention.decided_by, mention.decided_at = self.user, timezone.now()
        mention.save()


class RejectSuggestion(Action):
    """Say no; the same record is never suggested again for this source."""

    def check(self) -> None:
        _check_may_decide(self.user)

    def perform(self) -> Mention:
        mention = self.obj
        mention.decision = Mention.Decision.REJECTED
        mention.decided_by, mention.decided_at = self.user, timezone.now()
        mention.save(update_fields=["decision", "decided_by", "decided_at"])
        return mention


def accept_mention(*, mention: Mention, user, record=None) -> list[Citation]:
    return AcceptSuggestion(mention, user=user, record=record).execute()


def reject_mention(*, mention: Mention, user) -> Mention:
    return RejectSuggestion(mention, user=user).execute()


class LinkImportedSources:
    """The import service's hook (sources.ingestion.service.SourceHook): the names, events
    and figures in new sources are found before the import takes its write lock, and saved as
    suggestions in the import's transaction, in one insert."""

    def find(self, sources: list[Source]) -> list[Suggestions]:
        return suggest(sources, new_sources=True)

    def write(self, sources: list[Source], found: list[Suggestions], user) -> list[list[dict]]:
        rows = []
        for source, (mentions, _) in zip(sources, found, strict=True):
            for mention in mentions:
                mention.source = source  # the source as written, with its key
                mention.pk = None  # new, even if a batch that wrote it was undone
            rows += mentions
        Mention.objects.bulk_create(rows)
        return [report for _, report in found]


sources_hook = LinkImportedSources()
