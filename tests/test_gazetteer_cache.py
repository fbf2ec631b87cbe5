"""The gazetteer's cache file: what is read back is what was built, and a damaged or
stale cache is rebuilt rather than trusted."""

from __future__ import annotations

import marshal

import pytest

from geomap.gazetteer import Gazetteer, index


def _small_index() -> dict:
    """A three-entry index in :func:`geomap.gazetteer.build.build_index`'s layout."""
    from geomap.gazetteer.build import FORMAT_VERSION

    return {
        "format": FORMAT_VERSION,
        "geonameid": ["1", None, "3"],
        "name": ["Paris", "Île-de-France", "Paris"],
        "kind": [0, 2, 0],
        "lat": [48.85341, 48.5, 33.66094],
        "lon": [2.3488, 2.5, -95.55551],
        "cc": ["FR", "FR", None],
        "admin1": ["FR.11", None, "US.TX"],
        "population": [2138551, 0, 24782],
        "members": [(), ("FR",), ()],
        "key": ["geonames:1", "fr-idf", "geonames:3"],
        "names": {"ile de france": (1, 0), "paris": (0, 0, 2, 0, 1, 5), "pa.": (2, 1)},
        "zipf": {"paris": 4.5},
        "given": ["paris"],
        "capitals": [0],
    }


def test_the_cache_reads_back_what_was_built(tmp_path):
    data = _small_index()
    path = tmp_path / "g.marshal"
    index._write_atomic(path, data)
    back = index._read_cache(path)
    for col in ("geonameid", "name", "kind", "lat", "lon", "cc", "admin1", "population"):
        assert back[col] == data[col], col
    assert back["members"] == data["members"]
    assert back["zipf"] == data["zipf"] and list(back["given"]) == data["given"]
    names = back["names"]
    assert len(names) == 3 and list(names) == sorted(data["names"])
    assert {k: names[k] for k in names} == data["names"]
    assert names.get("london") is None and "london" not in names
    with pytest.raises(KeyError):
        names["london"]
    g, built = Gazetteer(back), Gazetteer(data)
    assert g.lookup("Paris") == built.lookup("Paris")
    assert g.get("fr-idf").members == ("FR",) and g.get("geonames:3").country_code is None


def test_a_damaged_or_foreign_cache_is_not_trusted(tmp_path):
    path = tmp_path / "g.marshal"
    index._write_atomic(path, _small_index())
    path.write_bytes(path.read_bytes()[:1000])  # cut short
    with pytest.raises((ValueError, EOFError)):
        index._read_cache(path)
    path.write_bytes(marshal.dumps({"format": -1}))  # another version's layout
    with pytest.raises(ValueError):
        index._read_cache(path)


def test_names_with_a_separator_are_refused():
    data = _small_index()
    data["names"]["bad\x00name"] = (0, 0)
    with pytest.raises(ValueError):
        index.pack(data)
