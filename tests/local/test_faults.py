"""Fault injection and throttling of the emulator (spec 2.5, 14.2)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from customer_profiles_sdk.local import DOCUMENTED_TPS, Clock, LocalBackend
from customer_profiles_sdk.local import _backend as backend_module
from customer_profiles_sdk.local._errors import STATUS_BY_CODE

D = "retail"


def _object_type(client: Any, name: str = "Order") -> dict[str, Any]:
    return client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=name,
        Description="orders",
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )


def _profile_count(client: Any) -> int:
    return int(client.get_domain(DomainName=D)["Stats"]["ProfileCount"])


@pytest.fixture
def frozen() -> Clock:
    return Clock(start=1_700_000_000.0)


@pytest.fixture
def frozen_backend(frozen: Clock) -> LocalBackend:
    return LocalBackend(clock=frozen)


@pytest.fixture
def frozen_client(frozen_backend: LocalBackend) -> Any:
    from tests.local.conftest import conformance_checked

    client = conformance_checked(frozen_backend.client())
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return client


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    return D


# --------------------------------------------------------------------------- throttling


def test_documented_rates_match_the_spec() -> None:
    assert DOCUMENTED_TPS["PutProfileObjectType"] == 1
    assert DOCUMENTED_TPS["CreateDomain"] == 1
    assert DOCUMENTED_TPS["GetProfileObjectType"] == 10
    assert DOCUMENTED_TPS["ListDomains"] == 5
    assert DOCUMENTED_TPS["CreateProfile"] == 100
    assert DOCUMENTED_TPS["DeleteCalculatedAttributeDefinition"] == 5


def test_throttling_is_off_by_default(frozen_client: Any, frozen_backend: LocalBackend) -> None:
    # The clock is frozen: with throttling on, the second call would be refused.
    for i in range(5):
        _object_type(frozen_client, f"T{i}")
    assert frozen_backend.call_count("PutProfileObjectType") == 5
    assert all(c.error_code is None for c in frozen_backend.calls)


def test_burst_beyond_documented_tps_is_throttled(
    frozen_client: Any, frozen_backend: LocalBackend, frozen: Clock
) -> None:
    frozen_backend.throttling()
    _object_type(frozen_client, "A")  # 1 TPS: the bucket holds one call
    with pytest.raises(frozen_client.exceptions.ThrottlingException) as caught:
        _object_type(frozen_client, "B")
    response = caught.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert response["Error"]["Code"] == "ThrottlingException"
    assert frozen_backend.calls[-1].status == 429
    # The throttled call changed nothing.
    names = [
        t["ObjectTypeName"] for t in frozen_client.list_profile_object_types(DomainName=D)["Items"]
    ]
    assert names == ["A"]
    # One second later one more token is there, and only one.
    frozen.advance(1.0)
    _object_type(frozen_client, "B")
    with pytest.raises(frozen_client.exceptions.ThrottlingException):
        _object_type(frozen_client, "C")


def test_burst_capacity_is_one_second_of_calls(
    frozen_client: Any, frozen_backend: LocalBackend
) -> None:
    frozen_backend.throttling()
    _object_type(frozen_client)
    rate = int(DOCUMENTED_TPS["GetProfileObjectType"])
    for _ in range(rate):
        frozen_client.get_profile_object_type(DomainName=D, ObjectTypeName="Order")
    with pytest.raises(frozen_client.exceptions.ThrottlingException):
        frozen_client.get_profile_object_type(DomainName=D, ObjectTypeName="Order")
    # Another operation has its own bucket.
    frozen_client.list_profile_object_types(DomainName=D)


def test_buckets_are_per_region(frozen_backend: LocalBackend) -> None:
    east = frozen_backend.client(region_name="us-east-1")
    west = frozen_backend.client(region_name="eu-west-2")
    frozen_backend.throttling()
    east.create_domain(DomainName="a", DefaultExpirationDays=1)
    west.create_domain(DomainName="a", DefaultExpirationDays=1)
    with pytest.raises(east.exceptions.ThrottlingException):
        east.create_domain(DomainName="b", DefaultExpirationDays=1)


def test_rate_overrides_and_switching_off(frozen_client: Any, frozen_backend: LocalBackend) -> None:
    frozen_backend.throttling(rates={"CreateProfile": 2})
    frozen_client.create_profile(DomainName=D)
    frozen_client.create_profile(DomainName=D)
    with pytest.raises(frozen_client.exceptions.ThrottlingException):
        frozen_client.create_profile(DomainName=D)
    frozen_backend.throttling(False)
    for _ in range(5):
        frozen_client.create_profile(DomainName=D)
    assert _profile_count(frozen_client) == 7


def test_throttling_refills_in_real_time(backend: LocalBackend) -> None:
    client = backend.client()
    backend.throttling(rates={"ListDomains": 50})
    refused = 0
    for _ in range(80):
        try:
            client.list_domains()
        except client.exceptions.ThrottlingException:
            refused += 1
    assert refused > 0
    time.sleep(0.1)  # >= 5 tokens at 50 TPS
    client.list_domains()


@pytest.mark.parametrize(
    ("rates", "word"),
    [({"MakeCoffee": 1}, "MakeCoffee"), ({"CreateProfile": 0}, "> 0")],
)
def test_bad_throttling_settings_are_rejected(
    backend: LocalBackend, rates: dict[str, float], word: str
) -> None:
    with pytest.raises(ValueError, match=word):
        backend.throttling(rates=rates)


# --------------------------------------------------------------------------- fail_next


@pytest.mark.parametrize("code", sorted(STATUS_BY_CODE))
def test_fail_next_answers_the_code_with_its_status(
    client: Any, backend: LocalBackend, domain: str, code: str
) -> None:
    backend.faults.fail_next("CreateProfile", code=code, message=f"injected {code}")
    with pytest.raises(getattr(client.exceptions, code)) as caught:
        client.create_profile(DomainName=D, FirstName="Ann")
    response = caught.value.response
    assert response["Error"] == {"Code": code, "Message": f"injected {code}"}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == STATUS_BY_CODE[code]
    assert backend.calls[-1].error_code == code
    # Nothing was written, and the next call goes through.
    assert _profile_count(client) == 0
    client.create_profile(DomainName=D, FirstName="Ann")
    assert _profile_count(client) == 1


def test_fail_next_on_the_wire_sets_the_error_type_header(backend: LocalBackend) -> None:
    backend.faults.fail_next("ListDomains", code="AccessDeniedException")
    response = backend.handle_http("GET", "/domains", {}, b"")
    assert response.status == 403
    assert response.headers["x-amzn-ErrorType"] == "AccessDeniedException"
    assert json.loads(response.body)["Message"]
    assert backend.handle_http("GET", "/domains", {}, b"").status == 200


def test_fail_next_times_and_order(client: Any, backend: LocalBackend) -> None:
    backend.faults.fail_next("ListDomains", times=2)  # ThrottlingException by default
    backend.faults.fail_next("ListDomains", code="InternalServerException")
    codes = []
    for _ in range(4):
        try:
            client.list_domains()
            codes.append(None)
        except client.exceptions.ClientError as exc:
            codes.append(exc.response["Error"]["Code"])
    assert codes == ["ThrottlingException", "ThrottlingException", "InternalServerException", None]


def test_fail_next_only_hits_its_operation(client: Any, backend: LocalBackend) -> None:
    backend.faults.fail_next("GetDomain")
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.list_domains()
    with pytest.raises(client.exceptions.ThrottlingException):
        client.get_domain(DomainName=D)


def test_validation_errors_do_not_consume_an_injection(client: Any, backend: LocalBackend) -> None:
    backend.faults.fail_next("CreateDomain", code="InternalServerException")
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_domain(DomainName="bad name!", DefaultExpirationDays=1)
    with pytest.raises(client.exceptions.InternalServerException):
        client.create_domain(DomainName=D, DefaultExpirationDays=1)


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"operation": "MakeCoffee"}, "MakeCoffee"),
        ({"operation": "CreateProfile", "code": "TeapotException"}, "code must be one of"),
        ({"operation": "CreateProfile", "times": 0}, "times"),
    ],
)
def test_bad_injections_are_rejected(backend: LocalBackend, kwargs: Any, word: str) -> None:
    with pytest.raises(ValueError, match=word):
        backend.faults.fail_next(**kwargs)
    with pytest.raises(ValueError, match=word):
        backend.faults.fail_after_commit(**kwargs)


# --------------------------------------------------------------------------- fail_after_commit


def test_fail_after_commit_keeps_the_write(client: Any, backend: LocalBackend, domain: str) -> None:
    backend.faults.fail_after_commit("CreateProfile")
    with pytest.raises(client.exceptions.InternalServerException) as caught:
        client.create_profile(DomainName=D, EmailAddress="ann@example.com")
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500
    found = client.search_profiles(DomainName=D, KeyName="_email", Values=["ann@example.com"])
    assert len(found["Items"]) == 1
    # A blind retry of the non-idempotent call makes a second profile.
    client.create_profile(DomainName=D, EmailAddress="ann@example.com")
    found = client.search_profiles(DomainName=D, KeyName="_email", Values=["ann@example.com"])
    assert len(found["Items"]) == 2


def test_fail_after_commit_with_a_code_and_times(client: Any, backend: LocalBackend) -> None:
    backend.faults.fail_after_commit("CreateDomain", times=2, code="ThrottlingException")
    for name in ("a", "b"):
        with pytest.raises(client.exceptions.ThrottlingException):
            client.create_domain(DomainName=name, DefaultExpirationDays=1)
    client.create_domain(DomainName="c", DefaultExpirationDays=1)
    assert sorted(d["DomainName"] for d in client.list_domains()["Items"]) == ["a", "b", "c"]
    assert [c.status for c in backend.calls[:3]] == [429, 429, 200]


def test_fail_after_commit_is_saved_to_the_state_file(backend: LocalBackend, tmp_path: Any) -> None:
    state = tmp_path / "state.json"
    backend.autosave(state)
    backend.faults.fail_after_commit("CreateDomain")
    client = backend.client()
    with pytest.raises(client.exceptions.InternalServerException):
        client.create_domain(DomainName=D, DefaultExpirationDays=1)
    restored = LocalBackend()
    restored.load_state(state)
    assert [d["DomainName"] for d in restored.client().list_domains()["Items"]] == [D]


# --------------------------------------------------------------------------- latency


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    seen: list[float] = []
    monkeypatch.setattr(backend_module.time, "sleep", seen.append)
    return seen


def test_latency_sleeps_before_every_call(
    client: Any, backend: LocalBackend, sleeps: list[float]
) -> None:
    backend.faults.latency(0.25)
    client.list_domains()
    client.create_domain(DomainName=D, DefaultExpirationDays=1)
    assert sleeps == [0.25, 0.25]


def test_per_operation_latency_replaces_the_global_one(
    client: Any, backend: LocalBackend, sleeps: list[float]
) -> None:
    backend.faults.latency(0.1)
    backend.faults.latency(2.0, "GetDomain")
    client.create_domain(DomainName=D, DefaultExpirationDays=1)
    client.get_domain(DomainName=D)
    backend.faults.latency(0, "GetDomain")  # back to the global delay
    client.get_domain(DomainName=D)
    backend.faults.latency(0)
    client.get_domain(DomainName=D)
    assert sleeps == [0.1, 2.0, 0.1]


def test_latency_really_delays(client: Any, backend: LocalBackend) -> None:
    backend.faults.latency(0.2, "ListDomains")
    start = time.monotonic()
    client.list_domains()
    assert time.monotonic() - start >= 0.2


def test_latency_rejects_bad_values(backend: LocalBackend) -> None:
    with pytest.raises(ValueError, match=">= 0"):
        backend.faults.latency(-1)
    with pytest.raises(ValueError, match="MakeCoffee"):
        backend.faults.latency(1, "MakeCoffee")


# --------------------------------------------------------------------------- clear


def test_clear_removes_every_injection(
    client: Any, backend: LocalBackend, sleeps: list[float]
) -> None:
    backend.faults.fail_next("ListDomains", times=3)
    backend.faults.fail_after_commit("CreateDomain")
    backend.faults.latency(1.0)
    backend.faults.clear()
    client.list_domains()
    client.create_domain(DomainName=D, DefaultExpirationDays=1)
    assert sleeps == []
    assert [c.error_code for c in backend.calls] == [None, None]


def test_calls_record_and_reset(client: Any, backend: LocalBackend) -> None:
    backend.faults.fail_next("GetDomain", code="ResourceNotFoundException")
    client.list_domains()
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_domain(DomainName=D)
    assert backend.call_count() == 2
    assert backend.call_count("GetDomain") == 1
    assert [(c.operation, c.status) for c in backend.calls] == [
        ("ListDomains", 200),
        ("GetDomain", 404),
    ]
    backend.reset_calls()
    assert backend.call_count() == 0
