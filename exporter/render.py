"""XHTML documents of the book: title page, post chapter(s), comment chapters.

Pure: strings in, bytes out. Markup is flat (every comment is a sibling ``<article>``) because
e-readers and libxml2 break on deep nesting; the tree shows through a capped indent class
``dN``, a link back to the parent, and the written level past the cap. Every text that comes
from the page goes through :func:`esc`, which also strips characters XML forbids.

A chapter document is ``head + rows + tail``, concatenated; :func:`row_bytes` and
:func:`shell_bytes` measure exactly those pieces so that the layout can keep each file under
its byte budget without guessing. Each row is rendered once: the layout measures the same
markup that the chapter then holds, with its link targets filled in (see :func:`measured_plan`).
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache, partial

from exporter.clean import strip_xml_illegal as xml_text
from exporter.layout import (
    PLACEHOLDER_FILE,
    POST_FILE,
    BookPlan,
    Chapter,
    ChapterHead,
    plan_book,
)
from exporter.model import Comment, Thread
from exporter.rows import POST_ANCHOR, Row, display_name

CSS_FILE = "style.css"
DEPTH_CAP = 5
"""Indentation classes stop at ``d5``; deeper comments say their level in words."""
_DEPTH_CLASSES = tuple(f"d{depth}" for depth in range(DEPTH_CAP + 1))

Href = Callable[[str], str]
"""Anchor -> link target (``file#anchor``)."""

_RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- text helpers -------------------------------------------------------------------------------


def esc(value: str) -> str:
    """Escape any text for XHTML content or a double-quoted attribute."""
    return html.escape(xml_text(value), quote=True)


def one_line(value: str) -> str:
    """Names and titles on one line: runs of whitespace (incl. newlines) become one space."""
    return " ".join(xml_text(value).split())


def book_title(thread: Thread) -> str:
    """The thread's title on one line, or a stand-in when nothing printable is left."""
    return one_line(thread.title) or "Untitled thread"


def utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive time (which parsers should not produce) is taken as UTC."""
    if moment.tzinfo is timezone.utc:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


_ISO = "%04d-%02d-%02dT%02d:%02d:%02dZ"
_HUMAN = "%d %s %d, %02d:%02d UTC"
_TIME = f'<time datetime="{_ISO}">{_HUMAN}</time>'


def iso(moment: datetime) -> str:
    """``2026-11-10T09:02:00Z``: what ``datetime`` attributes and OPF dates want."""
    m = utc(moment)
    return _ISO % (m.year, m.month, m.day, m.hour, m.minute, m.second)


def human_date(moment: datetime) -> str:
    """``10 Nov 2026, 09:02 UTC``: fixed English form, independent of the machine's locale."""
    m = utc(moment)
    return _HUMAN % (m.day, _MONTHS[m.month - 1], m.year, m.hour, m.minute)


@lru_cache(maxsize=8192)
def time_html(moment: datetime) -> str:
    """Both forms in one ``<time>``, formatted at once (every comment header has one).
    Cached: a busy thread repeats its times, the more so on a page that shows minutes."""
    m = utc(moment)
    day = (m.year, m.month, m.day, m.hour, m.minute, m.second)
    return _TIME % (*day, m.day, _MONTHS[m.month - 1], m.year, m.hour, m.minute)


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in _RTL_LANGUAGES


def name_html(comment: Comment) -> str:
    return _name_markup(display_name(comment))


@lru_cache(maxsize=4096)
def _name_markup(name: str) -> str:
    """Cached: a thread's few hundred names each head many comments and replies to them."""
    return f"<bdi>{esc(one_line(name))}</bdi>"


def count_words(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- documents ----------------------------------------------------------------------------------


def _doc_head(title: str, lang: str, body_class: str) -> str:
    direction = ' dir="rtl"' if is_rtl(lang) else ""
    if direction:
        body_class += " rtl"  # CSS 2.1 has no logical margins: indents flip by class
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{esc(lang)}" xml:lang="{esc(lang)}"'
        f'{direction}>\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{esc(one_line(title) or 'Untitled')}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{CSS_FILE}"/>\n</head>\n'
        f'<body class="{body_class}">\n'
    )


_DOC_TAIL = "</body>\n</html>\n"


def document(title: str, body: str, *, lang: str, body_class: str) -> bytes:
    """A complete XHTML5 document. ``body`` must hold at least one element (never empty)."""
    return (_doc_head(title, lang, body_class) + body + _DOC_TAIL).encode()


# --- comments -----------------------------------------------------------------------------------


def badges_html(comment: Comment) -> str:
    if not (comment.is_op or comment.is_moderator or comment.is_admin or comment.distinguished):
        return ""  # most comments: no badge
    words = [
        word
        for word, flag in (
            ("op", comment.is_op),
            ("mod", comment.is_moderator),
            ("admin", comment.is_admin),
            # A moderator speaking as a moderator (Lemmy's "distinguished" comment).
            ("distinguished", comment.distinguished),
        )
        if flag
    ]
    return "".join(f' <span class="badge">{w}</span>' for w in words)


def _meta(comment: Comment, parts: list[str]) -> None:
    """Score, date and edited marker, added to ``parts``: only what the page carried."""
    if comment.score is not None:
        parts.append(f'<span class="score">{count_words(comment.score, "point", "points")}</span>')
    if comment.created is not None:
        parts.append(time_html(comment.created))
    elif comment.created_text:
        parts.append(f'<span class="when">{esc(one_line(comment.created_text))}</span>')
    if isinstance(comment.edited, datetime):
        parts.append(f'<span class="edited">edited {time_html(comment.edited)}</span>')
    elif comment.edited:
        parts.append('<span class="edited">edited</span>')


def _header(row: Row, comment: Comment) -> str:
    """The header line, its link targets left open (see :func:`_target`). Written for the
    common case (a name, a link to the parent, a date): every other part is one test."""
    first = f'<span class="author">{name_html(comment)}</span>'
    if comment.is_op or comment.is_moderator or comment.is_admin or comment.distinguished:
        first += badges_html(comment)
    if comment.number is not None:
        first = f'<span class="num">#{comment.number}</span> {first}'
    mark = one_line(comment.threadmark) if comment.threadmark else ""
    if mark:
        first += f' <span class="threadmark">{esc(mark)}</span>'
    parts = [first]
    if row.parent is not None and row.parent_anchor is not None:
        parts.append(
            f'<span class="reply">↳ <a href="{_target(row.parent_anchor)}">'
            f"{name_html(row.parent)}</a></span>"
        )
    if (
        row.reply_target is not None
        or comment.reply_to
        or comment.reply_to_number is not None
        or comment.reply_to_author
    ):
        parts.append(_reply_to(row, comment))
    if row.depth >= DEPTH_CAP:
        parts.append(f'<span class="level">level {row.depth}</span>')
    _meta(comment, parts)
    if row.next_anchor is not None or row.next_thread_anchor is not None:
        jumps = [
            f'<a href="{_target(anchor)}">{word}</a>'
            for anchor, word in ((row.next_anchor, "next"), (row.next_thread_anchor, "next thread"))
            if anchor is not None
        ]
        parts.append(f'<span class="nav">{" · ".join(jumps)}</span>')
    return f'<p class="h">{" · ".join(parts)}</p>\n'


def _reply_to(row: Row, comment: Comment) -> str:
    """Flat forums: "replying to #12 alice", a link when that post is in the book. The
    post's own number and name win over what the quote said (it may have been renamed)."""
    target = row.reply_target
    number = target.number if target is not None else comment.reply_to_number
    name = display_name(target) if target is not None else one_line(comment.reply_to_author or "")
    words = [f"#{number}"] if number is not None else []
    if name:
        words.append(f"<bdi>{esc(one_line(name))}</bdi>")
    label = " ".join(words) or "another post"
    if row.reply_anchor is not None:
        label = f'<a href="{_target(row.reply_anchor)}">{label}</a>'
    return f'<span class="reply-to">replying to {label}</span>'


def _body(comment: Comment, body: str | None) -> str:
    """The placeholder for deleted/removed text, then whatever body the page still had."""
    out = ""
    if comment.removed:
        out = '<p class="gone">[removed by a moderator]</p>\n'
    elif comment.deleted:
        out = '<p class="gone">[deleted by its author]</p>\n'
    text = comment.body_html if body is None else body
    if text and not text.isspace():  # some text (unlike strip(), copies no body)
        out += f'<div class="body" dir="auto">{text}</div>\n'
    return out


def stub_text(row: Row) -> str:
    """The words of a stub note: they say *why* the replies are absent, because "not in the
    saved page" (save again after loading them) and "left out" (a filter the reader chose)
    call for different actions."""
    stub = row.stub
    if stub is not None and stub.reason == "too_deep":
        deeper = "deeper" if stub.max_depth is None else f"deeper than level {stub.max_depth}"
        if stub.count is None:
            return f"Replies {deeper} left out"
        return f"{count_words(stub.count, 'reply', 'replies')} {deeper} left out"
    if row.missing is None:
        return "More replies were not in the saved page"
    return (
        f"{count_words(row.missing, 'more reply was', 'more replies were')} not in the saved page"
    )


def _row_parts(row: Row) -> tuple[str, str]:
    """One block of a chapter (a comment ``<article>``, the post, or a stub note) in two
    parts: its start and header, with link targets left open, and the rest (subject, body,
    end), which holds the page's own markup and therefore no open target."""
    depth_class = _DEPTH_CLASSES[min(row.depth, DEPTH_CAP)]
    if row.kind == "more":
        return f'<p class="more {depth_class}" id="{row.anchor}">{stub_text(row)}</p>\n', ""
    comment = row.comment
    assert comment is not None, "a comment row carries its comment"
    cls = "post" if row.kind == "post" else f"c {depth_class}"
    if row.part > 1:
        header = f'<p class="h">{name_html(comment)} (continued)</p>\n'
        body = _body_part(row)
    else:
        header = _header(row, comment)
        body = _body(comment, row.body)
        if comment.subject and (subject := one_line(comment.subject)):
            body = f'<p class="subject">{esc(subject)}</p>\n{body}'
    return f'<article class="{cls}" id="{row.anchor}">\n{header}', f"{body}</article>\n"


def _body_part(row: Row) -> str:
    return f'<div class="body" dir="auto">{row.body or ""}</div>\n'


def _placeholder_href(anchor: str) -> str:
    """Where a link would go, with a file name of the real length: the post's anchor lives
    in the post file (a forum reply to the opening post), every other one in a comment file."""
    if anchor == POST_ANCHOR:
        return f"{POST_FILE}#{anchor}"
    return f"{PLACEHOLDER_FILE}#{anchor}"


# --- each row rendered once ---------------------------------------------------------------------
#
# The layout measures every row before it knows which file each comment lands in, and the
# chapter then holds the very same markup: a row is rendered once, with its link targets left
# open as "\x00anchor\x00", and the targets are filled in when its chapter is written. The
# marker cannot come from the page: all page text in the marked part goes through esc(), which
# strips NUL (XML forbids it); bodies are not escaped, so they stay outside the marked part.

_OPEN = "\x00"


def _target(anchor: str) -> str:
    """A link target left open, filled in by :func:`_filled`."""
    return f"{_OPEN}{anchor}{_OPEN}"


_LINK_BYTES = len(PLACEHOLDER_FILE) + len("#") - 2 * len(_OPEN)
"""Bytes an open target gains when filled in: ``\\0anchor\\0`` becomes
``comments-0001.xhtml#anchor``, and all comment files have names of the same length."""
_OPEN_BYTE = _OPEN.encode()
_POST_TARGET = _target(POST_ANCHOR).encode()
"""A forum reply to the opening post links into the post file, whose name is shorter."""

_Block = tuple[bytes, bytes, int]
"""A row rendered and encoded once: its start and header (link targets left open), the rest
(subject, body, end: no link to fill in), and its exact size in the book."""


def _block(row: Row) -> _Block:
    text, body = _row_parts(row)
    start, rest = text.encode(), body.encode()
    size = len(start) + len(rest)
    if _OPEN_BYTE in start:
        size += start.count(_OPEN_BYTE) // 2 * _LINK_BYTES
        size += start.count(_POST_TARGET) * (len(POST_FILE) - len(PLACEHOLDER_FILE))
    return start, rest, size


class _Blocks(dict[Row, _Block]):
    """Each row's block for one plan: rendered when the layout first measures the row, and
    reused when its chapter is written (rows compare by identity, see ``Row``)."""

    def __missing__(self, row: Row) -> _Block:
        block = self[row] = _block(row)
        return block

    def size(self, row: Row) -> int:
        return self[row][2]


_PLAN_BLOCKS: weakref.WeakKeyDictionary[BookPlan, _Blocks] = weakref.WeakKeyDictionary()
"""The rows' blocks of each plan made by :func:`measured_plan`, for as long as it lives."""


def _filled(start: bytes, href: Href) -> bytes:
    """The markup with its links filled in. A target is the book's own file name and an XML
    id (``rows.assign_anchors``): ASCII, and nothing in it needs escaping."""
    pieces = start.split(_OPEN_BYTE)
    pieces[1::2] = [href(anchor.decode()).encode() for anchor in pieces[1::2]]
    return b"".join(pieces)


def row_bytes(row: Row) -> int:
    """Exact size of a row in the book, whichever chapter file it lands in."""
    return _block(row)[2]


# --- chapters -----------------------------------------------------------------------------------


def _chapter_top(head: ChapterHead, href: Href) -> str:
    heading = one_line(head.heading or "") or one_line(head.title)
    out = f'<h1 class="chapter">{esc(heading)}</h1>\n'
    root = head.continues
    if root is not None and root.comment is not None:
        out += (
            f'<p class="continued">Continued from <a href="{esc(href(root.anchor))}">the '
            f"comment by {name_html(root.comment)}</a>.</p>\n"
        )
    return out


def _shell(head: ChapterHead, lang: str, href: Href) -> tuple[str, str]:
    return _doc_head(head.title, lang, "comments") + _chapter_top(head, href), _DOC_TAIL


def shell_bytes(head: ChapterHead, *, lang: str) -> int:
    """Exact size of a chapter document without rows (see :func:`row_bytes`)."""
    top, tail = _shell(head, lang, _placeholder_href)
    return len(top.encode()) + len(tail.encode())


def chapter_document(chapter: Chapter, plan: BookPlan, *, lang: str) -> bytes:
    """A post or comment chapter as it goes into the book, from the rows' blocks that
    measuring the plan rendered."""
    blocks = _PLAN_BLOCKS.get(plan)
    if blocks is None:  # a plan the layout made with other measures (tests)
        blocks = _Blocks()
    href = plan.href
    top, tail = _shell(chapter.head, lang, href)
    out = [top.encode()]
    for row in chapter.rows:
        start, rest, _ = blocks[row]
        out += (_filled(start, href) if _OPEN_BYTE in start else start, rest)
    out.append(tail.encode())
    return b"".join(out)


def measured_plan(
    thread: Thread, *, lang: str, max_chapter_bytes: int = 250_000, nav: bool = False
) -> BookPlan:
    """The layout plan measured with this renderer's real sizes; the rows it renders to
    measure them are kept for :func:`chapter_document`."""
    blocks = _Blocks()
    plan = plan_book(
        thread,
        row_bytes=blocks.size,
        shell_bytes=partial(shell_bytes, lang=lang),
        max_chapter_bytes=max_chapter_bytes,
        nav=nav,
    )
    _PLAN_BLOCKS[plan] = blocks
    return plan
