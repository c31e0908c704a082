"""The Content-Security-Policy in a real browser: pages work and the browser refuses nothing.

Chromium reports every refusal twice: a console error ("Refused to …", "… violates the
following Content Security Policy directive …") and a ``securitypolicyviolation`` event, which
an init script (run by the browser, not by the page, so outside the policy) records.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cmsproject.ops.worker import run_due_tasks
from tests.site.conftest import world  # noqa: F401  (the same published world)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""

ARTICLE = (
    "Ministers meet again in Chengdu\n\n"
    "Foreign Minister Wang Yi received Murat Nurtleu in Chengdu on Friday for talks on transport "
    "corridors, trade and water. The two ministers discussed the railway across the Caspian "
    "Sea, new border crossings and the customs rules that slow freight between the two "
    "countries. They agreed that their deputies would meet again before the summer and that "
    "a joint working group would report on the corridor by the end of the year. Both sides "
    "called the meeting constructive and said that trade had grown in the first half.\n"
)


class Refusals:
    """Every CSP refusal the browser reports while a test drives the page."""

    def __init__(self, page):
        self.page = page
        self.found: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message) -> None:
        text = message.text
        if text.startswith("Refused to") or "Content Security Policy" in text:
            self.found.append(f"{self.page.url}: {text}")

    def settle(self) -> None:
        """Wait until the page is idle, then collect what it recorded."""
        self.page.wait_for_load_state("networkidle")
        self.found += self.page.evaluate("window.__cspViolations || []")
        self.page.evaluate("window.__cspViolations = []")

    def visit(self, url: str) -> None:
        self.page.goto(url)
        self.settle()


def test_public_pages_run_under_the_policy(page, live_server, world):  # noqa: F811
    refusals = Refusals(page)
    refusals.visit(live_server.url + "/")
    assert page.locator("svg.chart").count() > 0  # the chart and its legend swatches
    refusals.visit(live_server.url + world["meeting"].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fifth China")
    page.get_by_role("searchbox", name="Search Caravan").fill("Zhaparov")
    page.get_by_role("button", name="Search").click()
    refusals.settle()
    expect(page.get_by_role("link", name="Sadyr Japarov")).to_be_visible()
    refusals.visit(live_server.url + world["kaz"].get_absolute_url())
    assert refusals.found == []


def test_admin_runs_under_the_policy(page, live_server, world, superuser):  # noqa: F811
    refusals = Refusals(page)
    refusals.visit(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill("pw-for-tests-9")
    page.get_by_role("button", name="Log in").click()
    refusals.settle()

    # a change form with its scripts at work: inline rows, autocomplete, collapsed fieldsets
    refusals.visit(
        live_server.url + reverse("admin:events_event_change", args=[world["meeting"].pk])
    )
    page.get_by_text("Add another Participation").click()
    page.locator("#participations-3 .select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill("Wang")
    expect(page.locator(".select2-results__option", has_text="Wang Yi").first).to_be_visible()
    page.keyboard.press("Escape")
    refusals.settle()

    # a changelist with actions: select all, choose an action
    refusals.visit(live_server.url + reverse("admin:events_event_changelist"))
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("submit_for_review")
    refusals.settle()

    refusals.visit(
        live_server.url + reverse("admin:events_event_history", args=[world["meeting"].pk])
    )

    refusals.visit(live_server.url + reverse("admin:sources_source_import"))
    page.locator("input[type=file]").set_input_files(
        [
            {
                "name": "visit.txt",
                "mimeType": "text/plain",
                "buffer": ARTICLE.encode(),
            }
        ]
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_contain_text("Waiting for a worker")
    run_due_tasks()  # the worker; the page reloads itself until the report is there
    expect(page.get_by_role("heading", name="Report: 1 created")).to_be_visible(timeout=10_000)
    refusals.settle()
    assert refusals.found == []


def test_swagger_ui_renders_the_operations_under_the_policy(page, live_server, world):  # noqa: F811
    refusals = Refusals(page)
    scripts = []
    page.on("request", lambda request: scripts.append(request.url))
    refusals.visit(live_server.url + "/api/docs/")
    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible()
    assert operations.count() > 10
    assert all(url.startswith(live_server.url) for url in scripts)  # no CDN

    # and it can call the API (connect-src 'self')
    listing = page.locator(".opblock-get", has_text="/api/v1/events/").first
    listing.locator(".opblock-summary").click()
    listing.get_by_role("button", name="Try it out").click()
    listing.get_by_role("button", name="Execute").click()
    expect(listing.locator(".live-responses-table .response-col_status").last).to_have_text("200")
    refusals.settle()
    assert refusals.found == []
