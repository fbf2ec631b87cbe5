"""Leaflet's JS and CSS, inlined from the ``xstatic-leaflet`` package.

folium links Leaflet, jQuery, Bootstrap and Font-Awesome from CDNs; a geomap page needs
only Leaflet and must open with no network, so the map class below drops the CDN links
and inlines Leaflet itself, with the CSS's images turned into ``data:`` URIs.
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path

import folium
from branca.element import Element, Figure

LEAFLET_CDN = "https://cdn.jsdelivr.net/npm/leaflet@{version}/dist/leaflet.{ext}"


@functools.lru_cache(maxsize=1)
def _leaflet_dir() -> tuple[Path, str]:
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR), str(xleaflet.VERSION)


def leaflet_version() -> str:
    """Version of the Leaflet shipped by ``xstatic-leaflet`` (the CDN link uses the same)."""
    return _leaflet_dir()[1]


@functools.lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, safe to put inside a ``<script>`` element."""
    code = (_leaflet_dir()[0] / "leaflet.js").read_text(encoding="utf-8")
    # A literal "</script" would end the inline element early.
    return code.replace("</script", "<\\/script")


@functools.lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's CSS with every referenced image inlined as a ``data:`` URI."""
    base = _leaflet_dir()[0]
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        image = base / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css).replace("</style", "<\\/style")


class RawHtml(Element):
    """Markup inserted as is: branca would parse an ``Element``'s text as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        """Return the markup unchanged."""
        return self.text


class GeomapMap(folium.Map):
    """A folium ``Map`` that brings only Leaflet: inlined by default, or from a CDN.

    ``cdn`` is stored per instance so two maps in one process can differ.
    """

    default_js: list[tuple[str, str]] = []  # noqa: RUF012  (folium's own API is a class list)
    default_css: list[tuple[str, str]] = []  # noqa: RUF012

    def __init__(self, *args: object, cdn: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.cdn = cdn
        self.language = ""  # the article's language tag for <html lang>, "" when unknown

    def render(self, **kwargs: object) -> None:
        """Put Leaflet in the page header, then render as folium does."""
        figure = self.get_root()
        assert isinstance(figure, Figure)
        version = leaflet_version()
        if self.cdn:
            js = f'<script src="{LEAFLET_CDN.format(version=version, ext="js")}"></script>'
            css = (
                f'<link rel="stylesheet" href="{LEAFLET_CDN.format(version=version, ext="css")}"/>'
            )
        else:
            js = f"<script>{leaflet_js()}</script>"
            css = f"<style>{leaflet_css()}</style>"
        figure.header.add_child(RawHtml(js), name="leaflet_js")
        figure.header.add_child(RawHtml(css), name="leaflet_css")
        super().render(**kwargs)
