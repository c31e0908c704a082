"""The editorial base every public record shares: workflow status, authorship, slug, history.

A record is visible to readers only when its status is *published*. Public code never filters on
status by hand: it asks the manager for ``.published()`` or ``.visible_to(user)``.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .dates import DateRangeMixin
from .visibility import (
    AudienceManager,
    AudienceQuerySet,
    is_live,
    live,
    shown_with,
    with_live_end,
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def sees_unpublished(user, model: type[models.Model]) -> bool:
    """Whether ``user`` may see drafts of ``model``: active staff with its view or change
    permission. The one rule behind every ``visible_to``, also asked without a query."""
    if user is None or not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


class PublishableQuerySet(AudienceQuerySet):
    def published(self) -> PublishableQuerySet:
        """Records a reader may see: published and not expired, nothing else (and, for a
        record shown only with others — ``hidden_with`` —, those live too)."""
        condition = live()
        for name, _target, nullable in shown_with(self.model):
            condition &= with_live_end(name, nullable)
        return self.filter(condition)

    def visible_to(self, user) -> PublishableQuerySet:
        """Everything for staff who may view this kind of record; published records for others."""
        return self.all() if sees_unpublished(user, self.model) else self.published()

    def with_status(self, *statuses: str) -> PublishableQuerySet:
        return self.filter(status__in=statuses)


PublishableManager = AudienceManager.from_queryset(PublishableQuerySet)


def published_through(lookup: str) -> models.Q:
    """A condition on a related record being live, as a join (``person__status``) rather
    than an ``IN (SELECT … published)`` subquery, which is slow on large tables."""
    return live(f"{lookup}__")


def unique_slug(
    model: type[models.Model], text: str, *, exclude_pk=None, max_length: int = 60
) -> str:
    """A slug made from ``text`` that no other row of ``model`` uses yet (``-2``, ``-3``…)."""
    # "China–Central Asia" must give china-central-asia, not chinacentral-asia.
    base = slugify(re.sub(r"[\u2010-\u2015/]", " ", text), allow_unicode=False)
    if len(base) > max_length:
        base = base[:max_length].rsplit("-", 1)[0]  # cut at a word, not inside one
    base = base.strip("-") or model._meta.model_name
    candidate, n = base, 2
    # base itself and base-<anything>, as a range the slug index answers ("-" < "."); a
    # startswith filter would be a LIKE that scans the whole table on SQLite.
    taken = model._default_manager.filter(
        models.Q(slug=base) | models.Q(slug__gte=f"{base}-", slug__lt=f"{base}.")
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    used = set(taken.values_list("slug", flat=True))
    while candidate in used:
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return candidate


def author_field() -> models.ForeignKey:
    """Who made a change: kept (as empty) when the account is deleted, set by the system."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Publishable(DateRangeMixin, models.Model):
    """Abstract base of every record readers can see: Outlet, Source, Event, Person…"""

    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text=_(
            "The record's address on the public site, e.g. /people/wang-yi/. "
            "Lower-case letters, digits and hyphens; change it only before publication."
        ),
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_(
            "Only published records are shown to readers. Contributors write drafts and "
            "send them to review; Editors publish and withdraw."
        ),
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("When the record was first published; kept if it is later withdrawn."),
    )
    go_live_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Publish automatically at this time (Editors only). Pending changes of a published "
            "record are published then too. Empty: published by hand."
        ),
    )
    expire_at = models.DateTimeField(
        _("expire at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Take the record off the public site at this time (Editors only); it is then "
            "withdrawn. Empty: it stays published."
        ),
    )
    editor_note = models.TextField(
        blank=True,
        help_text=_("Internal note for the newsroom (doubts, to-dos). Never shown publicly."),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    created_by = author_field()
    updated_by = author_field()

    objects = PublishableManager()

    #: The field a slug is made from when none is given.
    slug_source = "name"

    class Meta:
        abstract = True
        # "publish" covers publish and withdraw, "merge" joins duplicates; Editors hold both.
        default_permissions = ("add", "change", "delete", "view", "publish", "merge")

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(
                type(self), str(getattr(self, self.slug_source, "") or ""), exclude_pk=self.pk
            )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError(
                {"expire_at": _("The expiry time must come after the time it goes live.")}
            )

    def publication_problems(self) -> list[str]:
        """What must be done before this record can be published, in words an editor can act
        on (none by default; a kind of record adds its own rules)."""
        return []

    @property
    def is_published(self) -> bool:
        """Published by an Editor (and so the Editors' to change), expired or not."""
        return self.status == Status.PUBLISHED

    @property
    def is_live(self) -> bool:
        """In front of readers now: published and not past its expiry time."""
        return is_live(self)

    @property
    def is_scheduled(self) -> bool:
        """Waiting to go live at ``go_live_at``."""
        return bool(self.go_live_at) and self.status in (Status.DRAFT, Status.REVIEW)
