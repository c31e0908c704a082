"""Template tags of the public site: charts, JSON-LD, native-script language hints."""

from __future__ import annotations

import json

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cmsproject import charts

register = template.Library()

NATIVE_LANGUAGE = {
    "CHN": "zh",
    "KAZ": "kk",
    "KGZ": "ky",
    "TJK": "tg",
    "TKM": "tk",
    "UZB": "uz",
    "RUS": "ru",
}


@register.simple_tag
def events_chart(chart: dict) -> SafeString:
    series = [label for _, label in chart["kinds"]]
    return charts.stacked_bars(
        categories=[str(r["year"]) for r in chart["rows"]],
        series=series,
        values=[r["counts"] for r in chart["rows"]],
        title="Published events per year, by kind",
        description="Stacked bars, one per year; the same numbers are in the table below.",
    ) + charts.legend(series)


@register.simple_tag
def partner_chart(activity: dict, state_name: str) -> SafeString:
    """Events of a state per year, each event counted once: with one partner or with several."""
    series = ["With one partner", "With several partners"]
    return charts.stacked_bars(
        categories=[str(y) for y, _, _ in activity["per_year"]],
        series=series,
        values=[[one, several] for _, one, several in activity["per_year"]],
        title=f"Events of {state_name} per year",
        description="Stacked bars, one per year: events with one partner state and events with "
        "several (a summit of six counts once). The numbers per partner are in the tables below.",
        width=400,
    ) + charts.legend(series)


@register.filter
def native_lang(person) -> str:
    country = getattr(person, "country", None)
    return NATIVE_LANGUAGE.get(getattr(country, "iso_code", ""), "und")


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    """A JSON-LD block; "<" is escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.inclusion_tag("_picture.html")
def picture(image, alt: str, credit: str = "", caption: str = "", sizes: str = "100vw") -> dict:
    """An <img> with srcset from renditions, explicit width and height, alt text and credit."""
    from cmsproject.renditions import renditions

    items = renditions(image)
    largest = items[-1] if items else None
    return {
        "items": items,
        "largest": largest,
        "alt": alt,
        "credit": credit,
        "caption": caption,
        "sizes": sizes,
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in items),
    }


@register.simple_tag
def series_legend(panel) -> SafeString:
    """The legend of a figures panel's chart (events.figures.Panel): a colour per series."""
    return charts.legend([s.label for s in panel.series])


@register.simple_tag
def breadcrumbs(*parts) -> SafeString:
    """The trail from the home page to this one: ``{% breadcrumbs "Events" "site:event-list"
    object.country object.name %}`` — a label and a URL name (or path) as a pair, a record as
    itself (its name, its page), and last the current page's label, not linked."""
    crumbs: list[tuple[str, str]] = [("Home", reverse("home"))]
    items, i = list(parts), 0
    while i < len(items):
        item = items[i]
        if item is None or item == "":
            i += 1
        elif hasattr(item, "get_absolute_url"):
            crumbs.append((str(item), item.get_absolute_url()))
            i += 1
        elif (
            i + 1 < len(items)
            and isinstance(items[i + 1], str)
            and (":" in items[i + 1] or items[i + 1].startswith("/"))
        ):
            target = items[i + 1]
            crumbs.append((str(item), target if target.startswith("/") else reverse(target)))
            i += 2
        else:
            crumbs.append((str(item), ""))
            i += 1
    links = [
        format_html('<li><a href="{}">{}</a></li>', url, label)
        if url
        else format_html('<li aria-current="page">{}</li>', label)
        for label, url in crumbs
    ]
    return format_html(
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{}</ol></nav>',
        mark_safe("".join(str(link) for link in links)),
    )
