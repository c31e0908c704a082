"""Filters of the sources list: the public page's (outlet, year), plus publication dates, search
and ordering."""

from __future__ import annotations

import django_filters
from django.db.models import Q

from cmsproject.editorial.api import OrderingFilter, RecordFilterSet

from .. import filters as shared
from ..models import Outlet, Source


class SourceFilter(RecordFilterSet, shared.SourceFilter):
    published_after = django_filters.DateFilter(
        field_name="published_on",
        lookup_expr="gte",
        help_text="Published on or after this date (YYYY-MM-DD).",
    )
    published_before = django_filters.DateFilter(
        field_name="published_on",
        lookup_expr="lte",
        help_text="Published on or before this date (YYYY-MM-DD).",
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Words in the title, byline, our summary or the outlet's name (all must match).",
    )
    ordering = OrderingFilter(
        fields=(("published_on", "published_on"), ("title", "title"), ("updated_at", "updated_at")),
        help_text="Sort by published_on, title or updated_at; prefix - for descending.",
    )

    class Meta:
        model = Source
        fields = []

    def filter_search(self, queryset, name: str, value: str):
        outlets = Outlet.objects.all()  # a draft outlet is not named (the visibility layer)
        for word in value.split()[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(byline__icontains=word)
                | Q(summary__icontains=word)
                | Q(outlet__name__icontains=word, outlet__in=outlets)
            )
        return queryset
