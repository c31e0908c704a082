"""Folding names so that spellings of one name compare equal.

Names from Kazakh, Kyrgyz, Tajik, Turkmen, Uzbek, Russian and Chinese reach English, Turkish and
Russian copy in many spellings. Rather than list every spelling, both the names we know and the
words of the text are folded with the same rules, in this order:

1. Unicode compatibility form, lower case; Turkish dotless ı and dotted İ become i.
2. Letters with marks lose them, except those that stand for a sound of their own in Turkish and
   Central Asian Latin scripts: ş → sh, ç → ch, ž → zh, č → ch, ğ → g, ö → o, ü → u, ә → a.
   Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic letters become the Russian letters Russian copy
   uses for them (Тоқаев = Токаев, Раҳмон = Рахмон).
3. Consonant spellings of one sound become one letter: dzh, dj, zh, j, c (Turkish c is j), and a
   word-initial z (Zaparov for Жапаров) → j; kh, q → h (Rakhmon = Rahmon, Mukhriddin =
   Muhriddin); ts stays; w → v.
4. y between vowels is a glide and is dropped (Tokayev = Tokaev, Mirziyoyev = Mirziyoev,
   Kulubayev = Kulubaev); any other y is the vowel i (Kassym = Kasim, Berdymukhamedov =
   Berdimuhamedov).
5. Doubled letters become single (Kassym, Berdimuhammedov).

Cyrillic words are folded with rules 1 and 5 only and lose a Russian case ending (-ом, -ым, -у,
-а, -ой…), so "Токаеву" and "Токаевым" fold to the stem of "Токаев".

The *skeleton* of a folded word keeps its first letter and its consonants. Words are matched when
their skeletons are equal and their folded forms are close (see ``matcher``), which tolerates a
changed or dropped vowel: Rahman = Rahmon, Nurtileu = Nurtleu, Cömert = Jomart.
"""

from __future__ import annotations

import functools
import re
import unicodedata

KEEP_MARKS = {
    "ş": "sh",
    "ç": "ch",
    "ž": "zh",
    "č": "ch",
    "š": "sh",
    "ğ": "g",
    "ö": "o",
    "ü": "u",
    "ı": "i",
    "ә": "a",
    "ñ": "n",
    "ṅ": "n",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "ß": "ss",
    # Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic letters to the Russian letters used for them
    "қ": "к",
    "ғ": "г",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
    "ҳ": "х",
    "ҷ": "дж",
    "ӣ": "и",
    "ӯ": "у",
    "ў": "у",
    "ҙ": "з",
}
VOWELS = set("aeiou")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Longest first: the case endings of Russian nouns and surnames (never the -ов/-ев/-ин of the
# surname itself).
CYRILLIC_ENDINGS = (
    "ыми",
    "ими",
    "ому",
    "ему",
    "ого",
    "его",
    "ой",
    "ей",
    "ом",
    "ем",
    "ым",
    "им",
    "ую",
    "ых",
    "их",
    "у",
    "ю",
    "а",
    "я",
    "е",
)
LATIN_RULES = [
    (re.compile(r"dzh|dj|zh|c(?!h)|j"), "j"),
    (re.compile(r"^z"), "j"),
    (re.compile(r"kh|q"), "h"),
    (re.compile(r"w"), "v"),
]
_DOUBLE = re.compile(r"(.)\1+")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", re.UNICODE)


def _strip_marks(word: str) -> str:
    out = []
    for ch in word:
        if ch in KEEP_MARKS:
            out.append(KEEP_MARKS[ch])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def _prepare(word: str) -> str:
    """Rules 1 and 2."""
    word = unicodedata.normalize("NFKC", word).replace("İ", "i").replace("I", "i").lower()
    return _strip_marks(word.replace("’", "'").replace("ʼ", "'"))


def _fold_cyrillic(word: str) -> str:
    """Rule 5 (and ё = е) for a prepared Cyrillic word, its case ending still on."""
    return _DOUBLE.sub(r"\1", word.replace("ё", "е"))


def _without_case_ending(word: str) -> str:
    if len(word) >= 5:
        for ending in CYRILLIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    return word


@functools.lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """One word folded by the rules above; apostrophes stay inside (Xi'an ≠ Xi)."""
    word = _prepare(word)
    if CYRILLIC.search(word):
        return _without_case_ending(_fold_cyrillic(word))
    for pattern, replacement in LATIN_RULES:
        word = pattern.sub(replacement, word)
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch == "y":
            between = 0 < i < len(chars) - 1 and chars[i - 1] in VOWELS and chars[i + 1] in VOWELS
            chars[i] = "" if between else "i"
    return _DOUBLE.sub(r"\1", "".join(chars))


def drops_case_ending(word: str) -> bool:
    """Whether folding cuts a Russian case ending off ``word`` ("Токаеву" → "токаев")."""
    word = _prepare(word)
    if not CYRILLIC.search(word):
        return False
    whole = _fold_cyrillic(word)
    return _without_case_ending(whole) != whole


def skeleton(folded: str) -> str:
    """First letter and consonants: the key under which spellings of a word meet."""
    if not folded:
        return ""
    if CYRILLIC.search(folded):
        return folded[0] + "".join(c for c in folded[1:] if c not in "аеёиоуыэюяй'")
    return folded[0] + "".join(c for c in folded[1:] if c not in VOWELS and c != "'")


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets; hyphens and dots separate words."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def fold_name(name: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w, _, _ in words(name))
