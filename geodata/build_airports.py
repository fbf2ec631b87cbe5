"""Derive ``airports.tsv``: airports and military air bases under the names news uses.

    pip install airportsdata && python geodata/build_airports.py

Source: the ``airportsdata`` package (MIT; name, IATA/ICAO codes, city, country, lat/lon of
28,000 airfields). Kept: every airport with an IATA code (scheduled traffic), and military
airfields by their name ("Bagram Air Base", "Ramstein Air Base", "Naval Air Station
Pensacola"), except private strips (codes with digits). Each row carries the forms a reader
meets, built from the name, and an airport's IATA code only before its head word:

* the name ("Kabul International Airport"), and without "International" ("Kabul Airport",
  which also matches "Kabul airport");
* without the city in front ("London Heathrow Airport" -> "Heathrow Airport"), unless only
  generic words are left ("Alpena County Regional Airport" is no "County Regional Airport",
  "Iwakuni Marine Corps Air Station" no "Marine Corps Air Station");
* never the bare name ("Heathrow", "Ataturk", "Jinnah"): many are people's names or
  towns' ("Heathrow, Florida"), and one word is too weak a clue; except a military air
  base's outside the countries that name theirs after people (``NAMED_AFTER_PEOPLE``:
  "Vandenberg", "Masroor"): there the bare name is mostly its place's, and news uses it
  ("Incirlik", "Al Udeid", "Bagram"; the gazetteer keeps it only where no place has it and
  no given name or title is in it: not "Prince Sultan", "Ahmed Al Jaber");
* "X AFB" for "X Air Force Base" and the reverse, "X SFB" for "X Space Force Base" (the
  United States' air bases renamed since 2020: "Vandenberg Space Force Base");
* "DFW Airport" and "DFW International Airport" (the code alone is no form: "LAX", "BOS"
  and "SEA" are words too).

Run time does not need airportsdata: the derived file ships in src/geomap/data/.
"""

from __future__ import annotations

import csv
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "geomap" / "data" / "airports.tsv"
HEADER = ("key", "name", "kind", "cc", "lat", "lon", "forms")

_BASE = re.compile(
    r"\b(Air Base|Air Force Base|AFB|Space Force Base|Naval Air Station|Naval Air Base|"
    r"Army Air ?field|Airbase|Naval Support Facility|Marine Corps Air Station|Joint Base)\b",
    re.IGNORECASE,
)
# Countries whose air bases bear people's names: the United States' ("Andrews", "Nellis",
# "Vandenberg"), Pakistan's airmen ("Masroor", "Minhas", "Mushaf") and Indonesia's
# ("Sutan Sjahrir", "Soewondo"); Britain's names follow "RAF" ("RAF Lakenheath")
NAMED_AFTER_PEOPLE = frozenset({"US", "GB", "PK", "ID"})
_TAIL = re.compile(
    r"(^|\s+)(International\s+)?(Airport|Air Base|Airbase|Air Force Base|AFB|Space Force Base)$"
)


def _clean(name: str) -> str:
    name = re.sub(r"\bAfb\b", "Air Force Base", name)
    name = re.sub(r"\bNtl\b", "National", name)
    return re.sub(r"\s+(Air Force Base|Air Base|Space Force Base)\s+Airport$", r" \1", name).strip()


def _bare(name: str) -> str:
    return _TAIL.sub("", name).strip()


# Words that name no airport without a place's name before them: "Alpena County Regional
# Airport" without its city is "County Regional Airport", which 3 airports would share
# (and "Municipal Airport" 231)
GENERIC = frozenset(
    """county regional municipal international city metropolitan memorial national state
    area field airpark executive downtown domestic intercontinental air""".split()
)
# ... and the words of a base's type: "Iwakuni Marine Corps Air Station" without its city
# was "Marine Corps Air Station", which "Marine Corps Air Station Miramar" put in Japan
GENERIC_BASE = GENERIC | frozenset(
    "naval army marine corps station airfield airbase base force joint reserve".split()
)


def forms(name: str, city: str) -> list[str]:
    """The forms of one airfield's name (see the module docstring)."""
    out = [name, name.replace("International ", "")]
    core = name[len(city) + 1 :] if city and name.startswith(city + " ") else ""
    if any(word.lower() not in GENERIC_BASE for word in _bare(core).split()):
        out += [core, core.replace("International ", "")]
    for f in list(out):
        for long, short in (("Air Force Base", "AFB"), ("Space Force Base", "SFB")):
            if f.endswith(" " + long):
                out.append(f[: -len(long)] + short)
            elif f.endswith(" " + short):
                out.append(f[: -len(short)] + long)
    keep: list[str] = []
    for f in out:
        if " " in f and f not in keep:
            keep.append(f)
    return keep


def rows() -> list[tuple[str, ...]]:
    """One row per kept airfield, sorted by key."""
    path = resources.files("airportsdata") / "airports.csv"
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name, icao = _clean(r["name"].replace('"', "")), r["icao"]
            if " " not in name:  # "Schiphol": one word is too weak a clue (see above)
                continue
            military = bool(_BASE.search(name))
            if not (r["iata"] or military) or any(ch.isdigit() for ch in icao):
                continue
            fs = forms(name, r["city"])
            if r["iata"]:  # "DFW International Airport", "LAX Airport": by its code too
                fs += [f"{r['iata']} Airport", f"{r['iata']} International Airport"]
            bare = _bare(name)
            if military and r["country"] not in NAMED_AFTER_PEOPLE and not _BASE.search(bare):
                fs += [bare] * bool(bare and bare not in fs)
            out.append(
                (
                    f"airport:{icao}",
                    name,
                    "base" if military else "airport",
                    r["country"],
                    f"{float(r['lat']):.5f}",
                    f"{float(r['lon']):.5f}",
                    "|".join(fs),
                )
            )
    return sorted(out)


def main() -> int:
    table = rows()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(HEADER)
        w.writerows(table)
    kinds = {k: sum(1 for r in table if r[2] == k) for k in ("airport", "base")}
    print(f"wrote {OUT}: {len(table)} airfields {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
