"""The evidence weighed and turned into a ``Thread``, or a refusal that says what was found.

Declared data (JSON-LD, microdata) is taken over the guess unless it holds clearly fewer posts:
sites often declare only the opening post (XenForo) or a first page of comments, and then the
repeated blocks in the page are the better account.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import html as lxml_html

from ...clean import clean_html, text_to_html, url_host
from ...model import Comment, Thread
from ...page_tree import html_document as parse_document
from .blocks import Block, Group, find_group
from .dom import CHROME_TAGS, classes, inner_html, meta_content, page_title, page_url, squash
from .fields import find_time
from .structured import Declared, Item, from_json_ld, from_microdata

_DROP_CLASS = re.compile(
    r"signature|reply-link|comment-reply|sharing|share-|report|likes-bar", re.I
)
_ARTICLE_CLASS = re.compile(
    r"^(?:entry-content|post-content|article-body|article-content|post-body|story-body|"
    r"entry-body|article__body|single-content)$",
    re.I,
)
_HTML_TEXT = re.compile(r"<(?:p|br|div|a|em|strong|blockquote)\b", re.I)


@dataclass
class Found:
    thread: Thread


@dataclass
class Refused:
    reason: str


def analyse(text: str) -> Found | Refused:
    """Read a page no site module knows; pure function of its text (cached by the caller)."""
    root = parse_document(text)
    base = page_url(root)
    declared = [d for d in (from_json_ld(root), from_microdata(root)) if d is not None]
    group, refusal = find_group(root)
    best: Declared | None = None
    for candidate in declared:
        if best is None or _posts(candidate) > _posts(best):
            best = candidate
    # Declared data is exact where the guess may count a box of comments as a post: it wins
    # unless the page declares far fewer posts than it shows (often only the opening post).
    if best is not None and (group is None or _posts(best) * 4 >= len(group.blocks) * 3):
        thread = _from_declared(root, best, declared, base)
    elif group is not None:
        thread = _from_group(root, group, base)
    else:
        return Refused(refusal)
    thread.url = base
    thread.site_name = url_host(base)
    thread.thread_id = base.split("#", 1)[0] if base else None
    lang = root.get("lang") or root.get("xml:lang")
    thread.language = squash(lang) or None
    return Found(thread)


def _posts(declared: Declared) -> int:
    return declared.count() + (1 if declared.post is not None else 0)


# Declared data ------------------------------------------------------------------------------


def _from_declared(
    root: lxml_html.HtmlElement, best: Declared, all_declared: list[Declared], base: str | None
) -> Thread:
    # JSON-LD gives plain text: the same comment's element in the page's microdata is better.
    elements: dict[tuple[str | None, datetime | None], lxml_html.HtmlElement] = {}
    for other in all_declared:
        if other is best:
            continue
        for item in [*([other.post] if other.post else []), *_items(other)]:
            if item.element is not None and (item.author or item.created):
                elements.setdefault((item.author, item.created), item.element)
    counter = iter(range(1, 1_000_000))
    post = _comment_of(best.post, None, 0, base, elements, counter) if best.post else None
    roots = [_tree_of(item, base, elements, counter) for item in best.replies]
    title = best.title or (best.post.title if best.post else None) or page_title(root)
    thread = Thread(title=title or "Untitled thread", site="generic", post=post, comments=roots)
    if post is not None:
        post.id, post.parent_id = "post", None
    kinds = sorted({i.kind for i in _items(best)} | ({best.post.kind} if best.post else set()))
    thread.warnings.append(
        "This page's site is not one thread2epub knows: the comments were read from the "
        f"schema.org {'/'.join(kinds)} data the page declares ({best.source}); "
        "check that none are missing or out of place"
    )
    return thread


def _items(declared: Declared) -> list[Item]:
    out: list[Item] = []
    stack = list(reversed(declared.replies))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item.children))
    return out


def _tree_of(
    top: Item,
    base: str | None,
    elements: dict[tuple[str | None, datetime | None], lxml_html.HtmlElement],
    counter: object,
) -> Comment:
    root = _comment_of(top, None, 0, base, elements, counter)
    stack = [(root, child) for child in reversed(top.children)]
    while stack:
        parent, item = stack.pop()
        comment = _comment_of(item, parent.id, parent.depth + 1, base, elements, counter)
        parent.children.append(comment)
        stack.extend((comment, child) for child in reversed(item.children))
    return root


def _comment_of(
    item: Item,
    parent_id: str | None,
    depth: int,
    base: str | None,
    elements: dict[tuple[str | None, datetime | None], lxml_html.HtmlElement],
    counter: object,
) -> Comment:
    assert hasattr(counter, "__next__")
    element = item.element
    if element is None and (item.author or item.created):
        element = elements.get((item.author, item.created))
    if element is not None:
        body = _body_html(element, base)
    elif item.text and _HTML_TEXT.search(item.text):
        body = clean_html(item.text, base)
    else:
        body = text_to_html(item.text or "")
    return Comment(
        id=f"c{next(counter)}",
        parent_id=parent_id,
        depth=depth,
        author=item.author,
        created=item.created,
        score=item.score,
        downvotes=item.downvotes,
        body_html=body,
        accepted=item.accepted,
        permalink=item.url,
    )


# The guess ----------------------------------------------------------------------------------


def _from_group(root: lxml_html.HtmlElement, group: Group, base: str | None) -> Thread:
    comments: dict[int, Comment] = {}
    roots: list[Comment] = []
    for number, block in enumerate(group.blocks, start=1):
        comment = _comment_of_block(block, number, base)
        comments[id(block)] = comment
        parent = comments.get(id(block.parent)) if block.parent else None
        if parent is not None:
            comment.parent_id = parent.id
            comment.depth = parent.depth + 1
            parent.children.append(comment)
        else:
            roots.append(comment)
    blog = group.nested or "comment" in group.key.lower()
    post: Comment | None
    if blog:
        post = _article_post(root, group, base)
    else:
        post, roots = roots[0], roots[1:]
    if post is not None:
        post.id, post.parent_id, post.depth = "post", None, 0
    title = page_title(root, None if blog else group.blocks[0].element)
    thread = Thread(title=title or "Untitled thread", site="generic")
    thread.post, thread.comments = post, roots
    thread.warnings.append(
        "This page's site is not one thread2epub knows: the comments were found by a guess "
        f"(repeated {group.key} blocks that each carry an author, a time and text); "
        "check that none are missing or out of place"
    )
    if any(b.when is not None and b.when.from_text for b in group.blocks):
        thread.warnings.append(
            "Times were read from the page's text, which names no time zone: they are shown as "
            "UTC and may be off by the zone the page was saved in"
        )
    return thread


def _comment_of_block(block: Block, number: int, base: str | None) -> Comment:
    when = block.when
    anchor = block.element.get("id")
    return Comment(
        id=f"c{number}",
        author=block.author,
        created=when.moment if when else None,
        created_text=when.text if when and when.moment is None else None,
        body_html=_body_html(block.body, base) if block.body is not None else "",
        permalink=f"{base.split('#', 1)[0]}#{anchor}" if base and anchor else None,
    )


def _body_html(element: lxml_html.HtmlElement, base: str | None) -> str:
    """The body without the buttons, forms and signatures that sit inside it on some sites."""
    body = copy.deepcopy(element)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str):
            continue
        if el.tag in CHROME_TAGS or any(_DROP_CLASS.search(c) for c in classes(el)):
            el.drop_tree()
    return clean_html(inner_html(body), base)


def _article_post(root: lxml_html.HtmlElement, group: Group, base: str | None) -> Comment | None:
    """A blog's article, which its comments answer: its body, author and date when found."""
    members = {b.element for b in group.blocks}
    best: lxml_html.HtmlElement | None = None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        declared = el.get("itemprop") == "articleBody"
        matched = declared or any(_ARTICLE_CLASS.match(c) for c in classes(el))
        if matched and not _inside_any(el, members):
            best = el
            break
    if best is None:
        return None
    author = meta_content(root, "author", "article:author")
    for link in root.iter("a"):
        if "author" in (link.get("rel") or "").split() and not _inside_any(link, members):
            author = squash(link.text_content()) or author
            break
    moment = None
    published = meta_content(root, "article:published_time")
    outside = [el for el in root.iter() if isinstance(el.tag, str) and not _inside_any(el, members)]
    when = find_time([el for el in outside if el.tag == "time"])
    if when is not None:
        moment = when.moment
    if moment is None and published:
        from .fields import parse_machine_time

        moment = parse_machine_time(published)
    return Comment(id="post", author=author, created=moment, body_html=_body_html(best, base))


def _inside_any(el: lxml_html.HtmlElement, members: set[lxml_html.HtmlElement]) -> bool:
    node: lxml_html.HtmlElement | None = el
    while node is not None:
        if node in members:
            return True
        node = node.getparent()
    return False
