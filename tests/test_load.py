"""The loader: decoding, HTML versus pasted text, and clear refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter import load
from exporter.errors import InputError
from exporter.load import SavedPage, decode, looks_like_html, page_from_bytes, read_input
from exporter.pipeline import load_thread

PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>héllo ☆</p></body></html>"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "héllo ☆".encode(), "héllo ☆"),
        (codecs.BOM_UTF16_LE + "héllo ☆".encode("utf-16-le"), "héllo ☆"),
        (codecs.BOM_UTF16_BE + "héllo ☆".encode("utf-16-be"), "héllo ☆"),
        ("héllo ☆".encode(), "héllo ☆"),
    ],
)
def test_decode_honours_byte_order_marks_and_utf8(data: bytes, expected: str) -> None:
    assert decode(data, "x") == expected


def test_decode_follows_meta_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>caf\xe9 \u2019</body></html>'
    assert "café ’" in decode(page.encode("cp1252"), "x")


def test_decode_latin1_declared_means_windows_1252() -> None:
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93q\x94'
    assert "\u201cq\u201d" in decode(page, "x")


def test_decode_guesses_when_nothing_is_declared() -> None:
    assert "café" in decode("<p>café au lait, s'il vous plaît</p>".encode("cp1252"), "x")


def test_binary_input_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"^photo\.jpg: looks like a binary file"):
        decode(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50, "photo.jpg")


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^in\.txt: is empty"):
        page_from_bytes(data, "in.txt")


@pytest.mark.parametrize(
    "text",
    [
        PAGE,
        "  <html lang=en><body><div>x</div></body></html>",
        "<div class='comment'><p>only a fragment</p></div>",
        "<!-- saved from url=(0025)https://lemmy.example/ -->\n<html><body></body></html>",
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "• alice@lemmy.example\n  link\n  14\n\n  Hello <3 world",
        "I think <b> tags are neat",
        "<not html at all, just a remark",
    ],
)
def test_pasted_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_read_input_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.html"))


def test_read_input_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_input(str(tmp_path))


def test_read_input_enforces_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_text("<p>x</p>" * 100)
    with pytest.raises(InputError, match="larger than"):
        read_input(str(big), max_bytes=100)


def test_read_input_never_modifies_the_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    read_input(str(page))
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before


def test_singlefile_provenance_is_read() -> None:
    page = (
        "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n"
        " url: https://lemmy.example/post/12 \n"
        " saved date: Tue Nov 10 2026 09:02:12 GMT+0100 (Central European Standard Time)\n-->"
        "<body><p>x</p></body></html>"
    )
    saved = page_from_bytes(page.encode(), "p.html")
    assert saved.url == "https://lemmy.example/post/12"
    assert saved.saved_at is not None and saved.saved_at.isoformat() == "2026-11-10T08:02:12+00:00"


# --- the page held once, as UTF-8 when it is ------------------------------------------------------

_SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    ("data", "as_utf8"),
    [
        (PAGE.encode(), True),
        (codecs.BOM_UTF8 + PAGE.encode(), True),
        (PAGE.replace("<head>", '<head><meta charset="UTF-8">').encode(), True),
        (
            PAGE.replace("<head>", '<head><meta charset="latin-1">').encode("cp1252", "replace"),
            False,
        ),
        (PAGE.encode() + b"\xff broken", False),  # read as "mostly UTF-8", as text
        ("héllo ☆, pasted".encode(), False),
        (codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), False),
    ],
)
def test_a_utf8_page_is_kept_as_utf8_and_reads_as_before(data: bytes, as_utf8: bool) -> None:
    page = page_from_bytes(data, "x")
    assert (page._text is None) == as_utf8
    assert page.text == decode(data, "x")


@given(
    text=st.text(alphabet=st.sampled_from("ab<>/ é☆😀\n\x00"), max_size=60),
    needle=st.text(alphabet=st.sampled_from("ab<>/ é☆😀"), max_size=4),
    sizes=st.lists(st.integers(min_value=0, max_value=70), min_size=1, max_size=4),
)
def test_contains_and_head_read_utf8_as_the_text_would(
    text: str, needle: str, sizes: list[int]
) -> None:
    """``head`` keeps what it decoded: asked again, longer or shorter, it must still agree."""
    page = page_from_bytes(b"<p>x</p>", "x")
    page.text = text
    expected = (needle in text, [text[:n] for n in sizes])
    assert (page.contains(needle), [page.head(n) for n in sizes]) == expected
    page.utf8()
    assert (page.contains(needle), [page.head(n) for n in sizes]) == expected
    assert page._text is None  # asking did not decode the page
    page.text = text[::-1]  # a new text: nothing decoded of the old one is kept
    page.utf8()
    assert [page.head(n) for n in sizes] == [text[::-1][:n] for n in sizes]


@pytest.mark.parametrize(
    "sample", ["hn-item.html", "reddit-old-thread.html", "lemmy-saved-post.html"]
)
def test_a_streamed_page_is_never_decoded_whole(
    sample: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``str`` of a page with one emoji takes four bytes a character: the sites that stream
    big pages tell them and read them from their UTF-8 alone."""
    data = (_SAMPLES / sample).read_bytes().replace(b"</body>", "<p>😀</p></body>".encode())

    def refuse(page: SavedPage) -> str:
        raise AssertionError("the page was decoded whole")

    monkeypatch.setattr(SavedPage, "text", property(refuse, load._set_page_text))
    thread = load_thread(data)
    assert thread.comments
