"""Write the Discourse test pages, the sample page and their truth (``expected.json``).

Run from the repository root: ``python tests/data/discourse/make_pages.py``. The pages are the
invented topic of ``spec.py`` in Discourse's real markup:

- ``server_topic.html``: the HTML a Discourse 2.4 server sends: the crawler view in
  ``<noscript>`` and the ``data-preloaded`` JSON (also written as ``samples/discourse-topic.html``);
- ``server_damaged.html``: the same page with its JSON damaged twice as real saved pages are
  (``\\&quot;`` turned into ``\\&quoquot;``), once in the site data and once inside post #3;
- ``crawler_page2.html``: page 2 of the newer crawler view (``#post_N``, ``itemprop=text``);
- ``browser_saved.html``: the page saved from the browser after the app ran, without the JSON.
"""

import json
from pathlib import Path
from typing import Any

from app_forms import browser_page
from server_forms import crawler_page2, iso, server_page
from spec import BASE, CATEGORY, HOST, PAGE2_POSTS, POSTS, TITLE, TOPIC_ID, TOPIC_URL, Post

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DAMAGED_WARNING = (
    "The page's embedded data was damaged; the posts that could still be read were kept"
)
MORE_PAGES = (
    "This saved page is one of several pages of the thread; save the others too and give "
    "them all together, in any order, to make one book"
)


def facts(post: Post, source: str, op: str | None) -> dict[str, Any]:
    """What each source lets the parser know of a post."""
    quote = post.number in (3, 22)
    quoted = {3: (2, "tobiask"), 22: (21, "oskar_l")}.get(post.number)
    if source == "json":
        created = iso(post).replace(".000Z", "+00:00")
        edited: Any = iso(post, True).replace(".000Z", "+00:00") if post.edited else None
        reply = post.reply_to
        by_number = {p.number: p for p in POSTS}
        author_of_reply = by_number[reply].username if reply else None
        score: int | None = post.likes
        flags = (post.moderator, post.admin, post.deleted, post.accepted)
    elif source == "crawler":
        created = iso(post, millis=False).replace("Z", "+00:00")
        edited = iso(post, True, False).replace("Z", "+00:00") if post.edited else None
        reply, author_of_reply = quoted if quote and quoted else (None, None)
        score = post.likes
        flags = (False, False, False, False)
    else:
        created = post.created.isoformat()
        edited = True if post.edited else None
        tabs = {3: (2, "tobiask"), 4: (3, "ilse_v"), 7: (None, "maren_holt")}
        reply, author_of_reply = tabs.get(post.number, (None, None))
        score = post.likes or None
        flags = (post.moderator, post.admin, post.deleted, post.accepted)
    return {
        "number": post.number,
        "id": str(post.number),
        "author": post.username,
        "created": created,
        "edited": edited,
        "score": score,
        "reply_to": str(reply) if reply else None,
        "reply_to_number": reply,
        "reply_to_author": author_of_reply,
        "is_op": post.username == op,
        "is_moderator": flags[0],
        "is_admin": flags[1],
        "deleted": flags[2],
        "accepted": flags[3],
        "text": post.text,
    }


def expected() -> dict[str, Any]:
    op = POSTS[0].username
    regular = [p for p in POSTS if not p.small_action]

    def topic(source_of: dict[int, str], posts: list[Post], **extra: Any) -> dict[str, Any]:
        # Who opened the topic is known from post #1 only.
        opener = op if posts[0].number == 1 else None
        rows = [facts(p, source_of.get(p.number, "json"), opener) for p in posts]
        first = rows[0] if rows and rows[0]["number"] == 1 else None
        return {
            "title": TITLE,
            "url": TOPIC_URL,
            "site_name": HOST,
            "community": CATEGORY,
            "thread_id": f"{HOST}/t/{TOPIC_ID}",
            "post": first,
            "comments": rows[1:] if first else rows,
            **extra,
        }

    return {
        "server_topic": topic({}, regular, page=None, missing=[[None, 2]], warnings=[]),
        "server_damaged": topic(
            {3: "crawler"}, regular, page=None, missing=[[None, 2]], warnings=[DAMAGED_WARNING]
        ),
        "crawler_page2": {
            **topic({p.number: "crawler" for p in PAGE2_POSTS}, PAGE2_POSTS),
            "url": f"{BASE}/t/{TOPIC_ID}",
            "page": 2,
            "missing": [[None, None]],
            "warnings": [MORE_PAGES],
        },
        "browser_saved": {
            **topic({p.number: "app" for p in regular}, regular),
            "url": f"{BASE}/t/{TOPIC_ID}",
            "page": None,
            "missing": [[None, 2]],
            "warnings": [],
        },
    }


def main() -> None:
    pages = {
        HERE / "server_topic.html": server_page(damaged=False),
        HERE / "server_damaged.html": server_page(damaged=True),
        HERE / "crawler_page2.html": crawler_page2(),
        HERE / "browser_saved.html": browser_page(),
        ROOT / "samples" / "discourse-topic.html": server_page(damaged=False),
    }
    for path, text in pages.items():
        path.write_bytes(text.encode("utf-8"))
    truth = json.dumps(expected(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (HERE / "expected.json").write_text(truth, encoding="utf-8")


if __name__ == "__main__":
    main()
