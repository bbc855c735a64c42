"""Many threads at once: ``--each`` writes one book per input, ``-j N`` in parallel processes.

Each input is converted exactly as a single one would be (``cli.convert``); what this module
adds is the bookkeeping of a batch. Books are named after their threads, and two threads with
the same title in one folder get "Title (2).epub" in *input order*, whatever order parallel
workers finish in, so that the same command gives the same files. A worker writes its book
under a hidden temporary name and the parent renames it, which is what makes that order
possible; nothing half-written is ever left, even when the batch is interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from .errors import Interrupted, UsageError
from .progress import Progress

_PART = ".thread2epub-{token}-{index}.epub"
"""A finished book waiting for its name; hidden, and unique to this run."""


def add_many_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("many threads")
    group.add_argument(
        "--each",
        action="store_true",
        help="one book per input, each named after its thread (without it, the inputs must "
        "be pages of one thread, which become one book)",
    )
    group.add_argument(
        "--anthology",
        metavar="BOOK",
        help="one book of all the threads given, one part per thread (pages of one thread "
        "make one part); titled with --title, else the book's file name",
    )
    group.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="with --each: convert N inputs at a time, in parallel processes (default: 1)",
    )


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"must be between 1 and 64: {text!r}")
    return value


def check_many(args: argparse.Namespace) -> None:
    """Refuse combinations that cannot mean anything, before any work is done."""
    if args.anthology is not None:
        if args.each:
            raise UsageError("--each and --anthology exclude each other: choose one")
        if args.json:
            raise UsageError("--json prints one thread; leave out --anthology")
        if args.output is not None:
            raise UsageError("--anthology BOOK names the book already; leave out -o")
    if not args.each:
        if args.jobs > 1:
            raise UsageError("-j/--jobs runs several books at once: it needs --each")
        if args.inputs.count("-") > 1:
            raise UsageError("-: standard input can be read only once")
        return
    if args.json:
        raise UsageError("--json prints one thread; leave out --each, or run once per input")
    if "-" in args.inputs:
        raise UsageError("-: standard input cannot be used with --each; save it to a file first")
    if args.title:
        raise UsageError("--title names one book; with --each every book takes its own title")
    if args.output is not None and not Path(args.output).is_dir():
        raise UsageError(
            f"{args.output}: with --each, -o must be an existing folder for the books; "
            "create it first"
        )


@dataclass
class _Result:
    """What a worker sends back: a finished book under its temporary name, or the one-line
    reason it could not be made."""

    index: int
    source: str
    part: str | None = None
    title: str = ""
    comments: int = 0
    lines: list[str] = field(default_factory=list)
    error: str | None = None


def run_each(args: argparse.Namespace) -> int:
    """Convert every input to its own book; 0 when all were written, 1 when any failed."""
    sources: list[str] = list(args.inputs)
    token = str(os.getpid())
    progress = Progress.for_terminal(quiet=args.quiet)
    results: dict[int, _Result] = {}
    try:
        for result in _results(args, sources, token):
            results[result.index] = result
            progress.update(len(results), len(sources), Path(result.source).name)
    except KeyboardInterrupt as stop:
        progress.clear()
        written = _finish(args, sources, results, token)
        raise Interrupted(
            f"{'stopped' if _is_term(stop) else 'interrupted'} after {len(written)} of "
            f"{len(sources)} books were written; the others were not started or were removed",
            143 if _is_term(stop) else 130,
        ) from None
    progress.clear()
    written = _finish(args, sources, results, token)
    failed = [r for r in results.values() if r.error]
    if not args.quiet:
        where = f" in {args.output}" if args.output else ""
        tail = f"; {len(failed)} could not be converted" if failed else ""
        _say(f"wrote {len(written)} of {len(sources)} books{where}{tail}")
    return 1 if failed else 0


def _is_term(stop: KeyboardInterrupt) -> bool:
    from .cli import _Terminated

    return isinstance(stop, _Terminated)


def _results(args: argparse.Namespace, sources: Sequence[str], token: str) -> Iterator[_Result]:
    """Results as they finish: in this process for ``-j 1``, else from a process pool."""
    jobs = min(args.jobs, len(sources))
    if jobs <= 1:
        for index, source in enumerate(sources):
            yield convert_one(args, index, source, token)
        return
    # Imported here: a single conversion (and ``--help``) has no use for it (pickle, socket…).
    import multiprocessing

    # "spawn": a fresh interpreter per worker, not a fork of one that may hold threads.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs, initializer=_worker_signals)
    try:
        tasks = [(args, i, s, token) for i, s in enumerate(sources)]
        yield from pool.imap_unordered(_convert_task, tasks)
        pool.close()
    except BaseException:
        # Workers turn SIGTERM into KeyboardInterrupt, so each removes what it was writing.
        pool.terminate()
        raise
    finally:
        pool.join()


def _worker_signals() -> None:
    """Ctrl-C goes to the whole process group: only the parent acts on it (by terminating
    the pool), and a worker told to stop unwinds, which removes its temporary file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def _convert_task(task: tuple[argparse.Namespace, int, str, str]) -> _Result:
    return convert_one(*task)


def convert_one(args: argparse.Namespace, index: int, source: str, token: str) -> _Result:
    """One input to one book under its temporary name; failures become the result's error."""
    from .cli import _failure, _Outcome, convert

    result = _Result(index, source)
    part = _folder(args, source) / _PART.format(token=token, index=index)
    outcome = _Outcome(source=source)

    def say(message: str) -> None:
        result.lines.append(f"{source}: {message}")

    try:
        output, thread = convert(args, [source], str(part), outcome, Progress(False), say=say)
    except Exception as error:
        with contextlib.suppress(OSError):
            part.unlink()
        result.error = str(_failure(error, source, outcome))
        return result
    result.part = str(output)
    result.title = thread.title
    result.comments = thread.comment_count()
    return result


def _folder(args: argparse.Namespace, source: str) -> Path:
    return Path(args.output) if args.output is not None else Path(source).parent


def _finish(
    args: argparse.Namespace, sources: Sequence[str], results: dict[int, _Result], token: str
) -> list[Path]:
    """Name the finished books in input order, print each input's lines, and remove any
    temporary book a stopped worker left."""
    from .pipeline import default_output_name

    taken: set[Path] = set()
    written = []
    for index in sorted(results):
        result = results[index]
        for line in result.lines if not args.quiet else []:
            _say(line)
        if result.error:
            _say(result.error)
            continue
        if result.part is None:
            continue
        target = _free_name(Path(result.part).parent, default_output_name(result.title), taken)
        os.replace(result.part, target)
        written.append(target)
        if not args.quiet:
            _say(f"{result.source}: wrote {target} ({_plural(result.comments)})")
    for index, source in enumerate(sources):
        leftover = _folder(args, source) / _PART.format(token=token, index=index)
        with contextlib.suppress(OSError):
            leftover.unlink()
    return written


def _free_name(folder: Path, name: str, taken: set[Path]) -> Path:
    """``name`` in ``folder``, or "name (2)" when another book of this run already has it.
    A file from before this run is replaced, as a single conversion replaces it."""
    stem, suffix = name.removesuffix(".epub"), ".epub"
    target = folder / name
    number = 2
    while target in taken:
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    taken.add(target)
    return target


def _plural(n: int) -> str:
    return f"{n} comment{'s' if n != 1 else ''}"


def _say(message: str) -> None:
    print(f"thread2epub: {message}", file=sys.stderr)


def run_anthology(args: argparse.Namespace) -> int:
    """Every input into one book, one part per thread (pages of one thread merge first)."""
    from .anthology import Part, anthology_title, build_anthology
    from .cli import _cover, _load
    from .cli_book import book_meta, shape_options
    from .cli_output import place_book
    from .merge import Page, group_threads, merge_pages
    from .model import Thread
    from .package import write_built
    from .shape import shape

    options, meta = shape_options(args), book_meta(args)
    cover = _cover(args)
    progress = Progress.for_terminal(quiet=args.quiet)
    pages = []
    try:
        for index, source in enumerate(args.inputs):
            progress.update(index, len(args.inputs), f"reading {source}", force=True)
            pages.append(Page(source, _load(args, source)))
    finally:
        progress.clear()
    parts = []
    for group in group_threads(pages):
        thread, report = shape(merge_pages(group), options)
        if not args.quiet:
            for warning in thread.warnings:
                _say(f"{group[0].source}: warning: {warning}")
        parts.append(Part(thread, tuple(report.describe())))
    name = Path(args.anthology).name.removesuffix(".epub")
    title = anthology_title(parts, args.title, name)
    placeholder = Thread(title=title)
    output = place_book(args.inputs[0], args.anthology, placeholder)
    built = build_anthology(
        parts, title=title, cover=cover, meta=meta, nav=args.nav, thread_map=not args.no_map
    )
    try:
        write_built(built, output)
    except OSError as error:
        from .errors import OutputError

        raise OutputError(
            f"{output}: cannot write the book ({error.strerror or error}); "
            "choose another place for --anthology"
        ) from None
    if not args.quiet:
        total = sum(p.thread.comment_count() for p in parts)
        _say(f"wrote {output} ({len(parts)} threads, {_plural(total)})")
    return 0
