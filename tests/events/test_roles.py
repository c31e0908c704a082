"""Who held which office on a given day, and how participants are labelled at events."""

import datetime

import pytest

from events.models import Participation, Position
from tests import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def turkmenistan():
    tkm = f.StateFactory(name="Turkmenistan", iso_code="TKM")
    gurbanguly = f.PersonFactory(name="Gurbanguly Berdimuhamedov", country=tkm)
    serdar = f.PersonFactory(name="Serdar Berdimuhamedov", country=tkm)
    f.PositionFactory(
        person=gurbanguly,
        organization=tkm,
        title="President",
        start_date=D(2007, 2, 14),
        end_date=D(2022, 3, 19),
    )
    f.PositionFactory(person=serdar, organization=tkm, title="President", start_date=D(2022, 3, 19))
    return tkm, gurbanguly, serdar


def test_holder_of_a_role_depends_on_the_date(turkmenistan):
    tkm, gurbanguly, serdar = turkmenistan
    head = Position.Role.HEAD_OF_STATE
    assert Position.holder_of(organization=tkm, role=head, date=D(2022, 1, 25)) == gurbanguly
    assert Position.holder_of(organization=tkm, role=head, date=D(2023, 5, 19)) == serdar
    assert Position.holder_of(organization=tkm, role=head, date=D(2000, 1, 1)) is None


def test_on_a_handover_day_the_new_holder_is_named(turkmenistan):
    tkm, _, serdar = turkmenistan
    head = Position.Role.HEAD_OF_STATE
    assert Position.holder_of(organization=tkm, role=head, date=D(2022, 3, 19)) == serdar


def test_person_role_on_a_date(turkmenistan):
    _, gurbanguly, _ = turkmenistan
    assert gurbanguly.role_on(D(2022, 1, 25)) == "President of Turkmenistan"
    assert gurbanguly.role_on(D(2023, 5, 19)) == ""


def test_participant_is_labelled_with_the_office_held_that_day(turkmenistan):
    tkm, gurbanguly, _ = turkmenistan
    summit = f.EventFactory(start_date=D(2022, 1, 25))
    p = Participation.objects.create(event=summit, person=gurbanguly, representing=tkm)
    assert p.label == "President of Turkmenistan"
    later = f.EventFactory(start_date=D(2024, 1, 1))
    p2 = Participation.objects.create(event=later, person=gurbanguly, representing=tkm)
    assert p2.label == ""


def test_role_given_at_the_event_wins_over_the_office(turkmenistan):
    tkm, gurbanguly, _ = turkmenistan
    p = Participation.objects.create(
        event=f.EventFactory(start_date=D(2022, 1, 25)),
        person=gurbanguly,
        representing=tkm,
        role="Chair",
    )
    assert p.label == "Chair"


def test_the_more_senior_office_names_a_person_holding_two():
    chn = f.StateFactory(name="China", iso_code="CHN")
    wang = f.PersonFactory(name="Wang Yi", country=chn)
    f.PositionFactory(
        person=wang,
        organization=chn,
        role=Position.Role.PARTY_OFFICIAL,
        title="Member of the Politburo",
        start_date=D(2022, 10, 1),
    )
    f.PositionFactory(
        person=wang,
        organization=chn,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2023, 7, 25),
    )
    assert wang.role_on(D(2023, 12, 1)) == "Minister of Foreign Affairs of China"


def test_acting_offices_say_so():
    kgz = f.StateFactory(name="Kyrgyzstan", iso_code="KGZ")
    japarov = f.PersonFactory(name="Sadyr Japarov", country=kgz)
    f.PositionFactory(
        person=japarov,
        organization=kgz,
        title="President",
        is_acting=True,
        start_date=D(2020, 10, 16),
        end_date=D(2020, 11, 14),
    )
    assert japarov.role_on(D(2020, 11, 1)) == "Acting President of Kyrgyzstan"


def test_an_end_known_to_the_month_lasts_the_whole_month():
    kgz = f.StateFactory(name="Kyrgyzstan", iso_code="KGZ")
    aidarbekov = f.PersonFactory(name="Chingiz Aidarbekov", country=kgz)
    f.PositionFactory(
        person=aidarbekov,
        organization=kgz,
        role=Position.Role.FOREIGN_MINISTER,
        title="Minister of Foreign Affairs",
        start_date=D(2018, 4, 1),
        start_precision="month",
        end_date=D(2020, 10, 1),
        end_precision="month",
    )
    fm = Position.Role.FOREIGN_MINISTER
    assert Position.holder_of(organization=kgz, role=fm, date=D(2020, 10, 20)) == aidarbekov
    assert aidarbekov.role_on(D(2020, 10, 20)) == "Minister of Foreign Affairs of Kyrgyzstan"
    assert Position.holder_of(organization=kgz, role=fm, date=D(2020, 11, 2)) is None
