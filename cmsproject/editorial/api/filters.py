"""The shared base of the API's FilterSets: the editors' ``status`` filter with the published
default, ``ordering`` by one key or several, and a 400 for unknown parameters. The filters of
related records by slug or ISO code are shared with the public pages
(:mod:`cmsproject.editorial.filtering`)."""

from __future__ import annotations

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import BaseCSVWidget
from rest_framework import exceptions

from cmsproject.editorial.models import Status, sees_unpublished

STATUS_HELP = (
    "Editors only: the workflow statuses to list, comma-separated (draft, review, published, "
    "withdrawn), or `all`. Without it lists show published records. Readers get a 400."
)


class RepeatedOrCommaWidget(BaseCSVWidget, forms.Select):
    """Several values given either way: ``?ordering=a,-b`` or ``?ordering=a&ordering=-b`` (as
    generated clients send an array); django-filter alone reads only the last repeat."""

    def value_from_datadict(self, data, files, name):
        if not hasattr(data, "getlist") or name not in data:
            return super().value_from_datadict(data, files, name)
        return [key.strip() for value in data.getlist(name) for key in value.split(",") if key]


ORDERING_HELP = (
    " Several keys sort by the first, then the next: repeat the parameter "
    "(`ordering=a&ordering=-b`) or separate them with commas (`ordering=a,-b`)."
)


class OrderingFilter(django_filters.OrderingFilter):
    """django-filter's ordering, reading repeated parameters as well as comma-separated ones.
    An unknown key is a 400 naming it and the keys there are."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RepeatedOrCommaWidget)
        kwargs["help_text"] = kwargs.get("help_text", "") + ORDERING_HELP
        super().__init__(*args, **kwargs)
        keys = ", ".join(key for key, _label in self.extra["choices"])
        self.extra["error_messages"] = {
            "invalid_choice": f"Unknown ordering “%(value)s”: use {keys}."
        }


class RecordFilterSet(django_filters.FilterSet):
    """Base FilterSet of the API lists: the ``status`` filter and the published default."""

    status = django_filters.CharFilter(method="filter_status", help_text=STATUS_HELP)

    def filter_status(self, queryset, name: str, value: str):
        wanted = {v.strip() for v in value.split(",") if v.strip()}
        unknown = wanted - set(Status.values) - {"all"}
        if unknown:
            raise exceptions.ValidationError(
                {
                    "status": [
                        f"Unknown status {', '.join(sorted(unknown))}: use "
                        f"{', '.join(Status.values)} or all."
                    ]
                }
            )
        if wanted - {Status.PUBLISHED} and not sees_unpublished(
            getattr(self.request, "user", None), queryset.model
        ):
            raise exceptions.ValidationError(
                {"status": ["Only published records are available without editor rights."]}
            )
        return queryset if "all" in wanted else queryset.filter(status__in=wanted)

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.published()
        return super().filter_queryset(queryset)


class FilterBackend(DjangoFilterBackend):
    """django-filter, plus a 400 for a query parameter the list does not know (a misspelt
    filter would otherwise be silently ignored)."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            known = set(filterset_class.base_filters) | {"format"} | view.pagination_params()
            unknown = sorted(set(request.query_params) - known)
            if unknown:
                raise exceptions.ValidationError(
                    {
                        name: [f"Unknown parameter; this list accepts {', '.join(sorted(known))}."]
                        for name in unknown
                    }
                )
            if not set(request.query_params) - {"format"} - view.pagination_params() and issubclass(
                filterset_class, RecordFilterSet
            ):
                # No filter asked for: what the FilterSet would give (published records, in
                # the model's order) without building its form, the larger part of a list's
                # cost. Same rows, same order; tests/api compare both.
                return queryset.published()
        return super().filter_queryset(request, queryset, view)
