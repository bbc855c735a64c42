"""The shapes every invented thread is written in: a comment (``C``) and a post (``Post``).

The threads (``threads_*.py``), the page renderers (``*_page.py``, ``*_shell.py``) and the truth
(``expected.py``) all read these, so a page and its expected JSON cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TypedDict


@dataclass
class C:
    id: str  # bare base36 id
    author: str | None  # None = [deleted]
    body: str  # HTML of the rendered body (Reddit's markdown output)
    score: int | None  # None = score hidden
    created: datetime
    rel: str  # relative time as the design prints it
    children: list[C] = field(default_factory=list)
    edited: datetime | None = None
    edited_rel: str | None = None
    op: bool = False
    mod: bool = False
    admin: bool = False
    stickied: bool = False
    collapsed: bool = False
    deleted: bool = False
    removed: bool = False
    more: int | None = None  # "N more replies" after the children
    cont: bool = False  # "Continue this thread" after the children
    no_created_attr: bool = False  # shreddit: only the <faceplate-timeago> carries the time
    hidden_body: bool = False  # React 2023: collapsed, so the page carries no body text

    def walk(self) -> Iterator[tuple[C, C | None, int]]:
        """This comment and its replies in page order, with each one's parent and depth."""
        stack: list[tuple[C, C | None, int]] = [(self, None, 0)]
        while stack:
            node, parent, depth = stack.pop()
            yield node, parent, depth
            stack.extend((k, node, depth + 1) for k in reversed(node.children))


class _PostKeys(TypedDict):
    id: str  # bare base36 id
    sub: str
    slug: str
    title: str
    author: str
    score: int
    comments: int  # the count the page declares
    created: datetime


class Post(_PostKeys, total=False):
    """The post at the top of a thread; only some designs or posts carry the optional keys."""

    sub_id: str  # shreddit
    author_id: str  # shreddit
    created_ts: str  # shreddit's created-timestamp, with microseconds
    body: str  # self posts: HTML of the rendered body
    flair: str
    link: str  # link posts: the outbound URL
    domain: str  # link posts


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)


def minutes(t: datetime, m: int) -> datetime:
    return t + timedelta(minutes=m)
