"""A phpBB post's ``div.content`` as a clean body: quotes headed by who wrote them, code boxes
as ``<pre>``, spoilers as labelled blocks, smilies as their text.

phpBB's markup for these changed with each minor version: 3.0 writes a quote as
``blockquote > div > cite`` "alice wrote:", 3.2+ adds ``blockquote[cite]`` and a
``a[data-post-id]`` link to the quoted post; 3.0 boxes code in ``dl.codebox > dd > code``,
3.1+ in ``div.codebox > pre > code``. The first quote that names a post is what the post
answers (``reply_to``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from ...clean import clean_html

_WROTE = re.compile(r"\s*(?:wrote|said|a écrit|schrieb|escribió)\s*:?\s*$", re.IGNORECASE)
_POST_ID = re.compile(r"[?&#]p=?(\d+)|#p(\d+)")


@dataclass
class Body:
    html: str
    reply_to: str | None = None
    reply_to_author: str | None = None


def read_body(content: Tag, base_url: str | None) -> Body:
    """The cleaned body of one post; ``content`` is left untouched (a copy is rewritten)."""
    soup = BeautifulSoup(str(content), "lxml")
    root = soup.find(content.name) or soup
    assert isinstance(root, Tag)
    body = Body(html="")
    _smilies(root)
    _code_boxes(soup, root)
    _spoilers(soup, root)
    for quote in reversed(root.find_all("blockquote")):  # innermost first
        author, post_id = _quote(soup, quote)
        # The last outermost quote read is the first in the post: it wins.
        if _is_outermost(quote, root) and (post_id or author):
            body.reply_to = post_id
            body.reply_to_author = author
    body.html = clean_html(root.decode_contents(), base_url)
    return body


def _is_outermost(quote: Tag, root: Tag) -> bool:
    parent = quote.parent
    while parent is not None and parent is not root:
        if parent.name == "blockquote":
            return False
        parent = parent.parent
    return True


def _quote(soup: BeautifulSoup, quote: Tag) -> tuple[str | None, str | None]:
    """Rewrite one quote as ``<blockquote>`` headed "alice wrote:"; return (author, post id)."""
    cite = _own_cite(quote)
    author: str | None = None
    post_id: str | None = None
    if cite is not None:
        link = cite.find("a", attrs={"data-post-id": True})
        if isinstance(link, Tag):
            post_id = str(link.get("data-post-id") or "").strip() or None
            link.decompose()
        for extra in cite.find_all("span", class_="responsive-hide"):
            extra.decompose()  # the quoted post's date, shown on wide screens only
        author = _WROTE.sub("", cite.get_text(" ", strip=True)).strip() or None
        cite.decompose()
    if post_id is None:
        match = _POST_ID.search(str(quote.get("cite") or ""))
        if match:
            post_id = match.group(1) or match.group(2)
    inner = quote.find("div", recursive=False)
    if isinstance(inner, Tag) and len(quote.find_all(True, recursive=False)) == 1:
        inner.unwrap()
    quote.attrs = {}
    if author:
        head = soup.new_tag("p")
        strong = soup.new_tag("strong")
        strong.string = f"{author} wrote:"
        head.append(strong)
        quote.insert(0, head)
    return author, post_id


def _own_cite(quote: Tag) -> Tag | None:
    """The quote's ``cite`` (3.0/3.1: inside its first ``div``), not a nested quote's."""
    for cite in quote.find_all("cite"):
        parent = cite.parent
        while parent is not None and parent is not quote and parent.name != "blockquote":
            parent = parent.parent
        if parent is quote:
            return cite
    return None


def _code_boxes(soup: BeautifulSoup, root: Tag) -> None:
    for box in root.find_all(["dl", "div"], class_="codebox"):
        code = box.find("code")
        source = code if isinstance(code, Tag) else box
        for br in source.find_all("br"):  # 3.0 writes code lines with <br /> and &nbsp;
            br.replace_with(NavigableString("\n"))
        text = source.get_text().replace("\xa0", " ")
        pre = soup.new_tag("pre")
        inner = soup.new_tag("code")
        inner.append(NavigableString(text.strip("\n")))
        pre.append(inner)
        box.replace_with(pre)


_SPOILER_CLASSES = ("spoiler", "spoilwrapper", "bbcode-spoiler")


def _spoilers(soup: BeautifulSoup, root: Tag) -> None:
    """BBCode extensions' spoilers (their markup varies) as ``<details>``, which the cleaner
    turns into a visible labelled block; the "Show" buttons go."""
    for button in root.find_all(["input", "button"]):
        button.decompose()
    for box in root.find_all("div", class_=list(_SPOILER_CLASSES)):
        if not isinstance(box, Tag) or box.find_parent("details") is not None:
            continue
        head = box.find(class_=re.compile(r"(spoiler|spoil)[-_]?(header|title|head)|quotetitle"))
        label = head.get_text(" ", strip=True) if isinstance(head, Tag) else ""
        if isinstance(head, Tag):
            head.decompose()
        details = soup.new_tag("details")
        summary = soup.new_tag("summary")
        summary.string = label.rstrip(":") or "Spoiler"
        details.append(summary)
        for child in list(box.contents):
            details.append(child.extract())
        box.replace_with(details)
    for summary in root.find_all("summary"):  # its label only: styles nest blocks in it
        summary.string = summary.get_text(" ", strip=True) or "Spoiler"
    for hidden in root.find_all(style=re.compile(r"display\s*:\s*none", re.IGNORECASE)):
        del hidden["style"]


def _smilies(root: Tag) -> None:
    for img in root.find_all("img"):
        names = list(img.get("class") or [])
        src = str(img.get("src") or "")
        if "smilies" in names or "smilie" in names or "/smilies/" in src:
            text = str(img.get("alt") or img.get("title") or "").strip()
            img.replace_with(NavigableString(text))
