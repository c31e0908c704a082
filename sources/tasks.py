"""The sources app's background work (cmsproject/editorial/jobs.py explains jobs)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.defaultfilters import pluralize
from django_tasks import task

from cmsproject.editorial import jobs
from cmsproject.editorial.rights import ChangeRefused

from .ingestion.service import ImportArticles, ImportReport, summarise
from .models import ImportFile

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
    user = get_user_model().objects.filter(pk=job.created_by_id).first()
    waiting = ImportFile.objects.filter(job=job, status="").order_by("position")
    while chunk := list(waiting[:CHUNK]):
        action = ImportArticles([(row.name, bytes(row.data)) for row in chunk], user=user)
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
