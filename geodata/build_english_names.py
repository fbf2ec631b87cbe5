"""Derive ``english_names.tsv``: the English names of towns GeoNames names otherwise.

    python geodata/build_english_names.py ne_10m_populated_places.json

Source: Natural Earth 1:10m *Populated places* (public domain), as
``10m/cultural/ne_10m_populated_places.7z`` of the martynafford/natural-earth-geojson
repository (CC0; unpacked as geodata/README.md shows). Each of its 7,343 towns carries its
GeoNames id and an English name (``NAME_EN``, after the English Wikipedia). GeoNames now
names some big towns in their own language and keeps the English name among its alternate
names only ("Makkah", "Madinah", "Köln", "Odesa"), where a small namesake holds it as its
own name ("Mecca", California; "Medina", Ohio; "Cologne", Italy): "Pilgrims gathered in
Mecca" was the Californian town. Each Latin-script English name is kept; the gazetteer's
builder reads it as one of its town's names, through the filters the town's other names
pass.

Run time does not need the source: the derived file ships in src/geomap/data/.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "geomap" / "data" / "english_names.tsv"
HEADER = ("geonameid", "name")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’-]+$")


def english_names(features: list[dict]) -> list[tuple[str, str]]:
    """(GeoNames id, English name) of each place with both, the name in Latin script,
    sorted by id."""
    rows = set()
    for feature in features:
        props = feature["properties"]
        gid, name = props.get("GEONAMEID"), (props.get("NAME_EN") or "").strip()
        if not gid or gid <= 0 or not name or not _LATIN.match(name):
            continue
        rows.add((str(int(gid)), name))
    return sorted(rows, key=lambda r: (int(r[0]), r[1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("places", type=Path, help="ne_10m_populated_places.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    features = json.loads(args.places.read_text(encoding="utf-8"))["features"]
    rows = english_names(features)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"{len(rows)} English names -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
