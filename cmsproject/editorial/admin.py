"""The admin side of the editorial base: status, authorship, history and workflow actions.

Every record's ModelAdmin extends :class:`PublishableAdmin`. Status changes made in the form, by a
bulk action or by reverting to an old revision all go through :mod:`cmsproject.editorial.workflow`.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import actions, references, revisions, rights, scheduling, workflow
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
    withdraw_anyway = forms.BooleanField(
        required=False,
        label="Withdraw anyway",
        help_text="Published records use this one (see “Used by”): tick to withdraw it anyway.",
    )

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
        withdrawing = (
            self.instance.pk
            and "status" in self.changed_data
            and cleaned.get("status") == Status.WITHDRAWN
        )
        if withdrawing and not cleaned.get("withdraw_anyway"):
            users = references.live_users(self.instance)
            if users:
                raise forms.ValidationError(
                    f"Published records use this {self.instance._meta.verbose_name}: "
                    f"{_usage_summary(users)}. Withdrawn, it leaves their pages. Tick "
                    "“Withdraw anyway” to withdraw it all the same.",
                    code="used_by_published",
                )
        return cleaned

    def clean_status(self):
        target = self.cleaned_data["status"]
        if self.user is not None:
            workflow.validate_status_change(obj=self.instance, target=target, user=self.user)
        return target


def _usage_summary(usages) -> str:
    return "; ".join(
        f"{u.label.lower()}: {u.live} ({', '.join(str(r) for r in u.records[:3])}"
        f"{' …' if u.live > 3 else ''})"
        for u in usages
    )


def save_rows(request: HttpRequest, formset) -> None:
    """Save an inline formset's rows one by one, each as an action of the editor."""
    for instance in formset.save(commit=False):
        actions.SaveRow(instance, user=request.user).execute()
    for deleted in formset.deleted_objects:
        actions.SaveRow(deleted, user=request.user, delete=True).execute()
    formset.save_m2m()


class RowRightsMixin:
    """For the admin of relation rows, and their inlines: a row readers can see is an Editor's
    to change (:func:`cmsproject.editorial.rights.check_may_change`). An inline is asked with
    the record it belongs to; that record's rights decide for its rows (each row saved is
    checked again by :class:`~cmsproject.editorial.actions.SaveRow`)."""

    def _rights(self, request: HttpRequest, obj, action: str) -> bool:
        if obj is None:
            return True
        if isinstance(self, admin.options.InlineModelAdmin):
            return rights.may_change(request.user, obj)
        return rights.may_change(request.user, obj, action=action)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._rights(request, obj, "change")

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._rights(request, obj, "delete")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        if not isinstance(self, admin.options.InlineModelAdmin):
            return super().has_add_permission(request)
        return super().has_add_permission(request, obj) and self._rights(request, obj, "add")


class RowAdmin(RowRightsMixin, SimpleHistoryAdmin):
    """The admin of a relation row shown by itself (offices, citations)."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        actions.SaveRow(obj, user=request.user).execute()

    def delete_model(self, request: HttpRequest, obj) -> None:
        actions.SaveRow(obj, user=request.user, delete=True).execute()


class ScheduleFilter(admin.SimpleListFilter):
    """Records waiting to go live, or set to expire."""

    title = "schedule"
    parameter_name = "schedule"

    def lookups(self, request, model_admin):
        return [("go_live", "Scheduled to go live"), ("expire", "Set to expire")]

    def queryset(self, request, queryset):
        if self.value() == "go_live":
            return queryset.filter(scheduling.WAITING_TO_GO_LIVE)
        if self.value() == "expire":
            return queryset.filter(scheduling.SET_TO_EXPIRE)
        return queryset


class PublishableAdmin(SimpleHistoryAdmin):
    form = PublishableForm
    actions = ["submit_for_review", "publish", "withdraw", "return_to_draft"]
    publishable_readonly = ("published_at", "created_at", "updated_at", "created_by", "updated_by")
    # Added to every record's form: the workflow first (editors look for it), history last.
    workflow_fieldset = (
        "Workflow",
        {
            "fields": (
                "status",
                "withdraw_anyway",
                ("go_live_at", "expire_at"),
                "public_page",
                "editor_note",
                "loaded_version",
            )
        },
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
        schedule = () if rights.can_publish(request.user, self.model) else rights.SCHEDULE_FIELDS
        return (
            *super().get_readonly_fields(request, obj),
            "public_page",
            *self.publishable_readonly,
            *schedule,
        )

    @admin.display(description="public page")
    def public_page(self, obj: Publishable | None) -> str:
        if obj is None or not obj.pk or not hasattr(obj, "get_absolute_url"):
            return "Save the record to preview it."
        if obj.is_live:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), "View on site")
        return format_html(
            '<a href="{}">{}</a> (only staff can see it until it is published)',
            obj.get_absolute_url(),
            "Preview",
        )

    def save_model(self, request: HttpRequest, obj: Publishable, form, change: bool) -> None:
        status = obj.status if ("status" in form.changed_data or not change) else None
        actions.SaveRecord(
            obj,
            user=request.user,
            status=status,
            save=lambda: super(PublishableAdmin, self).save_model(request, obj, form, change),
        ).execute()

    def save_formset(self, request, form, formset, change):
        save_rows(request, formset)

    # ---- used by ------------------------------------------------------------------------
    change_form_template = "admin/editorial/change_form.html"
    delete_confirmation_template = "admin/editorial/delete_confirmation.html"

    def _with_used_by(self, request: HttpRequest, object_id, extra_context) -> dict:
        obj = self.get_object(request, unquote(object_id))
        used = references.used_by(obj) if obj is not None else None
        return {"used_by": used, **(extra_context or {})}

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        context = self._with_used_by(request, object_id, extra_context)
        return super().change_view(request, object_id, form_url, context)

    def delete_view(self, request: HttpRequest, object_id, extra_context=None):
        context = self._with_used_by(request, object_id, extra_context)
        return super().delete_view(request, object_id, context)

    # ---- permissions --------------------------------------------------------------------
    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            # Contributors see published records read-only; an Editor changes them.
            return rights.may_change(request.user, obj)
        return allowed

    # ---- history: the record with its rows; revert with a confirmation -----------------------
    def history_view(self, request: HttpRequest, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        if "from" in request.GET:
            return self._compare_view(request, obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"History: {obj}",
            "moments": revisions.timeline(obj),
            "may_revert": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/editorial/history.html", context)

    def _revision_state(self, obj, key: str):
        """A revision of ``obj`` named in the query (a history id, or "now")."""
        if key in ("", "now"):
            return None, revisions.state_now(obj)
        revision = obj.history.filter(history_id=key).first() if key.isdigit() else None
        if revision is None:
            raise Http404(f"This {obj._meta.verbose_name} has no revision “{key}”.")
        return revision, revisions.state_at(obj, revision)

    def _compare_view(self, request: HttpRequest, obj):
        """Any two revisions side by side (``?from=<id>&to=<id or now>``)."""
        old, old_state = self._revision_state(obj, request.GET.get("from", ""))
        new, new_state = self._revision_state(obj, request.GET.get("to", "now"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare revisions: {obj}",
            "old": old,
            "new": new,
            "comparison": revisions.compare(self.model, old_state, new_state),
        }
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def history_form_view(self, request: HttpRequest, object_id, version_id, extra_context=None):
        """The revision beside the record as it is now — fields, links and rows — and, posted,
        the record and its rows brought back to it (:class:`~.revisions.RevertRecord`)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        revision = obj.history.filter(history_id=version_id).first()
        if revision is None:
            raise Http404("No such revision of this record.")
        error = ""
        if request.method == "POST":
            # Reverting changes the record as it is now: only those who may change it now.
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            action = revisions.RevertRecord(
                obj,
                user=request.user,
                revision=revision,
                loaded_version=request.POST.get("loaded_version", ""),
            )
            try:
                done = action.execute()
            except (rights.ChangeRefused, ValidationError) as exc:
                error = " ".join(getattr(exc, "messages", None) or [str(exc)])
            else:
                self.log_change(request, obj, f"Reverted to {revision.history_date}")
                self.message_user(
                    request,
                    f"“{obj}” was brought back to the revision of "
                    f"{revision.history_date:%Y-%m-%d %H:%M} UTC ({len(done)} changes).",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change",
                        args=[obj.pk],
                    )
                )
        now = revisions.state_now(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "revision": revision,
            "title": f"Revert “{obj}”?",
            "changes": revisions.changes(self.model, now, revisions.state_at(obj, revision)),
            "comparison": revisions.compare(self.model, now, revisions.state_at(obj, revision)),
            "loaded_version": version_of(obj),
            "may_revert": self.has_change_permission(request, obj),
            "error": error,
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/editorial/revert.html", context, status=400 if error else 200
        )

    def get_actions(self, request: HttpRequest):
        actions = super().get_actions(request)
        if not workflow.can_publish(request.user, self.model):
            for name in ("publish", "withdraw"):
                actions.pop(name, None)
        return actions

    # ---- list ---------------------------------------------------------------------------
    def get_list_filter(self, request: HttpRequest):
        return (*super().get_list_filter(request), ScheduleFilter)

    @admin.display(description="status", ordering="status")
    def status_badge(self, obj: Publishable) -> str:
        note = ""
        if obj.is_scheduled:
            note = f" · goes live {obj.go_live_at:%Y-%m-%d %H:%M} UTC"
        elif obj.is_published and obj.expire_at:
            verb = "expired" if not obj.is_live else "expires"
            note = f" · {verb} {obj.expire_at:%Y-%m-%d %H:%M} UTC"
        return format_html(
            '<span style="color:{};font-weight:600">{}</span>{}',
            STATUS_COLOURS.get(obj.status, "inherit"),
            obj.get_status_display(),
            note,
        )

    def get_view_on_site_url(self, obj=None):
        if obj is None or not obj.is_published:
            return None
        return super().get_view_on_site_url(obj)

    # ---- workflow actions ---------------------------------------------------------------
    def _confirm_withdrawal(self, request: HttpRequest, queryset: QuerySet):
        """The page that asks before withdrawing records that published records use; None
        when none is used (or the editor confirmed)."""
        if request.POST.get("confirm_withdraw"):
            return None
        used = [(obj, users) for obj in queryset if (users := references.live_users(obj))]
        if not used:
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Withdraw records that published records use?",
            "opts": self.model._meta,
            "used": used,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/editorial/withdraw_confirmation.html", context)

    def _bulk(self, request: HttpRequest, queryset: QuerySet, target: str) -> None:
        result = actions.bulk_transition(objects=queryset, target=target, user=request.user)
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
        confirmation = self._confirm_withdrawal(request, queryset)
        if confirmation is not None:
            return confirmation
        self._bulk(request, queryset, Status.WITHDRAWN)

    @admin.action(description="Return selected to draft")
    def return_to_draft(self, request, queryset):
        self._bulk(request, queryset, Status.DRAFT)


class RowInline(RowRightsMixin, admin.TabularInline):
    """The inline of relation rows on a record's page (aliases, offices, participants…)."""


class GenericRowInline(RowRightsMixin, GenericTabularInline):
    """The inline of rows that may belong to any record (citations)."""
