"""The pages the benchmark converts, generated once and kept in ``benchmarks/out/pages``.

A case is one (site, size) or one depth shape: its page files (several for a forum thread), the
number of comments and the deepest reply level they hold. Lemmy's pages come from
``make_pages`` (saved page with isoData, and SingleFile); the other sites write the same thread
(``site_pages``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from . import make_pages, site_pages

PAGES = make_pages.PAGES
SITES = ("lemmy-saved", "lemmy-singlefile", "reddit-old", "hackernews", "xenforo")
SHAPES = ("chain", "siblings")


@dataclass
class Case:
    name: str
    """``reddit-old`` … or ``chain``/``siblings`` (Hacker News markup)."""
    size: int
    pages: list[Path]
    comments: int
    max_depth: int

    @property
    def page_bytes(self) -> int:
        return sum(path.stat().st_size for path in self.pages)

    @property
    def label(self) -> str:
        return f"{self.name}-{self.size}"


def _info_path(name: str, size: int, seed: int) -> Path:
    return PAGES / f"{name}-{size}-s{seed}.case.json"


def _cached(name: str, size: int, seed: int) -> Case | None:
    try:
        data = json.loads(_info_path(name, size, seed).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("generator") != site_pages.GENERATOR_VERSION:
        return None
    case = Case(
        name=name,
        size=size,
        pages=[Path(p) for p in data["pages"]],
        comments=data["comments"],
        max_depth=data["max_depth"],
    )
    return case if all(p.is_file() for p in case.pages) else None


def _write(name: str, size: int, seed: int, rendered: site_pages.Rendered) -> Case:
    PAGES.mkdir(parents=True, exist_ok=True)
    if len(rendered.pages) == 1:
        paths = [PAGES / f"{name}-{size}-s{seed}.html"]
    else:
        paths = [
            PAGES / f"{name}-{size}-s{seed}-p{n:04d}.html"
            for n in range(1, 1 + len(rendered.pages))
        ]
    for path, text in zip(paths, rendered.pages, strict=True):
        path.write_bytes(text.encode("utf-8"))
    case = Case(name, size, paths, rendered.comments, rendered.max_depth)
    info = {
        **asdict(case),
        "pages": [str(p) for p in paths],
        "generator": site_pages.GENERATOR_VERSION,
    }
    _info_path(name, size, seed).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return case


def site_case(name: str, size: int, seed: int = make_pages.SEED) -> Case:
    """The ``size``-comment page(s) of one site, generated when missing."""
    if name.startswith("lemmy-"):
        info = make_pages.ensure_pages(size, seed)
        variant: make_pages.Variant = "saved" if name == "lemmy-saved" else "singlefile"
        return Case(
            name,
            size,
            [make_pages.page_path(size, variant, seed)],
            info["comments"],
            info["max_depth"],
        )
    found = _cached(name, size, seed)
    if found is not None:
        return found
    thread = make_pages.make_thread(size, seed)
    return _write(name, size, seed, site_pages.render(name, thread.roots))


def shape_case(shape: str, size: int = site_pages.CHAIN_SIZE) -> Case:
    """A ``chain`` or ``siblings`` page of ``size`` comments (Hacker News markup)."""
    seed = make_pages.SEED
    found = _cached(shape, size, seed)
    if found is not None:
        return found
    return _write(
        shape, size, seed, site_pages.render("hackernews", site_pages.depth_shape(shape, size))
    )
