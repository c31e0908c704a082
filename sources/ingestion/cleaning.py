"""Cleaning scraped article text: title, date, dateline, photo credit, and debris out.

Scraped copy arrives with the site around it: share buttons, "Comments (0)", "Related news",
font-size widgets ("+ ↺ − 16 px"), ad-blocker notices, in English, Russian and Turkish. The rules
below are line-based: a line is debris when it is *only* debris, so an article sentence that
happens to mention "comments" survives.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

# Whole lines that are site furniture, in the languages our outlets publish in.
DEBRIS_LINES = [
    r"share( this( article| story)?)?( on \w+)?",
    r"(facebook|twitter|x|telegram|whatsapp|vk|vkontakte|linkedin|email|e-mail|print|tweet"
    r"|copy link|pinterest|reddit|ok|odnoklassniki)",
    r"comments?\s*\(\d+\)",
    r"\d+\s+comments?",
    r"(leave a|add a|post a) comment",
    r"(related|similar|recommended|popular|latest|more)\s*(news|articles|stories|posts)?\s*:?",
    r"(read|see) (also|more)\s*:?",
    r"also read\s*:?",
    r"most read\s*:?",
    r"tags?\s*:.*",
    r"advertisement|реклама",
    r"subscribe( to our (newsletter|channel))?.*",
    r"follow us( on .*)?",
    r"back to top",
    # Russian
    r"поделиться",
    r"комментарии\s*\(\d+\)",
    r"читайте также\s*:?",
    r"похожие новости",
    r"новости по теме",
    r"наверх",
    # Turkish
    r"ilgili makaleler",
    r"başa dön tuşu",
    r"başa dön",
    r"reklam engelleyici algılandı",
    r"paylaş",
    r"yorum yap",
    r"yorumlar\s*\(\d+\)",
    r"benzer haberler",
]
DEBRIS_RE = re.compile(r"^\s*(?:" + "|".join(DEBRIS_LINES) + r")\s*$", re.IGNORECASE)

# Lines containing these are notices from the site, not the article.
NOTICE_RE = re.compile(
    r"ad ?blocker|adblock|allow our site|disable your ad|reklam engelleyici"
    r"|cookies? (policy|settings)|we use cookies|javascript is disabled|enable javascript",
    re.IGNORECASE,
)

# Headings after which the rest of the page lists other articles.
TAIL_HEADINGS_RE = re.compile(
    r"^\s*(related( news| articles| stories)?|read also|see also|more news|also read"
    r"|ilgili makaleler|benzer haberler|читайте также|похожие новости|новости по теме)\s*:?\s*$",
    re.IGNORECASE,
)

CREDIT_RE = re.compile(
    r"^\s*(?:photo|photos|image|credit|picture|фото|foto|fotoğraf|görsel)\s*(?:credit)?\s*[:©/—–-]"
    r"\s*(?P<credit>.{2,120}?)\s*$",
    re.IGNORECASE,
)

# " date 2025-04-26 + ↺ − 16 px", "Published: 2024-05-20", "Date: 20.05.2024"
DATE_LINE_RE = re.compile(
    r"^\s*(?:date|published|updated|posted|дата|tarih)\s*:?\s*(?P<date>\S+(?:\s+\S+){0,2})",
    re.IGNORECASE,
)
ISO_DATE_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
DOTTED_DATE_RE = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b")
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WORDY_DATE_RE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d\d))\b"
)

# "ASTANA – The Fifth …": a city in capitals, then a dash. It names the place, not the date.
DATELINE_RE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’ .-]{1,30}?)(?:,\s*[A-Za-z .]{2,20})?"
    r"\s*(?:\(\w+\)\s*)?[–—-]{1,2}\s+(?=\S)"
)

# Sentence ends, except after abbreviations and initials ("Dec. 1", "K.K. Tokaev").
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "st",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "est",
    "govt",
    *MONTHS,
}
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’»)]?\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9])")

MAX_TITLE = 300


@dataclass
class CleanedArticle:
    title: str
    body: str
    published_on: datetime.date | None = None
    dateline: str = ""
    image_credit: str = ""
    language: str = ""
    removed: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


def normalise_text(text: str) -> str:
    """Unicode NFC, unified line ends, no zero-width or control characters, tidy spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))


def is_glyph_line(line: str) -> bool:
    """UI widgets such as "+ ↺ − 16 px" or "A A A": almost no letters, nothing to read."""
    words = re.findall(r"[^\W\d_]{2,}", line)
    words = [w for w in words if w.lower() not in {"px", "pt", "em", "aa"}]
    return len(line) < 60 and not words and bool(line.strip())


def is_debris(line: str) -> bool:
    return bool(DEBRIS_RE.match(line) or NOTICE_RE.search(line) or is_glyph_line(line))


def parse_date(text: str) -> datetime.date | None:
    """The first explicit full date in ``text`` (ISO, 20.05.2024, "May 20, 2024", "20 May 2024")."""
    for regex in (ISO_DATE_RE, DOTTED_DATE_RE):
        m = regex.search(text)
        if m:
            try:
                return datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    for m in WORDY_DATE_RE.finditer(text):
        month = MONTHS.get((m["m1"] or m["m2"]).lower())
        if month:
            try:
                return datetime.date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))
            except ValueError:
                continue
    return None


def split_sentences(paragraph: str) -> list[str]:
    parts, start = [], 0
    for m in SENTENCE_END_RE.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip('"”’») ')
        last_word = re.search(r"([\w.]+)\.$", before)
        if last_word:
            word = last_word.group(1).lower()
            if word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(\w\.)+\w", word):
                continue
        parts.append(paragraph[start : m.start()].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


def _is_headline(line: str, following: list[str]) -> bool:
    """A first line that reads as a headline: short-ish, no closing full stop, text after it."""
    if not following or len(line) > MAX_TITLE:
        return False
    return not re.search(r"[.!?…:;,]\s*[\"”’»)]?$", line) and len(line.split()) >= 3


def _strip_dateline(paragraph: str) -> tuple[str, str]:
    m = DATELINE_RE.match(paragraph)
    if not m or not re.search(r"[A-ZА-Я]{3}", m["place"]):
        return "", paragraph
    return m["place"].strip().title(), paragraph[m.end() :]


def clean_article(raw: str, *, title_hint: str = "") -> CleanedArticle:
    """Turn scraped text into a title, a body of paragraphs and what the text says about itself."""
    text = normalise_text(raw)
    removed: list[str] = []
    published_on = None
    credit = ""
    kept: list[str] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        date_line = DATE_LINE_RE.match(line)
        if date_line and index < 8 and parse_date(date_line["date"]):
            published_on = published_on or parse_date(date_line["date"])
            removed.append(line)
            continue
        credit_match = CREDIT_RE.match(line)
        if credit_match:
            credit = credit or credit_match["credit"]
            removed.append(line)
            continue
        if TAIL_HEADINGS_RE.match(line) and index > len(lines) * 0.5:
            # The rest of the page lists other articles.
            removed.extend(x for x in lines[index:] if x)
            break
        if is_debris(line):
            removed.append(line)
            continue
        kept.append(line)

    paragraphs = [p.strip() for p in re.split(r"\n{2,}", "\n".join(kept)) if p.strip()]
    # Inside a paragraph, single line breaks are paragraph breaks in most scraped copy.
    blocks: list[str] = []
    for p in paragraphs:
        blocks.extend(x.strip() for x in p.split("\n") if x.strip())

    title = title_hint.strip()
    if blocks and not title:
        if len(blocks) > 1 and blocks[0].casefold() == blocks[1].casefold():
            title = blocks[0]
            blocks = blocks[2:]
        elif _is_headline(blocks[0], blocks[1:]):
            title = blocks.pop(0)
    if title and blocks and blocks[0].casefold() == title.casefold():
        blocks.pop(0)

    dateline = ""
    if blocks:
        dateline, first = _strip_dateline(blocks[0])
        if not title:
            sentences = split_sentences(first)
            title = sentences[0] if sentences else first
            if len(title) > MAX_TITLE:
                title = title[:MAX_TITLE].rsplit(" ", 1)[0] + "…"

    if published_on is None:
        for line in blocks[:2]:
            if DATE_LINE_RE.match(line):
                published_on = parse_date(line)

    return CleanedArticle(
        title=title.strip(),
        body="\n\n".join(blocks),
        published_on=published_on,
        dateline=dateline,
        image_credit=credit,
        language=guess_language("\n".join(blocks)),
        removed=removed,
    )


def guess_language(text: str) -> str:
    """A rough guess from the script and a few letters; editors correct it when needed."""
    sample = text[:4000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return ""
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in letters) / len(letters)
    if han > 0.3:
        return "zh"
    if cyrillic > 0.5:
        return "kk" if re.search(r"[әғқңөұүһі]", sample.lower()) else "ru"
    if re.search(r"[ğışİ]", sample) and len(re.findall(r"[ğışçöü]", sample.lower())) > 10:
        return "tr"
    return "en"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding the span [start, end), as it stands in the text."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    paragraph = text[para_start:para_end]
    offset = 0
    for sentence in split_sentences(paragraph):
        found = paragraph.find(sentence, offset)
        if found == -1:
            continue
        s_start, s_end = para_start + found, para_start + found + len(sentence)
        if s_start <= start < s_end or (s_start < end <= s_end):
            return sentence if s_end >= end else text[s_start:end]
        offset = found + len(sentence)
    return paragraph.strip()
