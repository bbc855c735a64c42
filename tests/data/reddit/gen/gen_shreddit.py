"""Write the shreddit sample page, the SingleFile link-post page and ``shreddit_expected.json``.

Used by ``tests/test_reddit_shreddit.py`` (``tests/test_reddit_react.py`` reads the sample too);
run through ``python -m tests.data.reddit.gen``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from . import threads_shreddit as ts
from .common_render import dump, write
from .expected import stubs_of, text_of, truth
from .shreddit_shell import page
from .spec import C, Post

SINGLEFILE = (
    "<!--\n Page saved with SingleFile \n url: https://www.reddit.com/r/Astronomy/comments/1gfx7ka/"
    "field_notes_photographing_a_comets_ion_tail/ \n saved date: Sat Nov 02 2024 07:15:44 "
    "GMT+0000 (Coordinated Universal Time)\n-->"
)
"""The comment SingleFile puts before the doctype of the link-post page."""


def build(
    post: Post, roots: list[C], saved: datetime, variant: str, prefix: str, html_path: Path
) -> dict[str, Any]:
    write(html_path, page(post, roots, saved, variant=variant, prefix=prefix))
    base = "https://www.reddit.com"
    t = truth(
        roots,
        post_author=post["author"],
        permalink=lambda c: f"{base}/r/{post['sub']}/comments/{post['id']}/comment/{c.id}/",
        created=lambda c: c.created,
        created_text=lambda c: None,
        edited=lambda c: c.edited.isoformat() if c.edited else None,
        stubs=stubs_of(roots, [None, None]),
    )
    link = post.get("link")
    t["post"] = {
        "id": f"t3_{post['id']}",
        "author": post["author"],
        "score": post["score"],
        "created": post["created"].replace(microsecond=int(post["created_ts"][20:26])).isoformat(),
        "permalink": f"{base}/r/{post['sub']}/comments/{post['id']}/{post['slug']}/",
        "body_text": text_of((f"<p>{link}</p>" if link else "") + post.get("body", "")),
        "link": link,
    }
    t["title"] = post["title"]
    t["community"] = f"r/{post['sub']}"
    t["url"] = t["post"]["permalink"]
    t["declared_total"] = post["comments"]
    return t


def main(root: Path) -> None:
    data = root / "tests" / "data" / "reddit"
    out = {
        "sample": build(
            ts.POST,
            ts.thread(),
            ts.SAVED,
            "sample",
            "",
            root / "samples" / "reddit-shreddit-thread.html",
        ),
        "linkpost": build(
            ts.LPOST,
            ts.lthread(),
            ts.L_SAVED,
            "linkpost",
            SINGLEFILE,
            data / "shreddit_linkpost.html",
        ),
    }
    dump(data / "shreddit_expected.json", out)
