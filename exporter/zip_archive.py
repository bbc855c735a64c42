"""The book's ZIP archive: the same bytes on every run, its entries deflated on other cores.

Why not ``zipfile``: it deflates each entry while it writes it, on the thread that renders the
book, and has no way to take an entry already deflated. zlib lets go of the GIL while it
deflates, so a chapter handed to :func:`deflate_soon` the moment it is rendered is deflated on
another core while the next one renders: on a 10,000-comment thread, most of zlib's quarter of
a second (level 9, as before) leaves the critical path (the conversion is 0.13-0.15 s shorter).

What is written is what ``zipfile`` writes for the same entries (a test holds it to that, byte
for byte): local headers with the sizes and CRC in place, no data descriptors, no extra fields,
version 2.0, Unix mode 0644, one fixed time; names in UTF-8, flagged as such when not ASCII.
It does not depend on the Python version, as ``zipfile``'s choices might. No ZIP64: a book
past 4 GB, or of more than 65,535 files, is refused (no e-reader would open it anyway).
"""

from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import IO

from .errors import OutputError

LEVEL = 9
"""zlib's best compression: a book is written once and read many times, on small devices."""

ZIP32_LIMIT = 0xFFFF_FFFF
"""The largest size or offset a ZIP without its ZIP64 extension holds."""
MAX_ENTRIES = 0xFFFF

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0: deflate
_UNIX = 3
_MODE = 0o644 << 16
_UTF8_NAME = 0x800
_STORED, _DEFLATED = 0, 8


@dataclass(frozen=True)
class Entry:
    """An entry's data as it goes into the archive."""

    data: bytes
    """Raw DEFLATE (no zlib header), or the bytes themselves for a stored entry."""
    crc: int
    size: int
    """Of the data before deflating."""
    method: int = _DEFLATED


def deflate(data: bytes) -> Entry:
    """Raw DEFLATE, as ``zipfile`` makes it (``zlib.compress`` takes ``wbits`` from 3.11)."""
    squeezer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return Entry(squeezer.compress(data) + squeezer.flush(), zlib.crc32(data), len(data))


def stored(data: bytes) -> Entry:
    """An entry kept as it is (EPUB's ``mimetype`` must be)."""
    return Entry(data, zlib.crc32(data), len(data), _STORED)


_pool: ThreadPoolExecutor | None = None
_pool_lock = Lock()


def deflate_soon(data: bytes) -> Future[Entry]:
    """:func:`deflate` on a worker thread, started now."""
    return _workers().submit(deflate, data)


def _workers() -> ThreadPoolExecutor:
    """One pool for the process (a server writes many books), made when first needed."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="deflate"
            )
        return _pool


def _forget_workers() -> None:
    """A forked child has none of its parent's threads (a program that forks after writing
    a book): its first book makes its own pool."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, Lock()


if hasattr(os, "register_at_fork"):  # not on Windows, which never forks
    os.register_at_fork(after_in_child=_forget_workers)


class TooBig(OutputError):
    """The book is past what a ZIP without ZIP64 holds."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the book would be {what}, past what an EPUB file can hold; leave the pictures "
            "out (--no-images) or convert the thread's pages in parts"
        )


class ZipArchive:
    """Entries in the order added, written out by :meth:`write_to` with a fixed time."""

    def __init__(self, when: datetime) -> None:
        self._dos_date = (when.year - 1980) << 9 | when.month << 5 | when.day
        self._dos_time = when.hour << 11 | when.minute << 5 | when.second // 2
        self._entries: list[tuple[str, Entry | Future[Entry]]] = []

    def add(self, name: str, entry: Entry | Future[Entry]) -> None:
        """Add an entry; a pending one is waited for when the archive is written."""
        self._entries.append((name, entry))

    def write_to(self, handle: IO[bytes]) -> None:
        """Write the whole archive at ``handle``'s position (the start of the file)."""
        if len(self._entries) > MAX_ENTRIES:
            raise TooBig(f"more than {MAX_ENTRIES:,} files")
        central: list[bytes] = []
        offset = 0
        for name, pending in self._entries:
            entry = pending.result() if isinstance(pending, Future) else pending
            encoded, flags = _encoded(name)
            if max(offset, entry.size, len(entry.data)) > ZIP32_LIMIT:
                raise TooBig("more than 4 GB")
            fields = (
                flags,
                entry.method,
                self._dos_time,
                self._dos_date,
                entry.crc,
                len(entry.data),
                entry.size,
                len(encoded),
            )
            local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, 0)
            handle.write(local + encoded)
            handle.write(entry.data)
            central.append(_central(fields, offset) + encoded)
            offset += len(local) + len(encoded) + len(entry.data)
        directory = b"".join(central)
        if offset + len(directory) > ZIP32_LIMIT:
            raise TooBig("more than 4 GB")
        count = len(self._entries)
        handle.write(directory)
        handle.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0))


def _central(fields: tuple[int, ...], offset: int) -> bytes:
    return _CENTRAL.pack(
        b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields, 0, 0, 0, 0, _MODE, offset
    )


def _encoded(name: str) -> tuple[bytes, int]:
    """The name's bytes and the flag that says UTF-8 (``zipfile``'s choice)."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME
