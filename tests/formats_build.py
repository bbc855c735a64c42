"""Builders of every way a browser saves or copies a page, from a page the project wrote.

Each takes the page's HTML (a fixture) and the resources it loaded (URL → bytes and type)
and writes what the browser would: MHTML as Chrome writes it (a MIME message built with the
standard library's ``email``), a Safari webarchive (``plistlib``), "Web page, complete"
(``X.html`` + ``X_files/``), SingleFile (scripts gone, resources inlined as ``data:`` URIs),
and clipboard HTML (a fragment, Firefox's markers, Windows' ``CF_HTML``).
"""

from __future__ import annotations

import base64
import email.policy
import gzip
import plistlib
import re
import struct
import zlib
from email.message import EmailMessage
from pathlib import Path

from lxml import html as lxml_html

Parts = dict[str, tuple[bytes, str]]
"""URL → (bytes, MIME type): what the page loaded besides itself."""


def png(red: int, green: int, blue: int) -> bytes:
    """A 2×2 PNG of one colour, written by hand so that it is byte-identical everywhere."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes((red, green, blue)) * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def with_images(page: str, srcs: list[str]) -> str:
    """The page with a banner of ``<img>``s at the top of its body (outside every comment,
    so that the comments themselves stay the same whichever way the page is saved)."""
    banner = "".join(f'<img src="{src}" alt="banner {n}">' for n, src in enumerate(srcs))
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + f"<div>{banner}</div>", page, count=1)


def to_mhtml(page: str, url: str, parts: Parts, *, date: str, scripts: bool = True) -> bytes:
    """Chrome's "Webpage, Single File": the page quoted-printable, resources base64, CRLF."""
    if not scripts:
        page = strip_scripts(page)
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "A saved thread"
    message["Date"] = date
    message.set_content(page, subtype="html", cte="quoted-printable")
    message["Content-Location"] = url
    message.make_related()
    for part_url, (data, mime) in parts.items():
        maintype, subtype = mime.split("/")
        message.add_related(
            data, maintype, subtype, cte="base64", headers=[f"Content-Location: {part_url}"]
        )
    return message.as_bytes(policy=email.policy.default.clone(linesep="\r\n"))


def to_webarchive(page: str, url: str, parts: Parts, *, encoding: str = "UTF-8") -> bytes:
    """Safari's Web Archive: a binary property list of the page and its subresources."""
    archive = {
        "WebMainResource": {
            "WebResourceData": page.encode(encoding),
            "WebResourceFrameName": "",
            "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": encoding,
            "WebResourceURL": url,
        },
        "WebSubresources": [
            {"WebResourceData": data, "WebResourceMIMEType": mime, "WebResourceURL": part_url}
            for part_url, (data, mime) in parts.items()
        ],
    }
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY, sort_keys=True)


def to_files(folder: Path, name: str, page: str, parts: Parts, *, suffix: str = "_files") -> Path:
    """ "Web page, complete": ``name.html`` with its resources in ``name_files/``, the page's
    references rewritten to them; returns the page's path."""
    files = folder / f"{name}{suffix}"
    files.mkdir(parents=True, exist_ok=True)
    for n, (part_url, (data, _mime)) in enumerate(parts.items()):
        local = f"{n}-{part_url.rsplit('/', 1)[-1]}"
        (files / local).write_bytes(data)
        page = page.replace(f'"{part_url}"', f'"{name}{suffix}/{local}"')
    path = folder / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    return path


def to_singlefile(page: str, url: str, parts: Parts) -> str:
    """SingleFile: no scripts, every resource a ``data:`` URI, its signature comment on top."""
    page = strip_scripts(page)
    for part_url, (data, mime) in parts.items():
        uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        page = page.replace(f'"{part_url}"', f'"{uri}"')
    note = (
        f"<!--\n Page saved with SingleFile \n url: {url} \n"
        " saved date: Tue Nov 10 2026 09:02:12 GMT+0000 (Coordinated Universal Time)\n-->"
    )
    return re.sub(r"(<html[^>]*>)", lambda m: m.group(1) + note, page, count=1)


def strip_scripts(page: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", page, flags=re.DOTALL | re.IGNORECASE)


def region(page: str, xpath: str) -> str:
    """The outer HTML of the first element ``xpath`` finds: the part of the page a reader
    selects and copies (a browser copies the elements with their attributes, no scripts)."""
    root = lxml_html.document_fromstring(page)
    found = root.xpath(xpath)
    assert isinstance(found, list) and found, xpath
    element = found[0]
    assert isinstance(element, lxml_html.HtmlElement)
    return str(lxml_html.tostring(element, encoding="unicode"))


def with_marks(fragment: str) -> str:
    """What Firefox and Chrome put on the clipboard as ``text/html``."""
    return "<html><body>\n<!--StartFragment-->" + fragment + "<!--EndFragment-->\n</body>\n</html>"


def to_cf_html(fragment: str, url: str | None, *, count_chars: bool = False) -> bytes:
    """Windows' ``CF_HTML``: a header of byte offsets into the UTF-8 that follows it (or, with
    ``count_chars``, the character offsets some tools wrongly write)."""
    before = b"<html>\r\n<body>\r\n<!--StartFragment-->"
    after = b"<!--EndFragment-->\r\n</body>\r\n</html>"
    body = fragment.encode("utf-8") if not count_chars else fragment.encode("ascii", "replace")
    template = (
        "Version:0.9\r\nStartHTML:{:010d}\r\nEndHTML:{:010d}\r\n"
        "StartFragment:{:010d}\r\nEndFragment:{:010d}\r\n"
    )
    source = f"SourceURL:{url}\r\n" if url else ""
    size = len(template.format(0, 0, 0, 0).encode()) + len(
        source.encode() if not count_chars else source.encode("ascii", "replace")
    )
    start_fragment = size + len(before)
    end_fragment = start_fragment + len(body)
    end_html = end_fragment + len(after)
    header = template.format(size, end_html, start_fragment, end_fragment) + source
    return header.encode() + before + fragment.encode("utf-8") + after


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
