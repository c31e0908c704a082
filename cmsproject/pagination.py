"""Pagination that stays cheap at scale: the total is counted once per content version."""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import caching


class CachedCountPaginator(Paginator):
    """A Paginator whose COUNT(*) — a scan of the filtered rows — is cached until the content
    changes, keyed by the query's SQL; every page of a list then costs one indexed query.

    ``count_key`` names the query when the caller knows it more cheaply than by compiling it
    (the API: the model, the reader's rights and the filter parameters)."""

    def __init__(self, *args, count_key: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        if self.count_key is not None:
            key = hashlib.sha1(self.count_key.encode()).hexdigest()
            return caching.cached(f"count:{key}", lambda: Paginator.count.func(self))
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = query.sql_with_params()
        except Exception:  # EmptyResultSet and the like: let Django count
            return super().count
        key = hashlib.sha1(f"{sql}|{params}".encode()).hexdigest()
        return caching.cached(f"count:{key}", lambda: Paginator.count.func(self))
