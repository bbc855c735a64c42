"""Lemmy (lemmy-ui 0.19): saved pages, with or without scripts, and threads pasted as text.

Three ways in, most complete first: the ``window.isoData`` API data embedded in the page, the
page's markup alone (SingleFile strips scripts), and text copied from the browser.
"""

from __future__ import annotations

from ...load import SavedPage
from ...model import Thread
from .. import Site


def score(page: SavedPage) -> float:
    if not page.is_html:
        from .paste import score_text

        return score_text(page.text)
    if "window.isoData" in page.head(500_000) and page.contains('"post_view"'):
        return 1.0
    # lemmy-ui's own class names, together: a comment node or a post beside a person listing
    # (looked for first: on another site's big page each test searches all of it).
    if not page.contains("person-listing"):
        return 0.0
    if page.contains("comment-node"):
        return 0.9
    if page.contains("post-listing"):
        return 0.6
    return 0.0


def parse(page: SavedPage) -> Thread:
    if not page.is_html:
        from .paste import parse_text

        return parse_text(page.text)
    from .page import parse_page

    return parse_page(page)


SITE = Site(
    key="lemmy",
    name="Lemmy",
    description="Lemmy posts (lemmy-ui 0.19): saved pages with or without scripts, pasted text",
    score=score,
    parse=parse,
    streams=lambda page: page.is_html,
)
