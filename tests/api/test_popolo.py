"""The Popolo export: people, organizations and offices, published records only."""

import datetime
import json

import pytest

from events.models import DatePrecision, Organization, Position
from tests import factories as f

URL = "/api/v1/popolo/"


@pytest.fixture
def export(anon, world):
    f.PositionFactory(person=world["secret_person"], organization=world["tkm"], title="Minister")
    secret_state = Organization.objects.get(slug="secret-state")
    f.PositionFactory(person=world["wang"], organization=secret_state, title="Envoy")
    f.OrganizationFactory(name="Ministry of Foreign Affairs", slug="kaz-mfa", parent=world["kaz"])
    f.OrganizationFactory(name="Draft state committee", slug="committee", parent=secret_state)
    response = anon.get(URL)
    assert response.status_code == 200, response.content
    return response


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_export_holds_published_people_and_organizations_only(export):
    body = export.json()
    assert set(body) == {"persons", "organizations", "memberships", "posts", "events"}
    assert [p["id"] for p in body["persons"]] == ["murat-nurtleu", "sadyr-japarov", "wang-yi"]
    organizations = by_id(body["organizations"])
    assert "secret-state" not in organizations
    assert {"kazakhstan", "china", "sco", "kaz-mfa", "committee"} <= set(organizations)
    assert "secret" not in export.content.decode().lower()


def test_people_carry_popolo_names_and_links(export):
    persons = by_id(export.json()["persons"])
    japarov = persons["sadyr-japarov"]
    assert {"name": "Zhaparov", "note": "Transliteration"} in japarov["other_names"]
    assert {"name": "Sadır Çaparov", "note": "Transliteration"} in japarov["other_names"]
    wang = persons["wang-yi"]
    assert wang["name"] == "Wang Yi"
    assert {"name": "王毅", "note": "Native script"} in wang["other_names"]
    assert wang["identifiers"] == [{"scheme": "caravan", "identifier": "wang-yi"}]
    assert wang["links"] == [{"url": "http://testserver/people/wang-yi/", "note": "Caravan"}]


def test_states_are_identified_by_iso_code(export):
    organizations = by_id(export.json()["organizations"])
    kazakhstan = organizations["kazakhstan"]
    assert kazakhstan["classification"] == "state"
    assert {"scheme": "iso_3166_1_alpha_3", "identifier": "KAZ"} in kazakhstan["identifiers"]
    assert organizations["sco"]["classification"] == "igo"
    assert not any(i["scheme"] == "iso_3166_1_alpha_3" for i in organizations["sco"]["identifiers"])


def test_parent_id_names_only_a_published_parent(export):
    organizations = by_id(export.json()["organizations"])
    assert organizations["kaz-mfa"]["parent_id"] == "kazakhstan"
    assert "parent_id" not in organizations["committee"]


def test_memberships_are_offices_between_published_records(export):
    memberships = export.json()["memberships"]
    assert memberships == [
        {
            "person_id": "murat-nurtleu",
            "organization_id": "kazakhstan",
            "post_id": "kazakhstan/minister-of-foreign-affairs",
            "role": "Minister of Foreign Affairs",
            "label": "Minister of Foreign Affairs of Kazakhstan",
            "start_date": "2023-04-03",
            "end_date": "2025-09-26",
        },
        {
            "person_id": "wang-yi",
            "organization_id": "china",
            "post_id": "china/minister-of-foreign-affairs",
            "role": "Minister of Foreign Affairs",
            "label": "Minister of Foreign Affairs of China",
            "start_date": "2023-07-25",
        },
    ]


def test_dates_are_as_precise_as_we_know_them(anon, world):
    Position.objects.filter(person=world["wang"]).update(
        start_precision=DatePrecision.MONTH,
        end_date=datetime.date(2030, 1, 1),
        end_precision=DatePrecision.YEAR,
    )
    (office,) = [m for m in anon.get(URL).json()["memberships"] if m["person_id"] == "wang-yi"]
    assert (office["start_date"], office["end_date"]) == ("2023-07", "2030")


def test_unknown_values_are_left_out_not_null(export):
    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert value not in (None, "")

    walk(export.json())
    japarov = by_id(export.json()["persons"])["sadyr-japarov"]
    assert "birth_date" not in japarov and "image" not in japarov


def test_editors_get_the_published_export_too(editor_client, export):
    text = editor_client.get(URL).content.decode()
    assert "secret" not in text.lower()
    assert json.loads(text) == export.json()


def test_export_answers_304_to_its_etag(anon, export):
    again = anon.get(URL, HTTP_IF_NONE_MATCH=export["ETag"])
    assert again.status_code == 304


def test_export_follows_changes(anon, world, export):
    world["wang"].name = "Wang Yi (王毅)"
    world["wang"].save()
    fresh = anon.get(URL, HTTP_IF_NONE_MATCH=export["ETag"])
    assert fresh.status_code == 200
    assert by_id(fresh.json()["persons"])["wang-yi"]["name"] == "Wang Yi (王毅)"


def test_unknown_parameters_are_refused(anon, world):
    response = anon.get(URL, {"country": "KAZ"})
    assert response.status_code == 400
    assert "country" in response.json()


def test_export_is_read_only(editor_client, world):
    assert editor_client.post(URL, {}, format="json").status_code == 405


def test_export_is_in_the_schema(anon, db):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"][URL]["get"]
    assert operation["operationId"] == "popolo_export"
    component = schema["components"]["schemas"]["PopoloExport"]
    assert set(component["required"]) == {
        "persons",
        "organizations",
        "memberships",
        "posts",
        "events",
    }


# -- other names' languages, organizations' memberships, posts, events ---------------------------


def test_other_names_carry_their_language(anon, world):
    f.PersonAliasFactory(person=world["wang"], name="Ван И", kind="transliteration", language="ru")
    wang = by_id(anon.get(URL).json()["persons"])["wang-yi"]
    assert {"name": "Ван И", "lang": "ru", "note": "Transliteration"} in wang["other_names"]
    # no language known: none claimed
    assert {"name": "王毅", "note": "Native script"} in wang["other_names"]


def test_organizations_are_members_of_organizations(anon, world):
    world["sco"].members.set([world["kaz"], world["chn"], Organization.objects.get(iso_code="SCR")])
    memberships = anon.get(URL).json()["memberships"]
    of_sco = [m for m in memberships if m.get("organization_id") == "sco"]
    assert of_sco == [
        {
            "member": {"@type": "Organization", "id": "china"},
            "organization_id": "sco",
            "role": "member",
            "label": "Member of Shanghai Cooperation Organisation",
        },
        {
            "member": {"@type": "Organization", "id": "kazakhstan"},
            "organization_id": "sco",
            "role": "member",
            "label": "Member of Shanghai Cooperation Organisation",
        },
    ]  # the draft state is no member for readers


def test_offices_are_posts_each_holder_a_membership_of_it(anon, world):
    f.PositionFactory(
        person=world["japarov"],
        organization=world["kaz"],
        title="Minister of Foreign Affairs",
        is_acting=True,
        start_date=datetime.date(2025, 9, 26),
    )
    body = anon.get(URL).json()
    posts = by_id(body["posts"])
    assert posts["kazakhstan/minister-of-foreign-affairs"] == {
        "id": "kazakhstan/minister-of-foreign-affairs",
        "organization_id": "kazakhstan",
        "label": "Minister of Foreign Affairs of Kazakhstan",  # the office, not "Acting …"
        "role": "Minister of Foreign Affairs",
    }
    assert set(posts) == {
        "kazakhstan/minister-of-foreign-affairs",
        "china/minister-of-foreign-affairs",
    }
    holders = [
        m["person_id"]
        for m in body["memberships"]
        if m.get("post_id") == "kazakhstan/minister-of-foreign-affairs"
    ]
    assert holders == ["murat-nurtleu", "sadyr-japarov"]


def test_events_are_popolo_events_with_their_host(anon, world):
    events = by_id(anon.get(URL).json()["events"])
    assert set(events) == {"astana-summit", "fifth-ministers-meeting", "talks-somewhere"}
    assert events["fifth-ministers-meeting"] == {
        "id": "fifth-ministers-meeting",
        "name": "Fifth Foreign Ministers' Meeting",
        "classification": "ministerial",
        "start_date": "2023-12-01",
        "organization_id": "china",
        "location": "Chengdu",
    }
    talks = events["talks-somewhere"]
    assert "organization_id" not in talks and "location" not in talks  # its place is a draft


def test_an_editor_asking_first_still_gets_the_readers_export(editor, anon, world):
    """The document is cached for everyone: an editor signed in to the site (who sees drafts
    elsewhere) asking first must not leave their view of it for readers."""
    world["sco"].members.set([world["kaz"], Organization.objects.get(iso_code="SCR")])
    f.OrganizationFactory(name="Draft committee", slug="committee", status="draft")
    f.OrganizationFactory(
        name="Bureau", slug="bureau", parent=Organization.objects.get(iso_code="SCR")
    )
    signed_in = type(anon)()
    signed_in.force_login(editor)
    text = signed_in.get(URL).content.decode()
    assert "secret" not in text.lower(), text[text.lower().index("secret") - 200 :][:300]
    assert "committee" not in text
    assert anon.get(URL).content.decode() == text


def test_external_identifiers_are_in_the_export_of_published_records_only(anon, world):
    f.IdentifierFactory(record=world["wang"], scheme="wikidata", value="Q123")
    f.IdentifierFactory(record=world["kaz"], scheme="wikidata", value="Q232")
    f.IdentifierFactory(record=world["kaz"], scheme="iso3166-1-alpha-3", value="KAZ")
    f.IdentifierFactory(record=world["secret_person"], scheme="wikidata", value="Q999")
    body = anon.get(URL).json()
    wang = by_id(body["persons"])["wang-yi"]
    assert {"scheme": "wikidata", "identifier": "Q123"} in wang["identifiers"]
    kazakhstan = by_id(body["organizations"])["kazakhstan"]
    assert {"scheme": "wikidata", "identifier": "Q232"} in kazakhstan["identifiers"]
    # the ISO code is said once, under Popolo's usual scheme name
    assert [i["identifier"] for i in kazakhstan["identifiers"]].count("KAZ") == 1
    assert "Q999" not in json.dumps(body)
