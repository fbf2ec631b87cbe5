"""What a newsroom needs from the page, checked without a browser: framing, doubt shown,
basemap names, labels apart from the Places overlay, fact list, lang, pinch-zoom, PNG
options. The browser checks are in tests/browser/test_publish_browser.py."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.render import to_html
from geomap.render.elements import Legend, title_card_html
from geomap.render.export import save_png
from geomap.render.features import prepare_story
from geomap.render.labels import basemap_labels
from geomap.render.style import HISTORICAL_COLOUR

STORIES = Path(__file__).parent / "data" / "stories"


def load(name: str) -> dict:
    return json.loads((STORIES / f"{name}.geojson").read_text(encoding="utf-8"))


def place(label: str, lon: float, lat: float, **props: object) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"layer": "places", "id": f"place:{label}", "label": label, **props},
    }


def fact(layer: str, label: str, lon: float, lat: float, **props: object) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"layer": layer, "id": f"{layer}:{label}", "label": label, **props},
    }


def story(*features: dict, **top: object) -> dict:
    return {"type": "FeatureCollection", "features": list(features), "article": {}, **top}


# -- framing ------------------------------------------------------------------------------
SAHEL = (
    place("Mali", -2.0, 17.0, kind="country", country_code="ML", focus=True),
    place("Niger", 8.0, 17.0, kind="country", country_code="NE", focus=True),
    place("Bamako", -8.0, 12.65, kind="city", country_code="ML", focus=True),
    # GeoNames puts Russia's centre in Siberia
    place("Russia", 100.0, 60.0, kind="country", country_code="RU", focus=True),
)


def test_a_distant_big_country_does_not_stretch_the_frame() -> None:
    (south, west), (north, east) = prepare_story(story(*SAHEL)).bounds
    assert east < 20 and north < 30, "Russia pulled the view to Siberia"
    assert west < -10 and south < 12.7  # Mali and Bamako whole
    assert east > 15  # Niger framed by its polygon (to ~16°E), not its centre point


def test_a_fact_at_a_country_centre_counts_as_that_country() -> None:
    talks = fact("diplomacy", "Talks with Russia", 100.0, 60.0, places=["Russia", "Mali"])
    (_, _), (north, east) = prepare_story(story(*SAHEL, talks)).bounds
    assert east < 20 and north < 30


def test_the_mainland_of_a_country_near_the_story_is_framed_in_part() -> None:
    taiwan = place("Taiwan", 121.0, 23.7, kind="country", country_code="TW", focus=True)
    china = place("China", 105.0, 35.0, kind="country", country_code="CN", focus=True)
    (_, west), (north, east) = prepare_story(story(taiwan, china)).bounds
    assert west > 100 and north < 30, "all of China framed for a story around Taiwan"
    assert west < 119 and east > 121.5  # the coast facing Taiwan, and Taiwan whole


def test_a_country_is_named_where_the_frame_shows_it() -> None:
    taiwan = place("Taiwan", 121.0, 23.7, kind="country", country_code="TW", focus=True)
    china = place("China", 105.0, 35.0, kind="country", country_code="CN", focus=True)
    prepared = prepare_story(story(taiwan, china))
    (south, west), (north, east) = prepared.bounds
    at = {f["properties"]["tip"]: f["geometry"]["coordinates"] for f in prepared.labels}
    assert at["Taiwan"] == [121.0, 23.7]  # in the frame: at its own point
    lon, lat = at["China"]  # China's centre is far outside: named on its coast in view
    assert west <= lon <= east and south <= lat <= north and lon < 121


def test_a_story_about_one_big_country_still_frames_it() -> None:
    only = story(place("Russia", 100.0, 60.0, kind="country", country_code="RU", focus=True))
    (south, west), (north, east) = prepare_story(only).bounds
    assert south <= 60 <= north and west <= 100 <= east  # its mainland...
    assert west > 20 and east - west < 180  # ...not the world across the antimeridian


def test_countries_the_story_is_about_are_framed_whole() -> None:
    (_, _), (north, east) = prepare_story(story(*SAHEL[:3])).bounds
    # Niger's polygon reaches ~16°E and ~23.5°N; its centre point does not
    assert east > 15 and north > 23


def test_background_facts_do_not_frame_the_news() -> None:
    old = fact("conflict", "An old war", 100.0, 0.0, time="historical", places=["Far"])
    (_, _), (_, east) = prepare_story(story(*SAHEL[:3], old)).bounds
    assert east < 20


# -- doubt shown ----------------------------------------------------------------------------
def shown(prepared, layer: str) -> list[dict]:
    return [
        f["properties"]
        for lay in prepared.layers
        if lay.layer == layer
        for f in lay.features
        if not f["properties"].get("decor")
    ]


def test_a_doubtful_or_weak_place_is_hollow_and_says_why() -> None:
    reason = "placed at the dateline town; the name is not in the gazetteer"
    prepared = prepare_story(
        story(
            place("Air Base", -8.0, 12.6, doubt=reason, confidence=0.3),
            place("Gao", 0.0, 16.3, confidence=0.4),
            place("Timbuktu", -3.0, 16.8, confidence=0.9),
        )
    )
    by = {p["label"]: p for p in shown(prepared, "places")}
    assert by["Air Base"]["doubt"] == reason
    assert "40%" in by["Gao"]["doubt"]
    assert by["Timbuktu"]["doubt"] == ""
    for name in ("Air Base", "Gao"):
        look = by[name]["style"]
        assert look["fillOpacity"] == 0 and look["dashArray"]
        assert "geomap-doubt" in look["className"]
    assert by["Timbuktu"]["style"]["fillOpacity"] > 0
    legend = Legend(prepared.layers).body
    assert "Uncertain place" in legend


@pytest.mark.parametrize("status", ["ended", "denied", "planned"])
def test_a_fact_not_current_is_muted_and_named(status: str) -> None:
    prepared = prepare_story(
        story(
            fact("military_presence", "French base", -1.5, 12.4, status=status),
            fact("military_presence", "Russian base", -1.0, 12.0),
        )
    )
    by = {p["label"]: p for p in shown(prepared, "military_presence")}
    assert by["French base"]["style"]["color"] == HISTORICAL_COLOUR
    assert f"({status})" in by["French base"]["tip"]
    assert by["Russian base"]["style"]["color"] != HISTORICAL_COLOUR
    assert "(" not in by["Russian base"]["tip"]
    assert f"{status.capitalize()} (not current)" in Legend(prepared.layers).body


def test_an_unknown_status_is_not_invented() -> None:
    prepared = prepare_story(story(fact("conflict", "Clash", 1, 1, status="<b>rumoured</b>")))
    props = shown(prepared, "conflict")[0]
    assert props["status"] == "" and "rumoured" not in props["tip"]


def test_long_unresolved_lists_fold_and_are_escaped() -> None:
    few = prepare_story(story(unresolved=[{"name": "Xyzabad", "count": 2}]))
    assert "Not placed: Xyzabad (2)" in title_card_html(few)
    names = [{"name": f"<b>N{i}</b>", "count": 1} for i in range(7)]
    card = title_card_html(prepare_story(story(unresolved=names)))
    assert "<details" in card and "Not placed: 7 names" in card
    assert "&lt;b&gt;N6&lt;/b&gt;" in card and "<b>" not in card


# -- labels ---------------------------------------------------------------------------------
def test_labels_are_drawn_apart_from_the_places_overlay() -> None:
    prepared = prepare_story(load("kabul_central_asia"))
    pinned = {p["label"] for p in shown(prepared, "places") if p["pinned"]}
    assert pinned
    assert {f["properties"]["tip"] for f in prepared.labels} == pinned
    page = to_html(load("kabul_central_asia"))
    script = page[page.index('"labelOnly"') - 2000 : page.index('"labelOnly"')]
    assert "L.geoJson(" in script  # the label layer is its own GeoJSON layer...
    labels_layer = re.search(r"var (\w+) = L\.geoJson\(\{[^\n]*\"labelOnly\"", page).group(1)
    assert f"{labels_layer}.addTo(" in page  # ...added to the map, not to a toggled group


def test_basemap_names_countries_seas_and_capitals() -> None:
    rows = basemap_labels()
    kinds = {row[0] for row in rows}
    assert {"country", "country-big", "sea", "city"} <= kinds
    names = {row[1]: row for row in rows}
    assert names["Black Sea"][0] == "sea" and names["Kabul"][0] == "city"
    # a big country's name fits at a wider view than a small one's
    assert names["Russia"][4] < names["Armenia"][4]
    lat, lon = names["Mali"][2:4]
    assert -12.5 < lon < 4.5 and 10 < lat < 25  # inside Mali
    assert rows == tuple(sorted(rows, key=lambda r: (r[4], r[0], r[1])))


def test_basemap_names_the_story_already_labels_are_not_repeated() -> None:
    page = to_html(load("kabul_central_asia"))
    setup = page[page.index("geomap.setup(") :]
    assert '"Black Sea"' in setup
    for name in ("Russia", "Tajikistan", "Afghanistan"):  # labelled by the story
        assert f'"{name}",' not in setup
    assert '"Black Sea"' not in to_html(load("kabul_central_asia"), basemap={})
    assert '"Black Sea"' not in to_html(load("kabul_central_asia"), tiles="osm")  # has its own


# -- the page -------------------------------------------------------------------------------
def test_page_allows_pinch_zoom_and_sets_its_language() -> None:
    page = to_html(load("kabul_central_asia"))
    assert "user-scalable=no" not in page and "maximum-scale" not in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1.0" />' in page
    assert page.count('<html lang="en">') == 1
    french = copy.deepcopy(load("kabul_central_asia"))
    french["article"]["language"] = "fr"
    assert '<html lang="fr">' in to_html(french)
    french["article"]["language"] = '"><script>'
    assert '<html lang="en">' in to_html(french)


def test_fact_list_under_the_map_is_plain_escaped_text() -> None:
    page = to_html(load("hostile"))
    section = page[page.index('<aside class="geomap-facts"') :]
    section = section[: section.index("</aside>")]
    assert "Facts on this map (1)" in section
    assert "Diplomacy: Talks &lt;img src=x onerror=alert(3)&gt; in Moscow" in section
    assert "<img" not in section and "<script" not in section
    kabul = to_html(load("kabul_central_asia"))
    facts = sum(
        1 for f in load("kabul_central_asia")["features"] if f["properties"]["layer"] != "places"
    )
    assert f"Facts on this map ({facts})" in kabul
    assert "clashes between Taliban forces and an armed group" in kabul


def test_print_stylesheet_hides_controls_and_fills_the_page() -> None:
    page = to_html(load("kabul_central_asia"))
    css = page[page.index("@media print") :]
    assert ".leaflet-control-zoom, .leaflet-control-layers { display: none" in css
    assert ".folium-map { height:" in css


def test_story_html_stays_deterministic_and_small() -> None:
    first = to_html(load("kabul_central_asia"))
    assert first == to_html(load("kabul_central_asia"))
    assert len(first.encode("utf-8")) < 1_500_000


# -- PNG options ----------------------------------------------------------------------------
def test_png_size_and_scale_are_checked_before_chromium(tmp_path: Path) -> None:
    html = tmp_path / "m.html"
    html.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(ValueError, match="positive"):
        save_png(html, tmp_path / "m.png", width=0)
    with pytest.raises(ValueError, match="positive"):
        save_png(html, tmp_path / "m.png", scale=0)
    with pytest.raises(ValueError, match="larger"):
        save_png(html, tmp_path / "m.png", width=5000, scale=2)
    assert not (tmp_path / "m.png").exists()


@pytest.mark.parametrize("option", [["--scale", "0"], ["--width", "-5"], ["--scale", "x"]])
def test_cli_refuses_a_bad_png_size_in_one_line(tmp_path, capsys, option) -> None:
    source = tmp_path / "s.geojson"
    source.write_text(json.dumps(load("hostile")), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["render", str(source), "--png", *option])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("positive" in err or "number" in err)
    assert not (tmp_path / "s.png").exists() and not (tmp_path / "s.html").exists()


def test_cli_refuses_a_picture_too_large_for_chromium(tmp_path, capsys) -> None:
    source = tmp_path / "s.geojson"
    source.write_text(json.dumps(load("hostile")), encoding="utf-8")
    code = main(["render", str(source), "--png", "--width", "6000", "--scale", "2"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "larger than" in err
    assert not (tmp_path / "s.html").exists()  # refused before anything was written


def test_the_static_svg_shows_doubt_and_status_as_the_map_does() -> None:
    from geomap.render.svg import svg_text

    data = story(
        place("Air Base", -8.0, 12.6, doubt="a guess", confidence=0.3),
        place("Timbuktu", -3.0, 16.8, confidence=0.9),
        fact("military_presence", "French base", -1.5, 12.4, status="ended"),
    )
    svg = svg_text(data)
    assert "Uncertain place" in svg and "Ended (not current)" in svg
    assert svg.count('stroke-dasharray="3 3"') == 2  # the hollow place and its legend row
    assert HISTORICAL_COLOUR in svg
    plain = svg_text(story(place("Timbuktu", -3.0, 16.8, confidence=0.9)))
    assert "Uncertain place" not in plain and "stroke-dasharray" not in plain
