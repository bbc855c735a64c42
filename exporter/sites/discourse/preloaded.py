"""Discourse's ``data-preloaded`` JSON, read even when the saved page damaged it.

The server embeds the topic the app starts from: ``<div id="data-preloaded"
data-preloaded="{…}">`` (newer builds: ``<script id="data-preloaded" type="application/json">``),
an object whose values are themselves JSON *strings* (``"topic_12483": "{\\"post_stream\\": …}"``).
Real saved pages break it: a save that rewrote ``&quot;`` inside the attribute, a page cut
short. One bad character must not cost every post, so a value that does not decode is read
piece by piece: each post object of ``post_stream.posts`` on its own (``raw_decode`` from each
``{"id":`` start), the ``stream`` of post ids, and the topic's own fields.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_DECODER = json.JSONDecoder(strict=False)
_TOPIC_KEY = re.compile(r'"topic_(\d{1,15})"\s*:\s*')
_OBJECT_START = re.compile(r'\{\s*"id"\s*:')
_POSTS = re.compile(r'"posts"\s*:\s*\[')
_STREAM = re.compile(r'"stream"\s*:\s*\[')
_INT = re.compile(r"-?\d{1,15}")
# A backslash escape JSON allows, or any other backslash and what follows it (damage).
_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|["\\/bfnrt])|\\(.?)', re.DOTALL)
_TOPIC_FIELDS = ("title", "fancy_title", "slug", "category_id", "posts_count", "chunk_size")
MAX_POSTS = 100_000
"""No topic page preloads more; a damaged value cannot make the salvage loop run longer."""


@dataclass
class Preloaded:
    """What the page's JSON still says about its topic."""

    topic_id: str | None = None
    posts: list[dict[str, Any]] = field(default_factory=list)
    """Post objects in stream order, each with an int ``post_number``."""
    stream: list[int] = field(default_factory=list)
    """Every post id of the topic, also those not in the page."""
    topic: dict[str, Any] = field(default_factory=dict)
    damaged: bool = False
    """Some of the JSON could not be read; what is here was salvaged around the damage."""


def read(raw: str | None) -> Preloaded | None:
    """The topic in the preloaded JSON text, or None when it holds no topic at all."""
    if not raw or not raw.strip():
        return None
    found = _topic_value(raw)
    if found is None:
        return None
    topic_id, value, damaged = found
    if isinstance(value, dict):
        return _from_topic(topic_id, value, damaged)
    try:
        data = _DECODER.decode(value)
    except ValueError:
        data = None
    if isinstance(data, dict):
        return _from_topic(topic_id, data, damaged)
    return _salvage_topic(topic_id, value)


def _topic_value(raw: str) -> tuple[str, dict[str, Any] | str, bool] | None:
    """The ``topic_<id>`` value: a decoded dict, or the text of its JSON; and whether the
    outer object was damaged."""
    try:
        outer = _DECODER.decode(raw)
    except (ValueError, RecursionError):
        outer = None
    if isinstance(outer, dict):
        for key in sorted(outer):
            match = re.fullmatch(r"topic_(\d{1,15})", key)
            value = outer[key]
            if match and isinstance(value, (str, dict)):
                return match.group(1), value, False
        return None
    match = _TOPIC_KEY.search(raw)
    if match is None:
        return None
    start = match.end()
    if raw.startswith('"', start):
        return match.group(1), _lenient_string(raw, start + 1), True
    try:
        value, _ = _DECODER.raw_decode(raw, start)
    except (ValueError, RecursionError):
        return match.group(1), raw[start:], True
    if isinstance(value, dict):
        return match.group(1), value, True
    return match.group(1), raw[start:], True


def _lenient_string(raw: str, start: int) -> str:
    """A JSON string's content from ``start`` to its closing quote (or the end of the text),
    with escapes JSON does not know taken as the character they escape."""
    pos = start
    end = len(raw)
    while pos < end:
        char = raw[pos]
        if char == "\\":
            pos += 2
            continue
        if char == '"':
            break
        pos += 1
    body = raw[start : min(pos, end)]
    fixed = _ESCAPE.sub(lambda m: m.group(0) if m.group(1) else _escape_json(m.group(2)), body)
    try:
        text = _DECODER.decode(f'"{fixed}"')
    except ValueError:
        return fixed
    return text if isinstance(text, str) else fixed


def _escape_json(char: str) -> str:
    return json.dumps(char)[1:-1] if char else ""


def _from_topic(topic_id: str, data: dict[str, Any], damaged: bool) -> Preloaded:
    stream_holder = data.get("post_stream")
    holder = stream_holder if isinstance(stream_holder, dict) else {}
    posts_value = holder.get("posts")
    posts = [p for p in posts_value if _is_post(p)] if isinstance(posts_value, list) else []
    stream_value = holder.get("stream")
    stream = [i for i in stream_value if type(i) is int] if isinstance(stream_value, list) else []
    topic = {k: data[k] for k in _TOPIC_FIELDS if k in data}
    return Preloaded(topic_id, _unique(posts), stream, topic, damaged)


def _salvage_topic(topic_id: str, text: str) -> Preloaded:
    """Every post object that still decodes on its own, the stream, and the topic's fields."""
    posts: list[dict[str, Any]] = []
    match = _POSTS.search(text)
    pos = match.end() if match else len(text)
    end = len(text)
    while pos < end and len(posts) < MAX_POSTS:
        while pos < end and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= end or text[pos] == "]":
            break
        if text[pos] == "{":
            try:
                obj, after = _DECODER.raw_decode(text, pos)
            except (ValueError, RecursionError):
                obj, after = None, pos + 1
            if _is_post(obj):
                assert isinstance(obj, dict)
                posts.append(obj)
                pos = after
                continue
            pos = max(after, pos + 1) if obj is not None else pos + 1
        following = _OBJECT_START.search(text, pos)
        if following is None:
            break
        pos = following.start()
    return Preloaded(
        topic_id, _unique(posts), _salvage_stream(text), _salvage_fields(topic_id, text), True
    )


def _salvage_stream(text: str) -> list[int]:
    match = _STREAM.search(text)
    if match is None:
        return []
    try:
        value, _ = _DECODER.raw_decode(text, match.end() - 1)
    except (ValueError, RecursionError):
        closing = text.find("]", match.end())
        chunk = text[match.end() : closing if closing >= 0 else len(text)]
        return [int(n) for n in _INT.findall(chunk)]
    return [i for i in value if type(i) is int] if isinstance(value, list) else []


def _salvage_fields(topic_id: str, text: str) -> dict[str, Any]:
    """The topic's own fields follow its ``"id":<topic id>`` (Discourse's serializer writes
    ``id`` then ``title``), after the posts and the suggested topics that have fields of the
    same names."""
    anchors = [m.end() for m in re.finditer(rf'"id"\s*:\s*{topic_id}\s*,', text)]
    if not anchors:
        return {}
    after = anchors[-1]
    fields: dict[str, Any] = {}
    for key in _TOPIC_FIELDS:
        match = re.compile(rf'"{key}"\s*:\s*').search(text, after)
        if match is None:
            continue
        try:
            value, _ = _DECODER.raw_decode(text, match.end())
        except (ValueError, RecursionError):
            continue
        if isinstance(value, (str, int)):
            fields[key] = value
    return fields


def _is_post(value: object) -> bool:
    return (
        isinstance(value, dict)
        and type(value.get("post_number")) is int
        and 0 < value["post_number"] < 10**9
        and ("cooked" in value or "username" in value)
    )


def _unique(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[int] = set()
    out = []
    for post in posts:
        number = post["post_number"]
        if number not in seen:
            seen.add(number)
            out.append(post)
    return out
