"""Gzip: ``page.html.gz``, ``page.mhtml.gz``, and pages a server or a tool left compressed.

Decompressed in bounded steps, so the input size limit applies to what comes *out*: a
kilobyte-sized gzip of gigabytes of zeros (a "gzip bomb") is refused after reading just past
the limit, never inflated in full.
"""

from __future__ import annotations

import zlib

from ..errors import InputError, LimitError

MAGIC = b"\x1f\x8b"
_STEP = 1024 * 1024


def is_gzip(data: bytes) -> bool:
    return data.startswith(MAGIC)


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Every member of a gzip stream, at most ``max_bytes`` of output, else a ``LimitError``."""
    out: list[bytes] = []
    total = 0
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(wbits=31)
            pending = rest
            while pending and not inflater.eof:
                chunk = inflater.decompress(pending, _STEP)
                pending = inflater.unconsumed_tail
                total += len(chunk)
                if total > max_bytes:
                    raise _too_large(source, max_bytes)
                out.append(chunk)
            if not inflater.eof:
                raise _damaged(source, "it ends before the compressed data does")
            rest = inflater.unused_data
            # Trailing zero padding after the last member is common (tape-style blocks).
            if not rest.strip(b"\x00"):
                break
            if not rest.startswith(MAGIC):
                break
    except zlib.error as exc:
        raise _damaged(source, str(exc).split(": ", 1)[-1]) from None
    return b"".join(out)


def _too_large(source: str, max_bytes: int) -> LimitError:
    return LimitError(
        f"{source}: decompresses to more than {max_bytes // (1024 * 1024)} MB; "
        "this is not a thread page, or raise the limit with --max-input-mb"
    )


def _damaged(source: str, why: str) -> InputError:
    return InputError(
        f"{source}: is a damaged gzip file ({why}); decompress it with gunzip to see what is "
        "left, or save the page again"
    )
