"""Test pictures made with Pillow at run time (nothing binary is committed), and a small saved
Hacker News page ("Web page, complete": ``page.html`` + ``page_files/``) whose comments show
them. The page is invented, in HN's item markup."""

from __future__ import annotations

import base64
import html
import struct
import zlib
from io import BytesIO
from pathlib import Path

from PIL import Image

RED = (200, 30, 30)
BLUE = (20, 60, 200)


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def photo(width: int = 640, height: int = 480, fmt: str = "JPEG") -> bytes:
    """Many colours, smooth like a photograph (a Mandelbrot set, scaled up)."""
    small = Image.effect_mandelbrot((300, 200), (-2.0, -1.0, 1.0, 1.0), 60)
    tint = Image.merge(
        "RGB", (small, small.rotate(180), Image.linear_gradient("L").resize(small.size))
    )
    return encoded(tint.resize((width, height), Image.Resampling.BICUBIC), fmt, quality=92)


def webp() -> bytes:
    return photo(800, 600, "WEBP")


def animated_gif() -> bytes:
    """Two frames: red first, then blue."""
    frames = [Image.new("RGB", (120, 80), colour) for colour in (RED, BLUE)]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def transparent_png() -> bytes:
    """Left half fully transparent, right half opaque red."""
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste(Image.new("RGBA", (100, 100), (*RED, 255)), (100, 0))
    return encoded(image, "PNG")


def solid_png(colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    return encoded(Image.new("RGB", size, colour), "PNG")


def bomb_png(width: int = 40_000, height: int = 40_000) -> bytes:
    """A tiny PNG whose header claims ``width``×``height`` pixels (1.6 gigapixels)."""
    data = solid_png((0, 0, 0), (8, 8))
    ihdr = struct.pack(">II", width, height) + data[24:29]
    chunk = b"IHDR" + ihdr
    return (
        data[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + data[33:]
    )


def data_uri(data: bytes, media_type: str = "image/png") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


_HEAD = (
    '<html lang="en" op="item"><head><title>{title} | Hacker News</title></head><body><center>\n'
    '<table id="hnmain"><tr><td><table class="fatitem" border="0">\n'
    '<tr class="athing" id="100"><td class="title"><span class="titleline">'
    '<a href="item?id=100">{title}</a></span></td></tr>\n'
    '<tr><td colspan="2"></td><td class="subtext"><span class="subline">'
    '<span class="score" id="score_100">5 points</span> by '
    '<a href="user?id=op" class="hnuser">op</a> '
    '<span class="age" title="2026-11-10T09:02:00 1794301320">'
    '<a href="item?id=100">1 hour ago</a></span></span></td></tr>\n'
    '</table><table class="comment-tree" border="0">\n'
)
_ROW = (
    '<tr class="athing comtr" id="{id}"><td><table border="0"><tr>'
    '<td class="ind" indent="0"><img src="s.gif" height="1" width="0"></td>'
    '<td class="default"><div style="margin-top:2px; margin-bottom:-10px;">'
    '<span class="comhead"><a href="user?id={author}" class="hnuser">{author}</a> '
    '<span class="age" title="2026-11-10T09:{minute:02d}:00 {stamp}">'
    '<a href="item?id={id}">1 hour ago</a></span></span></div><br>'
    '<div class="comment"><div class="commtext c00">{body}</div></div>'
    "</td></tr></table></td></tr>\n"
)
_FOOT = "</table></td></tr></table></center></body></html>\n"


def hn_page(bodies: list[str], title: str = "Pictures people posted") -> str:
    """An HN item page with one top-level comment per body (raw HTML, as the page has it)."""
    rows = "".join(
        _ROW.format(
            id=101 + n, author=f"user{n}", minute=5 + n, stamp=1794301500 + 60 * n, body=body
        )
        for n, body in enumerate(bodies)
    )
    return _HEAD.format(title=html.escape(title)) + rows + _FOOT


def img(src: str, alt: str = "a picture", **attrs: str) -> str:
    extra = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<p>Look: <img src="{html.escape(src)}" alt="{html.escape(alt)}"{extra}></p>'


def saved_page(folder: Path, bodies: list[str], files: dict[str, bytes]) -> Path:
    """``folder/page.html`` and ``folder/page_files/<name>`` for each of ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    files_dir = folder / "page_files"
    files_dir.mkdir(exist_ok=True)
    for name, data in files.items():
        (files_dir / name).write_bytes(data)
    page = folder / "page.html"
    page.write_text(hn_page(bodies), encoding="utf-8")
    return page
