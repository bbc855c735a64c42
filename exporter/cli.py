"""``thread2epub``: the command line, a thin shell over the pipeline.

Exit codes: 0 success, 1 the input could not be converted, 2 usage error. Every failure is one
line on stderr; a traceback appears only with ``--debug`` (otherwise it is a bug to report).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from . import __version__
from .cli_book import add_book_options, book_meta, shape_options
from .cli_many import add_many_options, check_many
from .cli_output import place_book, print_json
from .errors import Interrupted, OutputError, Thread2EpubError, UsageError
from .limits import KB, MAX_BODY_BYTES, MAX_COMMENTS, MAX_INPUT_BYTES, MAX_NESTING, MB, Limits
from .model import Thread
from .progress import Progress, StageLog

if TYPE_CHECKING:
    from .cover import CoverChoice

PROG = "thread2epub"
__all__ = ["PROG", "UsageError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    from .sites import SITE_MODULES

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Turn a saved discussion thread into an EPUB book for e-readers: every comment, its "
            "author, time and score, and who replied to whom. Give it the page as your browser "
            "saved it (HTML, 'complete' with its _files folder, MHTML, webarchive, SingleFile, "
            "gzipped or not) or the thread copied and pasted. Without a terminal: "
            "'thread2epub serve' opens a paste page in your browser."
        ),
        epilog=(
            "examples:\n"
            "  thread2epub saved-post.html                 writes '<thread title>.epub' beside it\n"
            "  thread2epub pasted.txt -o thread.epub --title 'A good thread'\n"
            "  xclip -o | thread2epub - -o thread.epub     pasted text or HTML on stdin\n"
            "  thread2epub saved-post.html --json          show what was parsed, as JSON\n"
            "  thread2epub page1.html page2.html -o t.epub pages of one thread, one book\n"
            "  thread2epub *.html --each -o books/ -j 2    one book per thread, 2 at a time\n"
            "  thread2epub a.html b.html --anthology all.epub   both threads in one book\n"
            "  thread2epub serve --open                    the paste page, in your browser\n"
            "\n"
            "exit status: 0 done, 1 the input could not be converted or the book not written,\n"
            "2 wrong usage, 130 interrupted (Ctrl-C), 143 stopped (SIGTERM)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="the saved page (.html, .mhtml, .webarchive, .html.gz) or pasted text (.txt); "
        "'-' reads standard input. "
        "Several pages of one thread (any order) make one book; see --each and --anthology "
        "for different threads",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the book (a file, or a folder to put it in); "
        "default: the thread's title as a file name, beside the input",
    )
    parser.add_argument("--title", help="the book's title, instead of the thread's own")
    parser.add_argument(
        "--site",
        choices=SITE_MODULES,
        metavar="SITE",
        help="which site the page comes from, when it is not recognised on its own: "
        + ", ".join(SITE_MODULES)
        + " (generic: guess from the page's structure)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the parsed thread as JSON on stdout instead of writing a book",
    )
    add_book_options(parser)
    add_many_options(parser)
    _add_limits(parser)
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing on success, no progress bar"
    )
    talk.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say what each stage did and how long it took",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _add_limits(parser: argparse.ArgumentParser) -> None:
    """The safety limits (see ``exporter.limits``): each refusal names the flag that raises it."""
    group = parser.add_argument_group("limits (raise one when a real thread is refused)")
    flags = (
        ("--max-input-mb", "MB", MAX_INPUT_BYTES // MB, "refuse inputs larger than this"),
        ("--max-nesting", "N", MAX_NESTING, "refuse pages whose HTML nests deeper than this"),
        ("--max-comments", "N", MAX_COMMENTS, "refuse threads with more comments than this"),
        ("--max-body-kb", "KB", MAX_BODY_BYTES // KB, "cut any one comment longer than this"),
    )
    for flag, metavar, default, text in flags:
        group.add_argument(
            flag,
            type=_positive_int,
            default=default,
            metavar=metavar,
            help=f"{text} (default: %(default)s)",
        )


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(
        max_input_bytes=args.max_input_mb * MB,
        max_nesting=args.max_nesting,
        max_comments=args.max_comments,
        max_body_bytes=args.max_body_kb * KB,
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
    return value


@dataclass
class _Outcome:
    """What is already done when an interruption arrives, so that its message is true."""

    book: Path | None = None
    source: str = ""
    """The input being converted, for messages about an interruption or a bug."""


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``), raised like Ctrl-C so that the same clean-up runs."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _collect_less_often()
    _keep_big_buffers_off_the_heap()
    if argv[:1] == ["serve"]:
        # The paste page (``thread2epub serve``); a file named "serve" is read as ./serve.
        from .serve import main as serve_main

        return serve_main(argv[1:])
    # Intermixed: `thread2epub a.html --each b.html` means what it says.
    args = build_parser().parse_intermixed_args(argv)
    # Libraries' log records (bs4's "characters were replaced") would reach stderr through
    # logging's last-resort handler as stray lines; the CLI speaks in its own one-liners.
    logging.getLogger("bs4").addHandler(logging.NullHandler())
    outcome = _Outcome(source=" ".join(args.inputs))
    with _sigterm_raises():
        try:
            return _run(args, outcome)
        except BrokenPipeError:
            # The reader of our output went away (`thread2epub x --json | head`): not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        except (Exception, KeyboardInterrupt) as error:
            if args.debug:
                raise
            failure = _failure(error, outcome.source, outcome)
            _say(str(failure))
            return failure.exit_code


def _collect_less_often() -> None:
    """A conversion makes a few objects per element of the page, almost all kept to the end
    and none in reference cycles worth collecting early; with CPython's default thresholds
    (700, 10, 10) the cycle collector walks the growing heap again and again, which was a
    third of the time on a 10,000-comment page. mypy's build raises them the same way. The
    process is ours (the CLI), so the setting does not leak into a library user's program."""
    gc.set_threshold(100_000, 50, 100)


_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 * 1024


def _keep_big_buffers_off_the_heap() -> None:
    """glibc's malloc serves a block of 128 KB or more with ``mmap`` and gives it back to the
    system when it is freed, but each such free raises that threshold to the block's size (up
    to 32 MB). Once the page's bytes are freed, every buffer under 32 MB (the pieces fed to
    the parser, the chapters) then comes from the heap, where the holes freed buffers leave
    between the comments kept are never given back: 20 MB more peak memory on a 17 MB page.
    Setting the threshold (``mallopt``) turns that adjustment off; the process is ours, as
    above. glibc only: elsewhere the call is missing or does nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


def _failure(error: BaseException, source: str, outcome: _Outcome) -> Thread2EpubError:
    """Any exception as the one line a user is shown: expected failures say what to do,
    anything else is a bug and says so."""
    if isinstance(error, Thread2EpubError):
        return error
    if isinstance(error, KeyboardInterrupt):
        return _interrupted(source, outcome, error)
    if isinstance(error, MemoryError):
        return Thread2EpubError(
            f"{source}: ran out of memory while converting it; it is too big for this machine "
            "(is it really one thread page?)"
        )
    return Thread2EpubError(
        f"internal error while converting {source}: {type(error).__name__}: {error}; "
        "please report it (run again with --debug for the details)"
    )


def _interrupted(source: str, outcome: _Outcome, stop: KeyboardInterrupt) -> Interrupted:
    """Ctrl-C or SIGTERM: what was done and what was not. The write path has already removed
    its temporary file (``epub.write_epub`` cleans up on any exception)."""
    code = 143 if isinstance(stop, _Terminated) else 130
    what = "stopped" if code == 143 else "interrupted"
    if outcome.book is not None:
        return Interrupted(f"{source}: {what} after {outcome.book} was written complete", code)
    return Interrupted(f"{source}: {what}; no book was written", code)


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While converting, SIGTERM raises ``_Terminated`` instead of killing the process on the
    spot, so that no temporary file is left beside the target. Only the main thread can
    install a handler; elsewhere (an embedding program's worker thread) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _load(args: argparse.Namespace, source: str) -> Thread:
    """One input as a ``Thread``, with every loading option the user gave: the one place
    where options reach ``load_thread``."""
    from .cli_book import image_options
    from .pipeline import load_thread

    return load_thread(source, site=args.site, limits=_limits(args), images=image_options(args))


def _run(args: argparse.Namespace, outcome: _Outcome) -> int:
    check_many(args)
    if "-" in args.inputs and sys.stdin is not None and sys.stdin.isatty() and not args.quiet:
        _say("reading the thread from the keyboard: paste it, then press Ctrl-D")
    if args.each:
        from .cli_many import run_each

        return run_each(args)
    if args.anthology is not None:
        from .cli_many import run_anthology

        return run_anthology(args)
    progress = Progress.for_terminal(quiet=args.quiet)
    try:
        output, thread = convert(args, args.inputs, args.output, outcome, progress)
    finally:
        progress.clear()
    if output is not None and not args.quiet:
        size = output.stat().st_size
        _say(f"wrote {output} ({_count(thread)}, {size / 1024:.0f} KB)")
    return 0


def convert(
    args: argparse.Namespace,
    sources: Sequence[str],
    output_arg: str | None,
    outcome: _Outcome,
    progress: Progress,
    *,
    say: Callable[[str], None] | None = None,
) -> tuple[Path | None, Thread]:
    """The inputs (pages of one thread) to one book, or to JSON on stdout with ``--json``.

    Returns where the book went (None for JSON) and the thread as it went in. ``say`` prints
    the warnings and ``-v`` lines (``--each`` prefixes them with the input's name)."""
    from .merge import Page, merge_pages
    from .shape import shape

    say = say or _say
    log = StageLog(say, enabled=args.verbose)
    options = shape_options(args)
    book_meta(args)  # a bad --series-index fails now, not after a long parse
    # Read the user's cover first: a bad picture should fail before a long parse, not after.
    cover = None if args.json else _cover(args)
    pages = []
    for index, source in enumerate(sources):
        outcome.source = source
        progress.update(index, len(sources), f"reading {source}", force=True)
        if len(sources) == 1:
            progress.stage(f"reading {source}")
        log.start()
        page_thread = _load(args, source)
        log.done(_parsed(page_thread) if len(sources) == 1 else f"{source}: {_parsed(page_thread)}")
        pages.append(Page(source, page_thread))
    outcome.source = " ".join(sources)
    thread = merge_pages(pages)
    if len(pages) > 1:
        log.done(f"merged {len(pages)} pages: {_count(thread)}")
    if args.title:
        thread.title = args.title.strip() or thread.title
    thread, report = shape(thread, options)
    log.done(f"shaped: {'; '.join(report.describe()) or 'everything kept'}")
    if not args.quiet:
        for warning in thread.warnings:
            say(f"warning: {warning}")
        for note in report.describe():
            say(note)
    if args.json:
        print_json(thread)
        return None, thread
    output = place_book(sources[0], output_arg, thread)
    progress.stage(f"writing {output.name}")
    _write_book(thread, output, args, cover, report.describe())
    outcome.book = output
    log.done("wrote the book")
    return output, thread


def _parsed(thread: Thread) -> str:
    """What ``-v`` says a page held."""
    where = f" ({thread.site_name})" if thread.site_name else ""
    page = f", page {thread.page}" if thread.page is not None else ""
    n = thread.comment_count()
    return f"read as {thread.site}{where}{page}: {n} comment{'s' if n != 1 else ''}"


def _cover(args: argparse.Namespace) -> CoverChoice:
    from .cover import choose

    return choose(args.cover, no_cover=args.no_cover)


def _write_book(
    thread: Thread,
    output: Path,
    args: argparse.Namespace,
    cover: CoverChoice,
    left_out: Sequence[str],
) -> None:
    """The book options from ``args`` (see ``cli_book``) handed to ``write_epub``."""
    from .cli_book import book_meta
    from .epub import write_epub

    meta = book_meta(args)
    try:
        write_epub(
            thread,
            output,
            cover=cover,
            left_out=left_out,
            meta=meta,
            nav=args.nav,
            thread_map=not args.no_map,
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(
            f"{output}: cannot write the book ({reason}); choose another place with -o"
        ) from None


def _count(thread: Thread) -> str:
    n = thread.comment_count()
    return f"{n} comment{'s' if n != 1 else ''}"


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)
