"""A Discourse post's ``cooked`` HTML made book-ready: its own chrome out, its quotes kept.

Discourse decorates what people wrote: images sit in a lightbox with a file name, size and
icons; links to other pages become "oneboxes" with favicons and thumbnails; a quote of another
post is an ``aside.quote`` whose title row carries an avatar, controls and "alice:". A reader
wants the words, the picture's link, the linked page's title and who was quoted, and nothing
else; the sanitiser (``exporter.clean``) then does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import etree
from lxml import html as lxml_html

from ...clean import clean_html, strip_xml_illegal
from ..numbers import read_int


@dataclass
class Cooked:
    body_html: str
    quoted_number: int | None = None
    """The post number of the first quote of another post in the same topic."""
    quoted_author: str | None = None


def cook(
    fragment: str, base_url: str | None, topic_id: str | None, own_number: int | None
) -> Cooked:
    """The cleaned body, and the first post of this topic it quotes (a reply's best clue when
    the page does not say what it replies to)."""
    if not fragment.strip():
        return Cooked("")
    try:
        root = lxml_html.fragment_fromstring(
            strip_xml_illegal(fragment),
            create_parent="div",
            parser=lxml_html.HTMLParser(huge_tree=True),
        )
    except (etree.ParserError, ValueError):
        return Cooked(clean_html(fragment, base_url))
    quoted_number, quoted_author = _rewrite_quotes(root, topic_id, own_number)
    _rewrite_lightboxes(root)
    _rewrite_oneboxes(root)
    _rewrite_emoji(root)
    inner = (root.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in root
    )
    return Cooked(clean_html(inner, base_url), quoted_number, quoted_author)


def _classes(el: lxml_html.HtmlElement) -> set[str]:
    return set(str(el.get("class") or "").split())


def _elements(root: lxml_html.HtmlElement, tag: str, name: str) -> list[lxml_html.HtmlElement]:
    return [el for el in root.iter(tag) if name in _classes(el)]


def _replace(old: lxml_html.HtmlElement, new: lxml_html.HtmlElement) -> None:
    new.tail = old.tail
    parent = old.getparent()
    if parent is not None:
        parent.replace(old, new)


def _rewrite_quotes(
    root: lxml_html.HtmlElement, topic_id: str | None, own_number: int | None
) -> tuple[int | None, str | None]:
    first: tuple[int | None, str | None] = (None, None)
    for aside in _elements(root, "aside", "quote"):
        user = str(aside.get("data-username") or "").strip() or None
        number = read_int(aside.get("data-post"))
        topic = str(aside.get("data-topic") or "").strip()
        same_topic = not topic or topic_id is None or topic == topic_id
        if first == (None, None) and number is not None and same_topic and number != own_number:
            first = (number, user)
        title = next((d for d in aside.iter("div") if "title" in _classes(d)), None)
        who = user or (title.text_content().strip().rstrip(":") if title is not None else "")
        quote = next(aside.iter("blockquote"), None)
        block = lxml_html.Element("blockquote")
        if who:
            label = etree.SubElement(block, "p")
            strong = etree.SubElement(label, "b")
            strong.text = f"{who}:"
        if quote is not None:
            if quote.text and quote.text.strip():
                para = etree.SubElement(block, "p")
                para.text = quote.text
            for child in list(quote):
                block.append(child)
        _replace(aside, block)
    return first


def _rewrite_lightboxes(root: lxml_html.HtmlElement) -> None:
    """The picture, pointing at the full-size original, without its file name and size row."""
    for wrapper in _elements(root, "div", "lightbox-wrapper"):
        link = next((a for a in wrapper.iter("a") if "lightbox" in _classes(a)), None)
        img = next(wrapper.iter("img"), None)
        if img is None:
            wrapper.drop_tree()
            continue
        name = next((s for s in wrapper.iter("span") if "filename" in _classes(s)), None)
        picture = lxml_html.Element("img")
        href = link.get("href") if link is not None else None
        picture.set("src", str(href or img.get("src") or ""))
        alt = img.get("alt") or (link.get("title") if link is not None else None)
        if not alt and name is not None:
            alt = name.text_content().strip()
        if alt:
            picture.set("alt", str(alt))
        _replace(wrapper, picture)


def _rewrite_oneboxes(root: lxml_html.HtmlElement) -> None:
    """A link card becomes its title as a link, and the page's own summary if it has one."""
    for box in _elements(root, "aside", "onebox"):
        src = box.get("data-onebox-src")
        heading = next((h for tag in ("h3", "h4") for h in box.iter(tag)), None)
        heading_link = next(heading.iter("a"), None) if heading is not None else None
        href = src or (heading_link.get("href") if heading_link is not None else None)
        title = heading.text_content().strip() if heading is not None else ""
        summary = next((p for p in box.iter("p") if p.text_content().strip()), None)
        parts = []
        if href:
            parts.append(f'<p><a href="{escape(str(href))}">{escape(title or str(href))}</a></p>')
        elif title:
            parts.append(f"<p>{escape(title)}</p>")
        if summary is not None:
            parts.append(f"<p>{escape(summary.text_content().strip())}</p>")
        new = lxml_html.fragment_fromstring(
            f"<blockquote>{''.join(parts)}</blockquote>" if parts else "<span></span>"
        )
        _replace(box, new)


def _rewrite_emoji(root: lxml_html.HtmlElement) -> None:
    """An emoji picture reads as its name (":tada:"), not as a link to a 20-pixel image."""
    for img in _elements(root, "img", "emoji"):
        text = str(img.get("alt") or img.get("title") or "")
        span = lxml_html.Element("span")
        span.text = text
        _replace(img, span)
