"""Book plan: which comment goes into which chapter file, and the table of contents.

Pure and deterministic: the same ``Thread`` always gives the same plan. The size budget is
checked against real bytes: the renderer hands in two measuring callables (``row_bytes``,
``shell_bytes``), so this module stays free of markup and its packing logic can be tested
with made-up sizes. The tree arrives already flattened into rows (``exporter.rows``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from exporter.fragment import split_fragment
from exporter.model import Comment, Thread
from exporter.rows import (
    POST_ANCHOR,
    Row,
    assign_anchors,
    comment_label,
    link_rows,
    opening_words,
    subtree_stats,
    thread_units,
)

TITLE_FILE = "title.xhtml"
NAV_FILE = "nav.xhtml"
POST_FILE = "post.xhtml"
MAX_CHAPTERS = 9999
"""Comment files have fixed-width names, so an href's length never depends on the packing."""

PLACEHOLDER_FILE = "comments-0000.xhtml"
"""Same length as every comment chapter file name: used when measuring a row's bytes."""

SPLIT_WINDOW = 0.25
"""A long thread is cut at the shallowest sibling boundary in the last quarter of a chapter."""


def chapter_file(number: int) -> str:
    """File name of comment chapter ``number`` (1-based), fixed width."""
    if not 1 <= number <= MAX_CHAPTERS:
        raise ValueError(f"a book holds at most {MAX_CHAPTERS} comment chapters")
    return f"comments-{number:04d}.xhtml"


@dataclass(frozen=True, eq=False)
class ChapterHead:
    """What the renderer puts above the rows: a heading and, for a continuation, a link back."""

    title: str
    """Names the chapter in the TOC and ``<title>``; also its heading unless ``heading`` is set."""
    continues: Row | None = None
    """The root comment of the thread this chapter continues."""
    heading: str | None = None
    """Shown instead of the title: the post chapter is headed by the thread's title, since
    readers open books at the body matter and may never show the title page."""


@dataclass(frozen=True, eq=False)
class Chapter:
    file_name: str
    item_id: str
    head: ChapterHead
    rows: tuple[Row, ...]
    oversized: bool = False
    """True only when one block could not be cut below the budget (e.g. one giant ``<pre>``)."""


@dataclass(frozen=True)
class TocEntry:
    label: str
    href: str
    uid: str
    """An XML name, unique in the book: NCX navPoint ids must be."""
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True, eq=False)
class TopComment:
    """A top-level comment as the TOC and the thread map describe it."""

    row: Row
    comment: Comment
    words: str
    """How it starts (``rows.opening_words``)."""
    replies: int
    deepest: int
    """Levels of replies below it (``rows.subtree_stats``)."""


@dataclass(frozen=True, eq=False)
class BookPlan:
    post_chapters: tuple[Chapter, ...]
    comment_chapters: tuple[Chapter, ...]
    toc: tuple[TocEntry, ...]
    files: Mapping[str, str]
    """Anchor -> file name, for every row of every chapter."""
    max_chapter_bytes: int
    top_comments: tuple[TopComment, ...]
    """Every top-level comment in book order (its first part when cut), for the thread map."""

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return self.post_chapters + self.comment_chapters

    def href(self, anchor: str) -> str:
        """Link target of an anchor, always with its file name (same-file links work too)."""
        return f"{self.files[anchor]}#{anchor}"


RowBytes = Callable[[Row], int]
ShellBytes = Callable[[ChapterHead], int]


# --- packing ------------------------------------------------------------------------------------


def _cut_row(row: Row, room: int, row_bytes: RowBytes) -> list[Row]:
    """Cut one too-big block at top-level element boundaries of its body, if it can be."""
    if row.comment is None or row.comment.deleted or row.comment.removed:
        return [row]
    empty = row_bytes(_with_body(row, "", 1))
    pieces = split_fragment(row.comment.body_html, max(room - empty, 1))
    if len(pieces) < 2:
        return [row]
    return [_with_body(row, piece, n) for n, piece in enumerate(pieces, start=1)]


def _with_body(row: Row, body: str, part: int) -> Row:
    anchor = row.anchor if part == 1 else f"p{part}-{row.anchor}"
    return replace(row, anchor=anchor, body=body, part=part)


def _best_cut(rows: Sequence[Row], sizes: Sequence[int], start: int, room: int) -> int:
    """End (exclusive) of the next part of a too-big thread, cut before a row.

    Fill the room greedily, then step back through the last quarter of it and pick the
    shallowest sibling boundary (the latest on ties): a row that is not a child of the row
    before it, so that no chapter starts in the middle of a reply to the previous line. Never
    just before a stub note (it belongs to what precedes it). Without any such boundary (a
    plain chain) the chapter is filled. At least one row always moves on, so the caller ends.
    """
    total, end = 0, start
    while end < len(rows) and total + sizes[end] <= room:
        total += sizes[end]
        end += 1
    if end == len(rows):
        return end
    if end == start:
        return start + 1  # one block bigger than a chapter: it gets a chapter of its own
    floor = room * (1 - SPLIT_WINDOW)
    best, best_depth = end, 1 << 62
    filled = total
    for pos in range(end, start, -1):
        if pos < end:
            filled -= sizes[pos]
        if filled < floor:
            break
        row = rows[pos]
        if row.kind != "more" and row.depth <= rows[pos - 1].depth and row.depth < best_depth:
            best, best_depth = pos, row.depth
    return best


@dataclass
class _Packer:
    """Fills comment chapters in order; one instance per plan."""

    budget: int
    row_bytes: RowBytes
    shell_bytes: ShellBytes
    n_top: int
    numbers: Sequence[int | None] = ()
    """Forum post numbers of the top-level comments: chapters of a flat forum thread are
    headed "Posts #21–#40", the numbers a reader of that forum knows them by."""
    chapters: list[Chapter] = field(default_factory=list)
    widest: int | None = field(init=False)
    """The post number with the most digits (None: no numbered posts), for :meth:`_bound_head`."""

    def __post_init__(self) -> None:
        known = [n for n in self.numbers if n is not None]
        self.widest = max(known, key=lambda n: len(str(n))) if known else None

    def _emit(self, head: ChapterHead, rows: Sequence[Row], sizes: Sequence[int]) -> None:
        number = len(self.chapters) + 1
        over = self.shell_bytes(head) + sum(sizes) > self.budget
        self.chapters.append(
            Chapter(chapter_file(number), f"chap-{number:04d}", head, tuple(rows), over)
        )

    def pack(self, units: Sequence[Sequence[Row]]) -> list[Chapter]:
        first, rows, sizes, total, room = 0, list[Row](), list[int](), 0, 0
        for index, unit in enumerate(units, start=1):
            unit_sizes = [self.row_bytes(r) for r in unit]
            unit_total = sum(unit_sizes)
            if rows:
                if total + unit_total <= room:
                    rows.extend(unit)
                    sizes.extend(unit_sizes)
                    total += unit_total
                    continue
                self._emit(_range_head(first, index - 1, self.n_top, self.numbers), rows, sizes)
                rows, sizes, total = [], [], 0
            # The room of a chapter that starts with this unit (kept while it fills up).
            room = self.budget - self.shell_bytes(self._bound_head(index))
            if unit_total <= room:
                first, rows, sizes, total = index, list(unit), unit_sizes, unit_total
            else:
                self._split(index, unit)
        if rows:
            self._emit(_range_head(first, len(units), self.n_top, self.numbers), rows, sizes)
        return self.chapters

    def _bound_head(self, first: int) -> ChapterHead:
        """A heading at least as long as any this chapter can end up with, for measuring."""
        plain = f"Comments {first}\u2013{max(self.n_top, first)}"
        if self.widest is None:
            return ChapterHead(plain)
        posts = f"Posts #{self.widest}\u2013#{self.widest}"
        return ChapterHead(max(plain, posts, key=lambda t: len(t.encode())))

    def _split(self, index: int, unit: Sequence[Row]) -> None:
        """A top-level thread bigger than a chapter: cut it at sibling boundaries."""
        label = f"Comment {index}" if index <= self.n_top else "Comments"
        worst = ChapterHead(f"{label} (continued, part {MAX_CHAPTERS})", unit[0])
        room = self.budget - self.shell_bytes(worst)
        rows: list[Row] = []
        for row in unit:
            too_big = self.row_bytes(row) > room
            rows.extend(_cut_row(row, room, self.row_bytes) if too_big else [row])
        sizes = [self.row_bytes(r) for r in rows]
        start, part = 0, 1
        while start < len(rows):
            cont = part > 1 and unit[0].kind == "comment"
            head = ChapterHead(
                f"{label} (continued, part {part})" if part > 1 else label,
                unit[0] if cont else None,
            )
            end = _best_cut(rows, sizes, start, self.budget - self.shell_bytes(head))
            self._emit(head, rows[start:end], sizes[start:end])
            start, part = end, part + 1


def _range_head(
    first: int, last: int, n_top: int, numbers: Sequence[int | None] = ()
) -> ChapterHead:
    if first > n_top:  # only stub notes: the page had no comments, only "N more replies"
        return ChapterHead("Comments")
    last = min(last, n_top)
    posts = _post_range(first, last, numbers)
    if posts is not None:
        return ChapterHead(posts)
    return ChapterHead(f"Comment {first}" if first == last else f"Comments {first}\u2013{last}")


def _post_range(first: int, last: int, numbers: Sequence[int | None]) -> str | None:
    """ "Posts #21–#40" when both ends are numbered forum posts, else None."""
    if len(numbers) < last:
        return None
    a, b = numbers[first - 1], numbers[last - 1]
    if a is None or b is None:
        return None
    return f"Post #{a}" if first == last else f"Posts #{a}\u2013#{b}"


def _post_chapters(
    thread: Thread, post: Comment, budget: int, row_bytes: RowBytes, shell_bytes: ShellBytes
) -> list[Chapter]:
    row = Row("post", POST_ANCHOR, 0, comment=post)
    first = ChapterHead("Original post", heading=thread.title)
    rows = [row]
    if shell_bytes(first) + row_bytes(row) > budget:
        worst = ChapterHead(f"Original post (continued, part {MAX_CHAPTERS})")
        rows = _cut_row(row, budget - max(shell_bytes(first), shell_bytes(worst)), row_bytes)
    chapters: list[Chapter] = []
    for n, part in enumerate(rows, start=1):
        head = first if n == 1 else ChapterHead(f"Original post (continued, part {n})")
        name = POST_FILE if n == 1 else f"post-{n}.xhtml"
        over = shell_bytes(head) + row_bytes(part) > budget
        chapters.append(Chapter(name, "post" if n == 1 else f"post-{n}", head, (part,), over))
    return chapters


# --- table of contents --------------------------------------------------------------------------


def _top_comments(chapter: Chapter) -> list[TopComment]:
    """The top-level comments that start in a chapter, described once for the TOC and the
    thread map."""
    tops: list[TopComment] = []
    for row in chapter.rows:
        comment = row.comment
        if row.kind == "comment" and row.depth == 0 and row.part <= 1 and comment is not None:
            replies, deepest = subtree_stats(comment)
            tops.append(TopComment(row, comment, opening_words(comment), replies, deepest))
    return tops


def _toc(
    title_label: str,
    post: Sequence[Chapter],
    comments: Sequence[Chapter],
    tops: Sequence[Sequence[TopComment]],
    budget: int,
) -> tuple[TocEntry, ...]:
    """Two levels: chapters, then the top-level comments that start in each chapter (``tops``,
    one list per chapter). If the nav document would outgrow the chapter budget (thousands
    of top-level comments), the second level is left out rather than making an unreadable
    nav file."""
    entries = [TocEntry(title_label, TITLE_FILE, "toc-title")]
    entries += [TocEntry(c.head.title, c.file_name, f"toc-{c.item_id}") for c in post]
    full: list[TocEntry] = []
    for chapter, chapter_tops in zip(comments, tops, strict=True):
        kids = tuple(
            TocEntry(
                comment_label(top.comment, top.replies, top.words),
                f"{chapter.file_name}#{top.row.anchor}",
                f"toc-{top.row.anchor}",
            )
            for top in chapter_tops
        )
        full.append(TocEntry(chapter.head.title, chapter.file_name, f"toc-{chapter.item_id}", kids))
    if _nav_bytes_bound(entries + full) > budget:
        full = [TocEntry(e.label, e.href, e.uid) for e in full]
    return tuple(entries + full)


def _nav_bytes_bound(entries: Sequence[TocEntry]) -> int:
    """Over-estimate of the nav document ebooklib writes: escaped label + href + markup."""
    per_entry = 120  # <li>, <a href="">, </a>, </li>, pretty-print indentation, <ol> wrappers
    flat = [e for top in entries for e in (top, *top.children)]
    return 4000 + sum(
        per_entry + len(html.escape(e.label).encode()) + len(e.href.encode()) for e in flat
    )


# --- the plan -----------------------------------------------------------------------------------


def plan_book(
    thread: Thread,
    *,
    row_bytes: RowBytes,
    shell_bytes: ShellBytes,
    max_chapter_bytes: int = 250_000,
    nav: bool = False,
) -> BookPlan:
    """Chapters (post, then top-level threads packed under ``max_chapter_bytes``) and TOC.

    ``row_bytes`` must give the exact rendered size of a row whose parent link points into
    ``PLACEHOLDER_FILE``; ``shell_bytes`` the size of a chapter document with no rows.
    ``nav``: rows carry "next" and "next thread" targets (see ``rows.link_rows``); they are
    filled in before packing, so that every row is measured with the links it will show.
    """
    anchors = assign_anchors(thread)
    post = (
        _post_chapters(thread, thread.post, max_chapter_bytes, row_bytes, shell_bytes)
        if thread.post is not None
        else []
    )
    units = link_rows(thread_units(thread, anchors), thread, anchors, nav=nav)
    numbers = [c.number for c in thread.comments]
    packer = _Packer(max_chapter_bytes, row_bytes, shell_bytes, len(thread.comments), numbers)
    comments = packer.pack(units)
    files = {row.anchor: ch.file_name for ch in post + comments for row in ch.rows}
    tops = [_top_comments(chapter) for chapter in comments]
    toc = _toc("Title page", post, comments, tops, max_chapter_bytes)
    top_comments = tuple(top for chapter_tops in tops for top in chapter_tops)
    return BookPlan(tuple(post), tuple(comments), toc, files, max_chapter_bytes, top_comments)
