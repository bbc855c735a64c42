"""Many inputs on one command line: pages of one thread merge, ``--each`` writes a book per
thread (also in parallel), failures do not stop the others, and the progress line and ``-v``
speak only where they should."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.progress import Progress, StageLog

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["lemmy-saved-post.html", "hn-item.html", "reddit-old-thread.html"]


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    for name in SAMPLES:
        shutil.copy(ROOT / "samples" / name, tmp_path / name)
    return [tmp_path / name for name in SAMPLES]


def books(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".epub")


def test_each_writes_one_book_per_thread_named_after_it(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "books"
    out.mkdir()
    assert main([*map(str, inputs), "--each", "-o", str(out)]) == 0
    written = books(out)
    assert len(written) == 3
    assert "The tide clock that ran for eleven years on one AA cell.epub" in written
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left
    assert capsys.readouterr().err.splitlines()[-1] == "thread2epub: wrote 3 of 3 books in " + str(
        out
    )


def test_each_in_parallel_gives_the_same_files_and_bytes(
    inputs: list[Path], tmp_path: Path
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert main([*map(str, inputs), "--each", "-o", str(one), "-q"]) == 0
    # -j 2 in a real process: the pool of spawned workers is what users get.
    run = subprocess.run(
        [sys.executable, "-m", "exporter", *map(str, inputs), "--each", "-o", str(two), "-j", "2"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert books(one) == books(two)
    for name in books(one):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_same_titles_get_numbered_in_input_order(tmp_path: Path) -> None:
    src = ROOT / "samples" / "hn-item.html"
    copies = []
    for name in ("a.html", "b.html", "c.html"):
        shutil.copy(src, tmp_path / name)
        copies.append(str(tmp_path / name))
    assert main([*copies, "--each", "-q"]) == 0
    title = "The tide clock that ran for eleven years on one AA cell"
    assert books(tmp_path) == [f"{title} (2).epub", f"{title} (3).epub", f"{title}.epub"]


def test_a_failing_input_does_not_stop_the_others(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\n", encoding="utf-8")
    assert main([str(inputs[1]), str(bad), "--each"]) == 1
    err = capsys.readouterr().err
    assert f"thread2epub: {bad}: no thread recognised" in err
    assert "wrote 1 of 2 books; 1 could not be converted" in err
    assert len(books(tmp_path)) == 1


def test_pages_of_different_threads_need_each(
    inputs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(inputs[0]), str(inputs[1])]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"thread2epub: {inputs[1]}: is not the same thread as {inputs[0]}")
    assert "--each" in err
    assert not books(inputs[0].parent)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--each", "--json"], "--json prints one thread"),
        (["--each", "-"], "standard input cannot be used with --each"),
        (["--each", "--title", "X"], "--title names one book"),
        (["--each", "-o", "nowhere/"], "-o must be an existing folder"),
        (["-j", "2"], "-j/--jobs runs several books at once: it needs --each"),
    ],
)
def test_usage_errors(
    inputs: list[Path], extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(inputs[0]), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_verbose_names_each_stage_with_its_time(
    inputs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(inputs[1]), "-v"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(
        "thread2epub: read as hackernews (news.ycombinator.com): 28 comments ("
    )
    assert lines[1].startswith("thread2epub: shaped: everything kept (")
    assert lines[2].startswith("thread2epub: wrote the book (")
    assert all(line.endswith(" s)") for line in lines[:3])
    assert lines[3].startswith("thread2epub: wrote ")


def test_progress_line_only_on_a_terminal(inputs: list[Path], tmp_path: Path) -> None:
    """Through a pseudo-terminal the bar is drawn (and erased); through a pipe it is not."""
    args = [sys.executable, "-m", "exporter", *map(str, inputs), "--each", "-o", str(tmp_path)]
    piped = subprocess.run(args, capture_output=True, text=True, check=False, cwd=ROOT)
    assert piped.returncode == 0
    assert "\r" not in piped.stderr
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(args, stderr=follower, stdout=subprocess.DEVNULL, cwd=ROOT)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(leader)
    # Redraws closer than 0.1 s apart are skipped, so which counts show depends on speed.
    assert re.search(rb"\r\[[#.]{24}\] [123]/3 ", seen)
    assert b"\r\x1b[K" in seen


def test_progress_redraws_no_faster_than_needed() -> None:
    ticks = iter([0.0, 0.05, 0.2])
    stream = io.StringIO()
    bar = Progress(True, stream, clock=lambda: next(ticks))
    bar.update(1, 4, "a")
    bar.update(2, 4, "b")  # 50 ms later: skipped
    bar.update(3, 4, "c")
    assert stream.getvalue().count("\r") == 2
    assert "3/4 c" in stream.getvalue() and "2/4" not in stream.getvalue()
    bar.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_stage_log_is_silent_unless_enabled() -> None:
    said: list[str] = []
    StageLog(said.append, enabled=False).done("x")
    log = StageLog(said.append, enabled=True, clock=iter([1.0, 3.5]).__next__)
    log.start()
    log.done("parsed")
    assert said == ["parsed (2.50 s)"]
