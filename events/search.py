"""Search over every published record type, aliases included.

First version: case-insensitive matching of every query word against names, titles, aliases
and summaries, ranked by where the words match. Full-text search (FTS5 on SQLite, PostgreSQL's
search on PostgreSQL) will replace the matching behind this same function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sources.models import Source

from .models import Agreement, Event, Organization, Person, Place, Topic

MAX_QUERY = 200
MAX_WORDS = 8
PER_TYPE = 20

FIELDS = {
    "Events": (Event, ["title", "summary", "series__name"]),
    "People": (Person, ["name", "native_name", "aliases__name", "biography"]),
    "Organizations": (Organization, ["name", "short_name", "aliases__name", "description"]),
    "Agreements": (Agreement, ["title", "aliases__name", "summary"]),
    "Places": (Place, ["name", "aliases__name"]),
    "Topics": (Topic, ["name", "description"]),
    "Sources": (Source, ["title", "summary"]),
}


@dataclass
class Hit:
    record: object
    title: SafeString
    snippet: SafeString


def query_words(query: str) -> list[str]:
    """The words of a query: letters and digits only, at most ``MAX_WORDS``."""
    return re.findall(r"[^\W_]+", (query or "")[:MAX_QUERY])[:MAX_WORDS]


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each query word wrapped in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def search(query: str) -> dict[str, list[Hit]]:
    terms = query_words(query)
    if not terms:
        return {}
    results: dict[str, list[Hit]] = {}
    for label, (model, fields) in FIELDS.items():
        condition = Q()
        for term in terms:
            any_field = Q()
            for f in fields:
                any_field |= Q(**{f"{f}__icontains": term})
            condition &= any_field
        ids = model.objects.published().filter(condition).values("pk")
        records = model.objects.filter(pk__in=ids).prefetch_related(
            *(["aliases"] if hasattr(model, "aliases") else [])
        )[:PER_TYPE]
        hits = []
        for record in records:
            matched_alias = ""
            if hasattr(record, "aliases"):
                names = [a.name for a in record.aliases.all()]
                matched_alias = next(
                    (n for n in names if any(t.lower() in n.lower() for t in terms)), ""
                )
            body = (
                getattr(record, "summary", "")
                or getattr(record, "biography", "")
                or (getattr(record, "description", ""))
            )
            snippet = f"Also written: {matched_alias}. " if matched_alias else ""
            snippet += body[:240]
            hits.append(Hit(record, highlight(str(record), terms), highlight(snippet, terms)))
        if hits:
            results[label] = hits
    return results
