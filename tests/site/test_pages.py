"""The public pages as readers see them: content, citations, filters, and no draft anywhere."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db
DRAFT_WORDS = [
    "Secret Draftperson",
    "Hidden draft summit",
    "Draft treaty",
    "Unpublished draft report",
    "Secret words",
]


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def public_urls(world):
    w = world
    return [
        "/",
        "/events/",
        "/people/",
        "/organizations/",
        "/agreements/",
        "/sources/",
        w["meeting"].get_absolute_url(),
        w["talks"].get_absolute_url(),
        w["nurtleu"].get_absolute_url(),
        w["wang"].get_absolute_url(),
        w["kaz"].get_absolute_url(),
        w["chn"].get_absolute_url(),
        w["agreement"].get_absolute_url(),
        w["source"].get_absolute_url(),
        w["topic"].get_absolute_url(),
        "/search/?q=Chengdu",
        "/search/?q=secret",
        "/feeds/events/",
        "/feeds/events/KAZ/",
        "/events.ics",
        "/sitemap.xml",
        "/events/?country=KAZ",
        "/events/?year=2023",
        "/places/",
        w["chengdu"].get_absolute_url(),
        "/topics/",
        "/figures/",
        w["trade"].get_absolute_url(),
        "/relations/kazakhstan/china/",
        "/relations/china/turkmenistan/",
        "/feeds/",
        "/events.ics?country=KAZ",
    ]


def test_every_public_page_answers_and_leaks_no_draft(client, world):
    for url in public_urls(world):
        html = page(client, url)
        for word in DRAFT_WORDS:
            assert word not in html, (url, word)


@pytest.mark.parametrize("record", ["secret", "draft_event", "draft_agreement", "draft_source"])
def test_drafts_are_404_for_readers_and_previewable_by_staff(client, world, record, editor):
    url = world[record].get_absolute_url()
    page(client, url, status=404)
    client.force_login(f.UserFactory(username="reader", is_staff=False))
    page(client, url, status=404)
    client.force_login(editor)
    html = page(client, url)
    assert "Preview — this record is draft. Readers cannot see this page." in html
    assert 'name="robots" content="noindex"' in html
    assert "application/ld+json" not in html


def test_event_page_shows_what_readers_need(client, world):
    html = page(client, world["meeting"].get_absolute_url())
    assert "1 December 2023" in html
    assert "Chengdu" in html and "China" in html
    # participants grouped by the state they represent, labelled with that day's office
    participants = html[html.index('id="participants-heading"') :]
    assert participants.index(">China<") < participants.index("Wang Yi")
    assert participants.index("Wang Yi") < participants.index(">Kazakhstan<")
    assert participants.index(">Kazakhstan<") < participants.index("Murat Nurtleu")
    assert "Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan" in html
    assert "Nurtleu–Wang talks" in html  # sidelines
    assert "Joint Statement of the Fifth Meeting" in html
    assert "Transport" in html


def test_citations_are_numbered_and_disagreements_shown(client, world):
    html = page(client, world["meeting"].get_absolute_url())
    assert 'href="#note-1"' in html and 'id="note-2"' in html
    assert "“held in Chengdu on 1 December”" in html
    assert "Astana Times" in html
    assert "Where sources differ" in html
    assert "gives the date as “2 December 2023”" in html
    assert 'id="note-3"' not in html  # the draft source's citation is not shown


def test_person_page_lists_offices_events_and_signatures(client, world):
    html = page(client, world["nurtleu"].get_absolute_url())
    assert "3 April 2023" in html and "26 September 2025" in html
    assert "Fifth China–Central Asia Foreign Ministers" in html
    assert "Joint Statement of the Fifth Meeting" in html
    html = page(client, world["wang"].get_absolute_url())
    assert '<p class="native-name" lang="zh">王毅</p>' in html


def test_state_page_has_partner_chart_with_table(client, world):
    html = page(client, world["kaz"].get_absolute_url())
    assert "<svg" in html and 'role="img"' in html
    assert "With each partner, per year" in html
    china_row = r'<th scope="row"><a href="/relations/kazakhstan/china/">China</a></th><td>1</td>'
    assert re.search(china_row, html[html.index("Events with each partner") :])
    assert re.search(china_row, html[html.index("Agreements with each partner") :])


def test_agreement_page(client, world):
    html = page(client, world["agreement"].get_absolute_url())
    assert "Signed at" in html and "Kazakhstan" in html and "China" in html
    assert "Murat Nurtleu" in html


def test_source_page_lists_records_citing_it_but_not_its_text(client, world):
    html = page(client, world["source"].get_absolute_url())
    assert "Our summary of the Chengdu meeting." in html
    assert "Fifth China–Central Asia Foreign Ministers" in html
    assert "Murat Nurtleu attended" not in html


def test_event_list_filters(client, world):
    assert "Nurtleu–Wang talks" in page(client, "/events/?kind=talks")
    assert "Fifth China" not in page(client, "/events/?kind=talks")
    assert "Fifth China" in page(client, "/events/?country=CHN&year=2023")
    assert "Fifth China" not in page(client, "/events/?year=2020")
    assert "Fifth China" in page(client, "/events/?topic=transport")
    html = page(client, "/events/?country=XXX")
    assert "Select a valid choice" in html


def test_search_finds_aliases_and_handles_odd_queries(client, world):
    assert "Sadyr Japarov" in page(client, "/search/?q=zhaparov")
    assert "<mark>Zhaparov</mark>" in page(client, "/search/?q=zhaparov")
    assert "no letters or digits" in page(client, "/search/?q=%22%3B%27%29%28")
    assert "Only the beginning" in page(client, "/search/?q=" + "chengdu+" * 100)
    assert "Type a name" in page(client, "/search/")


def test_feed_lists_published_events_and_per_country(client, world):
    feed = ET.fromstring(client.get("/feeds/events/").content)
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("Fifth China" in t for t in titles)
    assert not any("Hidden draft" in t for t in titles)
    assert client.get("/feeds/events/XXX/").status_code == 404


def test_ics_calendar(client, world):
    body = client.get("/events.ics").content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20231201" in body
    assert "Hidden draft" not in body


def test_sitemap_index_and_sections_have_lastmod_and_only_published(client, world):
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index and "<lastmod>" in index
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    assert "/sitemap-event.xml" in sections and "/sitemap-person.xml" in sections
    body = "".join(client.get(url).content.decode() for url in sections)
    assert "/events/fifth-fm/" in body and "<lastmod>" in body
    assert "hidden-draft-summit" not in body and "secret-draftperson" not in body


def test_cached_feeds_change_as_soon_as_a_record_is_published(client, world, editor):
    from cmsproject.editorial import actions

    assert "Hidden draft summit" not in client.get("/feeds/events/").content.decode()
    assert "Hidden draft summit" not in client.get("/events.ics").content.decode()
    actions.publish(obj=world["draft_event"], user=editor)
    assert "Hidden draft summit" in client.get("/feeds/events/").content.decode()
    assert "Hidden draft summit" in client.get("/events.ics").content.decode()
    assert "<strong>3</strong> events" in client.get("/").content.decode()


def test_json_ld_and_canonical_on_detail_pages(client, world):
    html = page(client, world["meeting"].get_absolute_url())
    assert '<link rel="canonical" href="http://testserver/events/fifth-fm/">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event" and data["startDate"] == "2023-12-01"
    assert [p["name"] for p in data["attendee"]] == ["Wang Yi", "Murat Nurtleu"]


def test_home_page_counts_only_published(client, world):
    html = page(client, "/")
    assert "<strong>3</strong> people" in html  # not the draft person
    assert "<strong>2</strong> events" in html


def test_styled_404(client, db):
    html = page(client, "/events/no-such-event/", status=404)
    assert "Page not found" in html and "Skip to content" in html


def test_robots_and_healthz(client, db):
    assert "Sitemap: http://testserver/sitemap.xml" in page(client, "/robots.txt")
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
