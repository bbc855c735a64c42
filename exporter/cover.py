"""The book's cover: generated from the thread (the default), the user's own picture, or none.

The generated cover is a pure function of the thread (and of the font files used): a
1600×2400 baseline JPEG, black on white with a black band, no thin or grey text, so that it
reads on e-ink and as a thumbnail. The band carries the community and the site, the middle the
title (wrapped, as large as fits: 180 px down to 56, then cut with "…"), the foot the number of
comments and the date of the post. Right-to-left titles align the whole cover to the right.
The JPEG has no EXIF and no timestamps: the same thread gives the same bytes.

A user's picture (anything Pillow reads: JPEG, PNG, WebP, GIF, BMP, TIFF, ...) is turned
upright (EXIF orientation), flattened onto white, converted to RGB, scaled so that its long
edge is at most 2400 px, and re-encoded as a JPEG without metadata (which also drops a phone's
GPS position).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Final, Literal

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from exporter import cover_fonts as cf
from exporter import render
from exporter.errors import InputError
from exporter.model import Thread

WIDTH: Final = 1600
HEIGHT: Final = 2400
MARGIN: Final = 120
"""Left, right and bottom margin; nothing but the band touches it."""
BAND_BOTTOM: Final = 470
TITLE_TOP: Final = 620
TITLE_BOTTOM: Final = 1900
RULE_TOP: Final = 1990
RULE_HEIGHT: Final = 12
TITLE_SIZES: Final = (56, 180)
LINE_SPACING: Final = 1.18
LINE_GAP: Final = 20
USER_MAX_EDGE: Final = 2400
MAX_USER_FILE: Final = 64 * 1024 * 1024
JPEG_OPTIONS: Final = {"quality": 90, "optimize": True, "progressive": False, "subsampling": 2}
IMAGE_FILE: Final = "cover.jpg"
PAGE_FILE: Final = "cover.xhtml"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_MAX_TITLE_CHARS = 400
BLACK, WHITE = 0, 255


@dataclass(frozen=True)
class CoverImage:
    """A cover ready for the book: baseline RGB JPEG bytes and their pixel size."""

    jpeg: bytes
    width: int
    height: int


GENERATED: Final = "generated"
CoverChoice = Literal["generated"] | CoverImage | os.PathLike[str] | None
"""What ``epub.build_book(cover=...)`` takes: generate one, this image (ready, or a path to
read), or no cover."""


def choose(image: str | os.PathLike[str] | None = None, *, no_cover: bool = False) -> CoverChoice:
    """The CLI's ``--cover IMAGE`` / ``--no-cover``: reads and converts the image now, so that a
    bad file fails before the thread is parsed. Raises ``InputError``."""
    if no_cover:
        return None
    return GENERATED if image is None else user_cover(image)


def resolve(choice: CoverChoice, thread: Thread, *, lang: str = "en") -> CoverImage | None:
    if isinstance(choice, os.PathLike):
        return user_cover(choice)
    if choice is None or isinstance(choice, CoverImage):
        return choice
    if choice != GENERATED:
        raise TypeError(f"cover must be {GENERATED!r}, a CoverImage, a path or None: {choice!r}")
    return generated_cover(thread, lang=lang)


# --- the user's picture -------------------------------------------------------------------------


def user_cover(path: str | os.PathLike[str]) -> CoverImage:
    """Read and convert the user's picture; ``InputError`` naming the file if it is unusable."""
    name = os.fspath(path)
    try:
        if os.path.getsize(name) > MAX_USER_FILE:
            raise InputError(f"cover image {name}: larger than {MAX_USER_FILE >> 20} MB")
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"cover image {name}: {error.strerror or error}") from error
    return image_cover(data, name)


def image_cover(data: bytes, name: str = "cover image") -> CoverImage:
    """Pure: picture bytes -> cover. ``InputError`` when they are not a readable picture."""
    try:
        with Image.open(BytesIO(data)) as opened:
            opened.seek(0)  # the first frame of an animation
            upright = ImageOps.exif_transpose(opened)
            rgb = _to_rgb(upright)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as error:
        kind = "not a picture (JPEG, PNG, WebP, GIF, ...)"
        if not isinstance(error, UnidentifiedImageError):
            kind = f"unreadable picture ({error})"
        raise InputError(f"cover image {name}: {kind}") from error
    longest = max(rgb.size)
    if longest > USER_MAX_EDGE:
        scale = USER_MAX_EDGE / longest
        size = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
        rgb = rgb.resize(size, Image.Resampling.LANCZOS)
    return _jpeg(rgb)


def _to_rgb(image: Image.Image) -> Image.Image:
    """Any mode to RGB: transparency onto white, 16-bit and float greys scaled to 8 bits."""
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        image = image.convert("F" if image.mode == "F" else "I")
        high = image.getextrema()[1]
        if isinstance(high, (int, float)) and high > 255:
            image = image.point(lambda v: v * (255 / high))
        image = image.convert("L")
    transparent = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if not transparent:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def _jpeg(image: Image.Image) -> CoverImage:
    out = BytesIO()
    image.save(out, "JPEG", **JPEG_OPTIONS)
    return CoverImage(out.getvalue(), image.width, image.height)


# --- the generated cover ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """One line of text and the font it is set in."""

    text: str
    font: ImageFont.FreeTypeFont


@dataclass(frozen=True)
class _Style:
    fonts: Sequence[cf.FontFile]
    layout: ImageFont.Layout
    lang: str
    rtl: bool

    @property
    def language(self) -> str | None:
        """Passed to raqm, which picks language-specific glyphs (e.g. Serbian, CJK regions)."""
        return self.lang if self.layout == ImageFont.Layout.RAQM else None

    def fits(self, font: ImageFont.FreeTypeFont, width: int) -> Callable[[str], bool]:
        def fits(text: str) -> bool:
            left, _, right, _ = font.getbbox(text, anchor="ls", language=self.language)
            return right - left <= width

        return fits

    def face(self, text: str) -> tuple[cf.FontFile, str]:
        return cf.pick_font(cf.clean(text, self.layout), self.fonts, self.lang)


def cover_date(thread: Thread) -> str | None:
    """``10 November 2026`` (UTC) from the post; ``None`` when the post has no exact time."""
    created = thread.post.created if thread.post else None
    if created is None:
        return None
    moment = render.utc(created)
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def comment_line(thread: Thread) -> str:
    n = thread.comment_count()
    return f"{n:,} comment" if n == 1 else f"{n:,} comments"


def generated_cover(
    thread: Thread,
    *,
    lang: str = "en",
    fonts: Sequence[cf.FontFile] | None = None,
    layout: ImageFont.Layout | None = None,
) -> CoverImage:
    """The default cover as a JPEG. ``fonts`` pins the font files (tests use the shipped one)."""
    return _jpeg(cover_picture(thread, lang=lang, fonts=fonts, layout=layout).convert("RGB"))


def cover_picture(
    thread: Thread,
    *,
    lang: str = "en",
    fonts: Sequence[cf.FontFile] | None = None,
    layout: ImageFont.Layout | None = None,
) -> Image.Image:
    """The cover before JPEG compression: a greyscale ("L") 1600×2400 picture."""
    engine = cf.default_layout() if layout is None else layout
    title = cf.clean(render.book_title(thread), engine) or "Untitled thread"
    if len(title) > _MAX_TITLE_CHARS:  # more than any cover can show legibly
        title = title[:_MAX_TITLE_CHARS].rstrip() + "…"
    style = _Style(tuple(fonts or cf.default_fonts()), engine, lang, cf.is_rtl_text(title))
    canvas = Image.new("L", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, WIDTH - 1, BAND_BOTTOM - 1), fill=BLACK)
    band = _lines(style, ((thread.community, (72, 96)), (thread.site_name, (44, 64))))
    _stack(draw, style, band, top=0, bottom=BAND_BOTTOM, fill=WHITE, center=True)
    _title(draw, style, title)
    draw.rectangle((MARGIN, RULE_TOP, WIDTH - MARGIN - 1, RULE_TOP + RULE_HEIGHT - 1), fill=BLACK)
    foot = _lines(style, ((comment_line(thread), (40, 72)), (cover_date(thread), (40, 72))))
    _stack(draw, style, foot, top=RULE_TOP + 60, bottom=HEIGHT - MARGIN, fill=BLACK)
    return canvas


def _lines(style: _Style, texts: Sequence[tuple[str | None, tuple[int, int]]]) -> list[_Text]:
    return [line for text, sizes in texts if (line := _single_line(style, text, sizes))]


def _single_line(style: _Style, text: str | None, sizes: tuple[int, int]) -> _Text | None:
    """One line, shrunk down to ``sizes[0]`` to fit the width, then cut with "…"."""
    if not text:
        return None
    font_file, shown = style.face(text)
    if not shown:
        return None
    smallest, largest = sizes
    width = WIDTH - 2 * MARGIN
    for size in range(largest, smallest, -4):
        font = cf.load(font_file, size, style.layout)
        if style.fits(font, width)(shown):
            return _Text(shown, font)
    font = cf.load(font_file, smallest, style.layout)
    return _Text(cf.ellipsize(shown, style.fits(font, width)), font)


def _stack(
    draw: ImageDraw.ImageDraw,
    style: _Style,
    lines: list[_Text],
    *,
    top: int,
    bottom: int,
    fill: int,
    center: bool = False,
) -> None:
    """Lines one under another between ``top`` and ``bottom`` (centred in it if asked)."""
    heights = [sum(line.font.getmetrics()) for line in lines]
    total = sum(heights) + LINE_GAP * max(0, len(lines) - 1)
    y = top + max(0, (bottom - top - total) // 2) if center else top
    for line, height in zip(lines, heights, strict=True):
        if y + height > bottom:
            return
        _draw_line(draw, style, line, y + line.font.getmetrics()[0], fill)
        y += height + LINE_GAP


def _draw_line(
    draw: ImageDraw.ImageDraw, style: _Style, line: _Text, baseline: float, fill: int
) -> None:
    text = line.text
    if style.layout == ImageFont.Layout.BASIC and cf.is_rtl_text(text):
        text = cf.visual_order(text)
    left, _, right, _ = line.font.getbbox(text, anchor="ls", language=style.language)
    x = WIDTH - MARGIN - right if style.rtl else MARGIN - left
    draw.text((x, baseline), text, fill, line.font, "ls", language=style.language)


def title_lines(style: _Style, title: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title wrapped at the largest size whose lines fit the title box (binary search
    over whole pixel sizes); at the smallest size, the last line that fits ends with "…"."""
    font_file, shown = style.face(title)
    width = WIDTH - 2 * MARGIN

    def attempt(size: int) -> tuple[list[str], ImageFont.FreeTypeFont, bool]:
        font = cf.load(font_file, size, style.layout)
        lines = cf.wrap(shown, style.fits(font, width))
        return lines, font, _extent(style, font, lines)[1] <= TITLE_BOTTOM - TITLE_TOP

    low, high = TITLE_SIZES
    lines, font, ok = attempt(low)
    if not ok:
        return _cut(style, lines, font, width), font
    while low < high:  # invariant: ``low`` fits
        middle = (low + high + 1) // 2
        candidate = attempt(middle)
        if candidate[2]:
            low, (lines, font, _) = middle, candidate
        else:
            high = middle - 1
    return lines, font


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * LINE_SPACING)


def _extent(style: _Style, font: ImageFont.FreeTypeFont, lines: list[str]) -> tuple[int, int]:
    """How far the block reaches above the first baseline, and its whole height: the font's
    ascent and descent, or the ink where marks (Arabic hamza, stacked accents) go further."""
    ascent, descent = font.getmetrics()
    if not lines:
        return ascent, 0
    top = font.getbbox(lines[0], anchor="ls", language=style.language)[1]
    bottom = font.getbbox(lines[-1], anchor="ls", language=style.language)[3]
    above = max(ascent, -int(top))
    return above, above + (len(lines) - 1) * _line_height(font) + max(descent, int(bottom))


def _cut(style: _Style, lines: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """As many lines as fit the title box, the last one ending with "…"."""
    kept = lines
    while len(kept) > 1 and _extent(style, font, kept)[1] > TITLE_BOTTOM - TITLE_TOP:
        kept = kept[:-1]
    return [*kept[:-1], cf.ellipsize(kept[-1], style.fits(font, width))]


def _title(draw: ImageDraw.ImageDraw, style: _Style, title: str) -> None:
    lines, font = title_lines(style, title)
    above, _ = _extent(style, font, lines)
    for n, line in enumerate(lines):
        baseline = TITLE_TOP + above + n * _line_height(font)
        _draw_line(draw, style, _Text(line, font), baseline, BLACK)


# --- the cover page -----------------------------------------------------------------------------


def cover_page(cover: CoverImage, *, title: str, lang: str, css_file: str) -> bytes:
    """The first spine item: the picture scaled to the screen, aspect kept, by an SVG wrapper
    (``viewBox`` + ``preserveAspectRatio``), which needs ``properties="svg"`` in the manifest."""
    w, h = cover.width, cover.height
    direction = ' dir="rtl"' if render.is_rtl(lang) else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{render.esc(lang)}" xml:lang="{render.esc(lang)}"{direction}>\n<head>\n'
        '<meta charset="utf-8"/>\n<title>Cover</title>\n'
        f'<link rel="stylesheet" type="text/css" href="{css_file}"/>\n'
        '<style type="text/css">\n'
        "html, body { margin: 0; padding: 0; height: 100%; }\n"
        "div.cover { margin: 0; padding: 0; height: 100%; text-align: center; }\n"
        # A block, not inline: an inline <svg> sits on a text line whose descender space
        # pushes the page past the screen, and some readers then show a blank second page.
        "svg { display: block; }\n"
        "</style>\n</head>\n"
        '<body class="cover" epub:type="cover">\n<div class="cover">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' version="1.1" width="100%" height="100%" viewBox="0 0 {w} {h}"'
        ' preserveAspectRatio="xMidYMid meet">\n'
        f"<title>{render.esc(render.one_line(title))}</title>\n"
        f'<image width="{w}" height="{h}" xlink:href="{IMAGE_FILE}"/>\n'
        "</svg>\n</div>\n</body>\n</html>\n"
    ).encode()
