"""Property tests: any comment tree becomes a book that holds exactly that tree.

Hypothesis draws threads: trees of any shape up to 200 replies deep, ids, names and bodies in
any Unicode (controls, bidi marks, emoji, noncharacters and lone surrogates, filtered as the
parsers filter them), empty bodies and bodies too big for one chapter. Each thread is rendered
with ``epub_bytes`` and read back from the book alone (``bookcheck.read_comments``): the same
comments in the same order, each with the same author, parent, depth, deleted/removed notice
and text, all compared with the thread's ``--json`` form. Two books go through EPUBCheck: one
drawn by Hypothesis from a fixed seed, and the deepest chain the property allows.

The ``--json`` form itself must read back equal to what was written (``json.loads`` of the
text ``--json`` prints), also for a reply chain 3,000 deep.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from bookcheck import BookComment, read_comments, unsafe_findings
from builders import chain, fix_tree
from conftest import EpubCheck
from hypothesis import HealthCheck, Phase, example, find, given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.clean import clean_html, strip_xml_illegal, text_to_html
from exporter.epub import epub_bytes
from exporter.jsonout import iter_json
from exporter.model import Comment, Stub, Thread, thread_to_json

MAX_DEPTH = 200
HUGE_BYTES = 300_000
"""A body bigger than a chapter's 250 KB budget, so that it is cut into parts."""

# Characters that break things: controls (C0 but tab/LF/CR are illegal in XML; C1 are legal but
# meaningless), noncharacters, BOM, bidi overrides and isolates, line separators, combining
# marks, emoji with ZWJ and skin tones, RTL letters, NUL, markup and entity characters.
SPECIALS = (
    "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9f\ufffe\uffff\ufeff\u200b\u200c\u200d"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u0301\u0335"
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\U0001f44d\U0001f3fd\U0001f1fa\U0001f1e6"
    "مريمדוד\u0627\u0644\u0639\u0631\u0628\u064a\u0629\t\n\r <>&\"'"
    "\ud800\udbff\udc00\udfff"
)
CHARS = st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIALS))
TEXT = st.text(CHARS, max_size=24)
LINES = st.lists(st.one_of(TEXT, st.sampled_from(["\n", "\n\n", "  "])), max_size=12).map("".join)
MARKUP = st.sampled_from(
    [
        "<p>", "</p>", "<b>", "</b>", "<i>", "<a href='https://example.org/x'>", "</a>", "<ul>",
        "<li>", "</ul>", "<ol start='3'>", "<table><tr><td>", "</table>", "<blockquote>", "<pre>",
        "<br>", "<img src='https://example.org/i.png' alt='pic'>", "<details><summary>s",
        "</summary>", "<h1>", "</h1>", "<code>", "<dl><dt>", "<dd>", "<span>", "<div>", "&amp;",
        "&nbsp;", "<script>", "<style>", "<svg>", "<!--",
    ]
)  # fmt: skip
LANGUAGES = st.sampled_from([None, "en", "ar", "he", "ja", "pt_BR", "x-klingon", "not a lang", ""])


def no_surrogates(text: str) -> str:
    """What every parser guarantees of a name or title at least: no lone surrogate (the page was
    decoded from bytes, or its JSON strings were scrubbed). Controls are left for the renderer."""
    return "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)


NAMES = TEXT.map(no_surrogates)


def _markup_body(parts: list[str]) -> str:
    return clean_html("".join(parts), "https://example.org/thread/1")


def _huge_body(paragraph: str) -> str:
    paragraph = strip_xml_illegal(paragraph).strip() or "words"
    text = "\n\n".join([paragraph] * (HUGE_BYTES // (len(paragraph.encode()) + 2) + 1))
    return text_to_html(text)


BODIES = st.one_of(
    st.just(""),
    LINES.map(text_to_html),
    st.lists(st.one_of(MARKUP, TEXT), max_size=16).map(_markup_body),
)
MOMENTS = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.builds(
        timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
    ),
)


@st.composite
def comments(draw: st.DrawFn, light: bool = False) -> Comment:
    """One comment with every field drawn (ids may repeat and hold anything); a ``light`` one
    (for long chains, where drawing is most of the cost) has only an id, a name and a body."""
    if light:
        return Comment(
            id=draw(st.sampled_from("abcdefgh")),
            author=draw(st.one_of(st.none(), NAMES)),
            body_html=draw(st.one_of(st.just(""), TEXT.map(text_to_html))),
            deleted=draw(st.booleans()),
        )
    return Comment(
        id=draw(st.one_of(st.text(CHARS, min_size=1, max_size=10), st.sampled_from("abc"))),
        author=draw(st.one_of(st.none(), NAMES)),
        author_id=draw(st.one_of(st.none(), NAMES)),
        created=draw(st.one_of(st.none(), MOMENTS)),
        created_text=draw(st.one_of(st.none(), NAMES)),
        edited=draw(st.one_of(st.none(), st.booleans(), MOMENTS)),
        score=draw(st.one_of(st.none(), st.integers(-(10**12), 10**12))),
        body_html=draw(BODIES),
        is_op=draw(st.booleans()),
        is_moderator=draw(st.booleans()),
        deleted=draw(st.booleans()),
        removed=draw(st.booleans()),
    )


@st.composite
def threads(draw: st.DrawFn, max_comments: int = 40, huge: bool = True) -> Thread:
    """A thread: a random tree, or a long reply chain (to 200 deep) with branches off it."""
    deep = draw(st.booleans())
    count = draw(st.integers(20, MAX_DEPTH + 1) if deep else st.integers(0, max_comments))
    nodes = [draw(comments(light=deep and n % 10 != 0)) for n in range(count)]
    if huge and nodes and draw(st.integers(0, 9)) == 0:
        nodes[draw(st.integers(0, count - 1))].body_html = _huge_body(draw(TEXT))
    roots: list[Comment] = []
    for i, node in enumerate(nodes):
        if deep:
            # Mostly a chain; now and then a reply to an earlier comment, or a new thread.
            back = draw(st.sampled_from([1] * 18 + [2, 5, 0]))
            parent = i - back if back and i - back >= 0 else None
        else:
            pick = draw(st.integers(0, i))  # 0: a new top-level comment, else a reply
            parent = pick - 1 if pick else None
        (nodes[parent].children if parent is not None else roots).append(node)
    fix_tree(roots)
    ids = [c.id for c in nodes]
    missing = [
        Stub(draw(st.one_of(st.none(), st.sampled_from(ids))) if ids else None, n)
        for n in draw(st.lists(st.one_of(st.none(), st.integers(0, 10**6)), max_size=3))
    ]
    post = draw(st.one_of(st.none(), comments()))
    return Thread(
        title=draw(NAMES),
        url=draw(st.one_of(st.none(), st.just("https://example.org/thread/1"), NAMES)),
        site="lemmy",
        site_name=draw(st.one_of(st.none(), NAMES)),
        community=draw(st.one_of(st.none(), NAMES)),
        post=post,
        comments=roots,
        language=draw(LANGUAGES),
        missing=missing,
        saved_at=draw(st.one_of(st.none(), MOMENTS)),
    )


# --- what the book must show, from the --json form ----------------------------------------------


@dataclass(frozen=True)
class Expected:
    author: str
    parent: int | None
    """Index of the parent in reading order."""
    depth: int
    gone: str | None
    body_text: str


def _xml_text(fragment: str) -> str:
    root = etree.fromstring(f"<div>{fragment}</div>".encode(), etree.XMLParser(huge_tree=True))
    return "".join(str(t) for t in root.itertext())


def _shown_name(doc: dict[str, Any]) -> str:
    """The name the book shows: the display name or handle on one line, else what happened."""
    name = (doc["author"] or doc["author_id"] or "").strip()
    if not name:
        name = "[removed]" if doc["removed"] else "[deleted]" if doc["deleted"] else "[unknown]"
    return " ".join(strip_xml_illegal(name).split())


def _walk_json(roots: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], int | None, int]]:
    """(comment, index of its parent, depth) in reading order, without recursion."""
    stack: list[tuple[dict[str, Any], int | None, int]] = [(r, None, 0) for r in reversed(roots)]
    index = 0
    while stack:
        node, parent, depth = stack.pop()
        yield node, parent, depth
        stack.extend((kid, index, depth + 1) for kid in reversed(node["children"]))
        index += 1


def expected_from_json(doc: dict[str, Any]) -> list[Expected]:
    out = []
    for node, parent, depth in _walk_json(doc["comments"]):
        assert node["depth"] == depth and (parent is None) == (node["parent_id"] is None)
        gone = None
        if node["removed"]:
            gone = "[removed by a moderator]"
        elif node["deleted"]:
            gone = "[deleted by its author]"
        body = _xml_text(node["body_html"]) if node["body_html"].strip() else ""
        out.append(Expected(_shown_name(node), parent, depth, gone, body))
    return out


def found_in_book(book: list[BookComment]) -> list[Expected]:
    index = {c.anchor: n for n, c in enumerate(book)}
    out = []
    for n, c in enumerate(book):
        parent = index[c.parent_anchor] if c.parent_anchor is not None else None
        assert parent is None or parent < n, "a reply links forward"
        depth = c.level if c.level is not None else c.depth_class
        assert c.depth_class == min(depth, 5) and (c.level is None) == (depth < 5)
        out.append(Expected(c.author, parent, depth, c.gone, c.body_text))
    return out


def assert_book_holds(thread: Thread, book: bytes) -> None:
    findings = unsafe_findings(book)
    assert not findings, "\n".join(findings)
    doc = thread_to_json(thread)
    expected = expected_from_json(doc)
    found = found_in_book(read_comments(book))
    assert len(found) == len(expected)
    for n, (want, got) in enumerate(zip(expected, found, strict=True)):
        assert got == want, f"comment {n} of {len(expected)}"


# --- the properties ------------------------------------------------------------------------------


def _deep_chain_thread(length: int = MAX_DEPTH + 1) -> Thread:
    """The deepest tree the property allows, right-to-left, with one body cut into parts."""
    root = chain(length, body="<p>\u0645\u0631\u062d\u0628\u0627 \U0001f44b \u202eevil\u202c</p>")
    nodes = list(root.walk())
    nodes[MAX_DEPTH // 2].body_html = _huge_body("\u05e9\u05dc\u05d5\u05dd \x07 \ud800 words")
    nodes[-1].body_html = ""
    fix_tree([root])
    return Thread(title="\u202eשרשור עמוק", site="lemmy", comments=[root], language="he")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(thread=threads())
@example(thread=Thread(title="", comments=[]))
@example(thread=_deep_chain_thread())
def test_the_book_holds_the_tree(thread: Thread) -> None:
    assert_book_holds(thread, epub_bytes(thread))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(thread=threads(huge=False))
def test_json_round_trips(thread: Thread) -> None:
    doc = thread_to_json(thread)
    assert json.loads(json.dumps(doc)) == doc
    text = "".join(iter_json(doc))  # what --json prints
    assert json.loads(text) == doc
    if max((c.depth for c in thread.walk()), default=0) < 40:
        assert text == json.dumps(doc, ensure_ascii=False, indent=2)


@contextmanager
def recursion_limit(limit: int) -> Iterator[None]:
    """Room for the reader's ``json.loads``, which recurses once per nesting level."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def test_json_of_a_3000_deep_chain_round_trips() -> None:
    """--json builds and prints a 3,000-deep chain without recursion; it reads back equal."""
    thread = Thread(title="deep", comments=[chain(3000)])
    doc = thread_to_json(thread)
    walked = list(_walk_json(doc["comments"]))
    assert [node["id"] for node, _, _ in walked] == [f"k{i}" for i in range(3000)]
    assert [depth for _, _, depth in walked] == list(range(3000))
    text = "".join(iter_json(doc))
    with recursion_limit(20_000):
        assert json.loads(text) == doc


# --- EPUBCheck: one drawn book and the deepest chain ---------------------------------------------

SEED = 10
"""A seed whose first rich thread comes quickly: 69 comments, 40 deep, Hebrew (right-to-left),
with tables, links, deleted comments and every kind of odd character (hypothesis 6.170)."""


def _rich(thread: Thread) -> bool:
    nodes = list(thread.walk())
    bodies = "".join(c.body_html for c in nodes)
    return (
        len(nodes) >= 25
        and max(c.depth for c in nodes) >= 5
        and thread.post is not None
        and "<a " in bodies
        and "<table" in bodies
        and any(c.deleted or c.removed for c in nodes)
    )


def drawn_book_thread() -> Thread:
    """The first thread drawn from a fixed seed that is rich enough for a full validation."""
    return find(
        threads(max_comments=60, huge=False),
        _rich,
        settings=settings(database=None, max_examples=2000, phases=[Phase.generate]),
        random=random.Random(SEED),
    )


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
def test_a_drawn_book_passes_epubcheck(tmp_path: Path, epubcheck: EpubCheck) -> None:
    thread = drawn_book_thread()
    book = epub_bytes(thread)
    assert_book_holds(thread, book)
    path = tmp_path / "drawn.epub"
    path.write_bytes(book)
    epubcheck(path)


def test_the_deepest_chain_passes_epubcheck(tmp_path: Path, epubcheck: EpubCheck) -> None:
    thread = _deep_chain_thread()
    book = epub_bytes(thread)
    assert_book_holds(thread, book)
    assert len(read_comments(book)) == MAX_DEPTH + 1
    path = tmp_path / "deep.epub"
    path.write_bytes(book)
    epubcheck(path)
