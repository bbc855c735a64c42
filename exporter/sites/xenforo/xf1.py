"""XenForo 1 thread pages (``<html id="XenForo">``, 2010-2019; still served by many forums,
and what SpaceBattles and Sufficient Velocity pages saved before 2019 hold).

Posts are ``li.message`` items of ``ol#messageList`` with the author in ``data-author``; the
body is ``blockquote.messageText`` inside ``.messageContent article``; the signature is a
sibling of ``.messageContent``, so the body alone leaves it out.

Times: a recent post carries ``abbr.DateTime[data-time]`` (a unix time). An older one only
``span.DateTime[title="Oct 30, 2014 at 10:48 PM"]``: a wall-clock time in the time zone of
whoever saved the page, which the page does not state. Reading it as UTC could put a post up
to 14 hours off, so it is kept as written (``created_text``) and no exact time is invented.
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

_POST_ID = re.compile(r"^post-(\d+)$")
_THREADMARK_PREFIX = re.compile(r"^\s*Threadmarks?\s*:\s*", re.IGNORECASE)
_LIKE_OTHERS = re.compile(r"([\d,]+)\s+others?\b")


def read_facts(page: ClassIndex) -> Facts:
    root = page.root
    canonical = head_link(root, "canonical") or meta(root, "og:url")
    base = base_href(root) or canonical
    identity = thread_identity(canonical)
    number, count = _page_numbers(page, canonical)
    return Facts(
        title=_title(page),
        url=canonical,
        base_url=base,
        host=identity[0].split("/", 1)[0] if identity else None,
        thread_id=identity[0] if identity else None,
        community=_community(page),
        page=number,
        page_count=count,
        starter=_starter(page),
        language=str(root.get("lang") or "").strip() or None,
        template=_template(root),
    )


def read_posts(page: ClassIndex, base_url: str | None) -> list[Post]:
    posts = []
    for item in page.every("message", tag="li"):
        match = _POST_ID.match(str(item.get("id") or ""))
        if match is not None:
            posts.append(_read_post(item, match.group(1), base_url))
    return posts


def _read_post(item: Element, post_id: str, base_url: str | None) -> Post:
    names = classes(item)
    found = ClassIndex(item)
    meta_box = found.first("messageMeta")
    stamp = found.first("DateTime", within=meta_box) if meta_box is not None else None
    stamp = stamp if stamp is not None else found.first("DateTime")
    created = time_from_element(stamp)
    number_link = found.first("postNumber", tag="a")
    comment = Comment(
        id=post_id,
        author=str(item.get("data-author") or "").strip() or None,
        author_id=_user_id(found),
        created=created,
        created_text=None if created or stamp is None else _shown_time(stamp),
        number=post_number(text_of(number_link)),
        threadmark=_threadmark(found),
        score=_likes(found),
    )
    link = first_of(number_link, found.first("datePermalink", tag="a"))
    href = str(link.get("href") or "") if link is not None else ""
    comment.permalink = absolute(href, base_url) if href else None
    _set_staff(found, comment)
    edit = found.first("editDate")
    if edit is not None:
        comment.edited = time_from_element(found.first("DateTime", within=edit)) or True
    post = Post(comment=comment)
    if "deleted" in names:
        comment.deleted = True
        return post
    content = first_of(found.first("messageContent"), item)
    text = found.first("messageText", within=content, tag="blockquote")
    comment.body_html, post.reply = body_html(text, base_url)
    files = _attachments(found, content)
    if files:
        extra = attachment_html(files, base_url)
        comment.body_html = "\n".join(part for part in (comment.body_html, extra) if part)
    return post


def _shown_time(stamp: Element) -> str | None:
    return str(stamp.get("title") or "").strip() or text_of(stamp) or None


def _user_id(found: ClassIndex) -> str | None:
    """The member's number from the first name link ("members/osk.58/"): the author's, in the
    user block, or in the notice of a deleted post."""
    name = found.first("username", tag="a")
    match = re.search(r"\.(\d+)/?$", str(name.get("href") or "")) if name is not None else None
    return match.group(1) if match else None


def _threadmark(found: ClassIndex) -> str | None:
    """Sufficient Velocity's and SpaceBattles' threadmark add-on: ``div.threadmarker``."""
    marker = found.first("threadmarker")
    if marker is None:
        return None
    label = first_of(found.first("label", within=marker), marker)
    return _THREADMARK_PREFIX.sub("", text_of(label)).strip() or None


def _set_staff(found: ClassIndex, comment: Comment) -> None:
    """``li.message.staff`` marks a staff member; the banner says which rank."""
    banners = [text_of(b).lower() for b in found.every("userBanner")]
    if any("admin" in b for b in banners):
        comment.is_admin = True
    elif "staff" in classes(found.root) or any("moderator" in b or "staff" in b for b in banners):
        comment.is_moderator = True


def _likes(found: ClassIndex) -> int | None:
    """Members who liked the post ("alice, bob and 3 others like this."), or the sum of
    Sufficient Velocity's ratings ("Like x 3", "Informative x 1"): one rating per member."""
    summary = found.first("LikeText")
    if summary is not None:
        names = found.every("username", within=summary, tag="a")
        others = _LIKE_OTHERS.search(text_of(summary))
        extra = read_int(others.group(1)) if others else 0
        return len(names) + extra if names and extra is not None else None
    ratings = found.first("dark_postrating_outputlist")
    if ratings is None:
        return None
    counts = [read_int(text_of(s)) for s in elements(ratings, "strong")]
    if not counts or any(c is None for c in counts):
        return None
    return sum(c for c in counts if c is not None)


def _attachments(found: ClassIndex, content: Element) -> list[tuple[str, str | None]]:
    box = found.first("attachedFiles", within=content)
    if box is None:
        return []
    files = []
    for name_box in found.every("filename", within=box):
        link = next(elements(name_box, "a"), None)
        name = text_of(link) or text_of(name_box)
        if name:
            files.append((name, str(link.get("href")) if link is not None else None))
    return files


def _title(page: ClassIndex) -> str:
    bar = page.first("titleBar")
    h1 = next(elements(bar, "h1"), None) if bar is not None else None
    if h1 is not None:
        for prefix in page.every("prefix", within=h1):
            drop_tree(prefix)
        if text_of(h1):
            return text_of(h1)
    root = page.root
    title = meta(root, "og:title") or text_of(next(elements(root, "title"), None))
    return title_without_site(title or "")


def _community(page: ClassIndex) -> str | None:
    crumbs = page.first("crumbs")
    found = page.every("crumb", within=crumbs, tag="a") if crumbs is not None else []
    names = [text_of(a) for a in found]
    names = [n for n in names if n]
    return names[-1] if names else None


def _starter(page: ClassIndex) -> str | None:
    description = next(
        (p for p in elements(page.root, "p") if p.get("id") == "pageDescription"), None
    )
    name = page.first("username", within=description) if description is not None else None
    return text_of(name) or None


def _page_numbers(page: ClassIndex, canonical: str | None) -> tuple[int | None, int | None]:
    nav = page.first("PageNav")
    if nav is None:
        number = page_from_url(canonical) or 1
        return number, 1 if number == 1 else None
    return read_int(nav.get("data-page")), read_int(nav.get("data-last"))


def _template(root: Element) -> str | None:
    """XF1 names the page's template in the class of ``div#content`` ("thread_view")."""
    for div in elements(root, "div"):
        if div.get("id") == "content":
            names = sorted(classes(div))
            return names[0] if names else None
    return None
