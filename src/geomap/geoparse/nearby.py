"""A document's points by grid cell: "what lies within L km of here" looks at a few cells,
not at every other place, so a long list of distinct places (a gazetteer dump, a travel
index) parses in time that grows with its length, not with its square."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence

EARTH_KM = 6371.009  # geopy's mean Earth radius
CELL_DEG = 1.0
_COLUMNS = int(360 / CELL_DEG)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG) % _COLUMNS


class PointGrid:
    """Named points filed by cell, for :meth:`nearest` and :meth:`within`."""

    def __init__(self, points: Iterable[tuple[str, float, float]] = ()) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        self._size = 0
        for key, lat, lon in points:
            self.add(key, lat, lon)

    def add(self, key: str, lat: float, lon: float) -> None:
        self._cells.setdefault(_cell(lat, lon), []).append((key, lat, lon))
        self._size += 1

    def nearest(
        self,
        lat: float,
        lon: float,
        steps: Sequence[float],
        measure: Callable[[str, float, float], float | None],
    ) -> float | None:
        """The least ``measure`` (km; None skips a point) of the points within the first of
        the widening ``steps`` that holds one, which is then the least of all; None when
        none lies within the last."""
        for km in steps:
            points, every = self._box(lat, lon, km)
            best = min((d for p in points if (d := measure(*p)) is not None), default=None)
            if best is not None and (best < km or every):
                return best if best < steps[-1] else None
            if every:
                return None
        return None

    def within(
        self,
        lat: float,
        lon: float,
        km: float,
        measure: Callable[[str, float, float], float | None],
    ) -> bool:
        """Whether some point lies within ``km`` by ``measure`` (None skips a point)."""
        return any(
            d is not None and d < km for d in (measure(*p) for p in self._box(lat, lon, km)[0])
        )

    def around(self, lat: float, lon: float, km: float) -> Iterator[tuple[str, float, float]]:
        """The points of the cells that may hold one within ``km``: a superset, each to be
        measured."""
        return self._box(lat, lon, km)[0]

    def _box(
        self, lat: float, lon: float, km: float
    ) -> tuple[Iterator[tuple[str, float, float]], bool]:
        """The points of the cells of a box holding every point within ``km`` (a path of
        ``km`` reaches no further poleward than ``km`` allows, no further east or west
        than the parallel there allows; 1 % wider for rounding), and whether they are
        all the points."""
        dlat = math.degrees(km * 1.01 / EARTH_KM)
        scale = math.cos(math.radians(min(abs(lat) + dlat, 90.0)))
        rows = range(math.floor((lat - dlat) / CELL_DEG), math.floor((lat + dlat) / CELL_DEG) + 1)
        dlon = math.degrees(km * 1.01 / (EARTH_KM * scale)) if scale > 1e-9 else 180.0
        if dlon >= 180.0:
            columns: range | set[int] = range(_COLUMNS)
        else:
            first, last = math.floor((lon - dlon) / CELL_DEG), math.floor((lon + dlon) / CELL_DEG)
            columns = {c % _COLUMNS for c in range(first, last + 1)}
        if len(rows) * len(columns) >= self._size:  # fewer points than cells to look in
            return (p for points in self._cells.values() for p in points), True
        cells = self._cells
        return (
            p for row in rows for column in columns for p in cells.get((row, column), ())
        ), False
