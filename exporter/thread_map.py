"""The "Thread map": one line per top-level comment, each a link, after the table of contents.

An e-reader has no scroll bar and no collapse button; the map is how a reader sees at a glance
which threads are long, deep or by whom, and jumps there. The TOC lists the same comments but
stays two levels deep and, for thousands of comments, drops them; the map never does: it is
split into as many files as the chapter byte budget needs.

A map is only made for two or more top-level comments: a map of one line says nothing the
first page does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from exporter import render
from exporter.layout import BookPlan, TocEntry, TopComment
from exporter.model import Comment
from exporter.rows import display_name

MIN_TOP_LEVEL = 2
"""Fewer top-level comments than this: no map."""
TITLE = "Thread map"
_NAME_CHARS = 80
"""A name longer than this is cut on the map (the comment's header still shows all of it)."""


@dataclass(frozen=True)
class MapFile:
    file_name: str
    item_id: str
    title: str
    content: bytes


def _file_name(part: int) -> str:
    return "map.xhtml" if part == 1 else f"map-{part}.xhtml"


def _name(comment: Comment) -> str:
    return _name_markup(display_name(comment))


@lru_cache(maxsize=4096)
def _name_markup(name: str) -> str:
    """Cached: the same people start many threads."""
    name = render.one_line(name)
    if len(name) > _NAME_CHARS:
        name = name[: _NAME_CHARS - 1].rstrip() + "…"
    return f"<bdi>{render.esc(name)}</bdi>"


def _counts(top: TopComment) -> str:
    if not top.replies:
        return "no replies"
    levels = "1 level" if top.deepest == 1 else f"{top.deepest} levels"
    return f"{top.replies} {'reply' if top.replies == 1 else 'replies'}, {levels} deep"


def map_line(index: int, top: TopComment, plan: BookPlan, *, flat: bool) -> str:
    """One line: "3. alice — How it starts… (12 replies, 4 levels deep)". A flat forum
    thread shows the post's own "#12" and no reply counts (every line would say none)."""
    comment = top.comment
    number = f"#{comment.number}" if flat and comment.number is not None else f"{index}."
    counts = "" if flat else f' <span class="tm-n">({_counts(top)})</span>'
    return (
        # A link target is a file name and an XML id: nothing in it needs escaping.
        f'<p class="tm"><a href="{plan.href(top.row.anchor)}">{number} '
        f"{_name(comment)}</a> {render.esc(render.one_line(top.words))}{counts}</p>\n"
    )


def _heading(part: int) -> tuple[str, str]:
    if part == 1:
        intro = (
            '<p class="tm-intro">Every top-level comment: who wrote it, how it starts, and how '
            "many replies it drew.</p>\n"
        )
        return TITLE, f'<h1 class="chapter">{TITLE}</h1>\n{intro}'
    title = f"{TITLE} (continued, part {part})"
    return title, f'<h1 class="chapter">{render.esc(title)}</h1>\n'


def thread_map(plan: BookPlan, *, lang: str) -> list[MapFile]:
    """The map's documents, each within ``plan.max_chapter_bytes``; empty when the thread
    has fewer than ``MIN_TOP_LEVEL`` top-level comments."""
    tops = plan.top_comments
    if len(tops) < MIN_TOP_LEVEL:
        return []
    flat = all(not top.comment.children for top in tops)
    lines = [map_line(n, top, plan, flat=flat) for n, top in enumerate(tops, start=1)]
    sizes = [len(line.encode()) for line in lines]
    files: list[MapFile] = []
    part, start = 1, 0
    while start < len(lines):
        title, heading = _heading(part)
        room = plan.max_chapter_bytes - len(
            render.document(title, heading, lang=lang, body_class="front map")
        )
        end, used = start, 0
        while end < len(lines) and (end == start or used + sizes[end] <= room):
            used += sizes[end]
            end += 1
        body = heading + "".join(lines[start:end])
        content = render.document(title, body, lang=lang, body_class="front map")
        item_id = "thread-map" if part == 1 else f"thread-map-{part}"
        files.append(MapFile(_file_name(part), item_id, title, content))
        part, start = part + 1, end
    return files


def toc_entry(files: list[MapFile]) -> TocEntry:
    """One TOC line for the whole map: the TOC stays two levels, and the map is itself one."""
    return TocEntry(TITLE, files[0].file_name, "toc-thread-map")
