"""Map-building benchmark: story and map build times, HTML sizes, first paint.

    python benchmarks/build.py [ARTICLE ...] [--repeat 5] [--no-browser]

Defaults to the seed article (../shared/articles/, when present) and the demo article
(examples/kabul-2021.md). Times are medians over ``--repeat`` warm runs, after the
gazetteer is loaded (its load time is reported separately). First paint is measured in
Debian's headless Chromium (``/usr/bin/chromium``) from navigation start to the map's
vectors being drawn. Targets (issues 4 and 5): story ≤ 0.3 s, map ≤ 1.0 s warm,
self-contained HTML ≤ 1.5 MB, --cdn HTML ≤ 300 KB, first paint ≤ 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = [
    ROOT.parent / "shared" / "articles" / "moscow-times-2021-08-16-kabul.txt",
    ROOT / "examples" / "kabul-2021.md",
]


def _median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def first_paint_ms(html: Path) -> float | None:
    """Milliseconds from navigation start until the map's vectors are drawn."""
    try:
        from playwright.sync_api import sync_playwright

        from geomap.render.export import launch_chromium, wait_for_map
    except ImportError:
        return None
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(html.as_uri())
        wait_for_map(page)
        ms = page.evaluate("performance.now()")
        browser.close()
    return float(ms)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-browser", action="store_true", help="skip the first-paint timing")
    ap.add_argument(
        "--large",
        type=int,
        default=0,
        metavar="N",
        help="also time one story of the demo article repeated N times (work must stay linear)",
    )
    a = ap.parse_args(argv)

    from geomap.article import read
    from geomap.geoparse import default_parser
    from geomap.render import to_html
    from geomap.story import build_story

    t0 = time.perf_counter()
    default_parser()  # what build_story uses: the cached gazetteer and the shipped model
    print(f"gazetteer + model load: {time.perf_counter() - t0:.2f} s")
    articles = a.articles or [p for p in DEFAULTS if p.exists()]
    rows = []
    for path in articles:
        article = read(path)
        build_story(article)  # warm caches (country shapes, lexicon)
        story_s, story = _median_time(lambda art=article: build_story(art), a.repeat)
        to_html(story.data)
        html_s, html = _median_time(lambda data=story.data: to_html(data), a.repeat)
        cdn = to_html(story.data, cdn=True)
        paint = None
        if not a.no_browser:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "map.html"
                out.write_text(html, encoding="utf-8")
                paint = first_paint_ms(out)
        rows.append(
            (
                path.name,
                len(story.features),
                story_s,
                story_s + html_s,
                len(html.encode()),
                len(cdn.encode()),
                paint,
            )
        )
    if a.large:
        from geomap.article import read_text

        demo = DEFAULTS[1].read_text(encoding="utf-8")
        big = read_text(demo * a.large, fmt="markdown")
        t0 = time.perf_counter()
        story = build_story(big)
        print(
            f"large: {len(big.text) / 1e6:.2f} MB, {len(story.features)} features, "
            f"story in {time.perf_counter() - t0:.2f} s"
        )
    header = ("article", "features", "story s", "map s", "HTML KB", "--cdn KB", "first paint ms")
    print(" | ".join(header))
    for name, n, s, m, size, cdn_size, paint in rows:
        print(
            f"{name} | {n} | {s:.3f} | {m:.3f} | {size / 1024:.0f} | {cdn_size / 1024:.0f} | "
            f"{'n/a' if paint is None else f'{paint:.0f}'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
