"""An event drafted from a source: date, kind, place, host, title and participants guessed from
its text and its linking suggestions, each fact with the sentence of the body it rests on.

Pure reads, made for the current audience (in the admin: the editor, who sees drafts); nothing
is written. The admin's "Create event from this source" fills the Event form from
:func:`draft_event`; "Add to an existing event" offers :func:`matching_events`.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from sources.ingestion.cleaning import DATELINE_RE, split_sentences
from sources.models import Source
from sources.text import excerpt_occurs_in

from .linking.folding import fold_word, words
from .linking.service import find_mentions
from .models import (
    DatePrecision,
    Event,
    EventSeries,
    Mention,
    Organization,
    Person,
    Place,
    Position,
)
from .models.events import ORDINALS

Kind = Event.Kind
D = datetime.date
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Fact:
    """One guessed value and the sentence of the source's body it rests on (a citation)."""

    claim: str  # the Event field it backs, or "participation"
    value: object
    sentence: str


@dataclass
class ParticipantGuess:
    person: Person
    mention: Mention | None  # None when the source was never linked (found on the fly)
    sentence: str
    role: str  # the office held on the event's date, as its title reads
    organization: Organization | None  # the state (or body) the person spoke for


@dataclass
class EventDraft:
    source: Source
    title: str
    kind: str  # one of Event.Kind, or "" when the text names none
    start_date: datetime.date | None
    end_date: datetime.date | None
    date_precision: str
    place: Place | None
    is_online: bool
    host: Organization | None
    participants: list[ParticipantGuess]
    facts: list[Fact]
    series: EventSeries | None = None
    ordinal: int | None = None
    # events the source's suggestions name: id -> decision (accepted, suggested, rejected)
    event_mentions: dict[int, str] = field(default_factory=dict, repr=False)

    def initial(self) -> dict:
        """The Event admin form's initial values (primary keys for foreign keys); fields with
        nothing guessed are left out, so the form's defaults stand."""
        values = {
            "title": self.title,
            "kind": self.kind,
            "series": self.series.pk if self.series else None,
            "ordinal": self.ordinal,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "date_precision": self.date_precision,
            "place": self.place.pk if self.place else None,
            "is_online": self.is_online or None,
            "host": self.host.pk if self.host else None,
        }
        return {name: value for name, value in values.items() if value not in (None, "")}

    def participations_initial(self) -> list[dict]:
        """Rows for the participants inline. ``role`` stays empty: a participant is labelled
        with the office held that day (Participation.label); a role is for what it does not say."""
        return [
            {
                "person": p.person.pk,
                "representing": p.organization.pk if p.organization else None,
                "role": "",
                "order": order,
            }
            for order, p in enumerate(self.participants)
        ]

    def citations_initial(self) -> list[dict]:
        """Rows for the citations inline: one per fact, quoting its sentence."""
        return [
            {
                "source": self.source.pk,
                "excerpt": fact.sentence,
                "claim": fact.claim,
                "note": f"Names {fact.value} among the participants."
                if fact.claim == "participation"
                else "",
                "position": position,
            }
            for position, fact in enumerate(self.facts)
        ]


# ---- sentences --------------------------------------------------------------------------


class Sentences:
    """The sentences of a body with their offsets, split as linking splits them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        for para in re.finditer(r"[^\n]+", text):
            paragraph, offset = para.group(), 0
            for sentence in split_sentences(paragraph):
                found = paragraph.find(sentence, offset)
                if found != -1:
                    self.spans.append((para.start() + found, para.start() + found + len(sentence)))
                    offset = found + len(sentence)
        self._starts = [s for s, _ in self.spans]

    def index(self, offset: int) -> int:
        """The sentence starting at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._starts, offset) - 1

    def paragraph_lead(self, i: int) -> tuple[int, int]:
        """The first sentence of the paragraph of sentence ``i``."""
        paragraph = self.text.rfind("\n", 0, self.spans[i][0]) + 1
        return self.spans[bisect.bisect_left(self._starts, paragraph)]

    def around(self, start: int, end: int) -> str:
        """The sentence holding [start, end), exactly as the body has it."""
        i = self.index(start)
        if i < 0 or start >= self.spans[i][1]:
            return self.text[start:end]
        s, e = self.spans[i]
        return self.text[s : max(e, end)]


# ---- dates ------------------------------------------------------------------------------

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Russian: genitive after a day ("16 июня"), prepositional after "в" ("в июне 2025")
RUSSIAN_MONTHS = [
    ("января", "январе"),
    ("февраля", "феврале"),
    ("марта", "марте"),
    ("апреля", "апреле"),
    ("мая", "мае"),
    ("июня", "июне"),
    ("июля", "июле"),
    ("августа", "августе"),
    ("сентября", "сентябре"),
    ("октября", "октябре"),
    ("ноября", "ноябре"),
    ("декабря", "декабре"),
]
MONTHS = {"Sept": 9} | {
    word: number
    for number, (name, russian) in enumerate(zip(ENGLISH_MONTHS, RUSSIAN_MONTHS, strict=True), 1)
    for word in (name, name[:3], *russian)
}
# Abbreviations may take a dot ("Dec. 1"); a name is a whole word ("May", not "Mayor").
_M = (
    "(?:"
    + "|".join(
        re.escape(m) + (r"\.?" if len(m) <= 4 and m not in ENGLISH_MONTHS else "")
        for m in sorted(MONTHS, key=len, reverse=True)
    )
    + r")(?![^\W\d_])"
)
_DD = r"(?<![\d,.$])[0-3]?\d(?:st|nd|rd|th)?(?!\d|%|,\d)"
_TO = r"\s*(?:-|–|—|to|until|до)\s*"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:\s+года|\s+г\.)?)?"
DAY_FIRST = re.compile(
    rf"\b(?P<d1>{_DD})(?:\s+(?P<m1>{_M}))?(?:(?:{_TO}|\s+(?:and|и)\s+)(?P<d2>{_DD}))?"
    rf"\s+(?:of\s+)?(?P<m2>{_M}){_YEAR}"
)
MONTH_FIRST = re.compile(
    rf"\b(?P<m1>{_M})\s+(?P<d1>{_DD})(?:{_TO}(?:(?P<m2>{_M})\s+)?(?P<d2>{_DD}))?{_YEAR}"
)
MONTH_YEAR = re.compile(rf"\b(?P<m1>{_M})\s+(?P<y>(?:19|20)\d\d)(?!\d)")
ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
DOTTED = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")
RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow)\b|(?<!\w)(?:сегодня|вчера|завтра)\b", re.I)
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "сегодня": 0, "вчера": -1, "завтра": 1}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = re.compile(rf"\b(?:(?P<rel>last|this|next|on)\s+)?(?P<wd>{'|'.join(WEEKDAYS)})\b")
FUTURE = re.compile(r"\b(?:will|shall|is to|are to|to be held|upcoming)\b|состоится|пройд", re.I)
# A sentence about some other time: "Earlier, …", "last year …".
LOOKS_BACK = re.compile(
    r"^\W*(?:Earlier|Previously|Formerly|Ранее)\b|\b(?:earlier this|last (?:week|month|year)|"
    r"years? ago|months? ago|в прошлом году)\b",
    re.I,
)
EVENT_WORDS = re.compile(
    r"\b(?:held|hold|holds|met|meet|meets|meeting|talks|visit\w*|summit|arriv\w+|signed|"
    r"attended|took place|hosted|convened|gathered|forum|conference)\b|"
    r"состоял|прош[её]л|провел|встреч|переговор|визит|саммит|прибыл|подписал|форум|заседан",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date the text gives, and where: ``span`` are offsets in the text."""

    start_date: datetime.date
    end_date: datetime.date | None
    precision: str
    span: tuple[int, int]
    relative: bool = False  # "today", "on Monday": counted from the publication date


def _year_for(month: int, day: int, published_on: D | None, sentence: str) -> int | None:
    """A date written without its year: the year that puts it nearest the publication date
    (a report of Dec. 30 published on Jan. 2 is of the year before)."""
    if published_on is None:
        year = re.search(r"\b(?:19|20)\d\d\b", sentence)
        return int(year.group()) if year else None
    best = None
    for year in (published_on.year - 1, published_on.year, published_on.year + 1):
        try:
            distance = abs((D(year, month, day) - published_on).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _day(value: str | None) -> int | None:
    return int(re.match(r"\d+", value).group()) if value else None


def _explicit(m: re.Match, published_on: D | None, sentences: Sentences) -> DateMention | None:
    g = m.groupdict()
    m1 = MONTHS.get(g["m1"].rstrip(".")) if g.get("m1") else None
    m2 = MONTHS.get(g["m2"].rstrip(".")) if g.get("m2") else None
    d1, d2 = _day(g["d1"]), _day(g.get("d2"))
    if m.re is DAY_FIRST:  # "16-17 June", "30 June – 1 July"
        start_month, end_month = (m1 or m2), m2
    else:  # "June 16-17", "June 30 – July 1"
        start_month, end_month = m1, (m2 or m1)
    year = int(g["y"]) if g.get("y") else None
    if year is None:
        year = _year_for(start_month, d1, published_on, sentences.around(*m.span()))
    if year is None:
        return None
    try:
        start = D(year, start_month, d1)
        end = D(year, end_month, d2) if d2 else None
        if end is not None and end < start:
            end = D(year + 1, end_month, d2)  # "30 December – 2 January"
    except ValueError:
        return None
    if end is not None and (end - start).days > 31:
        return None
    return DateMention(start, end, DatePrecision.DAY, m.span())


def find_dates(text: str, *, published_on: D | None = None) -> list[DateMention]:
    """Every date the text gives: "16 June 2025", "June 16-17", "Dec. 1", "2025-06-16",
    "16–17 июня", "in May 2024" (to the month), "today" and "on Monday" (from
    ``published_on``), in text order."""
    sentences = Sentences(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < e and s < span[1] for s, e in taken)

    for pattern in (DAY_FIRST, MONTH_FIRST):
        for m in pattern.finditer(text):
            hit = _explicit(m, published_on, sentences) if free(m.span()) else None
            if hit:
                found.append(hit)
                taken.append(m.span())
    for pattern in (ISO, DOTTED):
        for m in pattern.finditer(text):
            try:
                value = D(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if free(m.span()):
                found.append(DateMention(value, None, DatePrecision.DAY, m.span()))
                taken.append(m.span())
    for m in MONTH_YEAR.finditer(text):
        if free(m.span()):
            value = D(int(m["y"]), MONTHS[m["m1"].rstrip(".")], 1)
            found.append(DateMention(value, None, DatePrecision.MONTH, m.span()))
    if published_on is not None:
        for m in RELATIVE.finditer(text):
            value = published_on + RELATIVE_DAYS[m.group().lower()] * DAY
            found.append(DateMention(value, None, DatePrecision.DAY, m.span(), relative=True))
        for m in WEEKDAY.finditer(text):
            weekday = WEEKDAYS.index(m["wd"])
            back = (published_on.weekday() - weekday) % 7
            if m["rel"] == "next" or FUTURE.search(sentences.around(*m.span())):
                value = published_on + ((weekday - published_on.weekday()) % 7 or 7) * DAY
            else:
                value = published_on - (back or (7 if m["rel"] == "last" else 0)) * DAY
            found.append(DateMention(value, None, DatePrecision.DAY, m.span("wd"), relative=True))
    return sorted(found, key=lambda d: d.span)


def _date_score(hit: DateMention, text: str, sentence: str, published_on: D | None) -> int:
    # a day beats "today" and "on Monday"; "in May 2024" only counts in a sentence on a meeting
    score = (1 if hit.relative else 2) if hit.precision == DatePrecision.DAY else 0
    if EVENT_WORDS.search(sentence):
        score += 2
    if re.search(r"\b(?:on|from|held|since)\s+$", text[max(0, hit.span[0] - 8) : hit.span[0]]):
        score += 1
    if LOOKS_BACK.search(sentence):
        score -= 4
    if published_on is not None and abs((hit.start_date - published_on).days) > 60:
        score -= 5 if hit.start_date < published_on else 2  # background, or an announcement
    return score


def guess_date(text: str, *, published_on: D | None = None) -> DateMention | None:
    """The date of the event the text reports: the date said in a sentence about a meeting,
    earliest first, never one of a sentence looking back ("Earlier, on …") nor long before
    the publication. None when the text gives none."""
    sentences = Sentences(text)
    best = None
    for hit in find_dates(text, published_on=published_on):
        score = _date_score(hit, text, sentences.around(*hit.span), published_on)
        if score >= 1 and (best is None or score > best[0]):
            best = (score, hit)
    return best[1] if best else None


# ---- kinds ------------------------------------------------------------------------------

# Named formats: the first one the text names (not "the upcoming summit") is the event.
SPECIFIC_KINDS = [
    (Kind.STATE_VISIT, r"\bstate visit\b|государственн\w* визит"),
    (Kind.OFFICIAL_VISIT, r"\b(?:official|working)(?: and \w+)? visit\b|официальн\w* визит"),
    (Kind.SUMMIT, r"\bsummit\b|саммит"),
    (
        Kind.MINISTERIAL,
        r"\bministers['’]?\s+meeting\b|\bministerial\b|\bmeeting of (?:the )?(?:\w+ ){0,3}"
        r"ministers\b|\bcouncil of (?:foreign )?ministers\b|министров иностранных дел|\bСМИД\b",
    ),
    (Kind.FORUM, r"\bforum\b|форум"),
]
# Words that fit many events: the first kind of this list that the text has.
GENERIC_KINDS = [
    (Kind.VIDEO_CONFERENCE, r"\bvideo[ -]?conferenc\w*|\bvideo link\b|\bvia video\b|видеоконф"),
    (Kind.OFFICIAL_VISIT, r"\bvisit(?:s|ed|ing)?\b|визит"),
    (
        Kind.TALKS,
        r"\btalks\b|\bnegotiations\b|\bmet with\b|\bmeeting with\b|\bheld (?:a )?meeting\b|"
        r"переговор|встретил|встреч",
    ),
    (Kind.SIGNING, r"\bsign(?:ed|ing)\b|подписа"),
    (Kind.TALKS, r"\b(?:met|meet|meets|meeting)\b"),
]
ONLINE = re.compile(
    r"\b(?:held|took place|met|meeting|summit|talks|conference|convened)\s+(?:\w+\s+)?"
    r"(?:online|virtually)\b|\b(?:online|virtual)\s+(?:summit|meeting|talks|conference)\b|"
    r"\bvideo[ -]?conferenc\w*|\bvideo link\b|\bvia video\b|видеоконф|\bонлайн\b",
    re.I,
)
# "the upcoming summit", "on the eve of the summit": another event than the one reported
ANOTHER_EVENT = re.compile(
    r"\b(?:upcoming|next|forthcoming|future|ahead of|eve of|preparations? for|prepare for)"
    r"(?:\s+the)?\s+(?:[\w’'–-]+\s+){0,3}$",
    re.I,
)


@dataclass(frozen=True)
class KindGuess:
    kind: str  # one of Event.Kind
    span: tuple[int, int]  # the words that say it
    is_online: bool


def _of_this_event(text: str, sentences: Sentences, span: tuple[int, int]) -> bool:
    before = text[max(0, span[0] - 50) : span[0]]
    return not LOOKS_BACK.search(sentences.around(*span)) and not ANOTHER_EVENT.search(before)


def guess_kind(text: str) -> KindGuess | None:
    """What kind of event the text reports — the first named format (summit, ministers'
    meeting, official or state visit, forum), else the first of video conference, visit,
    talks, signing it mentions — and whether it was held online."""
    sentences = Sentences(text)

    def first(pattern: str) -> re.Match | None:
        matches = re.finditer(pattern, text, re.I)
        return next((m for m in matches if _of_this_event(text, sentences, m.span())), None)

    online = next(
        (m for m in ONLINE.finditer(text) if _of_this_event(text, sentences, m.span())), None
    )
    named = [(m.start(), kind, m.span()) for kind, p in SPECIFIC_KINDS if (m := first(p))]
    if not named:
        named = next(([(0, k, m.span())] for k, p in GENERIC_KINDS if (m := first(p))), [])
    if named:
        _, kind, span = min(named)
        if online and kind == Kind.TALKS:
            kind = Kind.VIDEO_CONFERENCE
    elif online:
        kind, span = Kind.VIDEO_CONFERENCE, online.span()
    else:
        return None
    return KindGuess(kind, span, online is not None)


# ---- what linking found -------------------------------------------------------------------


@dataclass
class _Hit:
    kind: str
    record_id: int
    spans: list[tuple[int, int]]
    decision: str
    mention: Mention | None = None


def _hits(source: Source) -> list[_Hit]:
    """The source's suggestions that name one record and are not rejected (rejected events
    are kept, to be left out of the matches), at offsets that hold in today's body; the names
    found on the fly when the source was never linked."""
    body = source.body or ""
    mentions = list(Mention.objects.filter(source=source))
    if not mentions:
        found: dict[tuple, _Hit] = {}
        for f in find_mentions(source):
            if f.record_id is not None:
                key = (f.kind, f.record_id)
                found.setdefault(key, _Hit(*key, [], Mention.Decision.SUGGESTED))
                found[key].spans.append((f.start, f.end))  # the index is read, nothing written
        return sorted(found.values(), key=lambda h: h.spans[0])
    hits = []
    for m in mentions:
        rejected = m.decision == Mention.Decision.REJECTED
        if m.object_id is None or (rejected and m.kind != "event"):
            continue  # ambiguous with no choice made, a person not yet recorded, or rejected
        if body[m.start : m.end] == m.text:
            spans = [(s, e) for s, e in m.spans or [(m.start, m.end)] if 0 <= s < e <= len(body)]
        else:  # the body was edited since linking: where the words stand now
            spans = [x.span() for x in re.finditer(re.escape(m.text), body, re.I)]
        if spans:
            hits.append(_Hit(m.kind, m.object_id, spans, m.decision, m))
    return sorted(hits, key=lambda h: h.spans[0])


def _state_of(org: Organization | None) -> Organization | None:
    while org is not None and not org.is_state:
        org = org.parent
    return org


def _office(person: Person, on: D | None) -> tuple[str, Organization | None]:
    """The office held on ``on`` and the state it is held for; else the person's state."""
    for position in person.positions_on(on) if on else []:
        state = _state_of(position.organization)
        if state is not None:
            return (f"Acting {position.title}" if position.is_acting else position.title), state
    return "", person.country


# ---- the draft ----------------------------------------------------------------------------

PLACE_BEFORE = re.compile(r"\b(?:in|at|to|во?)\s+(?:the\s+(?:city|capital)\s+of\s+)?$", re.I)
VISITED_BEFORE = re.compile(
    r"(?:\bvisit(?:s|ed|ing)?\s+(?:to\s+)?|\b(?:arriv\w+|travel\w*|came)\s+(?:in|to)\s+|"
    r"\btrip\s+to\s+|визит\w*\s+в\s+|прибыл\w*\s+в\s+)(?:the\s+)?$",
    re.I,
)
WORD_GAP = re.compile(r"^[\s\-‐–—'’]{1,3}$")
ORDINAL_WORDS = {w.lower(): n for n, w in enumerate(ORDINALS) if w}
VISITS = (Kind.OFFICIAL_VISIT, Kind.STATE_VISIT)
CLAIMS = ["title", "kind", "start_date", "end_date", "place", "host", "participation"]


# A dateline with the filing date, which cleaning leaves in the body: "ASTANA, 1 Dec. 2023 –".
DATED_DATELINE = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’ .-]{1,30},[^\n–—]{2,40}?\s[–—-]{1,2}\s"
)


class _Reader:
    """The guesses for one source: its sentences, its dates, and the facts found so far."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.body = source.body or ""
        self.sentences = Sentences(self.body)
        self.dates = find_dates(self.body, published_on=source.published_on)
        self.date = guess_date(self.body, published_on=source.published_on)
        self.facts: list[Fact] = []

    def fact(self, claim: str, value: object, span: tuple[int, int]) -> str:
        sentence = self.sentences.around(*span).strip()
        if sentence and excerpt_occurs_in(sentence, self.body):
            self.facts.append(Fact(claim, value, sentence))
        return sentence

    def elsewhere(self, span: tuple[int, int]) -> bool:
        """Whether the sentence at ``span`` is about another time: it, or the sentence that
        opens its paragraph, looks back ("Earlier, …"), or it gives another date than the
        event's."""
        i = self.sentences.index(span[0])
        if i < 0:
            return False
        s, e = self.sentences.spans[i]
        lead_start, lead_end = self.sentences.paragraph_lead(i)
        if LOOKS_BACK.search(self.body[s:e]) or LOOKS_BACK.search(self.body[lead_start:lead_end]):
            return True
        date = self.date
        return bool(date) and any(
            s <= d.span[0] < e
            and not d.relative
            and d.start_date != date.start_date
            and not self.in_dateline(d.span[0])
            for d in self.dates
        )

    def in_dateline(self, offset: int) -> bool:
        """Whether ``offset`` is in a paragraph's dateline ("BISHKEK, 14 May 2025 — "): the
        day the report was filed, not a day of another event."""
        paragraph = self.body.rfind("\n", 0, offset) + 1
        m = DATED_DATELINE.match(self.body, paragraph)
        return m is not None and offset < m.end()

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentences.index(a) == self.sentences.index(b)

    def participants(self, hits: list[_Hit], people: dict, on: D | None) -> list:
        guesses = []
        for hit in hits:
            if hit.kind != "person" or hit.record_id not in people:
                continue
            spans = [s for s in hit.spans if not self.elsewhere(s)]
            if not spans:
                continue  # named only in sentences about another time
            person = people[hit.record_id]
            role, organization = _office(person, on)
            sentence = self.fact("participation", person, spans[0])
            guesses.append(ParticipantGuess(person, hit.mention, sentence, role, organization))
        return guesses

    def place(self, hits: list[_Hit], places: dict) -> tuple[Place | None, tuple | None]:
        """The place "in <City>" in a sentence about the meeting (its date's best), never the
        dateline ("ASTANA –") nor a place of another time."""
        best = None
        for hit in hits:
            if hit.kind != "place" or hit.record_id not in places:
                continue
            for start, end in hit.spans:
                paragraph = self.body.rfind("\n", 0, start) + 1
                if start - paragraph < 3 and DATELINE_RE.match(self.body[paragraph:]):
                    continue
                if self.elsewhere((start, end)):
                    continue
                score = 3 * bool(PLACE_BEFORE.search(self.body[max(0, start - 40) : start]))
                score += 2 * bool(EVENT_WORDS.search(self.sentences.around(start, end)))
                if self.date and not self.date.relative:
                    score += 2 * self.same_sentence(self.date.span[0], start)
                if score >= 3 and (best is None or score > best[0]):
                    best = (score, places[hit.record_id], (start, end))
        return (best[1], best[2]) if best else (None, None)

    def visited(self, hits: list[_Hit], states: dict) -> tuple[Organization | None, tuple | None]:
        """The state a visit is paid to: "arrived in <State>", "visit to <State>"."""
        for hit in hits:
            if hit.kind != "organization" or hit.record_id not in states:
                continue
            for start, end in hit.spans:
                before = self.body[max(0, start - 40) : start]
                if VISITED_BEFORE.search(before) and not self.elsewhere((start, end)):
                    return states[hit.record_id], (start, end)
        return None, None

    def series(self, all_series) -> tuple[EventSeries | None, int | None, tuple | None]:
        """A recurring format the text names, in any order of its words ("Central Asia-China
        Summit"), with its number when an ordinal stands before it ("Fifth …")."""
        toks = words(self.body)
        folded = [fold_word(w) for w, _, _ in toks]
        found = []
        for series in all_series:
            target = sorted(fold_word(w) for w, _, _ in words(series.name))
            n = len(target)
            for i in range(len(toks) - n + 1) if n else []:
                if folded[i] not in target or sorted(folded[i : i + n]) != target:
                    continue
                gaps = (self.body[toks[k][2] : toks[k + 1][1]] for k in range(i, i + n - 1))
                span = (toks[i][1], toks[i + n - 1][2])
                if not all(WORD_GAP.match(g) for g in gaps) or not _of_this_event(
                    self.body, self.sentences, span
                ):
                    continue
                ordinal = None
                if i and WORD_GAP.match(self.body[toks[i - 1][2] : toks[i][1]]):
                    ordinal = ORDINAL_WORDS.get(toks[i - 1][0].lower())
                before = self.body[max(0, span[0] - 8) : span[0]]
                number = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\s+$", before)
                ordinal = ordinal or (int(number.group(1)) if number else None)
                found.append((ordinal is None, span[0], series.pk, series, ordinal, span))
        return min(found)[3:] if found else (None, None, None)


def _label(kind: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in str(Kind(kind).label).split())


def _title(kind, series, ordinal, participants, place, host, on) -> str:
    """A title in the style of our records: "Fifth China–Central Asia Foreign Ministers'
    Meeting", "Wang Yi's Official Visit to Kazakhstan", "Talks between A and B in Chengdu"."""
    if series is not None:
        if ordinal is None:
            return series.name
        number = ORDINALS[ordinal] if ordinal < len(ORDINALS) else f"No. {ordinal}"
        return f"{number} {series.name}"
    if not kind:
        return ""
    place_name = place.name_on(on) if place else ""
    if kind in VISITS and host is not None:
        visitor = next((p.person for p in participants if p.organization != host), None)
        title = f"{_label(kind)} to {host.name}"
        return f"{visitor.name}'s {title}" if visitor else title
    if kind == Kind.TALKS and len(participants) == 2:
        a, b = (p.person.name for p in participants)
        return f"Talks between {a} and {b}" + (f" in {place_name}" if place_name else "")
    states = list(dict.fromkeys(p.organization for p in participants if p.organization))
    if len(states) == 2:
        return f"{states[0].name}–{states[1].name} {_label(kind)}"
    return _label(kind) + (f" in {place_name}" if place_name else "")


def draft_event(source: Source) -> EventDraft:
    """An event as the source reports it, for an editor to check: every guessed value with the
    sentence it rests on (``facts``). A handful of queries, whatever the source names."""
    reader = _Reader(source)
    date = reader.date
    start = date.start_date if date else source.published_on
    end = date.end_date if date else None
    if date:
        reader.fact("start_date", start, date.span)
        if end:
            reader.fact("end_date", end, date.span)
    kind = guess_kind(reader.body)
    if kind:
        reader.fact("kind", str(kind.kind), kind.span)
    else:
        kind = guess_kind(source.title or "")  # the headline alone: no sentence to cite
    is_online = bool(kind and kind.is_online)

    hits = _hits(source)

    def ids(kind: str) -> set[int]:
        return {h.record_id for h in hits if h.kind == kind}

    offices = Position.objects.select_related("organization__parent")
    people = Person.objects.filter(pk__in=ids("person")).select_related("country")
    people = {p.pk: p for p in people.prefetch_related(Prefetch("positions", offices))}
    places = Place.objects.filter(pk__in=ids("place")).select_related("country")
    places = {p.pk: p for p in places.prefetch_related("aliases")}
    states = Organization.objects.filter(pk__in=ids("organization"), kind=Organization.Kind.STATE)
    states = {o.pk: o for o in states}

    hits, events = [h for h in hits if h.kind != "event"], [h for h in hits if h.kind == "event"]
    participants = reader.participants(hits, people, start)
    place, place_span = (None, None) if is_online else reader.place(hits, places)
    if place:
        reader.fact("place", place, place_span)
    host, host_span = (None, None)
    if kind and kind.kind in VISITS:
        host, host_span = reader.visited(hits, states)
    if host is None and place is not None:
        host, host_span = _state_of(place.country), place_span
    if host:
        reader.fact("host", host, host_span)
    series, ordinal, series_span = reader.series(EventSeries.objects.all())
    kind_value = str(kind.kind) if kind else ""
    title = _title(kind_value, series, ordinal, participants, place, host, start)
    if series_span:
        reader.fact("title", title, series_span)
    return EventDraft(
        source=source,
        title=title,
        kind=kind_value,
        start_date=start,
        end_date=end,
        date_precision=str(date.precision if date else DatePrecision.DAY),
        place=place,
        is_online=is_online,
        host=host,
        participants=participants,
        facts=sorted(reader.facts, key=lambda f: CLAIMS.index(f.claim)),
        series=series,
        ordinal=ordinal,
        event_mentions={h.record_id: h.decision for h in events},
    )


# ---- events the source may report -----------------------------------------------------------

NEAR = datetime.timedelta(days=3)
# With no date in the text, the publication date: reports follow events by a few days.
NEAR_PUBLICATION = (datetime.timedelta(days=10), datetime.timedelta(days=3))


def matching_events(
    source: Source, *, limit: int = 5, draft: EventDraft | None = None
) -> list[Event]:
    """Events the source probably reports, best first: those its suggestions name (accepted
    before suggested), then those within a few days of its date that share participants or
    the place; never one whose suggestion was rejected. One query, besides drafting the
    source when ``draft`` is not given."""
    draft = draft or draft_event(source)
    person_ids = [p.person.pk for p in draft.participants]
    near = Q(pk__in=[])
    if draft.start_date is not None and (person_ids or draft.place):
        if any(f.claim == "start_date" for f in draft.facts):
            lo, hi = draft.start_date - NEAR, (draft.end_date or draft.start_date) + NEAR
        else:
            lo, hi = draft.start_date - NEAR_PUBLICATION[0], draft.start_date + NEAR_PUBLICATION[1]
        shares = Q(participations__person__in=person_ids)
        if draft.place is not None:
            shares |= Q(place=draft.place)
        overlaps = Q(start_date__lte=hi) & (
            Q(end_date__gte=lo) | Q(end_date__isnull=True, start_date__gte=lo)
        )
        near = overlaps & shares
    rejected = [pk for pk, d in draft.event_mentions.items() if d == Mention.Decision.REJECTED]
    named = [pk for pk in draft.event_mentions if pk not in rejected]
    candidates = Event.objects.filter(Q(pk__in=named) | near).exclude(pk__in=rejected)
    events = (
        Event.objects.filter(pk__in=candidates.values("pk"))
        .annotate(
            shared=Count(
                "participations", filter=Q(participations__person__in=person_ids), distinct=True
            )
        )
        .select_related("place")
    )
    rank = {Mention.Decision.ACCEPTED: 2, Mention.Decision.SUGGESTED: 1}

    def score(event: Event) -> tuple:
        days = 0
        if draft.start_date is not None and not (
            event.start_date <= (draft.end_date or draft.start_date)
            and (event.end_date or event.start_date) >= draft.start_date
        ):
            days = abs((event.start_date - draft.start_date).days)
        return (
            rank.get(draft.event_mentions.get(event.pk), 0),
            event.shared + (draft.place is not None and event.place_id == draft.place.pk),
            event.kind == draft.kind,
            -days,
        )

    return sorted(events, key=score, reverse=True)[:limit]
