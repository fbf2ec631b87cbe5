"""When a fact happened: the news itself (``current``) or background (``historical``).

GUIDELINES.md: current is the news, up to a few months before the article; historical
is background (earlier wars, past treaties, decades-old facts). A sentence is read as
historical when it dates itself before the article's year (an explicit year, a decade,
"N years ago") without saying the state still holds ("since 2014", "began in 2023 and
continues"). The year is kept for the label.

A fact's *status* says what the text says became of it: ``ended`` ("withdrew", "left the
base", "was closed", "former"), ``denied`` ("denied", "rejected reports that") or
``planned`` ("will hold", "plans to", "is expected to", "threatened to"). A cue counts for
a fact only when the places of the fact are arguments of the clause the cue governs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geomap.themes.syntax import Token

__all__ = ["When", "reference_year", "status", "status_cues", "when"]

_YEAR = re.compile(r"(?<![\w,.])(1[89]\d\d|20\d\d)(?!\w|,\d)")
_DECADE = re.compile(r"\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(1[89]\d0|20\d0)s\b", re.I)
_AGO = re.compile(
    r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|several|many)"
    r"\s+(years|decades)\s+ago\b|\bdecades?\s+ago\b|\bdecades-old\b",
    re.I,
)
# a year after these words dates the start of something still going on
_ONGOING = re.compile(
    r"\b(?i:since|(?:began|begun|started|erupted|broke out|beginning)(?: in)?|from)\s+"
    r"(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]{2,8}\s+)?(?:\d{1,2},?\s+)?$",
)
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_WORDS.update(nine=9, ten=10, twenty=20, thirty=30, several=3, many=5)


@dataclass(frozen=True)
class When:
    """``time`` is "current" or "historical"; ``year`` the year the sentence gives, if any;
    ``status`` "ended", "denied" or "planned" when the sentence says so of the fact."""

    time: str = "current"
    year: int | None = None
    status: str | None = None


def reference_year(text: str, date: str | None = None) -> int | None:
    """The article's year: from its date, else the latest year its text names."""
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    years = [int(y) for y in _YEAR.findall(text[:200_000])]
    return max(years) if years else None


def when(sentence: str, year: int | None) -> When:
    """Whether one sentence states background or news, relative to the article's year.

    >>> when("Soviet troops withdrew in 1989.", 2021)
    When(time='historical', year=1989)
    >>> when("The war that began in 2023 goes on.", 2025)
    When(time='current', year=None)
    """
    if year is None:
        return When()
    text = sentence[:2000]
    old = []
    for hit in _YEAR.finditer(text):
        y = int(hit.group(1))
        lead = text[max(0, hit.start() - 40) : hit.start()]
        if y <= year - 2 and not _ONGOING.search(lead):
            old.append(y)
    for hit in _DECADE.finditer(text):
        y = int(hit.group(1))
        lead = text[max(0, hit.start() - 40) : hit.start()]
        if y + 9 <= year - 2 and not _ONGOING.search(lead):
            old.append(y)
    ago = _AGO.search(text)
    if ago:
        n = ago.group(1)
        span = int(n) if n and n.isdigit() else _WORDS.get((n or "").lower(), 10)
        span *= 10 if (ago.group(2) or "decade").lower().startswith("decade") else 1
        if span >= 2:
            old.append(year - span)
    if not old:
        return When()
    return When("historical", min(old))


# -- status: what the text says became of a fact ---------------------------------------
# GUIDELINES.md keeps denials and plans the article treats as news, and ended facts, as
# facts; the map must not draw them as happening. A cue counts only for the facts whose
# places are the arguments of the clause it governs: in "French troops, which left Gao
# in 2022, now guard Niamey" the leaving is not the guarding.
_PRECEDENCE = ("denied", "ended", "planned")  # when a clause has cues of several
CUES = re.compile(
    r"\b(?:withdr[ae]wn?|pulled out|left|clos(?:ed|ure)|shut|ended|abandon(?:ed)?|evacuated|"
    r"vacated|expired|dismantled|disbanded|expelled|former|no longer|"
    r"den(?:y|ies|ied|ial)|rejected|dismissed|refuted|"
    r"will|shall|would|'ll|plan(?:s|ned|ning)?|intends?|intended|expected|threaten(?:s|ed)?|"
    r"set to|due to|scheduled|prepar(?:es|ed|ing) to|vow(?:s|ed)|pledged?|aims? to|upcoming)\b",
    re.I,
)
_ENDED_VERBS = {"closed", "shut", "ended", "expired", "dismantled", "disbanded"}
# forces leaving end a presence; diplomats leaving or people expelled end no conflict
_DEPARTED = {"withdrew", "withdrawn", "evacuated", "vacated", "expelled"}
_LEFT = {"left", "abandoned"}  # "left the base"; not "left 12 dead", "abandoned neutrality"
_LEFT_OBJECTS = {"base", "bases", "camp", "country", "city", "town", "region", "garrison"}
_FORMER_NOUNS = {"base", "bases", "garrison", "outpost", "colony", "camp", "airbase", "post"}
_DENY = {"deny", "denied", "denies", "denial", "refuted", "refutes", "refute"}
_CLAIMS = {"report", "reports", "claim", "claims", "allegation", "allegations", "accusation"}
_CLAIMS |= {"accusations", "suggestion", "suggestions", "rumours", "rumors"}
_PLAN_VERBS = {
    "plan", "plans", "planned", "planning", "intend", "intends", "expected",
    "threaten", "threatens", "threatened", "set", "due", "scheduled", "prepares",
    "prepared", "preparing", "vow", "vows", "vowed", "pledge", "pledged", "aim", "aims",
}  # fmt: skip
_FUTURE = {"will", "shall", "'ll", "wo"}
_REPORTED = {"ccomp", "xcomp"}
_OUTSIDE = {"advcl", "parataxis", "acl:relcl", "list", "discourse", "vocative", "csubj"}


def status_cues(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """The status cues of a parsed sentence: ``(status, anchor)`` where ``anchor`` is
    the token whose clause the cue governs (the verb of "will hold", "plans to send",
    "denied that ...", "left the base"; the noun "former" qualifies)."""
    out: list[tuple[str, int]] = []
    n = len(tokens)
    for t in tokens:
        low = t.text.lower()
        nxt = tokens[t.i + 1].text.lower() if t.i + 1 < n else ""
        head = t.head if 0 <= t.head < n else None
        if low in _DENY or (
            low in {"rejected", "dismissed"}
            and any(k.head == t.i and k.text.lower() in _CLAIMS for k in tokens)
        ):
            out.append(("denied", t.i))
        elif low in _ENDED_VERBS | _DEPARTED and t.upos in ("VERB", "AUX", "ADJ"):
            if not _negated(tokens, t.i):
                out.append(("departed" if low in _DEPARTED else "ended", t.i))
        elif (low == "pulled" and nxt == "out") or (
            low in _LEFT
            and t.upos == "VERB"
            and any(
                k.head == t.i and k.dep == "obj" and k.text.lower() in _LEFT_OBJECTS for k in tokens
            )
        ):
            out.append(("departed", t.i))
        elif (
            low == "former" and head is not None and tokens[head].text.lower() in _FORMER_NOUNS
        ) or (
            low == "longer" and t.i and tokens[t.i - 1].text.lower() == "no" and head is not None
        ):
            out.append(("ended", head))
        elif low in _FUTURE and head is not None and _action(tokens[head]):
            if not _conditional(tokens, head):  # "if ..., they will end up fighting"
                out.append(("planned", head))
        elif (
            low == "would"
            and head is not None
            and _action(tokens[head])
            and tokens[head].dep in _REPORTED
        ):
            out.append(("planned", head))  # "said it would hold drills"
        elif low in _PLAN_VERBS and nxt == "to":
            out.append(("planned", t.i))
        elif low in {"upcoming", "planned"} and t.dep == "amod" and head is not None:
            out.append(("planned", head))
    return out


def _action(t: Token) -> bool:
    """A verb that does something: "will hold", not "will be" ("the impact will be")."""
    return t.upos == "VERB" and t.lemma != "be"


def _conditional(tokens: Sequence[Token], i: int) -> bool:
    clauses = [k.i for k in tokens if k.head == i and k.dep == "advcl"]
    return any(k.head in clauses and k.text.lower() in {"if", "unless"} for k in tokens)


def _negated(tokens: Sequence[Token], i: int) -> bool:
    return any(k.head == i and k.text.lower() in {"not", "n't", "never"} for k in tokens)


def status(
    tokens: Sequence[Token],
    places: Sequence[Sequence[tuple[int, int]]],
    *,
    main_clause: bool = False,
    departures: bool = True,
    cues: Sequence[tuple[str, int]] | None = None,
) -> str | None:
    """The status a sentence gives one fact: "denied", "ended", "planned" or None.

    Parameters
    ----------
    tokens
        The sentence's parse (:func:`geomap.themes.syntax.parse`).
    places
        For each place of the fact named in the sentence, the (start, end) offsets of
        its mentions there.
    main_clause
        The fact's places are not in the sentence (it goes on about the sentence before,
        "The truce expired in October"): a cue of the main clause counts.
    departures
        Whether leaving ("withdrew", "left the base", "expelled") ends the fact: it
        ends forces' presence, not a conflict or an embassy.
    cues
        :func:`status_cues` of ``tokens``, when already computed.

    Returns
    -------
    str or None
        The first status (denied, then ended, then planned) whose cue's clause holds a
        mention of every place of the fact named in the sentence.
    """
    from geomap.themes.roles import _kids

    cues = status_cues(tokens) if cues is None else cues
    if not cues:
        return None
    kids = _kids(tokens)
    found = set()
    for name, anchor in cues:
        if name == "departed":
            if not departures:
                continue
            name = "ended"
        if main_clause:
            if tokens[anchor].head < 0 or _root_of(tokens, anchor) == anchor:
                found.add(name)
            continue
        if not places:
            continue
        # only a denial takes a clause ("denied that its troops had entered Ukraine")
        outside = _OUTSIDE if name == "denied" else _OUTSIDE | {"ccomp"}
        spans = [(tokens[k].start, tokens[k].end) for k in _scope(tokens, kids, anchor, outside)]
        if all(any(a < e and s < b for s, e in mentions for a, b in spans) for mentions in places):
            found.add(name)
    return next((s for s in _PRECEDENCE if s in found), None)


def _root_of(tokens: Sequence[Token], i: int) -> int:
    """The head of ``i``'s main clause, up through auxiliaries and complements."""
    seen = set()
    while tokens[i].head >= 0 and tokens[i].dep in _REPORTED | {"aux", "conj"} and i not in seen:
        seen.add(i)
        i = tokens[i].head
    return i


def _scope(
    tokens: Sequence[Token], kids: dict[int, list[int]], anchor: int, outside: set[str]
) -> set[int]:
    """The tokens of the clause a cue governs: the anchor's subtree without other clauses
    (relative, adverbial, coordinated ones), plus the subject of the verbs it reports to
    ("China said it will hold drills": China is who holds them)."""
    out, todo = {anchor}, [anchor]
    while todo:
        j = todo.pop()
        for k in kids.get(j, ()):
            dep = tokens[k].dep
            if k in out or dep in outside or (dep == "conj" and tokens[k].upos == "VERB"):
                continue
            out.add(k)
            todo.append(k)
    i, seen = anchor, set()
    while tokens[i].dep in _REPORTED and 0 <= tokens[i].head < len(tokens) and i not in seen:
        seen.add(i)
        i = tokens[i].head
        for k in kids.get(i, ()):
            if tokens[k].dep in ("nsubj", "nsubj:pass"):
                todo = [k]
                out.add(k)
                while todo:
                    j = todo.pop()
                    for c in kids.get(j, ()):
                        if c not in out:
                            out.add(c)
                            todo.append(c)
    return out
