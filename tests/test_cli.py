"""The command line as a user meets it: exit codes, one-line errors, files left behind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.pipeline import default_output_name

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAVED = SAMPLES / "lemmy-saved-post.html"
PASTED = SAMPLES / "lemmy-pasted.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("thread2epub: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        (b"<html><body><h1>My blog</h1><p>No comments here.</p></body></html>", "no thread"),
        (b"Just a shopping list:\neggs\nmilk\n", "no thread"),
    ],
)
def test_bad_input_gives_one_line_and_exit_1_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, needle: str
) -> None:
    source = tmp_path / "input.html"
    source.write_bytes(content)
    code, _out, err = run([str(source)], capsys)
    assert code == 1
    _assert_one_line_error(err, str(source), needle)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.html"]
    assert source.read_bytes() == content


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(tmp_path / "nope.html")], capsys)
    assert code == 1
    _assert_one_line_error(err, "no such file")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--site", "myspace", str(SAVED)])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_output_into_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "book.epub"
    code, _, err = run([str(SAVED), "-o", str(target)], capsys)
    assert code == 1
    _assert_one_line_error(err, "does not exist")
    assert not target.parent.exists()


def test_output_equal_to_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "page.html"
    source.write_bytes(SAVED.read_bytes())
    code, _, err = run([str(source), "-o", str(source)], capsys)
    assert code == 2
    _assert_one_line_error(err, "is the input itself")
    assert source.read_bytes() == SAVED.read_bytes()


def test_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(SAVED), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {
        "title", "url", "site", "site_name", "community", "language", "post", "comments",
        "missing",
    }  # fmt: skip
    assert data["site"] == "lemmy"
    comment = data["comments"][0]
    assert set(comment) >= {
        "id", "parent_id", "depth", "author", "author_id", "created", "created_text", "edited",
        "score", "upvotes", "downvotes", "is_op", "is_moderator", "deleted", "removed",
        "permalink", "body_html", "children",
    }  # fmt: skip


def test_pasted_text_on_stdin_as_a_user_would(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "exporter", "-", "-o", str(tmp_path / "t.epub"), "--title", "Mine"],
        input=PASTED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "t.epub").stat().st_size > 0
    assert b"wrote" in result.stderr


def test_default_output_name_is_the_title_beside_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "saved.html"
    source.write_bytes(SAVED.read_bytes())
    title = json.loads(run([str(source), "--json"], capsys)[1])["title"]
    code, _, err = run([str(source)], capsys)
    assert code == 0, err
    books = [p for p in tmp_path.iterdir() if p.suffix == ".epub"]
    assert [b.name for b in books] == [default_output_name(title)]
    assert "?" not in books[0].name


def test_unwritable_output_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI runs as root, who may write anywhere: make the write itself fail as it would for a user.
    import exporter.epub

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exporter.epub, "write_epub", refuse)
    code, _, err = run([str(SAVED), "-o", str(tmp_path / "b.epub")], capsys)
    assert code == 1
    _assert_one_line_error(err, "cannot write the book", "Permission denied")
    assert list(tmp_path.iterdir()) == []


def test_undecodable_bytes_give_no_stray_library_lines(tmp_path: Path) -> None:
    source = tmp_path / "paste.txt"
    source.write_bytes(PASTED.read_text(encoding="utf-8").encode("cp1252", "replace") + b"\x81")
    result = subprocess.run(
        [sys.executable, "-m", "exporter", str(source), "-o", str(tmp_path / "b.epub")],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stderr.decode().splitlines()
    assert lines and all(line.startswith("thread2epub: ") for line in lines), lines
