"""The book's ZIP archive: what ``zipfile`` writes for the same entries, byte for byte, and a
clear refusal past what a ZIP without ZIP64 holds."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from builders import representative_thread
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import zip_archive
from exporter.epub import write_epub
from exporter.errors import OutputError
from exporter.zip_archive import ZipArchive, deflate, deflate_soon, stored

WHEN = datetime(2024, 5, 17, 13, 45, 31)

_NAMES = st.text(alphabet="abcXYZ/._-é漢😀", min_size=1, max_size=12)
_ENTRIES = st.lists(
    st.tuples(_NAMES, st.binary(max_size=3000) | st.text(max_size=2000), st.booleans()),
    max_size=6,
    unique_by=lambda entry: entry[0],
)


def _zipfile_bytes(entries: list[tuple[str, bytes, bool]]) -> bytes:
    """What the books were written with before: zipfile, with fixed times and mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, store in entries:
            info = zipfile.ZipInfo(name, date_time=WHEN.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def _our_bytes(entries: list[tuple[str, bytes, bool]], *, later: bool) -> bytes:
    archive = ZipArchive(WHEN)
    for name, data, store in entries:
        if store:
            archive.add(name, stored(data))
        else:
            archive.add(name, deflate_soon(data) if later else deflate(data))
    buffer = io.BytesIO()
    archive.write_to(buffer)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(entries=_ENTRIES, later=st.booleans())
def test_the_archive_is_what_zipfile_writes(
    entries: list[tuple[str, bytes | str, bool]], later: bool
) -> None:
    as_bytes = [
        (name, data.encode() if isinstance(data, str) else data, store)
        for name, data, store in entries
    ]
    ours = _our_bytes(as_bytes, later=later)
    assert ours == _zipfile_bytes(as_bytes)
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == [
            (name, data) for name, data, _ in as_bytes
        ]


def test_entries_keep_the_order_they_were_added_in_not_the_order_they_were_deflated() -> None:
    big, small = b"chapter " * 200_000, b"mimetype"
    ours = _our_bytes([("a", big, False), ("b", small, True), ("c", small, False)], later=True)
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        assert archive.namelist() == ["a", "b", "c"]


def test_a_failed_deflate_fails_the_write() -> None:
    archive = ZipArchive(WHEN)
    archive.add("a", deflate_soon("not bytes"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        archive.write_to(io.BytesIO())


def test_too_many_entries_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_archive, "MAX_ENTRIES", 2)
    archive = ZipArchive(WHEN)
    for name in "abc":
        archive.add(name, stored(b"x"))
    with pytest.raises(zip_archive.TooBig, match="more than 2 files"):
        archive.write_to(io.BytesIO())


def test_an_archive_past_the_zip32_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zip_archive, "ZIP32_LIMIT", 100)
    archive = ZipArchive(WHEN)
    for name in "abc":
        archive.add(name, stored(b"x" * 40))
    with pytest.raises(zip_archive.TooBig, match="more than 4 GB"):
        archive.write_to(io.BytesIO())


def test_a_book_too_big_for_a_zip_is_one_line_naming_the_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zip_archive, "ZIP32_LIMIT", 1000)
    target = tmp_path / "big.epub"
    with pytest.raises(
        OutputError, match=r"big\.epub: the book would be more than 4 GB.*--no-images"
    ):
        write_epub(representative_thread(), target)
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_child_deflates_with_a_pool_of_its_own() -> None:
    assert deflate_soon(b"parent").result().size == 6  # the parent's pool exists
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            ok = deflate_soon(b"child").result(timeout=10).size == 5
        except BaseException:
            ok = False
        os.write(write, b"1" if ok else b"0")
        os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.close(read)
    os.waitpid(child, 0)
    assert answer == b"1"
