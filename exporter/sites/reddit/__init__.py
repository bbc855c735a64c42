"""Reddit, in every design its users save: old.reddit.com, the 2018-2023 React design, and
shreddit (2023 onwards), plus threads pasted as text.

Each design is its own module with the same two functions, ``score(page)`` and
``parse(page)``; this package asks each how sure it is and lets the surest one parse.
"""

from __future__ import annotations

from typing import Protocol

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Thread
from .. import Site
from . import old, paste, react, shreddit


class _Design(Protocol):
    def score(self, page: SavedPage) -> float: ...
    def parse(self, page: SavedPage) -> Thread: ...


_DESIGNS: tuple[_Design, ...] = (old, react, shreddit, paste)


def score(page: SavedPage) -> float:
    return max(design.score(page) for design in _DESIGNS)


def parse(page: SavedPage) -> Thread:
    best = max(_DESIGNS, key=lambda design: design.score(page))
    if best.score(page) <= 0:
        raise NoThreadFound(
            f"{page.source}: no Reddit thread found; save the thread's own page "
            "(…/comments/ID/…) after its comments have loaded"
        )
    if best is not old:
        page.release_trees()  # only old Reddit's parser reads the lxml tree
    return best.parse(page)


SITE = Site(
    key="reddit",
    name="Reddit",
    description="Reddit threads: old.reddit.com, the 2018-2023 design, shreddit, pasted text",
    score=score,
    parse=parse,
    reads_tree=True,
)
