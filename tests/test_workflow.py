"""Draft → review → published → withdrawn, enforced in the service layer for every record."""

import pytest
from django.contrib.auth.models import AnonymousUser

from cmsproject.editorial import actions, workflow
from cmsproject.editorial.models import Status
from events.models import Agreement, Event, Organization, Person, Place, Topic
from sources.models import Outlet, Source
from tests import factories as f

pytestmark = pytest.mark.django_db

RECORD_FACTORIES = [
    f.OutletFactory,
    f.SourceFactory,
    f.OrganizationFactory,
    f.PlaceFactory,
    f.PersonFactory,
    f.EventFactory,
    f.AgreementFactory,
    f.TopicFactory,
    f.IndicatorFactory,
    f.FigureFactory,
]


@pytest.mark.parametrize("factory", RECORD_FACTORIES)
def test_contributor_submits_and_editor_publishes_every_record(factory, contributor, editor):
    record = factory(status=Status.DRAFT, published_at=None)
    actions.submit_for_review(obj=record, user=contributor)
    record.refresh_from_db()
    assert record.status == Status.REVIEW
    actions.publish(obj=record, user=editor)
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    assert record.published_at is not None
    assert record.updated_by == editor


@pytest.mark.parametrize("factory", RECORD_FACTORIES)
def test_contributor_cannot_publish_or_withdraw(factory, contributor):
    record = factory(status=Status.REVIEW, published_at=None)
    with pytest.raises(workflow.WorkflowError, match="only Editors may publish"):
        actions.publish(obj=record, user=contributor)
    record.refresh_from_db()
    assert record.status == Status.REVIEW
    assert record.published_at is None

    live = factory(status=Status.PUBLISHED)
    with pytest.raises(workflow.WorkflowError, match="only Editors may publish or withdraw"):
        actions.withdraw(obj=live, user=contributor)
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED


def test_published_at_is_kept_from_first_publication(editor):
    event = f.EventFactory(status=Status.DRAFT, published_at=None)
    actions.publish(obj=event, user=editor)
    first = Event.objects.get(pk=event.pk).published_at
    actions.withdraw(obj=event, user=editor)
    actions.publish(obj=event, user=editor)
    assert Event.objects.get(pk=event.pk).published_at == first


def test_withdrawn_records_can_go_back_to_draft_but_drafts_cannot_be_withdrawn(editor):
    event = f.EventFactory(status=Status.DRAFT, published_at=None)
    with pytest.raises(workflow.WorkflowError, match="cannot go from draft to withdrawn"):
        actions.withdraw(obj=event, user=editor)
    actions.publish(obj=event, user=editor)
    actions.withdraw(obj=event, user=editor)
    actions.return_to_draft(obj=event, user=editor)
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


@pytest.mark.parametrize("factory", RECORD_FACTORIES)
@pytest.mark.parametrize("start", [Status.PUBLISHED, Status.WITHDRAWN])
def test_contributor_cannot_undo_an_editors_decision_by_bulk_action(factory, start, contributor):
    record = factory(status=start)
    result = actions.bulk_transition(
        objects=type(record).objects.filter(pk=record.pk), target=Status.DRAFT, user=contributor
    )
    record.refresh_from_db()
    assert record.status == start
    assert len(result.refused) == 1
    if start == Status.WITHDRAWN:
        assert "only Editors" in result.summary(type(record)._meta.verbose_name_plural)


def test_users_without_an_account_or_group_change_nothing(db):
    event = f.EventFactory(status=Status.DRAFT)
    outsider = f.UserFactory(username="outsider")
    with pytest.raises(workflow.WorkflowError):
        actions.submit_for_review(obj=event, user=outsider)
    with pytest.raises(workflow.WorkflowError):
        actions.publish(obj=event, user=AnonymousUser())
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


def test_superuser_may_publish(superuser):
    event = f.EventFactory(status=Status.REVIEW)
    actions.publish(obj=event, user=superuser)
    assert Event.objects.get(pk=event.pk).status == Status.PUBLISHED


def test_status_changes_are_in_the_history_with_who_and_why(contributor, editor):
    person = f.PersonFactory(status=Status.DRAFT)
    actions.submit_for_review(obj=person, user=contributor)
    actions.publish(obj=person, user=editor)
    latest = person.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Published"
    assert latest.status == Status.PUBLISHED
    assert person.history.all()[1].history_user == contributor


def test_bulk_transition_reports_what_it_did(contributor, editor):
    events = [f.EventFactory(status=Status.REVIEW) for _ in range(2)]
    live = f.EventFactory(status=Status.PUBLISHED)
    result = actions.bulk_transition(
        objects=Event.objects.all(), target=Status.PUBLISHED, user=editor
    )
    assert {e.pk for e in result.changed} == {e.pk for e in events}
    assert [e.pk for e in result.unchanged] == [live.pk]
    assert result.summary("events") == "2 events published; 1 already published."

    refused = actions.bulk_transition(
        objects=Event.objects.filter(pk=live.pk), target=Status.WITHDRAWN, user=contributor
    )
    assert len(refused.refused) == 1
    assert "refused" in refused.summary("events")
    assert Event.objects.get(pk=live.pk).status == Status.PUBLISHED


def test_groups_are_created_with_the_right_permissions(contributor, editor):
    for model in (Outlet, Source, Organization, Place, Person, Event, Agreement, Topic):
        assert not workflow.can_publish(contributor, model)
        assert workflow.can_publish(editor, model)
        opts = model._meta
        assert contributor.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        assert not contributor.has_perm(f"{opts.app_label}.delete_{opts.model_name}")
        assert editor.has_perm(f"{opts.app_label}.merge_{opts.model_name}")


@pytest.mark.parametrize("factory", RECORD_FACTORIES)
def test_published_and_visible_to(factory, contributor, db):
    model = factory._meta.model
    draft = factory(status=Status.DRAFT)
    review = factory(status=Status.REVIEW)
    live = factory(status=Status.PUBLISHED)
    gone = factory(status=Status.WITHDRAWN)
    assert list(model.objects.published()) == [live]
    assert list(model.objects.visible_to(AnonymousUser())) == [live]
    reader = f.UserFactory(username="reader", is_staff=False)
    assert list(model.objects.visible_to(reader)) == [live]
    staff_visible = set(model.objects.visible_to(contributor))
    assert staff_visible == {draft, review, live, gone}
