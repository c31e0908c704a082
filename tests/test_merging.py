"""Merging duplicate people, organizations and places from the admin."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cmsproject.editorial.models import Status
from events import merging
from events.models import (
    Event,
    Mention,
    Organization,
    OrganizationAlias,
    Participation,
    Person,
    PersonAlias,
    Place,
    Position,
)
from sources.models import Citation
from tests import factories as f

pytestmark = pytest.mark.django_db


def changelist(model):
    return reverse(f"admin:events_{model._meta.model_name}_changelist")


def mention(source, record, text):
    return Mention.objects.create(
        source=source,
        kind=record._meta.model_name,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        text=text,
        start=0,
        end=len(text),
    )


@pytest.fixture
def twins():
    """Sadyr Japarov entered twice: once with a participation, an office and a citation, once
    (as "Sadyr Zhaparov") with the same event, another event, an office, a citation, an alias
    and a linking suggestion."""
    summit = f.EventFactory(title="Xi'an Summit", slug="xian-summit")
    forum = f.EventFactory(title="Astana Forum", slug="astana-forum")
    kept = f.PersonFactory(name="Sadyr Japarov", slug="sadyr-japarov")
    dup = f.PersonFactory(name="Sadyr Zhaparov", slug="sadyr-zhaparov", native_name="Садыр Жапаров")
    f.ParticipationFactory(event=summit, person=kept)
    f.ParticipationFactory(event=summit, person=dup, role="Head of delegation")
    f.ParticipationFactory(event=forum, person=dup)
    f.PositionFactory(person=kept, title="President", start_date="2021-01-28")
    f.PositionFactory(person=dup, title="Chairman of the Cabinet", start_date="2020-10-14")
    source = f.SourceFactory()
    f.CitationFactory(record=kept, source=source)
    f.CitationFactory(record=dup, source=f.SourceFactory(), excerpt="The foreign ministers met")
    f.PersonAliasFactory(person=dup, name="Caparov")
    f.PersonAliasFactory(person=kept, name="Japarov")
    f.PersonAliasFactory(person=dup, name="Japarov")  # the same alias on both
    mention(source, dup, "Zhaparov")
    return kept, dup


def merge_in_admin(client, model, records, keep):
    return client.post(
        changelist(model),
        {
            "action": "merge_duplicates",
            "_selected_action": [r.pk for r in records],
            "keep": keep.pk,
            "post": "yes",
        },
        follow=True,
    )


def test_editor_sees_what_will_move_before_merging(client, editor, twins):
    kept, dup = twins
    client.force_login(editor)
    response = client.post(
        changelist(Person), {"action": "merge_duplicates", "_selected_action": [kept.pk, dup.pk]}
    )
    assert response.status_code == 200
    assert response.templates[0].name == "admin/merge_duplicates.html"
    counts = dict(response.context["records"])
    assert dict(counts[dup]) == {
        "aliases": 2,
        "positions": 1,
        "participations": 2,
        "citations": 1,
        "mentions": 1,
    }
    assert dict(counts[kept]) == {
        "aliases": 1,
        "positions": 1,
        "participations": 1,
        "citations": 1,
    }
    assert Person.objects.count() == 2  # nothing happens before the editor confirms


def test_merging_moves_everything_to_the_kept_person(client, editor, twins):
    kept, dup = twins
    client.force_login(editor)
    response = merge_in_admin(client, Person, [kept, dup], keep=kept)

    assert response.redirect_chain[-1][0] == reverse("admin:events_person_change", args=[kept.pk])
    message = next(str(m) for m in response.context["messages"])
    assert message.startswith("Merged “Sadyr Zhaparov” into “Sadyr Japarov”.")
    assert not Person.objects.filter(pk=dup.pk).exists()
    events = Participation.objects.filter(person=kept).values_list("event__slug", flat=True)
    assert sorted(events) == ["astana-forum", "xian-summit"]  # the summit once, not twice
    # The repeat was dropped, but what only it said was kept.
    assert Participation.objects.get(person=kept, event__slug="xian-summit").role == (
        "Head of delegation"
    )
    assert sorted(Position.objects.filter(person=kept).values_list("title", flat=True)) == [
        "Chairman of the Cabinet",
        "President",
    ]
    assert Citation.objects.for_object(kept).count() == 2
    assert Citation.objects.filter(object_id=dup.pk, content_type__model="person").count() == 0
    assert Mention.objects.get().object_id == kept.pk
    aliases = sorted(PersonAlias.objects.filter(person=kept).values_list("name", flat=True))
    assert aliases == ["Caparov", "Japarov", "Sadyr Zhaparov", "Садыр Жапаров"]
    kept.refresh_from_db()
    assert kept.native_name == "Садыр Жапаров"  # an empty field filled from the duplicate


def test_kept_page_shows_everything_and_the_duplicate_leads_there(client, editor, twins):
    kept, dup = twins
    client.force_login(editor)
    merge_in_admin(client, Person, [kept, dup], keep=kept)
    client.logout()

    page = client.get(kept.get_absolute_url()).content.decode()
    for text in ("Xi&#x27;an Summit", "Astana Forum", "Chairman of the Cabinet", "Caparov"):
        assert text in page
    assert "Sadyr Zhaparov" in page  # as an alias ("Also written")
    # the duplicate is gone, and its old address answers 301 to the kept record
    old = client.get(reverse("site:person-detail", args=["sadyr-zhaparov"]))
    assert (old.status_code, old["Location"]) == (301, kept.get_absolute_url())


def test_history_shows_who_merged(client, editor, twins):
    kept, dup = twins
    client.force_login(editor)
    merge_in_admin(client, Person, [kept, dup], keep=kept)

    latest = kept.history.first()
    assert latest.history_change_reason == "Merged “Sadyr Zhaparov” into this record"
    assert latest.history_user == editor
    gone = Person.history.filter(id=dup.pk).first()
    assert (gone.history_type, gone.history_user) == ("-", editor)
    assert gone.history_change_reason == "Merged into “Sadyr Japarov”"
    moved = Participation.history.filter(person_id=kept.pk, event__slug="astana-forum").first()
    assert moved.history_user == editor
    history = client.get(reverse("admin:events_person_history", args=[kept.pk]))
    assert "Merged “Sadyr Zhaparov” into this record" in history.content.decode()


def test_merging_organizations_moves_relations_and_links(editor):
    kept = f.StateFactory(name="Kazakhstan", slug="kazakhstan")
    dup = f.OrganizationFactory(name="Republic of Kazakhstan", slug="rk", short_name="RK")
    sco = f.OrganizationFactory(name="SCO")
    sco.members.add(dup, kept)
    ministry = f.OrganizationFactory(name="Ministry", parent=dup)
    person = f.PersonFactory(country=dup)
    place = f.PlaceFactory(country=dup)
    event = f.EventFactory(host=dup)
    agreement = f.AgreementFactory()
    agreement.parties.add(dup)
    f.ParticipationFactory(event=event, person=person, representing=dup)

    result = merging.merge_records(keep=kept, duplicates=[dup], user=editor)

    assert result.moved["children"] == 1 and result.moved["hosted events"] == 1
    assert list(sco.members.all()) == [kept]
    for obj, attr in [(ministry, "parent_id"), (person, "country_id"), (place, "country_id")]:
        obj.refresh_from_db()
        assert getattr(obj, attr) == kept.pk
    assert Event.objects.get(pk=event.pk).host == kept
    assert list(agreement.parties.all()) == [kept]
    assert Participation.objects.get().representing == kept
    assert set(OrganizationAlias.objects.values_list("name", flat=True)) == {
        "Republic of Kazakhstan",
        "RK",
    }


def test_merging_places_moves_events(editor):
    kept = f.PlaceFactory(name="Astana")
    dup = f.PlaceFactory(name="Nur-Sultan", country=kept.country)
    event = f.EventFactory(place=dup)
    merging.merge_records(keep=kept, duplicates=[dup], user=editor)
    assert Event.objects.get(pk=event.pk).place == kept
    assert list(kept.aliases.values_list("name", flat=True)) == ["Nur-Sultan"]
    assert not Place.objects.filter(pk=dup.pk).exists()


def test_merging_three_at_once(editor):
    kept, a, b = (f.PersonFactory(name=n) for n in ("Wang Yi", "Wang I", "Van I"))
    event = f.EventFactory()
    for p in (kept, a, b):
        f.ParticipationFactory(event=event, person=p)
    result = merging.merge_records(keep=kept, duplicates=[a, b], user=editor)
    assert result.merged == ["Wang I", "Van I"]
    assert Participation.objects.get().person == kept
    assert list(Person.objects.all()) == [kept]
    assert [h.history_change_reason for h in kept.history.all()[:2]] == [
        "Merged “Van I” into this record",
        "Merged “Wang I” into this record",
    ]


def test_one_selected_record_is_refused(client, editor):
    person = f.PersonFactory()
    client.force_login(editor)
    response = client.post(
        changelist(Person),
        {"action": "merge_duplicates", "_selected_action": [person.pk], "post": "yes"},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Select at least two people to merge: the one to keep and its duplicates. "
        "Nothing was changed."
    ]
    assert Person.objects.filter(pk=person.pk).exists()


def test_contributor_is_not_offered_the_merge_action(client, contributor, editor):
    f.PersonFactory()
    for user, offered in [(contributor, False), (editor, True)]:
        client.force_login(user)
        for model in (Person, Organization, Place):
            field = client.get(changelist(model)).context["action_form"].fields["action"]
            assert ("merge_duplicates" in dict(field.choices)) is offered


def test_forged_merge_by_a_contributor_changes_nothing(client, contributor, twins):
    kept, dup = twins
    before = (Participation.objects.count(), PersonAlias.objects.count(), kept.history.count())
    client.force_login(contributor)
    response = merge_in_admin(client, Person, [kept, dup], keep=kept)
    assert response.status_code == 200
    assert Person.objects.filter(pk=dup.pk).exists()
    assert Participation.objects.filter(person=dup).count() == 2
    after = (Participation.objects.count(), PersonAlias.objects.count(), kept.history.count())
    assert after == before


def test_service_refuses_a_contributor(contributor, twins):
    kept, dup = twins
    with pytest.raises(merging.MergeError, match="only Editors"):
        merging.merge_records(keep=kept, duplicates=[dup], user=contributor)
    assert Person.objects.count() == 2


def test_kept_record_keeps_its_status(editor):
    kept = f.PersonFactory(status=Status.DRAFT)
    dup = f.PersonFactory(status=Status.PUBLISHED)
    merging.merge_records(keep=kept, duplicates=[dup], user=editor)
    kept.refresh_from_db()
    assert kept.status == Status.DRAFT


def test_links_between_the_merged_records_do_not_point_at_themselves(editor):
    dup = f.OrganizationFactory(name="Central Asia Format")
    kept = f.OrganizationFactory(name="C5+1", parent=dup)
    dup.members.add(kept)
    kept.members.add(dup)
    merging.merge_records(keep=kept, duplicates=[dup], user=editor)
    kept.refresh_from_db()
    assert kept.parent is None
    assert list(kept.members.all()) == []
    assert list(kept.member_of.all()) == []
