"""Offline gazetteer built from GeoNames-derived PyPI data and curated files."""

from .geocoder import OfflineGeocoder, rank_places
from .index import Gazetteer

__all__ = ["Gazetteer", "OfflineGeocoder", "rank_places"]
