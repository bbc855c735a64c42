"""``--fetch-images``: download the pictures a thread shows from other sites, carefully.

Only when the user asks. Only ``http``/``https``, and redirects only to ``http``/``https`` (the
opener is built from the web handlers alone, so ``file:``, ``ftp:`` and ``data:`` are not even
known to it); a time limit per picture that a server trickling bytes cannot stretch; a size
limit checked before and while reading; and the answer must say it is an image. A few pictures
are fetched at once (a small thread pool), and the results are keyed by address, so the book
does not depend on which answer came first.
"""

from __future__ import annotations

import http.client
import itertools
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import IO, TypeVar

from . import __version__

WORKERS = 4
TIMEOUT = 20.0
"""Seconds a picture may take, from asking to its last byte."""
MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024
_WEB = ("http", "https")
T = TypeVar("T")
_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8"


@dataclass(frozen=True)
class Fetched:
    """A picture's bytes, or why there are none (for a warning)."""

    data: bytes | None
    problem: str | None = None


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ``ftp:`` too; a picture may only move on the web."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if newurl.split(":", 1)[0].strip().lower() not in _WEB:
            raise urllib.error.HTTPError(req.full_url, code, "redirected off the web", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # the user's http(s)_proxy and no_proxy, as browsers do
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _WebOnlyRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """One picture; never raises for anything the network or the server can do."""
    if url.split(":", 1)[0].lower() not in _WEB:
        return Fetched(None, "not a web address")
    request = urllib.request.Request(
        url, headers={"User-Agent": f"thread2epub/{__version__}", "Accept": _ACCEPT}
    )
    started = time.monotonic()
    try:
        with _opener().open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if not kind.startswith("image/"):
                return Fetched(None, f"the server sent {kind or 'no type'}, not a picture")
            declared = response.headers.get("Content-Length", "")
            if declared.strip().isdigit() and int(declared) > max_bytes:
                return Fetched(None, f"larger than {max_bytes // (1024 * 1024)} MB")
            return _read(response, started, timeout, max_bytes)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib refuses file: itself; ftp: is refused above
            return Fetched(None, "a redirect that was not followed (off the web, or a loop)")
        return Fetched(None, f"HTTP {error.code} {error.reason}".strip())
    except urllib.error.URLError as error:
        return Fetched(None, f"no answer ({error.reason})")
    except TimeoutError:
        return Fetched(None, f"no answer within {timeout:g} s")
    except (OSError, ValueError, http.client.HTTPException) as error:
        return Fetched(None, f"the download failed ({type(error).__name__})")


def _read(response: IO[bytes], started: float, timeout: float, max_bytes: int) -> Fetched:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > timeout:
            return Fetched(None, f"not complete within {timeout:g} s")
        chunk = response.read(_CHUNK)
        if not chunk:
            return Fetched(b"".join(chunks))
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return Fetched(None, f"larger than {max_bytes // (1024 * 1024)} MB")


def fetch_each(
    urls: Iterable[str],
    use: Callable[[str, Fetched], T],
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    workers: int = WORKERS,
) -> dict[str, T]:
    """Each distinct address fetched once, a few at a time; each answer goes to ``use`` (with
    its address) in the calling thread as it arrives, so that only what ``use`` keeps (a
    converted picture) stays in memory and ``use`` need not be thread-safe. Keyed by
    address, in the order given."""
    unique = list(dict.fromkeys(urls))
    results: dict[str, T] = {}
    waiting = iter(unique)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:

        def start(url: str) -> tuple[Future[Fetched], str]:
            return pool.submit(fetch, url, timeout=timeout, max_bytes=max_bytes), url

        running = dict(start(url) for url in itertools.islice(waiting, 2 * max(1, workers)))
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                url = running.pop(future)
                results[url] = use(url, future.result())
                following = next(waiting, None)
                if following is not None:
                    running.update([start(following)])
    return {url: results[url] for url in unique}
