"""CSV exports of the lists (every list and record: tests/api/test_exports_complete.py)."""

import csv
import io

import pytest


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_events_csv_is_the_whole_filtered_list(anon, world):
    response = anon.get("/api/v1/events/", {"format": "csv", "country": "KAZ", "page_size": 1})
    assert response["Content-Disposition"] == 'attachment; filename="event.csv"'
    table = rows(response)
    assert [r["slug"] for r in table] == ["fifth-ministers-meeting", "astana-summit"]
    assert table[0]["place"] == "Chengdu" and table[0]["place_slug"] == "chengdu"
    assert table[0]["start_date"] == "2023-12-01"


@pytest.mark.parametrize("endpoint", ["events", "people", "agreements"])
def test_csv_exports_hold_no_drafts(anon, world, endpoint):
    text = anon.get(f"/api/v1/{endpoint}/", {"format": "csv"}).content.decode()
    assert "secret" not in text.lower()


def test_people_and_agreements_csv(anon, world):
    people = rows(anon.get("/api/v1/people/", {"format": "csv", "country": "CHN"}))
    assert [(p["name"], p["country"]) for p in people] == [("Wang Yi", "China")]
    agreements = rows(anon.get("/api/v1/agreements/", {"format": "csv", "kind": "treaty"}))
    assert agreements[0]["signed_on"] == "2002-12-23"


def test_csv_errors_still_name_the_parameter(anon, world):
    response = anon.get("/api/v1/events/", {"format": "csv", "start_after": "yesterday"})
    assert response.status_code == 400
    assert "start_after" in response.content.decode()


def test_spreadsheet_formulas_are_neutralised(editor_client, anon, world):
    world["wang"].name = "=HYPERLINK(evil)"
    world["wang"].save()
    people = rows(anon.get("/api/v1/people/", {"format": "csv", "country": "CHN"}))
    assert people[0]["name"] == "'=HYPERLINK(evil)"


def test_an_unknown_format_is_a_404(anon, world):
    assert anon.get("/api/v1/topics/", {"format": "xlsx"}).status_code == 404


@pytest.mark.parametrize(
    "name", ["=HYPERLINK(evil)", "+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1+1", "\r=1+1", "-2+3"]
)
def test_every_cell_is_neutralised_related_names_included(anon, world, name):
    from events.models import Place

    Place.objects.filter(slug="chengdu").update(name=name)  # a related record of the event
    table = rows(anon.get("/api/v1/events/", {"format": "csv", "country": "KAZ"}))
    [event] = [r for r in table if r["slug"] == "fifth-ministers-meeting"]
    assert event["place"] == "'" + name
    assert event["place_slug"] == "chengdu"


def test_numbers_stay_numbers_in_csv():
    from cmsproject.editorial.spreadsheet import safe_cell

    assert [safe_cell(v) for v in (-12.5, "-12.5", "41000000000", None)] == [
        "-12.5",
        "-12.5",
        "41000000000",
        "",
    ]
