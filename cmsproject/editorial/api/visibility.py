"""Helpers of the API's reads. Who may see what is not decided here but by the visibility layer
(:mod:`cmsproject.editorial.visibility`), under every query the API makes."""

from __future__ import annotations

from cmsproject.editorial.paths import absolute


def absolute_url(obj, request) -> str | None:
    if not hasattr(obj, "get_absolute_url"):
        return None
    return absolute(request, obj.get_absolute_url())


def is_schema_generation(context) -> bool:
    return getattr(context.get("view"), "swagger_fake_view", False)
