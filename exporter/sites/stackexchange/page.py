"""A saved Stack Exchange question page (stackoverflow.com, superuser.com, any
``*.stackexchange.com``) as a ``Thread``.

The question is the post; the answers are top-level comments in page order (the order the
reader chose to sort them by: votes by default); the comments under a post are its replies.
The question's own comments come first, as top-level comments before the answers: they
answer the question as the answers do, and that is where the page shows them. A book that
hung them under the question would have to invent a parent the reader cannot see in the TOC.

Markup since 2008 is read: ``.post-text`` bodies and table layout (to 2019), ``.js-post-body``
and ``.js-vote-count[data-value]`` (2019 on), ``li.comment`` or ``tr.comment`` comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ...clean import clean_html, safe_link, strip_xml_illegal
from ...dates import parse_iso
from ...errors import NoThreadFound
from ...load import SavedPage
from ...merge import MORE_PAGES
from ...model import Comment, Stub, Thread
from ..numbers import read_int
from ..soup import attr, classes, inner_html, text_of
from .comments import PostComments, read_comments
from .markup import first, se_time, user_of

SITE_KEY = "stackexchange"
_CHROME = ("js-post-notice", "post-notice", "snippet-result", "js-post-menu", "post-menu")
_TITLE_SUFFIX = re.compile(r"\s+-\s+[^-]+$")
_QUESTION_PATH = re.compile(r"/questions/(\d{1,15})(?:/|$|\?|#)")


@dataclass
class PostFacts:
    id: str
    author: str | None
    author_id: str | None
    created: datetime | None
    created_text: str | None
    edited: datetime | bool | None
    score: int | None
    body_html: str
    accepted: bool
    deleted: bool


def parse_question(page: SavedPage) -> Thread:
    soup = page.soup
    question = _question_element(soup)
    if question is None:
        raise NoThreadFound(
            f"{page.source}: this Stack Exchange page holds no question (a list of questions?); "
            "open a question and save that page"
        )
    base = _base_url(soup, page)
    host = urlsplit(base).hostname if base else None
    facts = _post_facts(question, base)
    post = _comment(facts, permalink=f"{base}/q/{facts.id}" if base else None)
    post.is_op = True
    thread = Thread(
        title=_title(soup),
        url=f"{base}/questions/{facts.id}" if base else page.url,
        site=SITE_KEY,
        site_name=host,
        community=_site_name(soup, host),
        post=post,
        language=_language(soup),
        thread_id=f"{host}/questions/{facts.id}" if host else None,
    )
    op = (facts.author_id, facts.author)
    for reply in _replies(soup, question, facts.id, None, base, thread, op):
        thread.comments.append(reply)
    answers = [a for a in soup.find_all("div", attrs={"data-answerid": True}) if isinstance(a, Tag)]
    answers = [a for a in answers if "answer" in classes(a)] or answers
    for element in answers:
        answer_facts = _post_facts(element, base)
        answer = _comment(answer_facts, permalink=f"{base}/a/{answer_facts.id}" if base else None)
        answer.is_op = _same_person((answer.author_id, answer.author), op)
        answer.children = _replies(soup, element, answer_facts.id, answer, base, thread, op)
        thread.comments.append(answer)
    _pages(soup, thread, len(answers))
    return thread


def _question_element(soup: BeautifulSoup) -> Tag | None:
    found = soup.find(id="question")
    if isinstance(found, Tag) and (attr(found, "data-questionid") or _body(found) is not None):
        return found
    found = soup.find(None, {"data-questionid": True}, class_="question")
    return found if isinstance(found, Tag) else None


def _body(post: Tag) -> Tag | None:
    return first(post, "js-post-body") or first(post, "post-text")


def _post_facts(post: Tag, base: str | None) -> PostFacts:
    post_id = attr(post, "data-answerid") or attr(post, "data-questionid") or ""
    if not post_id.isdigit():
        post_id = re.sub(r"\D", "", attr(post, "id") or "") or "post"
    body = _body(post)
    if body is not None:
        for el in body.find_all(
            class_=lambda c: c is not None and bool(set(str(c).split()) & set(_CHROME))
        ):
            if isinstance(el, Tag):
                el.decompose()
    author, author_id, created, created_text, edited = _signatures(post)
    names = classes(post)
    indicator = first(post, "js-accepted-answer-indicator")
    accepted = (
        "accepted-answer" in names
        or (indicator is not None and "d-none" not in classes(indicator))
        or first(post, "vote-accepted-on") is not None
    )
    return PostFacts(
        id=post_id,
        author=author,
        author_id=author_id,
        created=created,
        created_text=created_text,
        edited=edited,
        score=_score(post),
        body_html=clean_html(inner_html(body), base),
        accepted=accepted,
        deleted="deleted-answer" in names,
    )


def _score(post: Tag) -> int | None:
    count = first(post, "js-vote-count")
    if count is not None:
        value = read_int(attr(count, "data-value"))
        return value if value is not None else read_int(text_of(count))
    old = first(post, "vote-count-post")
    if old is not None:
        return read_int(text_of(old))
    return read_int(attr(post, "data-score"))


def _signatures(
    post: Tag,
) -> tuple[str | None, str | None, datetime | None, str | None, datetime | bool | None]:
    """Author, their user id, when posted, what the page showed instead, and when edited.

    A post has one signature per role: "asked"/"answered" (the author, ``itemprop=author`` or
    class ``owner``) and "edited" (the last editor, who may be someone else)."""
    author_sig: Tag | None = None
    edited: datetime | bool | None = None
    for sig in post.find_all(class_="post-signature"):
        if not isinstance(sig, Tag) or sig.find_parent(class_="comments") is not None:
            continue
        action = first(sig, "user-action-time")
        verb = text_of(action).lower()
        if verb.startswith("edited") or (
            action is not None and action.find("a", href=re.compile("revisions"))
        ):
            stamp = first(action, "relativetime") if action is not None else None
            edited = se_time(attr(stamp, "title")) or True
            continue
        details = first(sig, "user-details")
        if (
            author_sig is None
            or "owner" in classes(sig)
            or (details is not None and attr(details, "itemprop") == "author")
        ):
            author_sig = sig
    author = author_id = None
    created = None
    created_text = None
    if author_sig is not None:
        author, author_id = user_of(first(author_sig, "user-details"))
        stamp = first(author_sig, "relativetime")
        created = se_time(attr(stamp, "title"))
        created_text = None if created else (text_of(stamp) or None)
    if created is None:
        time = post.find("time", attrs={"itemprop": "dateCreated"})
        created = parse_iso(attr(time if isinstance(time, Tag) else None, "datetime"))
        created_text = None if created else created_text
    return author, author_id, created, created_text, edited


def _comment(facts: PostFacts, permalink: str | None) -> Comment:
    return Comment(
        id=facts.id,
        author=facts.author,
        author_id=facts.author_id,
        created=facts.created,
        created_text=facts.created_text,
        edited=facts.edited,
        score=facts.score,
        body_html=facts.body_html,
        accepted=facts.accepted,
        deleted=facts.deleted,
        permalink=permalink,
    )


def _same_person(one: tuple[str | None, str | None], other: tuple[str | None, str | None]) -> bool:
    if one[0] and other[0]:
        return one[0] == other[0]
    return bool(one[1]) and one[1] == other[1]


def _replies(
    soup: BeautifulSoup,
    post: Tag,
    post_id: str,
    parent: Comment | None,
    base: str | None,
    thread: Thread,
    op: tuple[str | None, str | None],
) -> list[Comment]:
    found: PostComments = read_comments(soup, post, post_id, base)
    replies = []
    for facts in found.comments:
        reply = Comment(
            id=f"c{facts.id}",
            parent_id=parent.id if parent is not None else None,
            depth=1 if parent is not None else 0,
            author=facts.author,
            author_id=facts.author_id,
            created=facts.created,
            created_text=facts.created_text,
            edited=True if facts.edited else None,
            score=facts.score,
            body_html=facts.body_html,
            permalink=f"{base}/posts/comments/{facts.id}" if base else None,
        )
        reply.is_op = _same_person((reply.author_id, reply.author), op)
        replies.append(reply)
    if found.hidden != 0:
        thread.missing.append(
            Stub(parent_id=parent.id if parent is not None else None, count=found.hidden)
        )
    return replies


def _base_url(soup: BeautifulSoup, page: SavedPage) -> str | None:
    for tag, key in (
        (soup.find("link", rel="canonical"), "href"),
        (soup.find("meta", property="og:url"), "content"),
    ):
        url = safe_link(attr(tag if isinstance(tag, Tag) else None, key), page.url)
        if url and urlsplit(url).hostname:
            parts = urlsplit(url)
            return f"{parts.scheme}://{parts.netloc}"
    if page.url and urlsplit(page.url).scheme in {"http", "https"} and urlsplit(page.url).hostname:
        parts = urlsplit(page.url)
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _title(soup: BeautifulSoup) -> str:
    header = soup.find(id="question-header")
    if isinstance(header, Tag):
        link = header.find("a") or header.find("h1")
        if isinstance(link, Tag) and text_of(link):
            return text_of(link)
    og = soup.find("meta", property="og:title")
    if isinstance(og, Tag) and attr(og, "content"):
        return strip_xml_illegal(attr(og, "content") or "")
    head = soup.find("title")
    return _TITLE_SUFFIX.sub("", text_of(head if isinstance(head, Tag) else None)) or "Question"


def _site_name(soup: BeautifulSoup, host: str | None) -> str | None:
    og = soup.find("meta", property="og:site_name")
    name = attr(og if isinstance(og, Tag) else None, "content")
    return strip_xml_illegal(name) if name else host


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    return attr(html if isinstance(html, Tag) else None, "lang")


def _pages(soup: BeautifulSoup, thread: Thread, on_page: int) -> None:
    """The answers' pager: which page this is, how many there are, how many answers are
    elsewhere (the header counts them all)."""
    pager = soup.find(class_="pager-answers")
    if isinstance(pager, Tag):
        numbers = [read_int(text_of(el)) for el in pager.find_all(["a", "span", "div"])]
        known = [n for n in numbers if n is not None and 0 < n < 10**6]
        current = next(
            (
                read_int(text_of(el))
                for el in pager.find_all(["span", "div"])
                if isinstance(el, Tag) and ({"is-selected", "current"} & set(classes(el)))
            ),
            None,
        )
        if known:
            thread.page_count = max(known)
            thread.page = current or 1
    header = soup.find(None, {"data-answercount": True})
    total = read_int(attr(header if isinstance(header, Tag) else None, "data-answercount"))
    if thread.page_count is not None and thread.page_count > 1:
        missing = total - on_page if total is not None and total > on_page else None
        thread.missing.append(Stub(parent_id=None, count=missing))
        thread.warnings.append(MORE_PAGES)
