"""The public list pages and the API share their FilterSets: a filter name means the same in
both; a bad value is a form error on a page and a 400 in the API, never a 500."""

import re

import pytest

from cmsproject.editorial.models import Status
from tests.factories import OutletFactory

from .conftest import slugs

CASES = [
    ("events", {"country": "KAZ"}),
    ("events", {"country": "kazakhstan"}),
    ("events", {"country": "TKM"}),  # only through a draft participant: nothing
    ("events", {"country": "UZB"}),  # only through a draft place: nothing
    ("events", {"kind": "summit"}),
    ("events", {"topic": "trade"}),
    ("events", {"year": "2023"}),
    ("events", {"place": "astana"}),
    ("agreements", {"party": "KAZ"}),
    ("agreements", {"party": "china"}),
    ("agreements", {"kind": "treaty"}),
    ("agreements", {"year": "2002"}),
    ("people", {"country": "CHN"}),
    ("sources", {"outlet": "astana-times"}),
    ("sources", {"year": "2024"}),
]


def page_slugs(client, endpoint: str, params: dict) -> set[str]:
    response = client.get(f"/{endpoint}/", params)
    assert response.status_code == 200
    html = response.content.decode()
    # links to records of the list, not the navigation
    return set(re.findall(rf'href="/{endpoint}/([a-z0-9-]+)/"', html))


@pytest.mark.parametrize("endpoint, params", CASES)
def test_a_filter_means_the_same_on_the_page_and_in_the_api(client, anon, world, endpoint, params):
    api = set(slugs(anon.get(f"/api/v1/{endpoint}/", params)))
    assert page_slugs(client, endpoint, params) == api


def test_country_of_a_draft_participant_puts_no_event_in_a_country(client, world):
    assert page_slugs(client, "events", {"country": "TKM"}) == set()
    assert "fifth-ministers-meeting" in page_slugs(client, "events", {"country": "CHN"})


@pytest.mark.parametrize(
    "endpoint, params",
    [
        ("events", {"year": "99999"}),
        ("events", {"year": "2023.5"}),
        ("events", {"place": "hiddenville"}),  # a draft place
        ("events", {"series": "no-such-series"}),
        ("agreements", {"party": "SCR"}),  # a draft state
        ("sources", {"year": "0"}),
        ("sources", {"outlet": "shadow-outlet"}),  # a draft outlet
    ],
)
def test_bad_values_are_form_errors_on_pages_and_400s_in_the_api(
    client, anon, world, endpoint, params
):
    (name,) = params
    api = anon.get(f"/api/v1/{endpoint}/", params)
    assert api.status_code == 400
    assert list(api.json()) == [name]
    response = client.get(f"/{endpoint}/", params)
    assert response.status_code == 200
    assert f'id="id_{name}-error"' in response.content.decode()


def test_the_page_form_shows_a_country_given_by_slug_as_chosen(client, world):
    html = client.get("/events/", {"country": "kazakhstan"}).content.decode()
    assert re.search(r'<option value="KAZ" selected>', html)


def test_api_lists_accept_the_page_filters(anon, world):
    assert slugs(anon.get("/api/v1/events/", {"year": 2022})) == ["astana-summit"]
    assert slugs(anon.get("/api/v1/agreements/", {"party": "KAZ", "year": 2023})) == [
        "chengdu-joint-statement"
    ]


@pytest.mark.django_db
def test_a_list_select_offers_published_records_escaped_and_keeps_the_choice(client):
    OutletFactory(name='Daily "<b>Steppe</b>" & Co', slug="steppe")
    OutletFactory(name="Hidden Wire", slug="hidden-wire", status=Status.DRAFT)
    html = client.get("/sources/", {"outlet": "steppe"}).content.decode()
    select = re.search(r'<select name="outlet"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    assert options == [
        ("", "", "All outlets"),
        ("steppe", " selected", "Daily &quot;&lt;b&gt;Steppe&lt;/b&gt;&quot; &amp; Co"),
    ]
