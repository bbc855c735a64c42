"""Lemmy's ``window.isoData``: the API data lemmy-ui embeds in every page it renders.

It is the most complete source a saved page has (exact times, vote counts, the ``path`` that
gives every comment's parent, the count of replies that were not loaded), so it is preferred
over the DOM. It is serialize-javascript output, not JSON: ``undefined`` values (and, in
principle, ``new Date(…)``) occur outside strings and are rewritten before decoding.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from html import escape
from typing import Any

from ...clean import join_url, markdown_to_html, safe_link, strip_xml_illegal, url_host
from ...dates import parse_iso
from ...model import Comment, Stub
from ..numbers import MAX_DIGITS

_START = re.compile(r"window\.isoData\s*=\s*")
# A JSON string (kept as is), or a JavaScript-only value outside strings (rewritten).
_JS_ONLY = re.compile(r'("(?:[^"\\]|\\.)*")|\bundefined\b|new Date\(("(?:[^"\\]|\\.)*")\)')


def extract(text: str) -> dict[str, Any] | None:
    """The isoData object of a lemmy-ui page, or None when the page has none (or it is broken)."""
    match = _START.search(text)
    if not match:
        return None
    start = match.end()
    end = text.find("</script>", start)
    source = text[start : end if end != -1 else len(text)]
    source = _JS_ONLY.sub(_to_json, source)
    try:
        data, _ = json.JSONDecoder().raw_decode(source)
    except (ValueError, RecursionError):  # ValueError: broken JSON, or a 5,000-digit number
        return None
    return _scrub(data) if isinstance(data, dict) else None


def _scrub(data: dict[str, Any]) -> dict[str, Any]:
    """Every string of the page's JSON without the characters XML forbids: a ``"\\ud800"``
    escape decodes to a lone surrogate, which no later stage can write (nor encode)."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        for key, value in list(node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(value, str):
                node[key] = strip_xml_illegal(value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return data


def as_object(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one: the JSON comes from the page, and
    nothing guarantees it has the shape lemmy-ui writes."""
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _as_id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


def _to_json(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(2) is not None:
        return match.group(2)
    return "null"


def has_thread(data: dict[str, Any]) -> bool:
    return post_view(data) is not None


def post_view(data: dict[str, Any]) -> dict[str, Any] | None:
    view = _dig(data, "routeData", "postRes", "data", "post_view")
    return view if isinstance(view, dict) else None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def parse_time(value: Any) -> datetime | None:
    """Lemmy 0.19 writes '…Z'; 0.18 and older wrote naive UTC times without a zone."""
    return parse_iso(value)


def site_url(data: dict[str, Any]) -> str | None:
    actor = _dig(data, "site_res", "site_view", "site", "actor_id")
    return actor if isinstance(actor, str) and actor.startswith("http") else None


def page_url(data: dict[str, Any]) -> str | None:
    base, path = site_url(data), data.get("path")
    if base and isinstance(path, str):
        return join_url(base, path)
    ap_id = _dig(post_view(data), "post", "ap_id")
    return ap_id if isinstance(ap_id, str) else None


def language(data: dict[str, Any], language_id: Any) -> str | None:
    for entry in _as_list(_dig(data, "site_res", "all_languages")):
        if isinstance(entry, dict) and entry.get("id") == language_id:
            code = entry.get("code")
            return code if isinstance(code, str) and code != "und" else None
    return None


def _handle(person: dict[str, Any]) -> str | None:
    name, actor = person.get("name"), person.get("actor_id")
    if not isinstance(name, str):
        return None
    host = url_host(actor) if isinstance(actor, str) else None
    return f"{name}@{host}" if host else name


def _display_name(person: dict[str, Any]) -> str | None:
    name = person.get("display_name") or person.get("name")
    return strip_xml_illegal(name).strip() or None if isinstance(name, str) else None


def _int(value: Any) -> int | None:
    """A count or score: an integer a page could show (no bool, no 4,000-digit number)."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 10**MAX_DIGITS:
        return None
    return value


def read_post(data: dict[str, Any], bodies: dict[str, str], base_url: str | None) -> Comment:
    """The opening post; its body from the DOM when rendered there (key ``"post"``)."""
    view = post_view(data) or {}
    post = as_object(view.get("post"))
    body = bodies.get("post")
    if body is None:
        body = markdown_to_html(_as_str(post.get("body")), base_url)
    link = _as_str(post.get("url"))
    href = safe_link(link) if link.lower().startswith(("http:", "https:")) else None
    if href is not None:
        body = f'<p class="post-link"><a href="{escape(href)}">{escape(link)}</a></p>' + body
    return Comment(
        id=_as_id(post.get("id")) or "post",
        body_html=body,
        is_op=True,
        stickied=bool(post.get("featured_community") or post.get("featured_local")),
        permalink=page_url(data),
        **_shared_fields(view, post),
    )


def read_comments(
    data: dict[str, Any], bodies: dict[str, str], order: dict[str, int], base_url: str | None
) -> tuple[list[Comment], list[Stub]]:
    """The comment tree from the ``path`` of each comment ("0.12.34": 34 replies to 12).

    Siblings keep the order of the page when the DOM gave one, else the API's order. A comment
    whose ``child_count`` exceeds the replies present has replies the page did not load.
    """
    op_id = _dig(post_view(data), "post", "creator_id")
    views = _as_list(_dig(data, "routeData", "commentsRes", "data", "comments"))
    by_id: dict[str, Comment] = {}
    parent_of: dict[str, str | None] = {}
    child_counts: dict[str, int] = {}
    api_order: dict[str, int] = {}
    for index, view in enumerate(views):
        if not isinstance(view, dict) or not isinstance(view.get("comment"), dict):
            continue
        comment = _read_comment(view, op_id, bodies, base_url)
        path = _as_str(view["comment"].get("path"))
        chain = [part for part in path.split(".") if part and part != "0"]
        parent_of[comment.id] = chain[-2] if len(chain) > 1 else None
        child_counts[comment.id] = _int(as_object(view.get("counts")).get("child_count")) or 0
        by_id[comment.id] = comment
        api_order[comment.id] = index
    roots: list[Comment] = []
    for comment_id in sorted(by_id, key=lambda cid: (order.get(cid, len(order)), api_order[cid])):
        comment = by_id[comment_id]
        parent = by_id.get(parent_of[comment_id] or "")
        if parent is None:
            roots.append(comment)
        else:
            comment.parent_id = parent.id
            parent.children.append(comment)
    stubs = []
    for root in roots:
        for node in root.walk():
            node.depth = 0 if node.parent_id is None else by_id[node.parent_id].depth + 1
            # child_count counts every descendant, loaded or not; what the loaded replies do not
            # account for was never in the page, and hangs right under this comment.
            unloaded = child_counts.get(node.id, 0) - sum(
                1 + child_counts.get(child.id, 0) for child in node.children
            )
            if unloaded > 0:
                stubs.append(Stub(node.id, unloaded))
    return roots, stubs


def _read_comment(
    view: dict[str, Any], op_id: Any, bodies: dict[str, str], base_url: str | None
) -> Comment:
    raw, creator = view["comment"], as_object(view.get("creator"))
    comment_id = _as_id(raw.get("id")) or "None"
    deleted, removed = bool(raw.get("deleted")), bool(raw.get("removed"))
    body = ""
    if not (deleted or removed):
        body = bodies.get(comment_id) or markdown_to_html(_as_str(raw.get("content")), base_url)
    return Comment(
        id=comment_id,
        body_html=body,
        is_op=op_id is not None and creator.get("id") == op_id,
        distinguished=bool(raw.get("distinguished")),
        permalink=join_url(base_url, f"/comment/{comment_id}") if base_url else None,
        **_shared_fields(view, raw),
    )


def _shared_fields(view: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """What a post view and a comment view spell alike: creator, times, votes, fate."""
    creator, counts = as_object(view.get("creator")), as_object(view.get("counts"))
    return {
        "author": _display_name(creator),
        "author_id": _handle(creator),
        "created": parse_time(item.get("published")),
        "edited": parse_time(item.get("updated")),
        "score": _int(counts.get("score")),
        "upvotes": _int(counts.get("upvotes")),
        "downvotes": _int(counts.get("downvotes")),
        "is_moderator": bool(view.get("creator_is_moderator")),
        "is_admin": bool(view.get("creator_is_admin")),
        "deleted": bool(item.get("deleted")),
        "removed": bool(item.get("removed")),
    }
