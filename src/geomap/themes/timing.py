"""When a fact happened: the news itself (``current``) or background (``historical``).

GUIDELINES.md: current is the news, up to a few months before the article; historical
is background (earlier wars, past treaties, decades-old facts). A sentence is read as
historical when it dates itself before the article's year (an explicit year, a decade,
"N years ago") without saying the state still holds ("since 2014", "began in 2023 and
continues"). The year is kept for the label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["When", "reference_year", "when"]

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
    """``time`` is "current" or "historical"; ``year`` the year the sentence gives, if any."""

    time: str = "current"
    year: int | None = None


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
