"""Candidate spans: the word tokens of a text and the names that could be places.

One pass over the tokens proposes, per capitalised start token, the longest gazetteer
form starting there (names, aliases, demonyms, "Ill."-style abbreviations; lower-case
connectors such as "of" allowed inside), or a name + head word ("Badakhshan province",
"Royal Street", "Kabul airport"). Whether a span is a place is the recogniser's call
(:mod:`geomap.geoparse.recognise`); which place, the resolver's
(:mod:`geomap.geoparse.resolve`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import Any, NamedTuple, overload

from ..gazetteer import Gazetteer
from ..gazetteer.build import (
    FORM_ADJECTIVE,
    FORM_ALIAS,
    FORM_ALT,
    FORM_DEMONYM,
    FORM_LANGUAGE,
    FORM_NAME,
    KIND_CODE,
    PART_WORDS,
    TRANSLIT_ARTICLES,
    VILLAGE,
    fold,
    skeleton,
)
from .model import common_words, surnames, zipf

MAX_TOKENS = 6
MAX_ACRONYM_LETTERS = 3  # "EU", "U.S.", "UAE"; "HANOI", "ROME" in a dateline are names
# A word that common is a function word ("us", "me", "or") unless in capitals
FUNCTION_WORD_ZIPF = 6.0
# capitalised words before a head word ("Holy Redeemer Church", "St. Mary's Regional
# Medical Center"), and in a name the gazetteer lacks after "in" ("in Kfar Aza")
MAX_HEAD_NAME = 4
MAX_UNKNOWN_NAME = 3

# Words allowed inside a multi-word name ("Isle of Man", "Rio de Janeiro").
# The Arabic article as English spells it: "Deir al-Balah", "Deir ez-Zor", "Ras el-Tin"
ARABIC_ARTICLES = frozenset("al el ez es er ed et az ash adh".split())
# A lower-case Arabic article and its hyphen as wire copy writes it before a place's name
# ("al-Busayrah", "ash-Shaddadi"), as a regular expression
LOWER_ARTICLE = r"(?:al|el|ash|as|ad|ar|az|an|at|ez|es|ed)-"
# The Romance and Germanic particles among them, which may also stand inside a name
# before a head word ("Valle del Cauca province", "Rio de Janeiro state"); not the
# English ones ("Drills in X Sea")
NAME_PARTICLES = frozenset(
    "de del della di da do dos das du des la las le les los der den y".split()
)
CONNECTORS = (
    NAME_PARTICLES
    | frozenset("of am an e a and upon on sur en im in the au aux".split())
    | ARABIC_ARTICLES
)

# Head nouns of organisations and forces: after a capitalised modifier one names the
# organisation ("UN Security Council", "Argentine Air Force", "Dyfed-Powys Police",
# "Nusra Front"), never the village that bears the word. Institutions with a building
# (court, bank, university, centre) and the Pakistani "Agency" are places, so not here.
ORGANISATION_HEADS = frozenset(
    """council force forces committee ministry commission bureau army navy guard corps
    party front movement alliance assembly parliament senate congress police patrol
    command federation""".split()
)
# ... and the words a public body's name ends with ("the Wis. Department of Health")
BODY_HEADS = ORGANISATION_HEADS | frozenset("department agency office authority division".split())
# Head nouns that name an institution before "of" and the place it is of ("University of
# Alberta", "Bank of England", "Council of Europe"), never the village that bears the word.
INSTITUTION_HEADS = ORGANISATION_HEADS | frozenset(
    """university college institute school hospital bank court embassy consulate centre
    center museum library""".split()
)
# People of a town whose name after a title may open a person's ("Mayor Chokwe Antar
# Lumumba"); a bigger one is the title's place ("Mayor Karachi Murtaza Wahab")
TITLED_TOWN = 1_000_000
# Titles a person's name follows ("Russian President Vladimir Putin", "press secretary
# Sarah Sanders", "Manila Archbishop Luis Antonio Tagle"). Ranks and royal titles are left
# out: "General Santos", "Prince George" and "King William's Town" are towns.
PERSON_TITLES = frozenset(
    """president minister chancellor premier senator congressman congresswoman governor
    mayor secretary spokesman spokeswoman spokesperson ambassador envoy leader chairman
    chairwoman commissioner archbishop bishop cardinal pope judge coach""".split()
)
# Capitalised titles of local offices, before their holder's name ("Councilman Jordan
# Phoenix", "Superintendent Paul Gausman"); no context words (the model was fitted
# without them)
LOCAL_TITLES = frozenset(
    """councilman councilwoman councilmember councillor councilor alderman alderwoman
    supervisor trustee sheriff superintendent principal clerk treasurer assessor coroner
    constable marshal auditor recorder selectman selectwoman magistrate""".split()
)
# Capitalised titles no town's name follows as the title's place (unlike "Governor
# Punjab", "Mayor Karachi"): the name after them is the holder's
_NATIONAL_TITLES = frozenset("president senator congressman congresswoman pope judge coach".split())
# Function words whose identity is a useful recognition feature before/after a span.
CONTEXT_WORDS = (
    frozenset(
        """in at from to near of across into through throughout outside inside around toward
    towards via between within over under and or the a an 's by for with on against
    said says say told visited visit based born capital city town province state county
    region border borders north south east west northern southern eastern western central
    mr mrs ms dr president minister gen general sen senator rep king queen prince st
    government officials forces troops people embassy president's university college
    street avenue road school church hospital airport team club fc league times post
    news company bank -based -born is was were are has have had will would""".split()
    )
    | ORGANISATION_HEADS
    | PERSON_TITLES
)  # "Hebron Police", "Manila Archbishop": the next word's identity counts

# Words that open a sentence before a place's name but never begin one: "Nearby Laclede
# County districts" name Laclede County
LOWER_OPENERS = frozenset("nearby neighboring neighbouring".split())
# Conjunctions, capitalised only where they open a sentence
_CONJUNCTIONS = frozenset(
    "because while although though whereas when whenever if unless since but and".split()
)
# a one-letter word elided before a name ("N'Zérékoré", "N'Djamena")
_ELISION = re.compile(r"(?<![a-z])([a-z])'(?=[a-z]{2})")
# What joins the items of a list of names ("Lake, Kane and Will counties")
LIST_GAPS = frozenset({" and ", ", ", " or ", ", and ", ", or "})
# ... and the items of one before a plural head, each with its article ("the Savannah
# and the Upper West regions")
_PLURAL_LIST_GAPS = LIST_GAPS | {" and the "}
# Prepositions after which a capitalised name the gazetteer lacks may still be a place.
LOCATIVES = frozenset(
    "in near outside inside across around into throughout toward towards via".split()
)
# Words before a place's name that no person's or disease's takes: "from Jordan", "to
# Jordan", "in Lassa"
PLACE_WORDS = LOCATIVES | frozenset({"at", "from", "to"})
# Prepositions, capitalised only at a sentence's start ("On Capitol Hill, ..."): no name
# starts with one unless the gazetteer has the whole ("In Salah")
_PREPOSITIONS = LOCATIVES | frozenset(
    "on at from to of for by with over under within against onto through".split()
)
# ... and indefinite articles ("A Crisp County jury"; "A Coruña" is a name the gazetteer has)
_ARTICLES = frozenset({"a", "an"})
_DETERMINERS = _ARTICLES | {"the"}
# ... and words that count or pick what follows ("Two Darke County deputies", "All
# Collier County beaches"; "Two Rivers" is a name the gazetteer has)
_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten all both each every some many several".split()
)
# "the town of Ferguson", "the village of Nagrig", "the islands of Rhodes and Crete",
# "the coast of Rhodes": words whose "of" introduces a place's name
# ... and those whose "of" opens a list of names: "the villages of Kibati, Rusayo and
# Kanyaruchinya"
PLURAL_UNITS = frozenset(
    """towns cities villages districts provinces states regions counties municipalities
    communes townships""".split()
)
UNITS_BEFORE_OF = (
    frozenset(
        """town city village hamlet capital province state region county district suburb
        municipality port governorate prefecture oblast island islands coast outskirts""".split()
    )
    | PLURAL_UNITS
)
# a list item's name, and the gap before the next: "Kibati, ", "Rusayo and "
_LIST_ITEM_BEFORE = re.compile(r"([A-Z][\w'’-]*)(?:, and |, | and )$")


@lru_cache(maxsize=4)
def has_unit_lists(text: str) -> bool:
    """Whether ``text`` has a plural unit's "of" before a name at all: most texts have
    none, and :func:`units_listed` need not be asked there. (Each "s of " looked at once;
    the last few texts remembered, as the recogniser asks again.)"""
    at = text.find("s of ")
    while at != -1:
        word = text[max(0, at - 15) : at + 1].split()
        if word and word[-1] in PLURAL_UNITS and text[at + 5 : at + 6].isupper():
            return True
        at = text.find("s of ", at + 5)
    return False


def units_listed(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows other capitalised names in a list after a
    plural unit's "of" ("the Ugandan towns of Mutukula and Masaka", "the villages of
    Kibati, Rusayo and Kanyaruchinya"): each name of it is one of those units, though
    the gazetteer lacks them. Read back word by word, at most a few items."""
    at = start
    for _ in range(8):
        hit = _LIST_ITEM_BEFORE.search(text, max(0, at - 40), at)
        if hit is None:
            return False
        at = hit.start()
        while at > 1 and text[at - 1] == " " and text[at - 2 : at - 1].isalpha():
            word = text.rfind(" ", 0, at - 1) + 1
            if not text[word].isupper():
                break
            at = word  # (a name of several words: "Kibati Camp")
        before = text[max(0, at - 20) : at].split()
        if len(before) >= 2 and before[-1] == "of" and before[-2] in PLURAL_UNITS:
            return True
    return False


# Month and weekday names: in news they are dates, never the towns that share them.
CALENDAR = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday""".split()
)

# Prefixes of ships' names (navies and merchant ships): "BRP Sierra Madre" is a ship.
SHIP_PREFIXES = frozenset(
    """USS USNS HMS HMAS HMCS HMNZS INS BRP RFS ROKS JS PNS TCG ARA KRI HNLMS FGS ITS
    MV MT SS RV CCGS""".split()
)
# Kinds of warship a name before names ("the Shandong aircraft carrier"), where a
# ferry or a tanker before one is a route's or a port's ("the Dover ferry")
WARSHIPS = frozenset(
    "carrier destroyer frigate cruiser corvette submarine warship battleship".split()
)
# Kinds of vessel: the name right after one is the ship's ("the aircraft carrier
# Shandong", "the cruiser Moskva"), as navies name ships after provinces and towns.
VESSELS = WARSHIPS | frozenset(
    "flagship icebreaker tanker freighter ferry trawler yacht vessel ship".split()
)
# Prefixes that count the parts of an area whose compound name they open ("Tri-Valley",
# "Tri-County", "Bi-State"): the name after the hyphen is no place of its own
_COUNT_PREFIXES = frozenset({"tri", "bi", "quad"})
# Makes of car and truck: the name after one, after a year or an article, is its model
# ("a 2017 Dodge Durango", "the Chevy Tahoe", "her Toyota Tacoma"), as makers name models
# after places
VEHICLE_MAKES = frozenset(
    """acura audi bmw buick cadillac chevrolet chevy chrysler dodge fiat ford gmc honda
    hyundai infiniti isuzu jeep kia lexus lincoln mazda mercury mitsubishi nissan
    oldsmobile plymouth pontiac ram saturn subaru suzuki tesla toyota volkswagen volvo vw
    """.split()
)
_MODEL_YEAR = re.compile(r"(?:19|20)\d\d")
_AREA_WORDS = frozenset("area areas region metro".split())
# wordfreq's Zipf frequency from which a word is English, not a name ("baseball" 4.2,
# "upsets" 3.3; "Kanyon", "Tanesha", "Yusuke" below 2.5)
ENGLISH_ZIPF = 3.0
_VEHICLE_OPENERS = frozenset("a an the his her their its my our your".split())
# Words after a make and a place that make the place where the make builds or sells: "the
# Toyota Kentucky plant"
_WORKS_AFTER = re.compile(r" (?:plant|factory|assembly|dealership|facility|works)\b", re.I)
# Words that end a disease's name: the place before one names the disease ("West Nile
# virus", "Lassa fever", "Crimean-Congo hemorrhagic fever", "Spanish flu", "Middle East
# respiratory syndrome", "the Delta variant", "Shiga toxin"; any word ending in
# "virus": "Sudan ebolavirus"), not a place the text speaks of. Not "measles": no place
# names it, so "California measles outbreak" is an outbreak in California.
DISEASE_WORDS = frozenset(
    """virus fever flu influenza disease syndrome encephalitis hemorrhagic haemorrhagic
    equine respiratory spotted variant subvariant toxin""".split()
)
# Words that end the title of a newspaper, news agency or airline: the place before one
# names the company ("The Washington Post", "Sydney Morning Herald", "Agence
# France-Presse", "Malaysia Airlines"), not a place the text speaks of. A title may have
# an edition word inside ("Detroit Free Press") and go on in another title word ("Star
# Tribune") or a hyphen ("Post-Gazette"), never in another name ("Post Office").
PRESS_WORDS = frozenset(
    """post times tribune herald gazette journal chronicle press presse inquirer enquirer
    examiner courier observer telegraph dispatch sentinel globe bee register bulletin star
    sun mail express mirror guardian news today argus advertiser ledger statesman voice
    picayune independent standard airlines airways lines shimbun ilbo zeitung""".split()
)
# Words that go on a press word's title ("Xinhua News Agency", "Fox News Channel")
_PRESS_TAILS = frozenset("agency service network channel".split())
# Words between a title's name and its press word ("Sydney Morning Herald", "Delta Air
# Lines")
EDITION_WORDS = frozenset("morning evening daily sunday weekly free air".split())
_TITLES_OF = PRESS_WORDS | {"voice"}  # "Times of India", "Voice of America"
# Honorifics and abbreviated ranks: the capitalised name after "Mr." or "Gen." is a
# person's ("Mr. Paris", "Gen. Austin"). Full ranks are left out: "General Santos" is a
# city.
HONORIFICS = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen lt col capt sgt adm cmdr rev fr sir dame".split()
)
_ROMAN = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")  # II..XXXIX, a regnal number
# a generational suffix after a surname: "William Holland, Sr.", "Martin Luther King Jr."
_NAME_SUFFIX = re.compile(r",? (?:Jr|Sr)\b\.?")
_ROAD_NUMBER = re.compile(r"[ -]\d{1,3}(?![\w%-]|[,.]\d)")

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.C., U.K.
    r"|[A-Z]\.[A-Z][a-z]{1,3}\.(?!\w)"  # W.Va., N.Dak.: AP's states of two words
    r"|[A-Z]{1,2}&[A-Z]{1,2}(?![\w&])"  # AT&T, Texas A&M: one word, no "T" or "M"
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


class Tokens(Sequence[Token]):
    """The word tokens of a text as parallel columns, one sequence per :class:`Token`
    field (``tokens.keys[k]`` is ``tokens[k].key``).

    Columns because the columns are what splitting the text yields: building one
    object per token cost more than finding the tokens, and the hot loops read one or
    two fields of many tokens. ``tokens[k]`` still gives a :class:`Token`."""

    __slots__ = ("caps", "ends", "keys", "starts", "texts", "uppers")

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        texts: Sequence[str],
        keys: Sequence[str],
        caps: Sequence[bool],
        uppers: Sequence[bool],
    ) -> None:
        self.starts, self.ends, self.texts = starts, ends, texts
        self.keys, self.caps, self.uppers = keys, caps, uppers

    def __len__(self) -> int:
        return len(self.starts)

    def columns(
        self,
    ) -> tuple[Sequence[int], Sequence[int], Sequence[str], Sequence[bool], Sequence[bool]]:
        """Starts, ends, keys, caps and uppers: the columns the hot loops read."""
        return self.starts, self.ends, self.keys, self.caps, self.uppers

    @overload
    def __getitem__(self, k: int) -> Token: ...
    @overload
    def __getitem__(self, k: slice) -> list[Token]: ...
    def __getitem__(self, k: int | slice) -> Token | list[Token]:
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        return Token(
            self.starts[k], self.ends[k], self.texts[k], self.keys[k], self.caps[k], self.uppers[k]
        )


_SPLIT = re.compile(f"({_TOKEN.pattern})")  # text -> gap, token, gap, token, ..., gap
_MISS = object()
# token text -> (key, cap, upper): news vocabulary repeats, so most tokens are looked up
_INFO: dict[str, tuple[str, bool, bool]] = {}


def _token_info(s: str) -> tuple[str, bool, bool]:
    c = s[0]
    if "a" <= c <= "z":  # most tokens: lower case, their own key
        if c in "dl" and len(s) > 2 and s[1] in "'’" and s[2].isupper():
            # a French article elided before a capital is part of the name:
            # "Côte d'Ivoire", "Provence-Alpes-Côte d'Azur", "Val d'Oise"
            return (s if s.isascii() else fold(s)).lower(), True, False
        return s, False, False
    return (s.lower() if s.isascii() else fold(s)), c.isupper(), len(s) > 1 and s.isupper()


def tokenize(text: str) -> Tokens:
    """Word tokens of ``text`` with offsets ("U.S." is one token; "Ill." is "Ill" and the
    proposer checks the period against the gazetteer).

    Tokenising is the hot loop, so every step runs in C over the whole text: one split
    into gaps and tokens, offsets as running sums of their lengths, each token's key
    and case from a memo."""
    parts = _SPLIT.split(text)
    if len(parts) == 1:
        return Tokens((), (), (), (), (), ())
    texts = parts[1::2]
    offsets = list(accumulate(map(len, parts)))  # ends of each gap and token
    infos = list(map(_INFO.get, texts))
    if None in infos:
        if len(_INFO) > 200_000:
            _INFO.clear()
        for k, info in enumerate(infos):
            if info is None:
                infos[k] = _INFO[texts[k]] = _token_info(texts[k])
    keys, caps, uppers = zip(*infos)
    return Tokens(offsets[0:-1:2], offsets[1::2], texts, keys, caps, uppers)


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
# the place ("Royal Street", "Franklin Avenue"; "Buffalo Bayou" runs through Houston,
# not Buffalo), which lies in the document's locus.
ADMIN_HEADS = frozenset(
    """county parish province region district governorate oblast krai kray prefecture state
    township department""".split()
)
# Head words abbreviated, with their period: "Hamilton Twp., N.J." ("Co." is also a
# company's: "Ford Motor Co.")
HEAD_ABBREVIATIONS = {"twp": "township"}
# Heads only capitalised: "Hamilton Township", New Jersey, but "Soweto township" is Soweto
CAPITAL_HEADS = frozenset({"township", "townships", "side", "elementary"})
# ... and only in lower case: "Santa Cruz department", but "the Justice Department" and
# "the Florida Department of Health" are agencies
LOWER_HEADS = frozenset({"department", "departments"})
# A city this big named before a province head may stand for the province it is the seat
# of (:func:`_province_of_its_city`)
PROVINCE_CITY = 100_000
# Admin heads that translate one another for a country's first-level units.
PROVINCE_HEADS = (
    "province",
    "region",
    "governorate",
    "oblast",
    "krai",
    "kray",
    "prefecture",
    "department",
)
# "Katsina and Sokoto states", "Helmand and Kandahar provinces": a plural admin head
# makes every name of the list before it one of those units; "rivers" each name's river.
PLURAL_HEADS = {
    f"{h[:-1]}ies" if h.endswith("y") else f"{h}es" if h.endswith("sh") else f"{h}s": h
    for h in ADMIN_HEADS
} | {"rivers": "river"}
FEATURE_HEADS = frozenset(
    """airport station river lake mountains mountain range plateau valley island islands bay
    beach harbor harbour port canal strait gulf sea ocean desert peninsula hill hills center
    centre corridor enclave crossing creek basin reservoir dam barrage canyon
    university college hospital institute campus base""".split()
)
LOCAL_HEADS = frozenset(
    """street st avenue ave road rd boulevard blvd square lane drive highway parkway
    expressway freeway turnpike motorway bridge park plaza market estate village stadium
    arena hall school church cathedral mosque temple museum theatre theater library prison
    mall hotel inn tower building buildings cemetery bayou side apartments elementary ghat""".split()
)
HEADS = ADMIN_HEADS | FEATURE_HEADS | LOCAL_HEADS
# Heads that may join two places' names ("the Kabul-Kandahar road", "the Asian-Pacific
# region"), unlike a building's ("Lambert-St. Louis International Airport")
CONNECTING_HEADS = frozenset("road rd highway bridge corridor crossing region".split())
_JOINING_DASHES = frozenset({"-", "–", "—"})  # hyphen, en and em dash
_FEATURE = KIND_CODE["feature"]
_TOWN = KIND_CODE["city"]
_COUNTRY_KIND = KIND_CODE["country"]
# Feature heads of land and water: "Pacific islands", "Aegean islands" are the ocean's
# and the sea's, never a town's (an airport or a university is its town's).
PHYSICAL_HEADS = frozenset(
    """river lake mountains mountain range plateau valley island islands bay beach harbor
    harbour canal strait gulf sea ocean desert peninsula hill hills creek basin reservoir
    dam barrage canyon""".split()
)
# Words that end a longer name ("the Black Sea Coast", "Emerald Coast", "Lake Placid
# Valley", "the Otter Creek valley", "near Jemez Springs" of a New Mexico story, no
# Springs of South Africa): alone after a capitalised word they name nothing of
# their own, though GeoNames has a "Coast" region (Tanzania's) and a "Valley" department
# (Honduras')
NAME_TAILS = PHYSICAL_HEADS | {"coast", "creek", "brook", "springs", "falls"}
# Indonesian and Malay compass words, which go after the name they qualify ("Timor Tengah
# Selatan", "Sulawesi Utara"), and French, Spanish and Portuguese ones ("the health
# districts of Yola Nord and Yola Sud"): after a capitalised word, no place of their name
_COMPASS_TAILS = frozenset("tengah utara selatan barat timur nord sud ouest norte sur sul".split())
# land and water, after a town's name, that a disease is named after
_DISEASE_LANDS = NAME_TAILS | {"canyon", "forest"}
# Words that make a river, lake or range of their own out of a place's name: the Great
# Miami River is not the Miami River, nor the Black Warrior River a "Warrior River"
FEATURE_ADJECTIVES = frozenset("great little big black white red upper lower middle".split())
DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern""".split()
)


# A web address or a social-media handle: the words inside name no place the text speaks
# of ("http://t.co/A5MaUI51M0", "@MSF_USA"). Hashtags stay: "#Gaza" is Gaza.
_LINK = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.])@\w+")


def _in_links(text: str, starts: Sequence[int]) -> set[int]:
    """Indices of the tokens inside web addresses and handles."""
    inside: set[int] = set()
    if "//" in text or "www." in text or "@" in text:
        for m in _LINK.finditer(text):
            inside.update(range(bisect_left(starts, m.start()), bisect_left(starts, m.end())))
    return inside


def propose(text: str, tokens: Tokens, gazetteer: Gazetteer) -> list[Span]:
    """Candidate spans, one per capitalised start token: the longest gazetteer form
    starting there, or a name + head word ("Badakhshan province", "Royal Street")."""
    names = gazetteer.names
    # the gazetteer's memo of names looked up so far, read directly: the hot loop
    memo_get = getattr(names, "memo", names).get
    starts, ends, keys, caps, uppers = tokens.columns()
    spans: list[Span] = []
    n = len(tokens)
    linked = _in_links(text, starts)
    # where an apposition says the name before it lies somewhere: ", a village in "
    described = appositions(text)
    unit_lists = has_unit_lists(text)
    # the countries whose names' transliterations the text may spell its own way
    spelt_in = skeleton_countries(text)
    diseases: set[str] = set()  # names of diseases the text names in full ("West Nile")
    models: set[str] = set()  # names the text gives a car's model ("a GMC Yukon")
    for i in compress(range(n), caps):
        if i in linked or (
            # a month or a day opens no name but a particle's ("Mar del Plata")
            keys[i] in CALENDAR
            and not (i + 1 < n and keys[i + 1] in _NAME_GOES_ON and not caps[i + 1])
        ):
            continue
        best: Span | None = None
        head: tuple[int, str] | None = None  # (head token, key of the name before it)
        key = ""
        for j in range(i, min(n, i + MAX_TOKENS)):
            if j > i:
                gap = text[ends[j - 1] : starts[j]]
                # a possessive inside a name: "Cox's Bazar", "St. John's"
                possessive = keys[j] == "s" and gap in ("'", "\u2019")
                # "St. Petersburg", "N. Korea", "Sault Ste. Marie": an abbreviated word
                if (
                    gap not in (" ", "-")
                    and not possessive
                    and not (
                        gap == ". "
                        and (ends[j - 1] - starts[j - 1] <= 2 or keys[j - 1] == "ste")
                        # ("on Route FF. The Audrain County": a sentence ends)
                        and keys[j] != "the"
                    )
                ):
                    break
                if (
                    (
                        head is None
                        # "Silver Lake Road", "Long Beach Boulevard": a street named after
                        # a place whose own name ends in a head word; "North Side High
                        # School": a building named after a town's part
                        or (
                            head is not None
                            and (
                                keys[j] in LOCAL_HEADS
                                # "Delta and Red River counties" (not "the Clark County
                                # District Attorney")
                                or (
                                    (keys[j] in ADMIN_HEADS or keys[j] in PLURAL_HEADS)
                                    and keys[head[0]] in PHYSICAL_HEADS
                                )
                            )
                            # ("Kendale Lakes Elementary School": the whole school's;
                            # "the Jordan Valley Park", "Mill River Road": a park or road
                            # named after land or water the gazetteer lacks)
                            and (
                                (best is not None and best.j == j - 1)
                                or keys[head[0]] in ("side", "elementary")
                                or (
                                    head[0] == j - 1 and caps[j] and keys[head[0]] in PHYSICAL_HEADS
                                )
                            )
                            # "the Clarke County school board": the county's, no school
                            and (caps[j] or keys[j - 1] not in ADMIN_HEADS)
                        )
                    )
                    and gap == " "
                    and (
                        keys[j] in HEADS
                        or keys[j] in PLURAL_HEADS
                        or (keys[j] in HEAD_ABBREVIATIONS and text.startswith(".", ends[j]))
                    )
                    and (caps[j] or keys[j] not in CAPITAL_HEADS)
                    and not (caps[j] and keys[j] in LOWER_HEADS)
                    and not _state_in_name(text, tokens, j)
                    # (a possessive's "s" is no word: "St. John's Lutheran Church")
                    and j - i - sum(is_possessive(text, tokens, k) for k in range(i + 1, j))
                    <= MAX_HEAD_NAME
                    # no "Drills in X Sea"; but "Deir ez-Zor province", "St Bartholomew's
                    # Hospital" (a saint's possessive, or one inside a name the gazetteer
                    # has, "Cox's Bazar district": "Seoul's Jamsil Stadium" is two)
                    and all(
                        caps[k]
                        or keys[k] in ARABIC_ARTICLES
                        or (k > i and keys[k] in NAME_PARTICLES)  # "Valle del Cauca"
                        or (
                            is_possessive(text, tokens, k)
                            and (keys[i] in SAINTS or (best is not None and best.j == j - 1))
                        )
                        for k in range(i, j)
                    )
                    # "Kabul-Kandahar road", "the Lokoja–Abuja highway": two places,
                    # not a road named after them
                    and not (keys[j] in CONNECTING_HEADS and _after_dash(text, tokens, i))
                    and not _joined_places(names, key)
                    # "The centre"; but "Lake and Will counties" are Will County's
                    and (
                        key not in CONTEXT_WORDS
                        or (keys[j] in PLURAL_HEADS and f"{key} {PLURAL_HEADS[keys[j]]}" in names)
                        or keys[j] == "side"
                    )
                    # "the South Side", "the Upper East Side": a town's part, named by
                    # compass words alone ("the Gaza Side" of a headline is Gaza's)
                    and (keys[j] != "side" or all(keys[k] in PART_WORDS for k in range(i, j)))
                    and keys[i] != "the"  # "The Athens-Clarke County": from "Athens"
                    and keys[i] not in LOWER_OPENERS
                    # "Rohingya crossing the Naf River": a lower-case "-ing" head before
                    # its object is a verb, no named crossing ("the Rafah crossing into
                    # Egypt" is one)
                    and not (
                        not caps[j]
                        and (i == 0 or keys[i - 1] not in _DETERMINERS)
                        and keys[j].endswith("ing")
                        and j + 1 < n
                        and (keys[j + 1] in _PREPOSITIONS or keys[j + 1] in _DETERMINERS)
                    )
                    # "Because Fischer Boulevard floods": a sentence's conjunction
                    and keys[i] not in _CONJUNCTIONS
                    # "the Black Sea corridor": the Black Sea's, no "Sea corridor"; "the
                    # Allen County Public Library": Allen County's, no "County Public
                    # Library"
                    and not (
                        (keys[i] in NAME_TAILS or keys[i] in HEADS)
                        and i > 0
                        and caps[i - 1]
                        and text[ends[i - 1] : starts[i]] == " "
                    )
                    # "South Carolina Highway Patrol", "the Ohio Highway State Patrol":
                    # an organisation's, not a road (but "Leicestershire County Council"
                    # is the county's)
                    and not (
                        _organisation_after(text, tokens, j)
                        and not (keys[j] in ADMIN_HEADS and _get(names, memo_get, key))
                    )
                ):
                    head = (j, key)
                if possessive:
                    key += "'s"
                else:
                    # (a lower-case word after a hyphen may end a name: "Hpa-an", but no
                    # person's after a capitalised word: "President Lai Ching-te")
                    hyphened = gap == "-" and j == i + 1 and (i == 0 or not caps[i - 1])
                    if not caps[j] and keys[j] not in CONNECTORS and not hyphened:
                        break
                    # GeoNames keeps the period: "St. Paul", "St. Petersburg" (Florida's)
                    key = f"{key}{gap if gap in ('-', '. ') else ' '}{keys[j]}"
                    if not caps[j] and not hyphened:
                        continue  # a connector inside a name: "Isle of Man"
            else:
                key = keys[j]
            forms = memo_get(key, _MISS)
            if forms is _MISS:
                forms = names.get(key)
            end = ends[j]
            key2 = key
            if not forms and ". " in key:  # "N. Korea", Russia's "St Petersburg"
                key2 = key.replace(". ", " ")
                forms = _get(names, memo_get, key2)
            if not forms and "-" in key2:  # "El-Fasher" is GeoNames' "El Fasher"
                spaced, joined = key2.replace("-", " "), key2.replace("-", "")
                forms, key2 = _get(names, memo_get, spaced), spaced
                # "Petion-Ville" is GeoNames' "Pétionville"
                if not forms and j > i and (forms := _get(names, memo_get, joined)):
                    key2 = joined
            if not forms and "'" in key2:
                # "N'Zérékoré" is GeoNames' "Nzérékoré" (a one-letter elision, not
                # "He'll")
                joined = _ELISION.sub(r"\1", key2)
                if joined != key2 and (forms := _get(names, memo_get, joined)):
                    key2 = joined
            if not forms and spelt_in:  # "Hafr al-Batin" is GeoNames' "Hafar Al-Batin"
                # (before or after a province head three consonants tell a province:
                # "the Minufiyah governorate", "the governorate of Sohaj")
                province = (j + 1 < n and keys[j + 1] in PROVINCE_HEADS) or (
                    i > 1 and keys[i - 1] == "of" and keys[i - 2] in PROVINCE_HEADS
                )
                forms = _by_skeleton(gazetteer, key2, spelt_in, keys[i], province)
            # "Ill." / "Calif." / "St." abbreviations keep their period ("LA." ends a
            # sentence: all capitals are an acronym, not "La." for Louisiana).
            if end < len(text) and text[end] == "." and not uppers[j]:
                dotted = _get(names, memo_get, key + ".")
                if dotted:
                    forms, key2, end = dotted, key + ".", end + 1
            if (
                forms
                and keys[j] == "department"
                and j + 1 < n
                and keys[j + 1] == "of"
                and not caps[j + 1]
            ):
                # "the Florida Department of Corrections": an agency, not the department
                # (Uruguay's) of that name
                forms = None
            if (
                forms
                and j == i
                and not uppers[j]
                and len(key) <= MAX_ACRONYM_LETTERS
                and gazetteer.zipf.get(key, 0.0) >= FUNCTION_WORD_ZIPF
            ):
                # "They Like Us" of a headline: a pronoun, the alias "US" only in capitals
                forms = readings_where(forms, lambda _, fk: fk != FORM_ALIAS) or None
            if forms:
                if uppers[j] and _letters(text, starts[i], end) <= MAX_ACRONYM_LETTERS:
                    # "JOS, Nigeria (AP)": a dateline's town, the country after its comma
                    forms = _acronym_readings(forms) or _in_country_after(
                        gazetteer, text, tokens, j, forms
                    )
                if j > i and keys[j] in PROVINCE_HEADS:  # "Eastern Region"
                    forms = _provinces_by_any_head(gazetteer, key2[: -len(keys[j]) - 1]) or forms
                best = Span(i, j, starts[i], end, key2, forms)
        if (
            (best is None or not best.forms)  # "WA": no reading but the postal code's
            and uppers[i]
            and i > 0
            and text[ends[i - 1] : starts[i]] == ", "
        ):
            towns = [s for s in spans[-MAX_TOKENS:] if s.end == ends[i - 1]]
            best = _state_code(gazetteer, tokens, i, towns) or best
        bare = best  # the name alone, before any head joins it
        if (
            head is not None
            and (best is None or best.j < head[0])
            # "Migrants crossing the Darien Gap": a sentence's first word, no name of
            # any place, before a lower-case head is no named crossing
            and not (
                (best is None or keys[i] in _QUANTIFIERS)  # ("One lane will remain open")
                and head[0] == i + 1
                and not caps[head[0]]
                and _opens_sentence(text, starts[i])
            )
        ):
            # (the name alone read in another transliteration: "Hadramout governorate")
            spelt = (
                best.forms
                if best is not None and best.j + 1 == head[0] and not names.get(best.key)
                else ()
            )
            best = _head_span(gazetteer, tokens, i, *head, spelt) or best
        if best is None or best.j == i:
            # "the Hmeimim air base": a base the gazetteer names with its lower-case tail
            best = _air_base(text, tokens, i, names) or best
        if (
            best is None
            and head is None
            and (
                (i > 0 and keys[i - 1] in LOCATIVES)
                or (i > 1 and keys[i - 1] == "of" and keys[i - 2] in UNITS_BEFORE_OF)
                or (i > 1 and unit_lists and units_listed(text, starts[i]))
            )
        ):
            best = _unknown_name(text, tokens, i)
        elif best is None and head is None and described and i > 0 and not caps[i - 1]:
            # "Gunmen raided Kuriga, a town in Kaduna state": an apposition says so
            unknown = _unknown_name(text, tokens, i)
            if unknown is not None and unknown.end in described:
                best = unknown
        if (
            best is not None
            and best.j == i
            and (keys[i] in NAME_TAILS or keys[i] in HEADS or keys[i] in _COMPASS_TAILS)
            and i > 0
            and text[ends[i - 1] : starts[i]] == " "
            and (
                caps[i - 1]
                # "Covenant Children's Hospital": no village called Hospital
                or (i > 1 and is_possessive(text, tokens, i - 1) and caps[i - 2])
            )
        ):
            best = None
        if best is not None and (
            _goes_on(text, tokens, best.j)
            # "Ain al-Asad" (an Iraqi air base) is no Ain of France; "Syrian al-Qaeda
            # rebels" stays Syria's
            or (_article_goes_on(text, tokens, best.j) and not adjective_only(best.forms))
        ):
            best = None  # "San Juan de Lurigancho" (Lima's) is no San Juan
        if (
            best is not None
            and i > 0
            and caps[i - 1]
            and keys[i - 1].endswith("s")
            and text[ends[i - 1] : starts[i]] in ("' ", "\u2019 ")
        ):
            best = None  # "Ipswich Magistrates' Court" is no Swiss village called Court
        if (
            best is not None
            and (
                keys[i] in _PREPOSITIONS
                or keys[i] in _ARTICLES
                # (mid-sentence a number opens a name: "at Six Flags Magic Mountain")
                or (keys[i] in _QUANTIFIERS and _opens_sentence(text, starts[i]))
            )
            and best.j > i
            and _get(names, memo_get, best.key) is None
        ):
            # "On Capitol Hill, lawmakers...": the name starts after "On"; "A Crisp
            # County jury" is no county called "A Crisp"
            best = None
        if best is not None and not _named_thing(text, tokens, best, gazetteer):
            spans.append(best)
        elif best is not None and _vehicle_model(text, tokens, best):
            models.add(best.key)
        elif best is not None and _disease_after(text, tokens, best.j + 1):
            diseases.add(best.key)
        elif (
            best is not None
            and bare is not None
            and bare.forms
            and bare.j < best.j
            and keys[best.j] in INSTITUTION_HEADS
            and not _named_thing(text, tokens, bare, gazetteer)
        ):
            # "the Nigeria Centre for Disease Control": an institution's, whose name
            # still says where it is
            spans.append(bare)
    if diseases:
        spans = _named_diseases(tokens, spans, diseases)
    if models:  # "a 2012 GMC Yukon ... the deputy attempted to avoid the Yukon"
        spans = [s for s in spans if s.key not in models]
    spans = _outside_headlines(text, tokens, spans, gazetteer)
    _share_plural_heads(text, tokens, spans, gazetteer)
    _share_leading_heads(text, tokens, spans, gazetteer)
    # "a base in Puerto Jordan" is no Jordan, "Port Jordan" no Port (after the plural
    # heads: "Montgomery, Fort Bend and Brazoria counties" joins Fort to Bend)
    spans = [
        s
        for s in spans
        if s.head is not None or not (_prefixed(text, tokens, s.i, s.j) or _everyday_alternate(s))
    ]
    return _with_directions(text, tokens, _outside_firms(text, tokens, spans))


# Short words a headline capitalises and running text does not ("Police Arrest Man In
# Downtown Apartment", "Flu Surge As Winter Arrives")
HEADLINE_WORDS = frozenset(
    """a an the and or but of in on at to for from by with after over into near as says
    about across amid against before under between during while""".split()
)
# An everyday word in a headline is a place only if one of its readings is this big
# ("Wales", "Paris", "Reading"; not "Downtown", "Hospital", "University")
HEADLINE_MIN_PEOPLE = 200_000
HEADLINE_ZIPF = 4.0  # wordfreq's Zipf scale: an everyday word
HEADLINE_MIN_WORDS = 5
_SEGMENT_END = re.compile(r"\n|[.!?:;]\s")


def headline_tokens(text: str, tokens: Tokens) -> set[int]:
    """The tokens of the title-cased stretches of a text (headlines, titles), where a
    capital says nothing: a stretch between line or sentence ends of at least
    :data:`HEADLINE_MIN_WORDS` words, four fifths of them capitalised, with some of
    :data:`HEADLINE_WORDS` after its first word, all capitalised."""
    starts, keys, caps = tokens.starts, tokens.keys, tokens.caps
    n = len(tokens)
    # the first token of every stretch, then a quick no for the stretches with no
    # capitalised small word inside (most text: running prose capitalises none)
    firsts = sorted({0, *(bisect_left(starts, m.end()) for m in _SEGMENT_END.finditer(text))})
    first_set = set(firsts)
    small = [
        k for k in compress(range(n), caps) if keys[k] in HEADLINE_WORDS and k not in first_set
    ]
    out: set[int] = set()
    for k in small:
        if k in out:
            continue
        at = bisect_left(firsts, k + 1) - 1
        begin, end = firsts[at], firsts[at + 1] if at + 1 < len(firsts) else n
        inner = [m for m in range(begin + 1, end) if keys[m] in HEADLINE_WORDS]
        if (
            end - begin >= HEADLINE_MIN_WORDS
            and all(caps[m] for m in inner)
            and 5 * sum(caps[begin:end]) >= 4 * (end - begin)
        ):
            out.update(range(begin, end))
    return out


def _outside_headlines(
    text: str, tokens: Tokens, spans: list[Span], gazetteer: Gazetteer
) -> list[Span]:
    """The spans but, in a headline (:func:`headline_tokens`), those whose capitals were
    their only claim: an everyday word none of whose readings is a big place
    ("Downtown", "Hospital": towns of Canada and Ireland) and words the gazetteer does
    not know, unless before a province's or county's head word ("Repelled Attack Near
    Crossing"; but "Eucla District")."""
    if not spans:
        return spans
    headline = headline_tokens(text, tokens)
    if not headline:
        return spans
    everyday, zipf = common_words(), gazetteer.zipf
    people = gazetteer.column("population")

    def claimed(s: Span) -> bool:
        if not s.forms:  # an unknown name: only a province's or county's head keeps it,
            # and never across a headline's small word ("Place For Eucla District")
            inner = tokens.keys[s.i : s.j + 1]
            return s.head in ADMIN_HEADS and not HEADLINE_WORDS.intersection(inner)
        key = tokens.keys[s.i]
        return not (
            s.i == s.j
            and (key in everyday or zipf.get(key, 0.0) >= HEADLINE_ZIPF)
            and max(people[i] for i in s.forms[::2]) < HEADLINE_MIN_PEOPLE
        )

    return [s for s in spans if s.i not in headline or claimed(s)]


# Heads of the buildings institutions name ("Uganda Virus Research Institute").
BUILDING_HEADS = frozenset(
    "university college institute school hospital centre center museum library campus".split()
)


SAINTS = frozenset({"st", "saint"})
# Words before a storm's given name ("Hurricane Milton", "Typhoon Haiyan")
STORMS = frozenset("hurricane typhoon cyclone storm".split())


_BASE_TAILS = frozenset({"air", "naval"})


def _air_base(
    text: str, tokens: Tokens, i: int, names: Mapping[str, tuple[int, ...]]
) -> Span | None:
    """Token ``i`` and "air base" or "naval base" after it, in lower case, when the
    gazetteer has that whole name ("Hmeimim air base" is GeoNames' other name of Bassel
    Al-Assad airport; "Hmeimim" alone is none)."""
    keys, starts, ends = tokens.keys, tokens.starts, tokens.ends
    if (
        i + 2 < len(tokens)
        and keys[i + 1] in _BASE_TAILS
        and keys[i + 2] == "base"
        and text[ends[i] : starts[i + 2]] == f" {text[starts[i + 1] : ends[i + 1]]} "
    ):
        key = f"{keys[i]} {keys[i + 1]} base"
        forms = names.get(key)
        if forms:
            return Span(i, i + 2, starts[i], ends[i + 2], key, forms)
    return None


def is_possessive(text: str, tokens: Tokens, k: int) -> bool:
    """Whether token ``k`` is the "s" of a possessive ("Bartholomew's")."""
    return tokens.keys[k] == "s" and text[tokens.ends[k - 1] : tokens.starts[k]] in ("'", "\u2019")


def _state_in_name(text: str, tokens: Tokens, j: int) -> bool:
    """ "Colorado State University", "Ohio State Police": "State" (or "state") before a
    capitalised word is inside an institution's name, not a head word; "St." before a
    capitalised word is a saint's ("Supervisor Mark St. Charles said": no street)."""
    nxt = j + 1
    if nxt >= len(tokens) or not tokens.caps[nxt]:
        return False
    gap = text[tokens.ends[j] : tokens.starts[nxt]]
    return (tokens.keys[j] == "state" and gap == " ") or (
        tokens.keys[j] == "st" and tokens.texts[j] == "St" and gap == ". "
    )


def _get(
    names: Mapping[str, tuple[int, ...]], memo_get: Callable[..., Any], key: str
) -> tuple[int, ...] | None:
    """``names.get(key)``, from the memo when it holds the key."""
    forms = memo_get(key, _MISS)
    return names.get(key) if forms is _MISS else forms


# Particles that join a longer Romance name ("San Juan de Lurigancho", "Leonardo da
# Vinci"), after a place's name that is only its beginning
_NAME_GOES_ON = frozenset("de del della di da do dos das du".split())


# Words that open a town's name before another capitalised word ("Puerto Jordan", "Fort
# Stewart", "San Rafael"): a name they open that the gazetteer lacks is neither word's
# place. (A lake's or a mountain's is often its town's: "Lake Manassas" is by Manassas.)
NAME_PREFIXES = frozenset(
    "puerto porto port fort san santa santo sao saint ste ciudad villa".split()
)


def _prefixed(text: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether the name of tokens ``i``..``j`` follows a name's opening word ("Puerto
    Jordan": the gazetteer would have matched the whole from that word), or is such a
    word alone before a capitalised one ("Port" of "Port Jordan")."""
    keys, caps, starts, ends = tokens.keys, tokens.caps, tokens.starts, tokens.ends
    if (
        i > 0
        and caps[i - 1]
        and keys[i - 1] in NAME_PREFIXES
        and text[ends[i - 1] : starts[i]] == " "
    ):
        return True
    return (
        i == j
        and keys[i] in NAME_PREFIXES
        and i + 1 < len(keys)
        and caps[i + 1]
        and text[ends[i] : starts[i + 1]] == " "
    )


def _everyday_alternate(s: Span) -> bool:
    """Whether span ``s`` is everyday words with a compass word or "the", read only as
    some place's other name: a description, not the place ("Down East", coastal Maine,
    is an other name of Lagrange, a Maine village of 777 people, in GeoNames; "The
    Mission" of San Francisco's Mission District). A town's old name of everyday words
    alone stays ("Company Shops", Burlington, North Carolina)."""
    if " " not in s.key or not s.forms or any(fk != FORM_ALT for fk in s.forms[1::2]):
        return False
    everyday, words = common_words(), s.key.split()
    return any(w in DIRECTIONS or w == "the" for w in words) and all(
        w in everyday or w in DIRECTIONS or w == "the" for w in words
    )


def _outside_firms(text: str, tokens: Tokens, spans: list[Span]) -> list[Span]:
    """``spans`` but a name joined by "&" to a capitalised word that starts no name and
    is no acronym, outside a list: a firm's ("Bed Bath & Beyond" names no Bath; "Jackson
    & Union counties" are both places, "#Colombia & FARC rebels" names Colombia, and
    "Jamison, Norbury, Granville & Somerville" is a list)."""
    if "&" not in text:
        return spans
    keys, caps, uppers = tokens.keys, tokens.caps, tokens.uppers
    starts, ends = tokens.starts, tokens.ends
    starting, ending = {s.i for s in spans}, {s.j for s in spans}
    n = len(keys)

    def word(k: int) -> bool:  # a capitalised word, no acronym nor plural head
        return caps[k] and not uppers[k] and keys[k] not in PLURAL_HEADS

    def firm(s: Span) -> bool:
        if s.i > 0 and text[ends[s.i - 1] : s.start] == ", ":
            return False  # an item of a list
        k = s.j + 1
        if k < n and text[s.end : starts[k]] == " & ":
            return word(k) and k not in starting
        k = s.i - 1
        return k >= 0 and text[ends[k] : s.start] == " & " and word(k) and k not in ending

    return [s for s in spans if not firm(s)]


def _goes_on(text: str, tokens: Tokens, j: int) -> bool:
    """Whether the name ending at token ``j`` goes on with a particle and a capitalised
    word: the gazetteer knows the beginning of a longer name only."""
    keys, caps, starts, ends = tokens.keys, tokens.caps, tokens.starts, tokens.ends
    k = j + 1
    if k + 1 >= len(keys) or keys[k] not in _NAME_GOES_ON or caps[k]:
        return False
    if keys[k + 1] in ("la", "las", "los") and k + 2 < len(keys):
        k += 1
    return (
        caps[k + 1]
        and text[ends[j] : starts[j + 1]] == " "
        and text[ends[k] : starts[k + 1]] == " "
    )


def _article_goes_on(text: str, tokens: Tokens, j: int) -> bool:
    """Whether the name ending at token ``j`` goes on with a lower-case Arabic article
    joined by a hyphen to a capitalised word ("Aita al-Shaab", "Ain al-Asad")."""
    k, keys = j + 1, tokens.keys
    if k + 1 >= len(keys) or keys[k] not in ARABIC_ARTICLES:
        return False  # (most names: a quick no)
    return (
        not tokens.caps[k]
        and tokens.caps[k + 1]
        and text[tokens.ends[j] : tokens.starts[k]] == " "
        and text[tokens.ends[k] : tokens.starts[k + 1]] == "-"
    )


def _unknown_name(text: str, tokens: Tokens, i: int) -> Span | None:
    """ "in Xyzabad", "near Kfar Aza", "the village of Nagrig": capitalised words after a
    locative preposition (or a unit word and "of", or in a list after a plural unit's
    "of": :func:`units_listed`) that the gazetteer does not hold, as a span with no
    readings (the recogniser decides whether it reads like a place; if kept, it is an
    unresolved mention)."""
    starts, ends, caps = tokens.starts, tokens.ends, tokens.caps
    # (", " too: an item of "the villages of Kibati, Rusayo and Kanyaruchinya")
    if text[ends[i - 1] : starts[i]] not in (" ", ", ") or tokens.uppers[i]:
        return None
    if tokens.keys[i] in DIRECTIONS:
        return None  # "in Southeast Kansas": the name after it is found on its own
    j = i
    while j + 1 - i < MAX_UNKNOWN_NAME:
        if (
            j + 1 < len(tokens)
            and caps[j + 1]
            and text[ends[j] : starts[j + 1]] in (" ", "-")
            # ("near Lowes Wednesday": a day names no place)
            and tokens.keys[j + 1] not in CALENDAR
        ):
            j += 1
        elif _article_goes_on(text, tokens, j):
            j += 2  # "the village of Aita al-Shaab"
        else:
            break
    if _NUMBER_AFTER.match(text, ends[j]):
        return None  # "near Interstate 295", "on Route 2", "in Ward 5": a road or a number
    key = " ".join(tokens.keys[i : j + 1])
    return Span(i, j, starts[i], ends[j], key, ())


# a number after a capitalised word: a road's, a flight's, a ward's ("Interstate 295")
_NUMBER_AFTER = re.compile(r" \d")


# What follows "Indian" when it names the native peoples of the Americas, not India
_NATIVE_AFTER = frozenset(
    "reservation reservations affairs tribe tribes tribal health route".split()
)  # ("Indian Route 71" of a Navajo County story)


def _not_a_people(text: str, tokens: Tokens, s: Span) -> bool:
    """Whether a people's word names no place here: a language before "-speaking"
    ("English-speaking regions"), "American" after "Pan" ("the Pan American Health
    Organization"), "Indian" of the native peoples of the Americas ("the Fort Apache
    Indian Reservation", "the Bureau of Indian Affairs", "American Indian")."""
    if text.startswith("-speaking", s.end):
        return True
    if s.i != s.j:
        return False
    before = tokens.keys[s.i - 1] if s.i > 0 else ""
    if before == "pan" and text[tokens.ends[s.i - 1] : s.start] in (" ", "-"):
        return True
    if tokens.keys[s.i] != "indian":
        return False
    after = tokens.keys[s.j + 1] if s.j + 1 < len(tokens) else ""
    return after in _NATIVE_AFTER or before in ("american", "native")


def _named_thing(text: str, tokens: Tokens, s: Span, gazetteer: Gazetteer) -> bool:
    """A name that the words around it make a person's or a ship's: "Elizabeth II",
    "Louis XIV" (a regnal number follows), "William Holland, Sr." (a generational
    suffix follows), "Mr. Paris", "Gen. Austin" (an honorific goes before), "BRP Sierra
    Madre", "USS Carl Vinson" (a ship prefix goes before), "the carrier Shandong" (a
    kind of vessel goes before), "the Shandong aircraft carrier" (a kind of warship
    follows), "The Liaoning, China's oldest carrier," (its apposition calls it a
    vessel); a disease's ("Lassa fever", "Crimean-Congo hemorrhagic fever": a disease
    word follows, maybe after hyphenated names or a word of land or water, "Jamestown
    Canyon virus"); a storm's ("Hurricane Milton"); a street's after an ordinal ("125th
    Street"), a highway's ("U.S. 281"); a newspaper's or an airline's
    (:func:`_press_title`); a person's after a title (:func:`_after_title`), or a title
    and a head word (:func:`_titled_person`);
    a person's before an age, a spouse or "family" ("Jordan Lincoln, 24,", "Dallas
    Vernon and his wife", "the Jackson family"); an institution's whose name goes on in
    "for" and a capital ("International Centre for Diarrhoeal Disease Research"); or an
    organisation's head noun after its capitalised modifier ("Security Council",
    :data:`ORGANISATION_HEADS`; "African Union", though "union" is no context word:
    "Jackson & Union counties" are counties); or a people's word that names none
    (:func:`_not_a_people`)."""
    if _press_title(text, tokens, s) or _after_title(text, tokens, s, gazetteer):
        return True
    if (
        _not_a_people(text, tokens, s)
        or _vehicle_model(text, tokens, s)
        or _after_unknown_name(text, tokens, s, gazetteer)
        or _by_middle_initial(text, tokens, s, gazetteer)
        or _acronym_mid_sentence(text, tokens, s, gazetteer)
    ):
        return True
    if s.i == s.j and s.i > 0 and text[tokens.ends[s.i - 1] : s.start] == " ":
        word, before = tokens.keys[s.i], tokens.keys[s.i - 1]
        # "Security Council", "Air Force", "African Union": an organisation's head noun
        # after its capitalised modifier; "the Council", "the University": an
        # institution named before (no Council, Idaho, nor University, Florida)
        if (tokens.caps[s.i - 1] and (word in ORGANISATION_HEADS or word == "union")) or (
            before == "the" and (word in INSTITUTION_HEADS or word == "union")
        ):
            return True
    nxt = s.j + 1
    if (
        nxt < len(tokens)
        and text[s.end : tokens.starts[nxt]] == " "
        and tokens.uppers[nxt]
        and _ROMAN.match(tokens.texts[nxt])
    ):
        return True
    if _NAME_SUFFIX.match(text, s.end):
        return True
    if s.key in ("u.s.", "us") and _ROAD_NUMBER.match(text, s.end):
        return True  # "U.S. 281", "US 59": a federal highway, not the country
    if (  # "University of Alberta", "Bank of England": the place is the name after "of"
        s.i == s.j
        and tokens.keys[s.i] in INSTITUTION_HEADS
        and nxt + 1 < len(tokens)
        and tokens.keys[nxt] == "of"
        and tokens.caps[nxt + 1]
    ):
        return True
    if (  # "International Centre for Diarrhoeal Disease Research": an organisation's
        s.head is not None
        and tokens.keys[s.j] in INSTITUTION_HEADS
        and nxt + 1 < len(tokens)
        and tokens.keys[nxt] == "for"
        and text[s.end : tokens.starts[nxt]] == " "
        and tokens.caps[nxt + 1]
    ):
        return True
    last = min(len(tokens), nxt + MAX_HEAD_NAME)  # "Crimean-Congo": a few names at most
    while nxt < last and text[tokens.ends[nxt - 1] : tokens.starts[nxt]] == "-":
        nxt += 1
    if (
        s.i > 1
        and tokens.keys[s.i - 1] in ARABIC_ARTICLES
        and not tokens.caps[s.i - 1]  # "Hafr Al-Batin" is a town the gazetteer lacks
        and text[tokens.ends[s.i - 1] : s.start] == "-"
        and tokens.caps[s.i - 2]
        and tokens.keys[s.i - 2] not in LOCATIVES  # ("In al-Hasakah city" is the town)
        and tokens.keys[s.i - 2] not in ("the", "and", "from", "at", "to")
        and text[tokens.ends[s.i - 2] : tokens.starts[s.i - 1]] == " "
    ):
        return True  # "Hayat Tahrir al-Sham", "Ahrar al-Sham": the end of a longer name
    if (
        s.i > 0
        and tokens.keys[s.i - 1] in _COUNT_PREFIXES
        and text[tokens.ends[s.i - 1] : s.start] == "-"
    ):
        return True  # "the Tri-Valley Bulldogs", "Bi-State": an area named for its parts
    if (
        text[s.end : s.end + 2] in ("'s", "’s")
        and s.key.split(" ", 1)[0].rstrip(".") in SAINTS
        and all(gazetteer.column("kind")[i] != _TOWN for i in s.forms[::2])
    ):
        # "St Patrick's and St Seachnails Church": a saint's, no parish of Dominica (a
        # town's possessive stays: "St. Petersburg's mayor")
        return True
    if _VESSEL_APPOSITIVE.match(text, s.end):
        return True  # "The Liaoning, China's oldest carrier, ..."
    if (
        _PERSON_APPOSITIVE.match(text, s.end)
        or _AGE_APPOSITIVE.match(text, s.end)
        or _SPOUSE_AFTER.match(text, s.end)
    ) and (s.i == 0 or tokens.keys[s.i - 1] not in _PREPOSITIONS):
        # "Jackson, a lobbyist, declined to comment", "Dallas Vernon and his wife,
        # Florence, moved"; not "He was born in Warrensburg, the son of Harold and Mary
        # Wilson", nor "a urologist from Fort Salonga, and his wife": the subject's
        return True
    if _warship_after(text, tokens, s.j + 1) and not any(
        gazetteer.column("kind")[i] == KIND_CODE["country"] for i in s.forms[::2]
    ):
        return True  # "the Shandong aircraft carrier"; not "US carrier groups"
    if _disease_after(text, tokens, nxt) or (
        # "Jamestown Canyon virus", "Ross River fever": land or water named after the
        # town names the disease
        nxt + 1 < len(tokens)
        and tokens.caps[nxt]
        and tokens.keys[nxt] in _DISEASE_LANDS
        and text[s.end : tokens.starts[nxt]] == " "
        and _disease_after(text, tokens, nxt + 1)
    ):
        return True
    if _titled_person(text, tokens, s):
        return True
    if (
        s.i > 0
        and tokens.keys[s.i - 1] == "the"
        and text.startswith(" family", s.end)
        and not text[s.end + 7 : s.end + 8].isalpha()
    ):
        return True  # "The Jackson family moved to Tupelo": a surname, no Mississippi
    if s.i > 0:
        prev = s.i - 1
        gap = text[tokens.ends[prev] : s.start]
        if gap == " " and tokens.uppers[prev] and tokens.texts[prev] in SHIP_PREFIXES:
            return True
        if gap == " " and not tokens.caps[prev] and tokens.keys[prev] in VESSELS:
            return True
        if gap in (" ", ". ") and tokens.caps[prev] and tokens.keys[prev] in HONORIFICS:
            return True
        if gap == " " and tokens.caps[prev] and tokens.keys[prev] in STORMS:
            return True  # "Hurricane Milton", "Tropical Storm Florence": a storm's name
        # "125th Street", "5th Avenue": a street, not the English village called Street
        if (
            gap == " "
            and s.i == s.j
            and s.key in LOCAL_HEADS
            and tokens.keys[prev] in ("st", "nd", "rd", "th")
            and prev > 0
            and tokens.keys[prev - 1].isdigit()
            and tokens.ends[prev - 1] == tokens.starts[prev]
        ):
            return True
    return False


# What a person is, as an apposition says it ("Jackson, a lobbyist, declined"; "Kerry,
# the former secretary of state, spoke"; "Sherman and Tyler, two House aides"): a
# town's apposition says "a city", "the capital", "a swing state", never these
PERSON_NOUNS = PERSON_TITLES | frozenset(
    """lobbyist lawyer attorney aide aides official resident student teacher doctor nurse
    officer detective sergeant director executive manager employee worker consultant
    strategist adviser advisor diplomat lawmaker legislator politician prosecutor sheriff
    deputy trooper firefighter soldier pilot candidate activist suspect defendant victim
    witness father mother son daughter wife husband brother sister widow grandmother
    grandfather uncle aunt nephew niece cousin quarterback pitcher player professor
    economist analyst researcher scientist author writer reporter journalist editor actor
    actress singer musician owner founder farmer pastor priest rabbi imam republican
    democrat freshman sophomore junior senior""".split()
)
_PERSON_APPOSITIVE = re.compile(
    r", (?:the|a|an|his|her|their|two|three|both) (?:[\w.'’-]+ ){0,3}(?:"
    + "|".join(sorted(PERSON_NOUNS))
    # closed as an apposition is: not "Sales rose in Austin, a spokesman for the firm
    # said", a reporting clause after a place
    # (a compound title: "Fayah Tamba, the secretary-general of the Liberian Red Cross")
    + r")(?:-[a-z]+)*(?=[,.;:]| of | who | at )",
    re.IGNORECASE,  # "Jordan, a Republican, said"
)
# A person's age set off by commas after the name, maybe after the rest of it, before a
# lower-case word: "Jordan Lincoln, 24, of Dallas", "Webb, 31, was arrested" (a count
# after a place goes on in a capital or in "and": "Lagos, 52, Ogun, 12, and Kano, 9")
_AGE_APPOSITIVE = re.compile(r"(?: [A-Z][\w'’-]*){0,2}, \d{1,3}, (?!and |or )[a-z]")
# "and his wife" or "and her husband" after a person's name, maybe after the rest of it
_SPOUSE_AFTER = re.compile(r"(?: [A-Z][\w'’-]*){0,2},? and (?:his|her) (?:wife|husband)\b")


# A name's apposition that calls it a vessel: ", China's oldest carrier,", ", the
# flagship of the Black Sea Fleet"
_VESSEL_APPOSITIVE = re.compile(
    r", (?:the|a|an|[A-Z][\w.]*['’]s) (?:[a-z-]+ ){0,3}(?:"
    + "|".join(sorted(VESSELS))
    + r")(?=[,.;:]| of )"
)


def _vehicle_model(text: str, tokens: Tokens, s: Span) -> bool:
    """ "a 2017 Dodge Durango", "the Chevy Tahoe": a name after a make of car
    (:data:`VEHICLE_MAKES`) that follows a year or an article is the car's model; not
    "the Toyota Kentucky plant". A make after a year or an article is the car's ("a 2012
    Toyota Prius", "the Toyota overturned": no Toyota, Japan)."""
    i = s.i
    keys = tokens.keys
    if i == s.j and keys[i] in VEHICLE_MAKES and i >= 1:
        after = keys[i + 1] if i + 1 < len(tokens) else ""
        return text[tokens.ends[i - 1] : s.start] == " " and (
            _MODEL_YEAR.fullmatch(keys[i - 1]) is not None
            # "a Toyota 4-Runner", "the Toyota overturned": a make after an article is
            # the car (not "the Lincoln area")
            or keys[i - 1] in _ARTICLES
            or (keys[i - 1] == "the" and after not in HEADS and after not in _AREA_WORDS)
        )
    return (
        i >= 2
        and keys[i - 1] in VEHICLE_MAKES
        and tokens.caps[i - 1]
        and text[tokens.ends[i - 1] : s.start] == " "
        and (keys[i - 2] in _VEHICLE_OPENERS or _MODEL_YEAR.fullmatch(keys[i - 2]) is not None)
        and text[tokens.ends[i - 2] : tokens.starts[i - 1]] == " "
        and _WORKS_AFTER.match(text, s.end) is None
    )


def _by_middle_initial(text: str, tokens: Tokens, s: Span, gazetteer: Gazetteer) -> bool:
    """ "Sherri L. Washington", "John F. Kennedy": a name after a given name and a middle
    initial is the person's surname; "Jordan L. Blackburn", a given name before a middle
    initial and a capitalised word, the person's given name."""
    i, k = s.i, s.j + 1
    if (
        i >= 2
        and _initial(tokens, i - 1)
        and text[tokens.ends[i - 1] : s.start] == ". "
        and text[tokens.ends[i - 2] : tokens.starts[i - 1]] == " "
        and tokens.caps[i - 2]
        and tokens.keys[i - 2] in gazetteer.given_names
    ):
        return True
    return (
        i == s.j
        and k + 1 < len(tokens)
        and s.key in gazetteer.given_names
        and _initial(tokens, k)
        and text[s.end : tokens.starts[k]] == " "
        and text[tokens.ends[k] : tokens.starts[k + 1]] == ". "
        and tokens.caps[k + 1]
        and not tokens.uppers[k + 1]
    )


def _acronym_mid_sentence(text: str, tokens: Tokens, s: Span, gazetteer: Gazetteer) -> bool:
    """ "any increase in number of SARI cases", "surveillance for ILI and SARI in local
    health centres": a word of four capitals or more between lower-case words, read only
    as towns, is an acronym (SARI, not Sari, Iran); countries and continents so written
    stay ("including the DPRK and South Korea", "the AFRICA hot zone")."""
    i, k = s.i, s.j + 1
    return (
        i == s.j
        and i > 0
        and k < len(tokens)
        and tokens.uppers[i]
        and len(tokens.texts[i]) >= 4
        and tokens.texts[i].isalpha()
        and not tokens.caps[i - 1]
        and tokens.texts[i - 1].isalpha()
        and text[tokens.ends[i - 1] : s.start] == " "
        and text[s.end : tokens.starts[k]] == " "
        and not tokens.caps[k]
        and tokens.texts[k].isalpha()
        and _towns_only(gazetteer, s)
    )


def _towns_only(gazetteer: Gazetteer, s: Span) -> bool:
    """Whether every reading of span ``s`` is a town."""
    kind = gazetteer.column("kind")
    return all(kind[r] == _TOWN for r in s.forms[::2])


def _initial(tokens: Tokens, t: int) -> bool:
    """Whether token ``t`` is one capital letter (a middle initial)."""
    return len(tokens.texts[t]) == 1 and tokens.texts[t].isupper()


def _after_unknown_name(text: str, tokens: Tokens, s: Span, gazetteer: Gazetteer) -> bool:
    """ "from Kanyon Franklin to Drew Hudgin", "chief operating officer Yusuke Otsuka",
    "Tanesha Melbourne-Blake": a one-word name that reads only as towns, right after a
    capitalised word inside a sentence that is no place, no English word
    (:data:`ENGLISH_ZIPF`) and no acronym, is a person's surname after a given name no
    list holds. Not "Baseball Toronto" (an English word), "Victoria Park London" (a
    place's), "the UN Geneva office"."""
    i = s.i
    if i < 2 or i != s.j:
        return False
    keys, caps = tokens.keys, tokens.caps
    before = keys[i - 1]
    return (
        caps[i - 1]
        and not tokens.uppers[i - 1]
        and tokens.texts[i - 1].isalpha()
        and text[tokens.ends[i - 1] : s.start] == " "
        and text[tokens.ends[i - 2] : tokens.starts[i - 1]] == " "  # (inside a sentence)
        and before not in gazetteer.names
        and before not in CONTEXT_WORDS
        and before not in common_words()
        and zipf(before) < ENGLISH_ZIPF
        and _towns_only(gazetteer, s)
    )


def _titled_person(text: str, tokens: Tokens, s: Span) -> bool:
    """ "Sheriff Lane Magill", "Coach Lane Kiffin": a capitalised title and a local head
    word, a capitalised word after them, name a person (no "Sheriff Lane" street); "Mayor
    Street" alone, or before a head ("Judge Street Bridge"), stays a street."""
    keys, k = tokens.keys, s.j + 1
    return (
        s.head is not None
        and s.j == s.i + 1
        and tokens.caps[s.i]
        and keys[s.i] in PERSON_NOUNS
        and keys[s.j] in LOCAL_HEADS
        and k < len(tokens)
        and text[s.end : tokens.starts[k]] == " "
        and tokens.caps[k]
        and keys[k] not in HEADS
        and keys[k] not in PLURAL_HEADS
        and keys[k] not in CALENDAR
    )


def _organisation_after(text: str, tokens: Tokens, j: int) -> bool:
    """Whether an organisation's head word (:data:`ORGANISATION_HEADS`) follows token
    ``j`` within two capitalised words ("Highway Patrol", "Highway State Patrol")."""
    for k in range(j + 1, min(len(tokens), j + 3)):
        if not tokens.caps[k] or text[tokens.ends[k - 1] : tokens.starts[k]] != " ":
            return False
        if tokens.keys[k] in ORGANISATION_HEADS:
            return True
    return False


def _disease_after(text: str, tokens: Tokens, k: int) -> bool:
    """Whether token ``k`` is a disease word after a space (:data:`DISEASE_WORDS`)."""
    return (
        k < len(tokens)
        and (tokens.keys[k] in DISEASE_WORDS or tokens.keys[k].endswith("virus"))
        and text[tokens.ends[k - 1] : tokens.starts[k]] == " "
    )


def _named_diseases(tokens: Tokens, spans: list[Span], diseases: set[str]) -> list[Span]:
    """The spans but the bare names of diseases the text names in full: "Texas recorded
    120 cases of West Nile" after "West Nile virus"; not after a preposition of place
    ("Lassa fever was first found in Lassa", "a traveler from the Middle East")."""
    keys = tokens.keys

    def placed(i: int) -> bool:
        k = i - 2 if i > 1 and keys[i - 1] == "the" else i - 1
        return k >= 0 and keys[k] in PLACE_WORDS

    return [s for s in spans if s.key not in diseases or placed(s.i)]


def _warship_after(text: str, tokens: Tokens, k: int) -> bool:
    """Whether the words from token ``k`` on are a lower-case kind of warship ("aircraft
    carrier", "destroyer"), right after the name before them."""
    keys = tokens.keys
    if k < len(keys) and keys[k] == "aircraft" and not tokens.caps[k]:
        k += 1
    return (
        k < len(keys)
        and keys[k] in WARSHIPS
        and not tokens.caps[k]
        and text[tokens.ends[k - 1] : tokens.starts[k]] == " "
    )


def _press_title(text: str, tokens: Tokens, s: Span) -> bool:
    """ "The New York Times", "Sydney Morning Herald", "Times of India": the span is part
    of the title of a newspaper, a news agency or an airline (:data:`PRESS_WORDS`)."""
    keys, caps, starts, ends = tokens.keys, tokens.caps, tokens.starts, tokens.ends
    n = len(tokens)
    k = s.j + 1
    gap = text[s.end : starts[k]] if k < n else ""
    while k < n and gap in (" ", "-") and caps[k] and keys[k] in EDITION_WORDS:
        k += 1
        gap = text[ends[k - 1] : starts[k]] if k < n else ""
    if k < n and gap in (" ", "-") and caps[k] and keys[k] in PRESS_WORDS:
        after = k + 1
        return not (
            after < n
            and text[ends[k] : starts[after]] == " "
            and caps[after]
            and keys[after] not in PRESS_WORDS
            and keys[after] not in _PRESS_TAILS
        )
    # "Times of India", "Voice of America", "Radio Free Europe"
    i = s.i
    return i >= 2 and (
        (keys[i - 1] == "of" and caps[i - 2] and keys[i - 2] in _TITLES_OF)
        or (keys[i - 1] == "free" and caps[i - 1] and keys[i - 2] == "radio")
    )


def _after_title(text: str, tokens: Tokens, s: Span, gazetteer: Gazetteer) -> bool:
    """ "President Vladimir Putin", "Archbishop Luis Antonio Tagle": a given name right
    after a person's title (:data:`PERSON_TITLES`) starts a person's name; so does a
    word the gazetteer does not know, and the name after it is the person's too
    ("President Xi Jinping"), and a name after a title that goes on in such a word is
    the person's when it reads only as a small town ("Mayor Chokwe Antar Lumumba"). A
    place right after a title stays ("Governor Punjab", "Mayor Karachi Murtaza Wahab").
    A given name set off by commas after a lower-case title is a person's ("the mayor,
    Andy Street, said")."""
    keys, starts, ends = tokens.keys, tokens.starts, tokens.ends
    i = s.i
    if i < 1:
        return False
    if text[ends[i - 1] : starts[i]] == ", ":
        # "The West Midlands mayor, Andy Street, said": a given name set off by commas
        # after a lower-case title is the holder's name, not a street
        return (
            keys[i - 1] in PERSON_TITLES
            and not tokens.caps[i - 1]
            and keys[i] in gazetteer.given_names
            and text[s.end : s.end + 1] == ","
        )
    if text[ends[i - 1] : starts[i]] != " ":
        return False
    if keys[i - 1] in PERSON_TITLES or (tokens.caps[i - 1] and keys[i - 1] in LOCAL_TITLES):
        # "Mayor Chokwe Antar Lumumba": a small town's name goes on in a word the
        # gazetteer does not know ("Governor Punjab Chaudhry Sarwar" keeps Punjab)
        k = s.j + 1
        kind, people = gazetteer.column("kind"), gazetteer.column("population")
        if (
            keys[i - 1] in _NATIONAL_TITLES
            and tokens.caps[i - 1]
            and s.i == s.j
            and all(kind[r] == _TOWN and people[r] < TITLED_TOWN for r in s.forms[::2])
        ):
            return True  # "Former President Lincoln visited Gettysburg": no Nebraska
        return keys[i] in gazetteer.given_names or (
            k < len(keys)
            and bool(s.forms)
            and all(kind[r] == _TOWN and people[r] < TITLED_TOWN for r in s.forms[::2])
            and text[ends[s.j] : starts[k]] == " "
            and tokens.caps[k]
            and keys[k] not in gazetteer.names
            and keys[k] not in HEADS
            and keys[k] not in PLURAL_HEADS
        )
    return (
        i >= 2
        and text[ends[i - 2] : starts[i - 1]] == " "
        and tokens.caps[i - 1]
        and (
            # ("Circuit Clerk Clint Langley": a title, a word no place bears, a name)
            (
                s.j == i
                and (
                    keys[i - 2] in PERSON_TITLES
                    or (tokens.caps[i - 2] and keys[i - 2] in LOCAL_TITLES)
                )
                and keys[i - 1] not in gazetteer.names
            )
            # "Township Supervisor Mark St. Charles says": a title, a given name, and the
            # rest of the holder's name
            or (
                (
                    keys[i - 2] in PERSON_TITLES
                    or (tokens.caps[i - 2] and keys[i - 2] in LOCAL_TITLES)
                )
                and keys[i - 1] in gazetteer.given_names
            )
        )
    )


def _letters(text: str, start: int, end: int) -> int:
    return sum(c.isalpha() for c in text[start:end])


def readings_where(forms: tuple[int, ...], keep: Callable[[int, int], bool]) -> tuple[int, ...]:
    """The (entry, form kind) pairs of a name's flat ``forms`` that ``keep`` accepts."""
    return tuple(
        x for k in range(0, len(forms), 2) if keep(forms[k], forms[k + 1]) for x in forms[k : k + 2]
    )


def _state_code(gazetteer: Gazetteer, tokens: Tokens, i: int, towns: Sequence[Span]) -> Span | None:
    """ "Modesto, CA", "Moore, OK", "Perth, WA": a postal abbreviation after a town's
    comma is the province that holds the town (:attr:`Gazetteer.state_codes`), read so
    only there: alone "OK" and "PA" are words and acronyms."""
    codes = gazetteer.state_codes.get(tokens.keys[i])
    if not codes:
        return None
    kind, admin1 = gazetteer.column("kind"), gazetteer.column("admin1")
    town_provinces = {
        admin1[k] for t in towns for k in t.forms[::2] if kind[k] == KIND_CODE["city"]
    }
    holding = [c for c in codes if admin1[c] in town_provinces]
    if not holding:
        return None
    forms = tuple(x for c in holding for x in (c, FORM_ALIAS))
    return Span(i, i, tokens.starts[i], tokens.ends[i], tokens.keys[i], forms)


def _in_country_after(
    gazetteer: Gazetteer, text: str, tokens: Tokens, j: int, forms: tuple[int, ...]
) -> tuple[int, ...]:
    """The towns among ``forms`` in the country named after token ``j``'s comma, when a
    wire service's bracket follows it ("JOS, Nigeria (AP)"): a dateline, not an acronym."""
    k = j + 1
    if k >= len(tokens) or text[tokens.ends[j] : tokens.starts[k]] != ", " or not tokens.caps[k]:
        return ()
    if not WIRE_AGENCY.match(text, tokens.ends[k]):
        return ()
    kind, cc = gazetteer.column("kind"), gazetteer.column("cc")
    named = gazetteer.names.get(tokens.keys[k], ())[::2]
    countries = {cc[c] for c in named if kind[c] == KIND_CODE["country"]}
    return readings_where(forms, lambda i, _: kind[i] == _TOWN and cc[i] in countries)


# What follows a wire service's dateline town: "GENEVA (Reuters) -", "ATLANTA (AP) —",
# "JOS, Nigeria (AP)" after the country (Reuters puts the date between: "GENEVA, Sept 5
# (Reuters) -")
WIRE_AGENCY = re.compile(
    r"(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})?"
    r" \([A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?\)"
)


def _acronym_readings(forms: tuple[int, ...]) -> tuple[int, ...]:
    """ "EU", "UK", "LA": an all-capitals short name is an acronym. Only a curated alias
    reads it as a place; the towns that merely bear the letters as a name ("Eu" in
    France for the EU, "Un" in India for the UN) are no readings."""
    return readings_where(forms, lambda _, fk: fk == FORM_ALIAS)


def _with_directions(text: str, tokens: Tokens, spans: list[Span]) -> list[Span]:
    """ "Eastern Ukraine", "southern Lebanon": a compass word before a place name that
    the gazetteer does not hold as a whole is part of that place, not a place of its own
    (a province called "Eastern" in Saudi Arabia), as is a town-part word ("Uptown
    Normal" is no Uptown of Chicago's and Normal). A compass word alone ("the South",
    "Northern", "the West") is a part of a place named elsewhere or a bloc: no span;
    so is one before a landform's plural that towns bear ("the Northern Plains" is no
    Plains, Pennsylvania), with that word."""
    keys = tokens.keys
    by_start = {s.i: s for s in spans}
    out = []
    landform = -1  # the token of a landform's name after a compass word: no town
    for s in spans:
        nxt = by_start.get(s.i + 1)
        if s.i == landform:
            continue
        if (
            s.j == s.i
            and keys[s.i] in DIRECTIONS
            and nxt is not None
            and nxt.j == nxt.i
            and keys[nxt.i] in _LANDFORMS
            and text[s.end : nxt.start] == " "
        ):
            # "the Eastern Plains" of Colorado, "the Northern Plains": a region the
            # gazetteer lacks, not Plains, Georgia
            landform = nxt.i
            continue
        if (
            s.j == s.i
            and (keys[s.i] in DIRECTIONS or keys[s.i] in TOWN_PARTS)
            and nxt is not None
            and nxt.head is None
            and nxt.forms
            and text[s.end : nxt.start] == " "
            # a place's own name, not only a village's old or foreign one ("the Western
            # Isles" is no part of Isles-lès-Villenoy)
            and any(fk != FORM_ALT for fk in nxt.forms[1::2])
        ):
            s = Span(s.i, nxt.j, s.start, nxt.end, nxt.key, nxt.forms)
        elif s.head is None and _compass_only(keys, s):
            continue
        out.append(s)
    return out


# Words for the part of a town named before its name ("Uptown Normal", "Midtown
# Manhattan"), which GeoNames gives to some town's district (Chicago's Uptown), or for
# the town and its suburbs ("Metro Nashville" is no Metro, Indonesia)
TOWN_PARTS = frozenset({"uptown", "midtown", "downtown", "metro"})
# Landforms' plural names that towns bear too ("Plains", Georgia; "Highlands", Texas)
_LANDFORMS = frozenset("plains highlands lowlands uplands hills heights".split())

# Words for a part of a whole that name no place alone: the compass words, and "the
# Centre" (India's union government, a party's political centre; France's Centre region
# is "Centre-Val de Loire", Cameroon's the "Centre Region")
_PARTS = DIRECTIONS | {"centre", "center"}


def sentence_start(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens a sentence (or a line, or the text)."""
    k = start - 1
    while k >= 0 and text[k] in " \t\"“‘'(*[#_-—–":
        k -= 1
    return k < 0 or text[k] in ".!?\n:…"


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` opens a sentence or follows a dateline's dash
    ("DARKE COUNTY – Two Darke County deputies")."""
    return sentence_start(text, start) or text[max(0, start - 3) : start] in (" – ", " — ")


def _compass_only(keys: Sequence[str], s: Span) -> bool:
    """ "South", "Northern", "The North", "the Centre": words for a part only (after a
    leading "the")."""
    if keys[s.i] not in _PARTS and keys[s.i] != "the":
        return False  # most spans: a quick no
    words = keys[s.i : s.j + 1]
    if words[0] == "the":
        words = words[1:]
    return bool(words) and all(k in _PARTS for k in words)


def _after_dash(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the run of capitalised words through token ``i`` follows a capitalised word
    and a dash: the second place of "the Kasese–Fort Portal road"."""
    starts, ends, caps = tokens.starts, tokens.ends, tokens.caps
    while i > 0 and caps[i - 1] and text[ends[i - 1] : starts[i]] == " ":
        i -= 1
    return i > 0 and caps[i - 1] and text[ends[i - 1] : starts[i]] in _JOINING_DASHES


def _joined_places(names: Mapping[str, tuple[int, ...]], key: str) -> bool:
    """Whether ``key`` is no name but names joined by hyphens, each a place's own name
    ("kabul-kandahar", "mombasa-nairobi"; not "guinea-bissau", a name)."""
    if "-" not in key or key in names:
        return False
    return all(_named(names.get(part, ())) for part in key.split("-"))


def _head_span(
    gazetteer: Gazetteer,
    tokens: Tokens,
    i: int,
    j: int,
    name_key: str,
    spelt: tuple[int, ...] = (),
) -> Span | None:
    """Name + head word, or None when the name is no place but a shorter name inside it
    is (that span starts later: "Carnegie Moscow Center" is left to "Moscow Center").

    Local heads ("Royal Street") take no readings from their name. A whole that is a
    gazetteer name is that place with an admin head ("Cook county") or a head of land or
    water ("Hudson river", not Hudson, New York), and with another head where the name
    alone has no reading in its country ("Heathrow airport" is London's, not a Florida
    town called Heathrow; "Kabul airport" stays with Kabul). Else the head takes the
    name's own readings (not GeoNames alternate names: "State University" is no
    evidence): admin heads only provinces and regions, and heads of land or water only
    features ("Pacific islands": the ocean), when there are any. ``spelt`` holds the
    readings of a name the gazetteer spells otherwise (:func:`_by_skeleton`), which an
    admin head takes like the name's own.
    """
    head = PLURAL_HEADS.get(tokens.keys[j], tokens.keys[j])
    start, end = tokens.starts[i], tokens.ends[j]
    if head == "range" and j + 1 < len(tokens) and tokens.caps[j + 1]:
        return None  # "State Minister Palitha Range Bandara": a person's name goes on
    if head in HEAD_ABBREVIATIONS:  # "Hamilton Twp.": the period is the name's
        head, end = HEAD_ABBREVIATIONS[head], end + 1
    if head in LOCAL_HEADS:
        if not tokens.caps[j] and adjective_only(gazetteer.names.get(name_key, ())):
            return None  # "the Turkish market", "a European drive": no named place
        return Span(i, j, start, end, name_key, (), head=head)
    forms = _head_name_forms(gazetteer, name_key)
    if not forms and head in ADMIN_HEADS:
        # "Hodeidah governorate": around the town that has the name only as an
        # alternate (GeoNames' "Al Ḩudaydah"); a feature head would take no such evidence
        forms = gazetteer.names.get(name_key, ()) or spelt
    whole = gazetteer.names.get(f"{name_key} {head}")
    if not whole and head == "airport":
        whole = _renamed_airport(gazetteer, name_key)
    if head in PROVINCE_HEADS:
        # English calls a province by any of these: "Aleppo province" is GeoNames'
        # "Aleppo Governorate", "the Bryansk region" its "Bryansk Oblast"; and all of
        # them are readings ("the Eastern Region" of a Saudi story is its Eastern
        # Province, not Uganda's Eastern Region)
        whole = (
            _provinces_by_any_head(gazetteer, name_key)
            or whole
            or _province_of_its_city(gazetteer, name_key, forms)
        )
    if whole and (
        head in ADMIN_HEADS or head in PHYSICAL_HEADS or not _same_country(gazetteer, whole, forms)
    ):
        return Span(i, j, start, end, f"{name_key} {head}", whole)
    if not whole and not tokens.caps[j] and adjective_only(forms):
        return None  # "the Philippine island of Luzon", "a Chinese province": the adjective
    words = name_key.split(" ")
    # an unknown institution lies in the province or country it is named after
    # (not land or water: "the Nelson Mandela Bay Municipality" is no bay of New
    # Zealand's Nelson region)
    province = (
        _province_of(gazetteer, words)
        if not forms and head in FEATURE_HEADS and head not in PHYSICAL_HEADS
        else ()
    )
    if (
        not forms
        # "Florida Atlantic University" is in Florida ("Syrian Kurdish enclave": no name)
        and not _names_only(province)
        and not (head in PHYSICAL_HEADS and words[0] in FEATURE_ADJECTIVES)
        # (an everyday word after a town's name is no such name: "the Bradford Research
        # Center" is no centre of Research, Western Australia, beside a town called
        # Bradford; after another word it is: "the Virus Research Institute")
        and any(
            _head_name_forms(gazetteer, " ".join(words[k:]))
            and not (
                k == len(words) - 1
                and words[k] in common_words()
                and head in BUILDING_HEADS
                and tokens.caps[j]
                and _head_name_forms(gazetteer, words[0])
            )
            for k in range(1, len(words))
        )
    ):
        return None  # "Carnegie Moscow Center"; but "North Kivu province" stays whole
    if not forms and head in ADMIN_HEADS and common_words().issuperset(words):
        return None  # "Central Military District", "Western Military District": a command
    forms = forms or province
    if i + 1 == j and tokens.uppers[i] and len(tokens.keys[i]) <= MAX_ACRONYM_LETTERS:
        forms = _acronym_readings(forms)  # "UN base": the UN's, not a town called Un
        if not forms:
            return None
    if head in ADMIN_HEADS:
        forms = _admin_readings(gazetteer, forms, head)
        if forms is None:
            return None
    elif head in PHYSICAL_HEADS:
        forms = _physical_readings(gazetteer, forms, head)
    return Span(i, j, start, end, name_key, forms, head=head)


def _physical_readings(gazetteer: Gazetteer, forms: tuple[int, ...], head: str) -> tuple[int, ...]:
    """The readings of a name with a head of land or water: the feature of the name,
    else a town of it ("Kabul river"), not a village ("the Nuba Mountains" is no West
    Bank village called Nuba) nor, but for its islands, a country ("Cuba Lake" of a
    Cuba, N.Y. story is no lake at the island's point; "the Fiji Islands" are Fiji)."""
    kind, people = gazetteer.column("kind"), gazetteer.column("population")
    country = head in _COUNTRY_HEADS
    return readings_where(forms, lambda i, _: kind[i] == _FEATURE) or readings_where(
        forms,
        lambda i, _: (
            (kind[i] != _TOWN or people[i] >= VILLAGE) and (country or kind[i] != _COUNTRY_KIND)
        ),
    )


# heads of land a country's name may have: its islands, its peninsula ("the Greek
# islands", "Taiwan Island", "the Korean Peninsula")
_COUNTRY_HEADS = frozenset({"island", "islands", "peninsula"})


def _renamed_airport(gazetteer: Gazetteer, name_key: str) -> tuple[int, ...]:
    """The airport named ``name_key`` but one of its three or more words: "Chhatrapati
    Shivaji Maharaj International Airport" is the gazetteer's "Chhatrapati Shivaji
    International Airport" (airports gain and lose honours in their names)."""
    words = name_key.split(" ")
    if len(words) < 3:
        return ()
    kind = gazetteer.column("kind")
    for k in range(len(words)):
        rest = " ".join(words[:k] + words[k + 1 :])
        forms = gazetteer.names.get(f"{rest} airport", ())
        if forms := readings_where(forms, lambda i, _: kind[i] == _FEATURE):
            return forms
    return ()


def abbreviated(text: str, s: Span) -> bool:
    """Whether a span is written as an abbreviation: with a period ("D.C.", "Minn.") or
    in capitals ("DC", "PA")."""
    return s.key.endswith(".") or text[s.start : s.end].isupper()


def postal_abbreviation(text: str, s: Span) -> bool:
    """Whether a province is written as a postal abbreviation: "Mo.", "Wash.", "IL" (not a
    name in a headline's capitals: "FLORIDA, GEORGIA HIT BY STORM" is a list)."""
    return abbreviated(text, s) and (s.key.endswith(".") or s.end - s.start <= 2)


def adjective_only(forms: tuple[int, ...]) -> bool:
    """Whether a name reads only as a people's or a country's adjective ("Turkish")."""
    return bool(forms) and all(
        fk in (FORM_ADJECTIVE, FORM_DEMONYM, FORM_LANGUAGE) for fk in forms[1::2]
    )


def _admin_readings(
    gazetteer: Gazetteer, forms: tuple[int, ...], head: str
) -> tuple[int, ...] | None:
    """The readings of a name before an admin head: its provinces and regions when there
    are any. Before "state" only a name with a province among its readings ("Niger
    state" is Nigeria's, not the country), else None: "Islamic State", "Gulf states".
    Before "Township" only its towns, maybe none: a township lies in a county
    ("Washington Township" is no state, "Holland Township" no country)."""
    kind = gazetteer.column("kind")
    if head == "township":
        return readings_where(forms, lambda i, _: kind[i] == _TOWN)
    province = KIND_CODE["admin1"]
    if head == "state" and not readings_where(forms, lambda i, _: kind[i] == province):
        return None
    if head in PROVINCE_HEADS and readings_where(forms, lambda i, _: kind[i] == province):
        # "the Somali region" of an Ethiopian story is its Somali Region, not Somalia's
        # adjective ("the Russian region of Belgorod" has no province called Russian)
        forms = readings_where(forms, lambda _, fk: fk not in (FORM_ADJECTIVE, FORM_DEMONYM))
    return (
        readings_where(forms, lambda i, _: kind[i] != KIND_CODE["city"])
        or _seat_provinces(gazetteer, forms)
        # a region or province is around a town of its name, not a village: "the Timbuktu
        # region" is Timbuktu's, "the Bajío region" unknown, no El Bajío of 1,717 people
        # (a county or district may be around any town)
        or (forms if head not in PROVINCE_HEADS else readings_where(forms, _no_village(gazetteer)))
    )


def _no_village(gazetteer: Gazetteer) -> Callable[[int, int], bool]:
    """A reading filter: towns of :data:`VILLAGE` people or more."""
    people = gazetteer.column("population")
    return lambda i, _: people[i] >= VILLAGE


def _seat_provinces(gazetteer: Gazetteer, forms: tuple[int, ...]) -> tuple[int, ...]:
    """The provinces named as a town reading is and holding it: "Hodeidah governorate"
    reads Hodeidah only as the town GeoNames calls "Al Ḩudaydah", seat of the
    governorate of that name."""
    kind, admin1, name = (
        gazetteer.column("kind"),
        gazetteer.column("admin1"),
        gazetteer.column("name"),
    )
    city, province = KIND_CODE["city"], KIND_CODE["admin1"]
    out: list[int] = []
    for k in range(0, len(forms), 2):
        idx = forms[k]
        if kind[idx] != city or not admin1[idx]:
            continue
        for j in gazetteer.names.get(fold(name[idx]), ())[::2]:
            if kind[j] == province and admin1[j] == admin1[idx] and j not in out[::2]:
                out += [j, FORM_ALIAS]
    return tuple(out)


def _share_plural_heads(text: str, tokens: Tokens, spans: list[Span], gazetteer: Gazetteer) -> None:
    """Give a plural admin head to the names listed before it ("Katsina and Sokoto
    states"), in place: each earlier name of the list, joined by a comma or "and"/"or",
    becomes such a unit: the gazetteer's name with the head when it has one ("Delaware
    County"), as a name written with its head is read, else the name's wider readings.
    "Rivers" too, where the gazetteer has each name's river ("the Mississippi and Ohio
    rivers" are no two states). A capitalised word that is no name alone joins when it
    is one with the head ("DuPage, Lake and Will counties": DuPage County and Lake
    County)."""
    for n in range(len(spans) - 1, -1, -1):
        last = spans[n]
        head = PLURAL_HEADS.get(tokens.keys[last.j])
        # "Ebonyi states" may read as the gazetteer's "Ebonyi State", its head gone; the
        # "United States" is no list of states
        if head is None or not (last.head == head or last.key.endswith(f" {head}")):
            continue
        k = n - 1
        follower = last
        while True:
            s = spans[k] if k >= 0 else None
            # (the longer of two names ending together: "St. Clair", not its "Clair")
            while (
                s is not None
                and k > 0
                and spans[k - 1].start < s.start
                and spans[k - 1].end == s.end
            ):
                k -= 1
                s = spans[k]
            if s is not None and text[s.end : follower.start] in _PLURAL_LIST_GAPS:
                if s.head is not None:
                    # "Crisp, Dooly, Ben Hill and Wilcox counties": Ben Hill County, no
                    # hill of "Ben"
                    key = f"{s.key} {s.head} {head}"
                    whole = gazetteer.names.get(key)
                    if not whole:
                        break
                    spans[k] = s = Span(s.i, s.j, s.start, s.end, key, whole)
                    follower = s
                    k -= 1
                    continue
                t = s.i - 1  # "Montgomery, Fort Bend and Brazoria counties": Fort Bend County
                longer = (
                    gazetteer.names.get(f"{tokens.keys[t]} {s.key} {head}")
                    if t >= 0 and tokens.caps[t] and text[tokens.ends[t] : s.start] == " "
                    else None
                )
                if longer:
                    s = Span(
                        t, s.j, tokens.starts[t], s.end, f"{tokens.keys[t]} {s.key} {head}", longer
                    )
                    spans[k] = s
                else:
                    headed = _with_head(gazetteer, s, head)
                    if headed is None:
                        break
                    spans[k] = headed
                follower = s
                k -= 1
                continue
            # a listed word that is no span: "Lake" before "and Will counties"
            bare = _bare_list_item(
                text, tokens, follower, head, gazetteer, -1 if s is None else s.j
            )
            if bare is None:
                break
            spans.insert(k + 1, bare)
            follower = bare


def _with_head(gazetteer: Gazetteer, s: Span, head: str) -> Span | None:
    """Span ``s`` read with the plural head of its list: the gazetteer's name with the
    head when it has one ("Franklin, Delaware and Licking counties": Delaware County,
    Ohio), else the name's readings as that unit (:func:`_admin_readings`; "the Juba and
    Shabelle rivers" of a Somali story: a river the gazetteer lacks, no South Sudanese
    capital, :func:`_physical_readings`), else None."""
    whole = gazetteer.names.get(f"{s.key} {head}")
    if whole:
        return Span(s.i, s.j, s.start, s.end, f"{s.key} {head}", whole)
    forms = _admin_readings(gazetteer, s.forms, head) if head in ADMIN_HEADS and s.forms else None
    if head in PHYSICAL_HEADS:
        forms = _physical_readings(gazetteer, s.forms, head)
    return None if forms is None else Span(s.i, s.j, s.start, s.end, s.key, forms, head=head)


def _share_leading_heads(
    text: str, tokens: Tokens, spans: list[Span], gazetteer: Gazetteer
) -> None:
    """Give a plural admin head to the names listed after it and its "of" or colon ("the
    counties of Amador and Lassen", "the following counties: Alameda, Alpine, Amador"),
    in place, as :func:`_share_plural_heads` gives one to the names before it: each name
    of the list, joined by a comma or "and"/"or", is the gazetteer's name with the head
    when it has one ("Amador County", not Dublin, California, once called Amador), else
    the name's wider readings; a listed word that is no span joins when it is one with
    the head ("Calaveras" of "Butte, Calaveras, Colusa")."""
    keys, starts = tokens.keys, tokens.starts
    for t in range(len(tokens) - 1):
        head = PLURAL_HEADS.get(keys[t])
        if head is None or head not in ADMIN_HEADS or tokens.caps[t]:
            continue
        end = tokens.ends[t]
        gap = next((g for g in (" of ", ": ") if text.startswith(g, end)), None)
        if gap is None:
            continue
        item = bisect_left(starts, end + len(gap))  # the first item's first token
        n = bisect_left([s.start for s in spans], end + len(gap))
        while item < len(tokens):
            if n < len(spans) and spans[n].start == starts[item] and not spans[n].head:
                s = spans[n]
                headed = _with_head(gazetteer, s, head)
                if headed is not None and headed.forms:
                    spans[n] = headed
            else:
                s = _bare_item_at(text, tokens, item, head, gazetteer)
                if s is None:
                    break
                spans.insert(n, s)
            n += 1
            while n < len(spans) and spans[n].start < s.end:
                n += 1  # ("Angeles" inside "Los Angeles")
            item = _next_list_item(text, tokens, s.j)
            if item is None:
                break


def _next_list_item(text: str, tokens: Tokens, last: int) -> int | None:
    """The first token of the list item after the one ending at token ``last``: past a
    comma, "and" or "or" ("Butte, Calaveras", "Yolo and Yuba"), else None."""
    t = last + 1
    if t < len(tokens) and tokens.keys[t] in ("and", "or") and not tokens.caps[t]:
        t += 1
    if t >= len(tokens) or text[tokens.ends[last] : tokens.starts[t]] not in LIST_GAPS:
        return None
    return t


def _bare_item_at(
    text: str, tokens: Tokens, t: int, head: str, gazetteer: Gazetteer, words: int = 3
) -> Span | None:
    """The capitalised words from token ``t`` (``words`` at most, the most first) as a
    span of the unit they name with ``head``, when the gazetteer has that unit
    ("Calaveras County"), else None."""
    for last in range(min(len(tokens), t + words) - 1, t - 1, -1):
        if not all(tokens.caps[k] for k in range(t, last + 1)):
            continue
        if any(text[tokens.ends[k] : tokens.starts[k + 1]] != " " for k in range(t, last)):
            continue
        key = " ".join(tokens.keys[t : last + 1]) + f" {head}"
        whole = gazetteer.names.get(key)
        if whole:
            return Span(t, last, tokens.starts[t], tokens.ends[last], key, whole)
    return None


def _bare_list_item(
    text: str, tokens: Tokens, follower: Span, head: str, gazetteer: Gazetteer, after: int
) -> Span | None:
    """The capitalised word listed just before ``follower`` (after token ``after``) as a
    span of the unit it names with ``head``, when the gazetteer has that unit ("Lake"
    before "and Will counties" is Lake County), else None."""
    t = follower.i - 1
    if t > after and tokens.keys[t] in ("and", "or") and not tokens.caps[t]:
        t -= 1
    if t <= after or not tokens.caps[t]:
        return None
    if text[tokens.ends[t] : follower.start] not in LIST_GAPS:
        return None
    return _bare_item_at(text, tokens, t, head, gazetteer, words=1)


def _same_country(gazetteer: Gazetteer, forms: tuple[int, ...], others: tuple[int, ...]) -> bool:
    """Whether a reading in ``forms`` lies in a country of a reading in ``others``."""
    cc = gazetteer.column("cc")
    mine = {cc[forms[k]] for k in range(0, len(forms), 2)}
    return any(cc[others[k]] in mine for k in range(0, len(others), 2))


def _province_of(gazetteer: Gazetteer, words: list[str]) -> tuple[int, ...]:
    """The province or country readings of the longest leading words of an unknown
    institution's name ("Colorado State University" lies in Colorado, "California
    Polytechnic State University" in California), or of all the words after a compass
    word ("Southern Illinois University" in Illinois), else none."""
    kind, people = gazetteer.column("kind"), gazetteer.column("population")
    wide = (KIND_CODE["admin1"], KIND_CODE["country"])
    # after a compass word, all of the rest may be the place ("Northwest Cancer Centre",
    # "Central Mental Hospital" lie in none)
    compass = words[0] in DIRECTIONS
    rest = words[1:] if compass else words
    for k in range(len(rest) if compass else len(rest) - 1, 0, -1):
        forms = _head_name_forms(gazetteer, " ".join(rest[:k]))
        # not a province a bigger town bears the name of ("the Manchester Ship Canal" is
        # no canal of Jamaica's Manchester parish; "Colorado State University" lies in
        # Colorado, bigger than Colorado City)
        town = max((people[i] for i in forms[::2] if kind[i] == _TOWN), default=0)
        forms = readings_where(forms, lambda i, _, t=town: kind[i] in wide and people[i] > t)
        if forms:
            return forms
    return ()


def _provinces_by_any_head(gazetteer: Gazetteer, base: str) -> tuple[int, ...]:
    """The provinces and regions ``base`` names before any province head ("Eastern
    Region", "Eastern Province", "Eastern Governorate"...), each entry once, each as a
    name: the head is only English's word for the unit, not a sign of a lesser name
    (Uganda's Eastern Region is GeoNames' "Eastern" and Saudi Arabia's Eastern Province
    its name). Not a second-level unit, whose head is its own ("the Valencia region" is
    the Valencian Community, not the province of Valencia)."""
    names, kind = gazetteer.names, gazetteer.column("kind")
    out: list[int] = []
    seen: set[int] = set()
    for head in PROVINCE_HEADS:
        forms = names.get(f"{base} {head}", ())
        for k in range(0, len(forms), 2):
            if forms[k] not in seen and forms[k + 1] != FORM_ALT and kind[forms[k]] != _TOWN:
                seen.add(forms[k])
                out += (forms[k], FORM_NAME)
    if out:
        # ... and the provinces of the bare name: Ghana's Western Region is GeoNames'
        # "Western" and no "Western Region", which Uganda's and Iceland's are
        forms = names.get(base, ())
        for k in range(0, len(forms), 2):
            if (
                forms[k] not in seen
                and forms[k + 1] == FORM_NAME
                and kind[forms[k]] == KIND_CODE["admin1"]
            ):
                seen.add(forms[k])
                out += (forms[k], FORM_NAME)
    return tuple(out)


def _province_of_its_city(
    gazetteer: Gazetteer, base: str, forms: tuple[int, ...]
) -> tuple[int, ...]:
    """The province a city of :data:`PROVINCE_CITY` people that ``base`` names by its own
    name is the seat of, where the gazetteer knows the province by no name English
    gives it: "the Aktobe region" is GeoNames' "Aktjubinskaja oblast'", not the city
    280 km off. Its seat by the first three letters of both names ("the Bergamo
    province" is no Lombardy)."""
    kind, pop, admin1 = (
        gazetteer.column("kind"),
        gazetteer.column("population"),
        gazetteer.column("admin1"),
    )
    for i, fk in zip(forms[::2], forms[1::2]):
        if kind[i] == _TOWN and fk == FORM_NAME and pop[i] >= PROVINCE_CITY:
            province = gazetteer.provinces.get(admin1[i] or "")
            if province is not None and fold(gazetteer.place(province).name)[:3] == base[:3]:
                return (province, FORM_NAME)
    return ()


# A country's name or people's word (or one of its regions', parties'): its places' names
# may be spelt in any transliteration (:func:`skeleton_countries`)
_SPELT_IN = {
    "Syria": "SY",
    "Iraq": "IQ",
    "Kurdistan": "IQ",
    "Yemen": "YE",
    "Houthi": "YE",
    "Leban": "LB",
    "Hezbollah": "LB",
    "Jordan": "JO",
    "Saudi": "SA",
    "Palestin": "PS",
    "Gaza": "PS",
    "West Bank": "PS",
    "Israel": "IL",
    "Egypt": "EG",
    "Liby": "LY",
    "Sudan": "SD",
    "Darfur": "SD",
    "Tunisia": "TN",
    "Algeria": "DZ",
    "Morocc": "MA",
    "Mauritania": "MR",
    "Oman": "OM",
    "Emirat": "AE",
    "UAE": "AE",
    "Qatar": "QA",
    "Bahrain": "BH",
    "Kuwait": "KW",
    "Iran": "IR",
}


def skeleton_countries(text: str) -> frozenset[str]:
    """The countries of :data:`~geomap.gazetteer.build.SKELETON_COUNTRIES` ``text``
    names, by name or people's word ("Syrian", "Houthi"): where a name unknown as
    written may be one of theirs in another transliteration."""
    return frozenset(cc for word, cc in _SPELT_IN.items() if word in text)


@lru_cache(maxsize=4096)  # (a long list names the same unknown words again and again)
def _by_skeleton(
    gazetteer: Gazetteer, key: str, countries: frozenset[str], first: str, province: bool = False
) -> tuple[int, ...]:
    """The towns and provinces of ``countries`` whose names have ``key``'s consonants (a
    name of one word after any article: four or more, else three; "Al-Karkh" is no
    Kirkuk; a ``province`` named with its head: three, provinces only) and its first
    letter, as other names:
    "Khan Sheikhoun" of a story of Syria is GeoNames' "Khān Shaykhūn", "Hadramout" of a
    Yemeni one its "Hadhramaut". No person's name ("Mohammed" is no Mahmudiyah), no
    possessive ("Yemen's"), no everyday word ("Minister" is no Monastir), nothing after
    an article the gazetteer has as written ("Al-Qassim" is its "Qassim")."""
    # (a surname opens a person's name, not "Khan Sheikhoun")
    if first in gazetteer.given_names or (first == key and first in surnames()) or "'s" in key:
        return ()
    plain = [w for w in key.replace("-", " ").split() if w not in TRANSLIT_ARTICLES]
    if (
        not plain
        or not (province or _transliterated(key))
        or any(w in common_words() or w in _SECTS for w in plain)
        or (first in TRANSLIT_ARTICLES and gazetteer.names.get(" ".join(plain)))
    ):
        return ()
    bones = skeleton(key)
    if len(bones) < (3 if len(plain) > 1 or province else 4):
        return ()
    cc, kind = gazetteer.column("cc"), gazetteer.column("kind")
    return tuple(
        x
        for i in gazetteer.skeletons.get(bones, ())
        if cc[i] in countries
        and kind[i] != KIND_CODE["country"]
        and (not province or kind[i] == KIND_CODE["admin1"])
        and _first_letter(gazetteer.place(i).name) == plain[0][0]
        for x in (i, FORM_ALT)
    )


# What only a transliteration writes: an article, a hyphen or apostrophe, a digraph of a
# consonant English lacks, q, a doubled or paired vowel ("Minister" and "Nagorno" have
# none; "Hadramout", "Makhmour", "Qaladze" have)
_TRANSLITERATED = re.compile(r"['-]|kh|sh|dh|gh|q|ou|aa|ee|ii|ei|ay|iy")
# people's words of a faith, which a transliteration spells like a town ("Shia Houthi
# rebels" is no Sayhut)
_SECTS = frozenset({"shia", "shiite", "sunni", "alawite", "druze", "ismaili"})


def _transliterated(key: str) -> bool:
    """Whether a name is written as only a transliteration writes one (an article, a
    hyphen or apostrophe, :data:`_TRANSLITERATED`)."""
    return _TRANSLITERATED.search(key) is not None or not TRANSLIT_ARTICLES.isdisjoint(key.split())


def _first_letter(name: str) -> str:
    """The first letter of a place's name after any article ("As Sulaymānīyah": "s")."""
    words = [
        w
        for w in fold(name).replace("'", "").replace("-", " ").split()
        if w not in TRANSLIT_ARTICLES
    ]
    return words[0][0] if words else ""


def _head_name_forms(gazetteer: Gazetteer, key: str) -> tuple[int, ...]:
    """Readings of the name before a head word: its own names only, not alternate
    names ("State University" is no evidence for a town once called "State")."""
    return _named(gazetteer.names.get(key, ()))


def _names_only(forms: tuple[int, ...]) -> tuple[int, ...]:
    """The readings of a name that are a place's name or alias, not its adjective."""
    return readings_where(forms, lambda _, fk: fk in (FORM_NAME, FORM_ALIAS))


def _named(forms: tuple[int, ...]) -> tuple[int, ...]:
    """The readings of a name that are not GeoNames alternate names."""
    return readings_where(forms, lambda _, fk: fk != FORM_ALT)


def comma_next(text: str, spans: Sequence[Span], n: int) -> bool:
    """Whether a comma alone stands between span ``n`` and the next: "Springfield, Ill."."""
    return n + 1 < len(spans) and text[spans[n].end : spans[n + 1].start] in (", ", ",")


# What ends a list of names: a sentence's or clause's end, or a dateline's dash ("DUBLIN,
# Ohio — Dublin City Schools" lists no Dublin City beside Ohio)
_SENTENCE_GAP = re.compile(r"[.!?;:\n—–]| - ")


# An apposition that says where a town lies: ", a village in ", ", the capital of ",
# ", a small farming town in eastern "
_TOWN_WORD = r"(?:town|village|city|hamlet|suburb|community|municipality|settlement|port)"
_SAID_TO_LIE_IN = re.compile(
    r", (?:"
    rf"(?:a|an) (?:[a-z-]+ ){{0,3}}(?:{_TOWN_WORD}|capital)"
    # ("Santa Rosa, a town of about 3,000 in Cameron County")
    r"(?: of (?:about |some |nearly |roughly |more than |fewer than |under )?\d[\d,]*"
    r"(?: people| residents| inhabitants)?)? (?:in|of)"
    # "the town of" names the town ("In southern Mexico, the city of Tapachula"); "the
    # capital of" and "the town in" say where it lies
    rf"|the (?:[a-z-]+ ){{0,3}}(?:{_TOWN_WORD} in|capital (?:in|of))"
    r") (?:the )?(?:[a-z]+ )?"
)


def appositions(text: str) -> dict[int, int]:
    """Where each apposition that says where a name lies starts, and where the place
    it names starts (", a village in Brandenburg": its comma's offset -> Brandenburg's)."""
    return {hit.start(): hit.end() for hit in _SAID_TO_LIE_IN.finditer(text)}


def said_to_be_a_town(text: str, end: int) -> int | None:
    """Where the place starts that the apposition after a name ending at ``end`` says
    the town lies in ("Bahrain, a resort town in Swat": Swat's offset), if it says so."""
    hit = _SAID_TO_LIE_IN.match(text, end)
    return None if hit is None else hit.end()


def said_to_lie_in(text: str, spans: Sequence[Span], n: int) -> bool:
    """Whether span ``n``'s apposition says it lies in the next one: "Steinfurt, a
    village in Brandenburg", "Gusau, the capital of Zamfara state"."""
    return n + 1 < len(spans) and said_to_be_a_town(text, spans[n].end) == spans[n + 1].start


def qualified(text: str, spans: Sequence[Span], n: int) -> bool:
    """Whether span ``n`` is qualified by the next one, as in "Springfield, Ill., said"
    or "Paris, Texas" -- but not in a list ("Paris, London and Berlin")."""
    if not comma_next(text, spans, n):
        return False
    after = text[spans[n + 1].end : spans[n + 1].end + 12]
    # "London, Paris" / "London and Berlin": a list goes on, not past a sentence's end
    # ("in Atlanta, Georgia. In Brazil")
    if (
        n + 2 < len(spans)
        and spans[n + 2].start - spans[n + 1].end <= 6
        and not _SENTENCE_GAP.search(text, spans[n + 1].end, spans[n + 2].start)
    ):
        return False
    # "the border town of Vovchansk, Kyiv's troops said": a possessive opens a clause
    return not re.match(r"\s*(?:and|or)\b|['’]s\b", after)
