"""phpBB topic pages: 3.0 (time as text in the board's zone) and 3.3 (``time[datetime]``,
quotes naming the quoted post), two pages of one topic, a board index, and detection.

The pages are invented topics written by ``tests/data/phpbb/make_pages.py`` in prosilver's real
markup; ``tests/data/phpbb/expected.json`` is the truth they were written from.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import EpubCheck

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Thread
from exporter.sites import all_sites, detect
from exporter.sites.phpbb import SITE
from exporter.sites.phpbb.page import NO_ZONE
from exporter.sites.phpbb.times import board_zone, parse_board_time, parse_naive

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "phpbb"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
HOST = "forum.breadloft.example"
# What phpBB prints around a post and must never reach a body.
CHROME = re.compile(r"Reply with quote|Select all|Top<|memberlist\.php|posting\.php|Posts:|Joined:")


def parse(name: str) -> Thread:
    return SITE.parse(read_input(str(DATA / name)))


def plain(body_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body_html)).split())


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(request.param)


def test_topic_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    assert (thread.site, thread.site_name) == ("phpbb", HOST)
    assert thread.title == truth["title"]
    assert thread.community == truth["forum"]
    assert (thread.page, thread.page_count) == (truth["page"], truth["page_count"])
    assert thread.thread_id == truth["thread_id"]
    assert thread.url == f"https://{HOST}/viewtopic.php?t={truth['thread_id'].split('=')[-1]}"
    assert thread.language == "en-gb"
    assert thread.warnings == []


def test_first_post_of_page_one_is_the_threads_post(case: tuple[str, Thread]) -> None:
    name, thread = case
    ids = [p["id"] for p in EXPECTED[name]["posts"]]
    posts = ([thread.post] if thread.post else []) + thread.comments
    assert [p.id for p in posts] == ids
    if EXPECTED[name]["page"] == 1:
        assert thread.post is not None and thread.post.id == ids[0] and thread.post.is_op
    else:
        assert thread.post is None
    for comment in thread.comments:  # flat: every post a root, none with replies
        assert (comment.depth, comment.parent_id, comment.children) == (0, None, [])


def test_post_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    posts = ([thread.post] if thread.post else []) + thread.comments
    for post, truth in zip(posts, EXPECTED[name]["posts"], strict=True):
        assert post.author == truth["author"]
        assert post.author_id == truth["author_id"]
        assert post.created == datetime.fromisoformat(truth["created"])
        assert post.created_text is None
        assert post.subject == truth["subject"]
        assert (post.reply_to, post.reply_to_author) == (
            truth["reply_to"], truth["reply_to_author"],
        )  # fmt: skip
        assert post.permalink == f"https://{HOST}/viewtopic.php?p={post.id}#p{post.id}"


def test_bodies_hold_the_words_in_order_and_no_chrome(case: tuple[str, Thread]) -> None:
    name, thread = case
    posts = ([thread.post] if thread.post else []) + thread.comments
    for post, truth in zip(posts, EXPECTED[name]["posts"], strict=True):
        text = plain(post.body_html)
        at = 0
        for words in truth["text"]:
            found = text.find(words, at)
            assert found >= 0, (post.id, words, text)
            at = found + len(words)
        for words in truth["absent"]:  # signatures, quote dates, "Select all"
            assert words not in text, (post.id, words)
        assert not CHROME.search(post.body_html), post.id
        assert "<img" not in post.body_html  # smilies became their text


def test_quotes_are_headed_and_code_is_preformatted() -> None:
    thread = parse("topic_33_page2.html")
    schedule, thanks = thread.comments
    assert schedule.body_html.startswith("<pre><code>day 1-3: feed 1:1:1\nday 4+: feed 1:2:2")
    assert thanks.body_html.startswith(
        "<blockquote><p><strong>Ines Varga wrote:</strong></p>"
        "<blockquote><p><strong>halvard wrote:</strong></p>How long?</blockquote>"
    )
    assert 'class="spoiler"' in thanks.body_html  # visible, labelled, never a shut <details>
    assert "<details" not in thanks.body_html
    old = parse("topic_30.html")
    assert "<pre><code>preheat: 45 min\nbake: 6-7 min</code></pre>" in old.comments[0].body_html


def test_the_30_board_zone_with_daylight_saving_is_applied() -> None:
    # "All times are UTC - 5 hours [ DST ]": the page printed "Sat Mar 02, 2024 10:05 am".
    thread = parse("topic_30.html")
    assert thread.post is not None
    assert "Sat Mar 02, 2024 10:05 am" in (DATA / "topic_30.html").read_text(encoding="utf-8")
    assert thread.post.created == datetime(2024, 3, 2, 14, 5, tzinfo=timezone.utc)


def test_text_times_without_a_stated_zone_are_kept_as_written() -> None:
    text = (DATA / "topic_30.html").read_text(encoding="utf-8")
    text = re.sub(r"All times are UTC - 5 hours \[ <abbr[^>]*>DST</abbr> \]", "", text)
    thread = SITE.parse(page_from_text(text, "no-zone.html"))
    assert thread.post is not None
    assert thread.post.created is None
    assert thread.post.created_text == "Sat Mar 02, 2024 10:05 am"
    assert thread.warnings == [NO_ZONE]


def test_pages_of_one_topic_share_the_identity() -> None:
    one, two = parse("topic_33_page1.html"), parse("topic_33_page2.html")
    assert one.thread_id == two.thread_id == f"{HOST}/viewtopic.php?t=4821"
    assert parse("topic_30.html").thread_id != one.thread_id


def test_a_board_index_says_what_to_save() -> None:
    page = read_input(str(DATA / "board_index.html"))
    assert detect(page) is SITE
    with pytest.raises(NoThreadFound) as error:
        SITE.parse(page)
    message = str(error.value)
    assert "board_index.html" in message and "open a topic" in message and "\n" not in message


def test_detection_claims_phpbb_and_nothing_else() -> None:
    ours = [*sorted(DATA.glob("*.html")), ROOT / "samples" / "phpbb-topic.html"]
    for path in ours:
        page = read_input(str(path))
        assert SITE.score(page) >= (0.5 if path.name == "board_index.html" else 1.0)
        for other in all_sites():
            if other.key != SITE.key and not other.fallback:
                assert other.score(page) < 0.3, (other.key, path.name)
    theirs = [
        *sorted((ROOT / "tests" / "data" / "vbulletin").glob("*.html")),
        *sorted((ROOT / "tests" / "data" / "lemmy").glob("*.html")),
        *sorted((ROOT / "tests" / "data" / "reddit").glob("*.html")),
        *sorted((ROOT / "tests" / "data" / "hackernews").glob("*.html")),
        *sorted((ROOT / "samples").glob("lemmy-*.html")),
        *sorted((ROOT / "samples").glob("reddit-*.html")),
        *sorted((ROOT / "samples").glob("hn-*.html")),
    ]
    assert theirs
    for path in theirs:
        assert SITE.score(read_input(str(path))) == 0.0, path.name
    link = '<html><body><p>See <a href="https://x.example/viewtopic.php?t=3">this phpBB topic</a>'
    assert SITE.score(page_from_text(link + "</p></body></html>")) == 0.0


@pytest.mark.parametrize(
    ("footer", "offset"),
    [
        ("All times are UTC - 5 hours [ DST ]", timedelta(hours=-4)),
        ("All times are UTC + 5:30 hours", timedelta(hours=5, minutes=30)),
        ("All times are UTC [ DST ]", timedelta(hours=1)),
        ("All times are UTC", timedelta(0)),
        ("All times are UTC-05:00", timedelta(hours=-5)),
        ("All times are GMT -5. The time now is 10:40 AM.", timedelta(hours=-5)),
        ("All times are GMT +5.5. The time now is", timedelta(hours=5, minutes=30)),
        ("All times are GMT. The time now is", timedelta(0)),
    ],
)
def test_board_zones(footer: str, offset: timedelta) -> None:
    zone = board_zone(footer)
    assert zone is not None
    assert zone.zone.utcoffset(None) == offset


def test_a_named_zone_knows_its_daylight_saving() -> None:
    zone = board_zone("All times are UTC+01:00", "Europe/Oslo")
    assert zone is not None and zone.zone == ZoneInfo("Europe/Oslo")
    summer = parse_board_time("Mon Jul 01, 2024 2:00 pm", zone)
    assert summer == datetime(2024, 7, 1, 12, 0, tzinfo=timezone.utc)


def test_no_zone_statement_means_no_zone() -> None:
    assert board_zone("Powered by phpBB") is None
    assert parse_board_time("Sun Mar 15, 2015 10:32 pm", None) is None


@pytest.mark.parametrize(
    ("text", "wall"),
    [
        ("Sun Mar 15, 2015 10:32 pm", datetime(2015, 3, 15, 22, 32)),
        ("» Sun Mar 15, 2015 10:32 pm", datetime(2015, 3, 15, 22, 32)),
        ("Sunday, March 15, 2015 10:32 PM", datetime(2015, 3, 15, 22, 32)),
        ("15 Mar 2015, 22:32", datetime(2015, 3, 15, 22, 32)),
        ("Mar 15th, '15, 22:32", datetime(2015, 3, 15, 22, 32)),
        ("03-15-2015, 10:32 PM", datetime(2015, 3, 15, 22, 32)),
        ("2016-02-01, 02:29", datetime(2016, 2, 1, 2, 29)),
        ("15.03.2015, 22:32", datetime(2015, 3, 15, 22, 32)),
        ("15th March 2015, 10:32 PM", datetime(2015, 3, 15, 22, 32)),
    ],
)
def test_common_english_formats(text: str, wall: datetime) -> None:
    assert parse_naive(text) == wall


@pytest.mark.parametrize("text", ["Today, 10:32 PM", "Yesterday, 09:00", "3 hours ago", "soon"])
def test_relative_or_unknown_times_are_not_guessed(text: str) -> None:
    zone = board_zone("All times are UTC")
    assert parse_board_time(text, zone) is None


def test_the_sample_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    from exporter import write_epub

    thread = SITE.parse(read_input(str(ROOT / "samples" / "phpbb-topic.html")))
    out = tmp_path / "phpbb.epub"
    write_epub(thread, out)
    epubcheck(out)
