"""Synthetic data at scale for benchmarks: realistic shapes, every relation filled, seeded.

Everything is inserted with ``bulk_create`` in batches, streaming: only the ids of what was
made are kept in memory, so 100,000 sources cost the same memory as 1,000. The search index is
rebuilt at the end (bulk inserts bypass the signals that keep it in step).
"""

from __future__ import annotations

import datetime
import hashlib
import random
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cmsproject.editorial.models import Status
from events.models import (
    Agreement,
    Event,
    EventSeries,
    Figure,
    Indicator,
    Mention,
    Organization,
    Participation,
    Person,
    PersonAlias,
    Place,
    Position,
    Signatory,
    Topic,
)
from sources.models import Citation, Outlet, Source

BATCH = 2000
SYLLABLES = [
    "ka",
    "sy",
    "mur",
    "at",
    "nur",
    "zhan",
    "bek",
    "tur",
    "sul",
    "tan",
    "ai",
    "dar",
    "ras",
    "ul",
    "ser",
    "gei",
    "tem",
    "ir",
    "bo",
    "lat",
    "xi",
    "wen",
    "ming",
    "li",
    "jun",
    "hao",
    "shav",
    "kat",
    "ro",
    "dion",
    "em",
    "om",
    "gul",
    "na",
    "ra",
    "za",
]
SURNAME_ENDINGS = ["ov", "ev", "yev", "uly", "bekov", "zoda", "iev", "in", "ova"]
KINDS = [k for k, _ in Event.Kind.choices]
AGREEMENT_KINDS = [k for k, _ in Agreement.Kind.choices]
WORDS = [
    "cooperation",
    "trade",
    "energy",
    "transport",
    "security",
    "investment",
    "agriculture",
    "water",
    "digital",
    "culture",
    "education",
    "health",
    "customs",
    "border",
    "logistics",
    "railway",
    "pipeline",
    "finance",
    "tourism",
    "climate",
    "industry",
    "innovation",
    "science",
    "youth",
    "media",
    "region",
    "partnership",
    "dialogue",
]


@dataclass
class Sizes:
    sources: int = 1000
    events: int = 100
    people: int = 50
    agreements: int = 20


def _status(rng: random.Random) -> str:
    r = rng.random()
    return Status.PUBLISHED if r < 0.85 else Status.DRAFT if r < 0.95 else Status.REVIEW


def _name(rng: random.Random) -> tuple[str, str]:
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    surname = "".join(rng.choice(SYLLABLES) for _ in range(2)) + rng.choice(SURNAME_ENDINGS)
    return given, surname.capitalize()


def _batched(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(model, rows: Iterator, progress: Callable[[int], None]) -> list[int]:
    ids: list[int] = []
    for batch in _batched(rows):
        made = model.objects.bulk_create(batch)
        ids.extend(obj.pk for obj in made)
        progress(len(batch))
    return ids  # SQLite 3.35+ and PostgreSQL return the new primary keys


INDICATORS = [
    ("bilateral-trade-turnover", "Bilateral trade turnover", True),
    ("exports-to-partner", "Exports to the partner", False),
    ("investment-stock", "Accumulated investment", False),
]


def add_known_person() -> Person:
    """A person readers and clients ask for by name (the benchmark resolves "Tokayev"), so that
    a name lookup finds someone with an office, as it does on the real site."""
    now = timezone.now()
    kazakhstan = Organization.objects.filter(iso_code="KAZ").first()
    person, made = Person.objects.get_or_create(
        slug="kassym-jomart-tokayev",
        defaults={
            "name": "Kassym-Jomart Tokayev",
            "sort_name": "Tokayev, Kassym-Jomart",
            "status": Status.PUBLISHED,
            "published_at": now,
            "country": kazakhstan,
        },
    )
    if made and kazakhstan is not None:
        Position.objects.create(
            person=person,
            organization=kazakhstan,
            role="head_of_state",
            title="President",
            start_date=datetime.date(2019, 3, 20),
        )
    return person


def _figures(
    rng: random.Random,
    tag: str,
    states: list[Organization],
    sources: list[int],
    count: int,
    stamp: Callable,
    progress: Callable[[int], None],
) -> None:
    """``count`` yearly figures of a few indicators between China and a Central Asian state,
    each cited, so that the figures pages and API have rows to show."""
    now = timezone.now()
    indicators = [
        Indicator.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "symmetric": symmetric,
                "status": Status.PUBLISHED,
                "published_at": now,
            },
        )[0].pk
        for slug, name, symmetric in INDICATORS
    ]
    china = next((s.pk for s in states if s.iso_code == "CHN"), states[0].pk)
    others = [s.pk for s in states if s.pk != china]

    def rows():
        for i in range(count):
            year = rng.randint(2005, 2025)
            yield stamp(
                Figure(
                    indicator_id=rng.choice(indicators),
                    party_id=rng.choice(others),
                    partner_id=china,
                    period_start=datetime.date(year, 1, 1),
                    period_end=datetime.date(year, 12, 31),
                    value=rng.randint(1, 400) * 10**8,
                    unit="USD",
                    slug=f"f-{tag}-{i}",
                    status=_status(rng),
                )
            )

    figures = _insert(Figure, rows(), progress)
    figure_type = ContentType.objects.get_for_model(Figure)
    _insert(
        Citation,
        (
            Citation(
                source_id=rng.choice(sources),
                content_type=figure_type,
                object_id=f,
                excerpt="met counterparts to discuss",
            )
            for f in figures
        ),
        progress,
    )


def generate(
    sizes: Sizes,
    *,
    seed: int = 1,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Add a synthetic dataset of ``sizes`` to the database; returns counts made."""
    rng = random.Random(seed)
    now = timezone.now()
    # Slugs carry a run tag so that generating twice adds, never collides; content is seeded.
    tag = f"s{seed}-{secrets.token_hex(3)}"

    def tick(label: str) -> Callable[[int], None]:
        return (lambda n: progress(label, n)) if progress else (lambda n: None)

    def stamp(obj):
        obj.published_at = now if obj.status == Status.PUBLISHED else None
        return obj

    with transaction.atomic():
        states = list(Organization.objects.filter(kind=Organization.Kind.STATE))
        if len(states) < 6:
            for code, name in [
                ("CHN", "China"),
                ("KAZ", "Kazakhstan"),
                ("KGZ", "Kyrgyzstan"),
                ("TJK", "Tajikistan"),
                ("TKM", "Turkmenistan"),
                ("UZB", "Uzbekistan"),
            ]:
                Organization.objects.get_or_create(
                    iso_code=code,
                    defaults={
                        "name": name,
                        "kind": "state",
                        "slug": name.lower(),
                        "status": Status.PUBLISHED,
                        "published_at": now,
                    },
                )
            states = list(Organization.objects.filter(kind=Organization.Kind.STATE))
        state_ids = [s.pk for s in states]
        places = _insert(
            Place,
            (
                stamp(
                    Place(
                        name=f"City {tag} {i}",
                        slug=f"city-{tag}-{i}",
                        status=_status(rng),
                        country_id=rng.choice(state_ids),
                    )
                )
                for i in range(max(10, sizes.events // 50))
            ),
            tick("places"),
        )
        topics = _insert(
            Topic,
            (
                stamp(
                    Topic(
                        name=f"{w.capitalize()} {tag}",
                        slug=f"topic-{w}-{tag}",
                        status=Status.PUBLISHED,
                    )
                )
                for w in WORDS
            ),
            tick("topics"),
        )
        series = [
            EventSeries.objects.create(
                name=f"Series {tag} {i}",
                slug=f"series-{tag}-{i}",
                status=Status.PUBLISHED,
                published_at=timezone.now(),
            ).pk
            for i in range(5)
        ]
        outlets = _insert(
            Outlet,
            (
                stamp(
                    Outlet(
                        name=f"Outlet {tag} {i}",
                        slug=f"outlet-{tag}-{i}",
                        status=Status.PUBLISHED,
                        kind="wire",
                    )
                )
                for i in range(50)
            ),
            tick("outlets"),
        )

        names: list[tuple[str, str]] = []

        def people_rows():
            for i in range(sizes.people):
                given, surname = _name(rng)
                names.append((given, surname))
                yield stamp(
                    Person(
                        name=f"{given} {surname}",
                        slug=f"p-{tag}-{i}",
                        sort_name=f"{surname}, {given}",
                        status=_status(rng),
                        country_id=rng.choice(state_ids),
                    )
                )

        people = _insert(Person, people_rows(), tick("people"))
        _insert(
            PersonAlias,
            (
                PersonAlias(person_id=pid, name=variant)
                for pid, (given, surname) in zip(people, names, strict=True)
                for variant in {
                    f"{given} {surname.replace('ev', 'yev')}",
                    f"{given[0]}. {surname}",
                    surname.replace("zh", "j") + " " + given,
                }
            ),
            tick("aliases"),
        )
        _insert(
            Position,
            (
                Position(
                    person_id=pid,
                    organization_id=rng.choice(state_ids),
                    role=rng.choice(["head_of_state", "foreign_minister", "minister"]),
                    title=rng.choice(["President", "Minister of Foreign Affairs", "Minister"]),
                    start_date=datetime.date(rng.randint(1995, 2020), rng.randint(1, 12), 1),
                    end_date=None
                    if rng.random() < 0.4
                    else datetime.date(rng.randint(2021, 2025), rng.randint(1, 12), 1),
                )
                for pid in people
            ),
            tick("positions"),
        )

        def event_rows():
            for i in range(sizes.events):
                start = datetime.date(
                    rng.randint(2005, 2026), rng.randint(1, 12), rng.randint(1, 28)
                )
                yield stamp(
                    Event(
                        title=f"{rng.choice(WORDS).capitalize()} meeting {tag} {i}",
                        slug=f"e-{tag}-{i}",
                        kind=rng.choice(KINDS),
                        start_date=start,
                        end_date=start + datetime.timedelta(days=rng.choice([0, 0, 1, 2])),
                        place_id=rng.choice(places),
                        host_id=rng.choice(state_ids),
                        is_online=rng.random() < 0.1,
                        status=_status(rng),
                        series_id=rng.choice(series) if rng.random() < 0.2 else None,
                        summary=" ".join(rng.choice(WORDS) for _ in range(20)),
                    )
                )

        events = _insert(Event, event_rows(), tick("events"))
        Event.topics.through.objects.bulk_create(
            Event.topics.through(event_id=e, topic_id=rng.choice(topics)) for e in events
        )
        _insert(
            Participation,
            (
                Participation(event_id=e, person_id=p, representing_id=rng.choice(state_ids))
                for e in events
                for p in rng.sample(people, min(len(people), rng.randint(2, 6)))
            ),
            tick("participations"),
        )

        agreements = _insert(
            Agreement,
            (
                stamp(
                    Agreement(
                        title=f"{rng.choice(AGREEMENT_KINDS).replace('_', ' ').title()} on "
                        f"{rng.choice(WORDS)} {tag} {i}",
                        slug=f"a-{tag}-{i}",
                        kind=rng.choice(AGREEMENT_KINDS),
                        signed_on=datetime.date(rng.randint(2005, 2026), rng.randint(1, 12), 1),
                        signed_at_id=rng.choice(events),
                        status=_status(rng),
                    )
                )
                for i in range(sizes.agreements)
            ),
            tick("agreements"),
        )
        Agreement.parties.through.objects.bulk_create(
            Agreement.parties.through(agreement_id=a, organization_id=o)
            for a in agreements
            for o in rng.sample(state_ids, 2)
        )
        _insert(
            Signatory,
            (
                Signatory(
                    agreement_id=a,
                    person_id=rng.choice(people),
                    on_behalf_of_id=rng.choice(state_ids),
                )
                for a in agreements
            ),
            tick("signatories"),
        )

        def source_rows():
            for i in range(sizes.sources):
                given, surname = names[rng.randrange(len(names))] if names else ("A", "B")
                body = (
                    f"{given} {surname} met counterparts to discuss "
                    f"{rng.choice(WORDS)} and {rng.choice(WORDS)}.\n\n"
                    + " ".join(rng.choice(WORDS) for _ in range(120))
                )
                yield stamp(
                    Source(
                        title=f"Report on {rng.choice(WORDS)} {tag} {i}",
                        slug=f"s-{tag}-{i}",
                        outlet_id=rng.choice(outlets),
                        url=f"https://example.org/{tag}/{i}",
                        published_on=datetime.date(
                            rng.randint(2005, 2026), rng.randint(1, 12), rng.randint(1, 28)
                        ),
                        language="en",
                        body=body,
                        summary=body[:200],
                        status=_status(rng),
                        content_hash=hashlib.sha256(body.encode()).hexdigest(),
                    )
                )

        sources = _insert(Source, source_rows(), tick("sources"))
        if sources:
            _figures(rng, tag, states, sources, max(10, sizes.events // 5), stamp, tick("figures"))

        event_type = ContentType.objects.get_for_model(Event)
        person_type = ContentType.objects.get_for_model(Person)
        _insert(
            Citation,
            (
                Citation(
                    source_id=rng.choice(sources),
                    content_type=event_type,
                    object_id=e,
                    excerpt="met counterparts to discuss",
                )
                for e in events
                for _ in range(rng.randint(1, 3))
            ),
            tick("citations"),
        )
        _insert(
            Mention,
            (
                Mention(
                    source_id=s,
                    kind="person",
                    content_type=person_type,
                    object_id=rng.choice(people),
                    text="counterparts",
                    start=0,
                    end=12,
                )
                for s in sources[:: max(1, len(sources) // max(1, min(len(sources), 5000)))]
            ),
            tick("mentions"),
        )
    from cmsproject.caching import NAMES, bump
    from events.search import rebuild_index

    from .dbstats import refresh_statistics

    rebuild_index()
    refresh_statistics()  # the planner's picture of the new sizes
    bump()  # bulk inserts send no signals
    bump(NAMES)  # nor do they tell linking of the new names
    return {
        "sources": len(sources),
        "events": len(events),
        "people": len(people),
        "agreements": len(agreements),
    }
