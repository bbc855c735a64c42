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
from itertools import takewhile

from lxml import etree

from ...clean import clean_html, clean_tree, url_host
from ...page_tree import Element, take_body
from ...tree_edits import drop_tree, strip_elements
from .markup import ClassIndex, absolute, classes, elements, text_of

_POST_SOURCE = re.compile(r"^\s*post\s*:\s*(\d+)\s*$")
_GOTO_POST = re.compile(r"(?:goto/post\?id=|posts/|#post-)(\d+)")
# Widget chrome inside bodies: expand/shrink buttons, end markers, script-only duplicates.
_CHROME_CLASSES = (
    "bbCodeBlock-expandLink",
    "bbCodeBlock-shrinkLink",
    "quoteExpand",
    "messageTextEndMarker",
    "js-selectToQuoteEnd",
)
_CHROME_TAGS = ("noscript", "script", "style", "button", "template")
_SMILIE_CLASSES = ("smilie", "mceSmilie", "mceSmilieSprite")
_QUOTE_CLASSES = ("bbCodeBlock--quote", "bbCodeQuote")
_SPOILER_CLASSES = ("bbCodeSpoiler", "bbCodeSpoilerContainer")


@dataclass(frozen=True)
class QuoteRef:
    """What the first quote of a post points at: the quoted post's id and its author."""

    post_id: str | None
    author: str | None


def body_html(body: Element | None, base_url: str | None) -> tuple[str, QuoteRef | None]:
    """The cleaned XHTML of a body element, and the post its first quote answers.

    The element is changed in place, and leaves the page (it belongs to a tree parsed for
    this one conversion)."""
    if body is None:
        return "", None
    found = ClassIndex(body)
    _drop_chrome(body, found)
    _smilies_to_text(found)
    _resolve_images(body)
    _dice_to_text(body)
    _embeds_to_links(body)
    for card in found.every("bbCodeBlock--unfurl"):
        _rewrite_unfurl(card, found)
    reply = first_quote(found)
    for quote in found.every(_QUOTE_CLASSES):
        _rewrite_quote(quote, found)
    for spoiler in found.every(_SPOILER_CLASSES):
        _rewrite_spoiler(spoiler, found)
    strip_elements(dict.fromkeys(found.every("bbCodeInlineSpoiler"), True))
    return clean_tree(take_body(body, squeeze=False), base_url), reply


def first_quote(found: ClassIndex) -> QuoteRef | None:
    """The first quote the post (``found``: its body) itself makes (not one nested inside
    another quote, which is what the quoted author was answering)."""
    for el in found.every(_QUOTE_CLASSES):
        if any(_is_quote(a) for a in el.iterancestors() if a is not found.root):
            continue
        return _quote_ref(el, found)
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
    return not classes(el).isdisjoint(_QUOTE_CLASSES)


def _quote_ref(quote: Element, found: ClassIndex) -> QuoteRef:
    author = str(quote.get("data-quote") or quote.get("data-author") or "").strip() or None
    match = _POST_SOURCE.match(str(quote.get("data-source") or ""))
    post_id = match.group(1) if match else None
    if post_id is None:
        link = own(found, quote, "AttributionLink", "bbCodeBlock-sourceJump")
        jump = _GOTO_POST.search(str(link.get("href") or "")) if link is not None else None
        post_id = jump.group(1) if jump else None
    return QuoteRef(post_id=post_id, author=author)


def _quote_header(quote: Element, found: ClassIndex) -> str:
    """ "alice said:" as the page shows it (without XF1's "↑" jump link)."""
    title = own(found, quote, "bbCodeBlock-title", "attribution")
    if title is not None:
        for link in found.every("AttributionLink", within=title):
            drop_tree(link)
        text = text_of(title).rstrip("↑ ").strip()
        if text:
            return text
    author = str(quote.get("data-quote") or quote.get("data-author") or "").strip()
    return f"{author} said:" if author else ""


def _rewrite_quote(quote: Element, found: ClassIndex) -> None:
    """The box becomes ``<blockquote><p><cite>alice said:</cite></p>…</blockquote>``."""
    header = _quote_header(quote, found)
    content = own(found, quote, "bbCodeBlock-expandContent", "quote", "bbCodeBlock-content")
    label = None
    if header:
        label = etree.Element("p")
        cite = etree.Element("cite")
        cite.text = header
        label.append(cite)
    _rebuild(quote, "blockquote", label, content)


# --- spoilers ------------------------------------------------------------------------------------


def _is_spoiler(el: Element) -> bool:
    return not classes(el).isdisjoint(_SPOILER_CLASSES)


def _rewrite_spoiler(spoiler: Element, found: ClassIndex) -> None:
    """A hidden block behind a button becomes ``<details><summary>Spoiler: title</summary>``,
    which the sanitiser turns into a visible block under its label."""
    button = own(found, spoiler, "bbCodeSpoiler-button", "bbCodeSpoilerButton")
    label_text = text_of(button) or "Spoiler"
    holder = own(found, spoiler, "bbCodeSpoiler-content", "bbCodeSpoilerText")
    content = own(found, holder, "bbCodeBlock-content") if holder is not None else None
    summary = etree.Element("summary")
    summary.text = label_text
    _rebuild(spoiler, "details", summary, content if content is not None else holder)


# --- smilies, images, dice, chrome ---------------------------------------------------------------


def _smilies_to_text(found: ClassIndex) -> None:
    """A smilie is its code (":)") or, for emoji, the character: never a picture link."""
    smilies = found.every(_SMILIE_CLASSES, tag="img")
    strip_elements(
        {img: str(img.get("alt") or img.get("data-shortname") or "").strip() for img in smilies}
    )


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
    dice: dict[Element, str] = {}
    for svg in elements(body, "svg"):
        if any(up.tag == "svg" for up in svg.iterancestors()):
            continue  # goes with the one around it
        number = text_of(next(elements(svg, "title"), None))
        dice[svg] = f" [{number}] " if number else " "
    strip_elements(dice)


def _rewrite_unfurl(card: Element, found: ClassIndex) -> None:
    """A link preview card (XF 2.2+) becomes its title as a link and its description: the
    site's favicon and thumbnail are decoration the book does without."""
    url = str(card.get("data-url") or "").strip()
    title_box = found.first("js-unfurl-title", within=card)
    title = text_of(title_box) or url
    description = text_of(found.first("js-unfurl-desc", within=card))
    if not url and title_box is not None:
        link_el = next(elements(title_box, "a"), None)
        url = str(link_el.get("href") or "").strip() if link_el is not None else ""
    head = etree.Element("p")
    if url:
        link = etree.Element("a")
        link.set("href", url)
        link.text = title
        head.append(link)
    else:
        head.text = title
    content = None
    if description:
        content = etree.Element("div")
        para = etree.Element("p")
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
            drop_tree(frame)
            continue
        link = etree.Element("a")
        link.set("href", src)
        link.text = f"[embedded media: {host.removeprefix('www.')}]"
        link.tail = frame.tail
        parent = frame.getparent()
        if parent is not None:
            parent.replace(frame, link)


def _drop_chrome(body: Element, found: ClassIndex) -> None:
    """Widget chrome goes, by tag and by class (in whichever order: each leaves its tail text
    where it was)."""
    chrome = [*body.iterdescendants(*_CHROME_TAGS), *found.every(_CHROME_CLASSES)]
    doomed = [el for el in chrome if not _is_spoiler_button(el)]
    for el in doomed:
        drop_tree(el)


def _is_spoiler_button(el: Element) -> bool:
    """The spoiler's button holds its title: it is read when the spoiler is rewritten."""
    parent = el.getparent()
    return parent is not None and _is_spoiler(parent) and el.tag == "button"


def own(found: ClassIndex, block: Element, *names: str) -> Element | None:
    """The first element of the first class in ``names`` found that belongs to ``block``
    itself, not to a quote or spoiler nested in it (whose title or content would otherwise be
    taken for the outer's)."""
    for name in names:
        for el in found.every(name, within=block):
            between = takewhile(lambda up: up is not block, el.iterancestors())
            if not any(_is_quote(up) or _is_spoiler(up) for up in between):
                return el
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
