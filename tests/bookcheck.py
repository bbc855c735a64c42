"""Read a finished EPUB back and judge it: is every document well-formed, and is nothing in it
able to run, load, submit or point outside the book?

Shared by the XSS corpus, the property tests and the fuzzer. Everything is decided by parsing
the documents (lxml, strict XML, no entity expansion, no network), never by searching the bytes
for a string: a ``javascript:`` split by a tab, written with entities or behind a BOM is still
found, and a harmless word in the text is not.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

XHTML_NS = "http://www.w3.org/1999/xhtml"
XLINK_NS = "http://www.w3.org/1999/xlink"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SVG_NS = "http://www.w3.org/2000/svg"
# The book's own cover page (``<body epub:type="cover">``) is the usual SVG wrapper around the
# cover picture, with a little CSS in its head. Nothing from the page reaches it but the title,
# as the SVG's <title> text. These are the only exceptions, and only there.
COVER_SVG = frozenset({"svg", "title", "image"})

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False, recover=False
)

# Elements that run code, embed other documents, take input, change how the document is read,
# or are not XHTML at all. None may appear anywhere in a book.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "form", "input", "button", "select", "option", "textarea", "keygen", "isindex",
        "base", "svg", "math", "template", "noscript", "audio", "video", "source", "track",
        "canvas", "picture", "map", "area", "marquee", "xmp", "plaintext", "listing",
        "dialog", "portal", "slot", "bgsound", "layer", "ilayer", "xss", "foreignobject",
    }
)  # fmt: skip
HEAD_ONLY = frozenset({"meta", "link", "title"})
# Attributes that load, submit, style or hide things (event handlers are checked by prefix).
FORBIDDEN_ATTRIBUTES = frozenset(
    {
        "style", "srcset", "sizes", "formaction", "action", "background", "poster", "ping",
        "srcdoc", "dynsrc", "lowsrc", "codebase", "data", "http-equiv", "autofocus", "usemap",
        "target", "download", "contenteditable", "name", "content", "xmlns:xlink",
    }
)  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:", "data:", "file:")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_URL_TAB_NEWLINE = re.compile("[\t\n\r]")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))


def normalise(value: str) -> str:
    """What a lenient reader could take an attribute value to mean: entities decoded (again
    and again, in case the page encoded them twice), every whitespace, control and invisible
    format character removed, lower case."""
    for _ in range(5):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    kept = (ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"})
    return "".join(kept).lower()


def url_scheme(value: str) -> str | None:
    """The scheme a WHATWG URL parser would see: leading C0 controls and spaces stripped, tabs
    and newlines removed anywhere. None for a relative reference."""
    cleaned = _URL_TAB_NEWLINE.sub("", value).strip(_C0_OR_SPACE)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def parse_xml(data: bytes) -> etree._Element:
    """Strict XML parse; raises ``etree.XMLSyntaxError`` when the document is not well-formed."""
    return etree.fromstring(data, PARSER)


def book_entries(epub: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _local(qname: str) -> tuple[str | None, str]:
    q = etree.QName(qname)
    return q.namespace, q.localname


def _check_link(
    doc: str, where: str, attr: str, value: str, entries: set[str], out: list[str]
) -> None:
    """``href``/``src`` of ``doc``: a web or mail address, or a file that is inside the book."""
    scheme = url_scheme(value)
    if scheme is not None:
        if scheme not in SAFE_SCHEMES:
            out.append(f"{where}: {attr}={value!r} uses the scheme {scheme!r}")
        return
    cleaned = _URL_TAB_NEWLINE.sub("", value).strip(_C0_OR_SPACE)
    path = cleaned.split("#", 1)[0]
    if not path:
        return  # a fragment in the same document
    if path.startswith(("/", "\\")):
        out.append(f"{where}: {attr}={value!r} is an absolute or network path")
        return
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc), unquote(path)))
    if target not in entries:
        out.append(f"{where}: {attr}={value!r} points to {target!r}, which is not in the book")


def _where(doc: str, el: etree._Element) -> str:
    """``doc`` and the comment (``<article id>``) the element belongs to, if any."""
    for node in (el, *el.iterancestors()):
        if node.tag == f"{{{XHTML_NS}}}article" and node.get("id"):
            return f"{doc} [in {node.get('id')}]"
    return doc


def check_xhtml(doc: str, root: etree._Element, entries: set[str]) -> list[str]:
    """Everything unsafe in one XHTML document of the book."""
    out: list[str] = []
    if root.tag != f"{{{XHTML_NS}}}html":
        out.append(f"{doc}: the root element is {root.tag!r}, not XHTML's html")
    head = root.find(f"{{{XHTML_NS}}}head")
    body = root.find(f"{{{XHTML_NS}}}body")
    if head is None or body is None:
        out.append(f"{doc}: no head or no body")
    ids: set[str] = set()
    links_in_head = 0
    cover = body is not None and body.get(f"{{{EPUB_NS}}}type") == "cover"
    for el in root.iter():
        if not isinstance(el.tag, str):
            # lxml gives comments and processing instructions callables as tags.
            out.append(f"{doc}: a comment or processing instruction: {el!r}")
            continue
        ns, name = _local(el.tag)
        at = _where(doc, el)
        in_head = head is not None and any(a is head for a in el.iterancestors())
        cover_svg = cover and ns == SVG_NS and name in COVER_SVG
        cover_style = cover and ns == XHTML_NS and name == "style" and in_head
        if ns != XHTML_NS and not cover_svg:
            out.append(f"{at}: element {el.tag!r} is not XHTML")
        if name.lower() in FORBIDDEN_ELEMENTS and not (cover_svg or cover_style):
            out.append(f"{at}: forbidden element <{name}>")
        if cover_style and re.search(r"(?i)url\(|@import|expression|behavior", el.text or ""):
            out.append(f"{at}: the cover's CSS loads or runs something")
        if name in HEAD_ONLY and ns == XHTML_NS and not in_head:
            out.append(f"{at}: <{name}> outside the head")
        if name == "link" and in_head:
            links_in_head += 1
            if el.get("rel") != "stylesheet":
                out.append(f"{at}: <link rel={el.get('rel')!r}> in the head")
        attributes = {str(k): str(v) for k, v in el.attrib.items()}
        if name == "meta" and in_head and set(attributes) != {"charset"}:
            out.append(f"{at}: <meta {attributes!r}> in the head")
        for qname, value in attributes.items():
            ans, aname = _local(qname)
            shown = f"{at}: <{name} {aname}={value!r}>"
            if ans == XLINK_NS and cover_svg and aname == "href" and name == "image":
                _check_link(doc, at, "<image xlink:href>", value, entries, out)
            elif ans == XLINK_NS:
                out.append(f"{shown}: an XLink attribute")
            if aname.lower().startswith("on"):
                out.append(f"{shown}: an event handler")
            if ans is None and aname.lower() in FORBIDDEN_ATTRIBUTES:
                out.append(f"{shown}: a forbidden attribute")
            if normalise(value).startswith(DANGEROUS_SCHEMES):
                out.append(f"{shown}: a dangerous scheme")
            if ans is None and aname in {"href", "src"}:
                _check_link(doc, at, f"<{name} {aname}>", value, entries, out)
            if ans is None and aname == "id":
                if not _NCNAME.match(value):
                    out.append(f"{shown}: the id is not an XML name")
                if value in ids:
                    out.append(f"{shown}: a duplicate id")
                ids.add(value)
    if links_in_head > 1:
        out.append(f"{doc}: {links_in_head} links in the head (only the stylesheet is expected)")
    return out


def _check_package(doc: str, root: etree._Element, entries: set[str]) -> list[str]:
    """OPF and NCX: every file they name is in the book."""
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("href", "src"):
            value = el.get(attr)
            if value is not None:
                _check_link(doc, doc, f"<{etree.QName(el).localname} {attr}>", value, entries, out)
    return out


def unsafe_findings(epub: bytes) -> list[str]:
    """Every problem found in the book; an empty list means well-formed and safe."""
    try:
        entries = book_entries(epub)
    except zipfile.BadZipFile as error:
        return [f"not a ZIP file: {error}"]
    names = set(entries)
    out: list[str] = []
    for name, data in entries.items():
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            out.append(f"{name}: a ZIP entry outside the book's folder")
        if not name.endswith((".xhtml", ".html", ".opf", ".ncx", ".xml", ".svg")):
            continue
        if not data.strip():
            out.append(f"{name}: empty")
            continue
        try:
            root = parse_xml(data)
        except etree.XMLSyntaxError as error:
            out.append(f"{name}: not well-formed XML: {error}")
            continue
        if name.endswith((".xhtml", ".html")):
            out.extend(check_xhtml(name, root, names))
        else:
            out.extend(_check_package(name, root, names))
    if "EPUB/style.css" not in names:
        out.append("the stylesheet is missing")
    return out


def book_text(epub: bytes) -> str:
    """The text of every XHTML document, in file-name order (for "did it get in" checks)."""
    parts = []
    for name, data in sorted(book_entries(epub).items()):
        if name.endswith(".xhtml"):
            parts.append("".join(str(t) for t in parse_xml(data).itertext()))
    return "\n".join(parts)


@dataclass(frozen=True)
class BookComment:
    """One comment as a reader finds it in the book."""

    anchor: str
    author: str
    parent_anchor: str | None
    depth_class: int
    level: int | None
    """The written "level N" of replies past the indentation cap."""
    gone: str | None
    """The placeholder shown for a deleted or removed comment."""
    body_text: str
    """The text of the body, its continued parts joined."""


def _spine(entries: dict[str, bytes]) -> list[str]:
    opf_name = next(name for name in entries if name.endswith(".opf"))
    opf = parse_xml(entries[opf_name])
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {item.get("id"): item.get("href") for item in opf.iterfind("opf:manifest/opf:item", ns)}
    folder = posixpath.dirname(opf_name)
    return [
        posixpath.join(folder, str(hrefs[ref.get("idref")]))
        for ref in opf.iterfind("opf:spine/opf:itemref", ns)
    ]


def _classes(el: etree._Element) -> list[str]:
    return str(el.get("class") or "").split()


def _text(el: etree._Element | None) -> str:
    return "".join(str(t) for t in el.itertext()) if el is not None else ""


def read_comments(epub: bytes) -> list[BookComment]:
    """The comments of the book in reading order (spine order, then document order).

    A comment is an ``<article class="c dN" id="…">``; its header names the author
    (``span.author``) and, for a reply, links back to the parent (``span.reply > a``). A body
    too big for one chapter continues in further articles whose header has no author span;
    their text is added to the comment they continue.
    """
    entries = book_entries(epub)
    h = f"{{{XHTML_NS}}}"
    found: list[BookComment] = []
    for doc in _spine(entries):
        root = parse_xml(entries[doc])
        for article in root.iter(f"{h}article"):
            names = _classes(article)
            if "c" not in names:
                continue
            header = article.find(f"{h}p[@class='h']")
            assert header is not None, f"{doc}: an article without a header"
            body = "".join(_text(div) for div in article.iterfind(f"{h}div[@class='body']"))
            author = header.find(f"{h}span[@class='author']")
            if author is None:
                previous = found[-1]
                found[-1] = BookComment(
                    previous.anchor,
                    previous.author,
                    previous.parent_anchor,
                    previous.depth_class,
                    previous.level,
                    previous.gone,
                    previous.body_text + body,
                )
                continue
            link = header.find(f"{h}span[@class='reply']/{h}a")
            parent = str(link.get("href")).split("#", 1)[1] if link is not None else None
            level = header.find(f"{h}span[@class='level']")
            gone = article.find(f"{h}p[@class='gone']")
            depth = next(int(n[1:]) for n in names if re.fullmatch(r"d\d+", n))
            found.append(
                BookComment(
                    anchor=str(article.get("id")),
                    author=_text(author),
                    parent_anchor=parent,
                    depth_class=depth,
                    level=int(_text(level).split()[-1]) if level is not None else None,
                    gone=_text(gone) if gone is not None else None,
                    body_text=body,
                )
            )
    return found
