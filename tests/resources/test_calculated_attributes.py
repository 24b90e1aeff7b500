"""``domain.calculated_attributes`` against the embedded emulator."""

from __future__ import annotations

import json
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models.calculated_attribute import (
    AttributeItem,
    CalculatedAttribute,
    CalculatedAttributeSummary,
    CalculatedAttributeValue,
    ConditionOverrides,
    Conditions,
    Filter,
    FilterAttributeDimension,
    FilterDimension,
    FilterDimensionType,
    FilterGroup,
    Include,
    Operator,
    Range,
    RangeOverride,
    ReadinessStatus,
    Statistic,
    Threshold,
    Unit,
    ValueRange,
)
from customer_profiles_sdk.resources.calculated_attributes import CalculatedAttributes

D = "shop"
EMAIL_ANA = "ana@example.com"
EMAIL_BO = "bo@example.com"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def cas(cp: CustomerProfiles) -> CalculatedAttributes:
    cp.domains.create(D, default_expiration_days=30)
    cp.client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"},
            # Calculated attributes read fields of the object type, not raw JSON paths.
            **{
                name: {"Source": f"_source.{name}"}
                for name in ("total", "price", "qty", "status", "a", "b", "c", "secret_total")
            },
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    return cp.domain(D).calculated_attributes


def _profile(cp: CustomerProfiles, email: str) -> str:
    pid: str = cp.client.create_profile(DomainName=D, EmailAddress=email)["ProfileId"]
    return pid


_order_ids = iter(range(1_000_000))


def _order(cp: CustomerProfiles, email: str, **fields: Any) -> None:
    body = {"id": f"o{next(_order_ids)}", "email": email, **fields}
    cp.client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=json.dumps(body))


# --------------------------------------------------------------------------- create


def test_create_returns_the_definition(cas: CalculatedAttributes) -> None:
    created = cas.create(
        "total_spend",
        expression="{Order.total}",
        statistic=Statistic.SUM,
        display_name="Total spend",
        description="money",
        conditions=Conditions(range=Range(value=30, unit=Unit.DAYS), object_count=10),
        use_historical_data=True,
        tags={"team": "crm"},
    )
    assert isinstance(created, CalculatedAttribute)
    assert created.calculated_attribute_name == "total_spend"
    assert created.statistic is Statistic.SUM
    assert created.display_name == "Total spend"
    assert created.description == "money"
    assert created.attribute_details is not None
    assert created.attribute_details.expression == "{Order.total}"
    assert created.attribute_details.attributes == [AttributeItem(name="total")]
    assert created.conditions == Conditions(range=Range(value=30, unit=Unit.DAYS), object_count=10)
    assert created.use_historical_data is True
    assert created.tags == {"team": "crm"}
    assert created.status is ReadinessStatus.COMPLETED
    assert created.created_at is not None


def test_create_derives_attributes_from_a_two_attribute_expression(
    cas: CalculatedAttributes,
) -> None:
    created = cas.create(
        "line_value", expression="{Order.price} * {Order.qty} + {Order.price}", statistic="SUM"
    )
    assert created.attribute_details is not None
    assert [a.name for a in created.attribute_details.attributes] == ["price", "qty"]


def test_create_sends_explicit_attributes_and_a_mapping_filter(
    cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    cas.create(
        "paid_total",
        expression="{Order.total}",
        attributes=[AttributeItem(name="total"), "status"],
        statistic="SUM",
        filter={
            "include": "ALL",
            "groups": [
                FilterGroup(
                    type=Include.ALL,
                    dimensions=[
                        FilterDimension(
                            attributes={
                                "status": FilterAttributeDimension(
                                    dimension_type=FilterDimensionType.INCLUSIVE, values=["paid"]
                                )
                            }
                        )
                    ],
                )
            ],
        },
    )
    raw = cp.client.get_calculated_attribute_definition(
        DomainName=D, CalculatedAttributeName="paid_total"
    )
    assert raw["AttributeDetails"]["Attributes"] == [{"Name": "total"}, {"Name": "status"}]
    assert raw["Filter"] == {
        "Include": "ALL",
        "Groups": [
            {
                "Type": "ALL",
                "Dimensions": [
                    {"Attributes": {"status": {"DimensionType": "INCLUSIVE", "Values": ["paid"]}}}
                ],
            }
        ],
    }


def test_create_an_existing_name_is_a_bad_request(cas: CalculatedAttributes) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    with pytest.raises(BadRequestError):
        cas.create("spend", expression="{Order.total}", statistic="SUM")


def test_create_on_an_unknown_object_type_is_a_bad_request(cas: CalculatedAttributes) -> None:
    with pytest.raises(BadRequestError):
        cas.create("spend", expression="{Invoice.total}", statistic="SUM")


def test_create_with_three_attributes_is_refused_by_the_service(
    cas: CalculatedAttributes,
) -> None:
    with pytest.raises(BadRequestError):
        cas.create(
            "triple",
            expression="{Order.a} + {Order.b} + {Order.c}",
            statistic="SUM",
        )


def test_create_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").calculated_attributes.create(
            "spend", expression="{Order.total}", statistic="SUM"
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"statistic": "MEDIAN"}, "Statistic"),
        ({"attributes": [f"a{i}" for i in range(51)]}, "AttributeDetails.Attributes"),
        ({"display_name": "bad!name"}, "DisplayName"),
        ({"conditions": {"object_count": 0}}, "Conditions.ObjectCount"),
        (
            {"conditions": Conditions(threshold=Threshold(value="1", operator="ABOUT"))},
            "Conditions.Threshold.Operator",
        ),
    ],
    ids=["statistic", "attributes", "display_name", "object_count", "operator"],
)
def test_create_validates_before_sending(
    backend: LocalBackend, cas: CalculatedAttributes, kwargs: dict[str, Any], field: str
) -> None:
    params: dict[str, Any] = {"expression": "{Order.total}", "statistic": "SUM", **kwargs}
    before = backend.call_count()
    with pytest.raises(ValidationError) as caught:
        cas.create("spend", **params)
    assert field in caught.value.fields
    assert backend.call_count() == before


def test_create_bad_name_is_a_validation_error(
    backend: LocalBackend, cas: CalculatedAttributes
) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        cas.create("1-starts-with-a-digit", expression="{Order.total}", statistic="SUM")
    assert backend.call_count() == before


# --------------------------------------------------------------------------- get / exists


def test_get_and_exists(cas: CalculatedAttributes) -> None:
    flt = Filter(
        include=Include.ANY,
        groups=[
            FilterGroup(
                type="ALL",
                dimensions=[
                    FilterDimension(
                        attributes={
                            "total": FilterAttributeDimension(
                                dimension_type="BETWEEN", values=["1", "99"]
                            )
                        }
                    )
                ],
            )
        ],
    )
    cas.create("spend", expression="{Order.total}", statistic="MAXIMUM", filter=flt)
    got = cas.get("spend")
    assert got.statistic is Statistic.MAXIMUM
    assert got.filter == flt
    assert got.readiness is not None
    assert got.readiness.progress_percentage == 100
    assert cas.exists("spend") is True
    assert cas.exists("other") is False


def test_get_missing_is_not_found(cas: CalculatedAttributes) -> None:
    with pytest.raises(ResourceNotFoundError):
        cas.get("missing")


def test_exists_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    """Issue 15, item 19: a missing domain is an error, not ``False``."""
    with pytest.raises(ResourceNotFoundError, match="nowhere"):
        cp.domain("nowhere").calculated_attributes.exists("spend")


def test_repr_masks_personal_data(cas: CalculatedAttributes) -> None:
    created = cas.create(
        "spend", expression="{Order.secret_total}", statistic="SUM", description="private note"
    )
    text = repr(created)
    assert "private note" not in text
    assert "secret_total" not in text
    assert "'spend'" in text


# --------------------------------------------------------------------------- list


def test_list_walks_every_page(backend: LocalBackend, cas: CalculatedAttributes) -> None:
    names = [f"attr_{i}" for i in range(5)]
    for name in names:
        cas.create(name, expression="{Order.total}", statistic="SUM", display_name=name)
    backend.reset_calls()
    listed = cas.list().page_size(1).to_list()
    assert [s.calculated_attribute_name for s in listed] == names
    assert all(isinstance(s, CalculatedAttributeSummary) for s in listed)
    assert [s.display_name for s in listed] == names
    assert backend.call_count("ListCalculatedAttributeDefinitions") == 5


def test_list_limit_requests_only_what_it_needs(
    backend: LocalBackend, cas: CalculatedAttributes
) -> None:
    for i in range(4):
        cas.create(f"attr_{i}", expression="{Order.total}", statistic="SUM")
    backend.reset_calls()
    first_two = cas.list().page_size(1).limit(2).to_list()
    assert [s.calculated_attribute_name for s in first_two] == ["attr_0", "attr_1"]
    assert backend.call_count("ListCalculatedAttributeDefinitions") == 2


def test_list_resumes_from_a_page_token(cas: CalculatedAttributes) -> None:
    for i in range(3):
        cas.create(f"attr_{i}", expression="{Order.total}", statistic="SUM")
    first = next(cas.list().page_size(2).by_page())
    assert [s.calculated_attribute_name for s in first.items] == ["attr_0", "attr_1"]
    assert first.next_token is not None
    rest = next(cas.list().page_size(2).by_page(first.next_token))
    assert [s.calculated_attribute_name for s in rest.items] == ["attr_2"]


def test_list_in_a_missing_domain_is_not_found(cp: CustomerProfiles) -> None:
    with pytest.raises(ResourceNotFoundError):
        cp.domain("nowhere").calculated_attributes.list().to_list()


# --------------------------------------------------------------------------- update


def test_update_changes_only_what_is_passed(cas: CalculatedAttributes) -> None:
    flt = Filter(
        include="ALL",
        groups=[
            FilterGroup(
                type="ALL",
                dimensions=[
                    FilterDimension(
                        attributes={
                            "status": FilterAttributeDimension(
                                dimension_type="INCLUSIVE", values=["paid"]
                            )
                        }
                    )
                ],
            )
        ],
    )
    created = cas.create(
        "spend",
        expression="{Order.total}",
        statistic="SUM",
        display_name="Spend",
        description="before",
        conditions=Conditions(object_count=3),
        filter=flt,
    )
    updated = cas.update("spend", description="after")
    assert updated.description == "after"
    assert updated.display_name == "Spend"
    assert updated.conditions == Conditions(object_count=3)
    got = cas.get("spend")
    assert got.description == "after"
    assert got.display_name == "Spend"
    assert got.statistic == created.statistic
    assert got.attribute_details == created.attribute_details
    assert got.conditions == Conditions(object_count=3)
    assert got.filter == flt


def test_update_replaces_conditions(cas: CalculatedAttributes) -> None:
    cas.create(
        "spend",
        expression="{Order.total}",
        statistic="SUM",
        conditions=Conditions(object_count=3),
    )
    window = Range(value_range=ValueRange(start=30, end=0), unit="DAYS")
    updated = cas.update("spend", conditions={"range": window})
    assert updated.conditions == Conditions(range=window)
    assert cas.get("spend").conditions == Conditions(range=window)


def test_update_missing_is_not_found(cas: CalculatedAttributes) -> None:
    with pytest.raises(ResourceNotFoundError):
        cas.update("missing", display_name="x")


def test_update_validates_before_sending(backend: LocalBackend, cas: CalculatedAttributes) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    before = backend.call_count()
    with pytest.raises(ValidationError) as caught:
        cas.update("spend", description="x" * 1001)
    assert "Description" in caught.value.fields
    assert backend.call_count() == before


# --------------------------------------------------------------------------- delete


def test_delete_is_idempotent(cas: CalculatedAttributes) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    assert cas.delete("spend") is True
    assert cas.exists("spend") is False
    assert cas.delete("spend") is False


def test_delete_validates_the_name(backend: LocalBackend, cas: CalculatedAttributes) -> None:
    before = backend.call_count()
    with pytest.raises(ValidationError):
        cas.delete("not a name!")
    assert backend.call_count() == before


# --------------------------------------------------------------------------- values


def test_sum_reflects_ingested_orders(cp: CustomerProfiles, cas: CalculatedAttributes) -> None:
    cas.create("total_spend", expression="{Order.total}", statistic="SUM")
    ana = _profile(cp, EMAIL_ANA)
    _order(cp, EMAIL_ANA, total=10)
    _order(cp, EMAIL_ANA, total=32.5)
    value = cas.value("total_spend", ana)
    assert isinstance(value, CalculatedAttributeValue)
    assert float(value.value or "nan") == 10 + 32.5
    assert value.profile_id == ana
    assert value.calculated_attribute_name == "total_spend"
    assert value.partial is False
    assert value.last_object_timestamp is not None


def test_average_and_expression_arithmetic(cp: CustomerProfiles, cas: CalculatedAttributes) -> None:
    cas.create("avg_total", expression="{Order.total}", statistic=Statistic.AVERAGE)
    cas.create("revenue", expression="{Order.price} * {Order.qty}", statistic="SUM")
    ana = _profile(cp, EMAIL_ANA)
    for total, price, qty in ((10, 2, 3), (20, 5, 4), (45, 1.5, 2)):
        _order(cp, EMAIL_ANA, total=total, price=price, qty=qty)
    assert float(cas.value("avg_total", ana).value or "nan") == (10 + 20 + 45) / 3
    assert float(cas.value("revenue", ana).value or "nan") == 2 * 3 + 5 * 4 + 1.5 * 2


def test_count_with_a_threshold(cp: CustomerProfiles, cas: CalculatedAttributes) -> None:
    cas.create(
        "frequent",
        expression="{Order.id}",
        statistic="COUNT",
        conditions=Conditions(threshold=Threshold(value="2", operator=Operator.GREATER_THAN)),
    )
    cas.create("orders", expression="{Order.id}", statistic="COUNT")
    ana = _profile(cp, EMAIL_ANA)
    bo = _profile(cp, EMAIL_BO)
    for _ in range(3):
        _order(cp, EMAIL_ANA)
    _order(cp, EMAIL_BO)
    assert cas.value("orders", ana).value == "3"
    assert cas.value("orders", bo).value == "1"
    assert cas.value("frequent", ana).value == "true"
    assert cas.value("frequent", bo).value == "false"


def test_value_only_counts_data_after_creation_unless_historical(
    cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    ana = _profile(cp, EMAIL_ANA)
    _order(cp, EMAIL_ANA, total=5)
    cas.create("new_only", expression="{Order.total}", statistic="SUM")
    cas.create("all", expression="{Order.total}", statistic="SUM", use_historical_data=True)
    _order(cp, EMAIL_ANA, total=7)
    assert cas.value("new_only", ana).value == "7"
    assert cas.value("all", ana).value == "12"


def test_filter_and_range_limit_the_objects(
    backend: LocalBackend, cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    paid_only = Filter(
        include=Include.ALL,
        groups=[
            FilterGroup(
                type=Include.ALL,
                dimensions=[
                    FilterDimension(
                        attributes={
                            "status": FilterAttributeDimension(
                                dimension_type=FilterDimensionType.INCLUSIVE, values=["paid"]
                            )
                        }
                    )
                ],
            )
        ],
    )
    cas.create("paid", expression="{Order.total}", statistic="SUM", filter=paid_only)
    cas.create(
        "recent",
        expression="{Order.total}",
        statistic="SUM",
        conditions=Conditions(range=Range(value=5, unit="DAYS")),
    )
    ana = _profile(cp, EMAIL_ANA)
    _order(cp, EMAIL_ANA, total=100, status="paid")
    backend.clock.advance(days=10)
    _order(cp, EMAIL_ANA, total=1, status="refunded")
    _order(cp, EMAIL_ANA, total=20, status="paid")
    assert cas.value("paid", ana).value == "120"
    assert cas.value("recent", ana).value == "21"


def test_value_without_objects_has_no_value(
    cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    ana = _profile(cp, EMAIL_ANA)
    assert cas.value("spend", ana).value is None


def test_value_errors(cp: CustomerProfiles, cas: CalculatedAttributes) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    ana = _profile(cp, EMAIL_ANA)
    with pytest.raises(ResourceNotFoundError):
        cas.value("missing", ana)
    with pytest.raises(ResourceNotFoundError):
        cas.value("spend", "0" * 32)
    with pytest.raises(ValidationError):
        cas.value("spend", "not-a-profile-id")


# --------------------------------------------------------------------------- for_profile


def test_for_profile_walks_every_page(
    backend: LocalBackend, cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    ana = _profile(cp, EMAIL_ANA)
    names = [f"count_{i}" for i in range(4)]
    for name in names:
        cas.create(name, expression="{Order.id}", statistic="COUNT", display_name=name)
    _order(cp, EMAIL_ANA)
    _order(cp, EMAIL_ANA)
    backend.reset_calls()
    values = cas.for_profile(ana).page_size(1).to_list()
    assert [v.calculated_attribute_name for v in values] == names
    assert [v.value for v in values] == ["2"] * 4
    assert {v.profile_id for v in values} == {ana}
    assert [v.display_name for v in values] == names
    assert backend.call_count("ListCalculatedAttributesForProfile") == 4
    backend.reset_calls()
    limited = cas.for_profile(ana).page_size(1).limit(3).to_list()
    assert [v.calculated_attribute_name for v in limited] == names[:3]
    assert backend.call_count("ListCalculatedAttributesForProfile") == 3


def test_for_profile_unknown_profile_is_not_found(cas: CalculatedAttributes) -> None:
    with pytest.raises(ResourceNotFoundError):
        cas.for_profile("0" * 32).to_list()


# --------------------------------------------------------------------------- batch_values


def test_batch_values_answers_values_and_errors(
    cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM", display_name="Spend")
    ana = _profile(cp, EMAIL_ANA)
    bo = _profile(cp, EMAIL_BO)
    _order(cp, EMAIL_ANA, total=3)
    _order(cp, EMAIL_ANA, total=4)
    _order(cp, EMAIL_BO, total=50)
    ghost = "f" * 32
    result = cas.batch_values("spend", [ana, bo, ghost])
    by_profile = {v.profile_id: v.value for v in result.values}
    assert by_profile == {ana: "7", bo: "50"}
    assert {v.display_name for v in result.values} == {"Spend"}
    assert [e.profile_id for e in result.errors] == [ghost]
    assert result.errors[0].code == "ResourceNotFoundException"
    assert result.condition_overrides is None


def test_batch_values_with_a_range_override(
    backend: LocalBackend, cp: CustomerProfiles, cas: CalculatedAttributes
) -> None:
    cas.create("spend", expression="{Order.total}", statistic="SUM")
    ana = _profile(cp, EMAIL_ANA)
    _order(cp, EMAIL_ANA, total=100)
    backend.clock.advance(days=10)
    _order(cp, EMAIL_ANA, total=5)
    everything = cas.batch_values("spend", [ana])
    assert [v.value for v in everything.values] == ["105"]
    recent = cas.batch_values(
        "spend", [ana], condition_overrides=ConditionOverrides(range=RangeOverride(start=3))
    )
    assert [v.value for v in recent.values] == ["5"]
    assert recent.condition_overrides == ConditionOverrides(
        range=RangeOverride(start=3, unit=Unit.DAYS)
    )
    as_mapping = cas.batch_values(
        "spend", [ana], condition_overrides={"range": RangeOverride(start=20, end=5)}
    )
    assert [v.value for v in as_mapping.values] == ["100"]


def test_batch_values_errors(backend: LocalBackend, cas: CalculatedAttributes) -> None:
    with pytest.raises(ResourceNotFoundError):
        cas.batch_values("missing", ["a" * 32])
    before = backend.call_count()
    with pytest.raises(ValidationError) as caught:
        cas.batch_values("missing", [f"{i:032x}" for i in range(101)])
    assert "ProfileIds" in caught.value.fields
    with pytest.raises(ValidationError):
        cas.batch_values("missing", [])
    with pytest.raises(ValidationError) as single:
        cas.batch_values("missing", "a" * 32)
    assert single.value.fields == ["ProfileIds"]
    assert backend.call_count() == before
