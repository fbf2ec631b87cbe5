"""The shipped POS tagger and dependency parser (geomap.themes.syntax)."""

from __future__ import annotations

import pytest

from geomap.themes import syntax
from geomap.themes.syntax import Token, children, parse, path_to_root, subtree, tokenize


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text)]


def check_tree(tokens: list[Token]) -> None:
    """Heads in range, no cycles, exactly one root per chunk, arcs inside their chunk."""
    n = len(tokens)
    for t in tokens:
        assert t.head == -1 or 0 <= t.head < n
        assert (t.head == -1) == (t.dep == "root")
        seen = set()
        j = t.i
        while j != -1:  # every chain ends at a root
            assert j not in seen
            seen.add(j)
            j = tokens[j].head
    for lo, hi in syntax._chunks([t.text for t in tokens]):
        assert hi - lo <= syntax.MAX_CHUNK
        assert sum(tokens[k].head == -1 for k in range(lo, hi)) == 1
        assert all(tokens[k].head == -1 or lo <= tokens[k].head < hi for k in range(lo, hi))


def by_text(tokens: list[Token], text: str) -> Token:
    return next(t for t in tokens if t.text == text)


def test_tokenize_keeps_units_whole():
    assert words("The U.S. sent 2,116 troops to Al-Fasher after 9/11.") == [
        "The", "U.S.", "sent", "2,116", "troops", "to", "Al-Fasher", "after", "9/11", ".",
    ]  # fmt: skip
    assert words("Russia's army didn't move, Mr. Putin said.") == [
        "Russia", "'s", "army", "did", "n't", "move", ",", "Mr.", "Putin", "said", ".",
    ]  # fmt: skip
    assert words("O'Brien (AP) -- see https://example.org/a.") == [
        "O'Brien", "(", "AP", ")", "--", "see", "https://example.org/a", ".",
    ]  # fmt: skip


def test_offsets_match_text():
    text = "Intro.  Kyrgyzstan’s president, Sadyr Japarov, met him in Bishkek on Friday!"
    start = text.index("Kyrgyzstan")
    toks = parse(text, start)
    assert toks and toks[0].text == "Kyrgyzstan"
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.start >= start
    assert [t.i for t in toks] == list(range(len(toks)))
    check_tree(toks)
    spans = tokenize(text, 0, 6)
    assert [text[a:b] for a, b in spans] == ["Intro", "."]


def test_subject_object_oblique():
    toks = parse("Russia held drills with Tajikistan.")
    held = by_text(toks, "held")
    assert held.dep == "root" and held.upos == "VERB" and held.lemma == "hold"
    russia = by_text(toks, "Russia")
    assert russia.head == held.i and russia.dep == "nsubj"
    drills = by_text(toks, "drills")
    assert drills.head == held.i and drills.dep == "obj" and drills.lemma == "drill"
    taj = by_text(toks, "Tajikistan")
    assert taj.head == held.i and taj.dep == "obl"
    assert [c.text for c in children(toks, taj.i) if c.dep == "case"] == ["with"]
    assert subtree(toks, taj.i) == (3, 4)
    assert subtree(toks, held.i) == (0, len(toks) - 1)
    assert path_to_root(toks, 4) == [4, 1]


def test_more_roles():
    toks = parse("China accused the United States of provoking a crisis.")
    accused = by_text(toks, "accused")
    assert by_text(toks, "China").head == accused.i
    assert by_text(toks, "China").dep == "nsubj"
    states = by_text(toks, "States")
    assert states.head == accused.i and states.dep == "obj"
    toks = parse("The convoy was attacked by rebels.")
    att = by_text(toks, "attacked")
    assert by_text(toks, "convoy").dep == "nsubj:pass"
    assert by_text(toks, "convoy").head == att.i
    assert by_text(toks, "rebels").head == att.i


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "?!... ,;: --",
        "RUSSIA AND CHINA SIGNED A NEW AGREEMENT ON ENERGY COOPERATION IN MOSCOW ON MONDAY",
        "the minister said the talks would continue next week and that both sides agreed " * 8,
        ", ".join(f"Name{k} Surname{k}" for k in range(300)),
        " ".join(["word"] * 5000),
        "a" * 20000,
        "-" * 2000 + "'" * 2000,
        "1,2,3,4,5,6,7,8,9,0," * 300,
    ],
)
def test_hostile_input(text):
    toks = parse(text)
    check_tree(toks)
    for t in toks:
        assert text[t.start : t.end] == t.text
    if len(toks) > syntax.MAX_CHUNK:
        for t in toks:  # chunks are independent and at most MAX_CHUNK long
            if t.head == -1:
                lo, hi = subtree(toks, t.i)
                assert hi - lo < syntax.MAX_CHUNK


def test_deterministic():
    text = "Iran said on Sunday it would not negotiate with Washington over its missile programme."
    assert parse(text) == parse(text)
    first = parse(text)
    syntax._model.cache_clear()
    assert parse(text) == first
