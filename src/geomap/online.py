"""Opt-in online geocoding for the names the offline gazetteer cannot place.

Only used when asked for (``--geocoder nominatim``). Every query goes through geopy's
``RateLimiter`` (Nominatim's usage policy allows one request a second) and a JSON disk
cache, so a name is fetched once per machine. When the network is absent the first failure
is logged once, the geocoder turns itself off for the rest of the run, and the names stay
as the offline pass left them.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .files import write_text_atomic
from .models import Mention, Place, PlaceKind

log = logging.getLogger(__name__)

PROVIDERS = ("nominatim",)
USER_AGENT = f"geomap/{__version__} (offline-first news mapper)"
LOW_CONFIDENCE = 0.5  # offline placements below this (streets put at the locus) are retried


class OnlineGeocoder:
    """A geopy geocoder behind a rate limiter and a disk cache.

    Parameters
    ----------
    provider
        ``"nominatim"``.
    cache_dir
        Where ``online-<provider>.json`` is kept (default: geomap's cache folder).
    geocoder
        A ready geopy geocoder to use instead of building one (tests pass a fake).
    min_delay_seconds
        Pause between two requests (geopy's ``RateLimiter``).
    **kwargs
        Passed to the geopy geocoder (``domain``, ``timeout``...).
    """

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        geocoder: Any = None,
        min_delay_seconds: float = 1.0,
        **kwargs: Any,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        from .gazetteer.index import default_cache_dir

        if provider not in PROVIDERS:
            raise ValueError(f"unknown geocoder {provider!r}; choose from {', '.join(PROVIDERS)}")
        if geocoder is None:
            from geopy.geocoders import Nominatim

            kwargs.setdefault("timeout", 5)
            geocoder = Nominatim(user_agent=USER_AGENT, **kwargs)
        self.provider = provider
        self._geocode = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self.path = Path(cache_dir or default_cache_dir()) / f"online-{provider}.json"
        self.cache: dict[str, list[Any] | None] = self._load()
        self.available = True

    def _load(self) -> dict[str, list[Any] | None]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def save(self) -> None:
        """Write the cache (sorted keys: the same answers give the same file)."""
        try:
            write_text_atomic(
                self.path, json.dumps(self.cache, sort_keys=True, ensure_ascii=False, indent=0)
            )
        except OSError as err:
            log.warning("cannot save the online geocoding cache: %s", err)

    def lookup(self, query: str) -> tuple[float, float, str] | None:
        """``(lat, lon, address)`` for a query, from the cache or the network; None when
        the service knows no such place or cannot be reached."""
        if query in self.cache:
            hit = self.cache[query]
            return None if hit is None else (float(hit[0]), float(hit[1]), str(hit[2]))
        if not self.available:
            return None
        from geopy.exc import GeopyError

        try:
            loc = self._geocode(query)
        except (GeopyError, OSError) as err:
            self.available = False
            log.warning(
                "online geocoder %s unavailable (%s); continuing offline",
                self.provider,
                type(err).__name__,
            )
            return None
        self.cache[query] = None if loc is None else [loc.latitude, loc.longitude, loc.address]
        return None if loc is None else (loc.latitude, loc.longitude, loc.address)


def place_online(
    mentions: Sequence[Mention], geocoder: OnlineGeocoder, locus: Place | None = None
) -> list[Mention]:
    """Mentions with unresolved names (and streets or buildings that the offline pass
    could only put at the document's locus) placed by the online geocoder when it knows
    them; everything else is returned unchanged.

    The query for a name placed at the locus is qualified by it ("Royal Street, New
    Orleans"). A placed name becomes a ``feature`` place with no GeoNames id and
    ``raw["source"]`` naming the provider.
    """
    out = []
    for m in mentions:
        if m.place is not None and m.confidence >= LOW_CONFIDENCE:
            out.append(m)
            continue
        query = m.surface if m.place is None else f"{m.surface}, {m.place.name}"
        hit = geocoder.lookup(query)
        if hit is None:
            out.append(m)
            continue
        lat, lon, address = hit
        place = Place(
            geonameid=None,
            name=m.surface,
            kind=PlaceKind.FEATURE,
            lat=round(lat, 5),
            lon=round(lon, 5),
            country_code=None if m.place is None else m.place.country_code,
            raw={
                "key": f"{geocoder.provider}:{query}",
                "source": geocoder.provider,
                "address": address,
            },
        )
        out.append(Mention(m.start, m.end, m.surface, m.kind, place, 0.6, m.alternatives))
    geocoder.save()
    return out
