"""Views shared by the public pages of every app."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader


def healthz(request: HttpRequest) -> HttpResponse:
    """Answers 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A 400 that says what was wrong with the request, where Django knows it."""
    if isinstance(exception, TooManyFilesSent):
        message = (
            f"This upload has more than {settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} files. Send "
            "them in several uploads, or import a folder with manage.py import_sources."
        )
    elif isinstance(exception, TooManyFieldsSent):
        message = "This form was sent with too many fields."
    elif isinstance(exception, RequestDataTooBig):
        message = "This form was sent with too much data."
    else:
        message = "The request could not be understood."
    html = loader.render_to_string("400.html", {"message": message}, request)
    return HttpResponse(html, status=400)
