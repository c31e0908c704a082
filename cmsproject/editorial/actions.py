"""Every change of a record's state is an action, made the same way from every door.

An action (after Wagtail's ``wagtail/actions``) is built with the record and the user, then
``execute()``\\ d: it locks the stored row, checks permission and validity (raising
:class:`~cmsproject.editorial.rights.ChangeRefused` or ``ValidationError`` with a reason an
editor can read), then saves in one transaction as that user, with the words the history and
the Activity page read (:data:`cmsproject.editorial.workflow.VERBS`). The admin form, bulk
actions, the API and commands call the same classes; the apps add their own (merge in
``events.merging``, suggestions in ``events.linking``, the import in ``sources.ingestion``) on
the same base. Nothing is saved when an action is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import models, transaction
from django.dispatch import Signal

from . import workflow
from .concurrency import lock_rows
from .models import Publishable, Status
from .rights import ChangeRefused, acting, check_may_change
from .visibility import unrestricted
from .workflow import VERBS

#: Sent once the transaction that moved a record along the workflow has committed, with
#: ``record``, ``step`` (a :data:`STEPS` key), ``user`` and ``comment`` (the words the user sent
#: with it, or ""). Notifications listen (:mod:`cmsproject.editorial.notifications`).
workflow_step = Signal()

STEPS = {
    Status.REVIEW: "submitted",
    Status.PUBLISHED: "published",
    Status.WITHDRAWN: "withdrawn",
    Status.DRAFT: "returned",
    "changes_submitted": "changes_submitted",
    "changes_published": "changes_published",
}


def announce(record: models.Model, step: str, user, *, before: str = "") -> None:
    """Send :data:`workflow_step` when the current transaction commits (never for a change
    that was rolled back). ``before``: the status the record left."""
    comment = getattr(record, "_workflow_comment", "")

    def send() -> None:
        workflow_step.send(
            sender=type(record), record=record, step=step, user=user, comment=comment, before=before
        )

    transaction.on_commit(send)


class Action:
    """Check, then perform, in one transaction, as ``user``."""

    def __init__(self, obj: models.Model | None, *, user) -> None:
        self.obj = obj
        self.user = user
        self.stored: models.Model | None = None

    def lock(self) -> None:
        """Read the record as stored, locked until the transaction ends."""
        obj = self.obj
        if obj is not None and obj.pk is not None:
            with unrestricted():
                self.stored = lock_rows(type(obj)._base_manager.filter(pk=obj.pk)).first()

    @property
    def current(self) -> str:
        """The stored status of the record (a new one starts as a draft)."""
        return getattr(self.stored, "status", Status.DRAFT)

    def check(self) -> None:
        """Raise if ``user`` may not do this (override; call ``super().check()``)."""

    def perform(self) -> Any:
        raise NotImplementedError

    def execute(self) -> Any:
        with transaction.atomic(), acting(self.user):
            self.lock()
            self.check()
            return self.perform()

    def stamp(self, obj: models.Model, reason: str = "") -> None:
        """Record who made the change (and why) in the revision history."""
        obj._history_user = self.user
        if reason:
            obj._change_reason = reason
        if hasattr(obj, "updated_by_id"):
            obj.updated_by = self.user
        if obj.pk is None and hasattr(obj, "created_by_id") and obj.created_by_id is None:
            obj.created_by = self.user


class ChangeStatus(Action):
    """Move a record to ``target`` (the workflow's transitions, an Editor's for publication)."""

    target: ClassVar[str] = ""

    def __init__(self, obj: Publishable, *, user, target: str = "", reason: str = "") -> None:
        super().__init__(obj, user=user)
        self.target = target or self.target
        self.reason = reason

    def check(self) -> None:
        workflow.check_transition(
            obj=self.obj, current=self.current, target=self.target, user=self.user
        )

    def perform(self) -> Publishable:
        obj = self.obj
        if self.current == self.target:
            return obj
        workflow.apply_status(obj, self.target)
        self.stamp(obj, self.reason or VERBS[self.target].capitalize())
        obj.save(update_fields=["status", "published_at", "go_live_at", "updated_by", "updated_at"])
        announce(obj, STEPS[self.target], self.user, before=self.current)
        return obj


class SubmitForReview(ChangeStatus):
    target = Status.REVIEW


class Publish(ChangeStatus):
    target = Status.PUBLISHED


class Withdraw(ChangeStatus):
    target = Status.WITHDRAWN


class ReturnToDraft(ChangeStatus):
    target = Status.DRAFT


class SaveRecord(Action):
    """Save an editor's changes to a record — and its status, when ``status`` is given.

    ``save`` does the writing (the admin's ``save_model``, a serializer's ``save``); by default
    the record is saved. Creating a record that starts in review or published is a status
    change from draft, judged as such.
    """

    def __init__(
        self,
        obj: Publishable,
        *,
        user,
        status: str | None = None,
        save: Callable[[], Any] | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(obj, user=user)
        self.status = status
        self.save = save or obj.save
        self.reason = reason

    def check(self) -> None:
        check_may_change(self.user, self.obj, action="change" if self.obj.pk else "add")
        if self.status is not None:
            workflow.check_transition(
                obj=self.obj, current=self.current, target=self.status, user=self.user
            )

    def perform(self) -> Any:
        obj = self.obj
        reason = self.reason
        if self.status is not None:
            workflow.apply_status(obj, self.status)
            if self.status != self.current:
                # The words a status action writes: the Activity page sees a publication made
                # in the form as one made by a bulk action.
                reason = VERBS[self.status].capitalize()
        elif self.stored is not None:
            obj.status = self.current  # the status is changed by an action, never in passing
        self.stamp(obj, reason)
        saved = self.save()
        if self.status is not None and self.status != self.current:
            announce(obj, STEPS[self.status], self.user, before=self.current)
        return saved


class SaveRow(Action):
    """Add, change or delete a relation row (a participation, an office, a citation…)."""

    def __init__(self, row: models.Model, *, user, delete: bool = False, reason: str = ""):
        super().__init__(row, user=user)
        self.delete = delete
        self.reason = reason

    def check(self) -> None:
        action = "delete" if self.delete else ("change" if self.obj.pk else "add")
        check_may_change(self.user, self.obj, action=action)

    def perform(self) -> models.Model:
        self.stamp(self.obj, self.reason)
        if self.delete:
            self.obj.delete()
        else:
            self.obj.save()
        return self.obj


# ---- the same, as calls ---------------------------------------------------------------------


def transition(*, obj: Publishable, target: str, user, reason: str = "") -> Publishable:
    """Move ``obj`` to ``target`` (see :class:`ChangeStatus`); nothing is saved if refused."""
    return ChangeStatus(obj, user=user, target=target, reason=reason).execute()


def submit_for_review(*, obj: Publishable, user) -> Publishable:
    return SubmitForReview(obj, user=user).execute()


def publish(*, obj: Publishable, user) -> Publishable:
    return Publish(obj, user=user).execute()


def withdraw(*, obj: Publishable, user) -> Publishable:
    return Withdraw(obj, user=user).execute()


def return_to_draft(*, obj: Publishable, user) -> Publishable:
    return ReturnToDraft(obj, user=user).execute()


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


def bulk_transition(*, objects: Iterable[Publishable], target: str, user) -> BulkResult:
    """:class:`ChangeStatus` for each object; each refusal is reported, none is fatal."""
    result = BulkResult(target=target)
    for obj in objects:
        if obj.status == target:
            result.unchanged.append(obj)
            continue
        try:
            transition(obj=obj, target=target, user=user)
        except ChangeRefused as exc:
            result.refused.append((obj, str(exc)))
        else:
            result.changed.append(obj)
    return result
