"""The admin action "Merge selected duplicates": a confirmation page, then :mod:`.merging`."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from cmsproject.editorial import references
from cmsproject.editorial.admin import PublishableAdmin
from cmsproject.editorial.models import Status

from . import merging


def default_keep(records: list, counts: dict) -> object:
    """The record an editor most likely keeps: published, most linked, oldest."""
    return min(
        records,
        key=lambda r: (
            r.status != Status.PUBLISHED,
            -sum(n for _, n in counts.get(r.pk, [])),
            r.pk,
        ),
    )


class MergeDuplicatesMixin:
    """Adds the merge action to a record's changelist, for users with its "merge" permission
    (Django hides an action whose ``has_merge_permission`` says no, and refuses it if posted)."""

    actions = [*PublishableAdmin.actions, "merge_duplicates"]

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return merging.can_merge(request.user, self.model)

    @admin.action(description="Merge selected duplicates", permissions=["merge"])
    def merge_duplicates(self, request: HttpRequest, queryset):
        opts = self.model._meta
        records = list(queryset[: merging.MAX_RECORDS + 1])
        if len(records) < 2:
            self.message_user(
                request,
                f"Select at least two {opts.verbose_name_plural} to merge: the one to keep "
                "and its duplicates. Nothing was changed.",
                messages.ERROR,
            )
            return None
        if len(records) > merging.MAX_RECORDS:
            self.message_user(
                request,
                f"Merge at most {merging.MAX_RECORDS} {opts.verbose_name_plural} at a time. "
                "Nothing was changed.",
                messages.ERROR,
            )
            return None
        error = ""
        if request.POST.get("post") == "yes":
            keep = next((r for r in records if str(r.pk) == request.POST.get("keep")), None)
            if keep is None:
                error = f"Choose the {opts.verbose_name} to keep."
            else:
                return self._merge(request, keep, [r for r in records if r.pk != keep.pk])
        counts = references.relation_counts(records)
        keep_pk = default_keep(records, counts).pk
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(records)} {opts.verbose_name_plural}",
            "opts": opts,
            "records": [(r, counts.get(r.pk, [])) for r in records],
            "keep_pk": keep_pk,
            "error": error,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/merge_duplicates.html", context)

    def _merge(self, request: HttpRequest, keep, duplicates: list):
        try:
            result = merging.merge_records(keep=keep, duplicates=duplicates, user=request.user)
        except merging.MergeError as exc:
            self.message_user(request, f"{exc} Nothing was changed.", messages.ERROR)
            return None
        self.log_change(request, result.kept, result.summary())
        self.message_user(request, result.summary(), messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[result.kept.pk],
                current_app=self.admin_site.name,
            )
        )
