"""Main text and metadata from an article's HTML page, with trafilatura."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import trafilatura


@dataclass
class HtmlArticle:
    text: str
    title: str = ""
    url: str = ""
    published_on: datetime.date | None = None
    site_name: str = ""
    description: str = ""
    image_url: str = ""
    author: str = ""
    language: str = ""


def extract_html(html: str) -> HtmlArticle:
    """The readable article of a page (no navigation, scripts or comments) and its metadata:
    title, canonical URL, published date, og: site name, description and image."""
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Not trafilatura's deduplication: it remembers text across every page the process
        # reads, so a long-running worker would drop an article's paragraphs as "seen" once
        # the same page (or a syndicated copy) had been read a few times. Site debris is
        # removed by our cleaning; copies are found by de-duplication (dedup.py).
        deduplicate=False,
    )
    if doc is None:
        return HtmlArticle(text="")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    published = None
    if data.get("date"):
        try:
            published = datetime.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    return HtmlArticle(
        text=data.get("text") or "",
        title=data.get("title") or "",
        url=data.get("url") or "",
        published_on=published,
        site_name=data.get("sitename") or "",
        description=data.get("description") or "",
        image_url=data.get("image") or "",
        author=data.get("author") or "",
        language=data.get("language") or "",
    )
