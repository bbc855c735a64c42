"""Cutting an XHTML body fragment into smaller well-formed pieces.

Used only for the rare single comment (or post) whose body alone is bigger than a chapter may
be: it is cut between its top-level elements, never inside one, so every piece stays
well-formed and keeps its formatting.
"""

from __future__ import annotations

from html import escape

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def split_fragment(fragment: str, max_bytes: int) -> list[str]:
    """Pieces of ``fragment`` of at most ``max_bytes`` UTF-8 bytes each where possible.

    Returns ``[fragment]`` unchanged when it fits, when it is not well-formed XML (e.g. an
    HTML named entity), or when it has a single top-level element: a piece can then still be
    bigger than ``max_bytes``, and the caller flags it.
    """
    if len(fragment.encode()) <= max_bytes:
        return [fragment]
    try:
        root = etree.fromstring(f"<div>{fragment}</div>".encode(), _PARSER)
    except etree.XMLSyntaxError:
        return [fragment]
    blocks = [escape(root.text or "", quote=False)]
    blocks += [etree.tostring(child, encoding="unicode", with_tail=True) for child in root]
    pieces: list[str] = []
    current, size = "", 0
    for block in blocks:
        block_size = len(block.encode())
        if current and size + block_size > max_bytes:
            pieces.append(current)
            current, size = "", 0
        current += block
        size += block_size
    if current:
        pieces.append(current)
    return pieces if len(pieces) > 1 else [fragment]
