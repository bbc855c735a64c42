"""Profile one conversion with cProfile: ``python -m benchmarks.hotspots PAGE``.

Why: the benchmark says how long a big thread takes; this says where the time goes. It runs
the CLI in-process under cProfile (which inflates call-heavy code, so read the shares, not the
absolute seconds), saves the stats to ``benchmarks/out/profile-<page>.pstats`` for
``python -m pstats`` or snakeviz, and prints the top functions by cumulative and by own time,
and own time summed per package or module.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import sysconfig
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from exporter.cli import main as thread2epub

from .make_pages import OUT

# Own time is summed per file for these packages, per top-level package or module elsewhere.
_PER_FILE = ("exporter", "bs4")
_ROOTS = sorted(
    {sysconfig.get_paths()[key] for key in ("purelib", "platlib", "stdlib", "platstdlib")},
    key=len,
    reverse=True,
)


def _where(filename: str) -> str:
    """'…/site-packages/bs4/element.py' → 'bs4/element.py'; '…/re/_parser.py' → 're'."""
    if "/" not in filename:
        return "built-in (C)" if filename == "~" else filename
    parts = Path(filename).parts
    if "exporter" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("exporter") :])
    for root in _ROOTS:
        if filename.startswith(root + "/"):
            rest = Path(filename).relative_to(root).parts
            return "/".join(rest) if rest[0] in _PER_FILE else rest[0].removesuffix(".py")
    return Path(filename).name


def _label(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    return f"{name}  ({_where(filename)}:{line})" if line else name


def report(stats: pstats.Stats, top: int) -> str:
    # pstats keeps {(file, line, function): (primitive calls, calls, own s, cumulative s, …)}.
    table = stats.stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in table.values())
    lines = [f"total {total:.2f} s under cProfile", "", "by cumulative time:"]
    by_cumulative = sorted(table.items(), key=lambda item: item[1][3], reverse=True)
    for key, (_, calls, own, cumulative, _) in by_cumulative[:top]:
        lines.append(f"  {cumulative:7.2f} s cum {own:6.2f} s own {calls:>9} calls  {_label(key)}")
    lines += ["", "by own time:"]
    by_own = sorted(table.items(), key=lambda item: item[1][2], reverse=True)
    for key, (_, calls, own, cumulative, _) in by_own[:top]:
        lines.append(f"  {own:7.2f} s own {cumulative:6.2f} s cum {calls:>9} calls  {_label(key)}")
    grouped: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in table.items():
        grouped[_where(filename)] += own
    lines += ["", "own time by module or package:"]
    for where, own in sorted(grouped.items(), key=lambda item: item[1], reverse=True)[:top]:
        lines.append(f"  {own:7.2f} s  {100 * own / total:5.1f} %  {where}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hotspots")
    parser.add_argument("page", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    book = OUT / "books" / f"{args.page.stem}.profiled.epub"
    book.parent.mkdir(parents=True, exist_ok=True)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    status = profiler.runcall(thread2epub, [str(args.page), "-o", str(book), "-q"])
    print(f"converted in {time.perf_counter() - start:.2f} s (exit {status})", file=sys.stderr)
    saved = OUT / f"profile-{args.page.stem}.pstats"
    profiler.dump_stats(saved)
    print(report(pstats.Stats(profiler), args.top))
    print(f"\nstats saved to {saved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
