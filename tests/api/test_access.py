"""Who may do what: anonymous / contributor / editor × read / write / publish; tokens,
history under the API user, throttling."""

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from events.models import Event
from tests.api_clients import EditingClient

NEW_EVENT = {
    "title": "Seventh Foreign Ministers' Meeting",
    "kind": "ministerial",
    "start_date": "2025-04-26",
    "place": "astana",
}


def test_anonymous_clients_cannot_write(anon, world):
    assert anon.post("/api/v1/events/", NEW_EVENT, format="json").status_code == 401
    response = anon.patch("/api/v1/events/astana-summit/", {"title": "Hacked"}, format="json")
    assert response.status_code == 401
    assert Event.objects.get(slug="astana-summit").title == "Astana summit"


def test_readers_without_permissions_cannot_write(reader_client, world):
    assert reader_client.get("/api/v1/events/astana-summit/").status_code == 200
    response = reader_client.post("/api/v1/events/", NEW_EVENT, format="json")
    assert response.status_code == 403


def test_contributor_creates_a_draft_recorded_under_their_name(
    contributor_client, contributor, world
):
    response = contributor_client.post("/api/v1/events/", NEW_EVENT, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "draft"
    event = Event.objects.get(title=NEW_EVENT["title"])
    assert event.slug == "seventh-foreign-ministers-meeting"
    assert event.created_by == contributor and event.updated_by == contributor
    assert event.history.latest().history_user == contributor


def test_contributor_cannot_publish_event(contributor_client, world):
    response = contributor_client.post(
        "/api/v1/events/", {**NEW_EVENT, "status": "published"}, format="json"
    )
    assert response.status_code == 403
    assert "only Editors may publish" in response.json()["status"][0]
    assert not Event.objects.filter(title=NEW_EVENT["title"]).exists()


def test_contributor_cannot_publish_a_draft_and_nothing_is_saved(contributor_client, world):
    response = contributor_client.patch(
        "/api/v1/events/secret-summit/",
        {"status": "published", "title": "Renamed"},
        format="json",
    )
    assert response.status_code == 403
    event = Event.objects.get(slug="secret-summit")
    assert (event.status, event.title) == ("draft", "Secret summit")


def test_contributor_submits_for_review_but_leaves_published_records_to_editors(
    contributor_client, contributor, editor_client, world
):
    response = contributor_client.patch(
        "/api/v1/events/secret-summit/", {"summary": "Drafted.", "status": "review"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert Event.objects.get(slug="secret-summit").status == "review"
    assert Event.objects.get(slug="secret-summit").history.latest().history_user == contributor
    before = Event.objects.get(slug="astana-summit").summary
    response = contributor_client.patch(
        "/api/v1/events/astana-summit/", {"summary": "Leaders met in Astana."}, format="json"
    )
    # kept as pending changes for an Editor; readers keep the published summary
    assert response.status_code == 202
    assert "until an Editor publishes them" in response.json()["detail"]
    assert Event.objects.get(slug="astana-summit").summary == before
    response = editor_client.patch(
        "/api/v1/events/astana-summit/", {"summary": "Leaders met in Astana."}, format="json"
    )
    assert response.status_code == 200
    assert Event.objects.get(slug="astana-summit").summary == "Leaders met in Astana."


def test_contributor_cannot_withdraw(contributor_client, world):
    response = contributor_client.patch(
        "/api/v1/events/astana-summit/", {"status": "withdrawn"}, format="json"
    )
    assert response.status_code == 403
    assert Event.objects.get(slug="astana-summit").status == "published"


def test_editor_publishes_through_the_workflow(editor_client, editor, world):
    response = editor_client.patch(
        "/api/v1/events/secret-summit/", {"status": "published"}, format="json"
    )
    assert response.status_code == 200, response.json()
    event = Event.objects.get(slug="secret-summit")
    assert event.status == "published" and event.published_at is not None
    latest = event.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Published"


def test_editor_creates_a_published_record(editor_client, world):
    response = editor_client.post(
        "/api/v1/events/", {**NEW_EVENT, "status": "published"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert Event.objects.published().filter(title=NEW_EVENT["title"]).exists()


def test_a_move_the_workflow_never_allows_is_400(editor_client, world):
    response = editor_client.patch(
        "/api/v1/events/secret-summit/", {"status": "withdrawn"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"status": ["A event cannot go from draft to withdrawn."]}


@pytest.mark.parametrize("client_name", ["contributor_client", "editor_client"])
def test_records_are_never_deleted_through_the_api(request, world, client_name):
    client = request.getfixturevalue(client_name)
    assert client.delete("/api/v1/events/astana-summit/").status_code == 405
    assert Event.objects.filter(slug="astana-summit").exists()


def test_staff_read_drafts_by_slug(contributor_client, editor_client, anon, world):
    for client in (contributor_client, editor_client):
        assert client.get("/api/v1/events/secret-summit/").json()["status"] == "draft"
    assert anon.get("/api/v1/events/secret-summit/").status_code == 404


def test_session_authentication_works_with_csrf(contributor, world):
    client = EditingClient(enforce_csrf_checks=True)
    client.force_login(contributor)
    assert client.get("/api/v1/events/secret-summit/").status_code == 200
    response = client.post("/api/v1/events/", NEW_EVENT, format="json")
    assert response.status_code == 403  # no CSRF token: a session write needs one
    assert "CSRF" in response.json()["detail"]


def test_api_token_command_creates_and_prints_a_token(contributor):
    out = io.StringIO()
    call_command("api_token", "carla", stdout=out)
    key = out.getvalue().strip()
    assert Token.objects.get(user=contributor).key == key
    again = io.StringIO()
    call_command("api_token", "carla", stdout=again)
    assert again.getvalue().strip() == key
    reset = io.StringIO()
    call_command("api_token", "carla", "--reset", stdout=reset)
    assert reset.getvalue().strip() != key
    with pytest.raises(CommandError, match="No user"):
        call_command("api_token", "nobody")


def test_a_bad_token_is_401(world):
    client = EditingClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/v1/events/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_anonymous_clients_are_throttled_with_retry_after(anon, world, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": None})
    for _ in range(3):
        assert anon.get("/api/v1/topics/").status_code == 200
    response = anon.get("/api/v1/topics/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"]
