"""The command line: output formats, batch mode, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geomap.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geomap.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_geocode_table(capsys):
    assert main(["geocode", "Badakhshan"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["score", "name", "kind"]
    assert "admin1" in out and "AF" in out


def test_geocode_json(capsys):
    assert main(["geocode", "Georgia", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["kind"] == "country" and rows[0]["country_code"] == "GE"


def test_geocode_unknown_name_fails_cleanly(capsys):
    assert main(["geocode", "Qwxzzyv"]) == 1
    assert "no place called" in capsys.readouterr().err


def test_corpus_mode_keeps_good_lines_and_names_bad_ones(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Talks were held in Kabul and Moscow."}\n'
        "not json\n"
        '{"id": "b"}\n'
        '{"id": 7, "text": ""}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["places", "--corpus", str(corpus), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{corpus}:2:" in err and f"{corpus}:3:" in err
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", 7]
    text = "Talks were held in Kabul and Moscow."
    names = [t["name"] for t in lines[0]["toponyms"]]
    assert names == ["Kabul", "Moscow"]
    for t in lines[0]["toponyms"]:
        assert text[t["start"] : t["end"]] == t["name"]
        assert set(t) == {"start", "end", "name", "lat", "lon", "geonameid", "kind"}
    assert lines[1]["toponyms"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["places", "--corpus", "/nonexistent/c.jsonl"],
        ["places", "--corpus", "/"],
    ],
)
def test_bad_corpus_path_is_one_line_error(args):
    r = run(*args)
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("geomap: error:")
    assert "Traceback" not in r.stderr


def test_usage_errors_exit_2_with_one_line():
    r = run("places")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1
    r = run("frobnicate")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_help_lists_commands():
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("build", "places", "geocode", "render", "embed", "batch"):
        assert cmd in r.stdout
