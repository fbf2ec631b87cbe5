"""Rendering without a browser: structure, escaping, determinism, sizes, files, SVG."""

from __future__ import annotations

import copy
import json
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import folium
import pytest

from geomap.errors import OutputError, StoryError
from geomap.render import embed_snippets, render_map, save_html, save_svg, to_html
from geomap.render.features import certainty_text, evidence_pieces, prepare_story, route_arrows

STORIES = Path(__file__).parent / "data" / "stories"
STORY_NAMES = sorted(p.stem for p in STORIES.glob("*.geojson"))
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def load(name: str) -> dict:
    return json.loads((STORIES / f"{name}.geojson").read_text(encoding="utf-8"))


def test_fixture_offsets_hold() -> None:
    assert len(STORY_NAMES) >= 3
    for name in STORY_NAMES:
        story = load(name)
        text = story["article"]["text"]
        for feature in story["features"]:
            for ev in feature["properties"]["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["text"]
                for lo, hi in ev.get("marks", []):
                    assert ev["start"] <= lo < hi <= ev["end"]


@pytest.mark.parametrize("name", STORY_NAMES)
def test_same_story_gives_identical_html(name: str) -> None:
    first, second = to_html(load(name)), to_html(load(name))
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first), "a random folium id survived"


def test_one_feature_group_per_nonempty_layer_and_control_last() -> None:
    fmap = render_map(load("kabul_central_asia"))
    children = list(fmap._children.values())
    groups = [c.layer_name for c in children if isinstance(c, folium.FeatureGroup)]
    assert groups == [
        "Borders",
        "Military drills",
        "Military presence",
        "Influence zones",
        "Trafficking routes",
        "Conflict",
        "Diplomacy",
        "Places",
    ]
    # the control comes after every layer; only the page set-up (which needs it) follows
    assert isinstance(children[-2], folium.LayerControl)
    assert children[-2].options["collapsed"] is False
    assert type(children[-1]).__name__ == "Setup"


def test_empty_layers_are_left_out() -> None:
    groups = [
        c.layer_name
        for c in render_map(load("georgia_ambiguous"))._children.values()
        if isinstance(c, folium.FeatureGroup)
    ]
    assert groups == ["Military drills", "Military presence", "Diplomacy", "Places"]


def test_offline_page_has_no_external_resources() -> None:
    page = to_html(load("kabul_central_asia"))
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "url(images/" not in page
    for cdn_thing in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers"):
        assert cdn_thing not in page.lower()
    assert "Leaflet 1.9.3" in page and "leaflet-control-layers" in page  # inlined Leaflet


def test_cdn_page_links_only_leaflet() -> None:
    page = to_html(load("kabul_central_asia"), cdn=True)
    sources = re.findall(r'<script[^>]+src="([^"]+)"', page)
    sheets = re.findall(r'<link[^>]+href="([^"]+)"', page)
    assert sources == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"]
    assert sheets == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"]


@pytest.mark.parametrize(("cdn", "limit"), [(False, 1_500_000), (True, 300_000)])
def test_page_size(cdn: bool, limit: int) -> None:
    size = len(to_html(load("kabul_central_asia"), cdn=cdn).encode("utf-8"))
    assert 20_000 < size <= limit


def test_online_tiles_are_optional() -> None:
    assert "tile.openstreetmap.org" not in to_html(load("georgia_ambiguous"))
    assert "tile.openstreetmap.org" in to_html(load("georgia_ambiguous"), tiles="osm")


def test_hostile_text_never_reaches_the_page_raw() -> None:
    page = to_html(load("hostile"))
    for payload in (*PAYLOADS, "</script><script>alert(2)</script>"):
        assert payload not in page
    assert "javascript:alert" not in page  # the story's url is not an http(s) link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # title card, escaped
    assert "\\u003cscript\\u003ealert(1)" in page  # popup data, JSON-escaped


def test_basemap_argument_and_fallback(caplog: pytest.LogCaptureFixture, monkeypatch) -> None:
    square = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Squareland"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[60, 30], [70, 30], [70, 40], [60, 40], [60, 30]]],
                },
            }
        ],
    }
    page = to_html(load("hostile"), basemap=square)
    assert "[[6000,3000,1000,0,0,1000,-1000,0,0,-1000]]" in page
    assert "GeomapBasemap" not in to_html(load("hostile"), basemap={})

    def broken() -> dict:
        raise OSError("countries.geojson unreadable")

    monkeypatch.setattr("geomap.countries.basemap", broken)
    with caplog.at_level(logging.WARNING, logger="geomap.render.leaflet_map"):
        page = to_html(load("hostile"))
    assert "basemap failed to load" in caplog.text
    assert "L.polygon(" not in page


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "Feature"},
        {"type": "FeatureCollection"},
        {"type": "FeatureCollection", "features": [{"geometry": None}]},
        {"type": "FeatureCollection", "features": [{"properties": {"label": "x"}}]},
    ],
)
def test_invalid_story_raises_story_error(bad: dict) -> None:
    with pytest.raises(StoryError):
        to_html(bad)


def test_title_card_lists_unresolved_names() -> None:
    page = to_html(load("kabul_central_asia"))
    assert "Not placed: Harb-Maidon" in page
    assert "12 places on the map" in page
    assert 'href="https://news.example.org/2024/05/russia-tajikistan-drills"' in page


def test_evidence_pieces_use_marks_then_names() -> None:
    ev = {"text": "Talks in Kabul and Moscow.", "start": 100, "end": 126, "marks": [[109, 114]]}
    assert evidence_pieces(ev, ["Moscow"]) == [
        ["Talks in ", False],
        ["Kabul", True],
        [" and Moscow.", False],
    ]
    no_marks = {k: v for k, v in ev.items() if k != "marks"}
    assert evidence_pieces(no_marks, ["Moscow", "Mos"]) == [
        ["Talks in Kabul and ", False],
        ["Moscow", True],
        [".", False],
    ]


def test_certainty_names_the_runner_up() -> None:
    georgia = next(
        f["properties"]
        for f in load("georgia_ambiguous")["features"]
        if f["properties"]["label"] == "Georgia"
    )
    assert certainty_text(georgia) == "Georgia: the country (92%), not Georgia, US state (7%)"
    assert certainty_text({"label": "Kabul", "kind": "city"}) == ""


@pytest.mark.parametrize(
    ("line", "angle"),
    [([[0, 0], [10, 0]], 0.0), ([[0, 0], [0, 10]], -90.0), ([[10, 0], [0, 0]], 180.0)],
)
def test_route_arrows_point_along_the_line(line: list, angle: float) -> None:
    arrows = route_arrows(line)
    assert len(arrows) == 1
    assert arrows[0][2] == angle


def test_focus_places_are_bigger_and_labelled() -> None:
    places = next(lay for lay in prepare_story(load("kabul_central_asia")).layers)
    places = {
        f["properties"]["label"]: f["properties"]
        for lay in prepare_story(load("kabul_central_asia")).layers
        if lay.layer == "places"
        for f in lay.features
    }
    # labelled: focus places and the places facts happen at; not a mere aside
    assert places["Russia"]["pinned"] and places["Dushanbe"]["pinned"]
    assert not places["Bishkek"]["pinned"] and not places["Soviet Union"]["pinned"]
    assert places["Russia"]["priority"] > places["Dushanbe"]["priority"]  # focus wins
    assert places["Russia"]["style"]["radius"] > places["Dushanbe"]["style"]["radius"]
    assert places["Russia"]["style"]["weight"] > places["Dushanbe"]["style"]["weight"]


def test_save_html_creates_dirs_and_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "map.html"
    assert save_html(load("georgia_ambiguous"), target) == target
    assert target.read_text(encoding="utf-8") == to_html(load("georgia_ambiguous"))
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]  # no temp left


def test_save_html_unwritable_raises_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        save_html(load("hostile"), blocker / "map.html")


def test_embed_snippets(tmp_path: Path) -> None:
    path = save_html(load("hostile"), tmp_path / "hostile map.html")
    snippets = embed_snippets(path, width=800, height="50vh")
    assert snippets["iframe"].startswith('<iframe src="hostile map.html"')
    assert "width:800px;height:50vh" in snippets["iframe"]
    inline = snippets["inline"]
    assert inline.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert "<script" not in inline and "</script" not in inline
    assert "&amp;lt;script&amp;gt;alert(1)" in inline  # escaped twice: srcdoc of escaped text
    with pytest.raises(ValueError):
        embed_snippets(path, width="100%;background:url(x)")


def test_save_svg_is_xml_with_title_and_legend(tmp_path: Path) -> None:
    path = save_svg(load("kabul_central_asia"), tmp_path / "out" / "kabul.svg")
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    texts = ["".join(t.itertext()) for t in root.iter(f"{ns}text")]
    title = "Russia steps up drills on Afghan border as Central Asia watches Kabul"
    assert root.find(f"{ns}title").text == title
    assert title in texts
    for layer_title in ("Borders", "Trafficking routes", "Influence zones", "Places"):
        assert layer_title in texts
    assert "Not placed: Harb-Maidon" in texts
    assert root.get("width") == "1200"


def test_save_svg_escapes_hostile_text(tmp_path: Path) -> None:
    path = save_svg(load("hostile"), tmp_path / "hostile.svg")
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw
    root = ET.parse(path).getroot()
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any("<script>alert(1)</script>" in t for t in texts)


def test_story_is_not_modified() -> None:
    story = load("kabul_central_asia")
    before = copy.deepcopy(story)
    to_html(story)
    assert story == before


def test_template_syntax_in_article_is_not_evaluated() -> None:
    page = to_html(load("hostile"))
    assert "discuss 49" not in page
    assert "discuss \\u007b{ 7*7 }} and \\u007b% if x %} and \\u007b# and" in page


def test_unknown_layer_renders_with_a_plain_title() -> None:
    story = load("hostile")
    extra = copy.deepcopy(story["features"][-1])
    extra["properties"]["layer"] = "{{7*7}}_<b>smuggling"
    story["features"].append(extra)
    fmap = render_map(story)
    titles = [c.layer_name for c in fmap._children.values() if isinstance(c, folium.FeatureGroup)]
    assert titles == ["Diplomacy", "Places", "7 7 b smuggling"]
    assert "49" not in fmap.get_root().render().split("7 7 b smuggling")[0][-200:]
