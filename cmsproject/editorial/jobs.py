"""Background jobs: work that outlives the request (or the worker) that started it.

The Django Tasks API (``django_tasks``, Django 6's ``django.tasks`` backported) carries the
work to a worker: a queue in the database by default, RQ on Redis for several machines
(settings ``TASKS``). What no task backend gives is what editors and operators rely on, and it
is kept here, the same on every backend, in one :class:`Job` row per piece of work:

- **progress and the report**, read by the page that started the work (an import's files);
- **at most one runner**: a worker claims the job by moving it to ``running`` in one UPDATE, so
  a task delivered twice runs once;
- **retries with back-off**: a job that raises is queued again after 10 s, 20 s, 40 s … up to
  ``max_attempts``; then it fails, with the error kept for the admin;
- **a worker killed half-way**: a running job reports a heartbeat; one silent for
  ``CARAVAN_JOB_STALE_AFTER`` seconds is taken to be dead and run again by :func:`sweep` (which
  the worker's clock calls every minute). Tasks are written to be repeated: each commits its
  work in small units that record themselves as done (see ``sources.ingestion.jobs``), so a
  second run finishes what the first left and does nothing twice;
- **periodic work** (:func:`every`): the clock submits each entry once per period whatever
  the number of workers, by the job's unique ``key``.

A task is a plain ``@task`` function taking the job's id and handing it to :func:`work`::

    @task(queue_name="imports")
    def import_articles(job_id: int) -> None:
        jobs.work(job_id, _import)        # _import(job) does the work, returns the report

and is started with ``jobs.submit(import_articles, title="…", payload={…}, user=…)``.
"""

from __future__ import annotations

import datetime
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django_tasks.base import Task

logger = logging.getLogger(__name__)

#: Back-off before the n-th retry: BACKOFF × 2^(n-1) seconds, at most BACKOFF_MAX.
BACKOFF = 10
BACKOFF_MAX = 60 * 60


class GiveUp(Exception):
    """Raised by a job's work when trying again cannot help (the user lost the right to do it):
    the job fails at once with this message."""


class Superseded(Exception):
    """Raised by a job's work that finds another runner has done it meanwhile (the first one
    was taken for dead but was not): what this one did is rolled back, the job left alone."""


class Job(models.Model):
    """One piece of background work, its progress and its outcome."""

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    task_path = models.CharField(max_length=200, help_text="The task that does the work.")
    title = models.CharField(max_length=200)
    #: Set for work that must be submitted once only (a periodic run's period).
    key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    payload = models.JSONField(default=dict, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=5)
    #: Not to be run before (a retry's back-off).
    run_after = models.DateTimeField(null=True, blank=True)
    #: Who is running it now: a fresh value at every claim, so a runner taken for dead cannot
    #: overwrite the outcome of the one that replaced it.
    runner = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "cmsproject"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "heartbeat_at"], name="job_state_heartbeat")]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    def progress(self, done: int, total: int | None = None) -> None:
        """Record how far the work has got (and that its runner is alive)."""
        self.done = done
        changes: dict[str, Any] = {"done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            self.total = changes["total"] = total
        Job.objects.filter(pk=self.pk, runner=self.runner).update(**changes)


# ---- submitting -----------------------------------------------------------------------------


def submit(
    task: Task,
    *,
    title: str,
    payload: dict | None = None,
    user=None,
    total: int = 0,
    key: str | None = None,
    max_attempts: int = 5,
) -> Job | None:
    """Record a job and queue its task. With ``key``, ``None`` when that key was submitted
    already (by this or another process)."""
    job = Job(
        task_path=task.module_path,
        title=title[:200],
        payload=payload or {},
        created_by=user if user is not None and user.is_authenticated else None,
        total=total,
        key=key,
        max_attempts=max_attempts,
    )
    try:
        with transaction.atomic():
            job.save()
            _enqueue_with(job)
    except IntegrityError:
        if key is None:
            raise
        return None
    return job


def _queue_is_in_the_database() -> bool:
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")


def _enqueue_with(job: Job) -> None:
    """Queue ``job``'s task. A queue kept in the same database is written in the same
    transaction as the job (both or neither); any other is told after the commit, so that its
    worker never looks for a job that is not there yet."""
    if _queue_is_in_the_database():
        enqueue(job)
    else:
        transaction.on_commit(lambda: enqueue(job))


def enqueue(job: Job, *, run_after: datetime.datetime | None = None) -> None:
    """Hand ``job`` to the task queue. A queue that cannot be reached (Redis restarting) is
    not an error: the job stays queued and :func:`sweep` hands it over again."""
    task: Task = import_string(job.task_path)
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    try:
        with transaction.atomic():  # a queue in the database fails alone, not the caller's work
            task.enqueue(job.pk)
    except Exception:
        logger.warning("Job %s could not be queued now; it will be again", job.pk, exc_info=True)
        return
    Job.objects.filter(pk=job.pk).update(enqueued_at=timezone.now())


# ---- running --------------------------------------------------------------------------------


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.CARAVAN_JOB_STALE_AFTER)


def claim(job_id: int) -> Job | None:
    """Take the job if nobody is running it (or its runner has gone silent); None otherwise."""
    now = timezone.now()
    runner = uuid.uuid4().hex
    claimable = Q(state=Job.State.QUEUED) & (Q(run_after__isnull=True) | Q(run_after__lte=now))
    claimable |= Q(state=Job.State.RUNNING, heartbeat_at__lt=now - stale_after())
    taken = (
        Job.objects.filter(pk=job_id)
        .filter(claimable)
        .update(
            state=Job.State.RUNNING,
            runner=runner,
            attempts=F("attempts") + 1,
            started_at=now,
            heartbeat_at=now,
            run_after=None,
        )
    )
    if not taken:
        return None
    return Job.objects.get(pk=job_id)


def work(job_id: int, handler: Callable[[Job], Any]) -> str:
    """Run ``handler(job)`` for the job, once, with retries; what a task calls. Returns the
    job's state after it (a task delivered twice, or too early, does nothing)."""
    job = claim(job_id)
    if job is None:
        return "skipped"
    if job.attempts > job.max_attempts:  # its runners keep dying: give up, and say so
        _finish(job, Job.State.FAILED, error=f"Stopped after {job.max_attempts} attempts.")
        return Job.State.FAILED
    try:
        with Heartbeat(job):
            result = handler(job)
    except Superseded:
        logger.warning("Job %s was done by another runner meanwhile", job.pk)
        return "superseded"
    except GiveUp as exc:
        _finish(job, Job.State.FAILED, error=str(exc))
        return Job.State.FAILED
    except Exception as exc:
        logger.exception("Job %s (%s) failed on attempt %s", job.pk, job.title, job.attempts)
        return _failed(job, exc)
    _finish(job, Job.State.DONE, result=result)
    return Job.State.DONE


def _failed(job: Job, exc: Exception) -> str:
    error = f"{type(exc).__name__}: {exc}"
    if job.attempts >= job.max_attempts:
        _finish(job, Job.State.FAILED, error=error)
        return Job.State.FAILED
    delay = min(BACKOFF * 2 ** (job.attempts - 1), BACKOFF_MAX)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    requeued = Job.objects.filter(pk=job.pk, runner=job.runner).update(
        state=Job.State.QUEUED, run_after=run_after, error=error, runner=""
    )
    if requeued:
        enqueue(job, run_after=run_after)
    return Job.State.QUEUED


def _finish(job: Job, state: str, *, result: Any = None, error: str = "") -> None:
    Job.objects.filter(pk=job.pk, runner=job.runner).update(
        state=state,
        result=result,
        error=error,
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
        runner="",
    )


class Heartbeat:
    """While the block runs, a thread tells every few seconds that the job's runner is alive
    (work that takes minutes in one step — a rebuild — would otherwise look dead)."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True, name=f"job-{job.pk}")
        # Inside an open transaction (a test's) the claim is not committed: no other connection
        # could see the job, so there is nobody to tell.
        self.uncommitted = connection.in_atomic_block

    def __enter__(self) -> Heartbeat:
        if not self.uncommitted:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def _beat(self) -> None:
        every = max(1.0, settings.CARAVAN_JOB_STALE_AFTER / 4)
        try:
            while not self.stopped.wait(every):
                try:
                    Job.objects.filter(pk=self.job.pk, runner=self.job.runner).update(
                        heartbeat_at=timezone.now()
                    )
                except Exception:  # a locked or restarting database: the next beat will do
                    logger.debug("Heartbeat of job %s missed", self.job.pk, exc_info=True)
        finally:
            connection.close()


# ---- the clock: periodic work and the sweep -------------------------------------------------


@dataclass(frozen=True)
class Periodic:
    task_path: str
    seconds: int
    title: str


_periodic: dict[str, Periodic] = {}


def every(seconds: int, task: Task, *, title: str) -> None:
    """Run ``task`` (a job task) every ``seconds``, once per period across all workers."""
    _periodic[task.module_path] = Periodic(task.module_path, seconds, title)


def periodic() -> list[Periodic]:
    return list(_periodic.values())


def tick(now: datetime.datetime | None = None) -> list[Job]:
    """What the clock does every minute: submit the periodic work that is due, hand over again
    what was lost, and forget old periodic runs. Safe to run in every worker at once."""
    now = now or timezone.now()
    submitted = []
    busy = set(
        Job.objects.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING], key__isnull=False)
        .values_list("task_path", flat=True)
        .distinct()
    )
    for entry in periodic():
        if entry.task_path in busy:  # the last period's run is still waiting: no pile-up
            continue
        period = int(now.timestamp()) // entry.seconds
        job = submit(
            import_string(entry.task_path),
            title=entry.title,
            key=f"{entry.task_path}@{period}",
            max_attempts=1,  # the next period is the retry
        )
        if job is not None:
            submitted.append(job)
    sweep(now)
    prune(now)
    return submitted


def sweep(now: datetime.datetime | None = None) -> int:
    """Queue again the jobs whose task was lost: a runner silent for too long (its worker was
    killed), or a queued job its queue never ran (Redis was restarted empty)."""
    now = now or timezone.now()
    lost = Job.objects.filter(
        Q(state=Job.State.RUNNING, heartbeat_at__lt=now - stale_after())
        | Q(state=Job.State.QUEUED, enqueued_at__isnull=True, created_at__lt=now - stale_after())
        | (
            Q(state=Job.State.QUEUED, enqueued_at__lt=now - 2 * stale_after())
            & (Q(run_after__isnull=True) | Q(run_after__lt=now - stale_after()))
        )
    )
    count = 0
    for job in lost.only("pk", "task_path"):
        logger.warning("Job %s (%s) was lost by its worker; queued again", job.pk, job.task_path)
        enqueue(job)
        count += 1
    return count


def prune(now: datetime.datetime | None = None, *, keep_days: int = 30) -> int:
    """Forget finished periodic runs and runs that had nothing to do (a feed read with nothing
    new) after a day, and every finished job after ``keep_days``."""
    now = now or timezone.now()
    old = (Q(key__isnull=False) | Q(total=0)) & Q(finished_at__lt=now - datetime.timedelta(days=1))
    old |= Q(finished_at__lt=now - datetime.timedelta(days=keep_days))
    deleted, _ = (
        Job.objects.filter(old).exclude(state__in=[Job.State.QUEUED, Job.State.RUNNING]).delete()
    )
    return deleted
