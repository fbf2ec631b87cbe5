"""Build the shipped rivers and physical regions from Natural Earth.

Writes ``src/geomap/data/physical.tsv``: one row per river, lake, peak, cape, US national park
or named physical region (mountain range, desert, plateau, basin, plain, peninsula, delta,
valley...) that news names ("the Cauvery dispute", "Dnieper", "the Appalachian Mountains",
"Himalayas", "around the Cape of Good Hope"), which the gazetteer (``geomap.gazetteer.build``)
adds as entries of kind ``feature``.

Columns: ``key`` (``river:cauvery``, ``stream:great-miami`` for a river of the regional
supplements, ``physical:appalachian-mountains``, ``cape:cape-horn``),
``name`` (the English name), ``forms`` (``|``-joined: the name forms news uses; the gazetteer
drops a form that would take a name from a place it already has, see ``_physical`` there),
``lat``/``lon`` (the river's mouth, else a point half-way along it; or the region's
centroid, moved onto the region where it falls outside; a peak's or cape's own point),
``cc`` (the country of that point, from ``geomap.countries.country_at``; empty at sea) and
``members`` (the countries the river or region lies in, by intersection with geomap's
``countries.geojson``; a peak's, cape's or park's ``cc``).

Sources, read from local files (nothing is downloaded): Natural Earth 1:10m *Rivers + lake
centerlines*, *Geography regions (polygons)*, *Lakes*, *Geography regions (elevation
points)*, *Geography regions (points)* (its capes) and *Parks and protected lands* (public
domain), as the GeoJSON files ``10m/physical/ne_10m_rivers_lake_centerlines.json``,
``10m/physical/ne_10m_geography_regions_polys.json``, ``10m/physical/ne_10m_lakes.json``,
``10m/physical/ne_10m_geography_regions_elevation_points.json``,
``10m/physical/ne_10m_geography_regions_points.json`` and
``10m/cultural/ne_10m_parks_and_protected_lands_{area,point,line}.json`` of
the martynafford/natural-earth-geojson repository (CC0; the files are shipped there 7-zipped,
see geodata/README.md).

Usage::

    /work/main/.venv/bin/python geodata/build_physical.py RIVERS.json REGIONS.json [LAKES.json [PEAKS.json]] \
        [--parks AREA.json POINT.json LINE.json] [--capes POINTS.json] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import shapely
from shapely.geometry import LineString, Point, shape
from shapely.ops import nearest_points

log = logging.getLogger("build_physical")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "geomap" / "data"
COUNTRIES = DEFAULT_OUT / "countries.geojson"
HEADER = ("key", "name", "forms", "lat", "lon", "cc", "members")
Parts = Sequence[shapely.Geometry]  # lines or polygons of one name
# a river's end within this of the sea is its mouth: a delta's or an estuary's land lies
# between, and the coast of geomap's simplified countries is a few km off the line ends
MOUTH_DEGREES = 0.2
JOIN_DEGREES = 0.02  # a river's end this close to another river joins it

# Rivers: Natural Earth's ``name`` -> the English name. Merges the local names of one
# river (Rhein, Rhin; Al Furat, Firat; Chang Jiang, Jinsha), which stay as other names
# ("Rhein River"), and gives the English name where ``name_en`` is wrong or missing (Mur is
# no Drava, Schelde is the Scheldt).
RIVER_NAMES = {
    "Abay": "Blue Nile",
    "Al Furat": "Euphrates",
    "Amazonas": "Amazon",
    "Argun’": "Argun",
    "Ayeyarwady": "Irrawaddy",
    "Bahr el Jebel": "White Nile",
    "Bénoué": "Benue",
    "Chang Jiang": "Yangtze",
    "Da": "Black",
    "Dicle": "Tigris",
    "Dihang": "Brahmaputra",
    "Dnepre": "Dnieper",
    "Dnipro": "Dnieper",
    "Donau": "Danube",
    "Drau": "Drava",
    "El Bahr el Abyad": "White Nile",
    "El Bahr el Azraq": "Blue Nile",
    "Ertis": "Irtysh",
    "Ertix": "Irtysh",
    "Firat": "Euphrates",
    "Heilong Jiang": "Amur",
    "Hong": "Red",
    "Huang": "Yellow",
    "Jinsha": "Yangtze",
    "Lancang": "Mekong",
    "Maas": "Meuse",
    "Mouhoun": "Black Volta",
    "Nakanbé": "White Volta",
    "Nu": "Salween",
    "Oued Sebou": "Sebou",
    "Rhein": "Rhine",
    "Rhin": "Rhine",
    "Schelde": "Scheldt",
    "Severnaya Dvina": "Northern Dvina",
    "Sénégal": "Senegal",
    "Tajo": "Tagus",
    "Tejo": "Tagus",
    "Tevere": "Tiber",
    "Yarlung": "Brahmaputra",
}
# Names whose non-ASCII letters the source lost or mangled ("Gta lv", "Pnuco", "Godävari"
# with "ä" for "ā") or abbreviated ("R. des Outaouais"), repaired: not kept as other names.
RIVER_REPAIRS = {
    "Byk Menderes": "Büyük Menderes",
    "Chirrip del Atlntico": "Chirripó",
    "Ghäghara": "Ghaghara",
    "Godävari": "Godavari",
    "Grande Rivire de la Baleine": "Great Whale",
    "Gta lv": "Göta älv",
    "Kiz?lirmak": "Kızılırmak",
    "Klarlven": "Klarälven",
    "Lule lv": "Lule",
    "Mahäna Nadï": "Mahanadi",
    "Motala strm": "Motala ström",
    "ngermanlven": "Ångermanälven",
    "Pnuco": "Pánuco",
    "Purificacin": "Purificación",
    "R. des Outaouais": "Ottawa",
    "Ro Grande de Matagalpa": "Río Grande de Matagalpa",
    "Ro Grande de Santiago": "Río Grande de Santiago",
    "Santa Mara": "Santa María",
    "Skelleftelven": "Skellefteälven",
    "Stora Lule lv": "Lule",
    "Strymnas": "Struma",
    "Zncara": "Záncara",
}
# Natural Earth's ``dissolve`` id -> name, where the ``name`` is wrong (Iceland's Þjórsá is
# labelled "Drau").
RIVER_DISSOLVE = {"303Thjrs": "Thjórsá"}
# Not rivers news names under these names: delta channels, lake outlets, a garbled name,
# and Suriname's Litani (news's Litani is Lebanon's, which the source lacks).
RIVER_SKIP = re.compile(r"\b(?:Delta|Protoka|Outlet)\b|^Bratul |^Mlzes$|^Litani$")
# A name that already says what it is ("Suez Canal", "Shatt al Arab", "Rio das Mortes",
# "Klarälven"): no "X River" / "River X" forms.
RIVER_HEADED = re.compile(
    r"\b(?:Canal|Channel|Branch|Csatorna|Duna|Fork)\b|^(?:Rio|Río|Bayou|Shatt)\b|älv(?:en)?$|ström$"
)
# One-word river names that news uses for something else, checked by hand among those the
# gazetteer would otherwise keep bare (not an everyday word, not a place or given name):
# words ("Rogue", "Rainy", "Mamas", "Groundhog"), surnames and people ("Daly", "Sprague",
# "Biya"), a currency ("Yuan"), Chinese syllables that are names ("Ping", "Yong", "Quan"),
# Spanish words ("Doce", "Cuando") and a national park ("Yellowstone"). They keep
# "X River" and "River X".
RIVER_NOT_BARE = frozenset(
    """Biya Branco Buller Cuando Daly Doce Finlay Gila Groundhog Holston Huai Kibali Mamas
    Mariga Marico Moose Negro Penner Ping Quan Rainy Rogue Sapt Shire Sprague Xiang
    Yellowstone Yong Yuan""".split()
)
# Bare one-word river names only for the bigger rivers: Natural Earth's scalerank 0-7
# (Cauvery is 7); smaller ones ("Ebola", 8) only with "River".
RIVER_BARE_RANK = 7
# A regional supplement's line ranks this more than its scale rank: a river of the
# supplements alone has no bare name, only "X River" ("Red Rock Canyon" of Las Vegas and
# "Big Blue Nation" of Kentucky's fans are no Montana or Indiana river)
REGIONAL_RANK = 100.0
MERGE_DEGREES = 1.0  # parts of one name farther apart, and not bridged, are namesakes
MIN_SHARE = 0.02  # a member country holds at least this share of a river's length...
MIN_DEGREES = 0.5  # ...or this much of it (degrees), else it only grazes the simplified border

# Regions: the Natural Earth classes kept (coasts, continents and lakes are left out, and
# the polygons of capes: capes come from the geography points; seas come from
# geodata/curated/regions.tsv). Islands and island groups came later:
# GeoNames' towns (cities500) hold no island, so "Sumatra", "Mindanao", "Lesbos" and
# "Borneo" were unknown names.
REGION_CLASSES = {
    "Island",
    "Island group",
    "Range/mtn",
    "Plateau",
    "Desert",
    "Basin",
    "Plain",
    "Lowland",
    "Delta",
    "Valley",
    "Gorge",
    "Tundra",
    "Isthmus",
    "Depression",
    "Wetlands",
    "Foothills",
    "Peninsula",
    "Pen/cape",  # peninsulas only (a name ending in "Peninsula" once expanded)
    "Geoarea",
}
# Region names Natural Earth gives in another language, abbreviated beyond the rules of
# ``_expand``, with letters lost or with a macron written as an umlaut ("HONSHÜ",
# "Läna‘i"): the English name news uses.
REGION_NAMES = {
    "ALTI-PLANICIE MEXICANA": "Mexican Plateau",
    "APPENNINI": "Apennines",
    "ATLAS SAHARIEN": "Saharan Atlas",
    "Al Harüj al Aswad": "Haruj",
    "Al Jabal al Akhdar": "Jebel Akhdar",
    "Alföld": "Great Hungarian Plain",
    "Anti Atlas": "Anti-Atlas",
    "Atlas Tellien": "Tell Atlas",
    "BALKAN PEN.": "Balkan Peninsula",
    "Böhmerwald": "Bohemian Forest",
    "CAATINGAS": "Caatinga",
    "CHAÎNE ANNAMITIQUE": "Annamite Range",
    "Chaîne des Mongos": "Bongo Massif",
    "Chota Nägpur Plateau": "Chota Nagpur Plateau",
    "Cord. Cantábrica": "Cantabrian Mountains",
    "Cord. de Mérida": "Cordillera de Mérida",
    "DESIERTO DE ATACAMA": "Atacama Desert",
    "Daitö Islands": "Daito Islands",
    "Dome A (Argus)": "Dome Argus",
    "Dome C (Charlie)": "Dome Charlie",
    "Dome F (Fuji)": "Dome Fuji",
    "ELBURZ MTS.": "Alborz Mountains",
    "El Djouf": "El Djouf",
    "Er Rif": "Rif Mountains",
    "Erzgebirge": "Ore Mountains",
    "Finnmarks-vidda": "Finnmarksvidda",
    "GARAGUM DESERT": "Karakum Desert",
    "HAUT ATLAS": "High Atlas",
    "HOKKAIDÖ": "Hokkaido",
    "HONSHÜ": "Honshu",
    "Hardanger-vidda": "Hardangervidda",
    "IZU-SHOTÖ": "Izu Islands",
    "Idhän Murzuq": "Murzuq Desert",
    "Is. de Panamá": "Isthmus of Panama",
    "Istmo de Tehuantepec": "Isthmus of Tehuantepec",
    "Jabal Nafüsah": "Nafusa Mountains",
    "Jabal as Sawdä’": "Jabal as Sawda",
    "KJØLEN MOUNTAINS": "Scandinavian Mountains",
    "KYÜSHÜ": "Kyushu",
    "Kopet Dag Mts .": "Kopet Dag Mountains",
    "LES LAURENTIDES": "Laurentian Mountains",
    "Läna‘i": "Lanai",
    "Moyen Atlas": "Middle Atlas",
    "N.I. Volcanic Plateau": "Volcanic Plateau",
    "NAMPÖ-SHOTÖ": "Nanpo Islands",
    "PEN. DE YUCATÁN": "Yucatán Peninsula",
    "PENÍNSULA IBÉRICA": "Iberian Peninsula",
    "PLANALTO CENTRAL": "Brazilian Plateau",
    "PLANALTO DO MATO GROSSO": "Mato Grosso Plateau",
    "PLATEAU OF TIBET": "Tibetan Plateau",
    "PÉNINSULE D’UNGAVA": "Ungava Peninsula",
    "Pen. de Azuero": "Azuero Peninsula",
    "Pen. de Nicoya": "Nicoya Peninsula",
    "Pen. de Osa": "Osa Peninsula",
    "Pen. de la Guajira": "Guajira Peninsula",
    "Península Valdés": "Valdés Peninsula",
    "Península de Taitao": "Taitao Peninsula",
    "Plat. du Tademaït": "Tademaït Plateau",
    "Pén. de Gaspé": "Gaspé Peninsula",
    "QIZILQUM DESERT": "Kyzylkum Desert",
    "QUILIAN MOUNTAINS": "Qilian Mountains",
    "RUB’ AL KHALI": "Rub' al Khali",
    "RYÜKYÜ ISANDS": "Ryukyu Islands",
    "S. Dourada": "Serra Dourada",
    "S. Nevada": "Sierra Nevada",
    "S. de Pakaraima": "Pakaraima Mountains",
    "S. do Cachimbo": "Serra do Cachimbo",
    "S. do Piaui": "Serra do Piauí",
    "S. dos Gradaús": "Serra dos Gradaús",
    "Sarïr Kalanshiyu ar Ramli al Kabi": "Calanshio Sand Sea",
    "TAKLIMAKAN DESERT": "Taklamakan Desert",
    "Tihāmah": "Tihamah",
    "Valle Longitudinal": "Central Valley of Chile",
    "Wilhelmina Gebergte": "Wilhelmina Mountains",
    "Ösumi Is.": "Osumi Islands",
}
# Other names of a region news uses ("the Rockies", "Gobi"), by English name. One-word
# forms pass the gazetteer's checks like any other.
REGION_ALIASES = {
    "Alborz Mountains": ("Elburz Mountains", "Alborz"),
    "Appalachian Mountains": ("Appalachians",),
    "Atacama Desert": ("Atacama",),
    "Carpathian Mountains": ("Carpathians",),
    "Danakil": ("Danakil Depression", "Danakil Desert"),
    "Deccan Plateau": ("Deccan",),
    "Fergana Valley": ("Ferghana Valley",),
    "Gobi Desert": ("Gobi",),
    "Himalayas": ("Himalaya", "Himalayan mountains"),
    "Hindu Kush": ("Hindu Kush mountains",),
    "Kalahari Desert": ("Kalahari",),
    "Karakoram Range": ("Karakoram",),
    "Karakum Desert": ("Karakum", "Garagum Desert"),
    "Kyzylkum Desert": ("Kyzylkum", "Qizilqum Desert"),
    "Namib Desert": ("Namib",),
    "Negev Desert": ("Negev",),
    "Pamirs": ("Pamir Mountains",),
    "Pyrenees": ("Pyrenees mountains",),
    "Rocky Mountains": ("Rockies",),
    "Rub' al Khali": ("Empty Quarter",),
    "Sahara": ("Sahara Desert",),
    "Taklamakan Desert": ("Taklamakan", "Taklimakan Desert"),
    "Thar Desert": ("Thar",),
    "Tian Shan": ("Tien Shan",),
    "Tibetan Plateau": ("Plateau of Tibet", "Qinghai-Tibet Plateau"),
    "Ural Mountains": ("Urals",),
    "Zagros Mountains": ("Zagros",),
}
_ABBREVIATIONS = (
    (re.compile(r"\bMts\s*\.", re.I), "Mountains"),
    (re.compile(r"\bMt\.", re.I), "Mount"),
    (re.compile(r"\bRa\.", re.I), "Range"),
    (re.compile(r"\bPen\.", re.I), "Peninsula"),
    (re.compile(r"\bPlat\.", re.I), "Plateau"),
    (re.compile(r"\bCord\.", re.I), "Cordillera"),
    (re.compile(r"\bIs\.|\bIsands\b", re.I), "Islands"),
    (re.compile(r"\bI\.", re.I), "Island"),
    (re.compile(r"\bArch\.", re.I), "Archipelago"),
)
# lower-case inside a title-cased name
_PARTICLES = frozenset("of the de del la las los du des do da dos das al el ar as an y".split())
# Regions whose Natural Earth polygon is a remnant far from the region or from its middle
# (the Karakum's lies by the Aral Sea, the Caucasus's at Baku, the Himalayas' in Ladakh, the
# Urals' beyond the Arctic Circle, the Andes' bulk in Colombia): a point set by hand, at the
# region's heart.
REGION_POINTS = {
    "Andes": (-22.0, -67.5),
    "Caucasus Mountains": (42.7, 44.5),
    "Himalayas": (28.0, 84.0),
    "Karakum Desert": (39.5, 60.0),
    "Kyzylkum Desert": (42.0, 64.0),
    "Ural Mountains": (60.0, 59.5),
}
# Regions whose polygon misses most of the countries they span (set by hand).
REGION_MEMBERS = {
    "Caucasus Mountains": ("AZ", "GE", "RU"),
    "Himalayas": ("BT", "CN", "IN", "NP", "PK"),
    "Karakum Desert": ("TM",),
    "Kyzylkum Desert": ("KZ", "UZ"),
    "Negev Desert": ("IL",),
    "Ural Mountains": ("KZ", "RU"),
}
# Regions left out: names too generic to be one place ("Central Highlands" are Vietnam's,
# Scotland's, Sri Lanka's...), a curated region under another name (Indochina) and a
# former homeland whose polygon lies mostly in the wrong country (Kaokoland).
REGION_SKIP = frozenset(
    {
        "Central Highlands",
        "Central Lowland",
        "Coastal Plain",
        "Indochina Peninsula",
        "Kaokoland",
        "Western Plateau",
        # small islands named like a person or a feast: "Napoleon Bonaparte", "Pentecost
        # Sunday", "Lord Palmerston" would be read as them
        "Bonaparte",
        "Palmerston",
        "Penrhyn",
        "Pentecost",
        "Starbuck",
    }
)
# Lakes and reservoirs: every named one. News writes a lake in English ("Lake Titicaca",
# "Lake Garda", "Dongting Lake"), Natural Earth often in its country's language: the
# source's name stays a form, with the English one made from its lake word
# (``LAKE_BEFORE``: "Lago di Garda" -> "Lake Garda"; ``LAKE_AFTER``: "Dongting Hu" ->
# "Dongting Lake" and "Lake Dongting"), or given outright for names that translate no word
# for word (``LAKE_NAMES``).
LAKE_BEFORE = re.compile(
    r"^(?:Lago|Lac|Lagoa|Danau|Jezioro|Buhayrat) (?:d[ie] |de la |des? |du |al-|al |ath )?"
)
LAKE_AFTER = re.compile(r" (?:Hu|Ko|Nuur|Nur|Co|Kli|Ko‘l|Köl|Kul)$")
LAKE_NAMES = {"Bodensee": ("Lake Constance",), "IJsselmeer": ("Lake IJssel",)}
# Natural Earth's name on the wrong lake: its "Lago di Como" is Lake Maggiore's polygon
# (45.97° N 8.65° E; Lake Como lies at 46.0° N 9.25° E and has none)
LAKE_REPAIRS = {"Lago di Como": "Lago Maggiore"}
# Peaks, volcanoes, passes and depressions (Natural Earth's elevation points: a country's
# highest peaks and the famous volcanoes). News writes "Mount X": a name with a mountain
# word of another language before it ("Monte", "Gunung", "Volcán", "Jabal"...) or after it
# ("-san", "-dake", "Shan") also gets "Mount X", and a one-word name is only "Mount X"
# ("Fuji": mountains lend one-word names to brands, "Olympus", "Denali", "Triglav");
# Natural Earth's abbreviations are written out ("Mt. Kenya" is Mount Kenya,
# "Borah Pk." Borah Peak). A name made only of words English writes in lower case ("Town
# Hill"), one news uses for something else ("Big Ben" is also a peak of Heard Island) and
# one starting with "The" are left out.
PEAK_SKIP = frozenset({"Big Ben"})
PEAK_CLASSES = {"mountain", "pass", "depression", "spot elevation"}
PEAK_BEFORE = re.compile(
    r"^(?:Monte|Mont|Gunung|Gora|Cerro|Jabal|Jebel|Djebel|Volcán|Volcaán|Vulkan|Nevado|"
    r"Pico|Pic|Pik|Kuh-e|Puncak|Bukit) (?:de |del |da |do |ad |al |ash |an-)?"
)
PEAK_AFTER = re.compile(r"(?:-san|-dake|-yama| Shan| Feng)$")
PEAK_ABBREVIATIONS = (
    (re.compile(r"^Mt\. ?"), "Mount "),
    (re.compile(r" Pk\.$"), " Peak"),
    (re.compile(r" Mtn?\.$"), " Mountain"),
)
# Names news writes otherwise than a word-for-word English form of Natural Earth's; taken
# as they stand, so the two volcanoes keep one-word names ("Vesuvius", "Vesuvio", "Teide")
PEAK_NAMES = {
    "Mt. Blanc": ("Mont Blanc",),
    "Vesuvio": ("Mount Vesuvius", "Vesuvius"),
    "Jabal ash Shaykh": ("Mount Hermon",),
    "Pico del Teide": ("Mount Teide", "Teide"),
}
# Capes (Natural Earth's geography points of class cape: "divert around the Cape of Good
# Hope", "Cape Horn", "Cape Hatteras"). News writes a cape in English: a Spanish or
# Portuguese "Cabo", or a French "Cap", is also "Cape X" ("Cabo Bojador" is Cape Bojador,
# "Cap Bon" Cape Bon), an English ``name_alt`` is the name ("Nunap Isua" is Cape Farewell,
# "Cabo de Hornos" Cape Horn), "Pt." is written out ("Point Eugenia") and "St." also spelt
# "St" and "Saint"; the source's own name stays a form.
CAPE_BEFORE = re.compile(r"^(?:Cabo|Cap) (?:de |do |da |dos )?")
# Names Natural Earth misspells ("Vicentete"), with a letter lost, or with an umlaut for a
# macron: repaired, not kept as forms.
CAPE_REPAIRS = {
    "Cabo de São Vicentete": "Cabo de São Vicente",
    "Ponta São Sebastio": "Ponta São Sebastião",
    "Ra's al Had": "Ras al Hadd",
    "Ras Banäs": "Ras Banas",
}
# English names news uses that no rule above gives, taken as they stand (the source's
# name follows as a form); "Cap Est" is "East Cape" in French, not a "Cape Est".
CAPE_NAMES = {
    "Cabo Fisterra": ("Cape Finisterre", "Cabo Finisterre"),
    "Cabo de São Vicente": ("Cape St. Vincent",),
    "Cap Est": ("Cap Est",),
    "Gees Gwardafuy": ("Cape Guardafui",),
    "Lands End": ("Land's End",),
    "Nordkapp": ("North Cape",),
}
# Capes whose Natural Earth point lies far from the cape: a point set by hand (Cape Palmas
# is Harper's headland in Liberia, 4.37° N 7.72° W; the source's lies 30 km east, in Côte
# d'Ivoire's waters).
CAPE_POINTS = {"Cape Palmas": (4.3667, -7.7167)}
# Capes left out: news's Cape Ann is Massachusetts', which the source lacks (its Cape Ann
# is in Antarctica).
CAPE_SKIP = frozenset({"Cape Ann"})
REGION_MERGE_DEGREES = 2.0  # the same for regions
REGION_MIN_SHARE = 0.01  # a member country holds at least this share of a region's area
DECIMALS = 4


@dataclass
class Feature:
    """One river or region: its English name, other names and merged geometry."""

    kind: str  # "river" or "physical"
    name: str
    geometry: shapely.Geometry
    rank: float = 99.0  # Natural Earth's scalerank (rivers; smaller is bigger)
    local: set[str] = field(default_factory=set)  # the source's other names
    aliases: tuple[str, ...] = ()


def _clean(raw: object) -> str:
    """Whitespace normalised, soft signs and stray quote marks dropped ("Anadyr’")."""
    text = unicodedata.normalize("NFC", " ".join(str(raw or "").split()))
    return re.sub(r"[’‘`]", "", text).strip()


def _title(name: str) -> str:
    """Title case for an ALL-CAPS name: "RUB AL KHALI" -> "Rub al Khali"."""
    words = []
    for i, word in enumerate(name.lower().split(" ")):
        if i and word in _PARTICLES:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def _expand(name: str) -> str:
    """A Natural Earth region label as an English name: abbreviations written out,
    capitals title-cased ("APPALACHIAN MTS." -> "Appalachian Mountains")."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        name = _title(name)
    for pattern, full in _ABBREVIATIONS:
        name = pattern.sub(full, name)
    return " ".join(name.split())


# "S. Fork Kuskokwim", "W. Branch Susquehanna": the compass point written out
_COMPASS = re.compile(r"^([NSEW])\. ")
_COMPASS_WORDS = {"N": "North", "S": "South", "E": "East", "W": "West"}
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "þ": "th"})


def _slug(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("'", "").translate(_UNDECOMPOSED))
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass(frozen=True)
class Countries:
    """geomap's country polygons with a spatial index."""

    codes: tuple[str, ...]
    shapes: tuple[shapely.Geometry, ...]
    tree: shapely.STRtree

    @classmethod
    def read(cls, path: Path = COUNTRIES) -> Countries:
        """The shipped ``countries.geojson``."""
        collection = json.loads(path.read_text(encoding="utf-8"))
        codes = tuple(f["properties"]["iso2"] for f in collection["features"])
        shapes = tuple(shape(f["geometry"]) for f in collection["features"])
        return cls(codes, shapes, shapely.STRtree(shapes))

    def members(self, geometry: shapely.Geometry) -> tuple[str, ...]:
        """Countries holding a real share of a river's length or a region's area."""
        line = geometry.geom_type in ("LineString", "MultiLineString")
        total = geometry.length if line else geometry.area
        found = []
        for i in self.tree.query(geometry, predicate="intersects"):
            part = self.shapes[int(i)].intersection(geometry)
            size = part.length if line else part.area
            share = size / total if total else 0.0
            if share >= (MIN_SHARE if line else REGION_MIN_SHARE) or (line and size >= MIN_DEGREES):
                found.append(self.codes[int(i)])
        return tuple(sorted(found))


def _clusters(parts: list[shapely.Geometry], reach: float) -> list[list[int]]:
    """Indexes of ``parts`` grouped by single linkage: parts within ``reach`` degrees of
    each other (directly or through other parts) are one river or region."""
    tree = shapely.STRtree(parts)
    seen: set[int] = set()
    groups = []
    for start in range(len(parts)):
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            i = todo.pop()
            group.append(i)
            for j in tree.query(parts[i], predicate="dwithin", distance=reach):
                if int(j) not in seen:
                    seen.add(int(j))
                    todo.append(int(j))
        groups.append(sorted(group))
    return groups


def read_rivers(
    source: Path, countries: Countries, supplements: Sequence[Path] = ()
) -> list[Feature]:
    """Named rivers (not lake centerlines), the parts of one English name merged (see
    :func:`_merge`): the lake centerlines of that name (the reservoirs it runs through)
    link its parts, and a line of the source running end to end between two groups joins
    them (see :func:`_bridge`). The regional supplements (``supplements``: Natural
    Earth's North American and European rivers) add the rivers the world file lacks, by
    name: a line of theirs named as a world river is left out, near it (that river,
    drawn again) or far (a namesake: the world file's rivers stay as they were, and "the
    Salt River" of a Missouri story, which neither file has, is no Kentucky river that
    the story's words cannot tell from Arizona's)."""
    parts: dict[str, list[tuple[shapely.Geometry, float, str]]] = defaultdict(list)
    reservoirs: dict[str, list[shapely.Geometry]] = defaultdict(list)
    lines = []
    for feature in json.loads(source.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        if not feature["geometry"]:
            continue
        geometry = shape(feature["geometry"])
        lines.append(geometry)
        named = _river_name(props)
        if named is None:
            continue
        name, raw = named
        if not str(props.get("featurecla") or "").startswith("River"):
            reservoirs[name].append(geometry)
            continue
        parts[name].append((geometry, _rank(props), raw))
    world = {_slug(name) for name in parts}  # ("Santa María" is "Santa Maria")
    for path in supplements:
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            props = feature["properties"]
            named = _supplement_name(props)
            if not feature["geometry"] or named is None:
                continue
            geometry = shape(feature["geometry"])
            name, raw = named
            if _slug(name) in world:
                continue
            parts[name].append((geometry, REGIONAL_RANK + _rank(props), raw))
    bridged = _bridge(lines)
    rivers = []
    for name in sorted(parts):
        geoms = [g for g, _, _ in parts[name]]
        for group in _merge(geoms, MERGE_DEGREES, countries, bridged, reservoirs[name]):
            rivers.append(
                Feature(
                    kind="river",
                    name=name,
                    geometry=shapely.line_merge(shapely.union_all([geoms[i] for i in group])),
                    rank=min(parts[name][i][1] for i in group),
                    local={parts[name][i][2] for i in group} - {name},
                )
            )
    return rivers


# Names of regional rivers that are words of direction: "the Western Rivers Conservancy"
# and "the North River" of a Nova Scotia story were Nunavut's and Labrador's streams
_DIRECTIONS = frozenset(
    "North South East West Northern Southern Eastern Western Central Middle".split()
)


def _supplement_name(props: dict) -> tuple[str, str] | None:
    """A regional supplement's river name (see :func:`_river_name`), written out from its
    full name ("N. Fk. Edisto": "North Fork Edisto River" -> "North Fork Edisto"); None
    for creeks and brooks (a name many small streams share: "Clear Creek", "Beaver
    Creek"), for a name still abbreviated, for a word of direction (``_DIRECTIONS``) and for
    the French and Spanish names whose accented letters the source lost ("Rivire aux
    Outardes", "Ro Conchos")."""
    if not str(props.get("featurecla") or "").startswith("River"):
        return None
    full = _clean(props.get("name_full"))
    name = full.removesuffix(" River") if full.endswith(" River") else _clean(props.get("name"))
    if (
        not name
        or "." in name
        or "Rivire" in full
        or name.startswith("Ro ")  # (Río)
        or name in _DIRECTIONS
        or name.endswith((" Creek", " Brook"))
        or full.endswith((" Creek", " Brook"))
    ):
        return None
    return _river_name({**props, "name": name})


def _rank(props: dict) -> float:
    """A line's scale rank (small: drawn at small scales, a big river), 99 for none."""
    return float(props.get("scalerank") if props.get("scalerank") is not None else 99)


def _river_name(props: dict) -> tuple[str, str] | None:
    """A river line's English name and its source name, repaired (``RIVER_REPAIRS``,
    "S." written out); None for no name or a skipped one (``RIVER_SKIP``)."""
    raw = _clean(props.get("name"))
    if not raw or RIVER_SKIP.search(raw):
        return None
    original = str(props.get("name") or "")
    raw = RIVER_REPAIRS.get(raw) or RIVER_REPAIRS.get(original) or raw
    raw = _COMPASS.sub(lambda m: _COMPASS_WORDS[m.group(1)] + " ", raw)
    name = (
        RIVER_DISSOLVE.get(str(props.get("dissolve")))
        or RIVER_NAMES.get(raw)
        or RIVER_NAMES.get(original)
        or raw
    )
    return name, raw


def _ends(parts: Parts) -> shapely.Geometry:
    """The ends of the lines of ``parts``, as one multipoint."""
    return shapely.multipoints(
        [
            c
            for g in parts
            for line in shapely.get_parts(g)
            for c in (line.coords[0], line.coords[-1])
        ]
    )


def _bridge(lines: Parts) -> Callable[[Parts, Parts], bool]:
    """Whether a line of the source (``lines``) has an end at an end of each of two groups
    of parts (within JOIN_DEGREES): a reservoir or a stretch labelled otherwise between
    two parts of one river (the Angara's Bratsk reservoir; the Lualaba's middle is labelled
    Congo, the Congo's upper course Lualaba). A main stem that two namesake tributaries join
    (two Rio Verde of the Paraná, two Río Chico of the Chubut) meets their mouths mid-line,
    not with an end."""
    ends = [_ends([line]) for line in lines]
    tree = shapely.STRtree(ends)

    def bridged(first: Parts, second: Parts) -> bool:
        here, there = _ends(first), _ends(second)
        near = tree.query(here, predicate="dwithin", distance=JOIN_DEGREES)
        return any(ends[int(i)].distance(there) <= JOIN_DEGREES for i in near)

    return bridged


def read_regions(source: Path, countries: Countries) -> list[Feature]:
    """Named physical regions of the kept classes, the parts of one name merged (see
    :func:`_merge`)."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    parts: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for feature in collection["features"]:
        props = feature["properties"]
        kind = str(props.get("featurecla") or "")
        raw = " ".join(str(props.get("name") or "").split())
        if kind not in REGION_CLASSES or not raw or not feature["geometry"]:
            continue
        name = _clean(REGION_NAMES.get(raw) or _expand(raw))
        if kind == "Pen/cape" and not name.endswith("Peninsula"):
            continue  # a cape, or a peninsula named like a country ("INDIA", "FLORIDA")
        if name in REGION_SKIP:
            continue
        parts[name].append(shapely.make_valid(shape(feature["geometry"])))
    return _merged(
        "physical", parts, countries, lambda name: (name, REGION_ALIASES.get(name, ())), _one_region
    )


def _one_region(first: Parts, second: Parts) -> bool:
    """A region's polygons of one name and country are one region however far apart:
    Natural Earth draws some in pieces (the Great Rift Valley's two branches, the
    Transantarctic Mountains cut at the antimeridian), and names too generic to be one
    place are left out (``REGION_SKIP``)."""
    return True


def _one_lake(first: Parts, second: Parts) -> bool:
    """Lakes of one name and country farther apart than a lake's parts are namesakes (the
    Trout Lake of Ontario and of the Northwest Territories, the Grand Lake of New Brunswick
    and of Newfoundland)."""
    return False


def _merged(
    kind: str,
    parts: dict[str, list[shapely.Geometry]],
    countries: Countries,
    names: Callable[[str], tuple[str, tuple[str, ...]]],
    joined: Callable[[Parts, Parts], bool],
) -> list[Feature]:
    """Features of one kind from polygons by source name, the parts of one name merged
    (see :func:`_merge`, with ``joined``); ``names`` gives a source name's name and other
    names."""
    features = []
    for source_name in sorted(parts):
        geoms = parts[source_name]
        name, aliases = names(source_name)
        for group in _merge(geoms, REGION_MERGE_DEGREES, countries, joined):
            geometry = shapely.union_all([geoms[i] for i in group])
            features.append(Feature(kind=kind, name=name, geometry=geometry, aliases=aliases))
    return features


def read_lakes(source: Path, countries: Countries) -> list[Feature]:
    """Named lakes and reservoirs with their English names (see ``LAKE_BEFORE``), the
    parts of one name merged like a region's, but never for sharing a country (the Lake
    George of New York, of Uganda and of New South Wales stay three; see :func:`_one_lake`)."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    parts: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for feature in collection["features"]:
        name = _clean(feature["properties"].get("name"))
        name = LAKE_REPAIRS.get(name, name)
        if name and feature["geometry"]:
            parts[name].append(shapely.make_valid(shape(feature["geometry"])))
    return _merged("lake", parts, countries, _lake_names, _one_lake)


def _lake_names(source_name: str) -> tuple[str, tuple[str, ...]]:
    """A lake's English name first, the source's kept as another."""
    english = _english_lake(source_name)
    if not english:
        return source_name, ()
    return english[0], (*english[1:], source_name)


def read_peaks(source: Path) -> list[Feature]:
    """Named peaks, passes and depressions with the names news uses (see
    ``PEAK_BEFORE``), as points; namesakes stay apart."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    peaks = []
    for feature in collection["features"]:
        props = feature["properties"]
        raw = _clean(props.get("name"))
        if str(props.get("featurecla")) not in PEAK_CLASSES or not raw:
            continue
        names = [*_english_peak(raw)]
        for alt in str(props.get("name_alt") or "").split(";"):
            if _clean(alt):
                names += [n for n in _english_peak(_clean(alt)) if n not in names]
        if not names:
            continue
        name, *aliases = names
        plain = [w for w in re.split(r"[\s/-]+", name.lower()) if w not in _MOUNTAIN_WORDS]
        if name.startswith("The ") or name in PEAK_SKIP or set(plain) <= _common_words():
            continue
        geometry = shape(feature["geometry"])
        peaks.append(Feature(kind="peak", name=name, geometry=geometry, aliases=tuple(aliases)))
    return peaks


def read_capes(source: Path) -> list[Feature]:
    """Named capes with the names news uses (see ``CAPE_BEFORE``), as points; namesakes
    stay apart like peaks (the Cape York of Queensland and of Greenland, the Cape Sable of
    Florida and of Nova Scotia)."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    capes = []
    for feature in collection["features"]:
        props = feature["properties"]
        raw = _clean(props.get("name"))
        if str(props.get("featurecla")) != "cape" or not raw or not feature["geometry"]:
            continue
        raw = CAPE_REPAIRS.get(raw, raw)
        alts = [a for a in map(_clean, str(props.get("name_alt") or "").split(";")) if a]
        name, *aliases = _english_cape(raw, alts)
        if name in CAPE_SKIP:
            continue
        if name in CAPE_POINTS:
            lat, lon = CAPE_POINTS[name]
            geometry = Point(lon, lat)
        else:  # the point, not lat_y/long_x: those of Antarctica's capes are one made-up spot
            geometry = shape(feature["geometry"])
        capes.append(Feature(kind="cape", name=name, geometry=geometry, aliases=tuple(aliases)))
    return capes


def _english_cape(name: str, alts: Sequence[str] = ()) -> list[str]:
    """A cape's names, the one news uses first, then Natural Earth's own (not an
    abbreviated one: "Pt. Eugenia" is only Point Eugenia)."""
    if name in CAPE_NAMES:
        names = [*CAPE_NAMES[name], name]
    elif alts:
        names = [*alts, name]  # "Cabo de Hornos" is Cape Horn, not "Cape Hornos"
    else:
        english = re.sub(r"^Pt\. ?", "Point ", name)
        before = CAPE_BEFORE.match(english)
        names = [f"Cape {english[before.end() :]}" if before else english, name]
    spelt = []
    for n in names:
        if not re.search(r"\bPt\.", n):
            spelt.append(n)
        if " St. " in n:  # "Cape St. Vincent": also "Cape St Vincent", "Cape Saint Vincent"
            spelt += [n.replace(" St. ", " St "), n.replace(" St. ", " Saint ")]
    return _unique(spelt)


# The unit types of the US National Park Service as Natural Earth abbreviates them in
# ``unit_name`` ("Yosemite NP", "Gettysburg NMP", "Fort Sumter NM"), longest first.
PARK_ABBREVIATIONS = tuple(
    (re.compile(rf"(?<![\w.]){re.escape(short)}(?![\w.])"), full)
    for short, full in (
        ("N MEM", "National Memorial"),
        ("N PRES", "National Preserve"),
        ("N RES", "National Reserve"),
        ("NH RES", "National Historical Reserve"),
        ("E PRES", "Ecological Preserve"),
        ("MEM PKWY", "Memorial Parkway"),
        ("NRRA", "National River and Recreation Area"),
        ("NHP", "National Historical Park"),
        ("NHS", "National Historic Site"),
        ("NMP", "National Military Park"),
        ("NBP", "National Battlefield Park"),
        ("NBS", "National Battlefield Site"),
        ("NRA", "National Recreation Area"),
        ("NSR", "National Scenic River"),
        ("NST", "National Scenic Trail"),
        ("NRR", "National Recreational River"),
        ("SRR", "Scenic and Recreational River"),
        ("WSR", "Wild and Scenic River"),
        ("EHP", "Ecological and Historic Preserve"),
        ("IHS", "International Historic Site"),
        ("NP", "National Park"),
        ("NM", "National Monument"),
        ("NB", "National Battlefield"),
        ("NS", "National Seashore"),
        ("NL", "National Lakeshore"),
        ("NR", "National River"),
        ("PRES", "Preserve"),
        ("MEM", "Memorial"),
        ("WR", "Wild River"),
    )
)


# National parks whose name alone is an adjective's, which names firms and papers ("Rocky
# Mountain Power", "Rocky Mountain News") more often than the park.
PARK_NOT_BARE = frozenset({"Rocky Mountain", "Lassen Volcanic"})
# Unit names Natural Earth misspells or cuts short.
PARK_REPAIRS = {
    "New Orlean Jazz National Historical Park": "New Orleans Jazz National Historical Park",
    "Salinas Pueblo Missions v": "Salinas Pueblo Missions National Monument",
    "Washinton Monument": "Washington Monument",
}


def read_parks(sources: Sequence[Path], named: Iterable[Feature] = ()) -> list[Feature]:
    """The US National Park Service's units under their full names ("Yosemite National
    Park", "Gettysburg National Military Park"), one per name (the first source's, so
    pass the polygons first); a unit in parts ("Theodore Roosevelt NP--North Unit") is
    named as a whole. A national park is also its name alone where that has two words
    or more, names none of the ``named`` features and starts with no given name ("Grand
    Canyon", "Great Smoky Mountains"; not "Theodore Roosevelt", nor "Mount Rainier", the
    peak's): one word alone is a brand's as often ("Denali", "Sequoia", "Acadia")."""
    taken = {_slug(n) for f in named for n in forms_of(f)} | {_slug(n) for n in PARK_NOT_BARE}
    given = _given_names()
    parks: dict[str, Feature] = {}
    for source in sources:
        for feature in json.loads(source.read_text(encoding="utf-8"))["features"]:
            raw = _clean(feature["properties"].get("unit_name")).split("--")[0].strip()
            if not raw or not feature["geometry"]:
                continue
            name, aliases = _english_park(raw)
            bare = name.removesuffix(" National Park")
            if bare != name and " " in bare and _slug(bare) not in taken:
                aliases += (bare,) * (bare.split()[0].lower() not in given)
            if name not in parks:
                geometry = shapely.make_valid(shape(feature["geometry"]))
                parks[name] = Feature(kind="park", name=name, geometry=geometry, aliases=aliases)
    return list(parks.values())


def _english_park(raw: str) -> tuple[str, tuple[str, ...]]:
    """A unit's full name and the shorter one news also uses: "Denali NP & PRES" is
    "Denali National Park and Preserve", also "Denali National Park"."""
    name = raw.replace(" & ", " and ")
    for pattern, full in PARK_ABBREVIATIONS:
        name = pattern.sub(full, name)
    name = " ".join(name.split())
    name = re.sub(r" (East|West|North|South)$", "", PARK_REPAIRS.get(name, name))  # Saguaro's
    aliases = tuple(
        name[: m.start()] + " " + m.group(1)
        for m in [re.search(r" (National (?:Park|Monument)) and (?:National )?Preserve$", name)]
        if m
    )
    return name, aliases


_MOUNTAIN_WORDS = frozenset("mount mountain peak hill the".split())


@cache
def _given_names() -> frozenset[str]:
    """Folded given names (geomap's ``given_names.txt``)."""
    return frozenset((DEFAULT_OUT / "given_names.txt").read_text(encoding="utf-8").lower().split())


@cache
def _common_words() -> frozenset[str]:
    """The words English writes in lower case (geomap's ``common_words.txt``)."""
    return frozenset((DEFAULT_OUT / "common_words.txt").read_text(encoding="utf-8").split())


def _english_peak(name: str) -> list[str]:
    """A peak's names, the one news uses first, then Natural Earth's own."""
    if name in PEAK_NAMES:
        return [*PEAK_NAMES[name], name]
    english = name
    for pattern, full in PEAK_ABBREVIATIONS:
        english = pattern.sub(full, english)
    before, after = PEAK_BEFORE.match(english), PEAK_AFTER.search(english)
    if before:
        names = [f"Mount {english[before.end() :]}", english]
    elif after and after.start() >= 3:
        names = [f"Mount {english[: after.start()]}", english]
    elif " " not in english and "/" not in english:
        names = [f"Mount {english}"]  # "Fuji" is "Mount Fuji"
    else:
        names = [english]
    if "." not in name:
        names.append(name)
    # no one-word name: mountains lend theirs to brands ("Olympus said", "the GMC
    # Denali", "Triglav insurance"), and a bare "Everest" is worth less than a false place
    return _unique(n for n in names if " " in n)


def _english_lake(name: str) -> tuple[str, ...]:
    """The English names of a lake Natural Earth names in another language."""
    if name in LAKE_NAMES:
        return LAKE_NAMES[name]
    before = LAKE_BEFORE.match(name)
    if before:
        return (f"Lake {name[before.end() :]}",)
    after = LAKE_AFTER.search(name)
    if after and after.start() >= 4:  # not "Ge Hu", "Gas Hu": no English name news uses
        bare = name[: after.start()]
        return (f"{bare} Lake", f"Lake {bare}")
    return ()


def _merge(
    parts: list[shapely.Geometry],
    reach: float,
    countries: Countries,
    joined: Callable[[Parts, Parts], bool],
    links: Parts = (),
) -> list[list[int]]:
    """The parts of one name grouped into rivers, lakes or regions: parts within ``reach``
    degrees of each other, directly or through ``links`` (a river's reservoirs, which the
    source names after it: the Tocantins' Tucuruí), are one, and so are groups that share
    a country where ``joined`` says they are (a river broken in the source, the Angara;
    sharing a country alone made the Red River of the South and of the North one, with
    its point in Louisiana). The rest are namesakes (the Red River of the United States
    and of Vietnam, the Sierra Nevada of Spain and of California). Largest first."""

    def size(group: list[int]) -> float:
        return sum(parts[i].length + parts[i].area for i in group)

    found = ([i for i in g if i < len(parts)] for g in _clusters([*parts, *links], reach))
    groups = sorted((g for g in found if g), key=lambda g: (-size(g), g))
    merged: list[tuple[list[int], set[str]]] = []
    for group in groups:
        where = set(countries.members(shapely.union_all([parts[i] for i in group])))
        for kept, kept_where in merged:
            if where & kept_where and joined([parts[i] for i in kept], [parts[i] for i in group]):
                kept.extend(group)
                kept_where |= where
                break
        else:
            merged.append((list(group), where))
    return [sorted(group) for group, _ in merged]


def river_point(geometry: shapely.Geometry, others: Sequence[shapely.Geometry] = ()) -> Point:
    """The river's mouth, where GeoNames (and so every gold standard here) puts a stream:
    an end that reaches the sea (land does not cover the ground around it), else the one
    end that reaches another river (``others``: a tributary ends where it joins). Where
    none does, or several join longer rivers (Natural Earth does not say which way a line
    flows), a point half-way along its longest line."""
    lines = [g for g in shapely.get_parts(geometry) if isinstance(g, LineString)]
    longest = max(lines, key=lambda g: g.length)
    # the ends of its parts that no other part of it continues (a delta's arms count)
    ends = sorted(
        {
            end
            for line in lines
            for end in (line.coords[0], line.coords[-1])
            if sum(Point(end).distance(other) <= JOIN_DEGREES for other in lines) == 1
        }
    )
    seaward = [Point(e) for e in ends if _at_sea(Point(e))]
    if seaward:  # a delta's arms: the one nearest to the rest of the river
        return min(seaward, key=lambda p: (p.distance(longest), p.x, p.y))
    length = sum(line.length for line in lines)
    joins = [Point(e) for e in ends if _on_a_river(Point(e), others, length)]
    if len(joins) == 1:
        return joins[0]
    return longest.interpolate(0.5, normalized=True)


def _at_sea(point: Point) -> bool:
    """Whether the ground within MOUTH_DEGREES of ``point`` is not all land."""
    from geomap.countries import at_sea

    return not at_sea(point.buffer(MOUTH_DEGREES)).is_empty


def _on_a_river(point: Point, others: Sequence[shapely.Geometry], length: float) -> bool:
    """Whether ``point`` lies on a longer river: a tributary's mouth, not the meeting of
    two headwaters where a river begins (the Irrawaddy's N'Mai and Mali)."""
    return any(g.length > length and g.distance(point) <= JOIN_DEGREES for g in others)


def region_point(geometry: shapely.Geometry) -> Point:
    """The region's centroid, or the point of the region nearest to it where the centroid
    falls outside (a crescent such as the Himalayas): the middle of the region, where
    gazetteers put it, rather than the middle of whichever part happens to be largest
    (Natural Earth's polygons of some ranges are strings of fragments)."""
    centroid = geometry.centroid
    if geometry.covers(centroid):
        return centroid
    return nearest_points(geometry, centroid)[0]


def _spellings(name: str) -> list[str]:
    """A name as news may write it: "St. Lawrence" also "St Lawrence" (the form the
    recogniser looks up after "St.") and "Saint Lawrence"; "Kızılırmak" also "Kizilirmak"
    (the gazetteer's folding keeps letters that do not decompose)."""
    out = [name]
    if name.startswith("St. "):
        out += [f"St {name[4:]}", f"Saint {name[4:]}"]
    plain = name.translate(_UNDECOMPOSED)
    if plain != name:
        out.append(plain)
    return out


def forms_of(feature: Feature) -> list[str]:
    """The name forms of a river or region, the English name first.

    A river: its name, "X River" and "River X" (unless the name already says what it is:
    "Shatt al Arab", "Suez Canal"), the same for each other name in the source ("Rhein
    River"). A one-word name of a small river is left out ("Ebola": only "Ebola River"),
    and so are those of ``RIVER_NOT_BARE`` and a regional supplement's river
    (``REGIONAL_RANK``). A region: its name and its aliases. Which
    forms the gazetteer keeps is decided there."""
    name = feature.name
    if feature.kind != "river":
        return _unique(s for n in (name, *feature.aliases) for s in _spellings(n))
    forms = []
    if (" " in name and feature.rank < REGIONAL_RANK) or (
        feature.rank <= RIVER_BARE_RANK and name not in RIVER_NOT_BARE
    ):
        forms += _spellings(name)
    for other in (name, *sorted(feature.local)):
        for spelling in _spellings(other):
            if RIVER_HEADED.search(spelling):
                forms.append(spelling)
            else:
                forms += [f"{spelling} River", f"River {spelling}"]
    return _unique(forms)


def _unique(forms: Iterable[str]) -> list[str]:
    out: list[str] = []
    for form in forms:
        if form and form not in out:
            out.append(form)
    return out


def rows(features: list[Feature], countries: Countries) -> list[tuple[str, ...]]:
    """One TSV row per feature; a name shared by several rivers or regions gets the
    country of each one's point in its key (``river:red-us``, ``river:red-vn``), the
    longest or largest keeping the plain key."""
    from geomap.countries import country_at

    by_key: dict[str, list[Feature]] = defaultdict(list)
    for f in features:
        # (a regional supplement's river is a "stream": short, its namesakes many)
        prefix = "stream" if f.kind == "river" and f.rank >= REGIONAL_RANK else f.kind
        by_key[f"{prefix}:{_slug(f.name)}"].append(f)
    lines = [f.geometry for f in features if f.kind == "river"]
    tree = shapely.STRtree(lines)

    def other_rivers(f: Feature) -> list[shapely.Geometry]:
        near = tree.query(f.geometry.buffer(JOIN_DEGREES), predicate="intersects")
        return [lines[int(i)] for i in near if lines[int(i)] is not f.geometry]

    out = []
    for key, group in sorted(by_key.items()):
        group.sort(key=lambda f: -(f.geometry.length if f.kind == "river" else f.geometry.area))
        for n, f in enumerate(group):
            if f.kind == "physical" and f.name in REGION_POINTS:
                lat, lon = REGION_POINTS[f.name]
            else:
                point = (
                    river_point(f.geometry, other_rivers(f))
                    if f.kind == "river"
                    else region_point(f.geometry)
                )
                lat, lon = round(point.y, DECIMALS), round(point.x, DECIMALS)
            cc = country_at(lat, lon) or ""
            members = (
                countries.members(f.geometry)
                if f.kind not in ("peak", "cape", "park")
                else (cc,) * bool(cc)
            )
            if f.kind == "physical" and f.name in REGION_MEMBERS:
                members = REGION_MEMBERS[f.name]
            this_key = key if n == 0 else f"{key}-{(cc or 'sea').lower()}"
            if n and this_key in {r[0] for r in out}:
                this_key = f"{this_key}-{n}"
            out.append(
                (
                    this_key,
                    f.name,
                    "|".join(forms_of(f)),
                    f"{lat:.{DECIMALS}f}",
                    f"{lon:.{DECIMALS}f}",
                    cc,
                    "|".join(members),
                )
            )
    return sorted(out)


def build(
    rivers: Path,
    regions: Path,
    out_dir: Path = DEFAULT_OUT,
    lakes: Path | None = None,
    peaks: Path | None = None,
    parks: Sequence[Path] = (),
    capes: Path | None = None,
    more_rivers: Sequence[Path] = (),
) -> dict[str, int]:
    """Write physical.tsv; return counts (rivers, regions, lakes, peaks, capes, parks,
    forms)."""
    countries = Countries.read()
    features = read_rivers(rivers, countries, more_rivers) + read_regions(regions, countries)
    if lakes is not None:
        features += read_lakes(lakes, countries)
    if peaks is not None:
        features += read_peaks(peaks)
    if capes is not None:
        features += read_capes(capes)
    features += read_parks(parks, named=features)
    table = rows(features, countries)
    lines = ["\t".join(HEADER), *("\t".join(row) for row in table)]
    (out_dir / "physical.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "rivers": sum(r[0].startswith(("river:", "stream:")) for r in table),
        "regions": sum(r[0].startswith("physical:") for r in table),
        "lakes": sum(r[0].startswith("lake:") for r in table),
        "peaks": sum(r[0].startswith("peak:") for r in table),
        "capes": sum(r[0].startswith("cape:") for r in table),
        "parks": sum(r[0].startswith("park:") for r in table),
        "forms": sum(len(r[2].split("|")) for r in table),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the source files and the output folder."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rivers", type=Path, help="ne_10m_rivers_lake_centerlines as GeoJSON")
    ap.add_argument("regions", type=Path, help="ne_10m_geography_regions_polys as GeoJSON")
    ap.add_argument("lakes", type=Path, nargs="?", help="ne_10m_lakes as GeoJSON")
    ap.add_argument("peaks", type=Path, nargs="?", help="ne_10m_geography_regions_elevation_points")
    ap.add_argument(
        "--parks",
        type=Path,
        nargs="+",
        default=(),
        help="ne_10m_parks_and_protected_lands_{area,point,line} as GeoJSON, area first",
    )
    ap.add_argument(
        "--capes",
        type=Path,
        help="ne_10m_geography_regions_points as GeoJSON (its points of class cape)",
    )
    ap.add_argument(
        "--more-rivers",
        type=Path,
        nargs="+",
        default=(),
        help="ne_10m_rivers_north_america and ne_10m_rivers_europe as GeoJSON",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    counts = build(
        args.rivers,
        args.regions,
        args.out,
        args.lakes,
        args.peaks,
        args.parks,
        args.capes,
        args.more_rivers,
    )
    log.info(
        "wrote %(rivers)d rivers, %(regions)d regions, %(lakes)d lakes, %(peaks)d peaks,"
        " %(capes)d capes, %(parks)d parks (%(forms)d forms)",
        counts,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
