"""The pipeline end to end, as the CLI and the Python API use it: source → Thread → EPUB."""

from __future__ import annotations

import html
import os
import re
from dataclasses import replace
from pathlib import Path

from .clean import strip_xml_illegal
from .images import ImageOptions, add_images
from .limits import Limits, cap_bodies, check_comments
from .load import SavedPage, page_from_bytes, read_input
from .model import Thread
from .sites import parse_page


def load_thread(
    source: str | os.PathLike[str] | bytes,
    *,
    site: str | None = None,
    limits: Limits | None = None,
    max_input_bytes: int | None = None,
    images: ImageOptions | None = None,
) -> Thread:
    """Parse a saved page or pasted text into a ``Thread``.

    ``source`` is a path (``"-"`` for standard input) or the page's bytes. ``limits`` (see
    ``exporter.limits``) bound what is accepted; ``max_input_bytes``, kept from before there
    were other limits, overrides the input size in them. ``images``: what to do with the
    pictures (default: embed those the saved page carries, fetch nothing). Raises a
    ``Thread2EpubError`` subclass with a one-line message when it cannot.
    """
    limits = limits or Limits()
    if max_input_bytes is not None:
        limits = replace(limits, max_input_bytes=max_input_bytes)
    if isinstance(source, bytes):
        page = page_from_bytes(source, "<bytes>", max_bytes=limits.max_input_bytes)
    else:
        page = read_input(os.fspath(source), max_bytes=limits.max_input_bytes)
    return thread_from_page(page, site=site, limits=limits, images=images)


def thread_from_page(
    page: SavedPage,
    *,
    site: str | None = None,
    limits: Limits | None = None,
    images: ImageOptions | None = None,
) -> Thread:
    """Detect, parse and bound: the nesting limit is checked on the page before (or, for a
    parser that streams the page, while) it is parsed, the limits that need the thread right
    after (comments, bodies). The pictures
    are resolved while the page is at hand, before bodies are cut (a ``data:`` URI is big in
    the body, small once it is a file of the book)."""
    limits = limits or Limits()
    page.nesting_limit = limits.max_nesting
    thread = parse_page(page, site)
    check_comments(thread, page.source, limits.max_comments)
    add_images(thread, page, images)
    cap_bodies(thread, limits.max_body_bytes)
    thread.title = strip_xml_illegal(thread.title).strip() or default_title(thread, page.source)
    return thread


def default_title(thread: Thread, source: str) -> str:
    """A title for threads whose page had none (pasted comments): the first words said."""
    first = next(thread.walk(), None)
    if first is not None and first.body_html:
        words = html.unescape(re.sub(r"<[^>]+>", " ", first.body_html)).split()
        if words:
            text = " ".join(words[:8])
            text = text if len(words) <= 8 else text + "…"
            return f"{first.author}: {text}" if first.author else text
    # "<stdin>" and the like are not names a reader wants to see.
    return "Thread" if source.startswith("<") else Path(source).stem or "Thread"


_NAME_CHARS = 100
_NAME_BYTES = 150
"""The title's share of a file name: 100 characters, and at most 150 bytes of UTF-8 (50 CJK
characters); with ``.epub`` and the temporary file's extra 19 bytes, well under the 255 bytes
a filesystem allows."""


def default_output_name(title: str) -> str:
    """The title as a file name any filesystem takes: no separators, no reserved characters,
    no lone surrogates (``--title`` can carry them from undecodable argv bytes), and short
    enough *in bytes*, which is what filesystems count."""
    name = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*\ud800-\udfff]+', " ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = name[:_NAME_CHARS]
    if len(name.encode()) > _NAME_BYTES:
        name = name.encode()[:_NAME_BYTES].decode("utf-8", "ignore")
    return (name.rstrip(" .") or "thread") + ".epub"
