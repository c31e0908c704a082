"""External identifiers: edited in the admin and the API, shown on pages and in JSON-LD,
found with ?identifier=scheme:value on every list."""

import json
import re

import pytest
from django.contrib.admin import site
from django.contrib.contenttypes.models import ContentType

from events.models import Identifier, Person
from tests import factories as f
from tests.api.conftest import slugs
from tests.security.test_permission_matrix import admin_form_data, form_errors

pytestmark = pytest.mark.django_db

XI = "Q15031"


@pytest.fixture
def xi():
    person = f.PersonFactory(name="Xi Jinping", slug="xi-jinping")
    f.IdentifierFactory(record=person, scheme="wikidata", value=XI)
    return person


@pytest.mark.parametrize(
    ("factory", "endpoint"),
    [
        (f.PersonFactory, "people"),
        (f.OrganizationFactory, "organizations"),
        (f.PlaceFactory, "places"),
        (f.EventFactory, "events"),
        (f.AgreementFactory, "agreements"),
    ],
)
def test_every_record_type_is_found_by_its_identifier(anon, factory, endpoint):
    wanted, other = factory(), factory()
    f.IdentifierFactory(record=wanted, scheme="wikidata", value="Q42")
    f.IdentifierFactory(record=other, scheme="wikidata", value="Q43")
    response = anon.get(f"/api/v1/{endpoint}/?identifier=wikidata:Q42")
    assert response.status_code == 200
    assert slugs(response) == [wanted.slug]
    detail = anon.get(f"/api/v1/{endpoint}/{wanted.slug}/").json()
    assert detail["identifiers"] == [
        {"scheme": "wikidata", "value": "Q42", "url": "https://www.wikidata.org/wiki/Q42"}
    ]


def test_several_identifiers_match_any_and_forms_are_forgiven(anon, xi):
    other = f.PersonFactory(slug="someone")
    f.IdentifierFactory(record=other, scheme="wikidata", value="Q99")
    response = anon.get("/api/v1/people/?identifier=wikidata:q15031,wikidata:Q99")
    assert sorted(slugs(response)) == ["someone", "xi-jinping"]
    pasted = anon.get(f"/api/v1/people/?identifier=wikidata:https://www.wikidata.org/wiki/{XI}")
    assert slugs(pasted) == ["xi-jinping"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Q15031", "Give a scheme and a value"),
        ("wikipedia:Q1", "Unknown scheme 'wikipedia'"),
        ("wikidata:Xi", "is not a Wikidata identifier"),
        ("wikidata:", "Give a scheme and a value"),
    ],
)
def test_a_bad_identifier_is_a_400_that_says_why(anon, value, message):
    response = anon.get("/api/v1/people/", {"identifier": value})
    assert response.status_code == 400
    assert message in response.json()["identifier"][0]


def test_a_draft_is_not_found_by_its_identifier(anon, editor_client):
    draft = f.PersonFactory(slug="draft-person", status="draft")
    f.IdentifierFactory(record=draft, scheme="wikidata", value="Q7")
    assert slugs(anon.get("/api/v1/people/?identifier=wikidata:Q7")) == []
    assert slugs(editor_client.get("/api/v1/people/?identifier=wikidata:Q7&status=all")) == [
        "draft-person"
    ]


def test_editors_write_identifiers_through_the_api(editor_client, xi):
    url = f"/api/v1/people/{xi.slug}/"
    etag = editor_client.get(url)["ETag"]
    body = {
        "identifiers": [
            {"scheme": "wikidata", "value": "https://www.wikidata.org/wiki/Q15031"},
            {"scheme": "viaf", "value": "12345"},
        ]
    }
    response = editor_client.patch(url, body, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    assert [(i["scheme"], i["value"]) for i in response.json()["identifiers"]] == [
        ("viaf", "12345"),
        ("wikidata", XI),
    ]
    # the QID kept its row (and its history): matched, not replaced
    assert Identifier.objects.filter(value=XI).count() == 1


def test_an_identifier_of_another_record_is_refused_and_nothing_is_saved(editor_client, xi):
    other = f.PersonFactory(slug="other-person", name="Other Person")
    url = f"/api/v1/people/{other.slug}/"
    etag = editor_client.get(url)["ETag"]
    response = editor_client.patch(
        url,
        {"name": "Renamed", "identifiers": [{"scheme": "wikidata", "value": XI}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 400
    assert "already the identifier of “Xi Jinping”" in json.dumps(
        response.json(), ensure_ascii=False
    )
    other.refresh_from_db()
    assert other.name == "Other Person" and not other.identifiers.exists()


def test_the_same_identifier_twice_in_one_list_is_a_400(editor_client, xi):
    url = f"/api/v1/people/{xi.slug}/"
    etag = editor_client.get(url)["ETag"]
    twice = [{"scheme": "wikidata", "value": "Q5"}, {"scheme": "wikidata", "value": "q5"}]
    response = editor_client.patch(url, {"identifiers": twice}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert "given twice" in json.dumps(response.json())


def test_the_page_links_the_identifiers_and_json_ld_says_same_as(client, xi):
    f.IdentifierFactory(record=xi, scheme="iso3166-1-alpha-2", value="CN")  # no link
    html = client.get(f"/people/{xi.slug}/").content.decode()
    assert f'href="https://www.wikidata.org/wiki/{XI}"' in html
    assert "ISO 3166-1 alpha-2 CN" in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    ld = ld if isinstance(ld, dict) else ld[0]
    assert ld["sameAs"] == [f"https://www.wikidata.org/wiki/{XI}"]


def test_the_admin_edits_identifiers_and_refuses_a_taken_one(admin_client, admin_user, xi):
    other = f.PersonFactory(slug="other", name="Other")
    url = f"/admin/events/person/{other.pk}/change/"
    form = admin_form_data(site._registry[Person], admin_user, other)
    prefix = "events-identifier-content_type-object_id"
    assert f"{prefix}-TOTAL_FORMS" in form
    form.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-scheme": "wikidata",
            f"{prefix}-0-value": XI,
            "_save": "Save",
        }
    )
    refused = admin_client.post(url, form)
    assert refused.status_code == 200
    assert "already the identifier of “Xi Jinping”" in refused.content.decode()
    assert not other.identifiers.exists()
    form[f"{prefix}-0-value"] = "https://www.wikidata.org/wiki/Q777"
    saved = admin_client.post(url, form)
    assert saved.status_code == 302, form_errors(saved)
    assert list(other.identifiers.values_list("scheme", "value")) == [("wikidata", "Q777")]
    assert Identifier.objects.get(value="Q777").content_type == ContentType.objects.get_for_model(
        Person
    )


def test_the_csv_of_a_record_lists_its_identifiers_as_the_filter_takes_them(anon, xi):
    f.IdentifierFactory(record=xi, scheme="viaf", value="12345")
    rows = anon.get(f"/api/v1/people/{xi.slug}/?format=csv").content.decode().splitlines()
    header, row = rows[0].split(","), rows[1]
    assert "identifiers" in header
    assert f"viaf:12345; wikidata:{XI}" in row
