"""Fonts and line breaking for the generated cover.

The choice of font is deterministic: the shipped DejaVu Sans Bold comes first and is used for
every text it fully covers (Latin, Greek, Cyrillic, Arabic, Persian, Hebrew, Armenian, Georgian,
...), so those covers are the same on every machine with the same Pillow. Only for a text it
cannot show (CJK, Indic, Thai, ...) are system fonts consulted, from a fixed list of file names
in a fixed order; then the cover depends on the font that machine has. Characters that no
available font has are left out of the cover (never drawn as boxes); the book keeps them.

Text is laid out with raqm (HarfBuzz shaping + FriBiDi reordering) when Pillow has it. Without
it, a line whose first strong character is right-to-left is put into visual order here, so
Hebrew reads correctly; Arabic then shows the right letters in the right order but unjoined
(isolated forms), which is legible but not good typography.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFont, features


class FontFile(NamedTuple):
    path: str
    face: int = 0
    """Face index inside a ``.ttc`` collection."""


SHIPPED_FONT = FontFile(
    str(resources.files("exporter").joinpath("assets/fonts/DejaVuSans-Bold.ttf"))
)

# System fonts tried, in this order, for texts the shipped font cannot show. Bold first.
_SYSTEM_STEMS = (
    # CJK: Noto / Source Han (most Linux desktops, Android), WenQuanYi, Droid; Windows; macOS.
    "NotoSansCJK-Bold", "NotoSansCJKsc-Bold", "NotoSansCJKjp-Bold", "SourceHanSans-Bold",
    "NotoSansCJK-Regular", "wqy-microhei", "wqy-zenhei", "DroidSansFallbackFull",
    "DroidSansFallback", "msyhbd", "msyh", "YuGothB", "malgunbd", "meiryob",
    "Hiragino Sans GB", "PingFang", "AppleSDGothicNeo",
    # Other scripts DejaVu Sans lacks (and Arabic/Hebrew letters it may miss).
    "NotoSansDevanagari-Bold", "NotoSansBengali-Bold", "NotoSansTamil-Bold",
    "NotoSansTelugu-Bold", "NotoSansKannada-Bold", "NotoSansMalayalam-Bold",
    "NotoSansGujarati-Bold", "NotoSansGurmukhi-Bold", "NotoSansSinhala-Bold",
    "NotoSansThai-Bold", "NotoSansLao-Bold", "NotoSansKhmer-Bold", "NotoSansMyanmar-Bold",
    "NotoSansEthiopic-Bold", "NotoSansArabic-Bold", "NotoSansHebrew-Bold", "NotoSans-Bold",
    "NotoSansSymbols2-Regular", "DejaVuSans", "Arial Unicode",
)  # fmt: skip
_EXTENSIONS = (".ttc", ".ttf", ".otf")
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
)
# Face order inside the Noto Sans CJK / Source Han Sans collections: JP, KR, SC, TC, HK.
_CJK_FACES = {"ja": 0, "ko": 1, "zh": 2, "zh-hans": 2, "zh-cn": 2, "zh-sg": 2,
              "zh-hant": 3, "zh-tw": 3, "zh-hk": 4, "zh-mo": 4}  # fmt: skip
_NO_BREAK_BEFORE = set(
    "、。，．・：；？！ー）」』】〕〉》〙〗〟’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…‥)]},.!?:;"
)
_NO_BREAK_AFTER = set("（「『【〔〈《〘〖〝‘“([{")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ / ZWJ shape Persian and Indic text under raqm


def has_raqm() -> bool:
    return bool(features.check("raqm"))


def default_layout() -> ImageFont.Layout:
    return ImageFont.Layout.RAQM if has_raqm() else ImageFont.Layout.BASIC


@lru_cache(maxsize=1)
def _installed() -> dict[str, str]:
    """Lower-case file name -> path, for fonts in the usual folders (first in sorted order)."""
    found: dict[str, str] = {}
    for folder in _FONT_DIRS:
        root = os.path.expanduser(folder)
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.lower().endswith(_EXTENSIONS):
                    found.setdefault(name.lower(), os.path.join(dirpath, name))
    return found


def system_fonts() -> tuple[str, ...]:
    """Paths of the known wide-coverage fonts installed here, in preference order."""
    installed = _installed()
    paths = (installed.get(f"{stem}{ext}".lower()) for stem in _SYSTEM_STEMS for ext in _EXTENSIONS)
    return tuple(p for p in paths if p)


def default_fonts() -> tuple[FontFile, ...]:
    """The shipped font first, then the system fonts (face index chosen per text)."""
    return (SHIPPED_FONT, *(FontFile(p) for p in system_fonts()))


def _cjk_face(font: FontFile, text: str, lang: str) -> FontFile:
    """Pick the regional face of a CJK collection: from the language, else from the text."""
    name = Path(font.path).name.lower()
    if not name.endswith(".ttc") or not name.startswith(("notosanscjk", "sourcehansans")):
        return font
    parts = lang.lower().split("-")
    prefixes = ("-".join(parts[:n]) for n in (len(parts), 2, 1))  # zh-Hant-TW, zh-Hant, zh
    face = next((_CJK_FACES[p] for p in prefixes if p in _CJK_FACES), None)
    if face is None:
        kana = any("\u3040" <= ch <= "\u30ff" for ch in text)
        hangul = any("\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" for ch in text)
        face = 0 if kana else 1 if hangul else 2
    return FontFile(font.path, face)


# --- coverage -----------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _probe(font: FontFile) -> tuple[ImageFont.FreeTypeFont, bytes] | None:
    """A small basic-layout instance of the font and the picture of its missing-glyph box."""
    try:
        probe = ImageFont.truetype(
            font.path, 24, index=font.face, layout_engine=ImageFont.Layout.BASIC
        )
        return probe, _glyph_picture(probe, "\U0010fffd")
    except (OSError, ValueError):  # unreadable, or a bitmap-only font (colour emoji)
        return None


def _glyph_picture(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    canvas = Image.new("L", (48, 48), 0)
    ImageDraw.Draw(canvas).text((8, 8), ch, font=font, fill=255)
    return canvas.tobytes()


def _ignorable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


@lru_cache(maxsize=4096)
def covers(font: FontFile, ch: str) -> bool:
    """Whether ``font`` has a glyph for ``ch`` (its glyph differs from the missing-glyph box)."""
    if _ignorable(ch):
        return True
    probe = _probe(font)
    return probe is not None and _glyph_picture(probe[0], ch) != probe[1]


def clean(text: str, layout: ImageFont.Layout) -> str:
    """Drop format characters a layout cannot use (bidi controls, soft hyphens, variation
    selectors) and collapse whitespace; ZWJ/ZWNJ stay for raqm, which needs them to shape."""
    keep = _KEEP_FORMAT if layout == ImageFont.Layout.RAQM else set()
    out = (
        ch
        for ch in text
        if (unicodedata.category(ch) != "Cf" or ch in keep)
        and not ("\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef")
    )
    return " ".join("".join(out).split())


def pick_font(text: str, fonts: Sequence[FontFile], lang: str) -> tuple[FontFile, str]:
    """The first font that has every character of ``text``, else the one that has most (the
    earliest on a tie); and ``text`` without the characters that font lacks."""
    if not fonts:
        raise ValueError("no font to draw the cover with")
    chars = set(text)
    best, best_missing = fonts[0], len(chars) + 1
    for font in fonts:
        missing = sum(1 for ch in chars if not covers(font, ch))
        if missing < best_missing:
            best, best_missing = font, missing
        if missing == 0:
            break
    kept = "".join(ch for ch in text if covers(best, ch))
    return _cjk_face(best, kept, lang), " ".join(kept.split())


@lru_cache(maxsize=256)
def load(font: FontFile, size: int, layout: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font.path, size, index=font.face, layout_engine=layout)


# --- direction ----------------------------------------------------------------------------------


def is_rtl_text(text: str) -> bool:
    """Whether the first strong character is right-to-left (the paragraph's base direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def visual_order(line: str) -> str:
    """A right-to-left line in display order for the basic layout (which has no bidi): runs of
    left-to-right letters and digits keep their order, everything else is reversed (brackets
    mirrored)."""
    runs: list[tuple[bool, str]] = []
    for ch in line:
        ltr = unicodedata.bidirectional(ch) in ("L", "EN", "AN")
        if runs and runs[-1][0] == ltr:
            runs[-1] = (ltr, runs[-1][1] + ch)
        else:
            runs.append((ltr, ch))
    return "".join(text if ltr else text[::-1].translate(_MIRROR) for ltr, text in reversed(runs))


# --- line breaking ------------------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x30FF  # radicals, CJK punctuation, kana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3FFFF
    )


def _joins_previous(ch: str) -> bool:
    """A character that must stay with the one before it (marks, joiners, kinsoku)."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in _NO_BREAK_BEFORE
        or ch in "\u200c\u200d"
    )


def clusters(word: str) -> Iterator[str]:
    """Where an over-long word may be broken: between characters, never before a mark."""
    unit = ""
    for ch in word:
        if unit and not _joins_previous(ch) and unit[-1] != "\u200d":
            yield unit
            unit = ""
        unit += ch
    if unit:
        yield unit


def pieces(text: str) -> list[tuple[str, str]]:
    """``(glue, piece)`` pairs: words glued by a space, and CJK characters, which may break
    between any two (but not before closing or after opening punctuation), glued by nothing."""
    out: list[tuple[str, str]] = []
    for word in text.split():
        glue = " " if out else ""
        unit = ""
        for ch in word:
            boundary = unit and (_is_cjk(ch) or _is_cjk(unit[-1]))
            if boundary and not _joins_previous(ch) and unit[-1] not in _NO_BREAK_AFTER:
                out.append((glue, unit))
                glue, unit = "", ""
            unit += ch
        out.append((glue, unit))
    return out


def wrap(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Greedy line filling; a piece too wide for a line on its own is broken between clusters."""
    lines: list[str] = []
    line = ""
    for glue, piece in pieces(text):
        candidate = f"{line}{glue}{piece}" if line else piece
        if fits(candidate):
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        for unit in clusters(piece) if not fits(piece) else (piece,):
            if line and not fits(line + unit):
                lines.append(line)
                line = ""
            line += unit
    if line:
        lines.append(line)
    return lines


def ellipsize(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` cut at a cluster boundary with "…" so that it fits (or just "…")."""
    units = list(clusters(text))
    while units and not fits("".join(units).rstrip() + "…"):
        units.pop()
    return "".join(units).rstrip() + "…"
