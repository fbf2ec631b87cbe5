"""The themes lexicon: reading ``geomap/data/themes.json`` and compiling its patterns.

The words live in data (format documented in the file's ``_comment`` key) so that a new
trigger or role word needs no code; this module only turns them into regular expressions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geomap.errors import InputError
from geomap.models import Layer

__all__ = ["LAYER_ORDER", "Lexicon", "Trigger", "compile_lexicon", "load_lexicon"]

LAYER_ORDER: tuple[Layer, ...] = (
    Layer.BORDERS,
    Layer.MILITARY_DRILLS,
    Layer.MILITARY_PRESENCE,
    Layer.INFLUENCE,
    Layer.TRAFFICKING_ROUTES,
    Layer.CONFLICT,
    Layer.DIPLOMACY,
)
# role patterns are anchored at the end of the text before a mention, so a few words
# (articles, possessives, adjectives) may sit between the role word and the place, but
# not a comma: "In early August, Russia held" does not put Russia in a location role
_FILLER = r"(?:(?:the|a|an|its|their|his|her|[a-z][\w'’-]*)\s+){0,3}"


@dataclass(frozen=True)
class Trigger:
    """One trigger of a layer: ``name`` picks the rule family, ``rank`` the label."""

    name: str
    rank: int
    label: str
    regex: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon (see ``themes.json`` for what each part means)."""

    triggers: dict
    exclude: dict
    skip: re.Pattern | None
    orgs: tuple
    roles: dict
    origin_suffix: re.Pattern | None
    directions: dict
    clause_break: re.Pattern
    units: re.Pattern | None
    commodities: tuple
    drill_kinds: dict
    sequence: re.Pattern
    rival_phrases: re.Pattern | None
    diplomats: re.Pattern | None
    route_verbs: re.Pattern | None

    def triggers_of(self, layer: Layer, text: str, lo: int, hi: int) -> list[re.Match]:
        """Trigger matches of a layer in ``text[lo:hi]``."""
        return [h for t in self.triggers.get(layer, ()) for h in t.regex.finditer(text, lo, hi)]


def alternation(patterns: Sequence[str], *, bounds: bool = True) -> re.Pattern | None:
    """One case-insensitive regex matching any of ``patterns`` (as whole words by default).

    Returns
    -------
    re.Pattern or None
        None when there are no patterns.
    """
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])" if bounds else body, re.IGNORECASE)


def load_lexicon(path: str | Path | None = None) -> dict:
    """Read the themes lexicon.

    Parameters
    ----------
    path : str or Path, optional
        A JSON file in the format of ``geomap/data/themes.json``; the shipped one by default.

    Returns
    -------
    dict
        The parsed lexicon.

    Raises
    ------
    InputError
        If the file cannot be read or has no ``layers`` mapping.
    """
    try:
        if path is None:
            text = resources.files("geomap").joinpath("data/themes.json").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read themes lexicon {path or 'themes.json'}: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("layers"), dict):
        raise InputError(f"themes lexicon {path or 'themes.json'} has no 'layers' mapping")
    return data


def compile_lexicon(lexicon: Mapping | None = None) -> Lexicon:
    """Compile a lexicon (the shipped one by default); cached, so cheap to call per article.

    Parameters
    ----------
    lexicon : mapping, optional
        As returned by :func:`load_lexicon`.

    Returns
    -------
    Lexicon
        The compiled patterns.
    """
    if lexicon is None:
        return _compile(_default_blob())
    return _compile(json.dumps(lexicon, sort_keys=True))


@lru_cache(maxsize=1)
def _default_blob() -> str:
    return json.dumps(load_lexicon(), sort_keys=True)


@lru_cache(maxsize=8)
def _compile(blob: str) -> Lexicon:
    lex = json.loads(blob)
    layers = lex["layers"]
    triggers, exclude = {}, {}
    for layer in LAYER_ORDER:
        spec = layers.get(layer.value, {})
        triggers[layer] = tuple(
            Trigger(
                t["name"], int(t.get("rank", 9)), t.get("label", ""), alternation([t["pattern"]])
            )
            for t in spec.get("triggers", [])
        )
        exclude[layer] = alternation(spec.get("exclude", []), bounds=False)
    roles = {
        name: re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})"
            rf"\s+{_FILLER}$",
            re.IGNORECASE,
        )
        for name, words in lex.get("roles", {}).items()
    }
    suffixes = lex.get("origin_suffixes", [])
    presence = layers.get("military_presence", {})
    routes = layers.get("trafficking_routes", {})
    return Lexicon(
        triggers=triggers,
        exclude=exclude,
        skip=alternation(lex.get("skip_sentences", []), bounds=False),
        orgs=tuple(alternation([o]) for o in lex.get("organisations", [])),
        roles=roles,
        origin_suffix=re.compile("|".join(re.escape(s) for s in suffixes)) if suffixes else None,
        directions={k.lower(): float(v) for k, v in lex.get("directions", {}).items()},
        clause_break=re.compile("|".join(lex.get("clause_breaks", [";"]))),
        units=alternation(presence.get("units", [])),
        commodities=tuple((alternation([k]), v) for k, v in routes.get("commodities", {}).items()),
        drill_kinds=layers.get("military_drills", {}).get("kinds", {}),
        sequence=alternation(lex.get("route_sequence_words", [])) or re.compile(r"(?!)"),
        rival_phrases=alternation(layers.get("influence", {}).get("rival_phrases", [])),
        diplomats=alternation(layers.get("diplomacy", {}).get("actors", [])),
        route_verbs=alternation(routes.get("continuation_verbs", [])),
    )
