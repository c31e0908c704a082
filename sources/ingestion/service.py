"""The one ingestion service: the command and the admin's "Import articles" page both call it.

Each file is imported in its own transaction: a broken file is reported with its reason and
leaves nothing behind, and every other file still imports. ``sources`` knows nothing of the
records that may be found in a source; apps that want to look (entity linking in ``events``)
register a hook that receives each new source and returns what it found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from cmsproject.editorial import Status, unique_slug

from ..models import Outlet, Source, SourceFingerprint
from . import dedup
from .cleaning import clean_article
from .html import extract_html
from .reading import SUPPORTED_SUFFIXES, UnreadableFile, decode

logger = logging.getLogger(__name__)

MIN_BODY_WORDS = 15
# Earlier sources compared with a new one: those sharing most of its indexed hashes.
MAX_CANDIDATES = 20

# Called with (source, user) after a source is created; each returns a list of mention dicts.
SourceHook = Callable[[Source, Any], list[dict]]
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
    try:
        return _import(name=name, data=data, user=user)
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


def _import(*, name: str, data: bytes, user) -> ImportReport:
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
        url, site_name = page.url, page.site_name
    else:
        article = clean_article(decoded.text)
    if not article.title:
        raise ImportRefused("No title could be recognised: the file has no headline line.")
    if len(article.body.split()) < MIN_BODY_WORDS:
        raise ImportRefused(
            f"Too little text to be an article ({len(article.body.split())} words after cleaning)."
        )

    body_hash = dedup.content_hash(article.body)
    same = Source.objects.filter(content_hash=body_hash).select_related("outlet").first()
    if same is not None:
        return ImportReport(file=name, status="unchanged", source=same)
    if url:
        at_url = Source.objects.filter(url=url).first()
        if at_url is not None:
            raise ImportRefused(
                f"A source with this URL already exists ({at_url.slug}) and its text differs; "
                "update it in the admin instead."
            )

    sketch = dedup.sketch(article.body)
    original = find_near_duplicate(sketch)
    with transaction.atomic():
        source = Source(
            title=article.title[:500],
            url=url,
            published_on=article.published_on,
            language=article.language,
            body=article.body,
            raw_text=decoded.text,
            content_hash=body_hash,
            sketch=sketch,
            dateline=article.dateline[:100],
            image_credit=article.image_credit[:200],
            duplicate_of=original,
            status=Status.DRAFT,
            created_by=user,
            updated_by=user,
        )
        if site_name:
            source.outlet = outlet_named(site_name, user=user)
        source.slug = unique_slug(Source, source.title)
        # The slug was just made unique and the URL checked above: skip those two queries.
        source.full_clean(exclude=["slug"], validate_constraints=False)
        source._history_user = user
        source._change_reason = f"Imported from {name}"
        source.save()
        SourceFingerprint.objects.bulk_create(
            [SourceFingerprint(source=source, value=v) for v in dedup.index_keys(sketch)]
        )
        mentions: list[dict] = []
        for hook in _hooks:
            mentions.extend(hook(source, user))
    status = "duplicate" if original is not None else "created"
    return ImportReport(file=name, status=status, source=source, mentions=mentions)


def find_near_duplicate(sketch: list[int]) -> Source | None:
    """The original of the most similar earlier source, if one is similar enough."""
    keys = dedup.index_keys(sketch)
    if not keys:
        return None
    # A copy shares most of the 8 indexed hashes (a 0.6-similar one about 5 of them): the
    # sources sharing the most are the likeliest copies, and only those are compared.
    candidate_ids = list(
        SourceFingerprint.objects.filter(value__in=keys)
        .values("source_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "source_id")
        .values_list("source_id", flat=True)[:MAX_CANDIDATES]
    )
    best, best_score = None, dedup.NEAR_DUPLICATE_THRESHOLD
    for candidate in (
        Source.objects.filter(pk__in=candidate_ids)
        .order_by("pk")
        .only("id", "sketch", "duplicate_of_id", "slug")
    ):
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
    """Import every file under ``paths``, one report per file, streaming (memory stays flat)."""
    for done, (name, path, problem) in enumerate(iter_files(paths), start=1):
        if problem:
            report = ImportReport(file=name, status="failed", error=problem)
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                report = ImportReport(file=name, status="failed", error=f"Cannot read: {exc}")
            else:
                report = import_file(name=name, data=data, user=user)
        if on_progress:
            on_progress(done)
        yield report


def summarise(reports: list[ImportReport]) -> dict[str, int]:
    counts = {"created": 0, "duplicate": 0, "unchanged": 0, "failed": 0}
    for report in reports:
        counts[report.status] += 1
    return counts
