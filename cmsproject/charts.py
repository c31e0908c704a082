"""Server-side SVG charts: no JavaScript, readable by screen readers, numbers also in a table."""

from __future__ import annotations

from collections.abc import Callable

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


def line_chart(
    *,
    categories: list[str],
    series: list[str],
    values: list[list[float | None]],
    title: str,
    description: str,
    tick_label: Callable[[float], str] = lambda v: f"{v:g}",
    chart_id: str = "line",
    width: int = 400,
    height: int = 220,
) -> SafeString:
    """A line chart: one line per series over the categories (years); ``None`` is a gap.

    ``values[j][i]`` is series ``j`` in category ``i``. The view box is narrow (400) so that the
    labels stay readable on a phone, where the chart is drawn at about that width.
    """
    points = [v for row in values for v in row if v is not None]
    if not categories or not points:
        return mark_safe("")
    pad_left, pad_right, pad_bottom, pad_top = 64, 10, 26, 12
    plot_w, plot_h = width - pad_left - pad_right, height - pad_bottom - pad_top
    top = max(points) * 1.1 or 1
    step = plot_w / max(len(categories) - 1, 1)

    def x(i: int) -> float:
        return round(pad_left + (step * i if len(categories) > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(pad_top + plot_h - plot_h * v / top, 1)

    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
            'aria-labelledby="{}-title {}-desc" class="chart">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            width,
            height,
            chart_id,
            chart_id,
            chart_id,
            title,
            chart_id,
            description,
        )
    ]
    for tick in (0, top / 2, top):
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d9e2ec"/>'
                '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#334e68">{}</text>',
                pad_left,
                width - pad_right,
                y(tick),
                y(tick),
                pad_left - 4,
                y(tick) + 4,
                tick_label(tick),
            )
        )
    # Every category labelled when they fit, otherwise every n-th (and always the last).
    every = max(1, -(-len(categories) * 34 // plot_w))
    for i, category in enumerate(categories):
        if i % every == 0 or i == len(categories) - 1:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="12" text-anchor="middle" '
                    'fill="#334e68">{}</text>',
                    x(i),
                    height - 8,
                    category,
                )
            )
    for j, (name, row) in enumerate(zip(series, values, strict=True)):
        colour = PALETTE[j % len(PALETTE)]
        run: list[str] = []
        runs = []
        for i, value in enumerate(row):
            if value is None:
                runs.append(run)
                run = []
            else:
                run.append(f"{x(i)},{y(value)}")
        runs.append(run)
        for segment in runs:
            if len(segment) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>',
                        " ".join(segment),
                        colour,
                    )
                )
        for i, value in enumerate(row):
            if value is not None:
                parts.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="3.5" fill="{}">'
                        "<title>{}, {}: {}</title></circle>",
                        x(i),
                        y(value),
                        colour,
                        name,
                        categories[i],
                        tick_label(value),
                    )
                )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))
