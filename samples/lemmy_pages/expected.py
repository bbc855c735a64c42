"""expected.json: what the tests assert a parsed thread looks like.

Computed from the same data as the pages, in the exporter's terms (ids as strings, the
community's title, the instance host as site name).
"""

from __future__ import annotations

from typing import Any

from .content import ADMINS, COMMUNITY, HOST, MODERATORS, OP, PEOPLE, POST, SITE
from .formatting import parse_time
from .thread import THREAD, total_comments, walk


def expected() -> dict[str, Any]:
    comments = list(walk())
    depths: dict[str, int] = {}
    for c in comments:
        depths[str(c.depth)] = depths.get(str(c.depth), 0) + 1

    def ids(pred: Any) -> list[str]:
        return [str(c.id) for c in comments if pred(c)]

    return {
        "title": POST["name"],
        # As the exporter's Thread carries them: the community's title, the instance host.
        "community": COMMUNITY["title"],
        "community_name": COMMUNITY["name"],
        "community_url": f"https://{HOST}/c/{COMMUNITY['name']}",
        "site_name": HOST,
        "site_title": SITE["name"],
        "post": {
            "id": POST["id"],
            "author": PEOPLE[OP].shown,
            "author_id": f"{OP}@{HOST}",
            "created": parse_time(POST["published"]).isoformat(),
            "updated": parse_time(POST["updated"]).isoformat(),
            "score": POST["upvotes"] - POST["downvotes"],
            "comment_count_claimed": total_comments(),
            "url": f"https://{HOST}/post/{POST['id']}",
        },
        "comment_count": len(comments),
        "top_level": len(THREAD),
        "depth_histogram": dict(sorted(depths.items(), key=lambda kv: int(kv[0]))),
        "ids_in_page_order": [str(c.id) for c in comments],
        "parent_of": {
            str(c.id): (str(c.parent) if c.parent is not None else None) for c in comments
        },
        "op_comment_ids": ids(lambda c: c.author == OP),
        "deleted_ids": ids(lambda c: c.deleted),
        "removed_ids": ids(lambda c: c.removed),
        "edited_ids": ids(lambda c: c.updated is not None),
        "distinguished_ids": ids(lambda c: c.distinguished),
        "moderator_ids": ids(lambda c: c.author in MODERATORS),
        "admin_ids": ids(lambda c: c.author in ADMINS),
        "missing": [
            {"parent_id": str(c.id), "count": c.child_count}
            for c in comments
            if c.child_count and not c.replies
        ],
        "scores": {str(c.id): c.upvotes - c.downvotes for c in comments},
        "authors": {str(c.id): c.person.shown for c in comments},
        "author_ids": {str(c.id): f"{c.person.name}@{c.person.host}" for c in comments},
        "created": {str(c.id): parse_time(c.published).isoformat() for c in comments},
        # The DOM alone (tippy text) only carries whole seconds.
        "created_seconds": {
            str(c.id): parse_time(c.published).replace(microsecond=0).isoformat() for c in comments
        },
    }
