"""Load and faults against a running Caravan: readers, an editor and an import at once.

Readers fetch pages and API endpoints in a loop; an editor withdraws and republishes an event
through the API; an import of article files runs; optionally the database is restarted
mid-run. Every response is recorded; the report gives counts by status and latency
percentiles, and says whether the run was clean: no error outside the outage, only 503 within
it, and recovery afterwards without restarting Caravan. :func:`load_test` runs it all.
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
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token

from events.models import Agreement, Event, Organization, Person


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
    outage: tuple[float, float] | None = None
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


def reader(run: Run, base: str, urls: list[str], deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        url = base + rng.choice(urls)
        status, ms = fetch(url)
        run.add(Sample(time.monotonic(), status, ms, url))


def editor(run: Run, base: str, token: str, slug: str, deadline: float, pause: float = 1.0) -> None:
    target = "withdrawn"
    url = f"{base}/api/v1/events/{slug}/"
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
            target = "published" if target == "withdrawn" else "withdrawn"
        time.sleep(pause)


def restart_database(run: Run, command: str, base: str, *, give_up_after: float = 90) -> None:
    """Run ``command`` (which restarts the database), then wait for Caravan to answer again."""
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
            run.outage = (started, float("inf"))  # never recovered: the report says so
            return
        time.sleep(0.2)
    run.outage = (started, time.monotonic())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


def report(run: Run, started: float) -> tuple[dict, bool]:
    grace = 2.0  # requests already in flight when the outage ended
    outage = run.outage
    inside, outside = [], []
    for s in run.samples:
        if outage and outage[0] <= s.at <= outage[1] + grace:
            inside.append(s)
        else:
            outside.append(s)
    ok_outside = [s for s in outside if s.status == 200]
    errors_outside = [s for s in outside if s.status >= 500 or s.status == 0]
    bad_inside = [s for s in inside if s.status not in (200, 503)]
    after = [s for s in outside if outage and s.at > outage[1] + grace]
    saves = [s.ms for s in ok_outside if s.url.startswith("PATCH ")]
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
        "outage_seconds": (
            round(outage[1] - outage[0], 1) if outage and outage[1] != float("inf") else None
        ),
        "recovered": outage is None or outage[1] != float("inf"),
        "during_outage": dict(Counter(s.status for s in inside)),
        "not_503_during_outage": len(bad_inside),
        "after_outage_ok": all(s.status == 200 for s in after) if after else None,
        "editor": {f"{k[0]}:{k[1]}": v for k, v in run.editor_actions.items()},
        "import_exit_status": run.import_exit,
        "seconds": round(time.monotonic() - started, 1),
    }
    clean = (
        not errors_outside
        and not bad_inside
        and run.import_exit in (0, None)
        and (summary["after_outage_ok"] in (True, None))
    )
    return summary, clean


class NothingToEdit(Exception):
    """There is no published event for the editor to withdraw and republish."""


def load_test(
    base: str,
    *,
    seconds: int,
    readers: int,
    restart_db: str = "",
    restart_at: float = 25.0,
    articles: int = 200,
    editors: int = 1,
) -> tuple[dict, bool]:
    """Readers, ``editors`` editors (each on an event of its own; more than one save every
    0.2 s) and an import of ``articles`` files against ``base`` for ``seconds``, with the
    database restarted by the shell command ``restart_db`` after ``restart_at`` seconds if one
    is given. Returns the report and whether the run was clean."""
    base = base.rstrip("/")
    urls = public_urls()
    token, slugs = load_editor(editors)
    run = Run()
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(target=reader, args=(run, base, urls, deadline, i), daemon=True)
        for i in range(readers)
    ]
    pause = 1.0 if editors == 1 else 0.2
    threads += [
        threading.Thread(target=editor, args=(run, base, token, slug, deadline, pause), daemon=True)
        for slug in slugs
    ]
    folder = tempfile.mkdtemp(prefix="caravan-load-")
    write_articles(folder, articles)
    first_import: dict = {}

    def import_during_load() -> None:
        first_import["exit"], first_import["failed"] = import_folder(folder)

    importer = threading.Thread(target=import_during_load, daemon=True)
    for thread in [*threads, importer]:
        thread.start()
    if restart_db:
        time.sleep(restart_at)
        restart_database(run, restart_db, base)
    for thread in threads:
        thread.join(timeout=seconds + 30)
    importer.join(timeout=300)
    # Files that failed while the database was away are reported, not lost: importing the
    # folder again must bring in every one of them.
    run.import_exit, still_failed = import_folder(folder)
    shutil.rmtree(folder, ignore_errors=True)
    summary, clean = report(run, started)
    summary["import_during_load"] = {
        "exit_status": first_import.get("exit"),
        "failed": len(first_import.get("failed", [])),
        "reasons": sorted({r["error"][:80] for r in first_import.get("failed", [])})[:3],
    }
    summary["import_again_failed"] = len(still_failed)
    return summary, clean


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
    user.groups.add(Group.objects.get(name="Editor"))
    token, _ = Token.objects.get_or_create(user=user)
    slugs = list(Event.objects.published().order_by("pk").values_list("slug", flat=True))
    if len(slugs) < editors:
        raise NothingToEdit(
            f"{editors} published events are needed to work on: load the demo data first."
        )
    return token.key, slugs[:editors]


def write_articles(folder: str, articles: int) -> None:
    """Articles that give the linker work: the demo data's people, places and a figure."""
    for i in range(articles):
        Path(folder, f"load-{i}.txt").write_text(
            f"Load test article number {i} headline\n\nMinisters met for talks number "
            f"{i} on trade, transport and energy cooperation across the region, "
            f"according to a statement issued after the meeting. Detail {i * 7919}.\n\n"
            "Xi Jinping and Kassym-Jomart Tokayev met in Astana, where Wang Yi and Murat "
            "Nurtleu held talks; Shavkat Mirziyoyev sent a message from Tashkent, and Sadyr "
            "Japarov spoke with Emomali Rahmon by telephone from Bishkek.\n\n"
            f"Bilateral trade reached ${30 + i % 20} billion in 2023, the ministry said."
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
