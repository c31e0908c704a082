"""Reading article files: size limits, binary refusal, encoding detection."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes
from django.conf import settings

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm")

# The legacy encodings our outlets' files come in. Restricting the detector to these keeps short
# texts from being read as an exotic code page that happens to fit.
LEGACY_ENCODINGS = [
    "utf_8",
    "cp1251",
    "koi8_r",
    "cp1252",
    "latin_1",
    "cp1254",
    "iso8859_9",
    "gb18030",
    "big5",
    "utf_16",
]
# Icelandic letters: in our material they only ever appear when Turkish ş/ğ is misread as cp1252.
_IMPLAUSIBLE = set("þðÞÐ")


class UnreadableFile(ValueError):
    """A file that cannot be imported, with a reason an editor can act on."""


@dataclass
class DecodedFile:
    text: str
    encoding: str
    is_html: bool


def max_bytes() -> int:
    return getattr(settings, "CARAVAN_IMPORT_MAX_BYTES", 5 * 1024 * 1024)


def looks_like_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def decode(data: bytes, *, name: str) -> DecodedFile:
    """Bytes to text. UTF-8 first; otherwise the most likely legacy encoding (cp1251, latin-1…).

    Refuses empty, oversized and binary files with a reason.
    """
    limit = max_bytes()
    if not data or not data.strip():
        raise UnreadableFile("The file is empty.")
    if len(data) > limit:
        raise UnreadableFile(
            f"The file is {len(data) / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.0f} MB."
        )
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile("This is a binary file, not an article (.txt or .html).")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise UnreadableFile("This is a binary file, not an article (.txt or .html).")
    return DecodedFile(text=text, encoding=encoding, is_html=looks_like_html(name, text))


def _decode_legacy(data: bytes) -> tuple[str, str]:
    matches = list(from_bytes(data, cp_isolation=LEGACY_ENCODINGS))
    if not matches:
        raise UnreadableFile("The text encoding could not be recognised; save the file as UTF-8.")
    for match in matches:
        text = str(match)
        if not _IMPLAUSIBLE.intersection(text):
            return text, match.encoding
    return str(matches[0]), matches[0].encoding
