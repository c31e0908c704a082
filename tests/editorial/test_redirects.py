"""Old addresses keep working: renamed and merged records answer 301 from their old paths, on
the site and in the API, chains collapse, and a deleted record's address answers 410."""

from __future__ import annotations

import pytest
from django.test import Client

from cmsproject.editorial.models import Status
from cmsproject.editorial.redirects import Redirect
from events.merging import merge_records
from tests import factories as f
from tests.api.conftest import token_client


def rename(record, slug: str) -> None:
    record.slug = slug
    record.save()


@pytest.mark.django_db
def test_a_renamed_record_answers_301_from_its_old_page_and_api_paths(client):
    person = f.PersonFactory(name="Wang Yi", slug="vang-i")
    rename(person, "wang-yi")
    response = client.get("/people/vang-i/")
    assert response.status_code == 301
    assert response["Location"] == "/people/wang-yi/"
    response = client.get("/api/v1/people/vang-i/", {"format": "csv"})
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/people/wang-yi/?format=csv"
    assert client.get("/people/wang-yi/").status_code == 200


@pytest.mark.django_db
def test_chains_collapse_and_a_record_back_at_an_old_slug_is_its_page_again(client):
    event = f.EventFactory(slug="a-summit")
    rename(event, "b-summit")
    rename(event, "c-summit")
    for old in ("/events/a-summit/", "/events/b-summit/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, "/events/c-summit/")
    rename(event, "a-summit")
    assert client.get("/events/a-summit/").status_code == 200
    assert client.get("/events/c-summit/")["Location"] == "/events/a-summit/"
    assert not Redirect.objects.filter(old_path="/events/a-summit/").exists()


@pytest.mark.django_db
def test_a_deleted_record_answers_410_on_the_site_and_in_the_api(client):
    agreement = f.AgreementFactory(slug="old-memorandum")
    agreement.delete()
    response = client.get("/agreements/old-memorandum/")
    assert response.status_code == 410
    assert "deleted" in response.content.decode()
    response = client.get("/api/v1/agreements/old-memorandum/")
    assert response.status_code == 410
    assert "deleted" in response.json()["detail"]
    assert client.get("/agreements/never-existed/").status_code == 404


@pytest.mark.django_db
def test_a_merged_duplicate_and_its_own_old_paths_lead_to_the_kept_record(client, editor):
    kept = f.PersonFactory(name="Kassym-Jomart Tokayev", slug="kassym-jomart-tokayev")
    dup = f.PersonFactory(name="K. Tokaev", slug="k-tokaev")
    rename(dup, "tokaev")
    merge_records(keep=kept, duplicates=[dup], user=editor)
    for old in ("/people/k-tokaev/", "/people/tokaev/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, kept.get_absolute_url())
    assert (
        client.get("/api/v1/people/tokaev/")["Location"] == "/api/v1/people/kassym-jomart-tokayev/"
    )


@pytest.mark.django_db
def test_drafts_leave_no_redirects_and_redirects_do_not_lead_readers_to_drafts(client):
    draft = f.PersonFactory(slug="first-draft-name", status=Status.DRAFT, published_at=None)
    rename(draft, "second-draft-name")
    assert not Redirect.objects.exists()
    withdrawn = f.PersonFactory(slug="old-name")
    rename(withdrawn, "new-name")
    type(withdrawn)._base_manager.filter(pk=withdrawn.pk).update(status=Status.WITHDRAWN)
    assert client.get("/people/old-name/").status_code == 404


@pytest.mark.django_db
def test_editors_add_redirects_by_hand_and_contributors_may_not(contributor, editor):
    as_editor, as_contributor = Client(), Client()
    as_editor.force_login(editor)
    as_contributor.force_login(contributor)
    data = {"old_path": "/about-the-summit/", "target_path": "/events/", "reason": "manual"}
    assert as_contributor.post("/admin/cmsproject/redirect/add/", data).status_code == 403
    assert not Redirect.objects.exists()
    response = as_editor.post("/admin/cmsproject/redirect/add/", data)
    assert response.status_code == 302, response.content[:500]
    response = Client().get("/about-the-summit/")
    assert (response.status_code, response["Location"]) == (301, "/events/")
    bad = {**data, "old_path": "/elsewhere/", "target_path": "https://evil.example/"}
    response = as_editor.post("/admin/cmsproject/redirect/add/", bad)
    assert response.status_code == 200
    assert "no other site" in response.content.decode()
    listed = as_editor.get("/admin/cmsproject/redirect/").content.decode()
    assert "/about-the-summit/" in listed


@pytest.mark.django_db
def test_a_slug_changed_through_the_api_leaves_a_redirect(editor, client):
    person = f.PersonFactory(slug="old-api-slug")
    response = token_client(editor).patch(
        f"/api/v1/people/{person.slug}/", {"slug": "new-api-slug"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert client.get("/people/old-api-slug/")["Location"] == "/people/new-api-slug/"
