"""Turn untrusted comment bodies into small, safe XHTML fragments an e-reader can show.

A saved page is hostile input: bodies go through an allow-list sanitiser (nh3, the binding of
Ammonia) and are then re-serialised as XML, so every fragment the renderer embeds is
well-formed XHTML with nothing that runs, hides or phones home.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import SplitResult, urljoin, urlsplit

import nh3
from lxml import etree

from .image_refs import clean_img

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
    """Remove the characters no XML document may contain (they would make the book invalid)."""
    return _XML_ILLEGAL.sub("", text)


def clean_html(fragment: str, base_url: str | None = None) -> str:
    """Sanitise an HTML fragment and return it as an XHTML fragment (possibly empty).

    Relative links are resolved against ``base_url``; links that cannot leave the book safely
    (``javascript:``, ``data:``, in-page anchors of the original site) keep their text only.
    A posted picture stays an ``<img>`` whose ``src`` the image stage can look up later (see
    ``exporter.image_refs``): it is embedded from the saved page, or becomes a link labelled
    with its alt text; nothing is loaded behind the reader's back.
    """
    safe = _sanitiser().clean(strip_xml_illegal(fragment))
    if not safe.strip():
        return ""
    root = _parse_fragment(safe)
    _check_values(root, safe)
    _rewrite(root, base_url)
    _drop_empty_blocks(root)
    _cap_depth(root)
    _fix_content_model(root, safe)
    return _serialise_children(root)


@lru_cache(maxsize=1)
def _sanitiser() -> nh3.Cleaner:
    """Ammonia's cleaner, built once: building it from the allow-lists on every call cost
    three times as much as cleaning a typical comment."""
    return nh3.Cleaner(
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        # data: for <img src> (SingleFile); a data: link is unwrapped by safe_link below.
        url_schemes={"http", "https", "mailto", "data"},
        link_rel=None,
        strip_comments=True,
    )


def _parse_fragment(safe: str) -> etree._Element:
    """The sanitised markup as the children of a ``<div>`` (the parsed page's ``<body>``,
    renamed; its blank leading text dropped, as ``lxml.html.fragment_fromstring`` does), with
    plain etree elements: ``lxml.html``'s asked Python for the class of every element touched.
    ``huge_tree``: libxml2's default parser silently drops everything nested past 255 levels."""
    parser = etree.HTMLParser(huge_tree=True)
    root = etree.fromstring(f"<html><body>{safe}</body></html>", parser).find("body")
    if root is None:  # libxml2 always builds a body for this markup; never happens
        return etree.Element("div")
    root.tag = "div"
    if root.text is not None and not root.text.strip():
        root.text = None
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


_REWRITTEN = ("a", "img", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6")
_VALUE_MARK = re.compile(" (?:" + "|".join(_VALID_VALUES) + ')="')


def _check_values(root: etree._Element, safe: str) -> None:
    """Drop attribute values XHTML refuses. Only a body whose sanitised markup has one of
    these attributes is walked (a string search costs nothing; most bodies have none)."""
    if not _VALUE_MARK.search(safe):
        return
    for el in root.iter():
        for name, valid in _VALID_VALUES.items():
            value = el.get(name)
            if value is not None and valid.fullmatch(value.strip()):
                el.set(name, value.strip())
            elif value is not None:
                del el.attrib[name]


def _rewrite(root: etree._Element, base_url: str | None) -> None:
    """Adapt the sanitised tree to e-readers: safe links, no remote images, nothing hidden."""
    for el in list(root.iter(*_REWRITTEN)):
        tag = el.tag
        if tag == "a":
            href = safe_link(el.get("href"), base_url)
            if href is None:
                drop_tag(el)
            else:
                el.set("href", href)
        elif tag == "img":
            clean_img(el, base_url)
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


@lru_cache(maxsize=4096)
def safe_link(url: str | None, base_url: str | None = None) -> str | None:
    """``url`` (resolved against ``base_url``) as a link the book may hold: http, https or
    mailto, percent-encoded where needed; None for anything else (``javascript:``, ``data:``,
    an in-page anchor, a local path, an address that cannot be parsed). The caller escapes it
    for the attribute it goes in."""
    url = (url or "").strip()
    if not url or url.startswith("#"):
        return None
    joined = join_url(base_url, url) if base_url else url
    parts = split_url(joined) if joined is not None else None
    if joined is None or parts is None or parts.scheme.lower() not in _LINK_SCHEMES:
        return None
    web = parts.scheme.lower() != "mailto"
    if web and (not parts.hostname or _BAD_HOST.search(parts.hostname)):
        return None  # "https://exa mple.org/": no host a reader can reach
    return _escape_url(joined)


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


def _cap_depth(root: etree._Element) -> None:
    """Unwrap every element nested deeper than ``MAX_DEPTH``: its text and tail stay in place,
    in the deepest element kept (last first, so that each unwrapped element is a leaf)."""
    if not _TOO_DEEP(root):
        return
    depth = {root: 0}
    deep = []
    for el in root.iterdescendants():
        parent = el.getparent()
        level = depth[parent] + 1 if parent is not None else 0
        depth[el] = level
        if level > MAX_DEPTH:
            deep.append(el)
    for el in reversed(deep):
        drop_tag(el)


def _drop_empty_blocks(root: etree._Element) -> None:
    """Remove the empty paragraphs that stripped forms and widgets leave behind."""
    for el in list(root.iter("p", "div", "span")):
        if el is not root and len(el) == 0 and not (el.text or "").strip():
            drop_tag(el)


# --- content model: what XHTML allows where ------------------------------------------------------
# An allow-list keeps elements but not their places: "<li>" outside a list, "<p>" in "<b>", "<ul>"
# holding text, a link inside a link (a linked image becomes one). The browser shows such markup;
# EPUBCheck rejects the whole book. These rules move or rename elements so that the fragment is
# valid wherever a "<div>" may stand, and keep every word.

# Elements that hold phrasing content only ("<a>", "<del>" and "<ins>" take their parent's model).
_PHRASING_ONLY = frozenset(
    {
        "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "u", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TRANSPARENT = frozenset({"a", "del", "ins"})
_INLINE = (_PHRASING_ONLY - _HEADINGS - {"p", "pre"}) | {"br", "img"}
_TABLE_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
# Elements that are only valid inside a given parent; elsewhere they become a plain "<div>".
_PARENTS = {
    "li": {"ul", "ol"},
    "dt": {"dl"},
    "dd": {"dl"},
    "thead": {"table"},
    "tbody": {"table"},
    "tfoot": {"table"},
    "caption": {"table"},
    "tr": {"table", "thead", "tbody", "tfoot"},
    "td": {"tr"},
    "th": {"tr"},
    "figcaption": {"figure"},
}


# What the rules act on. A phrasing-only element is renamed exactly when it holds, at any
# depth, an element that is neither inline nor transparent (see _blocks_out_of_phrasing); the
# top-down rules act on lists, list and table parts, captions and links in links (a heading
# is only moved out of a <dt> or <th>, which are in the list).
_NOT_PHRASING = tuple(sorted((_TAGS | {"div", "p"}) - _INLINE - _TRANSPARENT))
_STRUCTURE_MARK = re.compile(
    "<(?:" + "|".join(sorted({"ul", "ol", "dl", "table", "caption", *_PARENTS})) + ")[ >/]"
)


def _phrasing_holds_block(root: etree._Element) -> bool:
    for el in root.iter(*_NOT_PHRASING):
        parent = el.getparent()
        while parent is not None and parent is not root:
            if parent.tag in _PHRASING_ONLY:
                return True
            parent = parent.getparent()
    return False


def _has_structure(root: etree._Element, safe: str) -> bool:
    """Whether the top-down rules may have work; ``safe`` is the sanitised markup, which the
    cleaning only ever renames to ``div``, ``p``, ``span`` and ``a`` (not in a link)."""
    if _STRUCTURE_MARK.search(safe):
        return True
    return safe.count("<a ") > 1 and any(
        any(up.tag == "a" for up in a.iterancestors()) for a in root.iter("a")
    )


def _fix_content_model(root: etree._Element, safe: str) -> None:
    """Make the fragment valid XHTML content: blocks out of inline elements first (bottom-up),
    then, top-down so that each parent is settled before its children, links out of links,
    lists holding only items, and list parts, table parts and captions that are out of place
    turned into plain blocks. Most bodies need none of it: one search for what the rules act
    on decides."""
    if _phrasing_holds_block(root):
        _blocks_out_of_phrasing(root)
    if not _has_structure(root, safe):
        return
    for el in list(root.iter()):
        if el is root or not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        tag = el.tag
        if tag == "a" and any(a.tag == "a" for a in el.iterancestors()):
            drop_tag(el)  # a link in a link: the outer one wins, the words stay
            continue
        if tag in {"ul", "ol"}:
            _wrap_in_items(el)
        elif tag in _HEADINGS and any(a.tag in {"dt", "th"} for a in el.iterancestors()):
            el.tag = "p"
        elif _misplaced(el, parent):
            el.tag = "div"
        if el.tag == "div":
            for name in ("start", "colspan", "rowspan"):
                if name in el.attrib:
                    del el.attrib[name]


def _misplaced(el: etree._Element, parent: etree._Element) -> bool:
    """An element outside the only parent it may have, or in the wrong place in it; a list of
    definitions or a table whose own structure is broken."""
    tag = el.tag
    if tag in _PARENTS and parent.tag not in _PARENTS[tag]:
        return True
    if tag == "caption":
        return next(iter(parent), None) is not el
    if tag == "figcaption":
        return not _first_or_last(el, parent)
    if tag == "dl":
        return not _valid_dl(el)
    if tag == "table":
        return not _valid_table(el)
    return False


def _blocks_out_of_phrasing(root: etree._Element) -> None:
    """An element that may hold only phrasing content but holds a block (``<b><p>``,
    ``<span><div>``, ``<pre><div>``) becomes a ``<div>`` itself; bottom-up, so that the change
    travels up through ``<a>`` and any other inline ancestors."""
    blocks: set[etree._Element] = set()
    for el in reversed(list(root.iter())):
        if not isinstance(el.tag, str):
            continue
        holds_block = any(child in blocks for child in el)
        if el.tag in _PHRASING_ONLY and holds_block:
            el.tag = "div"
        if holds_block if el.tag in _TRANSPARENT else el.tag not in _INLINE:
            blocks.add(el)


def _first_or_last(el: etree._Element, parent: etree._Element) -> bool:
    kids = [k for k in parent if isinstance(k.tag, str)]
    captions = [k for k in kids if k.tag == "figcaption"]
    return len(captions) == 1 and (kids[0] is el or kids[-1] is el)


def _blank(text: str | None) -> bool:
    """Nothing but XML's whitespace (a no-break space is text to a validator)."""
    return not (text or "").strip(" \t\r\n")


def _only_elements(el: etree._Element) -> bool:
    """No text directly in ``el`` (whitespace aside): lists, tables and rows hold elements."""
    return _blank(el.text) and all(_blank(k.tail) for k in el)


def _wrap_in_items(lst: etree._Element) -> None:
    """Whatever sits in a list outside an ``<li>`` (text, a ``<br>``, a nested list) joins the
    item before it, or a new item when there is none."""
    item: etree._Element | None = None
    if not _blank(lst.text):
        item = etree.Element("li")
        item.text, lst.text = lst.text, None
        lst.insert(0, item)
    for child in list(lst):
        if child is item:
            continue
        if child.tag == "li":
            item = child
            if not _blank(child.tail):
                _append_text(child, child.tail or "")
                child.tail = None
            continue
        if item is None:
            item = etree.Element("li")
            child.addprevious(item)
        item.append(child)


def _append_text(el: etree._Element, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _valid_dl(dl: etree._Element) -> bool:
    """Groups of one or more ``<dt>`` followed by one or more ``<dd>``, nothing else."""
    tags = "".join({"dt": "t", "dd": "d"}.get(str(k.tag), "x") for k in dl)
    return _only_elements(dl) and re.fullmatch(r"(t+d+)*", tags) is not None


def _valid_table(table: etree._Element) -> bool:
    """caption?, thead?, (tbody* | tr*), tfoot?, with rows of cells, and no table in a caption."""
    if any(a.tag == "caption" for a in table.iterancestors()):
        return False
    codes = {"caption": "c", "thead": "h", "tbody": "b", "tfoot": "f", "tr": "r"}
    tags = "".join(codes.get(str(k.tag), "x") for k in table)
    if not _only_elements(table) or re.fullmatch(r"c?h?(b*|r*)f?", tags) is None:
        return False
    rows = [k for k in table if k.tag == "tr"]
    for section in (k for k in table if k.tag in _TABLE_SECTIONS):
        if not _only_elements(section) or any(r.tag != "tr" for r in section):
            return False
        rows.extend(section)
    return all(_only_elements(r) and all(c.tag in {"td", "th"} for c in r) for r in rows)


def drop_tag(el: etree._Element) -> None:
    """Remove ``el``'s tag, keeping its text, children and tail in place (``lxml.html``'s
    ``drop_tag``, for plain etree elements); a parentless element stays as it is."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if el.text:
        if previous is None:
            parent.text = (parent.text or "") + el.text
        else:
            previous.tail = (previous.tail or "") + el.text
    if el.tail:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + el.tail
        elif previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    index = parent.index(el)
    parent[index : index + 1] = list(el)


def _serialise_children(root: etree._Element) -> str:
    """The ``<div>``'s content as XML, in one serialisation (the wrapper's tags cut off)."""
    if not len(root) and not root.text:
        return ""
    markup = etree.tostring(root, encoding="unicode", method="xml", with_tail=False)
    return markup[len("<div>") : -len("</div>")].strip()
