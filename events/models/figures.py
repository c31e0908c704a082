"""Statistics as cited data: an Indicator (bilateral trade turnover, investment stock…) and its
Figures, each one value for one pair of parties over one period, backed by a citation."""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable, PublishableQuerySet
from cmsproject.editorial.paths import slug_path

from .base import citations_relation, date_order_constraint
from .organizations import Organization

CURRENCY_SIGNS = {"USD": "$", "EUR": "€"}
SCALES = [(Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")]


class Indicator(Publishable):
    """A statistic followed over time, e.g. bilateral trade turnover."""

    name = models.CharField(
        max_length=200, help_text=_("What is measured, e.g. Bilateral trade turnover.")
    )
    description = models.TextField(
        blank=True,
        help_text=_("What the figures count and how the two sides' statistics differ."),
    )
    unit = models.CharField(
        max_length=20,
        default="USD",
        help_text=_("The usual unit or currency of its figures: USD, CNY, tonnes, %."),
    )
    symmetric = models.BooleanField(
        default=False,
        help_text=_(
            "The same quantity seen from either side (turnover between two states): each "
            "side's report is compared with the other's. Off for exports, loans, investment."
        ),
    )
    keywords = models.TextField(
        blank=True,
        help_text=_(
            "Words that name it in articles, one per line, in any language (trade turnover, "
            "bilateral trade, товарооборот): imports suggest the figures that sentences with "
            "these words report."
        ),
    )
    citations = citations_relation()

    history = HistoricalRecords()

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("name", _("name")),
        ("unit", _("unit")),
    )

    class Meta(Publishable.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_path("site:figure-detail", self.slug)


def period_label(start: datetime.date, end: datetime.date) -> str:
    """A period as people write it: "2023", "Q1 2024", "March 2024", "January–October 2024",
    or "as of 20 May 2024" for a one-day period (a stock, such as investment accumulated)."""
    if start == end:
        return f"as of {start.day} {start:%B %Y}"  # a stock, e.g. investment accumulated
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if not whole_months:
        return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"
    if start.year == end.year:
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if start.month == end.month:
            return f"{start:%B %Y}"
        if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        return f"{start:%B}–{end:%B %Y}"
    if start.month == 1 and end.month == 12:
        return f"{start.year}–{end.year}"
    return f"{start:%B %Y} – {end:%B %Y}"


def format_amount(value: Decimal | None, unit: str) -> str:
    """A value as a reader reads it: "$41.0 bn", "CNY 12.3 bn", "12.5%", "3,200 tonnes"."""
    if value is None:
        return ""
    if unit == "%":
        return f"{value.normalize():f}%"
    magnitude = abs(value)
    number, scale = f"{value.normalize():,f}", ""
    for threshold, name in SCALES:
        if magnitude >= threshold:
            number, scale = f"{value / threshold:,.1f}", f" {name}"
            break
    if unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[unit]}{number}{scale}"
    return f"{number}{scale} {unit}".strip()


class FigureQuerySet(PublishableQuerySet):
    def annual(self) -> FigureQuerySet:
        """Figures for whole calendar years (the ones a chart over years can plot)."""
        return self.filter(
            period_start__month=1, period_start__day=1, period_end__month=12, period_end__day=31
        ).filter(period_start__year=models.F("period_end__year"))


class Figure(Publishable):
    """One cited value of an indicator: who reports it, about which partner, for which period."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="figures",
        help_text=_("What the value measures."),
    )
    party = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="figures_reported",
        help_text=_(
            "The side the figure is from: the state whose statistics or exports these are "
            "(Kazakhstan for Kazakhstan's figure of its trade with China)."
        ),
    )
    partner = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="figures_as_partner",
        help_text=_("The other side (China for Kazakhstan's trade with China); empty: the world."),
    )
    period_start = models.DateField(
        help_text=_("First day of the period, e.g. 2023-01-01 for the year 2023.")
    )
    period_end = models.DateField(
        help_text=_("Last day of the period: 2023-12-31 for 2023, 2024-10-31 for January–October.")
    )
    value = models.DecimalField(
        max_digits=22,
        decimal_places=4,
        help_text=_("The value in full units: 41000000000 for $41 bn."),
    )
    unit = models.CharField(
        max_length=20, help_text=_("Unit or currency of the value: USD, CNY, tonnes, %.")
    )
    note = models.TextField(
        blank=True,
        help_text=_("How the figure was reported: preliminary, customs data, converted…"),
    )
    citations = citations_relation()

    objects = FigureQuerySet.as_manager()
    history = HistoricalRecords()

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("value", _("value")),
        ("period", _("period")),
    )

    slug_source = "label"
    #: A figure is seen only with its indicator and both its parties (cmsproject.editorial).
    hidden_with = ("indicator", "party", "partner")

    class Meta(Publishable.Meta):
        ordering = ["indicator", "party", "partner", "period_start", "period_end"]
        indexes = [
            models.Index(fields=["indicator", "period_start"], name="figure_indicator_period"),
            models.Index(fields=["party", "partner", "period_start"], name="figure_pair_period"),
        ]
        constraints = [
            date_order_constraint("period_start", "period_end", "figure_period_order"),
            models.CheckConstraint(
                condition=~models.Q(party=models.F("partner")), name="figure_partner_other"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return f"{slug_path('site:figure-detail', self.indicator.slug)}#figure-{self.slug}"

    @property
    def period(self) -> str:
        if not (self.period_start and self.period_end):
            return ""
        return period_label(self.period_start, self.period_end)

    @property
    def is_annual(self) -> bool:
        return (
            self.period_start.year == self.period_end.year
            and (self.period_start.month, self.period_start.day) == (1, 1)
            and (self.period_end.month, self.period_end.day) == (12, 31)
        )

    @property
    def value_plain(self) -> str:
        """The value as a plain number, for machines: "36500000000", "12.5"."""
        return f"{self.value.normalize():f}" if self.value is not None else ""

    @property
    def value_display(self) -> str:
        return format_amount(self.value, self.unit)

    @property
    def label(self) -> str:
        indicator = getattr(self, "indicator", None) if self.indicator_id else None
        party = getattr(self, "party", None) if self.party_id else None
        partner = getattr(self, "partner", None) if self.partner_id else None
        sides = "–".join(str(o) for o in (party, partner) if o is not None)
        return " ".join(p for p in (str(indicator or ""), sides, self.period) if p)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period cannot end before it starts.")
        if self.party_id and self.partner_id and self.party_id == self.partner_id:
            errors["partner"] = _("The partner must be another state or body than the party.")
        if errors:
            raise ValidationError(errors)
