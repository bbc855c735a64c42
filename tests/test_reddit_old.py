"""old.reddit.com pages: a 2025 save (``samples/reddit-old-thread.html``) and a 2018 one.

Both are invented threads written in old Reddit's real markup (page chrome, ``<form>``-wrapped
bodies, the three score spans, deleted comments without ids, "load more comments" and
"continue this thread"); ``tests/data/reddit/old_expected.json`` is the truth they were written
from.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import EpubCheck

from exporter.clean import join_url
from exporter.errors import NoThreadFound
from exporter.load import SavedPage, page_from_text, read_input
from exporter.model import Comment, Thread
from exporter.sites import lemmy, reddit
from exporter.sites.reddit import common, old

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "reddit"
PAGES = {"2025": ROOT / "samples" / "reddit-old-thread.html", "2018": DATA / "old_2018.html"}
EXPECTED: dict[str, Any] = json.loads((DATA / "old_expected.json").read_text(encoding="utf-8"))
CHROME = ("permalink", "embed", "report", "give award", "reply", "[–]", "[+]", "points", "save")


@pytest.fixture(scope="module", params=sorted(PAGES))
def case(request: pytest.FixtureRequest) -> tuple[Thread, dict[str, Any]]:
    key = str(request.param)
    return old.parse(read_input(str(PAGES[key]))), EXPECTED[key]


def _by_id(thread: Thread) -> dict[str, Comment]:
    return {c.id: c for c in thread.walk()}


def _flatten(roots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node["children"]))
    return out


def _iso(value: datetime | bool | None) -> str | bool | None:
    return value.isoformat() if isinstance(value, datetime) else value


def test_detected_as_old_reddit_and_not_as_lemmy() -> None:
    for path in PAGES.values():
        page = read_input(str(path))
        assert reddit.old_score(page) >= 0.9
        assert lemmy.score(page) == 0.0


def test_lemmy_pages_and_text_are_not_old_reddit() -> None:
    for path in [
        ROOT / "samples" / "lemmy-saved-post.html",
        *sorted(ROOT.glob("tests/data/lemmy/*")),
    ]:
        if path.suffix in {".html", ".txt"}:
            assert reddit.old_score(read_input(str(path))) == 0.0, path.name
    assert reddit.old_score(page_from_text("[–]alice 12 points 3 hours ago\nhello")) == 0.0


def test_tree_shape_and_every_field(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, truth = case
    got = list(thread.walk())
    want = _flatten(truth["comments"])
    assert [c.id for c in got] == [w["id"] for w in want]
    for comment, expected in zip(got, want, strict=True):
        assert comment.parent_id == expected["parent_id"], comment.id
        assert comment.depth == expected["depth"], comment.id
        assert [k.id for k in comment.children] == [k["id"] for k in expected["children"]]
        assert comment.author == expected["author"], comment.id
        assert comment.score == expected["score"], comment.id
        assert _iso(comment.created) == expected["created"], comment.id
        assert comment.created_text is None
        assert _iso(comment.edited) == expected["edited"], comment.id
        assert comment.permalink == expected["permalink"], comment.id
        for flag in ("is_op", "is_moderator", "is_admin", "stickied", "collapsed"):
            assert getattr(comment, flag) == expected[flag], (comment.id, flag)
        assert comment.deleted == expected["deleted"], comment.id
        assert comment.removed == expected["removed"], comment.id
        assert comment.created is not None and comment.created.tzinfo is not None


def test_thread_fields(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, truth = case
    assert thread.title == truth["title"]
    assert thread.url == truth["url"]
    assert thread.site == "reddit"
    assert thread.site_name == "reddit.com"
    assert thread.community == truth["community"]
    assert [(s.parent_id, s.count) for s in thread.missing] == [
        (s["parent_id"], s["count"]) for s in truth["missing"]
    ]
    assert thread.warnings == []


def test_post(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, truth = case
    post, want = thread.post, truth["post"]
    assert post is not None
    assert (post.id, post.author, post.score) == (want["id"], want["author"], want["score"])
    assert _iso(post.created) == want["created"]
    assert _iso(post.edited) == want["edited"]
    assert post.is_op and post.depth == 0 and post.parent_id is None
    if want["link"]:
        assert f'<a href="{want["link"]}">' in post.body_html
    else:
        assert "<strong>ventilation</strong>" in post.body_html
        assert "<blockquote>" in post.body_html
    for word in (">share<", "crosspost", ">hide<", "thing_id", "submitted"):
        assert word not in post.body_html


def test_bodies_keep_formatting_and_drop_page_chrome(case: tuple[Thread, dict[str, Any]]) -> None:
    thread, _ = case
    for comment in thread.walk():
        assert comment.body_html == comment.body_html.strip()
        lowered = comment.body_html.lower()
        for word in CHROME:
            assert word not in lowered, (comment.id, word)
        assert "<form" not in lowered and "<input" not in lowered
    bodies = " ".join(c.body_html for c in thread.walk())
    assert "<pre><code>" in bodies
    assert "\n    " in bodies, "code indentation is kept"


def test_2025_details() -> None:
    thread = old.parse(read_input(str(PAGES["2025"])))
    by_id = _by_id(thread)
    quote = by_id["t1_mq1bb02"].body_html
    assert "<blockquote>" in quote and "<ol>" in quote and "<del>a tarp</del>" in quote
    assert '<a href="https://old.reddit.com/r/RooftopBeekeeping/wiki/winter">' in quote
    sticky = by_id["t1_mq1aa01"]
    assert sticky.stickied and sticky.is_moderator and sticky.distinguished
    assert '<a href="https://old.reddit.com/r/RooftopBeekeeping/wiki/rules">' in sticky.body_html
    admin = by_id["t1_mq1gg08"]
    assert admin.is_admin and admin.distinguished and "<ul>" in admin.body_html
    # The deleted comment lost its ids; the form's hidden thing_id still names it.
    gone = by_id["t1_mq1bb13"]
    assert gone.deleted and gone.author is None and gone.body_html == "" and gone.score is None
    assert [c.id for c in gone.children] == ["t1_mq1bb14"]
    removed = by_id["t1_mq1ee05"]
    assert removed.removed and not removed.deleted and removed.body_html == ""
    collapsed = by_id["t1_mq1ff06"]
    assert collapsed.collapsed and collapsed.score == -7 and "countryside" in collapsed.body_html
    assert by_id["t1_mq1cc03"].score is None  # [score hidden]
    assert by_id["t1_mq1bb02"].author == "marrow_finch"  # the flair is not part of the name


def test_2018_details() -> None:
    thread = old.parse(read_input(str(PAGES["2018"])))
    by_id = _by_id(thread)
    gone = by_id["deleted-1"]
    assert gone.deleted and gone.author is None and gone.permalink is None
    assert gone.parent_id == "t1_e0k2a11" and [c.id for c in gone.children] == ["t1_e0k2e55"]
    assert by_id["t1_e0k2a11"].score == 1834  # no title: read from "1834 points"
    assert by_id["t1_e0k2h88"].score == 1  # "1 point"
    assert thread.post is not None and thread.post.score == 12803  # title, not "12.8k"


def _chain_page(depth: int) -> str:
    """An old-Reddit comment area ``depth`` replies deep, in the real nesting."""
    head = (
        '<!doctype html><html><head><link rel="canonical" '
        'href="https://www.reddit.com/r/chains/comments/abc123/deep/" /></head><body>'
        '<div class="content"><div class="commentarea">'
        '<div id="siteTable_t3_abc123" class="sitetable nestedlisting">'
    )
    opening = (
        '<div class=" thing id-t1_k{i} noncollapsed &#32; comment " data-fullname="t1_k{i}" '
        'data-type="comment" data-subreddit="chains"><div class="entry unvoted">'
        '<p class="tagline"><a class="author may-blank" href="/user/u{i}">u{i}</a>&#32;'
        '<span class="score unvoted" title="{i}">{i} points</span>&#32;'
        '<time datetime="2024-05-01T10:00:00+00:00">1 day ago</time></p>'
        '<form action="#" class="usertext"><div class="usertext-body"><div class="md">'
        "<p>reply {i}</p></div></div></form></div>"
        '<div class="child"><div class="sitetable listing">'
    )
    parts = [head]
    parts.extend(opening.format(i=i) for i in range(depth))
    parts.append("</div></div></div>" * depth)
    parts.append("</div></div></div></body></html>")
    return "".join(parts)


def test_a_3000_deep_chain_parses_without_recursion() -> None:
    depth = 3000
    page = page_from_text(_chain_page(depth), "chain.html")
    page.nesting_limit = 10_000  # 9,000 levels: the page is parsed whole (``page_stream``)
    assert reddit.old_score(page) >= 0.9
    assert page.soup is not None  # bs4 builds deep trees slowly (quadratic); not timed here
    started = time.perf_counter()
    thread = old.parse(page)
    elapsed = time.perf_counter() - started
    chain = list(thread.walk())
    assert len(chain) == depth
    assert [c.depth for c in chain] == list(range(depth))
    assert all(c.parent_id == (f"t1_k{i - 1}" if i else None) for i, c in enumerate(chain))
    assert chain[-1].body_html == f"<p>reply {depth - 1}</p>"
    assert chain[-1].score == depth - 1
    assert thread.community == "r/chains"
    assert elapsed < 10


def test_a_page_without_post_or_comments_is_no_thread() -> None:
    page = page_from_text(
        '<html><body><div class="sitetable nestedlisting"></div><div class="commentarea">'
        "</div></body></html>",
        "empty.html",
    )
    with pytest.raises(NoThreadFound, match=r"empty\.html"):
        old.parse(page)


def test_single_comment_thread_is_said() -> None:
    html = read_input(str(PAGES["2025"])).text.replace(
        "<div class='commentarea'>",
        "<div class='commentarea'><div class=\"infobar\">you are viewing a single comment's "
        'thread.<a href="/r/x/comments/y/z/">view the rest of the comments</a></div>',
    )
    assert old.parse(page_from_text(html, "single.html")).warnings == [old.SINGLE_THREAD]


def test_real_world_quirks_on_a_minimal_page() -> None:
    """Relative time only, a '1.2k points' text score, a comment with no entry at all."""
    html = (
        '<html><body><div class="sitetable nestedlisting">'
        '<div class=" thing noncollapsed comment "><div class="entry">'
        '<p class="tagline"><span class="author">[deleted]</span>'
        '<span class="score unvoted">1.2k points</span><time>3 hours ago</time>'
        "<em>*</em></p>"
        '<div class="usertext-body"><div class="md"><p>[removed]</p></div></div></div></div>'
        '<div class=" thing id-t1_zz9 comment "></div>'
        "</div></body></html>"
    )
    thread = old.parse(page_from_text(html, "mini.html"))
    first, second = thread.comments
    assert (first.id, first.author, first.score) == ("deleted-1", None, 1200)
    assert (first.created, first.created_text, first.edited) == (None, "3 hours ago", True)
    assert first.removed and first.body_html == ""
    assert (second.id, second.author, second.body_html) == ("t1_zz9", None, "")
    assert thread.title == "" and thread.post is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("35 points", 35),
        ("1 point", 1),
        ("-7 points", -7),
        ("1,234 points", 1234),
        ("12.8k", 12800),
        ("1.2M", 1_200_000),
        ("[score hidden]", None),
        ("•", None),
        ("Vote", None),
        ("", None),
        ("3.5", None),
    ],
)
def test_parse_score(text: str, value: int | None) -> None:
    assert common.parse_score(text) == value


def test_parse_time_is_aware_utc() -> None:
    utc = timezone.utc
    assert common.parse_time("2015-07-01T09:06:34-07:00") == datetime(
        2015, 7, 1, 16, 6, 34, tzinfo=utc
    )
    assert common.parse_time("2024-03-02T10:11:12.345678901Z") == datetime(
        2024, 3, 2, 10, 11, 12, 345678, tzinfo=utc
    )
    assert common.parse_time("2024-03-02T10:11:12") == datetime(2024, 3, 2, 10, 11, 12, tzinfo=utc)
    assert common.parse_time("yesterday") is None
    assert common.parse_epoch_ms("1741939511000") == datetime(2025, 3, 14, 8, 5, 11, tzinfo=utc)


def test_small_helpers() -> None:
    assert common.gone_marker(" [deleted] ") == "deleted"
    assert common.gone_marker("[removed]") == "removed"
    assert common.gone_marker("deleted") is None
    assert common.author_name("u/alice") == "alice" and common.author_name("[deleted]") is None
    assert common.community("/r/AskHistorians/") == "r/AskHistorians"
    assert (
        common.subreddit_of("https://old.reddit.com/r/beekeeping/comments/x/y/") == "r/beekeeping"
    )
    assert common.absolute("/r/a/comments/b/") == "https://old.reddit.com/r/a/comments/b/"
    assert common.absolute("javascript:void(0)") is None
    assert common.is_relative_time("3 hr. ago") and common.is_relative_time("17 hours ago")
    assert not common.is_relative_time("3 hours")
    assert common.fullname("t1", "abc") == "t1_abc" and common.fullname("t1", "t1_abc") == "t1_abc"


@pytest.mark.parametrize(
    "url",
    [
        "/r/a/comments/b/c/d/",
        "/r/a/comments/b/c/d",
        "/r/a//b/",
        "/r/a/./b/",
        "/r/a/../b/",
        "/r/a/b/.",
        "/r/a/.hidden/",
        "/r/a/b?",
        "/r/a/b?x=1#frag",
        "/r/a/b#",
        "/r/a;params/b",
        "/r/a/b;",
        "/r/a\tb/\nc",
        "/r/ä b\\c/",
        "//example.com/x",
        "r/a/b/",
        "https://old.reddit.com/r/a/",
    ],
)
def test_absolute_agrees_with_urljoin(url: str) -> None:
    """``absolute`` joins a plain root path without urljoin: the same address either way."""
    for base in (common.OLD_BASE, common.WWW_BASE):
        assert common.absolute(url, base) == join_url(base + "/", url)


def test_not_html_is_not_old_reddit() -> None:
    page = SavedPage(text="sitetable nestedlisting thing", is_html=False, source="x.txt")
    assert reddit.old_score(page) == 0.0


def test_the_sample_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    from exporter import write_epub

    thread = old.parse(read_input(str(PAGES["2025"])))
    out = tmp_path / "rooftop.epub"
    write_epub(thread, out)
    epubcheck(out)


def test_the_other_reddit_designs_are_not_old_reddit() -> None:
    others = [*sorted(DATA.glob("react_*.html")), *sorted(DATA.glob("shreddit_*.html"))]
    others += sorted((ROOT / "samples").glob("reddit-shreddit-*.html"))
    for path in others:
        assert reddit.old_score(read_input(str(path))) == 0.0, path.name


def test_link_post_whose_title_link_holds_only_text() -> None:
    """Without ``data-url``, a link post's target is its title link's ``href``, whether or not
    that link holds any element (an lxml element with no children tests false)."""
    html = (
        '<html><body><div class=" thing id-t3_lp1 link " data-fullname="t3_lp1">'
        '<div class="entry"><p class="title">'
        '<a class="title" href="https://example.com/article">An article</a></p>'
        '<p class="tagline"><a class="author">poster</a></p></div></div>'
        '<div class="commentarea"><div class="sitetable nestedlisting"></div></div>'
        "</body></html>"
    )
    post = old.parse(page_from_text(html, "link.html")).post
    assert post is not None
    assert '<a href="https://example.com/article">' in post.body_html
