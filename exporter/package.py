"""The EPUB container: ebooklib's writer made deterministic, the finished file verified, and
the atomic write (the target appears only when complete).

Split from ``exporter.epub`` (what goes into a book) because this is how any book is written,
a single thread's or an anthology's. ebooklib 0.20 pitfalls worked around here (see
``DESIGN.md``): documents are stored as rendered, because ebooklib would re-parse them as HTML
(dropping ``<head>``, re-indenting ``<pre>``, turning some into 0-byte files); its ZIP writer
gives way to ``exporter.zip_archive`` (fixed entry times, chapters deflated on another core as
they are rendered); ebooklib's ``write_epub`` swallows ``OSError``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import zipfile
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import IO, Any

from ebooklib import epub

from exporter.errors import OutputError
from exporter.layout import BookPlan
from exporter.zip_archive import Entry, TooBig, ZipArchive, deflate_soon, stored

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- ebooklib adapters --------------------------------------------------------------------------


class Prerendered(epub.EpubHtml):  # type: ignore[misc]
    """An XHTML document stored byte for byte: ebooklib's own ``get_content`` re-parses it
    with an HTML parser, drops the head and returns ``b""`` on any hiccup. ``deflated``: its
    bytes as the archive will hold them, started on another core when it was rendered."""

    deflated: Future[Entry] | None = None

    def get_content(self, default: bytes | None = None) -> bytes:
        content: bytes = self.content
        return content


class _ArchiveOut:
    """What ebooklib's writer calls ``self.out``: every entry goes to a ``ZipArchive``; a
    document deflated while the book was rendered is taken as it is, when its bytes are the
    ones that were deflated."""

    def __init__(self, archive: ZipArchive, ready: dict[str, Prerendered]) -> None:
        self._archive = archive
        self._ready = ready

    def writestr(
        self, name: str, data: str | bytes, compress_type: int = zipfile.ZIP_DEFLATED
    ) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        doc = self._ready.get(name)
        entry: Entry | Future[Entry]
        if compress_type == zipfile.ZIP_STORED:
            entry = stored(raw)
        elif doc is not None and doc.deflated is not None and doc.content is raw:
            entry = doc.deflated
        else:
            entry = deflate_soon(raw)
        self._archive.add(name, entry)


class _ReproducibleWriter(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer with a deterministic archive (``exporter.zip_archive``: fixed times,
    ``mimetype`` first and stored), exceptions propagated (``epub.write_epub`` swallows
    ``OSError``) and ``xml:lang`` on ``<package>``."""

    def __init__(self, target: IO[bytes], book: epub.EpubBook, when: datetime, lang: str) -> None:
        super().__init__(target, book, {"epub3_pages": False, "mtime": when.replace(tzinfo=None)})
        self._target = target
        self._when = when
        self._lang = lang

    def write(self) -> None:
        archive = ZipArchive(self._when)
        ready = {
            f"{self.book.FOLDER_NAME}/{item.file_name}": item
            for item in self.book.get_items()
            if isinstance(item, Prerendered)
        }
        self.out = _ArchiveOut(archive, ready)
        self.out.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        self._write_container()
        self._write_opf()
        self._write_items()
        archive.write_to(self._target)

    def _write_opf_file(self, root: Any) -> None:
        root.set(XML_LANG, self._lang)
        super()._write_opf_file(root)


# --- a built book ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """A populated ebooklib book and what writing it needs."""

    book: epub.EpubBook
    lang: str
    when: datetime
    max_chapter_bytes: int
    oversized: frozenset[str]
    """ZIP names of the chapters allowed over the budget (one block that could not be cut)."""


def oversized_files(plan: BookPlan, folder: str = "") -> frozenset[str]:
    return frozenset(f"EPUB/{folder}{ch.file_name}" for ch in plan.chapters if ch.oversized)


def check(condition: bool, message: str) -> None:
    """An internal invariant that must hold even under ``python -O`` (which drops asserts)."""
    if not condition:
        raise AssertionError(message)


def document(uid: str, file_name: str, title: str, content: bytes, lang: str) -> Prerendered:
    check(bool(content.strip()), f"{file_name} rendered empty")
    doc = Prerendered(uid=uid, file_name=file_name, title=title, lang=lang)
    doc.content = content
    doc.deflated = deflate_soon(content)
    return doc


def _verify(archive: IO[bytes] | str, built: Built) -> None:
    """Read back what was written: ``mimetype`` first, no empty document, none over budget."""
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
        check(infos[0].filename == "mimetype", "mimetype must be the first entry")
        for info in infos:
            if info.filename.endswith(".xhtml"):
                check(info.file_size > 0, f"{info.filename} was written empty")
                within = info.file_size <= built.max_chapter_bytes
                check(within or info.filename in built.oversized, f"{info.filename} is over budget")


def _write(built: Built, target: IO[bytes]) -> None:
    writer = _ReproducibleWriter(target, built.book, built.when, built.lang)
    writer.process()
    writer.write()


def built_bytes(built: Built) -> bytes:
    """A built book as the bytes of its EPUB file, verified like a written one."""
    buffer = BytesIO()
    _write(built, buffer)
    buffer.seek(0)
    _verify(buffer, built)
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


def write_built(built: Built, path: str | os.PathLike[str]) -> None:
    """Write a built book at ``path`` atomically (see :func:`write_epub`)."""
    target = os.fspath(path)
    temp, fd = _temp_path(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(built, handle)
            _sync(handle)
        _verify(temp, built)
        os.replace(temp, target)
    except BaseException as error:  # KeyboardInterrupt too: no temporary file is ever left
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(error, TooBig):
            raise OutputError(f"{target}: {error}") from None
        raise
