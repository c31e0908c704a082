"""A record's revisions with its rows: what it was, what changed, and going back.

A record's page is the record and its *rows* — participants, citations, aliases, offices,
signatories, images — each kept in its own history table. A revision of the record is the
record as saved then, with its many-to-many links and its rows as they stood until the next
save of the record (an admin save writes the record, then its inline rows). So:

* :func:`state_at` / :func:`state_now` read a whole :class:`State`;
* :func:`changes` lists, in an editor's words, what going from one state to another changes;
* :class:`RevertRecord` is the action that brings a record and its rows back to a revision;
* :func:`timeline` is the record's history with its rows' changes, for its History page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .actions import Action
from .concurrency import changed_since
from .models import Publishable
from .registry import edited_models
from .rights import ChangeRefused, check_may_change
from .visibility import unrestricted

# Kept by the workflow and the system, never restored by a revert.
BOOKKEEPING = {"id", "status", "published_at", "created_at", "updated_at"}
BOOKKEEPING |= {"created_by", "updated_by", "created_by_id", "updated_by_id"}


@dataclass(frozen=True)
class RowKind:
    """Rows of ``model`` that belong to a record: by ``fk`` (a foreign key's column), or by a
    generic key (``ct_field``, ``fk``)."""

    model: type[models.Model]
    fk: str
    ct_field: str = ""

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    def owned_by(self, record: models.Model) -> dict[str, Any]:
        if self.ct_field:
            content_type = ContentType.objects.get_for_model(type(record))
            return {f"{self.ct_field}_id": content_type.pk, self.fk: record.pk}
        return {self.fk: record.pk}


def owner_field(model: type[models.Model]) -> GenericForeignKey | models.ForeignKey | None:
    """What a row belongs to: its generic key if it has one (a citation belongs to the record
    it supports, not to its source), else its first required key to a record."""
    for generic in model._meta.private_fields:
        if isinstance(generic, GenericForeignKey):
            return generic
    for f in model._meta.concrete_fields:
        if f.many_to_one and not f.null and issubclass(f.related_model, Publishable):
            return f
    return None


@cache
def row_kinds(model: type[models.Model]) -> tuple[RowKind, ...]:
    """The kinds of row that belong to records of ``model`` (found from the models)."""
    kinds = []
    for row_model in sorted(edited_models(), key=lambda m: m._meta.label):
        if issubclass(row_model, Publishable):
            continue
        owner = owner_field(row_model)
        if isinstance(owner, GenericForeignKey):
            relation = any(
                getattr(f, "related_model", None) is row_model for f in model._meta.private_fields
            )
            if relation:
                kinds.append(RowKind(row_model, owner.fk_field, owner.ct_field))
        elif owner is not None and owner.related_model is model:
            kinds.append(RowKind(row_model, owner.attname))
    return tuple(kinds)


@cache
def _kept_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The fields a revision holds: those the history keeps (a source's raw text is not),
    less the workflow's bookkeeping."""
    history = getattr(model, "history", None)
    kept = {f.attname for f in history.model._meta.concrete_fields} if history else None
    return tuple(
        f
        for f in model._meta.concrete_fields
        if f.attname not in BOOKKEEPING
        and f.name not in BOOKKEEPING
        and (kept is None or f.attname in kept)
    )


def _values(obj: models.Model) -> dict[str, Any]:
    model = obj._meta.concrete_model
    return {f.attname: getattr(obj, f.attname) for f in _kept_fields(model)}


@dataclass
class State:
    """A record's fields, many-to-many links and rows (``{kind: {pk: values}}``) at one time."""

    values: dict[str, Any]
    links: dict[str, set] = field(default_factory=dict)
    rows: dict[RowKind, dict[int, dict[str, Any]]] = field(default_factory=dict)


def _m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    return [f for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


def state_now(record: models.Model) -> State:
    with unrestricted():
        stored = type(record)._base_manager.get(pk=record.pk)
        state = State(values=_values(stored))
        for f in _m2m_fields(type(record)):
            state.links[f.name] = set(getattr(stored, f.name).values_list("pk", flat=True))
        for kind in row_kinds(type(record)):
            rows = kind.model._base_manager.filter(**kind.owned_by(record))
            state.rows[kind] = {row.pk: _values(row) for row in rows}
    return state


def next_revision_date(revision) -> datetime.datetime | None:
    """When the record was next saved after ``revision`` (None: it is the latest)."""
    later = type(revision)._default_manager.filter(
        id=revision.id, history_date__gt=revision.history_date
    )
    return later.order_by("history_date").values_list("history_date", flat=True).first()


def _rows_until(kind: RowKind, record: models.Model, until: datetime.datetime | None):
    """The rows of ``kind`` the record had just before ``until`` (now, when None)."""
    if until is None:
        return {
            row.pk: _values(row) for row in kind.model._base_manager.filter(**kind.owned_by(record))
        }
    history = kind.model.history
    ids = set(history.filter(**kind.owned_by(record)).values_list("id", flat=True))
    latest: dict[int, Any] = {}
    for version in history.filter(id__in=ids, history_date__lt=until).order_by(
        "history_date", "history_id"
    ):
        latest[version.id] = version
    owned = kind.owned_by(record)
    rows = {}
    for pk, version in latest.items():
        if version.history_type == "-":
            continue
        row = version.instance
        if all(getattr(row, name) == value for name, value in owned.items()):
            rows[pk] = _values(row)
    return rows


def state_at(record: models.Model, revision) -> State:
    """The record as ``revision`` (one of its history rows) left it."""
    until = next_revision_date(revision)
    with unrestricted():
        state = State(values=_values(revision.instance))
        for f in _m2m_fields(type(record)):
            manager = getattr(revision, f.name, None)
            if manager is not None and hasattr(manager, "values_list"):
                state.links[f.name] = set(manager.values_list(f"{f.m2m_reverse_name()}", flat=True))
        for kind in row_kinds(type(record)):
            state.rows[kind] = _rows_until(kind, record, until)
    return state


# ---- what changes, in words -----------------------------------------------------------------


@dataclass
class Change:
    what: str  # a field's name, or a kind of row
    before: str
    after: str


def _field(model: type[models.Model], attname: str) -> models.Field:
    return next(f for f in model._meta.concrete_fields if f.attname == attname)


def _shown(model: type[models.Model], name: str, value) -> str:
    if value in (None, ""):
        return "—"
    f = _field(model, name)
    if f.many_to_one:
        with unrestricted():
            target = f.related_model._base_manager.filter(pk=value).first()
        return str(target) if target is not None else f"#{value} (deleted)"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    return str(value)[:200]


def _row_label(model: type[models.Model], values: dict[str, Any]) -> str:
    with unrestricted():
        row = model(**values)
        try:
            return str(row)[:200]
        except Exception:
            return model._meta.verbose_name


def _listed(names: dict, pks: set) -> str:
    return ", ".join(sorted(names.get(pk, f"#{pk}") for pk in pks)) or "—"


def changes(model: type[models.Model], old: State, new: State) -> list[Change]:
    """What going from ``old`` to ``new`` changes, field by field and row by row."""
    found = []
    for name, value in new.values.items():
        if old.values.get(name) != value:
            label = _field(model, name).verbose_name
            found.append(
                Change(
                    str(label),
                    _shown(model, name, old.values.get(name)),
                    _shown(model, name, value),
                )
            )
    for name, pks in new.links.items():
        before = old.links.get(name, set())
        if before != pks:
            target = model._meta.get_field(name).related_model
            with unrestricted():
                names = {o.pk: str(o) for o in target._base_manager.filter(pk__in=before | pks)}
            found.append(
                Change(
                    str(model._meta.get_field(name).verbose_name),
                    _listed(names, before),
                    _listed(names, pks),
                )
            )
    for kind, rows in new.rows.items():
        before = old.rows.get(kind, {})
        for pk in sorted(set(before) | set(rows)):
            was, now = before.get(pk), rows.get(pk)
            if was == now:
                continue
            found.append(
                Change(
                    str(kind.model._meta.verbose_name),
                    _row_label(kind.model, was) if was is not None else "—",
                    _row_label(kind.model, now) if now is not None else "— (removed)",
                )
            )
    return found


# ---- going back -----------------------------------------------------------------------------


class RevertRecord(Action):
    """Bring a record, its links and its rows back to ``revision``. The status stays as it is:
    going back is an edit, and publishing is the workflow's."""

    def __init__(self, obj: Publishable, *, user, revision, loaded_version: str = "") -> None:
        super().__init__(obj, user=user)
        self.revision = revision
        self.loaded_version = loaded_version

    def check(self) -> None:
        if self.stored is None:
            raise ChangeRefused("This record no longer exists.")
        check_may_change(self.user, self.stored)
        conflict = changed_since(self.stored, self.loaded_version)
        if conflict is not None:
            raise ChangeRefused(conflict.message())

    def perform(self) -> list[Change]:
        when = self.revision.history_date
        reason = f"Reverted to the revision of {when:%Y-%m-%d %H:%M} UTC"
        return apply_state(self, self.stored, state_at(self.stored, self.revision), reason)


def apply_state(action: Action, record: Publishable, target: State, reason: str) -> list[Change]:
    """Make ``record``, its links and its rows what ``target`` holds, each save stamped by
    ``action`` with ``reason``; return what that changed. Rows of ``target`` with a negative
    key are new (a pending revision's rows not yet created)."""
    done = changes(type(record), state_now(record), target)
    for name, value in target.values.items():
        setattr(record, name, value)
    action.stamp(record, reason)
    record.full_clean(validate_unique=False, validate_constraints=False)
    record.save()
    for name, pks in target.links.items():
        getattr(record, name).set(pks)
    for kind, rows in target.rows.items():
        _restore_rows(action, record, kind, rows, reason)
    return done


def _restore_rows(action: Action, record, kind: RowKind, rows: dict, reason: str) -> None:
    with unrestricted():
        current = {r.pk: r for r in kind.model._base_manager.filter(**kind.owned_by(record))}
    for pk, row in current.items():
        if pk not in rows:
            action.stamp(row, reason)
            row.delete()
    for pk, values in rows.items():
        row = current.get(pk)
        if row is not None and _values(row) == values:
            continue
        if row is None:
            row = kind.model(pk=pk if pk > 0 else None, **values)
            if not _targets_exist(row):
                continue  # it pointed at a record deleted since: nothing to restore to
        else:
            for name, value in values.items():
                setattr(row, name, value)
        action.stamp(row, reason)
        row.save()


def _targets_exist(row: models.Model) -> bool:
    with unrestricted():
        for f in row._meta.concrete_fields:
            value = getattr(row, f.attname)
            target = f.related_model._base_manager if f.many_to_one else None
            if value is not None and target is not None and not target.filter(pk=value).exists():
                return False
    return True


# ---- the History page -----------------------------------------------------------------------


@dataclass
class Moment:
    """One line of a record's History: a save of the record, or a change to one of its rows."""

    date: datetime.datetime
    user: str
    action: str
    what: str
    reason: str = ""
    revision: Any = None  # the record's own history row, which can be reverted to


HISTORY_TYPES = {"+": "added", "~": "changed", "-": "removed"}


def timeline(record: models.Model, *, limit: int = 300) -> list[Moment]:
    """The record's saves and its rows' changes, newest first."""
    from .audit import classify

    moments = []
    for revision in record.history.select_related("history_user").order_by("-history_date")[:limit]:
        moments.append(
            Moment(
                revision.history_date,
                _username(revision),
                classify(revision.history_type, revision.history_change_reason),
                str(record._meta.verbose_name),
                revision.history_change_reason or "",
                revision,
            )
        )
    for kind in row_kinds(type(record)):
        history = kind.model.history
        versions = (
            history.filter(**kind.owned_by(record))
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        )
        for version in versions:
            moments.append(
                Moment(
                    version.history_date,
                    _username(version),
                    HISTORY_TYPES.get(version.history_type, "changed"),
                    f"{kind.model._meta.verbose_name}: "
                    f"{_row_label(kind.model, _values(version.instance))}",
                    version.history_change_reason or "",
                )
            )
    moments.sort(key=lambda m: m.date, reverse=True)
    return moments[:limit]


def _username(version) -> str:
    user = version.history_user
    return user.get_username() if user is not None else "the system"


# ---- comparing two revisions, side by side --------------------------------------------------


@dataclass
class FieldDiff:
    label: str
    before: Any  # safe HTML
    after: Any
    changed: bool


@dataclass
class RowDiff:
    kind: str
    change: str  # "added", "removed", "changed"
    label: str
    fields: list[FieldDiff]


@dataclass
class Comparison:
    fields: list[FieldDiff]
    rows: list[RowDiff]

    @property
    def changed_fields(self) -> list[FieldDiff]:
        return [f for f in self.fields if f.changed]

    @property
    def has_changes(self) -> bool:
        return bool(self.changed_fields or self.rows)


def _full(model: type[models.Model], name: str, value) -> str:
    """A value as an editor reads it, whole (the History's short form cuts at 200)."""
    if value in (None, ""):
        return ""
    f = _field(model, name)
    if f.many_to_one or f.choices:
        return _shown(model, name, value)
    return str(value)


def _diff_values(model, names, old: dict, new: dict, *, all_fields: bool) -> list[FieldDiff]:
    from .diffs import word_diff

    found = []
    for name in names:
        was, now = _full(model, name, old.get(name)), _full(model, name, new.get(name))
        if was == now and not all_fields:
            continue
        before, after = word_diff(was, now)
        found.append(FieldDiff(str(_field(model, name).verbose_name), before, after, was != now))
    return found


def compare(model: type[models.Model], old: State, new: State) -> Comparison:
    """Every field of ``old`` and ``new`` side by side (word by word where they differ), the
    many-to-many links, and the rows added, removed and changed — nothing cut short."""
    from .diffs import word_diff

    names = list(dict.fromkeys([*old.values, *new.values]))
    fields = _diff_values(model, names, old.values, new.values, all_fields=True)
    for name in sorted(set(old.links) | set(new.links)):
        before, after = old.links.get(name, set()), new.links.get(name, set())
        target = model._meta.get_field(name).related_model
        with unrestricted():
            shown = {o.pk: str(o) for o in target._base_manager.filter(pk__in=before | after)}
        was, now = _listed(shown, before), _listed(shown, after)
        a, b = word_diff(was if was != "—" else "", now if now != "—" else "")
        label = str(model._meta.get_field(name).verbose_name)
        fields.append(FieldDiff(label, a, b, before != after))
    rows = []
    for kind in sorted(set(old.rows) | set(new.rows), key=lambda k: k.label):
        was_rows, now_rows = old.rows.get(kind, {}), new.rows.get(kind, {})
        row_names = [f.attname for f in _kept_fields(kind.model)]
        for pk in sorted(set(was_rows) | set(now_rows)):
            was, now = was_rows.get(pk), now_rows.get(pk)
            if was == now:
                continue
            change = "added" if was is None else "removed" if now is None else "changed"
            label = _row_label(kind.model, now if now is not None else was)
            diffs = _diff_values(kind.model, row_names, was or {}, now or {}, all_fields=False)
            rows.append(RowDiff(str(kind.model._meta.verbose_name), change, label, diffs))
    return Comparison(fields, rows)
