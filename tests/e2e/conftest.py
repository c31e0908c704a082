"""Real-browser tests: Playwright for Python driving Debian's Chromium against a live server.

A failing test leaves a full-page screenshot in ``test-artifacts/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test import testcases

from tests.quality import CHROMIUM, CHROMIUM_FLAGS, require

# Playwright's sync API runs an event loop in this thread; the live server's database calls
# happen in the server's own thread, and the test's own ORM calls are synchronous by design.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class OneRequestAtATime(WSGIServer):
    """The live server lends the test's in-memory SQLite connection to every request thread;
    a browser fetching a page and its parts at once then runs two queries on one connection,
    which can deadlock inside SQLite. Served one at a time (Django closes each connection of
    an unthreaded server, so no idle keep-alive blocks the next request)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


testcases.LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM, "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
