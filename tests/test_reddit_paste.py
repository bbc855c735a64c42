"""Reddit threads pasted as text.

``paste_old_chromium.txt`` is what headless Chromium's select-all gives for
``samples/reddit-old-thread.html`` with old Reddit's display rules applied;
``paste_old_nocss.txt`` the same for ``old_2018.html`` with no stylesheet (a saved page opened
offline); ``paste_shreddit.txt`` is a shreddit copy written by hand in that design's order.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.errors import NoThreadFound
from exporter.load import SavedPage, page_from_text, read_input
from exporter.model import Thread
from exporter.sites import MIN_SCORE, hackernews, lemmy, reddit
from exporter.sites.reddit import paste

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "reddit"
PASTES = ("paste_old_chromium.txt", "paste_old_nocss.txt", "paste_shreddit.txt")
CHROME = ("permalink", "embed", "give award", "[–]", "[+]", "Upvote", "Downvote", "Share")


def _parse(name: str) -> Thread:
    return paste.parse(read_input(str(DATA / name)))


def _row(thread: Thread) -> list[tuple[object, ...]]:
    return [
        (c.author, c.score, c.created_text, c.edited, c.is_op, c.is_moderator, c.is_admin)
        for c in thread.walk()
    ]


def test_detection_is_exclusive() -> None:
    for name in PASTES:
        page = read_input(str(DATA / name))
        assert paste.score(page) >= 0.9, name
        assert lemmy.score(page) < MIN_SCORE and hackernews.score(page) < MIN_SCORE, name
        assert reddit.old_score(page) == 0.0
    others = [
        *sorted((ROOT / "tests" / "data" / "lemmy").glob("paste_*.txt")),
        *sorted((ROOT / "tests" / "data" / "hackernews").glob("paste_*.txt")),
        ROOT / "samples" / "lemmy-pasted.txt",
    ]
    for path in others:
        assert paste.score(read_input(str(path))) == 0.0, path.name
    assert paste.score(read_input(str(ROOT / "samples" / "reddit-old-thread.html"))) == 0.0


def test_the_reddit_site_picks_the_paste_parser() -> None:
    page = read_input(str(DATA / "paste_old_chromium.txt"))
    thread = reddit.parse(page)
    assert thread.site == "reddit" and thread.comment_count() == 16


def test_old_reddit_copy() -> None:
    thread = _parse("paste_old_chromium.txt")
    # The link flair ("Success story") is glued to the title in the copy: nothing tells them apart.
    assert thread.title.endswith("what we changedSuccess story")
    assert (thread.community, thread.site_name) == ("r/RooftopBeekeeping", "reddit.com")
    assert thread.warnings == [paste.NO_STRUCTURE, paste.FLAIR_GLUED]
    assert [(s.parent_id, s.count) for s in thread.missing] == [(None, 3), (None, None), (None, 12)]
    post = thread.post
    assert post is not None
    assert (post.author, post.score, post.created_text, post.edited) == (
        "hive_on_the_ninth", 1287, "10 hours ago", True,
    )  # fmt: skip
    assert post.body_html.startswith("<p>Last year we lost both colonies")
    assert post.body_html.endswith("<p>Photos: the hive in March</p>")
    comments = list(thread.walk())
    # The collapsed comment's reply is hidden by the page, so it is not in the copy.
    assert [c.id for c in comments] == [f"p{n}" for n in range(1, 17)]
    assert all(c.depth == 0 and c.parent_id is None and not c.children for c in comments)
    assert _row(thread) == [
        ("comb_warden", 1, "9 hours ago", None, False, True, False),
        ("marrow_finchZone", 412, "9 hours ago", None, False, False, False),
        ("hive_on_the_ninth", 88, "9 hours ago", True, True, False, False),
        ("hexagon_hal", 57, "8 hours ago", None, False, False, False),
        ("marrow_finch", 12, "7 hours ago", None, False, False, False),
        (None, None, "8 hours ago", None, False, False, False),
        ("perch_and_pollen", 6, "7 hours ago", None, False, False, False),
        ("saltmarsh_sue", None, "2 hours ago", None, False, False, False),
        (None, 1, "6 hours ago", None, False, False, False),
        ("grumbling_drone", -7, "6 hours ago", None, False, False, False),
        ("apiary_admin_kay", 1, "3 hours ago", None, False, False, True),
        ("lintel_and_lath", 9, "5 hours ago", None, False, False, False),
        ("hive_on_the_ninth", 7, "4 hours ago", None, True, False, False),
        ("lintel_and_lath", 5, "4 hours ago", None, False, False, False),
        ("hive_on_the_ninth", 4, "4 hours ago", None, True, False, False),
        ("lintel_and_lath", 3, "3 hours ago", None, False, False, False),
    ]
    by_id = {c.id: c for c in comments}
    assert by_id["p1"].stickied and by_id["p1"].distinguished
    assert by_id["p6"].deleted and by_id["p6"].body_html == ""
    assert by_id["p9"].removed and by_id["p9"].body_html == ""
    assert by_id["p10"].collapsed and by_id["p10"].body_html == ""
    assert by_id["p2"].body_html.startswith("<p>the cluster moved up in January")
    assert "mid December<br/>More in the winter wiki.</p>" in by_id["p2"].body_html
    assert "while True:" in by_id["p4"].body_html
    assert by_id["p16"].body_html == "<p>Smart. Mine blew over once in a storm.</p>"
    for comment in comments:
        for word in CHROME:
            assert word not in comment.body_html, (comment.id, word)


def test_old_reddit_copy_without_the_stylesheet() -> None:
    thread = _parse("paste_old_nocss.txt")
    assert thread.title == (
        "The last keeper of Gannet Rock lighthouse kept a daily logbook for ten years"
    )
    assert thread.community == "r/history"  # from the search box, as the link post has none
    assert thread.post is not None and thread.post.score == 12800  # "12.8k" is all it shows
    assert thread.post.body_html == ""
    # All three score spans show; the middle one is the score.
    assert [c.score for c in thread.walk()] == [1834, 902, 311, 120, None, 15, None, -12, 1]
    collapsed = thread.comments[7]
    assert collapsed.collapsed and "Lighthouses" in collapsed.body_html
    assert [(s.parent_id, s.count) for s in thread.missing] == [
        (None, None),
        (None, 7),
        (None, 214),
    ]
    assert "rotate(360 / panels)" in thread.comments[8].body_html
    assert thread.comments[4].deleted and thread.comments[4].author is None
    for comment in thread.walk():
        assert not any(w in comment.body_html for w in ("permalink", "reply", "report", "save"))


def test_shreddit_copy() -> None:
    thread = _parse("paste_shreddit.txt")
    assert thread.title.startswith("My starter smells like nail polish remover")
    assert thread.community == "r/sourdough"
    assert thread.warnings == [paste.NO_STRUCTURE]
    post = thread.post
    assert post is not None
    assert (post.author, post.score, post.created_text) == ("crumb_cartographer", 214, "6 hr. ago")
    assert post.body_html.startswith("<p>First loaf was great")  # the "Help" flair is left out
    assert _row(thread) == [
        ("proofing_basket_pat", 187, "6h ago", None, False, False, False),
        ("crumb_cartographer", 41, "5h ago", True, True, False, False),
        ("levain_larry", 9, "5h ago", None, False, False, False),
        (None, 3, "4h ago", None, False, False, False),
        ("banneton_bea", None, "4h ago", None, False, False, False),
        ("sourdough-ModTeam", 1, "3h ago", None, False, True, False),
        ("grain_mill_gus", 0, "2h ago", None, False, False, False),
    ]
    comments = list(thread.walk())
    assert comments[3].deleted and comments[6].removed
    assert comments[0].body_html.count("<p>") == 2
    assert "Top 1%" not in comments[0].body_html
    assert comments[4].body_html == (
        "<p>Hooch on top is fine too:</p>\n<p>pour it off for a milder loaf<br/>"
        "stir it in for a tangier one</p>"
    )
    assert [(s.parent_id, s.count) for s in thread.missing] == [
        (None, 3),
        (None, None),
        (None, None),
    ]
    for comment in comments:
        for word in (*CHROME, "reply", "Award", "More posts"):
            assert word not in comment.body_html, (comment.id, word)


def test_one_line_shreddit_headers() -> None:
    text = (
        "u/first_voice • 3h ago\n\nThe whole header on one line.\n\nUpvote\n12\nDownvote\nReply\n\n"
        "second_voice • 2h ago • Edited 1h ago\n\nAnd a reply.\n\nUpvote\n1.2K\nDownvote\nReply\n"
    )
    thread = paste.parse(page_from_text(text))
    assert _row(thread) == [
        ("first_voice", 12, "3h ago", None, False, False, False),
        ("second_voice", 1200, "2h ago", True, False, False, False),
    ]
    assert thread.post is None and thread.title == ""


def test_prose_and_html_are_not_reddit_pastes() -> None:
    prose = page_from_text("Dear diary,\n\nToday I upvoted nothing and replied to no one.\n")
    assert paste.score(prose) == 0.0
    try:
        paste.parse(prose)
    except NoThreadFound as error:
        assert "<text>" in str(error)
    else:  # pragma: no cover
        raise AssertionError("prose parsed as a thread")
    html = SavedPage(text="[–]alice 3 points 1 hour ago (0 children)", is_html=True, source="x")
    assert paste.score(html) == 0.0


_WORDS = st.sampled_from(
    [
        "[–]alice 3 points 2 hours ago (1 child)", "[+]bob [S] 1 point 1 hour ago* (0 children)",
        "[–][deleted] 3 hours ago (0 children)", "permalinkembedsavereportreply",
        "load more comments (4 replies)", "continue this thread", "submitted 3 hours ago by carol",
        "12 commentssharesave", "Upvote", "Downvote", "Vote", "Reply", "•", "5h ago", "OP", "MOD",
        "r/sourdough", "dave", "[deleted]", "3 more replies", "Edited 2h ago", "", "text", "12",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=30)), max_size=40))
def test_paste_parser_never_raises_anything_but_no_thread(lines: list[str]) -> None:
    page = SavedPage(text="\n".join(lines), is_html=False, source="<text>")
    try:
        thread = paste.parse(page)
    except NoThreadFound:
        return
    assert all(c.depth == 0 and c.parent_id is None for c in thread.walk())
    assert all(c.body_html == c.body_html.strip() for c in thread.walk())


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True)
_PARAS = st.lists(
    st.lists(
        st.sampled_from(["bees", "frame", "honey", "smoke", "queen", "wax", "42"]),
        min_size=1,
        max_size=8,
    ).map(" ".join),
    min_size=1,
    max_size=3,
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            _NAMES, st.integers(-50, 5000), st.integers(2, 23), st.sampled_from("SMA "), _PARAS
        ),
        min_size=1,
        max_size=12,
    )
)
def test_old_reddit_copies_round_trip(
    comments: list[tuple[str, int, int, str, list[str]]],
) -> None:
    out = ["jump to content", "my subreddits", "", "all 3 comments", "sorted by:", "best", ""]
    for name, points, hours, role, paras in comments:
        mark = f" [{role}]" if role.strip() else ""
        word = "point" if abs(points) == 1 else "points"
        out.append(f"[–]{name}{mark} {points} {word} {hours} hours ago (0 children)")
        out.append("")
        out.append("\n\n".join(paras))
        out.append("")
        out.append("permalinkembedsavereportgive awardreply")
        out.append("")
    thread = paste.parse(page_from_text("\n".join(out)))
    got = list(thread.walk())
    assert [(c.author, c.score, c.created_text) for c in got] == [
        (name, points, f"{hours} hours ago") for name, points, hours, _, _ in comments
    ]
    assert [(c.is_op, c.is_moderator, c.is_admin) for c in got] == [
        (role == "S", role == "M", role == "A") for _, _, _, role, _ in comments
    ]
    assert [c.body_html for c in got] == [
        "\n".join(f"<p>{p}</p>" for p in paras) for *_, paras in comments
    ]
