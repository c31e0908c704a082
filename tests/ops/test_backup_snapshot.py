"""A backup is one snapshot taken while editors write, and a restore gives back every table's
rows exactly — history included, nothing added by the load itself."""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from cmsproject.editorial import actions
from cmsproject.ops.backup import content_models, make_backup
from events.models import Event, Mention, Participation
from sources.models import Source
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(settings.BASE_DIR)


def every_row() -> dict[str, list]:
    """Each table's rows, serialised, by primary key: what 'exactly' is checked against."""
    return {
        m._meta.label: json.loads(
            serializers.serialize(
                "json", m._base_manager.order_by("pk"), use_natural_foreign_keys=True
            )
        )
        for m in content_models()
    }


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    editor = f.editor(username="edith")
    topic = f.TopicFactory(name="Trade")
    event = f.EventFactory(title="Sixth meeting", status="draft")
    event.topics.add(topic)  # a many-to-many link: its history must not double on restore
    f.ParticipationFactory(event=event)
    actions.publish(obj=event.place, user=editor)
    actions.publish(obj=event, user=editor)
    return event


def test_restore_gives_back_every_row_exactly_and_adds_none(site, tmp_path):
    before = every_row()
    path = tmp_path / "site.zip"
    call_command("backup", str(path), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), verbosity=0)  # raises (exit 1) if counts differ
    after = every_row()
    # The content version is the caches' clock, not content: a restore moves it on, so that no
    # page cached before the restore is served after it.
    assert after.pop("cmsproject.ContentVersion") != before.pop("cmsproject.ContentVersion")
    for label, rows in before.items():
        assert after[label] == rows, label  # same primary keys, same values, same history
    assert Event.history.filter(title="Sixth meeting").count() == len(
        before["events.HistoricalEvent"]
    )


def test_times_come_back_to_the_microsecond(site, tmp_path):
    # under a millisecond: Django's JSON encoder would write .000 and the restore read back 0
    Event.objects.filter(pk=site.pk).update(
        updated_at=datetime.datetime(2025, 6, 16, 9, 30, 0, 500, tzinfo=datetime.UTC)
    )
    path = tmp_path / "site.zip"
    call_command("backup", str(path), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), verbosity=0)
    assert Event.objects.get(pk=site.pk).updated_at.microsecond == 500


def test_a_restore_whose_counts_differ_is_rolled_back(site, tmp_path):
    path = tmp_path / "site.zip"
    call_command("backup", str(path), verbosity=0)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["counts"]["events.Event"] += 1
                data = json.dumps(manifest).encode()
            dst.writestr(name, data)
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=r"events\.Event"):
        call_command("restore", str(tampered), verbosity=0)
    assert not Event.objects.exists()  # nothing half-restored


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a second connection of the test "
    "database writes here only on PostgreSQL; SQLite is run in processes below",
)
def test_a_write_committed_during_the_backup_is_not_half_in_it(site, tmp_path):
    """An import commits a source with what linking found in it, and an editor an event with
    its participant, after the backup has read the sources table but before it reads the
    rest: neither may be in the backup by halves."""

    def others_write() -> None:
        try:
            source = f.SourceFactory(title="Imported during the backup")
            Mention.objects.create(source=source, kind="person", text="Xi", start=0, end=2)
            event = f.EventFactory(title="Saved during the backup", place=site.place)
            f.ParticipationFactory(event=event, person=site.participations.get().person)
        finally:
            connections.close_all()

    def progress(table: str, rows: int) -> None:
        if table == "sources.Source":
            writer = threading.Thread(target=others_write)
            writer.start()
            writer.join(timeout=30)

    path = tmp_path / "site.zip"
    before = {m: m.objects.count() for m in (Source, Mention, Event, Participation)}
    written = make_backup(path, progress=progress)
    assert Mention.objects.count() == before[Mention] + 1  # the writes went through meanwhile
    for model, n in before.items():
        assert written[model._meta.label] == n, model
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), verbosity=0)
    assert not Source.objects.filter(title="Imported during the backup").exists()
    assert Participation.objects.get().event.title == "Sixth meeting"


def manage(db_file: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_file}", "DJANGO_DEBUG": "1"}
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


WRITER = """
import time
from pathlib import Path
from django.db import transaction
from events.models import Event, Mention, Participation, Person, Place
from sources.models import Source
stop, person, place = Path({stop!r}), Person.objects.first(), Place.objects.first()
n = 0
while not stop.exists() and n < 2000:
    # Rows that point both ways in the order a backup reads its tables: a participation to
    # its event, a mention (read late) to its source (read early).
    with transaction.atomic():
        event = Event.objects.create(title=f"Written {{n}}", slug=f"written-{{n}}",
                                     start_date="2024-01-01", place=place)
        Participation.objects.create(event=event, person=person)
        source = Source.objects.create(title=f"Written {{n}}", slug=f"written-{{n}}", body="x")
        Mention.objects.create(source=source, kind="person", text="x", start=0, end=1)
    n += 1
print(n)
"""


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own write-ahead log")
def test_sqlite_backup_under_writers_restores_exactly(site, tmp_path):
    """Real processes on a database file: an editor process saves events with participants
    non-stop while the backup runs; it is never locked out, and the backup restores."""
    empty, busy = tmp_path / "empty.sqlite3", tmp_path / "busy.sqlite3"
    for _ in range(150):  # enough rows that the backup takes a while
        f.ParticipationFactory(event=f.EventFactory(place=site.place))
    with sqlite3.connect(busy) as target:
        connection.connection.backup(target)
    call_command("flush", interactive=False, verbosity=0)
    with sqlite3.connect(empty) as target:
        connection.connection.backup(target)
    stop = tmp_path / "stop"
    writer = manage(busy, "shell", "--no-imports", "-c", WRITER.format(stop=str(stop)))
    time.sleep(2)  # the writer is writing before the backup begins
    backup = manage(busy, "backup", str(tmp_path / "busy.zip"))
    out, err = backup.communicate(timeout=120)
    stop.touch()
    written, writer_err = writer.communicate(timeout=60)
    assert backup.returncode == 0, err
    assert writer.returncode == 0 and int(written) > 0, writer_err  # never locked out
    restore = manage(empty, "restore", str(tmp_path / "busy.zip"))
    out, err = restore.communicate(timeout=120)
    assert restore.returncode == 0, err
    assert "Restored" in out
