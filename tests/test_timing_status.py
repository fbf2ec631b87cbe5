"""A fact's status: what the text says became of it (ended, denied, planned).

Each case is a sentence of our own; the status must come from a cue that governs the
clause holding the fact's places, never from a cue elsewhere in the sentence.
"""

from __future__ import annotations

import pytest

import geomap
from geomap.geoparse import geoparse
from geomap.models import Layer
from geomap.themes import detect_facts
from geomap.themes.syntax import parse
from geomap.themes.timing import status, status_cues


def facts_of(text: str, parser) -> list:
    article = geomap.read_text(text + "\n")
    mentions = geoparse(article, parser=parser)
    return detect_facts(
        article.text,
        article.sentences,
        mentions,
        places=parser.gazetteer.get,
        date="2024-03-01",
    )


@pytest.mark.parametrize(
    ("text", "layer", "expected"),
    [
        ("French troops left the base in Gao last year.", Layer.MILITARY_PRESENCE, "ended"),
        ("Eritrean troops have withdrawn from Tigray.", Layer.MILITARY_PRESENCE, "ended"),
        ("Russia denied that its troops had entered Ukraine.", Layer.CONFLICT, "denied"),
        (
            "China rejected reports that it was building a military base in Cambodia.",
            Layer.MILITARY_PRESENCE,
            "denied",
        ),
        ("China said it will hold drills near Taiwan next week.", Layer.MILITARY_DRILLS, "planned"),
        (
            "Russia is expected to hold military drills with Belarus.",
            Layer.MILITARY_DRILLS,
            "planned",
        ),
        ("Rwanda plans to send more troops to Mozambique.", Layer.MILITARY_PRESENCE, "planned"),
        # no status: the cue does not govern the fact's clause, or is no cue at all
        ("The attack left 12 soldiers dead in Niger.", Layer.CONFLICT, None),
        (
            "Russia, which withdrew its troops from Syria, held drills with Belarus on Monday.",
            Layer.MILITARY_DRILLS,
            None,
        ),
        ("Russia held joint drills with Belarus on Monday.", Layer.MILITARY_DRILLS, None),
        (
            "If Russia attacks Ukraine, its troops will clash with Polish forces.",
            Layer.CONFLICT,
            None,
        ),
    ],
)
def test_status_of_a_fact(parser, text, layer, expected):
    facts = [f for f in facts_of(text, parser) if f.layer is layer]
    assert facts, f"no {layer.value} fact in {text!r}"
    assert [f.status for f in facts] == [expected] * len(facts)


def test_a_status_never_drops_a_fact(parser):
    """The same sentence with and without its cue gives the same facts, bar the status."""
    told = facts_of("Russia held military drills with Belarus.", parser)
    planned = facts_of("Russia will hold military drills with Belarus.", parser)
    assert [(f.layer, f.places) for f in told] == [(f.layer, f.places) for f in planned]
    assert {f.status for f in planned} == {"planned"}


def test_a_sentence_telling_it_as_happening_wins_on_merge(parser):
    text = (
        "Russia will hold military drills with Belarus. Russia held military drills with Belarus."
    )
    drills = [f for f in facts_of(text, parser) if f.layer is Layer.MILITARY_DRILLS]
    assert len(drills) == 1 and len(drills[0].evidence) == 2
    assert drills[0].status is None


def test_status_reads_the_clause_of_the_cue():
    text = "Wagner left the base in Gao, and Russia now trains soldiers in Bamako."
    tokens = parse(text)
    cues = status_cues(tokens)
    assert [name for name, _ in cues] == ["departed"]

    def at(word: str) -> list[tuple[int, int]]:
        i = text.index(word)
        return [(i, i + len(word))]

    assert status(tokens, [at("Gao")], cues=cues) == "ended"
    assert status(tokens, [at("Russia"), at("Bamako")], cues=cues) is None
    assert status(tokens, [at("Gao"), at("Bamako")], cues=cues) is None  # one place outside
    assert status(tokens, [at("Gao")], cues=cues, departures=False) is None  # not forces
