"""Tasks the job tests run: the task API needs them at module level, like the project's own."""

from django_tasks import task

from cmsproject.editorial import jobs

#: What the next runs of ``flaky`` do: an exception to raise, or None to succeed.
script: list[BaseException | None] = []
#: How many times each task's work ran (not how often it was delivered).
ran: list[str] = []


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs in the worker, not even an ``except``."""


@task()
def flaky(job_id: int) -> str:
    return jobs.work(job_id, _flaky)


def _flaky(job: jobs.Job) -> dict:
    ran.append("flaky")
    outcome = script.pop(0) if script else None
    if outcome is not None:
        raise outcome
    return {"ok": True}


@task()
def refused(job_id: int) -> str:
    return jobs.work(job_id, _refused)


def _refused(job: jobs.Job) -> None:
    ran.append("refused")
    raise jobs.GiveUp("You may not do this any more.")
