"""The page as one lxml tree, for the nesting check and for the parsers.

Why these tests: the nesting limit is decided on an lxml tree (one XPath), not by a
separate tokenizer pass; it must agree with the exact count (``limits.html_depth``) on both
sides of the limit, including past libxml2's 2,048 levels, where the tree is built whole.
"""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from exporter.clean import strip_xml_illegal
from exporter.limits import html_depth
from exporter.load import SavedPage
from exporter.page_tree import (
    LIBXML2_DEPTH,
    _xml_legal,
    document,
    nests_deeper,
    page_tree,
    reaches,
    take_body,
)

PAGES = {
    "flat": "<html><body><p>a</p><p>b</p></body></html>",
    "lists": "<ul><li>a<li>b<ul><li>c</ul></ul>",
    "unclosed-p": "<p>a<p>b<p>c",
    "divs-40": "<html><body>" + "<div>" * 40 + "x" + "</div>" * 40 + "</body></html>",
    "divs-2100": "<html><body>" + "<div>" * 2100 + "x" + "</div>" * 2100 + "</body></html>",
    "odd-attributes": '<html xml:lang="en"><body><div @click="x" :class="y"><p>z</p></div>',
}


def _page(text: str) -> SavedPage:
    return SavedPage(text=text, is_html=True, source="t.html")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_check_agrees_with_the_exact_depth(name: str) -> None:
    text = PAGES[name]
    depth = html_depth(text, 10**6)
    for limit in (depth - 1, depth, depth + 1):
        assert nests_deeper(_page(text), limit) == (depth > limit), limit


def test_past_libxml2s_depth_the_tree_is_whole() -> None:
    text = PAGES["divs-2100"]
    assert not nests_deeper(_page(text), 5_000)
    root = document(text)
    assert reaches(root, 2_102) and not reaches(root, 2_103)
    assert root.xpath("string(//div[not(div)])") == "x"
    assert html_depth(text, 10**6) > LIBXML2_DEPTH  # the case this test is about


def test_a_deep_pyramid_is_refused_without_building_it_whole() -> None:
    page = _page("<div>" * 100_000 + "x")
    assert nests_deeper(page, 2_000)
    assert page.tree_cut  # libxml2's cut tree told, and nothing was read again


def test_the_parser_walks_the_tree_the_check_measured() -> None:
    page = _page(PAGES["lists"])
    assert not nests_deeper(page, 100)
    checked = page.tree
    assert checked is not None and page_tree(page) is checked
    page.release_trees()
    assert page.tree is None and page_tree(page) is not checked


def test_a_cut_tree_is_read_again_whole_for_a_parser() -> None:
    page = _page(PAGES["divs-2100"])
    assert nests_deeper(page, 2_000) and page.tree_cut
    root = page_tree(page)
    assert not page.tree_cut and reaches(root, 2_102)


def _inside(body: etree._Element) -> str:
    """A body taken from the page, as markup: a ``<div>`` of its own, with nothing around it."""
    assert body.getparent() is None and body.tag == "div" and not body.attrib
    markup = etree.tostring(body, encoding="unicode", method="html", with_tail=False)
    return markup.removeprefix("<div>").removesuffix("</div>")


def test_fragments_keep_pre_and_squeeze_blank_runs_elsewhere() -> None:
    container = lxml_html.fragment_fromstring(
        "<div><p>a</p>\n\n  <p>b</p>  <pre>x\n\n  y</pre>\n\n<ul>\n\n<li>c</li></ul></div>"
    )
    assert _inside(take_body(container)) == (
        "<p>a</p>\n<p>b</p> <pre>x\n\n  y</pre>\n<ul>\n<li>c</li></ul>"
    )


def test_fragments_squeeze_only_outside_pre_within_the_container() -> None:
    root = document(
        "<html><body><pre><div id='c'>\t<p>a</p><!-- c -->\n \n<b>b</b> \t <textarea>\n\n"
        "</textarea>\r\n\r\n<pre> <i> </i> </pre></div></pre></body></html>"
    )
    container = root.find(".//div")
    assert container is not None
    # The <pre> around the container does not count: only those inside it keep their runs.
    assert _inside(take_body(container)) == (
        " <p>a</p><!-- c -->\n<b>b</b> <textarea>\n\n</textarea>\n<pre> <i> </i> </pre>"
    )


def _every_character() -> list[str]:
    return [
        chr(code)
        for code in [*range(0x3000), *range(0xD700, 0xE100), *range(0xFFF0, 0x10100), 0x10FFFF]
    ]


def test_the_page_loses_exactly_the_characters_xml_forbids() -> None:
    """The cheap test before the regex (``_xml_legal``) misses none: every character alone,
    and beside others, comes out as ``strip_xml_illegal`` makes it."""
    for char in _every_character():
        text = f"a{char}b"
        assert _xml_legal(text) == strip_xml_illegal(text), hex(ord(char))
    legal = "x é \u20ac \U0001f600 \ufffd \t\n\r"
    assert _xml_legal(legal) is legal


_FORBIDDEN_REFERENCES = [
    *(f"&#{code};" for code in [1, 8, 11, 12, 14, 31, 127, 129, 141, 143, 144, 157, 65534]),
    *(f"&#x{code:x};" for code in [1, 0x1F, 0x7F, 0x8D, 0x9D, 0xFFFF]),
    "&#X0B;",
    "&#0001;",
    "&#2",  # no semicolon: libxml2 takes it all the same
    "&#x1g",
]


@pytest.mark.parametrize("reference", _FORBIDDEN_REFERENCES)
def test_a_reference_to_a_forbidden_character_becomes_a_replacement_mark(reference: str) -> None:
    """libxml2 would decode it into the tree, where lxml then refuses any edit moving that text
    (a Hacker News comment holding ``&#1;`` beside an empty ``<i>`` stopped the conversion)."""
    root = document(f'<html><body><p title="{reference}">a{reference}b<i></i></p></body></html>')
    paragraph = root.find("body/p")
    assert paragraph is not None
    assert paragraph.text is not None and "\ufffd" in paragraph.text
    assert paragraph.get("title") is not None and "\ufffd" in paragraph.get("title", "")
    assert not any(strip_xml_illegal(s) != s for s in (paragraph.text, paragraph.get("title", "")))


@pytest.mark.parametrize(
    "reference", ["&#9;", "&#10;", "&#13;", "&#x27;", "&#128;", "&#x9F;", "&#111", "&#x1ff"]
)
def test_other_references_are_left_to_the_parser(reference: str) -> None:
    paragraph = document(f"<p>a{reference}b</p>").find("body/p")
    assert paragraph is not None and "\ufffd" not in (paragraph.text or "")


@pytest.mark.parametrize("late", ["&#1;", "\x01", "\x85", "\uffff", "\ud800"])
def test_the_check_reads_the_whole_of_a_big_page(late: str) -> None:
    """The check reads a page a megabyte at a time: what needs cleaning far into a page (a
    forbidden character or a reference to one) is found in every piece."""
    filler = "<p>" + "é" * 100 + "</p>\n"
    text = filler * 30_000 + f"<p>a{late}b</p>"  # about 3 MB
    cleaned = _xml_legal(text)
    assert cleaned.endswith("<p>a\ufffdb</p>") or cleaned.endswith("<p>ab</p>")
    assert cleaned.startswith(filler) and len(cleaned) >= len(text) - len(late)
