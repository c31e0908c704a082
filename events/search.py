"""Search over every published record type, aliases included, with the database's full text.

:func:`find_records` answers the search page, whatever the engine: SQLite's FTS5 (ranked by
bm25) or PostgreSQL's text search (ranked by ts_rank) over :class:`~events.models.SearchEntry`,
which holds one row per published record. Query words are matched as prefixes ("Zhapar" finds
"Zhaparov"), diacritics are ignored on both sides, and names are also indexed and looked for
folded as the linker folds them (``events.linking.folding``: "Tokaeva" and "Токаеву" find
Tokayev). Records matching every word come first; when none does, those matching the most.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Count, F, Model, Q
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cmsproject import caching
from sources.models import Outlet, Source

from .linking.folding import fold_word, words
from .models import (
    Agreement,
    AgreementAlias,
    Event,
    EventSeries,
    Indicator,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    SearchEntry,
    Topic,
)
from .models.base import DatePrecision, format_date

MAX_QUERY = 200
MAX_WORDS = 8
PER_TYPE = 20  # hits of each type on the page of every type
ONE_TYPE = 100  # hits on the page of one type
CANDIDATES = 400
# Matches ranked at most per query (the newest); see _ranked_ids.
RANKED = 1000  # ts_rank on PostgreSQL costs ~0.05 ms a row: 1,000 keeps a common word < 100 ms
# Matches counted at most per query (the newest): counting costs a read by key a row.
COUNTED = 5000
MIN_PREFIX = 2
SNIPPET = 240

# kind -> (model, heading on the results page), in the order results are shown
KINDS: dict[str, tuple[type[Model], str]] = {
    "person": (Person, "People"),
    "event": (Event, "Events"),
    "agreement": (Agreement, "Agreements"),
    "organization": (Organization, "Organizations"),
    "place": (Place, "Places"),
    "topic": (Topic, "Topics"),
    "indicator": (Indicator, "Figures"),
    "source": (Source, "Sources"),
    "outlet": (Outlet, "Outlets"),
}
KIND_OF = {model: kind for kind, (model, _) in KINDS.items()}
ALIAS_PARENTS = {
    PersonAlias: "person",
    OrganizationAlias: "organization",
    PlaceAlias: "place",
    AgreementAlias: "agreement",
}
DATE_FIELDS = {Agreement: "signed_on", Source: "published_on"}


# An event is also found by the names of these (when published); their changes re-index it.
EVENT_CONTEXT = {"series": EventSeries, "place": Place}

WORD = re.compile(r"[^\W_]+")
# A Russian case ending after a surname's -ov, -ev or -in, in a Latin spelling once folded
# ("Tokaeva", "Tokaevu", "Tokaevym" → tokaev); fold_word already drops a Cyrillic one.
LATIN_CASE_ENDING = re.compile(r"^(\w{2,}(?:ov|ev|in))(?:a|u|e|om|im|oi|ih|imi)$")

# The words of a query, each as the spellings it is looked for in (see query_forms).
Terms = list[tuple[str, ...]]


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tokens(text: str) -> list[str]:
    return WORD.findall(strip_marks(text).lower())


def _aliases(obj) -> list[str]:
    return [a.name for a in obj.aliases.all()] if hasattr(obj, "aliases") else []


def _folded_names(names: list[str], written: str) -> str:
    """The words of ``names`` folded as the linker folds them, where that differs from how
    ``written`` has them (Tokayev → tokaev, Zhaparov → japarov)."""
    have = set(_tokens(written))
    folded = {fold_word(w) for name in names for w, _, _ in words(name)}
    return " ".join(sorted(f for f in folded - have if len(f) >= MIN_PREFIX))


def document(obj) -> tuple[str, str]:
    """(title, body) of a record as search reads them. Sources give their title and our
    summary, never the article's text."""
    title = str(obj)
    names = [title, getattr(obj, "native_name", ""), getattr(obj, "short_name", "")]
    names += _aliases(obj)
    parts = names[1:]
    for field_name in ("summary", "biography", "description"):
        parts.append(getattr(obj, field_name, "") or "")
    if isinstance(obj, Event):
        # a draft place's or series' name must not make the event findable by it
        for related in EVENT_CONTEXT:
            shown = getattr(obj, related) if getattr(obj, f"{related}_id") else None
            parts.append(shown.name if shown is not None and shown.is_live else "")
    body = " ".join(p for p in parts if p)
    folded = strip_marks(f"{title} {body}")
    if folded != f"{title} {body}":
        body = f"{body} {folded}"
    body = " ".join(p for p in (body, _folded_names(names, f"{title} {body}")) if p)
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
    return WORD.findall(strip_marks((query or "")[:MAX_QUERY]))[:MAX_WORDS]


def query_forms(word: str) -> tuple[str, ...]:
    """The spellings one query word is looked for in: as written (marks removed), folded as
    names are indexed, and folded without a Russian case ending."""
    plain = strip_marks(word).lower()
    folded = fold_word(word).replace("'", "")  # a quote would end a tsquery's word
    forms = [plain, folded]
    if ending := LATIN_CASE_ENDING.match(folded):
        forms.append(ending.group(1))
    # A folded form of one letter would match whole words nobody asked for ("Yi" → "i").
    return tuple(dict.fromkeys(f for f in forms if f and (f == plain or len(f) >= MIN_PREFIX)))


def query_terms(query: str) -> Terms:
    """The words of a query, each with the spellings it is looked for in."""
    text = unicodedata.normalize("NFC", (query or "")[:MAX_QUERY])
    return [forms for w in WORD.findall(text)[:MAX_WORDS] if (forms := query_forms(w))]


def _prefix(term: str) -> bool:
    """Whether a query word also finds longer words: a single letter would match a large
    part of the index ("t" finds every "the", "talks", "trade"…), so it must match whole."""
    return len(term) >= MIN_PREFIX


def _token_matches(token: str, forms: tuple[str, ...]) -> bool:
    return any(token.startswith(f) if _prefix(f) else token == f for f in forms)


def _written_matches(word: str, terms: Terms) -> bool:
    """Whether ``word`` as written begins with a query word as typed, or with the typed word
    shortened by its case ending (Tokaeva → Tokaev): what is highlighted. Other spellings
    ("Zhaparov" for Japarov) are explained by the alias shown, not marked."""
    token = strip_marks(word).lower()
    return any(
        _token_matches(token, tuple(f for f in forms if forms[0].startswith(f))) for forms in terms
    )


def _word_matches(word: str, terms: Terms) -> bool:
    """Whether a query word finds ``word`` as written or folded."""
    folded = fold_word(word)
    return _written_matches(word, terms) or any(_token_matches(folded, f) for f in terms)


def _words_matched(text: str, terms: Terms) -> int:
    """How many query words ``text`` (an entry's title and body) contains."""
    tokens = set(_tokens(text))
    return sum(any(_token_matches(t, forms) for t in tokens) for forms in terms)


def _fts_match(terms: Terms, every: bool) -> str:
    groups = [
        "(" + " OR ".join(f'"{f}"*' if _prefix(f) else f'"{f}"' for f in forms) + ")"
        for forms in terms
    ]
    return (" AND " if every else " OR ").join(groups)


def _tsquery(terms: Terms, every: bool, weight: str = "") -> SearchQuery:
    def operand(form: str) -> str:
        suffix = ("*" if _prefix(form) else "") + weight
        return f"{form}:{suffix}" if suffix else form

    groups = ["(" + " | ".join(operand(f) for f in forms) + ")" for forms in terms]
    return SearchQuery((" & " if every else " | ").join(groups), search_type="raw", config="simple")


def _substring_match(terms: Terms, every: bool) -> Q:
    """Other engines: a substring match, unranked."""
    condition = Q()
    for forms in terms:
        group = Q()
        for f in forms:
            group |= Q(title__icontains=f) | Q(body__icontains=f)
        condition = condition & group if every else condition | group
    return condition


def _counts(terms: Terms, every: bool) -> dict[str, int]:
    """Matching records of each kind, among at most ``COUNTED``."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT kind, COUNT(*) FROM ("
                "  SELECT e.kind FROM events_searchentry_fts"
                "  CROSS JOIN events_searchentry e ON e.id = events_searchentry_fts.rowid"
                "  WHERE events_searchentry_fts MATCH %s LIMIT %s"
                ") GROUP BY kind",
                [_fts_match(terms, every), COUNTED],
            )
            return dict(cursor.fetchall())
    if connection.vendor == "postgresql":
        matching = SearchEntry.objects.filter(vector=_tsquery(terms, every)).values("id")
    else:
        matching = SearchEntry.objects.filter(_substring_match(terms, every)).values("id")
    rows = (
        SearchEntry.objects.filter(id__in=matching[:COUNTED])
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


def _sqlite_ranked(terms: Terms, every: bool, kind: str | None, columns: tuple) -> list[tuple]:
    match = _fts_match(terms, every)
    # Joined only to keep to one kind; the full-text index stays the outer loop.
    join = "CROSS JOIN events_searchentry k ON k.id = events_searchentry_fts.rowid"
    rows: list[tuple] = []
    with connection.cursor() as cursor:
        for expression in (f"{{title}} : ({match})", match):
            cursor.execute(
                f"SELECT {', '.join(f'e.{c}' for c in columns)} FROM ("
                "  SELECT events_searchentry_fts.rowid AS id,"
                "  bm25(events_searchentry_fts, 10.0, 1.0) AS score"
                f"  FROM events_searchentry_fts {join if kind else ''}"
                f"  WHERE events_searchentry_fts MATCH %s {'AND k.kind = %s' if kind else ''}"
                "  ORDER BY events_searchentry_fts.rowid DESC LIMIT %s"
                ") ranked JOIN events_searchentry e ON e.id = ranked.id "
                "ORDER BY ranked.score, ranked.id LIMIT %s",
                [expression, *([kind] if kind else []), RANKED, CANDIDATES],
            )
            rows += cursor.fetchall()
    return rows


def _postgres_ranked(terms: Terms, every: bool, kind: str | None, columns: tuple) -> list[tuple]:
    rows: list[tuple] = []
    for weight in ("A", ""):
        tsquery = _tsquery(terms, every, weight)
        matching = SearchEntry.objects.filter(vector=tsquery, **({"kind": kind} if kind else {}))
        newest = matching.order_by("-id").values("id")[:RANKED]
        ranked = (
            SearchEntry.objects.filter(id__in=newest)
            .annotate(rank=SearchRank(F("vector"), tsquery))
            .order_by("-rank", "id")
        )
        rows += list(ranked.values_list(*columns)[:CANDIDATES])
    return rows


def _ranked_ids(terms: Terms, *, every: bool, kind: str | None) -> list[tuple[str, int]]:
    """(kind, object id) of the best matches: records whose title matches first, then any;
    when not ``every`` word need match, those matching the most words first.

    The cost of ranking grows with the number of matches, and a word such as "energy" matches
    half the archive; so each of the two queries ranks at most the ``RANKED`` newest entries
    that match (all of them when fewer do, which is nearly every query with a name in it).
    """
    columns = ("kind", "object_id") if every else ("kind", "object_id", "title", "body")
    if connection.vendor == "sqlite":
        rows = _sqlite_ranked(terms, every, kind, columns)
    elif connection.vendor == "postgresql":
        rows = _postgres_ranked(terms, every, kind, columns)
    else:
        matching = SearchEntry.objects.filter(_substring_match(terms, every))
        matching = matching.filter(kind=kind) if kind else matching
        rows = list(matching.values_list("kind", "object_id", "title", "body")[:CANDIDATES])
    firsts: dict[tuple[str, int], tuple] = {}
    for row in rows:
        firsts.setdefault((row[0], row[1]), row)
    best = list(firsts.values())
    if not every:  # a stable sort: equal counts keep the ranking's order
        best.sort(key=lambda r: -_words_matched(f"{r[2]} {r[3]}", terms))
    return [(r[0], r[1]) for r in best]


@dataclass
class Hit:
    record: object
    title: SafeString
    snippet: SafeString
    date_iso: str = ""  # for <time datetime>, as precise as the date is known
    date_label: str = ""


@dataclass
class Group:
    kind: str
    heading: str
    hits: list[Hit]
    count: int  # matching records of this kind, of which ``hits`` are the best


@dataclass
class SearchResults:
    groups: list[Group] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    partial: bool = False  # no record matched every word: these match some of them
    capped: bool = False  # more matched than were counted: the counts are lower bounds
    kind: str | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def tabs(self) -> list[Group]:
        """The kinds to offer as tabs, without their hits: those with matches, and the kind
        asked for."""
        return [
            Group(k, heading, [], self.counts.get(k, 0))
            for k, (_, heading) in KINDS.items()
            if self.counts.get(k) or k == self.kind
        ]

    @property
    def heading(self) -> str:
        return KINDS[self.kind][1] if self.kind else ""

    @property
    def matches(self) -> int:
        """Matching records of the kind asked for (of every kind when none was)."""
        return self.counts.get(self.kind, 0) if self.kind else self.total


def highlight(text: str, terms: Terms) -> SafeString:
    """``text`` escaped, with each word that a query word finds as written wrapped in <mark>
    (a name found folded is explained by the alias shown with it)."""
    out, last = [], 0
    for m in WORD.finditer(text):
        if _written_matches(m.group(), terms):
            out.append(escape(text[last : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def excerpt(text: str, terms: Terms, length: int = SNIPPET) -> str:
    """At most ``length`` characters of ``text`` cut between words, with "…" where it was cut;
    around the first word a query word finds when that lies beyond the first part."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    found = next((m.start() for m in WORD.finditer(text) if _word_matches(m.group(), terms)), 0)
    start = 0
    if found > length * 2 // 3:
        start = min(found - length // 4, len(text) - length)
        if text[start - 1] != " ":  # on to the start of the next word
            start = text.find(" ", start) + 1
    end = len(text)
    if start + length < end:
        space = text.rfind(" ", start, start + length + 1)
        end = space if space > start else start + length
    piece = text[start:end].rstrip(" ,;:")
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def find_records(query: str, *, kind: str | None = None, fallback: bool = True) -> SearchResults:
    """Published records matching ``query``, best first, grouped by kind (only ``kind``'s
    when given), with the number of matches of each kind. With ``fallback``, when no record
    matches every word, the records matching any word, those matching the most first."""
    terms = query_terms(query)
    kind = kind if kind in KINDS else None
    if not terms:
        return SearchResults(kind=kind)
    # Readers ask the same thing many times (a name in the news): the counts and rankings,
    # the costly part, are kept until the content next changes.
    key = "search:v2:" + hashlib.sha1(repr(terms).encode()).hexdigest()

    def count() -> tuple[bool, dict[str, int]]:
        counts = _counts(terms, every=True)
        if counts or not fallback or len(terms) < 2:
            return True, counts
        return False, _counts(terms, every=False)

    every, counts = caching.cached(f"{key}:counts:{fallback}", count)
    results = SearchResults(
        counts=counts, partial=not every, capped=sum(counts.values()) >= COUNTED, kind=kind
    )
    if not results.matches:
        return results
    ranked = caching.cached(
        f"{key}:ranked:{every}:{kind or ''}",
        lambda: _ranked_ids(terms, every=every, kind=kind),
    )
    limit = ONE_TYPE if kind else PER_TYPE
    ids_of: dict[str, list[int]] = {}
    for found_kind, object_id in ranked:
        ids = ids_of.setdefault(found_kind, [])
        if len(ids) < limit:
            ids.append(object_id)
    for found_kind, (model, heading) in KINDS.items():
        ids = ids_of.get(found_kind) if found_kind == kind or kind is None else None
        if not ids:
            continue
        # No ORDER BY: the ids give the order, and an ORDER BY would let the planner walk a
        # whole ordered index looking for them.
        queryset = model.objects.published().filter(pk__in=ids).order_by()
        if hasattr(model, "aliases"):
            queryset = queryset.prefetch_related("aliases")
        records = {r.pk: r for r in queryset}
        hits = [_hit(records[i], terms) for i in ids if i in records]
        if hits:
            results.groups.append(Group(found_kind, heading, hits, counts.get(found_kind, 0)))
    return results


def search(query: str) -> dict[str, list[Hit]]:
    """Published records matching every word of ``query``, best first, grouped by type."""
    return {g.heading: g.hits for g in find_records(query, fallback=False).groups}


def _date(record) -> tuple[str, str]:
    """(ISO form, as readers read it) of the record's date, or empty strings."""
    if isinstance(record, Event):
        if record.start_date is None:
            return "", ""
        digits = {DatePrecision.YEAR: 4, DatePrecision.MONTH: 7}.get(record.date_precision, 10)
        return record.start_date.isoformat()[:digits], record.date_display
    day = getattr(record, DATE_FIELDS.get(type(record), ""), None)
    return (day.isoformat(), format_date(day)) if day else ("", "")


def _alias_shown(record, terms: Terms) -> str:
    """The alias that explains the match: one with a query word as written, else, when the
    name does not match, one that matches folded ("Токаеву" → Касым-Жомарт Токаев)."""
    aliases = _aliases(record)
    for alias in aliases:
        if any(_written_matches(w, terms) for w in WORD.findall(alias)):
            return alias
    if any(_word_matches(w, terms) for w in WORD.findall(str(record))):
        return ""
    return next((a for a in aliases if any(_word_matches(w, terms) for w in WORD.findall(a))), "")


def _hit(record, terms: Terms) -> Hit:
    alias = _alias_shown(record, terms)
    text = ""
    for field_name in ("summary", "biography", "description"):
        text = text or (getattr(record, field_name, "") or "")
    snippet = (f"Also written: {alias}. " if alias else "") + excerpt(text, terms)
    return Hit(record, highlight(str(record), terms), highlight(snippet, terms), *_date(record))


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
