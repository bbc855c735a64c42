"""The packaged book: valid (EPUBCheck 0/0), reproducible, navigable, and written atomically.

EPUBCheck costs seconds of JVM per run, so it runs on three books only: a representative
thread, a multi-chapter one with a cut thread, and a bare one (no post, no URL, RTL).
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import (
    T0,
    assert_links_point_backwards,
    big_thread,
    chain,
    make_comment,
    make_thread,
    representative_thread,
    sized_body,
)
from conftest import EpubCheck
from lxml import etree

from exporter import epub, package, render
from exporter.model import Comment, Stub, Thread

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
NCX = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
XH = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


class Book:
    """An EPUB read back from bytes, with the parts the tests look at."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.opf = self.xml("EPUB/content.opf")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name), PARSER)

    def meta(self, prop: str) -> list[str]:
        return [
            str(e.text)
            for e in self.opf.iterfind(f"opf:metadata/opf:meta[@property='{prop}']", OPF)
        ]

    def dc(self, name: str) -> list[str]:
        return [str(e.text) for e in self.opf.iterfind(f"opf:metadata/dc:{name}", OPF)]

    def spine(self) -> list[str]:
        hrefs = {
            i.get("id"): i.get("href") for i in self.opf.iterfind("opf:manifest/opf:item", OPF)
        }
        return [str(hrefs[r.get("idref")]) for r in self.opf.iterfind("opf:spine/opf:itemref", OPF)]

    def documents(self) -> Iterator[tuple[str, bytes]]:
        for name in self.spine():
            yield name, self.zip.read(f"EPUB/{name}")


def nav_tree(book: Book) -> list[tuple[str, str, list[tuple[str, str]]]]:
    nav = book.xml("EPUB/nav.xhtml").find(".//x:nav[@epub:type='toc']/x:ol", XH)
    assert nav is not None
    out = []
    for li in nav.iterfind("x:li", XH):
        a = li.find("x:a", XH)
        assert a is not None
        assert li.find("x:ol/x:li/x:ol", XH) is None  # at most two levels
        kids = [(str(k.text), str(k.get("href"))) for k in li.iterfind("x:ol/x:li/x:a", XH)]
        out.append((str(a.text), str(a.get("href")), kids))
    return out


def ncx_tree(book: Book) -> list[tuple[str, str, list[tuple[str, str]]]]:
    root = book.xml("EPUB/toc.ncx")

    def label(point: Any) -> tuple[str, str]:
        text = point.find("n:navLabel/n:text", NCX).text
        return str(text), str(point.find("n:content", NCX).get("src"))

    out = []
    for point in root.iterfind("n:navMap/n:navPoint", NCX):
        assert point.find("n:navPoint/n:navPoint", NCX) is None
        kids = [label(k) for k in point.iterfind("n:navPoint", NCX)]
        out.append((*label(point), kids))
    return out


@pytest.fixture(scope="module")
def representative() -> bytes:
    return epub.epub_bytes(representative_thread())


@pytest.fixture(scope="module")
def big() -> bytes:
    return epub.epub_bytes(big_thread())


# --- EPUBCheck (three runs) ---------------------------------------------------------------------


def test_representative_thread_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck, representative: bytes
) -> None:
    path = tmp_path / "representative.epub"
    epub.write_epub(representative_thread(), path)
    assert path.read_bytes() == representative
    report = epubcheck(path)
    assert report["publication"]["nSpines"] == 6  # cover, title, nav, thread map, post, comments


def test_multi_chapter_thread_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck, big: bytes
) -> None:
    path = tmp_path / "big.epub"
    path.write_bytes(big)
    report = epubcheck(path)
    assert report["publication"]["nSpines"] >= 8


def test_bare_rtl_thread_without_post_or_url_passes_epubcheck(
    tmp_path: Path, epubcheck: EpubCheck
) -> None:
    thread = Thread(title="\x00", language="he_IL", missing=[Stub(None, 12)])
    path = tmp_path / "bare.epub"
    epub.write_epub(thread, path)
    epubcheck(path)
    book = Book(path.read_bytes())
    assert book.dc("language") == ["he-IL"]
    assert book.dc("creator") == ["Unknown"]
    assert book.dc("title") == ["Untitled thread"]
    assert book.spine() == ["cover.xhtml", "title.xhtml", "nav.xhtml", "comments-0001.xhtml"]


# --- reproducible bytes -------------------------------------------------------------------------


def test_two_writes_give_identical_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, big: bytes
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")  # the thread's own times win
    first, second = tmp_path / "a.epub", tmp_path / "b.epub"
    epub.write_epub(big_thread(), first)
    epub.write_epub(big_thread(), second)
    assert first.read_bytes() == second.read_bytes() == big


def test_zip_layout_is_fixed(representative: bytes) -> None:
    infos = zipfile.ZipFile(io.BytesIO(representative)).infolist()
    assert infos[0].filename == "mimetype"
    assert infos[0].compress_type == zipfile.ZIP_STORED and infos[0].extra == b""
    assert representative[30:58] == b"mimetypeapplication/epub+zip"
    assert {i.date_time for i in infos} == {(2026, 11, 12, 9, 2, 0)}  # saved_at: newest time
    assert [i.filename for i in infos] == [
        "mimetype",
        "META-INF/container.xml",
        "EPUB/content.opf",
        "EPUB/style.css",
        "EPUB/cover.jpg",
        "EPUB/cover.xhtml",
        "EPUB/title.xhtml",
        "EPUB/nav.xhtml",
        "EPUB/toc.ncx",
        "EPUB/map.xhtml",
        "EPUB/post.xhtml",
        "EPUB/comments-0001.xhtml",
    ]


def test_modified_time_comes_from_the_thread_then_source_date_epoch_then_1980(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    thread = make_thread([make_comment("a", created=T0)])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert Book(epub.epub_bytes(thread)).meta("dcterms:modified") == ["2026-11-10T09:02:00Z"]
    timeless = make_thread([make_comment("a")])
    assert Book(epub.epub_bytes(timeless)).meta("dcterms:modified") == ["2023-11-14T22:13:20Z"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    book = Book(epub.epub_bytes(timeless))
    assert book.meta("dcterms:modified") == ["1980-01-01T00:00:00Z"]
    assert book.zip.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_identifier_is_uuid5_of_url_or_of_content() -> None:
    with_url = Book(epub.epub_bytes(make_thread(url="https://a.example/p/1")))
    expected = uuid.uuid5(uuid.NAMESPACE_URL, "https://a.example/p/1")
    assert with_url.dc("identifier") == [f"urn:uuid:{expected}"]
    one = epub.book_identifier(make_thread([make_comment("a")], url=None))
    again = epub.book_identifier(make_thread([make_comment("a")], url=None))
    other = epub.book_identifier(make_thread([make_comment("b")], url=None))
    assert one == again != other
    assert epub.book_identifier(make_thread([chain(3000)], url=None)).startswith("urn:uuid:")


# --- structure ----------------------------------------------------------------------------------


def test_every_spine_item_is_non_empty_and_under_budget(big: bytes) -> None:
    book = Book(big)
    spine = book.spine()
    assert spine[:3] == ["cover.xhtml", "title.xhtml", "nav.xhtml"]  # nav is not first
    assert sum("(continued" in n[0] for n in nav_tree(book)) >= 2
    for name, doc in book.documents():
        assert 0 < len(doc) <= 250_000, name
        body = etree.fromstring(doc, PARSER).find("x:body", XH)
        assert body is not None and len(body) > 0, name
    # The navigation documents (contents, thread map) link forward by nature.
    navigation = ("nav.xhtml", "map.xhtml", "map-2.xhtml")
    docs = [(name, doc) for name, doc in book.documents() if name not in navigation]
    assert assert_links_point_backwards(docs) > 500


def test_nav_and_ncx_have_the_same_two_level_entries(big: bytes) -> None:
    book = Book(big)
    nav, ncx = nav_tree(book), ncx_tree(book)
    assert nav == ncx
    assert nav[0][:2] == ("Title page", "title.xhtml")
    assert nav[1][:2] == ("Thread map", "map.xhtml")
    assert nav[2][:2] == ("Original post", "post.xhtml")
    assert sum(len(kids) for *_, kids in nav) == len(big_thread().comments)
    assert all(kids for label, _, kids in nav[3:] if "(continued" not in label)
    landmarks = book.xml("EPUB/nav.xhtml").find(".//x:nav[@epub:type='landmarks']", XH)
    assert landmarks is not None
    types = {a.get("{http://www.idpf.org/2007/ops}type"): a.get("href") for a in landmarks.iter()}
    assert types["bodymatter"] == "post.xhtml" and types["toc"] == "nav.xhtml"
    guide = book.opf.find("opf:guide/opf:reference[@type='text']", OPF)
    assert guide is not None and guide.get("href") == "post.xhtml"


def test_metadata(representative: bytes) -> None:
    book = Book(representative)
    assert book.opf.get(XML_LANG) == "en"
    assert book.dc("title") == ['Ünïcödé title — with <angle> & "quotes" 🎉']
    assert book.dc("creator") == ["Zoë «OP» 🦊"]
    assert book.dc("language") == ["en"]
    assert book.dc("source") == ["https://lemmy.example/post/1"]
    assert book.dc("publisher") == ["lemmy.example"]
    assert book.dc("date") == ["2026-11-10T09:02:00Z"]
    assert book.dc("subject") == ["testing"]
    assert book.meta("dcterms:modified") == ["2026-11-12T09:02:00Z"]
    assert book.meta("schema:accessMode") == ["textual"]
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    assert book.meta("schema:accessibilityFeature") == [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
    ]
    assert book.meta("schema:accessibilityHazard") == ["none"]
    assert book.meta("schema:accessibilitySummary")[0]
    for name in [*book.spine()]:
        root = book.xml(f"EPUB/{name}")
        assert root.get("lang") == root.get(XML_LANG) == "en", name
        assert root.find("x:head/x:link[@href='style.css']", XH) is not None, name
        assert root.find(".//x:script", XH) is None


def test_language_option_and_fallbacks() -> None:
    assert epub.book_language(None) == "en"
    assert epub.book_language("pt_BR") == "pt-BR"
    assert epub.book_language("not a tag!") == "en"
    assert epub.book_language("de", "fr") == "fr"
    book = Book(epub.epub_bytes(make_thread([make_comment("a")]), language="fr"))
    assert book.dc("language") == ["fr"] and book.opf.get(XML_LANG) == "fr"


def test_a_3000_deep_chain_becomes_a_book() -> None:
    book = Book(epub.epub_bytes(make_thread([chain(3000, body=sized_body(300))])))
    docs = list(book.documents())
    assert len(docs) > 4
    for _, doc in docs:
        tree = etree.fromstring(doc, PARSER)
        assert tree.find(".//x:article//x:article", XH) is None


# --- atomic write -------------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> bytes:
    raise RuntimeError("render failed")


def test_no_file_is_left_when_rendering_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "chapter_document", _boom)
    target = tmp_path / "out.epub"
    with pytest.raises(RuntimeError, match="render failed"):
        epub.write_epub(representative_thread(), target)
    assert os.listdir(tmp_path) == []


def test_a_failure_mid_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.epub"
    target.write_bytes(b"previous book")
    original = package._ReproducibleWriter._write_items

    def half_then_fail(self: Any) -> None:
        original(self)
        raise OSError("disk full")

    monkeypatch.setattr(package._ReproducibleWriter, "_write_items", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        epub.write_epub(representative_thread(), target)
    assert os.listdir(tmp_path) == ["out.epub"]
    assert target.read_bytes() == b"previous book"


def test_written_file_has_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.epub"
    epub.write_epub(make_thread([Comment(id="a", body_html="<p>x</p>")]), target)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_an_empty_chapter_in_the_zip_is_caught_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 0-byte-chapter pitfall of ebooklib: reading back the ZIP catches it, no file left."""

    def empty(self: Any, default: bytes | None = None) -> bytes:
        return b"" if self.file_name.startswith("comments-") else bytes(self.content)

    monkeypatch.setattr(package.Prerendered, "get_content", empty)
    with pytest.raises(AssertionError, match=r"comments-0001\.xhtml was written empty"):
        epub.write_epub(representative_thread(), tmp_path / "out.epub")
    assert os.listdir(tmp_path) == []
