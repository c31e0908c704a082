"""The data's plain values as field values: ISO dates of a day, a month or a year, and the
status fields every published demo record shares."""

from __future__ import annotations

import datetime
from typing import Any

from cmsproject.editorial.models import Status
from events.models import DatePrecision

#: When the published demo records were published; fixed so that reruns change nothing.
PUBLISHED_AT = datetime.datetime(2025, 11, 3, 9, 0, tzinfo=datetime.UTC)


def partial_date(text: str | None) -> tuple[datetime.date | None, str]:
    """A date and its precision: "2022-12-30" a day, "2022-12" a month, "2023" a year.

    A month or a year is stored as its first day, as FACTS.md asks.
    """
    if not text:
        return None, DatePrecision.DAY
    parts = [int(p) for p in text.split("-")]
    precision = {1: DatePrecision.YEAR, 2: DatePrecision.MONTH, 3: DatePrecision.DAY}[len(parts)]
    return datetime.date(*parts, *[1] * (3 - len(parts))), precision


def exact_date(text: str | None) -> datetime.date | None:
    value, precision = partial_date(text)
    if precision != DatePrecision.DAY:
        raise ValueError(f"{text!r}: this field needs a full date")
    return value


def editorial(item: dict) -> dict[str, Any]:
    """Status fields of a Publishable: published (at a fixed time) unless the data says not."""
    status = item.get("status", Status.PUBLISHED)
    return {
        "status": status,
        "published_at": PUBLISHED_AT if status == Status.PUBLISHED else None,
        "editor_note": item.get("editor_note", ""),
    }
