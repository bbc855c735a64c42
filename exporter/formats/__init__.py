"""The ways people save or paste a page, unpacked into one form before anything is decoded.

A browser hands us a thread in many wrappers: plain HTML, "Web page, complete" (``X.html`` +
``X_files/``), MHTML, a Safari ``.webarchive``, SingleFile's one file of ``data:`` URIs, a
gzip of any of them, or the clipboard's HTML. Each module here knows one wrapper and returns
an ``Unpacked``: the page's own bytes (still undecoded: ``exporter.load`` owns decoding), the
charset the wrapper declared, and the resources it carried, keyed by URL. The wrapper is told
from the bytes, not the file name: people rename files, and browsers name them oddly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

SAVED_AS = ("html", "mhtml", "webarchive", "singlefile", "files", "clipboard", "text")
"""Every value of ``SavedPage.saved_as``: how the user's input was saved, for messages."""


@dataclass(frozen=True)
class Resource:
    """One file a saved page carries (an image, a stylesheet), as the archive stored it."""

    data: bytes
    content_type: str | None = None
    """The MIME type the archive declared (``image/png``), lower case; None when unknown.
    Declared, not verified: whoever embeds it must sniff the bytes."""


@dataclass
class Unpacked:
    """The page inside a wrapper: its bytes, what the wrapper says about them, its resources."""

    data: bytes
    saved_as: str = "html"
    charset: str | None = None
    """The charset the wrapper declared for ``data``; it beats a ``<meta charset>``."""
    url: str | None = None
    saved_at: datetime | None = None
    resources: dict[str, Resource] = field(default_factory=dict)
    """Keyed by the URL (or ``cid:`` reference) the archive gives each part."""
