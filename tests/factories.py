"""factory_boy factories for every record; published by default unless a test says otherwise."""

from __future__ import annotations

import datetime
import decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cmsproject.editorial.models import Status
from events import models as ev
from sources import models as src


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
        if create:
            self.save()


def contributor(**kwargs):
    return UserFactory(groups=["Contributor"], **kwargs)


def editor(**kwargs):
    return UserFactory(groups=["Editor"], **kwargs)


class PublishableFactory(factory.django.DjangoModelFactory):
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))


class OutletFactory(PublishableFactory):
    class Meta:
        model = src.Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    kind = src.Outlet.Kind.WIRE
    country_code = "KAZ"
    language = "en"


class SourceFactory(PublishableFactory):
    class Meta:
        model = src.Source

    title = factory.Sequence(lambda n: f"Ministers meet for talks, report {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")
    published_on = datetime.date(2023, 12, 1)
    language = "en"
    body = (
        "The foreign ministers met in Chengdu on 1 December.\n\n"
        "Bilateral trade reached a record high, the ministry said."
    )
    summary = "Ministers met in Chengdu."


class OrganizationFactory(PublishableFactory):
    class Meta:
        model = ev.Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = ev.Organization.Kind.IGO


_ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class StateFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    kind = ev.Organization.Kind.STATE
    iso_code = factory.Sequence(lambda n: "Q" + _ALPHA[(n // 26) % 26] + _ALPHA[n % 26])


class PlaceFactory(PublishableFactory):
    class Meta:
        model = ev.Place

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = factory.SubFactory(StateFactory)


class PersonFactory(PublishableFactory):
    class Meta:
        model = ev.Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    country = factory.SubFactory(StateFactory)


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.Position

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(StateFactory)
    role = ev.Position.Role.HEAD_OF_STATE
    title = "President"
    start_date = datetime.date(2019, 1, 1)


class TopicFactory(PublishableFactory):
    class Meta:
        model = ev.Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class EventSeriesFactory(PublishableFactory):
    class Meta:
        model = ev.EventSeries

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class EventFactory(PublishableFactory):
    class Meta:
        model = ev.Event

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = ev.Event.Kind.MINISTERIAL
    start_date = datetime.date(2023, 12, 1)
    place = factory.SubFactory(PlaceFactory)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class AgreementFactory(PublishableFactory):
    class Meta:
        model = ev.Agreement

    title = factory.Sequence(lambda n: f"Joint Statement {n}")
    slug = factory.Sequence(lambda n: f"joint-statement-{n}")
    kind = ev.Agreement.Kind.JOINT_STATEMENT
    signed_on = datetime.date(2023, 12, 1)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.Signatory

    agreement = factory.SubFactory(AgreementFactory)
    person = factory.SubFactory(PersonFactory)
    on_behalf_of = factory.SubFactory(StateFactory)


class IndicatorFactory(PublishableFactory):
    class Meta:
        model = ev.Indicator

    name = factory.Sequence(lambda n: f"Indicator {n}")
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    unit = "USD"
    symmetric = True


class FigureFactory(PublishableFactory):
    class Meta:
        model = ev.Figure

    slug = factory.Sequence(lambda n: f"figure-{n}")
    indicator = factory.SubFactory(IndicatorFactory)
    party = factory.SubFactory(StateFactory)
    partner = factory.SubFactory(StateFactory)
    period_start = datetime.date(2023, 1, 1)
    period_end = datetime.date(2023, 12, 31)
    value = decimal.Decimal("41000000000")
    unit = "USD"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = src.Citation

    source = factory.SubFactory(SourceFactory)
    record = factory.SubFactory(EventFactory)
    excerpt = "Bilateral trade reached a record high"


class OrganizationAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Org alias {n}")


class PlaceAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.PlaceAlias

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Place alias {n}")


class AgreementAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.AgreementAlias

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"Agreement alias {n}")


class EventImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.EventImage

    event = factory.SubFactory(EventFactory)
    image = "events/matrix.jpg"
    alt_text = "Ministers at the table"


class IdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ev.Identifier

    record = factory.SubFactory(PersonFactory)
    scheme = "wikidata"
    value = factory.Sequence(lambda n: f"Q{1000 + n}")
