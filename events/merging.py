"""Merging duplicate records: one person (organization, place, event, source) entered twice
becomes one.

Every relation of the duplicates moves to the record kept: rows that point at them (found with
``_meta.related_objects``), many-to-many links, and generic rows such as citations and linking
suggestions (found by content type and object id). A row that would then repeat one the kept
record already has — the same person at the same event twice — is dropped, after filling the
kept row's empty fields from it. The duplicates' names become aliases of the kept record, the
kept record's history says who merged what, and the duplicates are deleted (their history
stays, ending with "Merged into …"). All of it happens in one transaction, or nothing does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models

from cmsproject.editorial import redirects
from cmsproject.editorial.actions import Action
from cmsproject.editorial.concurrency import lock_rows
from cmsproject.editorial.models import Publishable
from cmsproject.editorial.references import Relation, relations_of

from .models import AliasBase

#: More than this many records at once is a mis-click ("select all"), not a set of duplicates.
MAX_RECORDS = 20

# Fields a merge never copies from a duplicate: identity, workflow and bookkeeping.
NOT_COPIED = {f.name for f in Publishable._meta.get_fields()} | {"id", "sort_name"}

# Rows that repeat another in all these fields are the same fact, though no constraint says so:
# one citation of the same words of the same source, one office held from the same day.
SAME_ROW = {
    "sources.citation": ("source", "content_type", "object_id", "excerpt", "claim"),
    "events.position": ("person", "organization", "role", "start_date"),
}

# Other names a record carries in its own fields, and the alias kind they become.
NAME_FIELDS = {
    "name": AliasBase.Kind.OTHER,
    "native_name": AliasBase.Kind.NATIVE,
    "short_name": AliasBase.Kind.ABBREVIATION,
}


class MergeError(PermissionDenied):
    """A merge that may not or cannot be made; the message says why, nothing was changed."""


def _is_alias(relation: Relation) -> bool:
    return relation.kind == "fk" and issubclass(relation.model, AliasBase)


def can_merge(user, model: type[models.Model]) -> bool:
    """Whether ``user`` may merge records of this kind (Editors, superusers)."""
    if user is None or not user.is_active:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.merge_{opts.model_name}")


@dataclass
class MergeResult:
    kept: models.Model
    merged: list[str] = field(default_factory=list)
    moved: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    aliases_added: list[str] = field(default_factory=list)

    def summary(self) -> str:
        names = ", ".join(f"“{name}”" for name in self.merged)
        parts = [f"Merged {names} into “{self.kept}”."]
        if self.moved:
            parts.append("Moved " + _counted(self.moved) + ".")
        if self.dropped:
            parts.append("Dropped as repeats: " + _counted(self.dropped) + ".")
        if self.aliases_added:
            parts.append("New aliases: " + ", ".join(self.aliases_added) + ".")
        return " ".join(parts)


def _counted(counter: Counter) -> str:
    return ", ".join(f"{n} {label}" for label, n in sorted(counter.items()))


class MergeRecords(Action):
    """Merge ``duplicates`` into ``keep``; :class:`MergeError` (nothing changed) when the user
    may not merge or there is nothing to merge."""

    def __init__(self, keep: Publishable, *, duplicates: list[Publishable], user) -> None:
        super().__init__(keep, user=user)
        self.duplicates = duplicates
        self.dup_pks = [d.pk for d in duplicates if d.pk != keep.pk]
        self.fresh: dict = {}

    def lock(self) -> None:
        model = type(self.obj)
        locked = lock_rows(model._default_manager.filter(pk__in=[self.obj.pk, *self.dup_pks]))
        self.fresh = {r.pk: r for r in locked}

    def check(self) -> None:
        model, user = type(self.obj), self.user
        label = model._meta.verbose_name_plural
        if not can_merge(user, model):
            raise MergeError(f"You may not merge {label}: only Editors may.")
        if not self.dup_pks:
            raise MergeError(f"Select at least two {label}: the one to keep and its duplicates.")
        if len(self.dup_pks) + 1 > MAX_RECORDS:
            raise MergeError(f"Merge at most {MAX_RECORDS} {label} at a time.")
        if any(type(d) is not model for d in self.duplicates):
            raise MergeError("Only records of one kind can be merged.")
        if self.obj.pk not in self.fresh or len(self.fresh) != len(self.dup_pks) + 1:
            raise MergeError(f"Some of the selected {label} no longer exist; nothing was merged.")

    def perform(self) -> MergeResult:
        kept = self.fresh[self.obj.pk]
        result = MergeResult(kept=kept)
        for pk in self.dup_pks:
            others = set(self.dup_pks) - {pk}
            _merge_one(kept, self.fresh[pk], others=others, user=self.user, result=result)
        return result


def merge_records(*, keep: Publishable, duplicates: list[Publishable], user) -> MergeResult:
    return MergeRecords(keep, duplicates=duplicates, user=user).execute()


def _merge_one(kept, dup, *, others: set, user, result: MergeResult) -> None:
    model = type(kept)
    reason = f"Merged “{dup}” into “{kept}”"
    # Many-to-many changes on the kept record write its history at once: say who and why.
    kept._history_user = user
    kept._change_reason = f"Merged “{dup}” into this record"
    for relation in relations_of(model):
        if relation.kind == "own_m2m":
            linked = getattr(dup, relation.field).exclude(pk__in=[kept.pk, dup.pk, *others])
            getattr(kept, relation.field).add(*linked)
            continue
        for row in relation.rows(dup):
            if relation.kind == "m2m":
                _relink(row, relation, dup, kept, others, user=user, reason=reason, result=result)
            else:
                _move(row, relation, dup, kept, others, user=user, reason=reason, result=result)
    _add_names_as_aliases(kept, dup, user=user, reason=reason, result=result)
    _fill_blanks(kept, dup, skip_pks={kept.pk, dup.pk, *others})
    dup._history_user = user
    dup._change_reason = f"Merged into “{kept}”"
    redirects.merged(dup, kept, user)  # the duplicate's address now leads to the kept record
    dup.delete()
    kept.updated_by = user
    kept.save()
    result.merged.append(str(dup))


def _move(row, relation: Relation, dup, kept, others: set, *, user, reason, result) -> None:
    """Point ``row`` at the kept record, or drop it when the kept record has the same row."""
    if relation.model is type(kept) and row.pk in {kept.pk, *others}:
        # A link between the records being merged (the kept organization's parent was the
        # duplicate): it would point at itself, so it takes the duplicate's own value instead.
        if row.pk == kept.pk:
            inherited = getattr(dup, relation.model._meta.get_field(relation.field).attname)
            if inherited in {kept.pk, dup.pk, *others}:
                inherited = None
            setattr(kept, relation.model._meta.get_field(relation.field).attname, inherited)
        return
    attname = relation.model._meta.get_field(relation.field).attname
    same = _same_row(row, {attname: kept.pk})
    row._history_user = user
    row._change_reason = reason
    if same is not None:
        if _fill_blanks(same, row, skip_pks=set()):
            same._history_user = user
            same._change_reason = reason
            same.save()
        row.delete()
        result.dropped[relation.label] += 1
        return
    if _is_alias(relation) and row.name.casefold() == str(kept).casefold():
        row.delete()  # the duplicate's alias is the kept record's own name
        result.dropped[relation.label] += 1
        return
    setattr(row, attname, kept.pk)
    row.save()
    result.moved[relation.label] += 1


def _relink(row, relation: Relation, dup, kept, others: set, *, user, reason, result) -> None:
    """Replace the duplicate by the kept record in ``row``'s many-to-many field."""
    links = getattr(row, relation.field)
    # Changed from the side that owns the field, so the row's own history records it.
    row._history_user = user
    row._change_reason = reason
    links.remove(dup)
    if not (relation.model is type(kept) and row.pk in {kept.pk, *others}):
        links.add(kept)  # but never a link from a merged record to itself
    result.moved[relation.label] += 1


def _identities(model: type[models.Model]) -> list[tuple[tuple[str, ...], models.Q | None]]:
    """The field sets that make a row of ``model`` unique, with the condition of each."""
    found: list[tuple[tuple[str, ...], models.Q | None]] = []
    opts = model._meta
    for constraint in opts.total_unique_constraints + [
        c for c in opts.constraints if isinstance(c, models.UniqueConstraint) and c.condition
    ]:
        if constraint.fields:
            found.append((tuple(constraint.fields), constraint.condition))
    found += [(tuple(fields), None) for fields in opts.unique_together]
    found += [((f.name,), None) for f in opts.concrete_fields if f.unique and not f.primary_key]
    if opts.label_lower in SAME_ROW:
        found.append((SAME_ROW[opts.label_lower], None))
    return found


def _same_row(row: models.Model, changes: dict[str, object]):
    """The existing row that ``row`` would repeat once ``changes`` are applied, if any."""
    model = type(row)
    for fields, condition in _identities(model):
        attnames = [model._meta.get_field(name).attname for name in fields]
        if not set(attnames) & set(changes):
            continue
        lookup = {a: changes.get(a, getattr(row, a)) for a in attnames}
        if any(value is None for value in lookup.values()):
            continue  # NULLs never clash in a unique index
        candidates = model._default_manager.filter(**lookup).exclude(pk=row.pk)
        if condition is not None:
            if not model._default_manager.filter(condition, pk=row.pk).exists():
                continue
            candidates = candidates.filter(condition)
        same = candidates.first()
        if same is not None:
            return same
    return None


def _is_blank(value) -> bool:
    return value is None or value == "" or (hasattr(value, "name") and not value)


def _fill_blanks(target: models.Model, donor: models.Model, *, skip_pks: set) -> bool:
    """Copy into ``target`` the fields it leaves empty and ``donor`` fills; whether any was."""
    changed = False
    for f in target._meta.concrete_fields:
        if f.primary_key or not f.editable or f.name in NOT_COPIED:
            continue
        value = getattr(donor, f.attname)
        if _is_blank(getattr(target, f.attname)) and not _is_blank(value):
            if f.is_relation and f.related_model is type(target) and value in skip_pks:
                continue
            setattr(target, f.attname, value)
            changed = True
    return changed


def _add_names_as_aliases(kept, dup, *, user, reason, result: MergeResult) -> None:
    alias_relation = next((r for r in relations_of(type(kept)) if _is_alias(r)), None)
    if alias_relation is None:
        return
    alias_model = alias_relation.model
    for name_field, kind in NAME_FIELDS.items():
        name = (getattr(dup, name_field, "") or "").strip()
        if not name or name.casefold() == (getattr(kept, name_field, "") or "").casefold():
            continue
        if name.casefold() == str(kept).casefold():
            continue
        existing = alias_model._default_manager.filter(
            **{alias_relation.field: kept, "name__iexact": name}
        )
        if existing.exists():
            continue
        alias = alias_model(**{alias_relation.field: kept, "name": name, "kind": kind})
        alias._history_user = user
        alias._change_reason = reason
        alias.save()
        result.aliases_added.append(name)
