"""shreddit (www.reddit.com from 2023 on): the saved sample, a SingleFile link post, edge cases,
and a reply chain 3,000 deep.

The pages are invented threads written in shreddit's real markup (``<shreddit-post>``,
``<shreddit-comment>``, ``[slot=…]``, ``<faceplate-partial>`` loaders, declarative shadow roots);
``tests/data/reddit/shreddit_expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import EpubCheck
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Comment, Thread, thread_to_json
from exporter.sites import reddit
from exporter.sites.reddit import shreddit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PAGES = {
    "sample": ROOT / "samples" / "reddit-shreddit-thread.html",
    "linkpost": DATA / "reddit" / "shreddit_linkpost.html",
}
EXPECTED: dict[str, Any] = json.loads(
    (DATA / "reddit" / "shreddit_expected.json").read_text(encoding="utf-8")
)
CHROME_WORDS = ("Reply", "Share", "Upvote", "Downvote", "Vote", "more repl", "Continue this",
                "View more comments", "avatar", "Log In", "Sort by")  # fmt: skip


@pytest.fixture(scope="module", params=sorted(PAGES))
def case(request: pytest.FixtureRequest) -> tuple[Thread, dict[str, Any]]:
    page = read_input(str(PAGES[request.param]))
    return reddit.parse(page), EXPECTED[request.param]


def _by_id(thread: Thread) -> dict[str, Comment]:
    return {c.id: c for c in thread.walk()}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_shreddit_pages_are_shreddit_and_nothing_else() -> None:
    for path in PAGES.values():
        page = read_input(str(path))
        assert reddit.shreddit_score(page) >= 0.9
        assert reddit.react_score(page) == 0.0
        assert reddit.old_score(page) < reddit.shreddit_score(page)


def test_other_sites_pages_score_zero() -> None:
    others = [*sorted((DATA / "lemmy").glob("*.html")), ROOT / "samples" / "lemmy-saved-post.html"]
    others += sorted((DATA / "reddit").glob("old*.html"))
    others += [ROOT / "samples" / "reddit-old-thread.html"]
    for path in others:
        if path.exists():
            assert reddit.shreddit_score(read_input(str(path))) == 0.0, path.name
    mention = page_from_text("a pasted <shreddit-comment> mention, not a page")
    assert reddit.shreddit_score(mention) == 0.0


def test_thread_facts(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    assert thread.site == "reddit" and thread.site_name == "reddit.com"
    assert thread.title == expected["title"]
    assert thread.community == expected["community"]
    assert thread.url == expected["url"]
    counted = thread.comment_count()
    assert thread.warnings == [
        f"The page holds {counted} of the thread's {expected['declared_total']} comments; "
        "the others had not been loaded when it was saved."
    ]


def test_post(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    post, want = thread.post, expected["post"]
    assert post is not None
    assert (post.id, post.author, post.score) == (want["id"], want["author"], want["score"])
    assert post.created == datetime.fromisoformat(want["created"])
    assert post.permalink == want["permalink"] and post.is_op
    assert _text(post.body_html) == want["body_text"]
    if want["link"]:
        assert f'<a href="{want["link"]}">' in post.body_html
    # The shadow root's vote count and buttons are not the post's text.
    for word in ("Upvote", "Share", "comments"):
        assert word not in post.body_html


def test_tree_shape(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    comments = list(thread.walk())
    assert [c.id for c in comments] == expected["ids_in_page_order"]
    assert {c.id: c.parent_id for c in comments} == expected["parent_of"]
    assert {c.id: c.depth for c in comments} == expected["depth_of"]
    assert len(thread.comments) == expected["top_level"]
    for c in comments:
        for child in c.children:
            assert child.parent_id == c.id and child.depth == c.depth + 1


def test_people_scores_times_and_links(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    comments = _by_id(thread)
    assert {i: c.author for i, c in comments.items()} == expected["authors"]
    assert {i: c.score for i, c in comments.items()} == expected["scores"]
    assert {i: c.permalink for i, c in comments.items()} == expected["permalinks"]
    for cid, iso in expected["created"].items():
        assert comments[cid].created == datetime.fromisoformat(iso)
        assert comments[cid].created_text is None
    edited = {i: c.edited for i, c in comments.items()}
    assert {i: e.isoformat() if isinstance(e, datetime) else e for i, e in edited.items()} == (
        expected["edited"]
    )


def test_flags(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    comments = _by_id(thread)
    for flag, ids in expected["flags"].items():
        assert sorted(i for i, c in comments.items() if getattr(c, flag)) == sorted(ids), flag


def test_bodies_are_the_text_and_nothing_else(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    for c in thread.walk():
        assert _text(c.body_html) == expected["body_text"][c.id], c.id
        for word in CHROME_WORDS:
            assert word not in c.body_html, (c.id, word)
        if c.deleted or c.removed:
            assert c.body_html == ""


def test_formatting_survives(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, _ = case
    bodies = "".join(c.body_html for c in thread.walk())
    if thread.community == "r/homelab":
        for tag in ("<blockquote>", "<pre><code>", "<ul>", "<table>", "<code>", "<strong>"):
            assert tag in bodies, tag
        assert "<ol>" in (thread.post.body_html if thread.post else "")


def test_missing_replies(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    assert [[s.parent_id, s.count] for s in thread.missing] == expected["missing"]


def test_json_dump_is_complete(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    dumped = json.dumps(thread_to_json(thread), ensure_ascii=False)
    assert all(cid in dumped for cid in expected["ids_in_page_order"])


# --- markup variations ----------------------------------------------------------------------------


def _comment(cid: str, body: str, *, extra: str = "", inner: str = "") -> str:
    return (
        f'<shreddit-comment author="user_{cid}" thingid="t1_{cid}" score="1" '
        f'permalink="/r/x/comments/p1/comment/{cid}/" postid="t3_p1" {extra}>'
        f'<div slot="comment"><p>{body}</p></div>{inner}</shreddit-comment>'
    )


def _page(tree: str, post: str = "") -> str:
    post = post or ('<shreddit-post id="t3_p1" post-title="T" author="op_person" '
                    'subreddit-prefixed-name="r/x" post-type="text" view-context="CommentsPage">'
                    "</shreddit-post>")  # fmt: skip
    return f"<!DOCTYPE html><html><body>{post}<shreddit-comment-tree>{tree}"  \
        "</shreddit-comment-tree></body></html>"  # fmt: skip


def test_flat_replies_hang_off_their_parentid() -> None:
    """Loaded "more replies" can arrive as siblings: ``parentid`` still places them."""
    tree = _comment("a1", "root") + _comment("b2", "reply", extra='parentid="t1_a1" depth="1"')
    thread = shreddit.parse(page_from_text(_page(tree)))
    assert [(c.id, c.parent_id, c.depth) for c in thread.walk()] == [
        ("t1_a1", None, 0),
        ("t1_b2", "t1_a1", 1),
    ]


def test_a_reply_without_its_own_body_does_not_borrow_its_childs() -> None:
    inner = _comment("c3", "the child's words")
    tree = (
        '<shreddit-comment author="[deleted]" thingid="t1_a1" is-author-deleted="true">'
        f"{inner}</shreddit-comment>"
    )
    thread = shreddit.parse(page_from_text(_page(tree)))
    first, child = list(thread.walk())
    assert first.deleted and first.body_html == "" and first.author is None
    assert child.body_html == "<p>the child's words</p>" and child.parent_id == "t1_a1"


def test_duplicated_comment_is_read_once_and_ids_come_from_permalinks() -> None:
    twice = _comment("a1", "once") * 2
    no_id = (
        '<shreddit-comment author="z" permalink="/r/x/comments/p1/comment/k9/"></shreddit-comment>'
    )
    thread = shreddit.parse(page_from_text(_page(twice + no_id)))
    assert [c.id for c in thread.walk()] == ["t1_a1", "t1_k9"]


def test_a_loaded_partial_is_read_through() -> None:
    """A loader that was pressed holds the replies it fetched (and maybe a loader of its own)."""
    loader = (
        '<faceplate-partial src="/svc/shreddit/more-comments/x/t3_p1?startingDepth=1">'
        "<button>2 more replies</button></faceplate-partial>"
    )
    loaded = (
        '<faceplate-partial src="/svc/shreddit/more-comments/x/t3_p1?startingDepth=1">'
        f"{_comment('b2', 'fetched', inner=loader)}</faceplate-partial>"
    )
    thread = shreddit.parse(page_from_text(_page(_comment("a1", "root", inner=loaded))))
    assert [(c.id, c.parent_id) for c in thread.walk()] == [("t1_a1", None), ("t1_b2", "t1_a1")]
    assert [(s.parent_id, s.count) for s in thread.missing] == [("t1_b2", 2)]


def test_no_post_no_comments_is_no_thread() -> None:
    page = page_from_text("<html><body><shreddit-app><p>Log in</p></shreddit-app></body></html>")
    with pytest.raises(NoThreadFound, match="no post and no comments"):
        shreddit.parse(page)


def test_three_thousand_deep_chain() -> None:
    depth = 3000
    opening = "".join(
        f'<shreddit-comment author="u{i % 7}" thingid="t1_c{i}" depth="{i}" score="{i}">'
        f'<div slot="commentMeta"><faceplate-timeago ts="2025-01-01T00:00:00.000Z">'
        f'<time>1y ago</time></faceplate-timeago></div><div slot="comment"><p>reply {i}</p></div>'
        for i in range(depth)
    )
    markup = _page(opening + "</shreddit-comment>" * depth)
    started = time.perf_counter()
    thread = shreddit.parse(page_from_text(markup))
    elapsed = time.perf_counter() - started
    chain = list(thread.walk())
    assert len(chain) == depth and chain[-1].depth == depth - 1
    assert chain[-1].parent_id == f"t1_c{depth - 2}" and chain[-1].body_html == "<p>reply 2999</p>"
    assert all(c.created is not None for c in chain)
    assert thread_to_json(thread)["comments"][0]["id"] == "t1_c0"
    assert elapsed < 20, elapsed


@st.composite
def _shapes(draw: st.DrawFn) -> list[int]:
    """A tree as its page-order depths: each depth at most one more than the one before."""
    depths = [0]
    for _ in range(draw(st.integers(0, 25))):
        depths.append(draw(st.integers(0, depths[-1] + 1)))
    return depths


@settings(max_examples=40, deadline=None)
@given(_shapes())
def test_any_tree_written_in_shreddit_markup_reads_back(depths: list[int]) -> None:
    out: list[str] = []
    open_depths: list[int] = []
    parents: dict[str, str | None] = {}
    path: list[str] = []
    for n, d in enumerate(depths):
        while open_depths and open_depths[-1] >= d:
            open_depths.pop()
            out.append("</shreddit-comment>")
        del path[d:]
        parents[f"t1_n{n}"] = f"t1_{path[-1]}" if path else None
        path.append(f"n{n}")
        out.append(_comment(f"n{n}", f"words {n}", extra=f'depth="{d}"').replace(
            "</shreddit-comment>", ""))  # fmt: skip
        open_depths.append(d)
    out.append("</shreddit-comment>" * len(open_depths))
    thread = shreddit.parse(page_from_text(_page("".join(out))))
    assert {c.id: c.parent_id for c in thread.walk()} == parents
    assert [c.depth for c in thread.walk()] == depths


# --- the book ------------------------------------------------------------------------------------


def test_the_sample_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    from exporter.epub import write_epub

    thread = reddit.parse(read_input(str(PAGES["sample"])))
    path = tmp_path / "shreddit.epub"
    write_epub(thread, path)
    epubcheck(path)


def test_a_post_saved_before_its_comments_loaded() -> None:
    page = page_from_text(_page(""))
    assert reddit.shreddit_score(page) >= 0.8
    thread = shreddit.parse(page)
    assert thread.post is not None and thread.post.author == "op_person"
    assert thread.comments == [] and thread.title == "T"


_JUNK = st.lists(
    st.sampled_from([
        "<shreddit-comment ", 'thingid="t1_a" ', 'author="[deleted]" ', 'parentid="t1_a" ',
        'score="1.2k" ', 'created="garbage" ', "collapsed ", ">", "</shreddit-comment>",
        '<div slot="comment">', '<div slot="commentMeta">', "</div>", "<shreddit-post ",
        'post-type="link" content-href="javascript:alert(1)" ',
        '<faceplate-partial src="more-comments">',
        "3 more replies", "</faceplate-partial>", "<template>", "</template>", "<p>words</p>",
        '<faceplate-timeago ts="2025-13-45T99:00:00Z">', '<a slot="more-comments-permalink">',
    ]),
    max_size=40,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(_JUNK)
def test_junk_in_shreddit_words_raises_nothing_but_no_thread(parts: list[str]) -> None:
    page = page_from_text("<html><body>" + "".join(parts) + "</body></html>")
    try:
        thread = shreddit.parse(page)
    except NoThreadFound:
        return
    assert all(c.depth == 0 and c.parent_id is None for c in thread.comments)
    for c in thread.walk():
        # Parsed, not grepped: the words may be shown as text, never become a link.
        body = etree.fromstring(f"<div>{c.body_html}</div>")
        assert not any(
            str(el.get("href", "")).lower().startswith("javascript") for el in body.iter()
        )
        assert all(k.parent_id == c.id and k.depth == c.depth + 1 for k in c.children)
    if thread.post is not None:
        assert 'href="javascript' not in thread.post.body_html
