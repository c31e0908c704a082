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
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import (
    actions,
    comments,
    notifications,
    pending,
    publishing,
    references,
    revisions,
    rights,
    scheduling,
    workflow,
)
from .autocomplete import SafeAutocompleteMixin
from .concurrency import changed_since, version_of
from .models import Publishable, Status
from .pending import Revision

STATUS_COLOURS = {
    Status.DRAFT: "#6b7280",
    Status.REVIEW: "#b45309",
    Status.PUBLISHED: "#047857",
    Status.WITHDRAWN: "#b91c1c",
}


#: The name of the workflow buttons (Submit for review, Publish, Withdraw, Return to draft):
#: the button pressed carries the status it moves the record to.
WORKFLOW_BUTTON = "_workflow"
#: The answer to the publish check (publishing.py): "together", "alone" or "no".
PUBLISH_WITH = "_publish_with"


class PublishCheckNeeded(Exception):
    """Raised inside the save (rolling it back) when a record about to be published leads
    readers to records they cannot see; the admin then asks what to do."""

    def __init__(self, ends: list, error: str = "") -> None:
        super().__init__(error or "unpublished records")
        self.ends = ends
        self.error = error


class PublishableForm(forms.ModelForm):
    """Moves the record along the workflow with the button pressed (the status is no field to
    fill in), checks the move, and refuses to overwrite changes saved by someone else since the
    form was loaded."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # The pending changes the form was rendered from ("": none), see pending.SavePendingChanges.
    loaded_revision = forms.CharField(widget=forms.HiddenInput, required=False)
    withdraw_anyway = forms.BooleanField(
        required=False,
        label="Withdraw anyway",
        help_text="Published records use this one (see “Used by”): tick to withdraw it anyway.",
    )

    workflow_comment = forms.CharField(
        required=False,
        max_length=comments.MAX_LENGTH,
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional, kept in the record's comments and sent with the button you press: "
        "a note for the reviewer when you submit, what to change when you send it back.",
    )

    def __init__(self, *args, user=None, pending_revision=None, **kwargs):
        data = kwargs.get("data", args[0] if args else None)
        target = data.get(WORKFLOW_BUTTON) if data is not None else None
        if data is not None and data.get(PUBLISH_WITH) == "no":
            target = None  # "Save without publishing", from the publish check
        if target in Status.values:
            data = data.copy()
            data["status"] = target
            if args:
                args = (data, *args[1:])
            else:
                kwargs["data"] = data
        super().__init__(*args, **kwargs)
        self.user = user
        if pending_revision is not None:
            self.fields["loaded_revision"].initial = pending_revision.version
            if not self.is_bound:
                self.initial.update(_pending_initial(self, pending_revision))
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
            field.error_messages["invalid_choice"] = _refusal(stored, user, allowed)
        if field is not None:
            field.widget = forms.HiddenInput()  # moved by the workflow buttons

    def _post_clean(self):
        super()._post_clean()
        # What the record needs before it is published (a source's summary…), judged on the
        # record as this form leaves it: a summary typed with the Publish button counts.
        if self.cleaned_data.get("status") == Status.PUBLISHED and "status" in self.changed_data:
            for problem in self.instance.publication_problems():
                self.add_error(None, problem)

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


def _refusal(stored: Publishable, user, allowed: set[str]) -> str:
    """The reason given when a form asks for a status the user may not move the record to."""
    for target in Status.values:
        if target in allowed:
            continue
        try:
            workflow.check_transition(
                obj=stored, current=stored.status, target=target, user=user, content=False
            )
        except workflow.WorkflowError as exc:
            if target == Status.PUBLISHED:
                return str(exc)
    return "This step is not open to you for this record: the buttons below show those that are."


def _form_initial(model: type[models.Model], values: dict) -> dict:
    """Values by column (``person_id``) as a form's initial data (``person``)."""
    names = {f.attname: f.name for f in model._meta.concrete_fields}
    return {names.get(attname, attname): value for attname, value in values.items()}


def _pending_initial(form: forms.ModelForm, revision) -> dict:
    state = pending.decode(type(form.instance), revision.snapshot)
    initial = _form_initial(type(form.instance), state.values)
    initial.update({name: sorted(pks) for name, pks in state.links.items()})
    return {name: value for name, value in initial.items() if name in form.fields}


def pending_formset(formset_class, rows: dict[int, dict]):
    """``formset_class`` showing a record's rows as its pending revision leaves them: changed
    values in place, removed rows ticked for deletion, new rows in extra forms."""
    model = formset_class.model
    new = [_form_initial(model, values) for pk, values in sorted(rows.items()) if pk < 0]

    class PendingFormSet(formset_class):
        extra = formset_class.extra + len(new)

        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initial", new)
            super().__init__(*args, **kwargs)

        def get_queryset(self):
            if not hasattr(self, "_pending_rows"):
                shown = list(super().get_queryset())
                for row in shown:
                    for name, value in rows.get(row.pk, {}).items():
                        setattr(row, name, value)
                self._pending_rows = shown
            return self._pending_rows

        def get_form_kwargs(self, index):
            kwargs = super().get_form_kwargs(index)
            existing = not self.is_bound and index is not None and index < self.initial_form_count()
            if existing and self.get_queryset()[index].pk not in rows:
                kwargs["initial"] = {"DELETE": True}
            return kwargs

    PendingFormSet.__name__ = formset_class.__name__
    return PendingFormSet


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


def prefill(request: HttpRequest, *, initial: dict | None = None, rows: dict | None = None) -> None:
    """Fill the change form about to be shown: ``initial`` for the record's fields, ``rows``
    (row model → initial values of new rows) for its inlines. Only the form shown is filled;
    what the editor posts back is saved as it stands (events/admin_drafting.py uses this)."""
    request._caravan_prefill = {"initial": initial or {}, "rows": rows or {}}


def _prefilled_rows(request: HttpRequest, model) -> list[dict] | None:
    return getattr(request, "_caravan_prefill", {}).get("rows", {}).get(model)


class RowRightsMixin:
    """For the admin of relation rows, and their inlines: a row readers can see is an Editor's
    to change (:func:`cmsproject.editorial.rights.check_may_change`). An inline is asked with
    the record it belongs to; that record's rights decide for its rows (each row saved is
    checked again by :class:`~cmsproject.editorial.actions.SaveRow`)."""

    def _rights(self, request: HttpRequest, obj, action: str) -> bool:
        if obj is None:
            return True
        if isinstance(self, admin.options.InlineModelAdmin):
            # a published record's rows are changed in a proposal of changes (pending.py)
            return rights.may_change(request.user, obj) or pending.may_propose(request.user, obj)
        return rights.may_change(request.user, obj, action=action)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._rights(request, obj, "change")

    def get_extra(self, request: HttpRequest, obj=None, **kwargs) -> int:
        rows = _prefilled_rows(request, self.model)
        return len(rows) if rows is not None else super().get_extra(request, obj, **kwargs)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._rights(request, obj, "delete")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        if not isinstance(self, admin.options.InlineModelAdmin):
            return super().has_add_permission(request)
        return super().has_add_permission(request, obj) and self._rights(request, obj, "add")


class RowAdmin(SafeAutocompleteMixin, RowRightsMixin, SimpleHistoryAdmin):
    """The admin of a relation row shown by itself (offices, citations)."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        actions.SaveRow(obj, user=request.user).execute()

    def delete_model(self, request: HttpRequest, obj) -> None:
        actions.SaveRow(obj, user=request.user, delete=True).execute()


class ScheduleFilter(admin.SimpleListFilter):
    """Records waiting to go live, or set to expire."""

    title = "schedule and pending changes"
    parameter_name = "schedule"

    def lookups(self, request, model_admin):
        return [
            ("go_live", "Scheduled to go live"),
            ("expire", "Set to expire"),
            ("pending", "Published — changes pending"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(pending.has_pending(queryset.model))
        if self.value() == "go_live":
            return queryset.filter(scheduling.WAITING_TO_GO_LIVE)
        if self.value() == "expire":
            return queryset.filter(scheduling.SET_TO_EXPIRE)
        return queryset


class PublishableAdmin(SafeAutocompleteMixin, SimpleHistoryAdmin):
    form = PublishableForm
    actions = ["submit_for_review", "publish", "withdraw", "return_to_draft"]
    publishable_readonly = ("published_at", "created_at", "updated_at", "created_by", "updated_by")
    # Added to every record's form: the workflow first (editors look for it), history last.
    workflow_fieldset = (
        "Workflow",
        {
            "fields": (
                "workflow_state",
                "status",
                "withdraw_anyway",
                ("go_live_at", "expire_at"),
                "public_page",
                "editor_note",
                "loaded_version",
                "loaded_revision",
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
        revision = self._pending_revision(request, obj)

        class FormWithUser(form_class):
            def __init__(self, *args, **kw):
                kw.setdefault("user", user)
                kw.setdefault("pending_revision", revision)
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
            "workflow_state",
            "public_page",
            *self.publishable_readonly,
            *schedule,
        )

    @admin.display(description="status")
    def workflow_state(self, obj: Publishable | None) -> str:
        status = Status(obj.status if obj is not None and obj.pk else Status.DRAFT)
        return format_html(
            '<strong style="color:{}">{}</strong> — {}',
            STATUS_COLOURS.get(status, "inherit"),
            status.label,
            workflow.WHAT_IT_MEANS[status],
        )

    @admin.display(description="public page")
    def public_page(self, obj: Publishable | None) -> str:
        if obj is None or not obj.pk or not hasattr(obj, "get_absolute_url"):
            return "Save the record to preview it."
        if obj.is_live and getattr(obj, "has_pending_changes", False):
            opts = obj._meta
            return format_html(
                '<a href="{}">{}</a> · <a href="{}">{}</a> (readers see the live version)',
                obj.get_absolute_url(),
                "View on site",
                reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk]),
                "Preview the pending changes",
            )
        if obj.is_live:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), "View on site")
        return format_html(
            '<a href="{}">{}</a> (only staff can see it until it is published)',
            obj.get_absolute_url(),
            "Preview",
        )

    def save_model(self, request: HttpRequest, obj: Publishable, form, change: bool) -> None:
        if self._proposes(request, obj, form, change):
            request._caravan_proposal = {}  # saved with its rows, in save_related
            return
        self._save_live(request, obj, form, change)

    def _save_live(self, request: HttpRequest, obj: Publishable, form, change: bool) -> None:
        status = obj.status if ("status" in form.changed_data or not change) else None
        before = form.initial.get("status", Status.DRAFT) if change else Status.DRAFT
        if status is not None and status != before:
            request._caravan_step = (before, status)
        obj._workflow_comment = form.cleaned_data.get("workflow_comment", "")
        actions.SaveRecord(
            obj,
            user=request.user,
            status=status,
            save=lambda: super(PublishableAdmin, self).save_model(request, obj, form, change),
        ).execute()

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        proposal = getattr(request, "_caravan_proposal", None)
        obj = form.instance
        if proposal is None:
            super().save_related(request, form, formsets, change)
            shown = pending.open_revision(obj) if change else None
            if shown is not None and shown.version == form.cleaned_data.get("loaded_revision"):
                # the form showed the pending changes, and the Editor saved them live
                pending.published_live(obj, request.user)
            self._check_publication(request, obj)
            self._save_workflow_comment(request, obj, form)
            return

        def rehearsal():
            self._save_live(request, obj, form, change)
            super(PublishableAdmin, self).save_related(request, form, formsets, change)

        try:
            proposal["revision"] = pending.SavePendingChanges(
                obj,
                user=request.user,
                save=rehearsal,
                submit="_pending_review" in request.POST,
                loaded_revision=form.cleaned_data.get("loaded_revision", ""),
            ).execute()
        except (rights.ChangeRefused, ValidationError) as exc:
            proposal["error"] = " ".join(getattr(exc, "messages", None) or [str(exc)])
        else:
            self._save_workflow_comment(request, obj, form)

    def _check_publication(self, request: HttpRequest, obj: Publishable) -> None:
        """Publishing: the records it shows readers that they cannot see are published with it
        (the editor said "together"), or it goes alone (said "alone"), or the editor is asked
        (:class:`PublishCheckNeeded` rolls the save back)."""
        step = getattr(request, "_caravan_step", None)
        if step is None or step[1] != Status.PUBLISHED:
            return
        decision = request.POST.get(PUBLISH_WITH, "")
        if decision == "alone":
            return
        ends = publishing.unpublished_ends(obj)
        if not ends:
            return
        if decision != "together":
            raise PublishCheckNeeded(ends)
        try:
            publishing.publish_together(ends, request.user)
        except (rights.ChangeRefused, ValidationError) as exc:
            error = " ".join(getattr(exc, "messages", None) or [str(exc)])
            raise PublishCheckNeeded(ends, error) from exc
        request._caravan_published_with = ends

    def changeform_view(
        self, request: HttpRequest, object_id=None, form_url="", extra_context=None
    ):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except PublishCheckNeeded as check:  # the save was rolled back: nothing was published
            return self._publish_check_page(request, object_id, check)

    def _publish_check_page(
        self, request: HttpRequest, object_id, check: PublishCheckNeeded, bulk: int = 0
    ):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        kept = [
            (key, value)
            for key, values in request.POST.lists()
            if key not in ("csrfmiddlewaretoken", PUBLISH_WITH)
            for value in values
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "label": str(obj) if obj is not None else "",
            "title": "Publish with the records it shows?",
            "here": "Publish",
            "ends": check.ends,
            "error": check.error,
            "kept": kept,
            "lost_files": bool(request.FILES),
            "action": request.get_full_path(),
            "bulk": bulk,
            "together": len(check.ends) + (bulk or 1),
        }
        return TemplateResponse(
            request,
            "admin/editorial/publish_check.html",
            context,
            status=400 if check.error else 200,
        )

    def _save_workflow_comment(self, request: HttpRequest, obj: Publishable, form) -> None:
        text = form.cleaned_data.get("workflow_comment", "")
        if text:
            step = getattr(request, "_caravan_step", None)
            context = workflow.VERBS[step[1]] if step else ""
            if "_pending_review" in request.POST:
                context = "submitted changes for review"
            comments.AddComment(obj, user=request.user, text=text, context=context).execute()

    def _proposes(self, request: HttpRequest, obj: Publishable, form, change: bool) -> bool:
        """Whether this save of a published record is kept as pending changes: always for a
        Contributor; for an Editor who asks for it, or sets a time for the changes to go live
        (not when the form changes the status: that is the workflow's, done live)."""
        if not change or "status" in form.changed_data:
            return False
        if not pending.may_propose(request.user, obj):
            return False
        if not rights.can_publish(request.user, obj):
            return True
        if "_pending" in request.POST or "_pending_review" in request.POST:
            return True
        go_live_at = form.cleaned_data.get("go_live_at")
        return go_live_at is not None and go_live_at > timezone.now()

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_caravan_proposal", None) is not None:
            return ""  # nothing was changed; log_change says what was kept
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request: HttpRequest, obj, message):
        proposal = getattr(request, "_caravan_proposal", None)
        if proposal is not None:
            if "revision" not in proposal:
                return None
            message = f"Saved pending changes ({proposal['revision'].get_state_display()})"
        return super().log_change(request, obj, message)

    def message_user(self, request: HttpRequest, message, level=messages.INFO, *args, **kwargs):
        # Django's "The event “…” was changed successfully." says nothing of where the record
        # stands: the workflow's words replace it (response_add / response_change set them).
        replacement = getattr(request, "_caravan_saved_message", None)
        if replacement is not None and level == messages.SUCCESS:
            message, request._caravan_saved_message = replacement, None
        return super().message_user(request, message, level, *args, **kwargs)

    def _step_message(self, request: HttpRequest, obj: Publishable) -> str:
        """What the save did to the record's status and what comes next."""
        label = f"The {obj._meta.verbose_name} “{obj}”"
        step = getattr(request, "_caravan_step", None)
        if step is None:
            return workflow.saved_message(label, obj.status)
        before, after = step
        name = actions.STEPS[after]
        notified = bool(notifications.messages_for(obj, name, request.user, "", before))
        text = workflow.step_message(label, before, after, notified=notified)
        together = getattr(request, "_caravan_published_with", None)
        if together:
            names = ", ".join(f"“{end.record}”" for end in together)
            text += f" Published with it: {names}."
        if after == Status.PUBLISHED and hasattr(obj, "get_absolute_url"):
            return format_html(
                '{} <a href="{}">View it on the site</a>.', text, obj.get_absolute_url()
            )
        return text

    def _after_step(self, request: HttpRequest, obj: Publishable):
        """A workflow button keeps the editor on the record, which now shows its new status
        and the buttons that come next."""
        if getattr(request, "_caravan_step", None) is None:
            return None
        self.message_user(request, self._step_message(request, obj), messages.SUCCESS)
        opts = obj._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def response_add(self, request: HttpRequest, obj, post_url_continue=None):
        return self._after_step(request, obj) or self._saved(
            request,
            obj,
            lambda: super(PublishableAdmin, self).response_add(request, obj, post_url_continue),
        )

    def _saved(self, request: HttpRequest, obj, respond):
        request._caravan_saved_message = self._step_message(request, obj)
        return respond()

    def response_change(self, request: HttpRequest, obj):
        proposal = getattr(request, "_caravan_proposal", None)
        if proposal is None:
            if "_publish_changes" in request.POST:
                self.message_user(
                    request,
                    format_html(
                        'The changes to “{}” were published: readers see them now. <a href="{}">'
                        "View it on the site</a>.",
                        obj,
                        obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "",
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(request.path)
            return self._after_step(request, obj) or self._saved(
                request, obj, lambda: super(PublishableAdmin, self).response_change(request, obj)
            )
        if "error" in proposal:
            self.message_user(request, f"Nothing was saved. {proposal['error']}", messages.ERROR)
        else:
            revision = proposal["revision"]
            done = {
                Revision.State.REVIEW: "submitted for review",
                Revision.State.DRAFT: "saved as a draft of changes",
            }[revision.state]
            when = ""
            if revision.go_live_at:
                when = f" They go live at {revision.go_live_at:%Y-%m-%d %H:%M} UTC."
            self.message_user(
                request,
                f"Your changes to “{obj}” were {done}: readers still see the published "
                f"version until an Editor publishes them.{when}",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)

    def save_formset(self, request, form, formset, change):
        save_rows(request, formset)

    # ---- pending changes ------------------------------------------------------------------
    def _pending_revision(self, request: HttpRequest, obj):
        """The pending changes a change form shows (a form being filled, not one posted)."""
        if request.method != "GET" or obj is None or not getattr(obj, "pk", None):
            return None
        if not hasattr(request, "_caravan_shown_revision"):
            request._caravan_shown_revision = pending.open_revision(obj)
        return request._caravan_shown_revision

    def get_formsets_with_inlines(self, request: HttpRequest, obj=None):
        revision = self._pending_revision(request, obj)
        state = pending.decode(self.model, revision.snapshot) if revision is not None else None
        kinds = {kind.model: kind for kind in revisions.row_kinds(self.model)}
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            kind = kinds.get(formset.model)
            if state is not None and kind is not None and kind in state.rows:
                formset = pending_formset(formset, state.rows[kind])
            yield formset, inline

    def _viewable(self, request: HttpRequest, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404(f"No {self.model._meta.verbose_name} with this key.")
        return obj

    def preview_view(self, request: HttpRequest, object_id):
        return pending.preview(request, self._viewable(request, object_id))

    def discard_changes_view(self, request: HttpRequest, object_id):
        obj = self._viewable(request, object_id)
        change_url = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        revision = pending.open_revision(obj)
        error = ""
        if request.method == "POST":
            try:
                pending.DiscardChanges(obj, user=request.user).execute()
            except rights.ChangeRefused as exc:
                error = str(exc)
            else:
                self.message_user(
                    request, f"The pending changes to “{obj}” were discarded.", messages.SUCCESS
                )
                return HttpResponseRedirect(change_url)
        elif revision is None:
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "revision": revision,
            "title": f"Discard the pending changes to “{obj}”?",
            "comparison": revisions.compare(
                self.model, revisions.state_now(obj), pending.pending_state(obj, revision)
            )
            if revision is not None
            else None,
            "error": error,
        }
        return TemplateResponse(
            request, "admin/editorial/discard_changes.html", context, status=400 if error else 200
        )

    def get_urls(self):
        from django.urls import path

        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/preview/", wrap(self.preview_view), name=f"{name}_preview"),
            path(
                "<path:object_id>/comments/",
                wrap(self.add_comment_view),
                name=f"{name}_add_comment",
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/resolve/",
                wrap(self.resolve_comment_view),
                name=f"{name}_resolve_comment",
            ),
            path(
                "<path:object_id>/discard-changes/",
                wrap(self.discard_changes_view),
                name=f"{name}_discard_changes",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .annotate(has_pending_changes=pending.has_pending(self.model))
        )

    # ---- a form filled for the editor (prefill) --------------------------------------------
    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        return {**initial, **getattr(request, "_caravan_prefill", {}).get("initial", {})}

    def get_formset_kwargs(self, request: HttpRequest, obj, inline, prefix: str) -> dict:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        rows = _prefilled_rows(request, inline.model)
        if rows and request.method == "GET":
            # new rows shown filled; posted back, they count as the editor's (saved)
            kwargs["initial"] = rows
        return kwargs

    # ---- used by ------------------------------------------------------------------------
    change_form_template = "admin/editorial/change_form.html"
    delete_confirmation_template = "admin/editorial/delete_confirmation.html"

    def _with_used_by(self, request: HttpRequest, object_id, extra_context) -> dict:
        obj = self.get_object(request, unquote(object_id))
        used = references.used_by(obj) if obj is not None else None
        return {"used_by": used, **(extra_context or {})}

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        context = self._with_used_by(request, object_id, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and obj.is_published:
            context["pending"] = {
                "revision": pending.open_revision(obj),
                "may_publish": rights.can_publish(request.user, obj),
                "may_propose": pending.may_propose(request.user, obj),
            }
        return super().change_view(request, object_id, form_url, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow"] = {"buttons": self.workflow_buttons(request, obj)}
        if obj is not None and obj.pk:
            context["comments"] = {
                "thread": list(comments.comments_on(obj)),
                "may_comment": comments.may_comment(request.user, obj),
                "may_resolve_all": rights.can_publish(request.user, obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_buttons(self, request: HttpRequest, obj: Publishable | None) -> list[dict]:
        """The steps this user may take the record to from where it stands, as buttons (a
        published record's edits have the pending-changes buttons beside them)."""
        if not self.has_change_permission(request, obj) and obj is not None:
            return []
        if obj is None or not obj.pk:
            current = Status.DRAFT
            targets = [Status.REVIEW]
            if workflow.can_publish(request.user, self.model):
                targets.append(Status.PUBLISHED)
        else:
            current = obj.status
            targets = workflow.allowed_targets(obj=obj, user=request.user)
        order = [Status.REVIEW, Status.PUBLISHED, Status.DRAFT, Status.WITHDRAWN]
        return [
            {
                "target": target,
                "label": workflow.button_label(current, target),
                "default": target == Status.PUBLISHED
                or (target == Status.REVIEW and Status.PUBLISHED not in targets),
                "danger": target == Status.WITHDRAWN,
            }
            for target in order
            if target in targets and target != current
        ]

    # ---- review comments ------------------------------------------------------------------
    def _comment_response(self, request: HttpRequest, obj, message: str, level, status=200):
        """The thread again, for the page's script (which swaps it in without a reload, so
        nothing typed in the form is lost), or back to the form without script."""
        if request.headers.get("x-requested-with") == "fetch":
            html = render_to_string(
                "admin/editorial/comments.html",
                {
                    "comments": {
                        "thread": list(comments.comments_on(obj)),
                        "may_comment": comments.may_comment(request.user, obj),
                        "may_resolve_all": rights.can_publish(request.user, obj),
                    },
                    "original": obj,
                    "opts": obj._meta,
                    "user": request.user,
                },
                request=request,
            )
            return JsonResponse(
                {"message": message, "ok": level != messages.ERROR, "html": html}, status=status
            )
        opts = obj._meta
        back = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        if level == messages.ERROR:
            context = {
                **self.admin_site.each_context(request),
                "opts": opts,
                "object": obj,
                "title": "Not done",
                "here": "Not done",
                "message": message,
                "back": back + "#comments",
            }
            return TemplateResponse(request, "admin/editorial/refused.html", context, status=status)
        self.message_user(request, message, level)
        return HttpResponseRedirect(back + "#comments")

    def add_comment_view(self, request: HttpRequest, object_id):
        obj = self._viewable(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
            )
        try:
            comments.AddComment(obj, user=request.user, text=request.POST.get("text", "")).execute()
        except (rights.ChangeRefused, ValidationError) as exc:
            text = " ".join(getattr(exc, "messages", None) or [str(exc)])
            return self._comment_response(request, obj, text, messages.ERROR, status=400)
        return self._comment_response(request, obj, "Your comment was posted.", messages.SUCCESS)

    def resolve_comment_view(self, request: HttpRequest, object_id, comment_id):
        obj = self._viewable(request, object_id)
        comment = comments.comments_on(obj).filter(pk=comment_id).first()
        if comment is None:
            raise Http404("This record has no such comment.")
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
            )
        reopen = request.POST.get("reopen") == "1"
        try:
            comments.ResolveComment(comment, user=request.user, reopen=reopen).execute()
        except rights.ChangeRefused as exc:
            return self._comment_response(request, obj, str(exc), messages.ERROR, status=403)
        done = "reopened" if reopen else "marked resolved"
        return self._comment_response(request, obj, f"The comment was {done}.", messages.SUCCESS)

    def delete_view(self, request: HttpRequest, object_id, extra_context=None):
        context = self._with_used_by(request, object_id, extra_context)
        return super().delete_view(request, object_id, context)

    # ---- permissions --------------------------------------------------------------------
    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            # A published record is changed live by an Editor; a Contributor proposes changes
            # to it, which an Editor publishes (pending.py).
            return rights.may_change(request.user, obj) or pending.may_propose(request.user, obj)
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
            "may_revert": rights.may_change(request.user, obj),
            "revisions": pending.Revision.objects.filter(
                content_type__app_label=obj._meta.app_label,
                content_type__model=obj._meta.model_name,
                object_id=obj.pk,
            ).select_related("created_by", "updated_by", "closed_by")[:50],
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/editorial/history.html", context)

    def _revision_state(self, obj, key: str):
        """A revision of ``obj`` named in the query: a history id, "now" or "pending" — as
        (the history row or None, its state, its label)."""
        if key in ("", "now"):
            return None, revisions.state_now(obj), "Now (live)"
        if key == "pending":
            revision = pending.open_revision(obj)
            if revision is None:
                raise Http404(f"This {obj._meta.verbose_name} has no pending changes.")
            label = f"Pending changes ({revision.get_state_display().lower()}, {revision.author})"
            return None, pending.pending_state(obj, revision), label
        revision = obj.history.filter(history_id=key).first() if key.isdigit() else None
        if revision is None:
            raise Http404(f"This {obj._meta.verbose_name} has no revision “{key}”.")
        label = f"Saved {revision.history_date:%Y-%m-%d %H:%M:%S}"
        return revision, revisions.state_at(obj, revision), label

    def _compare_view(self, request: HttpRequest, obj):
        """Any two revisions side by side (``?from=<id, now>&to=<id, now or pending>``)."""
        old, old_state, before_label = self._revision_state(obj, request.GET.get("from", ""))
        new, new_state, after_label = self._revision_state(obj, request.GET.get("to", "now"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare revisions: {obj}",
            "old": old,
            "new": new,
            "before_label": before_label,
            "after_label": after_label,
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
            # Reverting changes the record as it is now: only those who may change it now,
            # live (a Contributor proposes changes to a published record in its form).
            if not rights.may_change(request.user, obj):
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
            "may_revert": rights.may_change(request.user, obj),
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
        if getattr(obj, "has_pending_changes", False) and obj.is_published:
            note = " — changes pending"
        elif obj.is_scheduled:
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
        decision = request.POST.get(PUBLISH_WITH, "")
        if decision == "alone":
            return self._bulk(request, queryset, Status.PUBLISHED)
        selected = list(queryset)
        chosen = {(type(o), o.pk) for o in selected}
        ends, seen = [], set()
        for obj in selected:
            for end in publishing.unpublished_ends(obj):
                key = (type(end.record), end.record.pk)
                if key not in chosen and key not in seen:
                    seen.add(key)
                    ends.append(end)
        if not ends:
            return self._bulk(request, queryset, Status.PUBLISHED)
        check = PublishCheckNeeded(ends)
        if decision == "together":
            try:
                with transaction.atomic():
                    publishing.publish_together(ends, request.user)
                    for obj in selected:
                        actions.publish(obj=obj, user=request.user)
            except (rights.ChangeRefused, ValidationError) as exc:
                check.error = " ".join(getattr(exc, "messages", None) or [str(exc)])
            else:
                self.message_user(
                    request,
                    f"{len(selected)} {self.model._meta.verbose_name_plural} published, with "
                    f"{len(ends)} record{'s' if len(ends) != 1 else ''} they show: "
                    + ", ".join(f"“{end.record}”" for end in ends)
                    + ".",
                    messages.SUCCESS,
                )
                return None
        return self._publish_check_page(request, None, check, bulk=len(selected))

    @admin.action(description="Withdraw selected from the public site")
    def withdraw(self, request, queryset):
        confirmation = self._confirm_withdrawal(request, queryset)
        if confirmation is not None:
            return confirmation
        self._bulk(request, queryset, Status.WITHDRAWN)

    @admin.action(description="Return selected to draft")
    def return_to_draft(self, request, queryset):
        self._bulk(request, queryset, Status.DRAFT)


class RowInline(SafeAutocompleteMixin, RowRightsMixin, admin.TabularInline):
    """The inline of relation rows on a record's page (aliases, offices, participants…)."""


class GenericRowInline(SafeAutocompleteMixin, RowRightsMixin, GenericTabularInline):
    """The inline of rows that may belong to any record (citations)."""
