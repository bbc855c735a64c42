"""The paste page's HTTP side: who may ask, what they get, and how failures are said.

The server listens on this machine only, but any web page the user has open can make their
browser send requests to ``127.0.0.1``. So every request must name us in ``Host`` (a hostile
domain re-pointed at 127.0.0.1, "DNS rebinding", carries its own name there), every POST must
come from our own page (``Origin``/``Sec-Fetch-Site``: no cross-site form can drive it), and
every response carries a strict Content-Security-Policy: pasted HTML is data, and even if it
reached the page's DOM it could neither run a script nor load anything.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import sys
import traceback
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from .errors import LimitError, Thread2EpubError
from .limits import MB, Limits

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
}
FORM_OVERHEAD = 1 * MB
"""Room for the form's own fields and part headers above the input limit."""
LOCAL_NAMES = frozenset({"localhost", "localhost."})


@dataclass(frozen=True)
class Config:
    """What every request handler needs to know about the server it runs in."""

    host: str
    port: int
    limits: Limits
    debug: bool = False

    @property
    def max_body(self) -> int:
        return self.limits.max_input_bytes + FORM_OVERHEAD


class PasteServer(ThreadingHTTPServer):
    """One thread per request (a big thread's conversion must not hold up the page's other
    requests); threads are daemons so that Ctrl-C never waits for a conversion to end."""

    daemon_threads = True
    config: Config

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that goes away mid-response (a closed tab) is not worth a traceback."""
        kind = sys.exc_info()[0]
        if kind is not None and issubclass(kind, ConnectionError):
            return
        if self.config.debug:
            super().handle_error(request, client_address)
        else:
            print(f"thread2epub: connection failed: {sys.exc_info()[1]}", file=sys.stderr)


class PasteServer6(PasteServer):
    """The same on an IPv6 address (``--host ::1``)."""

    address_family = socket.AF_INET6


def host_allowed(header: str | None, config: Config) -> bool:
    """Whether ``Host`` names this server. Any IP address literal is safe (DNS rebinding needs
    a *name* that resolves to us), as are ``localhost`` and the ``--host`` the user gave; the
    port must be ours."""
    if not header:
        return False
    try:
        parts = urlsplit(f"//{header}")
        port = parts.port if parts.port is not None else 80  # browsers leave out port 80
    except ValueError:
        return False
    name = (parts.hostname or "").lower()
    if port != config.port or not name:
        return False
    if name in LOCAL_NAMES or name == config.host.lower():
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def same_origin(headers: Any, host: str) -> bool:
    """Whether a POST comes from our own page: its ``Origin`` is our address, or, from a
    browser that sends no ``Origin``, ``Sec-Fetch-Site`` says same-origin. With neither, it is
    refused: every browser sends one of them, and a script on this machine can use the CLI."""
    origin = headers.get("Origin")
    if origin is not None:
        return bool(origin.lower() == f"http://{host}".lower())
    return bool(headers.get("Sec-Fetch-Site") == "same-origin")


class Handler(BaseHTTPRequestHandler):
    server: PasteServer
    server_version = "thread2epub"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the one line ``serve`` prints and real failures only."""

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        path = urlsplit(self.path).path
        if path == "/api/info":
            self._json(HTTPStatus.OK, info(self.server.config))
            return
        asset = ASSETS.get(path)
        if asset is None:
            self._json(HTTPStatus.NOT_FOUND, {"error": "no such page"})
            return
        name, content_type = asset
        body = resources.files("exporter").joinpath(f"assets/serve/{name}").read_bytes()
        self._send(HTTPStatus.OK, body, content_type, {"Cache-Control": "no-cache"})

    def do_HEAD(self) -> None:
        self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "use GET or POST"})

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        host = self.headers.get("Host", "")
        if not same_origin(self.headers, host):
            self._refuse(HTTPStatus.FORBIDDEN, "requests from other pages are not accepted")
            return
        path = urlsplit(self.path).path
        if path not in ("/api/preview", "/api/book"):
            self._json(HTTPStatus.NOT_FOUND, {"error": "no such action"})
            return
        body = self._body()
        if body is None:
            return
        self._convert(path, body)

    def _convert(self, path: str, body: bytes) -> None:
        from .serve_convert import make_book, preview, read_request
        from .serve_form import parse_form

        config = self.server.config
        try:
            request = read_request(parse_form(self.headers.get("Content-Type", ""), body))
            del body
            if path == "/api/preview":
                self._json(HTTPStatus.OK, preview(request, config.limits))
                return
            book = make_book(request, config.limits)
        except LimitError as error:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": _plain(error)})
            return
        except Thread2EpubError as error:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": _plain(error)})
            return
        except (RecursionError, MemoryError):
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": _TOO_BIG})
            return
        except Exception:
            self._internal_error()
            return
        ascii_name = book.name.encode("ascii", "replace").decode().replace('"', "'")
        disposition = (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(book.name, safe='')}"
        )
        headers = {
            "Content-Disposition": disposition,
            "X-Comment-Count": str(book.comments),
            "Cache-Control": "no-store",
        }
        self._send(HTTPStatus.OK, book.data, "application/epub+zip", headers)

    def _internal_error(self) -> None:
        """A bug: the page gets one generic line, the terminal the details to report."""
        if self.server.config.debug:
            traceback.print_exc(file=sys.stderr)
        else:
            kind, value = sys.exc_info()[:2]
            name = kind.__name__ if kind else "error"
            print(f"thread2epub: internal error: {name}: {value}", file=sys.stderr)
        self._json(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            {"error": "Something went wrong inside thread2epub. This is a bug; please report it."},
        )

    def _body(self) -> bytes | None:
        """The request's body, or None after refusing it: a body of unknown length cannot be
        capped before it is read, and one over the limit is never read at all."""
        if self.headers.get("Transfer-Encoding"):
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "send the form with a Content-Length")
            return None
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "send the form with a Content-Length")
            return None
        limit = self.server.config.max_body
        if length < 0 or length > limit:
            limit_mb = self.server.config.limits.max_input_bytes // MB
            self._refuse(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"this is more than {limit_mb} MB, the most the page accepts; save the thread "
                "without its pictures, or start the page with a higher --max-input-mb",
            )
            return None
        return self.rfile.read(length)

    def _host_ok(self) -> bool:
        if host_allowed(self.headers.get("Host"), self.server.config):
            return True
        self._refuse(HTTPStatus.FORBIDDEN, "this page answers only at its own address")
        return False

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        """Refused before the body was read: the connection closes, so that an unread body
        cannot be taken for the next request."""
        self.close_connection = True
        self._json(status, {"error": message}, {"Connection": "close"})

    def _json(
        self, status: HTTPStatus, data: dict[str, Any], extra: dict[str, str] | None = None
    ) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        headers = {"Cache-Control": "no-store", **(extra or {})}
        self._send(status, body, "application/json; charset=utf-8", headers)

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str]
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def info(config: Config) -> dict[str, Any]:
    """What the page needs before the first request: the sites it may name, and the size
    past which it need not even upload."""
    from .sites import all_sites

    sites = [{"key": site.key, "name": site.name} for site in all_sites()]
    return {"sites": sites, "max_input_bytes": config.limits.max_input_bytes}


_TOO_BIG = "this thread is too big or too deeply nested to convert here; try the command line"


def _plain(error: Thread2EpubError) -> str:
    """The error's one line, with the paste's internal source name said in words."""
    from .serve_convert import PASTE_SOURCE

    message = str(error).replace("name it with --site", "choose it under “Site”")
    if message.startswith(f"{PASTE_SOURCE}:"):
        message = "What you pasted:" + message[len(PASTE_SOURCE) + 1 :]
    return message


def quiet_libraries() -> None:
    """Libraries' stray log lines (bs4) stay out of the terminal, as in the CLI."""
    logging.getLogger("bs4").addHandler(logging.NullHandler())
