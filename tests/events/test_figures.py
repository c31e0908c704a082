"""Figures as cited data: indicator pages, state pages, the API, and where sources differ."""

from __future__ import annotations

import csv
import datetime
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from cmsproject.editorial.models import Status
from events.models import Figure
from events.models.figures import format_amount, period_label
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (D(2023, 1, 1), D(2023, 12, 31), "2023"),
        (D(2024, 1, 1), D(2024, 3, 31), "Q1 2024"),
        (D(2024, 7, 1), D(2024, 9, 30), "Q3 2024"),
        (D(2024, 3, 1), D(2024, 3, 31), "March 2024"),
        (D(2023, 1, 1), D(2023, 10, 31), "January–October 2023"),
        (D(2021, 1, 1), D(2023, 12, 31), "2021–2023"),
        (D(2024, 5, 20), D(2024, 5, 20), "as of 20 May 2024"),
        (D(2024, 5, 2), D(2024, 6, 15), "2 May 2024 – 15 June 2024"),
    ],
)
def test_a_period_reads_as_people_write_it(start, end, label):
    assert period_label(start, end) == label


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("41000000000", "USD", "$41.0 bn"),
        ("36500000000", "USD", "$36.5 bn"),
        ("2400000", "EUR", "€2.4 m"),
        ("12.5", "%", "12.5%"),
        ("3200", "tonnes", "3,200 tonnes"),
        ("1500000000000", "CNY", "1.5 tn CNY"),
    ],
)
def test_a_value_reads_as_people_write_it(value, unit, text):
    assert format_amount(Decimal(value), unit) == text


@pytest.fixture
def pair():
    kaz = f.StateFactory(name="Kazakhstan", slug="kazakhstan", iso_code="KAZ")
    chn = f.StateFactory(name="China", slug="china", iso_code="CHN")
    return kaz, chn


def cite(record, words: str):
    source = f.SourceFactory(body=f"The ministry said that {words}, a record.")
    return f.CitationFactory(source=source, record=record, excerpt=words, claim="value")


def test_the_indicator_page_lists_each_figure_with_its_source_chart_and_csv(client, pair):
    kaz, chn = pair
    trade = f.IndicatorFactory(name="Bilateral trade turnover", slug="trade")
    year = f.FigureFactory(indicator=trade, party=kaz, partner=chn, value=Decimal("41e9"))
    months = f.FigureFactory(
        indicator=trade,
        party=kaz,
        partner=chn,
        period_end=D(2023, 10, 31),
        value=Decimal("36.5e9"),
    )
    cite(year, "trade reached $41 bn in 2023")
    cite(months, "trade reached $36.5 bn in January–October")

    page = client.get("/figures/trade/").content.decode()

    assert "$41.0 bn" in page and "$36.5 bn" in page and "January–October 2023" in page
    row = page[page.index(f'id="figure-{year.slug}"') :]
    assert 'href="#note-' in row[: row.index("</tr>")]
    assert "trade reached $41 bn in 2023" in page  # the excerpt, in the numbered notes
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page  # the chart…
    assert "<table>" in page  # …with its table
    assert "/api/v1/figures/?indicator=trade&amp;between=china%2Ckazakhstan&amp;format=csv" in page
    index = client.get("/figures/").content.decode()
    assert "Bilateral trade turnover" in index and "2 figures" in index


def test_the_chart_plots_whole_years_and_shows_a_year_without_a_figure_as_a_gap(client, pair):
    kaz, chn = pair
    trade = f.IndicatorFactory(slug="trade")
    for year, value in ((2021, "25e9"), (2023, "41e9")):
        f.FigureFactory(
            indicator=trade,
            party=kaz,
            partner=chn,
            period_start=D(year, 1, 1),
            period_end=D(year, 12, 31),
            value=Decimal(value),
        )
    f.FigureFactory(  # ten months are not a year: in the table, not on the chart
        indicator=trade, party=kaz, partner=chn, period_end=D(2023, 10, 31), value=Decimal("9e9")
    )
    page = client.get("/figures/trade/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    tree = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text for t in tree.iter(f"{ns}text")]
    assert {"2021", "2022", "2023"} <= set(labels)  # 2022 is on the axis though it has none
    assert len(list(tree.iter(f"{ns}circle"))) == 2
    assert not list(tree.iter(f"{ns}polyline"))  # no line drawn across the missing year
    assert "$9.0 bn" in page


def test_where_the_two_sides_report_differently_both_are_shown_with_the_gap(client, pair):
    kaz, chn = pair
    trade = f.IndicatorFactory(name="Bilateral trade turnover", slug="trade", symmetric=True)
    f.FigureFactory(indicator=trade, party=kaz, partner=chn, value=Decimal("41e9"))
    f.FigureFactory(indicator=trade, party=chn, partner=kaz, value=Decimal("40.8e9"))

    page = client.get("/figures/trade/").content.decode()
    differ = page[page.index("Where sources differ") :]
    differ = differ[: differ.index("</aside>")]
    assert "$41.0 bn reported by Kazakhstan" in differ
    assert "$40.8 bn reported by China" in differ
    assert "a gap of $200.0 m (0.5%)" in differ
    state = client.get("/organizations/kazakhstan/").content.decode()
    assert "Where sources differ" in state and "a gap of $200.0 m" in state


def test_exports_of_each_side_are_not_one_figure(client, pair):
    kaz, chn = pair
    exports = f.IndicatorFactory(slug="exports", symmetric=False)
    f.FigureFactory(indicator=exports, party=kaz, partner=chn, value=Decimal("15e9"))
    f.FigureFactory(indicator=exports, party=chn, partner=kaz, value=Decimal("26e9"))
    assert "Where sources differ" not in client.get("/figures/exports/").content.decode()


def test_two_sources_giving_one_side_two_values_differ(client, pair):
    kaz, chn = pair
    exports = f.IndicatorFactory(slug="exports", symmetric=False)
    f.FigureFactory(indicator=exports, party=kaz, partner=chn, value=Decimal("15e9"))
    f.FigureFactory(indicator=exports, party=kaz, partner=chn, value=Decimal("16e9"))
    assert "a gap of $1.0 bn" in client.get("/figures/exports/").content.decode()


@pytest.mark.parametrize("hidden", ["figure", "indicator", "party", "partner"])
def test_a_figure_is_shown_only_with_its_indicator_and_both_sides(client, pair, hidden):
    kaz, chn = pair
    trade = f.IndicatorFactory(slug="trade")
    figure = f.FigureFactory(indicator=trade, party=kaz, partner=chn, value=Decimal("41e9"))
    record = {"figure": figure, "indicator": trade, "party": kaz, "partner": chn}[hidden]
    type(record).objects.filter(pk=record.pk).update(status=Status.DRAFT)

    api = client.get("/api/v1/figures/").json()
    assert api["count"] == 0
    assert client.get(f"/api/v1/figures/{figure.slug}/").status_code == 404
    if hidden != "indicator":
        assert "$41.0 bn" not in client.get("/figures/trade/").content.decode()
    if hidden != "party":
        assert "$41.0 bn" not in client.get("/organizations/kazakhstan/").content.decode()
    assert Figure.objects.published().count() == 0


def test_a_figure_about_the_world_has_no_partner(client, pair):
    kaz, _ = pair
    figure = f.FigureFactory(party=kaz, partner=None, value=Decimal("80e9"))
    assert figure in Figure.objects.published()
    body = client.get(f"/api/v1/figures/{figure.slug}/").json()
    assert body["partner"] is None and body["value_display"] == "$80.0 bn"


def test_the_api_filters_figures(client, pair):
    kaz, chn = pair
    uzb = f.StateFactory(name="Uzbekistan", slug="uzbekistan", iso_code="UZB")
    trade = f.IndicatorFactory(slug="trade")
    loans = f.IndicatorFactory(slug="loans", symmetric=False)
    a = f.FigureFactory(indicator=trade, party=kaz, partner=chn)
    b = f.FigureFactory(
        indicator=trade,
        party=chn,
        partner=kaz,
        period_start=D(2021, 1, 1),
        period_end=D(2021, 12, 31),
    )
    c = f.FigureFactory(indicator=loans, party=chn, partner=uzb)

    def slugs(query: str) -> set[str]:
        response = client.get(f"/api/v1/figures/?{query}")
        assert response.status_code == 200, response.content
        return {r["slug"] for r in response.json()["results"]}

    assert slugs("indicator=trade") == {a.slug, b.slug}
    assert slugs("party=CHN") == {b.slug, c.slug}
    assert slugs("partner=kazakhstan") == {b.slug}
    assert slugs("involving=KAZ") == {a.slug, b.slug}
    assert slugs("between=CHN,KAZ") == {a.slug, b.slug}
    assert slugs("period_after=2022-01-01") == {a.slug, c.slug}
    assert slugs("period_before=2022-01-01") == {b.slug}
    assert slugs("indicator=trade&period_after=2022-01-01") == {a.slug}


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ("between=KAZ", "between", "two sides"),
        ("between=KAZ,XXX", "between", "XXX"),
        ("party=nowhere", "party", "nowhere"),
        ("period_after=2023-13-01", "period_after", "date"),
    ],
)
def test_a_bad_figures_filter_is_a_400_saying_what_was_wrong(client, pair, query, field, says):
    response = client.get(f"/api/v1/figures/?{query}")
    assert response.status_code == 400
    assert says.lower() in str(response.json()[field]).lower()


def test_the_figures_csv_has_one_row_per_figure_with_plain_values(client, pair):
    kaz, chn = pair
    trade = f.IndicatorFactory(slug="trade")
    f.FigureFactory(indicator=trade, party=kaz, partner=chn, value=Decimal("41e9"))
    response = client.get("/api/v1/figures/?indicator=trade&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["party"] == "Kazakhstan" and rows[0]["partner"] == "China"
    assert rows[0]["period"] == "2023" and Decimal(rows[0]["value"]) == Decimal("41e9")


def test_an_editor_writes_a_figure_through_the_api(client, pair, editor):
    trade = f.IndicatorFactory(slug="trade")
    client.force_login(editor)
    response = client.post(
        "/api/v1/figures/",
        {
            "indicator": "trade",
            "party": "kazakhstan",
            "partner": "china",
            "period_start": "2024-01-01",
            "period_end": "2024-03-31",
            "value": "9800000000",
            "unit": "USD",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["period"] == "Q1 2024" and body["status"] == "draft"
    assert body["slug"].startswith("indicator-")
    assert Figure.objects.get(slug=body["slug"]).indicator == trade
    bad = client.post(
        "/api/v1/figures/",
        {
            **{"indicator": "trade", "party": "kazakhstan", "partner": "kazakhstan"},
            **{"period_start": "2024-03-31", "period_end": "2024-01-01"},
            **{"value": "1", "unit": "USD"},
        },
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "period" in str(bad.json()).lower() and "partner" in str(bad.json()).lower()


def test_the_admin_makes_the_slug_of_a_figure(client, pair, editor):
    kaz, chn = pair
    trade = f.IndicatorFactory(name="Trade", slug="trade")
    client.force_login(editor)
    response = client.post(
        "/admin/events/figure/add/",
        {
            **{"indicator": trade.pk, "party": kaz.pk, "partner": chn.pk},
            **{"period_start": "2023-01-01", "period_end": "2023-12-31"},
            **{"value": "41000000000", "unit": "USD", "slug": "", "status": "draft"},
            "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
            "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    errors = response.context and response.context["adminform"].form.errors
    assert response.status_code == 302, errors
    assert Figure.objects.get().slug == "trade-kazakhstan-china-2023"
