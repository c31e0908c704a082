"""Page-number pagination of the API lists: ``count``, ``next``, ``previous``, ``results``."""

from __future__ import annotations

import functools

from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

from cmsproject.editorial.models import sees_unpublished
from cmsproject.pagination import CachedCountPaginator

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20


class Pagination(PageNumberPagination):
    """``count``, ``next``, ``previous``, ``results``; ``page_size`` up to ``MAX_PAGE_SIZE``."""

    page_size = PAGE_SIZE
    count_key: str | None = None
    page_size_query_param = "page_size"
    page_query_description = "A page number from 1 (or `last`); a page past the last is a 404."
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = (
        f"Records per page: {PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE} (larger values "
        f"are answered with {MAX_PAGE_SIZE}; 0, a negative or a non-number is a 400)."
    )

    @property
    def django_paginator_class(self):
        # The total is counted once per content version, not on every page of every list.
        return functools.partial(CachedCountPaginator, count_key=self.count_key)

    def paginate_queryset(self, queryset, request, view=None):
        # What decides a list's rows: the record type, whether the user sees drafts, and the
        # filter parameters (pagination aside) — cheaper to name than the compiled SQL.
        params = sorted(
            (name, request.query_params.getlist(name))
            for name in request.query_params
            if name not in {self.page_query_param, self.page_size_query_param, "format"}
        )
        model = queryset.model
        staff = sees_unpublished(getattr(request, "user", None), model)
        self.count_key = f"{model._meta.label}|{staff}|{params}"
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.ValidationError(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return min(int(raw), self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        if raw != "last" and (not raw.isdigit() or int(raw) < 1):
            raise exceptions.ValidationError({"page": ["Give a page number from 1."]})
        return raw
