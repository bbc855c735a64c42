"""``thread2epub --help`` starts without the heavy libraries and without the site parsers.

Why: a user who types ``--help`` (or makes a typo) should get an answer at once; ebooklib,
Pillow, BeautifulSoup, lxml, the sanitiser and every site parser cost a good share of a second
to import, and only a conversion needs them. A conversion, in turn, needs only the chosen site's
parser (importing every site's, and BeautifulSoup with two of them, cost 0.3 s). Measured by
what is imported, not by time: a timing test fails on a busy machine and passes on a fast one
whatever the code does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, sys
from exporter.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
sys.stdout.flush()
print("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""

NOT_FOR_HELP = ("ebooklib", "PIL", "bs4", "lxml", "markdown_it", "exporter.epub")


def _modules_after_help() -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    shown, _, modules = done.stdout.rpartition("\n@@MODULES@@")
    return shown, set(json.loads(modules))


def test_help_imports_no_heavy_library_and_no_site_parser() -> None:
    shown, modules = _modules_after_help()
    assert "usage:" in shown  # the probe really printed the help
    heavy = sorted(m for m in modules if m.split(".")[0] in NOT_FOR_HELP or m in NOT_FOR_HELP)
    assert heavy == []
    site_parsers = sorted(m for m in modules if m.startswith("exporter.sites."))
    assert site_parsers == []


_CONVERT_PROBE = """
import json, sys
from exporter.cli import main
try:
    main([sys.argv[1], "-o", sys.argv[2], "-q"])
except SystemExit as exc:
    assert not exc.code, exc.code
print("@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize(
    ("sample", "site"),
    [("hn-item.html", "hackernews"), ("reddit-old-thread.html", "reddit")],
)
def test_a_conversion_imports_only_its_own_sites_parser(
    tmp_path: Path, sample: str, site: str
) -> None:
    """Detection asks every site, from the light ``__init__`` of each; the parser modules
    load only for the site chosen, and BeautifulSoup only for a parser that reads with it."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CONVERT_PROBE,
            str(ROOT / "samples" / sample),
            str(tmp_path / "x.epub"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    modules = set(json.loads(done.stdout.rpartition("@@MODULES@@")[2]))
    assert not {m for m in modules if m.split(".")[0] in ("bs4", "soupsieve")}
    parsers = {m for m in modules if m.startswith("exporter.sites.") and m.count(".") >= 3}
    assert parsers and all(m.startswith(f"exporter.sites.{site}.") for m in parsers), parsers
    assert "exporter.sites.reddit.react" not in parsers  # old Reddit's design only
