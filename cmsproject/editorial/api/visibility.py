"""Who may see what: published records for readers, drafts too for editors (see
:func:`cmsproject.editorial.models.sees_unpublished`), applied to querysets and to records already
loaded."""

from __future__ import annotations

from django.db import models

from cmsproject.editorial.models import Publishable, sees_unpublished
from cmsproject.editorial.paths import absolute


def visible(queryset: models.QuerySet, request) -> models.QuerySet:
    """``queryset`` narrowed to what the request's user may see (no-op for other records)."""
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(getattr(request, "user", None))
    return queryset


def is_visible(obj, request) -> bool:
    """Whether a related record already loaded may be shown to the request's user."""
    if not isinstance(obj, Publishable) or obj.is_published:
        return True
    return sees_unpublished(getattr(request, "user", None), type(obj))


def absolute_url(obj, request) -> str | None:
    if not hasattr(obj, "get_absolute_url"):
        return None
    return absolute(request, obj.get_absolute_url())


def is_schema_generation(context) -> bool:
    return getattr(context.get("view"), "swagger_fake_view", False)
