"""Where the CLI's output goes: the book's path (checked before any work is written) and the
``--json`` document on standard output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import OutputError, UsageError
from .model import Thread, thread_to_json


def print_json(thread: Thread) -> None:
    """As UTF-8 bytes whatever the locale; as text where stdout has no byte layer (a program
    that redirected it to a ``StringIO``)."""
    from .jsonout import iter_json, write_json

    if sys.stdout is None:
        raise OutputError("<stdout>: standard output is closed; cannot print the JSON")
    data = thread_to_json(thread)
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.writelines(iter_json(data))
        sys.stdout.write("\n")
    else:
        write_json(data, binary)
    sys.stdout.flush()


def place_book(input_arg: str, output_arg: str | None, thread: Thread) -> Path:
    """Where the book goes; a path the system rejects (too long, not searchable) is an
    output error like any other, not a crash."""
    try:
        return output_path(input_arg, output_arg, thread)
    except OSError as error:
        where = error.filename or output_arg or "the output"
        raise OutputError(
            f"{where}: cannot write the book ({error.strerror or error}); "
            "choose another place with -o"
        ) from None


def output_path(input_arg: str, output_arg: str | None, thread: Thread) -> Path:
    from .pipeline import default_output_name

    name = on_disk(default_output_name(thread.title))
    if output_arg is None:
        folder = Path(".") if input_arg == "-" else Path(input_arg).parent
        output = folder / name
    else:
        output = Path(output_arg)
        if output.is_dir():
            output = output / name
    if input_arg != "-" and same_file(Path(input_arg), output):
        raise UsageError(f"{output}: is the input itself; choose another output path with -o")
    folder = output.parent
    if not folder.is_dir():
        if folder.exists():
            raise OutputError(f"{output}: {folder} is a file, not a folder; choose another -o")
        raise OutputError(f"{output}: the folder {folder} does not exist; create it first")
    return output


def on_disk(name: str) -> str:
    """The name whose bytes on disk are its UTF-8, whatever the locale: under ``LC_ALL=C``
    (ASCII) a title with an accent could not be written at all, and under a Latin-1 locale it
    would get different bytes from the same command run elsewhere. Where the filesystem
    encoding is UTF-8 (nearly everywhere) this changes nothing."""
    return os.fsdecode(name.encode("utf-8"))


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
