"""API clients for tests, behaving as a careful integrator's program does."""

from __future__ import annotations

from rest_framework.test import APIClient


class EditingClient(APIClient):
    """Edits as the API asks: a PUT or PATCH that names no ``If-Match`` of its own first reads
    the record and sends the ETag it got (tests of the 428 pass none with a plain client)."""

    def _conditional(self, path: str, extra: dict) -> dict:
        if "HTTP_IF_MATCH" not in extra:
            etag = self.get(path, HTTP_ACCEPT="application/json").get("ETag")
            if etag:
                extra["HTTP_IF_MATCH"] = etag
        return extra

    def put(self, path, data=None, format=None, content_type=None, follow=False, **extra):
        extra = self._conditional(path, extra)
        return super().put(path, data, format, content_type, follow, **extra)

    def patch(self, path, data=None, format=None, content_type=None, follow=False, **extra):
        extra = self._conditional(path, extra)
        return super().patch(path, data, format, content_type, follow, **extra)
