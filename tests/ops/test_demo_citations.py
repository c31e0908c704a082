"""The demo's published events and agreements each rest on published sources, fact by fact."""

import re

import pytest

from cmsproject.ops.demo.sources import CITATIONS, SOURCES
from events.models import Agreement, Event
from sources.models import Citation

pytestmark = pytest.mark.django_db

SUMMITS = ["first-china-central-asia-summit", "second-china-central-asia-summit"]


@pytest.fixture
def demo(demo_data, db):
    """The demo data (loaded once for this module: every test here only reads)."""


def published_claims(record) -> list[str]:
    """The claims of the citations a reader sees on the record's page."""
    citations = Citation.objects.for_object(record).published_sources()
    return list(citations.values_list("claim", flat=True))


def test_every_published_event_and_agreement_cites_a_published_source(demo):
    records = [*Event.objects.published(), *Agreement.objects.published()]
    assert {"second-china-central-asia-summit", "xian-declaration"} <= {r.slug for r in records}
    unsourced = [r.slug for r in records if not published_claims(r)]
    assert unsourced == []


def test_every_published_event_has_its_date_cited(demo):
    undated = [e.slug for e in Event.objects.published() if "start_date" not in published_claims(e)]
    assert undated == []


def test_every_published_agreement_has_its_signing_date_cited(demo):
    undated = [
        a.slug for a in Agreement.objects.published() if "signed_on" not in published_claims(a)
    ]
    assert undated == []


@pytest.mark.parametrize("slug", SUMMITS)
def test_summit_page_shows_a_numbered_note_next_to_its_date(demo, client, slug):
    summit = Event.objects.get(slug=slug)
    page = client.get(summit.get_absolute_url()).content.decode()
    when = re.search(r"<dd><time [^>]*>.*?</dd>", page, re.S).group()
    marker = re.search(r'href="#note-(\d+)"', when)
    assert marker, f"no numbered note next to the date: {when}"
    note = re.search(rf'<li id="note-{marker.group(1)}">.*?</li>', page, re.S).group()
    assert "Ministry of Foreign Affairs" in note


def test_treaty_page_shows_numbered_notes_next_to_date_parties_and_signatories(demo, client):
    treaty = Agreement.objects.get(
        slug="treaty-on-permanent-good-neighbourliness-friendship-and-cooperation"
    )
    page = client.get(treaty.get_absolute_url()).content.decode()
    signed = re.search(r"<dt>Signed</dt><dd>.*?</dd>", page, re.S).group()
    parties = re.search(r"<dt>Parties</dt><dd>.*?</dd>", page, re.S).group()
    signatories = re.search(r'<h2 id="signatories-heading">.*?</h2>', page, re.S).group()
    for fact in (signed, parties, signatories):
        assert 'href="#note-' in fact


def test_every_citation_quotes_demo_text_of_a_listed_source():
    bodies = {s["slug"]: s["body"] for s in SOURCES}
    assert all(body.startswith("Demo text written for Caravan.") for body in bodies.values())
    assert {source for source, *_ in CITATIONS} <= set(bodies)
