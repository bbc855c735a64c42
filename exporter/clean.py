"""Turn untrusted comment bodies into small, safe XHTML fragments an e-reader can show.

A saved page is hostile input: bodies go through an allow-list sanitiser (nh3, the binding of
Ammonia) and are then re-serialised as XML, so every fragment the renderer embeds is
well-formed XHTML with nothing that runs, hides or phones home.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import nh3
from lxml import etree
from lxml import html as lxml_html

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
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "*": {"dir", "lang"},
}
_LINK_SCHEMES = {"http", "https", "mailto"}


def strip_xml_illegal(text: str) -> str:
    """Remove the characters no XML document may contain (they would make the book invalid)."""
    return _XML_ILLEGAL.sub("", text)


def clean_html(fragment: str, base_url: str | None = None) -> str:
    """Sanitise an HTML fragment and return it as an XHTML fragment (possibly empty).

    Relative links are resolved against ``base_url``; links that cannot leave the book safely
    (``javascript:``, ``data:``, in-page anchors of the original site) keep their text only.
    Remote images are not fetched: each becomes a link to the picture, labelled with its alt
    text, so that nothing is lost and nothing is loaded behind the reader's back.
    """
    safe = nh3.clean(
        strip_xml_illegal(fragment),
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    if not safe.strip():
        return ""
    root = lxml_html.fragment_fromstring(safe, create_parent="div")
    _rewrite(root, base_url)
    _drop_empty_blocks(root)
    return _serialise_children(root)


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


def _rewrite(root: lxml_html.HtmlElement, base_url: str | None) -> None:
    """Adapt the sanitised tree to e-readers: safe links, no remote images, nothing hidden."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.get("dir") not in (None, "ltr", "rtl"):
            del el.attrib["dir"]
        tag = el.tag
        if tag == "a":
            href = _safe_url(el.get("href"), base_url)
            if href is None:
                _unwrap(el)
            else:
                el.set("href", href)
        elif tag == "img":
            _image_to_link(el, base_url)
        elif tag == "details":
            # Readers may keep <details> shut with no way to open it: show it as a labelled block.
            el.tag = "div"
            el.set("class", "spoiler")
        elif tag == "summary":
            el.tag = "p"
            el.set("class", "spoiler-label")
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            # A body's headings sit below the book's own (chapter h1, comment header).
            el.tag = "h" + str(min(6, int(tag[1]) + 3))


def _safe_url(url: str | None, base_url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith("#"):
        return None
    if base_url:
        url = urljoin(base_url, url)
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in _LINK_SCHEMES else None


def _image_to_link(img: lxml_html.HtmlElement, base_url: str | None) -> None:
    alt = (img.get("alt") or img.get("title") or "").strip()
    src = _safe_url(img.get("src"), base_url)
    label = f"[image: {alt}]" if alt else "[image]"
    tail = img.tail
    img.clear()
    img.text = label
    img.tail = tail
    if src is not None and urlsplit(src).scheme in {"http", "https"}:
        img.tag = "a"
        img.set("href", src)
        img.set("class", "image-link")
    else:
        img.tag = "span"
        img.set("class", "image-alt")


def _drop_empty_blocks(root: lxml_html.HtmlElement) -> None:
    """Remove the empty paragraphs that stripped forms and widgets leave behind."""
    for el in list(root.iter("p", "div", "span")):
        if el is not root and len(el) == 0 and not (el.text or "").strip():
            el.drop_tag()


def _unwrap(el: lxml_html.HtmlElement) -> None:
    el.drop_tag()


def _serialise_children(root: lxml_html.HtmlElement) -> str:
    parts = [html.escape(root.text, quote=False)] if root.text else []
    parts.extend(etree.tostring(child, encoding="unicode", method="xml") for child in root)
    return "".join(parts).strip()
