"""Every filter of DESIGN.md's API contract against known records, and bad values as 400s."""

import pytest

from .conftest import slugs


def events(client, **params):
    return slugs(client.get("/api/v1/events/", params))


def test_events_with_kazakhstan_after_2023(anon, world):
    assert events(anon, country="KAZ", start_after="2023-01-01") == ["fifth-ministers-meeting"]


def test_country_counts_participants_hosts_and_places(anon, world):
    # Kazakhstan: a participant in Chengdu; host of (and place of) the Astana summit.
    assert events(anon, country="KAZ") == ["fifth-ministers-meeting", "astana-summit"]
    assert events(anon, country="kaz") == events(anon, country="kazakhstan")


def test_country_ignores_what_readers_cannot_see(anon, editor_client, world):
    # Uzbekistan only through a draft place, Turkmenistan only through a draft participant.
    assert events(anon, country="UZB") == []
    assert events(anon, country="TKM") == []
    assert events(editor_client, country="TKM") == ["talks-somewhere", "fifth-ministers-meeting"]


def test_kind_person_topic_and_dates(anon, world):
    assert events(anon, kind="summit") == ["astana-summit"]
    assert events(anon, person="wang-yi") == ["fifth-ministers-meeting", "astana-summit"]
    assert events(anon, topic="trade") == ["fifth-ministers-meeting"]
    assert events(anon, start_before="2022-12-31") == ["astana-summit"]
    assert events(anon, start_after="2024-01-01") == ["talks-somewhere"]


def test_event_search_and_ordering(anon, world):
    assert events(anon, search="foreign ministers") == ["fifth-ministers-meeting"]
    assert events(anon, ordering="start_date") == [
        "astana-summit",
        "fifth-ministers-meeting",
        "talks-somewhere",
    ]
    assert events(anon, ordering="-title")[0] == "talks-somewhere"


@pytest.mark.parametrize(
    "param, value",
    [
        ("start_after", "yesterday"),
        ("start_before", "2023-13-45"),
        ("country", "XXXX"),
        ("country", "ZZZ"),
        ("country", "SCR"),  # a draft state is unknown to readers
        ("kind", "bogus"),
        ("person", "secret-draftperson"),
        ("topic", "no-such-topic"),
        ("ordering", "editor_note"),
        ("status", "draft"),
        ("status", "pending"),
        ("contry", "KAZ"),  # a misspelt filter is not silently ignored
    ],
)
def test_bad_event_filters_are_400_naming_the_parameter(anon, world, param, value):
    response = anon.get("/api/v1/events/", {param: value})
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [param]
    assert body[param][0]


def test_bad_country_message_says_what_is_wrong(anon, world):
    body = anon.get("/api/v1/events/", {"country": "XXXX"}).json()
    assert body == {
        "country": [
            "Select a valid choice: “XXXX” is neither the ISO 3166 alpha-3 code nor the slug "
            "of a published record here, e.g. KAZ or kazakhstan."
        ]
    }
    body = anon.get("/api/v1/events/", {"start_after": "yesterday"}).json()
    assert body == {"start_after": ["Enter a valid date."]}


def test_agreement_filters(anon, world):
    def agreements(**params):
        return slugs(anon.get("/api/v1/agreements/", params))

    assert agreements(party="KAZ") == ["chengdu-joint-statement", "good-neighbourliness-treaty"]
    assert agreements(party="china", kind="treaty") == ["good-neighbourliness-treaty"]
    assert agreements(signed_after="2003-01-01") == ["chengdu-joint-statement"]
    assert agreements(signed_before="2003-01-01") == ["good-neighbourliness-treaty"]
    assert agreements(event="fifth-ministers-meeting") == ["chengdu-joint-statement"]
    assert agreements(search="Chengdu Declaration") == ["chengdu-joint-statement"]
    assert agreements(party="sco") == []
    for params in ({"party": "SCR"}, {"kind": "pact"}, {"event": "secret-summit"}):
        assert anon.get("/api/v1/agreements/", params).status_code == 400


def test_people_filters(anon, world):
    def people(**params):
        return slugs(anon.get("/api/v1/people/", params))

    assert people(country="KAZ") == ["murat-nurtleu"]
    assert people(organization="kazakhstan") == ["murat-nurtleu"]  # held a position there
    assert people(organization="china") == ["wang-yi"]
    assert people(organization="turkmenistan") == []  # only a draft person represented it


@pytest.mark.parametrize("query", ["Zhaparov", "zhapar", "Caparov", "Çaparov", "Sadyr Japarov"])
def test_people_search_matches_aliases(anon, world, query):
    assert slugs(anon.get("/api/v1/people/", {"search": query})) == ["sadyr-japarov"]


def test_people_search_does_not_find_drafts(anon, world):
    assert slugs(anon.get("/api/v1/people/", {"search": "Draftperson"})) == []


def test_source_filters(anon, world):
    def sources(**params):
        return slugs(anon.get("/api/v1/sources/", params))

    assert sources(outlet="astana-times") == ["ministers-meet-in-chengdu"]
    assert sources(published_after="2024-01-01") == ["report-of-unnamed-outlet"]
    assert sources(published_before="2023-12-31") == ["ministers-meet-in-chengdu"]
    assert sources(search="our summary") == ["ministers-meet-in-chengdu"]
    assert anon.get("/api/v1/sources/", {"outlet": "shadow-outlet"}).status_code == 400


def test_other_lists_filter_too(anon, world):
    assert slugs(anon.get("/api/v1/places/", {"search": "Nur-Sultan"})) == ["astana"]
    assert slugs(anon.get("/api/v1/places/", {"country": "CHN"})) == ["chengdu"]
    assert slugs(anon.get("/api/v1/organizations/", {"search": "SCO"})) == ["sco"]
    assert "sco" not in slugs(anon.get("/api/v1/organizations/", {"kind": "state"}))
    assert slugs(anon.get("/api/v1/topics/", {"search": "energ"})) == ["energy"]


def test_editors_list_drafts_with_status(editor_client, contributor_client, world):
    assert events_with_status(editor_client, "draft") == ["secret-summit"]
    assert events_with_status(contributor_client, "draft") == ["secret-summit"]
    assert len(events_with_status(editor_client, "all")) == 4
    assert len(events_with_status(editor_client, "draft,published")) == 4
    assert "secret-summit" not in events(editor_client)  # published unless asked


def events_with_status(client, status):
    return slugs(client.get("/api/v1/events/", {"status": status}))


def test_readers_asking_for_drafts_get_a_clear_400(anon, reader_client, world):
    for client in (anon, reader_client):
        response = client.get("/api/v1/events/", {"status": "draft"})
        assert response.status_code == 400
        assert response.json() == {
            "status": ["Only published records are available without editor rights."]
        }
    assert anon.get("/api/v1/events/", {"status": "published"}).status_code == 200
