"""Reading the paste page's form (``multipart/form-data``) into what the converter needs.

The standard library no longer parses form uploads (``cgi`` is gone in Python 3.13), and
``email``'s parser rewrites line endings of text parts; a saved page must reach the loader
byte for byte, so the few lines of splitting on the boundary are done here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InputError

_BOUNDARY = re.compile(r'boundary="?([^";]{1,200})"?', re.IGNORECASE)
_DISPOSITION = re.compile(rb'\b(name|filename)="([^"]*)"', re.IGNORECASE)

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".webarchive", ".txt")
"""Files that are a page of the thread; anything else given with them (the pictures and
scripts of a "Web page, complete" ``_files`` folder) is a resource of those pages."""


@dataclass(frozen=True)
class Upload:
    """One file from the form: its name (the user's, for messages) and its bytes."""

    name: str
    data: bytes


@dataclass
class Form:
    """The fields the page sends; every one may be missing (the defaults are the CLI's)."""

    fields: dict[str, str] = field(default_factory=dict)
    files: list[Upload] = field(default_factory=list)

    def text(self, name: str) -> str:
        return self.fields.get(name, "").strip()


def parse_form(content_type: str, body: bytes) -> Form:
    """The form's fields and files; a body that is not a form is an ``InputError``."""
    match = _BOUNDARY.search(content_type)
    if not content_type.lower().startswith("multipart/form-data") or match is None:
        raise InputError("the request is not a form upload; use the page to send the thread")
    delimiter = b"--" + match.group(1).encode("latin-1")
    form = Form()
    parts = body.split(b"\r\n" + delimiter)
    # The first part is the preamble up to the first delimiter (which has no CRLF before it).
    first = parts[0]
    if not first.startswith(delimiter):
        raise InputError("the form upload is cut short; send it again")
    parts[0] = first[len(delimiter) :]
    for part in parts:
        if part.startswith(b"--"):
            break  # the closing delimiter
        _read_part(part, form)
    return form


def _read_part(part: bytes, form: Form) -> None:
    head, separator, data = part.partition(b"\r\n\r\n")
    if not separator:
        raise InputError("the form upload is malformed; send it again")
    names: dict[bytes, bytes] = {}
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-disposition:"):
            names = {key.lower(): value for key, value in _DISPOSITION.findall(line)}
    name = names.get(b"name", b"").decode("utf-8", "replace")
    if b"filename" in names:
        file_name = names[b"filename"].decode("utf-8", "replace")
        form.files.append(Upload(_relative_name(file_name) or "upload", data))
    elif name:
        form.fields[name] = data.decode("utf-8", "replace")


def _relative_name(name: str) -> str:
    """The name as a relative path with no way up (``page_files/pic.png`` for a dropped
    folder): it names a resource of the page, never a place on this machine."""
    steps = [step.strip() for step in re.split(r"[\\/]", name)]
    return "/".join(step for step in steps if step not in ("", ".", ".."))


def is_page(upload: Upload) -> bool:
    return upload.name.lower().endswith(PAGE_SUFFIXES)
