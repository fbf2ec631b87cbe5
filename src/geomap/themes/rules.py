"""Rule families behind :mod:`geomap.themes`: one function per layer over a sentence.

The public surface is :func:`sentence_facts`; each rule gets a
:class:`~geomap.themes.context.Context` and a trigger hit and returns draft facts. The
rules only know syntax (subjects, possessives, coordination, prepositions); the words
are in the lexicon.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from geomap.models import Layer, MentionKind, Place, PlaceKind
from geomap.themes.context import (
    AREA_KINDS,
    ITS,
    Context,
    Draft,
    names,
    possessive,
    shape_of,
    unique,
)
from geomap.themes.events import conflict, diplomacy, routes
from geomap.themes.frames import FRAME_LAYERS, frame_facts
from geomap.themes.lexicon import LAYER_ORDER, Trigger

logger = logging.getLogger(__name__)

__all__ = ["sentence_facts"]

_COMPASS = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")
_REFINE = re.compile(r"^\s*,?\s*(near|outside|close to|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
_SIDE = re.compile(r"^\s*(?:with|between|of|to|from)\s+(?:the\s+)?$", re.IGNORECASE)


def sentence_facts(ctx: Context) -> list[Draft]:
    """All draft facts one sentence states, layer by layer.

    Parameters
    ----------
    ctx : Context
        The sentence, its resolved mentions and the compiled lexicon.

    Returns
    -------
    list of Draft
        In layer order; several drafts may later merge into one fact.
    """
    drafts: list[Draft] = []
    for layer in LAYER_ORDER:
        found = _triggers(ctx, layer)
        if not found and layer == Layer.TRAFFICKING_ROUTES and ctx.follows_route:
            # "Shipments leaving Brazil are then carried via Mali to Libya" goes on with
            # the route of the sentence before, without naming the cargo again
            verbs = ctx.lex.route_verbs
            found = bool(verbs and verbs.search(ctx.text, ctx.sent.start, ctx.sent.end))
        if not found:
            continue
        if layer == Layer.TRAFFICKING_ROUTES:
            drafts += routes(ctx)
        elif layer == Layer.DIPLOMACY:
            drafts += diplomacy(ctx, found)
        else:
            layer_drafts = [d for hit, trig in found for d in _RULES[layer](ctx, hit, trig)]
            drafts += (
                _most_specific(layer_drafts) if layer == Layer.MILITARY_PRESENCE else layer_drafts
            )
    found_layers = {d.layer for d in drafts}
    for layer in FRAME_LAYERS:
        if layer not in found_layers:
            drafts += frame_facts(ctx, layer)
        elif layer is Layer.DIPLOMACY:
            drafts = _widen(drafts, frame_facts(ctx, layer))
        elif layer is Layer.CONFLICT:
            drafts += _elsewhere(drafts, frame_facts(ctx, layer))
    return drafts


def _elsewhere(drafts: list[Draft], framed: list[Draft]) -> list[Draft]:
    """The frames' conflict drafts at places the capture drafts of the same sentence do
    not name: "massacres ... in West Darfur's El-Geneina, and the RSF's capture of four
    Darfur state capitals" is two events, at two sets of places."""
    named = {p.key for d in drafts if d.layer is Layer.CONFLICT for p in d.places}
    return [f for f in framed if not {p.key for p in f.places} <= named]


def _widen(drafts: list[Draft], framed: list[Draft]) -> list[Draft]:
    """A venue-only diplomacy draft ("Meeting in Brazil") yields to the frame of the same
    sentence when the frame also names the states that take part."""
    if not framed:
        return drafts
    wide = {p.key for p in (*framed[0].places, *framed[0].actors)}
    out = []
    for d in drafts:
        keys = {p.key for p in (*d.places, *d.actors)}
        if d.layer is Layer.DIPLOMACY and keys < wide:
            out.append(replace(framed[0], label=d.label, actors=d.actors))
        else:
            out.append(d)
    return out


def _most_specific(drafts: list[Draft]) -> list[Draft]:
    """Drop "the largest US deployment in Europe" beside "US troops based in Poland"."""
    broad = {PlaceKind.CONTINENT, PlaceKind.REGION}
    out = []
    for d in drafts:
        vague = all(p.kind in broad for p in d.places)
        if vague and any(
            o is not d and o.actors == d.actors and not all(p.kind in broad for p in o.places)
            for o in drafts
        ):
            continue
        out.append(d)
    return out


def _triggers(ctx: Context, layer: Layer) -> list[tuple[re.Match, Trigger]]:
    """Trigger hits of a layer in the sentence, minus excluded and overlapping ones."""
    lo, hi = ctx.sent.start, ctx.sent.end
    hits = [
        (hit, trig)
        for trig in ctx.lex.triggers.get(layer, ())
        for hit in trig.regex.finditer(ctx.text, lo, hi)
    ]
    if not hits:
        return []
    excl = ctx.lex.exclude.get(layer)
    banned = [m.span() for m in excl.finditer(ctx.text, lo, hi)] if excl else []
    found: list[tuple[re.Match, Trigger]] = []
    for hit, trig in hits:
        if any(x < hit.end() and hit.start() < y for x, y in banned):
            continue
        if any(h.start() < hit.end() and hit.start() < h.end() for h, _ in found):
            continue
        found.append((hit, trig))
    return sorted(found, key=lambda f: f[0].start())


# --- borders -------------------------------------------------------------------------
def _borders(ctx: Context, hit: re.Match, trig: Trigger) -> list[Draft]:
    t0, t1 = hit.span()
    lead = ctx.text[max(ctx.sent.start, t0 - 30) : t0].lower()
    direction = next((w for w in re.findall(r"[a-z-]+", lead)[-3:] if w in ctx.lex.directions), "")
    base: list[int] = []  # "Afghanistan's", "the Afghan", "the Serbia-Hungary"
    i = ctx.near_before(t0)
    if i is not None:
        base = ctx.chain_back(i)
    elif ITS.search(lead):
        base = ctx.subject(t0)
    others: list[int] = []  # "with Uzbekistan, Tajikistan and Turkmenistan", "between A and B"
    after = ctx.after(t1, 60)
    if after and _SIDE.fullmatch(ctx.text[t1 : ctx.ms[after[0]].start]):
        others = ctx.chain(after[0])
    sides = _unique_countries(ctx, base + others)
    if others and not base and len(sides) == 1:
        # "guard the border with Tajikistan": the other side is where the sentence is
        side = _other_side(ctx, t0, sides[0])
        sides = (side, *sides) if side else sides
    qualifier = ""
    if direction and base and len(_unique_countries(ctx, base)) == 1:
        home = _unique_countries(ctx, base)[0]
        qualifier = _COMPASS[round(ctx.lex.directions[direction] / 45) % 8]
        # an explicit "with X, Y and Z" list wins over the neighbours found by direction
        neighbours = tuple(p for p in sides if p.key != home.key) or _toward(ctx, home, qualifier)
        if not neighbours:
            return []
        plural = "s" if hit.group(0).lower().endswith("s") or len(neighbours) > 1 else ""
        label = f"{possessive(home.name)} {direction} border{plural}"
        sides = (home, *neighbours)
    elif len(sides) >= 2:
        label = "–".join(p.name for p in sides) + " border"
    else:
        return []
    codes = {p.country_code for p in sides}
    locators = unique(
        m.place
        for m in ctx.ms
        if m.place.kind == PlaceKind.ADMIN1 and m.place.country_code in codes
    )
    return [Draft(Layer.BORDERS, label, sides + locators, ctx.sent, "border", qualifier=qualifier)]


def _unique_countries(ctx: Context, idx: list[int]) -> tuple[Place, ...]:
    return unique(ctx.ms[j].place for j in idx if ctx.ms[j].place.kind == PlaceKind.COUNTRY)


def _other_side(ctx: Context, t0: int, side: Place) -> Place | None:
    """The country a sentence is set in, other than ``side``: its nearest earlier place."""
    for j in ctx.before(t0):
        place = ctx.ms[j].place
        if place.country_code and place.country_code != side.country_code:
            if place.kind == PlaceKind.COUNTRY:
                return place
            if place.kind in (PlaceKind.ADMIN1, PlaceKind.CITY):
                return ctx.country(place.country_code)
    return None


def _toward(ctx: Context, base: Place, word: str) -> tuple[Place, ...]:
    """Neighbours of a country lying toward a compass direction (from real polygons)."""
    from geomap.countries import borders_toward

    try:
        codes = borders_toward(base.country_code or "", word)
    except ValueError:
        return ()
    return unique(ctx.country(c) for c in codes)


# --- military drills -----------------------------------------------------------------
def _drills(ctx: Context, hit: re.Match, trig: Trigger) -> list[Draft]:
    t0, t1 = hit.span()
    groups: dict[str, list[int]] = {"partner": [], "agent": [], "location": []}
    idx = _drill_window(ctx, t1)
    k = 0
    while k < len(idx):
        i = idx[k]
        role = ctx.role(i, ["partner", "agent", "location"])
        group = groups.get(role or "")
        literal_place = not (ctx.named(i) and role == "location")
        if group is not None and not group and not ctx.possessive(i) and literal_place:
            group += ctx.chain(i)
            k += len(ctx.chain(i))
            continue
        k += 1
    partners, agents, locs = groups["partner"], groups["agent"], groups["location"]
    subjects: list[int] = []
    for i in ctx.before(t0):
        if ctx.is_masked(i) or i in subjects:
            continue
        if ctx.role(i, ["location"]) and not ctx.possessive(i) and not ctx.named(i):
            # "NATO troops in Estonia held drills"; "In Georgetown, British and Guyanese
            # soldiers held drills": a fronted place is where they were
            if not subjects or _fronted(ctx, i, t0):
                locs = locs or ctx.chain_back(i)
            if subjects:
                break
            continue
        if subjects or ctx.role(i, ["partner", "agent"]):
            continue
        subjects = ctx.chain_back(i)
    # "the manoeuvres" refers back to drills already placed
    anaphora = re.search(r"\bthe\s+(?:[a-z-]+\s+)?$", ctx.text[ctx.sent.start : t0], re.I)
    if anaphora and not locs and ctx.last_drills is not None:
        # "The drills, held with Russian and Chinese warships": more actors of those drills
        earlier = ctx.last_drills
        joined = unique((*earlier.actors, *ctx.places(partners or agents or subjects)))
        return [replace(earlier, sentence=ctx.sent, actors=joined)]
    if not (locs or partners or agents) and (anaphora or any(ctx.named(i) for i in subjects)):
        return []  # nothing new is placed; a subject needs a name
    # "Seoul's joint exercise with Washington": the capitals stand for their states
    actors = ctx.states(agents or subjects)
    hosts = ctx.places(locs) or ctx.states(partners) or actors
    if not hosts:
        return []
    others = unique(p for p in (*actors, *ctx.states(partners)) if p not in hosts)
    word = hit.group(0).lower()
    lead = ctx.text[max(ctx.sent.start, t0 - 12) : t1].lower()
    kind = next((v for k, v in ctx.lex.drill_kinds.items() if k in word), "")
    joint = "joint" in lead or len(actors) + len(partners) > 1
    kind = kind or ("Joint drills" if joint else "Drills")
    if locs:
        label = (
            f"{kind}: {names(others)} in {names(hosts)}" if others else f"{kind} in {names(hosts)}"
        )
    elif partners and others:
        label = f"{kind}: {names(others)} with {names(hosts)}"
    else:
        label = f"{kind}: {names(hosts)}"
    return [Draft(Layer.MILITARY_DRILLS, label, hosts, ctx.sent, shape_of(hosts), actors=others)]


def _drill_window(ctx: Context, t1: int) -> list[int]:
    """Mentions after a drills trigger that can say where they are held.

    A relative clause right after the trigger is skipped ("The drills, which will last
    five days, involve ... off Hainan"); an infinitive ends the window ("using the
    exercises to extend its influence across Southeast Asia").
    """
    rel = re.match(r",\s+(?:which|who|that)\b[^,]*,", ctx.text[t1 : ctx.sent.end])
    start = t1 + rel.end() if rel else t1
    idx = ctx.after(start)
    verb = re.compile(r"\bto\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+\b")
    stop = verb.search(ctx.text, start, ctx.sent.end)
    return [i for i in idx if stop is None or ctx.ms[i].start < stop.start()]


def _fronted(ctx: Context, i: int, t0: int) -> bool:
    """Whether mention i sits in a sentence-opening phrase closed by a comma before t0."""
    head = ctx.text[ctx.sent.start : ctx.ms[i].start]
    return "," not in head and "," in ctx.text[ctx.ms[i].end : t0]


# --- military presence ---------------------------------------------------------------
def _presence(ctx: Context, hit: re.Match, trig: Trigger) -> list[Draft]:
    t0, t1 = hit.span()
    withdrawal = trig.name == "withdrawal"
    roles = {"withdrawal": ["withdrawal"], "deploy": ["location", "deployment"]}
    hosts = ctx.first_with_role(ctx.after(t1), roles.get(trig.name, ["location"]), literal=True)
    if not hosts and not withdrawal:
        near = [i for i in ctx.before(t0) if ctx.text[ctx.ms[i].end : t0].count(",") <= 1]
        hosts = ctx.first_with_role(near[:3], ["location"], literal=True)
    if not hosts:
        return []
    host_places = ctx.places(hosts)
    where = names(host_places)
    # "in Tajikistan, near Dushanbe": a closer place refines the first
    nxt = hosts[-1] + 1
    if nxt < len(ctx.ms) and ctx.ms[nxt].place.key not in {p.key for p in host_places}:
        refine = _REFINE.match(ctx.gap(nxt))
        codes = {p.country_code for p in host_places}
        if refine and ctx.ms[nxt].place.country_code in codes and not ctx.named(nxt):
            host_places = (*host_places, ctx.ms[nxt].place)
            where += f", {refine.group(1).lower()} {ctx.ms[nxt].place.name}"
    keys = {p.key for p in host_places}
    actor = None
    for i in ctx.before(t0):
        if ctx.ms[i].place.key in keys or ctx.role(i, ["location", "withdrawal", "deployment"]):
            continue
        actor = ctx.ms[i].place
        break
    w0 = max(ctx.sent.start, t0 - 60)
    units = list(ctx.lex.units.finditer(ctx.text, w0, t1)) if ctx.lex.units else []
    if not units and ctx.lex.units:
        # "deployed armoured vehicles to Roraima", "the withdrawal of its last troops": the
        # unit follows the trigger
        late = ctx.lex.units.search(ctx.text, t1, min(ctx.sent.end, t1 + 40))
        if late and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}", ctx.text[t1 : late.start()]):
            units = [late]
    if not units:
        return []  # "who is based in London": no troops, no military presence
    unit = units[-1].group(0).lower()
    # an organisation only counts when it names the unit ("Wagner mercenaries stationed")
    head = units[-1].start()
    org = ctx.org(max(ctx.sent.start, head - 25), head)
    if actor is None and not org:
        return []
    who = ctx.adjective(actor) if actor else org
    label = f"{who} {unit} {'withdrawn from' if withdrawal else 'in'} {where}"
    return [
        Draft(
            Layer.MILITARY_PRESENCE,
            label,
            host_places,
            ctx.sent,
            "point",
            actors=(actor,) if actor else (),
            qualifier="withdrawal" if withdrawal else "",
        )
    ]


# --- influence -----------------------------------------------------------------------
_CONTEST = re.compile(r"\b(?:compet(?:es|ed|ing)|vy(?:ing)|vied|jostl(?:es|ed|ing))\s+with\b", re.I)


def _influence(ctx: Context, hit: re.Match, trig: Trigger) -> list[Draft]:
    t0, t1 = hit.span()
    actor = ctx.owner(t0)
    after = ctx.after(t1)
    rivals = ctx.places(ctx.first_with_role(after, ["rival"]))
    rivals = unique((*rivals, *_gainers(ctx, t1)))
    contest = _CONTEST.search(ctx.text, ctx.sent.start, t0)
    if actor is None and contest:
        # "The European Union is competing with Russia and China for influence in ..."
        subject = ctx.before(contest.start())
        actor = ctx.ms[subject[0]].place if subject else None
        between = [i for i, m in enumerate(ctx.ms) if contest.end() <= m.start < t0]
        rivals = unique((*ctx.places(between), *rivals))
    if actor is None and not contest:
        # "China has long sought to wield greater influence in the Pacific"
        subject = [i for i in ctx.subject(t0) if ctx.ms[i].kind is not MentionKind.ADJECTIVE]
        actor = ctx.ms[subject[0]].place if subject else None
    if actor is not None and actor.kind is PlaceKind.CITY:
        actor = ctx.country(actor.country_code) or actor  # "Beijing's influence"
    zone = ctx.places(ctx.first_with_role(after, ["location"]))
    banned = {p.key for p in rivals} | ({actor.key} if actor else set())
    if actor is not None and actor.country_code:  # nor the power's own towns
        banned |= {m.place.key for m in ctx.ms if m.place.country_code == actor.country_code}
    zone = tuple(p for p in zone if p.key not in banned)
    if not zone:
        rest = [m.place for m in ctx.ms if m.place.key not in banned and m.place.kind in AREA_KINDS]
        regional = [p for p in rest if p.kind in (PlaceKind.REGION, PlaceKind.CONTINENT)]
        zone = unique((regional or rest)[:1])
    if not zone:
        return []
    who = f"{possessive(actor.name)} influence" if actor else "Influence"
    return [
        Draft(
            Layer.INFLUENCE,
            f"{who}: {names(zone)}",
            zone,
            ctx.sent,
            "zone",
            actors=(actor,) if actor else (),
            rivals=rivals,
        )
    ]


def _gainers(ctx: Context, pos: int) -> tuple[Place, ...]:
    """Rivals named as gaining ground: "where China has been making inroads"."""
    gain = ctx.lex.rival_phrases
    if gain is None:
        return ()
    out = []
    for i in (j for j, m in enumerate(ctx.ms) if m.start >= pos):
        hit = gain.search(ctx.text, ctx.ms[i].end, min(ctx.sent.end, ctx.ms[i].end + 40))
        if hit and not ctx.named(i) and "," not in ctx.text[ctx.ms[i].end : hit.start()]:
            out.append(ctx.ms[i].place)
    return unique(out)


_RULES = {
    Layer.BORDERS: _borders,
    Layer.MILITARY_DRILLS: _drills,
    Layer.MILITARY_PRESENCE: _presence,
    Layer.INFLUENCE: _influence,
    Layer.CONFLICT: conflict,
}
