"""shreddit, www.reddit.com's design from 2023 on: a saved thread page.

The post is a ``<shreddit-post>`` whose attributes carry the facts (``post-title``, ``author``,
``score``, ``created-timestamp``, ``permalink``, ``subreddit-prefixed-name``); its text is in
``[slot="text-body"]``. Every comment is a ``<shreddit-comment>`` (``thingid``, ``author``,
``score``, ``created``, ``permalink``, ``parentid``) that holds its own header
(``[slot="commentMeta"]``), body (``[slot="comment"]``) and, nested inside it, its replies.
Replies the page did not load are ``<faceplate-partial>`` loaders ("3 more replies", "View more
comments") and "Continue this thread" links (``a[slot="more-comments-permalink"]``).

Replies nest one element deeper per level, so a long chain is thousands of elements deep: the
page is walked once, top down, with an explicit stack, and each slot is credited to the nearest
comment around it. Declarative shadow roots (``<template shadowrootmode>``, kept by SingleFile)
hold vote buttons and share menus, never content: they are skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Any
from urllib.parse import parse_qs

from bs4 import BeautifulSoup, Tag

from ...clean import clean_html, split_url, strip_xml_illegal
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Stub, Thread
from ..numbers import read_int
from . import common

_SKIP = frozenset({"script", "style", "template", "svg", "noscript", "iframe", "head"})
_CHROME = frozenset({"shreddit-comment-action-row", "shreddit-overflow-menu", "button"})
_MORE_REPLIES = re.compile(r"(\d[\d,]*)\s+more\s+repl", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+:\s+r/[A-Za-z0-9_]+\s*$")


def parse(page: SavedPage) -> Thread:
    """The post and its comment tree; ``NoThreadFound`` when the page holds neither."""
    soup = page.soup
    walk = _walk(soup)
    post_tag = _choose_post(walk.posts)
    post = _read_post(post_tag) if post_tag is not None else None
    post_author = post.author if post else None
    roots = _build_tree(walk, post_author)
    if post is None and not roots:
        raise NoThreadFound(
            f"{page.source}: this Reddit page holds no post and no comments; save the "
            "thread's own page (…/comments/ID/…) after its comments have loaded"
        )
    url = _canonical(soup) or (post.permalink if post else None) or page.url
    thread = Thread(
        title=_title(soup, post_tag),
        url=url,
        site="reddit",
        site_name=common.SITE_NAME,
        community=_community(post_tag) or common.subreddit_of(url),
        post=post,
        comments=roots,
        missing=_merge_stubs(walk.stubs),
    )
    declared = _declared_total(walk.tree, post_tag)
    count = len(walk.drafts)
    if declared is not None and declared > count:
        thread.warnings.append(
            f"The page holds {count} of the thread's {declared} comments; "
            "the others had not been loaded when it was saved."
        )
    return thread


# --- one walk over the page -----------------------------------------------------------------------


@dataclass
class _Draft:
    """A ``<shreddit-comment>`` and the slots found inside it (not inside its replies)."""

    tag: Tag
    owner: _Draft | None
    meta: Tag | None = None
    body: Tag | None = None
    comment: Comment | None = None


@dataclass
class _Walk:
    posts: list[Tag] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    stubs: list[tuple[_Draft | None, int | None]] = field(default_factory=list)
    tree: Tag | None = None


def _walk(soup: BeautifulSoup) -> _Walk:
    """Visit every element once in page order, crediting each slot to its nearest comment."""
    walk = _Walk()
    seen: set[str] = set()
    stack: list[tuple[Tag, _Draft | None]] = [(soup, None)]
    while stack:
        tag, owner = stack.pop()
        name = tag.name
        if name in _SKIP:
            continue
        if name == "shreddit-comment":
            thing = _attr(tag, "thingid") or _attr(tag, "permalink") or f"#{len(walk.drafts)}"
            if thing in seen:  # a part the browser kept twice
                continue
            seen.add(thing)
            owner = _Draft(tag, owner)
            walk.drafts.append(owner)
        elif name == "shreddit-post":
            walk.posts.append(tag)
        elif name == "shreddit-comment-tree" and walk.tree is None:
            walk.tree = tag
        elif name == "faceplate-partial" and _is_more_loader(tag):
            walk.stubs.append((owner, _loader_count(tag)))
            continue
        elif name == "a" and _is_continue_link(tag):
            walk.stubs.append((owner, _count_in(_text(tag))))
            continue
        elif name in _CHROME and owner is not None:
            continue
        slot = _attr(tag, "slot")
        if owner is not None and slot in ("comment", "commentMeta"):
            if slot == "comment" and owner.body is None:
                owner.body = tag
            elif slot == "commentMeta" and owner.meta is None:
                owner.meta = tag
            continue
        stack.extend((child, owner) for child in reversed(tag.contents) if isinstance(child, Tag))
    return walk


def _is_more_loader(tag: Tag) -> bool:
    """A loader not yet pressed; once loaded, a partial holds the comments it fetched."""
    if tag.find("shreddit-comment") is not None:
        return False
    src = _attr(tag, "src") or ""
    return "more-comments" in src or _MORE_REPLIES.search(_text(tag)) is not None


def _loader_count(tag: Tag) -> int | None:
    number = tag.find("faceplate-number")
    if isinstance(number, Tag):
        exact = common.parse_score(_attr(number, "number"))
        if exact is not None:
            return exact
    found = _count_in(_text(tag))
    if found is not None:
        return found
    parts = split_url(_attr(tag, "src") or "")
    remaining = parse_qs(parts.query).get("comments-remaining") if parts is not None else None
    return common.parse_score(remaining[0]) if remaining else None


def _is_continue_link(tag: Tag) -> bool:
    if _attr(tag, "slot") == "more-comments-permalink":
        return True
    return _text(tag).casefold() == "continue this thread"


def _count_in(text: str) -> int | None:
    match = _MORE_REPLIES.search(text)
    return read_int(match.group(1)) if match else None


# --- comments -------------------------------------------------------------------------------------


def _build_tree(walk: _Walk, post_author: str | None) -> list[Comment]:
    """Comments linked to the comment around them, else to the one their ``parentid`` names."""
    roots: list[Comment] = []
    by_id: dict[str, Comment] = {}
    for draft in walk.drafts:
        comment = _read_comment(draft, post_author, len(by_id))
        draft.comment = comment
        parent = draft.owner.comment if draft.owner is not None else None
        if parent is None:
            parent = by_id.get(common.fullname("t1", _attr(draft.tag, "parentid")) or "")
        if parent is None:
            roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        by_id.setdefault(comment.id, comment)
    return roots


def _read_comment(draft: _Draft, post_author: str | None, index: int) -> Comment:
    tag, meta = draft.tag, draft.meta
    thing = common.fullname("t1", _attr(tag, "thingid"))
    comment = Comment(
        id=thing or _id_from_permalink(_attr(tag, "permalink")) or f"shreddit-{index}",
        permalink=common.absolute(_attr(tag, "permalink"), common.WWW_BASE),
        score=common.parse_score(_attr(tag, "score")),
        collapsed=_flag(tag, "collapsed"),
        stickied=_flag(tag, "stickied"),
        deleted=_flag(tag, "deleted") or _attr(tag, "is-comment-deleted") == "true",
        removed=_flag(tag, "removed")
        or _attr(tag, "is-comment-removed") == "true"
        or "remov" in (_attr(tag, "moderation-verdict") or "").lower(),
    )
    name = None if _attr(tag, "is-author-deleted") == "true" else _attr(tag, "author")
    if name is None and _attr(tag, "author") is None and meta is not None:
        link = meta.find("a", href=re.compile(r"/u(?:ser)?/"))
        name = _text(link) if isinstance(link, Tag) else None
    comment.author = common.author_name(name)
    comment.created = common.parse_time(_attr(tag, "created"))
    _read_meta(comment, meta, _attr(tag, "distinguished"))
    comment.is_op = comment.is_op or (comment.author is not None and comment.author == post_author)
    comment.body_html = _body(comment, draft.body, thing)
    if draft.body is None and comment.author is None and not comment.removed:
        # No body and no author: what shreddit prints for a comment deleted by its writer.
        comment.deleted = True
    return comment


def _read_meta(comment: Comment, meta: Tag | None, distinguished: str | None) -> None:
    """Time, edit time, OP and moderator marks and the pin, from the comment's header."""
    roles = {distinguished.lower()} if distinguished else set()
    for node in meta.descendants if meta is not None else ():
        if not isinstance(node, Tag):
            continue
        if node.name == "faceplate-timeago" and meta is not None:
            when = common.parse_time(_attr(node, "ts"))
            if _is_edit_stamp(node, meta):
                comment.edited = when or True
            elif comment.created is None and comment.created_text is None:
                comment.created = when
                shown = _text(node)
                if when is None and common.is_relative_time(shown):
                    comment.created_text = shown
        elif node.name == "shreddit-comment-badges":
            comment.stickied = comment.stickied or _flag(node, "stickied")
        elif node.name == "span":
            word = _text(node)
            if word == "OP":
                comment.is_op = True
            elif word.startswith("Edited") and comment.edited is None:
                comment.edited = True
        if node.has_attr("distinguished-as"):
            roles.add((_attr(node, "distinguished-as") or "").lower())
    comment.is_moderator = "moderator" in roles
    comment.is_admin = "admin" in roles
    comment.distinguished = comment.is_moderator or comment.is_admin


def _is_edit_stamp(stamp: Tag, meta: Tag) -> bool:
    """The "Edited 2d ago" time sits in a span whose text begins with "Edited"."""
    holders = takewhile(lambda holder: holder is not meta, stamp.parents)
    return any(_text(holder).startswith("Edited") for holder in holders)


def _body(comment: Comment, slot: Tag | None, thing: str | None) -> str:
    """The rendered body, or "" when the slot only says the comment is gone."""
    if slot is None:
        return ""
    inner = slot.find(id=f"{thing}-post-rtjson-content") if thing else None
    holder = inner if isinstance(inner, Tag) else slot
    gone = common.gone_marker(_text(holder))
    if gone is not None:
        comment.deleted = comment.deleted or gone == "deleted"
        comment.removed = comment.removed or gone == "removed"
        return ""
    if comment.deleted or comment.removed:
        return ""
    return _fragment(holder)


def _merge_stubs(found: list[tuple[_Draft | None, int | None]]) -> list[Stub]:
    """One stub per parent: a loader and a "Continue" link under one comment are one gap."""
    stubs: dict[str | None, Stub] = {}
    for owner, count in found:
        parent = owner.comment.id if owner is not None and owner.comment is not None else None
        known = stubs.get(parent)
        if known is None:
            stubs[parent] = Stub(parent, count)
        elif known.count is None:
            known.count = count
    return list(stubs.values())


# --- the post -------------------------------------------------------------------------------------


def _choose_post(posts: list[Tag]) -> Tag | None:
    """The thread's own post, not the "more posts you may like" cards beside it."""
    contexts = [(_attr(post, "view-context") or "").lower() for post in posts]
    for wanted in ("commentspage", ""):
        for post, context in zip(posts, contexts, strict=True):
            if context == wanted:
                return post
    return posts[0] if posts else None


def _read_post(tag: Tag) -> Comment:
    post = Comment(
        id=common.fullname("t3", _attr(tag, "id")) or "post",
        author=common.author_name(_attr(tag, "author")),
        created=common.parse_time(_attr(tag, "created-timestamp")),
        score=common.parse_score(_attr(tag, "score")),
        is_op=True,
        stickied=_flag(tag, "stickied"),
        removed=_flag(tag, "removed"),
        permalink=common.absolute(_attr(tag, "permalink"), common.WWW_BASE),
    )
    if _attr(tag, "is-author-deleted") == "true":
        post.author = None
    body = ""
    slot = _slot_child(tag, "text-body")
    if slot is not None:
        rich = slot.find(None, _having("property", "schema:articleBody")) or slot.find(
            id=re.compile(r"-post-rtjson-content$")
        )
        holder = rich if isinstance(rich, Tag) else slot
        gone = common.gone_marker(_text(holder))
        if gone is not None:
            post.deleted, post.removed = gone == "deleted", gone == "removed"
        else:
            body = _fragment(holder)
    link = _outbound_link(tag, post.permalink)
    if link is not None:
        safe = html.escape(link, quote=True)
        paragraph = clean_html(f'<p><a href="{safe}">{safe}</a></p>')
        body = paragraph + ("\n" + body if body else "")
    post.body_html = body
    return post


def _outbound_link(tag: Tag, permalink: str | None) -> str | None:
    """Where a link, image or video post points; None for a text post."""
    href = common.absolute(_attr(tag, "content-href"), common.WWW_BASE)
    if (_attr(tag, "post-type") or "text").lower() in ("text", "self") or href is None:
        return None
    return None if href.rstrip("/") == (permalink or "").rstrip("/") else href


def _slot_child(tag: Tag, name: str) -> Tag | None:
    found = tag.find(None, _having("slot", name))
    return found if isinstance(found, Tag) else None


def _community(post: Tag | None) -> str | None:
    names = (_attr(post, "subreddit-prefixed-name"), _attr(post, "subreddit-name")) if post else ()
    return common.community(next((n for n in names if n), None))


def _title(soup: BeautifulSoup, post: Tag | None) -> str:
    title = _attr(post, "post-title") if post is not None else None
    if not title and post is not None:
        heading = _slot_child(post, "title")
        title = _text(heading) if heading is not None else None
    if not title:
        # The document's <title>, not an icon's <svg><title> (a copied comment tree has one).
        head = soup.find("head")
        tag = head.find("title") if isinstance(head, Tag) else None
        title = _TITLE_SUFFIX.sub("", _text(tag if isinstance(tag, Tag) else None))
    return strip_xml_illegal(title or "").strip()


def _declared_total(tree: Tag | None, post: Tag | None) -> int | None:
    for tag, name in ((tree, "totalcomments"), (post, "comment-count")):
        value = common.parse_score(_attr(tag, name)) if tag is not None else None
        if value is not None:
            return value
    return None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag):
        return common.absolute(_attr(link, "href"), common.WWW_BASE)
    meta = soup.find("meta", property="og:url")
    if isinstance(meta, Tag):
        return common.absolute(_attr(meta, "content"), common.WWW_BASE)
    return None


# --- small helpers --------------------------------------------------------------------------------


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _flag(tag: Tag, name: str) -> bool:
    """A boolean attribute: present (``collapsed=""``) and not spelled out as false."""
    value = tag.get(name)
    if value is None:
        return False
    text = value if isinstance(value, str) else " ".join(value)
    return text.strip().lower() not in ("false", "0")


def _id_from_permalink(permalink: str | None) -> str | None:
    """'/r/x/comments/abc/comment/k3j9x2a/' → 't1_k3j9x2a'."""
    match = re.search(r"/comment/([0-9a-z]+)/?", permalink or "")
    return common.fullname("t1", match.group(1)) if match else None


def _text(tag: Tag | None) -> str:
    if tag is None:
        return ""
    return " ".join(strip_xml_illegal(tag.get_text(" ", strip=True)).split())


def _fragment(holder: Tag) -> str:
    """The body's inner HTML without the buttons some bodies carry ("Read more")."""
    parts = []
    for child in holder.contents:
        if isinstance(child, Tag) and child.name in ("button", "template", "script", "style"):
            continue
        parts.append(str(child))
    return clean_html("".join(parts), common.WWW_BASE)


def _having(name: str, value: object) -> dict[str, Any]:
    """An attribute filter for bs4 (its stubs want the dict's value type spelled loosely)."""
    return {name: value}
