"""geomap: turn a news article into an interactive, offline geopolitical map.

    import geomap
    article = geomap.read("article.html")        # or geomap.read_text(text)
    story = geomap.build_story(article)           # places + thematic features
    m = story.to_folium()                         # folium.Map, shows inline in Jupyter
    story.save("maps/kabul.html")                 # html + geojson
    geomap.OfflineGeocoder().geocode("Kabul")     # geopy.Location

Names are imported lazily, so ``import geomap`` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read": "geomap.article",
    "read_text": "geomap.article",
    "Article": "geomap.article",
    "geoparse": "geomap.geoparse",
    "Geoparser": "geomap.geoparse",
    "detect_facts": "geomap.themes",
    "build_story": "geomap.story",
    "Story": "geomap.story",
    "render_map": "geomap.render",
    "Gazetteer": "geomap.gazetteer",
    "OfflineGeocoder": "geomap.geocoder",
    "GeomapError": "geomap.errors",
    "InputError": "geomap.errors",
    "FetchError": "geomap.errors",
    "StoryError": "geomap.errors",
    "Layer": "geomap.models",
    "Place": "geomap.models",
    "Mention": "geomap.models",
    "Fact": "geomap.models",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
