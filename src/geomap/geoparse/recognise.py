"""Recognition: which proposed spans are place names.

A logistic-regression model (weights in ``data/geoparser.json``, trained by
``geodata/train_geoparser.py``) scores each span from local features: shape,
capitalisation, sentence position, neighbouring words, the gazetteer's view of the name
(kind, population, how common the word is in English), lists ("Gorham and Lancaster"),
a province that holds the town before its comma ("Washington, IL") and document
evidence (repeats, lower-case uses, surnames, a province another name names). Of
overlapping spans above the threshold the longest wins.
"""

from __future__ import annotations

import math
import re
from bisect import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from operator import not_

from ..gazetteer import Gazetteer
from ..gazetteer.build import (
    FORM_ADJECTIVE,
    FORM_ALIAS,
    FORM_DEMONYM,
    FORM_LANGUAGE,
    FORM_NAME,
    FORM_NAMES,
    KINDS,
    fold,
)
from .model import common_words, surnames
from .spans import (
    ADMIN_HEADS,
    BUILDING_HEADS,
    CONTEXT_WORDS,
    DIRECTIONS,
    HEADS,
    LIST_GAPS,
    LOCAL_HEADS,
    LOCATIVES,
    LOWER_ARTICLE,
    LOWER_OPENERS,
    PLURAL_HEADS,
    UNITS_BEFORE_OF,
    Span,
    Tokens,
    appositions,
    has_unit_lists,
    is_possessive,
    postal_abbreviation,
    sentence_start,
    units_listed,
)

_ADMIN1 = KINDS.index("admin1")
_COUNTRY = KINDS.index("country")
_CITY = KINDS.index("city")
# a capitalised word right before a name ("Knight" of "James Knight Newman")
WORD_BEFORE = re.compile(r"\b([A-Z][A-Za-z'’.-]*) $")
# a people's words, never a person's given name ("German" of "German Chambers")
_PEOPLES_FORMS = (FORM_ADJECTIVE, FORM_DEMONYM, FORM_LANGUAGE)
# a given name and a surname, maybe an age, before "of" and a town: "Carol Wood of
# Longview", "Kevin Lyons, 28, of Dobson"
_PERSON_OF = re.compile(r"\b([A-Z][a-z]+) [A-Z][A-Za-z'’-]+(?:, \d{1,3},)? of $")
CAPITAL_AFTER = re.compile(r" [A-Z]")
SPEECH_AFTER = re.compile(r",? (?:said|says|told|added|wrote)\b")
# what a government says or does to what others say, after its capital ("Caracas said",
# "Brussels welcomed the result")
_STANCE_AFTER = re.compile(
    r" (?:said|says|welcomed|welcomes|rejected|rejects|denied|denies|condemned|condemns"
    r"|accused|accuses|warned|warns|insisted|insists|responded|dismissed|dismisses"
    r"|hailed|protested|demanded|demands|urged|urges|announced|announces|summoned|summons"
    r"|recalled|expelled|expels|threatened|threatens|vowed|vows|pledged|pledges|called"
    r"|calls|signalled|signaled|signals|blamed|blames|criticised|criticized|criticises"
    r"|criticizes|retaliated|responds|sanctioned|sanctions|recognised|recognized)\b"
)
# titles whose period ends no sentence, and words that open sentences
_TITLES = "Mr Mrs Ms Dr St Gov Sen Rep Gen Lt Col Sgt Capt Prof Rev Mt Ft".split()
_OPENERS = """The It He She They We I In A An But And This That Its His Her Their On At For
As If When After""".split()
# A sentence's end, a stop or a line's end and a space: not the period of a title ("Gov.
# Katie Hobbs", "Mr. Smith") or an initial ("J. Smith"), nor of a dotted abbreviation
# ("The U.S. Department of Agriculture") unless a word that opens sentences follows ("...
# in the U.S. The")
# ("." comes first, so only a stop's position is looked behind: linear and cheap)
SENTENCE_END = re.compile(
    r"[!?\n]\s|\."
    # one look behind per title length (a look behind is of one width)
    + "".join(
        rf"(?<!\b(?:{'|'.join(t for t in _TITLES if len(t) == n)})\.)"
        for n in sorted({len(t) for t in _TITLES})
    )
    + r"(?<!\s[A-Z]\.)(?:(?<!\.[A-Z]\.)|(?=\s+(?:"
    + "|".join(_OPENERS)
    + r")\b))\s"
)
# a count in brackets after a list's item: "Tumbes (4,980)", "Kasese (12 cases)"
_COUNT = re.compile(r"^ \([\d,.]+(?: [a-z]+){0,2}\)")
# a list's item the gazetteer lacks between two names: ", Chilanga and " of "Kafue,
# Chilanga and Mpulungu"
_UNKNOWN_ITEM = re.compile(r"(?:, | and | or )[A-Z][\w'’-]+(?:, | and | or |, and |, or )")
# Words that join a list of names: "Gorham and Lancaster".
_LIST_WORDS = frozenset({"and", "or"})
# Prepositions of place too rare in the training corpora to weigh on their own, read as
# "near": "ships attacked off Hodeidah", "towns along the Dnipro", "beyond Kharkiv",
# "western North Carolina, including Asheville"
_LIKE_NEAR = {
    "off": "near",
    "along": "near",
    "beyond": "near",
    "including": "near",
    **dict.fromkeys(LOWER_OPENERS, "near"),  # "Nearby Fargo", "neighboring Moorhead"
    # verbs whose object is a place taken, struck or left: "Wagner fighters left Bakhmut"
    **dict.fromkeys(
        "left entered reached captured recaptured shelled bombed stormed seized evacuated".split(),
        "in",
    ),
}
# "Axum towns", "Katsina and Kano states": a plural unit word reads as its singular,
# where the singular is a context word
_PLURAL_CONTEXT = {
    **{p: h for p, h in PLURAL_HEADS.items() if h in CONTEXT_WORDS},
    "towns": "town",
    "cities": "city",
}
# "A Decatur man", "the Brooklyn native", "Ferguson residents": a person described by
# the place they come from (one class: each word alone is rare in news)
_RESIDENT_NOUNS = frozenset(
    "man woman men women resident residents native natives couple teen teenager boy girl".split()
)
# Kinds of reading a province the document names makes likelier.
_TOWNS = frozenset({KINDS.index("city"), KINDS.index("feature")})
# What follows a dateline's town: "KABUL (Reuters)", "MANILA, Philippines",
# and the news agencies' dash ("WASHINGTON — The Senate", "WINNIPEG – ").
DATELINE_ENDS = frozenset({" (", ", ", " —", " –", " -", "—", "–", ": "})
# One sense per discourse: a name the story surely uses as a place (one mention scores
# SURE_SCORE or more) keeps its other mentions down to REPEAT_FLOOR. On GeoWebNews'
# cross-validated predictions this added 7 right places and no false one.
SURE_SCORE = 0.9
REPEAT_FLOOR = 0.15
# A town listed beside a kept name of its country needs only this score (on
# GeoWebNews' cross-validated predictions: 4 right places more, 1 false)
LIST_FLOOR = 0.3
# A name with one reading only, a town of a local story's province, no person's and no
# everyday word (wordfreq's Zipf scale below this), needs only this score
SOLE_FLOOR = 0.05
SOLE_ZIPF = 3.0
# ... and so does a name whose apposition or verb gives its distance from where the
# story stands ("Branson, 40 miles south, added a garage"; "Kilgore, about 20 miles east
# of Tyler"; "Salem is 20 miles east of Clemson"): no person or firm lies miles off
_ABOUT = r"(?:about |some |nearly |roughly |almost |just |more than |less than )?"
# a distance and its unit, a conversion in brackets after it ("40 miles (64 km) ")
MILES = r"\d[\d,.]* (?:miles?|km|kilomet(?:er|re)s?)(?: \([^()\n]{1,20}\))? "
# what places a name where it stands: an apposition's comma or a verb of lying
PLACED_BY = r"(?:, | (?:is|lies|sits) (?:located )?)"
_AWAY = re.compile(rf"{PLACED_BY}{_ABOUT}{MILES}(?:to the )?(?:north|south|east|west)")
# ... or before it, how far off it is ("about 40 miles from Texarkana", "15 km outside
# Goma")
_MILES_FROM = re.compile(rf"{MILES}(?:away )?(?:from|outside(?: of)?) $")
# An apposition or a verb that calls the name before it a town ("retake Bara, a town
# north of the city", "Franklin is a city in Tennessee"; not "Jordan, a town official,"):
# a place, though it says not in which province
CALLED_A_TOWN = re.compile(
    r"(?:,| is) (?:(?:a|the) (?:[a-z]+ ){0,2}(?:town|village|city|hamlet|suburb)"
    r"(?= (?:in|on|near|north|south|east|west|northeast|northwest|southeast|southwest|of"
    r"|that|where|which|about|some)\b|[,.;])"
    # ... or its county's seat: "to Ely, the White Pine County seat"
    r"|the (?:[A-Z][\w'’-]* ){1,3}(?:County|Parish) seat\b)"
)
# An office the town's people elect or hold after its name ("Nelson mayor Nick Smith",
# "Richmond MP Rishi Sunak", "a Tillamook Republican"): the name is the place they serve
_ITS_OFFICE = re.compile(
    r" (?:mayor|MP|MPs|MSP|MLA|TD|councillor|councilor|Republican|Democrat)\b(?!-)"
)
# "as far north as Vernon", "as far away as Darwin", "from as far as Hershey": how far
# something reaches
_AS_FAR_AS = re.compile(r"\bas far (?:(?:north|south|east|west|away|afield|inland) )?as $")
# "the northern town of Koné", "the village of Nagrig": a unit word's "of" before a name
_UNIT_WORD_OF = re.compile(r"\b(?:town|city|village|hamlet|port|township|district) of $")
# "north of Gurley", "about 10 miles southwest of Sterling": a point of the compass from
# the name (no person's or firm's)
_COMPASS_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))? of $", re.IGNORECASE)
# A lower-case Arabic article and its hyphen after a word of place, before a name ("in
# al-Busayrah and al-Shaddadi", "the al-Hol camp"): a place's name, as wire copy spells
# it (not a person's: "Bashar al-Assad", whose article follows a capitalised name)
_ARTICLE_AFTER_PLACE_WORD = re.compile(
    r"\b(?:[Ii]n|near|from|to|at|and|of|the|toward|towards|outside|around) "
    rf"{LOWER_ARTICLE}$"
)
# A name tagged as such ("#Karachi", "#Napa") needs only this score: a tweet tags the
# places it speaks of
HASHTAG_FLOOR = 0.15
# a city this big is news in a story of its country (:meth:`Recogniser._main_place_of`)
MAIN_CITY = 100_000


# An event a place names, right after the name: "at Ferguson protest", "the Ferguson
# riot", "the Napa earthquake" (not "shooting" or "attack", which persons' names go
# before too)
_EVENT_AFTER = re.compile(
    r" (?:protests?|protesters|riots?|rioting|unrest|uprising|massacre|earthquake|quake"
    r"|floods|flooding|wildfire|outbreak|clashes|siege)\b"
)


def _floor_of_words(text: str, s: Span) -> float:
    """The score a name the gazetteer has needs where the words around span ``s`` say
    it is a place: :data:`SOLE_FLOOR` where an apposition or a verb says how far off it
    lies (:data:`_AWAY`) or the words before it do (:data:`_MILES_FROM`), after "as far
    (north) as", after "north of" or after a lower-case Arabic article that follows a
    word of place; :data:`REPEAT_FLOOR` where an apposition or a verb calls it a town or
    its county's seat (:data:`CALLED_A_TOWN`), an office its people hold follows
    (:data:`_ITS_OFFICE`) or a unit word's "of" goes before it ("the town of Koné"); else
    more than any score."""
    before = text[s.start - 3 : s.start]  # (most names have none of these words around)
    if (
        _AWAY.match(text, s.end)
        or (
            before in ("om ", "de ", "of ")  # "from ", "outside ", "outside of "
            and _MILES_FROM.search(text, max(0, s.start - 40), s.start)
        )
        or (before == "as " and _AS_FAR_AS.search(text, max(0, s.start - 30), s.start))
        or (
            before == "of "
            and not s.key.startswith("the ")  # ("north of the city of Sun Prairie")
            and _COMPASS_OF.search(text, max(0, s.start - 14), s.start)
        )
        or (
            before.endswith("-")
            and _ARTICLE_AFTER_PLACE_WORD.search(text, max(0, s.start - 12), s.start)
        )
    ):
        return SOLE_FLOOR
    if (
        CALLED_A_TOWN.match(text, s.end)
        or _ITS_OFFICE.match(text, s.end)
        or _EVENT_AFTER.match(text, s.end)
        or (before == "of " and _UNIT_WORD_OF.search(text, max(0, s.start - 12), s.start))
    ):
        return REPEAT_FLOOR
    return 2.0


def _hashtag(text: str, s: Span) -> bool:
    """Whether span ``s`` is a hashtag's whole name ("#Karachi"), not its start ("#NC5",
    a television station's)."""
    return (
        s.start > 0
        and text[s.start - 1] == "#"
        and (s.end == len(text) or not text[s.end].isalnum())
    )


# Before an abbreviation, words that say it names where something is ("moved to DC")
_ABBREVIATION_BEFORE = re.compile(r"\b(?:in|to|from|across|near|outside|around|throughout) $")


def _abbreviation_placed(text: str, s: Span) -> bool:
    """Whether span ``s`` is a curated abbreviation of a place (all capitals, or
    letters and stops: "DC", "D.C.", "NSW") after a preposition of place: "She moved to
    D.C. last year" (the ranker's weight for an alias of a capital, learned from the
    Kremlin and Downing Street, left it at 0.1)."""
    surface = text[s.start : s.end]
    return (
        bool(s.forms)
        and all(fk == FORM_ALIAS for fk in s.forms[1::2])
        and len(surface) <= 6
        and surface.replace(".", "").isupper()
        and _ABBREVIATION_BEFORE.search(text, max(0, s.start - 12), s.start) is not None
    )


def _words_around(
    prev: str | None,
    nxt: str | None,
    surname_next: bool,
    given_name: bool,
    sent_start: bool,
    kind: str,
    pb: int,
) -> list[str]:
    """The features of the classes of the words before and after a span (None when no
    word adjoins it), crossed with its kind and population bucket."""
    if prev is not None:
        f = [f"prev={prev}"]
        if sent_start:
            f.append("prev_sent")
        else:
            f.append(f"prev={prev}|pop={pb}")
            f.append(f"prev={prev}|kind={kind}")
    else:
        f = ["prev=none"]
    if nxt is not None:
        if surname_next:
            f.append("next_is_surname")
        f.append(f"next={nxt}")
        f.append(f"next={nxt}|kind={kind}")
        if given_name:
            f.append(f"given_name|next={nxt}")
            if surname_next:  # "Vladimir Putin ... Putin said"
                f.append("given_name|next_is_surname")
        f.append(f"next={nxt}|pop={pb}")
    else:
        f.append("next=none")
    return f


class Recogniser:
    """Score proposed spans as toponyms and keep the best non-overlapping ones.

    Parameters
    ----------
    gazetteer
        Where the names' readings come from.
    model
        ``{"bias", "weights", "threshold"}``; without weights every span scores 0.73.
    """

    def __init__(self, gazetteer: Gazetteer, model: dict | None = None) -> None:
        self.gazetteer = gazetteer
        model = model or {}
        self._weights = _Weights(model.get("weights", {}))
        self._bias: float = model.get("bias", 1.0)
        self.threshold: float = model.get("threshold", 0.5)
        self._kind = gazetteer.column("kind")
        self._pop = gazetteer.column("population")
        self._admin1 = gazetteer.column("admin1")
        self._cc = gazetteer.column("cc")
        self._capitals = gazetteer.capitals
        self._common = common_words()
        self._own: dict[tuple, tuple[tuple[str, ...], float, str, int]] = {}
        self._around: dict[tuple, tuple[tuple[str, ...], tuple[float, ...]]] = {}

    def features(self, text: str, tokens: Tokens, spans: Sequence[Span]) -> list[list[str]]:
        """Binary features of each span (strings; see module docstring)."""
        return [[*own[0], *around[0]] for own, around in self._features(text, tokens, spans)]

    def scores(self, text: str, tokens: Tokens, spans: Sequence[Span]) -> list[float]:
        """:meth:`score` of each span's :meth:`features`, the span's own features
        weighed once per distinct set (names recur from document to document)."""
        # the same sum, in the same order, as ``score``: own features first
        return [
            self._probability(self._bias + sum(around[1], own[1]))
            for own, around in self._features(text, tokens, spans)
        ]

    def _features(
        self, text: str, tokens: Tokens, spans: Sequence[Span]
    ) -> Iterator[
        tuple[tuple[tuple[str, ...], float, str, int], tuple[tuple[str, ...], tuple[float, ...]]]
    ]:
        """Per span: its own features (:meth:`_own_features`) and those of the words
        around it (:meth:`_context_features`)."""
        starts, ends, keys, caps, uppers = tokens.columns()
        n = len(tokens)
        doc_counts = Counter(s.key for s in spans)
        lower_words = set(compress(keys, map(not_, caps)))
        cap_counts = Counter(compress(keys, caps))
        given = self.gazetteer.given_names
        span_starts = {s.start for s in spans}
        ending_at: dict[int, list[Span]] = {}  # where proposed spans end, and which
        for s in spans:
            ending_at.setdefault(s.end, []).append(s)
        zipf = self.gazetteer.zipf
        # "Charles Taylor ... Taylor said": a word that follows a given name is a surname
        surnames = {
            keys[k + 1]
            for k in compress(range(n - 1), caps)
            if caps[k + 1] and keys[k] in given and text[ends[k] : starts[k + 1]] == " "
        }
        named = self._named_provinces(spans)
        for s in spans:
            ntok = s.j - s.i + 1
            surface = text[s.start : s.end]
            sent_start = sentence_start(text, s.start)
            own = self._own_features(
                min(ntok, 4),
                uppers[s.j] or uppers[s.i],
                len(surface) if len(surface) <= 3 else 0,
                "." in surface,
                sent_start,
                s.forms,
                # a gazetteer name that ends in a head word reads as one ("Carlisle County")
                s.head or (keys[s.j] if ntok > 1 and keys[s.j] in HEADS else None),
                int(zipf.get(s.key, 0.0)) if ntok == 1 else 0,
                s.key in lower_words,
                ntok == 1 and s.key in surnames,
                min(doc_counts[s.key], 3),
                ntok == 1 and s.key in self._common,
            )
            pw = nw = None  # the words before and after: none when not adjoining
            surname_next = False
            holds = False
            prev = s.i - 1
            if sent_start and prev >= 0:
                # the word that ends the sentence before says nothing of this one ("...
                # with Belarus and Russia. Jordan Bardella" is no "Russia, Jordan")
                pw = "SENT"
            elif prev >= 0 and text[ends[prev] : s.start].strip() == ";":
                pw = "SEMI"  # a new clause, whose first word keeps its own case
            elif prev >= 0 and s.start - ends[prev] <= 2:
                pk = keys[prev]
                if (
                    pk in LOWER_OPENERS
                    and prev > 0
                    and keys[prev - 1] in LOCATIVES
                    and starts[prev] - ends[prev - 1] == 1
                ):
                    pk = keys[prev - 1]  # "in nearby Moorhead" reads as "in Moorhead"
                pw = (
                    pk
                    if pk in CONTEXT_WORDS
                    else _LIKE_NEAR.get(pk) or ("CAP" if caps[prev] else "w")
                )
                if caps[prev] and pk in given and text[ends[prev] : s.start] == " ":
                    pw = "GIVEN"  # "Lewis Hamilton", "Paris Hilton": a person's surname
                elif ends[prev] in ending_at or (
                    prev > 0 and ends[prev - 1] in ending_at and is_possessive(text, tokens, prev)
                ):
                    # a place, or a place's possessive: "Zimbabwe's Hwange coal plant"
                    pw = "PLACE"
                    holds = text[ends[prev] : s.start] == ", " and self._holds(
                        s, ending_at[ends[prev]]
                    )
                elif (
                    pk in _LIST_WORDS
                    and prev > 0
                    and starts[prev] - ends[prev - 1] <= 2
                    and (
                        ends[prev - 1] in ending_at
                        # past a name the gazetteer lacks: "Hamburg, Brasoc and Mannheim"
                        or (
                            prev > 1
                            and caps[prev - 1]
                            and text[ends[prev - 2] : starts[prev - 1]] == ", "
                            and ends[prev - 2] in ending_at
                        )
                    )
                ):
                    pw = "PLACE_" + pk  # "Gorham and Lancaster": a list of names
                elif (
                    pk == "of"
                    and prev > 0
                    and keys[prev - 1] in UNITS_BEFORE_OF
                    and starts[prev] - ends[prev - 1] == 1
                ):
                    pw = "UNIT_of"  # one class: "of" also follows "Bank", "Republic"
            nxt = s.j + 1
            if nxt < n and starts[nxt] - s.end <= 2:
                gap = text[s.end : starts[nxt]]
                nk = keys[nxt]
                if gap == "'" or gap == "’":
                    nw = "'s"
                elif gap == ", " and starts[nxt] in span_starts:
                    nw = "COMMA_PLACE"
                elif gap.strip() in (",", ";", ":"):
                    nw = "punct"
                elif starts[nxt] in span_starts:
                    nw = "PLACE"
                elif (
                    nk in _LIST_WORDS
                    and nxt + 1 < n
                    and starts[nxt + 1] in span_starts
                    and starts[nxt + 1] - ends[nxt] == 1
                ):
                    nw = nk + "_PLACE"
                elif nk in _RESIDENT_NOUNS and gap == " ":
                    nw = "RESIDENT"
                elif nk in CONTEXT_WORDS:
                    nw = nk
                elif nk in _PLURAL_CONTEXT:
                    nw = _PLURAL_CONTEXT[nk]
                elif caps[nxt]:
                    nw = "CAP" if nk in self.gazetteer.names else "CAP_unknown"
                    # "Vladimir Putin ... Putin said": the next word is a surname
                    surname_next = cap_counts[nk] > doc_counts[s.key] and ntok == 1
                elif nk.isdigit():
                    nw = "num"
                elif gap == "-":
                    nw = "-" + nk if nk in ("based", "born", "backed", "led") else "-w"
                else:
                    nw = "w"
            around = self._context_features(
                pw,
                nw,
                surname_next,
                ntok == 1 and s.key in given,
                uppers[s.i]
                and (
                    text[s.end : s.end + 2] in DATELINE_ENDS
                    # "BEIRUT/JERUSALEM, Oct 12 (Reuters)": a dateline of two towns
                    or (
                        sent_start
                        and text[s.end : s.end + 1] == "/"
                        and uppers[s.j + 1 : s.j + 2] == (True,)
                    )
                ),
                sent_start,
                own[2],
                min(own[3], 6),
                self._locus(s, named),
                holds,
            )
            yield own, around

    def _holds(self, s: Span, before: Sequence[Span]) -> bool:
        """Whether a province the span may be holds a town the name before its comma may
        be: "IL" in "Washington, IL", "Georgia" in "Fort Stewart, Georgia"."""
        kind, admin1 = self._kind, self._admin1
        provinces = {admin1[i] for i in s.forms[::2] if kind[i] == _ADMIN1}
        return bool(provinces) and any(
            kind[i] in _TOWNS and admin1[i] in provinces for b in before for i in b.forms[::2]
        )

    def _named_provinces(self, spans: Sequence[Span]) -> dict[str, set[str]]:
        """The provinces some proposed span may name, each with the keys of the spans
        naming it. A name that may be a capital names no province: "Washington said"
        is no sign of towns in Washington State."""
        kind, admin1 = self._kind, self._admin1
        named: dict[str, set[str]] = {}
        for s in spans:
            readings = s.forms[::2]
            if not self._capitals.isdisjoint(readings):
                continue
            for idx in readings:
                if kind[idx] == _ADMIN1:
                    named.setdefault(admin1[idx], set()).add(s.key)
        return named

    def _locus(self, s: Span, named: dict[str, set[str]]) -> bool:
        """Whether a town the span may be lies in a province another name of the
        document names: a local reader's "Texarkana" in a story that names Texas."""
        return any(True for _ in self._local_towns(s, named))

    def _local_towns(self, s: Span, named: dict[str, set[str]]) -> Iterator[int]:
        """The towns the span may be that lie in a province another name of the document
        names (``named``: :meth:`_named_provinces`)."""
        kind, admin1 = self._kind, self._admin1
        for idx in s.forms[::2]:
            if kind[idx] in _TOWNS:
                keys = named.get(admin1[idx])
                if keys and (len(keys) > 1 or s.key not in keys):
                    yield idx

    def _own_features(
        self,
        ntok: int,
        upper: bool,
        length: int,
        dotted: bool,
        sent_start: bool,
        forms: tuple[int, ...],
        head: str | None,
        zipf: int,
        lower_use: bool,
        surname: bool,
        repeat: int,
        common: bool,
    ) -> tuple[tuple[str, ...], float, str, int]:
        """The features a span has whatever words surround it: its shape, the
        gazetteer's view of it and its uses in the document; with their summed weight,
        the kind of its first reading and its population bucket. Memoised: most spans
        of a document have been seen with the same features before."""
        memo = (ntok, upper, length, dotted, sent_start, forms, head, zipf, lower_use, surname)
        memo += (repeat, common)
        hit = self._own.get(memo)
        if hit is not None:
            return hit
        if len(self._own) > 100_000:  # a long corpus: keep memory bounded
            self._own.clear()
        f = [f"ntok={ntok}"]
        if upper:
            f.append("upper")
        if length:
            f.append(f"len={length}")
        if dotted:
            f.append("dotted")
        if sent_start:
            f.append("sent_start")
        # gazetteer view
        kinds, forms_kind, readings, pop = self._form_summary(forms)
        if not forms:
            f.append("no_entry")
        for k in kinds:
            f.append(f"kind={k}")
        for fk in forms_kind:
            f.append(f"form={fk}")
        for fk_kind in readings:
            f.append(f"form={fk_kind}")
        pb = int(math.log10(pop + 1))
        f.append(f"pop={pb}")
        f.append(f"ncand={min(len(forms) // 2, 5)}")
        if head:
            group = (
                "admin" if head in ADMIN_HEADS else "local" if head in LOCAL_HEADS else "feature"
            )
            f.append(f"head={group}")
            f.append(f"headword={head}")
        f.append(f"zipf={zipf}")
        f.append(f"zipf={zipf}|pop={min(pb, 7)}")
        if sent_start:
            f.append(f"zipf={zipf}|sent_start")
        if common:  # "Police said", "the Sale": an everyday word that names a town
            f.append("common")
            f.append(f"common|pop={min(pb, 7)}")
            for k in kinds:
                f.append(f"common|kind={k}")
            if sent_start:
                f.append("common|sent_start")
        if lower_use:
            f.append("lower_use")
        if surname:
            f.append("surname")
        f.append(f"repeat={repeat}")
        own = tuple(f)
        hit = self._own[memo] = (
            own,
            sum(map(self._weights.__getitem__, own)),
            # the kind the words around it are read with: a capital even where its
            # province is bigger ("said Kabul had fallen" is no "said Smith had")
            "capital" if "capital" in kinds else kinds[0] if kinds else "none",
            pb,
        )
        return hit

    def _context_features(
        self,
        prev: str | None,
        nxt: str | None,
        surname_next: bool,
        given_name: bool,
        dateline: bool,
        sent_start: bool,
        kind: str,
        pb: int,
        locus: bool,
        holds: bool,
    ) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """The features of the words around a span (the classes ``prev`` and ``nxt`` of
        the words before and after, None when none adjoins it) and their weights, in
        order. Memoised: there are few classes of words, kinds and population buckets."""
        memo = (prev, nxt, surname_next, given_name, dateline, sent_start, kind, pb, locus, holds)
        hit = self._around.get(memo)
        if hit is not None:
            return hit
        if dateline and sent_start:
            # an opening dateline's neighbours are layout ("WINNIPEG — The", "KABUL
            # (Reuters)"), not the words a sentence puts around a name
            f = ["dateline"]
        else:
            f = _words_around(prev, nxt, surname_next, given_name, sent_start, kind, pb)
            if dateline:
                f.append("dateline")
        if locus:  # one of its towns lies in a province the document names
            f.append("locus")
            f.append(f"locus|pop={pb}")
        if holds:  # a province that holds a town the name before its comma may be
            f.append("holds")
        around = tuple(f)
        hit = self._around[memo] = (around, tuple(map(self._weights.__getitem__, around)))
        return hit

    def _form_summary(self, forms: tuple[int, ...]) -> tuple[list[str], list[str], list[str], int]:
        """Kinds of the best readings, form kinds present, the (form kind, kind) pairs of
        the readings ("alias|kind=admin1" for Belgrade's province, never for the capital
        it names under its own name) and the largest population."""
        kinds: list[str] = []
        fks: list[str] = []
        readings: set[str] = set()
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
            readings.add(f"{fname}|kind={kind}")
            if self._pop[idx] > pop:
                pop = self._pop[idx]
        kinds.sort()
        fks.sort()
        return kinds, fks, sorted(readings), pop

    def score(self, feats: Iterable[str]) -> float:
        """Probability that a span is a toponym."""
        return self._probability(self._bias + sum(map(self._weights.__getitem__, feats)))

    @staticmethod
    def _probability(z: float) -> float:
        """The logistic of a logit (0 below -30, where it underflows to nothing useful)."""
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def select(
        self,
        spans: Sequence[Span],
        text: str = "",
        home: str | None = None,
        nation: str | None = None,
    ) -> list[Span]:
        """Spans above threshold, or above :data:`REPEAT_FLOOR` where another mention of
        the name is sure, or above :data:`LIST_FLOOR` in a list beside a kept name of
        its country (:meth:`_listed`) or as the province of the town before its comma
        (:meth:`_qualifying`) or as a town of province ``home`` (a local story's: "fled
        toward Delphos" in a Lima, Ohio paper; above :data:`REPEAT_FLOOR` in such a list:
        "between Columbus and Seymour" of an Indiana story) or of a country its sentence
        names (:meth:`_in_named_country`) or as the capital, a province or a main city of
        country ``nation`` (a story of one country's: "Ottawa said" in a Nova Scotia
        story, :meth:`_main_place_of`), or above :data:`REPEAT_FLOOR` after a building's
        comma (:meth:`_placing`), or above :data:`SOLE_FLOOR` where an apposition says
        how far off it lies (:data:`_AWAY`); of overlapping ones the longest wins, then
        the likeliest. A county the story is sure of makes its name alone as sure."""
        # one sense per discourse: a name the story surely uses as a place keeps its
        # weaker mentions ("Cavan Sustainable Energy Group" after "a portfolio for Cavan")
        sure = {s.key for s in spans if s.score >= SURE_SCORE}
        # ... and its name without an admin head ("A former Waukesha police officer" of a
        # story sure of "Waukesha County")
        sure |= {
            words[0]
            for s in spans
            if s.score >= SURE_SCORE
            and len(words := s.key.rsplit(" ", 1)) == 2
            and words[1] in ADMIN_HEADS
        }
        # ... and so does a local story of a name it keeps as a town of its province,
        # where it stands alone ("Ravenna was led by" of a Nebraska sports story that
        # named Ravenna as a town; not "Jim Knight Delphos")
        home_towns = (
            {s.key for s in spans if s.score >= LIST_FLOOR and self._town_of(s, home, text)}
            if home is not None
            else set()
        )
        listed, province = self._listed(spans, text) if text else (set(), set())
        if text:
            listed |= self._qualifying(spans, text) | self._in_named_country(spans, text)
        placing = self._placing(spans, text) | self._hometowns(spans, text) if text else set()
        described = self._described(spans, text) if text else set()
        unit_lists = has_unit_lists(text)
        good = [
            s
            for n, s in enumerate(spans)
            if s.score >= self.threshold
            or (s.score >= REPEAT_FLOOR and s.key in sure)
            or (s.score >= REPEAT_FLOOR and s.key in home_towns and self._town_of(s, home, text))
            or (s.score >= LIST_FLOOR and n in listed)
            or (s.score >= REPEAT_FLOOR and (n in placing or n in province or n in described))
            or (s.score >= REPEAT_FLOOR and unit_lists and units_listed(text, s.start))
            or (s.score >= HASHTAG_FLOOR and _hashtag(text, s))
            or _abbreviation_placed(text, s)
            or (s.score >= LIST_FLOOR and self._plain_country(s))
            or (s.score >= LIST_FLOOR and self._capital_speaks(s, text))
            or (
                s.score >= (REPEAT_FLOOR if n in listed else LIST_FLOOR)
                and home is not None
                and self._town_of(s, home, text)
            )
            or (s.score >= SOLE_FLOOR and home is not None and self._sole_town_of(s, home, text))
            or (bool(s.forms) and s.score >= _floor_of_words(text, s))
            or (
                s.score >= LIST_FLOOR
                and nation is not None
                and (self._capital_of(s, nation) or self._main_place_of(s, nation, text))
            )
        ]
        # a name inside a longer name the gazetteer has, which reads as no place here, is
        # no place either: "its Blue Springs plant" of a Mississippi story is no Springs
        # of South Africa (a compass word before a town names its part: "East Berlin")
        kept = {id(s) for s in good}
        shadow: dict[int, int] = {}  # token -> the longest such name over it, in tokens
        for w in spans:
            # (words apart, not joined by a hyphen: "D-Ill." is no name "Dill")
            if (
                w.forms
                and w.head is None
                and id(w) not in kept
                and " " in text[w.start : w.end]
                # (nor an opening "The": "The Kremlin spent" is still the Kremlin)
                and w.key.split(" ", 1)[0] not in DIRECTIONS
                and not w.key.startswith("the ")
            ):
                for t in range(w.i, w.j + 1):
                    shadow[t] = max(shadow.get(t, 0), w.j - w.i + 1)
        if shadow:
            good = [s for s in good if shadow.get(s.i, 0) <= s.j - s.i + 1]
        good.sort(key=lambda s: (-(s.end - s.start), -s.score, s.start))
        taken: list[Span] = []
        used: set[int] = set()  # token indices already inside a kept span
        for s in good:
            tokens = range(s.i, s.j + 1)
            if used.isdisjoint(tokens):
                used.update(tokens)
                taken.append(s)
        taken.sort(key=lambda s: s.start)
        # "Henry County High School": a building named by everyday words right after a
        # place's name is that place's, and no second place
        return [
            s
            for k, s in enumerate(taken)
            if s.forms
            or not k
            or text[taken[k - 1].end : s.start] != " "
            or not taken[k - 1].forms
            or not self._everyday_building(s)
        ]

    def _in_named_country(self, spans: Sequence[Span], text: str) -> set[int]:
        """Indices of spans that may be a town of a country their sentence names ("fled
        west to Tine and Adre across the border in Chad"), by a name over the threshold
        whose first reading is that country (:meth:`_town_of` says which words may)."""
        out: set[int] = set()
        weak: list[int] = []
        countries: list[Span] = []
        for n, s in enumerate(spans):
            if s.score < self.threshold:
                if s.score >= LIST_FLOOR:
                    weak.append(n)
            elif s.forms and self._kind[s.forms[0]] == _COUNTRY:
                countries.append(s)
        if not weak or not countries:
            return out
        ends = [hit.start() for hit in SENTENCE_END.finditer(text)]
        named: dict[int, set[str]] = {}  # sentence -> the countries it names
        for s in countries:
            named.setdefault(bisect(ends, s.start), set()).add(self._cc[s.forms[0]])
        for n in weak:
            s = spans[n]
            here = named.get(bisect(ends, s.start))
            if here and any(
                self._cc[i] in here and self._town_of(s, self._admin1[i], text)
                for i in s.forms[::2]
            ):
                out.add(n)
        return out

    def _everyday_building(self, s: Span) -> bool:
        """Whether span ``s`` names a building by everyday words alone ("High School",
        "Medical Center")."""
        return s.head in BUILDING_HEADS and all(w in self._common for w in s.key.split())

    def _capital_speaks(self, s: Span, text: str) -> bool:
        """Whether span ``s`` may be a country's capital by its own name, no everyday
        word nor given name, speaking for its government: "Caracas said it was
        coordinating with Bogota" opening a sentence (where a person's name opens so
        many); or by a curated name of its seat of government after "the": "while the
        Kremlin said" scored 0.49."""
        if _STANCE_AFTER.match(text, s.end) is None:
            return False
        if text[max(0, s.start - 4) : s.start].lower() == "the ":
            return bool(s.forms) and all(
                i in self._capitals and fk == FORM_ALIAS
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
        return (
            s.key not in self.gazetteer.given_names
            and s.key not in self._common
            and any(
                i in self._capitals and fk == FORM_NAME
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
        )

    def _capital_of(self, s: Span, country: str) -> bool:
        """Whether span ``s`` may be the capital of ``country`` by its own name, and is no
        everyday word."""
        return s.key not in self._common and any(
            i in self._capitals and self._cc[i] == country and fk == FORM_NAME
            for i, fk in zip(s.forms[::2], s.forms[1::2])
        )

    def _town_of(self, s: Span, province: str, text: str) -> bool:
        """Whether span ``s`` may be a town (no street or building) of ``province`` by its
        own name and no curated other name of a place (not "the Kremlin" nor "The White
        House", which news uses for Moscow and Washington), and is a name alone
        (:meth:`_alone`)."""
        return (
            # (a province's short name is no such alias: "Ramallah" of "Ramallah and
            # al-Bireh")
            not any(
                fk == FORM_ALIAS and self._kind[i] != _ADMIN1
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
            and any(
                self._admin1[i] == province and self._kind[i] == _CITY and fk == FORM_NAME
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
            and self._alone(s, text)
        )

    def _sole_town_of(self, s: Span, province: str, text: str) -> bool:
        """Whether span ``s`` names one place only, a town of ``province`` by its own
        name, and no person's or everyday word ("Ocala has had less than an inch of
        rain" in a Florida story scored 0.08: "X has" is mostly a person's or a firm's),
        and is a name alone (:meth:`_alone`)."""
        return (
            len(s.forms) == 2
            and s.forms[1] == FORM_NAME
            and self._kind[s.forms[0]] == _CITY
            and self._admin1[s.forms[0]] == province
            and s.key not in self.gazetteer.given_names
            and s.key not in surnames()
            and s.key not in self._common
            and self.gazetteer.zipf.get(s.key, 0.0) < SOLE_ZIPF
            and self._alone(s, text)
        )

    def _main_place_of(self, s: Span, country: str, text: str) -> bool:
        """Whether span ``s`` may be a province or a city of :data:`MAIN_CITY` people of
        ``country`` by its own name, and is a name alone (:meth:`_alone`): a story of
        Spain's "Andalusia and the Basque Country are watching"."""
        return any(
            self._cc[i] == country
            and fk == FORM_NAME
            and (self._kind[i] == _ADMIN1 or (self._kind[i] == _CITY and self._pop[i] >= MAIN_CITY))
            for i, fk in zip(s.forms[::2], s.forms[1::2])
        ) and self._alone(s, text)

    def _alone(self, s: Span, text: str) -> bool:
        """Whether span ``s`` is a name alone (no street or building) bearing no everyday
        word's name ("a White Oldsmobile"), after no capitalised word but a context word
        ("James Knight Newman"; "A Nenagh councillor" is one), before none ("The Diablo
        Canyon nuclear plant") and before no word of speech ("Nelson says")."""
        before = WORD_BEFORE.search(text, max(0, s.start - 40), s.start)
        return (
            s.head is None
            and s.key not in self._common
            and (before is None or fold(before.group(1)) in CONTEXT_WORDS)
            and not CAPITAL_AFTER.match(text, s.end)
            and not SPEECH_AFTER.match(text, s.end)
        )

    def _listed(self, spans: Sequence[Span], text: str) -> tuple[set[int], set[int]]:
        """Indices of spans listed beside a name over the threshold ("attacked Djibo and
        Ouahigouya", "Sheberghan and Kunduz"; "Kafue, Chilanga and Mpulungu", past an
        item the gazetteer lacks) one of whose towns lies in that name's
        country (its most populous reading's, or a local reading's: "Lebanon and Hershey"
        in a Pennsylvania story): a list beside a place of one country names more places
        of it than persons who share a town's name there. Second, the indices of spans
        listed beside a kept town of their own province (:data:`REPEAT_FLOOR` for them)."""
        kind, cc = self._kind, self._cc
        named: dict[str, set[str]] | None = None
        out: set[int] = set()
        province: set[int] = set()
        # the names ending and starting at each offset: "Kingston Springs and Dickson" is
        # a list of the whole name, not only of "Springs" proposed inside it
        ending: dict[int, list[int]] = {}
        starting: dict[int, list[int]] = {}
        for k, s in enumerate(spans):
            ending.setdefault(s.end, []).append(k)
            starting.setdefault(s.start, []).append(k)
        for n in range(len(spans) - 1):
            a, b = spans[n], spans[n + 1]
            gap = text[a.end : b.start]
            if len(gap) <= 40 and gap.startswith(" ("):
                # "Lambayeque (6,115), Tumbes (4,980) and Ica (3,307)": a report's counts
                gap = _COUNT.sub("", gap, count=1)
            if gap not in LIST_GAPS and (len(gap) > 40 or not _UNKNOWN_ITEM.fullmatch(gap)):
                continue
            pairs = [(i, j) for i in ending[a.end] for j in starting[b.start]]
            for weak, strong in (p for i, j in pairs for p in ((i, spans[j]), (j, spans[i]))):
                if strong.score < self.threshold or not strong.forms:
                    continue
                # its most populous reading's country, and that of a town of it in a
                # province the story names ("MOSCOW, Idaho ... Moscow and Pullman")
                countries = {cc[strong.forms[0]]}
                if len(strong.forms) > 2:
                    named = self._named_provinces(spans) if named is None else named
                    countries |= {cc[i] for i in self._local_towns(strong, named)}
                countries.discard(None)
                if any(cc[i] in countries and kind[i] in _TOWNS for i in spans[weak].forms[::2]):
                    out.add(weak)
                # a town of the strong name's own province needs less ("Galveston and
                # Corpus Christi were spared", a sentence's first word, in a Texas story)
                home = self._admin1[strong.forms[0]]
                if kind[strong.forms[0]] in _TOWNS and any(
                    self._admin1[i] == home and kind[i] in _TOWNS for i in spans[weak].forms[::2]
                ):
                    province.add(weak)
                # ... and so does a province of the strong province's country ("followed
                # by Lambayeque (6,115), Tumbes (4,980) and Ica (3,307)")
                first = strong.forms[0]
                if kind[first] == _ADMIN1 and any(
                    kind[i] == _ADMIN1 and cc[i] == cc[first] for i in spans[weak].forms[::2]
                ):
                    province.add(weak)
        return out, province

    def _qualifying(self, spans: Sequence[Span], text: str) -> set[int]:
        """Indices of provinces after the comma of a name over the threshold that they
        may hold as a town ("Moncton, NB", "Springfield, Ill."): a qualifier, whatever
        its short, capitalised shape says alone; so is a province's abbreviation of the
        name's country after one the gazetteer knows only elsewhere ("Clinton Township,
        NJ": Michigan's is the only one it has)."""
        out: set[int] = set()
        cc = self._cc
        for n in range(1, len(spans)):
            town, province = spans[n - 1], spans[n]
            if (
                town.score >= self.threshold
                and text[town.end : province.start] == ", "
                and all(self._kind[i] == _ADMIN1 for i in province.forms[::2])
                and (
                    self._holds(province, (town,))
                    or (
                        postal_abbreviation(text, province)
                        and {cc[i] for i in province.forms[::2]}
                        & {cc[i] for i in town.forms[::2] if self._kind[i] in _TOWNS}
                    )
                )
            ):
                out.add(n)
        return out

    def _plain_country(self, s: Span) -> bool:
        """Whether span ``s`` reads first as a country by its own name, a name that is
        no given name ("Jordan", "Chad", "Israel") nor everyday word ("Turkey"). Such a
        name needs only the list floor: "Israel Strikes Rafah As Egypt Warns" of a
        title-case headline scored 0.49, its capitalised neighbours read as a longer
        name."""
        return (
            bool(s.forms)
            and s.forms[1] == FORM_NAME
            and self._kind[s.forms[0]] == _COUNTRY
            and s.key not in self._common
            and s.key not in self.gazetteer.given_names
        )

    def _described(self, spans: Sequence[Span], text: str) -> set[int]:
        """Indices of names whose apposition says they lie in a place the next span names
        ("Kuriga, a town in Kaduna state", "Steinfurt, a village in Brandenburg",
        "Ndiaganiao, a village in the Mbour department"): a place, though the gazetteer
        may lack it."""
        said = appositions(text)
        if not said:
            return set()
        places = {s.start for s in spans if s.forms}
        return {n for n, s in enumerate(spans) if said.get(s.end, -1) in places}

    def _placing(self, spans: Sequence[Span], text: str) -> set[int]:
        """Indices of places after the comma of a kept building or street the gazetteer
        lacks ("Altnagelvin Hospital, Derry", "Oulton Park, Cheshire"): they say where it
        is, so they need only :data:`REPEAT_FLOOR`."""
        buildings = {
            s.end for s in spans if s.score >= self.threshold and s.head is not None and not s.forms
        }
        return {
            n
            for n, s in enumerate(spans)
            if s.start - 2 in buildings
            and text[s.start - 2 : s.start] == ", "
            and any(self._kind[i] != _COUNTRY for i in s.forms[::2])
        }

    def _hometowns(self, spans: Sequence[Span], text: str) -> set[int]:
        """Indices of towns after a person's given name, surname, maybe age, and "of"
        ("Owner Carol Wood of Longview said", "Kevin Lyons, 28, of Dobson"): the
        person's home, so they need only :data:`REPEAT_FLOOR` (the model learnt "the
        Bank of England said")."""
        given = self.gazetteer.given_names
        out = set()
        for n, s in enumerate(spans):
            if text[s.start - 4 : s.start] != " of " or s.head is not None:
                continue
            person = _PERSON_OF.search(text, max(0, s.start - 40), s.start)
            if (
                person is not None
                and (name := person.group(1).lower()) in given
                # "the Association of German Chambers of Commerce": a people's word
                and not any(fk in _PEOPLES_FORMS for fk in self.gazetteer.names.get(name, ())[1::2])
                and any(self._kind[i] == _CITY for i in s.forms[::2])
            ):
                out.add(n)
        return out


class _Weights(dict[str, float]):
    """Feature -> weight, 0.0 for a feature the model has no weight for (looked up
    with ``[]`` in a C-level ``map``: faster than ``.get`` in a generator)."""

    def __missing__(self, feature: str) -> float:
        return 0.0
