"""Outlets' RSS and Atom feeds: read every few minutes by a worker, their new items imported as
drafts of the feed's outlet through the import, with its report; each item once, whatever
happens to the worker; errors said in the admin and the feed read less often until it works.

The feeds and the articles are served by a real HTTP server on the loopback address."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler

import pytest
import time_machine
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from cmsproject.editorial import jobs
from cmsproject.editorial.jobs import Job
from cmsproject.ops.worker import run_due_tasks
from sources import tasks
from sources.ingestion import feeds
from sources.models import Feed, FeedItem, ImportFile, Outlet, Source
from tests import factories as f
from tests.loopback import origin, serving
from tests.sources.killing import die_after_second_chunk

pytestmark = pytest.mark.django_db

WORDS = [
    *("ministers", "trade", "transport", "energy", "railway", "corridor", "pipeline", "customs"),
    *("border", "investment", "agreement", "summit", "delegation", "cooperation", "logistics"),
    *("industry", "agriculture", "water", "tourism", "security", "culture", "education"),
    *("science", "digital", "finance", "bank", "loan", "route", "freight", "port", "visit"),
]


def paragraphs(n: int) -> list[str]:
    """Three paragraphs of an article of its own (no two are near copies of each other).
    Each test has its own articles: the HTML reader (trafilatura) drops text it has seen
    a few times in the same process."""
    rng = random.Random(n * 7919 + 17)
    return [" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(3)]


def title_of(n: int) -> str:
    return f"Dispatch number {n} on the talks of the day"


# ---- the outlet's web site -----------------------------------------------------------------


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str = ""
    last_modified: str = ""


@dataclass
class Site:
    """What the server answers, path by path, and the requests it received."""

    root: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.root + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def article(self, n: int, path: str | None = None) -> str:
        """Serve article ``n``'s page (under a site name that is not the outlet's), as a CMS
        writes it: a comment first, a long head."""
        path = path or f"/news/{n}"
        body = "".join(f"<p>{p}</p>" for p in paragraphs(n))
        styles = "".join(f".block-{i} {{ margin: {i}px; }}\n" for i in range(60))
        html = (
            "<!-- page cached by the outlet's CMS -->\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>{title_of(n)}'
            f"</title><style>{styles}</style>"
            '<meta property="og:site_name" content="Somebody Else\'s Site">'
            '<meta property="article:published_time" content="2024-03-05">'
            f"</head><body><nav>Home | World | Sport</nav><article><h1>{title_of(n)}</h1>"
            f"{body}</article><footer>Comments (0)</footer></body></html>"
        )
        self.pages[path] = Page(html.encode())
        return self.url(path)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        site: Site = self.server.site
        site.requests.append((self.path, dict(self.headers.items())))
        page = site.pages.get(self.path)
        if page is None:
            self.send_error(404)
            return
        fresh = (page.etag and self.headers.get("If-None-Match") == page.etag) or (
            page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified
        )
        if fresh:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        if page.etag:
            self.send_header("ETag", page.etag)
        if page.last_modified:
            self.send_header("Last-Modified", page.last_modified)
        self.end_headers()
        self.wfile.write(page.body)

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def site(settings, monkeypatch):
    settings.CARAVAN_FEEDS_PRIVATE_HOSTS = True  # the test server is on the loopback
    monkeypatch.setattr(feeds, "TIMEOUT", 5)
    with serving(Handler) as server:
        server.site = Site(root=origin(server))
        yield server.site


def rss(site: Site, items: list[dict], *, path: str = "/rss.xml", **page) -> Feed | None:
    """Serve an RSS 2.0 feed of ``items`` (title, link, guid, summary)."""
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f'<guid isPermaLink="false">{escape(i["guid"])}</guid>'
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{escape(i.get('summary', 'The ministers met.'))}</description></item>"
        for i in items
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Astana Wire — Politics</title><link>https://astana-wire.example/</link>"
        f"<description>News</description><language>en</language>{entries}</channel></rss>"
    )
    site.pages[path] = Page(xml.encode(), content_type="application/rss+xml", **page)


def rss_items(site: Site, numbers) -> list[dict]:
    """Items with a summary only: the articles are on their pages (served too)."""
    return [
        {"title": title_of(n), "link": site.article(n), "guid": f"astana-wire-{n}"} for n in numbers
    ]


def atom(site: Site, numbers, *, path: str = "/atom.xml") -> None:
    """Serve an Atom feed carrying each article whole (its pages are not served)."""
    entries = "".join(
        f"<entry><title>{title_of(n)}</title><id>urn:uuid:item-{n}</id>"
        f'<link href="{site.url(f"/story/{n}")}"/><updated>2024-04-0{n % 9 + 1}T08:00:00Z'
        '</updated><summary>The ministers met.</summary><content type="html">'
        f"{escape(''.join(f'<p>{p}</p>' for p in paragraphs(n)))}</content></entry>"
        for n in numbers
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Dushanbe Herald</title><id>urn:uuid:herald</id>"
        f"<updated>2024-04-09T08:00:00Z</updated>{entries}</feed>"
    )
    site.pages[path] = Page(xml.encode(), content_type="application/atom+xml")


def make_feed(site: Site, path: str = "/rss.xml", **kwargs) -> Feed:
    outlet = kwargs.pop("outlet", None) or f.OutletFactory(name="Astana Wire")
    return Feed.objects.create(outlet=outlet, url=site.url(path), **kwargs)


def read(feed: Feed) -> Job:
    """Queue a reading of ``feed`` as the clock would, run it; its job."""
    feed.refresh_from_db()
    job = tasks.submit_poll(feed)
    assert job is not None
    run_due_tasks()
    job.refresh_from_db()
    feed.refresh_from_db()
    return job


def job_page(client, job: Job) -> str:
    response = client.get(reverse("admin:sources_source_import_job", args=[job.pk]))
    assert response.status_code == 200
    return response.content.decode()


def later(**delta) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**delta)


# ---- reading feeds -------------------------------------------------------------------------


def test_rss_items_with_summaries_are_imported_from_their_pages_as_drafts_of_the_outlet(
    client, editor, site
):
    rss(site, rss_items(site, [1, 2]))
    feed = make_feed(site)
    job = read(feed)

    assert job.state == "done"
    assert job.title == "Feed of Astana Wire: 2 new items"
    assert sorted(site.paths()) == ["/news/1", "/news/2", "/rss.xml"]
    assert {h["User-Agent"] for _, h in site.requests} == {"Caravan feed reader"}
    sources = Source.objects.order_by("title")
    assert [s.title for s in sources] == [title_of(1), title_of(2)]
    for n, source in enumerate(sources, start=1):
        assert source.status == "draft" and source.created_by is None
        assert source.outlet == feed.outlet  # not the site name the page gives
        assert source.url == site.url(f"/news/{n}")  # the page names no canonical address
        assert source.published_on == datetime.date(2024, 3, 5)
        assert FeedItem.objects.get(feed=feed, guid=f"astana-wire-{n}").source == source
    assert (feed.failures, feed.last_error, feed.title) == (0, "", "Astana Wire — Politics")
    assert feed.last_success_at is not None and feed.last_job == job
    wait = feed.next_poll_at - feed.last_success_at
    assert wait == datetime.timedelta(minutes=30)

    client.force_login(editor)
    page = job_page(client, job)
    assert "Feed of Astana Wire: 2 new items" in page
    assert "Report: 2 created, 0 duplicate, 0 unchanged, 0 failed" in page
    for source in sources:
        assert reverse("admin:sources_source_change", args=[source.pk]) in page
    assert f'href="{site.url("/news/1")}"' in page  # each line names its item's address


def test_atom_entries_with_their_full_text_are_imported_without_fetching_pages(
    client, editor, site
):
    atom(site, [3, 4, 5])
    feed = make_feed(site, "/atom.xml")
    job = read(feed)

    assert site.paths() == ["/atom.xml"]  # no page downloaded
    assert job.state == "done" and job.result["created"] == 3
    source = Source.objects.get(title=title_of(4))
    assert source.url == site.url("/story/4")
    assert source.published_on == datetime.date(2024, 4, 5)
    assert source.outlet == feed.outlet and source.status == "draft"
    assert paragraphs(4)[0][:60] in source.body
    client.force_login(editor)
    assert "Report: 3 created" in job_page(client, job)


def test_a_second_reading_asks_only_for_changes_and_imports_nothing_again(client, editor, site):
    stamp = "Tue, 05 Mar 2024 10:00:00 GMT"
    rss(site, rss_items(site, [11, 12]), etag='"v1"', last_modified=stamp)
    feed = make_feed(site)
    read(feed)
    assert (feed.etag, feed.last_modified) == ('"v1"', stamp)
    site.requests.clear()

    with time_machine.travel(later(minutes=31)):
        assert [j.payload["feed"] for j in tasks.submit_polls()] == [feed.pk]
        run_due_tasks()
    _, headers = site.requests[0]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == stamp
    assert site.paths() == ["/rss.xml"]  # answered 304: no page fetched either
    assert Source.objects.count() == 2
    feed.refresh_from_db()
    job = feed.last_job
    assert job.state == "done" and job.title == "Feed of Astana Wire: 0 new items"
    client.force_login(editor)
    assert "Nothing new in the feed." in job_page(client, job)


def test_a_new_item_is_imported_alone_while_those_seen_are_not(client, editor, site):
    rss(site, rss_items(site, [21, 22]), etag='"v1"')
    feed = make_feed(site)
    read(feed)
    rss(site, rss_items(site, [21, 22, 23]), etag='"v2"')  # the feed changed: one item more
    site.requests.clear()

    job = read(feed)
    assert sorted(site.paths()) == ["/news/23", "/rss.xml"]
    assert job.title == "Feed of Astana Wire: 1 new item"
    assert Source.objects.count() == 3
    assert FeedItem.objects.filter(feed=feed).count() == 3
    assert feed.etag == '"v2"'
    client.force_login(editor)
    page = job_page(client, job)
    assert "Report: 1 created, 0 duplicate, 0 unchanged, 0 failed" in page
    assert title_of(23) in page and title_of(21) not in page


def test_a_failing_feed_says_why_in_the_admin_is_read_less_often_and_recovers(client, editor, site):
    rss(site, rss_items(site, [31]), status=503)
    feed = make_feed(site)
    job = read(feed)

    assert job.state == "failed" and job.attempts == 1  # the feed's back-off is the retry
    error = f"HTTP 503 from {site.url('/rss.xml')}"
    assert (feed.failures, feed.last_error, job.error) == (1, error, error)
    assert feed.next_poll_at - feed.last_polled_at == datetime.timedelta(minutes=60)
    assert not Source.objects.exists() and not FeedItem.objects.exists()
    client.force_login(editor)
    changelist = client.get(reverse("admin:sources_feed_changelist")).content.decode()
    assert error in changelist
    assert reverse("admin:sources_source_import_job", args=[job.pk]) in changelist
    assert f"The reading failed: {error}" in job_page(client, job)

    with time_machine.travel(later(minutes=45)):
        assert tasks.submit_polls() == []  # not due yet: 60 minutes after one failure
    with time_machine.travel(later(minutes=61)):
        assert len(tasks.submit_polls()) == 1
        run_due_tasks()
        feed.refresh_from_db()
        assert feed.failures == 2
        assert feed.next_poll_at - feed.last_polled_at == datetime.timedelta(minutes=120)
    site.pages["/rss.xml"].status = 200  # the outlet's server is back
    with time_machine.travel(later(minutes=182)):
        assert len(tasks.submit_polls()) == 1
        run_due_tasks()
        feed.refresh_from_db()
        assert (feed.failures, feed.last_error) == (0, "")
        assert feed.next_poll_at - feed.last_success_at == datetime.timedelta(minutes=30)
    assert Source.objects.get().title == title_of(31)
    assert error not in client.get(reverse("admin:sources_feed_changelist")).content.decode()


def test_a_document_that_is_not_a_feed_is_reported_as_such(site):
    site.pages["/rss.xml"] = Page(
        b"<html><body>Maintenance \x00\xff</body>", content_type="text/html"
    )
    feed = make_feed(site)
    job = read(feed)
    assert job.state == "failed"
    assert feed.failures == 1
    assert feed.last_error.startswith(f"Not a feed: {site.url('/rss.xml')}")


def test_an_item_whose_page_is_missing_is_a_failed_line_and_the_others_are_imported(
    client, editor, site
):
    items = rss_items(site, [41, 42, 43])
    del site.pages["/news/42"]
    rss(site, items)
    feed = make_feed(site)
    job = read(feed)

    assert job.state == "done" and feed.failures == 0
    assert sorted(Source.objects.values_list("title", flat=True)) == [title_of(41), title_of(43)]
    failed = ImportFile.objects.get(job=job, status="failed")
    assert failed.name == site.url("/news/42")
    assert failed.error == f"The article could not be downloaded: HTTP 404 from {failed.name}"
    client.force_login(editor)
    page = job_page(client, job)
    assert "Report: 2 created, 0 duplicate, 0 unchanged, 1 failed" in page
    assert failed.error in page


def test_a_reading_killed_half_way_imports_each_item_once(client, editor, site, monkeypatch):
    rss(site, rss_items(site, [51, 52, 53, 54, 55]))
    feed = make_feed(site)
    die_after_second_chunk(monkeypatch, chunk=2)
    job = tasks.submit_poll(feed)
    run_due_tasks()
    job.refresh_from_db()
    assert job.state == "running" and job.done == 2  # the first chunk only
    assert Source.objects.count() == 2
    assert FeedItem.objects.filter(feed=feed).count() == 5  # all seen, with the job's files
    downloads = len(site.requests)

    with time_machine.travel(later(seconds=jobs.stale_after().total_seconds() + 1)):
        assert jobs.sweep() == 1
        run_due_tasks()
    job.refresh_from_db()
    assert (job.state, job.done, job.attempts) == ("done", 5, 2)
    assert len(site.requests) == downloads  # the second run read nothing again
    assert sorted(Source.objects.values_list("title", flat=True)) == [
        title_of(n) for n in range(51, 56)
    ]
    assert not FeedItem.objects.filter(feed=feed, source__isnull=True).exists()
    client.force_login(editor)
    assert "Report: 5 created, 0 duplicate, 0 unchanged, 0 failed" in job_page(client, job)

    monkeypatch.setattr(tasks, "_record", tasks._record.__wrapped__)  # a worker that lives
    read(feed)  # and the next reading finds them seen
    assert Source.objects.count() == 5


def test_the_clock_reads_the_feeds_that_are_due_and_only_those(site):
    rss(site, [], path="/a.xml")
    outlet = f.OutletFactory()
    new = make_feed(site, "/a.xml", outlet=outlet)
    due = make_feed(site, "/b.xml", outlet=outlet, next_poll_at=later(minutes=-1))
    make_feed(site, "/c.xml", outlet=outlet, next_poll_at=later(minutes=45))  # not yet
    make_feed(site, "/d.xml", outlet=outlet, is_active=False)  # paused
    for path in ("/b.xml", "/c.xml", "/d.xml"):
        site.pages[path] = site.pages["/a.xml"]

    minute = timezone.now().replace(second=5, microsecond=0) + datetime.timedelta(minutes=1)
    with time_machine.travel(minute, tick=False):
        clock = [j.task_path for j in jobs.tick()]
        assert tasks.poll_feeds.module_path in clock
        run_due_tasks()
        assert sorted(site.paths()) == ["/a.xml", "/b.xml"]
        readings = Job.objects.filter(task_path=tasks.poll_feed.module_path)
        assert sorted(j.payload["feed"] for j in readings) == sorted([new.pk, due.pk])
        assert {j.state for j in readings} == {"done"}
        assert tasks.submit_polls() == []  # read: due again in half an hour
    with time_machine.travel(minute + datetime.timedelta(minutes=31), tick=False):
        assert len(tasks.submit_polls()) == 2


def test_a_feed_is_queued_once_by_two_clocks_and_not_again_while_queued(site):
    rss(site, [])
    feed = make_feed(site)
    assert tasks.submit_poll(feed) is not None
    assert tasks.submit_poll(feed) is None  # the other clock, with the feed as it read it
    with time_machine.travel(later(hours=2)):  # due again, but its reading still waits
        assert tasks.submit_polls() == []
    assert Job.objects.filter(task_path=tasks.poll_feed.module_path).count() == 1


def test_poll_now_in_the_admin_reads_the_feed_at_once(client, editor, site):
    rss(site, rss_items(site, [61]))
    feed = make_feed(site, next_poll_at=later(hours=3))
    client.force_login(editor)
    url = reverse("admin:sources_feed_changelist")
    response = client.post(
        url, {"action": "poll_now", ACTION_CHECKBOX_NAME: [feed.pk]}, follow=True
    )
    assert "1 feed will be read in a moment." in response.content.decode()
    run_due_tasks()
    feed.refresh_from_db()
    assert feed.last_job.state == "done" and Source.objects.count() == 1


def test_the_outlet_page_lists_its_feeds_and_how_they_go(client, editor, site):
    rss(site, [], status=500)
    feed = make_feed(site)
    read(feed)
    client.force_login(editor)
    page = client.get(reverse("admin:sources_outlet_change", args=[feed.outlet.pk]))
    html = page.content.decode()
    assert feed.url in html
    assert "failing (1 in a row)" in html
    assert f"HTTP 500 from {feed.url}" in html


def test_an_editor_adds_a_feed_on_the_outlet_page(client, editor, superuser):
    from tests.security.test_permission_matrix import admin_form_data

    outlet = f.OutletFactory(name="Astana Wire")
    model_admin = admin.site._registry[Outlet]
    data = admin_form_data(model_admin, superuser, outlet)
    data.update(
        {
            "feeds-TOTAL_FORMS": "1",
            "feeds-0-url": "https://astana-wire.example/rss.xml",
            "feeds-0-is_active": "on",
            "feeds-0-poll_every_minutes": "15",
        }
    )
    client.force_login(editor)
    url = reverse("admin:sources_outlet_change", args=[outlet.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    feed = outlet.feeds.get()
    assert (feed.url, feed.poll_every_minutes, feed.next_poll_at) == (
        "https://astana-wire.example/rss.xml",
        15,
        None,  # read at the next minute
    )


@pytest.mark.parametrize("status, editable", [("draft", True), ("published", False)])
def test_a_contributor_changes_feeds_on_the_outlet_page_of_a_draft_only(
    client, contributor, status, editable
):
    """A Contributor's changes to a published outlet are a proposal, which has no feeds: on
    that page its feeds are shown, and changed on their own page."""
    outlet = f.OutletFactory(status=status)
    Feed.objects.create(outlet=outlet, url="https://astana-wire.example/rss.xml")
    client.force_login(contributor)
    page = client.get(reverse("admin:sources_outlet_change", args=[outlet.pk]))
    [feeds] = page.context["inline_admin_formsets"]
    assert feeds.has_add_permission is editable and feeds.has_change_permission is editable
    feed_page = client.get(reverse("admin:sources_feed_change", args=[outlet.feeds.get().pk]))
    assert feed_page.context["has_change_permission"] is True


def test_feeds_and_their_items_are_read_from_public_addresses_only(site, settings):
    settings.CARAVAN_FEEDS_PRIVATE_HOSTS = False
    rss(site, [])
    feed = make_feed(site)
    job = read(feed)
    assert job.state == "failed"
    assert "127.0.0.1 is a private or local address" in feed.last_error
    assert site.requests == []  # nothing was asked of it


def test_a_feed_address_must_be_on_the_web():
    feed = Feed(outlet=f.OutletFactory(), url="ftp://files.example.org/feed.xml")
    with pytest.raises(Exception, match="Enter a valid URL"):
        feed.full_clean()
