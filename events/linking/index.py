"""The name index: every name and alias of every record, folded, in one lookup table.

Built once from the database and kept in memory until a record or alias changes. Lookups are by
the tuple of word skeletons, so matching a text costs a few dictionary probes per word whatever
the number of records (one compiled matcher, not a loop over people).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save

from cmsproject import caching
from cmsproject.editorial.visibility import unrestricted

from .folding import fold_word, skeleton, words

CJK = re.compile(r"[\u3400-\u9fff]")
TITLE_WORDS = {
    "president",
    "minister",
    "chairman",
    "chairwoman",
    "ambassador",
    "premier",
    "secretary",
    "speaker",
    "leader",
    "envoy",
    "counterpart",
    "deputy",
    "head",
}


@dataclass(frozen=True)
class Entry:
    kind: str  # person, organization, place, agreement, event
    record_id: int
    folded: tuple[str, ...]
    exact: str = ""  # abbreviations such as SCO match only as written


@dataclass
class PersonFacts:
    id: int
    name: str
    slug: str
    given_folded: tuple[str, ...]
    surname_folded: str
    positions: list[tuple] = field(default_factory=list)  # start, end, precision, title, role
    written: tuple[str, ...] = ()  # the name, native name and aliases as editors wrote them


@dataclass
class NameIndex:
    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    people: dict[int, PersonFacts] = field(default_factory=dict)
    names: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)  # name, slug
    cjk: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    events: list[dict] = field(default_factory=list)
    # Events by participant: an event is reported only where one of its people is named.
    events_of_person: dict[int, list[dict]] = field(default_factory=lambda: defaultdict(list))
    max_words: int = 1
    _cjk_pattern: re.Pattern | None = None
    _surname_skeletons: dict[str, list[str]] | None = None

    @property
    def cjk_pattern(self) -> re.Pattern | None:
        """One alternation of every CJK name, longest first (written without spaces, they are
        found as substrings)."""
        if self._cjk_pattern is None and self.cjk:
            names = sorted(self.cjk, key=len, reverse=True)
            self._cjk_pattern = re.compile("|".join(re.escape(n) for n in names))
        return self._cjk_pattern

    @property
    def surname_skeletons(self) -> dict[str, list[str]]:
        """The folded surnames by skeleton, to find a misspelt surname ("Nurtileu") among the
        ones we know ("Nurtleu") in a probe rather than a loop over people."""
        if self._surname_skeletons is None:
            by_skeleton: dict[str, list[str]] = defaultdict(list)
            for surname in self.surnames:
                by_skeleton[skeleton(surname)].append(surname)
            self._surname_skeletons = dict(by_skeleton)
        return self._surname_skeletons

    def add(self, kind: str, record_id: int, name: str, *, exact: bool = False) -> None:
        name = (name or "").strip()
        if not name:
            return
        if CJK.search(name) and " " not in name:
            self.cjk[name].append(Entry(kind, record_id, (name,)))
            return
        tokens = [fold_word(w) for w, _, _ in words(name)]
        if not tokens:
            return
        key = tuple(skeleton(t) for t in tokens)
        entry = Entry(kind, record_id, tuple(tokens), exact=name if exact else "")
        if entry not in self.entries[key]:
            self.entries[key].append(entry)
        self.max_words = max(self.max_words, len(tokens))


def _is_abbreviation(name: str) -> bool:
    return len(name) <= 6 and name.upper() == name and name.isalpha()


def build_index() -> NameIndex:
    """Read every record's names from the database (a handful of queries)."""
    from events.models import (
        Agreement,
        Event,
        Organization,
        Participation,
        Person,
        Place,
        Position,
    )

    index = NameIndex()
    for person in Person.objects.select_related("country").prefetch_related("aliases"):
        index.names[("person", person.id)] = (person.name, person.slug)
        surname, given = name_parts(person)
        family_first = _family_name_first(person)
        index.surnames[fold_word(surname)].append(person.id)
        written = [person.name, person.native_name, *(a.name for a in person.aliases.all())]
        for name in written:
            parts = [w for w, _, _ in words(name or "")]
            if CJK.search(name or "") or len(parts) > 1:
                index.add("person", person.id, name)
            if parts and not CJK.search(name):
                # the surname as this spelling gives it: "Caparov", "Токаев"
                index.surnames[fold_word(parts[0] if family_first else parts[-1])].append(person.id)
        index.people[person.id] = PersonFacts(
            id=person.id,
            name=person.name,
            slug=person.slug,
            given_folded=tuple(fold_word(g) for g in given),
            surname_folded=fold_word(surname),
            written=tuple(name for name in written if name),
        )
    for key, ids in index.surnames.items():
        index.surnames[key] = sorted(set(ids))
    for pos in Position.objects.values_list(
        "person_id", "start_date", "end_date", "end_precision", "title", "role"
    ):
        if pos[0] in index.people:
            index.people[pos[0]].positions.append(pos[1:])
    for org in Organization.objects.prefetch_related("aliases"):
        index.names[("organization", org.id)] = (org.name, org.slug)
        index.add("organization", org.id, org.name)
        for name in [org.short_name, *(a.name for a in org.aliases.all())]:
            index.add("organization", org.id, name, exact=_is_abbreviation(name or ""))
    for place in Place.objects.prefetch_related("aliases"):
        index.names[("place", place.id)] = (place.name, place.slug)
        for name in [place.name, *(a.name for a in place.aliases.all())]:
            index.add("place", place.id, name)
    for agreement in Agreement.objects.prefetch_related("aliases"):
        index.names[("agreement", agreement.id)] = (agreement.title, agreement.slug)
        for name in [agreement.title, *(a.name for a in agreement.aliases.all())]:
            if len(words(name)) >= 3:
                index.add("agreement", agreement.id, name)
    people_of_event: dict[int, set[int]] = defaultdict(set)
    for event_id, person_id in Participation.objects.values_list("event_id", "person_id"):
        people_of_event[event_id].add(person_id)
    rows = Event.objects.values_list("id", "title", "slug", "start_date", "end_date", "place_id")
    for event_id, title, slug, start, end, place_id in rows:
        index.names[("event", event_id)] = (title, slug)
        if len(words(title)) >= 4:
            index.add("event", event_id, title)
        event = {
            "id": event_id,
            "order": len(index.events),
            "start": start,
            "end": end or start,
            "place_id": place_id,
            "people": people_of_event.get(event_id, set()),
        }
        index.events.append(event)
        for person_id in event["people"]:
            index.events_of_person[person_id].append(event)
    return index


def name_parts(person) -> tuple[str, list[str]]:
    """(surname, given names): from "Surname, Given" sort names, else family-name-first for
    Chinese names and last-word surnames for the rest."""
    if person.sort_name and "," in person.sort_name and not _family_name_first(person):
        surname, given = person.sort_name.split(",", 1)
        return surname.strip(), [w for w, _, _ in words(given)]
    parts = [w for w, _, _ in words(person.name)]
    if not parts:
        return "", []
    if _family_name_first(person):
        return parts[0], parts[1:]
    return parts[-1], parts[:-1]


def _family_name_first(person) -> bool:
    """Chinese names put the family name first (Xi Jinping, Wang Yi)."""
    country = getattr(person, "country", None)
    return country is not None and country.iso_code == "CHN"


_lock = threading.Lock()
_cached: NameIndex | None = None
_cached_version: int | None = None


def get_index() -> NameIndex:
    """The index, rebuilt when any process has changed a name since it was built: the names
    counter lives in the database, so an app server sees another's new person at once.

    It holds every record, drafts included, whoever's request builds it (an editor's import
    links drafts; a reader's request must not leave it without them): readers' paths keep
    only the published records of what it finds."""
    global _cached, _cached_version
    version = caching.current(caching.NAMES)
    if caching.bypassing():  # names changed in a rehearsal that is rolled back: not kept
        with _lock:
            if _cached is not None and _cached_version == version:
                return _cached
        with unrestricted():
            return build_index()
    with _lock:
        if _cached is None or _cached_version != version:
            with unrestricted():
                _cached, _cached_version = build_index(), version
        return _cached


def invalidate(**kwargs) -> None:
    global _cached
    if not kwargs.get("raw"):
        caching.bump(caching.NAMES)
    with _lock:
        _cached = None


def connect_signals() -> None:
    from events import models as m

    for model in (
        m.Person,
        m.PersonAlias,
        m.Position,
        m.Organization,
        m.OrganizationAlias,
        m.Place,
        m.PlaceAlias,
        m.Agreement,
        m.AgreementAlias,
        m.Event,
        m.Participation,
    ):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"linking-{model.__name__}-s")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"linking-{model.__name__}-d")
