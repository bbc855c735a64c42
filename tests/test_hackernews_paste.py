"""Hacker News item pages pasted as text: the story, flat comments, placeholders, detection.

``paste_chrome.txt`` is Chromium's copy of ``samples/hn-item.html`` (written by
``tests/data/hackernews/make_pages.py``); ``paste_firefox.txt`` is a copy of the page with
dead, flagged, deleted and folded comments and a "More" link, without Chromium's tabs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.clean import text_to_html
from exporter.errors import NoThreadFound
from exporter.load import page_from_text
from exporter.merge import MORE_PAGES
from exporter.model import Stub
from exporter.sites import all_sites
from exporter.sites.hackernews import SITE
from exporter.sites.hackernews.paste import (
    NO_STRUCTURE,
    is_comment_head,
    is_story_line,
    parse_text,
    score_text,
)
from exporter.sites.lemmy.paste import score_text as lemmy_score_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "hackernews"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
OTHER_PASTES = [
    *sorted((ROOT / "tests" / "data" / "lemmy").glob("paste_*.txt")),
    ROOT / "samples" / "lemmy-pasted.txt",
]
# Invented Reddit pastes in the shapes its designs copy as: old.reddit and the newer ones.
REDDIT_PASTES = [
    "[–]kestrel_b 14 points 3 hours ago\nSourdough needs time, not heat.\n"
    "permalinkembedsavereportreply\n[–]ovenbird 6 points 2 hours ago\nAgreed.\n"
    "permalinkembedsaveparentreportreply\n",
    "kestrel_b\n•\n3h ago\nSourdough needs time, not heat.\n\n14\nReply\nShare\n\n"
    "ovenbird\n•\n2h ago\nAgreed.\n6\nReply\nShare\n",
    "level 1\nkestrel_b\n· 3 hr. ago\nSourdough needs time, not heat.\n14\nReply\nGive Award\n"
    "Share\nReport\nSave\nlevel 2\novenbird\n· 2 hr. ago\nAgreed.\n6\nReply\n",
]


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_chromium_paste_gives_the_story_and_every_comment_flat() -> None:
    truth = EXPECTED["sample"]
    thread = parse_text(_read("paste_chrome.txt"))
    assert (thread.site, thread.site_name) == ("hackernews", "news.ycombinator.com")
    assert thread.title == truth["title"]
    post = thread.post
    assert post is not None
    assert (post.author, post.score, post.created_text, post.created) == (
        truth["author"], truth["points"], "7 hours ago", None,
    )  # fmt: skip
    assert post.body_html == "<p>Link: tidewright.example</p>"
    comments = list(thread.walk())
    assert [c.author for c in comments] == [t["author"] for t in truth["comments"]]
    assert [(c.id, c.parent_id, c.depth) for c in comments] == [
        (f"p{i + 1}", None, 0) for i in range(len(truth["comments"]))
    ]
    assert thread.comments == comments
    assert [c.is_op for c in comments] == [t["is_op"] for t in truth["comments"]]
    assert thread.warnings == [NO_STRUCTURE] and thread.missing == []
    for comment, expected in zip(comments, truth["comments"], strict=True):
        assert comment.created is None and comment.score is None
        assert comment.created_text is not None and comment.created_text.endswith(" ago")
        assert comment.body_html == text_to_html(expected["text"]), comment.id
        assert "reply" not in re.sub(r"<[^>]+>", "", comment.body_html).split()


def test_paste_with_placeholders_folded_comments_and_more() -> None:
    thread = parse_text(_read("paste_firefox.txt"))
    assert thread.title == "The quiet death of the hospital pager"
    assert thread.post is not None and thread.post.score == 97
    got = [(c.author, c.deleted, c.removed, c.collapsed, c.is_op) for c in thread.walk()]
    assert got == [
        ("lindqvist", False, False, False, False),
        (None, True, False, False, False),
        ("orrin_b", False, False, False, False),
        (None, False, True, False, False),
        ("tamsin", False, False, False, False),
        ("grayling", False, False, False, False),
        ("pikestaff", False, False, False, False),
        ("moth_and_rust", False, False, False, False),
        ("hexagram", False, False, False, False),
        (None, False, True, False, False),
        ("rookfield", False, False, True, True),
    ]
    by_author = {c.author: c for c in thread.walk()}
    assert (
        by_author["grayling"].body_html == "<p>Pagers are a scam run by the paging companies.</p>"
    )
    assert [c.body_html for c in thread.walk() if c.deleted or c.removed] == ["", "", ""]
    assert by_author["rookfield"].body_html == ""
    # "[2 more]" counts the folded comment itself: one reply is not in the paste.
    assert thread.missing == [Stub(parent_id="p11", count=1), Stub(parent_id=None, count=None)]
    assert thread.warnings == [NO_STRUCTURE, MORE_PAGES]


def test_comments_copied_without_the_story() -> None:
    text = "ann 2 hours ago | next [–]\n\nFirst words.\n\nreply\n"
    thread = parse_text(text)
    assert thread.post is None and thread.title == ""
    assert [(c.author, c.body_html) for c in thread.walk()] == [("ann", "<p>First words.</p>")]
    assert thread.warnings == []


def test_job_story_line_without_points_or_author() -> None:
    text = "Tidewright (YC W25) is hiring a firmware engineer\n3 hours ago | hide | past\n"
    thread = parse_text(text)
    assert thread.title == "Tidewright (YC W25) is hiring a firmware engineer"
    assert thread.post is not None and (thread.post.author, thread.post.score) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "quillon 7 hours ago | next [–]",
        "\t\tmarlow_k 6 hours ago | root | parent | prev | next [–]",
        "grayling 6 hours ago [flagged] | prev | next [–]",
        "6 hours ago | parent | next [–]",
        "| prev | next [–]",
        "rookfield 6 hours ago | prev [2 more]",
        "pg on Oct 9, 2006 | parent | next [-]",
        "sama  1 day ago  | prev  | next [–]",
    ],
)
def test_comment_headers(line: str) -> None:
    assert is_comment_head(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "3 days ago",
        "I said this 3 days ago | parent",
        "[–]kestrel_b 14 points 3 hours ago",
        "412 points by marlow_k 7 hours ago | hide | past | favorite | 28 comments",
        "[–]",
        "reply",
    ],
)
def test_not_comment_headers(line: str) -> None:
    assert is_comment_head(line) is None


def test_story_lines() -> None:
    assert is_story_line(
        "412 points by marlow_k 7 hours ago | hide | past | favorite | 28 comments"
    )
    assert is_story_line("1 point by solo just now | hide | past | favorite | discuss")
    assert is_story_line("3 hours ago | hide | past")
    assert not is_story_line("quillon 7 hours ago | next [–]")
    assert not is_story_line("It took 3 hours ago to say")


def test_detection_separates_hacker_news_from_lemmy_and_reddit_pastes() -> None:
    for name in ("paste_chrome.txt", "paste_firefox.txt"):
        text = _read(name)
        assert score_text(text) >= 0.9
        assert lemmy_score_text(text) == 0.0
        page = page_from_text(text)
        for other in all_sites():
            if other.key != SITE.key:
                assert other.score(page) < SITE.score(page), (other.key, name)
    for path in OTHER_PASTES:
        assert score_text(path.read_text(encoding="utf-8")) == 0.0, path.name
    for text in REDDIT_PASTES:
        assert score_text(text) == 0.0
        with pytest.raises(NoThreadFound):
            parse_text(text)


def test_prose_is_not_a_thread() -> None:
    text = "We left 3 days ago.\nThe next train | the parent company\nreply soon\n"
    assert score_text(text) == 0.0
    with pytest.raises(NoThreadFound, match="Hacker News"):
        parse_text(text)


_LINES = st.sampled_from(
    [
        "ann 2 hours ago | next [–]", "| prev | next [–]", "reply", "More", "", "[deleted]",
        "[flagged]", "12 points by bob 3 hours ago | hide | past | favorite | 4 comments",
        "Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact", "Search:",
        "A title (example.com)", "bob 1 day ago [dead] | parent | prev [3 more]", "\t\t", "\xa0",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=30))
def test_parse_text_only_ever_raises_no_thread_found(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        thread = parse_text(text)
    except NoThreadFound:
        return
    for comment in thread.walk():
        assert comment.depth == 0 and comment.parent_id is None
    assert 0.0 <= score_text(text) <= 1.0


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{1,12}", fullmatch=True)
_WORDS = st.lists(
    st.sampled_from(["tide", "clock", "cell", "µA", "42", "naïve", "—", "ok.", "(sic)"]),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(_NAMES, st.integers(1, 23), st.lists(_WORDS, min_size=1, max_size=3)),
        min_size=1,
        max_size=8,
    )
)
def test_pasted_comments_come_back_in_order(
    comments: list[tuple[str, int, list[str]]],
) -> None:
    out = ["A built title (example.org)", "5 points by op 1 day ago | hide | past | favorite"]
    for i, (name, hours, paragraphs) in enumerate(comments):
        words = "next" if i == 0 else "prev | next"
        out += ["", f"{name} {hours} hours ago | {words} [–]", "", "\n\n".join(paragraphs)]
        out += ["", "reply"]
    thread = parse_text("\n".join(out))
    assert thread.title == "A built title"
    got = [(c.author, c.created_text, c.body_html) for c in thread.walk()]
    assert got == [
        (name, f"{hours} hours ago", text_to_html("\n\n".join(paragraphs)))
        for name, hours, paragraphs in comments
    ]
