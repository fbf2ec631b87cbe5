"""Story GeoJSON -> interactive Leaflet map (HTML), static PNG/SVG and embed snippets."""

from __future__ import annotations

from geomap.render.export import embed_snippets, save_png
from geomap.render.leaflet_map import render_map, save_html, to_html
from geomap.render.svg import save_svg

__all__ = ["embed_snippets", "render_map", "save_html", "save_png", "save_svg", "to_html"]
