"""The dates Caravan keeps: from 1 January 1800 to 31 December 2199.

Wide enough for every treaty, founding and birth the records need, and far enough from the
calendar's ends that every output can do its arithmetic (a calendar entry ends the day after
its last day; a feed or JSON-LD writes the year in four digits). Every editorial model refuses
a date outside the range when it is validated — in the admin and in the API alike — with a
message that names the range; outputs still step around one already stored (:func:`day_after`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models

EARLIEST = datetime.date(1800, 1, 1)
LATEST = datetime.date(2199, 12, 31)
RANGE_TEXT = f"{EARLIEST.day} {EARLIEST:%B %Y} to {LATEST.day} {LATEST:%B %Y}"


def in_range(value: datetime.date | datetime.datetime | None) -> bool:
    """Whether ``value`` (a date or a time; None: no date) lies in the range kept."""
    if value is None:
        return True
    day = value.date() if isinstance(value, datetime.datetime) else value
    return EARLIEST <= day <= LATEST


def day_after(day: datetime.date) -> datetime.date:
    """The next day, or ``day`` itself on the last day the calendar has."""
    return day if day >= datetime.date.max else day + datetime.timedelta(days=1)


class DateRangeMixin:
    """Refuses, field by field, a date or time outside the range (see the module)."""

    def clean_fields(self, exclude=None) -> None:
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.DateField) or (exclude and field.name in exclude):
                continue
            if field.name in errors or in_range(getattr(self, field.attname)):
                continue
            errors[field.name] = [
                ValidationError(
                    f"Dates are kept from {RANGE_TEXT}; this one is outside that range.",
                    code="date_out_of_range",
                )
            ]
        if errors:
            raise ValidationError(errors)
