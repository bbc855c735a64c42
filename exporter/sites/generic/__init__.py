"""Any other site: a careful guess for thread pages that no site module knows.

It reads what the page declares about itself (schema.org discussions in JSON-LD or
microdata) and, failing that, looks for the repeated blocks that every forum and comment
system prints, one per post, each with an author, a time and text. It is a fallback: the
registry asks it only when every known site has declined, and it refuses (rather than make a
book of menus) when it finds no such structure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Thread
from .. import MIN_SCORE, Site, all_sites

if TYPE_CHECKING:
    from .thread import Found, Refused

_FOUND_SCORE = 0.5


_last: dict[str, Found | Refused] = {}
"""The last page scored and what was found in it: detection then parsing read it once."""


def _analysed(text: str, *, keep: bool) -> Found | Refused:
    from .thread import analyse

    result = _last.pop(text, None) or analyse(text)
    _last.clear()
    if keep:  # handed out once only: the stages after parsing change the thread they get
        _last[text] = result
    return result


def score(page: SavedPage) -> float:
    """Above ``MIN_SCORE`` only when a thread was really found; 0.0 for a page a known site
    claims, so that no test or caller ever sees the guess compete with a site's own parser."""
    if not page.is_html:
        return 0.0
    for site in all_sites():
        if not site.fallback and site.score(page) > MIN_SCORE:
            return 0.0
    from .thread import Found

    return _FOUND_SCORE if isinstance(_analysed(page.text, keep=True), Found) else 0.0


def parse(page: SavedPage) -> Thread:
    if not page.is_html:
        raise NoThreadFound(
            f"{page.source}: the generic reader needs a saved HTML page, not pasted text; "
            "save the thread's own page or name its site with --site"
        )
    from .thread import Refused

    result = _analysed(page.text, keep=False)
    if isinstance(result, Refused):
        raise NoThreadFound(
            f"{page.source}: no comments found ({result.reason}); save the thread's own page "
            "(with its comments loaded) or name its site with --site"
        )
    return result.thread


SITE = Site(
    key="generic",
    name="Other sites",
    description=(
        "any other forum or comment page, guessed from its schema.org data or its repeated "
        "posts (WordPress, SMF, MyBB, Invision, …); it warns that it guessed"
    ),
    score=score,
    parse=parse,
    fallback=True,
)
