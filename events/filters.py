"""The filters of the event, agreement and people lists, shared by the public pages and the API.

These FilterSets are the public list pages' (``FilterView``); the API's (``events/api/filters.py``)
extend them with filters of their own (dates, person, search, ordering, status), so
``?country=KAZ`` means the same on /events/ and on /api/v1/events/. A value that names nothing the
user may see is a form error: shown beside the field on a page, a 400 naming it in the API.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from cmsproject.editorial.filtering import SlugFilter, StateFilter, YearFilter, visible_choices
from cmsproject.editorial.models import published_through, sees_unpublished

from .models import (
    Agreement,
    Event,
    EventSeries,
    Organization,
    Participation,
    Person,
    Place,
    Topic,
)

STATE_HELP = "ISO 3166 alpha-3 code (KAZ, any case) or slug (kazakhstan)."


def states(request=None) -> QuerySet[Organization]:
    return visible_choices(Organization)(request).states()


def events_involving(queryset: QuerySet[Event], state: Organization, *, user) -> QuerySet[Event]:
    """Events a state took part in: as host, by a participant representing it, or on its soil.

    Only what ``user`` may see counts: a draft participant or place does not put an event in a
    country. "Represented" is asked per event (EXISTS, answered by the participation index)
    rather than as a list of every event the state ever attended: walking the list in date
    order then stops after a page instead of first collecting thousands of ids.
    """
    represented = Participation.objects.filter(event=OuterRef("pk"), representing=state)
    if not sees_unpublished(user, Person):
        represented = represented.filter(published_through("person"))
    on_soil = Q(place__country=state)
    if not sees_unpublished(user, Place):
        on_soil &= published_through("place")
    return queryset.filter(Q(host=state) | on_soil | Exists(represented))


class EventFilter(django_filters.FilterSet):
    country = StateFilter(
        queryset=states,
        method="filter_country",
        empty_label="All countries",
        label="Country",
        help_text=(
            "Events a state took part in: a participant represented it, it hosted, or the "
            f"place is on its soil. {STATE_HELP}"
        ),
    )
    kind = django_filters.ChoiceFilter(
        choices=Event.Kind.choices, empty_label="All kinds", help_text="The kind of event."
    )
    year = YearFilter(
        field_name="start_date", label="Year", help_text="Events starting in this year, e.g. 2023."
    )
    topic = SlugFilter(
        queryset=visible_choices(Topic),
        field_name="topics",
        empty_label="All topics",
        help_text="Events on this topic (its slug, e.g. trade).",
    )
    series = SlugFilter(
        queryset=visible_choices(EventSeries),
        empty_label="All series",
        help_text="Events of this recurring format (its slug).",
    )
    place = SlugFilter(
        queryset=visible_choices(Place),
        widget=forms.TextInput,
        label="Place",
        help_text="Events held at this place (its slug, e.g. astana).",
    )

    class Meta:
        model = Event
        fields = ["country", "kind", "year", "topic", "series", "place"]

    def filter_country(self, queryset, name: str, value: Organization):
        return events_involving(queryset, value, user=getattr(self.request, "user", None))


class AgreementFilter(django_filters.FilterSet):
    party = StateFilter(
        queryset=visible_choices(Organization),
        field_name="parties",
        empty_label="All parties",
        label="Party",
        help_text=(
            "Agreements this state or body is a party to: ISO 3166 alpha-3 code (KAZ) or slug "
            "(shanghai-cooperation-organisation)."
        ),
    )
    kind = django_filters.ChoiceFilter(
        choices=Agreement.Kind.choices, empty_label="All kinds", help_text="The kind of agreement."
    )
    year = YearFilter(
        field_name="signed_on", label="Year signed", help_text="Agreements signed in this year."
    )

    class Meta:
        model = Agreement
        fields = ["party", "kind", "year"]


class PersonFilter(django_filters.FilterSet):
    country = StateFilter(
        queryset=states,
        empty_label="All countries",
        label="Country",
        help_text=f"People of this state. {STATE_HELP}",
    )

    class Meta:
        model = Person
        fields = ["country"]
