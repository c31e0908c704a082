"""The database refuses what can never be true, whichever path writes it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, Organization, Participation, Position
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.EventFactory(start_date=datetime.date(2023, 5, 19), end_date=datetime.date(2023, 5, 18))
    assert not Event.objects.exists()


def test_event_end_before_start_is_a_clear_form_error():
    event = f.EventFactory.build(
        start_date=datetime.date(2023, 5, 19),
        end_date=datetime.date(2023, 5, 18),
        place=f.PlaceFactory(),
    )
    with pytest.raises(ValidationError) as err:
        event.full_clean()
    assert "The end date cannot be before the start date." in str(err.value)


def test_position_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.PositionFactory(start_date=datetime.date(2022, 3, 19), end_date=datetime.date(2022, 1, 1))
    assert not Position.objects.exists()


def test_slugs_are_unique_per_record_type():
    f.PersonFactory(slug="wang-yi")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.PersonFactory(slug="wang-yi")


def test_duplicate_slug_is_a_clear_form_error():
    f.PersonFactory(slug="wang-yi")
    other = f.PersonFactory.build(slug="wang-yi", country=None)
    with pytest.raises(ValidationError) as err:
        other.full_clean()
    assert "slug" in err.value.message_dict


def test_state_codes_are_unique():
    f.StateFactory(iso_code="KAZ")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.StateFactory(iso_code="KAZ")


def test_a_state_needs_a_code_but_other_bodies_do_not():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.StateFactory(iso_code="")
    f.OrganizationFactory(iso_code="")
    f.OrganizationFactory(iso_code="")
    assert Organization.objects.filter(iso_code="").count() == 2


def test_one_participation_per_person_per_event():
    p = f.ParticipationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(event=p.event, person=p.person)
    assert Participation.objects.count() == 1


def test_series_numbers_are_unique_within_a_series():
    series = f.EventSeriesFactory()
    f.EventFactory(series=series, ordinal=5)
    f.EventFactory(series=f.EventSeriesFactory(), ordinal=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.EventFactory(series=series, ordinal=5)


def test_agreement_cannot_enter_into_force_before_signing():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.AgreementFactory(
            signed_on=datetime.date(2025, 6, 17), entry_into_force=datetime.date(2025, 1, 1)
        )


def test_source_urls_are_unique_but_many_sources_may_have_none():
    f.SourceFactory(url="https://example.org/a")
    f.SourceFactory(url="")
    f.SourceFactory(url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.SourceFactory(url="https://example.org/a")


def test_slug_is_made_from_the_name_when_missing():
    person = f.PersonFactory(name="Kassym-Jomart Tokayev", slug="")
    again = f.PersonFactory(name="Kassym-Jomart Tokayev", slug="")
    assert person.slug == "kassym-jomart-tokayev"
    assert again.slug == "kassym-jomart-tokayev-2"


def test_topic_cannot_sit_under_its_own_child():
    parent = f.TopicFactory()
    child = f.TopicFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()


def test_slugs_from_titles_with_dashes_keep_the_words_apart():
    event = f.EventFactory(title="Sixth China–Central Asia Foreign Ministers' Meeting", slug="")
    assert event.slug == "sixth-china-central-asia-foreign-ministers-meeting"
