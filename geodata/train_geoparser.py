"""Train geomap's geoparser on GeoWebNews (+ Hu2014, Ju2016) and write ``geoparser.json``.

    python geodata/train_geoparser.py [CORPUS.jsonl] [-o src/geomap/data/geoparser.json]
                                      [--resolution HU.jsonl JU.jsonl]

Two logistic regressions over binary features:

* the *recogniser* (:meth:`geomap.geoparse.recognise.Recogniser.features`): a proposed span is a
  positive example when it overlaps a gold toponym; its decision threshold is the one
  that maximises span F1 in 5-fold cross-validation on the training corpus;
* the *resolver* (:meth:`geomap.geoparse.resolve.Resolver.features`): each candidate of a span
  that overlaps a gold toponym with coordinates is a positive example when it lies
  within 161 km of the gold point. Hu2014 and Ju2016 (sentences about small US towns
  that share their name with bigger places) add examples of local namesakes, weighted
  to count half as much as GeoWebNews together.

Needs scikit-learn at training time only: inference is a dictionary lookup and a sum.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from geopy.distance import great_circle

from geomap.countries import country_at
from geomap.gazetteer.build import KIND_CODE
from geomap.geoparse import Geoparser
from geomap.geoparse.spans import tokenize

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_CORPUS = CORPORA / "geowebnews.jsonl"
# one annotated name per sentence: resolver examples only
RESOLUTION_CORPORA = (CORPORA / "hu2014.jsonl", CORPORA / "ju2016.jsonl")
DEFAULT_OUT = ROOT / "src" / "geomap" / "data" / "geoparser.json"
C = 0.3  # inverse L2 strengths, chosen by cross-validation (see benchmarks/geoparse.py)
C_RESOLVER = 3.0
# weight of the resolution-only corpora's resolver examples, relative to GeoWebNews'
RESOLUTION_SHARE = 0.5
SPLITS = 5  # assignments to folds the recogniser's threshold is the median choice of
PLATEAU = 0.001  # F1 differences smaller than this between thresholds are noise


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def examples(parser: Geoparser, docs: Sequence[dict]) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every proposed span of ``docs``."""
    feats: list[list[str]] = []
    labels: list[int] = []
    for d in docs:
        text = d["text"]
        tokens = tokenize(text)
        spans = parser.propose(text, tokens)
        gold = [(t["start"], t["end"]) for t in d.get("toponyms", [])]
        for s, f in zip(spans, parser.features(text, tokens, spans)):
            feats.append(f)
            labels.append(int(any(s.start < e and b < s.end for b, e in gold)))
    return feats, labels


def resolver_examples(
    parser: Geoparser, docs: Sequence[dict], *, targets_only: bool = False
) -> tuple[list[list[str]], list[int]]:
    """Features and labels of the candidates of every span that overlaps a gold toponym.

    With ``targets_only`` (Hu2014, Ju2016: one annotated name per sentence) the gold
    names are resolved as :meth:`Geoparser.resolve_at` does, in the context of the places
    recognised around them.
    """
    r = parser.resolver
    lat, lon = parser.gazetteer.column("lat"), parser.gazetteer.column("lon")
    ids = parser.gazetteer.column("geonameid")
    kinds, members = parser.gazetteer.column("kind"), parser.gazetteer.column("members")
    blocs = {KIND_CODE["region"], KIND_CODE["continent"]}

    def right(idx: int, g: dict) -> bool:
        """Within 161 km of the gold point; or, for a region or continent (whose point
        is a convention: the gold's "Middle East" lies in the Golan, ours among its
        members), covering the gold point with one of its member countries."""
        if great_circle((lat[idx], lon[idx]), (g["lat"], g["lon"])).km <= 161:
            return True
        return kinds[idx] in blocs and country_at(g["lat"], g["lon"]) in members[idx]

    feats: list[list[str]] = []
    labels: list[int] = []
    for d in docs:
        text = d["text"]
        gold = [t for t in d.get("toponyms", []) if t.get("lat") is not None]
        if targets_only:
            spans, found = parser.spans_at(text, [(t["start"], t["end"]) for t in gold])
            matched = list(zip(found, gold))
            spans_only = spans
        else:
            matched = []
            for s in parser.propose(text, tokenize(text)):
                g = next((t for t in gold if s.start < t["end"] and t["start"] < s.end), None)
                if g is not None:
                    matched.append((s, g))
            spans_only = [m[0] for m in matched]
        quals = r.qualifiers(text, spans_only)
        ctx = r.context(r.document_names(spans_only, quals))
        for s, g in matched:
            qual = quals[spans_only.index(s)]
            cands = r.candidates(s.forms, ctx, s.key)
            if qual is not None:
                cands = [c for c in cands if r.fits(c[0], qual)] or cands
            if len(cands) < 2:
                continue
            # the gold entry itself when its id is known, else anything within 161 km
            gid = g.get("geonameid")
            exact = gid is not None and any(ids[i] == gid for i, _ in cands)
            for (idx, _), f in zip(cands, r.features(s.key, cands, ctx, qual)):
                feats.append(f)
                if exact:
                    labels.append(int(ids[idx] == gid))
                else:
                    labels.append(int(right(idx, g)))
    return feats, labels


def fit(
    feats: list[list[str]], labels: list[int], c: float = C, weights: list[float] | None = None
) -> dict:
    """A logistic regression as ``{"bias", "weights"}`` (weights rounded, sorted)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit(x, labels, sample_weight=weights)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), lr.coef_[0])
        if abs(w) >= 1e-4
    }
    return {"bias": round(float(lr.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def best_threshold(
    parser: Geoparser, docs: Sequence[dict], folds: int = 5, splits: int = SPLITS
) -> float:
    """Threshold maximising (smoothed) overlap-F1 of kept spans over cross-validated
    predictions: the median of its choice over ``splits`` different assignments of the
    documents to folds (the corpus order, then seeded shuffles). One assignment's choice
    moved by 0.02-0.04 from retraining to retraining, and with it the places near the
    threshold on the maps."""
    picks = []
    for seed in range(splits):
        order = list(docs)
        if seed:
            random.Random(seed).shuffle(order)
        picks.append(_plateau_threshold(parser, order, folds))
    return statistics.median_low(picks)  # one of the picks, on the grid


def _plateau_threshold(parser: Geoparser, docs: Sequence[dict], folds: int) -> float:
    """The threshold :func:`best_threshold` picks for one assignment to folds."""
    scored: list[tuple[float, int]] = []
    n_gold = sum(len(d.get("toponyms", [])) for d in docs)
    for k in range(folds):
        train = [d for i, d in enumerate(docs) if i % folds != k]
        test = [d for i, d in enumerate(docs) if i % folds == k]
        model = fit(*examples(parser, train))
        p = Geoparser(parser.gazetteer, model={"recognizer": {**model, "threshold": 0.0}})
        f, y = examples(p, test)
        scored += [(p.score(x), lab) for x, lab in zip(f, y)]
    grid = [i / 100 for i in range(10, 91, 2)]
    f1s = []
    for t in grid:
        tp = sum(1 for s, y in scored if s >= t and y)
        pred = sum(1 for s, _ in scored if s >= t)
        prec, rec = tp / max(pred, 1), tp / max(n_gold, 1)
        f1s.append(2 * prec * rec / max(prec + rec, 1e-9))
    # F1 is flat over a wide band of thresholds: its raw maximum is noise that moves the
    # threshold by 0.1 between retrainings. So average F1 over neighbouring thresholds
    # (+-0.04) and take, of the plateau where that average is within PLATEAU of its
    # best, the point three quarters up: a false place is a false mark on the map, where
    # a missed one is only absent, and on news the model was not trained on precision
    # trails recall (issue 9's held-out figures)
    smooth = [
        sum(f1s[max(0, k - 2) : k + 3]) / len(f1s[max(0, k - 2) : k + 3]) for k in range(len(grid))
    ]
    plateau = [t for t, f in zip(grid, smooth) if f >= max(smooth) - PLATEAU]
    return plateau[(3 * len(plateau)) // 4]


def train(
    docs: Sequence[dict],
    parser: Geoparser | None = None,
    *,
    threshold: float | None = None,
    resolution_docs: Sequence[dict] = (),
) -> dict:
    """Train the shipped model: weights on all ``docs``, threshold by cross-validation.

    ``resolution_docs`` (one annotated name per sentence) add resolver examples only,
    weighted to count together as :data:`RESOLUTION_SHARE` of the ``docs``' examples.
    """
    parser = parser or Geoparser(model={})
    recognizer = fit(*examples(parser, docs))
    if threshold is None:
        threshold = best_threshold(parser, docs)
    feats, labels = resolver_examples(parser, docs)
    weights = [1.0] * len(feats)
    if resolution_docs:
        # their context is what the trained recogniser finds around the annotated name
        recognising = Geoparser(
            parser.gazetteer, model={"recognizer": {"threshold": threshold, **recognizer}}
        )
        more_f, more_l = resolver_examples(recognising, resolution_docs, targets_only=True)
        feats += more_f
        labels += more_l
        weights += [RESOLUTION_SHARE * len(weights) / max(len(more_f), 1)] * len(more_f)
    resolver = fit(feats, labels, c=C_RESOLVER, weights=weights)
    return {
        "about": "geomap geoparser: two logistic regressions (recogniser, resolver) trained "
        "by geodata/train_geoparser.py on GeoWebNews (Gritta et al. 2020), the resolver "
        "also on Hu et al. 2014 and Ju et al. 2016",
        "recognizer": {"threshold": threshold, **recognizer},
        "resolver": resolver,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--resolution",
        type=Path,
        nargs="*",
        default=list(RESOLUTION_CORPORA),
        help="corpora with one annotated name per sentence, for the resolver",
    )
    a = ap.parse_args(argv)
    extra = [d for path in a.resolution for d in load_corpus(path)]
    model = train(load_corpus(a.corpus), resolution_docs=extra)
    a.output.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    rec, res = model["recognizer"], model["resolver"]
    print(
        f"wrote {a.output}: recogniser {len(rec['weights'])} weights "
        f"(threshold {rec['threshold']}), resolver {len(res['weights'])} weights"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
