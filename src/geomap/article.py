"""Ingest: a path, an http(s) URL or a string becomes an :class:`Article`.

For a .txt or .md file ``Article.text`` is the file exactly as decoded (a UTF-8 BOM stays
in ``text`` as U+FEFF and is listed in ``ignore_spans``), so every offset downstream
points into the original file. Markup is never removed: its character ranges go into
``ignore_spans`` and :attr:`Article.clean_text` blanks them with spaces, keeping offsets.
For HTML, ``text`` is what trafilatura extracts. I/O (files, HTTP) lives in :func:`read`
and the ``_fetch``/``_read_path`` helpers; everything else is a pure function of a string.
"""

from __future__ import annotations

import codecs
import http.client
import logging
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from geomap.article_text import (
    Span,
    analyse,
    blank,
    date_from_url,
    join_names,
    parse_date,
    split_sentences,
)
from geomap.errors import FetchError, GeomapError, InputError
from geomap.files import read_bytes_capped
from geomap.models import Sentence

__all__ = ["USER_AGENT", "Article", "parse_date", "read", "read_text", "split_sentences"]

log = logging.getLogger(__name__)

USER_AGENT = "geomap/0.1 (+https://github.com/geomap)"
FORMATS = ("auto", "text", "markdown", "html")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass(frozen=True)
class Article:
    """A news article: its text, metadata and body sentences.

    Offsets of everything downstream (sentences, mentions, evidence) index ``text``.
    """

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO 8601 date, e.g. "2021-08-16"
    url: str | None = None
    source: str | None = None  # publisher or site name, else URL host, else file name
    sentences: tuple[Sentence, ...] = ()
    ignore_spans: tuple[Span, ...] = ()  # markup ranges: never places, never evidence words

    @cached_property
    def clean_text(self) -> str:
        """``text`` with ``ignore_spans`` blanked by spaces: same length, same offsets."""
        return blank(self.text, self.ignore_spans)

    @property
    def is_empty(self) -> bool:
        """True when nothing but whitespace and markup is left; the CLI decides what to do."""
        return not self.clean_text.strip()


# ------------------------------------------------------------------------------- builders
def _host(url: str | None) -> str | None:
    host = urllib.parse.urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _looks_like_html(head: str, *, strict: bool = False) -> bool:
    """Whether text is an HTML page; ``strict`` (for .txt/.md) needs it to start like one."""
    head = head[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return not strict and ("<html" in head[:1024] or head.startswith("<!doctype"))


def _from_markup(
    text: str, *, fmt: str, title: str | None, url: str | None, name: str | None
) -> Article:
    spans, meta, sentences = analyse(text, front_matter=fmt != "text")
    url = url or meta["url"]
    return Article(
        text=text,
        title=title or meta["title"],
        byline=meta["byline"],
        date=meta["date"] or date_from_url(url),
        url=url,
        source=meta["source"] or _host(url) or name,
        sentences=sentences,
        ignore_spans=spans,
    )


def _from_html(
    html: str, *, title: str | None, url: str | None, label: str, name: str | None
) -> Article:
    import trafilatura  # imported here: it costs ~0.1 s and plain text never needs it

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as err:  # a third-party parser: any failure means "no article here"
        raise InputError(f"{label}: cannot parse the HTML ({type(err).__name__}: {err})") from err
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not any(c.isalnum() for c in text):
        raise InputError(f"{label}: no article text could be extracted from the HTML")
    spans, meta, sentences = analyse(text, markdown=False)
    author = doc.author
    url = doc.url or url or meta["url"]
    return Article(
        text=text,
        title=title or doc.title or meta["title"],
        byline=join_names(author.split(";")) if author else meta["byline"],
        date=parse_date(doc.date or "") or meta["date"] or date_from_url(url),
        url=url,
        source=doc.sitename or _host(url) or name,
        sentences=sentences,
        ignore_spans=spans,
    )


def read_text(
    text: str, *, title: str | None = None, url: str | None = None, fmt: str = "auto"
) -> Article:
    """Make an :class:`Article` from a string.

    Parameters
    ----------
    text : str
        Plain text, Markdown or HTML.
    title, url : str, optional
        Override what is found in the text.
    fmt : {"auto", "text", "markdown", "html"}
        "auto" treats text starting like an HTML page as HTML, anything else as Markdown
        (plain text is Markdown without markup). "text" also ignores YAML front matter.

    Returns
    -------
    Article
        For text and Markdown, ``Article.text is text``; for HTML, the extracted text.

    Raises
    ------
    InputError
        Unknown ``fmt``, or HTML with no extractable article text.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "html" or (fmt == "auto" and _looks_like_html(text)):
        return _from_html(text, title=title, url=url, label=url or "<text>", name=None)
    return _from_markup(text, fmt=fmt, title=title, url=url, name=None)


def _html_charset(data: bytes, declared: str | None) -> str:
    """Encoding of an HTML page: HTTP header, then BOM, then <meta>, then UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    meta = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    for name in (declared, meta.group(1).decode("ascii") if meta else None):
        if name:
            try:
                return codecs.lookup(name).name
            except LookupError:
                log.debug("unknown charset %r", name)
    return "utf-8"


def _from_bytes(data: bytes, *, label: str, suffix: str, charset: str | None = None,
                url: str | None = None, name: str | None = None) -> Article:  # fmt: skip
    """Decode and parse raw article bytes; ``label`` names the input in error messages."""
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        raise InputError(f"{label}: PDF is not supported; save the article as text or HTML")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{label}: text is UTF-16; save it as UTF-8")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > max(8, len(head) // 20):
        raise InputError(f"{label}: binary file, not a text, Markdown or HTML article")
    strict = suffix in _MARKDOWN_SUFFIXES or suffix == ".txt"
    if suffix in _HTML_SUFFIXES or _looks_like_html(head.decode("latin-1"), strict=strict):
        html = data.decode(_html_charset(data, charset), errors="replace")
        return _from_html(html, title=None, url=url, label=label, name=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if not charset:  # a file: plain text and Markdown must be UTF-8
            bad = f"byte 0x{data[err.start]:02x} at offset {err.start}"
            raise InputError(f"{label}: not UTF-8 text ({bad}); convert it to UTF-8") from err
        try:  # a server that declared its charset
            text = data.decode(charset, errors="replace")
        except LookupError:
            raise InputError(f"{label}: unknown charset {charset!r}") from err
    fmt = "markdown" if suffix in _MARKDOWN_SUFFIXES else ("text" if suffix == ".txt" else "auto")
    return _from_markup(text, fmt=fmt, title=None, url=url, name=name)


def _read_path(path: Path, max_bytes: int) -> Article:
    data = read_bytes_capped(path, InputError, max_bytes, what="an article file")
    return _from_bytes(data, label=str(path), suffix=path.suffix.lower(), name=path.name)


_HINT = "the network may be unavailable"


def _fetch(url: str, *, timeout: float, max_bytes: int) -> Article:
    """Fetch and parse ``url``; the whole fetch (connect, headers, body) takes at most
    ``timeout`` seconds, however slowly the server sends.

    The socket timeout only bounds each read, so a server dripping a byte a second would
    never time out; the download runs in a daemon thread that is abandoned at the deadline
    (it stops itself at its next read, since it checks the same deadline).
    """
    deadline = time.monotonic() + timeout
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["ok"] = _download(url, timeout=timeout, deadline=deadline, max_bytes=max_bytes)
        except BaseException as err:  # handed to the caller's thread
            result["error"] = err

    worker = threading.Thread(target=work, name="geomap-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()) + 0.05)
    if worker.is_alive():
        raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s ({_HINT})")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    data, ctype, charset, final_url = result["ok"]  # type: ignore[misc]
    suffix = {"text/markdown": ".md", "text/plain": ".txt"}.get(
        ctype, ".html" if ctype in _HTML_TYPES else ""
    )
    log.debug("fetched %s (%s, %d bytes)", final_url, ctype, len(data))
    return _from_bytes(data, label=url, suffix=suffix, charset=charset, url=final_url)


def _download(
    url: str, *, timeout: float, deadline: float, max_bytes: int
) -> tuple[bytes, str, str | None, str]:
    """The body, content type, charset and final URL of ``url``."""
    hint = _HINT
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
    })  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # follows redirects
            final_url = response.geturl()
            ctype = response.headers.get_content_type()
            if ctype == "application/pdf":
                raise InputError(f"{url}: PDF is not supported; save the article as text or HTML")
            if ctype not in _HTML_TYPES and not ctype.startswith("text/"):
                raise InputError(f"{url}: unsupported content type {ctype}; expected HTML or text")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"cannot fetch {url}: response is over the {max_bytes:,}-byte limit"
                )
            chunks, total = [], 0
            # read1: whatever has arrived, so a slow server cannot hold one read past the
            # deadline by sending a byte just before each socket timeout
            while chunk := response.read1(65536):
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError(
                        f"cannot fetch {url}: response is over the {max_bytes:,}-byte limit"
                    )
                if time.monotonic() > deadline:
                    raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s ({hint})")
                chunks.append(chunk)
            charset = response.headers.get_content_charset()
    except GeomapError:
        raise
    except urllib.error.HTTPError as err:
        raise FetchError(f"cannot fetch {url}: HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise FetchError(f"cannot fetch {url}: {reason} ({hint})") from err
    return b"".join(chunks), ctype, charset, final_url


def read(source: str | os.PathLike[str], *, offline: bool = False, timeout: float = 10.0,
         max_bytes: int = 10_000_000) -> Article:  # fmt: skip
    """Read an article from a file path, an http(s) URL, or (with a line break) a string.

    Parameters
    ----------
    source : str or os.PathLike
        A .txt, .md or .html file, an ``http://``/``https://`` URL, or the article text
        itself (any string containing a newline is taken as text, never as a path).
    offline : bool
        Refuse URLs without touching the network.
    timeout : float
        Seconds allowed for the whole fetch of a URL.
    max_bytes : int
        Largest file or response accepted; files are checked before reading, responses
        while streaming.

    Returns
    -------
    Article
        An empty or whitespace-only file gives an article with ``is_empty`` True.

    Raises
    ------
    InputError
        Missing, unreadable, binary, non-UTF-8, PDF or oversized input, or HTML with no
        article text.
    FetchError
        A URL that cannot be fetched (offline, no network, timeout, HTTP error, too large).
    """
    started = time.perf_counter()
    if isinstance(source, str) and re.match(r"(?i)https?://", source.strip()):
        url = source.strip()
        if offline:
            raise FetchError(f"cannot fetch {url}: offline mode is on (no network is used)")
        article = _fetch(url, timeout=timeout, max_bytes=max_bytes)
    elif isinstance(source, str) and "\n" in source:
        article = read_text(source)
    elif isinstance(source, str) and re.match(r"(?i)[a-z][a-z0-9+.-]+://", source):
        raise InputError(f"{source}: unsupported URL scheme; use http(s) or a file path")
    else:
        article = _read_path(Path(source), max_bytes)
    log.debug("read %s: %d chars, %d sentences in %.1f ms", str(source)[:80], len(article.text),
              len(article.sentences), 1000 * (time.perf_counter() - started))  # fmt: skip
    return article
