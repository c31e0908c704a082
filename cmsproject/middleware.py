"""Failing cleanly when the database is away: 503 with Retry-After, never a 500 page."""

from __future__ import annotations

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """A request that meets a lost database connection gets 503. Django drops the broken
    connection when the request ends (and CONN_HEALTH_CHECKS tests a kept one before reuse), so
    the next request reconnects: the app server never needs a restart."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception, DatabaseError) and not _connection_problem(exception):
            return None
        logger.warning("Database unavailable: %s: %s", type(exception).__name__, exception)
        message = "The database is unavailable for a moment. Please try again shortly."
        if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(
                '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
                "Temporarily unavailable · Caravan</title></head><body><main><h1>Temporarily "
                f"unavailable</h1><p>{message}</p></main></body></html>",
                status=503,
            )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def _connection_problem(exception: Exception) -> bool:
    """Lost or refused connections, not a bad query (which is a bug and must stay a 500)."""
    text = str(exception).lower()
    return isinstance(exception, InterfaceError) or any(
        marker in text
        for marker in (
            "connection",
            "server closed",
            "terminating",
            "could not connect",
            "database is locked",
            "the database system is",
            "timeout",
        )
    )
