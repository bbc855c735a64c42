"""Which wrapper the input is in, told from its first bytes, and the page taken out of it."""

from __future__ import annotations

from . import Unpacked, clipboard, compressed, mhtml, webarchive


def unpack(data: bytes, source: str, *, max_bytes: int) -> Unpacked:
    """The page inside ``data``: gzip is undone first (bounded by ``max_bytes``), then an
    archive (webarchive, MHTML) or a ``CF_HTML`` block is opened; anything else is the page
    itself, which ``exporter.load`` decodes and tells HTML from text.

    Raises ``InputError`` (one line) for a damaged gzip, MHTML or webarchive.
    """
    if compressed.is_gzip(data):
        data = compressed.gunzip(data, source, max_bytes)
    if webarchive.is_webarchive(data):
        return webarchive.read(data, source)
    if mhtml.is_mhtml(data, source):
        return mhtml.read(data, source)
    if clipboard.is_cf_html(data):
        return clipboard.read_cf_html(data)
    return Unpacked(data=data)


def is_wrapped_binary(head: bytes) -> bool:
    """Binary on its face but a page inside: exempt from the loader's early binary check."""
    return compressed.is_gzip(head) or head.startswith(b"bplist00")
