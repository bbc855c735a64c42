"""The reference floor: the least any reader of the page has to do, timed in its own process.

Why: a conversion time means little on its own. The floor is a bare ``lxml.html`` parse of the
page (of every page, for a forum thread saved as several), an XPath that picks out every
comment (Lemmy's ``article.comment-node``, old Reddit's ``div.thing.comment``, Hacker News's
``tr.athing.comtr``, XenForo's ``article.message--post``), and the ``json`` decode of isoData
(when the page has it): the parse and decode every approach pays. ``convert / floor`` then
says how much of the time is the tool's own work.

The XPath starts with ``/descendant::article[...]``: ``//article[...]`` means
``/descendant-or-self::node()/child::article[...]``, evaluated once per node of the page, which
goes quadratic on deep pages.

``python -m benchmarks.floor PAGE [PAGE…] --runs 5 --json-out FILE``: one warm-up, then ``--runs``
timed rounds; writes ``{"seconds": [...], "articles": N, "iso_comments": N|null}``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Every comment of the page, as each site marks it.
_ARTICLES = etree.XPath(
    "/descendant::article[starts-with(@id, 'comment-')]"
    f"[{_has_class('comment-node')}]"
    f" | /descendant::div[{_has_class('thing')} and {_has_class('comment')}]"
    f" | /descendant::tr[{_has_class('athing')} and {_has_class('comtr')}]"
    f" | /descendant::article[{_has_class('message--post')}]"
)
# A 10,000-comment page's isoData script is a 30 MB text node, past libxml2's 10 MB default:
# without huge_tree the parser gives up there and the tree has no comments at all.
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def read_pages(paths: Sequence[Path]) -> tuple[int, int | None]:
    """``read_page`` over a forum thread's pages: (articles, isoData comments) summed."""
    articles, iso = 0, None
    for path in paths:
        found, iso_found = read_page(path)
        articles += found
        iso = iso_found if iso is None else iso + (iso_found or 0)
    return articles, iso


def read_page(path: Path) -> tuple[int, int | None]:
    """Parse the page, find its comment articles, decode isoData: (articles, isoData comments)."""
    root = lxml.html.document_fromstring(path.read_bytes(), parser=_PARSER)
    found = _ARTICLES(root)
    found = found if isinstance(found, list) else []
    articles = [node.get("id") for node in found if isinstance(node, etree._Element)]
    script = root.find("head/script")
    text = script.text if script is not None else None
    if not text or "window.isoData" not in text:
        return len(articles), None
    # serialize-javascript writes bare `undefined`; none of these pages has it inside a string.
    source = text.replace(":undefined", ":null")
    data: Any
    data, _ = json.JSONDecoder().raw_decode(source, source.index("{"))
    return len(articles), len(data["routeData"]["commentsRes"]["data"]["comments"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor")
    parser.add_argument("pages", type=Path, nargs="+", metavar="PAGE")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json-out", type=Path, required=True)
    args = parser.parse_args(argv)
    articles, iso_comments = read_pages(args.pages)  # warm-up (and the counts)
    seconds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        read_pages(args.pages)
        seconds.append(time.perf_counter() - start)
    result = {"seconds": seconds, "articles": articles, "iso_comments": iso_comments}
    args.json_out.write_text(json.dumps(result) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
