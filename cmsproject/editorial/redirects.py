"""Old addresses keep working: a record's former public path answers 301 to where it is now.

A :class:`Redirect` is written when a record readers have seen (``published_at`` set) changes
its slug, when a duplicate is merged into another record, and when a record is deleted (then
its path answers 410 Gone). It leads to the *record*, not to a path, so chains collapse by
themselves: after a → b → c, both a and b lead to the record, whose path is c. Editors also add
redirects by hand in the admin (an old path to a record, or to any path of the site).

:func:`answer` is asked only when a page or API detail is not found (``RedirectMiddleware``): a
site path is looked up as it is; an API detail path (``/api/v1/people/<slug>/``) is looked up
as the site path of that record type and slug, and answers with the record's API path.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import author_field, sees_unpublished
from .visibility import is_live, unrestricted


class Redirect(models.Model):
    class Reason(models.TextChoices):
        SLUG = "slug", _("slug changed")
        MERGED = "merged", _("merged into another record")
        DELETED = "deleted", _("deleted")
        MANUAL = "manual", _("added by an editor")

    old_path = models.CharField(
        max_length=300,
        unique=True,
        help_text=_("A path of the public site that no longer exists, e.g. /people/vang-i/."),
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    target_path = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Or any path of this site, e.g. /events/ (used when no record is chosen). With "
            "neither, the old path answers 410 Gone."
        ),
    )
    reason = models.CharField(max_length=10, choices=Reason.choices, default=Reason.MANUAL)
    note = models.CharField(
        max_length=200, blank=True, help_text=_("Why it exists, for the newsroom (not shown).")
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    created_by = author_field()

    class Meta:
        app_label = "cmsproject"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_record")]

    def __str__(self) -> str:
        return f"{self.old_path} → {self.destination_label()}"

    def clean(self) -> None:
        if not self.old_path.startswith("/") or "//" in self.old_path:
            raise ValidationError({"old_path": _("Give a path of this site, starting with /.")})
        if self.target_path and (
            not self.target_path.startswith("/") or self.target_path.startswith("//")
        ):
            raise ValidationError(
                {"target_path": _("Give a path of this site, starting with / (no other site).")}
            )
        if self.target_path and self.target_path == self.old_path:
            raise ValidationError({"target_path": _("A path cannot lead to itself.")})

    def target(self) -> models.Model | None:
        """The record it leads to, whatever its status (None: none, or deleted)."""
        if self.content_type_id is None or self.object_id is None:
            return None
        model = self.content_type.model_class()
        if model is None:
            return None
        with unrestricted():
            return model._base_manager.filter(pk=self.object_id).first()

    def destination_label(self) -> str:
        record = self.target()
        if record is not None:
            return record.get_absolute_url()
        if self.target_path:
            return self.target_path
        return "410 Gone"


def _path_of(record: models.Model) -> str | None:
    try:
        return record.get_absolute_url()
    except Exception:  # a record type without a public page
        return None


def _was_public(record: models.Model) -> bool:
    return getattr(record, "published_at", None) is not None


def lead(old_path: str | None, record: models.Model, reason: str, user=None) -> None:
    """From now on ``old_path`` leads to ``record``."""
    if not old_path or old_path == _path_of(record):
        return
    Redirect.objects.update_or_create(
        old_path=old_path,
        defaults={
            # the record as it is being saved (its new slug): what the redirect announces
            "record": record,
            "target_path": "",
            "reason": reason,
            "created_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )


def slug_changed(stored: models.Model, record: models.Model, user=None) -> None:
    """Called before ``record`` is saved with a new slug (``stored`` is it as it was)."""
    if _was_public(stored):
        lead(_path_of(stored), record, Redirect.Reason.SLUG, user)
    # Back at a path it once left: that path is its page again, not a redirect.
    new_path = _path_of(record)
    if new_path:
        Redirect.objects.filter(old_path=new_path).delete()


def merged(duplicate: models.Model, kept: models.Model, user=None) -> None:
    """Before ``duplicate`` is deleted in favour of ``kept``: its path and every path that led
    to it now lead to ``kept``."""
    content_type = ContentType.objects.get_for_model(type(duplicate))
    Redirect.objects.filter(content_type=content_type, object_id=duplicate.pk).update(
        content_type=ContentType.objects.get_for_model(type(kept)), object_id=kept.pk
    )
    if _was_public(duplicate) or _was_public(kept):
        lead(_path_of(duplicate), kept, Redirect.Reason.MERGED, user)


def deleted(record: models.Model) -> None:
    """After ``record`` was deleted: its path answers 410, unless a merge led it elsewhere."""
    path = _path_of(record)
    if path and _was_public(record):
        Redirect.objects.get_or_create(old_path=path, defaults={"reason": Redirect.Reason.DELETED})


# ---- answering ------------------------------------------------------------------------------


def find(path: str) -> Redirect | None:
    return Redirect.objects.filter(old_path=path).first()


def resolve(redirect: Redirect, user=None) -> tuple[int, models.Model | str | None]:
    """(301, record or path) to follow, (410, None) when gone, (404, None) when the record it
    leads to exists but is not for this user's eyes (a draft, a withdrawn record)."""
    record = redirect.target()
    if record is not None:
        if is_live(record) or sees_unpublished(user, type(record)):
            return 301, record
        return 404, None
    if redirect.content_type_id is None and redirect.target_path:
        return 301, redirect.target_path
    return 410, None


# ---- keeping them: the record's saves and deletes ------------------------------------------


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    with unrestricted():
        stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is not None and stored.slug != instance.slug:
        from .rights import current_actor

        slug_changed(stored, instance, current_actor())


def _after_delete(sender, instance, **kwargs) -> None:
    deleted(instance)


def connect_signals() -> None:
    from django.db.models.signals import post_delete, pre_save

    from .registry import publishable_models

    for model in publishable_models():
        uid = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"caravan-redirect-save-{uid}")
        post_delete.connect(
            _after_delete, sender=model, dispatch_uid=f"caravan-redirect-delete-{uid}"
        )
