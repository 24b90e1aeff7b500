"""Issue 15 item 14: the SDK's retry policy owns the retries of the SDK's calls on ANY
client, a boto3 client passed in by the user included.

The client here is a plain boto3 client with botocore's default retries (legacy mode,
5 attempts in botocore 1.43), answered in-process by the emulator; faults are injected
with ``backend.faults``. botocore's sleeps between its own attempts are skipped.
"""

from __future__ import annotations

from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import InternalServerError, ThrottlingError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.retry import RetryPolicy

from ._scripted import boto_client

FAST = RetryPolicy(max_attempts=3, initial_wait=0.001, max_wait=0.002)


@pytest.fixture(autouse=True)
def _no_botocore_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    import botocore.endpoint

    monkeypatch.setattr(botocore.endpoint.time, "sleep", lambda _: None)


class Counter:
    """Counts the HTTP requests a client sends (one per attempt)."""

    def __init__(self, client: Any) -> None:
        self.count = 0
        client.meta.events.register("request-created.customer-profiles", self._seen)

    def _seen(self, **_: Any) -> None:
        self.count += 1


def user_setup() -> tuple[LocalBackend, Any, CustomerProfiles, Counter]:
    backend = LocalBackend()
    client = backend.attach(boto_client())  # botocore's default retries
    assert client.meta.config.retries.get("total_max_attempts", 5) > 1
    cp = CustomerProfiles(client=client, retry=FAST)
    cp.domains.create("d", default_expiration_days=365)
    return backend, client, cp, Counter(client)


def profiles_with_account(client: Any, account: str) -> int:
    found = client.search_profiles(DomainName="d", KeyName="_account", Values=[account])
    return len(found["Items"])


def test_commit_then_500_on_create_profile_is_sent_once_on_a_user_client() -> None:
    backend, client, cp, sent = user_setup()
    backend.faults.fail_after_commit("CreateProfile")
    with pytest.raises(InternalServerError):
        cp.domain("d").profiles.create({"account_number": "A-1"})
    assert sent.count == 1
    assert profiles_with_account(client, "A-1") == 1


def test_an_always_throttled_call_makes_max_attempts_requests_on_a_user_client() -> None:
    backend, _, cp, sent = user_setup()
    backend.faults.fail_next("GetDomain", times=100, code="ThrottlingException")
    with pytest.raises(ThrottlingError):
        cp.domains.get("d")
    assert sent.count == FAST.max_attempts  # 3, not 3 x 5


def test_the_users_own_calls_keep_botocores_retries() -> None:
    backend, client, cp, sent = user_setup()
    cp.domains.get("d")  # an SDK call first: its gate must not leak
    sent.count = 0
    backend.faults.fail_next("GetDomain", times=2, code="ThrottlingException")
    assert client.get_domain(DomainName="d")["DomainName"] == "d"
    assert sent.count == 3  # botocore retried twice on its own


def test_the_gate_is_per_call_across_threads() -> None:
    """While an SDK call is in flight, a direct call in another thread keeps botocore's
    retries (the gate is a context variable, not a client setting)."""
    import threading

    backend, client, cp, sent = user_setup()
    result: list[str] = []

    def direct_call() -> None:
        result.append(client.get_domain(DomainName="d")["DomainName"])

    def during_the_sdk_call(**_: Any) -> None:
        backend.faults.fail_next("GetDomain", times=2, code="ThrottlingException")
        worker = threading.Thread(target=direct_call)
        worker.start()
        worker.join()

    client.meta.events.register("before-send.customer-profiles.ListDomains", during_the_sdk_call)
    sent.count = 0
    cp.domains.list().to_list()
    assert result == ["d"]
    assert sent.count == 1 + 3  # ListDomains once; GetDomain retried twice by botocore


def test_the_gate_is_installed_once_per_client() -> None:
    backend, client, _, sent = user_setup()
    CustomerProfiles(client=client, retry=FAST)  # a second SDK client on the same boto3 client
    backend.faults.fail_next("GetDomain", times=100, code="ThrottlingException")
    with pytest.raises(ThrottlingError):
        CustomerProfiles(client=client, retry=RetryPolicy.none()).domains.get("d")
    assert sent.count == 1


def test_sdk_built_clients_still_make_max_attempts_requests() -> None:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend, retry=FAST)
    cp.domains.create("d", default_expiration_days=365)
    before = len(backend.calls)  # the SDK's in-process client builds no HTTP request
    backend.faults.fail_next("GetDomain", times=100, code="ThrottlingException")
    with pytest.raises(ThrottlingError):
        cp.domains.get("d")
    assert len(backend.calls) - before == FAST.max_attempts
