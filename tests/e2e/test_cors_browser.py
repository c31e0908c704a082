"""A real browser on another site's page: it can read Caravan's open data, and cannot use the
editor's session there (the browser itself enforces what the CORS headers say)."""

import http.server
import threading

import pytest
from django.test import Client

from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class _Empty(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Another newsroom</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def other_site():
    """A page of another origin (another port of the loopback)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Empty)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


READ = """async (url) => {
  try {
    const r = await fetch(url, %s);
    return {status: r.status, text: (await r.text()).slice(0, 2000), etag: r.headers.get("ETag")};
  } catch (e) { return {error: String(e)}; }
}"""


def test_another_site_reads_the_api_but_not_with_the_editors_session(
    page, live_server, other_site, superuser
):
    f.EventFactory(status="published", title="Summit in Astana")
    f.EventFactory(status="draft", title="Secret talks")
    client = Client()
    client.force_login(superuser)  # the editor is signed in to Caravan in this browser
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page.goto(other_site)
    api = live_server.url + "/api/v1/events/"

    plain = page.evaluate(READ % "{}", api)
    assert plain["status"] == 200 and "Summit in Astana" in plain["text"]
    assert plain["etag"]  # exposed: the other site can ask again with If-None-Match
    assert "Secret talks" not in plain["text"]  # read as a reader: no cookie was sent

    with_session = page.evaluate(READ % "{credentials: 'include'}", api + "?status=all")
    assert "error" in with_session  # the browser refuses: the answer was not for credentials

    calendar = page.evaluate(READ % "{}", live_server.url + "/events.ics")
    assert calendar["status"] == 200 and "BEGIN:VCALENDAR" in calendar["text"]

    admin = page.evaluate(READ % "{}", live_server.url + "/admin/")
    assert "error" in admin  # no CORS header on the admin: the browser keeps it unread
