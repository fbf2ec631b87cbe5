"""Thematic facts (borders, drills, presence, influence, routes, conflict, diplomacy).

Each sentence is read in passes: the constructions of ``rules.py``/``events.py`` (words in
``data/themes.json``), then the event frames of ``frames.py`` (words in
``data/frames.json``), whose sides come from the dependency parse of ``roles.py``;
``timing.py`` marks each fact current or historical, and ended, denied or planned when its
clause says so. Facts stating the same thing merge.
See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from geomap.geoparse import display_names
from geomap.models import Evidence, Fact, Layer, Mention, MentionKind, Place, PlaceKind, Sentence
from geomap.themes.context import Context, Draft, unique
from geomap.themes.frames import carried_facts
from geomap.themes.lexicon import LAYER_ORDER, compile_lexicon, load_lexicon
from geomap.themes.roles import sentence_tokens
from geomap.themes.rules import sentence_facts
from geomap.themes.timing import CUES, When, reference_year, status, status_cues, when

logger = logging.getLogger(__name__)

__all__ = ["LAYER_ORDER", "detect_facts", "load_lexicon"]


def detect_facts(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    *,
    lexicon: Mapping | None = None,
    places: Callable[[str], Place | None] | None = None,
    date: str | None = None,
) -> list[Fact]:
    """Find the thematic facts an article states about its places.

    Parameters
    ----------
    text : str
        The article text that sentence and mention offsets index.
    sentences : sequence of Sentence
        The article's sentences (``Article.sentences``: a sentence wrapped over lines is
        one); each fact's evidence is one or more of them.
    mentions : sequence of Mention
        Place mentions; unresolved ones (``place is None``) are ignored.
    lexicon : mapping, optional
        A lexicon as returned by :func:`load_lexicon`; the shipped one by default.
    places : callable, optional
        Country code -> Place (e.g. ``Gazetteer.get``), for neighbours the article does
        not name ("Afghanistan's northern borders").
    date : str, optional
        The article's ISO date; a fact its sentence dates two or more years earlier is
        ``historical`` (without a date, the latest year the text names is the reference).

    Returns
    -------
    list of Fact
        Facts sorted by layer (``LAYER_ORDER``) then first evidence offset. Facts with the
        same layer and the same set of places are merged, keeping every evidence sentence.
        Empty when the text states no fact.
    """
    lex = compile_lexicon(lexicon)
    resolved = sorted((m for m in mentions if m.place is not None), key=lambda m: (m.start, m.end))
    # a place inside a publication's name ("The Moscow Times") is no place of a fact
    resolved = [m for m in resolved if not _PUBLICATION.match(text, m.end)]
    # labels name places as the article does ("Tigray", not GeoNames' "Tigrai")
    names = display_names(resolved)
    resolved = [
        replace(m, place=replace(m.place, name=names[m.place.key]))
        if names.get(m.place.key, m.place.name) != m.place.name
        else m
        for m in resolved
    ]
    adjectives: dict[str, dict[str, int]] = {}
    doc_places: dict[str, Place] = {}
    for m in resolved:
        if m.kind == MentionKind.ADJECTIVE:
            counts = adjectives.setdefault(m.place.key, {})
            counts[m.surface] = counts.get(m.surface, 0) + 1
        if m.place.kind == PlaceKind.COUNTRY and m.place.country_code:
            doc_places.setdefault(m.place.country_code, m.place)
    adjective = {k: max(v, key=lambda s: (v[s], -len(s))) for k, v in adjectives.items()}
    drafts: list[tuple[Draft, When]] = []
    year = reference_year(text, date)
    k = 0
    route_at = -2  # index of the last sentence that stated a trafficking route
    carried: list[Mention] = []  # the mentions of the sentence before
    last_drills = None
    pieces = [p for s in sorted(sentences, key=lambda s: s.start) for p in _pieces(s)]
    for n, sent in enumerate(pieces):
        while k < len(resolved) and resolved[k].start < sent.start:
            k += 1
        j = k
        while j < len(resolved) and resolved[j].end <= sent.end:
            j += 1
        ms = resolved[k:j]
        if lex.skip and lex.skip.search(sent.text):
            continue
        if not ms:
            # "A UN-brokered ceasefire ... has contributed to a sharp reduction": a sentence
            # with no place of its own goes on about the places of the one before
            ctx = Context(text, sent, carried, lex, adjective, doc_places, lookup=places)
            ctx.carried = True
            found = carried_facts(ctx) if carried else []
            timing = when(sent.text, year)
            drafts += [(d, _with_status(ctx, d, timing)) for d in found]
            carried = []
            continue
        carried = ms
        ctx = Context(text, sent, ms, lex, adjective, doc_places, lookup=places)
        ctx.follows_route = route_at == n - 1
        ctx.last_drills = last_drills
        found = sentence_facts(ctx)
        if any(d.layer is Layer.TRAFFICKING_ROUTES for d in found):
            route_at = n
        last_drills = next(
            (d for d in reversed(found) if d.layer is Layer.MILITARY_DRILLS), last_drills
        )
        timing = when(sent.text, year)
        drafts += [(d, _of_the_past(d, _with_status(ctx, d, timing))) for d in found]
    return _merge(drafts)


_PUBLICATION = re.compile(
    r"[ \t]+(?:Times|Post|Herald|Journal|Tribune|Gazette|Telegraph|Chronicle|Observer|Daily|"
    r"Standard|Express|Mail|Monitor|Insider|Star|Courier|Bulletin|Today|Review|Free Press)\b"
)


def _of_the_past(draft: Draft, timing: When) -> When:
    """A fact of a state that no longer exists (the Soviet Union's war) is background."""
    if timing.time == "current" and any(
        p.kind is PlaceKind.HISTORICAL for p in (*draft.places, *draft.actors)
    ):
        return replace(timing, time="historical")
    return timing


def _with_status(ctx: Context, draft: Draft, timing: When) -> When:
    """``timing`` with the status the sentence gives the fact (ended, denied, planned).

    A border stays a border when it is closed; a denial is itself diplomacy, so neither
    layer is marked. A denial is diplomacy itself, and an ally or a sphere of influence is a
    state, not a plan. The parse is made only for sentences with a cue word."""
    if draft.layer is Layer.BORDERS or not CUES.search(ctx.sent.text):
        return timing
    tokens = sentence_tokens(ctx)
    keys = {p.key for p in (*draft.places, *draft.actors, *draft.rivals)}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in ctx.ms:
        if m.place is not None and m.place.key in keys:
            spans.setdefault(m.place.key, []).append((m.start, m.end))
    found = status(
        tokens,
        list(spans.values()),
        main_clause=ctx.carried,
        departures=draft.layer in (Layer.MILITARY_PRESENCE, Layer.MILITARY_DRILLS),
        cues=status_cues(tokens),
    )
    if (found == "denied" and draft.layer is Layer.DIPLOMACY) or (
        found == "planned" and draft.layer is Layer.INFLUENCE
    ):
        return timing  # rejecting a claim is diplomacy; "its ally" is no plan
    return replace(timing, status=found) if found else timing


MAX_SENTENCE = 1500  # characters read as one sentence; longer ones are read in pieces


def _pieces(sent: Sentence) -> list[Sentence]:
    """A sentence cut into pieces of at most ``MAX_SENTENCE`` characters (at a comma or a
    space), so that a 5,000-word run-on sentence or a flattened table costs linear time."""
    if len(sent.text) <= MAX_SENTENCE:
        return [sent]
    out, lo, text = [], 0, sent.text
    while lo < len(text):
        hi = min(len(text), lo + MAX_SENTENCE)
        if hi < len(text):
            cut = max(text.rfind(", ", lo, hi), text.rfind(" ", lo, hi))
            hi = cut + 1 if cut > lo else hi
        piece = text[lo:hi].strip()
        if piece:
            a = lo + text[lo:hi].index(piece)
            out.append(Sentence(sent.start + a, sent.start + a + len(piece), piece))
        lo = hi
    return out


def _merge(drafts: list[tuple[Draft, When]]) -> list[Fact]:
    """One fact per layer, place set and time, keeping every sentence that states it:
    history and news stay apart even when they happen at the same places."""
    groups: dict[tuple, list[Draft]] = {}
    timing: dict[tuple, When] = {}
    statuses: dict[tuple, set[str | None]] = {}
    for d, w in drafts:
        # conflict and diplomacy are told apart by their sides too; drills, forces and
        # zones by where they are (more partners of the same drills join them)
        sided = d.layer in (Layer.CONFLICT, Layer.DIPLOMACY)
        members = (*d.places, *d.actors) if sided else d.places
        key = (d.layer, frozenset(p.key for p in members), w.time)
        groups.setdefault(key, []).append(d)
        statuses.setdefault(key, set()).add(w.status)
        old = timing.get(key)
        if old is None or (w.year is not None and (old.year is None or w.year < old.year)):
            timing[key] = w
    facts = []
    for key, group in groups.items():
        first = group[0]
        w = timing[key]
        evidence = sorted({(d.sentence.start, d.sentence.end, d.sentence.text) for d in group})
        facts.append(
            Fact(
                layer=first.layer,
                label=first.label,
                places=first.places,
                evidence=tuple(Evidence(text=t, start=a, end=b) for a, b, t in evidence),
                shape=first.shape,
                actors=unique(p for d in group for p in d.actors),
                rivals=unique(p for d in group for p in d.rivals),
                qualifier=first.qualifier,
                time=w.time,
                year=w.year,
                # one sentence telling it as happening outweighs one telling it as planned
                status=next(iter(statuses[key])) if len(statuses[key]) == 1 else None,
            )
        )
    order = {layer: n for n, layer in enumerate(LAYER_ORDER)}
    return sorted(facts, key=lambda f: (order[f.layer], f.evidence[0].start, f.label))
