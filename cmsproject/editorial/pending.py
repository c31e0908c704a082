"""Published records with pending changes: readers keep the live version until an Editor
publishes the new one (after Wagtail's DraftStateMixin and Revision).

An edit of a published record — by a Contributor always, by an Editor who asks for it (*Save
draft of changes*, *Submit changes for review*, or a time to go live) — is not written to the
record. It is *rehearsed*: the ordinary save (the admin form and its inline rows, or the API's
serializer with its nested lists) runs inside a savepoint, checked by the same rights (the
record and its own rows are the proposer's to change there, :func:`rights.proposing`), the
record is read back whole (:func:`revisions.state_now`) and the savepoint is rolled back. What
was read is kept as a :class:`Revision`: a snapshot of the record's fields, its many-to-many
links and its rows, so that what an Editor publishes is exactly what the save would have done,
whatever door it came through. Nothing computed during the rehearsal is cached
(:func:`caching.bypass`).

A record has at most one open revision (draft or in review). :class:`PublishChanges` applies it
(:func:`revisions.apply_state`, as a revert does) and closes it; :class:`DiscardChanges` closes it
unapplied; ``publish_scheduled`` publishes those whose ``go_live_at`` has come. Preview renders
the public page inside a savepoint holding the revision, for a reader, then rolls it back.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from . import revisions
from .actions import Action, announce
from .concurrency import lock_rows, version_of
from .models import Publishable, Status, author_field
from .rights import ChangeRefused, as_system, can_publish, proposing
from .visibility import for_readers, unrestricted


class Revision(models.Model):
    """Changes to a published record, not yet in front of readers."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft of changes")
        REVIEW = "review", _("Changes in review")
        PUBLISHED = "published", _("Published")
        DISCARDED = "discarded", _("Discarded")

    OPEN = (State.DRAFT, State.REVIEW)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    snapshot = models.JSONField(
        encoder=DjangoJSONEncoder,
        help_text=_("The record's fields, links and rows as the changes leave them."),
    )
    base_version = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("The version of the live record the changes were made from."),
    )
    go_live_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Publish the changes automatically at this time (set by an Editor)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = author_field()
    updated_by = author_field()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = author_field()

    class Meta:
        app_label = "cmsproject"
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state__in=["draft", "review"]),
                name="one_open_revision_per_record",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]

    def __str__(self) -> str:
        return f"{self.get_state_display()} of {self.content_type.name} #{self.object_id}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN

    @property
    def version(self) -> str:
        return self.updated_at.isoformat() if self.updated_at else ""

    @property
    def author(self) -> str:
        user = self.updated_by or self.created_by
        return user.get_username() if user is not None else "the system"


# ---- the snapshot: a revisions.State as JSON ---------------------------------------------


def _kinds(model: type[models.Model]) -> dict[str, revisions.RowKind]:
    return {kind.model._meta.label_lower: kind for kind in revisions.row_kinds(model)}


def encode(before: revisions.State, after: revisions.State) -> dict[str, Any]:
    """``after`` as JSON; its rows that ``before`` lacks were created by the rehearsal, whose
    keys are rolled back with it: they are kept as new rows (negative keys)."""
    rows: dict[str, dict[str, dict]] = {}
    for kind, found in after.rows.items():
        old = before.rows.get(kind, {})
        kept, new = {}, -1
        for pk, values in sorted(found.items()):
            if pk in old:
                kept[str(pk)] = _jsonable(values)
            else:
                kept[str(new)] = _jsonable(values)
                new -= 1
        rows[kind.model._meta.label_lower] = kept
    links = {name: sorted(pks) for name, pks in after.links.items()}
    return {"values": _jsonable(after.values), "links": links, "rows": rows}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """A stored file (an image, an outlet's logo) as its name in the storage."""
    return {k: v.name if isinstance(v, FieldFile) else v for k, v in values.items()}


def _decoded(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    fields = {f.attname: f for f in model._meta.concrete_fields}
    return {
        name: fields[name].to_python(value) if value is not None else None
        for name, value in values.items()
        if name in fields
    }


def decode(model: type[models.Model], snapshot: dict[str, Any]) -> revisions.State:
    state = revisions.State(values=_decoded(model, snapshot.get("values", {})))
    state.links = {name: set(pks) for name, pks in snapshot.get("links", {}).items()}
    for label, kind in _kinds(model).items():
        found = snapshot.get("rows", {}).get(label, {})
        state.rows[kind] = {int(pk): _decoded(kind.model, v) for pk, v in found.items()}
    return state


# ---- reading ------------------------------------------------------------------------------


def _content_type(model: type[models.Model]) -> ContentType:
    return ContentType.objects.get_for_model(model, for_concrete_model=True)


def open_revisions(model: type[models.Model]) -> models.QuerySet:
    return Revision.objects.filter(content_type=_content_type(model), state__in=Revision.OPEN)


def open_revision(record: models.Model) -> Revision | None:
    """The record's pending changes, if it has any."""
    if record.pk is None or not isinstance(record, Publishable):
        return None
    return open_revisions(type(record)).filter(object_id=record.pk).first()


def has_pending(model: type[models.Model]) -> models.Exists:
    """For a queryset of ``model``: whether each record has pending changes (one subquery)."""
    return models.Exists(open_revisions(model).filter(object_id=models.OuterRef("pk")))


def pending_state(record: Publishable, revision: Revision | None = None) -> revisions.State:
    revision = revision or open_revision(record)
    if revision is None:
        return revisions.state_now(record)
    return decode(type(record), revision.snapshot)


def may_propose(user, record: models.Model) -> bool:
    """Whether ``user`` may propose changes to ``record``: a published record, and the right
    to change records of its kind."""
    if not isinstance(record, Publishable) or record.pk is None:
        return False
    with unrestricted():
        stored = type(record)._base_manager.filter(pk=record.pk).values_list("status", flat=True)
        status = stored.first()
    opts = record._meta
    return (
        status == Status.PUBLISHED
        and user is not None
        and getattr(user, "is_active", False)
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


def must_propose(user, record: models.Model) -> bool:
    """A published record that ``user`` may not change live, but may propose changes to."""
    return may_propose(user, record) and not can_publish(user, record)


# ---- the actions ------------------------------------------------------------------------


@contextmanager
def rolled_back() -> Iterator[None]:
    """A savepoint that is always rolled back: its writes are seen only inside it, and nothing
    computed from them is kept in a shared cache."""
    from cmsproject import caching

    with caching.bypass(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


def rehearse(
    record: Publishable, save: Callable[[], Any]
) -> tuple[revisions.State, revisions.State, Any]:
    """Run ``save`` on ``record`` and roll it back; return the record as it was and as the save
    left it, and what ``save`` returned. The save's refusals and errors are raised as they are."""
    before = revisions.state_now(record)
    with rolled_back(), proposing(record):
        value = save()
        after = revisions.state_now(record)
    return before, after, value


class SavePendingChanges(Action):
    """Keep ``save``'s changes to a published record as its pending revision, as a draft or in
    review. ``loaded_revision``: the version of the pending revision the editor started from
    (``""``: none), checked so that two editors do not overwrite each other's proposal."""

    def __init__(
        self,
        obj: Publishable,
        *,
        user,
        save: Callable[[], Any],
        submit: bool = False,
        loaded_revision: str | None = None,
    ) -> None:
        super().__init__(obj, user=user)
        self.save = save
        self.submit = submit
        self.loaded_revision = loaded_revision
        self.result: Any = None

    def check(self) -> None:
        if self.stored is None:
            raise ChangeRefused("This record no longer exists.")
        if not may_propose(self.user, self.stored):
            opts = self.stored._meta
            raise ChangeRefused(
                f"Changes are proposed to published {opts.verbose_name_plural} only, by those "
                f"who may change {opts.verbose_name_plural}."
            )
        revision = open_revision(self.stored)
        stale = revision is not None and revision.version != self.loaded_revision
        if self.loaded_revision is not None and stale:
            raise ChangeRefused(
                f"{revision.author} changed the pending changes of this "
                f"{self.stored._meta.verbose_name} at {revision.updated_at:%Y-%m-%d %H:%M:%S} "
                "UTC while you were editing them, so yours were not saved. Reload the page "
                "to see theirs, then make your changes again."
            )

    def perform(self) -> Revision:
        record = self.stored
        before, after, self.result = rehearse(self.obj, self.save)
        revision = open_revision(record) or Revision(
            content_type=_content_type(type(record)),
            object_id=record.pk,
            created_by=self.user,
            base_version=version_of(record),
        )
        revision.snapshot = encode(before, after)
        revision.go_live_at = after.values.get("go_live_at")
        revision.updated_by = self.user
        submitted = self.submit and revision.state != Revision.State.REVIEW
        if self.submit:
            revision.state = Revision.State.REVIEW
        revision.full_clean(exclude=["snapshot", "content_type"], validate_constraints=False)
        revision.save()
        if submitted:
            record._workflow_comment = getattr(self.obj, "_workflow_comment", "")
            announce(record, "changes_submitted", self.user)
        return revision


def _stale(record: Publishable, revision: Revision) -> bool:
    return bool(revision.base_version) and version_of(record) != revision.base_version


class PublishChanges(Action):
    """Put a record's pending revision in front of readers (an Editor; or the system, when the
    time an Editor set for it has come)."""

    def __init__(self, obj: Publishable, *, user, scheduled: bool = False) -> None:
        super().__init__(obj, user=user)
        self.scheduled = scheduled
        self.revision: Revision | None = None
        self.stale = False

    def lock(self) -> None:
        super().lock()
        if self.stored is not None:
            self.revision = lock_rows(
                open_revisions(type(self.stored)).filter(object_id=self.stored.pk)
            ).first()

    def check(self) -> None:
        if self.stored is None or self.revision is None:
            raise ChangeRefused("This record has no pending changes to publish.")
        if self.scheduled:
            when = self.revision.go_live_at
            if when is None or when > timezone.now():
                raise ChangeRefused("These changes are not due yet.")
        elif not can_publish(self.user, self.stored):
            raise ChangeRefused(
                "Only Editors publish changes: submit them for review and an Editor will."
            )
        if self.stored.status != Status.PUBLISHED:
            raise ChangeRefused(
                "This record is no longer published: discard the pending changes, or edit the "
                "record itself."
            )

    def perform(self) -> list[revisions.Change]:
        record, revision = self.stored, self.revision
        target = decode(type(record), revision.snapshot)
        target.values.pop("go_live_at", None)  # published now: the time is spent
        self.stale = _stale(record, revision)
        _check_unique(record, target)
        author = revision.author
        if self.scheduled:
            when = revision.go_live_at
            reason = f"Published changes by {author}, as scheduled for {when:%Y-%m-%d %H:%M} UTC"
        else:
            reason = f"Published changes proposed by {author}"
        record.go_live_at = None
        done = revisions.apply_state(self, record, target, reason)
        close(revision, Revision.State.PUBLISHED, self.user)
        record._published_revision = revision
        record._workflow_comment = getattr(self.obj, "_workflow_comment", "")
        announce(record, "changes_published", self.user)
        return done


def _check_unique(record: Publishable, target: revisions.State) -> None:
    """The slug (or another unique field) may have been taken since the changes were made."""
    probe = type(record)(pk=record.pk, **target.values)
    probe._state.adding = False  # the record itself is not a clash
    try:
        probe.validate_unique()
    except ValidationError as exc:
        raise ChangeRefused(
            "The pending changes cannot be published: "
            + " ".join(m for msgs in exc.message_dict.values() for m in msgs)
            + " Change them first."
        ) from exc


class DiscardChanges(Action):
    """Throw a record's pending revision away: its author or an Editor."""

    def lock(self) -> None:
        super().lock()
        self.revision = open_revision(self.stored) if self.stored is not None else None

    def check(self) -> None:
        if self.revision is None:
            raise ChangeRefused("This record has no pending changes to discard.")
        authors = {self.revision.created_by_id, self.revision.updated_by_id}
        author = getattr(self.user, "pk", None) in authors
        if not (author or can_publish(self.user, self.stored)):
            raise ChangeRefused("Only an Editor, or the author of the changes, discards them.")

    def perform(self) -> Revision:
        return close(self.revision, Revision.State.DISCARDED, self.user)


def close(revision: Revision, state: str, user) -> Revision:
    revision.state = state
    revision.closed_at = timezone.now()
    revision.closed_by = user if getattr(user, "pk", None) else None
    revision.save(update_fields=["state", "closed_at", "closed_by", "updated_at"])
    return revision


def published_live(record: Publishable, user) -> None:
    """An Editor saved the record live from a form that showed its pending changes: those
    changes are now published."""
    revision = open_revision(record)
    if revision is not None:
        close(revision, Revision.State.PUBLISHED, user)


def due(now: datetime.datetime | None = None) -> list[tuple[type[models.Model], int]]:
    """Pending revisions whose time to go live has come: (model, record pk), soonest first."""
    now = now or timezone.now()
    found = Revision.objects.filter(state__in=Revision.OPEN, go_live_at__lte=now)
    return [
        (ContentType.objects.get_for_id(ct).model_class(), pk)
        for ct, pk in found.order_by("go_live_at", "pk").values_list("content_type", "object_id")
    ]


# ---- preview: the public page as the revision would make it -------------------------------

_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


def preview(request: HttpRequest, record: Publishable) -> HttpResponse:
    """The record's public page as readers would see it with its pending changes published,
    with a banner that says so. Rendered inside a savepoint that is rolled back."""
    revision = open_revision(record)
    try:
        with unrestricted(), rolled_back(), as_system():
            if revision is not None:
                target = decode(type(record), revision.snapshot)
                target.values.pop("go_live_at", None)
                revisions.apply_state(_Preview(record), record, target, "")
            response = _render_public(request, type(record)._base_manager.get(pk=record.pk))
    except (ValidationError, IntegrityError) as exc:
        words = " ".join(getattr(exc, "messages", None) or [str(exc)])
        return HttpResponse(
            f"The pending changes cannot be shown: {escape(words)}",
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    banner = (
        '<div class="preview-banner" role="status"><strong>Preview</strong> — '
        f"{escape(_banner_text(revision))}</div>"
    ).encode()
    content = response.content
    match = _BODY.search(content)
    at = match.end() if match else 0
    response.content = content[:at] + banner + content[at:]
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _banner_text(revision: Revision | None) -> str:
    if revision is None:
        return "this is the published version; the record has no pending changes."
    return (
        f"the pending changes ({revision.get_state_display().lower()}, by {revision.author}, "
        f"{revision.updated_at:%Y-%m-%d %H:%M} UTC) as readers would see them once published. "
        "Readers still see the live version."
    )


class _Preview(Action):
    def __init__(self, obj) -> None:
        super().__init__(obj, user=None)


def _render_public(request: HttpRequest, record: Publishable) -> HttpResponse:
    path = record.get_absolute_url()
    try:
        match = resolve(path)
    except Resolver404:
        return HttpResponse(f"This record has no public page ({escape(path)}).", status=404)
    reader = copy.copy(request)  # its host, cookies and CSP nonce; a reader's eyes
    reader.path = reader.path_info = path
    reader.META = {**request.META, "PATH_INFO": path, "QUERY_STRING": ""}
    reader.GET = QueryDict()
    reader.user = AnonymousUser()
    reader.resolver_match = match
    with for_readers():
        response = match.func(reader, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    return response
