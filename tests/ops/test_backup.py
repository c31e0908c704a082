"""Backup and restore round-trip records, history, accounts and media."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from cmsproject.editorial import actions
from cmsproject.ops.backup import counts
from events.models import Event, Person
from events.search import search
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    editor = f.editor(username="edith")
    person = f.PersonFactory(name="Wang Yi", status="draft")
    person.portrait = SimpleUploadedFile("wang.png", png())
    person.save()
    f.PersonAliasFactory(person=person, name="Ван И")
    actions.publish(obj=person, user=editor)
    event = f.EventFactory(title="Sixth meeting")
    f.ParticipationFactory(event=event, person=person)
    Citation.objects.create(source=f.SourceFactory(), record=event, excerpt="trade reached")
    return {"person": person, "media": settings.MEDIA_ROOT}


def test_round_trip_keeps_counts_content_history_and_media(site, tmp_path, capsys):
    before = counts()
    portrait = (site["media"] / site["person"].portrait.name).read_bytes()
    path = tmp_path / "site.zip"
    call_command("backup", str(path))
    call_command("flush", interactive=False, verbosity=0)
    for file in site["media"].rglob("*"):
        if file.is_file():
            file.unlink()
    call_command("restore", str(path))
    assert counts() == before
    wang = Person.objects.get(name="Wang Yi")
    assert wang.status == "published" and wang.aliases.get().name == "Ван И"
    assert wang.history.first().history_user.username == "edith"
    assert Event.objects.get().citations.get().excerpt == "trade reached"
    assert (site["media"] / wang.portrait.name).read_bytes() == portrait
    assert "People" in search("Ван")  # search index rebuilt


def test_restore_into_a_non_empty_database_is_refused_unless_forced(site, tmp_path):
    path = tmp_path / "site.zip"
    call_command("backup", str(path))
    f.PersonFactory(name="Someone added later")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))
    assert Person.objects.filter(name="Someone added later").exists()
    call_command("restore", str(path), "--force")
    assert not Person.objects.filter(name="Someone added later").exists()
    assert Person.objects.filter(name="Wang Yi").exists()


def test_not_a_backup_is_refused(tmp_path, db):
    bogus = tmp_path / "notes.zip"
    bogus.write_text("hello")
    with pytest.raises(CommandError, match="not a Caravan backup"):
        call_command("restore", str(bogus))
