"""The real AWS CLI against the emulator's HTTP server (``--endpoint-url``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend

D = "retail"
AWS = [shutil.which("aws") or sys.executable] + ([] if shutil.which("aws") else ["-m", "awscli"])


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[LocalBackend, str]]:
    backend = LocalBackend()
    with backend.serve() as server:
        yield backend, server.url


def aws(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``aws customer-profiles ARGS --endpoint-url URL`` with dummy credentials."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key != "HTTPS_PROXY"
    }
    env.update(
        AWS_ACCESS_KEY_ID="x",
        AWS_SECRET_ACCESS_KEY="x",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_MAX_ATTEMPTS="1",
        AWS_PAGER="",
        NO_PROXY="127.0.0.1,localhost",
    )
    return subprocess.run(
        [*AWS, "customer-profiles", *args, "--endpoint-url", url, "--output", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def ok(url: str, *args: str) -> dict[str, Any]:
    done = aws(url, *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else {}  # type: ignore[no-any-return]


def test_aws_cli_end_to_end(served: tuple[LocalBackend, str]) -> None:
    backend, url = served
    domain = ok(url, "create-domain", "--domain-name", D, "--default-expiration-days", "30")
    assert domain["DomainName"] == D
    assert domain["DefaultExpirationDays"] == 30

    pid = ok(
        url,
        "create-profile",
        "--domain-name",
        D,
        "--first-name",
        "Ann",
        "--email-address",
        "ann@example.com",
    )["ProfileId"]
    found = ok(
        url,
        "search-profiles",
        "--domain-name",
        D,
        "--key-name",
        "_email",
        "--values",
        "ANN@example.com",
    )
    assert [(p["ProfileId"], p["FirstName"]) for p in found["Items"]] == [(pid, "Ann")]

    object_type = ok(
        url,
        "put-profile-object-type",
        "--domain-name",
        D,
        "--object-type-name",
        "Order",
        "--description",
        "orders",
        "--fields",
        json.dumps(
            {
                "id": {"Source": "_source.id"},
                "email": {
                    "Source": "_source.email",
                    "Target": "_profile.EmailAddress",
                    "ContentType": "EMAIL_ADDRESS",
                },
            }
        ),
        "--keys",
        json.dumps(
            {
                "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
                "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
            }
        ),
    )
    assert object_type["ObjectTypeName"] == "Order"

    for order in ("o-1", "o-2"):
        put = ok(
            url,
            "put-profile-object",
            "--domain-name",
            D,
            "--object-type-name",
            "Order",
            "--object",
            json.dumps({"id": order, "email": "ann@example.com", "total": 10}),
        )
        assert put["ProfileObjectUniqueKey"]

    listed = ok(
        url,
        "list-profile-objects",
        "--domain-name",
        D,
        "--object-type-name",
        "Order",
        "--profile-id",
        pid,
    )
    objects = sorted(json.loads(item["Object"])["id"] for item in listed["Items"])
    assert objects == ["o-1", "o-2"]
    # The CLI really went through the server, into this backend.
    assert backend.call_count("PutProfileObject") == 2
    assert backend.call_count("ListProfileObjects") >= 1


def test_aws_cli_not_found_error(served: tuple[LocalBackend, str]) -> None:
    _, url = served
    done = aws(url, "get-domain", "--domain-name", "no-such-domain")
    assert done.returncode in (254, 255)
    assert "ResourceNotFoundException" in done.stderr
    assert "GetDomain" in done.stderr
    assert "no-such-domain" in done.stderr
    assert done.stdout == ""


def test_aws_cli_bad_request_error(served: tuple[LocalBackend, str]) -> None:
    _, url = served
    done = aws(url, "create-domain", "--domain-name", "bad name!", "--default-expiration-days", "3")
    assert done.returncode in (254, 255)
    assert "BadRequestException" in done.stderr
    assert "DomainName" in done.stderr


def test_aws_cli_sees_injected_faults(served: tuple[LocalBackend, str]) -> None:
    backend, url = served
    backend.faults.fail_next("ListDomains", code="AccessDeniedException", message="nope, not you")
    done = aws(url, "list-domains")
    assert done.returncode in (254, 255)
    assert "AccessDeniedException" in done.stderr
    assert "nope, not you" in done.stderr
    assert ok(url, "list-domains")["Items"] is not None
