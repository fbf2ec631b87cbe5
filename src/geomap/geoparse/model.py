"""The geoparser's weights (``data/geoparser.json``, written by
``geodata/train_geoparser.py``) and word lists (``data/common_words.txt``, written by
``geodata/build_common_words.py``; ``data/surnames.txt``, by
``geodata/build_given_names.py``), each read once per process."""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

from ..gazetteer.build import fold

log = logging.getLogger(__name__)


def load_model(path: str | None = None) -> dict[str, Any]:
    """The geoparser model shipped with geomap (read once), or the one at ``path``."""
    if path is None:
        return _shipped_model()
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _shipped_model() -> dict[str, Any]:
    ref = resources.files("geomap") / "data" / "geoparser.json"
    if not ref.is_file():
        log.warning("no geoparser model shipped; every gazetteer match is kept")
        return {}
    return json.loads(ref.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words English writes as common nouns, adjectives or verbs ("police", "sale"): a
    recognition feature, as a town that bears such a name is rarely the one meant."""
    ref = resources.files("geomap") / "data" / "common_words.txt"
    if not ref.is_file():
        log.warning("no common-word list shipped")
        return frozenset()
    return frozenset(ref.read_text(encoding="utf-8").split())


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 for one it does not know)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Folded family names that countries' locales list ("peterson", "hilton"): after a
    given name that is also a place, a person ("Paris Hilton"), not the place."""
    ref = resources.files("geomap") / "data" / "surnames.txt"
    if not ref.is_file():
        log.warning("no family-name list shipped")
        return frozenset()
    return frozenset(fold(n) for n in ref.read_text(encoding="utf-8").split())
