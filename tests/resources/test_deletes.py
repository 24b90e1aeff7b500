"""Issue 15, item 19: ``delete()`` and ``exists()`` tell a missing resource from a missing
domain, and a delete whose earlier attempt may have committed reports success.

A commit-then-500 is produced with ``backend.faults.fail_after_commit``: the delete is
applied, the caller gets a 500, the SDK's retry finds nothing (404).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import ResourceNotFoundError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources import Domain
from customer_profiles_sdk.retry import RetryPolicy

FAST = RetryPolicy(max_attempts=3, initial_wait=0.001, max_wait=0.002)


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=FAST)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    return cp.domains.create("d", default_expiration_days=365)


def _object_type(domain: Domain) -> None:
    domain.object_types.put(
        {
            "object_type_name": "Order",
            "description": "orders",
            "fields": {"id": {"source": "_source.id", "target": "_profile.AccountNumber"}},
            "keys": {
                "orderId": [{"standard_identifiers": ["PROFILE", "UNIQUE"], "field_names": ["id"]}]
            },
        }
    )


def test_delete_profile_after_commit_then_500_reports_success(
    backend: LocalBackend, domain: Domain
) -> None:
    pid = domain.profiles.create({"first_name": "Ana"})
    backend.faults.fail_after_commit("DeleteProfile")
    assert domain.profiles.delete(pid) is True
    assert not domain.profiles.exists(pid)


def test_delete_object_type_after_commit_then_500_reports_success(
    backend: LocalBackend, domain: Domain
) -> None:
    _object_type(domain)
    backend.faults.fail_after_commit("DeleteProfileObjectType")
    assert domain.object_types.delete("Order") is True
    assert not domain.object_types.exists("Order")


def test_a_404_after_a_throttled_attempt_is_still_false(
    backend: LocalBackend, domain: Domain
) -> None:
    """A 429 was refused, so it committed nothing: the 404 of the retry is the truth."""
    backend.faults.fail_next("DeleteProfile", code="ThrottlingException")
    assert domain.profiles.delete("a" * 32) is False


def test_delete_of_a_missing_resource_in_an_existing_domain_is_false(domain: Domain) -> None:
    assert domain.profiles.delete("a" * 32) is False
    assert domain.object_types.delete("Order") is False
    assert domain.object_types.exists("Order") is False


DELETES: dict[str, Callable[[Domain], Any]] = {
    "profiles.delete": lambda d: d.profiles.delete("a" * 32),
    "profiles.delete_key": lambda d: d.profiles.delete_key("a" * 32, "_email", ["a@b.c"]),
    "objects.delete": lambda d: d.objects.delete("a" * 32, "Order", "k"),
    "object_types.delete": lambda d: d.object_types.delete("Order"),
    "object_types.exists": lambda d: d.object_types.exists("Order"),
    "integrations.delete": lambda d: d.integrations.delete("s3://x"),
    "integrations.exists": lambda d: d.integrations.exists("s3://x"),
    "calculated_attributes.delete": lambda d: d.calculated_attributes.delete("spend"),
    "calculated_attributes.exists": lambda d: d.calculated_attributes.exists("spend"),
    "segments.delete": lambda d: d.segments.delete("seg"),
    "segments.exists": lambda d: d.segments.exists("seg"),
}


@pytest.mark.parametrize("name", sorted(DELETES))
def test_a_missing_domain_is_not_found(cp: CustomerProfiles, name: str) -> None:
    with pytest.raises(ResourceNotFoundError, match="typo"):
        DELETES[name](cp.domain("typo"))


@pytest.mark.parametrize("name", sorted(DELETES))
def test_a_missing_resource_in_an_existing_domain_is_false(domain: Domain, name: str) -> None:
    assert DELETES[name](domain) is False
