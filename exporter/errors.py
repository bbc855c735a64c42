"""The errors a user can be shown: each carries one line that says what went wrong and what to do.

The CLI prints ``str(error)`` and exits with ``exit_code``; anything else escaping the pipeline
is a bug (the CLI then says so and points at ``--debug``).
"""

from __future__ import annotations


class Thread2EpubError(Exception):
    """Base of every expected failure; ``exit_code`` follows the CLI's contract."""

    exit_code = 1


class InputError(Thread2EpubError):
    """The input cannot be read or decoded (missing, empty, binary, too large)."""


class LimitError(InputError):
    """The input is over one of the safety limits (``exporter.limits``); the message names
    the flag that raises it. A subclass of ``InputError``, which it was before it had a name."""


class NoThreadFound(Thread2EpubError):
    """The input was read, but no parser recognised a thread in it."""


class OutputError(Thread2EpubError):
    """The book could not be written where the user asked."""


class UsageError(Thread2EpubError):
    """The command was given something that cannot work (the output path is the input)."""

    exit_code = 2


class Interrupted(Thread2EpubError):
    """Ctrl-C (exit 130) or a ``kill`` (SIGTERM, exit 143) stopped the conversion; whatever
    was being written has been removed."""

    def __init__(self, message: str, exit_code: int = 130) -> None:
        super().__init__(message)
        self.exit_code = exit_code
