"""Discourse posts read from the page's markup: the crawler view and the app's own.

Two markups carry the posts when the JSON does not (or not all of them):

- the **crawler view**, which the server sends to search engines and, inside ``<noscript>``,
  to everyone: ``div.crawler-post`` with schema.org microdata (author, ``datePublished``,
  ``position``, the likes' ``InteractionCounter``), ``#post_N`` anchors in newer versions;
- the **app's markup** in a page saved after the Ember app ran: ``article#post_N`` in a
  ``div.topic-post``, ``.cooked`` bodies, ``.names .username``, ``.relative-date[data-time]``
  (milliseconds), ``a.reply-to-tab`` naming who a post answers.

Each post comes back with its number, the key the three sources are merged on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from bs4 import BeautifulSoup, Tag

from ...dates import parse_iso
from ..numbers import read_int
from ..soup import attr, classes, inner_html, text_of

_POST_ID = re.compile(r"^post_(\d{1,9})$")
_DIGITS = re.compile(r"\d{1,9}")


@dataclass
class DomPost:
    """One post as the markup shows it; fields the markup lacks stay None."""

    number: int
    author: str | None = None
    created: datetime | None = None
    created_text: str | None = None
    edited: datetime | bool | None = None
    likes: int | None = None
    body_fragment: str = ""
    reply_to_author: str | None = None
    is_op: bool = False
    is_moderator: bool = False
    is_admin: bool = False
    deleted: bool = False
    accepted: bool = False


def crawler_posts(soup: BeautifulSoup) -> list[DomPost]:
    posts: list[DomPost] = []
    for div in soup.find_all("div", class_="crawler-post"):
        if not isinstance(div, Tag) or attr(div, "role") == "navigation":
            continue  # the crawler view's "next page" links wear the same class
        number = _number_of(div)
        if number is None:
            number = len(posts) + 1 if not posts else posts[-1].number + 1
        post = DomPost(number=number)
        creator = div.find(class_="creator") or div.find(None, {"itemprop": "author"})
        if isinstance(creator, Tag):
            name = creator.find(None, {"itemprop": "name"}) or creator.find("a") or creator
            post.author = text_of(name if isinstance(name, Tag) else creator) or None
        published = div.find(None, {"itemprop": "datePublished"})
        if not isinstance(published, Tag):
            published = next(
                (
                    t
                    for t in div.find_all("time")
                    if isinstance(t, Tag) and attr(t, "itemprop") != "dateModified"
                ),
                None,
            )
        if isinstance(published, Tag):
            post.created = parse_iso(attr(published, "datetime") or attr(published, "content"))
            if post.created is None:
                post.created_text = text_of(published) or None
        modified = div.find(None, {"itemprop": "dateModified"})
        if isinstance(modified, Tag):
            changed = parse_iso(attr(modified, "datetime") or attr(modified, "content"))
            if changed is not None and post.created is not None and changed > post.created:
                post.edited = changed
        body = div.find(
            lambda t: (t.name == "div" and "post" in classes(t)) or t.get("itemprop") == "text"
        )
        post.body_fragment = inner_html(body if isinstance(body, Tag) else None)
        post.likes = _crawler_likes(div)
        post.accepted = attr(div, "itemprop") == "acceptedAnswer"  # the "solved" plugin
        posts.append(post)
    return posts


def _number_of(div: Tag) -> int | None:
    match = _POST_ID.match(attr(div, "id") or "")
    if match:
        return int(match.group(1))
    position = div.find("span", attrs={"itemprop": "position"})
    found = _DIGITS.search(text_of(position if isinstance(position, Tag) else None))
    return int(found.group()) if found else None


def _crawler_likes(div: Tag) -> int | None:
    for stat in div.find_all(None, {"itemprop": "interactionStatistic"}):
        if not isinstance(stat, Tag):
            continue
        kind = stat.find(None, {"itemprop": "interactionType"})
        if isinstance(kind, Tag) and "LikeAction" in (attr(kind, "content") or ""):
            count = stat.find(None, {"itemprop": "userInteractionCount"})
            if isinstance(count, Tag):
                return read_int(attr(count, "content"))
    return None


def app_posts(soup: BeautifulSoup) -> list[DomPost]:
    posts: list[DomPost] = []
    for article in soup.find_all("article"):
        if not isinstance(article, Tag):
            continue
        match = _POST_ID.match(attr(article, "id") or "")
        holder = article.find_parent("div", class_="topic-post")
        number = int(match.group(1)) if match else None
        if number is None and holder is not None:
            number = read_int(attr(holder, "data-post-number"))
        if number is None or not (match or attr(article, "data-post-id")):
            continue
        posts.append(_app_post(article, holder, number))
    return posts


def small_actions(soup: BeautifulSoup) -> list[int]:
    """Numbers of the app's "closed this topic"-style entries: places in the stream that are
    in the page but are no one's post."""
    numbers = []
    for div in soup.find_all("div", class_="small-action"):
        match = _POST_ID.match(attr(div, "id") or "") if isinstance(div, Tag) else None
        if match:
            numbers.append(int(match.group(1)))
    return numbers


def _app_post(article: Tag, holder: Tag | None, number: int) -> DomPost:
    post = DomPost(number=number)
    names = article.find(class_="names")
    if isinstance(names, Tag):
        first = names.find(class_="username") or names
        link = first.find("a") if isinstance(first, Tag) else None
        post.author = text_of(link if isinstance(link, Tag) else first) or None
        marks = {
            c for span in names.find_all("span") if isinstance(span, Tag) for c in classes(span)
        }
        post.is_moderator = "moderator" in marks
        post.is_admin = "admin" in marks
    stamp = article.find(class_="relative-date")
    if isinstance(stamp, Tag):
        post.created = _from_millis(attr(stamp, "data-time"))
        if post.created is None:
            post.created_text = attr(stamp, "title") or text_of(stamp) or None
    if article.find(class_="edits") is not None:
        post.edited = True
    cooked = article.find("div", class_="cooked")
    post.body_fragment = inner_html(cooked if isinstance(cooked, Tag) else None)
    tab = article.find("a", class_="reply-to-tab")
    if isinstance(tab, Tag):
        label = tab.find("span")
        post.reply_to_author = text_of(label if isinstance(label, Tag) else tab) or None
    likes = article.find(class_="like-count")
    if isinstance(likes, Tag):
        post.likes = read_int(text_of(likes))
    marks = set(classes(holder)) if holder is not None else set()
    marks |= set(classes(article))
    post.is_op = "topic-owner" in marks
    post.is_moderator = post.is_moderator or "moderator" in marks
    post.is_admin = post.is_admin or "admin" in marks
    post.deleted = "deleted" in marks
    post.accepted = "accepted-answer" in marks
    return post


def _from_millis(value: str | None) -> datetime | None:
    millis = read_int(value)
    if millis is None:
        return None
    try:
        return datetime.fromtimestamp(millis / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
