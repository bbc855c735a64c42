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

from .content_model import drop_tag, fix_content_model
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
# An address ``_resolve_link`` returns unchanged: http(s), a host name, and only characters a URL
# holds as they are; no ";" (path parameters) and no empty query or fragment, which ``urljoin``
# would drop, and no second "#", which ``_escape_url`` would encode.
_URL_CHAR = r"(?:[-A-Za-z0-9._~!$&'()*+,=:@/]|%[0-9A-Fa-f]{2})"
_PLAIN_WEB_URL = re.compile(
    rf"https?://[A-Za-z0-9][-A-Za-z0-9.]*(?::[0-9]{{1,5}})?(?:/{_URL_CHAR}*)?"
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
    safe = _sanitiser().clean(strip_xml_illegal(fragment))
    if not safe.strip():
        return ""
    root = _parse_fragment(safe)
    _check_values(root, safe)
    _rewrite(root, base_url)
    _drop_empty_blocks(root)
    _cap_depth(root, safe)
    fix_content_model(root, safe)
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


_PARSER = etree.HTMLParser(huge_tree=True)
"""One parser for every body (building one per body added a third to the parse). lxml locks a
parser while it parses, so threads that share it take turns."""


def _parse_fragment(safe: str) -> etree._Element:
    """The sanitised markup as the children of a ``<div>`` (the parsed page's ``<body>``,
    renamed; its blank leading text dropped, as ``lxml.html.fragment_fromstring`` does), with
    plain etree elements: ``lxml.html``'s asked Python for the class of every element touched.
    ``huge_tree``: libxml2's default parser silently drops everything nested past 255 levels.
    The body is the only child libxml2 builds for this markup (``find``, in Python, cost half
    as much as the parse)."""
    root = etree.fromstring(f"<html><body>{safe}</body></html>", _PARSER)[0]
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


_REWRITTEN = frozenset({"a", "img", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6"})
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
    for el in _descendants(root, _REWRITTEN):
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
    for the attribute it goes in.

    Most links are ordinary web addresses, each a different one: those are known to come out
    of ``_resolve_link`` as they went in, as long as the base can be split (``urljoin`` fails
    on one that cannot), so they skip the splitting and joining, which cost ten times more."""
    url = (url or "").strip()
    if _PLAIN_WEB_URL.fullmatch(url) and (not base_url or split_url(base_url) is not None):
        return url
    return _resolve_link(url, base_url)


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


def _cap_depth(root: etree._Element, safe: str) -> None:
    """Unwrap every element nested deeper than ``MAX_DEPTH``: its text and tail stay in place,
    in the deepest element kept (last first, so that each unwrapped element is a leaf). Each
    element comes from a tag of ``safe``, the sanitised markup (which escapes every other "<"),
    so one that has too few tags is not searched."""
    if safe.count("<") <= MAX_DEPTH or not _TOO_DEEP(root):
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


_BLOCKS_DROPPED_EMPTY = frozenset({"p", "div", "span"})


def _descendants(root: etree._Element, tags: frozenset[str]) -> list[etree._Element]:
    """The elements below ``root`` with one of ``tags``, in document order. One plain walk with a
    set lookup costs half of lxml's ``iter(*tags)``, which prepares a matcher for every name."""
    return [el for el in root.iterdescendants() if el.tag in tags]


def _drop_empty_blocks(root: etree._Element) -> None:
    """Remove the empty paragraphs that stripped forms and widgets leave behind."""
    for el in _descendants(root, _BLOCKS_DROPPED_EMPTY):
        if len(el) == 0 and not (el.text or "").strip():
            drop_tag(el)


def _serialise_children(root: etree._Element) -> str:
    """The ``<div>``'s content as XML, in one serialisation (the wrapper's tags cut off)."""
    if not len(root) and not root.text:
        return ""
    markup = etree.tostring(root, encoding="unicode", method="xml", with_tail=False)
    return markup[len("<div>") : -len("</div>")].strip()
