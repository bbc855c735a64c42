"""Cutting a pasted Lemmy page into comments, for each of the three shapes such a paste takes.

- **bullets**: some copy paths keep the comment tree as a nested list: each comment is a bullet
  ("•") whose line holds "name@instanceOP", then the titles of lemmy-ui's icons, the language,
  the votes and the time on lines of their own, a blank line, and the body. Indentation gives
  the nesting, so this is the only form with a reply tree.
- **innertext** (``innerText`` of the comments column): name, optional "@instance", badge and
  language lines, a vote line ("885·"), a relative time, a blank line, the body. The vote and
  time lines anchor every header, whatever the body holds.
- **clipboard** (Ctrl+C in Chromium): the same minus votes and times, which lemmy-ui marks
  unselectable. Comments are separated by two blank lines, paragraphs by one; that and the
  header shape are all there is to go on.

The page's reply structure is flattened in the last two: nothing in the text says who answers
whom, so those comments stay in page order at depth 0 (see ``Segments.nested``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .paste_lines import (
    BADGES,
    ICONS,
    ICONS_DISTINCT,
    as_int,
    bullet,
    clean_name,
    instance_of,
    is_badge,
    is_chrome,
    is_number,
    is_time,
    is_votes,
    language_code,
    name_like,
    plausible_name,
    split_name,
    split_votes,
    stub_count,
)

_LOOKAHEAD = 12
"""Lines after a bullet searched for an icon title or a time, the proof that it is a header."""
_ICON_SHAPED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class RawComment:
    """A comment as read from the text, before it gets its id and place in the tree."""

    author: str
    instance: str | None = None
    badges: set[str] = field(default_factory=set)
    language: str | None = None
    created_text: str | None = None
    edited: bool | None = None
    score: int | None = None
    upvotes: int | None = None
    downvotes: int | None = None
    body: list[str] = field(default_factory=list)
    parent: int | None = None
    """Index of the parent in the segment list (always an earlier one), None for a root."""


@dataclass
class Segments:
    preamble: list[str]
    """The lines before the first comment: the post, if the paste starts with it."""
    comments: list[RawComment]
    stubs: list[tuple[int | None, int]]
    """(index of the comment an "N more replies" line belongs to, N)."""
    nested: bool
    """Whether the form carries the reply structure."""


def segment_bullets(lines: list[str]) -> Segments | None:
    """The bullets form, or None when no bullet is followed by a comment header.

    A bullet at column c is a reply to the nearest open comment whose bullet sits left of c,
    which holds for any indentation step the copy used. A list inside a body is not taken
    for a comment because no icon titles or time follow its bullets.
    """
    starts = [(i, found) for i in range(len(lines)) if (found := _bullet_header(lines, i))]
    if not starts:
        return None
    comments: list[RawComment] = []
    stubs: list[tuple[int | None, int]] = []
    open_: list[tuple[int, int]] = []  # (bullet column, comment index), outermost first
    for n, (i, (column, rest)) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while open_ and open_[-1][0] >= column:
            open_.pop()
        name, instance, badges = split_name(rest, bare_badges=True)
        raw = RawComment(name, instance, badges, parent=open_[-1][1] if open_ else None)
        open_.append((column, len(comments)))
        comments.append(raw)
        body: list[str] = []
        for line in lines[_read_icon_header(lines, i + 1, end, raw) : end]:
            count = stub_count(line)
            if count is None:
                body.append(line)
                continue
            # The button sits at the indentation of the replies it stands for.
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            stubs.append((next((idx for col, idx in reversed(open_) if col < indent), None), count))
        raw.body = _drop_icon_lines(body)
    return Segments(lines[: starts[0][0]], comments, stubs, nested=True)


def _bullet_header(lines: list[str], i: int) -> tuple[int, str] | None:
    found = bullet(lines[i])
    if found is None:
        return None
    for line in lines[i + 1 : i + 1 + _LOOKAHEAD]:
        text = line.strip()
        if not text:
            break
        if text in ICONS or is_time(text):
            return found
    return None


def _read_icon_header(lines: list[str], j: int, end: int, raw: RawComment) -> int:
    """Fill ``raw`` from the icon/vote/time lines under a bullet; return where the body starts.

    lemmy-ui prints the upvote count after the arrow-up icon and the downvote count after
    arrow-down only when there are downvotes, so a missing arrow-down count means none (an
    abbreviated one, "1.2K", means unknown). Unknown lower-case words here are taken for the
    icon titles of other lemmy-ui versions, not for the start of the body.
    """
    icon: str | None = None
    down_shown = False
    while j < end:
        text = lines[j].strip()
        if not text:
            j += 1
            break
        if text in ICONS:
            icon = text
            raw.edited = True if text == "edit-2" else raw.edited
        elif is_number(text):
            value = as_int(text)
            if icon == "arrow-down":
                raw.downvotes, down_shown = value, True
            elif icon == "heart":
                raw.score = value
            else:
                raw.upvotes = value
            icon = None
        elif is_votes(text):
            raw.score, raw.upvotes, raw.downvotes = split_votes(text)
        elif is_time(text):
            raw.created_text = text
        elif text in BADGES:
            raw.badges.add(BADGES[text])
        elif language_code(text) is not None:
            raw.language = text
        elif not (text == "·" or is_badge(text) or _ICON_SHAPED.fullmatch(text)):
            break  # prose: the body began without a blank line
        j += 1
    if raw.upvotes is not None and raw.score is None:
        raw.downvotes = raw.downvotes if down_shown else 0
        raw.score = None if raw.downvotes is None else raw.upvotes - raw.downvotes
    return j


def _drop_icon_lines(body: list[str]) -> list[str]:
    """The body without icon titles: a trailing action bar, and icon names anywhere.

    The action bar is cut from its first icon title on, so a body that itself ends in a
    number or a "·" keeps it.
    """
    run = len(body)
    while run and _bar_line(body[run - 1]):
        run -= 1
    end = next((i for i in range(run, len(body)) if body[i].strip() in ICONS), len(body))
    return [line for line in body[:end] if line.strip() not in ICONS_DISTINCT]


def _bar_line(line: str) -> bool:
    text = line.strip()
    return not text or text in ICONS or text == "·" or is_number(text)


def segment_innertext(lines: list[str]) -> Segments | None:
    """The innerText form, or None when its vote/time anchors are not there.

    Each relative-time line is tried as the end of a header by walking back over vote, language,
    badge and instance lines to a name. Bodies run to the next header's name line, so a body
    line that reads "English" or a one-word reply cannot start a comment. lemmy-ui prints a
    vote line on every comment or on none, so once one header has it, all must: a body line
    such as "2 days ago" under a short line is then not taken for a header.
    """
    anchors = _innertext_anchors(lines, need_votes=False)
    voted = any(has_votes for _, _, _, has_votes in anchors)
    if voted:
        anchors = _innertext_anchors(lines, need_votes=True)
    if not anchors or (len(anchors) < 2 and not voted):
        return None
    comments: list[RawComment] = []
    stubs: list[tuple[int | None, int]] = []
    for n, (_, body_at, raw, _) in enumerate(anchors):
        end = anchors[n + 1][0] if n + 1 < len(anchors) else len(lines)
        for line in lines[body_at:end]:
            count = stub_count(line)
            if count is None:
                raw.body.append(line)
            else:
                stubs.append((n, count))
        comments.append(raw)
    return Segments(lines[: anchors[0][0]], comments, stubs, nested=False)


def _innertext_anchors(
    lines: list[str], need_votes: bool
) -> list[tuple[int, int, RawComment, bool]]:
    """(name line, body start, comment, had a vote line) for each header, in page order."""
    anchors: list[tuple[int, int, RawComment, bool]] = []
    floor = 0
    for t, line in enumerate(lines):
        if t < floor or not is_time(line):
            continue
        found = _innertext_header(lines, t, floor)
        if found is not None and (found[2] or not need_votes):
            anchors.append((found[0], t + 1, found[1], found[2]))
            floor = t + 1
    return anchors


def _innertext_header(lines: list[str], t: int, floor: int) -> tuple[int, RawComment, bool] | None:
    """(name line, comment, had a vote line) for the header ending at time line ``t``."""
    k = t - 1
    votes: list[str] = []
    while k >= floor and is_votes(lines[k]):
        votes.insert(0, lines[k].strip())
        k -= 1
    raw = RawComment("", created_text=lines[t].strip())
    if votes:
        raw.score, raw.upvotes, raw.downvotes = split_votes("".join(votes))
    if k >= floor and language_code(lines[k]) is not None:
        raw.language = lines[k].strip()
        k -= 1
    strong = bool(votes)
    while k >= floor and is_badge(lines[k]):
        flag = BADGES.get(lines[k].strip())
        raw.badges |= {flag} if flag else set()
        strong, k = True, k - 1
    if k >= floor and (instance := instance_of(lines[k])):
        raw.instance, strong, k = instance, True, k - 1
    if k < floor or not plausible_name(lines[k]):
        return None
    # A bare "name / time" pair must at least stand after a gap, like every real header.
    before = lines[k - 1] if k > 0 else ""
    if not strong and before.strip() and not is_chrome(before) and stub_count(before) is None:
        return None
    raw.author = clean_name(lines[k])
    return k, raw, bool(votes)


def segment_clipboard(lines: list[str], start: int, first_is_comment: bool) -> Segments:
    """The clipboard form, reading comments from line ``start`` on.

    A paragraph starts a comment when its first lines have the header shape: a name followed
    by "@instance" or a badge line (enough after any blank line), or by a language line, or,
    for local authors with no language, a bare name line, both only after the two blank lines
    Chromium puts between comments (when the paste has such gaps at all).
    """
    paragraphs = _paragraphs(lines, start)
    double = any(blanks >= 2 for blanks, _ in paragraphs[1:])
    preamble = list(lines[:start])
    comments: list[RawComment] = []
    stubs: list[tuple[int | None, int]] = []
    for blanks, para in paragraphs:
        # "N more replies" before a header belongs to the comment above; after it, to this one.
        lead = next((n for n, line in enumerate(para) if stub_count(line) is None), len(para))
        stubs.extend((len(comments) - 1 if comments else None, c) for c in _stubs_in(para[:lead]))
        kept = [line for line in para if stub_count(line) is None]
        if not kept:
            continue
        head = _clipboard_header(kept)
        if head is not None and _starts_comment(
            head[2], blanks, double, kept, not comments and first_is_comment
        ):
            raw, body_at, _ = head
            raw.body = kept[body_at:]
            comments.append(raw)
        else:
            target = comments[-1].body if comments else preamble
            target.extend(["", *kept])  # one blank line is a paragraph break
        owner = len(comments) - 1 if comments else None
        stubs.extend((owner, count) for count in _stubs_in(para[lead:]))
    return Segments(preamble, comments, stubs, nested=False)


def _starts_comment(strength: str, blanks: int, double: bool, para: list[str], first: bool) -> bool:
    if first:
        return strength != "none" or len(para) >= 2
    if strength == "strong":
        return True
    if strength == "language":
        return blanks >= 2 or not double
    return blanks >= 2 and double and name_like(para[0]) and len(para) >= 2


def _stubs_in(para: list[str]) -> list[int]:
    return [count for line in para if (count := stub_count(line)) is not None]


def _paragraphs(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """(blank lines before it, its lines) for each run of non-blank lines from ``start``."""
    out: list[tuple[int, list[str]]] = []
    blanks = 0
    current: list[str] = []
    for line in lines[start:]:
        if line.strip():
            current.append(line)
            continue
        if current:
            out.append((blanks, current))
            current, blanks = [], 0
        blanks += 1
    if current:
        out.append((blanks, current))
    return out


def _clipboard_header(para: list[str]) -> tuple[RawComment, int, str] | None:
    """(comment, index of the first body line, "strong" | "language" | "none") or None."""
    if not plausible_name(para[0]) or is_badge(para[0]) or instance_of(para[0]):
        return None
    raw = RawComment(clean_name(para[0]))
    strength = "none"
    k = 1
    if k < len(para) and (instance := instance_of(para[k])):
        raw.instance, strength, k = instance, "strong", k + 1
    while k < len(para) and is_badge(para[k]):
        flag = BADGES.get(para[k].strip())
        raw.badges |= {flag} if flag else set()
        strength, k = "strong", k + 1
    if k < len(para) and language_code(para[k]) is not None:
        raw.language = para[k].strip()
        strength = "language" if strength == "none" else strength
        k += 1
    return raw, k, strength
