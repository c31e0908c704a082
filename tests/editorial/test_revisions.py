"""Revert that works: every record type, its fields and its rows, there and back.

For each record type and each kind of row it owns (found from the models): edit the record,
change one row, add one, remove one, then compare with the first revision in the admin, revert,
and find the record and its rows as they were — and every row change in the record's History
and in Activity.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.fields import GenericForeignKey
from django.urls import reverse

from cmsproject.editorial import revisions
from cmsproject.editorial.models import Status
from cmsproject.editorial.registry import publishable_models
from cmsproject.editorial.rights import acting
from tests import factories as f
from tests.editorial.test_rights import ROW_FACTORIES, edit

pytestmark = pytest.mark.django_db

RECORD_FACTORIES = {
    f.OutletFactory._meta.model: f.OutletFactory,
    f.SourceFactory._meta.model: f.SourceFactory,
    f.OrganizationFactory._meta.model: f.OrganizationFactory,
    f.PlaceFactory._meta.model: f.PlaceFactory,
    f.PersonFactory._meta.model: f.PersonFactory,
    f.EventSeriesFactory._meta.model: f.EventSeriesFactory,
    f.EventFactory._meta.model: f.EventFactory,
    f.AgreementFactory._meta.model: f.AgreementFactory,
    f.TopicFactory._meta.model: f.TopicFactory,
    f.IndicatorFactory._meta.model: f.IndicatorFactory,
    f.FigureFactory._meta.model: f.FigureFactory,
}
TEXT = {
    **{"Event": "summary", "Source": "summary", "Person": "biography", "Agreement": "summary"},
    "Figure": "note",
}


def test_every_record_type_is_covered_here():
    assert set(RECORD_FACTORIES) == set(publishable_models())


def admin_url(obj, view: str, *args) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def text_field(model) -> str:
    names = {f.name for f in model._meta.concrete_fields}
    return TEXT.get(model.__name__) or ("description" if "description" in names else "name")


def row_for(kind: revisions.RowKind, record):
    owner = revisions.owner_field(kind.model)
    name = owner.name
    return ROW_FACTORIES[kind.model](**{name: record})


def rows_of(kind, record) -> dict:
    return revisions.state_now(record).rows[kind]


CASES = [
    pytest.param(model, kind, id=f"{model.__name__}-{kind.model.__name__}")
    for model in publishable_models()
    for kind in revisions.row_kinds(model)
] + [pytest.param(model, None, id=model.__name__) for model in publishable_models()]


@pytest.mark.parametrize("model, kind", CASES)
def test_revert_brings_back_the_record_and_its_rows(model, kind, client, editor):
    record = RECORD_FACTORIES[model](status=Status.DRAFT, published_at=None)
    field = text_field(model)
    kept, changed = [], None
    if kind is not None:
        changed, removed = row_for(kind, record), row_for(kind, record)
        kept = rows_of(kind, record)
    with acting(editor):
        record.save()  # the revision to go back to: the record and these rows
    first = record.history.order_by("-history_date", "-history_id").first()
    before = getattr(record, field)

    with acting(editor):
        setattr(record, field, "Rewritten after the first revision")
        record.save()
        if kind is not None:
            edit(changed, "Row rewritten")
            changed.save()
            removed.delete()
            added = row_for(kind, record)

    client.force_login(editor)
    url = admin_url(record, "simple_history", first.history_id)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Rewritten after the first revision" in text  # what it is now, beside what it was
    if kind is not None:
        listed = {c.what for c in page.context["changes"]}
        assert str(kind.model._meta.verbose_name) in listed
        assert "removed" in text  # the row added since goes

    loaded = re.search(r'name="loaded_version" value="([^"]*)"', text).group(1)
    response = client.post(url, {"loaded_version": loaded})
    assert response.status_code == 302, response.content.decode()[:2000]
    record.refresh_from_db()
    assert getattr(record, field) == before
    assert record.status == Status.DRAFT  # reverting is an edit, not a publication
    if kind is not None:
        assert rows_of(kind, record) == kept
        assert not kind.model._base_manager.filter(pk=added.pk).exists()
        # Nothing left to revert: the revision and the record now agree.
        assert not client.get(url).context["changes"] or all(
            c.what == str(kind.model._meta.verbose_name) and c.before == c.after
            for c in client.get(url).context["changes"]
        )

        history = client.get(admin_url(record, "history")).content.decode()
        name = str(kind.model._meta.verbose_name)
        for action in ("added", "changed", "removed"):
            assert re.search(rf"{re.escape(name)}: .*?</td>\s*<td>{action}</td>", history, re.S)
        assert editor.username in history


def test_a_contributor_cannot_revert_a_published_record(client, contributor, editor):
    person = f.PersonFactory(biography="First")
    first = person.history.first()
    with acting(editor):
        person.biography = "Second"
        person.save()
    client.force_login(contributor)
    url = admin_url(person, "simple_history", first.history_id)
    page = client.get(url)
    assert page.status_code == 200 and "Revert to this revision" not in page.content.decode()
    assert client.post(url, {}).status_code == 403
    person.refresh_from_db()
    assert person.biography == "Second"


def test_revert_refuses_when_someone_else_saved_meanwhile(client, editor):
    person = f.PersonFactory(status=Status.DRAFT, biography="First")
    first = person.history.first()
    client.force_login(editor)
    url = admin_url(person, "simple_history", first.history_id)
    person.biography = "Second"
    person.save()
    loaded = re.search(r'name="loaded_version" value="([^"]*)"', client.get(url).content.decode())
    person.biography = "Third, by someone else"
    person.save()
    response = client.post(url, {"loaded_version": loaded.group(1)})
    assert response.status_code == 400
    assert "changed by" in response.content.decode()
    person.refresh_from_db()
    assert person.biography == "Third, by someone else"


def test_generic_rows_are_found_from_the_models():
    kinds = {k.model.__name__ for k in revisions.row_kinds(f.PersonFactory._meta.model)}
    assert {"Citation", "PersonAlias", "Position"} <= kinds
    citation = next(k for k in revisions.row_kinds(f.EventFactory._meta.model) if k.ct_field)
    assert isinstance(revisions.owner_field(citation.model), GenericForeignKey)


def test_row_changes_are_in_activity_with_the_record_they_belong_to(client, editor):
    event = f.EventFactory(title="Astana ministerial", status=Status.DRAFT)
    person = f.PersonFactory(name="Murat Nurtleu")
    with acting(editor):
        participation = f.ParticipationFactory(event=event, person=person, role="Host")
        participation._history_user = editor
        participation.role = "Chair"
        participation.save()
    client.force_login(editor)
    page = client.get(reverse("admin-activity"), {"record_type": "events.participation"})
    text = page.content.decode()
    assert "Astana ministerial" in text
    assert reverse("admin:events_event_change", args=[event.pk]) in text
    assert editor.username in text
    entries = page.context["page"].entries
    assert {e.action for e in entries} == {"created", "edited"}
