"""The comments under a Stack Exchange question or answer, and the ones the page held back.

Since 2018 they are ``li.comment`` in ``ul.comments-list``; before, ``tr.comment`` rows of a
table. Either way ``#comments-<post id>`` holds them, ``.comment-copy`` is the text,
``.comment-user`` the person, ``.relativetime-clean[title]`` the UTC time and
``.comment-score`` the votes. SE shows the top five and a "Show N more comments" link
(``data-remaining-comments-count``): those are not in the page, and the book says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from ...clean import clean_html
from ..numbers import read_int
from ..soup import attr, classes, inner_html, text_of
from .markup import first, se_time, user_of

_COMMENT_ID = re.compile(r"^comment-(\d{1,15})$")
_MORE = re.compile(r"(\d[\d,]{0,15})")


@dataclass
class PostComments:
    comments: list[CommentFacts]
    hidden: int | None
    """How many more the page announced and does not hold (0: none; None: some, count unknown)."""


@dataclass
class CommentFacts:
    id: str
    author: str | None
    author_id: str | None
    created_text: str | None
    score: int | None
    body_html: str
    edited: bool
    created: datetime | None = None


def read_comments(soup: BeautifulSoup, post: Tag, post_id: str, base: str | None) -> PostComments:
    box = soup.find(id=f"comments-{post_id}")
    if not isinstance(box, Tag):
        box = first(post, "comments")
    facts: list[CommentFacts] = []
    if box is not None:
        for row in box.find_all(["li", "tr"]):
            if isinstance(row, Tag) and "comment" in classes(row):
                found = _comment(row, base)
                if found is not None:
                    facts.append(found)
    return PostComments(facts, _hidden(soup, box, post_id))


def _comment(row: Tag, base: str | None) -> CommentFacts | None:
    cid = attr(row, "data-comment-id")
    if cid is None:
        match = _COMMENT_ID.match(attr(row, "id") or "")
        cid = match.group(1) if match else None
    if cid is None or not cid.isdigit():
        return None
    user = first(row, "comment-user")
    author, author_id = user_of(user)
    stamp = first(row, "relativetime-clean") or first(row, "relativetime")
    created = se_time(attr(stamp, "title"))
    score = read_int(attr(row, "data-comment-score"))
    if score is None:
        holder = first(row, "comment-score")
        score = read_int(text_of(holder)) if holder is not None else None
    edited = any(
        "edited" in (attr(t, "title") or "")
        for t in row.find_all(None, {"title": True})
        if isinstance(t, Tag) and t is not stamp
    )
    return CommentFacts(
        id=cid,
        author=author,
        author_id=author_id,
        created_text=None if created else (text_of(stamp) or None),
        score=score,
        body_html=clean_html(f"<p>{inner_html(first(row, 'comment-copy'))}</p>", base),
        edited=edited,
        created=created,
    )


def _hidden(soup: BeautifulSoup, box: Tag | None, post_id: str) -> int | None:
    link_box = soup.find(id=f"comments-link-{post_id}")
    if isinstance(link_box, Tag):
        for link in link_box.find_all("a"):
            if not isinstance(link, Tag):
                continue
            names = classes(link)
            if "js-show-link" in names and "dno" not in names:
                match = _MORE.search(text_of(link))
                return read_int(match.group(1)) if match else None
    holder = box.find(None, {"data-remaining-comments-count": True}) if box is not None else None
    count = read_int(
        attr(holder if isinstance(holder, Tag) else None, "data-remaining-comments-count")
    )
    return count or 0
