"""One comment row of an HN item page (``tr.athing.comtr``) read into a ``Comment``.

HN never nests comments in the DOM: every comment is a sibling row, and its depth is only the
indentation, written as ``td.ind[indent]`` since 2020 and, before, only as the width of the
spacer image in that cell (40 px a level). Each row is read in one walk over its own small
subtree, so a page of 10,000 comments costs 10,000 small walks and no search of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ...model import Comment
from ..numbers import read_int
from .markup import (
    body_html,
    class_names,
    drop_reply_links,
    is_colour_class,
    item_id_from_href,
    item_url,
    parse_age_title,
    select,
    text_of,
)

_INDENT_PX = 40
_DELETED = "[deleted]"
_GONE = frozenset({"[flagged]", "[dead]"})


@dataclass
class _Parts:
    """The elements of one row that hold facts, found in a single walk."""

    ind: lxml_html.HtmlElement | None = None
    comhead: lxml_html.HtmlElement | None = None
    user: lxml_html.HtmlElement | None = None
    age: lxml_html.HtmlElement | None = None
    commtext: lxml_html.HtmlElement | None = None
    colour: lxml_html.HtmlElement | None = None
    box: lxml_html.HtmlElement | None = None


_CLASSED = etree.XPath(".//*[@class]")


def _find_parts(row: lxml_html.HtmlElement) -> _Parts:
    """One XPath over the row returns only the elements with a class: the ones worth a look."""
    parts = _Parts()
    for el in select(_CLASSED, row):
        tag, names = el.tag, class_names(el)
        if tag == "td" and "ind" in names:
            parts.ind = el
        elif tag == "span" and "comhead" in names and parts.comhead is None:
            parts.comhead = el
        elif tag == "a" and "hnuser" in names and parts.user is None and parts.box is None:
            parts.user = el
        elif tag == "span" and "age" in names and parts.age is None:
            parts.age = el
        elif "commtext" in names and parts.commtext is None:
            parts.commtext = el
        elif "comment" in names and tag in ("div", "span") and parts.box is None:
            parts.box = el
        elif (
            tag == "span"
            and parts.box is not None
            and parts.colour is None
            and is_colour_class(names)
        ):
            parts.colour = el
    if parts.user is None and parts.comhead is not None:
        # Before 2016 the author link had no class: the header's link to a user page.
        parts.user = next(
            (a for a in parts.comhead.iter("a") if "user?id=" in str(a.get("href") or "")), None
        )
    return parts


def row_depth(ind: lxml_html.HtmlElement | None) -> int:
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


def _age_link(parts: _Parts) -> lxml_html.HtmlElement | None:
    """The age's own link (``item?id=N``); the 2015 markup had it bare in the comhead."""
    holder = parts.age if parts.age is not None else parts.comhead
    if holder is None:
        return None
    for link in holder.iter("a"):
        if item_id_from_href(link.get("href")):
            return link
    return None


def read_row(row: lxml_html.HtmlElement, index: int) -> tuple[int, Comment]:
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
    _read_body(comment, parts)
    return row_depth(parts.ind), comment


def _read_body(comment: Comment, parts: _Parts) -> None:
    """The body, and what it says about the comment: deleted, or flagged/dead without text.

    A dead or flagged comment that the page still shows (``showdead``) keeps its text: the
    "[dead]" mark in its header is no reason to hide what the saved page holds.
    """
    body = parts.commtext if parts.commtext is not None else parts.colour
    if body is None:
        body = parts.box
    if body is None:
        return
    drop_reply_links(body)
    shown = text_of(body)
    if shown == _DELETED:
        comment.deleted = True
    elif shown in _GONE:
        comment.removed = True
    else:
        comment.body_html = body_html(body)
