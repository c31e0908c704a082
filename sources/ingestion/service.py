"""The one ingestion service: the command and the admin's "Import articles" page both call it.

Each file is imported in its own transaction: a broken file is reported with its reason and
leaves nothing behind, and every other file still imports. ``sources`` knows nothing of the
records that may be found in a source; apps that want to look (entity linking in ``events``)
register a hook that receives each new source and returns what it found.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from cmsproject.editorial.actions import Action
from cmsproject.editorial.models import Status, unique_slug
from cmsproject.editorial.rights import ChangeRefused, acting

from ..models import Outlet, Source, SourceFingerprint
from . import dedup
from .cleaning import clean_article
from .html import extract_html
from .reading import SUPPORTED_SUFFIXES, UnreadableFile, decode

logger = logging.getLogger(__name__)

MIN_BODY_WORDS = 15
# Earlier sources compared with a new one: those sharing most of its indexed hashes.
MAX_CANDIDATES = 20
# Files whose database work is done together (see import_files).
BATCH_SIZE = 50


class SourceHook(Protocol):
    """An app that looks into new sources (entity linking in ``events``), in two steps, so
    that the slow one holds no lock: an import of many files must not keep editors from
    saving (on SQLite a write transaction locks every other writer out)."""

    def find(self, sources: list[Source]) -> list[Any]:
        """What is in each source, not yet saved: reads only, called before the import's
        write transaction, with the sources as they will be written (not saved yet)."""

    def write(self, sources: list[Source], found: list[Any], user) -> list[list[dict]]:
        """Save what :meth:`find` found for the sources now written, inside the import's
        short write transaction; return each source's mentions (DESIGN.md's report)."""


_hooks: list[SourceHook] = []


def register_source_hook(hook: SourceHook) -> None:
    if hook not in _hooks:
        _hooks.append(hook)


class ImportRefused(ValueError):
    """The file was read but is not an article we can keep; the message says why."""


@dataclass
class ImportReport:
    """What happened to one file, in the shape DESIGN.md fixes for ``--format json``."""

    file: str
    status: str  # created, duplicate, unchanged, failed
    error: str = ""
    source: Source | None = None
    mentions: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        source = None
        if self.source is not None:
            source = {
                "slug": self.source.slug,
                "title": self.source.title,
                "published_on": (
                    self.source.published_on.isoformat() if self.source.published_on else None
                ),
                "outlet": self.source.outlet.name if self.source.outlet_id else None,
            }
            if self.source.duplicate_of_id:
                source["duplicate_of"] = self.source.duplicate_of.slug
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error or None,
            "source": source,
            "mentions": self.mentions,
        }


def import_file(*, name: str, data: bytes, user=None) -> ImportReport:
    """Import one article file (.txt or .html) as a draft source; never raises for bad input."""
    return import_files([(name, data)], user=user)[0]


def import_files(files: Iterable[tuple[str, bytes]], *, user=None) -> list[ImportReport]:
    """Import a batch of files, one report each in order, as if one by one (see
    :class:`ImportArticles`)."""
    return ImportArticles(list(files), user=user).execute()


class ImportArticles(Action):
    """Import article files as draft sources, one report each, in order, as if one by one.

    Reading, cleaning and fingerprinting are per file; the database work is done together:
    one query for known texts and addresses, one insert each for the sources, their history
    and their fingerprints. A file that depends on another of the same batch (the same text,
    address or slug, or a near copy) waits until the files before it are written. If the
    batch cannot be written together (a slug taken meanwhile by an editor, say), nothing of it
    stays and each file is imported on its own, so one bad file still fails alone. Without a
    user (a command run by the operator, an outlet's feed) the import is the system's. With an
    ``outlet`` (a feed's), the new sources are that outlet's; otherwise the outlet is the one
    the page names, if any.
    """

    def __init__(
        self, files: list[tuple[str, bytes]], *, user=None, outlet: Outlet | None = None
    ) -> None:
        super().__init__(None, user=user)
        self.files = files
        self.outlet = outlet

    def execute(
        self, *, record: Callable[[list[ImportReport]], None] | None = None
    ) -> list[ImportReport]:
        """Import the files. ``record(reports)``, when given, is called in the transaction
        that writes them: a background import notes each file done together with its source,
        so an import killed half-way and run again imports every file once."""
        # Not one transaction around it all, as other actions have: reading, cleaning and
        # linking the files take a while and hold no lock; only the writing of a batch is a
        # transaction (see write), so editors keep saving while a large import runs (on
        # SQLite a write transaction locks every other writer out).
        with acting(self.user):
            self.check()
            slots = self.read()
            if record is None:
                return self.write(slots)
            with transaction.atomic():
                reports = self.write(slots)
                record(reports)
            return reports

    def check(self) -> None:
        user = self.user
        if user is not None and not (user.is_active and user.has_perm("sources.add_source")):
            raise ChangeRefused("You may not import articles: you cannot add sources.")

    def perform(self) -> list[ImportReport]:
        return self.write(self.read())

    def read(self) -> list[ImportReport | _Article]:
        """Read, clean and fingerprint every file, and run the hooks' reading step: the slow
        part, before any lock is taken. A file that cannot be read is its failed report."""
        slots: list[ImportReport | _Article] = []
        for name, data in self.files:
            slots.append(_guarded(name, lambda name=name, data=data: _read(name, data)))
        _find([slot for slot in slots if isinstance(slot, _Article)])
        return slots

    def write(self, slots: list[ImportReport | _Article]) -> list[ImportReport]:
        """Write what :meth:`read` found, together, or file by file if that fails."""
        user = self.user
        articles = [slot for slot in slots if isinstance(slot, _Article)]
        try:
            with transaction.atomic():
                done = _Batch(user, self.outlet).run(articles)
        except Exception:  # any failure: the whole batch again, file by file
            logger.warning(
                "A batch of %d files is imported one by one", len(articles), exc_info=True
            )
            done = {
                id(a): _guarded(a.name, lambda a=a: _import_one(a, user, self.outlet))
                for a in articles
            }
        return [done[id(slot)] if isinstance(slot, _Article) else slot for slot in slots]


def _guarded(name: str, work: Callable[[], Any], *, database_errors: bool = True) -> Any:
    """``work()``, or the failed report that says why it could not be done. With
    ``database_errors=False`` those propagate: inside a batch they call for the fallback."""
    try:
        return work()
    except _BatchFailed:
        raise
    except DatabaseError:
        if not database_errors:
            raise
        logger.exception("Import of %s failed", name)
        return ImportReport(file=name, status="failed", error="The database refused this file.")
    except (UnreadableFile, ImportRefused) as exc:
        return ImportReport(file=name, status="failed", error=str(exc))
    except ValidationError as exc:
        messages = "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items()
        )
        return ImportReport(file=name, status="failed", error=f"Invalid source: {messages}")
    except Exception as exc:  # one broken file must never stop the others
        logger.exception("Import of %s failed", name)
        return ImportReport(
            file=name, status="failed", error=f"Unexpected error: {type(exc).__name__}: {exc}"
        )


@dataclass
class _Article:
    """A file read, cleaned and fingerprinted: all but the database."""

    name: str
    text: str
    article: Any
    url: str
    site_name: str
    body_hash: str
    sketch: list[int]
    found: list[Any] | None = field(default_factory=list)  # each hook's find() for it


def _read(name: str, data: bytes) -> _Article:
    decoded = decode(data, name=name)
    url = site_name = ""
    if decoded.is_html:
        page = extract_html(decoded.text)
        if len(page.text.split()) < MIN_BODY_WORDS:
            raise ImportRefused(
                "No article text was found in this HTML page (only scripts, styles or navigation)."
            )
        article = clean_article(page.text, title_hint=page.title)
        article.published_on = page.published_on or article.published_on
        article.language = (page.language or article.language)[:16]
        # a page read from the web (a feed's item) is named after its address
        url = page.url or (name if name.startswith(("http://", "https://")) else "")
        site_name = page.site_name
    else:
        article = clean_article(decoded.text)
    if not article.title:
        raise ImportRefused("No title could be recognised: the file has no headline line.")
    if len(article.body.split()) < MIN_BODY_WORDS:
        raise ImportRefused(
            f"Too little text to be an article ({len(article.body.split())} words after cleaning)."
        )
    return _Article(
        name=name,
        text=decoded.text,
        article=article,
        url=url,
        site_name=site_name,
        body_hash=dedup.content_hash(article.body),
        sketch=dedup.sketch(article.body),
    )


def _url_taken(source: Source) -> ImportRefused:
    return ImportRefused(
        f"A source with this URL already exists ({source.slug}) and its text differs; "
        "update it in the admin instead."
    )


def _new_source(
    a: _Article, original: Source | None, user, *, taken: set[str], outlet: Outlet | None = None
) -> Source | None:
    """The draft source for ``a``, validated, with a slug no row and no name in ``taken``
    uses; not saved. Its outlet is ``outlet``, else the site the page names."""
    source = _as_source(a)
    source.duplicate_of = original
    source.status = Status.DRAFT
    source.created_by = source.updated_by = user
    if outlet is not None:
        source.outlet = outlet
    elif a.site_name:
        source.outlet = outlet_named(a.site_name, user=user)
    slug = unique_slug(Source, source.title)
    if slug in taken:
        return None  # another file of the batch, not yet written, has it
    source.slug = slug
    # The slug was just made unique and the URL checked: skip those two queries.
    source.full_clean(exclude=["slug"], validate_constraints=False)
    source._history_user = user
    source._change_reason = f"Imported from {a.name}"
    return source


def _import_one(a: _Article, user, outlet: Outlet | None = None) -> ImportReport:
    """``a`` on its own, against what the database holds now, in its own transaction."""
    same = Source.objects.filter(content_hash=a.body_hash).select_related("outlet").first()
    if same is not None:
        return ImportReport(file=a.name, status="unchanged", source=same)
    if a.url:
        at_url = Source.objects.filter(url=a.url).first()
        if at_url is not None:
            raise _url_taken(at_url)
    original = find_near_duplicate(a.sketch)
    with transaction.atomic():
        source = _new_source(a, original, user, taken=set(), outlet=outlet)
        source.save()
        _write_fingerprints([source])
        [mentions] = _run_hooks([a], [source], user)
    status = "duplicate" if original is not None else "created"
    return ImportReport(file=a.name, status=status, source=source, mentions=mentions)


def _as_source(a: _Article) -> Source:
    """The source ``a`` will become, as far as the file alone says (no database): what hooks
    read before the import's transaction, and what :func:`_new_source` completes."""
    article = a.article
    return Source(
        title=article.title[:500],
        url=a.url,
        published_on=article.published_on,
        language=article.language,
        body=article.body,
        raw_text=a.text,
        content_hash=a.body_hash,
        sketch=a.sketch,
        dateline=article.dateline[:100],
        image_credit=article.image_credit[:200],
    )


def _find(articles: list[_Article]) -> None:
    """Run each hook's reading step on the files, outside any transaction: all together, or,
    if that fails, file by file (a file that cannot be read fails alone, when written)."""
    try:
        _find_together(articles)
    except Exception:
        logger.warning("Reading %d files together failed", len(articles), exc_info=True)
        for a in articles:
            try:
                _find_together([a])
            except Exception:
                a.found = None  # read again when written, where its failure is reported


def _find_together(articles: list[_Article]) -> None:
    if not articles:
        return
    drafts = [_as_source(a) for a in articles]
    found = [hook.find(drafts) for hook in _hooks]
    for n, a in enumerate(articles):
        a.found = [per_hook[n] for per_hook in found]


def _write_fingerprints(sources: list[Source]) -> None:
    SourceFingerprint.objects.bulk_create(
        [SourceFingerprint(source=s, value=v) for s in sources for v in dedup.index_keys(s.sketch)]
    )


def _run_hooks(articles: list[_Article], sources: list[Source], user) -> list[list[dict]]:
    """Each hook's writing step for the sources just written (found before the lock)."""
    for a in articles:
        if a.found is None or len(a.found) != len(_hooks):  # not read beforehand
            _find_together([a])
    mentions: list[list[dict]] = [[] for _ in sources]
    for n, hook in enumerate(_hooks):
        found = [a.found[n] for a in articles]
        for collected, more in zip(mentions, hook.write(sources, found, user), strict=True):
            collected.extend(more)
    return mentions


class _Batch:
    """The database side of :func:`import_files`, inside its transaction."""

    def __init__(self, user, outlet: Outlet | None = None) -> None:
        self.user = user
        self.outlet = outlet
        self.pending: list[tuple[_Article, Source]] = []  # added, not yet written
        self.added: list[_Article] = []
        self.originals: dict[int, Source | None] = {}
        self.done: dict[int, ImportReport] = {}

    def run(self, articles: list[_Article]) -> dict[int, ImportReport]:
        known = {}
        hashes = {a.body_hash for a in articles}
        for source in Source.objects.filter(content_hash__in=hashes).select_related("outlet"):
            known.setdefault(source.content_hash, source)
        urls = {a.url for a in articles if a.url}
        at_url = {s.url: s for s in Source.objects.filter(url__in=urls)} if urls else {}
        self.originals = near_duplicates_of(articles)
        for a in articles:
            report = _guarded(
                a.name, lambda a=a: self._decide(a, known, at_url), database_errors=False
            )
            self.done[id(a)] = report
            if report.status in ("created", "duplicate"):
                self.added.append(a)
        self.flush()
        return self.done

    def _decide(self, a: _Article, known: dict, at_url: dict) -> ImportReport:
        if self._depends_on_batch(a):
            self.flush()  # written now: the database answers for them from here on
            return _import_one(a, self.user, self.outlet)
        if a.body_hash in known:
            return ImportReport(a.name, "unchanged", source=known[a.body_hash])
        if a.url in at_url:
            raise _url_taken(at_url[a.url])
        return self._add(a)

    def _depends_on_batch(self, a: _Article) -> bool:
        """Whether ``a`` repeats a file added earlier in this batch (what was looked up before
        the batch was written cannot know it)."""
        keys = set(dedup.index_keys(a.sketch))
        return any(
            a.body_hash == b.body_hash
            or (a.url and a.url == b.url)
            # a near copy shares indexed hashes, as find_near_duplicate's candidates do
            or (
                keys.intersection(dedup.index_keys(b.sketch))
                and dedup.similarity(a.sketch, b.sketch) >= dedup.NEAR_DUPLICATE_THRESHOLD
            )
            for b in self.added
        )

    def _add(self, a: _Article) -> ImportReport:
        original = self.originals[id(a)]
        taken = {s.slug for _, s in self.pending}
        source = _new_source(a, original, self.user, taken=taken, outlet=self.outlet)
        if source is None:  # its slug waits for a pending file: write those first
            self.flush()
            return _import_one(a, self.user, self.outlet)
        self.pending.append((a, source))
        status = "duplicate" if original is not None else "created"
        return ImportReport(a.name, status, source=source)  # mentions added when written

    def flush(self) -> None:
        """Write the pending sources; any failure undoes the whole batch (see import_files)."""
        if not self.pending:
            return
        try:
            sources = [s for _, s in self.pending]
            Source.objects.bulk_create(sources)
            Source.history.bulk_history_create(sources)
            _write_fingerprints(sources)
            found = _run_hooks([a for a, _ in self.pending], sources, self.user)
        except Exception as exc:
            raise _BatchFailed from exc
        for (a, _), mentions in zip(self.pending, found, strict=True):
            self.done[id(a)].mentions = mentions
        self.pending = []


class _BatchFailed(Exception):
    """The batch could not be written together; never a single file's failure."""


def find_near_duplicate(sketch: list[int]) -> Source | None:
    """The original of the most similar earlier source, if one is similar enough."""
    return originals_of([sketch])[0]


def near_duplicates_of(articles: list[_Article]) -> dict[int, Source | None]:
    """:func:`find_near_duplicate` for each article (by ``id()``), in two queries in all."""
    return dict(zip(map(id, articles), originals_of([a.sketch for a in articles]), strict=True))


def originals_of(sketches: list[list[int]]) -> list[Source | None]:
    """For each sketch, the original of the most similar earlier source, if one is similar
    enough. A copy shares most of the 8 indexed hashes (a 0.6-similar one about 5 of them):
    the sources sharing the most are the likeliest copies, and only those are compared."""
    keys_of = [set(dedup.index_keys(sketch)) for sketch in sketches]
    sources_of_key: dict[int, list[int]] = defaultdict(list)
    wanted = set().union(*keys_of)
    for value, source_id in SourceFingerprint.objects.filter(value__in=wanted).values_list(
        "value", "source_id"
    ):
        sources_of_key[value].append(source_id)
    candidates_of = []
    for keys in keys_of:
        shared = Counter(i for key in keys for i in sources_of_key.get(key, ()))
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        candidates_of.append([i for i, _ in ranked[:MAX_CANDIDATES]])
    rows = Source.objects.filter(pk__in={i for ids in candidates_of for i in ids}).order_by("pk")
    found = {s.pk: s for s in rows.only("id", "sketch", "duplicate_of_id", "slug")}
    return [
        _original_among(sketch, [found[i] for i in ids])
        for sketch, ids in zip(sketches, candidates_of, strict=True)
    ]


def _original_among(sketch: list[int], candidates) -> Source | None:
    best, best_score = None, dedup.NEAR_DUPLICATE_THRESHOLD
    for candidate in sorted(candidates, key=lambda c: c.pk):
        score = dedup.similarity(sketch, candidate.sketch)
        if score >= best_score:
            best, best_score = candidate, score
    if best is None:
        return None
    # Copies point at the first source of the story, not at another copy.
    return Source.objects.get(pk=best.duplicate_of_id or best.pk)


def outlet_named(name: str, *, user=None) -> Outlet:
    outlet = Outlet.objects.filter(name__iexact=name.strip()).first()
    if outlet is None:
        outlet = Outlet(name=name.strip()[:200], status=Status.DRAFT, created_by=user)
        outlet._history_user = user
        outlet.save()
    return outlet


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None, str]]:
    """Each file to import as (name, path, problem); folders are searched recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(child), child, ""
        elif not path.exists():
            yield str(path), None, "No such file or folder."
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield str(path), None, "Only .txt and .html files can be imported."
        else:
            yield str(path), path, ""


def count_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for _ in iter_files(paths))


def import_paths(
    paths: Iterable[str | Path], *, user=None, on_progress: Callable[[int], None] | None = None
) -> Iterator[ImportReport]:
    """Import every file under ``paths``, one report per file, in batches of ``BATCH_SIZE``
    (memory stays flat however many files there are)."""
    done = 0
    for chunk in _chunks(iter_files(paths), BATCH_SIZE):
        slots: list[ImportReport | tuple[str, bytes]] = []
        for name, path, problem in chunk:
            if problem:
                slots.append(ImportReport(file=name, status="failed", error=problem))
                continue
            try:
                slots.append((name, path.read_bytes()))
            except OSError as exc:
                slots.append(ImportReport(file=name, status="failed", error=f"Cannot read: {exc}"))
        imported = iter(import_files([s for s in slots if isinstance(s, tuple)], user=user))
        for slot in slots:
            done += 1
            if on_progress:
                on_progress(done)
            yield slot if isinstance(slot, ImportReport) else next(imported)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def summarise(reports: list[ImportReport]) -> dict[str, int]:
    counts = {"created": 0, "duplicate": 0, "unchanged": 0, "failed": 0}
    for report in reports:
        counts[report.status] += 1
    return counts
