"""Write the generic reader's test pages and their truth (``expected.json``).

Run from the repository root: ``python tests/data/generic/make_pages.py``. Thread pages go to
``tests/data/generic/`` (all of them must be found by the generic reader, and by no site
module); pages it must refuse go to ``tests/data/generic_refused/`` (no site key: the shared
detection test leaves that folder alone).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import forums
import refused
from spec import (
    APP_COMMENTS,
    APP_PARENT_ITEM_REPLY,
    APP_POST,
    APP_TITLE,
    BLOG_COMMENTS,
    BLOG_POST,
    BLOG_TITLE,
    FORUM_POSTS,
    FORUM_TITLE,
    Post,
)

HERE = Path(__file__).resolve().parent
REFUSED = HERE.parent / "generic_refused"


def _truth(
    title: str,
    post: Post,
    comments: list[Post],
    evidence: str,
    *,
    minutes: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """What the reader must find; ``minutes``: the page shows no seconds (MyBB)."""
    rows: list[list[Any]] = []

    def when(p: Post) -> str:
        return (p.at.replace(second=0) if minutes else p.at).isoformat()

    def walk(posts: list[Post], depth: int) -> None:
        for p in posts:
            rows.append([p.author, when(p), depth, p.paragraphs[0]])
            walk(p.replies, depth + 1)

    walk(comments, 0)
    return {
        "title": title,
        "post": [post.author, when(post), post.paragraphs[0]],
        "comments": rows,
        "evidence": evidence,
        **extra,
    }


def main() -> None:
    app_comments = [
        APP_COMMENTS[0],
        Post(
            APP_COMMENTS[1].author,
            APP_COMMENTS[1].at,
            APP_COMMENTS[1].paragraphs,
            [APP_PARENT_ITEM_REPLY],
            APP_COMMENTS[1].likes,
        ),
    ]
    pages = {
        "wordpress_post.html": (
            forums.wordpress(BLOG_TITLE, BLOG_POST, BLOG_COMMENTS),
            _truth(BLOG_TITLE, BLOG_POST, BLOG_COMMENTS, "li.comment"),
        ),
        "smf_topic.html": (
            forums.smf(FORUM_TITLE, FORUM_POSTS),
            _truth(FORUM_TITLE, FORUM_POSTS[0], FORUM_POSTS[1:], "div.windowbg"),
        ),
        "mybb_thread.html": (
            forums.mybb(FORUM_TITLE, FORUM_POSTS),
            _truth(FORUM_TITLE, FORUM_POSTS[0], FORUM_POSTS[1:], "div.post", minutes=True),
        ),
        "ips_topic.html": (
            forums.ips(FORUM_TITLE, FORUM_POSTS),
            _truth(
                FORUM_TITLE,
                FORUM_POSTS[0],
                FORUM_POSTS[1:],
                "JSON-LD",
                scores=[p.likes or 0 for p in FORUM_POSTS[1:]],
            ),
        ),
        "app_json_ld.html": (
            forums.app_json_ld(APP_TITLE, APP_POST, APP_COMMENTS, APP_PARENT_ITEM_REPLY, 3),
            _truth(
                APP_TITLE,
                APP_POST,
                app_comments,
                "JSON-LD",
                scores=[9, 2, 4, None],
            ),
        ),
    }
    truth = {}
    for name, (html, expected) in pages.items():
        (HERE / name).write_text(html, encoding="utf-8")
        truth[name] = expected
    (HERE / "expected.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    REFUSED.mkdir(exist_ok=True)
    for name, html in {
        "news_article.html": refused.news_article(),
        "search_results.html": refused.search_results(),
        "forum_index.html": refused.forum_index(),
    }.items():
        (REFUSED / name).write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
