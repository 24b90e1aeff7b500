"""Transport and retry: one retry loop (tenacity), botocore's own retries off.

Requests go through a real boto3 client; ``tests/_scripted.py`` answers at the
``before-send`` event, so botocore's retry handler is really in the path.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from botocore.exceptions import ConnectionClosedError, ReadTimeoutError

from customer_profiles_sdk import _service
from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk.client import CustomerProfiles
from customer_profiles_sdk.errors import (
    BadRequestError,
    ConnectionError,
    InternalServerError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    ValidationError,
)
from customer_profiles_sdk.retry import RetryPolicy

from ._scripted import Scripted, boto_client, error

PID = "a" * 32
FAST = RetryPolicy(max_attempts=4, initial_wait=0.001, max_wait=0.002)


def sdk_transport(script: Scripted, policy: RetryPolicy = FAST) -> Transport:
    """A transport on a client built by the SDK itself (botocore retries off)."""
    cp = CustomerProfiles(
        region_name="us-east-1", endpoint_url="https://scripted.invalid", retry=policy
    )
    script.attach(cp.client)
    return Transport(cp.client, policy, sleep=lambda _: None)


def test_throttled_call_is_retried_then_succeeds() -> None:
    script = Scripted(
        error("ThrottlingException", 429),
        error("ThrottlingException", 429),
        (200, {"ProfileId": PID}),
    )
    result = sdk_transport(script).call("CreateProfile", {"DomainName": "d", "FirstName": "Ana"})
    assert result == {"ProfileId": PID}  # ResponseMetadata stripped
    assert len(script.requests) == 3


def test_server_error_on_create_profile_is_not_retried() -> None:
    script = Scripted(error("InternalServerException", 500), (200, {"ProfileId": PID}))
    with pytest.raises(InternalServerError) as info:
        sdk_transport(script).call("CreateProfile", {"DomainName": "d"})
    assert len(script.requests) == 1
    assert info.value.status_code == 500
    assert info.value.request_id == "req-1"
    assert info.value.operation == "CreateProfile"


@pytest.mark.parametrize(
    "operation", ["CreateDomain", "MergeProfiles", "CreateCalculatedAttributeDefinition"]
)
def test_no_non_idempotent_operation_is_retried_on_5xx(operation: str) -> None:
    assert not FAST.should_retry(operation, InternalServerError("boom"))
    assert not FAST.should_retry(operation, ConnectionError("reset"))
    assert FAST.should_retry(operation, ThrottlingError("slow down"))


def test_server_error_on_a_read_is_retried() -> None:
    script = Scripted(error("InternalServerException", 500), (200, {"Items": []}))
    result = sdk_transport(script).call(
        "SearchProfiles", {"DomainName": "d", "KeyName": "_email", "Values": ["x@y"]}
    )
    assert result == {"Items": []}
    assert len(script.requests) == 2


def test_requests_per_failed_call_equal_max_attempts() -> None:
    """No stacking: the SDK-built client makes exactly max_attempts HTTP requests."""
    script = Scripted(error("ThrottlingException", 429))
    with pytest.raises(ThrottlingError):
        sdk_transport(script).call("GetDomain", {"DomainName": "d"})
    assert len(script.requests) == FAST.max_attempts


def test_a_user_clients_botocore_retries_do_not_stack_under_the_sdks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A client passed in: the SDK's policy alone retries the SDK's calls (issue 15, 14);
    the user's direct calls on the same client keep botocore's retries."""
    import botocore.endpoint

    monkeypatch.setattr(botocore.endpoint.time, "sleep", lambda _: None)
    script = Scripted(error("ThrottlingException", 429))
    client = script.attach(boto_client(retries={"total_max_attempts": 2, "mode": "standard"}))
    transport = Transport(
        client, RetryPolicy(max_attempts=3, initial_wait=0.001), sleep=lambda _: None
    )
    with pytest.raises(ThrottlingError):
        transport.call("GetDomain", {"DomainName": "d"})
    assert len(script.requests) == 3  # not 2 x 3
    script.requests.clear()
    with pytest.raises(botocore.exceptions.ClientError):
        client.get_domain(DomainName="d")
    assert len(script.requests) == 2


def test_deadline_stops_retrying(monkeypatch: pytest.MonkeyPatch) -> None:
    """No attempt starts once the deadline has passed (each request "takes" 10 s)."""
    clock = {"now": 1000.0}
    monkeypatch.setattr("time.monotonic", lambda: clock["now"])

    class Slow(Scripted):
        def _answer(self, request: Any, **kwargs: Any) -> Any:
            clock["now"] += 10.0
            return super()._answer(request, **kwargs)

    script = Slow(error("ThrottlingException", 429))
    policy = RetryPolicy(max_attempts=50, initial_wait=0.001, max_wait=0.001, deadline=25.0)
    with pytest.raises(ThrottlingError):
        sdk_transport(script, policy).call("GetDomain", {"DomainName": "d"})
    # attempts start at t=0, 10 and 20 s; at t=30 s the deadline (25 s) has passed.
    assert len(script.requests) == 3


@pytest.mark.parametrize(
    "failure",
    [
        ConnectionClosedError(endpoint_url="https://scripted.invalid"),
        ReadTimeoutError(endpoint_url="https://scripted.invalid"),
    ],
)
def test_connection_errors_are_retried_for_reads_and_mapped(failure: Exception) -> None:
    script = Scripted(failure)
    with pytest.raises(ConnectionError) as info:
        sdk_transport(script).call("GetDomain", {"DomainName": "d"})
    assert len(script.requests) == FAST.max_attempts
    assert isinstance(info.value, OSError)  # also a builtin ConnectionError
    assert isinstance(info.value.__cause__, type(failure))


def test_connection_error_on_create_is_not_retried() -> None:
    script = Scripted(ConnectionClosedError(endpoint_url="https://scripted.invalid"))
    with pytest.raises(ConnectionError):
        sdk_transport(script).call("CreateDomain", {"DomainName": "d", "DefaultExpirationDays": 5})
    assert len(script.requests) == 1


def test_retry_none_makes_one_request() -> None:
    script = Scripted(error("ThrottlingException", 429))
    with pytest.raises(ThrottlingError):
        sdk_transport(script, RetryPolicy.none()).call("GetDomain", {"DomainName": "d"})
    assert len(script.requests) == 1


@pytest.mark.parametrize(
    ("code", "status", "cls"),
    [
        ("BadRequestException", 400, BadRequestError),
        ("ResourceNotFoundException", 404, ResourceNotFoundError),
        ("SomethingNewException", 409, ServiceError),
    ],
)
def test_errors_map_through_the_registry(code: str, status: int, cls: type[ServiceError]) -> None:
    script = Scripted(error(code, status, "nope"))
    with pytest.raises(cls) as info:
        sdk_transport(script).call("GetDomain", {"DomainName": "d"})
    assert type(info.value) is cls
    assert info.value.code == code
    assert info.value.message == "nope"
    assert info.value.status_code == status
    assert len(script.requests) == 1  # none of these is retried


def test_validation_error_is_raised_before_sending() -> None:
    script = Scripted((200, {}))
    with pytest.raises(ValidationError) as info:
        sdk_transport(script).call(
            "CreateDomain", {"DomainName": "x" * 500, "DefaultExpirationDays": 99999}
        )
    assert script.requests == []
    assert info.value.fields == ["DomainName", "DefaultExpirationDays"]
    assert "CreateDomain" in str(info.value)


def test_none_members_are_never_sent() -> None:
    script = Scripted((200, {"Items": []}))
    sdk_transport(script).call("ListDomains", {"NextToken": None, "MaxResults": None})
    assert "next-token" not in script.requests[0].url
    assert "max-results" not in script.requests[0].url


def test_logs_carry_operation_and_request_id_but_no_personal_data(
    caplog: pytest.LogCaptureFixture,
) -> None:
    script = Scripted(error("ThrottlingException", 429), (200, {"ProfileId": PID}))
    caplog.set_level(logging.DEBUG, logger="customer_profiles_sdk")
    sdk_transport(script).call(
        "CreateProfile",
        {"DomainName": "d", "FirstName": "Zelda", "EmailAddress": "zelda@example.com"},
    )
    text = caplog.text
    assert "CreateProfile" in text
    assert "req-1" in text  # the failed attempt's request id
    assert "retrying" in text
    assert "Zelda" not in text
    assert "zelda@example.com" not in text


def test_every_seed_operation_has_a_client_method() -> None:
    client: Any = boto_client()
    for operation in _service.SEED_OPERATIONS:
        assert callable(getattr(client, _service.method_name(operation)))


def test_client_options_are_exclusive() -> None:
    with pytest.raises(TypeError):
        CustomerProfiles(client=boto_client(), region_name="eu-west-1")


def test_client_is_immutable() -> None:
    cp = CustomerProfiles(region_name="eu-west-2")
    assert cp.region_name == "eu-west-2"
    with pytest.raises(AttributeError):
        cp.region = "x"  # type: ignore[attr-defined]


def test_sdk_built_clients_disable_botocore_retries() -> None:
    cp = CustomerProfiles(region_name="us-east-1")
    assert cp.client.meta.config.retries["total_max_attempts"] == 1


GATEWAY_503 = (503, b"<html><body>503 Service Unavailable</body></html>")


def test_a_gateway_5xx_without_an_error_code_is_retried_on_a_read() -> None:
    script = Scripted(GATEWAY_503, (200, {"Items": []}))
    result = sdk_transport(script).call(
        "SearchProfiles", {"DomainName": "d", "KeyName": "_email", "Values": ["x@y"]}
    )
    assert result == {"Items": []}
    assert len(script.requests) == 2


def test_a_gateway_5xx_maps_to_internal_server_error_and_is_not_retried_on_create() -> None:
    script = Scripted(GATEWAY_503, (200, {"ProfileId": PID}))
    with pytest.raises(InternalServerError) as info:
        sdk_transport(script).call("CreateProfile", {"DomainName": "d"})
    assert info.value.status_code == 503
    assert len(script.requests) == 1


def test_botocore_errors_outside_http_are_sdk_errors() -> None:
    from botocore.exceptions import NoCredentialsError

    from customer_profiles_sdk.errors import CustomerProfilesError

    script = Scripted(NoCredentialsError())
    with pytest.raises(CustomerProfilesError) as info:
        sdk_transport(script).call("GetDomain", {"DomainName": "d"})
    assert isinstance(info.value.__cause__, NoCredentialsError)
    assert len(script.requests) == 1
