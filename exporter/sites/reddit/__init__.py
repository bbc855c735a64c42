"""Reddit, in every design its users save: old.reddit.com, the 2018-2023 React design, and
shreddit (2023 onwards), plus threads pasted as text.

Each design is its own module with a ``parse(page)``. How sure we are that a page is in a
design is told here, by substring tests alone, so that detection imports none of the design
modules (the React and shreddit readers bring BeautifulSoup) and ``parse`` imports only the
surest one's. The rarest marker is looked for first: on another site's big page, each test
searches all of it in vain.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Thread
from .. import Site


def old_score(page: SavedPage) -> float:
    """How sure we are that ``page`` is an old-design Reddit thread."""
    if not page.is_html:
        return 0.0
    has = page.contains
    has_listing = has("sitetable nestedlisting") or has('id="siteTable_t3_')
    if not has_listing and not has('data-type="link"'):
        return 0.0  # neither a comment listing nor a post: none of the tests below can pass
    # Reddit writes class=" thing id-t1_…"; SingleFile may drop the leading space.
    has_things = has("thing id-t1_") or has("thing id-t3_") or has('data-type="comment"')
    if has_listing and (has_things or has("commentarea")):
        return 1.0 if _names_reddit(page) else 0.9
    if has_things and has('data-type="link"') and _names_reddit(page):
        # A post page whose comment area was not saved (or a listing page).
        return 0.6
    return 0.0


def _names_reddit(page: SavedPage) -> bool:
    """Asked last: on another site's page each test searches the whole page in vain."""
    has = page.contains
    return has("redditstatic.com") or has("reddit.com/r/") or has('data-subreddit="')


def react_score(page: SavedPage) -> float:
    """The comment body's test id beside ``t1_`` ids and Reddit's own names. Neither old
    Reddit nor shreddit writes ``data-testid="comment"``."""
    if not page.is_html:
        return 0.0
    has = page.contains
    if not has("data-test"):  # in every marker below: one search, not three, on other pages
        return 0.0
    body_marker = has('data-testid="comment"') or has('data-test-id="comment"')
    post_marker = has('data-test-id="post-content"')
    if body_marker and has('id="t1_') and (post_marker or _names_reddit(page)):
        return 0.95
    if post_marker and has('data-click-id="'):
        return 0.6  # a thread page saved before its comments loaded
    return 0.0


def shreddit_score(page: SavedPage) -> float:
    """shreddit's own element names, which no other design writes."""
    if not page.is_html:
        return 0.0
    has = page.contains
    if not has("<shreddit-"):  # one search, not two, on other pages
        return 0.0
    has_comment, has_post = has("<shreddit-comment "), has("<shreddit-post ")
    if has_post:
        return 1.0 if has_comment else 0.8  # 0.8: saved before its comments loaded
    return 0.7 if has_comment else 0.0


def paste_score(page: SavedPage) -> float:
    """A thread pasted as text (the paste module reads its lines; a page is never one)."""
    if page.is_html:
        return 0.0
    from .paste import score

    return score(page)


_DESIGNS: tuple[tuple[str, Callable[[SavedPage], float]], ...] = (
    ("old", old_score),
    ("react", react_score),
    ("shreddit", shreddit_score),
    ("paste", paste_score),
)
"""Each design's module and its score, in the order ties are broken."""


def _surest(page: SavedPage) -> tuple[float, str]:
    """The best score and its design (the first of equals); one sure (1.0) ends the search."""
    best_score, best = -1.0, ""
    for name, design_score in _DESIGNS:
        sure = design_score(page)
        if sure > best_score:
            best_score, best = sure, name
            if sure >= 1.0:
                break
    return best_score, best


def score(page: SavedPage) -> float:
    return _surest(page)[0]


def streams(page: SavedPage) -> bool:
    """Whether ``parse`` reads ``page`` as a stream: old Reddit's reader does
    (``exporter.page_stream``); the other designs read a whole tree."""
    if not page.is_html:
        return False
    best_score, best = _surest(page)
    return best_score > 0 and best == "old"


def parse(page: SavedPage) -> Thread:
    best_score, best = _surest(page)
    if best_score <= 0:
        raise NoThreadFound(
            f"{page.source}: no Reddit thread found; save the thread's own page "
            "(…/comments/ID/…) after its comments have loaded"
        )
    design = importlib.import_module(f"{__name__}.{best}")
    thread: Thread = design.parse(page)
    return thread


SITE = Site(
    key="reddit",
    name="Reddit",
    description="Reddit threads: old.reddit.com, the 2018-2023 design, shreddit, pasted text",
    score=score,
    parse=parse,
    streams=streams,
)
