"""Answering for old addresses: a page or API detail not found is looked up among the redirects
(:mod:`cmsproject.editorial.redirects`) before the 404 goes out."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.loader import render_to_string

from .editorial import redirects

API_DETAIL = re.compile(r"^/api/v1/(?P<route>[\w-]+)/(?P<slug>[^/]+)/$")


def _api_models() -> dict:
    from .api_urls import router

    return {prefix: viewset.queryset.model for prefix, viewset, _ in router.registry}


def _with_query(request: HttpRequest, path: str) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def _gone(request: HttpRequest, api: bool) -> HttpResponse:
    message = "This record was deleted; it is no longer published here."
    if api:
        return JsonResponse({"detail": message}, status=410)
    return HttpResponse(render_to_string("410.html", {"message": message}, request), status=410)


class RedirectMiddleware:
    """301 from a record's old path to its page now, 410 for a deleted one; the API's old
    detail paths likewise. Asked only for responses that are 404s (one indexed query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return self._answer(request) or response

    def _answer(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path
        api = API_DETAIL.match(path)
        if api:
            model = _api_models().get(api["route"])
            if model is None or not hasattr(model, "get_absolute_url"):
                return None
            try:
                path = model(slug=api["slug"]).get_absolute_url()
            except Exception:
                return None
        found = redirects.find(path)
        if found is None:
            return None
        status, target = redirects.resolve(found, getattr(request, "user", None))
        if status == 410:
            return _gone(request, bool(api))
        if status != 301:
            return None
        if isinstance(target, str):
            return HttpResponsePermanentRedirect(_with_query(request, target))
        if api:
            new = f"/api/v1/{api['route']}/{target.slug}/"
            return HttpResponsePermanentRedirect(_with_query(request, new))
        return HttpResponsePermanentRedirect(_with_query(request, target.get_absolute_url()))
