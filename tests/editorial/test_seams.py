"""The seams between records: a published record never shows an unpublished one it relates to.

Every relation is found from the models (a new relation is covered without editing this file):
for each foreign key, many-to-many and generic relation of every editorial model that reaches a
Publishable record, a row of the demo data is taken, the far end made a draft, and what a reader
can load is checked — through the manager, a join (``select_related``), ``prefetch_related``, a
lazy attribute and a related manager.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from cmsproject.editorial.models import Publishable, Status
from cmsproject.editorial.registry import editorial_app_labels, publishable_models
from cmsproject.editorial.visibility import AudienceManager, for_readers


def editorial_models() -> list[type[models.Model]]:
    from django.apps import apps

    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in editorial_app_labels() and not m.__name__.startswith("Historical")
    ]


def relations() -> list[tuple[type[models.Model], models.Field]]:
    found = []
    for model in editorial_models():
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if field.auto_created or target is None or not issubclass(target, Publishable):
                continue
            if field.many_to_one or field.many_to_many:
                found.append((model, field))
    return found


RELATIONS = relations()


def test_the_graph_has_the_relations_readers_see():
    names = {f"{m.__name__}.{f.name}" for m, f in RELATIONS}
    for expected in (
        "Position.organization",
        "Participation.representing",
        "Participation.person",
        "Signatory.on_behalf_of",
        "Citation.source",
        "Source.outlet",
        "Event.place",
        "Agreement.parties",
    ):
        assert expected in names


@pytest.mark.parametrize("model", editorial_models(), ids=lambda m: m.__name__)
def test_every_editorial_model_reads_through_the_audience(model):
    assert isinstance(model._default_manager, AudienceManager)
    assert isinstance(model._base_manager, AudienceManager)


@pytest.fixture
def demo(demo_data, db):
    """The demo data, loaded once for the module; each test's changes are rolled back."""


def _hide(target: models.Model) -> None:
    type(target)._base_manager.filter(pk=target.pk).update(status=Status.DRAFT)


@pytest.mark.parametrize(
    ("model", "field"), RELATIONS, ids=[f"{m.__name__}.{f.name}" for m, f in RELATIONS]
)
def test_a_draft_at_the_far_end_is_invisible_to_readers(demo, model, field):
    if field.many_to_many:
        owner = model._base_manager.filter(**{f"{field.name}__isnull": False}).first()
        if owner is None:
            pytest.skip(f"the demo data has no {model.__name__} with {field.name}")
        target = getattr(owner, field.name).first()
        _hide(target)
        with for_readers():
            assert target not in getattr(model.objects.get(pk=owner.pk), field.name).all()
            fetched = model.objects.prefetch_related(field.name).filter(pk=owner.pk)
            assert all(target not in getattr(o, field.name).all() for o in fetched)
        return

    row = model._base_manager.filter(**{f"{field.name}__isnull": False}).first()
    if row is None:
        pytest.skip(f"the demo data has no {model.__name__} with {field.name}")
    target = getattr(row, field.name)
    _hide(target)
    with for_readers():
        required = not field.null and not issubclass(model, Publishable)
        if required or field.name in getattr(model, "hidden_with", ()):
            # A relation row needs its far end: without it, the row does not exist for readers
            # (nor does a record shown only with it, such as a figure without its indicator).
            assert not model.objects.filter(pk=row.pk).exists()
            assert model.objects.filter(pk=row.pk).count() == 0
            return
        if issubclass(model, Publishable) and row.status != Status.PUBLISHED:
            return  # the near end is hidden too
        for loaded in (
            model.objects.select_related(field.name).get(pk=row.pk),
            model.objects.prefetch_related(field.name).get(pk=row.pk),
            model.objects.get(pk=row.pk),  # followed lazily
        ):
            try:
                shown = getattr(loaded, field.name)
            except ObjectDoesNotExist:
                shown = None
            assert shown is None, f"{model.__name__}.{field.name} shows a draft"


def test_citations_of_a_draft_record_are_invisible_to_readers(demo):
    from sources.models import Citation

    generic = next(f for f in Citation._meta.private_fields if isinstance(f, GenericForeignKey))
    citation = Citation.objects.first()
    record = getattr(citation, generic.name)
    _hide(record)
    with for_readers():
        assert not Citation.objects.filter(pk=citation.pk).exists()
        assert not citation.source.citations.filter(pk=citation.pk).exists()


@pytest.mark.parametrize("model", publishable_models(), ids=lambda m: m.__name__)
def test_readers_load_no_draft_record(demo, model):
    row = model._base_manager.first()
    if row is None:
        pytest.skip(f"no {model.__name__} in the demo data")
    _hide(row)
    with for_readers():
        assert not model.objects.filter(pk=row.pk).exists()
        assert row.pk not in model.objects.values_list("pk", flat=True)


# ---- the public paths: pages and the API, for anonymous readers and non-staff accounts -------


@pytest.fixture(params=["anonymous", "non-staff"])
def reader(request, client, db):
    if request.param == "non-staff":
        from tests import factories as f

        client.force_login(f.UserFactory(username="rita", is_staff=False))
    return client


def _paths_of(record) -> list[str]:
    paths = [record.get_absolute_url()]
    api = {
        "event": "events",
        "person": "people",
        "agreement": "agreements",
        "organization": "organizations",
        "source": "sources",
    }.get(record._meta.model_name)
    if api:
        paths += [f"/api/v1/{api}/{record.slug}/", f"/api/v1/{api}/?format=csv"]
    return paths


def test_an_office_at_a_draft_state_is_not_shown(demo, reader):
    from events.models import Position

    position = Position.objects.select_related("person", "organization").first()
    state, label = position.organization, position.label
    _hide(state)
    for path in _paths_of(position.person):
        body = reader.get(path).content.decode()
        assert label not in body and f"/{state.slug}/" not in body, path


def test_a_participant_represents_no_draft_state(demo, reader):
    from events.models import Participation

    row = Participation.objects.exclude(representing=None).select_related("representing").first()
    state, event = row.representing, row.event
    _hide(state)
    # the state's people and places would name it too: hide the state's name only
    for path in _paths_of(event):
        body = reader.get(path).content.decode()
        assert f'"{state.slug}"' not in body and f"/{state.slug}/" not in body, path


def test_a_signatory_is_not_shown_for_a_draft_party(demo, reader):
    from events.models import Signatory

    row = Signatory.objects.select_related("on_behalf_of", "agreement", "person").first()
    if row is None:
        pytest.skip("no signatory in the demo data")
    party = row.on_behalf_of
    _hide(party)
    for path in _paths_of(row.agreement):
        body = reader.get(path).content.decode()
        assert f"/{party.slug}/" not in body and f'"{party.slug}"' not in body, path


def test_a_citation_names_no_draft_outlet(demo, reader):
    from sources.models import Citation

    citation = Citation.objects.exclude(source__outlet=None).first()
    outlet = citation.source.outlet
    _hide(outlet)
    for path in _paths_of(citation.record):
        body = reader.get(path).content.decode()
        assert outlet.name not in body, path
