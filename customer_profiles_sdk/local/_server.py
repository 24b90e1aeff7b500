"""The emulator as an HTTP server (``customer-profiles local serve``).

A :class:`http.server.ThreadingHTTPServer` that answers every request through
:meth:`LocalBackend.handle_http`, i.e. through the same wire layer and dispatch as the
in-process client, so the AWS CLI or any other SDK can use it with
``--endpoint-url http://127.0.0.1:PORT``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._backend import LocalBackend

logger = logging.getLogger("customer_profiles_sdk.local")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4566


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "CustomerProfilesEmulator"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        headers = dict(self.headers.items())
        response = self.server.backend.handle_http(self.command, self.path, headers, body)
        self.send_response(response.status)
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = _answer  # noqa: N815 - names BaseHTTPRequestHandler looks up
    do_POST = _answer  # noqa: N815
    do_PUT = _answer  # noqa: N815
    do_DELETE = _answer  # noqa: N815
    do_PATCH = _answer  # noqa: N815
    do_HEAD = _answer  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - " + format, self.address_string(), *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], backend: LocalBackend) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.backend = backend
        super().__init__(address, _Handler)


class EmulatorServer:
    """A running HTTP server for one backend (see :meth:`LocalBackend.serve`).

    Attributes:
        backend: the backend answering requests.
        host: the bound address.
        port: the bound port (the real one when ``0`` was asked for).
    """

    def __init__(self, backend: LocalBackend, host: str = DEFAULT_HOST, port: int = 0) -> None:
        self.backend = backend
        self._server = _Server((host, port), backend)
        self.host = host
        self.port = int(self._server.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The endpoint URL, e.g. ``http://127.0.0.1:4566``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> EmulatorServer:
        """Start answering requests in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                name=f"customer-profiles-emulator-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering requests and release the port."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# --------------------------------------------------------------------------- command line


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``serve`` options to ``parser``."""
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to bind (default %(default)s: loopback only)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port (default %(default)s; 0 = any free)"
    )
    parser.add_argument(
        "--state",
        metavar="FILE",
        help="JSON file to load the emulator's state from and save it to after every change",
    )
    parser.add_argument(
        "--account-id", default="123456789012", help="emulated account id (default %(default)s)"
    )


def run_serve(args: argparse.Namespace) -> int:
    """Run the server until Ctrl-C or SIGTERM; return the exit status."""
    from ._backend import LocalBackend

    backend = LocalBackend(account_id=args.account_id)
    if args.state:
        if os.path.exists(args.state):
            try:
                _check_state_file(args.state)
                backend.load_state(args.state)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                # The file is left alone: autosave would overwrite it on the first change.
                print(
                    f"cannot load the state file {args.state}: {type(exc).__name__}: {exc}",
                    file=sys.stderr,
                )
                return 1
        backend.autosave(args.state)
    try:
        server = backend.serve(args.host, args.port)
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        # Inside the try: a Ctrl-C right after the line is printed still stops cleanly.
        print(f"Customer Profiles emulator listening on {server.url}", flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
    return 0


def _check_state_file(path: str) -> None:
    """Refuse a file :meth:`LocalBackend.save_state` did not write (it would be replaced)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not {"account_id", "regions"} <= data.keys():
        raise ValueError("not a state file written by the emulator")


def build_parser(prog: str = "python -m customer_profiles_sdk.local") -> argparse.ArgumentParser:
    """The parser of ``python -m customer_profiles_sdk.local``."""
    parser = argparse.ArgumentParser(prog=prog, description="Customer Profiles emulator")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the emulator over HTTP")
    add_serve_arguments(serve)
    serve.set_defaults(func=run_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m customer_profiles_sdk.local``."""
    args = build_parser().parse_args(argv)
    status: int = args.func(args)
    return status
