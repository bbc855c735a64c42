"""The title page: what a reader wants to know before starting a thread.

Title, where and who, and the numbers: how many comments by how many people, over what time,
how deep the replies go, what the saved page lacked and what the reader's own choices (and the
pictures stage) left out. Parser warnings stay out: they are for the person converting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exporter.images import left_out_lines
from exporter.model import Comment, Thread
from exporter.render import (
    badges_html,
    book_title,
    count_words,
    document,
    esc,
    name_html,
    one_line,
    time_html,
    utc,
)
from exporter.rows import subtree_stats


def _participants(everyone: Sequence[Comment]) -> int:
    people = {(c.author_id or c.author or "").strip() for c in everyone}
    people.discard("")
    return len(people)


def _span(everyone: Sequence[Comment]) -> str | None:
    """First and last comment dates (the post counts as the first): how long it ran."""
    times = [utc(c.created) for c in everyone if c.created is not None]
    if len(times) < 2:
        return None
    first, last = min(times), max(times)
    if first == last:
        return None
    return f"From {time_html(first)} to {time_html(last)}"


def _deepest(thread: Thread) -> int:
    return max((subtree_stats(root)[1] for root in thread.comments), default=0)


def _stats(thread: Thread) -> list[str]:
    """The numbers a reader wants before starting: how many, by how many people, over what
    time, how deep, and what the saved page itself lacked (a filter's omissions are the
    ``left_out`` lines)."""
    comments = list(thread.walk())
    everyone = [thread.post, *comments] if thread.post else comments
    people = count_words(_participants(everyone), "participant", "participants")
    out = [f"{count_words(len(comments), 'comment', 'comments')} by {people}"]
    span = _span(everyone)
    if span:
        out.append(span)
    deepest = _deepest(thread)
    if deepest:
        out.append(f"Replies go {count_words(deepest, 'level', 'levels')} deep")
    stubs = [s for s in thread.missing if s.reason == "not_in_page"]
    missing = sum(s.count or 0 for s in stubs)
    if missing:
        out.append(f"{count_words(missing, 'reply', 'replies')} not in the saved page")
    elif stubs:
        out.append("Some replies were not in the saved page")
    return out


def _link(url: str) -> str:
    """A link only for web addresses; anything else (``javascript:``...) stays plain text."""
    if re.match(r"(?i)https?://", url):
        return f'<a href="{esc(url)}">{esc(url)}</a>'
    return esc(url)


def title_page_body(thread: Thread, left_out: Sequence[str] = ()) -> str:
    """Title, where, who and when, how many, what the reader's choices left out, and where
    from. Parser warnings stay out."""
    lines = [f'<h1 class="title">{esc(book_title(thread))}</h1>']
    where = [one_line(x) for x in (thread.community, thread.site_name) if x]
    if where:
        lines.append(f'<p class="where">{" · ".join(esc(w) for w in where if w)}</p>')
    post = thread.post
    if post is not None:
        when = f" on {time_html(post.created)}" if post.created else ""
        lines.append(f'<p class="by">Posted by {name_html(post)}{badges_html(post)}{when}</p>')
    lines += [f'<p class="stats">{line}</p>' for line in _stats(thread)]
    # What the reader's options left out (the shape report, images...), one line each.
    for note in (*left_out, *left_out_lines(thread)):  # the reader's choices, then pictures
        lines.append(f'<p class="left-out">{esc(one_line(note))}</p>')
    if thread.url:
        lines.append(f'<p class="source">Source: {_link(thread.url)}</p>')
    if thread.saved_at is not None:
        lines.append(f'<p class="saved">Saved {time_html(thread.saved_at)}</p>')
    return '<section class="titlepage">\n' + "\n".join(lines) + "\n</section>\n"


def title_page(thread: Thread, *, lang: str, left_out: Sequence[str] = ()) -> bytes:
    return document(
        book_title(thread),
        title_page_body(thread, left_out),
        lang=lang,
        body_class="front",
    )
