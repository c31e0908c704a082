"""An editor in a real browser: creates, links, cites, publishes, withdraws."""

import pytest
from playwright.sync_api import expect

from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def choose(page, container, typed, option):
    """Type ``typed`` in the admin's autocomplete widget inside ``container``, pick ``option``."""
    container.locator(".select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_editor_publishes_then_withdraws_an_event(page, browser, live_server, db):
    editor = f.editor(username="edith")
    f.SourceFactory(
        title="Ministers meet in Chengdu", body="The meeting was held in Chengdu on 1 December."
    )
    assert editor.check_password("correct-horse-battery")

    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("edith")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()

    # a person with an alias
    page.goto(live_server.url + "/admin/events/person/add/")
    page.locator("#id_name").fill("Aidarbek Testov")
    page.get_by_text("Add another Person alias").click()
    page.locator("#id_aliases-0-name").fill("Aydarbek Testow")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was published: readers see it now")

    # an event with that person and a citation
    page.goto(live_server.url + "/admin/events/event/add/")
    page.locator("#id_title").press_sequentially("Testov visits Chengdu")
    assert page.locator("#id_slug").input_value() == "testov-visits-chengdu"  # prefilled
    page.locator("#id_kind").select_option("official_visit")
    page.locator("#id_start_date").fill("2023-12-01")
    page.get_by_text("Add another Participation").click()
    choose(
        page, page.locator("#participations-0"), "Testow", "Aidarbek Testov"
    )  # found by its alias
    page.get_by_text("Add another Citation").click()
    choose(
        page,
        page.locator("[id$='citation-content_type-object_id-0']"),
        "Ministers",
        "Ministers meet in Chengdu",
    )
    page.locator("textarea[name$='citation-content_type-object_id-0-excerpt']").fill(
        "held in Chengdu on 1 December"
    )
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was published: readers see it now")

    page.goto(live_server.url + "/events/testov-visits-chengdu/")
    assert page.get_by_role("heading", level=1).inner_text() == "Testov visits Chengdu"
    assert page.get_by_role("link", name="Aidarbek Testov").is_visible()
    assert "“held in Chengdu on 1 December”" in page.content()

    # withdraw with the bulk action, and the page is gone
    page.goto(live_server.url + "/admin/events/event/")
    page.locator("input.action-select").first.check()
    page.locator("select[name=action]").select_option("withdraw")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("1 events withdrawn.")
    page.goto(live_server.url + "/events/testov-visits-chengdu/")
    expect(page.locator(".preview-banner")).to_contain_text("this record is withdrawn")
    reader = browser.new_context().new_page()
    response = reader.goto(live_server.url + "/events/testov-visits-chengdu/")
    assert response.status == 404
    assert "Page not found" in reader.content()
    reader.context.close()
