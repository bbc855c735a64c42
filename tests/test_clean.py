"""The sanitiser: what survives into the book is safe, well-formed XHTML."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter import clean
from exporter.clean import clean_html, markdown_to_html, strip_xml_illegal, text_to_html
from exporter.tree_edits import drop_tree, strip_elements

BASE = "https://lemmy.example/post/1"


def _well_formed(fragment: str) -> etree._Element:
    return etree.fromstring(f"<div xmlns='http://www.w3.org/1999/xhtml'>{fragment}</div>")


def test_scripts_handlers_and_styles_are_removed() -> None:
    dirty = (
        '<p onclick="steal()" style="color:red">hi<script>alert(1)</script>'
        '<iframe src="https://evil.example"></iframe><form><input></form></p>'
    )
    out = clean_html(dirty, BASE)
    assert out == "<p>hi</p>"


def test_dangerous_links_keep_only_their_text() -> None:
    out = clean_html(
        '<a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a> <a href="#top">c</a>',
        BASE,
    )
    assert "href" not in out
    assert out == "a b c"


def test_relative_links_are_resolved_against_the_page() -> None:
    out = clean_html('<a href="/u/alice">alice</a>', BASE)
    assert out == '<a href="https://lemmy.example/u/alice">alice</a>'


def test_images_keep_a_reference_the_image_stage_can_look_up() -> None:
    """A picture stays an <img> whose src the image stage looks up in the saved page (or makes
    a link of: nothing is fetched unless asked); see test_images.py."""
    out = clean_html('<p><img src="/pictrs/image/cat.png" alt="a cat"/></p>', BASE)
    assert out == '<p><img src="https://lemmy.example/pictrs/image/cat.png" alt="a cat"/></p>'
    inline = '<img src="data:image/png;base64,AAAA" alt=""/>'
    assert clean_html('<img src="data:image/png;base64,AAAA">', BASE) == inline
    assert "<img" not in clean_html('<img src="data:text/html;base64,AAAA">', BASE)


def test_spoilers_become_visible_labelled_blocks() -> None:
    out = clean_html("<details><summary>Plot</summary><p>He lives.</p></details>", BASE)
    assert out == '<div class="spoiler"><p class="spoiler-label">Plot</p><p>He lives.</p></div>'


def test_body_headings_sit_below_the_book_headings() -> None:
    assert clean_html("<h1>Big</h1><h5>small</h5>") == "<h4>Big</h4><h6>small</h6>"


def test_output_is_xml_even_from_sloppy_html() -> None:
    out = clean_html("<p>a<br>b<p>c &nbsp; <b>bold<i>both</b> ok", BASE)
    _well_formed(out)
    assert "<br/>" in out


def test_a_block_ends_the_paragraph_it_is_in() -> None:
    """libxml2's HTML 4 parser leaves a ``<details>`` or ``<figure>`` inside an open ``<p>``; a
    browser closes the paragraph there, and so does the cleaning (the words after the block
    make a paragraph of their own), rather than turning the paragraph into a ``<div>``."""
    out = clean_html('<p dir="rtl">a <i>b</i><details><summary>s</summary>x</details>c<p>d')
    assert out == (
        '<p dir="rtl">a <i>b</i></p><div class="spoiler"><p class="spoiler-label">s</p>x</div>'
        '<p dir="rtl">c</p><p>d</p>'
    )
    assert clean_html("<p><figure>f</figure></p>after") == "<figure>f</figure>after"


def test_a_tree_is_cleaned_in_place_as_its_markup_would_be() -> None:
    """``clean_tree`` is ``clean_html`` for a body already parsed (a streamed page's): the
    same allow-list, on the tree, with the holder's own tag and attributes left out."""
    markup = (
        '<p onclick="x()" dir=" ltr ">hi<!-- note --><script>alert(1)</script><?pi x?>'
        '<blink lang="en-GB">there</blink> <a href="/u/a" style="color:red">a</a></p>'
        '<table><tr><td colspan="0">c</td><td colspan="2">d</td></tr></table>'
    )
    holder = etree.fromstring(
        f"<html><body><section class='body' id='c1'>{markup}</section></body></html>",
        etree.HTMLParser(),
    )[0][0]
    body = holder.getparent()
    assert body is not None
    body.remove(holder)
    expected = clean_html(markup, BASE)
    assert expected == (
        '<p dir="ltr">hithere <a href="https://lemmy.example/u/a">a</a></p>'
        '<table><tr><td>c</td><td colspan="2">d</td></tr></table>'
    )
    assert clean.clean_tree(holder, BASE) == expected


def test_text_to_html_escapes_and_keeps_paragraphs() -> None:
    out = text_to_html("first <b>line</b>\nsecond\n\n\n  third & last\x07")
    assert out == "<p>first &lt;b&gt;line&lt;/b&gt;<br/>second</p>\n<p>third &amp; last</p>"


def test_markdown_bodies_render_like_lemmy() -> None:
    out = markdown_to_html("**bold** and [a link](/c/bikes)\n\n```\nx < y\n```\n\n~~gone~~", BASE)
    assert "<strong>bold</strong>" in out
    assert '<a href="https://lemmy.example/c/bikes">a link</a>' in out
    assert "<pre><code>x &lt; y\n</code></pre>" in out
    assert "<s>gone</s>" in out


def test_markdown_raw_html_is_not_trusted() -> None:
    out = markdown_to_html("<script>alert(1)</script> <img src=x onerror=alert(1)>")
    # Shown as the text the author typed, never as markup.
    assert out == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>"
    )


def test_xml_illegal_characters_are_stripped() -> None:
    assert strip_xml_illegal("a\x00b\x0bc\ud800d\ufffee\tf\n") == "abcde\tf\n"


def test_every_xml_illegal_character_is_unprintable() -> None:
    """What lets a printable string skip the search for characters to remove."""
    illegal = [chr(c) for c in range(0x110000) if clean._XML_ILLEGAL.fullmatch(chr(c))]
    assert len(illegal) > 2000
    assert not any(c.isprintable() for c in illegal)


_BASES = st.sampled_from(
    [None, BASE, "https://news.ycombinator.com/", "http://x.example/a/b?c#d", "mailto:a@b.example"]
)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(clean._PLAIN_WEB_URL, fullmatch=True), _BASES)
def test_an_ordinary_web_address_is_a_safe_link_as_it_is(url: str, base: str | None) -> None:
    """The addresses ``safe_link`` passes without splitting are the ones splitting leaves alone
    (or refuses alike: a port past 65535, a host ending in a number that is no IPv4 address)."""
    plain = clean._PLAIN_WEB_URL.fullmatch(url)
    assert plain is not None
    expected = url if clean._valid_authority(plain["host"], plain["port"]) else None
    assert clean._resolve_link(url, base) == expected
    assert clean.safe_link(url, base) == expected


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org:8080/a", True),
        ("https://example.org:/a", True),
        ("https://example.org:65536/a", False),
        ("https://example.org:99999/a", False),
        ("https://example.org:8o/a", False),
        ("https://[::1]:99999/", False),
        ("http://1.2.3.4/", True),
        ("http://1.2.3.4./", True),
        ("http://127.1/", True),
        ("http://0x7f.0.0.1/", True),
        ("http://4294967295/", True),
        ("http://1.2.3.999/", False),
        ("http://1.2.3.4.5/", False),
        ("http://4294967296/", False),
        ("http://09/", False),
        ("http://example.1/", False),
        ("http://example.0x1g/", True),
    ],
)
def test_links_a_reader_cannot_parse_are_dropped(url: str, kept: bool) -> None:
    """EPUBCheck reads links by WHATWG's URL rules, and refuses the book over one it cannot
    parse: a port past 65535, a host that ends in a number but is no IPv4 address."""
    assert clean.safe_link(url) == (url if kept else None)
    assert clean_html(f'<a href="{url}">x</a>') == (f'<a href="{url}">x</a>' if kept else "x")


def test_no_link_is_resolved_against_a_base_that_cannot_be_split() -> None:
    assert clean.safe_link("https://example.org/a", "http://[x") is None


def test_a_body_nested_too_deep_keeps_its_words_at_the_deepest_level_allowed() -> None:
    for levels in (clean.MAX_DEPTH, clean.MAX_DEPTH + 1, 3 * clean.MAX_DEPTH):
        root = _well_formed(clean_html("<b>" * levels + "deep" + "</b>" * levels))
        depth = max(len(list(el.iterancestors())) for el in root.iter())
        assert depth == min(levels, clean.MAX_DEPTH)
        assert "".join(map(str, root.itertext())) == "deep"


def test_bodies_cleaned_in_threads_at_once_come_out_as_alone() -> None:
    """Every body is parsed by one shared parser."""
    bodies = [f'<p>{n} <a href="/{n}">link</a><b><p>{n}</p></b></p>' * (n % 7) for n in range(300)]
    alone = [clean_html(body, BASE) for body in bodies]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda body: clean_html(body, BASE), bodies)) == alone


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list("<>&\"'/=")), max_size=300)
)
def test_any_input_gives_well_formed_safe_xhtml(raw: str) -> None:
    out = clean_html(raw, BASE)
    root = _well_formed(out)
    for element in root.iter():
        assert not isinstance(element.tag, str) or not element.tag.endswith(
            ("script", "style", "iframe", "object")
        )
        for name, value in element.attrib.items():
            assert not str(name).lower().startswith("on")
            picture = element.tag == "img" and str(value).startswith("data:image/")
            assert picture or not str(value).strip().lower().startswith(("javascript:", "data:"))


_TAGS = st.sampled_from(["p", "b", "i", "a", "script", "img", "div", "ul", "li", "svg", "table"])
_ATTRS = st.sampled_from(
    [
        "",
        ' href="javascript:alert(1)"',
        ' onerror="x()"',
        ' src="/x.png"',
        ' style="background:url(javascript:x)"',
        ' href=" jav&#x09;ascript:x"',
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TAGS, _ATTRS, st.text(max_size=10)), max_size=15))
def test_tag_soup_never_smuggles_anything(parts: list[tuple[str, str, str]]) -> None:
    raw = "".join(f"<{tag}{attr}>{text}" for tag, attr, text in parts)
    out = clean_html(raw, BASE)
    root = _well_formed(out)
    for element in root.iter():
        assert str(element.tag).split("}")[-1] not in {"script", "svg", "style"}
        assert element.tag != "img" or set(element.attrib) <= {"src", "alt", "class"}
        assert not any(str(name).startswith(("on", "style")) for name in element.attrib)


def test_text_to_html_is_well_formed_for_any_text() -> None:
    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=200))
    def check(raw: str) -> None:
        _well_formed(text_to_html(raw))

    check()


def _drop_tag(el: etree._Element) -> None:
    """Remove ``el``'s tag, keeping its text, children and tail in place: one element at a
    time (``lxml.html``'s ``drop_tag``, for plain etree elements)."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if el.text:
        if previous is None:
            parent.text = (parent.text or "") + el.text
        else:
            previous.tail = (previous.tail or "") + el.text
    if el.tail:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + el.tail
        elif previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    index = parent.index(el)
    parent[index : index + 1] = list(el)


def _replace_with_text(el: etree._Element, text: str) -> None:
    """Remove ``el``, leaving ``text`` (and its tail) where it stood: one element at a time."""
    parent = el.getparent()
    assert parent is not None
    words = text + (el.tail or "")
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(el)


@st.composite
def _trees_and_fates(draw: st.DrawFn) -> tuple[str, list[bool | str | None]]:
    """Markup of a small random tree, and a fate for each of its elements in document order
    (None: kept; True: unwrapped; False: dropped with its content; a string: replaced)."""
    words = st.sampled_from(["", "a", " b ", "cc"])

    def element(depth: int) -> str:
        tag = draw(st.sampled_from(["b", "i", "span", "p"]))
        kids = draw(st.integers(0, 3 if depth < 4 else 0))
        inner = draw(words) + "".join(element(depth + 1) + draw(words) for _ in range(kids))
        return f"<{tag}>{inner}</{tag}>"

    markup = draw(words) + "".join(element(0) + draw(words) for _ in range(draw(st.integers(1, 4))))
    count = markup.count("</")
    fate = st.one_of(st.none(), st.booleans(), st.sampled_from(["", "z", "yy"]))
    return markup, draw(st.lists(fate, min_size=count, max_size=count))


@settings(max_examples=300, deadline=None)
@given(_trees_and_fates())
def test_removing_elements_at_once_is_removing_them_one_by_one(
    case: tuple[str, list[bool | str | None]],
) -> None:
    """``strip_elements`` (one pass, linear) gives the tree that ``_drop_tag``, ``drop_tree``
    and ``_replace_with_text`` give, applied one element at a time from the last."""
    markup, fates = case
    one, many = (etree.fromstring(f"<div>{markup}</div>") for _ in range(2))
    chosen: dict[etree._Element, bool | str] = {}
    steps: list[tuple[etree._Element, bool | str]] = []
    inside_dropped: set[etree._Element] = set()
    for fate, a, b in zip(fates, one.iterdescendants(), many.iterdescendants(), strict=True):
        if fate is None or a in inside_dropped:
            continue
        if fate is not True:
            inside_dropped.update(a.iterdescendants())
        chosen[b] = fate
        steps.append((a, fate))
    for el, fate in reversed(steps):
        if fate is True:
            _drop_tag(el)
        elif fate is False:
            drop_tree(el)
        else:
            _replace_with_text(el, fate)
    strip_elements(chosen)
    # Canonical XML: an empty text and no text are the same tree.
    assert etree.tostring(many, method="c14n") == etree.tostring(one, method="c14n")
