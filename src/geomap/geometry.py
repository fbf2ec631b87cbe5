"""Facts -> shapely shapes: shared borders, zones, routes and points.

Country shapes and borders come from :mod:`geomap.countries`. All coordinates are lon/lat
(EPSG:4326), as in GeoJSON; every returned geometry is valid and on a 1e-4 degree grid.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geomap.countries import (
    KM_PER_DEGREE,
    _linear,
    _normal,
    neighbours,
    shared_border,
    union_shape,
)
from geomap.models import Fact, Place, PlaceKind

log = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088
ROUTE_CORRIDOR_DEG = 4.0  # half-width of the band a route stop is sought in
BORDER_CLIP_KM = 350.0  # a city's or province's border fact is the stretch near it
ZONE_RADIUS_KM = 100.0  # a city or province in a zone fact covers this much around it
PRECISION = 1e-4  # output grid, degrees (about 11 m)

_SPREAD_KINDS = {PlaceKind.REGION, PlaceKind.HISTORICAL, PlaceKind.CONTINENT}


def _curve(start: tuple[float, float], end: tuple[float, float], steps: int = 12) -> np.ndarray:
    """A quadratic Bezier bowing to the left of the segment, for a drawn-by-hand look."""
    p0, p2 = np.asarray(start), np.asarray(end)
    control = (p0 + p2) / 2 + 0.12 * np.array([p0[1] - p2[1], p2[0] - p0[0]])
    t = np.linspace(0.0, 1.0, steps + 1)[:, None]
    return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * control + t**2 * p2


def route_line(points: Sequence[tuple[float, float]], *, curved: bool = True) -> LineString:
    """Return a line through points in the given order.

    Parameters
    ----------
    points : sequence of (lat, lon)
        Stops in travel order; consecutive repeats are dropped.
    curved : bool
        Bow each leg slightly so a route reads as movement rather than a border.

    Returns
    -------
    LineString
        In lon/lat, rounded to 4 decimals. Longitudes are unwrapped so a leg never
        crosses the whole map (values may pass 180).

    Raises
    ------
    ValueError
        If fewer than two distinct points are given.
    """
    stops: list[tuple[float, float]] = []
    for lat, lon in points:
        lat, lon = float(lat), float(lon)
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue
        if stops:
            # Unwrap so Alaska -> Chukotka goes across the Bering Strait, not round the world.
            lon += 360.0 * round((stops[-1][0] - lon) / 360.0)
        if not stops or (lon, lat) != stops[-1]:
            stops.append((lon, lat))
    if len(stops) < 2:
        raise ValueError("a route needs at least two distinct points")
    if not curved:
        coords = stops
    else:
        legs = [_curve(start, end)[1:] for start, end in itertools.pairwise(stops)]
        coords = np.vstack([np.asarray(stops[:1]), *legs])
    return shapely.set_precision(LineString(coords), PRECISION)


def buffer_km(lat: float, lon: float, km: float) -> Polygon:
    """Return an approximate circle of ``km`` around a point, in degrees.

    Parameters
    ----------
    lat, lon : float
        Centre in WGS84 degrees.
    km : float
        Radius; must be positive.

    Returns
    -------
    Polygon
        An ellipse in lon/lat that is a circle on the ground (wider in longitude away
        from the equator), rounded to 4 decimals, latitudes clipped to +-90.

    Raises
    ------
    ValueError
        If ``km`` is not positive or the centre is not finite.
    """
    if not (km > 0 and math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"bad circle: lat={lat}, lon={lon}, km={km}")
    d_lat = km / KM_PER_DEGREE
    d_lon = km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    angles = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
    ring = np.column_stack(
        [lon + d_lon * np.cos(angles), np.clip(lat + d_lat * np.sin(angles), -90.0, 90.0)]
    )
    circle = shapely.set_precision(Polygon(ring), PRECISION)
    return circle if circle.is_valid else shapely.make_valid(circle)


def length_km(line: BaseGeometry) -> float:
    """Great-circle length of a line, summed segment by segment (haversine).

    Parameters
    ----------
    line : BaseGeometry
        Any geometry in lon/lat; its line work (or rings) is measured.

    Returns
    -------
    float
        Kilometres.
    """
    lines = shapely.boundary(line) if line.area else line
    total = 0.0
    for part in shapely.get_parts(lines):
        lon, lat = np.radians(shapely.get_coordinates(part)).T
        h = (
            np.sin(np.diff(lat) / 2) ** 2
            + np.cos(lat[:-1]) * np.cos(lat[1:]) * np.sin(np.diff(lon) / 2) ** 2
        )
        total += float(np.sum(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))))
    return total


def _codes(place: Place) -> tuple[str, ...]:
    if place.kind in _SPREAD_KINDS and place.members:
        return tuple(_normal(code) for code in place.members)
    return (_normal(place.country_code),) if place.country_code else ()


def _is_local(place: Place) -> bool:
    """Cities, provinces and features are points, not whole countries."""
    return place.kind not in _SPREAD_KINDS and place.kind is not PlaceKind.COUNTRY


def _near(line: BaseGeometry | None, place: Place, *, strict: bool = False) -> BaseGeometry | None:
    """Keep the stretch of ``line`` near a city or province.

    The whole line is kept when no stretch is near, unless ``strict``: a lone city far
    from any border has no border of its own.
    """
    if line is None or not _is_local(place):
        return line
    clipped = _linear(line.intersection(buffer_km(place.lat, place.lon, BORDER_CLIP_KM)))
    return clipped if clipped is not None or strict else line


def _route_stops(places: Sequence[Place]) -> list[tuple[float, float]]:
    """(lat, lon) stops of a route. A country or region passed through is entered where
    the route crosses it, not at its centre: heroin from Central Asia to Europe crosses
    southern Russia, not Siberia. The first and last stops keep their own points."""
    stops = [(float(p.lat), float(p.lon)) for p in places]
    for n in range(1, len(places) - 1):
        place = places[n]
        if _is_local(place):
            continue
        area = union_shape(_codes(place))
        if area is None or area.is_empty:
            continue
        # the band from the previous stop toward the route's destination
        (lat0, lon0), (lat1, lon1) = stops[n - 1], stops[-1]
        corridor = LineString([(lon0, lat0), (lon1, lat1)]).buffer(ROUTE_CORRIDOR_DEG)
        crossed = area.intersection(corridor)
        if crossed.is_empty:
            crossed = area
        pt = crossed.representative_point()
        stops[n] = (round(pt.y, 4), round(pt.x, 4))
    return stops


def _border_geometry(places: Sequence[Place]) -> BaseGeometry | None:
    first, others = places[0], places[1:]
    pieces: list[BaseGeometry] = []
    if not others:
        # "the Afghan border": every land border of the place's country (or members).
        for code in _codes(first):
            for other in neighbours(code):
                pieces.append(_near(shared_border(code, other), first, strict=True))
    for other in others:
        for a in _codes(first):
            for b in _codes(other):
                if a == b:
                    continue
                line = _near(_near(shared_border(a, b), first), other)
                pieces.append(line)
    pieces = [piece for piece in pieces if piece is not None]
    if not pieces:
        return None
    return _linear(shapely.union_all(pieces))


def _zone_geometry(places: Sequence[Place]) -> BaseGeometry | None:
    pieces: list[BaseGeometry] = []
    codes: list[str] = []
    for place in places:
        if _is_local(place):
            pieces.append(buffer_km(place.lat, place.lon, ZONE_RADIUS_KM))
        else:
            codes.extend(_codes(place))
    countries = union_shape(codes)
    if countries is not None:
        pieces.append(countries)
    if not pieces:
        return None
    return pieces[0] if len(pieces) == 1 else shapely.union_all(pieces)


def _finish(geometry: BaseGeometry | None) -> BaseGeometry | None:
    """Snap to the output grid and make sure the result is valid and non-empty."""
    if geometry is None or geometry.is_empty:
        return None
    snapped = shapely.set_precision(geometry, PRECISION)
    if not snapped.is_valid:
        snapped = shapely.make_valid(snapped)
    return None if snapped.is_empty else snapped


def fact_geometry(fact: Fact) -> BaseGeometry | None:
    """Draw a fact: its border line, zone, route or point.

    Parameters
    ----------
    fact : Fact
        ``fact.shape`` picks the drawing: ``border`` (shared borders between the first
        place and each other one; a city or province keeps the stretch within 350 km of
        it; a lone place gives all its land borders, only those near it for a city),
        ``zone`` (union of the countries, regions' members, and 100 km circles round
        cities and provinces), ``route``
        (line through the places in order) or ``point`` (the first place).

    Returns
    -------
    BaseGeometry or None
        A valid geometry in lon/lat on a 1e-4 degree grid, or ``None`` when nothing can
        be drawn (no places, unknown shape, no shared border). Never raises on odd input.
    """
    try:
        places = tuple(place for place in fact.places if place is not None)
        if not places:
            return None
        kind = str(fact.shape or "point").strip().lower()
        if kind == "border":
            return _finish(_border_geometry(places))
        if kind == "zone":
            return _finish(_zone_geometry(places))
        if kind == "route":
            return _finish(route_line(_route_stops(places)))
        if kind == "point":
            lat, lon = float(places[0].lat), float(places[0].lon)
            if not (math.isfinite(lat) and math.isfinite(lon)):
                return None
            return _finish(Point(lon, lat))
        log.debug("unknown fact shape %r", fact.shape)
        return None
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as err:
        log.debug("no geometry for fact %r: %s", getattr(fact, "label", fact), err)
        return None
