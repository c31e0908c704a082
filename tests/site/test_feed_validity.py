"""The events feeds are valid Atom (RFC 4287, the rules the W3C feed validator applies): read by
feedparser without complaint, and every element the RFC requires present, checked one by one."""

import datetime
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/feeds/events/", "/feeds/events/KAZ/", "/feeds/events/kaz/"]
# RFC 3339 date-time, as RFC 4287 3.3 requires: a time zone, "T" between date and time
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE
)


@pytest.fixture
def feed_world(world):
    """One more event with a summary a feed reader must not take for markup."""
    f.EventFactory(
        title="Trade & transit talks",
        slug="trade-transit-talks",
        start_date=datetime.date(2024, 2, 1),
        host=world["kaz"],
        summary="Talks on <transit> & tariffs.",
    )
    return world


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content


def one(parent, name: str):
    found = parent.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{parent.tag} must have exactly one atom:{name}, has {len(found)}"
    return found[0]


def check_date(element) -> None:
    assert RFC3339.match(element.text or ""), f"{element.tag} {element.text!r} is not RFC 3339"


def check_iri(text: str | None) -> None:
    parts = urlsplit(text or "")
    assert parts.scheme and parts.netloc, f"{text!r} is not an absolute IRI"


def check_text_construct(element) -> None:
    assert element.get("type", "text") in ("text", "html", "xhtml"), element.get("type")


@pytest.mark.parametrize("url", FEEDS)
def test_feed_has_every_element_rfc_4287_requires(client, feed_world, url):
    feed = etree.fromstring(fetch(client, url))
    assert feed.tag == f"{ATOM}feed"
    check_iri(one(feed, "id").text)
    check_text_construct(one(feed, "title"))
    check_date(one(feed, "updated"))
    # 4.1.1: an author at feed level unless every entry has one; here the newsroom
    authors = feed.findall(f"{ATOM}author")
    assert authors, "the feed names no author"
    for author in authors:
        assert (one(author, "name").text or "").strip()
    links = feed.findall(f"{ATOM}link")
    [self_link] = [link for link in links if link.get("rel") == "self"]
    assert self_link.get("href") == f"http://testserver{url}"
    alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
    assert len(alternates) == 1  # at most one per type and language (4.1.1)
    check_iri(alternates[0].get("href"))

    entries = feed.findall(f"{ATOM}entry")
    assert entries, url
    ids = []
    for entry in entries:
        ids.append(one(entry, "id").text)
        check_iri(ids[-1])
        check_text_construct(one(entry, "title"))
        check_date(one(entry, "updated"))
        for published in entry.findall(f"{ATOM}published"):
            check_date(published)
        # 4.1.2: without content, an alternate link and a summary
        assert not entry.findall(f"{ATOM}content")
        [alternate] = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        check_iri(alternate.get("href"))
        check_text_construct(one(entry, "summary"))
    assert len(ids) == len(set(ids)), "entry ids repeat"


@pytest.mark.parametrize("url", FEEDS)
def test_feedparser_reads_the_feed_without_complaint(client, feed_world, url):
    parsed = feedparser.parse(fetch(client, url))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.author == "Caravan"
    assert parsed.feed.updated_parsed
    for entry in parsed.entries:
        assert entry.id and entry.link and entry.title and entry.updated_parsed


def test_the_author_is_the_configured_newsroom(client, feed_world, settings):
    settings.CARAVAN_SITE_NAME = "Caravan newsroom"
    parsed = feedparser.parse(fetch(client, "/feeds/events/CHN/"))
    assert parsed.feed.author == "Caravan newsroom"


def test_a_plain_text_summary_is_not_read_as_markup(client, feed_world):
    parsed = feedparser.parse(fetch(client, "/feeds/events/"))
    [entry] = [e for e in parsed.entries if "Trade & transit" in e.title]
    assert entry.summary_detail.type == "text/html"
    assert "&lt;transit&gt;" in entry.summary  # the words "<transit>", not a tag
