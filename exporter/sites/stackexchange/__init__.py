"""Stack Exchange (Stack Overflow, Super User, Server Fault, every ``*.stackexchange.com``):
saved question pages, in the markup of every year since 2008.

A question page reads as a thread: the question is the post, each answer a top-level comment
with the comments under it as its replies (``page``, ``comments``).
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""


def score(page: SavedPage) -> float:
    """How sure we are that the page is a Stack Exchange question, from attributes only SE's
    markup writes (quoted, so that a page that merely talks about them does not count)."""
    if not page.is_html:
        return 0.0
    head = page.head(_SAMPLE)
    question = 'data-questionid="' in head or "data-questionid='" in head
    bodies = "js-post-body" in head or 'class="post-text"' in head
    if question and bodies and 'id="question"' in head:
        return 1.0
    if question and "question-hyperlink" in head:
        return 0.9
    summaries = "question-summary" in head or "s-post-summary" in head
    if summaries and ("cdn.sstatic.net" in head or "question-hyperlink" in head):
        return 0.5  # a list of questions: parse explains what to save instead
    return 0.0


def parse(page: SavedPage) -> Thread:
    from .page import parse_question

    return parse_question(page)


SITE = Site(
    key="stackexchange",
    name="Stack Exchange",
    description="Stack Overflow and Stack Exchange question pages (2008 to today)",
    score=score,
    parse=parse,
)
