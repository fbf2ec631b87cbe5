"""Thematic-layer benchmark: build every article of a gold folder and score it.

    python benchmarks/themes.py [GOLD_DIR] [--per-article] [--keep DIR] [--current-only]

GOLD_DIR defaults to ../shared/themes (real published articles annotated by
../shared/themes/GUIDELINES.md). Stories are built in this process (the gazetteer loads
once), written as ``<stem>.geojson`` and scored by ../shared/eval/themes_eval.py, which
prints place and fact precision/recall per layer. The rules were written while reading
these articles, so on them the figures are development figures, not held-out ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def build_all(gold_dir: Path, out_dir: Path) -> float:
    """Build one story per article of ``gold_dir/index.json``; seconds spent in themes."""
    import geomap
    from geomap.geoparse import default_parser, geoparse
    from geomap.themes import detect_facts

    parser = default_parser()
    index = json.loads((gold_dir / "index.json").read_text(encoding="utf-8"))
    spent = 0.0
    for entry in index:
        article = geomap.read(gold_dir / entry["file"])
        mentions = geoparse(article, parser=parser)
        t0 = time.perf_counter()
        facts = detect_facts(
            article.text,
            article.sentences,
            mentions,
            places=parser.gazetteer.get,
            date=article.date,
        )
        spent += time.perf_counter() - t0
        story = geomap.build_story(
            article, mentions=mentions, facts=facts, gazetteer=parser.gazetteer
        )
        path = out_dir / (Path(entry["file"]).stem + ".geojson")
        path.write_text(story.to_geojson(), encoding="utf-8")
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir", nargs="?", type=Path, default=SHARED / "themes")
    ap.add_argument("--keep", type=Path, help="write the stories here (default: a temp dir)")
    ap.add_argument("--per-article", action="store_true", help="name every miss and false fact")
    ap.add_argument("--current-only", action="store_true", help="leave out historical facts")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON output")
    args = ap.parse_args(argv)
    scorer = SHARED / "eval" / "themes_eval.py"
    if not (args.gold_dir / "index.json").exists() or not scorer.exists():
        print(f"benchmarks/themes.py: no gold at {args.gold_dir} or no {scorer}", file=sys.stderr)
        return 1
    out = args.keep or Path(tempfile.mkdtemp(prefix="geomap-themes-"))
    out.mkdir(parents=True, exist_ok=True)
    spent = build_all(args.gold_dir, out)
    cmd = [sys.executable, str(scorer), str(args.gold_dir), "--stories", str(out)]
    cmd += [f for f, on in [("--per-article", args.per_article), ("--json", args.json)] if on]
    if args.current_only:
        cmd.append("--current-only")
    sys.stdout.flush()
    code = subprocess.run(cmd, check=False).returncode
    if not args.json:
        print(f"themes time over all articles (after geoparsing): {spent:.2f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
