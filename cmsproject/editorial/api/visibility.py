"""Helpers of the API's reads. Who may see what is not decided here but by the visibility layer
(:mod:`cmsproject.editorial.visibility`), under every query the API makes."""

from __future__ import annotations

from cmsproject.editorial.paths import absolute, slug_path_or_none


def absolute_url(obj, request) -> str | None:
    if not hasattr(obj, "get_absolute_url"):
        return None
    return absolute(request, obj.get_absolute_url())


def api_detail_url(obj, request) -> str | None:
    """The absolute URL of ``obj`` in the API (``/api/v1/<records>/<slug>/``), or None for a
    record type the API has no endpoint of (outlets, event series)."""
    path = slug_path_or_none(f"api:{obj._meta.model_name}-detail", obj.slug)
    return absolute(request, path) if path is not None else None


def is_schema_generation(context) -> bool:
    return getattr(context.get("view"), "swagger_fake_view", False)
