"""Small readers over an lxml page that every kind of evidence needs.

The generic parser meets markup it has never seen, so these helpers assume nothing: any
attribute may be missing, any text may be empty, and an element may be a comment or a
processing instruction rather than a tag.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_SPACE = re.compile(r"\s+")
# Never part of what a person wrote: scripts, the reply form, the buttons around a post.
CHROME_TAGS = frozenset(
    {"script", "style", "noscript", "form", "button", "input", "select", "textarea", "nav"}
)


_VISIBLE_TEXT = etree.XPath(
    "descendant-or-self::text()[not(ancestor::script) and not(ancestor::style)]"
)


def is_tag(el: object) -> bool:
    """True for a real element: lxml also yields comments and processing instructions."""
    return isinstance(el, lxml_html.HtmlElement) and isinstance(el.tag, str)


def classes(el: lxml_html.HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def squash(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def text_of(el: lxml_html.HtmlElement | None) -> str:
    """The visible words of an element, whitespace collapsed, scripts and styles left out."""
    if el is None:
        return ""
    found = _VISIBLE_TEXT(el)
    return squash(" ".join(str(t) for t in found) if isinstance(found, list) else "")


def depth_of(el: lxml_html.HtmlElement) -> int:
    depth = 0
    node = el.getparent()
    while node is not None:
        depth += 1
        node = node.getparent()
    return depth


def own_elements(
    block: lxml_html.HtmlElement, members: set[lxml_html.HtmlElement]
) -> list[lxml_html.HtmlElement]:
    """The block's elements in document order, without the blocks nested in it (replies):
    a reply's author or time must never be read as its parent's."""
    out: list[lxml_html.HtmlElement] = []
    stack = [block]
    while stack:
        node = stack.pop()
        out.append(node)
        kids = [k for k in node if is_tag(k) and k not in members]
        stack.extend(reversed(kids))
    return out


def meta_content(root: lxml_html.HtmlElement, *names: str) -> str | None:
    """The first ``<meta property|name=…>`` among ``names`` that has content."""
    for name in names:
        for meta in root.iter("meta"):
            if name in (meta.get("property"), meta.get("name")):
                content = squash(meta.get("content"))
                if content:
                    return content
    return None


def page_title(root: lxml_html.HtmlElement, first_post: lxml_html.HtmlElement | None = None) -> str:
    """The thread's title: its Open Graph title, else the heading nearest before the first
    post (forums put the site's name in the ``h1``), else the page's ``h1``, else ``<title>``."""
    og = meta_content(root, "og:title", "twitter:title")
    if og:
        return og
    if first_post is not None:
        heading: str | None = None
        for el in root.iter("h1", "h2", first_post.tag):
            if el is first_post:
                break
            if el.tag in ("h1", "h2"):
                heading = text_of(el) or heading
        if heading and len(heading) <= 300:
            return heading
    for h1 in root.iter("h1"):
        text = text_of(h1)
        if text and len(text) <= 300:
            return text
    title = next(iter(root.iter("title")), None)
    return text_of(title)


def page_url(root: lxml_html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            href = squash(link.get("href"))
            if href.startswith(("http://", "https://")):
                return href
    og = meta_content(root, "og:url")
    return og if og and og.startswith(("http://", "https://")) else None


def outer_html(el: lxml_html.HtmlElement) -> str:
    return str(lxml_html.tostring(el, encoding="unicode", with_tail=False))


def inner_html(el: lxml_html.HtmlElement) -> str:
    """The element's content without its own tag, so a ``<li>`` body does not stay a list item."""
    parts = [el.text or ""]
    parts.extend(str(lxml_html.tostring(kid, encoding="unicode")) for kid in el)
    return "".join(parts)
