"""``thread2epub serve`` without a browser: the HTTP contract, its refusals and its conversions.

A real server on a free port, in a thread of the test process; requests through
``http.client`` so that every header (``Host``, ``Origin``) is exactly what a test says.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import quopri
import signal
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bookcheck import read_comments

from exporter import serve, serve_convert
from exporter.limits import MB, Limits
from exporter.pipeline import default_output_name
from exporter.serve_app import Config, PasteServer, host_allowed
from exporter.serve_form import Upload, is_page, parse_form

ROOT = Path(__file__).resolve().parent.parent
LEMMY_PAGE = ROOT / "samples" / "lemmy-saved-post.html"
HN_PAGE = ROOT / "samples" / "hn-item.html"
LEMMY_TITLE = (
    "Rescued a 1982 steel tourer from a skip — stuck seatpost and crusty cables, where do I start?"
)
LEMMY_COMMENTS = 24
HN_COMMENTS = 28


def comments_fragment() -> str:
    """What a browser puts on the clipboard as ``text/html`` when the reader selects the
    comments of the Lemmy sample and copies them: the selected markup, no page around it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(LEMMY_PAGE.read_text(encoding="utf-8"), "lxml")
    comments = soup.select_one("ul.comments")
    assert comments is not None
    return f"<meta charset='utf-8'>{comments}"


@dataclass
class Running:
    server: PasteServer
    port: int

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        host: str | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host if host is not None else f"127.0.0.1:{self.port}")
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def post(
        self, path: str, fields: dict[str, str], files: list[Upload] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        content_type, body = encode_form(fields, files or [])
        headers = {"Content-Type": content_type, "Origin": f"http://127.0.0.1:{self.port}"}
        return self.request("POST", path, body, headers)


def encode_form(fields: dict[str, str], files: list[Upload]) -> tuple[str, bytes]:
    """``multipart/form-data`` as a browser's ``FormData`` sends it."""
    boundary = "----thread2epubTestBoundary7MA4YWxkTrZu0gW"
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(value.encode("utf-8") + b"\r\n")
    for upload in files:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{upload.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        )
        out.write(upload.data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", out.getvalue()


def run_server(limits: Limits | None = None) -> Iterator[Running]:
    server = serve.start("127.0.0.1", 0, limits or Limits())
    worker = threading.Thread(target=server.serve_forever, daemon=True)
    worker.start()
    try:
        yield Running(server, server.config.port)
    finally:
        server.shutdown()
        server.server_close()
        worker.join(10)


@pytest.fixture(scope="module")
def running() -> Iterator[Running]:
    yield from run_server()


@pytest.fixture
def small_server() -> Iterator[Running]:
    yield from run_server(Limits(max_input_bytes=1 * MB))


def error_of(body: bytes) -> str:
    message = json.loads(body)["error"]
    assert isinstance(message, str)
    return message


# --- the page itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "text/css; charset=utf-8"),
    ],
)
def test_assets_are_served_with_their_type_and_a_strict_policy(
    running: Running, path: str, content_type: str
) -> None:
    status, headers, body = running.request("GET", path)
    assert status == 200
    assert headers["Content-Type"] == content_type
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    # Everything the page needs comes from the package: no CDN, no other site.
    assert b"http://" not in body and b"https://" not in body and b"//cdn" not in body


def test_unknown_paths_are_not_found(running: Running) -> None:
    assert running.request("GET", "/../pyproject.toml")[0] == 404
    assert running.request("GET", "/assets/serve/app.js")[0] == 404


def test_info_names_the_sites(running: Running) -> None:
    status, _, body = running.request("GET", "/api/info")
    assert status == 200
    info = json.loads(body)
    assert {"key": "lemmy", "name": "Lemmy"} in info["sites"]
    assert info["max_input_bytes"] == Limits().max_input_bytes


# --- who may ask --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["evil.example:{port}", "evil.example", "127.0.0.1:1", "localhost.evil.example:{port}", ""],
)
def test_a_foreign_host_is_refused(running: Running, host: str) -> None:
    """A hostile domain re-pointed at 127.0.0.1 (DNS rebinding) sends its own name."""
    status, _, body = running.request("GET", "/", host=host.format(port=running.port))
    assert status == 403
    assert "its own address" in error_of(body)


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"])
def test_the_local_names_are_accepted(running: Running, host: str) -> None:
    assert running.request("GET", "/", host=host.format(port=running.port))[0] == 200


def test_host_rule() -> None:
    local = Config(host="127.0.0.1", port=8765, limits=Limits())
    assert host_allowed("127.0.0.1:8765", local)
    assert host_allowed("LOCALHOST:8765", local)
    assert host_allowed("192.168.1.20:8765", local)  # an address literal cannot be rebound
    assert not host_allowed("127.0.0.1:8766", local)
    assert not host_allowed("attacker.example:8765", local)
    assert not host_allowed("127.0.0.1:notaport", local)
    assert not host_allowed("127.0.0.1", local)  # that is port 80
    on_80 = Config(host="127.0.0.1", port=80, limits=Limits())
    assert host_allowed("127.0.0.1", on_80)
    assert host_allowed("localhost:80", on_80)
    assert not host_allowed(None, local)
    named = Config(host="laptop.lan", port=8765, limits=Limits())
    assert host_allowed("laptop.lan:8765", named)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:1"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {},
    ],
)
def test_a_post_from_another_page_is_refused(running: Running, headers: dict[str, str]) -> None:
    """A form or script on any other site cannot make the user's browser drive the server."""
    content_type, body = encode_form({"paste": comments_fragment()}, [])
    status, _, answer = running.request(
        "POST", "/api/book", body, {"Content-Type": content_type, **headers}
    )
    assert status == 403
    assert "other pages" in error_of(answer)


def test_sec_fetch_site_same_origin_is_enough(running: Running) -> None:
    content_type, body = encode_form({"paste": comments_fragment()}, [])
    headers = {"Content-Type": content_type, "Sec-Fetch-Site": "same-origin"}
    status, _, answer = running.request("POST", "/api/preview", body, headers)
    assert status == 200, answer


def test_an_oversized_body_is_refused_before_it_is_read(small_server: Running) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", small_server.port, timeout=30)
    try:
        conn.putrequest("POST", "/api/book")
        conn.putheader("Origin", f"http://127.0.0.1:{small_server.port}")
        conn.putheader("Content-Type", "multipart/form-data; boundary=x")
        conn.putheader("Content-Length", str(3 * MB))
        conn.endheaders(b"--x\r\n")  # the rest never comes: the answer must not wait for it
        response = conn.getresponse()
        status, body = response.status, response.read()
    finally:
        conn.close()
    assert status == 413
    assert "more than 1 MB" in error_of(body)


def test_a_body_without_length_is_refused(running: Running) -> None:
    headers = {"Origin": f"http://127.0.0.1:{running.port}", "Transfer-Encoding": "chunked"}
    status, _, body = running.request("POST", "/api/book", b"0\r\n\r\n", headers)
    assert status == 411
    assert "Content-Length" in error_of(body)


# --- what it makes ------------------------------------------------------------------------


def test_a_pasted_fragment_is_previewed_with_its_nesting(running: Running) -> None:
    status, headers, body = running.post("/api/preview", {"paste": comments_fragment()})
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    info = json.loads(body)
    assert info["site"] == "Lemmy"
    assert info["comment_count"] == LEMMY_COMMENTS
    shown = info["comments"]
    assert len(shown) == serve_convert.PREVIEW_COMMENTS
    assert [c["depth"] for c in shown[:3]] == [0, 1, 2]
    assert shown[0]["author"] and shown[0]["text"]
    assert "<" not in "".join(c["text"] for c in shown)  # words, never markup
    assert info["file_name"] == default_output_name(info["title"])


def test_a_saved_page_becomes_a_book(running: Running) -> None:
    page = Upload(LEMMY_PAGE.name, LEMMY_PAGE.read_bytes())
    status, headers, body = running.post("/api/book", {"sort": "page"}, [page])
    assert status == 200, body
    assert headers["Content-Type"] == "application/epub+zip"
    name = default_output_name(LEMMY_TITLE)
    assert "filename*=UTF-8''" in headers["Content-Disposition"]
    from urllib.parse import unquote

    assert unquote(headers["Content-Disposition"].split("''", 1)[1]) == name
    assert headers["X-Comment-Count"] == str(LEMMY_COMMENTS)
    with zipfile.ZipFile(io.BytesIO(body)) as book:
        assert book.namelist()[0] == "mimetype"
    assert len(read_comments(body)) == LEMMY_COMMENTS


def test_the_options_reach_the_pipeline(running: Running) -> None:
    page = Upload(HN_PAGE.name, HN_PAGE.read_bytes())
    fields = {"title": "  My own title ", "min_score": "1000000", "sort": "new"}
    status, _, body = running.post("/api/preview", fields, [page])
    assert status == 200, body
    info = json.loads(body)
    assert info["title"] == "My own title"
    assert info["file_name"] == "My own title.epub"
    # The HN sample shows no scores: the filter cannot leave anything out, and says nothing.
    assert info["comment_count"] == HN_COMMENTS


def test_a_pages_pictures_are_resources_not_pages(running: Running) -> None:
    page = Upload("thread.html", HN_PAGE.read_bytes())
    picture = Upload("thread_files/logo.png", b"\x89PNG\r\n\x1a\n")
    status, _, body = running.post("/api/preview", {}, [page, picture])
    assert status == 200, body
    assert json.loads(body)["pages"] == 1


def red_square() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


def pictures_in(epub: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        return [n for n in book.namelist() if n.startswith("EPUB/images/")]


@pytest.mark.parametrize(
    ("picture_name", "images", "embedded"),
    [
        ("t_files/pic.png", "1", 1),  # the folder dropped with the page
        ("pic.png", "1", 1),  # the picture chosen beside the page, without its folder
        ("t_files/pic.png", "0", 0),  # "Include pictures" unticked
    ],
)
def test_a_files_folder_gives_the_book_its_pictures(
    running: Running, picture_name: str, images: str, embedded: int
) -> None:
    html = HN_PAGE.read_text(encoding="utf-8").replace(
        "Eleven years", '<img src="t_files/pic.png" alt="a red square"> Eleven years', 1
    )
    files = [Upload("t.html", html.encode()), Upload(picture_name, red_square())]
    status, _, body = running.post("/api/book", {"images": images}, files)
    assert status == 200, body
    assert len(pictures_in(body)) == embedded


def mhtml(html: bytes, url: str) -> bytes:
    """A page as Chrome's "Save as MHTML" writes it (one part, quoted-printable)."""
    boundary = "----MultipartBoundary--t2eTest"
    head = (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: x\r\n"
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n--{boundary}\r\nContent-Type: text/html\r\n'
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n"
    )
    body = quopri.encodestring(html).replace(b"\n", b"\r\n")
    return head.encode() + body + f"\r\n--{boundary}--\r\n".encode()


def test_an_mhtml_page(running: Running) -> None:
    page = Upload(
        "item.mhtml", mhtml(HN_PAGE.read_bytes(), "https://news.ycombinator.com/item?id=1")
    )
    status, _, body = running.post("/api/preview", {}, [page])
    assert status == 200, body
    info = json.loads(body)
    assert (info["site"], info["comment_count"]) == ("Hacker News", HN_COMMENTS)


@pytest.mark.parametrize(
    ("fields", "files", "words"),
    [
        ({"paste": "hello there"}, [], "What you pasted: no thread recognised"),
        ({}, [], "nothing to convert"),
        ({"paste": "   "}, [], "nothing to convert"),
        ({}, [Upload("thread_files/a.png", b"x")], "none of these is a page"),
        ({"paste": "x", "min_score": "ten"}, [], "not a whole number"),
        ({"paste": "x", "sort": "random"}, [], "unknown sort"),
        ({"paste": "x", "site": "myspace"}, [], "not one thread2epub knows"),
        ({}, [Upload("empty.html", b"")], "empty.html: is empty"),
    ],
)
def test_bad_input_is_one_plain_line(
    running: Running, fields: dict[str, str], files: list[Upload], words: str
) -> None:
    status, headers, body = running.post("/api/preview", fields, files)
    assert status == 422
    assert headers["Content-Type"].startswith("application/json")
    message = error_of(body)
    assert words in message
    assert "\n" not in message and "Traceback" not in message
    assert "--site" not in message


def test_a_request_that_is_not_a_form_is_refused(running: Running) -> None:
    headers = {"Origin": f"http://127.0.0.1:{running.port}", "Content-Type": "text/plain"}
    status, _, body = running.request("POST", "/api/preview", b"hello", headers)
    assert status == 422
    assert "not a form upload" in error_of(body)


def test_a_bug_is_a_generic_500(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(serve_convert, "preview", broken)
    status, _, body = running.post("/api/preview", {"paste": comments_fragment()})
    assert status == 500
    message = error_of(body)
    assert "bug" in message
    assert "secret" not in message and "Traceback" not in body.decode()


def test_eight_requests_at_once(running: Running) -> None:
    """Each request is its own conversion: the same book eight times, byte for byte."""
    page = Upload(HN_PAGE.name, HN_PAGE.read_bytes())
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: running.post("/api/book", {}, [page]), range(8)))
    assert [status for status, _, _ in results] == [200] * 8
    assert len({body for _, _, body in results}) == 1
    assert len(read_comments(results[0][2])) == HN_COMMENTS


def test_nothing_is_left_in_the_temp_dir(
    running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    monkeypatch.setenv("TMPDIR", str(spool))
    page = Upload(LEMMY_PAGE.name, LEMMY_PAGE.read_bytes())
    assert running.post("/api/book", {}, [page])[0] == 200
    assert running.post("/api/preview", {"paste": "not a thread"})[0] == 422
    assert list(spool.iterdir()) == []


# --- the form reader ----------------------------------------------------------------------


def test_form_parts_arrive_byte_for_byte() -> None:
    data = b"line one\r\nline two\n\x00\xff--not-a-boundary\r\n"
    content_type, body = encode_form(
        {"title": "Été 🚲"}, [Upload("../../etc/passwd", data), Upload("a/./b.html", b"<p>")]
    )
    form = parse_form(content_type, body)
    assert form.fields == {"title": "Été 🚲"}
    assert [(f.name, f.data) for f in form.files] == [("etc/passwd", data), ("a/b.html", b"<p>")]


def test_pages_are_told_from_resources() -> None:
    for name in ("t.html", "t.HTM", "t.mhtml", "t.mht", "t.webarchive", "pasted.txt"):
        assert is_page(Upload(name, b""))
    for name in ("t_files/a.png", "t_files/app.js", "t_files/style.css"):
        assert not is_page(Upload(name, b""))


# --- the command ---------------------------------------------------------------------------


def test_a_port_in_use_is_one_line(running: Running, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.main(["--port", str(running.port)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"thread2epub: port {running.port} is already in use on 127.0.0.1; "
        "choose another with --port"
    ]


def test_another_interface_warns(running: Running, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.main(["--host", "0.0.0.0", "--port", str(running.port)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("thread2epub: warning: listening on 0.0.0.0: anyone")


def test_ctrl_c_stops_it_cleanly() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "exporter", "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # Started from a test runner, SIGINT may be ignored; a terminal's Ctrl-C is not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None
    try:
        started = proc.stderr.readline()
        assert "the paste page is at http://127.0.0.1:" in started
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        assert proc.stderr.read().splitlines() == ["thread2epub: stopped"]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_help_explains() -> None:
    text = serve.build_parser().format_help()
    assert "--port" in text and "--host" in text and "--open" in text
    assert "Ctrl-C" in text
