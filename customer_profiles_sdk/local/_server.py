"""The emulator as an HTTP server (``customer-profiles local serve``).

A threaded HTTP/1.1 server that answers every request through
:meth:`LocalBackend.handle_http`, i.e. through the same wire layer and dispatch as the
in-process client, so the AWS CLI or any other SDK can use it with
``--endpoint-url http://127.0.0.1:PORT``.

How it talks HTTP:

* **persistent connections** (HTTP/1.1 keep-alive): a client may send any number of
  requests on one connection; ``Connection: close`` (or an HTTP/1.0 request without
  ``Connection: keep-alive``) is answered and the connection closed;
* **one write per response** (status line, headers and body together) on a socket with
  ``TCP_NODELAY``: a response never waits for the client's delayed ACK;
* **malformed requests** get a ``400 BadRequestException`` in the service's wire format
  (``x-amzn-ErrorType``, JSON ``Message``, ``x-amzn-RequestId``), never an HTML page or
  a dropped connection; when the request's end cannot be known (a bad ``Content-Length``,
  a short body, chunked encoding) the answer carries ``Connection: close``;
* **read timeout**: a connection on which nothing arrives for ``read_timeout`` seconds
  (a stalled request, or an idle keep-alive connection) is closed, so no client can
  hold a worker thread forever;
* binding an address that is not loopback prints a **warning** on standard error: the
  emulator does no authentication.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import os
import re
import signal
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from ._errors import ServiceFault, bad_request
from ._wire import HttpResponse, error_response, region_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._backend import LocalBackend

logger = logging.getLogger("customer_profiles_sdk.local")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4566

#: Seconds a connection may stay silent (mid-request or idle between requests). [A]
DEFAULT_READ_TIMEOUT = 30.0

#: Largest request body accepted. The model's largest inputs (a 256,000-character
#: ``Object``, escaped) stay far below it. [A]
MAX_BODY_BYTES = 16 * 1024 * 1024

#: Seconds between two checks of the accept loop for :meth:`EmulatorServer.stop`.
_POLL_INTERVAL = 0.05

_DIGITS = re.compile(r"[0-9]+")


#: Longest request line or header line, and most header lines, as ``http.server``.
_MAX_LINE = 65536
_MAX_HEADERS = 100
#: A header name: an RFC 9110 token.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class _Refused(Exception):  # noqa: N818 - a control-flow signal, not an error type
    """A request whose end is unknown: answer 400 and close the connection."""


class _Headers:
    """A request's header fields, in order; names compare case-insensitively."""

    def __init__(self, fields: list[tuple[str, str]]) -> None:
        self.fields = fields
        self._by_name: dict[str, list[str]] = {}
        for name, value in fields:
            self._by_name.setdefault(name.lower(), []).append(value)

    def get(self, name: str) -> str | None:
        """The first value of ``name``, or ``None``."""
        values = self._by_name.get(name.lower())
        return values[0] if values else None

    def get_all(self, name: str) -> list[str]:
        """Every value of ``name``, in order."""
        return list(self._by_name.get(name.lower(), ()))

    def as_dict(self) -> dict[str, str]:
        """Name -> value (the last one, for a repeated name), names as sent."""
        return dict(self.fields)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "CustomerProfilesEmulator"
    disable_nagle_algorithm = True  # TCP_NODELAY on every accepted socket
    fields = _Headers([])  # the current request's header fields (parse_request)

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.read_timeout)
        self.server.opened(self.connection)

    def finish(self) -> None:
        self.server.closed(self.connection)
        with contextlib.suppress(OSError):  # the peer is gone: nothing left to flush
            super().finish()

    def handle_one_request(self) -> None:
        """Read one request and answer it; any method is routed by the wire layer."""
        try:
            self.raw_requestline = self.rfile.readline(_MAX_LINE + 1)
            if len(self.raw_requestline) > _MAX_LINE:
                self.requestline = ""
                self.request_version = "HTTP/1.1"
                self.command = ""
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return  # parse_request answered through send_error
            self._answer()
        except TimeoutError:
            # Idle keep-alive connection, or a request line/headers that stopped coming.
            self.close_connection = True
        except ConnectionError:
            self.close_connection = True

    def parse_request(self) -> bool:
        """Parse the request line and the header fields (``http.server``'s job, leaner).

        Sets ``command``, ``path``, ``request_version``, ``close_connection`` and
        :attr:`fields`; answers a malformed request itself (through :meth:`send_error`)
        and then returns ``False``. Like ``http.server``: HTTP/1.1 connections persist
        unless ``Connection: close``, HTTP/1.0 ones only with ``Connection: keep-alive``,
        and ``Expect: 100-continue`` is answered with ``100 Continue``. Unlike it: no
        e-mail parser (the cost of a request), HTTP/0.9, folded header lines and header
        lines without a name are refused, and no message echoes the request.
        """
        self.command = ""
        self.request_version = "HTTP/1.1"
        self.close_connection = True
        self.fields = _Headers([])
        self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        words = self.requestline.split()
        if not words:
            return False  # a blank line: nothing to answer
        if len(words) == 2:
            self.send_error(HTTPStatus.BAD_REQUEST, "HTTP/0.9 is not supported")
            return False
        if len(words) != 3:
            self.send_error(HTTPStatus.BAD_REQUEST, "the request line is not METHOD TARGET VERSION")
            return False
        command, path, version = words
        found = re.fullmatch(r"HTTP/([0-9]{1,10})\.([0-9]{1,10})", version)
        if found is None:
            self.send_error(HTTPStatus.BAD_REQUEST, "bad HTTP version")
            return False
        number = int(found.group(1)), int(found.group(2))
        if number >= (2, 0) or number < (1, 0):
            self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP/1.0 and HTTP/1.1 only")
            return False
        self.request_version = version
        self.close_connection = number < (1, 1)
        self.command = command
        self.path = "/" + path.lstrip("/") if path.startswith("//") else path
        fields: list[tuple[str, str]] = []
        while True:
            line = self.rfile.readline(_MAX_LINE + 1)
            if len(line) > _MAX_LINE:
                self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long")
                return False
            if line in (b"\r\n", b"\n", b""):
                break
            if len(fields) >= _MAX_HEADERS:
                self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many headers")
                return False
            text = str(line, "iso-8859-1")
            name, colon, value = text.partition(":")
            if line[:1] in (b" ", b"\t"):
                self.send_error(HTTPStatus.BAD_REQUEST, "folded header lines are obsolete")
                return False
            if not colon or _TOKEN.fullmatch(name) is None:
                self.send_error(HTTPStatus.BAD_REQUEST, "a header line is not NAME: VALUE")
                return False
            fields.append((name, value.strip(" \t\r\n")))
        self.fields = _Headers(fields)
        connection = (self.fields.get("Connection") or "").lower()
        if connection == "close":
            self.close_connection = True
        elif connection == "keep-alive":
            self.close_connection = False
        expect = (self.fields.get("Expect") or "").lower()
        if expect == "100-continue" and number >= (1, 1):
            return self.handle_expect_100()
        return True

    def _answer(self) -> None:
        try:
            body = self._read_body()
        except _Refused as refused:
            self.close_connection = True
            self.server.backend._record(
                None, region_of(self.fields.as_dict()), 400, "BadRequestException"
            )
            self._send(error_response(bad_request(str(refused))))
            return
        headers = self.fields.as_dict()
        try:
            response = self.server.backend.handle_http(self.command, self.path, headers, body)
        except Exception as exc:  # handle_http answers every error itself: a bug
            logger.exception("emulator failed to answer a %s request", self.command)
            response = error_response(
                ServiceFault(
                    "InternalServerException",
                    f"The emulator failed while answering the request ({type(exc).__name__}); "
                    "this is a bug in customer-profiles-sdk",
                )
            )
        self._send(response)

    def _read_body(self) -> bytes:
        encoding = self.fields.get("Transfer-Encoding")
        if encoding is not None and encoding.strip().lower() != "identity":
            raise _Refused(
                f"Transfer-Encoding {encoding.strip()!r} is not supported by the "
                "customer-profiles-sdk emulator; send the body with a Content-Length"
            )
        values = {value.strip() for value in self.fields.get_all("Content-Length")}
        if not values:
            return b""
        if len(values) > 1:
            raise _Refused("The request has several different Content-Length headers")
        text = values.pop()
        if _DIGITS.fullmatch(text) is None:
            raise _Refused("Content-Length must be a non-negative decimal integer")
        # Compared as text first: int() refuses more than 4,300 digits.
        if len(text.lstrip("0")) > len(str(MAX_BODY_BYTES)) or int(text) > MAX_BODY_BYTES:
            shown = text if len(text) <= 20 else f"{text[:20]}... ({len(text)} digits)"
            raise _Refused(
                f"The request body ({shown} bytes) exceeds the emulator's limit of "
                f"{MAX_BODY_BYTES} bytes"
            )
        length = int(text)
        if length == 0:
            return b""
        try:
            body = self.rfile.read(length)
        except TimeoutError:
            raise _Refused(
                f"The request body did not arrive within {self.server.read_timeout:g} s "
                "(Content-Length announces more than was sent)"
            ) from None
        if len(body) < length:
            raise _Refused(
                f"The request body is shorter than its Content-Length ({len(body)} of "
                f"{length} bytes)"
            )
        return body

    def _send(self, response: HttpResponse) -> None:
        """Write the whole response (status line, headers, body) in one write."""
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        lines = [
            f"{self.protocol_version} {response.status} {reason}",
            f"Server: {self.version_string()}",
            f"Date: {self.date_time_string()}",
        ]
        lines += [f"{key}: {value}" for key, value in response.headers.items()]
        lines.append(f"Content-Length: {len(response.body)}")
        if self.close_connection:
            lines.append("Connection: close")
        elif self.request_version == "HTTP/1.0":
            lines.append("Connection: keep-alive")  # asked for, or the connection would close
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        self.wfile.write(head if self.command == "HEAD" else head + response.body)
        self.log_request(response.status, len(response.body))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer an HTTP-level problem (bad request line, header too long ...) in the wire format.

        ``http.server`` calls this while parsing; the answer is a 400
        ``BadRequestException`` whatever the HTTP status it names, and the connection is
        closed (the rest of the stream cannot be trusted).
        """
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = str(code)
        text = phrase if message is None or message == phrase else f"{phrase}: {message}"
        self.close_connection = True
        self.server.backend._record(
            None, region_of(self.fields.as_dict()), 400, "BadRequestException"
        )
        self._send(error_response(bad_request(f"Malformed HTTP request ({text})")))

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - " + format, self.address_string(), *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], backend: LocalBackend, read_timeout: float
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.backend = backend
        self.read_timeout = read_timeout
        self.accepted = 0
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def opened(self, connection: socket.socket) -> None:
        with self._open_lock:
            self.accepted += 1
            self._open.add(connection)

    def closed(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(connection)

    def close_open_connections(self) -> None:
        """End every keep-alive connection still open (their threads then finish)."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


def is_loopback(address: str) -> bool:
    """Whether a bound address is a loopback address (``127.0.0.0/8``, ``::1``)."""
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class EmulatorServer:
    """A running HTTP server for one backend (see :meth:`LocalBackend.serve`).

    Args:
        backend: the backend answering requests.
        host: the address to bind (loopback by default; any other address prints a
            warning on standard error, since the emulator does no authentication).
        port: the port; ``0`` picks a free one.
        read_timeout: seconds a connection may stay silent, in the middle of a request
            or idle between two requests, before the server closes it.

    Attributes:
        backend: the backend answering requests.
        host: the bound address.
        port: the bound port (the real one when ``0`` was asked for).
        read_timeout: the read timeout in seconds.

    Raises:
        ValueError: for a ``read_timeout`` that is not a positive number.
    """

    def __init__(
        self,
        backend: LocalBackend,
        host: str = DEFAULT_HOST,
        port: int = 0,
        *,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        if not read_timeout > 0:
            raise ValueError("read_timeout must be a positive number of seconds")
        self.backend = backend
        self.read_timeout = float(read_timeout)
        self._server = _Server((host, port), backend, self.read_timeout)
        self.host = host
        self.port = int(self._server.server_address[1])
        self._thread: threading.Thread | None = None
        bound = str(self._server.server_address[0])
        if not is_loopback(bound):
            print(
                f"WARNING: the Customer Profiles emulator listens on {self.url}, which is "
                f"not a loopback address ({bound}). It does no authentication: anyone who "
                "can reach this address can read and change its data.",
                file=sys.stderr,
                flush=True,
            )

    @property
    def url(self) -> str:
        """The endpoint URL, e.g. ``http://127.0.0.1:4566``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def connections_accepted(self) -> int:
        """How many TCP connections the server has accepted so far."""
        return self._server.accepted

    def start(self) -> EmulatorServer:
        """Start answering requests in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                # How often the loop checks for stop(): stop() takes at most this long.
                kwargs={"poll_interval": _POLL_INTERVAL},
                name=f"customer-profiles-emulator-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering requests, close open connections and release the port."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.close_open_connections()
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
    parser.add_argument(
        "--read-timeout",
        metavar="SECONDS",
        type=_positive_seconds,
        default=DEFAULT_READ_TIMEOUT,
        help="close a connection that sends nothing for this long, mid-request or idle "
        "(default %(default)g)",
    )


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def run_serve(args: argparse.Namespace) -> int:
    """Run the server until Ctrl-C or SIGTERM; return the exit status."""
    from ._backend import LocalBackend

    # No record of calls: nothing in a served process reads it, and it would grow with
    # every call of a long-running server.
    backend = LocalBackend(account_id=args.account_id, max_recorded_calls=0)
    if args.state:
        if os.path.exists(args.state):
            try:
                backend.load_state(args.state)  # refuses a file it did not write
            except (OSError, ValueError) as exc:  # load_state's refusals, unreadable files
                # The file is left alone: autosave would overwrite it on the first change.
                print(
                    f"cannot load the state file {args.state}: {type(exc).__name__}: {exc}",
                    file=sys.stderr,
                )
                return 1
        backend.autosave(args.state)
    try:
        server = EmulatorServer(
            backend, args.host, args.port, read_timeout=args.read_timeout
        ).start()
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
