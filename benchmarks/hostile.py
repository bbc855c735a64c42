"""How cleaning a hostile body scales: ``python -m benchmarks.hostile [--size N]``.

Why: a saved page is untrusted, and a body can hold tens of thousands of elements shaped to
make one step of the cleaning repeat over all the others (an unknown tag unwrapped, a link
dropped, a caption judged, each among 10,000 siblings). A conversion must stay linear in the
page, so each shape is cleaned at ``--size`` and at four times that, and the ratio of the two
times is printed: about 4 is linear, 16 quadratic. A shape whose ratio passes ``LIMIT`` is
flagged and the exit status is 1. (Timing belongs here, not in the test suite.) The image
stage, which turns the pictures a book leaves out into words, is timed the same way.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence

from exporter.clean import clean_html
from exporter.images import ImageOptions, add_images
from exporter.model import Comment, Thread

BASE = "https://base.example/thread/1"
LIMIT = 7.0
"""Ratio over which a shape counts as superlinear (linear is 4, with the machine's noise)."""

# name: (before, repeated unit, after)
SHAPES: dict[str, tuple[str, str, str]] = {
    "unknown tags": ("", "<blink>a</blink>b", ""),
    "comments": ("", "<!--c-->a", ""),
    "scripts": ("", "<script>x</script>a", ""),
    "unsafe links": ("", '<a href="javascript:x">a</a>b', ""),
    "links": ("", '<a href="https://example.org/x">a</a>b', ""),
    "links in a link": (
        '<a href="https://e.org/"><div>',
        '<a href="https://f.org/">y</a>z',
        "</div></a>",
    ),
    "empty spans": ("", "<span></span>a", ""),
    "smilies": ("", '<img class="smilie" alt=":)" src="s.gif">', ""),
    "pictures": ("", '<img src="https://example.org/p.png" alt="p">', ""),
    "captions in a figure": ("<figure>", "<figcaption>c</figcaption>", "</figure>"),
    "items outside a list": ("", "<li>x</li>y", ""),
    "text in a list": ("<ul>", "x<li>a</li>", "</ul>"),
    "definitions": ("<dl>", "<dt>a</dt><dd>b</dd>x", "</dl>"),
    "cells": ("<table><tr>", "<td>a</td>", "</tr></table>"),
    "rows": ("<table>", "<tr><td>a</td></tr>", "</table>"),
    "captions in a table": ("<table>", "<caption>c</caption>", "<tr><td>x</td></tr></table>"),
    "blocks in a paragraph": ("<p>", "a<details>x</details>", "</p>"),
    "blocks in bold": ("", "<b><div>x</div></b>", ""),
    "spoilers": ("", "<details><summary>s</summary>x</details>", ""),
    "attributes": ("", '<p dir="x" lang="en" style="a" onclick="b">x</p>', ""),
    "nesting past the cap": ("<div>" * 40, "<b>y</b>z", "</div>" * 40),
}


# Shapes for the image stage, run on a body already clean (as the stage gets it), with
# pictures left out (``--no-images``).
IMAGE_SHAPES: dict[str, tuple[str, str, str]] = {
    "emoji left out": ("<p>", '<img class="emoji" src="https://e.org/e.png" alt=":x:"/>a', "</p>"),
    "pictures left out": ("<p>", '<img src="https://example.org/p.png" alt="p"/>a', "</p>"),
}


def _clean(markup: str) -> None:
    clean_html(markup, BASE)


def _leave_pictures_out(markup: str) -> None:
    thread = Thread(title="t", comments=[Comment(id="1", body_html=markup)])
    add_images(thread, None, ImageOptions(embed=False))


def _seconds(markup: str, stage: Callable[[str], None]) -> float:
    start = time.perf_counter()
    stage(markup)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile")
    parser.add_argument("--size", type=int, default=4000, help="units in the smaller body")
    args = parser.parse_args(argv)
    flagged = []
    print(f"{'shape':24s} {args.size:>9,d} {args.size * 4:>9,d}  ratio")
    shapes = [(name, shape, _clean) for name, shape in SHAPES.items()]
    shapes += [(name, shape, _leave_pictures_out) for name, shape in IMAGE_SHAPES.items()]
    for name, (before, unit, after), stage in shapes:
        small, big = (
            _seconds(before + unit * n + after, stage) for n in (args.size, args.size * 4)
        )
        ratio = big / small if small else 0.0
        mark = "  SUPERLINEAR" if ratio > LIMIT else ""
        print(f"{name:24s} {small:8.3f}s {big:8.3f}s  {ratio:5.1f}{mark}")
        if mark:
            flagged.append(name)
    if flagged:
        print(f"superlinear: {', '.join(flagged)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
