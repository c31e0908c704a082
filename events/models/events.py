"""Meetings, summits and visits; who took part; series such as the C+C5 ministerial meetings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable
from cmsproject.editorial.paths import named_path, slug_path
from cmsproject.editorial.visibility import EditorialRow
from cmsproject.uploads import SafeImageField

from .base import DatePrecision, citations_relation, date_order_constraint, format_date
from .identifiers import identifiers_relation
from .organizations import Organization, Place
from .people import Person
from .topics import Topic


class EventSeries(Publishable):
    """A recurring format, e.g. "China–Central Asia Foreign Ministers' Meeting".

    A record like the others (draft → published): its name is shown on every event of the
    series and in the event list's filter, so readers see a series only once it is published,
    and only an Editor renames a published one."""

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text=_("The recurring format's name, e.g. China–Central Asia Summit."),
    )
    description = models.TextField(blank=True, help_text=_("What the format is, in our own words."))

    history = HistoricalRecords()

    class Meta(Publishable.Meta):
        ordering = ["name"]
        verbose_name_plural = "event series"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return named_path("site:event-list") + f"?series={self.slug}"


ORDINALS = [
    "",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
]


class Event(Publishable):
    class Kind(models.TextChoices):
        SUMMIT = "summit", _("Summit")
        MINISTERIAL = "ministerial", _("Ministerial meeting")
        OFFICIAL_VISIT = "official_visit", _("Official visit")
        STATE_VISIT = "state_visit", _("State visit")
        TALKS = "talks", _("Talks")
        VIDEO_CONFERENCE = "video_conference", _("Video conference")
        SIGNING = "signing", _("Signing")
        FORUM = "forum", _("Forum")
        OTHER = "other", _("Other")

    title = models.CharField(
        max_length=300, help_text=_("As readers know it, e.g. Second China–Central Asia Summit.")
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Summit, ministerial meeting, official visit, talks, video conference…"),
    )
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The recurring format this event belongs to, if any."),
    )
    ordinal = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Its number in the series: 6 for the Sixth meeting.")
    )
    start_date = models.DateField(
        db_index=True,
        help_text=_("The first day (the first of the month or year if that is all we know)."),
    )
    end_date = models.DateField(
        null=True, blank=True, db_index=True, help_text=_("Empty for a one-day event.")
    )
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the date is known."),
    )
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Where it was held; empty for an online event."),
    )
    is_online = models.BooleanField(
        "held online", default=False, help_text=_("A video conference with no physical venue.")
    )
    host = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
        help_text=_("The state or body that hosted the event."),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sideline_events",
        help_text=_("The summit or meeting on whose sidelines this took place."),
    )
    summary = models.TextField(blank=True, help_text=_("What happened, in our own words."))
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="events", help_text=_("The cooperation areas discussed.")
    )
    people = models.ManyToManyField(
        Person, through="Participation", related_name="events", blank=True
    )
    citations = citations_relation()
    identifiers = identifiers_relation()

    history = HistoricalRecords(m2m_fields=[topics])

    # The facts a citation may back (sources/facts.py): key → what readers see.
    cited_facts = (
        ("title", _("title")),
        ("kind", _("kind")),
        ("start_date", _("date")),
        ("end_date", _("end date")),
        ("place", _("place")),
        ("host", _("host")),
        ("series", _("series")),
        ("participation", _("participants")),
    )
    slug_source = "title"

    class Meta(Publishable.Meta):
        ordering = ["-start_date", "title"]
        constraints = [
            date_order_constraint("start_date", "end_date", "event_end_after_start"),
            models.UniqueConstraint(
                fields=["series", "ordinal"],
                condition=Q(series__isnull=False, ordinal__isnull=False),
                name="event_series_ordinal_unique",
                violation_error_message=_("Another event of this series has this number."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="event_not_own_parent"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-start_date"], name="event_status_start"),
            models.Index(fields=["kind", "-start_date"], name="event_kind_start"),
            # sideline events of an event, in date order, for readers too (with only
            # (parent, start_date) SQLite read a prefetch's "parent IN (…) AND status = …"
            # through the status index: 8 ms at 10,000 events instead of 0.1 ms)
            models.Index(
                fields=["parent", "status", "start_date"], name="event_parent_status_start"
            ),
            # the API's other orderings, read in index order (tests/api/test_indexes.py)
            models.Index(fields=["status", "title"], name="event_status_title"),
            models.Index(fields=["status", "updated_at"], name="event_status_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_path("site:event-detail", self.slug)

    @property
    def ordinal_label(self) -> str:
        if self.ordinal is None:
            return ""
        return ORDINALS[self.ordinal] if self.ordinal < len(ORDINALS) else f"No. {self.ordinal}"

    @property
    def date_display(self) -> str:
        start = format_date(self.start_date, self.date_precision)
        if not self.end_date or self.end_date == self.start_date:
            return start
        return f"{start} – {format_date(self.end_date, self.date_precision)}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.ordinal is not None and self.series_id is None:
            errors["ordinal"] = _("A number makes sense only within a series; choose the series.")
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("An event cannot be on its own sidelines.")
        if errors:
            raise ValidationError(errors)


class Participation(EditorialRow):
    """A person at an event, in a role, representing a state or body."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text=_("Who took part."),
    )
    representing = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text=_("The state or body the person spoke for."),
    )
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "The role at this event, e.g. Chair, Head of delegation. Leave empty to "
            "label the person with the office they held that day."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                name="participation_once_per_event",
                violation_error_message=_("This person is already a participant of this event."),
            ),
        ]
        indexes = [
            # "did this event have someone representing that state?", asked per event while a
            # country's list is walked in date order (events/filters.py events_involving)
            models.Index(fields=["event", "representing"], name="participation_event_state"),
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}"

    @property
    def label(self) -> str:
        """The person's office on the day of the event (not today's), or the role given here."""
        if self.role:
            return self.role
        return self.person.role_on(self.event.start_date, organization=self.representing) or (
            self.person.role_on(self.event.start_date)
        )


class EventImage(EditorialRow):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="images")
    image = SafeImageField(upload_to="events/")
    alt_text = models.CharField(max_length=300, help_text=_("What the image shows."))
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.caption or self.alt_text
