"""vBulletin (3.x, 4.x, 5.x): saved thread pages.

A thread is flat: every post is a root comment in page order, the first post of page 1 is the
thread's post. ``posts`` reads each generation's post markup, ``body`` its quotes and code.
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""


def score(page: SavedPage) -> float:
    """How sure we are that the page is a vBulletin thread.

    The software names itself (``<meta name="generator" content="vBulletin …">``, vB4's
    ``id="vbulletin_html"``, the "Powered by vBulletin" footer, ``vbulletin_`` scripts); a
    thread's posts are ``post_message_`` (vB3/4) or ``b-post`` with ``data-node-id`` (vB5).
    """
    if not page.is_html:
        return 0.0
    head = page.head(_SAMPLE)
    lower = head.lower()
    software = (
        'content="vbulletin' in lower
        or 'id="vbulletin_html"' in lower
        or "vbulletin_global.js" in lower
        or "vbulletin-core.js" in lower
        or "powered by vbulletin" in lower
    )
    posts = 'id="post_message_' in head or ('class="b-post ' in head and "data-node-id" in head)
    if software and posts:
        return 1.0
    if posts and ("showthread.php" in head or "bbcode_container" in head):
        return 0.7
    if software:
        return 0.5  # vBulletin, but a forum index or list: parse says what to save instead
    return 0.0


def parse(page: SavedPage) -> Thread:
    from .page import parse_page

    return parse_page(page)


SITE = Site(
    key="vbulletin",
    name="vBulletin",
    description="vBulletin thread pages (3.x, 4.x, 5.x)",
    score=score,
    parse=parse,
)
