"""Build the shipped sea, gulf and strait polygons from Natural Earth's marine areas.

Writes ``src/geomap/data/marine.geojson``: one feature per named marine area (``name``,
``kind``), so a drill "in the Sea of Japan" is drawn in that sea and not as the countries
around it; and ``src/geomap/data/marine.tsv``, the areas regions.tsv does not curate as
gazetteer rows (the columns of physical.tsv: a point in the water, the countries on its
shores), so that "the Philippine Sea" or "Chesapeake Bay" is a place at all. Every sea, strait and gulf of ``geodata/curated/regions.tsv`` (kind ``feature``)
gets a polygon under the gazetteer's own name: Natural Earth's polygon where one exists
(matched by name, or through ``NE_NAMES``), else a circle round the curated point with the
land taken out (the Strait of Hormuz and the Kerch Strait are no separate polygons there).

The source is ``ne_10m_geography_marine_polys`` (Natural Earth, public domain) as GeoJSON,
read from a local file: ``10m/physical/ne_10m_geography_marine_polys.json`` of the
martynafford/natural-earth-geojson repository (CC0). Land is geomap's own
``countries.geojson``. Nothing is downloaded.

Usage::

    /work/main/.venv/bin/python geodata/build_marine.py SOURCE.json [--out DIR]
    /work/main/.venv/bin/python geodata/build_marine.py --names-only   # marine.tsv only,
                                                     # from the shipped marine.geojson
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import Polygon, mapping, shape

log = logging.getLogger("build_marine")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "geomap" / "data"
REGIONS = ROOT / "geodata" / "curated" / "regions.tsv"
COUNTRIES = DEFAULT_OUT / "countries.geojson"

KINDS = {"ocean", "sea", "gulf", "bay", "strait", "channel", "sound"}
WATER_WORDS = re.compile(r"\b(sea|ocean|gulf|strait|straits|bay|channel|sound|bab)\b", re.I)
# Gazetteer name -> Natural Earth names (after whitespace and case are normalised).
NE_NAMES = {
    "Atlantic Ocean": ("North Atlantic Ocean", "South Atlantic Ocean"),
    "Pacific Ocean": ("North Pacific Ocean", "South Pacific Ocean"),
    "Bab-el-Mandeb": ("Bab el Mandeb",),
    "Bosphorus": ("Bosporus",),
}
TOLERANCE = 0.06  # degrees; a strait narrower than this keeps its shape through the cap below
MIN_PART = 0.005  # square degrees; islands of water smaller than this are dropped
DECIMALS = 2
FALLBACK_KM = 80.0  # radius of a strait with no polygon of its own
MIN_AREA = 0.05  # square degrees; Natural Earth draws some straits as slivers or mere labels
KM_PER_DEGREE = 111.32
SHORE_DEGREES = 0.3  # a country this near an area's polygon is on its shores
# Natural Earth's abbreviations, written out for the names news uses
ABBREVIATIONS = ((re.compile(r"\bStr\.$"), "Strait"), (re.compile(r"\bSd\.$"), "Sound"))
_UNDECOMPOSED = str.maketrans({"'": "", "ø": "o", "Ø": "O"})
TSV_HEADER = ("key", "name", "forms", "lat", "lon", "cc", "members")


def _name(raw: str | None) -> str:
    text = " ".join(str(raw or "").split())
    return text.title() if text.isupper() else text


def read_marine(source: Path) -> dict[str, tuple[str, shapely.Geometry]]:
    """Natural Earth marine areas by normalised name: (featurecla, merged geometry)."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    parts: dict[str, list[shapely.Geometry]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for feature in collection["features"]:
        props = feature["properties"]
        name, kind = _name(props.get("name")), str(props.get("featurecla") or "").lower()
        if not name or kind not in KINDS:
            continue
        geometry = shapely.make_valid(shape(feature["geometry"]))
        parts[name].append(geometry)
        kinds.setdefault(name, kind)
    return {name: (kinds[name], shapely.union_all(geoms)) for name, geoms in parts.items()}


def read_features(regions: Path) -> list[dict[str, str]]:
    """The ``feature`` rows of regions.tsv that name a body of water."""
    with regions.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return [r for r in rows if r["kind"] == "feature"]


def read_land(countries: Path) -> shapely.Geometry:
    """All country polygons as one land mass."""
    collection = json.loads(countries.read_text(encoding="utf-8"))
    return shapely.union_all([shape(f["geometry"]) for f in collection["features"]])


def circle(lat: float, lon: float, km: float) -> Polygon:
    """A circle on the ground around a point, as an ellipse in lon/lat."""
    angles = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
    d_lat = km / KM_PER_DEGREE
    d_lon = km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    return Polygon(np.column_stack([lon + d_lon * np.cos(angles), lat + d_lat * np.sin(angles)]))


def simplify(geometry: shapely.Geometry) -> shapely.Geometry:
    """Simplify, round and drop specks; narrow straits get a finer tolerance."""
    minx, miny, maxx, maxy = geometry.bounds
    tolerance = min(TOLERANCE, max(maxx - minx, maxy - miny) / 40)
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    simple = shapely.set_precision(simple, 10.0**-DECIMALS)
    if not simple.is_valid:
        simple = shapely.make_valid(simple)
    polys = [p for p in shapely.get_parts(simple) if p.geom_type == "Polygon"]
    big = [p for p in polys if p.area >= MIN_PART] or polys
    merged = shapely.union_all(big) if big else simple
    return shapely.orient_polygons(merged) if hasattr(shapely, "orient_polygons") else merged


def feature_json(name: str, kind: str, geometry: shapely.Geometry) -> str:
    """One GeoJSON feature on one line, keys sorted."""
    geo = json.loads(json.dumps(mapping(geometry)))
    feature = {"type": "Feature", "properties": {"kind": kind, "name": name}, "geometry": geo}
    return json.dumps(feature, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _water_circle(lat: float, lon: float, land: shapely.Geometry) -> shapely.Geometry:
    return circle(lat, lon, FALLBACK_KM).difference(land)


def build(source: Path, out_dir: Path = DEFAULT_OUT) -> dict[str, int]:
    """Write marine.geojson; return counts (features, widened slivers, fallback circles)."""
    marine = read_marine(source)
    land = read_land(COUNTRIES)
    chosen: dict[str, tuple[str, shapely.Geometry]] = dict(marine)
    counts = {"fallback": 0, "widened": 0}
    lower = {name.lower(): name for name in marine}
    points: dict[str, tuple[float, float]] = {}
    for row in read_features(REGIONS):
        name = row["name"]
        wanted = [w for w in NE_NAMES.get(name, (name,)) if w.lower() in lower]
        if not wanted and not WATER_WORDS.search(name):
            continue  # a river, lake or canal: not a marine area
        points[name] = (float(row["lat"]), float(row["lon"]))
        for w in wanted:
            chosen.pop(lower[w.lower()], None)  # shipped under the gazetteer's name only
        if wanted:
            found = [marine[lower[w.lower()]] for w in wanted]
            chosen[name] = (found[0][0], shapely.union_all([g for _, g in found]))
        else:
            log.info("%s: no Natural Earth polygon, %g km circle less land", name, FALLBACK_KM)
            kind = "strait" if "strait" in name.lower() else "sea"
            chosen[name] = (kind, _water_circle(*points[name], land))
            counts["fallback"] += 1
    lines = []
    for name in sorted(chosen):
        kind, geometry = chosen[name]
        if geometry.area < MIN_AREA:
            # a sliver: widen it to the water within reach of the strait's point
            lat, lon = points.get(name) or (geometry.centroid.y, geometry.centroid.x)
            geometry = geometry.union(_water_circle(lat, lon, land))
            counts["widened"] += 1
        simple = simplify(geometry)
        if simple.is_empty:
            log.info("%s: nothing left after simplifying, dropped", name)
            continue
        lines.append(feature_json(name, kind, simple))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    (out_dir / "marine.geojson").write_text(text, encoding="utf-8")
    counts["names"] = write_names(out_dir)
    return {"features": len(lines), **counts}


def write_names(out_dir: Path = DEFAULT_OUT) -> int:
    """Write marine.tsv from ``out_dir``'s marine.geojson; return its number of rows.

    One row per area regions.tsv does not name (those are the gazetteer's already): its
    name with Natural Earth's abbreviations written out ("Bransfield Str."), a point on
    its surface, and the countries within :data:`SHORE_DEGREES` of it; a name still
    abbreviated ("B. Inutil") is left out.
    """
    curated = {row["name"].lower() for row in read_features(REGIONS)}
    collection = json.loads((out_dir / "marine.geojson").read_text(encoding="utf-8"))
    countries = json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]
    codes = [f["properties"]["iso2"] for f in countries]
    shapes = [shape(f["geometry"]) for f in countries]
    tree = shapely.STRtree(shapes)
    rows = []
    for feature in collection["features"]:
        name = feature["properties"]["name"]
        for pattern, word in ABBREVIATIONS:
            name = pattern.sub(word, name)
        if name.lower() in curated or "." in name:
            continue
        geometry = shape(feature["geometry"])
        point = shapely.point_on_surface(geometry)
        near = tree.query(geometry.buffer(SHORE_DEGREES), predicate="intersects")
        members = sorted({codes[int(i)] for i in near})
        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")
        lat, lon = f"{point.y:.{DECIMALS}f}", f"{point.x:.{DECIMALS}f}"
        rows.append((f"marine:{slug}", name, name, lat, lon, "", "|".join(members)))
    lines = ["\t".join(TSV_HEADER), *("\t".join(row) for row in sorted(rows))]
    (out_dir / "marine.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: the source file and the output folder."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path, nargs="?", help="ne_10m_geography_marine_polys as GeoJSON")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--names-only", action="store_true", help="only marine.tsv, from --out's marine.geojson"
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    if args.names_only:
        log.info("wrote %d marine names", write_names(args.out))
        return 0
    if args.source is None:
        ap.error("the source file is needed unless --names-only")
    counts = build(args.source, args.out)
    log.info(
        "wrote %(features)d marine areas (%(widened)d slivers widened, %(fallback)d circles)",
        counts,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
