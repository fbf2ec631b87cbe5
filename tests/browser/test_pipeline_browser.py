"""The whole product in a real browser: ``geomap build`` on real articles, then Chromium.

Unlike test_map_browser.py (hand-made fixture stories), these maps come from the real
pipeline -- ingest, geoparse, themes, story, render -- run as the command a user types.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_map_browser import Visit, click_until_popup, control_labels, count, open_map

from geomap.render.style import layer_sort_key, layer_title

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = {
    "demo": ROOT / "examples" / "kabul-2021.md",
    "seed": ROOT.parent / "shared" / "articles" / "moscow-times-2021-08-16-kabul.txt",
}
HOSTILE_TITLE = "Breaking <script>alert(1)</script> news from Kabul"
HOSTILE_LINE = (
    "Witnesses in Kabul saw <img src=x onerror=alert(1)> and `${x}` and \\1 and {{ 7*7 }}."
)
HOSTILE = (
    f"{HOSTILE_TITLE}\n\n{HOSTILE_LINE}\n"
    "A spokesman's note from Moscow said </script><script>alert(2)</script> was nothing.\n"
)


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build every map once, in parallel processes, exactly as a user would."""
    folder = tmp_path_factory.mktemp("pipeline")
    sources = dict(ARTICLES, hostile=folder / "hostile.txt")
    sources["hostile"].write_text(HOSTILE, encoding="utf-8")
    started = time.perf_counter()
    runs = {
        name: subprocess.Popen(
            [sys.executable, "-m", "geomap.cli", "build", str(src), "-o", str(folder / f"{name}.html")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, src in sources.items()
    }  # fmt: skip
    for name, proc in runs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"{name}: {err}"
    print(f"\nbuilt {len(runs)} maps in parallel in {time.perf_counter() - started:.1f} s")
    return {name: folder / f"{name}.html" for name in sources}


@pytest.fixture(scope="module")
def visits(browser: Browser, maps: dict[str, Path]) -> Iterator[dict[str, Visit]]:
    """Each map opened once; the load is timed (reported, not asserted)."""
    opened = {}
    for name, path in maps.items():
        started = time.perf_counter()
        opened[name] = open_map(browser, path)
        ready = time.perf_counter() - started
        paint = opened[name].page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
        )
        print(f"{name}: {path.stat().st_size / 1024:.0f} KB, first contentful paint "
              f"{paint or 0:.0f} ms, map ready {1000 * ready:.0f} ms")  # fmt: skip
    yield opened
    for visit in opened.values():
        visit.page.close()


def story_of(path: Path) -> dict:
    return json.loads(path.with_suffix(".geojson").read_text(encoding="utf-8"))


def story_layers(path: Path) -> list[str]:
    return sorted(
        {f["properties"]["layer"] for f in story_of(path)["features"]}, key=layer_sort_key
    )


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_map_loads_offline_without_errors(visits, name):
    v = visits[name]
    v.page.wait_for_timeout(100)  # late requests (fonts, images) would show up now
    assert v.errors == []
    assert v.requests == [v.url]
    assert v.dialogs == []


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_layer_control_lists_every_story_layer(visits, maps, name):
    layers = story_layers(maps[name])
    assert len(layers) >= 5  # places and several thematic layers
    assert control_labels(visits[name].page) == [layer_title(layer) for layer in layers]


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_toggling_a_layer_removes_and_restores_it(visits, maps, name):
    page = visits[name].page
    for layer in story_layers(maps[name]):
        css_class = f"geomap-layer-{layer}"
        before = count(page, css_class)
        assert before > 0, layer
        checkbox = page.get_by_role("checkbox", name=layer_title(layer), exact=True)
        checkbox.uncheck()
        assert count(page, css_class) == 0, layer
        checkbox.check()
        assert count(page, css_class) == before, layer
    assert visits[name].errors == []


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_clicking_kabul_shows_its_evidence(visits, maps, name):
    kabul = next(
        f["properties"]
        for f in story_of(maps[name])["features"]
        if f["properties"]["id"] == "place:1138958"
    )
    text = click_until_popup(visits[name].page, "path.geomap-layer-places", "Kabul")
    assert any(ev["text"] in text for ev in kabul["evidence"])
    assert "mention" in text


def test_hostile_article_shows_literally_and_runs_nothing(visits, maps):
    v = visits["hostile"]
    page = v.page
    title = story_of(maps["hostile"])["article"]["title"]  # ingest drops tags from titles
    assert "Kabul" in title and page.title() == title
    assert title in (page.locator(".geomap-title-card").text_content() or "")
    text = click_until_popup(page, "path.geomap-layer-places", "Kabul")
    assert HOSTILE_LINE in text
    text = click_until_popup(page, "path.geomap-layer-places", "Moscow")
    assert "A spokesman's note from Moscow said </script><script>alert(2)</script>" in text
    page.wait_for_timeout(100)
    assert v.dialogs == []
    assert v.errors == []
    assert page.evaluate("() => document.querySelectorAll('img, [onerror]').length") == 0
    assert v.requests == [v.url]


@pytest.mark.parametrize("name", ["demo", "seed"])
def test_map_opens_on_the_story_with_readable_labels(browser, maps, name):
    page = open_map(browser, maps[name]).page  # fresh: an open popup hides a label
    view = page.evaluate(
        """() => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            const b = map.getBounds();
            return {west: b.getWest(), east: b.getEast(), south: b.getSouth(),
                    north: b.getNorth(), kabul: b.contains([34.53, 69.17])};
        }"""
    )
    assert view["kabul"], view  # the story's centre is in view...
    assert view["east"] - view["west"] < 150, view  # ...not a world map of every aside
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.leaflet-tooltip.geomap-label'))
            .filter(t => getComputedStyle(t).visibility !== 'hidden')
            .map(t => { const r = t.getBoundingClientRect();
                        return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""
    )
    # labels that would collide move to another side or give way (decluttering)
    assert {"Afghanistan", "Russia", "Kabul", "Moscow"} <= {b[0] for b in boxes}
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, f"labels {a[0]!r} and {b[0]!r} overlap"
    page.close()


def test_labels_that_give_way_come_back_when_zoomed_in(browser, maps):
    page = open_map(browser, maps["demo"]).page

    def visible() -> set[str]:
        return set(
            page.evaluate(
                """() => Array.from(document.querySelectorAll('.leaflet-tooltip.geomap-label'))
                    .filter(t => getComputedStyle(t).visibility !== 'hidden')
                    .map(t => t.textContent)"""
            )
        )

    page.evaluate(
        """() => { const map = Object.values(window).find(v => v instanceof L.Map);
                   map.setView([37.5, 70.5], 7, {animate: false}); }"""
    )
    page.wait_for_timeout(300)
    assert {"Badakhshan", "Dushanbe", "Tajikistan"} <= visible()
    page.close()
