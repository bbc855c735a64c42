"""Stack Exchange question pages: Stack Overflow in 2022's markup and Super User in 2016's
table layout; answers, accepted answers, comments, held-back comments and answer pages.

The pages are invented questions written by ``tests/data/stackexchange/make_pages.py`` in SE's
real markup; ``tests/data/stackexchange/expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Comment, Thread, thread_to_json
from exporter.sites import all_sites, detect
from exporter.sites.stackexchange import SITE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "stackexchange"
PAGES = sorted(p.stem for p in DATA.glob("*.html"))
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
# What SE prints around a post and must never reach a body.
CHROME = re.compile(
    r"Want to improve|Improve this|Share|upvoteCount|reputation|gravatar|Show <b>|show <b>|"
    r"add a comment|vote-count|user's user avatar|edited <",
    re.IGNORECASE,
)


def parse(name: str) -> Thread:
    return SITE.parse(read_input(str(DATA / f"{name}.html")))


def plain(body_html: str) -> str:
    """The words of a body: paragraphs and quotes collapsed, code blocks kept as written."""
    body_html = body_html.replace("<pre>", "</p><pre>").replace("</pre>", "</pre><p>")
    out = []
    for part in re.split(r"</p>|</blockquote>|<blockquote>", body_html):
        text = html.unescape(re.sub(r"<[^>]+>", "", part))
        out.append(text.strip("\n") if "<pre>" in part else " ".join(text.split()))
    return "\n\n".join(o for o in out if o)


def as_json(comment: Comment) -> dict[str, Any]:
    row: dict[str, Any] = thread_to_json(Thread(title="-", comments=[comment]))["comments"][0]
    return row


@pytest.fixture(scope="module", params=PAGES)
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(request.param)


def test_every_page_has_its_truth() -> None:
    assert set(PAGES) == set(EXPECTED)


def test_question_fields(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    got = thread_to_json(thread)
    assert thread.site == "stackexchange"
    keys = ("title", "url", "site_name", "community", "thread_id", "page", "page_count")
    for key in (*keys, "warnings"):
        assert got[key] == truth[key], key
    assert [[s["parent_id"], s["count"]] for s in got["missing"]] == truth["missing"]
    assert thread.post is not None and thread.post.is_op
    for key, value in truth["post"].items():
        found = plain(thread.post.body_html) if key == "text" else got["post"][key]
        assert found == value, key


def test_question_comments_then_answers_each_with_its_comments(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]["walk"]
    walk = list(thread.walk())
    assert [(c.id, c.parent_id, c.depth) for c in walk] == [
        (t["id"], t["parent_id"], t["depth"]) for t in truth
    ]
    for comment, expect in zip(walk, truth, strict=True):
        row = as_json(comment)
        for key, value in expect.items():
            found = plain(comment.body_html) if key == "text" else row[key]
            assert found == value, (name, comment.id, key)
    # Comments are replies, never parents.
    for comment in walk:
        if comment.id.startswith("c"):
            assert comment.children == []


def test_exactly_one_accepted_answer(case: tuple[str, Thread]) -> None:
    _, thread = case
    accepted = [c for c in thread.walk() if c.accepted]
    assert len(accepted) == 1 and accepted[0].depth == 0 and not accepted[0].id.startswith("c")


def test_bodies_carry_no_page_chrome(case: tuple[str, Thread]) -> None:
    name, thread = case
    assert thread.post is not None
    for comment in [thread.post, *thread.walk()]:
        assert not CHROME.search(comment.body_html), (name, comment.id, comment.body_html)
        assert comment.body_html.startswith("<"), (name, comment.id)


def test_links_in_comments_survive() -> None:
    thread = parse("question_2022")
    by_id = {c.id: c for c in thread.walk()}
    assert (
        'href="https://docs.python.org/3/library/itertools.html"' in by_id["c126500011"].body_html
    )
    # A deleted account keeps its name, without a user id.
    assert (by_id["c126500011"].author, by_id["c126500011"].author_id) == ("user5530019", None)


def test_every_page_is_stack_exchange_and_no_other_site() -> None:
    for name in PAGES:
        page = read_input(str(DATA / f"{name}.html"))
        assert SITE.score(page) == 1.0, name
        for other in all_sites():
            if other.key != SITE.key:
                assert other.score(page) < 0.3, (other.key, name)


def test_other_sites_pages_are_not_stack_exchange() -> None:
    others = [
        p
        for folder in ("lemmy", "reddit", "hackernews", "discourse")
        for p in sorted((ROOT / "tests" / "data" / folder).glob("*.*"))
        if p.suffix in {".html", ".txt"}
    ]
    assert others
    for path in others:
        assert SITE.score(read_input(str(path))) == 0.0, path.name


QUESTION_LIST = """<!DOCTYPE html><html><head><title>Newest Questions - Stack Overflow</title>
<link rel="stylesheet" href="https://cdn.sstatic.net/Shared/stacks.css"></head><body>
<div id="questions" class="flush-left"><div id="question-summary-79100001"
class="s-post-summary js-post-summary" data-post-id="79100001"><div class="s-post-summary--content">
<h3 class="s-post-summary--content-title"><a href="/questions/79100001/why" class="s-link">Why
does itertools.groupby skip my first group?</a></h3></div></div></div></body></html>"""


def test_a_question_list_is_stack_exchange_but_no_question() -> None:
    page = page_from_text(QUESTION_LIST, "newest.html")
    found = detect(page)
    assert found is not None and found.key == "stackexchange"
    with pytest.raises(NoThreadFound, match=r"newest.html: .*open a question"):
        SITE.parse(page)


def test_the_2022_page_makes_a_valid_book(tmp_path: Path, epubcheck: Any) -> None:
    from exporter import write_epub

    out = tmp_path / "groupby.epub"
    write_epub(parse("question_2022"), out)
    epubcheck(out)
