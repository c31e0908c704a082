"""Loads the demo dataset (the data modules beside this one) so that a second run writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from events.models import (
    Agreement,
    AgreementAlias,
    Event,
    EventSeries,
    Figure,
    Identifier,
    Indicator,
    Organization,
    OrganizationAlias,
    Participation,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    Position,
    Signatory,
    Topic,
)
from sources.ingestion.dedup import content_hash
from sources.models import Citation, Outlet, Source

from .agreements import AGREEMENTS
from .events import EVENTS, SERIES
from .figures import FIGURES, INDICATORS
from .ministers import MINISTERS
from .people import LEADERS
from .sources import CITATIONS, OUTLETS, SOURCES
from .states import BODIES, PLACES, STATES
from .topics import TOPICS
from .values import editorial, exact_date, partial_date

CHANGE_REASON = "Demo data"
PEOPLE = [*LEADERS, *MINISTERS]  # in this order, as they are loaded
RECORD_TYPES: dict[str, type[models.Model]] = {
    "organization": Organization,
    "place": Place,
    "person": Person,
    "event": Event,
    "agreement": Agreement,
    "topic": Topic,
    "indicator": Indicator,
    "figure": Figure,
}

M = TypeVar("M", bound=models.Model)


@dataclass
class DemoResult:
    """How many demo rows were created, brought back in line with the data, or left alone."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _stored(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname if field.many_to_one else name)


def _wanted(obj: models.Model, name: str, value: Any) -> Any:
    if obj._meta.get_field(name).many_to_one and isinstance(value, models.Model):
        return value.pk
    return value


class DemoLoader:
    """Writes the demo records one by one, each only when it is missing or differs."""

    def __init__(self) -> None:
        self.result = DemoResult()
        self.records: dict[tuple[str, str], models.Model] = {}  # (type, slug) -> record
        self._unchanged: set[tuple[str, int]] = set()  # rows found as the data has them

    def upsert(self, model: type[M], *, lookup: dict[str, Any], values: dict[str, Any]) -> M:
        """The row that ``lookup`` finds, created or changed to hold ``values``.

        Nothing is saved when every value already matches, so no history row is written either.
        """
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            self._save(obj)
            self.result.created += 1
            return obj
        changed = [k for k, v in values.items() if _stored(obj, k) != _wanted(obj, k, v)]
        for name in changed:
            setattr(obj, name, values[name])
        if changed:
            self._save(obj)
            self.result.updated += 1
        else:
            self.result.unchanged += 1
            self._unchanged.add((obj._meta.label, obj.pk))
        return obj

    def _save(self, obj: models.Model) -> None:
        obj.full_clean()
        obj._history_user = None
        obj._change_reason = CHANGE_REASON
        obj.save()

    def sync_m2m(self, obj: models.Model, name: str, targets: list[models.Model]) -> None:
        """Set a many-to-many field only when its members differ (each change is history)."""
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) == {t.pk for t in targets}:
            return
        obj._history_user = None
        obj._change_reason = CHANGE_REASON
        manager.set(targets)
        key = (obj._meta.label, obj.pk)
        if key in self._unchanged:  # its fields matched, its links did not: it was updated
            self._unchanged.discard(key)
            self.result.unchanged -= 1
            self.result.updated += 1

    def aliases(
        self, model: type[models.Model], owner_field: str, owner: models.Model, rows: list[tuple]
    ) -> None:
        """Aliases of ``owner``: (name, kind, language) or, for a former name, with its dates."""
        for name, kind, language, *dates in rows:
            valid_from, valid_to = (exact_date(d) for d in (dates or [None, None]))
            self.upsert(
                model,
                lookup={owner_field: owner, "name": name},
                values={
                    "kind": kind,
                    "language": language,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                },
            )

    def identifiers(self, record: models.Model, rows: list[tuple[str, str]]) -> None:
        """External identifiers of ``record``: (scheme, value)."""
        content_type = ContentType.objects.get_for_model(type(record))
        for scheme, value in rows:
            self.upsert(
                Identifier,
                lookup={"content_type": content_type, "object_id": record.pk, "scheme": scheme},
                values={"value": value},
            )

    def get(self, kind: str, slug: str | None) -> Any:
        return self.records[(kind, slug)] if slug else None

    def organizations(self) -> None:
        for item in STATES:
            self._organization({**item, "kind": Organization.Kind.STATE})
        for item in BODIES:
            self._organization(item)

    def _organization(self, item: dict) -> None:
        org = self.upsert(
            Organization,
            lookup={"slug": item["slug"]},
            values={
                "name": item["name"],
                "short_name": item.get("short_name", ""),
                "kind": item["kind"],
                "iso_code": item.get("iso_code", ""),
                "parent": self.get("organization", item.get("parent")),
                "founded_on": exact_date(item.get("founded_on")),
                "description": item.get("description", ""),
                **editorial(item),
            },
        )
        self.records[("organization", org.slug)] = org
        members = [self.get("organization", s) for s in item.get("members", [])]
        self.sync_m2m(org, "members", members)
        self.aliases(OrganizationAlias, "organization", org, item.get("aliases", []))
        self.identifiers(org, item.get("identifiers", []))

    def places(self) -> None:
        for item in PLACES:
            place = self.upsert(
                Place,
                lookup={"slug": item["slug"]},
                values={
                    "name": item["name"],
                    "country": self.get("organization", item["country"]),
                    "latitude": Decimal(item["latitude"]),
                    "longitude": Decimal(item["longitude"]),
                    "description": item.get("description", ""),
                    **editorial(item),
                },
            )
            self.records[("place", place.slug)] = place
            self.aliases(PlaceAlias, "place", place, item.get("aliases", []))

    def topics(self) -> None:
        for item in TOPICS:
            topic = self.upsert(
                Topic,
                lookup={"slug": item["slug"]},
                values={
                    "name": item["name"],
                    "parent": self.get("topic", item.get("parent")),
                    "description": item.get("description", ""),
                    **editorial(item),
                },
            )
            self.records[("topic", topic.slug)] = topic

    def people(self) -> None:
        for item in PEOPLE:
            country = self.get("organization", item["country"])
            person = self.upsert(
                Person,
                lookup={"slug": item["slug"]},
                values={
                    "name": item["name"],
                    "sort_name": item["sort_name"],
                    "native_name": item.get("native_name", ""),
                    "country": country,
                    "biography": item.get("biography", ""),
                    **editorial(item),
                },
            )
            self.records[("person", person.slug)] = person
            self.aliases(PersonAlias, "person", person, item.get("aliases", []))
            self.identifiers(person, item.get("identifiers", []))
            for position in item.get("positions", []):
                self._position(person, country, position)

    def _position(self, person: Person, country: Organization, item: dict) -> None:
        start, start_precision = partial_date(item.get("start"))
        end, end_precision = partial_date(item.get("end"))
        self.upsert(
            Position,
            lookup={
                "person": person,
                "organization": self.get("organization", item.get("organization")) or country,
                "role": item["role"],
                "start_date": start,
            },
            values={
                "title": item["title"],
                "is_acting": item.get("is_acting", False),
                "start_precision": start_precision,
                "end_date": end,
                "end_precision": end_precision,
                "note": item.get("note", ""),
            },
        )

    def events(self) -> None:
        series = {
            item["slug"]: self.upsert(
                EventSeries,
                lookup={"slug": item["slug"]},
                values={
                    "name": item["name"],
                    "description": item["description"],
                    **editorial(item),
                },
            )
            for item in SERIES
        }
        for item in EVENTS:
            start, precision = partial_date(item["start"])
            event = self.upsert(
                Event,
                lookup={"slug": item["slug"]},
                values={
                    "title": item["title"],
                    "kind": item["kind"],
                    "series": series.get(item.get("series")),
                    "ordinal": item.get("ordinal"),
                    "start_date": start,
                    "end_date": exact_date(item.get("end")),
                    "date_precision": precision,
                    "place": self.get("place", item.get("place")),
                    "is_online": item.get("is_online", False),
                    "host": self.get("organization", item.get("host")),
                    "parent": self.get("event", item.get("parent")),
                    "summary": item.get("summary", ""),
                    **editorial(item),
                },
            )
            self.records[("event", event.slug)] = event
            self.sync_m2m(event, "topics", [self.get("topic", s) for s in item.get("topics", [])])
            for order, (person, representing, *role) in enumerate(item.get("participants", [])):
                self.upsert(
                    Participation,
                    lookup={"event": event, "person": self.get("person", person)},
                    values={
                        "representing": self.get("organization", representing),
                        "role": role[0] if role else "",
                        "order": order,
                    },
                )

    def agreements(self) -> None:
        for item in AGREEMENTS:
            agreement = self.upsert(
                Agreement,
                lookup={"slug": item["slug"]},
                values={
                    "title": item["title"],
                    "kind": item["kind"],
                    "signed_on": exact_date(item.get("signed_on")),
                    "signed_at": self.get("event", item.get("signed_at")),
                    "place": self.get("place", item.get("place")),
                    "legal_status": item.get("legal_status", Agreement.LegalStatus.SIGNED),
                    "summary": item.get("summary", ""),
                    **editorial(item),
                },
            )
            self.records[("agreement", agreement.slug)] = agreement
            parties = [self.get("organization", s) for s in item.get("parties", [])]
            self.sync_m2m(agreement, "parties", parties)
            self.sync_m2m(agreement, "topics", [self.get("topic", s) for s in item["topics"]])
            self.aliases(AgreementAlias, "agreement", agreement, item.get("aliases", []))
            for order, (person, party) in enumerate(item.get("signatories", [])):
                self.upsert(
                    Signatory,
                    lookup={
                        "agreement": agreement,
                        "person": self.get("person", person),
                        "on_behalf_of": self.get("organization", party),
                    },
                    values={"order": order},
                )

    def sources(self) -> None:
        outlets = {
            item["slug"]: self.upsert(
                Outlet,
                lookup={"slug": item["slug"]},
                values={
                    **{k: v for k, v in item.items() if k != "slug"},
                    **editorial(item),
                },
            )
            for item in OUTLETS
        }
        for item in SOURCES:
            source = self.upsert(
                Source,
                lookup={"slug": item["slug"]},
                values={
                    "title": item["title"],
                    "outlet": outlets.get(item.get("outlet")),
                    "published_on": exact_date(item["published_on"]),
                    "language": "en",
                    "summary": item["summary"],
                    "body": item["body"],
                    "content_hash": content_hash(item["body"]),
                    **editorial(item),
                },
            )
            self.records[("source", source.slug)] = source

    def figures(self) -> None:
        for item in INDICATORS:
            indicator = self.upsert(
                Indicator,
                lookup={"slug": item["slug"]},
                values={
                    **{k: v for k, v in item.items() if k != "slug"},
                    **editorial(item),
                },
            )
            self.records[("indicator", indicator.slug)] = indicator
        for item in FIGURES:
            start, end = item["period"]
            figure = self.upsert(
                Figure,
                lookup={"slug": item["slug"]},
                values={
                    "indicator": self.get("indicator", item["indicator"]),
                    "party": self.get("organization", item["party"]),
                    "partner": self.get("organization", item.get("partner")),
                    "period_start": exact_date(start),
                    "period_end": exact_date(end),
                    "value": Decimal(item["value"]),
                    "unit": item["unit"],
                    "note": item.get("note", ""),
                    **editorial(item),
                },
            )
            self.records[("figure", figure.slug)] = figure

    def citations(self) -> None:
        for source, (kind, slug), excerpt, claim, note in all_citations():
            record = self.get(kind, slug)
            self.upsert(
                Citation,
                lookup={
                    "source": self.get("source", source),
                    "content_type": ContentType.objects.get_for_model(RECORD_TYPES[kind]),
                    "object_id": record.pk,
                    "claim": claim,
                },
                values={"excerpt": excerpt, "note": note},
            )


def all_citations() -> list[tuple]:
    """Every demo citation: (source, (record type, slug), excerpt, claim, note)."""
    figures = [
        (item["citation"][0], ("figure", item["slug"]), item["citation"][1], "value", "")
        for item in FIGURES
    ]
    return [*CITATIONS, *figures]


def load_demo() -> DemoResult:
    """Create or bring up to date every demo record, in one transaction.

    Records are matched by natural keys (slugs; person, organization, role and start for
    positions; event and person for participations…), never deleted, and saved only when a
    value differs, so running it again creates no row in any table, history included.
    """
    loader = DemoLoader()
    with transaction.atomic():
        loader.organizations()
        loader.places()
        loader.topics()
        loader.people()
        loader.events()
        loader.sources()
        loader.agreements()
        loader.figures()
        loader.citations()
    return loader.result
