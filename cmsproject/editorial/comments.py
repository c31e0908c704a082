"""Review comments: a thread on each record, for the people who edit it, never for readers.

A comment says who wrote what, when, and whether it has been dealt with (resolved, by whom,
when). Comments are written on the record's change form — on their own or with a workflow
button ("Submit for review" with a note for the reviewer, "Return to draft" with the reason) —
and the dashboard lists the open ones. Readers never see them: no public path reads this table.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from .actions import Action
from .models import author_field
from .rights import ChangeRefused, can_publish

MAX_LENGTH = 5000


class Comment(models.Model):
    """One comment in a record's review thread."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    text = models.TextField(max_length=MAX_LENGTH)
    #: What the author did with the comment, when it went with a workflow button ("submitted
    #: for review", "returned to draft"…); blank for a comment on its own.
    context = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    created_by = author_field()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = author_field()

    class Meta:
        app_label = "cmsproject"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"

    @property
    def author(self) -> str:
        user = self.created_by
        return (user.get_full_name() or user.get_username()) if user else "(a deleted account)"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


def comments_on(record: models.Model) -> QuerySet[Comment]:
    """The thread of ``record``, oldest first."""
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).select_related("created_by", "resolved_by")


def open_comments() -> QuerySet[Comment]:
    """Comments nobody has resolved yet, newest first."""
    return (
        Comment.objects.filter(resolved_at__isnull=True)
        .select_related("created_by", "content_type")
        .order_by("-created_at", "-pk")
    )


def may_comment(user, record: models.Model) -> bool:
    """Whoever may view the record in the admin may discuss it."""
    opts = record._meta
    return bool(
        user
        and user.is_active
        and user.is_staff
        and (
            user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
            or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )
    )


class AddComment(Action):
    """Write a comment on ``record`` (``context``: the workflow step it went with)."""

    def __init__(self, record: models.Model, *, user, text: str, context: str = "") -> None:
        super().__init__(record, user=user)
        self.text = (text or "").strip()
        self.context = context

    def check(self) -> None:
        if not may_comment(self.user, self.obj):
            raise ChangeRefused(f"You may not comment on this {self.obj._meta.verbose_name}.")
        if not self.text:
            raise ValidationError("Write something before posting a comment.")
        if len(self.text) > MAX_LENGTH:
            raise ValidationError(
                f"A comment holds at most {MAX_LENGTH} characters; this one has {len(self.text)}."
            )

    def perform(self) -> Comment:
        return Comment.objects.create(
            content_type=ContentType.objects.get_for_model(type(self.obj)),
            object_id=self.obj.pk,
            text=self.text,
            context=self.context,
            created_by=self.user,
        )


class ResolveComment(Action):
    """Mark a comment dealt with (or, ``reopen``, not yet): its author or an Editor."""

    def __init__(self, comment: Comment, *, user, reopen: bool = False) -> None:
        super().__init__(comment, user=user)
        self.reopen = reopen

    def check(self) -> None:
        comment = self.stored
        if comment is None:
            raise ChangeRefused("This comment no longer exists.")
        record = comment.record
        if record is None or not may_comment(self.user, record):
            raise ChangeRefused("You may not resolve comments on this record.")
        author = comment.created_by_id == getattr(self.user, "pk", None)
        if not (author or can_publish(self.user, record)):
            raise ChangeRefused("Only the comment's author or an Editor resolves it.")

    def perform(self) -> Comment:
        comment = self.stored
        if self.reopen:
            comment.resolved_at, comment.resolved_by = None, None
        elif comment.resolved_at is None:
            comment.resolved_at, comment.resolved_by = timezone.now(), self.user
        comment.save(update_fields=["resolved_at", "resolved_by"])
        return comment
