"""Hacker News (news.ycombinator.com): saved item pages in every markup since 2015, and item
pages pasted as text.

The page is read from its markup (``page``): HN embeds no data. A paste (``paste``) has lost
the indentation, which HN draws with a spacer image, so its comments come back flat.
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""


def score(page: SavedPage) -> float:
    """How sure we are that the page is HN's, from class names only HN's markup uses together.

    A Reddit or Lemmy page that merely links to news.ycombinator.com has none of them; the
    class names are matched with the quote before them, so words like "breathing" do not count.
    """
    if not page.is_html:
        from .paste import score_text

        return score_text(page.text)
    head = page.head(_SAMPLE)
    comment_rows = "athing comtr" in head and ("hnuser" in head or "comhead" in head)
    story_row = ('class="athing' in head or "class='athing" in head) and "subtext" in head
    if comment_rows:
        return 1.0
    if story_row and "fatitem" in head:
        return 0.9  # an item page whose story has no comments yet
    if story_row and ("hnmain" in head or "news.ycombinator.com" in head):
        return 0.5  # HN, but a list of stories: parse explains what to save instead
    return 0.0


def parse(page: SavedPage) -> Thread:
    if not page.is_html:
        from .paste import parse_text

        return parse_text(page.text)
    from .page import parse_page

    return parse_page(page)


SITE = Site(
    key="hackernews",
    name="Hacker News",
    description="Hacker News item pages (news.ycombinator.com, 2015 to today), pasted text",
    score=score,
    parse=parse,
    streams=lambda page: page.is_html,
)
