"""Derive ``common_words.txt``: words English writes as common nouns, adjectives or verbs,
a recognition feature.

    python geodata/build_common_words.py --treebank PATH/TO/UD_English-EWT

"Police said", "the University", "Sale" and "Surprise" are towns in GeoNames, and
capitalised at the start of a sentence, in a headline or inside an organisation's name.
How often a word is a place is not how often it is written (wordfreq's Zipf counts
"Seattle" and "police" alike); how a hand-annotated treebank tags it is. A word is listed
when Universal Dependencies' English EWT training set (the treebank the themes parser is
trained on; CC BY-SA 4.0) has it at least ``MIN_COUNT`` times and tags under
``MAX_PROPER`` of those uses as a proper noun: "police" (5 % PROPN), "sale", "front",
"normal" are listed; "washington", "bay" (97 %), "university" (79 %: "X University")
are not. The treebank is not committed; ``--treebank`` is a folder holding
``en_ewt-ud-train.conllu`` (see geodata/README.md for rebuilding it from the
repository's sources).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "geomap" / "data" / "common_words.txt"
MIN_COUNT = 5  # uses in the treebank; fewer say too little about a word
MAX_PROPER = 0.2  # share of those uses tagged PROPN


def common_words(conllu: Path) -> list[str]:
    """Lower-cased alphabetic words of three letters or more that the treebank tags as
    something other than a proper noun in more than 1 - MAX_PROPER of MIN_COUNT+ uses."""
    uses: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    with conllu.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit():  # comments, multiword tokens, empty nodes
                continue
            word = cols[1].lower()
            if len(word) < 3 or not word.isalpha():
                continue
            uses[word] += 1
            proper[word] += cols[3] == "PROPN"
    return sorted(w for w, n in uses.items() if n >= MIN_COUNT and proper[w] < MAX_PROPER * n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--treebank", type=Path, required=True, help="folder with en_ewt-ud-train.conllu"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    words = common_words(a.treebank / "en_ewt-ud-train.conllu")
    a.out.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"wrote {a.out}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
