"""The shared cache of several app servers: Django's own Redis backend, forgiving outages.

Everything Caravan caches can be computed again (pages and aggregates keyed by the content
version held in the database, image renditions, API throttle counts), so a cache that cannot be
reached is a cache that misses: pages keep answering, only slower, while Redis restarts.
Django's backend raises instead; this one logs, answers as a miss and, for a moment after a
failure, does not even try (a reader's page must not wait for a dead socket on every key).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds during which a cache that just failed is not asked again.
PAUSE_AFTER_FAILURE = 1.0


class _ForgivingClient(RedisCacheClient):
    """Django's Redis client, each call answered as a miss (or a dropped write) on failure."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resume_at = 0.0

    def _forgiving(self, call: Callable[[], T], fallback: T) -> T:
        now = time.monotonic()
        if now < self._resume_at:
            return fallback
        try:
            return call()
        except RedisError as exc:
            logger.warning("The shared cache is unreachable; answering without it: %s", exc)
            self._resume_at = time.monotonic() + PAUSE_AFTER_FAILURE
            return fallback

    def get(self, key, default):
        return self._forgiving(lambda: super(_ForgivingClient, self).get(key, default), default)

    def get_many(self, keys):
        return self._forgiving(lambda: super(_ForgivingClient, self).get_many(keys), {})

    def has_key(self, key):
        return self._forgiving(lambda: super(_ForgivingClient, self).has_key(key), False)

    def add(self, key, value, timeout):
        return self._forgiving(
            lambda: super(_ForgivingClient, self).add(key, value, timeout), False
        )

    def set(self, key, value, timeout):
        self._forgiving(lambda: super(_ForgivingClient, self).set(key, value, timeout), None)

    def set_many(self, data, timeout):
        return self._forgiving(lambda: super(_ForgivingClient, self).set_many(data, timeout), [])

    def touch(self, key, timeout):
        return self._forgiving(lambda: super(_ForgivingClient, self).touch(key, timeout), False)

    def delete(self, key):
        return self._forgiving(lambda: super(_ForgivingClient, self).delete(key), False)

    def delete_many(self, keys):
        self._forgiving(lambda: super(_ForgivingClient, self).delete_many(keys), None)

    def clear(self):
        return self._forgiving(lambda: super(_ForgivingClient, self).clear(), False)


class ForgivingRedisCache(RedisCache):
    """:class:`RedisCache` whose reads miss and writes are dropped while Redis is away."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ForgivingClient
