"""One root for every error geomap raises on purpose.

Like geopy's ``exc.py``: each error also inherits the builtin it refines, so callers that
catch ``ValueError`` or ``OSError`` keep working. The CLI turns a ``GeomapError`` into a
one-line message and an exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of geomap's errors."""

    exit_code = 1


class InputError(GeomapError, ValueError):
    """The article (file, URL or text) cannot be read as an article."""


class FetchError(InputError, OSError):
    """A URL could not be fetched (no network, timeout, HTTP error, too large)."""


class StoryError(GeomapError, ValueError):
    """A story GeoJSON is not valid or misses required properties."""


class GazetteerError(GeomapError, RuntimeError):
    """The offline gazetteer is missing or cannot be built."""


class OutputError(GeomapError, OSError):
    """An output file cannot be written."""
