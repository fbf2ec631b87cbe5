"""Many articles -> many maps, in parallel processes (``geomap batch``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GeomapError


@dataclass(frozen=True)
class BatchResult:
    """One input's outcome: the map written, or a one-line error."""

    input: str
    output: Path | None = None
    error: str | None = None


def build_one(source: str, out: Path, options: dict[str, Any]) -> BatchResult:
    """Build one map at ``out``; a GeomapError becomes the result's ``error``."""
    from .article import read
    from .story import build_story

    try:
        article = read(source, offline=options.get("offline", False))
        if article.is_empty:
            return BatchResult(source, error="the article is empty")
        online = None
        if options.get("geocoder") not in (None, "offline"):
            from .online import OnlineGeocoder

            online = OnlineGeocoder(options["geocoder"])
        story = build_story(article, online=online)
        story.save(out, tiles=options.get("tiles"), cdn=options.get("cdn", False))
        return BatchResult(source, output=out)
    except GeomapError as err:
        return BatchResult(source, error=str(err).splitlines()[0])


def output_names(sources: Sequence[str]) -> list[str]:
    """A distinct file name per source, from its file or URL name (known before reading)."""
    from .story import slug

    names: list[str] = []
    for source in sources:
        stem = Path(source.rstrip("/").split("?")[0]).stem
        base = slug(stem, default="article")
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.append(name)
    return names


def build_many(
    sources: Iterable[str],
    output_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    offline: bool = False,
    tiles: str | None = None,
    cdn: bool = False,
    geocoder: str | None = None,
    progress: Callable[[Sequence[Any], str], Iterable[Any]] | None = None,
) -> list[BatchResult]:
    """Build the map of every source into ``output_dir`` using ``jobs`` processes.

    Results come back in input order; failures do not stop the batch.
    """
    todo = list(dict.fromkeys(sources))
    outs = [Path(output_dir) / f"{name}.html" for name in output_names(todo)]
    options = {"offline": offline, "tiles": tiles, "cdn": cdn, "geocoder": geocoder}
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        pairs = list(zip(todo, outs))
        it = progress(pairs, "building maps") if progress else pairs
        return [build_one(s, o, options) for s, o in it]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_one, s, o, options) for s, o in zip(todo, outs)]
        it = progress(futures, "building maps") if progress else futures
        return [f.result() for f in it]


# -- geoparsing a JSONL corpus (``geomap places --corpus``) ------------------------------
#: below this many documents forking workers costs more than it saves
MIN_DOCS_PER_WORKER = 50
_CHUNK = 16  # documents per task: small enough to balance, large enough to amortise


def corpus_line(line: str, kinds: frozenset[str] | None = None) -> tuple[str | None, str | None]:
    """One JSONL corpus line -> ``(prediction JSON line, None)`` or ``(None, error)``;
    with ``kinds``, only the mentions of those :class:`~geomap.models.MentionKind` values."""
    import json

    from .corpus import prediction_record
    from .geoparse import default_parser

    try:
        doc = json.loads(line)
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or "id" not in doc:
            raise ValueError('needs an object with "id" and "text"')
    except ValueError as err:
        return None, (str(err).strip().splitlines() or [type(err).__name__])[0]
    mentions = default_parser().parse(doc["text"])
    if kinds is not None:
        mentions = [m for m in mentions if m.kind.value in kinds]
    record = prediction_record(doc["id"], mentions)
    return json.dumps(record, ensure_ascii=False) + "\n", None


def map_lines(
    func: Callable[[str], Any], lines: Sequence[str], jobs: int | None = None
) -> Iterator[Any]:
    """``func`` over ``lines`` in input order, in up to ``jobs`` processes (default: all
    cores; one when there are too few lines to be worth a worker).

    Workers are forked after the caller has loaded what ``func`` needs (the gazetteer),
    so they share it instead of loading it again; it is frozen out of the cyclic garbage
    collector meanwhile, which would otherwise write to every object it walks and so
    copy the shared pages into each worker. Where processes are not forked (macOS,
    Windows) each worker loads it on first use.
    """
    import gc
    import multiprocessing as mp

    jobs = min(jobs or os.cpu_count() or 1, max(1, len(lines) // MIN_DOCS_PER_WORKER))
    gc.freeze()
    try:
        if jobs <= 1:
            yield from map(func, lines)
        else:
            with mp.Pool(jobs) as pool:
                yield from pool.imap(func, lines, chunksize=_CHUNK)
    finally:
        gc.unfreeze()


def geoparse_corpus(
    lines: Sequence[str], jobs: int | None = None, kinds: frozenset[str] | None = None
) -> Iterable[tuple[str | None, str | None]]:
    """:func:`corpus_line` over every line of a corpus, in order, in ``jobs`` processes."""
    from functools import partial

    from .geoparse import default_parser

    default_parser()  # loaded once, before any worker is forked
    return map_lines(partial(corpus_line, kinds=kinds), lines, jobs)
