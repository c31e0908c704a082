"""Imports in the admin run on a worker: the upload returns at once, the import's page follows
it to the same report as before, any number of files, each imported once even when the worker
dies half-way."""

import datetime
import random

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cmsproject.editorial import jobs
from cmsproject.editorial.jobs import Job
from cmsproject.ops.worker import run_due_tasks
from sources import tasks
from sources.ingestion import service
from sources.models import ImportFile, Source
from tests.sources.killing import die_after_second_chunk

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:sources_source_import")
WORDS = [
    *("ministers", "trade", "transport", "energy", "railway", "corridor", "pipeline", "customs"),
    *("border", "investment", "agreement", "summit", "delegation", "cooperation", "logistics"),
    *("industry", "agriculture", "water", "tourism", "security", "culture", "education"),
    *("science", "digital", "finance", "bank", "loan", "route", "freight", "port", "visit"),
]


def article_file(n: int, *, seed: int = 0) -> SimpleUploadedFile:
    """A distinct article (no two files are near copies of each other)."""
    rng = random.Random(n * 7919 + seed)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(3)]
    text = f"Dispatch number {n} on the talks of the day\n\n" + "\n\n".join(paragraphs)
    return SimpleUploadedFile(f"article-{n:04d}.txt", text.encode(), content_type="text/plain")


def upload(client, files) -> str:
    response = client.post(IMPORT, {"files": files})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def test_the_upload_returns_at_once_and_the_page_follows_the_import(client, contributor):
    client.force_login(contributor)
    page_url = upload(client, [article_file(1), article_file(2), SimpleUploadedFile("x.txt", b"")])
    assert not Source.objects.exists()  # nothing imported in the request

    waiting = client.get(page_url)
    assert waiting.status_code == 200
    assert waiting["Refresh"] == "2"  # the browser comes back for the progress
    assert "Waiting for a worker" in waiting.content.decode()

    run_due_tasks()
    done = client.get(page_url)
    page = done.content.decode()
    assert not done.has_header("Refresh")
    assert "Report: 2 created, 0 duplicate, 0 unchanged, 1 failed" in page
    assert "The file is empty." in page
    for source in Source.objects.all():
        assert reverse("admin:sources_source_change", args=[source.pk]) in page
        assert source.created_by == contributor and source.status == "draft"
    # and the import page lists it among the recent imports
    assert page_url in client.get(IMPORT).content.decode()


def test_the_page_shows_progress_while_the_worker_imports(client, contributor, monkeypatch):
    client.force_login(contributor)
    monkeypatch.setattr(tasks, "CHUNK", 2)
    seen = []
    original = service.ImportArticles.execute

    def execute(self, **kwargs):
        seen.append(client.get(page_url).content.decode())
        return original(self, **kwargs)

    monkeypatch.setattr(service.ImportArticles, "execute", execute)
    page_url = upload(client, [article_file(n) for n in range(5)])
    run_due_tasks()
    assert "Importing: 0 of 5 files done." in seen[0]
    assert "Importing: 2 of 5 files done." in seen[1]
    assert "Importing: 4 of 5 files done." in seen[2]
    assert "Report: 5 created" in client.get(page_url).content.decode()


@pytest.mark.slow
def test_a_thousand_files_in_one_upload(client, editor):
    client.force_login(editor)
    page_url = upload(client, [article_file(n) for n in range(1000)])
    run_due_tasks()
    page = client.get(page_url).content.decode()
    assert "Report: 1000 created, 0 duplicate, 0 unchanged, 0 failed" in page
    assert Source.objects.count() == 1000
    assert not ImportFile.objects.exclude(data=b"").exists()  # the files are not kept


@override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=3)
def test_more_files_than_allowed_is_refused_with_the_reason(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT, {"files": [article_file(n) for n in range(4)]})
    assert response.status_code == 400
    assert "more than 3 files" in response.content.decode()
    assert not Job.objects.exists()


def test_a_worker_killed_half_way_leaves_every_file_imported_once(client, editor, monkeypatch):
    client.force_login(editor)
    die_after_second_chunk(monkeypatch, chunk=3)
    page_url = upload(client, [article_file(n) for n in range(8)])
    run_due_tasks()
    job = Job.objects.get()
    assert job.state == "running" and job.done == 3  # the first chunk only
    assert Source.objects.count() == 3

    later = timezone.now() + jobs.stale_after() + datetime.timedelta(seconds=1)
    with time_machine.travel(later):
        assert jobs.sweep() == 1
        run_due_tasks()
    job.refresh_from_db()
    assert (job.state, job.done, job.attempts) == ("done", 8, 2)
    page = client.get(page_url).content.decode()
    assert "Report: 8 created, 0 duplicate, 0 unchanged, 0 failed" in page
    assert Source.objects.count() == 8
    assert sorted(Source.objects.values_list("title", flat=True)) == sorted(
        f"Dispatch number {n} on the talks of the day" for n in range(8)
    )


def test_a_second_runner_of_the_same_files_undoes_its_work(editor):
    job = tasks.submit_import([(f.name, f.read()) for f in [article_file(1)]], user=editor)
    rows = list(ImportFile.objects.filter(job=job))
    first = jobs.claim(job.pk)
    tasks._import(first)  # the first runner, taken for dead, finishes anyway
    with pytest.raises(jobs.Superseded):
        service.ImportArticles([("again.txt", bytes(rows[0].data))], user=editor).execute(
            record=lambda reports: tasks._record(rows, reports)
        )
    assert Source.objects.count() == 1


def test_an_import_by_someone_who_may_no_longer_import_fails_and_says_why(client, contributor):
    client.force_login(contributor)
    page_url = upload(client, [article_file(1)])
    contributor.groups.clear()
    run_due_tasks()
    job = Job.objects.get()
    assert job.state == "failed" and job.attempts == 1
    assert not Source.objects.exists()
    contributor.is_superuser = True  # to read the page
    contributor.save()
    page = client.get(page_url).content.decode()
    assert "The import stopped: You may not import articles" in page


def test_the_same_page_read_many_times_by_one_worker_keeps_its_text(editor):
    """A worker lives long: reading a page for the fifth time must give the same article
    (trafilatura's own de-duplication, which remembers text across pages, is off)."""
    from sources.ingestion.html import extract_html

    page = (
        "<html><head><title>Talks in Astana</title></head><body><article><h1>Talks in "
        "Astana</h1>"
        + "".join(f"<p>{article_file(n).read().decode()}</p>" for n in range(3))
        + "</article></body></html>"
    )
    texts = {extract_html(page).text for _ in range(6)}
    assert len(texts) == 1 and len(texts.pop().split()) > 100
