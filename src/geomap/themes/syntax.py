"""Small pure-Python English POS tagger and labelled dependency parser.

Reads "who does what to whom" from sentence structure. The model (an averaged-perceptron UPOS
tagger, a greedy arc-hybrid parser with coarse Universal Dependencies labels and a lemma table)
is trained by ``geodata/train_parser.py`` from UD English EWT and shipped as
``geomap/data/parser.json.gz``; nothing is downloaded at run time.

The feature functions in this module are shared with the training script, so training and
run time cannot drift apart.
"""

from __future__ import annotations

import base64
import functools
import gc
import gzip
import importlib.resources
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

__all__ = [
    "MAX_CHUNK",
    "Token",
    "children",
    "parse",
    "path_to_root",
    "subtree",
    "tokenize",
]

MAX_CHUNK = 120  # longest token sequence handed to the parser in one piece
MODEL_FORMAT = "geomap-parser/1"

# --------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------

# Every alternative is linear: no nested quantifier can match the same text two ways.
_TOKEN_RE = re.compile(
    r"""
    (?:https?://|www\.)[^\s<>"]+            # URL
    | (?:[A-Za-z]\.){2,}                    # U.S.  a.m.  U.K.
    | \d+(?:[.,:/]\d+)+                     # 2,116  9/11  3.5  10:30
    | \w+(?:['’-]\w+)*                      # words, Al-Fasher, don't, O'Brien
    | \.{2,} | -{2,}                        # ellipsis, dash
    | \S                                    # any other single character
    """,
    re.VERBOSE,
)
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m"})
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen col lt sgt capt cmdr adm gov sen rep prof rev inc corp ltd co "
    "no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est fig "
    "maj pres".split()
)
_URL_TRAIL = ".,;:!?)]}'\"’”"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into EWT-like tokens; return ``(start, end)`` offsets into text.

    Punctuation is split off, and so are the clitics "'s", "n't", "'re"...; "U.S.", "Al-Fasher",
    "2,116", "9/11", URLs and common abbreviations ("Mr.", "Gen.") stay whole.
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        a, b = m.span()
        tok = m.group()
        ch = tok[0]
        if ch.isalnum() or ch == "_":
            if tok[:4].lower() in ("http", "www.") and ("/" in tok or tok.startswith("www.")):
                while b > a + 1 and text[b - 1] in _URL_TRAIL:
                    b -= 1
                spans.append((a, b))
                if b < m.end():
                    spans.extend((k, k + 1) for k in range(b, m.end()))
                continue
            low = tok.lower()
            if (
                b < end
                and text[b] == "."
                and text[b + 1 : b + 2] != "."
                and (low in _ABBREVIATIONS or (len(tok) == 1 and tok.isupper()))
            ):
                spans.append((a, b + 1))  # "Mr." - the period is eaten by the next match
                continue
            if len(low) > 3 and low.endswith(("n't", "n’t")):
                spans.append((a, b - 3))
                spans.append((b - 3, b))
                continue
            if low == "cannot":
                spans.append((a, a + 3))
                spans.append((a + 3, b))
                continue
            k = max(tok.rfind("'"), tok.rfind("’"))
            if k > 0 and low[k + 1 :] in _CLITICS:
                spans.append((a, a + k))
                spans.append((a + k, b))
                continue
        elif ch == "." and spans and spans[-1][1] == b and len(tok) == 1:
            continue  # period already absorbed by an abbreviation
        spans.append((a, b))
    return spans


# --------------------------------------------------------------------------------------------
# Features (shared with geodata/train_parser.py)
# --------------------------------------------------------------------------------------------


def normalize(word: str) -> str:
    """Lower-case a word and fold numbers, as used in the feature strings."""
    if word[:1].isdigit():
        if len(word) == 4 and word.isdigit():
            return "!YEAR"
        return "!DIGITS"
    return "".join(word.lower().split()) or "_"


def shape(word: str) -> str:
    """Word shape with runs collapsed to at most two: "Al-Fasher" -> "Xx-Xx"."""
    out: list[str] = []
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if len(out) >= 2 and out[-1] == c and out[-2] == c:
            continue
        out.append(c)
    return "".join(out)


def tagger_features(
    words: Sequence[str], norms: Sequence[str], i: int, p1: str, p2: str
) -> list[str]:
    """Features of token ``i`` given the two previous predicted tags."""
    n = len(words)
    w = words[i]
    lw = norms[i]
    m1 = norms[i - 1] if i > 0 else "-S-"
    m2 = norms[i - 2] if i > 1 else "-S2-"
    n1 = norms[i + 1] if i + 1 < n else "-E-"
    n2 = norms[i + 2] if i + 2 < n else "-E2-"
    return [
        "b",
        "w " + lw,
        "s3 " + lw[-3:],
        "s2 " + lw[-2:],
        "s1 " + lw[-1:],
        "p1 " + lw[:1],
        "sh " + shape(w),
        "cap " + ("1" if w[:1].isupper() else "0") + ("1" if i == 0 else "0"),
        "t1 " + p1,
        "t2 " + p2,
        "t12 " + p1 + " " + p2,
        "t1w " + p1 + " " + lw,
        "m1 " + m1,
        "m1s " + m1[-3:],
        "m2 " + m2,
        "n1 " + n1,
        "n1s " + n1[-3:],
        "n2 " + n2,
        "wn1 " + lw + " " + n1,
    ]


def parser_features(
    norms: Sequence[str],
    tags: Sequence[str],
    stack: list[int],
    b: int,
    n: int,
    lefts: list[list[int]],
    rights: list[list[int]],
    labels: list[str],
) -> list[str]:
    """Features of an arc-hybrid configuration (stack, buffer front ``b``, root at index n).

    All sequences are padded (see ``pad``): index n is the root, index -1 (= n + 1) "none".
    """
    ls = len(stack)
    s0 = stack[-1] if ls > 0 else -1
    s1 = stack[-2] if ls > 1 else -1
    s2 = stack[-3] if ls > 2 else -1
    b1 = b + 1 if b + 1 <= n else -1
    b2 = b + 2 if b + 2 <= n else -1
    s0w, s0t, s1w, s1t = norms[s0], tags[s0], norms[s1], tags[s1]
    b0w, b0t, b1w, b1t = norms[b], tags[b], norms[b1], tags[b1]
    s2t, b2t = tags[s2], tags[b2]
    x = lefts[s0]
    s0l = x[-1] if x else -1
    x = rights[s0]
    s0r = x[-1] if x else -1
    x = rights[s1]
    s1r = x[-1] if x else -1
    x = lefts[b]
    b0l = x[-1] if x else -1
    s0lt, s0rt, s1rt, b0lt = tags[s0l], tags[s0r], tags[s1r], tags[b0l]
    s0ll, s0rl, s1rl, b0ll = labels[s0l], labels[s0r], labels[s1r], labels[b0l]
    s0lw, b0lw = norms[s0l], norms[b0l]  # often the preposition ("case") of a noun
    if s0 >= 0:
        d = b - s0
        dist = str(d if d < 5 else 5 if d < 10 else 10)
        s0vl, s0vr = str(min(len(lefts[s0]), 3)), str(min(len(rights[s0]), 3))
    else:
        dist = s0vl = s0vr = "-"
    b0vl = str(min(len(lefts[b]), 3)) if b < n else "-"
    return [
        "b",
        "s0w " + s0w,
        "s0t " + s0t,
        "s0wt " + s0w + " " + s0t,
        "s1w " + s1w,
        "s1t " + s1t,
        "s1wt " + s1w + " " + s1t,
        "s2t " + s2t,
        "b0w " + b0w,
        "b0t " + b0t,
        "b0wt " + b0w + " " + b0t,
        "b1w " + b1w,
        "b1t " + b1t,
        "b1wt " + b1w + " " + b1t,
        "b2t " + b2t,
        "s0wb0w " + s0w + " " + b0w,
        "s0wtb0t " + s0w + " " + s0t + " " + b0t,
        "s0tb0wt " + s0t + " " + b0w + " " + b0t,
        "s0wb0t " + s0w + " " + b0t,
        "s0tb0w " + s0t + " " + b0w,
        "s0tb0t " + s0t + " " + b0t,
        "s1ws0w " + s1w + " " + s0w,
        "s1ts0t " + s1t + " " + s0t,
        "s1ts0w " + s1t + " " + s0w,
        "s1ws0t " + s1w + " " + s0t,
        "b0tb1t " + b0t + " " + b1t,
        "b0wb1w " + b0w + " " + b1w,
        "b012t " + b0t + " " + b1t + " " + b2t,
        "s0b01t " + s0t + " " + b0t + " " + b1t,
        "s10b0t " + s1t + " " + s0t + " " + b0t,
        "s210t " + s2t + " " + s1t + " " + s0t,
        "s1s0b1t " + s1t + " " + s0t + " " + b1t,
        "s0lrt " + s0t + " " + s0lt + " " + s0rt,
        "s0lb0t " + s0t + " " + s0lt + " " + b0t,
        "s0rb0t " + s0t + " " + s0rt + " " + b0t,
        "s0b0lt " + s0t + " " + b0t + " " + b0lt,
        "s1rs0t " + s1t + " " + s1rt + " " + s0t,
        "s0ll " + s0t + " " + s0ll,
        "s0rl " + s0t + " " + s0rl,
        "s0lrl " + s0ll + " " + s0rl,
        "s1rl " + s1t + " " + s1rl + " " + s0t,
        "b0ll " + b0t + " " + b0ll,
        "s0wll " + s0w + " " + s0ll,
        "b0wll " + b0w + " " + b0ll,
        "b0lw " + b0lw + " " + b0t,
        "b0lws0w " + b0lw + " " + s0w,
        "b0lws1w " + b0lw + " " + s1w,
        "b0lwt " + b0lw + " " + s1t + " " + s0t,
        "b0lwb0w " + b0lw + " " + b0w,
        "s0lws1w " + s0lw + " " + s1w + " " + s0t,
        "s0lwb0w " + s0lw + " " + b0w + " " + s0t,
        "ds0wt " + dist + " " + s0w + " " + s0t,
        "ds0tb0t " + dist + " " + s0t + " " + b0t,
        "ds0wb0w " + dist + " " + s0w + " " + b0w,
        "vs0 " + s0t + " " + s0vl + " " + s0vr,
        "vs0w " + s0w + " " + s0vl + " " + s0vr,
        "vb0 " + b0t + " " + b0vl,
        "vb0w " + b0w + " " + b0vl,
    ]


def pad(norms: Sequence[str], tags: Sequence[str]) -> tuple[list[str], list[str]]:
    """Words and tags with the root (index n) and "none" (index n + 1 = -1) appended."""
    return [*norms, "-R-", "-N-"], [*tags, "R", "N"]


# --------------------------------------------------------------------------------------------
# Transition system (arc-hybrid, the artificial root at the end of the buffer)
# --------------------------------------------------------------------------------------------

SHIFT = 0


def move_of(cls: int) -> int:
    """0 = SHIFT, 1 = LEFT (s0 <- b0), 2 = RIGHT (s1 -> s0)."""
    return 0 if cls == 0 else 1 + (cls - 1) % 2


def label_of(cls: int, labels: Sequence[str]) -> str:
    """The arc label carried by class ``cls``."""
    return labels[(cls - 1) // 2]


def valid_mask(labels: Sequence[str]) -> dict[str, np.ndarray]:
    """Boolean class masks for the configuration kinds of ``config_kind``."""
    nc = 1 + 2 * len(labels)
    root = labels.index("root")
    left = np.zeros(nc, dtype=bool)
    right = np.zeros(nc, dtype=bool)
    left[1::2] = True
    right[2::2] = True
    left[1 + 2 * root] = right[2 + 2 * root] = False
    shift = np.zeros(nc, dtype=bool)
    shift[0] = True
    return {"rootright": right, "one": shift | left, "many": shift | left | right}


def config_kind(nstack: int, b: int, n: int) -> str:
    """Which moves are legal: "shift" (empty stack), "final" (attach the last item to the
    root), "rootright" (only RIGHT), "one" (SHIFT/LEFT) or "many" (all)."""
    if nstack == 0:
        return "shift"
    if b == n:
        return "final" if nstack == 1 else "rootright"
    return "one" if nstack == 1 else "many"


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------


def b64_array(data: str, dtype: str) -> np.ndarray:
    """Decode a base64 little-endian array."""
    return np.frombuffer(base64.b64decode(data), dtype=np.dtype(dtype).newbyteorder("<"))


class Linear:
    """A linear model: feature string -> row of class weights."""

    def __init__(self, spec: dict) -> None:
        feats = spec["features"].split("\n") if spec["features"] else []
        nclass = int(spec["classes"])
        nnz = b64_array(spec["nnz"], "u1")
        cols = b64_array(spec["cols"], "u1").astype(np.int64)
        vals = b64_array(spec["vals"], "i2").astype(np.float32) / np.float32(spec["scale"])
        w = np.zeros((len(feats) + 1) * nclass, dtype=np.float32)
        w[np.repeat(np.arange(len(feats), dtype=np.int64) * nclass, nnz) + cols] = vals
        self.weights = w.reshape(len(feats) + 1, nclass)
        self.index = dict(zip(feats, range(len(feats))))
        self.zero = len(feats)  # an all-zero row for unknown features

    def scores(self, feats: list[str]) -> np.ndarray:
        """Sum of the weight rows of the known features."""
        idx = list(map(self.index.get, feats, repeat(self.zero)))
        return np.add.reduce(self.weights.take(idx, axis=0))


class Model:
    """The loaded tagger, parser and lemma table."""

    def __init__(self, spec: dict) -> None:
        if spec.get("format") != MODEL_FORMAT:
            raise ValueError("unsupported parser model format")
        self.tags: list[str] = spec["tagger"]["classes"]
        self.tagdict: dict[str, str] = spec["tagger"]["tagdict"]
        self.tagger = Linear(spec["tagger"]["model"])
        self.labels: list[str] = spec["labels"]
        self.parser = Linear(spec["parser"]["model"])
        self.lemmas: dict[str, str] = spec["lemmas"]
        self.masks = {
            k: np.where(m, 0.0, -1e9).astype(np.float32) for k, m in valid_mask(self.labels).items()
        }
        self.root_class = 1 + 2 * self.labels.index("root")

    def tag(self, words: Sequence[str]) -> list[str]:
        """Greedy left-to-right tags, "UPOS|XPOS" (e.g. "VERB|VBD")."""
        norms = [normalize(w) for w in words]
        out: list[str] = []
        p1, p2 = "-S-", "-S2-"
        tags = self.tags
        for i, w in enumerate(words):
            t = self.tagdict.get(w)
            if t is None:
                sc = self.tagger.scores(tagger_features(words, norms, i, p1, p2))
                t = tags[int(np.argmax(sc))]
            out.append(t)
            p2, p1 = p1, t
        return out

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> tuple[list[int], list[str]]:
        """Greedy arc-hybrid parse; heads (-1 = root) and labels. Always a single-rooted tree."""
        n = len(words)
        norms, ptags = pad([normalize(w) for w in words], tags)
        heads = [-1] * n
        labels = ["dep"] * (n + 2)
        labels[-1] = "N"
        lefts: list[list[int]] = [[] for _ in range(n + 2)]
        rights: list[list[int]] = [[] for _ in range(n + 2)]
        stack: list[int] = []
        b = 0
        masks = self.masks
        while True:
            kind = config_kind(len(stack), b, n)
            if kind == "shift":
                if b >= n:
                    break
                stack.append(b)
                b += 1
                continue
            if kind == "final":
                s0 = stack.pop()
                heads[s0] = -1
                labels[s0] = "root"
                break
            feats = parser_features(norms, ptags, stack, b, n, lefts, rights, labels)
            sc = self.parser.scores(feats) + masks[kind]
            cls = int(np.argmax(sc))
            mv = move_of(cls)
            if mv == 0:
                stack.append(b)
                b += 1
            elif mv == 1:
                s0 = stack.pop()
                heads[s0] = b
                labels[s0] = label_of(cls, self.labels)
                lefts[b].append(s0)
            else:
                s0 = stack.pop()
                s1 = stack[-1]
                heads[s0] = s1
                labels[s0] = label_of(cls, self.labels)
                rights[s1].append(s0)
        return heads, labels[:n]

    def lemma(self, word: str, upos: str) -> str:
        """Lower-cased lemma from the table, else by a small suffix rule."""
        low = word.lower()
        got = self.lemmas.get(low + "\t" + upos)
        if got is not None:
            return got
        return rule_lemma(low, upos)


def rule_lemma(low: str, upos: str) -> str:
    """Fallback lemma for unseen words: strip -s/-es/-ed/-ing from nouns and verbs."""
    if upos == "NOUN" and len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        if low.endswith("ies") and len(low) > 4:
            return low[:-3] + "y"
        if low.endswith(("ches", "shes", "sses", "xes", "zes")):
            return low[:-2]
        return low[:-1]
    if upos == "VERB" and len(low) > 4:
        if low.endswith("ing"):
            stem = low[:-3]
        elif low.endswith("ied"):
            return low[:-3] + "y"
        elif low.endswith("ed"):
            stem = low[:-2]
        elif low.endswith("ies"):
            return low[:-3] + "y"
        elif low.endswith(("ches", "shes", "sses", "xes")):
            return low[:-2]
        elif low.endswith("s") and not low.endswith("ss"):
            return low[:-1]
        else:
            return low
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            return stem[:-1]  # "stopped" -> "stop"
        return stem
    return low


def load_model_bytes(data: bytes) -> Model:
    """Build a model from the gzipped JSON bytes of a model file."""
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of new strings: the collector would only slow this
    try:
        return Model(json.loads(gzip.decompress(data)))
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1)
def _model() -> Model:
    res = importlib.resources.files("geomap") / "data" / "parser.json.gz"
    return load_model_bytes(res.read_bytes())


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One token of a parsed sentence."""

    i: int  # index in the sentence
    text: str
    start: int  # offsets into the original text given to parse()
    end: int
    upos: str
    lemma: str  # lower-cased lemma
    head: int  # index of the head token, -1 for the root
    dep: str  # coarse label ("root" for the root)


def _chunks(words: Sequence[str]) -> list[tuple[int, int]]:
    """Split a long token list into pieces of at most MAX_CHUNK, after ';' or ',' if possible."""
    n = len(words)
    out: list[tuple[int, int]] = []
    s = 0
    while n - s > MAX_CHUNK:
        cut = 0
        for punct in (";", ","):
            for k in range(s + MAX_CHUNK - 1, s + MAX_CHUNK // 4, -1):
                if words[k] == punct:
                    cut = k + 1
                    break
            if cut:
                break
        if not cut:
            cut = s + MAX_CHUNK
        out.append((s, cut))
        s = cut
    if s < n:
        out.append((s, n))
    return out


def parse(
    text: str, start: int = 0, end: int | None = None, model: Model | None = None
) -> list[Token]:
    """Tokenize, tag and parse one sentence ``text[start:end]``.

    Sentences longer than ``MAX_CHUNK`` tokens are parsed in independent chunks (each with its
    own root), so the work stays linear in the length of the text. ``model`` defaults to the
    shipped one (loaded once per process).
    """
    spans = tokenize(text, start, end)
    if not spans:
        return []
    m = model or _model()
    words = [text[a:b] for a, b in spans]
    upos: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for a, b in _chunks(words):
        piece = words[a:b]
        tags = m.tag(piece)
        hs, ls = m.parse(piece, tags)
        upos.extend(t.split("|", 1)[0] for t in tags)
        heads.extend(h + a if h >= 0 else -1 for h in hs)
        deps.extend(ls)
    return [
        Token(i, w, s, e, t, m.lemma(w, t), h, d)
        for i, (w, (s, e), t, h, d) in enumerate(zip(words, spans, upos, heads, deps))
    ]


def children(tokens: Sequence[Token], i: int) -> list[Token]:
    """The direct dependents of token ``i``, in sentence order."""
    return [t for t in tokens if t.head == i]


def subtree(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """First and last token index of the subtree headed by ``i`` (a projective span)."""
    kids: dict[int, list[int]] = {}
    for t in tokens:
        kids.setdefault(t.head, []).append(t.i)
    lo = hi = i
    todo = [i]
    seen = {i}
    while todo:
        j = todo.pop()
        lo, hi = min(lo, j), max(hi, j)
        for k in kids.get(j, ()):
            if k not in seen:
                seen.add(k)
                todo.append(k)
    return lo, hi


def path_to_root(tokens: Sequence[Token], i: int) -> list[int]:
    """Indices from ``i`` up to its root, ``i`` first (cycle-safe)."""
    out: list[int] = []
    seen: set[int] = set()
    while 0 <= i < len(tokens) and i not in seen:
        seen.add(i)
        out.append(i)
        i = tokens[i].head
    return out
