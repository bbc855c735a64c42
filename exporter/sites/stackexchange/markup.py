"""Small readers of Stack Exchange markup shared by posts and comments: classes, text, the
user a signature or comment names, and the UTC times SE writes in ``title`` attributes."""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import Tag

from ...clean import strip_xml_illegal
from ...dates import parse_iso
from ..soup import attr, text_of

_USER = re.compile(r"/users/(-?\d{1,15})(?:/|$)")
# "2008-10-23 22:21:11Z", optionally followed by ", License: CC BY-SA 3.0" (comments).
_SE_TIME = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})Z?")


def first(tag: Tag, predicate: str) -> Tag | None:
    """The first descendant with this class (bs4's ``class_`` matches one of several)."""
    found = tag.find(class_=predicate)
    return found if isinstance(found, Tag) else None


def se_time(value: str | None) -> datetime | None:
    """SE's ``title`` times are UTC: "2008-10-23 22:21:11Z"."""
    match = _SE_TIME.match(value or "")
    if match is None:
        return parse_iso(value)
    return parse_iso(f"{match.group(1)}T{match.group(2)}+00:00")


def user_of(holder: Tag | None) -> tuple[str | None, str | None]:
    """(display name, numeric user id) of the person a ``.user-details`` or a comment names;
    a deleted account shows its old name without a link."""
    if holder is None:
        return None, None
    links = [holder] if holder.name == "a" else holder.find_all("a")
    link = next(
        (a for a in links if isinstance(a, Tag) and _USER.search(attr(a, "href") or "")),
        None,
    )
    if link is not None:
        match = _USER.search(attr(link, "href") or "")
        return text_of(link) or None, match.group(1) if match else None
    named = holder.find(None, {"itemprop": "name"})
    if isinstance(named, Tag) and text_of(named):
        return text_of(named), None
    for piece in holder.strings:
        text = " ".join(str(piece).split())
        if text:
            return strip_xml_illegal(text), None
    return None, None
