"""A saved page as an lxml tree: the one way the lxml-based parsers read a whole page.

Why lxml for the page and not BeautifulSoup: on a 10,000-comment page bs4 builds a Python object
per element (about 5 MB/s and 15 times the page size in memory), while libxml2 builds its own
tree at about 50 MB/s; the parsers walk the page skeleton here and hand only the comment bodies
(``take_body``) to the sanitiser.

The page is parsed once (``page_tree``, kept on the ``SavedPage``): the nesting limit
(``exporter.limits.check_nesting``) is measured on that tree, and the site parsers that read
lxml walk the same one; the registry lets it go before a parser that reads the page its own way
(BeautifulSoup) runs, so a big page never has two trees at once. libxml2 builds at most 2,048
levels and drops the rest of the page; a page that deep (only with a raised ``--max-nesting``)
is read again through a tree builder fed by the same parser's events, which has no such limit,
so no reply is ever lost.

A site whose pages grow big reads them as a stream instead (``exporter.page_stream``, declared
by ``Site.streams``): the same parser is fed piece by piece and each comment let go once read;
what is left of the tree then takes the place of the page's (``page_tree`` returns it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias, cast

from lxml import etree

from .clean import strip_xml_illegal

if TYPE_CHECKING:
    from lxml import html as lxml_html

    from .load import SavedPage

Element: TypeAlias = etree._Element

LIBXML2_DEPTH = 2_048
"""The deepest tree libxml2 builds (with ``huge_tree``); it drops everything nested deeper."""
XPATH_STEPS = 4_096
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_DECLARATION_UTF8 = re.compile(rb"\s*<\?xml[^>]*\?>")
# What ``strip_xml_illegal`` removes, as UTF-8: C0 controls but tab, newline and return, and
# DEL (single bytes); C1 controls (U+0080-U+009F); U+FFFE and U+FFFF; lone surrogates (as
# "surrogatepass" writes them).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_NONCHARACTER_UTF8 = re.compile(b"\xef\xbf[\xbe\xbf]")
_SURROGATE_UTF8 = re.compile(b"\xed[\xa0-\xbf]")
# A character reference libxml2 turns into one of those characters (it maps the others of
# 128-159 through windows-1252, as browsers do, and &#0; to U+FFFD): ``&#1;`` in a comment
# would put a control character into the tree, where lxml refuses any edit that moves it.
_ILLEGAL_REFERENCE = (
    r"&#(?:0*(?:[1-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|127|129|141|143|144|157|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|81|8[dDfF]|90|9[dD]|[fF]{3}[eEfF])"
    r"(?![0-9a-fA-F]));?"
)
_ILLEGAL_REFERENCE_TEXT = re.compile(_ILLEGAL_REFERENCE)
_ILLEGAL_REFERENCE_UTF8 = re.compile(_ILLEGAL_REFERENCE.encode())
_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_CHECK_CHUNK = 1 << 20


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
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, collect_ids=False)
    text = clean_page_text(text)
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
    if depth <= XPATH_STEPS:
        return bool(etree.XPath("boolean(/" + "/".join("*" * depth) + ")")(root))
    level = 0
    for event, _ in etree.iterwalk(root.getroottree().getroot(), events=("start", "end")):
        level += 1 if event == "start" else -1
        if level >= depth:
            return True
    return False


def _read(text: str, *, whole: bool) -> tuple[Element, bool]:
    """The tree, and whether it is libxml2's, cut at 2,048 levels (only when not ``whole``)."""
    text = clean_page_text(text)
    # etree's parser, not lxml.html's: lxml.html asks a Python function for the class of every
    # element the code touches (a second on a big page), for methods these parsers never use.
    # No table of ``id`` attributes: only XPath's id() reads it, and no parser calls that.
    parser = etree.HTMLParser(huge_tree=True, collect_ids=False)
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


def clean_page_text(text: str) -> str:
    """The page's text as every lxml reader of it parses it: without an XML declaration
    (lxml refuses one in a ``str``) and without the characters XML forbids (``_xml_legal``)."""
    return _xml_legal(_XML_DECLARATION.sub("", text, count=1))


def clean_page_utf8(data: bytes) -> bytes:
    """:func:`clean_page_text` for the page as UTF-8 (``SavedPage.utf8``), the same bytes
    when nothing needs cleaning (nearly every page); a page that does is cleaned as text."""
    declaration = _XML_DECLARATION_UTF8.match(data)
    if declaration:
        data = data[declaration.end() :]
    clean, references = _verdict(_utf8_pieces(data))
    if clean and not references:
        return data
    return _xml_legal(data.decode("utf-8", "surrogatepass")).encode()


def _xml_legal(text: str) -> str:
    """``strip_xml_illegal(text)``, with the regex run only on a page that needs it, and
    without the character references that would bring such characters back.

    The regex tests every character in Python's regex engine (0.1-0.25 s on a 20-40 MB
    page, which nearly never holds one); the text's UTF-8 is made and searched in C in about
    half that (``_verdict``). A reference becomes U+FFFD, as the sanitiser's HTML5 parser
    makes it (removing it could join the text around it into another reference).
    """
    clean, references = _verdict(_text_pieces(text))
    if not clean:
        # Removing a character can join the text around it into a reference: look after.
        return _ILLEGAL_REFERENCE_TEXT.sub("\ufffd", strip_xml_illegal(text))
    if references:
        return _ILLEGAL_REFERENCE_TEXT.sub("\ufffd", text)
    return text


def _verdict(pieces: Iterator[bytes]) -> tuple[bool, bool]:
    """Whether the page's UTF-8, read in pieces, is free of the characters XML forbids, and
    whether it holds a character reference to one. A byte-wise ``translate`` finds the
    controls, and three searches skip to the lead byte of the others (UTF-8 never repeats a
    lead byte inside another character, so no match is false). About a megabyte at a time:
    copies of the whole page would add twice its size to the conversion's peak memory."""
    references = False
    for data in pieces:
        if (
            len(data.translate(None, _CONTROL_BYTES)) < len(data)
            or _C1_UTF8.search(data)
            or _NONCHARACTER_UTF8.search(data)
            or _SURROGATE_UTF8.search(data)
        ):
            return False, references
        references = references or _ILLEGAL_REFERENCE_UTF8.search(data) is not None
    return True, references


# Each piece ends before a "<", which no character reference holds: none is cut in two.
def _text_pieces(text: str) -> Iterator[bytes]:
    start = 0
    while start < len(text):
        end = text.find("<", start + _CHECK_CHUNK)
        end = len(text) if end < 0 else end
        yield text[start:end].encode("utf-8", "surrogatepass")
        start = end


def _utf8_pieces(data: bytes) -> Iterator[bytes]:
    start = 0
    while start < len(data):
        end = data.find(b"<", start + _CHECK_CHUNK)
        end = len(data) if end < 0 else end
        yield data[start:end]
        start = end


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


def take_body(container: Element, *, squeeze: bool = True) -> Element:
    """``container``, a comment body, out of the page and ready for ``clean.clean_tree``: in a
    document of its own, as a ``<div>`` without attributes (read what it says first).

    Why it leaves: lxml serialises an element after walking up through all its ancestors (for
    their namespaces), which costs the depth of the page, and a 1,000-deep reply chain would
    pay it a thousand times. In a document of its own the markup is also what it has always
    been (in the page's document libxml2 writes a CR raw, not as ``&#13;``).

    ``squeeze``: whitespace-only runs between elements become one newline (or one space when
    they hold no newline), outside ``<pre>``: what BeautifulSoup wrote when it read the pages
    of the sites that were read with it, so their bodies stay byte for byte what they were
    (and a little smaller).
    """
    holder = etree.Element("div")
    holder.append(container)
    container.attrib.clear()
    container.tag = "div"
    container.tail = None
    if squeeze and len(container):
        for run in cast("list[etree._ElementUnicodeResult]", _BLANK_RUNS(container)):
            owner = cast("Element", run.getparent())
            squeezed = "\n" if "\n" in run else " "
            if run.is_tail:
                owner.tail = squeezed
            else:
                owner.text = squeezed
    holder.remove(container)
    return container


# Those runs (blank as XPath's ``normalize-space`` sees it), outside ``<pre>`` and
# ``<textarea>``; asked of a container out of the page, so that no ancestor outside it counts.
_BLANK_RUNS = etree.XPath(
    "descendant::text()[not(normalize-space()) and . != ' ' and . != '\n'"
    " and not(ancestor::pre or ancestor::textarea)]"
)
