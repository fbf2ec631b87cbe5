"""The correction loop: a story edited by hand or saved back by a GIS, made whole again.

A fact's geometry is derived from its places, not stored as truth: :func:`rebuild` draws
every fact again from the story's place features, so moving a place moves the routes,
zones and borders built on it, and deleting one removes them (or the part of a zone or
route that stood on it). A fact added by hand needs only ``layer``, ``label`` and
``places``; the rest is derived. GIS tools (geopandas, QGIS, anything on GDAL) keep only
the features: :func:`normalise` undoes what they do to the properties, and the story's
top-level members (article, unresolved names) travel in a sidecar, ``NAME.article.json``.
See docs/EDITING.md.
"""

from __future__ import annotations

import ast
import json
import logging
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import StoryError
from .gazetteer.build import fold
from .models import Evidence, Fact, Layer, Place, PlaceKind

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".article.json"
SIDECAR_MEMBERS = ("article", "generator", "unresolved")  # what GIS tools drop
COORD_DECIMALS = 5
DEFAULT_SHAPES = {
    Layer.BORDERS.value: "border",
    Layer.TRAFFICKING_ROUTES.value: "route",
    Layer.INFLUENCE.value: "zone",
    Layer.MILITARY_PRESENCE.value: "point",  # at the host, the first place
    Layer.CONFLICT.value: "point",
    Layer.DIPLOMACY.value: "point",
}  # as themes/ draws them; drills: a zone over countries or regions, else a point
LINE_SHAPES = ("border", "route")  # need two places
_LIST_KEYS = (
    "places",
    "drawn_at",
    "surfaces",
    "mention_kinds",
    "actors",
    "rivals",
    "inferred",
    "members",
    "geonameids",
    "evidence",
    "alternatives",
)
_INT_KEYS = ("mentions", "year")
_BOOL_KEYS = ("focus", "added_by_hand")
_PLACE_NULLS = ("geonameid", "country_code")  # a place feature's null says something
_WGS84 = re.compile(r"(?:CRS84|EPSG:{1,2}4326)$", re.I)
# an item of NumPy's repr of an array: a quoted string, None or a number
_ITEM = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|None|-?\d+(?:\.\d+)?")


# -- sidecar ----------------------------------------------------------------------------
def sidecar_path(story_path: str | Path) -> Path:
    """``maps/kabul.geojson`` -> ``maps/kabul.article.json``."""
    p = Path(story_path)
    return p.with_name(p.stem + SIDECAR_SUFFIX)


def sidecar_text(data: Mapping[str, Any]) -> str:
    """The sidecar of a story: its top-level members GIS tools drop, sorted keys."""
    members = {k: data[k] for k in SIDECAR_MEMBERS if k in data}
    return json.dumps(members, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# -- what GIS tools do to properties ----------------------------------------------------
def normalise(data: Any) -> Any:
    """Undo what a GIS round trip does to a story, leaving anything else as it is.

    geopandas (pyogrio) and QGIS write every column for every feature, so absent
    properties come back as ``null``; whole numbers come back as floats (``1.0``), and
    lists of strings as text (pyogrio writes NumPy's ``['Kabul' 'Herat']``, a
    GeoDataFrame from :meth:`Story.to_geodataframe` JSON text). A ``crs`` member other
    than WGS 84 is refused: a story's coordinates are longitude and latitude.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("features"), list):
        return data
    crs = data.get("crs")
    if crs is not None:
        name = crs.get("properties", {}).get("name") if isinstance(crs, Mapping) else None
        if not (isinstance(name, str) and _WGS84.search(name)):
            raise StoryError(
                f"the story is in another coordinate system ({str(name)[:60]}); "
                "save it in WGS 84 (EPSG:4326)"
            )
    out = {k: v for k, v in data.items() if k not in ("crs", "name")}
    out["features"] = [_normal_feature(f) for f in data["features"]]
    return out


def _normal_feature(feature: Any) -> Any:
    if not isinstance(feature, Mapping) or not isinstance(feature.get("properties"), Mapping):
        return feature
    props: dict[str, Any] = {}
    place = feature["properties"].get("layer") == Layer.PLACES.value
    for key, value in feature["properties"].items():
        if value is None and not (key == "label" or (place and key in _PLACE_NULLS)):
            continue
        if key in _LIST_KEYS and isinstance(value, str):
            value = _parse_list(value)
        elif key in _INT_KEYS and isinstance(value, float) and value.is_integer():
            value = int(value)
        elif key in _BOOL_KEYS and isinstance(value, (int, float)) and value in (0, 1):
            value = bool(value)
        elif key in _BOOL_KEYS and value in ("True", "False", "true", "false"):
            value = value.lower() == "true"  # an object column of booleans, as text
        props[key] = value
    return {**feature, "properties": props}


def _parse_list(text: str) -> Any:
    """A list written as text: JSON, Python's repr (a list of dicts) or NumPy's repr of an
    array (items without commas); the text itself when it is none of these, so
    validation names the field."""
    s = text.strip()
    if not (s.startswith("[") and s.endswith("]")):
        return text
    for parse in (json.loads, _numpy_list, ast.literal_eval):
        try:
            value = parse(s)
        except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
            continue
        if isinstance(value, list):
            return value
    return text


def _numpy_list(text: str) -> list[Any]:
    inner = text[1:-1]
    if _ITEM.sub("", inner).strip(" \n,"):
        raise ValueError("not an array of strings, None and numbers")
    return [ast.literal_eval(q) for q in _ITEM.findall(inner)]


# -- rebuilding -------------------------------------------------------------------------
def rebuild(data: Mapping[str, Any], *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The story with every derived field and every fact's geometry made again.

    Parameters
    ----------
    data
        A validated story (:func:`geomap.story.validate`), possibly edited.
    gazetteer
        For geonameids in a hand-added fact that no place feature has; loaded only
        then. (Neighbours geomap inferred, which have no place feature either, travel in
        the fact's ``inferred``.)

    Returns
    -------
    dict
        A new story: place features completed (id, places, geonameids, evidence), facts
        drawn again at their places; a fact whose places were all deleted (or, for a
        border or route, all but one) is left out.

    Raises
    ------
    StoryError
        When a hand-added fact names a place that is neither a place feature's name nor
        a geonameid.
    """
    from .story import _slug

    features = data["features"]
    places_layer = Layer.PLACES.value
    place_features = [_complete_place(f) for f in features if _layer(f) == places_layer]
    index = _PlaceIndex(place_features, gazetteer)
    used: set[str] = set()
    for f in place_features:  # two places added by hand with one label
        fid, k = f["properties"]["id"], 2
        while f["properties"]["id"] in used:
            f["properties"]["id"], k = f"{fid}:{k}", k + 1
        used.add(f["properties"]["id"])
    facts = []
    for n, f in enumerate(features):
        if _layer(f) == places_layer:
            continue
        fact = _redraw(f, n, index)
        if fact is None:
            continue
        props = fact["properties"]
        if not props.get("id") or props["id"] in used:
            base = props.get("id") or f"{props['layer']}:" + "+".join(
                _slug(str(g or name)) for g, name in zip(props["geonameids"], props["places"])
            )
            fid, k = base, 2
            while fid in used:
                fid, k = f"{base}:{k}", k + 1
            props["id"] = fid
        used.add(props["id"])
        facts.append(fact)
    out = {k: v for k, v in data.items() if k != "features"}
    out["features"] = facts + place_features
    return out


def _layer(feature: Mapping[str, Any]) -> str:
    return feature["properties"]["layer"]


def _complete_place(feature: Mapping[str, Any]) -> dict[str, Any]:
    """A place feature with what a hand-added one may leave out."""
    from .story import _slug

    props = dict(feature["properties"])
    label = props.get("label") or ""
    gid = props.get("geonameid")
    props.setdefault("id", f"place:{_slug(str(gid or label))}")
    props.setdefault("places", [label])
    props.setdefault("geonameids", [gid])
    if "evidence" not in props:
        props["evidence"] = []
        props["added_by_hand"] = True
    return {"type": "Feature", "geometry": feature["geometry"], "properties": props}


class _PlaceIndex:
    """The story's places by geonameid and by name, as :class:`Place` records drawn at
    their features' (possibly edited) coordinates."""

    def __init__(self, features: Sequence[Mapping[str, Any]], gazetteer: Gazetteer | None):
        self.by_id: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        self._gazetteer = gazetteer
        self._gids: dict[str, int] | None = None
        for f in features:
            place = _place_of(f)
            props = f["properties"]
            if place.geonameid:
                self.by_id.setdefault(place.geonameid, place)
            names = [props.get("label"), *(props.get("places") or ()), props.get("gazetteer_name")]
            for name in names:
                if isinstance(name, str) and name:
                    self.by_name.setdefault(fold(name), place)

    def find(self, name: str, gid: Any) -> Place | None:
        """A place of the story, by geonameid first (a label may have been edited)."""
        if gid is not None and str(gid) in self.by_id:
            return self.by_id[str(gid)]
        if name.strip().isdigit() and name.strip() in self.by_id:
            return self.by_id[name.strip()]
        return self.by_name.get(fold(name))

    def lookup(self, name: str, gid: Any) -> Place | None:
        """A place the story has no feature for, from the gazetteer by geonameid."""
        gid = str(gid) if gid is not None else name.strip()
        if not gid.isdigit():
            return None
        if self._gids is None:
            if self._gazetteer is None:
                from .gazetteer import Gazetteer

                self._gazetteer = Gazetteer.load()
            self._gids = {}
            for i, g in enumerate(self._gazetteer.column("geonameid")):
                if g is not None:
                    self._gids.setdefault(str(g), i)
        idx = self._gids.get(gid)
        if idx is None:
            return None
        return stored(self._gazetteer.place(idx))


def _inferred_place(item: Mapping[str, Any]) -> Place:
    """A place geomap inferred for a fact (not named in the text), as the fact keeps it."""
    lon, lat = item["coordinates"][:2]
    return _stored_place(item, item["name"], lat, lon, PlaceKind.COUNTRY)


def _place_of(feature: Mapping[str, Any]) -> Place:
    from shapely.geometry import shape

    props = feature["properties"]
    geom = shape(feature["geometry"])
    pt = geom if geom.geom_type == "Point" else geom.representative_point()
    return _stored_place(props, props.get("label") or "", pt.y, pt.x, PlaceKind.FEATURE)


def _stored_place(
    props: Mapping[str, Any], name: str, lat: float, lon: float, default: PlaceKind
) -> Place:
    """A Place from what a story stores of it (kind, geonameid, country, members)."""
    try:
        kind = PlaceKind(props.get("kind") or default.value)
    except ValueError:
        kind = default
    gid = props.get("geonameid")
    return Place(
        geonameid=str(gid) if gid is not None else None,
        name=name,
        kind=kind,
        lat=round(lat, COORD_DECIMALS),
        lon=round(lon, COORD_DECIMALS),
        country_code=props.get("country_code"),
        members=tuple(props.get("members") or ()),
    )


def _redraw(feature: Mapping[str, Any], n: int, index: _PlaceIndex) -> dict[str, Any] | None:
    """A fact feature drawn again at its places; None when its places were deleted."""
    from .story import _feature_name

    props = dict(feature["properties"])
    name = _feature_name(feature, n)
    hand = not props.get("evidence")
    if hand:
        props["evidence"] = []
        props["added_by_hand"] = True
    places = list(props["places"])
    gids = props.get("geonameids")
    gid_of = dict(zip(places, gids)) if isinstance(gids, list) and len(gids) == len(places) else {}
    inferred = {i["name"]: _inferred_place(i) for i in props.get("inferred") or ()}
    drawn_names = list(props.get("drawn_at") or places)
    found: dict[str, Place] = {}
    deleted: set[str] = set()
    for p in dict.fromkeys([*places, *drawn_names]):
        place = index.find(p, gid_of.get(p)) or inferred.get(p)
        if place is None and hand:
            place = index.lookup(p, gid_of.get(p))
            if place is None and hand:
                raise StoryError(
                    f'{name}: place "{p[:80]}" is neither the name of one of the story\'s '
                    "place features nor a geonameid"
                )
        if place is None:
            deleted.add(p)  # a place of the story the user removed
        else:
            found[p] = place
    before = len(drawn_names)
    drawn_names = [p for p in drawn_names if p not in deleted]
    shape = (
        props.get("shape")
        or DEFAULT_SHAPES.get(props["layer"])
        or _area_or_point([found[p] for p in drawn_names if p in found])
    )
    if not drawn_names or (shape in LINE_SHAPES and before >= 2 and len(drawn_names) < 2):
        gone = ", ".join(sorted(deleted))[:200]
        log.warning("%s: left out, its places are no longer in the story (%s)", name, gone)
        return None
    if deleted:
        gone = ", ".join(sorted(deleted))[:200]
        log.warning("%s: drawn without %s, no longer in the story", name, gone)
        for key in ("actors", "rivals"):
            if key in props:
                props[key] = [p for p in props[key] if p not in deleted] or None
                if props[key] is None:
                    del props[key]
    kept = [p for p in places if p not in deleted]
    props["places"] = kept
    props["geonameids"] = [found[p].geonameid if p in found else gid_of.get(p) for p in kept]
    props["drawn_at"] = drawn_names
    props["shape"] = shape
    drawn = tuple(found[p] for p in drawn_names if p in found)
    evidence = [
        Evidence(text=str(e.get("text") or ""), start=0, end=0)
        for e in props.get("evidence") or ()
        if isinstance(e, Mapping)
    ]
    actors = [
        place
        for a in props.get("actors") or ()
        if (place := found.get(a) or index.find(a, None)) is not None
    ]
    geometry = draw(drawn, shape, layer=Layer(props["layer"]), evidence=evidence, actors=actors)
    if geometry is None and deleted:  # "the Afghan-Tajik border" without Tajikistan
        log.warning("%s: left out, it cannot be drawn without %s", name, ", ".join(sorted(deleted)))
        return None
    return {"type": "Feature", "geometry": geometry or point(drawn[0]), "properties": props}


def _area_or_point(places: Sequence[Place]) -> str:
    from .themes.context import shape_of

    return shape_of(places)


def draw(
    places: Sequence[Place],
    shape: str,
    *,
    layer: Layer = Layer.CONFLICT,
    evidence: Sequence[Evidence] = (),
    actors: Sequence[Place] = (),
) -> dict[str, Any] | None:
    """GeoJSON geometry of a fact of ``shape`` at ``places`` (``geometry.fact_geometry``),
    None when it cannot be drawn (no shared border). The layer, evidence and actors say
    how: drills "around" an island are drawn at sea, a route "by boat" goes by sea."""
    from shapely.geometry import mapping

    from .geometry import fact_geometry

    fact = Fact(
        layer=layer,
        label="",
        places=tuple(places),
        evidence=tuple(evidence),
        shape=shape,
        actors=tuple(actors),
    )
    geom = fact_geometry(fact)
    return _round(mapping(geom)) if geom is not None and not geom.is_empty else None


def stored(place: Place) -> Place:
    """The place at its coordinates rounded as stories store them, so a build draws
    exactly what ``geomap render`` draws again from the story."""
    return replace(
        place, lat=round(place.lat, COORD_DECIMALS), lon=round(place.lon, COORD_DECIMALS)
    )


def point(place: Place) -> dict[str, Any]:
    """A place's GeoJSON point, rounded as stories store it."""
    return {
        "type": "Point",
        "coordinates": [round(place.lon, COORD_DECIMALS), round(place.lat, COORD_DECIMALS)],
    }


def _round(obj: Any) -> Any:
    """GeoJSON geometry with tuples as lists and coordinates rounded."""
    if isinstance(obj, float):
        return round(obj, COORD_DECIMALS) if math.isfinite(obj) else obj
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    if isinstance(obj, Mapping):
        return {k: _round(v) for k, v in obj.items()}
    return obj
