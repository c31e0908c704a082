"""The benchmark command runs end to end and reports every figure (it asserts no times), each
address read cold (as the first reader after a publish) and warm."""

import json

import pytest
from django.core.management import call_command
from django.test import Client

from cmsproject.ops import benchmark
from cmsproject.ops.synthetic import Sizes, add_known_person, generate
from tests import factories as f

pytestmark = pytest.mark.django_db

NEW_TARGETS = {
    "state page",
    "figures detail",
    "places detail",
    "relation",
    "api popolo",
    "api changes",
    "api resolve",
    "api figures list",
    "api events csv",
    "api events geojson",
}


def test_benchmark_here_reports_pages_search_import_and_memory(tmp_path, capsys):
    f.EventFactory()
    f.PersonFactory()
    out = tmp_path / "bench.json"
    call_command(
        "benchmark",
        "--here",
        "--repeat",
        "2",
        "--import-articles",
        "5",
        "--known-people",
        "20",
        "--json",
        str(out),
    )
    text = capsys.readouterr().out
    assert "event list" in text and "peak memory" in text
    assert "cold p95" in text and "warm p95" in text
    data = json.loads(out.read_text())
    assert data["large"]["event list"]["status"] == 200
    assert "api events list" in data["large"]
    # more requests than the anonymous API rate allows, yet none throttled
    assert {name: t["status"] for name, t in data["large"].items() if t["status"] != 200} == {}
    assert data["large"]["events detail"]["warm"]["queries"] > 0
    for name, measured in data["large"].items():
        for mode in ("cold", "warm"):
            assert measured[mode]["queries"] > 0, (name, mode)
            assert measured[mode]["p95_ms"] >= measured[mode]["p50_ms"] > 0, (name, mode)
    assert set(data["api_vs_floor"]) == {"cold", "warm"}
    assert set(data["search_p95_ms"]) == {"common word", "rare word", "name"}
    assert data["import_per_second"] > 0
    assert data["peak_memory_mb"] > 0


def test_cold_read_misses_the_caches_a_warm_read_finds():
    """The home page's counts and charts are cached per content version, and the resolver's
    name index per process: read cold, both are computed again (more queries)."""
    kazakhstan = f.StateFactory(name="Kazakhstan", slug="kazakhstan", iso_code="KAZ")
    f.EventFactory(host=kazakhstan)
    add_known_person()
    with benchmark.measuring():
        home = benchmark.measure(Client(), "/", repeat=2)
        resolve = benchmark.measure(Client(), "/api/v1/resolve/?name=Tokayev", repeat=2)
        answer = Client().get("/api/v1/resolve/?name=Tokayev").json()
    assert home.status == resolve.status == 200
    assert home.cold.queries > home.warm.queries
    assert resolve.cold.queries > resolve.warm.queries
    assert "kassym-jomart-tokayev" in json.dumps(answer)  # the lookup finds someone


def test_targets_include_the_pages_and_endpoints_this_wave_added():
    generate(Sizes(sources=30, events=10, people=5, agreements=2), seed=3)
    add_known_person()
    with benchmark.measuring():
        found = dict(benchmark.targets())
        assert set(found) >= NEW_TARGETS
        assert found["state page"] == "/organizations/kazakhstan/"
        assert found["api resolve"] == "/api/v1/resolve/?name=Tokayev"
        client = Client()
        statuses = {name: client.get(found[name]).status_code for name in sorted(NEW_TARGETS)}
    assert statuses == dict.fromkeys(sorted(NEW_TARGETS), 200)


def test_ratios_and_table_show_cold_and_warm_side_by_side():
    def measured(cold_p95: float, warm_p95: float, cold_queries: int) -> benchmark.Measurement:
        return benchmark.Measurement(
            "/",
            200,
            cold=benchmark.Timing(cold_queries, cold_p95, cold_p95),
            warm=benchmark.Timing(3, warm_p95, warm_p95),
        )

    report = benchmark.Report(
        small={"home": measured(10.0, 2.0, 9)}, large={"home": measured(31.0, 2.2, 11)}
    )
    benchmark.compare_sizes(report)
    assert report.ratios["home"] == {"cold": 3.1, "warm": 1.1}
    assert report.query_growth["home"] == {"cold": (9, 11), "warm": (3, 3)}
    row = next(line for line in benchmark.table(report).splitlines() if line.startswith("home"))
    assert row.split() == ["home", "9→11", "3→3", "31.0", "2.2", "3.10×", "1.10×"]
