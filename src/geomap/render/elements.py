"""The page pieces folium lacks: a small JS runtime, the title card and the legend.

The runtime builds popups and tooltips from feature properties with ``textContent``
(never ``innerHTML``), so article text cannot become markup or script. The title card
and legend are static HTML made here with ``html.escape``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape as html_escape
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from geomap.render.features import PreparedStory, RenderLayer
from geomap.render.style import (
    HISTORICAL_COLOUR,
    LAND_COLOUR,
    LAND_EDGE,
    SEA_COLOUR,
    SYMBOL_PATHS,
    layer_style,
    symbol_svg,
)

_RUNTIME_JS = """
window.geomap = (function () {
  "use strict";
  var SYMBOLS = %(symbols)s;
  var NS = "http://www.w3.org/2000/svg";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function symbol(s) {
    var size = s.size || 20;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("viewBox", "0 0 20 20");
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", SYMBOLS[s.symbol] || SYMBOLS.circle);
    path.setAttribute("fill", s.color || "#666666");
    path.setAttribute("stroke", "#000000");
    path.setAttribute("stroke-width", "1.2");
    path.setAttribute("stroke-linejoin", "round");
    if (s.angle) { path.setAttribute("transform", "rotate(" + Number(s.angle) + " 10 10)"); }
    svg.appendChild(path);
    return svg;
  }
  function pointToLayer(feature, latlng) {
    var s = feature.properties.style || {};
    if (s.shape === "circle") {
      return L.circleMarker(latlng, {
        radius: s.radius, color: s.color, weight: s.weight, fillColor: s.fillColor,
        fillOpacity: s.fillOpacity, className: s.className, pane: s.pane
      });
    }
    var size = s.size || 20;
    var decor = !!feature.properties.decor;
    return L.marker(latlng, {
      icon: L.divIcon({
        html: symbol(s), className: "geomap-symbol " + (s.className || ""),
        iconSize: [size, size], iconAnchor: [size / 2, size / 2],
        tooltipAnchor: [0, -size / 2], popupAnchor: [0, -size / 2]
      }),
      interactive: !decor, keyboard: !decor
    });
  }
  function style(feature) { return feature.properties.style || {}; }
  function popup(p) {
    var root = el("div", "geomap-popup");
    root.appendChild(el("div", "geomap-popup-title", p.label));
    if (p.subtitle) { root.appendChild(el("div", "geomap-popup-sub", p.subtitle)); }
    if (p.certainty) { root.appendChild(el("div", "geomap-popup-certainty", p.certainty)); }
    (p.evidence || []).forEach(function (pieces) {
      var quote = el("blockquote", "geomap-evidence");
      pieces.forEach(function (piece) {
        quote.appendChild(piece[1] ? el("mark", null, piece[0]) : document.createTextNode(piece[0]));
      });
      root.appendChild(quote);
    });
    if (p.more) {
      root.appendChild(el("div", "geomap-popup-more",
        "+ " + p.more + " more sentence" + (p.more > 1 ? "s" : "")));
    }
    return root;
  }
  function onEachFeature(feature, layer) {
    var p = feature.properties;
    if (p.decor) { return; }
    var lift = (p.style && p.style.radius) ? p.style.radius : 0;
    var right = p.side === "right";
    layer.bindTooltip(function () { return el("span", null, p.tip); }, {
      permanent: !!p.pinned, direction: right ? "right" : "top",
      offset: right ? [lift, 0] : [0, -lift],
      className: p.pinned ? "geomap-label" : "geomap-tip"
    });
    layer.bindPopup(function () { return popup(p); }, {maxWidth: 360, maxHeight: 320});
    if (p.pinned) {
      labels.push({layer: layer, priority: p.priority || 0});
      layer.on("add", function (e) { watch(e.target._map); });
    }
  }
  // Label decluttering: after every zoom, pan or layer toggle, a permanent label that
  // would overlap a more important one is hidden (focus places win, then the most named).
  var labels = [];
  function watch(map) {
    if (!map || map._geomapDeclutter) { return; }
    map._geomapDeclutter = true;
    map.on("zoomend moveend overlayadd overlayremove", declutter);
    map.whenReady(function () { setTimeout(declutter, 0); });
  }
  // Each label tries its own side, then the others; it is hidden only if all collide.
  var SIDES = ["top", "right", "left", "bottom"];
  function place(tip, side) {
    var lift = tip._geomapLift;
    if (lift === undefined) {
      var o = tip.options.offset;
      lift = tip._geomapLift = Math.max(Math.abs(o[0] || o.x || 0), Math.abs(o[1] || o.y || 0));
      tip._geomapSide = tip.options.direction;
    }
    tip.options.direction = side;
    tip.options.offset = side === "top" ? [0, -lift] : side === "bottom" ? [0, lift]
      : side === "left" ? [-lift, 0] : [lift, 0];
    tip.update();
  }
  function declutter() {
    var kept = [];
    function free(r) {
      return !kept.some(function (k) {
        return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom;
      });
    }
    labels.slice().sort(function (a, b) { return b.priority - a.priority; })
      .forEach(function (item) {
        var tip = item.layer.getTooltip && item.layer.getTooltip();
        var node = tip && tip.getElement && tip.getElement();
        if (!node || !item.layer._map) { return; }
        node.style.visibility = "";
        var first = tip._geomapSide || tip.options.direction;
        var order = [first].concat(SIDES.filter(function (s) { return s !== first; }));
        for (var i = 0; i < order.length; i++) {
          place(tip, order[i]);
          var r = node.getBoundingClientRect();
          if (free(r)) { kept.push(r); return; }
        }
        place(tip, first);
        node.style.visibility = "hidden";
      });
  }
  return {pointToLayer: pointToLayer, onEachFeature: onEachFeature, style: style,
          declutter: declutter};
})();
"""

_CSS = """
.leaflet-container { background: %(sea)s; font-family: system-ui, -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; }
.geomap-symbol { background: none; border: none; }
.geomap-symbol svg { display: block; overflow: visible; }
.geomap-popup-title { font-weight: 700; font-size: 15px; margin-bottom: 2px; }
.geomap-popup-sub { color: #444; font-size: 12px; margin-bottom: 4px; }
.geomap-popup-certainty { font-size: 12px; color: #0072B2; margin-bottom: 4px; }
.geomap-evidence { margin: 6px 0; padding: 0 0 0 8px; border-left: 3px solid #bbb;
  font-size: 13px; line-height: 1.35; white-space: pre-wrap; }
.geomap-evidence mark { background: #F0E442; padding: 0 1px; }
.geomap-popup-more { font-size: 12px; color: #555; }
.leaflet-tooltip.geomap-label { font-weight: 700; font-size: 12px; padding: 1px 5px;
  background: rgba(255,255,255,0.85); border: 1px solid #888; box-shadow: none; }
.geomap-card { position: absolute; z-index: 1001; background: rgba(255,255,255,0.95);
  border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,0.4); padding: 8px 12px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 13px; color: #222; }
.geomap-title-card { top: 10px; left: 10px; max-width: 360px; max-height: 40vh;
  overflow-y: auto; }
.geomap-title-card h1 { font-size: 17px; margin: 0 0 4px 0; line-height: 1.25; }
.geomap-title-card .geomap-meta { color: #555; margin-bottom: 4px; }
.geomap-title-card .geomap-unresolved { color: #7a4b00; margin-top: 4px; }
.geomap-legend { bottom: 24px; left: 10px; }
.geomap-legend-title { font-weight: 700; margin-bottom: 4px; }
.geomap-legend-row { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.geomap-legend-row svg { flex: none; }
"""


# branca renders a MacroElement's output a second time as a Jinja template, so text
# holding "{{", "{%" or "{#" would be evaluated (template injection) or crash the render.
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def safe_json(value: Any) -> str:
    """JSON that is inert inside ``<script>`` and inside branca's second Jinja pass.

    Structural braces of JSON are never followed by ``{``, ``%`` or ``#``, so every
    brace replaced here sits inside a string, where ``\\u007b`` means the same.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    for char, code in _JSON_UNSAFE.items():
        text = text.replace(char, code)
    return _JINJA_OPENER.sub(r"\\u007b", text)


def escape(text: str, quote: bool = True) -> str:
    """HTML-escape ``text`` and break Jinja openers (see ``safe_json``)."""
    return html_escape(text, quote=quote).replace("{", "&#123;")


class StoryGeoJson(folium.GeoJson):
    """A folium ``GeoJson`` whose data is serialised by :func:`safe_json`.

    Styling, symbols, tooltips and popups come from the page's ``geomap`` runtime,
    which reads each feature's display properties.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.safe_data }}, {
            pane: {{ this.pane|tojson }},
            style: geomap.style,
            pointToLayer: geomap.pointToLayer,
            onEachFeature: geomap.onEachFeature
        });
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any], *, name: str, pane: str) -> None:
        super().__init__(data, name=name, control=False)
        self._name = "StoryGeoJson"
        self.pane = pane
        self.safe_data = safe_json(self.data)


class Runtime(MacroElement):
    """Page CSS and the ``geomap`` JS helpers used by every story layer."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}
        """
    )

    def __init__(self, *, sea: bool) -> None:
        super().__init__()
        self._name = "GeomapRuntime"
        css = _CSS % {"sea": SEA_COLOUR if sea else "#ddd"}
        self.css = css
        self.js = _RUNTIME_JS % {"symbols": json.dumps(SYMBOL_PATHS, sort_keys=True)}


class TitleCard(MacroElement):
    """Title, source, date, link, place count and the names geomap could not place."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="geomap-card geomap-title-card" id="{{ this.get_name() }}">{{ this.body }}</div>
        {% endmacro %}
        """
    )

    def __init__(self, story: PreparedStory) -> None:
        super().__init__()
        self._name = "GeomapTitleCard"
        self.body = title_card_html(story)


def title_card_html(story: PreparedStory) -> str:
    """Inner HTML of the title card; every article string is escaped here."""
    parts = [f"<h1>{escape(story.title)}</h1>"]
    meta = " · ".join(escape(p) for p in (story.source, story.date) if p)
    if meta:
        parts.append(f'<div class="geomap-meta">{meta}</div>')
    if story.url:
        parts.append(
            f'<div><a href="{escape(story.url, quote=True)}" target="_blank" '
            'rel="noopener noreferrer">Read the article</a></div>'
        )
    count = story.place_count
    parts.append(f"<div>{count} place{'s' if count != 1 else ''} on the map</div>")
    if story.unresolved:
        names = ", ".join(
            escape(name) + (f" ({n})" if n > 1 else "") for name, n in story.unresolved
        )
        parts.append(f'<div class="geomap-unresolved">Not placed: {names}</div>')
    return "".join(parts)


class Legend(MacroElement):
    """One row per drawn layer, with the same symbol, line or fill as on the map."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="geomap-card geomap-legend" id="{{ this.get_name() }}">{{ this.body }}</div>
        {% endmacro %}
        """
    )

    def __init__(self, layers: Iterable[RenderLayer]) -> None:
        super().__init__()
        self._name = "GeomapLegend"
        rows = [
            f'<div class="geomap-legend-row">{swatch_svg(layer)}'
            f"<span>{escape(layer.title)}</span></div>"
            for layer in layers
        ]
        historical = any(
            "geomap-historical" in str(f["properties"].get("style", {}).get("className", ""))
            for layer in layers
            for f in layer.features
        )
        if historical:  # background facts are drawn muted and dashed, whatever their layer
            rows.append(
                '<div class="geomap-legend-row"><svg width="22" height="12" aria-hidden="true">'
                f'<line x1="1" y1="6" x2="21" y2="6" stroke="{HISTORICAL_COLOUR}" '
                'stroke-width="3" stroke-dasharray="3 5"/></svg>'
                "<span>Background (history, not the news)</span></div>"
            )
        self.body = '<div class="geomap-legend-title">Legend</div>' + "".join(rows)


def geometry_kinds(layer: RenderLayer) -> set[str]:
    """Which of point / line / area a layer draws (decorations excluded)."""
    kinds = set()
    for feature in layer.features:
        if feature["properties"].get("decor"):
            continue
        kind = feature["geometry"].get("type", "")
        kinds.add("point" if "Point" in kind else "line" if "Line" in kind else "area")
    return kinds


def swatch_svg(layer: RenderLayer, size: int = 22) -> str:
    """A legend sample for ``layer``: its symbol, its line (with arrow) or its fill."""
    style = layer_style(layer.layer)
    kinds = geometry_kinds(layer)
    if layer.layer == "places":
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 20 20"><circle cx="10" cy="10" r="6" fill="{style.colour}" '
            'stroke="#000" stroke-width="1.2"/></svg>'
        )
    if "point" in kinds or not kinds:
        return symbol_svg(style.symbol, style.colour, size)
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    if "line" in kinds:
        arrow = (
            f'<path d="{SYMBOL_PATHS["arrow"]}" fill="{style.colour}" stroke="#000" '
            'stroke-width="1" transform="translate(6 4) scale(0.6)"/>'
            if style.symbol == "arrow"
            else ""
        )
        width = min(style.weight, 5)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 20 20"><line x1="1" y1="10" x2="19" y2="10" stroke="{style.colour}" '
            f'stroke-width="{width}"{dash if width < 5 else ""}/>{arrow}</svg>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 20 20"><rect x="2" y="4" width="16" height="12" fill="{style.colour}" '
        f'fill-opacity="{max(style.fill_opacity, 0.25)}" stroke="{style.colour}" '
        f'stroke-width="2"{dash}/></svg>'
    )


class Basemap(MacroElement):
    """Countries as one non-interactive polygon layer under everything else.

    Not in the layer control: it is the ground the story is drawn on, not a theme.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.polygon(
            (function (polygons) {
                return polygons.map(function (rings) {
                    return rings.map(function (flat) {
                        var out = [], x = 0, y = 0;
                        for (var i = 0; i < flat.length; i += 2) {
                            x += flat[i]; y += flat[i + 1];
                            out.push([y / 100, x / 100]);
                        }
                        return out;
                    });
                });
            })({{ this.data }}),
            {{ this.options }}
        ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, polygons: list[list[list[int]]]) -> None:
        super().__init__()
        self._name = "GeomapBasemap"
        # Integers only, so compact JSON is also safe inside <script>.
        self.data = json.dumps(polygons, separators=(",", ":"))
        options = dict(BASEMAP_STYLE, pane="geomapBase", interactive=False)
        options["attribution"] = "Countries: Natural Earth"
        self.options = json.dumps(options, sort_keys=True).replace("<", "\\u003c")


BASEMAP_STYLE = {
    "color": LAND_EDGE,
    "weight": 0.7,
    "fillColor": LAND_COLOUR,
    "fillOpacity": 1.0,
    "className": "geomap-basemap",
}
