"""Hypothesis against the admin's forms and the import: whatever is typed or uploaded, the
answer is a page or a report that says what was wrong — never a 500, never half a record.

Bounded and deterministic: derandomized, a fixed number of examples, no deadline, no example
database (the API is fuzzed by tests/api/test_schemathesis.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from sources.ingestion.service import import_files
from sources.models import Source
from tests import factories as f
from tests.fuzzing import bounded

pytestmark = pytest.mark.django_db

SETTINGS = bounded(12)

# What an editor (or an attacker) might type into any field.
TYPED = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
    st.sampled_from(
        [
            "",
            " ",
            "9999-12-31",
            "0000-00-00",
            "1799-12-31",
            "2024-02-30",
            "-1",
            "99999999999999999999999",
            "1e309",
            "NaN",
            '=HYPERLINK("http://x")',
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "Токаев",
            "\u202e\u200b",
            "on",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.I)
HIDDEN_VALUE = re.compile(
    r'<input\b[^>]*\bname="([^"]*-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*\bvalue="(\d*)"'
)


def add_urls() -> list[str]:
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label not in ("events", "sources", "cmsproject"):
            continue
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    return sorted(urls)


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("url", add_urls())
def test_no_add_form_answers_500_whatever_is_typed(superuser_client, url):
    page = superuser_client.get(url)
    if page.status_code != 200:  # a record added elsewhere (e.g. from its source's page)
        assert page.status_code < 500
        return
    html = page.content.decode()
    management = dict(HIDDEN_VALUE.findall(html))
    names = sorted({unescape(n) for n in FIELD.findall(html)} - set(management))
    names = [n for n in names if n not in ("csrfmiddlewaretoken",) and "__prefix__" not in n]

    @SETTINGS
    @given(st.fixed_dictionaries({name: TYPED for name in names}))
    def post(values):
        response = superuser_client.post(url, {**management, **values, "_save": "Save"})
        assert response.status_code < 500, (url, values)

    post()


NAMES = st.sampled_from(["a.txt", "b.html", "c.htm", "noext", "d.TXT", "e.html"])
ARTICLE = st.builds(
    lambda title, paragraphs: (title + "\n\n" + "\n\n".join(paragraphs)).encode(),
    st.text(max_size=120),
    st.lists(st.text(min_size=0, max_size=400), max_size=6),
)
HTML = st.builds(
    lambda head, body: (
        f"<html><head><title>{head}</title></head><body>{body}</body></html>".encode()
    ),
    st.text(max_size=80),
    st.text(max_size=800),
)
FILE = st.tuples(NAMES, st.one_of(st.binary(max_size=2000), ARTICLE, HTML))


@SETTINGS
@given(st.lists(FILE, min_size=1, max_size=5))
def test_an_import_of_anything_reports_each_file_and_keeps_no_half(files):
    f.editor(username=f"importer-{len(files)}")  # rights are checked; any editor will do
    before = Source.objects.count()
    reports = import_files(files)
    assert len(reports) == len(files)
    for report in reports:
        assert report.status in ("created", "duplicate", "unchanged", "failed")
        if report.status == "failed":
            assert report.error and report.source is None
        else:
            assert report.source is not None and report.source.pk
    created = sum(r.status in ("created", "duplicate") for r in reports)
    assert Source.objects.count() == before + created
