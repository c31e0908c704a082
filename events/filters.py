"""Filters of the public list pages (django-filter): country, kind, year, topic, series."""

from __future__ import annotations

import django_filters

from .models import Agreement, Event, EventSeries, Organization, Person, Topic
from .selectors import involving_state


def _states(request=None):
    return Organization.objects.published().states().order_by("name")


class EventFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        queryset=_states,
        to_field_name="iso_code",
        method="filter_country",
        empty_label="All countries",
        label="Country",
    )
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, empty_label="All kinds")
    year = django_filters.NumberFilter(field_name="start_date__year", label="Year")
    topic = django_filters.ModelChoiceFilter(
        queryset=lambda request: Topic.objects.published(),
        to_field_name="slug",
        field_name="topics",
        empty_label="All topics",
    )
    series = django_filters.ModelChoiceFilter(
        queryset=EventSeries.objects.all(), to_field_name="slug", empty_label="All series"
    )
    place = django_filters.CharFilter(field_name="place__slug", label="Place")

    class Meta:
        model = Event
        fields = ["country", "kind", "year", "topic", "series", "place"]

    def filter_country(self, queryset, name, value):
        return involving_state(queryset, value.iso_code) if value else queryset


class AgreementFilter(django_filters.FilterSet):
    party = django_filters.ModelChoiceFilter(
        queryset=_states,
        to_field_name="iso_code",
        field_name="parties",
        empty_label="All parties",
        label="Party",
    )
    kind = django_filters.ChoiceFilter(choices=Agreement.Kind.choices, empty_label="All kinds")
    year = django_filters.NumberFilter(field_name="signed_on__year", label="Year signed")

    class Meta:
        model = Agreement
        fields = ["party", "kind", "year"]


class PersonFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        queryset=_states, to_field_name="iso_code", empty_label="All countries"
    )

    class Meta:
        model = Person
        fields = ["country"]
