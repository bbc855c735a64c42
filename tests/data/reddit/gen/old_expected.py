"""The truth ``old_expected.json`` holds for each old-Reddit page, built from the same threads.

Unlike ``expected.py`` (flat maps keyed by id), this truth is a nested comment tree with ISO
times, because old Reddit's pages carry the exact time of every comment.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .old_spec import Node, Page


def _truth_id(node: Node, anon: list[int]) -> str:
    """The id a parser should give: the form's thing id for a deleted comment, if the page keeps
    one, else ``deleted-N`` numbered in page order."""
    if not node.deleted:
        return f"t1_{node.id}"
    if node.form_id:
        return f"t1_{node.form_id}"
    anon[0] += 1
    return f"deleted-{anon[0]}"


def _permalink(page: Page, node: Node) -> str | None:
    if page.style == "2025" and not node.deleted:
        return "https://old.reddit.com" + page.permalink(node.id)
    link_id = node.form_id if node.deleted else node.id
    if link_id is None:
        return None
    return page.host() + page.permalink(link_id)


def _comment(
    page: Page,
    node: Node,
    parent_id: str | None,
    depth: int,
    anon: list[int],
    missing: list[dict[str, Any]],
) -> dict[str, Any]:
    """One comment with its replies; its "continue" and "load more" stubs go to ``missing``
    after its replies' own, in page order."""
    cid = _truth_id(node, anon)
    t = page.post_time + timedelta(minutes=node.minutes)
    edited = None
    if node.edited_after is not None:
        edited = (t + timedelta(minutes=node.edited_after)).isoformat()
    children = [_comment(page, k, cid, depth + 1, anon, missing) for k in node.kids]
    if node.cont:
        missing.append({"parent_id": cid, "count": None})
    if node.more:
        missing.append({"parent_id": cid, "count": node.more})
    return {
        "id": cid,
        "parent_id": parent_id,
        "depth": depth,
        "author": node.author,
        "score": None if node.deleted else node.score,
        "created": t.isoformat(),
        "edited": edited,
        "is_op": node.role == "submitter",
        "is_moderator": node.role == "moderator",
        "is_admin": node.role == "admin",
        "stickied": node.stickied,
        "collapsed": node.collapsed,
        "deleted": node.deleted,
        "removed": node.removed,
        "permalink": _permalink(page, node),
        "children": children,
    }


def truth(page: Page) -> dict[str, Any]:
    """The whole page's truth: title, url, community, post, comment tree and missing stubs."""
    anon = [0]
    missing: list[dict[str, Any]] = []
    comments = [_comment(page, n, None, 0, anon, missing) for n in page.comments]
    if page.top_more:
        missing.append({"parent_id": None, "count": page.top_more})
    t = page.post_time
    edited = None
    if page.post_edited_after is not None:
        edited = (t + timedelta(minutes=page.post_edited_after)).isoformat()
    return {
        "title": page.title,
        "url": f"https://www.reddit.com{page.permalink()}",
        "community": f"r/{page.sr}",
        "post": {
            "id": f"t3_{page.pid}",
            "author": page.author,
            "score": page.score,
            "created": t.isoformat(),
            "edited": edited,
            "link": page.link_url,
        },
        "comments": comments,
        "missing": missing,
    }
