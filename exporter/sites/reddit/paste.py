"""Reddit threads pasted as text: Ctrl+A, Ctrl+C of an old-Reddit page or of a shreddit page.

What the browser copies is the page's visible text, in page order, with no indentation: who
replies to whom is gone, so the comments are listed flat in page order and the thread says so
in ``warnings``. Old Reddit's copy is recognised by its comment header lines
("[–]alice 12 points 3 hours ago (2 children)") and its glued button rows
("permalinkembedsavereportreply"); shreddit's by "Upvote"/"Downvote"/"Reply" lines around
"name • 3h ago" headers (see ``paste_shreddit``). Nothing is guessed: relative times stay text,
and a score the text does not show stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...clean import strip_xml_illegal, text_to_html
from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Stub, Thread
from .. import NO_REPLY_STRUCTURE
from ..numbers import read_int
from . import common

NO_STRUCTURE = NO_REPLY_STRUCTURE
FLAIR_GLUED = (
    "Some names in the pasted text are followed by a user flair with no space between them; "
    "the flair may be part of the name shown."
)
_SAMPLE = 300_000
_OLD_HEAD = re.compile(
    r"^\[(?P<toggle>[–+-])\](?P<who>.+?)\s+"
    r"(?:(?P<scores>(?:[+-]?\d[\d,.]*[kKmM]?\s*points?)+)|\[score hidden\])?\s*"
    r"(?P<when>(?:\d+|an?|one)\s+\w+\s+ago|just now)(?P<edited>\*)?"
    r"\s*\((?P<kids>\d[\d,]*)\s+child(?:ren)?\)(?P<rest>.*)$"
)
_SCORE_PART = re.compile(r"[+-]?\d[\d,.]*[kKmM]?\s*points?")
_ROLE_MARKS = re.compile(r"(?:\s*\[(?P<mark>[SMAF+Δ])\])+\s*$")
_MARK = re.compile(r"\[([SMAF+Δ])\]")
_BUTTONS = re.compile(
    r"^(?:permalink|embed|save|unsave|parent|report|give award|give gold|reply|context|source|"
    r"edit|delete|share|block user|full comments(?: \(\d+\))?)+$"
)
_POST_BUTTONS = re.compile(
    r"^(?:\d[\d,]*|no) comments?(?:share|save|unsave|hide|report|crosspost|edit|delete)*$"
)
_SUBMITTED = re.compile(
    r"^submitted\s+(?P<when>(?:\d+|an?|one)\s+\w+\s+ago|just now)(?P<edited>\*)?\s+by\s+"
    r"(?P<who>.+?)\s*$"
)
_DOMAIN = re.compile(r"\s*\((?P<domain>[^()\s]+)\)\s*$")
_SEARCH_SR = re.compile(r"^limit my search to r/(?P<name>[A-Za-z0-9_]{2,21})$")
_MORE = re.compile(r"^load more comments\s*\((?P<count>\d[\d,]*)\s+repl(?:y|ies)\)$")
_FOOTER = ("Use of this site constitutes acceptance", "REDDIT and the ALIEN Logo")


@dataclass
class RawComment:
    """One comment as the text shows it, before it becomes a ``Comment``."""

    author: str | None
    score: int | None = None
    created_text: str | None = None
    edited: bool = False
    is_op: bool = False
    is_moderator: bool = False
    is_admin: bool = False
    stickied: bool = False
    collapsed: bool = False
    body: list[str] = field(default_factory=list)


@dataclass
class RawThread:
    """What one paste form found: the post (maybe), the comments and stubs, in page order."""

    title: str = ""
    community: str | None = None
    post: RawComment | None = None
    comments: list[RawComment] = field(default_factory=list)
    stubs: list[int | None] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def score(page: SavedPage) -> float:
    """How sure we are that ``page`` is a Reddit thread pasted as text (line checks only)."""
    if page.is_html:
        return 0.0
    from .paste_shreddit import score_lines

    lines = split_lines(page.text[:_SAMPLE])
    return max(_old_score(lines), score_lines(lines))


def parse(page: SavedPage) -> Thread:
    """The pasted thread, flat; ``NoThreadFound`` when the text is no Reddit paste."""
    from .paste_shreddit import read_shreddit, score_lines

    lines = split_lines(page.text)
    old_sure, new_sure = _old_score(lines[:20_000]), score_lines(lines[:20_000])
    if max(old_sure, new_sure) < 0.3:
        raise NoThreadFound(
            f"{page.source}: no Reddit thread found in the pasted text; copy the whole thread "
            "page (Ctrl+A, Ctrl+C) from old.reddit.com or www.reddit.com"
        )
    raw = read_old(lines) if old_sure >= new_sure else read_shreddit(lines)
    if raw.post is None and not raw.comments:
        raise NoThreadFound(f"{page.source}: no Reddit post or comment found in the pasted text")
    return build_thread(raw)


def split_lines(text: str) -> list[str]:
    """Lines with the page's no-break spaces made plain (Chromium's copy keeps some)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u202f", " ").split("\n")


def build_thread(raw: RawThread) -> Thread:
    """Comments with page-order ids ("p1", "p2", ...), all at the top level."""
    comments = [_comment(f"p{n}", r) for n, r in enumerate(raw.comments, start=1)]
    post = _comment("post", raw.post) if raw.post is not None else None
    if post is not None:
        post.is_op = True
    warnings = list(raw.warnings)
    if len(comments) > 1:
        warnings.insert(0, NO_STRUCTURE)
    return Thread(
        title=strip_xml_illegal(raw.title).strip(),
        site="reddit",
        site_name=common.SITE_NAME,
        community=raw.community,
        post=post,
        comments=comments,
        # The text cannot say whose replies are missing: the stubs hang at the top level.
        missing=[Stub(parent_id=None, count=count) for count in raw.stubs],
        warnings=warnings,
    )


def _comment(cid: str, raw: RawComment) -> Comment:
    text = "\n".join(raw.body).strip("\n")
    gone = common.gone_marker(text)
    return Comment(
        id=cid,
        author=raw.author,
        created_text=raw.created_text,
        edited=True if raw.edited else None,
        score=raw.score,
        body_html="" if gone else text_to_html(text),
        is_op=raw.is_op,
        is_moderator=raw.is_moderator,
        is_admin=raw.is_admin,
        distinguished=raw.is_moderator or raw.is_admin,
        deleted=gone == "deleted",
        removed=gone == "removed",
        stickied=raw.stickied,
        collapsed=raw.collapsed,
    )


# --- old Reddit's copy ---------------------------------------------------------------------------


def _old_score(lines: list[str]) -> float:
    heads = buttons = submitted = 0
    for line in lines:
        text = line.strip()
        if text.startswith("[") and _OLD_HEAD.match(text):
            heads += 1
        elif text.startswith("permalink") and _BUTTONS.match(text):
            buttons += 1
        elif text.startswith("submitted") and _SUBMITTED.match(text):
            submitted += 1
    return round(min(1.0, 0.3 * min(heads, 2) + 0.2 * min(buttons, 2) + 0.2 * (submitted > 0)), 2)


def read_old(lines: list[str]) -> RawThread:
    """Old Reddit's copy: the post above the first comment header, then header + body + buttons."""
    raw = RawThread()
    heads = [i for i, line in enumerate(lines) if _OLD_HEAD.match(line.strip())]
    first = heads[0] if heads else len(lines)
    _old_post(lines[:first], raw)
    glued = False
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        match = _OLD_HEAD.match(lines[start].strip())
        assert match is not None
        comment, flair = _old_header(match)
        glued = glued or flair
        body, stubs = _old_body(lines[start + 1 : end], comment.collapsed)
        comment.body = body
        raw.comments.append(comment)
        raw.stubs.extend(stubs)
    if glued:
        raw.warnings.append(FLAIR_GLUED)
    return raw


def _old_header(match: re.Match[str]) -> tuple[RawComment, bool]:
    who = match.group("who").strip()
    found = _ROLE_MARKS.search(who)
    marks = set(_MARK.findall(found.group(0))) if found else set()
    who = who[: found.start()].strip() if found else who
    name, _, flair = who.partition(" ")
    comment = RawComment(
        author=common.author_name(name),
        score=_old_points(match.group("scores")),
        created_text=match.group("when"),
        edited=match.group("edited") is not None,
        is_op="S" in marks,
        is_moderator="M" in marks,
        is_admin="A" in marks,
        stickied="stickied comment" in match.group("rest"),
        collapsed=match.group("toggle") == "+",
    )
    return comment, bool(flair.strip()) and comment.author is not None


def _old_points(scores: str | None) -> int | None:
    """'12 points'; without the page's stylesheet all three spans show: '11 points12 points13
    points', of which the middle one is the score as it stood."""
    if not scores:
        return None
    parts = _SCORE_PART.findall(scores)
    return common.parse_score(parts[len(parts) // 2] if len(parts) == 3 else parts[0])


def _old_body(lines: list[str], collapsed: bool) -> tuple[list[str], list[int | None]]:
    """A comment's text up to its button row, and the stub lines that follow it."""
    stubs: list[int | None] = []
    kept: list[str] = []
    for line in lines:
        text = line.strip()
        more = _MORE.match(text)
        if more:
            stubs.append(read_int(more.group("count")))
        elif text == "continue this thread":
            stubs.append(None)
        else:
            kept.append(line)
    end = next((i for i, line in enumerate(kept) if _BUTTONS.match(line.strip())), None)
    if end is None and collapsed:
        return [], stubs  # a collapsed comment's text is hidden, so it is not in the copy
    body = kept[:end] if end is not None else _before_footer(kept)
    return trim_blank(body), stubs


def _before_footer(lines: list[str]) -> list[str]:
    cut = next((i for i, line in enumerate(lines) if line.strip().startswith(_FOOTER)), len(lines))
    return lines[:cut]


def _old_post(lines: list[str], raw: RawThread) -> None:
    """Score, title, "(domain)", "submitted … by NAME", then the self text up to the buttons."""
    at = next((i for i, line in enumerate(lines) if _SUBMITTED.match(line.strip())), None)
    if at is None:
        return
    match = _SUBMITTED.match(lines[at].strip())
    assert match is not None
    above = [i for i in range(at) if lines[i].strip()]
    title_line = lines[above[-1]].strip() if above else ""
    domain = _DOMAIN.search(title_line)
    if domain:
        title_line = title_line[: domain.start()]
        name = domain.group("domain")
        if name.startswith("self."):
            raw.community = common.community(name[len("self.") :])
    raw.title = title_line.strip()
    if raw.community is None:
        # The search box's "limit my search to r/NAME", visible when the stylesheet is not.
        found = (_SEARCH_SR.match(line.strip()) for line in lines[:at])
        raw.community = next((common.community(m.group("name")) for m in found if m), None)
    who = _ROLE_MARKS.sub("", match.group("who")).strip().split(" ")[0]
    post = RawComment(
        author=common.author_name(who),
        created_text=match.group("when"),
        edited=match.group("edited") is not None,
    )
    if len(above) >= 2:
        post.score = common.parse_score(lines[above[-2]].strip())
    rest = lines[at + 1 :]
    end = next((i for i, line in enumerate(rest) if _POST_BUTTONS.match(line.strip())), len(rest))
    post.body = trim_blank(rest[:end])
    raw.post = post


def trim_blank(lines: list[str]) -> list[str]:
    """The lines without the blank ones at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
