"""The emulator's HTTP server on raw sockets: malformed requests, keep-alive, timeouts.

Issue 15.11 (malformed requests through the real server), 15.13 (read timeout,
warning for a non-loopback address) and 16.5 (``TCP_NODELAY``, one write per response,
persistent connections). Speed is measured in ``benchmarks/bench_server.py``; these
tests check behaviour only.
"""

from __future__ import annotations

import json
import re
import signal
import socket
import socketserver
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.config import Config

from customer_profiles_sdk.local import EmulatorServer, LocalBackend, emulator_client
from customer_profiles_sdk.local._server import (
    DEFAULT_READ_TIMEOUT,
    MAX_BODY_BYTES,
    build_parser,
    is_loopback,
)
from tests.local.conftest import conformance_checked
from tests.local.test_server import start_server

D = "shop"
#: How long a test waits for the server at most; the server answers in milliseconds.
WAIT = 10.0


@dataclass
class Reply:
    """One HTTP response read off the socket."""

    status: int
    headers: dict[str, str]
    body: bytes

    def message(self) -> str:
        text = json.loads(self.body)["Message"]
        assert isinstance(text, str)
        return text


class Connection:
    """A raw client connection that reads responses one by one (pipelining included)."""

    def __init__(self, server: EmulatorServer) -> None:
        self.sock = socket.create_connection(("127.0.0.1", server.port), timeout=WAIT)
        self.reader = self.sock.makefile("rb")

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def reply(self, *, head: bool = False) -> Reply:
        line = self.reader.readline()
        if not line:
            raise EOFError("the server closed the connection without an answer")
        version, status, _ = line.decode("latin-1").split(" ", 2)
        assert version == "HTTP/1.1"
        headers: dict[str, str] = {}
        while True:
            header = self.reader.readline()
            if header in (b"\r\n", b""):
                break
            name, _, value = header.decode("latin-1").partition(":")
            assert name.lower() not in headers, f"header {name} sent twice"
            headers[name.lower()] = value.strip()
        body = b"" if head else self.reader.read(int(headers["content-length"]))
        return Reply(int(status), headers, body)

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Reply:
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if body or method in ("POST", "PUT"):
            lines.append(f"Content-Length: {len(body)}")
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        return self.reply(head=method == "HEAD")

    def closed_by_server(self) -> bool:
        """Whether the server closed the connection (EOF); raises if it stays open."""
        try:
            return self.reader.read(1) == b""
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


@pytest.fixture
def server(backend: LocalBackend) -> Iterator[EmulatorServer]:
    backend.client().create_domain(DomainName=D, DefaultExpirationDays=30)
    with EmulatorServer(backend, read_timeout=WAIT) as running:
        yield running


@pytest.fixture
def connection(server: EmulatorServer) -> Iterator[Connection]:
    conn = Connection(server)
    yield conn
    conn.close()


def assert_wire_error(reply: Reply, status: int, code: str, *fragments: str) -> str:
    """An error in the service's wire format (never an HTML page)."""
    assert reply.status == status, reply.body
    assert reply.headers["x-amzn-errortype"] == code
    assert reply.headers["content-type"] == "application/json"
    assert re.fullmatch(r"[0-9a-f-]{36}", reply.headers["x-amzn-requestid"])
    assert int(reply.headers["content-length"]) == len(reply.body)
    message = reply.message()
    for fragment in fragments:
        assert fragment in message
    return message


def assert_still_serving(conn: Connection) -> None:
    """The connection is still usable: a valid request on it succeeds."""
    reply = conn.request("GET", f"/domains/{D}")
    assert reply.status == 200
    assert json.loads(reply.body)["DomainName"] == D


# --------------------------------------------------------------------------- the stream


@pytest.mark.parametrize("value", ["abc", "-5", "1e3", "0x10", "+5", "5.0", "", "١٢"])
def test_a_bad_content_length_is_a_400_and_closes(
    backend: LocalBackend, server: EmulatorServer, connection: Connection, value: str
) -> None:
    head = f"POST /domains/{D}/profiles/search HTTP/1.1\r\nHost: x\r\nContent-Length: {value}\r\n"
    connection.send(head.encode("utf-8") + b"\r\n{}")
    reply = connection.reply()
    assert_wire_error(reply, 400, "BadRequestException", "Content-Length")
    assert reply.headers["connection"] == "close"
    assert connection.closed_by_server()
    assert backend.calls[-1].error_code == "BadRequestException"


def test_conflicting_content_lengths_are_a_400(connection: Connection) -> None:
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nHost: x\r\n"
        b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"
    )
    assert_wire_error(connection.reply(), 400, "BadRequestException", "several")
    assert connection.closed_by_server()


def test_repeated_equal_content_lengths_are_accepted(connection: Connection) -> None:
    body = b'{"KeyName": "_email", "Values": ["a@example.com"]}'
    length = str(len(body)).encode()
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + length
        + b"\r\nContent-Length: "
        + length
        + b"\r\n\r\n"
        + body
    )
    assert connection.reply().status == 200


def test_a_body_above_the_limit_is_refused_before_it_is_read(connection: Connection) -> None:
    size = MAX_BODY_BYTES + 1
    connection.send(
        f"PUT /domains/{D}/profiles/objects HTTP/1.1\r\nContent-Length: {size}\r\n\r\n".encode()
    )
    reply = connection.reply()
    assert_wire_error(reply, 400, "BadRequestException", str(size), str(MAX_BODY_BYTES))
    assert reply.headers["connection"] == "close"


def test_a_content_length_of_thousands_of_digits_is_a_400(connection: Connection) -> None:
    digits = "9" * 5000  # beyond what int() converts
    connection.send(
        f"PUT /domains/{D}/profiles/objects HTTP/1.1\r\nContent-Length: {digits}\r\n\r\n".encode()
    )
    reply = connection.reply()
    assert_wire_error(reply, 400, "BadRequestException", "5000 digits", "limit")
    assert connection.closed_by_server()


def test_a_handle_http_bug_is_answered_not_dropped(
    monkeypatch: pytest.MonkeyPatch, backend: LocalBackend, connection: Connection
) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("ann@example.com")

    monkeypatch.setattr(backend, "handle_http", broken)
    reply = connection.request("GET", f"/domains/{D}")
    message = assert_wire_error(reply, 500, "InternalServerException", "RuntimeError", "bug")
    assert "ann@example.com" not in message
    monkeypatch.undo()
    assert_still_serving(connection)


def test_a_body_shorter_than_announced_is_a_400(connection: Connection) -> None:
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nContent-Length: 100\r\n\r\n"
        b'{"KeyName": "_email"'
    )
    connection.sock.shutdown(socket.SHUT_WR)  # the client is done sending
    reply = connection.reply()
    assert_wire_error(reply, 400, "BadRequestException", "shorter", "20 of 100")
    assert reply.headers["connection"] == "close"


def test_a_stalled_body_is_answered_after_the_read_timeout(backend: LocalBackend) -> None:
    backend.client().create_domain(DomainName=D, DefaultExpirationDays=30)
    with EmulatorServer(backend, read_timeout=0.2) as server:
        conn = Connection(server)
        conn.send(b"POST /domains/shop/profiles/search HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")
        reply = conn.reply()  # the client never sends the rest
        assert_wire_error(reply, 400, "BadRequestException", "did not arrive within 0.2 s")
        assert reply.headers["connection"] == "close"
        assert conn.closed_by_server()
        conn.close()


def test_chunked_bodies_are_refused_clearly(connection: Connection) -> None:
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2\r\n{}\r\n0\r\n\r\n"
    )
    reply = connection.reply()
    assert_wire_error(reply, 400, "BadRequestException", "chunked", "not supported")
    assert reply.headers["connection"] == "close"
    assert connection.closed_by_server()


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"NONSENSE\r\n\r\n", "Bad request"),
        (b"GET /domains HTTP/1.1 extra\r\n\r\n", "Bad request"),
        (b"GET /domains HTTP/9.9\r\n\r\n", "HTTP Version Not Supported"),
        (b"GET /domains HTTP/1.x\r\n\r\n", "Bad request"),
        (b"GET /domains HTTP/1.1\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n", "Header"),
        (b"GET /domains HTTP/1.1\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", "Header"),
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", "URI Too Long"),
        (b"GET /domains\r\n", "HTTP/0.9"),
        (b"GET /domains HTTP/0.9\r\n\r\n", "HTTP Version Not Supported"),
        (b"GET /domains HTTP/1.1\r\nX-A: b\r\n  folded\r\n\r\n", "folded"),
        (b"GET /domains HTTP/1.1\r\nno colon here\r\n\r\n", "NAME: VALUE"),
        (b"GET /domains HTTP/1.1\r\nBad Name: v\r\n\r\n", "NAME: VALUE"),
        (b"GET /domains HTTP/1.1\r\n: no name\r\n\r\n", "NAME: VALUE"),
    ],
)
def test_http_level_garbage_is_a_400_in_the_wire_format(
    connection: Connection, raw: bytes, fragment: str
) -> None:
    connection.send(raw)
    reply = connection.reply()
    message = assert_wire_error(reply, 400, "BadRequestException", "Malformed HTTP request")
    assert fragment.lower() in message.lower()
    assert reply.headers["connection"] == "close"
    assert connection.closed_by_server()


def test_garbage_answers_echo_nothing_of_the_request(connection: Connection) -> None:
    connection.send(b"GET /domains/ann@example.com HTTP/1.1 x\r\n\r\n")
    message = assert_wire_error(connection.reply(), 400, "BadRequestException")
    assert "ann@example.com" not in message


def test_a_blank_line_instead_of_a_request_closes(connection: Connection) -> None:
    connection.send(b"\r\n")
    assert connection.closed_by_server()


def test_header_names_are_case_insensitive(connection: Connection) -> None:
    body = b'{"KeyName": "_email", "Values": ["a@example.com"]}'
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nhost: x\r\nCONNECTION: close\r\n"
        + f"content-length: {len(body)}\r\n\r\n".encode()
        + body
    )
    reply = connection.reply()
    assert reply.status == 200
    assert reply.headers["connection"] == "close"


def test_the_region_comes_from_the_authorization_header(
    backend: LocalBackend, connection: Connection
) -> None:
    auth = "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-2/profile/aws4_request, Signature=x"
    reply = connection.request("GET", "/domains", headers={"authorization": auth})
    assert reply.status == 200
    assert backend.calls[-1].region == "eu-west-2"


def test_any_method_is_routed_to_the_wire_layer(connection: Connection) -> None:
    for method in ("OPTIONS", "TRACE", "BREW"):
        reply = connection.request(method, "/domains")
        assert_wire_error(reply, 404, "UnknownOperationException", f"{method} /domains")
    assert_still_serving(connection)


def test_expect_100_continue_still_works(connection: Connection) -> None:
    body = b'{"KeyName": "_email", "Values": ["a@example.com"]}'
    connection.send(
        b"POST /domains/shop/profiles/search HTTP/1.1\r\nExpect: 100-continue\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    )
    assert connection.reader.readline().startswith(b"HTTP/1.1 100")
    assert connection.reader.readline() == b"\r\n"
    connection.send(body)
    assert connection.reply().status == 200


# --------------------------------------------------------------------------- bodies


BODIES = [
    (b"[" * 100_000 + b"]" * 100_000, "nested deeper than"),
    (b'{"X": ' + b"[" * 70 + b"]" * 70 + b"}", "nested deeper than"),
    (b'{"KeyName": "\xff", "Values": ["a"]}', "not valid UTF-8"),
    (b"[1, 2]", "must be a JSON object"),
    (b"null", "must be a JSON object"),
    (b"{not json", "not valid JSON"),
    (b'{"KeyName": "_email", "Values": [NaN]}', "NaN"),
    (b'{"KeyName": "_email", "Values": "a@example.com"}', "Values: a list"),
    (b'{"KeyName": {"a": 1}, "Values": ["a"]}', "KeyName: a string"),
]


@pytest.mark.parametrize(("body", "fragment"), BODIES)
def test_malformed_bodies_are_400s_and_the_connection_lives_on(
    connection: Connection, body: bytes, fragment: str
) -> None:
    reply = connection.request("POST", f"/domains/{D}/profiles/search", body)
    assert_wire_error(reply, 400, "BadRequestException", fragment)
    assert "connection" not in reply.headers  # the body was read in full: keep-alive
    assert_still_serving(connection)


def test_a_nested_object_for_a_string_member_is_a_400(connection: Connection) -> None:
    body = json.dumps({"ObjectTypeName": "Order", "Object": {"id": {"deep": [1]}}}).encode()
    reply = connection.request("PUT", f"/domains/{D}/profiles/objects", body)
    assert_wire_error(reply, 400, "BadRequestException", "Object: a string")


def test_integers_beyond_their_type_are_400s(connection: Connection) -> None:
    reply = connection.request("POST", f"/domains/{D}", b'{"DefaultExpirationDays": 4294967296}')
    assert_wire_error(reply, 400, "BadRequestException", "DefaultExpirationDays", "32-bit")
    reply = connection.request("GET", "/domains?max-results=99999999999999999999")
    assert_wire_error(reply, 400, "BadRequestException", "MaxResults", "32-bit")


# --------------------------------------------------------------------------- keep-alive


def test_many_requests_on_one_connection(server: EmulatorServer, connection: Connection) -> None:
    assert_still_serving(connection)
    before = server.connections_accepted  # counted once the server has set it up
    for _ in range(5):
        assert_still_serving(connection)
    reply = connection.request("GET", "/domains/nope")
    assert_wire_error(reply, 404, "ResourceNotFoundException")
    assert_still_serving(connection)
    assert server.connections_accepted == before  # the fixture's connection, no other


def test_pipelined_requests_are_answered_in_order(connection: Connection) -> None:
    search = b'{"KeyName": "_email", "Values": ["a@example.com"]}'
    connection.send(
        b"GET /domains/shop HTTP/1.1\r\n\r\n"
        b"GET /domains/nope HTTP/1.1\r\n\r\n"
        b"POST /domains/shop/profiles/search HTTP/1.1\r\n"
        + f"Content-Length: {len(search)}\r\n\r\n".encode()
        + search
    )
    assert connection.reply().status == 200
    assert connection.reply().status == 404
    assert json.loads(connection.reply().body) == {"Items": []}


def test_connection_close_is_honoured(connection: Connection) -> None:
    reply = connection.request("GET", f"/domains/{D}", headers={"Connection": "close"})
    assert reply.status == 200
    assert reply.headers["connection"] == "close"
    assert connection.closed_by_server()


def test_http_1_0_closes_unless_keep_alive_is_asked(server: EmulatorServer) -> None:
    plain = Connection(server)
    plain.send(b"GET /domains/shop HTTP/1.0\r\n\r\n")
    reply = plain.reply()
    assert reply.status == 200
    assert reply.headers["connection"] == "close"
    assert plain.closed_by_server()
    plain.close()

    kept = Connection(server)
    for _ in range(2):
        kept.send(b"GET /domains/shop HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        reply = kept.reply()
        assert reply.status == 200
        assert reply.headers["connection"] == "keep-alive"
    kept.close()


def test_head_sends_the_length_but_no_body(connection: Connection) -> None:
    reply = connection.request("HEAD", "/domains")
    assert reply.status == 404  # no operation is a HEAD; the answer still has a length
    assert int(reply.headers["content-length"]) > 0
    assert_still_serving(connection)  # no stray body bytes before the next answer


def test_boto3_reuses_one_connection(backend: LocalBackend, server: EmulatorServer) -> None:
    client = conformance_checked(emulator_client(server.url))
    before = server.connections_accepted
    for i in range(10):
        client.create_profile(DomainName=D, FirstName=f"F{i}")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain(DomainName="nope")  # an error answer keeps the connection too
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == 10
    assert server.connections_accepted == before + 1


def test_tcp_nodelay_is_set_on_accepted_sockets(
    server: EmulatorServer, connection: Connection
) -> None:
    assert_still_serving(connection)  # the handler has set its socket up
    accepted = list(server._server._open)
    assert len(accepted) == 1
    assert accepted[0].getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_each_response_is_one_write(
    monkeypatch: pytest.MonkeyPatch, server: EmulatorServer, connection: Connection
) -> None:
    writes: list[bytes] = []
    real_write = socketserver._SocketWriter.write

    def counting_write(self: Any, data: Any) -> int:
        writes.append(bytes(data))
        return real_write(self, data)

    monkeypatch.setattr(socketserver._SocketWriter, "write", counting_write)
    ok = connection.request("GET", f"/domains/{D}")
    bad = connection.request("POST", f"/domains/{D}/profiles/search", b"[]")
    assert bad.status == 400
    assert len(writes) == 2
    assert writes[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert writes[0].endswith(b"\r\n\r\n" + ok.body)
    assert writes[1].startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert writes[1].endswith(bad.body)


def test_stop_closes_open_keep_alive_connections(backend: LocalBackend) -> None:
    backend.client().create_domain(DomainName=D, DefaultExpirationDays=30)
    server = EmulatorServer(backend, read_timeout=WAIT).start()
    conn = Connection(server)
    assert_still_serving(conn)
    server.stop()
    assert conn.closed_by_server()
    conn.close()


# --------------------------------------------------------------------------- read timeout


@pytest.mark.parametrize(
    "partial",
    [b"", b"GET /doma", b"GET /domains HTTP/1.1\r\nHost: 127.0.0.1\r\n"],
    ids=["idle", "half a request line", "headers without their end"],
)
def test_a_silent_connection_is_closed_after_the_read_timeout(
    backend: LocalBackend, partial: bytes
) -> None:
    with EmulatorServer(backend, read_timeout=0.2) as server:
        conn = Connection(server)
        conn.send(partial)
        assert conn.closed_by_server()
        conn.close()
        assert not server._server._open  # the worker thread let go of it
        # Other clients are served meanwhile and after.
        other = Connection(server)
        assert other.request("GET", "/domains").status == 200
        other.close()


def test_read_timeout_default_and_validation(backend: LocalBackend) -> None:
    assert DEFAULT_READ_TIMEOUT == 30.0
    with EmulatorServer(backend) as server:
        assert server.read_timeout == DEFAULT_READ_TIMEOUT
    for bad in (0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="read_timeout"):
            EmulatorServer(backend, read_timeout=bad)


def test_serve_read_timeout_option() -> None:
    parser = build_parser()
    assert parser.parse_args(["serve"]).read_timeout == DEFAULT_READ_TIMEOUT
    assert parser.parse_args(["serve", "--read-timeout", "2.5"]).read_timeout == 2.5
    for bad in ("0", "-3", "soon", "inf", "nan"):
        with pytest.raises(SystemExit):
            parser.parse_args(["serve", "--read-timeout", bad])


# --------------------------------------------------------------------------- binding


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("192.168.0.7", False),
        ("fe80::1%eth0", False),
        ("not-an-address", False),
    ],
)
def test_is_loopback(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_binding_a_non_loopback_address_warns(
    backend: LocalBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    EmulatorServer(backend, "0.0.0.0").stop()  # bound, never started: no traffic
    err = capsys.readouterr().err
    assert "WARNING" in err
    assert "not a loopback address" in err
    assert "no authentication" in err


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_binding_loopback_does_not_warn(
    backend: LocalBackend, capsys: pytest.CaptureFixture[str], host: str
) -> None:
    EmulatorServer(backend, host).stop()
    assert capsys.readouterr().err == ""


def test_serve_warns_for_all_interfaces_and_applies_its_read_timeout() -> None:
    server = start_server(["--host", "0.0.0.0", "--read-timeout", "0.3"])
    try:
        # Only loopback traffic: 0.0.0.0 accepts it too.
        with socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) as sock:
            assert sock.recv(1) == b""  # idle: closed after 0.3 s
        client = emulator_client(
            f"http://127.0.0.1:{server.port}", config=Config(connect_timeout=WAIT)
        )
        assert client.list_domains()["Items"] == []
    finally:
        status, _, err = server.stop(signal.SIGINT)
    assert status == 0
    assert "WARNING" in err
    assert "no authentication" in err
    assert "Traceback" not in err
