"""The fuzzer of ``tests/test_fuzz.py`` run for as long as you like (not collected by pytest).

CI runs a few dozen derandomised inputs per site; this script runs the same targets with fresh
random inputs until the time is up, shrinks every failure to a small input, saves it and goes
on::

    python tests/fuzz_long.py --minutes 30                 # every site, then random bytes
    python tests/fuzz_long.py --minutes 10 --site lemmy    # one site's fixtures only
    python tests/fuzz_long.py --minutes 60 --crashes /tmp/crashes --batch 500

Each failure is written to ``--crashes`` (default ``fuzz-crashes/``) as ``<site>-<hash>.bin``
(the input) and ``.txt`` (the forced ``--site``, the exception and its traceback); the same
input and forced site are saved once. Reproduce one with::

    python -c "import sys; sys.path.insert(0, 'tests'); import test_fuzz; \\
        test_fuzz.check_input(open('fuzz-crashes/X.bin', 'rb').read(), 'reddit')"

Then add it to the regression tests at the end of ``tests/test_fuzz.py`` (smallest input that
still fails, a name that says what broke) and fix the cause. Exit status: 0 if nothing failed,
1 if something did. A line per batch shows the progress.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import test_fuzz  # the path above makes the test module importable

from exporter.sites import site_keys

TARGETS = [*sorted(test_fuzz.SEEDS), "random"]


def _strategy(target: str) -> st.SearchStrategy[bytes]:
    if target == "random":
        return test_fuzz.RANDOM_INPUTS
    return test_fuzz.mutated_pages(target)


def run_batch(target: str, examples: int, crashes: Path) -> bool:
    """One Hypothesis run of ``examples`` fresh inputs; True when it found (and saved) a crash."""
    last: list[tuple[bytes, str, BaseException]] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
    )
    @given(page=_strategy(target), forced=st.sampled_from(site_keys()))
    def batch(page: bytes, forced: str) -> None:
        try:
            test_fuzz.check_input(page, forced)
        except BaseException as error:
            last.append((page, forced, error))
            raise

    try:
        batch()
    except Exception:
        page, forced, error = last[-1]  # Hypothesis replays the shrunk input last
        _save(crashes, target, page, forced, error)
        return True
    return False


def _save(crashes: Path, target: str, page: bytes, forced: str, error: BaseException) -> None:
    crashes.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(page + forced.encode()).hexdigest()[:16]
    stem = crashes / f"{target}-{digest}"
    stem.with_suffix(".bin").write_bytes(page)
    if hasattr(error, "__notes__"):
        del error.__notes__  # Hypothesis's note repeats the whole input
    details = "".join(traceback.format_exception(error))
    stem.with_suffix(".txt").write_text(
        f"forced site: {forced}\ninput: {len(page)} bytes\n\n{details}", encoding="utf-8"
    )
    print(f"  CRASH {type(error).__name__}: {str(error)[:200]}\n  saved {stem}.bin", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run (10)")
    parser.add_argument("--site", choices=TARGETS, action="append", help="only these targets")
    parser.add_argument("--batch", type=int, default=200, help="inputs per Hypothesis run")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where to save")
    args = parser.parse_args(argv)
    targets = args.site or TARGETS
    deadline = time.monotonic() + args.minutes * 60
    runs = failures = 0
    while time.monotonic() < deadline:
        for target in targets:
            if time.monotonic() >= deadline:
                break
            started = time.monotonic()
            failed = run_batch(target, args.batch, args.crashes)
            runs += 1
            failures += failed
            took = time.monotonic() - started
            print(f"{target:10} {args.batch} inputs in {took:5.1f} s, {failures} crashes so far")
    print(f"{runs} runs of {args.batch} inputs; {failures} crashes saved in {args.crashes}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
