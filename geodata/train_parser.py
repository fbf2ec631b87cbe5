"""Train the POS tagger and dependency parser of ``geomap.themes.syntax`` from UD English EWT.

    python geodata/train_parser.py --treebank PATH/TO/UD_English-EWT [--out FILE]

PATH holds ``en_ewt-ud-{train,dev,test}.conllu``. Writes ``src/geomap/data/parser.json.gz``:
an averaged-perceptron UPOS tagger, a greedy arc-hybrid parser (averaged perceptron, dynamic
oracle with exploration, trained on jackknifed predicted tags) and a lemma table. Training is
deterministic (fixed seeds, sorted keys, rounded weights, gzip mtime 0). Accuracy is measured
with the shipped (rounded, pruned) model, with predicted tags.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import importlib.util
import json
import random
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import get_context
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SYNTAX_PATH = ROOT / "src" / "geomap" / "themes" / "syntax.py"


def _load_syntax():
    """Import syntax.py by path (the features are shared with the run-time module)."""
    spec = importlib.util.spec_from_file_location("_geomap_syntax", SYNTAX_PATH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["_geomap_syntax"] = mod
    spec.loader.exec_module(mod)
    return mod


syn = _load_syntax()

KEEP_SUBTYPES = {"nsubj:pass", "obl:tmod", "nmod:poss", "acl:relcl"}
LABELS = sorted(
    (
        "nsubj nsubj:pass obj iobj ccomp xcomp obl obl:tmod advcl advmod aux cop mark nmod "
        "nmod:poss appos nummod acl acl:relcl amod det case conj cc compound flat punct "
        "parataxis root dep"
    ).split()
)
TAG_ITERS = 5
PARSE_ITERS = 10
FOLDS = 2
SEED = 1
MAX_BYTES = 4_500_000  # the project ships no file over 5 MB
MIN_ROW = 2.0  # parser features whose largest averaged weight is smaller are dropped


def coarse(deprel: str) -> str:
    """Map a UD deprel to the coarse label set."""
    if deprel in KEEP_SUBTYPES:
        return deprel
    base = deprel.split(":")[0]
    return base if base in LABELS else "dep"


def read_conllu(path: Path) -> list[dict]:
    """Sentences as dicts of words, upos, heads (0-based, -1 root), labels, lemmas."""
    sents: list[dict] = []
    cur: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(_sentence(cur))
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        sents.append(_sentence(cur))
    return sents


def _sentence(rows: list[list[str]]) -> dict:
    return {
        "words": [r[1] for r in rows],
        "lemmas": [r[2] for r in rows],
        "upos": [r[3] for r in rows],
        "tags": [r[3] + "|" + r[4] for r in rows],  # the tagger predicts UPOS|XPOS
        "heads": [int(r[6]) - 1 for r in rows],
        "labels": [coarse(r[7]) for r in rows],
    }


# --------------------------------------------------------------------------------------------
# Averaged perceptron
# --------------------------------------------------------------------------------------------


class Perceptron:
    """Multiclass averaged perceptron; rows of weights per feature, grown on demand."""

    def __init__(self, nclasses: int) -> None:
        self.nclasses = nclasses
        self.index: dict[str, int] = {}
        self.names: list[str] = []
        cap = 1 << 16
        self.w = np.zeros((cap, nclasses))
        self.tot = np.zeros((cap, nclasses))
        self.st = np.zeros((cap, nclasses))
        self.counts = np.zeros(cap, dtype=np.int64)
        self.i = 0

    def scores(self, feats: list[str]) -> np.ndarray:
        get = self.index.get
        idx = [j for j in map(get, feats) if j is not None]
        if not idx:
            return np.zeros(self.nclasses)
        return self.w[idx].sum(axis=0)

    def _rows(self, feats: list[str]) -> list[int]:
        out = []
        for f in feats:
            j = self.index.get(f)
            if j is None:
                j = len(self.names)
                if j >= len(self.counts):
                    cap = 2 * len(self.counts)
                    for name in ("w", "tot", "st"):
                        old = getattr(self, name)
                        grown = np.zeros((cap, self.nclasses))
                        grown[: len(old)] = old
                        setattr(self, name, grown)
                    counts = np.zeros(cap, dtype=np.int64)
                    counts[: len(self.counts)] = self.counts
                    self.counts = counts
                self.index[f] = j
                self.names.append(f)
            out.append(j)
        return out

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        if truth == guess:
            return
        idx = np.asarray(self._rows(feats))
        self.counts[idx] += 1
        i = self.i
        for c, v in ((truth, 1.0), (guess, -1.0)):
            self.tot[idx, c] += (i - self.st[idx, c]) * self.w[idx, c]
            self.st[idx, c] = i
            self.w[idx, c] += v

    def averaged(self) -> np.ndarray:
        n = len(self.names)
        i = max(self.i, 1)
        return (self.tot[:n] + (i - self.st[:n]) * self.w[:n]) / i

    def finalize(self) -> None:
        """Replace the weights by their averages (for tagging held-out data)."""
        self.w = self.averaged()


def export(model: Perceptron, min_count: int, min_abs: float, min_row: float = 0.0) -> dict:
    """Prune, round to int16 and encode as base64 arrays (see syntax.Linear).

    Drops features updated fewer than ``min_count`` times, weights below ``min_abs`` and
    features whose largest averaged weight is below ``min_row``.
    """
    avg = model.averaged()
    names = model.names
    counts = model.counts[: len(names)]
    order = sorted(range(len(names)), key=names.__getitem__)
    keep = [j for j in order if counts[j] >= min_count or names[j] == "b"]
    sub = avg[keep]
    sub[np.abs(sub) < min_abs] = 0.0
    sub[np.abs(sub).max(axis=1) < min_row] = 0.0
    maxabs = float(np.abs(sub).max()) if sub.size else 1.0
    scale = max(1, min(1000, int(32000 // max(maxabs, 1e-9))))
    q = np.rint(sub * scale).astype(np.int64)
    nnz = (q != 0).sum(axis=1)
    rows = nnz > 0
    q = q[rows]
    feats = [names[j] for j, r in zip(keep, rows) if r]
    nz_rows, nz_cols = np.nonzero(q)

    def b64(a: np.ndarray, dt: str) -> str:
        return base64.b64encode(
            np.asarray(a).astype(np.dtype(dt).newbyteorder("<")).tobytes()
        ).decode()

    return {
        "classes": model.nclasses,
        "scale": scale,
        "features": "\n".join(feats),
        "nnz": b64(nnz[rows], "u1"),
        "cols": b64(nz_cols, "u1"),
        "vals": b64(q[nz_rows, nz_cols], "i2"),
    }


# --------------------------------------------------------------------------------------------
# Tagger
# --------------------------------------------------------------------------------------------


def make_tagdict(sents: list[dict], min_freq: int = 20, min_ratio: float = 0.97) -> dict[str, str]:
    """Frequent words that (almost) always carry the same tag."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, t in zip(s["words"], s["tags"]):
            counts[w][t] += 1
    out = {}
    for w in sorted(counts):
        tag, k = counts[w].most_common(1)[0]
        n = sum(counts[w].values())
        if n >= min_freq and k / n >= min_ratio:
            out[w] = tag
    return out


def train_tagger(sents: list[dict], iters: int, seed: int) -> tuple[Perceptron, list[str], dict]:
    tags = sorted({t for s in sents for t in s["tags"]})
    tid = {t: k for k, t in enumerate(tags)}
    tagdict = make_tagdict(sents)
    model = Perceptron(len(tags))
    rng = random.Random(seed)
    order = list(range(len(sents)))
    prepared = [(s["words"], [syn.normalize(w) for w in s["words"]], s["tags"]) for s in sents]
    for _ in range(iters):
        for k in order:
            words, norms, gold = prepared[k]
            p1, p2 = "-S-", "-S2-"
            for i, w in enumerate(words):
                guess = tagdict.get(w)
                if guess is None:
                    feats = syn.tagger_features(words, norms, i, p1, p2)
                    g = int(np.argmax(model.scores(feats)))
                    model.i += 1
                    model.update(tid[gold[i]], g, feats)
                    guess = tags[g]
                p2, p1 = p1, guess
        rng.shuffle(order)
    return model, tags, tagdict


def tag_with(model: Perceptron, tags: list[str], tagdict: dict, words: list[str]) -> list[str]:
    norms = [syn.normalize(w) for w in words]
    out = []
    p1, p2 = "-S-", "-S2-"
    for i, w in enumerate(words):
        t = tagdict.get(w)
        if t is None:
            t = tags[int(np.argmax(model.scores(syn.tagger_features(words, norms, i, p1, p2))))]
        out.append(t)
        p2, p1 = p1, t
    return out


def _fold_job(args: tuple[list[dict], list[dict], int, int]) -> list[list[str]]:
    train, held, iters, seed = args
    model, tags, tagdict = train_tagger(train, iters, seed)
    model.finalize()
    return [tag_with(model, tags, tagdict, s["words"]) for s in held]


# --------------------------------------------------------------------------------------------
# Parser (arc-hybrid, dynamic oracle)
# --------------------------------------------------------------------------------------------


def costs(
    stack: list[int], b: int, n: int, gh: list[int], kids: list[list[int]], on_stack: list[bool]
) -> tuple[int, int, int]:
    """Goldberg & Nivre (2013) arc-hybrid costs of SHIFT, LEFT, RIGHT (unlabelled)."""
    big = 10**6
    s0 = stack[-1] if stack else -1
    if b < n:
        c_shift = sum(1 for d in stack if gh[d] == b)
        hb = gh[b]
        if hb < n + 1 and hb != s0 and 0 <= hb < n and on_stack[hb]:
            c_shift += 1
    else:
        c_shift = big
    if s0 < 0:
        return c_shift, big, big
    in_buf = sum(1 for d in kids[s0] if d >= b)
    h = gh[s0]
    s1 = stack[-2] if len(stack) > 1 else -1
    c_left = in_buf + (1 if h != b and (h == s1 or h > b) else 0)
    c_right = in_buf + (1 if h != s1 and h >= b else 0) if s1 >= 0 else big
    return c_shift, c_left, c_right


def train_parser(sents: list[dict], tagsets: list[list[str]], iters: int, seed: int) -> Perceptron:
    nl = len(LABELS)
    lid = {label: k for k, label in enumerate(LABELS)}
    nclass = 1 + 2 * nl
    masks = syn.valid_mask(LABELS)
    valid = {k: [c for c in range(nclass) if m[c]] for k, m in masks.items()}
    model = Perceptron(nclass)
    rng = random.Random(seed)
    order = list(range(len(sents)))
    prepared = []
    for s, tags in zip(sents, tagsets):
        n = len(s["words"])
        gh = [h if h >= 0 else n for h in s["heads"]]
        kids: list[list[int]] = [[] for _ in range(n + 1)]
        for d, h in enumerate(gh):
            kids[h].append(d)
        norms, ptags = syn.pad([syn.normalize(w) for w in s["words"]], tags)
        prepared.append((s, norms, ptags, gh, kids))
    for it in range(iters):
        t0 = time.time()
        explore = it > 0
        for k in order:
            s, norms, tags, gh, kids = prepared[k]
            n = len(norms) - 2
            glabels = [lid[x] for x in s["labels"]]
            labels = ["dep"] * (n + 2)
            labels[-1] = "N"
            lefts: list[list[int]] = [[] for _ in range(n + 2)]
            rights: list[list[int]] = [[] for _ in range(n + 2)]
            on_stack = [False] * (n + 1)
            stack: list[int] = []
            b = 0
            while True:
                kind = syn.config_kind(len(stack), b, n)
                if kind == "shift":
                    if b >= n:
                        break
                    stack.append(b)
                    on_stack[b] = True
                    b += 1
                    continue
                if kind == "final":
                    on_stack[stack.pop()] = False
                    break
                feats = syn.parser_features(norms, tags, stack, b, n, lefts, rights, labels)
                sc = np.where(masks[kind], model.scores(feats), -1e18)
                cands = valid[kind]
                guess = int(np.argmax(sc))
                cs = costs(stack, b, n, gh, kids, on_stack)
                s0 = stack[-1]
                best_moves = []
                mc = min(
                    cs[m]
                    for m in ({0, 1, 2} if kind == "many" else {0, 1} if kind == "one" else {2})
                )
                gold_cls = set()
                for m in (0, 1, 2):
                    if cs[m] != mc:
                        continue
                    if m == 0:
                        if kind != "rootright":
                            gold_cls.add(0)
                    elif m == 1 and kind != "rootright":
                        gold_cls.add(1 + 2 * glabels[s0])
                    elif m == 2 and kind in ("many", "rootright"):
                        gold_cls.add(2 + 2 * glabels[s0])
                    best_moves.append(m)
                gold_cls = {c for c in gold_cls if c in set(cands)} or {
                    c for c in cands if syn.move_of(c) in best_moves
                }
                model.i += 1
                if guess in gold_cls:
                    cls = guess
                else:
                    best = max(sorted(gold_cls), key=sc.__getitem__)
                    model.update(best, guess, feats)
                    cls = guess if explore and rng.random() < 0.9 else best
                mv = syn.move_of(cls)
                if mv == 0:
                    stack.append(b)
                    on_stack[b] = True
                    b += 1
                elif mv == 1:
                    s0 = stack.pop()
                    on_stack[s0] = False
                    labels[s0] = syn.label_of(cls, LABELS)
                    lefts[b].append(s0)
                else:
                    s0 = stack.pop()
                    on_stack[s0] = False
                    labels[s0] = syn.label_of(cls, LABELS)
                    rights[stack[-1]].append(s0)
        rng.shuffle(order)
        print(f"  parser iteration {it + 1}/{iters}: {time.time() - t0:.0f} s", flush=True)
    return model


# --------------------------------------------------------------------------------------------
# Lemmas, evaluation, main
# --------------------------------------------------------------------------------------------


def make_lemmas(sents: list[dict]) -> dict[str, str]:
    """(lower form, UPOS) -> most frequent lower lemma, only where the rule would get it wrong."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, t, lem in zip(s["words"], s["upos"], s["lemmas"]):
            counts[w.lower() + "\t" + t][lem.lower()] += 1
    out = {}
    for key in sorted(counts):
        low, upos = key.split("\t")
        lem = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if lem != syn.rule_lemma(low, upos):
            out[key] = lem
    return out


def evaluate(model, sents: list[dict]) -> dict[str, float]:
    ntok = tag_ok = uas = las = 0
    for s in sents:
        words = s["words"]
        tags = model.tag(words)
        heads, labels = model.parse(words, tags)
        for k in range(len(words)):
            ntok += 1
            tag_ok += tags[k].split("|")[0] == s["upos"][k]
            if heads[k] == s["heads"][k]:
                uas += 1
                las += labels[k] == s["labels"][k]
    return {"upos": tag_ok / ntok, "uas": uas / ntok, "las": las / ntok, "tokens": ntok}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--treebank", type=Path, required=True, help="folder with en_ewt-ud-*.conllu")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "geomap" / "data" / "parser.json.gz")
    ap.add_argument("--tag-iters", type=int, default=TAG_ITERS)
    ap.add_argument("--parse-iters", type=int, default=PARSE_ITERS)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N training sentences")
    args = ap.parse_args(argv)
    t_start = time.time()
    tb = args.treebank
    train = read_conllu(tb / "en_ewt-ud-train.conllu")
    dev = read_conllu(tb / "en_ewt-ud-dev.conllu")
    test = read_conllu(tb / "en_ewt-ud-test.conllu")
    if args.limit:
        train = train[: args.limit]
    print(f"train {len(train)} sentences, dev {len(dev)}, test {len(test)}", flush=True)

    # jackknifed tags for the parser's training data, then the final tagger and the parser
    folds = [list(range(k, len(train), FOLDS)) for k in range(FOLDS)]
    jobs = []
    for k, held in enumerate(folds):
        hs = set(held)
        jobs.append(
            (
                [s for j, s in enumerate(train) if j not in hs],
                [train[j] for j in held],
                args.tag_iters,
                SEED + k,
            )
        )
    ctx = get_context("fork")
    with ctx.Pool(2) as pool:
        results = pool.map(_fold_job, jobs)
        jack: list[list[str]] = [[] for _ in train]
        for held, tagged in zip(folds, results):
            for j, t in zip(held, tagged):
                jack[j] = t
        ok = sum(a == b.split("|")[0] for s, t in zip(train, jack) for a, b in zip(s["upos"], t))
        print(
            f"jackknifed tags: {ok / sum(len(s['upos']) for s in train):.4f} ({time.time() - t_start:.0f} s)",
            flush=True,
        )
        tag_job = pool.apply_async(train_tagger, (train, args.tag_iters, SEED))
        parser = train_parser(train, jack, args.parse_iters, SEED)
        tagger, tags, tagdict = tag_job.get()
    print(f"trained in {time.time() - t_start:.0f} s", flush=True)

    tagger_spec = export(tagger, 1, 0.002)
    lemmas = make_lemmas(train)
    for min_count in (4, 6, 8, 12, 16):
        spec = {
            "format": syn.MODEL_FORMAT,
            "source": "UD English EWT (CC BY-SA 4.0), https://github.com/UniversalDependencies/UD_English-EWT",
            "labels": LABELS,
            "tagger": {"classes": tags, "tagdict": tagdict, "model": tagger_spec},
            "parser": {"model": export(parser, min_count, 0.02, MIN_ROW)},
            "lemmas": lemmas,
        }
        raw = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        data = gzip.compress(raw, compresslevel=9, mtime=0)
        nfeat = spec["parser"]["model"]["features"].count("\n") + 1
        print(
            f"parser features updated >= {min_count} times: {nfeat}, {len(data) / 1e6:.2f} MB gzipped"
        )
        if len(data) <= MAX_BYTES:
            break
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB gzipped, {len(raw) / 1e6:.1f} MB raw)")

    t0 = time.time()
    model = syn.load_model_bytes(data)
    print(f"load {time.time() - t0:.2f} s")
    for name, sents in (("dev", dev), ("test", test)):
        t0 = time.time()
        r = evaluate(model, sents)
        dt = time.time() - t0
        print(
            f"{name}: UPOS {r['upos']:.4f}  UAS {r['uas']:.4f}  LAS {r['las']:.4f}  "
            f"({r['tokens']} tokens, {r['tokens'] / dt:.0f} tokens/s, predicted tags)",
            flush=True,
        )
    print(f"total {time.time() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
