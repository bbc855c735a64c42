"""The page as one lxml tree, for the nesting check and for the parsers.

Why these tests: the nesting limit is decided on an lxml tree (one XPath), not by a
separate tokenizer pass; it must agree with the exact count (``limits.html_depth``) on both
sides of the limit, including past libxml2's 2,048 levels, where the tree is built whole.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from exporter.limits import html_depth
from exporter.load import SavedPage
from exporter.page_tree import (
    LIBXML2_DEPTH,
    document,
    fragment_html,
    nests_deeper,
    page_tree,
    reaches,
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


def test_fragments_keep_pre_and_squeeze_blank_runs_elsewhere() -> None:
    container = lxml_html.fragment_fromstring(
        "<div><p>a</p>\n\n  <p>b</p>  <pre>x\n\n  y</pre>\n\n<ul>\n\n<li>c</li></ul></div>"
    )
    assert fragment_html(container) == (
        "<p>a</p>\n<p>b</p> <pre>x\n\n  y</pre>\n<ul>\n<li>c</li></ul>"
    )
