"""The seams on every public path: a draft at the far end of a published record is nowhere.

Every relation is found from the models, as in ``test_seams.py``. For each one, a demo row is
taken whose near end is a published record and whose far end is published too; the far end is
made a draft; then every public path that could show it — the near record's page, its API
detail and CSV export, the lists, feeds, calendar, sitemap, search, JSON-LD (in the pages), the
API lists and the Popolo export — is read by an anonymous reader and by a logged-in account
without staff rights, and none may link to the draft, name its API address or carry its slug.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.cache import cache
from django.test import Client

from cmsproject.editorial.models import Publishable, Status
from cmsproject.editorial.revisions import owner_field
from cmsproject.editorial.visibility import unrestricted
from tests import factories as f
from tests.editorial.test_seams import RELATIONS, editorial_models

API_ROUTES = {
    "event": "events",
    "person": "people",
    "organization": "organizations",
    "place": "places",
    "agreement": "agreements",
    "topic": "topics",
    "source": "sources",
}
CSV = {"events", "people", "agreements"}  # the lists offered as CSV
EVERYWHERE = [
    "/",
    "/events/",
    "/people/",
    "/organizations/",
    "/agreements/",
    "/sources/",
    "/feeds/events/",
    "/events.ics",
    *(f"/api/v1/{route}/" for route in API_ROUTES.values()),
    *(f"/api/v1/{route}/?format=csv" for route in sorted(CSV)),
    "/api/v1/popolo/",
]


def generic_relations() -> list[tuple[type, GenericForeignKey]]:
    return [
        (model, generic)
        for model in editorial_models()
        for generic in model._meta.private_fields
        if isinstance(generic, GenericForeignKey) and hasattr(model, "history")
    ]


SEAMS = [(m, fl.name) for m, fl in RELATIONS] + [(m, g.name) for m, g in generic_relations()]


def near_ends(row) -> list[Publishable]:
    """The published records whose pages could show ``row``'s far end: the record itself, or
    for a relation row the record it belongs to, then its other records."""
    if isinstance(row, Publishable):
        return [row]
    owner = owner_field(type(row))
    found = [getattr(row, owner.name)] if owner is not None else []
    found += [
        getattr(row, fl.name)
        for fl in type(row)._meta.concrete_fields
        if fl.many_to_one and issubclass(fl.related_model, Publishable)
    ]
    return [record for record in found if isinstance(record, Publishable)]


def ends(model, name: str):
    """(near, far) for the first demo row of ``model`` where both ends are published."""
    field = next(
        fl for fl in (*model._meta.get_fields(), *model._meta.private_fields) if fl.name == name
    )
    with unrestricted():
        if getattr(field, "many_to_many", False):
            for near in model._base_manager.filter(**{f"{name}__isnull": False}).distinct()[:50]:
                for far in getattr(near, name).all():
                    if near.status == far.status == Status.PUBLISHED:
                        return near, far
            return None
        rows = model._base_manager.all()
        if not isinstance(field, GenericForeignKey):
            rows = rows.filter(**{f"{name}__isnull": False})
        for row in rows[:200]:
            far = getattr(row, name)
            for near in near_ends(row):
                if (
                    isinstance(far, Publishable)
                    and near.pk != far.pk
                    and near.status == far.status == Status.PUBLISHED
                ):
                    return near, far
    return None


def paths_of(record) -> list[str]:
    paths = [record.get_absolute_url()] if hasattr(record, "get_absolute_url") else []
    route = API_ROUTES.get(record._meta.model_name)
    if route:
        paths.append(f"/api/v1/{route}/{record.slug}/")
    if route in CSV:
        paths.append(f"/api/v1/{route}/?format=csv")
    return paths


def marks_of(record) -> list[str]:
    """What would betray the record on a page or in a payload."""
    found = [f'"{record.slug}"', f'/{record.slug}/"']
    url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
    if url:
        found += [f'{url}"', f"{url}<"]
    route = API_ROUTES.get(record._meta.model_name)
    if route:
        found.append(f"/api/v1/{route}/{record.slug}/")
    return found


def sitemap_paths(client) -> list[str]:
    index = client.get("/sitemap.xml").content.decode()
    return ["/sitemap.xml"] + [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)
    ]


@pytest.fixture
def demo(demo_data, db):
    """The demo data, loaded once for the module; each test's changes are rolled back."""


# How the far end leaves the site: returned to draft, or published but past its expiry time
# (before ``publish_scheduled`` has withdrawn it).
HIDING = {
    "draft": {"status": Status.DRAFT},
    "expired": {"expire_at": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)},
}


@pytest.mark.parametrize("hiding", sorted(HIDING))
@pytest.mark.parametrize(("model", "name"), SEAMS, ids=[f"{m.__name__}.{n}" for m, n in SEAMS])
def test_a_draft_at_the_far_end_is_on_no_public_path(demo, model, name, hiding):
    found = ends(model, name)
    if found is None:
        pytest.skip(f"the demo data has no published pair through {model.__name__}.{name}")
    near, far = found
    type(far)._base_manager.filter(pk=far.pk).update(**HIDING[hiding])
    cache.clear()
    search = f"/search/?q={str(far)[:40]}"
    for reader in ("anonymous", "non-staff"):
        client = Client()
        if reader == "non-staff":
            client.force_login(f.UserFactory(username="rita", is_staff=False))
        own = paths_of(near)
        # A record shown only with the far end (a figure with its indicator) leaves with it:
        # its own API detail is gone, its page may be (the indicator's page) or not.
        hidden_with_far = name in getattr(model, "hidden_with", ())
        for path in [*own, *EVERYWHERE, search, *sitemap_paths(client)]:
            response = client.get(path)
            if hidden_with_far and path in own:
                if path.startswith("/api/v1/") and "?" not in path:
                    assert response.status_code == 404, (reader, path, response.status_code)
                if response.status_code == 404:
                    continue
            assert response.status_code == 200, (reader, path, response.status_code)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode()
            for mark in marks_of(far):
                assert mark not in text, (
                    f"{reader}: {path} shows the draft {far._meta.verbose_name} ({mark})"
                )
