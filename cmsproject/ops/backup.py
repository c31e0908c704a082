"""Backup and restore of everything Caravan keeps: records, their history, accounts, media.

A backup is one zip file: ``data.json`` (Django's serialised data, natural keys, so it loads
into a fresh database of either engine) and ``media/`` (every uploaded file). Rows Django makes
by itself (content types, permissions, sessions) and the search index (rebuilt after restore)
are left out. For large sites on PostgreSQL, ``pg_dump`` is faster; see the README.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "events.searchentry"]
FORMAT_VERSION = 1


class RestoreRefused(Exception):
    """The restore would lose data or cannot read the file; the message says which."""


class RestoreIncomplete(Exception):
    """The backup was loaded, but the row counts differ from those it records."""


def content_models() -> list:
    """Every model whose rows a backup carries."""
    skip_apps = {"contenttypes", "sessions"}
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label not in skip_apps
        and m._meta.label_lower not in {"auth.permission", "events.searchentry"}
    ]


def counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in content_models()}


def is_empty() -> bool:
    """No records, sources or people accounts yet (the groups a migration makes do not count)."""
    return not any(n for label, n in counts().items() if label not in {"auth.Group"})


def make_backup(path: Path) -> dict[str, int]:
    """Write the backup zip to ``path``; returns the row counts it holds."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        call_command(
            "dumpdata",
            exclude=EXCLUDE,
            natural_foreign=True,
            natural_primary=True,
            output=str(data),
            verbosity=0,
        )
        written = counts()
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


def restore_backup(path: Path, *, force: bool = False) -> dict[str, int]:
    """Load a backup made by :func:`make_backup`. Refuses a non-empty database unless
    ``force``, in which case the database is emptied first. All or nothing. Returns the row
    counts restored, checked against those the backup records."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise RestoreRefused(f"{path} is not a Caravan backup: {exc}") from None
    with archive, tempfile.TemporaryDirectory() as tmp:
        names = set(archive.namelist())
        if not {"data.json", "manifest.json"} <= names:
            raise RestoreRefused(f"{path} is not a Caravan backup (no data.json/manifest.json).")
        manifest = json.loads(archive.read("manifest.json"))
        if not is_empty() and not force:
            raise RestoreRefused(
                "The database is not empty; restoring would mix two sites. Restore into an "
                "empty database, or pass --force to replace everything in this one."
            )
        for name in names:
            if name.startswith("media/") and (".." in Path(name).parts or name.startswith("/")):
                raise RestoreRefused(f"Unsafe path in backup: {name}")
        archive.extract("data.json", tmp)
        with transaction.atomic():
            if force:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(Path(tmp) / "data.json"), verbosity=0)
        media_root = Path(settings.MEDIA_ROOT)
        for name in names:
            if name.startswith("media/") and not name.endswith("/"):
                target = media_root / Path(name).relative_to("media")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    from cmsproject.caching import NAMES, bump
    from events.search import rebuild_index

    from .dbstats import refresh_statistics

    rebuild_index()
    refresh_statistics()
    bump()  # loaddata sends raw saves, which caches ignore
    bump(NAMES)  # and the linking index
    expected = manifest["counts"]
    now = counts()
    wrong = {k: (v, now.get(k)) for k, v in expected.items() if now.get(k) != v}
    if wrong:
        raise RestoreIncomplete(f"Restored, but counts differ from the backup: {wrong}")
    return expected
