"""Ways out of the HTML page: embed snippets for reports and a PNG via headless Chromium."""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from html import escape, unescape
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError, OutputError
from geomap.files import read_text_file, write_bytes_atomic

logger = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
RENDER_TIMEOUT_MS = 15_000
STILL_FRAGMENT = "#geomap-still"  # the page hides its controls and opens its legend


def _size(value: str | int) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"\d+(\.\d+)?(%|px|em|rem|vh|vw)?", text):
        raise ValueError(f"not a CSS size: {value!r}")
    return text


def _attr(value: str) -> str:
    """``value`` safe inside a double-quoted HTML attribute of a snippet pasted anywhere.

    Quotes and markup are escaped; ``{{``, ``{%`` and ``{#`` become ``&#123;`` + the
    second character, so a template engine (Jinja, Django, Vue, Angular) rendering the host
    page never sees a tag. The browser decodes the entity, so the attribute's value is kept.
    """
    return re.sub(r"\{(?=[{%#])", "&#123;", escape(value, quote=True))


def embed_snippets(
    html_path: str | Path, *, width: str | int = "100%", height: str | int = 600
) -> dict[str, str]:
    """HTML to put a saved map into another page.

    Parameters
    ----------
    html_path : str or Path
        A map page written by :func:`save_html`.
    width, height : str or int
        CSS sizes of the frame (ints are pixels).

    Returns
    -------
    dict
        ``"iframe"``: a frame that loads the file by its name (keep the map beside the
        page); ``"inline"``: the whole map inside the frame's ``srcdoc``, so the snippet
        alone is enough. Both are sandboxed frames, so the map's ids and scripts cannot
        clash with the host page.

    Raises
    ------
    OutputError
        If the map file cannot be read.
    ValueError
        If ``width`` or ``height`` is not a CSS size.
    """
    path = Path(html_path)
    try:
        page = read_text_file(path, OutputError)
    except OutputError as err:
        raise OutputError(f"cannot read {err}") from err
    found = re.search(r"<title>(.*?)</title>", page, re.S | re.I)
    # the page's title as text (its entities decoded), on one line
    title = " ".join(unescape(re.sub(r"<[^>]*>", "", found.group(1))).split()) if found else ""
    w, h = _size(width), _size(height)
    if w.isdigit():
        w += "px"
    if h.isdigit():
        h += "px"
    common = (
        f'title="{_attr(title or "Map")}" '
        f'style="width:{w};height:{h};border:0" loading="lazy" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"'
    )
    return {
        "iframe": f'<iframe src="{_attr(path.name)}" {common}></iframe>',
        "inline": f'<iframe srcdoc="{_attr(page)}" {common}></iframe>',
    }


def launch_chromium(playwright: Any) -> Any:
    """Start Debian's headless Chromium with network-quiet flags.

    Raises
    ------
    GeomapError
        If ``/usr/bin/chromium`` is missing.
    """
    if not Path(CHROMIUM).exists():
        raise GeomapError(f"{CHROMIUM} not found: install Debian's 'chromium' package")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))


def wait_for_map(page: Any) -> None:
    """Wait until Leaflet has built the map, its layer control and drawn the story."""
    page.wait_for_selector(".leaflet-control-layers", state="attached", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(
        "document.querySelectorAll('.geomap-f, .geomap-basemap').length > 0",
        timeout=RENDER_TIMEOUT_MS,
    )
    frames = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    page.evaluate(frames)
    # fitBounds may start a zoom animation; the vectors are redrawn when it ends.
    page.wait_for_function(
        "!document.querySelector('.leaflet-zoom-anim')", timeout=RENDER_TIMEOUT_MS
    )
    page.wait_for_timeout(50)
    page.evaluate(frames)


MAX_PNG_PIXELS = 8000  # per side, after scaling: larger pictures exhaust Chromium


def check_png_size(width: int, height: int | None, scale: float) -> int:
    """Return the picture height (two thirds of ``width`` by default) once all is valid.

    Raises
    ------
    ValueError
        If a size or the scale is not positive, or the picture is too large.
    """
    height = round(width * 2 / 3) if height is None else height
    if width < 1 or height < 1 or not scale > 0:
        raise ValueError(f"PNG size must be positive: {width}x{height} at scale {scale}")
    if max(width, height) * scale > MAX_PNG_PIXELS:
        raise ValueError(
            f"PNG larger than {MAX_PNG_PIXELS} pixels a side: lower --width or --scale"
        )
    return height


def save_png(
    html_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1200,
    height: int | None = None,
    scale: float = 1.0,
) -> Path:
    """Screenshot a saved map page with headless Chromium, as a still picture.

    The page is opened in its still mode (``#geomap-still``): no zoom buttons or layer
    checkboxes, the legend open, title card and source credit kept, framed for that.
    Requests that leave the machine are blocked, so an offline page renders the same
    picture everywhere and an online-tiles page simply shows no tiles.

    Parameters
    ----------
    html_path : str or Path
        A map page written by :func:`save_html`.
    png_path : str or Path
        Where to write the PNG (written atomically; parents created).
    width, height : int
        Picture size in CSS pixels; ``height`` defaults to two thirds of ``width``.
    scale : float
        Device pixel ratio: ``2`` gives a picture twice as wide and high, as sharp as
        print or a high-density screen needs, with the same layout.

    Returns
    -------
    Path
        The written PNG.

    Raises
    ------
    GeomapError
        If Playwright or Chromium is missing or the page does not render in time.
    OutputError
        If the PNG cannot be written.
    ValueError
        If the size or scale is not positive or the picture would be too large.
    """
    height = check_png_size(width, height, scale)
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise GeomapError("PNG export needs playwright: pip install 'geomap[png]'") from err
    source = Path(html_path).resolve()
    if not source.is_file():
        raise OutputError(f"no map page at {source}")

    def shoot() -> bytes:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                page = browser.new_page(
                    viewport={"width": width, "height": height}, device_scale_factor=scale
                )
                page.route(re.compile(r"^(?!file:|data:|about:).*"), lambda route: route.abort())
                page.goto(source.as_uri() + STILL_FRAGMENT)
                wait_for_map(page)
                return page.screenshot(type="png")
            finally:
                browser.close()

    # Playwright's sync API refuses to run inside an event loop (Jupyter, or another
    # Playwright session); a worker thread has none.
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            data = pool.submit(shoot).result()
        except PlaywrightError as err:
            raise GeomapError(f"PNG export failed: {err.message.splitlines()[0]}") from err
    return write_bytes_atomic(png_path, data)
