"""``profiles.search`` refuses a misspelt key name (``"_emial"``) instead of finding
nothing; the domain's key names are cached per client and read again on a miss."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles, ObjectType, ObjectTypeField, ObjectTypeKey
from customer_profiles_sdk.errors import ValidationError
from customer_profiles_sdk.local import LocalBackend


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def calls(backend: LocalBackend) -> Counter[str]:
    return Counter()


@pytest.fixture
def cp(backend: LocalBackend, calls: Counter[str]) -> CustomerProfiles:
    client = backend.client()

    def count(model: Any, **kwargs: Any) -> None:
        calls[model.name] += 1

    client.meta.events.register("before-call.customer-profiles", count)
    return CustomerProfiles(client=client)


def _order_type(name: str = "Order", key: str = "orderNumber") -> ObjectType:
    return ObjectType(
        object_type_name=name,
        description="orders",
        allow_profile_creation=True,
        fields={
            "order_id": ObjectTypeField(source="_source.order_id"),
            "email": ObjectTypeField(source="_source.email", target="_profile.EmailAddress"),
        },
        keys={
            key: [
                ObjectTypeKey(standard_identifiers=["PROFILE", "UNIQUE"], field_names=["order_id"])
            ],
            "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
        },
    )


def test_a_misspelt_standard_key_names_the_closest(
    cp: CustomerProfiles, calls: Counter[str]
) -> None:
    domain = cp.domains.create("keys-typo", default_expiration_days=30)
    domain.profiles.create({"email_address": "ana@example.com"})
    with pytest.raises(ValidationError) as caught:
        domain.profiles.search("_emial", ["ana@example.com"])
    message = str(caught.value)
    assert "SearchProfiles" in message
    assert "'_emial'" in message
    assert "did you mean _email" in message
    assert "check_key=False" in message
    assert calls["SearchProfiles"] == 0  # refused before the search is sent


def test_standard_keys_need_no_request(cp: CustomerProfiles, calls: Counter[str]) -> None:
    domain = cp.domains.create("keys-std", default_expiration_days=30)
    pid = domain.profiles.create({"email_address": "ana@example.com"})
    assert [p.profile_id for p in domain.profiles.search("_email", ["ana@example.com"])] == [pid]
    assert domain.profiles.get(pid).profile_id == pid
    assert calls["ListProfileObjectTypes"] == 0


def test_keys_of_object_types_are_known_and_cached(
    cp: CustomerProfiles, calls: Counter[str]
) -> None:
    domain = cp.domains.create("keys-types", default_expiration_days=30)
    domain.object_types.put(_order_type())
    domain.objects.put("Order", {"order_id": "O-1", "email": "ana@example.com"})
    found = domain.profiles.search("orderNumber", ["O-1"]).to_list()
    assert len(found) == 1
    assert calls["ListProfileObjectTypes"] == 1
    assert calls["GetProfileObjectType"] == 1
    # A second handle of the same client uses the cache.
    assert len(cp.domain("keys-types").profiles.search("orderNumber", ["O-1"]).to_list()) == 1
    assert calls["ListProfileObjectTypes"] == 1
    with pytest.raises(ValidationError, match="did you mean orderNumber"):
        domain.profiles.search(keys={"_email": ["x@example.com"], "ordrNumber": ["O-1"]})
    assert calls["ListProfileObjectTypes"] == 2  # a miss reads the names again


def test_an_object_type_added_later_is_found_on_a_miss(cp: CustomerProfiles) -> None:
    domain = cp.domains.create("keys-later", default_expiration_days=30)
    domain.object_types.put(_order_type())
    assert domain.profiles.search("orderNumber", ["none"]).to_list() == []  # cached now
    domain.object_types.put(_order_type("Ticket", "ticketNumber"))
    assert domain.profiles.search("ticketNumber", ["none"]).to_list() == []  # no error


def test_check_key_false_searches_anything(cp: CustomerProfiles, calls: Counter[str]) -> None:
    domain = cp.domains.create("keys-off", default_expiration_days=30)
    assert domain.profiles.search("_emial", ["a@example.com"], check_key=False).to_list() == []
    assert calls["ListProfileObjectTypes"] == 0
    assert calls["SearchProfiles"] == 1


def test_a_key_added_with_add_key_is_known(cp: CustomerProfiles) -> None:
    domain = cp.domains.create("keys-added", default_expiration_days=30)
    pid = domain.profiles.create({"first_name": "Ana"})
    domain.profiles.add_key(pid, "loyaltyId", ["L-1"])
    assert [p.profile_id for p in domain.profiles.search("loyaltyId", ["L-1"])] == [pid]
    # Another client does not know it was added: the error says how to search anyway.
    other = CustomerProfiles(client=cp.client)
    assert other is not cp
    fresh = CustomerProfiles(client=cp.client).domain("keys-added").profiles
    assert [p.profile_id for p in fresh.search("loyaltyId", ["L-1"], check_key=False)] == [pid]


def test_the_check_is_skipped_when_object_types_cannot_be_read(
    backend: LocalBackend, cp: CustomerProfiles
) -> None:
    domain = cp.domains.create("keys-denied", default_expiration_days=30)
    backend.faults.fail_next("ListProfileObjectTypes", code="AccessDeniedException")
    assert domain.profiles.search("customKey", ["x"]).to_list() == []


def test_a_missing_domain_is_still_not_found(cp: CustomerProfiles) -> None:
    from customer_profiles_sdk.errors import ResourceNotFoundError

    with pytest.raises(ResourceNotFoundError):
        cp.domain("keys-nowhere").profiles.search("customKey", ["x"])
