"""Reading the API: lists, details with nested records and citations, pagination, drafts."""

import json

import pytest

from .conftest import DRAFT_SLUGS

ENDPOINTS = ["events", "people", "organizations", "places", "agreements", "sources", "topics"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_list_is_paginated(anon, world, endpoint):
    body = anon.get(f"/api/v1/{endpoint}/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"]) > 0


def test_event_list_items_are_lean(anon, world):
    item = anon.get("/api/v1/events/", {"search": "Fifth"}).json()["results"][0]
    assert item["title"] == "Fifth Foreign Ministers' Meeting"
    assert item["place"] == {
        "slug": "chengdu",
        "name": "Chengdu",
        "url": "http://testserver/places/chengdu/",
        "api_url": "http://testserver/api/v1/places/chengdu/",
    }
    assert item["url"] == "http://testserver/events/fifth-ministers-meeting/"
    assert item["api_url"] == "http://testserver/api/v1/events/fifth-ministers-meeting/"
    assert "participants" not in item and "citations" not in item


def test_event_detail_nests_only_published_records(anon, world):
    event = anon.get("/api/v1/events/fifth-ministers-meeting/").json()
    assert [t["slug"] for t in event["topics"]] == ["trade"]
    assert [p["person"]["slug"] for p in event["participants"]] == ["murat-nurtleu", "wang-yi"]
    nurtleu = event["participants"][0]
    assert nurtleu["representing"]["name"] == "Kazakhstan"
    assert nurtleu["label"] == "Minister of Foreign Affairs of Kazakhstan"
    assert [a["slug"] for a in event["agreements"]] == ["chengdu-joint-statement"]
    assert event["host"]["url"] == "http://testserver/organizations/china/"


def test_event_detail_carries_citations_of_published_sources(anon, world):
    citations = anon.get("/api/v1/events/fifth-ministers-meeting/").json()["citations"]
    assert citations == [
        {
            "source": {
                "slug": "ministers-meet-in-chengdu",
                "title": "Ministers meet in Chengdu",
                "url": "http://testserver/sources/ministers-meet-in-chengdu/",
                "api_url": "http://testserver/api/v1/sources/ministers-meet-in-chengdu/",
            },
            "outlet": "Astana Times",
            "published_on": "2023-12-02",
            "excerpt": "held in Chengdu on 1 December",
            "claim": "start_date",
            "claimed_value": "",
            "note": "",
        }
    ]


def test_editor_sees_draft_relations_and_editor_note(editor_client, world):
    event = editor_client.get("/api/v1/events/fifth-ministers-meeting/").json()
    assert {t["slug"] for t in event["topics"]} == {"trade", "secret-topic"}
    assert len(event["participants"]) == 3
    assert len(event["citations"]) == 2
    assert event["editor_note"] == "Check the date with a second source."


def test_readers_never_see_editor_notes(anon, reader_client, world):
    for client in (anon, reader_client):
        event = client.get("/api/v1/events/fifth-ministers-meeting/").json()
        assert "editor_note" not in event


def test_person_detail_has_aliases_positions_and_events(anon, world):
    person = anon.get("/api/v1/people/murat-nurtleu/").json()
    assert [a["name"] for a in person["aliases"]] == ["Nurtileu"]
    assert person["positions"][0]["label"] == "Minister of Foreign Affairs of Kazakhstan"
    assert person["positions"][0]["end_date"] == "2025-09-26"
    assert [e["slug"] for e in person["events"]] == ["fifth-ministers-meeting"]
    assert person["country"]["slug"] == "kazakhstan"


def test_agreement_detail_hides_draft_parties_and_signatories(anon, world):
    agreement = anon.get("/api/v1/agreements/chengdu-joint-statement/").json()
    assert {p["slug"] for p in agreement["parties"]} == {"kazakhstan", "china"}
    assert [s["person"]["slug"] for s in agreement["signatories"]] == ["murat-nurtleu"]
    assert agreement["signed_at"]["title"] == "Fifth Foreign Ministers' Meeting"
    assert [a["name"] for a in agreement["aliases"]] == ["Chengdu Declaration"]


def test_place_detail_has_former_names(anon, world):
    place = anon.get("/api/v1/places/astana/").json()
    assert place["aliases"][0]["name"] == "Nur-Sultan"
    assert place["aliases"][0]["valid_to"] == "2022-09-17"


def test_source_gives_readers_the_summary_never_the_text(anon, world):
    source = anon.get("/api/v1/sources/ministers-meet-in-chengdu/").json()
    assert source["summary"] == "Our summary of the Chengdu meeting."
    assert "body" not in source and "raw_text" not in source
    assert source["cited_by"] == [
        {
            "type": "event",
            "slug": "fifth-ministers-meeting",
            "name": "Fifth Foreign Ministers' Meeting",
            "url": "http://testserver/events/fifth-ministers-meeting/",
            "api_url": "http://testserver/api/v1/events/fifth-ministers-meeting/",
        }
    ]


def test_editors_get_the_source_text_but_never_the_raw_import(editor_client, world):
    source = editor_client.get("/api/v1/sources/ministers-meet-in-chengdu/").json()
    assert source["body"].startswith("The fifth meeting")
    assert "raw_text" not in source
    assert "RAW IMPORTED" not in json.dumps(source)


def test_a_draft_outlet_is_not_named(anon, world):
    source = anon.get("/api/v1/sources/report-of-unnamed-outlet/").json()
    assert source["outlet"] is None


def test_no_draft_is_reachable_anonymously_through_any_endpoint(anon, world):
    seen = []
    for endpoint in ENDPOINTS:
        listing = anon.get(f"/api/v1/{endpoint}/", {"page_size": 100})
        seen.append(listing.content.decode())
        for item in listing.json()["results"]:
            seen.append(anon.get(f"/api/v1/{endpoint}/{item['slug']}/").content.decode())
        for slug in DRAFT_SLUGS:
            assert anon.get(f"/api/v1/{endpoint}/{slug}/").status_code == 404
        for words in ("secret", "Hiddenville", "Shadow"):
            found = anon.get(f"/api/v1/{endpoint}/", {"search": words}).json()
            assert found["results"] == [], (endpoint, words)
    everything = "\n".join(seen)
    for slug in DRAFT_SLUGS:
        assert slug not in everything
    for secret in ("Secret", "Hiddenville", "Shadow Outlet", "Check the date"):
        assert secret not in everything


def test_page_size_is_capped_at_the_documented_maximum(anon, world):
    body = anon.get("/api/v1/events/", {"page_size": 1}).json()
    assert len(body["results"]) == 1
    assert "page_size=1" in body["next"] and body["previous"] is None
    assert anon.get("/api/v1/events/", {"page_size": 5000}).status_code == 200


@pytest.mark.parametrize("param", [{"page_size": "lots"}, {"page_size": "0"}, {"page": "x"}])
def test_bad_page_parameters_are_400(anon, world, param):
    response = anon.get("/api/v1/events/", param)
    assert response.status_code == 400
    assert list(response.json()) == list(param)


def test_unknown_record_is_a_json_404(anon, world):
    response = anon.get("/api/v1/events/no-such-event/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Event matches the given query."}


def test_unknown_api_addresses_answer_json_404(anon, db):
    for path in ("/api/v1/events/a.b.c/", "/api/v1/events/%C2%A1.%1F/", "/api/v2/"):
        response = anon.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json", path
        assert response.json()["detail"]


@pytest.mark.parametrize("method", ["get", "put", "patch", "post"])
def test_an_address_no_record_can_have_is_a_json_404_for_every_method(client, db, method):
    # A slug with a dot matches no route; a token-less write there must not meet the CSRF
    # check's HTML 403 page either.
    response = getattr(client, method)(
        "/api/v1/agreements/a.b/", {}, content_type="application/json"
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
