"""No silent overwrite: detect that a record changed since an editor (or client) loaded it.

The version of a record is the time it was last saved (``updated_at``). A form or API client
sends back the version it loaded; if the record has been saved since, the save is refused and
the editor is told who changed what, from the revision history.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.dateparse import parse_datetime


def lock_rows(queryset: models.QuerySet) -> models.QuerySet:
    """``queryset`` locking its own rows until the transaction ends (``SELECT … FOR UPDATE OF``).

    Only the model's own table is locked: a manager may join other tables to decide what an
    audience sees (a figure is hidden with its indicator or its optional partner), and
    PostgreSQL refuses to lock the nullable side of such an outer join. SQLite has no row locks;
    its write lock serialises the transaction instead."""
    return queryset.select_for_update(of=("self",))


def version_of(obj) -> str:
    return obj.updated_at.isoformat() if getattr(obj, "updated_at", None) else ""


@dataclass
class Change:
    field: str
    before: str
    now: str


@dataclass
class ConcurrentEdit:
    by: str
    at: datetime.datetime
    changes: list[Change]

    def message(self) -> str:
        listed = "; ".join(f"{c.field}: “{c.before}” → “{c.now}”" for c in self.changes[:8])
        what = f" Their changes: {listed}." if listed else ""
        return (
            f"This record was changed by {self.by} at {self.at:%Y-%m-%d %H:%M:%S} UTC while you "
            f"were editing it, so your changes were not saved.{what} Reload the page to see "
            "the current version, then make your changes again."
        )


def changed_since(obj, loaded_version: str) -> ConcurrentEdit | None:
    """What changed in ``obj`` (as stored now) since ``loaded_version``; None if nothing."""
    if not loaded_version or obj.pk is None:
        return None
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    if stored is None or version_of(stored) == loaded_version:
        return None
    loaded_at = parse_datetime(loaded_version)
    history = getattr(stored, "history", None)
    changes: list[Change] = []
    by = "another editor"
    if history is not None and loaded_at is not None:
        latest = history.order_by("-history_date").first()
        # Historical rows copy updated_at: the one carrying the loaded version is what the
        # editor saw.
        before = history.filter(updated_at__lte=loaded_at).order_by("-history_date").first()
        if latest is not None and latest.history_user is not None:
            by = latest.history_user.get_username()
        if latest is not None and before is not None:
            for change in latest.diff_against(before).changes:
                if change.field in ("updated_at", "updated_by"):
                    continue
                label = stored._meta.get_field(change.field).verbose_name
                changes.append(Change(str(label), str(change.old)[:80], str(change.new)[:80]))
    return ConcurrentEdit(by=by, at=stored.updated_at, changes=changes)
