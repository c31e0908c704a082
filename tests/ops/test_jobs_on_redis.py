"""The same jobs on several machines' engines: the RQ queue and the shared cache on a real
Redis server, and what readers and workers get while that server restarts."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from cmsproject.editorial import jobs
from cmsproject.editorial.jobs import Job
from tests.redis_server import RedisServer

from . import job_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.remove()


@pytest.fixture
def on_rq(redis_server):
    import django_rq

    queues = {name: {"URL": redis_server.url} for name in ("default", "imports")}
    tasks = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(queues)}}
    with override_settings(TASKS=tasks, RQ_QUEUES=queues, TASK_BACKEND="redis"):
        django_rq.get_connection("default").flushdb()
        yield
    job_tasks.script.clear()
    job_tasks.ran.clear()


def work_rq() -> None:
    """An RQ worker in this process (the test's transaction is its database), until idle."""
    import django_rq
    from django_tasks_rq import Job as RQJob
    from rq.worker import SimpleWorker

    worker = django_rq.get_worker("default", "imports", job_class=RQJob, worker_class=SimpleWorker)
    worker.work(burst=True, with_scheduler=True)


def test_a_job_runs_on_an_rq_worker_once_committed(on_rq, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        job = jobs.submit(job_tasks.flaky, title="On Redis")
    assert len(queued) == 1  # handed to Redis after the commit, not before
    work_rq()
    job.refresh_from_db()
    assert (job.state, job.result) == ("done", {"ok": True})
    assert job.enqueued_at is not None


def test_a_failed_job_is_retried_through_rq_s_scheduler(on_rq, django_capture_on_commit_callbacks):
    import django_rq
    from rq.registry import ScheduledJobRegistry

    job_tasks.script[:] = [RuntimeError("outlet down")]
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.submit(job_tasks.flaky, title="Flaky on Redis")
    work_rq()
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("queued", 1)
    registry = ScheduledJobRegistry(queue=django_rq.get_queue("default"))
    assert registry.count == 1  # RQ holds the retry until its back-off has passed


def test_a_job_queued_while_redis_is_down_runs_once_it_is_back(
    on_rq, redis_server, django_capture_on_commit_callbacks, settings
):
    import datetime

    import time_machine
    from django.utils import timezone

    redis_server.stop()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = jobs.submit(job_tasks.flaky, title="Submitted during the outage")
        job.refresh_from_db()
        assert (job.state, job.enqueued_at) == ("queued", None)  # kept, not lost
    finally:
        redis_server.start()
    later = timezone.now() + datetime.timedelta(seconds=settings.CARAVAN_JOB_STALE_AFTER + 1)
    with time_machine.travel(later):
        assert jobs.sweep() == 1
    work_rq()
    assert Job.objects.get(pk=job.pk).state == "done"


# ---- the shared cache --------------------------------------------------------------------


@pytest.fixture
def shared_cache(redis_server):
    from django.core.cache import cache as default_cache

    config = {
        "default": {
            "BACKEND": "cmsproject.caches.ForgivingRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    with override_settings(CACHES=config):
        caches["default"].clear()
        yield caches["default"]
    default_cache.clear()


def test_two_app_servers_share_what_is_cached(shared_cache, redis_server):
    from django.core.cache.backends.redis import RedisCache

    other_server = RedisCache(redis_server.url, {})  # another process's client of the same Redis
    shared_cache.set("caravan:home:v7", {"events": 12})
    assert other_server.get("caravan:home:v7") == {"events": 12}


def test_a_change_made_through_one_server_is_served_by_another_at_once(shared_cache, client):
    """Both servers cache pages in the same Redis; the content version the keys carry lives in
    the database, so what one server cached before a change is never served after it."""
    from django.core.cache import caches

    from tests.factories import EventFactory

    event = EventFactory(status="published", title="Summit in Astana")
    assert "Summit in Astana" in client.get("/events/").content.decode()  # cached by "A"
    event.title = "Summit in Bishkek"
    event.save()  # an editor's change, made through "B"
    caches["default"].close()  # "A" again, on a connection of its own
    page = client.get("/events/").content.decode()
    assert "Summit in Bishkek" in page and "Summit in Astana" not in page


def test_pages_keep_answering_while_redis_restarts(shared_cache, redis_server, client):
    from tests.factories import EventFactory

    EventFactory(status="published", title="Summit in Astana")
    assert client.get("/events/").status_code == 200
    redis_server.stop()
    try:
        assert shared_cache.get("anything", "missed") == "missed"  # a miss, not an error
        shared_cache.set("anything", 1)  # dropped, not raised
        response = client.get("/events/")
        assert response.status_code == 200
        assert "Summit in Astana" in response.content.decode()
    finally:
        redis_server.start()
    import time

    time.sleep(1.1)  # the cache tries Redis again a moment after a failure
    shared_cache.set("back", 2)
    assert shared_cache.get("back") == 2
