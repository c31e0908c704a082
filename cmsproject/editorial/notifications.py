"""E-mail for the workflow: Editors hear when something waits for their review, authors when
their work is published, withdrawn or sent back.

Sent through Django's e-mail framework once the change has committed
(:data:`~cmsproject.editorial.actions.workflow_step`), so a refused or rolled-back change sends
nothing. The backend is settings' (``DJANGO_EMAIL_BACKEND``: the console in development,
locmem in tests, SMTP in production). Nobody is told about what they did themselves.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mass_mail
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .actions import workflow_step

log = logging.getLogger(__name__)


def _name(user) -> str:
    if user is None or not getattr(user, "pk", None):
        return "Caravan (on schedule)"
    return user.get_full_name() or user.get_username()


def editors_of(model: type[models.Model]) -> models.QuerySet:
    """Active staff who may publish records of this kind and have an e-mail address."""
    opts = model._meta
    perm = Permission.objects.filter(
        content_type__app_label=opts.app_label, codename=f"publish_{opts.model_name}"
    ).first()
    who = Q(is_superuser=True)
    if perm is not None:
        who |= Q(groups__permissions=perm) | Q(user_permissions=perm)
    return (
        get_user_model()
        .objects.filter(who, is_active=True, is_staff=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def authors_of(record: models.Model, step: str) -> list:
    """Whoever wrote what was just decided on: the record's author, the last one who sent it
    for review and, for pending changes, the author of those changes."""
    found = [getattr(record, "created_by", None)]
    history = getattr(record, "history", None)
    if history is not None:
        submitted = history.filter(status="review").order_by("-history_date").first()
        found.append(getattr(submitted, "history_user", None))
    if step.startswith("changes"):
        revision = getattr(record, "_published_revision", None)
        if revision is not None:
            found += [revision.created_by, revision.updated_by]
    seen, people = set(), []
    for user in found:
        if user is not None and user.pk not in seen and user.is_active and user.email:
            seen.add(user.pk)
            people.append(user)
    return people


def admin_link(record: models.Model) -> str:
    opts = record._meta
    path = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    return settings.CARAVAN_SITE_URL.rstrip("/") + path


MESSAGES = {
    # step: (to Editors or authors, subject, first line)
    "submitted": ("editors", "For your review", "{actor} submitted {what} for review."),
    "changes_submitted": (
        "editors",
        "Changes for your review",
        "{actor} submitted changes to the published {what} for review.",
    ),
    "published": ("authors", "Published", "{actor} published {what}: readers see it now."),
    "changes_published": (
        "authors",
        "Changes published",
        "{actor} published the changes to {what}: readers see them now.",
    ),
    "withdrawn": (
        "authors",
        "Withdrawn",
        "{actor} withdrew {what}: it is no longer on the public site.",
    ),
    "returned": (
        "authors",
        "Sent back to draft",
        "{actor} sent {what} back to draft. Make the changes asked for and submit it again.",
    ),
}


def messages_for(record: models.Model, step: str, user, comment: str = "", before: str = ""):
    """The e-mails (subject, body, from, [to]) a workflow step sends."""
    if step not in MESSAGES:
        return []
    if step == "returned" and before != "review":
        return []  # a record withdrawn and reworked: nobody waits for word of it
    audience, subject, first = MESSAGES[step]
    people = editors_of(type(record)) if audience == "editors" else authors_of(record, step)
    to = sorted({p.email for p in people if p.pk != getattr(user, "pk", None)})
    if not to:
        return []
    what = f"the {record._meta.verbose_name} “{record}”"
    lines = [first.format(actor=_name(user), what=what)]
    if comment:
        lines += ["", f"{_name(user)} wrote:", "", *(f"> {line}" for line in comment.splitlines())]
    lines += ["", f"Open it in Caravan: {admin_link(record)}"]
    if step in ("published", "changes_published") and hasattr(record, "get_absolute_url"):
        lines.append(
            f"Its public page: {settings.CARAVAN_SITE_URL.rstrip('/')}{record.get_absolute_url()}"
        )
    full_subject = f"[Caravan] {subject}: {record._meta.verbose_name} “{record}”"
    return [(full_subject[:200], "\n".join(lines) + "\n", settings.DEFAULT_FROM_EMAIL, to)]


def _on_step(sender, record, step, user, comment="", before="", **kwargs) -> None:
    try:
        emails = messages_for(record, step, user, comment, before)
        if emails:
            send_mass_mail(emails, fail_silently=False)
    except Exception:  # a mail server down must not undo or fail an editor's work
        log.exception("Could not send the e-mail for %s of %s", step, record)


def connect_signals() -> None:
    workflow_step.connect(_on_step, dispatch_uid="caravan-workflow-mail")
