"""A saved Hacker News item page (``item?id=N``) read into a ``Thread``.

The page is one table: the story (``table.fatitem``: a ``tr.athing`` with the title, the next
row's ``td.subtext`` with points, author and age, then ``div.toptext``), and the comments as
flat ``tr.athing.comtr`` rows in reading order, each carrying only its depth. The page is read
as a stream (``exporter.page_stream``): each row is read as soon as the parser has it and then
let go, so the page's whole tree (15 times the page's size) is never held; the story, the
page's head and its foot stay, and are read once the stream ends. The tree is then rebuilt
from the depths with a stack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from ...clean import clean_html, strip_xml_illegal
from ...errors import NoThreadFound
from ...load import SavedPage
from ...merge import MORE_PAGES
from ...model import Comment, Stub, Thread
from ...page_stream import stream
from ...page_tree import Element, page_tree
from ...tree_edits import drop_tree
from .markup import (
    BASE_URL,
    absolute,
    body_html,
    class_names,
    item_id_from_href,
    item_url,
    parse_age_title,
    points,
    text_of,
)
from .rows import read_row

SITE_KEY = "hackernews"
SITE_HOST = "news.ycombinator.com"
ORPHANS = "Some replies' parents are not on this page; they are shown under the comment above."
_TITLE_SUFFIX = " | Hacker News"


@dataclass
class Story:
    """The head of the page: a story, or the comment whose own page was saved."""

    id: str
    title: str
    post: Comment


def parse_page(page: SavedPage) -> Thread:
    """The story and its comment tree; raises ``NoThreadFound`` when the page holds neither."""
    story_row: Element | None = None
    rows: list[tuple[int, Comment]] = []
    # Whether to look for a link to the next page: a search of the page as it is held (its
    # UTF-8, for a big page: a decoded copy would take up to four times as much).
    may_have_more = page.contains("morelink")
    for outer in stream(page, ("tr",), _is_athing):
        if _in_athing(outer):
            continue  # a broken page's row inside an earlier row: read with that row, below
        # Page order: the row, then any row a broken page holds inside it.
        found: list[Element] = []
        for el in (outer, *(tr for tr in outer.iterdescendants("tr") if _is_athing(tr))):
            names = class_names(el)
            if "comtr" in names or (story_row is not None and _has_indent_cell(el)):
                found.append(el)
            elif story_row is None:
                story_row = el
        rows.extend(_read_rows(found, len(rows)))
        parent = outer.getparent()
        if outer is not story_row and parent is not None:
            parent.remove(outer)  # let go of the rows read (the text between rows with them)
    root = page_tree(page)  # what the stream kept: the story, the page's head and foot
    more = may_have_more and _has_more_link(root)
    if not rows and story_row is not None and not _in_fatitem(story_row):
        raise NoThreadFound(
            f"{page.source}: this Hacker News page is a list of stories, not a discussion; "
            "open a story's comments and save that page"
        )
    story = _read_story(story_row, root) if story_row is not None else None
    if story is None and not rows:
        raise NoThreadFound(
            f"{page.source}: no Hacker News discussion found in this page; open the story's "
            "comments (news.ycombinator.com/item?id=NUMBER) and save that page"
        )
    roots, orphaned = build_tree(rows)
    if story is not None and story.post.author:
        for comment in _walk(roots):
            comment.is_op = comment.author == story.post.author
    thread = Thread(
        title=story.title if story is not None else _page_title(root),
        url=item_url(story.id) if story is not None and story.id.isdigit() else page.url,
        site=SITE_KEY,
        site_name=SITE_HOST,
        post=story.post if story is not None else None,
        comments=roots,
        language=str(root.get("lang") or "").strip() or None,
        saved_at=page.saved_at,
    )
    if more:
        thread.missing.append(Stub(parent_id=None, count=None))
        thread.warnings.append(MORE_PAGES)
    if orphaned:
        thread.warnings.append(ORPHANS)
    return thread


def _read_rows(found: list[Element], before: int) -> list[tuple[int, Comment]]:
    """The rows, in page order, of which the first may hold the others (a broken page's).
    Read last first: a row's body leaves the page as it is read, so a row held in another's
    body is read whole, and then leaves its holder's body rather than being read twice."""
    read = []
    for index in reversed(range(len(found))):
        read.append(read_row(found[index], before + index))
        if index:
            drop_tree(found[index])
    return read[::-1]


def build_tree(rows: list[tuple[int, Comment]]) -> tuple[list[Comment], bool]:
    """Rebuild the tree from (depth, comment) in page order, with a stack (no recursion).

    A row deeper than one below the row above it (a page that starts mid-thread) hangs under
    the deepest open comment; the flag says that happened.
    """
    roots: list[Comment] = []
    stack: list[Comment] = []
    orphaned = False
    for depth, comment in rows:
        if depth > len(stack):
            depth, orphaned = len(stack), True
        del stack[depth:]
        comment.depth = depth
        if stack:
            comment.parent_id = stack[-1].id
            stack[-1].children.append(comment)
        else:
            comment.parent_id = None
            roots.append(comment)
        stack.append(comment)
    return roots, orphaned


def _is_athing(row: Element) -> bool:
    """A story or comment row (``tr.athing``); the tables inside a row have plain rows."""
    return "athing" in class_names(row)


def _in_athing(row: Element) -> bool:
    return any(_is_athing(tr) for tr in row.iterancestors("tr"))


def _has_more_link(root: Element) -> bool:
    """Whether the page links to its next page (``a.morelink``, at its foot)."""
    return any("morelink" in class_names(a) for a in _document_iter(root, "a"))


def _document_iter(root: Element, tag: str) -> Iterator[Element]:
    """The document's ``tag`` elements, in order. Not only ``root``'s: libxml2 puts what
    follows a stray ``</html>`` in a second top-level element beside it."""
    before = list(root.itersiblings(preceding=True))
    for top in (*reversed(before), root, *root.itersiblings()):
        yield from top.iter(tag)


def _has_indent_cell(row: Element) -> bool:
    """The 2015 markup's comment rows were ``tr.athing`` without ``comtr``; they have ``td.ind``."""
    return any("ind" in class_names(td) for td in row.iter("td"))


def _in_fatitem(row: Element) -> bool:
    table = row.getparent()
    if table is not None and table.tag == "tbody":
        table = table.getparent()
    return table is not None and "fatitem" in class_names(table)


def _walk(roots: list[Comment]) -> list[Comment]:
    out: list[Comment] = []
    for root in roots:
        out.extend(root.walk())
    return out


def _page_title(root: Element) -> str:
    title = next(iter(root.iter("title")), None)
    text = text_of(title)
    return text.removesuffix(_TITLE_SUFFIX).strip()


def _read_story(row: Element, root: Element) -> Story | None:
    """The story from its title row and the rows after it, or the comment a page is about."""
    title_link: Element | None = None
    comhead = None
    for el in row.iter():
        if not isinstance(el.tag, str):
            continue
        names = class_names(el)
        if el.tag == "span" and "titleline" in names:
            title_link = next(iter(el.iter("a")), None)
            break
        if el.tag == "a" and "storylink" in names:
            title_link = el
            break
        if el.tag == "td" and "title" in names and title_link is None:
            title_link = next((a for a in el.iter("a") if "hnuser" not in class_names(a)), None)
        if el.tag == "span" and "comhead" in names:
            comhead = el
    story_id = str(row.get("id") or "").strip()
    if title_link is None and comhead is not None:
        return _comment_story(row, story_id, root)
    if title_link is None:
        return None
    title = strip_xml_illegal(text_of(title_link))
    permalink = item_url(story_id) if story_id.isdigit() else None
    post = Comment(id=story_id or "post", is_op=True, permalink=permalink)
    link = absolute(title_link.get("href"))
    if link is not None and item_id_from_href(link) == story_id and link.startswith(BASE_URL):
        link = None  # "Ask HN" titles link to the discussion itself
    _read_subtext(row, post)
    text = _story_text(row)
    lead = (
        clean_html(f'<p><a href="{escape(link)}">{escape(link)}</a></p>', BASE_URL) if link else ""
    )
    post.body_html = "\n".join(part for part in (lead, text) if part)
    return Story(id=post.id, title=title, post=post)


def _read_subtext(row: Element, post: Comment) -> None:
    """Points, author and age from ``td.subtext`` in the row after the title."""
    following = row.getnext()
    if following is None:
        return
    for el in following.iter():
        if not isinstance(el.tag, str):
            continue
        names = class_names(el)
        if el.tag == "span" and "score" in names and post.score is None:
            post.score = points(text_of(el))
        elif (
            el.tag == "a"
            and post.author is None
            and ("hnuser" in names or str(el.get("href") or "").startswith("user?id="))
        ):
            post.author = post.author_id = text_of(el) or None
        elif el.tag == "span" and "age" in names and post.created is None:
            post.created = parse_age_title(el.get("title"))
            post.created_text = None if post.created else (text_of(el) or None)


def _story_text(row: Element) -> str:
    """``div.toptext``; before 2020 the text sat in a bare cell two rows below the title."""
    table = row.getparent()
    if table is None:
        return ""
    for el in table.iter("div"):
        if "toptext" in class_names(el):
            return body_html(el)
    passed_subtext = False
    for sibling in row.itersiblings():
        cells = [td for td in sibling if isinstance(td.tag, str) and td.tag == "td"]
        if any("subtext" in class_names(td) for td in cells):
            passed_subtext = True
            continue
        if not passed_subtext or not cells:
            continue
        last = cells[-1]
        if last.get("class") or last.get("colspan") or next(last.iter("form"), None) is not None:
            continue
        if text_of(last):
            return body_html(last)
    return ""


def _comment_story(row: Element, story_id: str, root: Element) -> Story:
    """A comment's own page: that comment is the post, its replies the thread."""
    _, comment = read_row(row, 0)
    comment.is_op = True
    onstory = next(
        (a for span in row.iter("span") if "onstory" in class_names(span) for a in span.iter("a")),
        None,
    )
    on = text_of(onstory)
    title = f"{comment.author or 'A comment'} on: {on}" if on else _page_title(root)
    return Story(id=story_id or comment.id, title=strip_xml_illegal(title), post=comment)
