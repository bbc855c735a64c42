"""Packaging: a ``Thread`` into an EPUB 3 file (with EPUB 2 NCX and guide for old readers).

Deterministic (same thread, same bytes) and atomic (the target appears only when complete).
ebooklib 0.20 is used for the OPF, NCX and nav, with its pitfalls worked around
(see ``DESIGN.md``): chapter documents are rendered by ``exporter.render`` and stored as they
are, because ebooklib would re-parse them as HTML (dropping ``<head>``, re-indenting ``<pre>``,
turning some into 0-byte files); the ZIP writer is replaced by one with fixed entry times.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from io import BytesIO
from typing import IO, Any

from ebooklib import epub

from exporter import cover as covers
from exporter import render
from exporter.layout import NAV_FILE, TITLE_FILE, BookPlan, TocEntry
from exporter.model import Thread

FALLBACK_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)
"""Used for ``dcterms:modified`` and ZIP times when neither the thread nor the environment
has a time; the earliest a ZIP entry can carry."""
LATEST_ZIP_TIME = datetime(2107, 12, 31, 23, 59, 58, tzinfo=timezone.utc)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_ACCESSIBILITY = (
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


# --- ebooklib adapters --------------------------------------------------------------------------


class _Prerendered(epub.EpubHtml):  # type: ignore[misc]
    """An XHTML document stored byte for byte: ebooklib's own ``get_content`` re-parses it
    with an HTML parser, drops the head and returns ``b""`` on any hiccup."""

    def get_content(self, default: bytes | None = None) -> bytes:
        content: bytes = self.content
        return content


class _FixedTimeZip:
    """What ebooklib's writer calls ``self.out``: every entry gets the same time and mode."""

    def __init__(self, archive: zipfile.ZipFile, when: datetime) -> None:
        self._archive = archive
        self._date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)

    def writestr(
        self, name: str, data: str | bytes, compress_type: int = zipfile.ZIP_DEFLATED
    ) -> None:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = compress_type
        info.create_system = 3
        info.external_attr = 0o644 << 16
        self._archive.writestr(info, data, compresslevel=9)


class _ReproducibleWriter(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer with fixed ZIP times, ``mimetype`` first and stored, exceptions
    propagated (``epub.write_epub`` swallows ``OSError``) and ``xml:lang`` on ``<package>``."""

    def __init__(
        self, target: str | IO[bytes], book: epub.EpubBook, when: datetime, lang: str
    ) -> None:
        super().__init__(target, book, {"epub3_pages": False, "mtime": when.replace(tzinfo=None)})
        self._when = when
        self._lang = lang

    def write(self) -> None:
        with zipfile.ZipFile(self.file_name, "w", zipfile.ZIP_DEFLATED) as archive:
            self.out = _FixedTimeZip(archive, self._when)
            self.out.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
            self._write_container()
            self._write_opf()
            self._write_items()

    def _write_opf_file(self, root: Any) -> None:
        root.set(XML_LANG, self._lang)
        super()._write_opf_file(root)


# --- the book -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Built:
    book: epub.EpubBook
    plan: BookPlan
    lang: str
    when: datetime


def _check(condition: bool, message: str) -> None:
    """An internal invariant that must hold even under ``python -O`` (which drops asserts)."""
    if not condition:
        raise AssertionError(message)


def _document(uid: str, file_name: str, title: str, content: bytes, lang: str) -> _Prerendered:
    _check(bool(content.strip()), f"{file_name} rendered empty")
    doc = _Prerendered(uid=uid, file_name=file_name, title=title, lang=lang)
    doc.content = content
    return doc


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


def _metadata(book: epub.EpubBook, thread: Thread, lang: str) -> None:
    book.set_identifier(book_identifier(thread))
    book.set_title(render.book_title(thread))
    book.set_language(lang)
    post = thread.post
    author = render.one_line((post.author or post.author_id or "") if post else "")
    book.add_author(author or "Unknown")
    optional = (
        ("source", thread.url),
        ("publisher", thread.site_name),
        ("date", render.iso(thread.post.created) if thread.post and thread.post.created else None),
        ("subject", thread.community),
    )
    for name, value in optional:
        if value and render.one_line(value):
            book.add_metadata("DC", name, render.one_line(value))
    for prop, value in _ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})


def _cover_items(
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
    page = _document("cover", covers.PAGE_FILE, "Cover", content, lang)
    page.properties.append("svg")  # the page scales the picture with an SVG viewBox
    return [image, page]


def build_book(
    thread: Thread,
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
) -> _Built:
    """The ebooklib book, fully populated, in a fixed item order. ``cover``: ``"generated"``
    (from the thread), a ``cover.CoverImage`` (see ``cover.choose``) or ``None`` (no cover)."""
    lang = book_language(thread.language, language)
    plan = render.measured_plan(thread, lang=lang, max_chapter_bytes=max_chapter_bytes)
    book = epub.EpubBook()
    _metadata(book, thread, lang)
    if render.is_rtl(lang):
        book.set_direction("rtl")

    style = epub.EpubItem(
        uid="style",
        file_name=render.CSS_FILE,
        media_type="text/css",
        content=resources.files("exporter").joinpath("assets/style.css").read_bytes(),
    )
    title_page = _document(
        "title-page",
        TITLE_FILE,
        "Title page",
        render.title_page(thread, lang=lang, left_out=left_out),
        lang,
    )
    nav = epub.EpubNav(uid="nav", file_name=NAV_FILE, title="Contents")
    nav.add_link(href=render.CSS_FILE, rel="stylesheet", type="text/css")
    chapters = [
        _document(
            ch.item_id,
            ch.file_name,
            ch.head.title,
            render.chapter_document(ch, plan, lang=lang),
            lang,
        )
        for ch in plan.chapters
    ]
    cover_items = _cover_items(book, thread, cover, lang)
    for item in (style, *cover_items, title_page, nav, epub.EpubNcx(), *chapters):
        book.add_item(item)
    book.toc = _toc_items(plan.toc)
    book.spine = [*cover_items[1:], title_page, nav, *chapters]  # the cover page comes first
    start = chapters[0] if chapters else title_page
    cover_guide = [{"href": covers.PAGE_FILE, "title": "Cover", "type": "cover"}]
    book.guide = [
        *(cover_guide if cover_items else []),
        {"href": start.file_name, "title": "Start of the thread", "type": "text"},
        {"href": NAV_FILE, "title": "Contents", "type": "toc"},
    ]
    return _Built(book, plan, lang, modified_time(thread))


def _verify(archive: IO[bytes] | str, plan: BookPlan) -> None:
    """Read back what was written: ``mimetype`` first, no empty document, none over budget."""
    oversized = {f"EPUB/{ch.file_name}" for ch in plan.chapters if ch.oversized}
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
        _check(infos[0].filename == "mimetype", "mimetype must be the first entry")
        for info in infos:
            if info.filename.endswith(".xhtml"):
                _check(info.file_size > 0, f"{info.filename} was written empty")
                within = info.file_size <= plan.max_chapter_bytes
                _check(within or info.filename in oversized, f"{info.filename} is over budget")


def _write(built: _Built, target: str | IO[bytes]) -> None:
    writer = _ReproducibleWriter(target, built.book, built.when, built.lang)
    writer.process()
    writer.write()


def epub_bytes(
    thread: Thread,
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
) -> bytes:
    """The EPUB file as bytes (same bytes as :func:`write_epub` writes)."""
    built = build_book(
        thread,
        language=language,
        max_chapter_bytes=max_chapter_bytes,
        cover=cover,
        left_out=left_out,
    )
    buffer = BytesIO()
    _write(built, buffer)
    buffer.seek(0)
    _verify(buffer, built.plan)
    return buffer.getvalue()


_TEMP_BASE_BYTES = 100
"""Bytes of the target's name kept in the temporary file's name: a target name near the
255-byte limit must not fail only because its temporary sibling is 19 bytes longer."""


def _temp_path(target: str) -> tuple[str, int]:
    """A new file beside the target (same filesystem, so the rename is atomic). Created with
    mode 0o666 so the umask applies as for any normal file, not 0o600 like ``mkstemp``."""
    directory, base = os.path.split(os.path.abspath(target))
    short = os.fsencode(base)[:_TEMP_BASE_BYTES]
    while True:
        name = b".%s.%s.tmp" % (short, secrets.token_hex(6).encode())
        candidate = os.path.join(directory, os.fsdecode(name))
        try:
            return candidate, os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _sync(handle: IO[bytes]) -> None:
    """On disk before the rename: after a crash the target is the old book or the new one,
    never a renamed file whose data never reached the disk. A full disk can first show here
    (delayed allocation); filesystems that cannot sync at all (EINVAL) are let be."""
    handle.flush()
    try:
        os.fsync(handle.fileno())
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise


def write_epub(
    thread: Thread,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    max_chapter_bytes: int = 250_000,
    cover: covers.CoverChoice = covers.GENERATED,
    left_out: Sequence[str] = (),
) -> None:
    """Write ``thread`` as an EPUB at ``path``: complete or not at all.

    ``cover``: generated (default), a ``cover.CoverImage`` from ``cover.choose``, or None.
    ``left_out``: one line per thing the reader's options left out, for the title page.

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
    )
    target = os.fspath(path)
    temp, fd = _temp_path(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(built, handle)
            _sync(handle)
        _verify(temp, built.plan)
        os.replace(temp, target)
    except BaseException:  # KeyboardInterrupt too: no temporary file is ever left behind
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
