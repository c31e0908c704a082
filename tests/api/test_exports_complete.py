"""Complete exports: every related record links to its API resource, every list and detail
reads as CSV with its related records flattened, every list of placed records as GeoJSON."""

import csv
import io

import pytest

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


# -- ?format=csv on every list and detail ------------------------------------------------------


def table(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def record_viewsets() -> list[tuple[str, type]]:
    from cmsproject.api_urls import router

    return [(prefix, viewset) for prefix, viewset, _ in router.registry]


@pytest.fixture
def figure(world):
    return f.FigureFactory(slug="china-kazakhstan-trade-2023", party=world["chn"], partner=None)


@pytest.mark.parametrize("prefix", [prefix for prefix, _ in record_viewsets()])
def test_every_list_and_record_reads_as_csv(anon, world, figure, prefix):
    rows = table(anon.get(f"/api/v1/{prefix}/", {"format": "csv"}))
    assert rows, f"/api/v1/{prefix}/ has published records in this world"
    slug = rows[0]["slug"]
    response = anon.get(f"/api/v1/{prefix}/{slug}/", {"format": "csv"})
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.csv"'
    [record] = table(response)
    assert record["slug"] == slug
    assert "secret" not in response.content.decode().lower()


def test_every_record_endpoint_gets_csv_from_the_base(db):
    from cmsproject.editorial.api import CSVRenderer, RecordViewSet

    for prefix, viewset in record_viewsets():
        assert issubclass(viewset, RecordViewSet), prefix
        assert CSVRenderer in viewset.renderer_classes, prefix


def test_event_csv_keeps_participants_and_numbered_citations(anon, world):
    [event] = table(anon.get("/api/v1/events/fifth-ministers-meeting/", {"format": "csv"}))
    assert event["participants"] == (
        "Murat Nurtleu (Minister of Foreign Affairs of Kazakhstan); "
        "Wang Yi (Minister of Foreign Affairs of China)"
    )
    assert event["participants_slugs"] == "murat-nurtleu; wang-yi"
    assert event["citations"] == (
        '[1] Ministers meet in Chengdu (Astana Times, 2023-12-02): "held in Chengdu on 1 '
        'December" [backs start_date]'
    )
    assert event["citations_slugs"] == "ministers-meet-in-chengdu"
    assert (event["host"], event["host_slug"]) == ("China", "china")
    assert (event["topics"], event["topics_slugs"]) == ("Trade", "trade")
    assert event["agreements"] == "Chengdu Joint Statement"


def test_a_participant_representing_another_body_says_so(anon, world):
    from events.models import Participation

    Participation.objects.filter(person=world["wang"], event=world["chengdu_meeting"]).update(
        role="Special envoy"
    )
    [event] = table(anon.get("/api/v1/events/fifth-ministers-meeting/", {"format": "csv"}))
    assert "Wang Yi (Special envoy, for China)" in event["participants"]


def test_agreement_csv_keeps_parties_signatories_and_aliases(anon, world):
    [row] = table(anon.get("/api/v1/agreements/chengdu-joint-statement/", {"format": "csv"}))
    assert (row["parties"], row["parties_slugs"]) == ("China; Kazakhstan", "china; kazakhstan")
    assert (row["signatories"], row["signatories_slugs"]) == (
        "Murat Nurtleu (for Kazakhstan)",
        "murat-nurtleu",
    )
    assert row["aliases"] == "Chengdu Declaration (transliteration)"
    assert row["signed_at_slug"] == "fifth-ministers-meeting"


def test_person_and_place_csv_keep_offices_and_other_names(anon, world):
    [person] = table(anon.get("/api/v1/people/murat-nurtleu/", {"format": "csv"}))
    assert person["positions"] == (
        "Minister of Foreign Affairs of Kazakhstan (2023-04-03 – 2025-09-26)"
    )
    assert person["positions_slugs"] == "kazakhstan"
    assert person["aliases"] == "Nurtileu (transliteration)"
    [wang] = table(anon.get("/api/v1/people/wang-yi/", {"format": "csv"}))
    assert wang["positions"] == "Minister of Foreign Affairs of China (2023-07-25 – today)"
    [place] = table(anon.get("/api/v1/places/astana/", {"format": "csv"}))
    assert place["aliases"] == "Nur-Sultan (former, 2019-03-23 – 2022-09-17)"


def test_a_source_csv_names_what_cites_it(anon, world):
    [source] = table(anon.get("/api/v1/sources/ministers-meet-in-chengdu/", {"format": "csv"}))
    assert source["cited_by"] == "Fifth Foreign Ministers' Meeting (event)"
    assert source["cited_by_slugs"] == "fifth-ministers-meeting"
    assert (source["outlet"], source["outlet_slug"]) == ("Astana Times", "astana-times")


DETAILS = [
    "events/fifth-ministers-meeting",
    "people/murat-nurtleu",
    "people/wang-yi",
    "organizations/kazakhstan",
    "places/astana",
    "agreements/chengdu-joint-statement",
    "sources/ministers-meet-in-chengdu",
    "topics/trade",
]


@pytest.mark.parametrize("path", DETAILS)
def test_nothing_of_the_json_detail_is_lost_in_csv(editor_client, world, path):
    """Every field of the JSON is a column, every value the JSON has is in its cell, and every
    related record's slug is in the slug column beside it."""
    data = editor_client.get(f"/api/v1/{path}/").json()
    [row] = table(editor_client.get(f"/api/v1/{path}/", {"format": "csv"}))
    assert set(data) <= set(row)
    for key, value in data.items():
        if value in (None, "", []):
            continue
        assert row[key] != "", key
        if isinstance(value, list) and value and f"{key}_slugs" in row:
            for item in value:
                slug = item.get("slug") or next(
                    v["slug"] for v in item.values() if isinstance(v, dict) and "slug" in v
                )
                assert slug in row[f"{key}_slugs"].split("; "), (key, slug)
        elif isinstance(value, dict) and "slug" in value:
            assert row[f"{key}_slug"] == value["slug"], key


def test_editors_csv_holds_the_drafts_they_may_see(editor_client, anon, world):
    [mine] = table(editor_client.get("/api/v1/events/fifth-ministers-meeting/?format=csv"))
    assert "secret-draftperson" in mine["participants_slugs"].split("; ")
    assert mine["citations"].count("[") >= 2  # the draft report's citation too
    text = anon.get("/api/v1/events/fifth-ministers-meeting/?format=csv").content.decode()
    assert "Secret" not in text and "secret" not in text


def test_joined_related_names_are_neutralised(anon, world):
    world["nurtleu"].name = "=HYPERLINK(evil)"
    world["nurtleu"].save()
    [event] = table(anon.get("/api/v1/events/fifth-ministers-meeting/", {"format": "csv"}))
    assert event["participants"].startswith("'=HYPERLINK(evil) (")


def test_csv_detail_answers_304_to_its_etag(anon, world):
    url = "/api/v1/organizations/kazakhstan/?format=csv"
    first = anon.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert anon.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_csv_of_an_unknown_record_is_a_404(anon, world):
    response = anon.get("/api/v1/topics/no-such-topic/", {"format": "csv"})
    assert response.status_code == 404


def test_every_list_documents_the_csv_format(anon, db):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for prefix, _ in record_viewsets():
        for path in (f"/api/v1/{prefix}/", f"/api/v1/{prefix}/{{slug}}/"):
            parameters = schema["paths"][path]["get"].get("parameters", [])
            [fmt] = [p for p in parameters if p["name"] == "format"]
            assert "csv" in fmt["schema"]["enum"], path


# -- ?format=geojson on every list of placed records --------------------------------------------


def test_agreements_are_a_map_layer_where_they_were_signed(anon, world):
    from events.models import Agreement, Place

    Place.objects.filter(slug="chengdu").update(latitude=30.66, longitude=104.06)
    Place.objects.filter(slug="hiddenville").update(latitude=41.3, longitude=69.2)
    Agreement.objects.filter(slug="chengdu-joint-statement").update(place=world["chengdu"])
    Agreement.objects.filter(slug="good-neighbourliness-treaty").update(
        place=Place.objects.get(slug="hiddenville")
    )
    response = anon.get("/api/v1/agreements/", {"format": "geojson"})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    features = {feature["id"]: feature for feature in body["features"]}
    assert set(features) == {"chengdu-joint-statement", "good-neighbourliness-treaty"}
    assert features["chengdu-joint-statement"]["geometry"] == {
        "type": "Point",
        "coordinates": [104.06, 30.66],
    }
    assert features["chengdu-joint-statement"]["properties"]["title"] == "Chengdu Joint Statement"
    # signed at a draft place: no point a reader could use to find it
    assert features["good-neighbourliness-treaty"]["geometry"] is None
    assert "hiddenville" not in response.content.decode().lower()
    assert "69.2" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/api/v1/agreements/?format=csv", "/api/v1/agreements/?format=geojson"]
)
def test_exports_take_a_fixed_number_of_queries(anon, world, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert anon.get(url).status_code == 200
        return len(captured)

    before = count()
    f.AgreementFactory.create_batch(3, place=world["chengdu"])
    assert count() == before


def test_a_refused_write_read_as_csv_names_the_nested_row(editor_client, world):
    response = editor_client.post(
        "/api/v1/people/?format=csv",
        {"name": "New Person", "positions": [{"organization": "kazakhstan"}]},
        format="json",
    )
    assert response.status_code == 400
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    [positions] = [r for r in rows if r["field"] == "positions"]
    assert "role" in positions["message"] and "required" in positions["message"]
