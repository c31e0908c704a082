"""Project-wide background work: scheduled publishing (cmsproject/editorial/jobs.py explains
jobs; each app keeps its own in its tasks.py)."""

from __future__ import annotations

from django_tasks import task

from .editorial import jobs
from .editorial.scheduling import publish_scheduled


@task()
def publish_scheduled_records(job_id: int) -> str:
    """What ``manage.py publish_scheduled`` does, every minute on a worker."""
    return jobs.work(job_id, _publish)


def _publish(job: jobs.Job) -> dict:
    run = publish_scheduled()
    return {
        "published": [r.slug for r in run.published],
        "changed": [r.slug for r in run.changed],
        "expired": [r.slug for r in run.expired],
    }


jobs.every(60, publish_scheduled_records, title="Publish and expire scheduled records")
