"""``thread2epub --help`` starts without the heavy libraries and without the site parsers.

Why: a user who types ``--help`` (or makes a typo) should get an answer at once; ebooklib,
Pillow, BeautifulSoup, lxml, the sanitiser and every site parser cost a good share of a second
to import, and only a conversion needs them. Measured by what is imported, not by time: a
timing test fails on a busy machine and passes on a fast one whatever the code does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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

NOT_FOR_HELP = ("ebooklib", "PIL", "bs4", "lxml", "nh3", "markdown_it", "exporter.epub")


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
