"""Pure text analysis for ingest: markup spans, dates, metadata lines and sentences.

Nothing here reads files or the network; :mod:`geomap.article` does the I/O and builds
:class:`~geomap.article.Article` from these functions. Every function keeps offsets:
markup is located (as spans), never removed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from geomap.models import Sentence

Span = tuple[int, int]
_HEAD_LINES = 12  # bylines and date lines sit near the top; deeper "By ..." is prose


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --------------------------------------------------------------------------- markup spans
FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_PAREN = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # one level of nesting: wiki-style URLs
_IMAGE = re.compile(r"!\[[^\]\n]*\]" + _PAREN)
_LINK = re.compile(r"(\[)[^\[\]\n]+(\]" + _PAREN + r"|\]\[[^\]\n]*\])")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://|mailto:|www\.)[^<>\s]*>", re.I)
BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\]\)\"“”]+", re.I)
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")
# an unclosed comment runs to the end (as in HTML), so repeated "<!--" costs linear time
_TAG = re.compile(r"<!--(?:.*?-->|.*)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>", re.S)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|`+")
_LINE_LEAD = re.compile(r"[ \t]*(?:#{1,6}(?=[ \t]|$)|>[ \t>]*|[-*+](?=[ \t])|\d{1,3}[.)](?=[ \t]))")
_RULE = re.compile(r"^[ \t]*(?:(?:[-*_=][ \t]*){3,}|#{1,6})[ \t]*$", re.M)
_LABELLED_URL = re.compile(r"\s*<?((?:https?://|www\.)[^\s<>]+)")
_URL_LABEL = re.compile(
    r"^[ \t]*(?:(?:original|source|canonical|article)[ \t]+)?(?:url|link)[ \t]*:", re.I | re.M
)


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Sort spans and join the overlapping or touching ones."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def blank(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        # keep line breaks so line structure survives blanking
        parts.append("".join(c if c in "\r\n" else " " for c in text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def markup_spans(
    text: str, *, markdown: bool = True, front_matter: bool = True
) -> tuple[Span, ...]:
    """Character ranges of markup: link syntax and targets, images, emphasis, URLs, tags.

    With ``markdown=False`` (text extracted from HTML) only URLs and URL labels count.
    """
    spans: list[Span] = [m.span() for m in BARE_URL.finditer(text)]
    spans += [m.span() for m in _AUTOLINK.finditer(text)]
    spans += [m.span() for m in _URL_LABEL.finditer(text)]
    if text.startswith("\ufeff"):
        spans.append((0, 1))
    if markdown:
        front = FRONT_MATTER.match(text) if front_matter else None
        if front and front_matter_fields(front.group(1)):
            spans.append(front.span())
        for rx in (_IMAGE, _REF_DEF, _TAG, _ESCAPE, _EMPHASIS, _RULE):
            spans += [m.span() for m in rx.finditer(text)]
        for m in _LINK.finditer(text):
            spans += [m.span(1), m.span(2)]
        for start, end in line_ranges(text):
            lead = _LINE_LEAD.match(text, start + (text.startswith("\ufeff", start)), end)
            if lead and lead.group().strip():
                spans.append(lead.span())
    return merge_spans(spans)


# ------------------------------------------------------------------------- dates, fields
_MONTHS = {m: i for i, ms in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in ms.split()}  # fmt: skip
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_RXS = (
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(?P<year>\d{{4}})\b", re.I
    ),
)
_DATE_NOISE = re.compile(
    r"\b(?:published|updated|posted|last|modified|date|on|at|am|pm|a\.m\.|p\.m\.|(?-i:[A-Z]{2,4})"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\d{1,2}[:.]\d{2}(?::\d{2})?|[\s,|:;/()\-–—.·•]",
    re.I,
)
_URL_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/")


def _date_match(text: str) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for rx in _DATE_RXS:
        for m in rx.finditer(text):
            mon = m.group("mon")
            month = int(mon) if mon.isdigit() else _MONTHS[mon.lower()]
            try:
                iso = dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
            except ValueError:
                continue
            if best is None or m.start() < best[1].start():
                best = (iso, m)
            break
    return best


def parse_date(text: str) -> str | None:
    """Find the first recognisable calendar date in ``text``.

    Parameters
    ----------
    text : str
        Any string, e.g. "August 16, 2021", "16 August 2021", "Aug. 16, 2021",
        "2021-08-16T10:00:00Z" or "Published: Monday, 16 Aug 2021".

    Returns
    -------
    str or None
        The ISO date ("2021-08-16"), or None when no valid date is found.
    """
    found = _date_match(text)
    return found[0] if found else None


def _date_line(clean: str) -> str | None:
    """ISO date when the line is only a date (plus words like "Published", times, zones)."""
    found = _date_match(clean)
    if not found:
        return None
    rest = clean[: found[1].start()] + " " + clean[found[1].end() :]
    return found[0] if not _DATE_NOISE.sub("", rest) else None


def date_from_url(url: str | None) -> str | None:
    """ISO date from a ``/2021/08/16/`` path, the way news sites often build URLs."""
    m = _URL_DATE.search(url or "")
    return parse_date("-".join(m.groups())) if m else None


def join_names(names: list[str]) -> str | None:
    names = [n.strip() for n in names if n and n.strip()]
    if len(names) <= 1:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]


def front_matter_fields(block: str) -> dict[str, str | list[str]]:
    """Parse the flat ``key: value`` and ``- item`` subset of YAML that front matter uses."""
    fields: dict[str, str | list[str]] = {}
    key = None
    for line in block.splitlines():
        item = re.match(r"^\s*-\s+(.*)$", line)
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if item and key:
            prev = fields.get(key)
            fields[key] = [*(prev if isinstance(prev, list) else []), item.group(1).strip("'\" ")]
        elif pair:
            key, value = pair.group(1).lower(), pair.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [v.strip("'\" ") for v in value[1:-1].split(",") if v.strip()]
            else:
                fields[key] = value.strip("'\"")
    return fields


def _pick(fields: dict[str, str | list[str]], *keys: str, join: bool = False) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list):
            value = join_names(value) if join else (value[0] if value else None)
        if value:
            return value
    return None


# ------------------------------------------------------------------------ line analysis
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|authors?\s*:)\s+(.+)$", re.I)
_PARTICLES = _wordset("and & de da van von der den la le bin al el di du in")
_RELATED = re.compile(
    r"^(?:related(?: articles?| stor(?:y|ies)| content| reading| coverage)?|read (?:more|also|next)"
    r"|see also|more on this(?: story)?|recommended|also read)\s*:",
    re.I,
)


def line_ranges(text: str) -> list[Span]:
    """(start, end) of every line, without its terminator (any of str.splitlines's)."""
    ranges, pos = [], 0
    for line in text.splitlines(keepends=True):
        ranges.append((pos, pos + len(line.splitlines()[0])))
        pos += len(line)
    return ranges


def _squash(s: str) -> str:
    """Collapse the gaps blanked markup leaves: "[A](#), B" reads "A, B"."""
    return re.sub(r" ([,;:.!?])", r"\1", " ".join(s.split()))


def _byline(clean: str) -> tuple[str, str | None] | None:
    """(names, iso date or None) when the line is a byline such as "By A and B | Aug 1, 2021"."""
    m = _BYLINE.match(clean)
    if not m or len(clean) > 200:
        return None
    names, date = m.group(1), None
    found = _date_match(names)
    if found:
        date, names = found[0], names[: found[1].start()]
    names = re.split(r"\s+[|•·–—-]\s+|\s*\|\s*", names)[0].strip(" ,;:-–—")
    words = re.findall(r"[\w'’.-]+", names)
    caps = [w for w in words if w[0].isupper()]
    other = [w for w in words if not w[0].isupper() and w.lower() not in _PARTICLES]
    if not caps or len(words) > 14 or other:
        return None
    return names, date


def _metadata(text: str, clean: str, fields: dict[str, str | list[str]]) -> tuple[dict, set[int]]:
    """Metadata found in the lines, and the starts of lines that are not body text."""
    meta: dict[str, str | None] = {
        "title": _pick(fields, "title", "headline"),
        "byline": _pick(fields, "author", "authors", "byline", join=True),
        "date": parse_date(_pick(fields, "date", "published", "pubdate", "created") or ""),
        "url": _pick(fields, "url", "link", "canonical_url", "source_url", "original_url"),
        "source": _pick(fields, "source", "site", "site_name", "sitename", "publisher"),
    }
    skip: set[int] = set()
    i = -1  # index among lines with visible text
    for start, end in line_ranges(text):
        raw = text[start:end]
        label = _URL_LABEL.match(raw)
        if label:
            skip.add(start)
            url = _LABELLED_URL.match(text, start + label.end())
            if url and not meta["url"]:
                meta["url"] = url.group(1).rstrip(".,;")
            continue
        if not any(c.isalnum() for c in clean[start:end]):
            continue
        i += 1
        line = _squash(clean[start:end])
        if _RELATED.match(line):
            skip.add(start)
            continue
        if i >= _HEAD_LINES:
            continue
        if i == 0 and meta["title"] is None:
            heading = re.match(r"[ \t]*#{1,6}[ \t]", raw.lstrip("\ufeff"))
            plain = len(line) <= 200 and not line.endswith(".") and len(clean[end:].strip()) > 0
            if (heading or plain) and not _byline(line) and not _date_line(line):
                meta["title"] = line
                continue
        found = _byline(line)
        if found:
            skip.add(start)
            meta["byline"] = meta["byline"] or found[0]
            meta["date"] = meta["date"] or found[1]
            continue
        date = _date_line(line)
        if date:
            skip.add(start)
            meta["date"] = meta["date"] or date
    return meta, skip


def analyse(
    text: str, *, markdown: bool = True, front_matter: bool = True
) -> tuple[tuple[Span, ...], dict[str, str | None], tuple[Sentence, ...]]:
    """Markup spans, metadata and body sentences of an article's text.

    Parameters
    ----------
    text : str
        The article text (plain, Markdown, or extracted from HTML).
    markdown : bool
        Treat Markdown syntax as markup; False for text extracted from HTML.
    front_matter : bool
        Read a leading YAML front matter block (title, date, author, url, source).

    Returns
    -------
    spans : tuple of (int, int)
        Markup ranges, sorted and merged.
    meta : dict
        ``title``, ``byline``, ``date`` (ISO), ``url`` and ``source``, each str or None.
    sentences : tuple of Sentence
        Body sentences: byline, date, "Related article:" and URL lines are left out.
    """
    front = FRONT_MATTER.match(text) if markdown and front_matter else None
    fields = front_matter_fields(front.group(1)) if front else {}
    spans = markup_spans(text, markdown=markdown, front_matter=front_matter)
    clean = blank(text, spans)
    meta, skip = _metadata(text, clean, fields)
    sentences = tuple(
        s for a, b in line_ranges(text) if a not in skip for s in split_line(text, clean, a, b)
    )
    return spans, meta, tuple(join_wrapped(text, sentences))


# ---------------------------------------------------------------------------- sentences
_FINAL = re.compile(r"[.!?:;…][\"'”’)\]*_]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def join_wrapped(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences in text order, with a sentence hard-wrapped over lines joined again.

    Lines are split first, so a paragraph wrapped at 80 columns yields fragments
    ("Russia kept its" / "embassy in Kabul open."). A fragment is joined to the next one
    when it has no final punctuation, the break is a single newline (not a blank line)
    and its line is running text, not a headline.

    Parameters
    ----------
    text : str
        The article text.
    sentences : sequence of Sentence
        Sentence spans into ``text``.

    Returns
    -------
    list of Sentence
        ``text[s.start:s.end] == s.text`` still holds for every joined sentence.
    """
    out: list[Sentence] = []
    for s in sorted(sentences, key=lambda s: s.start):
        if out and _wrapped(text, out[-1], s):
            prev = out.pop()
            s = Sentence(prev.start, s.end, text[prev.start : s.end])
        out.append(s)
    return out


def _wrapped(text: str, prev: Sentence, nxt: Sentence) -> bool:
    gap = text[prev.end : nxt.start]
    if gap.strip() or gap.count("\n") != 1 or _FINAL.search(prev.text):
        return False
    line_start = text.rfind("\n", 0, prev.end) + 1
    line = text[line_start : prev.end].strip()
    if len(line) < 40 or line.startswith(("#", "|", ">")):
        return False
    if not (line[-1].isalnum() or line[-1] in ",)–-"):
        return False
    # a headline is mostly capitalised words; wrapped running text is not
    words = _WORD.findall(line)
    caps = sum(w[0].isupper() for w in words)
    return caps < 0.6 * len(words) and not nxt.text.lstrip().startswith(("#", "-", "*", "|"))


# A run of terminators, matched only from its first character (the lookbehind), so a long
# run not followed by a space costs linear time, not a backtracking search from every dot;
# or a full stop glued to the next sentence ("on Friday.The front").
_TERMINATOR = re.compile(
    r"(?<![.!?…])[.!?…]+[\"”’')\]»]*(?=\s)|(?<=[a-z]{2})\.(?=[A-Z][a-z]{1,20}\s)"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)\.[\"”’')\]»]*$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[«]*([A-Za-z]+)")
_TITLES = _wordset(
    """mr mrs ms mx dr gen col lt sgt capt cpt maj rep sen gov prof st mt ft rev adm brig cmdr cpl
    pvt hon pres supt insp messrs mme mlle sr jr vs v cf e.g i.e approx ca al"""
)
_BEFORE_NUMBER = _wordset(
    "no nos art p pp vol fig ch sec para jan feb mar apr jun jul aug sep sept oct nov dec"
)
_STARTERS = _wordset(
    """the a an he she it they we i you his her its their our this that these those there but and
    or so yet in on at as after when while however meanwhile still also if since according some
    many one two no what why how"""
)


def _is_boundary(clean: str, term: re.Match[str], nxt: int) -> bool:
    """Whether the terminator ``term`` ends a sentence, given the next visible char at ``nxt``."""
    following = clean[nxt]
    if following.islower() or following in ",;:":
        return False
    if "?" in term.group() or "!" in term.group() or "…" in term.group() or ".." in term.group():
        return True
    word = _WORD_BEFORE.search(clean, max(0, term.start() - 40), term.end())
    if not word:
        return True
    w = word.group(1).lower()
    next_word = _NEXT_WORD.match(clean, nxt)
    if w in _TITLES:
        return False
    if w in _BEFORE_NUMBER:
        return not following.isdigit()
    if len(w) == 1 and word.group(1).isupper():  # an initial: "J. R. R. Tolkien"
        return False
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):  # U.S., U.K., a.m.: only before a sentence starter
        return bool(next_word) and next_word.group(1).lower() in _STARTERS
    return True


def split_line(text: str, clean: str, start: int, end: int) -> list[Sentence]:
    lead = _LINE_LEAD.match(text, start + text.startswith("\ufeff", start), end)
    if lead and lead.group().strip():
        start = lead.end()
    cuts = [start]
    for term in _TERMINATOR.finditer(clean, start, end):
        nxt = term.end()
        while nxt < end and clean[nxt].isspace():
            nxt += 1
        if nxt < end and _is_boundary(clean, term, nxt):
            cuts.append(term.end())
    cuts.append(end)
    sentences = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if a < b and any(c.isalnum() for c in clean[a:b]):
            sentences.append(Sentence(a, b, text[a:b]))
    return sentences


def split_sentences(
    text: str, ignore_spans: tuple[Span, ...] | list[Span] = ()
) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences with exact offsets.

    A line break ends a sentence unless it only wraps running text (see
    :func:`join_wrapped`). Abbreviations (Mr., Gen., Aug. 16, U.S.), initials,
    decimals, ellipses and closing quotes are handled. Decisions look at the text with
    ``ignore_spans`` blanked, so link targets and emphasis markers never split a sentence.

    Parameters
    ----------
    text : str
        The text to split.
    ignore_spans : sequence of (int, int)
        Markup ranges, as in :attr:`Article.ignore_spans`.

    Returns
    -------
    tuple of Sentence
        In text order; ``text[s.start:s.end] == s.text`` and no sentence starts or ends
        with whitespace. Lines with no letters or digits outside markup yield nothing.
    """
    clean = blank(text, merge_spans(list(ignore_spans)))
    lines = [s for a, b in line_ranges(text) for s in split_line(text, clean, a, b)]
    return tuple(join_wrapped(text, lines))
