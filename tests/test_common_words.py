"""The common-word list: how a treebank tags a word, not how often it is written."""

from __future__ import annotations

from geodata_scripts import load
from geomap.geoparse.model import common_words

ROWS = [
    # id, form, lemma, UPOS
    *[(1, "Police", "police", "NOUN")] * 19,
    (1, "Police", "Police", "PROPN"),  # 5 % proper: common
    *[(1, "Bay", "Bay", "PROPN")] * 6,  # always a name: not common
    *[(1, "sale", "sale", "NOUN")] * 4,  # too rare to say
    (1, "2-3", "_", "_"),  # a multiword token line
]


def test_a_word_is_common_when_the_treebank_tags_it_as_no_name(tmp_path):
    conllu = tmp_path / "t.conllu"
    lines = ["# sent_id = 1"] + ["\t".join(map(str, r)) + "\t_" * 6 for r in ROWS]
    conllu.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load("build_common_words").common_words(conllu) == ["police"]


def test_the_shipped_list_has_everyday_words_and_no_place_names():
    words = common_words()
    assert {"police", "sale", "front", "normal"} <= words
    assert not {"washington", "bay", "china", "georgia"} & words
