"""Background jobs on the database queue: once, retried with back-off, recovered from a worker
killed half-way, periodic work submitted once per period however many workers keep a clock."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from cmsproject.editorial import jobs
from cmsproject.editorial.jobs import Job
from cmsproject.ops.worker import run_due_tasks

from . import job_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_script():
    job_tasks.script.clear()
    job_tasks.ran.clear()
    yield
    job_tasks.script.clear()
    job_tasks.ran.clear()


def later(seconds: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=seconds)


def test_a_submitted_job_runs_on_the_worker_and_keeps_its_result(editor):
    job = jobs.submit(job_tasks.flaky, title="Something slow", user=editor)
    assert Job.objects.get(pk=job.pk).state == "queued"
    assert job_tasks.ran == []  # not in the request that submitted it

    assert run_due_tasks() == 1
    job.refresh_from_db()
    assert (job.state, job.result, job.attempts) == ("done", {"ok": True}, 1)
    assert job.created_by == editor
    assert job.finished_at is not None


def test_a_task_delivered_twice_runs_once():
    job = jobs.submit(job_tasks.flaky, title="Twice")
    jobs.enqueue(job)  # the same job handed over again (a sweep that raced the worker, say)
    assert run_due_tasks() == 2
    assert job_tasks.ran == ["flaky"]
    assert Job.objects.get(pk=job.pk).state == "done"


def test_a_failing_job_is_retried_with_growing_back_off_then_succeeds():
    job_tasks.script[:] = [RuntimeError("outlet down"), RuntimeError("still down"), None]
    job = jobs.submit(job_tasks.flaky, title="Flaky")

    run_due_tasks()
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == ("queued", 1, "RuntimeError: outlet down")
    first_wait = (job.run_after - timezone.now()).total_seconds()
    assert 5 < first_wait <= jobs.BACKOFF
    assert run_due_tasks() == 0  # not before its time

    with time_machine.travel(later(jobs.BACKOFF + 1)):
        run_due_tasks()
        job.refresh_from_db()
        assert (job.state, job.attempts) == ("queued", 2)
        second_wait = (job.run_after - timezone.now()).total_seconds()
        assert second_wait > first_wait + 5  # the back-off grows
    with time_machine.travel(later(jobs.BACKOFF * 3 + 2)):
        run_due_tasks()
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error, job.result) == ("done", 3, "", {"ok": True})
    assert job_tasks.ran == ["flaky"] * 3


def test_a_job_that_keeps_failing_stops_and_says_why():
    job_tasks.script[:] = [ValueError(f"bad {n}") for n in range(10)]
    job = jobs.submit(job_tasks.flaky, title="Hopeless", max_attempts=2)
    run_due_tasks()
    with time_machine.travel(later(jobs.BACKOFF + 1)):
        run_due_tasks()
    with time_machine.travel(later(jobs.BACKOFF * 10)):
        assert run_due_tasks() == 0  # nothing more is queued
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == ("failed", 2, "ValueError: bad 1")


def test_work_that_cannot_succeed_fails_at_once():
    job = jobs.submit(job_tasks.refused, title="Refused")
    run_due_tasks()
    job.refresh_from_db()
    assert (job.state, job.attempts, job.error) == ("failed", 1, "You may not do this any more.")
    assert job_tasks.ran == ["refused"]


def test_a_job_whose_worker_was_killed_is_run_again_once_it_is_known_dead(settings):
    settings.CARAVAN_JOB_STALE_AFTER = 60
    job_tasks.script[:] = [job_tasks.Killed()]
    job = jobs.submit(job_tasks.flaky, title="Killed half-way")
    run_due_tasks()  # the worker "dies": the job is left running, nobody will finish it
    job.refresh_from_db()
    assert job.state == "running"

    assert jobs.sweep() == 0  # its heartbeat is fresh: it may still be working
    assert run_due_tasks() == 0
    with time_machine.travel(later(61)):
        assert jobs.sweep() == 1
        assert run_due_tasks() == 1
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 2)
    assert job_tasks.ran == ["flaky", "flaky"]


def test_a_runner_taken_for_dead_cannot_overwrite_its_successor():
    job = jobs.submit(job_tasks.flaky, title="Two runners")
    first = jobs.claim(job.pk)
    with time_machine.travel(later(jobs.settings.CARAVAN_JOB_STALE_AFTER + 1)):
        second = jobs.claim(job.pk)
    assert first is not None and second is not None and first.runner != second.runner
    first.progress(5, 10)
    jobs._finish(first, Job.State.FAILED, error="the old runner's outcome")
    job.refresh_from_db()
    assert (job.state, job.done, job.error) == ("running", 0, "")
    second.progress(7, 10)
    jobs._finish(second, Job.State.DONE, result={"by": "the new runner"})
    job.refresh_from_db()
    assert (job.state, job.done, job.result) == ("done", 7, {"by": "the new runner"})


def test_periodic_work_is_submitted_once_per_period_by_every_clock():
    from cmsproject.tasks import publish_scheduled_records

    minute = timezone.now().replace(second=10, microsecond=0) + datetime.timedelta(minutes=1)
    with time_machine.travel(minute, tick=False):
        first = jobs.tick()
        assert publish_scheduled_records.module_path in {j.task_path for j in first}
        assert len(first) == len(jobs.periodic())  # each periodic task once
        assert jobs.tick() == []  # a second worker's clock in the same minute
        run_due_tasks()
        assert jobs.tick() == []  # done, but this minute's run was that one
    with time_machine.travel(minute + datetime.timedelta(seconds=60), tick=False):
        # the next minute: every minute's work again (a daily one only when the day turns)
        again = {j.task_path for j in jobs.tick()}
        every_minute = {p.task_path for p in jobs.periodic() if p.seconds == 60}
        assert every_minute <= again <= {p.task_path for p in jobs.periodic()}
        assert jobs.tick() == []


def test_periodic_work_does_not_pile_up_while_no_worker_runs():
    jobs.tick()
    for minutes in range(1, 5):
        with time_machine.travel(later(60 * minutes)):
            assert jobs.tick() == []  # the last one is still waiting
    assert Job.objects.filter(key__isnull=False).count() == len(jobs.periodic())


def test_scheduled_records_are_published_by_the_worker():
    from tests.factories import EventFactory

    event = EventFactory(status="draft", go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    jobs.tick()
    run_due_tasks()
    event.refresh_from_db()
    assert event.status == "published"
    job = Job.objects.get(task_path="cmsproject.tasks.publish_scheduled_records")
    assert job.result["published"] == [event.slug]


def test_a_queued_job_its_queue_lost_is_handed_over_again(settings):
    from django_tasks_db.models import DBTaskResult

    job = jobs.submit(job_tasks.flaky, title="Lost")
    DBTaskResult.objects.all().delete()  # the queue forgot it (Redis restarted empty, say)
    assert run_due_tasks() == 0
    with time_machine.travel(later(2 * settings.CARAVAN_JOB_STALE_AFTER + 1)):
        assert jobs.sweep() == 1
        assert run_due_tasks() == 1
    assert Job.objects.get(pk=job.pk).state == "done"


def test_old_finished_jobs_are_forgotten():
    kept = jobs.submit(job_tasks.flaky, title="Recent", total=3)
    empty = jobs.submit(job_tasks.flaky, title="Nothing new in the feed")  # total 0
    periodic = jobs.tick()
    run_due_tasks()
    with time_machine.travel(later(2 * 24 * 3600)):
        jobs.prune()
    assert list(Job.objects.values_list("pk", flat=True)) == [kept.pk]
    assert periodic and not Job.objects.filter(key__isnull=False).exists()
    assert not Job.objects.filter(pk=empty.pk).exists()
    with time_machine.travel(later(31 * 24 * 3600)):
        jobs.prune()
    assert not Job.objects.exists()


def test_the_search_index_is_rebuilt_by_a_worker_all_or_nothing(capsys):
    from django.core.management import call_command

    from events.models import SearchEntry
    from tests.factories import EventFactory

    EventFactory(status="published", title="Summit of the Caspian states")
    SearchEntry.objects.all().delete()  # as after a bulk load that bypassed the signals
    call_command("rebuild_search_index", "--background")
    assert "a worker will rebuild the index" in capsys.readouterr().out
    assert not SearchEntry.objects.exists()  # not in the command
    run_due_tasks()
    job = Job.objects.get(title="Rebuild the search index")
    assert job.state == "done" and job.result == {"entries": SearchEntry.objects.count()}
    assert SearchEntry.objects.filter(title__contains="Caspian").exists()
