"""The sources app's background work (cmsproject/editorial/jobs.py explains jobs): imports
uploaded in the admin, and outlets' RSS and Atom feeds, read every few minutes and imported
through the same import, with the same report."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Q, Subquery
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django_tasks import task

from cmsproject.editorial import jobs
from cmsproject.editorial.rights import ChangeRefused

from .ingestion.feeds import (
    Download,
    FeedProblem,
    NewItem,
    fetch,
    guid_of,
    new_item,
    parse_feed,
)
from .ingestion.service import ImportArticles, ImportReport, summarise
from .models import Feed, FeedItem, ImportFile, Outlet

logger = logging.getLogger(__name__)

#: Files imported per transaction: small, so editors' saves never wait long for the lock.
CHUNK = 10


def submit_import(files: Iterable[tuple[str, bytes]], *, user) -> jobs.Job:
    """Queue an import of ``files`` (name, content) for ``user``; the job's page follows it."""
    rows = [
        ImportFile(position=i, name=name[:255], data=data) for i, (name, data) in enumerate(files)
    ]
    with transaction.atomic():  # the job and its files, or neither
        job = jobs.submit(
            import_articles,
            title=f"Import of {len(rows)} file{pluralize(len(rows))}",
            user=user,
            total=len(rows),
        )
        for row in rows:
            row.job = job
        ImportFile.objects.bulk_create(rows, batch_size=100)
    return job


@task(queue_name="imports")
def import_articles(job_id: int) -> str:
    """Import the files of an admin upload, a few at a time."""
    return jobs.work(job_id, _import)


def _import(job: jobs.Job) -> dict:
    """Import the job's files not yet done, a chunk at a time; the report of all its files.
    A feed's reading names its outlet in ``payload["outlet"]``: the sources are that outlet's."""
    user = get_user_model().objects.filter(pk=job.created_by_id).first()
    outlet_id = job.payload.get("outlet")
    outlet = Outlet.objects.filter(pk=outlet_id).first() if outlet_id else None
    waiting = ImportFile.objects.filter(job=job, status="").order_by("position")
    while chunk := list(waiting[:CHUNK]):
        files = [(row.name, bytes(row.data)) for row in chunk]
        action = ImportArticles(files, user=user, outlet=outlet)
        try:
            action.execute(record=lambda reports, chunk=chunk: _record(chunk, reports))
        except ChangeRefused as exc:
            raise jobs.GiveUp(str(exc)) from exc
        job.progress(ImportFile.objects.filter(job=job).exclude(status="").count())
    return summarise(reports_of(job))


def _record(rows: list[ImportFile], reports: list[ImportReport]) -> None:
    """Note the files done, in the transaction that wrote their sources."""
    pks = [row.pk for row in rows]
    still_waiting = ImportFile.objects.select_for_update().filter(pk__in=pks, status="")
    if len(still_waiting.values_list("pk", flat=True)) != len(
        rows
    ):  # another runner did them meanwhile: undo ours
        raise jobs.Superseded
    for row, report in zip(rows, reports, strict=True):
        row.status = report.status
        row.error = report.error
        row.source = report.source
        row.mentions = report.mentions
        row.data = b""
    ImportFile.objects.bulk_update(rows, ["status", "error", "source", "mentions", "data"])


def reports_of(job: jobs.Job) -> list[ImportReport]:
    """The job's report so far, a line per file imported, in the order of the upload."""
    rows = (
        ImportFile.objects.filter(job=job)
        .exclude(status="")
        .select_related("source__outlet", "source__duplicate_of")
        .defer("data", "source__body", "source__raw_text", "source__sketch")
        .order_by("position")
    )
    return [
        ImportReport(
            file=r.name, status=r.status, error=r.error, source=r.source, mentions=r.mentions
        )
        for r in rows
    ]


# ---- outlets' feeds -------------------------------------------------------------------------
#
# The clock runs poll_feeds every minute; it queues a poll_feed job for each feed that is due.
# A reading downloads the feed (asking only for what changed since the last one), then the
# pages of the new items that carry only a summary, and writes in one transaction the job's
# files, the items as seen and the feed's new ETag: run again after its worker died, it imports
# those files (_import) and reads nothing twice. Errors make the feed wait longer each time.

#: Items imported by one reading; the others wait for the next (the feed is read again whole).
MAX_ITEMS = 50
LONGEST_WAIT = datetime.timedelta(hours=24)
BUSY = (jobs.Job.State.QUEUED, jobs.Job.State.RUNNING)


@task()
def poll_feeds(job_id: int) -> str:
    """The clock's every minute: queue a reading of each feed that is due."""
    return jobs.work(job_id, lambda job: {"feeds": [j.payload["feed"] for j in submit_polls()]})


@task(queue_name="imports")
def poll_feed(job_id: int) -> str:
    """Read one feed and import its new items."""
    return jobs.work(job_id, _poll)


jobs.every(60, poll_feeds, title="Poll outlets' feeds")


def submit_polls(now: datetime.datetime | None = None) -> list[jobs.Job]:
    """Queue a reading of every active feed that is due and not being read already."""
    now = now or timezone.now()
    due = (
        Feed.objects.filter(is_active=True)
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .exclude(last_job__state__in=BUSY)
        .select_related("outlet")
        .order_by("next_poll_at", "pk")
    )
    return [job for feed in due if (job := submit_poll(feed, now=now)) is not None]


def submit_poll(feed: Feed, *, now: datetime.datetime | None = None) -> jobs.Job | None:
    """Queue a reading of ``feed`` now; None when another clock (or editor) just did. The feed
    is claimed by moving its next reading on, in one UPDATE that only one of them makes."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(
            next_poll_at=now + datetime.timedelta(minutes=feed.poll_every_minutes)
        )
        if not claimed:
            return None
        job = jobs.submit(
            poll_feed,
            title=f"Feed of {feed.outlet}: reading {feed.url}",
            payload={"feed": feed.pk, "outlet": feed.outlet_id},
            max_attempts=3,
        )
        Feed.objects.filter(pk=feed.pk).update(last_job=job)
    return job


def read_now(feeds: Iterable[Feed]) -> tuple[list[jobs.Job], list[Feed]]:
    """Queue a reading of each feed at once (the admin's "Poll now"): the jobs queued, and the
    feeds left alone because they are being read already."""
    queued, busy = [], []
    for feed in feeds:
        if feed.last_job_id and feed.last_job.state in BUSY:
            busy.append(feed)
            continue
        job = submit_poll(feed)
        if job is None:
            busy.append(feed)
        else:
            queued.append(job)
    return queued, busy


def _poll(job: jobs.Job) -> dict:
    feed = Feed.objects.select_related("outlet").filter(pk=job.payload.get("feed")).first()
    if feed is None:
        raise jobs.GiveUp("The feed was deleted.")
    try:
        if not ImportFile.objects.filter(job=job).exists():  # else written by a run that died
            _read_new_items(job, feed)
        report = _import(job)
        _link_sources(job)
    except FeedProblem as exc:
        _note_failure(feed, str(exc))
        title = f"Feed of {feed.outlet}: could not be read"
        jobs.Job.objects.filter(pk=job.pk).update(title=title)
        raise jobs.GiveUp(str(exc)) from exc  # the feed's own back-off is the retry
    except (jobs.GiveUp, jobs.Superseded):
        raise
    except Exception as exc:
        _note_failure(feed, f"Unexpected error: {type(exc).__name__}: {exc}")
        raise
    _note_success(feed)
    return report


def _read_new_items(job: jobs.Job, feed: Feed) -> None:
    """Download the feed and its new items, then note them in one transaction: the job's files,
    the items as seen, what the server said to send us next time."""
    download = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    items: list[NewItem] = []
    title = ""
    if download.status != 304:
        parsed = parse_feed(download.data, url=download.url, content_type=download.content_type)
        title = parsed.feed.get("title", "")
        entries = _new_entries(feed, parsed.entries)
        if len(entries) > MAX_ITEMS:  # the rest next time, from the whole feed again
            entries = entries[:MAX_ITEMS]
            download.etag = download.last_modified = ""
        items = [new_item(entry, parsed.feed) for entry in entries]
    _write(job, feed, download, items, title)


def _new_entries(feed: Feed, entries: list) -> list:
    """The feed's entries not seen before, oldest first (feeds list the newest first), so that
    the first of two copies of a story stays the original."""
    seen = set(
        FeedItem.objects.filter(feed=feed, guid__in=[guid_of(e) for e in entries]).values_list(
            "guid", flat=True
        )
    )
    fresh = []
    for entry in reversed(entries):
        guid = guid_of(entry)
        if guid not in seen:
            seen.add(guid)
            fresh.append(entry)
    return fresh


def _write(job: jobs.Job, feed: Feed, download: Download, items: list[NewItem], title: str) -> None:
    n = len(items)
    try:
        with transaction.atomic():
            files = ImportFile.objects.bulk_create(
                [
                    ImportFile(
                        job=job,
                        position=i,
                        name=item.name,
                        data=item.data,
                        status="failed" if item.error else "",
                        error=item.error,
                    )
                    for i, item in enumerate(items)
                ]
            )
            FeedItem.objects.bulk_create(
                [
                    FeedItem(feed=feed, guid=item.guid, file=file)
                    for item, file in zip(items, files, strict=True)
                ]
            )
            changes = {"etag": download.etag[:500], "last_modified": download.last_modified[:100]}
            if title and not feed.title:
                changes["title"] = title[:200]
            Feed.objects.filter(pk=feed.pk).update(**changes)
            jobs.Job.objects.filter(pk=job.pk).update(
                title=f"Feed of {feed.outlet}: {n} new item{pluralize(n)}", total=n
            )
    except IntegrityError as exc:  # another runner of this job wrote them meanwhile
        raise jobs.Superseded from exc


def _link_sources(job: jobs.Job) -> None:
    """Each item of the job now imported points at its source."""
    FeedItem.objects.filter(file__job=job, source__isnull=True).update(
        source=Subquery(ImportFile.objects.filter(pk=OuterRef("file_id")).values("source_id"))
    )


def _note_success(feed: Feed) -> None:
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        failures=0,
        last_error="",
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=now + datetime.timedelta(minutes=feed.poll_every_minutes),
    )


def _note_failure(feed: Feed, error: str) -> None:
    """Say what went wrong, and wait longer before the next reading: twice as long after each
    failure in a row, a day at most."""
    feed.refresh_from_db(fields=["failures"])
    failures = feed.failures + 1
    wait = min(datetime.timedelta(minutes=feed.poll_every_minutes) * 2**failures, LONGEST_WAIT)
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        failures=failures, last_error=error, last_polled_at=now, next_poll_at=now + wait
    )
