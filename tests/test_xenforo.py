"""XenForo thread pages: XenForo 2 (two pages of one quest) and XenForo 1, read back field by
field; quotes as reply targets, spoilers shown, smilies as text, no chrome or signatures in
bodies; detection; a forum index refused; and one book through EPUBCheck.

The pages are invented threads written by ``tests/data/xenforo/make_pages.py`` in XenForo's
real markup; ``tests/data/xenforo/expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EpubCheck

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Comment, Thread
from exporter.page_tree import Element, document
from exporter.sites import MIN_SCORE, all_sites, detect
from exporter.sites.xenforo import SITE
from exporter.sites.xenforo.bbcode import body_html
from exporter.sites.xenforo.markup import ClassIndex, thread_identity

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "xenforo"
PAGES = {
    "xf2_page1": DATA / "xf2_page1.html",
    "xf2_page2": DATA / "xf2_page2.html",
    "xf1_page3": DATA / "xf1_page3.html",
    "sample": ROOT / "samples" / "xenforo-quest-thread.html",
}
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
# What XenForo prints around a body and must never reach one.
CHROME = (
    "Click to expand",
    "Click to shrink",
    "Reactions:",
    "Report",
    "+ Quote",
    "Last edited",
    "Threadmarks",
    "Messages",
    "Reaction score",
    "Write your reply",
    "Share this page",
    "Members online",
    "\u2191",
)
FIELDS = (
    "id",
    "author",
    "author_id",
    "created",
    "created_text",
    "number",
    "threadmark",
    "reply_to",
    "reply_to_author",
    "reply_to_number",
    "is_op",
    "is_moderator",
    "is_admin",
    "deleted",
    "removed",
    "edited",
    "score",
    "permalink",
)


def parse(path: Path) -> Thread:
    return SITE.parse(read_input(str(path)))


def plain(body: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def first_class(root: Element, name: str) -> Element | None:
    """The first element inside ``root`` whose class holds ``name``."""
    return ClassIndex(root).first(name)


def field(comment: Comment, name: str) -> object:
    value = getattr(comment, name)
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.fixture(scope="module", params=sorted(PAGES))
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Thread]:
    return EXPECTED[request.param], parse(PAGES[request.param])


def pairs(truth: dict[str, Any], thread: Thread) -> list[tuple[dict[str, Any], Comment]]:
    found = ([thread.post] if thread.post else []) + thread.comments
    wanted = ([truth["post"]] if truth["post"] else []) + truth["comments"]
    assert [c.id for c in found] == [w["id"] for w in wanted]
    return list(zip(wanted, found, strict=True))


def test_thread_facts(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    assert thread.site == "xenforo"
    for name in ("title", "url", "site_name", "community", "thread_id", "page", "page_count"):
        assert getattr(thread, name) == truth[name], name
    assert thread.language == truth["language"]
    assert thread.warnings == truth["warnings"]
    assert (thread.post.id if thread.post else None) == (
        truth["post"]["id"] if truth["post"] else None
    )
    assert all(c.depth == 0 and not c.children and c.parent_id is None for c in thread.comments)


def test_post_fields(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        for name in FIELDS:
            assert field(comment, name) == wanted[name], (comment.id, name)


def test_bodies_say_what_the_posts_said_in_order(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        text = plain(comment.body_html)
        at = 0
        for words in wanted["says"]:
            found = text.find(words, at)
            assert found >= 0, (comment.id, words, text)
            at = found + len(words)
        if wanted["deleted"] or wanted["removed"]:
            assert comment.body_html == ""


def test_no_chrome_or_signature_in_bodies(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        text = plain(comment.body_html)
        for chrome in CHROME:
            assert chrome not in text, (comment.id, chrome)
        if wanted["signature"]:
            assert wanted["signature"] not in text
        assert "avatar" not in comment.body_html and "data:" not in comment.body_html


def test_quotes_are_blockquotes_headed_by_their_attribution(
    case: tuple[dict[str, Any], Thread],
) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        heads = re.findall(r"<blockquote><p><cite>([^<]*)</cite></p>", comment.body_html)
        assert [html.unescape(h) for h in heads] == wanted["quotes"], comment.id


def test_spoilers_are_visible_labelled_blocks(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        labels = re.findall(
            r'<div class="spoiler"><p class="spoiler-label">([^<]*)</p>', comment.body_html
        )
        assert labels == wanted["spoilers"], comment.id
        assert "<details" not in comment.body_html and "<button" not in comment.body_html


def test_smilies_become_their_text(case: tuple[dict[str, Any], Thread]) -> None:
    truth, thread = case
    for wanted, comment in pairs(truth, thread):
        for code in wanted["smilies"]:
            assert code in plain(comment.body_html)
            assert f"[image: {code}]" not in comment.body_html
        assert "[image" not in comment.body_html


def test_reply_targets_on_and_off_the_page() -> None:
    page1, page2 = parse(PAGES["xf2_page1"]), parse(PAGES["xf2_page2"])
    by_id = {c.id: c for c in page1.walk()}
    nested = by_id["52004"]  # quotes #3, whose own quote of #1 is inside it
    assert (nested.reply_to, nested.reply_to_number) == ("52003", 3)
    sourceless = by_id["52006"]  # quotes a line with an author and no post
    assert (sourceless.reply_to, sourceless.reply_to_author) == (None, "an old sailor")
    later = {c.id: c for c in page2.walk()}
    assert (later["52110"].reply_to, later["52110"].reply_to_number) == ("52007", None)
    two_quotes = later["52112"]  # quotes #8 first, then #7: the first is the target
    assert (two_quotes.reply_to, two_quotes.reply_to_number) == ("52111", 8)


def test_pages_of_one_thread_share_its_identity() -> None:
    page1, page2 = parse(PAGES["xf2_page1"]), parse(PAGES["xf2_page2"])
    assert page1.thread_id == page2.thread_id is not None
    assert (page1.page, page2.page) == (1, 2)
    assert page2.post is None  # page 2's first post does not open the thread
    assert thread_identity("https://www.Example.org/community/threads/x-y.42/page-7") == (
        "example.org/community/threads/42",
        "42",
    )
    assert thread_identity("https://example.org/index.php?threads/x.42/page-2") == (
        "example.org/index.php?threads/42",
        "42",
    )
    assert thread_identity("https://example.org/forums/quests.29/") is None


def test_detection_claims_xenforo_pages_only() -> None:
    for path in [*PAGES.values(), DATA / "forum_index.html"]:
        page = read_input(str(path))
        assert SITE.score(page) >= 0.5, path.name
        found = detect(page)
        assert found is not None and found.key == "xenforo"
    for path in PAGES.values():
        assert SITE.score(read_input(str(path))) == 1.0
    others = [
        *sorted((ROOT / "tests" / "data" / "lemmy").glob("*.html")),
        *sorted((ROOT / "tests" / "data" / "hackernews").glob("*.html")),
        *sorted((ROOT / "tests" / "data" / "reddit").glob("*.html")),
    ]
    assert others
    for path in others:
        assert SITE.score(read_input(str(path))) == 0.0, path.name
    talk = (
        '<html><body><div class="comment"><p>Their forum page starts with &lt;html id="XF"&gt;'
        " and every post is an article.message--post</p></div></body></html>"
    )
    assert SITE.score(page_from_text(talk)) == 0.0


def test_other_sites_do_not_claim_xenforo_pages() -> None:
    for path in PAGES.values():
        page = read_input(str(path))
        for site in all_sites():
            if site.key != "xenforo":
                assert site.score(page) < MIN_SCORE, (site.key, path.name)


def test_a_page_without_posts_is_refused_with_advice() -> None:
    with pytest.raises(NoThreadFound, match=r"forum_index\.html: .*list of forums.*threads/"):
        parse(DATA / "forum_index.html")


def test_nested_quotes_and_spoilers_keep_their_own_titles() -> None:
    root = document(
        '<html><body><div class="bbWrapper">'
        '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-quote="outer">'
        '<div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">'
        '<blockquote class="bbCodeBlock bbCodeBlock--quote" data-quote="inner" '
        'data-source="post: 9"><div class="bbCodeBlock-title">inner said:</div>'
        '<div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">deep'
        "</div></div></blockquote>middle</div></div></blockquote>after"
        '<div class="bbCodeSpoiler"><button class="bbCodeSpoiler-button"><span>Spoiler: '
        'a &lt;b&gt;</span></button><div class="bbCodeSpoiler-content"><div class="bbCodeBlock '
        'bbCodeBlock--spoiler"><div class="bbCodeBlock-content">hidden</div></div></div></div>'
        "</div></body></html>"
    )
    text, reply = body_html(first_class(root, "bbWrapper"), None)
    assert reply is not None and (reply.post_id, reply.author) == (None, "outer")
    assert text.startswith(
        "<blockquote><p><cite>outer said:</cite></p><blockquote><p><cite>inner said:</cite>"
        "</p>deep</blockquote>middle</blockquote>after"
    )
    assert '<p class="spoiler-label">Spoiler: a &lt;b&gt;</p>hidden</div>' in text


def test_a_page_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    from exporter import write_epub

    book = tmp_path / "quest.epub"
    write_epub(parse(PAGES["xf2_page1"]), str(book))
    epubcheck(book)


def test_link_cards_and_embeds_become_links() -> None:
    root = document(
        '<html><body><div class="bbWrapper">See <div class="bbCodeBlock bbCodeBlock--unfurl '
        'js-unfurl" data-url="https://tides.example/table"><div class="contentRow"><img '
        'src="/proxy.php?image=x" alt="thumb"/><h3 class="contentRow-header js-unfurl-title">'
        '<a href="https://tides.example/table">Tide table</a></h3><div class="contentRow-snippet'
        ' js-unfurl-desc">High and low water.</div><img class="bbCodeBlockUnfurl-icon" '
        'src="https://tides.example/favicon.ico" alt="icon"/></div></div>'
        '<iframe src="//player.example/embed/9"></iframe><iframe src="javascript:alert(1)">'
        "</iframe>end</div></body></html>"
    )
    text, _ = body_html(first_class(root, "bbWrapper"), "https://forum.example/")
    assert text == (
        'See <div><p><a href="https://tides.example/table">Tide table</a></p><p>High and low '
        'water.</p></div><a href="https://player.example/embed/9">[embedded media: '
        "player.example]</a>end"
    )


def test_dice_and_smilies_become_their_words() -> None:
    """A die drawn as an SVG is the number in its ``<title>``; a smilie is its code. Each
    keeps the text around it in place, nested SVG parts go with their die."""
    root = document(
        '<html><body><div class="bbWrapper">Rolled<svg><title>4</title><g><svg><title>x'
        '</title></svg></g></svg>and<svg></svg>then <img class="smilie" alt=":)" src="s.gif">'
        '<img class="smilie smilie--emoji" data-shortname=":fire:" src="f.png">!</div>'
        "</body></html>"
    )
    text, _ = body_html(first_class(root, "bbWrapper"), "https://forum.example/")
    assert text == "Rolled [4] and then :):fire:!"


def test_xenforo_2_3_times_and_reaction_wordings() -> None:
    from exporter.sites.xenforo.markup import time_from_element
    from exporter.sites.xenforo.xf2 import _reaction_count

    def first(markup: str, name: str) -> Any:
        return first_class(document(f"<html><body>{markup}</body></html>"), name)

    # 2.3 writes the unix time in data-timestamp and reuses data-time for the clock text.
    stamp = first(
        '<time class="u-dt" data-timestamp="1742000000" data-time="1:33 AM">x</time>', "u-dt"
    )
    moment = time_from_element(stamp)
    assert moment is not None and moment.isoformat() == "2025-03-15T00:53:20+00:00"
    assert (
        time_from_element(first('<time class="u-dt" data-time="1:33 AM">x</time>', "u-dt")) is None
    )

    def count(link: str) -> int | None:
        bar = (
            '<article class="p"><div class="reactionsBar"><a class="reactionsBar-link">'
            f"{link}</a></div></article>"
        )
        return _reaction_count(ClassIndex(first(bar, "p")))

    assert count("<bdi>ann</bdi>") == 1
    assert count("<bdi>ann</bdi> and <bdi>bo</bdi>") == 2
    assert count("<bdi>ann</bdi>, <bdi>bo</bdi> and 1,204 others") == 1206
    assert count("You, <bdi>ann</bdi> and 3 others") == 5
    assert count("<bdi>ann</bdi> and 3 others reacted 12 times") is None
    assert count("3 members") is None


def test_threadmark_header_without_the_label_class() -> None:
    from exporter.sites.xenforo.xf2 import _threadmark

    article = first_class(
        document(
            '<html><body><article class="message message--post hasThreadmark"><div class="'
            'message-cell message-cell--threadmark-header"><label>Threadmarks</label><span><span '
            'data-xf-init="tooltip" title="3 words">Interlude: Tides</span></span><span class="'
            'threadmark-nav"><a href="#">Next</a></span></div></article></body></html>'
        ),
        "message--post",
    )
    assert article is not None and _threadmark(ClassIndex(article)) == "Interlude: Tides"


def test_lazy_pictures_once_and_no_widget_leftovers() -> None:
    root = document(
        '<html><body><blockquote class="messageText">Map: <img class="bbImage lazyload" '
        'src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/pics/map.png" alt="map">'
        '<noscript><img src="/pics/map.png" alt="map"></noscript><script>track()</script>'
        '<button type="button">Toggle</button>'
        '<div class="messageTextEndMarker">&#160;</div></blockquote></body></html>'
    )
    text, _ = body_html(first_class(root, "messageText"), "https://forum.example/")
    assert text.count("map.png") == 1 and "base64" not in text
    assert "track" not in text and "Toggle" not in text and "\xa0" not in text


def test_pasted_text_is_refused_with_advice() -> None:
    page = page_from_text("Marrow_Wren said:\nThe lamp at Brass Point has gone dark.\n")
    assert not page.is_html
    assert SITE.score(page) == 0.0
    with pytest.raises(NoThreadFound, match="saved pages, not from pasted text"):
        SITE.parse(page)


def test_class_index_answers_for_the_tree_as_it_is_now() -> None:
    root = document(
        '<html><body><div class="a" id="1"><p class="b x" id="2">one</p></div>'
        '<div class="b" id="3"><span class="a b" id="4">two</span></div>'
        '<p class="a" id="5">three</p></body></html>'
    )
    found = ClassIndex(root)

    def ids(els: list[Any]) -> list[str | None]:
        return [el.get("id") for el in els]

    assert ids(found.every("a")) == ["1", "4", "5"]
    assert ids(found.every(("x", "a"))) == ["1", "2", "4", "5"]  # document order
    assert ids(found.every("b", tag="p")) == ["2"]
    outer = found.first("b", tag="div")
    assert outer is not None and ids(found.every("a", within=outer)) == ["4"]
    span = found.first("a", tag="span")
    assert span is not None and span.getparent() is outer
    outer.remove(span)  # gone from the tree: no longer found
    last = found.every("a")[-1]
    last.attrib.clear()  # no longer of the class: no longer found
    assert ids(found.every("a")) == ["1"] and ids(found.every("b")) == ["2", "3"]
