"""The shortcuts taken for speed give exactly what the plain DRF / django-filter path gives:
lists serialized by :mod:`cmsproject.editorial.api.fastlist`, unfiltered lists that skip the
FilterSet, and totals counted once per content version."""

import pytest
from rest_framework import serializers

from cmsproject.editorial.api import fastlist
from cmsproject.editorial.api import filters as api_filters
from tests import factories as f

ENDPOINTS = ["events", "people", "organizations", "places", "agreements", "sources", "topics"]
CSV = {"events", "people", "agreements"}


def lists(client, *, staff: bool = False) -> dict:
    queries = ["", "?page_size=100", "?format=csv", "?page=2&page_size=1"]
    if staff:
        queries.append("?status=all")
    out = {}
    for endpoint in ENDPOINTS:
        for query in queries:
            if "csv" in query and endpoint not in CSV:
                continue
            response = client.get(f"/api/v1/{endpoint}/{query}")
            assert response.status_code == 200, (endpoint, query, response.content[:300])
            out[(endpoint, query, staff)] = response.content
    return out


def every_list(anon, editor_client) -> dict:
    return {**lists(anon), **lists(editor_client, staff=True)}


@pytest.fixture
def richer_world(world):
    # Rows with empty optional values (no place, no end date, no parent) beside full ones.
    f.EventFactory(place=None, end_date=None, is_online=True)
    f.TopicFactory(parent=None)
    return world


def test_fast_list_serializer_gives_what_drf_gives(anon, editor_client, richer_world):
    fast = every_list(anon, editor_client)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            fastlist.FastListSerializer,
            "to_representation",
            serializers.ListSerializer.to_representation,
        )
        plain = every_list(anon, editor_client)
    assert fast.keys() == plain.keys()
    for key, content in fast.items():
        assert content == plain[key], key


def test_unfiltered_lists_give_what_the_filterset_gives(anon, editor_client, richer_world):
    shortcut = every_list(anon, editor_client)

    def through_filterset(self, request, queryset, view):
        return super(api_filters.FilterBackend, self).filter_queryset(request, queryset, view)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api_filters.FilterBackend, "filter_queryset", through_filterset)
        filtered = every_list(anon, editor_client)
    for key, content in shortcut.items():
        assert content == filtered[key], key


def test_list_totals_follow_publication(anon, editor_client, world):
    before = anon.get("/api/v1/events/").json()["count"]
    draft = f.EventFactory(status="draft")
    assert anon.get("/api/v1/events/").json()["count"] == before
    assert editor_client.get("/api/v1/events/?status=all").json()["count"] > before
    editor_client.patch(f"/api/v1/events/{draft.slug}/", {"status": "published"}, format="json")
    assert anon.get("/api/v1/events/").json()["count"] == before + 1
    assert anon.get("/api/v1/events/?page_size=1").json()["count"] == before + 1
