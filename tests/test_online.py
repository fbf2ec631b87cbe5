"""Opt-in online geocoding: rate-limited, cached on disk, and offline when it must be."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.location import Location
from geopy.point import Point

from geomap.article import read_text
from geomap.geoparse import geoparse
from geomap.online import OnlineGeocoder, place_online
from geomap.story import build_story


class FakeNominatim:
    """Stands in for geopy's Nominatim: answers from a dict and counts the calls."""

    def __init__(self, answers: dict[str, tuple[float, float]], fail: bool = False) -> None:
        self.answers = answers
        self.fail = fail
        self.calls: list[str] = []

    def geocode(self, query: str, **_: object) -> Location | None:
        self.calls.append(query)
        if self.fail:
            raise GeocoderUnavailable("no network")
        hit = self.answers.get(query)
        return None if hit is None else Location(f"{query} (online)", Point(*hit), {})


TEXT = (
    "Crowds gathered on Royal Street in New Orleans on Sunday. "
    "Later they marched to Zqxville, which no gazetteer knows.\n"
)


def test_streets_and_unknown_names_are_placed_online_and_cached(tmp_path, parser):
    fake = FakeNominatim({"Royal Street, New Orleans": (29.9601, -90.0630)})
    online = OnlineGeocoder(cache_dir=tmp_path, geocoder=fake, min_delay_seconds=0)
    mentions = place_online(geoparse(read_text(TEXT), parser=parser), online)
    royal = next(m for m in mentions if m.surface == "Royal Street")
    assert (royal.place.lat, royal.place.lon) == (29.9601, -90.063)
    assert royal.place.raw["source"] == "nominatim"
    new_orleans = next(m for m in mentions if m.surface == "New Orleans")
    assert new_orleans.place.geonameid  # well placed offline: never sent online
    assert "New Orleans" not in fake.calls
    cache = json.loads((tmp_path / "online-nominatim.json").read_text(encoding="utf-8"))
    assert cache["Royal Street, New Orleans"][:2] == [29.9601, -90.063]
    # a second run reads the disk cache and asks the network nothing
    again = FakeNominatim({})
    second = OnlineGeocoder(cache_dir=tmp_path, geocoder=again, min_delay_seconds=0)
    place_online(geoparse(read_text(TEXT), parser=parser), second)
    assert again.calls == []


def test_network_failure_falls_back_to_offline_once(tmp_path, parser, caplog):
    fake = FakeNominatim({}, fail=True)
    online = OnlineGeocoder(cache_dir=tmp_path, geocoder=fake, min_delay_seconds=0)
    offline = geoparse(read_text(TEXT), parser=parser)
    mentions = place_online(offline, online)
    assert mentions == offline
    assert len(fake.calls) == 1  # gave up after the first failure
    assert sum("unavailable" in r.message for r in caplog.records) == 1


def test_build_story_with_online_geocoder(tmp_path, gazetteer):
    fake = FakeNominatim({"Royal Street, New Orleans": (29.9601, -90.0630)})
    online = OnlineGeocoder(cache_dir=tmp_path, geocoder=fake, min_delay_seconds=0)
    story = build_story(read_text(TEXT), gazetteer=gazetteer, online=online)
    labels = {f["properties"]["label"]: f for f in story.layer("places")}
    assert labels["Royal Street"]["geometry"]["coordinates"] == [-90.063, 29.9601]


def test_unknown_provider_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown geocoder"):
        OnlineGeocoder("google", cache_dir=tmp_path)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_with_unreachable_nominatim_still_builds(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    code = (
        "import sys, geomap.online as o\n"
        "orig = o.OnlineGeocoder.__init__\n"
        "def init(self, provider='nominatim', **kw):\n"
        f"    kw.update(domain='127.0.0.1:{_closed_port()}', scheme='http', timeout=2,\n"
        f"              cache_dir={str(tmp_path)!r}, min_delay_seconds=0)\n"
        "    orig(self, provider, **kw)\n"
        "o.OnlineGeocoder.__init__ = init\n"
        "from geomap.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    out = tmp_path / "m.html"
    r = subprocess.run(
        [sys.executable, "-c", code, "build", str(article), "-o", str(out), "--geocoder", "nominatim"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert out.exists() and out.with_suffix(".geojson").exists()
    assert "continuing offline" in r.stderr
