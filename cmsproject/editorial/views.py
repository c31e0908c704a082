"""The base of the public pages: what any reader sees, and previews for editors."""

from __future__ import annotations

import functools

from django.http import Http404

from .models import sees_unpublished


def reader_page(view):
    """A public page is read as any reader reads it, whoever is logged in: an editor browsing
    the site sees the published site (see :mod:`.visibility`)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.for_readers = True
        return view(request, *args, **kwargs)

    return wrapper


class VisibleToUserMixin:
    """The page of one record. Readers see published records; anyone else asking for a draft
    gets a 404, as if it did not exist. Staff who may view drafts get a *preview*: the record
    and what it relates to as they see them in the admin, with a banner."""

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            request = self.request
            if not getattr(request, "for_readers", False) or not sees_unpublished(
                request.user, self.model
            ):
                raise
            request.for_readers = False  # a preview: read as the editor
            return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = context.get("object")
        context["is_preview"] = obj is not None and not getattr(obj, "is_live", True)
        return context
