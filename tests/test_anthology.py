"""``--anthology``: several threads in one book, one part per thread, each part reading exactly
like the thread's own book, and the whole valid, linked and deterministic."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from bookcheck import book_entries, parse_xml, read_comments, unsafe_findings
from builders import make_comment, make_thread
from conftest import EpubCheck

from exporter.anthology import Part, build_anthology
from exporter.cli import main
from exporter.epub import epub_bytes
from exporter.package import built_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["hn-item.html", "phpbb-topic.html", "lemmy-saved-post.html"]
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    for name in SAMPLES:
        shutil.copy(ROOT / "samples" / name, tmp_path / name)
    return [str(tmp_path / name) for name in SAMPLES]


def test_cli_anthology_is_valid_with_one_part_per_thread(
    inputs: list[str], tmp_path: Path, epubcheck: EpubCheck, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "Weekend reading.epub"
    assert main([*inputs, "--anthology", str(book)]) == 0
    err = capsys.readouterr().err
    assert err.strip().endswith("(3 threads, 54 comments)"), err
    data = book.read_bytes()
    epubcheck(book)
    assert unsafe_findings(data) == []
    entries = book_entries(data)
    for n in (1, 2, 3):
        assert f"EPUB/part-00{n}/title.xhtml" in entries
        assert f"EPUB/part-00{n}/style.css" in entries
    # The TOC: the title page, then each part with its post and top-level comments.
    ncx = parse_xml(entries["EPUB/toc.ncx"])
    tops = ncx.findall(f"{NCX}navMap/{NCX}navPoint")
    labels = [p.findtext(f"{NCX}navLabel/{NCX}text") for p in tops]
    assert labels[0] == "Title page"
    assert labels[1] == "The tide clock that ran for eleven years on one AA cell"
    assert len(tops) == 4
    for part in tops[1:]:
        assert part.findall(f"{NCX}navPoint"), "each part lists its comments"
        sources = [p.find(f"{NCX}content") for p in part.iter(f"{NCX}navPoint")]
        assert all(s is not None and "/" in str(s.get("src")) for s in sources)
    # The front title page names the book after its file.
    front = entries["EPUB/title.xhtml"].decode()
    assert '<h1 class="title">Weekend reading</h1>' in front
    assert 'href="part-002/title.xhtml"' in front


def test_each_part_reads_exactly_like_the_threads_own_book(
    inputs: list[str], tmp_path: Path
) -> None:
    from exporter import load_thread

    threads = [load_thread(path) for path in inputs]
    anthology = built_bytes(build_anthology([Part(t) for t in threads], title="A", cover=None))
    alone = [epub_bytes(load_thread(path), cover=None) for path in inputs]
    assert [c.author for c in read_comments(anthology)] == [
        c.author for book in alone for c in read_comments(book)
    ]
    parts = book_entries(anthology)
    single = book_entries(alone[1])
    assert parts["EPUB/part-002/comments-0001.xhtml"] == single["EPUB/comments-0001.xhtml"]


def test_same_threads_same_bytes_and_pages_of_one_thread_make_one_part(tmp_path: Path) -> None:
    def forum(page: int) -> object:
        posts = [make_comment(f"p{page}-{n}", number=(page - 1) * 3 + n) for n in (1, 2, 3)]
        return make_thread(
            posts,
            url=f"https://f.example/t/7?page={page}",
            site="phpbb",
            thread_id="f/t/7",
            page=page,
        )

    one = build_anthology([Part(make_thread([make_comment("a")]))], title="T", cover=None)
    two = build_anthology([Part(make_thread([make_comment("a")]))], title="T", cover=None)
    assert built_bytes(one) == built_bytes(two)
    # Through the CLI, two pages of one thread (any order) become one part.
    from exporter.merge import Page, group_threads

    groups = group_threads([Page("p2", forum(2)), Page("x", make_thread([])), Page("p1", forum(1))])  # type: ignore[arg-type]
    assert [[p.source for p in g] for g in groups] == [["p2", "p1"], ["x"]]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--each"], "--each and --anthology exclude each other"),
        (["--json"], "--json prints one thread; leave out --anthology"),
        (["-o", "x.epub"], "--anthology BOOK names the book already"),
    ],
)
def test_anthology_usage_errors(
    inputs: list[str], extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*inputs, "--anthology", "a.epub", *extra]) == 2
    assert message in capsys.readouterr().err


def test_anthology_output_is_complete_or_absent(inputs: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\n", encoding="utf-8")
    book = tmp_path / "all.epub"
    assert main([inputs[0], str(bad), "--anthology", str(book)]) == 1
    assert not book.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert main([inputs[0], "--anthology", str(book), "-q"]) == 0
    with zipfile.ZipFile(book) as z:
        assert z.testzip() is None
