"""Hacker News item pages pasted as text (select all, copy): ``score_text`` and ``parse_text``.

What a copy keeps is the words HN prints around each comment: a header line
"user 3 hours ago | parent | next [–]" and a closing "reply", with the story's
"Title (domain)" and "N points by user M hours ago | hide | past | favorite | K comments" on
top. The indentation is a spacer image and does not survive, so the comments come back flat,
in page order, and the thread says so. Nothing else is guessed: times stay as the page wrote
them, and a story's domain is not turned into an address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...clean import strip_xml_illegal, text_to_html
from ...errors import NoThreadFound
from ...merge import MORE_PAGES
from ...model import Comment, Stub, Thread
from .. import NO_REPLY_STRUCTURE
from ..numbers import read_int
from .page import SITE_HOST, SITE_KEY

NO_STRUCTURE = NO_REPLY_STRUCTURE
_SAMPLE = 300_000
"""Characters ``score_text`` looks at: detection must stay cheap on a huge paste."""
_MIN_SCORE = 0.3

_USER = r"[A-Za-z0-9_-]{1,32}"
_AGE = (
    r"(?:\d+ (?:second|minute|hour|day|week|month|year)s? ago|just now"
    r"|on [A-Z][a-z]{2,8} \d{1,2}, \d{4})"
)
_NAV = r"(?:root|parent|prev|next|context|edit|delete|flag|unflag|vouch|unvote|undown|favorite)"
_TOGGLE = r"\[(?:–|-|\d+ more)\]"
COMMENT_HEAD = re.compile(
    rf"^(?:(?:(?P<user>{_USER}) )?(?P<age>{_AGE}))?(?P<flags>(?: ?\[(?:flagged|dead)\])*)"
    rf"(?P<navs>(?: ?\| {_NAV})*)(?: ?(?P<toggle>{_TOGGLE}))?$"
)
STORY_LINE = re.compile(
    rf"^(?:(?P<points>\d+) points? )?(?:by (?P<user>{_USER}) )?(?P<age>{_AGE})"
    rf"(?P<flags>(?: \[(?:flagged|dead|dupe)\])*)(?P<rest>(?: ?\| .*)?)$"
)
_STORY_WORDS = re.compile(r"\| (?:hide|past|favorite|discuss|\d+ comments?)\b")
_TITLE_SITE = re.compile(r"^(?P<title>.+?) \((?P<site>[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?)\)$")
_NAV_BAR = "new | past | comments | ask | show | jobs | submit"
_FOOTER = re.compile(r"^(?:Guidelines \| FAQ\b|Search:|Applications are open for YC\b)")
_COLLAPSED = re.compile(r"\[(\d+) more\]")
_CHROME = frozenset({"add comment", "reply", "login", "More"})


@dataclass
class _Raw:
    """One comment as cut from the paste, before it becomes a ``Comment``."""

    head: re.Match[str]
    lines: list[str] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return [line.rstrip() for line in text.split("\n")]


def is_comment_head(line: str) -> re.Match[str] | None:
    """A comment's header: it needs a toggle ("[–]") or at least one navigation word, so that
    a sentence such as "3 days ago" on its own never starts a comment."""
    match = COMMENT_HEAD.match(" ".join(line.split()))
    if match is None:
        return None
    if match.group("age") is None:
        # A placeholder ("[flagged]") may show no author and no age: then both must be there.
        return match if match.group("toggle") and match.group("navs") else None
    return match if match.group("toggle") or match.group("navs") else None


def is_story_line(line: str) -> re.Match[str] | None:
    """The story's subtext: "N points by user M hours ago | hide | past | …" (a job post shows
    only the age and the links)."""
    match = STORY_LINE.match(" ".join(line.split()))
    if match is None or is_comment_head(line):
        return None
    if match.group("points") or _STORY_WORDS.search(match.group("rest")):
        return match
    return None


def score_text(text: str) -> float:
    """0.0-1.0: how sure we are that ``text`` is a copied HN item page.

    Comment headers ending in HN's "[–]" toggle after its "| parent | next" words, the story's
    "points by … | hide | past" line, and HN's navigation bar or footer are what count; Lemmy's
    and Reddit's pastes write their votes and times on other lines and in other words.
    """
    heads = 0
    story = chrome = False
    for line in _lines(text[:_SAMPLE]):
        stripped = line.strip()
        if not stripped:
            continue
        if is_comment_head(stripped):
            heads += 1
        elif is_story_line(stripped):
            story = True
        elif _NAV_BAR in stripped or _FOOTER.match(stripped):
            chrome = True
    if heads >= 2:
        return 1.0 if story or chrome else 0.9
    if heads == 1:
        return 0.9 if story or chrome else 0.5
    return 0.7 if story and chrome else (0.5 if story else 0.0)


def parse_text(text: str) -> Thread:
    """The story at the top (when the paste has it) and every comment, flat, in page order.

    Raises ``NoThreadFound`` when the text holds no HN story line and no comment header.
    """
    lines = _lines(text)
    starts = [i for i, line in enumerate(lines) if is_comment_head(line)]
    head_end = starts[0] if starts else len(lines)
    story_at = next((i for i in range(head_end) if is_story_line(lines[i])), None)
    if story_at is None and not starts:
        raise NoThreadFound(
            "no Hacker News thread found in the pasted text: copy the whole item page, from "
            "the story's title to the last comment (the 'user 3 hours ago | parent | next' "
            "lines are what is recognised)"
        )
    end, more = _end_of_comments(lines, starts)
    raws = [
        _Raw(head=match, lines=lines[start + 1 : stop])
        for start, stop in zip(starts, [*starts[1:], end][: len(starts)], strict=True)
        if (match := is_comment_head(lines[start])) is not None
    ]
    title, post = _read_story(lines, story_at, head_end) if story_at is not None else ("", None)
    comments, stubs = _comments(raws, post.author if post else None)
    warnings: list[str] = []
    if len(comments) > 1:
        warnings.append(NO_STRUCTURE)
    if more:
        stubs.append(Stub(parent_id=None, count=None))
        warnings.append(MORE_PAGES)
    return Thread(
        title=title,
        site=SITE_KEY,
        site_name=SITE_HOST,
        post=post,
        comments=comments,
        missing=stubs,
        warnings=warnings,
    )


def _end_of_comments(lines: list[str], starts: list[int]) -> tuple[int, bool]:
    """Where the last comment stops (HN's footer), and whether a "More" link precedes it."""
    if not starts:
        return len(lines), False
    end = next(
        (i for i in range(starts[-1] + 1, len(lines)) if _FOOTER.match(lines[i].strip())),
        len(lines),
    )
    last = end - 1
    while last > starts[-1] and not lines[last].strip():
        last -= 1
    if last > starts[-1] and lines[last].strip() == "More":
        return last, True
    return end, False


def _read_story(lines: list[str], at: int, stop: int) -> tuple[str, Comment]:
    match = is_story_line(lines[at])
    assert match is not None
    title_line = next(
        (lines[i].strip() for i in range(at - 1, -1, -1) if lines[i].strip()),
        "",
    )
    if _NAV_BAR in title_line:
        title_line = ""
    site = None
    found = _TITLE_SITE.match(title_line)
    if found:
        title_line, site = found.group("title"), found.group("site")
    text = [line for line in lines[at + 1 : stop] if line.strip() not in _CHROME]
    body = text_to_html("\n".join(text))
    if site:
        body = "\n".join(part for part in (text_to_html(f"Link: {site}"), body) if part)
    points = match.group("points")
    post = Comment(
        id="post",
        author=match.group("user"),
        author_id=match.group("user"),
        created_text=match.group("age"),
        score=read_int(points),
        body_html=body,
        is_op=True,
    )
    return strip_xml_illegal(title_line), post


def _comments(raws: list[_Raw], op: str | None) -> tuple[list[Comment], list[Stub]]:
    comments: list[Comment] = []
    stubs: list[Stub] = []
    for index, raw in enumerate(raws):
        body = list(raw.lines)
        while body and not body[-1].strip():
            body.pop()
        if body and body[-1].strip() == "reply":
            body.pop()
        shown = "\n".join(body).strip()
        user = raw.head.group("user")
        comment = Comment(
            id=f"p{index + 1}",
            author=user,
            author_id=user,
            created_text=raw.head.group("age"),
            is_op=op is not None and user == op,
        )
        if shown == "[deleted]":
            comment.deleted = True
        elif shown in ("[flagged]", "[dead]"):
            comment.removed = True
        else:
            comment.body_html = text_to_html(shown)
        collapsed = _COLLAPSED.fullmatch(raw.head.group("toggle") or "")
        if collapsed:
            # "[4 more]" counts the folded comment itself: its body and 3 replies are hidden.
            comment.collapsed = True
            hidden = read_int(collapsed.group(1))
            if hidden is not None and hidden > 1:
                stubs.append(Stub(parent_id=comment.id, count=hidden - 1))
        comments.append(comment)
    return comments, stubs
