"""A saved page as an lxml tree: the one way the lxml-based parsers read a whole page.

Why lxml for the page and not BeautifulSoup: on a 10,000-comment page bs4 builds a Python object
per element (about 5 MB/s and 15 times the page size in memory), while libxml2 builds its own
tree at about 50 MB/s; the parsers walk the page skeleton here and hand only the comment bodies
(serialised with ``fragment_html``) to the sanitiser.

The page is parsed once (``page_tree``, kept on the ``SavedPage``): the nesting limit
(``exporter.limits.check_nesting``) is measured on that tree, and the site parsers that read
lxml walk the same one; the registry lets it go before a parser that reads the page its own way
(BeautifulSoup) runs, so a big page never has two trees at once. libxml2 builds at most 2,048
levels and drops the rest of the page; a page that deep (only with a raised ``--max-nesting``)
is read again through a tree builder fed by the same parser's events, which has no such limit,
so no reply is ever lost.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, TypeAlias, cast

from lxml import etree
from lxml import html as lxml_html

from .clean import strip_xml_illegal

if TYPE_CHECKING:
    from .load import SavedPage

Element: TypeAlias = etree._Element

LIBXML2_DEPTH = 2_048
"""The deepest tree libxml2 builds (with ``huge_tree``); it drops everything nested deeper."""
_XPATH_STEPS = 4_096
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ASCII_SPACE = " \n\t\f\r"
_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def document(text: str) -> Element:
    """The page as an lxml tree, whole however deep it nests, without the characters XML
    forbids (libxml2 keeps a control character in the text it parses, and lxml then refuses
    any edit that moves that text). ``huge_tree``: big pages' text nodes pass libxml2's 10 MB
    default."""
    return _read(text, whole=True)[0]


def page_tree(page: SavedPage) -> Element:
    """The page's lxml tree (:func:`document`), parsed once: the tree the nesting check
    measured, when it ran, else parsed now and kept on the page until the registry releases
    it after the parse."""
    if page.tree is None or page.tree_cut:
        page.tree, page.tree_cut = document(page.text), False
    return page.tree


def html_document(text: str) -> lxml_html.HtmlElement:
    """The page as an ``lxml.html`` tree, for site readers that use its element methods
    (``text_content``, ``iterlinks``…); the same cleaning as :func:`document`, without the
    deep-nesting fallback (these readers' pages are flat)."""
    parser = lxml_html.HTMLParser(huge_tree=True)
    text = strip_xml_illegal(_XML_DECLARATION.sub("", text, count=1))
    try:
        return lxml_html.document_fromstring(text, parser)
    except (etree.ParserError, ValueError):
        return lxml_html.document_fromstring("<html><body></body></html>", parser)


def nests_deeper(page: SavedPage, limit: int) -> bool:
    """Whether the page's elements nest more than ``limit`` deep (``<html>`` is 1). The tree
    it measures stays on the page for the parser (see :func:`page_tree`)."""
    if page.tree is None:
        # Below libxml2's own limit, its cut-off tree is deep enough to tell (and is refused).
        page.tree, page.tree_cut = _read(page.text, whole=limit >= LIBXML2_DEPTH)
    return reaches(page.tree, limit + 1)


def reaches(root: Element, depth: int) -> bool:
    """Whether some element of ``root``'s document is ``depth`` levels deep. One XPath of
    ``depth`` child steps: each step visits one level once, so it costs one pass, in C."""
    if depth <= _XPATH_STEPS:
        return bool(etree.XPath("boolean(/" + "/".join("*" * depth) + ")")(root))
    level = 0
    for event, _ in etree.iterwalk(root.getroottree().getroot(), events=("start", "end")):
        level += 1 if event == "start" else -1
        if level >= depth:
            return True
    return False


def _read(text: str, *, whole: bool) -> tuple[Element, bool]:
    """The tree, and whether it is libxml2's, cut at 2,048 levels (only when not ``whole``)."""
    text = strip_xml_illegal(_XML_DECLARATION.sub("", text, count=1))
    # etree's parser, not lxml.html's: lxml.html asks a Python function for the class of every
    # element the code touches (a second on a big page), for methods these parsers never use.
    parser = etree.HTMLParser(huge_tree=True)
    try:
        root: Element | None = etree.fromstring(text, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return etree.fromstring("<html><body></body></html>", parser), False
    cut = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    if cut and whole:
        return _read_deep(text), False
    return root, cut


class _DeepBuilder:
    """A parser target that builds the tree from the parser's events (libxml2's depth limit is
    in its own tree building, not in its parser). Attributes lxml cannot hold (``xml:lang``,
    ``@click``) are dropped, as the parsers never read them."""

    def __init__(self) -> None:
        self.builder = etree.TreeBuilder()

    def start(self, tag: str | bytes, attrib: dict[str | bytes, str | bytes]) -> None:
        try:
            self.builder.start(tag, attrib)
        except ValueError:
            valid = {k: v for k, v in attrib.items() if _NAME.fullmatch(str(k))}
            self.builder.start(tag, valid)

    def end(self, tag: str | bytes) -> None:
        self.builder.end(tag)

    def data(self, data: str | bytes) -> None:
        self.builder.data(data)

    def comment(self, text: str | bytes) -> None:
        self.builder.comment(text)

    def close(self) -> Element:
        return self.builder.close()


def _read_deep(text: str) -> Element:
    target = cast("etree.ParserTarget", _DeepBuilder())
    parser = etree.HTMLParser(target=target, huge_tree=True)
    parser.feed(text)
    root: Element = parser.close()
    return root


def strings(el: Element) -> list[str]:
    """The text pieces inside ``el``, in order (comments' text is no part of them)."""
    return [piece for piece in el.itertext() if isinstance(piece, str)]


def drop_tree(el: Element) -> None:
    """Remove ``el`` with its children and text; its tail joins the text before it
    (``lxml.html``'s ``drop_tree``, for plain etree elements)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def first(xpath: etree.XPath, root: Element) -> Element | None:
    """The first element a compiled XPath finds, or None (its result type is a wide union)."""
    found = xpath(root)
    if isinstance(found, list):
        for item in found:
            if isinstance(item, etree._Element):
                return item
    return None


def every(xpath: etree.XPath, root: Element) -> list[Element]:
    """The elements a compiled XPath finds, in document order."""
    found = xpath(root)
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, etree._Element)]


def class_test(name: str) -> str:
    """An XPath predicate: the element's ``class`` holds the word ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def fragment_html(container: Element) -> str:
    """The markup inside ``container`` (its text, children and their tails), for the sanitiser;
    ``container`` is left empty (read its words first).

    Why it empties it: lxml serialises an element after walking up through all its ancestors
    (for their namespaces), which costs the depth of the page, and a 1,000-deep reply chain
    would pay it a thousand times. The children are moved under a new, parentless element and
    serialised there.

    Whitespace-only runs between elements become one newline (or one space when they hold no
    newline), outside ``<pre>``: what BeautifulSoup wrote when it read the pages, so bodies
    stay byte for byte what they were (and a little smaller).
    """
    _squeeze_blank_runs(container)
    parts = [html.escape(container.text, quote=False)] if container.text else []
    container.text = None
    holder = etree.Element("div")
    holder.extend(list(container))
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in holder)
    return "".join(parts)


_PRESERVE = ("pre", "textarea")


def _squeezed(text: str | None) -> str | None:
    if not text or text.strip(_ASCII_SPACE):
        return text
    return "\n" if "\n" in text else " "


def _squeeze_blank_runs(container: Element) -> None:
    kept: set[Element] = set()
    for block in container.iter(*_PRESERVE):
        kept.update(block.iter())
    for el in container.iter():
        if el not in kept and isinstance(el.tag, str):
            el.text = _squeezed(el.text)
        if el is not container and el.getparent() not in kept:
            el.tail = _squeezed(el.tail)
