"""The cover: generated (deterministic, any script, always fits), the user's picture, or none.

Pixel tests pin the shipped font (``SHIPPED``) so that they do not depend on the machine's
fonts; the CJK test that needs a system font skips where there is none. EPUBCheck runs once
here, on a book with a user's picture (the books in ``test_epub`` carry the generated cover).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import T0, make_comment, make_thread, representative_thread
from conftest import EpubCheck
from lxml import etree
from PIL import Image, ImageFont

from exporter import cover, epub, package
from exporter import cover_fonts as cf
from exporter.errors import InputError
from exporter.model import Comment, Thread

OPF = {"opf": "http://www.idpf.org/2007/opf"}
XH = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
SVG = "{http://www.w3.org/2000/svg}"
SHIPPED = (cf.SHIPPED_FONT,)
LATIN = "Why do e-readers still struggle with deeply nested comment threads in 2026?"
CJK = "電子書籍リーダーで長いスレッドを読むための最良の方法は何ですか？"
ARABIC = "ما هي أفضل طريقة لقراءة النقاشات الطويلة على القارئ الإلكتروني؟"
HEBREW = "איך לקרוא שרשורים ארוכים ב-2026 בקורא ספרים (Kindle)"
LONG = ("A rather long title about threads " * 9)[:300]


def thread(title: str, **fields: Any) -> Thread:
    post = Comment(id="p", author="op", created=T0)
    comments = [make_comment(str(n)) for n in range(1234)]
    fields.setdefault("site_name", "lemmy.ml")
    fields.setdefault("community", "asklemmy")
    return make_thread(comments, post=post, title=title, **fields)


def book_zip(data: bytes) -> tuple[zipfile.ZipFile, etree._Element]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return z, etree.fromstring(z.read("EPUB/content.opf"))


def build(t: Thread, choice: cover.CoverChoice = cover.GENERATED) -> bytes:
    buffer = io.BytesIO()
    package._write(epub.build_book(t, cover=choice), buffer)
    return buffer.getvalue()


def ink_rows(picture: Image.Image, box: tuple[int, int, int, int], background: int) -> bool:
    """Whether any pixel in ``box`` differs from ``background``."""
    region = picture.crop(box)
    return region.getextrema() != (background, background)


def assert_fits(picture: Image.Image) -> None:
    """Nothing drawn in the margins or in the gaps between band, title, rule and foot."""
    w, h, m = cover.WIDTH, cover.HEIGHT, cover.MARGIN
    assert picture.size == (w, h) and picture.mode == "L"
    band = cover.BAND_BOTTOM
    for left, right in ((0, m), (w - m, w)):
        assert not ink_rows(picture, (left, 0, right, band), 0), "text in the band's margin"
        assert not ink_rows(picture, (left, band, right, h), 255), "text in a side margin"
    assert not ink_rows(picture, (0, band, w, cover.TITLE_TOP), 255), "text above the title box"
    gap = (0, cover.TITLE_BOTTOM, w, cover.RULE_TOP)
    assert not ink_rows(picture, gap, 255), "title runs into the rule"
    assert not ink_rows(picture, (0, h - m, w, h), 255), "text in the bottom margin"


def title_ink(picture: Image.Image) -> tuple[int, int, int, int] | None:
    box = (0, cover.TITLE_TOP, cover.WIDTH, cover.TITLE_BOTTOM)
    return picture.crop(box).point(lambda v: 255 if v < 128 else 0).getbbox()


# --- the generated cover ------------------------------------------------------------------------


TITLES = {
    "latin": LATIN,
    "arabic": ARABIC,
    "hebrew": HEBREW,
    "300-chars": LONG,
    "empty": "",
    "one-5000-char-word": "x" * 5000,
    "2000-words": "word " * 2000,
    "invisible": "\x00\u200f",
}


@pytest.mark.parametrize("title", list(TITLES.values()), ids=list(TITLES))
@pytest.mark.parametrize(
    "layout", [cf.default_layout(), ImageFont.Layout.BASIC], ids=["default", "basic"]
)
def test_every_title_renders_and_fits(title: str, layout: ImageFont.Layout) -> None:
    picture = cover.cover_picture(thread(title), fonts=SHIPPED, layout=layout)
    assert_fits(picture)
    assert title_ink(picture) is not None  # an empty title shows "Untitled thread"


def test_right_to_left_titles_align_right() -> None:
    ink = title_ink(cover.cover_picture(thread(ARABIC), fonts=SHIPPED))
    assert ink is not None
    # Aligned by the glyphs' advance boxes, so the ink sits a side bearing (< 24 px) inside.
    assert cover.WIDTH - cover.MARGIN - ink[2] < 24 < ink[0] - cover.MARGIN
    ltr = title_ink(cover.cover_picture(thread(LATIN), fonts=SHIPPED))
    assert ltr is not None and ltr[0] - cover.MARGIN < 24 < cover.WIDTH - cover.MARGIN - ltr[2]


def test_characters_no_font_has_are_left_out_not_drawn_as_boxes() -> None:
    """DejaVu has no CJK or emoji: with it alone they vanish, the rest stays."""
    only_cjk = cover.cover_picture(thread(CJK), fonts=SHIPPED)
    assert_fits(only_cjk)
    assert title_ink(only_cjk) is None
    with_emoji = cover.cover_picture(thread("Party 🎉"), fonts=SHIPPED)
    plain = cover.cover_picture(thread("Party"), fonts=SHIPPED)
    assert with_emoji.tobytes() == plain.tobytes()


@pytest.mark.skipif(
    not any(cf.covers(cf.FontFile(p), "書") for p in cf.system_fonts()),
    reason="no CJK font on this machine (e.g. apt-get install fonts-noto-cjk)",
)
def test_cjk_title_uses_a_system_font_and_fits() -> None:
    picture = cover.cover_picture(thread(CJK), lang="ja")
    assert_fits(picture)
    ink = title_ink(picture)
    assert ink is not None and ink[3] - ink[1] > 300  # several lines of large characters


def test_the_font_that_covers_the_text_is_picked() -> None:
    font, shown = cf.pick_font("Hello мир שלום", SHIPPED, "en")
    assert font == cf.SHIPPED_FONT and shown == "Hello мир שלום"
    font, shown = cf.pick_font("Rust 書 🎉", SHIPPED, "en")
    assert shown == "Rust"


def test_same_thread_same_bytes_and_a_proper_jpeg() -> None:
    t = representative_thread()
    first, second = cover.generated_cover(t), cover.generated_cover(t)
    assert first == second
    assert first.jpeg == cover.generated_cover(t, fonts=cf.default_fonts()).jpeg
    assert cover.generated_cover(thread(LATIN)).jpeg != first.jpeg
    with Image.open(io.BytesIO(first.jpeg)) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (1600, 2400))
        assert not image.info.get("progressive") and not image.getexif()
    assert b"Exif" not in first.jpeg[:4096]


def test_foot_says_comments_and_date_only_when_known() -> None:
    assert cover.comment_line(thread("x")) == "1,234 comments"
    assert cover.comment_line(make_thread([make_comment("a")])) == "1 comment"
    assert cover.cover_date(thread("x")) == "10 November 2026"
    assert cover.cover_date(make_thread([make_comment("a")])) is None
    assert cover.cover_date(make_thread(post=Comment(id="p", created_text="2 days ago"))) is None


# --- line breaking and direction ----------------------------------------------------------------


def widths(limit: int) -> Callable[[str], bool]:
    return lambda text: len(text) <= limit


def test_wrap_breaks_long_words_and_keeps_marks_with_their_letter() -> None:
    assert cf.wrap("a " + "x" * 25, widths(10)) == ["a", "x" * 10, "x" * 10, "x" * 5]
    lines = cf.wrap("e\u0301" * 8, widths(5))
    assert all(not line.startswith("\u0301") for line in lines)
    assert "".join(lines) == "e\u0301" * 8


def test_cjk_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    lines = cf.wrap("日本語の文章です。「引用」です。", widths(4))
    assert "".join(lines) == "日本語の文章です。「引用」です。"
    assert not any(line[0] in "。」" or line[-1] == "「" for line in lines)
    assert max(len(line) for line in lines) <= 4


def test_visual_order_for_the_basic_layout() -> None:
    assert cf.visual_order("שלום עולם") == "םלוע םולש"
    assert cf.visual_order("בקורא (Kindle)") == "(Kindle) ארוקב"
    assert cf.visual_order("ב-2026") == "2026-ב"
    assert cf.is_rtl_text("“שלום” world") and not cf.is_rtl_text("123 abc שלום")


def test_ellipsize_fits() -> None:
    assert cf.ellipsize("abcdefgh", widths(5)) == "abcd…"
    assert cf.ellipsize("abc", widths(0)) == "…"


# --- the user's picture -------------------------------------------------------------------------


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def decoded(c: cover.CoverImage) -> Image.Image:
    image = Image.open(io.BytesIO(c.jpeg))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (c.width, c.height))
    assert not image.getexif()
    return image


def test_png_with_alpha_goes_onto_white() -> None:
    picture = Image.new("RGBA", (400, 600), (0, 0, 255, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 200, 600))  # left half fully transparent
    result = decoded(cover.image_cover(encode(picture, "PNG")))
    left, right = result.getpixel((100, 300)), result.getpixel((300, 300))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert min(left) > 245 and right[2] > 200 > right[0]


def test_exif_orientation_is_applied_and_dropped() -> None:
    picture = Image.new("RGB", (300, 200), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 150, 200))  # the stored left half is red
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90° clockwise: the left half ends on top
    result = decoded(cover.image_cover(encode(picture, "JPEG", exif=exif.tobytes())))
    assert result.size == (200, 300)
    top, bottom = result.getpixel((100, 40)), result.getpixel((100, 260))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]


WRITABLE = [
    ("1", "PNG"), ("L", "PNG"), ("LA", "PNG"), ("P", "PNG"), ("I;16", "PNG"), ("RGBA", "WEBP"),
    ("RGB", "WEBP"), ("P", "GIF"), ("L", "GIF"), ("CMYK", "JPEG"), ("L", "JPEG"),
    ("CMYK", "TIFF"), ("I", "TIFF"), ("F", "TIFF"), ("I;16", "TIFF"), ("1", "BMP"), ("RGB", "BMP"),
]  # fmt: skip


@pytest.mark.parametrize(("mode", "fmt"), WRITABLE, ids=[f"{m}-{f}" for m, f in WRITABLE])
def test_any_readable_picture_becomes_an_rgb_jpeg(mode: str, fmt: str) -> None:
    picture = Image.new(mode, (50, 80))
    extra = {"transparency": 0} if mode == "P" else {}
    assert decoded(cover.image_cover(encode(picture, fmt, **extra))).size == (50, 80)


def test_an_animation_gives_its_first_frame() -> None:
    frames = [Image.new("RGB", (40, 60), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)
    pixel = decoded(cover.image_cover(out.getvalue())).getpixel((20, 30))
    assert isinstance(pixel, tuple) and pixel[0] > 200 > pixel[2]


def test_large_pictures_are_scaled_to_a_long_edge_of_2400() -> None:
    result = cover.image_cover(encode(Image.new("RGB", (4000, 2400), "white"), "JPEG"))
    assert (result.width, result.height) == (2400, 1440)


def test_not_a_picture_is_an_input_error_naming_it(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    with pytest.raises(InputError, match=r"cover image .*notes\.txt: not a picture") as caught:
        cover.user_cover(text)
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError, match=r"missing\.png"):
        cover.user_cover(tmp_path / "missing.png")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(encode(Image.new("RGB", (300, 300), "red"), "PNG")[:200])
    with pytest.raises(InputError, match=r"cut\.png"):
        cover.user_cover(truncated)
    with pytest.raises(InputError, match=r"cover image"):
        cover.user_cover(tmp_path)


def test_choose_maps_the_command_line_options(tmp_path: Path) -> None:
    path = tmp_path / "mine.png"
    path.write_bytes(encode(Image.new("RGB", (60, 90), "red"), "PNG"))
    assert cover.choose() == cover.GENERATED
    assert cover.choose(path, no_cover=True) is None
    chosen = cover.choose(str(path))
    assert isinstance(chosen, cover.CoverImage) and (chosen.width, chosen.height) == (60, 90)
    assert cover.resolve(path, make_thread()) == chosen  # the Python API may pass a Path
    assert cover.resolve(None, make_thread()) is None
    with pytest.raises(TypeError, match="cover must be"):
        cover.resolve("mine.png", make_thread())  # type: ignore[arg-type]


# --- in the book --------------------------------------------------------------------------------


def manifest(opf: etree._Element) -> dict[str, dict[str, str]]:
    items = opf.iterfind("opf:manifest/opf:item", OPF)
    return {str(i.get("id")): {str(k): str(v) for k, v in i.attrib.items()} for i in items}


def spine(opf: etree._Element) -> list[str]:
    return [str(r.get("idref")) for r in opf.iterfind("opf:spine/opf:itemref", OPF)]


def landmarks(z: zipfile.ZipFile) -> Iterator[tuple[str | None, str | None]]:
    nav = etree.fromstring(z.read("EPUB/nav.xhtml"))
    for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", XH):
        yield a.get("{http://www.idpf.org/2007/ops}type"), a.get("href")


def test_default_book_has_the_generated_cover_first() -> None:
    t = thread(LATIN)
    data = build(t)
    assert data == build(t)
    z, opf = book_zip(data)
    items = manifest(opf)
    assert items["cover-image"] == {
        "href": "cover.jpg",
        "id": "cover-image",
        "media-type": "image/jpeg",
        "properties": "cover-image",
    }
    assert items["cover"]["href"] == "cover.xhtml" and items["cover"]["properties"] == "svg"
    assert spine(opf)[:3] == ["cover", "title-page", "nav"]
    meta = opf.find("opf:metadata/opf:meta[@name='cover']", OPF)
    assert meta is not None and meta.get("content") == "cover-image"
    guide = opf.find("opf:guide/opf:reference[@type='cover']", OPF)
    assert guide is not None and guide.get("href") == "cover.xhtml"
    assert ("cover", "cover.xhtml") in set(landmarks(z))
    assert z.read("EPUB/cover.jpg") == cover.generated_cover(t).jpeg
    page = etree.fromstring(z.read("EPUB/cover.xhtml"))
    svg = page.find(f".//{SVG}svg")
    assert svg is not None and svg.get("viewBox") == "0 0 1600 2400"
    assert svg.get("preserveAspectRatio") == "xMidYMid meet"
    assert svg.findtext(f"{SVG}title") == LATIN
    style = page.findtext("x:head/x:style", namespaces=XH)
    assert style is not None and "svg { display: block; }" in style  # no blank second page


def test_no_cover_means_no_cover_item() -> None:
    z, opf = book_zip(build(thread(LATIN), None))
    assert "cover-image" not in manifest(opf) and "cover" not in manifest(opf)
    assert spine(opf)[0] == "title-page"
    assert opf.find("opf:metadata/opf:meta[@name='cover']", OPF) is None
    assert opf.find("opf:guide/opf:reference[@type='cover']", OPF) is None
    assert "cover" not in dict(landmarks(z))
    assert not any(n.startswith("EPUB/cover") for n in z.namelist())


def test_a_user_cover_passes_epubcheck(tmp_path: Path, epubcheck: EpubCheck) -> None:
    picture = Image.new("RGBA", (900, 700), (200, 30, 30, 128))  # landscape, half transparent
    path = tmp_path / "mine.png"
    path.write_bytes(encode(picture, "PNG"))
    data = build(thread(HEBREW, language="he"), cover.choose(path))
    z, opf = book_zip(data)
    assert spine(opf)[0] == "cover"
    page = etree.fromstring(z.read("EPUB/cover.xhtml"))
    svg = page.find(f".//{SVG}svg")
    assert svg is not None and svg.get("viewBox") == "0 0 900 700"
    assert decoded(cover.image_cover(z.read("EPUB/cover.jpg"))).size == (900, 700)
    book = tmp_path / "user-cover.epub"
    book.write_bytes(data)
    report = epubcheck(book)
    assert report["publication"]["nSpines"] >= 4
