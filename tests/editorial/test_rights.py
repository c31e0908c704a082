"""What readers can see is changed by Editors only, whatever the path.

The rule is :func:`cmsproject.editorial.rights.check_may_change`; the admin and the API ask it for
their pages, and every write made while a user acts asks it again. These tests take the second,
lowest door — a plain ``save()``, ``delete()`` or many-to-many change made as a Contributor —
for every kind of row editors change, so a path nobody listed is covered too.
"""

from __future__ import annotations

import pytest
from django.db import models, transaction

from cmsproject.editorial import pending
from cmsproject.editorial.models import Publishable, Status
from cmsproject.editorial.registry import edited_models
from cmsproject.editorial.revisions import owner_field
from cmsproject.editorial.rights import ChangeRefused, acting, check_may_change
from cmsproject.editorial.visibility import for_readers
from events import models as ev
from sources import models as src
from tests import factories as f

pytestmark = pytest.mark.django_db

ROW_FACTORIES = {
    ev.Participation: f.ParticipationFactory,
    ev.Position: f.PositionFactory,
    ev.Signatory: f.SignatoryFactory,
    ev.EventImage: f.EventImageFactory,
    ev.PersonAlias: f.PersonAliasFactory,
    ev.OrganizationAlias: f.OrganizationAliasFactory,
    ev.PlaceAlias: f.PlaceAliasFactory,
    ev.AgreementAlias: f.AgreementAliasFactory,
    src.Citation: f.CitationFactory,
    ev.Identifier: f.IdentifierFactory,
}
ROWS = sorted((m for m in edited_models() if not issubclass(m, Publishable)), key=str)


def test_every_row_editors_change_is_covered_here():
    assert set(ROWS) == set(ROW_FACTORIES), "add a factory for the new kind of row"


def edit(row, text: str) -> tuple[str, object]:
    """Change something readers see on ``row`` (a text, or else its order); (field, value)."""
    for field in row._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and not isinstance(field, models.SlugField | models.FileField)
        ):
            setattr(row, field.name, text)
            return field.name, text
    row.order = 7
    return "order", 7


def owner(row) -> Publishable:
    """The record whose page the row belongs to."""
    return getattr(row, owner_field(type(row)).name)


def stored(row) -> dict:
    return type(row)._base_manager.filter(pk=row.pk).values().first()


@pytest.mark.parametrize("model", ROWS, ids=lambda m: m.__name__)
def test_a_contributor_cannot_change_or_delete_a_row_readers_see(model, contributor):
    row = ROW_FACTORIES[model]()
    before = stored(row)
    with acting(contributor):
        edit(row, "Changed by a contributor")
        with pytest.raises(ChangeRefused, match="only Editors"), transaction.atomic():
            row.save()
        with pytest.raises(ChangeRefused), transaction.atomic():
            row.delete()
    assert stored(row) == before


@pytest.mark.parametrize("model", ROWS, ids=lambda m: m.__name__)
def test_a_contributor_changes_rows_of_a_draft_freely(model, contributor):
    row = ROW_FACTORIES[model]()
    record = owner(row)
    type(record)._base_manager.filter(pk=record.pk).update(status=Status.DRAFT)
    row = type(row)._base_manager.get(pk=row.pk)
    with acting(contributor):
        name, value = edit(row, "Changed by a contributor")
        row.save()
    assert stored(row)[name] == value


@pytest.mark.parametrize("model", ROWS, ids=lambda m: m.__name__)
def test_an_editor_changes_what_readers_see(model, editor):
    row = ROW_FACTORIES[model]()
    with acting(editor):
        name, value = edit(row, "Changed by an editor")
        row.save()
    assert stored(row)[name] == value


def test_a_contributor_cannot_create_a_relation_readers_would_see_at_once(contributor):
    event, person = f.EventFactory(), f.PersonFactory()
    with acting(contributor), pytest.raises(ChangeRefused, match="only Editors"):
        ev.Participation.objects.create(event=event, person=person, role="Guest")
    assert not ev.Participation.objects.filter(event=event).exists()
    # Linking a draft person is unseen until an Editor publishes the person: allowed.
    draft = f.PersonFactory(status=Status.DRAFT)
    with acting(contributor):
        ev.Participation.objects.create(event=event, person=draft, role="Guest")
    with for_readers():
        assert not event.participations.exists()


def test_a_contributor_cannot_retag_a_published_record_from_either_side(contributor):
    event, topic = f.EventFactory(), f.TopicFactory()
    with acting(contributor):
        with pytest.raises(ChangeRefused), transaction.atomic():
            event.topics.add(topic)
        with pytest.raises(ChangeRefused), transaction.atomic():
            topic.events.add(event)
    assert not event.topics.exists()


@pytest.mark.parametrize(
    "factory",
    [f.EventFactory, f.PersonFactory, f.EventSeriesFactory, f.OutletFactory, f.TopicFactory],
)
@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.WITHDRAWN])
def test_a_contributor_cannot_save_a_published_or_withdrawn_record(factory, status, contributor):
    record = factory(status=status)
    with acting(contributor):
        record.editor_note = "Sneaked in"
        with pytest.raises(ChangeRefused), transaction.atomic():
            record.save()
        record.status = Status.DRAFT
        with pytest.raises(ChangeRefused), transaction.atomic():
            record.save()
    record.refresh_from_db()
    assert record.status == status and record.editor_note == ""


def test_a_contributor_cannot_publish_by_saving_the_status(contributor):
    record = f.PersonFactory(status=Status.DRAFT, published_at=None)
    record.status = Status.PUBLISHED
    with acting(contributor), pytest.raises(ChangeRefused, match="Only Editors may publish"):
        record.save()
    record.refresh_from_db()
    assert record.status == Status.DRAFT


def test_the_refusal_names_the_record_readers_see(contributor):
    person = f.PersonFactory(name="Wang Yi")
    position = f.PositionFactory(person=person)
    with pytest.raises(ChangeRefused, match="person “Wang Yi”"):
        check_may_change(contributor, position)


def test_a_draft_at_the_end_of_a_key_is_none_for_readers_not_an_error():
    state = f.StateFactory(status=Status.DRAFT)
    person = f.PersonFactory(country=state)
    with for_readers():
        assert ev.Person.objects.get(pk=person.pk).country is None
    assert ev.Person.objects.get(pk=person.pk).country == state


def test_a_contributor_only_proposes_renaming_a_published_series_in_the_admin(client, contributor):
    series = f.EventSeriesFactory(name="China–Central Asia Summit")
    event = f.EventFactory(series=series)
    client.force_login(contributor)
    url = f"/admin/events/eventseries/{series.pk}/change/"
    assert not client.get(url).context["pending"]["may_publish"]
    response = client.post(url, {"name": "Renamed", "slug": series.slug, "status": "published"})
    assert response.status_code == 302  # kept as pending changes, for an Editor
    revision = pending.open_revision(series)
    assert pending.decode(type(series), revision.snapshot).values["name"] == "Renamed"
    series.refresh_from_db()
    assert series.name == "China–Central Asia Summit"
    client.logout()
    assert "China–Central Asia Summit" in client.get(event.get_absolute_url()).content.decode()


def test_a_draft_series_is_unseen_on_pages_in_filters_and_in_api_search(client):
    series = f.EventSeriesFactory(name="Secret Format Talks", status=Status.DRAFT)
    event = f.EventFactory(series=series, title="Open meeting")
    assert "Secret Format" not in client.get(event.get_absolute_url()).content.decode()
    listing = client.get("/events/").content.decode()
    assert "Open meeting" in listing and "Secret Format" not in listing
    found = client.get("/api/v1/events/", {"search": "Secret Format"}).json()
    assert found["results"] == []
    detail = client.get(f"/api/v1/events/{event.slug}/").json()
    assert detail["series"] is None


# ---- the doors editors use: API nested writes, admin inlines -------------------------------


def participants_of(event) -> list:
    return list(event.participations.values_list("person_id", "role").order_by("pk"))


@pytest.mark.parametrize("person_status", [Status.PUBLISHED, Status.DRAFT])
def test_a_contributor_only_proposes_new_participants_of_a_published_event_by_api(
    contributor, person_status
):
    from tests.api.conftest import token_client

    event = f.EventFactory()
    host = f.ParticipationFactory(event=event, role="Host")
    newcomer = f.PersonFactory(status=person_status)
    before = participants_of(event), event.updated_at
    url = f"/api/v1/events/{event.slug}/"
    kept = {"person": host.person.slug, "role": "Host"}
    # Removing a row is an Editor's (Contributors delete no rows), even in a proposal.
    response = token_client(contributor).patch(
        url, {"participants": [{"person": newcomer.slug, "role": "Guest"}]}, format="json"
    )
    assert response.status_code == 403
    assert "may not delete" in response.json()["detail"]
    assert pending.open_revision(event) is None
    response = token_client(contributor).patch(
        url, {"participants": [kept, {"person": newcomer.slug, "role": "Guest"}]}, format="json"
    )
    assert response.status_code == 202, response.json()
    event.refresh_from_db()
    assert (participants_of(event), event.updated_at) == before
    proposed = pending.pending_state(event).rows
    (rows,) = [rows for kind, rows in proposed.items() if kind.model is type(host)]
    assert {(r["person_id"], r["role"]) for r in rows.values()} == {
        (host.person_id, "Host"),
        (newcomer.pk, "Guest"),
    }


def test_a_contributor_only_proposes_a_participant_in_the_admin_of_a_published_event(
    client, contributor, superuser
):
    from django.contrib import admin

    from events import models as ev
    from tests.security.test_permission_matrix import admin_form_data

    event = f.EventFactory()
    person = f.PersonFactory()
    client.force_login(contributor)
    url = f"/admin/events/event/{event.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and not page.context["pending"]["may_publish"]
    data = admin_form_data(admin.site._registry[ev.Event], superuser, event)
    data.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-person": person.pk,
            "participations-0-role": "Guest",
            "participations-0-order": "0",
        }
    )
    assert client.post(url, data).status_code == 302  # proposed, for an Editor
    assert not event.participations.exists()
    (rows,) = [
        rows
        for kind, rows in pending.pending_state(event).rows.items()
        if kind.model is ev.Participation
    ]
    assert [r["role"] for r in rows.values()] == ["Guest"]
