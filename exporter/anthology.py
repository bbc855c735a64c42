"""Several threads in one book (``--anthology BOOK.epub``): one part per thread.

Each part is built exactly as a book of its own would be (``epub.build_book``) and then moved
into a folder of the anthology (``EPUB/part-001/…``) with its own copy of the style sheet and
pictures. Every link inside a part is relative to its folder, so nothing in a part's documents
changes: they keep the byte budgets they were measured to, and a part reads exactly like the
single book. The anthology adds a cover, a title page listing the parts, and a table of
contents of two levels: the part, then its post and top-level comments.
"""

from __future__ import annotations

import html
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ebooklib import epub as ebook

from exporter import cover as covers
from exporter import render
from exporter.book_meta import BookMeta
from exporter.epub import (
    ACCESSIBILITY,
    book_identifier,
    book_language,
    build_book,
    cover_items,
    series_meta,
)
from exporter.layout import NAV_FILE, TITLE_FILE
from exporter.model import Thread
from exporter.package import Built, document, write_built

_NAV_BUDGET_SHARE = 1.0
"""The nav document may take as many bytes as one chapter; past that, parts list chapters."""


@dataclass(frozen=True)
class Part:
    """One thread of the anthology, with the lines its title page gives (what was left out)."""

    thread: Thread
    left_out: Sequence[str] = ()


def part_folder(index: int) -> str:
    return f"part-{index:03d}/"


def build_anthology(
    parts: Sequence[Part],
    *,
    title: str,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    meta: BookMeta | None = None,
    nav: bool = False,
    thread_map: bool = True,
) -> Built:
    """The anthology as an ebooklib book, in a fixed item order (deterministic)."""
    if not parts:
        raise ValueError("an anthology needs at least one thread")
    meta = meta or BookMeta()
    lang = book_language(parts[0].thread.language, language or meta.language)
    whole = _whole(parts, render.one_line(meta.title or title) or "Threads")
    book = ebook.EpubBook()
    _metadata(book, whole, parts, lang, meta)
    if render.is_rtl(lang):
        book.set_direction("rtl")
    covering = cover_items(book, whole, cover, lang)
    style = ebook.EpubItem(
        uid="style",
        file_name=render.CSS_FILE,
        media_type="text/css",
        content=_style_sheet(),
    )
    front = document("title-page", TITLE_FILE, "Title page", _title_page(whole, parts, lang), lang)
    nav_doc = ebook.EpubNav(uid="nav", file_name=NAV_FILE, title="Contents")
    nav_doc.add_link(href=render.CSS_FILE, rel="stylesheet", type="text/css")
    for item in (style, *covering, front, nav_doc, ebook.EpubNcx()):
        book.add_item(item)
    spine: list[Any] = [*covering[1:], front, nav_doc]
    toc: list[Any] = [ebook.Link(TITLE_FILE, "Title page", "toc-title")]
    oversized: set[str] = set()
    latest = None
    for number, part in enumerate(parts, start=1):
        built = build_book(
            part.thread,
            # Each part in its own language (a thread's documents say theirs); the reader's
            # --language, when given, is for every part.
            language=language or meta.language,
            max_chapter_bytes=max_chapter_bytes,
            cover=None,
            left_out=part.left_out,
            meta=BookMeta(),
            nav=nav,
            thread_map=thread_map,
        )
        folder = part_folder(number)
        items = _rehome(built.book, folder, f"p{number:03d}-")
        for item in items:
            book.add_item(item)
        spine += [item for item in built.book.spine if not isinstance(item, ebook.EpubNav)]
        toc.append(_part_toc(built.book.toc, folder, part.thread, number, max_chapter_bytes))
        oversized |= {name.replace("EPUB/", f"EPUB/{folder}", 1) for name in built.oversized}
        latest = built.when if latest is None else max(latest, built.when)
    book.toc = toc
    book.spine = spine
    cover_guide = [{"href": covers.PAGE_FILE, "title": "Cover", "type": "cover"}]
    book.guide = [
        *(cover_guide if covering else []),
        {"href": TITLE_FILE, "title": "Title page", "type": "title-page"},
        {"href": NAV_FILE, "title": "Contents", "type": "toc"},
    ]
    assert latest is not None
    return Built(book, lang, latest, max_chapter_bytes, frozenset(oversized))


def _style_sheet() -> bytes:
    from importlib import resources

    return resources.files("exporter").joinpath("assets/style.css").read_bytes()


def _whole(parts: Sequence[Part], title: str) -> Thread:
    """A thread standing for the whole anthology: what the cover and metadata show. Its
    comments are the parts' top-level comments (shared, never changed), so counts add up."""
    sites = sorted({p.thread.site_name or p.thread.site for p in parts})
    return Thread(
        title=title,
        site="anthology",
        site_name=", ".join(sites) if len(sites) <= 3 else f"{len(sites)} sites",
        community=_plural(len(parts), "thread", "threads"),
        comments=[c for p in parts for c in p.thread.comments],
    )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _metadata(
    book: ebook.EpubBook, whole: Thread, parts: Sequence[Part], lang: str, meta: BookMeta
) -> None:
    """Like a single book's, for the set: the identifier comes from every part's, so the
    same threads in the same order are the same anthology."""
    names = "\n".join(book_identifier(p.thread) for p in parts)
    book.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'anthology:' + names)}")
    book.set_title(whole.title)
    book.set_language(lang)
    ops = sorted({render.one_line(_op(p.thread)) for p in parts} - {""})
    default = ops[0] if len(ops) == 1 else "Various authors"
    book.add_author(render.one_line(meta.author or "") or default)
    if whole.site_name:
        book.add_metadata("DC", "publisher", whole.site_name)
    communities = {render.one_line(p.thread.community or "") for p in parts} - {""}
    tags = list(dict.fromkeys([*sorted(communities), *meta.clean_tags()]))
    for tag in tags:
        if render.one_line(tag):
            book.add_metadata("DC", "subject", render.one_line(tag))
    series_meta(book, meta)
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})


def _op(thread: Thread) -> str:
    post = thread.post
    return (post.author or post.author_id or "") if post else ""


def _rehome(part: ebook.EpubBook, folder: str, prefix: str) -> list[Any]:
    """The part's items moved into ``folder`` with ids unique in the anthology. Its nav and
    NCX are dropped (the anthology has one of each); everything else keeps its bytes."""
    moved = []
    for item in part.get_items():
        if isinstance(item, (ebook.EpubNav, ebook.EpubNcx)):
            continue
        item.file_name = folder + item.file_name
        item.id = prefix + item.id
        moved.append(item)
    return moved


def _links(entries: Sequence[Any], folder: str, prefix: str) -> list[ebook.Link]:
    """Top-level comment links of a part's table of contents; a chapter stands for its
    comments when the part's own contents had to leave them out."""
    out = []
    for entry in entries:
        if isinstance(entry, tuple):
            section, kids = entry
            out += [ebook.Link(folder + k.href, k.title, prefix + k.uid) for k in kids]
            if not kids:
                out.append(ebook.Link(folder + section.href, section.title, prefix + "chapter"))
        elif entry.href != TITLE_FILE:
            out.append(ebook.Link(folder + entry.href, entry.title, prefix + entry.uid))
    return out


def _part_toc(
    entries: Sequence[Any], folder: str, thread: Thread, number: int, budget: int
) -> tuple[ebook.Section, list[ebook.Link]]:
    prefix = f"p{number:03d}-"
    kids = _links(entries, folder, prefix)
    if sum(len(k.title.encode()) + 120 for k in kids) > budget * _NAV_BUDGET_SHARE:
        kids = [k for k in kids if "#" not in k.href]  # the chapters alone
    label = render.one_line(render.book_title(thread)) or f"Thread {number}"
    return ebook.Section(label, folder + TITLE_FILE), _unique(kids)


def _unique(links: list[ebook.Link]) -> list[ebook.Link]:
    seen: set[str] = set()
    out = []
    for link in links:
        if link.uid in seen:
            link = ebook.Link(link.href, link.title, f"{link.uid}-{len(seen)}")
        seen.add(link.uid)
        out.append(link)
    return out


def _title_page(whole: Thread, parts: Sequence[Part], lang: str) -> bytes:
    """The anthology's own title page: its title, then each thread with its site and size,
    linked to the thread's own title page."""
    total = sum(p.thread.comment_count() for p in parts)
    items = []
    for number, part in enumerate(parts, start=1):
        thread = part.thread
        where = " · ".join(x for x in (thread.site_name, thread.community) if x)
        count = _plural(thread.comment_count(), "comment", "comments")
        items.append(
            f'<li><a href="{part_folder(number)}{TITLE_FILE}">'
            f"{html.escape(render.book_title(thread))}</a>"
            f'<br/><span class="where">{html.escape(where + " · " if where else "")}{count}</span>'
            "</li>"
        )
    body = (
        f'<h1 class="title">{html.escape(whole.title)}</h1>\n'
        f'<p class="count">{_plural(len(parts), "thread", "threads")}, '
        f"{_plural(total, 'comment', 'comments')}</p>\n"
        f'<ol class="parts">\n{"".join(items)}\n</ol>\n'
    )
    return render.document(whole.title, body, lang=lang, body_class="front")


def anthology_title(parts: Sequence[Part], given: str | None, book_name: str) -> str:
    """``--title``, else the book's file name (the reader chose it), else the first thread's."""
    for candidate in (given, book_name):
        if candidate and render.one_line(candidate):
            return render.one_line(candidate)
    return render.book_title(parts[0].thread)


__all__ = ["Part", "anthology_title", "build_anthology", "part_folder", "write_anthology"]


def write_anthology(
    parts: Sequence[Part | Thread],
    path: str | os.PathLike[str],
    *,
    title: str,
    language: str | None = None,
    cover: covers.CoverChoice = covers.GENERATED,
    meta: BookMeta | None = None,
    nav: bool = False,
    thread_map: bool = True,
) -> None:
    """Write the threads as one book at ``path``, complete or not at all (as ``write_epub``)."""
    given = [p if isinstance(p, Part) else Part(p) for p in parts]
    built = build_anthology(
        given,
        title=title,
        language=language,
        cover=cover,
        meta=meta,
        nav=nav,
        thread_map=thread_map,
    )
    write_built(built, path)
