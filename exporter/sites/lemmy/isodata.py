"""Lemmy's ``window.isoData``: the API data lemmy-ui embeds in every page it renders.

It is the most complete source a saved page has (exact times, vote counts, the ``path`` that
gives every comment's parent, the count of replies that were not loaded), so it is preferred
over the DOM. It is serialize-javascript output, not JSON: ``undefined`` values (and, in
principle, ``new Date(…)``) occur outside strings and are rewritten before decoding.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from html import escape
from typing import Any

from ...clean import join_url, markdown_to_html, safe_link, strip_xml_illegal, url_host
from ...dates import parse_iso
from ...model import Comment, Stub
from ..numbers import MAX_DIGITS
from .dom import permalinks

_START = re.compile(rb"window\.isoData\s*=\s*")
# The JavaScript-only values (``undefined``, ``new Date("…")``), found in a copy of the source
# whose escapes are blanked (see ``_to_json``), so that a string never ends early.
_DATE = re.compile(rb'new Date\(("[^"]*")\)')
_WORD_BYTE = re.compile(rb"[A-Za-z0-9_\x80-\xff]")
# A JSON escape that decodes to a character XML forbids (C0 and C1 controls, surrogates,
# U+FFFE/U+FFFF; tab, LF and CR are caught too, which only costs a walk).
_ILLEGAL_ESCAPE = re.compile(r"\\u(?:00[0189][0-9a-fA-F]|007[fF]|[dD][89a-fA-F]|[fF]{3}[eEfF])")
_PIECE = 1 << 20
"""Bytes (or characters) of the isoData read at a time where a copy of the whole is not
wanted."""


def extract(page: bytes) -> dict[str, Any] | None:
    """The isoData object of a lemmy-ui page, given as its UTF-8 (``SavedPage.utf8``), or None
    when the page has none (or it is broken).

    Decoded from an ASCII copy of the script, every other character as its JSON escape (the
    same JSON wherever such a character is in a string): as a ``str`` of the page's own
    characters, a page with one emoji takes four bytes a character, and the 30 MB of a
    10,000-comment page's isoData would take 120 MB.
    """
    match = _START.search(page)
    if not match:
        return None
    start = match.end()
    end = page.find(b"</script>", start)
    end = len(page) if end == -1 else end
    try:
        source = _ascii(page, start, end)
        if source.find(b"undefined") != -1 or source.find(b"new Date(") != -1:
            source = _to_json(source)
        text = source.decode("ascii")
        del source
        data, _ = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        # Broken JSON (``_ascii``'s UnicodeEncodeError is a ValueError), or 5,000 digits.
        return None
    if not isinstance(data, dict):
        return None
    # Walking 10,000 comments' strings costs seconds; only a page that holds a forbidden
    # character (as itself or, as every character past ASCII now is, an escape) needs it.
    clean = _legal(text) and not _ILLEGAL_ESCAPE.search(text)
    return data if clean else _scrub(data)


def _legal(text: str) -> bool:
    """Whether ``text`` holds no character XML forbids, looked at a piece at a time (a copy of
    the whole would take as much again)."""
    for at in range(0, len(text), _PIECE):
        piece = text[at : at + _PIECE]
        if len(strip_xml_illegal(piece)) != len(piece):
            return False
    return True


def _ascii(page: bytes, start: int, end: int) -> bytes:
    """``page[start:end]`` (UTF-8) as ASCII, each other character as its JSON escape
    (``\\u2019``; a pair of them past U+FFFF), decoded a piece at a time: the same JSON
    wherever such a character is in a string. Where one is not, or follows a lone backslash
    (``\\é``), the JSON was broken and stays so: escaped, the second would read, so it raises
    ``UnicodeEncodeError``. A piece ends between two characters, never after a backslash, so
    that it holds whatever run of them a character follows."""
    pieces = []
    while start < end:
        stop = min(start + _PIECE, end)
        while stop < end and (page[stop] & 0xC0 == 0x80 or page[stop - 1] == 0x5C):
            stop += 1
        piece = page[start:stop].decode("utf-8", "surrogatepass")
        pieces.append(piece.encode("ascii", _JSON_ESCAPE))
        start = stop
    return b"".join(pieces)


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """The error handler of :func:`_ascii`: a run of characters ASCII lacks, escaped by
    ``json.dumps`` (in C); refused after an odd number of backslashes (see ``_ascii``)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    before = error.start
    while before > 0 and error.object[before - 1] == "\\":
        before -= 1
    if (error.start - before) % 2:
        raise error
    return json.dumps(error.object[error.start : error.end])[1:-1], error.end


_JSON_ESCAPE = "thread2epub-json-escape"
codecs.register_error(_JSON_ESCAPE, _json_escape)


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


def _to_json(data: bytes) -> bytes:
    """serialize-javascript's output (as ASCII or UTF-8 bytes) as JSON: ``undefined`` outside
    strings becomes ``null``, ``new Date("…")`` its string.

    Why not one regex that matches every string too (a string is skipped whole, so nothing in
    it is rewritten): a 10,000-comment page's isoData is 30 MB of strings, and that costs
    seconds. Instead the escapes (``\\\\`` then ``\\"``) are blanked in a copy of the same
    length, where every quote left opens or closes a string; a value found there is outside
    all strings when the quotes before it are even in number.
    """
    blank = data.replace(b"\\\\", b"__").replace(b'\\"', b"__")
    out: list[bytes] = []
    done = counted = quotes = 0
    for start in _places(blank, b"undefined", b"new Date("):
        if start < done:
            continue  # inside a date already rewritten
        date = _DATE.match(blank, start)
        end = date.end() if date else start + len(b"undefined")
        quotes += blank.count(b'"', counted, start)
        counted = start
        if quotes % 2 or not _word_edge(blank, start, end):
            continue  # inside a string, or part of a longer word
        if date is None and not blank.startswith(b"undefined", start):
            continue  # "new Date(" without a string in it
        out.append(data[done:start])
        out.append(data[date.start(1) : date.end(1)] if date else b"null")
        done = end
    out.append(data[done:])
    return b"".join(out)


def _places(data: bytes, *words: bytes) -> list[int]:
    """Where each of ``words`` starts in ``data``, in order (``bytes.find``: the page holds a
    handful, and a regex alternation would look at every byte of 30 MB)."""
    found = []
    for word in words:
        at = data.find(word)
        while at != -1:
            found.append(at)
            at = data.find(word, at + 1)
    return sorted(found)


def _word_edge(data: bytes, start: int, end: int) -> bool:
    """No letter, digit or underscore right before ``start`` or after ``end`` (a byte of a
    non-ASCII character counts as a letter)."""
    before = data[start - 1 : start]
    after = data[end : end + 1]
    return not (_WORD_BYTE.match(before) or _WORD_BYTE.match(after))


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
    host = _actor_host(actor) if isinstance(actor, str) else None
    return f"{name}@{host}" if host else name


@lru_cache(maxsize=4096)
def _actor_host(actor_id: str) -> str | None:
    """``url_host``, once per person (a thread has far fewer people than comments, and
    splitting an address costs more than the rest of a comment's fields)."""
    return url_host(actor_id)


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
    links = permalinks(base_url)
    views = _as_list(_dig(data, "routeData", "commentsRes", "data", "comments"))
    by_id: dict[str, Comment] = {}
    parent_of: dict[str, str | None] = {}
    child_counts: dict[str, int] = {}
    api_order: dict[str, int] = {}
    for index, view in enumerate(views):
        if not isinstance(view, dict) or not isinstance(view.get("comment"), dict):
            continue
        comment = _read_comment(view, op_id, bodies, base_url, links)
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
    view: dict[str, Any],
    op_id: Any,
    bodies: dict[str, str],
    base_url: str | None,
    links: Callable[[str], str | None],
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
        permalink=links(comment_id),
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
