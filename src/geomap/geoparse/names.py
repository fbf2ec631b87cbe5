"""Display names: what a map calls each resolved place (the article's own word for it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..gazetteer.build import fold, metonym_aliases
from ..models import Mention, MentionKind
from .spans import HEADS, LOCAL_HEADS


def display_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """One display name per place key: the name the article itself uses for the place.

    That is the most frequent literal form of its mentions (the first one on a tie),
    without a leading "the": "Tigray", "Mekelle", "Hanoi" rather than GeoNames' "Tigrai",
    "Mek'ele", "Hà Nội". The gazetteer name stays when the article names the place only
    through an acronym or abbreviation ("US", "U.S."), a demonym or adjective
    ("Sudanese"), an alias that names a building or institution standing for it
    ("Kremlin" -> Moscow, see :func:`geomap.gazetteer.build.metonym_aliases`), or a name
    with a head word the place was only inferred from ("Kabul airport", "Royal Street").
    """
    seats = metonym_aliases()
    names: dict[str, str] = {}
    forms: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.place is None:
            continue
        key = m.place.key
        names.setdefault(key, m.place.name)
        if m.kind not in (MentionKind.LITERAL, MentionKind.METONYM):
            continue
        form = _literal_form(m.surface, m.place.name, seats)
        if form:
            forms.setdefault(key, Counter())[form] += 1
    for key, counts in forms.items():
        names[key] = counts.most_common(1)[0][0]  # ties: first seen (insertion order)
    return names


def _literal_form(surface: str, name: str, seats: frozenset[str]) -> str | None:
    """A mention's surface as a display name for ``name``, or None when it is not one."""
    form = " ".join(surface.split())
    # "the Kremlin", "The Sudan": no article; but "The Hague", whose name has one
    if form.startswith("the ") or (form.startswith("The ") and not name.startswith("The ")):
        form = form[4:]
    if not any(c.islower() for c in form) or "." in form:
        return None  # acronym or abbreviation: "US", "U.S.", "UK", "Ill."
    key = fold(form)
    if key in seats or fold(surface) in seats:
        return None  # "Kremlin": a building standing for Moscow
    if key != fold(name) and " " in key and key.rsplit(" ", 1)[1] in HEADS:
        rest, head = form.rsplit(" ", 1)
        if head.islower() and head not in LOCAL_HEADS:
            return rest  # "Badakhshan province", "Kabul airport": the name is the place's
        return None  # "Royal Street", "Collier County": the place is only inferred
    return form
