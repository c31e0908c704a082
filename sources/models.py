"""Outlets, the sources they publish, and the citations that tie our records to sources."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.models import Publishable, author_field, published_through
from cmsproject.editorial.paths import named_path, slug_path
from cmsproject.editorial.visibility import AudienceQuerySet, EditorialRow
from cmsproject.uploads import SafeImageField

from . import facts
from .text import excerpt_occurs_in

alpha3 = RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 3166 code in capitals, e.g. KAZ."))
language_code = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", _("Use a language code such as en, ru, kk, zh-Hans.")
)


class Outlet(Publishable):
    class Kind(models.TextChoices):
        STATE_MEDIA = "state_media", _("State media")
        MINISTRY = "ministry", _("Ministry or government site")
        WIRE = "wire", _("News agency")
        INDEPENDENT = "independent", _("Independent media")
        THINK_TANK = "think_tank", _("Think tank or academic")
        OTHER = "other", _("Other")

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text=_("As the outlet calls itself, e.g. The Astana Times."),
    )
    homepage = models.URLField(blank=True, help_text=_("The outlet's home page."))
    country_code = models.CharField(
        max_length=3,
        blank=True,
        validators=[alpha3],
        db_index=True,
        help_text=_("Where the outlet is based (ISO 3166 alpha-3, e.g. KAZ)."),
    )
    language = models.CharField(
        max_length=16,
        blank=True,
        validators=[language_code],
        help_text=_("Main language of publication (ISO 639-1), e.g. en, ru, zh."),
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        db_index=True,
        help_text=_("State media, ministry, independent media…"),
    )
    description = models.TextField(
        blank=True, help_text=_("Who runs the outlet, in our own words.")
    )

    history = HistoricalRecords()

    class Meta(Publishable.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return named_path("site:source-list") + f"?outlet={self.slug}"


class Source(Publishable):
    """One article, press release or document that our records rest on."""

    title = models.CharField(max_length=500, help_text=_("The headline as published."))
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
        help_text=_("Who published it."),
    )
    url = models.URLField(
        max_length=1000,
        blank=True,
        help_text=_("Where the article was published. Two sources cannot share a URL."),
    )
    byline = models.CharField(max_length=300, blank=True, help_text=_("The author(s) as credited."))
    published_on = models.DateField(
        null=True, blank=True, db_index=True, help_text=_("The date the outlet published it.")
    )
    language = models.CharField(
        max_length=16,
        blank=True,
        validators=[language_code],
        help_text=_("Language of the text (ISO 639-1), e.g. en, ru."),
    )
    body = models.TextField(
        blank=True, help_text=_("The cleaned text of the article. Citations quote from it.")
    )
    summary = models.TextField(
        blank=True, help_text=_("Our own summary for readers, in our words, never the article's.")
    )
    raw_text = models.TextField(
        blank=True, editable=False, help_text=_("The file as imported; kept, never public.")
    )
    content_hash = models.CharField(
        max_length=64, blank=True, db_index=True, help_text=_("SHA-256 of the cleaned body.")
    )
    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text=_('The place the story was filed from ("ASTANA –"), not its date.'),
    )
    sketch = models.JSONField(
        default=list, blank=True, editable=False, help_text=_("Near-duplicate fingerprint.")
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text=_("The original when this is a syndicated or lightly edited copy of it."),
    )
    image = SafeImageField(
        upload_to="sources/", blank=True, help_text=_("The article's image, if we may publish it.")
    )
    image_credit = models.CharField(max_length=200, blank=True, help_text=_('e.g. "Photo: gov.kz"'))
    image_caption = models.CharField(
        max_length=500, blank=True, help_text=_("The caption shown under the image.")
    )
    image_alt = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )

    history = HistoricalRecords(excluded_fields=["raw_text", "sketch"])
    slug_source = "title"

    class Meta(Publishable.Meta):
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="source_url_unique_when_present"
            ),
        ]
        indexes = [
            models.Index(fields=["outlet", "-published_on"], name="source_outlet_date"),
            # the public list: published, newest first, without sorting the table
            models.Index(fields=["status", "-published_on", "-id"], name="source_status_date"),
            # the API's other orderings, read in index order (tests/api/test_indexes.py)
            models.Index(fields=["status", "title"], name="source_status_title"),
            models.Index(fields=["status", "updated_at"], name="source_status_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_path("site:source-detail", self.slug)

    def publication_problems(self) -> list[str]:
        if not (self.summary or "").strip():
            return [
                "A source needs a summary before it is published: write, in our own words, "
                "what it reports (readers see the summary, never the article's text)."
            ]
        return []


class SourceFingerprint(EditorialRow):
    """One of the smallest shingle hashes of a source's body, indexed to find near duplicates."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="fingerprints")
    value = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "value"], name="fingerprint_unique")
        ]

    def __str__(self) -> str:
        return f"{self.source_id}:{self.value}"


class CitationQuerySet(AudienceQuerySet):
    def for_object(self, obj: models.Model) -> CitationQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def published_sources(self) -> CitationQuerySet:
        """Citations a reader may see: those whose source is itself published."""
        return self.filter(published_through("source"))


class Citation(EditorialRow):
    """A source backing a record, with the exact words the record rests on."""

    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="citations",
        help_text=_("The source backing the record."),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    excerpt = models.TextField(
        help_text=_(
            "The words of the source this rests on, copied exactly. Case, spacing and "
            "curly versus straight quotes do not matter; anything else must match."
        )
    )
    claim = models.CharField(
        max_length=60,
        blank=True,
        help_text=_(
            "Which fact this supports, e.g. start_date or title; blank for the record as a whole."
        ),
    )
    claimed_value = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "What the source says for that fact when it differs from the record, e.g. "
            "another date. Shown to readers as a disagreement between sources."
        ),
    )
    note = models.TextField(
        blank=True, help_text=_("An editor's note on how the source supports the record.")
    )
    position = models.PositiveSmallIntegerField(default=0, help_text=_("Order among the notes."))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = author_field()

    objects = CitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_record")]
        constraints = [
            models.CheckConstraint(condition=~Q(excerpt=""), name="citation_excerpt_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.source} — “{self.excerpt[:60]}”"

    def check_claim(self, model) -> None:
        """Store the claim as the key of the fact of ``model`` it names; refuse one that names
        no fact of that record (sources/facts.py)."""
        try:
            self.claim = facts.resolve_claim(model, self.claim)
        except ValidationError as exc:
            raise ValidationError({"claim": exc.messages}) from exc

    def clean(self) -> None:
        super().clean()
        self.check_claim(facts.model_of(self))
        if (
            self.source_id
            and self.excerpt
            and not excerpt_occurs_in(self.excerpt, self.source.body)
        ):
            raise ValidationError(
                {
                    "excerpt": _(
                        "This excerpt does not occur in the body of “%(source)s”. Copy "
                        "the words exactly as the source has them."
                    )
                    % {"source": self.source.title[:80]}
                }
            )


class ImportFile(EditorialRow):
    """One file of an import that runs in the background (the admin's upload): kept until it is
    imported, then its line of the report. Written in the transaction that writes its source,
    so a job run again after its worker died imports the files not yet done, and only those."""

    job = models.ForeignKey("cmsproject.Job", on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    data = models.BinaryField(blank=True)  # emptied once imported
    #: Empty while waiting; then created, duplicate, unchanged or failed.
    status = models.CharField(max_length=10, blank=True)
    error = models.TextField(blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mentions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_file_position")
        ]

    def __str__(self) -> str:
        return self.name


web_address = URLValidator(schemes=["http", "https"])


class Feed(EditorialRow):
    """An outlet's RSS or Atom feed: read every few minutes, its new items imported as drafts.

    What was last read is kept so that the next reading asks only for what changed (the ETag
    and Last-Modified the server sent), and each item is imported once (:class:`FeedItem`)."""

    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.CASCADE,
        related_name="feeds",
        help_text=_("Whose articles the feed lists: the sources it brings are this outlet's."),
    )
    url = models.URLField(
        "feed URL",
        max_length=1000,
        unique=True,
        validators=[web_address],
        help_text=_("The address of the RSS or Atom feed (http or https)."),
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Which of the outlet's feeds this is, e.g. “Politics”; the feed's own title "
            "is filled in when left empty."
        ),
    )
    is_active = models.BooleanField(
        "active", default=True, help_text=_("Read regularly. Untick to pause the feed.")
    )
    poll_every_minutes = models.PositiveIntegerField(
        "read every (minutes)",
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
        help_text=_("How often the feed is read; after errors it is read less often."),
    )
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField("last read", null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(
        "last read without error", null=True, blank=True, editable=False
    )
    next_poll_at = models.DateTimeField(
        "next reading",
        null=True,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Empty: at the next minute."),
    )
    failures = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Readings that failed in a row.")
    )
    last_error = models.TextField(blank=True, editable=False)
    last_job = models.ForeignKey(
        "cmsproject.Job",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        help_text=_("The last reading: its report lists the items it imported."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet__name", "url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_every_minutes__gte=5), name="feed_polled_at_most_every_5_min"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def state(self) -> str:
        if not self.is_active:
            return "paused"
        if self.failures:
            return f"failing ({self.failures} in a row)"
        return "ok" if self.last_success_at else "not read yet"


class FeedItem(EditorialRow):
    """An item of a feed, seen once: a later reading does not import it again."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    #: The item's id (RSS guid, Atom id), else its link.
    guid = models.CharField(max_length=1000)
    #: Its line in the report of the reading that found it.
    file = models.ForeignKey(
        ImportFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["feed", "-seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="feed_item_once"),
        ]

    def __str__(self) -> str:
        return self.guid
