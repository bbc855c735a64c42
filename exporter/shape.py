"""Choosing what goes into the book: sort, filter and trim a ``Thread`` (the *shape* stage).

A 2,000-comment thread is a book nobody finishes; the reader picks what goes in. Everything
here is pure: :func:`shape` returns a new ``Thread`` and a :class:`ShapeReport` (what was left
out and why, in numbers, for the title page and ``-v``); the input thread is never touched.

The one rule every option obeys: **no reply ever loses its parent.** A comment that a filter
would drop stays when one of its descendants is kept, as the path to it; so every kept
comment's ``parent_id`` names a kept comment (or is the page's own value at the top), and
``depth`` is its level in the shaped tree. The order of work is fixed and documented:

1. sort every level (``--sort``);
2. filters (``--op-only``, ``--since``/``--until``, ``--min-score``, ``--drop-deleted``) look
   at the whole sorted tree; a comment stays if it passes all of them or a descendant stays;
3. ``--top N`` keeps the first N top-level threads that are left;
4. ``--max-depth N`` cuts what is deeper than level N (top level is 0) and leaves a ``Stub``
   ("5 replies deeper than level N left out") where the cut replies were.

Every left-out comment is counted exactly once, under the first of these that removed it. The
tree is handled as flat index arrays with explicit stacks: reply chains thousands deep exist.
"""

from __future__ import annotations

import copy
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timezone
from typing import Literal, get_args

from exporter.model import Comment, Stub, Thread, walk_forest

SortOrder = Literal["page", "best", "top", "new", "old"]
SORT_ORDERS: tuple[str, ...] = get_args(SortOrder)
"""The ``--sort`` choices; ``page`` (as saved) is the default."""

REDDIT_BEST_Z = 1.281551565545
"""z for an 80 % confidence bound: what Reddit's "best" sort uses."""

FilterReason = Literal["not_by_op", "outside_dates", "below_min_score", "deleted_dropped"]
_FILTER_ORDER: tuple[FilterReason, ...] = get_args(FilterReason)


@dataclass(frozen=True)
class ShapeOptions:
    """What the reader wants in the book. Every default means "no change".

    ``since``/``until`` are inclusive bounds; a naive datetime is taken as UTC (use
    :func:`parse_when` for command-line text). ``max_depth`` counts the top level as 0.
    """

    sort: SortOrder = "page"
    min_score: int | None = None
    max_depth: int | None = None
    top: int | None = None
    op_only: bool = False
    drop_deleted: bool = False
    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        # Checked here so that the CLI and the Python API refuse the same nonsense.
        if self.sort not in SORT_ORDERS:
            raise ValueError(f"unknown sort {self.sort!r}: choose one of {', '.join(SORT_ORDERS)}")
        if self.max_depth is not None and self.max_depth < 0:
            raise ValueError("the maximum depth must be 0 (top level only) or more")
        if self.top is not None and self.top < 1:
            raise ValueError("--top needs at least 1 thread")
        if self.since and self.until and _utc(self.since) > _utc(self.until):
            raise ValueError("the start date is after the end date")


@dataclass
class ShapeReport:
    """What :func:`shape` left out, in numbers. Each left-out comment counts once."""

    not_by_op: int = 0
    """Comments that are not the OP's nor lead to one (``--op-only``)."""
    outside_dates: int = 0
    """Comments created outside ``--since``/``--until``."""
    below_min_score: int = 0
    """Comments scored below ``--min-score`` (with no kept reply under them)."""
    deleted_dropped: int = 0
    """Deleted or removed comments with no reply left (``--drop-deleted``)."""
    top_threads_dropped: int = 0
    """Top-level threads past the first ``--top`` N."""
    top_comments_dropped: int = 0
    """Comments in those threads (their top-level comments included)."""
    deeper_than: int = 0
    """Replies deeper than ``--max-depth`` (each summarised in a ``too_deep`` stub)."""
    stubs_dropped: int = 0
    """The page's own "N more replies" notes whose comment was left out."""
    options: ShapeOptions = field(default_factory=ShapeOptions, compare=False, repr=False)

    def as_dict(self) -> dict[str, int]:
        """Every count by name (zeros included: the keys are stable), for ``-v`` and tests."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "options"}

    @property
    def comments_left_out(self) -> int:
        """All comments that were in the thread and are not in the shaped one."""
        by_filter = sum(getattr(self, reason) for reason in _FILTER_ORDER)
        return int(by_filter) + self.top_comments_dropped + self.deeper_than

    def describe(self) -> list[str]:
        """One plain sentence per non-zero count, e.g. "12 comments below 5 points left out"."""
        o = self.options
        phrases = [
            (self.not_by_op, "comment", "comments", " not by the original poster"),
            (self.outside_dates, "comment", "comments", f" from outside {_span(o)}"),
            (self.below_min_score, "comment", "comments", f" below {_points(o.min_score)}"),
            (self.deleted_dropped, "deleted or removed comment", "deleted or removed comments", ""),
            (self.deeper_than, "reply", "replies", f" deeper than level {o.max_depth}"),
        ]
        out = [f"{_plural(n, one, many)}{tail} left out" for n, one, many, tail in phrases if n]
        if self.top_threads_dropped:
            threads = _plural(self.top_threads_dropped, "top-level thread", "top-level threads")
            comments = _plural(self.top_comments_dropped, "comment", "comments")
            out.append(f"{threads} ({comments}) after the first {o.top} left out")
        if self.stubs_dropped:
            notes = _plural(self.stubs_dropped, "“more replies” note", "“more replies” notes")
            out.append(f"{notes} of the saved page left out with their comments")
        return out


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _points(n: int | None) -> str:
    return _plural(n or 0, "point", "points")


def _span(options: ShapeOptions) -> str:
    def show(moment: datetime) -> str:
        return _utc(moment).strftime("%Y-%m-%d %H:%M UTC")

    since, until = options.since, options.until
    if since and until:
        return f"{show(since)} – {show(until)}"
    if since:
        return f"the time from {show(since)}"
    return f"the time up to {show(until)}" if until else "the chosen dates"


# --- dates --------------------------------------------------------------------------------------

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_when(text: str, *, end_of_day: bool = False) -> datetime:
    """A ``--since``/``--until`` value: ``2026-11-10`` or an ISO datetime, UTC without a zone.

    A bare date means the start of that day, or with ``end_of_day`` (``--until``) its last
    microsecond, so that ``--until 2026-11-10`` includes the 10th as a reader expects. Raises
    ``ValueError`` with a message fit for a usage error.
    """
    value = text.strip()
    try:
        if _DATE_ONLY.match(value):
            day = date.fromisoformat(value)
            return datetime.combine(day, time.max if end_of_day else time.min, timezone.utc)
        # Python 3.10's fromisoformat does not know the "Z" suffix.
        moment = datetime.fromisoformat(re.sub(r"[zZ]$", "+00:00", value))
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date: write 2026-11-10 or 2026-11-10T09:30 (UTC) or with a zone"
        ) from None
    return _utc(moment)


def _utc(moment: datetime) -> datetime:
    """The same instant in UTC; naive times (which parsers should not produce) are UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# --- sorting ------------------------------------------------------------------------------------


def wilson_lower_bound(upvotes: int, downvotes: int, z: float = REDDIT_BEST_Z) -> float:
    """Lower bound of the Wilson score interval for the share of upvotes.

    What Reddit's "best" ranks by: 10 up / 1 down beats 40 up / 20 down, because it is the
    fraction of readers who liked the comment we are confident about, not the raw margin.
    No votes give 0.
    """
    up, down = max(upvotes, 0), max(downvotes, 0)
    n = up + down
    if n == 0:
        return 0.0
    p = up / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)
    return (centre - spread) / (1 + z2 / n)


SortKey = tuple[int, float]
"""(0, value) sorts before (1, …): comments without the data go last, in page order."""


def _score_key(c: Comment) -> SortKey:
    return (1, 0.0) if c.score is None else (0, -float(c.score))


def _time_key(sign: float) -> Callable[[Comment], SortKey]:
    def key(c: Comment) -> SortKey:
        return (1, 0.0) if c.created is None else (0, sign * _utc(c.created).timestamp())

    return key


def _has_votes(c: Comment) -> bool:
    return c.upvotes is not None and c.downvotes is not None


def sibling_keys(siblings: Sequence[Comment], order: SortOrder) -> list[SortKey]:
    """Sort keys for one list of siblings; ascending key = earlier in the book.

    - ``top``: score, highest first.
    - ``new`` / ``old``: ``created``, newest / oldest first.
    - ``best``: the Wilson lower bound of upvotes/downvotes (:func:`wilson_lower_bound`) when
      every comment of the list that has any vote data has both counts (Lemmy); otherwise the
      whole list ranks by score as ``top`` does (Reddit and Hacker News show only a score),
      so that two different measures are never compared with each other.

    Comments lacking the data sort last. ``page`` keeps the saved order (all keys equal).
    The caller sorts stably, so ties keep page order.
    """
    if order == "page":
        return [(0, 0.0)] * len(siblings)
    if order == "top":
        return [_score_key(c) for c in siblings]
    if order in ("new", "old"):
        key = _time_key(-1.0 if order == "new" else 1.0)
        return [key(c) for c in siblings]
    with_data = [
        c
        for c in siblings
        if c.score is not None or c.upvotes is not None or c.downvotes is not None
    ]
    if with_data and all(_has_votes(c) for c in with_data):
        return [
            (0, -wilson_lower_bound(c.upvotes or 0, c.downvotes or 0))
            if _has_votes(c)
            else (1, 0.0)
            for c in siblings
        ]
    return [_score_key(c) for c in siblings]


def _sorted(indices: list[int], nodes: Sequence[Comment], order: SortOrder) -> list[int]:
    keys = sibling_keys([nodes[i] for i in indices], order)
    ranked = sorted(range(len(indices)), key=keys.__getitem__)  # stable: ties keep page order
    return [indices[r] for r in ranked]


# --- the tree as index arrays -------------------------------------------------------------------


@dataclass
class _Flat:
    """The comment tree as arrays over pre-order positions: a parent's position is always
    smaller than its children's, so one pass backwards visits replies before their parents."""

    nodes: list[Comment] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    kids: list[list[int]] = field(default_factory=list)
    roots: list[int] = field(default_factory=list)


def _flatten(thread: Thread) -> _Flat:
    """Pre-order arrays of the comment tree. A comment object listed twice (a parser bug) is
    taken once, as the renderer does, which also makes a cycle harmless."""
    flat = _Flat()
    seen: set[int] = set()
    stack: list[tuple[Comment, int]] = [(root, -1) for root in reversed(thread.comments)]
    while stack:
        node, parent = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        index = len(flat.nodes)
        flat.nodes.append(node)
        flat.parent.append(parent)
        flat.depth.append(0 if parent < 0 else flat.depth[parent] + 1)
        flat.kids.append([])
        (flat.roots if parent < 0 else flat.kids[parent]).append(index)
        if node.children:  # most comments have no replies
            stack.extend([(child, index) for child in reversed(node.children)])
    return flat


# --- shaping ------------------------------------------------------------------------------------


def _failure(comment: Comment, options: ShapeOptions) -> FilterReason | None:
    """The first filter this comment fails on its own (see the module docstring's order)."""
    if options.op_only and not comment.is_op:
        return "not_by_op"
    if comment.created is not None and (options.since or options.until):
        when = _utc(comment.created)
        if (options.since and when < _utc(options.since)) or (
            options.until and when > _utc(options.until)
        ):
            return "outside_dates"
    score, least = comment.score, options.min_score
    if least is not None and score is not None and score < least:
        return "below_min_score"
    if options.drop_deleted and (comment.deleted or comment.removed):
        return "deleted_dropped"
    return None


def _filtered(flat: _Flat, options: ShapeOptions, counts: Counter[str]) -> list[bool]:
    """Which comments the filters keep (those that pass, and the path to them), counting
    the others by reason. Without any filter (the common case) every comment stays."""
    if not (
        options.op_only
        or options.since
        or options.until
        or options.min_score is not None
        or options.drop_deleted
    ):
        return [True] * len(flat.nodes)
    failed = [_failure(c, options) for c in flat.nodes]
    keep = [reason is None for reason in failed]
    for i in range(len(keep) - 1, -1, -1):  # replies before parents: a kept reply keeps its parent
        if keep[i] and flat.parent[i] >= 0:
            keep[flat.parent[i]] = True
    for kept, reason in zip(keep, failed, strict=True):
        if not kept and reason is not None:  # a dropped comment always failed itself
            counts[reason] += 1
    return keep


def shape(thread: Thread, options: ShapeOptions | None = None) -> tuple[Thread, ShapeReport]:
    """The thread as the reader asked for it, and what was left out.

    ``--min-score``, ``--since``/``--until``, ``--op-only`` and ``--drop-deleted`` remove a
    comment with its subtree *unless* a descendant passes: then the comment stays, as the
    path to that descendant (a deleted comment with replies stays as their placeholder; the
    OP's comments keep the chain of comments they answer). A comment without a score or a
    date is never dropped for lacking it. The page's own "N more replies" stubs stay with
    their comment, or go (counted in ``stubs_dropped``) when it goes; stubs under the post,
    the top level or an unknown id always stay.

    Returns new ``Comment`` objects throughout; with default options, a thread equal to the
    input. The post is copied unchanged.
    """
    options = options or ShapeOptions()
    flat = _flatten(thread)
    nodes, n = flat.nodes, len(flat.nodes)
    counts: Counter[str] = Counter()

    if options.sort != "page":
        flat.roots = _sorted(flat.roots, nodes, options.sort)
        flat.kids = [_sorted(k, nodes, options.sort) if len(k) > 1 else k for k in flat.kids]

    keep = _filtered(flat, options, counts)

    left = [r for r in flat.roots if keep[r]]
    if options.top is not None and len(left) > options.top:
        counts["top_threads_dropped"] = len(left) - options.top
        stack = left[options.top :]
        while stack:
            i = stack.pop()
            if keep[i]:
                keep[i] = False
                counts["top_comments_dropped"] += 1
                stack.extend(flat.kids[i])

    cut_under: dict[int, int] = {}  # position of a comment at the depth limit -> replies cut
    if options.max_depth is not None:
        limit = options.max_depth
        holder = [-1] * n
        for i in range(n):  # pre-order: a parent's holder is known before its replies
            if not keep[i] or flat.depth[i] < limit:
                continue
            if flat.depth[i] == limit:
                holder[i] = i
                continue
            holder[i] = holder[flat.parent[i]]
            keep[i] = False
            counts["deeper_than"] += 1
            cut_under[holder[i]] = cut_under.get(holder[i], 0) + 1

    comments, deep_stubs = _rebuild(flat, keep, cut_under, options.max_depth)
    missing = _kept_stubs(thread, flat, keep, counts)
    shaped = replace(
        thread,
        post=replace(thread.post, children=list(thread.post.children)) if thread.post else None,
        comments=comments,
        missing=missing + deep_stubs,
        warnings=list(thread.warnings),
    )
    return shaped, ShapeReport(**counts, options=options)


def _rebuild(
    flat: _Flat, keep: list[bool], cut_under: dict[int, int], limit: int | None
) -> tuple[list[Comment], list[Stub]]:
    """Copies of the kept comments in their (sorted) order, with ``parent_id`` and ``depth``
    set from the shaped tree; and the ``too_deep`` stubs, in reading order.

    Every ancestor of a kept comment is kept, so its level in the shaped tree is its level in
    the page and its parent's copy stands at its parent's position. A top-level comment keeps
    the page's own ``parent_id``."""
    nodes, parents, depths, kids = flat.nodes, flat.parent, flat.depth, flat.kids
    copies = [copy.copy(node) for node in nodes]  # positions line up; dropped ones unused
    for i, twin in enumerate(copies):
        if not keep[i]:
            continue
        twin.depth = depths[i]
        if parents[i] >= 0:
            twin.parent_id = nodes[parents[i]].id
        twin.children = [copies[k] for k in kids[i] if keep[k]]
    roots = [copies[r] for r in flat.roots if keep[r]]
    stubs: list[Stub] = []
    if cut_under:
        holders = {id(copies[i]): count for i, count in cut_under.items()}
        for twin in walk_forest(roots):
            if id(twin) in holders:
                stubs.append(Stub(twin.id, holders[id(twin)], reason="too_deep", max_depth=limit))
    return roots, stubs


def _kept_stubs(thread: Thread, flat: _Flat, keep: list[bool], counts: Counter[str]) -> list[Stub]:
    """The page's stubs whose place is still in the book (copies), counting the others."""
    if not thread.missing:
        return []
    kept_ids = {c.id for c, k in zip(flat.nodes, keep, strict=True) if k}
    gone_ids = {c.id for c in flat.nodes} - kept_ids
    if thread.post is not None:
        gone_ids.discard(thread.post.id)
    out: list[Stub] = []
    for stub in thread.missing:
        if stub.parent_id is not None and stub.parent_id in gone_ids:
            counts["stubs_dropped"] += 1
        else:
            out.append(replace(stub))
    return out
