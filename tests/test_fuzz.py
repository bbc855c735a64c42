"""Fuzzing ``load → detect → parse`` for every site module, and the crashes it found.

The target (``check_input``) feeds bytes to ``page_from_bytes`` and ``thread_from_page`` — once
letting detection pick the site, once forcing a site as ``--site`` does — and renders every
thread it gets with ``epub_bytes``, which must give a well-formed, safe book
(``bookcheck.unsafe_findings``). The one acceptable failure is a ``Thread2EpubError``: the clear
one-line refusal. Anything else is a crash.

The inputs are real fixtures of each site, mutated (truncated, slices deleted, duplicated or
swapped, bytes flipped, tags and binary junk inserted, re-encoded in a wrong encoding, an
attribute or a text given a hostile value, Lemmy's isoData JSON given values of the wrong
type), and plain random bytes and text. Hypothesis shrinks a failure to a small input.

Here the run is short and derandomised, so CI stays fast and repeatable; ``tests/fuzz_long.py``
runs the same targets for as long as asked. Every crash found became a test in the last part of
this file, with the smallest input that shows it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bookcheck import unsafe_findings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.epub import epub_bytes
from exporter.errors import Thread2EpubError
from exporter.load import page_from_bytes
from exporter.pipeline import thread_from_page
from exporter.sites import detect, site_keys
from exporter.sites.lemmy import isodata

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

SEED_FILES: dict[str, list[Path]] = {
    "lemmy": [
        ROOT / "samples" / "lemmy-saved-post.html",
        DATA / "lemmy" / "singlefile.html",
        DATA / "lemmy" / "server_rendered.html",
        ROOT / "samples" / "lemmy-pasted.txt",
        DATA / "lemmy" / "paste_bullets.txt",
        DATA / "lemmy" / "paste_clipboard.txt",
        DATA / "lemmy" / "paste_innertext.txt",
    ],
    "reddit": [
        ROOT / "samples" / "reddit-old-thread.html",
        DATA / "reddit" / "old_2018.html",
        DATA / "reddit" / "react_2019.html",
        DATA / "reddit" / "react_2023.html",
        ROOT / "samples" / "reddit-shreddit-thread.html",
        DATA / "reddit" / "shreddit_linkpost.html",
        DATA / "reddit" / "paste_old_chromium.txt",
        DATA / "reddit" / "paste_old_nocss.txt",
        DATA / "reddit" / "paste_shreddit.txt",
    ],
    "hackernews": [
        ROOT / "samples" / "hn-item.html",
        DATA / "hackernews" / "item_2017.html",
        DATA / "hackernews" / "item_2023.html",
        DATA / "hackernews" / "item_dead_more.html",
        DATA / "hackernews" / "paste_chrome.txt",
        DATA / "hackernews" / "paste_firefox.txt",
    ],
}
SEEDS = {site: [p.read_bytes() for p in paths] for site, paths in SEED_FILES.items()}


# --- the target ---------------------------------------------------------------------------------


def check_input(data: bytes, forced_site: str | None = None) -> None:
    """Load, detect and parse ``data`` (then again with ``forced_site``); render each thread.

    Raises whatever the pipeline raises except ``Thread2EpubError``, and ``AssertionError``
    when a book is not well-formed or not safe.
    """
    for site in dict.fromkeys([None, forced_site]):
        try:
            thread = thread_from_page(page_from_bytes(data, "<fuzz>"), site=site)
        except Thread2EpubError:
            continue
        findings = unsafe_findings(epub_bytes(thread))
        assert not findings, "\n".join(findings[:20])


# --- mutations ----------------------------------------------------------------------------------

Mutation = Callable[[st.DrawFn, bytes], bytes]

TAGS = [
    b"<div>", b"</div>", b"<p>", b"</p>", b"<span>", b"</span>", b"<!--", b"-->", b"<script>",
    b"</script>", b"<style>", b"<table>", b"</table>", b"<tr>", b"<td>", b"<svg>", b"<math>",
    b"</html>", b"<html>", b"<body>", b"</body>", b"<textarea>", b"<plaintext>", b"<![CDATA[",
    b"<?xml version='1.0'?>", b'<meta charset="utf-16">', b'<meta charset="bogus">',
    b'<article class="comment-node" id="comment-1">', b'<li class="comment">',
    b'<div class="thing id-t1_x comment">', b'<div class="md">', b"<shreddit-comment>",
    b'<shreddit-comment thingid="t1_a" depth="1">', b'<tr class="athing comtr" id="1">',
    b'<td class="ind" indent="999999">', b'<div data-testid="comment">', b"window.isoData = {",
    b"&#0;", b"&#xD800;", b"&nbsp;", b"&", b"<", b">", b'"', b"'", b"\x00", b"\xff\xfe",
]  # fmt: skip
HOSTILE_VALUES = [
    "", " ", "0", "-1", "9" * 5000, "1e309", "NaN", "-0", "99999999999999999999",
    "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "0000-00-00T00:00:00Z",
    "2023-07-21T18:04:01 99999999999999999", "Monday, January 1st, 9999 at 11:59:59 PM GMT-14:00",
    "//[x", "http://[::1", "//a\uff03b/", "javascript:alert(1)", "data:text/html,x",
    "file:///etc/passwd", "../../etc/passwd", "%", "\x00", "\ud800", "t1_", "comment-",
    "comment-comment-1", "\u202e", "<script>alert(1)</script>", "1 point", "-5 points",
    "1.2k points", "12.3M", "[deleted]", "[removed]", "a" * 10_000,
]  # fmt: skip
ENCODINGS = ["utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis", "gb18030", "cp500"]


def _pos(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _span(draw: st.DrawFn, data: bytes) -> tuple[int, int]:
    a, b = _pos(draw, data), _pos(draw, data)
    return min(a, b), max(a, b)


def truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: _pos(draw, data)]


def delete_slice(draw: st.DrawFn, data: bytes) -> bytes:
    a, b = _span(draw, data)
    return data[:a] + data[b:]


def duplicate_slice(draw: st.DrawFn, data: bytes) -> bytes:
    a, b = _span(draw, data)
    at = _pos(draw, data)
    return data[:at] + data[a:b] + data[at:]


def swap_slices(draw: st.DrawFn, data: bytes) -> bytes:
    cuts = sorted(_pos(draw, data) for _ in range(4))
    a, b, c, d = cuts
    return data[:a] + data[c:d] + data[b:c] + data[a:b] + data[d:]


def flip_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 16))):
        if out:
            at = draw(st.integers(0, len(out) - 1))
            out[at] ^= draw(st.integers(1, 255))
    return bytes(out)


def insert_tag(draw: st.DrawFn, data: bytes) -> bytes:
    at = _pos(draw, data)
    return data[:at] + draw(st.sampled_from(TAGS)) + data[at:]


def insert_junk(draw: st.DrawFn, data: bytes) -> bytes:
    at = _pos(draw, data)
    return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]


def reencode(draw: st.DrawFn, data: bytes) -> bytes:
    """The page in a wrong encoding, maybe behind a BOM that lies about it."""
    text = data.decode("utf-8", "replace")
    out = text.encode(draw(st.sampled_from(ENCODINGS)), "replace")
    bom = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]))
    return bom + out


_ATTRIBUTE = re.compile(rb'([A-Za-z][\w:-]*)="([^"<>]*)"')
_TEXT_NODE = re.compile(rb">([^<>]{1,80})<")


def _pick_by_name(draw: st.DrawFn, found: list[re.Match[bytes]]) -> re.Match[bytes]:
    """A name first (each of the page's attribute names equally likely: ``created`` is as
    likely as ``class``), then one of its occurrences."""
    names = sorted({m.group(1) for m in found})
    name = names[draw(st.integers(0, len(names) - 1))]
    same = [m for m in found if m.group(1) == name]
    return same[draw(st.integers(0, len(same) - 1))]


def hostile_attribute(draw: st.DrawFn, data: bytes) -> bytes:
    """One attribute's value (a time, a score, an id, an address...) made hostile."""
    found = list(_ATTRIBUTE.finditer(data[:400_000]))
    if not found:
        return data
    match = _pick_by_name(draw, found)
    value = draw(st.sampled_from(HOSTILE_VALUES)).encode("utf-8", "surrogatepass")
    value = value.replace(b'"', b"&quot;")
    return data[: match.start(2)] + value + data[match.end(2) :]


def hostile_text(draw: st.DrawFn, data: bytes) -> bytes:
    """One short text between tags (a name, a score, a time) made hostile."""
    found = list(_TEXT_NODE.finditer(data[:400_000]))
    if not found:
        return data
    match = found[draw(st.integers(0, len(found) - 1))]
    value = draw(st.sampled_from(HOSTILE_VALUES)).encode("utf-8", "surrogatepass")
    return data[: match.start(1)] + value + data[match.end(1) :]


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.sampled_from(HOSTILE_VALUES),
    ),
    lambda kids: st.one_of(st.lists(kids, max_size=3), st.dictionaries(st.text(max_size=8), kids)),
    max_leaves=6,
)


def mutate_isodata(draw: st.DrawFn, data: bytes) -> bytes:
    """Lemmy's embedded API data with values of the wrong type where the parser reads them."""
    text = data.decode("utf-8", "replace")
    parsed = isodata.extract(text.encode())
    start = re.search(r"window\.isoData\s*=\s*", text)
    if parsed is None or start is None:
        return data
    by_key: dict[str, list[tuple[Any, Any]]] = {}
    stack: list[Any] = [parsed]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            by_key.setdefault(str(key) if isinstance(node, dict) else "[]", []).append((node, key))
            if isinstance(node[key], (dict, list)):
                stack.append(node[key])
    names = sorted(by_key)
    for _ in range(draw(st.integers(1, 4))):
        # A key first (``counts`` as likely as any other), then one place that has it.
        places = by_key[names[draw(st.integers(0, len(names) - 1))]]
        node, key = places[draw(st.integers(0, len(places) - 1))]
        node[key] = draw(JSON_VALUES)
    end = text.find("</script>", start.end())
    source = json.dumps(parsed).replace("<", "\\u003C")
    return (text[: start.end()] + source + ";" + text[end:]).encode("utf-8", "surrogatepass")


MUTATIONS: list[Mutation] = [
    truncate, delete_slice, duplicate_slice, swap_slices, flip_bytes, insert_tag, insert_junk,
    reencode, hostile_attribute, hostile_text,
]  # fmt: skip


@st.composite
def mutated_pages(draw: st.DrawFn, site: str) -> bytes:
    """One of the site's fixtures, mutated one to four times."""
    data = draw(st.sampled_from(SEEDS[site]))
    mutations = MUTATIONS + ([mutate_isodata] * 3 if site == "lemmy" else [])
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from(mutations))(draw, data)
    return data


HTML_SOUP = st.lists(
    st.one_of(st.sampled_from(TAGS), st.text(max_size=12).map(lambda t: t.encode())), max_size=40
).map(b"".join)
RANDOM_INPUTS = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=2048).map(lambda t: t.encode("utf-8")),
    HTML_SOUP,
)


# --- the short runs -----------------------------------------------------------------------------

CI_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("site", sorted(SEEDS))
@CI_SETTINGS
@given(data=st.data())
def test_mutated_pages_parse_or_are_refused(site: str, data: st.DataObject) -> None:
    page = data.draw(mutated_pages(site), label="page")
    forced = data.draw(st.sampled_from(site_keys()), label="forced site")
    check_input(page, forced)


@CI_SETTINGS
@given(page=RANDOM_INPUTS, forced=st.sampled_from(site_keys()))
def test_random_input_is_parsed_or_refused(page: bytes, forced: str) -> None:
    check_input(page, forced)


@pytest.mark.parametrize("site", sorted(SEEDS))
def test_unmutated_seeds_make_safe_books(site: str) -> None:
    for data in SEEDS[site]:
        check_input(data, site)


def test_the_target_reports_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside a parser reaches the caller: the fuzz target can fail."""

    def broken(page: object, site: str | None = None) -> None:
        raise KeyError("a parser bug")

    monkeypatch.setattr(f"{__name__}.thread_from_page", broken)
    with pytest.raises(KeyError):
        check_input(SEEDS["hackernews"][0])


# --- regressions: every crash found, with the smallest input that shows it ----------------------


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode(
        "utf-8", "surrogatepass"
    )


def _hn(comment: str = "<p>hi</p>", *, age: str = "2023-07-21T18:04:01", story: str = "") -> bytes:
    return _page(
        f"{story}<table><tr class='athing comtr' id='1'><td><table><tr>"
        "<td class='ind' indent='0'></td><td class='default'><span class='comhead'>"
        f"<a class='hnuser' href='user?id=a'>a</a> <span class='age' title='{age}'>"
        "<a href='item?id=1'>1 hour ago</a></span></span>"
        f"<div class='comment'><div class='commtext c00'>{comment}</div></div>"
        "</td></tr></table></td></tr></table>"
    )


def _hn_story(href: str) -> str:
    return (
        "<table class='fatitem'><tr class='athing' id='9'><td class='title'>"
        f"<span class='titleline'><a href='{href}'>A story</a></span></td></tr>"
        "<tr><td class='subtext'><span class='score'>1 point</span></td></tr></table>"
    )


def _isodata(post: dict[str, Any], comments: list[Any] | None = None, **top: Any) -> bytes:
    data = {
        "path": "/post/1",
        "site_res": {"site_view": {"site": {"actor_id": "https://lemmy.example/"}}},
        "routeData": {
            "postRes": {"data": {"post_view": post}},
            "commentsRes": {"data": {"comments": comments or []}},
        },
        **top,
    }
    # json.dumps keeps a lone surrogate as the escape "\ud800", as a page's JSON would.
    source = json.dumps(data).replace("<", "\\u003C")
    return _page(f"<script>window.isoData = {source};</script>")


POST_VIEW: dict[str, Any] = {
    "post": {"id": 1, "name": "A post", "published": "2026-11-10T09:02:00Z", "body": "hi"},
    "creator": {"id": 7, "name": "op", "actor_id": "https://lemmy.example/u/op"},
    "community": {"name": "c", "title": "C"},
    "counts": {"score": 1},
}


def _comment_view(**fields: Any) -> dict[str, Any]:
    view = {
        "comment": {"id": 2, "path": "0.2", "content": "a reply", "published": "2026-11-10Z"},
        "creator": {"id": 8, "name": "b", "actor_id": "https://lemmy.example/u/b"},
        "counts": {"score": 1, "child_count": 0},
    }
    view.update(fields)
    return view


def _lemmy_dom(header: str = "", head: str = "") -> bytes:
    return _page(
        "<ul class='comments'><li class='comment'><article class='comment-node' id='comment-5'>"
        f"{header}<div class='md-div'><p>hi</p></div></article></li></ul>"
        "<a class='person-listing' href='/u/x'><span>x</span></a>",
        head,
    )


def _shreddit(created: str = "2026-11-10T09:02:00Z", extra: str = "") -> bytes:
    return _page(
        f"<shreddit-comment thingid='t1_a' author='x' created='{created}' {extra}>"
        "<div slot='comment'><p>hi</p></div></shreddit-comment>"
    )


BIG = b"9" * 5000

REGRESSIONS: dict[str, bytes] = {
    # lxml refuses to set a text holding a control character: HN's tidy-up moved one.
    "hn-control-character-in-a-body": _hn("text<span> </span>\x01tail"),
    # A time that is valid where written but not in UTC (year 1 at +05:00): OverflowError.
    "hn-time-before-year-one-in-utc": _hn(age="0001-01-01T00:00:00+05:00"),
    "lemmy-isodata-time-before-year-one": _isodata(
        dict(POST_VIEW, post=dict(POST_VIEW["post"], published="0001-01-01T00:00:00+05:00"))
    ),
    "lemmy-dom-time-after-year-9999": _lemmy_dom(
        "<span class='moment-time' data-tippy-content="
        "'Friday, December 31st, 9999 at 11:00:00 PM GMT-05:00'>now</span>"
    ),
    "reddit-time-before-year-one": _shreddit("0001-01-01T00:00:00+05:00"),
    # Addresses Python's urlsplit refuses ("Invalid IPv6 URL"), wherever a parser reads one.
    "hn-story-link-bad-ipv6": _hn(story=_hn_story("//[x")),
    "hn-body-link-bad-ipv6": _hn("<a href='//[x'>x</a><img src='//[x'>"),
    "hn-body-link-nfkc-netloc": _hn("<a href='//a\uff03b/'>x</a>"),
    "lemmy-dom-canonical-bad-ipv6": _lemmy_dom(head="<link rel='canonical' href='https://[x/'>"),
    "lemmy-dom-person-link-bad-ipv6": _lemmy_dom(
        "<a class='person-listing' href='//[x/u/a'><span>a</span></a>"
    ),
    "lemmy-isodata-site-bad-ipv6": _isodata(
        POST_VIEW, site_res={"site_view": {"site": {"actor_id": "https://[x"}}}
    ),
    "lemmy-isodata-creator-bad-ipv6": _isodata(
        POST_VIEW, [_comment_view(creator={"id": 8, "name": "b", "actor_id": "https://[x"})]
    ),
    "lemmy-isodata-post-link-bad-ipv6": _isodata(
        dict(POST_VIEW, post=dict(POST_VIEW["post"], url="https://[x"))
    ),
    "reddit-canonical-bad-ipv6": _shreddit().replace(
        b"<head>", b"<head><link rel='canonical' href='//[x'>"
    ),
    "reddit-shreddit-loader-bad-ipv6": _shreddit().replace(
        b"</shreddit-comment>",
        b"<faceplate-partial src='//[x/more-comments?comments-remaining=3'></faceplate-partial>"
        b"</shreddit-comment>",
    ),
    # Lemmy's isoData is the page's JSON: any value may have any type.
    "lemmy-isodata-counts-is-a-list": _isodata(POST_VIEW, [_comment_view(counts=[1])]),
    "lemmy-isodata-creator-is-a-string": _isodata(POST_VIEW, [_comment_view(creator="b")]),
    "lemmy-isodata-community-is-a-string": _isodata(dict(POST_VIEW, community="c")),
    "lemmy-isodata-post-is-a-list": _isodata(dict(POST_VIEW, post=[1])),
    "lemmy-isodata-comments-is-a-number": _isodata(POST_VIEW).replace(
        b'"comments": []', b'"comments": 5'
    ),
    "lemmy-isodata-languages-is-a-number": _isodata(
        POST_VIEW, site_res={"site_view": {}, "all_languages": 3}
    ),
    # Python reads at most 4,300 digits into an int (ValueError past that); a page can print
    # more wherever a count, a score or a depth goes.
    "hn-indent-of-5000-digits": _hn().replace(b"indent='0'", b"indent='" + BIG + b"'"),
    "hn-spacer-width-of-5000-digits": _hn().replace(
        b"<td class='ind' indent='0'></td>", b"<td class='ind'><img width='" + BIG + b"'></td>"
    ),
    "hn-points-of-5000-digits": _hn(story=_hn_story("https://x.example/")).replace(
        b"1 point", BIG + b" points"
    ),
    "lemmy-dom-votes-of-5000-digits": _lemmy_dom(f"<span aria-label='{BIG.decode()} upvotes'/>"),
    "lemmy-dom-more-replies-of-5000-digits": _lemmy_dom().replace(
        b"</article>", b"</article><div class='comment-node'>" + BIG + b" more replies</div>"
    ),
    "lemmy-isodata-number-of-5000-digits": _isodata(POST_VIEW).replace(
        b'"score": 1', b'"score": ' + BIG
    ),
    "reddit-shreddit-more-replies-of-5000-digits": _shreddit().replace(
        b"</shreddit-comment>",
        b"<faceplate-partial src='/more-comments'>" + BIG + b" more replies</faceplate-partial>"
        b"</shreddit-comment>",
    ),
    "reddit-score-of-400-digits-and-k": _shreddit(extra=f"score='{'9' * 400}k'"),
    # JSON's "\ud800" decodes to a lone surrogate, which no UTF-8 book can hold.
    "lemmy-isodata-lone-surrogate-in-a-handle": _isodata(
        POST_VIEW, [_comment_view(creator={"id": 8, "name": "\ud800", "display_name": None})]
    ),
    "lemmy-isodata-lone-surrogate-in-the-address": _isodata(POST_VIEW, path="/post/\ud800"),
}


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regression(name: str) -> None:
    for site in site_keys():
        check_input(REGRESSIONS[name], site)


def test_regression_inputs_reach_their_parser() -> None:
    """Each regression page is still recognised as its site's (so that it tests that parser)."""
    for name, data in REGRESSIONS.items():
        site = detect(page_from_bytes(data, name))
        assert site is not None, name
        assert site.key == name.split("-", 1)[0].replace("hn", "hackernews"), name
