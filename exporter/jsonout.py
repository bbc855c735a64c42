"""``--json``: the parsed thread as indented JSON, written without recursion.

``json.dump(..., indent=2)`` recurses once per nested container, two per reply level, so a
reply chain 500 deep already raises ``RecursionError``; and its indentation grows with depth,
so a 100,000-deep chain would print gigabytes of spaces. This writer keeps its own stack and
stops indenting deeper after ``MAX_INDENT_LEVELS``: for every real thread its text is exactly
``json.dumps(value, ensure_ascii=False, indent=2)``; deeper, it is the same JSON, less indented.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

INDENT = "  "
MAX_INDENT_LEVELS = 100
"""Containers deep (two per reply level) after which lines stop moving right."""
_END = object()


@dataclass
class _Frame:
    """An open object or array: what is left of it, how it closes, how deep it sits."""

    items: Iterator[Any]
    close: str
    level: int
    first: bool = True


def iter_json(value: Any) -> Iterator[str]:
    """The JSON text of ``value`` (dicts with string keys, lists, scalars) in small pieces."""
    frames: list[_Frame] = []
    pending, level = value, 0
    while True:
        if isinstance(pending, dict) and pending:
            frames.append(_Frame(iter(pending.items()), "}", level))
            yield "{"
        elif isinstance(pending, list) and pending:
            frames.append(_Frame(iter(pending), "]", level))
            yield "["
        else:
            yield json.dumps(pending, ensure_ascii=False)
        # Close every finished container, up to the one that still has an item.
        while frames:
            frame = frames[-1]
            item: Any = next(frame.items, _END)
            if item is not _END:
                break
            frames.pop()
            yield "\n" + _indent(frame.level) + frame.close
        else:
            return
        level = frame.level + 1
        head = ("\n" if frame.first else ",\n") + _indent(level)
        frame.first = False
        if frame.close == "}":
            key, pending = item
            yield head + json.dumps(key, ensure_ascii=False) + ": "
        else:
            pending = item
            yield head


def write_json(value: Any, stream: BinaryIO) -> None:
    """Write ``value`` and a newline as UTF-8, whatever the locale's encoding (JSON is UTF-8,
    and ``LC_ALL=C`` would otherwise fail on the first accented name). A lone surrogate
    (from undecodable bytes in ``--title``) becomes its ``\\uXXXX`` escape: still valid JSON."""
    batch: list[str] = []
    size = 0
    for piece in iter_json(value):
        batch.append(piece)
        size += len(piece)
        if size >= _BATCH:
            stream.write("".join(batch).encode("utf-8", "backslashreplace"))
            batch, size = [], 0
    batch.append("\n")
    stream.write("".join(batch).encode("utf-8", "backslashreplace"))


_BATCH = 1 << 16


def _indent(level: int) -> str:
    return INDENT * min(level, MAX_INDENT_LEVELS)
