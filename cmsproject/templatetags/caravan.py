"""Template tags of the public site: charts, JSON-LD, native-script language hints."""

from __future__ import annotations

import json

from django import template
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
