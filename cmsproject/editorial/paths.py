"""Record URLs without a full ``reverse()`` per row.

A list of twenty records shows each one's page and API address: forty ``reverse()`` calls,
each walking the URL patterns. The address of a record differs from its neighbour's only by
the slug, so the pattern is reversed once (per URL name, URL configuration and script prefix)
and the slug is put in its place. The result is exactly what ``reverse()`` gives.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# Matches the slug converter and cannot occur twice: only one is replaced anyway.
_PLACEHOLDER = "caravan-slug-placeholder-0"
# What reverse() leaves unquoted (django.urls.resolvers: RFC 3986 sub-delimiters and /~:@).
_SAFE = "!$&'()*+,;=/~:@"


@lru_cache(maxsize=512)
def _halves(name: str, urlconf: str, prefix: str) -> tuple[str, str]:
    path = reverse(name, kwargs={"slug": _PLACEHOLDER}, urlconf=urlconf)
    before, _, after = path.partition(_PLACEHOLDER)
    return before, after


def slug_path(name: str, slug: str) -> str:
    """``reverse(name, kwargs={"slug": slug})``, with the pattern looked up once."""
    before, after = _halves(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return f"{before}{quote(slug, safe=_SAFE)}{after}"


@lru_cache(maxsize=128)
def _routed(name: str, urlconf: str, prefix: str) -> bool:
    try:
        _halves(name, urlconf, prefix)
    except NoReverseMatch:
        return False
    return True


def slug_path_or_none(name: str, slug: str) -> str | None:
    """:func:`slug_path`, or None where no such URL exists (an outlet has no API detail);
    the absence is looked up once too."""
    if not _routed(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()):
        return None
    return slug_path(name, slug)


def absolute(request, path: str) -> str:
    """``request.build_absolute_uri(path)`` for an absolute path, the origin worked out once
    per request (host validation and scheme detection are not free)."""
    if request is None:
        return path
    origin = getattr(request, "_caravan_origin", None)
    if origin is None:
        origin = request.build_absolute_uri("/")[:-1]
        request._caravan_origin = origin
    return origin + path


@lru_cache(maxsize=128)
def _named(name: str, urlconf: str, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


def named_path(name: str) -> str:
    """``reverse(name)`` of a URL without arguments, looked up once."""
    return _named(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@receiver(setting_changed)
def _forget(setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _halves.cache_clear()
        _routed.cache_clear()
        _named.cache_clear()
