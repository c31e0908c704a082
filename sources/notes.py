"""Numbered notes for a record page: which source backs which fact, and where sources differ."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import facts
from .models import Citation


@dataclass
class Note:
    number: int
    citation: Citation

    @property
    def claim_label(self) -> str:
        return facts.label_of(facts.model_of(self.citation), self.citation.claim)


class Notes:
    """Built from a record's (prefetched, published-source) citations, in their order."""

    def __init__(self, citations) -> None:
        self.all = [Note(i, c) for i, c in enumerate(citations, start=1)]
        self.by_claim: dict[str, list[Note]] = defaultdict(list)
        for note in self.all:
            self.by_claim[note.citation.claim or "record"].append(note)

    def __bool__(self) -> bool:
        return bool(self.all)

    @property
    def disagreements(self) -> list[Note]:
        """Notes whose source gives another value for a fact than the record does."""
        return [n for n in self.all if n.citation.claim and n.citation.claimed_value]
