"""Thematic facts (borders, drills, presence, influence, routes, conflict, diplomacy).

Each sentence is scanned for trigger words from a curated lexicon
(``geomap/data/themes.json``, format documented in its ``_comment`` key); the place
mentions near a trigger then get roles from the words in front of them ("through",
"with", "in") and from plain syntax (possessives, coordination, dashes). The rule families
live in ``themes_rules.py``, the words in data, so a new trigger needs no code.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geomap.errors import InputError
from geomap.models import Evidence, Fact, Layer, Mention, MentionKind, Place, PlaceKind, Sentence
from geomap.themes_rules import (
    _PAREN,
    _RULES,
    LAYER_ORDER,
    _compile_json,
    _Ctx,
    _diplomacy,
    _Draft,
    _routes,
    _triggers,
    _unique,
)

logger = logging.getLogger(__name__)

__all__ = ["LAYER_ORDER", "detect_facts", "load_lexicon"]


def load_lexicon(path: str | Path | None = None) -> dict:
    """Read the themes lexicon.

    Parameters
    ----------
    path : str or Path, optional
        A JSON file in the format of ``geomap/data/themes.json``; the shipped one by default.

    Returns
    -------
    dict
        The parsed lexicon.

    Raises
    ------
    InputError
        If the file cannot be read or has no ``layers`` mapping.
    """
    try:
        if path is None:
            text = resources.files("geomap").joinpath("data/themes.json").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read themes lexicon {path or 'themes.json'}: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("layers"), dict):
        raise InputError(f"themes lexicon {path or 'themes.json'} has no 'layers' mapping")
    return data


def detect_facts(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    lexicon: Mapping | None = None,
    places: Callable[[str], Place | None] | None = None,
) -> list[Fact]:
    """Find the thematic facts an article states about its places.

    Parameters
    ----------
    text : str
        The article text that sentence and mention offsets index.
    sentences : sequence of Sentence
        The article's sentences; each fact's evidence is one or more of them.
    mentions : sequence of Mention
        Place mentions; unresolved ones (``place is None``) are ignored.
    lexicon : mapping, optional
        A lexicon as returned by :func:`load_lexicon`; the shipped one by default.
    places : callable, optional
        Country code -> Place (e.g. ``Gazetteer.get``), for neighbours the article does
        not name ("Afghanistan's northern borders").

    Returns
    -------
    list of Fact
        Facts sorted by layer (``LAYER_ORDER``) then first evidence offset. Facts with the
        same layer and the same set of places are merged, keeping every evidence sentence.
        Empty when the text states no fact.
    """
    lex = (
        _compile_json(_default_lexicon_blob())
        if lexicon is None
        else _compile_json(json.dumps(lexicon, sort_keys=True))
    )
    resolved = sorted((m for m in mentions if m.place is not None), key=lambda m: (m.start, m.end))
    adjectives: dict[str, dict[str, int]] = {}
    doc_places: dict[str, Place] = {}
    for m in resolved:
        if m.kind == MentionKind.ADJECTIVE:
            counts = adjectives.setdefault(m.place.key, {})
            counts[m.surface] = counts.get(m.surface, 0) + 1
        if m.place.kind == PlaceKind.COUNTRY and m.place.country_code:
            doc_places.setdefault(m.place.country_code, m.place)
    adjective = {k: max(v, key=lambda s: (v[s], -len(s))) for k, v in adjectives.items()}
    drafts: list[_Draft] = []
    k = 0
    for sent in sorted(sentences, key=lambda s: s.start):
        while k < len(resolved) and resolved[k].start < sent.start:
            k += 1
        j = k
        while j < len(resolved) and resolved[j].end <= sent.end:
            j += 1
        ms = resolved[k:j]
        if not ms or (lex.skip and lex.skip.search(sent.text)):
            continue
        ctx = _Ctx(text, sent, ms, lex, adjective, doc_places, lookup=places)
        ctx.masked = [
            (sent.start + a.start(), sent.start + a.end()) for a in _PAREN.finditer(sent.text)
        ]
        for layer in LAYER_ORDER:
            found = _triggers(ctx, layer)
            if not found:
                continue
            if layer == Layer.TRAFFICKING_ROUTES:
                drafts += _routes(ctx)
            elif layer == Layer.DIPLOMACY:
                drafts += _diplomacy(ctx, found)
            else:
                for hit, trig in found:
                    drafts += _RULES[layer](ctx, hit, trig)
    return _merge(drafts)


@lru_cache(maxsize=1)
def _default_lexicon_blob() -> str:
    return json.dumps(load_lexicon(), sort_keys=True)


def _merge(drafts: list[_Draft]) -> list[Fact]:
    """One fact per layer and place set, keeping every sentence that states it."""
    groups: dict[tuple, list[_Draft]] = {}
    for d in drafts:
        groups.setdefault((d.layer, frozenset(p.key for p in d.places)), []).append(d)
    facts = []
    for group in groups.values():
        first = group[0]
        evidence = sorted({(d.sentence.start, d.sentence.end, d.sentence.text) for d in group})
        facts.append(
            Fact(
                layer=first.layer,
                label=first.label,
                places=first.places,
                evidence=tuple(Evidence(text=t, start=a, end=b) for a, b, t in evidence),
                shape=first.shape,
                actors=_unique(p for d in group for p in d.actors),
                rivals=_unique(p for d in group for p in d.rivals),
                qualifier=first.qualifier,
            )
        )
    order = {layer: n for n, layer in enumerate(LAYER_ORDER)}
    return sorted(facts, key=lambda f: (order[f.layer], f.evidence[0].start, f.label))
