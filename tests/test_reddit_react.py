"""The 2018-2023 React design of www.reddit.com: a 2019 server render and a 2023 browser save,
rows stripped down to padding alone, and a flat list of 3,000 rows.

The pages are invented threads written in the design's real markup (flat ``div#t1_…`` rows,
thread lines, "level N", ``data-testid``/``data-test-id``, hashed classes that nothing reads);
``tests/data/reddit/react_expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Comment, Thread, thread_to_json
from exporter.sites import reddit
from exporter.sites.reddit import react

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PAGES = {name: DATA / "reddit" / f"react_{name}.html" for name in ("2019", "2023")}
EXPECTED: dict[str, Any] = json.loads(
    (DATA / "reddit" / "react_expected.json").read_text(encoding="utf-8")
)
CHROME_WORDS = ("Reply", "Share", "Report", "Save", "Give Award", "level ", "points", "more repl",
                "Continue this", "upvote", "User avatar", "Stickied", "OP")  # fmt: skip


@pytest.fixture(scope="module", params=sorted(PAGES))
def case(request: pytest.FixtureRequest) -> tuple[Thread, dict[str, Any]]:
    page = read_input(str(PAGES[request.param]))
    return reddit.parse(page), EXPECTED[request.param]


def _by_id(thread: Thread) -> dict[str, Comment]:
    return {c.id: c for c in thread.walk()}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_react_pages_are_react_and_nothing_else() -> None:
    for path in PAGES.values():
        page = read_input(str(path))
        assert reddit.react_score(page) >= 0.9
        assert reddit.shreddit_score(page) == 0.0
        assert reddit.old_score(page) < reddit.react_score(page)


def test_other_sites_pages_score_zero() -> None:
    others = [*sorted((DATA / "lemmy").glob("*.html")), ROOT / "samples" / "lemmy-saved-post.html"]
    others += sorted((DATA / "reddit").glob("old*.html")) + sorted(
        (DATA / "reddit").glob("shr*.html")
    )
    others += [
        ROOT / "samples" / "reddit-old-thread.html",
        ROOT / "samples" / "reddit-shreddit-thread.html",
    ]
    for path in others:
        if path.exists():
            assert reddit.react_score(read_input(str(path))) == 0.0, path.name


def test_an_old_reddit_page_stays_old_reddits() -> None:
    """Old Reddit's markup with the words the React design also uses."""
    page = page_from_text(
        '<html><head><link rel="stylesheet" href="https://www.redditstatic.com/reddit.css"></head>'
        '<body><div class="sitetable nestedlisting"><div class=" thing id-t1_abc comment" '
        'data-fullname="t1_abc" data-type="comment"><div class="entry"><p class="tagline">'
        '<a class="author" href="https://old.reddit.com/user/a">a</a> <span class="score">'
        '3 points</span></p><div class="usertext-body"><div class="md"><p>level 1</p></div></div>'
        '</div></div></div><div class="commentarea"></div></body></html>'
    )
    assert reddit.react_score(page) == 0.0 < reddit.old_score(page)


def test_thread_facts(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    assert thread.site == "reddit" and thread.site_name == "reddit.com"
    assert thread.title == expected["title"]
    assert thread.community == expected["community"]
    assert thread.url == expected["url"]
    assert thread.warnings == []


def test_post(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    post, want = thread.post, expected["post"]
    assert post is not None and post.is_op
    assert (post.id, post.author, post.score) == (want["id"], want["author"], want["score"])
    assert (post.created, post.created_text) == (None, want["created_text"])
    assert post.permalink == want["permalink"]
    assert _text(post.body_html) == want["body_text"]
    if want["link"]:
        assert f'<a href="{want["link"]}">' in post.body_html


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
    assert {i: c.created_text for i, c in comments.items()} == expected["created_text"]
    assert all(c.created is None for c in comments.values())  # the page shows no date
    assert {i: c.edited for i, c in comments.items()} == expected["edited"]


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
        assert "class=" not in c.body_html


def test_formatting_survives(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, _ = case
    bodies = "".join(c.body_html for c in thread.walk()) + (
        thread.post.body_html if thread.post else ""
    )
    for tag in ("<blockquote>", "<pre><code>", "<ul>", "<li>"):
        assert tag in bodies, tag


def test_missing_replies(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, expected = case
    assert [[s.parent_id, s.count] for s in thread.missing] == expected["missing"]


# --- variations ----------------------------------------------------------------------------------


def test_padding_alone_gives_the_same_tree() -> None:
    """Without thread lines and "level N" the indentation still places every row."""
    markup = PAGES["2023"].read_text(encoding="utf-8")
    stripped = re.sub(r'<span class="_1RIl585IYPW6cmNXwgRz0J">level \d+</span>', "", markup)
    line = r'<div class="_36AIN2ppxy_z-XSDxTvYj5 [^"]*"><i class="threadline"></i></div>'
    stripped = re.sub(line, "", stripped)
    assert "threadline" not in stripped and "level 1" not in stripped
    full = reddit.parse(read_input(str(PAGES["2023"])))
    bare = react.parse(page_from_text(stripped))
    assert {c.id: c.parent_id for c in bare.walk()} == {c.id: c.parent_id for c in full.walk()}
    assert [(s.parent_id, s.count) for s in bare.missing] == [
        (s.parent_id, s.count) for s in full.missing
    ]


def test_thread_lines_alone_give_the_same_tree() -> None:
    markup = PAGES["2019"].read_text(encoding="utf-8")
    stripped = re.sub(r'<span class="s1dqr9jy-0 imyGpC">level \d+</span>', "", markup)
    full = reddit.parse(read_input(str(PAGES["2019"])))
    bare = react.parse(page_from_text(stripped))
    assert {c.id: c.parent_id for c in bare.walk()} == {c.id: c.parent_id for c in full.walk()}


def test_no_post_no_comments_is_no_thread() -> None:
    page = page_from_text('<html><body><div data-testid="comment">x</div></body></html>')
    with pytest.raises(NoThreadFound, match="no post and no comments"):
        react.parse(page)


def _row(cid: str, depth: int, body: str) -> str:
    """A 2021-2023 comment row with nothing but its padding and "level N"."""
    return (
        f'<div id="t1_{cid}" style="padding-left:{16 + 21 * depth}px" tabindex="-1">'
        f'<div class="Comment t1_{cid}"><span>level {depth + 1}</span>'
        f'<div data-testid="post-comment-header"><a data-testid="comment_author_link" '
        f'href="/user/u{cid}/">u{cid}</a><a data-testid="comment_timestamp" '
        f'href="/r/x/comments/p1/comment/{cid}/">2 hr. ago</a></div>'
        f'<div data-testid="comment"><p>{body}</p></div>'
        f'<div id="vote-arrows-t1_{cid}"><div>{depth}</div></div></div></div>'
    )


def _page(rows: str) -> str:
    return (
        '<html><head><link rel="canonical" href="https://www.reddit.com/r/x/comments/p1/t/">'
        '</head><body><div data-testid="post-container" id="t3_p1"><div '
        'data-test-id="post-content"><h1>T</h1></div></div>'
        f"<div>{rows}</div></body></html>"
    )


def test_three_thousand_rows() -> None:
    count = 3000
    depths = [n % 10 for n in range(count)]  # ten-deep threads, one after another
    rows = "".join(_row(f"r{n}", d, f"words {n}") for n, d in enumerate(depths))
    page = page_from_text(_page(rows))
    started = time.perf_counter()
    thread = react.parse(page)
    elapsed = time.perf_counter() - started
    comments = list(thread.walk())
    assert len(comments) == count and len(thread.comments) == count // 10
    assert [c.depth for c in comments] == depths
    assert comments[-1].parent_id == f"t1_r{count - 2}"
    assert elapsed < 30, elapsed


def test_a_chain_three_thousand_deep_in_a_flat_list() -> None:
    rows = "".join(_row(f"d{n}", n, f"step {n}") for n in range(3000))
    thread = react.parse(page_from_text(_page(rows)))
    chain = list(thread.walk())
    assert chain[-1].depth == 2999 and chain[-1].parent_id == "t1_d2998"
    assert thread_to_json(thread)["comments"][0]["id"] == "t1_d0"


@st.composite
def _depths(draw: st.DrawFn) -> list[int]:
    depths = [0]
    for _ in range(draw(st.integers(0, 30))):
        depths.append(draw(st.integers(0, depths[-1] + 1)))
    return depths


@settings(max_examples=40, deadline=None)
@given(_depths())
def test_any_depth_sequence_reads_back_as_its_tree(depths: list[int]) -> None:
    rows = "".join(_row(f"n{n}", d, f"w{n}") for n, d in enumerate(depths))
    thread = react.parse(page_from_text(_page(rows)))
    path: list[str] = []
    parents: dict[str, str | None] = {}
    for n, d in enumerate(depths):
        del path[d:]
        parents[f"t1_n{n}"] = path[-1] if path else None
        path.append(f"t1_n{n}")
    assert {c.id: c.parent_id for c in thread.walk()} == parents
    assert [c.depth for c in thread.walk()] == depths


def test_a_post_saved_before_its_comments_loaded() -> None:
    page = page_from_text(_page("").replace("<h1>", '<a data-click-id="subreddit">r/x</a><h1>'))
    assert reddit.react_score(page) >= 0.5
    thread = react.parse(page)
    assert thread.post is not None and thread.post.id == "t3_p1"
    assert (thread.title, thread.community, thread.comments) == ("T", "r/x", [])


_JUNK = st.lists(
    st.sampled_from([
        '<div id="t1_a" style="padding-left:x">', '<div id="moreComments-t1_b">', "</div>",
        '<div id="continueThread-t1_zz">', '<div class="t1_a"><i class="threadline"></i></div>',
        "<span>level 0</span>", "<span>level 99999</span>", '<div data-testid="comment">',
        '<a data-testid="comment_timestamp" href="javascript:x">3 hr. ago</a>', "12 more replies",
        '<a href="/user/">', "</a>", "<span>Score hidden</span>", "<span>1.2k points</span>",
        '<div data-test-id="post-content">', "<h1>", "</h1>", "<p>[deleted]</p>",
        '<span id="CommentTopMeta--OP--t1_a">OP</span>', "Comment removed by moderator",
    ]),
    max_size=40,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(_JUNK)
def test_junk_in_react_words_raises_nothing_but_no_thread(parts: list[str]) -> None:
    page = page_from_text("<html><body>" + "".join(parts) + "</body></html>")
    try:
        thread = react.parse(page)
    except NoThreadFound:
        return
    assert all(c.depth == 0 and c.parent_id is None for c in thread.comments)
    for c in thread.walk():
        assert c.permalink is None or c.permalink.startswith("https://")
        assert all(k.parent_id == c.id and k.depth == c.depth + 1 for k in c.children)
