"""Rule families behind :mod:`geomap.themes`: sentence context, roles, and one rule per layer.

Split from ``themes.py`` to keep modules short; the words all live in the lexicon, these
functions only know syntax (possessives, coordination, prepositions, dashes).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from geomap.models import Layer, Mention, MentionKind, Place, PlaceKind, Sentence

logger = logging.getLogger(__name__)

LAYER_ORDER: tuple[Layer, ...] = (
    Layer.BORDERS,
    Layer.MILITARY_DRILLS,
    Layer.MILITARY_PRESENCE,
    Layer.INFLUENCE,
    Layer.TRAFFICKING_ROUTES,
    Layer.CONFLICT,
    Layer.DIPLOMACY,
)
_AREA_KINDS = {
    PlaceKind.COUNTRY,
    PlaceKind.REGION,
    PlaceKind.CONTINENT,
    PlaceKind.HISTORICAL,
    PlaceKind.FEATURE,
}
_NAMED_KINDS = {MentionKind.ADJECTIVE, MentionKind.DEMONYM}
_COORD = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|[-–/]\s*|as well as\s+)(?:the\s+)?$"
)
_FILLER = r"(?:(?:the|a|an|its|their|his|her|[a-z][\w'’-]*),?\s+){0,3}"
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)(?!\w)")
_PAREN = re.compile(r"\s[—–]\s.*?\s[—–]\s|\([^)]*\)")
_COMPASS = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")


@dataclass(frozen=True)
class _Trigger:
    name: str
    rank: int
    label: str
    regex: re.Pattern


@dataclass(frozen=True)
class _Lex:
    triggers: dict
    exclude: dict
    skip: re.Pattern | None
    orgs: tuple
    roles: dict
    origin_suffix: re.Pattern | None
    directions: dict
    clause_break: re.Pattern
    units: re.Pattern | None
    commodities: tuple
    drill_kinds: dict
    sequence: re.Pattern
    nouns: dict


def _alt(patterns: Sequence[str], *, bounds: bool = True) -> re.Pattern | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])" if bounds else body, re.IGNORECASE)


@lru_cache(maxsize=8)
def _compile_json(blob: str) -> _Lex:
    lex = json.loads(blob)
    layers = lex["layers"]
    triggers, exclude = {}, {}
    for layer in LAYER_ORDER:
        spec = layers.get(layer.value, {})
        triggers[layer] = tuple(
            _Trigger(t["name"], int(t.get("rank", 9)), t.get("label", ""), _alt([t["pattern"]]))
            for t in spec.get("triggers", [])
        )
        exclude[layer] = _alt(spec.get("exclude", []), bounds=False)
    roles = {
        # anchored at the end of the text before a mention: "through [the] Central Asia"
        name: re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})"
            rf"\s+{_FILLER}$",
            re.IGNORECASE,
        )
        for name, words in lex.get("roles", {}).items()
    }
    suffixes = lex.get("origin_suffixes", [])
    presence = layers.get("military_presence", {})
    routes = layers.get("trafficking_routes", {})
    return _Lex(
        triggers=triggers,
        exclude=exclude,
        skip=_alt(lex.get("skip_sentences", []), bounds=False),
        orgs=tuple(_alt([o]) for o in lex.get("organisations", [])),
        roles=roles,
        origin_suffix=re.compile("|".join(re.escape(s) for s in suffixes)) if suffixes else None,
        directions={k.lower(): float(v) for k, v in lex.get("directions", {}).items()},
        clause_break=re.compile("|".join(lex.get("clause_breaks", [";"]))),
        units=_alt(presence.get("units", [])),
        commodities=tuple((_alt([k]), v) for k, v in routes.get("commodities", {}).items()),
        drill_kinds=layers.get("military_drills", {}).get("kinds", {}),
        nouns=layers.get("conflict", {}).get("nouns", {}),
        sequence=_alt(lex.get("route_sequence_words", [])) or re.compile(r"(?!)"),
    )


@dataclass
class _Draft:
    layer: Layer
    label: str
    places: tuple[Place, ...]
    sentence: Sentence
    shape: str
    actors: tuple[Place, ...] = ()
    rivals: tuple[Place, ...] = ()
    qualifier: str = ""


@dataclass
class _Ctx:
    text: str
    sent: Sentence
    ms: list[Mention]
    lex: _Lex
    adjectives: dict[str, str]
    doc_places: dict[str, Place]
    masked: list[tuple[int, int]] = field(default_factory=list)
    lookup: Callable[[str], Place | None] | None = None  # country code -> Place

    # --- small syntax helpers over the sentence's mentions ---------------------------
    def gap(self, i: int) -> str:
        """Text between mention i-1 (or the sentence start) and mention i."""
        lo = self.ms[i - 1].end if i > 0 else self.sent.start
        return self.text[lo : self.ms[i].start]

    def role(self, i: int, names: Sequence[str]) -> str | None:
        """The role word governing mention i, inherited through "A and B" coordination."""
        while i >= 0:
            window = self.gap(i)[-80:]
            best, at = None, -1
            for name in names:
                hit = self.lex.roles.get(name) and self.lex.roles[name].search(window)
                if hit and hit.start() > at:
                    best, at = name, hit.start()
            if best or i == 0 or not _COORD.match(self.gap(i)):
                return best
            i -= 1
        return None

    def chain(self, i: int) -> list[int]:
        """Mention i and the mentions coordinated after it ("Serbia and Hungary")."""
        out = [i]
        while out[-1] + 1 < len(self.ms) and _COORD.match(self.gap(out[-1] + 1)):
            out.append(out[-1] + 1)
        return out

    def chain_back(self, i: int) -> list[int]:
        out = [i]
        while out[0] > 0 and _COORD.match(self.gap(out[0])):
            out.insert(0, out[0] - 1)
        return out

    def possessive(self, i: int) -> bool:
        return bool(_POSSESSIVE.match(self.text[self.ms[i].end : self.ms[i].end + 3]))

    def is_masked(self, i: int) -> bool:
        return any(a <= self.ms[i].start < b for a, b in self.masked)

    def clause_end(self, pos: int, limit: int = 90) -> int:
        hit = self.lex.clause_break.search(self.text, pos, min(self.sent.end, pos + limit))
        return hit.start() if hit else min(self.sent.end, pos + limit)

    def after(self, pos: int, limit: int = 90) -> list[int]:
        end = self.clause_end(pos, limit)
        return [i for i, m in enumerate(self.ms) if pos <= m.start < end]

    def before(self, pos: int) -> list[int]:
        """Mentions before pos, nearest first."""
        return [i for i in range(len(self.ms) - 1, -1, -1) if self.ms[i].end <= pos]

    def places(self, idx: Sequence[int]) -> tuple[Place, ...]:
        return _unique(self.ms[i].place for i in idx)

    def org(self, lo: int | None = None, hi: int | None = None) -> str:
        lo = self.sent.start if lo is None else lo
        hi = self.sent.end if hi is None else hi
        for regex in self.lex.orgs:
            hit = regex and regex.search(self.text, lo, hi)
            if hit:
                return hit.group(0)
        return ""

    def adjective(self, place: Place) -> str:
        return self.adjectives.get(place.key) or place.name


def _unique(places) -> tuple[Place, ...]:
    seen, out = set(), []
    for p in places:
        if p is not None and p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out)


def _names(places: Sequence[Place]) -> str:
    return ", ".join(p.name for p in places)


def _shape(places: Sequence[Place]) -> str:
    return "zone" if any(p.kind in _AREA_KINDS for p in places) else "point"


def _near_before(ctx: _Ctx, t0: int, max_words: int = 3) -> int | None:
    """Index of a mention ending just before position t0 (at most a few words between)."""
    for i in ctx.before(t0):
        gap = ctx.text[ctx.ms[i].end : t0]
        gap = _POSSESSIVE.sub("", gap)
        if re.fullmatch(rf"[\s-]*(?:[a-z][\w-]*[\s,]+){{0,{max_words}}}", gap):
            return i
        return None
    return None


def _first_with_role(ctx: _Ctx, idx: Sequence[int], names: Sequence[str], *, literal=False):
    for i in idx:
        m = ctx.ms[i]
        if ctx.possessive(i) or (literal and m.kind in _NAMED_KINDS):
            continue
        if ctx.role(i, names):
            return ctx.chain(i)
    return []


# --- layer rules ---------------------------------------------------------------------
def _borders(ctx: _Ctx, hit: re.Match, trig: _Trigger) -> list[_Draft]:
    t0, t1 = hit.span()
    lead = ctx.text[max(ctx.sent.start, t0 - 30) : t0].lower()
    direction = next((w for w in re.findall(r"[a-z-]+", lead)[-3:] if w in ctx.lex.directions), "")
    parts: list[int] = []
    i = _near_before(ctx, t0)
    if i is not None:
        parts += ctx.chain_back(i)
    elif re.search(r"\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}$", lead):
        subj = [j for j in ctx.before(t0) if not ctx.is_masked(j) and not ctx.role(j, ["location"])]
        if subj:
            parts += ctx.chain_back(subj[0])
    for j in ctx.after(t1, 60):
        if re.fullmatch(r"\s*(?:with|between|of|to)\s+(?:the\s+)?", ctx.text[t1 : ctx.ms[j].start]):
            parts += ctx.chain(j)
        break
    if parts and i is None and all(ctx.ms[j].start > t1 for j in parts):
        subj = [j for j in ctx.before(t0) if not ctx.is_masked(j) and not ctx.role(j, ["location"])]
        parts = ([subj[-1]] if subj else []) + parts
    countries = _unique(ctx.ms[j].place for j in parts if ctx.ms[j].place.kind == PlaceKind.COUNTRY)
    qualifier = ""
    if len(countries) == 1 and direction:
        qualifier = _COMPASS[round(ctx.lex.directions[direction] / 45) % 8]
        neighbours = _neighbours_toward(ctx, countries[0], qualifier)
        if not neighbours:
            return []
        label = f"{countries[0].name}'s {direction} border{'s' if hit.group(0)[-1] == 's' else ''}"
        countries = (countries[0], *neighbours)
    elif len(countries) >= 2:
        label = "–".join(p.name for p in countries) + " border"
    else:
        return []
    codes = {p.country_code for p in countries}
    locators = _unique(
        m.place
        for m in ctx.ms
        if m.place.kind == PlaceKind.ADMIN1 and m.place.country_code in codes
    )
    return [
        _Draft(Layer.BORDERS, label, countries + locators, ctx.sent, "border", qualifier=qualifier)
    ]


def _neighbours_toward(ctx: _Ctx, base: Place, word: str) -> tuple[Place, ...]:
    """Neighbours of a country lying toward a compass direction (from real polygons)."""
    from geomap.geometry import borders_toward

    try:
        codes = borders_toward(base.country_code or "", word)
    except ValueError:
        return ()
    return _unique(_country_place(ctx, c) for c in codes)


def _country_place(ctx: _Ctx, code: str) -> Place | None:
    """The document's own place for a country code, else the gazetteer's."""
    if code in ctx.doc_places:
        return ctx.doc_places[code]
    return ctx.lookup(code) if ctx.lookup is not None else None


def _drills(ctx: _Ctx, hit: re.Match, trig: _Trigger) -> list[_Draft]:
    t0, t1 = hit.span()
    locs: list[int] = []
    partners: list[int] = []
    agents: list[int] = []
    idx = ctx.after(t1)
    k = 0
    while k < len(idx):
        i = idx[k]
        role = ctx.role(i, ["partner", "agent", "location"])
        group = {"partner": partners, "agent": agents, "location": locs}.get(role or "")
        named = ctx.ms[i].kind in _NAMED_KINDS and role == "location"
        if group is not None and not group and not ctx.possessive(i) and not named:
            group += ctx.chain(i)
            k += len(ctx.chain(i))
            continue
        k += 1
    subjects: list[int] = []
    for i in ctx.before(t0):
        if ctx.is_masked(i):
            continue
        if ctx.role(i, ["location"]) and not ctx.possessive(i):
            locs = locs or ctx.chain_back(i)
            continue
        subjects = ctx.chain_back(i)
        break
    if not (locs or partners or agents):
        # "the manoeuvres" refers back to drills already placed; a subject needs a name
        anaphora = re.search(r"\bthe\s+(?:[a-z-]+\s+)?$", ctx.text[ctx.sent.start : t0], re.I)
        if anaphora or any(ctx.ms[i].kind in _NAMED_KINDS for i in subjects):
            return []
    actors = ctx.places(agents or subjects)
    hosts = ctx.places(locs) or ctx.places(partners) or actors
    if not hosts:
        return []
    others = _unique(p for p in (*actors, *ctx.places(partners)) if p not in hosts)
    word = hit.group(0).lower()
    lead = ctx.text[max(ctx.sent.start, t0 - 12) : t1].lower()
    kind = next((v for k, v in ctx.lex.drill_kinds.items() if k in word), "")
    kind = kind or ("Joint drills" if "joint" in lead else "Drills")
    if locs:
        who = f"{_names(others)} in " if others else "in "
        label = f"{kind}: {who}{_names(hosts)}" if others else f"{kind} in {_names(hosts)}"
    elif partners and others:
        label = f"{kind}: {_names(others)} with {_names(hosts)}"
    else:
        label = f"{kind}: {_names(hosts)}"
    return [_Draft(Layer.MILITARY_DRILLS, label, hosts, ctx.sent, _shape(hosts), actors=others)]


def _presence(ctx: _Ctx, hit: re.Match, trig: _Trigger) -> list[_Draft]:
    t0, t1 = hit.span()
    withdrawal = trig.name == "withdrawal"
    hosts = _first_with_role(
        ctx, ctx.after(t1), ["withdrawal" if withdrawal else "location"], literal=True
    )
    if not hosts and not withdrawal:
        near = [i for i in ctx.before(t0) if ctx.text[ctx.ms[i].end : t0].count(",") <= 1]
        hosts = _first_with_role(ctx, near[:3], ["location"], literal=True)
    if not hosts:
        return []
    host_places = ctx.places(hosts)
    keys = {p.key for p in host_places}
    actor = None
    for i in ctx.before(t0):
        if i in hosts or ctx.ms[i].place.key in keys or ctx.role(i, ["location", "withdrawal"]):
            continue
        actor = ctx.ms[i].place
        break
    w0 = max(ctx.sent.start, t0 - 60)
    units = list(ctx.lex.units.finditer(ctx.text, w0, t1)) if ctx.lex.units else []
    unit = units[-1].group(0).lower() if units else "forces"
    # an organisation only counts when it names the unit ("Wagner mercenaries stationed")
    head = units[-1].start() if units else t0
    org = ctx.org(max(ctx.sent.start, head - 25), head)
    if actor is None and not org:
        return []
    who = ctx.adjective(actor) if actor else org
    if withdrawal:
        label = f"{who} {unit} withdrawn from {_names(host_places)}"
    else:
        label = f"{who} {unit} in {_names(host_places)}"
    return [
        _Draft(
            Layer.MILITARY_PRESENCE,
            label,
            host_places,
            ctx.sent,
            "point",
            actors=(actor,) if actor else (),
            qualifier="withdrawal" if withdrawal else "",
        )
    ]


def _influence(ctx: _Ctx, hit: re.Match, trig: _Trigger) -> list[_Draft]:
    t0, t1 = hit.span()
    actor: Place | None = None
    i = _near_before(ctx, t0, max_words=2)
    if i is not None and (ctx.possessive(i) or ctx.ms[i].kind in _NAMED_KINDS):
        actor = ctx.ms[i].place
    elif re.search(r"\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}$", ctx.text[ctx.sent.start : t0]):
        subj = [j for j in ctx.before(t0) if not ctx.role(j, ["location"])]
        actor = ctx.ms[subj[-1]].place if subj else None
    after = ctx.after(t1)
    rivals = ctx.places(_first_with_role(ctx, after, ["rival"]))
    zone = ctx.places(_first_with_role(ctx, after, ["location"], literal=False))
    banned = {p.key for p in rivals} | ({actor.key} if actor else set())
    zone = tuple(p for p in zone if p.key not in banned)
    if not zone:
        rest = [
            m.place for m in ctx.ms if m.place.key not in banned and m.place.kind in _AREA_KINDS
        ]
        regional = [p for p in rest if p.kind in (PlaceKind.REGION, PlaceKind.CONTINENT)]
        zone = _unique((regional or rest)[:1])
    if not zone:
        return []
    who = f"{actor.name}'s influence" if actor else "Influence"
    return [
        _Draft(
            Layer.INFLUENCE,
            f"{who}: {_names(zone)}",
            zone,
            ctx.sent,
            "zone",
            actors=(actor,) if actor else (),
            rivals=rivals,
        )
    ]


def _routes(ctx: _Ctx) -> list[_Draft]:
    commodity = (
        _alt([rx.pattern for rx, _ in ctx.lex.commodities if rx]) if ctx.lex.commodities else None
    )
    route: list[Place] = []
    pending: tuple[Place, int] | None = None  # a destination that later transit may precede
    for i, m in enumerate(ctx.ms):
        suffix = ctx.lex.origin_suffix
        if (suffix and suffix.match(ctx.text, m.end)) or (
            m.kind == MentionKind.ADJECTIVE
            and commodity
            and commodity.match(ctx.text, m.end + 1)
            and ctx.text[m.end : m.end + 1] == " "
        ):
            role = "origin"  # "Afghan-produced heroin", "Colombian cocaine"
        else:
            role = ctx.role(i, ["origin", "transit", "destination"])
        if role is None:
            continue
        if pending and (
            role != "transit" or ctx.lex.sequence.search(ctx.text, pending[1], m.start)
        ):
            route.append(pending[0])
            pending = None
        if role == "destination":
            pending = (m.place, m.end)
        else:
            route.append(m.place)
    if pending:
        route.append(pending[0])
    route = list(_unique(route))
    if len(route) < 2:
        return []
    what = next(
        (v for rx, v in ctx.lex.commodities if rx and rx.search(ctx.sent.text)), "Smuggling"
    )
    label = f"{what} route: " + " → ".join(p.name for p in route)
    return [_Draft(Layer.TRAFFICKING_ROUTES, label, tuple(route), ctx.sent, "route")]


def _conflict(ctx: _Ctx, hit: re.Match, trig: _Trigger) -> list[_Draft]:
    t0, t1 = hit.span()
    org = ctx.org()
    word = hit.group(0).lower()
    word = ctx.lex.nouns.get(word, word)
    places: tuple[Place, ...] = ()
    if trig.name == "capture":
        after = ctx.after(t1, 40)
        if after and re.fullmatch(
            r"\s*(?:of\s+)?(?:(?:the|[a-z]+)\s+){0,3}(?:of\s+)?",
            ctx.text[t1 : ctx.ms[after[0]].start],
        ):
            places = ctx.places(ctx.chain(after[0]))
        # "Kabul fell", "Kabul was captured", "Kabul's fall"; not "prices in Russia fell"
        before = ctx.before(t0)[:1]
        if not places and before and ctx.ms[before[0]].kind not in _NAMED_KINDS:
            i = before[0]
            gap = _POSSESSIVE.sub("", ctx.text[ctx.ms[i].end : t0])
            if re.fullmatch(r"\s*(?:(?:was|were|has|had|been|finally|quickly|soon)\s+)*", gap) and (
                not re.search(
                    r"\b(?:in|at|on|from|to|into|near|through|via|for)\s+(?:the\s+)?$", ctx.gap(i)
                )
            ):
                places = (ctx.ms[i].place,)
        label = f"{org} takeover of " if org else "Fall of "
        return (
            [_Draft(Layer.CONFLICT, label + _names(places), places, ctx.sent, "point")]
            if places
            else []
        )
    places = ctx.places(_first_with_role(ctx, ctx.after(t1), ["location"], literal=True))
    i = _near_before(ctx, t0, max_words=3)
    if not places and i is not None and ctx.possessive(i):
        places = (ctx.ms[i].place,)
    if not places:
        near = [j for j in ctx.before(t0) if ctx.text[ctx.ms[j].end : t0].count(",") <= 1][:2]
        places = ctx.places(_first_with_role(ctx, near, ["location"], literal=True))
    if not places:
        between = [
            j
            for j in ctx.after(t1, 40)
            if re.fullmatch(r"\s*between\s+(?:the\s+)?", ctx.text[t1 : ctx.ms[j].start])
        ]
        parties = ctx.chain(between[0]) if between else (ctx.chain_back(i) if i is not None else [])
        if len(ctx.places(parties)) >= 2:
            parts = ctx.places(parties)
            return [
                _Draft(
                    Layer.CONFLICT,
                    f"{word.capitalize()}: " + " – ".join(p.name for p in parts),
                    parts,
                    ctx.sent,
                    "zone",
                )
            ]
        return []
    text = f"{org} {word}" if org else word
    label = f"{text[0].upper()}{text[1:]} in {_names(places)}"
    return [_Draft(Layer.CONFLICT, label, places, ctx.sent, _shape(places[:1]))]


def _diplomacy(ctx: _Ctx, found: list[tuple[re.Match, _Trigger]]) -> list[_Draft]:
    venues: dict[str, tuple[Place, _Trigger, Place | None]] = {}
    for hit, trig in found:
        t0, t1 = hit.span()
        spot: list[int] = []
        after = ctx.after(t1, 60)
        if trig.name == "visit" and after:
            gap = ctx.text[t1 : ctx.ms[after[0]].start]
            if (
                re.fullmatch(r"\s*(?:to\s+|in\s+)?(?:the\s+)?", gap)
                and ctx.ms[after[0]].kind not in _NAMED_KINDS
            ):
                spot = [after[0]]
        spot = spot or _first_with_role(ctx, after, ["venue"], literal=True)[:1]
        i = _near_before(ctx, t0, max_words=1)
        actor = ctx.ms[i].place if i is not None and ctx.ms[i].kind in _NAMED_KINDS else None
        if (
            not spot
            and i is not None
            and ctx.ms[i].kind not in _NAMED_KINDS
            and not ctx.possessive(i)
        ):
            spot = [i]
        if not spot and trig.name == "embassy":
            spot = [j for j, m in enumerate(ctx.ms) if m.place.kind == PlaceKind.CITY][:1]
        for j in spot:
            place = ctx.ms[j].place
            old = venues.get(place.key)
            if old is None or trig.rank < old[1].rank:
                venues[place.key] = (place, trig, actor or (old[2] if old else None))
    out = []
    best = min(
        (t for _, t in found if t.name in ("talks", "summit")), key=lambda t: t.rank, default=None
    )
    for place, trig, actor in venues.values():
        if trig.name == "visit" and best is not None:
            trig = best
        if trig.name == "embassy":
            label = f"{ctx.adjective(actor) + ' ' if actor else ''}{_trigger_word(trig)} in {place.name}"
        elif trig.name == "visit":
            label = f"Visit to {place.name}"
        else:
            label = f"{trig.label or trig.name.capitalize()} in {place.name}"
        out.append(
            _Draft(
                Layer.DIPLOMACY,
                label,
                (place,),
                ctx.sent,
                "point",
                actors=(actor,) if actor and actor.key != place.key else (),
            )
        )
    return out


def _trigger_word(trig: _Trigger) -> str:
    return trig.label or trig.name.capitalize()


_RULES = {
    Layer.BORDERS: _borders,
    Layer.MILITARY_DRILLS: _drills,
    Layer.MILITARY_PRESENCE: _presence,
    Layer.INFLUENCE: _influence,
    Layer.CONFLICT: _conflict,
}


def _triggers(ctx: _Ctx, layer: Layer) -> list[tuple[re.Match, _Trigger]]:
    hits = [
        (hit, trig)
        for trig in ctx.lex.triggers.get(layer, ())
        for hit in trig.regex.finditer(ctx.text, ctx.sent.start, ctx.sent.end)
    ]
    if not hits:
        return []
    excl = ctx.lex.exclude.get(layer)
    banned = (
        [m.span() for m in excl.finditer(ctx.text, ctx.sent.start, ctx.sent.end)] if excl else []
    )
    found = []
    for hit, trig in hits:
        if any(x < hit.end() and hit.start() < y for x, y in banned):
            continue
        if any(h.start() < hit.end() and hit.start() < h.end() for h, _ in found):
            continue
        found.append((hit, trig))
    return sorted(found, key=lambda f: f[0].start())
