"""Figures as readers see them: series per pair of sides, charts with their tables, notes, and
where two sides or two sources give the same figure differently."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from cmsproject import charts
from sources.notes import Notes

from .models import Figure, Indicator, Organization
from .models.figures import format_amount
from .selectors import published_citations


def published_figures() -> QuerySet[Figure]:
    """Live figures (with their indicator and sides live) and their cited sources."""
    return (
        Figure.objects.published()
        .select_related("indicator", "party", "partner")
        .prefetch_related(published_citations())
        .order_by("period_start", "period_end", "party__name", "pk")
    )


@dataclass
class Series:
    """One side's figures about one partner, in period order."""

    party: Organization
    partner: Organization | None
    figures: list[Figure] = field(default_factory=list)

    @property
    def label(self) -> str:
        partner = self.partner.name if self.partner else "the world"
        return f"{self.party.name} with {partner}"


@dataclass
class Difference:
    """The same figure (indicator, sides, period) given with different values."""

    figures: list[Figure]

    @property
    def low(self) -> Figure:
        return min(self.figures, key=lambda f: f.value)

    @property
    def high(self) -> Figure:
        return max(self.figures, key=lambda f: f.value)

    @property
    def gap_display(self) -> str:
        return format_amount(self.high.value - self.low.value, self.low.unit)

    @property
    def gap_percent(self) -> str:
        if not self.low.value:
            return ""
        return f"{(self.high.value - self.low.value) / abs(self.low.value) * 100:.1f}%"


@dataclass
class Panel:
    """A chart with its table: the series of one pair of sides (or of one state) over years."""

    key: str
    title: str
    series: list[Series]
    unit: str
    csv_url: str
    indicator: Indicator | None = None
    chart: SafeString = field(default_factory=SafeString)

    @property
    def figures(self) -> list[Figure]:
        return sorted(
            (f for s in self.series for f in s.figures),
            key=lambda f: (f.period_start, f.period_end, f.party.name),
        )


def comparable_key(figure: Figure) -> tuple:
    """What makes two figures the same figure: a symmetric indicator (turnover) is the same
    quantity whichever side reports it."""
    sides = (figure.party_id, figure.partner_id)
    if figure.indicator.symmetric:
        sides = tuple(sorted(sides, key=lambda pk: pk or 0))
    return (figure.indicator_id, sides, figure.period_start, figure.period_end, figure.unit)


def differences(figures: list[Figure]) -> list[Difference]:
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[comparable_key(figure)].append(figure)
    return [Difference(group) for group in groups.values() if len({f.value for f in group}) > 1]


def csv_url(**params: str) -> str:
    return f"{reverse('api:figure-list')}?{urlencode({**params, 'format': 'csv'})}"


def _chart(panel: Panel) -> SafeString:
    annual = [f for f in panel.figures if f.is_annual]
    if not annual:
        return SafeString("")
    first, last = min(f.period_start.year for f in annual), max(f.period_end.year for f in annual)
    years = list(range(first, last + 1))  # every year, those without a figure as gaps
    values: list[list[float | None]] = []
    for series in panel.series:
        by_year = {}
        for f in series.figures:
            if f.is_annual:
                by_year.setdefault(f.period_start.year, float(f.value))
        values.append([by_year.get(y) for y in years])
    return charts.line_chart(
        categories=[str(y) for y in years],
        series=[s.label for s in panel.series],
        values=values,
        title=panel.title,
        description="One line per side reporting, one point per year; every figure, the "
        "periods shorter than a year included, is in the table below.",
        tick_label=lambda v: format_amount(Decimal(round(v)), panel.unit),
        chart_id=f"chart-{panel.key}",
    )


def _series(figures: list[Figure]) -> list[Series]:
    by_sides: dict[tuple, Series] = {}
    for f in figures:
        key = (f.party_id, f.partner_id)
        if key not in by_sides:
            by_sides[key] = Series(f.party, f.partner)
        by_sides[key].figures.append(f)
    return sorted(by_sides.values(), key=lambda s: s.label)


def indicator_panels(indicator: Indicator, figures: list[Figure]) -> list[Panel]:
    """One panel per pair of sides (both directions together: each side's report of it)."""
    pairs: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        pairs[tuple(sorted((f.party_id, f.partner_id or 0)))].append(f)
    panels = []
    for figs in pairs.values():
        series = _series(figs)
        sides = {s.party for s in series} | {s.partner for s in series if s.partner}
        names = sorted(o.name for o in sides)
        first = series[0]
        panel = Panel(
            key="-".join([indicator.slug, *sorted(o.slug for o in sides)]),
            title=f"{indicator.name}: {' and '.join(names)}",
            series=series,
            unit=figs[0].unit,
            csv_url=csv_url(
                indicator=indicator.slug, between=",".join(sorted(o.slug for o in sides))
            )
            if len(sides) == 2
            else csv_url(indicator=indicator.slug, party=first.party.slug),
            indicator=indicator,
        )
        panel.chart = _chart(panel)
        panels.append(panel)
    return sorted(panels, key=lambda p: p.title)


def state_panels(state: Organization, figures: list[Figure]) -> list[Panel]:
    """For a state's page: one panel per indicator, a line per side and partner."""
    by_indicator: dict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        by_indicator[f.indicator_id].append(f)
    panels = []
    for figs in by_indicator.values():
        indicator = figs[0].indicator
        panel = Panel(
            key=indicator.slug,
            title=f"{indicator.name}: {state.name}",
            series=_series(figs),
            unit=figs[0].unit,
            csv_url=csv_url(indicator=indicator.slug, involving=state.iso_code or state.slug),
            indicator=indicator,
        )
        panel.chart = _chart(panel)
        panels.append(panel)
    return sorted(panels, key=lambda p: p.title)


class FigureNotes(Notes):
    """The numbered notes of a page with figures: the record's own first, then each figure's,
    which are also put on the figure as ``figure.notes`` for its row."""

    def __init__(self, figures: list[Figure], own=()) -> None:
        citations, owner = list(own), {}
        for f in figures:
            for citation in f.citations.all():
                citations.append(citation)
                owner[id(citation)] = f
        super().__init__(citations)
        for f in figures:
            f.notes = []
        for note in self.all:
            if id(note.citation) in owner:
                owner[id(note.citation)].notes.append(note)


def figures_involving(state: Organization) -> QuerySet[Figure]:
    return published_figures().filter(Q(party=state) | Q(partner=state))
