"""What XHTML allows where, for a sanitised body.

An allow-list keeps elements but not their places: ``<li>`` outside a list, ``<p>`` in ``<b>``,
``<ul>`` holding text, a link inside a link (a linked image becomes one). The browser shows such
markup; EPUBCheck rejects the whole book. These rules move or rename elements so that the
fragment is valid wherever a ``<div>`` may stand, and keep every word. ``exporter.clean`` runs
them last, on the tree of each sanitised body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from .tree_edits import strip_elements

# Elements that hold phrasing content only ("<a>", "<del>" and "<ins>" take their parent's model).
_PHRASING_ONLY = frozenset(
    {
        "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "u", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TRANSPARENT = frozenset({"a", "del", "ins"})
_INLINE = (_PHRASING_ONLY - _HEADINGS - {"p", "pre"}) | {"br", "img"}
_TABLE_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
# Elements that are only valid inside a given parent; elsewhere they become a plain "<div>".
_PARENTS = {
    "li": {"ul", "ol"},
    "dt": {"dl"},
    "dd": {"dl"},
    "thead": {"table"},
    "tbody": {"table"},
    "tfoot": {"table"},
    "caption": {"table"},
    "tr": {"table", "thead", "tbody", "tfoot"},
    "td": {"tr"},
    "th": {"tr"},
    "figcaption": {"figure"},
}


# What the rules act on. A phrasing-only element is renamed exactly when it holds, at any
# depth, an element that is neither inline nor transparent (see _blocks_out_of_phrasing); the
# top-down rules act on lists, list and table parts, captions and links in links (a heading
# is only moved out of a <dt> or <th>, which are in the list).
_PHRASING_OR_TRANSPARENT = _INLINE | _TRANSPARENT
_STRUCTURE_TAGS = frozenset({"ul", "ol", "dl", "table", "caption", *_PARENTS})


def _phrasing_holds_block(root: etree._Element) -> bool:
    """Whether the bottom-up rule has work: a block (neither inline nor transparent) somewhere
    inside a phrasing-only element. Only a guard: the rule itself is exact."""
    for el in root.iterdescendants():
        if el.tag in _PHRASING_OR_TRANSPARENT:
            continue
        parent = el.getparent()
        while parent is not None and parent is not root:
            if parent.tag in _PHRASING_ONLY:
                return True
            parent = parent.getparent()
    return False


def _has_structure(root: etree._Element, tags: Mapping[str, int]) -> bool:
    """Whether the top-down rules may have work; ``tags`` counts the sanitised body's elements
    by tag, before the cleaning renamed some (only ever to ``div``, ``p`` or a heading)."""
    if not _STRUCTURE_TAGS.isdisjoint(tags):
        return True
    return tags.get("a", 0) > 1 and any(
        any(up.tag == "a" for up in a.iterancestors()) for a in root.iter("a")
    )


def fix_content_model(root: etree._Element, tags: Mapping[str, int]) -> None:
    """Make the fragment valid XHTML content: blocks out of inline elements first (bottom-up),
    then links out of links, then, top-down so that each parent is settled before its
    children, lists holding only items, and list parts, table parts and captions that are
    out of place turned into plain blocks. Most bodies need none of it: one search for what
    the rules act on decides."""
    if _phrasing_holds_block(root):
        _close_paragraphs(root)
        _blocks_out_of_phrasing(root)
    if not _has_structure(root, tags):
        return
    # A link in a link: the outer one wins, the words stay (all at once: a hostile body can
    # hold thousands side by side, and one at a time costs their square).
    inner = {a: True for a in root.iter("a") if any(up.tag == "a" for up in a.iterancestors())}
    if inner:
        strip_elements(inner)
    last_captions: dict[etree._Element, etree._Element] = {}
    for el in list(root.iter()):
        if el is root or not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        tag = el.tag
        if tag in {"ul", "ol"}:
            _wrap_in_items(el)
        elif tag in _HEADINGS and any(a.tag in {"dt", "th"} for a in el.iterancestors()):
            el.tag = "p"
        elif _misplaced(el, parent, last_captions):
            el.tag = "div"
        if el.tag == "div":
            for name in ("start", "colspan", "rowspan"):
                if name in el.attrib:
                    del el.attrib[name]


def _misplaced(
    el: etree._Element, parent: etree._Element, last_captions: dict[etree._Element, etree._Element]
) -> bool:
    """An element outside the only parent it may have, or in the wrong place in it; a list of
    definitions or a table whose own structure is broken."""
    tag = el.tag
    if tag in _PARENTS and parent.tag not in _PARENTS[tag]:
        return True
    if tag == "caption":
        return next(iter(parent), None) is not el
    if tag == "figcaption":
        return not _sole_caption(el, parent, last_captions)
    if tag == "dl":
        return not _valid_dl(el)
    if tag == "table":
        return not _valid_table(el)
    return False


def _close_paragraphs(root: etree._Element) -> None:
    """A block directly in a ``<p>`` ends the paragraph, as it does in a browser (HTML's parser
    closes an open ``<p>`` at a block's start tag; libxml2's knows only HTML 4's blocks, so a
    ``<details>`` or ``<figure>`` stays inside): the block moves out after the paragraph, and
    what follows it in the paragraph becomes a paragraph of its own."""
    for para in [p for p in root.iter("p") if any(_is_block(child) for child in p)]:
        parent = para.getparent()
        if parent is None:  # the root itself (a tree of its own): there is no outside
            continue
        tail, para.tail = para.tail, None
        placed = [para]
        current = para
        for child in list(para):
            if _is_block(child):
                after, child.tail = child.tail, None
                placed[-1].addnext(child)
                current = etree.Element("p", {str(k): str(v) for k, v in para.attrib.items()})
                current.text = after
                child.addnext(current)
                placed += [child, current]
            elif current is not para:
                current.append(child)
        for piece in (para, current):
            if not len(piece) and _blank(piece.text):
                parent.remove(piece)
                placed.remove(piece)
        placed[-1].tail = tail


def _is_block(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and el.tag not in _PHRASING_OR_TRANSPARENT


def _blocks_out_of_phrasing(root: etree._Element) -> None:
    """An element that may hold only phrasing content but holds a block (``<b><p>``,
    ``<span><div>``, ``<pre><div>``) becomes a ``<div>`` itself; bottom-up, so that the change
    travels up through ``<a>`` and any other inline ancestors."""
    blocks: set[etree._Element] = set()
    for el in reversed(list(root.iter())):
        if not isinstance(el.tag, str):
            continue
        holds_block = any(child in blocks for child in el)
        if el.tag in _PHRASING_ONLY and holds_block:
            el.tag = "div"
        if holds_block if el.tag in _TRANSPARENT else el.tag not in _INLINE:
            blocks.add(el)


def _sole_caption(
    el: etree._Element, parent: etree._Element, last_captions: dict[etree._Element, etree._Element]
) -> bool:
    """Whether the ``<figcaption>`` stays: a figure holds one, first or last. The figure's
    captions are judged in order, and each one but the last becomes a ``<div>`` first, so only
    the last can stay (``last_captions`` remembers it: asking the figure again for each of
    10,000 captions would cost their square)."""
    if parent not in last_captions:
        last_captions[parent] = [k for k in parent if k.tag == "figcaption"][-1]
    return last_captions[parent] is el and (el.getprevious() is None or el.getnext() is None)


def _blank(text: str | None) -> bool:
    """Nothing but XML's whitespace (a no-break space is text to a validator)."""
    return not (text or "").strip(" \t\r\n")


def _only_elements(el: etree._Element) -> bool:
    """No text directly in ``el`` (whitespace aside): lists, tables and rows hold elements."""
    return _blank(el.text) and all(_blank(k.tail) for k in el)


def _wrap_in_items(lst: etree._Element) -> None:
    """Whatever sits in a list outside an ``<li>`` (text, a ``<br>``, a nested list) joins the
    item before it, or a new item when there is none."""
    item: etree._Element | None = None
    if not _blank(lst.text):
        item = etree.Element("li")
        item.text, lst.text = lst.text, None
        lst.insert(0, item)
    for child in list(lst):
        if child is item:
            continue
        if child.tag == "li":
            item = child
            if not _blank(child.tail):
                _append_text(child, child.tail or "")
                child.tail = None
            continue
        if item is None:
            item = etree.Element("li")
            child.addprevious(item)
        item.append(child)


def _append_text(el: etree._Element, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _valid_dl(dl: etree._Element) -> bool:
    """Groups of one or more ``<dt>`` followed by one or more ``<dd>``, nothing else."""
    tags = "".join({"dt": "t", "dd": "d"}.get(str(k.tag), "x") for k in dl)
    return _only_elements(dl) and re.fullmatch(r"(t+d+)*", tags) is not None


def _valid_table(table: etree._Element) -> bool:
    """caption?, thead?, (tbody* | tr*), tfoot?, with rows of cells, and no table in a caption."""
    if any(a.tag == "caption" for a in table.iterancestors()):
        return False
    codes = {"caption": "c", "thead": "h", "tbody": "b", "tfoot": "f", "tr": "r"}
    tags = "".join(codes.get(str(k.tag), "x") for k in table)
    if not _only_elements(table) or re.fullmatch(r"c?h?(b*|r*)f?", tags) is None:
        return False
    rows = [k for k in table if k.tag == "tr"]
    for section in (k for k in table if k.tag in _TABLE_SECTIONS):
        if not _only_elements(section) or any(r.tag != "tr" for r in section):
            return False
        rows.extend(section)
    return all(_only_elements(r) and all(c.tag in {"td", "th"} for c in r) for r in rows)
