"""Lemmy's saved pages are read as a stream (``exporter.page_stream``): each comment node is read
at its end tag and emptied. These pages make that order matter: replies several levels deep, a
"more replies" stub, a deleted comment, a node inside another, read a few characters at a time
and from the whole tree (``--max-nesting`` past libxml2's depth), which must give one Thread."""

from __future__ import annotations

import json

import pytest

from exporter import page_stream
from exporter.clean import strip_xml_illegal
from exporter.limits import Limits
from exporter.load import page_from_text
from exporter.model import Comment, Thread
from exporter.pipeline import load_thread
from exporter.sites.lemmy import SITE, isodata


def _comment(cid: int, who: str, body: str, replies: str = "", after: str = "") -> str:
    """``li.comment > article``, then the stub and the replies' ``ul.comments``, as lemmy-ui."""
    return (
        f'<li class="comment"><article class="details comment-node" id="comment-{cid}">'
        f'<a class="person-listing" title="{who}" href="/u/{who}"><span>{who}</span></a>'
        f'<span class="moment-time" data-tippy-content="Tuesday, November 10th, 2026 at '
        f'9:0{cid % 10}:12 AM GMT+00:00">1 day ago</span>'
        f'<span aria-label="{cid} Upvotes">{cid}</span>'
        f'<div class="comment-content"><div class="md-div">{body}</div></div></article>'
        f"{after}" + (f'<ul class="comments">{replies}</ul>' if replies else "") + "</li>"
    )


STUB = '<div class="details ms-1 comment-node py-0"><button>3 more replies ➔</button></div>'
TREE = _comment(
    1,
    "ann",
    "<p>root one</p>",
    _comment(
        2,
        "bob",
        "<p>reply</p>",
        _comment(3, "cy", "<p>deleted by creator</p>", _comment(4, "dee", "<p>deep</p>"))
        + _comment(5, "ann", "<p>second <a href='/post/9'>link</a></p>", after=STUB),
    ),
) + _comment(6, "eve", "<p>root two</p>", _comment(7, "bob", "<p>late</p>"))


def _page(comments: str, script: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head>"
        '<link rel="canonical" href="https://lemmy.example/post/9">'
        f"{script}</head><body>"
        '<div class="post-listing"><h1><span class="post-title">A thread</span></h1>'
        '<article class="post-container"><a class="person-listing" href="/u/op">'
        '<span>op</span></a><div class="md-div"><p>the post</p></div></article></div>'
        f'<ul class="comments">{comments}</ul>'
        '<a class="person-listing" href="/u/x"><span>x</span></a></body></html>'
    )


def _shape(thread: Thread) -> list[tuple[object, ...]]:
    def row(c: Comment) -> tuple[object, ...]:
        return (c.id, c.parent_id, c.depth, c.author_id, c.upvotes, c.deleted, c.body_html)

    return [row(c) for c in thread.walk()]


def _read(page: str, *, whole: bool = False) -> Thread:
    limits = Limits(max_nesting=3_000) if whole else Limits()
    return load_thread(page.encode(), limits=limits)


@pytest.mark.parametrize("chunk", [7, 64, page_stream.CHUNK])
def test_a_page_read_in_pieces_is_the_page_read_whole(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    page = _page(TREE)
    whole = _read(page, whole=True)
    monkeypatch.setattr(page_stream, "CHUNK", chunk)
    streamed = _read(page)
    assert _shape(streamed) == _shape(whole)
    assert streamed.missing == whole.missing
    assert streamed.post is not None and whole.post is not None
    assert streamed.post.body_html == whole.post.body_html == "<p>the post</p>"


def test_replies_stubs_and_deleted_comments_keep_their_places() -> None:
    thread = _read(_page(TREE))
    rows = {c.id: (c.parent_id, c.depth) for c in thread.walk()}
    assert [c.id for c in thread.walk()] == ["1", "2", "3", "4", "5", "6", "7"]
    assert rows == {
        "1": (None, 0),
        "2": ("1", 1),
        "3": ("2", 2),
        "4": ("3", 3),
        "5": ("2", 2),
        "6": (None, 0),
        "7": ("6", 1),
    }
    by_id = {c.id: c for c in thread.walk()}
    assert by_id["3"].deleted and by_id["3"].body_html == ""
    assert by_id["5"].body_html == '<p>second <a href="https://lemmy.example/post/9">link</a></p>'
    assert by_id["5"].permalink == "https://lemmy.example/comment/5"
    assert [(s.parent_id, s.count) for s in thread.missing] == [("5", 3)]
    assert thread.url == "https://lemmy.example/post/9"


def test_a_comment_node_inside_another_is_read_with_it_in_page_order() -> None:
    # A broken page: a reply's whole item inside its parent's article.
    inner = _comment(2, "bob", "<p>inner</p>")
    outer = _comment(1, "ann", "<p>outer</p>").replace(
        "</article>", f'<ul class="comments">{inner}</ul></article>', 1
    )
    page = _page(outer + _comment(3, "cy", "<p>after</p>"))
    streamed, whole = _read(page), _read(page, whole=True)
    assert _shape(streamed) == _shape(whole)
    assert [(c.id, c.parent_id) for c in streamed.walk()] == [("1", None), ("2", "1"), ("3", None)]


def test_isodata_pages_take_their_bodies_and_order_from_the_stream() -> None:
    views = [
        {
            "comment": {"id": cid, "path": path, "content": "md", "published": "2026-01-01T00:00Z"},
            "creator": {"id": 1, "name": "a", "actor_id": "https://lemmy.example/u/a"},
            "counts": {"score": 1, "child_count": 0},
        }
        for cid, path in [(7, "0.6.7"), (6, "0.6"), (1, "0.1"), (2, "0.1.2")]
    ]
    data = {
        "path": "/post/9",
        "site_res": {"site_view": {"site": {"actor_id": "https://lemmy.example/"}}},
        "routeData": {
            "postRes": {"data": {"post_view": {"post": {"id": 9, "name": "A thread"}}}},
            "commentsRes": {"data": {"comments": views}},
        },
        "x": None,
    }
    source = json.dumps(data).replace("null", "undefined")
    script = f"<script>window.isoData = {source};</script>"
    thread = _read(_page(TREE, script))
    ids = [c.id for c in thread.walk()]
    assert ids == ["1", "2", "6", "7"]  # the page's order, not the API's
    by_id = {c.id: c for c in thread.walk()}
    assert by_id["2"].body_html == "<p>reply</p>"
    assert thread.post is not None and thread.post.body_html == "<p>the post</p>"


def test_the_site_streams_saved_pages_only() -> None:
    assert SITE.streams(page_from_text(_page(TREE), "page.html"))
    pasted = page_from_text("ann\n3 points\nhello there\n\nbob\n1 point\nreply", "paste.txt")
    assert not pasted.is_html
    assert not SITE.streams(pasted)


@pytest.mark.parametrize(
    "value",
    ["plain", "caf\u00e9 \u2019quoted\u2019 \U0001f6de", "\\\\\u00e9", "\\u00e9", "\ud800 lone"],
)
def test_isodata_rewritten_as_ascii_reads_as_it_did(value: str) -> None:
    # The isoData is read from an ASCII copy of the page's UTF-8: the same strings come out
    # (without the characters XML forbids, as ever).
    body = '{"s": ' + json.dumps(value, ensure_ascii=False) + ', "u": undefined}'
    text = f"<script>window.isoData = {body};</script>"
    page = text.encode("utf-8", "surrogatepass")  # as ``SavedPage.utf8`` writes a lone one
    assert isodata.extract(page) == {"s": strip_xml_illegal(value), "u": None}


@pytest.mark.parametrize("undefined", ["", ', "u": undefined'])
def test_broken_isodata_stays_broken(undefined: str) -> None:
    # A lone backslash before a character ASCII lacks: JSON forbids it, escaped or not.
    broken = '<script>window.isoData = {"s": "\\\u00e9"' + undefined + "}"
    assert isodata.extract(broken.encode()) is None
    # JSON that only ends past its script is the script's broken JSON.
    cut = '<script>window.isoData = {"s": "a</script>b"' + undefined + "}"
    assert isodata.extract(cut.encode()) is None
