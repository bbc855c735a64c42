"""The data every stage hands to the next: a thread as a post plus a tree of comments.

Plain dataclasses so that a thread can be dumped as JSON (``--json``) and built by hand in
tests. A field the page does not carry stays ``None``: the book leaves it out rather than
inventing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal


@dataclass
class Comment:
    """One comment, or the opening post (then ``depth`` is 0 and ``parent_id`` is None)."""

    id: str
    parent_id: str | None = None
    depth: int = 0
    author: str | None = None
    """Display name as the page shows it."""
    author_id: str | None = None
    """A stable handle such as ``user@instance``."""
    created: datetime | None = None
    """Timezone-aware; None when the page only gave a relative time."""
    created_text: str | None = None
    """What the page showed ("11 days ago") when no absolute time exists."""
    edited: datetime | bool | None = None
    """When it was edited, True when the page only says that it was, None when not known."""
    score: int | None = None
    upvotes: int | None = None
    downvotes: int | None = None
    body_html: str = ""
    """A cleaned XHTML fragment (see ``exporter.clean``)."""
    is_op: bool = False
    is_moderator: bool = False
    is_admin: bool = False
    distinguished: bool = False
    deleted: bool = False
    removed: bool = False
    collapsed: bool = False
    accepted: bool = False
    stickied: bool = False
    permalink: str | None = None
    number: int | None = None
    """The post's number in a flat forum thread ("#12"), as the page shows it."""
    subject: str | None = None
    """A forum post's own subject line, when it says more than "Re: <thread title>"."""
    threadmark: str | None = None
    """A XenForo threadmark label ("Chapter 3"): the posts quests are read by."""
    reply_to: str | None = None
    """Flat forums: the id of the post this one quotes or answers (a quote's ``data-source``,
    Discourse's ``reply_to_post_number``). The tree stays flat; the book links to it."""
    reply_to_author: str | None = None
    reply_to_number: int | None = None
    """Who and which "#N" it answers, for when that post is not in the book."""
    children: list[Comment] = field(default_factory=list)

    def walk(self) -> Iterator[Comment]:
        """This comment, then its replies depth-first in page order (no recursion)."""
        return walk_forest([self])


def walk_forest(roots: list[Comment]) -> Iterator[Comment]:
    """Each root, then its replies, depth-first in page order: one stack for the whole
    forest (no recursion, and no generator per root for every comment to pass through)."""
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        yield node
        if node.children:  # most comments have no replies
            stack.extend(reversed(node.children))


StubReason = Literal["not_in_page", "too_deep"]
"""Why replies are absent: the saved page did not hold them, or ``--max-depth`` left them out."""


@dataclass
class Stub:
    """Replies that are absent from the book, noted where they would have been.

    ``not_in_page``: the saved page announced them ("2 more replies") but did not contain them.
    ``too_deep``: the shape stage (``--max-depth``) left them out; ``max_depth`` is that limit.
    The book words the note differently, so that a reader knows whether the page or a filter
    is the cause.
    """

    parent_id: str | None
    count: int | None
    reason: StubReason = "not_in_page"
    max_depth: int | None = None
    """For ``too_deep``: the deepest level kept (the replies were deeper)."""


@dataclass(frozen=True)
class BookImage:
    """A picture the book embeds, converted for e-readers (``exporter.images``); stored once
    however often the thread shows it. Not dumped by ``--json`` (only its name and size)."""

    file_name: str
    """``images/<sha>.jpg``: the ``src`` that bodies use, relative to the chapter files."""
    media_type: str
    data: bytes = field(repr=False)
    width: int
    height: int


@dataclass
class Thread:
    title: str
    url: str | None = None
    site: str = "generic"
    """Key of the site module that parsed it, e.g. ``lemmy``."""
    site_name: str | None = None
    """The instance or host, e.g. ``lemmygrad.ml``."""
    community: str | None = None
    post: Comment | None = None
    comments: list[Comment] = field(default_factory=list)
    """Top-level comments; replies hang off ``children``."""
    language: str | None = None
    saved_at: datetime | None = None
    missing: list[Stub] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    thread_id: str | None = None
    """What identifies the thread across its saved pages (e.g. ``host/threads/123``), so that
    several pages of one thread are merged into one book and different threads are not."""
    page: int | None = None
    """Which page of a multi-page thread this saved page is (1-based)."""
    page_count: int | None = None
    """How many pages the thread had when saved, when the page says."""
    images: dict[str, BookImage] = field(default_factory=dict)
    """The pictures the bodies embed, by ``file_name`` (filled by ``exporter.images``)."""
    image_skips: dict[str, int] = field(default_factory=dict)
    """Pictures of the page that the book shows as links or words instead, counted by
    reason (``remote``, ``disabled``, ``over_budget``, ``fetch_failed``): the title page
    says so (``images.left_out_lines``)."""

    def walk(self) -> Iterator[Comment]:
        """Every comment (not the post) depth-first in page order."""
        return walk_forest(self.comments)

    def comment_count(self) -> int:
        return sum(1 for _ in self.walk())


def _comment_json(comment: Comment) -> dict[str, Any]:
    # Built iteratively so that a reply chain thousands deep cannot hit the recursion limit.
    out: dict[str, Any] = {}
    pending: list[tuple[Comment, dict[str, Any]]] = [(comment, out)]
    while pending:
        node, target = pending.pop()
        target.update(
            {
                "id": node.id,
                "parent_id": node.parent_id,
                "depth": node.depth,
                "author": node.author,
                "author_id": node.author_id,
                "created": _iso(node.created),
                "created_text": node.created_text,
                "edited": _iso(node.edited) if isinstance(node.edited, datetime) else node.edited,
                "score": node.score,
                "upvotes": node.upvotes,
                "downvotes": node.downvotes,
                "is_op": node.is_op,
                "is_moderator": node.is_moderator,
                "is_admin": node.is_admin,
                "distinguished": node.distinguished,
                "deleted": node.deleted,
                "removed": node.removed,
                "accepted": node.accepted,
                "permalink": node.permalink,
                "number": node.number,
                "subject": node.subject,
                "threadmark": node.threadmark,
                "reply_to": node.reply_to,
                "reply_to_author": node.reply_to_author,
                "reply_to_number": node.reply_to_number,
                "body_html": node.body_html,
            }
        )
        kids: list[dict[str, Any]] = [{} for _ in node.children]
        target["children"] = kids
        pending.extend(zip(node.children, kids, strict=False))
    return out


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def thread_to_json(thread: Thread) -> dict[str, Any]:
    """The ``--json`` document; its keys are a public contract (add, never rename)."""
    return {
        "title": thread.title,
        "url": thread.url,
        "site": thread.site,
        "site_name": thread.site_name,
        "community": thread.community,
        "language": thread.language,
        "saved_at": _iso(thread.saved_at),
        "post": _comment_json(thread.post) if thread.post else None,
        "comments": [_comment_json(c) for c in thread.comments],
        "missing": [
            {
                "parent_id": s.parent_id,
                "count": s.count,
                "reason": s.reason,
                "max_depth": s.max_depth,
            }
            for s in thread.missing
        ],
        "warnings": list(thread.warnings),
        "thread_id": thread.thread_id,
        "page": thread.page,
        "page_count": thread.page_count,
        "images": [
            {
                "file": image.file_name,
                "media_type": image.media_type,
                "bytes": len(image.data),
                "width": image.width,
                "height": image.height,
            }
            for _, image in sorted(thread.images.items())
        ],
    }
