"""MHTML (``.mht``, ``.mhtml``): Chrome's and Edge's "Webpage, single file", and old IE's.

An MHTML file is a MIME message (``multipart/related``): one part is the page, the others
its images and stylesheets, each with the ``Content-Location`` it was fetched from and a
transfer encoding (quoted-printable for the HTML, base64 for images). The standard library's
``email`` package reads it; this module picks the page and keys the rest by URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..errors import InputError
from . import Resource, Unpacked

if TYPE_CHECKING:
    from email.message import Message

_HEADER_LINE = re.compile(rb"[!-9;-~]+:[^\r\n]*\r?\n")
_MULTIPART = re.compile(rb"^Content-Type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_HEADER_START = re.compile(rb"^(?:MIME-Version|Content-Type|From):", re.IGNORECASE | re.MULTILINE)
_MIME_MARK = re.compile(
    rb"^(?:MIME-Version:|Content-Type:\s*multipart/)", re.IGNORECASE | re.MULTILINE
)


def is_mhtml(data: bytes, name: str = "") -> bool:
    """A MIME message: header lines from the first byte, with ``MIME-Version:`` or a
    ``multipart`` content type among them (text pasted as "Subject: …" has neither). A file
    named ``.mht``/``.mhtml`` may have a stray line first, if it declares multipart at all."""
    head = data[:8192].removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n\t ")
    if name.lower().endswith((".mht", ".mhtml")) and _MULTIPART.search(head):
        return True
    if not _HEADER_LINE.match(head):
        return False
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    return _MIME_MARK.search(block) is not None


def read(data: bytes, source: str) -> Unpacked:
    # Imported here: the email package costs 30 ms, and only MHTML needs it.
    import email
    import email.policy

    message = email.message_from_bytes(_from_headers(data), policy=email.policy.default)
    parts = [part for part in message.walk() if not part.is_multipart()]
    if not parts or (not message.is_multipart() and not _is_page(message)):
        raise _damaged(source, "it holds no parts")
    root = _root(message, parts)
    if root is None:
        raise _damaged(source, "it holds no HTML page")
    page = root.get_payload(decode=True)
    if not isinstance(page, bytes) or not page.strip():
        raise _damaged(source, "its page is empty")
    resources: dict[str, Resource] = {}
    for part in parts:
        if part is root:
            continue
        body = part.get_payload(decode=True)
        if not isinstance(body, bytes):
            continue
        resource = Resource(data=body, content_type=part.get_content_type())
        for key in _names(part):
            resources.setdefault(key, resource)
    charset = root.get_param("charset")
    return Unpacked(
        data=page,
        saved_as="mhtml",
        charset=charset if isinstance(charset, str) else None,
        url=_header(root, "Content-Location") or _page_location(message),
        saved_at=_date(message),
        resources=resources,
    )


def _from_headers(data: bytes) -> bytes:
    """The message from its first header line: a BOM or a stray line before it is dropped."""
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n\t ")
    if _HEADER_LINE.match(data):
        return data
    first = _HEADER_START.search(data, 0, 8192)
    return data[first.start() :] if first else data


def _root(message: Message, parts: Sequence[Message]) -> Message | None:
    """The part ``start`` names (by Content-ID), else the one the message's own location
    names, else the first HTML part (what Chrome, Edge and IE all put first)."""
    start = message.get_param("start")
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>")
        for part in parts:
            if (_header(part, "Content-ID") or "").strip("<>") == wanted:
                return part
    location = _page_location(message)
    if location:
        for part in parts:
            if _header(part, "Content-Location") == location and _is_page(part):
                return part
    for part in parts:
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return part
    return None


def _is_page(part: Message) -> bool:
    return part.get_content_maintype() == "text" or part.get_content_type().endswith("xml")


def _page_location(message: Message) -> str | None:
    return _header(message, "Content-Location") or _header(message, "Snapshot-Content-Location")


def _names(part: Message) -> list[str]:
    names = []
    location = _header(part, "Content-Location")
    if location:
        names.append(location)
    content_id = _header(part, "Content-ID")
    if content_id:
        names.append("cid:" + content_id.strip("<>"))
    return names


def _header(part: Message, name: str) -> str | None:
    try:
        value = part.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header the policy cannot parse
        return None
    text = str(value).strip() if value is not None else ""
    return text or None


def _date(message: Message) -> datetime | None:
    text = _header(message, "Date")
    if not text:
        return None
    try:
        from email.utils import parsedate_to_datetime

        moment = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(timezone.utc)


def _damaged(source: str, why: str) -> InputError:
    return InputError(
        f"{source}: is a damaged MHTML file ({why}); save the page again "
        "(Save as: 'Webpage, Single File' or 'Webpage, HTML only')"
    )
