"""Server-side SVG charts: no JavaScript, readable by screen readers, numbers also in a table."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Colour-blind-safe palette (Okabe–Ito), dark enough for 3:1 contrast on white.
PALETTE = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C6D1F",
    "#000000",
    "#999999",
]


def stacked_bars(
    *,
    categories: list[str],
    series: list[str],
    values: list[list[int]],
    title: str,
    description: str,
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """A stacked bar chart: one bar per category (e.g. year), one stack segment per series.

    ``values[i][j]`` is the value of series ``j`` in category ``i``.
    """
    if not categories:
        return mark_safe("")
    pad_left, pad_bottom, pad_top = 32, 28, 12
    plot_w, plot_h = width - pad_left - 8, height - pad_bottom - pad_top
    top = max((sum(v) for v in values), default=0) or 1
    slot = plot_w / len(categories)
    bar_w = max(4.0, slot * 0.6)
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
            'aria-labelledby="chart-title chart-desc" class="chart">'
            '<title id="chart-title">{}</title><desc id="chart-desc">{}</desc>',
            width,
            height,
            title,
            description,
        )
    ]
    for tick in sorted({0, top // 2, top}):
        y = pad_top + plot_h - plot_h * tick / top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d9e2ec"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#334e68">{}</text>',
                pad_left,
                width - 8,
                y,
                y,
                pad_left - 4,
                y + 4,
                tick,
            )
        )
    for i, (category, row) in enumerate(zip(categories, values, strict=True)):
        x = pad_left + slot * i + (slot - bar_w) / 2
        y = pad_top + plot_h
        for j, value in enumerate(row):
            if not value:
                continue
            h = plot_h * value / top
            y -= h
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {} {}</title></rect>",
                    x,
                    y,
                    bar_w,
                    h,
                    PALETTE[j % len(PALETTE)],
                    category,
                    value,
                    series[j],
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#334e68">{}</text>',
                x + bar_w / 2,
                height - 10,
                category,
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))


def legend(series: list[str]) -> SafeString:
    # The swatch is a one-rectangle SVG: a fill attribute, not a style="" attribute, which the
    # Content-Security-Policy (style-src 'self') would refuse.
    items = "".join(
        '<li><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true">'
        f'<rect width="1" height="1" fill="{PALETTE[j % len(PALETTE)]}"/></svg>'
        f"{escape(label)}</li>"
        for j, label in enumerate(series)
    )
    return mark_safe(f'<ul class="legend">{items}</ul>')
