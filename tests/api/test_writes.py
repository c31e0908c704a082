"""Writing records: relations by slug, child lists, the model's rules, ETag / If-Match."""

import pytest

from events.models import Agreement, Event, Person
from tests import factories as f
from tests.api.conftest import token_client

EVENT = {
    "title": "Second China–Central Asia Summit",
    "kind": "summit",
    "start_date": "2025-06-16",
    "end_date": "2025-06-17",
    "place": "astana",
    "host": "kazakhstan",
    "topics": ["trade", "energy"],
    "participants": [
        {"person": "wang-yi", "representing": "china"},
        {"person": "murat-nurtleu", "representing": "kazakhstan", "role": "Host"},
    ],
    "citations": [
        {
            "source": "ministers-meet-in-chengdu",
            "excerpt": "Murat Nurtleu attended",
            "claim": "participants",
        }
    ],
}


def test_create_an_event_with_relations_by_slug(editor_client, world):
    response = editor_client.post("/api/v1/events/", EVENT, format="json")
    assert response.status_code == 201, response.json()
    event = Event.objects.get(slug=response.json()["slug"])
    assert event.place.slug == "astana" and event.host.slug == "kazakhstan"
    assert sorted(t.slug for t in event.topics.all()) == ["energy", "trade"]
    participants = list(event.participations.order_by("order"))
    assert [(p.person.slug, p.role) for p in participants] == [
        ("wang-yi", ""),
        ("murat-nurtleu", "Host"),
    ]
    citation = event.citations.get()
    # the fact named by its label ("participants") is stored by its key
    assert (citation.source.slug, citation.claim) == ("ministers-meet-in-chengdu", "participation")
    body = response.json()
    assert body["participants"][1]["person"]["name"] == "Murat Nurtleu"
    assert body["citations"][0]["outlet"] == "Astana Times"


def test_end_before_start_is_400_naming_end_date(editor_client, world):
    response = editor_client.post(
        "/api/v1/events/", {**EVENT, "end_date": "2025-06-01"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["end_date"] == ["The end date cannot be before the start date."]
    assert not Event.objects.filter(title=EVENT["title"]).exists()


def test_a_citation_excerpt_must_occur_in_the_source(editor_client, world):
    bad = {**EVENT, "citations": [{"source": "ministers-meet-in-chengdu", "excerpt": "Not said"}]}
    response = editor_client.post("/api/v1/events/", bad, format="json")
    assert response.status_code == 400
    # DRF names the item of a list by its index.
    errors = response.json()["citations"]
    assert "does not occur in the body" in errors["0"]["excerpt"][0]


def test_unknown_slugs_and_bad_values_are_named(editor_client, world):
    response = editor_client.post(
        "/api/v1/events/",
        {**EVENT, "place": "atlantis", "kind": "party", "start_date": "soon"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"place", "kind", "start_date"}
    assert body["place"] == ["Object with slug=atlantis does not exist."]


def test_a_person_country_must_be_a_state(editor_client, world):
    response = editor_client.patch("/api/v1/people/wang-yi/", {"country": "sco"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["country"]


def test_a_taken_slug_is_refused(editor_client, world):
    response = editor_client.post(
        "/api/v1/events/", {**EVENT, "slug": "astana-summit"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["slug"]


def test_update_person_aliases_and_positions(editor_client, world):
    response = editor_client.patch(
        "/api/v1/people/sadyr-japarov/",
        {
            "aliases": [{"name": "Zhaparov"}, {"name": "Caparov", "kind": "misspelling"}],
            "positions": [
                {
                    "organization": "kazakhstan",
                    "role": "head_of_state",
                    "title": "President",
                    "start_date": "2021-01-28",
                }
            ],
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    person = Person.objects.get(slug="sadyr-japarov")
    assert sorted(a.name for a in person.aliases.all()) == ["Caparov", "Zhaparov"]
    assert person.positions.get().title == "President"


def test_position_end_before_start_is_named(editor_client, world):
    response = editor_client.patch(
        "/api/v1/people/wang-yi/",
        {
            "positions": [
                {
                    "organization": "china",
                    "role": "foreign_minister",
                    "title": "Minister",
                    "start_date": "2023-07-25",
                    "end_date": "2020-01-01",
                }
            ]
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "positions": {"0": {"end_date": ["The end date cannot be before the start date."]}}
    }


def test_agreement_parties_and_rules(editor_client, world):
    response = editor_client.patch(
        "/api/v1/agreements/good-neighbourliness-treaty/",
        {"parties": ["KAZ"]},
        format="json",
    )
    assert response.status_code == 400  # parties are given by slug
    response = editor_client.patch(
        "/api/v1/agreements/good-neighbourliness-treaty/",
        {"parties": ["kazakhstan", "china", "uzbekistan"], "legal_status": "in_force"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["entry_into_force"]
    response = editor_client.patch(
        "/api/v1/agreements/good-neighbourliness-treaty/",
        {"parties": ["kazakhstan", "china", "uzbekistan"]},
        format="json",
    )
    assert response.status_code == 200
    treaty = Agreement.objects.get(slug="good-neighbourliness-treaty")
    assert treaty.parties.count() == 3


def test_what_was_read_can_be_written_back(editor_client, world):
    url = "/api/v1/events/fifth-ministers-meeting/"
    before = editor_client.get(url).json()
    response = editor_client.put(url, before, format="json")
    assert response.status_code == 200, response.json()
    after = response.json()
    for field in ("topics", "participants", "citations", "place", "host", "title"):
        assert after[field] == before[field]


def test_detail_carries_an_etag_and_answers_304(anon, world):
    url = "/api/v1/events/astana-summit/"
    first = anon.get(url)
    assert first["ETag"].startswith('"') and first["Last-Modified"]
    assert anon.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert anon.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert anon.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_stale_if_match_is_412_and_nothing_is_saved(editor_client, world):
    url = "/api/v1/events/astana-summit/"
    etag = editor_client.get(url)["ETag"]
    other_editor = token_client(f.editor())
    response = other_editor.patch(url, {"summary": "First edit."}, format="json")
    assert response.status_code == 200
    response = editor_client.patch(
        url, {"summary": "Second edit."}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 412
    assert "changed since you read it" in response.json()["detail"]
    assert Event.objects.get(slug="astana-summit").summary == "First edit."


def test_current_if_match_saves_and_returns_the_new_etag(editor_client, world):
    url = "/api/v1/events/astana-summit/"
    etag = editor_client.get(url)["ETag"]
    response = editor_client.patch(url, {"summary": "Edited."}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert editor_client.get(url)["ETag"] == response["ETag"]


@pytest.mark.parametrize(
    "endpoint, payload",
    [
        ("people", {"name": "Sergey Lavrov", "country": "kazakhstan"}),
        ("organizations", {"name": "Eurasian Economic Union", "kind": "igo"}),
        ("places", {"name": "Xi'an", "country": "china"}),
        ("agreements", {"title": "Xi'an Declaration", "kind": "declaration"}),
        ("topics", {"name": "Transport", "parent": "trade"}),
        ("sources", {"title": "A report", "outlet": "astana-times", "body": "Text."}),
    ],
)
def test_every_record_can_be_created(contributor_client, world, endpoint, payload):
    response = contributor_client.post(f"/api/v1/{endpoint}/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "draft"
