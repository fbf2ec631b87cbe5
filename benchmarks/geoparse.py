"""Geoparsing benchmark on every corpus in ../shared/corpora: accuracy and speed.

    python benchmarks/geoparse.py [--corpus geowebnews|geocorpora|hu2014|ju2016|all|none]
                                  [--folds 5] [--speed] [--long] [--json] [--held-out]

* ``geowebnews`` (development set: the shipped model is trained on it and its rules were
  tuned on it): 5-fold cross-validated -- for each fold the model is trained on 4/5 of the
  documents and predicts the held-out 1/5.
* ``geocorpora`` (held out: tweets, every toponym annotated): the shipped model, full
  recognition and resolution.
* ``hu2014``, ``ju2016`` (only one target name per sentence is annotated, and Ju2016 is
  lower-cased; the shipped resolver is trained on them too, so they are 5-fold
  cross-validated the same way, or with ``--held-out`` resolved by a model trained on
  GeoWebNews alone): resolution only -- each annotated name is resolved in
  the context of the places recognised around it (:meth:`Geoparser.resolve_at`) and
  scored by acc@161; recognition precision means nothing there and is not reported.
  acc@161 is also given on the sentences *with context*: those where the shipped
  recogniser finds at least one other place (a span not overlapping an annotated name;
  the others are a coin toss between namesakes).

Scores come from the project's scorer (../shared/eval/geoparse_eval.py). ``docs/s`` is the
shipped model's ``parse`` over the corpus in one process after load (best of 3 passes).
``--speed`` also times the command users run, ``geomap places --corpus``, on the
GeoWebNews texts repeated to 1,000 documents (after load, in-process, ``--jobs 1`` and
``--jobs 2``), side by side with geotext doing the same work on the same texts in the same
run (JSONL in, one JSON line out per document, same worker pool; see :func:`speed`), and
the load time of a fresh ``geomap`` and ``geotext`` process. ``--long`` times ``parse`` on
100-400 KB of prose and of a list of places (:func:`long_inputs`).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "geodata"))

from geopy.distance import great_circle  # noqa: E402

from geomap.corpus import prediction_record  # noqa: E402
from geomap.gazetteer import Gazetteer  # noqa: E402
from geomap.geoparse import Geoparser  # noqa: E402
from train_geoparser import load_corpus, train  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
# how each corpus is scored: cross-validated, held out (full parse), resolution only
MODES = {
    "geowebnews": "cv",
    "geocorpora": "held-out",
    "hu2014": "resolution",
    "ju2016": "resolution",
}
# the corpora the shipped model is trained on (geodata/train_geoparser.py): cross-validated
TRAIN = ("geowebnews", "hu2014", "ju2016")
SPEED_DOCS = 1000


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "geoparse_eval", SHARED / "eval" / "geoparse_eval.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cross_validated_predictions(name: str, gaz: Gazetteer, folds: int) -> list[dict]:
    """Predictions of each document of corpus ``name`` by a model trained as the shipped
    one is (GeoWebNews, and Hu2014 and Ju2016 for the resolver) but without the
    document's fold of ``name``."""
    docs = load_corpus(CORPORA / f"{name}.jsonl")
    preds: dict[str, dict] = {}
    base = Geoparser(gaz, model={})
    shipped = Geoparser(gaz).threshold
    for k in range(folds):
        held = [d for i, d in enumerate(docs) if i % folds == k]
        kept = [d for i, d in enumerate(docs) if i % folds != k]
        corpora = {n: kept if n == name else load_corpus(CORPORA / f"{n}.jsonl") for n in TRAIN}
        extra = [d for n in TRAIN if MODES[n] == "resolution" for d in corpora[n]]
        # the recogniser's threshold is cross-validated only where the recogniser trains
        threshold = None if name == "geowebnews" else shipped
        model = train(corpora["geowebnews"], base, threshold=threshold, resolution_docs=extra)
        parser = Geoparser(gaz, model=model)
        if MODES[name] == "resolution":
            fold_preds = resolution_predictions(held, parser)
        else:
            fold_preds = [prediction_record(d["id"], parser.parse(d["text"])) for d in held]
        preds.update((p["id"], p) for p in fold_preds)
        print(f"{name} fold {k + 1}/{folds} done", file=sys.stderr)
    return [preds[d["id"]] for d in docs]


def resolution_predictions(docs: list[dict], parser: Geoparser) -> list[dict]:
    """Each document's annotated names, resolved in context."""
    out = []
    for d in docs:
        offsets = [(t["start"], t["end"]) for t in d.get("toponyms", [])]
        out.append(prediction_record(d["id"], parser.resolve_at(d["text"], offsets)))
    return out


def has_context(doc: dict, parser: Geoparser) -> bool:
    """Whether ``parser`` recognises a place in ``doc`` besides its annotated names."""
    offsets = [(t["start"], t["end"]) for t in doc.get("toponyms", [])]
    spans, _ = parser.spans_at(doc["text"], offsets)
    return any(all(s.end <= a or b <= s.start for a, b in offsets) for s in spans)


def docs_per_second(run: Callable[[], object], n: int, passes: int = 3) -> float:
    """``n`` over the best of ``passes`` timings of ``run`` (the least disturbed one)."""
    gc.collect()
    best = float("inf")
    for _ in range(passes):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return n / best


def score_corpus(
    name: str, gaz: Gazetteer, parser: Geoparser, folds: int, *, held_out: bool = False
) -> dict:
    """Scores of one corpus as the scorer reports them, plus mode and docs/s.

    With ``held_out``, Hu2014 and Ju2016 are resolved by a model trained on GeoWebNews
    alone (the shipped recogniser threshold), so they are truly held out."""
    path = CORPORA / f"{name}.jsonl"
    docs = load_corpus(path)
    mode = MODES[name]
    shipped = parser
    if held_out and mode == "resolution":
        gwn = load_corpus(CORPORA / "geowebnews.jsonl")
        model = train(gwn, Geoparser(gaz, model={}), threshold=parser.threshold)
        parser = Geoparser(gaz, model=model)
        preds = resolution_predictions(docs, parser)
    elif name in TRAIN:
        preds = cross_validated_predictions(name, gaz, folds)
    elif mode == "resolution":
        preds = resolution_predictions(docs, parser)
    else:
        preds = [prediction_record(d["id"], parser.parse(d["text"])) for d in docs]
    scorer = _scorer()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
    gold, predicted = scorer.load_jsonl(str(path)), scorer.load_jsonl(f.name)
    Path(f.name).unlink()
    res = scorer.evaluate(gold, predicted)
    if mode == "resolution":
        res["recognition"] = res["recognition_exact"] = None
        with_context = {d["id"] for d in docs if has_context(d, shipped)}
        res["with_context"] = scorer.evaluate(
            {i: d for i, d in gold.items() if i in with_context},
            {i: d for i, d in predicted.items() if i in with_context},
        )["resolution"]
        run = lambda: resolution_predictions(docs, parser)  # noqa: E731
    else:
        run = lambda: [parser.parse(d["text"]) for d in docs]  # noqa: E731
    res["mode"] = mode
    res["held_out"] = held_out and mode == "resolution"
    res["same_place_other_point"] = same_place_other_point(docs, preds)
    res["docs_per_s"] = docs_per_second(run, len(docs))
    return res


def same_place_other_point(docs: list[dict], preds: list[dict]) -> int:
    """Gold toponyms resolved to the gold's own GeoNames id yet more than 161 km from the
    gold point: the cost of placing countries at their mainland centroid rather than at
    GeoNames' points (only corpora with ids: GeoWebNews)."""
    by_id = {p["id"]: p["toponyms"] for p in preds}
    n = 0
    for d in docs:
        for t in d.get("toponyms", []):
            gid = t.get("geonameid")
            if gid is None or t.get("lat") is None:
                continue
            for p in by_id.get(d["id"], ()):
                if p["start"] < t["end"] and t["start"] < p["end"] and p["geonameid"] == gid:
                    n += great_circle((p["lat"], p["lon"]), (t["lat"], t["lon"])).km > 161
                    break
    return n


def geotext_line(line: str) -> str:
    """geotext's counterpart of one ``geomap places --corpus`` line: parse the JSON line,
    extract, write one JSON line (its cities and countries)."""
    from geotext import GeoText

    doc = json.loads(line)
    g = GeoText(doc["text"])
    return json.dumps({"id": doc["id"], "cities": g.cities, "countries": g.countries}) + "\n"


def geotext_corpus(src: Path, out: Path, jobs: int) -> None:
    """geotext over a JSONL corpus, read and written as ``geomap places --corpus`` does,
    in the same worker model (:func:`geomap.batch.map_lines`)."""
    from geomap.batch import map_lines

    lines = [x for x in src.read_text(encoding="utf-8").split("\n") if x.strip()]
    out.write_text("".join(map_lines(geotext_line, lines, jobs)), encoding="utf-8")


def _load_seconds(code: str) -> float:
    """Best of 3 fresh processes running ``code`` (which prints its own timing)."""
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    )


def speed(parser: Geoparser) -> dict:
    """``geomap places --corpus`` against geotext on 1,000 GeoWebNews texts, and load time.

    Both read the same JSONL file, parse each line, extract and write one JSON line per
    document, in this process after load (geotext builds its city table on import,
    geomap loads its gazetteer on first use), alternating passes, best of 3 each; once
    in one process (``--jobs 1``) and once in worker processes forked after load
    (``--jobs 2``, this machine's cores), geotext through the same worker pool.
    """
    from geotext import GeoText

    from geomap import cli

    docs = load_corpus(CORPORA / "geowebnews.jsonl")
    docs = [{"id": str(i), "text": docs[i % len(docs)]["text"]} for i in range(SPEED_DOCS)]
    res: dict = {"docs": len(docs)}
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "docs.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        GeoText("warm up in Paris")
        for jobs in (1, 2):

            def command(jobs: int = jobs) -> None:
                argv = ["places", "--corpus", str(src), "-o", str(out), "--jobs", str(jobs)]
                with contextlib.redirect_stderr(io.StringIO()):
                    assert cli.main(argv) == 0

            best = {"geomap": float("inf"), "geotext": float("inf")}
            runs = {"geomap": command, "geotext": lambda j=jobs: geotext_corpus(src, out, j)}
            for _ in range(3):
                for name, run in runs.items():
                    best[name] = min(best[name], len(docs) / docs_per_second(run, len(docs), 1))
            g, t = len(docs) / best["geomap"], len(docs) / best["geotext"]
            res[f"jobs{jobs}"] = {"geomap_docs_per_s": g, "geotext_docs_per_s": t, "ratio": g / t}
    res["geomap_load_s"] = _load_seconds(
        "import time; t0 = time.perf_counter(); from geomap.cli import main; "
        "from geomap.geoparse import default_parser; default_parser(); "
        "print(time.perf_counter() - t0)"
    )
    res["geotext_load_s"] = _load_seconds(
        "import time; t0 = time.perf_counter(); from geotext import GeoText; "
        "print(time.perf_counter() - t0)"
    )
    return res


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def table(results: dict[str, dict]) -> str:
    """The README's per-corpus table."""
    label = {
        "cv": "development (5-fold CV)",
        "held-out": "held out",
        "resolution": "held out, resolution only",
    }
    lines = [
        "| corpus | figures | recognition P | R | F1 | acc@161 | docs/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        rec = r["recognition"] or {}
        figures = label[r["mode"]]
        if r["mode"] == "resolution" and name in TRAIN and not r.get("held_out"):
            figures = "resolution only, 5-fold CV"
        lines.append(
            f"| {name} | {figures} | {_pct(rec.get('precision'))} | "
            f"{_pct(rec.get('recall'))} | {_pct(rec.get('f1'))} | "
            f"{_pct(r['resolution']['acc_at_161km'])} | {r['docs_per_s']:.0f} |"
        )
    return "\n".join(lines) + "\n"


LONG_SIZES = (100_000, 200_000, 400_000)  # characters


def long_inputs(parser: Geoparser, gaz: Gazetteer) -> dict:
    """Seconds ``parse`` takes on long texts, so time that grows faster than the text
    shows (a rule reading every pair of places): the GeoWebNews texts joined, and a list
    of distinct place names (the gazetteer's towns of 10,000 people or more, by entry
    order), cut to each of :data:`LONG_SIZES` characters; best of 2. Linear growth makes
    the 400 KB figure about four times the 100 KB one."""
    prose = "\n\n".join(d["text"] for d in load_corpus(CORPORA / "geowebnews.jsonl"))
    towns = (p.name for p in gaz if p.kind.value == "city" and p.population >= 10_000)
    listing = ", ".join(dict.fromkeys(towns))
    out: dict = {}
    for label, text in (("prose", prose), ("list", listing)):
        for size in LONG_SIZES:
            best = float("inf")
            for _ in range(2):
                t0 = time.perf_counter()
                parser.parse(text[:size])
                best = min(best, time.perf_counter() - t0)
            out[f"{label}_{size // 1000}k_s"] = round(best, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", default="geowebnews", choices=[*MODES, "all", "none"], help="none: --speed only"
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--speed", action="store_true", help="also time `geomap places` vs geotext")
    ap.add_argument("--long", action="store_true", help="also time parse on 100-400 KB texts")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument(
        "--held-out",
        action="store_true",
        help="resolve hu2014/ju2016 with a model trained on GeoWebNews alone, not CV",
    )
    a = ap.parse_args(argv)
    gaz = Gazetteer.load()
    parser = Geoparser(gaz)
    names = list(MODES) if a.corpus == "all" else [] if a.corpus == "none" else [a.corpus]
    results = {n: score_corpus(n, gaz, parser, a.folds, held_out=a.held_out) for n in names}
    out: dict = {"corpora": results}
    if a.speed:
        out["speed"] = speed(parser)
    if a.long:
        out["long"] = long_inputs(parser, gaz)
    if a.json:
        print(json.dumps(out, indent=1, sort_keys=True))
        return 0
    scorer = _scorer()
    for n, r in results.items():
        print(f"== {n} ({r['mode']})")
        if r["recognition"] is None:
            rs = r["resolution"]
            print(
                f"resolution of {rs['n']} annotated names: acc@161km {_pct(rs['acc_at_161km'])}"
                f"  median error {rs['median_error_km']:.1f} km  AUC {rs['auc']:.3f}"
            )
            wc = r["with_context"]
            print(
                f"  with context (another place recognised in the sentence): {wc['n']} names, "
                f"acc@161km {_pct(wc['acc_at_161km'])}"
            )
        else:
            scorer.print_report(r, per_type=r["mode"] == "cv")
            print(
                f"resolved to the gold's own GeoNames id but > 161 km from its point: "
                f"{r['same_place_other_point']}"
            )
        print(f"speed: {r['docs_per_s']:.0f} docs/s (parse, one process, after load)\n")
    if results:
        print(table(results))
    if a.speed:
        sp = out["speed"]
        for jobs in (1, 2):
            r = sp[f"jobs{jobs}"]
            print(
                f"speed, {sp['docs']} GeoWebNews texts, --jobs {jobs}: geomap places --corpus "
                f"{r['geomap_docs_per_s']:.0f} docs/s, geotext {r['geotext_docs_per_s']:.0f} "
                f"docs/s (ratio {r['ratio']:.2f})"
            )
        print(
            f"load (fresh process, best of 3): geomap {sp['geomap_load_s']:.2f} s, "
            f"geotext {sp['geotext_load_s']:.2f} s"
        )
    if a.long:
        for label in ("prose", "list"):
            times = ", ".join(
                f"{size // 1000} KB {out['long'][f'{label}_{size // 1000}k_s']:.2f} s"
                for size in LONG_SIZES
            )
            print(f"long input, {label}: {times}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
