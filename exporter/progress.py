"""What the CLI tells a person while it works: a progress line for long jobs, and ``-v``.

Two audiences, two channels. The progress line is for someone watching a terminal: it redraws
one line of stderr and vanishes when done, and it is silent when stderr is a file or a pipe
(logs must not fill with carriage returns) or with ``-q``. ``-v`` is for someone who wants to
know what happened: one plain line per stage with its time, kept in the log.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

_WIDTH = 24
"""Cells of the bar itself; the rest of the line is the count and the label."""
_MIN_REDRAW_S = 0.1
"""Redrawing faster than this only costs time on a slow terminal."""


def _clock() -> float:
    return time.monotonic()


@dataclass
class Progress:
    """One redrawn line on a terminal: ``[#####.....] 3/10 name``; inert when not enabled."""

    enabled: bool
    stream: TextIO | None = None
    clock: Callable[[], float] = _clock
    _shown: bool = field(default=False, init=False)
    _last: float = field(default=float("-inf"), init=False)

    @classmethod
    def for_terminal(cls, *, quiet: bool) -> Progress:
        stream = sys.stderr
        interactive = stream is not None and hasattr(stream, "isatty") and stream.isatty()
        return cls(enabled=bool(interactive and not quiet), stream=stream)

    def update(self, done: int, total: int, label: str, *, force: bool = False) -> None:
        """Show ``done`` of ``total`` finished, working on ``label``."""
        if not self.enabled or self.stream is None:
            return
        now = self.clock()
        if not force and now - self._last < _MIN_REDRAW_S:
            return
        self._last = now
        self.stream.write("\r" + self._line(done, total, label) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def stage(self, label: str) -> None:
        """A long single job: say which stage it is in (no count to show)."""
        if not self.enabled or self.stream is None:
            return
        self.stream.write(f"\r{label}…\x1b[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Remove the line, so that the next message starts on a clean line."""
        if self._shown and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def _line(self, done: int, total: int, label: str) -> str:
        filled = _WIDTH * done // total if total else _WIDTH
        bar = "#" * filled + "." * (_WIDTH - filled)
        text = f"[{bar}] {done}/{total} {label}"
        columns = shutil.get_terminal_size((80, 24)).columns
        return text if len(text) < columns else text[: max(columns - 2, 10)] + "…"


@dataclass
class StageLog:
    """``-v``: what each stage did and how long it took, one line each."""

    say: Callable[[str], None]
    enabled: bool
    clock: Callable[[], float] = _clock
    _start: float = field(default=0.0, init=False)

    def start(self) -> None:
        self._start = self.clock()

    def done(self, what: str) -> None:
        """Log ``what`` with the time since ``start`` (or the previous ``done``)."""
        now = self.clock()
        if self.enabled:
            self.say(f"{what} ({now - self._start:.2f} s)")
        self._start = now
