"""Finding the names of the index in a text: exact offsets, longest match first.

Order of work for one text:

1. Full names and aliases (two words or more; abbreviations as written), longest first.
2. Initials before a surname ("K.K.Tokaev", "Sh.M. Mirziyoyev"): the initials must fit the
   person's given names.
3. A surname alone ("Caparov said", "Nurtleu and Wang"): the person already named in full in the
   text; otherwise, when a title stands before it ("President Tokayev"), the one person of that
   surname — or, if several share it, the one holding such an office on the source's date. Never
   guessed: several possible people make an *ambiguous* mention listing them.
4. A title before an unknown name ("Foreign Minister Ivan Petrov") proposes a new person.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import re
from dataclasses import dataclass, field

from ..models.people import covers
from .folding import fold_word, skeleton, words
from .index import TITLE_WORDS, Entry, NameIndex

# What may stand between two words of one name: a space, a hyphen, an initial's dot.
JOINER = re.compile(r"^[ \t\-‐–.]{1,3}$|^\. ?$")
INITIALS = re.compile(r"\b((?:[A-ZА-Я][a-zа-я]?\.\s?){1,3})\s?(?=[A-ZА-Я][\w'’-]{2,})")
NEW_PERSON = re.compile(
    r"\b(?P<title>(?:Deputy |Vice |First Deputy |Acting )?(?:Prime Minister|President|"
    r"Foreign Minister|Minister of Foreign Affairs(?: of [A-Z]\w+)?|Minister|Ambassador|"
    r"Chairman|Secretary[- ]General|Special Envoy|Premier))"
    r",?\s+(?P<name>[A-Z][a-z\u00c0-\u024f'’]+(?:[ -][A-Z][a-z\u00c0-\u024f'’]+){1,2})\b"
)


@dataclass
class Found:
    kind: str
    record_id: int | None
    text: str
    start: int
    end: int
    reason: str
    candidates: list[int] = field(default_factory=list)
    proposed_name: str = ""


def close_spellings(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Folded names of equal skeletons that are one name: each word the same, or (longer than
    three letters) differing by little more than a vowel."""
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if len(x) <= 3 or len(y) <= 3:
            return False
        if difflib.SequenceMatcher(None, x, y).ratio() < 0.7:
            return False
    return True


def _joined(text: str, spans: list[tuple[str, int, int]]) -> bool:
    return all(JOINER.match(text[a[2] : b[1]]) for a, b in itertools.pairwise(spans))


def find_names(text: str, index: NameIndex, *, on_date: datetime.date | None = None) -> list[Found]:
    toks = words(text)
    folded = [fold_word(w) for w, _, _ in toks]
    skel = [skeleton(f) for f in folded]
    covered = [False] * len(toks)
    found: list[Found] = []

    # 1. full names and aliases, longest first
    i = 0
    while i < len(toks):
        matched = 0
        for length in range(min(index.max_words, len(toks) - i), 0, -1):
            entries = index.entries.get(tuple(skel[i : i + length]))
            if not entries or not _joined(text, toks[i : i + length]):
                continue
            start, end = toks[i][1], toks[i + length - 1][2]
            hits = [
                e
                for e in entries
                if entry_matches(e, tuple(folded[i : i + length]), text[start:end])
            ]
            if not hits:
                continue
            found.append(_resolve_entries(hits, text, start, end, index, on_date))
            matched = length
            break
        if matched:
            for k in range(i, i + matched):
                covered[k] = True
            i += matched
        else:
            i += 1

    # CJK names have no spaces around them: plain substring search
    if index.cjk_pattern is not None:
        for m in index.cjk_pattern.finditer(text):
            found.append(
                _resolve_entries(index.cjk[m.group()], text, m.start(), m.end(), index, on_date)
            )

    named_people = {f.record_id for f in found if f.kind == "person" and f.record_id}

    # 2. initials + surname
    for m in INITIALS.finditer(text):
        k = _token_at(toks, m.end())
        if k is None or covered[k]:
            continue
        initials = [fold_word(x) for x in re.findall(r"[^\W\d_]+", m.group(1))]
        ids = [
            pid
            for pid in index.surnames.get(folded[k], [])
            if initials_fit(initials, index.people[pid].given_folded)
        ]
        if ids:
            found.append(
                _person(ids, text, m.start(), toks[k][2], "initials", index, on_date, named_people)
            )
            covered[k] = True

    named_people |= {f.record_id for f in found if f.kind == "person" and f.record_id}

    # 3. surname alone
    for k, (word, start, end) in enumerate(toks):
        if covered[k] or not word[:1].isupper():
            continue
        ids = index.surnames.get(folded[k])
        if not ids:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt and nxt[0][:1].isupper() and JOINER.match(text[end : nxt[1]] or " "):
            continue  # "Wang Wenbin": another person whose first word we know
        titled = _title_before(text, start)
        in_text = [pid for pid in ids if pid in named_people]
        if in_text:
            found.append(
                _person(
                    in_text,
                    text,
                    start,
                    end,
                    "surname after full name",
                    index,
                    on_date,
                    named_people,
                )
            )
        elif titled:
            found.append(
                _person(
                    ids,
                    text,
                    start,
                    end,
                    f"surname after “{titled}”",
                    index,
                    on_date,
                    named_people,
                    title=titled,
                )
            )
        covered[k] = True

    # 4. unknown people introduced with a title
    for m in NEW_PERSON.finditer(text):
        first = _token_at(toks, m.start("name"))
        if first is None or covered[first]:
            continue
        name = m.group("name")
        if any(covered[j] for j in range(first, first + len(words(name)))):
            continue
        found.append(
            Found(
                "person",
                None,
                name,
                m.start("name"),
                m.end("name"),
                f"new person introduced as “{m.group('title')}”",
                proposed_name=name,
            )
        )
    found.sort(key=lambda f: (f.start, -f.end))
    return found


def entry_matches(entry: Entry, folded: tuple[str, ...], original: str) -> bool:
    """Whether words of a text (folded, and as written) are the index entry's name."""
    if entry.exact:
        return original == entry.exact
    return close_spellings(folded, entry.folded)


def _token_at(toks, offset: int) -> int | None:
    for k, (_, start, _) in enumerate(toks):
        if start >= offset:
            return k if start - offset <= 1 else None
    return None


def initials_fit(initials: list[str], given: tuple[str, ...]) -> bool:
    """The first initial must begin the first given name; a second is usually the patronymic
    (K.K. Tokaev: Kassym-Jomart Kemelevich), which we do not keep, so it is not checked."""
    return bool(initials and given) and given[0].startswith(initials[0])


def _title_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    for w in reversed(re.findall(r"[A-Za-z]+", before)[-4:]):
        if w.lower() in TITLE_WORDS:
            return w.lower()
    return ""


def _resolve_entries(entries, text, start, end, index, on_date) -> Found:
    kinds = {(e.kind, e.record_id) for e in entries}
    if len(kinds) == 1:
        kind, rid = next(iter(kinds))
        return Found(kind, rid, text[start:end], start, end, "name or alias")
    people = sorted({rid for kind, rid in kinds if kind == "person"})
    if len(people) == len(kinds):
        return _person(
            people,
            text,
            start,
            end,
            "shared name",
            index,
            on_date,
            set(),
            title=_title_before(text, start),
        )
    kind, rid = sorted(kinds)[0]
    return Found(
        kind,
        None,
        text[start:end],
        start,
        end,
        "ambiguous name",
        candidates=[r for _, r in sorted(kinds)],
    )


def _person(ids, text, start, end, reason, index, on_date, named, *, title: str = "") -> Found:
    ids = sorted(set(ids))
    if len(ids) > 1:
        ids = _narrow_by_office(ids, index, on_date, title or _title_before(text, start))
    if len(ids) == 1:
        return Found("person", ids[0], text[start:end], start, end, reason)
    return Found(
        "person", None, text[start:end], start, end, reason + "; ambiguous", candidates=ids
    )


def _narrow_by_office(ids, index: NameIndex, on_date, title: str) -> list[int]:
    """Of several people sharing a name, those who held an office (with this title) that day."""
    if on_date is None:
        return ids
    holding = []
    for pid in ids:
        for start, end, precision, office, _role in index.people[pid].positions:
            if covers(start, end, precision, on_date) and (not title or title in office.lower()):
                holding.append(pid)
                break
    return holding or ids
