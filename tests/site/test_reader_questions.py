"""A reader's four questions, each answered within two clicks of the home page (demo data)."""

from __future__ import annotations

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo data (loaded once for this module: every test here only reads)."""


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def click(client, html: str, text: str) -> str:
    """Follow the first link whose text is ``text`` (one click)."""
    for href, inner in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.S):
        if unescape(re.sub(r"<[^>]+>", "", inner)).strip() == text:
            return get(client, unescape(href))
    raise AssertionError(f"no link “{text}”")


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_when_did_xi_jinping_last_meet_the_kazakh_president(client, demo):
    relation = click(client, get(client, "/"), "Kazakhstan and China")
    first = relation[relation.index('class="event-item"') :]
    first = first[: first.index("</li>")]
    assert "Second China–Central Asia Summit" in first
    assert "16 June 2025" in first
    assert "Xi Jinping" in first and "Kassym-Jomart Tokayev" in first


def test_which_agreements_did_kazakhstan_sign_with_china_in_2023(client, demo):
    relation = click(client, get(client, "/"), "Kazakhstan and China")
    year = section(relation, "year-2023")
    assert "Xi&#x27;an Declaration of the China–Central Asia Summit" in year
    assert "Treaty on Permanent Good-Neighbourliness" not in year  # signed in 2025


def test_who_was_turkmenistans_foreign_minister_in_2022(client, demo):
    state = click(client, get(client, "/"), "Turkmenistan")
    holders = section(state, "holders-heading")
    ministers = holders[holders.index("<h3>Foreign minister</h3>") :]
    ministers = ministers[: ministers.index("</ul>")]
    assert "Rashid Meredov" in ministers
    term = re.search(r"Rashid Meredov</a>, [^<]*<span class=\"meta\">([^<]*)</span>", ministers)
    start, end = term.group(1).split(" – ")
    assert int(start[-4:]) <= 2022 and (end == "today" or int(end[-4:]) >= 2022)


def test_what_did_sources_say_about_trade_volume(client, demo):
    figures = click(client, get(client, "/"), "Bilateral trade turnover")
    assert "$41.0 bn" in figures and "$36.5 bn" in figures
    row = figures[figures.index('id="figure-trade-kazakhstan-china-2023"') :]
    note = re.search(r'href="#(note-\d+)"', row[: row.index("</tr>")]).group(1)
    cited = figures[figures.index(f'id="{note}"') :]
    assert "trade with China reached $41 bn in 2023" in cited[: cited.index("</li>")]
    assert "Download every figure (CSV)" in figures


def test_the_events_list_counts_its_events_and_groups_them_by_year(client, demo):
    html = get(client, "/events/")
    assert re.search(r'role="status">11 events<', html)
    years = re.findall(r'<h2 id="year-(\d{4})">', html)
    assert years == sorted(years, reverse=True) and len(years) == len(set(years))
    assert "Ministerial meeting" in html  # the kind of each event


def test_each_state_has_its_own_feed_and_calendar(client, demo):
    state = get(client, "/organizations/turkmenistan/")
    assert 'href="/feeds/events/TKM/"' in state and 'href="/events.ics?country=TKM"' in state
    everything = get(client, "/events.ics").count("BEGIN:VEVENT")
    turkmen = get(client, "/events.ics?country=TKM")
    assert 0 < turkmen.count("BEGIN:VEVENT") < everything
    assert "X-WR-CALNAME:Caravan: Turkmenistan" in turkmen
    bad = client.get("/events.ics?country=ATL")
    assert bad.status_code == 400 and "ATL" in bad.content.decode()
    assert "Google Calendar" in click(client, state, "how to subscribe")


def test_search_for_trade_volume_finds_the_figures(client, demo):
    results = get(client, "/search/?q=trade+volume")
    assert 'href="/figures/bilateral-trade-turnover/"' in results
    figures = click(client, results, "Bilateral trade turnover")
    assert "$41.0 bn" in figures
