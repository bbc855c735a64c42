"""What one old-Reddit ``div.thing`` says about itself: its entry, tagline, body and stubs.

Every lookup here stays inside one thing's own ``div.entry`` (never its replies), so that the
cost per comment stays the size of its own entry on a 10,000-comment page. The elements are
lxml's (see ``sites.page_tree``). An entry's parts are looked up only when asked for, each by
lxml's own tag filter (``iterdescendants(tag)``, in C), stopping at the first match: visiting
every element of every entry (body and buttons included) in Python, and splitting its
``class``, was most of the parse. A body is read by two C calls (its words, then its markup),
and walked in Python only in the rare body that has blank runs to squeeze.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from lxml import etree

from ...clean import clean_tree, strip_xml_illegal
from ...model import Comment, Stub
from ...page_tree import Element, take_body
from ..numbers import read_int
from . import common

_MORE_COUNT = re.compile(r"(\d[\d,]*)\s+(?:more\s+)?repl", re.IGNORECASE)
_ID_CLASS = re.compile(r"^id-(t\d_[A-Za-z0-9]+)$")
_TAGLINE_PARTS = ("a", "span", "time", "em")


def classes(tag: Element) -> list[str]:
    return (tag.get("class") or "").split()


def attr(tag: Element, name: str) -> str | None:
    value = tag.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def has_class(tag: Element, name: str) -> bool:
    """Whether ``tag``'s ``class`` holds the word ``name``; the substring test first, as most
    elements asked lack it, and need no split."""
    value = tag.get("class")
    return value is not None and name in value and name in value.split()


def text(tag: Element | None) -> str:
    """The element's words on one line."""
    if tag is None:
        return ""
    # A leaf's one piece of text, without a generator (most authors, marks and scores).
    joined = (tag.text or "") if len(tag) == 0 else " ".join(cast("Iterator[str]", tag.itertext()))
    return " ".join(strip_xml_illegal(joined).split())


def child_div(tag: Element, cls: str) -> Element | None:
    """The first ``div.cls`` among ``tag``'s own children (never deeper)."""
    for child in tag.iterchildren("div"):
        if has_class(child, cls):
            return child
    return None


def id_from_classes(names: list[str]) -> str | None:
    """'t1_abc' from old Reddit's ``id-t1_abc`` class (kept where ``data-fullname`` is not)."""
    for name in names:
        match = _ID_CLASS.match(name)
        if match:
            return match.group(1)
    return None


class Entry:
    """A thing's own ``div.entry`` (its first): its tagline and body, and, read only when asked
    for, the parts only some things need: a comment's buttons and ``thing_id`` when it has no
    ``data-permalink`` or id, the post's title links, a stub's "more" marks. Each part is the
    first (for the marks, the last) matching element among the entry's descendants in page
    order."""

    def __init__(self, element: Element | None) -> None:
        self.element = element
        self.tagline = self._first("p", "tagline")
        self.body = self._first("div", "usertext-body")
        """``.usertext-body`` (its ``.md`` is read when it has one)."""

    def buttons(self) -> Element | None:
        return self._first("ul", "buttons")

    def thing_id(self) -> str | None:
        """The reply form's hidden ``thing_id`` (kept on deleted comments' pages of some years)."""
        for node in self._all("input"):
            value = attr(node, "value") if node.get("name") == "thing_id" else None
            if value:
                return value
        return None

    def title_links(self) -> tuple[Element | None, Element | None]:
        """The post's title link and its "N comments" link (a link that is both is the title)."""
        title: Element | None = None
        comments: Element | None = None
        for node in self._all("a"):
            cls = classes(node)
            if "title" in cls and title is None:
                title = node
            elif "comments" in cls and comments is None:
                comments = node
        return title, comments

    def marks(self) -> tuple[Element | None, Element | None]:
        """The last "load more comments" mark and the last "continue this thread" mark (that is
        no "load more" mark too)."""
        more: Element | None = None
        deepthread: Element | None = None
        for node in self._all("span"):
            cls = classes(node)
            if "morecomments" in cls:
                more = node
            elif "deepthread" in cls:
                deepthread = node
        return more, deepthread

    def _all(self, tag: str) -> list[Element]:
        return [] if self.element is None else list(self.element.iterdescendants(tag))

    def _first(self, tag: str, cls: str) -> Element | None:
        """Found by lxml's tag filter, stopping at the first match."""
        if self.element is not None:
            for node in self.element.iterdescendants(tag):
                if has_class(node, cls):
                    return node
        return None


@dataclass
class Header:
    """What a tagline says: who, in which role, when, the score, and the stickied mark."""

    author: str | None = None
    author_gone: bool = False
    roles: set[str] = field(default_factory=set)
    score: int | None = None
    created: datetime | None = None
    created_text: str | None = None
    edited: datetime | bool | None = None
    stickied: bool = False


def read_header(tagline: Element | None) -> Header:
    header = Header()
    if tagline is None:
        return header
    author: Element | None = None
    userattrs: Element | None = None
    scores: list[tuple[Element, list[str]]] = []
    for node in tagline.iterdescendants(*_TAGLINE_PARTS):
        name = node.tag
        cls = classes(node)
        if name == "span":
            if "author" in cls and author is None:
                author = node
                header.roles.update(cls)
            elif "userattrs" in cls:
                userattrs = node
            elif "score" in cls:
                scores.append((node, cls))
            elif "stickied-tagline" in cls:
                header.stickied = True
        elif name == "a":
            if "author" in cls and author is None:
                author = node
                header.roles.update(cls)
            elif userattrs is not None and node.getparent() is userattrs:
                header.roles.update(cls)  # the [S], [M] and [A] marks
        elif name == "time":
            _read_time(header, node, cls)
        else:
            word = text(node)
            if word == "*":
                header.edited = header.edited or True
            elif common.is_deleted_name(word):
                header.author_gone = True
    if author is not None:
        header.author = text(author)
    header.score = _score(scores)
    return header


def _read_time(header: Header, node: Element, cls: list[str]) -> None:
    if "edited-timestamp" in cls:
        header.edited = common.parse_time(attr(node, "datetime")) or True
    elif header.created is None and header.created_text is None:
        header.created = common.parse_time(attr(node, "datetime"))
        if header.created is None and common.is_relative_time(text(node)):
            header.created_text = text(node)


def _score(spans: list[tuple[Element, list[str]]]) -> int | None:
    """The unvoted score: its ``title`` holds the exact number (2019 on), else its text;
    ``spans`` are the tagline's score spans with their classes."""
    if not spans:
        return None
    chosen = next((span for span, cls in spans if "unvoted" in cls), spans[0][0])
    exact = common.parse_score(attr(chosen, "title"))
    return exact if exact is not None else common.parse_score(text(chosen))


def apply_header(comment: Comment, header: Header, fallback_author: str | None) -> None:
    """Copy the tagline's facts onto ``comment``; ``data-author`` only when the tagline has none."""
    name = header.author
    if name is None and not header.author_gone:
        name = fallback_author
    comment.author = common.author_name(name)
    comment.is_op = comment.is_op or "submitter" in header.roles
    comment.is_moderator = "moderator" in header.roles
    comment.is_admin = "admin" in header.roles
    # Old Reddit marks a moderator or an admin only when they speak officially.
    comment.distinguished = comment.is_moderator or comment.is_admin
    comment.created = header.created
    comment.created_text = header.created_text
    comment.edited = header.edited
    comment.stickied = comment.stickied or header.stickied


def post_body(body: Element | None) -> str:
    """The post's cleaned body; the ``<form>`` and buttons around it are never part of it.
    The body's ``div`` leaves the page."""
    container = _body_container(body)
    return "" if container is None else clean_tree(take_body(container), common.OLD_BASE)


def comment_body(body: Element | None) -> tuple[str, common.Gone | None]:
    """A comment's cleaned body, or nothing and 'deleted' or 'removed' when its body is only
    Reddit's notice that it is gone. The body's text pieces, run together in one C call, are
    enough to rule most notices out; the body's ``div`` leaves the page."""
    container = _body_container(body)
    if container is None:
        return "", None
    words = etree.tostring(container, method="text", encoding="unicode", with_tail=False)
    gone = common.gone_marker(text(container)) if common.may_be_gone(words) else None
    if gone is not None:
        return "", gone
    return clean_tree(take_body(container), common.OLD_BASE), None


def _body_container(body: Element | None) -> Element | None:
    """The body's ``div.md``, else the ``div.usertext-body`` itself: a ``div`` either way."""
    if body is None:
        return None
    md = child_div(body, "md")
    return md if md is not None else body


def permalink_button(entry: Entry) -> str | None:
    """The "permalink" button of 2018-era pages, which have no ``data-permalink``."""
    buttons = entry.buttons()
    if buttons is None:
        return None
    for link in buttons.iter("a"):
        if "bylink" not in classes(link):
            continue
        action = attr(link, "data-event-action")
        if action == "permalink" or (action is None and text(link) == "permalink"):
            return common.absolute(attr(link, "href"))
    return None


def stub(thing: Element, cls: list[str], entry: Entry, parent: Comment | None) -> Stub | None:
    """ "load more comments (N replies)" or "continue this thread": replies not in the page;
    ``cls`` is the thing's classes."""
    parent_id = parent.id if parent else None
    more, deepthread = entry.marks()
    if "morechildren" in cls or more is not None:
        match = _MORE_COUNT.search(text(more) if more is not None else text(thing))
        return Stub(parent_id, read_int(match.group(1)) if match else None)
    if "morerecursion" in cls or deepthread is not None:
        return Stub(parent_id, None)
    return None
