"""Pending changes on every public path: what an edit of a published record proposes is nowhere
until an Editor publishes it — pages, lists, feeds, calendar, sitemap, search, JSON-LD, the API
(details, lists, CSV, Popolo) — for every kind of record, found from the models."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from cmsproject.editorial import pending
from cmsproject.editorial.models import Status
from cmsproject.editorial.registry import publishable_models
from cmsproject.editorial.visibility import unrestricted
from tests import factories as f
from tests.editorial.test_seams_http import EVERYWHERE, paths_of, sitemap_paths

MARK = "Zzpending Marker"  # searched for as "Zzpending": the page echoes the query
SLUG = "zz-pending-marker"


@pytest.fixture
def demo(demo_data, db):
    """The demo data, loaded once for the module; each test's changes are rolled back."""


def public_text(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


@pytest.mark.parametrize("model", publishable_models(), ids=lambda m: m._meta.label)
def test_pending_changes_are_on_no_public_path_until_published(demo, model):
    with unrestricted():
        record = model._base_manager.filter(status=Status.PUBLISHED).order_by("pk").first()
    if record is None or not hasattr(record, "get_absolute_url"):
        pytest.skip(f"the demo data has no published {model._meta.verbose_name}")
    editor = f.editor()
    live_paths = paths_of(record)

    text_field = record.slug_source
    if text_field not in {f.name for f in model._meta.concrete_fields}:
        text_field = "note"  # a slug made from several fields (a figure's): a text shown

    def save():
        setattr(record, text_field, MARK)
        record.slug = SLUG
        record.save()

    pending.SavePendingChanges(record, user=editor, save=save).execute()
    record.refresh_from_db()
    assert record.slug != SLUG
    cache.clear()
    for reader in ("anonymous", "non-staff"):
        client = Client()
        if reader == "non-staff":
            client.force_login(f.UserFactory(username="rita", is_staff=False))
        for path in [*live_paths, *EVERYWHERE, "/search/?q=Zzpending", *sitemap_paths(client)]:
            text = public_text(client, path)
            assert MARK not in text and SLUG not in text, f"{reader}: {path} shows pending changes"
    # The check can fail: published, the changes are there.
    pending.PublishChanges(record, user=editor).execute()
    record.refresh_from_db()
    assert record.slug == SLUG
    assert MARK in public_text(Client(), record.get_absolute_url())
