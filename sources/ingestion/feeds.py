"""Reading outlets' feeds and their items' pages from the web (the jobs that do it on a
schedule are in sources/tasks.py).

Feeds are read with feedparser; an item that carries its whole article (RSS content:encoded,
Atom content) becomes a small HTML page of its own, otherwise its page is downloaded. Every
download is HTTP(S) only, redirects included, bounded in time and size, and refused for
private and loopback addresses unless ``CARAVAN_FEEDS_PRIVATE_HOSTS`` allows them (a feed's
links must not make the server read its own network).
"""

from __future__ import annotations

import hashlib
import http.client
import io
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html import escape

import feedparser
from django.conf import settings
from django.utils.html import strip_tags

from cmsproject import outbound

from .reading import max_bytes

USER_AGENT = "Caravan feed reader"
TIMEOUT = 15  # seconds, for each download
#: An item whose own text has this many words is imported from the feed, without its page.
FULL_TEXT_WORDS = 80


class FeedProblem(Exception):
    """The feed could not be read (network, HTTP error, not a feed); the message says why."""


@dataclass
class NewItem:
    """An item of the feed not seen before: the file to import, or why there is none."""

    guid: str
    name: str
    data: bytes = b""
    error: str = ""


def new_item(entry, channel) -> NewItem:
    guid, link = guid_of(entry), entry.get("link", "")
    name = link or guid
    if len(name) > 255:
        name = f"(long address) {name[:230]}…"
    text = full_text(entry)
    if text:
        return NewItem(guid, name, data=as_page(entry, text, language=channel.get("language", "")))
    if not link.startswith(("http://", "https://")):
        return NewItem(guid, name, error="The item has neither its full text nor a link to it.")
    try:
        page = fetch(link)
    except FeedProblem as exc:
        return NewItem(guid, name, error=f"The article could not be downloaded: {exc}")
    return NewItem(guid, name, data=as_html(page))


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def as_html(page: Download) -> bytes:
    """The page, read as HTML when its server says it is, whatever comes first in it (a
    comment, an XML prolog): the import knows an HTML file by its name or its first tag."""
    data = page.data
    said_html = "html" in page.content_type.lower() and not data.startswith(_BOMS)
    if said_html and not data.lstrip()[:14].lower().startswith((b"<!doctype html", b"<html")):
        return b"<!doctype html>\n" + data
    return data


# ---- reading feeds and pages ------------------------------------------------------------------


def guid_of(entry) -> str:
    """What identifies an item: its id, else its link, else its title and summary."""
    guid = (entry.get("id") or entry.get("link") or "").strip()
    if not guid:
        text = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
        guid = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    return guid[:1000]


def full_text(entry) -> str:
    """The item's article as HTML when the feed carries it whole (RSS content:encoded, Atom
    content), else "" (a summary only: the article is on its page)."""
    for content in entry.get("content", []):
        value = content.get("value", "")
        if len(strip_tags(value).split()) < FULL_TEXT_WORDS:
            continue
        if content.get("type", "") == "text/plain":
            return "".join(f"<p>{escape(p)}</p>" for p in value.split("\n\n"))
        return value  # feedparser has sanitised it
    return ""


def as_page(entry, body: str, *, language: str = "") -> bytes:
    """The item as a small HTML page, read by the same reader as any article page: its title,
    its address as the canonical one, its date."""
    title = escape(entry.get("title", ""))
    link = entry.get("link", "")
    head = [f"<title>{title}</title>"]
    if link.startswith(("http://", "https://")):
        head.append(f'<link rel="canonical" href="{escape(link)}">')
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    dated = ""
    if when:
        day = time.strftime("%Y-%m-%d", when)
        head.append(f'<meta property="article:published_time" content="{day}">')
        dated = f'<time datetime="{day}">{day}</time>'
    lang = f' lang="{escape(language)}"' if language else ""
    return (
        f'<!doctype html>\n<html{lang}><head><meta charset="utf-8">{"".join(head)}</head>'
        f"<body><article><h1>{title}</h1>{dated}{body}</article></body></html>"
    ).encode()


def parse_feed(data: bytes, *, url: str, content_type: str = "") -> feedparser.FeedParserDict:
    """The feed's channel and entries; raises :class:`FeedProblem` when it is not a feed (an
    empty feed is one; a feed with a flaw feedparser reads past is too)."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # a stream, never the bytes themselves: feedparser takes a string for a path or address
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries and not parsed.version:
        reason = str(parsed.get("bozo_exception", "")) or "neither RSS nor Atom"
        raise FeedProblem(f"Not a feed: {url} ({reason[:200]})")
    return parsed


@dataclass
class Download:
    status: int  # 200, or 304 (not modified)
    data: bytes
    url: str  # after redirects
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Download:
    """GET ``url`` (http or https; a public address unless ``CARAVAN_FEEDS_PRIVATE_HOSTS``),
    at most :func:`max_bytes`; asks for what changed since ``etag`` / ``last_modified``."""
    if not url.startswith(("http://", "https://")):
        raise FeedProblem(f"Not a web address: {url}")
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    limit = max_bytes()
    try:
        with _opener().open(urllib.request.Request(url, headers=headers), timeout=TIMEOUT) as got:
            data = got.read(limit + 1)
            if len(data) > limit:
                raise FeedProblem(f"Larger than {limit // (1024 * 1024)} MB: {url}")
            return Download(
                200,
                data,
                got.geturl(),
                etag=got.headers.get("ETag", ""),
                last_modified=got.headers.get("Last-Modified", ""),
                content_type=got.headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Download(304, b"", url, etag=etag, last_modified=last_modified)
        raise FeedProblem(f"HTTP {exc.code} from {url}") from exc
    except urllib.error.URLError as exc:
        raise FeedProblem(f"Could not reach {url}: {exc.reason}") from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FeedProblem(f"Could not read {url}: {exc or type(exc).__name__}") from exc


def _opener() -> urllib.request.OpenerDirector:
    return outbound.opener(allow_private=settings.CARAVAN_FEEDS_PRIVATE_HOSTS)
