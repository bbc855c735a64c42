"""A page read as a stream (``exporter.page_stream``): what a streaming site parser relies on.

Why these tests: the stream replaces the whole-page tree for the biggest pages, so it must
build the same tree (what a site reads cannot depend on how the page was read), hand over
every unit in order, and keep the nesting limit as strict as the check made before parsing.
"""

from __future__ import annotations

import pytest
from lxml import etree

import exporter.page_tree
from exporter.errors import LimitError, NoThreadFound
from exporter.load import SavedPage
from exporter.page_stream import CHUNK, reaches_below, release, stream
from exporter.page_tree import Element, document, page_tree
from exporter.sites import parse_page


def _page(text: str, limit: int = 2_000) -> SavedPage:
    page = SavedPage(text=text, is_html=True, source="t.html")
    page.nesting_limit = limit
    return page


def _is_note(el: Element) -> bool:
    return el.get("class") == "note"


def _notes(count: int, body: str) -> str:
    rows = "".join(f'<div class="note" id="n{i}"><p>{body} {i}</p></div>\n' for i in range(count))
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{rows}<p>end</p></body></html>"


def test_the_tree_is_the_one_the_whole_parse_builds() -> None:
    """Many chunks, a character of every UTF-8 length across their edges: the same tree."""
    text = _notes(5_000, "naïve — 日本 😀 &amp; <b>bold</b>")
    assert len(text) > 3 * CHUNK
    page = _page(text)
    seen = [el.get("id") for el in stream(page, ("div",), _is_note)]
    assert seen == [f"n{i}" for i in range(5_000)]
    assert page.tree is not None
    assert etree.tostring(page.tree) == etree.tostring(document(text))


def test_released_units_leave_only_their_tails() -> None:
    page = _page(_notes(3, "x"))
    for el in stream(page, ("div",), _is_note):
        assert el.findtext("p") == f"x {el.get('id', '')[1:]}"  # read while still whole
        release(el)
    body = page_tree(page).find("body")
    assert body is not None
    notes = body.findall("div")
    assert len(notes) == 3 and all(len(n) == 0 and not n.attrib and n.tail for n in notes)
    assert body.findtext("p") == "end"


def test_a_unit_comes_after_the_units_inside_it() -> None:
    page = _page('<div class="note" id="a"><div class="note" id="b"></div></div>')
    assert [el.get("id") for el in stream(page, ("div",), _is_note)] == ["b", "a"]


def test_a_unit_nested_past_the_limit_is_refused_before_it_is_handed_over() -> None:
    deep = '<div class="note">' + "<b>" * 30 + "x" + "</b>" * 30 + "</div>"
    page = _page(f"<html><body>{deep}</body></html>", limit=20)
    with pytest.raises(LimitError, match=r"^t\.html: its HTML nests more than 20 elements"):
        for _ in stream(page, ("div",), _is_note):
            pytest.fail("a unit too deep was handed over")
    assert page.tree is None


def test_a_wide_unit_within_the_limit_passes() -> None:
    """More elements than the levels left, yet shallow: measured, and let through."""
    wide = '<div class="note">' + "<b>x</b>" * 500 + "</div>"
    page = _page(f"<html><body>{wide}</body></html>", limit=20)
    assert len(list(stream(page, ("div",), _is_note))) == 1


def test_the_page_around_the_units_is_measured_too() -> None:
    page = _page("<html><body>" + "<span>" * 40 + "</body></html>", limit=20)
    with pytest.raises(LimitError):
        list(stream(page, ("div",), _is_note))


def test_a_pyramid_past_libxml2s_depth_is_refused() -> None:
    page = _page("<div>" * 100_000 + "x")
    with pytest.raises(LimitError):
        list(stream(page, ("div",), _is_note))


def test_under_a_raised_limit_a_page_deeper_than_libxml2_builds_streams_whole() -> None:
    levels = 3_000
    chain = '<div class="note">' * levels + "x" + "</div>" * levels
    page = _page(f"<html><body>{chain}</body></html>", limit=10_000)
    count = 0
    for el in stream(page, ("div",), _is_note):
        count += 1
        release(el)
    assert count == levels
    with pytest.raises(LimitError):
        list(stream(_page(f"<html><body>{chain}</body></html>", limit=2_500), ("div",), _is_note))


@pytest.mark.parametrize(("levels", "expected"), [(0, True), (2, True), (3, False)])
def test_reaches_below_counts_levels_under_the_element(levels: int, expected: bool) -> None:
    root = document("<div><p><b>x</b></p></div>")
    div = root.find("body/div")
    assert div is not None
    assert reaches_below(div, levels) is expected


def test_the_registry_leaves_the_check_to_a_streaming_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A streaming parser's page is never parsed whole for the nesting check (that tree is
    what streaming saves); every other HTML page still is, before its parser runs."""
    measured: list[str] = []

    def measuring(page: SavedPage, limit: int) -> bool:
        measured.append(page.source)
        return False

    monkeypatch.setattr(exporter.page_tree, "nests_deeper", measuring)
    hn_row = (
        '<tr class="athing comtr" id="1"><td><table><tr><td class="ind" indent="0"></td>'
        '<td class="default"><span class="comhead"><a href="user?id=ann" class="hnuser">ann'
        '</a></span><div class="comment"><div class="commtext c00">Hi.</div></div></td></tr>'
        "</table></td></tr>"
    )
    hn = SavedPage(
        text=f'<html><body><table class="comment-tree">{hn_row}</table></body></html>',
        is_html=True,
        source="hn.html",
    )
    assert parse_page(hn).comment_count() == 1
    assert measured == []
    other = SavedPage(text="<html><body><p>no thread</p></body></html>", is_html=True, source="o")
    with pytest.raises(NoThreadFound):
        parse_page(other)
    assert measured == ["o"]


def test_a_skipped_part_is_never_parsed_and_the_rest_is() -> None:
    big = "x" * (3 * CHUNK)
    text = (
        f"<html><head><script>var a = 1; window.isoData = {{{big}}};</script></head>"
        f"<body>{_notes(3, 'kept')}</body></html>"
    )
    page = _page(text)
    seen = [el.get("id") for el in stream(page, ("div",), _is_note, skip=(b"window.", b"</s"))]
    assert seen == ["n0", "n1", "n2"]
    assert page.tree is not None
    assert page.tree.findtext("head/script") == "var a = 1; "


def test_the_page_streams_from_its_utf8_and_its_text_stays_readable() -> None:
    """The stream lets the page's str go (up to four bytes a character) and reads its UTF-8;
    ``text`` is then decoded again, the same text."""
    text = _notes(3, "caf\u00e9 \U0001f600")
    page = _page(text)
    list(stream(page, ("div",), _is_note))
    assert page._text is None and page._utf8 == text.encode()
    assert page.text == text
    page.text = "new"
    assert page.text == "new"
    assert page._utf8 is None
