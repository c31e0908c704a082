"""Published records with pending changes (issue 13, item 1): an edit of a published record is
kept as a pending revision of the record and its rows; readers see the live version until an
Editor publishes it; Preview shows it with a banner; it can be discarded, scheduled, compared."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from cmsproject.editorial import pending
from cmsproject.editorial.models import Status
from cmsproject.editorial.pending import Revision
from events import models as ev
from tests import factories as f
from tests.api_clients import EditingClient
from tests.security.test_permission_matrix import admin_form_data, form_errors

pytestmark = pytest.mark.django_db

OLD, NEW = "Astana ministerial meeting", "Astana ministerial meeting on water"


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def admin_url(record, name: str) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[record.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def formset_prefix(data: dict, model) -> str:
    name = model._meta.model_name
    (key,) = [k for k in data if k.endswith("-TOTAL_FORMS") and name in k.lower()]
    return key.removesuffix("-TOTAL_FORMS")


def rows_of(data: dict, prefix: str) -> dict[int, int]:
    """{row pk: form index} of a formset's existing rows."""
    count = int(data[f"{prefix}-INITIAL_FORMS"])
    return {int(data[f"{prefix}-{i}-id"]): i for i in range(count)}


@pytest.fixture
def event():
    event = f.EventFactory(title=OLD, status=Status.PUBLISHED)
    kept = f.ParticipationFactory(event=event, role="observer")
    gone = f.ParticipationFactory(event=event, role="guest")
    return event, kept, gone


def propose(user, superuser, event, kept, gone, newcomer, button: str = "_save") -> object:
    """The change form as rendered, with the title changed, one row changed, one removed
    and one added; posted by ``user``."""
    model_admin = admin.site._registry[ev.Event]
    data = admin_form_data(model_admin, superuser, event)
    data["title"] = NEW
    prefix = formset_prefix(data, ev.Participation)
    index = rows_of(data, prefix)
    data[f"{prefix}-{index[kept.pk]}-role"] = "head of delegation"
    if user.has_perm("events.delete_participation"):  # Contributors delete no rows
        data[f"{prefix}-{index[gone.pk]}-DELETE"] = "on"
    extra = int(data[f"{prefix}-INITIAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(max(int(data[f"{prefix}-TOTAL_FORMS"]), extra + 1))
    data[f"{prefix}-{extra}-person"] = str(newcomer.pk)
    data[f"{prefix}-{extra}-role"] = "special envoy"
    data[f"{prefix}-{extra}-order"] = "5"
    data[button] = "on"
    return logged_in(user).post(change_url(event), data)


def test_a_contributor_proposes_and_an_editor_publishes_the_record_with_its_rows(
    event, contributor, editor, superuser
):
    event, kept, gone = event
    newcomer = f.PersonFactory(status=Status.PUBLISHED, name="Zhang Ming")
    response = propose(contributor, superuser, event, kept, gone, newcomer)
    assert response.status_code == 302, form_errors(response)

    # Readers, the API and the database keep the live version.
    event.refresh_from_db()
    assert event.title == OLD
    assert set(event.participations.values_list("role", flat=True)) == {"observer", "guest"}
    page = Client().get(event.get_absolute_url()).content.decode()
    assert OLD in page and "on water" not in page and "Zhang Ming" not in page
    api = EditingClient().get(f"/api/v1/events/{event.slug}/").json()
    assert api["title"] == OLD
    revision = pending.open_revision(event)
    assert revision.state == Revision.State.DRAFT and revision.created_by == contributor

    # The admin says so, and the Editor's form shows the pending version.
    listing = logged_in(editor).get(reverse("admin:events_event_changelist")).content.decode()
    assert "changes pending" in listing
    form = logged_in(editor).get(change_url(event))
    html = form.content.decode()
    assert "Published — changes pending" in html and "Publish changes" in html
    assert form.context["adminform"].form.initial["title"] == NEW

    # Published by the Editor, from the form showing the changes (new row included).
    data = admin_form_data(admin.site._registry[ev.Event], superuser, event)
    assert data["title"] == NEW
    prefix = formset_prefix(data, ev.Participation)
    new_row = int(data[f"{prefix}-INITIAL_FORMS"])
    assert data[f"{prefix}-{new_row}-person"] == str(newcomer.pk)
    assert data[f"{prefix}-{new_row}-role"] == "special envoy"
    data[f"{prefix}-{rows_of(data, prefix)[gone.pk]}-DELETE"] = "on"  # and the Editor's own
    posted = {**data, "_publish_changes": "on"}
    response = logged_in(editor).post(change_url(event), posted)
    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert event.title == NEW
    roles = dict(event.participations.values_list("person__name", "role"))
    assert roles[newcomer.name] == "special envoy"
    assert "guest" not in roles.values() and "head of delegation" in roles.values()
    assert pending.open_revision(event) is None
    revision.refresh_from_db()
    assert revision.state == Revision.State.PUBLISHED and revision.closed_by == editor
    assert "Zhang Ming" in Client().get(event.get_absolute_url()).content.decode()


def test_published_changes_are_applied_by_the_action_exactly(event, editor, superuser):
    event, kept, gone = event
    newcomer = f.PersonFactory(status=Status.PUBLISHED)
    propose(editor, superuser, event, kept, gone, newcomer, "_pending_review")
    revision = pending.open_revision(event)
    assert revision.state == Revision.State.REVIEW
    done = pending.PublishChanges(event, user=editor).execute()
    assert {c.what for c in done} >= {"title", "participation"}
    event.refresh_from_db()
    assert event.title == NEW
    assert not ev.Participation.objects.filter(pk=gone.pk).exists()
    assert ev.Participation.objects.get(pk=kept.pk).role == "head of delegation"
    assert event.participations.filter(person=newcomer, role="special envoy").exists()
    latest = event.history.latest()
    assert latest.history_user == editor
    assert "proposed by" in latest.history_change_reason


def test_the_editors_form_shows_rows_removed_in_the_pending_changes(event, editor, superuser):
    event, kept, gone = event
    propose(
        editor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED), "_pending"
    )
    assert event.participations.count() == 2  # live: both still there
    data = admin_form_data(admin.site._registry[ev.Event], superuser, event)
    prefix = formset_prefix(data, ev.Participation)
    index = rows_of(data, prefix)
    assert data[f"{prefix}-{index[gone.pk]}-DELETE"] == "on"
    assert f"{prefix}-{index[kept.pk]}-DELETE" not in data
    assert data[f"{prefix}-{index[kept.pk]}-role"] == "head of delegation"


def test_a_contributor_may_not_publish_changes(event, contributor, superuser):
    event, kept, gone = event
    propose(contributor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED))
    with pytest.raises(pending.ChangeRefused):
        pending.PublishChanges(event, user=contributor).execute()
    event.refresh_from_db()
    assert event.title == OLD


def test_preview_shows_the_pending_version_with_a_banner_and_changes_nothing(
    event, contributor, editor, superuser
):
    event, kept, gone = event
    newcomer = f.PersonFactory(status=Status.PUBLISHED, name="Zhang Ming")
    propose(contributor, superuser, event, kept, gone, newcomer)
    page = logged_in(editor).get(admin_url(event, "preview"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "preview-banner" in html and NEW in html and "Zhang Ming" in html
    assert "no-store" in page["Cache-Control"]
    event.refresh_from_db()
    assert event.title == OLD and event.participations.count() == 2
    # nothing from the preview is served to readers afterwards
    assert "Zhang Ming" not in Client().get(event.get_absolute_url()).content.decode()
    assert "on water" not in Client().get(newcomer.get_absolute_url()).content.decode()


def test_discard_throws_the_changes_away(event, contributor, editor, superuser):
    event, kept, gone = event
    propose(contributor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED))
    client = logged_in(contributor)
    confirm = client.get(admin_url(event, "discard_changes"))
    assert confirm.status_code == 200 and "on water" in confirm.content.decode()
    assert client.post(admin_url(event, "discard_changes")).status_code == 302
    assert pending.open_revision(event) is None
    assert Revision.objects.get().state == Revision.State.DISCARDED
    event.refresh_from_db()
    assert event.title == OLD


def test_another_contributor_may_not_discard_them(event, contributor, superuser):
    event, kept, gone = event
    propose(contributor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED))
    other = f.contributor()
    response = logged_in(other).post(admin_url(event, "discard_changes"))
    assert response.status_code == 400
    assert pending.open_revision(event) is not None


def test_an_editors_plain_save_is_live_and_a_draft_of_changes_is_not(event, editor, superuser):
    event, kept, gone = event
    newcomer = f.PersonFactory(status=Status.PUBLISHED)
    propose(editor, superuser, event, kept, gone, newcomer, "_pending")
    event.refresh_from_db()
    assert event.title == OLD and pending.open_revision(event).created_by == editor
    pending.DiscardChanges(event, user=editor).execute()
    propose(editor, superuser, event, kept, gone, newcomer)
    event.refresh_from_db()
    assert event.title == NEW and pending.open_revision(event) is None


def test_two_proposals_do_not_overwrite_each_other(event, contributor, superuser):
    event, kept, gone = event
    model_admin = admin.site._registry[ev.Event]
    stale = admin_form_data(model_admin, superuser, event)  # loaded before any proposal
    propose(contributor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED))
    other = f.contributor()
    response = logged_in(other).post(change_url(event), {**stale, "title": "Someone else's"})
    assert response.status_code == 302
    assert pending.decode(ev.Event, pending.open_revision(event).snapshot).values["title"] == NEW


def test_scheduled_changes_go_live_with_publish_scheduled(event, editor, superuser):
    event, *_ = event
    model_admin = admin.site._registry[ev.Event]
    data = admin_form_data(model_admin, superuser, event)
    soon = timezone.now() + datetime.timedelta(hours=1)
    data.update(
        {"title": NEW, "go_live_at_0": f"{soon:%Y-%m-%d}", "go_live_at_1": f"{soon:%H:%M:%S}"}
    )
    response = logged_in(editor).post(change_url(event), data)
    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert event.title == OLD and event.go_live_at is None
    assert pending.open_revision(event).go_live_at is not None
    call_command("publish_scheduled", stdout=io.StringIO())
    event.refresh_from_db()
    assert event.title == OLD  # not yet
    Revision.objects.update(go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    event.refresh_from_db()
    assert event.title == NEW and event.go_live_at is None and event.is_live
    assert pending.open_revision(event) is None
    assert "as scheduled" in event.history.latest().history_change_reason


def test_history_compares_the_live_version_with_the_pending_one(
    event, contributor, editor, superuser
):
    event, kept, gone = event
    propose(contributor, superuser, event, kept, gone, f.PersonFactory(status=Status.PUBLISHED))
    client = logged_in(editor)
    history = client.get(admin_url(event, "history")).content.decode()
    assert "Proposed changes" in history and "to=pending" in history
    page = client.get(admin_url(event, "history"), {"from": "now", "to": "pending"})
    assert page.status_code == 200
    comparison = page.context["comparison"]
    assert {r.change for r in comparison.rows} == {"added", "changed"}
    assert any(fd.label == "title" and fd.changed for fd in comparison.fields)


def test_a_contributors_api_update_of_a_published_record_is_kept_pending(event, contributor):
    event, *_ = event
    client = EditingClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=contributor).key}")
    url = f"/api/v1/events/{event.slug}/"
    response = client.patch(url, {"title": NEW, "status": "review"}, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["pending_changes"]["state"] == "review"
    event.refresh_from_db()
    assert event.title == OLD
    assert EditingClient().get(url).json()["title"] == OLD
    assert pending.decode(ev.Event, pending.open_revision(event).snapshot).values["title"] == NEW
    # a status the Contributor may not give is refused, and nothing is kept
    refused = client.patch(url, {"title": "x", "status": "withdrawn"}, format="json")
    assert refused.status_code == 403
    assert pending.decode(ev.Event, pending.open_revision(event).snapshot).values["title"] == NEW
