"""Filters of the public source list."""

import django_filters

from .models import Outlet, Source


class SourceFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(
        queryset=lambda request: Outlet.objects.published(),
        to_field_name="slug",
        empty_label="All outlets",
    )
    year = django_filters.NumberFilter(field_name="published_on__year", label="Year")

    class Meta:
        model = Source
        fields = ["outlet", "year"]
