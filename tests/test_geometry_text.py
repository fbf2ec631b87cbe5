"""Geometry that follows the text: seas, rings "around" a place, routes, named towns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, Point

from geomap import countries, geometry
from geomap.models import Evidence, Fact, Layer, Place, PlaceKind

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "geomap" / "data"


def _place(name, kind, lat, lon, code=None, members=()):
    return Place(None, name, kind, lat, lon, country_code=code, members=members)


def _region(key: str) -> Place:
    with (DATA / "curated" / "regions.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        row = next(r for r in rows if r["key"] == key)
    kind = PlaceKind(row["kind"])
    members = tuple(row["members"].split("|")) if row["members"] else ()
    return _place(row["name"], kind, float(row["lat"]), float(row["lon"]), members=members)


def _fact(layer, shape, places, text, actors=()):
    return Fact(layer, "test", tuple(places), (Evidence(text, 0, len(text)),), shape, tuple(actors))


TAIWAN = _place("Taiwan", PlaceKind.COUNTRY, 23.7, 121.0, "TW")
CHINA = _place("China", PlaceKind.COUNTRY, 35.0, 105.0, "CN")
JAPAN = _place("Japan", PlaceKind.COUNTRY, 36.0, 138.0, "JP")
ARMENIA = _place("Armenia", PlaceKind.COUNTRY, 40.25, 45.0, "AM")
AZERBAIJAN = _place("Azerbaijan", PlaceKind.COUNTRY, 40.5, 47.5, "AZ")
TURKEY = _place("Turkey", PlaceKind.COUNTRY, 39.0, 35.0, "TR")
AFGHANISTAN = _place("Afghanistan", PlaceKind.COUNTRY, 33.0, 66.0, "AF")
RUSSIA = _place("Russia", PlaceKind.COUNTRY, 60.0, 100.0, "RU")
IRAN = _place("Iran", PlaceKind.COUNTRY, 32.0, 53.0, "IR")
YEMEN = _place("Yemen", PlaceKind.COUNTRY, 15.5, 47.5, "YE")
NIGER = _place("Niger", PlaceKind.COUNTRY, 17.6, 8.1, "NE")
LIBYA = _place("Libya", PlaceKind.COUNTRY, 27.0, 17.0, "LY")
MALI = _place("Mali", PlaceKind.COUNTRY, 17.0, -4.0, "ML")
SAHARA_YEMEN = _place("Sahara", PlaceKind.CITY, 15.9, 43.6, "YE")  # a namesake village
LITHUANIA = _place("Lithuania", PlaceKind.COUNTRY, 56.0, 24.0, "LT")
RUKLA = _place("Rukla", PlaceKind.CITY, 55.03, 24.38, "LT")
WASHINGTON = _place("Washington", PlaceKind.CITY, 38.9, -77.04, "US")


def _water_share(geom) -> float:
    return countries.at_sea(geom).area / geom.area


def _on(code: str, geom) -> float:
    """Share of ``geom`` inside a country."""
    return countries.country_shape(code).intersection(geom).area / geom.area


def test_marine_shapes_are_shipped_for_the_gazetteers_seas():
    text = (DATA / "marine.geojson").read_text(encoding="utf-8")
    assert len(text.encode()) <= 310_000
    names = {f["properties"]["name"] for f in json.loads(text)["features"]}
    for sea in ("Sea of Japan", "Taiwan Strait", "Strait of Hormuz", "Atlantic Ocean", "Bosphorus"):
        assert sea in names
    japan_sea = countries.marine_shape("sea  of JAPAN")
    assert japan_sea is not None and japan_sea.is_valid
    assert japan_sea.contains(Point(135.0, 40.0))
    assert not japan_sea.intersects(Point(139.7, 35.7))  # Tokyo
    assert countries.marine_shape("Danube") is None
    assert countries.marine_shape("Strait of Hormuz").contains(Point(56.3, 26.5))


def test_drills_in_a_named_sea_fill_that_sea():
    sea = _region("sea-of-japan")
    fact = _fact(
        Layer.MILITARY_DRILLS,
        "zone",
        [sea, CHINA, RUSSIA],
        "China and Russia started joint drills in the Sea of Japan.",
        actors=(CHINA, RUSSIA),
    )
    drawn = geometry.fact_geometry(fact)
    assert drawn.area > 50  # the sea, not a circle round its label point
    assert _water_share(drawn) > 0.95  # neither China nor Russia is shaded


def test_drills_around_an_island_are_a_ring_of_water():
    fact = _fact(
        Layer.MILITARY_DRILLS,
        "zone",
        [TAIWAN],
        "China says it launches military exercises around Taiwan.",
        actors=(CHINA,),
    )
    drawn = geometry.fact_geometry(fact)
    assert _water_share(drawn) > 0.95
    assert _on("CN", drawn) < 0.02 and _on("TW", drawn) < 0.02
    # it surrounds the island: water on every side of it
    centre = countries.country_shape("TW").centroid
    for dx, dy in ((1.2, 0), (-1.2, 0), (0, 1.5), (0, -1.5)):
        assert drawn.intersects(Point(centre.x + dx, centre.y + dy))
    # the same fact without "around" is drawn as the island, as before
    plain = _fact(Layer.MILITARY_DRILLS, "zone", [TAIWAN], "China held drills in Taiwan.")
    assert _on("TW", geometry.fact_geometry(plain)) > 0.9


def test_drills_in_waters_near_several_places_are_at_sea():
    peninsula = _region("korean-peninsula")
    text = "The drills in waters near Japan and the Korean Peninsula are likely a counter."
    fact = _fact(Layer.MILITARY_DRILLS, "zone", [JAPAN, peninsula], text)
    drawn = geometry.fact_geometry(fact)
    assert _water_share(drawn) > 0.95
    assert drawn.intersects(Point(137.0, 37.8)) and drawn.intersects(Point(124.5, 37.0))


def test_drills_near_a_country_on_land_are_on_the_actors_side():
    fact = _fact(
        Layer.MILITARY_DRILLS,
        "zone",
        [ARMENIA],
        "Azerbaijan, Turkey hold joint military drills near Armenia",
        actors=(AZERBAIJAN, TURKEY),
    )
    drawn = geometry.fact_geometry(fact)
    assert _on("AM", drawn) < 0.01
    assert _on("AZ", drawn) + _on("TR", drawn) > 0.95


def test_naval_drills_of_a_country_are_in_its_waters():
    text = "China staged a combat drill with aircraft and warships off the island's south."
    drawn = geometry.fact_geometry(_fact(Layer.MILITARY_DRILLS, "zone", [CHINA], text))
    assert _water_share(drawn) > 0.95
    assert drawn.area < 0.2 * countries.country_shape("CN").area


def test_heroin_route_stays_on_the_named_land():
    central_asia, europe = _region("central-asia"), _region("europe")
    places = [AFGHANISTAN, central_asia, RUSSIA, europe]
    text = "Heroin goes from Afghanistan through Central Asia and Russia to Europe."
    line = geometry.fact_geometry(_fact(Layer.TRAFFICKING_ROUTES, "route", places, text))
    assert isinstance(line, LineString) and line.is_valid
    named = countries.union_shape(["AF", *central_asia.members, "RU", *europe.members])
    assert named.buffer(0.2).contains(line)
    for sea in ("Caspian Sea", "Black Sea"):
        assert not countries.marine_shape(sea).buffer(-0.3).intersects(line), sea
    for code in ("IR", "GE", "AZ", "AM", "TR"):  # the Caucasus and Iran are not named
        assert not countries.buffer_shape_km(countries.country_shape(code), -25).intersects(line)
    # before: a curve straight across the Caspian and the Caucasus
    old = geometry.route_line(geometry._route_stops(places))
    assert countries.marine_shape("Caspian Sea").intersects(old)


def test_route_by_boat_keeps_to_the_sea():
    text = "Rifles smuggled aboard a fishing boat in a sea lane from Iran to Yemen."
    line = geometry.fact_geometry(_fact(Layer.TRAFFICKING_ROUTES, "route", [IRAN, YEMEN], text))
    for code in ("SA", "OM", "AE"):
        inland = countries.buffer_shape_km(countries.country_shape(code), -25)
        assert not inland.intersects(line), code
    # overland, Iran and Yemen do not connect: the path crosses the land between (at a
    # price, so as little of it as it can), not the Gulf
    land = _fact(Layer.TRAFFICKING_ROUTES, "route", [IRAN, YEMEN], "from Iran to Yemen")
    overland = geometry.fact_geometry(land)
    assert not countries.marine_shape("Persian Gulf").buffer(-0.2).intersects(overland)
    assert countries.country_shape("SA").intersects(overland)


def test_a_far_away_namesake_stop_is_left_out(caplog):
    places = [MALI, NIGER, SAHARA_YEMEN, LIBYA]
    with caplog.at_level("INFO", logger="geomap.geometry"):
        line = geometry.fact_geometry(
            _fact(Layer.TRAFFICKING_ROUTES, "route", places, "from Mali via Niger to Libya")
        )
    assert line.bounds[2] < 30.0  # never reaches Yemen
    assert "Sahara" in caplog.text
    # two stops are never judged far: there is nothing to compare with
    pair = geometry.fact_geometry(_fact(Layer.TRAFFICKING_ROUTES, "route", [NIGER, YEMEN], "x"))
    assert pair.bounds[2] > 40.0


@pytest.mark.parametrize(
    ("places", "where"),
    [
        ((LITHUANIA, RUKLA), (24.38, 55.03)),  # a brigade at a named base
        ((RUKLA, LITHUANIA), (24.38, 55.03)),
        ((AFGHANISTAN, WASHINGTON), (66.0, 33.0)),  # Washington sends, Afghanistan hosts
        ((LITHUANIA,), (24.0, 56.0)),
    ],
)
def test_presence_stands_at_the_named_town_in_the_host(places, where):
    fact = _fact(Layer.MILITARY_PRESENCE, "point", places, "troops")
    assert geometry.fact_geometry(fact).equals(Point(*where))


def test_zone_is_the_union_of_the_named_members_only():
    central_asia = _region("central-asia")
    fact = _fact(Layer.INFLUENCE, "zone", [central_asia], "Russia's sway over Central Asia")
    drawn = geometry.fact_geometry(fact)
    expected = countries.union_shape(central_asia.members)
    assert shapely.symmetric_difference(drawn, expected).area < 0.01 * expected.area


def test_near_is_a_ring_for_drills_only():
    kabul = _place("Kabul", PlaceKind.CITY, 34.53, 69.18, "AF")
    text = "Fighting raged near Kabul."
    fighting = geometry.fact_geometry(_fact(Layer.CONFLICT, "zone", [kabul], text))
    assert fighting.contains(Point(69.18, 34.53))
    drills = geometry.fact_geometry(
        _fact(Layer.MILITARY_DRILLS, "zone", [kabul], "drills near Kabul")
    )
    assert not drills.contains(Point(69.18, 34.53))


def test_only_the_legs_without_a_named_path_fall_back_to_a_curve():
    # Syria -> Jordan connect on land; Jordan -> Yemen do not without Saudi Arabia
    syria = _place("Syria", PlaceKind.COUNTRY, 35.0, 38.0, "SY")
    jordan = _place("Jordan", PlaceKind.COUNTRY, 31.0, 36.0, "JO")
    text = "smuggled from Syria through Jordan to Yemen"
    line = geometry.fact_geometry(
        _fact(Layer.TRAFFICKING_ROUTES, "route", [syria, jordan, YEMEN], text)
    )
    assert line.coords[0] == (38.0, 35.0) and line.coords[-1] == (47.5, 15.5)
    first_leg = countries.union_shape(["SY", "JO"]).buffer(0.2)
    assert first_leg.contains(LineString(line.coords[:13]))


@pytest.mark.parametrize(
    ("text", "name", "near"),
    [
        ("China launches military exercises around Taiwan", "Taiwan", True),
        ("forces sent to surround Taiwan for drills", "Taiwan", True),
        ("drills in waters near Japan and the Korean Peninsula", "Korean Peninsula", True),
        ("a boat intercepted off the coast of Oman", "Oman", True),
        ("live fire off Taiwan", "Taiwan", True),
        ("Seoul called off the drills with Japan", "Japan", False),
        ("drills along with Japan", "Japan", False),
        ("drills near the border. Japan protested", "Japan", False),
        ("drills in Japan", "Japan", False),
    ],
)
def test_said_near(text, name, near):
    assert geometry.said_near(_place(name, PlaceKind.COUNTRY, 0.0, 0.0), text) is near


def test_a_route_to_a_place_without_members_crosses_land_not_sea():
    # GeoNames' "Europe" has no member list: Russia -> Europe is not named all the way, so
    # the leg crosses the land between (Belarus, Poland) rather than the Black Sea
    europe = _place("Europe", PlaceKind.CONTINENT, 48.69, 9.14)
    places = [AFGHANISTAN, _region("central-asia"), RUSSIA, europe]
    text = "Heroin goes from Afghanistan through Central Asia and Russia to Europe."
    line = geometry.fact_geometry(_fact(Layer.TRAFFICKING_ROUTES, "route", places, text))
    for sea in ("Caspian Sea", "Black Sea", "Sea of Azov"):
        assert not countries.marine_shape(sea).buffer(-0.3).intersects(line), sea
    assert countries.at_sea(line).length < 0.02 * line.length
