"""The comment tree as a flat list of rows in reading order, and how comments are named.

A row is one block of a chapter: the post, a comment, or a note that replies are missing.
Every walk is iterative (explicit stacks): reply chains thousands deep exist in the wild,
and the markup is flat anyway, so nothing downstream needs the tree.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from exporter.model import Comment, Stub, Thread

RowKind = Literal["post", "comment", "more"]

POST_ANCHOR = "post"
"""XML id of the opening post's block."""


@dataclass(eq=False)
class Row:
    """One block of a chapter body, in reading order: the post, a comment, or a stub note.

    Not compared or printed by value: a ``Comment`` holds its whole subtree, and comparing
    or repr-ing a 3,000-deep chain would recurse. Never changed once made (a changed row is a
    new one, ``dataclasses.replace``): the renderer keeps each row's markup. Not declared
    frozen only because a frozen dataclass takes five times as long to make, once per comment.
    """

    kind: RowKind
    anchor: str
    """XML id of the block, unique in the book."""
    depth: int = 0
    comment: Comment | None = field(default=None, repr=False)
    parent: Comment | None = field(default=None, repr=False)
    parent_anchor: str | None = None
    missing: int | None = None
    """For a stub note: how many replies the page announced (None: it did not say)."""
    stub: Stub | None = None
    """For a stub note: the ``Stub`` itself, which says why the replies are absent."""
    body: str | None = None
    """Part of the body when a single huge comment had to be cut; else None (whole body)."""
    part: int = 0
    """0 for a whole comment, else 1, 2, ... for the parts of a cut one."""
    reply_target: Comment | None = field(default=None, repr=False)
    """Flat forums: the post this one answers (``Comment.reply_to``), when it is in the book."""
    reply_anchor: str | None = None
    next_anchor: str | None = None
    """``--nav``: the next comment at the same or a shallower level (skips the replies)."""
    next_thread_anchor: str | None = None
    """``--nav``: the next top-level comment."""


# --- names and labels -------------------------------------------------------------------------

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
_MAX_ID_CHARS = 48


def display_name(comment: Comment) -> str:
    """Who wrote it, as the book shows it; never invents a name."""
    name = (comment.author or comment.author_id or "").strip()
    if name:
        return name
    if comment.removed:
        return "[removed]"
    if comment.deleted:
        return "[deleted]"
    return "[unknown]"


def _escaped(unsafe: re.Match[str]) -> str:
    return f"_{ord(unsafe.group()):x}"


def assign_anchors(thread: Thread) -> dict[int, str]:
    """Map ``id(comment)`` to an XML id (``c-`` + the sanitised page id), unique in the book.

    Page ids may start with a digit, hold any character, or repeat (a parser bug): prefix,
    escape, cap the length, then add ``-2``, ``-3``... until unique.
    """
    anchors: dict[int, str] = {}
    used: set[str] = set()
    for comment in thread.walk():
        if id(comment) in anchors:
            continue
        safe = _ID_UNSAFE.sub(_escaped, comment.id)[:_MAX_ID_CHARS]
        anchor, n = f"c-{safe}", 1
        while anchor in used:
            n += 1
            anchor = f"c-{safe}-{n}"
        used.add(anchor)
        anchors[id(comment)] = anchor
    return anchors


_TAG = re.compile(r"<[^>]*>|<[^>]*$")


_QUOTE = re.compile(r"<blockquote\b.*?</blockquote>", re.S)


def first_words(body_html: str, *, words: int = 8, max_chars: int = 60) -> str:
    """The opening words of a body as plain text, for TOC labels: the comment's own words,
    not those of a post it quotes first (as forum replies do), when it has any."""
    head = body_html[:4000]
    own = _TAG.sub(" ", _QUOTE.sub(" ", head))
    text = html.unescape(own if own.strip() else _TAG.sub(" ", head))
    picked = text.split(None, words)[:words]  # no need to split the rest
    out = " ".join(picked)
    if len(out) > max_chars:
        out = out[: max_chars - 1].rstrip() + "…"
    elif len(picked) == words:
        out += "…"
    return out


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def opening_words(comment: Comment) -> str:
    """How a top-level comment starts, for the TOC and the thread map."""
    if comment.removed or comment.deleted:
        return "[removed]" if comment.removed else "[deleted]"
    return first_words(comment.body_html) or "(no text)"


def comment_label(comment: Comment, replies: int, words: str) -> str:
    """TOC label of a top-level comment: author, first words (:func:`opening_words`), reply
    count."""
    if comment.number is not None and not replies:
        # A forum post: its number is how it is known, and replies are not nested under it.
        return f"#{comment.number} {display_name(comment)}: {words}"
    return f"{display_name(comment)}: {words} ({_plural(replies, 'reply', 'replies')})"


# --- rows ---------------------------------------------------------------------------------------


def _stubs_by_parent(thread: Thread, known: set[str]) -> tuple[dict[str, list[Stub]], list[Stub]]:
    """Stubs that hang under a comment, and those that go after all top-level comments."""
    under: dict[str, list[Stub]] = {}
    at_end: list[Stub] = []
    for stub in thread.missing:
        if stub.parent_id is not None and stub.parent_id in known:
            under.setdefault(stub.parent_id, []).append(stub)
        else:
            at_end.append(stub)
    return under, at_end


def _tree_rows(
    root: Comment,
    anchors: Mapping[int, str],
    stubs: dict[str, list[Stub]],
    next_stub: Iterator[str],
    seen: set[int],
) -> list[Row]:
    """One top-level thread in reading order; a stub note follows the last descendant of its
    parent. Iterative: a 'leave' marker on the stack says when a subtree is finished."""
    rows: list[Row] = []
    stack: list[tuple[Comment, Comment | None, str | None, int, bool]] = [
        (root, None, None, 0, False)
    ]
    while stack:
        node, parent, parent_anchor, depth, leaving = stack.pop()
        if leaving:
            for stub in stubs.pop(node.id, []):
                rows.append(Row("more", next(next_stub), depth + 1, missing=stub.count, stub=stub))
            continue
        if id(node) in seen:  # a comment listed twice (a parser bug) is shown once, no loop
            continue
        seen.add(id(node))
        anchor = anchors[id(node)]
        rows.append(
            Row(
                "comment",
                anchor,
                depth,
                comment=node,
                parent=parent,
                parent_anchor=parent_anchor,
            )
        )
        if stubs:  # only a stub note needs to know where a subtree ends
            stack.append((node, parent, parent_anchor, depth, True))
        if node.children:
            stack.extend([(kid, node, anchor, depth + 1, False) for kid in reversed(node.children)])
    return rows


def thread_units(thread: Thread, anchors: Mapping[int, str]) -> list[list[Row]]:
    """Rows grouped by top-level comment; stubs without a known parent join the last group."""
    known = {c.id for c in thread.walk()} if thread.missing else set()
    under, at_end = _stubs_by_parent(thread, known)
    stub_ids = (f"m{n}" for n in itertools.count(1))
    seen: set[int] = set()
    units = [_tree_rows(root, anchors, under, stub_ids, seen) for root in thread.comments]
    units = [unit for unit in units if unit]
    tail = [Row("more", next(stub_ids), 0, missing=s.count, stub=s) for s in at_end]
    if tail:
        if units:
            units[-1].extend(tail)
        else:
            units.append(tail)
    return units


def subtree_stats(root: Comment) -> tuple[int, int]:
    """How many replies hang under ``root`` and how deep the deepest goes (levels below the
    top, as the comment headers count them: 0 for no replies). Level by level, one list per
    level: iterative like every walk, and no per-comment bookkeeping."""
    replies, deepest = 0, 0
    level = root.children
    while level:
        replies += len(level)
        deepest += 1
        level = [child for node in level for child in node.children]
    return replies, deepest


# --- links between rows -------------------------------------------------------------------------


def _reply_targets(thread: Thread, anchors: Mapping[int, str]) -> dict[str, tuple[Comment, str]]:
    """Page id -> (comment, anchor) for every post a forum reply can point at; the first of
    repeated ids wins, as the anchors do."""
    targets: dict[str, tuple[Comment, str]] = {}
    if thread.post is not None:
        targets[thread.post.id] = (thread.post, POST_ANCHOR)
    for comment in thread.walk():
        targets.setdefault(comment.id, (comment, anchors[id(comment)]))
    return targets


def link_rows(
    units: Sequence[Sequence[Row]], thread: Thread, anchors: Mapping[int, str], *, nav: bool
) -> list[list[Row]]:
    """Rows with their forward links filled in: the forum post each one answers and, with
    ``nav``, where "next" and "next thread" go.

    Every link targets another comment's ``<article>`` (a block with real content): readers
    such as KOReader and Kobo show a link to a tiny or empty target as a footnote pop-up.
    A link to the very next comment is left out (turning the page does that), and so is a
    "next" that goes where "next thread" goes: a comment without replies gets no "next", a
    flat forum thread no links at all.
    """
    flat = [row for unit in units for row in unit]
    answers = any(row.comment is not None and row.comment.reply_to for row in flat)
    if not (answers or nav):
        return [list(unit) for unit in units]  # no row gets a link
    targets = _reply_targets(thread, anchors) if answers else {}
    skip: dict[int, str] = {}
    after: dict[int, str] = {}
    nearest: dict[int, str] = {}
    if nav:
        skip, after, nearest = _nav_targets(flat)
    out: list[list[Row]] = []
    position = 0
    for unit in units:
        linked: list[Row] = []
        for row in unit:
            linked.append(_linked(row, position, targets, (skip, after, nearest)))
            position += 1
        out.append(linked)
    return out


_Jumps = tuple[dict[int, str], dict[int, str], dict[int, str]]
"""Per comment row position: the "next" target, the "next thread" target, the next comment."""


def _linked(
    row: Row, position: int, targets: Mapping[str, tuple[Comment, str]], jumps: _Jumps
) -> Row:
    skip, after, nearest = jumps
    comment = row.comment
    if row.kind != "comment" or comment is None:
        return row
    reply = targets.get(comment.reply_to) if comment.reply_to else None
    if reply is not None and reply[0] is comment:
        reply = None  # a post "answering" itself (a parser bug) gets no link to itself
    following = nearest.get(position)
    thread_anchor = after.get(position)
    next_anchor = skip.get(position)
    if next_anchor in (following, thread_anchor):
        next_anchor = None
    if thread_anchor == following:
        thread_anchor = None
    if reply is None and next_anchor is None and thread_anchor is None:
        return row
    return replace(
        row,
        reply_target=reply[0] if reply else None,
        reply_anchor=reply[1] if reply else None,
        next_anchor=next_anchor,
        next_thread_anchor=thread_anchor,
    )


def _nav_targets(flat: Sequence[Row]) -> _Jumps:
    """For each comment row (by position): the next comment row at the same or a shallower
    depth, the next top-level one, and simply the next one. One pass from the end with a
    stack (a monotonic "next smaller or equal"): a 100,000-comment thread costs linear time."""
    skip: dict[int, str] = {}
    after: dict[int, str] = {}
    nearest: dict[int, str] = {}
    stack: list[Row] = []
    next_top: str | None = None
    for position in range(len(flat) - 1, -1, -1):
        row = flat[position]
        if row.kind != "comment":
            continue
        if stack:
            nearest[position] = stack[-1].anchor
        while stack and stack[-1].depth > row.depth:
            stack.pop()
        if stack:
            skip[position] = stack[-1].anchor
        if next_top is not None:
            after[position] = next_top
        stack.append(row)
        if row.depth == 0:
            next_top = row.anchor
    return skip, after, nearest
