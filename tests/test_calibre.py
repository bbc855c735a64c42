"""calibre reads our books: the library manager most e-reader owners feed their devices with.

Needs Debian's ``calibre`` package (``ebook-meta``, ``ebook-convert``); skipped without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from builders import representative_thread

from exporter import epub
from exporter.book_meta import BookMeta

TOOLS = ("ebook-meta", "ebook-convert")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="calibre is not installed (ebook-meta/ebook-convert; Debian: apt-get install calibre)",
)


def calibre(args: list[str], tmp_path: Path) -> str:
    """Run a calibre tool with its configuration kept in ``tmp_path`` (never the user's)."""
    env = dict(os.environ)
    env.update(
        CALIBRE_CONFIG_DIRECTORY=str(tmp_path / "calibre-config"),
        CALIBRE_TEMP_DIR=str(tmp_path),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    done = subprocess.run(
        args, env=env, capture_output=True, timeout=300, check=False, cwd=tmp_path
    )
    output = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, f"{args[0]} failed ({done.returncode}):\n{output}"
    return output


def fields(output: str) -> dict[str, str]:
    """``Title               : ...`` lines of ``ebook-meta`` as a dict."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        match = re.match(r"^([A-Za-z() ]+?)\s*:\s(.*)$", line)
        if match:
            found[match.group(1).strip()] = match.group(2).strip()
    return found


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calibre") / "book.epub"
    meta = BookMeta(
        title="Ünïcödé thread, saved",
        author="Zoë Reader",
        series="Threads I read",
        series_index=2.5,
        tags=("discussions", "saved threads"),
    )
    epub.write_epub(representative_thread(), path, meta=meta, nav=True)
    return path


def test_calibre_reads_title_author_series_tags_and_cover(book: Path, tmp_path: Path) -> None:
    cover = tmp_path / "cover.jpg"
    found = fields(calibre(["ebook-meta", str(book), f"--get-cover={cover}"], tmp_path))
    assert found["Title"] == "Ünïcödé thread, saved"
    assert found["Author(s)"] == "Zoë Reader"
    assert found["Series"] == "Threads I read #2.5"
    tags = {t.strip() for t in found["Tags"].split(",")}
    assert {"discussions", "saved threads", "testing"} == tags
    assert found["Languages"] == "eng"
    assert cover.read_bytes()[:3] == b"\xff\xd8\xff"  # the cover picture, a JPEG


def test_calibre_converts_the_book_to_azw3(book: Path, tmp_path: Path) -> None:
    target = tmp_path / "book.azw3"
    output = calibre(["ebook-convert", str(book), str(target)], tmp_path)
    assert target.stat().st_size > 10_000, output
    assert "AZW3 output written" in output
    found = fields(calibre(["ebook-meta", str(target)], tmp_path))
    assert found["Title"] == "Ünïcödé thread, saved"
    assert found["Author(s)"] == "Zoë Reader"
