"""Outputs never clobber inputs or special files; inputs are read with a bound.

Every case runs the ``geomap`` command in a subprocess (with a timeout, so a hang fails
instead of blocking the suite) and expects one ``geomap: error:`` line and exit code 1.
"""

from __future__ import annotations

import html
import json
import os
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_cli_inputs import SHORT, assert_clean_error


def run(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geomap.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry of ``folder``: its type and its bytes (or a link's target)."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for p in folder.iterdir():
        mode = p.lstat().st_mode
        if stat.S_ISLNK(mode):
            out[p.name] = (stat.S_IFMT(mode), os.readlink(p))
        elif stat.S_ISREG(mode):
            out[p.name] = (stat.S_IFMT(mode), p.read_bytes())
        else:
            out[p.name] = (stat.S_IFMT(mode), b"")
    return out


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid story GeoJSON (and its map) built from a short article."""
    folder = tmp_path_factory.mktemp("story")
    article = folder / "short.txt"
    article.write_text(SHORT, encoding="utf-8")
    r = run("build", article, "-o", folder / "map.html")
    assert r.returncode == 0, r.stderr
    return folder / "map.geojson"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Border talks</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in SHORT.splitlines()[2:])
        + "</article></body></html>",
        encoding="utf-8",
    )
    return path


# -- 1. outputs never clobber inputs -------------------------------------------------------
def test_build_refuses_to_overwrite_its_article(tmp_path, article):
    before = snapshot(tmp_path)
    assert_clean_error(run("build", article, "-o", article), 1, "input")
    assert snapshot(tmp_path) == before


def test_build_refuses_a_hard_link_to_its_article(tmp_path, article):
    os.link(article, tmp_path / "map.html")
    before = snapshot(tmp_path)
    assert_clean_error(run("build", article, "-o", tmp_path / "map.html"), 1, "input")
    assert snapshot(tmp_path) == before


def test_build_refuses_a_sibling_that_is_its_article(tmp_path):
    source = tmp_path / "notes.geojson"  # the story would be written over it
    source.write_text(SHORT, encoding="utf-8")
    before = snapshot(tmp_path)
    assert_clean_error(run("build", source, "-o", tmp_path / "notes.html"), 1, "input")
    assert snapshot(tmp_path) == before


def test_render_refuses_to_overwrite_its_story(tmp_path, story):
    edited = tmp_path / "s.geojson"
    edited.write_bytes(story.read_bytes())
    before = snapshot(tmp_path)
    assert_clean_error(run("render", edited, "-o", edited), 1, "input")
    assert snapshot(tmp_path) == before


def test_render_refuses_a_picture_over_its_story(tmp_path, story):
    edited = tmp_path / "s.svg"  # --svg would write s.svg beside the map s.html
    edited.write_bytes(story.read_bytes())
    before = snapshot(tmp_path)
    assert_clean_error(run("render", edited, "-o", tmp_path / "s.html", "--svg"), 1, "input")
    assert snapshot(tmp_path) == before


def test_places_refuses_to_overwrite_its_corpus(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": SHORT}) + "\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert_clean_error(run("places", "--corpus", corpus, "-o", corpus), 1, "input")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", ["fifo", "symlink", "dangling-symlink"])
@pytest.mark.parametrize("which", ["html", "geojson"])
def test_build_refuses_special_outputs(tmp_path, article, kind, which):
    out = tmp_path / "out" / "map.html"
    out.parent.mkdir()
    special = out.with_suffix(f".{which}")
    if kind == "fifo":
        os.mkfifo(special)
    else:
        target = tmp_path / "elsewhere.txt"
        if kind == "symlink":
            target.write_text("keep me", encoding="utf-8")
        special.symlink_to(target)
    before, outside = snapshot(out.parent), snapshot(tmp_path)
    r = run("build", article, "-o", out)
    assert_clean_error(r, 1, str(special))
    assert snapshot(out.parent) == before  # nothing written, not even the other file
    assert snapshot(tmp_path) == outside


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_render_and_places_refuse_special_outputs(tmp_path, story, kind):
    out = tmp_path / "out.html"
    if kind == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to(story)  # would otherwise replace the link by the map
    before = snapshot(tmp_path)
    assert_clean_error(run("render", story, "-o", out), 1, str(out))
    assert_clean_error(run("places", story.with_name("short.txt"), "-o", out), 1, str(out))
    assert snapshot(tmp_path) == before


def test_dev_null_is_refused_and_never_replaced(story):
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert_clean_error(run("render", story, "-o", "/dev/null"), 1, "/dev/null")
    assert_clean_error(run("places", story.with_name("short.txt"), "-o", "/dev/null"), 1)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)  # still the device
    assert_clean_error(run("render", story, "-o", "/dev/stdout"), 1, "/dev/stdout")


# -- 2. bounded reads ------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["render", "places --corpus"])
def test_fifo_and_device_inputs_fail_fast(tmp_path, command):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)  # nobody writes: opening it would block forever
    for source in (fifo, Path("/dev/zero")):
        r = run(*command.split(), source, "-o", tmp_path / "out.html")
        assert_clean_error(r, 1, "not a regular file")
    assert not (tmp_path / "out.html").exists()


def test_oversized_story_and_corpus_are_refused(tmp_path):
    big = tmp_path / "big.geojson"
    with big.open("wb") as f:
        f.truncate(10_000_001)  # sparse: no disk used
    assert_clean_error(run("render", big, "-o", tmp_path / "m.html"), 1, "limit")
    assert_clean_error(run("places", "--corpus", big), 1, "limit")


# -- 4. embed snippets ----------------------------------------------------------------------
EVIL_TITLE = 'Q" onload="alert(1)" x="{{ 7*7 }} {% debug %} {# c #}'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _check_snippets(stdout: str, title: str) -> None:
    assert "{{" not in stdout and "{%" not in stdout and "{#" not in stdout
    tags = _Tags()
    tags.feed(stdout)
    tags.close()
    assert [t for t, _ in tags.tags] == ["iframe", "iframe"]  # nothing broke out
    for _, attrs in tags.tags:
        assert set(attrs) in ({"src", "title", "style", "loading", "sandbox"},
                              {"srcdoc", "title", "style", "loading", "sandbox"})  # fmt: skip
        assert attrs["title"] == title  # the browser still shows the real title


def test_embed_escapes_a_raw_title_of_a_hand_made_page(tmp_path):
    page = tmp_path / "map.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>{EVIL_TITLE}</title></head>"
        "<body><p>{{ config }}</p><script>var a = {{}};</script></body></html>",
        encoding="utf-8",
    )
    r = run("embed", page)
    assert r.returncode == 0, r.stderr
    _check_snippets(r.stdout, EVIL_TITLE)
    assert "<script>var a = {{}};</script>" in html.unescape(r.stdout)  # srcdoc keeps the page


def test_embed_escapes_a_story_title(tmp_path, story):
    data = json.loads(story.read_text(encoding="utf-8"))
    data["article"]["title"] = EVIL_TITLE
    edited = tmp_path / "evil.geojson"
    edited.write_text(json.dumps(data), encoding="utf-8")
    r = run("render", edited)
    assert r.returncode == 0, r.stderr
    r = run("embed", edited.with_suffix(".html"))
    assert r.returncode == 0, r.stderr
    _check_snippets(r.stdout, EVIL_TITLE)


def test_batch_refuses_to_overwrite_an_input(tmp_path, article):
    other = tmp_path / "b.md"
    other.write_text(SHORT, encoding="utf-8")
    before = snapshot(tmp_path)
    r = run("batch", other, article, "-o", tmp_path)  # a.html would become the map of a.html
    assert_clean_error(r, 1, "input", str(article))
    assert snapshot(tmp_path) == before
