"""Precision/recall of thematic facts against hand-written expectations (test helper).

Shared by test_themes.py (facts from a stand-in geoparser) and test_themes_pipeline.py
(facts from the real pipeline, as story features).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from geomap.models import Sentence


def sentence_of(sentences: list[Sentence], quote: str) -> Sentence:
    """The one sentence that contains ``quote`` (expectations cite sentences by quote)."""
    hits = [s for s in sentences if quote in s.text]
    assert len(hits) == 1, f"quote {quote!r} found in {len(hits)} sentences"
    return hits[0]


def score(
    cases: Iterable[tuple[list[Sentence], list[Any], dict]],
    layer_of: Callable[[Any], str],
    matches: Callable[[Any, dict, Sentence], bool],
) -> dict[str, list[int]]:
    """Per layer: [true positive facts, predicted facts, found expectations, expected]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for sentences, facts, expected in cases:
        exps = [(e, sentence_of(sentences, e["quote"])) for e in expected["facts"]]
        for fact in facts:
            c = counts[layer_of(fact)]
            c[1] += 1
            c[0] += any(matches(fact, e, s) for e, s in exps)
        for e, s in exps:
            c = counts[e["layer"]]
            c[3] += 1
            c[2] += any(matches(f, e, s) for f in facts)
    return counts
