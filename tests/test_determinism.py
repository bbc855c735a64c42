"""The same input gives the same book, byte for byte, whatever the machine around it: two
conversions as separate processes, in different working directories, time zones, locales
(a UTF-8 one and a Latin-1 one, or ASCII where no other can be built), hash seeds and with
``SOURCE_DATE_EPOCH`` unset and set. The book's file name, chosen from the title, must be the
same bytes too.

``SOURCE_DATE_EPOCH`` only stands in for a date when the thread has none (reproducible-builds'
meaning); every sample here has dates, so setting it must change nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = {
    "lemmy": "lemmy-saved-post.html",
    "reddit-old": "reddit-old-thread.html",
    "reddit-shreddit": "reddit-shreddit-thread.html",
    "hackernews": "hn-item.html",
}


@pytest.fixture(scope="module")
def other_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A non-UTF-8 locale built for the test (de_DE.ISO-8859-1: Latin-1 file names and
    output, decimal comma), or plain ASCII ``C`` where ``localedef`` cannot build one."""
    ascii_c = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    localedef = shutil.which("localedef")
    if localedef is None:
        return ascii_c
    where = tmp_path_factory.mktemp("locales")
    built = subprocess.run(
        [localedef, "-i", "de_DE", "-f", "ISO-8859-1", str(where / "de_DE.ISO-8859-1")],
        capture_output=True,
        check=False,
    )
    if built.returncode not in (0, 1) or not (where / "de_DE.ISO-8859-1").exists():
        return ascii_c
    name = "de_DE.ISO-8859-1"
    return {"LOCPATH": str(where), "LC_ALL": name, "LANG": name, "PYTHONUTF8": "0"}


def _environment(changes: dict[str, str], drop: tuple[str, ...] = ()) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in drop}
    for key in ("LC_ALL", "LANG", "LANGUAGE", "LOCPATH", "PYTHONUTF8", "PYTHONIOENCODING"):
        env.pop(key, None)
    env.update(changes)
    return env


def _convert(sample: Path, folder: Path, env: dict[str, str]) -> tuple[bytes, bytes]:
    """Convert a copy of ``sample`` in ``folder`` (its working directory), letting the book
    take its default name beside it; returns that name's bytes and the book's bytes."""
    folder.mkdir(parents=True)
    shutil.copyfile(sample, folder / "page.html")
    done = subprocess.run(
        [sys.executable, "-m", "exporter", "page.html", "-q"],
        cwd=folder,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    (name,) = [n for n in os.listdir(os.fsencode(folder)) if n.endswith(b".epub")]
    return name, (folder / os.fsdecode(name)).read_bytes()


@pytest.mark.parametrize("case", CASES)
def test_two_machines_make_the_same_book(
    case: str, tmp_path: Path, other_locale: dict[str, str]
) -> None:
    sample = SAMPLES / CASES[case]
    first = _environment(
        {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "1"},
        drop=("SOURCE_DATE_EPOCH",),
    )
    second = _environment(
        {
            "TZ": "Pacific/Kiritimati",  # UTC+14: another calendar day than UTC for 14 hours
            "SOURCE_DATE_EPOCH": "1700000000",
            "PYTHONHASHSEED": "4242",
            **other_locale,
        }
    )
    name_a, book_a = _convert(sample, tmp_path / "one", first)
    name_b, book_b = _convert(sample, tmp_path / "two" / "deeper", second)
    assert name_a == name_b
    assert book_a == book_b
