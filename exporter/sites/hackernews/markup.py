"""Small readers of Hacker News markup that the story and the comment rows share.

HN's HTML has barely changed since 2007, but the small changes matter: the age's ``title``
went from absent, to an ISO time (2019), to "ISO unixtime" (2023); the body went from
``span.c00`` (its colour class only), to ``span.commtext c00``, to ``div.commtext c00``; and
the body's first paragraph is bare text while the later ones follow ``<p>`` tags (closed in a
browser's save, unclosed in the server's HTML). These helpers absorb those differences.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from lxml import etree
from lxml import html as lxml_html

from ...clean import clean_html, join_url, strip_xml_illegal
from ...dates import parse_iso
from ..numbers import read_int

BASE_URL = "https://news.ycombinator.com/"
"""What HN's relative links (``item?id=N``, ``user?id=x``) are relative to."""

_BLOCKS = frozenset(
    {"p", "pre", "div", "blockquote", "ul", "ol", "dl", "table", "hr", "h1", "h2", "h3", "h4"}
)
_COLOUR = re.compile(r"^c[0-9a-f]{2}$")
_ITEM_ID = re.compile(r"item\?id=(\d+)")
_POINTS = re.compile(r"(-?\d[\d,]*)\s+points?")


def select(xpath: etree.XPath, el: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements a compiled XPath finds under ``el`` (its result type is a wide union)."""
    found = xpath(el)
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, lxml_html.HtmlElement)]


def class_names(el: lxml_html.HtmlElement) -> list[str]:
    return str(el.get("class") or "").split()


def is_colour_class(names: list[str]) -> bool:
    """HN's text colours: ``c00`` for normal text, ``c5a``…``cdd`` fading as votes go down."""
    return any(_COLOUR.match(name) for name in names)


def text_of(el: lxml_html.HtmlElement | None) -> str:
    """The element's text on one line, without characters XML forbids."""
    if el is None:
        return ""
    return " ".join(strip_xml_illegal(el.text_content()).split())


def parse_age_title(title: str | None) -> datetime | None:
    """The ``title`` of ``span.age``: "2023-07-21T18:04:01" (UTC), or the newer form with the
    unix time after it, "2023-07-23T12:34:56 1690115696"; the unix time wins when present."""
    if not title:
        return None
    parts = title.split()
    if len(parts) >= 2 and parts[1].isdigit():
        try:
            return datetime.fromtimestamp(int(parts[1]), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            pass
    return parse_iso(parts[0] if parts else None)


def item_id_from_href(href: str | None) -> str | None:
    match = _ITEM_ID.search(href or "")
    return match.group(1) if match else None


def item_url(item_id: str) -> str:
    return f"{BASE_URL}item?id={item_id}"


def absolute(href: str | None) -> str | None:
    return join_url(BASE_URL, href.strip()) if href and href.strip() else None


def points(text: str) -> int | None:
    """ "123 points" / "1 point" → the number; None when the page shows no score."""
    match = _POINTS.search(text)
    return read_int(match.group(1)) if match else None


_EMPTY_LEAVES = etree.XPath(".//*[not(*) and not(normalize-space())]")
_REPLY_BLOCKS = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' reply ')]")
_KEEP_EMPTY = frozenset({"br", "img", "hr", "td", "th"})


def _tidy(container: lxml_html.HtmlElement) -> None:
    """Drop empty inline elements (the pre-2020 ``<span> </span>`` before the reply block) and
    the whitespace they leave at the edges of paragraphs."""
    for el in select(_EMPTY_LEAVES, container):
        if el.tag not in _KEEP_EMPTY | _BLOCKS:
            el.drop_tree()
    for para in container.iter("p"):
        para.text = (para.text or "").lstrip() or None
        if len(para):
            para[-1].tail = (para[-1].tail or "").rstrip() or None
        elif para.text:
            para.text = para.text.rstrip()


def drop_reply_links(container: lxml_html.HtmlElement) -> None:
    """Remove the "reply" block, which the pre-2020 markup put inside the body itself."""
    for el in select(_REPLY_BLOCKS, container):
        el.drop_tree()


def body_html(container: lxml_html.HtmlElement) -> str:
    """A comment or story text as clean XHTML, every paragraph in its own ``<p>``.

    HN writes the first paragraph as bare text and starts each later one with ``<p>``; runs of
    text and inline elements between the blocks are wrapped so that the first paragraph is a
    paragraph too (and text a ``<pre>`` left behind is not glued to the next one).
    """
    drop_reply_links(container)
    _tidy(container)
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        joined = "".join(run)
        if joined.strip():
            parts.append(f"<p>{joined.strip()}</p>")
        run.clear()

    if container.text:
        run.append(html.escape(container.text, quote=False))
    for child in container:
        if isinstance(child.tag, str):
            markup = lxml_html.tostring(child, encoding="unicode", with_tail=False)
            if child.tag in _BLOCKS:
                flush()
                parts.append(markup)
            else:
                run.append(markup)
        if child.tail:
            run.append(html.escape(child.tail, quote=False))
    flush()
    return clean_html("".join(parts), BASE_URL)
