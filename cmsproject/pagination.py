"""Pagination that stays cheap at scale: the total is counted once per content version."""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import caching


class CachedCountPaginator(Paginator):
    """A Paginator whose COUNT(*) — a scan of the filtered rows — is cached until the content
    changes, keyed by the query's SQL; every page of a list then costs one indexed query."""

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = query.sql_with_params()
        except Exception:  # EmptyResultSet and the like: let Django count
            return super().count
        key = hashlib.sha1(f"{sql}|{params}".encode()).hexdigest()
        return caching.cached(f"count:{key}", lambda: Paginator.count.func(self))
