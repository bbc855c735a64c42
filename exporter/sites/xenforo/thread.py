"""The posts of a XenForo page and the page's facts, put together as one flat ``Thread``.

Both generations' readers (``xf2``, ``xf1``) hand over the same two things: what the page says
about the thread (``Facts``) and its posts in page order (``Post``). What needs the whole page
is decided here: which post opens the thread, who the original poster is, and the number of
each quoted post that is on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import NoThreadFound
from ...load import SavedPage
from ...merge import MORE_PAGES
from ...model import Comment, Thread
from .bbcode import QuoteRef

SITE_KEY = "xenforo"
# data-template of XenForo pages that list forums or threads rather than showing one.
_LISTING_TEMPLATES = {
    "forum_list": "a list of forums",
    "forum_view": "a list of threads",
    "whats_new_posts": "a list of new posts",
    "search_results": "a page of search results",
    "member_view": "a member's profile",
    "category_view": "a list of forums",
}


@dataclass
class Facts:
    """What a page says about its thread, outside the posts."""

    title: str
    url: str | None = None
    base_url: str | None = None
    """What the page's relative links are relative to."""
    host: str | None = None
    thread_id: str | None = None
    community: str | None = None
    page: int | None = None
    page_count: int | None = None
    starter: str | None = None
    """The thread starter's name, from the header under the title."""
    language: str | None = None
    template: str | None = None
    """XenForo's ``data-template`` (``thread_view`` on a thread page)."""


@dataclass
class Post:
    comment: Comment
    reply: QuoteRef | None = None
    notes: list[str] = field(default_factory=list)


def build_thread(page: SavedPage, facts: Facts, posts: list[Post]) -> Thread:
    """The thread of one saved page; raises ``NoThreadFound`` when the page holds no post."""
    if not posts:
        kind = _LISTING_TEMPLATES.get(facts.template or "", "a page without posts")
        raise NoThreadFound(
            f"{page.source}: this XenForo page is {kind}, not a thread; open the thread "
            "and save its page (…/threads/NAME.NUMBER/)"
        )
    numbers = {p.comment.id: p.comment.number for p in posts}
    for post in posts:
        _set_reply(post, numbers)
    opener = _opener(posts, facts)
    starter = facts.starter or (opener.author if opener is not None else None)
    for post in posts:
        post.comment.is_op = starter is not None and post.comment.author == starter
    comments = [p.comment for p in posts if p.comment is not opener]
    thread = Thread(
        title=facts.title or (opener.subject if opener and opener.subject else "") or "",
        url=facts.url or page.url,
        site=SITE_KEY,
        site_name=facts.host,
        community=facts.community,
        post=opener,
        comments=comments,
        language=facts.language,
        saved_at=page.saved_at,
        thread_id=facts.thread_id,
        page=facts.page,
        page_count=facts.page_count,
    )
    if not thread.title:
        thread.title = "XenForo thread"
    if facts.page_count is not None and facts.page_count > 1:
        thread.warnings.append(MORE_PAGES)
    for post in posts:
        for note in post.notes:
            if note not in thread.warnings:
                thread.warnings.append(note)
    return thread


def _set_reply(post: Post, numbers: dict[str, int | None]) -> None:
    """The first quote is what the post answers; its number only when that post is here."""
    ref = post.reply
    if ref is None:
        return
    comment = post.comment
    comment.reply_to = ref.post_id if ref.post_id != comment.id else None
    comment.reply_to_author = ref.author
    if comment.reply_to is not None:
        comment.reply_to_number = numbers.get(comment.reply_to)


def _opener(posts: list[Post], facts: Facts) -> Comment | None:
    """Post #1 when the page shows it; else the first post of page 1. A later page's first
    post is only the first on that page, not the thread's opening post."""
    for post in posts:
        if post.comment.number == 1:
            return post.comment
    if any(p.comment.number is not None for p in posts):
        return None
    if facts.page in (None, 1):
        return posts[0].comment
    return None
