"""Doubt shown, never hidden: unsure places say why, unplaced names are all listed.

The mentions are made by hand, so each case is exactly the geoparser's output it stands
for: a street put at the article's main town (no rival candidate, confidence 0.3), a
close call between two readings, a name that could not be placed (``place=None``).
"""

from __future__ import annotations

import geomap
from geomap.models import Candidate, Mention, MentionKind, Place, PlaceKind
from geomap.story import Story, build_story

TEXT = (
    "Soldiers left Air Base near Bamako on Monday. Bamako was calm.\n"
    "Officials in Georgia met envoys from Xyzabad and Xyzabad.\n"
)
BAMAKO = Place("2460596", "Bamako", PlaceKind.CITY, 12.65, -8.0, "ML")
GEORGIA = Place("614540", "Georgia", PlaceKind.COUNTRY, 42.0, 43.5, "GE")
GEORGIA_US = Place("4197000", "Georgia", PlaceKind.ADMIN1, 32.75, -83.5, "US")


def mention(surface: str, nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    kw.setdefault("kind", MentionKind.LITERAL)
    kw.setdefault("place", None)
    return Mention(start, start + len(surface), surface, **kw)


def story() -> Story:
    mentions = [
        mention("Air Base", place=BAMAKO, confidence=0.3),  # put at the main town
        mention("Bamako", place=BAMAKO),
        mention("Bamako", 1, place=BAMAKO),
        mention(
            "Georgia", place=GEORGIA, confidence=0.34, alternatives=(Candidate(GEORGIA_US, 0.31),)
        ),
        mention("Xyzabad", confidence=0.0),
        mention("Xyzabad", 1, confidence=0.0),
    ]
    return build_story(geomap.read_text(TEXT), mentions=mentions, facts=[])


def places() -> dict[str, dict]:
    return {f["properties"]["label"]: f["properties"] for f in story().features}


def test_a_name_put_at_the_main_town_is_a_doubtful_feature_of_its_own():
    props = places()
    assert props["Air Base"]["doubt"] == (
        "placed at the article's main town Bamako: 'Air Base' is not in the gazetteer"
    )
    assert props["Air Base"]["geonameid"] == BAMAKO.geonameid
    assert props["Air Base"]["focus"] is False
    assert "doubt" not in props["Bamako"]  # the town itself stays sure
    assert props["Bamako"]["mentions"] == 2 and props["Bamako"]["surfaces"] == ["Bamako"]


def test_a_close_call_names_its_runner_up():
    doubt = places()["Georgia"]["doubt"]
    assert doubt == "a guess: 34% sure, runner-up Georgia (a province or state of United States)"


def test_every_unplaced_name_is_listed_with_its_count():
    s = story()
    assert s.data["unresolved"] == [{"name": "Xyzabad", "count": 2}]
    assert "Xyzabad" not in places()
    Story.from_geojson(s.data)  # still a valid story


def test_a_sure_place_has_no_doubt(gazetteer):
    built = build_story(
        geomap.read_text("Kabul is the capital of Afghanistan.\n"), gazetteer=gazetteer
    )
    assert built.features and not any("doubt" in f["properties"] for f in built.features)
