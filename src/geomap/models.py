"""Frozen records passed between pipeline stages.

Every stage hands the next one these values instead of plain dicts, so a field has one
name and one meaning everywhere (``lat``/``lon``, ``geonameid``, ``country_code``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Layer(str, Enum):
    """Thematic layers of a story; the value is the ``layer`` property in the GeoJSON."""

    PLACES = "places"
    BORDERS = "borders"
    MILITARY_DRILLS = "military_drills"
    MILITARY_PRESENCE = "military_presence"
    INFLUENCE = "influence"
    TRAFFICKING_ROUTES = "trafficking_routes"
    CONFLICT = "conflict"
    DIPLOMACY = "diplomacy"

    @property
    def title(self) -> str:
        """Plain-words name shown in the map's layer control and legend."""
        return LAYER_TITLES[self]


LAYER_TITLES: dict[Layer, str] = {
    Layer.BORDERS: "Borders",
    Layer.MILITARY_DRILLS: "Military drills",
    Layer.MILITARY_PRESENCE: "Military presence",
    Layer.INFLUENCE: "Influence zones",
    Layer.TRAFFICKING_ROUTES: "Trafficking routes",
    Layer.CONFLICT: "Conflict",
    Layer.DIPLOMACY: "Diplomacy",
    Layer.PLACES: "Places",
}


FACT_STATUSES = ("ended", "denied", "planned")  # a fact's ``status``; None: happening


class PlaceKind(str, Enum):
    """What sort of place a gazetteer entry is."""

    CITY = "city"
    COUNTRY = "country"
    ADMIN1 = "admin1"
    REGION = "region"
    CONTINENT = "continent"
    HISTORICAL = "historical"
    FEATURE = "feature"


class MentionKind(str, Enum):
    """How the text refers to a place."""

    LITERAL = "literal"  # "in Kabul"
    DEMONYM = "demonym"  # "Russians"
    ADJECTIVE = "adjective"  # "Russian officials"
    METONYM = "metonym"  # "Moscow said"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``raw`` keeps the source row, as ``geopy.Location.raw`` does."""

    geonameid: str | None
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # GeoNames admin1 code or ISO 3166-2 code
    population: int = 0
    members: tuple[str, ...] = ()  # ISO-2 codes of a region's or historical entity's members
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        """Stable identifier: the GeoNames id, or ``kind:name`` for curated entries."""
        return self.geonameid or f"{self.kind.value}:{self.name}"


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with the ranker's confidence in it."""

    place: Place
    score: float


@dataclass(frozen=True)
class Mention:
    """One occurrence of a place name in the text: ``text[start:end] == surface``.

    ``place`` is ``None`` when the name was recognised but could not be resolved: an
    unresolved name is a result, not an error, and it is never silently dropped.
    """

    start: int
    end: int
    surface: str
    kind: MentionKind
    place: Place | None
    confidence: float = 1.0  # how sure the resolver is of ``place``
    alternatives: tuple[Candidate, ...] = ()  # runner-up candidates, best first


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a feature: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """A thematic statement of the article, e.g. a border or a drill, with its evidence.

    ``shape`` says how geometry draws it: ``border`` (shared line of the first two
    places), ``zone`` (area covering the places), ``route`` (line through the places in
    order) or ``point`` (at the first place, the host).
    """

    layer: Layer
    label: str
    places: tuple[Place, ...]
    evidence: tuple[Evidence, ...]
    shape: str = "point"
    # Who acts without being drawn: Russia for drills hosted by Uzbekistan, or for its
    # influence over Central Asia. Organisations (the Taliban) are never places.
    actors: tuple[Place, ...] = ()
    rivals: tuple[Place, ...] = ()  # competing powers, e.g. China in an influence fact
    qualifier: str = ""  # e.g. a border's direction ("north") or "withdrawal"
    # "current" (the news) or "historical" (background), with the year the text gives
    time: str = "current"
    year: int | None = None
    status: str | None = None  # one of FACT_STATUSES when the text says so
