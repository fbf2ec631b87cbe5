"""Facts -> shapely shapes: shared borders, zones, routes and points, as the text says.

Country shapes, sea polygons and borders come from :mod:`geomap.countries`. The evidence
decides the drawing where the places alone cannot: a drill "in the Sea of Japan" fills that
sea, drills "around Taiwan" are a ring of water round the island (not Taiwan, nor China), a
route keeps to the countries the text names (or to the sea when it goes by boat). All
coordinates are lon/lat (EPSG:4326), as in GeoJSON; every returned geometry is valid and on
a 1e-4 degree grid.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geomap.countries import (
    KM_PER_DEGREE,
    _linear,
    _normal,
    at_sea,
    buffer_shape_km,
    land_within,
    marine_shape,
    neighbours,
    shared_border,
    union_shape,
)
from geomap.models import Fact, Layer, Place, PlaceKind

log = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088
ROUTE_CORRIDOR_DEG = 4.0  # half-width of the band a route stop is sought in
BORDER_CLIP_KM = 350.0  # a city's or province's border fact is the stretch near it
ZONE_RADIUS_KM = 100.0  # a city or province in a zone fact covers this much around it
PRECISION = 1e-4  # output grid, degrees (about 11 m)
RING_KM = 150.0  # drills "around" or "near" a place: the band this wide round it
FAR_STOP_KM = 2000.0  # a town this far from every other stop of a route is a namesake
GRID_CELLS = 90  # a route leg is routed on a grid about this many cells across
DETOUR_COST = 4.0  # a leg the named places cannot carry crosses other land at this price

# The text puts a drill at sea: naval forces, waters, a coast it is off.
SEA_TEXT = re.compile(
    r"\b(naval|navy|maritime|warships?|vessels?|at sea|waters|sea-air|sea lanes?|"
    r"off (?:the|its) (?:coast|island|shore)s?)\b",
    re.IGNORECASE,
)
# A route that goes by boat.
BY_SEA_TEXT = re.compile(
    r"\b(by sea|boats?|ships?|vessels?|dhows?|sea lanes?|sea routes?|maritime|shipping|"
    r"seaborne|at sea|ports?)\b",
    re.IGNORECASE,
)
# "around Taiwan", "near Japan and the Korean Peninsula", "off the coast of Oman"
_NEAR = (
    r"(?:(?:around|surround(?:s|ed|ing)?|encircl(?:e|es|ed|ing)|near|close to)"
    r"\s+(?:[^\s,.;:!?]+\s+){0,5}?"  # "near Japan and the Korean Peninsula"
    r"|off\s+(?:the\s+(?:coast|coasts|shores?|waters)\s+of\s+)?(?:the\s+)?)"  # not "called off"
)

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
        lon, lat = shapely.get_coordinates(part).T
        total += float(np.sum(_haversine_km(lat[:-1], lon[:-1], lat[1:], lon[1:])))
    return total


def _haversine_km(
    lat0: float | np.ndarray,
    lon0: float | np.ndarray,
    lat1: float | np.ndarray,
    lon1: float | np.ndarray,
) -> np.ndarray:
    """Great-circle distances between points given in degrees (arrays or scalars)."""
    lat0, lon0, lat1, lon1 = np.radians([lat0, lon0, lat1, lon1])
    h = (
        np.sin((lat1 - lat0) / 2) ** 2
        + np.cos(lat0) * np.cos(lat1) * np.sin((lon1 - lon0) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _codes(place: Place) -> tuple[str, ...]:
    if place.kind in _SPREAD_KINDS and place.members:
        return tuple(_normal(code) for code in place.members)
    return (_normal(place.country_code),) if place.country_code else ()


def _is_local(place: Place) -> bool:
    """Cities, provinces and features are points, not whole countries."""
    return place.kind not in _SPREAD_KINDS and place.kind is not PlaceKind.COUNTRY


def _evidence_text(fact: Fact) -> str:
    return "\n".join(str(getattr(e, "text", "")) for e in fact.evidence or ())


def said_near(place: Place, text: str) -> bool:
    """Does the text put something around, off or near ``place`` rather than in it?

    True for "around Taiwan", "surround Taiwan", "near Japan and the Korean Peninsula"
    (the name within five words, in the same clause), "off Taiwan", "off the coast of
    Oman"; not for "called off the drills with Japan".
    """
    name = re.escape(" ".join(place.name.split()))
    pattern = rf"\b{_NEAR}{name}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _sea_of(place: Place) -> BaseGeometry | None:
    """The polygon of a sea, gulf, strait or ocean place; None for any other place."""
    return marine_shape(place.name) if place.kind is PlaceKind.FEATURE else None


def _area(place: Place) -> BaseGeometry | None:
    """What a place covers: a sea's polygon, a country's or region's land, a circle for
    a city or province."""
    sea = _sea_of(place)
    if sea is not None:
        return sea
    if _is_local(place):
        if not (math.isfinite(place.lat) and math.isfinite(place.lon)):
            return None
        return buffer_km(place.lat, place.lon, ZONE_RADIUS_KM)
    return union_shape(_codes(place))


def _is_island(place: Place) -> bool:
    """A country (or group) with no land neighbour: what is "around" it is sea."""
    codes = _codes(place)
    return bool(codes) and not _is_local(place) and not any(neighbours(c) for c in codes)


def _ring(place: Place, *, sea: bool, actors: Sequence[Place]) -> BaseGeometry | None:
    """The band round a place: at sea when the text or the island says so, else on the
    actors' side of it (drills "near Armenia" by Azerbaijan and Turkey are on their land)."""
    area = _area(place)
    if area is None or area.is_empty:
        return None
    ring = buffer_shape_km(area, RING_KM).difference(area)
    if sea or _is_island(place):
        water = at_sea(ring)
        if not water.is_empty:
            return water
    codes = [code for actor in actors for code in _codes(actor)]
    own = union_shape(codes)
    if own is not None:
        theirs = ring.intersection(own)
        if theirs.area > 0.05 * ring.area:
            return theirs
    return ring


def _near(line: BaseGeometry | None, place: Place, *, strict: bool = False) -> BaseGeometry | None:
    """Keep the stretch of ``line`` near a city, province or territory: of a border in
    separate stretches the one nearest it, and of that the part within
    :data:`BORDER_CLIP_KM`.

    That stretch is kept whole when no part is that near, unless ``strict``: a lone city
    far from any border has no border of its own.
    """
    if line is None or not _is_local(place):
        return line
    if isinstance(line, MultiLineString):
        # Israel's border with Gaza and with the West Bank, China's with India either
        # side of Nepal: a place lies by one of them
        line = min(line.geoms, key=Point(place.lon, place.lat).distance)
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


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    return float(_haversine_km(a[0], a[1], b[0], b[1]))


def _drop_far_stops(
    places: Sequence[Place], stops: Sequence[tuple[float, float]]
) -> tuple[list[Place], list[tuple[float, float]]]:
    """Leave out a town thousands of km from every other stop, in a country no other
    stop is in: a namesake the geoparser picked ("Sahara", a village in Yemen, on a route
    through the Sahel). Needs three stops or more, to tell the odd one out."""
    if len(stops) < 3:
        return list(places), list(stops)
    keep = []
    for i, (place, stop) in enumerate(zip(places, stops, strict=True)):
        others = [j for j in range(len(stops)) if j != i]
        nearest = min(_km(stop, stops[j]) for j in others)
        shared = {c for j in others for c in _codes(places[j])} & set(_codes(place))
        if _is_local(place) and not shared and nearest > FAR_STOP_KM:
            log.info("route stop %r left out: %.0f km from any other stop", place.name, nearest)
            continue
        keep.append(i)
    if len(keep) < 2:
        return list(places), list(stops)
    return [places[i] for i in keep], [stops[i] for i in keep]


def _inside_own_area(place: Place, stop: tuple[float, float]) -> tuple[float, float]:
    """A country's stop inside the country (a GeoNames centre may fall in the sea)."""
    area = _area(place)
    if area is None or _is_local(place) or area.intersects(Point(stop[1], stop[0])):
        return stop
    pt = area.representative_point()
    return (round(pt.y, 4), round(pt.x, 4))


def _fits(line: LineString, allowed: BaseGeometry, slack: float) -> bool:
    """Does the line stay inside ``allowed``, but for ``slack`` degrees in all (a
    simplified coast or border may clip a corner)?"""
    if allowed.contains(line):
        return True
    return line.difference(allowed).length <= slack


_MOVES = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


def _shifted(values: np.ndarray, dr: int, dc: int) -> np.ndarray:
    """``values`` moved by (dr, dc) cells, padded with infinity: out[r, c] = values[r+dr, c+dc]."""
    out = np.full_like(values, np.inf)
    rows, cols = values.shape
    out[max(0, -dr) : rows - max(0, dr), max(0, -dc) : cols - max(0, dc)] = values[
        max(0, dr) : rows - max(0, -dr), max(0, dc) : cols - max(0, -dc)
    ]
    return out


def _distance_field(cost: np.ndarray, target: tuple[int, int], shrink: np.ndarray) -> np.ndarray:
    """Path cost from every cell to ``target`` (8 neighbours, a longitude step shrunk by
    cos(latitude), each step weighted by the cost of the cell it leaves; infinite cost
    blocks), by relaxing the whole grid at once."""
    far = np.full(cost.shape, np.inf)
    far[target] = 0.0
    lengths = {(dr, dc): np.hypot(dc * shrink, dr)[:, None] for dr, dc in _MOVES}
    for _ in range(cost.size):
        best = far
        for (dr, dc), length in lengths.items():
            best = np.minimum(best, _shifted(far, dr, dc) + length * cost)
        best = np.where(np.isfinite(cost), best, np.inf)
        best[target] = 0.0
        if np.array_equal(best, far):
            break
        far = best
    return far


def _downhill(far: np.ndarray, here: tuple[int, int]) -> tuple[int, int]:
    """The neighbour of ``here`` nearest the target."""
    rows, cols = far.shape
    r, c = here
    near = [
        (far[r + dr, c + dc], (r + dr, c + dc))
        for dr, dc in _MOVES
        if 0 <= r + dr < rows and 0 <= c + dc < cols
    ]
    return min(near)[1]


def _grid_leg(
    start: tuple[float, float],
    end: tuple[float, float],
    allowed: BaseGeometry,
    detour: BaseGeometry | None = None,
) -> list[tuple[float, float]] | None:
    """Shortest path from ``start`` to ``end`` (lon, lat) that stays inside ``allowed``,
    found on a grid of about GRID_CELLS cells across and then straightened: the fewest
    segments that still stay inside. ``detour`` (other land) may be crossed too, at
    DETOUR_COST times the price. None when neither connects them."""
    (x0, y0), (x1, y1) = start, end
    margin = max(3.0, 0.4 * math.hypot(x1 - x0, y1 - y0))
    minx, miny = min(x0, x1) - margin, max(min(y0, y1) - margin, -85.0)
    maxx, maxy = max(x0, x1) + margin, min(max(y0, y1) + margin, 85.0)
    step = max(0.05, max(maxx - minx, maxy - miny) / GRID_CELLS)
    xs = np.arange(minx, maxx + step, step)
    ys = np.arange(miny, maxy + step, step)
    grid_x, grid_y = np.meshgrid(xs, ys)
    shapely.prepare(allowed)
    inside = shapely.contains_xy(allowed, grid_x, grid_y)
    cost = np.where(inside, 1.0, np.inf)
    if detour is not None:
        shapely.prepare(detour)
        cost[~inside & shapely.contains_xy(detour, grid_x, grid_y)] = DETOUR_COST
        allowed = allowed.union(detour)
        shapely.prepare(allowed)
    rows, cols = cost.shape

    def to_cell(x: float, y: float) -> tuple[int, int]:
        return min(round((y - miny) / step), rows - 1), min(round((x - minx) / step), cols - 1)

    source, target = to_cell(x0, y0), to_cell(x1, y1)
    cost[source] = cost[target] = 1.0
    far = _distance_field(cost, target, np.cos(np.radians(ys)))
    if not math.isfinite(far[source]):
        return None
    middle, here = [], source
    for _ in range(rows * cols):  # walk downhill to the target
        if here == target:
            break
        here = _downhill(far, here)
        middle.append(here)
    middle = middle[:-1]
    path = [start] + [(xs[c], ys[r]) for r, c in middle] + [end]
    slack = min(0.25 * step, 0.1)
    kept, i = [path[0]], 0
    while i < len(path) - 1:
        j = i + 1  # walk on while the straight cut from path[i] still fits
        while j + 1 < len(path) and _fits(LineString([path[i], path[j + 1]]), allowed, slack):
            j += 1
        kept.append(path[j])
        i = j
    return [(float(x), float(y)) for x, y in kept]


def _route_geometry(places: Sequence[Place], fact: Fact | None = None) -> BaseGeometry | None:
    """A route through its places over a plausible path: each leg a gentle curve when
    that stays within the named countries (and the sea, when the text goes by boat), else
    the shortest path inside them; a straight curve only when they do not connect."""
    stops = _route_stops(places)
    kept = [n for n, (lat, lon) in enumerate(stops) if math.isfinite(lat) and math.isfinite(lon)]
    places, stops = [places[n] for n in kept], [stops[n] for n in kept]
    stops = [_inside_own_area(p, stop) for p, stop in zip(places, stops, strict=True)]
    places, stops = _drop_far_stops(places, stops)
    text = _evidence_text(fact) if fact is not None else ""
    # a town names its country; regions name their members; seas are water the route may use
    codes = [code for p in places if _sea_of(p) is None for code in _codes(p)]
    seas = [sea for sea in (_sea_of(p) for p in places) if sea is not None]
    land = union_shape(codes)
    named = [area for area in (land, *seas) if area is not None]
    if not named:
        return route_line(stops)
    allowed = named[0] if len(named) == 1 else shapely.union_all(named)
    if BY_SEA_TEXT.search(text):
        lons = [lon for _, lon in stops]
        lats = [lat for lat, _ in stops]
        box = shapely.box(
            min(lons) - 15, max(min(lats) - 15, -85), max(lons) + 15, min(max(lats) + 15, 85)
        )
        allowed = allowed.union(at_sea(box))
    shapely.prepare(allowed)
    coords: list[tuple[float, float]] = []
    for (lat0, lon0), (lat1, lon1) in itertools.pairwise(stops):
        if (lat0, lon0) == (lat1, lon1):
            continue
        if abs(lon1 - lon0) > 180:  # across the dateline: route_line unwraps it
            return route_line(stops)
        curved = [(float(x), float(y)) for x, y in _curve((lon0, lat0), (lon1, lat1))]
        leg = None
        if not _fits(LineString(curved), allowed, 0.1):
            leg = _grid_leg((lon0, lat0), (lon1, lat1), allowed)
            if leg is None:  # the named places do not connect: cross other land, not sea
                reach = shapely.box(lon0, lat0, lon1, lat1).buffer(15.0, join_style="mitre")
                leg = _grid_leg((lon0, lat0), (lon1, lat1), allowed, land_within(reach))
        coords.extend((leg or curved)[1 if coords else 0 :])
    if len(coords) < 2:
        raise ValueError("a route needs at least two distinct points")
    return shapely.set_precision(LineString(coords), PRECISION)


def _point_geometry(places: Sequence[Place]) -> BaseGeometry | None:
    """The first place, or the named town or base inside it when the first is a
    country: a brigade "at Rukla in Lithuania" stands at Rukla."""
    point = places[0]
    if point.kind is PlaceKind.COUNTRY and point.country_code:
        for place in places[1:]:
            if place.kind in (PlaceKind.CITY, PlaceKind.ADMIN1) and (
                _normal(place.country_code) == _normal(point.country_code)
            ):
                point = place
                break
    lat, lon = float(point.lat), float(point.lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return Point(lon, lat)


def _border_geometry(places: Sequence[Place]) -> BaseGeometry | None:
    first, others = places[0], places[1:]
    pieces: list[BaseGeometry] = []
    if not others:
        # "the Afghan border": every land border of the place's country (or members).
        for code in _codes(first):
            for other in neighbours(code):
                pieces.append(_near(shared_border(code, other), first, strict=True))
    # the fact's cities, provinces and territories by country: "the border separating
    # Gaza from Israel" is the stretch by Gaza, not the West Bank's too, though Palestine
    # is in the fact
    local_in: dict[str, list[Place]] = {}
    for place in places:
        if _is_local(place) and place.country_code:
            local_in.setdefault(_normal(place.country_code), []).append(place)
    for other in others:
        for a in _codes(first):
            for b in _codes(other):
                if a == b:
                    continue
                line = shared_border(a, b)
                for place in (*local_in.get(a, ()), *local_in.get(b, ())):
                    line = _near(line, place)
                pieces.append(line)
    pieces = [piece for piece in pieces if piece is not None]
    if not pieces:
        return None
    return _linear(shapely.union_all(pieces))


def _zone_geometry(places: Sequence[Place], fact: Fact | None = None) -> BaseGeometry | None:
    """Union of the named places only; a named sea, and a band round a place the text
    puts things around or near, replace the countries taking part (they are not where it
    happens). A drill at sea with neither is drawn in the coastal waters of its places."""
    text = _evidence_text(fact) if fact is not None else ""
    actors = tuple(fact.actors) if fact is not None else ()
    # drills "around" or "near" a place encircle it; fighting "near Kabul" is at Kabul
    is_drill = fact is not None and fact.layer is Layer.MILITARY_DRILLS
    at_sea_text = bool(SEA_TEXT.search(text))
    seas = [sea for sea in (_sea_of(p) for p in places) if sea is not None]
    rings = [
        _ring(p, sea=at_sea_text, actors=actors)
        for p in places
        if is_drill and _sea_of(p) is None and said_near(p, text)
    ]
    located = [piece for piece in (*seas, *rings) if piece is not None and not piece.is_empty]
    if located:
        return located[0] if len(located) == 1 else shapely.union_all(located)
    pieces: list[BaseGeometry] = []
    codes: list[str] = []
    for place in places:
        if _is_local(place):
            pieces.append(buffer_km(place.lat, place.lon, ZONE_RADIUS_KM))
        else:
            codes.extend(_codes(place))
    countries = union_shape(codes)
    if countries is not None:
        if is_drill and at_sea_text:
            waters = at_sea(buffer_shape_km(countries, RING_KM))
            countries = waters if not waters.is_empty else countries
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
        cities and provinces; a named sea is its polygon, and drills the evidence puts
        "around", "off" or "near" a place are a 150 km band round it, at sea for an
        island or naval text, else on the actors' land; naval drills of a country are
        in its coastal waters), ``route`` (line through the places in order, kept
        inside the named countries, and the sea when the evidence goes by boat, where
        they connect; a far-off namesake town is left out) or ``point`` (the first
        place, or a town named in it when the first is a country).

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
            return _finish(_zone_geometry(places, fact))
        if kind == "route":
            return _finish(_route_geometry(places, fact))
        if kind == "point":
            return _finish(_point_geometry(places))
        log.debug("unknown fact shape %r", fact.shape)
        return None
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as err:
        log.debug("no geometry for fact %r: %s", getattr(fact, "label", fact), err)
        return None
