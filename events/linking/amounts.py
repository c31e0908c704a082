"""Reported figures in a source's text: an amount of money and the period it is for.

An editor filing a figure (trade turnover, investment) copies it from a source; finding the
amounts and their periods lets the admin offer them instead of having them retyped. Only amounts
whose own sentence says which period they are for are offered: "investments exceeding $24 bn"
names no period, and a figure without one cannot be filed.

The period is looked for in the amount's sentence only, because reports mention several years
and a year two sentences away is as likely to be a comparison as the figure's own. Within the
sentence, a period right after the amount ("$31 bn in 2022") is its own; otherwise the nearest
one before it, else the nearest one after. A month range, quarter or half without a year ("In
January-October") takes a year written earlier in the sentence, or else the latest such period
that had ended by the day the source was published: reporters leave out the current year.

Years that are not periods are left alone: dates ("on May 20, 2024"), targets ("by 2030"),
comparisons ("than in 2023", "the same period of 2023") and, when the publication day is known,
periods that had not begun by then.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FoundAmount:
    """An amount of money in a text, with the period its sentence gives for it."""

    text: str
    start: int
    end: int
    value: Decimal
    unit: str
    period_start: datetime.date
    period_end: datetime.date
    period_text: str
    year_inferred: bool
    sentence_start: int
    sentence_end: int


# --- Amounts -------------------------------------------------------------------------------

_WS = r"[^\S\n]"  # a space within a line: a line break ends a sentence
_GROUP_SPACE = r"[ \u00a0\u202f\u2009]"
# Longest forms first: "41 000" and "1,200" are thousands, "36,5" a Russian decimal comma.
_NUMBER = (
    rf"(?P<spaced>\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!\d)(?:[.,]\d+)?)"
    r"|(?P<commas>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?)"
    r"|(?P<dots>\d{1,3}(?:\.\d{3}){2,}(?!\d)(?:,\d+)?)"
    r"|(?P<plain>\d+(?:[.,]\d+)?)"
)
_SCALES = (
    r"thousands?|millions?|billions?|trillions?|mln|mn|bln|bn|trln|trn|tn|k|m|b"
    r"|тыс(?:яч[а-яё]*|\.)?|млн\.?|млрд\.?|трлн\.?|миллион[а-яё]*|миллиард[а-яё]*|триллион[а-яё]*"
)
# Markers written before the number and after it, per ISO code.
_PREFIXES = {
    "USD": r"US\$|U\.S\.\$|USD|\$",
    "CNY": r"CN¥|RMB|CNY|¥",
    "EUR": r"€|EUR",
    "RUB": r"₽|RUB",
    "KZT": r"₸|KZT",
    "UZS": r"UZS",
    "KGS": r"KGS",
    "TJS": r"TJS",
    "TMT": r"TMT",
}
_SUFFIXES = {
    "USD": (
        rf"(?:US|U\.S\.){_WS}?dollars?|dollars?|USD|US\$|\$"
        rf"|доллар(?:ов|а|ы)?(?:{_WS}+США)?|долл\.(?:{_WS}*США)?"
    ),
    "CNY": r"yuan|renminbi|RMB|CNY|¥|юан(?:ей|я|ь|и)",
    "EUR": r"euros?|EUR|€|евро",
    "RUB": r"rubles?|roubles?|RUB|₽|рубл(?:ей|я|ь|и)|руб\.?",
    "KZT": r"tenge|KZT|₸|тенге|теңге",
    "UZS": r"so['ʻ’`]m|soums?|sums?|UZS|сумов|сума|сум",
    "TJS": r"somoni|TJS|сомони",
    "KGS": r"soms?|KGS|сомов|сома|сом",
    "TMT": r"manats?|TMT|манатов|маната|манат",
}
_AMOUNT = re.compile(
    r"(?<![\w.,])"
    + r"(?:(?P<pre>"
    + "|".join(f"(?P<pre_{code}>{p})" for code, p in _PREFIXES.items())
    + rf"){_WS}?)?"
    + rf"(?P<num>{_NUMBER})"
    + rf"(?:{_WS}?(?P<scale>{_SCALES})(?![^\W\d_]))?"
    + rf"(?:{_WS}?(?P<suf>"
    + "|".join(f"(?P<suf_{code}>{p})" for code, p in _SUFFIXES.items())
    + r")(?![^\W\d_]))?",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"\d\s?[-–—]\s?$")
_RANGE_OR_PERCENT_AFTER = re.compile(r"\s?%|[-–—]\s?\d")
_SPACES = re.compile(_GROUP_SPACE)


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    value: Decimal
    unit: str


def _currency(match: re.Match[str], side: str) -> str:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(side):
            return name[len(side) :]
    return ""


def _number(match: re.Match[str]) -> Decimal:
    """The number as written, whichever of the usual separators it uses."""
    text = _SPACES.sub("", match.group("num"))
    if match.group("commas"):
        text = text.replace(",", "")
    elif match.group("dots"):
        text = text.replace(".", "").replace(",", ".")
    else:  # "36,5" and "41 000,5": a comma that is not a thousands separator is a decimal one
        text = text.replace(",", ".")
    return Decimal(text)


def _scale(word: str) -> int:
    word = word.lower().rstrip(".")
    if word == "k" or word.startswith(("thousand", "тыс")):
        return 10**3
    if word in {"m", "mn", "mln"} or word.startswith(("million", "млн", "миллион")):
        return 10**6
    if word in {"b", "bn", "bln"} or word.startswith(("billion", "млрд", "миллиард")):
        return 10**9
    return 10**12  # tn, trn, trln, trillion, трлн, триллион


def _whole(value: Decimal) -> Decimal:
    """Whole values without a trailing ".0", so that they read (and print) as they are."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _amounts(body: str) -> Iterator[_Amount]:
    for match in _AMOUNT.finditer(body):
        before, after = _currency(match, "pre_"), _currency(match, "suf_")
        unit = before or after
        if not unit:
            continue  # a count, a percentage or a year
        end = match.end()
        if before and after and before != after:  # "$5 bn in RUB": the marker in front wins
            after, end = "", match.end("scale") if match.group("scale") else match.end("num")
        if not after and match.group("scale") and match.group("scale").endswith("."):
            end -= 1  # "$41 млрд." at the end of a sentence: the dot is the full stop
        if _RANGE_BEFORE.search(
            body, max(0, match.start() - 4), match.start()
        ) or _RANGE_OR_PERCENT_AFTER.match(body, match.end("num")):
            continue  # "$30-40 bn" gives no one value
        value = _number(match)
        if match.group("scale"):
            value *= _scale(match.group("scale"))
        if value >= 10**18:
            continue  # a run of digits, not an amount
        yield _Amount(match.start(), end, _whole(value), unit)


# --- Sentences -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
# A dot after these is not a full stop ("on Dec. 1", "Mr. Wang").
_ABBREVIATIONS = {
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Pres",
    "Lt",
    "Col",
    "Capt",
    "Maj",
    "Jr",
    "Sr",
    "No",
    "Nos",
    "vs",
    "approx",
    "им",
    "ул",
    "пр",
}


def _ends_sentence(body: str, match: re.Match[str]) -> bool:
    if match.group() == "\n":
        return True
    if match.group().startswith("."):
        word = _WORD_BEFORE.search(body, max(0, match.start() - 30), match.start() + 1)
        if word and (word.group(1) in _ABBREVIATIONS or _is_initial(word.group(1))):
            return False
    following = _NEXT_CHAR.match(body, match.end())
    if not following:
        return True
    if following.group(1).islower():  # "млрд. долларов", "U.S. dollars"
        return False
    return not body.startswith("США", following.start(1))  # "млрд долл. США"


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()  # "U.S.", "J. Smith"


def _sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans, without the spaces around them. A line break ends a sentence too: a
    heading ("Trade in 2023") has no full stop, and its year is not the next line's."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(body):
        if not _ends_sentence(body, match):
            continue
        end = match.start() if match.group() == "\n" else match.end()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(body)))
    trimmed = []
    for start, end in spans:
        text = body[start:end]
        stripped = text.strip()
        if stripped:
            left = start + len(text) - len(text.lstrip())
            trimmed.append((left, left + len(stripped)))
    return trimmed


# --- Periods -------------------------------------------------------------------------------

_YEAR_NUMBER = r"(?:199\d|20\d\d|2100)"
_YEAR = rf"(?<![\w.,]){_YEAR_NUMBER}(?![\w%]|[.,]\d|[-–—]\d)"
_RU_YEAR_WORD = r"(?:\s*(?:годах|годом|года|году|год|гг\.|г\.|г(?![а-яё])))?"
# English month names only capitalised: "may" and "march" are also verbs.
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![^\W\d_])\.?"
)
_RU_MONTH = (
    r"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|(?:март|август)[ае]?"
    r"|ма[йяе])(?![а-яё])"
)
_LEAD = r"(?:\b(?:in|during|for|over|throughout)\s+)?(?:\bthe\s+)?"
_RU_LEAD = r"(?:\b(?:в|во|за)\s+)?"
_TAIL = rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s+of\s+(?:the|this)\s+year)?"
_RU_TAIL = rf"(?:\s+(?P<y>{_YEAR}){_RU_YEAR_WORD})?"
_DASH = r"\s*[-–—]\s*"
_COUNTS = {
    **dict(
        zip(
            ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"],
            range(2, 12),
            strict=True,
        )
    ),
    **dict(
        zip(
            [
                "два",
                "три",
                "четыре",
                "пять",
                "шесть",
                "семь",
                "восемь",
                "девять",
                "десять",
                "одиннадцать",
            ],
            range(2, 12),
            strict=True,
        )
    ),
}
_COUNT = "|".join(_COUNTS) + r"|[2-9]|1[01]"
_QUARTER_EN = r"first|second|third|fourth|1st|2nd|3rd|4th"
_QUARTER_RU = (
    r"первом|втором|третьем|четв[её]ртом|первый|второй|третий|четв[её]ртый|IV|I{1,3}"
    r"|[1-4]-?(?:ом|м|й)"
)
_HALF_RU = r"первом|втором|первое|второе|II|I|[12]-?(?:ом|м|е)"


def _compile(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


# In the order they are tried: a longer period first, so that "January-October 2024" is not
# read as the year 2024, nor "first quarter of 2024" as "2024".
_MONTH_RANGES = _compile(
    rf"{_LEAD}(?P<m1>{_MONTH}){_DASH}(?P<m2>{_MONTH})(?:\s+period)?{_TAIL}",
    rf"{_LEAD}(?:\bperiod\s+)?(?:\bfrom\s+)?(?P<m1>{_MONTH})\s+(?:to|through|till|until)\s+"
    rf"(?P<m2>{_MONTH}){_TAIL}",
    rf"{_LEAD}(?:\bperiod\s+)?\bbetween\s+(?P<m1>{_MONTH})\s+and\s+(?P<m2>{_MONTH}){_TAIL}",
    rf"{_RU_LEAD}(?P<m1>{_RU_MONTH}){_DASH}(?P<m2>{_RU_MONTH}){_RU_TAIL}",
    rf"{_RU_LEAD}(?:\bпериод[е]?\s+)?\bс\s+(?P<m1>{_RU_MONTH})\s+по\s+(?P<m2>{_RU_MONTH}){_RU_TAIL}",
)
_DATES = _compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+{_YEAR})?",
    rf"\b\d{{1,2}}\s+{_RU_MONTH}(?:\s+{_YEAR}{_RU_YEAR_WORD})?",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
)
_PARTS = _compile(
    rf"{_LEAD}\b(?P<q>{_QUARTER_EN})\s+quarter{_TAIL}",
    rf"{_LEAD}\b(?P<q>Q[1-4]){_DASH}(?P<q2>Q[1-4])\b{_TAIL}",
    rf"{_LEAD}\b(?P<q>Q[1-4]|[1-4]Q)\b{_TAIL}",
    rf"{_RU_LEAD}(?P<q>{_QUARTER_RU})\s+квартал[еа]?(?![а-яё]){_RU_TAIL}",
    rf"{_LEAD}\b(?P<h>first|second|1st|2nd)\s+half{_TAIL}",
    # H1, H2 only with a year: on their own they are as likely to be hydrogen.
    rf"{_LEAD}\b(?P<h>H[12]|[12]H)\s+(?P<y>{_YEAR})",
    rf"{_RU_LEAD}(?P<h>{_HALF_RU})\s+полугоди[иея](?![а-яё]){_RU_TAIL}",
    rf"{_LEAD}(?:\bfirst\s+)?\b(?P<n>{_COUNT})\s+months{_TAIL}",
    rf"\b(?:за(?:\s+первые)?|в\s+первые)\s+(?P<n>{_COUNT})\s+месяц(?:а|ев)(?![а-яё]){_RU_TAIL}",
    rf"{_LEAD}(?P<m1>{_MONTH})(?:\s+of)?\s+(?P<y>{_YEAR})",
    rf"{_RU_LEAD}(?P<m1>{_RU_MONTH})\s+(?P<y>{_YEAR}){_RU_YEAR_WORD}",
)
_YEAR_RANGES = _compile(
    rf"{_LEAD}(?<![\w.,])(?P<y>{_YEAR_NUMBER}){_DASH}(?P<y2>{_YEAR_NUMBER})(?![\w%]|[.,]\d)"
    rf"{_RU_YEAR_WORD}",
    rf"\b(?:between|from)\s+(?P<y>{_YEAR})\s+(?:and|to|through|till|until)\s+(?P<y2>{_YEAR})",
    rf"{_RU_LEAD}\bс\s+(?P<y>{_YEAR}){_RU_YEAR_WORD}\s+по\s+(?P<y2>{_YEAR}){_RU_YEAR_WORD}",
)
_YEARS = _compile(
    rf"(?:\b(?:in|during|for|over|throughout)\s+(?:the\s+(?:year\s+)?)?|\b(?:в|во|за)\s+)?"
    rf"(?P<y>{_YEAR}){_RU_YEAR_WORD}",
)
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")
_SKIPPED_BEFORE = {"the", "of", "year", "a"}
# A period after one of these words is a target, a comparison or a starting point, not the
# period the figure is for: "by 2030", "than in 2023", "the same period of 2023", "since 2020".
_NOT_A_PERIOD_AFTER = {
    "by",
    "until",
    "till",
    "since",
    "before",
    "after",
    "to",
    "from",
    "than",
    "with",
    "versus",
    "vs",
    "against",
    "end",
    "beginning",
    "start",
    "period",
    "past",
    "last",
    "next",
    "coming",
    "following",
    "previous",
    "recent",
    "within",
    # "the last quarter of 2023" is not the year 2023
    "quarter",
    "half",
    "month",
    "months",
    "до",
    "к",
    "с",
    "после",
    "от",
    "конца",
    "концу",
    "начала",
    "началу",
    "период",
    "периодом",
    "периоду",
}
_NOT_A_COUNT_AFTER = re.compile(r"\s+(?:ago|later|earlier|from\s+now)\b", re.IGNORECASE)
_RU_MONTH_PREFIXES = [
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
]
_EN_MONTHS = {
    m: n
    for n, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
}


@dataclass(frozen=True)
class _Period:
    """A period's words in a sentence: whole years, or months of a year that may be missing."""

    start: int
    end: int
    months: tuple[int, int] | None  # None for whole years
    year: int | None
    last_year: int | None = None  # the end of a range of years


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    for prefix, number in _RU_MONTH_PREFIXES:
        if word.startswith(prefix):
            return number
    return _EN_MONTHS[word[:3]]


def _ordinal(word: str) -> int:
    word = word.lower()
    digits = re.sub(r"\D", "", word)
    if digits:
        return int(digits)
    if word in _ORDINALS:
        return _ORDINALS[word]
    for stem, number in (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4)):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _months(match: re.Match[str]) -> tuple[int, int]:
    groups = match.groupdict()
    if groups.get("q"):
        quarter = _ordinal(groups["q"])
        return 3 * quarter - 2, 3 * _ordinal(groups.get("q2") or groups["q"])
    if groups.get("h"):
        half = _ordinal(groups["h"])
        return 6 * half - 5, 6 * half
    if groups.get("n"):
        count = groups["n"].lower()
        return 1, _COUNTS.get(count) or int(count)
    first = _month(groups["m1"])
    return first, _month(groups["m2"]) if groups.get("m2") else first


def _after_a_blocking_word(text: str, start: int) -> bool:
    for word in reversed(_WORDS_BEFORE.findall(text, max(0, start - 60), start)):
        word = word.lower()
        if word not in _SKIPPED_BEFORE:
            return word in _NOT_A_PERIOD_AFTER
    return False


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _periods(
    text: str, amounts: list[tuple[int, int]], published_on: datetime.date | None
) -> list[_Period]:
    """The periods a sentence names, in order, with dates, amounts and targets left out."""
    taken = list(amounts)
    periods: list[_Period] = []

    def found(pattern: re.Pattern[str], *, period: bool) -> Iterator[re.Match[str]]:
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), taken):
                continue
            taken.append((match.start(), match.end()))
            if period and not _after_a_blocking_word(text, match.start()):
                yield match

    for pattern in _MONTH_RANGES:
        for match in found(pattern, period=True):
            periods.append(_sub_year(match))
    for pattern in _DATES:
        list(found(pattern, period=False))  # a date only hides its year
    for pattern in _PARTS:
        for match in found(pattern, period=True):
            if match.groupdict().get("n") and _NOT_A_COUNT_AFTER.match(text, match.end()):
                continue  # "nine months ago"
            periods.append(_sub_year(match))
    for pattern in _YEAR_RANGES:
        for match in found(pattern, period=True):
            first, last = int(match.group("y")), int(match.group("y2"))
            if first < last <= first + 30:
                periods.append(_Period(match.start(), match.end(), None, first, last))
    for pattern in _YEARS:
        for match in found(pattern, period=True):
            periods.append(_Period(match.start(), match.end(), None, int(match.group("y"))))
    if published_on:  # a period not begun by publication is a target or a forecast
        periods = [p for p in periods if p.year is None or _first_day(p, p.year) <= published_on]
    return sorted(periods, key=lambda p: p.start)


def _sub_year(match: re.Match[str]) -> _Period:
    year = match.group("y") if "y" in match.groupdict() else None
    return _Period(match.start(), match.end(), _months(match), int(year) if year else None)


def _first_day(period: _Period, year: int) -> datetime.date:
    first, last = period.months or (1, 12)
    return datetime.date(year - 1 if last < first else year, first, 1)


def _last_day(period: _Period, year: int) -> datetime.date:
    last = period.months[1] if period.months else 12
    return datetime.date(year, last, calendar.monthrange(year, last)[1])


def _choose(periods: list[_Period], start: int, end: int, text: str) -> _Period | None:
    """The period of the amount at ``start``-``end``: the one right after it ("$31 bn in 2022"),
    else the nearest before it, else the nearest after it."""
    for period in periods:
        if period.start >= end and not text[end : period.start].strip():
            return period
    before = [p for p in periods if p.end <= start]
    if before:
        return before[-1]
    after = [p for p in periods if p.start >= end]
    return after[0] if after else None


@dataclass(frozen=True)
class _Dates:
    first: datetime.date
    last: datetime.date
    start: int  # offsets of the words that gave them, in the sentence
    end: int
    inferred: bool


def _dates(
    period: _Period,
    periods: list[_Period],
    amounts: list[tuple[int, int]],
    published_on: datetime.date | None,
) -> _Dates | None:
    if period.year:
        last_year = period.last_year or period.year
        return _Dates(
            _first_day(period, period.year),
            _last_day(period, last_year),
            period.start,
            period.end,
            False,
        )
    # "In 2024, in the first quarter": a year written earlier in the sentence, with no other
    # amount in between (that would be the year of that amount).
    earlier = [
        p
        for p in periods
        if p.months is None
        and p.last_year is None
        and p.end <= period.start
        and not any(p.end <= a < period.start for a, _ in amounts)
    ]
    if earlier and earlier[-1].year:
        year = earlier[-1].year
        return _Dates(
            _first_day(period, year), _last_day(period, year), earlier[-1].start, period.end, False
        )
    if published_on is None:
        return None
    year = published_on.year
    while _last_day(period, year) > published_on:
        year -= 1
    return _Dates(_first_day(period, year), _last_day(period, year), period.start, period.end, True)


# --- Together ------------------------------------------------------------------------------


def find_amounts(body: str, *, published_on: datetime.date | None) -> list[FoundAmount]:
    """The amounts of money in ``body`` whose sentence says which period they are for, in the
    order they appear. ``published_on`` supplies the year a sentence leaves out ("In
    January-October"); without it such amounts are not reported."""
    amounts = list(_amounts(body))
    if not amounts:
        return []
    sentences = _sentences(body)
    starts = [s for s, _ in sentences]
    by_sentence: dict[tuple[int, int], list[_Amount]] = {}
    for amount in amounts:
        index = bisect.bisect_right(starts, amount.start) - 1
        if index >= 0 and amount.end <= sentences[index][1]:
            by_sentence.setdefault(sentences[index], []).append(amount)
    found = []
    for (s_start, s_end), items in by_sentence.items():
        text = body[s_start:s_end]
        spans = [(a.start - s_start, a.end - s_start) for a in items]
        periods = _periods(text, spans, published_on)
        for amount, (start, end) in zip(items, spans, strict=True):
            period = _choose(periods, start, end, text)
            dates = _dates(period, periods, spans, published_on) if period else None
            if not dates or (published_on and dates.first > published_on):
                continue
            found.append(
                FoundAmount(
                    text=body[amount.start : amount.end],
                    start=amount.start,
                    end=amount.end,
                    value=amount.value,
                    unit=amount.unit,
                    period_start=dates.first,
                    period_end=dates.last,
                    period_text=text[dates.start : dates.end],
                    year_inferred=dates.inferred,
                    sentence_start=s_start,
                    sentence_end=s_end,
                )
            )
    return found
