"""The command line's options for what goes in the book and what it looks like.

Kept apart from ``cli.py`` (which owns input, output, limits and failures) because these grow
with every reader-facing feature; each option maps onto ``shape.ShapeOptions`` or the cover.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from .shape import ShapeOptions


def add_book_options(parser: argparse.ArgumentParser) -> None:
    from .shape import SORT_ORDERS

    what = parser.add_argument_group("what goes in the book")
    what.add_argument(
        "--sort",
        choices=SORT_ORDERS,
        default="page",
        help="order of comments at every level: page (as saved, the default), best, top "
        "(score), new, old",
    )
    what.add_argument(
        "--min-score",
        type=int,
        metavar="N",
        help="leave out replies scored below N (kept when a reply under them is kept)",
    )
    what.add_argument(
        "--max-depth",
        type=_whole,
        metavar="N",
        help="leave out replies deeper than level N (0 = top-level comments only); "
        "the book notes how many",
    )
    what.add_argument(
        "--top", type=_whole, metavar="N", help="keep only the first N top-level threads"
    )
    what.add_argument(
        "--op-only",
        action="store_true",
        help="only the original poster's comments, with the comments they answer",
    )
    what.add_argument(
        "--drop-deleted",
        action="store_true",
        help="leave out deleted and removed comments that have no replies",
    )
    what.add_argument(
        "--since", metavar="DATE", help="leave out comments before DATE (2026-11-10 or ISO time)"
    )
    what.add_argument(
        "--until", metavar="DATE", help="leave out comments after DATE (the whole day counts)"
    )
    cover = parser.add_argument_group("cover").add_mutually_exclusive_group()
    cover.add_argument(
        "--cover",
        metavar="IMAGE",
        help="use this picture as the cover (JPEG, PNG, WebP, GIF...); "
        "default: a cover made from the title",
    )
    cover.add_argument("--no-cover", action="store_true", help="make a book without a cover")


def _whole(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def shape_options(args: argparse.Namespace) -> ShapeOptions:
    """``ShapeOptions`` from the parsed arguments; a wrong value is a usage error (exit 2)."""
    from .shape import ShapeOptions, parse_when

    try:
        return ShapeOptions(
            sort=args.sort,
            min_score=args.min_score,
            max_depth=args.max_depth,
            top=args.top,
            op_only=args.op_only,
            drop_deleted=args.drop_deleted,
            since=parse_when(args.since) if args.since else None,
            until=parse_when(args.until, end_of_day=True) if args.until else None,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
