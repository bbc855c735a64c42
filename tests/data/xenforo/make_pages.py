"""Write the XenForo test pages, the sample page and their truth (``expected.json``).

Run from the repository root: ``python tests/data/xenforo/make_pages.py``. The pages are the
invented threads of ``xf_spec.py`` in XenForo 2.2 (``xf2_page``/``xf2_markup``) and XenForo 1.5
(``xf1_page``) markup; ``expected.json`` is what the parser must read back from each.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

from xf1_page import thread_page as xf1_thread_page  # noqa: E402
from xf2_page import forum_index  # noqa: E402
from xf2_page import thread_page as xf2_thread_page  # noqa: E402
from xf_spec import HOST, SAMPLE, XF1_PAGE, XF2_PAGE1, XF2_PAGE2, Page, Part, Post  # noqa: E402

MORE_PAGES = (
    "This saved page is one of several pages of the thread; save the others too and give "
    "them all together, in any order, to make one book"
)


def says(parts: list[Part]) -> list[str]:
    """The words a body shows, in order (quote headers and spoiler labels included)."""
    out: list[str] = []
    for part in parts:
        kind = part[0]
        if kind in {"text", "bold", "inline_spoiler"}:
            out.append(part[1])
        elif kind == "link":
            out.append(part[2])
        elif kind == "smilie":
            out.append(part[1])
        elif kind == "embed":
            out.append("[embedded media: youtube.com]")
        elif kind == "quote":
            out.append(f"{part[2]} said:")
            out.extend(says(part[3]))
        elif kind == "spoiler":
            out.append(f"Spoiler: {part[1]}" if part[1] else "Spoiler")
            out.extend(says(part[2]))
    return out


def walk(parts: list[Part], kind: str) -> list[Part]:
    found = []
    for part in parts:
        if part[0] == kind:
            found.append(part)
        if part[0] == "quote":
            found.extend(walk(part[3], kind))
        elif part[0] == "spoiler":
            found.extend(walk(part[2], kind))
    return found


def first_quote(parts: list[Part]) -> Part | None:
    return next((p for p in parts if p[0] == "quote"), None)


def expected_post(post: Post, page: Page, generation: int) -> dict[str, Any]:
    numbers = {p.id: p.number for p in page.posts}
    reply = first_quote(post.body)
    reply_to = str(reply[1]) if reply is not None and reply[1] is not None else None
    text_only = generation == 1 and post.text_time
    if generation == 2:
        permalink = f"https://{HOST}/threads/{page.slug}.{page.thread_id}/post-{post.id}"
    else:
        permalink = f"https://{HOST}/posts/{post.id}/"
    deleted = post.deleted_by is not None
    removed = deleted and generation == 2 and post.deleted_by != post.user.name
    score = None
    if not deleted and post.ratings:
        score = sum(count for _, count in post.ratings)
    elif not deleted and post.reactors:
        score = len(post.reactors) + post.others
    banner = (post.user.banner or "").lower()
    body = [] if deleted else post.body
    return {
        "id": str(post.id),
        "author": post.user.name,
        "author_id": str(post.user.id),
        "created": None if text_only else post.created.isoformat(),
        "created_text": _shown(post) if text_only else None,
        "number": post.number,
        "threadmark": post.threadmark,
        "reply_to": reply_to,
        "reply_to_author": reply[2] if reply is not None else None,
        "reply_to_number": numbers.get(int(reply_to)) if reply_to else None,
        "is_op": post.user.name == page.starter.name,
        "is_moderator": bool(banner) and "admin" not in banner,
        "is_admin": "admin" in banner,
        "deleted": deleted and not removed,
        "removed": removed,
        "edited": post.edited.isoformat() if post.edited else None,
        "score": score,
        "permalink": permalink,
        "says": says(body) + [f"Attachment: {name}" for name in post.attachments],
        "quotes": [f"{q[2]} said:" for q in walk(body, "quote")],
        "spoilers": [f"Spoiler: {s[1]}" if s[1] else "Spoiler" for s in walk(body, "spoiler")],
        "smilies": [s[1] for s in walk(body, "smilie")],
        "signature": post.user.signature,
    }


def _shown(post: Post) -> str:
    moment = post.created
    clock = f"{moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    return f"{moment:%b} {moment.day}, {moment.year} at {clock}"


def expected_page(page: Page, generation: int) -> dict[str, Any]:
    posts = [expected_post(p, page, generation) for p in page.posts]
    opener = next((p for p in posts if p["number"] == 1), None)
    canonical = page.thread_url + (f"page-{page.page}" if page.page > 1 or generation == 1 else "")
    return {
        "title": page.title,
        "url": canonical,
        "site_name": HOST,
        "community": page.forum,
        "thread_id": f"{HOST}/threads/{page.thread_id}",
        "page": page.page,
        "page_count": page.page_count,
        "language": "en-US",
        "warnings": [MORE_PAGES] if page.page_count > 1 else [],
        "post": opener,
        "comments": [p for p in posts if p is not opener],
    }


def main() -> None:
    pages = {
        "xf2_page1": (XF2_PAGE1, 2),
        "xf2_page2": (XF2_PAGE2, 2),
        "xf1_page3": (XF1_PAGE, 1),
    }
    truth: dict[str, Any] = {}
    for name, (page, generation) in pages.items():
        writer = xf2_thread_page if generation == 2 else xf1_thread_page
        (HERE / f"{name}.html").write_text(writer(page), encoding="utf-8")
        truth[name] = expected_page(page, generation)
    (HERE / "forum_index.html").write_text(forum_index(), encoding="utf-8")
    (ROOT / "samples" / "xenforo-quest-thread.html").write_text(
        xf2_thread_page(SAMPLE), encoding="utf-8"
    )
    truth["sample"] = expected_page(SAMPLE, 2)
    (HERE / "expected.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
