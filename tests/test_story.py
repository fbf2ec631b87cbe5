"""The story contract end to end: real articles through the real pipeline.

Every feature must carry the contract properties and cite evidence that is exactly the
article text at its offsets; a saved story must load back unchanged, and a hand-edited
one that breaks the contract must be refused naming the feature.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import shape

import geomap
from geomap.errors import StoryError
from geomap.models import Layer, PlaceKind
from geomap.story import REQUIRED, Story, build_story

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT.parent / "shared" / "articles" / "moscow-times-2021-08-16-kabul.txt"
DEMO = ROOT / "examples" / "kabul-2021.md"
LAYERS = {layer.value for layer in Layer}
PLACE_KINDS = {kind.value for kind in PlaceKind}


@pytest.fixture(scope="module")
def articles():
    return {"demo": geomap.read(DEMO), "seed": geomap.read(SEED_ARTICLE)}


@pytest.fixture(scope="module")
def stories(articles, gazetteer):
    return {name: build_story(a, gazetteer=gazetteer) for name, a in articles.items()}


def by_label(story: Story) -> dict[str, dict]:
    return {f["properties"]["label"]: f["properties"] for f in story.layer(Layer.PLACES)}


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_every_feature_keeps_the_contract(stories, articles, name):
    story, text = stories[name], articles[name].text
    assert story.data["type"] == "FeatureCollection"
    assert story.article["text"] == text
    ids = [f["properties"]["id"] for f in story.features]
    assert len(ids) == len(set(ids)), "feature ids must be unique"
    layers = {f["properties"]["layer"] for f in story.features}
    assert layers <= LAYERS
    assert Layer.PLACES.value in layers and len(layers) >= 4  # places plus thematic layers
    for f in story.features:
        props = f["properties"]
        assert f["type"] == "Feature"
        assert set(REQUIRED) <= set(props), props["id"]
        assert isinstance(props["label"], str) and props["label"]
        assert len(props["places"]) == len(props["geonameids"]) >= 1
        for ev in props["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"], props["id"]
            for lo, hi in ev.get("marks", ()):
                assert ev["start"] <= lo < hi <= ev["end"]
        geom = shape(f["geometry"])
        assert geom.is_valid and not geom.is_empty, props["id"]
        west, south, east, north = geom.bounds
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90, props["id"]
        if props["layer"] == Layer.PLACES.value:
            assert props["id"].startswith("place:")
            assert props["kind"] in PLACE_KINDS
            # Curated regions and historical states have no GeoNames entry.
            if props["kind"] not in ("region", "historical"):
                assert isinstance(props["geonameid"], str) and props["geonameid"].isdigit()
            assert props["geonameids"] == [props["geonameid"]]
            assert props["mentions"] >= len(props["evidence"]) >= 1
            assert f["geometry"]["type"] == "Point"
        else:
            assert props["evidence"], f"fact {props['id']} has no evidence"
            assert props["id"].startswith(props["layer"] + ":")


def test_seed_places_and_facts(stories):
    story = stories["seed"]
    places = by_label(story)
    assert {"Afghanistan", "Russia", "Kabul", "Moscow", "Tajikistan", "Central Asia"} <= set(places)
    assert places["Kabul"]["kind"] == "city" and places["Kabul"]["geonameid"] == "1138958"
    assert places["Russia"]["mentions"] > places["Kabul"]["mentions"]
    facts = {f["properties"]["layer"] for f in story.features} - {Layer.PLACES.value}
    assert {"borders", "military_presence", "influence", "trafficking_routes"} <= facts


def test_focus_is_what_the_article_is_about(stories):
    places = by_label(stories["seed"])
    focus = {label for label, p in places.items() if p["focus"]}
    assert {"Afghanistan", "Russia", "Central Asia"} <= focus
    assert not focus & {"China", "Europe", "United States", "Washington"}
    assert len(focus) <= 5


def test_ids_are_stable_across_builds(articles, gazetteer, stories):
    again = build_story(articles["demo"], gazetteer=gazetteer)
    assert again.to_geojson() == stories["demo"].to_geojson()
    assert "place:1138958" in {f["properties"]["id"] for f in again.features}


def test_geodataframe_has_one_row_per_feature(stories):
    story = stories["demo"]
    gdf = story.to_geodataframe()
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == len(story.features)
    assert list(gdf["id"]) == [f["properties"]["id"] for f in story.features]
    assert json.loads(gdf["evidence"].iloc[0]) == story.features[0]["properties"]["evidence"]


def test_story_round_trips_through_a_file(stories, tmp_path):
    story = stories["demo"]
    written = story.save(tmp_path / "out" / "demo.html")
    assert written["geojson"] == tmp_path / "out" / "demo.geojson"
    assert written["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    loaded = Story.load(written["geojson"])
    assert loaded.data == story.data
    assert loaded.to_geojson() == written["geojson"].read_text(encoding="utf-8")


def _broken(story: Story, how: str) -> dict:
    data = copy.deepcopy(story.data)
    feature = data["features"][2]
    if how == "missing layer":
        del feature["properties"]["layer"]
    elif how == "bad geometry":
        feature["geometry"] = {"type": "Point", "coordinates": "here"}
    elif how == "moved evidence":
        feature["properties"]["evidence"][0]["start"] += 1
    return data


@pytest.mark.parametrize("how", ["missing layer", "bad geometry", "moved evidence"])
def test_invalid_story_names_the_feature(stories, how):
    story = stories["demo"]
    fid = story.features[2]["properties"]["id"]
    with pytest.raises(StoryError, match=rf"feature 2 \({re.escape(fid)}\)"):
        Story.from_geojson(_broken(story, how))


@pytest.mark.parametrize(
    "data", [[], {"type": "Feature"}, {"type": "FeatureCollection", "features": []}, "x"]
)
def test_not_a_story_is_refused(data):
    with pytest.raises(StoryError):
        Story.from_geojson(data)


def test_invalid_file_names_file_and_feature(stories, tmp_path):
    path = tmp_path / "edited.geojson"
    path.write_text(json.dumps(_broken(stories["demo"], "missing layer")), encoding="utf-8")
    with pytest.raises(StoryError, match=r"edited\.geojson: feature 2 .*layer"):
        Story.load(path)


def test_article_without_places_gives_an_empty_story(gazetteer):
    article = geomap.read_text("The committee met on Tuesday and agreed on a budget.\n")
    story = build_story(article, gazetteer=gazetteer)
    assert story.features == []
    Story.from_geojson(json.loads(story.to_geojson()))  # still a valid story


def test_article_naming_only_streets_builds(gazetteer):
    """Local news with no town in it: streets have no town to be placed in, and the
    story is still built (it raised "max() arg is an empty sequence")."""
    text = "Residents of Elm Street complained about potholes on Maple Avenue.\n"
    story = build_story(geomap.read_text(text), gazetteer=gazetteer)
    Story.from_geojson(json.loads(story.to_geojson()))


def test_article_with_places_but_no_themes_gives_places_only(gazetteer):
    article = geomap.read_text("A writer from Lisbon spent the summer in Porto.\n")
    story = build_story(article, gazetteer=gazetteer)
    assert {f["properties"]["layer"] for f in story.features} == {Layer.PLACES.value}
    assert {"Lisbon", "Porto"} <= set(by_label(story))


def test_fresh_builds_are_byte_identical(tmp_path):
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run / "demo.html"
        subprocess.run(
            [sys.executable, "-m", "geomap.cli", "build", str(DEMO), "-o", str(out)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        outs.append(out)
    a, b = outs
    assert a.read_bytes() == b.read_bytes()
    assert a.with_suffix(".geojson").read_bytes() == b.with_suffix(".geojson").read_bytes()
    assert b"place:1138958" in a.with_suffix(".geojson").read_bytes()
    assert str(tmp_path) not in a.read_text(encoding="utf-8")  # no paths leak into the page


def _mention(surface, place, kind="literal", start=0):
    from geomap.models import Mention, MentionKind

    return Mention(start, start + len(surface), surface, MentionKind(kind), place)


def test_display_names_are_the_articles_own_names():
    from geomap.geoparse import display_names
    from geomap.models import Place

    def place(name, kind="city", gid=None):
        return Place(gid or name, name, PlaceKind(kind), 0.0, 0.0)

    tigray, mekelle = place("Tigrai", "admin1"), place("Mek'ele")
    moscow, us, sudan = place("Moscow"), place("United States", "country"), place("Sudan")
    kabul, nl, hague = place("Kabul"), place("The Netherlands", "country"), place("The Hague")
    mentions = [
        _mention("Tigray region", tigray),  # a head word: the name is before it
        _mention("Tigray", tigray),
        _mention("Tigrayan", tigray, "adjective"),
        _mention("Mekele", mekelle),
        _mention("Mekelle", mekelle),  # a tie: the first form seen
        _mention("the Kremlin", moscow, "metonym"),  # a building standing for the city
        _mention("Kremlin", moscow),
        _mention("US", us),
        _mention("U.S.", us),
        _mention("American", us, "adjective"),
        _mention("Sudanese", sudan, "demonym"),
        _mention("Kabul airport", kabul),
        _mention("Royal Street", kabul),  # a street placed at the article's town
        _mention("Royal Street", kabul),
        _mention("the Netherlands", nl),
        _mention("The Hague", hague),  # "The" is part of its name
    ]
    assert display_names(mentions) == {
        "Tigrai": "Tigray",
        "Mek'ele": "Mekele",
        "Moscow": "Moscow",
        "United States": "United States",
        "Sudan": "Sudan",
        "Kabul": "Kabul",
        "The Netherlands": "Netherlands",
        "The Hague": "The Hague",
    }


def test_place_features_are_labelled_as_the_article_names_them(gazetteer):
    text = (
        "Eritrean troops left Tigray.\n\n"
        "Residents of Mekelle, the capital of Tigray, said the soldiers had gone. "
        "Residents of El-Geneina in Sudan fled to Chad.\n"
    )
    story = build_story(geomap.read_text(text), gazetteer=gazetteer)
    places = by_label(story)
    assert {"Tigray", "Mekelle", "El-Geneina"} <= set(places)
    assert places["Tigray"]["gazetteer_name"] == "Tigrai"
    assert places["Tigray"]["places"] == ["Tigray"]
    assert places["Mekelle"]["gazetteer_name"] == "Mek'ele"
    names = {n for f in story.features for n in f["properties"]["places"]}
    assert not {"Tigrai", "Mek'ele", "Al-Junaynah"} & names  # fact features too
