"""A NUL character, which PostgreSQL text cannot hold, is a 400 that says so on every path —
never a 500 on one engine and a quiet miss on the other."""

from __future__ import annotations

import pytest

from events.models import Event
from tests import factories as f
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return f.EventFactory(title="Summit in Astana", slug="astana-summit")


@pytest.mark.parametrize(
    "url",
    [
        "/events/?country=KA%00Z",
        "/search/?q=Tok%00ayev",
        "/api/v1/agreements/?party=L%00J",
        "/api/v1/events/?person=xi%00",
        "/events.ics?country=%00",
    ],
)
def test_a_nul_in_a_parameter_is_a_400_naming_it(client, event, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    name = url.split("?")[1].split("=")[0]
    assert name in response.content.decode()


def test_a_nul_in_an_admin_form_is_a_400_and_saves_nothing(client, editor, event):
    client.force_login(editor)
    response = client.post(
        f"/admin/events/event/{event.pk}/change/", {"title": "Summit\x00", "kind": "summit"}
    )
    assert response.status_code == 400
    assert Event.objects.get(pk=event.pk).title == "Summit in Astana"


def test_a_nul_in_a_json_body_is_a_400_and_saves_nothing(editor, event):
    client = token_client(editor)
    response = client.patch(
        "/api/v1/events/astana-summit/",
        {"place": "ast\x00ana", "title": "Renamed"},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert Event.objects.get(pk=event.pk).title == "Summit in Astana"
