"""The server-rendered map (cmsproject/maps.py): valid SVG, the right geography, safe labels."""

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cmsproject import maps
from cmsproject.maps import Marker, region_map

SVG = "{http://www.w3.org/2000/svg}"
ASTANA = Marker(71.43, 51.13, "Astana: 3 events", 3)
ALMATY = Marker(76.95, 43.24, "Almaty: 2 events", 2)
PARIS = Marker(2.35, 48.86, "Paris: 9 events", 9)


def draw(markers, **kwargs) -> ET.Element:
    kwargs = {"title": "Events by place", "description": "Where events took place", **kwargs}
    return ET.fromstring(str(region_map(markers, **kwargs)))


def circles(svg: ET.Element) -> dict[str, ET.Element]:
    """The circles by the label of the circle or of the link around it."""
    found = {}
    for parent in svg.iter():
        for child in parent:
            if child.tag == f"{SVG}circle":
                title = child.find(f"{SVG}title")
                if title is None:
                    title = parent.find(f"{SVG}title")
                found[title.text] = child
    return found


def land_rings(svg: ET.Element) -> list[list[tuple[float, float]]]:
    """The subpaths of the land path ("M x,y l dx,dy dx,dy ... z"), in absolute pixels."""
    path = next(p for p in svg.iter(f"{SVG}path") if p.get("fill") == maps.LAND)
    rings = []
    for sub in re.findall(r"M([^Mz]+)z", path.get("d")):
        start, _, steps = sub.partition("l")
        x, y = map(float, start.split(","))
        ring = [(x, y)]
        for step in steps.split():
            dx, dy = map(float, step.split(","))
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def is_land(rings, x: float, y: float) -> bool:
    """Even-odd rule, as the path is filled: lakes are holes, islands in lakes are land."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def position(svg: ET.Element, label: str) -> tuple[float, float]:
    circle = circles(svg)[label]
    return float(circle.get("cx")), float(circle.get("cy"))


def test_map_is_svg_named_by_its_title_and_description():
    svg = draw([ASTANA])
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Events by place"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert svg.find(f"{SVG}desc").text == "Where events took place"
    assert "style=" not in str(region_map([ASTANA], title="t", description="d"))


def test_map_draws_land_lakes_and_borders_where_they_are():
    places = [
        Marker(73.10, 49.80, "Karaganda"),
        Marker(116.40, 39.90, "Beijing"),
        Marker(50.50, 42.00, "Caspian Sea"),
        Marker(60.00, 45.00, "Aral Sea"),
        Marker(77.30, 42.45, "Issyk-Kul"),
        Marker(123.00, 35.00, "Yellow Sea"),
    ]
    svg = draw(places)
    rings = land_rings(svg)
    assert len(rings) > 50
    land = {label: is_land(rings, *position(svg, label)) for label in circles(svg)}
    assert land == {
        "Karaganda": True,
        "Beijing": True,
        "Caspian Sea": False,
        "Aral Sea": False,
        "Issyk-Kul": False,
        "Yellow Sea": False,
    }
    borders = next(p for p in svg.iter(f"{SVG}path") if p.get("stroke") == maps.BORDER)
    assert borders.get("fill") == "none"
    assert borders.get("d").count("M") > 50


def test_north_is_up_and_east_is_right():
    svg = draw([ASTANA, ALMATY])
    astana, almaty = position(svg, ASTANA.label), position(svg, ALMATY.label)
    assert almaty[1] > astana[1]  # Almaty is south of Astana: lower on the page
    assert almaty[0] > astana[0]  # and east: further right


def test_markers_outside_the_frame_are_dropped():
    svg = draw([ASTANA, PARIS])
    width, height = map(float, svg.get("viewBox").split()[2:])
    x, y = position(svg, ASTANA.label)
    assert 0 < x < width and 0 < y < height
    assert PARIS.label not in circles(svg)
    assert len(list(svg.iter(f"{SVG}circle"))) == 1


def test_a_bigger_count_draws_a_bigger_circle_by_area():
    small, big = Marker(71.43, 51.13, "Astana", 4), Marker(69.24, 41.30, "Tashkent", 100)
    found = circles(draw([small, big]))
    r_small, r_big = float(found["Astana"].get("r")), float(found["Tashkent"].get("r"))
    assert r_big > r_small
    assert r_big / r_small == pytest.approx(math.sqrt(100 / 4), rel=0.05)


def test_labels_and_urls_are_escaped():
    evil = Marker(71.43, 51.13, '<script>alert("x")</script>: 1 event', 1, '/?a=1&b="2"')
    html = str(region_map([evil], title="<b>Title</b>", description="A & B"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    svg = ET.fromstring(html)
    link = svg.find(f".//{SVG}a")
    assert link.get("href") == '/?a=1&b="2"'
    assert link.find(f"{SVG}title").text == evil.label
    assert svg.find(f"{SVG}title").text == "<b>Title</b>"


def test_linked_markers_are_named_links_in_a_named_group():
    svg = draw([Marker(71.43, 51.13, "Astana: 3 events", 3, "/places/astana/")])
    # A link inside role="img" would be hidden from screen readers.
    assert svg.get("role") == "group"
    link = svg.find(f".//{SVG}a")
    assert link.get("href") == "/places/astana/"
    assert link.find(f"{SVG}title").text == "Astana: 3 events"
    assert link.find(f"{SVG}circle") is not None


def test_only_the_biggest_markers_get_a_visible_label():
    places = [
        Marker(60 + i * 6, 30 + i % 4 * 5, f"Place {i}: {i + 1} events", i + 1) for i in range(12)
    ]
    texts = [t.text for t in draw(places).iter(f"{SVG}text")]
    assert 0 < len(texts) <= maps.MAX_LABELS
    assert "Place 11" in texts  # the biggest, and its name only: the count is in its title
    assert "Place 0" not in texts


def test_focus_zooms_in_on_the_box():
    whole = draw([ASTANA, ALMATY])
    zoomed = draw([ASTANA, ALMATY], focus=(46.5, 40.6, 87.3, 55.4))
    assert whole.get("viewBox") != zoomed.get("viewBox")

    def spread(svg: ET.Element) -> float:
        (x1, y1), (x2, y2) = position(svg, ASTANA.label), position(svg, ALMATY.label)
        return math.hypot(x2 - x1, y2 - y1) / float(svg.get("viewBox").split()[2])

    assert spread(zoomed) > 2 * spread(whole)
    width, height = map(float, zoomed.get("viewBox").split()[2:])
    assert 1.1 < width / height < 2.2


def test_two_maps_on_a_page_have_distinct_ids():
    first, second = draw([ASTANA], id_prefix="events-map"), draw([ASTANA], id_prefix="kz-map")
    ids = [e.get("id") for svg in (first, second) for e in svg.iter() if e.get("id")]
    assert len(ids) == 4
    assert len(set(ids)) == 4


def test_the_base_layer_is_computed_once_per_frame_and_stays_small():
    html = str(region_map([], title="t", description="d"))
    hits = maps._base_layer.cache_info().hits
    assert str(region_map([ASTANA], title="t", description="d")).count("<path") == 2
    assert maps._base_layer.cache_info().hits == hits + 1
    assert len(html.encode()) < 120_000


def test_the_map_scales_down_to_a_phone():
    svg = draw([])
    assert "map" in svg.get("class").split()
    css = (Path(__file__).parents[2] / "cmsproject/static/caravan/site.css").read_text()
    assert re.search(r"\.map \{[^}]*width: 100%[^}]*height: auto", css)
