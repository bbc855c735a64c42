"""Hacker News saved item pages: the 2025, 2023 and pre-2020 markup, dead and flagged comments,
a thread cut into pages, and detection.

The pages are invented threads written by ``tests/data/hackernews/make_pages.py`` in HN's real
markup of each era; ``tests/data/hackernews/expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from exporter.load import SavedPage, page_from_text, read_input
from exporter.merge import MORE_PAGES
from exporter.model import Comment, Stub, Thread
from exporter.sites import all_sites
from exporter.sites.hackernews import SITE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "hackernews"
PAGES = {
    "sample": ROOT / "samples" / "hn-item.html",
    "2023": DATA / "item_2023.html",
    "2017": DATA / "item_2017.html",
    "dead_more": DATA / "item_dead_more.html",
}
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
# What HN prints around a body and must never reach one.
CHROME = re.compile(r">reply<|\[–\]|\[-\]|reply\?id=|vote\?id=|javascript:|upvote|>next<|>parent<")


def parse(path: Path) -> Thread:
    return SITE.parse(read_input(str(path)))


def plain(body_html: str) -> str:
    """The words of a body, paragraphs separated by a blank line, other whitespace collapsed."""
    paragraphs = re.split(r"</p>|<pre>|</pre>", body_html)
    words = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split()) for p in paragraphs]
    return "\n\n".join(w for w in words if w)


def squash(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


@pytest.fixture(scope="module", params=sorted(PAGES))
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(PAGES[request.param])


def test_every_form_is_recognised_as_hacker_news() -> None:
    for path in PAGES.values():
        page = read_input(str(path))
        assert SITE.score(page) >= 0.9
        for other in all_sites():
            if other.key != SITE.key:
                assert other.score(page) == 0.0, (other.key, path.name)


def test_other_sites_pages_score_zero() -> None:
    for path in sorted((ROOT / "tests" / "data" / "lemmy").glob("*.html")):
        assert SITE.score(read_input(str(path))) == 0.0
    reddit = (
        '<html><body><div class="thing comment" data-author="kestrel"><div class="md"><p>'
        'Breathing room: see <a href="https://news.ycombinator.com/item?id=1">this HN thread'
        "</a> and its comhead class</p></div></div></body></html>"
    )
    assert SITE.score(page_from_text(reddit)) == 0.0


def test_story(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    assert thread.site == "hackernews"
    assert thread.site_name == "news.ycombinator.com"
    assert thread.title == truth["title"]
    assert thread.url == f"https://news.ycombinator.com/item?id={truth['id']}"
    post = thread.post
    assert post is not None
    assert (post.id, post.author, post.score, post.is_op) == (
        truth["id"], truth["author"], truth["points"], True,
    )  # fmt: skip
    if truth["created"]:
        assert post.created == datetime.fromisoformat(truth["created"])
        assert post.created_text is None
    else:
        assert post.created is None and post.created_text == "7 hours ago"
    text = truth["text"]
    if truth["link"]:
        assert post.body_html.startswith(f'<p><a href="{truth["link"]}">')
        text = f"{truth['link']}\n\n{text}".strip()
    assert plain(post.body_html) == squash(text)


def test_tree_shape(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]["comments"]
    got = list(thread.walk())
    assert [(c.id, c.parent_id, c.depth) for c in got] == [
        (t["id"], t["parent_id"], t["depth"]) for t in truth
    ]
    assert [c.id for c in thread.comments] == [t["id"] for t in truth if t["depth"] == 0]
    for comment in got:
        for child in comment.children:
            assert (child.parent_id, child.depth) == (comment.id, comment.depth + 1)


def test_comment_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    for comment, truth in zip(thread.walk(), EXPECTED[name]["comments"], strict=True):
        assert comment.author == truth["author"]
        assert comment.author_id == truth["author"]
        created = comment.created.isoformat() if comment.created else None
        assert (created, comment.created_text) == (truth["created"], truth["created_text"])
        assert comment.score is None and comment.upvotes is None
        flags = (comment.deleted, comment.removed, comment.is_op, comment.collapsed)
        assert flags == (truth["deleted"], truth["removed"], truth["is_op"], truth["collapsed"])
        assert comment.permalink == f"https://news.ycombinator.com/item?id={comment.id}"


def test_bodies_are_the_words_in_paragraphs_without_page_chrome(case: tuple[str, Thread]) -> None:
    name, thread = case
    for comment, truth in zip(thread.walk(), EXPECTED[name]["comments"], strict=True):
        assert plain(comment.body_html) == squash(truth["text"]), comment.id
        assert not CHROME.search(comment.body_html), comment.id
        assert comment.body_html == comment.body_html.strip()
        if truth["text"]:
            # HN's first paragraph is bare text: it must be a paragraph like the others.
            assert comment.body_html.startswith("<p>"), comment.id


def test_code_quotes_and_links_survive(case: tuple[str, Thread]) -> None:
    name, thread = case
    if name == "dead_more":
        return
    by_id = {c.id: c for c in thread.walk()}
    code = by_id["43210104"].body_html
    assert code.count("<p>") == 2 and "<pre><code>" in code
    assert "      wait_for_rtc_tick();\n" in code
    assert code.endswith("</pre><p>Everything else is interrupts.</p>")
    assert by_id["43210107"].body_html.startswith("<p>&gt; leak far more")
    assert "<i>no regulator at all</i>" in by_id["43210105"].body_html
    # HN's relative item links point back at HN.
    assert 'href="https://news.ycombinator.com/item?id=8150123"' in by_id["43210401"].body_html


def test_dead_flagged_deleted_and_more(case: tuple[str, Thread]) -> None:
    name, thread = case
    if name != "dead_more":
        assert thread.missing == [] and thread.warnings == []
        return
    assert thread.missing == [Stub(parent_id=None, count=None)]
    assert thread.warnings == [MORE_PAGES]
    by_id = {c.id: c for c in thread.walk()}
    deleted = by_id["43220102"]
    assert deleted.deleted and not deleted.removed and deleted.body_html == ""
    assert deleted.author is None and deleted.created is not None
    assert [c.id for c in deleted.children] == ["43220103"]
    for gone in ("43220104", "43220110"):
        assert by_id[gone].removed and by_id[gone].body_html == "" and by_id[gone].author is None
    # Shown with showdead, or faded by downvotes: the text is the page's, and it stays.
    for kept in ("43220106", "43220107", "43220108", "43220109"):
        assert not by_id[kept].removed and by_id[kept].body_html.startswith("<p>")


def test_language_comes_from_the_page(case: tuple[str, Thread]) -> None:
    name, thread = case
    assert thread.language == (None if name == "2017" else "en")


def _row(cid: int, indent: str, body: str = "Text.", user: str = "ann") -> str:
    return (
        f'<tr class="athing comtr" id="{cid}"><td><table border="0"><tr><td class="ind"{indent}>'
        f'<img src="s.gif" height="1" width="0"></td><td class="default"><span class="comhead">'
        f'<a href="user?id={user}" class="hnuser">{user}</a> <span class="age" '
        f'title="2025-01-02T03:04:05 1735787045"><a href="item?id={cid}">1 hour ago</a></span>'
        f'</span><br><div class="comment"><div class="commtext c00">{body}</div></div>'
        "</td></tr></table></td></tr>"
    )


def _page(rows: str, story: str = "") -> SavedPage:
    return page_from_text(
        f'<html lang="en" op="item"><body><table id="hnmain"><tr><td>{story}'
        f'<table class="comment-tree">{rows}</table></td></tr></table></body></html>'
    )


def test_a_reply_chain_3000_deep_needs_no_recursion() -> None:
    rows = "".join(_row(1000 + i, f' indent="{i}"', f"Reply {i}<p>more") for i in range(3000))
    thread = SITE.parse(_page(rows))
    chain: list[Comment] = []
    node = thread.comments[0]
    while True:
        chain.append(node)
        if not node.children:
            break
        node = node.children[0]
    assert len(chain) == 3000 and len(thread.comments) == 1
    assert [c.depth for c in chain[-2:]] == [2998, 2999]
    assert chain[-1].parent_id == "3998"
    assert chain[-1].body_html == "<p>Reply 2999</p><p>more</p>"
    assert chain[-1].created is not None and chain[-1].created.year == 2025


def test_rows_that_skip_levels_hang_under_the_row_above() -> None:
    rows = _row(1, ' indent="2"') + _row(2, ' indent="3"') + _row(3, ' indent="0"')
    thread = SITE.parse(_page(rows))
    assert [(c.id, c.parent_id, c.depth) for c in thread.walk()] == [
        ("1", None, 0), ("2", "1", 1), ("3", None, 0),
    ]  # fmt: skip
    assert len(thread.warnings) == 1 and "not on this page" in thread.warnings[0]


def test_depth_from_the_spacer_when_there_is_no_indent_attribute() -> None:
    rows = "".join(
        _row(i, "").replace('width="0"', f'width="{40 * d}"') for i, d in enumerate([0, 1, 2, 1])
    )
    assert [c.depth for c in SITE.parse(_page(rows)).walk()] == [0, 1, 2, 1]


def test_a_reference_to_a_control_character_does_not_stop_the_conversion() -> None:
    """``&#1;`` became a control character in the page's tree, and tidying the empty ``<i>``
    beside it then failed inside lxml: now the reference is a replacement mark."""
    thread = SITE.parse(_page(_row(1, ' indent="0"', "odd &#1;<i></i> text<p>next")))
    assert thread.comments[0].body_html == "<p>odd \ufffd text</p><p>next</p>"


def test_a_row_inside_an_earlier_rows_body_comes_after_it() -> None:
    """The page is read as a stream, where a row's end tag comes after the rows inside it: a
    broken page's rows still come in page order, the row first, then what it holds; the row
    held is read whole, and its words are not read a second time in its holder's body."""
    inner = _row(2, ' indent="1"', "Inner.")
    rows = _row(1, ' indent="0"', f"Outer.{inner}") + _row(3, ' indent="0"', "Last.")
    page = _page(rows)
    assert SITE.streams(page)
    thread = SITE.parse(page)
    assert [(c.id, c.depth) for c in thread.walk()] == [("1", 0), ("2", 1), ("3", 0)]
    outer, held, _ = thread.walk()
    assert (outer.body_html, held.body_html) == ("<p>Outer.</p>", "<p>Inner.</p>")
    assert held.author == "ann"


def test_the_page_is_streamed_and_its_rows_let_go() -> None:
    """Only the story and the page's frame are left of the tree once the rows are read."""
    story = (
        '<table class="fatitem"><tr class="athing" id="9"><td class="title">'
        '<span class="titleline"><a href="https://example.org/x">A story</a></span></td></tr>'
        '<tr><td class="subtext">'
        '<span class="score">5 points</span> by <a href="user?id=bo" class="hnuser">bo</a>'
        "</td></tr></table>"
    )
    page = _page("".join(_row(10 + i, f' indent="{i % 3}"') for i in range(50)), story)
    thread = SITE.parse(page)
    assert thread.title == "A story" and thread.comment_count() == 50
    assert thread.post is not None and thread.post.author == "bo"
    assert page.tree is not None  # what the stream left: no comment row
    assert [tr.get("id") for tr in page.tree.iter("tr") if tr.get("id")] == ["9"]
    assert not SITE.streams(page_from_text("ann: a pasted comment"))
