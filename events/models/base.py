"""Pieces shared by the records: aliases, date precision, citations."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from cmsproject.editorial.visibility import EditorialRow


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month (day unknown)")
    YEAR = "year", _("Year (month unknown)")


def format_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date as precise as we know it: "1 December 2023", "December 2022" or "2022"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


class AliasBase(EditorialRow):
    """Another name of a record: a transliteration, native script, former name, misspelling."""

    class Kind(models.TextChoices):
        TRANSLITERATION = "transliteration", _("Transliteration")
        NATIVE = "native", _("Native script")
        FORMER = "former", _("Former name")
        ABBREVIATION = "abbreviation", _("Abbreviation")
        INITIALS = "initials", _("With initials")
        MISSPELLING = "misspelling", _("Misspelling seen in sources")
        OTHER = "other", _("Other")

    name = models.CharField(
        max_length=300,
        db_index=True,
        help_text=_("The other name exactly as written, e.g. Caparov, Нур-Султан."),
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.TRANSLITERATION,
        help_text=_("What kind of name this is: a transliteration, native script, former name…"),
    )
    language = models.CharField(
        max_length=16, blank=True, help_text=_("Language or script, e.g. ru, kk, zh, tr.")
    )
    valid_from = models.DateField(
        null=True, blank=True, help_text=_("For former names: when this name came into use.")
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text=_("For former names: the last day it was in use.")
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def citations_relation() -> GenericRelation:
    """The citations of a record (sources.Citation points at any record generically)."""
    return GenericRelation("sources.Citation", related_query_name="%(class)s")


def date_order_constraint(start: str, end: str, name: str) -> models.CheckConstraint:
    """The database refuses an end before its start."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_message=_("The end date cannot be before the start date."),
    )
