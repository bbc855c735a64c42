"""Small readers of XenForo markup that both generations (XF1 and XF2) share.

The page is parsed with lxml directly, as the Hacker News module does: a thread page holds a
few dozen posts but a lot of chrome, and lxml walks it many times faster than BeautifulSoup.
Elements are found by walking with ``iter`` and testing class tokens, never with ``//x[pred]``
XPath, which libxml2 evaluates in quadratic time on deeply nested pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import TypeAlias

from lxml import html as lxml_html

from ...clean import join_url, split_url, strip_xml_illegal
from ...dates import parse_iso
from ..numbers import read_int

Element: TypeAlias = lxml_html.HtmlElement

# "+0000" (what XenForo writes) is read by Python 3.11's fromisoformat but not by 3.10's.
_COMPACT_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")
_THREAD_PATH = re.compile(r"^(?P<prefix>.*?[/?])threads/(?:[^/?#]*\.)?(?P<id>\d+)(?=[/?#]|$)")
_PAGE_PART = re.compile(r"/page-(\d+)(?=[/?#]|$)")
_NUMBER = re.compile(r"#\s*([\d,]+)")


def classes(el: Element) -> set[str]:
    return set(str(el.get("class") or "").split())


def elements(root: Element, tag: str | None = None) -> Iterator[Element]:
    """Descendants that are elements (not comments or processing instructions)."""
    for el in root.iter(tag) if tag else root.iter():
        if isinstance(el.tag, str) and el is not root:
            yield el


def by_class(root: Element, name: str, tag: str | None = None) -> Iterator[Element]:
    for el in elements(root, tag):
        if name in classes(el):
            yield el


def first_class(root: Element | None, name: str, tag: str | None = None) -> Element | None:
    if root is None:
        return None
    return next(by_class(root, name, tag), None)


def first_of(*candidates: Element | None) -> Element | None:
    """The first that is not None (an element with no children is falsy: never use ``or``)."""
    return next((el for el in candidates if el is not None), None)


def text_of(el: Element | None) -> str:
    """The element's words on one line, without characters XML forbids."""
    if el is None:
        return ""
    return " ".join(strip_xml_illegal(el.text_content()).split())


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
