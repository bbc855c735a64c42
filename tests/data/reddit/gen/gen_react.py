"""Write the two React-design pages (2019 and 2023) and ``react_expected.json``.

Used by ``tests/test_reddit_react.py``; run through ``python -m tests.data.reddit.gen``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from . import threads_react as tr
from .common_render import dump, react_rel, write
from .expected import stubs_of, text_of, truth
from .react_page import hidden_ids, shown_score
from .react_shell import page19, page23
from .spec import C, Post


def build(
    root: Path,
    post: Post,
    roots: list[C],
    saved: datetime,
    variant: str,
    top_more: int,
    hidden: Iterator[str],
) -> dict[str, Any]:
    render = page23 if variant == "2023" else page19
    write(
        root / "tests" / "data" / "reddit" / f"react_{variant}.html",
        render(post, roots, saved, top_more, hidden),
    )
    base = f"https://www.reddit.com/r/{post['sub']}/comments/{post['id']}"

    def permalink(c: C) -> str:
        if variant == "2023":
            return f"{base}/comment/{c.id}/"
        return f"{base}/{post['slug']}/{c.id}/"

    t = truth(
        roots,
        post_author=post["author"],
        permalink=permalink,
        created=lambda c: None,
        created_text=lambda c: react_rel(c.created, saved, variant),
        edited=lambda c: True if c.edited else None,
        score_of=lambda c: None if (c.deleted or c.removed) else shown_score(c.score),
        stubs=[*stubs_of(roots, None), [None, top_more]],
    )
    link = post.get("link")
    t["post"] = {
        "id": f"t3_{post['id']}",
        "author": post["author"],
        "score": shown_score(post["score"]),
        "created_text": react_rel(post["created"], saved, variant),
        "permalink": f"{base}/{post['slug']}/",
        "body_text": text_of((f"<p>{link}</p>" if link else "") + post.get("body", "")),
        "link": link,
    }
    t["title"] = post["title"]
    t["community"] = f"r/{post['sub']}"
    t["url"] = t["post"]["permalink"]
    return t


def main(root: Path) -> None:
    # One sequence of made-up ids for the hidden replies behind "N more replies" rows: the
    # 2019 page continues where the 2023 page stopped, so keep this order.
    hidden = hidden_ids()
    out = {
        "2023": build(root, tr.POST23, tr.thread23(), tr.SAVED23, "2023", 21, hidden),
        "2019": build(root, tr.POST19, tr.thread19(), tr.SAVED19, "2019", 37, hidden),
    }
    dump(root / "tests" / "data" / "reddit" / "react_expected.json", out)
