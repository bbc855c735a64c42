"""Benchmark the whole conversion on large synthetic threads: ``python -m benchmarks.run``.

Why: what a user waits for is the whole command on a big thread, not one function, so each
conversion runs as its own process (``python -m exporter PAGE… -o BOOK -q``), one warm-up then
``--runs`` timed runs, and reports the median wall time and the process's own peak RSS (read
through ``benchmarks.measure``). The cases (``benchmarks.cases``): one generated thread at each
``--sizes`` in the markup of each site (Lemmy saved with isoData and SingleFile, old Reddit,
Hacker News, XenForo as 50-post pages merged by one command), and a 1,000-deep reply chain
beside 1,000 siblings (depth must cost nothing). Beside each, in the same run: the reference
floor (``benchmarks.floor``: a bare lxml parse, the comment XPath, the isoData decode) on the
same page, and with ``--others`` pandoc's and calibre's ``ebook-convert``'s time on it; and the
start-up cost of ``thread2epub --help``. Then every book is checked: ``--json`` must report
every generated comment at its depth, both Lemmy variants must give the same tree, and the
EPUB must open as a zip whose XHTML parses and holds one ``<article>`` per comment.

Prints a Markdown table (with convert/floor, peak RSS/page size, and the growth ratios
time(largest)/time(10,000) and chain/siblings); writes ``benchmarks/out/results.json`` (with the
machine, its load average and the date). Pages are generated when missing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from lxml import etree

import exporter
from exporter.rows import POST_ANCHOR

from .cases import SHAPES, SITES, Case, shape_case, site_case
from .make_pages import OUT, SEED, read_info
from .measure import Measurement

REPO = Path(__file__).resolve().parents[1]
BOOKS = OUT / "books"
RESULTS = OUT / "results.json"
MB = 1e6


@dataclass
class Row:
    case: str
    comments: int
    page_bytes: int
    convert_seconds: list[float]
    convert_cpu_seconds: list[float]
    convert_peak_rss_bytes: list[int]
    warmup_seconds: float
    floor_seconds: list[float]
    floor_peak_rss_bytes: int
    others: dict[str, float | str] = field(default_factory=dict)
    """pandoc's and ebook-convert's time on the same page (one run), or why there is none."""

    @property
    def convert_median(self) -> float:
        return statistics.median(self.convert_seconds)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor_seconds)


def measured(
    argv: Sequence[str], timeout: float | None = None, *, quiet: bool = False
) -> Measurement:
    """Run ``argv`` under the measuring wrapper; fail loudly if it fails. ``quiet``: drop its
    stderr (pandoc warns about every picture it cannot fetch)."""
    # Its own session, so that a timeout stops the measured program too (subprocess.run
    # would kill only the wrapper and leave, say, ebook-convert running for an hour).
    with subprocess.Popen(
        [sys.executable, "-m", "benchmarks.measure", *argv],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if quiet else None,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, argv)
    result: Measurement = json.loads(out)
    if result["exit_code"] != 0:
        raise SystemExit(f"failed (exit {result['exit_code']}): {' '.join(argv)}")
    return result


def thread2epub_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m exporter``."""
    script = Path(sys.executable).with_name("thread2epub")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "exporter"]


def compile_package() -> None:
    """Write the package's bytecode before any timed run, as ``pip install`` does. A source
    checkout gets it at its first import, unless ``PYTHONDONTWRITEBYTECODE`` is set (as on
    some CI and sandbox machines): then every run compiled every module from source again,
    half a second that no installed copy pays."""
    compileall.compile_dir(Path(exporter.__file__).parent, quiet=1)


def time_startup(runs: int) -> dict[str, Any]:
    command = [*thread2epub_command(), "--help"]
    measured(command)  # warm-up: the file cache
    seconds = [measured(command)["seconds"] for _ in range(runs)]
    return {
        "command": command,
        "runs": runs,
        "seconds": seconds,
        "median": statistics.median(seconds),
    }


def book_path(case: Case) -> Path:
    return BOOKS / f"{case.label}.epub"


def other_tools(case: Case, timeout: float) -> dict[str, float | str]:
    """pandoc and calibre's ebook-convert on the same page, once each, where installed.

    A forum thread saved as many pages is one command for thread2epub but not for them: they
    are timed on single-page cases only."""
    found: dict[str, float | str] = {}
    if len(case.pages) != 1:
        return {"pandoc": "n/a (many pages)", "ebook-convert": "n/a (many pages)"}
    page = str(case.pages[0])
    tools = {
        "pandoc": ["pandoc", page, "-o", str(BOOKS / f"{case.label}.pandoc.epub")],
        "ebook-convert": ["ebook-convert", page, str(BOOKS / f"{case.label}.calibre.epub")],
    }
    for name, argv in tools.items():
        program = shutil.which(argv[0])
        if program is None:
            found[name] = "not installed"
            continue
        try:
            result = measured([program, *argv[1:]], timeout=timeout, quiet=True)
            found[name] = result["seconds"]
        except subprocess.TimeoutExpired:
            found[name] = f"> {timeout:.0f} s"
        except (SystemExit, subprocess.CalledProcessError):
            found[name] = "failed"
        print(f"{case.label:>22} {name} {found[name]}", file=sys.stderr, flush=True)
    return found


def benchmark(case: Case, runs: int, others: bool, others_timeout: float) -> Row:
    book = book_path(case)
    BOOKS.mkdir(parents=True, exist_ok=True)
    pages = [str(p) for p in case.pages]
    command = [sys.executable, "-m", "exporter", *pages, "-o", str(book), "-q"]
    label = f"{case.label:>22}"
    warmup = measured(command)
    print(f"{label} warm-up {warmup['seconds']:.2f} s", file=sys.stderr, flush=True)
    runs_done = []
    for n in range(runs):
        runs_done.append(measured(command))
        done = runs_done[-1]
        line = f"{label} run {n + 1}/{runs} {done['seconds']:.2f} s ({done['cpu_seconds']:.2f} CPU)"
        print(line, file=sys.stderr, flush=True)
    floor_out = OUT / f"floor-{case.label}.json"
    floor_run = measured(
        [
            *(sys.executable, "-m", "benchmarks.floor", *pages),
            *("--runs", str(runs), "--json-out", str(floor_out)),
        ]
    )
    floor = json.loads(floor_out.read_text(encoding="utf-8"))
    floor_out.unlink()
    if floor["articles"] != case.comments:
        raise SystemExit(f"{case.label}: the floor found {floor['articles']} comments")
    return Row(
        case=case.name,
        comments=case.comments,
        page_bytes=case.page_bytes,
        convert_seconds=[m["seconds"] for m in runs_done],
        convert_cpu_seconds=[m["cpu_seconds"] for m in runs_done],
        convert_peak_rss_bytes=[m["max_rss_bytes"] for m in runs_done],
        warmup_seconds=warmup["seconds"],
        floor_seconds=floor["seconds"],
        floor_peak_rss_bytes=floor_run["max_rss_bytes"],
        others=other_tools(case, others_timeout) if others else {},
    )


# --- checks ----------------------------------------------------------------------------------


def _walk(comments: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    stack = list(reversed(comments))
    while stack:
        comment = stack.pop()
        yield comment
        stack.extend(reversed(comment["children"]))


_TREE_KEYS = ("id", "parent_id", "depth", "author_id", "score", "deleted", "removed", "is_op")
_XHTML = "{http://www.w3.org/1999/xhtml}"


def _stubs(case: Case, seed: int) -> int:
    """The "more replies" notes the page carries (only the Lemmy pages have them)."""
    if not case.name.startswith("lemmy-"):
        return 0
    info = read_info(case.size, seed)
    return info["stubs"] if info is not None else 0


def check_json(case: Case, seed: int) -> list[tuple[Any, ...]]:
    """``thread2epub PAGE… --json`` reports every comment; returns them in page order, each as
    its tree facts then its body, for comparing the Lemmy variants."""
    done = subprocess.run(
        [*thread2epub_command(), *map(str, case.pages), "--json"],
        stdout=subprocess.PIPE,
        check=True,
    )
    # A 1,000-deep chain is 1,000 nested JSON objects: past json's default recursion limit.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * case.max_depth + 1000))
    try:
        thread = json.loads(done.stdout)
    finally:
        sys.setrecursionlimit(limit)
    comments = list(_walk(thread["comments"]))
    # A forum thread's first post is one of the generated posts; the book makes it the post.
    found = len(comments) + (case.name == "xenforo" and thread["post"] is not None)
    problems = []
    if found != case.comments:
        problems.append(f"{found} comments, not {case.comments}")
    if max(c["depth"] for c in comments) != case.max_depth:
        problems.append(f"max depth {max(c['depth'] for c in comments)}, not {case.max_depth}")
    if len(thread["missing"]) != _stubs(case, seed):
        problems.append(f"{len(thread['missing'])} 'more replies' notes, not {_stubs(case, seed)}")
    if problems:
        raise SystemExit(f"{case.label} --json: " + "; ".join(problems))
    return [(*(c[key] for key in _TREE_KEYS), c["body_html"]) for c in comments]


def check_epub(case: Case, stubs: int) -> dict[str, int]:
    """The book opens as an EPUB zip, its XHTML parses, one article per comment (and perhaps
    one for the post)."""
    book = book_path(case)
    with zipfile.ZipFile(book) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise SystemExit(f"{book}: {bad} is corrupt")
        first = archive.infolist()[0]
        if first.filename != "mimetype" or archive.read(first) != b"application/epub+zip":
            raise SystemExit(f"{book}: does not start with the EPUB mimetype")
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")  # type: ignore[union-attr]
        assert opf_path is not None
        opf = etree.fromstring(archive.read(opf_path))
        base = opf_path.rpartition("/")[0]
        articles = documents = more = 0
        parser = etree.XMLParser(huge_tree=True)
        for item in opf.iterfind(".//{*}manifest/{*}item"):
            if item.get("media-type") != "application/xhtml+xml":
                continue
            href = item.get("href") or ""
            document = etree.fromstring(archive.read(f"{base}/{href}" if base else href), parser)
            documents += 1
            for article in document.iter(f"{_XHTML}article"):
                anchor = article.get("id") or ""
                articles += anchor.startswith("c-") or anchor == POST_ANCHOR
            for note in document.iter(f"{_XHTML}p"):
                more += "more" in (note.get("class") or "").split()
    # The thread's post is an article too: one more than the comments, or, in a forum thread
    # (whose first generated post is the thread's post), exactly as many.
    if articles not in (case.comments, case.comments + 1) or more != stubs:
        raise SystemExit(
            f"{book}: {articles} comment articles and {more} 'more replies' notes, "
            f"not {case.comments} and {stubs}"
        )
    return {"xhtml_documents": documents, "comment_articles": articles, "more_notes": more}


def verify(cases: list[Case], seed: int, failures: dict[str, str]) -> dict[str, Any]:
    """Check every book; a failed check goes into ``failures`` (the timings are kept)."""
    report: dict[str, Any] = {}
    trees: dict[tuple[str, int], list[tuple[Any, ...]]] = {}
    for case in cases:
        try:
            trees[(case.name, case.size)] = check_json(case, seed)
            epub = check_epub(case, _stubs(case, seed))
        except SystemExit as failure:
            failures[case.label] = str(failure)
            print(failure, file=sys.stderr)
            continue
        report[case.label] = {"json_comments": len(trees[(case.name, case.size)]), **epub}
    for size in sorted({case.size for case in cases}):
        saved, singlefile = trees.get(("lemmy-saved", size)), trees.get(("lemmy-singlefile", size))
        if saved is None or singlefile is None:
            continue
        if [t[:-1] for t in saved] != [t[:-1] for t in singlefile]:
            failures[f"lemmy-{size}"] = "the two Lemmy variants give different trees"
            continue
        same_bodies = sum(a[-1] == b[-1] for a, b in zip(saved, singlefile, strict=True))
        report[f"lemmy-{size}-variants-agree"] = {"tree": True, "same_body_html": same_bodies}
    return report


# --- report ----------------------------------------------------------------------------------


def _ratio(row: Row, tool: str) -> str:
    value = row.others.get(tool)
    if isinstance(value, float):
        return f"{value:.1f} s ({value / row.convert_median:.1f}×)"
    return value or "–"


def table(rows: list[Row]) -> str:
    """The Markdown table: times are medians; "× floor" is convert / floor; "× page" is the
    peak RSS over the page size; the other tools' times are one run, with their ratio to ours."""
    lines = [
        "| case | comments | page MB | convert s | CPU s | × floor | floor s | peak RSS MB "
        "| × page | pandoc | ebook-convert |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rss = max(row.convert_peak_rss_bytes)
        lines.append(
            f"| {row.case} | {row.comments:,} | {row.page_bytes / MB:.1f} "
            f"| {row.convert_median:.2f} | {statistics.median(row.convert_cpu_seconds):.2f} "
            f"| {row.convert_median / row.floor_median:.1f} | {row.floor_median:.2f} "
            f"| {rss / MB:.0f} | {rss / row.page_bytes:.1f} "
            f"| {_ratio(row, 'pandoc')} | {_ratio(row, 'ebook-convert')} |"
        )
    return "\n".join(lines)


def growth(rows: list[Row]) -> dict[str, float]:
    """time(largest) / time(10,000) per site, and chain / siblings: the linearity checks."""
    found: dict[str, float] = {}
    by_case: dict[str, dict[int, float]] = {}
    for row in rows:
        by_case.setdefault(row.case, {})[row.comments] = row.convert_median
    for case, times in by_case.items():
        big = max(times)
        if 10_000 in times and big > 10_000:
            found[f"{case} {big:,}/10,000"] = times[big] / times[10_000]
    if "chain" in by_case and "siblings" in by_case:
        size = max(by_case["chain"])
        found[f"chain/siblings ({size:,})"] = by_case["chain"][size] / by_case["siblings"][size]
    return found


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "python": sys.version,
        "load_average_at_start": os.getloadavg(),
    }


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in ("thread2epub", "lxml", "beautifulsoup4", "markdown-it-py", "ebooklib"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    found["libxml2"] = ".".join(map(str, etree.LIBXML_VERSION))
    return found


def commit() -> str | None:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Time thread2epub on large synthetic thread pages (run from the repo root).",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000], metavar="N")
    parser.add_argument("--sites", nargs="+", choices=SITES, default=list(SITES))
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--no-shapes", action="store_true", help="skip the chain/siblings pair")
    parser.add_argument(
        "--others", action="store_true", help="also time pandoc and ebook-convert (slow)"
    )
    parser.add_argument("--others-timeout", type=float, default=600, metavar="SECONDS")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-verify", action="store_true", help="skip checking the books")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    if args.runs < 1 or any(n < 1 for n in args.sizes):
        parser.error("--runs and --sizes take positive numbers")
    started = datetime.now(timezone.utc)
    about = machine()
    compile_package()
    startup = time_startup(args.startup_runs)
    print(f"startup (--help): median {startup['median']:.3f} s", file=sys.stderr)
    cases = [site_case(site, size, args.seed) for size in args.sizes for site in args.sites]
    if not args.no_shapes:
        cases += [shape_case(shape) for shape in SHAPES]
    rows: list[Row] = []
    failures: dict[str, str] = {}
    for case in cases:
        try:
            rows.append(benchmark(case, args.runs, args.others, args.others_timeout))
        except SystemExit as failure:  # one broken case should not lose the others' numbers
            failures[case.label] = str(failure)
            print(f"{case.label}: {failure}", file=sys.stderr)
    done = [case for case in cases if case.label not in failures]
    checks = {} if args.no_verify else verify(done, args.seed, failures)
    about["load_average_at_end"] = os.getloadavg()
    results = {
        "date": started.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": about,
        "versions": versions(),
        "commit": commit(),
        "settings": {"runs": args.runs, "warmups": 1, "seed": args.seed},
        "startup": startup,
        "cases": [{**asdict(c), "pages": [str(p) for p in c.pages]} for c in cases],
        "results": [
            {
                **asdict(row),
                "convert_median_seconds": row.convert_median,
                "floor_median_seconds": row.floor_median,
                "ratio": row.convert_median / row.floor_median,
                "peak_rss_over_page": max(row.convert_peak_rss_bytes) / row.page_bytes,
            }
            for row in rows
        ],
        "growth": growth(rows),
        "checks": checks,
        "failures": failures,
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(rows))
    for name, ratio in growth(rows).items():
        print(f"\n{name}: {ratio:.2f}", end="")
    print(f"\n\n`thread2epub --help` start-up: median {startup['median']:.3f} s")
    load = about["load_average_at_start"], about["load_average_at_end"]
    print(f"Load average (1 min) at start {load[0][0]:.1f}, at end {load[1][0]:.1f}")
    verdict = "skipped" if args.no_verify else "FAILED" if failures else "all books verified"
    print(f"Checks: {verdict}; wrote {args.out}")
    for label, reason in failures.items():
        print(f"FAILED {label}: {reason}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
