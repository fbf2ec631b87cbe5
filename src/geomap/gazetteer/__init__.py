"""Offline gazetteer built from GeoNames-derived PyPI data and curated files."""

from typing import Any

from .index import Gazetteer

__all__ = ["Gazetteer", "OfflineGeocoder", "rank_places"]


def __getattr__(name: str) -> Any:
    """``OfflineGeocoder`` and ``rank_places`` live in :mod:`geomap.geocoder` (they rank
    with the geoparser's resolver); imported on first use so the gazetteer itself never
    imports the resolver."""
    if name in ("OfflineGeocoder", "rank_places"):
        from .. import geocoder

        return getattr(geocoder, name)
    raise AttributeError(f"module 'geomap.gazetteer' has no attribute {name!r}")
