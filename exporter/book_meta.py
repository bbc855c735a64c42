"""What the reader says about the book itself: title, author, language, series, tags.

One frozen value handed to ``epub.write_epub``/``build_book``/``epub_bytes`` (``meta=``), so
that the command line and a program embedding thread2epub get the same overrides. Written
twice in the OPF where readers disagree: EPUB 3 collection metadata (the standard) and
calibre's own ``calibre:series`` metas (what calibre and the Kobo/Kindle tools fed by it
read first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BookMeta:
    """Overrides of what the book would otherwise take from the thread; None: keep it."""

    title: str | None = None
    author: str | None = None
    """Default: the original poster's name (``Unknown`` without a post)."""
    language: str | None = None
    """A BCP-47 tag; ``epub.book_language`` falls back to the thread's, then ``en``."""
    series: str | None = None
    series_index: float | None = None
    """Position in the series; fractional (2.5) places a book between two others."""
    tags: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        index = self.series_index
        if index is not None and (not math.isfinite(index) or index < 0):
            raise ValueError(f"the series index must be a number of 0 or more, not {index!r}")
        if index is not None and not _clean(self.series):
            raise ValueError("a series index needs a series name (--series)")

    def clean_tags(self) -> list[str]:
        """Tags on one line each, empty ones dropped, repeats (ignoring case) kept once."""
        seen: set[str] = set()
        out: list[str] = []
        for tag in self.tags:
            text = _clean(tag)
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                out.append(text)
        return out

    def series_name(self) -> str | None:
        return _clean(self.series) or None

    def series_position(self) -> str:
        """``2`` or ``2.5``: calibre and EPUB 3 both want a plain decimal, never ``2.0``."""
        return format_index(1.0 if self.series_index is None else self.series_index)


def format_index(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return repr(value)


def parse_index(text: str) -> float:
    """``--series-index`` as a float; raises ``ValueError`` with words a user understands."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"the series index must be a number like 3 or 2.5, not {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"the series index must be a number of 0 or more, not {text!r}")
    return value


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())
