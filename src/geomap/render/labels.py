"""Names on the offline basemap: countries, seas and capitals, read once per process.

Built by ``geodata/build_basemap_labels.py`` (sources and licences there and in
``geodata/README.md``). Each row carries the zoom from which its name fits, so small
states do not clutter a world view.
"""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources

logger = logging.getLogger(__name__)

Label = tuple[str, str, float, float, float]  # kind, name, lat, lon, min_zoom


@functools.cache
def basemap_labels() -> tuple[Label, ...]:
    """All basemap labels as ``(kind, name, lat, lon, min_zoom)``, largest first.

    ``kind`` is ``"country-big"``, ``"country"``, ``"sea"`` or ``"city"``. An unreadable
    file gives no labels (and a warning), never a failed map.
    """
    try:
        text = (
            resources.files("geomap")
            .joinpath("data", "basemap_labels.json")
            .read_text(encoding="utf-8")
        )
        rows = json.loads(text)
        return tuple(
            (str(k), str(n), float(lat), float(lon), float(z)) for k, n, lat, lon, z in rows
        )
    except (OSError, ValueError, TypeError) as err:
        logger.warning("basemap names failed to load (%s); drawing the map without them", err)
        return ()
