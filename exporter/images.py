"""The image stage: the pictures a thread's bodies show, resolved and converted for the book.

Runs once after parsing (``pipeline.thread_from_page``), because only then is the saved page
(its ``data:`` URIs, archive parts and ``X_files/`` folder) at hand. Every ``<img>`` that
cleaning kept (see ``exporter.image_refs``) ends as one of:

- a picture of the book, ``<img src="images/<sha>.jpg" alt="…"/>``, its converted bytes in
  ``Thread.images`` (one file per distinct picture, named by the hash of its bytes);
- a link to it labelled with its alt text, when it is on the web and was not fetched (the
  default: nothing is downloaded unless ``--fetch-images``), was over the budget, or failed;
- its alt text, when it cannot be had at all (and a warning says why).

So after this stage a body is book-ready, and ``--json`` shows the bodies as the book holds
them. ``settle_bodies`` applies the same fallback to threads that never went through the stage
(built by hand, or merged from several), so that no book can point at a picture it lacks.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from .clean import join_url, safe_link
from .image_refs import EMOJI_CLASS, TINY_PX, alt_text, is_web, to_fallback
from .model import BookImage, Comment, Thread
from .tree_edits import strip_elements

if TYPE_CHECKING:
    from .image_convert import Converted
    from .load import SavedPage

MB = 1024 * 1024
KINDLE_LIMIT = 50 * MB
"""Send-to-Kindle refuses bigger files; pictures over it get a warning."""
IMAGE_DIR = "images/"
_IMAGE_SRC = re.compile(r'<img [^>]*?src="(images/[0-9a-f]{20}\.(?:jpg|png))"')
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_XML_RECOVER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, recover=True
)


@dataclass(frozen=True)
class ImageOptions:
    """What the reader chose for pictures (``--no-images``, ``--fetch-images``, …)."""

    embed: bool = True
    """False (``--no-images``): every picture becomes a link or its alt text."""
    fetch: bool = False
    """``--fetch-images``: download pictures that the saved page does not carry."""
    grayscale: bool = False
    """``--grayscale``: grey pictures, smaller and what e-ink shows anyway."""
    max_total_bytes: int | None = None
    """``--max-image-size``: pictures are taken in page order while they fit."""
    warn_total_bytes: int = KINDLE_LIMIT
    max_edge: int = 1600
    emoji_edge: int = 128
    fetch_timeout: float = 20.0
    max_fetch_bytes: int = 20 * MB
    fetch_workers: int = 4


@dataclass
class _Spot:
    """One ``<img>`` of one body, and where its bytes may come from."""

    img: etree._Element
    ref: str
    alt: str
    emoji: bool
    url: str | None
    """The web address behind it (for the fallback link and for fetching)."""
    words: str | None = None
    """What takes the ``<img>``'s place once it goes (its alt text; "" for nothing), put in
    for all of them at once after the stage: one at a time would cost the square of a
    body's pictures."""


@dataclass(frozen=True)
class _Failure:
    """Why a picture is not in the book (for a warning), and the title page's count for it."""

    why: str
    reason: str | None = None


@dataclass
class _Tally:
    """What the stage left out, for the title page and the warnings."""

    skips: dict[str, int] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skips[reason] = self.skips.get(reason, 0) + 1

    def problem(self, why: str, ref: str) -> None:
        self.problems.setdefault(why, []).append(ref)


def add_images(thread: Thread, page: SavedPage | None, options: ImageOptions | None) -> None:
    """Resolve, fetch (if asked), convert and place every picture of ``thread``'s bodies."""
    options = options or ImageOptions()
    bodies = list(_parsed_bodies(thread))
    spots = [_spot(img, page, thread) for _, root in bodies for img in root.iter("img")]
    if not spots:
        return
    tally = _Tally()
    if not options.embed:
        for spot in spots:
            _leave_out(spot, tally, "disabled")
    else:
        _place(thread, spots, page, options, tally)
    gone = {spot.img: spot.words for spot in spots if spot.words is not None}
    if gone:
        strip_elements(gone)
    for comment, root in bodies:
        comment.body_html = _serialise(root)
    for reason, count in tally.skips.items():
        thread.image_skips[reason] = thread.image_skips.get(reason, 0) + count
    thread.warnings.extend(_warnings(tally))


def _bodies(thread: Thread) -> Iterator[Comment]:
    if thread.post is not None:
        yield thread.post
    yield from thread.walk()


def _parsed_bodies(thread: Thread) -> Iterator[tuple[Comment, etree._Element]]:
    """The bodies that hold an ``<img>``, parsed (XML: they are serialised as XHTML)."""
    for comment in _bodies(thread):
        if "<img" in comment.body_html:
            yield comment, _parse(comment.body_html)


def _parse(body: str) -> etree._Element:
    data = f"<div>{body}</div>".encode()
    try:
        return etree.fromstring(data, _XML)
    except etree.XMLSyntaxError:
        root = etree.fromstring(data, _XML_RECOVER)
        return root if root is not None else etree.Element("div")


def _serialise(root: etree._Element) -> str:
    parts = [html.escape(root.text, quote=False)] if root.text else []
    parts.extend(etree.tostring(child, encoding="unicode", method="xml") for child in root)
    return "".join(parts).strip()


def _spot(img: etree._Element, page: SavedPage | None, thread: Thread) -> _Spot:
    ref = (img.get("src") or "").strip()
    emoji = EMOJI_CLASS in (img.get("class") or "").split()
    url: str | None = None
    if is_web(ref):
        url = ref
    elif ref and ref[:5].lower() != "data:" and not _in_page_folder(ref, page):
        base = (page.url if page is not None else None) or thread.url
        joined = join_url(base, ref) if base else None
        url = joined if joined is not None and is_web(joined) else None
    return _Spot(img, ref, alt_text(img), emoji, url)


def _in_page_folder(ref: str, page: SavedPage | None) -> bool:
    """``thread_files/a.png``: a file the browser saved beside the page, which has no web
    address of its own (joined to the page's address it would name a page that never was)."""
    first = ref.lstrip("./").split("/", 1)[0]
    folder = page.files_dir.name if page is not None and page.files_dir is not None else None
    return first == folder or first.endswith("_files")


def _carried(spot: _Spot, page: SavedPage | None) -> bytes | None:
    """The picture's bytes if the saved page itself holds them (``SavedPage.resource`` owns
    what may be read: a ``data:`` URI, an archive part, a file inside ``X_files/``)."""
    return page.resource(spot.ref) if page is not None and spot.ref else None


def _place(
    thread: Thread,
    spots: list[_Spot],
    page: SavedPage | None,
    options: ImageOptions,
    tally: _Tally,
) -> None:
    """In page order: find the bytes (the page's, else the web's when asked), convert once per
    distinct input, keep within the budget, rewrite. Bytes are read when their picture's
    turn comes and dropped once converted: a thread of a thousand photos never holds them
    all at once."""
    from .image_convert import Unusable, convert

    cache: dict[tuple[str, bool], Converted | _Failure] = {}

    def converted(data: bytes, emoji: bool) -> Converted | _Failure:
        key = (hashlib.sha256(data).hexdigest(), emoji)
        if key not in cache:
            edge = options.emoji_edge if emoji else options.max_edge
            try:
                cache[key] = convert(data, max_edge=edge, grayscale=options.grayscale)
            except Unusable as error:
                cache[key] = _Failure(str(error))
        return cache[key]

    fetched = _fetched(spots, page, options, converted) if options.fetch else {}
    total = sum(len(image.data) for image in thread.images.values())
    for spot in spots:
        data = _carried(spot, page)
        result: Converted | _Failure
        if data is not None:
            result = converted(data, spot.emoji)
        elif spot.ref[:5].lower() == "data:":
            result = _Failure("a data: URI that holds nothing readable")
        elif spot.url is None:
            result = _Failure("not in the saved page's folder")
        elif spot.url in fetched:
            result = fetched[spot.url]
        else:
            _leave_out(spot, tally, "remote")
            continue
        if isinstance(result, _Failure):
            tally.problem(result.why, spot.url or spot.ref)
            _leave_out(spot, tally, result.reason)
            continue
        if not spot.emoji and min(result.source_size) < TINY_PX:
            spot.words = spot.alt  # a tracking pixel or a spacer
            continue
        name = f"{IMAGE_DIR}{hashlib.sha256(result.data).hexdigest()[:20]}.{result.extension}"
        if name not in thread.images:
            cap = options.max_total_bytes
            if cap is not None and total + len(result.data) > cap:
                _leave_out(spot, tally, "over_budget")
                continue
            total += len(result.data)
            thread.images[name] = BookImage(
                name, result.media_type, result.data, result.width, result.height
            )
        _embed(spot, name)
    if total > options.warn_total_bytes:
        thread.warnings.append(
            f"the pictures add up to {total / MB:.1f} MB, more than the "
            f"{options.warn_total_bytes / MB:.0f} MB Send-to-Kindle accepts; "
            "--max-image-size or --grayscale makes the book smaller"
        )


def _fetched(
    spots: list[_Spot],
    page: SavedPage | None,
    options: ImageOptions,
    converted: Callable[[bytes, bool], Converted | _Failure],
) -> dict[str, Converted | _Failure]:
    """``--fetch-images``: the pictures on the web that the page does not carry, each address
    fetched once and converted as it arrives."""
    from .image_fetch import Fetched, fetch_each

    web = [s for s in spots if s.url is not None and _carried(s, page) is None]
    emoji_only = {s.url: all(o.emoji for o in web if o.url == s.url) for s in web}

    def use(url: str, got: Fetched) -> Converted | _Failure:
        if got.data is None:
            return _Failure(f"could not fetch: {got.problem}", "fetch_failed")
        return converted(got.data, emoji_only[url])

    return fetch_each(
        [s.url for s in web if s.url is not None],
        use,
        timeout=options.fetch_timeout,
        max_bytes=options.max_fetch_bytes,
        workers=options.fetch_workers,
    )


def _embed(spot: _Spot, name: str) -> None:
    img = spot.img
    img.attrib.clear()
    img.set("src", name)
    img.set("alt", spot.alt)
    if spot.emoji:
        img.set("class", EMOJI_CLASS)


def _leave_out(spot: _Spot, tally: _Tally, reason: str | None) -> None:
    """The fallback for one picture; counted for the title page under ``reason``, if any
    (emoji are not pictures anyone misses: they become their alt text uncounted)."""
    if reason is not None and not spot.emoji:
        tally.skip(reason)
    href = safe_link(spot.url) if spot.url is not None else None
    spot.words = to_fallback(spot.img, spot.alt, href, emoji=spot.emoji)


def _warnings(tally: _Tally) -> list[str]:
    """One line per reason, with a count and an example: a thread of 300 broken pictures
    should not print 300 lines."""
    out = []
    for why, refs in tally.problems.items():
        count = len(refs)
        pictures = f"{count} picture{'s' if count != 1 else ''}"
        out.append(f"{pictures} left out ({why}), e.g. {_shown(refs[0])}")
    return out


def _shown(ref: str) -> str:
    if ref[:5].lower() == "data:":
        return ref[:30] + "…"
    return ref if len(ref) <= 100 else ref[:99] + "…"


# --- after the stage: packaging ----------------------------------------------------------------


def settle_bodies(thread: Thread) -> None:
    """Every ``<img>`` whose picture the thread does not hold becomes the fallback (a thread
    built by hand or merged from pages never went through ``add_images``). Idempotent, and a
    no-op for bodies the stage produced."""
    for comment, root in list(_parsed_bodies(thread)):
        changed = False
        gone: dict[etree._Element, str] = {}
        for img in list(root.iter("img")):
            if img.get("src") in thread.images:
                continue
            src = (img.get("src") or "").strip()
            emoji = EMOJI_CLASS in (img.get("class") or "").split()
            href = safe_link(src) if is_web(src) else None
            words = to_fallback(img, alt_text(img), href, emoji=emoji)
            if words is not None:
                gone[img] = words
            changed = True
        if gone:
            strip_elements(gone)
        if changed:
            comment.body_html = _serialise(root)


def used_images(thread: Thread) -> list[BookImage]:
    """The pictures the bodies show, each once, in file-name order (the book's manifest)."""
    names = {name for c in _bodies(thread) for name in _IMAGE_SRC.findall(c.body_html)}
    return [thread.images[name] for name in sorted(names) if name in thread.images]


def item_id(image: BookImage) -> str:
    """A manifest id (an XML name) for a picture."""
    return "img-" + image.file_name.removeprefix(IMAGE_DIR).replace(".", "-")


def left_out_lines(thread: Thread) -> list[str]:
    """The title page's words about pictures the book does not show."""
    skips = thread.image_skips
    lines = []
    texts = (
        ("disabled", "left out (--no-images)"),
        ("remote", "on other sites left out (each is a link); --fetch-images includes them"),
        ("fetch_failed", "could not be fetched (each is a link)"),
        ("over_budget", "left out to keep the pictures within --max-image-size"),
    )
    for reason, text in texts:
        count = skips.get(reason, 0)
        if count:
            lines.append(f"{count} picture{'s' if count != 1 else ''} {text}")
    return lines


def merge_images(into: Thread, threads: Iterable[Thread]) -> None:
    """For merging pages of one thread: every page's pictures and left-out counts."""
    for thread in threads:
        if thread is into:
            continue
        into.images.update(thread.images)
        for reason, count in thread.image_skips.items():
            into.image_skips[reason] = into.image_skips.get(reason, 0) + count
