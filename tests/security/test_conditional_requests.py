"""Conditional requests that reveal nothing (RFC 9110, RFC 6585): readers' validators move
only with what readers can see; If-None-Match is compared weakly and its * never answers for a
page that does not exist; each media type has its own ETag; a write names the version it edits."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from cmsproject.editorial import actions
from events.models import Event
from tests import factories as f
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db
PAGES = ["/", "/events/", "/people/", "/organizations/", "/places/", "/api/v1/events/"]


@pytest.fixture
def newsroom():
    """A published event with its participant, and the drafts an editor is working on."""
    published = f.EventFactory(title="Summit in Astana", slug="astana-summit")
    f.ParticipationFactory(event=published)
    draft = f.EventFactory(title="Talks being written", slug="talks", status="draft")
    draft_person = f.PersonFactory(name="Not Yet Public", status="draft")
    topic = f.TopicFactory(name="Energy")
    return {"published": published, "draft": draft, "person": draft_person, "topic": topic}


def etags(client) -> dict[str, str]:
    return {url: client.get(url)["ETag"] for url in PAGES}


def test_work_on_drafts_moves_no_readers_etag(client, newsroom):
    before = etags(client)
    draft, person = newsroom["draft"], newsroom["person"]
    draft.title = "Talks, second draft"
    draft.save()
    f.ParticipationFactory(event=draft, person=person)  # a row of a draft
    f.ParticipationFactory(event=newsroom["published"], person=person)  # a draft participant
    draft.topics.add(newsroom["topic"])  # a link from a draft
    newsroom["topic"].events.add(draft)  # ... and from the other end
    place = newsroom["published"].place
    f.EventFactory(title="Another draft", status="draft", place=place).delete()
    assert etags(client) == before


def test_a_change_readers_can_see_moves_the_etags(client, newsroom, editor):
    before = etags(client)
    actions.publish(obj=newsroom["draft"], user=editor)
    after = etags(client)
    assert all(after[url] != before[url] for url in PAGES)
    newsroom["published"].topics.add(newsroom["topic"])
    assert client.get("/events/")["ETag"] != after["/events/"]


def test_withdrawing_moves_the_etag(client, newsroom, editor):
    before = client.get("/events/")["ETag"]
    actions.withdraw(obj=newsroom["published"], user=editor)
    assert client.get("/events/", HTTP_IF_NONE_MATCH=before).status_code == 200


@pytest.mark.parametrize("url", ["/events/no-such-event/", "/api/v1/events/no-such-event/"])
def test_if_none_match_star_never_turns_a_404_into_a_304(client, newsroom, url):
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 404


@pytest.mark.parametrize("url", ["/events/astana-summit/", "/api/v1/events/astana-summit/"])
def test_if_none_match_star_on_a_page_that_exists_is_a_304(client, newsroom, url):
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 304


@pytest.mark.parametrize("url", ["/events/astana-summit/", "/api/v1/events/astana-summit/"])
def test_if_none_match_compares_weakly(client, newsroom, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304


@pytest.mark.parametrize(
    "url", ["/api/v1/events/astana-summit/", "/api/v1/events/", "/api/v1/events/?kind=talks"]
)
def test_each_media_type_has_its_own_etag(client, newsroom, url):
    as_json = client.get(url, HTTP_ACCEPT="application/json")
    as_csv = client.get(url, HTTP_ACCEPT="text/csv")
    assert as_csv["Content-Type"].startswith("text/csv")
    assert as_json["ETag"] != as_csv["ETag"]
    again = client.get(url, HTTP_ACCEPT="text/csv", HTTP_IF_NONE_MATCH=as_json["ETag"])
    assert again.status_code == 200 and again["Content-Type"].startswith("text/csv")


def test_a_write_without_if_match_is_428_and_changes_nothing(editor, newsroom):
    client = token_client(editor)
    plain = APIClient()
    plain.credentials(HTTP_AUTHORIZATION=client._credentials["HTTP_AUTHORIZATION"])
    url = "/api/v1/events/astana-summit/"
    response = plain.patch(url, {"summary": "Overwritten unseen."}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert Event.objects.get(slug="astana-summit").summary != "Overwritten unseen."
    etag = plain.get(url)["ETag"]
    weak = plain.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert weak.status_code == 412  # If-Match compares strongly
    done = plain.patch(url, {"summary": "Edited."}, format="json", HTTP_IF_MATCH=etag)
    assert done.status_code == 200


def test_the_schema_says_writes_need_if_match(client):
    schema = client.get("/api/schema/?format=json").json()
    patch = schema["paths"]["/api/v1/events/{slug}/"]["patch"]
    header = next(p for p in patch["parameters"] if p["name"] == "If-Match")
    assert header["in"] == "header" and header["required"] is True
    assert "428" in patch["responses"] and "412" in patch["responses"]
    assert "If-Match" not in str(schema["paths"]["/api/v1/events/"]["post"].get("parameters"))
