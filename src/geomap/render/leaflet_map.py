"""Story GeoJSON -> folium ``Map`` -> one self-contained, deterministic HTML page."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure
from folium.map import CustomPane

from geomap.errors import GeomapError
from geomap.files import write_bytes_atomic
from geomap.render.assets import GeomapMap
from geomap.render.elements import (
    Basemap,
    FactList,
    Legend,
    Runtime,
    Setup,
    StoryGeoJson,
    TitleCard,
)
from geomap.render.features import PreparedStory, prepare_story
from geomap.render.labels import basemap_labels
from geomap.render.style import PANES, layer_style

logger = logging.getLogger(__name__)

TILE_ALIASES = {"osm": "OpenStreetMap", "openstreetmap": "OpenStreetMap"}


def render_map(
    story: Mapping[str, Any],
    *,
    tiles: str | None = None,
    cdn: bool = False,
    basemap: Mapping[str, Any] | None = None,
) -> folium.Map:
    """Draw a story as a folium map: one toggleable overlay per non-empty layer.

    Parameters
    ----------
    story : Mapping
        A Story GeoJSON FeatureCollection.
    tiles : str, optional
        ``None`` (default) draws no tiles: a sea-coloured background under the country
        basemap, so the page needs no network. ``"osm"`` or any folium tile name adds
        online tiles.
    cdn : bool, default False
        Link Leaflet from a CDN instead of inlining it (smaller page, needs network).
    basemap : Mapping, optional
        Country polygons as a GeoJSON FeatureCollection; defaults to
        ``geomap.countries.basemap()``. Pass ``{}`` for no basemap.

    Returns
    -------
    folium.Map
        Elements carry stable ids, so rendering it twice gives the same HTML.

    Raises
    ------
    StoryError
        If ``story`` is not a valid Story GeoJSON.
    """
    prepared = prepare_story(story)
    center = _center(prepared)
    fmap = GeomapMap(
        location=center,
        zoom_start=4 if prepared.bounds else 2,
        tiles=None,
        cdn=cdn,
        zoom_control="bottomright",
        zoom_snap=0.25,
    )
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.title = escape(prepared.title)
    fmap.language = prepared.language

    Runtime(sea=tiles is None).add_to(fmap)
    for pane, z_index in PANES:
        interactive = pane not in ("geomapBase", "geomapBaseLabels")
        CustomPane(pane, z_index=z_index, pointer_events=interactive).add_to(fmap)
    if tiles:
        try:
            layer = folium.TileLayer(TILE_ALIASES.get(tiles.lower(), tiles), control=False)
        except (ValueError, KeyError) as err:
            names = ", ".join(sorted(TILE_ALIASES))
            raise GeomapError(
                f"unknown tiles {tiles!r}: use {names}, another xyzservices name, or a URL template"
            ) from err
        layer.add_to(fmap)

    countries = _default_basemap() if basemap is None else basemap
    if countries:
        Basemap(encode_basemap(countries)).add_to(fmap)

    for layer in prepared.layers:
        group = folium.FeatureGroup(name=layer.title, overlay=True, control=True, show=True)
        StoryGeoJson(
            {"type": "FeatureCollection", "features": list(layer.features)},
            name=layer.title,
            pane=layer_style(layer.layer).pane,
        ).add_to(group)
        group.add_to(fmap)

    if prepared.labels:  # on the map itself: switching Places off keeps the names
        StoryGeoJson(
            {"type": "FeatureCollection", "features": list(prepared.labels)},
            name="Labels",
            pane="geomapPlaces",
        ).add_to(fmap)

    legend = Legend(prepared.layers).add_to(fmap)
    title = TitleCard(prepared).add_to(fmap)
    FactList(prepared.facts).add_to(fmap)
    layers = folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    story_names = {f["properties"]["tip"] for f in prepared.labels}
    Setup(
        title=title,
        legend=legend,
        layers=layers,
        bounds=[list(c) for c in prepared.bounds] if prepared.bounds else None,
        # online tiles carry their own names; the offline basemap needs ours
        labels=[list(row) for row in basemap_labels() if row[1] not in story_names]
        if countries and not tiles
        else [],
    ).add_to(fmap)
    stabilise_ids(fmap, prefix=f"g{prepared.digest}_")
    return fmap


def to_html(story: Mapping[str, Any], **options: Any) -> str:
    """Render a story to one HTML page; the same story always gives the same bytes.

    Parameters
    ----------
    story : Mapping
        A Story GeoJSON FeatureCollection.
    **options
        Passed to :func:`render_map` (``tiles``, ``cdn``, ``basemap``).

    Returns
    -------
    str
        The complete HTML document.

    Raises
    ------
    StoryError
        If ``story`` is not a valid Story GeoJSON.
    """
    fmap = render_map(story, **options)
    return publishable(fmap.get_root().render(), language=fmap.language)


_FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport" content="[^"]*"\s*/>')
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'


def publishable(page: str, *, language: str = "") -> str:
    """Set ``<html lang>`` and allow pinch-zoom, which folium's template disables.

    Readers with low vision zoom a map page on a phone; WCAG 1.4.4 asks that they can.
    """
    page, found = _FOLIUM_VIEWPORT.subn(VIEWPORT, page, count=1)
    if not found:
        logger.warning("no folium viewport tag found; the page keeps its own")
    return page.replace("<html>", f'<html lang="{escape(language or "en")}">', 1)


def save_html(story: Mapping[str, Any], path: str | Path, **options: Any) -> Path:
    """Write the map page atomically (temp file in the same directory, then rename).

    Parameters
    ----------
    story : Mapping
        A Story GeoJSON FeatureCollection.
    path : str or Path
        Output file; missing parent directories are created.
    **options
        Passed to :func:`render_map`.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    OutputError
        If the file or its directory cannot be written.
    StoryError
        If ``story`` is not a valid Story GeoJSON.
    """
    return write_bytes_atomic(path, to_html(story, **options).encode("utf-8"))


def stabilise_ids(fmap: folium.Map, *, prefix: str) -> None:
    """Replace folium's random element ids with a counter, in tree order.

    The prefix (a hash of the story) keeps ids distinct when two maps share a page.
    """
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = f"{prefix}{counter}"
        counter += 1
        renamed: OrderedDict[str, Element] = OrderedDict()
        for key, child in element._children.items():
            old_name = child.get_name()
            visit(child)
            renamed[child.get_name() if key == old_name else key] = child
        element._children = renamed

    root = fmap.get_root()
    visit(root)
    if isinstance(root, Figure):
        for part in (root.header, root.html, root.script):
            visit(part)


def encode_basemap(countries: Mapping[str, Any]) -> list[list[list[int]]]:
    """Country polygons as delta-encoded integer rings (hundredths of a degree).

    About half the size of GeoJSON text, which keeps a CDN-linked page small; the page
    decodes it in a few lines of JS. Precision (~1 km) is finer than the polygons.
    """
    if hasattr(countries, "__geo_interface__") and not isinstance(countries, Mapping):
        countries = countries.__geo_interface__
    polygons: list[list[list[int]]] = []
    for feature in countries.get("features", ()):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            parts = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            parts = geometry["coordinates"]
        else:
            continue
        for polygon in parts:
            rings = [ring for ring in (_encode_ring(r) for r in polygon) if ring]
            if rings:
                polygons.append(rings)
    return polygons


def _encode_ring(ring: Any) -> list[int]:
    flat: list[int] = []
    last_x = last_y = 0
    for position in ring:
        x, y = round(float(position[0]) * 100), round(float(position[1]) * 100)
        if flat and (x, y) == (last_x, last_y):
            continue
        flat += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return flat if len(flat) >= 6 else []


def _default_basemap() -> Mapping[str, Any] | None:
    from geomap.countries import basemap

    try:
        return basemap()
    except (OSError, ValueError, GeomapError) as err:
        logger.warning("country basemap failed to load (%s); drawing the story alone", err)
        return None


def _center(story: PreparedStory) -> list[float]:
    if not story.bounds:
        return [20.0, 0.0]
    (south, west), (north, east) = story.bounds
    return [round((south + north) / 2, 4), round((west + east) / 2, 4)]
