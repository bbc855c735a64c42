"""The site registry: every site module says how sure it is that a page is its own.

Like yt-dlp's extractors, each package under ``exporter.sites`` knows one site's markup and
exports a ``SITE`` from its ``__init__``. The rest of the program never names a site: it asks the
registry to ``detect`` the best parser, or takes the user's ``--site``.

A package's ``__init__`` holds only what detection needs (``score``: substring tests on the
text) and imports its parser modules inside ``parse``: detection imports every site, so the
parsers, BeautifulSoup and the sanitiser load only for the site that was chosen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..errors import NoThreadFound
from ..limits import check_nesting
from ..load import SavedPage
from ..model import Thread

# Every site module, in the order ties are broken. Add a new site here.
SITE_MODULES = (
    "lemmy",
    "reddit",
    "hackernews",
    "xenforo",
    "phpbb",
    "vbulletin",
    "discourse",
    "stackexchange",
    "generic",
)
# One wording for every site whose pasted text cannot say who replied to whom.
NO_REPLY_STRUCTURE = (
    "The pasted text carries no reply structure: comments are listed in page order."
)
# Below this a page is not taken as the site's, however it compares with the others.
MIN_SCORE = 0.3


@dataclass(frozen=True)
class Site:
    key: str
    """What ``--site`` takes and ``Thread.site`` holds."""
    name: str
    """How users call it ("Lemmy")."""
    description: str
    """One line for ``--help``: which pages and pastes it reads."""
    score: Callable[[SavedPage], float]
    """0.0-1.0: how sure the module is that the page is its own. Must be cheap, and import
    nothing heavy (see the module's docstring); reads an HTML page through
    ``SavedPage.contains`` and ``SavedPage.head``, never ``text``: a big page is held as UTF-8
    and ``text`` would decode all of it (four bytes a character once it holds an emoji)."""
    parse: Callable[[SavedPage], Thread]
    """The page as a ``Thread``; raises ``NoThreadFound`` when there is none in it."""
    reads_tree: bool = False
    """The parser walks the page's lxml tree (``exporter.page_tree.page_tree``), the one the
    nesting check parsed; for the others it is let go before they parse (memory)."""
    streams: Callable[[SavedPage], bool] = lambda page: False
    """Whether the parser reads this page as a stream (``exporter.page_stream``), which checks
    the nesting limit as it reads: no whole tree is built for the check before it."""
    fallback: bool = False
    """A guesser for pages no site module knows (the generic parser): asked only when every
    other site scored the page below ``MIN_SCORE``, so it can never take a known site's page."""


@cache
def all_sites() -> tuple[Site, ...]:
    sites = []
    for module_name in SITE_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        site = module.SITE
        assert isinstance(site, Site)
        sites.append(site)
    return tuple(sites)


def site_keys() -> tuple[str, ...]:
    return SITE_MODULES


def get_site(key: str) -> Site:
    for site in all_sites():
        if site.key == key:
            return site
    raise KeyError(key)


def detect(page: SavedPage) -> Site | None:
    """The site whose module is most sure of the page, or None when none is sure enough.

    Ties go to the site first in ``SITE_MODULES``, so the first site sure of the page (1.0)
    wins outright: the sites after it are not asked (each search of a big page costs)."""
    best: Site | None = None
    best_score = MIN_SCORE
    for site in all_sites():
        if site.fallback:
            continue
        score = site.score(page)
        if score > best_score:
            best, best_score = site, score
            if score >= 1.0:
                break
    if best is not None:
        return best
    for site in all_sites():
        if site.fallback and site.score(page) > MIN_SCORE:
            return site
    return None


def parse_page(page: SavedPage, site_key: str | None = None) -> Thread:
    """Parse with the named site, or with the one ``detect`` picks; a saved page nested deeper
    than ``page.nesting_limit`` is refused (``LimitError``) before any parser reads it, or as
    a streaming one reads it."""
    site = get_site(site_key) if site_key else detect(page)
    if page.is_html and not (site is not None and site.streams(page)):
        check_nesting(page, page.nesting_limit)
    if site is None:
        names = ", ".join(s.name for s in all_sites())
        kind = "saved page" if page.is_html else "text"
        raise NoThreadFound(
            f"{page.source}: no thread recognised in this {kind} (supported: {names}); "
            "if it is one of these, name it with --site"
        )
    if not site.reads_tree:
        page.release_trees()
    try:
        thread = site.parse(page)
    finally:
        page.release_trees()
    # Where the page came from and when it was saved, as the loader read it, unless the
    # parser found better in the page itself.
    thread.url = thread.url or page.url
    thread.saved_at = thread.saved_at or page.saved_at
    return thread
