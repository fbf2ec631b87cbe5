"""Event frames: a layer's trigger in a sentence, and the places that take part in it.

The specific rules (:mod:`geomap.themes.rules`) know a few constructions well (a border
in a named direction, drills with partners, a route's stops). News states most facts
in other ways: "Philippines condemns China's use of water cannon", "the city has been
under siege", "Rwandan-backed M23". A frame covers those: a strong trigger (or a weak
one with its context) from ``data/frames.json`` marks the layer, and the places of the
trigger's clause take the roles the layer needs (the power and the zone of influence,
the host and the owner of forces, the sides of a border). Labels are made from the
sentence's own trigger word and its places, so they say no more than the sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geomap.models import Layer, MentionKind, Place, PlaceKind
from geomap.themes.context import ITS, NAMED_KINDS, POSSESSIVE, Context, Draft, unique
from geomap.themes.lexicon import alternation
from geomap.themes.roles import participants

__all__ = ["FRAME_LAYERS", "Frame", "frame_facts", "load_frames"]

FRAME_LAYERS = (
    Layer.BORDERS,
    Layer.MILITARY_PRESENCE,
    Layer.INFLUENCE,
    Layer.CONFLICT,
    Layer.DIPLOMACY,
)
_STATE_KINDS = {PlaceKind.COUNTRY, PlaceKind.HISTORICAL}
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_ORIGIN = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and|or)\s+)?$")
_INSTALLATION = re.compile(r"(?:garrison|base|headquarters|barracks|outpost)", re.I)
_BACKER = re.compile(r"-(?:backed|supported|sponsored|armed|funded)\b", re.I)
_FUNCTION_WORDS = {"the", "a", "an", "and", "of", "in", "on", "at", "by", "for", "with", "to"}
# words between a country and a unit that make the country something else than the owner
_NOT_OWNER = re.compile(
    r"\b(?:in|of|at|to|from|by|with|and|or|said|says|near|into|against|on|for|than)\b", re.I
)
# "KHARTOUM:", "MANARA, ISRAEL (AFP) –", "Washington - ": a dateline names where the
# report was filed, not where the fact happens
_DATELINE = re.compile(
    r"[A-Z][A-Za-z'’. -]{1,40}(?:,\s*[A-Z][A-Za-z'’. -]{1,30})?\s*"
    r"(?:\((?:AFP|AP|Reuters|dpa|DPA|Xinhua|APA|IANS|PTI|ANI|UPI|RTRS)\)\s*)?(?::|\s[-–—]\s)"
)


@dataclass(frozen=True)
class Frame:
    """One layer's compiled frame vocabulary (see ``data/frames.json``)."""

    layer: Layer
    strong: re.Pattern
    weak: re.Pattern | None
    context: re.Pattern | None
    units: re.Pattern | None
    exclude: re.Pattern | None
    min_states: int
    weak_min_states: int
    nouns: dict
    irrealis: re.Pattern | None


@lru_cache(maxsize=1)
def load_frames() -> dict[Layer, Frame]:
    """The shipped frames, compiled once per process."""
    text = resources.files("geomap").joinpath("data/frames.json").read_text("utf-8")
    data = json.loads(text)
    out = {}
    for layer in FRAME_LAYERS:
        spec = data[layer.value]
        out[layer] = Frame(
            layer=layer,
            strong=alternation(spec["strong"]),
            weak=alternation(spec.get("weak", [])),
            context=alternation(spec.get("context", [])),
            units=alternation(spec.get("units", [])),
            exclude=alternation(spec.get("exclude", []), bounds=False),
            min_states=int(spec.get("min_states", 0)),
            weak_min_states=int(spec.get("weak_min_states", spec.get("min_states", 0))),
            nouns=spec.get("noun", {}),
            irrealis=alternation(data.get("irrealis", [])),
        )
    return out


def dateline_end(sentence_text: str) -> int:
    """Length of the dateline opening a sentence ("KHARTOUM: "), 0 when there is none."""
    hit = _DATELINE.match(sentence_text[:90])
    if not hit:
        return 0
    head = hit.group(0)
    words = re.findall(r"[A-Za-z]+", head.split(",")[0])
    agency = "(" in head
    # "KHARTOUM:" (all capitals) or "Washington - " / "Manara, Israel (AFP) -"
    if agency or (words and all(w.isupper() for w in words)) or re.search(r"\s[-–—]\s$", head):
        return hit.end()
    return 0


def _hits(ctx: Context, pattern: re.Pattern | None, frame: Frame, title_case: bool) -> list:
    if pattern is None:
        return []
    lo, hi = ctx.sent.start, ctx.sent.end
    banned = [m.span() for m in frame.exclude.finditer(ctx.text, lo, hi)] if frame.exclude else []
    out = []
    for hit in pattern.finditer(ctx.text, lo, hi):
        if any(x < hit.end() and hit.start() < y for x, y in banned):
            continue
        holds_place = any(m.start < hit.end() and hit.start() < m.end for m in ctx.ms)
        if not title_case and not holds_place and _inside_name(ctx, hit):
            continue
        if _inside_mention(ctx, hit) and "-" not in hit.group(0):
            continue
        out.append(hit)
    return out


def _inside_name(ctx: Context, hit: re.Match) -> bool:
    """A trigger word that is part of a proper name ("Joint Forces", "Rapid Support
    Forces", "Security Council" is kept: it is lower-case in no sentence)."""
    word = hit.group(0)
    if not word[:1].isupper() or hit.start() == ctx.sent.start:
        return False
    head = ctx.text[ctx.sent.start : hit.start()]
    before = head[-30:].split()
    after = ctx.text[hit.end() : min(ctx.sent.end, hit.end() + 30)].split()
    # the sentence's first word ("The") is capitalised for another reason
    first_word = len(head.split()) <= 1
    prev_cap = (
        bool(before)
        and not first_word
        and bool(_CAPITALISED.fullmatch(before[-1]))
        and before[-1][-1] not in ".:"
        and before[-1].lower() not in _FUNCTION_WORDS
    )
    next_cap = bool(after) and bool(_CAPITALISED.fullmatch(after[0]))
    return prev_cap or next_cap


def _inside_mention(ctx: Context, hit: re.Match) -> bool:
    return any(m.start <= hit.start() and hit.end() <= m.end for m in ctx.ms)


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _states(ctx: Context, places: Sequence[Place]) -> set[str]:
    return {p.country_code for p in places if p.country_code}


def _participants(ctx: Context) -> list[int]:
    """Indices of the sentence's mentions that can take part in a fact (not a dateline)."""
    cut = ctx.sent.start + dateline_end(ctx.sent.text)
    return [i for i, m in enumerate(ctx.ms) if m.start >= cut]


def _clause(ctx: Context, hit: re.Match, idx: list[int]) -> list[int]:
    """The participants in the trigger's clause: between the clause breaks around it, and
    on the same side of a quotation mark ("... to the Houthis in Yemen," said the
    Bahrain-based Fifth Fleet)."""
    lo, hi = ctx.sent.start, ctx.sent.end
    # a short bracketed name ("the United Nations (UN) peacekeeping force") ends no clause
    short = [b.span() for b in _SHORT_BRACKETS.finditer(ctx.text, ctx.sent.start, ctx.sent.end)]
    for brk in ctx.lex.clause_break.finditer(ctx.text, ctx.sent.start, ctx.sent.end):
        if any(a <= brk.start() < b for a, b in short):
            continue
        if brk.end() <= hit.start():
            lo = brk.end()
        elif brk.start() >= hit.end():
            hi = brk.start()
            break
    quoted = _quoted_spans(ctx.sent.text, ctx.sent.start)
    inside = next(((a, b) for a, b in quoted if a <= hit.start() < b), None)
    out = []
    for i in idx:
        m = ctx.ms[i]
        if not (lo <= m.start < hi) and not (m.start <= hit.start() < m.end):
            continue
        q = next(((a, b) for a, b in quoted if a <= m.start < b), None)
        if q != inside:
            continue
        out.append(i)
    return out


def _country(ctx: Context, place: Place) -> Place:
    """The country of a town or province (the document's own entry when it has one)."""
    if place.kind in _STATE_KINDS or place.kind in (PlaceKind.REGION, PlaceKind.CONTINENT):
        return place
    return ctx.country(place.country_code) or place


def _label_word(hit: re.Match, frame: Frame) -> str:
    word = " ".join(hit.group(0).split())
    noun = frame.nouns.get(word.lower(), word)
    if not noun.isupper():  # "siege" -> "Siege"; "DMZ" stays
        noun = noun[:1].upper() + noun[1:]
    return noun


def frame_facts(ctx: Context, layer: Layer) -> list[Draft]:
    """The draft fact a sentence states for one layer through a frame, if any.

    Parameters
    ----------
    ctx : Context
        The sentence with its resolved mentions.
    layer : Layer
        One of :data:`FRAME_LAYERS`.

    Returns
    -------
    list of Draft
        At most one draft: the layer's fact with the sentence's participating places.
    """
    frame = load_frames()[layer]
    title_case = _is_title_case(ctx.sent.text)
    strong = _hits(ctx, frame.strong, frame, title_case)
    weak = [] if strong else _hits(ctx, frame.weak, frame, title_case)
    if not strong and not weak:
        return []
    if weak and not strong and not _context_beside(ctx, frame, weak):
        return []
    if weak and not strong:
        # a weak word inside a quotation is the speaker's ("You can't blame Russia")
        quoted = _quoted_spans(ctx.sent.text, ctx.sent.start)
        weak = [h for h in weak if not any(a <= h.start() < b for a, b in quoted)]
        if not weak:
            return []
    if layer in (Layer.CONFLICT, Layer.MILITARY_PRESENCE, Layer.BORDERS) and ctx.says_drills:
        return []  # an exercise simulates attacks and sends forces: that is drills
    if layer in (Layer.CONFLICT, Layer.MILITARY_PRESENCE):
        # "vulnerable to an attack", "no request to send troops": not an event
        strong = [h for h in strong if not _irrealis(ctx, frame, h)]
        weak = [h for h in weak if not _irrealis(ctx, frame, h)]
        if not strong and not weak:
            return []
    hit = (strong or weak)[0]
    idx = _participants(ctx)
    if not idx:
        return []
    builder = _BUILDERS.get(layer, _plain)
    return builder(ctx, frame, hit, idx, need=frame.min_states if strong else frame.weak_min_states)


def carried_facts(ctx: Context) -> list[Draft]:
    """Conflict and diplomacy facts of a sentence that names no place, stated by a strong
    trigger about the places of the sentence before ("The truce expired in October")."""
    out = []
    frames = load_frames()
    title_case = _is_title_case(ctx.sent.text)
    for layer in (Layer.CONFLICT, Layer.DIPLOMACY):
        frame = frames[layer]
        strong = [
            h for h in _hits(ctx, frame.strong, frame, title_case) if not _irrealis(ctx, frame, h)
        ]
        if strong and not ctx.says_drills:
            out += _plain(ctx, frame, strong[0], list(range(len(ctx.ms))), need=frame.min_states)
    return out


def _context_beside(ctx: Context, frame: Frame, weak: list[re.Match]) -> bool:
    """A context word of the layer in the sentence, other than the weak triggers."""
    if frame.context is None:
        return True
    spans = [h.span() for h in weak]
    return any(
        not any(a < c.end() and c.start() < b for a, b in spans)
        for c in frame.context.finditer(ctx.text, ctx.sent.start, ctx.sent.end)
    )


def _quoted_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """Spans between paired quotation marks (straight or curly), as text offsets."""
    spans, opened = [], None
    for k, ch in enumerate(text):
        if ch in '“”"':
            if opened is None and ch != "”":
                opened = k
            elif opened is not None and ch != "“":
                spans.append((offset + opened, offset + k))
                opened = None
    return spans


def _irrealis(ctx: Context, frame: Frame, hit: re.Match) -> bool:
    """A hypothesis or a rehearsal: "vulnerable to an attack", "if it established a presence"."""
    if frame.irrealis is None:
        return False
    lo = max(ctx.sent.start, hit.start() - 60)
    window = ctx.text[lo : hit.start()]
    cut = max(window.rfind(","), window.rfind(";"))
    return bool(frame.irrealis.search(window[cut + 1 :]))


def _plain(ctx: Context, frame: Frame, hit: re.Match, idx: list[int], need: int) -> list[Draft]:
    """Conflict and diplomacy: every participating place, the sides of it in text order."""
    if frame.layer is Layer.CONFLICT and not ctx.carried:
        # the sides and the battlefield of this event, not every place of the sentence;
        # diplomacy keeps the sentence's states (who deals with whom is often said apart)
        scoped = participants(ctx, hit.start(), hit.end(), idx) or []
        if len({ctx.ms[i].place.key for i in scoped}) < 2:
            # the parse found one side or none: the clause's places named as places (not
            # "Russian officials" nor "Moscow said") say where it happened
            located = [
                i
                for i in _clause(ctx, hit, idx)
                if not ctx.named(i) and ctx.ms[i].kind is not MentionKind.METONYM
            ]
            scoped = sorted(set(scoped) | set(located))
        idx = scoped or idx
    if frame.layer is Layer.CONFLICT:
        # "emigres from Tajikistan fought alongside the Taliban": where people come from
        # is neither a side nor a battlefield; nor is a backer ("Rwandan-backed M23")
        idx = [
            i
            for i in idx
            if not _ORIGIN.search(ctx.text[max(0, ctx.ms[i].start - 30) : ctx.ms[i].start])
            and not _BACKER.match(ctx.text, ctx.ms[i].end)
        ]
    places = unique(ctx.ms[i].place for i in idx)
    if frame.layer is Layer.CONFLICT:
        # "Washington invaded the country": the capital acts for its state, and "the
        # country" is the one named last
        places = unique((*ctx.states(idx), *_anaphora(ctx, hit)))
    if not places:
        return []
    if len(_states(ctx, places)) < need:
        return []
    if frame.layer is Layer.DIPLOMACY:
        if not any(p.kind in _STATE_KINDS or p.kind == PlaceKind.CITY for p in places):
            return []
        # "the pact with Beijing", "Moscow said": a town dealt with or speaking is its state
        counterpart = [
            _country(ctx, ctx.ms[i].place)
            for i in idx
            if ctx.ms[i].place.kind is PlaceKind.CITY
            and (ctx.ms[i].kind is MentionKind.METONYM or _COUNTERPART.search(ctx.gap(i)))
        ]
        places = unique((*places, *counterpart))
        # dealings between states, or with a state through its diplomats or the UN
        if len(_states(ctx, places)) < 2 and not _context_beside(ctx, frame, [hit]):
            return []
    label = f"{_label_word(hit, frame)} – {', '.join(p.name for p in places)}"
    # drawn where it happens (the places named as places); the states that only take part
    # ("Israeli air strikes", "Washington warned") are its actors, named but not shaded
    where = unique(
        ctx.ms[i].place
        for i in idx
        if ctx.ms[i].kind not in NAMED_KINDS and ctx.ms[i].kind is not MentionKind.METONYM
    )
    where = tuple(p for p in where if p in places) or places[:1]
    sides = tuple(p for p in places if p not in where)
    if frame.layer is Layer.DIPLOMACY:
        towns = [p for p in where if p.kind is PlaceKind.CITY]
        where = unique([*towns, *where])  # a meeting is drawn at its town
        shape = "point"
    else:
        # a mark at the most precise place it happens (the town before its province and
        # country), as event maps do; shading whole countries would say more than a
        # sentence about one battle
        where = tuple(sorted(where, key=lambda p: _PRECISION.get(p.kind, 9)))
        shape = "point"
    return [Draft(frame.layer, label, where, ctx.sent, shape, actors=sides)]


# the group named after "X-backed": "M23", "Houthis", "Syrian militiamen"
_BACKED_GROUP = re.compile(
    r"\s+((?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s+[a-z]+(?:men|ists|ias|ers|ies|es|ps|ls))?)"
    r"|[a-z]+(?:men|ists|ias|ers|ies|es|ps|ls))\b"
)
_COUNTERPART = re.compile(r"\b(?:with|to|from|against|by|between|and)\s+(?:the\s+)?$", re.I)
_SHORT_BRACKETS = re.compile(r"\([^()\n]{1,40}\)")
_PLAIN_BORDER = re.compile(r"(?:borders?|frontiers?|boundar(?:y|ies)|border crossings?)", re.I)
_PRECISION = {PlaceKind.CITY: 0, PlaceKind.ADMIN1: 1, PlaceKind.FEATURE: 2, PlaceKind.REGION: 3}
_ANAPHOR = re.compile(r"\bthe\s+(country|nation|city|town|region|province|capital)\b", re.I)
_ANAPHOR_KINDS = {
    "country": (PlaceKind.COUNTRY,),
    "nation": (PlaceKind.COUNTRY,),
    "city": (PlaceKind.CITY,),
    "town": (PlaceKind.CITY,),
    "capital": (PlaceKind.CITY,),
    "region": (PlaceKind.ADMIN1, PlaceKind.REGION),
    "province": (PlaceKind.ADMIN1,),
}


def _anaphora(ctx: Context, hit: re.Match) -> list[Place]:
    """The place "the country" / "the city" right after a trigger refers to: the last one
    of that kind named before it in the sentence (not as an adjective)."""
    out = []
    for ref in _ANAPHOR.finditer(ctx.text, hit.end(), min(ctx.sent.end, hit.end() + 40)):
        kinds = _ANAPHOR_KINDS[ref.group(1).lower()]
        for i in reversed(range(len(ctx.ms))):
            m = ctx.ms[i]
            if m.end <= hit.start() and m.place.kind in kinds and not ctx.named(i):
                out.append(m.place)
                break
    return out


def _borders(ctx: Context, frame: Frame, hit: re.Match, idx: list[int], need: int) -> list[Draft]:
    places = unique(ctx.ms[i].place for i in idx)
    if len(_states(ctx, places)) < max(need, 1):
        return []
    sides = unique(_country(ctx, p) for p in places)
    sides = tuple(p for p in sides if p.kind in _STATE_KINDS)
    # a town, province or sea named as a place (not "Moscow's worry", "Russian officials")
    located = unique(
        ctx.ms[i].place
        for i in idx
        if not ctx.named(i) and not ctx.possessive(i) and ctx.ms[i].kind.value != "metonym"
    )
    rest = tuple(p for p in located if p not in sides)
    if len(sides) < 2 and (not rest or _PLAIN_BORDER.fullmatch(hit.group(0))):
        # "security on the frontier is Moscow's worry", "the other side of the B.C.
        # border": a boundary needs two sides; one side will do for a checkpoint, a
        # claim, an annexation or a disputed island
        return []
    ordered = unique([*sides, *rest])
    shape = "border" if len(sides) >= 2 else "point"
    label = f"{_label_word(hit, frame)} – {', '.join(p.name for p in ordered)}"
    return [Draft(frame.layer, label, ordered, ctx.sent, shape)]


def _influence(ctx: Context, frame: Frame, hit: re.Match, idx: list[int], need: int) -> list[Draft]:
    sentence = idx
    idx = _clause(ctx, hit, idx)
    power = _power(ctx, hit, idx)
    if power is None:
        return []
    zone: tuple[Place, ...] = ()
    # "the Rwandan-backed M23 (March 23 Movement) launched an offensive ... in Rutshuru":
    # where the backed group acts may lie past the clause
    for scope in (idx, sentence) if _BACKER.search(hit.group(0)) else (idx,):
        zone = zone or unique(
            _country(ctx, ctx.ms[i].place)
            for i in scope
            if _country(ctx, ctx.ms[i].place).key != power.key
        )
    if not zone:
        return []
    where = ", ".join(p.name for p in zone)
    group = _BACKED_GROUP.match(ctx.text, hit.end(), ctx.sent.end)
    if _BACKER.search(hit.group(0)) and group:
        # "the Rwandan-backed M23": the group is backed, not the country it fights in
        label = f"{group.group(1)} backed by {power.name} – {where}"
    else:
        label = f"{_label_word(hit, frame)} ({power.name}) – {where}"
    return [Draft(frame.layer, label, zone, ctx.sent, "zone", actors=(power,))]


def _power(ctx: Context, hit: re.Match, idx: list[int]) -> Place | None:
    """Who holds the sway: "Rwandan-backed", "pro-Iranian", "backed by X", else the subject."""
    inside = [i for i in idx if hit.start() <= ctx.ms[i].start < hit.end()]
    if inside:
        return _country(ctx, ctx.ms[inside[0]].place)
    word = hit.group(0).lower()
    if word.endswith(" by") or word.startswith(("ally", "allies", "patron")):
        # "backed by Iran", "its ally Turkey"
        after = [i for i in idx if ctx.ms[i].start >= hit.end()]
        if after and re.fullmatch(
            r"[\s,]*(?:the\s+)?", ctx.text[hit.end() : ctx.ms[after[0]].start]
        ):
            return _country(ctx, ctx.ms[after[0]].place)
        if not word.endswith(" by"):
            return None  # "Russia and its allies": whose sway over whom is not said
    owner = ctx.near_before(hit.start(), max_words=2)
    owned = owner is not None and owner in idx and (ctx.possessive(owner) or ctx.named(owner))
    if owned and not word.startswith(("supporter", "closest")):
        return _country(ctx, ctx.ms[owner].place)
    before = [i for i in ctx.before(hit.start()) if i in idx and not ctx.possessive(i)]
    if before:
        return _country(ctx, ctx.ms[before[-1]].place)
    return None


def _presence(ctx: Context, frame: Frame, hit: re.Match, idx: list[int], need: int) -> list[Draft]:
    """Forces of a state in a place: the owner from the unit's adjective or possessive."""
    idx = _clause(ctx, hit, idx)
    glued = [i for i in idx if hit.start() <= ctx.ms[i].start < hit.end()]
    lo = min([hit.start(), *(ctx.ms[i].start for i in idx)])
    hi = max([hit.end(), *(ctx.ms[i].end for i in idx)])
    lo, hi = max(ctx.sent.start, lo - 40), min(ctx.sent.end, hi + 40)
    units = list(frame.units.finditer(ctx.text, lo, hi)) if frame.units else []
    if not units:
        return []
    owner: Place | None = None
    owner_i = None
    for unit in units:
        j = _owner_before(ctx, unit.start(), idx)
        if j is not None:
            owner, owner_i = _country(ctx, ctx.ms[j].place), j
            break
        if ITS.search(ctx.text, max(ctx.sent.start, unit.start() - 12), unit.start()):
            # "Eritrea has begun withdrawing its forces": the subject's forces
            # its antecedent: the nearest state named before ("the US attempts to prolong
            # its military presence")
            subject = [
                i
                for i in idx
                if ctx.ms[i].start < unit.start()
                and not ctx.possessive(i)
                and ctx.ms[i].place.kind in _STATE_KINDS | {PlaceKind.CITY}
            ]
            if subject:
                owner, owner_i = _country(ctx, ctx.ms[subject[-1]].place), subject[-1]
                break
        # "15,000 troops from the United States"; not "withdrawing forces from Tigray"
        frm = re.match(r"\s+(?:from|of)\s+(?:the\s+)?", ctx.text[unit.end() : unit.end() + 12])
        after = [i for i in idx if ctx.ms[i].start >= unit.end()]
        leaving = re.match(r"withdr|pull|leav|evacu", hit.group(0), re.I)
        if frm and after and not leaving and ctx.ms[after[0]].start == unit.end() + frm.end():
            owner, owner_i = _country(ctx, ctx.ms[after[0]].place), after[0]
            break
    hosts = [
        ctx.ms[i].place
        for i in glued or idx
        if i != owner_i
        and not ctx.named(i)
        and not ctx.possessive(i)
        and (owner is None or ctx.ms[i].place.key != owner.key)
    ]
    if owner is None:
        subject = [i for i in idx if ctx.ms[i].start < hit.start() and not ctx.possessive(i)]
        if subject and ctx.ms[subject[0]].kind.value == "metonym":
            owner = _country(ctx, ctx.ms[subject[0]].place)
    places = unique([*hosts, *([owner] if owner else [])])
    if not places or len(_states(ctx, places)) < need:
        return []
    word = " ".join(hit.group(0).split())
    who = f"{ctx.adjective(owner)} " if owner else ""
    unit = " ".join(units[0].group(0).lower().split())
    where = ", ".join(p.name for p in unique(hosts)) or (owner.name if owner else "")
    label = f"{who}{unit} ({word}): {where}"
    qualifier = "withdrawal" if re.match(r"withdr|pull|leav", word.lower()) else ""
    return [
        Draft(
            frame.layer,
            label[:1].upper() + label[1:],
            places,
            ctx.sent,
            "point",
            actors=(owner,) if owner else (),
            qualifier=qualifier,
        )
    ]


def _owner_before(ctx: Context, pos: int, idx: list[int]) -> int | None:
    """The country that owns the forces named at ``pos``: "Eritrean forces", "Rwanda's
    troops", "the US Fifth Fleet"; not "Bahrain-based" (a host) nor "troops in Iraq"."""
    for i in ctx.before(pos):
        if i not in idx:
            return None
        m = ctx.ms[i]
        gap = POSSESSIVE.sub("", ctx.text[m.end : pos], count=1)
        if len(gap.split()) > 3 or _NOT_OWNER.search(gap) or any(c in gap for c in ",;()"):
            return None
        if gap.startswith("-"):
            return None  # "Bahrain-based", "Saudi-led" name another role
        if ctx.named(i) or ctx.possessive(i):
            return i
        # "the US Fifth Fleet" is the US's; "the Hong Kong garrison" is in Hong Kong
        if m.place.kind in _STATE_KINDS and not _INSTALLATION.match(ctx.text, pos):
            return i
        return None
    return None


_BUILDERS = {
    Layer.BORDERS: _borders,
    Layer.INFLUENCE: _influence,
    Layer.MILITARY_PRESENCE: _presence,
}
