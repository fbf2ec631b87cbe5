"""Shared fixtures: the full offline gazetteer and geoparser, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "articles" / "moscow-times-2021-08-16-kabul.txt"


@pytest.fixture(scope="session")
def gazetteer():
    from geomap.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def parser(gazetteer):
    from geomap.geoparse import Geoparser

    return Geoparser(gazetteer)
