"""Lemmy pages read from their markup alone (lemmy-ui 0.19), for saves without ``isoData``.

SingleFile and "reader" saves strip scripts, so everything must be recoverable from the DOM:
comments are ``article.comment-node#comment-N`` inside nested ``ul.comments``; the header holds
the ``a.person-listing``, badges with ``aria-label`` (creator/mod/admin), vote spans labelled
"N Upvotes", and a ``span.moment-time`` whose tooltip carries the absolute time. Icon ``<svg>``s
carry ``<title>`` words ("link", "arrow-up") that must never leak into text, so text is only read
from the elements that hold it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag

from ...clean import clean_html, join_url, split_url, strip_xml_illegal, url_host
from ...model import Comment, Stub
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


def page_base_url(soup: BeautifulSoup) -> str | None:
    """The thread's address as the page declares it (canonical link, then og:url)."""
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        return str(link["href"])
    meta = soup.find("meta", property="og:url")
    if isinstance(meta, Tag) and meta.get("content"):
        return str(meta["content"])
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


def _attrs(name: str, pattern: re.Pattern[str]) -> dict[str, Any]:
    """An attribute filter for bs4 (its stubs want the dict's value type spelled loosely)."""
    return {name: pattern}


def _text(tag: Tag | None) -> str:
    return strip_xml_illegal(tag.get_text(" ", strip=True)) if tag is not None else ""


def _inner_html(tag: Tag) -> str:
    return "".join(str(child) for child in tag.contents)


def _header_facts(node: Tag) -> dict[str, object]:
    """What a comment's or post's header says, reading only the elements that hold text."""
    facts: dict[str, object] = {}
    person = node.find("a", class_="person-listing")
    if isinstance(person, Tag):
        name_span = person.find("span", recursive=False)
        facts["author"] = str(person.get("title") or "").strip() or _text(
            name_span if isinstance(name_span, Tag) else None
        )
        facts["href"] = person.get("href")
    badges = {
        str(badge.get("aria-label") or "").lower()
        for badge in node.find_all("span", class_="badge")
        if badge.find_parent("div", class_="md-div") is None
    }
    facts["is_op"] = "creator" in badges
    facts["is_moderator"] = "mod" in badges or "moderator" in badges
    facts["is_admin"] = "admin" in badges
    up = down = None
    for span in node.find_all(None, _attrs("aria-label", _VOTES)):
        match = _VOTES.match(str(span["aria-label"]))
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
    tooltip = node.find(None, _attrs("data-tippy-content", _CLOCK))
    if tooltip is None:
        tooltip = node.find("span", class_="moment-time")
    if isinstance(tooltip, Tag):
        created, modified = parse_tippy_time(str(tooltip.get("data-tippy-content") or ""))
        facts["created"] = created
        facts["edited"] = modified or (True if tooltip.find("svg") else None)
        facts["created_text"] = _text(tooltip) or None
    facts["upvotes"], facts["downvotes"] = up, down
    return facts


def _post_votes(listing: Tag) -> tuple[int | None, int | None]:
    for button in listing.find_all(None, _attrs("data-tippy-content", _UPVOTE)):
        tip = str(button["data-tippy-content"])
        ups = re.search(r"(\d[\d,]*)\s+Upvote", tip)
        downs = re.search(r"(\d[\d,]*)\s+Downvote", tip)
        return (
            read_int(ups.group(1)) if ups else None,
            read_int(downs.group(1)) if downs else 0,
        )
    return None, None


def read_post(soup: BeautifulSoup, base_url: str | None) -> DomPost | None:
    """The opening post from ``div.post-listing`` (rendered twice: mobile and desktop copies)."""
    listing = soup.find("div", class_="post-listing")
    if not isinstance(listing, Tag):
        return None
    title_tag = listing.select_one(".post-title h1") or listing.find("h1")
    title = _text(title_tag if isinstance(title_tag, Tag) else None)
    copy = listing.find("article", class_="post-container") or listing
    assert isinstance(copy, Tag)
    facts = _header_facts(copy)
    community_link = listing.find("a", class_="community-link")
    community = None
    if isinstance(community_link, Tag):
        community = str(community_link.get("title") or "").strip() or _text(community_link)
    body = listing.find("div", class_="md-div")
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
        body_html=clean_html(_inner_html(body), base_url) if isinstance(body, Tag) else "",
        is_moderator=bool(facts.get("is_moderator")),
        is_admin=bool(facts.get("is_admin")),
    )


def read_comments(soup: BeautifulSoup, base_url: str | None) -> tuple[list[Comment], list[Stub]]:
    """Comments in page order, each linked to its parent, plus the "N more replies" stubs."""
    host = _host(base_url)
    by_id: dict[str, Comment] = {}
    roots: list[Comment] = []
    for article in soup.find_all("article", class_="comment-node"):
        raw_id = str(article.get("id") or "")
        if not raw_id.startswith("comment-"):
            continue
        comment = _read_comment(article, raw_id.removeprefix("comment-"), base_url, host)
        parent = by_id.get(_parent_comment_id(article) or "")
        if parent is None:
            roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        by_id[comment.id] = comment
    stubs = []
    for node in soup.find_all(class_="comment-node"):
        if node.name == "article":
            continue
        match = _MORE_REPLIES.search(node.get_text(" ", strip=True))
        if match:
            # The stub sits in its parent's own <li>, beside the parent's article.
            item = node.find_parent("li", class_="comment")
            parent_id = _article_id(item) if item is not None else None
            stubs.append(Stub(parent_id, read_int(match.group(1))))
    return roots, stubs


def read_bodies(soup: BeautifulSoup, base_url: str | None) -> dict[str, str]:
    """Each comment's rendered body by id: lemmy-ui already turned the Markdown into HTML."""
    bodies = {}
    for article in soup.find_all("article", class_="comment-node"):
        raw_id = str(article.get("id") or "")
        content = article.find("div", class_="md-div")
        if raw_id.startswith("comment-") and isinstance(content, Tag):
            bodies[raw_id.removeprefix("comment-")] = clean_html(_inner_html(content), base_url)
    return bodies


def page_order(soup: BeautifulSoup) -> dict[str, int]:
    """Position of each comment in the page, which is the order the reader saw."""
    order = {}
    for index, article in enumerate(soup.find_all("article", class_="comment-node")):
        raw_id = str(article.get("id") or "")
        if raw_id.startswith("comment-"):
            order[raw_id.removeprefix("comment-")] = index
    return order


def _read_comment(article: Tag, comment_id: str, base_url: str | None, host: str | None) -> Comment:
    facts = _header_facts(article)
    content = article.find("div", class_="md-div")
    body = clean_html(_inner_html(content), base_url) if isinstance(content, Tag) else ""
    shown = _text(content if isinstance(content, Tag) else None).lower()
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
        distinguished="mark" in (article.get("class") or []),
        deleted=deleted,
        removed=removed,
        permalink=join_url(base_url, f"/comment/{comment_id}") if base_url else None,
    )


def _parent_comment_id(node: Tag) -> str | None:
    """The comment whose reply list holds ``node``: li > ul.comments > li.comment > article."""
    item = node.find_parent("li", class_="comment")
    if item is None:
        return None
    outer = item.find_parent("li", class_="comment")
    return _article_id(outer) if outer is not None else None


def _article_id(item: Tag) -> str | None:
    article = item.find("article", class_="comment-node", recursive=False)
    if not isinstance(article, Tag):
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
