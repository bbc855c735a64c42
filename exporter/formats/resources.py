"""Finding a resource a page refers to, without ever reading a file the page does not own.

``lookup`` is the one door from an ``<img src>`` to bytes. A saved page is untrusted: its
``src`` can say ``/etc/passwd``, ``../../.ssh/id_rsa`` or ``file:///etc/hostname``, and an
archive can name a part anything it likes. So the archive's parts are only ever matched by
name (they are bytes we already hold), and the disk is read only inside the page's own
resource folder (``X_files/``), after resolving links, and only regular files under a cap.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from . import Resource

MAX_RESOURCE_BYTES = 64 * 1024 * 1024
"""No image in a thread page comes near this; a bigger "image" is not worth embedding."""


def lookup(
    ref: str,
    resources: dict[str, Resource],
    base_url: str | None,
    files_dir: Path | None,
) -> Resource | None:
    """The resource ``ref`` (an ``src`` exactly as the page writes it) names, or None.

    Order: a ``data:`` URI; an archive part named exactly ``ref``, then named by ``ref``
    joined against the page's URL; a file inside ``files_dir``. Never raises.
    """
    ref = ref.strip()
    if not ref:
        return None
    if ref[:5].lower() == "data:":
        return data_uri(ref)
    if resources:
        found = _archived(ref, resources, base_url)
        if found is not None:
            return found
    if files_dir is not None:
        return from_folder(ref, files_dir)
    return None


def _archived(ref: str, resources: dict[str, Resource], base_url: str | None) -> Resource | None:
    candidates = [ref]
    if base_url:
        with contextlib.suppress(ValueError):
            candidates.append(urljoin(base_url, ref))
    for candidate in candidates:
        found = resources.get(candidate) or resources.get(candidate.split("#", 1)[0])
        if found is not None:
            return found
    return None


def data_uri(ref: str) -> Resource | None:
    """``data:[type][;base64],payload``, base64 or percent-encoded; None when malformed."""
    head, comma, payload = ref[5:].partition(",")
    if not comma:
        return None
    params = [part.strip() for part in head.split(";")]
    is_base64 = any(part.lower() == "base64" for part in params[1:])
    content_type = params[0].lower() or None
    if is_base64:
        # Percent-escapes and line breaks turn up inside base64 in hand-written pages.
        text = unquote(payload)
        text = "".join(text.split())
        if len(text) > MAX_RESOURCE_BYTES * 4 // 3 + 4:
            return None
        try:
            data = base64.b64decode(text + "=" * (-len(text) % 4), validate=False)
        except (binascii.Error, ValueError):
            return None
    else:
        if len(payload) > MAX_RESOURCE_BYTES * 3:
            return None
        data = unquote_to_bytes(payload)
    if len(data) > MAX_RESOURCE_BYTES:
        return None
    return Resource(data=data, content_type=content_type)


def from_folder(ref: str, files_dir: Path) -> Resource | None:
    """A file inside ``files_dir`` that the relative ``ref`` names, read from the page's
    folder (``files_dir``'s parent); None for anything else (absolute paths, URLs with a
    scheme, ``..``, links leading out, devices, FIFOs, files over the cap)."""
    try:
        parts = urlsplit(ref)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    for path in dict.fromkeys((unquote(parts.path), parts.path)):
        found = _read_inside(path, files_dir)
        if found is not None:
            return found
    return None


def _read_inside(path: str, files_dir: Path) -> Resource | None:
    if path.startswith(("/", "\\")) or "\\" in path or "\x00" in path:
        return None
    segments = [segment for segment in path.split("/") if segment not in ("", ".")]
    if not segments or ".." in segments:
        return None
    try:
        if files_dir.is_symlink():  # the folder itself swapped for a link since it was found
            return None
        root = Path(os.path.realpath(files_dir))
        real = Path(os.path.realpath(files_dir.parent.joinpath(*segments)))
        if root not in real.parents:
            return None
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESOURCE_BYTES:
            return None
        # O_NOFOLLOW: the real path was checked; a link swapped in since is not followed.
        fd = os.open(
            real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(MAX_RESOURCE_BYTES + 1)
    except (OSError, ValueError):
        return None
    if len(data) > MAX_RESOURCE_BYTES:
        return None
    content_type, _ = mimetypes.guess_type(real.name, strict=False)
    return Resource(data=data, content_type=content_type)
