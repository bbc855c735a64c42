"""Time one command and read its own peak memory: ``python -m benchmarks.measure CMD ARG...``.

Why a wrapper process: on Linux a child's ``ru_maxrss`` starts from its parent's high-water
mark (``exec`` folds the old address space's peak into it, even after ``vfork``), so a child
spawned by a benchmark that has itself grown large would report the benchmark's memory, not
its own; and ``getrusage(RUSAGE_CHILDREN)`` is the maximum over all children ever waited for.
This small, fresh process spawns the command, waits for it with ``os.wait4`` (that child's own
rusage) and prints one JSON line: ``{"seconds": …, "cpu_seconds": …, "max_rss_bytes": …,
"exit_code": …}``. CPU time (user + system) is reported because wall time on a shared machine
moves with whatever else runs.
The command's stdout goes to /dev/null; its stderr is passed through.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from typing import TypedDict


class Measurement(TypedDict):
    seconds: float
    cpu_seconds: float
    max_rss_bytes: int
    exit_code: int


def measure(argv: Sequence[str]) -> Measurement:
    """Run ``argv`` (stdout discarded) and return its wall time and its own peak RSS."""
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], list(argv), os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    # Linux reports kilobytes, macOS bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return Measurement(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_bytes=usage.ru_maxrss * scale,
        exit_code=os.waitstatus_to_exitcode(status),
    )


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("usage: python -m benchmarks.measure COMMAND [ARG...]", file=sys.stderr)
        return 2
    print(json.dumps(measure(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
