"""What one old-Reddit ``div.thing`` says about itself: its entry, tagline, body and stubs.

Every lookup here stays inside one thing's own ``div.entry`` (never its replies), and walks the
elements once with plain attribute checks, so that the cost per comment stays the size of its
own entry on a 10,000-comment page. The elements are lxml's (see ``sites.page_tree``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ...clean import clean_html, strip_xml_illegal
from ...model import Comment, Stub
from ...page_tree import Element, fragment_html, strings
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
    return " ".join(strip_xml_illegal(" ".join(strings(tag))).split())


def child_div(tag: Element, cls: str) -> Element | None:
    """The first ``div.cls`` among ``tag``'s own children (never deeper)."""
    for child in tag:
        if child.tag == "div" and cls in classes(child):
            return child
    return None


def id_from_classes(thing: Element) -> str | None:
    """'t1_abc' from old Reddit's ``id-t1_abc`` class (kept where ``data-fullname`` is not)."""
    for name in classes(thing):
        match = _ID_CLASS.match(name)
        if match:
            return match.group(1)
    return None


@dataclass
class Entry:
    """The parts of a thing's ``div.entry`` that carry facts, found in one walk."""

    tagline: Element | None = None
    body: Element | None = None
    """``.usertext-body`` (its ``.md`` is read when it has one)."""
    buttons: Element | None = None
    title: Element | None = None
    comments_link: Element | None = None
    thing_id: str | None = None
    more: Element | None = None
    deepthread: Element | None = None


def read_entry(thing: Element) -> Entry:
    found = Entry()
    entry = child_div(thing, "entry")
    if entry is None:
        return found
    for node in entry.iterdescendants():
        name = node.tag
        if not isinstance(name, str):
            continue
        cls = classes(node)
        if name == "p" and "tagline" in cls and found.tagline is None:
            found.tagline = node
        elif name == "div" and "usertext-body" in cls and found.body is None:
            found.body = node
        elif name == "ul" and "buttons" in cls and found.buttons is None:
            found.buttons = node
        elif name == "a" and "title" in cls and found.title is None:
            found.title = node
        elif name == "a" and "comments" in cls and found.comments_link is None:
            found.comments_link = node
        elif name == "input" and node.get("name") == "thing_id" and found.thing_id is None:
            found.thing_id = attr(node, "value")
        elif name == "span" and "morecomments" in cls:
            found.more = node
        elif name == "span" and "deepthread" in cls:
            found.deepthread = node
    return found


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
    scores: list[Element] = []
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
            scores.append(node)
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


def _score(spans: list[Element]) -> int | None:
    """The unvoted score: its ``title`` holds the exact number (2019 on), else its text."""
    chosen = next((s for s in spans if "unvoted" in classes(s)), spans[0] if spans else None)
    if chosen is None:
        return None
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


def permalink_button(buttons: Element | None) -> str | None:
    """The "permalink" button of 2018-era pages, which have no ``data-permalink``."""
    if buttons is None:
        return None
    for link in buttons.iter("a"):
        if "bylink" not in classes(link):
            continue
        action = attr(link, "data-event-action")
        if action == "permalink" or (action is None and text(link) == "permalink"):
            return common.absolute(attr(link, "href"))
    return None


def stub(thing: Element, entry: Entry, parent: Comment | None) -> Stub | None:
    """ "load more comments (N replies)" or "continue this thread": replies not in the page."""
    cls = classes(thing)
    parent_id = parent.id if parent else None
    if "morechildren" in cls or entry.more is not None:
        match = _MORE_COUNT.search(text(entry.more) if entry.more is not None else text(thing))
        return Stub(parent_id, read_int(match.group(1)) if match else None)
    if "morerecursion" in cls or entry.deepthread is not None:
        return Stub(parent_id, None)
    return None
