"""Discourse forums (meta.discourse.org, and every forum that runs it): topic pages as the
server sends them, and as a browser saves them after the app ran.

A topic is flat: posts in order, each may name the post it replies to. The page's embedded
JSON (``preloaded``) is the best source; the crawler view and the app's markup (``dom``) fill in
whatever the JSON lost or never had (``topic`` merges them).
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""


def score(page: SavedPage) -> float:
    """How sure we are that the page is a Discourse topic, from markers only Discourse writes.

    The class names are matched with the quote that closes them, so that a comment elsewhere
    that merely mentions Discourse counts for nothing.
    """
    if not page.is_html:
        return 0.0
    head = page.head(_SAMPLE)
    generator = 'name="generator" content="Discourse' in head or "data-discourse-setup" in head
    # A topic is a DiscussionForumPosting; one that the "solved" plugin marks, a QAPage.
    schema = "DiscussionForumPosting" in head or "schema.org/QAPage" in head
    crawler = ("crawler-post'" in head or 'crawler-post"' in head) and schema
    app = "topic-post" in head and "data-post-id=" in head and 'class="cooked' in head
    preloaded = 'id="data-preloaded"' in head and "topic_" in head
    if crawler or app or (generator and preloaded):
        return 1.0
    if preloaded and page.contains("post_stream"):
        return 0.9
    if generator:
        return 0.5  # Discourse, but no topic: parse explains what to save instead
    return 0.0


def parse(page: SavedPage) -> Thread:
    from .topic import parse_topic

    return parse_topic(page)


SITE = Site(
    key="discourse",
    name="Discourse",
    description="Discourse forum topics (server pages and pages saved from the browser)",
    score=score,
    parse=parse,
)
