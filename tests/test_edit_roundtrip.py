"""The correction loop of docs/EDITING.md, step by step, through the real CLI.

Build a map, then: move a place and render (what is built on it moves), add a fact with
only layer, label and places (it is drawn, marked as added by hand), delete a place (what
stands on it goes), save the story through geopandas and render it (it still works, and
nothing of the story is lost).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import shape

from geomap.errors import StoryError
from geomap.story import Story

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "kabul-2021.md"


def geomap(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geomap.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`geomap build examples/kabul-2021.md -o kabul.html`, once."""
    folder = tmp_path_factory.mktemp("edit")
    r = geomap("build", str(DEMO), "-o", "kabul.html", cwd=folder)
    assert r.returncode == 0, r.stderr
    assert (folder / "kabul.article.json").is_file()  # the sidecar GIS tools need
    return folder


@pytest.fixture
def work(built, tmp_path) -> Path:
    for name in ("kabul.geojson", "kabul.article.json"):
        (tmp_path / name).write_bytes((built / name).read_bytes())
    return tmp_path


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def place(data: dict, label: str) -> dict:
    return next(
        f
        for f in data["features"]
        if f["properties"]["layer"] == "places" and f["properties"]["label"] == label
    )


def fact(data: dict, layer: str) -> dict:
    return next(f for f in data["features"] if f["properties"]["layer"] == layer)


def render(work: Path, story: str = "kabul.geojson") -> Story:
    r = geomap("render", story, "-o", "map.html", cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "map.html").is_file()
    return Story.load(work / story).rebuild()  # what render drew


def test_an_unedited_story_renders_as_built(work):
    assert render(work).to_geojson() == (work / "kabul.geojson").read_text(encoding="utf-8")


def test_moving_a_place_moves_what_is_built_on_it(work):
    data = load(work / "kabul.geojson")
    route = fact(data, "trafficking_routes")
    assert route["properties"]["drawn_at"][0] == "Afghanistan"
    old_start = route["geometry"]["coordinates"][0]
    place(data, "Afghanistan")["geometry"]["coordinates"] = [65.0, 31.6]  # Kandahar
    save(work / "kabul.geojson", data)
    redrawn = fact(render(work).data, "trafficking_routes")
    assert redrawn["geometry"]["coordinates"][0] == [65.0, 31.6] != old_start


def test_a_minimal_hand_added_fact_is_drawn_and_marked(work):
    data = load(work / "kabul.geojson")
    data["features"].append(
        {
            "type": "Feature",
            "geometry": None,
            "properties": {
                "layer": "military_presence",
                "label": "Russian troops at Dushanbe (by hand)",
                "places": ["Dushanbe", "Russia"],
            },
        }
    )
    save(work / "kabul.geojson", data)
    story = render(work)
    added = next(f for f in story.features if f["properties"]["label"].endswith("(by hand)"))
    props = added["properties"]
    assert props["added_by_hand"] is True and props["evidence"] == []
    assert props["shape"] == "point" and props["id"].startswith("military_presence:")
    assert props["geonameids"] == [place(data, "Dushanbe")["properties"]["geonameid"], "2017370"]
    at = shape(place(data, "Dushanbe")["geometry"])
    assert shape(added["geometry"]).distance(at) < 1e-3  # at the host, the first place
    assert "(by hand)" in (work / "map.html").read_text(encoding="utf-8")


def test_a_hand_added_border_by_geonameid(work):
    data = load(work / "kabul.geojson")
    data["features"].append(
        {
            "type": "Feature",
            "geometry": None,
            "properties": {
                "layer": "borders",
                "label": "Tajik-Kyrgyz border",
                "places": ["Tajikistan", "1527747"],
            },  # Kyrgyzstan: not in the story
        }
    )
    save(work / "kabul.geojson", data)
    border = next(
        f for f in render(work).features if f["properties"]["label"] == "Tajik-Kyrgyz border"
    )
    assert border["geometry"]["type"] in ("LineString", "MultiLineString")
    assert 69 < shape(border["geometry"]).centroid.x < 75  # the Tajik-Kyrgyz line


def test_deleting_a_place_removes_what_stands_on_it(work):
    data = load(work / "kabul.geojson")
    data["features"].remove(place(data, "Tajikistan"))
    data["features"].remove(place(data, "Europe"))
    save(work / "kabul.geojson", data)
    story = render(work)
    for f in story.features:
        assert "Tajikistan" not in f["properties"]["places"], f["properties"]["id"]
    said = geomap("render", "kabul.geojson", "-o", "map.html", cwd=work).stderr
    assert "left out, it cannot be drawn without Tajikistan" in said  # the Afghan-Tajik border
    assert "drawn without Europe, no longer in the story" in said  # the heroin route
    route = fact(story.data, "trafficking_routes")  # still runs, now ending in Russia
    assert route["properties"]["drawn_at"] == ["Afghanistan", "Central Asia", "Russia"]
    drills = fact(story.data, "military_drills")  # Uzbek and Tajik drills: now Uzbek only
    assert drills["properties"]["drawn_at"] == ["Uzbekistan"]
    assert not shape(drills["geometry"]).contains(shape(place(data, "Dushanbe")["geometry"]))
    labels = [f["properties"]["label"] for f in story.layer("borders")]
    assert "Afghanistan–Tajikistan border" not in labels  # no other side to draw


def test_a_story_saved_back_by_geopandas_renders_unchanged(work):
    gpd = pytest.importorskip("geopandas")
    original = (work / "kabul.geojson").read_text(encoding="utf-8")
    gpd.read_file(work / "kabul.geojson").to_file(work / "kabul.geojson", driver="GeoJSON")
    resaved = load(work / "kabul.geojson")
    assert "article" not in resaved  # what GIS tools do
    assert render(work).to_geojson() == original


def test_without_article_or_sidecar_one_helpful_line(work):
    data = load(work / "kabul.geojson")
    del data["article"]
    save(work / "other.geojson", data)
    r = geomap("render", "other.geojson", cwd=work)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert r.stderr.splitlines() == [
        'geomap: error: other.geojson: no "article" member (GIS tools drop it) and no '
        "other.article.json beside the story to take it from"
    ]


def test_a_hand_added_fact_at_an_unknown_place_is_refused(work):
    data = load(work / "kabul.geojson")
    data["features"].append(
        {
            "type": "Feature",
            "geometry": None,
            "properties": {"layer": "conflict", "label": "Clash", "places": ["Xyzabad"]},
        }
    )
    save(work / "kabul.geojson", data)
    r = geomap("render", "kabul.geojson", cwd=work)
    assert r.returncode != 0 and len(r.stderr.splitlines()) == 1
    assert 'place "Xyzabad" is neither the name of one of' in r.stderr
    with pytest.raises(StoryError, match="Xyzabad"):
        Story.load(work / "kabul.geojson").rebuild()


def test_a_fact_without_its_required_properties_is_refused(work):
    data = load(work / "kabul.geojson")
    data["features"].append(
        {"type": "Feature", "geometry": None, "properties": {"layer": "conflict", "label": "Clash"}}
    )
    save(work / "kabul.geojson", data)
    r = geomap("render", "kabul.geojson", cwd=work)
    assert r.returncode != 0 and len(r.stderr.splitlines()) == 1
    assert "misses required properties: places" in r.stderr


def test_a_story_saved_from_its_own_geodataframe_renders_unchanged(work):
    original = Story.load(work / "kabul.geojson")
    original.to_geodataframe().to_file(work / "kabul.geojson", driver="GeoJSON")
    assert render(work).to_geojson() == original.to_geojson()


def test_a_long_article_story_round_trips_through_geopandas(gazetteer, tmp_path):
    """GDAL recognises GeoJSON by its first kilobytes: a story whose article text came
    first was "not recognized as being in a supported file format". The seed article is
    long, and one of its facts is drawn with a neighbour the text does not name."""
    gpd = pytest.importorskip("geopandas")
    import geomap as api

    seed = ROOT.parent / "shared" / "articles" / "moscow-times-2021-08-16-kabul.txt"
    story = api.build_story(api.read(seed), gazetteer=gazetteer)
    assert len(story.article["text"]) > 6000
    assert any("inferred" in f["properties"] for f in story.features)
    written = story.save(tmp_path / "seed.html")
    gpd.read_file(written["geojson"]).to_file(written["geojson"], driver="GeoJSON")
    assert Story.load(written["geojson"]).rebuild().to_geojson() == story.to_geojson()
