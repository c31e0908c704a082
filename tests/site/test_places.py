"""Places, the region map, topics and GeoJSON: where things happened, as a reader finds it."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from cmsproject.editorial.models import Status
from tests import factories as f

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def astana():
    kaz = f.StateFactory(name="Kazakhstan", slug="kazakhstan", iso_code="KAZ")
    return f.PlaceFactory(
        name="Astana",
        slug="astana",
        country=kaz,
        latitude=Decimal("51.1694"),
        longitude=Decimal("71.4491"),
    )


def the_map(page: str) -> ET.Element:
    start = page.index('<svg xmlns="http://www.w3.org/2000/svg"', page.index('class="map-figure"'))
    return ET.fromstring(page[start : page.index("</svg>", start) + 6])


def marker_names(svg: ET.Element) -> list[str]:
    return [t.text for a in svg.iter(f"{SVG}a") for t in a.iter(f"{SVG}title")]


def test_the_places_index_maps_each_place_sized_by_its_events(client, astana):
    xian = f.PlaceFactory(
        name="Xi'an", slug="xian", latitude=Decimal("34.34"), longitude=Decimal("108.94")
    )
    for _ in range(3):
        f.EventFactory(place=astana)
    f.EventFactory(place=xian)
    f.EventFactory(place=xian, status=Status.DRAFT)  # readers do not count it

    page = client.get("/places/").content.decode()

    svg = the_map(page)
    assert sorted(marker_names(svg)) == ["Astana: 3 events", "Xi'an: 1 event"]
    radius = {
        a.find(f"{SVG}title").text.split(":")[0]: float(a.find(f"{SVG}circle").get("r"))
        for a in svg.iter(f"{SVG}a")
    }
    assert radius["Astana"] > radius["Xi'an"]
    assert 'href="/places/astana/"' in page and "3 events" in page


def test_a_place_page_says_what_happened_there(client, astana):
    astana.aliases.create(
        name="Nur-Sultan",
        kind="former",
        valid_from=datetime.date(2019, 3, 23),
        valid_to=datetime.date(2022, 9, 17),
    )
    summit = f.EventFactory(title="Second Summit", place=astana)
    f.AgreementFactory(title="Astana Treaty", place=astana)
    hidden = f.EventFactory(title="Secret talks", place=astana, status=Status.DRAFT)

    page = client.get("/places/astana/").content.decode()

    assert summit.get_absolute_url() in page and "Astana Treaty" in page
    assert hidden.title not in page
    assert "Nur-Sultan" in page and "23 March 2019" in page
    assert marker_names(the_map(page)) == ["Astana: 1 event"]
    assert 'href="/organizations/kazakhstan/"' in page


def test_a_draft_place_has_no_page_and_no_marker(client, astana):
    f.EventFactory(place=astana)
    type(astana).objects.filter(pk=astana.pk).update(status=Status.DRAFT)
    assert client.get("/places/astana/").status_code == 404
    assert "Astana" not in client.get("/places/").content.decode()


def test_the_event_page_and_the_state_page_show_the_map(client, astana):
    event = f.EventFactory(place=astana)
    f.ParticipationFactory(
        event=event, representing=astana.country, person=f.PersonFactory(name="Tokayev")
    )
    event_page = client.get(event.get_absolute_url()).content.decode()
    assert marker_names(the_map(event_page)) == ["Astana"]  # the place of this event
    assert 'href="/places/astana/"' in event_page
    state_page = client.get("/organizations/kazakhstan/").content.decode()
    assert marker_names(the_map(state_page)) == ["Astana: 1 event"]


def test_the_topics_index_is_a_tree_with_counts(client):
    trade = f.TopicFactory(name="Trade and economy", slug="trade-and-economy")
    invest = f.TopicFactory(name="Investment", slug="investment", parent=trade)
    f.TopicFactory(name="Secret topic", status=Status.DRAFT)
    event = f.EventFactory()
    event.topics.add(invest)
    page = client.get("/topics/").content.decode()
    assert page.index("Trade and economy") < page.index("Investment")
    nested = page[page.index("Trade and economy") :]
    assert "<ul>" in nested[: nested.index("Investment")]
    assert "1 event" in nested and "Secret topic" not in page


def test_events_and_places_are_served_as_geojson(client, astana):
    elsewhere = f.PlaceFactory(slug="nowhere", latitude=None, longitude=None)
    f.EventFactory(slug="summit", place=astana)
    f.EventFactory(slug="online", place=None, is_online=True)
    f.EventFactory(slug="far", place=elsewhere)
    response = client.get("/api/v1/events/?format=geojson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    features = {feat["id"]: feat for feat in collection["features"]}
    assert features["summit"]["geometry"] == {"type": "Point", "coordinates": [71.4491, 51.1694]}
    assert features["summit"]["properties"]["title"]
    assert features["online"]["geometry"] is None and features["far"]["geometry"] is None
    places = client.get("/api/v1/places/?format=geojson&country=KAZ").json()
    assert [feat["id"] for feat in places["features"]] == ["astana"]


def test_geojson_leaves_out_a_draft_place_of_a_published_event(client, astana):
    f.EventFactory(slug="summit", place=astana)
    type(astana).objects.filter(pk=astana.pk).update(status=Status.DRAFT)
    (feature,) = client.get("/api/v1/events/?format=geojson").json()["features"]
    assert feature["geometry"] is None and feature["properties"]["place"] is None


def test_the_schema_describes_the_geojson_lists(client):
    schema = client.get("/api/schema/?format=json").json()
    listing = schema["paths"]["/api/v1/places/"]["get"]["responses"]["200"]["content"]
    collection = listing["application/geo+json"]["schema"]
    assert collection["properties"]["type"]["enum"] == ["FeatureCollection"]
    detail = schema["paths"]["/api/v1/places/{slug}/"]["get"]["responses"]["200"]["content"]
    assert "application/geo+json" not in detail
