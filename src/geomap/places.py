"""The places of one article as a table, JSON, JSONL, GeoJSON or CSV (``geomap places``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from .corpus import toponym_record
from .models import Mention, Place

FORMATS = ("table", "json", "jsonl", "geojson", "csv")


def mention_record(m: Mention) -> dict[str, Any]:
    """A mention with its resolved place, for JSON/CSV output."""
    rec = toponym_record(m)
    p = m.place
    rec.update(
        place=None if p is None else p.name,
        place_kind=None if p is None else p.kind.value,
        country_code=None if p is None else p.country_code,
        confidence=m.confidence,
    )
    return rec


def group_by_place(mentions: Sequence[Mention]) -> list[tuple[Place | None, list[Mention]]]:
    """Mentions grouped by resolved place (unresolved names grouped by surface), in
    order of first mention."""
    groups: dict[str, tuple[Place | None, list[Mention]]] = {}
    for m in mentions:
        key = m.place.key if m.place is not None else f"?{m.surface}"
        groups.setdefault(key, (m.place, []))[1].append(m)
    return list(groups.values())


def format_places(mentions: Sequence[Mention], fmt: str = "table") -> str:
    """Render ``mentions`` in one of :data:`FORMATS`."""
    if fmt == "json":
        return (
            json.dumps([mention_record(m) for m in mentions], indent=1, ensure_ascii=False) + "\n"
        )
    if fmt == "jsonl":
        return "".join(json.dumps(mention_record(m), ensure_ascii=False) + "\n" for m in mentions)
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(mention_record(mentions[0]).keys()) if mentions else ["start", "end", "name"]
        w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for m in mentions:
            w.writerow(mention_record(m))
        return buf.getvalue()
    if fmt == "geojson":
        return json.dumps(places_geojson(mentions), indent=1, ensure_ascii=False) + "\n"
    if fmt == "table":
        return _table(mentions)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def places_geojson(mentions: Sequence[Mention]) -> dict[str, Any]:
    """One Point feature per resolved place, with its mention count and surfaces."""
    features = []
    for place, ms in group_by_place(mentions):
        if place is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "name": place.name,
                    "kind": place.kind.value,
                    "geonameid": place.geonameid,
                    "country_code": place.country_code,
                    "mentions": len(ms),
                    "surfaces": sorted({m.surface for m in ms}),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _table(mentions: Sequence[Mention]) -> str:
    if not mentions:
        return "no places found\n"
    header = ("place", "kind", "country", "lat", "lon", "mentions", "as written")
    rows = []
    for place, ms in group_by_place(mentions):
        surfaces = ", ".join(sorted({m.surface for m in ms}))
        if place is None:
            rows.append(("(unresolved)", "", "", "", "", str(len(ms)), surfaces))
        else:
            rows.append(
                (
                    place.name,
                    place.kind.value,
                    place.country_code or "",
                    f"{place.lat:.3f}",
                    f"{place.lon:.3f}",
                    str(len(ms)),
                    surfaces,
                )
            )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n" for r in [header, *rows]
    )
