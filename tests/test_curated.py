"""Tests for the curated gazetteer files in geodata/curated/ and their checker."""

from __future__ import annotations

import math
import shutil
from collections import Counter
from pathlib import Path

import pytest

from geodata_scripts import load

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "geodata" / "curated"


checker = load("check_curated")
build_points = load("build_points")


def _table(file: str) -> list[dict[str, str]]:
    return [row.cells for row in checker.read_tsv(CURATED / file)[1]]


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_curated_files_are_valid() -> None:
    problems = checker.check_curated(CURATED)
    assert [str(p) for p in problems] == []


def test_main_exit_code_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert checker.main([str(CURATED)]) == 0
    out = capsys.readouterr().out
    assert "demonyms.tsv" in out and "0 problem(s)" in out


@pytest.mark.parametrize(
    ("form", "target", "kind"),
    [
        ("Russian", "RU", "adjective"),
        ("Russians", "RU", "demonym"),
        ("Tajik", "TJ", "adjective"),
        ("Afghans", "AF", "demonym"),
        ("Palestinian", "PS", "adjective"),
        ("Soviet", "soviet-union", "adjective"),
        ("Kurds", "kurdistan", "demonym"),
        ("Texans", "US-TX", "demonym"),
        ("Muscovites", "geonames:524901", "demonym"),
        ("Farsi", "IR", "language"),
    ],
)
def test_demonym_must_haves(form: str, target: str, kind: str) -> None:
    rows = [r for r in _table("demonyms.tsv") if r["form"] == form]
    assert [(r["target"], r["kind"]) for r in rows] == [(target, kind)]


def test_every_country_with_a_demonym_table_entry_is_known() -> None:
    targets = {r["target"] for r in _table("demonyms.tsv")}
    assert {"US", "GB", "CN", "RU", "UZ", "KG", "TM", "KZ", "TJ", "AF", "IR", "PK"} <= targets


def test_caucasian_is_left_out() -> None:
    assert "Caucasian" not in {r["form"] for r in _table("demonyms.tsv")}


def test_central_asia_members() -> None:
    row = next(r for r in _table("regions.tsv") if r["key"] == "central-asia")
    assert set(row["members"].split("|")) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert row["kind"] == "region"


def test_european_union_has_27_members() -> None:
    row = next(r for r in _table("regions.tsv") if r["key"] == "european-union")
    assert len(row["members"].split("|")) == 27
    assert "GB" not in row["members"].split("|")


def test_soviet_union_has_15_members() -> None:
    row = next(r for r in _table("historical.tsv") if r["key"] == "soviet-union")
    members = set(row["members"].split("|"))
    assert len(members) == 15
    assert {"RU", "UA", "TJ", "EE"} <= members
    assert "USSR" in row["aliases"].split("|")


def test_country_points_follow_one_convention() -> None:
    """Every state is at GeoNames' own point for it (geodata/sources/), territories at
    their mainland's centroid (Natural Earth); no point is taken from a corpus."""
    rows = {r["iso2"]: r for r in _table("country_points.tsv")}
    sources = Counter(r["source"] for r in rows.values())
    assert sources["geonames"] >= 190 and sources["curated"] <= 1
    us = rows["US"]
    assert us["source"] == "geonames"
    # the contiguous states' centre (not Alaska's pull), near Lebanon, Kansas
    assert _haversine_km(float(us["lat"]), float(us["lon"]), 39.83, -98.58) < 100
    # a territory the GeoNames source lacks falls back to Natural Earth, on the island
    pr = rows["PR"]
    assert pr["source"] == "naturalearth"
    assert _haversine_km(float(pr["lat"]), float(pr["lon"]), 18.22, -66.43) < 60


def test_curated_points_are_up_to_date_with_their_sources() -> None:
    """geodata/build_points.py writes every point that a source gives: a hand edit of one
    of them, or a changed source, shows up here."""
    assert build_points.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("key", "lat", "lon", "tolerance_km"),
    [
        ("central-america", 13.0, -86.0, 400),  # was in north-eastern Mexico
        ("middle-east", 29.0, 44.0, 600),
        ("nagorno-karabakh", 39.8, 46.75, 30),
        ("transnistria", 47.25, 29.4, 100),
        ("donbas", 48.3, 38.5, 150),
        ("soviet-union", 55.75, 37.62, 5),  # Moscow
        ("carolinas", 34.7, -79.7, 150),  # "the Carolinas" was no place
        ("mid-atlantic", 40.5, -76.1, 150),  # "the Mid-Atlantic" was the Atlantic Ocean
    ],
)
def test_region_points_are_where_the_place_is(
    key: str, lat: float, lon: float, tolerance_km: float
) -> None:
    rows = {r["key"]: r for f in ("regions.tsv", "historical.tsv") for r in _table(f)}
    row = rows[key]
    assert _haversine_km(float(row["lat"]), float(row["lon"]), lat, lon) <= tolerance_km


def test_only_continents_carry_geonames_ids() -> None:
    """The other ids were checked against GeoWebNews' gold: none is kept."""
    rows = [r for f in ("regions.tsv", "historical.tsv") for r in _table(f)]
    assert all(not r["geonameid"] or r.get("kind") == "continent" for r in rows)


def test_continents_carry_geonames_ids() -> None:
    continents = {r["key"]: r for r in _table("regions.tsv") if r["kind"] == "continent"}
    assert set(continents) == {
        "africa",
        "antarctica",
        "asia",
        "europe",
        "north-america",
        "oceania",
        "south-america",
    }
    assert continents["europe"]["geonameid"] == "6255148"


@pytest.mark.parametrize(
    ("alias", "target"),
    [
        ("U.S.", "US"),
        ("Burma", "MM"),
        ("England", "GB-ENG"),
        ("D.C.", "geonames:4140963"),
        ("Ill.", "US-IL"),
        ("B.C.", "CA-BC"),
        ("Karen State", "MM-13"),  # "fighting spread in Karen State" was no place
    ],
)
def test_alias_must_haves(alias: str, target: str) -> None:
    rows = [r for r in _table("aliases.tsv") if r["alias"] == alias]
    assert [r["target"] for r in rows] == [target]


@pytest.mark.parametrize("word", ["IN", "OR", "ME", "OK", "HI"])
def test_english_word_postal_codes_are_left_out(word: str) -> None:
    assert word not in {r["alias"] for r in _table("aliases.tsv")}


def _corrupt(tmp_path: Path, file: str, old: str, new: str) -> Path:
    directory = tmp_path / "curated"
    shutil.copytree(CURATED, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("demonyms.tsv", "Tajik\tTJ\t", "Tajik\tQQ\t", "unknown country 'QQ'"),
        ("demonyms.tsv", "Texan\tUS-TX\t", "Texan\tUS-ZZ\t", "unknown ISO 3166-2 code 'US-ZZ'"),
        ("demonyms.tsv", "Muscovite\tgeonames:524901", "Muscovite\tgeonames:1", "not in cities500"),
        ("country_points.tsv", "\t33\t66\t", "\t95\t66\t", "lat 95.0 outside"),
        ("regions.tsv", "\tadmin1:MD-SN\n", "\tadmin1:MD-ZZ\n", "unknown ISO 3166-2 code 'MD-ZZ'"),
        ("regions.tsv", "\tgeonames:146970\n", "\tgeonames:1\n", "not in cities500"),
        ("regions.tsv", "\tKG|KZ|TJ|TM|UZ\t", "\tKG|KZ|TJ|TM|XX\t", "unknown country 'XX'"),
        ("aliases.tsv", "Burma\tMM\t", "Burma\tMM\textra\t", "4 columns, expected 3"),
        ("historical.tsv", "key\tname", "id\tname", "header"),
    ],
)
def test_checker_reports_problems(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    directory = _corrupt(tmp_path, file, old, new)
    problems = checker.check_curated(directory)
    assert any(expected in str(p) and p.file == file for p in problems), problems
    assert checker.main([str(directory)]) == 1


def test_checker_reports_duplicate_form(tmp_path: Path) -> None:
    directory = _corrupt(
        tmp_path,
        "demonyms.tsv",
        "Tajiks\tTJ\tdemonym\n",
        "Tajiks\tTJ\tdemonym\nTajiks\tUZ\tdemonym\n",
    )
    messages = [str(p) for p in checker.check_curated(directory)]
    assert any("duplicate form" in m for m in messages)


@pytest.mark.parametrize(("file", "column"), [("demonyms.tsv", "form"), ("aliases.tsv", "alias")])
def test_blocs_and_peoples_are_no_places(file: str, column: str) -> None:
    """GUIDELINES: a political bloc ("the West", "Western governments") is not a place, nor
    is a people spanning many states ("Arab officials")."""
    forms = {row[column] for row in _table(file)}
    assert not {"West", "the West", "Western", "Westerners", "Arab", "Arabs", "Arabic"} & forms


def test_metonym_notes_mark_buildings_standing_for_a_place() -> None:
    notes = {row["alias"]: row["note"] for row in _table("aliases.tsv")}
    for alias in ("Kremlin", "White House", "Pentagon", "Foggy Bottom", "Downing Street"):
        assert "metonym for" in notes[alias].lower(), alias


def test_checker_allows_an_alias_of_two_places_once_each(tmp_path: Path) -> None:
    """ "Congo" names both Congos (the context chooses); the same row twice is a slip."""
    assert not [p for p in checker.check_curated(CURATED) if "duplicate alias" in str(p)]
    directory = _corrupt(tmp_path, "aliases.tsv", "Burma\tMM\t", "Burma\tMM\t\nBurma\tMM\t")
    messages = [str(p) for p in checker.check_curated(directory)]
    assert any("duplicate alias" in m for m in messages)
