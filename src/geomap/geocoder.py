"""``OfflineGeocoder``: geomap's gazetteer behind geopy's ``Geocoder`` interface.

It takes the same arguments and returns the same types as the other geopy geocoders
(``geopy.Location``, or a list of them with ``exactly_one=False``), so code written for
Nominatim can switch to it and run with no network at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from geopy.distance import great_circle
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer
from .gazetteer.build import fold
from .geoparse.resolve import DocContext, default_resolver
from .models import Place, PlaceKind

__all__ = ["OfflineGeocoder", "rank_places", "to_location"]


def rank_places(gazetteer: Gazetteer, name: str) -> list[tuple[Place, float]]:
    """Candidates for ``name`` with a 0-1 score, best first.

    The geoparser's resolver ranks them with no document context, so a bare "Kabul" is
    the city (not the province) and "Georgia" the country, as in an article.
    """
    resolver = default_resolver(gazetteer)
    ranked = resolver.rank(fold(name), gazetteer.forms(name), DocContext(), None)
    return [(gazetteer.place(i), p) for p, i, _ in ranked]


def to_location(place: Place, score: float | None = None) -> Location:
    """A ``geopy.Location`` whose ``raw`` keeps the gazetteer row."""
    parts = [place.name]
    if (
        place.kind not in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION)
        and place.country_code
    ):
        parts.append(place.country_code)
    raw = {
        "geonameid": place.geonameid,
        "name": place.name,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "members": list(place.members),
        "key": place.raw.get("key", place.key),
    }
    if score is not None:
        raw["score"] = score
    return Location(", ".join(parts), Point(place.lat, place.lon), raw)


class OfflineGeocoder(Geocoder):
    """Geocoder over geomap's offline GeoNames-derived gazetteer.

    Parameters
    ----------
    gazetteer
        A loaded :class:`~geomap.gazetteer.Gazetteer`; defaults to the full cached one.
    **kwargs
        Accepted for compatibility with :class:`geopy.geocoders.base.Geocoder`
        (``timeout``, ``user_agent``, ``adapter_factory``...); no request is ever made.

    Examples
    --------
    >>> OfflineGeocoder().geocode("Kabul").point  # doctest: +SKIP
    Point(34.52813, 69.17233, 0.0)
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.load()
        self._grid: dict[tuple[int, int], list[int]] | None = None

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        country_codes: str | list[str] | None = None,
        featuretype: str | None = None,
    ) -> Location | list[Location] | None:
        """Look up a place name.

        Parameters
        ----------
        query
            A name ("Kabul"), or a mapping of name parts as geopy's structured queries
            (``{"city": "Springfield", "state": "Illinois"}``): the first part is the
            name, the others must match the candidate's country or province.
        exactly_one
            Return the best :class:`geopy.Location` (or ``None``) instead of a list.
        timeout
            Ignored (nothing is fetched); kept for geopy compatibility.
        limit
            Most candidates to return when ``exactly_one`` is False.
        country_codes
            ISO 3166-1 alpha-2 code(s) to restrict results to.
        featuretype
            ``"country"``, ``"state"`` (first-level subdivision), ``"city"`` or any
            geomap kind (``"region"``, ``"historical"``...).

        Returns
        -------
        geopy.Location, list of geopy.Location, or None
        """
        name, qualifiers = _split_query(query)
        ranked = rank_places(self.gazetteer, name)
        if not ranked and "," in name:  # "Springfield, Illinois"
            name, *qualifiers = [part.strip() for part in name.split(",") if part.strip()]
            ranked = rank_places(self.gazetteer, name)
        if country_codes:
            codes = {country_codes} if isinstance(country_codes, str) else set(country_codes)
            codes = {c.upper() for c in codes}
            ranked = [(p, s) for p, s in ranked if p.country_code in codes]
        if featuretype:
            kind = {"state": "admin1", "settlement": "city"}.get(featuretype, featuretype)
            ranked = [(p, s) for p, s in ranked if p.kind.value == kind]
        if qualifiers:
            ranked = [(p, s) for p, s in ranked if self._matches(p, qualifiers)] or ranked
        locations = [to_location(p, s) for p, s in ranked]
        if limit:
            locations = locations[:limit]
        result = (locations[0] if locations else None) if exactly_one else locations
        return self._maybe_async(result)

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        language: Any = False,
    ) -> Location | list[Location] | None:
        """The country containing a point and its nearest town.

        Parameters
        ----------
        query
            ``(lat, lon)``, a ``geopy.Point`` or a ``"lat, lon"`` string.
        exactly_one
            Return one Location (the nearest town, with the country in ``raw``) or a
            list: the nearest town, then the country.

        Returns
        -------
        geopy.Location, list of geopy.Location, or None
            ``None`` when the point is far from any known place.
        """
        point = Point(query)
        lat, lon = point.latitude, point.longitude
        country = self._country_at(lat, lon)
        town = self._nearest_city(lat, lon, country)
        found: list[Location] = []
        if town is not None:
            loc = to_location(town)
            if country is not None:
                loc.raw["country"] = country.name
            found.append(loc)
        if country is not None:
            found.append(to_location(country))
        result = (found[0] if found else None) if exactly_one else found
        return self._maybe_async(result)

    # -- helpers ------------------------------------------------------------------------
    def _maybe_async(self, result: Any) -> Any:
        if getattr(self, "_Geocoder__run_async", False):

            async def done() -> Any:
                return result

            return done()
        return result

    def _matches(self, place: Place, qualifiers: list[str]) -> bool:
        for q in qualifiers:
            ok = False
            for other, _ in rank_places(self.gazetteer, q):
                if other.kind is PlaceKind.COUNTRY and other.country_code == place.country_code:
                    ok = True
                elif other.kind is PlaceKind.ADMIN1:
                    ok = other.admin1 is not None and other.admin1 == place.admin1
                if ok:
                    break
            if not ok:
                return False
        return True

    def _country_at(self, lat: float, lon: float) -> Place | None:
        try:
            from .countries import country_at
        except ImportError:  # pragma: no cover - geometry ships with geomap
            return None
        code = country_at(lat, lon)
        return None if code is None else self.gazetteer.get(code)

    def _nearest_city(self, lat: float, lon: float, country: Place | None) -> Place | None:
        grid = self._city_grid()
        lats, lons = self.gazetteer.column("lat"), self.gazetteer.column("lon")
        cc = self.gazetteer.column("cc")
        pop = self.gazetteer.column("population")
        best, best_d = None, 1e18
        cell = (math.floor(lat), math.floor(lon))
        for r in range(0, 4):
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    if max(abs(dy), abs(dx)) != r:
                        continue
                    for idx in grid.get((cell[0] + dy, cell[1] + dx), ()):
                        if country is not None and cc[idx] != country.country_code:
                            continue
                        d = great_circle((lat, lon), (lats[idx], lons[idx])).km - 2 * math.log10(
                            pop[idx] + 1
                        )
                        if d < best_d:
                            best, best_d = idx, d
            if best is not None:
                break
        return None if best is None else self.gazetteer.place(best)

    def _city_grid(self) -> dict[tuple[int, int], list[int]]:
        if self._grid is None:
            kinds = self.gazetteer.column("kind")
            lats, lons = self.gazetteer.column("lat"), self.gazetteer.column("lon")
            city = 0  # build.KIND_CODE["city"]
            grid: dict[tuple[int, int], list[int]] = {}
            for i, k in enumerate(kinds):
                if k == city:
                    grid.setdefault((math.floor(lats[i]), math.floor(lons[i])), []).append(i)
            self._grid = grid
        return self._grid


def _split_query(query: str | Mapping[str, str]) -> tuple[str, list[str]]:
    if isinstance(query, Mapping):
        parts = [str(v) for v in query.values() if v]
        return (parts[0] if parts else ""), parts[1:]
    return str(query).strip(), []
