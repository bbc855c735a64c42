"""Typed helpers that build ``Thread``s for tests: small, explicit, and iterative for deep
chains (a 3,000-deep chain must not be built by recursion either)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any

from exporter.model import Comment, Stub, Thread

T0 = datetime(2026, 11, 10, 9, 2, tzinfo=timezone.utc)


def make_comment(cid: str, *, children: list[Comment] | None = None, **fields: Any) -> Comment:
    """A comment with a body and an author unless given; ``children`` get parent_id/depth set."""
    fields.setdefault("author", f"user-{cid}")
    fields.setdefault("body_html", f"<p>Comment {cid} says something.</p>")
    comment = Comment(id=cid, children=list(children or []), **fields)
    fix_tree([comment])
    return comment


def fix_tree(roots: list[Comment]) -> None:
    """Set ``parent_id`` and ``depth`` from the tree shape (iteratively)."""
    stack: list[tuple[Comment, str | None, int]] = [(root, None, 0) for root in roots]
    while stack:
        node, parent_id, depth = stack.pop()
        node.parent_id, node.depth = parent_id, depth
        stack.extend((child, node.id, depth + 1) for child in node.children)


def chain(length: int, *, prefix: str = "k", body: str | None = None) -> Comment:
    """A reply chain ``length`` deep, each reply by alternating authors; returns the root."""
    nodes = [
        Comment(
            id=f"{prefix}{i}",
            author="alice" if i % 2 == 0 else "bob",
            body_html=body if body is not None else f"<p>Reply number {i} in the chain.</p>",
            created=T0 + timedelta(minutes=i),
        )
        for i in range(length)
    ]
    for parent, child in itertools.pairwise(nodes):
        child.parent_id = parent.id
        child.depth = parent.depth + 1
        parent.children.append(child)
    return nodes[0]


def make_thread(
    comments: list[Comment] | None = None,
    *,
    post: Comment | None = None,
    missing: list[Stub] | None = None,
    **fields: Any,
) -> Thread:
    fields.setdefault("title", "A test thread")
    fields.setdefault("url", "https://lemmy.example/post/1")
    fields.setdefault("site", "lemmy")
    fields.setdefault("site_name", "lemmy.example")
    fields.setdefault("community", "testing")
    return Thread(post=post, comments=list(comments or []), missing=list(missing or []), **fields)


def sized_body(n_bytes: int, seed: str = "x") -> str:
    """A body of about ``n_bytes`` made of many paragraphs (so that it can be cut)."""
    para = f"<p>{seed} " + "lorem ipsum dolor sit amet " * 6 + "</p>"
    return para * max(1, n_bytes // len(para))


def representative_thread() -> Thread:
    """Everything a real thread throws at the book: formatting, deleted/removed/edited, badges,
    a stub, non-ASCII, emoji and RTL names, a chain 30 deep."""
    post = Comment(
        id="p1",
        author="Zoë «OP» 🦊",
        author_id="zoe@lemmy.example",
        created=T0,
        score=42,
        is_op=True,
        edited=True,
        body_html=(
            '<p>Hello <strong>world</strong>, <em>this</em> is <a href="https://example.org/?a=1&amp;b=2">'
            "a link</a>.</p><blockquote><p>A quote</p></blockquote>"
            "<pre><code>def f():\n    return 1  # a long line of code that must wrap on a small"
            " e-reader screen"
            "</code></pre><ul><li>one</li><li>two</li></ul>"
        ),
    )
    deep = chain(30, prefix="deep")
    roots = [
        make_comment(
            "101",
            author="مريم",
            score=5,
            created=T0 + timedelta(hours=1),
            children=[
                make_comment(
                    "102",
                    author="Zoë «OP» 🦊",
                    author_id="zoe@lemmy.example",
                    is_op=True,
                    edited=T0 + timedelta(days=1),
                ),
                make_comment(
                    "103",
                    deleted=True,
                    author=None,
                    body_html="",
                    children=[make_comment("104", author="דוד")],
                ),
                make_comment("105", removed=True, is_moderator=True, author="mod<script>"),
            ],
        ),
        make_comment(
            "t1_a&b",
            author="bob",
            created_text="11 days ago",
            is_admin=True,
            score=-3,
            body_html="",
        ),
        deep,
    ]
    fix_tree(roots)
    return make_thread(
        roots,
        post=post,
        title='Ünïcödé title — with <angle> & "quotes" 🎉',
        language="en",
        missing=[Stub("101", 2), Stub(None, 7), Stub("deep5", None)],
        saved_at=T0 + timedelta(days=2),
        warnings=["a parser warning that must not show"],
    )


def bushy(prefix: str, *, children: int, depth: int, body_bytes: int) -> Comment:
    """A top-level comment with ``children`` replies, each the head of a chain ``depth`` long."""
    kids: list[Comment] = []
    for n in range(children):
        head = chain(depth, prefix=f"{prefix}-{n}-", body=sized_body(body_bytes, f"{prefix}/{n}"))
        kids.append(head)
    root = Comment(id=prefix, author=f"root {prefix}", body_html=sized_body(body_bytes, prefix))
    root.children = kids
    fix_tree([root])
    return root


def big_thread(*, top_level: int = 60, body_bytes: int = 3000) -> Thread:
    """Several chapters' worth of ordinary threads plus one top-level thread (index 3) that
    alone is bigger than the 250 KB budget (~40 replies x 4 deep x ~3 KB)."""
    roots = [bushy(f"t{i}", children=3, depth=2, body_bytes=body_bytes) for i in range(top_level)]
    roots.insert(2, bushy("huge", children=40, depth=4, body_bytes=body_bytes))
    fix_tree(roots)
    post = Comment(id="post", author="op", body_html=sized_body(2000, "post"), created=T0)
    return make_thread(roots, post=post, title="A big thread")


def assert_links_point_backwards(docs: list[tuple[str, bytes]]) -> int:
    """Every internal ``file#anchor`` link in the documents (in spine order) must name an
    existing anchor in the same or an earlier file. Returns how many links were checked."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    order = {name: n for n, (name, _) in enumerate(docs)}
    anchors: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for name, doc in docs:
        tree = etree.fromstring(doc, parser)
        anchors[name] = {str(e.get("id")) for e in tree.iter() if e.get("id") is not None}
        for a in tree.iter("{http://www.w3.org/1999/xhtml}a"):
            href = str(a.get("href", ""))
            if "#" in href and "://" not in href:
                links.append((name, href))
    for source, href in links:
        target, anchor = href.split("#", 1)
        target = target or source
        assert target in order, f"{source}: link to unknown file {href}"
        assert order[target] <= order[source], f"{source}: forward link {href}"
        assert anchor in anchors[target], f"{source}: missing anchor {href}"
    return len(links)
