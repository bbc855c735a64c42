"""Chapters under the byte budget, cut at sibling boundaries, and a two-level TOC."""

from __future__ import annotations

from builders import (
    assert_links_point_backwards,
    big_thread,
    bushy,
    chain,
    make_comment,
    make_thread,
    sized_body,
)
from lxml import etree

from exporter import render
from exporter.layout import BookPlan, ChapterHead, plan_book
from exporter.model import Thread
from exporter.rows import Row, first_words

NS = {"x": "http://www.w3.org/1999/xhtml"}
BUDGET = 250_000
EN = "\u2013"  # en dash, as chapter titles use it


def fake_plan(thread: Thread, budget: int, row: int = 1000, shell: int = 500) -> BookPlan:
    """A plan with made-up sizes: every row ``row`` bytes, every chapter shell ``shell``."""

    def row_bytes(_: Row) -> int:
        return row

    def shell_bytes(_: ChapterHead) -> int:
        return shell

    return plan_book(thread, row_bytes=row_bytes, shell_bytes=shell_bytes, max_chapter_bytes=budget)


def rendered(thread: Thread, budget: int = BUDGET) -> tuple[BookPlan, list[tuple[str, bytes]]]:
    plan = render.measured_plan(thread, lang="en", max_chapter_bytes=budget)
    return plan, [(c.file_name, render.chapter_document(c, plan, lang="en")) for c in plan.chapters]


def comment_ids(plan: BookPlan) -> list[str]:
    return [r.comment.id for c in plan.comment_chapters for r in c.rows if r.comment is not None]


def test_whole_threads_are_packed_in_order_under_the_budget() -> None:
    roots = [bushy(f"t{i}", children=2, depth=1, body_bytes=10) for i in range(10)]  # 3 rows each
    plan = fake_plan(make_thread(roots), budget=7_500)  # room for 7 rows: 2 threads a chapter
    assert [len(c.rows) for c in plan.comment_chapters] == [6, 6, 6, 6, 6]
    assert [c.head.title for c in plan.comment_chapters] == [
        f"Comments 1{EN}2",
        f"Comments 3{EN}4",
        f"Comments 5{EN}6",
        f"Comments 7{EN}8",
        f"Comments 9{EN}10",
    ]
    assert comment_ids(plan) == [c.id for root in roots for c in root.walk()]
    assert [c.file_name for c in plan.comment_chapters][-1] == "comments-0005.xhtml"
    assert plan.post_chapters == ()


def test_a_thread_bigger_than_a_chapter_is_cut_at_shallow_sibling_boundaries() -> None:
    huge = bushy("h", children=6, depth=4, body_bytes=10)  # 1 + 6 x 4 = 25 rows
    plan = fake_plan(make_thread([make_comment("a"), huge, make_comment("z")]), budget=10_500)
    chapters = plan.comment_chapters
    titles = [c.head.title for c in chapters]
    assert titles[0] == "Comment 1"
    assert titles[1] == "Comment 2"
    assert titles[2:-1] == [f"Comment 2 (continued, part {n})" for n in range(2, len(titles) - 1)]
    assert titles[-1] == "Comment 3"
    for chapter in chapters[2:-1]:
        assert chapter.head.continues is not None
        assert chapter.head.continues.anchor == "c-h"
        assert chapter.rows[0].depth == 1  # a new reply to the root, never mid-chain
    assert all(500 + 1000 * len(c.rows) <= 10_500 for c in chapters)
    assert comment_ids(plan) == ["a", *[c.id for c in huge.walk()], "z"]


def test_a_long_chain_is_cut_near_the_end_of_each_chapter() -> None:
    plan = fake_plan(make_thread([chain(100)]), budget=20_500)
    sizes = [len(c.rows) for c in plan.comment_chapters]
    assert sizes == [20, 20, 20, 20, 20]


def test_real_sizes_stay_under_250kb_over_several_chapters() -> None:
    thread = big_thread()
    plan, docs = rendered(thread)
    sizes = [len(doc) for _, doc in docs]
    assert len(plan.comment_chapters) >= 5
    assert all(0 < s <= BUDGET for s in sizes)
    assert sum(s > 0.8 * BUDGET for s in sizes) >= 4  # packed, not one thread per file
    continued = [c for c in plan.comment_chapters if "(continued" in c.head.title]
    assert continued and all(c.head.continues is not None for c in continued)
    assert not any(c.oversized for c in plan.chapters)
    assert assert_links_point_backwards(docs) > thread.comment_count() - len(thread.comments)
    assert comment_ids(plan) == [c.id for c in thread.walk()]


def test_a_3000_deep_chain_neither_recurses_nor_nests() -> None:
    thread = make_thread([chain(3000, body=sized_body(300))])
    plan, docs = rendered(thread)
    assert len(docs) > 1
    parser = etree.XMLParser(huge_tree=True)
    for _, doc in docs:
        assert len(doc) <= BUDGET
        tree = etree.fromstring(doc, parser)
        assert tree.find(".//x:article//x:article", NS) is None
    assert b"level 2999" in docs[-1][1]
    assert assert_links_point_backwards(docs) == 2999 + len(docs) - 1  # replies + continued
    assert len(comment_ids(plan)) == 3000


def test_a_single_huge_comment_body_is_cut_between_its_paragraphs() -> None:
    body = sized_body(600_000)
    plan, docs = rendered(make_thread([make_comment("big", body_html=body)], post=None))
    assert len(docs) >= 3
    assert all(len(doc) <= BUDGET for _, doc in docs)
    parts = [r for c in plan.comment_chapters for r in c.rows]
    assert "".join(r.body or "" for r in parts) == body
    assert [r.part for r in parts] == list(range(1, len(parts) + 1))


def test_an_uncuttable_block_gets_a_chapter_of_its_own_flagged_oversized() -> None:
    giant = "<pre>" + "x" * 300_000 + "</pre>"
    roots = [make_comment("a"), make_comment("giant", body_html=giant), make_comment("b")]
    plan, docs = rendered(make_thread(roots))
    flagged = [c for c in plan.comment_chapters if c.oversized]
    assert len(flagged) == 1 and [r.anchor for r in flagged[0].rows] == ["c-giant"]
    assert all(len(doc) <= BUDGET for name, doc in docs if name != flagged[0].file_name)


def test_a_huge_post_is_cut_into_post_chapters() -> None:
    post = make_comment("p", body_html=sized_body(400_000))
    plan, docs = rendered(make_thread([make_comment("a")], post=post))
    names = [c.file_name for c in plan.post_chapters]
    assert names == ["post.xhtml", "post-2.xhtml"]
    assert plan.post_chapters[1].head.title == "Original post (continued, part 2)"
    assert plan.post_chapters[0].head.heading == "A test thread"
    assert b'<h1 class="chapter">A test thread</h1>' in docs[0][1]
    assert all(len(doc) <= BUDGET for _, doc in docs)


def test_toc_has_two_levels_with_author_first_words_and_reply_count() -> None:
    roots = [
        bushy("r0", children=2, depth=2, body_bytes=10),
        make_comment("r1", body_html="<p>Short &amp; <b>sweet</b> text</p>", author="Ann"),
        make_comment("r2", deleted=True, author=None, body_html=""),
    ]
    plan = fake_plan(make_thread(roots, post=make_comment("p")), budget=100_000)
    labels = [(e.label, e.href, len(e.children)) for e in plan.toc]
    assert labels == [
        ("Title page", "title.xhtml", 0),
        ("Original post", "post.xhtml", 0),
        (f"Comments 1{EN}3", "comments-0001.xhtml", 3),
    ]
    kids = plan.toc[2].children
    assert [k.href for k in kids] == [
        "comments-0001.xhtml#c-r0",
        "comments-0001.xhtml#c-r1",
        "comments-0001.xhtml#c-r2",
    ]
    assert kids[0].label.startswith("root r0: r0 lorem ipsum") and kids[0].label.endswith(
        "(4 replies)"
    )
    assert kids[1].label == "Ann: Short & sweet text (0 replies)"
    assert kids[2].label == "[deleted]: [deleted] (0 replies)"
    assert all(not k.children for k in kids)
    uids = [e.uid for top in plan.toc for e in (top, *top.children)]
    assert len(uids) == len(set(uids))


def test_toc_keeps_only_chapters_when_the_nav_would_outgrow_the_budget() -> None:
    roots = [make_comment(f"r{i}", body_html="<p>" + "word " * 30 + "</p>") for i in range(400)]
    small = fake_plan(make_thread(roots), budget=30_000, row=100)
    assert all(not e.children for e in small.toc)
    large = fake_plan(make_thread(roots), budget=250_000, row=100)
    assert sum(len(e.children) for e in large.toc) == 400


def test_first_words() -> None:
    assert first_words("<p>One <b>two</b></p><p>three</p>") == "One two three"
    assert first_words("<p>" + "a " * 20 + "</p>") == "a a a a a a a a…"
    assert first_words("<p>" + "x" * 100 + "</p>") == "x" * 59 + "…"
    assert first_words("<p>cut <a href='") == "cut"
    assert first_words("") == ""
    assert first_words(" <p> \n</p> ") == ""
    # Any Unicode space separates words, entities included (no-break, em space).
    assert first_words("<p>a&nbsp;b\u2003c\u3000d&#8203;e</p>") == "a b c d\u200be"
    # The comment's own words, not those of the post it quotes first; the quote when alone.
    assert first_words("<blockquote><p>q1 q2</p></blockquote><p>own</p>") == "own"
    assert first_words("<blockquote><p>q1 q2</p></blockquote>") == "q1 q2"


def test_plans_are_deterministic() -> None:
    def shape(plan: BookPlan) -> list[tuple[str, str, list[str]]]:
        return [(c.file_name, c.head.title, [r.anchor for r in c.rows]) for c in plan.chapters]

    assert shape(rendered(big_thread())[0]) == shape(rendered(big_thread())[0])
