"""The browsable API (HTML in a browser) works for editors, forms included."""

import pytest

ENDPOINTS = ["events", "people", "organizations", "places", "agreements", "sources", "topics"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_editor_sees_list_and_detail_with_forms(client, superuser, world, endpoint):
    client.force_login(superuser)
    listing = client.get(f"/api/v1/{endpoint}/", HTTP_ACCEPT="text/html")
    assert listing.status_code == 200
    assert b'<form action="/api/v1/' in listing.content  # the create form
    slug = client.get(f"/api/v1/{endpoint}/", HTTP_ACCEPT="application/json").json()["results"][0][
        "slug"
    ]
    detail = client.get(f"/api/v1/{endpoint}/{slug}/", HTTP_ACCEPT="text/html")
    assert detail.status_code == 200
    assert slug.encode() in detail.content


def test_related_choices_are_offered_by_slug(client, superuser, world):
    client.force_login(superuser)
    page = client.get("/api/v1/events/", HTTP_ACCEPT="text/html").content.decode()
    assert '<option value="astana"' in page  # a place, chosen by its slug
