"""Packaging: a ``Thread`` into an EPUB 3 file (with EPUB 2 NCX and guide for old readers).

Deterministic (same thread, same bytes) and atomic (the target appears only when complete):
what goes into the book is decided here (documents, metadata, cover, pictures, contents);
how any book is written, verified and put in place is ``exporter.package``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from ebooklib import epub

from exporter import cover as covers
from exporter import images as pictures
from exporter import render
from exporter import thread_map as maps
from exporter import title_page as front
from exporter.book_meta import BookMeta
from exporter.layout import NAV_FILE, TITLE_FILE, TocEntry
from exporter.model import Thread
from exporter.package import Built, built_bytes, document, oversized_files, write_built

FALLBACK_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)
"""Used for ``dcterms:modified`` and ZIP times when neither the thread nor the environment
has a time; the earliest a ZIP entry can carry."""
LATEST_ZIP_TIME = datetime(2107, 12, 31, 23, 59, 58, tzinfo=timezone.utc)
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    (
        "schema:accessibilitySummary",
        "A discussion thread as text: the post, then every comment in page order with its "
        "author, date and a link to the comment it answers. Navigable by chapters and by "
        "top-level comment.",
    ),
)


# --- small pure helpers -------------------------------------------------------------------------


def book_language(thread_language: str | None, override: str | None = None) -> str:
    """A plain BCP-47 tag: the override, else the thread's, else ``en``; ``pt_BR`` -> ``pt-BR``."""
    for candidate in (override, thread_language):
        if candidate:
            tag = candidate.strip().replace("_", "-")
            if _LANG_TAG.match(tag):
                return tag
    return "en"


def _times(thread: Thread) -> Iterator[datetime]:
    comments = ([thread.post] if thread.post else []) + list(thread.walk())
    for c in comments:
        if c.created is not None:
            yield c.created
        if isinstance(c.edited, datetime):
            yield c.edited
    if thread.saved_at is not None:
        yield thread.saved_at


def modified_time(thread: Thread) -> datetime:
    """The newest time in the thread, else ``SOURCE_DATE_EPOCH``, else 1980: never "now"."""
    newest = max((render.utc(t) for t in _times(thread)), default=None)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if newest is None and epoch.isdigit() and len(epoch) < 12:
        newest = datetime.fromtimestamp(int(epoch), timezone.utc)
    if newest is None:
        return FALLBACK_EPOCH
    # A ZIP entry can only carry 1980..2107; clamp so that odd page dates cannot break writing.
    return min(max(newest, FALLBACK_EPOCH), LATEST_ZIP_TIME).replace(microsecond=0)


def content_digest(thread: Thread) -> str:
    """SHA-256 over what the book shows; iterative, so a 3,000-deep chain cannot recurse
    (``json.dumps`` of the nested tree would)."""
    h = hashlib.sha256()
    for c in ([thread.post] if thread.post else []) + list(thread.walk()):
        for part in (c.id, c.parent_id, c.author, c.created and render.iso(c.created), c.body_html):
            h.update(repr(part).encode())
    h.update(repr((thread.title, thread.site_name, thread.community)).encode())
    return h.hexdigest()


def book_identifier(thread: Thread) -> str:
    """UUIDv5 of the source URL, or of the content when the thread has no URL."""
    name = thread.url or f"thread2epub:sha256:{content_digest(thread)}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


# --- the book -----------------------------------------------------------------------------------


def _toc_items(entries: Sequence[TocEntry]) -> list[Any]:
    items: list[Any] = []
    for e in entries:
        label = render.one_line(e.label) or "Untitled"
        if e.children:
            kids = [
                epub.Link(k.href, render.one_line(k.label) or "Untitled", k.uid) for k in e.children
            ]
            items.append((epub.Section(label, e.href), kids))
        else:
            items.append(epub.Link(e.href, label, e.uid))
    return items


def _metadata(
    book: epub.EpubBook, thread: Thread, lang: str, meta: BookMeta, identifier: str
) -> None:
    book.set_identifier(identifier)
    book.set_title(render.book_title(thread))
    book.set_language(lang)
    post = thread.post
    author = render.one_line((post.author or post.author_id or "") if post else "")
    book.add_author(render.one_line(meta.author or "") or author or "Unknown")
    optional = (
        ("source", thread.url),
        ("publisher", thread.site_name),
        ("date", render.iso(thread.post.created) if thread.post and thread.post.created else None),
        ("subject", thread.community),
    )
    for name, value in optional:
        if value and render.one_line(value):
            book.add_metadata("DC", name, render.one_line(value))
    subjects = {render.one_line(thread.community or "").casefold()}
    for tag in meta.clean_tags():
        if render.one_line(tag) and render.one_line(tag).casefold() not in subjects:
            book.add_metadata("DC", "subject", render.one_line(tag))
    series_meta(book, meta)
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})


def series_meta(book: epub.EpubBook, meta: BookMeta) -> None:
    """The series twice: EPUB 3 collection metadata and calibre's own ``calibre:series``
    metas, which calibre (and what it sends to Kindles and Kobos) reads first."""
    name = render.one_line(meta.series_name() or "")
    if not name:
        return
    position = meta.series_position()
    book.add_metadata(None, "meta", name, {"property": "belongs-to-collection", "id": "c01"})
    book.add_metadata(None, "meta", "series", {"property": "collection-type", "refines": "#c01"})
    book.add_metadata(None, "meta", position, {"property": "group-position", "refines": "#c01"})
    book.add_metadata(None, "meta", "", {"name": "calibre:series", "content": name})
    book.add_metadata(None, "meta", "", {"name": "calibre:series_index", "content": position})


def cover_items(
    book: epub.EpubBook, thread: Thread, choice: covers.CoverChoice, lang: str
) -> list[Any]:
    """The cover image (``properties="cover-image"`` plus the EPUB 2 ``<meta name="cover">``
    that old Kindles and Kobos read) and its page; none for ``None``."""
    picture = covers.resolve(choice, thread, lang=lang)
    if picture is None:
        return []
    image = epub.EpubCover(uid="cover-image", file_name=covers.IMAGE_FILE)
    image.media_type = "image/jpeg"
    image.content = picture.jpeg
    book.add_metadata(None, "meta", "", {"name": "cover", "content": image.id})
    content = covers.cover_page(
        picture, title=render.book_title(thread), lang=lang, css_file=render.CSS_FILE
    )
    page = document("cover", covers.PAGE_FILE, "Cover", content, lang)
    page.properties.append("svg")  # the page scales the picture with an SVG viewBox
    return [image, page]


def build_book(
    thread: Thread,
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
    meta: BookMeta | None = None,
    nav: bool = False,
    thread_map: bool = True,
) -> Built:
    """The ebooklib book, fully populated, in a fixed item order. ``cover``: ``"generated"``
    (from the thread), a ``cover.CoverImage`` (see ``cover.choose``) or ``None`` (no cover).
    ``meta``: the reader's title, author, language, series and tags (``language=`` wins over
    ``meta.language``). ``nav``: "next"/"next thread" links in every comment header.
    ``thread_map``: the one-line-per-thread page after the contents (two or more threads)."""
    meta = meta or BookMeta()
    identifier = book_identifier(thread)  # the thread's, whatever title the reader gives it
    if meta.title and render.one_line(meta.title):
        thread = dataclasses.replace(thread, title=meta.title)
    lang = book_language(thread.language, language or meta.language)
    pictures.settle_bodies(thread)  # no <img> may point at a picture the book lacks
    book = epub.EpubBook()
    _metadata(book, thread, lang, meta, identifier)
    if render.is_rtl(lang):
        book.set_direction("rtl")
    # The cover first: drawing it takes 20 MB for a moment, which the rendered chapters
    # would otherwise be holding too (the conversion's peak memory).
    covering = cover_items(book, thread, cover, lang)
    plan = render.measured_plan(thread, lang=lang, max_chapter_bytes=max_chapter_bytes, nav=nav)

    style = epub.EpubItem(
        uid="style",
        file_name=render.CSS_FILE,
        media_type="text/css",
        content=resources.files("exporter").joinpath("assets/style.css").read_bytes(),
    )
    title_page = document(
        "title-page",
        TITLE_FILE,
        "Title page",
        front.title_page(thread, lang=lang, left_out=left_out),
        lang,
    )
    nav_doc = epub.EpubNav(uid="nav", file_name=NAV_FILE, title="Contents")
    nav_doc.add_link(href=render.CSS_FILE, rel="stylesheet", type="text/css")
    chapters = [
        document(
            ch.item_id,
            ch.file_name,
            ch.head.title,
            render.chapter_document(ch, plan, lang=lang),
            lang,
        )
        for ch in plan.chapters
    ]
    map_files = maps.thread_map(plan, lang=lang) if thread_map else []
    map_docs = [document(m.item_id, m.file_name, m.title, m.content, lang) for m in map_files]
    image_items = [
        epub.EpubImage(
            uid=pictures.item_id(i), file_name=i.file_name, media_type=i.media_type, content=i.data
        )
        for i in pictures.used_images(thread)
    ]
    for item in (style, *covering, title_page, nav_doc, epub.EpubNcx(), *map_docs, *chapters):
        book.add_item(item)
    for item in image_items:
        book.add_item(item)
    if image_items:  # the pictures are content too (schema.org accessibility metadata)
        book.add_metadata(None, "meta", "visual", {"property": "schema:accessMode"})
    toc = list(plan.toc)
    if map_files:
        toc.insert(1, maps.toc_entry(map_files))
    book.toc = _toc_items(toc)
    # The cover page comes first; the map follows the contents, before the post.
    book.spine = [*covering[1:], title_page, nav_doc, *map_docs, *chapters]
    start = chapters[0] if chapters else title_page
    cover_guide = [{"href": covers.PAGE_FILE, "title": "Cover", "type": "cover"}]
    book.guide = [
        *(cover_guide if covering else []),
        {"href": start.file_name, "title": "Start of the thread", "type": "text"},
        {"href": NAV_FILE, "title": "Contents", "type": "toc"},
    ]
    return Built(book, lang, modified_time(thread), max_chapter_bytes, oversized_files(plan))


def epub_bytes(
    thread: Thread,
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
    meta: BookMeta | None = None,
    nav: bool = False,
    thread_map: bool = True,
) -> bytes:
    """The EPUB file as bytes (same bytes as :func:`write_epub` writes)."""
    built = build_book(
        thread,
        language=language,
        max_chapter_bytes=max_chapter_bytes,
        cover=cover,
        left_out=left_out,
        meta=meta,
        nav=nav,
        thread_map=thread_map,
    )
    return built_bytes(built)


def write_epub(
    thread: Thread,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
    meta: BookMeta | None = None,
    nav: bool = False,
    thread_map: bool = True,
) -> None:
    """Write ``thread`` as an EPUB at ``path``: complete or not at all.

    ``cover``: generated (default), a ``cover.CoverImage`` from ``cover.choose``, or None.
    ``left_out``: one line per thing the reader's options left out, for the title page.
    ``meta``, ``nav``, ``thread_map``: as for :func:`build_book`.

    Rendering happens before any file is created; the ZIP goes to a temporary file in the
    target directory that replaces ``path`` only once it is written and verified. On any error
    the temporary file is removed and the error re-raised; an existing ``path`` is untouched.
    """
    built = build_book(
        thread,
        language=language,
        max_chapter_bytes=max_chapter_bytes,
        cover=cover,
        left_out=left_out,
        meta=meta,
        nav=nav,
        thread_map=thread_map,
    )
    write_built(built, path)
