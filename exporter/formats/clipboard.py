"""HTML from the clipboard: a copied part of a thread, pasted into a file or piped in.

Windows puts copied HTML on the clipboard as ``CF_HTML``: a header of byte offsets
(``Version:0.9``, ``StartHTML:``, ``EndHTML:``, ``StartFragment:``, ``EndFragment:``,
``SourceURL:``) before the HTML, whose copied part sits between ``<!--StartFragment-->`` and
``<!--EndFragment-->``. Other systems carry the same HTML without the header, often with the
markers. The offsets are bytes of UTF-8; tools that count characters get them wrong on any
non-ASCII text, so an offset that does not land on the markers gives way to the markers.
"""

from __future__ import annotations

import re

from . import Unpacked

START_MARK = b"<!--StartFragment-->"
END_MARK = b"<!--EndFragment-->"
_FIELD = re.compile(rb"([A-Za-z]+):([^\r\n]*)\r?\n?")
_FRAGMENT_TEXT = re.compile(r"<!--\s*(?:StartFragment|EndFragment)\s*-->", re.IGNORECASE)
_HEADER_FIELDS = 12


def is_cf_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    return head.startswith(b"Version:") and (b"StartHTML:" in head or b"StartFragment:" in head)


def has_fragment_marks(text: str) -> bool:
    return _FRAGMENT_TEXT.search(text[:200_000]) is not None


def read_cf_html(data: bytes) -> Unpacked:
    """The HTML a ``CF_HTML`` block holds: from ``StartHTML`` to ``EndHTML`` when the offsets
    agree with the fragment's (the elements around the fragment give it its structure: a
    copied table row needs its table), else the fragment alone; never raises."""
    data = data.lstrip(b"\xef\xbb\xbf")
    fields, header_end = _header(data)
    url = fields.get("SourceURL", "").strip() or None
    fragment = _by_offsets(data, fields, header_end) or _by_marks(data, header_end)
    if fragment is None:
        body = data[header_end:]
    else:
        start, end = fragment
        body = data[start:end]
        html_start, html_end = _offset(fields, "StartHTML"), _offset(fields, "EndHTML")
        if (
            html_start is not None
            and html_end is not None
            and header_end <= html_start <= start
            and end <= html_end <= len(data)
        ):
            body = data[html_start:html_end]
    return Unpacked(data=body, saved_as="clipboard", charset="utf-8", url=url)


def _header(data: bytes) -> tuple[dict[str, str], int]:
    fields: dict[str, str] = {}
    position = 0
    for _ in range(_HEADER_FIELDS):
        match = _FIELD.match(data, position)
        if match is None:
            break
        fields[match.group(1).decode("ascii")] = match.group(2).decode("utf-8", "replace")
        position = match.end()
    return fields, position


def _offset(fields: dict[str, str], name: str) -> int | None:
    value = fields.get(name, "").strip()
    if not value.isdigit() or len(value) > 12:
        return None
    return int(value)


def _by_offsets(data: bytes, fields: dict[str, str], header_end: int) -> tuple[int, int] | None:
    start, end = _offset(fields, "StartFragment"), _offset(fields, "EndFragment")
    if start is None or end is None or not header_end <= start <= end <= len(data):
        return None
    try:
        data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return None  # an offset that splits a character is a character count, not bytes
    # Where the markers are, the offsets must land on them: else they are not byte offsets.
    if START_MARK in data and not data[:start].rstrip().endswith(START_MARK):
        return None
    if END_MARK in data and not data[end:].lstrip().startswith(END_MARK):
        return None
    return start, end


def _by_marks(data: bytes, header_end: int) -> tuple[int, int] | None:
    start = data.find(START_MARK, header_end)
    if start < 0:
        return None
    start += len(START_MARK)
    end = data.find(END_MARK, start)
    return start, end if end >= 0 else len(data)
