""" "Web page, complete": ``X.html`` beside the folder of files it loaded.

Browsers name the folder after the page in the user's language (``X_files``, ``X-Dateien``,
``X_fichiers``, ``X_archivos``, ``X.files``…), and truncate or alter long names. So the folder
is found from the page itself: the one its own relative ``src`` attributes point into, as long
as it is a real folder (not a link) beside the page whose name starts with the page's stem.
That last rule keeps a page that says ``src="../../home/x.png"`` or ``src="Downloads/…"``
from adopting some other folder.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SRC = re.compile(r"""\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SCAN = 2_000_000
"""Characters of the page scanned for ``src``: a few thousand images are plenty to vote."""
_SUFFIXES = (".gz", ".html", ".htm", ".xhtml", ".shtml", ".php", ".aspx")


def page_stem(path: Path) -> str:
    """``thread.html.gz`` → ``thread``: the name browsers give the folder starts with this."""
    name = path.name
    for suffix in _SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def find_files_dir(page_path: Path, page_head: Callable[[int], str]) -> Path | None:
    """The page's own resource folder, or None when its ``src``s point into none.
    ``page_head`` gives the start of the page's text (``SavedPage.head``), decoded only when
    a folder is there."""
    stem = page_stem(page_path)
    if not _has_folder_like(page_path.parent, stem):
        return None  # nearly always: the page's links need not be read at all
    votes: Counter[str] = Counter()
    for match in _SRC.finditer(page_head(_SCAN)):
        ref = next(group for group in match.groups() if group is not None).strip()
        start = ref.lstrip("./")[:256]
        if not unquote(start).startswith(stem[:8]):
            continue  # cheap test first: most links on a thread page point elsewhere
        first = _first_segment(ref)
        if first and first.startswith(stem):
            votes[first] += 1
    for name, _count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        candidate = page_path.parent / name
        try:
            info = candidate.lstat()
        except (OSError, ValueError):
            continue
        if stat.S_ISDIR(info.st_mode):
            return candidate
    return None


def _has_folder_like(parent: Path, stem: str) -> bool:
    """Whether a real folder (not a link) whose name starts with ``stem`` sits in ``parent``,
    the only kind ``find_files_dir`` may return; True when the folder cannot be listed, so
    that the page's links decide. Names are compared as NFC: macOS stores them decomposed
    but finds them by either form."""
    wanted = unicodedata.normalize("NFC", stem)
    try:
        with os.scandir(parent) as entries:
            return any(
                unicodedata.normalize("NFC", entry.name).startswith(wanted)
                and entry.is_dir(follow_symlinks=False)
                for entry in entries
            )
    except OSError:
        return True


def _first_segment(ref: str) -> str | None:
    try:
        parts = urlsplit(ref)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith(("/", "\\")) or "\\" in path:
        return None
    segments = [segment for segment in path.split("/") if segment not in ("", ".")]
    if len(segments) < 2 or segments[0] == "..":
        return None
    return segments[0]
