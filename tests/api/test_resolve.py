"""The name resolver: the published people a written name may mean on a date, with their
offices that day."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Position
from tests import factories as f

URL = "/api/v1/resolve/"
D = datetime.date


@pytest.fixture
def people(db):
    kaz = f.StateFactory(name="Kazakhstan", iso_code="KAZ", slug="kazakhstan")
    chn = f.StateFactory(name="China", iso_code="CHN", slug="china")
    kgz = f.StateFactory(name="Kyrgyzstan", iso_code="KGZ", slug="kyrgyzstan")
    senate = f.OrganizationFactory(name="Senate of Kazakhstan", slug="kaz-senate", parent=kaz)
    commission = f.OrganizationFactory(
        name="Central Foreign Affairs Commission", slug="cfac", parent=chn
    )

    tokayev = f.PersonFactory(name="Kassym-Jomart Tokayev", slug="tokayev", country=kaz)
    f.PersonAliasFactory(person=tokayev, name="Касым-Жомарт Токаев")
    f.PersonAliasFactory(person=tokayev, name="Kasym-Zhomart Tokaev")
    f.PositionFactory(
        person=tokayev,
        organization=senate,
        role=Position.Role.LEGISLATOR,
        title="Chairman of the Senate",
        start_date=D(2013, 10, 16),
        end_date=D(2019, 3, 19),
    )
    f.PositionFactory(
        person=tokayev, organization=kaz, title="President", start_date=D(2019, 3, 20)
    )
    nazarbayev = f.PersonFactory(name="Nursultan Nazarbayev", slug="nazarbayev", country=kaz)
    f.PositionFactory(
        person=nazarbayev,
        organization=kaz,
        title="President",
        start_date=D(1991, 12, 16),
        end_date=D(2019, 3, 19),
    )
    japarov = f.PersonFactory(name="Sadyr Japarov", slug="japarov", country=kgz)
    f.PersonAliasFactory(person=japarov, name="Sadır Çaparov")
    f.PositionFactory(
        person=japarov, organization=kgz, title="President", start_date=D(2021, 1, 28)
    )
    xi = f.PersonFactory(name="Xi Jinping", slug="xi-jinping", country=chn, native_name="习近平")
    f.PersonAliasFactory(person=xi, name="Си Цзиньпин")
    wang = f.PersonFactory(name="Wang Yi", slug="wang-yi", country=chn, native_name="王毅")
    f.PositionFactory(
        person=wang,
        organization=chn,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2023, 7, 25),
    )
    f.PositionFactory(
        person=wang,
        organization=commission,
        role=Position.Role.PARTY_OFFICIAL,
        title="Director of the Office of the Commission",
        start_date=D(2022, 12, 31),
    )
    wenbin = f.PersonFactory(name="Wang Wenbin", slug="wang-wenbin", country=chn)
    f.PositionFactory(
        person=wenbin,
        organization=chn,
        role=Position.Role.OFFICIAL,
        title="Spokesperson of the Ministry of Foreign Affairs",
        start_date=D(2020, 7, 1),
        end_date=D(2024, 6, 30),
    )
    f.PersonFactory(name="Murat Nurtleu", slug="nurtleu", country=kaz)

    # What readers must never learn of: a draft namesake, a draft person, a draft body.
    f.PersonFactory(name="Ayan Tokayev", slug="ayan-tokayev", country=kaz, status="draft")
    f.PersonFactory(name="Secret Draftperson", slug="secret-draftperson", status="draft")
    secret_council = f.OrganizationFactory(
        name="Secret Council", slug="secret-council", status="draft"
    )
    f.PositionFactory(
        person=wang, organization=secret_council, title="Envoy", start_date=D(2020, 1, 1)
    )
    return locals()


def resolve(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    ("name", "slug", "rule", "matched", "surname_only"),
    [
        ("Токаеву", "tokayev", "inflection", "Токаев", True),
        ("Касым-Жомарту Токаеву", "tokayev", "inflection", "Касым-Жомарт Токаев", False),
        ("K.K.Tokaev", "tokayev", "initials", "Kassym-Jomart Tokayev", False),
        ("Tokayev", "tokayev", "exact", "Tokayev", True),
        ("President Tokayev", "tokayev", "exact", "Tokayev", True),
        ("Kassym-Jomart Tokaev", "tokayev", "transliteration", "Kassym-Jomart Tokayev", False),
        ("Zaparov", "japarov", "transliteration", "Japarov", True),
        ("Sadyr Caparov", "japarov", "transliteration", "Sadyr Japarov", False),
        ("sadır çaparov", "japarov", "exact", "Sadır Çaparov", False),
        ("Си Цзиньпин", "xi-jinping", "exact", "Си Цзиньпин", False),
        ("习近平", "xi-jinping", "exact", "习近平", False),
        ("Murat Nurtileu", "nurtleu", "misspelling", "Murat Nurtleu", False),
        ("Nurtileu", "nurtleu", "misspelling", "Nurtleu", True),
    ],
)
def test_a_name_as_written_in_copy_resolves_to_the_person(
    anon, people, name, slug, rule, matched, surname_only
):
    body = resolve(anon, name=name, date="2024-01-01")
    assert body["name"] == name
    assert body["ambiguous"] is False
    [result] = body["results"]
    assert result["person"]["slug"] == slug
    assert result["rule"] == rule
    assert result["matched"] == matched
    assert result["surname_only"] is surname_only
    assert 0 < result["score"] <= 1


def test_a_full_name_scores_above_a_surname_alone(anon, people):
    full = resolve(anon, name="Kassym-Jomart Tokayev")["results"][0]
    surname = resolve(anon, name="Tokayev")["results"][0]
    assert full["score"] == 1.0
    assert surname["score"] < full["score"]


def test_a_person_links_to_the_page_and_the_api(anon, people):
    [result] = resolve(anon, name="Sadyr Japarov", date="2024-01-01")["results"]
    assert result["person"] == {
        "slug": "japarov",
        "name": "Sadyr Japarov",
        "url": "http://testserver/people/japarov/",
        "api_url": "http://testserver/api/v1/people/japarov/",
    }
    assert result["offices"] == [
        {
            "title": "President",
            "role": "head_of_state",
            "organization": {
                "slug": "kyrgyzstan",
                "name": "Kyrgyzstan",
                "url": "http://testserver/organizations/kyrgyzstan/",
                "api_url": "http://testserver/api/v1/organizations/kyrgyzstan/",
            },
            "start_date": "2021-01-28",
            "end_date": None,
        }
    ]


@pytest.mark.parametrize(
    ("date", "tokayev", "nazarbayev"),
    [
        ("2018-06-01", ["Chairman of the Senate"], ["President"]),
        ("2019-03-19", ["Chairman of the Senate"], ["President"]),  # the last day of both
        ("2019-03-20", ["President"], []),
        ("2024-01-01", ["President"], []),
    ],
)
def test_the_offices_shown_are_those_held_on_the_date(anon, people, date, tokayev, nazarbayev):
    def titles(name):
        [result] = resolve(anon, name=name, date=date)["results"]
        return [office["title"] for office in result["offices"]]

    assert titles("Токаеву") == tokayev
    assert titles("Nazarbayev") == nazarbayev


def test_a_person_holding_two_offices_shows_both_senior_first(anon, people):
    [result] = resolve(anon, name="Wang Yi", date="2024-01-01")["results"]
    assert [(o["title"], o["organization"]["slug"]) for o in result["offices"]] == [
        ("Minister of Foreign Affairs", "china"),
        ("Director of the Office of the Commission", "cfac"),
    ]
    # before he became minister again, one office
    [before] = resolve(anon, name="Wang Yi", date="2023-01-15")["results"]
    assert [o["title"] for o in before["offices"]] == ["Director of the Office of the Commission"]


def test_a_surname_two_people_share_is_ambiguous_and_lists_both(anon, people):
    body = resolve(anon, name="Wang", date="2025-01-01")
    assert body["ambiguous"] is True
    # equal matches: the one in office that day first
    assert [r["person"]["slug"] for r in body["results"]] == ["wang-yi", "wang-wenbin"]
    assert body["results"][1]["offices"] == []
    earlier = resolve(anon, name="Wang", date="2021-01-01")
    assert [r["person"]["slug"] for r in earlier["results"]] == ["wang-wenbin", "wang-yi"]


def test_the_full_name_of_one_of_them_is_not_ambiguous(anon, people):
    body = resolve(anon, name="Wang Wenbin", date="2021-01-01")
    assert body["ambiguous"] is False
    assert [r["person"]["slug"] for r in body["results"]] == ["wang-wenbin"]


@pytest.fixture(params=["anon", "editor_client"])
def asker(request):
    """Anyone: the resolver answers editors, who may see drafts elsewhere, as readers."""
    return request.getfixturevalue(request.param)


def test_a_draft_namesake_is_neither_returned_nor_counted(asker, people):
    body = resolve(asker, name="Tokayev")
    assert [r["person"]["slug"] for r in body["results"]] == ["tokayev"]
    assert body["ambiguous"] is False
    assert resolve(asker, name="Ayan Tokayev")["results"] == []


def test_a_draft_person_is_never_named(asker, people):
    response = asker.get(URL, {"name": "Secret Draftperson"})
    assert response.json()["results"] == []
    assert "secret-draftperson" not in response.content.decode()


def test_an_office_at_a_draft_body_is_not_shown(asker, people):
    [result] = resolve(asker, name="Wang Yi", date="2024-01-01")["results"]
    assert "Envoy" not in [o["title"] for o in result["offices"]]
    assert "secret" not in str(result).lower()


def test_no_match_is_an_empty_answer(anon, people):
    body = resolve(anon, name="Ivan Petrov", date="2024-01-01")
    assert body == {"name": "Ivan Petrov", "date": "2024-01-01", "ambiguous": False, "results": []}


def test_the_date_is_today_when_not_given(anon, people):
    body = resolve(anon, name="Tokayev")
    assert body["date"] == timezone.localdate().isoformat()
    assert [o["title"] for o in body["results"][0]["offices"]] == ["President"]


@pytest.mark.parametrize(
    ("params", "parameter", "says"),
    [
        ({}, "name", "Give the name"),
        ({"name": ""}, "name", "Give the name"),
        ({"name": "   "}, "name", "Give the name"),
        ({"name": "T" * 201}, "name", "at most 200"),
        ({"name": "Tokayev", "date": "2023-02-30"}, "date", "wrong format"),
        ({"name": "Tokayev", "date": "yesterday"}, "date", "wrong format"),
        ({"name": "Tokayev", "date": "1799-12-31"}, "date", "1 January 1800"),
        ({"name": "Tokayev", "date": "2200-01-01"}, "date", "31 December 2199"),
        ({"name": "Tokayev", "type": "person"}, "type", "Unknown parameter"),
    ],
)
def test_a_bad_query_is_a_400_naming_the_parameter(anon, people, params, parameter, says):
    response = anon.get(URL, params)
    assert response.status_code == 400
    messages = response.json()[parameter]
    assert any(says in message for message in messages), messages


def test_the_longest_name_allowed_is_answered(anon, people):
    assert resolve(anon, name="T" * 200)["results"] == []


def test_the_query_count_does_not_grow_with_the_people_matched(anon, people):
    def queries(name: str) -> int:
        resolve(anon, name=name)  # the name index is built once per change of names
        with CaptureQueriesContext(connection) as captured:
            body = resolve(anon, name=name, date="2022-01-01")
        assert body["results"]
        return len(captured)

    few = queries("Wang")
    chn = people["chn"]
    for n in range(20):
        person = f.PersonFactory(name=f"Wang Number{n}", slug=f"wang-{n}", country=chn)
        f.PositionFactory(person=person, organization=chn, title="Envoy", start_date=D(2020, 1, 1))
        f.PositionFactory(person=person, organization=people["kaz"], title="Guest")
    assert len(resolve(anon, name="Wang")["results"]) == 22
    assert queries("Wang") == few <= 4


def test_the_resolver_is_in_the_schema(anon, db):
    schema = anon.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/resolve/"]["get"]
    assert operation["operationId"] == "resolve_name"
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["name"]["required"] is True
    assert parameters["name"]["schema"]["example"]
    assert parameters["name"]["schema"]["maxLength"] == 200
    assert parameters["date"]["schema"]["format"] == "date"
    assert {"200", "400", "429"} <= set(operation["responses"])


def test_another_site_may_ask(client, people):
    response = client.get(URL, {"name": "Tokayev"}, HTTP_ORIGIN="https://newsroom.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "RateLimit-Limit" in response


def test_the_resolver_is_read_only(anon, editor_client, people):
    for client in (anon, editor_client):
        assert client.post(URL, {"name": "Tokayev"}, format="json").status_code in (403, 405)
