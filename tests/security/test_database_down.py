"""When the database goes away, requests fail cleanly (503, Retry-After) and recover."""

from unittest import mock

import pytest
from django.db import OperationalError

from tests import factories as f

pytestmark = pytest.mark.django_db

LOST = OperationalError("server closed the connection unexpectedly")


def test_page_answers_503_with_retry_after_then_recovers(client):
    f.EventFactory(title="Still here")
    with mock.patch("events.views.selectors.event_list", side_effect=LOST):
        response = client.get("/events/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Temporarily unavailable" in response.content.decode()
    assert "Still here" in client.get("/events/").content.decode()


def test_api_answers_503_as_json(client):
    with mock.patch("django.db.models.query.QuerySet._fetch_all", side_effect=LOST):
        response = client.get("/api/v1/events/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": "The database is unavailable for a moment. Please try again shortly."
    }


def test_healthz_reports_the_database(client):
    assert client.get("/healthz").status_code == 200
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=LOST):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_a_bad_query_is_still_a_bug_not_an_outage(client):
    with (
        mock.patch(
            "events.views.selectors.event_list",
            side_effect=OperationalError("no such column: events_event.nope"),
        ),
        pytest.raises(OperationalError),
    ):
        client.get("/events/")


def test_a_reader_revalidating_while_the_database_is_away_gets_503(client, db, monkeypatch):
    from django.db import OperationalError

    from cmsproject import caching

    def away():
        raise OperationalError("connection failed: the database system is starting up")

    monkeypatch.setattr(caching, "current", away)
    response = client.get("/", HTTP_IF_NONE_MATCH='"anything"')
    assert response.status_code == 503
    assert response["Retry-After"]
