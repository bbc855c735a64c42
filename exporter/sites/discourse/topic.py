"""A Discourse topic page as a flat ``Thread``: post #1 as the post, every other post a root
comment in post order, with what it replies to.

The JSON is read first (every field, exact), then the crawler view, then the app's markup;
posts are merged on their number so that a post any one source still holds reaches the book.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from ...clean import safe_link, strip_xml_illegal
from ...dates import parse_iso
from ...errors import NoThreadFound
from ...load import SavedPage
from ...merge import MORE_PAGES
from ...model import Comment, Stub, Thread
from ..numbers import read_int
from ..soup import attr, text_of
from . import preloaded
from .cooked import cook
from .dom import DomPost, app_posts, crawler_posts, small_actions

SITE_KEY = "discourse"
DAMAGED = "The page's embedded data was damaged; the posts that could still be read were kept"
_TOPIC_PATH = re.compile(r"/t/(?:([^/?#]+)/)?(\d{1,15})(?:/\d+)?/?(?:[?#]|$)")
_TITLE_SUFFIX = re.compile(r"\s+-\s+[^-]+$")
_COUNTS = re.compile(r"(\d{1,9})\s*/\s*(\d{1,9})")


def parse_topic(page: SavedPage) -> Thread:
    soup = page.soup
    data = preloaded.read(_preloaded_text(soup))
    base = _base_url(soup, page)
    topic_id = (data.topic_id if data else None) or _topic_id(soup, base)
    by_number: dict[int, Comment] = {}
    authors: dict[int, str | None] = {}
    from_json = data.posts if data else []
    for post in from_json:
        if post.get("post_type") == 3:  # "closed this topic", "split this topic": no post
            authors[post["post_number"]] = None
            continue
        by_number[post["post_number"]] = _json_comment(post, base, topic_id)
    crawled = crawler_posts(soup)
    saved = app_posts(soup)
    for dom_post in [*crawled, *saved]:
        if dom_post.number not in by_number and dom_post.number not in authors:
            by_number[dom_post.number] = _dom_comment(dom_post, base, topic_id)
    for number in small_actions(soup):
        if number not in by_number:
            authors.setdefault(number, None)
    if not by_number:
        raise NoThreadFound(
            f"{page.source}: this Discourse page holds no topic's posts (a category or topic "
            "list?); open a topic and save that page"
        )
    numbers = sorted(by_number)
    comments = [by_number[n] for n in numbers]
    authors.update({n: c.author for n, c in by_number.items()})
    _link_replies(comments, authors, saved)
    opener = by_number.get(1)
    op_name = opener.author if opener is not None else _op_from_markup(saved)
    for comment in comments:
        comment.is_op = comment.is_op or (op_name is not None and comment.author == op_name)
        comment.permalink = _permalink(base, topic_id, comment.number)
    title = _title(soup, data)
    host = urlsplit(base).hostname if base else None
    thread = Thread(
        title=title,
        url=_topic_url(base, topic_id, data),
        site=SITE_KEY,
        site_name=host,
        community=_category(soup),
        post=opener,
        comments=[c for c in comments if c is not opener],
        language=_language(soup),
        thread_id=f"{host}/t/{topic_id}" if host and topic_id else None,
        page=_page_number(soup, page),
    )
    _note_missing(thread, soup, data, len(numbers) + sum(1 for a in authors if a not in by_number))
    if data is not None and data.damaged:
        thread.warnings.append(DAMAGED)
    return thread


def _preloaded_text(soup: BeautifulSoup) -> str | None:
    holder = soup.find(id="data-preloaded")
    if not isinstance(holder, Tag):
        return None
    return attr(holder, "data-preloaded") or holder.get_text() or None


def _json_comment(post: dict[str, Any], base: str | None, topic_id: str | None) -> Comment:
    number: int = post["post_number"]
    cooked = post.get("cooked")
    body = cook(cooked if isinstance(cooked, str) else "", base, topic_id, number)
    username = _str(post.get("username"))
    created = parse_iso(post.get("created_at"))
    version = post.get("version")
    updated = parse_iso(post.get("updated_at"))
    edited: datetime | bool | None = None
    if type(version) is int and version > 1:
        edited = updated or True
    comment = Comment(
        id=str(number),
        author=username,
        author_id=username,
        created=created,
        edited=edited,
        score=_likes(post),
        body_html=body.body_html,
        is_moderator=post.get("moderator") is True,
        is_admin=post.get("admin") is True,
        deleted=post.get("user_deleted") is True or bool(post.get("deleted_at")),
        removed=post.get("hidden") is True,
        accepted=post.get("accepted_answer") is True,
        number=number,
    )
    reply = post.get("reply_to_post_number")
    if type(reply) is int and 0 < reply < 10**9 and reply != number:
        comment.reply_to, comment.reply_to_number = str(reply), reply
        user = post.get("reply_to_user")
        if isinstance(user, dict):
            comment.reply_to_author = _str(user.get("username"))
    elif body.quoted_number is not None:
        comment.reply_to, comment.reply_to_number = str(body.quoted_number), body.quoted_number
        comment.reply_to_author = body.quoted_author
    return comment


def _str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = strip_xml_illegal(value).strip()
    return text or None


def _likes(post: dict[str, Any]) -> int | None:
    count = post.get("like_count")
    if type(count) is int:
        return count
    actions = post.get("actions_summary")
    if isinstance(actions, list):
        for action in actions:
            if isinstance(action, dict) and action.get("id") == 2:
                value = action.get("count")
                return value if type(value) is int else 0
        return 0
    return None


def _dom_comment(post: DomPost, base: str | None, topic_id: str | None) -> Comment:
    body = cook(post.body_fragment, base, topic_id, post.number)
    comment = Comment(
        id=str(post.number),
        author=post.author,
        author_id=post.author,
        created=post.created,
        created_text=post.created_text,
        edited=post.edited,
        score=post.likes,
        body_html=body.body_html,
        is_op=post.is_op,
        is_moderator=post.is_moderator,
        is_admin=post.is_admin,
        deleted=post.deleted,
        accepted=post.accepted,
        number=post.number,
        reply_to_author=post.reply_to_author,
    )
    if body.quoted_number is not None and (
        post.reply_to_author is None or post.reply_to_author == body.quoted_author
    ):
        comment.reply_to, comment.reply_to_number = str(body.quoted_number), body.quoted_number
        comment.reply_to_author = body.quoted_author
    return comment


def _link_replies(
    comments: list[Comment], authors: dict[int, str | None], saved: list[DomPost]
) -> None:
    """Name the author of the post each one answers; and where the app's markup only says
    "replying to alice", point at alice's post when the page holds exactly one earlier."""
    tabs = {p.number: p.reply_to_author for p in saved if p.reply_to_author}
    for comment in comments:
        number = comment.number
        if comment.reply_to_number is not None:
            comment.reply_to_author = comment.reply_to_author or authors.get(
                comment.reply_to_number
            )
            continue
        if number is None:
            continue
        who = comment.reply_to_author or tabs.get(number)
        if who is None:
            continue
        comment.reply_to_author = who
        earlier = [n for n, a in authors.items() if a == who and n < number]
        if len(earlier) == 1:
            comment.reply_to, comment.reply_to_number = str(earlier[0]), earlier[0]


def _op_from_markup(saved: list[DomPost]) -> str | None:
    return next((p.author for p in saved if p.is_op and p.author), None)


def _base_url(soup: BeautifulSoup, page: SavedPage) -> str | None:
    for tag, key in (
        (soup.find("meta", id="data-discourse-setup"), "data-base-url"),
        (soup.find("link", rel="canonical"), "href"),
        (soup.find("meta", property="og:url"), "content"),
    ):
        url = safe_link(attr(tag if isinstance(tag, Tag) else None, key), page.url)
        if url and urlsplit(url).scheme in {"http", "https"}:
            parts = urlsplit(url)
            return f"{parts.scheme}://{parts.netloc}"
    if page.url and urlsplit(page.url).scheme in {"http", "https"}:
        parts = urlsplit(page.url)
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _topic_id(soup: BeautifulSoup, base: str | None) -> str | None:
    for tag, key in (
        (soup.find("link", rel="canonical"), "href"),
        (soup.find("meta", property="og:url"), "content"),
    ):
        match = _TOPIC_PATH.search(attr(tag if isinstance(tag, Tag) else None, key) or "")
        if match:
            return match.group(2)
    holder = soup.find(None, {"data-topic-id": True})
    found = read_int(attr(holder if isinstance(holder, Tag) else None, "data-topic-id"))
    return str(found) if found is not None and found > 0 else None


def _topic_url(
    base: str | None, topic_id: str | None, data: preloaded.Preloaded | None
) -> str | None:
    if not base or not topic_id:
        return None
    slug = data.topic.get("slug") if data else None
    if isinstance(slug, str) and re.fullmatch(r"[\w-]{1,200}", slug):
        return f"{base}/t/{slug}/{topic_id}"
    return f"{base}/t/{topic_id}"


def _permalink(base: str | None, topic_id: str | None, number: int | None) -> str | None:
    if not base or not topic_id or number is None:
        return None
    return f"{base}/t/{topic_id}/{number}"


def _title(soup: BeautifulSoup, data: preloaded.Preloaded | None) -> str:
    if data is not None:
        title = _str(data.topic.get("title"))
        if title:
            return title
    for selector in ("h1.crawler-topic-title a", "#topic-title h1 a", "#topic-title h1"):
        found = soup.select_one(selector)
        if found is not None and text_of(found):
            return text_of(found)
    og = soup.find("meta", property="og:title")
    if isinstance(og, Tag) and attr(og, "content"):
        return strip_xml_illegal(attr(og, "content") or "")
    head = soup.find("title")
    text = text_of(head if isinstance(head, Tag) else None)
    return _TITLE_SUFFIX.sub("", _TITLE_SUFFIX.sub("", text)) if text.count(" - ") >= 2 else text


def _category(soup: BeautifulSoup) -> str | None:
    for selector in (
        "#topic-title .topic-category .category-name",
        ".topic-category .category-name",
        "#breadcrumbs .category-title",
        "#breadcrumbs [itemprop=name]",
    ):
        names = [text_of(t) for t in soup.select(selector)]
        names = [n for n in names if n]
        if names:
            return names[-1]  # a subcategory follows its parent: the deepest says the most
    section = soup.find("meta", property="og:article:section")
    return attr(section if isinstance(section, Tag) else None, "content")


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    lang = attr(html if isinstance(html, Tag) else None, "lang")
    return lang.replace("_", "-") if lang else None


def _page_number(soup: BeautifulSoup, page: SavedPage) -> int | None:
    """The crawler view's ``?page=N`` (20 posts a page); the app's markup has no pages."""
    canonical = soup.find("link", rel="canonical")
    number = _page_param(attr(canonical if isinstance(canonical, Tag) else None, "href"))
    if number is None:
        number = _page_param(page.url)
    if number is not None:
        return number
    prev = soup.find("link", rel="prev") or soup.find("a", rel="prev")
    if isinstance(prev, Tag):
        before = _page_param(attr(prev, "href"))
        return (before or 1) + 1
    if soup.find("link", rel="next") or soup.find("a", rel="next"):
        return 1
    return None


def _page_param(url: str | None) -> int | None:
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("page")
    number = read_int(values[0]) if values else None
    return number if number is not None and 0 < number < 10**6 else None


def _note_missing(
    thread: Thread, soup: BeautifulSoup, data: preloaded.Preloaded | None, have: int
) -> None:
    total = 0
    if data is not None:
        total = len(data.stream)
        count = data.topic.get("posts_count")
        if not total and type(count) is int:
            total = count
    timeline = soup.select_one(".timeline-replies")
    counts = _COUNTS.search(text_of(timeline)) if timeline is not None else None
    if counts:
        total = max(total, int(counts.group(2)))
    if total > have:
        thread.missing.append(Stub(parent_id=None, count=total - have))
    elif soup.find("link", rel="next") or soup.find("a", rel="next"):
        thread.missing.append(Stub(parent_id=None, count=None))
        thread.warnings.append(MORE_PAGES)
