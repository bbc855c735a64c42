"""Safety limits: how much the pipeline accepts before it stops with one clear line.

A saved page is untrusted input, and some inputs cost far more than their size suggests. Each
limit has a default well above any real thread page and a CLI flag to raise it, and each check
sits in the site-independent core (the loader and the pipeline), never in one site's parser:

- **input size** (``--max-input-mb``, 256): bounds memory and time for everything after it;
  checked while reading, before anything is parsed.
- **HTML nesting** (``--max-nesting``, 2,000 elements): real thread pages nest under 100
  (measured: 16-34 on the samples, 82 on a 10,000-comment Lemmy page with 30 reply levels).
  Deeper, libxml2's own trees stop at 2,048 levels and *silently drop the rest of the page*;
  2,000 stays under that. The check reads the page into an lxml tree (``exporter.page_tree``, in C,
  faster than a Python call per element) and asks one XPath whether any element is deeper;
  libxml2 stops building at 2,048 levels, so a 100,000-deep pyramid is refused in a fraction
  of a second. Under a raised limit (past 2,048) the tree is built whole. A parser that
  streams the page (``exporter.page_stream``: the biggest pages, whose whole tree would be
  most of the memory) has it checked as it reads instead, each comment before the parser
  reads it; the registry (``exporter.sites.parse_page``) runs the check before any other.
- **comment count** (``--max-comments``, 200,000): no saved page holds near that many (the
  biggest real ones hold a few thousand); only generated or pasted junk does, and rendering it
  would take minutes and make a book no reader opens. Checked once the thread is parsed.
- **body size** (``--max-body-kb``, 1,024): Lemmy caps comments at 10,000 characters and posts
  at 50,000, Reddit self-posts at 40,000: as XHTML, a few hundred KB at most. A bigger body (a
  pasted log, a generated page) is *cut*, not refused: the rest of the thread is worth having,
  and the cut is said twice, in the book where it happens and as a warning on stderr.

Reply depth (how deep comments nest in the *thread*) needs no limit: every stage after
parsing walks the tree with explicit stacks; a 100,000-deep reply chain converts.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from .errors import LimitError

if TYPE_CHECKING:
    from .load import SavedPage
    from .model import Thread

# lxml is imported inside the functions that use it: the CLI imports this module for its
# defaults, and `thread2epub --help` should not pay for lxml.

MB = 1024 * 1024
KB = 1024
MAX_INPUT_BYTES = 256 * MB
MAX_NESTING = 2_000
MAX_COMMENTS = 200_000
MAX_BODY_BYTES = 1024 * KB


@dataclass(frozen=True)
class Limits:
    """Every limit in one value, so that the CLI, the API and tests pass them around whole."""

    max_input_bytes: int = MAX_INPUT_BYTES
    max_nesting: int = MAX_NESTING
    max_comments: int = MAX_COMMENTS
    max_body_bytes: int = MAX_BODY_BYTES


# --- nesting ------------------------------------------------------------------------------------


class _TooDeep(Exception):
    """Raised from the tokenizer's callback to stop reading as soon as the limit is passed."""


class _DepthGauge:
    """An lxml parser target that only counts open elements: no tree, no recursion, and it
    sees exactly the nesting that BeautifulSoup (which uses the same libxml2 parser) builds."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.depth = 0
        self.deepest = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > self.deepest:
            self.deepest = self.depth
            if self.depth > self.limit:
                raise _TooDeep

    def end(self, tag: str) -> None:
        self.depth -= 1

    def close(self) -> int:
        return self.deepest


def html_depth(text: str, stop_above: int) -> int:
    """How deep the elements of an HTML document nest (``<html>`` is 1); the count stops at
    ``stop_above + 1``. A measurement (no tree, a Python call per element: too slow for the
    check on every page, which ``check_nesting`` makes on the parsers' own tree)."""
    from lxml import etree

    gauge = _DepthGauge(stop_above)
    # lxml calls only the callbacks a target has (no data() and comment(): faster); the
    # stubs' ParserTarget protocol lists all five.
    target = cast("etree.ParserTarget", gauge)
    parser = etree.HTMLParser(target=target, recover=True, huge_tree=True, no_network=True)
    try:
        parser.feed(text)
        parser.close()
    except _TooDeep:
        pass
    except (etree.LxmlError, ValueError):
        pass  # recover=True tolerates anything still HTML-like; the count so far stands
    return gauge.deepest


def check_nesting(page: SavedPage, limit: int) -> None:
    """Refuse a page nested deeper than ``limit`` elements, before any parser reads it."""
    from .page_tree import nests_deeper

    if nests_deeper(page, limit):
        page.release_trees()
        raise nesting_error(page, limit)


def nesting_error(page: SavedPage, limit: int) -> LimitError:
    """The refusal of a page nested deeper than ``limit``, whoever measured it (the check
    above, or ``exporter.page_stream`` as it reads a page)."""
    return LimitError(
        f"{page.source}: its HTML nests more than {limit:,} elements deep, which no thread "
        "page does (a damaged or hostile page?); if it is a real thread, raise the limit with "
        "--max-nesting"
    )


# --- comments -----------------------------------------------------------------------------------


def check_comments(thread: Thread, source: str, limit: int) -> None:
    """Refuse a thread with more comments than ``limit``, before any of them is rendered."""
    count = thread.comment_count()
    if count > limit:
        raise LimitError(
            f"{source}: holds {count:,} comments, more than the limit of {limit:,}; "
            "raise it with --max-comments"
        )


# --- bodies -------------------------------------------------------------------------------------


def cap_bodies(thread: Thread, limit: int) -> None:
    """Cut every body (the post's too) longer than ``limit`` UTF-8 bytes, noting each cut in
    the body itself and in ``thread.warnings``: nothing disappears without a word."""
    posts = [thread.post] if thread.post is not None else []
    for comment in [*posts, *thread.walk()]:
        size = len(comment.body_html.encode())
        if size > limit:
            comment.body_html = cut_body(comment.body_html, limit) + _cut_note(size, limit)
            what = "the post" if comment is thread.post else f"comment {comment.id}"
            thread.warnings.append(_cut_warning(what, comment.author, size, limit))


def cut_body(fragment: str, limit: int) -> str:
    """The first ``limit`` bytes of an XHTML fragment, still well-formed: whole top-level
    blocks while they fit, then the text of the next block, cut at a character boundary."""
    from .fragment import split_fragment

    kept: list[str] = []
    used = 0
    for piece in split_fragment(fragment, max(limit // 8, 1)):
        size = len(piece.encode())
        if used + size > limit:
            rest = _text_prefix(piece, limit - used)
            if rest:
                kept.append(f"<p>{html.escape(rest, quote=False)}</p>")
            break
        kept.append(piece)
        used += size
    return "".join(kept)


_TAG = re.compile(r"<[^>]*>")


def _text_prefix(fragment: str, limit: int) -> str:
    """The fragment's text (markup dropped), at most ``limit`` bytes once escaped as XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(f"<div>{fragment}</div>".encode(), parser)
        text = str(etree.tostring(root, method="text", encoding="unicode"))
    except etree.XMLSyntaxError:
        text = html.unescape(_TAG.sub(" ", fragment))
    # Escaping can grow the text up to five times (& -> &amp;); stay under the budget after it.
    budget = max(limit - 16, 0)
    prefix = text.encode()[:budget].decode("utf-8", "ignore")
    while len(html.escape(prefix, quote=False).encode()) > budget and prefix:
        prefix = prefix[: len(prefix) * 3 // 4]
    return prefix.strip()


def _cut_note(size: int, limit: int) -> str:
    return (
        f"<p><em>[This text is cut here: it is {_kb(size)} long, over the limit of "
        f"{_kb(limit)} (convert again with --max-body-kb {-(-size // KB)} to keep all of "
        "it).]</em></p>"
    )


def _cut_warning(what: str, author: str | None, size: int, limit: int) -> str:
    if author:
        what += f" by {author}"
    return (
        f"{what} is {_kb(size)} long; the book keeps its first {_kb(limit)} "
        "(raise the limit with --max-body-kb)"
    )


def _kb(size: int) -> str:
    return f"{-(-size // KB):,} KB"
