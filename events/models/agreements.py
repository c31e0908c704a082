"""Treaties, joint statements, protocols: who are parties, who signed, where and when."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable
from cmsproject.editorial.paths import slug_path
from cmsproject.editorial.visibility import EditorialRow

from .base import AliasBase, citations_relation, date_order_constraint
from .events import Event
from .identifiers import identifiers_relation
from .organizations import Organization, Place
from .people import Person
from .topics import Topic


class Agreement(Publishable):
    class Kind(models.TextChoices):
        TREATY = "treaty", _("Treaty")
        AGREEMENT = "agreement", _("Agreement")
        JOINT_STATEMENT = "joint_statement", _("Joint statement")
        DECLARATION = "declaration", _("Declaration")
        PROTOCOL = "protocol", _("Protocol")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        ACTION_PLAN = "action_plan", _("Action plan")
        OTHER = "other", _("Other")

    class LegalStatus(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")

    title = models.CharField(
        max_length=400, help_text=_("The official title in English, e.g. Xi'an Declaration.")
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Treaty, joint statement, declaration, protocol, memorandum, action plan…"),
    )
    signed_on = models.DateField(
        null=True, blank=True, db_index=True, help_text=_("The day it was signed.")
    )
    signed_at = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        help_text=_("The event at which it was signed or adopted."),
    )
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
        help_text=_("Where it was signed."),
    )
    parties = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="agreements",
        help_text=_("The states and bodies bound by it."),
    )
    legal_status = models.CharField(
        "status of the agreement",
        max_length=10,
        choices=LegalStatus.choices,
        default=LegalStatus.SIGNED,
        db_index=True,
        help_text=_("Where the agreement stands legally (not the editorial status)."),
    )
    entry_into_force = models.DateField(
        null=True, blank=True, help_text=_("The day it entered into force, when known.")
    )
    expires_on = models.DateField(
        null=True, blank=True, help_text=_("The day it expires or expired, when it has an end.")
    )
    summary = models.TextField(blank=True, help_text=_("What it says, in our own words."))
    text_url = models.URLField(
        "official text", max_length=1000, blank=True, help_text=_("A link to the official text.")
    )
    topics = models.ManyToManyField(
        Topic,
        blank=True,
        related_name="agreements",
        help_text=_("The cooperation areas it covers."),
    )
    citations = citations_relation()
    identifiers = identifiers_relation()

    history = HistoricalRecords(m2m_fields=[parties, topics])

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("title", _("title")),
        ("kind", _("kind")),
        ("signed_on", _("signing date")),
        ("place", _("place of signing")),
        ("parties", _("parties")),
        ("signature", _("signatories")),
        ("legal_status", _("legal status")),
        ("entry_into_force", _("entry into force")),
    )
    slug_source = "title"

    class Meta(Publishable.Meta):
        ordering = ["-signed_on", "title"]
        indexes = [
            models.Index(fields=["status", "-signed_on", "title"], name="agreement_status_signed"),
            # the API's other orderings, read in index order (tests/api/test_indexes.py)
            models.Index(fields=["status", "title"], name="agreement_status_title"),
            models.Index(fields=["status", "updated_at"], name="agreement_status_updated"),
            # the agreements signed at an event, for its page (see event_parent_status_start)
            models.Index(fields=["signed_at", "status", "title"], name="agreement_event_status"),
        ]
        constraints = [
            date_order_constraint("signed_on", "entry_into_force", "agreement_force_after_signing"),
            date_order_constraint("signed_on", "expires_on", "agreement_expiry_after_signing"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_path("site:agreement-detail", self.slug)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.signed_on and self.entry_into_force and self.entry_into_force < self.signed_on:
            errors["entry_into_force"] = _("It cannot enter into force before it is signed.")
        if self.signed_on and self.expires_on and self.expires_on < self.signed_on:
            errors["expires_on"] = _("It cannot expire before it is signed.")
        if self.legal_status == self.LegalStatus.IN_FORCE and not self.entry_into_force:
            errors["entry_into_force"] = _("Give the date it entered into force.")
        if errors:
            raise ValidationError(errors)


class AgreementAlias(AliasBase):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(AliasBase.Meta):
        verbose_name_plural = "agreement aliases"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "name"], name="agreement_alias_unique")
        ]


class Signatory(EditorialRow):
    """A person who signed an agreement on behalf of a party."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="signatures", help_text=_("Who signed.")
    )
    on_behalf_of = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="signatures",
        help_text=_("The state or body the person signed for."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "signatories"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "person", "on_behalf_of"], name="signatory_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} for {self.on_behalf_of}"
