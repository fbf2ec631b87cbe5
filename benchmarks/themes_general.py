"""Thematic facts on general news: how many the pipeline draws, and a sample to judge.

    python benchmarks/themes_general.py [--corpus PATH] [--sample 50] [--seed 8] [--out FILE]

Runs geoparsing and themes over every article of GeoWebNews (200 web news excerpts:
sports, business, crime, politics; ../shared/corpora/geowebnews.jsonl), prints the
facts drawn per layer, and writes a seeded random sample of facts (layer, label, places,
evidence) as TSV for a reader to judge under ../shared/themes/GUIDELINES.md. The
judgements live in benchmarks/geowebnews_judged.tsv (the ``verdict`` column: ``ok`` or
``false``, with a reason); ``--score`` reads them back and prints the accepted share.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "geowebnews.jsonl"
JUDGED = ROOT / "benchmarks" / "geowebnews_judged.tsv"


def facts_of_corpus(corpus: Path) -> list[dict]:
    """Every fact the pipeline draws on the corpus, one row per fact."""
    import geomap
    from geomap.geoparse import default_parser, geoparse
    from geomap.themes import detect_facts

    parser = default_parser()
    rows = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = geomap.read_text(doc["text"], title=doc.get("title") or "")
        mentions = geoparse(article, parser=parser)
        facts = detect_facts(article.text, article.sentences, mentions, places=parser.gazetteer.get)
        for fact in facts:
            rows.append(
                {
                    "doc": doc["id"],
                    "layer": fact.layer.value,
                    "time": fact.time,
                    "label": fact.label,
                    "places": "; ".join(p.name for p in fact.places),
                    "evidence": " | ".join(" ".join(e.text.split()) for e in fact.evidence),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sample", type=int, default=50, help="facts to sample for judging")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", type=Path, help="write the sample here (TSV)")
    ap.add_argument("--score", action="store_true", help="score the judged sample")
    args = ap.parse_args(argv)
    if args.score:
        with JUDGED.open(encoding="utf-8") as fh:
            verdicts = [r["verdict"].split()[0] for r in csv.DictReader(fh, delimiter="\t")]
        ok = sum(v == "ok" for v in verdicts)
        print(f"accepted {ok}/{len(verdicts)} = {ok / max(len(verdicts), 1):.2f}")
        return 0
    if not args.corpus.exists():
        print(f"benchmarks/themes_general.py: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    rows = facts_of_corpus(args.corpus)
    docs = len({json.loads(x)["id"] for x in args.corpus.read_text("utf-8").splitlines()})
    print(f"{len(rows)} facts on {docs} articles")
    for layer, n in sorted(Counter(r["layer"] for r in rows).items()):
        print(f"  {layer:20s} {n}")
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as fh:
            fields = ["doc", "layer", "time", "label", "places", "evidence", "verdict"]
            writer = csv.DictWriter(fh, fieldnames=fields, delimiter="\t")
            writer.writeheader()
            for r in sorted(sample, key=lambda r: (int(r["doc"]), r["layer"], r["label"])):
                writer.writerow({**r, "verdict": ""})
        print(f"sample of {len(sample)} written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
