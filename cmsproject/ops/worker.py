"""The task worker: runs the queue's tasks and keeps the clock (``manage.py worker``).

One command for every backend, so that ``make run``, a systemd unit and the CI load run start
workers the same way: on the database queue it is django-tasks-db's worker loop, on Redis it is
an RQ worker with its scheduler (for retries' back-off). Beside it a thread keeps the clock
(cmsproject.editorial.jobs.tick every minute): periodic work and the sweep of lost jobs. Every
worker keeps one; jobs' unique keys make sure each period's work is submitted once.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import connection

from cmsproject.editorial import jobs

logger = logging.getLogger(__name__)

QUEUES = ("default", "imports")


class Clock(threading.Thread):
    """Calls :func:`jobs.tick` now and then every ``CARAVAN_CLOCK_SECONDS``, until stopped."""

    def __init__(self, every: float | None = None) -> None:
        super().__init__(daemon=True, name="caravan-clock")
        self.every = every or settings.CARAVAN_CLOCK_SECONDS
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while True:
                try:
                    submitted = jobs.tick()
                    if submitted:
                        logger.info("Clock: submitted %s", ", ".join(j.title for j in submitted))
                except Exception:  # a database restarting: the next tick tries again
                    logger.warning("Clock tick failed", exc_info=True)
                finally:
                    connection.close()
                if self.stopped.wait(self.every):
                    return
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()


def run_worker(*, batch: bool = False, clock: bool = True, interval: float = 1.0) -> None:
    """Work the queue until stopped (or, with ``batch``, until it is empty)."""
    ticking = Clock() if clock and not batch else None
    if ticking is not None:
        ticking.start()
    backend = settings.TASK_BACKEND
    try:
        if backend == "database":
            _database_worker(batch=batch, interval=interval)
        elif backend == "redis":
            _rq_worker(batch=batch)
        else:
            raise SystemExit(f"The {backend} task backend has no queue to work: nothing to do.")
    finally:
        if ticking is not None:
            ticking.stop()


def _db_worker(*, batch: bool, interval: float, worker_id: str):
    """django-tasks-db's worker loop over every queue of the default backend."""
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def _database_worker(*, batch: bool, interval: float) -> None:
    from django.utils.crypto import get_random_string

    worker = _db_worker(batch=batch, interval=interval, worker_id=get_random_string(32))
    worker.configure_signals()
    worker.run()


def _rq_worker(*, batch: bool) -> None:
    import django_rq
    from django_tasks_rq import Job
    from redis.exceptions import ConnectionError as RedisDown

    while True:
        worker = django_rq.get_worker(*QUEUES, job_class=Job)
        try:
            worker.work(burst=batch, with_scheduler=True)
            return
        except RedisDown as exc:
            if worker._shutdown_requested_date is not None:  # told to stop: stop, Redis or not
                return
            # Redis restarting: wait and work again (a job it was running when the connection
            # went is run again by the sweep, its heartbeat having stopped).
            logger.warning("Lost Redis (%s); working again in 2 s", exc)
            time.sleep(2)


def run_due_tasks(limit: int = 1000) -> int:
    """Run every task due on the database queue, here and now, and return how many ran: the
    worker's work without the worker (tests; ``manage.py worker --batch``'s twin in-process)."""
    from django_tasks_db.models import DBTaskResult

    worker = _db_worker(batch=True, interval=0, worker_id="in-process")
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().order_by("-priority", "enqueued_at").first()
        if result is None:
            break
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran
