"""Several saved pages of one thread as one ``Thread`` (``thread2epub p1.html p2.html …``).

A 300-page forum quest is saved page by page, and a Reddit thread's "continue this thread"
links open pages of their own. Given together, in any order, they become one book: pages in
the thread's order, every post once, and a note wherever a page between them is missing.

Pure functions of the parsed pages. Identity is what the site module says (``thread_id``),
else the page address without its page number; pages that are different threads are refused,
because a book that silently mixes two threads is worse than an error.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import UsageError
from .images import merge_images
from .model import Comment, Thread

# Query parameters that page a thread rather than name it (phpBB ``start``, vBulletin and
# Discourse ``page``, SMF's ``topic=12.40`` is handled by the site module's thread_id).
_PAGE_PARAMS = frozenset({"page", "p", "start", "pagenumber", "offset", "pg"})
# ".../threads/slug.123/page-4", ".../t/slug/123/4"-like trailing page parts.
_PAGE_PATH = re.compile(r"/(?:page-?\d+|page/\d+)/?$", re.IGNORECASE)


MORE_PAGES = (
    "This saved page is one of several pages of the thread; save the others too and give "
    "them all together, in any order, to make one book"
)
"""The one wording every site uses for a thread that continues on pages not given; dropped
from a merged book once every page is there."""


@dataclass(frozen=True)
class Page:
    """One input: where it came from (for messages) and what it held."""

    source: str
    thread: Thread


def thread_key(thread: Thread) -> str | None:
    """What names the thread whatever page of it was saved, or None when nothing does."""
    if thread.thread_id:
        return f"{thread.site}:{thread.thread_id}"
    if not thread.url:
        return None
    parts = urlsplit(thread.url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _PAGE_PARAMS]
    path = _PAGE_PATH.sub("", parts.path).rstrip("/")
    host = parts.netloc.lower().removeprefix("www.").removeprefix("old.")
    return f"{thread.site}:{urlunsplit(('', host, path, urlencode(query), ''))}"


def same_thread(pages: Sequence[Page]) -> list[str]:
    """Why these pages are not one thread (the sources that differ), or [] when they are.

    Pages with no identity at all (pasted text) are taken as one thread only when the site and
    title agree: a user who pastes three chunks of one thread gets one book."""
    first = pages[0]
    key = thread_key(first.thread)
    odd = []
    for page in pages[1:]:
        other = thread_key(page.thread)
        if key is not None and other is not None:
            if other != key:
                odd.append(page.source)
        elif (page.thread.site, page.thread.title) != (first.thread.site, first.thread.title):
            odd.append(page.source)
    return odd


def group_threads(pages: Sequence[Page]) -> list[list[Page]]:
    """The pages grouped by thread, groups in the order their first page was given."""
    groups: list[list[Page]] = []
    for page in pages:
        for group in groups:
            if not same_thread([group[0], page]):
                group.append(page)
                break
        else:
            groups.append([page])
    return groups


def merge_pages(pages: Sequence[Page]) -> Thread:
    """One thread from pages of it, in the thread's order, without duplicates.

    Raises ``UsageError`` when the pages are different threads (with the flags that make
    several books or an anthology instead)."""
    if not pages:
        raise ValueError("no pages to merge")
    if len(pages) == 1:
        return pages[0].thread
    odd = same_thread(pages)
    if odd:
        raise UsageError(
            f"{odd[0]}: is not the same thread as {pages[0].source}; to convert different "
            "threads use --each (one book each) or --anthology BOOK.epub (one book of all)"
        )
    ordered = sorted(pages, key=_order_key)
    head = ordered[0].thread
    merged = replace(
        head,
        comments=[],
        missing=[],
        warnings=[],
        page=None,
        page_count=max((p.thread.page_count or 0 for p in ordered), default=0) or None,
        images=dict(head.images),
        image_skips=dict(head.image_skips),
    )
    merge_images(merged, [p.thread for p in ordered if p.thread is not head])
    seen: dict[str, Comment] = {}
    if head.post is not None and head.page is not None and head.page > 1:
        # The first page given is not the thread's first: its first post opens nothing.
        merged.post = None
    elif head.post is not None:
        seen[head.post.id] = head.post
    for page in ordered:
        thread = page.thread
        roots = list(thread.comments)
        post = thread.post
        if post is not None and merged.post is not post and post.id not in seen:
            # A later page's "opening post" is just its first post (forums show the topic's
            # first post on every page in some themes; it is deduplicated by id below).
            roots.insert(0, post)
        _add_roots(merged, roots, seen)
        for stub in thread.missing:
            if stub not in merged.missing:
                merged.missing.append(stub)
        for warning in thread.warnings:
            if warning not in merged.warnings:
                merged.warnings.append(warning)
    merged.warnings.extend(_gaps(ordered))
    if _complete(ordered) and MORE_PAGES in merged.warnings:
        merged.warnings.remove(MORE_PAGES)
    return merged


def _complete(ordered: Sequence[Page]) -> bool:
    """Every page of the thread is here: pages 1 to the page count, none missing."""
    total = max((p.thread.page_count or 0 for p in ordered), default=0)
    given = {p.thread.page for p in ordered}
    return total > 1 and all(n in given for n in range(1, total + 1))


def _order_key(page: Page) -> tuple[int, int, float]:
    """Page number, else the first post's number, else its time: the thread's own order."""
    thread = page.thread
    first = thread.post or next(thread.walk(), None)
    number = first.number if first is not None and first.number is not None else 1 << 30
    moment = first.created.timestamp() if first is not None and first.created else 0.0
    return (thread.page if thread.page is not None else 1 << 30, number, moment)


def _add_roots(merged: Thread, roots: list[Comment], seen: dict[str, Comment]) -> None:
    """Add a page's comment trees. A comment already merged is skipped with its subtree's
    known parts; a subtree whose parent is already in the book (a "continue this thread"
    page) hangs under that parent instead of at the top."""
    for root in roots:
        if root.id in seen:
            _add_new_children(root, seen)
            continue
        parent = seen.get(root.parent_id) if root.parent_id else None
        if parent is not None:
            _reparent(root, parent)
            parent.children.append(root)
        else:
            merged.comments.append(root)
        for node in root.walk():
            seen.setdefault(node.id, node)


def _add_new_children(known_copy: Comment, seen: dict[str, Comment]) -> None:
    """A comment seen on an earlier page may bring replies that page did not have."""
    stack = [known_copy]
    while stack:
        node = stack.pop()
        kept = seen[node.id]
        for child in node.children:
            if child.id in seen:
                stack.append(child)
            else:
                _reparent(child, kept)
                kept.children.append(child)
                for sub in child.walk():
                    seen.setdefault(sub.id, sub)


def _reparent(root: Comment, parent: Comment) -> None:
    """Depths of a subtree moved under ``parent``."""
    shift = parent.depth + 1 - root.depth
    root.parent_id = parent.id
    if shift:
        for node in root.walk():
            node.depth += shift


def _gaps(ordered: Sequence[Page]) -> list[str]:
    """Notes for pages that lie between the given ones but were not given."""
    numbers = sorted({p.thread.page for p in ordered if p.thread.page is not None})
    notes = []
    if numbers and numbers[0] > 1:
        first = numbers[0]
        which = "page 1" if first == 2 else f"pages 1-{first - 1}"
        notes.append(
            f"{which} of the thread {_were(first - 1)} not given: the book starts at page {first}"
        )
    for before, after in itertools.pairwise(numbers):
        if after - before > 1:
            lost = range(before + 1, after)
            which = f"page {lost[0]}" if len(lost) == 1 else f"pages {lost[0]}-{lost[-1]}"
            notes.append(
                f"{which} of the thread {_were(len(lost))} not given: posts are missing there"
            )
    return notes


def _were(n: int) -> str:
    return "was" if n == 1 else "were"
