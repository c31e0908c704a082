"""Load and faults against a running Caravan: readers, an editor and an import at once.

Readers fetch pages and API endpoints in a loop; an editor withdraws and republishes an event
through the API; an import of article files runs; optionally the database is restarted
mid-run. Every response is recorded; the report gives counts by status and latency
percentiles, and says whether the run was clean: no error outside the outage, only 503 within
it, and recovery afterwards without restarting Caravan.
"""

from __future__ import annotations

import json
import random
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field


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
    url: str, *, method: str = "GET", data: dict | None = None, token: str = "", timeout: float = 15
) -> tuple[int, float]:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
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


def editor(run: Run, base: str, token: str, slug: str, deadline: float) -> None:
    target = "withdrawn"
    while time.monotonic() < deadline:
        status, ms = fetch(
            f"{base}/api/v1/events/{slug}/", method="PATCH", data={"status": target}, token=token
        )
        run.add(Sample(time.monotonic(), status, ms, f"PATCH {slug} -> {target}"))
        run.editor_actions[(target, status)] += 1
        if status == 200:
            target = "published" if target == "withdrawn" else "withdrawn"
        time.sleep(1.0)


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
    summary = {
        "requests": len(run.samples),
        "by_status": dict(Counter(s.status for s in run.samples)),
        "p50_ms": percentile([s.ms for s in ok_outside], 0.50) if ok_outside else None,
        "p95_ms": percentile([s.ms for s in ok_outside], 0.95) if ok_outside else None,
        "p99_ms": percentile([s.ms for s in ok_outside], 0.99) if ok_outside else None,
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
