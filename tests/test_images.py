"""Pictures people posted: embedded from the saved page only, converted for e-readers, and
never a way to read the user's other files or to load anything behind the reader's back."""

from __future__ import annotations

import http.server
import io
import os
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from bookcheck import book_entries, book_text, parse_xml, unsafe_findings
from conftest import EpubCheck
from pictures import (
    BLUE,
    RED,
    animated_gif,
    bomb_png,
    data_uri,
    hn_page,
    img,
    photo,
    saved_page,
    solid_png,
    transparent_png,
    webp,
)
from PIL import Image

from exporter.clean import clean_html
from exporter.cli import main
from exporter.epub import epub_bytes
from exporter.image_convert import Unusable, convert
from exporter.images import ImageOptions, add_images
from exporter.load import page_from_bytes
from exporter.model import Comment, Thread, thread_to_json
from exporter.pipeline import load_thread

BASE = "https://news.example/item?id=100"
XHTML = "{http://www.w3.org/1999/xhtml}"


def build(page: Path, options: ImageOptions | None = None) -> tuple[Thread, bytes]:
    thread = load_thread(page, images=options)
    return thread, epub_bytes(thread)


def pictures_in(book: bytes) -> dict[str, bytes]:
    return {n: d for n, d in book_entries(book).items() if n.startswith("EPUB/images/")}


def img_elements(book: bytes) -> list[dict[str, str]]:
    found = []
    for name, data in book_entries(book).items():
        if name.endswith(".xhtml"):
            for el in parse_xml(data).iter(f"{XHTML}img"):
                found.append({str(k): str(v) for k, v in el.attrib.items()})
    return found


def title_page(book: bytes) -> str:
    data = book_entries(book)["EPUB/title.xhtml"]
    return " ".join("".join(str(t) for t in parse_xml(data).itertext()).split())


# --- safety: only the page's own pictures -------------------------------------------------------


def test_no_path_outside_the_saved_folder_reaches_the_book(tmp_path: Path) -> None:
    secret = photo(64, 64, "PNG")
    (tmp_path / "secret.png").write_bytes(secret)
    folder = tmp_path / "a" / "b"
    bodies = [
        img("/etc/passwd", "absolute"),
        img("../../secret.png", "up and out"),
        img("page_files/../../../secret.png", "through the folder"),
        img("file:///etc/hostname", "file url"),
        img("file:///etc/passwd", "file url 2"),
        img("page_files/link.png", "a link out of the folder"),
        img("page_files/ok.png", "the one picture that belongs"),
    ]
    page = saved_page(folder, bodies, {"ok.png": solid_png(BLUE)})
    (folder / "page_files" / "link.png").symlink_to(tmp_path / "secret.png")
    thread, book = build(page)
    entries = book_entries(book)
    forbidden = [secret, Path("/etc/passwd").read_bytes()[:64]]
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_bytes().strip()) >= 8:
        forbidden.append(hostname.read_bytes().strip())
    for name, data in entries.items():
        for needle in forbidden:
            assert needle not in data, f"{name} holds bytes of a file outside the page"
    assert len(pictures_in(book)) == 1, "only the page's own picture is embedded"
    assert [i["alt"] for i in img_elements(book)] == ["the one picture that belongs"]
    text = book_text(book)
    for alt in ("absolute", "up and out", "file url", "a link out of the folder"):
        assert f"[image: {alt}]" in text
    assert not unsafe_findings(book)
    assert any("not in the saved page's folder" in w for w in thread.warnings)


def test_a_picture_an_mhtml_carries_is_embedded_by_its_address(tmp_path: Path) -> None:
    """Chrome's "single file" save: the page names the picture by its web address, and the
    archive holds it under that address; it is embedded, not left as a link."""
    msg = MIMEMultipart("related", type="text/html")
    page = MIMEText(hn_page([img("https://pics.example/cat.jpg", "cat")]), "html", "utf-8")
    page["Content-Location"] = "https://news.ycombinator.com/item?id=100"
    msg.attach(page)
    picture = MIMEImage(photo(300, 200), "jpeg")
    picture["Content-Location"] = "https://pics.example/cat.jpg"
    msg.attach(picture)
    path = tmp_path / "thread.mhtml"
    path.write_bytes(b"From: <Saved by Blink>\r\n" + msg.as_bytes())
    thread, book = build(path)
    assert [i["alt"] for i in img_elements(book)] == ["cat"]
    assert len(pictures_in(book)) == 1
    assert thread.image_skips == {}


# --- conversion ---------------------------------------------------------------------------------


def test_every_format_becomes_a_small_jpeg_or_png_and_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck
) -> None:
    bodies = [
        img("page_files/photo.webp", "a WebP photo"),
        img("page_files/anim.gif", "an animation"),
        img("page_files/huge.jpg", "a 6000 by 4000 photo"),
        img(data_uri(transparent_png()), "a transparent logo"),
        '<p>Emoji <img class="emoji" src="page_files/e.png" alt=":boom:"> inline</p>',
    ]
    files = {
        "photo.webp": webp(),
        "anim.gif": animated_gif(),
        "huge.jpg": photo(6000, 4000),
        "e.png": photo(300, 300, "PNG"),
    }
    thread, book = build(saved_page(tmp_path, bodies, files))
    stored = pictures_in(book)
    assert len(stored) == 5
    for name, data in stored.items():
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.format in {"JPEG", "PNG"}, name
            assert name.endswith(".jpg" if picture.format == "JPEG" else ".png")
            assert max(picture.size) <= 1600, name
            assert picture.mode in {"RGB", "L"}, name
            assert not picture.info.get("exif") and not picture.info.get("icc_profile")
    sizes = {i.file_name: (i.width, i.height) for i in thread.images.values()}
    assert (1600, 1067) in sizes.values()  # the big photo, scaled, its shape kept
    by_alt = {i["alt"]: i for i in img_elements(book)}
    assert set(by_alt) == {
        "a WebP photo", "an animation", "a 6000 by 4000 photo", "a transparent logo", ":boom:"
    }  # fmt: skip
    assert by_alt[":boom:"].get("class") == "emoji"
    emoji = thread.images[by_alt[":boom:"]["src"]]
    assert max(emoji.width, emoji.height) <= 128
    with Image.open(io.BytesIO(stored["EPUB/" + by_alt["an animation"]["src"]])) as first:
        assert first.convert("RGB").getpixel((5, 5)) == RED  # the first frame
    with Image.open(io.BytesIO(stored["EPUB/" + by_alt["a transparent logo"]["src"]])) as logo:
        assert logo.format == "PNG"
        assert logo.convert("RGB").getpixel((10, 50)) == (255, 255, 255)  # flattened on white
    css = book_entries(book)["EPUB/style.css"].decode()
    assert "max-width: 100%" in css and "img.emoji" in css
    assert not unsafe_findings(book)
    path = tmp_path / "pictures.epub"
    path.write_bytes(book)
    epubcheck(path)


def test_a_phone_photo_is_turned_upright_and_loses_its_metadata() -> None:
    source = Image.open(io.BytesIO(photo(200, 100)))
    exif = source.getexif()
    exif[0x0112] = 6  # orientation: the camera was held sideways
    exif[0x010F] = "A camera maker"
    tagged = io.BytesIO()
    source.save(tagged, "JPEG", exif=exif.tobytes(), comment=b"a comment")
    result = convert(tagged.getvalue())
    assert (result.width, result.height) == (100, 200)
    assert b"A camera maker" not in result.data and b"a comment" not in result.data
    assert convert(tagged.getvalue()) == result


def test_the_same_picture_twice_is_stored_once_and_builds_are_identical(tmp_path: Path) -> None:
    picture = photo(500, 400)
    bodies = [
        img("page_files/a.jpg", "first"),
        img("page_files/b.jpg", "the same bytes under another name"),
        img(data_uri(picture, "image/jpeg"), "the same again, inline"),
    ]
    page = saved_page(tmp_path, bodies, {"a.jpg": picture, "b.jpg": picture})
    first_thread, first = build(page)
    _, second = build(page)
    assert first == second
    assert len(pictures_in(first)) == 1
    assert len({i["src"] for i in img_elements(first)}) == 1
    listed = thread_to_json(first_thread)["images"]
    assert [(i["file"], i["media_type"]) for i in listed] == [
        (next(iter(first_thread.images)), "image/jpeg")
    ]
    assert isinstance(listed[0]["bytes"], int)


def test_no_images_leaves_words_and_says_so(tmp_path: Path) -> None:
    bodies = [img("page_files/a.png", "a chart"), img("https://pics.example/b.png", "remote")]
    page = saved_page(tmp_path, bodies, {"a.png": solid_png(RED)})
    _, book = build(page, ImageOptions(embed=False))
    assert pictures_in(book) == {}
    assert img_elements(book) == []
    assert "[image: a chart]" in book_text(book)
    assert "2 pictures left out (--no-images)" in title_page(book)


def test_grayscale_pictures_are_grey(tmp_path: Path) -> None:
    page = saved_page(tmp_path, [img("page_files/p.jpg")], {"p.jpg": photo(400, 300)})
    _, book = build(page, ImageOptions(grayscale=True))
    (data,) = pictures_in(book).values()
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.mode == "L"


def test_budget_warns_and_caps(tmp_path: Path) -> None:
    files = {f"p{n}.jpg": photo(700 + n, 500) for n in range(4)}
    page = saved_page(tmp_path, [img(f"page_files/{name}") for name in files], files)
    thread, _ = build(page, ImageOptions(warn_total_bytes=1000))
    assert len(thread.images) == 4
    assert any("Send-to-Kindle" in w for w in thread.warnings)
    one = max(len(i.data) for i in thread.images.values())
    capped, book = build(page, ImageOptions(max_total_bytes=2 * one + 10))
    assert len(pictures_in(book)) == 2
    assert "2 pictures left out to keep the pictures within --max-image-size" in title_page(book)
    assert not any("Send-to-Kindle" in w for w in capped.warnings)


def test_damaged_pictures_are_dropped_with_a_note(tmp_path: Path) -> None:
    bodies = [
        img("page_files/bad.png", "damaged"),
        img("page_files/bomb.png", "a bomb"),
        img("page_files/drawing.svg", "a drawing"),
        img("data:image/png;base64,!!!!", "broken inline"),
        img("page_files/ok.png", "fine"),
    ]
    files = {
        "bad.png": solid_png(RED)[:60],
        "bomb.png": bomb_png(),
        "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
        "ok.png": solid_png(BLUE),
    }
    page = saved_page(tmp_path, bodies, files)
    out = tmp_path / "book.epub"
    assert main([str(page), "-o", str(out), "--no-cover"]) == 0
    thread = load_thread(page)
    joined = "\n".join(thread.warnings)
    assert "damaged, or not a picture" in joined
    assert "SVG" in joined
    assert "pixels" in joined
    book = out.read_bytes()
    assert len(pictures_in(book)) == 1
    assert "[image: damaged]" in book_text(book)
    with pytest.raises(Unusable):
        convert(bomb_png())


def test_furniture_smilies_and_pixels_are_not_pictures() -> None:
    body = clean_html(
        '<p>Hi <img class="smilie smilie--sprite" src="data:image/gif;base64,R0lGOD" alt=":)">'
        '<img src="/data/avatars/m/1.jpg" alt="someone">'
        '<img class="vote-arrow" src="/up.png">'
        '<img src="https://t.example/pixel.gif" width="1" height="1">'
        '<img class="custom-emoji" src="/e/party.png" alt=":party:">'
        '<img src="page_files/kept as written.png" alt="kept"></p>',
        BASE,
    )
    assert body == (
        '<p>Hi :)<img src="https://news.example/e/party.png" alt=":party:" class="emoji"/>'
        '<img src="page_files/kept as written.png" alt="kept"/></p>'
    )


def test_a_thread_built_by_hand_never_points_at_a_missing_picture() -> None:
    body = clean_html('<p><img src="https://pics.example/a.png" alt="remote"></p>', BASE)
    thread = Thread(title="By hand", comments=[Comment(id="1", author="a", body_html=body)])
    book = epub_bytes(thread)
    assert img_elements(book) == []
    assert "[image: remote]" in book_text(book)
    assert not unsafe_findings(book)


def test_tracking_pixels_found_by_their_bytes_are_dropped() -> None:
    body = clean_html(f'<p>x<img src="{data_uri(solid_png(RED, (1, 1)))}">y</p>', BASE)
    thread = Thread(title="t", comments=[Comment(id="1", body_html=body)])
    add_images(thread, page_from_bytes(b"<p>a page</p>", "page.html"), None)
    assert thread.comments[0].body_html == "<p>xy</p>"
    assert thread.images == {}


# --- the web: not by default, carefully when asked ---------------------------------------------


@dataclass
class Server:
    base: str
    requests: list[str] = field(default_factory=list)


def _handler(server: Server) -> type[http.server.BaseHTTPRequestHandler]:
    picture = photo(300, 200)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            if self.path == "/ok.jpg":
                self._send(200, "image/jpeg", picture)
            elif self.path == "/page.html":
                self._send(200, "text/html", b"<html>not a picture</html>")
            elif self.path == "/big.jpg":
                self._send(200, "image/jpeg", b"\xff" * 300_000)
            elif self.path == "/slow.jpg":
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.end_headers()
                for _ in range(20):
                    self.wfile.write(picture[:10])
                    self.wfile.flush()
                    time.sleep(0.1)
            elif self.path == "/to-file.jpg":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
            else:
                self._send(404, "text/plain", b"nothing here")

        def _send(self, code: int, kind: str, data: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    state = Server("")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_remote_pictures_are_links_unless_fetching_is_asked_for(
    tmp_path: Path, server: Server
) -> None:
    page = saved_page(tmp_path, [img(f"{server.base}/ok.jpg", "remote")], {})
    _, book = build(page)
    assert server.requests == []
    assert pictures_in(book) == {}
    assert "--fetch-images includes them" in title_page(book)
    links = [
        el.get("href")
        for data in book_entries(book).values()
        if data.startswith(b"<?xml") and b"image-link" in data
        for el in parse_xml(data).iter(f"{XHTML}a")
        if el.get("class") == "image-link"
    ]
    assert links == [f"{server.base}/ok.jpg"]


def test_fetching_takes_pictures_and_refuses_everything_else(
    tmp_path: Path, server: Server
) -> None:
    names = ["ok.jpg", "missing.jpg", "page.html", "big.jpg", "slow.jpg", "to-file.jpg"]
    bodies = [img(f"{server.base}/{name}", name) for name in names]
    bodies.append(img(f"{server.base}/ok.jpg", "ok again"))
    page = saved_page(tmp_path, bodies, {})
    options = ImageOptions(fetch=True, fetch_timeout=1.0, max_fetch_bytes=200_000)
    thread, book = build(page, options)
    assert sorted(i["alt"] for i in img_elements(book)) == ["ok again", "ok.jpg"]
    assert len(pictures_in(book)) == 1
    assert server.requests.count("/ok.jpg") == 1  # each address fetched once
    warnings = "\n".join(thread.warnings)
    assert "HTTP 404" in warnings
    assert "text/html, not a picture" in warnings
    assert "larger than" in warnings
    assert "within 1 s" in warnings
    assert "a redirect that was not followed" in warnings
    assert "5 pictures could not be fetched" in title_page(book)
    assert b"root:" not in b"".join(book_entries(book).values())


def test_the_command_line_options_reach_the_pictures(tmp_path: Path) -> None:
    page = saved_page(tmp_path, [img("page_files/p.jpg")], {"p.jpg": photo(400, 300)})
    out = tmp_path / "grey.epub"
    assert main([str(page), "-o", str(out), "-q", "--grayscale", "--max-image-size", "5"]) == 0
    (data,) = pictures_in(out.read_bytes()).values()
    assert Image.open(io.BytesIO(data)).mode == "L"
    assert main([str(page), "-o", str(out), "-q", "--no-images"]) == 0
    assert pictures_in(out.read_bytes()) == {}
    with pytest.raises(SystemExit):
        main([str(page), "--no-images", "--fetch-images"])
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
    assert os.path.getsize(out) > 0
