"""``geomap`` command line: a thin layer over the Python API.

It parses arguments, calls one API function per command, shows progress on long work
and turns a :class:`~geomap.errors.GeomapError` into a one-line message on stderr with
exit code 1 (bad input or runtime) or 2 (usage). Anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .errors import GeomapError, InputError

log = logging.getLogger("geomap")

EPILOG = """examples:
  geomap build article.txt                 map + story in maps/
  geomap build https://example.com/news -o maps/news.html --png
  geomap places article.html --format json
  geomap places --corpus docs.jsonl -o predictions.jsonl
  geomap geocode Badakhshan
  geomap render maps/kabul.geojson -o maps/kabul.html
  geomap embed maps/kabul.html

Everything runs offline unless you ask for the network (a URL input, --tiles osm)."""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (exit 2) instead of the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            2,
            f"geomap: error: {message} (see geomap {self.prog.split()[-1]} --help)\n"
            if " " in self.prog
            else f"geomap: error: {message} (see geomap --help)\n",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``geomap`` command."""
    p = _Parser(
        prog="geomap",
        description="Turn a news article into an interactive, offline geopolitical map.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"geomap {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log what geomap does")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    b = sub.add_parser(
        "build",
        help="article -> HTML map + story GeoJSON",
        description="Build the map of one article: NAME.html and NAME.geojson.",
    )
    b.add_argument("input", metavar="INPUT", help="a .txt, .md or .html file, or an http(s) URL")
    b.add_argument(
        "-o", "--output", type=Path, help="output map (default: maps/<slug of title>.html)"
    )
    _map_options(b)
    b.add_argument("--png", action="store_true", help="also write a PNG picture (needs Chromium)")
    b.add_argument("--svg", action="store_true", help="also write an SVG picture")
    _png_options(b)
    _network_options(b)

    s = sub.add_parser(
        "story",
        help="article -> story GeoJSON on stdout",
        description="Print the story GeoJSON of one article.",
    )
    s.add_argument("input", metavar="INPUT")
    _network_options(s)

    pl = sub.add_parser(
        "places",
        help="the places of an article (or of a JSONL corpus)",
        description="List the places an article names, or geoparse a corpus.",
    )
    pl.add_argument("input", metavar="INPUT", nargs="?", help="a file or URL")
    pl.add_argument(
        "--format",
        choices=("table", "json", "jsonl", "geojson", "csv"),
        default="table",
        help="output format (default: table)",
    )
    pl.add_argument(
        "--corpus",
        type=Path,
        metavar="FILE.jsonl",
        help='batch mode: one {"id", "text"} object per line',
    )
    pl.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    pl.add_argument(
        "--kinds",
        type=_kinds,
        metavar="KIND,...",
        help='only mentions of these kinds: literal ("in Kabul"), metonym ("Moscow '
        'said"), adjective ("Russian officials"), demonym ("Russians"); e.g. '
        "literal,metonym to leave out the adjectives and demonyms that many gold "
        "standards do not annotate (default: all)",
    )
    pl.add_argument(
        "-j", "--jobs", type=int, default=0, help="--corpus: processes (default: all cores)"
    )
    _network_options(pl)

    g = sub.add_parser(
        "geocode",
        help="ranked candidates for a name from the offline gazetteer",
        description="Look a name up in the offline gazetteer.",
    )
    g.add_argument("name", metavar="NAME")
    g.add_argument("-n", "--limit", type=int, default=10, help="most candidates (default: 10)")
    g.add_argument("--json", action="store_true", help="print JSON")

    r = sub.add_parser(
        "render",
        help="story GeoJSON -> HTML map",
        description="Rebuild the map from a (possibly hand-edited) story GeoJSON: facts are drawn again at their places (see docs/EDITING.md).",
    )
    r.add_argument("story", metavar="STORY.geojson", type=Path)
    r.add_argument("-o", "--output", type=Path, help="output map (default: beside the story)")
    _map_options(r)
    r.add_argument("--png", action="store_true", help="also write a PNG picture")
    r.add_argument("--svg", action="store_true", help="also write an SVG picture")
    _png_options(r)

    e = sub.add_parser(
        "embed",
        help="iframe and inline snippets for a map",
        description="Print an iframe snippet and an inline snippet for reports.",
    )
    e.add_argument("map", metavar="MAP.html", type=Path)
    e.add_argument("--height", type=int, default=600, help="height in pixels (default: 600)")
    e.add_argument("--width", default="100%", help="CSS width, e.g. 600 or 100%% (default: 100%%)")

    bt = sub.add_parser(
        "batch",
        help="many articles -> maps, using all cores",
        description="Build the maps of many articles in parallel.",
    )
    bt.add_argument("inputs", metavar="INPUTS", nargs="+")
    bt.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        default=Path("maps"),
        help="folder for the maps (default: maps/)",
    )
    bt.add_argument("-j", "--jobs", type=int, default=0, help="processes (default: all cores)")
    _map_options(bt)
    _network_options(bt)
    return p


def _network_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--offline", action="store_true", help="never touch the network, even for a URL")
    p.add_argument(
        "--geocoder",
        choices=("offline", "nominatim"),
        default="offline",
        help="also ask an online geocoder (rate-limited, cached on disk) for names the "
        "offline gazetteer cannot place (default: offline only)",
    )


def _online(a: argparse.Namespace) -> Any:
    """The opt-in online geocoder, or None (offline, or --offline given)."""
    if getattr(a, "geocoder", "offline") == "offline" or getattr(a, "offline", False):
        return None
    from .online import OnlineGeocoder

    return OnlineGeocoder(a.geocoder)


def _map_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tiles",
        metavar="NAME",
        help="online background tiles, e.g. osm (default: offline vector basemap)",
    )
    p.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet from a CDN instead of inlining it (smaller, needs network)",
    )


def _positive(kind: type) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value

    return parse


def _png_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--width", type=_positive(int), default=1200, help="PNG width in CSS pixels (default: 1200)"
    )
    p.add_argument(
        "--height", type=_positive(int), help="PNG height in CSS pixels (default: 2/3 of the width)"
    )
    p.add_argument(
        "--scale",
        type=_positive(float),
        default=1.0,
        help="PNG pixel ratio: 2 doubles the pixels for print (default: 1)",
    )


def _check_png(a: argparse.Namespace) -> None:
    """Refuse a bad picture size before anything is built or written."""
    from .render.export import check_png_size

    if a.png:
        try:
            check_png_size(a.width, a.height, a.scale)
        except ValueError as err:
            raise _Usage(str(err)) from err


def _save_png(html: Path, a: argparse.Namespace) -> Path:
    from .render import save_png

    return save_png(html, html.with_suffix(".png"), width=a.width, height=a.height, scale=a.scale)


# -- commands ----------------------------------------------------------------------------
def _path_input(source: str | Path | None) -> str | Path | None:
    """The input as a file path, or None for a URL or the article text itself."""
    if source is None or isinstance(source, Path):
        return source
    if "\n" in source or re.match(r"(?i)[a-z][a-z0-9+.-]+://", source.strip()):
        return None
    return source


def _check_outputs(outputs: Sequence[Path | None], *inputs: str | Path | None) -> None:
    """Refuse, before anything is written, outputs that would clobber an input or a
    symlink, FIFO or device."""
    from .files import check_not_input, check_output_path

    sources = [_path_input(i) for i in inputs]
    for out in outputs:
        if out is not None:
            check_output_path(out)
            check_not_input(out, sources)


def _kinds(value: str) -> frozenset[str]:
    """``--kinds literal,metonym`` -> the set of :class:`MentionKind` values."""
    from .models import MentionKind

    known = {k.value for k in MentionKind}
    kinds = frozenset(k.strip() for k in value.split(",") if k.strip())
    if not kinds or kinds - known:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(sorted(known))} (got {value!r})")
    return kinds


def cmd_places(a: argparse.Namespace) -> int:
    if a.corpus is not None:
        _check_outputs([a.output], a.corpus, a.input)
        return _places_corpus(a.corpus, a.output, a.jobs or None, a.kinds)
    if a.input is None:
        raise _Usage("places needs INPUT or --corpus FILE.jsonl")
    _check_outputs([a.output], a.input)
    from .article import read
    from .geoparse import geoparse
    from .places import format_places

    article = read(a.input, offline=a.offline)
    mentions = geoparse(article)
    if a.kinds is not None:
        mentions = [m for m in mentions if m.kind.value in a.kinds]
    online = _online(a)
    if online is not None:
        from .online import place_online

        mentions = place_online(mentions, online)
    _emit(format_places(mentions, a.format), a.output)
    return 0


def _places_corpus(
    path: Path, output: Path | None, jobs: int | None, kinds: frozenset[str] | None = None
) -> int:
    from .batch import geoparse_corpus

    lines = [(n, line) for n, line in _read_lines(path) if line.strip()]
    results = geoparse_corpus([line for _, line in lines], jobs, kinds)
    bad = 0
    out = io.StringIO()
    for (lineno, _), (record, error) in zip(lines, _progress(results, "geoparsing", len(lines))):
        if error is not None:
            bad += 1
            print(f"geomap: {path}:{lineno}: skipped: {error}", file=sys.stderr)
        else:
            out.write(record)
    _emit(out.getvalue(), output)
    return 1 if bad else 0


def _read_lines(path: Path) -> list[tuple[int, str]]:
    from .files import read_text_file

    # split on newlines only: JSON strings may hold U+2028, which splitlines() breaks on
    return list(enumerate(read_text_file(path, InputError).split("\n"), 1))


def cmd_geocode(a: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer
    from .geocoder import rank_places

    ranked = rank_places(Gazetteer.load(), a.name)[: a.limit]
    if a.json:
        rows = [_place_row(p, score) for p, score in ranked]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    if not ranked:
        print(f"geomap: no place called {a.name!r} in the offline gazetteer", file=sys.stderr)
        return 1
    header = ("score", "name", "kind", "country", "lat", "lon", "population", "geonameid")
    rows = [
        (
            f"{score:.3f}",
            p.name,
            p.kind.value,
            p.country_code or "",
            f"{p.lat:.4f}",
            f"{p.lon:.4f}",
            str(p.population),
            p.geonameid or "",
        )
        for p, score in ranked
    ]
    print(_table(header, rows), end="")
    return 0


def _place_row(p: Any, score: float) -> dict[str, Any]:
    return {
        "score": score,
        "name": p.name,
        "kind": p.kind.value,
        "country_code": p.country_code,
        "lat": p.lat,
        "lon": p.lon,
        "population": p.population,
        "geonameid": p.geonameid,
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .files import write_text_atomic

    write_text_atomic(output, text)


def _progress(items: Iterable[Any], label: str, total: int | None = None) -> Iterator[Any]:
    """Iterate with a progress bar on stderr when it is a terminal (``total``: the
    length of an iterator)."""
    total = len(items) if total is None else total  # type: ignore[arg-type]
    if not sys.stderr.isatty() or total < 20:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


class _Usage(GeomapError):
    exit_code = 2


def cmd_build(a: argparse.Namespace) -> int:
    from .article import read
    from .story import build_story, map_path, slug

    _check_png(a)
    article = read(a.input, offline=a.offline)
    if article.is_empty:
        raise InputError(f"{a.input}: the article is empty")
    output = a.output or Path("maps") / f"{slug(article.title or Path(a.input).stem)}.html"
    html = map_path(output)
    _check_outputs(
        [
            a.output,
            html,
            html.with_suffix(".geojson"),
            html.with_suffix(".svg") if a.svg else None,
            html.with_suffix(".png") if a.png else None,
        ],
        a.input,
    )
    story = build_story(article, online=_online(a))
    written = story.save(output, svg=a.svg, tiles=a.tiles, cdn=a.cdn)
    if a.png:
        written["png"] = _save_png(written["html"], a)
    _report(story, written)
    return 0


def cmd_story(a: argparse.Namespace) -> int:
    from .article import read
    from .story import build_story

    sys.stdout.write(build_story(read(a.input, offline=a.offline), online=_online(a)).to_geojson())
    return 0


def cmd_render(a: argparse.Namespace) -> int:
    from .story import Story

    _check_png(a)
    output = a.output or a.story.with_suffix(".html")
    _check_outputs(
        [
            output,
            output.with_suffix(".svg") if a.svg else None,
            output.with_suffix(".png") if a.png else None,
        ],
        a.story,
    )
    story = Story.load(a.story).rebuild()  # geometry follows the edited places
    from .render import save_html, save_svg

    written = {"html": save_html(story.data, output, tiles=a.tiles, cdn=a.cdn)}
    if a.svg:
        written["svg"] = save_svg(story.data, output.with_suffix(".svg"))
    if a.png:
        written["png"] = _save_png(written["html"], a)
    _report(story, written)
    return 0


def cmd_embed(a: argparse.Namespace) -> int:
    from .render import embed_snippets

    if not a.map.is_file():
        raise InputError(f"{a.map}: no such map file")
    try:
        snippets = embed_snippets(a.map, width=a.width, height=a.height)
    except ValueError as err:
        raise _Usage(str(err)) from err
    print("<!-- iframe: keep the map file beside the report -->")
    print(snippets["iframe"])
    print()
    print("<!-- inline: self-contained, paste anywhere -->")
    print(snippets["inline"])
    return 0


def cmd_batch(a: argparse.Namespace) -> int:
    from .batch import build_many, output_names

    todo = list(dict.fromkeys(a.inputs))  # the names build_many gives the maps
    for name in output_names(todo):
        html = a.output_dir / f"{name}.html"
        _check_outputs([html, html.with_suffix(".geojson")], *todo)
    results = build_many(
        a.inputs,
        a.output_dir,
        jobs=a.jobs or None,
        offline=a.offline,
        geocoder=None if a.offline else a.geocoder,
        tiles=a.tiles,
        cdn=a.cdn,
        progress=_progress,
    )
    failed = [r for r in results if r.error]
    for r in results:
        if r.error:
            print(f"geomap: {r.input}: {r.error}", file=sys.stderr)
        else:
            print(f"{r.input} -> {r.output}")
    print(f"{len(results) - len(failed)} maps built, {len(failed)} failed", file=sys.stderr)
    return 1 if failed else 0


def _report(story: Any, written: dict[str, Path]) -> None:
    counts: dict[str, int] = {}
    for f in story.features:
        counts[f["properties"]["layer"]] = counts.get(f["properties"]["layer"], 0) + 1
    summary = (
        ", ".join(f"{n} {layer.replace('_', ' ')}" for layer, n in counts.items()) or "no places"
    )
    print(f"{story.title}: {summary}", file=sys.stderr)
    for kind in ("html", "geojson", "svg", "png"):
        if kind in written:
            print(written[kind])


COMMANDS = {
    "build": cmd_build,
    "story": cmd_story,
    "places": cmd_places,
    "geocode": cmd_geocode,
    "render": cmd_render,
    "embed": cmd_embed,
    "batch": cmd_batch,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geomap`` console script; returns the exit code."""
    parser = build_parser()
    a = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("geomap: %(message)s"))
    if not a.verbose:  # a library's warning ("discarding data: None") is noise to a user
        handler.addFilter(lambda record: record.name.partition(".")[0] == "geomap")
    logging.basicConfig(level=logging.INFO if a.verbose else logging.WARNING, handlers=[handler])
    try:
        return COMMANDS[a.command](a)
    except GeomapError as err:
        print(f"geomap: error: {_first_line(err)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("geomap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
