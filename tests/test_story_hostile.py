"""``geomap render`` on hostile or broken story GeoJSON: one error line, never a traceback.

A story is a file a user may edit by hand, so every field the renderer reads is checked
before anything is drawn: types, finite numbers, coordinates in range, valid Unicode and
valid geometry (no NaN or nested GeometryCollection may reach the page).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from geomap.errors import StoryError
from geomap.story import Story, validate

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "data" / "stories" / "kabul_central_asia.geojson"
STORIES = sorted((ROOT / "tests" / "data" / "stories").glob("*.geojson"))


def _base() -> dict[str, Any]:
    return json.loads(BASE.read_text(encoding="utf-8"))


def _feature(story: dict[str, Any], layer: str) -> dict[str, Any]:
    return next(f for f in story["features"] if f["properties"]["layer"] == layer)


def _place(story: dict[str, Any]) -> dict[str, Any]:
    return _feature(story, "places")


def _fact(story: dict[str, Any]) -> dict[str, Any]:
    return _feature(story, "military_drills")


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    return feature["properties"]


def _alternative(story: dict[str, Any]) -> dict[str, Any]:
    feature = next(f for f in story["features"] if "alternatives" in f["properties"])
    return feature["properties"]["alternatives"][0]


def _nested_gc(story: dict[str, Any]) -> None:
    point = {"type": "Point", "coordinates": [69.2, 34.5]}
    inner = {"type": "GeometryCollection", "geometries": [point]}
    _place(story)["geometry"] = {"type": "GeometryCollection", "geometries": [inner]}


def _empty_gc(story: dict[str, Any]) -> None:
    # not empty as a whole (so shapely's is_empty is False), but with an empty member
    point = {"type": "Point", "coordinates": [69.2, 34.5]}
    empty = {"type": "LineString", "coordinates": []}
    _place(story)["geometry"] = {"type": "GeometryCollection", "geometries": [point, empty]}


def _route_nan(story: dict[str, Any]) -> None:
    _feature(story, "trafficking_routes")["geometry"]["coordinates"][1][1] = float("nan")


# name -> how to break the valid base story (written with json.dumps: NaN and Infinity
# become the bare literals Python's json reads back, "\ud800" an escaped lone surrogate)
EDITS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "nan_confidence": lambda s: _props(_place(s)).update(confidence=float("nan")),
    "infinite_confidence": lambda s: _props(_place(s)).update(confidence=float("inf")),
    "nan_score": lambda s: _alternative(s).update(score=float("nan")),
    "nan_coordinate": lambda s: _place(s)["geometry"].update(coordinates=[float("nan"), 34.5]),
    "infinite_coordinate": lambda s: _place(s)["geometry"].update(
        coordinates=[69.2, float("-inf")]
    ),
    "mentions_string": lambda s: _props(_place(s)).update(mentions="many"),
    "mentions_list": lambda s: _props(_place(s)).update(mentions=[3]),
    "mentions_huge": lambda s: _props(_place(s)).update(mentions=10**400),
    "unresolved_int": lambda s: s.update(unresolved=5),
    "places_int": lambda s: _props(_fact(s)).update(places=3),
    "geonameids_int": lambda s: _props(_fact(s)).update(geonameids=3),
    "evidence_int": lambda s: _props(_fact(s)).update(evidence=3),
    "evidence_marks_int": lambda s: _props(_fact(s))["evidence"][0].update(marks=3),
    "label_object": lambda s: _props(_place(s)).update(label={"text": "Kabul"}),
    "lone_surrogate_title": lambda s: s["article"].update(title="Kabul \ud800"),
    "latitude_out_of_range": lambda s: _place(s)["geometry"].update(coordinates=[69.2, 1e9]),
    "nested_geometry_collection": _nested_gc,
    "empty_geometry_collection": _empty_gc,
    "route_nan": _route_nan,
}


def run_render(story_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geomap.cli", "render", str(story_file)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        cwd=story_file.parent,
    )


def assert_one_error(r: subprocess.CompletedProcess, story_file: Path) -> None:
    assert r.returncode != 0, r.stdout
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("geomap: error:"), lines[0]
    assert not story_file.with_suffix(".html").exists()  # nothing invalid reached a page


@pytest.mark.parametrize("name", sorted(EDITS))
def test_hostile_story_gives_one_error_line(name: str, tmp_path: Path) -> None:
    story = copy.deepcopy(_base())
    EDITS[name](story)
    story_file = tmp_path / f"{name}.geojson"
    story_file.write_text(json.dumps(story), encoding="utf-8")
    assert_one_error(run_render(story_file), story_file)


@pytest.mark.parametrize("where", ["document", "property"])
def test_deeply_nested_story_gives_one_error_line(where: str, tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    if where == "document":
        text = deep
    else:
        text = json.dumps(_base()).replace('"unresolved": ', f'"deep": {deep}, "unresolved": ', 1)
        assert deep in text
    story_file = tmp_path / f"deep-{where}.geojson"
    story_file.write_text(text, encoding="utf-8")
    assert_one_error(run_render(story_file), story_file)


def test_errors_name_the_feature_and_the_field() -> None:
    story = _base()
    _props(_place(story)).update(confidence=float("nan"))
    with pytest.raises(StoryError, match=r"feature 0 \(place:2017370\).*confidence"):
        Story.from_geojson(story)
    story = _base()
    _props(_fact(story)).update(places=3)
    with pytest.raises(StoryError, match=r"feature \d+ \(military_drills:TJ\).*places"):
        Story.from_geojson(story)


def test_nesting_too_deep_for_json_is_refused_without_recursion() -> None:
    value: Any = []
    for _ in range(100_000):  # built in Python: deeper than json could ever read
        value = [value]
    story = _base()
    _props(_place(story))["deep"] = value
    with pytest.raises(StoryError, match="nested"):
        validate(story)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_valid_stories_still_validate(path: Path) -> None:
    Story.load(path)
