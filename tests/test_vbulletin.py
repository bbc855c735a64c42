"""vBulletin thread pages: 3.8 (tables, text dates in the footer's zone, "Today"), 4.2
(``li.postbitlegacy``, page 2 of 2) and 5.x (``li.b-post``, ``time[datetime]``), a forum
index, and detection.

The pages are invented threads written by ``tests/data/vbulletin/make_pages.py`` in each
generation's real markup; ``tests/data/vbulletin/expected.json`` is their truth.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import EpubCheck

from exporter.errors import NoThreadFound
from exporter.load import page_from_text, read_input
from exporter.model import Thread
from exporter.sites import all_sites, detect
from exporter.sites.vbulletin import SITE
from exporter.sites.vbulletin.page import NO_ZONE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "vbulletin"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
HOST = "www.oarlocks.example"
# What vBulletin prints around a post and must never reach a body.
CHROME = re.compile(
    r"Reply With Quote|Originally Posted by|View Post|Report Post|Join Date|member\.php|"
    r"__________________|is offline|Posts:",
    re.IGNORECASE,
)


def parse(name: str) -> Thread:
    return SITE.parse(read_input(str(DATA / name)))


def plain(body_html: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body_html)).split())


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> tuple[str, Thread]:
    return request.param, parse(request.param)


def test_thread_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    truth = EXPECTED[name]
    assert (thread.site, thread.site_name) == ("vbulletin", HOST)
    assert thread.title == truth["title"]
    assert thread.community == truth["forum"]
    assert (thread.page, thread.page_count) == (truth["page"], truth["page_count"])
    assert thread.thread_id == truth["thread_id"]
    assert thread.url is not None and thread.url.startswith(f"https://{HOST}/")
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
    for comment in thread.comments:
        assert (comment.depth, comment.parent_id, comment.children) == (0, None, [])


def test_post_facts(case: tuple[str, Thread]) -> None:
    name, thread = case
    posts = ([thread.post] if thread.post else []) + thread.comments
    for post, truth in zip(posts, EXPECTED[name]["posts"], strict=True):
        assert post.author == truth["author"]
        assert post.author_id == truth["author_id"]
        assert post.number == truth["number"]
        created = truth["created"]
        assert post.created == (datetime.fromisoformat(created) if created else None)
        assert post.created_text == truth["created_text"]
        assert post.subject == truth["subject"]
        assert (post.reply_to, post.reply_to_author) == (
            truth["reply_to"], truth["reply_to_author"],
        )  # fmt: skip
        assert post.permalink is not None and post.permalink.startswith(f"https://{HOST}/")


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
        for words in truth["absent"]:  # signatures, "Originally Posted by", "Code:"
            assert words not in text, (post.id, words)
        assert not CHROME.search(post.body_html), (post.id, post.body_html)
        assert "<img" not in post.body_html  # smilies became their text, icons went


def test_quotes_become_headed_blockquotes_in_every_generation() -> None:
    vb3 = parse("thread_vb3.html").comments[1]
    assert vb3.body_html.startswith(
        "<blockquote><p><strong>rigger_jo wrote:</strong></p>Strip the canvas first"
    )
    vb4 = parse("thread_vb4_page2.html").comments[1]
    assert vb4.body_html.startswith(
        "<blockquote><p><strong>Petra Sand wrote:</strong></p>Three steady pieces"
    )
    vb5 = parse("thread_vb5.html").comments[1]
    assert vb5.body_html.startswith(
        "<blockquote><p><strong>Calloway wrote:</strong></p>You will swim less and row more."
        "</blockquote>"
    )


def test_code_boxes_keep_their_lines() -> None:
    vb3 = parse("thread_vb3.html").comments[0]
    assert "<pre><code>1. canvas off\n2. dry two weeks</code></pre>" in vb3.body_html
    vb4 = parse("thread_vb4_page2.html").comments[2]
    assert "<pre><code>4 x 10 min @ r20\n2 min rest</code></pre>" in vb4.body_html


def test_relative_times_stay_as_written() -> None:
    thread = parse("thread_vb3.html")
    today = thread.comments[-1]
    assert (today.created, today.created_text) == (None, "Today, 09:12 AM")


def test_text_times_without_a_stated_zone_are_kept_as_written() -> None:
    text = (DATA / "thread_vb4_page2.html").read_text(encoding="utf-8")
    text = text.replace("All times are GMT +1. ", "")
    thread = SITE.parse(page_from_text(text, "no-zone.html"))
    first = thread.comments[0]
    assert (first.created, first.created_text) == (None, "11-02-2023, 08:30 PM")
    assert thread.warnings == [NO_ZONE]


def test_the_first_quote_is_what_the_post_answers() -> None:
    text = (DATA / "thread_vb4_page2.html").read_text(encoding="utf-8")
    quote = text[text.index('<div class="bbcode_container">') :]
    quote = quote[: quote.index("</div>\n</div>") + len("</div>\n</div>")]
    second = quote.replace("Petra Sand", "Someone Else").replace("990110", "990099")
    text = text.replace(quote, quote + "Between." + second, 1)
    comment = SITE.parse(page_from_text(text, "two-quotes.html")).comments[1]
    assert (comment.reply_to, comment.reply_to_author) == ("990110", "Petra Sand")
    assert plain(comment.body_html).count(" wrote:") == 2


def test_a_forum_index_says_what_to_save() -> None:
    page = read_input(str(DATA / "forum_index.html"))
    assert detect(page) is SITE
    with pytest.raises(NoThreadFound) as error:
        SITE.parse(page)
    message = str(error.value)
    assert "forum_index.html" in message and "open a thread" in message and "\n" not in message


def test_detection_claims_vbulletin_and_nothing_else() -> None:
    ours = [*sorted(DATA.glob("*.html")), ROOT / "samples" / "vbulletin-thread.html"]
    for path in ours:
        page = read_input(str(path))
        assert SITE.score(page) >= (0.5 if path.name == "forum_index.html" else 1.0)
        for other in all_sites():
            if other.key != SITE.key and not other.fallback:
                assert other.score(page) < 0.3, (other.key, path.name)
    theirs = [
        *sorted((ROOT / "tests" / "data" / "phpbb").glob("*.html")),
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
    mention = "<html><body><p>My old board ran vBulletin; see showthread.php?t=5</p></body></html>"
    assert SITE.score(page_from_text(mention)) == 0.0


def test_the_sample_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    from exporter import write_epub

    thread = SITE.parse(read_input(str(ROOT / "samples" / "vbulletin-thread.html")))
    out = tmp_path / "vbulletin.epub"
    write_epub(thread, out)
    epubcheck(out)
