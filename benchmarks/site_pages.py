"""One large synthetic thread written in the markup of every major site the benchmark covers.

Why one thread for all: ``make_pages.make_thread`` already invents a realistic big thread (a
few 30-deep back-and-forth chains, popular comments drawing more replies, bodies with links,
quotes, lists and code); writing that same tree as old Reddit, Hacker News and XenForo pages
makes the sites' times comparable, and the page text always comes from each site's own test
generator (``tests/data/reddit/gen``, ``tests/data/hackernews``, ``tests/data/xenforo``), so the
markup, the page chrome and the escaping are the ones the parsers are tested against.

Two more shapes test depth alone (Hacker News markup, whose rows are flat in the HTML, so that
no HTML nesting limit interferes): ``chain`` (every comment the reply of the one before, 1,000
deep) and ``siblings`` (the same comments, all top level). Converting both must take the same
time: a stage that walks ancestors or recurses shows up as a gap between them.

XenForo is a flat forum of 50 posts a page: "10,000 comments" is 200 saved pages, converted
with one command (``thread2epub p1.html … p200.html``, the multi-page merge), which is how a
reader converts a long quest thread.

Deterministic: every page is a function of (shape, comments, seed).
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from samples.lemmy_pages import thread as sample_thread
from samples.lemmy_pages.markdown import render_markdown

from . import make_pages

REPO = Path(__file__).resolve().parents[1]
for _folder in ("hackernews", "xenforo"):  # their generators import their siblings by bare name
    _path = str(REPO / "tests" / "data" / _folder)
    if _path not in sys.path:
        sys.path.append(_path)

import markup_forms as hn_markup  # type: ignore[import-not-found]  # noqa: E402
import xf2_page as xf_page  # type: ignore[import-not-found]  # noqa: E402
import xf_spec  # type: ignore[import-not-found]  # noqa: E402
from spec import (  # type: ignore[import-not-found]  # noqa: E402
    SAVED_AFTER as HN_SAVED_AFTER,
)
from spec import STORY_TIME as HN_STORY_TIME  # noqa: E402
from spec import Spec as HnSpec  # noqa: E402

from tests.data.reddit.gen import old_shell, old_spec  # noqa: E402


def _load(name: str, path: Path) -> ModuleType:
    """A test generator loaded under its own name (two of them are called make_pages.py)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hn_pages = _load("hn_make_pages", REPO / "tests" / "data" / "hackernews" / "make_pages.py")

GENERATOR_VERSION = 1
POSTS_PER_FORUM_PAGE = 50
CHAIN_SIZE = 1_000

Comment = sample_thread.Comment


def walk(roots: list[Comment]) -> Iterator[Comment]:
    """Every comment in page order (depth first), without recursion."""
    stack = list(reversed(roots))
    while stack:
        comment = stack.pop()
        yield comment
        stack.extend(reversed(comment.replies))


def _published(comment: Comment) -> datetime:
    return datetime.strptime(comment.published, make_pages.STAMP).replace(tzinfo=timezone.utc)


def _minutes_after(comment: Comment, start: datetime) -> int:
    return max(1, int((_published(comment) - start).total_seconds() // 60))


def _body_html(comment: Comment) -> str:
    """The comment's Markdown as a site renders it (lemmy-ui's markdown-it, which Reddit's
    snudown output matches for paragraphs, quotes, lists, code and links)."""
    if not comment.content:
        return ""
    return render_markdown(comment.content).replace(' dir="auto"', "")


# --- old Reddit --------------------------------------------------------------------------------


def _id36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def reddit_old(roots: list[Comment]) -> str:
    """The thread as old.reddit.com (2025 markup) serves it, every comment loaded."""
    post_time = make_pages.POSTED
    everything = list(walk(roots))
    last = max((_minutes_after(c, post_time) for c in everything), default=1)

    def node(comment: Comment) -> old_spec.Node:
        gone = comment.deleted or comment.removed
        return old_spec.Node(
            id=None if comment.deleted else _id36(comment.id),
            author=None if gone else comment.author,
            score=comment.upvotes - comment.downvotes,
            minutes=_minutes_after(comment, post_time),
            body=old_spec.md("[deleted]" if comment.deleted else "[removed]")
            if gone
            else _body_html(comment),
            deleted=comment.deleted,
            removed=comment.removed,
            edited_after=7 if comment.updated else None,
            aid=_id36(comment.id * 7),
            kids=[],
        )

    # Built top down with a stack: chains are deeper than Python's recursion limit.
    top = [node(c) for c in roots]
    stack = list(zip(roots, top, strict=True))
    while stack:
        comment, built = stack.pop()
        built.kids = [node(reply) for reply in comment.replies]
        stack.extend(zip(comment.replies, built.kids, strict=True))
    page = old_spec.Page(
        style="2025",
        sr="bikewrench",
        srid="2qh1x",
        pid="1kx9q2z",
        slug="what_finally_fixed_your_creaking_bottom_bracket",
        title="What finally fixed your creaking bottom bracket?",
        author="spoke_and_hub",
        aid="9zq1b",
        post_time=post_time,
        saved_after=last + 5,
        score=4821,
        score_text="4821",
        self_body=render_markdown(
            "Three shops, two bottom brackets and a new chainring later it still creaks. "
            "Tell me what worked for you.\n\n> it is always the pedals\n\nIt was not the pedals."
        ),
        link_url=None,
        domain="self.bikewrench",
        flair="Discussion",
        post_edited_after=None,
        comments=top,
    )
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * CHAIN_SIZE))  # the page renderer recurses per level
    try:
        return old_shell.page_html(page)
    finally:
        sys.setrecursionlimit(limit)


# --- Hacker News ---------------------------------------------------------------------------------

_P_OPEN = re.compile(r"<p>")
_BLOCKQUOTE = re.compile(r"<blockquote>\s*(.*?)\s*</blockquote>", re.DOTALL)
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


def _hn_body(comment: Comment) -> str:
    """HN's stored body: the first paragraph bare, each later one after ``<p>``, quotes as
    "&gt; ", lists as dashed paragraphs, code in ``<pre><code>``, links with rel=nofollow."""
    rendered = _body_html(comment)
    if not rendered:
        return "[deleted]" if comment.deleted else "[flagged]"
    text = _BLOCKQUOTE.sub(lambda m: m.group(1).replace("<p>", "<p>&gt; ", 1), rendered)
    text = _LIST_ITEM.sub(lambda m: f"<p>- {m.group(1)}</p>", text)
    text = re.sub(r"</?(?:ul|ol)[^>]*>|</p>|\n", "", text)
    text = text.replace("<strong>", "<i>").replace("</strong>", "</i>")
    text = text.replace("<em>", "<i>").replace("</em>", "</i>")
    text = re.sub(r"</?(?:del|h\d)>", "", text)
    text = text.replace('<a href="', '<a rel="nofollow" href="')
    text = text.replace("<p><pre>", "<pre>")
    return _P_OPEN.sub("", text, count=1) if text.startswith("<p>") else text


def _hn_specs(roots: list[Comment]) -> list[HnSpec]:
    saved = HN_STORY_TIME + HN_SAVED_AFTER
    specs = []
    for comment in walk(roots):
        when = _published(comment)
        span = saved - HN_STORY_TIME
        # Squeeze the thread's times into the story's first hours (ages count from the save).
        offset = (when - make_pages.POSTED) / (make_pages.LAST - make_pages.POSTED)
        minutes = max(1, min(int(offset * span.total_seconds() // 60), 420))
        specs.append(
            HnSpec(
                id=str(45_000_000 + comment.id - make_pages.FIRST_ID),
                depth=comment.depth,
                author=None if comment.deleted else comment.author,
                minutes=minutes,
                body=_hn_body(comment),
                mark="[dead]" if comment.removed else "",
            )
        )
    return specs


def _hn_navs(specs: list[HnSpec]) -> list[list[tuple[str, str]]]:
    """HN's root/parent/prev/next links for every row in one pass each way (the test
    generator's ``navs`` looks back through all earlier rows, quadratic at this size)."""
    out: list[list[tuple[str, str]]] = [[] for _ in specs]
    ancestors: list[HnSpec] = []
    last_at: dict[int, HnSpec] = {}
    for i, spec in enumerate(specs):
        del ancestors[spec.depth :]
        for deeper in [d for d in last_at if d > spec.depth]:
            del last_at[deeper]
        if spec.depth >= 2:
            out[i].append(("root", ancestors[0].id))
        if spec.depth >= 1:
            out[i].append(("parent", ancestors[-1].id))
        if spec.depth in last_at:
            out[i].append(("prev", last_at[spec.depth].id))
        last_at[spec.depth] = spec
        ancestors.append(spec)
    following: dict[int, str] = {}  # depth -> id of the next row at that depth or shallower
    pending: list[tuple[int, int]] = []  # (depth, index) still waiting for their "next"
    for i, spec in enumerate(specs):
        while pending and pending[-1][0] >= spec.depth:
            _, waiting = pending.pop()
            following[waiting] = spec.id
        pending.append((spec.depth, i))
    for i, target in following.items():
        out[i].append(("next", target))
    return out


def _hn_sizes(specs: list[HnSpec]) -> list[int]:
    sizes = [1] * len(specs)
    open_rows: list[int] = []
    for i, spec in enumerate(specs):
        while open_rows and specs[open_rows[-1]].depth >= spec.depth:
            open_rows.pop()
        for row in open_rows:
            sizes[row] += 1
        open_rows.append(i)
    return sizes


def hacker_news(roots: list[Comment]) -> str:
    """The thread as news.ycombinator.com serves an item page today (2025 markup)."""
    specs = _hn_specs(roots)
    navs = _hn_navs(specs)
    index = {spec.id: i for i, spec in enumerate(specs)}
    story: dict[str, Any] = {
        "id": "44999999",
        "title": "What finally fixed your creaking bottom bracket?",
        "url": "https://bikewiki.example/creaks",
        "site": "bikewiki.example",
        "points": 1874,
        "author": "spoke_and_hub",
    }
    # The test generator's page writer computes HN's navigation links and subtree sizes by
    # looking back through every earlier row (quadratic here): hand it the linear ones.
    original_navs, original_sizes = hn_markup.navs, getattr(hn_pages, "subtree_sizes")  # noqa: B009
    hn_markup.navs = lambda comments, i: navs[index[comments[i].id]]
    setattr(hn_pages, "subtree_sizes", _hn_sizes)  # noqa: B010
    try:
        page: str = hn_pages.current_page(story, specs, era="2025")
        return page
    finally:
        hn_markup.navs = original_navs
        setattr(hn_pages, "subtree_sizes", original_sizes)  # noqa: B010


# --- XenForo -------------------------------------------------------------------------------------

_LINK = re.compile(r'<a href="([^"]+)">(.*?)</a>')
_TAG = re.compile(r"<[^>]+>")


def _xf_parts(comment: Comment, quoted: tuple[int, str, str] | None) -> list[xf_spec.Part]:
    """A post's body as the XenForo test generator's parts: a quote of the post it answers,
    then paragraphs as lines, bold words and links."""
    parts: list[xf_spec.Part] = []
    if quoted is not None:
        post_id, author, words = quoted
        parts.append(("quote", post_id, author, [("text", words)]))
    for block in re.split(r"\n\n+", comment.content or "[deleted]"):
        block = re.sub(r"[`*~]", "", block).strip()
        if not block or block.startswith("```") or block.startswith(":::"):
            continue
        link = re.search(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", block)
        if link:
            before = block[: link.start()].strip()
            if before:
                parts.append(("text", before))
            parts.append(("link", link.group(2), link.group(1)))
        elif block.startswith(("- ", "1. ")):
            parts.append(("bold", block.splitlines()[0].lstrip("-1. ")))
        else:
            parts.append(("text", block.lstrip("> ")))
    return parts or [("text", "…")]


def xenforo(roots: list[Comment]) -> list[str]:
    """The thread as a XenForo 2 forum shows it: every comment a post, oldest first, 50 posts
    to a page; a reply to a comment quotes it."""
    comments = sorted(walk(roots), key=lambda c: c.id)
    by_id = {c.id: c for c in comments}
    parent: dict[int, int] = {}
    for comment in comments:
        for reply in comment.replies:
            parent[reply.id] = comment.id
    users: dict[str, xf_spec.User] = {}
    posts: list[xf_spec.Post] = []
    for number, comment in enumerate(comments, 1):
        user = users.setdefault(
            comment.author, xf_spec.User(comment.author, 1000 + len(users), "Member")
        )
        above = by_id.get(parent.get(comment.id, -1))
        quoted = None
        if above is not None and above.content:
            first = _TAG.sub("", _body_html(above)).strip().split("\n")[0][:160]
            quoted = (7_000_000 + above.id - make_pages.FIRST_ID, above.author, first)
        minutes = _minutes_after(comment, make_pages.POSTED)
        posts.append(
            xf_spec.Post(
                id=7_000_000 + comment.id - make_pages.FIRST_ID,
                user=user,
                minutes=minutes + number,  # forum order is time order
                body=_xf_parts(comment, quoted),
                number=number,
            )
        )
    total = -(-len(posts) // POSTS_PER_FORUM_PAGE)
    pages = []
    for index in range(total):
        chunk = posts[index * POSTS_PER_FORUM_PAGE : (index + 1) * POSTS_PER_FORUM_PAGE]
        page = xf_spec.Page(
            name=f"bench-{index + 1}",
            title="Creaking bottom brackets: the megathread",
            slug="creaking-bottom-brackets-the-megathread",
            thread_id=88123,
            forum="Workshop",
            starter=posts[0].user,
            page=index + 1,
            page_count=total,
            posts=chunk,
        )
        pages.append(xf_page.thread_page(page))
    return pages


# --- depth shapes ------------------------------------------------------------------------------


def depth_shape(kind: str, count: int = CHAIN_SIZE) -> list[Comment]:
    """``count`` short comments as one reply chain (``chain``) or all top level (``siblings``)."""
    made = make_pages.make_thread(count, make_pages.SEED)
    flat = sorted(walk(made.roots), key=lambda c: c.id)
    for comment in flat:
        comment.replies = []
        comment.deleted = comment.removed = False
        comment.hidden_replies = 0
        comment.content = comment.content.split("\n\n")[0] or "Same here."
    if kind == "siblings":
        for comment in flat:
            comment.depth = 0
        return flat
    for depth, (above, below) in enumerate(itertools.pairwise(flat), 1):
        above.replies = [below]
        below.depth = depth
    flat[0].depth = 0
    return flat[:1]


@dataclass
class Rendered:
    """The page files of one (site, size): one file, or a forum's pages in order."""

    pages: list[str]
    comments: int
    max_depth: int


def render(site: str, roots: list[Comment]) -> Rendered:
    everything = list(walk(roots))
    deepest = max(c.depth for c in everything)
    if site == "reddit-old":
        pages = [reddit_old(roots)]
    elif site == "hackernews":
        pages = [hacker_news(roots)]
    elif site == "xenforo":
        pages, deepest = xenforo(roots), 0
    else:
        raise ValueError(site)
    return Rendered(pages, len(everything), deepest)
