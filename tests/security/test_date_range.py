"""Dates are kept from 1800 to 2199: refused outside it with a 4xx that says so, and no output
breaks on one already stored."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event
from tests import factories as f
from tests.api_clients import EditingClient
from tests.test_admin import event_form_data

pytestmark = pytest.mark.django_db

FAR = ["9999-12-31", "0001-01-01", "2200-01-01", "1799-12-31"]


@pytest.fixture
def api(editor):
    client = EditingClient()
    client.force_authenticate(editor)
    return client


@pytest.mark.parametrize("day", FAR)
def test_the_api_refuses_a_date_outside_the_range_and_saves_nothing(api, day):
    response = api.post(
        "/api/v1/events/",
        {"title": "Far meeting", "kind": "talks", "start_date": day},
        format="json",
    )
    assert response.status_code == 400, response.json()
    assert "1 January 1800 to 31 December 2199" in str(response.json()["start_date"])
    assert not Event.objects.filter(title="Far meeting").exists()


def test_the_api_refuses_a_far_date_on_a_row_too(api):
    person = f.PersonFactory(status="draft")
    state = f.StateFactory()
    response = api.patch(
        f"/api/v1/people/{person.slug}/",
        {
            "positions": [
                {"organization": state.slug, "role": "minister", "start_date": "9999-01-01"}
            ]
        },
        format="json",
    )
    assert response.status_code == 400, response.json()
    assert "1800" in str(response.json())
    assert not person.positions.exists()


def test_the_admin_refuses_a_far_date_with_the_range(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_event_add"),
        event_form_data(title="Far meeting", slug="", start_date="9999-12-31", _save="Save"),
    )
    assert response.status_code == 200
    assert "1 January 1800 to 31 December 2199" in response.content.decode()
    assert not Event.objects.filter(title="Far meeting").exists()


def test_outputs_step_around_a_far_date_already_stored(client, editor):
    # stored before the range was enforced (or by a bulk load): readers still get pages
    event = f.EventFactory(title="Stored long ago")
    Event.objects.filter(pk=event.pk).update(start_date=datetime.date.max, end_date=None)
    calendar = client.get("/events.ics")
    assert calendar.status_code == 200
    assert "DTSTART;VALUE=DATE:99991231" in calendar.content.decode()
    assert client.get("/feeds/events/").status_code == 200
    assert client.get(event.get_absolute_url()).status_code == 200
    client.force_login(editor)
    activity = client.get(reverse("admin-activity"), {"date_to": "9999-12-31"})
    assert activity.status_code == 200
