"""Choosing what goes in: sort, filters, top, depth limit; never a reply without its parent."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from builders import (
    T0,
    assert_links_point_backwards,
    chain,
    fix_tree,
    make_comment,
    make_thread,
    representative_thread,
)
from conftest import EpubCheck
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import epub, render, title_page
from exporter.model import Comment, Stub, Thread, thread_to_json
from exporter.shape import (
    SORT_ORDERS,
    ShapeOptions,
    ShapeReport,
    parse_when,
    shape,
    sibling_keys,
    wilson_lower_bound,
)


def ids(comments: list[Comment]) -> list[str]:
    return [c.id for c in comments]


def tree_ids(thread: Thread) -> list[tuple[int, str]]:
    """(depth, id) in reading order, from the tree itself (iterative)."""
    out: list[tuple[int, str]] = []
    stack = [(c, 0) for c in reversed(thread.comments)]
    while stack:
        node, depth = stack.pop()
        out.append((depth, node.id))
        stack.extend((k, depth + 1) for k in reversed(node.children))
    return out


def flat(thread: Thread) -> list[tuple[int, Comment]]:
    """Every comment without its replies, with its depth: equality with no deep recursion."""
    return [
        (d, replace(c, children=[]))
        for (d, _), c in zip(tree_ids(thread), thread.walk(), strict=True)
    ]


def shaped_ids(thread: Thread, **options: Any) -> list[tuple[int, str]]:
    return tree_ids(shape(thread, ShapeOptions(**options))[0])


def assert_parents_kept(thread: Thread) -> None:
    """The invariant: every reply's parent_id names the comment above it; depths follow."""
    stack: list[tuple[Comment, Comment | None]] = [(c, None) for c in thread.comments]
    while stack:
        node, parent = stack.pop()
        if parent is None:
            assert node.depth == 0 and node.parent_id is None, node.id
        else:
            assert node.parent_id == parent.id and node.depth == parent.depth + 1, node.id
        stack.extend((k, node) for k in node.children)


def scored(cid: str, score: int | None, **fields: Any) -> Comment:
    return make_comment(cid, score=score, **fields)


# --- defaults and purity ------------------------------------------------------------------------


def test_default_options_give_an_equal_new_thread_and_leave_the_input_alone() -> None:
    thread = representative_thread()
    before = thread_to_json(thread)
    shaped, report = shape(thread)
    assert shaped == thread
    assert shaped is not thread and shaped.comments[0] is not thread.comments[0]
    assert shaped.missing[0] is not thread.missing[0]
    assert report == ShapeReport() and report.comments_left_out == 0 and report.describe() == []
    assert set(report.as_dict()) == {
        "not_by_op", "outside_dates", "below_min_score", "deleted_dropped",
        "top_threads_dropped", "top_comments_dropped", "deeper_than", "stubs_dropped",
    }  # fmt: skip
    shape(thread, ShapeOptions(sort="top", min_score=3, max_depth=1, op_only=True, top=1))
    assert thread_to_json(thread) == before


def test_a_3000_deep_chain_goes_through_every_option() -> None:
    root = chain(3000)
    nodes = list(root.walk())
    for n, node in enumerate(nodes):
        node.score = 0 if n < 2999 else 10
    nodes[-1].is_op = True
    thread = make_thread([root])
    assert flat(shape(thread)[0]) == flat(thread)
    everything = ShapeOptions(sort="best", min_score=5, op_only=True, drop_deleted=True, top=1)
    kept, report = shape(thread, everything)
    assert kept.comment_count() == 3000 and report.comments_left_out == 0  # all on the path
    cut, report = shape(thread, replace(everything, max_depth=10))
    assert [d for d, _ in tree_ids(cut)] == list(range(11))
    assert cut.missing == [Stub("k10", 2989, reason="too_deep", max_depth=10)]
    assert report.deeper_than == 2989
    late = shape(thread, ShapeOptions(since=T0 + timedelta(minutes=2999)))[0]
    assert late.comment_count() == 3000
    nodes[-1].score = 0
    assert shape(thread, ShapeOptions(min_score=5))[0].comments == []


# --- sorting ------------------------------------------------------------------------------------


def test_sort_top_new_old_at_every_level_ties_keep_page_order() -> None:
    kids = [
        scored("a1", 1, created=T0 + timedelta(hours=3)),
        scored("a2", None, created=None),
        scored("a3", 7, created=T0 + timedelta(hours=1)),
        scored("a4", 1, created=T0 + timedelta(hours=3)),
    ]
    roots = [
        scored("a", 2, created=T0, children=kids),
        scored("b", 9, created=T0 + timedelta(hours=2)),
        scored("c", None, created=T0 + timedelta(hours=1)),
    ]
    thread = make_thread(roots)
    top = shape(thread, ShapeOptions(sort="top"))[0]
    assert ids(top.comments) == ["b", "a", "c"]
    assert ids(top.comments[1].children) == ["a3", "a1", "a4", "a2"]
    new = shape(thread, ShapeOptions(sort="new"))[0]
    assert ids(new.comments) == ["b", "c", "a"]
    assert ids(new.comments[2].children) == ["a1", "a4", "a3", "a2"]
    old = shape(thread, ShapeOptions(sort="old"))[0]
    assert ids(old.comments) == ["a", "c", "b"]
    assert ids(old.comments[0].children) == ["a3", "a1", "a4", "a2"]
    assert shaped_ids(thread, sort="page") == tree_ids(thread)


def test_times_in_other_zones_sort_by_instant() -> None:
    paris = timezone(timedelta(hours=1))
    early = scored("early", None, created=datetime(2026, 11, 10, 9, 30, tzinfo=paris))  # 08:30Z
    late = scored("late", None, created=datetime(2026, 11, 10, 9, 0, tzinfo=timezone.utc))
    assert ids(shape(make_thread([late, early]), ShapeOptions(sort="old"))[0].comments) == [
        "early",
        "late",
    ]


def test_wilson_lower_bound_prefers_confidence_over_margin() -> None:
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(10, 1) > wilson_lower_bound(40, 20)
    assert wilson_lower_bound(100, 0) > wilson_lower_bound(5, 0) > 0
    assert 0 < wilson_lower_bound(1, 1) < 0.5
    assert wilson_lower_bound(-3, -3) == 0.0  # bad data is not a crash


def test_best_uses_votes_when_every_comment_has_them_else_the_score() -> None:
    lemmy = [
        scored("margin", 20, upvotes=40, downvotes=20),
        scored("sure", 9, upvotes=10, downvotes=1),
        scored("quiet", None),
    ]
    thread = make_thread(lemmy)
    assert ids(shape(thread, ShapeOptions(sort="best"))[0].comments) == ["sure", "margin", "quiet"]
    mixed = [*lemmy, scored("reddit", 15)]
    keys = sibling_keys(mixed, "best")
    assert keys == sibling_keys(mixed, "top")  # one measure per list, never two compared
    assert ids(shape(make_thread(mixed), ShapeOptions(sort="best"))[0].comments) == [
        "margin",
        "reddit",
        "sure",
        "quiet",
    ]
    assert set(SORT_ORDERS) == {"page", "best", "top", "new", "old"}


# --- filters ------------------------------------------------------------------------------------


def test_min_score_drops_subtrees_but_keeps_the_path_to_a_good_reply() -> None:
    good = scored("good", 8)
    low_path = scored("low-path", -2, children=[scored("low-leaf", 0), good])
    thread = make_thread(
        [
            scored("top", 5, children=[low_path, scored("unknown", None)]),
            scored("bad", 1, children=[scored("bad-kid", 3)]),
            scored("none", None),
        ],
        missing=[Stub("bad-kid", 4), Stub("low-path", 2), Stub(None, 9)],
    )
    shaped, report = shape(thread, ShapeOptions(min_score=5))
    assert tree_ids(shaped) == [
        (0, "top"),
        (1, "low-path"),
        (2, "good"),
        (1, "unknown"),
        (0, "none"),
    ]
    assert report.below_min_score == 3 and report.comments_left_out == 3
    assert shaped.missing == [Stub("low-path", 2), Stub(None, 9)]
    assert report.stubs_dropped == 1
    assert report.describe() == [
        "3 comments below 5 points left out",
        "1 “more replies” note of the saved page left out with their comments",
    ]


def test_max_depth_summarises_deeper_replies_where_they_were() -> None:
    deep = make_comment("d1", children=[make_comment("d2", children=[make_comment("d3")])])
    branch = make_comment("b", children=[deep, make_comment("d1b")])
    thread = make_thread(
        [make_comment("r", children=[branch]), make_comment("s")],
        missing=[Stub("b", 5), Stub("d2", 1), Stub("r", None)],
    )
    shaped, report = shape(thread, ShapeOptions(max_depth=1))
    assert tree_ids(shaped) == [(0, "r"), (1, "b"), (0, "s")]
    assert shaped.missing == [
        Stub("b", 5),
        Stub("r", None),
        Stub("b", 4, reason="too_deep", max_depth=1),
    ]
    assert report.deeper_than == 4 and report.stubs_dropped == 1
    assert report.describe()[0] == "4 replies deeper than level 1 left out"
    assert shaped_ids(thread, max_depth=0) == [(0, "r"), (0, "s")]

    plan = render.measured_plan(shaped, lang="en")
    html = b"".join(render.chapter_document(c, plan, lang="en") for c in plan.chapters).decode()
    notes = [line for line in html.splitlines() if 'class="more' in line]
    assert [n.split(">")[1].split("<")[0] for n in notes] == [
        "5 more replies were not in the saved page",
        "4 replies deeper than level 1 left out",
        "More replies were not in the saved page",
    ]
    assert 'class="more d2"' in notes[1]  # at the place of the cut replies, after "b"
    title = title_page.title_page(shaped, lang="en").decode()
    assert "5 replies not in the saved page" in title  # the cut replies are not "not saved"
    assert thread_to_json(shaped)["missing"][2] == {
        "parent_id": "b",
        "count": 4,
        "reason": "too_deep",
        "max_depth": 1,
    }


def test_stub_note_wording() -> None:
    from exporter.rows import Row

    def words(stub: Stub) -> str:
        return render.stub_text(Row("more", "m1", 1, missing=stub.count, stub=stub))

    assert words(Stub("a", 1, reason="too_deep", max_depth=6)) == (
        "1 reply deeper than level 6 left out"
    )
    assert words(Stub("a", 3, reason="too_deep", max_depth=6)) == (
        "3 replies deeper than level 6 left out"
    )
    assert words(Stub("a", None, reason="too_deep")) == "Replies deeper left out"
    assert words(Stub("a", 1)) == "1 more reply was not in the saved page"
    assert render.stub_text(Row("more", "m1", 1, missing=2)) == (
        "2 more replies were not in the saved page"
    )


def test_top_keeps_the_first_threads_after_sorting() -> None:
    roots = [scored(f"t{n}", n, children=[make_comment(f"t{n}-r")]) for n in range(5)]
    thread = make_thread(roots)
    shaped, report = shape(thread, ShapeOptions(sort="top", top=2))
    assert ids(shaped.comments) == ["t4", "t3"]
    assert (report.top_threads_dropped, report.top_comments_dropped) == (3, 6)
    assert report.describe() == ["3 top-level threads (6 comments) after the first 2 left out"]
    assert ids(shape(thread, ShapeOptions(top=9))[0].comments) == ids(roots)


def test_op_only_keeps_the_ops_comments_and_what_they_answer() -> None:
    op_reply = make_comment("op2", is_op=True, children=[make_comment("after")])
    thread = make_thread(
        [
            make_comment(
                "q", children=[make_comment("q1", children=[op_reply]), make_comment("x")]
            ),
            make_comment("op1", is_op=True),
            make_comment("nobody", children=[make_comment("nobody2")]),
        ]
    )
    shaped, report = shape(thread, ShapeOptions(op_only=True))
    assert tree_ids(shaped) == [(0, "q"), (1, "q1"), (2, "op2"), (0, "op1")]
    assert report.not_by_op == 4
    assert report.describe() == ["4 comments not by the original poster left out"]


def test_drop_deleted_keeps_placeholders_that_still_have_replies() -> None:
    thread = make_thread(
        [
            make_comment("gone", deleted=True, children=[make_comment("kid")]),
            make_comment("removed", removed=True),
            make_comment("empty", deleted=True, children=[make_comment("d2", deleted=True)]),
            make_comment("low", deleted=True, children=[scored("low-kid", -5)]),
            make_comment("ok"),
        ]
    )
    shaped, report = shape(thread, ShapeOptions(drop_deleted=True))
    assert tree_ids(shaped) == [(0, "gone"), (1, "kid"), (0, "low"), (1, "low-kid"), (0, "ok")]
    assert report.deleted_dropped == 3
    # "No replies left" is after the other filters: a reply filtered away does not hold it.
    both = shaped_ids(thread, drop_deleted=True, min_score=0)
    assert both == [(0, "gone"), (1, "kid"), (0, "ok")]


def test_since_and_until_keep_parents_and_undated_comments() -> None:
    late_reply = make_comment("late-reply", created=T0 + timedelta(days=5))
    thread = make_thread(
        [
            make_comment(
                "old", created=T0, children=[late_reply, make_comment("old2", created=T0)]
            ),
            make_comment("undated", created_text="3 days ago"),
            make_comment("later", created=T0 + timedelta(days=9)),
        ]
    )
    window = ShapeOptions(
        since=parse_when("2026-11-12"), until=parse_when("2026-11-15", end_of_day=True)
    )
    shaped, report = shape(thread, window)
    assert tree_ids(shaped) == [(0, "old"), (1, "late-reply"), (0, "undated")]
    assert report.outside_dates == 2
    assert report.describe() == [
        "2 comments from outside 2026-11-12 00:00 UTC – 2026-11-15 23:59 UTC left out"
    ]
    assert shaped_ids(thread, until=T0) == [(0, "old"), (1, "old2"), (0, "undated")]


def test_parse_when() -> None:
    assert parse_when("2026-11-10") == datetime(2026, 11, 10, tzinfo=timezone.utc)
    end = parse_when("2026-11-10", end_of_day=True)
    assert end == datetime(2026, 11, 10, 23, 59, 59, 999999, tzinfo=timezone.utc)
    assert parse_when("2026-11-10T09:30") == datetime(2026, 11, 10, 9, 30, tzinfo=timezone.utc)
    assert parse_when("2026-11-10T09:30Z") == parse_when("2026-11-10T10:30+01:00")
    assert parse_when("2026-11-10T09:30Z", end_of_day=True).hour == 9  # a time is a time
    for bad in ("yesterday", "2026-13-01", ""):
        with pytest.raises(ValueError, match="is not a date"):
            parse_when(bad)


def test_options_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        ShapeOptions(sort="random")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="depth"):
        ShapeOptions(max_depth=-1)
    with pytest.raises(ValueError, match="top"):
        ShapeOptions(top=0)
    with pytest.raises(ValueError, match="after the end"):
        ShapeOptions(since=T0, until=T0 - timedelta(seconds=1))
    ShapeOptions(since=T0, until=T0, max_depth=0, min_score=-10)


def test_a_shaped_book_passes_epubcheck(tmp_path: Path, epubcheck: EpubCheck) -> None:
    thread = representative_thread()
    options = ShapeOptions(sort="best", min_score=0, max_depth=6, drop_deleted=True, top=3)
    shaped, report = shape(thread, options)
    assert report.deeper_than == 23 and shaped.missing[-1].reason == "too_deep"
    plan = render.measured_plan(shaped, lang="en")
    docs = [(c.file_name, render.chapter_document(c, plan, lang="en")) for c in plan.chapters]
    assert assert_links_point_backwards(docs) > 0
    path = tmp_path / "shaped.epub"
    epub.write_epub(shaped, path)
    epubcheck(path)


# --- the invariant over random trees and option combinations -----------------------------------

STAMPS = [None, *(T0 + timedelta(hours=h) for h in range(6))]


@st.composite
def threads(draw: st.DrawFn) -> Thread:
    n = draw(st.integers(0, 24))
    nodes: list[Comment] = []
    roots: list[Comment] = []
    for i in range(n):
        votes = draw(st.one_of(st.none(), st.tuples(st.integers(0, 9), st.integers(0, 9))))
        node = Comment(
            id=f"c{i}",
            score=draw(st.one_of(st.none(), st.integers(-3, 6))),
            upvotes=votes[0] if votes else None,
            downvotes=votes[1] if votes else None,
            created=draw(st.sampled_from(STAMPS)),
            is_op=draw(st.booleans()),
            deleted=draw(st.booleans()),
            removed=draw(st.integers(0, 5)) == 0,
            body_html="<p>x</p>",
        )
        parent = draw(st.integers(-1, i - 1))
        (roots if parent < 0 else nodes[parent].children).append(node)
        nodes.append(node)
    fix_tree(roots)
    parents = st.sampled_from([None, "post", "elsewhere", *(c.id for c in nodes)])
    stubs = draw(st.lists(st.builds(Stub, parents, st.one_of(st.none(), st.integers(1, 9)))))
    return make_thread(roots, post=make_comment("post"), missing=stubs)


@st.composite
def option_sets(draw: st.DrawFn) -> ShapeOptions:
    since, until = draw(st.sampled_from(STAMPS)), draw(st.sampled_from(STAMPS))
    if since and until and since > until:
        since, until = until, since
    return ShapeOptions(
        sort=draw(st.sampled_from(SORT_ORDERS)),
        min_score=draw(st.one_of(st.none(), st.integers(-2, 5))),
        max_depth=draw(st.one_of(st.none(), st.integers(0, 4))),
        top=draw(st.one_of(st.none(), st.integers(1, 4))),
        op_only=draw(st.booleans()),
        drop_deleted=draw(st.booleans()),
        since=since,
        until=until,
    )


def _passes(c: Comment, o: ShapeOptions) -> bool:
    """The filters written out plainly, as a second opinion on ``shape``."""
    return not (
        (o.op_only and not c.is_op)
        or (c.created and o.since and c.created < o.since)
        or (c.created and o.until and c.created > o.until)
        or (o.min_score is not None and c.score is not None and c.score < o.min_score)
        or (o.drop_deleted and (c.deleted or c.removed))
    )


def _first_failure(c: Comment, o: ShapeOptions) -> str | None:
    checks = [
        ("not_by_op", o.op_only and not c.is_op),
        ("outside_dates", not _passes(c, ShapeOptions(since=o.since, until=o.until))),
        ("below_min_score", not _passes(c, ShapeOptions(min_score=o.min_score))),
        ("deleted_dropped", o.drop_deleted and (c.deleted or c.removed)),
    ]
    return next((name for name, failed in checks if failed), None)


def _expected(roots: list[Comment], o: ShapeOptions, depth: int = 0) -> list[Any]:
    """Recursive reference (the random trees are shallow): [(id, [children...]), ...]."""
    out = []
    order = sorted(range(len(roots)), key=sibling_keys(roots, o.sort).__getitem__)
    for c in (roots[i] for i in order):
        kids = _expected(c.children, o, depth + 1)
        deep_kids = _expected(c.children, replace(o, max_depth=None), depth + 1)
        if _passes(c, o) or deep_kids:
            out.append((c.id, kids if o.max_depth is None or depth < o.max_depth else []))
    return out if depth or o.top is None else out[: o.top]


def _actual(roots: list[Comment]) -> list[Any]:
    return [(c.id, _actual(c.children)) for c in roots]


@settings(max_examples=400, deadline=None)
@given(thread=threads(), options=option_sets())
def test_any_options_keep_every_replys_parent(thread: Thread, options: ShapeOptions) -> None:
    before = thread_to_json(thread)
    shaped, report = shape(thread, options)
    assert thread_to_json(thread) == before  # the input is untouched
    assert_parents_kept(shaped)
    assert _actual(shaped.comments) == _expected(thread.comments, options)
    originals = {c.id: c for c in thread.walk()}
    for c in shaped.walk():
        assert replace(c, children=[]) == replace(originals[c.id], children=[])
        assert options.max_depth is None or c.depth <= options.max_depth
    assert shaped.comment_count() + report.comments_left_out == thread.comment_count()
    filtered = {c.id for c in shape(thread, replace(options, top=None, max_depth=None))[0].walk()}
    reasons = Counter(_first_failure(c, options) for c in thread.walk() if c.id not in filtered)
    assert None not in reasons  # every comment a filter drops failed that filter itself
    assert {k: getattr(report, k) for k in reasons if k} == dict(reasons)
    assert report.comments_left_out - sum(reasons.values()) == (
        report.top_comments_dropped + report.deeper_than
    )
    kept = {c.id: c for c in shaped.walk()}
    page_stubs = [s for s in shaped.missing if s.reason == "not_in_page"]
    assert len(page_stubs) + report.stubs_dropped == len(thread.missing)
    assert all(s.parent_id in kept or s.parent_id not in originals for s in page_stubs)
    deep = [s for s in shaped.missing if s.reason == "too_deep"]
    assert sum(s.count or 0 for s in deep) == report.deeper_than
    assert all(s.parent_id and kept[s.parent_id].depth == options.max_depth for s in deep)
    if options == ShapeOptions():
        assert shaped == thread
