"""States, international bodies and government agencies, and the places where things happen."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable, PublishableQuerySet
from cmsproject.editorial.paths import slug_path
from sources.models import alpha3

from .base import AliasBase, citations_relation
from .identifiers import identifiers_relation


class OrganizationQuerySet(PublishableQuerySet):
    def states(self) -> OrganizationQuerySet:
        return self.filter(kind=Organization.Kind.STATE)


class Organization(Publishable):
    """A state, an intergovernmental organization, a ministry, an initiative… Countries are
    Organizations of kind *state* with an ISO 3166 alpha-3 code."""

    class Kind(models.TextChoices):
        STATE = "state", _("State")
        IGO = "igo", _("Intergovernmental organization")
        GOVERNMENT_BODY = "government_body", _("Government body")
        INITIATIVE = "initiative", _("Initiative or format")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=300, help_text=_("Full English name, e.g. Kazakhstan."))
    short_name = models.CharField(
        max_length=60, blank=True, help_text=_("Abbreviation readers know, e.g. SCO, CICA.")
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("A state, an intergovernmental organization, a government body, a format…"),
    )
    iso_code = models.CharField(
        "ISO code",
        max_length=3,
        blank=True,
        validators=[alpha3],
        help_text=_("ISO 3166 alpha-3 code; required for states, e.g. KAZ, CHN."),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The body this one belongs to: a ministry's state, a committee's parent."),
    )
    members = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="member_of",
        help_text=_("Member states or bodies (for organizations and formats)."),
    )
    founded_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("When the body was founded or the state became independent."),
    )
    website = models.URLField(blank=True, help_text=_("The official website."))
    description = models.TextField(blank=True, help_text=_("A short description in our own words."))
    citations = citations_relation()
    identifiers = identifiers_relation()

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members])

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("name", _("name")),
        ("kind", _("kind")),
        ("founded_on", _("founding date")),
        ("members", _("members")),
    )

    class Meta(Publishable.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"], condition=~Q(iso_code=""), name="organization_iso_code_unique"
            ),
            models.CheckConstraint(
                condition=~Q(kind="state") | ~Q(iso_code=""),
                name="organization_state_has_iso_code",
                violation_error_message=_("A state needs its ISO 3166 alpha-3 code."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_path("site:organization-detail", self.slug)

    @property
    def is_state(self) -> bool:
        return self.kind == self.Kind.STATE


class OrganizationAlias(AliasBase):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(AliasBase.Meta):
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="organization_alias_unique"
            )
        ]


class Place(Publishable):
    """A city or venue. Former names (Astana was Nur-Sultan 2019–2022) are aliases with dates."""

    name = models.CharField(
        max_length=200,
        help_text=_("The current English name, e.g. Astana; former names are aliases."),
    )
    country = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="places",
        limit_choices_to={"kind": Organization.Kind.STATE},
        help_text=_("The state the place is in."),
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Degrees north (negative: south), e.g. 51.1694."),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Degrees east (negative: west), e.g. 71.4491."),
    )
    description = models.TextField(blank=True, help_text=_("A short description in our own words."))
    citations = citations_relation()
    identifiers = identifiers_relation()

    history = HistoricalRecords()

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("name", _("name")),
        ("country", _("country")),
        ("coordinates", _("location")),
    )

    class Meta(Publishable.Meta):
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_path("site:place-detail", self.slug)

    def name_on(self, date) -> str:
        """The name the place had on ``date`` (Nur-Sultan in 2020, Astana in 2023)."""
        if date is None:
            return self.name
        for alias in self.aliases.all():
            if (
                alias.kind == AliasBase.Kind.FORMER
                and alias.valid_from
                and alias.valid_to
                and alias.valid_from <= date <= alias.valid_to
            ):
                return alias.name
        return self.name


class PlaceAlias(AliasBase):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(AliasBase.Meta):
        verbose_name_plural = "place aliases"
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="place_alias_unique")]
