"""Discourse topic pages: the server's page (crawler view + ``data-preloaded`` JSON), the same
page with its JSON damaged, the newer crawler view's page 2, and a page saved from the browser.

The pages are an invented topic written by ``tests/data/discourse/make_pages.py`` in
Discourse's real markup; ``tests/data/discourse/expected.json`` is the truth they were written
from.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Thread, thread_to_json
from exporter.sites import all_sites, detect
from exporter.sites.discourse import SITE, preloaded

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "discourse"
PAGES = sorted(p.stem for p in DATA.glob("*.html"))
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
SERVER = (DATA / "server_topic.html").read_text(encoding="utf-8")
ATTRIBUTE = re.compile(r'data-preloaded="([^"]*)"')
# What Discourse wraps around a body and must never reach the book.
CHROME = re.compile(r"informations|1600×1067|quote-controls|<svg|avatar|onebox|site-icon|thumb")


def parse(name: str) -> Thread:
    return SITE.parse(read_input(str(DATA / f"{name}.html")))


def plain(body_html: str) -> str:
    """The words of a body, paragraphs and quotes separated by a blank line."""
    body_html = re.sub(r"<img[^>]*>", "", body_html)
    paragraphs = re.split(r"</p>|</blockquote>|<blockquote>", body_html)
    words = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split()) for p in paragraphs]
    return "\n\n".join(w for w in words if w)


def rows(thread_json: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [thread_json["post"]] if thread_json["post"] else []
    return found + list(thread_json["comments"])


@pytest.fixture(scope="module", params=PAGES)
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(request.param)


def test_every_page_has_its_truth() -> None:
    assert set(PAGES) == set(EXPECTED)


def test_topic_fields(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    got = thread_to_json(thread)
    assert thread.site == "discourse"
    for key in ("title", "url", "site_name", "community", "thread_id", "page", "warnings"):
        assert got[key] == truth[key], key
    assert [[s["parent_id"], s["count"]] for s in got["missing"]] == truth["missing"]


def test_posts_are_flat_in_post_order_with_their_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    got = rows(thread_to_json(thread))
    assert [r["number"] for r in got] == [t["number"] for t in rows(truth)]
    assert (thread.post is None) == (truth["post"] is None)
    for comment in thread.comments:
        assert comment.depth == 0 and comment.parent_id is None and not comment.children
    for row, expect in zip(got, rows(truth), strict=True):
        for key, value in expect.items():
            if key == "text":
                assert plain(row["body_html"]) == value, (name, expect["number"])
            else:
                assert row[key] == value, (name, expect["number"], key)


def test_bodies_keep_the_words_and_links_and_drop_the_chrome(case: tuple[str, Thread]) -> None:
    name, thread = case
    for comment in ([thread.post] if thread.post else []) + thread.comments:
        assert not CHROME.search(comment.body_html), (name, comment.id, comment.body_html)
    if thread.post is None:
        return
    # The lightbox's picture points at the full-size original, whatever the image stage does.
    assert "/uploads/default/original/2X/a/a1b2c3.jpeg" in thread.post.body_html
    onebox = thread.comments[0].body_html
    assert '<a href="https://tyretests.example/cargo-winter-2024">' in onebox
    quote = thread.comments[1].body_html
    assert quote.startswith("<blockquote><p><b>tobiask:</b></p><p>The rolling resistance")


def test_reply_to_points_at_a_post_of_the_page(case: tuple[str, Thread]) -> None:
    name, thread = case
    numbers = {c.id for c in thread.comments} | ({thread.post.id} if thread.post else set())
    for comment in thread.comments:
        if comment.reply_to is not None:
            assert comment.reply_to in numbers, (name, comment.id)
            assert comment.reply_to_number == int(comment.reply_to)


def test_the_damaged_json_still_gives_every_post_it_can() -> None:
    raw = html.unescape(ATTRIBUTE.findall((DATA / "server_damaged.html").read_text("utf-8"))[0])
    with pytest.raises(ValueError):
        json.loads(raw)
    data = preloaded.read(raw)
    assert data is not None and data.damaged
    assert [p["post_number"] for p in data.posts] == [1, 2, 4, 5, 6, 7]
    assert len(data.stream) == 9
    assert data.topic["title"] == EXPECTED["server_topic"]["title"]
    # Post 3 is not lost: the crawler view has it, without what only the JSON knew.
    thread = parse("server_damaged")
    third = next(c for c in thread.comments if c.id == "3")
    assert third.author == "ilse_v" and not third.is_moderator
    assert (third.reply_to, third.reply_to_author) == ("2", "tobiask")


def _with_preloaded(raw: str) -> str:
    attribute = html.escape(raw, quote=True)
    return ATTRIBUTE.sub(lambda _: f'data-preloaded="{attribute}"', SERVER, count=1)


SERVER_RAW = html.unescape(ATTRIBUTE.findall(SERVER)[0])


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    cut=st.integers(min_value=0, max_value=len(SERVER_RAW)),
    at=st.integers(min_value=0, max_value=len(SERVER_RAW)),
    junk=st.sampled_from(["", "\\", '"', "}", "{", "\\&", ']"', "\\u12", "\x00", '{"id":']),
)
def test_truncated_or_corrupted_json_loses_no_post(cut: int, at: int, junk: str) -> None:
    damaged = SERVER_RAW[:at] + junk + SERVER_RAW[at:]
    damaged = damaged[: max(cut, 1)]
    preloaded.read(damaged)  # never raises
    thread = SITE.parse(page_from_text(_with_preloaded(damaged)))
    assert [c.number for c in rows_of(thread)] == [1, 2, 3, 4, 5, 7]
    assert all(c.author for c in rows_of(thread))


def rows_of(thread: Thread) -> list[Any]:
    return ([thread.post] if thread.post else []) + thread.comments


def test_newer_builds_put_the_json_in_a_script() -> None:
    script = SERVER_RAW.replace("</", "<\\/")
    page = ATTRIBUTE.sub("", SERVER, count=1).replace(
        "></div>\n\n    <script",
        f'></div><script id="data-preloaded" type="application/json">{script}</script>\n'
        "    <script",
        1,
    )
    assert page.count('id="data-preloaded"') == 2
    page = page.replace('class="hidden" id="data-preloaded"', 'class="hidden"', 1)
    thread = SITE.parse(page_from_text(page))
    # Only the JSON knows who moderates and which answer solved the topic.
    by_id = {c.id: c for c in thread.comments}
    assert by_id["3"].is_moderator and by_id["4"].accepted and by_id["5"].deleted


def test_a_browser_save_with_part_of_the_json_takes_the_rest_from_the_markup() -> None:
    outer = json.loads(SERVER_RAW)
    topic = json.loads(outer["topic_4821"])
    topic["post_stream"]["posts"] = topic["post_stream"]["posts"][:3]
    outer["topic_4821"] = json.dumps(topic)
    attribute = html.escape(json.dumps(outer))
    holder = f'<div class="hidden" id="data-preloaded" data-preloaded="{attribute}"></div>'
    saved = (DATA / "browser_saved.html").read_text("utf-8").replace("</body>", f"{holder}</body>")
    thread = SITE.parse(page_from_text(saved))
    assert [c.number for c in rows_of(thread)] == [1, 2, 3, 4, 5, 7]
    by_id = {c.id: c for c in thread.comments}
    # Post 1 from the JSON (which knows when it was edited, the markup only that it was),
    # post 4 from the markup (which knows that it solved the topic).
    assert thread.post is not None and isinstance(thread.post.edited, datetime)
    assert by_id["4"].accepted and by_id["4"].edited is None
    assert (by_id["4"].reply_to, by_id["7"].reply_to, by_id["7"].reply_to_author) == (
        "3",
        None,
        "maren_holt",
    )
    assert thread.missing[0].count == 2


@pytest.mark.parametrize(
    "raw",
    ["", "{", "[]", '{"topic_1": 5}', '{"topic_1": "{\\"post_stream\\": 3}"}', '"topic_9":"{'],
)
def test_preloaded_text_without_a_readable_topic(raw: str) -> None:
    data = preloaded.read(raw)
    assert data is None or data.posts == []


def test_every_page_is_discourse_and_no_other_site() -> None:
    for name in PAGES:
        page = read_input(str(DATA / f"{name}.html"))
        assert SITE.score(page) == 1.0, name
        for other in all_sites():
            if other.key != SITE.key:
                assert other.score(page) < 0.3, (other.key, name)


def test_other_sites_pages_are_not_discourse() -> None:
    others = [
        p
        for folder in ("lemmy", "reddit", "hackernews", "stackexchange")
        for p in sorted((ROOT / "tests" / "data" / folder).glob("*.*"))
        if p.suffix in {".html", ".txt"}
    ]
    assert others
    for path in others:
        assert SITE.score(read_input(str(path))) == 0.0, path.name


CATEGORY_LIST = """<!DOCTYPE html><html lang="en"><head>
<meta name="generator" content="Discourse 3.2.0 - https://github.com/discourse/discourse">
<title>Gear - Spokehouse</title></head><body class="crawler"><div id="main-outlet">
<table class="topic-list"><tbody><tr class="topic-list-item"><td class="main-link">
<a href="/t/winter-tyres/4821" class="title raw-link raw-topic-link">Winter tyres</a></td>
</tr></tbody></table></div></body></html>"""


def test_a_category_list_is_discourse_but_no_topic() -> None:
    page = page_from_text(CATEGORY_LIST, "gear.html")
    found = detect(page)
    assert found is not None and found.key == "discourse"
    with pytest.raises(NoThreadFound, match=r"gear.html: .*open a topic"):
        SITE.parse(page)


def test_the_damaged_page_makes_a_valid_book(tmp_path: Path, epubcheck: Any) -> None:
    from exporter import write_epub

    out = tmp_path / "tyres.epub"
    write_epub(parse("server_damaged"), out)
    epubcheck(out)
