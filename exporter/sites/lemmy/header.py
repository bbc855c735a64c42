"""What a Lemmy comment's or post's header says (lemmy-ui 0.19 markup), read from its element.

The header holds the ``a.person-listing``, badges with ``aria-label`` (creator/mod/admin), vote
spans labelled "N Upvotes", and a ``span.moment-time`` whose tooltip carries the absolute time.
Icon ``<svg>``s carry ``<title>`` words ("link", "arrow-up") that must never leak into text, so
text is only read from the elements that hold it, with compiled XPaths. Apart from the page
walk (``dom``), which decides what is a comment and when it is let go: this reads one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import unquote

from lxml import etree

from ...clean import split_url, strip_xml_illegal
from ...page_tree import Element, class_test, every, strings
from ..numbers import read_int

_TIPPY_TIME = re.compile(
    r"(?:\w+,\s+)?(\w+)\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\s+at\s+(\d{1,2}):(\d{2}):(\d{2})\s*"
    r"(AM|PM)\s*GMT([+-]\d{2}):?(\d{2})",
    re.IGNORECASE,
)
_VOTES = re.compile(r"^\s*(-?[\d,]+)\s+(upvote|downvote|point|score)s?\b", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}:\d{2}:\d{2}")


def parse_tippy_time(text: str) -> tuple[datetime | None, datetime | None]:
    """lemmy-ui's tooltip: 'Tuesday, November 10th, 2026 at 9:02:12 AM GMT+00:00', and for an
    edited comment 'Created: … Modified …'. Returns (created, modified)."""
    found = [_tippy_to_datetime(m) for m in _TIPPY_TIME.finditer(text)]
    found = [f for f in found if f is not None]
    created = found[0] if found else None
    modified = found[1] if len(found) > 1 and "modified" in text.lower() else None
    return created, modified


def _tippy_to_datetime(match: re.Match[str]) -> datetime | None:
    month, day, year, hour, minute, second, ampm, off_h, off_m = match.groups()
    month_no = _month_number(month[:3])
    if month_no is None:
        return None
    hour_no = int(hour) % 12 + (12 if ampm.upper() == "PM" else 0)
    sign = -1 if off_h.startswith("-") else 1
    offset = timedelta(hours=abs(int(off_h)), minutes=int(off_m)) * sign
    try:
        local = datetime(
            int(year), month_no, int(day), hour_no, int(minute), int(second),
            tzinfo=timezone(offset),
        )  # fmt: skip
        return local.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # no such date, or one outside years 1-9999 in UTC
        return None


@lru_cache(maxsize=64)
def _month_number(name: str) -> int | None:
    """'Nov' → 11 (``strptime``'s ``%b``: a page's ten thousand times name twelve months, and
    ``strptime`` costs 30 µs a call)."""
    try:
        return datetime.strptime(name, "%b").month
    except ValueError:
        return None


def handle_from_href(href: str | None, default_host: str | None) -> str | None:
    """'/u/aeon@lemmy.ml' → 'aeon@lemmy.ml'; '/u/marshall_k' → 'marshall_k@<this instance>'."""
    if not href:
        return None
    parts = split_url(href)
    if parts is None:
        return None
    match = re.search(r"/u/([^/?#]+)", parts.path)
    if not match:
        return None
    name = unquote(match.group(1))
    if "@" in name:
        return name
    host = parts.hostname or default_host
    return f"{name}@{host}" if host else name


def text(tag: Element | None) -> str:
    """The element's strings, each stripped, joined by spaces (what bs4's ``get_text(" ",
    strip=True)`` gave, which the parser was written against)."""
    if tag is None:
        return ""
    return strip_xml_illegal(" ".join(s.strip() for s in strings(tag) if s.strip()))


def classes(tag: Element) -> list[str]:
    return str(tag.get("class") or "").split()


def has(name: str) -> str:
    """An XPath predicate: the ``class`` holds the word ``name`` (``contains`` first: it is a
    cheap refusal of most elements, and the word test only runs where it passed)."""
    return f"contains(@class, '{name}') and {class_test(name)}"


def class_words(tag: Element) -> list[str]:
    """The words of the ``class`` as :func:`class_test` reads them: split on XML's spaces only,
    as ``normalize-space`` splits (``str.split`` would also split on no-break spaces)."""
    words = str(tag.get("class") or "")
    return words.replace("\t", " ").replace("\n", " ").replace("\r", " ").split(" ")


# What a comment's header is read from, in three calls per comment (six searches of each
# comment cost half as much again): the ``aria-label`` values, the ``data-tippy-content``
# attributes (strings that know their element; the attribute steps cost less than a test of
# every element for the attribute), and the elements with the classes wanted. Not one union of
# all three: libxml2 merges two node sets in time |A|·|B|, and a page can hold a huge comment.
_LABELS = etree.XPath("descendant::*/@aria-label", smart_strings=False)
_TIPS = etree.XPath("descendant::*/@data-tippy-content")
_CLASSED = etree.XPath(
    f"descendant::a[{has('person-listing')}][1]"
    f" | descendant::span[{has('badge')} or {has('moment-time')}]"
    f" | descendant::div[{has('md-div')}][1]"
)


@dataclass
class Header:
    """What a comment's or the post's header says."""

    author: str | None = None
    href: str | None = None
    is_op: bool = False
    is_moderator: bool = False
    is_admin: bool = False
    score: int | None = None
    upvotes: int | None = None
    downvotes: int | None = None
    created: datetime | None = None
    edited: datetime | bool | None = None
    tooltip: Element | None = None
    """The element whose tooltip gave the time; its words are the relative time shown."""
    body: Element | None = None
    """The first ``div.md-div``: the comment's body."""


def header_facts(node: Element) -> Header:
    """What a comment's or post's header says, reading only the elements that hold text."""
    facts = Header()
    for label in _found_strings(_LABELS, node):
        if votes := _VOTES.match(label):
            _read_votes(facts, votes)
    tipped = [
        tip.getparent()
        for tip in _found_strings(_TIPS, node)
        if isinstance(tip, etree._ElementUnicodeResult)
    ]
    person = moment = None
    badges: set[str] = set()
    for part in every(_CLASSED, node):
        tag = part.tag
        words = class_words(part)
        if tag == "a":
            if person is None and "person-listing" in words:
                person = part
        elif tag == "span":
            if "badge" in words and not _in_body(part, node):
                badges.add(str(part.get("aria-label") or "").lower())
            if moment is None and "moment-time" in words:
                moment = part
        elif tag == "div" and facts.body is None and "md-div" in words:
            facts.body = part
    if person is not None:
        facts.author = str(person.get("title") or "").strip() or _person_name(person) or None
        href = person.get("href")
        facts.href = str(href) if href else None
    facts.is_op = "creator" in badges
    facts.is_moderator = "mod" in badges or "moderator" in badges
    facts.is_admin = "admin" in badges
    tooltip = next(
        (t for t in tipped if t is not None and _CLOCK.search(str(t.get("data-tippy-content")))),
        moment,
    )
    if tooltip is not None:
        created, modified = parse_tippy_time(str(tooltip.get("data-tippy-content") or ""))
        facts.created = created
        facts.edited = modified or (True if tooltip.find(".//svg") is not None else None)
        facts.tooltip = tooltip
    return facts


def _found_strings(xpath: etree.XPath, node: Element) -> list[str]:
    """The strings a compiled XPath of attribute values finds (its result type is a wide union)."""
    found = xpath(node)
    return [item for item in found if isinstance(item, str)] if isinstance(found, list) else []


def _person_name(person: Element) -> str:
    """The name a person link shows (its first ``<span>``), for a link without a ``title``."""
    return text(next((child for child in person if child.tag == "span"), None))


def _read_votes(facts: Header, votes: re.Match[str]) -> None:
    """A label such as "11 Upvotes" or "3 points" (the last of each kind counts)."""
    value, kind = read_int(votes.group(1)), votes.group(2).lower()
    if value is None:
        return
    if kind == "upvote":
        facts.upvotes = value
    elif kind == "downvote":
        facts.downvotes = value
    else:
        facts.score = value


def _in_body(el: Element, node: Element) -> bool:
    """Whether ``el`` sits in a ``div.md-div`` (a body's own words) inside ``node``; the walk
    stops at ``node``, so it costs the header's depth, not the page's."""
    for ancestor in el.iterancestors():
        if ancestor is node:
            return False
        if ancestor.tag == "div" and "md-div" in classes(ancestor):
            return True
    return False
