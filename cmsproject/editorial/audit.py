"""Who did what to which record, when: read from the revision history of every record type.

Each record model keeps its own history table (django-simple-history). A page of the Activity log
asks each table for at most one page of rows past a cursor — newest first, which the index on
``history_date`` answers without reading the rest — and merges them in Python, so a page costs
one small query per record type however long the history is. What a row *was* (published,
merged, imported…) is read from its change reason, which the workflow, merge and import
services write.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .dates import day_after
from .models import Publishable
from .registry import edited_models, publishable_models
from .workflow import VERBS

# change reason -> action; the workflow service writes these (see workflow.VERBS)
WORKFLOW_ACTIONS = {
    VERBS["published"].capitalize(): "published",
    VERBS["withdrawn"].capitalize(): "withdrawn",
    VERBS["review"].capitalize(): "review",
    VERBS["draft"].capitalize(): "draft",
}
MERGED_PREFIX = "Merged "  # events.merging: "Merged “X” into this record", "Merged into “Y”"
IMPORTED_PREFIX = "Imported "  # sources.ingestion: "Imported from <file>"

ACTIONS = {
    "published": "published",
    "withdrawn": "withdrawn",
    "review": "sent to review",
    "draft": "returned to draft",
    "merged": "merged",
    "imported": "imported",
    "created": "created",
    "edited": "edited",
    "deleted": "deleted",
}


def classify(history_type: str, reason: str | None) -> str:
    """The action a history row records (a key of :data:`ACTIONS`)."""
    reason = reason or ""
    if reason in WORKFLOW_ACTIONS:
        return WORKFLOW_ACTIONS[reason]
    if reason.startswith(MERGED_PREFIX):
        return "merged"
    if history_type == "+":
        return "imported" if reason.startswith(IMPORTED_PREFIX) else "created"
    return "deleted" if history_type == "-" else "edited"


def action_condition(action: str) -> Q:
    """The rows :func:`classify` gives ``action``, as a condition on a history table."""
    field = "history_change_reason"
    for reason, name in WORKFLOW_ACTIONS.items():
        if name == action:
            return Q(**{field: reason})
    merged = Q(**{f"{field}__startswith": MERGED_PREFIX})
    if action == "merged":
        return merged
    special = Q(**{f"{field}__in": list(WORKFLOW_ACTIONS)}) | merged
    imported = Q(history_type="+", **{f"{field}__startswith": IMPORTED_PREFIX})
    if action == "imported":
        return imported
    if action == "created":
        return Q(history_type="+") & ~special & ~imported
    kind = {"deleted": "-", "edited": "~"}.get(action)
    if kind is None:
        raise ValueError(f"Unknown action {action!r}.")
    return Q(history_type=kind) & ~special


@cache
def record_models() -> tuple[type[models.Model], ...]:
    """Every kind of row with a history: the records, then the rows editors change with them
    (participants, citations, aliases, offices…), each shown with the record it belongs to."""
    records = tuple(m for m in publishable_models() if hasattr(m, "history"))
    rows = sorted((m for m in edited_models() if m not in records), key=lambda m: m._meta.label)
    return (*records, *(m for m in rows if hasattr(m, "history")))


def _label_field(model: type[models.Model]) -> str:
    """What names a row in the log: its name or title; for a row without one, the name of the
    first record it needs (an office: its person; a citation: its source)."""
    names = {f.name for f in model._meta.concrete_fields}
    own = next((n for n in ("name", "title") if n in names), None)
    if own is not None or issubclass(model, Publishable):
        return own or "slug"
    for f in model._meta.concrete_fields:
        if f.many_to_one and not f.null and issubclass(f.related_model, Publishable):
            return f"{f.name}__{_label_field(f.related_model)}"
    return "pk"


@cache
def _owner_columns(model: type[models.Model]) -> tuple[str, str] | None:
    """For a row: the columns of the record whose page it is on (content type, id), or
    (foreign key, "") for a row that belongs to one kind of record."""
    from .revisions import owner_field

    if issubclass(model, Publishable):
        return None
    owner = owner_field(model)
    if isinstance(owner, GenericForeignKey):
        return (f"{owner.ct_field}_id", owner.fk_field)
    if owner is not None:
        return (owner.attname, "")
    return None


@dataclass(frozen=True)
class Cursor:
    """A position in the log: the sort key of one entry (newest first)."""

    date: datetime.datetime
    model: str
    history_id: int

    def __str__(self) -> str:
        return f"{self.date.isoformat()}~{self.model}~{self.history_id}"

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        try:
            date, model, history_id = (text or "").split("~")
            parsed = datetime.datetime.fromisoformat(date)
        except ValueError:
            return None
        if parsed.tzinfo is None or not history_id.isdigit():
            return None
        return cls(parsed, model, int(history_id))

    def condition(self, model_label: str, *, older: bool) -> Q:
        """Rows of the table of ``model_label`` past this cursor, older or newer."""
        if older:
            if model_label < self.model:
                return Q(history_date__lte=self.date)
            if model_label > self.model:
                return Q(history_date__lt=self.date)
            return Q(history_date__lt=self.date) | Q(
                history_date=self.date, history_id__lt=self.history_id
            )
        if model_label > self.model:
            return Q(history_date__gte=self.date)
        if model_label < self.model:
            return Q(history_date__gt=self.date)
        return Q(history_date__gt=self.date) | Q(
            history_date=self.date, history_id__gt=self.history_id
        )


@dataclass(frozen=True)
class Entry:
    """One line of the log."""

    date: datetime.datetime
    model: type[models.Model]
    history_id: int
    history_type: str
    object_id: int
    label: str
    reason: str
    user: str
    owner: tuple[type[models.Model], int] | None = None  # a row: the record it is shown on

    @property
    def action(self) -> str:
        return classify(self.history_type, self.reason)

    @property
    def action_label(self) -> str:
        return ACTIONS[self.action]

    @property
    def record_type(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.date, self.model._meta.label_lower, self.history_id)

    def admin_url(self, view: str) -> str | None:
        model, pk = self.owner or (self.model, self.object_id)
        if view == "change" and self.history_type == "-" and self.owner is None:
            return None  # deleted: only its history remains
        opts = model._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[pk])
        except NoReverseMatch:
            return None

    @property
    def change_url(self) -> str | None:
        return self.admin_url("change")

    @property
    def history_url(self) -> str | None:
        return self.admin_url("history")


@dataclass(frozen=True)
class Filters:
    user_id: int | None = None
    action: str = ""
    model: str = ""  # a model's label_lower, e.g. "events.person"
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def condition(self) -> Q:
        q = Q()
        if self.user_id is not None:
            q &= Q(history_user_id=self.user_id)
        if self.action:
            q &= action_condition(self.action)
        if self.date_from:
            q &= Q(history_date__gte=_start_of(self.date_from))
        if self.date_to:
            q &= Q(history_date__lt=_start_of(day_after(self.date_to)))
        return q


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _visible_models(user, filters: Filters) -> list[type[models.Model]]:
    """Record types the filter asks for that ``user`` may view."""
    return [
        m
        for m in record_models()
        if (not filters.model or m._meta.label_lower == filters.model)
        and user.has_perm(f"{m._meta.app_label}.view_{m._meta.model_name}")
    ]


def _rows(model, condition: Q, *, older: bool, limit: int) -> list[Entry]:
    label = _label_field(model)
    direction = "-" if older else ""
    owner = _owner_columns(model)
    columns = [c for c in owner or () if c]
    rows = (
        model.history.filter(condition)
        .order_by(f"{direction}history_date", f"{direction}history_id")
        .values_list(
            "history_date",
            "history_id",
            "history_type",
            "id",
            label,
            "history_change_reason",
            "history_user__username",
            *columns,
        )[:limit]
    )
    entries = []
    for date, hid, kind, pk, name, reason, user, *ends in rows:
        entries.append(
            Entry(
                date,
                model,
                hid,
                kind,
                pk,
                str(name or ""),
                reason or "",
                user or "",
                owner=_owner_of(model, owner, ends),
            )
        )
    return entries


def _owner_of(model, owner: tuple[str, str] | None, ends: list) -> tuple | None:
    if owner is None or not ends:
        return None
    if owner[1]:  # generic: (content type id, object id)
        content_type = ContentType.objects.get_for_id(ends[0])
        return (content_type.model_class(), ends[1])
    field = next(f for f in model._meta.concrete_fields if f.attname == owner[0])
    return (field.related_model, ends[0])


@dataclass
class Page:
    entries: list[Entry]
    newer: Cursor | None  # pass as ``after`` for the page before (None: this is the newest)
    older: Cursor | None  # pass as ``before`` for the next page (None: nothing older)


def activity_page(
    *,
    user,
    filters: Filters,
    before: Cursor | None = None,
    after: Cursor | None = None,
    size: int = 50,
) -> Page:
    """One page of the log for ``user``: ``size`` entries older than ``before`` (or newer than
    ``after``; the newest when neither is given), newest first. One query per record type."""
    older = after is None
    cursor = before if older else after
    found: list[Entry] = []
    for model in _visible_models(user, filters):
        condition = filters.condition()
        if cursor is not None:
            condition &= cursor.condition(model._meta.label_lower, older=older)
        found += _rows(model, condition, older=older, limit=size + 1)
    found.sort(key=lambda e: (e.date, e.model._meta.label_lower, e.history_id), reverse=older)
    more = len(found) > size
    entries = found[:size]
    if not older:
        entries.reverse()
    if not entries:
        return Page([], None, None)
    if older:
        newer = entries[0].cursor if cursor is not None else None
        return Page(entries, newer, entries[-1].cursor if more else None)
    return Page(entries, entries[0].cursor if more else None, entries[-1].cursor)


def iter_activity(*, user, filters: Filters, batch: int = 500) -> Iterator[Entry]:
    """Every entry the filters select, newest first, read a batch at a time (for downloads)."""
    before = None
    while True:
        page = activity_page(user=user, filters=filters, before=before, size=batch)
        yield from page.entries
        if page.older is None:
            return
        before = page.older
