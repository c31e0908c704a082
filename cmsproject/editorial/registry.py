"""Which models are editorial records, found through the app registry rather than named."""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db import models

from .models import Publishable


@cache
def publishable_models() -> tuple[type[models.Model], ...]:
    """Every concrete Publishable model, in a stable order (by ``app_label.model``)."""
    found = (m for m in apps.get_models() if issubclass(m, Publishable) and not m._meta.abstract)
    return tuple(sorted(found, key=lambda m: m._meta.label_lower))


@cache
def editorial_app_labels() -> frozenset[str]:
    """The apps that hold editorial records: those with at least one Publishable model."""
    return frozenset(m._meta.app_label for m in publishable_models())


@cache
def edited_models() -> frozenset[type[models.Model]]:
    """What editors change: the records, and the relation rows whose changes are kept in a
    history (participations, offices, citations, aliases…). Rows the system keeps by itself
    (search entries, fingerprints, suggestions) have no history and are not among them."""
    from .visibility import EditorialRow

    rows = (
        m
        for m in apps.get_models()
        if issubclass(m, EditorialRow) and not m._meta.abstract and hasattr(m, "history")
    )
    return frozenset((*publishable_models(), *rows))
