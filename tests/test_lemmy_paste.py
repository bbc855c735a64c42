"""Lemmy threads pasted as text: the three forms, the hard header/body boundaries, and detection.

The pastes under tests/data/lemmy are invented threads written in the exact shapes lemmy-ui
produces (bullets, Chromium clipboard, innerText); the property tests build such pastes from
random trees and check that the same tree comes back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.clean import text_to_html
from exporter.errors import NoThreadFound
from exporter.model import Comment, Stub, Thread
from exporter.sites.lemmy.paste import NO_STRUCTURE, parse_text, score_text
from exporter.sites.lemmy.paste_lines import (
    ICONS,
    ICONS_DISTINCT,
    clean_name,
    instance_of,
    is_badge,
    language_code,
    name_like,
    plausible_name,
    split_name,
    split_votes,
)

DATA = Path(__file__).parent / "data" / "lemmy"
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "lemmy-pasted.txt"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _flags(c: Comment) -> set[str]:
    named = {
        "op": c.is_op,
        "mod": c.is_moderator,
        "admin": c.is_admin,
        "deleted": c.deleted,
        "removed": c.removed,
    }
    return {name for name, on in named.items() if on}


def _row(c: Comment) -> tuple[object, ...]:
    return (c.id, c.parent_id, c.depth, c.author, c.author_id, _flags(c), c.score, c.upvotes,
            c.downvotes, c.created_text, c.edited)  # fmt: skip


def _assert_no_icons(thread: Thread) -> None:
    comments = list(thread.walk()) + ([thread.post] if thread.post else [])
    for comment in comments:
        for icon in ICONS_DISTINCT | {"link", "fedilink"}:
            assert f">{icon}<" not in comment.body_html, (comment.id, icon)
            assert f">{icon}<br/>" not in comment.body_html and f"<br/>{icon}<" not in (
                comment.body_html
            )


# ---------------------------------------------------------------------------------- bullets


def test_bullets_form_keeps_the_reply_tree() -> None:
    thread = parse_text(_read("paste_bullets.txt"))
    mara, dan = "Mara Okonkwo@pedal.town", "Dan (he/him)@wrench.social"
    assert [_row(c) for c in thread.walk()] == [
        ("p1", None, 0, "Rosa Beltrán 🚲", "Rosa Beltrán 🚲@spokes.club", set(), 21, 23, 2,
         "3 days ago", None),
        ("p2", "p1", 1, "Mara Okonkwo", mara, {"op"}, 11, 11, 0, "3 days ago", None),
        ("p3", "p2", 2, "Dan (he/him)", dan, set(), 5, 5, 0, "2 days ago", True),
        ("p4", "p3", 3, "Mara Okonkwo", mara, {"op"}, 4, 4, 0, "2 days ago", None),
        ("p5", "p2", 2, "tinkerer_42", "tinkerer_42@spokes.club", {"deleted"}, -2, 1, 3,
         "2 days ago", None),
        ("p6", "p1", 1, "مريم الدراجة", "مريم الدراجة@pedal.town", set(), 6, 6, 0,
         "2 days ago", None),
        ("p7", None, 0, "troll_account", "troll_account@spam.example", {"removed"}, -9, 0, 9,
         "2 days ago", None),
        ("p8", "p7", 1, "Wheel Mod", "Wheel Mod@pedal.town", {"mod"}, 8, 8, 0, "1 day ago",
         None),
        ("p9", None, 0, "Ilse (site admin)", "Ilse (site admin)@pedal.town", {"admin"}, 12,
         12, 0, "1 day ago", None),
        ("p10", None, 0, "Кирилл Велосипедов", "Кирилл Велосипедов@wrench.social", set(), 3,
         3, 0, "20 hours ago", None),
    ]  # fmt: skip
    assert [c.id for c in thread.comments] == ["p1", "p7", "p9", "p10"]
    assert [c.id for c in thread.comments[0].children] == ["p2", "p6"]
    assert all(c.created is None for c in thread.walk())
    assert thread.missing == [Stub(parent_id="p6", count=2)]
    assert thread.warnings == []
    assert (thread.site, thread.site_name, thread.title, thread.post) == (
        "lemmy", "pedal.town", "", None
    )  # fmt: skip
    assert thread.language is None  # one comment is in Russian
    _assert_no_icons(thread)


def test_bullets_form_bodies() -> None:
    by_id = {c.id: c for c in parse_text(_read("paste_bullets.txt")).walk()}
    assert by_id["p2"].body_html == (
        "<p>Did exactly that last night. The shell is stamped</p>\n<p>English</p>\n"
        "<p>so at least I bought the right cups. Still clicks on every left pedal stroke "
        "though.</p>"
    )
    assert by_id["p3"].body_html == (
        "<p>Check the pedal threads too. The numbers I use:</p>\n"
        "<p>drive_side_cup = 40  # N·m<br/>pedals = 35</p>\n"
        "<p>If it still clicks after that, it is the seatpost.</p>"
    )
    assert by_id["p4"].body_html == "<p>Yes.</p>"
    assert by_id["p5"].body_html == by_id["p7"].body_html == ""
    assert "2 more replies" not in by_id["p6"].body_html
    assert by_id["p6"].body_html.endswith("شكرا للجميع</p>")
    assert by_id["p10"].body_html == "<p>Смазка решает всё.</p>\n<p>Grease fixes everything.</p>"


def test_icon_words_never_reach_bodies() -> None:
    paste = (
        "• Nel@pedal.town\n    link\n    fedilink\n    arrow-up\n    3\n    ·\n    an hour ago\n\n"
        "    First line.\n    message-square\n    Second line about the link\n\n"
        "    arrow-up\n    3\n    arrow-down\n    reply1\n    more-vertical\n"
    )
    thread = parse_text(paste)
    assert thread.comments[0].body_html == ("<p>First line.<br/>Second line about the link</p>")
    assert thread.comments[0].created_text == "an hour ago"


def test_a_list_in_a_body_is_not_a_comment() -> None:
    paste = (
        "• Nel@pedal.town\n    fedilink\n    2 days ago\n\n    Things to check:\n\n"
        "    • chain line\n    • cleats\n\n"
        "    • Ode@spokes.club\n      fedilink\n      a day ago\n\n      The cleats.\n"
    )
    thread = parse_text(paste)
    assert [(c.author, c.depth) for c in thread.walk()] == [("Nel", 0), ("Ode", 1)]
    assert thread.comments[0].body_html == (
        "<p>Things to check:</p>\n<p>• chain line<br/>• cleats</p>"
    )


def test_the_sample_is_a_deep_bullets_paste() -> None:
    thread = parse_text(SAMPLE.read_text(encoding="utf-8"))
    depths = [c.depth for c in thread.walk()]
    assert 8 <= len(depths) <= 12 and max(depths) == 3
    assert thread.missing == [Stub(parent_id="p8", count=3)]
    _assert_no_icons(thread)


def test_text_above_the_first_comment_that_is_no_post_is_reported() -> None:
    paste = "Copied from my phone\n\n" + _read("paste_bullets.txt")
    thread = parse_text(paste)
    assert thread.post is None and thread.comment_count() == 10
    assert thread.warnings == ["Skipped 1 line(s) above the first comment that are no post."]


# -------------------------------------------------------------------------------- clipboard


def test_clipboard_form_flat_comments_and_post() -> None:
    thread = parse_text(_read("paste_clipboard.txt"))
    rows = [(c.author, c.author_id, _flags(c)) for c in thread.walk()]
    assert rows == [
        ("Rosa Beltrán 🚲", None, set()),
        ("Mara Okonkwo", "Mara Okonkwo@pedal.town", {"op"}),
        ("Dan (he/him)", "Dan (he/him)@wrench.social", set()),
        ("Mara Okonkwo", "Mara Okonkwo@pedal.town", {"op"}),
        ("tinkerer_42", None, {"deleted"}),
        ("مريم الدراجة", "مريم الدراجة@pedal.town", set()),
        ("troll_account", "troll_account@spam.example", {"removed"}),
        ("Wheel Mod", "Wheel Mod@pedal.town", {"mod"}),
        ("Ilse (site admin)", None, {"admin"}),
        ("Кирилл Велосипедов", "Кирилл Велосипедов@wrench.social", set()),
        ("Pedro", None, set()),
    ]
    assert [c.id for c in thread.comments] == [f"p{n}" for n in range(1, 12)]
    assert all(c.depth == 0 and c.parent_id is None and not c.children for c in thread.comments)
    assert all((c.score, c.upvotes, c.created_text) == (None, None, None) for c in thread.walk())
    assert thread.warnings == [NO_STRUCTURE]
    assert thread.missing == []
    assert (thread.title, thread.community, thread.site_name) == (
        "Creaking bottom bracket: what finally fixed it for you?", "Bicycle Repair", "pedal.town"
    )  # fmt: skip
    post = thread.post
    assert post is not None
    assert (post.author, post.author_id, post.is_op, post.score, post.created_text) == (
        "Mara Okonkwo", "Mara Okonkwo@pedal.town", True, None, None
    )  # fmt: skip
    assert post.body_html == (
        "<p>My 2019 gravel bike creaks on every hard pedal stroke. Things I have already "
        "tried:</p>\n<p>New pedals<br/>Greasing the seatpost<br/>Tightening the chainring "
        "bolts<br/>None of it helped. What finally fixed yours?</p>"
    )


def test_clipboard_form_bodies_stay_in_their_comment() -> None:
    by_id = {c.id: c for c in parse_text(_read("paste_clipboard.txt")).walk()}
    assert "<p>English</p>" in by_id["p2"].body_html  # a body line that is a language name
    assert by_id["p3"].body_html == (
        "<p>Check the pedal threads too. The numbers I use:</p>\n"
        "<p>drive_side_cup = 40  # N·m<br/>pedals = 35<br/>"
        "If it still clicks after that, it is the seatpost.</p>"
    )
    assert by_id["p4"].body_html == "<p>Yes.</p>"
    assert by_id["p9"].body_html.endswith(
        "<p>Creaking that only shows up under load<br/>is now the first entry.</p>"
    )
    assert by_id["p11"].body_html == "<p>Thanks</p>"  # bare name, one-word body


def test_clipboard_without_the_login_line() -> None:
    text = _read("paste_clipboard.txt").replace("\nYou must log in or register to comment.", "")
    thread = parse_text(text)
    assert thread.post is not None and thread.post.body_html.endswith("fixed yours?</p>")
    assert [c.author for c in thread.walk()][:2] == ["Rosa Beltrán 🚲", "Mara Okonkwo"]
    assert thread.comment_count() == 11


# -------------------------------------------------------------------------------- innertext


def test_innertext_form_votes_times_and_stub() -> None:
    thread = parse_text(_read("paste_innertext.txt"))
    comments = list(thread.walk())
    assert [c.author for c in comments] == [
        "Rosa Beltrán 🚲", "Mara Okonkwo", "Dan (he/him)", "Mara Okonkwo", "tinkerer_42",
        "مريم الدراجة", "troll_account", "Wheel Mod", "Ilse (site admin)", "Кирилл Велосипедов",
        "Pedro", "Mara Okonkwo",
    ]  # fmt: skip
    # "232·" and "11·" could be split more than one way; "09·" and "20·" only one.
    assert [(c.score, c.upvotes, c.downvotes) for c in comments] == [
        (None, None, None), (None, None, None), (5, 5, 0), (4, 4, 0), (None, None, None),
        (6, 6, 0), (-9, 0, 9), (20, 20, 0), (None, None, None), (3, 3, 0), (2, 2, 0), (2, 2, 0),
    ]  # fmt: skip
    assert [c.created_text for c in comments][::3] == [
        "3 days ago", "2 days ago", "2 days ago", "20 hours ago"
    ]  # fmt: skip
    assert [_flags(c) for c in comments] == [
        set(), {"op"}, set(), {"op"}, {"deleted"}, set(), {"removed"}, {"mod"}, {"admin"}, set(),
        set(), {"op"},
    ]  # fmt: skip
    assert all(c.depth == 0 and c.created is None for c in comments)
    assert thread.missing == [Stub(parent_id="p6", count=2)]
    assert thread.warnings == [NO_STRUCTURE]
    post = thread.post
    assert post is not None
    assert (post.score, post.created_text, post.author) == (42, "4 days ago", "Mara Okonkwo")
    assert "You must log in" not in post.body_html and "Chat" not in post.body_html
    _assert_no_icons(thread)


def test_innertext_bodies_that_look_like_header_lines() -> None:
    by_id = {c.id: c for c in parse_text(_read("paste_innertext.txt")).walk()}
    assert by_id["p12"].body_html == "<p>English</p>"  # the whole body is a language name
    assert by_id["p3"].body_html == (
        "<p>Check the pedal threads too. The numbers I use:</p>\n"
        "<p>drive_side_cup = 40  # N·m<br/>pedals = 35</p>\n"
        "<p>If it still clicks after that, it is the seatpost.</p>"
    )
    assert by_id["p6"].body_html.endswith("شكرا للجميع</p>")
    assert by_id["p4"].body_html == "<p>Yes.</p>"


def test_innertext_time_line_inside_a_body_is_text() -> None:
    paste = (
        "Nel\n@pedal.town\n3·\n2 days ago\n\nI fixed it\n2 days ago\n\nand it stayed fixed.\n\n"
        "Ode\n@spokes.club\nEnglish\n4·\nan hour ago\n\nGood.\n\n"
        "Pia\nEnglish\n1·\njust now\n\nAgreed."
    )
    thread = parse_text(paste)
    assert [c.author for c in thread.walk()] == ["Nel", "Ode", "Pia"]
    assert thread.comments[0].body_html == (
        "<p>I fixed it<br/>2 days ago</p>\n<p>and it stayed fixed.</p>"
    )
    assert thread.language == "en"  # every language badge shown says English


# --------------------------------------------------------------------------- line vocabulary


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("9·", (9, 9, 0)),
        ("10·", (10, 10, 0)),
        ("200·", (200, 200, 0)),
        ("09·", (-9, 0, 9)),
        ("0·", (0, 0, 0)),
        ("885·", (None, None, None)),  # 885 up, or 88 up and 5 down
        ("14·", (None, None, None)),  # 14 up, or 1 up and 4 down
        ("105·", (None, None, None)),
        ("83·885·", (83, None, None)),  # a score shown apart is read as it is
        ("1.2K·", (None, None, None)),
    ],
)
def test_run_together_votes_only_when_unambiguous(
    line: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert split_votes(line) == expected


@pytest.mark.parametrize(
    ("line", "bare", "expected"),
    [
        ("☆ Qùïet Øtter ☆@crumb.socialOP", True, ("☆ Qùïet Øtter ☆", "crumb.social", {"op"})),
        ("Quiet Otter [she/her]@hexbear.net", True, ("Quiet Otter", "hexbear.net", set())),
        ("Nel [any]@hexbear.netM", True, ("Nel", "hexbear.net", {"mod"})),
        ("Sam@x.example.orgMA", True, ("Sam", "x.example.org", {"mod", "admin"})),
        ("Dan (he/him)@lemmy.ml", True, ("Dan (he/him)", "lemmy.ml", set())),
        ("ميلاد 🚲@pedal.town", True, ("ميلاد 🚲", "pedal.town", set())),
        ("aliceOP", True, ("alice", None, {"op"})),
        ("TOP", True, ("TOP", None, set())),
        ("SAM", True, ("SAM", None, set())),
        ("aliceOP", False, ("aliceOP", None, set())),
    ],
)
def test_name_lines(line: str, bare: bool, expected: tuple[str, str | None, set[str]]) -> None:
    assert split_name(line, bare_badges=bare) == expected


# ------------------------------------------------------------------------------- detection


REDDIT_PASTE = """r/bicycling
Posted by u/gravel_grinder
4h
Creaking bottom bracket, help
Question
Upvote
57
Downvote
23 comments
Share
Sort by: Best
level 1
spokesperson_
· 3h
Grease the cups. Worked for me.
Upvote
12
Downvote
Reply
Share
level 2
gravel_grinder
OP
· 2h
Thanks, will try.
"""

ESSAY = """On repairing things

Most of what breaks on a bicycle can be fixed at a kitchen table.

It takes patience


more than tools, and a willingness to be wrong
to whom it may concern.

The end.
"""


def test_score_claims_lemmy_pastes_only() -> None:
    for name in ("paste_bullets.txt", "paste_clipboard.txt", "paste_innertext.txt"):
        assert score_text(_read(name)) >= 0.8, name
    assert score_text(SAMPLE.read_text(encoding="utf-8")) >= 0.8
    assert score_text(REDDIT_PASTE) <= 0.1
    assert score_text(ESSAY) <= 0.1
    assert score_text("Just a shopping list:\neggs\nmilk\n") == 0.0


@pytest.mark.parametrize("text", ["", "\n\n", ESSAY, REDDIT_PASTE, "fedilink"])
def test_not_a_thread_raises_no_thread_found(text: str) -> None:
    with pytest.raises(NoThreadFound):
        parse_text(text)


# ------------------------------------------------------------------------ property tests

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.()éøЖжمريمあ猫🚲☆"
_BODY_LINES = [
    "Grease the cups.", "Yes.", "English", "OP", "M", "Check the chain line, then the cleats.",
    "x = 40  # N·m", "Thanks! 🚲", "شكرا", "Смазка решает всё.", "42", "·",
]  # fmt: skip
_TIMES = ["2 days ago", "an hour ago", "just now", "11 months ago", "a few seconds ago"]
_INSTANCES = ["pedal.town", "lemmy.ml", "x.example.org"]


def _usable(name: str) -> bool:
    return (
        plausible_name(name)
        and not is_badge(name)
        and language_code(name) is None
        and instance_of(name) is None
        and name not in ICONS
        and clean_name(name) == name
    )


names = st.text(_NAME_CHARS, min_size=1, max_size=24).map(lambda s: " ".join(s.split()))
names = names.filter(_usable)
bodies = st.lists(
    st.lists(st.sampled_from(_BODY_LINES), min_size=1, max_size=3), min_size=1, max_size=3
)


@st.composite
def trees(draw: st.DrawFn) -> list[tuple[int, str, str, str, int, list[list[str]]]]:
    """Comments in page order: (depth, name, instance, glued badges, upvotes, paragraphs)."""
    raw_depths = draw(st.lists(st.integers(0, 6), min_size=1, max_size=12))
    depths: list[int] = []
    for d in raw_depths:
        depths.append(min(d, depths[-1] + 1) if depths else 0)
    return [
        (d, draw(names), draw(st.sampled_from(_INSTANCES)),
         draw(st.sampled_from(["", "OP", "M", "A", "OPM"])), draw(st.integers(0, 999)),
         draw(bodies))
        for d in depths
    ]  # fmt: skip


def _bullets_paste(tree: list[tuple[int, str, str, str, int, list[list[str]]]]) -> str:
    out: list[str] = []
    for depth, name, instance, badges, upvotes, paragraphs in tree:
        column = 0 if depth == 0 else 2 * depth + 2
        pad = " " * (column + (4 if depth == 0 else 2))
        out.append(" " * column + f"• {name}@{instance}{badges}")
        header = ["link", "fedilink", "English", "arrow-up", str(upvotes), "·", "2 days ago"]
        out += [pad + line for line in header] + [""]
        for para in paragraphs:
            out += [pad + line for line in para] + [""]
    return "\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_bullet_pastes_round_trip(
    tree: list[tuple[int, str, str, str, int, list[list[str]]]],
) -> None:
    thread = parse_text(_bullets_paste(tree))
    got = list(thread.walk())
    assert [(c.depth, c.author, c.author_id) for c in got] == [
        (d, name, f"{name}@{inst}") for d, name, inst, _, _, _ in tree
    ]
    assert [(c.is_op, c.is_moderator, c.is_admin) for c in got] == [
        ("OP" in b, "M" in b, "A" in b) for _, _, _, b, _, _ in tree
    ]
    assert [c.score for c in got] == [up for _, _, _, _, up, _ in tree]
    assert [c.body_html for c in got] == [
        text_to_html("\n\n".join("\n".join(p) for p in paras)) for *_, paras in tree
    ]
    last_at_depth: dict[int, str] = {}
    for comment in got:
        assert comment.parent_id == (last_at_depth[comment.depth - 1] if comment.depth else None)
        last_at_depth[comment.depth] = comment.id
    assert thread.warnings == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(names, st.sampled_from(["", "pedal.town"]), st.sampled_from(["", "OP", "M"]),
                  st.sampled_from(["", "English"]), st.integers(0, 9), st.sampled_from(_TIMES),
                  bodies),
        min_size=1, max_size=8,
    )
)  # fmt: skip
def test_innertext_pastes_round_trip(
    rows: list[tuple[str, str, str, str, int, str, list[list[str]]]],
) -> None:
    blocks = []
    for name, instance, badge, language, votes, when, paragraphs in rows:
        header = [name] + [f"@{instance}"] * bool(instance) + [badge] * bool(badge)
        header += [language] * bool(language) + [f"{votes}·", when, ""]
        blocks.append("\n".join([*header, "\n\n".join("\n".join(p) for p in paragraphs)]))
    thread = parse_text("\n\n".join(blocks))
    got = list(thread.walk())
    assert [(c.author, c.score, c.created_text) for c in got] == [
        (name, votes, when) for name, _, _, _, votes, when, _ in rows
    ]
    assert [(c.is_op, c.is_moderator) for c in got] == [(r[2] == "OP", r[2] == "M") for r in rows]
    assert [c.author_id for c in got] == [f"{r[0]}@{r[1]}" if r[1] else None for r in rows]
    assert [c.body_html for c in got] == [
        text_to_html("\n\n".join("\n".join(p) for p in r[6])) for r in rows
    ]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(names.filter(name_like), st.sampled_from(["", "lemmy.ml"]),
                  st.sampled_from(["", "A"]), st.sampled_from(["", "Deutsch"]),
                  st.lists(st.lists(st.sampled_from(_BODY_LINES[5:]), min_size=1, max_size=3),
                           min_size=1, max_size=3)),
        min_size=1, max_size=8,
    )
)  # fmt: skip
def test_clipboard_pastes_round_trip(
    rows: list[tuple[str, str, str, str, list[list[str]]]],
) -> None:
    # Chromium's Ctrl+C: two blank lines between comments, one between paragraphs.
    blocks = []
    for name, instance, badge, language, paragraphs in rows:
        header = [name] + [f"@{instance}"] * bool(instance) + [badge] * bool(badge)
        header += [language] * bool(language)
        blocks.append("\n".join([*header, "\n\n".join("\n".join(p) for p in paragraphs)]))
    thread = parse_text("You must log in or register to comment.\n\n\n" + "\n\n\n".join(blocks))
    got = list(thread.walk())
    assert [(c.author, c.is_admin) for c in got] == [(r[0], r[2] == "A") for r in rows]
    assert [c.body_html for c in got] == [
        text_to_html("\n\n".join("\n".join(p) for p in r[4])) for r in rows
    ]
    assert thread.language == ("de" if any(r[3] for r in rows) else None)


_LEMMYISH = [
    "• Nel@pedal.townOP", "      • Ode@lemmy.ml", "    fedilink", "    link", "arrow-up", "14",
    "English", "OP", "M", "A", "@lemmy.ml", "5·", "885·", "2 days ago", "", "", "",
    "2 more replies ➔", "You must log in or register to comment.", "Hot", "Chat",
    " to TechEnglish · 3 days ago", "Title", "deleted by creator", "Removed by mod", "edit-2",
    "Pinko 🐧", "·", "41", "Dan (he/him)",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(st.sampled_from(_LEMMYISH) | st.text(max_size=12)).map("\n".join))
)
def test_any_text_gives_a_sound_thread_or_no_thread_found(text: str) -> None:
    try:
        thread = parse_text(text)
    except NoThreadFound:
        return
    comments = list(thread.walk())
    assert thread.post is not None or comments
    assert [c.id for c in comments] == [f"p{n}" for n in range(1, len(comments) + 1)]
    by_id = {c.id: c for c in comments}
    for comment in comments:
        if comment.parent_id is None:
            assert comment.depth == 0
        else:
            assert by_id[comment.parent_id].depth == comment.depth - 1
        assert comment.created is None
        for icon in ICONS_DISTINCT:
            assert f">{icon}<" not in comment.body_html
    assert all(s.parent_id is None or s.parent_id in by_id for s in thread.missing)
    assert 0.0 <= score_text(text) <= 1.0


def test_name_like_rejects_body_shapes() -> None:
    assert name_like("Pinko Penguin 🐧")
    for line in ("Things to check:", "- a list item", "1. first", "    indented code", "x = {"):
        assert not name_like(line), line


def test_abbreviated_counts_stay_unknown() -> None:
    header = "• Nel@pedal.town\n    fedilink\n    arrow-up\n    {up}\n    arrow-down\n    {down}\n"
    paste = header + "    ·\n    2 days ago\n\n    Body.\n"
    comment = parse_text(paste.format(up="12", down="1.2K")).comments[0]
    assert (comment.score, comment.upvotes, comment.downvotes) == (None, 12, None)
    comment = parse_text(paste.format(up="3.4K", down="7")).comments[0]
    assert (comment.score, comment.upvotes, comment.downvotes) == (None, None, 7)
