"""The page as one lxml tree, for the nesting check and for the parsers.

Why these tests: the nesting limit is decided on an lxml tree (one XPath), not by a
separate tokenizer pass; it must agree with the exact count (``limits.html_depth``) on both
sides of the limit, including past libxml2's 2,048 levels, where the tree is built whole.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from exporter.limits import html_depth
from exporter.page_tree import LIBXML2_DEPTH, document, fragment_html, nests_deeper, reaches

PAGES = {
    "flat": "<html><body><p>a</p><p>b</p></body></html>",
    "lists": "<ul><li>a<li>b<ul><li>c</ul></ul>",
    "unclosed-p": "<p>a<p>b<p>c",
    "divs-40": "<html><body>" + "<div>" * 40 + "x" + "</div>" * 40 + "</body></html>",
    "divs-2100": "<html><body>" + "<div>" * 2100 + "x" + "</div>" * 2100 + "</body></html>",
    "odd-attributes": '<html xml:lang="en"><body><div @click="x" :class="y"><p>z</p></div>',
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_check_agrees_with_the_exact_depth(name: str) -> None:
    text = PAGES[name]
    depth = html_depth(text, 10**6)
    for limit in (depth - 1, depth, depth + 1):
        assert nests_deeper(text, limit) == (depth > limit), limit


def test_past_libxml2s_depth_the_tree_is_whole() -> None:
    text = PAGES["divs-2100"]
    assert not nests_deeper(text, 5_000)
    root = document(text)
    assert reaches(root, 2_102) and not reaches(root, 2_103)
    assert root.xpath("string(//div[not(div)])") == "x"
    assert html_depth(text, 10**6) > LIBXML2_DEPTH  # the case this test is about


def test_a_deep_pyramid_is_refused_without_building_it_whole() -> None:
    text = "<div>" * 100_000 + "x"
    assert nests_deeper(text, 2_000)


def test_fragments_keep_pre_and_squeeze_blank_runs_elsewhere() -> None:
    container = lxml_html.fragment_fromstring(
        "<div><p>a</p>\n\n  <p>b</p>  <pre>x\n\n  y</pre>\n\n<ul>\n\n<li>c</li></ul></div>"
    )
    assert fragment_html(container) == (
        "<p>a</p>\n<p>b</p> <pre>x\n\n  y</pre>\n<ul>\n<li>c</li></ul>"
    )
