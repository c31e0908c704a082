"""The benchmark command runs end to end and reports every figure (it asserts no times)."""

import json

import pytest
from django.core.management import call_command

from tests import factories as f

pytestmark = pytest.mark.django_db


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
    data = json.loads(out.read_text())
    assert data["large"]["event list"]["status"] == 200
    assert "api events list" in data["large"]
    # more requests than the anonymous API rate allows, yet none throttled
    assert {name: t["status"] for name, t in data["large"].items() if t["status"] != 200} == {}
    assert data["large"]["events detail"]["queries"] > 0
    assert set(data["search_p95_ms"]) == {"common word", "rare word", "name"}
    assert data["import_per_second"] > 0
    assert data["peak_memory_mb"] > 0
