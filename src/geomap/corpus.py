"""Batch geoparsing of a JSONL corpus, in the record format the scorer reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .models import Mention


def toponym_record(m: Mention) -> dict[str, Any]:
    """One predicted toponym: ``{"start", "end", "name", "lat", "lon", "geonameid", "kind"}``."""
    p = m.place
    return {
        "start": m.start,
        "end": m.end,
        "name": m.surface,
        "lat": None if p is None else p.lat,
        "lon": None if p is None else p.lon,
        "geonameid": None if p is None else p.geonameid,
        "kind": m.kind.value,
    }


def prediction_record(doc_id: Any, mentions: Sequence[Mention]) -> dict[str, Any]:
    """The output line for one corpus document."""
    return {"id": doc_id, "toponyms": [toponym_record(m) for m in mentions]}
