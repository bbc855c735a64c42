"""Safari's ``.webarchive``: a property list holding the page and the files it loaded.

``WebMainResource`` is the page (its bytes, URL, MIME type and text encoding);
``WebSubresources`` are the images and stylesheets, each with its URL. Frames
(``WebSubframeArchives``) are archives of their own; their resources are kept too.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from . import Resource, Unpacked

_MAX_FRAMES = 100
"""Nested frame archives read at most: a crafted plist could nest them without end."""


def is_webarchive(data: bytes) -> bool:
    if data.startswith(b"bplist00"):
        return b"WebMainResource" in data
    head = data[:2048].lstrip()
    return head.startswith((b"<?xml", b"<!DOCTYPE plist", b"<plist")) and b"WebMainResource" in head


def read(data: bytes, source: str) -> Unpacked:
    import plistlib  # only a webarchive needs it

    try:
        archive = plistlib.loads(data)
    except Exception:  # plistlib raises many kinds on damaged input
        raise _damaged(source, "it cannot be read as a property list") from None
    if not isinstance(archive, dict):
        raise _damaged(source, "it is not an archive")
    main = archive.get("WebMainResource")
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise _damaged(source, "it holds no page")
    resources: dict[str, Resource] = {}
    _collect(archive, resources, main)
    encoding = _text(main.get("WebResourceTextEncodingName"))
    return Unpacked(
        data=main["WebResourceData"],
        saved_as="webarchive",
        charset=encoding,
        url=_text(main.get("WebResourceURL")),
        resources=resources,
    )


def _collect(archive: dict[str, Any], resources: dict[str, Resource], main: object) -> None:
    """Every subresource of the archive and its frames, breadth first, the page excepted."""
    queue = [archive]
    seen = 0
    while queue and seen < _MAX_FRAMES:
        current = queue.pop(0)
        seen += 1
        subresources = current.get("WebSubresources")
        for item in subresources if isinstance(subresources, list) else []:
            _add(item, resources)
        frames = current.get("WebSubframeArchives")
        for frame in frames if isinstance(frames, list) else []:
            if isinstance(frame, dict):
                if frame.get("WebMainResource") is not main:
                    _add(frame.get("WebMainResource"), resources)
                queue.append(frame)


def _add(item: object, resources: dict[str, Resource]) -> None:
    if not isinstance(item, dict):
        return
    url, body = _text(item.get("WebResourceURL")), item.get("WebResourceData")
    if url and isinstance(body, bytes):
        mime = _text(item.get("WebResourceMIMEType"))
        resources.setdefault(url, Resource(data=body, content_type=mime.lower() if mime else None))


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _damaged(source: str, why: str) -> InputError:
    return InputError(
        f"{source}: is a damaged Safari web archive ({why}); save the page again "
        "(File > Save As, Format: Web Archive or Page Source)"
    )
