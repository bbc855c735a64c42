"""Lemmy pages read from their markup alone (lemmy-ui 0.19), for saves without ``isoData``.

SingleFile and "reader" saves strip scripts, so everything must be recoverable from the DOM:
comments are ``article.comment-node#comment-N`` inside nested ``ul.comments``; the header holds
the ``a.person-listing``, badges with ``aria-label`` (creator/mod/admin), vote spans labelled
"N Upvotes", and a ``span.moment-time`` whose tooltip carries the absolute time. Icon ``<svg>``s
carry ``<title>`` words ("link", "arrow-up") that must never leak into text, so text is only read
from the elements that hold it. The page is an lxml tree (``sites.page_tree``), searched with
compiled XPaths; only the bodies go to the sanitiser, as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import unquote

from lxml import etree

from ...clean import clean_html, join_url, split_url, strip_xml_illegal, url_host
from ...model import Comment, Stub
from ...page_tree import Element, class_test, every, first, fragment_html, strings
from ..numbers import read_int

_TIPPY_TIME = re.compile(
    r"(?:\w+,\s+)?(\w+)\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\s+at\s+(\d{1,2}):(\d{2}):(\d{2})\s*"
    r"(AM|PM)\s*GMT([+-]\d{2}):?(\d{2})",
    re.IGNORECASE,
)
_VOTES = re.compile(r"^\s*(-?[\d,]+)\s+(upvote|downvote|point|score)s?\b", re.IGNORECASE)
_MORE_REPLIES = re.compile(r"(\d[\d,]*)\s+more\s+repl", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_UPVOTE = re.compile("Upvote", re.IGNORECASE)
_DELETED_TEXT = "deleted by creator"
_REMOVED_TEXT = "removed by mod"


@dataclass
class DomPost:
    title: str
    author: str | None
    author_id: str | None
    community: str | None
    created: datetime | None
    edited: datetime | bool | None
    created_text: str | None
    upvotes: int | None
    downvotes: int | None
    body_html: str
    is_moderator: bool
    is_admin: bool


def page_base_url(root: Element) -> str | None:
    """The thread's address as the page declares it (canonical link, then og:url)."""
    link = first(_CANONICAL, root)
    if link is not None and link.get("href"):
        return str(link.get("href"))
    meta = first(_OG_URL, root)
    if meta is not None and meta.get("content"):
        return str(meta.get("content"))
    return None


def parse_tippy_time(text: str) -> tuple[datetime | None, datetime | None]:
    """lemmy-ui's tooltip: 'Tuesday, November 10th, 2026 at 9:02:12 AM GMT+00:00', and for an
    edited comment 'Created: … Modified …'. Returns (created, modified)."""
    found = [_tippy_to_datetime(m) for m in _TIPPY_TIME.finditer(text)]
    found = [f for f in found if f is not None]
    created = found[0] if found else None
    modified = found[1] if len(found) > 1 and "modified" in text.lower() else None
    return created, modified


def _tippy_to_datetime(match: re.Match[str]) -> datetime | None:
    month, day, year, hour, minute, second, ampm, off_h, off_m = match.groups()
    month_no = _month_number(month[:3])
    if month_no is None:
        return None
    hour_no = int(hour) % 12 + (12 if ampm.upper() == "PM" else 0)
    sign = -1 if off_h.startswith("-") else 1
    offset = timedelta(hours=abs(int(off_h)), minutes=int(off_m)) * sign
    try:
        local = datetime(
            int(year), month_no, int(day), hour_no, int(minute), int(second),
            tzinfo=timezone(offset),
        )  # fmt: skip
        return local.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # no such date, or one outside years 1-9999 in UTC
        return None


@lru_cache(maxsize=64)
def _month_number(name: str) -> int | None:
    """'Nov' → 11 (``strptime``'s ``%b``: a page's ten thousand times name twelve months, and
    ``strptime`` costs 30 µs a call)."""
    try:
        return datetime.strptime(name, "%b").month
    except ValueError:
        return None


def handle_from_href(href: str | None, default_host: str | None) -> str | None:
    """'/u/aeon@lemmy.ml' → 'aeon@lemmy.ml'; '/u/marshall_k' → 'marshall_k@<this instance>'."""
    if not href:
        return None
    parts = split_url(href)
    if parts is None:
        return None
    match = re.search(r"/u/([^/?#]+)", parts.path)
    if not match:
        return None
    name = unquote(match.group(1))
    if "@" in name:
        return name
    host = parts.hostname or default_host
    return f"{name}@{host}" if host else name


def _text(tag: Element | None) -> str:
    """The element's strings, each stripped, joined by spaces (what bs4's ``get_text(" ",
    strip=True)`` gave, which the parser was written against)."""
    if tag is None:
        return ""
    return strip_xml_illegal(" ".join(s.strip() for s in strings(tag) if s.strip()))


def _classes(tag: Element) -> list[str]:
    return str(tag.get("class") or "").split()


def _has(name: str) -> str:
    """An XPath predicate: the ``class`` holds the word ``name`` (``contains`` first: it is a
    cheap refusal of most elements, and the word test only runs where it passed)."""
    return f"contains(@class, '{name}') and {class_test(name)}"


def _class_words(tag: Element) -> list[str]:
    """The words of the ``class`` as :func:`class_test` reads them: split on XML's spaces only,
    as ``normalize-space`` splits (``str.split`` would also split on no-break spaces)."""
    words = str(tag.get("class") or "")
    return words.replace("\t", " ").replace("\n", " ").replace("\r", " ").split(" ")


def _descendant(tag_name: str, cls: str) -> etree.XPath:
    """The first descendant ``tag_name.cls`` (in document order) of the element it is given."""
    return etree.XPath(f"descendant::{tag_name}[{_has(cls)}][1]")


# What a comment's header is read from, in three calls per comment (six searches of each
# comment cost half as much again): the ``aria-label`` values, the ``data-tippy-content``
# attributes (strings that know their element; the attribute steps cost less than a test of
# every element for the attribute), and the elements with the classes wanted. Not one union of
# all three: libxml2 merges two node sets in time |A|·|B|, and a page can hold a huge comment.
_LABELS = etree.XPath("descendant::*/@aria-label", smart_strings=False)
_TIPS = etree.XPath("descendant::*/@data-tippy-content")
_CLASSED = etree.XPath(
    f"descendant::a[{_has('person-listing')}][1]"
    f" | descendant::span[{_has('badge')} or {_has('moment-time')}]"
    f" | descendant::div[{_has('md-div')}][1]"
)
_TIPPED = etree.XPath("descendant::*[@data-tippy-content]")
_MD_DIV = _descendant("div", "md-div")
_POST_LISTING = etree.XPath(f"/descendant::div[{_has('post-listing')}][1]")
_POST_TITLE = etree.XPath(f"descendant::h1[ancestor::*[{class_test('post-title')}]][1]")
_H1 = etree.XPath("descendant::h1[1]")
_POST_CONTAINER = _descendant("article", "post-container")
_COMMUNITY_LINK = _descendant("a", "community-link")
_ARTICLES = etree.XPath(f"/descendant::article[{_has('comment-node')}]")
_CANONICAL = etree.XPath(
    "/descendant::link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')][1]"
)
_OG_URL = etree.XPath("/descendant::meta[@property='og:url'][1]")


@dataclass
class _Header:
    """What a comment's or the post's header says."""

    author: str | None = None
    href: str | None = None
    is_op: bool = False
    is_moderator: bool = False
    is_admin: bool = False
    score: int | None = None
    upvotes: int | None = None
    downvotes: int | None = None
    created: datetime | None = None
    edited: datetime | bool | None = None
    tooltip: Element | None = None
    """The element whose tooltip gave the time; its words are the relative time shown."""
    body: Element | None = None
    """The first ``div.md-div``: the comment's body."""


def _header_facts(node: Element) -> _Header:
    """What a comment's or post's header says, reading only the elements that hold text."""
    facts = _Header()
    for label in _found_strings(_LABELS, node):
        if votes := _VOTES.match(label):
            _read_votes(facts, votes)
    tipped = [
        tip.getparent()
        for tip in _found_strings(_TIPS, node)
        if isinstance(tip, etree._ElementUnicodeResult)
    ]
    person = moment = None
    badges: set[str] = set()
    for part in every(_CLASSED, node):
        tag = part.tag
        words = _class_words(part)
        if tag == "a":
            if person is None and "person-listing" in words:
                person = part
        elif tag == "span":
            if "badge" in words and not _in_body(part, node):
                badges.add(str(part.get("aria-label") or "").lower())
            if moment is None and "moment-time" in words:
                moment = part
        elif tag == "div" and facts.body is None and "md-div" in words:
            facts.body = part
    if person is not None:
        facts.author = str(person.get("title") or "").strip() or _person_name(person) or None
        href = person.get("href")
        facts.href = str(href) if href else None
    facts.is_op = "creator" in badges
    facts.is_moderator = "mod" in badges or "moderator" in badges
    facts.is_admin = "admin" in badges
    tooltip = next(
        (t for t in tipped if t is not None and _CLOCK.search(str(t.get("data-tippy-content")))),
        moment,
    )
    if tooltip is not None:
        created, modified = parse_tippy_time(str(tooltip.get("data-tippy-content") or ""))
        facts.created = created
        facts.edited = modified or (True if tooltip.find(".//svg") is not None else None)
        facts.tooltip = tooltip
    return facts


def _found_strings(xpath: etree.XPath, node: Element) -> list[str]:
    """The strings a compiled XPath of attribute values finds (its result type is a wide union)."""
    found = xpath(node)
    return [item for item in found if isinstance(item, str)] if isinstance(found, list) else []


def _person_name(person: Element) -> str:
    """The name a person link shows (its first ``<span>``), for a link without a ``title``."""
    return _text(next((child for child in person if child.tag == "span"), None))


def _read_votes(facts: _Header, votes: re.Match[str]) -> None:
    """A label such as "11 Upvotes" or "3 points" (the last of each kind counts)."""
    value, kind = read_int(votes.group(1)), votes.group(2).lower()
    if value is None:
        return
    if kind == "upvote":
        facts.upvotes = value
    elif kind == "downvote":
        facts.downvotes = value
    else:
        facts.score = value


def _in_body(el: Element, node: Element) -> bool:
    """Whether ``el`` sits in a ``div.md-div`` (a body's own words) inside ``node``; the walk
    stops at ``node``, so it costs the header's depth, not the page's."""
    for ancestor in el.iterancestors():
        if ancestor is node:
            return False
        if ancestor.tag == "div" and "md-div" in _classes(ancestor):
            return True
    return False


def _post_votes(listing: Element) -> tuple[int | None, int | None]:
    for button in every(_TIPPED, listing):
        tip = str(button.get("data-tippy-content"))
        if not _UPVOTE.search(tip):
            continue
        ups = re.search(r"(\d[\d,]*)\s+Upvote", tip)
        downs = re.search(r"(\d[\d,]*)\s+Downvote", tip)
        return (
            read_int(ups.group(1)) if ups else None,
            read_int(downs.group(1)) if downs else 0,
        )
    return None, None


def read_post(root: Element, base_url: str | None) -> DomPost | None:
    """The opening post from ``div.post-listing`` (rendered twice: mobile and desktop copies)."""
    listing = first(_POST_LISTING, root)
    if listing is None:
        return None
    title_tag = first(_POST_TITLE, listing)
    title = _text(title_tag if title_tag is not None else first(_H1, listing))
    copy = first(_POST_CONTAINER, listing)
    facts = _header_facts(copy if copy is not None else listing)
    community_link = first(_COMMUNITY_LINK, listing)
    community = None
    if community_link is not None:
        community = str(community_link.get("title") or "").strip() or _text(community_link)
    body = first(_MD_DIV, listing)
    up, down = _post_votes(listing)
    return DomPost(
        title=title,
        author=facts.author,
        author_id=handle_from_href(facts.href, _host(base_url)),
        community=community,
        created=facts.created,
        edited=facts.edited,
        created_text=_text(facts.tooltip) or None,
        upvotes=up,
        downvotes=down,
        body_html=clean_html(fragment_html(body), base_url) if body is not None else "",
        is_moderator=facts.is_moderator,
        is_admin=facts.is_admin,
    )


def read_comments(root: Element, base_url: str | None) -> tuple[list[Comment], list[Stub]]:
    """Comments in page order, each linked to its parent, plus the "N more replies" stubs."""
    host = _host(base_url)
    links = permalinks(base_url)
    handles: dict[str | None, str | None] = {}
    by_id: dict[str, Comment] = {}
    roots: list[Comment] = []
    stubs = []
    for node in _comment_nodes(root):
        if node.tag != "article":
            match = _MORE_REPLIES.search(_text(node))
            if match:
                # The stub sits in its parent's own <li>, beside the parent's article.
                item = _comment_item(node)
                parent_id = _article_id(item) if item is not None else None
                stubs.append(Stub(parent_id, read_int(match.group(1))))
            continue
        raw_id = str(node.get("id") or "")
        if not raw_id.startswith("comment-"):
            continue
        comment_id = raw_id.removeprefix("comment-")
        facts = _header_facts(node)
        if facts.href not in handles:  # a thread has far fewer people than comments
            handles[facts.href] = handle_from_href(facts.href, host)
        author_id = handles[facts.href]
        comment = _read_comment(node, comment_id, facts, author_id, links(comment_id), base_url)
        parent = by_id.get(_parent_comment_id(node) or "")
        if parent is None:
            roots.append(comment)
        else:
            comment.parent_id, comment.depth = parent.id, parent.depth + 1
            parent.children.append(comment)
        by_id[comment.id] = comment
    return roots, stubs


def read_bodies(root: Element, base_url: str | None) -> tuple[dict[str, str], dict[str, int]]:
    """Each comment's rendered body by id (lemmy-ui already turned the Markdown into HTML), and
    each comment's position in the page, which is the order the reader saw."""
    bodies = {}
    order = {}
    for index, article in enumerate(every(_ARTICLES, root)):
        raw_id = str(article.get("id") or "")
        if not raw_id.startswith("comment-"):
            continue
        comment_id = raw_id.removeprefix("comment-")
        order[comment_id] = index
        content = first(_MD_DIV, article)
        if content is not None:
            bodies[comment_id] = clean_html(fragment_html(content), base_url)
    return bodies, order


def permalinks(base_url: str | None) -> Callable[[str], str | None]:
    """``join_url(base_url, "/comment/ID")`` for each comment of a page. For an ID of digits
    (all of lemmy's) the address is the base's ``…/comment/`` and the digits, so ``urljoin``
    splits the base once per page, not once per comment."""
    prefix = join_url(base_url, "/comment/") if base_url else None

    def link(comment_id: str) -> str | None:
        if not base_url:
            return None
        if comment_id.isascii() and comment_id.isdigit():
            return prefix + comment_id if prefix is not None else None
        return join_url(base_url, f"/comment/{comment_id}")

    return link


def _read_comment(
    article: Element,
    comment_id: str,
    facts: _Header,
    author_id: str | None,
    link: str | None,
    base_url: str | None,
) -> Comment:
    content = facts.body
    body = ""
    deleted = removed = False
    if content is not None:
        shown = _notice(content)
        deleted, removed = shown == _DELETED_TEXT, shown == _REMOVED_TEXT
        body = clean_html(fragment_html(content), base_url) if not (deleted or removed) else ""
    up, down = facts.upvotes, facts.downvotes
    score = facts.score
    if score is None and up is not None:
        score = up - (down or 0)
    return Comment(
        id=comment_id,
        author=facts.author,
        author_id=author_id,
        created=facts.created,
        created_text=None if facts.created else _text(facts.tooltip) or None,
        edited=facts.edited,
        score=score,
        upvotes=up,
        downvotes=(down or 0) if up is not None else None,
        body_html=body,
        is_op=facts.is_op,
        is_moderator=facts.is_moderator,
        is_admin=facts.is_admin,
        # lemmy-ui marks a moderator's distinguished comment with Bootstrap's `mark` class.
        distinguished="mark" in _classes(article),
        deleted=deleted,
        removed=removed,
        permalink=link,
    )


def _notice(body: Element) -> str:
    """The body's words in lower case when they may be lemmy-ui's "deleted by creator" or
    "removed by mod" notice, else "": a body whose first words begin neither is not read whole
    (ten thousand bodies would be, only to compare them with two short phrases)."""
    pieces = (piece.strip() for piece in body.itertext() if isinstance(piece, str))
    first_words = next((piece for piece in pieces if piece), "")
    start = strip_xml_illegal(first_words).lower()
    if not (_DELETED_TEXT.startswith(start) or _REMOVED_TEXT.startswith(start)):
        return ""
    return _text(body).lower()


def _comment_nodes(root: Element) -> list[Element]:
    """Every element of class ``comment-node``, in page order: the articles and the "N more
    replies" links. A walk in Python, because the XPath (a class test on each of half a
    million elements) costs twice as much. A list, found before any body is moved out of the
    page to be serialised."""
    return [
        el
        for el in root.iter(etree.Element)
        if "comment-node" in str(el.get("class") or "") and "comment-node" in _class_words(el)
    ]


def _comment_item(node: Element) -> Element | None:
    """The nearest ``li.comment`` around ``node``."""
    for ancestor in node.iterancestors("li"):
        if "comment" in _classes(ancestor):
            return ancestor
    return None


def _parent_comment_id(node: Element) -> str | None:
    """The comment whose reply list holds ``node``: li > ul.comments > li.comment > article."""
    item = _comment_item(node)
    if item is None:
        return None
    outer = _comment_item(item)
    return _article_id(outer) if outer is not None else None


def _article_id(item: Element) -> str | None:
    article = next((c for c in item if c.tag == "article" and "comment-node" in _classes(c)), None)
    if article is None:
        return None
    return str(article.get("id") or "").removeprefix("comment-") or None


def _host(url: str | None) -> str | None:
    return url_host(url)
