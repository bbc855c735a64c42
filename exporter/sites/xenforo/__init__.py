"""XenForo forums: saved thread pages of XenForo 2 (``xf2``) and XenForo 1 (``xf1``).

Long forum threads, quests on SpaceBattles and Sufficient Velocity above all, are what many
people read on e-readers. A XenForo thread is flat: every post is a top-level comment in page
order, the first post of the thread is ``Thread.post``, and a post that quotes another says so
in ``reply_to`` (the quoted post's id) so that the book can link the two. Quotes, spoilers and
smilies are made readable without XenForo's scripts (``bbcode``); ``thread`` puts the posts
and the page's facts together.
"""

from __future__ import annotations

import re

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Thread
from .. import Site

_SAMPLE = 300_000
"""Characters of the page that detection looks at: it must stay cheap on a huge page."""
# The root element's id names the generation; other attributes may come first in a re-save.
_XF2_ROOT = re.compile(r'<html\b[^>]{0,4000}?\bid="XF"')
_XF1_ROOT = re.compile(r'<html\b[^>]{0,4000}?\bid="XenForo"')


def generation(text: str) -> int | None:
    """2 or 1 for a XenForo page of that generation, None for anything else."""
    head = text[:_SAMPLE]
    if _XF2_ROOT.search(head) and ("data-xf-init" in head or "XF.config" in head):
        return 2
    if _XF1_ROOT.search(head) and ("XenForo." in head or "xenforo" in head.lower()):
        return 1
    return None


def score(page: SavedPage) -> float:
    """How sure we are that the page is a XenForo thread, from the root element's id and the
    class names of posts. A XenForo page with no post (a forum index) still scores enough to
    be taken, so that ``parse`` can say what to save instead."""
    if not page.is_html:
        return 0.0
    head = page.head(_SAMPLE)
    found = generation(head)
    if found is None:
        return 0.0
    if found == 2 and "message--post" in head:
        return 1.0
    if found == 1 and 'id="messageList"' in head and "messageText" in head:
        return 1.0
    if 'data-template="thread_view"' in head or 'class="thread_view"' in head:
        return 0.9
    return 0.5


def parse(page: SavedPage) -> Thread:
    if not page.is_html:
        raise NoThreadFound(
            f"{page.source}: XenForo threads are read from saved pages, not from pasted text; "
            "save the thread's page from the browser (Ctrl+S) and give that file"
        )
    from ...page_tree import page_tree
    from . import xf1, xf2
    from .markup import ClassIndex
    from .thread import build_thread

    found = ClassIndex(page_tree(page))
    reader = xf1 if generation(page.head(_SAMPLE)) == 1 else xf2
    facts = reader.read_facts(found)
    base = facts.base_url or page.url
    return build_thread(page, facts, reader.read_posts(found, base))


SITE = Site(
    key="xenforo",
    name="XenForo",
    description=(
        "XenForo forum threads, versions 1 and 2 (SpaceBattles, Sufficient Velocity, "
        "xenforo.com, …): saved thread pages"
    ),
    score=score,
    parse=parse,
    reads_tree=True,
)
