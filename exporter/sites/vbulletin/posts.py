"""The posts of a vBulletin thread page, in each generation's markup.

vB3 draws a post as ``table#post123`` (date in the first ``td.thead``, author
``a.bigusername``, body ``div#post_message_123``); vB4 as ``li#post_123`` (``span.date``,
``a.username``, ``blockquote.postcontent``, number ``a.postcounter``); vB5 as
``li.b-post[data-node-id]`` (``time[datetime]``, ``.author a``, ``.js-post__content-text``).
Signatures sit outside the body in all three and are left out.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from bs4 import Comment as HtmlComment

from ...dates import parse_iso
from ...model import Comment
from ..numbers import read_int
from ..phpbb.times import BoardZone, parse_board_time
from .body import read_body

_MEMBER = re.compile(r"member\.php(?:\?(?:[^#]*&)?u=|/|\?)(\d+)|/member/(\d+)")
_NUMBER = re.compile(r"#?\s*(\d[\d,]*)")


def find_posts(soup: BeautifulSoup) -> tuple[str, list[Tag]]:
    """The generation ("3", "4", "5") and its post elements in page order."""
    v5 = [li for li in soup.find_all("li", attrs={"data-node-id": True}) if _cls(li, "b-post")]
    if v5:
        return "5", v5
    v4 = [
        li
        for li in soup.find_all("li", id=re.compile(r"^post_\d+$"))
        if _cls(li, "postbitlegacy") or _cls(li, "postbit") or _cls(li, "postcontainer")
    ]
    if v4:
        return "4", v4
    v3 = [t for t in soup.find_all("table", id=re.compile(r"^post\d+$"))]
    if v3:
        return "3", v3
    return "", []


def read_post(version: str, el: Tag, base: str | None, zone: BoardZone | None) -> Comment:
    if version == "5":
        return _v5(el, base)
    if version == "4":
        return _v4(el, base, zone)
    return _v3(el, base, zone)


def _cls(el: Tag, name: str) -> bool:
    return name in (el.get("class") or [])


def _text(el: object) -> str:
    return " ".join(el.get_text(" ", strip=True).split()) if isinstance(el, Tag) else ""


def _member(link: object) -> str | None:
    if not isinstance(link, Tag):
        return None
    match = _MEMBER.search(str(link.get("href") or ""))
    return (match.group(1) or match.group(2)) if match else None


def _permalink(base: str | None, post_id: str) -> str | None:
    return urljoin(base, f"showthread.php?p={post_id}#post{post_id}") if base else None


def _fill_body(comment: Comment, message: object, base: str | None) -> None:
    if isinstance(message, Tag):
        body = read_body(message, base)
        comment.body_html = body.html
        comment.reply_to, comment.reply_to_author = body.reply_to, body.reply_to_author


def _set_time(comment: Comment, text: str, zone: BoardZone | None) -> None:
    comment.created = parse_board_time(text, zone)
    if comment.created is None:
        comment.created_text = text or None


def _v3(table: Tag, base: str | None, zone: BoardZone | None) -> Comment:
    post_id = str(table.get("id") or "").removeprefix("post")
    link = table.find("a", class_="bigusername")
    if isinstance(link, Tag):
        author = _text(link)
    else:  # a guest: the name is plain text where the member menu would be
        menu = table.find("div", id=f"postmenu_{post_id}")
        author = _text(menu)
    comment = Comment(
        id=post_id,
        author=author or None,
        author_id=_member(link),
        permalink=_permalink(base, post_id),
    )
    head = table.find("td", class_="thead")
    if isinstance(head, Tag):
        for note in head.find_all(string=lambda s: isinstance(s, HtmlComment)):
            note.extract()
        _set_time(comment, _text(head), zone)
    counter = table.find("a", id=f"postcount{post_id}")
    if isinstance(counter, Tag):
        comment.number = read_int(str(counter.get("name") or "")) or _number(_text(counter))
    cell = table.find("td", id=f"td_post_{post_id}")
    heading = cell.find("div", class_="smallfont", recursive=False) if cell else None
    strong = heading.find("strong") if isinstance(heading, Tag) else None
    if isinstance(strong, Tag):  # the post's own title, above the message
        comment.subject = _text(strong) or None
    _fill_body(comment, table.find("div", id=f"post_message_{post_id}"), base)
    return comment


def _v4(li: Tag, base: str | None, zone: BoardZone | None) -> Comment:
    post_id = str(li.get("id") or "").removeprefix("post_")
    link = li.find("a", class_="username")
    if not isinstance(link, Tag):
        link = None
    guest = li.find("span", class_="username")
    comment = Comment(
        id=post_id,
        author=(_text(link) if link else _text(guest)) or None,
        author_id=_member(link),
        permalink=_permalink(base, post_id),
    )
    date = li.find("span", class_="date")
    if isinstance(date, Tag):
        _set_time(comment, _text(date), zone)
    counter = li.find("a", class_="postcounter")
    if isinstance(counter, Tag):
        comment.number = _number(_text(counter))
    title = li.find("h2", class_="title")
    if isinstance(title, Tag):
        comment.subject = _text(title) or None
    message = li.find("div", id=f"post_message_{post_id}")
    content = message.find("blockquote", class_="postcontent") if isinstance(message, Tag) else None
    _fill_body(comment, content if isinstance(content, Tag) else message, base)
    return comment


def _v5(li: Tag, base: str | None) -> Comment:
    post_id = str(li.get("data-node-id") or "").strip()
    author_box = li.find(class_="author") or li.find(True, attrs={"itemprop": "author"})
    link = author_box.find("a") if isinstance(author_box, Tag) else None
    comment = Comment(
        id=post_id,
        author=_text(link) or _text(author_box) or None,
        author_id=_member(link),
        permalink=_permalink(base, post_id),
    )
    time_el = li.find("time", attrs={"datetime": True})
    if isinstance(time_el, Tag):
        comment.created = parse_iso(str(time_el.get("datetime")))
        if comment.created is None:
            comment.created_text = _text(time_el) or None
    counter = li.find("a", class_="b-post__count")
    if isinstance(counter, Tag):
        comment.number = _number(_text(counter))
        href = str(counter.get("href") or "")
        if href.startswith(("http://", "https://")):
            comment.permalink = href
    title = li.find(class_="b-post__title")
    if isinstance(title, Tag):
        comment.subject = _text(title) or None
    _fill_body(comment, li.find("div", class_="js-post__content-text"), base)
    return comment


def _number(text: str) -> int | None:
    match = _NUMBER.search(text)
    return read_int(match.group(1)) if match else None
