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


class NoThreadFound(Thread2EpubError):
    """The input was read, but no parser recognised a thread in it."""


class OutputError(Thread2EpubError):
    """The book could not be written where the user asked."""
