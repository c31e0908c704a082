"""Workflow services: the one path by which a record changes status.

The admin (form and bulk actions), the API and management commands all call these functions, so
the rule "Contributors write drafts and submit them; only Editors publish or withdraw" holds
everywhere, not only where a button is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import update_change_reason

from .models import Publishable, Status

# target status -> statuses it may be reached from
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.REVIEW, Status.WITHDRAWN},
    Status.REVIEW: {Status.DRAFT},
    Status.PUBLISHED: {Status.DRAFT, Status.REVIEW, Status.WITHDRAWN},
    Status.WITHDRAWN: {Status.PUBLISHED},
}

# Moving into these statuses needs the "publish" permission (the Editor group).
EDITOR_ONLY: set[str] = {Status.PUBLISHED, Status.WITHDRAWN}

VERBS = {
    Status.DRAFT: "returned to draft",
    Status.REVIEW: "submitted for review",
    Status.PUBLISHED: "published",
    Status.WITHDRAWN: "withdrawn",
}


class WorkflowError(PermissionDenied):
    """A status change the user may not make, or one the workflow does not allow."""


def _perm(obj: models.Model, action: str) -> str:
    return f"{obj._meta.app_label}.{action}_{obj._meta.model_name}"


def can_publish(user, model: type[models.Model] | models.Model) -> bool:
    """Whether ``user`` may publish and withdraw records of this kind (Editors, superusers)."""
    if user is None or not user.is_active:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def allowed_targets(*, obj: Publishable, user) -> list[str]:
    """The statuses ``user`` may move ``obj`` to from its stored status (itself included)."""
    current = obj.status if obj.pk else Status.DRAFT
    targets = [current]
    for target, sources in TRANSITIONS.items():
        if current in sources:
            try:
                check_transition(obj=obj, current=current, target=target, user=user)
            except WorkflowError:
                continue
            targets.append(target)
    return targets


def check_transition(*, obj: Publishable, current: str, target: str, user) -> None:
    """Raise :class:`WorkflowError` with a reason an editor can read, or return quietly."""
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


def apply_status(obj: Publishable, target: str) -> None:
    """Set the status in memory, keeping ``published_at`` (first publication) in step."""
    obj.status = target
    if target == Status.PUBLISHED and obj.published_at is None:
        obj.published_at = timezone.now()


@transaction.atomic
def transition(*, obj: Publishable, target: str, user, reason: str = "") -> Publishable:
    """Move ``obj`` to ``target`` after checking the workflow and ``user``'s permissions.

    Saves only the status fields, records who did it in the revision history, and returns the
    object. Nothing is saved when the change is refused.
    """
    stored = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    check_transition(obj=obj, current=stored.status, target=target, user=user)
    if stored.status == target:
        return obj
    apply_status(obj, target)
    obj.updated_by = user
    obj._history_user = user
    obj.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    update_change_reason(obj, reason or VERBS[target].capitalize())
    return obj


def submit_for_review(*, obj: Publishable, user) -> Publishable:
    return transition(obj=obj, target=Status.REVIEW, user=user)


def publish(*, obj: Publishable, user) -> Publishable:
    return transition(obj=obj, target=Status.PUBLISHED, user=user)


def withdraw(*, obj: Publishable, user) -> Publishable:
    return transition(obj=obj, target=Status.WITHDRAWN, user=user)


def return_to_draft(*, obj: Publishable, user) -> Publishable:
    return transition(obj=obj, target=Status.DRAFT, user=user)


@dataclass
class BulkResult:
    """What a bulk status change did, in words an editor can read."""

    target: str
    changed: list[Publishable] = field(default_factory=list)
    unchanged: list[Publishable] = field(default_factory=list)
    refused: list[tuple[Publishable, str]] = field(default_factory=list)

    def summary(self, verbose_name_plural: str) -> str:
        parts = [f"{len(self.changed)} {verbose_name_plural} {VERBS[self.target]}"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} already {Status(self.target).label.lower()}")
        if self.refused:
            reasons = sorted({reason for _, reason in self.refused})
            parts.append(f"{len(self.refused)} refused ({' '.join(reasons)})")
        return "; ".join(parts) + "."


def bulk_transition(*, objects, target: str, user) -> BulkResult:
    """Apply :func:`transition` to each object; each refusal is reported, none is fatal."""
    result = BulkResult(target=target)
    for obj in objects:
        if obj.status == target:
            result.unchanged.append(obj)
            continue
        try:
            transition(obj=obj, target=target, user=user)
        except WorkflowError as exc:
            result.refused.append((obj, str(exc)))
        else:
            result.changed.append(obj)
    return result


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
        check_transition(obj=obj, current=current, target=target, user=user)
    except WorkflowError as exc:
        raise ValidationError({"status": str(exc)}) from exc
