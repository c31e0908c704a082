"""Input no database can hold, refused at the door with a 400 that says so.

A NUL character cannot be stored or searched in PostgreSQL text (SQLite takes it silently, so
the two engines would answer one request differently). Django's and DRF's text fields refuse it
in the values they clean; this refuses it everywhere else too — in any query parameter or form
field, whatever the view does with it (a filter by slug, a search, a choice of record).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.html import escape

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _field_with_nul(request: HttpRequest) -> str | None:
    sources = [request.GET]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        sources.append(request.POST)
    for data in sources:
        for key, values in data.lists():
            if NUL in key or any(NUL in value for value in values):
                return key.replace(NUL, "\\0")
    return None


class NullCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _field_with_nul(request)
        if field is None:
            return self.get_response(request)
        message = f"The parameter “{field}” contains a NUL character (\\0), which no text may hold."
        if request.path.startswith("/api/"):
            return JsonResponse({field or "detail": [message]}, status=400)
        return HttpResponseBadRequest(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bad request · '
            f"Caravan</title></head><body><main><h1>Bad request</h1><p>{escape(message)}</p>"
            "</main></body></html>"
        )
