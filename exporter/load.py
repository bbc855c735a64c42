"""Read what the user gave us — a saved page or pasted text — into one decoded ``SavedPage``.

This is the pipeline's input edge: the only stage that touches files. Everything after it is a
pure function of the ``SavedPage``.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from .errors import InputError, LimitError
from .formats import Resource, clipboard
from .formats.folder import find_files_dir
from .formats.resources import lookup
from .formats.unpack import is_wrapped_binary, unpack
from .limits import MAX_INPUT_BYTES as MAX_INPUT_BYTES  # re-exported: its home used to be here
from .limits import MAX_NESTING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from lxml import etree

_CHUNK = 1024 * 1024
_SNIFF = 8192
"""Bytes that ``decode`` looks at to tell a binary file from text."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<meta[\s>]"
    r"|<(?:div|article|ul|ol|li|p|span|table|tbody|tr|td|section|main|blockquote|pre|h[1-6])[\s>]"
    # A copied fragment can start with a web component (shreddit's <shreddit-comment-tree>).
    r"|<[a-z][a-z0-9]*-[a-z0-9-]*[\s>])",
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*\s*>|<br\s*/?>")
_CLOSING_TAG_UTF8 = re.compile(_CLOSING_TAG.pattern.encode())
_HTML_HEAD_CHARS = 4096
_KIND_CHARS = 200_000
"""All of the page that ``_html_kind`` reads."""
# Where browsers and SingleFile note the page's address and the time it was saved.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(
    r"Page saved with SingleFile\s*\n\s*url:\s*(\S+)\s*\n\s*saved date:\s*([^\n(]+)", re.IGNORECASE
)


@dataclass
class SavedPage:
    """A decoded input: its text, whether it is HTML, and where it came from.

    The page is held once, as a ``str`` or as UTF-8, whichever was last asked for (``text``,
    ``utf8``): a ``str`` takes up to four bytes a character (one emoji in a page makes all of
    it four: 120 MB for a 30 MB page), and the parsers that stream a big page read UTF-8. An
    HTML page that is valid UTF-8 is read as UTF-8 (``page_from_bytes``), and the sites tell
    it by ``contains`` and ``head``, which never decode all of it: such a page is never a
    ``str`` at all unless a parser asks for ``text``.
    """

    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _utf8: bytes | None = field(default=None, init=False, repr=False, compare=False)
    _head: tuple[str, int] = field(default=("", 0), init=False, repr=False, compare=False)
    """The start of ``_utf8`` decoded, and how many bytes it took (``head``): every site asks
    for the start of the page."""
    text: str  # a property (below): the str, decoded from the UTF-8 if held so (then held)
    is_html: bool
    source: str
    """The file name as the user gave it, or ``<stdin>``: used in every message about it."""
    url: str | None = None
    saved_at: datetime | None = None
    notes: list[str] = field(default_factory=list)
    saved_as: str = "html"
    """How the input was saved: one of ``exporter.formats.SAVED_AS`` ("html", "mhtml",
    "webarchive", "singlefile", "files", "clipboard", "text"); for messages, not for parsing."""
    resources: dict[str, Resource] = field(default_factory=dict)
    """The parts an MHTML or webarchive carried besides the page, keyed by their URL."""
    files_dir: Path | None = None
    """The page's own resource folder ("Web page, complete": ``X_files/``), when read from disk."""
    tree: etree._Element | None = field(default=None, repr=False, compare=False)
    """The page parsed by lxml, kept between the nesting check and the parser that reads it
    (``exporter.page_tree.page_tree``); None until then and after ``release_trees``."""
    tree_cut: bool = field(default=False, repr=False, compare=False)
    """``tree`` is libxml2's, cut at 2,048 levels: enough for the nesting check only."""
    nesting_limit: int = field(default=MAX_NESTING, repr=False, compare=False)
    """How deep the page's HTML may nest (``--max-nesting``): checked before the parser runs,
    or by ``exporter.page_stream`` as it reads the page, for a parser that streams it."""

    def resource(self, ref: str) -> bytes | None:
        """The bytes an ``<img src>`` names, if the saved page itself carries them; else None.

        ``ref`` is the attribute exactly as the page writes it, relative or absolute. Found,
        in this order: a ``data:`` URI (base64 or percent-encoded); an MHTML/webarchive part
        whose URL is ``ref``, then ``ref`` joined against ``self.url``; a regular file inside
        ``files_dir``, under 64 MB. Nothing else on disk is ever read: absolute paths,
        ``file:`` URLs, ``..``, links leading out of the folder and devices all give None,
        as does a remote URL the archive does not hold (nothing is fetched). Never raises.
        The bytes are as stored: sniff them before trusting ``resource_type``.
        """
        found = lookup(ref, self.resources, self.url, self.files_dir)
        return found.data if found is not None else None

    def resource_type(self, ref: str) -> str | None:
        """The MIME type the archive (or the ``data:`` URI, or the file name) declares for
        ``ref``, lower case; None when unknown or when ``resource(ref)`` is None."""
        found = lookup(ref, self.resources, self.url, self.files_dir)
        return found.content_type if found is not None else None

    @cached_property
    def soup(self) -> BeautifulSoup:
        """The parsed HTML, built once and only for the parsers that ask for it."""
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.text, "lxml")

    def release_trees(self) -> None:
        """Let go of the parsed page (several times the page's size in memory)."""
        self.tree, self.tree_cut = None, False
        self.__dict__.pop("soup", None)

    def utf8(self) -> bytes:
        """The page's text as UTF-8, from now on its only copy (``text`` would decode it again
        and let it go). For the parsers that stream a big page (``exporter.page_stream``)."""
        if self._utf8 is None:
            _hold_utf8(self, str(self._text).encode("utf-8", "surrogatepass"))
        return cast(bytes, self._utf8)

    def contains(self, needle: str) -> bool:
        """``needle in text``, without decoding a page held as UTF-8 (the same answer: in
        UTF-8 a character's bytes never match inside another's)."""
        if self._text is not None:
            return needle in self._text
        return needle.encode("utf-8", "surrogatepass") in (self._utf8 or b"")

    def head(self, chars: int) -> str:
        """``text[:chars]``, decoding only the start of a page held as UTF-8 (``chars``
        characters take at most four times as many bytes)."""
        if self._text is not None:
            return self._text[:chars]
        data = self._utf8 or b""
        start, taken = self._head
        if len(start) < chars and taken < len(data):
            end = min(4 * chars, len(data))
            # Not final unless it is the end: a character cut in two there is left out.
            self._head = codecs.utf_8_decode(data[:end], "surrogatepass", end == len(data))[0], end
        return self._head[0][:chars]


def _page_text(page: SavedPage) -> str:
    if page._text is None:
        _set_page_text(page, (page._utf8 or b"").decode("utf-8", "surrogatepass"))
    return cast(str, page._text)


def _set_page_text(page: SavedPage, text: str) -> None:
    page._text, page._utf8 = text, None


def _hold_utf8(page: SavedPage, data: bytes) -> None:
    page._text, page._utf8, page._head = None, data, ("", 0)


# After the dataclass is made: its ``__init__`` sets ``text`` through the property.
SavedPage.text = property(_page_text, _set_page_text)  # type: ignore[assignment]


def read_input(path: str, *, max_bytes: int = MAX_INPUT_BYTES) -> SavedPage:
    """Read a path, or ``-`` for standard input, into a ``SavedPage``; never modifies the input.

    Opened read-only and read at most ``max_bytes + 1`` bytes: a FIFO, ``/dev/zero`` or a
    runaway pipe cannot make it read forever, and a binary stream is refused after 8 KB.
    """
    if path == "-":
        return page_from_bytes(_read_stdin(max_bytes), "<stdin>", max_bytes=max_bytes)
    try:
        data = _read_file(Path(path), path, max_bytes)
    except PermissionError:
        raise InputError(f"{path}: permission denied; check that you can read it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    page = page_from_bytes(data, path, max_bytes=max_bytes)
    if page.is_html and page.saved_as in ("html", "singlefile"):
        # "Web page, complete": only a page read from disk has a folder beside it.
        page.files_dir = find_files_dir(Path(path), page.head)
        if page.files_dir is not None and page.saved_as == "html":
            page.saved_as = "files"
    return page


def _read_stdin(max_bytes: int) -> bytes:
    # Python sets sys.stdin to None when it was started with descriptor 0 closed.
    if sys.stdin is None:
        raise InputError(
            "<stdin>: standard input is closed; pipe the saved page or the pasted text into it"
        )
    try:
        return _read_limited(sys.stdin.buffer, "<stdin>", max_bytes)
    except OSError as exc:
        raise InputError(f"<stdin>: cannot be read ({exc.strerror or exc})") from None


def _read_file(file: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, after the checks that need no reading (what it is, how big)."""
    try:
        info = file.stat()
    except FileNotFoundError:
        if file.is_symlink():
            raise InputError(
                f"{source}: is a link to {os.readlink(file)}, which does not exist"
            ) from None
        raise InputError(f"{source}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(
                f"{source}: is a symbolic link that leads back to itself; "
                "give the saved page's own file"
            ) from None
        raise
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{source}: is a folder; give the saved page's .html file instead")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise _too_large(source, max_bytes)
    with file.open("rb") as handle:
        return _read_limited(handle, source, max_bytes, expected=info.st_size)


def page_from_bytes(data: bytes, source: str, *, max_bytes: int = MAX_INPUT_BYTES) -> SavedPage:
    """Unwrap (gzip, MHTML, webarchive, clipboard HTML), decode, and tell a saved page from
    pasted text. ``max_bytes`` bounds what gzip may decompress to."""
    if not data or data.isspace():  # isspace, not strip(): no copy of a 256 MB input
        raise _empty(source)
    unpacked = unpack(data, source, max_bytes=max_bytes)
    utf8 = _utf8_page(unpacked.data, unpacked.charset)
    text = "" if utf8 is not None else decode(unpacked.data, source, unpacked.charset)
    if utf8 is None and (not text or text.isspace()):  # not strip(): no copy of the page
        raise _empty(source)
    is_html = utf8 is not None or looks_like_html(text)
    page = SavedPage(
        text=text,
        is_html=is_html,
        source=source,
        url=unpacked.url,
        saved_at=unpacked.saved_at,
        saved_as=unpacked.saved_as,
        resources=unpacked.resources,
    )
    if utf8 is not None:
        _hold_utf8(page, utf8)
    if not is_html:
        if page.saved_as == "html":
            page.saved_as = "text"
        return page
    if page.url is None:
        _read_provenance(page)
    if page.saved_as == "html":
        page.saved_as = _html_kind(page.head(_KIND_CHARS))
    return page


def _utf8_page(data: bytes, charset: str | None) -> bytes | None:
    """``data`` (without its BOM), when it is an HTML page that ``decode`` would read as UTF-8
    and that is valid UTF-8: it is then kept as it is (``SavedPage``). None for anything
    else: pasted text, another encoding, broken UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif any(data.startswith(bom) for bom, _ in _BOMS) or _looks_binary(data):
        return None
    declared = _META_CHARSET.search(data[:8192])
    names = [charset] if charset else []
    if declared:
        names.append(declared.group(1).decode("ascii", "replace"))
    for name in names:  # the first one Python knows is what ``decode`` would use
        try:
            if codecs.lookup(name).name != "utf-8":
                return None
            break
        except LookupError:
            continue
    head = data[: 4 * _HTML_HEAD_CHARS].decode("utf-8", "ignore")[:_HTML_HEAD_CHARS]
    if not _HTML_START.match(head) or not _CLOSING_TAG_UTF8.search(data):
        return None
    return data if _valid_utf8(data) else None


def _valid_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, decoded a megabyte at a time (never a ``str`` of it all)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _empty(source: str) -> InputError:
    return InputError(f"{source}: is empty; save the thread page or paste the thread into it")


_DOCUMENT = re.compile(r"<(?:!doctype|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)


def _html_kind(text: str) -> str:
    """SingleFile signs its pages; copied HTML is a fragment, or carries fragment markers."""
    head = text[:20000]
    if _SINGLEFILE.search(head) or "Page saved with SingleFile" in head:
        return "singlefile"
    if clipboard.has_fragment_marks(text) or not _DOCUMENT.search(text[:4096]):
        return "clipboard"
    return "html"


def page_from_text(text: str, source: str = "<text>") -> SavedPage:
    """A ``SavedPage`` from text already in memory (the Python API's ``load_thread``)."""
    return page_from_bytes(text.encode("utf-8"), source)


def decode(data: bytes, source: str, charset: str | None = None) -> str:
    """Bytes to text: a BOM wins, then the ``charset`` the wrapper declared (MHTML's
    Content-Type, a webarchive's encoding name), then a ``<meta charset>``, then UTF-8,
    then a detector."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if _looks_binary(data):
        raise _binary_error(source)
    declared = _META_CHARSET.search(data[:8192])
    names = [charset] if charset else []
    if declared:
        names.append(declared.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        # Pages declare windows-1252 as latin-1 and GBK as GB2312; decode as the superset.
        name = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "gb2312": "gb18030"}.get(
            name.lower(), name
        )
        return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from bs4 import UnicodeDammit

    guess = UnicodeDammit(data, is_html=True)
    if guess.unicode_markup is None:  # pragma: no cover - UnicodeDammit falls back to cp1252
        return data.decode("utf-8", errors="replace")
    return guess.unicode_markup


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with the odd broken sequence (a paste cut mid-character, a lone surrogate) is
    still UTF-8: decoded as cp1252, every dash, bullet and accent of it would turn to
    mojibake. Taken as UTF-8 when its valid non-ASCII characters outnumber the broken
    sequences four to one; legacy cp1252 text has (nearly) no valid sequences at all."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    broken = len(_REPLACED_RUN.findall(text))  # one broken sequence may give several U+FFFD
    ascii_bytes = len(data.translate(None, _NON_ASCII))
    valid = len(text) - ascii_bytes - replaced
    return text if valid >= 4 * broken else None


_NON_ASCII = bytes(range(0x80, 0x100))
_REPLACED_RUN = re.compile("\ufffd+")


def looks_like_html(text: str) -> bool:
    """A saved page or an HTML fragment, as opposed to text pasted from the screen."""
    head = text[:_HTML_HEAD_CHARS]
    if not _HTML_START.match(head):
        return False
    # The first closing tag can sit far in: Lemmy's isoData script alone is often 100 KB.
    return _CLOSING_TAG.search(text) is not None


def _read_limited(handle: BinaryIO, source: str, max_bytes: int, *, expected: int = 0) -> bytes:
    """At most ``max_bytes``, read in chunks; stops early on what is plainly not text.

    A regular file's ``expected`` size (already checked against the limit) is read at once,
    plus a byte to see that it ends there: one read into one buffer, not every chunk joined
    into a copy; streams are read in chunks, and a binary one is refused after its first
    chunk. A buffered ``read(n)`` returns less than ``n`` only at the end of the input, having
    used up that end: on a terminal, Ctrl-D ends the input once, so a short read is the last
    one (reading again would wait for a second Ctrl-D).
    """
    chunks: list[bytes] = []
    total = 0
    checked = False
    first = max(_CHUNK, expected + 1)
    while total <= max_bytes:
        wanted = min(_CHUNK if chunks else first, max_bytes + 1 - total)
        chunk = handle.read(wanted)
        chunks.append(chunk)
        total += len(chunk)
        if not checked and total >= _SNIFF:
            checked = True
            _refuse_binary(b"".join(chunks)[:_SNIFF], source)
        if len(chunk) < wanted:
            break
    if total > max_bytes:
        raise _too_large(source, max_bytes)
    return b"".join(chunks)


def _too_large(source: str, max_bytes: int) -> InputError:
    return LimitError(
        f"{source}: is larger than {max_bytes // (1024 * 1024)} MB; "
        "this is not a thread page, or raise the limit with --max-input-mb"
    )


def _refuse_binary(head: bytes, source: str) -> None:
    """The same judgement as ``decode`` makes, on the first bytes only (BOMs exempt)."""
    if is_wrapped_binary(head):
        return
    if not any(head.startswith(bom) for bom, _ in _BOMS) and _looks_binary(head):
        raise _binary_error(source)


def _binary_error(source: str) -> InputError:
    return InputError(
        f"{source}: looks like a binary file, not a saved page or text; "
        "save the thread with your browser's 'Save Page As' (HTML) or paste it as text"
    )


_BINARY_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x20)])
"""Control bytes that text does not hold (tab, newlines, form feed and return it does)."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > len(sample) // 20


def _read_provenance(page: SavedPage) -> None:
    head = page.head(20000)
    single = _SINGLEFILE.search(head)
    if single:
        page.url = single.group(1)
        page.saved_at = _parse_loose_date(single.group(2))
        return
    saved = _SAVED_FROM.search(head)
    if saved:
        page.url = saved.group(1)


def _parse_loose_date(text: str) -> datetime | None:
    """SingleFile writes dates like 'Tue Nov 10 2026 09:02:12 GMT+0000'."""
    match = re.match(
        r"\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})", text.strip()
    )
    if not match:
        return None
    month, day, year, hh, mm, ss, offset = match.groups()
    try:
        moment = datetime.strptime(
            f"{year} {month} {day} {hh}:{mm}:{ss} {offset}", "%Y %b %d %H:%M:%S %z"
        )
    except ValueError:
        return None
    return moment.astimezone(timezone.utc)
