"""``domain.attributes`` against the embedded emulator: values, names, statistics."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk import (
    BadRequestError,
    CustomerProfiles,
    Profile,
    ResourceNotFoundError,
    RetryPolicy,
    ValidationError,
)
from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.resources.attributes import (
    AttributeStatistics,
    ObjectTypeAttribute,
    ObjectTypeAttributeValue,
)
from customer_profiles_sdk.resources.domains import Domain

START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
MIDNIGHT = datetime(2026, 3, 3, 0, 0, tzinfo=timezone.utc)
ORDER: dict[str, Any] = {
    "object_type_name": "Order",
    "description": "orders",
    "allow_profile_creation": True,
    "fields": {
        "id": {"source": "_source.id"},
        "total": {"source": "_source.total", "content_type": "NUMBER"},
        "status": {"source": "_source.status"},
    },
    "keys": {"id": [{"standard_identifiers": ["UNIQUE", "PROFILE"], "field_names": ["id"]}]},
}


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(START))


def _domain(backend: LocalBackend, **kw: Any) -> Domain:
    cp = CustomerProfiles.local(backend=backend, retry=RetryPolicy.none())
    domain = cp.domains.create("attributes-sdk", default_expiration_days=30, **kw)
    domain.object_types.put(ORDER)
    return domain


def test_profile_values(backend: LocalBackend) -> None:
    domain = _domain(backend)
    for name in ("Ana", "Bo", "Ana"):
        domain.profiles.create(Profile(first_name=name))
        backend.clock.advance(1)
    assert domain.attributes.profile_values("FirstName") == ["Ana", "Bo"]
    assert domain.attributes.profile_values("LastName") == []
    with pytest.raises(BadRequestError):
        domain.attributes.profile_values("Nickname")
    with pytest.raises(ValidationError) as exc:
        domain.attributes.profile_values("x" * 256)
    assert exc.value.operation == "ListProfileAttributeValues"


def test_names_and_values_are_typed_and_paged(backend: LocalBackend) -> None:
    domain = _domain(backend)
    for i, total in enumerate((10, 20, 30)):
        domain.objects.put("Order", {"id": str(i), "total": total, "status": "ok"})
        backend.clock.advance(60)
    names = list(domain.attributes.names("Order"))
    assert all(isinstance(n, ObjectTypeAttribute) for n in names)
    assert [n.attribute_name for n in names] == ["id", "status", "total"]
    values = list(domain.attributes.values("Order", "total"))
    assert all(isinstance(v, ObjectTypeAttributeValue) for v in values)
    assert [v.value for v in values] == ["30", "20", "10"]
    assert values[0].last_updated_at > values[-1].last_updated_at
    pages = list(domain.attributes.values("Order", "total").page_size(2).by_page())
    assert [len(p.items) for p in pages] == [2, 1]
    with pytest.raises(ResourceNotFoundError):
        list(domain.attributes.values("Order", "missing"))
    with pytest.raises(ResourceNotFoundError):
        list(domain.attributes.names("Nope"))
    with pytest.raises(ValidationError):
        domain.attributes.names("bad name!")


def test_statistics_daily_and_none_before(backend: LocalBackend) -> None:
    domain = _domain(backend, data_store={"enabled": True})
    for i, total in enumerate((10, 20, 30, 40)):
        domain.objects.put("Order", {"id": str(i), "total": total, "status": "ok"})
    assert domain.attributes.statistics("Order", "total") is None
    backend.clock.freeze(MIDNIGHT)
    result = domain.attributes.statistics("Order", "total")
    assert isinstance(result, AttributeStatistics)
    assert result.calculated_at == MIDNIGHT
    stats = result.statistics
    assert (stats.minimum, stats.maximum, stats.average) == (10, 40, 25)
    assert stats.standard_deviation == pytest.approx(11.1803398875)
    assert stats.percentiles.p5 == pytest.approx(11.5)
    assert stats.percentiles.p95 == pytest.approx(38.5)
    assert domain.attributes.statistics("Order", "status") is None  # text only


def test_statistics_need_the_data_store(backend: LocalBackend) -> None:
    domain = _domain(backend)
    with pytest.raises(BadRequestError):
        domain.attributes.statistics("Order", "total")
    with pytest.raises(ValidationError):
        domain.attributes.statistics("Order", "x" * 1001)
