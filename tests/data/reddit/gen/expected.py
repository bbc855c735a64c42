"""The truth JSON the tests compare a parsed page with, built from the same invented threads.

Each design shows a comment's fields differently (React prints relative times and a bare
"edited", shreddit carries ISO times), so the callers pass in how each field reads on the page.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .spec import C

Stub = list[str | int | None]
"""A "more replies" / "continue" stub: [parent id or None for top level, count or None]."""


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def iso(t: datetime | None) -> str | None:
    return t.isoformat() if t else None


def _score(c: C) -> int | None:
    return c.score


def truth(
    roots: list[C],
    *,
    post_author: str,
    permalink: Callable[[C], str],
    created: Callable[[C], datetime | None],
    created_text: Callable[[C], str | None],
    stubs: list[Stub],
    edited: Callable[[C], str | bool | None],
    score_of: Callable[[C], int | None] = _score,
) -> dict[str, Any]:
    ids: list[str] = []
    parent: dict[str, str | None] = {}
    depth: dict[str, int] = {}
    authors: dict[str, str | None] = {}
    scores: dict[str, int | None] = {}
    bodies: dict[str, str] = {}
    links: dict[str, str] = {}
    flags: dict[str, list[str]] = {
        k: []
        for k in (
            "is_op",
            "is_moderator",
            "distinguished",
            "stickied",
            "collapsed",
            "deleted",
            "removed",
        )
    }
    times: dict[str, str | None] = {}
    texts: dict[str, str | None] = {}
    edits: dict[str, str | bool | None] = {}
    for root in roots:
        for c, p, d in root.walk():
            cid = f"t1_{c.id}"
            ids.append(cid)
            parent[cid] = f"t1_{p.id}" if p else None
            depth[cid] = d
            authors[cid] = c.author
            scores[cid] = score_of(c)
            gone = c.deleted or c.removed
            bodies[cid] = "" if gone or c.hidden_body else text_of(c.body)
            links[cid] = permalink(c)
            times[cid] = iso(created(c))
            texts[cid] = created_text(c)
            edits[cid] = edited(c)
            for k, v in (
                ("is_op", c.author is not None and (c.op or c.author == post_author)),
                ("is_moderator", c.mod),
                ("distinguished", c.mod or c.admin),
                ("stickied", c.stickied),
                ("collapsed", c.collapsed),
                ("deleted", c.deleted),
                ("removed", c.removed),
            ):
                if v:
                    flags[k].append(cid)
    return {
        "ids_in_page_order": ids,
        "parent_of": parent,
        "depth_of": depth,
        "depth_histogram": dict(sorted(Counter(str(v) for v in depth.values()).items())),
        "comment_count": len(ids),
        "top_level": len(roots),
        "authors": authors,
        "scores": scores,
        "body_text": bodies,
        "permalinks": links,
        "created": times,
        "created_text": texts,
        "edited": edits,
        "flags": flags,
        "missing": stubs,
    }


def stubs_of(roots: list[C], top_level: Stub | None) -> list[Stub]:
    """Stubs in page order: each sits after its comment's replies."""
    out: list[Stub] = []
    stack: list[tuple[str, C]] = [("open", r) for r in reversed(roots)]
    while stack:
        kind, c = stack.pop()
        if kind == "close":
            if c.more:
                out.append([f"t1_{c.id}", c.more])
            if c.cont:
                out.append([f"t1_{c.id}", None])
            continue
        stack.append(("close", c))
        stack.extend(("open", k) for k in reversed(c.children))
    if top_level is not None:
        out.append(top_level)
    return out
