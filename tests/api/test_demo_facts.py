"""The API's filters against known facts of the demo dataset (cmsproject/ops/demo/)."""

import pytest

from .conftest import slugs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(demo_data, db):
    """The demo data, loaded once for the module."""


def listed(client, endpoint: str, **params) -> list[str]:
    return slugs(client.get(f"/api/v1/{endpoint}/", {"page_size": 100, **params}))


def test_events_with_kazakhstan_since_2023(anon):
    found = listed(anon, "events", country="KAZ", start_after="2023-01-01", ordering="start_date")
    assert set(found) == {
        "fourth-china-central-asia-foreign-ministers-meeting",  # 2023-04-27
        "first-china-central-asia-summit",  # 2023-05-18
        "fifth-china-central-asia-foreign-ministers-meeting",  # 2023-12-01
        "nurtleu-wang-yi-talks-chengdu-2023",  # 2023-12-01
        "wang-yi-official-visit-to-kazakhstan-2024",  # 2024-05-20
        "sixth-china-central-asia-foreign-ministers-meeting",  # 2025-04-26
        "second-china-central-asia-summit",  # 2025-06-16
    }
    assert found[0] == "fourth-china-central-asia-foreign-ministers-meeting"
    assert found[-1] == "second-china-central-asia-summit"
    # the same question in other words: by slug, and with the public page's year filter
    assert listed(anon, "events", country="kazakhstan", year=2024) == [
        "wang-yi-official-visit-to-kazakhstan-2024"
    ]


def test_event_filters_by_kind_person_topic_and_dates(anon):
    assert listed(anon, "events", kind="summit", ordering="start_date") == [
        "china-central-asia-virtual-summit-2022",
        "first-china-central-asia-summit",
        "second-china-central-asia-summit",
    ]
    visits = listed(anon, "events", person="wang-yi", start_after="2024-01-01")
    assert "wang-yi-official-visit-to-kazakhstan-2024" in visits
    one_day = listed(anon, "events", start_after="2023-12-01", start_before="2023-12-01")
    assert set(one_day) == {
        "fifth-china-central-asia-foreign-ministers-meeting",
        "nurtleu-wang-yi-talks-chengdu-2023",
    }


def test_a_draft_event_is_not_found_by_readers(anon, editor_client):
    talks = "xi-jinping-mirziyoyev-talks-beijing-2024"
    assert talks not in listed(anon, "events", country="UZB")
    assert anon.get(f"/api/v1/events/{talks}/").status_code == 404
    assert talks in listed(editor_client, "events", country="UZB", status="all")


def test_people_found_by_any_spelling(anon):
    for spelling in ("Zhaparov", "Caparov", "Sadir Caparov", "japarov"):
        assert listed(anon, "people", search=spelling) == ["sadyr-japarov"], spelling
    assert listed(anon, "people", search="Nurtileu") == ["murat-nurtleu"]
    assert "kassym-jomart-tokayev" in listed(anon, "people", search="Tokaev")
    kyrgyz = listed(anon, "people", country="KGZ")
    assert {"sadyr-japarov", "sooronbay-jeenbekov", "jeenbek-kulubaev"} <= set(kyrgyz)
    assert "vepa-hajiyev" not in listed(anon, "people", country="TKM")  # in review


def test_agreements_of_kazakhstan_since_2024(anon):
    assert listed(
        anon, "agreements", party="KAZ", signed_after="2024-01-01", ordering="signed_on"
    ) == [
        "kazakh-chinese-cooperation-committee-subcommittees-protocol-2024",
        "treaty-on-permanent-good-neighbourliness-friendship-and-cooperation",
    ]
    assert listed(anon, "agreements", party="KAZ", kind="treaty") == [
        "treaty-on-permanent-good-neighbourliness-friendship-and-cooperation"
    ]
    assert listed(anon, "agreements", event="first-china-central-asia-summit") == [
        "xian-declaration"
    ]
    assert listed(anon, "agreements", signed_before="2021-12-31") == [
        "joint-statement-china-central-asia-foreign-ministers-2020"
    ]


def test_popolo_export_of_the_demo(anon):
    body = anon.get("/api/v1/popolo/").json()
    persons = {p["id"] for p in body["persons"]}
    assert {"sadyr-japarov", "wang-yi", "kassym-jomart-tokayev"} <= persons
    assert "vepa-hajiyev" not in persons
    states = {
        i["identifier"]
        for o in body["organizations"]
        for i in o["identifiers"]
        if i["scheme"] == "iso_3166_1_alpha_3"
    }
    assert states == {"CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}
    offices = [m for m in body["memberships"] if "person_id" in m]
    tokayev = [m for m in offices if m["person_id"] == "kassym-jomart-tokayev"]
    assert any(m["organization_id"] == "kazakhstan" and "President" in m["label"] for m in tokayev)
    assert all(m["person_id"] in persons for m in offices)
    # the Wikidata items FACTS.md checked, and no other
    wikidata = {
        (record["id"], i["identifier"])
        for record in (*body["persons"], *body["organizations"])
        for i in record["identifiers"]
        if i["scheme"] == "wikidata"
    }
    assert wikidata == {
        ("china", "Q148"),
        ("kazakhstan", "Q232"),
        ("kyrgyzstan", "Q813"),
        ("tajikistan", "Q863"),
        ("turkmenistan", "Q874"),
        ("uzbekistan", "Q265"),
        ("xi-jinping", "Q15031"),
    }
