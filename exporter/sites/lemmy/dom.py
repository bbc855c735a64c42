"""Lemmy pages read from their markup (lemmy-ui 0.19), as a stream of comments.

SingleFile and "reader" saves strip scripts, so everything must be recoverable from the DOM:
comments are ``article.comment-node#comment-N`` inside nested ``ul.comments`` (``li.comment >
article``, then the replies' ``ul.comments``), and an unloaded branch is a ``div.comment-node``
saying "N more replies". A page that kept its scripts is read from its ``isoData``, but its
bodies still come from here, as lemmy-ui rendered them.

The page is never held whole (``exporter.page_stream``): libxml2's tree of it is 12-15 times
its size. Each comment node is read once its end tag is in (its header and body are complete
then; its replies follow it, in its ``li``), and is then emptied: what stays of a comment is
its bare ``article`` (id and class, for its replies to find their parent as before) inside the
``li``/``ul`` skeleton. Only the bodies go to the sanitiser, as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from lxml import etree

from ...clean import clean_tree, join_url, strip_xml_illegal, url_host
from ...load import SavedPage
from ...model import Comment, Stub
from ...page_stream import release, stream
from ...page_tree import Element, class_test, every, first, page_tree, take_body
from ..numbers import read_int
from .header import Header, class_words, classes, handle_from_href, has, header_facts, text

_MORE_REPLIES = re.compile(r"(\d[\d,]*)\s+more\s+repl", re.IGNORECASE)
_UPVOTE = re.compile("Upvote", re.IGNORECASE)
_DELETED_TEXT = "deleted by creator"
_REMOVED_TEXT = "removed by mod"
_UNIT_TAGS = ("article", "div", "script")
"""The tags lemmy-ui gives its comment nodes (comments, "N more replies") and its post listing:
the stream hands over only these, so the rest of the page costs no Python call; and scripts,
let go unread (the ``isoData`` one is half the page, and is read from the page's text)."""
_NODES = etree.XPath(f"descendant-or-self::*[{has('comment-node')}]")
_IN_NODE = etree.XPath(f"boolean(ancestor::*[{has('comment-node')}])")
_IN_LISTING = etree.XPath(f"boolean(ancestor::div[{has('post-listing')}])")
_TIPPED = etree.XPath("descendant::*[@data-tippy-content]")
_MD_DIV = etree.XPath(f"descendant::div[{has('md-div')}][1]")
_POST_TITLE = etree.XPath(f"descendant::h1[ancestor::*[{class_test('post-title')}]][1]")
_H1 = etree.XPath("descendant::h1[1]")
_POST_CONTAINER = etree.XPath(f"descendant::article[{has('post-container')}][1]")
_COMMUNITY_LINK = etree.XPath(f"descendant::a[{has('community-link')}][1]")
_CANONICAL = etree.XPath(
    "/descendant::link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')][1]"
)
_OG_URL = etree.XPath("/descendant::meta[@property='og:url'][1]")

_ISODATA = (b"window.isoData", b"</script>")
"""The isoData script's data, not parsed as markup: ``isodata.extract`` reads it from the
page's text, and as a text node it would take as much memory again (half a saved page)."""
Reader = TypeVar("Reader", bound=Callable[[Element], None])


@dataclass
class DomPost:
    title: str
    author: str | None
    author_id: str | None
    community: str | None
    created: datetime | None
    edited: datetime | bool | None
    created_text: str | None
    upvotes: int | None
    downvotes: int | None
    body_html: str
    is_moderator: bool
    is_admin: bool


def read_page(
    page: SavedPage, base_url: str | None, reader: Callable[[str | None], Reader]
) -> tuple[str | None, DomPost | None, Reader]:
    """Stream the page: its post (the first ``div.post-listing``) and, to the reader that
    ``reader(base)`` makes, every comment node in page order. Returns the base the page's links
    were resolved against (``base_url``, else the page's own address, else where it was saved
    from), the post, and the reader.

    The page's own address is read from its head when the first unit arrives (every body read
    after needs it): what follows a canonical link written after the comments is not looked at.
    """
    base = base_url
    read: Reader | None = None
    post: DomPost | None = None
    nested = False  # a node inside another has ended, to be read with it
    for unit in stream(page, _UNIT_TAGS, _is_unit, skip=_ISODATA):
        if unit.tag == "script":
            release(unit)
            continue
        if read is None:
            base = base_url or page_base_url(unit) or page.url
            read = reader(base)
        words = class_words(unit)
        listing = post is None and unit.tag == "div" and "post-listing" in words
        if listing and not _IN_LISTING(unit):  # the outermost, as the first in page order is
            post = read_post(unit, base)
        if "comment-node" not in words:
            continue
        if _IN_NODE(unit):
            nested = True  # it ends before the node it is in: read with that one, in order
            continue
        # The search for nodes inside (a broken page) only after one has ended: it costs
        # more than reading the comment.
        for node in every(_NODES, unit) if nested else (unit,):
            read(node)
        nested = False
        del unit[:]  # the comment's header and body; its bare article stays
        unit.text = None
    if read is None:  # no unit: the page's address from what the stream left, its head
        base = base_url or page_base_url(page_tree(page)) or page.url
        read = reader(base)
    return base, post, read


def _is_unit(el: Element) -> bool:
    """A script, a comment node, or the post's listing (tested on every ``div`` and
    ``article``: the substring tests first, in C)."""
    if el.tag == "script":
        return True
    names = el.get("class")
    if names is None or ("comment-node" not in names and "post-listing" not in names):
        return False
    words = class_words(el)
    return "comment-node" in words or (el.tag == "div" and "post-listing" in words)


def page_base_url(root: Element) -> str | None:
    """The thread's address as the page declares it (canonical link, then og:url); ``root`` is
    any element of the page."""
    link = first(_CANONICAL, root)
    if link is not None and link.get("href"):
        return str(link.get("href"))
    meta = first(_OG_URL, root)
    if meta is not None and meta.get("content"):
        return str(meta.get("content"))
    return None


def read_post(listing: Element, base_url: str | None) -> DomPost:
    """The opening post from its ``div.post-listing`` (rendered twice: mobile and desktop
    copies)."""
    title_tag = first(_POST_TITLE, listing)
    title = text(title_tag if title_tag is not None else first(_H1, listing))
    copy = first(_POST_CONTAINER, listing)
    facts = header_facts(copy if copy is not None else listing)
    community_link = first(_COMMUNITY_LINK, listing)
    community = None
    if community_link is not None:
        community = str(community_link.get("title") or "").strip() or text(community_link)
    body = first(_MD_DIV, listing)
    up, down = _post_votes(listing)
    return DomPost(
        title=title,
        author=facts.author,
        author_id=handle_from_href(facts.href, url_host(base_url)),
        community=community,
        created=facts.created,
        edited=facts.edited,
        created_text=text(facts.tooltip) or None,
        upvotes=up,
        downvotes=down,
        body_html=clean_tree(take_body(body), base_url) if body is not None else "",
        is_moderator=facts.is_moderator,
        is_admin=facts.is_admin,
    )


def _post_votes(listing: Element) -> tuple[int | None, int | None]:
    for button in every(_TIPPED, listing):
        tip = str(button.get("data-tippy-content"))
        if not _UPVOTE.search(tip):
            continue
        ups = re.search(r"(\d[\d,]*)\s+Upvote", tip)
        downs = re.search(r"(\d[\d,]*)\s+Downvote", tip)
        return (
            read_int(ups.group(1)) if ups else None,
            read_int(downs.group(1)) if downs else 0,
        )
    return None, None


@dataclass
class CommentTree:
    """A reader of comment nodes: the comments in page order, each linked to its parent, and
    the "N more replies" stubs."""

    base_url: str | None
    roots: list[Comment] = field(default_factory=list)
    stubs: list[Stub] = field(default_factory=list)
    _by_id: dict[str, Comment] = field(default_factory=dict)
    _handles: dict[str | None, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._host = url_host(self.base_url)
        self._links = permalinks(self.base_url)

    def __call__(self, node: Element) -> None:
        if node.tag != "article":
            match = _MORE_REPLIES.search(text(node))
            if match:
                # The stub sits in its parent's own <li>, beside the parent's article.
                item = _comment_item(node)
                parent_id = _article_id(item) if item is not None else None
                self.stubs.append(Stub(parent_id, read_int(match.group(1))))
            return
        raw_id = str(node.get("id") or "")
        if not raw_id.startswith("comment-"):
            return
        comment_id = raw_id.removeprefix("comment-")
        facts = header_facts(node)
        if facts.href not in self._handles:  # a thread has far fewer people than comments
            self._handles[facts.href] = handle_from_href(facts.href, self._host)
        author_id = self._handles[facts.href]
        link = self._links(comment_id)
        comment = _read_comment(node, comment_id, facts, author_id, link, self.base_url)
        parent = self._by_id.get(_parent_comment_id(node) or "")
        if parent is None:
            self.roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        self._by_id[comment.id] = comment


@dataclass
class Bodies:
    """A reader of comment nodes: each comment's rendered body by id (lemmy-ui already turned
    the Markdown into HTML), and each comment's position in the page, which is the order the
    reader saw."""

    base_url: str | None
    bodies: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    _articles: int = 0

    def __call__(self, node: Element) -> None:
        if node.tag != "article":
            return
        index, self._articles = self._articles, self._articles + 1
        raw_id = str(node.get("id") or "")
        if not raw_id.startswith("comment-"):
            return
        comment_id = raw_id.removeprefix("comment-")
        self.order[comment_id] = index
        content = first(_MD_DIV, node)
        if content is not None:
            self.bodies[comment_id] = clean_tree(take_body(content), self.base_url)


def permalinks(base_url: str | None) -> Callable[[str], str | None]:
    """``join_url(base_url, "/comment/ID")`` for each comment of a page. For an ID of digits
    (all of lemmy's) the address is the base's ``…/comment/`` and the digits, so ``urljoin``
    splits the base once per page, not once per comment."""
    prefix = join_url(base_url, "/comment/") if base_url else None

    def link(comment_id: str) -> str | None:
        if not base_url:
            return None
        if comment_id.isascii() and comment_id.isdigit():
            return prefix + comment_id if prefix is not None else None
        return join_url(base_url, f"/comment/{comment_id}")

    return link


def _read_comment(
    article: Element,
    comment_id: str,
    facts: Header,
    author_id: str | None,
    link: str | None,
    base_url: str | None,
) -> Comment:
    content = facts.body
    body = ""
    deleted = removed = False
    if content is not None:
        shown = notice(content)
        deleted, removed = shown == _DELETED_TEXT, shown == _REMOVED_TEXT
        body = clean_tree(take_body(content), base_url) if not (deleted or removed) else ""
    up, down = facts.upvotes, facts.downvotes
    score = facts.score
    if score is None and up is not None:
        score = up - (down or 0)
    return Comment(
        id=comment_id,
        author=facts.author,
        author_id=author_id,
        created=facts.created,
        created_text=None if facts.created else text(facts.tooltip) or None,
        edited=facts.edited,
        score=score,
        upvotes=up,
        downvotes=(down or 0) if up is not None else None,
        body_html=body,
        is_op=facts.is_op,
        is_moderator=facts.is_moderator,
        is_admin=facts.is_admin,
        # lemmy-ui marks a moderator's distinguished comment with Bootstrap's `mark` class.
        distinguished="mark" in classes(article),
        deleted=deleted,
        removed=removed,
        permalink=link,
    )


def notice(body: Element) -> str:
    """The body's words in lower case when they may be lemmy-ui's "deleted by creator" or
    "removed by mod" notice, else "": a body whose first words begin neither is not read whole
    (ten thousand bodies would be, only to compare them with two short phrases)."""
    pieces = (piece.strip() for piece in body.itertext() if isinstance(piece, str))
    first_words = next((piece for piece in pieces if piece), "")
    start = strip_xml_illegal(first_words).lower()
    if not (_DELETED_TEXT.startswith(start) or _REMOVED_TEXT.startswith(start)):
        return ""
    return text(body).lower()


def _comment_item(node: Element) -> Element | None:
    """The nearest ``li.comment`` around ``node``."""
    for ancestor in node.iterancestors("li"):
        if "comment" in classes(ancestor):
            return ancestor
    return None


def _parent_comment_id(node: Element) -> str | None:
    """The comment whose reply list holds ``node``: li > ul.comments > li.comment > article.
    That article was read before ``node`` and emptied, but kept its id and class."""
    item = _comment_item(node)
    if item is None:
        return None
    outer = _comment_item(item)
    return _article_id(outer) if outer is not None else None


def _article_id(item: Element) -> str | None:
    article = next((c for c in item if c.tag == "article" and "comment-node" in classes(c)), None)
    if article is None:
        return None
    return str(article.get("id") or "").removeprefix("comment-") or None
