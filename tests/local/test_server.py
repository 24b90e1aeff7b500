"""The emulator as an HTTP server: in a thread and as ``serve`` in a subprocess."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.config import Config

from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.local import _backend as backend_module
from customer_profiles_sdk.local._server import DEFAULT_HOST, DEFAULT_PORT, build_parser
from tests.local.conftest import conformance_checked

#: ``python -m customer_profiles_sdk.local serve`` and ``customer-profiles local serve``.
MODULE_SERVE = [sys.executable, "-m", "customer_profiles_sdk.local", "serve"]
CLI_SERVE = [
    sys.executable,
    "-c",
    "import sys; from customer_profiles_sdk.cli import main; sys.exit(main())",
    "local",
    "serve",
]
LISTENING = re.compile(r"listening on (http://(\S+):(\d+))")
STARTUP_TIMEOUT = 30.0


def remote_client(url: str, region: str = "us-east-1") -> Any:
    """A boto3 client for an emulator at ``url``; dummy credentials, no retries."""
    core = botocore.session.Session(
        session_vars={
            "profile": (None, None, None, None),
            "config_file": (None, None, os.devnull, None),
            "credentials_file": (None, None, os.devnull, None),
        }
    )
    session = boto3.session.Session(
        botocore_session=core,
        aws_access_key_id="x",
        aws_secret_access_key="x",
        region_name=region,
    )
    return session.client(
        "customer-profiles",
        endpoint_url=url,
        config=Config(retries={"total_max_attempts": 1}),
    )


@dataclass
class ServerProcess:
    """A ``serve`` subprocess and what it printed."""

    process: subprocess.Popen[str]
    url: str
    host: str
    port: int
    lines: list[str] = field(default_factory=list)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 30.0) -> tuple[int, str, str]:
        """Send ``sig``; return (exit status, rest of stdout, stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, err


def start_server(extra: Sequence[str] = (), command: Sequence[str] = MODULE_SERVE) -> ServerProcess:
    """Start ``serve --port 0`` (plus ``extra``) and wait for its "listening on" line."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [*command, "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()

    def first_line() -> None:
        assert process.stdout is not None
        lines.put(process.stdout.readline())

    threading.Thread(target=first_line, daemon=True).start()
    try:
        line = lines.get(timeout=STARTUP_TIMEOUT)
    except queue.Empty:
        process.kill()
        raise AssertionError("the server printed nothing") from None
    found = LISTENING.search(line)
    if found is None:
        process.kill()
        _, err = process.communicate()
        raise AssertionError(f"unexpected first line {line!r}; stderr: {err}")
    return ServerProcess(process, found.group(1), found.group(2), int(found.group(3)), [line])


@pytest.fixture
def served() -> Iterator[tuple[LocalBackend, str]]:
    """A backend served in a background thread: (backend, url)."""
    backend = LocalBackend()
    with backend.serve() as server:
        yield backend, server.url


# --------------------------------------------------------------------------- in a thread


def test_thread_server_binds_loopback_on_a_free_port(served: tuple[LocalBackend, str]) -> None:
    _, url = served
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
    assert int(url.rsplit(":", 1)[1]) > 0


def test_thread_server_answers_boto3_from_the_same_backend(
    served: tuple[LocalBackend, str],
) -> None:
    backend, url = served
    client = conformance_checked(remote_client(url, region="eu-west-2"))
    client.create_domain(DomainName="retail", DefaultExpirationDays=30)
    pid = client.create_profile(DomainName="retail", EmailAddress="ann@example.com")["ProfileId"]
    found = client.search_profiles(
        DomainName="retail", KeyName="_email", Values=["ANN@example.com"]
    )
    assert [p["ProfileId"] for p in found["Items"]] == [pid]
    # The same data is visible in-process, in the caller's region only.
    local = backend.client(region_name="eu-west-2")
    assert local.get_domain(DomainName="retail")["Stats"]["ProfileCount"] == 1
    assert backend.client().list_domains()["Items"] == []
    assert backend.calls[0].region == "eu-west-2"


def test_thread_server_answers_errors_in_the_service_format(
    served: tuple[LocalBackend, str],
) -> None:
    backend, url = served
    client = conformance_checked(remote_client(url))
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.get_domain(DomainName="nope")
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert caught.value.response["ResponseMetadata"]["RequestId"]
    backend.faults.fail_next("ListDomains", code="InternalServerException", message="boom")
    with pytest.raises(client.exceptions.InternalServerException) as caught:
        client.list_domains()
    assert caught.value.response["Error"]["Message"] == "boom"


def test_thread_server_paging_and_query_strings(served: tuple[LocalBackend, str]) -> None:
    _, url = served
    client = conformance_checked(remote_client(url))
    for i in range(5):
        client.create_domain(DomainName=f"d{i}", DefaultExpirationDays=1)
    names: list[str] = []
    kwargs: dict[str, Any] = {"MaxResults": 2}
    while True:
        page = client.list_domains(**kwargs)
        names += [d["DomainName"] for d in page["Items"]]
        if "NextToken" not in page:
            break
        kwargs["NextToken"] = page["NextToken"]
    assert names == [f"d{i}" for i in range(5)]
    arn = "arn:aws:profile:us-east-1:123456789012:domains/d0"
    client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2", "c": "3"})
    client.untag_resource(resourceArn=arn, tagKeys=["a", "b"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"c": "3"}


def test_thread_server_unknown_path_is_404(served: tuple[LocalBackend, str]) -> None:
    import urllib.error
    import urllib.request

    _, url = served
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{url}/no/such/thing", timeout=10)
    assert caught.value.code == 404
    assert "no/such/thing" in json.loads(caught.value.read())["Message"]


def test_stop_releases_the_port() -> None:
    backend = LocalBackend()
    server = backend.serve()
    port = server.port
    server.stop()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # would fail with EADDRINUSE if still bound


# --------------------------------------------------------------------------- command line


def test_serve_defaults_are_loopback_and_4566() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == DEFAULT_HOST == "127.0.0.1"
    assert args.port == DEFAULT_PORT == 4566
    assert args.state is None


@pytest.mark.parametrize("command", [MODULE_SERVE, CLI_SERVE], ids=["module", "cli"])
def test_serve_prints_where_it_listens_and_stops_on_sigint(command: list[str]) -> None:
    server = start_server(command=command)
    try:
        assert server.host == "127.0.0.1"
        assert server.lines[0].startswith(
            "Customer Profiles emulator listening on http://127.0.0.1:"
        )
        client = conformance_checked(remote_client(server.url))
        client.create_domain(DomainName="retail", DefaultExpirationDays=30)
        assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["retail"]
    finally:
        status, _, err = server.stop(signal.SIGINT)
    assert status == 0
    assert "Traceback" not in err


def test_serve_stops_on_sigterm() -> None:
    server = start_server()
    status, _, err = server.stop(signal.SIGTERM)
    assert status == 0
    assert "Traceback" not in err


def test_serve_listens_only_on_loopback() -> None:
    server = start_server()
    try:
        # The listening socket's address, as the kernel reports it.
        listening = _listening_addresses(server.port)
        assert listening
        assert listening <= {"127.0.0.1"}
    finally:
        server.stop()


def _listening_addresses(port: int) -> set[str]:
    found: set[str] = set()
    table = Path("/proc/net/tcp")
    for row in table.read_text().splitlines()[1:]:
        local, state = row.split()[1], row.split()[3]
        address, _, hex_port = local.partition(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_serve_reports_a_busy_port() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        done = subprocess.run(
            [*MODULE_SERVE, "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"customers": []}',
        '{"format": 99, "account_id": "123456789012", "regions": {}}',  # a newer emulator's
        '{"account_id": "123456789012", "regions": []}',  # records of the wrong shape
    ],
)
def test_serve_refuses_a_broken_state_file(tmp_path: Path, content: str) -> None:
    state = tmp_path / "state.json"
    state.write_text(content)
    done = subprocess.run(
        [*MODULE_SERVE, "--port", "0", "--state", str(state)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "cannot load the state" in done.stderr
    assert str(state) in done.stderr
    assert "Traceback" not in done.stderr
    assert state.read_text() == content  # left alone, not overwritten


# --------------------------------------------------------------------------- --state FILE


def test_state_file_persists_across_restarts(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    server = start_server(["--state", str(state)])
    try:
        client = remote_client(server.url)
        client.create_domain(DomainName="retail", DefaultExpirationDays=30)
        pid = client.create_profile(DomainName="retail", FirstName="Ann")["ProfileId"]
        client.tag_resource(
            resourceArn="arn:aws:profile:us-east-1:123456789012:domains/retail",
            tags={"team": "crm"},
        )
        saved = json.loads(state.read_text())  # written after every change, not on exit
        assert "retail" in json.dumps(saved)
    finally:
        status, _, _ = server.stop()
    assert status == 0
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temp files left

    again = start_server(["--state", str(state)])
    try:
        client = remote_client(again.url)
        assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["retail"]
        found = client.search_profiles(DomainName="retail", KeyName="_profileId", Values=[pid])
        assert found["Items"][0]["FirstName"] == "Ann"
        tags = client.list_tags_for_resource(
            resourceArn="arn:aws:profile:us-east-1:123456789012:domains/retail"
        )
        assert tags["tags"] == {"team": "crm"}
        client.delete_domain(DomainName="retail")
    finally:
        again.stop()
    third = LocalBackend()
    third.load_state(state)
    assert third.client().list_domains()["Items"] == []


def test_state_file_is_created_when_missing(tmp_path: Path) -> None:
    state = tmp_path / "new.json"
    server = start_server(["--state", str(state)])
    try:
        assert not state.exists()  # nothing changed yet
        remote_client(server.url).create_domain(DomainName="d", DefaultExpirationDays=1)
        assert state.exists()
    finally:
        server.stop()


def test_state_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state.json"
    backend = LocalBackend()
    backend.client().create_domain(DomainName="first", DefaultExpirationDays=1)
    backend.save_state(state)
    before = state.read_text()
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        replaced.append((src, dst))
        raise OSError("disk full")

    monkeypatch.setattr(backend_module.os, "replace", failing_replace)
    backend.client().create_domain(DomainName="second", DefaultExpirationDays=1)
    with pytest.raises(OSError, match="disk full"):
        backend.save_state(state)
    # The old file is intact, the temp file was in the same directory and is gone.
    assert state.read_text() == before
    assert Path(replaced[0][0]).parent == tmp_path
    assert replaced[0][1] == str(state)
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
    monkeypatch.setattr(backend_module.os, "replace", real_replace)
    backend.save_state(state)
    restored = LocalBackend()
    restored.load_state(state)
    names = [d["DomainName"] for d in restored.client().list_domains()["Items"]]
    assert names == ["first", "second"]


def test_serve_keeps_no_record_of_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    """A served backend records no calls (nothing in the process reads them; the record
    would grow with every call of a long-running server)."""
    import argparse

    from customer_profiles_sdk.local import _server

    built: list[LocalBackend] = []

    class Refused:
        def __init__(self, backend: LocalBackend, *args: Any, **kwargs: Any) -> None:
            built.append(backend)

        def start(self) -> Any:
            raise OSError("refused by the test")

    monkeypatch.setattr(_server, "EmulatorServer", Refused)
    parser = argparse.ArgumentParser()
    _server.add_serve_arguments(parser)
    assert _server.run_serve(parser.parse_args(["--port", "0"])) == 1
    [backend] = built
    backend.client().list_domains()
    assert backend.calls == []
