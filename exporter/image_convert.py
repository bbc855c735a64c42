"""One picture's bytes into what every e-reader shows: a JPEG or a PNG, upright, RGB (or grey),
at most ``max_edge`` pixels on its long side, with no metadata, and always the same bytes for
the same input.

The bytes come from an untrusted page, so they are decoded only by the few Pillow plugins a
picture in a thread can need (never EPS, which runs Ghostscript, nor the dozens of exotic
formats Pillow would otherwise try), their pixel count is checked before anything is decoded,
and whatever goes wrong becomes ``Unusable`` with words a reader understands.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps

FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "AVIF")
"""The Pillow plugins allowed to decode a page's picture (AVIF where Pillow has it)."""
MAX_PIXELS = 64_000_000
"""Beyond a 64-megapixel photo, a "picture" in a thread page is a decompression bomb."""
JPEG_QUALITY = 85
MAX_PNG_COLOURS = 256
"""Pictures with this many colours or fewer (line art, screenshots of text, charts) stay PNG."""
PNG_OVER_JPEG = 2
"""A picture of many colours stays PNG while that is at most this many times the JPEG."""
_WHITE = (255, 255, 255)
_TOO_MANY = "more pixels than any picture in a thread has: a decompression bomb"


class Unusable(Exception):
    """The bytes are no picture the book can hold; ``str()`` says why, for a warning."""


@dataclass(frozen=True)
class Converted:
    data: bytes
    media_type: str
    extension: str
    width: int
    height: int
    source_size: tuple[int, int]
    """The picture's size before scaling (to tell tracking pixels from pictures)."""


def convert(data: bytes, *, max_edge: int = 1600, grayscale: bool = False) -> Converted:
    """``data`` as a book picture; raises ``Unusable`` for anything that is not one."""
    if _is_svg(data):
        raise Unusable("an SVG drawing, which e-readers cannot show")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _convert(data, max_edge, grayscale)
    except Unusable:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Unusable(_TOO_MANY) from None
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, struct.error, …)
        raise Unusable("damaged, or not a picture") from None


def _is_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower()


def _allowed() -> list[str]:
    Image.init()  # imports the plugins, so that ``Image.OPEN`` lists what this Pillow reads
    return [name for name in FORMATS if name in Image.OPEN]


def _open(data: bytes) -> Image.Image:
    image = Image.open(BytesIO(data), formats=_allowed())
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        raise Unusable(_TOO_MANY)
    return image


def _convert(data: bytes, max_edge: int, grayscale: bool) -> Converted:
    if "AVIF" not in _allowed() and data[4:12] in (b"ftypavif", b"ftypavis"):
        raise Unusable("an AVIF picture, which this installation of Pillow cannot read")
    _open(data).verify()  # reads the whole file: truncated or inconsistent ones fail here
    image = _open(data)
    source_format, source_size = image.format or "", image.size
    if source_format == "JPEG":
        image.draft("RGB", (max_edge, max_edge))  # decode a 6000 px photo at 1/2, 1/4…
    image.seek(0)  # an animation: its first frame
    image.load()
    image = _upright(image)
    alpha = _has_alpha(image)
    flat = _flatten(image) if alpha else image.convert("RGB")
    flat = _shrink(flat, max_edge)
    if grayscale:
        flat = flat.convert("L")
    flat.info = {}  # nothing from the source (ICC, EXIF, comments) reaches the encoder
    few_colours = flat.getcolors(MAX_PNG_COLOURS) is not None
    if alpha or few_colours:
        out, kind = _png(flat), "png"
    elif source_format == "JPEG":
        out, kind = _jpeg(flat), "jpeg"
    else:
        png, jpeg = _png(flat), _jpeg(flat)
        out, kind = (png, "png") if len(png) <= PNG_OVER_JPEG * len(jpeg) else (jpeg, "jpeg")
    extension = "png" if kind == "png" else "jpg"
    width, height = flat.size
    return Converted(out, f"image/{kind}", extension, width, height, source_size)


def _upright(image: Image.Image) -> Image.Image:
    """Turned as the camera's EXIF orientation says; a broken EXIF block is no reason to
    lose the photo, so it is then used as stored."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # malformed EXIF raises anything from struct.error to KeyError
        return image


def _has_alpha(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        return True
    return image.mode == "P" and "transparency" in image.info


def _flatten(image: Image.Image) -> Image.Image:
    """Transparent parts on white: e-readers show transparency as black or as garbage."""
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, _WHITE)
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def _shrink(image: Image.Image, max_edge: int) -> Image.Image:
    width, height = image.size
    longest = max(width, height)
    if longest <= max_edge:
        return image
    scale = max_edge / longest
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _jpeg(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False)
    return buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
