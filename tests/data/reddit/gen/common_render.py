"""Small helpers both designs share: escaping, Reddit's ways of printing a time, writing files."""

from __future__ import annotations

import html
import json
import os
from datetime import datetime
from pathlib import Path


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def z(t: datetime) -> str:
    """2025-03-09T14:12:33.118Z (faceplate-timeago / <time datetime>)."""
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def plus0000(t: datetime) -> str:
    """2025-03-09T14:12:33.118000+0000 (shreddit's created / created-timestamp)."""
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+0000"


def short_rel(t: datetime, saved: datetime) -> str:
    """shreddit's format="short": 20m ago, 5h ago, 2d ago, 3mo ago, 1y ago."""
    s = (saved - t).total_seconds()
    if s < 3600:
        return f"{int(s // 60)}m ago"
    if s < 86400:
        return f"{int(s // 3600)}h ago"
    if s < 30 * 86400:
        return f"{int(s // 86400)}d ago"
    if s < 365 * 86400:
        return f"{int(s // (30 * 86400))}mo ago"
    return f"{int(s // (365 * 86400))}y ago"


def long_title(t: datetime) -> str:
    return (
        t.strftime("%A, %B ")
        + str(t.day)
        + t.strftime(", %Y at ")
        + str(int(t.strftime("%I")))
        + t.strftime(":%M:%S %p UTC")
    )


def react_rel(t: datetime, saved: datetime, style: str) -> str:
    """2019: '15 hours ago'; 2023: '3 hr. ago', '2 days ago', '1 yr. ago'."""
    s = (saved - t).total_seconds()
    if style == "2019":
        for size, word in (
            (365 * 86400, "year"),
            (30 * 86400, "month"),
            (86400, "day"),
            (3600, "hour"),
            (60, "minute"),
        ):
            if s >= size:
                n = int(s // size)
                return f"{n} {word}{'s' if n != 1 else ''} ago"
        return "just now"
    for size, one, many in (
        (365 * 86400, "yr.", "yr."),
        (30 * 86400, "mo.", "mo."),
        (86400, "day", "days"),
        (3600, "hr.", "hr."),
        (60, "min.", "min."),
    ):
        if s >= size:
            n = int(s // size)
            return f"{n} {one if n == 1 else many} ago"
    return "just now"


def write(path: Path, text: str) -> None:
    """Write one output as UTF-8 with bare newlines and say so, as the HN generator does."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path)} ({len(text.encode('utf-8'))} bytes)")


def dump(path: Path, data: object) -> None:
    """The expected JSON: sorted keys, one-space indent, non-ASCII kept as is."""
    write(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
