"""Caching keyed by the content version: cheap pages at scale, never stale after a change.

``current()`` reads one row (one indexed query); ``bump()`` is called after every change to the
content, by signals (and explicitly after bulk loads that bypass them).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import models
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.http import HttpResponse
from django.utils import timezone

from . import changes
from .editorial.models import Status
from .editorial.registry import editorial_app_labels, publishable_models
from .editorial.visibility import for_readers, unrestricted
from .models import ContentVersion

# Rows that change without changing what readers see.
IGNORED = {"mention", "searchentry", "sourcefingerprint"}
TIMEOUT = 60 * 60


# Within one reading request the version is read once (see read_scope); a change resets it.
_scope: ContextVar[dict | None] = ContextVar("caravan_content_version", default=None)


# Counters kept as rows of ContentVersion: what readers see, and the names linking matches.
CONTENT = 1
NAMES = 2


def current(counter: int = CONTENT) -> int:
    scope = _scope.get()
    if scope is not None and counter in scope:
        return scope[counter]
    row = ContentVersion.objects.filter(pk=counter).values_list("value", "changes_at").first()
    value, changes_at = row or (0, None)
    if changes_at is not None and changes_at <= timezone.now():
        # A record expired since the version was last read: every cached page that showed
        # it is out of date, though nothing was saved.
        bump(counter)
        ContentVersion.objects.filter(pk=counter).update(changes_at=next_expiry())
        value += 1
    if scope is not None:
        scope[counter] = value
    return value


def next_expiry() -> datetime.datetime | None:
    """The earliest time a published record expires, from now on."""
    now = timezone.now()
    with unrestricted():
        times = [
            model._base_manager.filter(status=Status.PUBLISHED, expire_at__gt=now).aggregate(
                first=Min("expire_at")
            )["first"]
            for model in publishable_models()
        ]
    return min((t for t in times if t is not None), default=None)


def expires_later(when: datetime.datetime) -> None:
    """Make sure the version moves on at ``when`` (a record saved to expire then)."""
    ContentVersion.objects.filter(pk=CONTENT).filter(
        Q(changes_at__isnull=True) | Q(changes_at__gt=when)
    ).update(changes_at=when)


def bump(counter: int = CONTENT, **kwargs) -> None:
    if not ContentVersion.objects.filter(pk=counter).update(value=models.F("value") + 1):
        ContentVersion.objects.get_or_create(pk=counter, defaults={"value": 1})
    scope = _scope.get()
    if scope is not None:
        scope.pop(counter, None)


@contextmanager
def read_scope() -> Iterator[None]:
    """Read the content version at most once inside this block (a GET request)."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


# Inside a rehearsal or a preview (cmsproject.editorial.pending) changes are made and rolled
# back: what is computed from them, under a version number the rollback frees, must not be kept.
_bypass: ContextVar[bool] = ContextVar("caravan_cache_bypass", default=False)


@contextmanager
def bypass() -> Iterator[None]:
    """Nothing computed inside this block is kept in (or read from) a shared cache."""
    token = _bypass.set(True)
    try:
        yield
    finally:
        _bypass.reset(token)


def bypassing() -> bool:
    return _bypass.get()


def cached(key: str, compute: Callable[[], Any], *, timeout: int = TIMEOUT) -> Any:
    """``compute()`` once per content version (per cache), as readers see the content: what is
    cached is shared by everyone, so it never holds what only editors may see."""
    if _bypass.get():
        with for_readers():
            return compute()
    full_key = f"caravan:{key}:v{current()}"
    value = cache.get(full_key)
    if value is None:
        with for_readers():
            value = compute()
        cache.set(full_key, value, timeout)
    return value


def cache_response(view):
    """Cache a public view's whole response (feeds, calendar, sitemap) per content version,
    for anonymous readers; staff always get a fresh one."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = f"response:{request.get_full_path()}"

        def render() -> tuple[bytes, dict[str, str], int]:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            headers = {k: v for k, v in response.items() if k.lower() != "vary"}
            return response.content, headers, response.status_code

        content, headers, status = cached(key, render)
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        return response

    return wrapper


# ---- what moves the version: a change readers can see, and nothing else ------------------
#
# The version is in every reader's ETag and cache key. Editing a draft must not move it: that
# would show anyone polling a public page that the newsroom is at work (and empty every cache
# for nothing). A save moves it when the row is in front of readers before or after it; a
# delete when it was; a link when both its ends are. "In front of readers" is the visibility
# layer's own answer, asked for the row by key.


def _tracked(model: type[models.Model]) -> bool:
    opts = model._meta
    return (
        opts.app_label in editorial_app_labels()
        and opts.model_name not in IGNORED
        and not opts.model_name.startswith("historical")
    )


def _seen_by_readers(model: type[models.Model], pks) -> bool:
    with for_readers():
        return model._base_manager.filter(pk__in=pks).exists()


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _tracked(sender):
        return
    instance._caravan_was_seen = not instance._state.adding and _seen_by_readers(
        sender, [instance.pk]
    )
    if instance._caravan_was_seen and sender in publishable_models():
        changes.remember_label(sender, instance)


def _after_save(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw or not _tracked(sender):
        return
    was_seen = getattr(instance, "_caravan_was_seen", False)
    # A row seen before changed its record whatever it is now; a record's own state after the
    # save tells a change from a withdrawal (cmsproject.changes).
    is_seen = (was_seen and sender not in publishable_models()) or _seen_by_readers(
        sender, [instance.pk]
    )
    if not (was_seen or is_seen):
        return  # a draft, or a row of one: nothing readers can see changed
    bump()
    changes.noted_save(instance, was_seen, is_seen)
    expire_at = getattr(instance, "expire_at", None)
    if expire_at is not None and expire_at > timezone.now():
        expires_later(expire_at)


def _before_delete(sender, instance, **kwargs) -> None:
    if _tracked(sender) and _seen_by_readers(sender, [instance.pk]):
        bump()  # undone with the delete if it is rolled back
        changes.noted_delete(instance)


def _on_link(sender, instance, action, model, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not _tracked(type(instance)):
        return
    if not _seen_by_readers(type(instance), [instance.pk]):
        return
    if pk_set is not None and not _seen_by_readers(model, pk_set):
        return
    bump()
    changes.noted_link(instance)


def connect_signals() -> None:
    pre_save.connect(_before_save, dispatch_uid="caravan-content-version-before-save")
    post_save.connect(_after_save, dispatch_uid="caravan-content-version-save")
    pre_delete.connect(_before_delete, dispatch_uid="caravan-content-version-delete")
    m2m_changed.connect(_on_link, dispatch_uid="caravan-content-version-m2m")
