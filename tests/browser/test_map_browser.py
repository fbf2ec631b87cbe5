"""A map is only tested once a real browser has opened it: Playwright + Debian's Chromium.

Each page is opened from file:// with every request, console message, page error and
dialog recorded. Chromium missing is a failure with a clear message, never a skip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from geomap.render import save_html, save_png
from geomap.render.export import wait_for_map
from geomap.render.features import prepare_story

STORIES = Path(__file__).parent.parent / "data" / "stories"
STORY_NAMES = sorted(p.stem for p in STORIES.glob("*.geojson"))


def load(name: str) -> dict:
    return json.loads((STORIES / f"{name}.geojson").read_text(encoding="utf-8"))


@dataclass
class Visit:
    """An open map page and everything it did while loading and being used."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("maps")
    return {name: save_html(load(name), folder / f"{name}.html") for name in STORY_NAMES}


def open_map(browser: Browser, path: Path) -> Visit:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    visit = Visit(page=page, url=path.resolve().as_uri())
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "console",
        lambda msg: (
            visit.errors.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda err: visit.errors.append(f"page error: {err}"))

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(visit.url)
    wait_for_map(page)
    return visit


@pytest.fixture
def visit(browser: Browser, pages: dict[str, Path], request: pytest.FixtureRequest) -> Iterator:
    opened: list[Visit] = []

    def _open(name: str) -> Visit:
        opened.append(open_map(browser, pages[name]))
        return opened[-1]

    yield _open
    for v in opened:
        v.page.close()


def layer_classes(name: str) -> dict[str, str]:
    """Layer title -> CSS class its elements carry."""
    return {
        layer.title: "geomap-layer-" + layer.layer for layer in prepare_story(load(name)).layers
    }


def count(page: Page, css_class: str) -> int:
    return page.evaluate("c => document.getElementsByClassName(c).length", css_class)


def control_labels(page: Page) -> list[str]:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll("
        "'.leaflet-control-layers-overlays label')).map(l => l.textContent.trim())"
    )


def click_until_popup(page: Page, selector: str, wanted: str) -> str:
    """Click each matching element until a popup whose title is ``wanted`` opens."""
    elements = page.locator(selector)
    for i in range(elements.count()):
        elements.nth(i).dispatch_event("click")
        # A closing popup fades out for a moment: the newest one is last.
        popup = page.locator(".leaflet-popup-content").last
        if popup.count() and popup.locator(".geomap-popup-title").text_content() == wanted:
            return popup.text_content() or ""
    raise AssertionError(f"no element of {selector} opened a popup titled {wanted!r}")


@pytest.mark.parametrize("name", STORY_NAMES)
def test_page_loads_offline_without_errors(visit, name: str) -> None:
    v = visit(name)
    v.page.wait_for_timeout(200)  # let late requests (fonts, images) show up
    assert v.errors == []
    assert v.requests == [v.url]
    assert v.dialogs == []


@pytest.mark.parametrize("name", STORY_NAMES)
def test_layer_control_lists_exactly_the_story_layers(visit, name: str) -> None:
    v = visit(name)
    assert control_labels(v.page) == list(layer_classes(name))
    assert v.page.locator(".leaflet-control-layers-base label").count() == 0


def test_unticking_a_layer_removes_it_and_ticking_restores_it(visit) -> None:
    v = visit("kabul_central_asia")
    classes = layer_classes("kabul_central_asia")
    assert len(classes) == 8
    for title, css_class in classes.items():
        before = count(v.page, css_class)
        assert before > 0, title
        others = {c: count(v.page, c) for c in classes.values() if c != css_class}
        checkbox = v.page.get_by_role("checkbox", name=title, exact=True)
        checkbox.uncheck()
        assert count(v.page, css_class) == 0, title
        assert {c: count(v.page, c) for c in others} == others  # the rest stays
        checkbox.check()
        assert count(v.page, css_class) == before, title
    assert v.errors == []


def test_route_has_direction_arrows(visit) -> None:
    v = visit("kabul_central_asia")
    arrows = v.page.locator(".geomap-layer-trafficking_routes.geomap-arrow")
    assert arrows.count() >= 3
    assert arrows.first.locator("svg path").get_attribute("transform").startswith("rotate(")


def test_clicking_a_place_shows_its_evidence(visit) -> None:
    v = visit("kabul_central_asia")
    story = load("kabul_central_asia")
    kabul = next(f for f in story["features"] if f["properties"]["id"] == "place:1138958")
    text = click_until_popup(v.page, "path.geomap-layer-places", "Kabul")
    for ev in kabul["properties"]["evidence"]:
        assert ev["text"] in text
    marks = v.page.locator(".leaflet-popup-content").last.locator("mark").all_text_contents()
    assert marks and set(marks) == {"Kabul"}
    assert "Kabul: the city (97%), not Kabul" in text


def test_clicking_a_fact_shows_its_evidence(visit) -> None:
    v = visit("kabul_central_asia")
    text = click_until_popup(v.page, ".geomap-layer-conflict", "Clashes in Kabul")
    assert "clashes between Taliban forces and an armed group" in text


def test_ambiguous_place_says_how_sure_it_is(visit) -> None:
    v = visit("georgia_ambiguous")
    text = click_until_popup(v.page, "path.geomap-layer-places", "Georgia")
    assert "Georgia: the country (92%), not Georgia, US state (7%)" in text


def test_hostile_text_shows_literally_and_runs_nothing(visit) -> None:
    v = visit("hostile")
    page = v.page
    card = page.locator(".geomap-title-card").text_content() or ""
    assert "Breaking <script>alert(1)</script> news from Kabul" in card
    assert "Not placed: <script>alert(1)</script> (2), ${x}`\\1, {{ 7*7 }}{% endif %}" in card
    assert page.title() == "Breaking <script>alert(1)</script> news from Kabul"
    assert page.locator(".geomap-title-card a").count() == 0  # javascript: url dropped

    text = click_until_popup(page, "path.geomap-layer-places", "Kabul")
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "`${x}` and \\1 and \\u0041 and </script><script>alert(2)</script>" in text
    assert "A spokesman's note" in text
    text = click_until_popup(
        page, ".geomap-layer-diplomacy", "Talks <img src=x onerror=alert(3)> in Moscow"
    )
    assert "{{ 7*7 }} and {% if x %} and {# and </style> problems." in text

    page.wait_for_timeout(100)
    assert v.dialogs == []
    assert v.errors == []
    injected = page.evaluate(
        """() => ({
            img: document.querySelectorAll('img').length,
            onerror: document.querySelectorAll('[onerror]').length,
            alertScripts: Array.from(document.scripts)
                .filter(s => /^\\s*alert\\(/.test(s.textContent)).length,
            jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
        })"""
    )
    assert injected == {"img": 0, "onerror": 0, "alertScripts": 0, "jsLinks": 0}
    assert re.fullmatch(r"file://.*hostile\.html", v.requests[0]) and len(v.requests) == 1


def test_png_export(pages: dict[str, Path], tmp_path: Path) -> None:
    png = save_png(pages["kabul_central_asia"], tmp_path / "shots" / "kabul.png", width=900)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 900  # IHDR width
    assert len(data) > 30_000
