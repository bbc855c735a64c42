"""Removing elements from an lxml tree while its words stay in place.

The cleaning, the sites and the image stage all take elements out of a body: a tag that is not
allowed loses its tag and keeps its words, a script goes with what it holds, a picture left
out gives way to its alt text. ``drop_tree`` takes out the odd element a site knows of; a
body's many go through ``strip_elements``, which costs one pass however many there are (a
hostile page can put 100,000 side by side).
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree


def drop_tree(el: etree._Element) -> None:
    """Remove ``el`` with its children and text; its tail joins the text before it
    (``lxml.html``'s ``drop_tree``, for plain etree elements)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def strip_elements(fates: Mapping[etree._Element, bool | str]) -> None:
    """Remove many elements at once, each keeping its words and children (``True``: it loses
    only its tag), or not (``False``, as ``drop_tree``), or giving way to words (a string:
    an image's alt text); every tail stays in place. ``fates`` lists the elements in document
    order, none of them inside one that goes with its content.

    Why not one element at a time: each removal finds the element among its siblings and
    moves the ones after it, and each text it moves is copied onto the text before, so a body
    of 100,000 elements to remove side by side (a hostile page) would cost 10^10 steps. Here
    each parent of an element removed gets its children and texts rebuilt once, the deepest
    parents first (so that an element unwrapped into its parent already holds what it keeps)."""
    parents: dict[etree._Element, None] = {}
    for el in fates:
        parent = el.getparent()
        if parent is not None:
            parents.setdefault(parent)
    for parent in reversed(parents):
        _rebuild(parent, fates)


def _rebuild(parent: etree._Element, fates: Mapping[etree._Element, bool | str]) -> None:
    """``parent``'s children, with those in ``fates`` replaced by what they keep; the texts
    between the children left are joined once."""
    kept: list[etree._Element] = []
    texts: list[str] = [parent.text or ""]
    owner: etree._Element | None = None  # whose tail ``texts`` becomes (None: the parent's text)

    def settle(el: etree._Element) -> None:
        nonlocal owner, texts
        _set_text(parent, owner, texts)
        kept.append(el)
        owner, texts = el, [el.tail or ""]

    for child in list(parent):
        fate = fates.get(child)
        if fate is None:
            settle(child)
            continue
        if isinstance(fate, str):
            texts.append(fate)
        elif fate:
            texts.append(child.text or "")
            for grandchild in list(child):
                settle(grandchild)
        texts.append(child.tail or "")
    _set_text(parent, owner, texts)
    parent[:] = kept


def _set_text(parent: etree._Element, owner: etree._Element | None, texts: list[str]) -> None:
    text = "".join(texts) or None
    if owner is None:
        parent.text = text
    else:
        owner.tail = text
