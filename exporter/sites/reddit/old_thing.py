"""What one old-Reddit ``div.thing`` says about itself: its entry, tagline, body and stubs.

Every lookup here stays inside one thing's own ``div.entry`` (never its replies), so that the
cost per comment stays the size of its own entry on a 10,000-comment page. The elements are
lxml's (see ``sites.page_tree``). An entry's parts are looked up only when asked for, each by
lxml's own tag filter (``iterdescendants(tag)``, in C), stopping at the first match: visiting
every element of every entry (body and buttons included) in Python, and splitting its
``class``, was most of the parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from ...clean import clean_html, strip_xml_illegal
from ...model import Comment, Stub
from ...page_tree import Element, fragment_html
from ..numbers import read_int
from . import common

_MORE_COUNT = re.compile(r"(\d[\d,]*)\s+(?:more\s+)?repl", re.IGNORECASE)
_ID_CLASS = re.compile(r"^id-(t\d_[A-Za-z0-9]+)$")


def classes(tag: Element) -> list[str]:
    return str(tag.get("class") or "").split()


def attr(tag: Element, name: str) -> str | None:
    value = tag.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def text(tag: Element | None) -> str:
    """The element's words on one line."""
    if tag is None:
        return ""
    return " ".join(strip_xml_illegal(" ".join(cast("Iterator[str]", tag.itertext()))).split())


def child_div(tag: Element, cls: str) -> Element | None:
    """The first ``div.cls`` among ``tag``'s own children (never deeper)."""
    return child_divs(tag, cls)[0]


def child_divs(tag: Element, *names: str) -> list[Element | None]:
    """For each name, the first ``div.name`` among ``tag``'s own children: one pass for all."""
    found: list[Element | None] = [None] * len(names)
    missing = len(names)
    for child in tag.iterchildren("div"):
        cls = classes(child)
        for i, name in enumerate(names):
            if found[i] is None and name in cls:
                found[i] = child
                missing -= 1
        if not missing:
            break
    return found


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
                if cls in classes(node):
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
    for node in tagline.iterdescendants():
        name = node.tag
        if not isinstance(name, str):
            continue
        cls = classes(node)
        if name in {"a", "span"} and "author" in cls and author is None:
            author = node
            header.roles.update(cls)
        elif name == "span" and "userattrs" in cls:
            userattrs = node
        elif name == "a" and userattrs is not None and node.getparent() is userattrs:
            header.roles.update(cls)  # the [S], [M] and [A] marks
        elif name == "span" and "score" in cls:
            scores.append((node, cls))
        elif name == "span" and "stickied-tagline" in cls:
            header.stickied = True
        elif name == "time":
            _read_time(header, node, cls)
        elif name == "em":
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


def body_html(body: Element | None) -> str:
    """The cleaned body; the ``<form>`` and buttons around it are never part of it."""
    container = _body_container(body)
    if container is None:
        return ""
    return clean_html(fragment_html(container), common.OLD_BASE)


def body_text(body: Element | None) -> str:
    return text(_body_container(body))


def _body_container(body: Element | None) -> Element | None:
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
