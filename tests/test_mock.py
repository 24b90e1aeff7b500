"""mock_customer_profiles: moto-style interception of every customer-profiles client."""

from __future__ import annotations

from typing import Any

import boto3
import botocore.session
import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.local import EMULATOR_ENDPOINT, LocalBackend, mock_customer_profiles

ORIGINAL = botocore.session.Session.create_client


@pytest.fixture
def no_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with no credentials and no region at all."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


@pytest.mark.usefixtures("no_aws_environment")
def test_plain_boto3_code_needs_no_credentials_region_or_network() -> None:
    with mock_customer_profiles() as backend:
        client = boto3.client("customer-profiles")
        client.create_domain(DomainName="shop", DefaultExpirationDays=30)
        assert client.meta.region_name == "us-east-1"
        assert client.meta.endpoint_url == EMULATOR_ENDPOINT
    assert [c.operation for c in backend.calls] == ["CreateDomain"]
    assert "shop" in backend.store.region("us-east-1").domains


def test_every_client_in_every_region_shares_one_backend() -> None:
    with mock_customer_profiles() as backend:
        west = boto3.session.Session(region_name="eu-west-2").client("customer-profiles")
        east = boto3.client("customer-profiles", region_name="us-east-1")
        sdk = CustomerProfiles(region_name="eu-west-2")
        west.create_domain(DomainName="uk", DefaultExpirationDays=30)
        east.create_domain(DomainName="us", DefaultExpirationDays=30)
        assert [d.domain_name for d in sdk.domains.list()] == ["uk"]
        assert {c.region for c in backend.calls} == {"eu-west-2", "us-east-1"}


def test_clients_of_other_services_and_clients_made_before_are_untouched() -> None:
    before = boto3.client("customer-profiles", region_name="us-east-1")
    with mock_customer_profiles():
        s3 = boto3.client("s3", region_name="us-east-1")
        assert s3.meta.endpoint_url != EMULATOR_ENDPOINT
        assert before.meta.endpoint_url != EMULATOR_ENDPOINT


def _fail_inside_a_mock() -> None:
    with mock_customer_profiles():
        assert botocore.session.Session.create_client is not ORIGINAL
        raise RuntimeError("boom")


def test_nothing_stays_patched_on_exit_even_after_an_error() -> None:
    with pytest.raises(RuntimeError, match="boom"):
        _fail_inside_a_mock()
    assert botocore.session.Session.create_client is ORIGINAL
    after = boto3.client("customer-profiles", region_name="us-east-1")
    assert after.meta.endpoint_url != EMULATOR_ENDPOINT


def test_an_explicit_backend_and_nested_mocks() -> None:
    outer_backend = LocalBackend()
    with mock_customer_profiles(outer_backend) as outer:
        assert outer is outer_backend
        with mock_customer_profiles() as inner:
            boto3.client("customer-profiles").create_domain(
                DomainName="inner", DefaultExpirationDays=30
            )
        boto3.client("customer-profiles").create_domain(
            DomainName="outer", DefaultExpirationDays=30
        )
    assert list(inner.store.region("us-east-1").domains) == ["inner"]
    assert list(outer.store.region("us-east-1").domains) == ["outer"]
    assert botocore.session.Session.create_client is ORIGINAL


@pytest.mark.usefixtures("no_aws_environment")
def test_as_a_decorator_with_and_without_parentheses_each_call_gets_a_fresh_backend() -> None:
    seen: list[LocalBackend] = []

    @mock_customer_profiles
    def bare(backend: LocalBackend) -> int:
        seen.append(backend)
        client = boto3.client("customer-profiles")
        client.create_domain(DomainName="d", DefaultExpirationDays=30)
        return len(client.list_domains()["Items"])

    @mock_customer_profiles(region_name="ap-southeast-2")
    def called(**kwargs: Any) -> str:
        return str(boto3.client("customer-profiles").meta.region_name)

    assert bare() == 1
    assert bare() == 1  # a fresh backend: the first call's domain is gone
    assert seen[0] is not seen[1]
    assert called() == "ap-southeast-2"
    assert botocore.session.Session.create_client is ORIGINAL


def test_the_backend_property_outside_the_block_is_a_clear_error() -> None:
    mock = mock_customer_profiles()
    with pytest.raises(RuntimeError, match="not active"):
        _ = mock.backend
    with mock:
        assert isinstance(mock.backend, LocalBackend)
        with pytest.raises(RuntimeError, match="already active"):
            mock.start()


def test_the_fixtures_of_the_plugin(
    customer_profiles: CustomerProfiles, customer_profiles_backend: LocalBackend
) -> None:
    customer_profiles.domains.create("fx", default_expiration_days=30)
    raw = boto3.client("customer-profiles", region_name="us-east-1")
    assert [d["DomainName"] for d in raw.list_domains()["Items"]] == ["fx"]
    assert customer_profiles_backend.calls[-1].operation == "ListDomains"
