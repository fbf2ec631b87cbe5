"""How each layer looks: one table shared by the HTML map, its legend and the SVG export.

Colours come from the Okabe–Ito palette so the layers stay distinguishable for readers
with colour-vision deficiencies; each point layer also has its own shape, so colour is
never the only cue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from geomap.models import LAYER_TITLES, Layer

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

SEA_COLOUR = "#dbe9f4"
LAND_COLOUR = "#f7f5ef"
LAND_EDGE = "#a7a39a"


def _star(points: int, outer: float, inner: float, centre: float = 10.0) -> str:
    """SVG path of a star in a 20x20 box, rounded so the output stays stable."""
    parts = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi * i / points - math.pi / 2
        x = centre + radius * math.cos(angle)
        y = centre + radius * math.sin(angle)
        parts.append(f"{'M' if i == 0 else 'L'}{x:.2f} {y:.2f}")
    return " ".join(parts) + " Z"


# Symbols drawn in a 20x20 box centred on (10, 10); ``arrow`` points east (angle 0).
SYMBOL_PATHS: dict[str, str] = {
    "triangle": "M10 1.5 L18.5 17 L1.5 17 Z",
    "square": "M3 3 H17 V17 H3 Z",
    "diamond": "M10 0.8 L19.2 10 L10 19.2 L0.8 10 Z",
    "star": _star(8, 9.5, 4.2),
    "circle": "M10 2 A8 8 0 1 1 9.99 2 Z",
    "arrow": "M3 3.5 L18 10 L3 16.5 L7 10 Z",
}


@dataclass(frozen=True)
class LayerStyle:
    """Look of one layer: line/fill for shapes, symbol for points.

    ``pane`` and ``z`` decide drawing order (zones under lines under points) without
    changing the order of the layer control, which follows ``LAYER_TITLES``.
    """

    colour: str
    symbol: str = "circle"
    symbol_size: int = 20
    weight: float = 3.0
    dash: str | None = None
    fill_opacity: float = 0.0
    opacity: float = 0.9
    pane: str = "geomapLines"


LAYER_STYLES: dict[str, LayerStyle] = {
    Layer.BORDERS.value: LayerStyle(OKABE_ITO["black"], symbol="square", weight=5.0),
    Layer.MILITARY_DRILLS.value: LayerStyle(
        OKABE_ITO["orange"], symbol="triangle", dash="2 6", fill_opacity=0.15
    ),
    Layer.MILITARY_PRESENCE.value: LayerStyle(
        OKABE_ITO["blue"], symbol="square", dash="8 4", fill_opacity=0.15
    ),
    Layer.INFLUENCE.value: LayerStyle(
        OKABE_ITO["reddish_purple"],
        symbol="square",
        weight=2.0,
        dash="6 4",
        fill_opacity=0.28,
        pane="geomapZones",
    ),
    Layer.TRAFFICKING_ROUTES.value: LayerStyle(
        OKABE_ITO["bluish_green"], symbol="arrow", weight=3.5, dash="10 6"
    ),
    Layer.CONFLICT.value: LayerStyle(OKABE_ITO["vermillion"], symbol="star", symbol_size=24),
    Layer.DIPLOMACY.value: LayerStyle(OKABE_ITO["sky_blue"], symbol="diamond"),
    Layer.PLACES.value: LayerStyle(
        OKABE_ITO["yellow"], symbol="circle", weight=1.2, fill_opacity=0.9, pane="geomapPlaces"
    ),
}

# Background facts (an earlier war, a past treaty) are drawn in this muted grey.
HISTORICAL_COLOUR = "#8c8c8c"

# Layers a later version may add still render, in a neutral grey.
FALLBACK_STYLE = LayerStyle("#666666", symbol="circle", weight=2.5, fill_opacity=0.2)

PANES: tuple[tuple[str, int], ...] = (
    ("geomapBase", 250),
    ("geomapZones", 380),
    ("geomapBaseLabels", 395),
    ("geomapLines", 410),
    ("geomapPlaces", 420),
)

LAYER_ORDER: tuple[str, ...] = tuple(layer.value for layer in LAYER_TITLES)


def layer_style(layer: str) -> LayerStyle:
    """Return the style of ``layer``, falling back to neutral grey for unknown layers."""
    return LAYER_STYLES.get(layer, FALLBACK_STYLE)


def layer_title(layer: str) -> str:
    """Plain-words name of ``layer`` ("trafficking_routes" -> "Trafficking routes")."""
    try:
        return Layer(layer).title
    except ValueError:
        # Only word characters: the title reaches JS and a second Jinja pass.
        words = re.sub(r"[^\w -]+", " ", layer.replace("_", " ")).split()
        return " ".join(words).capitalize() or "Other"


def layer_sort_key(layer: str) -> tuple[int, str]:
    """Known layers in ``LAYER_TITLES`` order, unknown ones after, alphabetically."""
    if layer in LAYER_ORDER:
        return (LAYER_ORDER.index(layer), layer)
    return (len(LAYER_ORDER), layer)


def place_radius(mentions: int, *, focus: bool) -> float:
    """Circle radius in pixels: grows with the square root of mentions, capped."""
    radius = 4.5 + 2.2 * math.sqrt(max(mentions, 1))
    return round(min(radius, 15.0) + (3.0 if focus else 0.0), 2)


def symbol_svg(symbol: str, colour: str, size: int, *, angle: float = 0.0) -> str:
    """Inline SVG of a symbol, for the legend and the static SVG export."""
    rotate = f' transform="rotate({angle:.1f} 10 10)"' if angle else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 20 20"><path d="{SYMBOL_PATHS[symbol]}" fill="{colour}" '
        f'stroke="#000" stroke-width="1.2" stroke-linejoin="round"{rotate}/></svg>'
    )
