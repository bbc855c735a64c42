"""Small readers of BeautifulSoup tags that site modules share: class lists, attributes and
text that never raise on a tag that is missing or oddly typed (bs4 gives a list for ``class``
and a string for everything else)."""

from __future__ import annotations

from bs4 import Tag

from ..clean import strip_xml_illegal


def classes(tag: Tag | None) -> list[str]:
    if tag is None:
        return []
    value = tag.get("class")
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value or "").split()


def attr(tag: Tag | None, name: str) -> str | None:
    """The attribute's text, stripped; None when absent or blank."""
    if tag is None:
        return None
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    text = str(value).strip() if value is not None else ""
    return text or None


def text_of(tag: Tag | None) -> str:
    """The tag's words on one line, without characters XML forbids."""
    if tag is None:
        return ""
    return strip_xml_illegal(" ".join(tag.get_text(" ").split()))


def inner_html(tag: Tag | None) -> str:
    if tag is None:
        return ""
    return "".join(str(child) for child in tag.children)
