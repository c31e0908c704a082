"""Conditional GET for the public pages: a reader's browser that has a page gets 304.

What an anonymous reader sees on a public page depends only on the address, the content (its
version, bumped on every change), the day (upcoming events move into the past) and the
release (templates and code). The ETag is made of those, so a revalidation costs one small
query and no rendering. The API's lists are treated alike for anonymous clients; its records
have ETags of their own (cmsproject/api/views.py), which If-Match relies on. Staff (who may
preview drafts) and the admin are left alone.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

from . import caching

SKIPPED_PREFIXES = ("/admin/", "/api/", "/healthz", "/static/", "/media/")
API_LIST = re.compile(r"^/api/v1/[a-z]+/$")
RELEASE_FILES = (
    "templates/**/*.html",
    "cmsproject/**/*.py",
    "events/**/*.py",
    "sources/**/*.py",
    "cmsproject/static/caravan/*",
)


@cache
def release() -> str:
    """Names this release: ``CARAVAN_RELEASE`` if set (e.g. the commit deployed), else a hash
    of the templates and code, the same on every server that runs the same files."""
    if os.environ.get("CARAVAN_RELEASE"):
        return os.environ["CARAVAN_RELEASE"]
    digest = hashlib.sha1()
    base = Path(settings.BASE_DIR)
    for pattern in RELEASE_FILES:
        for path in sorted(p for p in base.glob(pattern) if p.is_file()):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def page_etag(request: HttpRequest) -> str:
    """The validator of what a reader gets at this address: one per release, content
    version, day and representation. The ``Accept`` header is part of it, since the API (and
    any page that negotiates) answers it with another media type at the same address; a
    ``?format=`` is already in the path."""
    version = caching.current()
    today = datetime.date.today().isoformat()
    accept = " ".join(request.headers.get("Accept", "").split())
    raw = f"{release()}|{version}|{today}|{request.get_full_path()}|{accept}"
    return quote_etag(hashlib.sha1(raw.encode()).hexdigest()[:24])


def asks_for_any(request: HttpRequest) -> bool:
    """``If-None-Match: *``: "not if you have any representation" — which only the view can
    say (the address may be a 404), so it is answered after the view, never before."""
    return request.headers.get("If-None-Match", "").strip() == "*"


class ConditionalPageMiddleware:
    """ETag on public pages for anonymous readers; 304 when the reader's copy is current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with caching.read_scope():  # one read of the content version for the whole request
            return self._conditional(request)

    def _conditional(self, request: HttpRequest) -> HttpResponse:
        try:
            etag = page_etag(request) if self._applies(request) else None
        except DatabaseError:
            # The database is away: no validator, and the view's own failure becomes the
            # clean 503 of DatabaseUnavailableMiddleware (which only sees views' exceptions).
            etag = None
        if etag is None:
            return self.get_response(request)
        if asks_for_any(request):
            response = self.get_response(request)
            if response.status_code != 200:
                return response
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, no_cache=True)
            return not_modified
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            patch_cache_control(not_modified, no_cache=True)
            return not_modified
        response = self.get_response(request)
        if response.status_code == 200 and not response.has_header("ETag"):
            response["ETag"] = etag
            patch_cache_control(response, no_cache=True)
        return response

    @staticmethod
    def _applies(request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return False
        if API_LIST.match(request.path):
            return "Authorization" not in request.headers  # token clients may see drafts
        return not request.path.startswith(SKIPPED_PREFIXES)
