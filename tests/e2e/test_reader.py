"""A reader in a real browser: follows records, filters, searches; pages pass axe-core."""

import json

import pytest
from django.core.management import call_command

from tests.quality import AXE_JS, require
from tests.site.conftest import world  # noqa: F401  (the same published world)
from tests.site.test_pages import public_urls

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_reader_goes_from_home_to_a_source(page, live_server, world):  # noqa: F811
    page.goto(live_server.url)
    page.get_by_role(
        "link", name="Fifth China–Central Asia Foreign Ministers' Meeting"
    ).first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Fifth China")
    page.get_by_role("link", name="Murat Nurtleu").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Murat Nurtleu"
    page.get_by_role("link", name="Joint Statement of the Fifth Meeting").click()
    assert "Signatories" in page.content()
    page.goto(live_server.url + world["meeting"].get_absolute_url())
    page.get_by_role("link", name="Ministers meet in Chengdu").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ministers meet in Chengdu"
    assert "Records that cite this source" in page.content()


def test_reader_filters_events_by_country_and_year(page, live_server, world):  # noqa: F811
    page.goto(live_server.url + "/events/")
    page.get_by_label("Country").select_option("CHN")
    page.get_by_label("Year").fill("2023")
    page.get_by_role("button", name="Filter").click()
    assert "country=CHN" in page.url and "year=2023" in page.url
    assert page.get_by_role("link", name="Fifth China–Central Asia Foreign Ministers' Meeting")
    page.get_by_label("Year").fill("2019")
    page.get_by_role("button", name="Filter").click()
    assert "No published event matches" in page.content()


def test_reader_searches_by_an_alias(page, live_server, world):  # noqa: F811
    page.goto(live_server.url)
    page.get_by_role("searchbox", name="Search Caravan").fill("Zhaparov")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Sadyr Japarov").is_visible()


def every_page_type(world) -> list[str]:  # noqa: F811
    """One address of each kind of public HTML page (the site tests' list, less the feeds,
    calendar and sitemap a browser would download), and a 404."""
    machine = ("/feeds/events/", ".ics", ".xml")
    pages = [u for u in public_urls(world) if not any(m in u for m in machine)]
    return [*pages, "/events/no-such/"]


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_scrolls_sideways(browser, live_server, world, width):  # noqa: F811
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        wide = []
        for url in every_page_type(world):
            page.goto(live_server.url + url)
            overflow = page.evaluate("document.documentElement.scrollWidth")
            if overflow > width:
                wide.append(f"{url}: {overflow}px")
        assert wide == [], f"pages wider than a {width} px screen"
    finally:
        context.close()


def test_the_demo_pages_fit_a_phone(browser, live_server):
    """The demo data has more years, states and figures than the small world: wide tables
    must scroll inside their box, never the page."""
    call_command("demo", verbosity=0)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        wide = []
        for url in [
            "/",
            "/events/",
            "/organizations/kazakhstan/",
            "/organizations/china/",
            "/relations/kazakhstan/china/",
            "/events/sixth-china-central-asia-foreign-ministers-meeting/",
            "/figures/bilateral-trade-turnover/",
            "/places/",
            "/search/?q=trade",
        ]:
            page.goto(live_server.url + url)
            overflow = page.evaluate("document.documentElement.scrollWidth")
            if overflow > 390:
                wide.append(f"{url}: {overflow}px")
        assert wide == []
    finally:
        context.close()


def test_pages_work_without_javascript_on_a_phone(browser, live_server, world):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/events/")
        page.get_by_label("Kind").select_option("talks")
        page.get_by_role("button", name="Filter").click()
        assert "kind=talks" in page.url
    finally:
        context.close()


def test_no_serious_accessibility_violations(page, live_server, world):  # noqa: F811
    require(AXE_JS, "npm install")
    axe = AXE_JS.read_text()
    problems = []
    for url in every_page_type(world):
        page.goto(live_server.url + url)
        page.evaluate(axe)  # not a <script> tag: the Content-Security-Policy refuses inline ones
        result = page.evaluate("async () => JSON.stringify(await axe.run())")
        for v in json.loads(result)["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append(
                    f"{url}: {v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
                )
    assert problems == []
