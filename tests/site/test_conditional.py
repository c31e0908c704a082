"""Conditional GET on the public pages: a reader's copy that is still current costs a 304."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cmsproject.editorial import actions
from tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = ["/", "/events/", "/people/", "/search/?q=summit", "/feeds/events/"]


@pytest.fixture
def event():
    return f.EventFactory(title="Summit in Astana")


@pytest.mark.parametrize("url", PAGES)
def test_unchanged_page_answers_304_without_rendering(client, event, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert len(queries) <= 2  # the session check and the content version, nothing rendered


def test_a_change_to_the_content_gives_a_new_page(client, event, editor):
    etag = client.get(event.get_absolute_url())["ETag"]
    actions.withdraw(obj=event, user=editor)
    assert client.get(event.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 404
    other = f.EventFactory(title="Another meeting")
    home = client.get("/")["ETag"]
    other.title = "Another meeting, renamed"
    other.save()
    response = client.get("/", HTTP_IF_NONE_MATCH=home)
    assert response.status_code == 200
    assert b"renamed" in response.content


def test_each_address_has_its_own_etag(client, event):
    assert client.get("/events/")["ETag"] != client.get("/events/?page=1")["ETag"]


def test_staff_always_get_a_fresh_page(client, event, editor):
    etag = client.get("/")["ETag"]
    client.force_login(editor)
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert not response.has_header("ETag")


def test_admin_is_left_alone(client, event):
    assert not client.get("/admin/login/").has_header("ETag")


def test_api_lists_answer_304_to_anonymous_clients_only(client, event, editor):
    from rest_framework.authtoken.models import Token

    etag = client.get("/api/v1/events/?kind=summit")["ETag"]
    assert client.get("/api/v1/events/?kind=summit", HTTP_IF_NONE_MATCH=etag).status_code == 304
    token = Token.objects.create(user=editor)
    with_token = client.get(
        "/api/v1/events/?kind=summit",
        HTTP_IF_NONE_MATCH=etag,
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert with_token.status_code == 200
    record = client.get(event.get_absolute_url().replace("/events/", "/api/v1/events/"))
    assert record["ETag"] != etag  # a record's ETag is its content's, for If-Match


def test_not_found_pages_carry_no_etag(client):
    assert not client.get("/events/no-such-event/").has_header("ETag")
