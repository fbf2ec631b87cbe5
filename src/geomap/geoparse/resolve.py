"""Toponym resolution: choose one gazetteer entry for each recognised name.

A small logistic-regression ranker (weights in ``data/geoparser.json``, trained by
``geodata/train_geoparser.py``) scores every candidate of a name from the candidate's
kind and population and from its agreement with the rest of the document: the
countries the article's unambiguous places lie in, the provinces it names, a
"Springfield, Ill."-style qualifier, and the distance to the article's other places.
Ambiguous names are read jointly, as a local reader does: every name votes for the
provinces its readings lie in (split between them, leaning to those the other names vote
for), and a town lying beside a reading of another name (its county, a neighbouring
town) gains, so "springfield is a city in effingham county" is Springfield, Georgia, the
one state where the two lie together.
The best-scoring candidate wins; the softmax of the scores is the confidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..gazetteer import Gazetteer
from ..gazetteer.build import (
    FORM_ALIAS,
    FORM_ALT,
    FORM_NAME,
    FORM_NAMES,
    KIND_CODE,
    KINDS,
    UNIT_KEYS,
    VILLAGE,
    fold,
)
from .model import load_model, zipf
from .nearby import PointGrid
from .spans import (
    ADMIN_HEADS,
    ENGLISH_ZIPF,
    LIST_GAPS,
    Span,
    abbreviated,
    comma_next,
    postal_abbreviation,
    qualified,
    readings_where,
    said_to_lie_in,
)

# a comma and a capitalised word: what follows a list's second name
_LIST_GOES_ON = re.compile(r", [A-Z]")
MAX_CANDIDATES = 15  # most populous readings considered per name (plus every non-city)
# a town this big is known by its own name wherever the story is
KNOWN_CITY = 100_000
# how alike a GeoNames other name and a town's own name are when one spells the other
# ("derna" and "darnah" 0.73, "lugansk" and "luhansk" 0.86; "old town" and "baltimore" 0.12)
SPELLING_RATIO = 0.6

# other names of a document that must lie in a province for it to be the article's own
LOCAL_NAMES = 2
LOCAL_CONFIDENCE = 0.5
# ... or that its other names' split votes favour, this many votes from LOCAL_NAMES or
# more names ("Toledo ... Allen County" of a Lima, Ohio paper that never names Ohio)
LOCAL_VOTES = 0.5
# ... unless a town of its own country this many times as big ("Atlanta" of a Texas story)
LOCAL_RATIO = 50
# a town beyond the most populous is a candidate when other names vote this much for its
# province (half a name: one of the two states that have a "Wilkes County")
VOTE_CANDIDATE = 0.5
NEIGHBOUR_KM = 50  # a town "near" another name's reading
# Bounds (km) of the buckets of a reading's distance to the nearest other name
NEAR_KM = (25.0, 100.0, 300.0, 1000.0, 3000.0)
GRID_ANCHORS = 200  # more anchors than a story has: sought by grid cell
CITY = KIND_CODE["city"]
COUNTRY = KIND_CODE["country"]
ADMIN1 = KIND_CODE["admin1"]
FEATURE = KIND_CODE["feature"]
# between a town and the country or province it lies in: "Miramar, in Panama's Colón"
_IN_GAPS = frozenset({", in ", ", in the "})
# Fallback preference between kinds when no trained weights are available: a bare name
# most often means the country, then a region, then a province, then the biggest town.
_PRIOR = {
    KIND_CODE["country"]: 4.0,
    KIND_CODE["continent"]: 3.5,
    KIND_CODE["region"]: 3.0,
    KIND_CODE["historical"]: 2.5,
    KIND_CODE["feature"]: 2.5,
    KIND_CODE["admin1"]: 1.5,
    KIND_CODE["city"]: 0.0,
}


@dataclass
class DocContext:
    """What the rest of the document says about where it is."""

    # the countries of the names' sure readings, counted once per mention: the sum of
    # ``own_countries``, each name's own count (a name is no evidence for its own reading:
    # "Atlantic" must not vote for Colombia's Atlántico department)
    countries: Counter[str] = field(default_factory=Counter)
    own_countries: dict[str, Counter[str]] = field(default_factory=dict)
    # how many names lie in each country
    naming: Counter[str] = field(default_factory=Counter)
    # GeoNames admin1 codes ("US.IL") of the provinces named, or holding a town named,
    # with the names that put them there
    admins: dict[str, set[str]] = field(default_factory=dict)
    # points of unambiguous or dominant readings, with the name they come from
    anchors: list[tuple[str, float, float]] = field(default_factory=list)
    # every name's vote for the provinces its readings lie in, split evenly between
    # them: "Wilkes County" (Georgia or North Carolina) gives each half a vote, so the
    # "Washington" of a sentence that also names it is sought in those two states
    votes: dict[str, dict[str, float]] = field(default_factory=dict)
    # every town-sized reading of every name (towns, counties, airports), by 1-degree
    # cell: two names with readings a few km apart are most likely those two places
    # ("springfield ... effingham county": Springfield and Effingham County, Georgia)
    cells: dict[tuple[int, int], list[tuple[str, float, float]]] = field(default_factory=dict)
    # the country of each name read for sure as a national capital ("London", "Moscow"):
    # news names capitals together for their governments ("Washington and London")
    capitals: dict[str, str] = field(default_factory=dict)
    _radians: list[tuple[str, float, float, float]] | None = None
    _grid: tuple[int, PointGrid] | None = None
    _polls: list[tuple[float, str]] | None = None
    _homes: dict[str, str | None] = field(default_factory=dict)
    _counts: list[tuple[int, str]] | None = None

    def voted_home(self, key: str) -> str | None:
        """The province the names but ``key`` give the most votes to, if they give it
        :data:`LOCAL_VOTES` or more from :data:`LOCAL_NAMES` names or more and no other
        province as many (found once per name)."""
        if key not in self._homes:
            self._homes[key] = self._voted_home(key)
        return self._homes[key]

    def named_home(self, key: str) -> str | None:
        """The province the most of the names but ``key`` are sure to lie in, if
        :data:`LOCAL_NAMES` or more and no other province as many ("Sao Paulo state ...
        Campinas" of a story that names two places in Minas Gerais and two in Rio de
        Janeiro too is no story of Sao Paulo's)."""
        if self._counts is None:  # provinces by names, most first, counted once
            self._counts = sorted(((len(k), a) for a, k in self.admins.items()), reverse=True)
        return _leader(self._counts, lambda a: key in self.admins[a], LOCAL_NAMES)

    def _voted_home(self, key: str) -> str | None:
        if self._polls is None:  # provinces by total vote, most first, summed once
            self._polls = sorted(
                ((sum(by_name.values()), a) for a, by_name in self.votes.items()), reverse=True
            )
        home = _leader(self._polls, lambda a: self.votes[a].get(key, 0.0), LOCAL_VOTES)
        if home is None or len(self.votes[home].keys() - {key}) < LOCAL_NAMES:
            return None
        return home

    def other_countries(self, key: str) -> Counter[str]:
        """``countries`` without what the name ``key`` added itself."""
        own = self.own_countries.get(key)
        return self.countries - own if own else self.countries

    def anchor_radians(self) -> list[tuple[str, float, float, float]]:
        """Anchors as (name, lat, lon in radians, cos lat), computed once."""
        if self._radians is None or len(self._radians) != len(self.anchors):
            self._radians = [
                (k, math.radians(a), math.radians(b), math.cos(math.radians(a)))
                for k, a, b in self.anchors
            ]
        return self._radians

    def anchor_grid(self) -> PointGrid:
        """Anchors by grid cell, built once."""
        if self._grid is None or self._grid[0] != len(self.anchors):
            self._grid = (len(self.anchors), PointGrid(self.anchors))
        return self._grid[1]


@dataclass(frozen=True)
class Qualifier:
    """Countries and provinces named right after a name ("Springfield, Ill.")."""

    countries: frozenset[str]
    admins: frozenset[str]
    # the countries it names as a country ("Mexico" is also the State of Mexico)
    nations: frozenset[str] = frozenset()
    # written as a postal abbreviation ("Mo.", "IL"), which no list of places is made of
    abbreviated: bool = False
    # said in words to hold the name ("a village in Brandenburg", "the Lacs district in
    # Togo"), which no headline's comma is ("As Chaos Engulfs Kabul, Russia Says")
    stated: bool = False


class Resolver:
    """Rank the candidates of recognised names in their document's context.

    Parameters
    ----------
    gazetteer
        Where candidates come from.
    model
        ``{"bias": float, "weights": {feature: weight}}``; without weights a fixed
        prior (kind, population, context) is used.
    """

    def __init__(self, gazetteer: Gazetteer, model: dict | None = None) -> None:
        self.gazetteer = gazetteer
        model = model or {}
        self.weights: dict[str, float] = model.get("weights", {})
        self.bias: float = model.get("bias", 0.0)
        self._static_cache: dict[tuple[int, int], tuple[tuple[str, ...], float]] = {}
        g = gazetteer
        self._kind = g.column("kind")
        self._pop = g.column("population")
        self._name = g.column("name")
        self._cc = g.column("cc")
        self._admin1 = g.column("admin1")
        self._lat = g.column("lat")
        self._lon = g.column("lon")
        # post-office towns cities500 lacks, by folded name (they have no name form): a
        # candidate for their name where the document names their province, no part of
        # the context ("Effingham" stays Effingham, Illinois, unambiguous)
        self._postal = g.postal
        self._capitals = g.capitals

    # -- context ------------------------------------------------------------------------
    def qualifiers(self, text: str, spans: Sequence[Span]) -> list[Qualifier | None]:
        """Per span, what the next span says of it ("Springfield, Ill."), else None.

        A name none of whose readings the next one holds, with a capitalised word after
        that one's comma, heads a list rather than a qualified name: "Riyadh, Najran, Hafr
        Al-Batin and Taif" (the gazetteer lacks Hafr Al-Batin, so the list looks short);
        so does a city of :data:`KNOWN_CITY` people or more before another ("Aqtobe,
        Shymkent in the south": Shymkent is a province too).
        """
        out: list[Qualifier | None] = []
        for n in range(len(spans)):
            qual = None
            if qualified(text, spans, n) or self._province_qualifies(text, spans, n):
                qual = self.qualifier(spans[n + 1].forms)
            elif (
                said_to_lie_in(text, spans, n)
                or self._in_after(text, spans, n)
                or self._unit_in_country(text, spans, n)
            ):
                # "Steinfurt, a village in Brandenburg", "Miramar, in Panama's Colón
                # province": a province or country, not a town
                qual = replace(self.qualifier(spans[n + 1].forms), stated=True)
                if not qual.countries:
                    qual = None
            if (
                qual is not None
                and (
                    (
                        (
                            _LIST_GOES_ON.match(text, spans[n + 1].end)
                            # (or a big city is named, not qualified, beside a big
                            # city: "the northern city of Aqtobe, Shymkent in the south")
                            or all(
                                any(
                                    self._kind[i] == CITY and self._pop[i] >= KNOWN_CITY
                                    for i in t.forms[::2]
                                )
                                for t in (spans[n], spans[n + 1])
                            )
                        )
                        and not readings_where(spans[n].forms, lambda i, _, q=qual: self.fits(i, q))
                    )
                    # a town or district within a list qualifies none: "the hospitals of
                    # Cachar, Goalpara, Lakhimpur, Kamrup and Karimganj districts"
                    or (
                        n > 0
                        and text[spans[n - 1].end : spans[n].start] == ", "
                        and not any(
                            self._kind[i] in (ADMIN1, COUNTRY) for i in spans[n + 1].forms[::2]
                        )
                    )
                    # a country beside a country is a list: "Mexico, U.S. reach deal" is no
                    # town called Mexico in the United States, and a name after a
                    # country's comma before one an item of it: "Italy, England, USA" is no
                    # England, Arkansas
                    or (
                        not qual.admins
                        and (
                            any(self._kind[i] == COUNTRY for i in spans[n].forms[::2])
                            or (
                                n > 0
                                and text[spans[n - 1].end : spans[n].start] == ", "
                                and bool(spans[n - 1].forms)
                                and self._kind[spans[n - 1].forms[0]] == COUNTRY
                            )
                        )
                    )
                )
            ):
                qual = None
            if qual is not None and postal_abbreviation(text, spans[n + 1]):
                qual = replace(qual, abbreviated=True)
            out.append(qual)
        return out

    def _in_after(self, text: str, spans: Sequence[Span], n: int) -> bool:
        """Whether span ``n`` is followed by ", in" and a country or a province (mainly,
        :meth:`_mainly_province`): "Tapachula, in Chiapas state"; not "in Berlin, in
        Munich and in Hamburg"."""
        if n + 1 >= len(spans) or text[spans[n].end : spans[n + 1].start] not in _IN_GAPS:
            return False
        after = spans[n + 1]
        return bool(after.forms) and (
            self._kind[after.forms[0]] == COUNTRY or self._mainly_province(after)
        )

    def _unit_in_country(self, text: str, spans: Sequence[Span], n: int) -> bool:
        """Whether span ``n``, a name with an admin head, is followed by "in" and a
        country: "the Lacs district in Togo" (no Ivorian Lacs region)."""
        if n + 1 >= len(spans) or spans[n].key.rsplit(" ", 1)[-1] not in ADMIN_HEADS:
            return False
        after = spans[n + 1]
        return (
            text[spans[n].end : after.start] == " in "
            and bool(after.forms)
            and self._kind[after.forms[0]] == COUNTRY
        )

    def _province_qualifies(self, text: str, spans: Sequence[Span], n: int) -> bool:
        """Whether span ``n`` is followed by a province that qualifies its town even
        before a list's "and": one abbreviated with a period or as a postal code ("St.
        Paul, Minn., and St. Petersburg, Fla.", "Springfield, IL, and Pittsburgh, PA"), or
        one of a list of such pairs ("Columbia, Tennessee, and Paris, Kentucky"). "China,
        U.S. and EU" is a list: "U.S." is no province."""
        if not comma_next(text, spans, n) or not self._mainly_province(spans[n + 1]):
            return False
        return abbreviated(text, spans[n + 1]) or (
            n + 3 < len(spans)
            and text[spans[n + 1].end : spans[n + 2].start] in LIST_GAPS
            and comma_next(text, spans, n + 2)
            and self._mainly_province(spans[n + 3])
        )

    def _mainly_province(self, s: Span) -> bool:
        """Whether span ``s`` reads as a province only, or as one with ten times the
        people of its every other reading ("Indiana" is no Pennsylvania town of 13,000:
        "Georgetown, Kentucky, and Princeton, Indiana"; "Georgia" is a country too)."""
        provinces = [self._pop[i] for i in s.forms[::2] if self._kind[i] == ADMIN1]
        others = [self._pop[i] for i in s.forms[::2] if self._kind[i] != ADMIN1]
        return bool(provinces) and (not others or max(provinces) >= 10 * max(others))

    def document_names(
        self, spans: Sequence[Span], quals: Sequence[Qualifier | None]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """The (key, readings) of each span that :meth:`context` reads, a qualified name
        with only the readings its qualifier (:meth:`qualifiers`) allows: "SHERMAN,
        Texas" is one town for sure, and puts the story in Texas; so are the name's
        other mentions ("MOSCOW, Idaho ... Police in Moscow" names no Russian capital
        beside "Washington")."""
        fitting: dict[str, tuple[int, ...]] = {}  # a qualified name's readings
        for s, qual in zip(spans, quals):
            if s.forms and qual is not None and s.key not in fitting:
                fitting[s.key] = readings_where(s.forms, lambda i, _, q=qual: self.fits(i, q))
        return [(s.key, fitting.get(s.key) or s.forms) for s in spans]

    def context(self, names: Sequence[tuple[str, tuple[int, ...]]]) -> DocContext:
        """Document context from the names' unambiguous or dominant readings."""
        ctx = DocContext()
        seen: set[str] = set()
        either: list[tuple[str, tuple[int, ...]]] = []
        for key, forms in names:
            if forms and self._province_or_country(forms):
                either.append((key, forms))
            elif forms:
                self._file(ctx, key, forms, seen)
        if either:
            # a name of many readings, all in the country of a province or country's
            # province, is of that country whichever it is: "Dawson County" (Georgia,
            # Texas, Montana or Nebraska) tells the "Georgia" beside it is the state
            at_home = {self._cc[forms[0]] for _, forms in either}
            sure = set(ctx.own_countries)
            for key, forms in names:
                ccs = {self._cc[i] for i in forms[::2]}
                if len(ccs) == 1 and ccs <= at_home and key not in sure:
                    ctx.own_countries.setdefault(key, Counter())[self._cc[forms[0]]] += 1
        for key, forms in either:
            # "Georgia": the province or the country the story's other names lie in
            # ("Tbilisi", "Atlanta")
            chosen = self._as_others_read(ctx, key, forms)
            if chosen:
                self._file(ctx, key, chosen, seen)
        for own in ctx.own_countries.values():
            ctx.countries.update(own)
            ctx.naming.update(own.keys())
        _read_jointly(ctx.votes)
        return ctx

    def _file(self, ctx: DocContext, key: str, forms: tuple[int, ...], seen: set[str]) -> None:
        """File one name under the context: its reading if sure, else its votes."""
        top = forms[0]
        kind = self._kind[top]
        unique = len(forms) == 2
        sure = kind in (COUNTRY, ADMIN1) or self._dominant(forms)
        if sure:
            capital = self._sure_capital(forms)
            if capital is not None:
                ctx.capitals[key] = self._cc[capital]
            if self._cc[top]:
                ctx.own_countries.setdefault(key, Counter())[self._cc[top]] += 1
            if kind != COUNTRY and self._admin1[top]:  # a county, town, airport...
                ctx.admins.setdefault(self._admin1[top], set()).add(key)
            if (kind != COUNTRY or unique) and key not in seen:
                seen.add(key)
                ctx.anchors.append((key, self._lat[top], self._lon[top]))
        if sure and kind != COUNTRY and self._admin1[top]:
            # a province, or a town read for sure: its whole vote ("Kansas")
            ctx.votes.setdefault(self._admin1[top], {})[key] = 1.0
        elif not sure:
            self._vote(ctx, key, forms)
        self._cell(ctx, key, forms)

    def _dominant(self, forms: tuple[int, ...]) -> bool:
        """Whether the first (most populous) of a name's readings is its only one or far
        bigger than the next ("Atlanta" is Atlanta, Georgia; "Lincoln" is not surely
        Nebraska's capital)."""
        pop = self._pop[forms[0]]
        return (
            len(forms) == 2
            or pop > 1_000_000
            or (pop >= 50_000 and pop >= 10 * self._pop[forms[2]])
        )

    def _province_or_country(self, forms: tuple[int, ...]) -> bool:
        """Whether a name's top reading is a province and another reading a country
        elsewhere ("Georgia")."""
        top = forms[0]
        return self._kind[top] == ADMIN1 and any(
            self._kind[i] == COUNTRY and self._cc[i] != self._cc[top] for i in forms[2::2]
        )

    def _as_others_read(
        self, ctx: DocContext, key: str, forms: tuple[int, ...]
    ) -> tuple[int, ...] | None:
        """The name's readings, the one lying in the country the other names' sure
        readings lie in most first (the province or the country); as they are when no
        other name lies in either, None when as many lie in each."""
        counts: Counter[str] = Counter()
        for other, own in ctx.own_countries.items():
            if other != key:
                counts.update(own)
        pairs = [forms[k : k + 2] for k in range(0, len(forms), 2)]
        kinds = (ADMIN1, COUNTRY)
        votes = sorted(
            (
                (counts[self._cc[p[0]]], -n)
                for n, p in enumerate(pairs)
                if self._kind[p[0]] in kinds
            ),
            reverse=True,
        )
        if votes[0][0] == votes[1][0]:  # no other name, or as many for each
            return None if votes[0][0] else forms
        best = -votes[0][1]
        return tuple(x for p in [pairs[best], *pairs[:best], *pairs[best + 1 :]] for x in p)

    def _sure_capital(self, forms: tuple[int, ...]) -> int | None:
        """The national capital a surely read name is: its top reading, or the capital
        its top reading, a province, is the city-region of ("Tbilisi", "Moscow"). Not
        the capital of another province ("Washington" read as the state)."""
        top = forms[0]
        capital = next((i for i in forms[::2] if i in self._capitals), None)
        if capital is None or capital == top:
            return capital
        same = self._kind[top] == ADMIN1 and self._admin1[top] == self._admin1[capital]
        return capital if same else None

    def _cell(self, ctx: DocContext, key: str, forms: tuple[int, ...]) -> None:
        """File one name's town-sized readings (the candidates it would be ranked
        among) under their grid cells."""
        cities = 0
        for k in range(0, len(forms), 2):
            idx = forms[k]
            kind = self._kind[idx]
            if kind == CITY:
                cities += 1
                if cities > MAX_CANDIDATES:
                    continue
            elif kind != FEATURE:
                continue
            lat, lon = self._lat[idx], self._lon[idx]
            cell = ctx.cells.setdefault((math.floor(lat), math.floor(lon)), [])
            cell.append((key, lat, lon))

    def neighbours(self, idx: int, key: str, ctx: DocContext) -> tuple[float | None, int, bool]:
        """Distance (km) to the nearest town-sized reading of another name, how many
        other names have one within :data:`NEIGHBOUR_KM`, and whether one of those is
        a county ("a city in Tazewell County")."""
        lat, lon = self._lat[idx], self._lon[idx]
        cy, cx = math.floor(lat), math.floor(lon)
        best: float | None = None
        close: set[str] = set()
        scale = math.cos(math.radians(lat))
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k, a, b in ctx.cells.get((cy + dy, cx + dx), ()):
                    if k == key:
                        continue
                    d = 111.2 * math.hypot(a - lat, (b - lon) * scale)
                    if best is None or d < best:
                        best = d
                    if d < NEIGHBOUR_KM:
                        close.add(k)
        return best, len(close), any(k.endswith(" county") for k in close)

    def _vote(self, ctx: DocContext, key: str, forms: tuple[int, ...]) -> None:
        """Add one name's vote, split between the provinces of its sub-national readings
        (a name read only as a country or region gives none)."""
        admins = {
            self._admin1[forms[k]]
            for k in range(0, len(forms), 2)
            if self._kind[forms[k]] in (CITY, ADMIN1) and self._admin1[forms[k]]
        }
        for a in admins:
            ctx.votes.setdefault(a, {})[key] = 1.0 / len(admins)

    def vote(self, idx: int, key: str, ctx: DocContext) -> float:
        """The other names' votes for the province of entry ``idx``."""
        by_name = ctx.votes.get(self._admin1[idx])
        return sum(v for k, v in by_name.items() if k != key) if by_name else 0.0

    def qualifier(self, forms: tuple[int, ...]) -> Qualifier:
        """The countries/provinces a qualifying name may be: its country and province
        readings, and the province of a town it is a curated alias of ("Washington,
        D.C.": D.C. is the city, the one town of its district) or of a county or
        district ("Bani, Seno province": Séno is a district of Burkina Faso's Sahel)."""
        ccs, admins, nations = set(), set(), set()
        for k in range(0, len(forms), 2):
            idx = forms[k]
            if self._kind[idx] == COUNTRY and self._cc[idx]:
                ccs.add(self._cc[idx])
                nations.add(self._cc[idx])
            elif self._kind[idx] == ADMIN1 or (
                self._kind[idx] == CITY
                and (forms[k + 1] == FORM_ALIAS or self._is_unit(idx))
                and self._admin1[idx]
            ):
                admins.add(self._admin1[idx])
                ccs.add(self._cc[idx])
                if "-" in (self._admin1[idx] or ""):
                    # an ISO 3166-2 region over provinces that holds no town by its
                    # code: any town of its country may lie in it ("ERBIL, Kurdistan
                    # Region" is the city, not the region)
                    nations.add(self._cc[idx])
        return Qualifier(frozenset(ccs), frozenset(admins), frozenset(nations))

    # -- ranking ------------------------------------------------------------------------
    def candidates(
        self, forms: tuple[int, ...], ctx: DocContext | None = None, key: str = ""
    ) -> list[tuple[int, int]]:
        """``(entry, form kind)`` pairs worth ranking: non-cities, the biggest cities and
        any town in a province the document names through another name (the local
        namesake: Paris in a Texas paper is a candidate however small it is); the
        post-office towns called ``key`` in such a province, when no town of cities500
        is, or only in provinces the other names vote for less ("Wells and Kennebunk" in
        a Maine story whose last line names New Brunswick, home of another Wells: they
        fill a gap; a town that once bore the name does not count: Atlanta, Illinois,
        was Xenia).

        A town known by this name only as a translation or former name (GeoNames'
        alternate names: "Salisbury" for Harare) is dropped when another town bears the
        name as its own, unless it is a thousand times bigger ("Peking" is still Beijing,
        "New York" still New York City), or ten times bigger in a country the story's
        other names lie in ("Derna" beside Libya is Darnah), or of any size there when no
        town bearing the name as its own lies in such a country ("Corinth" of a story of
        Greece is Kórinthos, not Corinth, Texas) -- if it spells that town's own name.
        """
        out = []
        cities = 0
        for k in range(0, len(forms), 2):
            idx = forms[k]
            if self._kind[idx] == CITY:
                cities += 1
                if cities > MAX_CANDIDATES and not self._named_province(idx, key, ctx):
                    continue
            out.append((idx, forms[k + 1]))
        # (a street's or a building's name takes none: "Silver Lake Road" of a Spokane
        # story is no road of Silver Lake, Oregon, named in passing)
        postal = self._postal.get(key, ()) if forms else ()
        if postal and ctx is not None:
            # the votes for the provinces of the known towns of named provinces
            known = max(
                (
                    self.vote(i, key, ctx)
                    for i, fk in out
                    if self._kind[i] == CITY
                    and fk != FORM_ALT
                    and self._named_province(i, key, ctx)
                ),
                default=None,
            )
            out += [
                (i, FORM_NAME)
                for i in postal
                if self._named_province(i, key, ctx)
                and (known is None or self.vote(i, key, ctx) > known)
            ]
        named = [self._pop[i] for i, fk in out if fk != FORM_ALT and self._kind[i] == CITY]
        if named and len(named) < len(out):
            floor = 1000 * max(max(named), 1000)
            # beside villages, a spelling of the town's own name in a country the story's
            # other names lie in, ten times bigger, will do: "Derna in eastern Libya" is
            # Darnah, not a Romanian village of 3,000 ("Salisbury" is no spelling of
            # Harare; "New Delhi" names a city of its own)
            near = 10 * max(max(named), 1000) if max(named) < VILLAGE else floor
            own = ctx.own_countries.get(key, {}) if ctx else {}
            if (
                ctx is not None
                # (or a bigger town spells it: "pilgrims travelling to Makkah and
                # Al-Madinah" of a Saudi story is Madinah, not Iraq's Al Madīnah)
                and (
                    max(named) < KNOWN_CITY
                    or any(fk == FORM_ALT and self._pop[i] > max(named) for i, fk in out)
                )
                and not any(
                    ctx.naming[self._cc[i]] > (self._cc[i] in own)
                    for i, fk in out
                    if fk != FORM_ALT and self._kind[i] == CITY
                )
            ):
                # ... and so will any size where no town of the name's own lies in a
                # country the story names: "near Corinth" of a story of Greece is
                # Kórinthos, not Corinth, Texas (a big city bearing the name is known by
                # it anywhere: "Deutsche Bank, in Frankfurt" of a New York story is no
                # Frankfort, New York)
                near = 0
            out = [
                (i, fk)
                for i, fk in out
                if fk != FORM_ALT
                or self._pop[i] > floor
                or (
                    self._pop[i] > near
                    and ctx is not None
                    and ctx.naming[self._cc[i]] > (self._cc[i] in own)
                    and self._spelling(key, i)
                )
            ]
        return out

    def _spelling(self, key: str, idx: int) -> bool:
        """Whether ``key`` spells entry ``idx``'s own name another way ("Derna" for
        Darnah, "Lugansk" for Luhansk), not another name ("Old Town" for Baltimore)."""
        return SequenceMatcher(None, key, fold(self._name[idx])).ratio() >= SPELLING_RATIO

    def _named_province(self, idx: int, key: str, ctx: DocContext | None) -> bool:
        """Whether the document's other names place entry ``idx``'s province: one of them
        lies in it, or they vote for it (:data:`VOTE_CANDIDATE`)."""
        return ctx is not None and bool(
            ctx.admins.get(self._admin1[idx], {key}) - {key}
            or self.vote(idx, key, ctx) >= VOTE_CANDIDATE
        )

    def features(
        self, key: str, cands: Sequence[tuple[int, int]], ctx: DocContext, qual: Qualifier | None
    ) -> list[list[str]]:
        """Binary features of each candidate of one name (what the model is trained on)."""
        dynamic = self._dynamic_features(key, cands, ctx, qual)
        return [[*self._static(i, fk)[0], *d] for (i, fk), d in zip(cands, dynamic)]

    def _static(self, idx: int, fk: int) -> tuple[tuple[str, ...], float]:
        """Features of a candidate that do not depend on the document, and their summed
        weight (memoised: the same places come up again and again)."""
        hit = self._static_cache.get((idx, fk))
        if hit is None:
            kind = KINDS[self._kind[idx]]
            form = FORM_NAMES[fk]
            pb = min(int(math.log10(self._pop[idx] + 1)), 8)
            feats = (
                f"kind={kind}",
                f"form={form}",
                f"kind={kind}|form={form}",
                f"kind={kind}|pop={pb}",
            )
            hit = self._static_cache[(idx, fk)] = (
                feats,
                sum(self.weights.get(x, 0.0) for x in feats),
            )
        return hit

    def _dynamic_features(
        self, key: str, cands: Sequence[tuple[int, int]], ctx: DocContext, qual: Qualifier | None
    ) -> list[list[str]]:
        """Features of each candidate that depend on the other candidates and the document."""
        countries = ctx.other_countries(key)
        total = sum(countries.values()) or 1
        # a story about one country, or a world round-up: the provinces other names
        # vote for weigh differently in each
        focus = int(max(countries.values(), default=0) / total >= 0.5)
        pops = sorted((self._pop[i] for i, _ in cands), reverse=True)
        kinds_present = {self._kind[i] for i, _ in cands}
        # by country, the big towns bearing the name as their own, each with whether it
        # is its country's capital: "Rio Grande do Sul" is only another name of the town
        # of Rio Grande, which is no big city of that name
        big_cities: dict[str | None, tuple[int, bool]] = {}
        for i, fk in cands:
            if self._kind[i] == CITY and self._pop[i] > KNOWN_CITY and fk != FORM_ALT:
                big_cities[self._cc[i]] = max(
                    big_cities.get(self._cc[i], (0, False)), (self._pop[i], i in self._capitals)
                )
        # another candidate bears the name as its own, not as a translation or old name
        named = any(fk in (FORM_NAME, FORM_ALIAS) for _, fk in cands)
        votes = [self.vote(i, key, ctx) for i, _ in cands]
        rank_of = {i: n for n, (i, _) in enumerate(cands)}
        # the one province the other names vote for most, if one leads
        by_admin = sorted(
            {(v, self._admin1[i]) for v, (i, _) in zip(votes, cands) if v > 0}, reverse=True
        )
        top_admin = (
            by_admin[0][1]
            if by_admin and (len(by_admin) == 1 or by_admin[0][0] > by_admin[1][0])
            else None
        )
        out = []
        for idx, fk in cands:
            kind = KINDS[self._kind[idx]]
            pop = self._pop[idx]
            rank = pops.index(pop)
            f = [f"pop_rank={min(rank, 2)}"]
            if rank == 0 and len(cands) > 1:
                f.append(f"most_populous|kind={kind}")
            cc = self._cc[idx]
            if cc and cc in countries:
                share = countries[cc] / total
                f.append("cc_doc")
                f.append(f"cc_share={0 if share < 0.2 else 1 if share < 0.5 else 2}|kind={kind}")
            elif cc:
                # a country's region weighs as its province does: "the Central Coast" of
                # an Australian story is no Californian region
                f.append(f"cc_not_doc|kind={'admin1' if kind == 'region' else kind}")
            if ctx.admins.get(self._admin1[idx], {key}) - {key}:
                # another name is this town's province, or a town in this province
                f.append("admin_doc" if kind == "city" else "admin_doc|kind=admin1")
                f.append(f"admin_doc|focus={focus}|kind={kind}")
            v = votes[rank_of[idx]]
            if v > 0:
                f.append(f"vote={0 if v < 0.34 else 1 if v < 1 else 2}|kind={kind}")
                if self._admin1[idx] == top_admin:
                    f.append(f"vote_top|kind={kind}")
                    f.append(f"vote_top|focus={focus}|kind={kind}")
            if qual is not None and (qual.countries or qual.admins):
                if cc in qual.countries:
                    f.append("q_cc")
                if kind == "city" and self._admin1[idx] in qual.admins:
                    f.append("q_admin")
                if cc not in qual.countries:
                    f.append("q_miss")
            if fk == FORM_ALT and named:
                f.append("alternate_beside_name")
            big_city, big_capital = big_cities.get(cc, (0, False))
            if kind == "admin1" and big_city:
                # "New York" is mostly the city, "Ontario" the province (100 times the
                # people of Ontario, California); a province ten times a city's people is
                # the province too ("Quebec" is no Quebec City), unless that city is its
                # country's capital: "Washington". A city abroad is no such rival: "Bali"
                # is no town of West Bengal, "Virginia" none of South Africa
                bucket = min(int(math.log10(pop / big_city + 1)), 2)
                if bucket == 1 and not big_capital:
                    bucket = 2
                f.append(f"admin_vs_big_city={bucket}")
            if idx in self._capitals and any(
                k != key and c != cc for k, c in ctx.capitals.items()
            ):  # "Washington and London": another country's capital, for sure
                f.append("capital_beside_capital")
            if COUNTRY in kinds_present and kind != "country":
                f.append("country_present")
            d = self._anchor_km(idx, key, ctx)
            if d is not None:
                f.append(f"near={_km_bucket(d)}")
            if kind in ("city", "feature"):
                d, close, county = self.neighbours(idx, key, ctx)
                if d is not None and d < 100:
                    f.append(f"beside={0 if d < 20 else 1 if d < 50 else 2}")
                if close:
                    f.append(f"beside_names={min(close, 2)}")
                if county:
                    f.append("beside_county")
            out.append(f)
        return out

    def score(self, feats: Sequence[str]) -> float:
        """Logit of one candidate."""
        w = self.weights
        return self.bias + sum(w.get(x, 0.0) for x in feats)

    def prior(self, idx: int, fk: int, key: str, ctx: DocContext, qual: Qualifier | None) -> float:
        """Hand-set score used when no trained weights are available."""
        sc = _PRIOR[self._kind[idx]] + 0.35 * math.log10(self._pop[idx] + 1)
        sc += 0.5 if fk == FORM_NAME else 0.0 if fk == FORM_ALT else 0.8
        cc = self._cc[idx]
        countries = ctx.other_countries(key)
        if cc in countries:
            sc += 0.8 + 2.0 * countries[cc] / (sum(countries.values()) or 1)
        if qual is not None and cc in qual.countries:
            sc += 3.0
        return sc

    def rank(
        self, key: str, forms: tuple[int, ...], ctx: DocContext, qual: Qualifier | None
    ) -> list[tuple[float, int, int]]:
        """``(confidence, entry, form kind)`` of each candidate, best first."""
        cands = self.candidates(forms, ctx, key)
        if qual is not None:
            # "Springfield, Ill.": only the readings the qualifier allows, if any
            fit = [c for c in cands if self.fits(c[0], qual)]
            if (
                not fit
                and qual.stated
                and qual.nations
                and not qual.admins
                and all(self._kind[i] in (CITY, ADMIN1) for i, _ in cands)
            ):
                # "the Lacs district in Togo": a town or province the gazetteer lacks in
                # the country that qualifies it, not its namesake abroad
                return []
            if (
                not fit
                and qual.admins
                and (qual.abbreviated or all(self._kind[i] == CITY for i, _ in cands))
                # (an everyday word abroad is the end of an institution's name: "Macon
                # County Circuit Court, Illinois State Police"; a name of two words or
                # more is none: "a farm in Oxford County, Ontario" is no Maine county)
                and (
                    any(self._cc[i] in qual.countries for i, _ in cands)
                    or zipf(key) < ENGLISH_ZIPF
                    or " " in key
                )
            ):
                # "Camp Murray, Wash.": a town of that province the gazetteer lacks, not
                # its namesake in another one (Murray, Utah) or country ("the village of
                # Bani, Seno province" of Burkina Faso is no Baní of the Dominican
                # Republic), nor a state ("Florida, Mo."); "Utah, Colorado" is a list.
                return []
            cands = fit or cands
        if not cands:
            return []
        if len(cands) == 1:
            return [(1.0, *cands[0])]
        if self.weights:
            dynamic = self._dynamic_features(key, cands, ctx, qual)
            logits = [self._static(i, fk)[1] + self.score(d) for (i, fk), d in zip(cands, dynamic)]
        else:
            logits = [self.prior(i, fk, key, ctx, qual) for i, fk in cands]
        m = max(logits)
        exps = [math.exp(x - m) for x in logits]
        z = sum(exps)
        ranked = sorted(
            ((e / z, -n, i, fk) for n, (e, (i, fk)) in enumerate(zip(exps, cands))), reverse=True
        )
        countries = ctx.other_countries(key)
        out = self._named_country_first([(round(p, 3), i, fk) for p, _, i, fk in ranked], countries)
        return out if qual is not None else self._local_first(key, out, ctx, forms, countries)

    def _named_country_first(
        self, ranked: list[tuple[float, int, int]], countries: Counter[str]
    ) -> list[tuple[float, int, int]]:
        """A province of a country the story's other names lie in (``countries``) comes
        before one of a country they do not: "Zambia's ... Eastern Province" is Zambia's,
        not Saudi Arabia's, the most populous of the name; "the Western Region ...
        Ghana's" Ghana's, not Sri Lanka's Western Province."""
        if not self._province_abroad(ranked[0][1], countries):
            return ranked
        for n, (_, idx, fk) in enumerate(ranked[1:], 1):
            if self._kind[idx] == ADMIN1 and countries[self._cc[idx]]:
                return [(LOCAL_CONFIDENCE, idx, fk), *ranked[:n], *ranked[n + 1 :]]
        return ranked

    def _province_abroad(self, idx: int, countries: Counter[str]) -> bool:
        """Whether entry ``idx`` is a province of a country none of ``countries`` (the
        story's other names' countries) is."""
        return self._kind[idx] == ADMIN1 and not countries[self._cc[idx]]

    def best_province_abroad(
        self, key: str, ranked: Sequence[tuple[float, int, int]], ctx: DocContext
    ) -> bool:
        """Whether the best of a name's ``ranked`` readings is a province of a country no
        other name of the story lies in, while the story names some country."""
        countries = ctx.other_countries(key)
        return (
            bool(ranked)
            and any(countries.values())
            and self._province_abroad(ranked[0][1], countries)
        )

    def _local_first(
        self,
        key: str,
        ranked: list[tuple[float, int, int]],
        ctx: DocContext,
        forms: tuple[int, ...],
        countries: Counter[str],
    ) -> list[tuple[float, int, int]]:
        """A town in the article's own province (the one that most of its other names,
        :data:`LOCAL_NAMES` or more, place it in, :meth:`DocContext.named_home`: "Lufkin,
        Texas ... Lamar County"; or that their split votes favour,
        :meth:`DocContext.voted_home`: "Lima police ... Toledo ... Allen County") comes
        before a bigger namesake elsewhere, as a local reader takes "Paris" in a Texas
        paper for Paris, Texas; a chosen town in a province two names place it in stays.
        Its confidence is 0.5: the context chose it over world population. A town the
        ranker chose beside another name's reading ("Clinton, in Hinds County",
        Mississippi) stays, however many names point to a neighbouring state ("165 miles
        n of New Orleans, Louisiana"). A country nothing
        else of the story lies in gives way too, to a local town of :data:`VILLAGE`
        people or more ("to Lebanon and Rolla" in a Missouri paper), or to one two of the
        story's names lie near, a county one of them (:meth:`_among_a_county`), in a
        story with no province of its own too. A town of the local
        town's own country :data:`LOCAL_RATIO` times its size does not ("the CDC in
        Atlanta" of a Texas story), if it is the name's dominant reading (not "Lincoln"
        of a New Hampshire story, which Nebraska's capital shares with an English city a
        third its size); and a village chosen outside the story's province gives way to
        such a town."""
        best = ranked[0][1]
        abroad = self._kind[best] == COUNTRY and not countries[self._cc[best]]
        # (a country is never local: its province is None, which other countries share)
        if not abroad and (self._kind[best] != CITY or self._is_local(best, key, ctx)):
            return ranked
        # (a town among other names' readings gives way only to a local town among as
        # many: "Rockingham, Marlboro, and Wilmington" of a Vermont story is no town of
        # Massachusetts that a Windham, New Hampshire stands beside)
        near = 0 if abroad else self.neighbours(best, key, ctx)[1]
        homes = (ctx.named_home(key), ctx.voted_home(key))
        if homes == (None, None) and not abroad:
            return ranked  # a story with no province of its own
        # the name's towns: is its biggest far bigger than the next ("Savannah" of
        # Georgia is, though Ghana has a Savannah region half its size)
        towns = readings_where(forms, lambda i, _: self._kind[i] == CITY)
        dominant = bool(towns) and self._dominant(towns)
        county = self._is_unit(best)
        for n, (_, idx, fk) in enumerate(ranked[1:], 1):
            # a county of a province the story's other names lie in, however small:
            # "Fulton County" beside Calloway and Trigg counties of a story that names
            # Tennessee most is Kentucky's, not Georgia's of a million people
            local_county = county and self._is_unit(idx) and self._is_local(idx, key, ctx)
            if (
                self._kind[idx] == CITY
                and (
                    self._admin1[idx] in homes
                    or local_county
                    # (a country also gives way to a town among the story's places, a
                    # county one of them: "Lebanon would receive the most" of a Warren
                    # County, Ohio story is its county seat)
                    or (abroad and self._among_a_county(idx, key, ctx))
                )
                # (a country gives way only to a town bearing its name as its own, in a
                # story that names no other country: "In Central America, Panama
                # continues to report" of a round-up naming Peru and Florida is no
                # Panama City, Florida)
                and (
                    not abroad
                    or (
                        self._pop[idx] >= VILLAGE
                        and fk != FORM_ALT
                        and all(c == self._cc[idx] for c, v in countries.items() if v)
                    )
                )
                and (not near or self.neighbours(idx, key, ctx)[1] >= near)
                # "the CDC in Atlanta" of a Texas story is no Texas village of 5,000
                and (
                    local_county
                    or self._cc[idx] != self._cc[best]
                    or self._pop[best] <= LOCAL_RATIO * max(self._pop[idx], 1)
                    or not dominant
                )
            ):
                return [(LOCAL_CONFIDENCE, idx, fk), *ranked[:n], *ranked[n + 1 :]]
        if near:
            return ranked
        big = towns[0] if towns else best
        at = next((n for n, (_, i, _) in enumerate(ranked) if i == big), None)
        if (
            at is not None
            and dominant
            and big != best
            and self._pop[best] < VILLAGE
            and self._cc[big] == self._cc[best]
            and self._pop[big] >= LOCAL_RATIO * max(self._pop[best], 1)
            and homes[1] not in (None, self._admin1[best])
        ):
            # "Kansas City hosts Buffalo" of a Denver story that names Wyoming once is no
            # Wyoming town of 4,600: a village outside the story's own province gives way
            # to its country's city the name stands for
            return [(LOCAL_CONFIDENCE, big, ranked[at][2]), *ranked[:at], *ranked[at + 1 :]]
        return ranked

    def _is_unit(self, idx: int) -> bool:
        """Whether entry ``idx`` is a county or district (:data:`UNIT_KEYS`)."""
        return self.gazetteer.column("key")[idx].startswith(UNIT_KEYS)

    def _among_a_county(self, idx: int, key: str, ctx: DocContext) -> bool:
        """Whether :data:`LOCAL_NAMES` or more of the story's other names have a reading
        near a town, a county one of them."""
        _, close, county = self.neighbours(idx, key, ctx)
        return close >= LOCAL_NAMES and county

    def _is_local(self, idx: int, key: str, ctx: DocContext) -> bool:
        admin1 = self._admin1[idx]
        named = len(ctx.admins.get(admin1, set()) - {key}) >= LOCAL_NAMES
        return named or admin1 == ctx.voted_home(key)

    def county_readings(self, key: str, forms: tuple[int, ...], ctx: DocContext) -> tuple[int, ...]:
        """Readings of "X County": a province or region called X if there is one, else the
        one second-level unit called X, else a town called X in a province the article
        names (the county is around it), else none -- the county is then placed at the
        article's locus, not at some town of that name in another state ("Hays County,
        Texas" is not Hays, Kansas). Without such a province, the one town called X in a
        country the document's names lie in ("Uganda's Mubende district" is around
        Mubende, Uganda)."""
        if any(self._kind[forms[k]] != CITY for k in range(0, len(forms), 2)):
            return forms
        # "Cagayan province", "Pangasinan province": a second-level unit of the name (kept
        # as a town, at its own point) where there is one, not a town called so
        units = readings_where(forms, lambda i, _: self._is_unit(i))
        if len(units) == 2:
            return units
        forms = units or forms
        local = readings_where(
            forms, lambda i, _: bool(ctx.admins.get(self._admin1[i], {key}) - {key})
        )
        if local:
            return local
        # the name's own mention counts once among its country's names
        named = [k for k in range(0, len(forms), 2) if ctx.countries[self._cc[forms[k]]] > 1]
        return forms[named[0] : named[0] + 2] if len(named) == 1 else ()

    def holding(
        self, ranked: list[tuple[float, int, int]], confidence: float, idx: int
    ) -> list[tuple[float, int, int]]:
        """A qualifier's readings with the one that holds entry ``idx`` (the name it
        follows) first, at that name's confidence: its province, else its country
        ("Fort Stewart, Georgia" names the state, not the country). Unchanged when no
        reading holds it."""
        for kind, column in ((ADMIN1, self._admin1), (COUNTRY, self._cc)):
            code = column[idx]
            for n, (_, i, fk) in enumerate(ranked):
                if code and self._kind[i] == kind and column[i] == code:
                    return [(confidence, i, fk), *ranked[:n], *ranked[n + 1 :]]
        return ranked

    def fits(self, idx: int, qual: Qualifier) -> bool:
        """Whether entry ``idx`` may be the name a qualifier follows: a town or province
        in a named province ("Washington, Kansas" is no state of Washington), else
        anything in a named country; in a country a qualifier names as one too
        ("Cancún, Mexico" is no town of the State of Mexico)."""
        if self._kind[idx] in (CITY, ADMIN1) and qual.admins:
            return self._admin1[idx] in qual.admins or self._cc[idx] in qual.nations
        return self._cc[idx] in qual.countries

    def _anchor_km(self, idx: int, key: str, ctx: DocContext) -> float | None:
        """Distance to the nearest point of the document's other names (equirectangular:
        accurate enough for bucketing, and cheap); None when no other name has one. A
        story's few points are all measured; a long list's many are sought by grid cell
        (:class:`PointGrid`), the last bucket's bound standing for anything farther."""
        lat = math.radians(self._lat[idx])
        lon = math.radians(self._lon[idx])
        own = math.cos(lat)
        if len(ctx.anchors) > GRID_ANCHORS:

            def km(akey: str, alat: float, alon: float) -> float | None:
                if akey == key:
                    return None
                a = math.radians(alat)
                x = (math.radians(alon) - lon) * (math.cos(a) + own) * 0.5
                return math.hypot(x, a - lat) * 6371.0

            d = ctx.anchor_grid().nearest(self._lat[idx], self._lon[idx], NEAR_KM[1:], km)
            return NEAR_KM[-1] if d is None else d
        best = None
        for akey, alat, alon, acos in ctx.anchor_radians():
            if akey == key:
                continue
            x = (alon - lon) * (acos + own) * 0.5
            d = math.hypot(x, alat - lat)
            if best is None or d < best:
                best = d
        return None if best is None else best * 6371.0


_RESOLVERS: dict[int, Resolver] = {}


def default_resolver(gazetteer: Gazetteer) -> Resolver:
    """The resolver with the shipped weights, one per gazetteer (memoised)."""
    r = _RESOLVERS.get(id(gazetteer))
    if r is None or r.gazetteer is not gazetteer:
        r = _RESOLVERS[id(gazetteer)] = Resolver(gazetteer, load_model().get("resolver"))
    return r


def _leader(
    polls: Sequence[tuple[float, str]], own: Callable[[str], float], floor: float
) -> str | None:
    """The province first in ``polls`` (totals, most first) once a name's ``own`` share
    of each is taken away, if it has ``floor`` or more and no other as much."""
    if not polls or polls[0][0] < floor:
        return None  # not even the first has enough
    best: list[tuple[float, str]] = []  # the first two
    for total, a in polls:
        if len(best) == 2 and total <= best[1][0]:
            break  # no province further down can pass the second
        best = sorted([*best, (total - own(a), a)], reverse=True)[:2]
    if not best or best[0][0] < floor or (len(best) == 2 and best[1][0] == best[0][0]):
        return None
    return best[0][1]


def _read_jointly(votes: dict[str, dict[str, float]]) -> None:
    """Move each split vote towards the provinces the other names vote for, as a reader
    takes "Middlesex County ... Somerset County" for the two that lie together in New
    Jersey: a name's share of a province becomes its even share plus the others' votes
    there, normalised (one round, from the votes as first cast; whole votes stay)."""
    support: dict[str, float] = {a: sum(by_name.values()) for a, by_name in votes.items()}
    split: dict[str, list[str]] = {}
    for a, by_name in votes.items():
        for k, v in by_name.items():
            if v < 1.0:
                split.setdefault(k, []).append(a)
    for k, admins in split.items():
        # its own even share plus the others' votes: the total vote of the province
        total = sum(support[a] for a in admins)
        for a in admins:
            votes[a][k] = support[a] / total


def _km_bucket(d: float) -> int:
    for i, limit in enumerate(NEAR_KM):
        if d < limit:
            return i
    return 5
