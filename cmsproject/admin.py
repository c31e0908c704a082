"""The admin of project-wide records: redirects and login attempts (the records' own admins
live in their apps)."""

from __future__ import annotations

import axes.admin  # registered first, so that ours replaces it below
import django_tasks_db.admin  # noqa: F401 (registered first, so that it is removed below)
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django_tasks_db.models import DBTaskResult

from cmsproject.editorial.autocomplete import SafeAutocompleteMixin

from .editorial.jobs import Job
from .editorial.redirects import Redirect
from .editorial.registry import publishable_models
from .webhooks import Delivery, Webhook


@admin.register(Redirect)
class RedirectAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ("old_path", "leads_to", "reason", "created_at", "created_by")
    list_filter = ("reason", "content_type")
    search_fields = ("old_path", "target_path")
    readonly_fields = ("created_at", "created_by")
    fields = (
        *("old_path", "content_type", "object_id", "target_path", "reason", "note"),
        *readonly_fields,
    )
    list_per_page = 100
    show_full_result_count = False

    @admin.display(description="leads to")
    def leads_to(self, obj: Redirect) -> str:
        return obj.destination_label()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "content_type":
            kwargs["queryset"] = ContentType.objects.filter(
                pk__in=[ContentType.objects.get_for_model(m).pk for m in publishable_models()]
            )
            kwargs["help_text"] = "The kind of record it leads to; give its id below."
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Redirect, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class LoginAttemptAdmin(axes.admin.AccessAttemptAdmin):
    """django-axes' admin of failed logins, with its "Clean up expired attempts" action
    working: axes' own reads the time of the login attempt under way, which an admin action
    has not got (a 500)."""

    @admin.action(description="Clean up expired attempts")
    def cleanup_expired_attempts(self, request: HttpRequest, queryset) -> None:
        request.axes_attempt_time = timezone.now()
        super().cleanup_expired_attempts(request, queryset)


if admin.site.is_registered(AccessAttempt):  # AXES_ENABLE_ADMIN may turn axes' admin off
    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, LoginAttemptAdmin)


# ---- background jobs ------------------------------------------------------------------------
# The queue's own rows (django-tasks-db's admin) say nothing on Redis and nothing about
# progress; the jobs do, the same on every backend. Operators (superusers) read them here;
# editors follow their imports from the import page.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "state",
        "progress",
        "created_by",
        "created_at",
        "finished_at",
    )
    list_filter = ("state", "task_path")
    search_fields = ("title", "error")
    date_hierarchy = "created_at"
    list_select_related = ("created_by",)
    readonly_fields = (
        *("title", "task_path", "key", "state", "done", "total", "attempts", "max_attempts"),
        *("run_after", "created_by", "created_at", "enqueued_at", "started_at", "heartbeat_at"),
        *("finished_at", "error", "result"),
    )
    exclude = ("payload", "runner")
    show_full_result_count = False

    @admin.display(description="progress")
    def progress(self, job: Job) -> str:
        return f"{job.done} of {job.total}" if job.total else ""

    # Viewing and deleting need the model's permissions, which no group holds (superusers).
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    """Subscribers to the change feed (administrators only: a webhook sends what changed to an
    address outside the newsroom)."""

    list_display = ("name", "url", "active", "last_delivery", "log")
    list_filter = ("active",)
    search_fields = ("name", "url")
    fields = ("name", "url", "active", "actions", "record_types", "secret", "log")
    readonly_fields = ("log",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="last delivery")
    def last_delivery(self, webhook: Webhook) -> str:
        last = webhook.deliveries.order_by("-created_at", "-id").first()
        if last is None:
            return "—"
        answer = f"HTTP {last.status_code}" if last.status_code else (last.error or "waiting")
        return f"{last.state} ({answer})"

    @admin.display(description="delivery log")
    def log(self, webhook: Webhook) -> str:
        if webhook.pk is None:
            return "—"
        url = reverse("admin:cmsproject_delivery_changelist") + f"?webhook__id__exact={webhook.pk}"
        failed = webhook.deliveries.filter(state=Delivery.State.FAILED).count()
        return format_html('<a href="{}">Deliveries</a> ({} failed)', url, failed)

    def save_model(self, request: HttpRequest, obj: Webhook, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log: each change sent to each webhook, its attempts, the last answer."""

    list_display = ("change", "webhook", "state", "attempts", "status_code", "attempted_at")
    list_filter = ("state", "webhook")
    date_hierarchy = "created_at"
    list_select_related = ("change", "webhook")
    readonly_fields = (
        *("webhook", "change", "state", "attempts", "status_code", "error", "response"),
        *("created_at", "attempted_at", "delivered_at", "job"),
    )
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
