"""``thread2epub``: the command line, a thin shell over the pipeline.

Exit codes: 0 success, 1 the input could not be converted, 2 usage error. Every failure is one
line on stderr; a traceback appears only with ``--debug`` (otherwise it is a bug to report).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import OutputError, Thread2EpubError
from .load import MAX_INPUT_BYTES
from .model import Thread, thread_to_json

PROG = "thread2epub"


class UsageError(Thread2EpubError):
    exit_code = 2


def build_parser() -> argparse.ArgumentParser:
    from .sites import SITE_MODULES

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Turn a saved discussion thread (a page saved with your browser's 'Save Page As', "
            "or the thread copied and pasted as text) into an EPUB book for e-readers: every "
            "comment, its author, time and score, and who replied to whom."
        ),
        epilog=(
            "examples:\n"
            "  thread2epub saved-post.html                 writes '<thread title>.epub' beside it\n"
            "  thread2epub pasted.txt -o thread.epub --title 'A good thread'\n"
            "  xclip -o | thread2epub - -o thread.epub     pasted text or HTML on stdin\n"
            "  thread2epub saved-post.html --json          show what was parsed, as JSON\n"
            "\n"
            "exit status: 0 done, 1 the input could not be converted, 2 wrong usage."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="the saved page (.html) or pasted text (.txt); '-' reads standard input",
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
        help="which site the page comes from, when it is not recognised on its own",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the parsed thread as JSON on stdout instead of writing a book",
    )
    parser.add_argument(
        "--max-input-mb",
        type=_positive_int,
        default=MAX_INPUT_BYTES // (1024 * 1024),
        metavar="MB",
        help="refuse inputs larger than this (default: %(default)s)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except Thread2EpubError as error:
        if args.debug:
            raise
        _say(str(error))
        return error.exit_code
    except BrokenPipeError:
        # The reader of our output went away (`thread2epub x --json | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _say("interrupted; nothing was written")
        return 130
    except Exception as error:  # a bug: say so in one line, unless asked for the details
        if args.debug:
            raise
        _say(
            f"internal error while converting {args.input}: {type(error).__name__}: {error}; "
            "please report it (run again with --debug for the details)"
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    from .pipeline import load_thread

    thread = load_thread(
        args.input, site=args.site, max_input_bytes=args.max_input_mb * 1024 * 1024
    )
    if args.title:
        thread.title = args.title.strip() or thread.title
    if not args.quiet:
        for warning in thread.warnings:
            _say(f"warning: {warning}")
    if args.json:
        json.dump(thread_to_json(thread), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    output = _output_path(args.input, args.output, thread)
    from .epub import write_epub

    try:
        write_epub(thread, output)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(
            f"{output}: cannot write the book ({reason}); choose another place with -o"
        ) from None
    if not args.quiet:
        size = output.stat().st_size
        _say(f"wrote {output} ({_count(thread)}, {size / 1024:.0f} KB)")
    return 0


def _output_path(input_arg: str, output_arg: str | None, thread: Thread) -> Path:
    from .pipeline import default_output_name

    name = default_output_name(thread.title)
    if output_arg is None:
        folder = Path(".") if input_arg == "-" else Path(input_arg).parent
        output = folder / name
    else:
        output = Path(output_arg)
        if output.is_dir():
            output = output / name
    if input_arg != "-" and _same_file(Path(input_arg), output):
        raise UsageError(f"{output}: is the input itself; choose another output path with -o")
    if not output.parent.is_dir():
        raise OutputError(f"{output}: the folder {output.parent} does not exist; create it first")
    return output


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _count(thread: Thread) -> str:
    n = thread.comment_count()
    return f"{n} comment{'s' if n != 1 else ''}"


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)
