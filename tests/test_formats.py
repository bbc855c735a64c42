"""Every way a page gets saved or copied gives the same thread, and its resources safely.

Each format is built (``formats_build``) from a fixture page the project wrote; the same
thread in each format must give the same comments in ``--json``. Where a format honestly
loses something it is said: SingleFile and Chrome's MHTML drop scripts, so Lemmy's isoData
goes and the page is read from its markup; a copied fragment has no post and no title.
"""

from __future__ import annotations

import json
import os
import plistlib
from pathlib import Path
from typing import Any

import pytest
from formats_build import (
    Parts,
    gz,
    png,
    region,
    to_cf_html,
    to_files,
    to_mhtml,
    to_singlefile,
    to_webarchive,
    with_images,
    with_marks,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.cli import main
from exporter.errors import InputError, LimitError
from exporter.formats import clipboard, folder, mhtml
from exporter.load import page_from_bytes, read_input
from exporter.model import thread_to_json
from exporter.pipeline import thread_from_page
from exporter.sites import detect

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REDDIT = DATA / "reddit" / "old_2018.html"
LEMMY = DATA / "lemmy" / "server_rendered.html"
HN = DATA / "hackernews" / "item_2023.html"
URL = "https://old.reddit.example/r/lighthouses/comments/abc123/a_thread/"
IMG = "https://i.example/pics/banner.png"
IMG_REL = "/static/logo.png"
PARTS: Parts = {
    IMG: (png(200, 30, 30), "image/png"),
    "https://old.reddit.example/static/logo.png": (png(30, 200, 30), "image/png"),
}
DATE = "Tue, 10 Nov 2026 09:02:12 +0000"
_NOISE = b"<html><body>" + " ".join(str(n * n * 7919 % 100_003) for n in range(3000)).encode()


def _page() -> str:
    return with_images(REDDIT.read_text(encoding="utf-8"), [IMG, IMG_REL])


def _json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main([str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    data: dict[str, Any] = json.loads(out)
    return data


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _builds(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """The one thread in every format: name → (file, the ``saved_as`` it must be read as)."""
    page = _page()
    html = page.encode("utf-8")
    mht = to_mhtml(page, URL, PARTS, date=DATE)
    return {
        "html": (_write(tmp_path, "plain.html", html), "html"),
        "html.gz": (_write(tmp_path, "plain.html.gz", gz(html)), "html"),
        "mhtml": (_write(tmp_path, "page.mhtml", mht), "mhtml"),
        "mhtml named .html": (_write(tmp_path, "renamed.html", mht), "mhtml"),
        "mhtml.gz": (_write(tmp_path, "page.mhtml.gz", gz(mht)), "mhtml"),
        "chrome mhtml, no scripts": (
            _write(tmp_path, "noscript.mht", to_mhtml(page, URL, PARTS, date=DATE, scripts=False)),
            "mhtml",
        ),
        "webarchive": (
            _write(tmp_path, "page.webarchive", to_webarchive(page, URL, PARTS)),
            "webarchive",
        ),
        "webarchive named .html": (
            _write(tmp_path, "safari.html", to_webarchive(page, URL, PARTS)),
            "webarchive",
        ),
        "files": (to_files(tmp_path / "complete", "thread", page, PARTS), "files"),
        "files, German": (
            to_files(tmp_path / "de", "thread", page, PARTS, suffix="-Dateien"),
            "files",
        ),
        "singlefile": (
            _write(tmp_path, "single.html", to_singlefile(page, URL, PARTS).encode("utf-8")),
            "singlefile",
        ),
    }


def test_the_same_thread_in_every_format_gives_the_same_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    builds = _builds(tmp_path)
    reference = _json(builds["html"][0], capsys)
    assert len(reference["comments"]) >= 3
    for name, (path, saved_as) in builds.items():
        assert read_input(str(path)).saved_as == saved_as, name
        data = _json(path, capsys)
        assert data["comments"] == reference["comments"], name
        assert data["post"] == reference["post"], name
        assert data["title"] == reference["title"], name


def test_lemmy_keeps_everything_where_the_format_keeps_scripts() -> None:
    """MHTML with scripts and a webarchive keep isoData: the same thread as the page. Chrome's
    MHTML and SingleFile drop it, and both then read the markup alike (whole-second times,
    no language): the honest loss of a format without scripts."""
    page = LEMMY.read_text(encoding="utf-8")
    url = "https://lemmy.example/post/1"

    def thread(data: bytes) -> dict[str, Any]:
        found = thread_to_json(thread_from_page(page_from_bytes(data, "x")))
        found.pop("saved_at")
        return found

    reference = thread(page.encode("utf-8"))
    assert thread(to_mhtml(page, url, {}, date=DATE)) == reference
    assert thread(gz(to_webarchive(page, url, {}))) == reference
    chrome = thread(to_mhtml(page, url, {}, date=DATE, scripts=False))
    assert chrome == thread(to_singlefile(page, url, {}).encode("utf-8"))
    assert chrome["comments"] != reference["comments"]
    assert [c["id"] for c in chrome["comments"]] == [c["id"] for c in reference["comments"]]


def test_webarchive_in_xml_and_in_a_legacy_encoding() -> None:
    page = "<html><body><p>caf\xe9 \u2019x\u2019</p></body></html>"
    archive = {
        "WebMainResource": {
            "WebResourceData": page.encode("cp1252"),
            "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": "windows-1252",
            "WebResourceURL": URL,
        },
        "WebSubresources": [
            {"WebResourceData": b"x", "WebResourceMIMEType": "Image/GIF", "WebResourceURL": IMG}
        ],
    }
    saved = page_from_bytes(plistlib.dumps(archive, fmt=plistlib.FMT_XML), "x.webarchive")
    assert saved.saved_as == "webarchive" and saved.url == URL
    assert "caf\xe9 \u2019x\u2019" in saved.text
    assert saved.resource(IMG) == b"x" and saved.resource_type(IMG) == "image/gif"


@pytest.mark.parametrize("kind", ["bare", "marks", "cf_html"])
def test_a_copied_comment_region_gives_the_same_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A fragment has no post and no title (the first words stand in), but every comment."""
    page = _page()
    fragment = region(page, "//div[contains(@class,'commentarea')]")
    data = {
        "bare": fragment.encode("utf-8"),
        "marks": with_marks(fragment).encode("utf-8"),
        "cf_html": to_cf_html(fragment, URL),
    }[kind]
    path = _write(tmp_path, "copied.html", data)
    assert read_input(str(path)).saved_as == "clipboard"
    reference = _json(_write(tmp_path, "plain.html", page.encode("utf-8")), capsys)
    assert _json(path, capsys)["comments"] == reference["comments"]


@pytest.mark.parametrize(
    ("fixture", "xpath", "site"),
    [
        (LEMMY, "//ul[contains(@class,'comments')]", "lemmy"),
        (REDDIT, "//div[contains(@class,'nestedlisting')]", "reddit"),
        (HN, "//table[contains(@class,'comment-tree')]", "hackernews"),
        (ROOT / "samples" / "reddit-shreddit-thread.html", "//shreddit-comment-tree", "reddit"),
    ],
)
def test_a_fragment_of_comments_only_is_still_recognised(
    fixture: Path, xpath: str, site: str
) -> None:
    full = thread_from_page(read_input(str(fixture)))
    fragment = region(fixture.read_text(encoding="utf-8"), xpath)
    for data in (fragment.encode(), with_marks(fragment).encode(), to_cf_html(fragment, None)):
        page = page_from_bytes(data, "clip.html")
        found = detect(page)
        assert found is not None and found.key == site
        thread = thread_from_page(page)
        assert thread.post is None
        assert [(c.id, c.parent_id, c.author) for c in thread.walk()] == [
            (c.id, c.parent_id, c.author) for c in full.walk()
        ]
        assert len(thread.missing) == len(full.missing)
        # No page title in a fragment: the first words said stand in (as for pasted text).
        assert thread.title and thread.title != full.title


def test_cf_html_gives_the_source_url_and_honours_the_offsets() -> None:
    fragment = "<div class='x'><p>Ünïcode — fine</p></div>"
    page = page_from_bytes(to_cf_html(fragment, "https://lemmy.example/post/7"), "clip")
    assert page.url == "https://lemmy.example/post/7"
    assert page.saved_as == "clipboard" and page.is_html
    assert "Ünïcode — fine" in page.text and "Version:" not in page.text


def test_cf_html_with_character_offsets_falls_back_to_the_markers() -> None:
    fragment = "<div><p>ÄÖÜ äöü — ☆☆☆ sixteen</p></div>"
    for url in (None, "https://lemmy.example/c/größe"):  # a non-ASCII URL shifts every offset
        data = to_cf_html(fragment, url, count_chars=True)
        page = page_from_bytes(data, "clip")
        assert "<div><p>ÄÖÜ äöü — ☆☆☆ sixteen</p></div>" in page.text
        assert "Fragment:" not in page.text and "Version:" not in page.text
        assert page.url == url


def test_mhtml_facts_charset_and_root(tmp_path: Path) -> None:
    page = "<html><head><title>t</title></head><body><p>caf\xe9 \u2019x\u2019</p></body></html>"
    data = to_mhtml(page, URL, PARTS, date=DATE)
    saved = page_from_bytes(data, "x.mht")
    assert saved.url == URL
    assert saved.saved_at is not None and saved.saved_at.isoformat() == "2026-11-10T09:02:12+00:00"
    assert "caf\xe9 \u2019x\u2019" in saved.text
    # A windows-1252 root part, declared only in its Content-Type.
    legacy = data.replace(b'charset="utf-8"', b'charset="windows-1252"')
    legacy = legacy.replace(b"caf=C3=A9 =E2=80=99x=E2=80=99", b"caf=E9 =92x=92")
    assert "caf\xe9 \u2019x\u2019" in page_from_bytes(legacy, "x.mht").text


def test_mhtml_root_named_by_start_is_taken_over_the_first_html_part() -> None:
    data = (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="b"; start="<main@x>"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\nContent-Location: https://x.example/ad\r\n\r\n"
        b"<html><body><p>an advert frame</p></body></html>\r\n"
        b"--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <main@x>\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Location: https://x.example/t\r\n\r\n"
        + __import__("base64").encodebytes("<html><body><p>the thread ☆</p></body></html>".encode())
        + b"\r\n--b--\r\n"
    )
    page = page_from_bytes(data, "x.mhtml")
    assert "the thread ☆" in page.text and page.url == "https://x.example/t"
    assert page.resource("https://x.example/ad") is not None


@pytest.mark.parametrize("name", ["mhtml", "webarchive", "singlefile", "files", "files, German"])
def test_resources_are_found_by_the_src_as_written(tmp_path: Path, name: str) -> None:
    path, _ = _builds(tmp_path)[name]
    page = read_input(str(path))
    srcs = [img["src"] for img in page.soup.find_all("img", alt=True) if "banner" in img["alt"]]
    assert len(srcs) == 2
    assert page.resource(str(srcs[0])) == png(200, 30, 30)
    assert srcs[1] == IMG_REL
    if name in ("mhtml", "webarchive"):
        # Relative: found by joining it to the page's URL, as the browser did.
        assert page.resource(IMG_REL) == png(30, 200, 30)
        assert page.resource_type(IMG_REL) == "image/png"
    else:
        assert page.resource(IMG_REL) is None  # the saved files hold no such path
    assert page.resource("https://elsewhere.example/not-saved.png") is None


def test_data_uris_base64_and_percent_encoded() -> None:
    page = page_from_bytes(b"<p>x</p>", "x.html")
    assert page.resource("data:image/png;base64,iVBORw0K%0AGgo") == b"\x89PNG\r\n\x1a\n"
    assert page.resource("data:image/svg+xml,%3Csvg%2F%3E") == b"<svg/>"
    assert page.resource_type("data:image/svg+xml,%3Csvg%2F%3E") == "image/svg+xml"
    assert page.resource("data:image/png;base64") is None


def test_resource_never_reads_outside_the_pages_own_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"secret")
    path = to_files(tmp_path / "site" / "deep", "thread", _page(), PARTS)
    files = path.parent / "thread_files"
    (tmp_path / "site" / "secret.png").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.png", files / "link.png")
    os.symlink(tmp_path, files / "up")
    os.symlink("/dev/zero", files / "zero.png")
    os.mkfifo(files / "fifo.png")
    page = read_input(str(path))
    assert page.files_dir == files
    assert page.resource("thread_files/0-banner.png") == png(200, 30, 30)
    assert page.resource("./thread_files/0-banner.png") == png(200, 30, 30)
    for ref in [
        "/etc/passwd",
        "../../secret.png",
        "thread_files/../../secret.png",
        "thread_files/%2e%2e/%2e%2e/secret.png",
        "file:///etc/hostname",
        "FILE:///etc/passwd",
        str(tmp_path / "secret.png"),
        "thread_files/link.png",
        "thread_files/up/secret.png",
        "thread_files/zero.png",
        "thread_files/fifo.png",
        "thread_files",
        "thread_files/",
        "thread_files\\..\\..\\secret.png",
        "C:/Windows/win.ini",
        "//etc/passwd",
        "",
    ]:
        assert page.resource(ref) is None, ref


def test_a_folder_that_is_not_the_pages_own_is_never_adopted(tmp_path: Path) -> None:
    """Only a real folder beside the page, named after it, is its resource folder."""
    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "x.png").write_bytes(b"private")
    os.symlink(tmp_path / "Downloads", tmp_path / "thread_files")
    page = (
        "<html><body><img src='Downloads/x.png'><img src='thread_files/x.png'>"
        "<p>hi</p></body></html>"
    )
    path = _write(tmp_path, "thread.html", page.encode())
    saved = read_input(str(path))
    assert saved.files_dir is None and saved.saved_as == "html"
    assert saved.resource("Downloads/x.png") is None
    assert saved.resource("thread_files/x.png") is None


def test_a_gzip_bomb_is_refused_with_the_input_limit(tmp_path: Path) -> None:
    bomb = gz(b"<html><body>" + b" " * (3 * 1024 * 1024) + b"</body></html>")
    assert len(bomb) < 10_000
    with pytest.raises(
        LimitError, match=r"bomb\.html\.gz: decompresses to more than 2 MB; .*--max-input-mb$"
    ):
        read_input(str(_write(tmp_path, "bomb.html.gz", bomb)), max_bytes=2 * 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("cut.html.gz", gz(_NOISE)[:300], "damaged gzip"),
        ("bad.html.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 40, "damaged gzip"),
        (
            "cut.webarchive",
            b"bplist00WebMainResource" + b"\x00\x01" * 20,
            "damaged Safari web archive",
        ),
        (
            "empty.mhtml",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=zz\r\n\r\njunk\r\n",
            "damaged MHTML",
        ),
        (
            "noroot.mht",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=zz\r\n\r\n"
            b"--zz\r\nContent-Type: image/png\r\n\r\nabc\r\n--zz--\r\n",
            "no HTML page",
        ),
    ],
)
def test_damaged_inputs_give_one_line_and_no_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, needle: str
) -> None:
    path = _write(tmp_path, name, data)
    assert main([str(path)]) == 1
    _out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"thread2epub: {path}: ") and needle in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_mht_with_a_byte_order_mark_or_a_stray_first_line() -> None:
    mht = to_mhtml("<html><body><p>ok ☆</p></body></html>", URL, {}, date=DATE)
    assert page_from_bytes(b"\xef\xbb\xbf" + mht, "x.html").saved_as == "mhtml"
    stray = b"\xef\xbb\xbfSaved by a tool\r\n" + mht
    saved = page_from_bytes(stray, "x.MHT")
    assert saved.saved_as == "mhtml" and "ok ☆" in saved.text and saved.url == URL
    assert page_from_bytes(stray, "x.txt").saved_as == "text"  # no name to go by: not MIME


def test_text_that_merely_starts_like_a_header_is_not_mhtml() -> None:
    assert not mhtml.is_mhtml(b"Subject: my thread\nalice 3 points\nhello\n")
    assert (
        page_from_bytes(b"Subject: my thread\nalice 3 points\nhello\n", "p.txt").saved_as == "text"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noise=st.binary(max_size=600), cut=st.integers(min_value=0, max_value=900))
def test_random_bytes_in_cf_html_and_mhtml_give_a_page_or_an_input_error(
    noise: bytes, cut: int
) -> None:
    cf = to_cf_html("<div><p>héllo</p></div>", "https://x.example/")
    mht = to_mhtml("<html><body><p>héllo</p></body></html>", URL, PARTS, date=DATE)
    for data in (cf[:cut] + noise + cf[cut:], mht[:cut] + noise + mht[cut:], b"Version:" + noise):
        try:
            page = page_from_bytes(data, "fuzz")
        except InputError as error:
            assert "\n" not in str(error) and str(error).startswith("fuzz: ")
            continue
        assert page.text.strip()
    clipboard.read_cf_html(b"Version:0.9\r\nStartHTML:" + noise)


def test_the_mhtml_book_passes_epubcheck(tmp_path: Path, epubcheck: Any) -> None:
    path, _ = _builds(tmp_path)["mhtml"]
    book = tmp_path / "book.epub"
    assert main([str(path), "-o", str(book), "-q"]) == 0
    epubcheck(book)


def test_the_pages_links_are_read_only_when_a_folder_named_like_it_is_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nearly no page has a resource folder: that is told from the folder listing, without
    reading the page's links (0.05 s on a big page)."""

    class Unread:
        def finditer(self, *args: object) -> object:
            raise AssertionError("the links were read")

    (tmp_path / "other_files").mkdir()
    (tmp_path / "thread_files.txt").write_text("a file, not a folder")
    page = "<html><body><img src='thread_files/x.png'><p>hi</p></body></html>"
    path = _write(tmp_path, "thread.html", page.encode())
    monkeypatch.setattr(folder, "_SRC", Unread())
    asked: list[int] = []

    def head(chars: int) -> str:
        asked.append(chars)
        return page[:chars]

    assert folder.find_files_dir(path, head) is None
    assert asked == []  # nor decoded any of the page
    (tmp_path / "thread_files").mkdir()
    with pytest.raises(AssertionError, match="links were read"):
        folder.find_files_dir(path, head)
    monkeypatch.undo()
    assert folder.find_files_dir(path, head) == tmp_path / "thread_files"
