"""old.reddit.com, and the old design served on www.reddit.com: a saved thread page.

Every post and comment is a ``div.thing``; a comment's replies sit in its own
``div.child > div.sitetable``, so the DOM nests three elements per reply level. Bodies are in
``.usertext-body .md`` inside a ``<form>`` (which calibre famously throws away with the text).
The page is read with lxml (``sites.page_tree``: a 10,000-comment page is tens of MB, which
BeautifulSoup takes ten times longer to build), its landmarks found by lxml's tag filter in page
order (they sit near the top; an XPath visits the whole page, 50 ms a landmark on a big one),
and the comments walked once, top down, with an explicit stack: real threads nest deeper than
Python's recursion limit, and every lookup stays inside one comment's own ``div.entry`` so that
no comment is ever searched through its replies. Only the bodies go to the sanitiser, as markup.

Markup differs across the years: 2025 pages carry ``data-permalink``, ``data-author`` and a
``title`` with the exact score on every score span; 2018 pages have no score titles and fewer
``data-`` attributes; deleted comments lose their ``id-t1_…`` class and ``data-fullname``. Each
fact is read from the first place that has it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...clean import clean_html, strip_xml_illegal
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Stub, Thread
from ...page_tree import Element, page_tree
from . import common
from .old_thing import (
    Entry,
    apply_header,
    attr,
    child_div,
    classes,
    comment_body,
    entry_and_child,
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
    root = page_tree(page)
    post_tag, listing = _landmarks(root)
    post = _read_post(post_tag) if post_tag is not None else None
    walk = _read_comments(listing) if listing is not None else _Walk()
    roots, stubs = walk.roots, walk.stubs
    if post is None and not roots:
        raise NoThreadFound(
            f"{page.source}: this old-Reddit page holds no post and no comments; save the "
            "thread's own page (…/comments/ID/…) after its comments have loaded"
        )
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
    warnings = [SINGLE_THREAD] if _is_single_thread(page) else []
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


def _read_comments(listing: Element) -> _Walk:
    """Walk the nested listings top down with a stack of child iterators (page order)."""
    walk = _Walk()
    # Each level keeps its listing element alive: when lxml frees an element's Python proxy it
    # looks up through the ancestors for one still held, which would otherwise be the page's
    # root, a walk as long as the thread is deep.
    stack: list[tuple[Iterator[Element], Comment | None, Element]] = [
        (iter(listing), None, listing)
    ]
    while stack:
        children, parent, _ = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            continue
        if node.tag != "div":
            continue
        names = classes(node)
        if "thing" not in names:
            continue
        entry_div, child = entry_and_child(node)
        entry = Entry(entry_div)
        if "comment" in names:
            comment = _read_comment(node, names, entry, parent, walk)
            (parent.children if parent else walk.roots).append(comment)
            # A comment's replies: its own ``div.child > div.sitetable``.
            replies = child_div(child, "sitetable") if child is not None else None
            if replies is not None:
                stack.append((iter(replies), comment, replies))
        else:
            found = stub(node, names, entry, parent)
            if found is not None:
                walk.stubs.append(found)
    return walk


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


def _landmarks(root: Element) -> tuple[Element | None, Element | None]:
    """The post's ``div.thing.link`` and the comments' ``div.nestedlisting``: the first of
    each in page order, in one pass that stops when it has both."""
    post: Element | None = None
    listing: Element | None = None
    for div in root.iter("div"):
        names = classes(div)
        if post is None and "thing" in names and "link" in names:
            post = div
        if listing is None and "nestedlisting" in names:
            listing = div
        if post is not None and listing is not None:
            break
    return post, listing


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
    return "viewing a single comment" in page.text
