"""``domain.objects`` against the embedded emulator."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import (
    BadRequestError,
    ResourceNotFoundError,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.object_type import (
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
)
from customer_profiles_sdk.models.profile_object import ObjectFilter, ProfileObject
from customer_profiles_sdk.resources.domains import Domain
from customer_profiles_sdk.retry import RetryPolicy

ORDER = ObjectType(
    object_type_name="Order",
    description="Web shop orders",
    fields={
        "order_id": ObjectTypeField(source="_source.order_id"),
        "email": ObjectTypeField(
            source="_source.email",
            target="_profile.EmailAddress",
            content_type=FieldContentType.EMAIL_ADDRESS,
        ),
        "total": ObjectTypeField(source="_source.total", content_type=FieldContentType.NUMBER),
    },
    keys={
        "orderId": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["order_id"])],
        "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
    },
)
EMAIL = "ana@example.com"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    domain = cp.domains.create("objects-tests", default_expiration_days=365)
    domain.object_types.put(ORDER)
    return domain


@pytest.fixture
def profile_id(cp: CustomerProfiles, domain: Domain) -> str:
    response = cp.client.create_profile(DomainName=domain.name, EmailAddress=EMAIL)
    return str(response["ProfileId"])


def order(order_id: str, total: float = 10.0, **more: Any) -> dict[str, Any]:
    return {"order_id": order_id, "email": EMAIL, "total": total, **more}


def capture_requests(cp: CustomerProfiles, operation: str) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def hook(params: dict[str, Any], **_: Any) -> None:
        seen.append(dict(params))

    cp.client.meta.events.register(f"provide-client-params.customer-profiles.{operation}", hook)
    return seen


# --------------------------------------------------------------------------- put


def test_put_a_mapping(domain: Domain, profile_id: str) -> None:
    key = domain.objects.put("Order", order("1", 12.5))

    assert isinstance(key, str)
    assert key
    [item] = domain.objects.list(profile_id, "Order")
    assert isinstance(item, ProfileObject)
    assert item.profile_object_unique_key == key
    assert item.object_type_name == "Order"
    assert item.data == order("1", 12.5)


def test_put_a_json_string_is_sent_unchanged(
    cp: CustomerProfiles, domain: Domain, profile_id: str
) -> None:
    sent = capture_requests(cp, "PutProfileObject")
    text = '{"order_id": "2",   "email": "ana@example.com"}'

    key = domain.objects.put("Order", text)

    assert sent[-1]["Object"] == text
    [item] = domain.objects.list(profile_id, "Order")
    assert item.profile_object_unique_key == key
    assert item.data == {"order_id": "2", "email": EMAIL}


def test_put_serialises_datetimes(cp: CustomerProfiles, domain: Domain) -> None:
    sent = capture_requests(cp, "PutProfileObject")
    when = datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)

    domain.objects.put("Order", order("3", placed=when))

    assert json.loads(sent[-1]["Object"])["placed"] == "2024-05-01T12:30:00+00:00"


def test_put_same_unique_value_replaces(domain: Domain, profile_id: str) -> None:
    first = domain.objects.put("Order", order("1", 10))
    second = domain.objects.put("Order", order("1", 99))

    assert first == second
    items = domain.objects.list(profile_id, "Order").to_list()
    assert [item.data["total"] for item in items] == [99]


def test_put_rejects_other_types(domain: Domain) -> None:
    with pytest.raises(TypeError):
        domain.objects.put("Order", [order("1")])  # type: ignore[arg-type]


def test_put_unknown_object_type(domain: Domain) -> None:
    with pytest.raises(ResourceNotFoundError):
        domain.objects.put("Invoice", order("1"))


def test_put_invalid_json_is_rejected_by_the_service(domain: Domain) -> None:
    with pytest.raises(BadRequestError):
        domain.objects.put("Order", "{not json")


def test_put_validates_before_sending(domain: Domain, backend: LocalBackend) -> None:
    with pytest.raises(ValidationError) as caught:
        domain.objects.put("x" * 256, "")

    assert caught.value.operation == "PutProfileObject"
    assert set(caught.value.fields) == {"ObjectTypeName", "Object"}
    assert backend.call_count("PutProfileObject") == 0


# --------------------------------------------------------------------------- list


def test_list_pages_one_by_one(domain: Domain, profile_id: str, backend: LocalBackend) -> None:
    keys = [domain.objects.put("Order", order(str(i))) for i in range(5)]
    backend.reset_calls()

    items = list(domain.objects.list(profile_id, "Order").page_size(1))

    assert [item.profile_object_unique_key for item in items] == keys
    assert [item.data["order_id"] for item in items] == ["0", "1", "2", "3", "4"]
    assert backend.call_count("ListProfileObjects") == 5


def test_list_limit(domain: Domain, profile_id: str, backend: LocalBackend) -> None:
    for i in range(5):
        domain.objects.put("Order", order(str(i)))
    backend.reset_calls()

    items = domain.objects.list(profile_id, "Order").page_size(1).limit(2).to_list()

    assert [item.data["order_id"] for item in items] == ["0", "1"]
    assert backend.call_count("ListProfileObjects") == 2


@pytest.mark.parametrize(
    "object_filter",
    [
        ("orderId", ["2", "4"]),
        ObjectFilter(key_name="orderId", values=["2", "4"]),
        {"key_name": "orderId", "values": ["2", "4"]},
    ],
    ids=["tuple", "model", "mapping"],
)
def test_list_with_a_filter(
    cp: CustomerProfiles, domain: Domain, profile_id: str, object_filter: Any
) -> None:
    for i in range(5):
        domain.objects.put("Order", order(str(i)))
    sent = capture_requests(cp, "ListProfileObjects")

    items = domain.objects.list(profile_id, "Order", filter=object_filter).to_list()

    assert [item.data["order_id"] for item in items] == ["2", "4"]
    assert sent[-1]["ObjectFilter"] == {"KeyName": "orderId", "Values": ["2", "4"]}


def test_list_filter_with_one_string_value(domain: Domain, profile_id: str) -> None:
    for i in range(3):
        domain.objects.put("Order", order(f"A-{i}"))

    items = domain.objects.list(profile_id, "Order", filter=("orderId", "A-1")).to_list()

    assert [item.data["order_id"] for item in items] == ["A-1"]


def test_list_filter_that_matches_nothing(domain: Domain, profile_id: str) -> None:
    domain.objects.put("Order", order("1"))

    assert domain.objects.list(profile_id, "Order", filter=("orderId", ["9"])).to_list() == []


def test_list_empty_filter_values_rejected_by_the_service(domain: Domain, profile_id: str) -> None:
    with pytest.raises(BadRequestError):
        domain.objects.list(profile_id, "Order", filter=("orderId", [])).to_list()


def test_list_missing_profile(domain: Domain) -> None:
    with pytest.raises(ResourceNotFoundError):
        domain.objects.list("0" * 32, "Order").to_list()


def test_list_validates_before_sending(domain: Domain, backend: LocalBackend) -> None:
    with pytest.raises(ValidationError) as caught:  # at the call, not at iteration
        domain.objects.list("not-a-profile-id", "Order", filter=("bad key!", ["1"]))

    assert "ProfileId" in caught.value.fields
    assert "ObjectFilter.KeyName" in caught.value.fields
    assert backend.call_count("ListProfileObjects") == 0


def test_object_is_masked_in_repr(domain: Domain, profile_id: str) -> None:
    domain.objects.put("Order", order("1"))
    [item] = domain.objects.list(profile_id, "Order")

    assert EMAIL not in repr(item)
    assert EMAIL in item.object  # type: ignore[operator]


# --------------------------------------------------------------------------- delete


def test_delete_is_idempotent(domain: Domain, profile_id: str) -> None:
    keep = domain.objects.put("Order", order("1"))
    gone = domain.objects.put("Order", order("2"))

    assert domain.objects.delete(profile_id, "Order", gone) is True
    assert domain.objects.delete(profile_id, "Order", gone) is False
    remaining = [
        item.profile_object_unique_key for item in domain.objects.list(profile_id, "Order")
    ]
    assert remaining == [keep]


def test_delete_validates_before_sending(
    domain: Domain, profile_id: str, backend: LocalBackend
) -> None:
    with pytest.raises(ValidationError) as caught:
        domain.objects.delete(profile_id, "Order", "")

    assert caught.value.fields == ["ProfileObjectUniqueKey"]
    assert backend.call_count("DeleteProfileObject") == 0
