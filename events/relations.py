"""Between two states, and within a series: what the relation pages and delegation tables read.

``between`` gathers every published meeting, agreement and figure two states share, year by
year; ``delegations`` lays out, for an event series, the most senior office each state sent to
each edition, so that a drop in rank shows.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from cmsproject import caching, charts
from cmsproject.editorial.models import published_through
from cmsproject.editorial.visibility import live

from . import figures, selectors
from .models import Agreement, Event, EventSeries, Organization, Participation, Position


@dataclass
class Year:
    year: int
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)


@dataclass
class Relation:
    first: Organization
    second: Organization
    years: list[Year]
    panels: list[figures.Panel]
    differences: list[figures.Difference]
    notes: figures.FigureNotes
    total_events: int = 0
    events_per_year: Counter = field(default_factory=Counter)
    chart: str = ""

    @property
    def event_count(self) -> int:
        return self.total_events

    @property
    def shown_events(self) -> int:
        return sum(len(y.events) for y in self.years)

    @property
    def agreement_count(self) -> int:
        return sum(len(y.agreements) for y in self.years)


SHOWN = 100  # shared events listed on the page (the chart and the counts cover them all)


def state_event_dates(state: Organization) -> dict[int, datetime.date]:
    """Start date of every published event ``state`` took part in — as host, by a participant
    representing it, or on its soil (``selectors.involving_state``) —, by event id: three
    indexed reads instead of one OR over subqueries, kept until the content changes."""

    def compute() -> dict[int, datetime.date]:
        events = Event.objects.published()
        dates = dict(events.filter(host=state).values_list("pk", "start_date"))
        dates.update(
            events.filter(published_through("place"), place__country=state).values_list(
                "pk", "start_date"
            )
        )
        dates.update(
            Participation.objects.filter(
                published_through("person"), live("event__"), representing=state
            ).values_list("event_id", "event__start_date")
        )
        return dates

    return caching.cached(f"state-event-dates:{state.pk}", compute)


def between(first: Organization, second: Organization) -> Relation:
    one, other = state_event_dates(first), state_event_dates(second)
    shared = {pk: date for pk, date in one.items() if pk in other}
    latest = sorted(shared, key=lambda pk: (shared[pk], pk), reverse=True)[:SHOWN]
    found = {
        e.pk: e
        for e in Event.objects.published()
        .filter(pk__in=latest)
        .select_related("place__country", "series")
        .order_by()
    }
    events = selectors.with_delegations([found[pk] for pk in latest if pk in found])
    agreements = list(
        Agreement.objects.published()
        .filter(parties=first)
        .filter(parties=second)
        .order_by("-signed_on", "-pk")
    )
    rows = list(
        figures.published_figures().filter(party__in=[first, second], partner__in=[first, second])
    )
    by_year: dict[int, Year] = {}
    for event in events:
        by_year.setdefault(event.start_date.year, Year(event.start_date.year)).events.append(event)
    for agreement in agreements:
        if agreement.signed_on:
            year = agreement.signed_on.year
            by_year.setdefault(year, Year(year)).agreements.append(agreement)
    counts = Counter(date.year for date in shared.values())
    relation = Relation(
        first=first,
        second=second,
        years=[by_year[y] for y in sorted(by_year, reverse=True)],
        panels=[
            panel
            for indicator in {f.indicator.pk: f.indicator for f in rows}.values()
            for panel in figures.indicator_panels(
                indicator, [f for f in rows if f.indicator_id == indicator.pk]
            )
        ],
        differences=figures.differences(rows),
        notes=figures.FigureNotes(rows),
        total_events=len(shared),
        events_per_year=counts,
    )
    relation.chart = year_chart(relation)
    return relation


def year_chart(relation: Relation) -> str:
    """Meetings and agreements per year, every year from the first to the last (zeros shown)."""
    if not relation.years:
        return ""
    agreements = Counter(y.year for y in relation.years for _ in y.agreements)
    years = {*relation.events_per_year, *agreements}
    counts = {y: (relation.events_per_year[y], agreements[y]) for y in years}
    span = list(range(min(counts), max(counts) + 1))
    names = f"{relation.first.name} and {relation.second.name}"
    return charts.stacked_bars(
        categories=[str(y) for y in span],
        series=["Events", "Agreements"],
        values=[list(counts.get(y, (0, 0))) for y in span],
        title=f"Events and agreements of {names}, per year",
        description="Stacked bars, one per year: events both took part in, and agreements "
        "both are parties to. The same numbers are in the timeline below.",
    ) + charts.legend(["Events", "Agreements"])


# ---- delegations within a series -----------------------------------------------------------


@dataclass
class Seat:
    """Who a state sent to one edition: its most senior participant, and the office."""

    person_name: str
    person_url: str
    office: str
    rank: int
    lower: bool = False  # below the best this state sent to the series


@dataclass
class DelegationRow:
    state: Organization
    seats: list[Seat | None]


@dataclass
class Delegations:
    series: EventSeries
    editions: list[Event]
    rows: list[DelegationRow]


UNRANKED = 100

# An office read from the role a participation gives, for a participant with no office on
# file that day ("First Deputy Minister of Foreign Affairs"): the first pattern that matches
# gives the rank, on the scale of Position.RANKS. Deputies before their principals.
_TITLE_RANKS = [
    (r"\b(deputy|vice)[- ]?(prime minister|premier|chairman of the cabinet)", 28),
    (r"\b(prime minister|premier|chairman of the cabinet)", 20),
    (r"\bvice[- ]president", 15),
    (r"\b(president|head of state)\b", 10),
    (r"\bsecretary[- ]general", 25),
    (r"\b(deputy|vice)\b.*\b(foreign minister|minister of foreign affairs)", 50),
    (r"\b(foreign minister|minister of foreign affairs)", 30),
    (r"\b(deputy|vice)[- ]minister", 55),
    (r"\bminister\b", 40),
    (r"\b(ambassador|envoy)\b", 60),
    (r"\b(senator|speaker|member of parliament|deputy of the)", 70),
]
_TITLE_PATTERNS = [(re.compile(pattern, re.IGNORECASE), rank) for pattern, rank in _TITLE_RANKS]


def rank_of_title(title: str) -> int:
    """The rank of an office named in words; :data:`UNRANKED` when the words name none."""
    for pattern, rank in _TITLE_PATTERNS:
        if pattern.search(title or ""):
            return rank
    return UNRANKED


def delegations(series: EventSeries) -> Delegations | None:
    """For each edition of ``series`` and each state there, the most senior person it sent
    (by the office held on the day: head of state before minister before ambassador)."""
    participations = Prefetch(
        "participations",
        queryset=Participation.objects.select_related("person", "representing").prefetch_related(
            Prefetch("person__positions", queryset=Position.objects.select_related("organization"))
        ),
    )
    editions = list(
        Event.objects.published()
        .filter(series=series)
        .prefetch_related(participations)
        .order_by("start_date", "pk")
    )
    if len(editions) < 2:
        return None
    seats: dict[int, dict[int, Seat]] = defaultdict(dict)
    states: dict[int, Organization] = {}
    for column, event in enumerate(editions):
        for p in event.participations.all():
            state = p.representing
            if state is None or not state.is_state:
                continue
            held = [
                pos
                for pos in p.person.positions_on(event.start_date)
                if pos.organization_id == state.pk
            ]
            seat = Seat(
                person_name=p.person.name,
                person_url=p.person.get_absolute_url(),
                office=p.label,
                rank=held[0].rank if held else rank_of_title(p.role),
            )
            current = seats[state.pk].get(column)
            if current is None or seat.rank < current.rank:
                seats[state.pk][column] = seat
            states[state.pk] = state
    rows = []
    for pk, state in sorted(states.items(), key=lambda item: item[1].name):
        best = min(s.rank for s in seats[pk].values())
        for seat in seats[pk].values():
            seat.lower = seat.rank > best
        rows.append(DelegationRow(state, [seats[pk].get(c) for c in range(len(editions))]))
    return Delegations(series=series, editions=editions, rows=rows)


def series_delegations(series: EventSeries | None) -> Delegations | None:
    """:func:`delegations`, kept until the content changes (it reads every edition)."""
    if series is None:
        return None
    return caching.cached(f"delegations:{series.pk}", lambda: delegations(series))
