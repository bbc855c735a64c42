"""phpBB (3.0 to 3.3, prosilver and the styles built on it): saved topic pages.

A topic is flat: every post is a root comment in page order, the first post of page 1 is the
thread's post. See ``page`` for where each fact sits, ``body`` for quotes and code boxes.
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""


def score(page: SavedPage) -> float:
    """How sure we are that the page is a phpBB topic, from markup only phpBB writes together.

    ``<body id="phpbb"`` and the "phpBB" copyright mark the software; ``div.post`` with
    ``p.author`` and ``postprofile`` mark a topic. A page that only links to a
    ``viewtopic.php`` has neither.
    """
    if not page.is_html:
        return 0.0
    head = page.head(_SAMPLE)
    lower = head.lower()
    software = 'id="phpbb"' in lower or "phpbb group" in lower or "phpbb limited" in lower
    software = software or ('href="https://www.phpbb.com/' in lower and "viewtopic.php" in lower)
    posts = 'class="postprofile"' in head and 'class="author"' in head and 'class="post ' in head
    if software and posts:
        return 1.0
    if posts and "viewtopic.php?" in head:
        return 0.8  # a restyled board that dropped the phpBB marks
    if software and "section-" in lower:
        return 0.5  # phpBB, but an index or forum list: parse says what to save instead
    return 0.0


def parse(page: SavedPage) -> Thread:
    from .page import parse_page

    return parse_page(page)


SITE = Site(
    key="phpbb",
    name="phpBB",
    description="phpBB topic pages (3.0 to 3.3, prosilver-based styles)",
    score=score,
    parse=parse,
)
