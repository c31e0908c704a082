"""The benchmark: cost of every page and API endpoint at two data sizes, search, import, memory.

Times are measured through the whole Django stack (the test client: middleware, URL routing,
views, templates or serializers, database), each address twice: cold, as the first reader
after a publish finds it (caches emptied before every request), and warm, as the readers after
that. Each figure is reported, never asserted: the test suite guards query counts, this reports
times and ratios.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, Resolver404, include, path, resolve

from cmsproject import caching

from .synthetic import Sizes, add_known_person, generate

API_RECORDS = [
    "events",
    "people",
    "organizations",
    "places",
    "agreements",
    "sources",
    "topics",
    "indicators",
    "figures",
]
FLOOR_FIELDS = ["slug", "title", "kind", "start_date", "end_date"]
VOCABULARY = """
agreement agenda ambassador bilateral border capital ceremony citizens cooperation corridor
council customs delegation development dialogue digital economic energy exports forum freight
gas grain industrial infrastructure investment joint leaders logistics meeting memorandum
minister ministry mutual negotiations partnership pipeline political projects railway region
regional relations security signed strategic summit support talks trade transit transport
treaty visit water welcomed sides both countries further stressed noted discussed agreed
expressed readiness expand strengthen deepen implement promote ensure important issues
questions prospects results progress level framework mechanism initiative platform
programme plan road route station terminal construction power plant solar wind hydro
supply chain market products agriculture cotton wheat textile mining copper gold uranium
oil field company companies enterprises banks finance loan fund credit billion million
dollars yuan percent growth volume turnover year years month week day first second third
new modern historic friendly good neighbourly long term high sustainable green
""".split()  # noqa: SIM905 -- prose is easier to read and extend than a list of strings


@dataclass
class Timing:
    """One way of reading an address: its SQL queries and its times over ``repeat`` requests."""

    queries: int
    p50_ms: float
    p95_ms: float


@dataclass
class Measurement:
    """An address read cold (as the first reader after a publish) and warm (as the next)."""

    url: str
    status: int
    cold: Timing
    warm: Timing


MODES = ("cold", "warm")


@dataclass
class Report:
    sizes: dict[str, dict] = field(default_factory=dict)
    small: dict[str, Measurement] = field(default_factory=dict)
    large: dict[str, Measurement] = field(default_factory=dict)
    # name → {"cold": p95 large/small, "warm": …}; query_growth: name → {"cold": [s, l], …}
    ratios: dict[str, dict[str, float]] = field(default_factory=dict)
    query_growth: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    api_vs_floor: dict[str, float] = field(default_factory=dict)
    search_p95_ms: dict[str, float] = field(default_factory=dict)
    import_per_second: float | None = None
    peak_memory_mb: float = 0.0

    def as_dict(self) -> dict:
        data = asdict(self)
        data["query_growth"] = {
            name: {mode: list(pair) for mode, pair in modes.items()}
            for name, modes in self.query_growth.items()
        }
        return data


def floor_view(request):
    """What the API events list costs with nothing of ours: the same rows as .values()."""
    from events.models import Event

    size = int(request.GET.get("page_size", 20))
    rows = list(
        Event.objects.published().order_by("-start_date", "title").values(*FLOOR_FIELDS)[:size]
    )
    return JsonResponse({"count": len(rows), "results": rows})


urlpatterns = [
    path("__floor__/events/", floor_view),
    path("", include("cmsproject.urls")),
]


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank) of ``times``, rounded to 0.01 ms."""
    ordered = sorted(times)
    return round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 2)


def make_cold() -> None:
    """Leave the site as the first reader after a publish finds it.

    A publish bumps the content version (every ``caching.cached`` value and cached response is
    then out of reach) and, for any record with a name, the names counter (the in-process name
    index the resolver reads is rebuilt). Both are done here, as the publish does them, so the
    figure is honest with any cache backend and any process; ``cache.clear()`` is done too, as
    the issue's own measurement from outside did. What a publish leaves warm stays warm: the
    per-process memos of code and static data (URL halves in editorial/paths.py, folded words,
    the map's base layer, the release hash), which only a restart empties.
    """
    from events.linking.index import invalidate

    cache.clear()
    caching.bump()
    invalidate()  # bumps the names counter and drops this process's index


def _timed(client: Client, url: str, repeat: int, before: Callable[[], None]) -> tuple[Timing, int]:
    """``before()`` then a request, ``repeat`` times timed and once more counting queries."""
    before()
    connection.queries_log.clear()  # a full log (9,000 entries) would hide new queries
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # read now: the next request clears the connection's query log
    times = []
    for _ in range(repeat):
        before()  # outside the timed span: the reader does not pay for the publish
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    timing = Timing(queries, round(statistics.median(times), 2), p95(times))
    return timing, response.status_code


def measure(client: Client, url: str, repeat: int) -> Measurement:
    """``url`` cold (caches emptied before each request) and warm (as a reader after the first
    finds it)."""
    # Neither figure includes what only a process's first request pays (imports, compiled
    # templates): what makes the cold read cold is make_cold() alone.
    client.get(url)
    cold, status = _timed(client, url, repeat, make_cold)
    client.get(url)  # warm caches, as a reader after the first finds them
    warm, _ = _timed(client, url, repeat, lambda: None)
    return Measurement(url, status, cold, warm)


def _resolves(url: str) -> bool:
    try:
        resolve(url.split("?")[0])
        return True
    except (Resolver404, NoReverseMatch):
        return False


def targets() -> list[tuple[str, str]]:
    """(name, url) of every public page and API endpoint, with a published example each."""
    from events.models import (
        Agreement,
        Event,
        Figure,
        Indicator,
        Organization,
        Person,
        Place,
        Topic,
    )
    from sources.models import Source

    def first(model):
        return model.objects.published().order_by("pk").first()

    examples = {
        "events": first(Event),
        "people": first(Person),
        "organizations": first(Organization),
        "places": first(Place),
        "agreements": first(Agreement),
        "sources": first(Source),
        "topics": first(Topic),
        "indicators": first(Indicator),
        "figures": first(Figure),
    }
    pages = [
        ("home", "/"),
        ("event list", "/events/"),
        ("event list filtered", "/events/?country=KAZ"),
        ("event list two filters", "/events/?country=KAZ&year=2020"),
        ("people", "/people/"),
        ("organizations", "/organizations/"),
        ("agreements", "/agreements/"),
        ("sources", "/sources/"),
        ("feed", "/feeds/events/"),
        ("calendar", "/events.ics"),
        ("sitemap", "/sitemap.xml"),
        ("search", "/search/?q=energy"),
        ("places", "/places/"),
        ("topics", "/topics/"),
        ("figures", "/figures/"),
    ]
    states = list(Organization.objects.published().states().order_by("pk"))
    if len(states) >= 2:
        pages.append(("relation", f"/relations/{states[0].slug}/{states[1].slug}/"))
    if states:
        # The issue names a state's page (its partners, latest events, figures): Kazakhstan's
        # where there is one, as it has the most to show.
        state = next((s for s in states if s.iso_code == "KAZ"), states[0])
        pages.append(("state page", state.get_absolute_url()))
    for name in ("events", "people", "organizations", "places", "agreements", "sources", "topics"):
        obj = examples[name]
        if obj is not None:
            pages.append((f"{name} detail", obj.get_absolute_url()))
    if examples["indicators"] is not None:
        pages.append(("figures detail", examples["indicators"].get_absolute_url()))
    for name in API_RECORDS:
        pages.append((f"api {name} list", f"/api/v1/{name}/"))
        obj = examples[name]
        if obj is not None:
            pages.append((f"api {name} detail", f"/api/v1/{name}/{obj.slug}/"))
    pages += [
        ("api events csv", "/api/v1/events/?format=csv"),
        ("api events geojson", "/api/v1/events/?format=geojson"),
        ("api popolo", "/api/v1/popolo/"),
        ("api changes", "/api/v1/changes/"),
        ("api resolve", "/api/v1/resolve/?name=Tokayev"),
    ]
    return [(n, u) for n, u in pages if _resolves(u)]


def run_pages(repeat: int) -> dict[str, Timing]:
    client = Client()
    return {name: measure(client, url, repeat) for name, url in targets()}


def search_p95(repeat: int) -> dict[str, float]:
    from events.search import search

    out = {}
    for label, word in (("common word", "energy"), ("rare word", "zzqx"), ("name", "Kazakhstan")):
        times = []
        for _ in range(repeat):
            cache.clear()  # the ranking's own cost, not the cached ranking readers mostly get
            started = time.perf_counter()
            search(word)
            times.append((time.perf_counter() - started) * 1000)
        out[label] = p95(times)
    return out


def import_throughput(articles: int, people: int) -> float:
    """Articles per second through the whole ingestion service with ``people`` known people."""
    import random

    from events.linking.index import get_index, invalidate
    from events.models import Person
    from sources.ingestion.service import BATCH_SIZE, import_files

    have = Person.objects.count()
    if have < people:
        generate(Sizes(sources=0, events=0, people=people - have, agreements=0), seed=99)
    invalidate()
    get_index()  # built once, as in a long-running import
    names = list(Person.objects.values_list("name", flat=True)[:500])
    rng = random.Random(5)
    texts = []
    for i in range(articles):
        a, b = rng.sample(names, 2)
        # Prose from a few hundred words, as reports are: unrelated articles share a phrase
        # now and then, not most of their five-word runs (which only copies do).
        sentences = [
            " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(8, 20))).capitalize()
            for _ in range(10)
        ]
        texts.append(
            (
                f"Talks number {i} held in the capital\n\n{a} met {b} for talks on trade "
                f"and energy, article {i}. " + ". ".join(sentences) + f". Unique {i}."
            ).encode()
        )
    started = time.perf_counter()
    files = [(f"bench-{i}.txt", data) for i, data in enumerate(texts)]
    for first in range(0, len(files), BATCH_SIZE):  # as import_sources reads them
        import_files(files[first : first + BATCH_SIZE])
    return round(articles / (time.perf_counter() - started), 1)


def peak_memory_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@contextmanager
def measuring() -> Iterator[None]:
    """The site as the benchmark reads it: production-like, with no debug bookkeeping, and
    the floor view routed. Throttling would answer our own repeated requests with 429; DRF
    binds throttle classes at import, so the check itself is switched off."""
    with (
        override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], DEBUG=False),
        mock.patch(
            "rest_framework.throttling.SimpleRateThrottle.allow_request",
            lambda self, request, view: True,
        ),
    ):
        yield


def compare_sizes(report: Report) -> None:
    """p95 large/small and the query counts at both sizes, cold and warm, for every address
    measured at both."""
    for name, large in report.large.items():
        small = report.small.get(name)
        if small is None:
            continue
        report.ratios[name] = {}
        report.query_growth[name] = {}
        for mode in MODES:
            at_small, at_large = getattr(small, mode), getattr(large, mode)
            if at_small.p95_ms:
                report.ratios[name][mode] = round(at_large.p95_ms / at_small.p95_ms, 2)
            report.query_growth[name][mode] = (at_small.queries, at_large.queries)


def run(
    *,
    small: Sizes,
    large: Sizes,
    repeat: int,
    here: bool,
    import_articles: int,
    known_people: int,
    progress: Callable[[str], None],
) -> Report:
    report = Report()
    with measuring():
        if here:
            progress("measuring the current database")
            report.large = run_pages(repeat)
        else:
            progress(f"building the small dataset ({small.sources:,} sources)")
            generate(small, seed=1)
            add_known_person()  # for the resolver's figure: a name that finds someone
            report.sizes["small"] = asdict(small)
            progress("measuring the small dataset")
            report.small = run_pages(repeat)
            extra = Sizes(
                large.sources - small.sources,
                large.events - small.events,
                large.people - small.people,
                large.agreements - small.agreements,
            )
            progress(f"growing to the large dataset ({large.sources:,} sources)")
            generate(extra, seed=2)
            report.sizes["large"] = asdict(large)
            progress("measuring the large dataset")
            report.large = run_pages(repeat)
            compare_sizes(report)
        # The floor has no cache of its own; read cold it pays what the API list's cold
        # read pays besides (the content version moved, the count not yet cached).
        floor = measure(Client(), "/__floor__/events/", repeat)
        api = report.large.get("api events list")
        if api is not None:
            for mode in MODES:
                floor_p95 = getattr(floor, mode).p95_ms
                if floor_p95:
                    report.api_vs_floor[mode] = round(getattr(api, mode).p95_ms / floor_p95, 2)
        progress("search")
        report.search_p95_ms = search_p95(repeat * 3)
        if import_articles:
            progress(f"import of {import_articles} articles with {known_people:,} known people")
            report.import_per_second = import_throughput(import_articles, known_people)
    report.peak_memory_mb = peak_memory_mb()
    return report


def run_benchmark(
    *,
    small_sources: int,
    large_sources: int,
    quick: bool,
    here: bool,
    repeat: int,
    import_articles: int,
    known_people: int,
    progress: Callable[[str], None],
) -> Report:
    """What ``manage.py benchmark`` measures: two datasets built in a throwaway database (or,
    ``here``, the current one); ``quick`` for a smoke run of 200 and 2,000 sources."""
    if quick:
        small_sources, large_sources = 200, 2000
        import_articles = min(import_articles, 50)
        known_people = min(known_people, 500)
        repeat = min(repeat, 5)
    # The small set is sized so that the first page of every list is full (200 events,
    # 100 people, 100 agreements for 1,000 sources): a ratio then shows what a larger
    # archive costs, not how much fuller a page has become.
    s, g = small_sources, large_sources
    small = Sizes(s, max(10, s // 5), max(5, s // 10), max(2, s // 10))
    large = Sizes(g, max(10, g // 10), max(5, g // 20), max(2, g // 50))
    creation = None
    if not here:
        creation = connection.creation
        old_name = connection.settings_dict["NAME"]
        creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        return run(
            small=small,
            large=large,
            repeat=repeat,
            here=here,
            import_articles=import_articles,
            known_people=known_people,
            progress=progress,
        )
    finally:
        if creation is not None:
            creation.destroy_test_db(old_name, verbosity=0)


def table(report: Report) -> str:
    """Cold and warm side by side: queries (small→large), p95 at the large size, and p95
    large/small."""
    lines = [
        f"{'page or endpoint':<28} {'queries cold':>12} {'queries warm':>12} "
        f"{'cold p95':>9} {'warm p95':>9} {'cold l/s':>9} {'warm l/s':>9}"
    ]
    for name, m in report.large.items():
        small = report.small.get(name)
        queries = {
            mode: (
                f"{getattr(small, mode).queries}→{getattr(m, mode).queries}"
                if small
                else str(getattr(m, mode).queries)
            )
            for mode in MODES
        }
        ratio = {mode: report.ratios.get(name, {}).get(mode) for mode in MODES}
        shown = {mode: f"{r:.2f}×" if r else "—" for mode, r in ratio.items()}
        flag = "" if m.status == 200 else f"  (HTTP {m.status})"
        lines.append(
            f"{name:<28} {queries['cold']:>12} {queries['warm']:>12} "
            f"{m.cold.p95_ms:>9.1f} {m.warm.p95_ms:>9.1f} "
            f"{shown['cold']:>9} {shown['warm']:>9}{flag}"
        )
    lines.append("p95 in ms at the large size; cold: caches emptied before each request.")
    lines.append("")
    for mode in MODES:
        if mode in report.api_vs_floor:
            lines.append(
                f"API events list vs hand-written floor view (p95, {mode}): "
                f"{report.api_vs_floor[mode]}×"
            )
    for label, ms in report.search_p95_ms.items():
        lines.append(f"search p95, {label}: {ms} ms")
    if report.import_per_second is not None:
        lines.append(f"import throughput: {report.import_per_second} articles/s")
    lines.append(f"peak memory: {report.peak_memory_mb} MB")
    return "\n".join(lines)
