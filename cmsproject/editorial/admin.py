"""The admin side of the editorial base: status, authorship, history and workflow actions.

Every record's ModelAdmin extends :class:`PublishableAdmin`. Status changes made in the form, by a
bulk action or by reverting to an old revision all go through :mod:`cmsproject.editorial.workflow`.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import workflow
from .concurrency import changed_since, version_of
from .models import Publishable, Status

STATUS_COLOURS = {
    Status.DRAFT: "#6b7280",
    Status.REVIEW: "#b45309",
    Status.PUBLISHED: "#047857",
    Status.WITHDRAWN: "#b91c1c",
}


class PublishableForm(forms.ModelForm):
    """Offers only the statuses this user may move the record to, checks the choice, and refuses
    to overwrite changes saved by someone else since the form was loaded."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        stored = self.instance
        if stored.pk:
            # As stored now: when reverting, the form's instance is the old revision, and the
            # version the editor starts from is the current one, not that revision's.
            stored = type(stored)._default_manager.filter(pk=stored.pk).first() or stored
        self.fields["loaded_version"].initial = version_of(stored)
        field = self.fields.get("status")
        if field is not None and user is not None:
            allowed = set(workflow.allowed_targets(obj=stored, user=user))
            if not stored.pk:
                allowed |= {Status.DRAFT, Status.REVIEW}
                if workflow.can_publish(user, stored):
                    allowed.add(Status.PUBLISHED)
            field.choices = [(v, label) for v, label in Status.choices if v in allowed]

    def clean(self):
        cleaned = super().clean()
        conflict = changed_since(self.instance, self.data.get(self.add_prefix("loaded_version")))
        if conflict is not None:
            raise forms.ValidationError(conflict.message(), code="concurrent_edit")
        return cleaned

    def clean_status(self):
        target = self.cleaned_data["status"]
        if self.user is not None:
            workflow.validate_status_change(obj=self.instance, target=target, user=self.user)
        return target


class PublishableAdmin(SimpleHistoryAdmin):
    form = PublishableForm
    actions = ["submit_for_review", "publish", "withdraw", "return_to_draft"]
    publishable_readonly = ("published_at", "created_at", "updated_at", "created_by", "updated_by")
    # Added to every record's form: the workflow first (editors look for it), history last.
    workflow_fieldset = (
        "Workflow",
        {"fields": ("status", "public_page", "editor_note", "loaded_version")},
    )
    history_fieldset = (
        "Publication and history",
        {
            "fields": publishable_readonly,
            "classes": ("collapse",),
        },
    )
    list_per_page = 50
    # A URL typed without a scheme ("gov.kz/news") means https, as browsers assume today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    show_full_result_count = False  # a COUNT(*) of the whole table on every page is wasted work

    # ---- form ---------------------------------------------------------------------------
    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class FormWithUser(form_class):
            def __init__(self, *args, **kw):
                kw.setdefault("user", user)
                super().__init__(*args, **kw)

        FormWithUser.__name__ = form_class.__name__
        return FormWithUser

    def get_fieldsets(self, request: HttpRequest, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not self.fieldsets:  # Django's default: one fieldset with every field
            shown = {*self.workflow_fieldset[1]["fields"], *self.publishable_readonly}
            name, options = fieldsets[0]
            fields = [f for f in options["fields"] if f not in shown]
            fieldsets = [(name, {**options, "fields": fields})]
        return [self.workflow_fieldset, *fieldsets, self.history_fieldset]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return (
            *super().get_readonly_fields(request, obj),
            "public_page",
            *self.publishable_readonly,
        )

    @admin.display(description="public page")
    def public_page(self, obj: Publishable | None) -> str:
        if obj is None or not obj.pk or not hasattr(obj, "get_absolute_url"):
            return "Save the record to preview it."
        if obj.is_published:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), "View on site")
        return format_html(
            '<a href="{}">{}</a> (only staff can see it until it is published)',
            obj.get_absolute_url(),
            "Preview",
        )

    def save_model(self, request: HttpRequest, obj: Publishable, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if "status" in form.changed_data or not change:
            target = obj.status
            stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
            current = stored.status if stored else Status.DRAFT
            workflow.check_transition(obj=obj, current=current, target=target, user=request.user)
            workflow.apply_status(obj, target)
            if target != current:
                # The same words the workflow service writes, so the Activity page sees a
                # publication made in the form as one made by an action.
                obj._change_reason = workflow.VERBS[target].capitalize()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if hasattr(instance, "created_by_id") and not instance.pk:
                instance.created_by = request.user
            instance._history_user = request.user
            instance.save()
        for deleted in formset.deleted_objects:
            deleted._history_user = request.user
            deleted.delete()
        formset.save_m2m()

    # ---- permissions --------------------------------------------------------------------
    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status in (Status.PUBLISHED, Status.WITHDRAWN):
            # Contributors see published records read-only; an Editor changes them.
            return workflow.can_publish(request.user, obj)
        return allowed

    def history_form_view(self, request: HttpRequest, object_id, version_id, extra_context=None):
        # Reverting saves a whole form over the record as it is now: only those who may change
        # it now may revert it (django-simple-history asks for view permission only).
        current = self.get_object(request, unquote(object_id))
        if (
            request.method == "POST"
            and current is not None
            and not self.has_change_permission(request, current)
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        current = self.model._default_manager.filter(pk=obj.pk).first() if obj else None
        if current is not None and not self.has_change_permission(request, current):
            return True  # the page shows the old version, without a Revert button
        return super().revert_disabled(request, obj)

    def get_actions(self, request: HttpRequest):
        actions = super().get_actions(request)
        if not workflow.can_publish(request.user, self.model):
            for name in ("publish", "withdraw"):
                actions.pop(name, None)
        return actions

    # ---- list ---------------------------------------------------------------------------
    @admin.display(description="status", ordering="status")
    def status_badge(self, obj: Publishable) -> str:
        return format_html(
            '<span style="color:{};font-weight:600">{}</span>',
            STATUS_COLOURS.get(obj.status, "inherit"),
            obj.get_status_display(),
        )

    def get_view_on_site_url(self, obj=None):
        if obj is None or not obj.is_published:
            return None
        return super().get_view_on_site_url(obj)

    # ---- workflow actions ---------------------------------------------------------------
    def _bulk(self, request: HttpRequest, queryset: QuerySet, target: str) -> None:
        result = workflow.bulk_transition(objects=queryset, target=target, user=request.user)
        level = messages.WARNING if result.refused else messages.SUCCESS
        self.message_user(request, result.summary(self.model._meta.verbose_name_plural), level)

    @admin.action(description="Submit selected for review")
    def submit_for_review(self, request, queryset):
        self._bulk(request, queryset, Status.REVIEW)

    @admin.action(description="Publish selected")
    def publish(self, request, queryset):
        self._bulk(request, queryset, Status.PUBLISHED)

    @admin.action(description="Withdraw selected from the public site")
    def withdraw(self, request, queryset):
        self._bulk(request, queryset, Status.WITHDRAWN)

    @admin.action(description="Return selected to draft")
    def return_to_draft(self, request, queryset):
        self._bulk(request, queryset, Status.DRAFT)
