"""``geomap embed`` sizes: the width option reaches the snippet; a bad size is one line."""

from __future__ import annotations

import json
from pathlib import Path

from geomap.cli import main
from geomap.render import save_html

STORY = Path(__file__).parent / "data" / "stories" / "hostile.geojson"


def test_embed_width_reaches_both_snippets(tmp_path: Path, capsys) -> None:
    page = save_html(json.loads(STORY.read_text(encoding="utf-8")), tmp_path / "m.html")
    assert main(["embed", str(page), "--width", "600", "--height", "400"]) == 0
    out = capsys.readouterr().out
    assert out.count("width:600px;height:400px") == 2


def test_embed_refuses_a_bad_width_in_one_line(tmp_path: Path, capsys) -> None:
    page = save_html(json.loads(STORY.read_text(encoding="utf-8")), tmp_path / "m.html")
    assert main(["embed", str(page), "--width", "600px;background:red"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0 and "not a CSS size" in captured.err
