"""A saved page read as a stream of comments, so that its whole tree is never held.

Why: libxml2's tree of a thread page takes 12-15 times the page's size (260 MB for the 18 MB
page of 10,000 Hacker News comments, 2.4 GB for 50,000 old-Reddit ones), more than everything
else a conversion holds together. Read as a stream, the whole conversion of that HN page peaks
at 88 MB (from 305), at about the speed of the whole parse: libxml2's push parser, fed the
page's UTF-8 64 KB at a time, builds the same tree as ``page_tree.document`` (compared on
every test page and the real saved pages), and the site reads each comment as soon as its
end tag is in, then lets it go (``release``, or removes it). The page itself is read as UTF-8
(``SavedPage.utf8``), never as a ``str``, which takes four bytes a character once the page
holds one emoji (``SavedPage``: a valid UTF-8 page is held as it was read). libxml2 still
keeps what it was fed until the parse ends (about the page's size): most of what the stream
itself still holds.

What the site does not let go (the page's head, the post, the empty elements ``release``
leaves) stays: once the stream ends it is ``page.tree``, for what the site reads last (title,
canonical link) with ``page_tree.page_tree`` as usual.

The nesting limit (``exporter.limits``) is checked here, as the page streams, since no whole
tree exists to measure first: each unit the stream hands over, before the site reads it (one
count in C of its ancestors and elements: only a unit with as many as the limit can hold an
element too deep, and only such a unit is measured level by level), and what is left at the end.
Under a limit past libxml2's 2,048 levels the page is parsed whole (``page_tree.document``,
which has no such limit) and walked with the same events: the site has one way to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from lxml import etree

from .limits import nesting_error
from .page_tree import LIBXML2_DEPTH, XPATH_STEPS, Element, clean_page_utf8, document, reaches

if TYPE_CHECKING:
    from .load import SavedPage

CHUNK = 64 * 1024
"""Bytes fed to the parser at a time: small enough that few comments' elements are held
between two reads of its events, big enough that feeding costs nothing measurable."""

_ANCESTORS_AND_ELEMENTS = etree.XPath("count(ancestor::*) + count(descendant::*)")


def stream(
    page: SavedPage,
    tags: tuple[str, ...],
    unit: Callable[[Element], bool],
    *,
    skip: tuple[bytes, bytes] | None = None,
) -> Iterator[Element]:
    """The page's ``tags`` elements for which ``unit`` holds, each once its end tag has been
    read (so after the units inside it), checked against ``page.nesting_limit`` before it is
    handed over. Nothing is let go but what the site ``release``s. When the stream ends, what
    is left of the tree is ``page.tree``.

    ``skip``: the page from the first ``skip[0]`` to the next ``skip[1]`` (not included) is
    not parsed, when the page holds both: a script the site reads from the page's text
    itself (the JSON data a page embeds can be half of it: as a text node it would take as
    much again, and more held by the parser). A page parsed whole (below) keeps it.

    Raises ``LimitError`` (as ``limits.check_nesting`` words it) for a page nested deeper than
    the limit; the site may have read some units by then, but returns nothing.
    """
    limit = page.nesting_limit
    if limit >= LIBXML2_DEPTH:
        root = document(page.text)
        _check(page, reaches(root, limit + 1))
        yield from _units(page, etree.iterwalk(root, events=("end",), tag=tags), unit)
        page.tree, page.tree_cut = root, False
        return
    # Fed the page's UTF-8 (``SavedPage.utf8``; a ``str`` takes up to four bytes a
    # character): lxml's parser fed a ``str`` also holds on to 1.5 times the page.
    parser = etree.HTMLPullParser(
        events=("end",), tag=tags, huge_tree=True, collect_ids=False, encoding="utf-8"
    )
    data = clean_page_utf8(page.utf8())
    for start, end in _pieces(data, skip):
        parser.feed(data[start:end])
        yield from _units(page, parser.read_events(), unit)
    root = _close(parser)
    yield from _units(page, parser.read_events(), unit)
    # What was never handed over (a unit holds only what is under it): libxml2 stops
    # building at 2,048 levels, past this limit, so a deeper page is refused, never cut.
    _check(page, reaches(root, limit + 1))
    page.tree, page.tree_cut = root, False


def _pieces(data: bytes, skip: tuple[bytes, bytes] | None) -> Iterator[tuple[int, int]]:
    """``CHUNK``-sized (start, end) pieces of ``data``, around the part ``skip`` names."""
    parts = [(0, len(data))]
    if skip is not None:
        begin = data.find(skip[0])
        end = data.find(skip[1], begin) if begin >= 0 else -1
        if end >= 0:
            parts = [(0, begin), (end, len(data))]
    for first, last in parts:
        for start in range(first, last, CHUNK):
            yield start, min(start + CHUNK, last)


def release(el: Element) -> None:
    """Let go of what a unit holds (its children, text and attributes; its tail stays)."""
    tail = el.tail
    el.clear()
    el.tail = tail


def _units(
    page: SavedPage,
    events: Iterable[tuple[str, object]],
    unit: Callable[[Element], bool],
) -> Iterator[Element]:
    # "end" events of the given tags: always an element (the stubs' type is every event's).
    for _, el in cast("Iterable[tuple[str, Element]]", events):
        if unit(el):
            _check(page, _too_deep(el, page.nesting_limit))
            yield el


def _too_deep(el: Element, limit: int) -> bool:
    """Whether an element under ``el`` sits deeper than ``limit`` in the page. Nothing under
    it can when its ancestors and elements together are fewer than the limit (one XPath, in
    C); only a unit that big is measured level by level."""
    size = _ANCESTORS_AND_ELEMENTS(el)
    if not isinstance(size, float) or size < limit:
        return False
    depth = 1 + sum(1 for _ in el.iterancestors())
    return reaches_below(el, limit - depth + 1)


def reaches_below(el: Element, levels: int) -> bool:
    """Whether some element sits ``levels`` levels under ``el`` (its children are 1): one
    XPath of ``levels`` child steps (one pass over the unit, in C), as ``page_tree.reaches``."""
    if levels <= 0:
        return True
    if levels <= XPATH_STEPS:
        return bool(etree.XPath("boolean(" + "/".join("*" * levels) + ")")(el))
    level = 0
    for event, _ in etree.iterwalk(el, events=("start", "end")):
        level += 1 if event == "start" else -1
        if level > levels:
            return True
    return False


def _check(page: SavedPage, too_deep: bool) -> None:
    if too_deep:
        page.release_trees()
        raise nesting_error(page, page.nesting_limit)


def _close(parser: etree.HTMLPullParser) -> Element:
    """The parsed tree; an empty one for a page libxml2 finds no element in."""
    try:
        root: Element | None = parser.close()
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return etree.fromstring("<html><body></body></html>", etree.HTMLParser())
    return root
