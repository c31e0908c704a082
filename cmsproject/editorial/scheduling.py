"""Publishing and expiry at a set time (after Wagtail's ``publish_scheduled``).

An Editor sets ``go_live_at`` on a draft or a record in review, or ``expire_at`` on any record
(only Editors may: :mod:`cmsproject.editorial.rights`). :func:`publish_scheduled` — run every
minute by ``manage.py publish_scheduled``, from cron or a worker — publishes what is due and
withdraws what has expired. Each record is its own action in its own transaction, locked and
checked again, so two runs at once, or a run repeated, change nothing twice.

Expiry does not wait for the command: :func:`cmsproject.editorial.visibility.live` leaves an
expired record out of every public read from the moment it expires; the command then
withdraws it so that the admin says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from . import pending
from .actions import ChangeStatus
from .models import Publishable, Status, sees_unpublished
from .registry import publishable_models
from .rights import ChangeRefused
from .visibility import unrestricted
from .workflow import VERBS, apply_status

DUE_FROM = (Status.DRAFT, Status.REVIEW)
logger = logging.getLogger(__name__)


class GoLive(ChangeStatus):
    """Publish a record whose time to go live has come. The Editor's decision was taken when
    the time was set (only Editors set it, and only Editors change a scheduled record), so the
    system publishes it, with the scheduled time in the history."""

    target = Status.PUBLISHED

    def __init__(self, obj: Publishable) -> None:
        super().__init__(obj, user=None)

    def due(self) -> bool:
        stored = self.stored
        return (
            stored is not None
            and stored.status in DUE_FROM
            and stored.go_live_at is not None
            and stored.go_live_at <= timezone.now()
            and (stored.expire_at is None or stored.expire_at > timezone.now())
        )

    def check(self) -> None:  # the schedule is the permission; a run that lost a race skips
        pass

    def perform(self) -> Publishable | None:
        if not self.due():
            return None
        record = self.stored
        when = record.go_live_at
        apply_status(record, Status.PUBLISHED)
        self.stamp(record, f"Published as scheduled for {when:%Y-%m-%d %H:%M} UTC")
        record.save(update_fields=["status", "published_at", "go_live_at", "updated_at"])
        return record


class Expire(ChangeStatus):
    """Withdraw a published record whose expiry time has passed; the time is cleared (the
    history keeps it), so that publishing it again does not expire it at once."""

    target = Status.WITHDRAWN

    def __init__(self, obj: Publishable) -> None:
        super().__init__(obj, user=None)

    def check(self) -> None:
        pass

    def perform(self) -> Publishable | None:
        record = self.stored
        now = timezone.now()
        if record is None or record.status != Status.PUBLISHED:
            return None
        if record.expire_at is None or record.expire_at > now:
            return None
        when = record.expire_at
        record.status = Status.WITHDRAWN
        record.expire_at = None
        self.stamp(
            record, f"{VERBS[Status.WITHDRAWN].capitalize()}: expired at {when:%Y-%m-%d %H:%M} UTC"
        )
        record.save(update_fields=["status", "expire_at", "updated_at"])
        return record


@dataclass
class ScheduledRun:
    published: list[Publishable] = field(default_factory=list)
    expired: list[Publishable] = field(default_factory=list)
    #: published records whose pending changes went live
    changed: list[Publishable] = field(default_factory=list)


def due_to_go_live(model: type[models.Model], now=None) -> models.QuerySet:
    now = now or timezone.now()
    return model._base_manager.filter(status__in=DUE_FROM, go_live_at__lte=now)


def due_to_expire(model: type[models.Model], now=None) -> models.QuerySet:
    now = now or timezone.now()
    return model._base_manager.filter(status=Status.PUBLISHED, expire_at__lte=now)


#: Records waiting to go live, and published records set to expire.
WAITING_TO_GO_LIVE = models.Q(status__in=DUE_FROM, go_live_at__isnull=False)
SET_TO_EXPIRE = models.Q(status=Status.PUBLISHED, expire_at__isnull=False)


def scheduled(model: type[models.Model]) -> models.QuerySet:
    """What is waiting to go live or to expire (the admin's list)."""
    return model._base_manager.filter(WAITING_TO_GO_LIVE | SET_TO_EXPIRE)


def publish_scheduled() -> ScheduledRun:
    """Publish what is due and withdraw what has expired, every kind of record."""
    run = ScheduledRun()
    now = timezone.now()
    with unrestricted():
        for model in publishable_models():
            for record in due_to_expire(model, now).order_by("expire_at", "pk").iterator():
                done = Expire(record).execute()
                if done is not None:
                    run.expired.append(done)
            for record in due_to_go_live(model, now).order_by("go_live_at", "pk").iterator():
                done = GoLive(record).execute()
                if done is not None:
                    run.published.append(done)
        for model, pk in pending.due(now):
            record = model._base_manager.filter(pk=pk).first()
            if record is None:
                continue
            try:
                pending.PublishChanges(record, user=None, scheduled=True).execute()
            except ChangeRefused as exc:
                # Published elsewhere, discarded, or no longer publishable: said, not fatal.
                logger.warning("Scheduled changes of %s #%s not published: %s", model, pk, exc)
            else:
                run.changed.append(record)
    return run


# ---- what the admin lists --------------------------------------------------------------------


@dataclass
class Planned:
    when: object
    what: str  # "goes live" or "expires"
    record: Publishable
    change_url: str
    kind: str = ""


def _change_url(record: Publishable) -> str:
    from django.urls import NoReverseMatch, reverse

    opts = record._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def planned(user) -> list[Planned]:
    """Everything waiting to go live or expire that ``user`` may view, soonest first: records,
    and the pending changes of published records."""
    found = []
    with unrestricted():
        for model in publishable_models():
            opts = model._meta
            if not sees_unpublished(user, model):
                continue
            kind = str(opts.verbose_name)
            for record in scheduled(model).order_by("pk")[:500]:
                url = _change_url(record)
                if record.is_scheduled:
                    found.append(Planned(record.go_live_at, "goes live", record, url, kind))
                if record.status == Status.PUBLISHED and record.expire_at:
                    found.append(Planned(record.expire_at, "expires", record, url, kind))
            changes = pending.open_revisions(model).filter(go_live_at__isnull=False)
            when = dict(changes.order_by("go_live_at").values_list("object_id", "go_live_at")[:500])
            for record in model._base_manager.filter(pk__in=when):
                found.append(
                    Planned(when[record.pk], "changes go live", record, _change_url(record), kind)
                )
    found.sort(key=lambda p: p.when)
    return found
