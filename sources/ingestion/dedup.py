"""Near-duplicate detection: syndicated copies and lightly edited reprints of one story.

Each body is cut into overlapping five-word *shingles*; each shingle is hashed once, and the 64
smallest hashes form the body's sketch (a bottom-k MinHash). The share of the 64 smallest hashes
of two sketches' union that both sketches hold estimates the Jaccard similarity of their shingle
sets. The 8 smallest hashes of every sketch are indexed, so candidates are found with one indexed
query instead of a scan, and only the candidates sharing most of those 8 are compared.

Two bodies with an estimated similarity of at least ``NEAR_DUPLICATE_THRESHOLD`` (0.6) are the
same story: a reprint with a new headline, an added or dropped paragraph, or re-spelt names stays
well above it (typically 0.7–0.95), while two different articles on the same meeting share
phrases but rarely more than 0.2 of their shingles.
"""

from __future__ import annotations

import hashlib
import heapq
import re

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
INDEXED_HASHES = 8
NEAR_DUPLICATE_THRESHOLD = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 63) - 1  # fits a signed 64-bit database integer


def content_hash(body: str) -> str:
    """SHA-256 of the body with case and spacing folded: the same text hashes the same."""
    folded = " ".join(_WORD.findall(body.casefold()))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def shingle_hashes(body: str) -> set[int]:
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE_WORDS:
        return {_hash(" ".join(words))} if words else set()
    return {
        _hash(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def _hash(text: str) -> int:
    return (
        int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big") & _MASK
    )


def sketch(body: str) -> list[int]:
    """The ``SKETCH_SIZE`` smallest shingle hashes, ascending."""
    return heapq.nsmallest(SKETCH_SIZE, shingle_hashes(body))


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two bodies the sketches were made from."""
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    union_smallest = sorted(first | second)[:SKETCH_SIZE]  # at most 128 ints: sort in C
    both = first & second
    return sum(h in both for h in union_smallest) / len(union_smallest)


def index_keys(sk: list[int]) -> list[int]:
    return sk[:INDEXED_HASHES]
