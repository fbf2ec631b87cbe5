"""``geomap places --corpus`` in worker processes: the same lines, in the same order, with
the same errors as in one process."""

from __future__ import annotations

import json

from geomap.batch import MIN_DOCS_PER_WORKER, map_lines
from geomap.cli import main

TEXTS = [
    "Protesters marched from Kabul to Jalalabad on Sunday.",
    "Flooding hit Paris, Texas, and parts of Lamar County.",
    "The minister flew from Nairobi to Addis Ababa and then to Geneva.",
    "Nothing here is a place.",
]


def test_workers_write_what_one_process_writes(tmp_path, capsys, parser):
    n = 2 * MIN_DOCS_PER_WORKER + 7  # enough for two workers
    lines = [json.dumps({"id": i, "text": TEXTS[i % len(TEXTS)] + f" ({i})"}) for i in range(n)]
    lines[5] = '{"id": 5}'  # no text: reported, skipped
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs, errs = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert main(["places", "--corpus", str(corpus), "-o", str(out), "--jobs", jobs]) == 1
        outs.append(out.read_text(encoding="utf-8"))
        errs.append(capsys.readouterr().err)
    assert outs[0] == outs[1]
    assert errs[0] == errs[1] and f"{corpus}:6: skipped" in errs[1]
    ids = [json.loads(x)["id"] for x in outs[1].splitlines()]
    assert ids == [i for i in range(n) if i != 5]
    assert any(t["name"] == "Jalalabad" for t in json.loads(outs[1].splitlines()[0])["toponyms"])


def test_map_lines_keeps_input_order_across_workers():
    lines = [str(i) for i in range(3 * MIN_DOCS_PER_WORKER)]
    assert list(map_lines(int, lines, jobs=2)) == list(range(len(lines)))


def test_kinds_keeps_only_those_mentions_in_workers_and_one_article(tmp_path, capsys, parser):
    """``--kinds literal,metonym``: no "Russian" or "Afghans" (most gold standards do not
    annotate adjectives and demonyms), the same in worker processes and for one article."""
    text = "Russian officials said the Taliban took Kabul, and Afghans fled to Tashkent."
    n = 2 * MIN_DOCS_PER_WORKER
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(n)))
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        argv = ["places", "--corpus", str(corpus), "-o", str(out), "--kinds", "literal,metonym"]
        assert main([*argv, "--jobs", jobs]) == 0
        for line in out.read_text(encoding="utf-8").splitlines():
            assert [t["name"] for t in json.loads(line)["toponyms"]] == ["Kabul", "Tashkent"]
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    assert main(["places", str(article), "--format", "csv", "--kinds", "demonym"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [r.split(",")[2] for r in rows] == ["Afghans"]
