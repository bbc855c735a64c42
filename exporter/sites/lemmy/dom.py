"""Lemmy pages read from their markup alone (lemmy-ui 0.19), for saves without ``isoData``.

SingleFile and "reader" saves strip scripts, so everything must be recoverable from the DOM:
comments are ``article.comment-node#comment-N`` inside nested ``ul.comments``; the header holds
the ``a.person-listing``, badges with ``aria-label`` (creator/mod/admin), vote spans labelled
"N Upvotes", and a ``span.moment-time`` whose tooltip carries the absolute time. Icon ``<svg>``s
carry ``<title>`` words ("link", "arrow-up") that must never leak into text, so text is only read
from the elements that hold it. The page is an lxml tree (``sites.page_tree``), searched with
compiled XPaths; only the bodies go to the sanitiser, as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote

from lxml import etree

from ...clean import clean_html, join_url, split_url, strip_xml_illegal, url_host
from ...model import Comment, Stub
from ...page_tree import Element, class_test, every, first, fragment_html, strings
from ..numbers import read_int

_TIPPY_TIME = re.compile(
    r"(?:\w+,\s+)?(\w+)\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\s+at\s+(\d{1,2}):(\d{2}):(\d{2})\s*"
    r"(AM|PM)\s*GMT([+-]\d{2}):?(\d{2})",
    re.IGNORECASE,
)
_VOTES = re.compile(r"^\s*(-?[\d,]+)\s+(upvote|downvote|point|score)s?\b", re.IGNORECASE)
_MORE_REPLIES = re.compile(r"(\d[\d,]*)\s+more\s+repl", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_UPVOTE = re.compile("Upvote", re.IGNORECASE)
_DELETED_TEXT = "deleted by creator"
_REMOVED_TEXT = "removed by mod"


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


def page_base_url(root: Element) -> str | None:
    """The thread's address as the page declares it (canonical link, then og:url)."""
    link = first(_CANONICAL, root)
    if link is not None and link.get("href"):
        return str(link.get("href"))
    meta = first(_OG_URL, root)
    if meta is not None and meta.get("content"):
        return str(meta.get("content"))
    return None


def parse_tippy_time(text: str) -> tuple[datetime | None, datetime | None]:
    """lemmy-ui's tooltip: 'Tuesday, November 10th, 2026 at 9:02:12 AM GMT+00:00', and for an
    edited comment 'Created: … Modified …'. Returns (created, modified)."""
    found = [_tippy_to_datetime(m) for m in _TIPPY_TIME.finditer(text)]
    found = [f for f in found if f is not None]
    created = found[0] if found else None
    modified = found[1] if len(found) > 1 and "modified" in text.lower() else None
    return created, modified


def _tippy_to_datetime(match: re.Match[str]) -> datetime | None:
    month, day, year, hour, minute, second, ampm, off_h, off_m = match.groups()
    try:
        month_no = datetime.strptime(month[:3], "%b").month
    except ValueError:
        return None
    hour_no = int(hour) % 12 + (12 if ampm.upper() == "PM" else 0)
    sign = -1 if off_h.startswith("-") else 1
    offset = timedelta(hours=abs(int(off_h)), minutes=int(off_m)) * sign
    try:
        local = datetime(
            int(year), month_no, int(day), hour_no, int(minute), int(second),
            tzinfo=timezone(offset),
        )  # fmt: skip
        return local.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # no such date, or one outside years 1-9999 in UTC
        return None


def handle_from_href(href: str | None, default_host: str | None) -> str | None:
    """'/u/aeon@lemmy.ml' → 'aeon@lemmy.ml'; '/u/marshall_k' → 'marshall_k@<this instance>'."""
    if not href:
        return None
    parts = split_url(href)
    if parts is None:
        return None
    match = re.search(r"/u/([^/?#]+)", parts.path)
    if not match:
        return None
    name = unquote(match.group(1))
    if "@" in name:
        return name
    host = parts.hostname or default_host
    return f"{name}@{host}" if host else name


def _text(tag: Element | None) -> str:
    """The element's strings, each stripped, joined by spaces (what bs4's ``get_text(" ",
    strip=True)`` gave, which the parser was written against)."""
    if tag is None:
        return ""
    return strip_xml_illegal(" ".join(s.strip() for s in strings(tag) if s.strip()))


def _classes(tag: Element) -> list[str]:
    return str(tag.get("class") or "").split()


def _descendant(tag_name: str, cls: str) -> etree.XPath:
    """The first descendant ``tag_name.cls`` (in document order) of the element it is given."""
    return etree.XPath(f"descendant::{tag_name}[{class_test(cls)}][1]")


_PERSON = _descendant("a", "person-listing")
_BADGES = etree.XPath(f"descendant::span[{class_test('badge')}]")
_LABELLED = etree.XPath("descendant::*[@aria-label]")
_TIPPED = etree.XPath("descendant::*[@data-tippy-content]")
_MOMENT = _descendant("span", "moment-time")
_MD_DIV = _descendant("div", "md-div")
_POST_LISTING = etree.XPath(f"/descendant::div[{class_test('post-listing')}][1]")
_POST_TITLE = etree.XPath(f"descendant::h1[ancestor::*[{class_test('post-title')}]][1]")
_H1 = etree.XPath("descendant::h1[1]")
_POST_CONTAINER = _descendant("article", "post-container")
_COMMUNITY_LINK = _descendant("a", "community-link")
_NODES = etree.XPath(f"/descendant::*[{class_test('comment-node')}]")
_ARTICLES = etree.XPath(f"/descendant::article[{class_test('comment-node')}]")
_CANONICAL = etree.XPath(
    "/descendant::link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')][1]"
)
_OG_URL = etree.XPath("/descendant::meta[@property='og:url'][1]")


def _header_facts(node: Element) -> dict[str, object]:
    """What a comment's or post's header says, reading only the elements that hold text."""
    facts: dict[str, object] = {}
    person = first(_PERSON, node)
    if person is not None:
        name_span = next((child for child in person if child.tag == "span"), None)
        facts["author"] = str(person.get("title") or "").strip() or _text(name_span)
        facts["href"] = person.get("href")
    badges = {
        str(badge.get("aria-label") or "").lower()
        for badge in every(_BADGES, node)
        if not _in_body(badge, node)
    }
    facts["is_op"] = "creator" in badges
    facts["is_moderator"] = "mod" in badges or "moderator" in badges
    facts["is_admin"] = "admin" in badges
    up = down = None
    for span in every(_LABELLED, node):
        match = _VOTES.match(str(span.get("aria-label")))
        if not match:
            continue
        value, kind = read_int(match.group(1)), match.group(2).lower()
        if value is None:
            continue
        if kind == "upvote":
            up = value
        elif kind == "downvote":
            down = value
        else:
            facts["score"] = value
    tipped = every(_TIPPED, node)
    tooltip = next((t for t in tipped if _CLOCK.search(str(t.get("data-tippy-content")))), None)
    if tooltip is None:
        tooltip = first(_MOMENT, node)
    if tooltip is not None:
        created, modified = parse_tippy_time(str(tooltip.get("data-tippy-content") or ""))
        facts["created"] = created
        facts["edited"] = modified or (True if tooltip.find(".//svg") is not None else None)
        facts["created_text"] = _text(tooltip) or None
    facts["upvotes"], facts["downvotes"] = up, down
    return facts


def _in_body(el: Element, node: Element) -> bool:
    """Whether ``el`` sits in a ``div.md-div`` (a body's own words) inside ``node``; the walk
    stops at ``node``, so it costs the header's depth, not the page's."""
    for ancestor in el.iterancestors():
        if ancestor is node:
            return False
        if ancestor.tag == "div" and "md-div" in _classes(ancestor):
            return True
    return False


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


def read_post(root: Element, base_url: str | None) -> DomPost | None:
    """The opening post from ``div.post-listing`` (rendered twice: mobile and desktop copies)."""
    listing = first(_POST_LISTING, root)
    if listing is None:
        return None
    title_tag = first(_POST_TITLE, listing)
    title = _text(title_tag if title_tag is not None else first(_H1, listing))
    copy = first(_POST_CONTAINER, listing)
    facts = _header_facts(copy if copy is not None else listing)
    community_link = first(_COMMUNITY_LINK, listing)
    community = None
    if community_link is not None:
        community = str(community_link.get("title") or "").strip() or _text(community_link)
    body = first(_MD_DIV, listing)
    up, down = _post_votes(listing)
    href = facts.get("href")
    return DomPost(
        title=title,
        author=_opt_str(facts.get("author")),
        author_id=handle_from_href(str(href) if href else None, _host(base_url)),
        community=community,
        created=_opt_datetime(facts.get("created")),
        edited=_edited(facts.get("edited")),
        created_text=_opt_str(facts.get("created_text")),
        upvotes=up,
        downvotes=down,
        body_html=clean_html(fragment_html(body), base_url) if body is not None else "",
        is_moderator=bool(facts.get("is_moderator")),
        is_admin=bool(facts.get("is_admin")),
    )


def read_comments(root: Element, base_url: str | None) -> tuple[list[Comment], list[Stub]]:
    """Comments in page order, each linked to its parent, plus the "N more replies" stubs."""
    host = _host(base_url)
    by_id: dict[str, Comment] = {}
    roots: list[Comment] = []
    stubs = []
    for node in every(_NODES, root):
        if node.tag != "article":
            match = _MORE_REPLIES.search(_text(node))
            if match:
                # The stub sits in its parent's own <li>, beside the parent's article.
                item = _comment_item(node)
                parent_id = _article_id(item) if item is not None else None
                stubs.append(Stub(parent_id, read_int(match.group(1))))
            continue
        raw_id = str(node.get("id") or "")
        if not raw_id.startswith("comment-"):
            continue
        comment = _read_comment(node, raw_id.removeprefix("comment-"), base_url, host)
        parent = by_id.get(_parent_comment_id(node) or "")
        if parent is None:
            roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        by_id[comment.id] = comment
    return roots, stubs


def read_bodies(root: Element, base_url: str | None) -> dict[str, str]:
    """Each comment's rendered body by id: lemmy-ui already turned the Markdown into HTML."""
    bodies = {}
    for article in every(_ARTICLES, root):
        raw_id = str(article.get("id") or "")
        content = first(_MD_DIV, article)
        if raw_id.startswith("comment-") and content is not None:
            bodies[raw_id.removeprefix("comment-")] = clean_html(fragment_html(content), base_url)
    return bodies


def page_order(root: Element) -> dict[str, int]:
    """Position of each comment in the page, which is the order the reader saw."""
    order = {}
    for index, article in enumerate(every(_ARTICLES, root)):
        raw_id = str(article.get("id") or "")
        if raw_id.startswith("comment-"):
            order[raw_id.removeprefix("comment-")] = index
    return order


def _read_comment(
    article: Element, comment_id: str, base_url: str | None, host: str | None
) -> Comment:
    facts = _header_facts(article)
    content = first(_MD_DIV, article)
    shown = _text(content).lower()
    body = clean_html(fragment_html(content), base_url) if content is not None else ""
    deleted, removed = shown == _DELETED_TEXT, shown == _REMOVED_TEXT
    up, down = facts.get("upvotes"), facts.get("downvotes")
    score = facts.get("score")
    if score is None and isinstance(up, int):
        score = up - (down if isinstance(down, int) else 0)
    href = facts.get("href")
    return Comment(
        id=comment_id,
        author=_opt_str(facts.get("author")),
        author_id=handle_from_href(str(href) if href else None, host),
        created=_opt_datetime(facts.get("created")),
        created_text=None if facts.get("created") else _opt_str(facts.get("created_text")),
        edited=_edited(facts.get("edited")),
        score=score if isinstance(score, int) else None,
        upvotes=up if isinstance(up, int) else None,
        downvotes=(down if isinstance(down, int) else 0) if isinstance(up, int) else None,
        body_html="" if deleted or removed else body,
        is_op=bool(facts.get("is_op")),
        is_moderator=bool(facts.get("is_moderator")),
        is_admin=bool(facts.get("is_admin")),
        # lemmy-ui marks a moderator's distinguished comment with Bootstrap's `mark` class.
        distinguished="mark" in _classes(article),
        deleted=deleted,
        removed=removed,
        permalink=join_url(base_url, f"/comment/{comment_id}") if base_url else None,
    )


def _comment_item(node: Element) -> Element | None:
    """The nearest ``li.comment`` around ``node``."""
    for ancestor in node.iterancestors("li"):
        if "comment" in _classes(ancestor):
            return ancestor
    return None


def _parent_comment_id(node: Element) -> str | None:
    """The comment whose reply list holds ``node``: li > ul.comments > li.comment > article."""
    item = _comment_item(node)
    if item is None:
        return None
    outer = _comment_item(item)
    return _article_id(outer) if outer is not None else None


def _article_id(item: Element) -> str | None:
    article = next((c for c in item if c.tag == "article" and "comment-node" in _classes(c)), None)
    if article is None:
        return None
    return str(article.get("id") or "").removeprefix("comment-") or None


def _host(url: str | None) -> str | None:
    return url_host(url)


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _opt_datetime(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _edited(value: object) -> datetime | bool | None:
    return value if isinstance(value, (datetime, bool)) else None
