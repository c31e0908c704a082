"""What entity linking found in a source, waiting for an editor's yes or no."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cmsproject.editorial.visibility import EditorialRow
from sources.models import Source


class Mention(EditorialRow):
    """A record (or a person we do not know yet) named in a source.

    One row per record per source: ``text``/``start``/``end`` give the first occurrence and
    ``spans`` all of them. A rejected suggestion stays, so the same record is never suggested
    again for that source.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANIZATION = "organization", _("Organization")
        PLACE = "place", _("Place")
        AGREEMENT = "agreement", _("Agreement")
        EVENT = "event", _("Event")
        FIGURE = "figure", _("Figure")

    class Decision(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    proposed_name = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("For a person we do not know yet: the name as the source gives it."),
    )
    text = models.CharField(max_length=300, help_text=_("The words as found in the source."))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    spans = models.JSONField(default=list, blank=True)
    sentence = models.TextField(blank=True, help_text=_("The sentence it was found in."))
    reason = models.CharField(max_length=120, blank=True)
    candidates = models.JSONField(
        default=list,
        blank=True,
        help_text=_("When the name fits several records: who it could be. Never guessed."),
    )
    details = models.JSONField(
        default=dict,
        blank=True,
        help_text=_(
            "For a figure: what was read in the sentence — value, unit, period, and the "
            "indicator and sides when the sentence names them (events/linking/figures.py)."
        ),
    )
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.SUGGESTED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id"],
                condition=Q(object_id__isnull=False),
                name="mention_once_per_record_per_source",
            ),
            models.UniqueConstraint(
                fields=["source", "kind", "proposed_name"],
                condition=Q(object_id__isnull=True),
                name="mention_once_per_new_name_per_source",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span"),
        ]
        indexes = [models.Index(fields=["decision", "kind"], name="mention_queue")]

    def __str__(self) -> str:
        return f"{self.label} in {self.source}"

    @property
    def label(self) -> str:
        if self.kind == self.Kind.FIGURE and self.object_id is None:
            return (
                f"{self.proposed_name} (which indicator?)"
                if self.candidates
                else (f"{self.proposed_name} (new figure)")
            )
        if self.object_id is None:
            if self.candidates:
                return f"{self.text} (ambiguous)"
            return f"{self.proposed_name} (new)"
        return str(self.record) if self.record is not None else self.text

    @property
    def is_ambiguous(self) -> bool:
        return self.object_id is None and bool(self.candidates)
