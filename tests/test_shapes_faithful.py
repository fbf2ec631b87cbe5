"""Every fact of every themes article is drawn where its text puts it (issue 10, Targets).

The stories of ``../shared/themes`` are built in this process (one gazetteer load) and
each fact's geometry is checked against its own evidence, with these tolerances:

* **No country the evidence does not name.** A country counts as named when a resolved
  mention inside the fact's evidence is the country, a place in it, or a region it belongs
  to (a name, a demonym, a capital). An area covers a country when more than
  ``COVER_SHARE`` of the country, or of the area, lies in it; a point must not stand in it
  (coasts snap within 10 km). A fact whose evidence names no country at all ("this poor
  country": the place comes from the sentences before) has nothing to be checked against.
* **No route through a country the text does not name**, where a path avoiding it exists:
  the route may not run inside an unnamed country eroded by ``EDGE_KM`` (simplified
  coasts and borders move by a few km) unless the named countries (and the sea, when the
  text goes by boat) do not connect the route's ends.
* **Every drill at sea is drawn at sea**: when the evidence speaks of warships, navies,
  waters or a named sea, at most ``LAND_SHARE`` of the drawn area is land.

Each check is a plain function, and ``test_checks_can_fail`` shows each one failing on
the shapes drawn before this rule (a drill "around Taiwan" as Taiwan, a boat route from
Iran to Yemen cut across Arabia).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

from geomap import countries
from geomap.models import Mention, PlaceKind

THEMES = Path(__file__).resolve().parent.parent.parent / "shared" / "themes"
COVER_SHARE = 0.2
EDGE_KM = 25.0
LAND_SHARE = 0.25
AREA_KINDS = {PlaceKind.REGION, PlaceKind.CONTINENT, PlaceKind.HISTORICAL}
AT_SEA = re.compile(
    r"\b(naval|navy|warships?|waters|at sea|sea-air|maritime)\b", flags=re.IGNORECASE
)
BY_SEA = re.compile(r"\b(by sea|boats?|ships?|sea lanes?|vessels?|dhows?)\b", re.IGNORECASE)


def named_codes(evidence: Sequence[dict], mentions: Sequence[Mention]) -> set[str]:
    """ISO-2 codes the evidence names: countries, places in them, regions' members."""
    codes: set[str] = set()
    for item in evidence:
        for m in mentions:
            if m.place is None or not (item["start"] <= m.start and m.end <= item["end"]):
                continue
            if m.place.kind in AREA_KINDS:
                codes.update(code.upper() for code in m.place.members)
            elif m.place.country_code and (
                # a territory (the Gaza Strip) lies in its country; a sea in none
                m.place.kind is not PlaceKind.FEATURE
                or countries.marine_shape(m.place.name) is None
            ):
                codes.add(m.place.country_code.upper())
    return codes


def named_seas(evidence: Sequence[dict], mentions: Sequence[Mention]) -> bool:
    """Does the evidence name a sea, gulf or strait that has a polygon?"""
    return any(
        m.place is not None
        and m.place.kind is PlaceKind.FEATURE
        and countries.marine_shape(m.place.name) is not None
        and any(e["start"] <= m.start and m.end <= e["end"] for e in evidence)
        for m in mentions
    )


def _eroded(code: str) -> BaseGeometry:
    return countries.buffer_shape_km(countries.country_shape(code), -EDGE_KM)


def covered_unnamed(geom: BaseGeometry, named: set[str]) -> list[str]:
    """Countries an area or point covers that the evidence does not name."""
    if isinstance(geom, LineString) or geom.geom_type == "MultiLineString":
        return []
    if geom.area == 0:
        point = geom.representative_point()
        code = countries.country_at(point.y, point.x)
        return [code] if code is not None and code not in named else []
    found = []
    for code in countries.country_codes():
        if code in named:
            continue
        land = countries.country_shape(code)
        if not land.intersects(geom):
            continue
        inside = land.intersection(geom).area
        if inside > COVER_SHARE * land.area or inside > COVER_SHARE * geom.area:
            found.append(code)
    return found


def _connected(ends: Sequence[Point], allowed: BaseGeometry) -> bool:
    parts = shapely.get_parts(allowed.buffer(0.05))
    return any(all(part.intersects(end) for end in ends) for part in parts)


def crossed_unnamed(line: BaseGeometry, named: set[str], *, by_sea: bool) -> list[str]:
    """Unnamed countries a route runs through although the named ones connect its ends."""
    coords = shapely.get_coordinates(line)
    ends = [Point(coords[0]), Point(coords[-1])]
    allowed = countries.union_shape(named) or shapely.GeometryCollection()
    if by_sea:
        box = shapely.box(*line.buffer(10.0).bounds)
        allowed = allowed.union(countries.at_sea(box))
    if allowed.is_empty or not _connected(ends, allowed):
        return []  # no path inside the named places: crossing another is unavoidable
    return [
        code
        for code in countries.country_codes()
        if code not in named
        and countries.country_shape(code).intersects(line)
        and _eroded(code).intersects(line)
    ]


def land_share(geom: BaseGeometry) -> float:
    """The part of a drawn area (or point) that lies on land."""
    if geom.area == 0:
        point = geom.representative_point()
        return 0.0 if countries.country_at(point.y, point.x, tolerance_km=0) is None else 1.0
    return 1.0 - countries.at_sea(geom).area / geom.area


@pytest.fixture(scope="module")
def stories(parser) -> list[tuple[str, dict, list[Mention]]]:
    """(article file, story GeoJSON, mentions) for every themes article."""
    if not (THEMES / "index.json").exists():
        pytest.skip(f"no themes articles at {THEMES}")
    import geomap
    from geomap.geoparse import geoparse

    built = []
    for entry in json.loads((THEMES / "index.json").read_text(encoding="utf-8")):
        article = geomap.read(THEMES / entry["file"])
        mentions = geoparse(article, parser=parser)
        story = geomap.build_story(article, mentions=mentions, gazetteer=parser.gazetteer)
        built.append((entry["file"], json.loads(story.to_geojson()), list(mentions)))
    return built


def _facts(stories) -> Iterator[tuple[str, dict, BaseGeometry, list[Mention]]]:
    for name, story, mentions in stories:
        for feature in story["features"]:
            if feature["properties"]["layer"] != "places":
                yield name, feature["properties"], shape(feature["geometry"]), mentions


def test_stories_have_facts_of_every_checked_kind(stories):
    layers = {props["layer"] for _, props, _, _ in _facts(stories)}
    assert {"military_drills", "trafficking_routes", "military_presence"} <= layers


def test_no_fact_covers_a_country_its_evidence_does_not_name(stories):
    wrong = []
    for name, props, geom, mentions in _facts(stories):
        named = named_codes(props["evidence"], mentions)
        extra = covered_unnamed(geom, named) if named else []
        if extra:
            wrong.append((name, props["id"], extra))
    assert wrong == []


def test_no_route_through_a_country_the_text_does_not_name(stories):
    wrong, routes = [], 0
    for name, props, geom, mentions in _facts(stories):
        if props["layer"] != "trafficking_routes":
            continue
        routes += 1
        text = " ".join(e["text"] for e in props["evidence"])
        named = named_codes(props["evidence"], mentions)
        extra = crossed_unnamed(geom, named, by_sea=bool(BY_SEA.search(text)))
        if extra:
            wrong.append((name, props["id"], extra))
    assert routes >= 3
    assert wrong == []


def test_every_drill_at_sea_is_drawn_at_sea(stories):
    wrong, at_sea = [], 0
    for name, props, geom, mentions in _facts(stories):
        if props["layer"] != "military_drills":
            continue
        text = " ".join(e["text"] for e in props["evidence"])
        if not (AT_SEA.search(text) or named_seas(props["evidence"], mentions)):
            continue
        at_sea += 1
        if land_share(geom) > LAND_SHARE:
            wrong.append((name, props["id"], round(land_share(geom), 2)))
    assert at_sea >= 3  # the Sea of Japan, Taiwan and "waters near Japan" drills at least
    assert wrong == []


def test_checks_can_fail():
    """Each check flags the shapes drawn before this rule."""
    taiwan, china = countries.country_shape("TW"), countries.country_shape("CN")
    # drills "around Taiwan" drawn as Taiwan's land, or as China's
    assert land_share(taiwan) > LAND_SHARE
    assert covered_unnamed(china, {"TW"}) == ["CN"]
    assert covered_unnamed(taiwan, {"TW", "CN"}) == []
    # a boat route from Iran to Yemen drawn straight across Saudi Arabia
    across = LineString([(53.0, 32.0), (50.0, 24.0), (47.5, 15.5)])
    assert "SA" in crossed_unnamed(across, {"IR", "YE"}, by_sea=True)
    # ... but a land route between places the named countries cannot connect is let be
    assert crossed_unnamed(across, {"IR", "YE"}, by_sea=False) == []
    # a point in a country the text never names
    assert covered_unnamed(Point(2.35, 48.85), {"DE"}) == ["FR"]
