"""A static SVG of a story, drawn in Python: no browser, no network.

Web Mercator, like the interactive map, so the two pictures match; the basemap is
culled to the view, and the title and legend are drawn into the picture.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from geomap.files import write_bytes_atomic
from geomap.render.elements import doubt_legend_rows, swatch_svg
from geomap.render.features import PreparedStory, iter_positions, prepare_story
from geomap.render.leaflet_map import _default_basemap
from geomap.render.style import (
    HISTORICAL_COLOUR,
    LAND_COLOUR,
    LAND_EDGE,
    SEA_COLOUR,
    SYMBOL_PATHS,
    layer_style,
)

logger = logging.getLogger(__name__)

WORLD = ((-58.0, -170.0), (75.0, 190.0))
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


class _Projection:
    """Web Mercator fitted into a ``width`` x ``height`` box around ``bounds``."""

    def __init__(self, bounds: Any, width: int, height: int) -> None:
        (south, west), (north, east) = bounds
        x0, y0 = self._merc(west, south)
        x1, y1 = self._merc(east, north)
        pad_x, pad_y = 0.12 * (x1 - x0), 0.12 * (y1 - y0)
        x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
        self.scale = min(width / (x1 - x0), height / (y1 - y0))
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.width, self.height = width, height

    @staticmethod
    def _merc(lon: float, lat: float) -> tuple[float, float]:
        lat = max(min(lat, 85.0), -85.0)
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self._merc(lon, lat)
        return (
            round(self.width / 2 + (x - self.cx) * self.scale, 1),
            round(self.height / 2 - (y - self.cy) * self.scale, 1),
        )


def save_svg(
    story: Mapping[str, Any],
    svg_path: str | Path,
    *,
    width: int = 1200,
    height: int = 800,
    basemap: Mapping[str, Any] | None = None,
) -> Path:
    """Draw a story as a static SVG picture with its title and legend.

    Parameters
    ----------
    story : Mapping
        A Story GeoJSON FeatureCollection.
    svg_path : str or Path
        Output file (written atomically; parents created).
    width, height : int
        Picture size in pixels.
    basemap : Mapping, optional
        Country polygons; defaults to ``geomap.countries.basemap()``; ``{}`` for none.

    Returns
    -------
    Path
        The written SVG.

    Raises
    ------
    StoryError
        If ``story`` is not a valid Story GeoJSON.
    OutputError
        If the file cannot be written.
    """
    text = svg_text(story, width=width, height=height, basemap=basemap)
    return write_bytes_atomic(svg_path, text.encode("utf-8"))


def svg_text(
    story: Mapping[str, Any],
    *,
    width: int = 1200,
    height: int = 800,
    basemap: Mapping[str, Any] | None = None,
) -> str:
    """The SVG document :func:`save_svg` writes, as a string."""
    prepared = prepare_story(story)
    project = _Projection(prepared.bounds or WORLD, width, height)
    countries = _default_basemap() if basemap is None else basemap
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f"<title>{escape(prepared.title)}</title>",
        f'<defs><clipPath id="view"><rect width="{width}" height="{height}"/></clipPath></defs>',
        f'<rect width="{width}" height="{height}" fill="{SEA_COLOUR}"/>',
        '<g clip-path="url(#view)">',
    ]
    if countries:
        out.append(_basemap_path(countries, project))
    # As on the web map: zones under lines under place circles under point symbols.
    for symbols in (False, True):
        for layer in sorted(prepared.layers, key=lambda lay: _draw_rank(lay.layer)):
            drawn = [
                _feature_svg(f, layer.layer, project)
                for f in layer.features
                if (f["properties"]["style"].get("shape") == "symbol") is symbols
            ]
            if drawn:
                out.append(f'<g class="layer-{escape(layer.layer)}">{"".join(drawn)}</g>')
    out.append(_labels(prepared, project))
    out.append("</g>")
    out.append(_title_box(prepared, width))
    out.append(_legend_box(prepared, height))
    out.append("</svg>")
    return "\n".join(part for part in out if part) + "\n"


def _draw_rank(layer: str) -> int:
    pane = layer_style(layer).pane
    return {"geomapZones": 0, "geomapLines": 1, "geomapPlaces": 2}.get(pane, 1)


def _rings(geometry: Mapping[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        yield from geometry["coordinates"]
    elif kind == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon
    elif kind == "LineString":
        yield geometry["coordinates"]
    elif kind == "MultiLineString":
        yield from geometry["coordinates"]
    elif kind == "GeometryCollection":
        for part in geometry.get("geometries") or ():
            yield from _rings(part)


def _path_data(
    rings: Iterable[Sequence[Sequence[float]]], project: _Projection, close: bool
) -> str:
    parts = []
    for ring in rings:
        points = [project(float(p[0]), float(p[1])) for p in ring]
        if len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) < 0 or min(xs) > project.width or max(ys) < 0 or min(ys) > project.height:
            continue  # outside the picture
        parts.append("M" + " L".join(f"{x:g} {y:g}" for x, y in points) + (" Z" if close else ""))
    return " ".join(parts)


def _basemap_path(countries: Mapping[str, Any], project: _Projection) -> str:
    if hasattr(countries, "__geo_interface__") and not isinstance(countries, Mapping):
        countries = countries.__geo_interface__
    rings = [r for f in countries.get("features", ()) for r in _rings(f.get("geometry") or {})]
    data = _path_data(rings, project, close=True)
    return (
        f'<path d="{data}" fill="{LAND_COLOUR}" stroke="{LAND_EDGE}" stroke-width="0.7" '
        'fill-rule="evenodd"/>'
        if data
        else ""
    )


def _symbol(style: Mapping[str, Any], x: float, y: float) -> str:
    size = float(style.get("size", 20))
    angle = float(style.get("angle", 0.0))
    rotate = f" rotate({angle:g} 10 10)" if angle else ""
    return (
        f'<path d="{SYMBOL_PATHS.get(style.get("symbol", "circle"), SYMBOL_PATHS["circle"])}" '
        f'fill="{style.get("color", "#666666")}" stroke="#000" stroke-width="1.2" '
        f'stroke-linejoin="round" transform="translate({x - size / 2:g} {y - size / 2:g}) '
        f'scale({size / 20:g}){rotate}"/>'
    )


def _dash(style: Mapping[str, Any]) -> str:
    return f' stroke-dasharray="{style["dashArray"]}"' if style.get("dashArray") else ""


def _feature_svg(feature: Mapping[str, Any], layer: str, project: _Projection) -> str:
    geometry = feature["geometry"]
    style = feature["properties"].get("style", {})
    if "Point" in geometry.get("type", ""):
        pieces = []
        for lon, lat in iter_positions(geometry):
            x, y = project(lon, lat)
            if style.get("shape") == "circle":
                pieces.append(
                    f'<circle cx="{x:g}" cy="{y:g}" r="{style.get("radius", 6)}" '
                    f'fill="{style.get("fillColor")}" fill-opacity="{style.get("fillOpacity", 1)}" '
                    f'stroke="#000" stroke-width="{style.get("weight", 1)}"{_dash(style)}/>'
                )
            else:
                pieces.append(_symbol(style, x, y))
        return "".join(pieces)
    is_area = "Polygon" in geometry.get("type", "")
    data = _path_data(_rings(geometry), project, close=is_area)
    if not data:
        return ""
    dash = _dash(style)
    fill = (
        f'fill="{style.get("fillColor")}" fill-opacity="{style.get("fillOpacity", 0.2)}" '
        'fill-rule="evenodd"'
        if is_area
        else 'fill="none"'
    )
    return (
        f'<path d="{data}" {fill} stroke="{style.get("color")}" '
        f'stroke-width="{style.get("weight", 2)}" stroke-opacity="{style.get("opacity", 0.9)}" '
        f'stroke-linejoin="round" stroke-linecap="round"{dash}/>'
    )


def _labels(story: PreparedStory, project: _Projection) -> str:
    labels = []
    for layer in story.layers:
        for feature in layer.features:
            props = feature["properties"]
            if not props.get("pinned") or feature["geometry"].get("type") != "Point":
                continue
            lon, lat = feature["geometry"]["coordinates"][:2]
            x, y = project(float(lon), float(lat))
            lift = float(props["style"].get("radius", 8)) + 5
            labels.append(
                f'<text x="{x:g}" y="{y - lift:g}" text-anchor="middle" font-size="13" '
                'font-weight="bold" fill="#111" stroke="#fff" stroke-width="3" '
                f'paint-order="stroke">{escape(props["label"])}</text>'
            )
    return "".join(labels)


def _title_box(story: PreparedStory, width: int) -> str:
    lines = [(story.title, 17, "bold", "#111")]
    meta = " · ".join(p for p in (story.source, story.date) if p)
    if meta:
        lines.append((meta, 12, "normal", "#555"))
    count = story.place_count
    lines.append((f"{count} place{'s' if count != 1 else ''} on the map", 12, "normal", "#222"))
    if story.unresolved:
        names = ", ".join(name + (f" ({n})" if n > 1 else "") for name, n in story.unresolved)
        lines.append((f"Not placed: {names}", 12, "normal", "#7a4b00"))
    box_width = min(width - 20, 20 + max(len(t) * s * 0.52 for t, s, _, _ in lines))
    y, texts = 14.0, []
    for text, size, weight, colour in lines:
        y += size + 4
        texts.append(
            f'<text x="22" y="{y:g}" font-size="{size}" font-weight="{weight}" '
            f'fill="{colour}">{escape(text)}</text>'
        )
    return (
        f'<g class="title"><rect x="10" y="10" width="{box_width:.0f}" height="{y + 12 - 10:g}" '
        'rx="6" fill="#fff" fill-opacity="0.95" stroke="#999"/>' + "".join(texts) + "</g>"
    )


def _legend_box(story: PreparedStory, height: int) -> str:
    extra = doubt_legend_rows(story.layers)
    rows = len(story.layers) + len(extra)
    if not rows:
        return ""
    box_height = 34 + 24 * rows
    top = height - box_height - 12
    width = 190 if not extra else max(190, 60 + 7 * max(len(t) for _, t in extra))
    parts = [
        f'<g class="legend"><rect x="10" y="{top}" width="{width}" height="{box_height}" rx="6" '
        'fill="#fff" fill-opacity="0.95" stroke="#999"/>',
        f'<text x="22" y="{top + 22}" font-size="13" font-weight="bold">Legend</text>',
    ]
    swatches = [(swatch_svg(layer, 20), layer.title) for layer in story.layers]
    for kind, text in extra:
        swatch = (
            f'<line x1="1" y1="10" x2="19" y2="10" stroke="{HISTORICAL_COLOUR}" '
            'stroke-width="3" stroke-dasharray="3 5"/>'
            if kind == "muted"
            else '<circle cx="10" cy="10" r="7" fill="none" stroke="#000" stroke-width="2" '
            'stroke-dasharray="3 3"/>'
        )
        swatches.append((swatch, text))
    for i, (swatch, text) in enumerate(swatches):
        y = top + 32 + 24 * i
        parts.append(
            f'<g transform="translate(22 {y})">{swatch}</g>'
            f'<text x="52" y="{y + 15}" font-size="13">{escape(text)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)
