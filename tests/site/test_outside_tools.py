"""The tools an integrator points at Caravan, reading a running instance over HTTP: four
iCalendar libraries read /events.ics, the sitemaps.org schemas validate the sitemaps, extruct
and pyld read every public page's JSON-LD as schema.org. The data is the demo dataset plus
records with the text that breaks naive writers (commas, semicolons, newlines, long lines
in two scripts) and drafts that must show nowhere."""

from __future__ import annotations

import datetime
import re
import urllib.error
import urllib.request
import warnings
from decimal import Decimal
from pathlib import Path

import extruct
import icalendar
import ics
import pytest
import vobject
import xmlschema
from django.core.cache import cache
from ical.calendar_stream import IcsCalendarStream

from cmsproject.editorial.dates import day_after
from cmsproject.editorial.sitemaps import PublishedSitemap
from cmsproject.ops.demo import load_demo
from events import selectors
from events.models import Event, Organization, Participation
from sources.models import Citation
from tests import factories as f
from tests.site import schemaorg

pytestmark = pytest.mark.django_db(transaction=True)

XSD = Path(__file__).resolve().parents[1] / "data" / "xsd"
D = datetime.date
TIMEOUT = 20  # seconds for one request to the live server
# Text a writer must escape, fold or normalise: , ; \ and newlines of three kinds, and lines
# far past 75 octets in Cyrillic and Chinese (2 and 3 octets a character).
TRICKY_TITLE = "Talks on water, energy; and trade\nwith a backslash \\ in Astana"
TRICKY_SUMMARY = (
    "First line, with a comma; and a semicolon.\r\nSecond line\rThird line\n"
    + "Переговоры о воде и энергетике, 水资源与能源会谈; " * 6
)
DRAFT_NAMES = ["Unlisted Draft Summit", "Hidden Draft Minister", "Atlantis Draftland"]
DRAFT_SLUGS = ["unlisted-draft-summit", "hidden-draft-minister", "atlantis-draftland"]


def get(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET, as any HTTP client sees them."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.fixture
def site(live_server):
    """The demo dataset, the tricky records and the drafts, served by a live server."""
    load_demo()
    kaz = Organization.objects.get(iso_code="KAZ")
    draft_state = f.StateFactory(
        name="Atlantis Draftland", slug="atlantis-draftland", iso_code="ATD", status="draft"
    )
    hidden_place = f.PlaceFactory(name="Port Quiet", slug="port-quiet", country=draft_state)
    tricky = f.EventFactory(
        title=TRICKY_TITLE,
        slug="tricky-talks",
        summary=TRICKY_SUMMARY,
        start_date=D(2024, 5, 30),
        end_date=D(2024, 6, 2),
        host=kaz,
        place=hidden_place,  # published, in a draft state: the state must not show
    )
    minister = f.PersonFactory(
        name="Hidden Draft Minister", slug="hidden-draft-minister", country=kaz, status="draft"
    )
    Participation.objects.create(event=tricky, person=minister, representing=draft_state)
    aida = f.PersonFactory(name="Aida Open", slug="aida-open", country=kaz)
    Participation.objects.create(event=tricky, person=aida, representing=kaz)
    f.EventFactory(
        title="Unlisted Draft Summit", slug="unlisted-draft-summit", status="draft", host=kaz
    )
    # known only to the month: the calendar spans December, JSON-LD says "2022-12"
    month = f.EventFactory(
        title="Consultations in Beijing",
        slug="consultations-in-beijing",
        start_date=D(2022, 12, 1),
        date_precision="month",
        host=kaz,
    )
    f.StateFactory(name="Quietland", slug="quietland", iso_code="QTL")  # no events at all
    cache.clear()  # pages cached while loading would predate the records
    return {"url": live_server.url, "tricky": tricky, "kaz": kaz, "aida": aida, "month": month}


# ---- iCalendar ----------------------------------------------------------------------------


def _read_with_icalendar(body: str) -> list[dict]:
    return [
        {
            "url": str(e["URL"]),
            "uid": str(e["UID"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "stamp": e.decoded("DTSTAMP"),
            "summary": str(e["SUMMARY"]),
            "description": str(e.get("DESCRIPTION", "")),
        }
        for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
    ]


def _read_with_ics(body: str) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ics-py warns of changes in its next version
        events = ics.Calendar(body).events
    rows = []
    for e in events:
        assert e.all_day, e.name  # ics-py's word for DATE values
        rows.append(
            {
                "url": e.url,
                "uid": e.uid,
                "start": e.begin.date(),
                "end": e.end.date(),
                "stamp": e.created,  # ics-py reads DTSTAMP as "created"
                "summary": e.name,
                "description": e.description or "",
            }
        )
    return rows


def _read_with_vobject(body: str) -> list[dict]:
    calendar = vobject.readOne(body)
    return [
        {
            "url": e.url.value,
            "uid": e.uid.value,
            "start": e.dtstart.value,
            "end": e.dtend.value,
            "stamp": e.dtstamp.value,
            "summary": e.summary.value,
            "description": e.description.value if hasattr(e, "description") else "",
        }
        for e in calendar.contents.get("vevent", [])
    ]


def _read_with_ical(body: str) -> list[dict]:
    return [
        {
            "url": e.url,
            "uid": e.uid,
            "start": e.dtstart,
            "end": e.dtend,
            "stamp": e.dtstamp,
            "summary": e.summary,
            "description": e.description or "",
        }
        for e in IcsCalendarStream.calendar_from_ics(body).events
    ]


READERS = {
    "icalendar": _read_with_icalendar,
    "ics": _read_with_ics,
    "vobject": _read_with_vobject,
    "ical": _read_with_ical,
}


def _expected(events, base: str) -> dict[str, dict]:
    """What a calendar program should show for each event, by the event's page."""
    expected = {
        base + e.get_absolute_url(): {
            "start": e.start_date,
            "end": day_after(e.end_date or e.start_date),  # DTEND: the day after the last
            "summary": e.title,
            "description": e.summary.replace("\r\n", "\n").replace("\r", "\n"),
        }
        for e in events
    }
    month = base + "/events/consultations-in-beijing/"
    if month in expected:  # "December 2022": the whole month, not 1 December
        expected[month]["end"] = D(2023, 1, 1)
    return expected


def _calendar(url: str) -> str:
    status, kind, body = get(url)
    assert status == 200, url
    assert kind == "text/calendar; charset=utf-8"
    return body.decode("utf-8")


def _check_calendar(body: str, expected: dict[str, dict]) -> dict[str, dict[str, str]]:
    """Each library reads every expected event, with the same dates and text; the UIDs each
    library read, by event page."""
    uids = {}
    for name, read in READERS.items():
        rows = read(body)
        got = {row["url"]: row for row in rows}
        assert len(got) == len(rows), f"{name}: an event listed twice"
        assert set(got) == set(expected), name
        for url, want in expected.items():
            row = got[url]
            for key in ("start", "end"):  # all-day events: DATE values, not times
                assert type(row[key]) is datetime.date, (name, url, key, row[key])
            assert {k: row[k] for k in want} == want, (name, url)
            assert row["stamp"], (name, url)
        uids[name] = {url: row["uid"] for url, row in got.items()}
    assert all(u == uids["icalendar"] for u in uids.values()), "libraries read different UIDs"
    assert len(set(uids["icalendar"].values())) == len(expected), "UIDs are not unique"
    return uids["icalendar"]


def test_four_calendar_libraries_read_every_event_with_its_dates_and_text(site):
    base = site["url"]
    body = _calendar(base + "/events.ics")
    uids = _check_calendar(body, _expected(Event.objects.published(), base))
    assert not any(word in body for word in DRAFT_NAMES + DRAFT_SLUGS)
    assert "Atlantis" not in body  # the tricky event's place is in a draft state
    # the same event keeps its UID when the calendar is drawn again after an edit elsewhere
    f.EventFactory(title="A later meeting", slug="a-later-meeting", start_date=D(2025, 1, 9))
    again = _calendar(base + "/events.ics")
    assert "A later meeting" in again
    assert _read_with_icalendar(again)  # still readable
    assert (
        uids.items() <= _check_calendar(again, _expected(Event.objects.published(), base)).items()
    )


def test_calendar_lines_are_folded_at_75_octets_on_character_boundaries(site):
    raw = _calendar(site["url"] + "/events.ics").encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert not [line for line in lines if b"\n" in line or b"\r" in line], "bare line breaks"
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character's octets
    continued = [line for line in lines if line.startswith(b" ")]
    assert any("Переговоры".encode() in line or "能源".encode() in line for line in continued)
    # the DTSTAMP of every event is a UTC time
    stamps = [line for line in lines if line.startswith(b"DTSTAMP:")]
    assert stamps and all(re.fullmatch(rb"DTSTAMP:\d{8}T\d{6}Z", s) for s in stamps)


def test_calendar_of_one_state_has_exactly_its_events(site):
    base = site["url"]
    for code in ["KAZ", "CHN", "kaz"]:
        state = Organization.objects.get(iso_code=code.upper())
        events = selectors.involving_state(selectors.event_list(), state.iso_code)
        assert events.exists()
        body = _calendar(f"{base}/events.ics?country={code}")
        _check_calendar(body, _expected(events, base))
        assert f"X-WR-CALNAME:Caravan: {state.name}" in body


def test_calendar_of_a_state_without_events_is_an_empty_valid_calendar(site):
    body = _calendar(site["url"] + "/events.ics?country=QTL")
    assert _check_calendar(body, {}) == {}


def test_calendar_of_an_unknown_or_draft_state_is_a_400_that_says_why(site):
    for code in ["XYZ", "ATD"]:
        status, kind, body = get(f"{site['url']}/events.ics?country={code}")
        assert status == 400 and kind.startswith("text/plain")
        assert f"“{code}”" in body.decode() and "KAZ" in body.decode()


# ---- Sitemaps -----------------------------------------------------------------------------


def _sitemap_pages(base: str) -> list[str]:
    """Every <loc> of every section of the index, each section and the index valid against
    the sitemaps.org schemas."""
    index_schema = xmlschema.XMLSchema(XSD / "siteindex.xsd")
    section_schema = xmlschema.XMLSchema(XSD / "sitemap.xsd")
    status, kind, body = get(base + "/sitemap.xml")
    assert status == 200 and kind.startswith("application/xml")
    index_schema.validate(body.decode())
    sections = index_schema.to_dict(body.decode())["sitemap"]
    pages = []
    for section in sections:
        assert section["loc"].startswith(base + "/sitemap-"), section
        status, _, part = get(section["loc"])
        assert status == 200, section["loc"]
        section_schema.validate(part.decode())
        pages += [url["loc"] for url in section_schema.to_dict(part.decode())["url"]]
    return pages


def test_sitemaps_are_valid_and_every_page_they_list_answers(site):
    base = site["url"]
    pages = _sitemap_pages(base)
    assert len(pages) == len(set(pages))
    assert base + site["tricky"].get_absolute_url() in pages
    assert base + site["kaz"].get_absolute_url() in pages
    assert not [p for p in pages if any(slug in p for slug in DRAFT_SLUGS)]
    for page in pages:
        assert get(page)[0] == 200, page


def test_a_sitemap_split_into_parts_stays_valid_and_complete(site, monkeypatch):
    whole = _sitemap_pages(site["url"])
    monkeypatch.setattr(PublishedSitemap, "limit", 4)  # the live server runs in this process
    cache.clear()
    parts = _sitemap_pages(site["url"])
    assert sorted(parts) == sorted(whole)
    index = get(site["url"] + "/sitemap.xml")[2]
    assert "sitemap-event.xml?p=2" in index.decode()


# ---- JSON-LD ------------------------------------------------------------------------------


def _page_types(site) -> dict[str, str]:
    """One page of each public kind, with its address."""
    kaz, demo = site["kaz"], Organization.objects.published()
    source = f.SourceFactory(
        title="Report, with commas; and more",
        slug="a-report",
        body="The talks were held in Astana.",
        url="https://example.org/report",
        outlet=f.OutletFactory(name="Kabar"),
    )
    Citation.objects.create(source=source, record=site["tricky"], excerpt="held in Astana")
    indicator = f.IndicatorFactory(name="Trade turnover", slug="trade-turnover")
    chn = demo.get(iso_code="CHN")
    f.FigureFactory(indicator=indicator, party=kaz, partner=chn, value=Decimal("41000000000"))
    f.PersonAliasFactory(person=site["aida"], name="Aida Ashyq")
    cache.clear()
    event = Event.objects.published().filter(participations__isnull=False).first()
    return {
        "home": "/",
        "event": site["tricky"].get_absolute_url(),
        "event with participants": event.get_absolute_url(),
        "online event": Event.objects.published().filter(is_online=True)[0].get_absolute_url(),
        "person": Participation.objects.filter(event=event)[0].person.get_absolute_url(),
        "state": kaz.get_absolute_url(),
        "organization": demo.exclude(kind="state")[0].get_absolute_url(),
        "agreement": f.AgreementFactory(
            title="Water; energy, trade", text_url="https://example.org/text"
        ).get_absolute_url(),
        "place": site["tricky"].place.get_absolute_url(),
        "source": source.get_absolute_url(),
        "topic": f.TopicFactory(name="Water, energy").get_absolute_url(),
        "figure": indicator.get_absolute_url(),
        "relation": f"/relations/{kaz.slug}/{chn.slug}/",
    }


def _json_ld(url: str) -> tuple[list[dict], str]:
    status, _, body = get(url)
    assert status == 200, url
    html = body.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    items = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    return items, canonical.group(1) if canonical else url


def test_every_public_page_type_describes_itself_in_schema_org_terms(site):
    found = {}
    for kind, path in _page_types(site).items():
        items, canonical = _json_ld(site["url"] + path)
        assert len(items) == 1, f"{kind}: {len(items)} JSON-LD blocks"
        (item,) = items
        assert item["@context"] == "https://schema.org", kind
        assert item["url"] == canonical, kind  # the record's one address
        expanded = schemaorg.expand(item)
        assert expanded, f"{kind}: nothing left after expansion"
        found[kind] = [p for node in expanded for p in schemaorg.problems(node, kind)]
        text = str(item)
        assert not [w for w in DRAFT_NAMES + DRAFT_SLUGS if w in text], (kind, text)
    assert found == {kind: [] for kind in found}


def test_json_ld_keeps_the_text_and_accepts_same_as(site):
    items, _ = _json_ld(site["url"] + site["tricky"].get_absolute_url())
    assert items[0]["name"] == TRICKY_TITLE and items[0]["description"] == TRICKY_SUMMARY
    assert [a["name"] for a in items[0]["attendee"]] == ["Aida Open"]
    month, _ = _json_ld(site["url"] + site["month"].get_absolute_url())
    assert month[0]["startDate"] == "2022-12"  # as precise as it is known
    # sameAs (external identifiers) is schema.org's own: the checks pass it
    with_same_as = dict(items[0], sameAs=["https://www.wikidata.org/wiki/Q1"])
    assert [p for n in schemaorg.expand(with_same_as) for p in schemaorg.problems(n)] == []
    wrong = dict(items[0], delegations=3, location="Astana")
    assert schemaorg.problems(schemaorg.expand(wrong)[0]) == [
        "/Event: http://schema.org/delegations is not a schema.org property"
    ]
