"""Several saved pages of one thread become one thread: order, no duplicates, gaps noted, and
different threads refused."""

from __future__ import annotations

import pytest
from builders import make_comment, make_thread

from exporter.errors import UsageError
from exporter.merge import MORE_PAGES, Page, merge_pages, thread_key
from exporter.model import Comment, Stub, Thread


def forum_page(page: int, numbers: range, *, pages: int = 4, tid: str = "f.example/t/9") -> Thread:
    posts = [make_comment(f"p{n}", number=n) for n in numbers]
    first = posts.pop(0) if page == 1 else None
    return make_thread(
        posts,
        post=first,
        site="xenforo",
        url=f"https://f.example/threads/x.9/page-{page}",
        thread_id=tid,
        page=page,
        page_count=pages,
    )


def numbers(thread: Thread) -> list[int | None]:
    return [c.number for c in thread.walk()]


def test_pages_in_any_order_become_one_thread_in_post_order() -> None:
    pages = [
        Page("p3.html", forum_page(3, range(41, 61))),
        Page("p1.html", forum_page(1, range(1, 21))),
        Page("p2.html", forum_page(2, range(21, 41))),
    ]
    merged = merge_pages(pages)
    assert merged.post is not None and merged.post.number == 1
    assert numbers(merged) == list(range(2, 61))
    assert merged.page_count == 4
    assert merged.warnings == []


def test_a_page_given_twice_or_overlapping_adds_nothing_twice() -> None:
    one = forum_page(1, range(1, 21))
    again = forum_page(1, range(1, 21))
    overlap = forum_page(2, range(15, 41))  # a theme that repeats the last posts
    merged = merge_pages([Page("a", one), Page("b", again), Page("c", overlap)])
    assert numbers(merged) == list(range(2, 41))


def test_a_missing_page_between_and_before_is_noted() -> None:
    merged = merge_pages(
        [
            Page("p4.html", forum_page(4, range(61, 81))),
            Page("p2.html", forum_page(2, range(21, 41))),
        ]
    )
    assert merged.post is None  # page 1 was not given: nothing opens the book
    assert numbers(merged)[0] == 21
    assert merged.warnings == [
        "page 1 of the thread was not given: the book starts at page 2",
        "page 3 of the thread was not given: posts are missing there",
    ]


def test_a_later_pages_first_post_is_not_taken_as_the_opening_post() -> None:
    later = forum_page(2, range(21, 41))
    later.post = later.comments.pop(0)  # a parser that made #21 the "post"
    merged = merge_pages([Page("p1", forum_page(1, range(1, 21))), Page("p2", later)])
    assert merged.post is not None and merged.post.number == 1
    assert numbers(merged) == list(range(2, 41))


def test_different_threads_are_refused_with_what_to_do() -> None:
    a = forum_page(1, range(1, 5))
    b = forum_page(1, range(1, 5), tid="f.example/t/10")
    with pytest.raises(UsageError, match=r"^b\.html: is not the same thread as a\.html; .*--each"):
        merge_pages([Page("a.html", a), Page("b.html", b)])


def test_identity_from_the_address_without_its_page_part() -> None:
    def at(url: str) -> Thread:
        return make_thread([make_comment("c1")], url=url, site="phpbb")

    same = [
        "https://www.board.example/viewtopic.php?t=5&start=20",
        "https://board.example/viewtopic.php?t=5",
        "https://board.example/viewtopic.php?t=5&page=3#p7",
    ]
    assert len({thread_key(at(u)) for u in same}) == 1
    assert thread_key(at("https://board.example/viewtopic.php?t=6")) != thread_key(at(same[0]))
    assert thread_key(at("https://f.example/threads/a.1/page-3")) == thread_key(
        at("https://f.example/threads/a.1/")
    )


def test_continue_this_thread_pages_hang_under_their_parent() -> None:
    """A page that holds one deep subtree (Reddit's "continue this thread") joins the tree
    where it belongs, with depths fixed, and replies new to a known comment are added."""
    main = make_thread(
        [make_comment("a", children=[make_comment("b")])], url="https://r.example/c/1/x/"
    )
    deeper = make_comment("c", children=[make_comment("d")])
    deeper.parent_id = "b"
    extra = make_comment("a", children=[make_comment("b"), make_comment("e")])
    cont = make_thread([deeper, extra], url="https://r.example/c/1/x/")
    merged = merge_pages([Page("main", main), Page("cont", cont)])
    flat = [(c.id, c.parent_id, c.depth) for c in merged.walk()]
    assert flat == [("a", None, 0), ("b", "a", 1), ("c", "b", 2), ("d", "c", 3), ("e", "a", 1)]


def test_stubs_and_warnings_are_kept_once() -> None:
    a = forum_page(1, range(1, 3))
    b = forum_page(2, range(3, 5))
    for thread in (a, b):
        thread.missing.append(Stub(parent_id=None, count=2))
        thread.warnings.append("same warning")
    merged = merge_pages([Page("a", a), Page("b", b)])
    assert merged.missing == [Stub(parent_id=None, count=2)]
    assert merged.warnings == ["same warning"]


def test_pasted_chunks_without_identity_merge_when_site_and_title_agree() -> None:
    def chunk(cid: str, title: str) -> Thread:
        return make_thread([make_comment(cid)], url=None, site="lemmy", title=title)

    merged = merge_pages([Page("a", chunk("1", "T")), Page("b", chunk("2", "T"))])
    assert [c.id for c in merged.walk()] == ["1", "2"]
    with pytest.raises(UsageError):
        merge_pages([Page("a", chunk("1", "T")), Page("b", chunk("2", "U"))])


def test_a_single_page_is_returned_as_it_is() -> None:
    thread = forum_page(1, range(1, 4))
    assert merge_pages([Page("a", thread)]) is thread


def test_no_comment_is_shared_between_pages_objects() -> None:
    """The merged tree is made of the pages' own objects, each exactly once."""
    merged = merge_pages(
        [Page("a", forum_page(1, range(1, 21))), Page("b", forum_page(2, range(15, 41)))]
    )
    ids = [id(c) for c in merged.walk()]
    assert len(ids) == len(set(ids))
    assert all(isinstance(c, Comment) for c in merged.walk())


def test_the_more_pages_warning_goes_once_every_page_is_given() -> None:
    pages = [forum_page(n, range(n * 10 - 9, n * 10 + 1), pages=3) for n in (1, 2, 3)]
    for page in pages:
        page.warnings.append(MORE_PAGES)
    complete = merge_pages([Page(f"p{n}", t) for n, t in enumerate(pages, 1)])
    assert complete.warnings == []
    partial = merge_pages([Page("p1", pages[0]), Page("p3", pages[2])])
    assert MORE_PAGES in partial.warnings


def test_pictures_of_every_page_are_kept() -> None:
    from exporter.model import BookImage

    def picture(name: str) -> BookImage:
        return BookImage(f"images/{name}.png", "image/png", b"\x89PNG" + name.encode(), 1, 1)

    one, two = forum_page(1, range(1, 3), pages=2), forum_page(2, range(3, 5), pages=2)
    one.images["a"] = picture("a")
    two.images["b"] = picture("b")
    two.image_skips["remote"] = 2
    merged = merge_pages([Page("p1", one), Page("p2", two)])
    assert sorted(merged.images) == ["a", "b"]
    assert merged.image_skips == {"remote": 2}
    assert one.images == {"a": picture("a")}  # the pages themselves are not changed


@pytest.mark.parametrize(
    ("site", "first", "second"),
    [
        ("xenforo", "xf2_page1.html", "xf2_page2.html"),
        ("phpbb", "topic_33_page1.html", "topic_33_page2.html"),
    ],
)
def test_two_saved_pages_out_of_order_make_one_thread(
    site: str, first: str, second: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real command on the project's own pages: page 2 given first, one thread out, in
    post order, each post once, and no "save the other pages" warning once both are there."""
    import json
    from pathlib import Path

    from exporter import load_thread
    from exporter.cli import main

    data = Path(__file__).resolve().parent / "data" / site
    one, two = load_thread(data / first), load_thread(data / second)
    assert main([str(data / second), str(data / first), "--json", "-q"]) == 0
    merged = json.loads(capsys.readouterr().out)
    ids = [c["id"] for c in merged["comments"]]
    expected = [c.id for c in one.comments] + [c.id for c in two.comments]
    assert ids == expected and len(set(ids)) == len(ids)
    assert merged["post"]["id"] == (one.post.id if one.post else None)
    assert MORE_PAGES not in merged["warnings"]
