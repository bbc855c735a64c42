"""XenForo 2 thread pages (``<html id="XF">``, 2017 to today: SpaceBattles, Sufficient
Velocity, xenforo.com and thousands of forums).

Each post is an ``article.message--post`` carrying its author and id as attributes; the time
is a ``<time>`` with an ISO ``datetime``; the body is the ``.bbWrapper`` inside
``article.message-body``. The signature (``aside.message-signature``), the reactions bar and
the user's avatar sit beside the body, not in it, so taking the body alone leaves them out.
"""

from __future__ import annotations

import re

from ...model import Comment
from ...page_tree import Element
from ...tree_edits import drop_tree
from ..numbers import read_int
from .bbcode import attachment_html, body_html
from .markup import (
    ClassIndex,
    absolute,
    base_href,
    classes,
    elements,
    first_of,
    head_link,
    meta,
    page_from_url,
    post_number,
    text_of,
    thread_identity,
    time_from_element,
    title_without_site,
)
from .thread import Facts, Post

_POST_ID = re.compile(r"^(?:js-)?post-(\d+)$")
_OTHERS = re.compile(r"\band\s+([\d,]+)\s+(?:others?|other (?:people|persons?|members?))\b")
_OF_PAGES = re.compile(r"(\d+)\s+of\s+(\d+)")
_ADMIN_WORDS = ("admin",)
_MOD_WORDS = ("moderator", "staff")
_STAFF_TITLES = frozenset(
    {"administrator", "admin", "moderator", "super moderator", "global moderator", "staff member"}
)


def read_facts(page: ClassIndex) -> Facts:
    root = page.root
    canonical = head_link(root, "canonical") or meta(root, "og:url")
    base = base_href(root) or canonical
    identity = thread_identity(canonical)
    if identity is None and base:
        content_key = str(root.get("data-content-key") or "")
        if content_key.startswith("thread-"):
            identity = thread_identity(absolute(f"threads/{content_key[7:]}/", base))
    number, count = _page_numbers(page, canonical)
    return Facts(
        title=_title(page),
        url=canonical,
        base_url=base,
        host=identity[0].split("/", 1)[0] if identity else _host(canonical),
        thread_id=identity[0] if identity else None,
        community=_community(page),
        page=number,
        page_count=count,
        starter=_starter(page),
        language=str(root.get("lang") or "").strip() or None,
        template=str(root.get("data-template") or "").strip() or None,
    )


def read_posts(page: ClassIndex, base_url: str | None) -> list[Post]:
    posts = []
    for article in page.every("message--post", tag="article"):
        post = _read_post(article, base_url)
        if post is not None:
            posts.append(post)
    return posts


def _read_post(article: Element, base_url: str | None) -> Post | None:
    match = _POST_ID.match(str(article.get("data-content") or article.get("id") or ""))
    if match is None:
        return None
    post_id = match.group(1)
    found = ClassIndex(article)
    deleted = "message--deleted" in classes(article)
    attribution = found.first("message-attribution-main")
    comment = Comment(
        id=post_id,
        author=str(article.get("data-author") or "").strip() or _name(found) or None,
        author_id=_user_id(found),
        created=time_from_element(next(elements(attribution, "time"), None))
        if attribution is not None
        else None,
        number=_number(found),
        threadmark=_threadmark(found),
        score=None if deleted else _reaction_count(found),
    )
    link = _permalink(attribution, found)
    comment.permalink = absolute(link, base_url) if link else None
    _set_staff(found, comment)
    edit = found.first("message-lastEdit")
    if edit is not None:
        comment.edited = time_from_element(next(elements(edit, "time"), None)) or True
    post = Post(comment=comment)
    if deleted:
        comment.deleted, comment.removed = _deletion(found, comment.author)
        return post
    content = first_of(found.first("message-userContent"), article)
    body_box = first_of(found.first("message-body", within=content), content)
    wrapper = found.first("bbWrapper", within=body_box)
    comment.body_html, post.reply = body_html(wrapper, base_url)
    files = _attachments(found, content)
    if files:
        extra = attachment_html(files, base_url)
        comment.body_html = "\n".join(part for part in (comment.body_html, extra) if part)
    return post


def _number(found: ClassIndex) -> int | None:
    opposite = found.first("message-attribution-opposite")
    if opposite is None:
        return None
    for link in elements(opposite, "a"):
        number = post_number(text_of(link))
        if number is not None:
            return number
    return None


def _permalink(attribution: Element | None, found: ClassIndex) -> str | None:
    for holder in (attribution, found.first("message-attribution-opposite")):
        if holder is None:
            continue
        for link in elements(holder, "a"):
            href = str(link.get("href") or "")
            if "post-" in href or "/posts/" in href:
                return href
    return None


def _user_box(found: ClassIndex) -> Element | None:
    """The user cell beside the post: name, avatar, title and staff banner."""
    cell = found.first("message-cell--user")
    return cell if cell is not None else found.first("message-user")


def _name(found: ClassIndex) -> str:
    user = _user_box(found)
    return text_of(found.first("username", within=user)) if user is not None else ""


def _user_id(found: ClassIndex) -> str | None:
    """The member's number: the first name link of a post is its author's (in the user cell,
    or in the attribution line of a deleted post)."""
    name = found.first("username")
    value = str(name.get("data-user-id") or "").strip() if name is not None else ""
    return value if value.isdigit() and value != "0" else None


def _threadmark(found: ClassIndex) -> str | None:
    """SpaceBattles' and Sufficient Velocity's chapter label above a post: the header's
    ``span.threadmarkLabel``, or in markup without that class, the header's first span (its
    ``<label>`` says "Threadmarks", the category, not the chapter)."""
    header = found.first("message-cell--threadmark-header")
    label = found.first("threadmarkLabel", within=header)
    if label is None and header is not None:
        label = next((el for el in header if isinstance(el.tag, str) and el.tag == "span"), None)
    return text_of(label) or None


def _set_staff(found: ClassIndex, comment: Comment) -> None:
    """Staff banners ("Staff member", "Moderator", "Administrator") and the default staff
    user titles; a member's own custom title (often a joke) is not read as a rank."""
    user = _user_box(found)
    if user is None:
        return
    for banner in found.every("userBanner", within=user):
        words = text_of(banner).lower()
        if any(w in words for w in _ADMIN_WORDS):
            comment.is_admin = True
        elif any(w in words for w in _MOD_WORDS):
            comment.is_moderator = True
    title = text_of(found.first("message-userTitle", within=user)).lower()
    if title in _STAFF_TITLES:
        if "admin" in title:
            comment.is_admin = True
        else:
            comment.is_moderator = True


def _reaction_count(found: ClassIndex) -> int | None:
    """How many members reacted, when the bar says it in full: "alice, bob and 3 others" is
    5. Text the count cannot be read from exactly (another wording) leaves it unknown."""
    bar = found.first("reactionsBar")
    link = found.first("reactionsBar-link", within=bar) if bar is not None else None
    if link is None:
        return None
    names = [text_of(b) for b in elements(link, "bdi")]
    text = text_of(link)
    others = _OTHERS.search(text)
    extra = read_int(others.group(1)) if others else 0
    rest = _OTHERS.sub(" ", text)
    for name in names:
        rest = rest.replace(name, " ", 1)
    if re.match(r"\s*You\b", rest):
        rest = re.sub(r"^\s*You\b", " ", rest)
        names.append("You")
    if not names or extra is None or re.sub(r"[\s,]|\band\b", "", rest):
        return None
    return len(names) + extra


def _deletion(found: ClassIndex, author: str | None) -> tuple[bool, bool]:
    """(deleted, removed): removed when someone other than the author deleted it."""
    notice = found.first("messageNotice--deleted")
    who = text_of(found.first("username", within=notice)) if notice is not None else ""
    if who and author and who != author:
        return False, True
    return True, False


def _attachments(found: ClassIndex, content: Element) -> list[tuple[str, str | None]]:
    box = found.first("message-attachments", within=content)
    if box is None:
        return []
    files = []
    for item in elements(box, "li"):
        name_el = found.first("file-name", within=item)
        name = str(name_el.get("title") or "").strip() if name_el is not None else ""
        name = name or text_of(name_el)
        link = next((a for a in elements(item, "a") if a.get("href")), None)
        if name:
            files.append((name, str(link.get("href")) if link is not None else None))
    return files


def _title(page: ClassIndex) -> str:
    h1 = page.first("p-title-value", tag="h1")
    if h1 is not None:
        for label in page.every(("label", "labelLink"), within=h1):
            drop_tree(label)
        for el in page.every("label-append", within=h1):
            drop_tree(el)
        title = text_of(h1)
        if title:
            return title
    root = page.root
    title = meta(root, "og:title") or text_of(next(elements(root, "title"), None))
    return title_without_site(title or "")


def _community(page: ClassIndex) -> str | None:
    """The forum the thread is in: the last step of the first breadcrumb trail."""
    crumbs = page.first("p-breadcrumbs")
    if crumbs is None:
        return None
    names = [text_of(li) for li in crumbs if isinstance(li.tag, str) and li.tag == "li"]
    names = [n for n in names if n]
    return names[-1] if names else None


def _starter(page: ClassIndex) -> str | None:
    description = page.first("p-description")
    name = page.first("username", within=description) if description is not None else None
    return text_of(name) or None


def _page_numbers(page: ClassIndex, canonical: str | None) -> tuple[int | None, int | None]:
    """(this page, last page) from the page navigation; a thread without one has one page."""
    current: int | None = None
    last = 0
    found = False
    for item in page.every("pageNav-page"):
        found = True
        number = read_int(text_of(item))
        if number is None:
            continue
        last = max(last, number)
        if "pageNav-page--current" in classes(item):
            current = number
    if not found:
        simple = page.first("pageNavSimple-el--current")
        match = _OF_PAGES.search(text_of(simple))
        if match:
            return read_int(match.group(1)), read_int(match.group(2))
        number = page_from_url(canonical) or 1
        return number, 1 if number == 1 else None
    return current or page_from_url(canonical), last or None


def _host(url: str | None) -> str | None:
    identity = thread_identity(url)
    if identity is not None:
        return identity[0].split("/", 1)[0]
    from ...clean import url_host

    host = url_host(url)
    return host.lower().removeprefix("www.") if host else None
