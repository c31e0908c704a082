"""Complete exports: every related record links to its API resource, every list and detail
reads as CSV with its related records flattened, every list of placed records as GeoJSON."""

from tests import factories as f

API = "http://testserver/api/v1"

# -- api_url next to url in every nested record ------------------------------------------------


def test_nested_records_link_to_their_api_resources(anon, world):
    event = anon.get("/api/v1/events/fifth-ministers-meeting/").json()
    assert event["host"]["api_url"] == f"{API}/organizations/china/"
    assert event["place"]["api_url"] == f"{API}/places/chengdu/"
    assert [p["person"]["api_url"] for p in event["participants"]] == [
        f"{API}/people/murat-nurtleu/",
        f"{API}/people/wang-yi/",
    ]
    assert event["agreements"][0]["api_url"] == f"{API}/agreements/chengdu-joint-statement/"
    assert event["topics"][0]["api_url"] == f"{API}/topics/trade/"
    assert event["citations"][0]["source"]["api_url"] == (
        f"{API}/sources/ministers-meet-in-chengdu/"
    )
    # a client follows the link and finds the record
    assert anon.get(event["host"]["api_url"]).json()["slug"] == "china"


def test_a_record_the_api_does_not_serve_has_a_null_api_url(anon, world):
    source = anon.get("/api/v1/sources/ministers-meet-in-chengdu/").json()
    assert source["outlet"]["name"] == "Astana Times"
    assert source["outlet"]["api_url"] is None  # outlets have no endpoint
    assert source["cited_by"][0]["api_url"] == f"{API}/events/fifth-ministers-meeting/"


def test_figures_link_indicator_and_sides_to_the_api(anon, world):
    figure = f.FigureFactory(party=world["chn"], partner=world["kaz"])
    row = anon.get(f"/api/v1/figures/{figure.slug}/").json()
    assert row["party"]["api_url"] == f"{API}/organizations/china/"
    assert row["indicator"]["api_url"] == f"{API}/indicators/{figure.indicator.slug}/"


def test_schema_declares_api_url_of_nested_records(anon, db):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    place = schema["components"]["schemas"]["EventList"]["properties"]["place"]
    link = place.get("allOf", [place])[0] if "properties" not in place else place
    assert link["properties"]["api_url"]["format"] == "uri"
    assert "api_url" in link["required"]
