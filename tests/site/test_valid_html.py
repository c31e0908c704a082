"""Every public page is valid HTML (zero errors from the W3C Nu validator)."""

import pytest

from tests.quality import validate_html

from .test_pages import public_urls

pytestmark = pytest.mark.django_db


def test_every_page_is_valid_html(client, world, tmp_path, editor):
    documents = {}
    for url in public_urls(world):
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            documents[url] = response.content.decode()
    documents["/events/no-such/ (404)"] = client.get("/events/no-such/").content.decode()
    client.force_login(editor)
    documents["draft preview"] = client.get(
        world["draft_event"].get_absolute_url()
    ).content.decode()
    assert len(documents) > 15
    assert validate_html(documents, tmp_path) == []
