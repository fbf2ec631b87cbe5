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
    if (feature.properties.labelOnly) {
      return L.marker(latlng, {
        icon: L.divIcon({html: "", className: "geomap-label-anchor", iconSize: [0, 0]}),
        interactive: false, keyboard: false
      });
    }
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
      interactive: !decor, keyboard: !decor, title: decor ? "" : feature.properties.tip
    });
  }
  function style(feature) { return feature.properties.style || {}; }
  function popup(p) {
    var root = el("div", "geomap-popup");
    root.appendChild(el("div", "geomap-popup-title", p.label));
    if (p.subtitle) { root.appendChild(el("div", "geomap-popup-sub", p.subtitle)); }
    if (p.certainty) { root.appendChild(el("div", "geomap-popup-certainty", p.certainty)); }
    if (p.doubt) { root.appendChild(el("div", "geomap-popup-doubt", "Doubt: " + p.doubt)); }
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
  // Screen readers and keyboards reach every drawn fact and place: each gets a name
  // and a tab stop, and Enter (or Space) opens its popup as a click would.
  function accessible(layer, name) {
    layer.on("add", function () {
      var nodes = [];
      if (layer.getElement) { nodes.push(layer.getElement()); }
      else if (layer.eachLayer) {
        layer.eachLayer(function (part) { if (part.getElement) { nodes.push(part.getElement()); } });
      }
      nodes.forEach(function (node) {
        if (!node || node._geomapNamed) { return; }
        node._geomapNamed = true;
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", name);
        if (node.tagName.toLowerCase() === "div") { return; }  // Leaflet's markers do Enter
        node.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            layer.openPopup();
          }
        });
      });
    });
  }
  function onEachFeature(feature, layer) {
    var p = feature.properties;
    if (p.decor) { return; }
    if (p.labelOnly) {  // a place name apart from the Places overlay, never switched off
      var lift = p.lift || 0;
      var right = p.side === "right";
      layer.bindTooltip(function () { return el("span", null, p.tip); }, {
        permanent: true, direction: right ? "right" : "top",
        offset: right ? [lift, 0] : [0, -lift],
        className: "geomap-label" + (p.area ? " geomap-label-area" : "")
      });
      labels.push({layer: layer, priority: p.priority || 0});
      layer.on("add", function (e) { watch(e.target._map); });
      return;
    }
    if (!p.pinned || p.labelAway) {  // a pinned place already has its name beside it
      layer.bindTooltip(function () { return el("span", null, p.tip); },
        {direction: "top", className: "geomap-tip"});
    }
    layer.bindPopup(function () { return popup(p); }, {maxWidth: 360, maxHeight: 320});
    accessible(layer, p.tip);
  }
  // Label decluttering: after every zoom, pan or layer toggle, a permanent label that
  // would overlap a more important one is hidden (focus places win, then the most named).
  var labels = [];
  var watched = null;
  function watch(map) {
    if (!map || map._geomapDeclutter) { return; }
    watched = map;
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
    // the cards and controls come first: a label under the title card is not a label
    if (watched) {
      watched.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
        if (c.offsetParent !== null) { kept.push(c.getBoundingClientRect()); }
      });
    }
    var view = watched ? watched.getContainer().getBoundingClientRect() : null;
    function inside(r) {
      return !view || (r.left >= view.left && r.right <= view.right &&
                       r.top >= view.top && r.bottom <= view.bottom);
    }
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
        // a side inside the view first; else any free side, rather than no label
        var fallback = null;
        for (var i = 0; i < order.length; i++) {
          place(tip, order[i]);
          var r = node.getBoundingClientRect();
          if (free(r) && inside(r)) { kept.push(r); return; }
          if (fallback === null && free(r)) { fallback = order[i]; }
        }
        place(tip, fallback || first);
        if (fallback) { kept.push(node.getBoundingClientRect()); }
        else { node.style.visibility = "hidden"; }
      });
    baseLabels(free, kept);
  }
  // The basemap's own names (countries, seas, capitals) come after the story's labels:
  // each is shown from the zoom it fits at, inside the view, and only where it is free.
  var base = [], baseMap = null;
  function baseLabels(free, kept) {
    if (!baseMap) { return; }
    // nor over the story's own markers
    baseMap.getContainer().querySelectorAll(".geomap-symbol, path.geomap-layer-places")
      .forEach(function (node) { kept.push(node.getBoundingClientRect()); });
    var zoom = baseMap.getZoom(), view = baseMap.getBounds().pad(0.1);
    var frame = baseMap.getContainer().getBoundingClientRect();
    base.forEach(function (item) {
      var show = zoom >= item.zoom && view.contains(item.latlng);
      if (!show) {
        if (item.marker && item.marker._map) { item.marker.remove(); }
        return;
      }
      if (!item.marker) {
        item.marker = L.marker(item.latlng, {
          icon: L.divIcon({html: "", className: "geomap-base geomap-base-" + item.kind,
                           iconSize: null}),
          interactive: false, keyboard: false, pane: "geomapBaseLabels"
        });
      }
      if (!item.marker._map) {
        item.marker.addTo(baseMap);
        var outer = item.marker.getElement();
        outer.textContent = "";
        outer.appendChild(el("span", null, item.name));
      }
      var node = item.marker.getElement().firstChild;
      node.style.visibility = "";
      var r = node.getBoundingClientRect();
      var inside = r.left >= frame.left && r.right <= frame.right &&
        r.top >= frame.top && r.bottom <= frame.bottom;
      if (inside && free(r)) { kept.push(r); } else { node.style.visibility = "hidden"; }
    });
  }
  function basemapLabels(map, rows) {
    baseMap = map;
    base = rows.map(function (r) {
      return {kind: r[0], name: r[1], latlng: L.latLng(r[2], r[3]), zoom: r[4]};
    });
    watch(map);
  }
  function decode(polygons) {
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
  }
  // A world map the size of a stamp, drawn from the basemap's own polygons (no tiles),
  // with a box where the main map looks.
  function locator(map, world) {
    var W = 150, H = 75;
    var Inset = L.Control.extend({
      onAdd: function () {
        var box = L.DomUtil.create("div", "geomap-inset leaflet-control");
        var svg = document.createElementNS(NS, "svg");
        svg.setAttribute("viewBox", "0 0 " + W + " " + H);
        svg.setAttribute("width", W);
        svg.setAttribute("height", H);
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", "Locator: where the map lies in the world");
        var d = [];
        world.forEach(function (rings) {
          var ring = rings[0], last = null, part = [];
          ring.forEach(function (p) {
            var x = Math.round((p[1] + 180) / 360 * W * 2) / 2;
            var y = Math.round((90 - p[0]) / 180 * H * 2) / 2;
            var key = x + " " + y;
            if (key !== last) { part.push(key); last = key; }
          });
          if (part.length > 2) { d.push("M" + part.join("L") + "Z"); }
        });
        var land = document.createElementNS(NS, "path");
        land.setAttribute("d", d.join(""));
        land.setAttribute("class", "geomap-inset-land");
        svg.appendChild(land);
        var view = document.createElementNS(NS, "rect");
        view.setAttribute("class", "geomap-inset-view");
        svg.appendChild(view);
        box.appendChild(svg);
        function update() {
          var b = map.getBounds();
          var x0 = (Math.max(b.getWest(), -180) + 180) / 360 * W;
          var x1 = (Math.min(b.getEast(), 180) + 180) / 360 * W;
          var y0 = (90 - Math.min(b.getNorth(), 90)) / 180 * H;
          var y1 = (90 - Math.max(b.getSouth(), -90)) / 180 * H;
          var w = Math.max(x1 - x0, 3), h = Math.max(y1 - y0, 3);
          view.setAttribute("x", ((x0 + x1) / 2 - w / 2).toFixed(1));
          view.setAttribute("y", ((y0 + y1) / 2 - h / 2).toFixed(1));
          view.setAttribute("width", w.toFixed(1));
          view.setAttribute("height", h.toFixed(1));
        }
        map.on("moveend zoomend resize", update);
        map.whenReady(update);
        return box;
      }
    });
    return new Inset({position: "bottomright"}).addTo(map);
  }
  // Title card and legend become Leaflet controls, so Leaflet stacks them in their
  // corners instead of letting them pile up over each other.
  function dock(map, id, position) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var Dock = L.Control.extend({onAdd: function () {
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    }});
    return new Dock({position: position}).addTo(map);
  }
  // Narrow maps (an embed, a phone) fold the legend and the layer list behind a button.
  var COMPACT_PX = 700;
  function compact(map, layers, legend) {
    var box = map.getContainer();
    var narrow = box.clientWidth < COMPACT_PX;
    if (narrow === box._geomapCompact && box._geomapWidth === box.clientWidth) { return; }
    box._geomapWidth = box.clientWidth;
    box._geomapCompact = narrow;
    box.classList.toggle("geomap-compact", narrow);
    box.classList.toggle("geomap-tiny", box.clientWidth < 500);
    if (map.attributionControl) {  // stacked under the legend, not beside it
      map.attributionControl.setPosition(narrow ? "bottomleft" : "bottomright");
    }
    if (legend) { legend.open = !narrow; }
    if (layers) {
      if (narrow) { layers.collapse(); map.on("click", layers.collapse, layers); }
      else { layers.expand(); map.off("click", layers.collapse, layers); }
    }
  }
  // Open on the story as close as it fits beside the cards and controls: at each zoom,
  // from the closest down, the story's box is tried at the places the corners leave free
  // (against an edge, beside or below a card, centred); the free place nearest the
  // centre wins. Fitting to the view minus fixed paddings wastes whole bands of a
  // small map.
  function frame(map, bounds, maxZoom) {
    var container = map.getContainer(), origin = container.getBoundingClientRect();
    // m: room at the view's edge, g: beside a card, for a symbol's half and a label
    var W = container.clientWidth, H = container.clientHeight, m = 24, g = 16;
    var cards = [];
    // the credit line may lie over the story's edge: it is one line of small print
    container.querySelectorAll(".leaflet-control:not(.leaflet-control-attribution)")
      .forEach(function (c) {
      if (c.offsetParent === null) { return; }
      var r = c.getBoundingClientRect();
      cards.push({left: r.left - origin.left, top: r.top - origin.top,
                  right: r.right - origin.left, bottom: r.bottom - origin.top});
    });
    function clear(x, y, w, h) {
      return x >= m - 0.5 && y >= m - 0.5 && x + w <= W - m + 0.5 && y + h <= H - m + 0.5 &&
        !cards.some(function (c) {
          return x < c.right + g && c.left - g < x + w && y < c.bottom + g && c.top - g < y + h;
        });
    }
    var top = Math.min(maxZoom, map.getBoundsZoom(bounds, false, L.point(2 * m, 2 * m)));
    for (var z = Math.floor(top * 4) / 4; z >= map.getMinZoom(); z -= 0.25) {
      var nw = map.project(bounds.getNorthWest(), z), se = map.project(bounds.getSouthEast(), z);
      var w = se.x - nw.x, h = se.y - nw.y;
      var xs = [m, W - m - w, (W - w) / 2], ys = [m, H - m - h, (H - h) / 2];
      cards.forEach(function (c) {
        xs.push(c.right + g, c.left - g - w);
        ys.push(c.bottom + g, c.top - g - h);
      });
      var best = null, bestDistance = Infinity;
      xs.forEach(function (x) {
        ys.forEach(function (y) {
          if (!clear(x, y, w, h)) { return; }
          var d = Math.abs(x + w / 2 - W / 2) + Math.abs(y + h / 2 - H / 2);
          if (d < bestDistance - 1e-6) { best = [x, y]; bestDistance = d; }
        });
      });
      if (best) {
        var centre = map.unproject(L.point(nw.x - best[0] + W / 2, nw.y - best[1] + H / 2), z);
        map.setView(centre, z, {animate: false});
        return;
      }
    }
    map.fitBounds(bounds, {maxZoom: maxZoom, animate: false});
  }
  function setup(map, options) {
    var layers = options.layers;
    var legend = document.getElementById(options.legend);
    // the map is the page's main content (a landmark screen readers can jump to)
    map.getContainer().setAttribute("role", "main");
    map.getContainer().setAttribute("aria-label", "Map");
    dock(map, options.title, "topleft");
    dock(map, options.legend, "bottomleft");
    if (options.world) { locator(map, options.world); }
    var legendDetails = legend && legend.querySelector("details");
    compact(map, layers, legendDetails);
    map.on("resize", function () { compact(map, layers, legendDetails); });
    if (window.location.hash === "#geomap-still") { still(); }
    if (options.bounds) { frame(map, L.latLngBounds(options.bounds), options.maxZoom); }
    if (options.labels) { basemapLabels(map, options.labels); }
    window.addEventListener("beforeprint", function () {
      if (legendDetails) { legendDetails.open = true; }
      map.invalidateSize();
    });
  }
  // A still picture (PNG export): no buttons or checkboxes, the legend open.
  function still() {
    document.body.classList.add("geomap-static");
    document.querySelectorAll(".geomap-legend details").forEach(function (d) { d.open = true; });
  }
  return {pointToLayer: pointToLayer, onEachFeature: onEachFeature, style: style,
          declutter: declutter, decode: decode, setup: setup, still: still};
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
.leaflet-tooltip.geomap-tip { font-size: 12px; }
.leaflet-tooltip.geomap-label-area { background: rgba(255,255,255,0.7); border-style: dashed; }
.leaflet-tooltip.geomap-label-area::before { display: none; }
.geomap-popup-doubt { font-size: 12px; color: #7a4b00; margin-bottom: 4px; }
.geomap-card { background: rgba(255,255,255,0.95); border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.4); padding: 8px 12px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 13px; color: #222; }
.geomap-title-card { max-width: 360px; max-height: 40vh; overflow-y: auto; }
.geomap-title-card h1 { font-size: 17px; margin: 0 0 4px 0; line-height: 1.25; }
.geomap-title-card .geomap-meta { color: #555; margin-bottom: 4px; }
.geomap-title-card .geomap-unresolved { color: #7a4b00; margin-top: 4px; }
.geomap-title-card summary, .geomap-legend summary { cursor: pointer; }
.geomap-legend summary { font-weight: 700; }
.geomap-legend details[open] summary { margin-bottom: 4px; }
.geomap-legend-row { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.geomap-legend-row svg { flex: none; }
.geomap-compact .geomap-card { padding: 6px 9px; font-size: 12px; }
.geomap-compact .geomap-title-card { max-width: calc(100vw - 90px); max-height: 32vh; }
.geomap-compact .geomap-title-card h1 { font-size: 14px; }
.geomap-tiny .geomap-inset { display: none; }
.geomap-compact .leaflet-control-attribution { font-size: 10px; }
.geomap-inset { background: %(sea)s; border: 1px solid #888; border-radius: 4px;
  line-height: 0; overflow: hidden; }
.geomap-inset-land { fill: #c9c4b8; stroke: none; }
.geomap-inset-view { fill: none; stroke: #D55E00; stroke-width: 1.5; }
.geomap-label-anchor { background: none; border: none; }
.geomap-base { background: none; border: none; pointer-events: none; }
.geomap-base span { position: absolute; transform: translate(-50%%, -50%%);
  white-space: nowrap; color: #5c584f; font-size: 11px; letter-spacing: 0.04em;
  text-shadow: 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.geomap-base-country-big span { font-size: 13px; text-transform: uppercase; }
.geomap-base-country span { text-transform: uppercase; }
.geomap-base-sea span { color: #2f5f86; font-style: italic; font-size: 12px; letter-spacing: 0.08em;
  text-shadow: 0 0 3px %(sea)s; }
.geomap-base-city span { color: #333; letter-spacing: 0; transform: translate(4px, -50%%); }
.geomap-base-city span::before { content: ""; display: inline-block; width: 4px; height: 4px;
  margin: 0 4px 1px -6px; border-radius: 50%%; background: #555; vertical-align: middle; }
.leaflet-marker-icon:focus, path.leaflet-interactive:focus { outline: 3px solid #0072B2;
  outline-offset: 2px; }
.geomap-static .leaflet-control-zoom, .geomap-static .leaflet-control-layers { display: none; }
.geomap-facts { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #222; padding: 8px 12px; }
.geomap-facts summary { cursor: pointer; font-weight: 700; }
.geomap-facts li { margin: 4px 0; }
.geomap-facts q { color: #444; }
@media print {
  @page { margin: 1cm; }
  html, body { height: auto !important; }
  .folium-map { height: 92vh !important; break-inside: avoid; }
  .leaflet-control-zoom, .leaflet-control-layers { display: none !important; }
  .geomap-facts details > * { display: block; }
}
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
        if len(story.unresolved) <= UNRESOLVED_SHOWN:
            parts.append(f'<div class="geomap-unresolved">Not placed: {names}</div>')
        else:  # a long list folds, so it cannot push the title card over the story
            parts.append(
                f'<details class="geomap-unresolved"><summary>Not placed: '
                f"{len(story.unresolved)} names</summary>{names}</details>"
            )
    return "".join(parts)


UNRESOLVED_SHOWN = 4  # more names than this fold behind a "Not placed: N names" summary


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
        muted = (
            '<div class="geomap-legend-row"><svg width="22" height="12" aria-hidden="true">'
            f'<line x1="1" y1="6" x2="21" y2="6" stroke="{HISTORICAL_COLOUR}" '
            'stroke-width="3" stroke-dasharray="3 5"/></svg><span>{}</span></div>'
        )
        hollow = (
            '<div class="geomap-legend-row"><svg width="22" height="22" aria-hidden="true">'
            '<circle cx="11" cy="11" r="7" fill="none" stroke="#000" stroke-width="2" '
            'stroke-dasharray="3 3"/></svg><span>{}</span></div>'
        )
        for kind, text in doubt_legend_rows(layers):
            rows.append((muted if kind == "muted" else hollow).replace("{}", escape(text)))
        self.body = f"<details open><summary>Legend</summary>{''.join(rows)}</details>"


def doubt_legend_rows(layers: Iterable[RenderLayer]) -> list[tuple[str, str]]:
    """Legend rows for what is drawn muted or hollow, as (``muted``/``hollow``, text):
    background facts, facts the text says ended, were denied or are planned (muted and
    dashed, whatever their layer), and uncertain places (hollow, dashed)."""
    drawn = [f["properties"] for layer in layers for f in layer.features]
    rows = []
    if any("geomap-historical" in str(p.get("style", {}).get("className", "")) for p in drawn):
        rows.append(("muted", "Background (history, not the news)"))
    statuses = sorted({str(p["status"]) for p in drawn if p.get("status")})
    if statuses:
        rows.append(("muted", f"{', '.join(statuses).capitalize()} (not current)"))
    if any(p.get("doubt") for p in drawn):
        rows.append(("hollow", "Uncertain place (why: in its popup)"))
    return rows


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
        geomap.world = geomap.decode({{ this.data }});
        var {{ this.get_name() }} = L.polygon(
            geomap.world,
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
        options["attribution"] = "Natural Earth · GeoNames"
        self.options = json.dumps(options, sort_keys=True).replace("<", "\\u003c")


class Setup(MacroElement):
    """Runs last: docks the cards, folds them on narrow maps, frames the story, names
    the basemap and draws the locator (see ``geomap.setup`` in the runtime)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.setup({{ this._parent.get_name() }}, {
            title: {{ this.title.get_name()|tojson }},
            legend: {{ this.legend.get_name()|tojson }},
            layers: {{ this.layers.get_name() }},
            world: geomap.world || null,
            bounds: {{ this.bounds }},
            maxZoom: {{ this.max_zoom }},
            labels: {{ this.labels }}
        });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        *,
        title: MacroElement,
        legend: MacroElement,
        layers: MacroElement,
        bounds: Any,
        labels: list[Any],
        max_zoom: float = 7,
    ) -> None:
        super().__init__()
        self._name = "GeomapSetup"
        self.title, self.legend, self.layers = title, legend, layers
        self.bounds = json.dumps(bounds)
        self.max_zoom = json.dumps(max_zoom)
        self.labels = safe_json(labels)


class FactList(MacroElement):
    """The facts as plain text under the map, for screen readers, search and print.

    A folded ``<details>`` rather than a hidden block: sighted readers can open it too
    (a quote to check, a map that will not load), and it costs one line of page.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <aside class="geomap-facts" id="{{ this.get_name() }}" aria-label="Facts on this map">{{ this.body }}</aside>
        {% endmacro %}
        """
    )

    def __init__(self, facts: Iterable[tuple[str, Iterable[str]]]) -> None:
        super().__init__()
        self._name = "GeomapFactList"
        items = []
        for what, sentences in facts:
            quotes = "".join(f" <q>{escape(s)}</q>" for s in sentences)
            items.append(f"<li><strong>{escape(what)}</strong>{quotes}</li>")
        count = len(items)
        self.body = (
            f"<details><summary>Facts on this map ({count})</summary>"
            f"<ul>{''.join(items)}</ul></details>"
            if items
            else "<p>No facts were found in this article; the map shows its places.</p>"
        )


BASEMAP_STYLE = {
    "color": LAND_EDGE,
    "weight": 0.7,
    "fillColor": LAND_COLOUR,
    "fillOpacity": 1.0,
    "className": "geomap-basemap",
}
