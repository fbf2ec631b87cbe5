"""geomap: turn a news article into an interactive, offline geopolitical map."""

__version__ = "0.1.0"
