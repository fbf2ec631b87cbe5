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
LOW_CONFIDENCE = 0.5  # a place geomap is less sure of than this is drawn hollow
# Fact statuses the text gives; a fact without one is reported as current.
STATUS_WORDS = {"ended": "ended", "denied": "denied", "planned": "planned"}

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
    labels: tuple[dict[str, Any], ...]  # permanent place labels, kept out of any overlay
    facts: tuple[tuple[str, tuple[str, ...]], ...]  # (what and where, evidence sentences)
    language: str  # the article's language tag, "" when unknown
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

    bounds = _bounds(_framed(by_layer), by_layer.get(Layer.PLACES.value, ()))
    url = _text(article.get("url"))
    language = _text(article.get("language") or article.get("lang")).strip()
    return PreparedStory(
        title=_text(article.get("title")) or "Untitled story",
        source=_text(article.get("source")),
        url=url if re.match(r"(?i)^https?://", url) else "",
        date=_text(article.get("date")),
        place_count=len(by_layer.get(Layer.PLACES.value, [])),
        unresolved=_unresolved(story.get("unresolved")),
        layers=tuple(layers),
        labels=tuple(_label_features(layers, _countries_by_id(by_layer), bounds)),
        facts=tuple(_fact_list(layers)),
        language=language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language) else "",
        bounds=bounds,
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
    status = "" if is_place else STATUS_WORDS.get(_text(props.get("status")).lower(), "")
    if historical:
        class_name += " geomap-historical"
    if status:
        class_name += " geomap-status geomap-status-" + status
    doubt = _doubt(props) if is_place else ""
    if doubt:
        class_name += " geomap-doubt"

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
        if status:
            subtitle += f" · {status}, not current"

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
    if historical or status:
        look["color"] = HISTORICAL_COLOUR
        look["fillColor"] = HISTORICAL_COLOUR
        look["dashArray"] = "3 5"
    if doubt:  # hollow and dashed: the reader sees it is a guess before opening it
        look["fillOpacity"] = 0.0
        look["dashArray"] = "3 3"
        look["weight"] = 2.0
    look["className"] = class_name
    if historical:
        tag = f" (background{when})"
    elif status:
        tag = f" ({status})"
    else:
        tag = ""

    shown = {
        "id": fid,
        "layer": layer,
        "label": label,
        "tip": (label + (" (uncertain)" if doubt else ""))
        if is_place
        else f"{layer_title(layer)}{tag}: {label}",
        "doubt": doubt,
        "status": status,
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


def _doubt(props: Mapping[str, Any]) -> str:
    """Why a place may be wrong: the story's own reason, else its low confidence."""
    reason = _text(props.get("doubt")).strip()
    if reason:
        return reason
    confidence = props.get("confidence")
    if (
        isinstance(confidence, (int, float))
        and not isinstance(confidence, bool)
        and confidence < LOW_CONFIDENCE
    ):
        return f"geomap is unsure of this place ({round(100 * confidence)}% confidence)"
    return ""


def _countries_by_id(by_layer: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, str]:
    return {
        _text(f["properties"].get("id")): _text(f["properties"].get("country_code"))
        for f in by_layer.get(Layer.PLACES.value, ())
        if f["properties"].get("kind") == "country" and f["properties"].get("country_code")
    }


def _label_point(
    code: str, lon: float, lat: float, bounds: tuple[tuple[float, float], tuple[float, float]]
) -> tuple[float, float, bool]:
    """Where a country's name goes: its own point when in the frame, else inside the part
    of its polygon the frame shows (Russia named west of the Urals in a Central Asia
    story, not in Siberia). The flag says whether the point moved."""
    (south, west), (north, east) = bounds
    if south <= lat <= north and west <= lon <= east:
        return lon, lat, False
    import shapely

    from geomap.countries import country_shape

    polygon = country_shape(code)
    if polygon is None:
        return lon, lat, False
    seen = shapely.clip_by_rect(polygon, west, south, east, north)
    parts = [g for g in getattr(seen, "geoms", [seen]) if g.geom_type == "Polygon"]
    if not parts:
        return lon, lat, False
    point = max(parts, key=lambda g: g.area).representative_point()
    return round(point.x, 4), round(point.y, 4), True


def _label_features(
    layers: Iterable[RenderLayer],
    countries: Mapping[str, str],
    bounds: tuple[tuple[float, float], tuple[float, float]] | None,
) -> Iterator[dict[str, Any]]:
    """One label point per pinned place, drawn apart from the Places overlay.

    A reader who switches Places off to see the facts still needs to know where they are.
    """
    for layer in layers:
        for feature in layer.features:
            props = feature["properties"]
            if not props.get("pinned"):
                continue
            positions = list(iter_positions(feature["geometry"]))
            if not positions:
                continue
            lon, lat = positions[0]
            moved = False
            if props["id"] in countries and bounds:
                lon, lat, moved = _label_point(countries[props["id"]], lon, lat, bounds)
            # a marker whose name went elsewhere still names itself on hover
            props["labelAway"] = moved
            yield {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "labelOnly": True,
                    "tip": props["label"],
                    "priority": props["priority"],
                    "side": props["side"],
                    "lift": 0 if moved else props["style"].get("radius", 0),
                    "area": moved,  # names an area, not a marker: no pointer
                },
            }


def _fact_list(layers: Iterable[RenderLayer]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each drawn fact as text: what a screen reader or a search engine can read."""
    for layer in layers:
        if layer.layer == Layer.PLACES.value:
            continue
        for feature in layer.features:
            props = feature["properties"]
            if props.get("decor"):
                continue
            sentences = tuple(
                "".join(piece[0] for piece in pieces) for pieces in props.get("evidence") or ()
            )
            yield (props["tip"], sentences)


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
        if (layer != Layer.PLACES.value or f["properties"].get("focus"))
        and f["properties"].get("time") != "historical"  # background, not the news
    ]
    return core or [f for features in by_layer.values() for f in features]


FRAME_DWARF = 4.0  # an area this many times larger than the rest is framed only in part
FRAME_FLOOR = 400.0  # square degrees: areas up to FRAME_DWARF times this are always whole
FRAME_MARGIN = 0.1  # of the story's extent (at most 3°), kept around it when a big area is cut


def _country_points(features: Iterable[Mapping[str, Any]]) -> dict[tuple[float, float], str]:
    """Where the story puts each country it names (its centre point) -> ISO-2 code."""
    out = {}
    for feature in features:
        props = feature["properties"]
        geometry = feature["geometry"]
        if (
            props.get("layer") == Layer.PLACES.value
            and props.get("kind") == "country"
            and props.get("country_code")
            and geometry.get("type") == "Point"
        ):
            lon, lat = geometry["coordinates"][:2]
            out[(round(float(lon), 4), round(float(lat), 4))] = _text(props["country_code"])
    return out


def _frame_geometry(
    feature: Mapping[str, Any], countries: Mapping[tuple[float, float], str]
) -> Any:
    """The shape a feature is framed by: a country by its polygon, not its centre point.

    A country's centre can lie far from where the story is (Russia's is in Siberia),
    while its polygon reaches the places the story names. A fact drawn at a country's
    centre counts as that country too.
    """
    from shapely.geometry import shape

    geometry = feature["geometry"]
    if geometry.get("type") == "Point":
        try:
            lon, lat = geometry["coordinates"][:2]
            code = countries.get((round(float(lon), 4), round(float(lat), 4)))
        except (TypeError, ValueError):
            code = None
        if code:
            from geomap.countries import country_shape

            polygon = country_shape(code)
            if polygon is not None:
                return polygon
    try:
        return shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None


def _box_area(box: tuple[float, float, float, float]) -> float:
    return max(box[2] - box[0], 3.0) * max(box[3] - box[1], 3.0)


def _union_box(
    a: tuple[float, float, float, float] | None, b: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _bounds(
    features: Iterable[Mapping[str, Any]], places: Iterable[Mapping[str, Any]] = ()
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The box the map opens on: points and lines whole, areas as far as they matter.

    Areas are added smallest first; one that dwarfs what is framed so far (Russia in a
    Sahel story, the whole of China for drills around Taiwan) adds only its part near
    the story, or nothing when it has none. Lines are framed whole: where a route
    starts and ends is the story.
    """
    import shapely

    box: tuple[float, float, float, float] | None = None
    areas = []
    countries = _country_points(places)
    for feature in features:
        geometry = _frame_geometry(feature, countries)
        if geometry is None or geometry.is_empty:
            continue
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            areas.append(geometry)
        else:
            box = _union_box(box, tuple(geometry.bounds))
    areas.sort(key=lambda g: (_box_area(g.bounds), g.bounds))
    for area in areas:
        bounds = tuple(area.bounds)
        wraps = bounds[2] - bounds[0] > 90  # e.g. Russia or the US across the antimeridian
        if box is None and not wraps:
            box = bounds
        elif (
            box is not None
            and not wraps
            and _box_area(bounds) <= FRAME_DWARF * max(_box_area(box), FRAME_FLOOR)
        ):
            box = _union_box(box, bounds)
        else:
            if box is None:  # only a huge area: frame its largest part (a mainland)
                parts = getattr(area, "geoms", [area])
                box = tuple(max(parts, key=lambda g: g.area).bounds)
                continue
            margin = min(max(FRAME_MARGIN * max(box[2] - box[0], box[3] - box[1]), 1.0), 3.0)
            near = shapely.clip_by_rect(
                area, box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
            )
            if not near.is_empty:
                box = _union_box(box, tuple(near.bounds))
    if box is None:
        return None
    west, south, east, north = box
    # A single place would zoom to street level; keep a region around it.
    pad = 1.5
    if north - south < 2 * pad:
        mid = (north + south) / 2
        south, north = mid - pad, mid + pad
    if east - west < 2 * pad:
        mid = (east + west) / 2
        west, east = mid - pad, mid + pad
    return ((round(south, 4), round(west, 4)), (round(north, 4), round(east, 4)))
