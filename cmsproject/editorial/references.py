"""What points at a record: every relation found from the models, and "used by".

:func:`relations_of` lists every way rows refer to a record of a model — foreign keys,
many-to-many links, generic keys — from the model registry, so a relation added later is
covered without being named. A merge moves them (``events.merging``); :func:`used_by` shows
them on a record's admin page and in the withdraw, delete and merge confirmations: grouped,
counted, with the records they belong to, at a fixed number of queries (two per kind of
relation, whatever the data).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count

from .visibility import unrestricted


@dataclass(frozen=True)
class Relation:
    """One way rows point at a record: a foreign key, a many-to-many link, a generic key."""

    label: str
    model: type[models.Model]
    field: str  # the field on ``model`` that points at the record (object id for generic)
    kind: str  # "fk", "m2m" (``model.field`` links to records), "own_m2m", "generic"
    content_type_field: str = ""

    def rows(self, record: models.Model) -> models.QuerySet:
        return self.rows_of(type(record), [record.pk])

    def rows_of(self, model: type[models.Model], pks: list) -> models.QuerySet:
        if self.kind == "generic":
            ct = ContentType.objects.get_for_model(model)
            return self.model._default_manager.filter(
                **{self.content_type_field: ct, f"{self.field}__in": pks}
            )
        if self.kind == "own_m2m":
            through = getattr(model, self.field).through
            return through._default_manager.filter(**{f"{self.group_field(model)}__in": pks})
        return self.model._default_manager.filter(**{f"{self.field}__in": pks})

    def group_field(self, model: type[models.Model]) -> str:
        """The column of :meth:`rows_of` that says which record a row belongs to."""
        if self.kind == "own_m2m":
            # Django names the columns of its own through table after the two models, with
            # from_/to_ when a model links to itself.
            through = getattr(model, self.field).through
            name = model._meta.model_name
            return f"from_{name}" if hasattr(through, f"from_{name}_id") else name
        return self.field


@functools.cache
def relations_of(model: type[models.Model]) -> tuple[Relation, ...]:
    """Every way other rows refer to a ``model`` record, discovered from the model registry."""
    found: list[Relation] = []
    for rel in model._meta.related_objects:
        accessor = rel.get_accessor_name().replace("_", " ")
        if rel.many_to_many:
            if rel.through._meta.auto_created:  # a through model of our own is an fk below
                found.append(Relation(accessor, rel.related_model, rel.field.name, "m2m"))
        elif rel.one_to_many or rel.one_to_one:
            found.append(Relation(accessor, rel.related_model, rel.field.name, "fk"))
    for m2m in model._meta.many_to_many:
        if m2m.remote_field.through._meta.auto_created:
            found.append(Relation(str(m2m.verbose_name), m2m.related_model, m2m.name, "own_m2m"))
    for other in apps.get_models():
        for gfk in other._meta.private_fields:
            if isinstance(gfk, GenericForeignKey):
                found.append(
                    Relation(
                        str(other._meta.verbose_name_plural),
                        other,
                        other._meta.get_field(gfk.fk_field).attname,
                        "generic",
                        content_type_field=gfk.ct_field,
                    )
                )
    return tuple(found)


def relation_counts(records: list[models.Model]) -> dict[object, list[tuple[str, int]]]:
    """For each record, how many rows of each kind point at it (only kinds with any): what a
    merge would move. One query per kind of relation, however many records."""
    if not records:
        return {}
    model = type(records[0])
    pks = [r.pk for r in records]
    counts: dict[object, list[tuple[str, int]]] = {pk: [] for pk in pks}
    for relation in relations_of(model):
        column = relation.group_field(model)
        rows = (
            relation.rows_of(model, pks)
            .order_by()
            .values(column)
            .annotate(n=Count("pk"))
            .values_list(column, "n")
        )
        for pk, n in rows:
            if pk in counts and n:
                counts[pk].append((relation.label, n))
    return counts


# ---- "used by": the records that point at one record --------------------------------------


@dataclass
class Usage:
    """One kind of reference to a record: ``count`` rows, of which ``live`` belong to records
    readers see, and the first few of those records."""

    label: str
    count: int
    live: int
    records: list[models.Model] = field(default_factory=list)


@dataclass(frozen=True)
class _Referrer:
    """How to go from a referring row to the record it belongs to: the row itself (an event
    whose parent is the record), a key (a participation's event), or a generic key (the record
    a citation supports)."""

    relation: Relation
    owner: str = ""  # "" the row itself; else the row's field naming its record
    generic: GenericForeignKey | None = None


@functools.cache
def referrers_of(model: type[models.Model]) -> tuple[_Referrer, ...]:
    """The relations of ``model`` that are *uses* by other records — not the record's own rows
    (its aliases, its participants, its citations) nor its own links."""
    from .models import Publishable
    from .registry import edited_models
    from .revisions import owner_field

    found = []
    edited = set(edited_models())
    for relation in relations_of(model):
        row_model = relation.model
        if row_model not in edited or relation.kind == "own_m2m":
            continue
        if issubclass(row_model, Publishable):
            found.append(_Referrer(relation))
            continue
        owner = owner_field(row_model)
        if isinstance(owner, GenericForeignKey):
            if relation.kind == "generic":
                continue  # the generic key is what the row belongs to: the record's own row
            found.append(_Referrer(relation, generic=owner))
        elif owner is not None and owner.name != relation.field:
            found.append(_Referrer(relation, owner=owner.name))
    return tuple(found)


def _label(referrer: _Referrer) -> str:
    relation = referrer.relation
    row_model = relation.model
    try:
        how = row_model._meta.get_field(relation.field).verbose_name
    except Exception:
        how = relation.field
    return f"{str(row_model._meta.verbose_name_plural).capitalize()} — {how}"


def used_by(record: models.Model, *, limit: int = 10) -> list[Usage]:
    """Every kind of reference to ``record``, with counts and the first ``limit`` records that
    make them; two or three queries per kind of relation, whatever the data."""
    from .visibility import live

    usages = []
    with unrestricted():
        for referrer in referrers_of(type(record)):
            relation = referrer.relation
            rows = relation.rows(record).order_by("pk")
            count = rows.count()
            if not count:
                continue
            if referrer.generic is not None:
                generic = referrer.generic
                live_count = 0
                sample = list(rows.prefetch_related(generic.name)[:limit])
                records = [getattr(row, generic.name) for row in sample]
                for content_type in ContentType.objects.filter(
                    pk__in=rows.values(generic.ct_field).distinct()
                ):
                    target = content_type.model_class()
                    if target is None or not hasattr(target, "expire_at"):
                        continue
                    shown = target._base_manager.filter(live()).values("pk")
                    live_count += rows.filter(
                        **{generic.ct_field: content_type, f"{generic.fk_field}__in": shown}
                    ).count()
            elif referrer.owner:
                live_count = rows.filter(live(f"{referrer.owner}__")).count()
                sample = list(rows.select_related(referrer.owner)[:limit])
                records = [getattr(row, referrer.owner) for row in sample]
            else:
                live_count = rows.filter(live()).count()
                records = list(rows[:limit])
            unique = list({(type(r), r.pk): r for r in records if r is not None}.values())
            usages.append(Usage(_label(referrer), count, live_count, unique))
    return usages


def live_users(record: models.Model) -> list[Usage]:
    """The uses of ``record`` by records readers see (what withdrawing or deleting it takes
    from their pages)."""
    return [usage for usage in used_by(record) if usage.live]
