"""A vBulletin post's message as a clean body: quotes headed by who wrote them, code boxes as
``<pre>``, smilies as their text.

vB4 and vB5 wrap a quote in ``div.bbcode_container > div.bbcode_quote``, with
``div.bbcode_postedby`` ("Originally Posted by <strong>alice</strong>" and a link to
``#post123``) above ``div.message``. vB3 draws it as a table under a ``div.smallfont``
"Quote:" label, with the same "Originally Posted by" line inside. The first quote that names
its author is what the post answers (``reply_to``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from ...clean import clean_html

_POST_LINK = re.compile(r"#post(\d+)|[?&]p=(\d+)")
_LABEL = re.compile(r"^\s*(Quote|Code|PHP Code|HTML Code)\s*:\s*$", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z][A-Za-z !()'-]*")
_POSTED_BY = re.compile(r"Originally\s+Posted\s+by", re.IGNORECASE)
# vBulletin's stock smilies carry their name in ``title`` and an empty ``alt``.
_SMILIES = {
    "smile": ":)",
    "wink": ";)",
    "frown": ":(",
    "big grin": ":D",
    "stick out tongue": ":p",
    "embarrassment": ":o",
    "redface": ":o",
    "cool": "8)",
    "mad": ":mad:",
    "confused": ":confused:",
    "eek!": ":eek:",
    "roll eyes (sarcastic)": ":rolleyes:",
}


@dataclass
class Body:
    html: str
    reply_to: str | None = None
    reply_to_author: str | None = None


def read_body(message: Tag, base_url: str | None) -> Body:
    """The cleaned body of one post; ``message`` is left untouched (a copy is rewritten)."""
    soup = BeautifulSoup(str(message), "lxml")
    root = soup.find(message.name) or soup
    assert isinstance(root, Tag)
    body = Body(html="")
    _smilies(root)
    found: list[tuple[Tag, str | None, str | None]] = []
    for container in reversed(root.find_all("div", class_="bbcode_container")):
        found.extend(_bbcode_container(soup, container))
    for label in reversed(root.find_all("div", class_="smallfont")):
        found.extend(_vb3_box(soup, label))
    outer = [(q, a, p) for q, a, p in found if _is_outermost(q, root)]
    first = _first_in_document(root, [q for q, a, p in outer if a or p])
    for quote, author, post_id in outer:
        if quote is first:
            body.reply_to, body.reply_to_author = post_id, author
    body.html = clean_html(root.decode_contents(), base_url)
    return body


def _is_outermost(quote: Tag, root: Tag) -> bool:
    parent = quote.parent
    while parent is not None and parent is not root:
        if parent.name == "blockquote":
            return False
        parent = parent.parent
    return True


def _first_in_document(root: Tag, quotes: list[Tag]) -> Tag | None:
    wanted = {id(q) for q in quotes}
    for el in root.find_all("blockquote"):
        if id(el) in wanted:
            return el
    return None


def _quote_block(soup: BeautifulSoup, author: str | None, content: list[object]) -> Tag:
    quote = soup.new_tag("blockquote")
    if author:
        head = soup.new_tag("p")
        strong = soup.new_tag("strong")
        strong.string = f"{author} wrote:"
        head.append(strong)
        quote.append(head)
    for child in content:
        if isinstance(child, (Tag, NavigableString)):
            quote.append(child.extract())
    return quote


def _posted_by(line: Tag) -> tuple[str | None, str | None]:
    strong = line.find("strong")
    author = strong.get_text(" ", strip=True) if isinstance(strong, Tag) else None
    post_id = None
    for link in line.find_all("a", href=True):
        match = _POST_LINK.search(str(link.get("href")))
        if match:
            post_id = match.group(1) or match.group(2)
            break
    return author or None, post_id


def _bbcode_container(
    soup: BeautifulSoup, container: Tag
) -> list[tuple[Tag, str | None, str | None]]:
    """vB4/vB5: a quote (``div.bbcode_quote``) or a code box (``pre.bbcode_code``)."""
    code = container.find("pre", class_="bbcode_code")
    if isinstance(code, Tag) and container.find("div", class_="bbcode_quote") is None:
        pre = soup.new_tag("pre")
        inner = soup.new_tag("code")
        inner.append(NavigableString(code.get_text().strip("\n")))
        pre.append(inner)
        container.replace_with(pre)
        return []
    quote_div = container.find("div", class_="bbcode_quote")
    if not isinstance(quote_div, Tag):
        return []
    author = post_id = None
    line = quote_div.find("div", class_="bbcode_postedby")
    if isinstance(line, Tag):
        author, post_id = _posted_by(line)
        line.decompose()
    message = quote_div.find("div", class_="message")
    holder = (
        message if isinstance(message, Tag) else quote_div.find("div", class_="quote_container")
    )
    holder = holder if isinstance(holder, Tag) else quote_div
    for icon in holder.find_all("div", class_="bbcode_quote_container"):
        icon.decompose()
    quote = _quote_block(soup, author, list(holder.contents))
    container.replace_with(quote)
    return [(quote, author, post_id)]


def _vb3_box(soup: BeautifulSoup, label: Tag) -> list[tuple[Tag, str | None, str | None]]:
    """vB3: ``div > div.smallfont "Quote:" + table td.alt2`` or ``"Code:" + pre.alt2``."""
    match = _LABEL.match(label.get_text(" ", strip=True))
    box = label.parent
    if not match or not isinstance(box, Tag):
        return []
    if match.group(1).lower() != "quote":
        pre_src = box.find("pre")
        text = pre_src.get_text() if isinstance(pre_src, Tag) else ""
        pre = soup.new_tag("pre")
        inner = soup.new_tag("code")
        inner.append(NavigableString(text.strip("\n")))
        pre.append(inner)
        box.replace_with(pre)
        return []
    cell = box.find("td")
    if not isinstance(cell, Tag):
        return []
    author = post_id = None
    content: list[object] = list(cell.contents)
    for div in cell.find_all("div", recursive=False):
        if _POSTED_BY.search(div.get_text(" ", strip=True)):
            author, post_id = _posted_by(div)
            rest = div.find_next_sibling("div")
            content = list(rest.contents) if isinstance(rest, Tag) else []
            break
    quote = _quote_block(soup, author, content)
    box.replace_with(quote)
    return [(quote, author, post_id)]


def _smilies(root: Tag) -> None:
    for img in root.find_all("img"):
        src = str(img.get("src") or "")
        names = list(img.get("class") or [])
        if "smilies" not in src and "smilie" not in names:
            continue
        name = str(img.get("alt") or "").strip() or str(img.get("title") or "").strip()
        text = _SMILIES.get(name.lower()) or (f":{name}:" if _WORDS.fullmatch(name) else name)
        img.replace_with(NavigableString(text))
