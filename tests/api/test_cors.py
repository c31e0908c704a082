"""Open data across origins: another site's browser code may read the public API, its schema,
the exports, the feeds and the calendar — and may neither write nor use anyone's credentials."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

ELSEWHERE = "https://newsroom.example"


@pytest.fixture
def published(db):
    return f.EventFactory(status="published", title="Summit in Astana")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/",
        "/api/v1/events/?format=csv",
        "/api/v1/popolo/",
        "/api/schema/",
        "/feeds/events/",
        "/events.ics",
    ],
)
def test_open_data_is_readable_from_any_origin(client, published, path):
    response = client.get(path, HTTP_ORIGIN=ELSEWHERE)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response  # never with a session or token


def test_a_detail_exposes_what_a_client_needs_to_read_it_again(client, published):
    response = client.get(f"/api/v1/events/{published.slug}/", HTTP_ORIGIN=ELSEWHERE)
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "retry-after"} <= exposed


def test_a_preflight_allows_reading_and_refuses_writing(client):
    preflight = {"HTTP_ORIGIN": ELSEWHERE}
    read = client.options(
        "/api/v1/events/",
        **preflight,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert read.status_code == 200
    methods = {m.strip() for m in read["Access-Control-Allow-Methods"].split(",")}
    assert "GET" in methods and not methods & {"POST", "PUT", "PATCH", "DELETE"}
    assert "if-none-match" in read["Access-Control-Allow-Headers"]
    # a token sent from another site's page is refused by the preflight: not in allowed headers
    assert "authorization" not in read["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize("path", ["/", "/events/", "/admin/login/", "/search/?q=summit"])
def test_pages_and_the_admin_say_nothing_to_other_origins(client, published, path):
    response = client.get(path, HTTP_ORIGIN=ELSEWHERE)
    assert "Access-Control-Allow-Origin" not in response
