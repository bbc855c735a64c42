"""The reader's side of the book: metadata calibre reads, forum reply links, "next" links, the
thread map and the title page's numbers."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from builders import T0, chain, fix_tree, make_comment, make_thread, representative_thread
from conftest import EpubCheck
from lxml import etree

from exporter import epub, render, thread_map, title_page
from exporter.book_meta import BookMeta, format_index, parse_index
from exporter.cli import main
from exporter.cli_book import book_meta
from exporter.errors import UsageError
from exporter.layout import BookPlan
from exporter.model import Comment, Stub, Thread
from exporter.shape import ShapeOptions, shape

XH = {"x": "http://www.w3.org/1999/xhtml"}
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True)
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


# --- helpers ------------------------------------------------------------------------------------


def entries(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def opf(book: bytes) -> etree._Element:
    return xml(entries(book)["EPUB/content.opf"])


def text(el: etree._Element | None) -> str:
    assert el is not None, "the element is missing"
    return "".join(str(t) for t in el.itertext())


def headers(book: bytes) -> dict[str, etree._Element]:
    """Comment anchor -> its header ``<p class="h">``, over every document of the book."""
    out: dict[str, etree._Element] = {}
    for name, data in entries(book).items():
        if name.endswith(".xhtml"):
            for article in xml(data).iterfind(".//x:article", XH):
                header = article.find("x:p[@class='h']", XH)
                assert header is not None
                out.setdefault(str(article.get("id")), header)
    return out


def assert_every_link_resolves(book: bytes) -> int:
    """Every internal ``file#id`` link names an id that exists in that file."""
    files = {n: xml(d) for n, d in entries(book).items() if n.endswith(".xhtml")}
    ids = {n: {str(e.get("id")) for e in r.iter() if e.get("id")} for n, r in files.items()}
    checked = 0
    for name, root in files.items():
        for a in root.iter("{http://www.w3.org/1999/xhtml}a"):
            href = str(a.get("href", ""))
            if "://" in href or href.startswith("mailto:"):
                continue
            target, _, anchor = href.partition("#")
            path = f"EPUB/{target}" if target else name
            assert path in ids, f"{name}: {href} names a file not in the book"
            if anchor:
                assert anchor in ids[path], f"{name}: {href} names a missing id"
            checked += 1
    return checked


def nav_links(header: etree._Element) -> dict[str, str]:
    """``{"next": anchor, "next thread": anchor}`` from a header's nav span."""
    span = header.find("x:span[@class='nav']", XH)
    if span is None:
        return {}
    return {text(a): str(a.get("href")).split("#", 1)[1] for a in span.iterfind("x:a", XH)}


def forum_thread() -> Thread:
    """A flat forum thread: numbered posts, replies to the opening post, to a post in the book
    and to one that is not, a subject line and threadmarks."""
    post = Comment(
        id="p1",
        author="opener",
        number=1,
        created=T0,
        body_html="<p>The opening post.</p>",
        threadmark="Chapter 1",
    )
    posts = [
        make_comment("p2", number=2, created=T0 + timedelta(hours=1), reply_to="p1"),
        make_comment(
            "p3",
            number=3,
            created=T0 + timedelta(hours=2),
            reply_to="p2",
            reply_to_author="old name",
            reply_to_number=2,
            subject="A different subject",
            threadmark="Chapter 2",
        ),
        make_comment(
            "p4",
            number=4,
            created=T0 + timedelta(days=1),
            reply_to="p0",
            reply_to_author="ghost",
            reply_to_number=99,
        ),
        make_comment("p5", number=5, reply_to="p9", reply_to_author="someone"),
    ]
    return make_thread(posts, post=post, site="forum", title="A forum thread")


def nav_tree_thread() -> Thread:
    """a ─ a1 ─ a11        Top-level a, b, c; a1 has a reply, a2 does not.
         └ a2
    b ─ b1 ─ b11 ─ b111
    c"""
    roots = [
        make_comment(
            "a",
            children=[make_comment("a1", children=[make_comment("a11")]), make_comment("a2")],
        ),
        make_comment("b", children=[make_comment("b1", children=[chain(2, prefix="b1-")])]),
        make_comment("c"),
    ]
    fix_tree(roots)
    return make_thread(roots)


# --- metadata -----------------------------------------------------------------------------------


def test_default_author_is_the_original_poster_and_no_series() -> None:
    package = opf(epub.epub_bytes(representative_thread(), cover=None))
    assert [text(c) for c in package.iterfind(".//dc:creator", OPF)] == ["Zoë «OP» 🦊"]
    assert package.find(".//opf:meta[@property='belongs-to-collection']", OPF) is None
    assert package.find(".//opf:meta[@name='calibre:series']", OPF) is None


def test_metadata_overrides_are_written_for_epub3_and_calibre() -> None:
    meta = BookMeta(
        title="My own title",
        author="Some Reader",
        language="de",
        series="Threads I read",
        series_index=2.5,
        tags=("forums", " quests ", "Forums", "", "testing"),
    )
    thread = representative_thread()
    book = epub.epub_bytes(thread, meta=meta, cover=None)
    package = opf(book)
    assert [text(c) for c in package.iterfind(".//dc:creator", OPF)] == ["Some Reader"]
    assert [text(c) for c in package.iterfind(".//dc:title", OPF)] == ["My own title"]
    assert [text(c) for c in package.iterfind(".//dc:language", OPF)] == ["de"]
    # The community is already a subject; tags repeat neither it nor each other.
    assert [text(c) for c in package.iterfind(".//dc:subject", OPF)] == [
        "testing",
        "forums",
        "quests",
    ]
    collection = package.find(".//opf:meta[@property='belongs-to-collection']", OPF)
    assert collection is not None and collection.text == "Threads I read"
    refines = {
        str(m.get("property")): m.text
        for m in package.iterfind(".//opf:meta[@refines='#c01']", OPF)
    }
    assert refines == {"collection-type": "series", "group-position": "2.5"}
    calibre = {
        str(m.get("name")): m.get("content") for m in package.iterfind(".//opf:meta[@name]", OPF)
    }
    assert calibre["calibre:series"] == "Threads I read"
    assert calibre["calibre:series_index"] == "2.5"
    # The identifier belongs to the thread, not to the title the reader gave it.
    assert package.find(".//dc:identifier", OPF) is not None
    plain = opf(epub.epub_bytes(thread, cover=None))
    assert text(plain.find(".//dc:identifier", OPF)) == text(package.find(".//dc:identifier", OPF))
    title_page = xml(entries(book)["EPUB/title.xhtml"])
    assert text(title_page.find(".//x:h1", XH)) == "My own title"
    # language= (the older keyword) wins over meta.language.
    french = opf(epub.epub_bytes(thread, meta=meta, language="fr", cover=None))
    assert [text(c) for c in french.iterfind(".//dc:language", OPF)] == ["fr"]


def test_series_index_is_a_plain_decimal() -> None:
    assert format_index(3.0) == "3" and format_index(2.5) == "2.5" and format_index(0.0) == "0"
    assert parse_index(" 2.5 ") == 2.5 and parse_index("4") == 4.0
    assert BookMeta(series="S").series_position() == "1"
    for bad in ("two", "-1", "nan", "inf", ""):
        with pytest.raises(ValueError, match="series index"):
            parse_index(bad)
    with pytest.raises(ValueError, match="needs a series name"):
        BookMeta(series_index=2)
    with pytest.raises(ValueError, match="0 or more"):
        BookMeta(series="S", series_index=-2)


def test_cli_book_meta_from_arguments() -> None:
    import argparse

    def args(**over: object) -> argparse.Namespace:
        base: dict[str, object] = {
            "title": None,
            "author": None,
            "language": None,
            "series": None,
            "series_index": None,
            "tag": [],
        }
        base.update(over)
        return argparse.Namespace(**base)

    meta = book_meta(args(series="S", series_index="7", tag=["a", "b"], author="Me"))
    assert meta == BookMeta(author="Me", series="S", series_index=7.0, tags=("a", "b"))
    with pytest.raises(UsageError, match="series index"):
        book_meta(args(series="S", series_index="x"))
    with pytest.raises(UsageError, match="needs a series name"):
        book_meta(args(series_index="2"))


def test_cli_writes_the_options_into_the_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "book.epub"
    argv = [str(SAMPLES / "lemmy-saved-post.html"), "-o", str(out), "-q", "--no-cover"]
    argv += ["--author", "A. Reader", "--series", "Saved", "--series-index", "4"]
    argv += ["--tag", "one", "--tag", "two", "--language", "nl", "--nav", "--no-map"]
    assert main(argv) == 0, capsys.readouterr().err
    book = out.read_bytes()
    package = opf(book)
    assert [text(c) for c in package.iterfind(".//dc:creator", OPF)] == ["A. Reader"]
    assert [text(c) for c in package.iterfind(".//dc:language", OPF)] == ["nl"]
    assert {"one", "two"} <= {text(c) for c in package.iterfind(".//dc:subject", OPF)}
    index = package.find(".//opf:meta[@name='calibre:series_index']", OPF)
    assert index is not None and index.get("content") == "4"
    assert "EPUB/map.xhtml" not in entries(book)
    assert any(nav_links(h) for h in headers(book).values())
    assert main([*argv[:-1], "--series-index", "x"]) == 2  # a usage error, no traceback
    assert "series index" in capsys.readouterr().err


# --- forum replies ------------------------------------------------------------------------------


def test_forum_headers_show_number_reply_target_subject_and_threadmark() -> None:
    book = epub.epub_bytes(forum_thread(), cover=None)
    found = headers(book)
    p2, p3, p4, p5 = (found[f"c-p{n}"] for n in range(2, 6))
    assert text(p2).startswith("#2 user-p2 · replying to #1 opener")
    link = p2.find("x:span[@class='reply-to']/x:a", XH)
    assert link is not None and link.get("href") == "post.xhtml#post"
    # The post in the book names itself: its current name, not the one the quote kept.
    assert "replying to #2 user-p2" in text(p3) and "old name" not in text(p3)
    link = p3.find("x:span[@class='reply-to']/x:a", XH)
    assert link is not None and link.get("href") == "comments-0001.xhtml#c-p2"
    threadmark = p3.find("x:span[@class='threadmark']", XH)
    assert threadmark is not None and threadmark.text == "Chapter 2"
    # Not in the book: plain text from what the page said.
    assert "replying to #99 ghost" in text(p4)
    assert p4.find("x:span[@class='reply-to']/x:a", XH) is None
    assert "replying to someone" in text(p5)
    chapter = xml(entries(book)["EPUB/comments-0001.xhtml"])
    subjects = [text(s) for s in chapter.iterfind(".//x:p[@class='subject']", XH)]
    assert subjects == ["A different subject"]
    post = found["post"]
    assert text(post).startswith("#1 opener Chapter 1")
    assert assert_every_link_resolves(book) >= 2


def test_a_reply_to_a_post_the_filters_left_out_is_plain_text() -> None:
    thread = forum_thread()
    thread.comments[0].score = 1
    for other in thread.comments[1:]:
        other.score = 10
    shaped, _ = shape(thread, ShapeOptions(min_score=5))
    book = epub.epub_bytes(shaped, cover=None)
    p3 = headers(book)["c-p3"]
    assert "replying to #2 old name" in text(p3)
    assert p3.find("x:span[@class='reply-to']/x:a", XH) is None
    assert_every_link_resolves(book)


def test_reply_links_are_measured_exactly() -> None:
    thread = forum_thread()
    plan = render.measured_plan(thread, lang="en")
    for chapter in plan.chapters:
        doc = render.chapter_document(chapter, plan, lang="en")
        head = chapter.head
        expected = render.shell_bytes(head, lang="en") + sum(
            render.row_bytes(r) for r in chapter.rows
        )
        assert len(doc) == expected, chapter.file_name


# --- --nav --------------------------------------------------------------------------------------


def test_nav_links_skip_replies_and_go_to_the_next_thread() -> None:
    book = epub.epub_bytes(nav_tree_thread(), nav=True, cover=None)
    found = {k: nav_links(v) for k, v in headers(book).items()}
    assert found["c-a"] == {"next thread": "c-b"}
    assert found["c-a1"] == {"next": "c-a2", "next thread": "c-b"}
    assert found["c-a11"] == {"next thread": "c-b"}  # "next" would be the very next block
    assert found["c-a2"] == {}  # the next block is the next thread
    assert found["c-b"] == {"next thread": "c-c"}
    assert found["c-b1"] == {"next thread": "c-c"}  # its "next" is "next thread"
    assert found["c-b1-0"] == {"next thread": "c-c"}
    assert found["c-b1-1"] == {}
    assert found["c-c"] == {}
    order = list(headers(book))
    for anchor, links in found.items():
        for target in links.values():
            assert order.index(target) > order.index(anchor)  # forward, to a real comment
    assert_every_link_resolves(book)
    # Each target is a comment's <article>, an element with content, never an empty one.
    chapter = xml(entries(book)["EPUB/comments-0001.xhtml"])
    for target in {t for links in found.values() for t in links.values()}:
        element = chapter.find(f".//*[@id='{target}']", XH)
        assert element is not None and element.tag.endswith("article") and text(element).strip()
    assert not any(nav_links(h) for h in headers(epub.epub_bytes(nav_tree_thread())).values())


def test_nav_links_cross_chapters_and_keep_them_within_budget() -> None:
    roots = [
        make_comment(
            f"t{n}",
            body_html="<p>" + "words " * 300 + "</p>",
            children=[make_comment(f"t{n}-r{m}") for m in range(4)],
        )
        for n in range(30)
    ]
    fix_tree(roots)
    thread = make_thread(roots)
    budget = 12_000
    plan = render.measured_plan(thread, lang="en", max_chapter_bytes=budget, nav=True)
    assert len(plan.comment_chapters) > 3
    for chapter in plan.chapters:
        assert len(render.chapter_document(chapter, plan, lang="en")) <= budget
    book = epub.epub_bytes(thread, nav=True, max_chapter_bytes=budget, cover=None)
    found = {k: nav_links(v) for k, v in headers(book).items()}
    assert found["c-t0"] == found["c-t0-r0"] == {"next thread": "c-t1"}
    assert found["c-t0-r3"] == {} and found["c-t29"] == {}
    assert assert_every_link_resolves(book) > 60
    crossing = 0
    for name, data in entries(book).items():
        if name.startswith("EPUB/comments-"):
            for a in xml(data).iterfind(".//x:span[@class='nav']/x:a", XH):
                crossing += not name.endswith(str(a.get("href")).split("#")[0])
    assert crossing >= 3  # "next thread" reaches into the following chapter


# --- the thread map -----------------------------------------------------------------------------


def map_lines(book: bytes) -> list[etree._Element]:
    names = sorted(
        (n for n in entries(book) if n.startswith("EPUB/map")),
        key=lambda n: (len(n), n),  # map.xhtml, map-2.xhtml, ..., map-10.xhtml
    )
    return [p for n in names for p in xml(entries(book)[n]).iterfind(".//x:p[@class='tm']", XH)]


def test_thread_map_has_one_line_per_top_level_comment_with_counts() -> None:
    book = epub.epub_bytes(representative_thread(), cover=None)
    lines = map_lines(book)
    assert [text(line) for line in lines] == [
        "1. مريم Comment 101 says something. (4 replies, 2 levels deep)",
        "2. bob (no text) (no replies)",
        "3. alice Reply number 0 in the chain. (29 replies, 29 levels deep)",
    ]
    hrefs = [a.get("href") for line in lines for a in line.iterfind("x:a", XH)]
    assert hrefs == [
        "comments-0001.xhtml#c-101",
        "comments-0001.xhtml#c-t1_a_26b",
        "comments-0001.xhtml#c-deep0",
    ]
    assert_every_link_resolves(book)
    package = opf(book)
    spine = [r.get("idref") for r in package.iterfind("opf:spine/opf:itemref", OPF)]
    assert spine[:4] == ["title-page", "nav", "thread-map", "post"]
    nav = xml(entries(book)["EPUB/nav.xhtml"])
    top = [text(a) for a in nav.iterfind(".//x:nav/x:ol/x:li/x:a", XH)]
    assert top[:3] == ["Title page", "Thread map", "Original post"]


def test_flat_forum_map_shows_post_numbers_and_no_counts() -> None:
    lines = [text(line) for line in map_lines(epub.epub_bytes(forum_thread(), cover=None))]
    assert lines[0] == "#2 user-p2 Comment p2 says something."
    assert len(lines) == 4


def test_no_map_for_a_single_thread_or_when_asked() -> None:
    single = make_thread([make_comment("only", children=[make_comment("r")])])
    assert not map_lines(epub.epub_bytes(single, cover=None))
    assert not map_lines(epub.epub_bytes(representative_thread(), thread_map=False, cover=None))


def test_a_map_of_2000_threads_is_split_within_the_budget() -> None:
    roots = [make_comment(f"n{n}", author=f"person {n % 97}") for n in range(2000)]
    roots[5].children = [chain(4, prefix="deep-")]
    fix_tree(roots)
    thread = make_thread(roots)
    budget = 60_000
    plan: BookPlan = render.measured_plan(thread, lang="en", max_chapter_bytes=budget)
    files = thread_map.thread_map(plan, lang="en")
    assert len(files) >= 3
    assert [f.file_name for f in files[:2]] == ["map.xhtml", "map-2.xhtml"]
    assert all(len(f.content) <= budget for f in files)
    lines = [p for f in files for p in xml(f.content).iterfind(".//x:p[@class='tm']", XH)]
    assert len(lines) == 2000
    assert text(lines[5]).endswith("(4 replies, 4 levels deep)")
    assert text(lines[1999]).startswith("2000. person")
    book = epub.epub_bytes(thread, max_chapter_bytes=budget, cover=None)
    assert len(map_lines(book)) == 2000
    assert assert_every_link_resolves(book) >= 2000


# --- the title page -----------------------------------------------------------------------------


def test_title_page_stats() -> None:
    thread = representative_thread()
    note = "3 comments below 5 points left out"
    page = xml(title_page.title_page(thread, lang="en", left_out=[note]))
    stats = [text(p) for p in page.iterfind(".//x:p[@class='stats']", XH)]
    assert stats == [
        f"{thread.comment_count()} comments by 6 participants",
        "From 10 Nov 2026, 09:02 UTC to 10 Nov 2026, 10:02 UTC",
        "Replies go 29 levels deep",
        "9 replies not in the saved page",
    ]
    left = [text(p) for p in page.iterfind(".//x:p[@class='left-out']", XH)]
    assert left == [note]
    flat = make_thread([make_comment("a")], missing=[Stub(None, None)])
    stats = [text(p) for p in xml(title_page.title_page(flat, lang="en")).iterfind(".//x:p", XH)]
    assert "Some replies were not in the saved page" in stats
    assert not any(s.startswith(("From ", "Replies go")) for s in stats)


# --- options together ---------------------------------------------------------------------------


def test_sort_min_score_and_max_depth_keep_every_reply_parent() -> None:
    def scored(cid: str, score: int, children: list[Comment] | None = None) -> Comment:
        return make_comment(cid, score=score, children=children)

    roots = [
        scored("a", 1, [scored("a1", 0, [scored("a11", 50, [scored("a111", 60)])])]),
        scored("b", 9, [scored("b1", 8), scored("b2", 2)]),
        scored("c", 0),
    ]
    fix_tree(roots)
    thread = make_thread(roots)
    shaped, report = shape(thread, ShapeOptions(sort="top", min_score=5, max_depth=2))
    book = epub.epub_bytes(shaped, nav=True, cover=None, left_out=report.describe())
    found = headers(book)
    order = list(found)
    # Best first; "a" and "a1" stay as the path to "a11" (50 points); depth 3 is past 2.
    assert order == ["c-b", "c-b1", "c-a", "c-a1", "c-a11"]
    for anchor, header in found.items():
        link = header.find("x:span[@class='reply']/x:a", XH)
        if link is not None:
            parent = str(link.get("href")).split("#", 1)[1]
            assert parent in found and order.index(parent) < order.index(anchor)
    assert_every_link_resolves(book)
    page = text(xml(entries(book)["EPUB/title.xhtml"]))
    assert "left out" in page


# --- EPUBCheck, once, everything on -------------------------------------------------------------


def test_book_with_every_reader_feature_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck
) -> None:
    thread = representative_thread()
    forum = forum_thread()
    assert forum.post is not None
    thread.comments += forum.comments  # forum replies, one of them to a post not in the book
    meta = BookMeta(author="Some Reader", series="Threads", series_index=2.5, tags=("one", "two"))
    path = tmp_path / "all.epub"
    epub.write_epub(thread, path, meta=meta, nav=True, left_out=["2 comments left out"])
    book = path.read_bytes()
    assert map_lines(book) and any(nav_links(h) for h in headers(book).values())
    assert_every_link_resolves(book)
    report = epubcheck(path)
    assert report["publication"]["nSpines"] == 6
