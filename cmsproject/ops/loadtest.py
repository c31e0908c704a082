"""Load and faults against a running Caravan: readers, editors and an import at once.

Readers fetch pages and API endpoints in a loop, spread over every app server given; editors
withdraw and republish events through the API on the first server, and each change is read
back at once from another server (several servers must agree); an import of article files is
uploaded through the admin and done by the task worker (or, with ``import_via="command"``, by
``manage.py import_sources``). Faults can be injected: the database restarted, the worker
killed half-way through the import and started again, Redis restarted. Every response is
recorded; the report gives counts by status and latency percentiles, and says whether the run
was clean: no error outside the outages, only 503 within them, recovery afterwards without
restarting Caravan, no stale read, and every article imported exactly once.
:func:`load_test` runs it all.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.authtoken.models import Token

from events.models import Agreement, Event, Organization, Person

T = TypeVar("T")


@dataclass
class Sample:
    at: float
    status: int
    ms: float
    url: str


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    editor_actions: Counter = field(default_factory=Counter)
    #: Windows in which a fault was injected: (what, start, end).
    outages: list[tuple[str, float, float]] = field(default_factory=list)
    #: A change made on one server that another did not serve at once.
    stale_reads: list[str] = field(default_factory=list)
    import_exit: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)


def fetch(
    url: str,
    *,
    method: str = "GET",
    data: dict | None = None,
    token: str = "",
    headers: dict[str, str] | None = None,
    timeout: float = 15,
    answer: dict | None = None,
) -> tuple[int, float]:
    """(status, milliseconds); the response's headers go into ``answer`` when given."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
            if answer is not None:
                answer.update(response.headers.items())
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        status = 0  # no answer at all
    return status, (time.perf_counter() - started) * 1000


def reader(run: Run, bases: list[str], urls: list[str], deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        url = rng.choice(bases) + rng.choice(urls)
        status, ms = fetch(url)
        run.add(Sample(time.monotonic(), status, ms, url))


def editor(
    run: Run, bases: list[str], token: str, slug: str, deadline: float, pause: float = 1.0
) -> None:
    """Withdraw and republish the event ``slug`` on the first server; after each change, the
    last server (another, when there are several) must serve it to readers at once."""
    target = "withdrawn"
    url = f"{bases[0]}/api/v1/events/{slug}/"
    elsewhere = f"{bases[-1]}/api/v1/events/{slug}/"
    while time.monotonic() < deadline:
        # As any client must: read the record, then change the version read (If-Match).
        read: dict[str, str] = {}
        status, ms = fetch(url, token=token, answer=read)
        if status == 200:  # else the read's answer (a 503 while the database is away) counts
            status, ms = fetch(
                url,
                method="PATCH",
                data={"status": target},
                token=token,
                headers={"If-Match": read["ETag"]},
            )
        run.add(Sample(time.monotonic(), status, ms, f"PATCH {slug} -> {target}"))
        run.editor_actions[(target, status)] += 1
        if status == 200:
            seen, _ = fetch(elsewhere)  # a reader of the other server, right after
            if seen in (200, 404) and (seen == 200) != (target == "published"):
                run.stale_reads.append(f"{slug} {target} on one server, {seen} on another")
            target = "published" if target == "withdrawn" else "withdrawn"
        time.sleep(pause)


def inject(run: Run, what: str, command: str, base: str, *, give_up_after: float = 90) -> None:
    """Run ``command`` (which restarts a component), then wait for Caravan to answer again; the
    time between is an outage window of the report."""
    started = time.monotonic()
    subprocess.run(
        command,
        shell=True,
        check=False,
        timeout=give_up_after,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while fetch(base + "/healthz", timeout=5)[0] != 200:
        if time.monotonic() - started > give_up_after:
            run.outages.append((what, started, float("inf")))  # never recovered: reported
            return
        time.sleep(0.2)
    with run.lock:
        run.outages.append((what, started, time.monotonic()))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


def report(run: Run, started: float) -> tuple[dict, bool]:
    grace = 2.0  # requests already in flight when the outage ended
    windows = [(start, end + grace) for _, start, end in run.outages]
    inside, outside = [], []
    for s in run.samples:
        (inside if any(a <= s.at <= b for a, b in windows) else outside).append(s)
    ok_outside = [s for s in outside if s.status == 200]
    errors_outside = [s for s in outside if s.status >= 500 or s.status == 0]
    bad_inside = [s for s in inside if s.status not in (200, 503)]
    last_end = max((b for _, b in windows), default=None)
    after = [s for s in outside if last_end is not None and s.at > last_end]
    saves = [s.ms for s in ok_outside if s.url.startswith("PATCH ")]
    recovered = all(end != float("inf") for _, _, end in run.outages)
    summary = {
        "requests": len(run.samples),
        "by_status": dict(Counter(s.status for s in run.samples)),
        "p50_ms": percentile([s.ms for s in ok_outside], 0.50) if ok_outside else None,
        "p95_ms": percentile([s.ms for s in ok_outside], 0.95) if ok_outside else None,
        "p99_ms": percentile([s.ms for s in ok_outside], 0.99) if ok_outside else None,
        # the editors' saves alone: how long a save waits while the import writes
        "saves_p50_ms": percentile(saves, 0.50) if saves else None,
        "saves_p99_ms": percentile(saves, 0.99) if saves else None,
        "errors_outside_outage": len(errors_outside),
        "examples": [f"{s.status} {s.url}" for s in errors_outside[:5]],
        "outages": {
            what: round(end - start, 1) if end != float("inf") else "never recovered"
            for what, start, end in run.outages
        },
        "recovered": recovered,
        "during_outage": dict(Counter(s.status for s in inside)),
        "not_503_during_outage": len(bad_inside),
        "after_outage_ok": all(s.status == 200 for s in after) if after else None,
        # p50 of the answered requests, ten seconds at a time: where the time went
        "p50_by_10s": [
            percentile([s.ms for s in ok_outside if b <= s.at - started < b + 10], 0.5)
            if any(b <= s.at - started < b + 10 for s in ok_outside)
            else None
            for b in range(
                0, int(max((s.at for s in run.samples), default=started) - started) + 1, 10
            )
        ],
        "stale_reads": len(run.stale_reads),
        "stale_examples": run.stale_reads[:5],
        "editor": {f"{k[0]}:{k[1]}": v for k, v in run.editor_actions.items()},
        "import_exit_status": run.import_exit,
        "seconds": round(time.monotonic() - started, 1),
    }
    clean = (
        not errors_outside
        and not bad_inside
        and recovered
        and not run.stale_reads
        and run.import_exit in (0, None)
        and (summary["after_outage_ok"] in (True, None))
    )
    return summary, clean


class NothingToEdit(Exception):
    """There is no published event for the editor to withdraw and republish."""


def load_test(
    bases: list[str],
    *,
    seconds: int,
    readers: int,
    restart_db: str = "",
    restart_at: float = 25.0,
    articles: int = 200,
    editors: int = 1,
    import_via: str = "admin",
    restart_worker: str = "",
    restart_redis: str = "",
    redis_restart_at: float = 40.0,
) -> tuple[dict, bool]:
    """Readers over every server of ``bases``, ``editors`` editors (each on an event of its own;
    more than one save every 0.2 s) and an import of ``articles`` files for ``seconds``. Shell
    commands inject faults: ``restart_db`` after ``restart_at`` seconds, ``restart_redis``
    after ``redis_restart_at``, ``restart_worker`` (kill -9 the worker, start it again) once
    the import is under way. Returns the report and whether the run was clean."""
    bases = [base.rstrip("/") for base in bases]
    urls = public_urls()
    token, slugs = load_editor(editors)
    run = Run()
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(target=reader, args=(run, bases, urls, deadline, i), daemon=True)
        for i in range(readers)
    ]
    pause = 1.0 if editors == 1 else 0.2
    threads += [
        threading.Thread(
            target=editor, args=(run, bases, token, slug, deadline, pause), daemon=True
        )
        for slug in slugs
    ]
    folder = tempfile.mkdtemp(prefix="caravan-load-")
    write_articles(folder, articles)
    imported: dict = {}

    def import_during_load() -> None:
        if import_via == "admin":
            imported.update(import_through_admin(bases[0], folder, restart_worker, seconds))
        else:
            imported["exit"], imported["failed"] = import_folder(folder)

    importer = threading.Thread(target=import_during_load, daemon=True)
    for thread in [*threads, importer]:
        thread.start()
    faults = sorted(
        [(restart_at, "database", restart_db), (redis_restart_at, "redis", restart_redis)]
    )
    redis_back_at = None
    for at, what, command in faults:
        if command:
            time.sleep(max(0.0, started + at - time.monotonic()))
            inject(run, what, command, bases[0])
            if what == "redis":
                redis_back_at = timezone.now()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    importer.join(timeout=seconds + 600)
    tasks_resumed = redis_back_at is None or tasks_done_since(redis_back_at, timeout=120)
    if import_via == "admin":
        shutil.rmtree(folder, ignore_errors=True)
        summary, clean = report(run, started)
        summary["import"] = imported
        summary["tasks_after_redis_restart"] = tasks_resumed
        return summary, clean and imported.get("each_once", False) and tasks_resumed
    # Files that failed while the database was away are reported, not lost: importing the
    # folder again must bring in every one of them.
    run.import_exit, still_failed = import_folder(folder)
    shutil.rmtree(folder, ignore_errors=True)
    summary, clean = report(run, started)
    summary["import_during_load"] = {
        "exit_status": imported.get("exit"),
        "failed": len(imported.get("failed", [])),
        "reasons": sorted({r["error"][:80] for r in imported.get("failed", [])})[:3],
    }
    summary["import_again_failed"] = len(still_failed)
    return summary, clean


def tasks_done_since(moment, *, timeout: float) -> bool:
    """Whether the workers run tasks again after ``moment``: a periodic job submitted after it
    is done within ``timeout`` seconds."""
    from cmsproject.editorial.jobs import Job

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = Job.objects.filter(key__isnull=False, created_at__gt=moment, state="done")
        if _read(done.exists):
            return True
        time.sleep(1)
    return False


def _read(query: Callable[[], T]) -> T | None:
    """``query()``, or None when the database is away or was restarted under this process's
    connection (the next call opens a new one)."""
    from django.db import DatabaseError, connection

    try:
        return query()
    except DatabaseError:
        connection.close()
        return None


LOAD_PASSWORD = "load-editor-password-" + "x" * 8


class Browser:
    """An editor's browser, as far as the admin needs: cookies (kept whatever their Secure
    flag: the run is on plain loopback HTTP), the CSRF token, forms and file uploads."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}

    def open(self, path: str, body: bytes | None = None, content_type: str = "") -> tuple:
        request = urllib.request.Request(self.base + path, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if content_type:
            request.add_header("Content-Type", content_type)
        request.add_header("Referer", self.base + path)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=120)
        except urllib.error.HTTPError as exc:
            response = exc
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, response.read()

    def post(self, path: str, fields: dict[str, str], files: list[tuple[str, bytes]] = ()):
        self.open(path)  # the form, and with it the CSRF cookie
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        boundary = f"caravan-load-{random.getrandbits(64):x}"
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, data in files:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.open(path, b"".join(parts), f"multipart/form-data; boundary={boundary}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def import_through_admin(base: str, folder: str, restart_worker: str, seconds: int) -> dict:
    """Upload every article of ``folder`` in one admin upload, follow the job to its end
    (killing and restarting the worker half-way when told), and check that each article was
    imported exactly once."""
    from cmsproject.editorial.jobs import Job
    from sources.models import ImportFile, Source

    browser = Browser(base)
    status, headers, _ = browser.post(
        "/admin/login/?next=/admin/",
        {"username": "load-editor", "password": LOAD_PASSWORD, "next": "/admin/"},
    )
    if status != 302:
        return {"error": f"login answered {status}", "each_once": False}
    files = sorted(Path(folder).iterdir())
    status, headers, _ = browser.post(
        "/admin/sources/source/import/", {}, [(f.name, f.read_bytes()) for f in files]
    )
    if status != 302:
        return {"error": f"the upload answered {status}", "each_once": False}
    job_id = int(headers["Location"].rstrip("/").rsplit("/", 1)[1])
    killed_at = None
    give_up = time.monotonic() + seconds + 600
    job = None
    while time.monotonic() < give_up:
        job = _read(lambda: Job.objects.get(pk=job_id))
        if job is None:  # the database restarting under us
            time.sleep(0.5)
            continue
        if job.finished:
            break
        if restart_worker and killed_at is None and 0 < job.done < job.total:
            killed_at = job.done
            subprocess.run(restart_worker, shell=True, check=False, timeout=60)
        time.sleep(0.2)
    if job is None or not job.finished:
        return {"error": "the import did not finish", "job": job_id, "each_once": False}
    titles = Counter(
        Source.objects.filter(title__startswith="Load test article number").values_list(
            "title", flat=True
        )
    )
    wanted = {f"Load test article number {i} headline" for i in range(len(files))}
    statuses = Counter(ImportFile.objects.filter(job=job).values_list("status", flat=True))
    each_once = (
        job.state == "done"
        and set(titles) == wanted
        and all(n == 1 for n in titles.values())
        # each file a source of its own (a near copy of an earlier one is a "duplicate")
        and statuses.get("created", 0) + statuses.get("duplicate", 0) == len(files)
    )
    return {
        "job": job_id,
        "state": job.state,
        "attempts": job.attempts,
        "files": len(files),
        "statuses": dict(statuses),
        "worker_killed_after_files": killed_at,
        "sources_twice": sum(1 for n in titles.values() if n > 1),
        "sources_missing": len(wanted - set(titles)),
        "seconds": round((job.finished_at - job.created_at).total_seconds(), 1),
        "each_once": each_once,
    }


def public_urls() -> list[str]:
    """The pages and API endpoints readers fetch, with ten published records of each kind."""
    pages = [
        "/",
        "/events/",
        "/people/",
        "/organizations/",
        "/agreements/",
        "/sources/",
        "/search/?q=meeting",
        "/feeds/events/",
        "/events.ics",
        "/sitemap.xml",
        "/api/v1/events/",
        "/api/v1/people/?search=a",
        "/api/v1/agreements/",
        "/api/v1/events/?country=KAZ",
    ]
    for model in (Event, Person, Organization, Agreement):
        for obj in model.objects.published().order_by("?")[:10]:
            pages.append(obj.get_absolute_url())
            api = {
                "event": "events",
                "person": "people",
                "organization": "organizations",
                "agreement": "agreements",
            }[model._meta.model_name]
            pages.append(f"/api/v1/{api}/{obj.slug}/")
    return pages


def load_editor(editors: int = 1) -> tuple[str, list[str]]:
    """The API token of an editor made for the run, and the slugs of the events it works on
    (one per editor thread)."""
    user, _ = get_user_model().objects.get_or_create(
        username="load-editor", defaults={"is_staff": True}
    )
    user.set_password(LOAD_PASSWORD)  # the admin upload logs in as this editor
    user.save()
    user.groups.add(Group.objects.get(name="Editor"))
    token, _ = Token.objects.get_or_create(user=user)
    slugs = list(Event.objects.published().order_by("pk").values_list("slug", flat=True))
    if len(slugs) < editors:
        raise NothingToEdit(
            f"{editors} published events are needed to work on: load the demo data first."
        )
    return token.key, slugs[:editors]


#: Words the load articles are written from, so that no two are near copies of each other
#: (a newsroom's imports are mostly distinct stories; copies are the exception).
_WORDS = (
    "ministers trade transport energy railway corridor pipeline customs border investment "
    "agreement summit delegation cooperation logistics industry agriculture water tourism "
    "security culture education science digital finance bank loan route freight port visit "
    "talks memorandum consultations exports imports grain cotton copper uranium gas oil power "
    "station bridge highway airport university students visas licences standards tariffs"
)
VOCABULARY = _WORDS.split()


def write_articles(folder: str, articles: int) -> None:
    """Distinct articles that give the linker work: the demo data's people, places and a
    figure, around text of their own."""
    for i in range(articles):
        rng = random.Random(i)
        own = [" ".join(rng.choice(VOCABULARY) for _ in range(35)) + "." for _ in range(3)]
        Path(folder, f"load-{i}.txt").write_text(
            f"Load test article number {i} headline\n\n{own[0]}\n\n"
            "Xi Jinping and Kassym-Jomart Tokayev met in Astana, where Wang Yi and Murat "
            "Nurtleu held talks; Shavkat Mirziyoyev sent a message from Tashkent, and Sadyr "
            f"Japarov spoke with Emomali Rahmon by telephone from Bishkek.\n\n{own[1]}\n\n"
            f"Bilateral trade reached ${30 + i % 20} billion in 2023, the ministry said. {own[2]}"
        )


def import_folder(folder: str) -> tuple[int, list[dict]]:
    """``manage.py import_sources`` of ``folder`` in a process of its own: exit status, failures."""
    result = subprocess.run(
        [sys.executable, "manage.py", "import_sources", folder, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        reports = json.loads(result.stdout)
    except ValueError:
        reports = []
    return result.returncode, [r for r in reports if r.get("status") == "failed"]
