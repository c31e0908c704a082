"""Which published people a name written on its own may mean on a date: /api/v1/resolve/.

The import finds names in running text (:mod:`.matcher`), where a surname alone counts only
after a title or the full name. Here the whole query is one name, so a surname alone
("Tokayev", "Токаеву") is enough, and every person it may mean is kept, best first, rather
than guessed between. The index and the folding are the linker's, so a spelling the import
recognises, the resolver recognises too.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from cmsproject.editorial.visibility import for_readers

from ..models import Person, Position
from .folding import drops_case_ending, fold_name, fold_word, skeleton, words
from .index import TITLE_WORDS, NameIndex, PersonFacts, get_index
from .matcher import INITIALS, close_spellings, entry_matches, initials_fit

# The rules a name is matched by, as the API documents them (stable values).
RULES = {
    "exact": "the name or an alias as written (letter case, hyphens and dots aside), or a "
    "name in native script",
    "transliteration": "another spelling of the same sounds: Tokaev for Tokayev, Caparov or "
    "Zaparov for Japarov",
    "inflection": "a Russian case form: Токаеву for Токаев",
    "misspelling": "a vowel changed or dropped: Nurtileu for Nurtleu",
    "initials": "initials that fit the given names before the surname: K.K. Tokaev",
}
SCORES = {
    "exact": 1.0,
    "transliteration": 0.9,
    "inflection": 0.9,
    "initials": 0.8,
    "misspelling": 0.7,
}
# A surname alone may be anyone's of that name: it weighs less than a full name.
SURNAME_ONLY = 0.6


@dataclass(frozen=True)
class Match:
    person_id: int
    matched: str  # the name, alias or surname as we keep it
    rule: str
    surname_only: bool = False

    @property
    def score(self) -> float:
        return round(SCORES[self.rule] * (SURNAME_ONLY if self.surname_only else 1.0), 2)


@dataclass(frozen=True)
class Resolved:
    person: Person
    offices: list[Position]  # held on the date asked, most senior first
    match: Match


def resolve_person_name(*, name: str, on_date: datetime.date) -> list[Resolved]:
    """The published people ``name`` may mean, best match first; of equal matches, those in
    office on ``on_date`` first. Offices are those held that day at published organizations.
    A few queries, however many people there are (the index is built once per change)."""
    stages = match_people(name, get_index())
    candidates = {m.person_id for stage in stages for m in stage}
    if not candidates:
        return []
    # Drafts stay in the index, never in the answer. (Querysets take the audience they are
    # made under: both are made inside the block.)
    with for_readers():
        offices = Prefetch(
            "positions",
            queryset=Position.objects.held_on(on_date).select_related("organization"),
        )
        people = Person.objects.published().filter(pk__in=candidates).prefetch_related(offices)
        published = {p.pk: p for p in people}
    # The strongest stage that names a published person: a draft's full name must not hide
    # a published person of that surname.
    for stage in stages:
        found = [
            Resolved(published[m.person_id], published[m.person_id].positions_on(on_date), m)
            for m in stage
            if m.person_id in published
        ]
        if found:
            return sorted(
                found, key=lambda r: (-r.match.score, not r.offices, r.person.name, r.person.pk)
            )
    return []


def match_people(name: str, index: NameIndex) -> list[list[Match]]:
    """Everyone in the index ``name`` may mean, by stage, strongest first: a full name or
    alias; initials and a surname; a surname alone. One match per person in a stage, its
    best."""
    stages = [
        _native_script(name, index) + _full_names(name, index),
        _initials(name, index),
        _surname(name, index),
    ]
    return [_best_per_person(stage) for stage in stages]


def _best_per_person(matches: list[Match]) -> list[Match]:
    best: dict[int, Match] = {}
    for match in matches:
        if match.person_id not in best or match.score > best[match.person_id].score:
            best[match.person_id] = match
    return list(best.values())


def _native_script(name: str, index: NameIndex) -> list[Match]:
    """Chinese characters are written without spaces: a known name anywhere in the query."""
    if index.cjk_pattern is None:
        return []
    return [
        Match(entry.record_id, found.group(), "exact")
        for found in index.cjk_pattern.finditer(name)
        for entry in index.cjk[found.group()]
        if entry.kind == "person"
    ]


def _full_names(name: str, index: NameIndex) -> list[Match]:
    """The longest run of the query's words that is someone's name or alias ("President
    Kassym-Jomart Tokayev" finds "Kassym-Jomart Tokayev")."""
    toks = words(name)
    folded = [fold_word(w) for w, _, _ in toks]
    skel = [skeleton(f) for f in folded]
    for length in range(min(index.max_words, len(toks)), 0, -1):
        matches = []
        for i in range(len(toks) - length + 1):
            span, written = tuple(folded[i : i + length]), [w for w, _, _ in toks[i : i + length]]
            original = name[toks[i][1] : toks[i + length - 1][2]]
            for entry in index.entries.get(tuple(skel[i : i + length]), ()):
                if entry.kind == "person" and entry_matches(entry, span, original):
                    person = index.people[entry.record_id]
                    matches.append(_full_name_match(person, written, span, entry.folded))
        if matches:
            return matches
    return []


def _full_name_match(person: PersonFacts, written, span, entry_folded) -> Match:
    as_written = [w.casefold() for w in written]
    for form in person.written:
        if [w.casefold() for w, _, _ in words(form)] == as_written:
            return Match(person.id, form, "exact")
    form = next((f for f in person.written if fold_name(f) == entry_folded), person.name)
    if span != entry_folded:
        return Match(person.id, form, "misspelling")
    rule = "inflection" if any(drops_case_ending(w) for w in written) else "transliteration"
    return Match(person.id, form, rule)


def _initials(name: str, index: NameIndex) -> list[Match]:
    """Initials that fit the given names, then a surname we know: "K.K.Tokaev",
    "Sh. Mirziyoyev"."""
    found = INITIALS.search(name)
    if found is None:
        return []
    after = [w for w, start, _ in words(name) if start >= found.end()]
    if not after:
        return []
    surname = fold_word(after[0])
    initials = [fold_word(x) for x, _, _ in words(found.group(1))]
    return [
        Match(pid, _form_with(index.people[pid], surname), "initials")
        for pid in index.surnames.get(surname, ())
        if initials_fit(initials, index.people[pid].given_folded)
    ]


def _surname(name: str, index: NameIndex) -> list[Match]:
    """A single word (titles aside: "President Tokayev") that is a surname we know, in any
    spelling or case form, or misspelt."""
    remaining = [w for w, _, _ in words(name) if w.casefold() not in TITLE_WORDS]
    if len(remaining) != 1:
        return []
    word = remaining[0]
    folded = fold_word(word)
    if folded in index.surnames:
        rule = "inflection" if drops_case_ending(word) else "transliteration"
        return [
            _surname_match(index.people[pid], word, folded, rule) for pid in index.surnames[folded]
        ]
    return [
        _surname_match(index.people[pid], word, known, "misspelling")
        for known in index.surname_skeletons.get(skeleton(folded), ())
        if close_spellings((folded,), (known,))
        for pid in index.surnames[known]
    ]


def _surname_match(person: PersonFacts, word: str, folded: str, rule: str) -> Match:
    forms = [w for form in person.written for w, _, _ in words(form) if fold_word(w) == folded]
    same = [f for f in forms if f.casefold() == word.casefold()]
    if same:
        return Match(person.id, same[0], "exact", surname_only=True)
    return Match(person.id, forms[0] if forms else person.name, rule, surname_only=True)


def _form_with(person: PersonFacts, surname: str) -> str:
    """The first of the person's names that has this surname (folded) in it."""
    for form in person.written:
        if any(fold_word(w) == surname for w, _, _ in words(form)):
            return form
    return person.name
