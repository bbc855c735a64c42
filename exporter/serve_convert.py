"""What the paste page's two requests do: the CLI's pipeline, fed from a form.

No second code path: the same stages the command line runs (``load.page_from_bytes`` →
``pipeline.thread_from_page`` → ``merge.merge_pages`` → ``shape.shape`` → ``epub.epub_bytes``),
with the form's fields in place of flags. Nothing is written to disk; every byte lives only
for one request.
"""

from __future__ import annotations

import html
import mimetypes
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, cast
from urllib.parse import quote

from .errors import InputError
from .formats import Resource
from .limits import Limits
from .model import Comment, Thread
from .serve_form import Form, Upload, is_page
from .shape import SORT_ORDERS, ShapeOptions, SortOrder, shape
from .sites import SITE_MODULES

PASTE_SOURCE = "<pasted>"
"""The source name of pasted content: ``<…>`` names are never used as a title or file name."""

PREVIEW_COMMENTS = 8
"""How many comments the preview shows: enough to see the nesting, little enough to read."""

_EXCERPT_CHARS = 240


@dataclass(frozen=True)
class Request:
    """The form, read: the pages to convert and the reader's choices."""

    pages: list[Upload]
    resources: dict[str, bytes]
    title: str
    site: str | None
    options: ShapeOptions
    images: bool


@dataclass(frozen=True)
class Book:
    """A made book, in memory until the response is sent."""

    name: str
    data: bytes
    comments: int


def read_request(form: Form) -> Request:
    """The form's pages and options; a missing or nonsensical field is an ``InputError``."""
    pages = [upload for upload in form.files if is_page(upload)]
    resources = {upload.name: upload.data for upload in form.files if not is_page(upload)}
    pasted = form.fields.get("paste", "")
    if pasted.strip():
        pages.insert(0, Upload(PASTE_SOURCE, pasted.encode("utf-8")))
    if not pages:
        if resources:
            names = ", ".join(sorted(resources)[:3])
            raise InputError(
                f"{names}: none of these is a page; add the saved page itself (.html, .mhtml, "
                ".webarchive) or paste the thread"
            )
        raise InputError("nothing to convert: paste the thread or choose its saved page first")
    site = form.text("site") or None
    if site is not None and site not in SITE_MODULES:
        raise InputError(f"site: {site!r} is not one thread2epub knows; leave it on automatic")
    return Request(
        pages=pages,
        resources=resources,
        title=form.text("title"),
        site=site,
        options=_options(form),
        images=form.text("images") not in ("0", "off", "false"),
    )


def _options(form: Form) -> ShapeOptions:
    """Checked before any page is parsed: a wrong choice is said at once."""
    sort = form.text("sort") or "page"
    if sort not in SORT_ORDERS:
        raise InputError(f"order of comments: unknown sort {sort!r}; choose one in the list")
    try:
        return ShapeOptions(
            sort=cast(SortOrder, sort), min_score=_whole_number(form.text("min_score"))
        )
    except ValueError as error:
        raise InputError(str(error)) from None


def _whole_number(text: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(f"minimum score: {text!r} is not a whole number") from None


def convert(request: Request, limits: Limits) -> tuple[Thread, list[str]]:
    """The shaped thread and what the reader's options left out, exactly as the CLI makes
    them (``cli.convert``): load each page, merge pages of one thread, title, then shape.
    Pictures are embedded from what was given (a ``_files`` folder, an MHTML's parts, ``data:``
    URIs); the page never fetches anything from the web."""
    from .images import ImageOptions
    from .load import page_from_bytes
    from .merge import Page, merge_pages
    from .pipeline import thread_from_page

    images = ImageOptions(embed=request.images, fetch=False)
    pages = []
    for upload in request.pages:
        page = page_from_bytes(upload.data, upload.name, max_bytes=limits.max_input_bytes)
        page.resources = {**resource_names(upload.name, request.resources), **page.resources}
        thread = thread_from_page(page, site=request.site, limits=limits, images=images)
        pages.append(Page(upload.name, thread))
    thread = merge_pages(pages)
    if request.title:
        thread.title = request.title
    shaped, report = shape(thread, request.options)
    return shaped, report.describe()


def resource_names(page_name: str, files: dict[str, bytes]) -> dict[str, Resource]:
    """The uploaded files under every name a saved page may use for them: browsers write
    ``Title_files/pic.png`` or ``./Title_files/pic.png``, percent-encoded or not; a file
    chosen on its own (not in its folder) is taken as being in the page's ``_files`` folder."""
    folder = f"{PurePosixPath(page_name).stem}_files/"
    named: dict[str, Resource] = {}
    for name, data in files.items():
        resource = Resource(data, mimetypes.guess_type(name)[0])
        paths = [name] if "/" in name else [name, folder + name]
        for path in paths:
            for key in (path, f"./{path}", quote(path), f"./{quote(path)}"):
                named.setdefault(key, resource)
    return named


def make_book(request: Request, limits: Limits) -> Book:
    from .epub import epub_bytes
    from .pipeline import default_output_name

    thread, left_out = convert(request, limits)
    data = epub_bytes(thread, left_out=left_out)
    return Book(default_output_name(thread.title), data, thread.comment_count())


def preview(request: Request, limits: Limits) -> dict[str, Any]:
    """What was found, as the page shows it before the download: enough to tell at a glance
    whether this is the thread the reader meant."""
    from .pipeline import default_output_name
    from .sites import all_sites

    thread, left_out = convert(request, limits)
    names = {site.key: site.name for site in all_sites()}
    first: list[dict[str, Any]] = []
    for comment in thread.walk():
        if len(first) == PREVIEW_COMMENTS:
            break
        first.append(_comment(comment))
    return {
        "site": names.get(thread.site, thread.site),
        "site_name": thread.site_name,
        "title": thread.title,
        "url": thread.url,
        "community": thread.community,
        "post": _comment(thread.post) if thread.post is not None else None,
        "comment_count": thread.comment_count(),
        "comments": first,
        "warnings": list(thread.warnings),
        "left_out": left_out,
        "pages": len(request.pages),
        "file_name": default_output_name(thread.title),
    }


def _comment(comment: Comment) -> dict[str, Any]:
    when = comment.created.isoformat() if comment.created else comment.created_text
    return {
        "author": comment.author,
        "depth": comment.depth,
        "when": when,
        "score": comment.score,
        "text": excerpt(comment.body_html),
    }


def excerpt(body_html: str) -> str:
    """The first words of a body as plain text (the page never renders a body's HTML)."""
    words = html.unescape(re.sub(r"<[^>]+>", " ", body_html)).split()
    text = " ".join(words)
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1].rstrip() + "…"
