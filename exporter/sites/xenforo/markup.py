"""Small readers of XenForo markup that both generations (XF1 and XF2) share.

The page is the shared lxml tree (``exporter.page_tree.page_tree``: plain etree elements, no
``lxml.html`` class lookup per element touched). XenForo's markup is told apart by class
names, and a 200-page thread is half a million elements searched a dozen times a post:
``ClassIndex`` files a tree's elements by class once, and the searches look there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import cast, overload

from lxml import etree

from ...clean import join_url, split_url, strip_xml_illegal
from ...dates import parse_iso
from ...page_tree import Element
from ..numbers import read_int

# "+0000" (what XenForo writes) is read by Python 3.11's fromisoformat but not by 3.10's.
_COMPACT_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")
_THREAD_PATH = re.compile(r"^(?P<prefix>.*?[/?])threads/(?:[^/?#]*\.)?(?P<id>\d+)(?=[/?#]|$)")
_PAGE_PART = re.compile(r"/page-(\d+)(?=[/?#]|$)")
_NUMBER = re.compile(r"#\s*([\d,]+)")
_STRING = etree.XPath("string()", smart_strings=False)
_CLASSED = etree.XPath("descendant::*[@class]")


def classes(el: Element) -> set[str]:
    return set(str(el.get("class") or "").split())


def elements(root: Element, tag: str | None = None) -> Iterator[Element]:
    """Descendants that are elements (not comments or processing instructions)."""
    for el in root.iter(tag) if tag else root.iter():
        if isinstance(el.tag, str) and el is not root:
            yield el


class ClassIndex:
    """The elements inside ``root`` (a page, a post, a body) by the words of their ``class``,
    from one walk of it; what every search by class name goes through.

    Why: a post is searched a dozen times (author, time, number, threadmark, reactions, body…)
    and its body half a dozen more (chrome, smilies, quotes, spoilers…). Each search of a tree,
    by XPath or in Python, costs about half a microsecond for every element it visits (and an
    XPath call some microseconds more); one walk that files every element under its class
    words costs about as much as one search, and then a search looks at the few elements filed
    under its name.

    The tree may change after the walk (bodies are rewritten in place): a search returns only
    elements that are still inside the root (or ``within``) and still hold the class, as a
    new walk would. Elements added since are not found; the rewrites add none with a class.
    """

    def __init__(self, root: Element) -> None:
        self.root = root
        self._classed = cast("list[Element]", _CLASSED(root))
        self._named: dict[str, list[Element]] = {}
        self._order: dict[Element, int] = {}
        for el in self._classed:
            for name in str(el.get("class")).split():
                filed = self._named.setdefault(name, [])
                if not filed or filed[-1] is not el:
                    filed.append(el)

    def every(
        self, names: str | tuple[str, ...], within: Element | None = None, tag: str | None = None
    ) -> list[Element]:
        """The elements (of ``tag``, if given) whose class holds ``names`` (one of them),
        inside ``within`` (itself not included; by default the root), in document order."""
        return list(self._search(names, within, tag))

    def first(
        self, names: str | tuple[str, ...], within: Element | None = None, tag: str | None = None
    ) -> Element | None:
        return next(self._search(names, within, tag), None)

    def _search(
        self, names: str | tuple[str, ...], within: Element | None, tag: str | None
    ) -> Iterator[Element]:
        wanted = (names,) if isinstance(names, str) else names
        found = [el for name in wanted for el in self._named.get(name, ())]
        if len(wanted) > 1:
            if not self._order:
                self._order = {el: n for n, el in enumerate(self._classed)}
            found = sorted(set(found), key=self._order.__getitem__)
        scope = self.root if within is None else within
        for el in found:
            if tag is not None and el.tag != tag:
                continue
            now = str(el.get("class") or "").split()
            if not any(name in now for name in wanted):
                continue
            for up in el.iterancestors():
                if up is scope:
                    yield el
                    break


@overload
def first_of(found: Element | None, fallback: Element, /) -> Element: ...
@overload
def first_of(*candidates: Element | None) -> Element | None: ...
def first_of(*candidates: Element | None) -> Element | None:
    """The first that is not None (an element with no children is falsy: never use ``or``)."""
    return next((el for el in candidates if el is not None), None)


def text_of(el: Element | None) -> str:
    """The element's words on one line, without characters XML forbids (the text of its
    text nodes, as ``lxml.html``'s ``text_content``: no comment's text)."""
    if el is None:
        return ""
    return " ".join(strip_xml_illegal(str(_STRING(el))).split())


def head_link(root: Element, rel: str) -> str | None:
    for link in elements(root, "link"):
        if rel in str(link.get("rel") or "").lower().split():
            href = str(link.get("href") or "").strip()
            if href:
                return href
    return None


def meta(root: Element, key: str) -> str | None:
    """A ``<meta property=…>`` or ``<meta name=…>`` value."""
    for el in elements(root, "meta"):
        if key in (el.get("property"), el.get("name")):
            value = str(el.get("content") or "").strip()
            if value:
                return value
    return None


def base_href(root: Element) -> str | None:
    """XenForo 1 writes ``<base href>`` and relative links ("posts/123/") that need it."""
    for el in elements(root, "base"):
        href = str(el.get("href") or "").strip()
        if href:
            return href
    return None


def absolute(href: str | None, base: str | None) -> str | None:
    href = (href or "").strip()
    if not href:
        return None
    if base:
        return join_url(base, href)
    parts = split_url(href)
    return href if parts is not None and parts.scheme in {"http", "https"} else None


def time_from_element(el: Element | None) -> datetime | None:
    """An XF2 ``<time>`` or XF1 ``abbr.DateTime``: the ISO ``datetime``, else the unix time
    (``data-timestamp`` in XF 2.3, ``data-time`` before it; 2.3 reuses ``data-time`` for the
    clock text, so only a number there counts)."""
    if el is None:
        return None
    iso = str(el.get("datetime") or "").strip()
    if iso:
        moment = parse_iso(_COMPACT_OFFSET.sub(r"\1:\2", iso))
        if moment is not None:
            return moment
    for name in ("data-timestamp", "data-time"):
        seconds = read_int(el.get(name))
        if seconds is not None and seconds > 0:
            try:
                return datetime.fromtimestamp(seconds, tz=timezone.utc)
            except (OverflowError, OSError, ValueError):
                return None
    return None


def post_number(text: str) -> int | None:
    """ "#12" → 12 (the number a post shows in its corner)."""
    match = _NUMBER.search(text)
    return read_int(match.group(1)) if match else None


def thread_identity(url: str | None) -> tuple[str, str] | None:
    """(``host/prefix/threads/ID``, ID) from a thread address, without its slug or page.

    The slug changes whenever the thread is renamed (quests add "Thread 2", a status tag…)
    and the page part differs per page; the numeric id is what XenForo itself goes by."""
    parts = split_url(url) if url else None
    if parts is None or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    match = _THREAD_PATH.match(rest)
    if match is None:
        return None
    return f"{host}{match.group('prefix')}threads/{match.group('id')}", match.group("id")


def page_from_url(url: str | None) -> int | None:
    match = _PAGE_PART.search(url or "")
    return read_int(match.group(1)) if match else None


def title_without_site(title: str) -> str:
    """ "Quest | Page 4 | Some Forum" → "Quest" (the ``<title>``, when the page has no h1)."""
    parts = [part.strip() for part in title.split(" | ")]
    parts = [p for p in parts if p and not re.fullmatch(r"Page \d+", p)]
    if len(parts) > 1:
        parts = parts[:-1]
    return " | ".join(parts)
