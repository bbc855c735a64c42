"""Turn untrusted comment bodies into small, safe XHTML fragments an e-reader can show.

A saved page is hostile input: every body is parsed into an lxml tree (or comes as one, from a
page a site has parsed already), an allow-list is applied to that tree (tags, attributes, link
schemes, attribute values), the tree is adapted to e-readers (no remote pictures, no hidden
spoilers, valid XHTML content) and written out as XML. The reader parses exactly the tree that
was judged: no markup means one thing to the sanitiser and another to the e-reader, the gap
that sanitisers working on markup have to close by parsing as a browser would.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import etree

from .content_model import fix_content_model
from .image_refs import clean_img
from .tree_edits import strip_elements

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), and
# DEL and the C1 controls, which it allows but no page ever means.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    # class and size only tell pictures from emoji, smilies and pixels (see image_refs).
    "img": {"src", "alt", "title", "class", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "*": {"dir", "lang"},
}
_LINK_SCHEMES = {"http", "https", "mailto"}
_ALLOWED = {tag: frozenset(_ATTRIBUTES.get(tag, set()) | _ATTRIBUTES["*"]) for tag in _TAGS}
_DROPPED_WITH_CONTENT = frozenset({"script", "style"})
"""Elements whose content is code, not words: they go whole (any other element not allowed
keeps its words)."""
MAX_DEPTH = 32
"""Elements a body may nest. Deeper ones lose their tag and keep their words: e-readers break
on deep nesting (crengine crashed past 64 levels, the book already uses four)."""
# The values XHTML accepts for the attributes kept; any other value is dropped (EPUBCheck
# rejects a book with start="x", colspan="0" or lang="not a language").
_VALID_VALUES = {
    "dir": re.compile(r"ltr|rtl"),
    "lang": re.compile(r"(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?"),
    "start": re.compile(r"-?[0-9]{1,9}"),
    "colspan": re.compile(r"[1-9][0-9]{0,2}"),
    "rowspan": re.compile(r"[0-9]{1,4}"),
}
# Characters a URL may not hold as they are (RFC 3986 / WHATWG), and a "%" that starts no escape.
_URL_UNSAFE = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]|%(?![0-9A-Fa-f]{2})')
_BAD_HOST = re.compile(r"[\x00-\x20#%/<>?@\[\\\]^|]")
# An address ``_resolve_link`` returns unchanged: http(s), a host name, and only characters a URL
# holds as they are; no ";" (path parameters) and no empty query or fragment, which ``urljoin``
# would drop, and no second "#", which ``_escape_url`` would encode.
_URL_CHAR = r"(?:[-A-Za-z0-9._~!$&'()*+,=:@/]|%[0-9A-Fa-f]{2})"
_PLAIN_WEB_URL = re.compile(
    rf"https?://(?P<host>[A-Za-z0-9][-A-Za-z0-9.]*)(?::(?P<port>[0-9]{{1,5}}))?(?:/{_URL_CHAR}*)?"
    rf"(?:\?(?:{_URL_CHAR}|\?)+)?(?:#(?:{_URL_CHAR}|\?)+)?"
)


def split_url(url: str) -> SplitResult | None:
    """``urlsplit`` for an address taken from a page: None where Python cannot split it
    (``//[x`` is "Invalid IPv6 URL"; a host that NFKC-normalises into ``#`` is refused too)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def join_url(base: str, url: str) -> str | None:
    """``urljoin`` for addresses taken from a page: None where either cannot be split."""
    try:
        return urljoin(base, url)
    except ValueError:
        return None


def url_host(url: str | None) -> str | None:
    """The host of an address taken from a page, or None."""
    parts = split_url(url) if url else None
    return parts.hostname if parts is not None else None


def strip_xml_illegal(text: str) -> str:
    """Remove the characters no XML document may contain (they would make the book invalid).
    Every one of them is unprintable to Python, so a printable string (a name, a title, a line:
    most strings) is returned after one C-level test, without the slower regular expression."""
    return text if text.isprintable() else _XML_ILLEGAL.sub("", text)


def clean_html(fragment: str, base_url: str | None = None) -> str:
    """Sanitise an HTML fragment and return it as an XHTML fragment (possibly empty).

    Relative links are resolved against ``base_url``; links that cannot leave the book safely
    (``javascript:``, ``data:``, in-page anchors of the original site) keep their text only.
    A posted picture stays an ``<img>`` whose ``src`` the image stage can look up later (see
    ``exporter.image_refs``): it is embedded from the saved page, or becomes a link labelled
    with its alt text; nothing is loaded behind the reader's back.
    """
    text = strip_xml_illegal(fragment)
    if not text.strip():
        return ""
    return clean_tree(_parse_fragment(text), base_url)


def clean_tree(root: etree._Element, base_url: str | None = None) -> str:
    """:func:`clean_html` of a body a site already holds as a tree: the text and children of
    ``root``, which the cleaning changes in place (``root``'s own tag and attributes are not
    part of the body). A body from a page's tree comes out of it first
    (``page_tree.take_body``): written out inside the page, it would cost the page's depth.

    Why a tree: a page's parser has already built one, and the cleaning works on one. Writing
    the body out as markup for the sanitiser to parse again, and reading its result back, cost
    two thirds of the time a big thread spent on its bodies.

    The allow-list is applied to the tree, and the tree is written out as XML: what the reader
    parses is exactly the tree that was judged, so no markup can mean one thing to the
    sanitiser and another to the e-reader.
    """
    tags = _sanitise(root)
    root.tag = "div"
    root.attrib.clear()
    if root.text is not None and not root.text.strip():
        root.text = None
    if not len(root) and not root.text:
        return ""
    if not tags.keys().isdisjoint(_REWRITTEN):
        _rewrite(root, base_url)
    if not tags.keys().isdisjoint(_BLOCKS_DROPPED_EMPTY):
        _drop_empty_blocks(root)
    _cap_depth(root, sum(tags.values()))
    fix_content_model(root, tags)
    return _serialise_children(root)


def _sanitise(root: etree._Element) -> Counter[str]:
    """Apply the allow-list below ``root``: comments, processing instructions, ``<script>`` and
    ``<style>`` go with what they hold; any other element not allowed loses its tag and keeps
    its words; attributes not allowed on their element, or with a value XHTML refuses, go.
    Returns how many elements of each tag are left.

    The walk decides, then ``strip_elements`` removes in one pass (one removal at a time
    would cost the square of the elements removed side by side)."""
    tags: Counter[str] = Counter()
    fates: dict[etree._Element, bool] = {}
    inside_dropped: set[etree._Element] = set()
    for el in root.iterdescendants():
        if el in inside_dropped:
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _DROPPED_WITH_CONTENT:
            fates[el] = False
            if len(el):
                inside_dropped.update(el.iterdescendants())
            continue
        allowed = _ALLOWED.get(tag)
        if allowed is None:
            fates[el] = True
            continue
        tags[tag] += 1
        attrib = el.attrib
        if attrib:
            for name in list(attrib):  # a copy: names are deleted on the way
                if name not in allowed:
                    del attrib[name]
                elif name in _VALID_VALUES:
                    value = str(attrib[name]).strip()
                    if _VALID_VALUES[name].fullmatch(value):
                        attrib[name] = value
                    else:
                        del attrib[name]
    if fates:
        strip_elements(fates)
    return tags


_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
"""One parser for every body (building one per body added a third to the parse). lxml locks a
parser while it parses, so threads that share it take turns."""


def _parse_fragment(markup: str) -> etree._Element:
    """The markup as the children of a ``<div>`` (the parsed page's ``<body>``, renamed),
    with plain etree elements: ``lxml.html``'s asked Python for the class of every element
    touched. ``huge_tree``: libxml2's default parser silently drops everything nested past 255
    levels. The body is the only child libxml2 builds for this markup (``find``, in Python, cost
    half as much as the parse), unless the markup holds a ``<head>`` element's tags (``<title>``,
    ``<meta>``), which libxml2 puts in a ``<head>`` before it: those are dropped as
    ``<script>`` is."""
    document = etree.fromstring(f"<html><body>{markup}</body></html>", _PARSER)
    root = document[-1]
    if root.tag != "body":
        root = etree.Element("div")
    root.tag = "div"
    return root


def text_to_html(text: str) -> str:
    """Plain pasted text as XHTML: blank lines separate paragraphs, single newlines stay breaks."""
    paragraphs = re.split(r"\n[ \t]*\n+", strip_xml_illegal(text).strip("\n"))
    out = []
    for para in paragraphs:
        lines = [html.escape(line.strip(), quote=False) for line in para.splitlines()]
        lines = [line for line in lines if line]
        if lines:
            out.append("<p>" + "<br/>".join(lines) + "</p>")
    return "\n".join(out)


@lru_cache(maxsize=1)
def _markdown() -> object:
    from markdown_it import MarkdownIt

    # Lemmy renders with markdown-it too: CommonMark plus tables and strikethrough, no raw HTML.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def markdown_to_html(source: str, base_url: str | None = None) -> str:
    """Render a Markdown body (what Lemmy's API stores) into a clean XHTML fragment."""
    from markdown_it import MarkdownIt

    md = _markdown()
    assert isinstance(md, MarkdownIt)
    source = re.sub(r"^:::\s*spoiler\s*(.*)$", r"**\1**", source, flags=re.MULTILINE)
    source = re.sub(r"^:::\s*$", "", source, flags=re.MULTILINE)
    return clean_html(md.render(source), base_url)


_REWRITTEN = frozenset({"a", "img", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6"})


def _rewrite(root: etree._Element, base_url: str | None) -> None:
    """Adapt the sanitised tree to e-readers: safe links, no remote images, nothing hidden."""
    gone: dict[etree._Element, bool | str] = {}
    for el in _descendants(root, _REWRITTEN):
        tag = el.tag
        if tag == "a":
            href = safe_link(el.get("href"), base_url)
            if href is None:
                gone[el] = True  # the link goes, its words stay
            else:
                el.set("href", href)
        elif tag == "img":
            words = clean_img(el, base_url)
            if words is not None:
                gone[el] = words
        elif tag == "details":
            # Readers may keep <details> shut with no way to open it: show it as a labelled block.
            el.tag = "div"
            el.set("class", "spoiler")
        elif tag == "summary":
            el.tag = "p"
            el.set("class", "spoiler-label")
        else:
            # A body's headings sit below the book's own (chapter h1, comment header).
            el.tag = "h" + str(min(6, int(str(tag)[1]) + 3))
    if gone:
        strip_elements(gone)


@lru_cache(maxsize=4096)
def safe_link(url: str | None, base_url: str | None = None) -> str | None:
    """``url`` (resolved against ``base_url``) as a link the book may hold: http, https or
    mailto, percent-encoded where needed; None for anything else (``javascript:``, ``data:``,
    an in-page anchor, a local path, an address that cannot be parsed). The caller escapes it
    for the attribute it goes in.

    Most links are ordinary web addresses, each a different one: those are known to come out
    of ``_resolve_link`` as they went in, as long as the base can be split (``urljoin`` fails
    on one that cannot), so they skip the splitting and joining, which cost ten times more."""
    url = (url or "").strip()
    plain = _PLAIN_WEB_URL.fullmatch(url)
    if plain and (not base_url or split_url(base_url) is not None):
        return url if _valid_authority(plain["host"], plain["port"]) else None
    return _resolve_link(url, base_url)


def _valid_authority(host: str, port: str | None) -> bool:
    """Whether a reader can parse the address's host and port (EPUBCheck and e-readers use
    WHATWG's URL rules): a port of digits below 65536 (or none), and a host that ends in a
    number only when it is an IPv4 address ("1.2.3.999" and "example.1" are no hosts)."""
    if port and (not port.isdigit() or int(port) > 65535):
        return False
    parts = host.lower().split(".")
    if len(parts) > 1 and not parts[-1]:
        parts.pop()
    last_part = parts[-1]
    if not (last_part.isascii() and last_part.isdigit()) and _ipv4_number(last_part) is None:
        return True  # a name, not an address
    numbers = [_ipv4_number(part) for part in parts]
    if len(numbers) > 4 or any(n is None or n > 255 for n in numbers[:-1]):
        return False
    last = numbers[-1]
    return last is not None and last < 256 ** (5 - len(numbers))


def _ipv4_number(part: str) -> int | None:
    """A part of an IPv4 address as WHATWG reads it: decimal, hex after "0x", octal after "0"."""
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
        if not part:
            return 0
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    if not part or not part.isascii() or not part.isalnum():
        return None
    try:
        return int(part, base)
    except ValueError:
        return None


def _resolve_link(url: str, base_url: str | None) -> str | None:
    """``safe_link`` for any stripped address, by splitting and joining it."""
    if not url or url.startswith("#"):
        return None
    joined = join_url(base_url, url) if base_url else url
    parts = split_url(joined) if joined is not None else None
    if joined is None or parts is None or parts.scheme.lower() not in _LINK_SCHEMES:
        return None
    web = parts.scheme.lower() != "mailto"
    if web and (not parts.hostname or _BAD_HOST.search(parts.hostname)):
        return None  # "https://exa mple.org/": no host a reader can reach
    if web and not _valid_authority(parts.hostname or "", _port_text(parts)):
        return None
    return _escape_url(joined)


def _port_text(parts: SplitResult) -> str:
    """The port as written ("99999", "x"), "" when there is none."""
    return parts.netloc.rpartition("@")[2].rpartition("]")[2].partition(":")[2]


def _escape_url(url: str) -> str:
    """Percent-encode what a URL may not contain as it is (spaces, quotes, ``<``, a backslash, a
    second ``#``, a stray ``%``), so that the link is valid and still goes where it went."""
    head, hash_, fragment = url.partition("#")
    escaped = _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()[0]):02X}", head)
    if hash_:
        fragment = _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()[0]):02X}", fragment)
        escaped += "#" + fragment.replace("#", "%23")
    return escaped


_TOO_DEEP = etree.XPath("boolean(" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")")


def _cap_depth(root: etree._Element, elements: int) -> None:
    """Unwrap every element nested deeper than ``MAX_DEPTH``: its text and tail stay in place,
    in the deepest element kept. A body of no more ``elements`` than that is not searched."""
    if elements <= MAX_DEPTH or not _TOO_DEEP(root):
        return
    depth = {root: 0}
    deep: dict[etree._Element, bool] = {}
    for el in root.iterdescendants():
        parent = el.getparent()
        level = depth[parent] + 1 if parent is not None else 0
        depth[el] = level
        if level > MAX_DEPTH:
            deep[el] = True
    strip_elements(deep)


_BLOCKS_DROPPED_EMPTY = frozenset({"p", "div", "span"})


def _descendants(root: etree._Element, tags: frozenset[str]) -> list[etree._Element]:
    """The elements below ``root`` with one of ``tags``, in document order. One plain walk with a
    set lookup costs half of lxml's ``iter(*tags)``, which prepares a matcher for every name."""
    return [el for el in root.iterdescendants() if el.tag in tags]


def _drop_empty_blocks(root: etree._Element) -> None:
    """Remove the empty paragraphs that stripped forms and widgets leave behind."""
    empty = {
        el: True
        for el in _descendants(root, _BLOCKS_DROPPED_EMPTY)
        if len(el) == 0 and not (el.text or "").strip()
    }
    if empty:
        strip_elements(empty)


def _serialise_children(root: etree._Element) -> str:
    """The ``<div>``'s content as XML, in one serialisation (the wrapper's tags cut off)."""
    if not len(root) and not root.text:
        return ""
    markup = etree.tostring(root, encoding="unicode", method="xml", with_tail=False)
    return markup[len("<div>") : -len("</div>")].strip()
