"""The pipeline end to end, as the CLI and the Python API use it: source → Thread → EPUB."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from .clean import strip_xml_illegal
from .load import MAX_INPUT_BYTES, SavedPage, page_from_bytes, read_input
from .model import Thread
from .sites import parse_page


def load_thread(
    source: str | os.PathLike[str] | bytes,
    *,
    site: str | None = None,
    max_input_bytes: int = MAX_INPUT_BYTES,
) -> Thread:
    """Parse a saved page or pasted text into a ``Thread``.

    ``source`` is a path (``"-"`` for standard input) or the page's bytes. Raises a
    ``Thread2EpubError`` subclass with a one-line message when it cannot.
    """
    if isinstance(source, bytes):
        page = page_from_bytes(source, "<bytes>")
    else:
        page = read_input(os.fspath(source), max_bytes=max_input_bytes)
    return thread_from_page(page, site=site)


def thread_from_page(page: SavedPage, *, site: str | None = None) -> Thread:
    thread = parse_page(page, site)
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


def default_output_name(title: str) -> str:
    """The title as a file name any filesystem takes: no separators, no reserved characters."""
    name = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]+', " ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = name[:100].rstrip(" .") if len(name) > 100 else name
    return (name or "thread") + ".epub"
