"""Parsing time grows with the text, not with its square: a long list of distinct places
(a gazetteer dump, a travel index) once took minutes for 200 KB, each small town weighed
against every other place of the text. Measured by counting distance computations, not
by the clock (no test asserts wall-clock time)."""

from __future__ import annotations

import math
import random

from geomap.geoparse import default_parser
from geomap.geoparse import parser as parser_module
from geomap.geoparse import resolve as resolve_module
from geomap.geoparse.nearby import EARTH_KM, PointGrid


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _distinct_names(parser, count: int) -> list[str]:
    """``count`` distinct place names of the gazetteer, spread over the alphabet."""
    names = sorted(
        k.title()
        for k in parser.gazetteer.names
        if k.isascii() and k.replace(" ", "").isalpha() and len(k) > 5
    )
    return names[:: len(names) // count][:count]


def test_the_grid_finds_the_nearest_point_as_a_full_scan_does() -> None:
    """Near the poles and across the antimeridian too, with few points and many:
    :meth:`PointGrid.nearest` gives the least distance of all points when it lies within
    the last step, else None."""
    rng = random.Random(7)
    steps = (100.0, 300.0, 1000.0, 3000.0)
    for size in (5, 40, 3000):
        points = [(f"p{n}", rng.uniform(-90, 90), rng.uniform(-180, 180)) for n in range(size)]
        points += [(f"c{n}", rng.uniform(60, 90), rng.choice((-1, 1)) * rng.uniform(170, 180))
                   for n in range(size // 10)]  # fmt: skip
        grid = PointGrid(points)
        queries = [(89.5, 10.0), (-88.0, -170.0), (0.0, 179.9), (65.0, -179.5), (45.0, 7.0)]
        queries += [(lat, lon) for _, lat, lon in points[:20]]
        for lat, lon in queries:

            def km(key: str, a: float, b: float, lat: float = lat, lon: float = lon) -> float:
                return _haversine(lat, lon, a, b)

            least = min(_haversine(lat, lon, a, b) for _, a, b in points)
            assert grid.nearest(lat, lon, steps, km) == (least if least < steps[-1] else None)


def test_a_list_of_distinct_places_costs_distances_in_proportion(monkeypatch) -> None:
    """2,000 distinct place names, four to a sentence: the stray test and the resolver's
    nearest-name feature each measure a few distances per mention (quadratic before:
    about 1,500 per mention at this size)."""
    parser = default_parser()
    names = _distinct_names(parser, 2000)
    text = "\n".join(
        f"Officials travelled from {a} to {b}, then to {c} and {d}."
        for a, b, c, d in zip(*[iter(names)] * 4)
    )
    counted = {"distances": 0}
    km = parser_module._km

    def counting_km(*args: float) -> float:
        counted["distances"] += 1
        return km(*args)

    class CountingMath:
        def __getattr__(self, name: str):
            return getattr(math, name)

        def hypot(self, *args: float) -> float:
            counted["distances"] += 1
            return math.hypot(*args)

    with monkeypatch.context() as patched:
        patched.setattr(parser_module, "_km", counting_km)
        patched.setattr(resolve_module, "math", CountingMath())
        mentions = parser.parse(text)
    assert len(mentions) > 1000
    assert counted["distances"] < 50 * len(mentions)
    # the grid is a shortcut, not another answer: every anchor measured, the same places
    monkeypatch.setattr(resolve_module, "GRID_ANCHORS", 10**9)
    assert parser.parse(text) == mentions


class _CountingGaps(frozenset):
    """LIST_GAPS that counts how often a gap is looked up in it."""

    looked = 0

    def __contains__(self, gap: object) -> bool:
        type(self).looked += 1
        return super().__contains__(gap)


def test_one_long_list_is_read_in_one_pass(monkeypatch) -> None:
    """3,000 distinct places in one comma-separated list: the list rules (provinces and
    towns of one country listed together, a town listed beside its kin) look at each gap
    between names a few times, not once for every other member of the list (quadratic
    before: a 400 KB list took 17 s, most of it walking the list from each member)."""
    parser = default_parser()
    names = _distinct_names(parser, 3000)
    text = "Places: " + ", ".join(names) + "."
    counting = _CountingGaps(parser_module.LIST_GAPS)
    monkeypatch.setattr(parser_module, "LIST_GAPS", counting)
    _CountingGaps.looked = 0
    mentions = parser.parse(text)
    assert len(mentions) > 1000
    assert _CountingGaps.looked < 20 * len(mentions)
