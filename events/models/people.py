"""People and the offices they hold over time."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable
from cmsproject.editorial.paths import slug_path
from cmsproject.editorial.visibility import AudienceQuerySet, EditorialRow
from cmsproject.uploads import SafeImageField

from .base import AliasBase, DatePrecision, citations_relation, date_order_constraint, format_date
from .identifiers import identifiers_relation
from .organizations import Organization


class Person(Publishable):
    name = models.CharField(
        max_length=200, help_text=_("Canonical Latin spelling, e.g. Kassym-Jomart Tokayev.")
    )
    sort_name = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_(
            "How lists sort this person, e.g. Tokayev, Kassym-Jomart. Filled in from "
            "the name when left empty."
        ),
    )
    native_name = models.CharField(
        "native-script name",
        max_length=200,
        blank=True,
        help_text=_("The name in its own script, e.g. Қасым-Жомарт Тоқаев, 习近平."),
    )
    country = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="citizens",
        limit_choices_to={"kind": Organization.Kind.STATE},
        help_text=_("The state this person serves or is a citizen of."),
    )
    born_on = models.DateField(null=True, blank=True, help_text=_("Date of birth, when public."))
    portrait = SafeImageField(
        upload_to="people/",
        blank=True,
        help_text=_("A portrait we may publish (JPEG, PNG or WebP)."),
    )
    portrait_credit = models.CharField(
        max_length=200, blank=True, help_text=_('Who took the portrait, e.g. "Photo: akorda.kz".')
    )
    portrait_alt = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("What the portrait shows, for readers who cannot see it."),
    )
    biography = models.TextField(blank=True, help_text=_("A short biography in our own words."))
    citations = citations_relation()
    identifiers = identifiers_relation()

    history = HistoricalRecords()

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("name", _("name")),
        ("native_name", _("native name")),
        ("born_on", _("date of birth")),
        ("country", _("country")),
        ("office", _("offices")),
    )

    class Meta(Publishable.Meta):
        verbose_name_plural = "people"
        ordering = ["sort_name", "name"]
        indexes = [
            models.Index(fields=["status", "sort_name", "name"], name="person_status_sort"),
            # the API's other orderings, read in index order (tests/api/test_indexes.py)
            models.Index(fields=["status", "name"], name="person_status_name"),
            models.Index(fields=["status", "updated_at"], name="person_status_updated"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_path("site:person-detail", self.slug)

    def save(self, *args, **kwargs) -> None:
        if not self.sort_name and self.name:
            parts = self.name.rsplit(" ", 1)
            family_name_first = self.country_id and self.country.iso_code == "CHN"
            if len(parts) == 2 and not family_name_first:
                self.sort_name = f"{parts[1]}, {parts[0]}"
            else:
                self.sort_name = self.name  # Xi Jinping sorts under Xi already
        super().save(*args, **kwargs)

    def positions_on(self, date: datetime.date) -> list[Position]:
        """The offices this person held on ``date``, most senior first.

        Reads ``self.positions.all()``, so a page that prefetches positions (with their
        organizations) labels any number of people without another query.
        """
        held = [p for p in self.positions.all() if p.held_on(date)]
        return sorted(
            held, key=lambda p: (p.rank, -(p.start_date or datetime.date.min).toordinal())
        )

    def role_on(self, date: datetime.date, organization: Organization | None = None) -> str:
        """A label such as "President of Kazakhstan" for ``date``, or "" when none is known."""
        positions = self.positions_on(date)
        if organization is not None:
            positions = [p for p in positions if p.organization_id == organization.pk]
        return positions[0].label if positions else ""


class PersonAlias(AliasBase):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(AliasBase.Meta):
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique")
        ]


def covers(
    start: datetime.date | None,
    end: datetime.date | None,
    end_precision: str,
    date: datetime.date,
) -> bool:
    """Whether a term from ``start`` to ``end`` includes ``date``.

    An end known only to the month (or year) is stored as the first day of it; the term is
    taken to run to the end of that month (or year), so nobody seems to leave office early.
    """
    if start is not None and start > date:
        return False
    if end is None:
        return True
    if end_precision == DatePrecision.MONTH:
        return end >= date.replace(day=1)
    if end_precision == DatePrecision.YEAR:
        return end >= date.replace(month=1, day=1)
    return end >= date


class PositionQuerySet(AudienceQuerySet):
    def held_on(self, date: datetime.date) -> PositionQuerySet:
        """Positions held on ``date`` (see :func:`covers` for ends known to the month)."""
        ended_after = (
            Q(end_date__isnull=True)
            | Q(end_precision=DatePrecision.DAY, end_date__gte=date)
            | Q(end_precision=DatePrecision.MONTH, end_date__gte=date.replace(day=1))
            | Q(end_precision=DatePrecision.YEAR, end_date__gte=date.replace(month=1, day=1))
        )
        return (
            self.filter(Q(start_date__lte=date) | Q(start_date__isnull=True))
            .filter(ended_after)
            .order_by("rank", "-start_date")
        )

    def current(self) -> PositionQuerySet:
        return self.held_on(datetime.date.today())


class Position(EditorialRow):
    """A person holds a role at an organization from a start date to an end date."""

    class Role(models.TextChoices):
        HEAD_OF_STATE = "head_of_state", _("Head of state")
        HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
        FOREIGN_MINISTER = "foreign_minister", _("Foreign minister")
        DEPUTY_FOREIGN_MINISTER = "deputy_foreign_minister", _("Deputy foreign minister")
        MINISTER = "minister", _("Minister")
        AMBASSADOR = "ambassador", _("Ambassador")
        LEGISLATOR = "legislator", _("Legislator")
        PARTY_OFFICIAL = "party_official", _("Party official")
        SECRETARY_GENERAL = "secretary_general", _("Secretary-General")
        OFFICIAL = "official", _("Official")
        OTHER = "other", _("Other")

    # Which office names the person when they hold several at once (President before Politburo).
    RANKS = {
        Role.HEAD_OF_STATE: 10,
        Role.HEAD_OF_GOVERNMENT: 20,
        Role.SECRETARY_GENERAL: 25,
        Role.FOREIGN_MINISTER: 30,
        Role.MINISTER: 40,
        Role.DEPUTY_FOREIGN_MINISTER: 50,
        Role.AMBASSADOR: 60,
        Role.LEGISLATOR: 70,
        Role.OFFICIAL: 80,
        Role.PARTY_OFFICIAL: 85,
        Role.OTHER: 90,
    }

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="positions",
        help_text=_(
            "Where the role is held: the state for a president or minister, the body "
            "for a secretary-general."
        ),
    )
    role = models.CharField(
        max_length=30,
        choices=Role.choices,
        db_index=True,
        help_text=_("The kind of office; it decides which office names a person holding several."),
    )
    title = models.CharField(
        max_length=300,
        help_text=_(
            "The office as readers know it, e.g. Deputy Prime Minister and Minister of "
            "Foreign Affairs."
        ),
    )
    is_acting = models.BooleanField(default=False, help_text=_("Acting, not yet confirmed."))
    start_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "The first day in office (the first of the month or year if that is all we know)."
        ),
    )
    start_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the start date is known."),
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The last day in office; empty while the person still holds it."),
    )
    end_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the end date is known."),
    )
    rank = models.PositiveSmallIntegerField(default=90, editable=False)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Anything readers should know about the term, e.g. how it ended."),
    )

    objects = PositionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            date_order_constraint("start_date", "end_date", "position_end_after_start"),
        ]
        indexes = [
            models.Index(fields=["organization", "role", "start_date"], name="position_holder"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.label}"

    def save(self, *args, **kwargs) -> None:
        self.rank = self.RANKS.get(self.role, 90)
        super().save(*args, **kwargs)

    @property
    def term_display(self) -> str:
        """When the office was held, as precisely as known: "3 April 2023 – 26 September 2025",
        "2007 – today"."""
        start = format_date(self.start_date, self.start_precision) or "?"
        end = format_date(self.end_date, self.end_precision) if self.end_date else "today"
        return f"{start} – {end}"

    def held_on(self, date: datetime.date) -> bool:
        return covers(self.start_date, self.end_date, self.end_precision, date)

    @property
    def label(self) -> str:
        title = f"Acting {self.title}" if self.is_acting else self.title
        if (
            self.organization.kind == Organization.Kind.STATE
            and self.organization.name not in title
        ):
            return f"{title} of {self.organization.name}"
        return title

    @classmethod
    def holder_of(
        cls, *, organization: Organization, role: str, date: datetime.date
    ) -> Person | None:
        """Who held ``role`` at ``organization`` on ``date``, e.g. Turkmenistan's president.

        On a handover day both hold it in our records; the newer holder is answered.
        """
        position = (
            cls.objects.held_on(date)
            .filter(organization=organization, role=role)
            .select_related("person")
            .order_by("-start_date")
            .first()
        )
        return position.person if position else None
