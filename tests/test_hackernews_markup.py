"""Hacker News markup details: ages, indentation, paragraphs, the pages that are not a
discussion, older layouts, and the book a saved page makes."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import EpubCheck

from exporter.epub import write_epub
from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import thread_to_json
from exporter.page_tree import Element, document
from exporter.sites.hackernews import SITE
from exporter.sites.hackernews.markup import body_html, parse_age_title, points
from exporter.sites.hackernews.rows import row_depth

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hn-item.html"
UTC = timezone.utc


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2023-07-21T18:04:01", datetime(2023, 7, 21, 18, 4, 1, tzinfo=UTC)),
        ("2023-07-23T12:34:56 1690115696", datetime(2023, 7, 23, 12, 34, 56, tzinfo=UTC)),
        # The unix time is the exact one when the two disagree.
        ("2023-07-23T00:00:00 1690115696", datetime(2023, 7, 23, 12, 34, 56, tzinfo=UTC)),
        ("2024-09-16T11:40:43.000000Z", datetime(2024, 9, 16, 11, 40, 43, tzinfo=UTC)),
        ("2024-09-16T13:40:43+02:00", datetime(2024, 9, 16, 11, 40, 43, tzinfo=UTC)),
        ("3 hours ago", None),
        ("", None),
        (None, None),
    ],
)
def test_age_titles(title: str | None, expected: datetime | None) -> None:
    got = parse_age_title(title)
    assert got == expected
    if got is not None:
        assert got.tzinfo is not None and got.utcoffset() == UTC.utcoffset(None)


def _cell(markup: str) -> Element:
    """The one element ``markup`` holds, from the tree the parser reads (``page_tree``)."""
    body = document(f"<html><body>{markup}</body></html>").find("body")
    assert body is not None and len(body) == 1
    return body[0]


@pytest.mark.parametrize(
    ("markup", "depth"),
    [
        ('<td class="ind" indent="3"><img src="s.gif" height="1" width="0"></td>', 3),
        ('<td class="ind"><img src="s.gif" height="1" width="120"></td>', 3),
        ('<td class="ind"><img src="s.gif" height="1" width="0"></td>', 0),
        ('<td class="ind"><img src="s.gif" height="1"></td>', 0),
        ('<td class="ind"></td>', 0),
    ],
)
def test_row_depth(markup: str, depth: int) -> None:
    table = _cell(f"<table><tr>{markup}</tr></table>")
    assert row_depth(next(table.iter("td"))) == depth


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # The server's form: first paragraph bare, the others after unclosed <p>.
        ("<div>One.<p>Two.<p>Three.</div>", "<p>One.</p><p>Two.</p><p>Three.</p>"),
        # A browser's save: the same with closed paragraphs.
        ("<div>One.<p>Two.</p><p>Three.</p></div>", "<p>One.</p><p>Two.</p><p>Three.</p>"),
        ("<div><i>Only</i> one</div>", "<p><i>Only</i> one</p>"),
        (
            "<div>Code:<p><pre><code>  x = 1\n</code></pre>After.</div>",
            "<p>Code:</p><pre><code>  x = 1\n</code></pre><p>After.</p>",
        ),
        ("<div> \n </div>", ""),
        (
            '<span class="c00">Old.<span>\n</span><div class="reply"><p><font size="1"><u>'
            '<a href="reply?id=1">reply</a></u></font></p></div></span>',
            "<p>Old.</p>",
        ),
        ('<div><a href="item?id=7">x</a></div>',
         '<p><a href="https://news.ycombinator.com/item?id=7">x</a></p>'),
        ("<div>Bad<script>alert(1)</script> <b onclick='x()'>bold</b></div>",
         "<p>Bad <b>bold</b></p>"),
    ],
)  # fmt: skip
def test_body_paragraphs(markup: str, expected: str) -> None:
    assert body_html(_cell(markup)) == expected


def test_points() -> None:
    assert [points(t) for t in ("1 point", "412 points", "1,204 points", "hide")] == [
        1, 412, 1204, None,
    ]  # fmt: skip


_TOP = (
    '<html lang="en" op="news"><head><title>Hacker News</title></head><body><center>'
    '<table id="hnmain"><tr><td><table border="0" cellpadding="0" cellspacing="0">'
)


def test_a_list_of_stories_is_ours_but_not_a_thread() -> None:
    rows = "".join(
        f'<tr class="athing submission" id="{i}"><td class="title"><span class="rank">{i}.'
        f'</span></td><td class="title"><span class="titleline"><a href="https://a.example/{i}">'
        f'Story {i}</a></span></td></tr><tr><td colspan="2"></td><td class="subtext">'
        f'<span class="subline"><span class="score">{i} points</span> by <a href="user?id=u" '
        'class="hnuser">u</a></span></td></tr>'
        for i in range(1, 4)
    )
    page = page_from_text(_TOP + rows + "</table></td></tr></table></center></body></html>")
    assert 0.3 < SITE.score(page) < 0.9
    with pytest.raises(NoThreadFound, match="list of stories"):
        SITE.parse(page)


def test_a_page_without_a_thread_raises_no_thread_found() -> None:
    page = page_from_text(_TOP + "</table></td></tr></table></center></body></html>")
    assert SITE.score(page) == 0.0
    with pytest.raises(NoThreadFound, match="item\\?id=NUMBER"):
        SITE.parse(page)


def test_a_story_without_comments() -> None:
    page = page_from_text(
        '<html lang="en" op="item"><body><table id="hnmain"><tr><td><table class="fatitem">'
        '<tr class="athing submission" id="77"><td class="title"><span class="titleline">'
        '<a href="https://b.example/x">A quiet story</a></span></td></tr><tr><td colspan="2">'
        '</td><td class="subtext"><span class="subline"><span class="score">1 point</span> by '
        '<a href="user?id=solo" class="hnuser">solo</a> <span class="age" '
        'title="2025-02-03T04:05:06 1738555506"><a href="item?id=77">just now</a></span> | '
        '<a href="item?id=77">discuss</a></span></td></tr></table></td></tr></table></body></html>'
    )
    assert SITE.score(page) >= 0.9
    thread = SITE.parse(page)
    assert thread.title == "A quiet story" and thread.comments == []
    assert thread.post is not None and thread.post.score == 1 and thread.post.author == "solo"
    assert thread.post.created == datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_a_comments_own_page_makes_that_comment_the_post() -> None:
    head = (
        '<tr class="athing" id="500"><td class="ind"></td><td class="default">'
        '<span class="comhead">'
        '<a href="user?id=wren" class="hnuser">wren</a> <span class="age" '
        'title="2025-03-01T10:00:00 1740823200"><a href="item?id=500">2 hours ago</a></span> '
        '<span class="navs"> | <a href="item?id=400">parent</a> | <span class="onstory"> | on: '
        '<a href="item?id=400">Why kites fly</a></span></span></span><br><div class="comment">'
        '<div class="commtext c00">The focus.<p>Second.</div></div></td></tr>'
    )
    reply = (
        '<tr class="athing comtr" id="501"><td><table><tr><td class="ind" indent="0"></td>'
        '<td class="default"><span class="comhead"><a href="user?id=moss" class="hnuser">moss'
        '</a></span><div class="comment"><div class="commtext c00">A reply.</div></div>'
        "</td></tr></table></td></tr>"
    )
    page = page_from_text(
        '<html lang="en" op="item"><head><title>The focus. | Hacker News</title></head><body>'
        f'<table id="hnmain"><tr><td><table class="fatitem">{head}</table>'
        f'<table class="comment-tree">{reply}</table></td></tr></table></body></html>'
    )
    thread = SITE.parse(page)
    assert thread.title == "wren on: Why kites fly"
    assert thread.url == "https://news.ycombinator.com/item?id=500"
    post = thread.post
    assert post is not None and post.author == "wren" and post.is_op
    assert post.body_html == "<p>The focus.</p><p>Second.</p>"
    assert [(c.id, c.author, c.depth) for c in thread.walk()] == [("501", "moss", 0)]


def test_the_2015_markup_without_comtr_hnuser_or_age_spans() -> None:
    def row(cid: int, width: int, user: str, text: str) -> str:
        return (
            f"<tr class='athing'><td><table border=\"0\"><tr><td class='ind'><img src=\"s.gif\" "
            f'height="1" width="{width}"></td><td valign="top"><center><a id="up_{cid}" '
            f'href="vote?for={cid}&amp;dir=up"><div class="votearrow" title="upvote"></div></a>'
            '</center></td><td class="default"><div><span class="comhead">'
            f'<a href="user?id={user}">{user}</a> <a href="item?id={cid}">3 hours ago</a> '
            '<span class="par"></span></span></div><br><span class="comment">'
            f'<span class="c00">{text}<span>\n</span><div class=\'reply\'><p><font size="1">'
            f'<u><a href="reply?id={cid}">reply</a></u></font></div></span></span></td></tr>'
            "</table></td></tr>"
        )

    page = page_from_text(
        '<html><body><center><table id="hnmain"><tr><td><table border="0">'
        '<tr class=\'athing\'><td class="title"><span class="rank"></span></td>'
        '<td class="title"><a href="https://c.example/">Old times</a><span class="comhead"> '
        '(c.example) </span></td></tr><tr><td colspan="2"></td><td class="subtext">'
        '<span class="score" id="score_9">5 points</span> by <a href="user?id=elder">elder</a> '
        '<a href="item?id=9">4 hours ago</a></td></tr></table><br><br><table border="0">'
        + row(10, 0, "elder", "First<p>second")
        + row(11, 40, "young", "Reply")
        + "</table></td></tr></table></center></body></html>"
    )
    thread = SITE.parse(page)
    assert thread.title == "Old times" and thread.post is not None
    assert (thread.post.author, thread.post.score) == ("elder", 5)
    got = [(c.id, c.parent_id, c.depth, c.author, c.created_text) for c in thread.walk()]
    assert got == [("10", None, 0, "elder", "3 hours ago"), ("11", "10", 1, "young", "3 hours ago")]
    assert thread.comments[0].is_op and thread.comments[0].body_html == "<p>First</p><p>second</p>"


def test_rows_after_a_stray_end_of_the_page_are_read() -> None:
    """libxml2 puts what follows ``</html>`` in a second top-level element: still the page."""

    def row(cid: int) -> str:
        return (
            f'<tr class="athing comtr" id="{cid}"><td><table><tr><td class="ind" indent="0">'
            '</td><td class="default"><span class="comhead"><a href="user?id=ann" class="hnuser">'
            f'ann</a></span><div class="comment"><div class="commtext c00">Text {cid}.</div>'
            "</div></td></tr></table></td></tr>"
        )

    page = page_from_text(
        _TOP + row(1) + "</table></td></tr></table></center></body></html><table>" + row(2)
    )
    got = [(c.id, c.body_html) for c in SITE.parse(page).walk()]
    assert got == [("1", "<p>Text 1.</p>"), ("2", "<p>Text 2.</p>")]


def test_the_sample_dumps_to_json_and_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck
) -> None:
    thread = SITE.parse(read_input(str(SAMPLE)))
    dumped = thread_to_json(thread)
    assert dumped["site"] == "hackernews" and len(dumped["comments"]) == 6
    path = tmp_path / "hn.epub"
    write_epub(thread, path)
    report = epubcheck(path)
    assert report["checker"]["nError"] == 0
