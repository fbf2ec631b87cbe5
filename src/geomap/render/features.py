"""Turn a Story GeoJSON into what the map draws: per-layer features with display properties.

Everything the browser shows is computed here, in Python, as plain data (text pieces,
style numbers); the page's JavaScript only copies text into the DOM with
``textContent``. So no article text is ever parsed as HTML or JavaScript.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from geomap.errors import StoryError
from geomap.models import Layer
from geomap.render.style import (
    HISTORICAL_COLOUR,
    layer_sort_key,
    layer_style,
    layer_title,
    place_radius,
)

logger = logging.getLogger(__name__)

MAX_SENTENCES = 8  # per popup; the rest is counted, so nothing is silently hidden
MAX_ARROWS = 6  # per route line
PINNED_PLACES = 3  # labelled on the map when the story marks no focus place

_ADMIN1_WORDS = {
    "US": "US state",
    "AU": "Australian state",
    "BR": "Brazilian state",
    "DE": "German state",
    "IN": "Indian state",
    "MX": "Mexican state",
    "NG": "Nigerian state",
    "CA": "Canadian province",
    "CN": "Chinese province",
}


@dataclass(frozen=True)
class RenderLayer:
    """One thematic layer ready for drawing: ``features`` carry display properties."""

    layer: str
    title: str
    features: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PreparedStory:
    """A validated story reduced to what the renderers need."""

    title: str
    source: str
    url: str  # empty unless http(s): a ``javascript:`` link must never become clickable
    date: str
    place_count: int
    unresolved: tuple[tuple[str, int], ...]
    layers: tuple[RenderLayer, ...]
    bounds: tuple[tuple[float, float], tuple[float, float]] | None  # ((S, W), (N, E))
    digest: str  # short content hash: stable element ids that differ between stories


def prepare_story(story: Mapping[str, Any]) -> PreparedStory:
    """Validate a Story GeoJSON and compute display data for every feature.

    Parameters
    ----------
    story : Mapping
        A Story GeoJSON FeatureCollection (see the design contract).

    Returns
    -------
    PreparedStory
        Layers in legend order, each with features carrying ``style``, ``tip``,
        ``subtitle``, ``certainty`` and ``evidence`` (text pieces, marked or not).

    Raises
    ------
    StoryError
        If ``story`` is not a FeatureCollection or a feature lacks ``properties.layer``.
    """
    if not isinstance(story, Mapping) or story.get("type") != "FeatureCollection":
        raise StoryError("story is not a GeoJSON FeatureCollection")
    features = story.get("features")
    if not isinstance(features, Sequence) or isinstance(features, str):
        raise StoryError("story has no 'features' list")
    article = story.get("article") or {}
    if not isinstance(article, Mapping):
        raise StoryError("story 'article' must be an object")

    by_layer: dict[str, list[Mapping[str, Any]]] = {}
    for index, feature in enumerate(features):
        if not isinstance(feature, Mapping) or not isinstance(feature.get("properties"), Mapping):
            raise StoryError(f"feature {index} has no 'properties' object")
        layer = feature["properties"].get("layer")
        if not isinstance(layer, str) or not layer:
            raise StoryError(f"feature {index} has no 'layer' property")
        geometry = feature.get("geometry")
        if not isinstance(geometry, Mapping) or not _has_coordinates(geometry):
            logger.warning("feature %s (%s) has no geometry; not drawn", index, layer)
            continue
        by_layer.setdefault(layer, []).append(feature)

    facts = [f for layer, fs in by_layer.items() if layer != Layer.PLACES.value for f in fs]
    pinned = _pinned_place_ids(by_layer.get(Layer.PLACES.value, []), facts)
    layers = []
    for layer in sorted(by_layer, key=layer_sort_key):
        drawn: list[dict[str, Any]] = []
        for feature in by_layer[layer]:
            drawn.extend(_display_features(feature, layer, pinned))
        layers.append(RenderLayer(layer, layer_title(layer), tuple(drawn)))

    url = _text(article.get("url"))
    return PreparedStory(
        title=_text(article.get("title")) or "Untitled story",
        source=_text(article.get("source")),
        url=url if re.match(r"(?i)^https?://", url) else "",
        date=_text(article.get("date")),
        place_count=len(by_layer.get(Layer.PLACES.value, [])),
        unresolved=_unresolved(story.get("unresolved")),
        layers=tuple(layers),
        bounds=_bounds(_framed(by_layer)),
        digest=hashlib.sha256(
            json.dumps(story, sort_keys=True, default=str).encode("utf-8")
        ).hexdigest()[:8],
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _has_coordinates(geometry: Mapping[str, Any]) -> bool:
    if geometry.get("type") == "GeometryCollection":
        return bool(geometry.get("geometries"))
    return bool(geometry.get("coordinates"))


def _unresolved(value: Any) -> tuple[tuple[str, int], ...]:
    if not value:
        return ()
    out = []
    for item in value:
        if isinstance(item, Mapping):
            out.append((_text(item.get("name")), int(item.get("count") or 1)))
        else:
            out.append((_text(item), 1))
    return tuple(out)


def _pinned_place_ids(
    places: list[Mapping[str, Any]], facts: list[Mapping[str, Any]] = ()
) -> set[str]:
    """Places labelled permanently: the focus places and the places the current facts
    happen at (so the reader sees at a glance where the talks, drills and bases are),
    else the most mentioned few."""
    ids: set[str] = set()
    names: set[str] = set()
    for f in facts:
        props = f["properties"]
        if props.get("time") == "historical":
            continue  # background: its places are labelled only if the news is there too
        places_ = [str(n) for n in props.get("places") or ()]
        # where the fact is drawn, not every state taking part ("drawn_at" when given)
        drawn = {str(n) for n in props.get("drawn_at") or places_}
        gids = list(props.get("geonameids") or ())
        ids |= {str(g) for n, g in zip(places_, gids) if g and n in drawn}
        names |= drawn
    focus = {
        str(p["properties"].get("id"))
        for p in places
        if p["properties"].get("focus")
        or str(p["properties"].get("geonameid")) in ids
        or (not p["properties"].get("geonameid") and p["properties"].get("label") in names)
    }
    if focus:
        return focus
    ranked = sorted(
        places,
        key=lambda p: (-int(p["properties"].get("mentions") or 0), str(p["properties"].get("id"))),
    )
    return {str(p["properties"].get("id")) for p in ranked[:PINNED_PLACES]}


def _display_features(
    feature: Mapping[str, Any], layer: str, pinned: set[str]
) -> list[dict[str, Any]]:
    props = feature["properties"]
    style = layer_style(layer)
    label = _text(props.get("label")) or ", ".join(map(str, props.get("places") or ())) or "?"
    is_place = layer == Layer.PLACES.value
    names = [label] if is_place else [_text(n) for n in props.get("places") or ()]
    evidence = [e for e in props.get("evidence") or () if isinstance(e, Mapping)]
    fid = _text(props.get("id"))
    geometry = feature["geometry"]
    is_point = geometry.get("type") in ("Point", "MultiPoint")
    class_name = "geomap-f geomap-layer-" + re.sub(r"[^a-z0-9_-]", "-", layer.lower())
    # background facts (an earlier war, a past treaty) are drawn muted, with their year
    historical = not is_place and _text(props.get("time")) == "historical"
    year = props.get("year")
    when = f" ({year})" if isinstance(year, int) and not isinstance(year, bool) else ""
    if historical:
        class_name += " geomap-historical"

    if is_place:
        mentions = int(props.get("mentions") or 0)
        focus = bool(props.get("focus"))
        kind = _text(props.get("kind"))
        subtitle = " · ".join(
            part
            for part in (
                kind.capitalize(),
                f"{mentions} mention{'s' if mentions != 1 else ''}" if mentions else "",
                "focus of the article" if focus else "",
            )
            if part
        )
    else:
        focus = False
        places = ", ".join(_text(n) for n in props.get("places") or ())
        subtitle = layer_title(layer) + (f" · {places}" if places else "")
        if historical:
            subtitle += f" · background{when}, not the news of the article"

    if is_point and is_place:
        look: dict[str, Any] = {
            "shape": "circle",
            "radius": place_radius(int(props.get("mentions") or 0), focus=focus),
            "color": "#000000",
            "weight": 3.0 if focus else style.weight,
            "fillColor": style.colour,
            "fillOpacity": style.fill_opacity,
            "pane": style.pane,
        }
    elif is_point:
        look = {"shape": "symbol", "symbol": style.symbol, "size": style.symbol_size}
        look["color"] = style.colour
    else:
        look = {
            "color": style.colour,
            "weight": style.weight,
            "opacity": style.opacity,
            "fillColor": style.colour,
            "fillOpacity": style.fill_opacity,
        }
        if style.dash:
            look["dashArray"] = style.dash
    if historical:
        look["color"] = HISTORICAL_COLOUR
        look["fillColor"] = HISTORICAL_COLOUR
        look["dashArray"] = "3 5"
    look["className"] = class_name

    shown = {
        "id": fid,
        "layer": layer,
        "label": label,
        "tip": label
        if is_place
        else f"{layer_title(layer)}{' (background' + when + ')' if historical else ''}: {label}",
        "subtitle": subtitle,
        "certainty": certainty_text(props) if is_place else "",
        "evidence": [evidence_pieces(e, names) for e in evidence[:MAX_SENTENCES]],
        "more": max(len(evidence) - MAX_SENTENCES, 0),
        "pinned": is_place and fid in pinned,
        # which label gives way when two collide: focus places first, then by mentions
        "priority": (1000 if props.get("focus") else 0) + int(props.get("mentions") or 0),
        # Cartographic habit: a city's name beside its dot, an area's above its centre;
        # so a capital does not hide its country's label ("Kabul" over "Afghanistan").
        "side": "right" if is_place and _text(props.get("kind")) == "city" else "top",
        "style": look,
    }
    out = [{"type": "Feature", "geometry": dict(geometry), "properties": shown}]
    if layer == Layer.TRAFFICKING_ROUTES.value:
        out.extend(_arrow_features(geometry, shown["tip"], style.colour, class_name))
    return out


def evidence_pieces(evidence: Mapping[str, Any], names: Sequence[str]) -> list[list[Any]]:
    """Split an evidence sentence into ``[text, marked]`` pieces.

    Uses the evidence's ``marks`` (absolute article offsets) when given, otherwise marks
    whole-word occurrences of ``names``. Each piece is later inserted as text, separately.

    Parameters
    ----------
    evidence : Mapping
        ``{"text", "start", "end"}`` plus optional ``"marks": [[start, end], ...]``.
    names : Sequence[str]
        Names to mark when the evidence has no ``marks``.

    Returns
    -------
    list of [str, bool]
        Pieces in order; joined they give the sentence back.
    """
    text = _text(evidence.get("text"))
    start = evidence.get("start")
    spans: list[tuple[int, int]] = []
    marks = evidence.get("marks")
    if marks is not None and isinstance(start, int):
        for mark in marks:
            try:
                lo, hi = int(mark[0]) - start, int(mark[1]) - start
            except (TypeError, ValueError, IndexError):
                continue
            lo, hi = max(lo, 0), min(hi, len(text))
            if lo < hi:
                spans.append((lo, hi))
    else:
        for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
            pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
            spans.extend(m.span() for m in re.finditer(pattern, text))
    pieces: list[list[Any]] = []
    cursor = 0
    for lo, hi in sorted(spans):
        if lo < cursor:  # overlapping marks: keep the first
            continue
        if lo > cursor:
            pieces.append([text[cursor:lo], False])
        pieces.append([text[lo:hi], True])
        cursor = hi
    if cursor < len(text) or not pieces:
        pieces.append([text[cursor:], False])
    return pieces


def certainty_text(props: Mapping[str, Any]) -> str:
    """Say how sure geomap is of an ambiguous place, naming the runner-up.

    E.g. "Georgia: the country (92%), not Georgia, US state (6%)". Empty when the
    story gives no ``confidence``.
    """
    confidence = props.get("confidence")
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
        return ""
    label = _text(props.get("label"))
    kind = _text(props.get("kind")) or "place"
    text = f"{label}: the {_kind_phrase(kind, None)} ({round(100 * confidence)}%)"
    alternatives = [a for a in props.get("alternatives") or () if isinstance(a, Mapping)]
    if alternatives:
        alt = alternatives[0]
        text += f", not {_text(alt.get('name'))}"
        phrase = _kind_phrase(_text(alt.get("kind")), _text(alt.get("country_code")) or None)
        if phrase:
            text += f", {phrase}"
        score = alt.get("score")
        if isinstance(score, (int, float)) and not isinstance(score, bool):
            text += f" ({round(100 * score)}%)"
        if len(alternatives) > 1:
            text += f" or {len(alternatives) - 1} other{'s' if len(alternatives) > 2 else ''}"
    return text


def _kind_phrase(kind: str, country_code: str | None) -> str:
    if kind == "admin1":
        if country_code is None:
            return "province or state"
        return _ADMIN1_WORDS.get(country_code, f"province or state of {country_code}")
    if kind == "city" and country_code:
        return f"city in {country_code}"
    if kind == "country" and country_code:
        return f"country ({country_code})"
    return kind


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    lat = max(min(lat, 85.0), -85.0)
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _unmercator(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x), math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def route_arrows(line: Sequence[Sequence[float]]) -> list[tuple[float, float, float]]:
    """Where to draw direction arrows on a route and which way they point.

    Angles are computed in Web Mercator, which is conformal, so an arrow drawn at a
    fixed screen angle stays aligned with the line at every zoom level.

    Parameters
    ----------
    line : sequence of [lon, lat]
        The route's vertices in travel order.

    Returns
    -------
    list of (lon, lat, angle)
        ``angle`` in degrees clockwise from east, as CSS/SVG ``rotate`` expects.
    """
    points = [_mercator(float(c[0]), float(c[1])) for c in line]
    segments = [
        (a, b)
        for a, b in itertools.pairwise(points)
        if a != b and abs(b[0] - a[0]) < math.pi  # skip antimeridian jumps
    ]
    if not segments:
        return []
    lengths = [math.dist(a, b) for a, b in segments]
    total = sum(lengths)
    if len(segments) <= MAX_ARROWS:
        targets = [
            sum(lengths[:i]) + lengths[i] / 2
            for i in range(len(segments))
            if lengths[i] >= 0.04 * total
        ]
    else:
        targets = [total * k / (MAX_ARROWS + 1) for k in range(1, MAX_ARROWS + 1)]
    arrows = []
    for target in targets:
        walked = 0.0
        for (a, b), length in zip(segments, lengths, strict=True):
            if walked + length >= target:
                t = (target - walked) / length
                x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
                angle = math.degrees(math.atan2(a[1] - b[1], b[0] - a[0])) + 0.0
                if angle <= -180.0:  # one name for due west
                    angle += 360.0
                lon, lat = _unmercator(x, y)
                arrows.append((round(lon, 5), round(lat, 5), round(angle, 1)))
                break
            walked += length
    return arrows


def _lines(geometry: Mapping[str, Any]) -> Iterator[Sequence[Sequence[float]]]:
    kind = geometry.get("type")
    if kind == "LineString":
        yield geometry["coordinates"]
    elif kind == "MultiLineString":
        yield from geometry["coordinates"]
    elif kind == "GeometryCollection":
        for part in geometry.get("geometries") or ():
            yield from _lines(part)


def _arrow_features(
    geometry: Mapping[str, Any], tip: str, colour: str, class_name: str
) -> list[dict[str, Any]]:
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "decor": True,
                "tip": tip,
                "style": {
                    "shape": "symbol",
                    "symbol": "arrow",
                    "size": 18,
                    "angle": angle,
                    "color": colour,
                    "className": class_name + " geomap-arrow",
                },
            },
        }
        for line in _lines(geometry)
        for lon, lat, angle in route_arrows(line)
    ]


def iter_positions(geometry: Mapping[str, Any]) -> Iterator[tuple[float, float]]:
    """Every (lon, lat) of a GeoJSON geometry, whatever its type."""
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or ():
            yield from iter_positions(part)
        return
    stack: list[Any] = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if (
            isinstance(item, (list, tuple))
            and len(item) >= 2
            and all(isinstance(v, (int, float)) for v in item[:2])
        ):
            yield float(item[0]), float(item[1])
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _framed(by_layer: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Mapping[str, Any]]:
    """What the map opens on: focus places and facts, not places named in passing.

    Framing every place lets one aside ("the American exit") zoom out to the world.
    """
    core = [
        f
        for layer, features in by_layer.items()
        for f in features
        if layer != Layer.PLACES.value or f["properties"].get("focus")
    ]
    return core or [f for features in by_layer.values() for f in features]


def _frame_positions(geometry: Mapping[str, Any]) -> list[tuple[float, float]]:
    """A feature's positions, or one inner point of an area over a quarter of the globe.

    A whole-country area on Russia or the United States (Chukotka, Alaska across the
    antimeridian) would otherwise frame the whole world. Lines are framed whole: where a
    route starts and ends is the story.
    """
    positions = list(iter_positions(geometry))
    is_area = str(geometry.get("type")) in ("Polygon", "MultiPolygon")
    if is_area and max(p[0] for p in positions) - min(p[0] for p in positions) > 90:
        from shapely.geometry import shape

        try:
            point = shape(geometry).representative_point()
        except (ValueError, TypeError, AttributeError):  # malformed: frame it as it is
            return positions
        return [(point.x, point.y)]
    return positions


def _bounds(
    features: Iterable[Mapping[str, Any]],
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    positions = [p for f in features for p in _frame_positions(f["geometry"])]
    if not positions:
        return None
    lons = [p[0] for p in positions]
    lats = [p[1] for p in positions]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    # A single place would zoom to street level; keep a region around it.
    pad = 1.5
    if north - south < 2 * pad:
        mid = (north + south) / 2
        south, north = mid - pad, mid + pad
    if east - west < 2 * pad:
        mid = (east + west) / 2
        west, east = mid - pad, mid + pad
    return ((round(south, 4), round(west, 4)), (round(north, 4), round(east, 4)))
