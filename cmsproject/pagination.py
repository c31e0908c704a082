"""Pagination that stays cheap at scale: the total is counted once per content version."""

from __future__ import annotations

import datetime
import hashlib

from django.core.paginator import Paginator
from django.utils import timezone
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
        key = hashlib.sha1(f"{sql}|{_stable(params)}".encode()).hexdigest()
        return caching.cached(f"count:{key}", lambda: Paginator.count.func(self))


def _stable(params) -> tuple:
    """The query's parameters less the moment it was built: what readers see is "published and
    not expired *now*" (visibility.live), and a count stays right until the content version
    moves, which it does at each expiry (caching.current)."""
    now = timezone.now()
    recent = now - datetime.timedelta(seconds=60)

    def just_now(param) -> bool:
        moment = _moment(param)
        return moment is not None and recent <= moment <= now

    return tuple("now" if just_now(p) else p for p in params)


def _moment(param) -> datetime.datetime | None:
    """A parameter that is a point in time (SQLite is given them as text), made aware."""
    if isinstance(param, str) and len(param) >= 19 and param[4] == "-" and param[10] in " T":
        try:
            param = datetime.datetime.fromisoformat(param)
        except ValueError:
            return None
    if not isinstance(param, datetime.datetime):
        return None
    return param if timezone.is_aware(param) else param.replace(tzinfo=datetime.UTC)
