"""The XHTML the book is made of: well-formed whatever the page held, flat, and readable."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from builders import T0, chain, fix_tree, make_comment, make_thread, representative_thread
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter import render, title_page
from exporter.clean import strip_xml_illegal
from exporter.layout import BookPlan
from exporter.model import Comment, Stub, Thread

XHTML = "{http://www.w3.org/1999/xhtml}"
NS = {"x": "http://www.w3.org/1999/xhtml"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
CSS = Path(render.__file__).with_name("assets") / "style.css"


def parse(doc: bytes) -> etree._Element:
    return etree.fromstring(doc, etree.XMLParser(resolve_entities=False, huge_tree=True))


def book_docs(thread: Thread, max_bytes: int = 250_000) -> tuple[BookPlan, dict[str, bytes]]:
    plan = render.measured_plan(thread, lang="en", max_chapter_bytes=max_bytes)
    docs = {ch.file_name: render.chapter_document(ch, plan, lang="en") for ch in plan.chapters}
    return plan, docs


def articles(doc: bytes) -> list[etree._Element]:
    return list(parse(doc).iterfind(".//x:article", NS))


def text_of(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def header_text(article: etree._Element) -> str:
    header = article.find("x:p[@class='h']", NS)
    assert header is not None
    return text_of(header)


# --- text helpers -------------------------------------------------------------------------------


@given(st.text())
def test_esc_output_is_always_xml_content_and_attribute(value: str) -> None:
    out = render.esc(value)
    element = parse(f'<p title="{out}">{out}</p>'.encode())
    kept = strip_xml_illegal(value).replace("\r\n", "\n").replace("\r", "\n")  # XML line ends
    assert (element.text or "") == kept
    assert element.get("title") == re.sub("[\t\n]", " ", kept)  # attribute normalisation


def test_xml_text_strips_what_xml_forbids_and_keeps_the_rest() -> None:
    assert strip_xml_illegal("a\x00b\x1bc\x7f\x85d\ud800e\ufffef\tg\n") == "abcdef\tg\n"
    assert strip_xml_illegal("Zoë 🦊 مريم") == "Zoë 🦊 مريم"


def test_dates_are_fixed_english_and_utc() -> None:
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 10, 10, 2, tzinfo=paris)
    assert render.human_date(moment) == "10 Nov 2026, 09:02 UTC"
    assert render.iso(moment) == "2026-11-10T09:02:00Z"
    assert render.time_html(moment) == (
        '<time datetime="2026-11-10T09:02:00Z">10 Nov 2026, 09:02 UTC</time>'
    )


# --- arbitrary input stays well-formed ----------------------------------------------------------

names = st.one_of(st.none(), st.text(max_size=40))


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(max_size=80),
    author=names,
    parent_author=names,
    cid=st.text(max_size=20),
    created_text=names,
    site=names,
    url=names,
)
def test_any_names_titles_and_ids_give_well_formed_documents(
    title: str,
    author: str | None,
    parent_author: str | None,
    cid: str,
    created_text: str | None,
    site: str | None,
    url: str | None,
) -> None:
    reply = Comment(id=cid + "x", author=author, created_text=created_text, body_html="<p>b</p>")
    root = Comment(id=cid, author=parent_author, children=[reply], is_op=True, score=1)
    twin = Comment(id=cid, author=author)  # same page id: anchors must still be unique
    fix_tree([root, twin])
    post = Comment(id="p", author=author, created_text=created_text)
    thread = Thread(title=title, url=url, site_name=site, community=site, post=post)
    thread.comments = [root, twin]
    thread.missing = [Stub(cid, 3)]
    plan, docs = book_docs(thread)
    parse(title_page.title_page(thread, lang="en"))
    ids: list[str] = []
    for doc in docs.values():
        tree = parse(doc)
        ids += [str(e.get("id")) for e in tree.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.match(i) for i in ids)
    for entry in plan.toc:
        assert NCNAME.match(entry.uid)


# --- flat markup, depth, parent links -----------------------------------------------------------


def test_depth_30_chain_is_flat_capped_and_names_every_parent() -> None:
    thread = make_thread([chain(30)])
    _, docs = book_docs(thread)
    (doc,) = docs.values()
    tree = parse(doc)
    assert tree.find(".//x:article//x:article", NS) is None
    found = articles(doc)
    assert len(found) == 30
    for depth, article in enumerate(found):
        parent = article.getparent()
        assert parent is not None and parent.tag == f"{XHTML}body"
        assert article.get("class") == f"c d{min(depth, 5)}"
        text = header_text(article)
        if depth >= 1:
            parent_author = "alice" if (depth - 1) % 2 == 0 else "bob"
            link = article.find("x:p/x:span[@class='reply']/x:a", NS)
            assert link is not None
            assert link.get("href") == f"{next(iter(docs))}#c-k{depth - 1}"
            assert f"↳ {parent_author}" in text
        else:
            assert "↳" not in text
        assert (f"level {depth}" in text) == (depth >= 5)


def test_header_shows_badges_score_date_and_edited_only_when_known() -> None:
    thread = representative_thread()
    _, docs = book_docs(thread)
    by_id = {a.get("id"): a for doc in docs.values() for a in articles(doc)}
    reply_by_op = header_text(by_id["c-102"])
    assert reply_by_op.startswith("Zoë «OP» 🦊 op · ↳ مريم")
    assert "edited 11 Nov 2026, 09:02 UTC" in reply_by_op
    badge = by_id["c-102"].find(".//x:span[@class='badge']", NS)
    assert badge is not None and badge.text == "op"
    assert "mod" in header_text(by_id["c-105"])
    bob = header_text(by_id["c-t1_a_26b"])
    assert bob == "bob admin · -3 points · 11 days ago"
    time = by_id["c-101"].find(".//x:time", NS)
    assert time is not None and time.get("datetime") == "2026-11-10T10:02:00Z"
    assert "point" not in header_text(by_id["c-102"])  # score None: left out, not 0
    official = make_thread([make_comment("m", author="Mia", is_moderator=True, distinguished=True)])
    header = header_text(articles(next(iter(book_docs(official)[1].values())))[0])
    assert header.startswith("Mia mod distinguished")
    single = make_thread([make_comment("a", score=1)])
    assert "1 point ·" not in header_text(articles(next(iter(book_docs(single)[1].values())))[0])


def test_deleted_and_removed_keep_a_placeholder_and_their_replies() -> None:
    _, docs = book_docs(representative_thread())
    by_id = {a.get("id"): a for doc in docs.values() for a in articles(doc)}
    assert "[deleted by its author]" in text_of(by_id["c-103"])
    assert "[removed by a moderator]" in text_of(by_id["c-105"])
    assert by_id["c-103"].find("x:div", NS) is None  # empty body: no empty div
    reply = by_id["c-104"].find("x:p/x:span[@class='reply']/x:a", NS)
    assert reply is not None and reply.get("href", "").endswith("#c-103")


def test_stub_notes_follow_the_last_descendant_of_their_parent() -> None:
    grandchild = make_comment("g")
    root = make_comment("r", children=[make_comment("c", children=[grandchild])])
    other = make_comment("o")
    post = make_comment("p")
    thread = make_thread(
        [root, other],
        post=post,
        missing=[Stub("r", 2), Stub("c", 1), Stub(None, None), Stub("p", 4), Stub("nope", 5)],
    )
    plan, docs = book_docs(thread)
    (chapter,) = plan.comment_chapters
    body = parse(docs[chapter.file_name]).find("x:body", NS)
    assert body is not None
    sequence = [(e.get("class"), e.get("id"), text_of(e)) for e in body][1:]
    assert [s[1] for s in sequence] == ["c-r", "c-c", "c-g", "m1", "m2", "c-o", "m3", "m4", "m5"]
    assert sequence[3] == ("more d2", "m1", "1 more reply was not in the saved page")
    assert sequence[4] == ("more d1", "m2", "2 more replies were not in the saved page")
    assert sequence[6][2] == "More replies were not in the saved page"
    assert sequence[7][0] == "more d0"


def test_ids_are_prefixed_escaped_and_unique() -> None:
    roots = [make_comment("123"), make_comment("123"), make_comment("a b/é"), make_comment("")]
    _, docs = book_docs(make_thread(roots))
    ids = [a.get("id") for doc in docs.values() for a in articles(doc)]
    assert ids == ["c-123", "c-123-2", "c-a_20b_2f_e9", "c-"]


def test_empty_and_hostile_bodies_never_give_an_empty_body() -> None:
    thread = make_thread([make_comment("a", body_html="", author=None)], post=make_comment("p"))
    thread.post.body_html = ""  # type: ignore[union-attr]
    _, docs = book_docs(thread)
    for doc in docs.values():
        body = parse(doc).find("x:body", NS)
        assert body is not None and len(body) > 0
    assert b"<script" not in b"".join(docs.values())


def test_documents_declare_language_css_and_direction() -> None:
    plan = render.measured_plan(make_thread([make_comment("a")]), lang="ar")
    doc = parse(render.chapter_document(plan.comment_chapters[0], plan, lang="ar"))
    assert doc.get("lang") == doc.get(XML_LANG) == "ar"
    assert doc.get("dir") == "rtl"
    body = doc.find("x:body", NS)
    assert body is not None and body.get("class") == "comments rtl"
    link = doc.find("x:head/x:link", NS)
    assert link is not None and link.get("href") == "style.css"
    assert parse(title_page.title_page(make_thread(), lang="en")).get("dir") is None


def test_title_page_has_the_facts_and_not_the_warnings() -> None:
    thread = representative_thread()
    page = title_page.title_page(thread, lang="en").decode()
    text = text_of(parse(page.encode()))
    assert 'Ünïcödé title — with <angle> & "quotes" 🎉' in text
    assert "testing · lemmy.example" in text
    assert "Posted by Zoë «OP» 🦊 op on 10 Nov 2026, 09:02 UTC" in text
    assert f"{thread.comment_count()} comments by 6 participants" in text
    assert "9 replies not in the saved page" in text
    assert '<a href="https://lemmy.example/post/1">' in page
    assert "Saved 12 Nov 2026, 09:02 UTC" in text
    assert "parser warning" not in page
    hostile = make_thread(url="javascript:alert(1)", post=None, saved_at=None)
    other = title_page.title_page(hostile, lang="en").decode()
    assert "<a " not in other and "javascript:alert(1)" in other
    assert "0 comments by 0 participants" in other


def test_split_body_parts_render_as_continued_articles() -> None:
    body = "".join(f"<p>{n} " + "word " * 200 + "</p>" for n in range(60))
    thread = make_thread([make_comment("big", body_html=body)])
    _, docs = book_docs(thread, max_bytes=20_000)
    parts = [a for doc in docs.values() for a in articles(doc)]
    assert len(parts) > 2
    assert parts[0].get("id") == "c-big"
    assert [p.get("id") for p in parts[1:]] == [f"p{n}-c-big" for n in range(2, len(parts) + 1)]
    assert all(header_text(p).endswith("(continued)") for p in parts[1:])
    divs = [p.find("x:div", NS) for p in parts]
    text = "".join(text_of(d) for d in divs if d is not None)
    assert text == "".join(f"{n} " + "word " * 200 for n in range(60))
    assert all(len(d) <= 20_000 for d in docs.values())


def test_css_is_css21_only() -> None:
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    forbidden = [
        r"\bflex",
        r"\bgrid",
        r"calc\(",
        r"min\(",
        r"var\(",
        r"\d(rem|vw|vh)\b",
        r"\bfloat\s*:",
        r"\bposition\s*:",
        r"margin[a-z-]*\s*:[^;]*-\d",
        r"display\s*:\s*none",
        r"\[",
    ]
    for pattern in forbidden:
        assert not re.search(pattern, css), pattern
    assert "white-space: pre-wrap" in css
    assert re.search(r"img\s*{[^}]*max-width:\s*100%", css)
    indents = [float(m) for m in re.findall(r"\.d[1-5] { margin-left: (\d+)%; }", css)]
    assert len(indents) == 5 and indents == sorted(indents) and indents[-1] <= 20


def test_rendering_is_deterministic() -> None:
    first = book_docs(representative_thread())[1]
    second = book_docs(representative_thread())[1]
    assert first == second
    assert T0.tzinfo is not None
