"""``geomap`` as a user runs it: bad inputs, bad outputs, every command, in a subprocess.

A bad input or output must end with exit code 1 (2 for usage) and exactly one line on
stderr starting ``geomap: error:`` -- never a traceback -- and must not touch a map that
is already there.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "kabul-2021.md"
SHORT = (
    "Border talks in Kabul\n\n"
    "Officials from Afghanistan and Tajikistan met in Kabul on Monday to discuss the border.\n"
    "Russia keeps a military base in Tajikistan, near Dushanbe.\n"
)
HOSTILE = (
    "Breaking <script>alert(1)</script> news from Kabul\n\n"
    "Reporters in Kabul saw <img src=x onerror=alert(1)> and `${x}` and \\1 and {{ 7*7 }}.\n"
    "A spokesman's note from Moscow said </script><script>alert(2)</script> was harmless.\n"
)


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geomap.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def assert_clean_error(r: subprocess.CompletedProcess, code: int = 1, *words: str) -> None:
    assert r.returncode == code, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("geomap: error:"), lines[0]
    for word in words:
        assert word in lines[0]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture(scope="module")
def short_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "short.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


def _bad_input(kind: str, folder: Path) -> tuple[str, str]:
    """Make one bad input; return (argument, a word the error must contain)."""
    path = folder / {"pdf-ext": "a.pdf", "pdf-magic": "a.txt", "html": "a.html"}.get(kind, "a.txt")
    if kind == "missing":
        return str(folder / "nope.txt"), "no such file"
    if kind == "directory":
        return str(folder), "directory"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "whitespace":
        path.write_text("  \n\n\t\n", encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "latin1":
        path.write_bytes("Caf\xe9 owners in Kabul were worried.\n".encode("latin-1"))
    elif kind == "huge":
        with path.open("wb") as fh:
            fh.truncate(20_000_000)  # sparse: no disk used
    elif kind == "html":
        path.write_text("<html><body><div><p><b><i></table></span><script>x(", encoding="utf-8")
    elif kind == "pdf-ext":
        path.write_text("Talks in Kabul.\n", encoding="utf-8")
    elif kind == "pdf-magic":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return str(path), {
        "empty": "empty",
        "whitespace": "empty",
        "binary": "binary",
        "latin1": "UTF-8",
        "huge": "limit",
        "html": "no article text",
        "pdf-ext": "PDF",
        "pdf-magic": "PDF",
    }[kind]


BAD_INPUTS = ["missing", "directory", "empty", "whitespace", "binary", "latin1", "huge", "html",
              "pdf-ext", "pdf-magic"]  # fmt: skip


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_one_clean_line(kind, tmp_path):
    arg, word = _bad_input(kind, tmp_path / "in")
    out = tmp_path / "out" / "map.html"
    r = run("build", arg, "-o", out)
    assert_clean_error(r, 1, word)
    assert not out.exists() and not out.with_suffix(".geojson").exists()


@pytest.fixture(autouse=True)
def _input_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()


def test_unreachable_url_is_one_clean_line(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/news/article"
    r = run("build", url, "-o", tmp_path / "m.html")
    assert_clean_error(r, 1, "cannot fetch", url)


def test_offline_refuses_a_url_without_network(tmp_path):
    r = run("build", "http://127.0.0.1:9/x", "--offline", "-o", tmp_path / "m.html")
    assert_clean_error(r, 1, "offline")


@pytest.mark.parametrize(
    "args",
    [["build"], ["build", "a.txt", "--frobnicate"], ["places", "--format", "xml", "a.txt"]],
)
def test_usage_errors_exit_2(args):
    assert_clean_error(run(*args), 2)


def test_malformed_html_with_text_still_builds(tmp_path):
    page = tmp_path / "in" / "broken.html"
    page.write_text(
        "<html><head><title>Border</title><body><div><p>Officials from Afghanistan met "
        "in <b>Kabul on Monday, officials said.<p>Talks continued in Tashkent <i>later"
        "</div></span></table><script>var x = '<p>",
        encoding="utf-8",
    )
    r = run("build", page, "-o", tmp_path / "m.html")
    assert r.returncode == 0, r.stderr
    labels = {
        f["properties"]["label"]
        for f in json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))["features"]
    }
    assert "Kabul" in labels


@pytest.fixture(scope="module")
def good_map(tmp_path_factory: pytest.TempPathFactory, short_article: Path) -> Path:
    out = tmp_path_factory.mktemp("good") / "new" / "deeper" / "map.html"
    r = run("build", short_article, "-o", out)
    assert r.returncode == 0, r.stderr
    return out


def test_build_creates_missing_folders_and_reports(good_map):
    assert good_map.is_file() and good_map.with_suffix(".geojson").is_file()
    story = json.loads(good_map.with_suffix(".geojson").read_text(encoding="utf-8"))
    assert {"Kabul", "Tajikistan"} <= {f["properties"]["label"] for f in story["features"]}
    assert list(good_map.parent.glob(".*.tmp")) == []  # no temp files left behind


def test_default_output_is_maps_slug(tmp_path, short_article):
    r = run("build", short_article, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "maps" / "border-talks-in-kabul.html").is_file()
    assert r.stdout.split() == ["maps/border-talks-in-kabul.html", "maps/border-talks-in-kabul.geojson"]  # fmt: skip


def test_output_under_a_file_is_a_clean_error(tmp_path, short_article):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    r = run("build", short_article, "-o", blocker / "map.html")
    assert_clean_error(r, 1, "cannot write")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_failed_build_leaves_the_existing_map_alone(tmp_path, good_map):
    out = tmp_path / "map.html"
    out.write_bytes(good_map.read_bytes())
    out.with_suffix(".geojson").write_bytes(good_map.with_suffix(".geojson").read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for bad in (empty, tmp_path / "in" / "missing.md", tmp_path / "in"):
        assert_clean_error(run("build", bad, "-o", out), 1)
    edited = tmp_path / "in" / "edited.geojson"
    edited.write_text("{not json", encoding="utf-8")
    assert_clean_error(run("render", edited, "-o", out), 1, "not valid JSON")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_render_refuses_a_hand_edited_story_naming_the_feature(tmp_path, good_map):
    story = json.loads(good_map.with_suffix(".geojson").read_text(encoding="utf-8"))
    fid = story["features"][1]["properties"]["id"]
    del story["features"][1]["properties"]["layer"]
    edited = tmp_path / "edited.geojson"
    edited.write_text(json.dumps(story), encoding="utf-8")
    r = run("render", edited)
    assert_clean_error(r, 1, "edited.geojson", f"feature 1 ({fid})", "layer")
    assert not edited.with_suffix(".html").exists()


def test_render_rebuilds_the_same_map_from_its_story(tmp_path, good_map):
    out = tmp_path / "again.html"
    r = run("render", good_map.with_suffix(".geojson"), "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == good_map.read_bytes()


def test_embed_prints_iframe_and_inline_snippets(good_map):
    r = run("embed", good_map, "--height", "450")
    assert r.returncode == 0, r.stderr
    head, _, inline = r.stdout.partition("<!-- inline")
    iframe = next(line for line in head.splitlines() if line.startswith("<iframe"))
    assert iframe.startswith('<iframe src="map.html"') and "height:450px" in iframe
    inline = inline[inline.index("<iframe") :].strip()
    assert inline.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert inline.endswith("></iframe>") and "sandbox=" in inline
    assert "<script" not in inline  # the whole page is inside the escaped attribute
    assert_clean_error(run("embed", good_map.with_name("nope.html")), 1, "no such map")


def test_batch_builds_the_good_and_names_the_bad(tmp_path, short_article):
    second = tmp_path / "in" / "second.md"
    second.write_text(SHORT.replace("Monday", "Friday"), encoding="utf-8")
    missing = tmp_path / "in" / "missing.txt"
    out = tmp_path / "maps"
    r = run("batch", short_article, missing, second, "-o", out, "-j", "2")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("geomap: ")]
    assert errors == [f"geomap: {missing}: {missing}: no such file"]
    assert sorted(p.name for p in out.glob("*.html")) == ["second.html", "short.html"]
    assert "2 maps built, 1 failed" in r.stderr


@pytest.fixture(scope="module")
def places_outputs(short_article: Path) -> dict[str, str]:
    procs = {
        fmt: subprocess.Popen(
            [sys.executable, "-m", "geomap.cli", "places", str(short_article), "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for fmt in ("table", "json", "jsonl", "geojson", "csv")
    }  # all at once: each process loads the gazetteer
    outputs = {}
    for fmt, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs[fmt] = out
    return outputs


def _names(fmt: str, text: str) -> set[str]:
    if fmt == "json":
        data = json.loads(text)
        rows = data if isinstance(data, list) else data.get("places", data.get("mentions"))
        return {row.get("name") or row.get("surface") for row in rows}
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return {row.get("name") or row.get("surface") for row in rows}
    if fmt == "geojson":
        data = json.loads(text)
        assert data["type"] == "FeatureCollection"
        return {f["properties"].get("name") for f in data["features"]}
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and "lat" in rows[0] and "lon" in rows[0]
        return {row.get("name") or row.get("surface") for row in rows}
    lines = text.splitlines()
    return {name for name in ("Kabul", "Tajikistan", "Dushanbe") if any(name in x for x in lines)}


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "geojson", "csv"])
def test_places_formats_parse(places_outputs, fmt):
    assert {"Kabul", "Tajikistan", "Dushanbe"} <= _names(fmt, places_outputs[fmt])


def test_hostile_text_never_reaches_the_page_unescaped(tmp_path):
    article = tmp_path / "in" / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "hostile.html"
    r = run("build", article, "-o", out)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "alert(2)</script>"):  # fmt: skip
        assert payload not in page
    assert page.count("</script>") == page.count("<script")  # no script closed early
    story = json.loads(out.with_suffix(".geojson").read_text(encoding="utf-8"))
    assert story["article"]["text"] == HOSTILE  # the story keeps the text as written


def test_unknown_tiles_is_a_one_line_error(tmp_path):
    out = tmp_path / "m.html"
    r = subprocess.run(
        [sys.executable, "-m", "geomap.cli", "build", str(DEMO), "-o", str(out), "--tiles", "nonsense"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr.startswith("geomap: error: unknown tiles 'nonsense'")
    assert r.stderr.count("\n") == 1 and not out.exists()
