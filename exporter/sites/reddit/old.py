"""old.reddit.com, and the old design served on www.reddit.com: a saved thread page.

Every post and comment is a ``div.thing``; a comment's replies sit in its own
``div.child > div.sitetable``, so the DOM nests three elements per reply level. Bodies are in
``.usertext-body .md`` inside a ``<form>`` (which calibre famously throws away with the text).

The page is read as a stream (``exporter.page_stream``): libxml2's tree of a whole page is 12-15
times its size (nearly half a gigabyte for 10,000 comments), so each ``div.thing`` is handed
over at its end tag, read, and let go with its replies (read before it ended). What is left (the
page's head, the empty shells) is read last, for the title and canonical link. A comment is read
once its ``div.entry`` is in: when its first reply ends (the entry comes before the replies),
else at its own end; since no thing is read before the things above it, comments are read in
page order, parents first, as a walk from the top reads them. Which things are comments of the
thread is what that walk would find: the things of the first ``div.nestedlisting``, then those
of each comment's own first ``div.child > div.sitetable``. Each thing's place is worked out
once, from the thing above it (kept, with its place, until its end tag), so no comment is ever
searched through its ancestors or its replies, and deep threads need no recursion. Every lookup
stays inside one comment's own ``div.entry``. Only the bodies go to the sanitiser, as markup.

Markup differs across the years: 2025 pages carry ``data-permalink``, ``data-author`` and a
``title`` with the exact score on every score span; 2018 pages have no score titles and fewer
``data-`` attributes; deleted comments lose their ``id-t1_…`` class and ``data-fullname``. Each
fact is read from the first place that has it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lxml import etree

from ...clean import clean_html, strip_xml_illegal
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Stub, Thread
from ...page_stream import release, stream
from ...page_tree import Element, page_tree
from . import common
from .old_thing import (
    Entry,
    apply_header,
    attr,
    child_div,
    classes,
    comment_body,
    has_class,
    id_from_classes,
    permalink_button,
    post_body,
    read_header,
    stub,
    text,
)

_TITLE_SUFFIX = re.compile(r"\s+:\s+[A-Za-z0-9_]+\s*$")
SINGLE_THREAD = (
    "The page shows a single comment's thread; the rest of the thread's comments are not in it."
)


def parse(page: SavedPage) -> Thread:
    """The post and its comment tree; ``NoThreadFound`` when the page holds neither."""
    # A search of the page as it is held (``SavedPage.contains``), not of a decoded copy.
    warnings = [SINGLE_THREAD] if _is_single_thread(page) else []
    reader = _Reader()
    for div in stream(page, ("div",), _is_thing):
        reader.take(div)
    post, walk = reader.post, reader.walk
    roots, stubs = walk.roots, walk.stubs
    if post is None and not roots:
        raise NoThreadFound(
            f"{page.source}: this old-Reddit page holds no post and no comments; save the "
            "thread's own page (…/comments/ID/…) after its comments have loaded"
        )
    root = page_tree(page)  # what the stream kept: the page's head and the empty shells
    canonical = _canonical(root)
    title = post.title if post else ""
    if not title:
        title = _page_title(root)
    community = (
        (post.community if post else None)
        or common.community(walk.subreddit)
        or common.subreddit_of(canonical)
        or common.subreddit_of(post.comment.permalink if post else None)
    )
    return Thread(
        title=strip_xml_illegal(title).strip(),
        url=canonical or (post.comment.permalink if post else None) or page.url,
        site="reddit",
        site_name=common.SITE_NAME,
        community=community,
        post=post.comment if post else None,
        comments=roots,
        missing=stubs,
        warnings=warnings,
    )


# --- the post ---------------------------------------------------------------------------------


@dataclass
class _Post:
    comment: Comment
    title: str
    community: str | None


def _read_post(thing: Element) -> _Post:
    entry = Entry(child_div(thing, "entry"))
    names = classes(thing)
    comment = Comment(
        id=common.fullname("t3", attr(thing, "data-fullname")) or id_from_classes(names) or "post",
        is_op=True,
        stickied="stickied" in names,
        permalink=common.absolute(attr(thing, "data-permalink")),
    )
    apply_header(comment, read_header(entry.tagline), attr(thing, "data-author"))
    comment.score = _post_score(thing)
    if comment.created is None:
        comment.created = common.parse_epoch_ms(attr(thing, "data-timestamp"))
    title, comments_link = entry.title_links()
    if comment.permalink is None and comments_link is not None:
        comment.permalink = common.absolute(attr(comments_link, "href"))
    # A self post's text is in its expando; a comment form further down is not the post.
    body = post_body(entry.body) if _in_expando(entry.body, thing) else ""
    link = _outbound_link(thing, title)
    if link is not None:
        anchor = clean_html(f'<p><a href="{html.escape(link)}">{html.escape(link)}</a></p>')
        body = anchor + ("\n" + body if body else "")
    comment.body_html = body
    subreddit = attr(thing, "data-subreddit-prefixed") or attr(thing, "data-subreddit")
    return _Post(comment, text(title), common.community(subreddit))


def _in_expando(body: Element | None, thing: Element) -> bool:
    node = body
    while node is not None and node is not thing:
        if node.tag == "div" and "expando" in classes(node):
            return True
        node = node.getparent()
    return False


def _post_score(thing: Element) -> int | None:
    """The post's score: ``data-score`` (2025), else the unvoted score's title or text."""
    exact = common.parse_score(attr(thing, "data-score"))
    if exact is not None:
        return exact
    midcol = child_div(thing, "midcol")
    if midcol is None:
        return None
    for div in midcol:
        if isinstance(div.tag, str) and {"score", "unvoted"} <= set(classes(div)):
            return common.parse_score(attr(div, "title")) or common.parse_score(text(div))
    return None


def _outbound_link(thing: Element, title_link: Element | None) -> str | None:
    """Where a link post points; None for a self post (its title links to the thread)."""
    if "self" in classes(thing):
        return None
    url = attr(thing, "data-url") or (attr(title_link, "href") if title_link is not None else None)
    if not url or (attr(thing, "data-domain") or "").startswith("self."):
        return None
    if "/comments/" in url and not url.startswith("http"):
        return None
    return common.absolute(url)


# --- comments ---------------------------------------------------------------------------------


@dataclass
class _Walk:
    roots: list[Comment] = field(default_factory=list)
    stubs: list[Stub] = field(default_factory=list)
    subreddit: str | None = None
    anonymous: int = 0


@dataclass
class _Place:
    """Where the walk from the top puts a thing: whether it reaches it at all, the comment it
    replies to, and (a comment's) the comment once read."""

    reached: bool
    parent: Comment | None = None
    comment: Comment | None = None


_UNREACHED = _Place(reached=False)
_TOP = object()
"""What ``_Reader._owner`` says of a thing of the comment listing itself."""


def _is_thing(div: Element) -> bool:
    value = div.get("class")
    return value is not None and "thing" in value and "thing" in value.split()


class _Reader:
    """The post and the comments, from the page's ``div.thing``s, each as it ends.

    A comment is read once its entry is in: when its first reply ends (the entry comes before
    the replies), else at its own end. Since a thing is read only after the things above it,
    comments are read in page order, as a walk from the top reads them.

    ``places`` holds every thing placed and not yet ended: the things around the one being
    read, whose places its replies' places follow from. Holding them also keeps lxml's work
    short when it frees an element's Python proxy: it looks up through the ancestors for one
    still held, which would otherwise be the page's root, a walk as long as the thread is deep.
    """

    def __init__(self) -> None:
        self.walk = _Walk()
        self.post: _Post | None = None
        self.listing: Element | None = None
        self.places: dict[Element, _Place] = {}

    def take(self, thing: Element) -> None:
        """Read a ``div.thing`` that has just ended: the post, a comment not read yet, a
        stub. A thing the walk reaches, and the post, are then let go, replies and all (they
        have all been read)."""
        names = classes(thing)
        is_post = self.post is None and "link" in names and not _in_post(thing)
        if is_post:
            self.post = _read_post(thing)
        place = self._place(thing)
        del self.places[thing]
        if place.reached:
            if "comment" in names:
                self._comment(thing, place)
            else:
                found = stub(thing, names, Entry(child_div(thing, "entry")), place.parent)
                if found is not None:
                    self.walk.stubs.append(found)
        if place.reached or is_post:
            release(thing)

    def _comment(self, thing: Element, place: _Place) -> Comment:
        """The comment a reached ``div.thing.comment`` holds, read the first time it is asked
        for."""
        if place.comment is None:
            entry = Entry(child_div(thing, "entry"))
            comment = _read_comment(thing, classes(thing), entry, place.parent, self.walk)
            (place.parent.children if place.parent else self.walk.roots).append(comment)
            place.comment = comment
        return place.comment

    def _place(self, thing: Element) -> _Place:
        """Where the walk puts ``thing``: worked out from the nearest placed thing above it
        (the one whose replies hold it), each thing on the way placed in turn, top down."""
        pending: list[tuple[Element, object]] = []
        node = thing
        while node not in self.places:
            owner = self._owner(node)
            pending.append((node, owner))
            if not isinstance(owner, etree._Element):
                break
            node = owner
        for node, owner in reversed(pending):
            if owner is _TOP:
                self.places[node] = _Place(reached=True)
            elif isinstance(owner, etree._Element):
                self.places[node] = self._reply_place(owner)
            else:
                self.places[node] = _UNREACHED
        return self.places[thing]

    def _reply_place(self, owner: Element) -> _Place:
        """The place of a thing among ``owner``'s replies: only a comment's are followed,
        and the comment is read before its replies."""
        above = self.places[owner]
        if not above.reached or not has_class(owner, "comment"):
            return _UNREACHED
        return _Place(reached=True, parent=self._comment(owner, above))

    def _owner(self, thing: Element) -> object:
        """The thing whose replies ``thing`` is among (in its own first ``div.child`` >
        first ``div.sitetable``), ``_TOP`` for a thing of the comment listing, else None."""
        holder = thing.getparent()
        if holder is None or holder.tag != "div":
            return None
        if self._is_listing(holder):
            return _TOP
        if not has_class(holder, "sitetable") or _follows(holder, "sitetable"):
            return None
        child = holder.getparent()
        if child is None or child.tag != "div" or not has_class(child, "child"):
            return None
        if _follows(child, "child"):
            return None
        owner = child.getparent()
        if owner is None or owner.tag != "div" or not has_class(owner, "thing"):
            return None
        return owner

    def _is_listing(self, div: Element) -> bool:
        """Whether ``div`` is the comment listing: the page's first ``div.nestedlisting``,
        found the first time a thing sits in one (it has begun by then, so what is parsed so
        far holds it)."""
        if self.listing is None:
            if not has_class(div, "nestedlisting"):
                return False
            root = div.getroottree().getroot()
            self.listing = next(d for d in root.iter("div") if has_class(d, "nestedlisting"))
        return div is self.listing


def _follows(el: Element, cls: str) -> bool:
    """Whether a ``div.cls`` comes before ``el`` among its siblings (``el`` is not the first)."""
    return any(has_class(div, cls) for div in el.itersiblings("div", preceding=True))


def _in_post(thing: Element) -> bool:
    """Whether ``thing`` sits in a ``div.thing.link``, which comes before it in page order."""
    return any(
        has_class(div, "thing") and has_class(div, "link") for div in thing.iterancestors("div")
    )


def _read_comment(
    thing: Element, names: list[str], entry: Entry, parent: Comment | None, walk: _Walk
) -> Comment:
    cid = common.fullname("t1", attr(thing, "data-fullname")) or id_from_classes(names)
    cid = cid or common.fullname("t1", entry.thing_id())
    if cid is None:
        # Old Reddit drops every id from a deleted comment.
        walk.anonymous += 1
        cid = f"deleted-{walk.anonymous}"
    comment = Comment(
        id=cid,
        parent_id=parent.id if parent else None,
        depth=parent.depth + 1 if parent else 0,
        permalink=common.absolute(attr(thing, "data-permalink")) or permalink_button(entry),
        collapsed="collapsed" in names,
        stickied="stickied" in names,
        deleted="deleted" in names,
    )
    header = read_header(entry.tagline)
    apply_header(comment, header, attr(thing, "data-author"))
    comment.score = header.score
    comment.body_html, gone = comment_body(entry.body)
    if gone is not None:
        comment.deleted = comment.deleted or gone == "deleted"
        comment.removed = gone == "removed"
    walk.subreddit = walk.subreddit or attr(thing, "data-subreddit")
    return comment


# --- the page ----------------------------------------------------------------------------------


def _canonical(root: Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").split():
            return common.absolute(attr(link, "href"), common.WWW_BASE)
    return None


def _page_title(root: Element) -> str:
    meta = next((m for m in root.iter("meta") if m.get("property") == "og:title"), None)
    if meta is not None and attr(meta, "content"):
        return attr(meta, "content") or ""
    return _TITLE_SUFFIX.sub("", text(next(root.iter("title"), None)))


def _is_single_thread(page: SavedPage) -> bool:
    """Old Reddit's infobar on a comment's permalink page: "you are viewing a single comment's
    thread" (a substring test: searching the tree for it would cost more than the test)."""
    return page.contains("viewing a single comment")
