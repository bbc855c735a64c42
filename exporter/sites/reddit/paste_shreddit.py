"""shreddit (www.reddit.com since 2023) pasted as text: Ctrl+A, Ctrl+C of a thread page.

The copy puts every piece of a comment's header on its own line: the name, badges ("OP",
"MOD"), a "•", the time ("5h ago", "6 hr. ago"), "Edited 5h ago", a flair; then the text; then
the action row, one word a line: "Upvote", the score (or "Vote" when it is hidden),
"Downvote", "Reply", "Award", "Share". Replies are not indented, and "3 more replies" does not
say whose: the comments stay flat, in page order. The post sits above them, under
"r/NAME", "•", its time and its author, with its title next and a flair line glued below it.
"""

from __future__ import annotations

import re

from ..numbers import read_int
from . import common
from .paste import RawComment, RawThread, trim_blank

_BULLETS = frozenset({"•", "·"})
_NAME = re.compile(r"^(?:u/)?[A-Za-z0-9_-]{3,20}$")
_COMMUNITY = re.compile(r"^r/([A-Za-z0-9_]{2,21})$")
_INLINE = re.compile(
    r"^(?P<who>(?:u/)?[A-Za-z0-9_-]{3,20}|\[deleted\])\s*[•·]\s*(?P<when>.+?)"
    r"(?:\s*[•·]\s*(?P<edited>[Ee]dited\b.*))?$"
)
_EDITED = re.compile(r"^[Ee]dited\b")
_MORE = re.compile(r"^(?P<count>\d[\d,]*)\s+more\s+repl(?:y|ies)$", re.IGNORECASE)
_STUB_WORDS = frozenset({"More replies", "Continue this thread", "continue this thread"})
_BADGES = {"OP": "op", "MOD": "mod", "Mod": "mod", "ADMIN": "admin", "Admin": "admin"}
_STICKIED = frozenset({"Stickied comment", "Pinned", "Pinned comment"})
_UP, _DOWN = "Upvote", "Downvote"


def score_lines(lines: list[str]) -> float:
    """How sure we are that the lines are a copied shreddit page: its vote and reply words
    around "name • time" headers. Lemmy's and HN's copies have neither word."""
    ups = downs = replies = heads = 0
    section = False
    for i, line in enumerate(lines):
        text = line.strip()
        if text == _UP:
            ups += 1
        elif text == _DOWN:
            downs += 1
        elif text == "Reply":
            replies += 1
        elif text in {"Comments Section", "Sort by:"}:
            section = True
        elif _header_at(lines, i) is not None:
            heads += 1
    if not ups and not downs:
        return 0.0
    total = 0.25 * (ups > 0) + 0.25 * (downs > 0) + 0.1 * (replies > 0)
    total += 0.15 * min(heads, 2) + 0.1 * section
    return round(min(total, 1.0), 2)


def read_shreddit(lines: list[str]) -> RawThread:
    raw = RawThread()
    heads: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        end = _header_at(lines, i)
        if end is None:
            i += 1
            continue
        heads.append((i, end))
        i = end
    first = heads[0][0] if heads else len(lines)
    _read_post(lines[:first], raw)
    for n, (start, end) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        comment = _header(lines[start:end])
        body_end = next((j for j in range(end, stop) if lines[j].strip() == _UP), stop)
        comment.body = trim_blank(lines[end:body_end])
        comment.score = _vote(lines, body_end, stop)
        raw.comments.append(comment)
        raw.stubs.extend(_stubs(lines[body_end:stop]))
    return raw


def _header_at(lines: list[str], i: int) -> int | None:
    """Where the header starting at line ``i`` ends (the first blank line), or None.

    A header is a name, then badges, then a "•" and a time; or "name • time" on one line.
    """
    text = lines[i].strip()
    inline = _INLINE.match(text)
    if inline is not None and common.is_relative_time(inline.group("when")):
        return _block_end(lines, i + 1)
    if not (_NAME.match(text) or text == "[deleted]"):
        return None
    j = i + 1
    while j < len(lines) and lines[j].strip() in _BADGES:
        j += 1
    if j + 1 >= len(lines) or lines[j].strip() not in _BULLETS:
        return None
    if not common.is_relative_time(lines[j + 1].strip()):
        return None
    return _block_end(lines, j + 2)


def _block_end(lines: list[str], j: int) -> int:
    while j < len(lines) and lines[j].strip():
        j += 1
    return j


def _header(block: list[str]) -> RawComment:
    first = block[0].strip()
    inline = _INLINE.match(first)
    if inline and common.is_relative_time(inline.group("when")):
        comment = RawComment(author=common.author_name(inline.group("who")))
        comment.created_text = inline.group("when").strip()
        comment.edited = inline.group("edited") is not None
    else:
        comment = RawComment(author=common.author_name(first))
    for line in block[1:]:
        text = line.strip()
        role = _BADGES.get(text)
        comment.is_op = comment.is_op or role == "op"
        comment.is_moderator = comment.is_moderator or role == "mod"
        comment.is_admin = comment.is_admin or role == "admin"
        comment.stickied = comment.stickied or text in _STICKIED
        if _EDITED.match(text):
            comment.edited = True
        elif comment.created_text is None and common.is_relative_time(text):
            comment.created_text = text
    return comment


def _vote(lines: list[str], up: int, stop: int) -> int | None:
    """The score printed between "Upvote" and "Downvote" ("Vote" when hidden: None)."""
    for j in range(up + 1, min(stop, up + 4)):
        text = lines[j].strip()
        if text == _DOWN:
            return None
        if text:
            return common.parse_score(text)
    return None


def _stubs(lines: list[str]) -> list[int | None]:
    found: list[int | None] = []
    for line in lines:
        text = line.strip()
        more = _MORE.match(text)
        if more:
            found.append(read_int(more.group("count")))
        elif text in _STUB_WORDS:
            found.append(None)
    return found


def _read_post(lines: list[str], raw: RawThread) -> None:
    """The post: "r/NAME", "•", time, author; the title; a flair line right under it; then the
    text up to "Upvote"."""
    for i in range(len(lines) - 3):
        community = _COMMUNITY.match(lines[i].strip())
        if not community or lines[i + 1].strip() not in _BULLETS:
            continue
        when = lines[i + 2].strip()
        author = lines[i + 3].strip()
        if not common.is_relative_time(when) or not _NAME.match(author):
            continue
        raw.community = common.community(community.group(1))
        post = RawComment(author=common.author_name(author), created_text=when)
        rest = lines[i + 4 :]
        at = next((k for k, line in enumerate(rest) if line.strip()), None)
        if at is None:
            raw.post = post
            return
        raw.title = rest[at].strip()
        start = _block_end(rest, at + 1)  # a flair line sits right under the title
        up = next((k for k in range(start, len(rest)) if rest[k].strip() == _UP), len(rest))
        post.body = trim_blank(rest[start:up])
        post.score = _vote(rest, up, len(rest))
        raw.post = post
        return
