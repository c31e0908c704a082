"""What changed in front of readers, in order: the change feed (``/api/v1/changes/``) and the
events webhooks carry (:mod:`cmsproject.webhooks`).

A :class:`Change` is written in the same transaction as the change it records, whenever a
record readers see (or saw) is saved, withdrawn, deleted or given a new address — the same test
that moves the content version (:mod:`cmsproject.caching` calls :func:`noted_save` and its
siblings). Work on drafts writes none: the feed is public and shows only what was public.

Order without gaps: each change takes the next content version as its ``seq``. Taking it locks
the version's row until the transaction ends, so a transaction that commits later always holds
higher numbers — a client that has read up to ``seq`` n never misses a change committed after
it with a smaller number (which ids from a sequence cannot promise). A record saved with its
rows in one transaction (an admin page: the event, then its participants) is one change.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .editorial.models import Publishable, Status
from .editorial.paths import slug_path_or_none
from .editorial.revisions import owner_field
from .editorial.visibility import is_live, unrestricted


class Change(models.Model):
    class Action(models.TextChoices):
        PUBLISHED = "published", "published"
        CHANGED = "changed", "changed"
        WITHDRAWN = "withdrawn", "withdrawn"
        REDIRECTED = "redirected", "redirected"
        DELETED = "deleted", "deleted"

    seq = models.BigIntegerField(help_text="Commit order (the content version it made).")
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=12, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    #: the record type as the API names it (model name: event, person, organization…)
    record_type = models.CharField(max_length=40)
    slug = models.CharField(max_length=255, blank=True)
    #: the record's title or name as readers saw it
    label = models.CharField(max_length=300, blank=True)
    #: its public path then (for a redirect: where the old path leads)
    path = models.CharField(max_length=300, blank=True)
    api_path = models.CharField(max_length=300, blank=True)
    #: a redirect's old path
    old_path = models.CharField(max_length=300, blank=True)

    class Meta:
        app_label = "cmsproject"
        ordering = ["seq", "id"]
        indexes = [
            models.Index(fields=["seq", "id"], name="change_order"),
            models.Index(fields=["at"], name="change_at"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.record_type} {self.slug}"

    @property
    def cursor(self) -> str:
        return f"{self.seq}-{self.pk}"

    def as_data(self, origin: str) -> dict[str, Any]:
        """The change as the feed and webhooks give it (``origin``: scheme and host)."""
        return {
            "cursor": self.cursor,
            "at": self.at.isoformat().replace("+00:00", "Z"),
            "action": self.action,
            "type": self.record_type,
            "slug": self.slug,
            "label": self.label,
            "url": origin + self.path if self.path else None,
            "api_url": origin + self.api_path if self.api_path else None,
            "old_url": origin + self.old_path if self.old_path else None,
        }


def parse_cursor(text: str) -> tuple[int, int] | None:
    seq, sep, pk = text.partition("-")
    if sep and seq.isdigit() and pk.isdigit():
        return int(seq), int(pk)
    return None


# ---- recording ------------------------------------------------------------------------------


def _paths(record: models.Model) -> tuple[str, str]:
    """Its public path and its API path ("" where it has none: an outlet has no API detail)."""
    path = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
    api_path = slug_path_or_none(f"api:{record._meta.model_name}-detail", record.slug)
    return path, api_path or ""


def _next_seq() -> int:
    from .caching import CONTENT, bump
    from .models import ContentVersion

    bump()  # locks the version's row until the transaction ends (see the module's docstring)
    return ContentVersion.objects.filter(pk=CONTENT).values_list("value", flat=True).get()


def _recorded_here() -> dict | None:
    """What this transaction has recorded already, ``{key: savepoints then}``; None outside a
    transaction. Forgotten at the commit; a key recorded in a savepoint rolled back since is
    no longer valid (its row went with it)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    state = getattr(connection, "_caravan_changes", None)
    if state is not None and any(item[1] is state[0] for item in connection.run_on_commit):
        return state[1]

    def forget() -> None:
        connection._caravan_changes = None

    connection._caravan_changes = (forget, {})
    transaction.on_commit(forget)
    return connection._caravan_changes[1]


def record(
    action: str, record: models.Model, *, label: str | None = None, old_path: str = ""
) -> Change | None:
    """Write the change (and its webhooks' deliveries), once per record and action per
    transaction."""
    key = (type(record)._meta.label, record.pk, action, old_path)
    done = _recorded_here()
    if done is not None:
        savepoints = tuple(transaction.get_connection().savepoint_ids)
        then = done.get(key)
        if then is not None and savepoints[: len(then)] == then:
            return None
        done[key] = savepoints
    path, api_path = _paths(record)
    change = Change.objects.create(
        seq=_next_seq(),
        action=action,
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        record_type=record._meta.model_name,
        slug=getattr(record, "slug", "") or "",
        label=(label if label is not None else str(record))[:300],
        path=path,
        api_path=api_path,
        old_path=old_path,
    )
    from .webhooks import fan_out

    fan_out(change)
    return change


def remember_label(sender: type[models.Model], instance: models.Model) -> None:
    """Before a save of a record readers see: its label as they see it (a record withdrawn
    and renamed in one save is announced under the name that was public). Read only when the
    save takes it away from readers: otherwise the label is the record's own."""
    expire_at = getattr(instance, "expire_at", None)
    if instance.status == Status.PUBLISHED and (expire_at is None or expire_at > timezone.now()):
        return
    with unrestricted():
        stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._caravan_public_label = str(stored) if stored is not None else None


def noted_save(instance: models.Model, was_seen: bool, is_seen: bool) -> None:
    """A row readers see before or after it was saved (``cmsproject.caching``)."""
    if isinstance(instance, Publishable):
        if was_seen and is_seen:
            record(Change.Action.CHANGED, instance)
        elif is_seen:
            record(Change.Action.PUBLISHED, instance)
        else:
            label = getattr(instance, "_caravan_public_label", None)
            record(Change.Action.WITHDRAWN, instance, label=label)
        return
    _owner_changed(instance)


def noted_delete(instance: models.Model) -> None:
    """A row readers see, about to be deleted."""
    if isinstance(instance, Publishable):
        record(Change.Action.DELETED, instance)
    else:
        _owner_changed(instance)


def noted_link(instance: models.Model) -> None:
    """Records linked or unlinked (topics of an event, parties of an agreement)."""
    if isinstance(instance, Publishable) and is_live(instance):
        record(Change.Action.CHANGED, instance)


def _owner_changed(row: models.Model) -> None:
    """A participant, citation, alias, office… changed: its record changed, if readers see it."""
    owner = owner_field(type(row))
    if owner is None:
        return
    with unrestricted():
        record_ = getattr(row, owner.name, None)
    if isinstance(record_, Publishable) and is_live(record_):
        record(Change.Action.CHANGED, record_)


def noted_redirect(old_path: str, target: models.Model | None) -> None:
    """``old_path`` now leads to ``target`` (a slug change, a merge): announced when readers
    see the record it leads to."""
    if target is not None and isinstance(target, Publishable) and is_live(target):
        record(Change.Action.REDIRECTED, target, old_path=old_path)


def changes_after(position: tuple[int, int] | datetime.datetime | None) -> models.QuerySet:
    """Changes after a cursor position ``(seq, id)`` or a time, oldest first."""
    changes = Change.objects.all()
    if isinstance(position, tuple):
        seq, pk = position
        changes = changes.filter(models.Q(seq__gt=seq) | models.Q(seq=seq, id__gt=pk))
    elif isinstance(position, datetime.datetime):
        changes = changes.filter(at__gt=position)
    return changes.order_by("seq", "id")


def _redirect_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    # The record in memory when the redirect was made for it (a slug change, before the
    # record's own save): its new address. Otherwise as stored.
    target = type(instance).record.get_cached_value(instance, default=None)
    noted_redirect(instance.old_path, target if target is not None else instance.target())


def connect_signals() -> None:
    from .editorial.redirects import Redirect

    models.signals.post_save.connect(
        _redirect_saved, sender=Redirect, dispatch_uid="caravan-change-redirect"
    )
