"""The admin as editors use it: every page answers, the workflow holds on every path."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from cmsproject.editorial.jobs import Job
from cmsproject.editorial.models import Status
from cmsproject.webhooks import Delivery
from events.models import Event, Mention, Person, Position
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def one_of_everything():
    event = f.EventFactory(series=f.EventSeriesFactory(), ordinal=1)
    f.ParticipationFactory(event=event)
    agreement = f.AgreementFactory(signed_at=event)
    f.SignatoryFactory(agreement=agreement)
    f.PersonAliasFactory()
    f.PositionFactory()
    f.TopicFactory(parent=f.TopicFactory())
    f.CitationFactory(record=event)
    Mention.objects.create(
        source=f.SourceFactory(),
        kind="person",
        text="Someone",
        start=0,
        end=7,
        proposed_name="Someone",
    )
    return event


def registered_models():
    return sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.label)
def test_superuser_sees_every_admin_page(model, client, superuser, one_of_everything):
    client.force_login(superuser)
    assert client.get(admin_url(model, "changelist")).status_code == 200
    add_status = client.get(admin_url(model, "add")).status_code
    # Positions and citations are edited on their record's page, and login records (axes) are
    # written by the system, and background jobs and webhook deliveries are the workers':
    # their own lists are read-only.
    read_only = (
        model in (Position, Citation, Mention, Job, Delivery) or model._meta.app_label == "axes"
    )
    assert add_status == (403 if read_only else 200)
    obj = model._default_manager.first()
    if obj is not None:
        assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
        if hasattr(model, "history"):
            assert client.get(admin_url(model, "history", obj.pk)).status_code == 200


def test_search_finds_people_by_alias(client, superuser):
    japarov = f.PersonFactory(name="Sadyr Japarov")
    f.PersonAliasFactory(person=japarov, name="Zhaparov")
    f.PersonFactory(name="Xi Jinping")
    client.force_login(superuser)
    response = client.get(admin_url(Person, "changelist"), {"q": "zhaparov"})
    assert list(response.context["cl"].result_list) == [japarov]


def test_autocomplete_finds_people_by_alias(client, superuser):
    japarov = f.PersonFactory(name="Sadyr Japarov")
    f.PersonAliasFactory(person=japarov, name="Caparov")
    client.force_login(superuser)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "caparov",
            "app_label": "events",
            "model_name": "participation",
            "field_name": "person",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Sadyr Japarov"]


def event_form_data(**overrides):
    data = {
        "title": "Sixth foreign ministers' meeting",
        "slug": "sixth-fm",
        "kind": "ministerial",
        "start_date": "2025-04-26",
        "date_precision": "day",
        "status": "draft",
        "editor_note": "",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
        "events-identifier-content_type-object_id-TOTAL_FORMS": "0",
        "events-identifier-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_editor_creates_and_publishes_an_event_in_the_form(client, editor):
    client.force_login(editor)
    response = client.post(admin_url(Event, "add"), event_form_data(status="published"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="sixth-fm")
    assert event.status == Status.PUBLISHED
    assert event.published_at is not None
    assert event.created_by == editor
    assert event.history.first().history_user == editor


def test_contributor_cannot_publish_through_the_form(client, contributor):
    event = f.EventFactory(status=Status.REVIEW, slug="sixth-fm", title="Sixth")
    client.force_login(contributor)
    page = client.get(admin_url(Event, "change", event.pk))
    offered = [value for value, _ in page.context["adminform"].form.fields["status"].choices]
    assert "published" not in offered
    response = client.post(
        admin_url(Event, "change", event.pk), event_form_data(status="published", title="Changed")
    )
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    event.refresh_from_db()
    assert (event.status, event.title) == (Status.REVIEW, "Sixth")


def test_contributor_cannot_publish_with_a_bulk_action(client, contributor):
    event = f.EventFactory(status=Status.REVIEW)
    client.force_login(contributor)
    response = client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert Event.objects.get(pk=event.pk).status == Status.REVIEW


def test_contributor_cannot_publish_by_reverting_to_a_published_revision(
    client, contributor, editor
):
    from cmsproject.editorial import actions

    event = f.EventFactory(status=Status.DRAFT, title="Old title")
    actions.publish(obj=event, user=editor)
    actions.withdraw(obj=event, user=editor)
    actions.return_to_draft(obj=event, user=editor)
    published_version = event.history.filter(status=Status.PUBLISHED).first()
    client.force_login(contributor)
    url = reverse("admin:events_event_simple_history", args=[event.pk, published_version.pk])
    client.post(url, event_form_data(slug=event.slug, title="Old title", status="published"))
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


def test_a_contributors_edit_of_a_published_record_waits_for_an_editor(client, contributor):
    event = f.EventFactory(status=Status.PUBLISHED, title="Live")
    client.force_login(contributor)
    response = client.post(
        admin_url(Event, "change", event.pk),
        event_form_data(title="Edit", slug=event.slug, status="published"),
        follow=True,
    )
    message = next(str(m) for m in response.context["messages"])
    assert "saved as a draft of changes" in message and "readers still see" in message
    assert Event.objects.get(pk=event.pk).title == "Live"


def test_bulk_publish_reports_what_it_did(client, editor):
    events = [f.EventFactory(status=Status.REVIEW) for _ in range(3)]
    live = f.EventFactory(status=Status.PUBLISHED)
    client.force_login(editor)
    response = client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [e.pk for e in [*events, live]]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["3 events published; 1 already published."]


def test_publish_action_is_not_offered_to_contributors(client, contributor, editor):
    f.EventFactory()
    client.force_login(contributor)
    actions = client.get(admin_url(Event, "changelist")).context["action_form"].fields["action"]
    names = [name for name, _ in actions.choices]
    assert "submit_for_review" in names and "publish" not in names


def test_citation_with_a_foreign_excerpt_saves_nothing(client, editor):
    source = f.SourceFactory(body="The ministers met in Chengdu on 1 December.")
    client.force_login(editor)
    data = event_form_data(
        **{
            "sources-citation-content_type-object_id-TOTAL_FORMS": "1",
            "sources-citation-content_type-object_id-0-source": source.pk,
            "sources-citation-content_type-object_id-0-excerpt": "met in Xi'an on 2 December",
            "sources-citation-content_type-object_id-0-position": "0",
        }
    )
    response = client.post(admin_url(Event, "add"), data)
    assert response.status_code == 200
    assert "does not occur in the body" in response.content.decode()
    assert not Event.objects.exists()
    assert not Citation.objects.exists()


def test_citation_with_a_true_excerpt_is_saved_with_the_event(client, editor):
    source = f.SourceFactory(body="The ministers met in Chengdu on 1 December.")
    client.force_login(editor)
    data = event_form_data(
        **{
            "sources-citation-content_type-object_id-TOTAL_FORMS": "1",
            "sources-citation-content_type-object_id-0-source": source.pk,
            "sources-citation-content_type-object_id-0-excerpt": "met in  CHENGDU",
            "sources-citation-content_type-object_id-0-position": "0",
        }
    )
    assert client.post(admin_url(Event, "add"), data).status_code == 302
    assert Event.objects.get().citations.get().source == source


def test_end_before_start_in_the_form_is_explained(client, editor):
    client.force_login(editor)
    response = client.post(admin_url(Event, "add"), event_form_data(end_date="2025-04-01"))
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Event.objects.exists()


def test_revert_restores_an_old_version(client, editor):
    event = f.EventFactory(status=Status.DRAFT, title="First title")
    event.title = "Second title"
    event.save()
    first = event.history.order_by("history_date").first()
    client.force_login(editor)
    url = reverse("admin:events_event_simple_history", args=[event.pk, first.pk])
    assert client.get(url).status_code == 200
    client.post(url, event_form_data(slug=event.slug, title="First title", status="draft"))
    assert Event.objects.get(pk=event.pk).title == "First title"
    assert event.history.first().history_type == "~"
    assert LogEntry.objects.filter(action_flag=CHANGE, object_id=str(event.pk)).exists()


def test_an_editor_working_alone_reverts_with_the_version_the_page_gave(client, editor):
    import re

    event = f.EventFactory(status=Status.DRAFT, title="First title")
    event.title = "Second title"
    event.save()
    first = event.history.order_by("history_date").first()
    client.force_login(editor)
    url = reverse("admin:events_event_simple_history", args=[event.pk, first.pk])
    page = client.get(url).content.decode()
    loaded = re.search(r'name="loaded_version" value="([^"]*)"', page).group(1)
    data = event_form_data(slug=event.slug, title="First title", status="draft")
    response = client.post(url, {**data, "loaded_version": loaded})
    assert "changed by" not in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "First title"


def test_view_on_site_only_for_published(client, superuser):
    live = f.EventFactory(status=Status.PUBLISHED)
    draft = f.EventFactory(status=Status.DRAFT)
    client.force_login(superuser)
    assert b"View on site" in client.get(admin_url(Event, "change", live.pk)).content
    assert b"View on site" not in client.get(admin_url(Event, "change", draft.pk)).content


def _fill(n):
    for _ in range(n):
        event = f.EventFactory(series=f.EventSeriesFactory())
        f.ParticipationFactory(event=event)
        person = f.PersonFactory()
        f.PositionFactory(person=person)
        f.AgreementFactory(signed_at=event)
        f.SourceFactory()


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.label)
def test_changelists_do_not_grow_queries_with_rows(model, client, superuser):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(superuser)
    url = admin_url(model, "changelist")
    _fill(2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _fill(6)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]


def test_drafts_can_be_previewed_from_the_admin(client, editor):
    draft = f.EventFactory(status=Status.DRAFT, slug="draft-event")
    client.force_login(editor)
    page = client.get(admin_url(Event, "change", draft.pk)).content.decode()
    assert '<a href="/events/draft-event/">Preview</a>' in page
    preview = client.get("/events/draft-event/").content.decode()
    assert "Readers cannot see this page." in preview


def test_second_editor_is_told_what_changed_and_nothing_is_overwritten(client, editor):
    event = f.EventFactory(status=Status.DRAFT, title="Original title", slug="sixth-fm")
    client.force_login(editor)
    form = client.get(admin_url(Event, "change", event.pk)).context["adminform"].form
    loaded = form["loaded_version"].value()
    # meanwhile another editor renames it
    other = f.editor(username="otto")
    event.refresh_from_db()
    event.title = "Title by Otto"
    event._history_user = other
    event.save()
    response = client.post(
        admin_url(Event, "change", event.pk),
        event_form_data(title="Title by Edith", loaded_version=loaded),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed by otto" in page
    assert "“Original title” → “Title by Otto”" in page
    assert Event.objects.get(pk=event.pk).title == "Title by Otto"


def test_saving_an_unchanged_record_works(client, editor):
    event = f.EventFactory(status=Status.DRAFT, title="Original title", slug="sixth-fm")
    client.force_login(editor)
    form = client.get(admin_url(Event, "change", event.pk)).context["adminform"].form
    response = client.post(
        admin_url(Event, "change", event.pk),
        event_form_data(title="New title", loaded_version=form["loaded_version"].value()),
    )
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).title == "New title"
