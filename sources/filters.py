"""The filters of the sources list, shared by the public page and the API (which extends
:class:`SourceFilter` in ``sources/api/filters.py``)."""

from __future__ import annotations

import django_filters

from cmsproject.editorial.filtering import SlugFilter, YearFilter, visible_choices

from .models import Outlet, Source


class SourceFilter(django_filters.FilterSet):
    outlet = SlugFilter(
        queryset=visible_choices(Outlet),
        empty_label="All outlets",
        help_text="Sources of this outlet (its slug, e.g. astana-times).",
    )
    year = YearFilter(
        field_name="published_on", label="Year", help_text="Sources published in this year."
    )

    class Meta:
        model = Source
        fields = ["outlet", "year"]
