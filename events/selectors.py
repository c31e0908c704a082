"""Reads shared by the public pages and the API: records with what their pages show.

The detail selectors (``event_detail`` …) are one prefetch tree for a page and for the API's
detail: what a related list holds is decided by the visibility layer for the audience of the
read (any reader on a public page; the token's user in the API), so a published page that
relates to a draft simply omits it, and an editor's preview or API read shows it.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from cmsproject import caching
from cmsproject.editorial.models import published_through
from sources.models import Citation, Source

from .models import (
    Agreement,
    Event,
    Indicator,
    Organization,
    Participation,
    Person,
    Position,
    Signatory,
    Topic,
)


def published_citations() -> Prefetch:
    """A record's citations whose source a reader may see, with outlet, in note order."""
    return Prefetch(
        "citations",
        queryset=Citation.objects.select_related("source__outlet").order_by("position", "id"),
    )


def positions_with_organizations(lookup: str = "positions") -> Prefetch:
    return Prefetch(lookup, queryset=Position.objects.select_related("organization"))


def event_list() -> QuerySet[Event]:
    return Event.objects.published().select_related("place__country", "series")


def count_by(queryset: QuerySet, field: str) -> dict[int, int]:
    """How many rows of ``queryset`` each value of ``field`` (a key) has: one GROUP BY."""
    return dict(
        queryset.filter(**{f"{field}__isnull": False})
        .values_list(field)
        .annotate(n=Count("id"))
        .order_by()
    )


LIST_PARTICIPANTS = 3


def with_delegations(events: list[Event]) -> list[Event]:
    """Gives each event of a page of the events list ``states`` (the states its participants
    represented, in the editors' order) and ``main_participants`` (the first few): one query
    for the whole page."""
    prefetch_related_objects(
        events,
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person", "representing").order_by(
                "order", "id"
            ),
        ),
    )
    for event in events:
        rows = list(event.participations.all())
        states = {p.representing.pk: p.representing for p in rows if p.representing}
        event.states = [o for o in states.values() if o.is_state]
        event.main_participants = [p.person for p in rows[:LIST_PARTICIPANTS]]
        event.more_participants = max(len(rows) - LIST_PARTICIPANTS, 0)
    return events


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """Consecutive events grouped under the year they started (the list is in date order)."""
    groups: list[tuple[int, list[Event]]] = []
    for event in events:
        year = event.start_date.year
        if not groups or groups[-1][0] != year:
            groups.append((year, []))
        groups[-1][1].append(event)
    return groups


def involving_state(queryset: QuerySet[Event], iso_code: str) -> QuerySet[Event]:
    """Events a state took part in: as host, by a participant representing it, or on its soil.

    Written as id subqueries, each answered by an index, so no DISTINCT over a join is needed.
    """
    # Only what a reader can see counts: a draft participant or draft place says nothing.
    represented = Participation.objects.filter(
        published_through("person"), event=OuterRef("pk"), representing__iso_code=iso_code
    )
    return queryset.filter(
        Q(host__iso_code=iso_code)
        | (Q(place__country__iso_code=iso_code) & published_through("place"))
        | Exists(represented)
    )


STATE_EVENTS_SHOWN = 20


def latest_events_of_state(state: Organization) -> list[Event]:
    """The ``STATE_EVENTS_SHOWN`` latest published events a state took part in, newest first.

    Finding them means looking through every participation of the state, which grows with the
    archive; which events they are is kept until the content changes, and only those few rows
    are read on each request."""

    def latest_ids() -> list[int]:
        events = involving_state(Event.objects.published(), state.iso_code)
        return list(
            events.order_by("-start_date", "pk").values_list("pk", flat=True)[:STATE_EVENTS_SHOWN]
        )

    ids = caching.cached(f"state-events:{state.pk}", latest_ids)
    found = {e.pk: e for e in event_list().filter(pk__in=ids).order_by()}
    return [found[pk] for pk in ids if pk in found]


def event_detail() -> QuerySet[Event]:
    participations = (
        Participation.objects.all()
        .select_related("person", "representing")
        .prefetch_related(positions_with_organizations("person__positions"))
        .order_by("order", "id")  # the editors' order; pages group them by state
    )
    return Event.objects.select_related(
        "place__country", "series", "host", "parent"
    ).prefetch_related(
        Prefetch("participations", queryset=participations),
        Prefetch(
            "sideline_events",
            queryset=Event.objects.all().select_related("place").order_by("start_date"),
        ),
        Prefetch("agreements", queryset=Agreement.objects.all().order_by("title")),
        Prefetch("topics", queryset=Topic.objects.all()),
        "images",
        published_citations(),
        "identifiers",
    )


def participants_by_state(event: Event) -> list[tuple[Organization | None, list[dict]]]:
    """Participants grouped by the state or body they represented, each labelled with the office
    they held on the day of the event."""
    groups: dict[int | None, list[dict]] = defaultdict(list)
    orgs: dict[int | None, Organization | None] = {None: None}
    for p in event.participations.all():
        rep = p.representing
        orgs[rep.pk if rep else None] = rep
        groups[rep.pk if rep else None].append({"person": p.person, "label": p.label})
    ordered = sorted(groups, key=lambda k: (k is None, orgs[k].name if orgs[k] else ""))
    return [(orgs[k], groups[k]) for k in ordered]


def person_detail() -> QuerySet[Person]:
    return Person.objects.select_related("country").prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("organization").order_by("start_date"),
        ),
        Prefetch("events", queryset=Event.objects.select_related("place").order_by("-start_date")),
        Prefetch(
            "signatures",
            queryset=Signatory.objects.all()
            .select_related("agreement", "on_behalf_of")
            .order_by("-agreement__signed_on"),
            to_attr="published_signatures",
        ),
        "aliases",
        published_citations(),
        "identifiers",
    )


def agreement_detail() -> QuerySet[Agreement]:
    return Agreement.objects.select_related("signed_at", "place__country").prefetch_related(
        Prefetch("parties", queryset=Organization.objects.all()),
        Prefetch(
            "signatories",
            queryset=Signatory.objects.all().select_related("person", "on_behalf_of"),
        ),
        Prefetch("topics", queryset=Topic.objects.all()),
        "aliases",
        published_citations(),
        "identifiers",
    )


OFFICE_HOLDERS_SHOWN = 20


def office_holders(org: Organization) -> list[Position]:
    """The latest office holders at ``org``, newest first: a state's list grows without end
    over the years, so a page shows the most recent ``OFFICE_HOLDERS_SHOWN``."""
    return list(
        Position.objects.filter(organization=org)
        .select_related("person", "organization")
        .order_by("-start_date", "-id")[:OFFICE_HOLDERS_SHOWN]
    )


def offices_by_role(positions: list[Position]) -> list[tuple[str, list[Position]]]:
    """Office holders grouped by the kind of office, most senior kind first (President, then
    Prime Minister, then Foreign Minister…), newest holder first within each: "who was the
    foreign minister in 2022" is one glance, not a scroll."""
    groups: dict[tuple[int, str], list[Position]] = defaultdict(list)
    for position in positions:
        groups[(position.rank, position.get_role_display())].append(position)
    return [(label, groups[(rank, label)]) for rank, label in sorted(groups)]


def organization_detail() -> QuerySet[Organization]:
    return Organization.objects.select_related("parent").prefetch_related(
        Prefetch("members", queryset=Organization.objects.all()),
        Prefetch("member_of", queryset=Organization.objects.all()),
        Prefetch("children", queryset=Organization.objects.all()),
        "aliases",
        published_citations(),
        "identifiers",
    )


def state_activity(state: Organization) -> dict:
    """For a state: per partner state and year, the events both took part in and the agreements
    both are parties to — published records only (cached per content version)."""
    return caching.cached(f"state-activity:{state.pk}", lambda: _state_activity(state))


def _state_activity(state: Organization) -> dict:
    events = involving_state(Event.objects.published(), state.iso_code)
    partners = {o.pk: o for o in Organization.objects.published().states().exclude(pk=state.pk)}
    table: dict[int, Counter] = {pk: Counter() for pk in partners}
    agreements: dict[int, Counter] = {pk: Counter() for pk in partners}
    rows = (
        Participation.objects.filter(event__in=events, representing__in=partners.keys())
        .values_list("representing_id", "event__start_date__year", "event_id")
        .distinct()
    )
    seen = set()
    partners_of: dict[int, set[int]] = defaultdict(set)  # event -> partner states there
    year_of: dict[int, int] = {}
    for partner, year, event_id in rows:
        partners_of[event_id].add(partner)
        year_of[event_id] = year
        if (partner, event_id) not in seen:
            seen.add((partner, event_id))
            table[partner][year] += 1
    for partner, year in (
        Agreement.objects.published()
        .filter(parties=state)
        .filter(parties__in=partners.keys())
        .values_list("parties", "signed_on__year")
    ):
        if partner in agreements and year:
            agreements[partner][year] += 1
    # Every year from the first to the last: a year without events is a zero, not a gap.
    found = {y for c in [*table.values(), *agreements.values()] for y in c}
    years = list(range(min(found), max(found) + 1)) if found else []
    # Each event once, however many partners were there (one summit is not five events).
    bilateral, multilateral = Counter(), Counter()
    for event_id, sides in partners_of.items():
        (bilateral if len(sides) == 1 else multilateral)[year_of[event_id]] += 1
    return {
        "years": years,
        "per_year": [(y, bilateral[y], multilateral[y]) for y in years],
        "rows": [
            {
                "partner": partners[pk],
                "events": [table[pk][y] for y in years],
                "agreements": [agreements[pk][y] for y in years],
                "total": sum(table[pk].values()) + sum(agreements[pk].values()),
            }
            for pk in sorted(partners, key=lambda k: partners[k].name)
        ],
    }


def events_per_year_by_kind() -> dict:
    counts = (
        Event.objects.published()
        .values_list("start_date__year", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    years = sorted({y for y, _, _ in counts})
    kinds = [k for k, _ in Event.Kind.choices if any(k == kk for _, kk, _ in counts)]
    grid = {(y, k): n for y, k, n in counts}
    return {
        "years": years,
        "kinds": [(k, Event.Kind(k).label) for k in kinds],
        "rows": [
            {
                "year": y,
                "counts": [grid.get((y, k), 0) for k in kinds],
                "total": sum(grid.get((y, k), 0) for k in kinds),
            }
            for y in years
        ],
    }


def home_context(today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    events = event_list()
    return {
        "latest": events.filter(start_date__lte=today).order_by("-start_date")[:8],
        "upcoming": events.filter(start_date__gt=today).order_by("start_date")[:5],
        **caching.cached("home-aggregates", home_aggregates),
    }


def home_aggregates() -> dict:
    """Counts and the per-year chart: whole-table work, done once per content version."""
    return {
        "counts": {
            "events": Event.objects.published().count(),
            "people": Person.objects.published().count(),
            "organizations": Organization.objects.published().count(),
            "agreements": Agreement.objects.published().count(),
            "sources": Source.objects.published().count(),
        },
        "chart": events_per_year_by_kind(),
        "states": list(Organization.objects.published().states().order_by("name")),
        "indicators": list(Indicator.objects.published().order_by("name")[:6]),
    }
