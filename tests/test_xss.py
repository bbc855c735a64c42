"""The XSS corpus: every vector of ``tests/data/xss/vectors.txt`` in a comment of every site.

Each vector is put into one comment body of a real fixture page of each supported markup (and
into each site's pasted text), the page goes through the whole pipeline (``page_from_bytes`` →
``thread_from_page`` → ``epub_bytes``), and the book is read back: every document parsed as
strict XML and judged element by element and attribute by attribute (``bookcheck``). A marker
written just before the vector proves that the vector really reached the body, so a page that
the edit broke cannot pass by losing the comment.

The pages are built from the fixtures, not copied: the body element is found with
BeautifulSoup, emptied, given a placeholder, and the page is shrunk to its post and that one
comment (so that the ~3,000 cases stay fast); the placeholder is then replaced by the raw
vector, so the parsers see the vector's bytes exactly as a hostile page would carry them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bookcheck import book_text, check_xhtml, parse_xml, unsafe_findings
from bs4 import BeautifulSoup, Tag
from builders import fix_tree
from conftest import EpubCheck
from lxml import etree

from exporter.clean import clean_html, markdown_to_html, strip_xml_illegal, text_to_html
from exporter.epub import epub_bytes
from exporter.errors import InputError, Thread2EpubError
from exporter.load import page_from_bytes
from exporter.model import Comment, Stub, Thread
from exporter.pipeline import thread_from_page
from exporter.rows import assign_anchors
from exporter.sites.lemmy import isodata

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "xss" / "vectors.txt"
BASE = "https://base.example/post/1"


# --- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vector:
    name: str
    text: str


_LINE = re.compile(r"^(?P<name>[a-z0-9][a-z0-9-]*) (?P<vector>.+)$")
_CODE_POINT = re.compile(r"\{U\+([0-9A-Fa-f]{4,6})\}")


def load_corpus(path: Path = CORPUS) -> list[Vector]:
    """The vectors of the corpus file (see its header for the format)."""
    vectors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line)
        assert match, f"{path.name}:{number}: not 'name vector': {line!r}"
        text = _CODE_POINT.sub(lambda m: chr(int(m.group(1), 16)), match.group("vector"))
        vectors.append(Vector(match.group("name"), text))
    return vectors


VECTORS = load_corpus()


def marker(vector: Vector) -> str:
    return f"xssmark-{vector.name}"


def test_corpus_is_well_formed_and_covers_the_classics() -> None:
    names = [v.name for v in VECTORS]
    assert len(names) == len(set(names)), "vector names must be unique"
    assert len(VECTORS) >= 150
    everything = "\n".join(v.text for v in VECTORS).lower()
    for needle in (
        "javascript:", "&#106;", "&#x09;", "\t", "\n", "jav&#x0a;", "   javascript:", "<svg",
        "onload", "onerror", "<math><mtext><table><mglyph><style>", "expression(", "url(javascript",
        "style=", "data:text/html;base64", "srcdoc", "<object data", "<embed", "<form action",
        "formaction", "http-equiv", "<base href", 'rel="import"', "<noscript><noscript>",
        "<template>", "<!--><img", "srcset", "xlink:href", "ontoggle", "<![cdata[", "\x00",
        "\x01", "vbscript:", "file://", "/etc/passwd", "../../", "\ud800", "](javascript:",
    ):  # fmt: skip
        assert needle in everything, f"the corpus has no vector with {needle!r}"


# --- pages with slots in comment bodies ---------------------------------------------------------

SLOTS = 12
"""Comment bodies per page that carry a vector. A vector that breaks the page for the others
(an unclosed comment or raw-text element swallows what follows) is tried again on its own."""


def slot(n: int) -> str:
    return f"XSSSLOT{n}XSS"


@dataclass(frozen=True)
class Template:
    """A page (or paste) in which ``slots`` comment bodies are placeholders, and how a vector
    is written into one (escaped as the place needs: nothing for HTML, JSON for isoData)."""

    text: str
    slots: int
    fill: Callable[[Vector], str]

    def page(self, vectors: Sequence[Vector]) -> bytes:
        assert 0 < len(vectors) <= self.slots
        text = self.text
        for n in range(self.slots):
            vector = vectors[n] if n < len(vectors) else Vector(f"unused-{n}", "nothing here")
            assert text.count(slot(n)) >= 1
            text = text.replace(slot(n), self.fill(vector))
        # "surrogatepass": a lone surrogate reaches the loader as the bytes a broken page has.
        return text.encode("utf-8", "surrogatepass")


def _html_payload(vector: Vector) -> str:
    return f"<p>{marker(vector)}</p>{vector.text}"


def _text_payload(vector: Vector) -> str:
    return f"{marker(vector)} {vector.text}"


def _json_payload(vector: Vector) -> str:
    payload = f"{marker(vector)}\n\n{vector.text}"
    return json.dumps(payload, ensure_ascii=False)[1:-1].replace("<", "\\u003C")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _find(tag: Tag, name: str | None = None, **attrs: Any) -> Tag | None:
    """The first element below ``tag`` with that name and those attributes (``class_`` for
    the class), or None."""
    if "class_" in attrs:
        attrs["class"] = attrs.pop("class_")
    found = tag.find(name, attrs)
    return found if isinstance(found, Tag) else None


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    return " ".join(value) if isinstance(value, list) else str(value or "")


@cache
def _live_ids(path: Path) -> frozenset[str]:
    """Ids of the fixture's comments that show a body (not deleted, removed or collapsed)."""
    thread = thread_from_page(page_from_bytes(path.read_bytes(), path.name))
    return frozenset(c.id for c in thread.walk() if c.body_html)


@dataclass(frozen=True)
class Markup:
    """Where one site's markup keeps its comments and their bodies."""

    comments: Callable[[BeautifulSoup], list[Tag]]
    """Every comment element of a page, in page order."""
    body: Callable[[Tag], Tag | None]
    """The element holding a comment's body, if it shows one."""
    comment_id: Callable[[Tag], str]
    """The id the parser gives the comment."""


def _slotted(path: Path, markup: Markup) -> tuple[BeautifulSoup, list[Tag], int]:
    """The fixture with the bodies of its first ``SLOTS`` live comments turned into slots, and
    every other comment removed. Returns the page, the slotted comments and their number."""
    soup = _soup(path)
    live = _live_ids(path)
    found = markup.comments(soup)
    targets: list[tuple[Tag, Tag]] = []
    for comment in found:
        body = markup.body(comment)
        if body is not None and markup.comment_id(comment) in live:
            targets.append((comment, body))
    targets = targets[:SLOTS]
    for n, (_, body) in enumerate(targets):
        body.clear()
        body.append(slot(n))
    keep = [t for comment, _ in targets for t in (comment, *comment.parents)]
    for tag in found:
        if not tag.decomposed and not any(tag is kept for kept in keep):
            tag.decompose()
    return soup, [comment for comment, _ in targets], len(targets)


def _hn_body(row: Tag) -> Tag | None:
    box = _find(row, None, class_="commtext")
    if box is not None:
        return box
    box = _find(row, None, class_="comment")  # before 2020: .comment > span.c00
    return _find(box, "span", class_=re.compile(r"^c[0-9a-f]{2}$")) if box else None


LEMMY = Markup(
    comments=lambda soup: [
        a for a in soup.find_all("article", class_="comment-node") if isinstance(a, Tag)
    ],
    body=lambda article: _find(article, "div", class_="md-div"),
    comment_id=lambda article: _attr(article, "id").removeprefix("comment-"),
)
REDDIT_OLD = Markup(
    comments=lambda soup: [
        t for t in soup.find_all("div", class_="thing") if "comment" in _attr(t, "class").split()
    ],
    body=lambda thing: _find(thing, "div", class_="md"),
    comment_id=lambda thing: _attr(thing, "data-fullname"),
)
REDDIT_REACT = Markup(
    comments=lambda soup: [
        r
        for r in soup.find_all(id=re.compile(r"^(?:moreComments-|continueThread-)?t1_[0-9a-z]+$"))
        if isinstance(r, Tag)
    ],
    body=lambda row: (
        _find(row, None, **{"data-testid": "comment"})
        or _find(row, None, **{"data-test-id": "comment"})
    ),
    comment_id=lambda row: _attr(row, "id"),
)
REDDIT_SHREDDIT = Markup(
    comments=lambda soup: [c for c in soup.find_all("shreddit-comment") if isinstance(c, Tag)],
    body=lambda comment: _find(comment, None, slot="comment"),
    comment_id=lambda comment: _attr(comment, "thingid"),
)
HACKERNEWS = Markup(
    comments=lambda soup: [
        r for r in soup.find_all("tr", class_="athing") if "comtr" in _attr(r, "class").split()
    ],
    body=_hn_body,
    comment_id=lambda row: _attr(row, "id"),
)


def _with_isodata(text: str, ids: list[str], edit: Callable[[list[Any], Any], None]) -> str:
    """Keep only the comments ``ids`` in the page's isoData, let ``edit`` change them, and write
    it back as lemmy-ui does (serialize-javascript escapes ``<``: a body cannot end the script)."""
    data = isodata.extract(text.encode())
    assert data is not None
    listing = data["routeData"]["commentsRes"]["data"]
    listing["comments"] = [c for c in listing["comments"] if str(c["comment"]["id"]) in ids]
    assert len(listing["comments"]) == len(ids)
    edit(listing["comments"], data["routeData"]["postRes"]["data"]["post_view"]["post"])
    start = re.search(r"window\.isoData\s*=\s*", text)
    assert start is not None
    end = text.index("</script>", start.end())
    source = json.dumps(data, ensure_ascii=False).replace("<", "\\u003C")
    return text[: start.end()] + source + ";" + text[end:]


def lemmy_isodata_html(path: Path) -> Template:
    """isoData page: the rendered DOM bodies (which the parser prefers) carry the vectors."""
    soup, articles, slots = _slotted(path, LEMMY)
    ids = [LEMMY.comment_id(a) for a in articles]
    return Template(_with_isodata(str(soup), ids, lambda views, post: None), slots, _html_payload)


def lemmy_isodata_markdown(path: Path) -> Template:
    """isoData page whose comments have no rendered body, so that the Markdown of the API data
    is what the parser reads. Each commenter's display name and the post's title (in the
    merged book: the name of its thread's first comment) carry the vector too."""
    soup, articles, slots = _slotted(path, LEMMY)
    ids = [LEMMY.comment_id(a) for a in articles]
    for article in articles:
        body = LEMMY.body(article)
        if body is not None:
            body.decompose()
    order = {cid: n for n, cid in enumerate(ids)}

    def edit(views: list[Any], post: Any) -> None:
        for view in views:
            n = order[str(view["comment"]["id"])]
            view["comment"]["content"] = slot(n)
            view["creator"] = dict(view["creator"], display_name=slot(n))
        post["name"] = slot(0)

    return Template(_with_isodata(str(soup), ids, edit), slots, _json_payload)


def html_page(markup: Markup) -> Callable[[Path], Template]:
    def build(path: Path) -> Template:
        soup, _, slots = _slotted(path, markup)
        return Template(str(soup), slots, _html_payload)

    return build


def pasted(path: Path) -> Template:
    """Pasted text: the first line of each of the first comments' bodies becomes a slot."""
    text = path.read_text(encoding="utf-8")
    thread = thread_from_page(page_from_bytes(text.encode(), path.name))
    lines = text.split("\n")
    at, slots = 0, 0
    for comment in [c for c in thread.walk() if c.body_html][:SLOTS]:
        words = html.unescape(re.sub(r"<[^>]+>", "\n", comment.body_html)).split("\n")
        first = next(w.strip() for w in words if w.strip())
        at = next(i for i in range(at, len(lines)) if lines[i].strip() == first)
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = indent + slot(slots)
        slots += 1
    return Template("\n".join(lines), slots, _text_payload)


VARIANTS: dict[str, tuple[Callable[[Path], Template], Path]] = {
    "lemmy-isodata-html": (lemmy_isodata_html, ROOT / "samples" / "lemmy-saved-post.html"),
    "lemmy-isodata-markdown": (lemmy_isodata_markdown, ROOT / "samples" / "lemmy-saved-post.html"),
    "lemmy-singlefile": (html_page(LEMMY), DATA / "lemmy" / "singlefile.html"),
    "lemmy-paste-bullets": (pasted, DATA / "lemmy" / "paste_bullets.txt"),
    "lemmy-paste-clipboard": (pasted, DATA / "lemmy" / "paste_clipboard.txt"),
    "reddit-old": (html_page(REDDIT_OLD), DATA / "reddit" / "old_2018.html"),
    "reddit-react-2019": (html_page(REDDIT_REACT), DATA / "reddit" / "react_2019.html"),
    "reddit-react-2023": (html_page(REDDIT_REACT), DATA / "reddit" / "react_2023.html"),
    "reddit-shreddit": (
        html_page(REDDIT_SHREDDIT),
        ROOT / "samples" / "reddit-shreddit-thread.html",
    ),
    "reddit-paste-old": (pasted, DATA / "reddit" / "paste_old_chromium.txt"),
    "reddit-paste-shreddit": (pasted, DATA / "reddit" / "paste_shreddit.txt"),
    "hackernews-2023": (html_page(HACKERNEWS), DATA / "hackernews" / "item_2023.html"),
    "hackernews-2017": (html_page(HACKERNEWS), DATA / "hackernews" / "item_2017.html"),
    "hackernews-paste": (pasted, DATA / "hackernews" / "paste_chrome.txt"),
}


def site_of(variant: str) -> str:
    return variant.split("-", 1)[0]


@cache
def template(variant: str) -> Template:
    build, path = VARIANTS[variant]
    return build(path)


def _bodies(thread: Thread) -> list[Comment]:
    return ([thread.post] if thread.post else []) + list(thread.walk())


def _may_refuse(vector: Vector, error: Thread2EpubError) -> bool:
    """The one refusal that is a clear answer, not a failure: a NUL near the top makes a
    paste look like a binary file."""
    return "\x00" in vector.text and isinstance(error, InputError)


# --- running a variant: parse every vector, one merged book, judge it --------------------------


@dataclass
class Parsed:
    vectors: list[Vector]
    thread: Thread


def parse_all(variant: str, problems: list[str]) -> list[Parsed]:
    """Every vector parsed in a page of ``variant``: in batches, then alone where a batch lost
    it. What goes wrong (a crash, a lost vector, a refusal) is added to ``problems``."""
    tpl = template(variant)
    pages: list[Parsed] = []
    again: list[Vector] = []
    for start in range(0, len(VECTORS), tpl.slots):
        batch = VECTORS[start : start + tpl.slots]
        try:
            thread = thread_from_page(page_from_bytes(tpl.page(batch), variant))
        except Exception:  # retried one by one below, where the culprit is named
            again.extend(batch)
            continue
        text = "\n".join(c.body_html for c in _bodies(thread))
        landed = [v for v in batch if marker(v) in text]
        again.extend(v for v in batch if v not in landed)
        if thread.site == site_of(variant) and landed:
            pages.append(Parsed(landed, thread))
        else:
            again.extend(landed)
    for vector in again:
        where = f"{variant}/{vector.name}"
        try:
            thread = thread_from_page(page_from_bytes(tpl.page([vector]), where))
        except Thread2EpubError as error:
            if not _may_refuse(vector, error):
                problems.append(f"{where}: refused: {error}")
            continue
        except Exception as error:
            problems.append(f"{where}: crashed: {type(error).__name__}: {error}")
            continue
        if thread.site != site_of(variant):
            problems.append(f"{where}: parsed as {thread.site!r}")
        elif not any(marker(vector) in c.body_html for c in _bodies(thread)):
            problems.append(f"{where}: the vector never reached a comment body")
        else:
            pages.append(Parsed([vector], thread))
    return pages


def merged(pages: list[Parsed], variant: str) -> Thread:
    """All the parsed pages as one thread: page ``n`` becomes a top-level comment written by
    the page's title (so the title's text is in the book too), holding the page's post and its
    comment tree; ids get a ``bN-`` prefix so that they stay apart."""
    roots: list[Comment] = []
    missing: list[Stub] = []
    for n, page in enumerate(pages):
        thread, prefix = page.thread, f"b{n}-"
        for comment in _bodies(thread):
            comment.id = prefix + comment.id
        missing += [
            Stub(prefix + s.parent_id if s.parent_id else f"b{n}", s.count) for s in thread.missing
        ]
        kids = ([thread.post] if thread.post else []) + thread.comments
        roots.append(Comment(id=f"b{n}", author=thread.title, children=kids))
    fix_tree(roots)
    first = pages[0].thread
    return Thread(
        title=f"XSS corpus in {variant}",
        url=first.url,
        site=first.site,
        site_name=first.site_name,
        community=first.community,
        comments=roots,
        language=first.language,
        missing=missing,
    )


def _culprits(book_thread: Thread, pages: list[Parsed], finding: str) -> str:
    """The vectors a finding is about: those whose marker is in the comment it names."""
    anchors = assign_anchors(book_thread)
    named = re.findall(r"\[in (c-[^\]]+)\]", finding)
    for comment in book_thread.walk():
        if named and anchors[id(comment)] == named[0]:
            found = [v.name for p in pages for v in p.vectors if marker(v) in comment.body_html]
            if found:
                return ", ".join(found)
            batch = comment.id.split("-", 1)[0]
            if batch[1:].isdigit() and int(batch[1:]) < len(pages):
                return ", ".join(v.name for v in pages[int(batch[1:])].vectors)
    return "?"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_template_still_parses_as_its_site(variant: str) -> None:
    """The shrunken page with harmless bodies is still its site's thread, every slot a body."""
    tpl = template(variant)
    harmless = [Vector(f"harmless{n}", f"<p>nothing to see {n}</p>") for n in range(tpl.slots)]
    thread = thread_from_page(page_from_bytes(tpl.page(harmless), variant))
    assert thread.site == site_of(variant)
    text = "\n".join(c.body_html for c in _bodies(thread))
    assert all(marker(v) in text for v in harmless)
    assert tpl.slots >= 4


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_vector_in_a_comment_gives_a_safe_book(variant: str) -> None:
    """Every vector reaches a comment body of this markup, none crashes the parser, and the
    book made from all of them holds nothing unsafe (each finding names its vectors)."""
    problems: list[str] = []
    pages = parse_all(variant, problems)
    assert pages, "no page parsed at all"
    book_thread = merged(pages, variant)
    book = epub_bytes(book_thread)
    for finding in unsafe_findings(book):
        problems.append(f"{finding}  <- {_culprits(book_thread, pages, finding)}")
    text = book_text(book)
    problems += [
        f"{variant}/{v.name}: the marker is not in the book"
        for page in pages
        for v in page.vectors
        if marker(v) not in text
    ]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_a_mostly_utf8_paste_keeps_its_comments() -> None:
    """Found by the corpus (a lone surrogate's bytes in a paste): one sequence that is not UTF-8
    must not make the whole text decode as another encoding and lose its comments."""
    good = (DATA / "reddit" / "paste_old_chromium.txt").read_bytes()
    broken = good.replace(b"\n\n", b"\n\xed\xa0\x80\n", 1)  # the bytes of a lone surrogate
    expected = thread_from_page(page_from_bytes(good, "paste")).comment_count()
    assert thread_from_page(page_from_bytes(broken, "paste")).comment_count() == expected


# --- one book with every vector, through EPUBCheck ----------------------------------------------


def corpus_thread() -> Thread:
    """Every vector as an HTML body, a Markdown body and a plain-text body, and as the name of
    the comment's author (filtered as every parser filters names): the three cleaners every
    site uses, in one book."""
    comments = []
    for n, vector in enumerate(VECTORS):
        name = strip_xml_illegal(vector.text)
        for kind, body in (
            ("html", clean_html(vector.text, BASE)),
            ("md", markdown_to_html(vector.text, BASE)),
            ("text", text_to_html(vector.text)),
        ):
            comments.append(Comment(id=f"{vector.name}-{kind}", author=name, body_html=body))
        comments[-1].children.append(Comment(id=f"{n}-reply", author=vector.name))
    fix_tree(comments)
    post = Comment(id="post", author="op", body_html=clean_html(VECTORS[0].text, BASE))
    return Thread(
        title=strip_xml_illegal(VECTORS[1].text),
        url=BASE,
        site="lemmy",
        site_name="base.example",
        community=strip_xml_illegal(VECTORS[2].text),
        post=post,
        comments=comments,
    )


def test_the_whole_corpus_makes_a_valid_book(tmp_path: Path, epubcheck: EpubCheck) -> None:
    book = epub_bytes(corpus_thread())
    findings = unsafe_findings(book)
    assert not findings, "\n".join(findings)
    path = tmp_path / "corpus.epub"
    path.write_bytes(book)
    epubcheck(path)


# --- the checker itself must catch what it is for -----------------------------------------------

_DOC = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/><title>t</title>'
    '<link rel="stylesheet" type="text/css" href="style.css"/></head><body>{}</body></html>'
)
UNSAFE_BODIES = {
    "script": "<script>alert(1)</script>",
    "handler": '<p onclick="alert(1)">x</p>',
    "handler-case": '<p OnMouseOver="alert(1)">x</p>',
    "style-attr": '<p style="color:red">x</p>',
    "style-element": "<style>p{}</style>",
    "js-href": '<a href="javascript:alert(1)">x</a>',
    "js-href-tab": '<a href="java&#9;script:alert(1)">x</a>',
    "js-href-space": '<a href="  JavaScript:alert(1)">x</a>',
    "js-double-entity": '<a href="&amp;#106;avascript:alert(1)">x</a>',
    "data-src": '<img src="data:image/png;base64,AAAA" alt=""/>',
    "file-href": '<a href="file:///etc/passwd">x</a>',
    "absolute-path": '<a href="/etc/passwd">x</a>',
    "escape-book": '<a href="../../etc/passwd">x</a>',
    "network-path": '<a href="//evil.example/">x</a>',
    "missing-file": '<a href="nowhere.xhtml#c-1">x</a>',
    "svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
    "math": '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>',
    "xlink": '<a xmlns:x="http://www.w3.org/1999/xlink" x:href="https://a.example/">x</a>',
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "form": '<form action="https://example.org/"><input name="p"/></form>',
    "meta-in-body": '<meta http-equiv="refresh" content="0;url=https://evil.example/"/>',
    "base": '<base href="https://evil.example/"/>',
    "srcset": '<img src="style.css" srcset="https://evil.example/x.png 2x" alt=""/>',
    "duplicate-id": '<p id="a">1</p><p id="a">2</p>',
    "comment": "<!-- hidden -->",
    "pi": '<?xml-stylesheet href="https://evil.example/x.css"?>',
}


@pytest.mark.parametrize("name", sorted(UNSAFE_BODIES))
def test_the_checker_flags_unsafe_documents(name: str) -> None:
    doc = _DOC.format(UNSAFE_BODIES[name]).encode()
    root = parse_xml(doc)
    entries = {"EPUB/chapter.xhtml", "EPUB/style.css"}
    assert check_xhtml("EPUB/chapter.xhtml", root, entries), f"{name} was not flagged"


def test_the_checker_passes_a_plain_document() -> None:
    body = (
        '<article class="c d0" id="c-1"><p class="h"><span class="author"><bdi>a</bdi></span>'
        '</p><div class="body" dir="auto"><p>Hi <a href="https://example.org/?q=javascript:x">'
        'a link</a> <a href="chapter.xhtml#c-1">back</a> <a href="mailto:a@b.example">m</a>'
        "</p></div></article>"
    )
    root = parse_xml(_DOC.format(body).encode())
    assert check_xhtml("EPUB/chapter.xhtml", root, {"EPUB/chapter.xhtml", "EPUB/style.css"}) == []


def test_the_checker_flags_a_broken_document() -> None:
    with pytest.raises(etree.XMLSyntaxError):
        parse_xml(_DOC.format("<p>unclosed").encode())
