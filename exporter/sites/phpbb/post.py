"""One phpBB ``div.post`` as a ``Comment``: author, time, subject and body.

3.0 prints the time only as text after the author ("by alice » Sun Mar 15, 2015 10:32 pm",
in the board's zone); 3.2+ adds ``time[datetime]``, which is exact and wins.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import Tag
from bs4.element import NavigableString

from ...dates import parse_iso
from ...model import Comment
from .body import read_body
from .times import BoardZone, parse_board_time

_AFTER_RAQUO = re.compile(r"[»]\s*(.+)$")
_MEMBER_ID = re.compile(r"[?&]u=(\d+)")


def read_post(el: Tag, base: str | None, zone: BoardZone | None, title: str) -> Comment:
    post_id = str(el.get("id") or "").removeprefix("p")
    author_p = el.find("p", class_="author")
    author_p = author_p if isinstance(author_p, Tag) else None
    name, member = _author(el, author_p)
    comment = Comment(
        id=post_id,
        author=name,
        author_id=member,
        permalink=urljoin(base, f"viewtopic.php?p={post_id}#p{post_id}") if base else None,
        subject=_subject(el, title),
    )
    time_el = author_p.find("time") if author_p else None
    if isinstance(time_el, Tag) and time_el.get("datetime"):
        comment.created = parse_iso(str(time_el.get("datetime")))
        if comment.created is None:
            comment.created_text = time_el.get_text(" ", strip=True) or None
    elif author_p is not None:
        text = _time_text(author_p)
        comment.created = parse_board_time(text, zone)
        if comment.created is None:
            comment.created_text = text or None
    content = el.find("div", class_="content")
    if isinstance(content, Tag):
        body = read_body(content, base)
        comment.body_html = body.html
        comment.reply_to = body.reply_to
        comment.reply_to_author = body.reply_to_author
    return comment


def _author(el: Tag, author_p: Tag | None) -> tuple[str | None, str | None]:
    """The name from ``p.author`` (``a.username``, ``a.username-coloured``, or 3.0's
    ``strong > a``), else the profile column; the member id from the profile link."""
    link: Tag | None = None
    scopes = [s for s in (author_p, el.find("dl", class_="postprofile")) if isinstance(s, Tag)]
    for scope in scopes:
        found = scope.find("a", class_=["username", "username-coloured"])
        if not isinstance(found, Tag):
            strong = scope.find("strong")
            found = strong.find("a") if isinstance(strong, Tag) else None
        if isinstance(found, Tag):
            link = found
            break
    if link is None:  # a guest's post: the name is plain text in a span or strong
        for scope in scopes:
            plain = scope.find(["span", "strong"], class_=["username", "username-coloured"])
            if isinstance(plain, Tag):
                return plain.get_text(" ", strip=True) or None, None
        return None, None
    match = _MEMBER_ID.search(str(link.get("href") or ""))
    return link.get_text(" ", strip=True) or None, match.group(1) if match else None


def _time_text(author_p: Tag) -> str:
    """3.0's text after "»" (or after the author link when a style drops the arrow)."""
    text = " ".join(author_p.get_text(" ", strip=True).split())
    match = _AFTER_RAQUO.search(text)
    if match:
        return match.group(1).strip()
    strong = author_p.find("strong")
    if isinstance(strong, Tag):
        tail = [str(s) for s in strong.next_siblings if isinstance(s, NavigableString)]
        return " ".join("".join(tail).split()).lstrip("- ").strip()
    return ""


def _subject(el: Tag, title: str) -> str | None:
    heading = el.find("h3")
    if not isinstance(heading, Tag):
        return None
    subject = heading.get_text(" ", strip=True)
    plain = re.sub(r"^(?:re|aw|sv|vs)\s*:\s*", "", subject, flags=re.IGNORECASE).strip()
    if not subject or plain.casefold() == title.casefold():
        return None
    return subject
