"""``thread2epub serve``: the paste page, for readers who never open a terminal.

A local web page where a thread copied in the browser (Ctrl+C keeps the page's HTML, with
authors, times and nesting) or a saved page becomes a book. The standard library's
``ThreadingHTTPServer`` is enough: one user, on this machine, two kinds of request; a framework
would be a dependency to keep up to date for no gain, and every security check it would hide is
written out in ``serve_app``.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import signal
import sys
import threading
import webbrowser
from collections.abc import Sequence
from types import FrameType

from .limits import MAX_INPUT_BYTES, MB, Limits
from .serve_app import Config, Handler, PasteServer, PasteServer6, quiet_libraries

PROG = "thread2epub serve"
DEFAULT_PORT = 8765
LOOPBACK = "127.0.0.1"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Start the paste page: a page in your web browser where you paste a thread you "
            "copied (select it, Ctrl+C, then Ctrl+V in the page) or drop its saved page, press "
            "'Make book', and download the EPUB. Nothing leaves this machine: the page and "
            "the conversion run here, and only this machine can open the page."
        ),
        epilog=(
            "examples:\n"
            "  thread2epub serve --open        start it and open the page in your browser\n"
            "  thread2epub serve --port 9000   on another port\n"
            "\n"
            "Press Ctrl-C in this terminal to stop it (exit status 0). Exit status 1: the page\n"
            "could not start (the port is taken: choose another with --port)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help="the port to listen on (default: %(default)s; 0 picks a free one)",
    )
    parser.add_argument(
        "--open", action="store_true", help="open the page in your web browser once it is up"
    )
    parser.add_argument(
        "--host",
        default=LOOPBACK,
        help="the address to listen on (default: %(default)s, this machine only); another "
        "one lets other machines on that network use the page",
    )
    parser.add_argument(
        "--max-input-mb",
        type=_port,
        default=MAX_INPUT_BYTES // MB,
        metavar="MB",
        help="refuse pastes and uploads larger than this (default: %(default)s)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="print the full traceback of internal errors"
    )
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0 to 65535: {text!r}")
    return value


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def start(host: str, port: int, limits: Limits, *, debug: bool = False) -> PasteServer:
    """A bound, listening server (not yet serving): ``port`` 0 picks a free port, and
    ``server.config.port`` is the real one. Raises ``OSError`` when it cannot bind."""
    kind = PasteServer6 if ":" in host else PasteServer
    server = kind((host.strip("[]"), port), Handler, bind_and_activate=True)
    bound = server.server_address[1]
    server.config = Config(host=host, port=int(bound), limits=limits, debug=debug)
    return server


def url_of(server: PasteServer) -> str:
    host = server.config.host
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{server.config.port}/"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    quiet_libraries()
    if not is_loopback(args.host):
        _say(
            f"warning: listening on {args.host}: anyone who can reach this machine there can "
            "use the page and make it convert what they send"
        )
    try:
        server = start(
            args.host, args.port, Limits(max_input_bytes=args.max_input_mb * MB), debug=args.debug
        )
    except OSError as error:
        _say(_bind_failure(error, args.host, args.port))
        return 1
    except KeyboardInterrupt:
        _say("stopped")
        return 0
    return _serve(server, open_browser=args.open)


def _serve(server: PasteServer, *, open_browser: bool) -> int:
    """Until Ctrl-C or SIGTERM: both end it the same clean way, with one line and status 0
    (stopping is how a server's work ends, not a failure). The handler is in place before
    the address is shown, so that a Ctrl-C at any moment after it is a clean stop."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        url = url_of(server)
        _say(f"the paste page is at {url} (press Ctrl-C to stop)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.serve_forever()
    except KeyboardInterrupt:
        _say("stopped")
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0


def _bind_failure(error: OSError, host: str, port: int) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"port {port} is already in use on {host}; choose another with --port"
    if error.errno == errno.EACCES:
        return f"not allowed to listen on port {port}; choose one above 1023 with --port"
    reason = error.strerror or str(error)
    return f"cannot listen on {host}:{port} ({reason}); check --host and --port"


def _say(message: str) -> None:
    print(f"thread2epub: {message}", file=sys.stderr)
