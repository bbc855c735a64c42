"""The 2018-2023 React design of www.reddit.com ("new Reddit"): a saved thread page.

Comments are a flat list of rows, each ``<div id="t1_…">`` with the depth only in its
``padding-left`` and a visually hidden "level N". Every row also draws one thread line per
ancestor (``<div class="t1_ANCESTOR"><i class="threadline">``): the last line before the row's
own is its parent. Rows for replies that were not loaded are ``id="moreComments-t1_…"`` ("3 more
replies", drawn at the depth of the hidden replies) and ``id="continueThread-t1_PARENT"``
("Continue this thread").

Class names are hashed per build (``_3sf33-9rVAO_v4y0pIW_CH``) and change every release, so
nothing here reads them: only ids, ``data-testid`` / ``data-test-id``, ``data-click-id``, the
thread lines' id classes and the words Reddit prints ("12 points", "Score hidden", "edited 3 hr.
ago", "Comment deleted by user"). 2019 pages (server-rendered, ``data-test-id="comment"``, score
and role in the header) and 2021-2023 pages (``data-testid="comment"``, score beside the vote
arrows below the body) are both read.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlunsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement

from ...clean import clean_html, split_url, strip_xml_illegal
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Stub, Thread
from ..numbers import read_int
from . import common

_ROW_ID = re.compile(r"^(?:moreComments-|continueThread-)?t1_[0-9a-z]+$")
_LINE_ID = re.compile(r"^t1_[0-9a-z]+$")
_LEVEL = re.compile(r"^level\s+(\d+)$", re.IGNORECASE)
_POINTS = re.compile(r"^[+-]?\d[\d,.]*[kKmM]?\s+points?$")
_EDITED = re.compile(r"^edited\b", re.IGNORECASE)
_MORE = re.compile(r"(\d[\d,]*)\s+more\s+repl", re.IGNORECASE)
_PADDING = re.compile(r"padding-left\s*:\s*(\d+(?:\.\d+)?)px")
_USER_PATH = re.compile(r"^/u(?:ser)?/([^/?#]+)")
_ROLE = re.compile(r"^CommentTopMeta--(OP|Mod|ModTeam|Admin|AdEm)--")
_TITLE_SUFFIX = re.compile(r"\s+:\s+[A-Za-z0-9_]+\s*$")
_SKIP = frozenset({"script", "style", "svg", "button", "img", "template", "noscript"})
# A comment row indents 16 px, plus 21 px per level; a "more" row only the 21 px per level.
_ROW_INDENT, _LEVEL_INDENT = 16, 21


def parse(page: SavedPage) -> Thread:
    """The post and the comment tree rebuilt from the flat rows; ``NoThreadFound`` if neither."""
    soup = page.soup
    post, title, community = _read_post(soup)
    rows = _Rows(post_author=post.author if post else None)
    seen: set[str] = set()
    for row in soup.find_all(id=_ROW_ID):
        row_id = str(row["id"])
        if row_id not in seen:  # the comment overlay can draw a row twice
            seen.add(row_id)
            rows.add(row, row_id)
    if post is None and not rows.roots:
        raise NoThreadFound(
            f"{page.source}: this Reddit page holds no post and no comments; save the "
            "thread's own page (…/comments/ID/…) after its comments have loaded"
        )
    url = _canonical(soup) or (post.permalink if post else None) or page.url
    if post is not None and post.permalink is None:
        post.permalink = url
    return Thread(
        title=strip_xml_illegal(title or _page_title(soup)).strip(),
        url=url,
        site="reddit",
        site_name=common.SITE_NAME,
        community=community or common.subreddit_of(url),
        post=post,
        comments=rows.roots,
        missing=rows.stubs,
        warnings=rows.warnings,
    )


# --- rows -> tree ---------------------------------------------------------------------------------


@dataclass
class _Rows:
    """The tree being rebuilt: ``path[d]`` is the latest comment at depth ``d``."""

    post_author: str | None
    roots: list[Comment] = field(default_factory=list)
    stubs: list[Stub] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    by_id: dict[str, Comment] = field(default_factory=dict)
    path: list[Comment] = field(default_factory=list)

    def add(self, row: Tag, row_id: str) -> None:
        facts = _scan(row, row_id.rsplit("-", 1)[-1])
        if row_id.startswith("continueThread-"):
            self.stubs.append(Stub(facts.own, None))
        elif row_id.startswith("moreComments-"):
            match = _MORE.search(facts.text)
            count = read_int(match.group(1)) if match else None
            parent = self._parent(facts, _depth(facts, comment_row=False))
            self.stubs.append(Stub(parent.id if parent else None, count))
        else:
            self._comment(facts)

    def _comment(self, facts: _Facts) -> None:
        comment = _to_comment(facts, self.post_author)
        if comment.id in self.by_id:
            return
        parent = self._parent(facts, _depth(facts, comment_row=True))
        if parent is None:
            self.roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        del self.path[comment.depth :]
        self.path.append(comment)
        self.by_id[comment.id] = comment

    def _parent(self, facts: _Facts, depth: int | None) -> Comment | None:
        """The last thread line's comment; else the latest comment one level up."""
        for line in reversed(facts.lines):
            if line in self.by_id:
                return self.by_id[line]
        if depth is None:
            if not self.warnings:
                self.warnings.append(
                    "Some comments gave no depth; they are shown as replies to the post."
                )
            return None
        if depth <= 0 or not self.path:
            return None
        return self.path[min(depth, len(self.path)) - 1]


def _depth(facts: _Facts, *, comment_row: bool) -> int | None:
    if facts.level is not None:
        return facts.level - 1
    if facts.padding is not None:
        indent = facts.padding - (_ROW_INDENT if comment_row else 0)
        return max(0, round(indent / _LEVEL_INDENT))
    return len(facts.lines) if facts.lines or not comment_row else None


# --- one row --------------------------------------------------------------------------------------


@dataclass
class _Facts:
    """What one row says, gathered in a single walk over its elements."""

    own: str
    lines: list[str] = field(default_factory=list)
    level: int | None = None
    padding: float | None = None
    author: str | None = None
    roles: set[str] = field(default_factory=set)
    when: str | None = None
    permalink: str | None = None
    header_words: list[str] = field(default_factory=list)
    votes: str | None = None
    body: Tag | None = None
    text: str = ""


def _scan(row: Tag, own: str) -> _Facts:
    facts = _Facts(own=own)
    style = _attr(row, "style") or ""
    padding = _PADDING.search(style)
    facts.padding = float(padding.group(1)) if padding else None
    words: list[str] = []
    stack: list[PageElement] = list(reversed(row.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            word = " ".join(str(node).split()) if type(node) is NavigableString else ""
            level = _LEVEL.match(word)
            if level and facts.level is None:
                facts.level = read_int(level.group(1))
            elif word:
                words.append(word)
            continue
        if node.name in _SKIP:
            continue
        if _is_body(node):
            facts.body = node
            continue
        node_id = _attr(node, "id") or ""
        if node_id == f"vote-arrows-{own}":
            facts.votes = _text(node)
            continue
        _read_element(node, node_id, facts)
        stack.extend(reversed(node.contents))
    facts.header_words = words
    facts.text = " ".join(words)
    return facts


def _read_element(node: Tag, node_id: str, facts: _Facts) -> None:
    if node.find("i", class_="threadline", recursive=False) is not None:
        facts.lines += [c for c in _classes(node) if _LINE_ID.match(c) and c != facts.own]
    role = _ROLE.match(node_id)
    if role:
        facts.roles.add(role.group(1))
    if node.name == "a":
        test_id = _attr(node, "data-testid")
        href = _attr(node, "href") or ""
        if test_id == "comment_timestamp" or node_id.startswith("CommentTopMeta--Created--"):
            facts.when, facts.permalink = _text(node), _permalink(href)
        elif facts.author is None and test_id != "comment_author_icon" and _is_user_link(href):
            facts.author = _text(node) or None


def _to_comment(facts: _Facts, post_author: str | None) -> Comment:
    words = facts.header_words
    comment = Comment(
        id=facts.own,
        author=common.author_name(facts.author),
        permalink=facts.permalink,
        stickied="Stickied comment" in words,
        is_moderator=bool(facts.roles & {"Mod", "ModTeam"}),
        is_admin=bool(facts.roles & {"Admin", "AdEm"}),
    )
    comment.distinguished = comment.is_moderator or comment.is_admin
    comment.is_op = "OP" in facts.roles or (
        comment.author is not None and comment.author == post_author
    )
    if facts.when and common.is_relative_time(facts.when):
        comment.created_text = facts.when
    if any(_EDITED.match(w) for w in words):
        comment.edited = True
    points = next((w for w in words if _POINTS.match(w)), None)
    comment.score = common.parse_score(points or facts.votes)
    for word in words:
        gone = common.gone_marker(word)
        if gone is not None and not common.is_deleted_name(word):
            comment.deleted, comment.removed = gone == "deleted", gone == "removed"
    if facts.body is not None:
        gone = common.gone_marker(_text(facts.body))
        if gone is not None:
            comment.deleted, comment.removed = gone == "deleted", gone == "removed"
        else:
            comment.body_html = clean_html(_inner(facts.body), common.WWW_BASE)
    elif comment.author is not None and not (comment.deleted or comment.removed):
        comment.collapsed = True  # the header without its body: collapsed when saved
    if comment.deleted or comment.removed:
        comment.score = None
    return comment


def _is_body(node: Tag) -> bool:
    return _attr(node, "data-testid") == "comment" or _attr(node, "data-test-id") == "comment"


# --- the post -------------------------------------------------------------------------------------


def _read_post(soup: BeautifulSoup) -> tuple[Comment | None, str | None, str | None]:
    """The post in ``[data-test-id="post-content"]``, its title and its community."""
    content = soup.find(None, _having("data-test-id", "post-content"))
    if not isinstance(content, Tag):
        return None, None, None
    holder = content
    for candidate in [content, *content.parents]:
        if isinstance(candidate, Tag) and re.match(r"^t3_", _attr(candidate, "id") or ""):
            holder = candidate
            break
    post_id = _attr(holder, "id") if holder is not content else None
    heading = content.find(["h1", "h2", "h3"])
    title = _text(heading) if isinstance(heading, Tag) else None
    author_link = holder.find("a", attrs=_having("data-testid", "post_author_link")) or holder.find(
        "a", href=lambda h: bool(h) and _is_user_link(h)
    )
    stamp = holder.find(None, _having("data-testid", "post_timestamp")) or holder.find(
        None, _having("data-click-id", "timestamp")
    )
    post = Comment(
        id=post_id or "post",
        author=common.author_name(_text(author_link) if isinstance(author_link, Tag) else None),
        score=common.parse_score(_post_votes(holder, post_id)),
        is_op=True,
    )
    when = _text(stamp) if isinstance(stamp, Tag) else ""
    if common.is_relative_time(when):
        post.created_text = when
    body = content.find(None, _having("data-click-id", "text"))
    post.body_html = clean_html(_inner(body), common.WWW_BASE) if isinstance(body, Tag) else ""
    link = _outbound_link(content)
    if link is not None:
        safe = html.escape(link, quote=True)
        paragraph = clean_html(f'<p><a href="{safe}">{safe}</a></p>')
        post.body_html = paragraph + ("\n" + post.body_html if post.body_html else "")
    sub = holder.find("a", attrs=_having("data-click-id", "subreddit"))
    community = common.community(_text(sub)) if isinstance(sub, Tag) else None
    return post, title, community


def _post_votes(holder: Tag, post_id: str | None) -> str | None:
    arrows = holder.find(id=f"vote-arrows-{post_id}") if post_id else None
    if isinstance(arrows, Tag):
        return _text(arrows)
    upvote = holder.find("button", attrs=_having("data-click-id", "upvote"))
    count = upvote.find_next_sibling() if isinstance(upvote, Tag) else None
    return _text(count) if isinstance(count, Tag) else None


def _outbound_link(content: Tag) -> str | None:
    """A link post's address: the outbound link, or the link that carries the outbound icon."""
    link = content.find("a", attrs=_having("data-testid", "outbound-link"))
    if not isinstance(link, Tag):
        icon = content.find("i", class_="icon-outboundLink")
        link = icon.find_parent("a") if isinstance(icon, Tag) else None
    href = _attr(link, "href") if isinstance(link, Tag) else None
    return common.absolute(href, common.WWW_BASE) if href else None


# --- the page -------------------------------------------------------------------------------------


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag):
        return common.absolute(_attr(link, "href"), common.WWW_BASE)
    # Og tags: ``property``/``content``, or ``name``/``value`` in the 2019 server render.
    for meta in soup.find_all("meta"):
        if "og:url" in (_attr(meta, "property"), _attr(meta, "name")):
            return common.absolute(_attr(meta, "content") or _attr(meta, "value"), common.WWW_BASE)
    return None


def _page_title(soup: BeautifulSoup) -> str:
    tag = soup.find("title")
    return _TITLE_SUFFIX.sub("", _text(tag if isinstance(tag, Tag) else None))


def _permalink(href: str) -> str | None:
    """The comment's address without the tracking query (``utm_source``, ``context``)."""
    url = common.absolute(href, common.WWW_BASE)
    if url is None:
        return None
    parts = split_url(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")) if parts else None


def _is_user_link(href: str) -> bool:
    """A link to a user's page (``/user/alice``, ``https://www.reddit.com/u/alice/``)."""
    parts = split_url(href)
    return parts is not None and _USER_PATH.match(parts.path) is not None


# --- small helpers --------------------------------------------------------------------------------


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if isinstance(value, str):
        return value.split()
    return list(value or [])


def _text(tag: Tag | None) -> str:
    if tag is None:
        return ""
    return " ".join(strip_xml_illegal(tag.get_text(" ", strip=True)).split())


def _inner(tag: Tag) -> str:
    """The body's HTML, without the layout ``<div>``s wrapped around the rendered text."""
    while True:
        kids = [c for c in tag.contents if isinstance(c, Tag) or str(c).strip()]
        if len(kids) != 1 or not isinstance(kids[0], Tag) or kids[0].name != "div":
            return "".join(str(child) for child in tag.contents)
        tag = kids[0]


def _having(name: str, value: object) -> dict[str, Any]:
    """An attribute filter for bs4 (its stubs want the dict's value type spelled loosely)."""
    return {name: value}
