"""Lemmy pages: the isoData path, the DOM-only path (SingleFile), and the server's HTML.

The pages are invented threads written by ``python -m samples.lemmy_pages`` in lemmy-ui 0.19's
real markup; ``tests/data/lemmy/expected.json`` is the truth they were generated from.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from exporter.clean import join_url
from exporter.load import read_input
from exporter.model import Comment, Thread
from exporter.page_tree import strings
from exporter.pipeline import load_thread
from exporter.sites import detect
from exporter.sites.lemmy import dom, header, isodata

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "lemmy"
PAGES = {
    "saved": ROOT / "samples" / "lemmy-saved-post.html",
    "singlefile": DATA / "singlefile.html",
    "server": DATA / "server_rendered.html",
}
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(PAGES))
def thread(request: pytest.FixtureRequest) -> Thread:
    return load_thread(PAGES[request.param])


def _by_id(thread: Thread) -> dict[str, Comment]:
    return {c.id: c for c in thread.walk()}


def test_every_form_is_recognised_as_lemmy() -> None:
    for path in PAGES.values():
        site = detect(read_input(str(path)))
        assert site is not None and site.key == "lemmy"


def test_thread_facts(thread: Thread) -> None:
    assert thread.site == "lemmy"
    assert thread.title == EXPECTED["title"]
    assert thread.community == EXPECTED["community"]
    assert thread.site_name == EXPECTED["site_name"]
    assert thread.post is not None and thread.post.body_html


def test_tree_shape(thread: Thread) -> None:
    comments = list(thread.walk())
    assert len(comments) == EXPECTED["comment_count"]
    assert len(thread.comments) == EXPECTED["top_level"]
    histogram = Counter(str(c.depth) for c in comments)
    assert dict(histogram) == EXPECTED["depth_histogram"]
    assert [c.id for c in comments] == EXPECTED["ids_in_page_order"]
    assert {c.id: c.parent_id for c in comments} == EXPECTED["parent_of"]
    for c in comments:
        for child in c.children:
            assert child.parent_id == c.id and child.depth == c.depth + 1


def test_people_and_flags(thread: Thread) -> None:
    comments = _by_id(thread)
    assert {i: c.author for i, c in comments.items()} == EXPECTED["authors"]
    assert {i: c.author_id for i, c in comments.items()} == EXPECTED["author_ids"]
    for flag, key in [
        ("is_op", "op_comment_ids"),
        ("deleted", "deleted_ids"),
        ("removed", "removed_ids"),
        ("is_moderator", "moderator_ids"),
        ("is_admin", "admin_ids"),
        ("distinguished", "distinguished_ids"),
    ]:
        assert sorted(i for i, c in comments.items() if getattr(c, flag)) == sorted(
            EXPECTED[key]
        ), flag
    assert sorted(i for i, c in comments.items() if c.edited) == sorted(EXPECTED["edited_ids"])
    for c in comments.values():
        if c.deleted or c.removed:
            assert c.body_html == ""
        else:
            assert c.body_html


def test_scores_and_times(thread: Thread) -> None:
    comments = _by_id(thread)
    assert {i: c.score for i, c in comments.items()} == EXPECTED["scores"]
    for comment_id, iso in EXPECTED["created"].items():
        created = comments[comment_id].created
        assert created is not None and created.utcoffset() is not None
        # The DOM's tooltip has whole seconds; isoData has microseconds.
        expected = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        assert created.replace(microsecond=0) == expected.replace(microsecond=0)


def test_missing_replies_are_recorded(thread: Thread) -> None:
    assert [{"parent_id": s.parent_id, "count": s.count} for s in thread.missing] == EXPECTED[
        "missing"
    ]


def test_no_icon_words_leak_into_bodies(thread: Thread) -> None:
    for c in thread.walk():
        text = c.body_html
        for word in ("fedilink", "arrow-up", "minus-square", "edit-2"):
            assert word not in text


def test_dom_and_isodata_agree() -> None:
    a, b = load_thread(PAGES["saved"]), load_thread(PAGES["singlefile"])
    fields = ["parent_id", "depth", "author", "author_id", "score", "is_op", "deleted", "removed"]
    left, right = _by_id(a), _by_id(b)
    assert left.keys() == right.keys()
    for comment_id in left:
        for field in fields:
            assert getattr(left[comment_id], field) == getattr(right[comment_id], field), (
                comment_id,
                field,
            )


def test_isodata_survives_javascript_only_values() -> None:
    script = (
        '<script>window.isoData = {"path":"\\u002Fpost\\u002F1","x":undefined,'
        '"s":"undefined stays","d":new Date("2026-01-02T00:00:00Z")};</script>'
    )
    data = isodata.extract(script.encode())
    assert data == {
        "path": "/post/1",
        "x": None,
        "s": "undefined stays",
        "d": "2026-01-02T00:00:00Z",
    }


def test_broken_isodata_falls_back_to_the_dom(tmp_path: Path) -> None:
    page = PAGES["saved"].read_text(encoding="utf-8")
    broken = page.replace("window.isoData = {", "window.isoData = {{", 1)
    path = tmp_path / "broken.html"
    path.write_text(broken, encoding="utf-8")
    thread = load_thread(path)
    assert thread.comment_count() == EXPECTED["comment_count"]


@pytest.mark.parametrize(
    "base", ["https://lemmy.example/post/1?x=1#y", "https://lemmy.example", "mailto:x", "", None]
)
@pytest.mark.parametrize("comment_id", ["9404811", "٣", "12a", "../x", "?a", ""])
def test_permalinks_are_the_joined_addresses(base: str | None, comment_id: str) -> None:
    # The shortcut for digit ids (the base split once a page) gives what urljoin gives.
    expected = join_url(base, f"/comment/{comment_id}") if base else None
    assert dom.permalinks(base)(comment_id) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Deleted <b>by</b>\n creator</p>",
        "<p> <em>removed</em> by mod </p>",
        "<p>deleted by creator, then restored</p>",
        "<p>deleted</p><p>by creator</p><p>!</p>",
        "<p>Deleted by the creator? No.</p>",
        "<p></p>",
    ],
)
def test_deletion_notices_read_as_from_the_whole_body(body: str) -> None:
    # Only a body whose first words begin a notice is read whole; the verdict is the same.
    root = etree.fromstring(f"<html><body><div class='md-div'>{body}</div></body></html>")
    content = root[0][0]
    whole = " ".join(s.strip() for s in strings(content) if s.strip()).lower()
    notices = ("deleted by creator", "removed by mod")
    shown = dom.notice(content)
    assert (shown in notices, shown if shown in notices else None) == (
        whole in notices,
        whole if whole in notices else None,
    )


def test_classes_are_words_split_by_xml_spaces_only() -> None:
    # What the XPath class test sees: a no-break space joins two words into one.
    root = etree.fromstring(
        "<html><body><div class='a\tmd-div\nb'/><div class='md-div\u00a0x'/></body></html>"
    )
    first, second = root[0]
    assert "md-div" in header.class_words(first)
    assert "md-div" not in header.class_words(second)
