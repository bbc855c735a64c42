"""A saved vBulletin thread page (3.x ``showthread.php``, 4.x, 5.x) as a flat ``Thread``.

The three generations share little markup but the same facts: the thread title (vB3 the
navbar's ``strong``, vB4 ``span.threadtitle``, vB5 ``h1.main-title``), the forum (the last
breadcrumb link), "Page 2 of 5", the thread id (``showthread.php?t=``, ``/123-slug``, vB5's
``nodeid``), and, for the text dates of vB3/4, the footer's "All times are GMT -5".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ...errors import NoThreadFound
from ...load import SavedPage
from ...model import Comment, Thread
from ..phpbb.times import BoardZone, board_zone
from .posts import find_posts, read_post

SITE_KEY = "vbulletin"
NO_ZONE = "The page does not say which time zone its times are in; they are kept as written."
_PAGE_OF = re.compile(r"Page\s+(\d+)\s+of\s+(\d+)", re.IGNORECASE)
_THREAD_ID = re.compile(r"showthread\.php(?:\?(?:[^#\"]*&)?t=|/|\?)(\d+)|/threads/(\d+)")
_V5_THREAD = re.compile(r"/(\d+)-[^/?#]+(?:/page\d+)?(?:[?#]|$)")
_TITLE_TAIL = re.compile(r"\s+-\s+Page\s+\d+.*$|\s+-\s+[^-]+$", re.IGNORECASE)


def parse_page(page: SavedPage) -> Thread:
    soup = page.soup
    version, elements = find_posts(soup)
    if not elements:
        raise NoThreadFound(
            f"{page.source}: this vBulletin page holds no posts (a forum index or list?); "
            "open a thread and save that page"
        )
    base = _board_url(soup, page.url)
    zone = _zone(soup) if version != "5" else None
    title = _title(soup, version)
    comments = [read_post(version, el, base, zone) for el in elements]
    for comment in comments:
        if comment.subject and _plain(comment.subject) == _plain(title):
            comment.subject = None
    number, count = _pagination(soup, version)
    host = urlsplit(base).netloc.lower() if base else ""
    thread_id = _thread_id(soup, version, elements)
    key = "node" if version == "5" else "showthread.php?t="
    thread = Thread(
        title=title or "vBulletin thread",
        url=_thread_url(soup, base, thread_id, version) or page.url,
        site=SITE_KEY,
        site_name=host or None,
        community=_forum(soup, version),
        language=_language(soup),
        saved_at=page.saved_at,
        thread_id=f"{host}/{key}{'/' if version == '5' else ''}{thread_id}"
        if host and thread_id
        else None,
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
    everyone = ([thread.post] if thread.post else []) + comments
    if zone is None and version != "5" and any(c.created is None for c in everyone):
        thread.warnings.append(NO_ZONE)
    return thread


def _plain(text: str) -> str:
    return re.sub(r"^re\s*:\s*", "", text.strip(), flags=re.IGNORECASE).casefold()


def _board_url(soup: BeautifulSoup, page_url: str | None) -> str | None:
    """The forum's root: ``<base href>`` and ``vb_meta_bburl`` (vB4), the canonical link,
    the saved-from address. vB3/4 write links relative to it."""
    base = soup.find("base", href=True)
    if isinstance(base, Tag) and str(base.get("href")).startswith(("http://", "https://")):
        return str(base.get("href"))
    meta = soup.find("meta", attrs={"name": "vb_meta_bburl"})
    if isinstance(meta, Tag) and str(meta.get("content") or "").startswith("http"):
        return str(meta.get("content")).rstrip("/") + "/"
    for candidate in (_href(soup.find("link", rel="canonical")), page_url):
        if candidate and candidate.startswith(("http://", "https://")):
            return urljoin(candidate, "./") if "showthread.php" in candidate else _root(candidate)
    return None


def _root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def _href(el: object) -> str | None:
    return str(el.get("href") or "") or None if isinstance(el, Tag) else None


def _title(soup: BeautifulSoup, version: str) -> str:
    selectors = {
        "5": ["h1.main-title", "h2.b-post__title"],
        "4": ["span.threadtitle", "li.lastnavbit", "#pagetitle h1"],
        "3": ["td.navbar strong"],
    }[version]
    for selector in selectors:
        el = soup.select_one(selector)
        text = " ".join(el.get_text(" ", strip=True).split()) if el else ""
        if text:
            return text.removeprefix("Thread: ").strip()
    title = soup.find("title")
    text = " ".join(title.get_text(" ", strip=True).split()) if isinstance(title, Tag) else ""
    return _TITLE_TAIL.sub("", text).strip()


def _forum(soup: BeautifulSoup, version: str) -> str | None:
    selector = {
        "5": "#breadcrumbs a.crumb-link",
        "4": "#breadcrumb li.navbit a",
        "3": "span.navbar a",
    }[version]
    names = [" ".join(a.get_text(" ", strip=True).split()) for a in soup.select(selector)]
    names = [n for n in names if n]
    return names[-1] if len(names) > 1 or (version == "4" and names) else None


def _pagination(soup: BeautifulSoup, version: str) -> tuple[int | None, int | None]:
    if version == "5":
        box = soup.select_one(".pagenav-form .pagenav, div.pagenav")
        if isinstance(box, Tag):
            field = box.find("input", attrs={"name": "page"})
            total = box.find(class_="pagetotal")
            current = str(field.get("value") or "") if isinstance(field, Tag) else ""
            last = total.get_text(strip=True) if isinstance(total, Tag) else ""
            if current.isdigit() and last.isdigit():
                return int(current), int(last)
        return 1, 1
    boxes = soup.select("form.pagination, div.pagenav, div.pagination")
    for box in boxes:
        match = _PAGE_OF.search(box.get_text(" ", strip=True))
        if match:
            return int(match.group(1)), int(match.group(2))
    return 1, 1  # no page navigation: the thread has one page


def _thread_id(soup: BeautifulSoup, version: str, posts: list[Tag]) -> str | None:
    if version == "5":
        field = soup.find("input", attrs={"name": "nodeid"})
        value = str(field.get("value") or "") if isinstance(field, Tag) else ""
        if value.isdigit():
            return value
        for link in (soup.find("link", rel="canonical"), soup.find("meta", itemprop="url")):
            url = (_href(link) or str(link.get("content") or "")) if isinstance(link, Tag) else ""
            match = _V5_THREAD.search(url)
            if match:
                return match.group(1)
        return None
    field = soup.find("input", attrs={"name": "t"})
    value = str(field.get("value") or "") if isinstance(field, Tag) else ""
    if value.isdigit():
        return value
    for link in [soup.find("link", rel="canonical"), *soup.find_all("a", href=_THREAD_ID)]:
        match = _THREAD_ID.search(_href(link) or "")
        if match:
            return match.group(1) or match.group(2)
    return None


def _thread_url(
    soup: BeautifulSoup, base: str | None, thread_id: str | None, version: str
) -> str | None:
    canonical = _href(soup.find("link", rel="canonical"))
    if canonical and canonical.startswith(("http://", "https://")):
        return canonical
    if base and canonical:
        return urljoin(base, canonical)
    if base and thread_id and version != "5":
        return urljoin(base, f"showthread.php?t={thread_id}")
    return None


def _zone(soup: BeautifulSoup) -> BoardZone | None:
    for el in soup.find_all(string=re.compile(r"All times are", re.IGNORECASE)):
        line = el.parent
        if isinstance(line, Tag):
            zone = board_zone(line.get_text(" ", strip=True))
            if zone is not None:
                return zone
    return None


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    if isinstance(html, Tag):
        return str(html.get("lang") or "").strip() or None
    return None


def all_comments(thread: Thread) -> list[Comment]:
    return ([thread.post] if thread.post else []) + thread.comments
