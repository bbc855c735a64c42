"""Every way a conversion can fail, as a user meets it: exactly one line on stderr that names
the input (or the output) and the reason, exit 1 (2 for usage, 130/143 when interrupted), no
traceback, nothing left in the target folder, the input untouched, and an existing book
replaced only by a complete one.

CI runs as root, who may write anywhere: permission failures are simulated at the lowest level
we call (``os.open``, ``os.replace``, ``Path.open``), and also run for real by a forked child
that drops to ``nobody`` (or as the user we are, when not root), so that the kernel itself
refuses. A full disk is a fake writer, and a real 64 KB tmpfs where mounting is allowed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import exporter.package
from exporter.cli import main
from exporter.errors import InputError
from exporter.pipeline import default_output_name

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAVED = SAMPLES / "lemmy-saved-post.html"
TITLE = (
    "Rescued a 1982 steel tourer from a skip — stuck seatpost and crusty cables, where do I start?"
)
BOOK_NAME = default_output_name(TITLE)
OLD_BOOK = b"an older book, which must survive a failed write"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def one_line(message: str) -> str:
    """What stderr must hold, exactly."""
    return f"thread2epub: {message}\n"


def files(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden temporary files too) with its bytes."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """A copy of the Lemmy sample in its own folder."""
    copy = tmp_path / "page.html"
    shutil.copyfile(SAVED, copy)
    return copy


@pytest.fixture
def old_book(tmp_path: Path) -> Path:
    book = tmp_path / "book.epub"
    book.write_bytes(OLD_BOOK)
    return book


def expect_untouched(folder: Path, before: dict[str, bytes]) -> None:
    assert files(folder) == before, "a file was left behind, changed or removed"


# --- the output cannot be written ---------------------------------------------------------------


def test_unwritable_folder_at_create(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse_create(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and str(path).startswith(str(page.parent)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_create)
    before = files(page.parent)
    code, err = run([str(page), "-o", str(old_book)], capsys)
    assert code == 1
    assert err == one_line(
        f"{old_book}: cannot write the book (Permission denied); choose another place with -o"
    )
    expect_untouched(page.parent, before)


def test_unwritable_at_rename_keeps_the_old_book(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    before = files(page.parent)
    code, err = run([str(page), "-o", str(old_book)], capsys)
    assert code == 1
    assert err == one_line(
        f"{old_book}: cannot write the book (Operation not permitted); choose another place with -o"
    )
    expect_untouched(page.parent, before)


class _FullDisk(io.FileIO):
    """A file that takes ``room`` bytes, then fails as a full disk does."""

    room = 20_000

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(data)


def test_full_disk_mid_write_leaves_nothing_and_keeps_the_old_book(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode != "wb":
            return real_fdopen(fd, mode, *args, **kwargs)
        return io.BufferedWriter(_FullDisk(fd, "wb"))

    monkeypatch.setattr(os, "fdopen", fdopen)  # what exporter.package opens its temporary file with
    before = files(page.parent)
    code, err = run([str(page), "-o", str(old_book)], capsys)
    assert code == 1
    assert err == one_line(
        f"{old_book}: cannot write the book (No space left on device); choose another place with -o"
    )
    expect_untouched(page.parent, before)


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB filesystem, where this machine lets us mount one (root with the right
    capabilities); skipped elsewhere, the fake writer above covers the same path."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_full_disk_for_real(
    page: Path, tiny_tmpfs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tiny_tmpfs / "book.epub"
    old.write_bytes(OLD_BOOK)
    code, err = run([str(page), "-o", str(old)], capsys)
    assert code == 1
    assert err == one_line(
        f"{old}: cannot write the book (No space left on device); choose another place with -o"
    )
    assert files(tiny_tmpfs) == {"book.epub": OLD_BOOK}


def _as_another_user(argv: list[str]) -> tuple[int, str]:
    """Run the CLI where the kernel enforces permissions: in a forked child that drops to
    ``nobody`` when we are root (as CI is), or as ourselves otherwise.

    The child does not exec (the interpreter may live where ``nobody`` cannot read), so every
    module it needs is loaded first, by a conversion in the parent.
    """
    warm = Path(os.environ.get("TMPDIR", "/tmp")) / f"warm-{os.getpid()}.epub"
    assert main([str(SAVED), "-q", "-o", str(warm)]) == 0
    warm.unlink()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status and the pipe
        code = 99
        try:
            os.close(read_end)
            sys.stderr = os.fdopen(write_end, "w")
            if os.geteuid() == 0:
                nobody = pwd.getpwnam("nobody")
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
            code = main(argv)
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        err = pipe.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), err


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder ``nobody`` can reach: pytest's own temporary folders are private (0700)."""
    folder = Path(tempfile.mkdtemp(prefix="thread2epub-test-"))
    try:
        for parent in folder.parents:
            if not parent.stat().st_mode & 0o001:
                pytest.skip(f"{parent} is not searchable by other users")
        folder.chmod(0o755)
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_unwritable_folder_for_real(shared_folder: Path) -> None:
    source = shared_folder / "page.html"
    shutil.copyfile(SAVED, source)
    source.chmod(0o644)
    locked = shared_folder / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    code, err = _as_another_user([str(source), "-o", str(locked / "b.epub")])
    assert code == 1
    assert err == one_line(
        f"{locked / 'b.epub'}: cannot write the book (Permission denied); "
        "choose another place with -o"
    )
    assert list(locked.iterdir()) == []


def test_unreadable_input_for_real(shared_folder: Path) -> None:
    source = shared_folder / "secret.html"
    shutil.copyfile(SAVED, source)
    source.chmod(0o000)
    shared_folder.chmod(0o777)
    code, err = _as_another_user([str(source), "-o", str(shared_folder / "b.epub")])
    assert code == 1
    assert err == one_line(f"{source}: permission denied; check that you can read it")
    assert sorted(p.name for p in shared_folder.iterdir()) == ["secret.html"]


def test_unreadable_input(
    page: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == page:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    before = files(page.parent)
    monkeypatch.setattr(Path, "open", refuse)
    code, err = run([str(page)], capsys)
    assert code == 1
    assert err == one_line(f"{page}: permission denied; check that you can read it")
    monkeypatch.undo()
    expect_untouched(page.parent, before)


# --- where the book would go ----------------------------------------------------------------------


def test_output_inside_a_file(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = page.parent / "notes.txt"
    not_a_folder.write_text("hello")
    before = files(page.parent)
    target = not_a_folder / "book.epub"
    code, err = run([str(page), "-o", str(target)], capsys)
    assert code == 1
    assert err == one_line(f"{target}: {not_a_folder} is a file, not a folder; choose another -o")
    expect_untouched(page.parent, before)


def test_output_name_too_long(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = page.parent / ("x" * 300 + ".epub")
    before = files(page.parent)
    code, err = run([str(page), "-o", str(target)], capsys)
    assert code == 1
    assert err == one_line(
        f"{target}: cannot write the book (File name too long); choose another place with -o"
    )
    expect_untouched(page.parent, before)


def test_a_long_name_that_fits_is_written(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """250 bytes is a valid name; the temporary file beside it must not be the one too long."""
    target = page.parent / ("y" * 245 + ".epub")
    code, err = run([str(page), "-o", str(target), "-q"], capsys)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in page.parent.iterdir()) == sorted([page.name, target.name])


def test_a_long_cjk_title_makes_a_name_the_filesystem_takes(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """100 characters of Japanese are 300 bytes: over the 255 a file name may have."""
    title = "長い題名の日本語スレッド" * 9
    code, err = run([str(page), "--title", title, "-q"], capsys)
    assert (code, err) == (0, "")
    (book,) = [p for p in page.parent.iterdir() if p.suffix == ".epub"]
    assert title.startswith(book.stem)
    assert len(os.fsencode(book.name)) <= 160


def test_output_equal_to_the_input_through_a_link(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = page.parent / "link.epub"
    link.symlink_to(page)
    before = page.read_bytes()
    code, err = run([str(page), "-o", str(link)], capsys)
    assert code == 2
    assert err == one_line(f"{link}: is the input itself; choose another output path with -o")
    assert page.read_bytes() == before and link.is_symlink()


def test_an_existing_book_is_replaced_once_the_new_one_is_complete(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run([str(page), "-o", str(old_book), "-q"], capsys)
    assert code == 0
    assert old_book.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in page.parent.iterdir()) == ["book.epub", "page.html"]


# --- the input cannot be read -------------------------------------------------------------------


def test_a_folder_as_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run([str(tmp_path)], capsys)
    assert code == 1
    assert err == one_line(f"{tmp_path}: is a folder; give the saved page's .html file instead")
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    os.symlink(a, b)
    os.symlink(b, a)
    code, err = run([str(a)], capsys)
    assert code == 1
    assert err == one_line(
        f"{a}: is a symbolic link that leads back to itself; give the saved page's own file"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_a_dangling_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "saved.html"
    link.symlink_to(tmp_path / "gone.html")
    code, err = run([str(link)], capsys)
    assert code == 1
    assert err == one_line(f"{link}: is a link to {tmp_path / 'gone.html'}, which does not exist")


def test_a_huge_file_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sparse = tmp_path / "huge.html"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    code, err = run([str(sparse), "--max-input-mb", "2"], capsys)
    assert code == 1
    assert err == one_line(
        f"{sparse}: is larger than 2 MB; this is not a thread page, or raise the limit with "
        "--max-input-mb"
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(
    device: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    started = time.perf_counter()
    code, err = run([device], capsys)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert err == one_line(
        f"{device}: looks like a binary file, not a saved page or text; save the thread with "
        "your browser's 'Save Page As' (HTML) or paste it as text"
    )


def _feed_fifo(path: Path, chunks: Callable[[], Iterator[bytes]]) -> threading.Thread:
    def write() -> None:
        try:
            with path.open("wb") as fifo:
                for chunk in chunks():
                    fifo.write(chunk)
        except BrokenPipeError:
            pass  # the reader stopped, as it should

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_fifo_is_read_like_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, lambda: iter([SAVED.read_bytes()]))
    code, err = run([str(fifo), "-o", str(tmp_path / "b.epub"), "-q"], capsys)
    writer.join(5)
    assert (code, err) == (0, "")


def test_an_endless_fifo_stops_at_the_input_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)

    def endless() -> Iterator[bytes]:
        while True:
            yield b"<p>more and more</p>\n" * 1000

    writer = _feed_fifo(fifo, endless)
    code, err = run([str(fifo), "--max-input-mb", "1"], capsys)
    writer.join(5)
    assert code == 1
    assert err == one_line(
        f"{fifo}: is larger than 1 MB; this is not a thread page, or raise the limit with "
        "--max-input-mb"
    )


def _cli(
    *args: str, cwd: Path, stdin: Any = None, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        cwd=cwd,
        stdin=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
        **kw,
    )


def test_empty_stdin(tmp_path: Path) -> None:
    done = _cli("-", cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stderr.decode() == one_line(
        "<stdin>: is empty; save the thread page or paste the thread into it"
    )
    assert list(tmp_path.iterdir()) == []


def test_closed_stdin(tmp_path: Path) -> None:
    done = _cli("-", cwd=tmp_path, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert done.returncode == 1
    assert done.stderr.decode() == one_line(
        "<stdin>: standard input is closed; pipe the saved page or the pasted text into it"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_paste_typed_at_the_terminal_ends_at_one_ctrl_d(tmp_path: Path) -> None:
    """From a terminal, reading says how to finish, and one Ctrl-D (end of input, which a
    terminal reports only once) is enough."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "exporter", "-", "-o", str(tmp_path / "t.epub")],
        stdin=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)

    def drain() -> None:  # the terminal echoes what is typed: keep its buffer from filling
        with contextlib.suppress(OSError):
            while os.read(master, 4096):
                pass

    threading.Thread(target=drain, daemon=True).start()
    try:
        os.write(master, (SAMPLES / "lemmy-pasted.txt").read_bytes() + b"\n")
        time.sleep(0.3)
        os.write(master, b"\x04")
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode == 0, err.decode()
    assert err.decode().splitlines() == [
        "thread2epub: reading the thread from the keyboard: paste it, then press Ctrl-D",
        f"thread2epub: wrote {tmp_path / 't.epub'} (11 comments, "
        f"{(tmp_path / 't.epub').stat().st_size / 1024:.0f} KB)",
    ]


# --- interruptions ------------------------------------------------------------------------------


def _write_then(action: Callable[[], None]) -> Callable[..., None]:
    """A stand-in for the ZIP writer: some bytes reach the temporary file, then ``action``."""

    def write(built: Any, target: Any) -> None:
        target.write(b"PK\x03\x04 half a book")
        action()

    return write


def test_ctrl_c_while_writing(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(exporter.package, "_write", _write_then(interrupt))
    before = files(page.parent)
    code, err = run([str(page), "-o", str(old_book)], capsys)
    assert code == 130
    assert err == one_line(f"{page}: interrupted; no book was written")
    expect_untouched(page.parent, before)


def test_sigterm_while_writing(
    page: Path, old_book: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def terminate() -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # the handler raises here, in the main thread

    monkeypatch.setattr(exporter.package, "_write", _write_then(terminate))
    before = files(page.parent)
    code, err = run([str(page), "-o", str(old_book)], capsys)
    assert code == 143
    assert err == one_line(f"{page}: stopped; no book was written")
    expect_untouched(page.parent, before)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back as it was


def test_ctrl_c_after_the_book_is_written_says_so(
    page: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import exporter.cli

    def interrupt(*args: Any) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(exporter.cli, "_count", interrupt)  # while saying "wrote ..."
    book = page.parent / "b.epub"
    code, err = run([str(page), "-o", str(book)], capsys)
    assert code == 130
    assert err == one_line(f"{page}: interrupted after {book} was written complete")
    assert book.read_bytes()[:2] == b"PK"


_SLOW_WRITER = """
import sys, time
import exporter.package
def slow_sync(handle):
    print("writing", flush=True)
    time.sleep(60)
exporter.package._sync = slow_sync
from exporter.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("signum", "code", "word"), [(2, 130, "interrupted"), (15, 143, "stopped")]
)
def test_a_real_signal_while_writing(page: Path, signum: int, code: int, word: str) -> None:
    """A separate process, stopped by a real signal while its temporary file exists."""
    before = files(page.parent)
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(page), "-o", str(page.parent / "b.epub")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"writing\n"
    assert any(p.name.endswith(".tmp") for p in page.parent.iterdir())
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert err.decode() == one_line(f"{page}: {word}; no book was written")
    expect_untouched(page.parent, before)


# --- the last resorts ---------------------------------------------------------------------------


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        main([str(tmp_path / "nope.html"), "--debug"])


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            MemoryError(),
            "{page}: ran out of memory while converting it; it is too big for this machine "
            "(is it really one thread page?)",
        ),
        (
            ValueError("boom"),
            "internal error while converting {page}: ValueError: boom; please report it "
            "(run again with --debug for the details)",
        ),
    ],
)
def test_unexpected_errors_are_one_line(
    page: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    expected: str,
) -> None:
    import exporter.pipeline

    def fail(*args: Any, **kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(exporter.pipeline, "parse_page", fail)
    before = files(page.parent)
    code, err = run([str(page)], capsys)
    assert code == 1
    assert err == one_line(expected.format(page=page))
    expect_untouched(page.parent, before)


def test_json_into_a_text_only_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """A program that redirected stdout to a StringIO (no byte layer) gets the same JSON."""
    import json

    with contextlib.redirect_stdout(io.StringIO()) as captured:
        assert main([str(SAVED), "--json"]) == 0
    assert json.loads(captured.getvalue())["title"] == TITLE


def test_an_ascii_locale_writes_the_same_name_and_json(page: Path) -> None:
    """Under ``LC_ALL=C`` without UTF-8 mode the file system encoding is ASCII: the title's
    dash used to crash the default file name, and every accent crashed ``--json``."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    env.pop("PYTHONIOENCODING", None)
    ascii_json = _cli(str(page), "--json", cwd=page.parent, env=env)
    utf8_json = _cli(str(page), "--json", cwd=page.parent)
    assert ascii_json.returncode == 0, ascii_json.stderr.decode()
    assert ascii_json.stdout == utf8_json.stdout
    assert "—".encode() in ascii_json.stdout
    done = _cli(str(page), "-q", cwd=page.parent, env=env)
    assert (done.returncode, done.stderr) == (0, b"")
    assert os.fsencode(BOOK_NAME) in os.listdir(os.fsencode(page.parent))


# --- wrong encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # UTF-8 with one broken sequence (a lone surrogate's bytes) stays UTF-8 ...
        ("– • naïve — ok".encode() + b"\xed\xa0\x80" + " ünïcödé".encode(), "– • naïve — ok"),
        # ... while legacy cp1252 text, which has no valid UTF-8 sequence, stays cp1252.
        ("café au lait, s'il vous plaît".encode("cp1252"), "café au lait, s'il vous plaît"),
    ],
)
def test_a_stray_broken_sequence_does_not_turn_utf8_into_mojibake(
    data: bytes, expected: str
) -> None:
    from exporter.load import decode

    text = decode(data, "paste.txt")
    assert text.startswith(expected)
    assert "â€" not in text
