"""The editor's journey, in a browser: import an article, create the event it reports from it,
submit it, comment, publish, see it on the site — in at most 10 page loads, nothing copied by
hand."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from cmsproject.ops.worker import run_due_tasks
from events.linking.index import invalidate
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Written for this test (the seeds' text never enters the project).
ARTICLE = """China and Kyrgyzstan agree to speed up the railway

Wang Yi held talks with Jeenbek Kulubaev in Bishkek on 13 May 2025.
The ministers discussed the China–Kyrgyzstan–Uzbekistan railway and trade.
"""


@pytest.fixture
def cast(db):
    invalidate()
    china = f.StateFactory(name="China", iso_code="CHN")
    kyrgyzstan = f.StateFactory(name="Kyrgyzstan", iso_code="KGZ")
    wang = f.PersonFactory(name="Wang Yi", slug="wang-yi")
    kulubaev = f.PersonFactory(name="Jeenbek Kulubaev", slug="jeenbek-kulubaev")
    f.PositionFactory(person=wang, organization=china, role="minister", title="Foreign Minister")
    f.PositionFactory(
        person=kulubaev, organization=kyrgyzstan, role="minister", title="Foreign Minister"
    )
    f.PlaceFactory(name="Bishkek", slug="bishkek", country=kyrgyzstan)
    yield
    invalidate()


def test_from_an_imported_article_to_a_published_event(
    page, live_server, superuser, cast, tmp_path
):
    client = Client()
    client.force_login(superuser)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.on("dialog", lambda dialog: pytest.fail(f"unexpected dialog: {dialog.message}"))

    page.goto(live_server.url + "/admin/")  # the desk
    page.get_by_role("link", name=re.compile("Import articles", re.I)).first.click()
    article = tmp_path / "kyrgyzstan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(article))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_contain_text("Waiting for a worker")
    run_due_tasks()  # the worker; the import's page reloads itself until the report is there
    expect(page.get_by_text("1 created")).to_be_visible(timeout=10_000)
    page.get_by_role("link", name="China and Kyrgyzstan agree to speed up the railway").click()

    # the summary typed here is saved on the way to the event form
    page.locator("#id_summary").fill("Wang Yi and Jeenbek Kulubaev talked about the railway.")
    page.get_by_role("button", name="Save and create event from this source").click()
    expect(page.locator(".messagelist")).to_contain_text("Filled from")
    assert page.locator("#id_title").input_value() == (
        "Talks between Wang Yi and Jeenbek Kulubaev in Bishkek"
    )
    assert page.locator("#id_start_date").input_value() == "2025-05-13"
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("was submitted for review")

    # a comment, posted without leaving the page
    page.locator("#comment-text").fill("Checked against the ministry's release.")
    page.locator("#comments").get_by_role("button", name="Post comment").click()
    expect(page.locator("#comments")).to_contain_text("Checked against the ministry's release.")

    # publishing asks about the draft source it cites, and publishes both
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".publish-check")).to_contain_text("China and Kyrgyzstan agree")
    page.get_by_role("button", name=re.compile(r"^Publish all \d+ together$")).click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    page.get_by_role("link", name="View on site").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Talks between Wang Yi and Jeenbek Kulubaev in Bishkek"
    )
    expect(page.get_by_role("link", name="Jeenbek Kulubaev")).to_be_visible()
    assert "Wang Yi held talks with Jeenbek Kulubaev in Bishkek on 13 May 2025." in page.content()
    assert len(loads) <= 10, loads


def test_deciding_on_a_suggestion_keeps_what_is_typed(page, live_server, superuser, cast):
    from events.linking.service import link_source

    source = f.SourceFactory(
        title="Talks in Bishkek", body=ARTICLE.split("\n", 2)[2], status="draft", summary=""
    )
    link_source(source)
    client = Client()
    client.force_login(superuser)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(f"{live_server.url}/admin/sources/source/{source.pk}/change/")
    page.locator("#id_summary").fill("Typed, not saved yet.")
    found = page.locator("td.field-found", has_text="Jeenbek Kulubaev")
    row = page.locator("tr", has=found)
    row.get_by_role("button", name="Accept").click()
    expect(row.locator("[data-replace]")).to_have_text("Accepted")
    expect(page.locator(".messagelist")).to_contain_text("Accepted")
    assert page.locator("#id_summary").input_value() == "Typed, not saved yet."
    assert len(loads) == 1  # answered in place
