"""/api/v1/changes/: what readers' records went through, in commit order, read by cursor."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from cmsproject.changes import Change
from cmsproject.editorial.redirects import Redirect
from tests import factories as f

pytestmark = pytest.mark.django_db


def feed(client, **params) -> dict:
    response = client.get("/api/v1/changes/", params)
    assert response.status_code == 200, response.content
    return response.json()


def seen(client, **params) -> list[tuple[str, str, str]]:
    return [(c["action"], c["type"], c["slug"]) for c in feed(client, **params)["results"]]


def read_all(client, since: str = "", page_size: int = 2) -> tuple[list[dict], str]:
    """Every change after ``since``, page by page as a client follows ``next``."""
    results, params = [], {"page_size": page_size}
    if since:
        params["since"] = since
    for _ in range(100):
        page = feed(client, **params)
        results += page["results"]
        if page["next"] is None:
            return results, page["cursor"]
        params["since"] = page["next"].split("since=")[1]
    raise AssertionError("the feed never ended")


def test_publishing_changing_and_withdrawing_are_told_and_drafts_are_not(anon):
    start = feed(anon)["cursor"]
    person = f.PersonFactory(slug="wang-yi", name="Wang Yi", status="draft", country=None)
    person.biography = "Draft work on a draft"
    person.save()
    assert seen(anon, since=start) == []  # nothing readers saw

    person.status = "published"
    person.save()
    person.biography = "Foreign minister."
    person.save()
    person.status, person.name = "withdrawn", "Renamed while withdrawn"
    person.save()
    assert seen(anon, since=start) == [
        ("published", "person", "wang-yi"),
        ("changed", "person", "wang-yi"),
        ("withdrawn", "person", "wang-yi"),
    ]
    withdrawn = feed(anon)["results"][-1]
    assert withdrawn["label"] == "Wang Yi"  # the name readers saw, not the one never public
    assert withdrawn["api_url"].endswith("/api/v1/people/wang-yi/")


def test_a_record_saved_with_its_rows_is_one_change(editor_client):
    event = f.EventFactory(slug="summit")
    wang, nurtleu = f.PersonFactory(slug="wang"), f.PersonFactory(slug="nurtleu")
    start = feed(editor_client)["cursor"]
    url = "/api/v1/events/summit/"
    etag = editor_client.get(url)["ETag"]
    body = {
        "title": "Renamed summit",
        "participants": [{"person": "wang"}, {"person": "nurtleu"}],
        "identifiers": [{"scheme": "wikidata", "value": "Q1"}],
    }
    assert editor_client.patch(url, body, format="json", HTTP_IF_MATCH=etag).status_code == 200
    assert seen(editor_client, since=start) == [("changed", "event", "summit")]
    assert event.participations.count() == 2 and wang and nurtleu


def test_a_row_added_alone_changes_its_record(anon):
    event = f.EventFactory(slug="talks")
    start = feed(anon)["cursor"]
    f.ParticipationFactory(event=event, person=f.PersonFactory(slug="someone"))
    assert ("changed", "event", "talks") in seen(anon, since=start)


def test_a_refused_save_leaves_no_change(editor_client):
    f.EventFactory(slug="summit")
    start = feed(editor_client)["cursor"]
    url = "/api/v1/events/summit/"
    etag = editor_client.get(url)["ETag"]
    bad = {"title": "New title", "end_date": "1900-01-01"}
    assert editor_client.patch(url, bad, format="json", HTTP_IF_MATCH=etag).status_code == 400
    assert seen(editor_client, since=start) == []


def test_a_rolled_back_transaction_leaves_no_change(anon):
    start = feed(anon)["cursor"]
    with pytest.raises(RuntimeError), transaction.atomic():
        f.PersonFactory(slug="ghost")
        raise RuntimeError
    assert seen(anon, since=start) == []


def test_a_new_address_is_told_as_a_redirect(anon):
    person = f.PersonFactory(slug="vang-i", name="Wang Yi")
    start = feed(anon)["cursor"]
    person.slug = "wang-yi"
    person.save()
    changes = {c["action"]: c for c in feed(anon, since=start)["results"]}
    assert sorted(changes) == ["changed", "redirected"]
    assert changes["redirected"]["slug"] == changes["changed"]["slug"] == "wang-yi"
    assert changes["redirected"]["old_url"].endswith("/people/vang-i/")
    assert changes["redirected"]["url"].endswith("/people/wang-yi/")
    assert Redirect.objects.filter(old_path="/people/vang-i/").exists()


def test_a_redirect_to_a_draft_is_not_told(anon):
    draft = f.PersonFactory(slug="draft", status="draft")
    start = feed(anon)["cursor"]
    Redirect.objects.create(old_path="/people/old/", record=draft)
    assert seen(anon, since=start) == []


def test_deleting_a_published_record_is_told(anon):
    topic = f.TopicFactory(slug="water")
    start = feed(anon)["cursor"]
    topic.delete()
    assert seen(anon, since=start) == [("deleted", "topic", "water")]


def test_a_client_reading_by_cursor_gets_everything_once_and_then_only_what_is_new(anon):
    for n in range(7):
        f.TopicFactory(slug=f"topic-{n}")
    first, cursor = read_all(anon)
    assert [c["slug"] for c in first] == [f"topic-{n}" for n in range(7)]
    assert len({c["cursor"] for c in first}) == 7

    again, same = read_all(anon, since=cursor)
    assert again == [] and same == cursor  # nothing new: the same place to ask from

    f.TopicFactory(slug="late")
    new, _ = read_all(anon, since=cursor)
    assert [(c["action"], c["slug"]) for c in new] == [("published", "late")]


def test_count_and_next_say_how_much_is_waiting(anon):
    for n in range(5):
        f.TopicFactory(slug=f"t{n}")
    page = feed(anon, page_size=2)
    assert page["count"] == 5 and len(page["results"]) == 2
    assert page["previous"] is None
    assert page["next"].startswith("http://testserver/api/v1/changes/?")
    assert page["cursor"] == page["results"][-1]["cursor"]


def test_since_a_time_and_filters(anon):
    f.TopicFactory(slug="old")
    person = f.PersonFactory(slug="new-person", status="draft")  # its country is published now
    Change.objects.update(at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    person.status = "published"
    person.save()
    assert seen(anon, since="2026-06-01") == [("published", "person", "new-person")]
    assert seen(anon, since="2026-06-01T00:00:00Z", type="topic") == []
    assert seen(anon, type="topic,event") == [("published", "topic", "old")]
    assert seen(anon, type="topic,event", action="published,changed") == [
        ("published", "topic", "old")
    ]
    assert seen(anon, action="withdrawn") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"action": "edited"}, "action"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "1000"}, "page_size"),
        ({"sinse": "1-1"}, "sinse"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(anon, params, field):
    response = anon.get("/api/v1/changes/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_the_feed_is_open_to_other_origins_and_in_the_schema(anon):
    response = anon.get("/api/v1/changes/", HTTP_ORIGIN="https://app.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/changes/" in schema["paths"]
