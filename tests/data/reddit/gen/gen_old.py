"""Write the two old-Reddit pages (the 2025 sample and the 2018 page) and ``old_expected.json``.

Used by ``tests/test_reddit_old.py`` (the paste, React and shreddit tests read the sample too);
run through ``python -m tests.data.reddit.gen``.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import threads_old
from .common_render import write
from .old_expected import truth
from .old_shell import page_html


def main(root: Path) -> None:
    p25, p18 = threads_old.page_2025(), threads_old.page_2018()
    data = root / "tests" / "data" / "reddit"
    write(root / "samples" / "reddit-old-thread.html", page_html(p25))
    write(data / "old_2018.html", page_html(p18))
    expected = {"2025": truth(p25), "2018": truth(p18)}
    # Unlike common_render.dump, the keys stay in the order truth() builds them (not sorted).
    write(data / "old_expected.json", json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
