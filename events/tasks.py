"""The events app's background work (cmsproject/editorial/jobs.py explains jobs)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from cmsproject.editorial import jobs

from .search import rebuild_index


@task()
def rebuild_search_index(job_id: int) -> str:
    """Re-make the full-text index, all of it or none: a rebuild killed half-way leaves the
    index as it was, and the retry makes it whole."""
    return jobs.work(job_id, _rebuild)


def _rebuild(job: jobs.Job) -> dict:
    with transaction.atomic():
        total = rebuild_index()
    return {"entries": total}
