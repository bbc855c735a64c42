"""What a page declares about itself: schema.org discussions in JSON-LD and in microdata.

Forum and blog software writes these for search engines, so they name the posts, their
authors and times without any guessing. JSON-LD nests replies in ``comment`` (or points at
the parent with ``parentItem``); microdata nests them in the DOM. Both become ``Item``s.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import html as lxml_html

from .dom import squash, text_of
from .fields import parse_machine_time

THREAD_TYPES = frozenset(
    {
        "DiscussionForumPosting",
        "SocialMediaPosting",
        "Question",
        "BlogPosting",
        "Article",
        "NewsArticle",
        "QAPage",
    }
)
REPLY_TYPES = frozenset({"Comment", "Answer", "DiscussionForumPosting", "SocialMediaPosting"})
_ALL_TYPES = THREAD_TYPES | REPLY_TYPES
_BODY_PROPS = ("text", "articleBody", "commentText")
_INT = re.compile(r"-?\d[\d,.\s]*")


@dataclass
class Item:
    """One post or comment as the page declared it."""

    kind: str
    author: str | None = None
    created: datetime | None = None
    text: str | None = None
    """Plain text (JSON-LD), when no element holds the body."""
    element: lxml_html.HtmlElement | None = None
    """The element holding the body (microdata ``itemprop=text``)."""
    score: int | None = None
    downvotes: int | None = None
    url: str | None = None
    ref: str | None = None
    """Its ``@id`` (or url), what a ``parentItem`` points at."""
    parent_ref: str | None = None
    title: str | None = None
    accepted: bool = False
    children: list[Item] = field(default_factory=list)


@dataclass
class Declared:
    """A thread as declared: the post (when it is one of the items) and the replies."""

    post: Item | None
    replies: list[Item]
    title: str | None
    source: str
    """"JSON-LD" or "microdata": named in the warning."""

    def count(self) -> int:
        stack = list(self.replies)
        total = 0
        while stack:
            item = stack.pop()
            total += 1
            stack.extend(item.children)
        return total


def _type_name(value: object) -> str | None:
    """``"https://schema.org/Comment"`` and ``"Comment"`` and ``["Comment"]`` alike."""
    if isinstance(value, list):
        for entry in value:
            name = _type_name(entry)
            if name in _ALL_TYPES:
                return name
        return None
    if isinstance(value, str) and value:
        return value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return None


# JSON-LD ------------------------------------------------------------------------------------


def from_json_ld(root: lxml_html.HtmlElement) -> Declared | None:
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        _collect(data, objects, 0)
    index = {str(o["@id"]): o for o in objects if isinstance(o.get("@id"), str)}
    roots = [o for o in objects if _type_name(o.get("@type")) in THREAD_TYPES]
    for candidate in roots:
        if _type_name(candidate.get("@type")) == "QAPage":
            entity = _resolve(candidate.get("mainEntity"), index)
            if entity is None:
                continue
            candidate = entity
        declared = _thread_from_object(candidate, objects, index)
        if declared.count() > 0:
            return declared
    return None


def _collect(data: object, out: list[dict[str, Any]], depth: int) -> None:
    """Every JSON object in the data (``@graph``, arrays, nested values), in order."""
    if depth > 60:
        return
    if isinstance(data, list):
        for entry in data:
            _collect(entry, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        for value in data.values():
            if isinstance(value, (list, dict)):
                _collect(value, out, depth + 1)


def _resolve(value: object, index: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        ref = value.get("@id")
        if len(value) == 1 and isinstance(ref, str):
            return index.get(ref, value)
        return value
    if isinstance(value, str):
        return index.get(value)
    return None


def _listed(value: object, index: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    entries = value if isinstance(value, list) else [value] if value is not None else []
    out = []
    for entry in entries:
        resolved = _resolve(entry, index)
        if resolved is not None:
            out.append(resolved)
    return out


def _thread_from_object(
    top: dict[str, Any], objects: list[dict[str, Any]], index: dict[str, dict[str, Any]]
) -> Declared:
    post = _item_from_object(top)
    seen: set[int] = {id(top)}
    replies: list[Item] = []
    pending: list[tuple[dict[str, Any], list[Item], bool]] = []
    for key, accepted in (("acceptedAnswer", True), ("suggestedAnswer", False), ("comment", False)):
        for entry in _listed(top.get(key), index):
            pending.append((entry, replies, accepted))
    # Breadth of the top level first, in the page's order; each reply's own replies after it.
    queue = list(reversed(pending))
    while queue:
        obj, target, accepted = queue.pop()
        if id(obj) in seen or _type_name(obj.get("@type")) not in REPLY_TYPES | {None}:
            continue
        seen.add(id(obj))
        item = _item_from_object(obj)
        item.accepted = accepted
        target.append(item)
        for entry in reversed(_listed(obj.get("comment"), index)):
            queue.append((entry, item.children, False))
    # Replies declared apart from the post, placed by their parentItem.
    loose = [
        o
        for o in objects
        if id(o) not in seen and _type_name(o.get("@type")) in ("Comment", "Answer")
    ]
    by_ref: dict[str, Item] = {}
    for item in _walk(replies):
        if item.ref:
            by_ref[item.ref] = item
    post_ref = post.ref
    for obj in loose:
        item = _item_from_object(obj)
        parent = by_ref.get(item.parent_ref or "")
        if parent is not None and item.parent_ref != post_ref:
            parent.children.append(item)
        else:
            replies.append(item)
        if item.ref:
            by_ref[item.ref] = item
    title = squash(str(top.get("headline") or top.get("name") or "")) or None
    return Declared(post, replies, title, "JSON-LD")


def _walk(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.children))
    return out


def _item_from_object(obj: dict[str, Any]) -> Item:
    item = Item(kind=_type_name(obj.get("@type")) or "Comment")
    item.author = _author_name(obj.get("author") or obj.get("creator"))
    item.created = parse_machine_time(_text(obj.get("dateCreated") or obj.get("datePublished")))
    body = obj.get("text") or obj.get("articleBody") or obj.get("commentText")
    item.text = body if isinstance(body, str) and body.strip() else None
    item.score = _int(obj.get("upvoteCount"))
    item.downvotes = _int(obj.get("downvoteCount"))
    if item.score is None:
        item.score = _like_count(obj.get("interactionStatistic"))
    url = _text(obj.get("url"))
    item.url = url if url and url.startswith(("http://", "https://")) else None
    item.ref = _text(obj.get("@id")) or item.url
    parent = obj.get("parentItem")
    if isinstance(parent, list):
        parent = parent[0] if parent else None
    item.parent_ref = (
        _text(parent.get("@id") or parent.get("url")) if isinstance(parent, dict) else _text(parent)
    )
    item.title = squash(_text(obj.get("headline") or obj.get("name"))) or None
    return item


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _author_name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName") or value.get("identifier")
    name = squash(_text(value))
    return name[:80] if name else None


def _int(value: object) -> int | None:
    text = _text(value)
    if text is None:
        return None
    match = _INT.fullmatch(text.strip())
    if match is None:
        return None
    digits = re.sub(r"[,.\s]", "", match.group(0))
    try:
        return int(digits)
    except ValueError:
        return None


def _like_count(value: object) -> int | None:
    """``interactionStatistic``'s LikeAction (or vote) count, the closest thing to a score."""
    entries = value if isinstance(value, list) else [value]
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kind = entry.get("interactionType")
        if isinstance(kind, dict):
            kind = kind.get("@type")
        name = _type_name(kind) or ""
        if name in ("LikeAction", "VoteAction", "AgreeAction"):
            return _int(entry.get("userInteractionCount"))
    return None


# Microdata ----------------------------------------------------------------------------------


def from_microdata(root: lxml_html.HtmlElement) -> Declared | None:
    items: list[tuple[lxml_html.HtmlElement, Item]] = []
    by_element: dict[lxml_html.HtmlElement, Item] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("itemscope") is None:
            continue
        kind = _type_name((el.get("itemtype") or "").split())
        if kind not in _ALL_TYPES or kind in ("QAPage",):
            continue
        item = _item_from_element(el, kind)
        items.append((el, item))
        by_element[el] = item
    if not items:
        return None
    top: Item | None = None
    replies: list[Item] = []
    for el, item in items:
        parent = _nearest_item(el, by_element)
        if top is None and item.kind in THREAD_TYPES:
            top = item
            if parent is None:
                continue
        if parent is not None and parent is not top:
            parent.children.append(item)
        else:
            replies.append(item)
    if top is not None and top.element is None and not top.text and replies:
        # A container that only names the thread (its first reply is the opening post).
        first = replies.pop(0)
        replies[:0] = first.children
        first.children = []
        first.title = first.title or top.title
        top = first
    title = top.title if top is not None else None
    declared = Declared(top, replies, title, "microdata")
    return declared if declared.count() > 0 else None


def _nearest_item(
    el: lxml_html.HtmlElement, by_element: dict[lxml_html.HtmlElement, Item]
) -> Item | None:
    node = el.getparent()
    while node is not None:
        if node in by_element:
            return by_element[node]
        node = node.getparent()
    return None


def _props(item_el: lxml_html.HtmlElement) -> dict[str, list[lxml_html.HtmlElement]]:
    """The item's own properties: ``itemprop`` elements whose nearest item is this one."""
    out: dict[str, list[lxml_html.HtmlElement]] = {}
    stack = [k for k in item_el if isinstance(k.tag, str)]
    stack.reverse()
    while stack:
        node = stack.pop()
        for name in (node.get("itemprop") or "").split():
            out.setdefault(name, []).append(node)
        if node.get("itemscope") is None:
            kids = [k for k in node if isinstance(k.tag, str)]
            stack.extend(reversed(kids))
    return out


def _value(el: lxml_html.HtmlElement) -> str:
    for attr in ("content", "datetime", "data-value"):
        if el.get(attr) is not None:
            return squash(el.get(attr))
    if el.tag in ("a", "link") and el.get("href"):
        return squash(el.get("href"))
    return text_of(el)


def _item_from_element(el: lxml_html.HtmlElement, kind: str) -> Item:
    props = _props(el)
    item = Item(kind=kind)
    for author_el in props.get("author", []) + props.get("creator", []):
        if author_el.get("itemscope") is not None:
            names = _props(author_el).get("name", [])
            name = _value(names[0]) if names else text_of(author_el)
        else:
            name = _value(author_el)
        if name:
            item.author = name[:80]
            break
    for date_prop in ("dateCreated", "datePublished"):
        for date_el in props.get(date_prop, []):
            item.created = item.created or parse_machine_time(_value(date_el))
    for body_prop in _BODY_PROPS:
        if props.get(body_prop):
            body_el = props[body_prop][0]
            if body_el.tag == "meta":
                item.text = body_el.get("content")
            else:
                item.element = body_el
            break
    for vote in props.get("upvoteCount", []):
        item.score = _int(_value(vote))
    for stat in props.get("interactionStatistic", []):
        stat_props = _props(stat)
        kinds = [_value(k) for k in stat_props.get("interactionType", [])]
        counts = stat_props.get("userInteractionCount", [])
        if item.score is None and counts and any("Like" in k or "Vote" in k for k in kinds):
            item.score = _int(_value(counts[0]))
    urls = [_value(u) for u in props.get("url", [])]
    item.url = next((u for u in urls if u.startswith(("http://", "https://"))), None)
    for title_prop in ("headline", "name"):
        if props.get(title_prop):
            item.title = _value(props[title_prop][0]) or None
            break
    item.accepted = "acceptedAnswer" in (el.get("itemprop") or "").split()
    return item
