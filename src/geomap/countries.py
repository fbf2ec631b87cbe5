"""Country and sea polygons: shapes, neighbours, shared borders, point-in-country, basemap.

Polygons come from ``geomap/data/countries.geojson`` (Natural Earth, simplified by
``geodata/build_countries.py`` so neighbours share their border vertex for vertex) and
``geomap/data/marine.geojson`` (Natural Earth's marine areas, ``geodata/build_marine.py``).
Each file is read once, on first use, and cached (countries with an STRtree for point
lookups). All coordinates are lon/lat (EPSG:4326), as in GeoJSON.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString, Point, shape
from shapely.geometry.base import BaseGeometry

log = logging.getLogger(__name__)

KM_PER_DEGREE = 111.32  # along a meridian; a degree of longitude shrinks with cos(lat)
_COMPASS = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")
_BEARINGS = {name: 45.0 * number for number, name in enumerate(_COMPASS)}
# A "northern neighbour" may lie north-east or north-west as well, as in ordinary usage.
_HALF_SECTOR = 67.5
_MAX_REACH = 3.0  # in mainland half-extents; farther borders belong to overseas parts


@dataclass(frozen=True)
class _Atlas:
    """The loaded country polygons and their spatial index."""

    codes: tuple[str, ...]
    shapes: tuple[BaseGeometry, ...]
    index: dict[str, int]
    tree: shapely.STRtree


def _read_data(name: str) -> str:
    return resources.files("geomap").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def _atlas() -> _Atlas:
    collection = json.loads(_read_data("countries.geojson"))
    codes, shapes = [], []
    for feature in collection["features"]:
        codes.append(feature["properties"]["iso2"])
        shapes.append(shape(feature["geometry"]))
    log.debug("loaded %d country polygons", len(codes))
    return _Atlas(
        codes=tuple(codes),
        shapes=tuple(shapes),
        index={code: number for number, code in enumerate(codes)},
        tree=shapely.STRtree(shapes),
    )


@functools.cache
def _basemap_text() -> str:
    return _read_data("basemap.geojson")


def _normal(iso2: Any) -> str:
    return str(iso2 or "").strip().upper()


def country_codes() -> tuple[str, ...]:
    """Return the ISO-2 codes of every shipped country polygon, sorted.

    Returns
    -------
    tuple of str
        Codes such as ``"AF"``; Kosovo is ``"XK"``.
    """
    return _atlas().codes


def country_shape(iso2: str) -> BaseGeometry | None:
    """Return the (simplified) polygon of a country.

    Parameters
    ----------
    iso2 : str
        ISO 3166-1 alpha-2 code, any case.

    Returns
    -------
    BaseGeometry or None
        A valid Polygon or MultiPolygon in lon/lat, or ``None`` for an unknown code.
    """
    atlas = _atlas()
    number = atlas.index.get(_normal(iso2))
    return None if number is None else atlas.shapes[number]


def union_shape(iso2s: Iterable[str]) -> BaseGeometry | None:
    """Return the union of several countries, e.g. a region's members.

    Parameters
    ----------
    iso2s : iterable of str
        ISO-2 codes; unknown codes and repeats are ignored.

    Returns
    -------
    BaseGeometry or None
        A valid (Multi)Polygon, or ``None`` when no code is known.
    """
    found = (country_shape(code) for code in sorted({_normal(code) for code in iso2s}))
    parts = [part for part in found if part is not None]
    if not parts:
        return None
    # The polygons form an exact coverage, so the cheap coverage union is also exact.
    merged = shapely.coverage_union_all(parts)
    return merged if merged.is_valid else shapely.make_valid(shapely.union_all(parts))


def _linear(geometry: BaseGeometry) -> LineString | MultiLineString | None:
    """Keep only the line parts of an overlay result, merged end to end."""
    parts = shapely.get_parts(geometry)
    lines = [part for part in parts if isinstance(part, LineString) and part.length > 0]
    if not lines:
        return None
    merged = shapely.line_merge(MultiLineString(lines))
    return merged if isinstance(merged, (LineString, MultiLineString)) else None


@functools.lru_cache(maxsize=4096)
def _border_pair(a: str, b: str) -> LineString | MultiLineString | None:
    first, second = country_shape(a), country_shape(b)
    if first is None or second is None or a == b or not first.intersects(second):
        return None
    return _linear(first.boundary.intersection(second.boundary))


def shared_border(a: str, b: str) -> LineString | MultiLineString | None:
    """Return the land border two countries share.

    Parameters
    ----------
    a, b : str
        ISO-2 codes.

    Returns
    -------
    LineString or MultiLineString or None
        The merged border line (lon/lat), or ``None`` if they are not neighbours (a
        single touching point, as at a quadripoint, does not count).
    """
    first, second = sorted((_normal(a), _normal(b)))
    return _border_pair(first, second)


@functools.lru_cache(maxsize=512)
def _neighbours(iso2: str) -> tuple[str, ...]:
    atlas, own = _atlas(), country_shape(iso2)
    if own is None:
        return ()
    touching = (atlas.codes[int(i)] for i in atlas.tree.query(own, predicate="intersects"))
    return tuple(sorted(code for code in touching if shared_border(iso2, code) is not None))


def neighbours(iso2: str) -> tuple[str, ...]:
    """Return the countries that share a land border with ``iso2``.

    Parameters
    ----------
    iso2 : str
        ISO-2 code.

    Returns
    -------
    tuple of str
        Sorted ISO-2 codes; empty for islands and unknown codes.
    """
    return _neighbours(_normal(iso2))


def _bearing_of(direction: str) -> float:
    """Turn "northern", "North-East", "south west", "westward" into a compass bearing."""
    word = "".join(ch for ch in direction.lower() if ch.isalpha())
    for suffix in ("erly", "wards", "ward", "ern"):
        if word.endswith(suffix) and word[: -len(suffix)] in _BEARINGS:
            word = word[: -len(suffix)]
            break
    if word not in _BEARINGS:
        raise ValueError(f"unknown direction: {direction!r}")
    return _BEARINGS[word]


def _mainland(geometry: BaseGeometry) -> BaseGeometry:
    """The largest part: overseas islands must not move a country's centre."""
    parts = shapely.get_parts(geometry)
    return max(parts, key=lambda part: part.area)


def borders_toward(iso2: str, direction: str) -> tuple[str, ...]:
    """Return the neighbours lying in a compass direction, e.g. Afghanistan's northern ones.

    A neighbour counts when its bearing lies within 67.5 degrees of the direction. The
    bearing blends two views from the country's mainland: where the middle of the shared
    border lies (offsets scaled by the mainland's extent, so a long thin country such as
    Chile still has a north and a south) and where the neighbour's own mainland lies.
    Borders far from the mainland (overseas territories) are ignored.

    Parameters
    ----------
    iso2 : str
        ISO-2 code.
    direction : str
        "north", "northern", "north-east", "southwestern", "westward" ...

    Returns
    -------
    tuple of str
        Sorted ISO-2 codes; empty for an unknown code or a country without neighbours.

    Raises
    ------
    ValueError
        If ``direction`` is not a compass direction.
    """
    target = _bearing_of(direction)
    own = country_shape(iso2)
    if own is None:
        return ()
    mainland = _mainland(own)
    home = mainland.centroid
    minx, miny, maxx, maxy = mainland.bounds
    half_x, half_y = max((maxx - minx) / 2, 1e-6), max((maxy - miny) / 2, 1e-6)
    chosen = []
    for other in neighbours(iso2):
        border = shared_border(iso2, other)
        if border is None:
            continue
        middle = (
            border.centroid
            if isinstance(border, MultiLineString)
            else border.interpolate(0.5, normalized=True)
        )
        east, north = (middle.x - home.x) / half_x, (middle.y - home.y) / half_y
        reach = math.hypot(east, north)
        # An overseas border (French Guiana's with Brazil) says nothing about France's south.
        if reach < 1e-9 or reach > _MAX_REACH:
            continue
        # Blend where the border runs with where the neighbour itself lies: the border
        # alone misleads for hooked countries (Norway-Sweden), the neighbour's centre
        # alone for long ones (Chile-Argentina).
        theirs = _mainland(country_shape(other)).centroid
        away_x = (theirs.x - home.x) * math.cos(math.radians((theirs.y + home.y) / 2))
        away_y = theirs.y - home.y
        away = math.hypot(away_x, away_y) or 1.0
        bearing = math.degrees(
            math.atan2(east / reach + away_x / away, north / reach + away_y / away)
        )
        if abs((bearing - target + 180) % 360 - 180) <= _HALF_SECTOR:
            chosen.append(other)
    return tuple(chosen)


def country_at(lat: float, lon: float, *, tolerance_km: float = 10.0) -> str | None:
    """Return the country containing a point (reverse geocoding).

    Parameters
    ----------
    lat, lon : float
        WGS84 degrees.
    tolerance_km : float
        A point just off the simplified coast (a port city) takes the nearest country
        within this distance.

    Returns
    -------
    str or None
        ISO-2 code, or ``None`` at sea or for a non-finite point.
    """
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    atlas = _atlas()
    point = Point(lon, lat)
    hits = sorted(atlas.codes[int(i)] for i in atlas.tree.query(point, predicate="intersects"))
    if hits:
        return hits[0]
    if tolerance_km <= 0:
        return None
    reach = tolerance_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    nearest = atlas.tree.query_nearest(point, max_distance=reach)
    return min((atlas.codes[int(i)] for i in nearest), default=None)


@functools.cache
def _marine() -> dict[str, BaseGeometry]:
    collection = json.loads(_read_data("marine.geojson"))
    seas = {
        f["properties"]["name"].casefold(): shape(f["geometry"]) for f in collection["features"]
    }
    log.debug("loaded %d marine areas", len(seas))
    return seas


def marine_shape(name: str) -> BaseGeometry | None:
    """Return the polygon of a sea, gulf, strait or ocean, e.g. "Sea of Japan".

    Parameters
    ----------
    name : str
        The gazetteer's name of the marine area (any case), as in ``regions.tsv``, or a
        Natural Earth name ("Philippine Sea").

    Returns
    -------
    BaseGeometry or None
        A valid (Multi)Polygon in lon/lat, or ``None`` when no marine area has that name
        (rivers, lakes and canals have none).
    """
    return _marine().get(" ".join(str(name or "").split()).casefold())


def land_within(geometry: BaseGeometry) -> BaseGeometry:
    """Return the land (all countries, merged) inside a shape's bounding box.

    Parameters
    ----------
    geometry : BaseGeometry
        Any lon/lat geometry; only its bounds matter.

    Returns
    -------
    BaseGeometry
        A valid (Multi)Polygon, possibly empty (open sea).
    """
    atlas = _atlas()
    box = geometry.bounds
    hits = sorted(int(i) for i in atlas.tree.query(shapely.box(*box)))
    # only the land within the box matters: clip before the (costly) union; clipping
    # may leave a hole without its shell, so repair before the overlay
    pieces = [shapely.clip_by_rect(atlas.shapes[i], *box) for i in hits]
    pieces = [p if p.is_valid else shapely.make_valid(p) for p in pieces if not p.is_empty]
    if not pieces:
        return shapely.Polygon()
    try:
        land = shapely.coverage_union_all(pieces)
    except shapely.errors.GEOSException:  # clipping left pieces noded apart
        return shapely.union_all(pieces)
    return land if land.is_valid else shapely.union_all(pieces)


def at_sea(geometry: BaseGeometry) -> BaseGeometry:
    """Return the part of a shape that lies at sea (off every country's land).

    Parameters
    ----------
    geometry : BaseGeometry
        Any lon/lat geometry.

    Returns
    -------
    BaseGeometry
        ``geometry`` less land; may be empty (a shape wholly inland).
    """
    land = land_within(geometry)
    return geometry if land.is_empty else geometry.difference(land)


def buffer_shape_km(geometry: BaseGeometry, km: float) -> BaseGeometry:
    """Grow a shape by about ``km`` on the ground (longitudes scaled at its latitude).

    Parameters
    ----------
    geometry : BaseGeometry
        Any lon/lat geometry.
    km : float
        Distance; positive grows, negative shrinks.

    Returns
    -------
    BaseGeometry
        The buffered geometry in lon/lat.
    """
    lat = (geometry.bounds[1] + geometry.bounds[3]) / 2
    squeeze = max(math.cos(math.radians(lat)), 0.05)
    flat = shapely.transform(geometry, lambda xy: xy * [squeeze, 1.0])
    reach = km / KM_PER_DEGREE
    # detail finer than a tenth of the distance does not show in the result
    grown = flat.simplify(abs(reach) / 10).buffer(reach, quad_segs=4)
    return shapely.transform(grown, lambda xy: xy / [squeeze, 1.0])


def basemap() -> dict:
    """Return the coarse basemap FeatureCollection for the renderer.

    Returns
    -------
    dict
        A fresh GeoJSON FeatureCollection (the caller may change it); features carry
        ``iso2`` and ``name``. Sorted by ``iso2``; the Vatican is too small to survive.
    """
    return json.loads(_basemap_text())
