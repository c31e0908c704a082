"""The workflow's rules: which status a record may move to, and who may move it there.

The moves themselves are actions (:mod:`cmsproject.editorial.actions`), called the same way by
the admin (form and bulk actions), the API and management commands, so the rule "Contributors
write drafts and submit them; only Editors publish or withdraw" holds everywhere, not only where
a button is hidden.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .models import Publishable, Status
from .rights import EDITORS_STATUSES, ChangeRefused, can_publish

# target status -> statuses it may be reached from
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.REVIEW, Status.WITHDRAWN},
    Status.REVIEW: {Status.DRAFT},
    Status.PUBLISHED: {Status.DRAFT, Status.REVIEW, Status.WITHDRAWN},
    Status.WITHDRAWN: {Status.PUBLISHED},
}

# Moving into (or out of) these statuses needs the "publish" permission (the Editor group).
EDITOR_ONLY = EDITORS_STATUSES

VERBS = {
    Status.DRAFT: "returned to draft",
    Status.REVIEW: "submitted for review",
    Status.PUBLISHED: "published",
    Status.WITHDRAWN: "withdrawn",
}


#: What each status means for readers, and what the editor does next (the change form says it
#: beside the workflow buttons).
WHAT_IT_MEANS = {
    Status.DRAFT: "only staff see it. Submit it for review when it is ready.",
    Status.REVIEW: "waiting for an Editor, who publishes it or sends it back to draft.",
    Status.PUBLISHED: "readers see it. Edits are kept as pending changes until an Editor "
    "publishes them.",
    Status.WITHDRAWN: "off the public site, its feeds and the API. Publish it again to bring "
    "it back, or return it to draft to rework it.",
}

#: The label of the button that moves a record to a status, by where it starts.
BUTTONS = {
    Status.REVIEW: "Submit for review",
    Status.PUBLISHED: "Publish",
    Status.WITHDRAWN: "Withdraw",
    Status.DRAFT: "Return to draft",
}


def button_label(current: str, target: str) -> str:
    if target == Status.PUBLISHED and current == Status.WITHDRAWN:
        return "Publish again"
    return BUTTONS[target]


def step_message(label: str, before: str, after: str, *, notified: bool) -> str:
    """What happened and what comes next, after a workflow button (plain text; the admin adds
    the link to the public page)."""
    told = " Editors have been told by e-mail." if notified else ""
    if after == Status.REVIEW:
        return (
            f"{label} was submitted for review.{told} Readers will see it once an Editor "
            "publishes it; you can keep editing it meanwhile."
        )
    if after == Status.PUBLISHED:
        return (
            f"{label} was published: readers see it now. Later edits are kept as pending "
            "changes until an Editor publishes them."
        )
    if after == Status.WITHDRAWN:
        return (
            f"{label} was withdrawn: it is off the public site, its feeds and the API. "
            "Publish it again to bring it back."
        )
    if before == Status.REVIEW:
        told = " Its author has been told by e-mail." if notified else ""
        return (
            f"{label} was sent back to draft.{told} It stays off the public site until it is "
            "submitted and published again."
        )
    return f"{label} is a draft again: only staff see it. Submit it for review when it is ready."


def saved_message(label: str, status: str) -> str:
    """After a plain save: where the record stands and what comes next."""
    return f"{label} was saved. It is {Status(status).label.lower()}: {WHAT_IT_MEANS[status]}"


class WorkflowError(ChangeRefused):
    """A status change the user may not make, or one the workflow does not allow."""


def _perm(obj: models.Model, action: str) -> str:
    return f"{obj._meta.app_label}.{action}_{obj._meta.model_name}"


def allowed_targets(*, obj: Publishable, user) -> list[str]:
    """The statuses ``user`` may move ``obj`` to from its stored status (itself included)."""
    current = obj.status if obj.pk else Status.DRAFT
    targets = [current]
    for target, sources in TRANSITIONS.items():
        if current in sources:
            try:
                check_transition(obj=obj, current=current, target=target, user=user, content=False)
            except WorkflowError:
                continue
            targets.append(target)
    return targets


def check_transition(
    *, obj: Publishable, current: str, target: str, user, content: bool = True
) -> None:
    """Raise :class:`WorkflowError` with a reason an editor can read, or return quietly.
    ``content``: also judge what the record holds (a source's summary…); the form does that on
    the record as it leaves it, so its buttons are offered before the summary is written."""
    if current == target:
        return
    label = obj._meta.verbose_name
    if user is None or not user.is_active:
        raise WorkflowError(f"An active account is needed to change the status of a {label}.")
    if current not in TRANSITIONS.get(target, set()):
        raise WorkflowError(
            f"A {label} cannot go from {Status(current).label.lower()} to "
            f"{Status(target).label.lower()}."
        )
    if target in EDITOR_ONLY and not can_publish(user, obj):
        verb = "publish" if target == Status.PUBLISHED else "withdraw"
        raise WorkflowError(
            f"You may not {verb} this {label}: only Editors may publish or withdraw. "
            f"Submit it for review instead."
        )
    if current in EDITOR_ONLY and not can_publish(user, obj):
        # Published and withdrawn are an Editor's decisions; only an Editor undoes them.
        raise WorkflowError(
            f"This {label} is {Status(current).label.lower()}: only Editors may change its status."
        )
    if not user.has_perm(_perm(obj, "change")):
        raise WorkflowError(f"You may not change {obj._meta.verbose_name_plural}.")
    check_not_expired(obj, target)
    if content and target == Status.PUBLISHED:
        problems = obj.publication_problems()
        if problems:
            raise WorkflowError(" ".join(problems))


def check_not_expired(obj: Publishable, target: str) -> None:
    """A record cannot be published past its expiry time: it would be off the site at once."""
    expire_at = getattr(obj, "expire_at", None)
    if target == Status.PUBLISHED and expire_at is not None and expire_at <= timezone.now():
        raise WorkflowError(
            f"This {obj._meta.verbose_name} expired at {expire_at:%Y-%m-%d %H:%M} UTC: clear "
            "“expire at” or set a later time before publishing it."
        )


def apply_status(obj: Publishable, target: str) -> None:
    """Set the status in memory, keeping ``published_at`` (first publication) in step."""
    obj.status = target
    if target == Status.PUBLISHED:
        if obj.published_at is None:
            obj.published_at = timezone.now()
        obj.go_live_at = None  # published now: a time it was scheduled for is spent


def validate_status_change(*, obj: Publishable, target: str, user) -> None:
    """Form-level check: the same rule as :func:`transition`, raised as a field error."""
    current = Status.DRAFT
    if obj.pk:
        current = (
            type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True).first()
            or Status.DRAFT
        )
    elif target != Status.DRAFT:
        # A new record may start as a draft or go straight to review or publication.
        current = Status.DRAFT
    try:
        check_transition(obj=obj, current=current, target=target, user=user, content=False)
    except WorkflowError as exc:
        raise ValidationError({"status": str(exc)}) from exc
