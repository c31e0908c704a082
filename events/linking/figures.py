"""Figure suggestions: the amounts an article reports for a period, offered as draft figures.

An import finds amounts of money with the period they are for (:mod:`.amounts`), in the same
sentence as an indicator's words ("trade turnover", "товарооборот"), and saves each as a
suggestion of kind *figure* with what was read: the value, the unit, the period, the indicator
and the two sides when the sentence names them. Accepting one makes a draft figure citing the
sentence (:class:`AcceptFigure`); nothing reaches readers before an editor publishes it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.http import urlencode

from sources.models import Citation, Source

from ..models import Figure, Indicator, Mention, Organization
from ..models.figures import format_amount, period_label
from .amounts import FoundAmount, find_amounts
from .matcher import Found


@dataclass(frozen=True)
class _Indicator:
    id: int
    name: str
    words: tuple[str, ...]  # casefolded phrases that name it


class FigureContext:
    """What suggesting figures reads from the database, once per import batch: the indicators
    and their words, and which organizations are states."""

    def __init__(self) -> None:
        self.indicators = [
            _Indicator(pk, name, _phrases(name, keywords))
            for pk, name, keywords in Indicator.objects.values_list("pk", "name", "keywords")
        ]
        self.states = dict(
            Organization.objects.states().values_list("pk", "iso_code").order_by("pk")
        )
        self.state_by_code = {code: pk for pk, code in self.states.items() if code}


def _phrases(name: str, keywords: str) -> tuple[str, ...]:
    lines = [line.strip().casefold() for line in keywords.splitlines()]
    return tuple(dict.fromkeys([name.casefold(), *(line for line in lines if line)]))


def figure_mentions(
    source: Source, found: list[Found], context: FigureContext, *, known: set[str]
) -> list[Mention]:
    """New figure suggestions for ``source`` (``known``: the ones it already has, whatever was
    decided on them — a rejected figure is not offered again)."""
    body = source.body or ""
    if not context.indicators:
        return []
    rows: list[Mention] = []
    for amount in find_amounts(body, published_on=source.published_on):
        sentence = body[amount.sentence_start : amount.sentence_end]
        folded = sentence.casefold()
        indicators = [i for i in context.indicators if any(w in folded for w in i.words)]
        if not indicators:
            continue  # an amount of something we do not follow (a project's cost, a loan…)
        period = period_label(amount.period_start, amount.period_end)
        label = f"{format_amount(amount.value, amount.unit)}, {period}"
        if label in known:
            continue
        known.add(label)
        party, partner = _sides(source, amount, found, context)
        rows.append(
            Mention(
                source=source,
                kind=Mention.Kind.FIGURE,
                proposed_name=label[:300],
                text=amount.text[:300],
                start=amount.start,
                end=amount.end,
                spans=[[amount.start, amount.end]],
                sentence=sentence,
                reason=_reason(amount, indicators)[:120],
                candidates=_choices(indicators),
                details={
                    "value": str(amount.value),
                    "unit": amount.unit,
                    "period_start": amount.period_start.isoformat(),
                    "period_end": amount.period_end.isoformat(),
                    "indicator": indicators[0].id if len(indicators) == 1 else None,
                    "party": party,
                    "partner": partner,
                    "year_inferred": amount.year_inferred,
                },
            )
        )
    return rows


def _choices(indicators: list[_Indicator]) -> list[dict]:
    """The indicators an editor chooses among, when the sentence fits more than one."""
    return [{"id": i.id, "name": i.name} for i in indicators] if len(indicators) > 1 else []


def _reason(amount: FoundAmount, indicators: list[_Indicator]) -> str:
    what = indicators[0].name if len(indicators) == 1 else "an amount"
    reason = f"{what} with a period ({amount.period_text.strip()})"
    if amount.year_inferred:
        reason += "; year from the publication date"
    return reason


def _sides(
    source: Source, amount: FoundAmount, found: list[Found], context: FigureContext
) -> tuple[int | None, int | None]:
    """The reporting side and its partner: the states the sentence names (else the article,
    most named first); the outlet's own state reports, when it is one of them."""
    named: list[int] = []
    in_sentence = [
        f
        for f in found
        if f.kind == "organization"
        and f.record_id in context.states
        and amount.sentence_start <= f.start < amount.sentence_end
    ]
    for f in sorted(in_sentence, key=lambda f: f.start):
        if f.record_id not in named:
            named.append(f.record_id)
    if len(named) < 2:
        counts: dict[int, int] = {}
        for f in found:
            if f.kind == "organization" and f.record_id in context.states:
                counts[f.record_id] = counts.get(f.record_id, 0) + 1
        for state in sorted(counts, key=lambda s: -counts[s]):
            if state not in named:
                named.append(state)
    outlet = getattr(source, "outlet", None)
    home = context.state_by_code.get(getattr(outlet, "country_code", "") or "")
    if home in named[:2]:
        named.remove(home)
        named.insert(0, home)
    return (named[0] if named else None), (named[1] if len(named) > 1 else None)


# ---- accepting -----------------------------------------------------------------------------


def add_figure_url(mention: Mention) -> str:
    """The admin's add-figure form filled with what was read, to finish by hand."""
    details = mention.details or {}
    initial = {
        key: details.get(name)
        for key, name in (
            ("indicator", "indicator"),
            ("party", "party"),
            ("partner", "partner"),
            ("period_start", "period_start"),
            ("period_end", "period_end"),
            ("value", "value"),
            ("unit", "unit"),
        )
        if details.get(name) not in (None, "")
    }
    return f"{reverse('admin:events_figure_add')}?{urlencode(initial)}"


def figure_of(mention: Mention, indicator: Indicator | None, user) -> tuple[Figure, bool]:
    """The figure a suggestion reports, not saved when new (second value True): an existing
    one with the same indicator, sides, period, value and unit is reused, so accepting the
    same figure from two articles cites both on one record."""
    details = mention.details or {}
    if indicator is None and details.get("indicator"):
        indicator = Indicator.objects.filter(pk=details["indicator"]).first()
    missing = []
    if indicator is None:
        missing.append("which indicator it is")
    if not details.get("party"):
        missing.append("which state reports it")
    if missing:
        raise ValidationError(
            f"This figure cannot be made from the sentence alone: it does not say "
            f"{' or '.join(missing)}. Add it with the form filled from the suggestion "
            f"({add_figure_url(mention)}), or reject the suggestion."
        )
    if not user.has_perm("events.add_figure"):
        raise PermissionDenied("You may not add figures.")
    fields = {
        "indicator": indicator,
        "party_id": details["party"],
        "partner_id": details.get("partner"),
        "period_start": datetime.date.fromisoformat(details["period_start"]),
        "period_end": datetime.date.fromisoformat(details["period_end"]),
        "value": Decimal(details["value"]),
        "unit": details["unit"],
    }
    existing = Figure._base_manager.filter(**fields).first()
    if existing is not None:
        return existing, False
    note = f"Suggested from “{mention.source}”: “{mention.text}”."
    if details.get("year_inferred"):
        note += " The sentence gives no year; it was taken from the article's date."
    return Figure(**fields, note=note), True


def citation_for(mention: Mention, figure: Figure, user) -> Citation | None:
    """The sentence cited on the figure's value, unless it already is."""
    excerpt = mention.sentence or mention.text
    if (
        figure.pk
        and Citation.objects.for_object(figure)
        .filter(source=mention.source, excerpt=excerpt)
        .exists()
    ):
        return None
    return Citation(
        source=mention.source, record=figure, excerpt=excerpt, claim="value", created_by=user
    )
