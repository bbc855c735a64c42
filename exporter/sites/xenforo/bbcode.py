"""A XenForo post body (BBCode rendered to HTML) made ready for the sanitiser.

XenForo draws quotes, spoilers and smilies with widgets that only work with its scripts and
style sheets: a quote is a box whose "Click to expand…" button reveals its end, a spoiler a
button that shows a hidden block, a smilie a transparent GIF over a sprite sheet. Left as
they are, the sanitiser would keep "Click to expand…", drop the spoiler's title, and turn each
smilie into "[image: :)]". Here they become plain HTML it keeps: a quote a ``<blockquote>``
headed by its attribution ("alice said:"), a spoiler a ``<details>`` whose ``<summary>`` says
"Spoiler: title" (``exporter.clean`` shows it as a visible labelled block), a smilie its text.

XF2 and XF1 markup are both handled: the class names differ, the ideas are the same.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from ...clean import clean_html, url_host
from .markup import Element, absolute, by_class, classes, elements, first_class, text_of

_POST_SOURCE = re.compile(r"^\s*post\s*:\s*(\d+)\s*$")
_GOTO_POST = re.compile(r"(?:goto/post\?id=|posts/|#post-)(\d+)")
# Widget chrome inside bodies: expand/shrink buttons, end markers, script-only duplicates.
_CHROME_CLASSES = frozenset(
    {
        "bbCodeBlock-expandLink",
        "bbCodeBlock-shrinkLink",
        "quoteExpand",
        "messageTextEndMarker",
        "js-selectToQuoteEnd",
    }
)
_CHROME_TAGS = frozenset({"noscript", "script", "style", "button", "template"})
_SMILIE_CLASSES = frozenset({"smilie", "mceSmilie", "mceSmilieSprite"})


@dataclass(frozen=True)
class QuoteRef:
    """What the first quote of a post points at: the quoted post's id and its author."""

    post_id: str | None
    author: str | None


def body_html(body: Element | None, base_url: str | None) -> tuple[str, QuoteRef | None]:
    """The cleaned XHTML of a body element, and the post its first quote answers.

    The element is changed in place (it belongs to a tree parsed for this one conversion)."""
    if body is None:
        return "", None
    _drop_chrome(body)
    _smilies_to_text(body)
    _resolve_images(body)
    _dice_to_text(body)
    _embeds_to_links(body)
    for card in [el for el in elements(body) if "bbCodeBlock--unfurl" in classes(el)]:
        _rewrite_unfurl(card)
    reply = first_quote(body)
    for quote in [el for el in elements(body) if _is_quote(el)]:
        _rewrite_quote(quote)
    for spoiler in [el for el in elements(body) if _is_spoiler(el)]:
        _rewrite_spoiler(spoiler)
    for inline in list(by_class(body, "bbCodeInlineSpoiler")):
        inline.drop_tag()
    return clean_html(inner_html(body), base_url), reply


def inner_html(el: Element) -> str:
    parts = [html.escape(el.text, quote=False)] if el.text else []
    parts.extend(lxml_html.tostring(child, encoding="unicode") for child in el)
    return "".join(parts)


def first_quote(body: Element) -> QuoteRef | None:
    """The first quote the post itself makes (not one nested inside another quote, which is
    what the quoted author was answering)."""
    for el in elements(body):
        if not _is_quote(el):
            continue
        if any(_is_quote(a) for a in el.iterancestors() if a is not body):
            continue
        return _quote_ref(el)
    return None


def attachment_html(items: list[tuple[str, str | None]], base_url: str | None) -> str:
    """A line of links to a post's attached files, by file name (the thumbnails are not
    kept: they are small copies of pictures the book does not fetch)."""
    links = []
    for name, href in items:
        url = absolute(href, base_url)
        label = html.escape(name, quote=False)
        links.append(f'<a href="{html.escape(url)}">{label}</a>' if url else label)
    if not links:
        return ""
    word = "Attachment" if len(links) == 1 else "Attachments"
    return clean_html(f"<p>{word}: {', '.join(links)}</p>", base_url)


# --- quotes --------------------------------------------------------------------------------------


def _is_quote(el: Element) -> bool:
    names = classes(el)
    return "bbCodeBlock--quote" in names or "bbCodeQuote" in names


def _quote_ref(quote: Element) -> QuoteRef:
    author = str(quote.get("data-quote") or quote.get("data-author") or "").strip() or None
    match = _POST_SOURCE.match(str(quote.get("data-source") or ""))
    post_id = match.group(1) if match else None
    if post_id is None:
        link = own(quote, "AttributionLink", "bbCodeBlock-sourceJump")
        found = _GOTO_POST.search(str(link.get("href") or "")) if link is not None else None
        post_id = found.group(1) if found else None
    return QuoteRef(post_id=post_id, author=author)


def _quote_header(quote: Element) -> str:
    """ "alice said:" as the page shows it (without XF1's "↑" jump link)."""
    title = own(quote, "bbCodeBlock-title", "attribution")
    if title is not None:
        for link in list(by_class(title, "AttributionLink")):
            link.drop_tree()
        text = text_of(title).rstrip("↑ ").strip()
        if text:
            return text
    author = str(quote.get("data-quote") or quote.get("data-author") or "").strip()
    return f"{author} said:" if author else ""


def _rewrite_quote(quote: Element) -> None:
    """The box becomes ``<blockquote><p><cite>alice said:</cite></p>…</blockquote>``."""
    header = _quote_header(quote)
    content = own(quote, "bbCodeBlock-expandContent", "quote", "bbCodeBlock-content")
    label = None
    if header:
        label = lxml_html.Element("p")
        cite = lxml_html.Element("cite")
        cite.text = header
        label.append(cite)
    _rebuild(quote, "blockquote", label, content)


# --- spoilers ------------------------------------------------------------------------------------


def _is_spoiler(el: Element) -> bool:
    names = classes(el)
    return "bbCodeSpoiler" in names or "bbCodeSpoilerContainer" in names


def _rewrite_spoiler(spoiler: Element) -> None:
    """A hidden block behind a button becomes ``<details><summary>Spoiler: title</summary>``,
    which the sanitiser turns into a visible block under its label."""
    button = own(spoiler, "bbCodeSpoiler-button", "bbCodeSpoilerButton")
    label_text = text_of(button) or "Spoiler"
    holder = own(spoiler, "bbCodeSpoiler-content", "bbCodeSpoilerText")
    content = own(holder, "bbCodeBlock-content") if holder is not None else None
    summary = lxml_html.Element("summary")
    summary.text = label_text
    _rebuild(spoiler, "details", summary, content if content is not None else holder)


# --- smilies, images, dice, chrome ---------------------------------------------------------------


def _smilies_to_text(body: Element) -> None:
    """A smilie is its code (":)") or, for emoji, the character: never a picture link."""
    for img in list(elements(body, "img")):
        if classes(img) & _SMILIE_CLASSES:
            text = str(img.get("alt") or img.get("data-shortname") or "").strip()
            img.tail = text + (img.tail or "")
            img.drop_tree()


def _resolve_images(body: Element) -> None:
    """Lazy-loaded pictures carry their address in ``data-url`` (the original, behind XF2's
    image proxy) or ``data-src``, with a placeholder in ``src``."""
    for img in elements(body, "img"):
        for name in ("data-url", "data-src"):
            value = str(img.get(name) or "").strip()
            if value.startswith(("http://", "https://", "/")):
                img.set("src", value)
                break


def _dice_to_text(body: Element) -> None:
    """Dice-roll add-ons draw each die as an SVG whose ``<title>`` is the number rolled."""
    for svg in list(elements(body, "svg")):
        title = next(elements(svg, "title"), None)
        number = text_of(title)
        svg.tail = (f" [{number}] " if number else " ") + (svg.tail or "")
        svg.drop_tree()


def _rewrite_unfurl(card: Element) -> None:
    """A link preview card (XF 2.2+) becomes its title as a link and its description: the
    site's favicon and thumbnail are decoration the book does without."""
    url = str(card.get("data-url") or "").strip()
    title_box = first_class(card, "js-unfurl-title")
    title = text_of(title_box) or url
    description = text_of(first_class(card, "js-unfurl-desc"))
    if not url and title_box is not None:
        link_el = next(elements(title_box, "a"), None)
        url = str(link_el.get("href") or "").strip() if link_el is not None else ""
    head = lxml_html.Element("p")
    if url:
        link = lxml_html.Element("a")
        link.set("href", url)
        link.text = title
        head.append(link)
    else:
        head.text = title
    content = None
    if description:
        content = lxml_html.Element("div")
        para = lxml_html.Element("p")
        para.text = description
        content.append(para)
    _rebuild(card, "div", head, content)


def _embeds_to_links(body: Element) -> None:
    """An embedded video or post (an ``<iframe>``, which the book cannot hold) becomes a link
    to what it showed, so that the reader knows something was there and where to find it."""
    for frame in list(elements(body, "iframe")):
        src = ""
        for name in ("src", "data-src", "data-s9e-mediaembed-src"):
            src = str(frame.get(name) or "").strip()
            if src:
                break
        if src.startswith("//"):
            src = "https:" + src
        host = url_host(src) if src.startswith(("http://", "https://")) else None
        if host is None:
            frame.drop_tree()
            continue
        link = lxml_html.Element("a")
        link.set("href", src)
        link.text = f"[embedded media: {host.removeprefix('www.')}]"
        link.tail = frame.tail
        parent = frame.getparent()
        if parent is not None:
            parent.replace(frame, link)


def _drop_chrome(body: Element) -> None:
    doomed = [
        el
        for el in elements(body)
        if (el.tag in _CHROME_TAGS or classes(el) & _CHROME_CLASSES) and not _is_spoiler_button(el)
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _is_spoiler_button(el: Element) -> bool:
    """The spoiler's button holds its title: it is read when the spoiler is rewritten."""
    parent = el.getparent()
    return parent is not None and _is_spoiler(parent) and el.tag == "button"


def own(block: Element, *names: str) -> Element | None:
    """The first element of the first class in ``names`` found that belongs to ``block``
    itself, not to a quote or spoiler nested in it (whose title or content would otherwise be
    taken for the outer's)."""
    for name in names:
        found = _own(block, name)
        if found is not None:
            return found
    return None


def _own(block: Element, name: str) -> Element | None:
    stack = list(reversed([kid for kid in block if isinstance(kid.tag, str)]))
    while stack:
        el = stack.pop()
        if name in classes(el):
            return el
        if _is_quote(el) or _is_spoiler(el):
            continue
        stack.extend(reversed([kid for kid in el if isinstance(kid.tag, str)]))
    return None


def _rebuild(el: Element, tag: str, head: Element | None, content: Element | None) -> None:
    """Turn ``el`` into a bare ``tag`` holding ``head`` then ``content``'s children, in place
    (so that its tail, the text after it, stays where it was)."""
    text = content.text if content is not None else None
    kids = list(content) if content is not None else []
    for child in list(el):
        el.remove(child)
    el.text = None
    el.attrib.clear()
    el.tag = tag
    if head is not None:
        el.append(head)
        head.tail = text
    else:
        el.text = text
    for kid in kids:
        el.append(kid)
