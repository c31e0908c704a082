"""Search over every published record type, aliases included, with the database's full text.

One function, :func:`search`, whatever the engine: SQLite's FTS5 (ranked by bm25) or
PostgreSQL's text search (ranked by ts_rank) over :class:`~events.models.SearchEntry`, which
holds one row per published record. Query words are matched as prefixes ("Zhapar" finds
"Zhaparov") and all must match; diacritics are ignored on both sides.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Model, Q
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cmsproject import caching
from sources.models import Source

from .models import (
    Agreement,
    AgreementAlias,
    Event,
    EventSeries,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    SearchEntry,
    Topic,
)

MAX_QUERY = 200
MAX_WORDS = 8
PER_TYPE = 20
CANDIDATES = 400
# Matches ranked at most per query (the newest); see _ranked_ids.
RANKED = 1000  # ts_rank on PostgreSQL costs ~0.05 ms a row: 1,000 keeps a common word < 100 ms
MIN_PREFIX = 2

# kind -> (model, heading on the results page), in the order results are shown
KINDS: dict[str, tuple[type[Model], str]] = {
    "person": (Person, "People"),
    "event": (Event, "Events"),
    "agreement": (Agreement, "Agreements"),
    "organization": (Organization, "Organizations"),
    "place": (Place, "Places"),
    "topic": (Topic, "Topics"),
    "source": (Source, "Sources"),
}
KIND_OF = {model: kind for kind, (model, _) in KINDS.items()}
ALIAS_PARENTS = {
    PersonAlias: "person",
    OrganizationAlias: "organization",
    PlaceAlias: "place",
    AgreementAlias: "agreement",
}


# An event is also found by the names of these (when published); their changes re-index it.
EVENT_CONTEXT = {"series": EventSeries, "place": Place}


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _aliases(obj) -> list[str]:
    return [a.name for a in obj.aliases.all()] if hasattr(obj, "aliases") else []


def document(obj) -> tuple[str, str]:
    """(title, body) of a record as search reads them. Sources give their title and our
    summary, never the article's text."""
    title = str(obj)
    parts = [getattr(obj, "native_name", ""), getattr(obj, "short_name", ""), *_aliases(obj)]
    for field in ("summary", "biography", "description"):
        parts.append(getattr(obj, field, "") or "")
    if isinstance(obj, Event):
        # a draft place's or series' name must not make the event findable by it
        for related in EVENT_CONTEXT:
            shown = getattr(obj, related) if getattr(obj, f"{related}_id") else None
            parts.append(shown.name if shown is not None and shown.is_live else "")
    body = " ".join(p for p in parts if p)
    folded = strip_marks(f"{title} {body}")
    if folded != f"{title} {body}":
        body = f"{body} {folded}"
    return title[:500], body


def _update_vectors(queryset) -> None:
    if connection.vendor == "postgresql":
        queryset.update(
            vector=SearchVector("title", weight="A", config="simple")
            + SearchVector("body", weight="B", config="simple")
        )


def index_record(obj) -> None:
    """Bring the record's search entry in step: present when published, absent otherwise."""
    kind = KIND_OF.get(type(obj))
    if kind is None:
        return
    entries = SearchEntry.objects.filter(kind=kind, object_id=obj.pk)
    if not getattr(obj, "is_live", False):
        entries.delete()
        return
    title, body = document(obj)
    SearchEntry.objects.update_or_create(
        kind=kind, object_id=obj.pk, defaults={"title": title, "body": body}
    )
    _update_vectors(entries)


@transaction.atomic
def rebuild_index(batch_size: int = 2000) -> int:
    """Re-make every entry from the published records; returns how many there are."""
    SearchEntry.objects.all().delete()
    total = 0
    for kind, (model, _) in KINDS.items():
        queryset = model.objects.published().order_by("pk")
        if hasattr(model, "aliases"):
            queryset = queryset.prefetch_related("aliases")
        if model is Event:
            queryset = queryset.select_related("series", "place")
        batch = []
        for obj in queryset.iterator(chunk_size=batch_size):
            title, body = document(obj)
            batch.append(SearchEntry(kind=kind, object_id=obj.pk, title=title, body=body))
            if len(batch) >= batch_size:
                SearchEntry.objects.bulk_create(batch)
                total += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        total += len(batch)
    _update_vectors(SearchEntry.objects.all())
    return total


def query_words(query: str) -> list[str]:
    """The words of a query: letters and digits only, marks removed, at most ``MAX_WORDS``."""
    return re.findall(r"[^\W_]+", strip_marks((query or "")[:MAX_QUERY]))[:MAX_WORDS]


def _prefix(term: str) -> bool:
    """Whether a query word also finds longer words: a single letter would match a large
    part of the index ("t" finds every "the", "talks", "trade"…), so it must match whole."""
    return len(term) >= MIN_PREFIX


def _ranked_ids(terms: list[str]) -> list[tuple[str, int]]:
    """(kind, object id) of the best matches: records whose title matches first, then any.

    The cost of ranking grows with the number of matches, and a word such as "energy" matches
    half the archive; so each of the two queries ranks at most the ``RANKED`` newest entries
    that match (all of them when fewer do, which is nearly every query with a name in it).
    """
    rows: list[tuple[str, int]] = []
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{t}"*' if _prefix(t) else f'"{t}"' for t in terms)
        with connection.cursor() as cursor:
            for expression in (f"{{title}} : ({match})", match):
                cursor.execute(
                    "SELECT e.kind, e.object_id FROM ("
                    "  SELECT rowid AS id, bm25(events_searchentry_fts, 10.0, 1.0) AS score"
                    "  FROM events_searchentry_fts WHERE events_searchentry_fts MATCH %s"
                    "  ORDER BY rowid DESC LIMIT %s"
                    ") ranked JOIN events_searchentry e ON e.id = ranked.id "
                    "ORDER BY ranked.score, ranked.id LIMIT %s",
                    [expression, RANKED, CANDIDATES],
                )
                rows += cursor.fetchall()
    elif connection.vendor == "postgresql":
        for weights in ("A", ""):
            tsquery = SearchQuery(
                " & ".join(f"{t}:{'*' if _prefix(t) else ''}{weights}" for t in terms),
                search_type="raw",
                config="simple",
            )
            newest = SearchEntry.objects.filter(vector=tsquery).order_by("-id").values("id")
            rows += list(
                SearchEntry.objects.filter(id__in=newest[:RANKED])
                .annotate(rank=SearchRank(F("vector"), tsquery))
                .order_by("-rank", "id")
                .values_list("kind", "object_id")[:CANDIDATES]
            )
    else:
        condition = Q()
        for t in terms:
            condition &= Q(title__icontains=t) | Q(body__icontains=t)
        rows = list(
            SearchEntry.objects.filter(condition).values_list("kind", "object_id")[:CANDIDATES]
        )
    return list(dict.fromkeys(rows))


@dataclass
class Hit:
    record: object
    title: SafeString
    snippet: SafeString


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each word that starts with a query word wrapped in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.I)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def search(query: str) -> dict[str, list[Hit]]:
    """Published records matching every word of ``query``, best first, grouped by type."""
    terms = query_words(query)
    if not terms:
        return {}
    ranked: dict[str, list[int]] = {}
    # Readers ask the same thing many times (a name in the news): the ranking, the costly
    # part, is kept until the content next changes.
    key = "search:" + hashlib.sha1("\x1f".join(terms).encode()).hexdigest()
    for kind, object_id in caching.cached(key, lambda: _ranked_ids(terms)):
        ids = ranked.setdefault(kind, [])
        if len(ids) < PER_TYPE:
            ids.append(object_id)
    results: dict[str, list[Hit]] = {}
    for kind, (model, heading) in KINDS.items():
        ids = ranked.get(kind)
        if not ids:
            continue
        # No ORDER BY: the ids give the order, and an ORDER BY would let the planner walk a
        # whole ordered index looking for them.
        queryset = model.objects.published().filter(pk__in=ids).order_by()
        if hasattr(model, "aliases"):
            queryset = queryset.prefetch_related("aliases")
        records = {r.pk: r for r in queryset}
        results[heading] = [_hit(records[i], terms) for i in ids if i in records]
    return {k: v for k, v in results.items() if v}


def _hit(record, terms: list[str]) -> Hit:
    lowered = [t.lower() for t in terms]
    alias = next(
        (a for a in _aliases(record) if any(t in strip_marks(a).lower() for t in lowered)), ""
    )
    text = ""
    for field in ("summary", "biography", "description"):
        text = text or (getattr(record, field, "") or "")
    snippet = (f"Also written: {alias}. " if alias else "") + text[:240]
    return Hit(record, highlight(str(record), terms), highlight(snippet, terms))


def _on_save(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if sender in ALIAS_PARENTS:
        parent = getattr(instance, ALIAS_PARENTS[sender], None)
        if parent is not None:
            index_record(parent)
        return
    if kwargs.get("created") and not getattr(instance, "is_live", False):
        return  # a new draft has no entry to remove (imports create thousands)
    if sender in KIND_OF:
        index_record(instance)
    for related, model in EVENT_CONTEXT.items():
        if sender is model:
            for event in Event.objects.published().filter(**{related: instance}):
                index_record(event)


def _on_delete(sender, instance, **kwargs) -> None:
    if sender in ALIAS_PARENTS:
        parent_model = KINDS[ALIAS_PARENTS[sender]][0]
        parent = parent_model.objects.filter(
            pk=getattr(instance, f"{ALIAS_PARENTS[sender]}_id")
        ).first()
        if parent is not None:
            index_record(parent)
        return
    if sender in KIND_OF:
        SearchEntry.objects.filter(kind=KIND_OF[sender], object_id=instance.pk).delete()


def connect_signals() -> None:
    for model in {*KIND_OF, *ALIAS_PARENTS, *EVENT_CONTEXT.values()}:
        uid = f"search-{model._meta.label}"
        post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}-delete")
