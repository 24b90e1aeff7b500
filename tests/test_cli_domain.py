"""``customer-profiles plan|apply|export`` against a served emulator (real subprocesses)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "domain.yaml"
CLI = [sys.executable, "-m", "customer_profiles_sdk.cli"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    env.pop("AWS_PROFILE", None)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [*CLI, "local", "serve", "--port", str(port)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("the emulator did not start") from None
            time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        assert server.stdout is not None
        assert server.stderr is not None
        server.stdout.close()
        server.stderr.close()


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], env=_env(), input=stdin, capture_output=True, text=True, timeout=120
    )


def test_plan_apply_plan_export_round_trip(endpoint: str, tmp_path: Path) -> None:
    planned = run("plan", str(EXAMPLE), "--local", endpoint)
    assert planned.returncode == 2, planned.stderr
    assert planned.stdout.startswith("Plan for domain retail: 14 to create")
    assert "+ calculated_attribute total_spend" in planned.stdout

    refused = run("apply", str(EXAMPLE), "--local", endpoint)
    assert refused.returncode == 1
    assert "refusing to apply without --yes" in refused.stderr

    applied = run("--local", endpoint, "apply", str(EXAMPLE), "--yes")
    assert applied.returncode == 0, applied.stderr
    assert "  + object_type Order ... done" in applied.stdout
    assert "Applied 14 change(s) to domain retail." in applied.stdout

    again = run("plan", str(EXAMPLE), "--endpoint-url", endpoint)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "No changes: domain retail matches the spec."

    out = tmp_path / "retail.yaml"
    exported = run("export", "retail", "-o", str(out), "--local", endpoint)
    assert exported.returncode == 0, exported.stderr
    data = yaml.safe_load(out.read_text())
    assert data["DomainName"] == "retail"
    assert sorted(data["ObjectTypes"]) == ["Contact", "Device", "Order", "SupportTicket"]
    assert run("plan", str(out), "--local", endpoint).returncode == 0

    as_json = tmp_path / "retail.json"
    assert run("export", "retail", "-o", str(as_json), "--local", endpoint).returncode == 0
    assert run("plan", str(as_json), "--local", endpoint).returncode == 0
    printed = run("export", "retail", "--local", endpoint)
    assert yaml.safe_load(printed.stdout) == data


def test_a_change_is_planned_and_applied(endpoint: str, tmp_path: Path) -> None:
    spec = tmp_path / "small.yaml"
    spec.write_text("DomainName: small\nDefaultExpirationDays: 30\n")
    assert run("apply", str(spec), "--yes", "--local", endpoint).returncode == 0
    spec.write_text("DomainName: small\nDefaultExpirationDays: 60\n")
    planned = run("plan", str(spec), "--local", endpoint)
    assert planned.returncode == 2
    assert "~ domain small\n    DefaultExpirationDays: 30 -> 60" in planned.stdout
    assert run("apply", str(spec), "--yes", "--local", endpoint).returncode == 0
    assert run("plan", str(spec), "--local", endpoint).returncode == 0


def test_invalid_file_exits_1_with_the_problems(endpoint: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "DomainName: shop\nDefaultExpirationDays: 5000\n"
        "ObjectTypes:\n  Order: {Description: o, TemplateId: Salesforce-Contact, Keys: {}}\n"
    )
    for command in ("plan", "apply"):
        result = run(
            command, str(bad), "--yes" if command == "apply" else "--prune", "--local", endpoint
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"error: invalid domain spec {bad}, 2 problems:" in result.stderr
        assert "DefaultExpirationDays: maximum 1098 (got 5000; line 2)" in result.stderr
        assert "ObjectTypes.Order.Keys: not with TemplateId" in result.stderr


def test_missing_file_and_missing_domain_exit_1(endpoint: str, tmp_path: Path) -> None:
    missing = run("plan", str(tmp_path / "nope.yaml"), "--local", endpoint)
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: ")
    assert "Traceback" not in missing.stderr
    no_domain = run("export", "nowhere", "--local", endpoint)
    assert no_domain.returncode == 1
    assert "ResourceNotFoundException" in no_domain.stderr
