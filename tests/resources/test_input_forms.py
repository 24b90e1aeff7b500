"""Inputs a user naturally writes as plain mappings, and when bad input is reported."""

from __future__ import annotations

import pytest

from customer_profiles_sdk import (
    CustomerProfiles,
    DayOfTheWeek,
    ObjectTypeField,
    Unit,
    ValidationError,
)
from customer_profiles_sdk.local import LocalBackend


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


def test_nested_mappings_become_models_for_domain_settings(cp: CustomerProfiles) -> None:
    domain = cp.domains.create(
        "forms",
        default_expiration_days=30,
        matching={"enabled": True, "job_schedule": {"day_of_the_week": "MONDAY", "time": "03:00"}},
    )
    matching = domain.get().matching
    assert matching is not None
    assert matching.job_schedule is not None
    assert matching.job_schedule.day_of_the_week is DayOfTheWeek.MONDAY


def test_nested_mappings_become_models_for_object_types_and_conditions(
    cp: CustomerProfiles,
) -> None:
    domain = cp.domains.create("forms2", default_expiration_days=30)
    domain.object_types.put(
        {
            "object_type_name": "Order",
            "description": "orders",
            "fields": {
                "id": {"source": "_source.id"},
                "total": {"source": "_source.total", "content_type": "NUMBER"},
            },
            "keys": {
                "orderId": [{"standard_identifiers": ["PROFILE", "UNIQUE"], "field_names": ["id"]}]
            },
        }
    )
    stored = domain.object_types.get("Order")
    assert stored.fields["id"] == ObjectTypeField(source="_source.id")
    domain.calculated_attributes.create(
        "spend",
        expression="{Order.total}",
        statistic="SUM",
        conditions={"range": {"value": 30, "unit": "DAYS"}},
    )
    conditions = domain.calculated_attributes.get("spend").conditions
    assert conditions is not None
    assert conditions.range is not None
    assert conditions.range.unit is Unit.DAYS


def test_a_mapping_naming_no_field_is_a_type_error(cp: CustomerProfiles) -> None:
    with pytest.raises(TypeError, match="colour"):
        cp.domains.create("forms3", default_expiration_days=30, matching={"colour": "red"})


def test_bad_list_input_fails_when_the_list_is_asked_for(
    cp: CustomerProfiles, backend: LocalBackend
) -> None:
    domain = cp.domain("forms4")
    before = len(backend.calls)
    with pytest.raises(ValidationError) as info:
        domain.objects.list("not-a-profile-id", "Order")
    assert "ProfileId" in str(info.value)
    assert len(backend.calls) == before
