"""Rivers and physical regions from Natural Earth (``physical.tsv``, built by
geodata/build_physical.py): found under the forms news uses, near where they are, and
never under a name a place already has."""

from __future__ import annotations

import json
from pathlib import Path

from geopy.distance import great_circle
from shapely.geometry import LineString, Point, box, mapping

from geodata_scripts import load
from geomap.gazetteer import build, index


def _features(gazetteer, name: str) -> list:
    return [p for p in gazetteer.lookup(name) if p.kind.value == "feature"]


def _near(place, lat: float, lon: float, km: float) -> bool:
    return great_circle((place.lat, place.lon), (lat, lon)).km <= km


def test_rivers_are_found_near_where_they_flow(gazetteer):
    # at the river's mouth, where GeoNames (and so the gold standards) puts a stream
    for name, (lat, lon) in {
        "Cauvery": (11.14, 79.85),  # Poompuhar, on the Bay of Bengal
        "Cauvery River": (11.14, 79.85),
        "River Cauvery": (11.14, 79.85),
        "Brahmaputra": (23.8, 89.8),  # where it meets the Ganges
        "Irrawaddy River": (16.0, 95.2),  # its delta
        "Zambezi River": (-18.8, 36.3),  # its delta
    }.items():
        found = _features(gazetteer, name)
        assert found and found[0].raw["key"].startswith("river:"), name
        assert _near(found[0], lat, lon, 200), (name, found[0])
    assert gazetteer.get("river:cauvery").country_code == "IN"


def test_regional_rivers_are_in_the_shipped_gazetteer(gazetteer):
    # Natural Earth's North American and European supplements: at their mouths
    for name, (lat, lon) in {
        "Great Miami River": (39.09, -84.82),  # into the Ohio below Cincinnati
        "Licking River": (39.09, -84.51),  # into the Ohio at Newport, Kentucky
        "River Swale": (54.1, -1.35),  # into the Ure, North Yorkshire
    }.items():
        found = _features(gazetteer, name)
        assert found and found[0].raw["key"].startswith("stream:"), name
        assert _near(found[0], lat, lon, 100), (name, found[0])
    assert not _features(gazetteer, "Red Rock")  # a regional river has no bare name


def test_namesake_rivers_of_one_country_are_apart(gazetteer):
    """The Red River of the North (Fargo, Winnipeg) is no part of the Red River of the
    South: sharing the United States made them one river with its point in Louisiana,
    2,000 km from "the Red River crested in Fargo". The North's point is half-way along
    it (its mouth is on Lake Winnipeg, no sea nor river)."""
    found = _features(gazetteer, "Red River")
    north = [p for p in found if p.lat > 45 and "US" in p.members]
    assert north and _near(north[0], 46.9, -96.8, 300), found  # Fargo
    south = [p for p in found if p.raw["key"] == "river:red"]
    assert south and _near(south[0], 31.0, -91.7, 100) and "CA" not in south[0].members
    # the Amazon's Rio Negro is at Manaus, not at the mouth of Uruguay's
    (negro,) = [p for p in _features(gazetteer, "Negro River") if p.raw["key"] == "river:negro"]
    assert _near(negro, -3.1, -59.9, 100)


def test_a_river_named_like_a_word_or_a_town_needs_river(gazetteer):
    # "Orange" is a word and a town: only "Orange River" is the river
    assert not _features(gazetteer, "Orange")
    (orange,) = _features(gazetteer, "Orange River")
    assert orange.raw["key"] == "river:orange" and _near(orange, -28.5, 21.0, 600)
    assert set(orange.members) >= {"NA", "ZA"} and orange.country_code is None
    for bare in ("Congo", "Amazon", "Colorado", "Red", "Snake"):
        assert not [p for p in _features(gazetteer, bare) if p.raw["key"].startswith("river:")]
    assert _features(gazetteer, "Congo River") and _features(gazetteer, "Amazon River")


def test_physical_regions_are_found(gazetteer):
    (appalachians,) = _features(gazetteer, "Appalachian Mountains")
    assert appalachians.raw["key"] == "physical:appalachian-mountains"
    assert "US" in appalachians.members and _near(appalachians, 38.0, -80.0, 600)
    assert _features(gazetteer, "Appalachians") == [appalachians]
    for name, (lat, lon) in {
        "Himalayas": (28.0, 84.0),
        "Gobi Desert": (43.0, 105.0),
        "Hindu Kush": (35.5, 70.5),
        "Tibetan Plateau": (33.0, 88.0),
    }.items():
        found = _features(gazetteer, name)
        assert found and found[0].raw["key"].startswith("physical:"), name
        assert _near(found[0], lat, lon, 600), (name, found[0])


def test_a_regions_label_has_no_umlaut_for_a_macron(gazetteer):
    """Natural Earth writes Japan's and Hawaii's macrons as umlauts ("HONSHÜ",
    "Läna‘i"): the label is the English name news uses."""
    for name in ("Honshu", "Kyushu", "Ryukyu Islands", "Lanai"):
        (island,) = _features(gazetteer, name)
        assert island.name == name


def test_curated_features_win(gazetteer):
    # the Natural Earth rows of curated rivers and regions are left out
    assert gazetteer.get("river:cauvery") is not None
    for key in ("river:euphrates", "river:nile", "river:mekong", "physical:sahel"):
        assert gazetteer.get(key) is None, key
    assert [p.raw["key"] for p in _features(gazetteer, "Euphrates")] == ["euphrates"]


def test_form_rules():
    taken, given = {"orange", "thames", "st paul"}, {"lena"}
    assert build._physical_form("Orange River", taken, given)
    assert build._physical_form("River Orange", taken, given)
    assert build._physical_form("Cauvery", taken, given)
    assert not build._physical_form("Orange", taken, given)  # a town's name
    assert not build._physical_form("Thames", taken, given)
    assert not build._physical_form("Amazon", taken, given)  # an everyday word
    assert not build._physical_form("Lena", taken, given)  # a given name
    taken.add("long island")  # a town's name, a far province's: the island is a reading
    assert build._physical_form("Long Island", taken, given)
    assert not build._physical_form("Long Island", taken, given, {"long island"})
    assert not build._physical_form("Omo", taken, given)  # too short
    assert not build._physical_form("St. Paul", taken, given)  # "St. Paul" is a town's
    assert build._physical_form("St. Paul River", taken, given)
    # a name only villages bear is free for the feature
    assert build._physical_form("Thames", taken, given, free={"thames"})
    # "Cape X" is the cape's beside a far town of its name, as "Mount X" is the mountain's,
    # but not a country's name ("Cape Verde") nor that of a town on the cape
    taken |= {"cape horn", "cape verde"}
    assert build._physical_form("Cape Horn", taken, given)
    assert not build._physical_form("Cape Verde", taken, given, {"cape verde"})


def test_a_name_only_villages_bear_is_the_features_too(parser):
    """The Volga, the Ganges, the Elbe, Luzon and Patagonia were no places (villages of a
    few thousand bear the names: Volga, South Dakota; Luzon in Mindanao) or those
    villages ("Glaciers in Patagonia" was Arizona); a bigger town keeps its name
    ("Winnipeg" is the city, not the river beside it)."""
    text = (
        "Barges sailed down the Volga to Astrakhan. Pilgrims bathed in the Ganges at "
        "Varanasi. Warships held drills near Luzon. Glaciers in Patagonia are melting."
    )
    got = {m.surface: m.place.kind.value for m in parser.parse(text)}
    assert got == {
        "Volga": "feature",
        "Astrakhan": "city",
        "Ganges": "feature",
        "Varanasi": "city",
        "Luzon": "feature",
        "Patagonia": "feature",
    }
    (winnipeg,) = parser.parse("Firefighters in Winnipeg said.")
    assert winnipeg.place.kind.value == "city"


def test_parse_finds_the_river(parser):
    mentions = parser.parse("Farmers along the Cauvery depend on its water.")
    assert [(m.surface, m.place.raw["key"]) for m in mentions] == [("Cauvery", "river:cauvery")]


def test_physical_tsv_is_part_of_the_cache_key(tmp_path, monkeypatch):
    data, curated = tmp_path / "data", tmp_path / "curated"
    data.mkdir()
    curated.mkdir()
    monkeypatch.setattr(index.build, "data_dir", lambda: data)
    (data / "physical.tsv").write_text("key\tname\n", encoding="utf-8")
    before = index._source_digest(curated)
    (data / "physical.tsv").write_text("key\tname\nriver:x\tX\n", encoding="utf-8")
    assert index._source_digest(curated) != before


def _builder():
    return load("build_physical")


def _built_rows(folder: Path) -> list[list[str]]:
    """The rows of the ``physical.tsv`` a test built into ``folder``, its header left out."""
    lines = (folder / "physical.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines]


def _collection(path: Path, features: list[tuple[dict, object]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": props, "geometry": mapping(geometry)}
                    for props, geometry in features
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def test_build_script_is_deterministic(tmp_path):
    builder = _builder()
    river = {"featurecla": "River", "scalerank": 7}
    rivers = _collection(
        tmp_path / "rivers.json",
        [
            # one river in two touching parts, a lake centerline, a river with no name,
            # and two namesakes far apart (India and Brazil)
            ({**river, "name": "Cauvery"}, LineString([(76.0, 12.3), (77.5, 11.5)])),
            ({**river, "name": "Cauvery"}, LineString([(77.5, 11.5), (79.8, 11.0)])),
            ({"featurecla": "Lake Centerline", "name": "Kama"}, LineString([(50, 56), (52, 56)])),
            ({**river, "name": None}, LineString([(10, 50), (11, 50)])),
            ({**river, "name": "Verde"}, LineString([(75.0, 20.0), (76.0, 21.0)])),
            ({**river, "name": "Verde"}, LineString([(-50.0, -20.0), (-49.0, -19.0)])),
        ],
    )
    regions = _collection(
        tmp_path / "regions.json",
        [
            ({"featurecla": "Range/mtn", "name": "APPALACHIAN MTS."}, box(-82, 35, -78, 40)),
            ({"featurecla": "Island", "name": "Honshu"}, box(135, 34, 140, 38)),
            ({"featurecla": "Island group", "name": "Aru Is."}, box(134, -7, 135, -5)),
            ({"featurecla": "Coast", "name": "Skeleton Coast"}, box(12, -20, 13, -17)),
            ({"featurecla": "Pen/cape", "name": "FLORIDA"}, box(-82, 26, -80, 30)),
            ({"featurecla": "Pen/cape", "name": "Kola Pen."}, box(33, 67, 40, 69)),
        ],
    )
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    counts = builder.build(rivers, regions, first)
    builder.build(rivers, regions, second)
    text = (first / "physical.tsv").read_bytes()
    assert text == (second / "physical.tsv").read_bytes()
    lines = text.decode("utf-8").splitlines()
    assert lines[0].split("\t") == list(builder.HEADER) and lines[1:] == sorted(lines[1:])
    rows = {r.split("\t")[0]: r.split("\t") for r in lines[1:]}
    assert set(rows) == {
        "river:cauvery",
        "river:verde",
        "river:verde-br",
        "physical:appalachian-mountains",
        "physical:aru-islands",  # "Is." written out
        "physical:honshu",
        "physical:kola-peninsula",
    }  # no coast, no cape named like a state ("FLORIDA")
    assert counts == {
        "rivers": 3,
        "regions": 4,
        "lakes": 0,
        "peaks": 0,
        "capes": 0,
        "parks": 0,
        "forms": 14,
    }
    _, name, forms, lat, lon, cc, members = rows["river:cauvery"]
    assert name == "Cauvery" and forms == "Cauvery|Cauvery River|River Cauvery"
    assert cc == "IN" and members == "IN" and len(lat.split(".")[1]) == 4
    assert (float(lon), float(lat)) == (79.8, 11.0)  # its mouth: the end at the sea
    assert rows["physical:appalachian-mountains"][1:3] == [
        "Appalachian Mountains",
        "Appalachian Mountains|Appalachians",
    ]
    assert rows["physical:appalachian-mountains"][5:] == ["US", "US"]


def test_parts_of_one_name_and_country_are_one_only_where_joined(tmp_path):
    """Parts of one name farther apart than 1° are one river where the source joins them:
    a lake centerline of that name (its reservoir, here ending 0.2° short as the
    Tocantins' does) or a line running end to end between them (the Lualaba's middle,
    labelled Congo). Sharing a country alone does not (the Red River of the South and of
    the North), nor for lakes (Trout Lake); a region's pieces in one country stay one."""
    builder = _builder()
    river = {"featurecla": "River", "scalerank": 5}
    rivers = _collection(
        tmp_path / "rivers.json",
        [
            ({**river, "name": "Red"}, LineString([(-100.0, 34.5), (-94.0, 33.6)])),
            ({**river, "name": "Red"}, LineString([(-96.6, 46.0), (-97.0, 49.5)])),
            ({**river, "name": "Angara"}, LineString([(104.8, 51.9), (103.4, 53.1)])),
            (
                {"featurecla": "Lake Centerline", "name": "Angara"},
                LineString([(103.4, 53.1), (101.9, 56.1)]),
            ),
            ({**river, "name": "Angara"}, LineString([(101.8, 56.3), (93.0, 58.1)])),
            ({**river, "name": "Lualaba"}, LineString([(26.25, -11.74), (26.44, -8.27)])),
            ({**river, "name": "Congo"}, LineString([(26.44, -8.27), (26.93, -5.61)])),
            ({**river, "name": "Lualaba"}, LineString([(26.93, -5.61), (24.29, 0.78)])),
        ],
    )
    regions = _collection(
        tmp_path / "regions.json",
        [
            ({"featurecla": "Valley", "name": "GREAT RIFT VALLEY"}, box(35.0, -5.0, 37.0, 0.0)),
            ({"featurecla": "Valley", "name": "GREAT RIFT VALLEY"}, box(30.0, -9.0, 32.0, -7.0)),
        ],
    )
    lakes = _collection(
        tmp_path / "lakes.json",
        [
            ({"name": "Trout Lake"}, box(-121.6, 60.4, -121.0, 60.8)),
            ({"name": "Trout Lake"}, box(-93.5, 51.0, -93.0, 51.3)),
        ],
    )
    builder.build(rivers, regions, tmp_path, lakes)
    rows = {r[0]: r for r in _built_rows(tmp_path)}
    assert set(rows) == {
        "river:red",
        "river:red-us",
        "river:angara",
        "river:lualaba",
        "river:congo",
        "physical:great-rift-valley",
        "lake:trout-lake",
        "lake:trout-lake-ca",
    }
    assert rows["river:red"][6] == "US" and float(rows["river:red-us"][3]) > 45


def test_regional_rivers_add_the_rivers_the_world_file_lacks(tmp_path):
    """Natural Earth's North American and European rivers add the rivers its world file
    lacks ("the Great Miami River", "the Licking River" were the state's point): a line of
    theirs named as a world river is left out, near it (that river again: the world
    river keeps its key and point) or far (a namesake the story's words could not tell
    from it); abbreviations are written out from the full name;
    creeks, names whose accents the source lost, bare names ("Red Rock Canyon", "Big
    Blue Nation") and words of direction ("the Western Rivers Conservancy") are left
    out; their keys say "stream", not "river"."""
    builder = _builder()
    world = _collection(
        tmp_path / "world.json",
        [
            (
                {"featurecla": "River", "scalerank": 2, "name": "Ohio"},
                LineString([(-89, 37), (-81, 40)]),
            )
        ],
    )
    regions = _collection(tmp_path / "regions.json", [])
    small = {"featurecla": "River", "scalerank": 10}
    regional = _collection(
        tmp_path / "regional.json",
        [
            (
                {**small, "name": "Ohio", "name_full": "Ohio River"},
                LineString([(-88, 37.5), (-86, 38)]),
            ),
            (  # a namesake far off
                {**small, "name": "Ohio", "name_full": "Ohio River"},
                LineString([(-120, 50), (-121, 51)]),
            ),
            (
                {**small, "name": "Licking", "name_full": "Licking River"},
                LineString([(-84.5, 39), (-83, 38)]),
            ),
            (
                {**small, "name": "Great Miami", "name_full": "Great Miami River"},
                LineString([(-84.8, 39.1), (-84, 40)]),
            ),
            (
                {**small, "name": "N. Fk. Edisto", "name_full": "North Fork Edisto River"},
                LineString([(-81, 33.3), (-81.5, 33.7)]),
            ),
            (
                {**small, "name": "North", "name_full": "North River"},
                LineString([(-79, 38.3), (-79.2, 38.6)]),
            ),
            (
                {**small, "name": "Clear Cr.", "name_full": "Clear Creek"},
                LineString([(-105, 39.8), (-105.5, 39.7)]),
            ),
            (
                {**small, "name": "Rivire du Nord", "name_full": "Rivire du Nord"},
                LineString([(-74, 45.6), (-74.2, 45.9)]),
            ),
        ],
    )
    alone = tmp_path / "alone"
    alone.mkdir()
    builder.build(world, regions, alone)
    builder.build(world, regions, tmp_path, more_rivers=[regional])
    rows = {r[0]: r for r in _built_rows(tmp_path)}
    assert set(rows) == {
        "river:ohio",
        "stream:licking",
        "stream:great-miami",
        "stream:north-fork-edisto",
    }
    assert rows["river:ohio"] == _built_rows(alone)[0]  # the world river as it was
    assert rows["stream:licking"][2] == "Licking River|River Licking"
    assert rows["stream:great-miami"][2] == "Great Miami River|River Great Miami"
    assert rows["stream:north-fork-edisto"][1:3] == ["North Fork Edisto", "North Fork Edisto"]


def test_lakes_are_built_under_the_english_names_news_uses(tmp_path):
    """Natural Earth's lakes: "Lago Titicaca" is built as Lake Titicaca, "Dongting Hu"
    as Dongting Lake, "Bodensee" as Lake Constance, each keeping the source's name as
    another form; its "Lago di Como" is Lake Maggiore's polygon and is repaired."""
    builder = _builder()
    empty = _collection(tmp_path / "none.json", [])
    lakes = _collection(
        tmp_path / "lakes.json",
        [
            ({"featurecla": "Lake", "name": "Lago Titicaca"}, box(-70, -16.5, -69, -15.5)),
            ({"featurecla": "Lake", "name": "Dongting Hu"}, box(112, 28.8, 113, 29.4)),
            ({"featurecla": "Lake", "name": "Bodensee"}, box(9.2, 47.5, 9.7, 47.8)),
            ({"featurecla": "Lake", "name": "Lago di Como"}, box(8.55, 45.8, 8.75, 46.1)),
            ({"featurecla": "Lake", "name": "Ge Hu"}, box(119.7, 31.5, 119.9, 31.7)),
        ],
    )
    counts = builder.build(empty, empty, tmp_path, lakes)
    assert counts["lakes"] == 5
    rows = {r[1]: r for r in _built_rows(tmp_path)}
    assert rows["Lake Titicaca"][0] == "lake:lake-titicaca"
    assert rows["Lake Titicaca"][2] == "Lake Titicaca|Lago Titicaca"
    assert rows["Lake Titicaca"][6] == "BO|PE"
    assert rows["Dongting Lake"][2] == "Dongting Lake|Lake Dongting|Dongting Hu"
    assert rows["Lake Constance"][2] == "Lake Constance|Bodensee"
    assert "Lake Maggiore" in rows and "Lake Como" not in rows
    assert rows["Ge Hu"][2] == "Ge Hu"  # no "Ge Lake": too short a name to translate


def test_lakes_are_places_even_where_a_town_bears_their_name(gazetteer, parser):
    """A "Lake X" form is the lake's however small a town of that name ("Lake Geneva",
    Wisconsin; "Lake Como", New Jersey), and GeoNames' other names of towns take no
    name from a lake or sea ("Aral Sea" for Aral, "Lake Tahoe" for Stateline)."""
    found = {
        m.surface: m.place
        for m in parser.parse(
            "Fishermen on Lake Victoria and Lake Geneva; the Aral Sea and the Dead Sea shrank."
        )
    }
    assert found["Lake Victoria"].kind.value == "feature"
    assert {"KE", "TZ", "UG"} <= set(found["Lake Victoria"].members)
    assert _near(found["Lake Geneva"], 46.45, 6.55, 30)
    assert found["Aral Sea"].kind.value == "feature"
    assert found["Dead Sea"].kind.value == "feature"
    assert [p.kind.value for p in _features(gazetteer, "Lake Tahoe")] == ["feature"]


def test_peaks_are_built_under_the_names_news_uses(tmp_path):
    """Natural Earth's elevation points: "Mt. Everest" is Mount Everest, "Monte Etna"
    Mount Etna, "Fuji" Mount Fuji, with no one-word form (mountains lend them to brands);
    "Big Ben" (a peak of Heard Island) and names of everyday words ("Town Hill") are left
    out, and so are capes."""
    builder = _builder()
    empty = _collection(tmp_path / "none.json", [])

    def peak(name, lon, lat, kind="mountain"):
        return ({"featurecla": kind, "name": name, "name_alt": None}, Point(lon, lat))

    peaks = _collection(
        tmp_path / "peaks.json",
        [
            peak("Mt. Everest", 86.925, 27.988),
            peak("Monte Etna", 14.99, 37.75),
            peak("Fuji", 138.73, 35.36),
            peak("Big Ben", 73.52, -53.10),
            peak("Town Hill", -64.77, 32.31),
            peak("Cape Colbeck", -157.9, -77.1, "cape"),
        ],
    )
    counts = builder.build(empty, empty, tmp_path, None, peaks)
    assert counts["peaks"] == 3
    rows = {r[1]: r for r in _built_rows(tmp_path)}
    assert set(rows) == {"Mount Everest", "Mount Etna", "Mount Fuji"}
    assert rows["Mount Everest"][0] == "peak:mount-everest"
    assert rows["Mount Everest"][2] == "Mount Everest"
    cc, members = rows["Mount Everest"][5:]
    assert cc in ("NP", "CN") and members == cc  # on the border: the country of its point
    assert rows["Mount Etna"][2] == "Mount Etna|Monte Etna"
    assert rows["Mount Fuji"][2] == "Mount Fuji"


def test_peaks_are_places(gazetteer, parser):
    """A "Mount X" form is the mountain's even where a town bears it (Mount Rainier,
    Maryland); no one-word name is a mountain's ("Olympus said profits rose")."""
    text = "Climbers died on Mount Everest, and lava flowed from Mount Etna and Mount Hood."
    found = {m.surface: m.place for m in parser.parse(text)}
    assert _near(found["Mount Everest"], 27.99, 86.93, 5)
    assert _near(found["Mount Etna"], 37.75, 14.99, 10)
    assert found["Mount Hood"].kind.value == "feature"
    assert _features(gazetteer, "Mount Rainier") and not gazetteer.lookup("Big Ben")
    assert not _features(gazetteer, "Olympus") and not _features(gazetteer, "Everest")
    assert not parser.parse("Olympus said profits rose; Olympus shares fell.")


def test_capes_are_built_under_the_english_names_news_uses(tmp_path):
    """Natural Earth's geography points of class cape: an English ``name_alt`` is the name
    ("Cabo de Hornos" is Cape Horn), a "Cabo" is also "Cape X", the typo "Vicentete" is
    repaired and "Cape St. Vincent" spelt three ways, "Pt." written out; namesakes stay
    apart (Cape York), and islands and Antarctica's Cape Ann are left out."""
    builder = _builder()
    empty = _collection(tmp_path / "none.json", [])

    def point(name, lon, lat, kind="cape", alt=None):
        return ({"featurecla": kind, "name": name, "name_alt": alt}, Point(lon, lat))

    capes = _collection(
        tmp_path / "points.json",
        [
            point("Cabo de Hornos", -67.169, -55.863, alt="Cape Horn"),
            point("Nunap Isua", -43.901, 59.863, alt="Cape Farewell"),
            point("Cabo de São Vicentete", -8.969, 37.038),
            point("Cabo Bojador", -14.473, 26.158),
            point("Nordkapp", 25.661, 71.155),
            point("Pt. Eugenia", -115.046, 27.843),
            point("Cape of Good Hope", 18.441, -34.307),
            point("Cape York", 142.522, -10.711),
            point("Cape York", -68.219, 76.219),
            point("Cape Ann", 51.408, -66.161),
            point("Sumatra", 101.5, 0.0, kind="island"),
        ],
    )
    counts = builder.build(empty, empty, tmp_path, capes=capes)
    assert counts["capes"] == 9 and counts["peaks"] == 0
    rows = {r[0]: r for r in _built_rows(tmp_path)}
    assert set(rows) == {
        "cape:cape-horn",
        "cape:cape-farewell",
        "cape:cape-st-vincent",
        "cape:cape-bojador",
        "cape:north-cape",
        "cape:point-eugenia",
        "cape:cape-of-good-hope",
        "cape:cape-york",
        "cape:cape-york-gl",
    }
    assert rows["cape:cape-horn"][1:3] == ["Cape Horn", "Cape Horn|Cabo de Hornos"]
    assert rows["cape:cape-farewell"][2] == "Cape Farewell|Nunap Isua"
    assert rows["cape:cape-st-vincent"][2] == (
        "Cape St. Vincent|Cape St Vincent|Cape Saint Vincent|Cabo de São Vicente"
    )
    assert rows["cape:cape-bojador"][2] == "Cape Bojador|Cabo Bojador"
    assert rows["cape:north-cape"][2] == "North Cape|Nordkapp"
    assert rows["cape:point-eugenia"][2] == "Point Eugenia"
    assert rows["cape:cape-of-good-hope"][3:] == ["-34.3070", "18.4410", "ZA", "ZA"]
    assert rows["cape:cape-york"][5:] == ["AU", "AU"]
    assert rows["cape:cape-york-gl"][5:] == ["GL", "GL"]


def test_capes_are_places(gazetteer, parser):
    """ "around the Cape of Good Hope" was Good Hope, California, and "Cape Horn" a
    neighbourhood of 12,680 in Coquitlam: a "Cape X" is the cape's like a "Mount X",
    however big a far town of its name. A country keeps its name (Cape Verde, not
    Senegal's headland), and so does a town on its cape (Cape May, Punta del Este)."""
    text = "Shippers divert around the Cape of Good Hope to avoid the Red Sea."
    found = {m.surface: m.place for m in parser.parse(text)}
    assert found["Cape of Good Hope"].kind.value == "feature"
    assert _near(found["Cape of Good Hope"], -34.36, 18.47, 50)
    ((surface, horn),) = [(m.surface, m.place) for m in parser.parse("Sailors rounded Cape Horn.")]
    assert surface == "Cape Horn" and horn.raw["key"] == "cape:cape-horn"
    (verde,) = parser.parse("Flights to Cape Verde resumed.")
    assert verde.place.kind.value == "country" and verde.place.country_code == "CV"
    assert not _features(gazetteer, "Cape Verde")
    for text, name in (
        ("The beach at Cape May, New Jersey, was closed.", "Cape May"),
        ("A summit was held in Punta del Este.", "Punta del Este"),
    ):
        found = {m.surface: m.place for m in parser.parse(text)}
        assert found[name].kind.value == "city", text
    assert not _features(gazetteer, "Cape May") and not _features(gazetteer, "Punta del Este")


def test_national_parks_are_built_under_their_full_names(tmp_path):
    """The US National Park Service's units as Natural Earth abbreviates them: "Denali NP
    & PRES" is Denali National Park and Preserve, also Denali National Park; a national
    park of two words or more is also its name alone ("Mammoth Cave") unless another
    feature has it, a given name opens it or it is an adjective's ("Rocky Mountain");
    a unit in parts is one ("Saguaro NP East", "Saguaro NP West")."""
    builder = _builder()
    empty = _collection(tmp_path / "none.json", [])

    def unit(name, lon, lat):
        return ({"unit_name": name}, Point(lon, lat).buffer(0.1))

    parks = _collection(
        tmp_path / "parks.json",
        [
            unit("Denali NP & PRES", -151.0, 63.3),
            unit("Mammoth Cave NP", -86.1, 37.2),
            unit("Gettysburg NMP", -77.24, 39.8),
            unit("Theodore Roosevelt NP--North Unit", -103.4, 47.6),
            unit("Rocky Mountain NP", -105.7, 40.3),
            unit("Saguaro NP East", -110.7, 32.2),
            unit("Saguaro NP West", -111.2, 32.3),
        ],
    )
    counts = builder.build(empty, empty, tmp_path, parks=[parks])
    assert counts["parks"] == 6
    rows = _built_rows(tmp_path)
    forms = {r[1]: r[2] for r in rows}
    assert forms == {
        "Denali National Park and Preserve": "Denali National Park and Preserve|"
        "Denali National Park",
        "Mammoth Cave National Park": "Mammoth Cave National Park|Mammoth Cave",
        "Gettysburg National Military Park": "Gettysburg National Military Park",
        "Theodore Roosevelt National Park": "Theodore Roosevelt National Park",
        "Rocky Mountain National Park": "Rocky Mountain National Park",
        "Saguaro National Park": "Saguaro National Park",
    }
    assert all(r[5:] == ["US", "US"] for r in rows)


def test_national_parks_are_places(parser):
    """ "Yellowstone National Park" was unplaced and "Great Smoky Mountains National Park"
    cut to "Mountains National Park" at its gateway town."""
    text = (
        "Rangers closed Yellowstone National Park, and the fire spread into Great Smoky "
        "Mountains National Park, officials in Gatlinburg said."
    )
    found = {m.surface: m.place for m in parser.parse(text)}
    assert _near(found["Yellowstone National Park"], 44.6, -110.5, 80)
    assert _near(found["Great Smoky Mountains National Park"], 35.6, -83.5, 50)
    assert found["Gatlinburg"].kind.value == "city"


def test_an_island_valley_or_canyon_is_a_place_beside_its_namesake_town(parser):
    """ "X Island", "X Valley", "X Canyon" (and islands, deserts, mountains, peninsulas)
    are features even where a town or a far province has the name: Long Island was the
    Bahamas' district of 1,752 people, the Grand Canyon and Death Valley villages of a
    thousand. A province or country of that name near the feature is the feature, and
    keeps it (Prince Edward Island, the Balearic Islands, the Solomon Islands)."""
    text = "Storms battered Long Island. Tourists drove from Death Valley to the Grand Canyon."
    got = {m.surface: m.place for m in parser.parse(text)}
    assert _near(got["Long Island"], 40.8, -73.1, 60)
    assert got["Death Valley"].kind.value == got["Grand Canyon"].kind.value == "feature"
    text = "Boats left Prince Edward Island, the Balearic Islands and the Solomon Islands."
    kinds = [m.place.kind.value for m in parser.parse(text)]
    assert kinds == ["admin1", "admin1", "country"]
