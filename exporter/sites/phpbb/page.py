"""A saved phpBB topic page (``viewtopic.php``, 3.0 to 3.3, prosilver-based styles) as a flat
``Thread``: every ``div.post`` a root comment, in page order.

Where each fact sits: the topic title in ``h2.topic-title`` (3.1+) or the first ``h2 > a``
(3.0); the forum in the breadcrumbs; "Page 2 of 5" in ``div.pagination``; the topic id in the
canonical link or any ``viewtopic.php?f=&t=`` link; the board's address in the canonical link
or the absolute feed links 3.0 prints. phpBB writes relative links (``./viewtopic.php``), so
that address is what every link in the book is resolved against.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Thread
from .post import read_post
from .times import BoardZone, board_zone

SITE_KEY = "phpbb"
NO_ZONE = "The page does not say which time zone its times are in; they are kept as written."
_PAGE_OF = re.compile(r"Page\s+(\d+)\s+of\s+(\d+)", re.IGNORECASE)
_TITLE_SEPARATORS = (" • ", " - ", " &bull; ")


def parse_page(page: SavedPage) -> Thread:
    soup = page.soup
    posts = [el for el in soup.find_all("div", id=re.compile(r"^p\d+$")) if _has_class(el, "post")]
    if not posts:
        raise NoThreadFound(
            f"{page.source}: this phpBB page holds no posts (a board index or forum list?); "
            "open a topic and save that page"
        )
    base = _board_url(soup, page.url)
    topic_id = _topic_id(soup)
    zone = _zone(soup)
    title = _title(soup)
    comments = [read_post(el, base, zone, title) for el in posts]
    number, count = _pagination(soup)
    host = urlsplit(base).netloc.lower() if base else ""
    thread = Thread(
        title=title or "phpBB topic",
        url=_topic_url(base, topic_id, number) or page.url,
        site=SITE_KEY,
        site_name=host or None,
        community=_forum(soup),
        language=_language(soup),
        saved_at=page.saved_at,
        thread_id=f"{host}/viewtopic.php?t={topic_id}" if host and topic_id else None,
        page=number,
        page_count=count,
    )
    if number in (None, 1):
        thread.post, comments = comments[0], comments[1:]
        thread.post.is_op = True
    op = thread.post.author if thread.post else None
    for comment in comments:
        comment.is_op = op is not None and comment.author == op
    thread.comments = comments
    if zone is None and any(c.created is None and c.created_text for c in _all(thread)):
        thread.warnings.append(NO_ZONE)
    return thread


def _all(thread: Thread) -> list[Comment]:
    return ([thread.post] if thread.post else []) + thread.comments


def _has_class(el: Tag, name: str) -> bool:
    return name in (el.get("class") or [])


def _title(soup: BeautifulSoup) -> str:
    heading = soup.find("h2", class_="topic-title")
    if not isinstance(heading, Tag):
        body = soup.find(id="page-body") or soup
        heading = next((h for h in body.find_all("h2") if isinstance(h, Tag) and h.find("a")), None)
    if isinstance(heading, Tag):
        text = heading.get_text(" ", strip=True)
        if text:
            return text
    title = soup.find("title")
    text = title.get_text(" ", strip=True) if isinstance(title, Tag) else ""
    for sep in _TITLE_SEPARATORS:
        if sep in text:
            return text.split(sep)[-1].strip()  # "Board name • Topic title" (3.0)
    return text


def _board_url(soup: BeautifulSoup, page_url: str | None) -> str | None:
    """The board's address: the canonical link (3.1+), the saved-from address, or the
    absolute feed links 3.0 prints in its head."""
    for rel in ("canonical",):
        link = soup.find("link", rel=rel)
        href = str(link.get("href") or "") if isinstance(link, Tag) else ""
        if href.startswith(("http://", "https://")):
            return urljoin(href, "./")
    if page_url and page_url.startswith(("http://", "https://")):
        return urljoin(page_url, "./")
    for link in soup.find_all("link", rel="alternate"):
        href = str(link.get("href") or "")
        if href.startswith(("http://", "https://")) and "feed.php" in href:
            return urljoin(href, "./")
    return None


def _topic_id(soup: BeautifulSoup) -> str | None:
    candidates = [soup.find("link", rel="canonical"), soup.find("h2", class_="topic-title")]
    body = soup.find(id="page-body")
    if isinstance(body, Tag):
        candidates.extend(body.find_all("h2", limit=2))
    candidates.extend(soup.find_all("a", href=re.compile(r"viewtopic\.php\?[^#]*\bt=\d+")))
    for candidate in candidates:
        if not isinstance(candidate, Tag):
            continue
        link = candidate if candidate.name in ("a", "link") else candidate.find("a")
        if not isinstance(link, Tag):
            continue
        query = parse_qs(urlsplit(str(link.get("href") or "")).query)
        topic = (query.get("t") or [""])[0]
        if topic.isdigit():
            return topic
    return None


def _topic_url(base: str | None, topic_id: str | None, number: int | None) -> str | None:
    if not base or not topic_id:
        return None
    return urljoin(base, f"viewtopic.php?t={topic_id}")


def _pagination(soup: BeautifulSoup) -> tuple[int | None, int | None]:
    box = soup.find("div", class_="pagination")
    if isinstance(box, Tag):
        match = _PAGE_OF.search(box.get_text(" ", strip=True))
        if match:
            return int(match.group(1)), int(match.group(2))
        return 1, 1  # "3 posts" with no page links: the topic has one page
    return None, None


def _forum(soup: BeautifulSoup) -> str | None:
    """The last forum in the breadcrumbs (3.1+: ``span.crumb``; 3.0: ``li.icon-home > a``)."""
    crumbs = [
        el.get_text(" ", strip=True)
        for el in soup.select("#nav-breadcrumbs .crumb, .navlinks li.icon-home a")
    ]
    crumbs = [c for c in crumbs if c and c.lower() not in ("board index", "home")]
    return crumbs[-1] if crumbs else None


def _zone(soup: BeautifulSoup) -> BoardZone | None:
    for el in soup.find_all(string=re.compile(r"All times are", re.IGNORECASE)):
        line = el.parent
        if not isinstance(line, Tag):
            continue
        named = line.find("span", title=True)
        name = str(named.get("title")) if isinstance(named, Tag) else None
        zone = board_zone(line.get_text(" ", strip=True), name if name and "/" in name else None)
        if zone is not None:
            return zone
    return None


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    if isinstance(html, Tag):
        lang = str(html.get("lang") or html.get("xml:lang") or "").strip()
        return lang or None
    return None
