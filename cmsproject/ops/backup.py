"""Backup and restore of everything Caravan keeps: records, their history, accounts, media.

A backup is one zip file: ``data.json`` (Django's serialised data with natural foreign keys, so
it loads into a fresh database of either engine), ``manifest.json`` (the rows of each table) and
``media/`` (every uploaded file). Rows Django makes by itself (content types, permissions,
sessions) and the search index (rebuilt after restore) are left out.

Two promises, which the tests and ``.ci/load`` hold:

* a backup is one consistent snapshot, however busy the editors: every table is read in one
  read transaction (REPEATABLE READ on PostgreSQL, like ``pg_dump``; one deferred read
  transaction on SQLite, whose write-ahead log lets writers go on meanwhile);
* a restore reproduces each table exactly, primary keys and history included: the load runs
  with every model signal muted, so no receiver adds a history row, a search entry or a
  revision of its own while the rows go in; what is derived (search index, caches, planner
  statistics) is rebuilt afterwards.
"""

from __future__ import annotations

import datetime
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import signals

from cmsproject.editorial.visibility import viewing_as

FORMAT_VERSION = 2
SKIPPED_APPS = {"contenttypes", "sessions"}
SKIPPED_MODELS = {"auth.permission", "events.searchentry"}
# Every signal a row's load could set off; muted while a backup is loaded.
MODEL_SIGNALS = (
    signals.pre_save,
    signals.post_save,
    signals.pre_delete,
    signals.post_delete,
    signals.m2m_changed,
)

Progress = Callable[[str, int], None]


class RestoreRefused(Exception):
    """The restore would lose data or cannot read the file; the message says which."""


class RestoreIncomplete(Exception):
    """The backup was loaded, but the row counts differ from those it records."""


def content_models() -> list[type[models.Model]]:
    """Every model whose rows a backup carries, in an order that loads (referenced first)."""
    ordered = serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs()], allow_cycles=True
    )
    return [
        m
        for m in ordered
        if m._meta.app_label not in SKIPPED_APPS
        and m._meta.label_lower not in SKIPPED_MODELS
        and not m._meta.proxy
        and m._meta.managed
    ]


def counts() -> dict[str, int]:
    with viewing_as(None):
        return {m._meta.label: m._base_manager.count() for m in content_models()}


def is_empty() -> bool:
    """No records, sources or people accounts yet (the groups a migration makes do not count)."""
    return not any(n for label, n in counts().items() if label not in {"auth.Group"})


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Every read inside the block sees the database as it was when the first one ran."""
    if connection.in_atomic_block:  # already inside a transaction: its view is the snapshot
        with transaction.atomic():
            yield
        return
    if connection.vendor == "sqlite":
        # The project's connections begin IMMEDIATE (writers queue instead of failing late);
        # a backup only reads, so it takes a deferred transaction, which holds no write lock.
        connection.ensure_connection()
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"
        try:
            with transaction.atomic():
                connection.transaction_mode = mode
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _rows(written: dict[str, int], progress: Progress | None) -> Iterator[models.Model]:
    for model in content_models():
        label, n = model._meta.label, 0
        for obj in model._base_manager.order_by("pk").iterator(chunk_size=2000):
            n += 1
            yield obj
        written[label] = n
        if progress:
            progress(label, n)


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder cuts them to the millisecond, so a restore
    would give back 12:00:00.000 for 12:00:00.000500 — not the rows that were backed up."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def make_backup(path: Path, *, progress: Progress | None = None) -> dict[str, int]:
    """Write the backup zip to ``path``; returns the rows of each table it holds.
    ``progress(table, rows)`` is called as each table is read."""
    media_root = Path(settings.MEDIA_ROOT)
    written: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        with data.open("w", encoding="utf-8") as stream, viewing_as(None), read_snapshot():
            serializers.serialize(
                "json",
                _rows(written, progress),
                use_natural_foreign_keys=True,
                stream=stream,
                cls=ExactJSONEncoder,
            )
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            archive.writestr(
                "manifest.json", json.dumps({"format": FORMAT_VERSION, "counts": written}, indent=2)
            )
            if media_root.is_dir():
                for file in sorted(p for p in media_root.rglob("*") if p.is_file()):
                    relative = file.relative_to(media_root)
                    if relative.parts[0] == "renditions":
                        continue  # made again on demand
                    archive.write(file, f"media/{relative.as_posix()}")
    return written


@contextmanager
def signals_muted() -> Iterator[None]:
    """No model signal reaches any receiver inside the block (this thread and every other:
    meant for commands that own the process, such as ``restore``)."""
    saved = []
    for signal in MODEL_SIGNALS:
        with signal.lock:
            saved.append((signal, signal.receivers))
            signal.receivers = []
            signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in saved:
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


def _open(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise RestoreRefused(f"{path} is not a Caravan backup: {exc}") from None
    names = set(archive.namelist())
    if not {"data.json", "manifest.json"} <= names:
        archive.close()
        raise RestoreRefused(f"{path} is not a Caravan backup (no data.json/manifest.json).")
    for name in names:
        if name.startswith("media/") and (".." in Path(name).parts or name.startswith("/")):
            archive.close()
            raise RestoreRefused(f"Unsafe path in backup: {name}")
    return archive


def restore_backup(path: Path, *, force: bool = False) -> dict[str, int]:
    """Load a backup made by :func:`make_backup`. Refuses a non-empty database unless
    ``force``, in which case the database is emptied first. All or nothing. Returns the row
    counts restored, checked against those the backup records."""
    with _open(path) as archive, tempfile.TemporaryDirectory() as tmp:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            expected = dict(manifest["counts"])
        except (ValueError, KeyError, TypeError) as exc:
            raise RestoreRefused(f"{path} has an unreadable manifest: {exc}") from None
        if not is_empty() and not force:
            raise RestoreRefused(
                "The database is not empty; restoring would mix two sites. Restore into an "
                "empty database, or pass --force to replace everything in this one."
            )
        archive.extract("data.json", tmp)
        with transaction.atomic():
            if force:
                call_command("flush", interactive=False, verbosity=0)
            with signals_muted(), viewing_as(None):
                # Rows a migration makes (the groups) come back as the backup has them, with
                # their own keys, rather than beside this database's own copies.
                for model in reversed(content_models()):
                    model._base_manager.all().delete()
                call_command("loaddata", str(Path(tmp) / "data.json"), verbosity=0)
            now = counts()
            wrong = {k: (v, now.get(k)) for k, v in expected.items() if now.get(k) != v}
            if wrong:  # roll the load back: a partial site is worse than none
                raise RestoreIncomplete(f"Counts differ from the backup's (expected, got): {wrong}")
        _restore_media(archive)
    _rebuild_derived()
    return expected


def _restore_media(archive: zipfile.ZipFile) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    for name in archive.namelist():
        if name.startswith("media/") and not name.endswith("/"):
            target = media_root / Path(name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(name))


def _rebuild_derived() -> None:
    """What the muted signals would have kept in step: the search index, the caches' content
    version, the linking index, the planner's statistics."""
    from cmsproject.caching import NAMES, bump
    from events.search import rebuild_index

    from .dbstats import refresh_statistics

    rebuild_index()
    refresh_statistics()
    bump()
    bump(NAMES)
