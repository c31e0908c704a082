"""Scheduled publishing and expiry: a record goes live at the time an Editor set, leaves the site
the moment it expires (cached pages included), and only Editors schedule."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from cmsproject.editorial.models import Status
from cmsproject.editorial.rights import ChangeRefused, acting
from tests import factories as f
from tests.api.conftest import token_client

UTC = datetime.UTC
NOON = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def at(minutes: int) -> datetime.datetime:
    return NOON + datetime.timedelta(minutes=minutes)


def run() -> str:
    from io import StringIO

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_scheduled_draft_goes_live_when_the_command_runs_after_its_time(client):
    with time_machine.travel(NOON, tick=False):
        person = f.PersonFactory(
            name="Aida Balaeva", status=Status.REVIEW, published_at=None, go_live_at=at(30)
        )
        assert client.get(person.get_absolute_url()).status_code == 404
        assert "0 published" in run()  # not yet due
    with time_machine.travel(at(31), tick=False):
        assert "Aida Balaeva" in run()
        person.refresh_from_db()
        assert person.status == Status.PUBLISHED
        assert person.go_live_at is None
        assert person.published_at == at(31)
        assert client.get(person.get_absolute_url()).status_code == 200
        assert "Aida Balaeva" in client.get("/people/").content.decode()
        reason = person.history.latest().history_change_reason
        assert reason == "Published as scheduled for 2026-06-01 12:30 UTC"
        assert "0 published, 0 changed, 0 expired" in run()  # idempotent


@pytest.mark.django_db
def test_an_expired_record_leaves_cached_pages_at_once_and_is_then_withdrawn(client):
    with time_machine.travel(NOON, tick=False):
        event = f.EventFactory(title="Expiring Forum", expire_at=at(10))
        assert client.get(event.get_absolute_url()).status_code == 200
        assert "Expiring Forum" in client.get("/events/").content.decode()
        assert "Expiring Forum" in client.get("/feeds/events/").content.decode()
    with time_machine.travel(at(11), tick=False):
        # the command has not run: the record is still "published" in the database
        event.refresh_from_db()
        assert event.status == Status.PUBLISHED
        assert client.get(event.get_absolute_url()).status_code == 404
        assert "Expiring Forum" not in client.get("/events/").content.decode()
        assert "Expiring Forum" not in client.get("/feeds/events/").content.decode()
        assert client.get(f"/api/v1/events/{event.slug}/").status_code == 404
        assert "Expiring Forum" in run()
        event.refresh_from_db()
        assert event.status == Status.WITHDRAWN
        assert event.expire_at is None  # published again later, it does not expire at once
        assert "expired at 2026-06-01 12:10 UTC" in event.history.latest().history_change_reason


@pytest.mark.django_db
def test_only_editors_schedule(contributor, editor):
    draft = f.PersonFactory(status=Status.DRAFT)
    api = token_client(contributor)
    response = api.patch(
        f"/api/v1/people/{draft.slug}/", {"go_live_at": "2030-01-01T09:00:00Z"}, format="json"
    )
    assert response.status_code == 403
    assert "Only Editors schedule" in response.content.decode()
    draft.refresh_from_db()
    assert draft.go_live_at is None
    response = token_client(editor).patch(
        f"/api/v1/people/{draft.slug}/", {"go_live_at": "2030-01-01T09:00:00Z"}, format="json"
    )
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.go_live_at == datetime.datetime(2030, 1, 1, 9, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_a_scheduled_record_and_its_rows_are_the_editors(contributor):
    event = f.EventFactory(
        status=Status.DRAFT, go_live_at=datetime.datetime(2030, 1, 1, tzinfo=UTC)
    )
    person = f.PersonFactory()
    event.title = "Renamed by a contributor"
    with pytest.raises(ChangeRefused, match="scheduled to go live"), acting(contributor):
        event.save()
    with pytest.raises(ChangeRefused, match="scheduled to go live"), acting(contributor):
        f.ParticipationFactory(event=event, person=person)
    event.refresh_from_db()
    assert event.title != "Renamed by a contributor"
    assert not event.participations.exists()


@pytest.mark.django_db
def test_the_admin_form_offers_the_schedule_to_editors_only(contributor, editor):
    draft = f.PersonFactory(status=Status.DRAFT)
    url = f"/admin/events/person/{draft.pk}/change/"
    as_contributor, as_editor = Client(), Client()
    as_contributor.force_login(contributor)
    as_editor.force_login(editor)
    assert 'name="go_live_at_0"' not in as_contributor.get(url).content.decode()
    assert 'name="go_live_at_0"' in as_editor.get(url).content.decode()


@pytest.mark.django_db
def test_publishing_past_the_expiry_time_is_refused(editor):
    api = token_client(editor)
    draft = f.PersonFactory(
        status=Status.DRAFT, expire_at=datetime.datetime(2020, 1, 1, tzinfo=UTC)
    )
    response = api.patch(f"/api/v1/people/{draft.slug}/", {"status": "published"}, format="json")
    assert response.status_code in (400, 403)
    assert "expired at 2020-01-01 00:00 UTC" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.django_db
def test_an_expiry_before_going_live_is_a_form_error(editor):
    draft = f.PersonFactory(status=Status.DRAFT)
    response = token_client(editor).patch(
        f"/api/v1/people/{draft.slug}/",
        {"go_live_at": "2030-01-02T00:00:00Z", "expire_at": "2030-01-01T00:00:00Z"},
        format="json",
    )
    assert response.status_code == 400
    assert "expire_at" in response.json()


@pytest.mark.django_db
def test_the_admin_lists_what_is_scheduled(editor):
    soon = datetime.datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
    f.PersonFactory(name="Planned Person", status=Status.REVIEW, go_live_at=soon)
    f.EventFactory(title="Ending Event", expire_at=soon + datetime.timedelta(days=1))
    f.EventFactory(title="Unscheduled Event")
    client = Client()
    client.force_login(editor)
    html = client.get("/admin/scheduled/").content.decode()
    assert html.index("Planned Person") < html.index("Ending Event")
    assert "goes live" in html and "expires" in html
    assert "Unscheduled Event" not in html
    listed = client.get("/admin/events/event/", {"schedule": "expire"}).content.decode()
    assert "Ending Event" in listed and "Unscheduled Event" not in listed
    assert "expires 2030-01-02 09:00 UTC" in listed
    assert "/admin/scheduled/" in client.get("/admin/").content.decode()
