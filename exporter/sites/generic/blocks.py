"""The guess for pages that declare nothing: the largest group of repeated, authored blocks.

A thread on any software is the same shape: one block per post or comment, all built from
one template, so they share a tag and a class name, and each has an author, a time and some
words. Everything else that repeats on a page (menu items, a list of topics, search hits)
lacks one of the three, or its "words" are one line linking elsewhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from lxml import html as lxml_html

from .dom import CHROME_TAGS, classes, depth_of, is_tag, own_elements, text_of
from .fields import When, find_author, find_body, find_time

MIN_BLOCKS = 3
_SAMPLE = 40
"""Blocks of each candidate group read when ranking groups; the winner is then read whole."""
_MAX_GROUP = 5000
_INDENT = re.compile(r"^(?:depth|level|indent|comment-depth|nest)[-_]?(\d{1,2})$", re.I)
_CLASSLESS = ("article", "li")
_NAMING = re.compile(r"post|comment|message|reply|entry|answer", re.I)
_RE_SUBJECT = re.compile(r"(?:^|\s)(?:Re|RE|Aw|SV|Antw)\s?:\s")
_ELLIPSIS = ("…", "...", "[…]", "[...]")


@dataclass
class Block:
    element: lxml_html.HtmlElement
    author: str | None = None
    when: When | None = None
    body: lxml_html.HtmlElement | None = None
    body_text: str = ""
    parent: Block | None = None
    depth: int = 0
    children: list[Block] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.author and self.when and _real_text(self.body_text))


@dataclass
class Group:
    key: str
    """The tag and class the blocks share ("li.comment"): named in the warning."""
    blocks: list[Block]
    nested: bool


def find_group(root: lxml_html.HtmlElement) -> tuple[Group | None, str]:
    """The page's thread as a group of blocks, or None and what was found instead."""
    best: tuple[tuple[float, float], str, list[lxml_html.HtmlElement]] | None = None
    for key, members in _candidates(root):
        sample = _read_blocks(members[:_SAMPLE], set(members), _ancestors(members))
        good = sum(1 for b in sample if b.complete)
        if good < min(MIN_BLOCKS, len(sample)) or good * 2 < len(sample):
            continue
        estimate = good * len(members) / len(sample)
        if estimate < MIN_BLOCKS:
            continue
        # More posts wins; between equal groups the outer one (it holds the author box too).
        rank = (estimate, -sum(depth_of(m) for m in members) / len(members))
        if best is None or rank > best[0]:
            best = (rank, key, members)
    if best is None:
        return None, "no discussion data, and no repeated blocks with an author, a time and text"
    _, key, members = best
    blocks = _read_blocks(members, set(members), _ancestors(members))
    blocks = [b for b in blocks if b.complete or b.body_text]
    nested = _link_nesting(blocks)
    if _is_list_of_links(blocks):
        return None, (
            f"its repeated {key} blocks are titles linking elsewhere, like search results, "
            "a topic list or a front page"
        )
    return Group(key, blocks, nested), ""


def _candidates(root: lxml_html.HtmlElement) -> list[tuple[str, list[lxml_html.HtmlElement]]]:
    """Every (tag, class) the page repeats at least three times, each distinct set once."""
    groups: dict[str, list[lxml_html.HtmlElement]] = defaultdict(list)
    body = root.find("body")
    for el in (body if body is not None else root).iter():
        if not is_tag(el) or el.tag in CHROME_TAGS or el.tag in ("a", "span", "img", "p", "br"):
            continue
        names = [c for c in classes(el) if not any(ch.isdigit() for ch in c)]
        for name in names:
            groups[f"{el.tag}.{name}"].append(el)
        if not names and el.tag in _CLASSLESS:
            groups[el.tag].append(el)
    seen: set[tuple[int, ...]] = set()
    idents: list[tuple[int, ...]] = []
    out: list[tuple[str, list[lxml_html.HtmlElement]]] = []
    for key in sorted(groups):
        members = groups[key]
        if not MIN_BLOCKS <= len(members) <= _MAX_GROUP:
            continue
        identity = tuple(id(m) for m in members)
        if identity in seen:
            # The same blocks under a clearer name ("li.comment" rather than "li.odd").
            if _NAMING.search(key):
                out = [
                    (key if ids == identity else k, m)
                    for (k, m), ids in zip(out, idents, strict=True)
                ]
            continue
        seen.add(identity)
        out.append((key, members))
        idents.append(identity)
    return out


def _ancestors(members: list[lxml_html.HtmlElement]) -> set[lxml_html.HtmlElement]:
    """Every element that holds one of the blocks: such an element is never a body."""
    found: set[lxml_html.HtmlElement] = set()
    for member in members:
        node = member.getparent()
        while node is not None and node not in found:
            found.add(node)
            node = node.getparent()
    return found


def _read_blocks(
    members: list[lxml_html.HtmlElement],
    all_members: set[lxml_html.HtmlElement],
    holders: set[lxml_html.HtmlElement],
) -> list[Block]:
    out = []
    for member in members:
        elements = own_elements(member, all_members)
        block = Block(member)
        author = find_author(elements)
        block.when = find_time(elements)
        avoid = [e for e in (block.when.element if block.when else None,) if e is not None]
        if author is not None:
            block.author = author[0]
            avoid.append(author[1])
        block.body = find_body(elements, holders, avoid)
        block.body_text = text_of(block.body) if block.body is not None else ""
        out.append(block)
    return out


def _real_text(text: str) -> bool:
    return len(text) >= 2 and any(ch.isalnum() for ch in text)


def _link_nesting(blocks: list[Block]) -> bool:
    """Hang each block under the nearest block that holds it, or under the one before it with
    a smaller indentation class (``depth-2``); True when any block is a reply."""
    by_element = {b.element: b for b in blocks}
    nested = False
    for block in blocks:
        node = block.element.getparent()
        while node is not None and node not in by_element:
            node = node.getparent()
        if node is not None:
            block.parent = by_element[node]
            nested = True
    if nested:
        for block in blocks:
            block.depth = block.parent.depth + 1 if block.parent else 0
            if block.parent:
                block.parent.children.append(block)
        return True
    levels = [_indent_level(b.element) for b in blocks]
    if len({lv for lv in levels if lv is not None}) < 2:
        return False
    base = min(lv for lv in levels if lv is not None)
    stack: list[Block] = []
    for block, level in zip(blocks, levels, strict=True):
        depth = (level - base) if level is not None else 0
        depth = min(depth, len(stack))
        del stack[depth:]
        if stack:
            block.parent = stack[-1]
            stack[-1].children.append(block)
        block.depth = depth
        stack.append(block)
    return True


def _indent_level(el: lxml_html.HtmlElement) -> int | None:
    for name in classes(el):
        match = _INDENT.match(name)
        if match:
            return int(match.group(1))
    return None


def _is_list_of_links(blocks: list[Block]) -> bool:
    """Search hits, topic lists, a blog's front page: each block is a title linking to
    another page plus, at most, a snippet: short, or cut with an ellipsis."""
    if not blocks:
        return True
    titled = 0
    targets: set[str] = set()
    for block in blocks:
        href = _title_link(block.element)
        if href is not None:
            titled += 1
            targets.add(href)
    snippets = sum(1 for b in blocks if b.body_text.rstrip().endswith(_ELLIPSIS))
    lengths = sorted(len(b.body_text) for b in blocks)
    median = lengths[len(lengths) // 2]
    linking = titled * 10 >= len(blocks) * 6 and len(targets) * 10 >= titled * 9
    # A forum's posts may each carry a subject linking to itself: "Re: <the thread's title>".
    replies = sum(1 for b in blocks if _RE_SUBJECT.search(text_of(b.element)[:300]))
    linking = linking and replies * 3 < len(blocks)
    if linking and (median < 200 or snippets * 2 >= len(blocks)):
        return True
    # Bodies that are mostly one link: a list of topics or pages, whatever its markup.
    linked = sum(1 for b in blocks if b.body is not None and _mostly_link(b.body, b.body_text))
    return linked * 2 > len(blocks)


def _title_link(el: lxml_html.HtmlElement) -> str | None:
    for heading in el.iter("h1", "h2", "h3", "h4", "h5"):
        for link in heading.iter("a"):
            href = (link.get("href") or "").strip()
            if href and not href.startswith("#") and text_of(link):
                return href.split("#", 1)[0]
    for link in el.iter("a"):
        if any("title" in c.lower() for c in classes(link)):
            href = (link.get("href") or "").strip()
            if href and not href.startswith("#"):
                return href.split("#", 1)[0]
    return None


def _mostly_link(body: lxml_html.HtmlElement, body_text: str) -> bool:
    linked = sum(len(text_of(a)) for a in body.iter("a"))
    return bool(body_text) and linked * 10 >= len(body_text) * 7
