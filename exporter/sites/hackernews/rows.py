"""One comment row of an HN item page (``tr.athing.comtr``) read into a ``Comment``.

HN never nests comments in the DOM: every comment is a sibling row, and its depth is only the
indentation, written as ``td.ind[indent]`` since 2020 and, before, only as the width of the
spacer image in that cell (40 px a level). Each row is read in one walk over its own small
subtree, so a page of 10,000 comments costs 10,000 small walks and no search of the page. The
walks are lxml's C iterators over plain etree elements (``page_tree``): per row, they cost less
than one XPath call would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...model import Comment
from ...page_tree import Element
from ...tree_edits import drop_tree
from ..numbers import read_int
from .markup import (
    class_names,
    is_colour_class,
    item_id_from_href,
    item_url,
    one_line,
    paragraphs_html,
    parse_age_title,
    raw_text,
    text_of,
)

_INDENT_PX = 40
_DELETED = "[deleted]"
_GONE = frozenset({"[flagged]", "[dead]"})


@dataclass
class _Parts:
    """The elements of one row that hold facts, found in a single walk."""

    ind: Element | None = None
    comhead: Element | None = None
    user: Element | None = None
    age: Element | None = None
    commtext: Element | None = None
    colour: Element | None = None
    box: Element | None = None
    replies: list[Element] = field(default_factory=list)
    """The "reply" blocks (pre-2020 markup put one inside the body)."""


_PART_WORDS = frozenset({"ind", "comhead", "hnuser", "age", "commtext", "comment", "reply"})


@lru_cache(maxsize=1024)
def _part_words(value: str) -> tuple[frozenset[str], bool]:
    """What a ``class`` value can make an element: its words among ``_PART_WORDS``, and
    whether it holds a colour class. A page repeats a few dozen class values ten thousand
    times; each is split once."""
    names = value.split()
    return _PART_WORDS.intersection(names), is_colour_class(names)


_PART_TAGS = ("td", "span", "div", "a")
"""The tags HN's parts have had in every era (an element of another tag is no part, whatever
its class): lxml's walk skips the rest, two in five of a row's elements (the spacer image, the
vote arrow's ``center``, paragraphs, fonts), without a Python call for each."""


def _find_parts(row: Element) -> _Parts:
    """One walk over the row's elements of the parts' tags; only those with a class are worth
    a look."""
    parts = _Parts()
    for el in row.iter(*_PART_TAGS):
        value = el.get("class")
        if not value:
            continue
        words, colour = _part_words(value)
        if not words and not colour:
            continue
        tag = el.tag
        if "reply" in words:
            parts.replies.append(el)
        if tag == "td" and "ind" in words:
            parts.ind = el
        elif tag == "span" and "comhead" in words and parts.comhead is None:
            parts.comhead = el
        elif tag == "a" and "hnuser" in words and parts.user is None and parts.box is None:
            parts.user = el
        elif tag == "span" and "age" in words and parts.age is None:
            parts.age = el
        elif "commtext" in words and parts.commtext is None:
            parts.commtext = el
        elif "comment" in words and tag in ("div", "span") and parts.box is None:
            parts.box = el
        elif tag == "span" and colour and parts.box is not None and parts.colour is None:
            parts.colour = el
    if parts.user is None and parts.comhead is not None:
        # Before 2016 the author link had no class: the header's link to a user page.
        parts.user = next(
            (a for a in parts.comhead.iter("a") if "user?id=" in str(a.get("href") or "")), None
        )
    return parts


def row_depth(ind: Element | None) -> int:
    """``indent="2"``, or else the spacer image's width over 40 (``width="80"``)."""
    if ind is None:
        return 0
    indent = read_int(str(ind.get("indent") or ""))
    if indent is not None and indent >= 0:
        return indent
    for img in ind.iter("img"):
        width = read_int(str(img.get("width") or ""))
        return width // _INDENT_PX if width is not None and width >= 0 else 0
    return 0


def _age_link(parts: _Parts) -> Element | None:
    """The age's own link (``item?id=N``); the 2015 markup had it bare in the comhead."""
    holder = parts.age if parts.age is not None else parts.comhead
    if holder is None:
        return None
    for link in holder.iter("a"):
        if item_id_from_href(link.get("href")):
            return link
    return None


def read_row(row: Element, index: int) -> tuple[int, Comment]:
    """The row's depth and its comment (``parent_id``/``depth`` are set by the tree builder)."""
    parts = _find_parts(row)
    link = _age_link(parts)
    comment_id = str(row.get("id") or "").strip() or (
        item_id_from_href(link.get("href")) if link is not None else None
    )
    if not comment_id:
        comment_id = f"row{index + 1}"
    created = parse_age_title(parts.age.get("title")) if parts.age is not None else None
    age_text = text_of(link) if link is not None else text_of(parts.age)
    author = text_of(parts.user) or None
    comment = Comment(
        id=comment_id,
        author=author,
        author_id=author,
        created=created,
        created_text=None if created is not None else (age_text or None),
        collapsed="coll" in class_names(row),
        permalink=item_url(comment_id) if comment_id.isdigit() else None,
    )
    _read_body(comment, parts, row)
    return row_depth(parts.ind), comment


def _read_body(comment: Comment, parts: _Parts, row: Element) -> None:
    """The body, and what it says about the comment: deleted, or flagged/dead without text.

    A dead or flagged comment that the page still shows (``showdead``) keeps its text: the
    "[dead]" mark in its header is no reason to hide what the saved page holds.
    """
    body = parts.commtext if parts.commtext is not None else parts.colour
    if body is None:
        body = parts.box
    if body is None:
        return
    # The reply blocks inside the body go before its words are read (``drop_reply_links``,
    # without a second walk: the row's walk found them).
    inside = [el for el in parts.replies if _within(el, body, row)]
    for el in inside:
        drop_tree(el)
    raw = raw_text(body)
    shown = one_line(raw) if "[" in raw else ""  # no bracket, no mark: most bodies
    if shown == _DELETED:
        comment.deleted = True
    elif shown in _GONE:
        comment.removed = True
    else:
        comment.body_html = paragraphs_html(body)


def _within(el: Element, container: Element, row: Element) -> bool:
    """Whether ``el``, an element of ``row``, is inside ``container``."""
    for ancestor in el.iterancestors():
        if ancestor is container:
            return True
        if ancestor is row:
            return False
    return False
