"""Small readers of Hacker News markup that the story and the comment rows share.

HN's HTML has barely changed since 2007, but the small changes matter: the age's ``title``
went from absent, to an ISO time (2019), to "ISO unixtime" (2023); the body went from
``span.c00`` (its colour class only), to ``span.commtext c00``, to ``div.commtext c00``; and
the body's first paragraph is bare text while the later ones follow ``<p>`` tags (closed in a
browser's save, unclosed in the server's HTML). These helpers absorb those differences.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from lxml import etree

from ...clean import clean_tree, join_url, strip_xml_illegal
from ...dates import parse_iso
from ...page_tree import Element
from ...tree_edits import drop_tree, strip_elements
from ..numbers import read_int

BASE_URL = "https://news.ycombinator.com/"
"""What HN's relative links (``item?id=N``, ``user?id=x``) are relative to."""

_BLOCKS = frozenset(
    {"p", "pre", "div", "blockquote", "ul", "ol", "dl", "table", "hr", "h1", "h2", "h3", "h4"}
)
_COLOUR = re.compile(r"^c[0-9a-f]{2}$")
_ITEM_ID = re.compile(r"item\?id=(\d+)")
_POINTS = re.compile(r"(-?\d[\d,]*)\s+points?")
_XML_SPACE = " \t\r\n"
"""What XPath's ``normalize-space`` counts as space (not the no-break space)."""


def class_names(el: Element) -> list[str]:
    return str(el.get("class") or "").split()


def is_colour_class(names: list[str]) -> bool:
    """HN's text colours: ``c00`` for normal text, ``c5a``…``cdd`` fading as votes go down."""
    return any(_COLOUR.match(name) for name in names)


def text_of(el: Element | None) -> str:
    """The element's text on one line, without characters XML forbids (a character reference
    such as ``&#1;`` puts one in the tree)."""
    return one_line(raw_text(el)) if el is not None else ""


def raw_text(el: Element) -> str:
    """The element's text as the page has it. An element with children is read by libxml2's
    text serialiser, much cheaper than gathering the pieces in Python."""
    if len(el):
        return etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    return el.text or ""


def one_line(text: str) -> str:
    """``text`` with its runs of space made one space, without characters XML forbids (printable
    ASCII, most names and ages, has none: that test costs a tenth of the search)."""
    if not (text.isascii() and text.isprintable()):
        text = strip_xml_illegal(text)
    return " ".join(text.split())


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


_KEEP_EMPTY = frozenset({"br", "img", "hr", "td", "th"}) | _BLOCKS


def _is_empty_leaf(el: Element) -> bool:
    """An element without element children whose text is only spaces (XPath's
    ``not(*) and not(normalize-space())``): a comment inside does not count as content."""
    text = el.text or ""
    if len(el):
        if any(isinstance(child.tag, str) for child in el):
            return False
        text += "".join(child.tail or "" for child in el)
    return not text.strip(_XML_SPACE)


def _tidy(container: Element) -> None:
    """Drop empty inline elements (the pre-2020 ``<span> </span>`` before the reply block) and
    the whitespace they leave at the edges of paragraphs. A Python walk of the body's few
    elements, one for both jobs (and none for a body of bare text): cheaper than an XPath call
    per body on a page of 10,000."""
    empty: list[Element] = []
    paras = [container] if container.tag == "p" else []
    if len(container):
        for el in container.iterdescendants(etree.Element):
            if el.tag == "p":
                paras.append(el)
            elif el.tag not in _KEEP_EMPTY and _is_empty_leaf(el):
                empty.append(el)
    if empty:
        strip_elements(dict.fromkeys(empty, False))
    for para in paras:  # written back only when trimmed: most are not
        text = para.text
        if len(para):
            if text and text[0].isspace():
                para.text = text.lstrip() or None
            last = para[-1]
            tail = last.tail
            if tail and tail[-1].isspace():
                last.tail = tail.rstrip() or None
        elif text and (text[0].isspace() or text[-1].isspace()):
            para.text = text.strip() or None


def drop_reply_links(container: Element) -> None:
    """Remove the "reply" block, which the pre-2020 markup put inside the body itself."""
    found = container.iterdescendants(etree.Element)
    for el in [el for el in found if "reply" in class_names(el)]:
        drop_tree(el)


def body_html(container: Element) -> str:
    """A comment or story text as clean XHTML, every paragraph in its own ``<p>``; see
    :func:`paragraphs_html`."""
    drop_reply_links(container)
    return paragraphs_html(container)


def paragraphs_html(container: Element) -> str:
    """:func:`body_html` of a container whose reply blocks are already gone (a comment row's
    walk finds them, and removes them before it reads what the body says). The container's
    content moves out of the page into the cleaned body.

    HN writes the first paragraph as bare text and starts each later one with ``<p>``; runs of
    text and inline elements between the blocks are wrapped so that the first paragraph is a
    paragraph too (and text a ``<pre>`` left behind is not glued to the next one).
    """
    _tidy(container)
    body = etree.Element("div")
    run: Element | None = None  # the paragraph being filled
    last: Element | None = None  # its last element, whose tail takes the text that follows
    texts: list[str] = []  # that text, joined once (bodies of 10,000 inline elements exist)
    if container.text:
        run = etree.SubElement(body, "p")
        texts.append(container.text)
    for child in list(container):
        tail = child.tail
        child.tail = None
        if not isinstance(child.tag, str):
            container.remove(child)
        elif child.tag in _BLOCKS:
            _close(run, last, texts)
            run, last, texts = None, None, []
            body.append(child)
        else:
            if run is None:
                run = etree.SubElement(body, "p")
            _set_text(run, last, texts)
            run.append(child)
            last, texts = child, []
        if tail:
            if run is None:
                run = etree.SubElement(body, "p")
            texts.append(tail)
    _close(run, last, texts)
    return clean_tree(body, BASE_URL)


def _set_text(run: Element, last: Element | None, texts: list[str]) -> None:
    """The text gathered after ``last`` (at the start of ``run`` when None), written once."""
    if texts:
        if last is None:
            run.text = "".join(texts)
        else:
            last.tail = "".join(texts)


def _close(run: Element | None, last: Element | None, texts: list[str]) -> None:
    """A run of text and inline elements, made a paragraph: without the space at its edges, and
    gone when it holds nothing else."""
    if run is None:
        return
    _set_text(run, last, texts)
    if run.text:
        run.text = run.text.lstrip() or None
    if last is not None:
        last.tail = last.tail.rstrip() or None if last.tail else None
    elif run.text:
        run.text = run.text.rstrip() or None
    if last is None and not run.text:
        drop_tree(run)
