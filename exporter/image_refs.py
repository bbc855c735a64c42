"""What an ``<img>`` of a comment body becomes when the body is cleaned, before any bytes exist.

Sites clean bodies at parse time, without the saved page, so cleaning cannot embed anything. It
decides what kind of picture an ``<img>`` is (a posted picture, an emoji, a smilie, an avatar or
an icon, a tracking pixel) and keeps a posted picture or emoji as ``<img src alt>`` whose ``src``
is a reference the image stage (``exporter.images``) can look up later:

- a web address (``http``/``https``), resolved against the page's address;
- a ``data:image/…`` URI, as written (SingleFile pages carry their pictures that way);
- a relative path, **as written** (``thread_files/a.png``): resolving it against the page's
  address would make it a web address and lose the file the browser saved beside the page.

Anything else (``javascript:``, ``file:``, absolute or escaping paths, Windows paths) can never
be embedded, so it becomes the alt text right away. A body with an ``<img>`` in it is therefore
not yet book-ready: the image stage (or, for a thread built by hand, ``images.settle_bodies``)
turns every ``<img>`` into a picture of the book or into the fallback below.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

EMOJI_CLASS = "emoji"
"""The one class a kept ``<img>`` may carry: small, inline, one line high (see style.css)."""
TINY_PX = 16
"""An image narrower or lower than this is a spacer or a tracking pixel, not a picture."""
_WEB = ("http", "https")
_EMOJI = re.compile(r"emoji|emote", re.IGNORECASE)
_SMILIE = re.compile(r"smil(?:ie|ey)|emoticon", re.IGNORECASE)
# Site furniture that turns up inside bodies: never a picture someone posted.
_FURNITURE = re.compile(r"avatar|vote|arrow|icon|reaction|sprite|badge|spacer", re.IGNORECASE)
_PIXELS = re.compile(r"\s*([0-9]{1,6})(?:px)?\s*")


def image_kind(img: etree._Element) -> str:
    """``picture``, ``emoji``, ``smilie`` (becomes its alt text) or ``drop`` (furniture and
    tracking pixels: gone without a trace)."""
    classes = img.get("class") or ""
    src = img.get("src") or ""
    path = "" if src[:5].lower() == "data:" else src.split("?", 1)[0]
    if _EMOJI.search(classes):
        return "emoji"
    if _SMILIE.search(classes) or _SMILIE.search(path):
        return "smilie"
    alt = img.get("alt") or ""
    if _FURNITURE.search(classes) or "avatar" in path.lower() or "avatar" in alt.lower():
        return "drop"
    sizes = [_pixels(img.get(name)) for name in ("width", "height")]
    if any(size is not None and size < TINY_PX for size in sizes):
        return "smilie" if alt_text(img) else "drop"
    return "picture"


def _pixels(value: str | None) -> int | None:
    match = _PIXELS.fullmatch(value or "")
    return int(match.group(1)) if match else None


def alt_text(img: etree._Element) -> str:
    """What the picture shows, in words: its alt text, else its title, on one line."""
    return " ".join((img.get("alt") or img.get("title") or "").split())


def image_ref(src: str | None, base_url: str | None) -> str | None:
    """The reference a picture is kept under (see the module's docstring), or None when no
    picture could ever be found behind ``src``."""
    from .clean import join_url, safe_link, split_url

    src = (src or "").strip()
    if not src:
        return None
    if src[:5].lower() == "data:":
        return src if src[5:11].lower() == "image/" else None
    parts = split_url(src)
    if parts is None or "\\" in src:
        return None
    if parts.scheme or parts.netloc or src.startswith("/"):
        if parts.scheme and parts.scheme.lower() not in _WEB:
            return None
        joined = join_url(base_url, src) if base_url else src
        if joined is None or safe_link(joined) is None:
            return None
        joined_parts = split_url(joined)
        return joined if joined_parts and joined_parts.scheme.lower() in _WEB else None
    normal = posixpath.normpath(parts.path)
    if not parts.path or normal == ".." or normal.startswith("../"):
        return None
    return src


def is_web(ref: str) -> bool:
    return ref[:7].lower() == "http://" or ref[:8].lower() == "https://"


def clean_img(img: etree._Element, base_url: str | None) -> str | None:
    """Clean-time: keep a picture or emoji as ``<img src alt>`` with a reference that can be
    looked up, and turn everything else into words (or nothing). Returns the words the
    ``<img>`` gives way to, which the caller puts in its place (``tree_edits.strip_elements``
    does it for all of a body's at once), or None when it stays an element."""
    kind = image_kind(img)
    alt = alt_text(img)
    if kind == "drop":
        return ""
    if kind == "smilie":
        return alt
    ref = image_ref(img.get("src"), base_url)
    if ref is None:
        return to_fallback(img, alt, None, emoji=kind == "emoji")
    img.attrib.clear()
    img.set("src", ref)
    img.set("alt", alt)
    if kind == "emoji":
        img.set("class", EMOJI_CLASS)
    return None


def to_fallback(
    img: etree._Element, alt: str, href: str | None, *, emoji: bool = False
) -> str | None:
    """A picture that is not in the book, in words: a link to it labelled with its alt text
    when it is on the web (not inside another link: links do not nest), else the alt text
    (the ``<img>`` becomes that link or a ``<span>``, and None is returned). An emoji left out
    is just its alt text (``:boom:``), as the page would show it without pictures: that text
    is returned, for the caller to put in the ``<img>``'s place (``strip_elements``, for all
    of a body's at once)."""
    if emoji:
        return alt
    label = f"[image: {alt}]" if alt else "[image]"
    tail = img.tail
    img.clear()  # attributes, text, children and tail
    img.text = label
    img.tail = tail
    in_link = any(a.tag == "a" for a in img.iterancestors())
    if href is not None and not in_link:
        img.tag = "a"
        img.set("href", href)
        img.set("class", "image-link")
    else:
        img.tag = "span"
        img.set("class", "image-alt")
    return None
