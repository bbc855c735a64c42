"""The safety limits: each refuses with one line naming the input and the flag that raises it,
in bounded time; raised, the same inputs convert in full. Deep pages are generated here in the
minimal markup each site parser reads (100,000 levels deep is tens of megabytes: no fixture)."""

from __future__ import annotations

import json
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import chain, make_comment, make_thread, sized_body
from lxml import etree

from exporter.cli import main
from exporter.errors import LimitError
from exporter.jsonout import iter_json
from exporter.limits import MAX_NESTING, Limits, cap_bodies, cut_body, html_depth
from exporter.model import Thread, thread_to_json
from exporter.pipeline import load_thread

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PYRAMID_LEVELS = 100_000
REFUSAL_SECONDS = 10.0
"""Measured: 0.1-0.3 s in-process for each 100,000-deep pyramid (the scan stops at the limit);
the bound leaves room for a loaded CI machine, and is far below the 20-75 s a full parse took."""


# --- deep pages, one per markup -----------------------------------------------------------------


def div_pyramid(levels: int) -> str:
    return "<html><body>" + "<div>" * levels + "x" + "</div>" * levels + "</body></html>"


def lemmy_chain(levels: int, body: Callable[[int], str] = lambda i: f"<p>reply {i}</p>") -> str:
    """lemmy-ui's markup without scripts: ``ul.comments > li.comment > article``, nested."""
    head = (
        '<!DOCTYPE html><html><head><link rel="canonical" href="https://lemmy.example/post/1">'
        '</head><body><div class="post-listing"><h1><span class="post-title">Deep</span></h1>'
        '<a class="person-listing" href="/u/op"><span>op</span></a></div><ul class="comments">'
    )
    items = (
        f'<li class="comment"><article class="comment-node" id="comment-{i + 1}">'
        f'<a class="person-listing" href="/u/u{i % 2}"><span>u{i % 2}</span></a>'
        f'<div class="md-div">{body(i)}</div></article><ul class="comments">'
        for i in range(levels)
    )
    return head + "".join(items) + "</ul></li>" * levels + "</ul></body></html>"


def shreddit_chain(levels: int) -> str:
    """shreddit: every reply is a ``<shreddit-comment>`` inside its parent's."""
    head = (
        "<!DOCTYPE html><html><head><title>Deep : r/test</title></head><body>"
        '<shreddit-post post-title="Deep" author="op" permalink="/r/test/comments/abc/deep/" '
        'subreddit-prefixed-name="r/test"></shreddit-post><shreddit-comment-tree>'
    )
    items = (
        f'<shreddit-comment author="u{i % 2}" thingid="t1_{i}" depth="{i}">'
        f'<div slot="comment"><p>reply {i}</p></div>'
        for i in range(levels)
    )
    tail = "</shreddit-comment>" * levels + "</shreddit-comment-tree></body></html>"
    return head + "".join(items) + tail


def old_reddit_chain(levels: int) -> str:
    """old.reddit: ``div.thing > div.child > div.sitetable > div.thing``, three per level."""
    head = (
        '<!DOCTYPE html><html><head><link rel="canonical" '
        'href="https://old.reddit.com/r/test/comments/abc/deep/"></head><body>'
        '<div class="commentarea"><div class="sitetable nestedlisting">'
    )
    items = (
        f'<div class=" thing id-t1_{i} comment" data-fullname="t1_{i}" data-author="u{i % 2}">'
        f'<div class="entry"><p class="tagline"><a class="author">u{i % 2}</a></p>'
        '<form class="usertext"><div class="usertext-body"><div class="md">'
        f'<p>reply {i}</p></div></div></form></div><div class="child"><div class="sitetable">'
        for i in range(levels)
    )
    return head + "".join(items) + "</div></div></div>" * levels + "</div></div></body></html>"


def hn_chain(levels: int, body: Callable[[int], str] = lambda i: f"reply {i}") -> str:
    """Hacker News: flat rows, the depth only in ``td.ind[indent]``."""
    head = (
        '<html lang="en"><head><title>Deep | Hacker News</title></head><body><table id="hnmain">'
        '<tr><td><table class="fatitem"><tr class="athing submission" id="1"><td class="title">'
        '<span class="titleline"><a href="https://x.example/">Deep</a></span></td></tr><tr>'
        '<td class="subtext"><span class="score">3 points</span> by '
        '<a class="hnuser" href="user?id=op">op</a></td></tr></table><table class="comment-tree">'
    )
    rows = (
        f'<tr class="athing comtr" id="{i + 10}"><td><table><tr><td class="ind" indent="{i}">'
        f'</td><td class="default"><span class="comhead"><a href="user?id=u{i % 2}" '
        f'class="hnuser">u{i % 2}</a></span><div class="comment"><div class="commtext c00">'
        f"{body(i)}</div></div></td></tr></table></td></tr>"
        for i in range(levels)
    )
    return head + "".join(rows) + "</table></td></tr></table></body></html>"


PYRAMIDS: dict[str, Callable[[int], str]] = {
    "div": div_pyramid,
    "lemmy-ul-li": lemmy_chain,
    "shreddit-comment": shreddit_chain,
    "old-reddit-thing": old_reddit_chain,
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def reply_depth(thread_json: dict[str, object]) -> int:
    """The deepest ``depth`` in a ``--json`` document, walked without recursion."""
    stack = list(thread_json["comments"])  # type: ignore[call-overload]
    deepest = -1
    while stack:
        node = stack.pop()
        deepest = max(deepest, node["depth"])
        stack.extend(node["children"])
    return deepest


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("<html><body><div><p>x</p></div></body></html>", 4),
        ("<p>a<p>b<p>c", 3),  # <p> closes <p>: html > body > p
        ("<ul><li>a<li>b<ul><li>c</ul></ul>", 6),
        ("", 0),
        ("just text", 2),  # libxml2 wraps it: html > body
    ],
)
def test_depth_is_what_libxml2_builds(text: str, depth: int) -> None:
    assert html_depth(text, 100) == depth


def test_depth_stops_counting_past_the_limit() -> None:
    assert html_depth(div_pyramid(50_000), 100) == 101


def test_real_pages_are_far_under_the_default() -> None:
    for page in SAMPLES.glob("*.html"):
        assert html_depth(page.read_text(encoding="utf-8"), MAX_NESTING) < 100, page.name


@pytest.mark.parametrize("kind", PYRAMIDS)
@pytest.mark.parametrize("site", [None, "lemmy", "reddit", "hackernews"])
def test_a_100000_deep_pyramid_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, site: str | None
) -> None:
    page = tmp_path / f"{kind}.html"
    page.write_text(PYRAMIDS[kind](PYRAMID_LEVELS), encoding="utf-8")
    before = page.read_bytes()
    started = time.perf_counter()
    code, _, err = run([str(page), *(["--site", site] if site else [])], capsys)
    elapsed = time.perf_counter() - started
    assert code == 1
    assert err == (
        f"thread2epub: {page}: its HTML nests more than 2,000 elements deep, which no thread "
        "page does (a damaged or hostile page?); if it is a real thread, raise the limit with "
        "--max-nesting\n"
    )
    assert elapsed < REFUSAL_SECONDS
    assert sorted(p.name for p in tmp_path.iterdir()) == [page.name]
    assert page.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "levels"),
    [(lemmy_chain, 1_500), (shreddit_chain, 2_500), (old_reddit_chain, 1_000)],
    ids=["lemmy", "shreddit", "old-reddit"],
)
def test_a_raised_limit_converts_every_reply(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[int], str],
    levels: int,
) -> None:
    """Past libxml2's 2,048-level tree limit too: these parsers use BeautifulSoup, whose tree
    has no such limit, and every stage after parsing walks the replies without recursion."""
    page = tmp_path / "deep.html"
    page.write_text(make(levels), encoding="utf-8")
    assert html_depth(page.read_text(encoding="utf-8"), 10**6) > 2_048
    code, out, err = run([str(page), "--max-nesting", "10000", "--json"], capsys)
    assert code == 0, err
    assert reply_depth(_loads(out)) == levels - 1
    code, _, err = run(
        [str(page), "--max-nesting", "10000", "-o", str(tmp_path / "b.epub")], capsys
    )
    assert code == 0, err
    assert f"({levels} comments," in err


def test_a_5000_deep_reply_chain_in_flat_markup_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hacker News nests replies only in data: no markup limit applies, and a chain far deeper
    than Python's recursion limit still becomes a book and valid JSON."""
    page = tmp_path / "hn.html"
    page.write_text(hn_chain(5_000), encoding="utf-8")
    code, out, err = run([str(page), "--json"], capsys)
    assert code == 0, err
    assert reply_depth(_loads(out)) == 4_999
    code, _, err = run([str(page), "-o", str(tmp_path / "hn.epub")], capsys)
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "hn.epub") as book:
        text = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "reply 4999" in text


def _loads(text: str) -> dict[str, object]:
    """``json.loads`` for deep documents: its C decoder counts nesting against the recursion
    limit (two levels per reply), so raise it for the call."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20_000))
    try:
        data: dict[str, object] = json.loads(text)
    finally:
        sys.setrecursionlimit(old)
    return data


# --- comments -----------------------------------------------------------------------------------


def test_too_many_comments_is_refused_with_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "hn.html"
    page.write_text(hn_chain(30), encoding="utf-8")
    code, _, err = run([str(page), "--max-comments", "29"], capsys)
    assert code == 1
    assert err == (
        f"thread2epub: {page}: holds 30 comments, more than the limit of 29; "
        "raise it with --max-comments\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["hn.html"]
    code, _, err = run([str(page), "--max-comments", "30", "-q"], capsys)
    assert (code, err) == (0, "")


def test_the_api_takes_the_same_limits() -> None:
    page = hn_chain(30).encode()
    with pytest.raises(LimitError, match=r"^<bytes>: holds 30 comments"):
        load_thread(page, limits=Limits(max_comments=10))
    with pytest.raises(LimitError, match=r"^<bytes>: its HTML nests more than 5 elements"):
        load_thread(page, limits=Limits(max_nesting=5))
    assert load_thread(page).comment_count() == 30


# --- bodies -------------------------------------------------------------------------------------


def _xml_ok(fragment: str) -> bool:
    try:
        etree.fromstring(f"<div>{fragment}</div>".encode())
    except etree.XMLSyntaxError:
        return False
    return True


def test_cut_body_keeps_whole_blocks_and_stays_well_formed() -> None:
    body = sized_body(300_000)
    cut = cut_body(body, 100_000)
    assert len(cut.encode()) <= 100_000
    assert len(cut.encode()) > 80_000  # the budget is used, not wasted
    assert _xml_ok(cut)
    whole, last = cut.rsplit("<p>", 1)
    assert body.startswith(whole)  # whole paragraphs, then the start of the next one
    assert body[len(whole) :].startswith("<p>" + last.removesuffix("</p>").rstrip())


def test_cut_body_cuts_one_huge_block_as_text_at_a_character_boundary() -> None:
    body = "<pre>" + "é&amp;&lt;&gt;ß🦊" * 100_000 + "</pre>"
    cut = cut_body(body, 10_000)
    assert len(cut.encode()) <= 10_000
    assert _xml_ok(cut)
    assert cut.startswith("<p>é&amp;&lt;&gt;ß🦊")


def test_cap_bodies_notes_the_cut_in_the_book_and_in_the_warnings() -> None:
    kilobyte = "<p>" + "y" * 1017 + "</p>"
    big = make_comment("c2", author="verbose", body_html=kilobyte * 50)
    post = make_comment("post", author="op", body_html=kilobyte * 40)
    thread = make_thread([make_comment("c1", body_html="<p>short</p>"), big], post=post)
    cap_bodies(thread, 16 * 1024)
    for comment in (big, post):
        assert len(comment.body_html.encode()) < 16 * 1024 + 300
        assert "[This text is cut here: it is " in comment.body_html
        assert "--max-body-kb " in comment.body_html
        assert _xml_ok(comment.body_html)
    assert thread.comments[0].body_html == "<p>short</p>"
    assert thread.warnings == [
        "the post by op is 40 KB long; the book keeps its first 16 KB "
        "(raise the limit with --max-body-kb)",
        "comment c2 by verbose is 50 KB long; the book keeps its first 16 KB "
        "(raise the limit with --max-body-kb)",
    ]


def test_a_huge_body_is_cut_with_a_warning_and_the_book_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "<p>" + "all work and no play " * 20 + "</p>"
    page = tmp_path / "hn.html"
    page.write_text(hn_chain(3, lambda i: huge * 2_000 if i == 1 else f"reply {i}"), "utf-8")
    code, _, err = run([str(page), "--max-body-kb", "64", "-o", str(tmp_path / "b.epub")], capsys)
    assert code == 0, err
    lines = err.splitlines()
    assert lines[0].startswith("thread2epub: warning: comment 11 by u1 is ")
    assert lines[0].endswith(
        " KB long; the book keeps its first 64 KB (raise the limit with --max-body-kb)"
    )
    with zipfile.ZipFile(tmp_path / "b.epub") as book:
        text = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "[This text is cut here" in text
    assert "reply 2" in text  # the comments after it are all there


# --- JSON at any depth --------------------------------------------------------------------------


def _representative() -> Thread:
    from builders import representative_thread

    return representative_thread()


@pytest.mark.parametrize(
    "value",
    [{}, [], None, "é\n\u2028", 1.5, {"a": [], "b": {}, "c": [[{"d": None}]]}],
)
def test_json_writer_matches_json_dumps(value: object) -> None:
    assert "".join(iter_json(value)) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_writer_matches_json_dumps_on_threads() -> None:
    for thread in (_representative(), make_thread([chain(40)])):
        data = thread_to_json(thread)
        assert "".join(iter_json(data)) == json.dumps(data, ensure_ascii=False, indent=2)


def test_json_writer_stops_indenting_deeper_and_stays_linear() -> None:
    data = thread_to_json(make_thread([chain(3_000)]))
    text = "".join(iter_json(data))
    assert max(len(line) - len(line.lstrip(" ")) for line in text.splitlines()) <= 200
    # Same data: compared as text, since == on 6,000-deep dicts recurses too.
    assert "".join(iter_json(_loads(text))) == text


def test_a_body_nested_300_deep_keeps_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    """Within the nesting limit nothing may vanish: not the deep words, not what follows."""
    deep = "<p>before</p>" + "<blockquote>" * 300 + "deep words" + "</blockquote>" * 300
    page = lemmy_chain(2, lambda i: deep + "<p>after</p>" if i == 1 else f"<p>reply {i}</p>")
    thread = load_thread(page.encode())
    body = thread.comments[0].children[0].body_html
    assert "before" in body
    assert "deep words" in body
    assert "after" in body
