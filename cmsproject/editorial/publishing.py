"""Publish checks: what a record shows readers must be published with it.

A published event whose place, cited source or participant is still a draft shows readers a
page with holes (the visibility rule hides the draft ends). Before publishing, the admin asks
:func:`unpublished_ends` — found from the models, not named: the record's foreign keys and
many-to-many links to other records, and the same in its rows (participants' people, citations'
sources, signatories…) — and offers to publish them together (:func:`publish_together`, in the
same transaction: all or nothing), or the record alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse

from . import revisions
from .actions import Publish
from .models import Publishable, Status


@dataclass(frozen=True)
class End:
    """A record another one leads readers to, and the way it does (``via``)."""

    record: Publishable
    via: str

    @property
    def kind(self) -> str:
        return str(self.record._meta.verbose_name)

    @property
    def status(self) -> str:
        if self.record.is_published:
            return "Published, expired"
        return Status(self.record.status).label

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk]
            )
        except NoReverseMatch:
            return ""


def _publishable(field: models.Field) -> bool:
    related = getattr(field, "related_model", None)
    return isinstance(related, type) and issubclass(related, Publishable)


def _wanted(record: Publishable) -> dict[type[models.Model], dict[int, str]]:
    """{model: {pk: how the record leads there}} as the record is stored now."""
    model = type(record)
    state = revisions.state_now(record)
    wanted: dict[type[models.Model], dict[int, str]] = {}

    def add(target: type[models.Model], pk, via: str) -> None:
        if pk is not None and not (target is model and pk == record.pk):
            wanted.setdefault(target, {}).setdefault(pk, via)

    for f in model._meta.concrete_fields:
        if f.is_relation and _publishable(f):
            add(f.related_model, state.values.get(f.attname), str(f.verbose_name))
    for name, pks in state.links.items():
        f = model._meta.get_field(name)
        if _publishable(f):
            for pk in sorted(pks):
                add(f.related_model, pk, str(f.verbose_name))
    for kind, rows in state.rows.items():
        ends = [
            f
            for f in kind.model._meta.concrete_fields
            if f.is_relation and _publishable(f) and f.attname != kind.fk
        ]
        for values in rows.values():
            for f in ends:
                add(f.related_model, values.get(f.attname), f"{kind.label}: {f.verbose_name}")
    return wanted


def unpublished_ends(record: Publishable) -> list[End]:
    """The records ``record`` leads readers to that readers cannot see: drafts, in review,
    withdrawn or expired — one query per kind of record."""
    found: list[End] = []
    for target, ways in _wanted(record).items():
        for other in target._base_manager.filter(pk__in=list(ways)).order_by("pk"):
            if not other.is_live:
                found.append(End(other, ways[other.pk]))
    return found


def publish_together(ends: list[End], user) -> list[Publishable]:
    """Publish each end as ``user`` (each checked as any publication is). Call inside the
    transaction that publishes the record: a refusal raises and leaves nothing published."""
    return [Publish(end.record, user=user).execute() for end in ends]
