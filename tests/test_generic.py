"""The generic reader: threads on software no module knows, found from declared data or by
a guess, with a warning saying so; and refusals, rather than a book of menus, on pages that
hold no thread.

The pages are invented threads written by ``tests/data/generic/make_pages.py`` in the markup
of WordPress, SMF, MyBB and Invision; ``expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.cli import main
from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Comment, Thread
from exporter.sites import MIN_SCORE, all_sites, detect, get_site
from exporter.sites.generic import SITE
from exporter.sites.generic.fields import parse_date_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "generic"
REFUSED = ROOT / "tests" / "data" / "generic_refused"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
KNOWN_SITE_DIRS = ("lemmy", "reddit", "hackernews")


def parse(name: str) -> Thread:
    return SITE.parse(read_input(str(DATA / name)))


def words(body_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body_html)).split())


def walk(thread: Thread) -> list[Comment]:
    return list(thread.walk())


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(request.param)


def test_each_page_is_detected_as_generic_and_only_then() -> None:
    for name in EXPECTED:
        page = read_input(str(DATA / name))
        found = detect(page)
        assert found is not None and found.key == "generic", name
        assert SITE.score(page) > MIN_SCORE
    for path in sorted(REFUSED.glob("*.html")):
        assert detect(read_input(str(path))) is None, path.name


def test_known_sites_pages_never_reach_the_guess() -> None:
    paths = [p for d in KNOWN_SITE_DIRS for p in sorted((ROOT / "tests" / "data" / d).glob("*"))]
    paths += [
        p
        for p in sorted((ROOT / "samples").glob("*"))
        if p.name.startswith(("lemmy-", "reddit-", "hn-"))
    ]
    checked = 0
    for path in paths:
        if path.suffix not in {".html", ".txt"}:
            continue
        page = read_input(str(path))
        found = detect(page)
        assert found is not None and not found.fallback, path.name
        assert SITE.score(page) == 0.0, path.name
        checked += 1
    assert checked >= 10


def test_title_post_and_comments_match_the_truth(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    assert thread.title == truth["title"]
    assert thread.site == "generic"
    assert thread.post is not None
    author, created, first_words = truth["post"]
    assert (thread.post.author, thread.post.created and thread.post.created.isoformat()) == (
        author,
        created,
    )
    assert words(thread.post.body_html).startswith(first_words)
    got = [[c.author, c.created.isoformat() if c.created else None, c.depth] for c in walk(thread)]
    assert got == [row[:3] for row in truth["comments"]]
    for comment, row in zip(walk(thread), truth["comments"], strict=True):
        assert words(comment.body_html).startswith(row[3]), (name, comment.id)
        for child in comment.children:
            assert child.parent_id == comment.id and child.depth == comment.depth + 1


def test_no_chrome_reaches_a_body(case: tuple[str, Thread]) -> None:
    _, thread = case
    posts = [thread.post, *walk(thread)] if thread.post else walk(thread)
    for comment in posts:
        text = words(comment.body_html)
        for chrome in ("Reply", "Quote", "Baking since", "says:", "Post Comment", "Website"):
            assert chrome not in text, (comment.id, chrome)


def test_the_warning_says_it_was_a_guess_and_from_what(case: tuple[str, Thread]) -> None:
    name, thread = case
    warning = thread.warnings[0]
    assert "not one thread2epub knows" in warning and "check" in warning
    assert EXPECTED[name]["evidence"] in warning


def test_scores_from_declared_data() -> None:
    for name, truth in EXPECTED.items():
        if "scores" in truth:
            assert [c.score for c in walk(parse(name))] == truth["scores"], name


def test_declared_plain_text_gives_way_to_the_pages_own_markup() -> None:
    thread = parse("ips_topic.html")
    last = walk(thread)[-1]
    assert "<strong>Update:</strong>" in last.body_html  # the JSON-LD text has no markup
    assert all("<p>" in c.body_html for c in walk(thread))


def test_times_from_text_are_flagged() -> None:
    assert any("time zone" in w for w in parse("smf_topic.html").warnings)
    assert not any("time zone" in w for w in parse("wordpress_post.html").warnings)


@pytest.mark.parametrize("path", sorted(REFUSED.glob("*.html")), ids=lambda p: p.name)
def test_pages_without_a_thread_are_refused(path: Path) -> None:
    with pytest.raises(NoThreadFound, match=re.escape(str(path))) as caught:
        SITE.parse(read_input(str(path)))
    message = str(caught.value)
    assert "\n" not in message and "no comments found" in message and "--site" in message


def test_the_list_of_links_says_what_it_saw() -> None:
    with pytest.raises(NoThreadFound, match="search results"):
        SITE.parse(read_input(str(REFUSED / "search_results.html")))


@pytest.mark.parametrize(
    "text",
    [
        "<html><body></body></html>",
        "<html><head><title>Home</title></head><body><nav><ul><li><a href='/a'>A</a></li>"
        "<li><a href='/b'>B</a></li><li><a href='/c'>C</a></li></ul></nav></body></html>",
        "<html><body>"
        + "".join(
            f"<article class='card'><h2><a href='/p/{i}'>Post {i}</a></h2><span class='author'>"
            f"Sam</span> <time datetime='2024-01-0{i}T00:00:00Z'>Jan {i}</time><div "
            f"class='excerpt'>The first lines of post {i}, cut short here…</div></article>"
            for i in range(1, 7)
        )
        + "</body></html>",
    ],
    ids=["empty", "menu", "front-page"],
)
def test_empty_menu_and_front_pages_are_refused(text: str) -> None:
    page = page_from_text(text, "home.html")
    assert SITE.score(page) == 0.0
    with pytest.raises(NoThreadFound, match=r"home\.html: no comments found"):
        SITE.parse(page)


def test_pasted_text_is_not_guessed() -> None:
    page = page_from_text("alice wrote:\nhello\n\nbob wrote:\nhi\n", "paste.txt")
    assert SITE.score(page) == 0.0
    with pytest.raises(NoThreadFound, match=r"paste\.txt"):
        SITE.parse(page)


def test_cli_refuses_with_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "article.html"
    source.write_bytes((REFUSED / "news_article.html").read_bytes())
    assert main([str(source), "--site", "generic", "-o", str(tmp_path / "x.epub")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(source) in err and "no comments found" in err
    assert not (tmp_path / "x.epub").exists()


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 11, 2021, 03:45:12 PM", "2021-06-11T15:45:12+00:00"),
        ("Mon Jun 11, 2012 3:45 am", "2012-06-11T03:45:00+00:00"),
        ("11th March 2020 at 12:05 am", "2020-03-11T00:05:00+00:00"),
        ("06-11-2021, 03:45 PM", "2021-06-11T15:45:00+00:00"),
        ("2019-05-26 16:34", "2019-05-26T16:34:00+00:00"),
        ("Posts: 12, Joined: Mar 2020", None),
        ("13-45-2021", None),
    ],
)
def test_dates_in_words(text: str, iso: str | None) -> None:
    found = parse_date_text(text)
    assert (found.isoformat() if found else None) == iso


_TAGS = st.sampled_from(["div", "li", "article", "p", "span", "time", "a", "ol", "script"])
_ATTRS = st.sampled_from(
    [
        "",
        ' class="comment"',
        ' class="author"',
        ' class="content"',
        ' datetime="2024-02-30T25:00"',
        ' itemscope itemtype="http://schema.org/Comment"',
        ' itemprop="text"',
        ' itemprop="author"',
        ' type="application/ld+json"',
        ' class="depth-2"',
    ]
)
_TEXT = st.sampled_from(
    ["", "Sam", "June 11, 2021, 3:45 PM", '{"@type":"Comment","comment":[{}]}', "hello…", "<"]
)


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(_TAGS)
        parts.append(f"<{tag}{draw(_ATTRS)}>{draw(_TEXT)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return "<html><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html())
def test_random_markup_never_crashes_it(text: str) -> None:
    page = page_from_text(text, "random.html")
    score = SITE.score(page)
    try:
        thread = SITE.parse(page)
    except NoThreadFound as error:
        assert "random.html" in str(error) and score == 0.0
    else:
        known = detect(page)
        assert thread.warnings and (score > MIN_SCORE or (known and not known.fallback))


def test_named_with_site_and_written_as_a_valid_book(tmp_path: Path, epubcheck: Any) -> None:
    out = tmp_path / "book.epub"
    assert main([str(DATA / "wordpress_post.html"), "-o", str(out), "-q"]) == 0
    epubcheck(out)
    assert get_site("generic").fallback and all_sites()[-1].key == "generic"
