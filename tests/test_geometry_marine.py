"""geodata/build_marine.py on a small made-up source: names, slivers, determinism."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from shapely.geometry import Point, box, mapping, shape

from geodata_scripts import load
from geomap import countries


def _builder():
    return load("build_marine")


def _feature(name: str, kind: str, geometry) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": name, "featurecla": kind},
        "geometry": mapping(geometry),
    }


def _source(tmp_path: Path) -> Path:
    features = [
        _feature("Sea of Japan", "sea", box(131.0, 38.0, 137.0, 42.0)),
        _feature("NORTH ATLANTIC OCEAN", "ocean", box(-40.0, 10.0, -20.0, 40.0)),
        _feature("SOUTH ATLANTIC OCEAN", "ocean", box(-30.0, -40.0, -10.0, 0.0)),
        _feature("Bosporus", "strait", box(29.0, 41.0, 29.05, 41.05)),  # a sliver
        _feature("Amazon River", "river", box(-60.0, -3.0, -50.0, -1.0)),
        _feature("Bransfield Str.", "strait", box(-60.0, -64.0, -57.0, -62.0)),
        _feature("B. Inutil", "bay", box(-70.0, -54.0, -69.0, -53.0)),
        _feature(None, "sea", box(0.0, 0.0, 1.0, 1.0)),
    ]
    path = tmp_path / "marine.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_marine_build_names_widens_and_repeats(tmp_path):
    builder = _builder()
    source = _source(tmp_path)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    counts = builder.build(source, first)
    builder.build(source, second)
    text = (first / "marine.geojson").read_text(encoding="utf-8")
    assert text == (second / "marine.geojson").read_text(encoding="utf-8")
    features = json.loads(text)["features"]
    names = [f["properties"]["name"] for f in features]
    assert names == sorted(names)
    # the gazetteer's names, not Natural Earth's; rivers and nameless areas are left out
    assert {"Sea of Japan", "Atlantic Ocean", "Bosphorus"} <= set(names)
    assert not {"Bosporus", "North Atlantic Ocean", "Amazon River"} & set(names)
    shapes = {f["properties"]["name"]: shape(f["geometry"]) for f in features}
    assert all(g.is_valid and not g.is_empty for g in shapes.values())
    atlantic = shapes["Atlantic Ocean"]
    assert atlantic.contains(Point(-30.0, 20.0)) and atlantic.contains(Point(-20.0, -20.0))
    # a sliver strait is widened to the water round the gazetteer's point, less land
    bosphorus = shapes["Bosphorus"]
    assert bosphorus.area > 0.3
    assert bosphorus.intersection(countries.country_shape("TR")).area < 0.05 * bosphorus.area
    # seas of regions.tsv with no source polygon become circles at sea
    assert "Strait of Hormuz" in names and counts["fallback"] >= 1
    assert counts["widened"] >= 1


def test_marine_names_are_gazetteer_rows_for_the_areas_regions_tsv_lacks(tmp_path):
    """marine.tsv: the areas the curated regions do not name, abbreviations written out,
    with a point in the water and the countries on their shores."""
    builder = _builder()
    builder.build(_source(tmp_path), tmp_path)
    lines = (tmp_path / "marine.tsv").read_text(encoding="utf-8").splitlines()
    rows = {r["name"]: r for r in csv.DictReader(lines, delimiter="\t")}
    assert set(rows) == {"Bransfield Strait"}  # Sea of Japan is curated; "B. Inutil" is left
    row = rows["Bransfield Strait"]
    assert row["key"] == "marine:bransfield-strait" and row["members"] == "AQ"
    point = Point(float(row["lon"]), float(row["lat"]))
    features = json.loads((tmp_path / "marine.geojson").read_text())["features"]
    (strait,) = [f for f in features if f["properties"]["name"] == "Bransfield Str."]
    assert shape(strait["geometry"]).buffer(1e-9).contains(point)
    assert builder.write_names(tmp_path) == 1
