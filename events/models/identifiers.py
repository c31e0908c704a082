"""External identifiers: the same person, state, place, meeting or treaty in other datasets.

An identifier is a scheme and a value (``wikidata:Q15031``, ``iso3166-1-alpha-3:KAZ``,
``untc:I-54113``). They let others join Caravan with Wikidata, GeoNames or the UN Treaty
Collection: shown on pages as links, in the API and JSON-LD (``sameAs``), in the Popolo export,
and searchable with ``?identifier=scheme:value`` on every API list.

The schemes are a closed list (:data:`SCHEMES`) so that a value is checked when it is typed and
a filter is never a silent miss because of a spelling of the scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmsproject.editorial.visibility import EditorialRow, unrestricted


@dataclass(frozen=True)
class Scheme:
    key: str
    label: str
    #: the whole value must match (after :meth:`normalise`)
    pattern: str
    example: str
    #: the value's page at the scheme's keeper ("{}" is the value); "" when it has none
    link: str = ""
    #: what an editor may paste instead of the bare value (a page URL), the value as group 1
    pasted: str = ""
    upper: bool = False

    def normalise(self, value: str) -> str:
        value = (value or "").strip()
        if self.pasted:
            found = re.fullmatch(self.pasted, value)
            if found:
                value = found.group(1)
        return value.upper() if self.upper else value

    def url(self, value: str) -> str:
        return self.link.format(value) if self.link else ""


SCHEMES: dict[str, Scheme] = {
    scheme.key: scheme
    for scheme in (
        Scheme(
            "wikidata",
            "Wikidata",
            r"Q[1-9][0-9]*",
            "Q15031",
            "https://www.wikidata.org/wiki/{}",
            pasted=r"(?i)https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[0-9]+)/?",
            upper=True,
        ),
        Scheme("iso3166-1-alpha-3", "ISO 3166-1 alpha-3", r"[A-Z]{3}", "KAZ", upper=True),
        Scheme("iso3166-1-alpha-2", "ISO 3166-1 alpha-2", r"[A-Z]{2}", "KZ", upper=True),
        Scheme(
            "geonames",
            "GeoNames",
            r"[1-9][0-9]*",
            "1526273",
            "https://www.geonames.org/{}",
            pasted=r"(?i)https?://(?:www\.|sws\.)?geonames\.org/([0-9]+)(?:/.*)?",
        ),
        Scheme(
            "viaf",
            "VIAF",
            r"[1-9][0-9]*",
            "305399467",
            "https://viaf.org/viaf/{}",
            pasted=r"(?i)https?://(?:www\.)?viaf\.org/viaf/([0-9]+)/?",
        ),
        Scheme("isni", "ISNI", r"[0-9]{15}[0-9X]", "0000000121032683", "https://isni.org/isni/{}"),
        # The UN Treaty Series registration number of a treaty (I-54113, II-1234…).
        Scheme("untc", "UN Treaty Collection registration number", r"[I]{1,2}-[0-9]+", "I-54113"),
    )
}
SCHEME_CHOICES = [(scheme.key, scheme.label) for scheme in SCHEMES.values()]


def parse(text: str) -> tuple[str, str]:
    """``"wikidata:Q15031"`` → ``("wikidata", "Q15031")``, checked; ValueError saying what is
    wrong otherwise (the API's ``?identifier=`` filter answers it as a 400)."""
    scheme_key, sep, value = (text or "").partition(":")
    scheme_key = scheme_key.strip().lower()
    if not sep or not value.strip():
        raise ValueError(
            "Give a scheme and a value, e.g. wikidata:Q15031; "
            f"the schemes are {', '.join(SCHEMES)}."
        )
    scheme = SCHEMES.get(scheme_key)
    if scheme is None:
        raise ValueError(f"Unknown scheme {scheme_key!r}; the schemes are {', '.join(SCHEMES)}.")
    value = scheme.normalise(value)
    if not re.fullmatch(scheme.pattern, value):
        raise ValueError(f"{value!r} is not a {scheme.label} identifier (e.g. {scheme.example}).")
    return scheme_key, value


class Identifier(EditorialRow):
    """The record as another dataset knows it: a scheme and a value."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    scheme = models.CharField(
        max_length=20,
        choices=SCHEME_CHOICES,
        help_text=_("Which dataset the value belongs to: Wikidata, ISO 3166, GeoNames…"),
    )
    value = models.CharField(
        max_length=100,
        help_text=_("The record's identifier there, e.g. Q15031 (a Wikidata page's URL is fine)."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme", "value"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="identifier_record"),
            models.Index(fields=["scheme", "value"], name="identifier_lookup"),
        ]
        constraints = [
            # One record of a type per identifier: two people with one QID are one person.
            models.UniqueConstraint(
                fields=["content_type", "scheme", "value"], name="identifier_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"

    @property
    def url(self) -> str:
        scheme = SCHEMES.get(self.scheme)
        return scheme.url(self.value) if scheme else ""

    @property
    def scheme_label(self) -> str:
        scheme = SCHEMES.get(self.scheme)
        return scheme.label if scheme else self.scheme

    def clean(self) -> None:
        scheme = SCHEMES.get(self.scheme)
        if scheme is None:
            return  # the field's own choices say so
        self.value = scheme.normalise(self.value)
        if not re.fullmatch(scheme.pattern, self.value):
            raise ValidationError(
                {"value": _(f"Not a {scheme.label} identifier; it looks like {scheme.example}.")}
            )
        if self.content_type_id is not None:
            holder = holder_of(self.content_type.model_class(), self.scheme, self.value)
            if holder is not None and holder.pk != self.object_id:
                raise ValidationError(
                    {
                        "value": f"{self.scheme}:{self.value} is already the identifier of "
                        f"“{holder}”: one record per identifier."
                    }
                )


def holder_of(model: type[models.Model] | None, scheme: str, value: str) -> models.Model | None:
    """The record of ``model`` that already carries ``scheme:value`` (drafts included)."""
    if model is None:
        return None
    with unrestricted():
        row = (
            Identifier.objects.filter(
                content_type=ContentType.objects.get_for_model(model), scheme=scheme, value=value
            )
            .only("object_id")
            .first()
        )
        return model._base_manager.filter(pk=row.object_id).first() if row else None


def identifiers_relation() -> GenericRelation:
    """A record's identifiers (``record.identifiers``; ``identifiers__value`` in lookups)."""
    return GenericRelation(Identifier, related_query_name="%(class)s")
