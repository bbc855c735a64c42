"""The command line's options for what goes in the book and what it looks like.

Kept apart from ``cli.py`` (which owns input, output, limits and failures) because these grow
with every reader-facing feature; each option maps onto ``shape.ShapeOptions`` or the cover.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from .book_meta import BookMeta
    from .images import ImageOptions
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
    _add_meta_options(parser)
    _add_navigation_options(parser)
    _add_image_options(parser)


def _add_meta_options(parser: argparse.ArgumentParser) -> None:
    meta = parser.add_argument_group(
        "book metadata", "what e-readers and calibre show in the library (title: see --title)"
    )
    meta.add_argument(
        "--author", metavar="NAME", help="the book's author (default: the original poster)"
    )
    meta.add_argument(
        "--language",
        metavar="TAG",
        help="the book's language as a tag like en, de or pt-BR (default: the page's, else en)",
    )
    meta.add_argument(
        "--series", metavar="NAME", help="put the book in a series (calibre and EPUB 3 readers)"
    )
    meta.add_argument(
        "--series-index",
        metavar="N",
        help="the book's number in the series, e.g. 3 or 2.5 (default: 1; needs --series)",
    )
    meta.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="a tag (subject) for the library; repeat for several",
    )


def _add_navigation_options(parser: argparse.ArgumentParser) -> None:
    nav = parser.add_argument_group("navigation")
    nav.add_argument(
        "--nav",
        action="store_true",
        help='add "next" (skip this comment\'s replies) and "next thread" links to every '
        "comment header",
    )
    nav.add_argument(
        "--no-map",
        action="store_true",
        help="leave out the thread map (one line per top-level comment, after the contents)",
    )


def _add_image_options(parser: argparse.ArgumentParser) -> None:
    images = parser.add_argument_group(
        "images",
        "pictures the saved page carries are put in the book (JPEG or PNG, at most 1600 px); "
        "pictures on other sites become links unless --fetch-images",
    )
    which = images.add_mutually_exclusive_group()
    which.add_argument(
        "--no-images", action="store_true", help="no pictures: each becomes a link or its words"
    )
    which.add_argument(
        "--fetch-images",
        action="store_true",
        help="also download the pictures on other sites (http/https, 4 at a time)",
    )
    images.add_argument(
        "--grayscale", action="store_true", help="grey pictures: smaller, and all e-ink shows"
    )
    images.add_argument(
        "--max-image-size",
        type=_megabytes,
        metavar="MB",
        help="at most this many MB of pictures, taken in page order; the rest become links "
        "(Send-to-Kindle takes books up to 50 MB)",
    )


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def image_options(args: argparse.Namespace) -> ImageOptions:
    """``ImageOptions`` from the parsed arguments (``--no-images``, ``--fetch-images``,
    ``--grayscale``, ``--max-image-size``)."""
    from .images import MB, ImageOptions

    cap = args.max_image_size
    return ImageOptions(
        embed=not args.no_images,
        fetch=args.fetch_images,
        grayscale=args.grayscale,
        max_total_bytes=None if cap is None else int(cap * MB),
    )


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


def book_meta(args: argparse.Namespace) -> BookMeta:
    """``BookMeta`` from the parsed arguments; a wrong value is a usage error (exit 2)."""
    from .book_meta import BookMeta, parse_index

    try:
        index = parse_index(args.series_index) if args.series_index is not None else None
        return BookMeta(
            title=args.title,
            author=args.author,
            language=args.language,
            series=args.series,
            series_index=index,
            tags=tuple(args.tag),
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
