"""SDK errors for code written against boto3: ServiceError is a botocore ClientError with
the same ``.response``; nothing the package exports shadows a built-in."""

from __future__ import annotations

import builtins
import pickle

import pytest
from botocore.exceptions import ClientError

import customer_profiles_sdk
from customer_profiles_sdk import (
    CustomerProfiles,
    ResourceNotFoundError,
    ServiceConnectionError,
    ServiceError,
    ThrottlingError,
)
from customer_profiles_sdk.local import LocalBackend


def test_a_service_error_is_caught_by_a_boto3_handler_with_the_same_response() -> None:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend)
    with pytest.raises(ClientError) as sdk_caught:
        cp.domain("missing").get()
    raw = backend.client()
    with pytest.raises(ClientError) as raw_caught:
        raw.get_domain(DomainName="missing")
    sdk_error, raw_error = sdk_caught.value, raw_caught.value
    assert isinstance(sdk_error, ResourceNotFoundError)
    assert sdk_error.response["Error"] == raw_error.response["Error"]
    assert sdk_error.response["Error"]["Code"] == "ResourceNotFoundException"
    meta = sdk_error.response["ResponseMetadata"]
    assert meta["HTTPStatusCode"] == 404
    assert meta["RequestId"] == sdk_error.request_id
    assert sdk_error.operation_name == raw_error.operation_name == "GetDomain"


def test_an_error_the_sdk_raises_itself_has_a_client_error_response() -> None:
    cp = CustomerProfiles.local()
    domain = cp.domains.create("errs", default_expiration_days=30)
    with pytest.raises(ClientError) as caught:
        domain.profiles.get("0" * 32)  # no GetProfile API: the SDK raises the 404 itself
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert caught.value.operation_name == "SearchProfiles"


def test_service_errors_pickle_with_their_fields() -> None:
    err = ThrottlingError("Rate exceeded", status_code=429, request_id="r-1", operation="GetDomain")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is ThrottlingError
    assert (back.code, back.status_code, back.request_id, back.operation) == (
        "ThrottlingException",
        429,
        "r-1",
        "GetDomain",
    )
    assert back.response == err.response
    assert str(back) == str(err)


def test_a_star_import_shadows_no_built_in() -> None:
    namespace: dict[str, object] = {}
    exec("from customer_profiles_sdk import *", namespace)
    shadowed = [name for name in namespace if hasattr(builtins, name) and name != "__builtins__"]
    assert shadowed == []
    assert "ServiceConnectionError" in namespace


def test_the_connection_error_is_the_builtin_kind_and_the_old_name_still_imports() -> None:
    assert issubclass(ServiceConnectionError, builtins.ConnectionError)
    assert customer_profiles_sdk.ConnectionError is ServiceConnectionError
    assert "ConnectionError" not in customer_profiles_sdk.__all__
    assert not issubclass(ServiceConnectionError, ServiceError)
