"""Word-level differences between two texts, as HTML: what was removed in ``<del>``, what was
added in ``<ins>``, everything escaped, nothing cut short."""

from __future__ import annotations

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Words, runs of spaces, and each other character: a changed comma is shown as a comma.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# Below this share of tokens in common, a text is shown as replaced whole.
REWRITTEN = 0.4


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """``before`` with its removed words marked, and ``after`` with its added words marked."""
    a, b = tokens(before), tokens(after)
    old: list[str] = []
    new: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if a and b and matcher.ratio() < REWRITTEN:
        # Rewritten rather than edited: a few shared "the"s and spaces would only chop both
        # texts into pieces.
        return (
            mark_safe(f"<del>{escape(before)}</del>"),
            mark_safe(f"<ins>{escape(after)}</ins>"),
        )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            old.append(removed)
            new.append(added)
            continue
        if removed:
            old.append(f"<del>{removed}</del>")
        if added:
            new.append(f"<ins>{added}</ins>")
    return mark_safe("".join(old)), mark_safe("".join(new))
