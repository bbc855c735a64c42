"""old Reddit's page read as a stream (``exporter.page_stream``): the thread it gives is the one
a walk of the whole tree from the top gives, however the page is cut into pieces for the parser,
and whether it is streamed or (under a nesting limit past libxml2's) parsed whole.

The page is invented, in old Reddit's nesting (``div.thing > div.child > div.sitetable >
div.thing``), with what a stream could get wrong: replies read before their parent, a deleted
comment's number, a comment without an entry that has replies, stubs, and things that a walk
from the first ``div.nestedlisting`` never reaches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter import page_stream
from exporter.load import SavedPage, page_from_text, read_input
from exporter.model import Stub, Thread
from exporter.sites import reddit
from exporter.sites.reddit import old

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "2025": ROOT / "samples" / "reddit-old-thread.html",
    "2018": ROOT / "tests" / "data" / "reddit" / "old_2018.html",
}


def _comment(
    key: str | None, body: str, replies: str = "", *, entry: bool = True, after: str = ""
) -> str:
    """A comment thing; ``key`` None is a deleted comment, which old Reddit leaves no id;
    ``after`` follows its replies' listing in its ``div.child``."""
    names = f"id-t1_{key} comment" if key else "deleted comment"
    fullname = f' data-fullname="t1_{key}"' if key else ""
    author = f"u_{key}" if key else "[deleted]"
    entry_html = (
        f'<div class="entry unvoted"><p class="tagline"><a class="author">{author}</a>'
        f'<span class="score unvoted" title="3">3 points</span></p>'
        f'<form class="usertext"><div class="usertext-body"><div class="md"><p>{body}</p>'
        "</div></div></form></div>"
        if entry
        else ""
    )
    return (
        f'<div class=" thing {names} "{fullname} data-subreddit="streams">'
        f'<p class="parent"></p><div class="midcol"></div>{entry_html}'
        f'<div class="child"><div class="sitetable listing">{replies}</div>{after}</div>'
        '<div class="clearleft"></div></div>'
    )


def _more(count: int) -> str:
    return (
        '<div class=" thing morechildren"><div class="entry"><span class="morecomments">'
        f'<a>load more comments <span class="gray">({count} replies)</span></a></span>'
        "</div></div>"
    )


CONTINUE = (
    '<div class=" thing morerecursion"><div class="entry"><span class="deepthread">'
    "<a>continue this thread</a></span></div></div>"
)

PAGE = (
    '<!DOCTYPE html><html><head><title>Streams : streams</title><link rel="canonical" '
    'href="https://www.reddit.com/r/streams/comments/s1/streams/"></head><body>'
    # A comment in the sidebar, before the listing: no walk from the listing reaches it.
    f'<div class="side">{_comment("side", "in the sidebar")}</div>'
    '<div class="content"><div id="siteTable" class="sitetable linklisting">'
    '<div class=" thing id-t3_s1 self link " data-fullname="t3_s1" data-subreddit="streams">'
    '<div class="entry"><p class="title"><a class="title" href="/r/streams/comments/s1/">'
    'Streams</a></p><p class="tagline"><a class="author">op</a></p></div></div></div>'
    '<div class="commentarea"><div class="sitetable nestedlisting">'
    + _comment(
        "a",
        "first",
        _comment(
            "b", "second", _comment(None, "gone?", _comment(None, "under a deleted")) + _more(5)
        )
        + _comment("e", "third"),
        # A second listing in a comment's ``div.child``: only the first holds its replies.
        after=f'<div class="sitetable listing">{_comment("x", "not a reply")}</div>',
    )
    + _comment(None, "deleted at the top")
    + _comment("f", "", _comment("g", "reply to a comment without an entry"), entry=False)
    + CONTINUE
    + "</div></div>"
    # A second listing: a walk from the first one never reaches it.
    + f'<div class="sitetable nestedlisting">{_comment("other", "elsewhere")}</div>'
    + "</div></body></html>"
)


def _page(limit: int | None = None) -> SavedPage:
    page = page_from_text(PAGE, "streams.html")
    if limit is not None:
        page.nesting_limit = limit
    return page


def _shape(thread: Thread) -> list[tuple[str, str | None, int, str]]:
    return [(c.id, c.parent_id, c.depth, c.body_html) for c in thread.walk()]


def test_the_walk_from_the_top_is_what_the_stream_reads() -> None:
    thread = old.parse(_page())
    assert _shape(thread) == [
        ("t1_a", None, 0, "<p>first</p>"),
        ("t1_b", "t1_a", 1, "<p>second</p>"),
        ("deleted-1", "t1_b", 2, "<p>gone?</p>"),
        ("deleted-2", "deleted-1", 3, "<p>under a deleted</p>"),  # numbered in page order
        ("t1_e", "t1_a", 1, "<p>third</p>"),
        ("deleted-3", None, 0, "<p>deleted at the top</p>"),
        ("t1_f", None, 0, ""),
        ("t1_g", "t1_f", 1, "<p>reply to a comment without an entry</p>"),
    ]
    assert thread.missing == [Stub("t1_b", 5), Stub(None, None)]
    assert thread.post is not None and thread.post.id == "t3_s1"
    assert thread.title == "Streams"
    assert thread.url == "https://www.reddit.com/r/streams/comments/s1/streams/"
    assert thread.community == "r/streams"


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_how_the_page_is_cut_changes_nothing(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Fed a few characters at a time, each thing ends (and is read) as soon as the parser
    has its end tag, before anything after it is parsed."""
    whole = old.parse(_page())
    monkeypatch.setattr(page_stream, "CHUNK", chunk)
    assert old.parse(_page()) == whole


def test_parsed_whole_under_a_raised_limit_is_the_same_thread() -> None:
    assert old.parse(_page(10_000)) == old.parse(_page())


@pytest.mark.parametrize("key", sorted(PAGES))
def test_the_samples_stream_as_they_parse_whole(key: str) -> None:
    streamed = old.parse(read_input(str(PAGES[key])))
    whole = read_input(str(PAGES[key]))
    whole.nesting_limit = 10_000
    assert old.parse(whole) == streamed


def test_only_old_reddit_pages_are_streamed() -> None:
    assert reddit.SITE.streams(_page())
    assert reddit.SITE.streams(read_input(str(PAGES["2018"])))
    shreddit = read_input(str(ROOT / "samples" / "reddit-shreddit-thread.html"))
    assert reddit.score(shreddit) > 0 and not reddit.SITE.streams(shreddit)
    paste = read_input(str(ROOT / "tests" / "data" / "reddit" / "paste_old_nocss.txt"))
    assert not reddit.SITE.streams(paste)
    assert not reddit.SITE.streams(page_from_text("<html><body><p>hi</p></body></html>"))
