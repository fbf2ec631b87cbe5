"""Tests for ingest: files, strings and URLs (served from 127.0.0.1 only) become Articles."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from geomap.article import USER_AGENT, Article, parse_date, read, read_text, split_sentences
from geomap.errors import FetchError, InputError

DATA = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).resolve().parents[2] / "shared" / "articles"
SEED = SEED / "moscow-times-2021-08-16-kabul.txt"
PAGE = (DATA / "page.html").read_bytes()


def assert_offsets(article: Article) -> None:
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert len(article.clean_text) == len(article.text)
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)


# ----------------------------------------------------------------------------- the seed
@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    return read(SEED)


def test_seed_metadata(seed: Article) -> None:
    assert seed.title == "As Chaos Engulfs Kabul, Russia Says It's Ready to Work With the Taliban"
    assert seed.byline == "Felix Light and Pjotr Sauer"
    assert seed.date == "2021-08-16"
    assert seed.url is not None and seed.url.endswith("a74809")
    assert seed.url.startswith("https://www.themoscowtimes.com/2021/08/16/")
    assert seed.source == "themoscowtimes.com"
    assert not seed.is_empty


def test_seed_text_is_file_as_read(seed: Article) -> None:
    assert seed.text == SEED.read_bytes().decode("utf-8")


def test_seed_clean_text_has_no_markup(seed: Article) -> None:
    clean = seed.clean_text
    assert "(#)" not in clean and "](" not in clean and "**" not in clean
    assert "http" not in clean and "themoscowtimes" not in clean
    assert "Original url" not in clean


def test_seed_tajik_at_real_offset(seed: Article) -> None:
    start = seed.text.index("[Tajik militants](#)") + 1
    assert seed.text[start : start + 15] == "Tajik militants"
    assert seed.clean_text[start : start + 15] == "Tajik militants"
    assert seed.clean_text[start - 1] == " "
    assert seed.clean_text[start + 15 : start + 19] == "    "


def test_seed_sentences(seed: Article) -> None:
    assert_offsets(seed)
    texts = [s.text for s in seed.sentences]
    assert texts[0] == seed.title
    assert not any("Original url" in t or "themoscowtimes" in t for t in texts)
    assert not any(t.startswith(("By ", "Related article", "August 16, 2021")) for t in texts)
    assert "“This is a PR disaster of enormous proportions for America." in texts
    assert "The desperate images from Kabul airport will go into the history books.”" in texts
    # "U.S." inside a sentence must not split it
    assert any(t.startswith("Veterans point out") and t.endswith("was complete.") for t in texts)
    assert any("[Tajik militants](#)" in t for t in texts)
    assert 45 <= len(texts) <= 70


# ------------------------------------------------------------------------ own fixtures
def test_markdown_front_matter_and_links() -> None:
    article = read(DATA / "frontmatter.md")
    assert article.title == "Drills Near the Afghan Border"
    assert article.byline == "Anna Karimova and Timur Sadykov"
    assert article.date == "2021-08-05"
    assert article.url == "https://steppe.example/news/drills"
    assert article.source == "Steppe News"
    assert article.text == (DATA / "frontmatter.md").read_text(encoding="utf-8")
    clean = article.clean_text
    for gone in ("wikipedia", "Tajikistan_", "map.png", "[afg]", "**", "steppe.example", "title:"):
        assert gone not in clean
    for kept in ("Russian", "Tajik", "Afghanistan", "Kyrgyzstan", "Dushanbe"):
        start = article.text.index(kept)
        assert clean[start : start + len(kept)] == kept
    assert "Termez" not in clean
    assert_offsets(article)
    texts = [s.text for s in article.sentences]
    assert texts[0] == "Drills Near the Afghan Border"  # heading marker left out
    assert "Officials in Dushanbe said the U.S. was informed." in texts
    assert "Uzbekistan joined later..." in texts
    assert 'Mr. Smith, a U.K. analyst, said: "It is a signal to Kabul."' in texts
    assert "Troops from *Kyrgyzstan* watched." in texts
    assert texts[1].endswith("Gen. Rustam Nazarov said.")
    assert texts[2].endswith("involve 2.5 thousand troops.")


def test_html_page() -> None:
    article = read(DATA / "page.html")
    assert article.title == "Drills on the border"
    assert article.byline == "Anna Karimova and Timur Sadykov"
    assert article.date == "2021-08-05"
    assert article.url == "https://steppe.example/news/drills"
    assert article.source == "Steppe News"
    assert "Home" not in article.text and "rights reserved" not in article.text
    assert "Uzbekistan joined later in the week, according to Gen. Rustam Nazarov." in [
        s.text for s in article.sentences
    ]
    assert_offsets(article)


def test_html_declared_charset() -> None:
    article = read(DATA / "page-latin1.html")
    assert "Düsseldorf" in article.text and "München" in article.text
    assert "\ufffd" not in article.text
    assert article.source == "page-latin1.html"


def test_malformed_html_extracts_or_raises_input_error() -> None:
    try:
        article = read(DATA / "malformed.html")
    except InputError as err:
        assert "malformed.html" in str(err)
    else:
        assert "Termez" in article.text
        assert_offsets(article)


@pytest.mark.parametrize(
    "html",
    ["<html><body></body></html>", "<html><head><title>x</title></head><<<>>>", "<html>"],
)
def test_html_without_text_raises(tmp_path: Path, html: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read(path)


# ---------------------------------------------------------------------------- bad input
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        read(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value) and "\n" not in str(info.value)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), bytes(range(1, 32)) * 20],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary") as info:
        read(path)
    assert str(path) in str(info.value)


def test_latin1_text_is_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8") as info:
        read(DATA / "latin1.txt")
    assert "latin1.txt" in str(info.value)


def test_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n")
    with pytest.raises(InputError, match="PDF is not supported"):
        read(path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: no disk space used
        fh.seek(50_000_000)
        fh.write(b"x")
    with pytest.raises(InputError, match="limit"):
        read(path, max_bytes=10_000_000)
    small = tmp_path / "small.txt"
    small.write_text("Kabul fell on Sunday. Moscow watched.\n", encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read(small, max_bytes=10)


@pytest.mark.parametrize("content", ["", "   \n\n\t\n", "\ufeff\n"])
def test_empty_file_is_an_empty_article(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    article = read(path)
    assert article.is_empty
    assert article.sentences == ()
    assert article.text == content


def test_bom_is_kept_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Kabul Falls\n\nThe Taliban entered Kabul. Russia watched.\n")
    article = read(path)
    assert article.text.startswith("\ufeff")
    assert article.ignore_spans[0][0] == 0 and article.clean_text.startswith("   Kabul Falls")
    assert article.title == "Kabul Falls"
    assert [s.text for s in article.sentences] == [
        "Kabul Falls",
        "The Taliban entered Kabul.",
        "Russia watched.",
    ]
    assert_offsets(article)


def test_crlf_offsets(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title Here\r\n\r\nBy Jane Doe\r\n\r\nTroops left Kabul. They went home.\r\n")
    article = read(path)
    assert "\r\n" in article.text
    assert article.byline == "Jane Doe"
    assert [s.text for s in article.sentences] == [
        "Title Here",
        "Troops left Kabul.",
        "They went home.",
    ]
    assert_offsets(article)


# --------------------------------------------------------------------- text and dates
@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("August 16, 2021", "2021-08-16"),
        ("16 August 2021", "2021-08-16"),
        ("2021-08-16", "2021-08-16"),
        ("Aug. 16, 2021", "2021-08-16"),
        ("Published: Monday, 16 Aug 2021 10:30 MSK", "2021-08-16"),
        ("Updated on Sept. 3rd, 2020", "2020-09-03"),
        ("2021-08-16T10:00:00Z", "2021-08-16"),
        ("February 30, 2021", None),
        ("no date here", None),
    ],
)
def test_parse_date(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


@pytest.mark.parametrize(
    "date_line",
    ["August 16, 2021", "16 August 2021", "2021-08-16", "Aug. 16, 2021", "Published: 16 Aug 2021"],
)
def test_plain_text_metadata(date_line: str) -> None:
    text = (
        "Drills Begin on the Afghan Border\n\n"
        "By [Anna Karimova](https://x.example/a), Ivan Petrov and Olga Sidorova\n\n"
        f"{date_line}\n\n"
        "Troops gathered in Termez on Monday. It was 3.5 km from the border.\n\n"
        "Related article: [Another Story About Kabul](#)\n\n"
        "Original url: https://news.example.com/2020/01/02/drills-begin\n"
    )
    article = read_text(text)
    assert article.title == "Drills Begin on the Afghan Border"
    assert article.byline == "Anna Karimova, Ivan Petrov and Olga Sidorova"
    assert article.date == "2021-08-16"
    assert article.url == "https://news.example.com/2020/01/02/drills-begin"
    assert article.source == "news.example.com"
    assert [s.text for s in article.sentences] == [
        "Drills Begin on the Afghan Border",
        "Troops gathered in Termez on Monday.",
        "It was 3.5 km from the border.",
    ]


def test_date_from_url_when_no_date_line() -> None:
    article = read_text("Plain Title\n\nBody text here.\n", url="https://a.example/2019/5/7/x")
    assert article.date == "2019-05-07"
    assert article.source == "a.example"


def test_prose_starting_with_by_is_not_a_byline() -> None:
    article = read_text("A Title\n\nBy the end of the war, Kabul had fallen.\n")
    assert article.byline is None
    assert [s.text for s in article.sentences][-1] == "By the end of the war, Kabul had fallen."


def test_paragraph_is_not_a_title() -> None:
    article = read_text("Kabul fell on Sunday. Russia watched closely.\n\nMore text follows.\n")
    assert article.title is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Putin met Dr. Ghani in St. Petersburg. They talked.",
         ["Mr. Putin met Dr. Ghani in St. Petersburg.", "They talked."]),
        ("It happened on Aug. 16 in Kabul. Then it ended.",
         ["It happened on Aug. 16 in Kabul.", "Then it ended."]),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        ("The U.S. Army left. J. R. Smith stayed.", ["The U.S. Army left.", "J. R. Smith stayed."]),
        ("Prices rose 2.5 percent, e.g. in Kabul. Next.",
         ["Prices rose 2.5 percent, e.g. in Kabul.", "Next."]),
        ("“Go home,” he said. “Now!” She left.", ["“Go home,” he said.", "“Now!”", "She left."]),
        ('He said "stop." Then silence.', ['He said "stop."', "Then silence."]),
        ("Wait... What happened? Nobody knew!", ["Wait...", "What happened?", "Nobody knew!"]),
        ("It went on… and on. End", ["It went on… and on.", "End"]),
        ("  One line\nSecond line  \n\n  ", ["One line", "Second line"]),
        ("Gen. Mark Milley spoke. Lt. Col. Smith agreed.",
         ["Gen. Mark Milley spoke.", "Lt. Col. Smith agreed."]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_split_sentences_ignores_markup() -> None:
    text = "See [the map](http://a.example/x.y. Z). Russia acted."
    spans = ((4, 5), (12, 36))
    assert [s.text for s in split_sentences(text, spans)] == [
        "See [the map](http://a.example/x.y. Z).",
        "Russia acted.",
    ]


def test_read_text_formats() -> None:
    assert read_text("<html><body><p>x</p></body></html>", fmt="text").text.startswith("<html>")
    front = "---\ntitle: T\n---\nBody.\n"
    assert read_text(front, fmt="markdown").title == "T"
    assert read_text(front, fmt="text").title != "T"
    with pytest.raises(InputError, match="unknown format"):
        read_text("x", fmt="pdf")


def test_read_text_detects_html() -> None:
    article = read_text(PAGE.decode("utf-8"), url="https://other.example/x")
    assert article.title == "Drills on the border"
    assert "<p>" not in article.text


def test_read_multiline_string_is_text() -> None:
    article = read("Kabul Falls\n\nThe Taliban entered Kabul.\n")
    assert article.title == "Kabul Falls"


# -------------------------------------------------------------------------------- URLs


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, ctype: str, body: bytes, length: bool = True) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, byte: bytes, seconds: float = 90.0) -> None:
        """Send ``byte`` every 50 ms until the client hangs up (or ``seconds`` pass)."""
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                self.wfile.write(byte)
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client gave up, as it should

    def do_GET(self) -> None:
        self.hits.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/page.html":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/story.txt":
            self._send(
                200,
                "text/plain; charset=utf-8",
                b"Kabul Falls\n\nBy Jane Doe\n\nRussia watched Kabul. Nobody moved.\n",
            )
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
        elif self.path == "/doc.pdf":
            self._send(200, "application/pdf", b"%PDF-1.7\n")
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n")
        elif self.path == "/big":
            self._send(200, "text/plain", b"a" * 300_000, length=False)
        elif self.path == "/drip":  # a byte every 50 ms: no socket read ever times out
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self._drip(b"a")
        elif self.path == "/drip-headers":  # the headers never end
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: ")
            self._drip(b"a")
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, "text/plain", b"late\n")
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html(server: str) -> None:
    article = read(f"{server}/page.html")
    assert article.title == "Drills on the border"
    assert article.byline == "Anna Karimova and Timur Sadykov"
    assert ("/page.html", USER_AGENT) in _Handler.hits
    assert_offsets(article)


def test_url_text_and_host_source(server: str) -> None:
    article = read(f"{server}/story.txt")
    assert article.title == "Kabul Falls"
    assert article.byline == "Jane Doe"
    assert article.url == f"{server}/story.txt"
    assert article.source == "127.0.0.1"
    assert [s.text for s in article.sentences][1:] == ["Russia watched Kabul.", "Nobody moved."]


def test_url_redirect_is_followed(server: str) -> None:
    article = read(f"{server}/moved")
    assert article.title == "Drills on the border"


def test_url_pdf(server: str) -> None:
    with pytest.raises(InputError, match="PDF is not supported"):
        read(f"{server}/doc.pdf")


def test_url_unsupported_type(server: str) -> None:
    with pytest.raises(InputError, match="image/png"):
        read(f"{server}/image.png")


def test_url_size_limit_while_streaming(server: str) -> None:
    with pytest.raises(FetchError, match="limit"):
        read(f"{server}/big", max_bytes=100_000)


def test_url_http_error(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as info:
        read(f"{server}/missing")
    assert f"{server}/missing" in str(info.value)


def test_url_timeout(server: str) -> None:
    with pytest.raises(FetchError, match="network may be unavailable"):
        read(f"{server}/slow", timeout=0.2)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_url_timeout_bounds_the_whole_fetch(server: str, path: str) -> None:
    outcome: dict[str, BaseException] = {}

    def fetch() -> None:
        try:
            read(f"{server}{path}", timeout=1.0)
        except BaseException as err:
            outcome["error"] = err

    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(60)  # generous: only a fetch that never ends gets near it
    assert not worker.is_alive(), "read() kept reading a dripping server past its timeout"
    assert isinstance(outcome.get("error"), FetchError), outcome
    assert "timed out" in str(outcome["error"])


def test_url_unreachable_closed_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(FetchError) as info:
        read(url, timeout=2)
    message = str(info.value)
    assert url in message and "network may be unavailable" in message and "\n" not in message


def test_offline_never_touches_network(server: str) -> None:
    before = len(_Handler.hits)
    with pytest.raises(FetchError, match="offline"):
        read(f"{server}/page.html", offline=True)
    assert len(_Handler.hits) == before


def test_unsupported_scheme() -> None:
    with pytest.raises(InputError, match="scheme"):
        read("ftp://127.0.0.1/article.txt")


def test_wrapped_lines_join_into_one_sentence_but_paragraphs_do_not():
    text = (
        "# A Headline That Stays Alone\n\n"
        "Russia kept its embassy in the capital open while other governments\n"
        "evacuated their staff. A second sentence ends here.\n\n"
        "A new paragraph starts here.\n"
    )
    article = read_text(text, fmt="markdown")
    texts = [s.text for s in article.sentences]
    assert (
        "Russia kept its embassy in the capital open while other governments\n"
        "evacuated their staff." in texts
    )
    assert "A new paragraph starts here." in texts
    for s in article.sentences:
        assert text[s.start : s.end] == s.text


# Each took minutes or hours with backtracking regexes; read in a child process with a
# generous limit, so a regression fails instead of hanging the suite.
HOSTILE_TEXTS = {
    "dots at a line end": "Kabul is far" + "." * 60 + "x\n",
    "question marks": "?" * 40_000 + "x",
    "exclamation marks": "Kabul!" + "!" * 40_000 + "x",
    "unclosed comments": "<!--" * 50_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_text_reads_in_bounded_time(name: str) -> None:
    code = "import sys, geomap; geomap.read_text(sys.stdin.read())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=HOSTILE_TEXTS[name],
        text=True,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]


def test_full_stop_glued_to_the_next_sentence() -> None:
    article = read_text("Rebels attacked Kabul on Friday.The army fled to Herat.")
    assert [s.text for s in article.sentences] == [
        "Rebels attacked Kabul on Friday.",
        "The army fled to Herat.",
    ]
