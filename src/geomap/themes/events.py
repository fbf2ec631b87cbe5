"""Rule families for the event-like layers: trafficking routes, conflict and diplomacy.

Split from ``themes/rules.py`` (the layers about places and forces) to keep modules
short; like those rules they know only syntax, the words are in the lexicon.
"""

from __future__ import annotations

import re

from geomap.models import Layer, Place, PlaceKind
from geomap.themes.context import (
    POSSESSIVE,
    Context,
    Draft,
    names,
    possessive,
    unique,
)
from geomap.themes.frames import load_frames
from geomap.themes.lexicon import Trigger, alternation

__all__ = ["conflict", "diplomacy", "routes"]


# --- trafficking routes --------------------------------------------------------------
def routes(ctx: Context) -> list[Draft]:
    """A route from the origin/transit/destination roles of the sentence's places.

    Parameters
    ----------
    ctx : Context
        A sentence with a trafficking trigger (or continuing the route before it).

    Returns
    -------
    list of Draft
        One route of at least two places, or nothing.
    """
    lex = ctx.lex
    commodity = (
        alternation([rx.pattern for rx, _ in lex.commodities if rx]) if lex.commodities else None
    )
    route: list[Place] = []
    pending: tuple[Place, int] | None = None  # a destination that later transit may precede
    for i, m in enumerate(ctx.ms):
        if _ROLE_COMPOUND.match(ctx.text, m.end):
            continue  # "the Bahrain-based Fifth Fleet", "Iran-backed militias": not a stop
        glued = (
            ctx.text[m.end : m.end + 1] == " "
            and commodity
            and commodity.match(ctx.text, m.end + 1)
        )
        if (lex.origin_suffix and lex.origin_suffix.match(ctx.text, m.end)) or (
            ctx.named(i) and glued
        ):
            role = "origin"  # "Afghan-produced heroin", "Colombian cocaine"
        elif ctx.named(i) and _names_route(ctx, i):
            continue
        else:
            role = ctx.role(i, ["origin", "transit", "destination"])
        if role is None:
            continue
        if pending and (role != "transit" or lex.sequence.search(ctx.text, pending[1], m.start)):
            route.append(pending[0])
            pending = None
        if role == "destination":
            pending = (m.place, m.end)
        else:
            route.append(m.place)
    if pending:
        route.append(pending[0])
    route = list(unique(route))
    if len(route) == 1:
        # "the Jordanian army foiled an attempt to smuggle tablets from Syria": goods seized
        # by one state's forces on their way from another come into the first
        seizer = {
            ctx.ms[i].place.key: ctx.ms[i].place
            for i in range(len(ctx.ms))
            if ctx.named(i) and ctx.ms[i].place.kind is PlaceKind.COUNTRY
        }
        seizer.pop(route[0].key, None)
        armed = load_frames()[Layer.CONFLICT].context
        if len(seizer) == 1 and armed is not None and armed.search(ctx.sent.text):
            route.append(next(iter(seizer.values())))
    if len(route) < 2:
        return []
    what = next((v for rx, v in lex.commodities if rx and rx.search(ctx.sent.text)), "Smuggling")
    label = f"{what} route: " + " → ".join(p.name for p in route)
    return [Draft(Layer.TRAFFICKING_ROUTES, label, tuple(route), ctx.sent, "route")]


def _names_route(ctx: Context, i: int) -> bool:
    """ "via the Balkan corridor": the adjective names the route, it is not a stop on it."""
    end = ctx.ms[i].end
    return any(
        hit.start() - end <= 1
        for hit in ctx.lex.triggers_of(Layer.TRAFFICKING_ROUTES, ctx.text, end, end + 30)
    )


# --- conflict ------------------------------------------------------------------------
def conflict(ctx: Context, hit: re.Match, trig: Trigger) -> list[Draft]:
    """A capture or takeover ("captured Kabul", "the fall of Kabul") at the places it names.

    The lexicon's conflict triggers are captures only; fighting, attacks and the rest are
    read by the event frames (:mod:`geomap.themes.frames`).

    Parameters
    ----------
    ctx : Context
        The sentence.
    hit, trig : re.Match, Trigger
        The trigger match and its lexicon entry.

    Returns
    -------
    list of Draft
        At most one conflict draft.
    """
    return _capture(ctx, hit)


def _capture(ctx: Context, hit: re.Match) -> list[Draft]:
    """ "captured Kabul", "the fall of Kabul", "Kabul fell", "Kabul was seized"."""
    t0, t1 = hit.span()
    org = ctx.org()
    armed = load_frames()[Layer.CONFLICT].context
    if not org and armed is not None and not armed.search(ctx.text, ctx.sent.start, ctx.sent.end):
        return []  # "the inmates were captured in Chattanooga": no armed group, no conflict
    places: tuple[Place, ...] = ()
    after = ctx.after(t1, 40)
    if after and re.fullmatch(
        r"\s*(?:of\s+)?(?:(?:the|[a-z]+)\s+){0,3}(?:of\s+)?", ctx.text[t1 : ctx.ms[after[0]].start]
    ):
        first = after[0]
        if ctx.possessive(first):
            return []  # "overran Afghanistan's northern borders": not the country itself
        # "the Yemeni capital, Sanaa": the town itself, not the adjective before it
        apposed = len(after) > 1 and re.fullmatch(
            r"\s+[a-z]+(?:\s+[a-z]+)?,?\s+", ctx.text[ctx.ms[first].end : ctx.ms[after[1]].start]
        )
        if ctx.named(first) and apposed and not ctx.named(after[1]):
            first = after[1]
        places = ctx.places(ctx.chain(first))
    # "Kabul fell", "Kabul's fall"; not "prices in Russia fell"
    before = ctx.before(t0)[:1]
    if not places and before and not ctx.named(before[0]):
        i = before[0]
        gap = POSSESSIVE.sub("", ctx.text[ctx.ms[i].end : t0])
        plain = re.fullmatch(r"\s*(?:(?:was|were|has|had|been|finally|quickly|soon)\s+)*", gap)
        governed = re.search(
            r"\b(?:in|at|on|from|to|into|near|through|via|for)\s+(?:the\s+)?$", ctx.gap(i)
        )
        if plain and not governed:
            places = (ctx.ms[i].place,)
    if not places:
        return []
    # the label names the event with the sentence's own word ("fell" -> "Fall of Kabul")
    said = " ".join(hit.group(0).lower().split())
    noun = _CAPTURE_NOUNS.get(said, said)
    who = f"{org} " if org and noun != "fall" else ""
    text = f"{who}{noun} {'into' if noun == 'entry' else 'of'} {names(places)}"
    label = text[:1].upper() + text[1:]
    return [Draft(Layer.CONFLICT, label, places, ctx.sent, "point")]


_MEETING_NOUNS = {
    "meet": "meeting",
    "meets": "meeting",
    "met": "meeting",
    "meeting": "meeting",
    "conference": "conference",
    "peace conference": "peace conference",
    "ministerial": "ministerial",
    "summit": "summit",
    "summits": "summit",
}
_ROLE_COMPOUND = re.compile(r"-(?:based|backed|led|supported|sponsored)\b")
_CAPTURE_NOUNS = {
    "fell": "fall",
    "fallen": "fall",
    "captured": "capture",
    "capturing": "capture",
    "seized": "seizure",
    "seizing": "seizure",
    "overran": "overrun",
    "overrunning": "overrun",
    "took control of": "control",
    "taken control of": "control",
    "stormed": "storming",
    "occupied": "occupation",
    "annexed": "annexation",
    "entered": "entry",
    "marched into": "entry",
    "swept into": "entry",
    "rolled into": "entry",
    "take-over": "takeover",
}


# --- diplomacy -----------------------------------------------------------------------
def diplomacy(ctx: Context, found: list[tuple[re.Match, Trigger]]) -> list[Draft]:
    """One diplomacy draft per venue, labelled by the strongest trigger of the sentence.

    Parameters
    ----------
    ctx : Context
        The sentence.
    found : list of (re.Match, Trigger)
        All diplomacy trigger hits of the sentence.

    Returns
    -------
    list of Draft
        One draft per venue (a city, or the country an envoy is sent to).
    """
    venues: dict[str, tuple[Place, Trigger, Place | None, str]] = {}
    # "Busan will host the championships", "the COAS met the victim's father": a visit
    # or a meeting is diplomatic only with a diplomatic actor or a stronger diplomacy word
    diplomatic = (
        any(not _weak(hit, t) for hit, t in found)
        or bool(ctx.org())
        or bool(
            ctx.lex.diplomats and ctx.lex.diplomats.search(ctx.text, ctx.sent.start, ctx.sent.end)
        )
    )
    for hit, trig in found:
        if _weak(hit, trig) and not diplomatic:
            continue
        t0, t1 = hit.span()
        spot: list[int] = []
        after = ctx.after(t1, 60)
        first_gap = ctx.text[t1 : ctx.ms[after[0]].start] if after else ""
        if trig.name in ("visit", "envoy") and after and not ctx.named(after[0]):
            # "visited Moscow", "a trip to Ankara", "ambassador to Japan"
            pattern = (
                r"\s*(?:to\s+|in\s+)?(?:the\s+)?"
                if trig.name == "visit"
                else r"\s+to\s+(?:the\s+)?"
            )
            if re.fullmatch(pattern, first_gap):
                spot = [after[0]]
        spot = spot or ctx.first_with_role(after, ["venue"], literal=True)[:1]
        i = ctx.near_before(t0, max_words=1)
        actor = ctx.owner(t0, max_words=1) if trig.name in ("embassy", "envoy") else None
        if actor is None and i is not None and ctx.named(i):
            actor = ctx.ms[i].place
        if (
            not spot
            and i is not None
            and ctx.ms[i].place.kind == PlaceKind.CITY
            and not ctx.named(i)
            and not ctx.possessive(i)
        ):
            spot = [i]  # "the Vienna talks"
        if not spot and trig.name == "embassy":
            spot = [j for j, m in enumerate(ctx.ms) if m.place.kind == PlaceKind.CITY][:1]
        for j in spot:
            place = ctx.ms[j].place
            old = venues.get(place.key)
            if old is None or trig.rank < old[1].rank:
                owner = actor or (old[2] if old else None)
                venues[place.key] = (place, trig, owner, hit.group(0).lower())
    best = min(
        (t for _, t in found if t.name in ("talks", "summit")), key=lambda t: t.rank, default=None
    )
    out = []
    for place, trig, actor, said in venues.values():
        if trig.name == "visit" and best is not None:
            trig = best
        # the sentence's own word: "agreed to meet again in Brazil" is a meeting, not a summit
        word = trig.label or trig.name.capitalize()
        if trig.name == "summit" and said in _MEETING_NOUNS:
            word = _MEETING_NOUNS[said].capitalize()
        owner = actor if actor and actor.key != place.key else None
        if trig.name == "embassy" and owner:
            label = f"{_adjective_or_possessive(ctx, owner)} {word} in {place.name}"
        elif trig.name == "envoy":
            who = f"{_adjective_or_possessive(ctx, owner)} {said}" if owner else said.capitalize()
            label = f"{who} to {place.name}"
        elif trig.name == "visit":
            label = f"Visit to {place.name}"
        else:
            label = f"{word} in {place.name}"
        actors = (owner,) if owner else ()
        out.append(Draft(Layer.DIPLOMACY, label, (place,), ctx.sent, "point", actors=actors))
    return out


def _weak(hit: re.Match, trig: Trigger) -> bool:
    """Trigger words that are diplomatic only in diplomatic company: visits, agreements,
    and meetings or conferences (but not "summit")."""
    if trig.name in ("visit", "agreement"):
        return True  # "the agreement resolved a 2012 suit": an agreement between parties
    return trig.name == "summit" and not hit.group(0).lower().startswith("summit")


def _adjective_or_possessive(ctx: Context, place: Place) -> str:
    adjective = ctx.adjectives.get(place.key)
    return adjective or possessive(place.name)
