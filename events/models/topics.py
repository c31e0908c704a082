"""Cooperation areas: trade, energy, transport, security… nested as a tree."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable
from cmsproject.editorial.paths import slug_path

from .base import citations_relation


class Topic(Publishable):
    name = models.CharField(
        max_length=120, help_text=_("The cooperation area, e.g. Energy, Transport.")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The broader area, e.g. Energy for Renewable energy."),
    )
    description = models.TextField(
        blank=True, help_text=_("What the topic covers, in our own words.")
    )
    citations = citations_relation()

    history = HistoricalRecords()

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (("name", _("name")),)

    class Meta(Publishable.Meta):
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="topic_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_path("site:topic-detail", self.slug)

    def ancestors(self) -> list[Topic]:
        """From the root down to this topic's parent."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))

    def clean(self) -> None:
        super().clean()
        node, steps = self.parent, 0
        while node is not None and steps < 100:
            if self.pk and node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A topic cannot sit under itself or its own sub-topics.")}
                )
            node, steps = node.parent, steps + 1
