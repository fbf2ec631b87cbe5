"""One sentence seen by the theme rules: its place mentions and small syntax helpers.

The helpers know only syntax (possessives, coordination "A, B and C", the role word in
front of a mention, clause ends); the words behind them come from the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from geomap.models import Layer, Mention, MentionKind, Place, PlaceKind, Sentence
from geomap.themes.lexicon import Lexicon

__all__ = [
    "AREA_KINDS",
    "ITS",
    "NAMED_KINDS",
    "POSSESSIVE",
    "Context",
    "Draft",
    "names",
    "shape_of",
    "unique",
]

AREA_KINDS = {
    PlaceKind.COUNTRY,
    PlaceKind.REGION,
    PlaceKind.CONTINENT,
    PlaceKind.HISTORICAL,
    PlaceKind.FEATURE,
}
# "Russian", "Afghans": they name a country's people or things, not a location
NAMED_KINDS = {MentionKind.ADJECTIVE, MentionKind.DEMONYM}
COORD = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|[-–/]\s*|as well as\s+)(?:the\s+)?$"
)


def possessive(name: str) -> str:
    """English possessive of a name: "Russia's", "the United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)(?!\w)")
# dashes and brackets hold asides ("Russia — which has a base in X — held drills")
ITS = re.compile(r"\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
PAREN = re.compile(r"\s[—–]\s.*?\s[—–]\s|\([^)]*\)")


@dataclass
class Draft:
    """A fact found in one sentence, before facts stating the same thing are merged."""

    layer: Layer
    label: str
    places: tuple[Place, ...]
    sentence: Sentence
    shape: str
    actors: tuple[Place, ...] = ()
    rivals: tuple[Place, ...] = ()
    qualifier: str = ""


@dataclass
class Context:
    """A sentence, its resolved mentions (in text order) and document-level knowledge."""

    text: str
    sent: Sentence
    ms: list[Mention]
    lex: Lexicon
    adjectives: dict[str, str]
    doc_places: dict[str, Place]
    lookup: Callable[[str], Place | None] | None = None  # country code -> Place
    follows_route: bool = False  # the previous sentence stated a trafficking route
    last_drills: Draft | None = None  # the latest drills stated earlier in the article
    carried: bool = False  # the mentions are the previous sentence's (this one has none)
    tokens: list | None = None  # the sentence's dependency parse, made when first needed
    masked: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.masked = [
            (self.sent.start + a.start(), self.sent.start + a.end())
            for a in PAREN.finditer(self.sent.text)
        ]

    @cached_property
    def says_drills(self) -> bool:
        """The sentence names an exercise: its attacks are simulated and its forces sent
        for it (asked once per sentence by the conflict, presence and border frames)."""
        triggers = self.lex.triggers.get(Layer.MILITARY_DRILLS, ())
        return any(t.regex.search(self.text, self.sent.start, self.sent.end) for t in triggers)

    def gap(self, i: int) -> str:
        """Text between mention i-1 (or the sentence start) and mention i."""
        lo = self.ms[i - 1].end if i > 0 else self.sent.start
        return self.text[lo : self.ms[i].start]

    def role(self, i: int, roles: Sequence[str]) -> str | None:
        """The role word governing mention i, inherited through "A and B" coordination."""
        while i >= 0:
            window = self.gap(i)[-80:]
            best, at = None, -1
            for name in roles:
                hit = self.lex.roles.get(name) and self.lex.roles[name].search(window)
                if hit and hit.start() > at:
                    best, at = name, hit.start()
            if best or i == 0 or not self.coordinated(i):
                return best
            i -= 1
        return None

    def coordinated(self, i: int) -> bool:
        """Whether mention i is coordinated with mention i-1 ("Serbia and Hungary").

        Both must be names of the same sort: in "In Georgetown, British and Guyanese
        soldiers" the comma ends a fronted phrase, it does not list Georgetown with them.
        """
        return i > 0 and self.named(i) == self.named(i - 1) and bool(COORD.match(self.gap(i)))

    def chain(self, i: int) -> list[int]:
        """Mention i and the mentions coordinated after it ("Serbia and Hungary")."""
        out = [i]
        while out[-1] + 1 < len(self.ms) and self.coordinated(out[-1] + 1):
            out.append(out[-1] + 1)
        return out

    def chain_back(self, i: int) -> list[int]:
        """Mention i and the mentions coordinated before it."""
        out = [i]
        while out[0] > 0 and self.coordinated(out[0]):
            out.insert(0, out[0] - 1)
        return out

    def possessive(self, i: int) -> bool:
        return bool(POSSESSIVE.match(self.text[self.ms[i].end : self.ms[i].end + 3]))

    def named(self, i: int) -> bool:
        return self.ms[i].kind in NAMED_KINDS

    def is_masked(self, i: int) -> bool:
        return any(a <= self.ms[i].start < b for a, b in self.masked)

    def clause_end(self, pos: int, limit: int = 90) -> int:
        hit = self.lex.clause_break.search(self.text, pos, min(self.sent.end, pos + limit))
        return hit.start() if hit else min(self.sent.end, pos + limit)

    def after(self, pos: int, limit: int = 90) -> list[int]:
        """Mentions from pos to the end of its clause."""
        end = self.clause_end(pos, limit)
        return [i for i, m in enumerate(self.ms) if pos <= m.start < end]

    def before(self, pos: int) -> list[int]:
        """Mentions before pos, nearest first."""
        return [i for i in range(len(self.ms) - 1, -1, -1) if self.ms[i].end <= pos]

    def places(self, idx: Iterable[int]) -> tuple[Place, ...]:
        return unique(self.ms[i].place for i in idx)

    def states(self, idx: Iterable[int]) -> tuple[Place, ...]:
        """Places of mentions, with a capital standing for its government (a metonym,
        "Seoul's exercise") replaced by its country."""
        out = []
        for i in idx:
            m = self.ms[i]
            place = m.place
            stands_for = m.kind is MentionKind.METONYM or self.possessive(i)
            if stands_for and place.kind is PlaceKind.CITY:
                place = self.country(place.country_code) or place
            out.append(place)
        return unique(out)

    def country(self, code: str | None) -> Place | None:
        """The country with ISO code ``code``: the document's own entry, else the
        gazetteer's (None when neither has it)."""
        if not code:
            return None
        if code in self.doc_places:
            return self.doc_places[code]
        return self.lookup(code) if self.lookup is not None else None

    def org(self, lo: int | None = None, hi: int | None = None) -> str:
        """The first organisation (the Taliban, NATO) named between lo and hi."""
        lo = self.sent.start if lo is None else lo
        hi = self.sent.end if hi is None else hi
        for regex in self.lex.orgs:
            hit = regex and regex.search(self.text, lo, hi)
            if hit:
                return hit.group(0)
        return ""

    def adjective(self, place: Place) -> str:
        """The article's own adjective for a place ("Russian"), else "Brazil's"."""
        return self.adjectives.get(place.key) or possessive(place.name)

    def near_before(self, pos: int, max_words: int = 3) -> int | None:
        """Index of a mention ending just before pos (at most a few words between)."""
        for i in self.before(pos):
            gap = POSSESSIVE.sub("", self.text[self.ms[i].end : pos])
            if re.fullmatch(rf"[\s-]*(?:[a-z][\w-]*[\s,]+){{0,{max_words}}}", gap):
                return i
            return None
        return None

    def first_with_role(
        self, idx: Sequence[int], roles: Sequence[str], *, literal: bool = False
    ) -> list[int]:
        """The first mention of idx with one of roles, with its coordinated list."""
        for i in idx:
            if self.possessive(i) or (literal and self.named(i)):
                continue
            if self.role(i, roles):
                return self.chain(i)
        return []

    def owner(self, t0: int, max_words: int = 2) -> Place | None:
        """Whose thing the trigger names: "Russia's embassy", "the Russian base", "its base"."""
        i = self.near_before(t0, max_words=max_words)
        if i is not None and (self.possessive(i) or self.named(i)):
            return self.ms[i].place
        if ITS.search(self.text[self.sent.start : t0]):
            subj = self.subject(t0)
            return self.ms[subj[0]].place if subj else None
        return None

    def subject(self, pos: int) -> list[int]:
        """The clause subject before pos: the nearest unmasked mention with no location role.

        "In early August, Russia held": "Russia"; "In Afghanistan, X held": X.
        """
        for i in self.before(pos):
            if self.is_masked(i) or self.possessive(i):
                continue
            if self.role(i, ["location", "partner", "agent", "origin", "transit"]):
                continue
            return self.chain_back(i)
        return []


def unique(places: Iterable[Place | None]) -> tuple[Place, ...]:
    """Places in first-seen order without repeats (or None)."""
    seen, out = set(), []
    for p in places:
        if p is not None and p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out)


def names(places: Sequence[Place]) -> str:
    return ", ".join(p.name for p in places)


def shape_of(places: Sequence[Place]) -> str:
    """Areas are drawn as zones, cities and admin areas as points."""
    return "zone" if any(p.kind in AREA_KINDS for p in places) else "point"
