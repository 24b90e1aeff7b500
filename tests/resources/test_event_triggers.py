"""``domain.event_triggers`` (Create/Get/Update/Delete/ListEventTriggers) and the
condition builders of ``customer_profiles_sdk.triggers``, on the emulator; the
triggers fire through ``domain.integrations.put(..., event_trigger_names=...)``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.errors import BadRequestError, ResourceNotFoundError, ValidationError
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.models import (
    ComparisonOperator,
    EventTrigger,
    EventTriggerCondition,
    EventTriggerDimension,
    EventTriggerLimits,
    EventTriggerLogicalOperator,
    EventTriggerSummary,
    ObjectAttribute,
    Period,
    PeriodUnit,
)
from customer_profiles_sdk.resources import Domain
from customer_profiles_sdk.triggers import (
    Attribute,
    all_of,
    any_of,
    at_most,
    dimension,
    field,
    limits,
    none_of,
    source,
    unlimited,
)

D = "et-tests"
CAMPAIGN = "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1"


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend()


@pytest.fixture
def cp(backend: LocalBackend) -> CustomerProfiles:
    return CustomerProfiles.local(backend=backend)


@pytest.fixture
def domain(cp: CustomerProfiles) -> Domain:
    domain = cp.domains.create(D, default_expiration_days=30)
    domain.object_types.put(
        {
            "object_type_name": "Purchase",
            "description": "purchases",
            "allow_profile_creation": True,
            "fields": {
                "pid": {"source": "_source.pid"},
                "email": {"source": "_source.email", "content_type": "EMAIL_ADDRESS"},
                "amount": {"source": "_source.amount", "content_type": "NUMBER"},
                "tier": {"source": "_source.tier"},
            },
            "keys": {
                "pid": [{"standard_identifiers": ["UNIQUE"], "field_names": ["pid"]}],
                "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
            },
        }
    )
    return domain


def buy(domain: Domain, pid: str, amount: float, *, email: str = "a@x.com", tier: str = "") -> None:
    domain.objects.put("Purchase", {"pid": pid, "email": email, "amount": amount, "tier": tier})


def fired(backend: LocalBackend, name: str = "t1") -> list[str]:
    return [i["Object"]["pid"] for i in backend.trigger_invocations(D, name)]


def wire_conditions(trigger: EventTrigger) -> list[dict[str, Any]]:
    from customer_profiles_sdk import _convert

    return [_convert.to_wire(c) for c in trigger.event_trigger_conditions or []]


# --------------------------------------------------------------------------- builders


def test_builders_make_the_documented_wire_form() -> None:
    condition = all_of(field("amount").greater_than(100), source("_source.tier").includes("gold"))
    from customer_profiles_sdk import _convert

    assert _convert.to_wire(condition) == {
        "EventTriggerDimensions": [
            {
                "ObjectAttributes": [
                    {"FieldName": "amount", "ComparisonOperator": "GREATER_THAN", "Values": ["100"]}
                ]
            },
            {
                "ObjectAttributes": [
                    {
                        "Source": "_source.tier",
                        "ComparisonOperator": "INCLUSIVE",
                        "Values": ["gold"],
                    }
                ]
            },
        ],
        "LogicalOperator": "ALL",
    }


@pytest.mark.parametrize(
    ("attribute", "operator", "values"),
    [
        (field("t").includes("a", "b"), "INCLUSIVE", ["a", "b"]),
        (field("t").excludes("a"), "EXCLUSIVE", ["a"]),
        (field("t").contains("x"), "CONTAINS", ["x"]),
        (field("t").begins_with("x"), "BEGINS_WITH", ["x"]),
        (field("t").ends_with("x"), "ENDS_WITH", ["x"]),
        (field("n").greater_than(1.0), "GREATER_THAN", ["1"]),
        (field("n").less_than(Decimal("2.50")), "LESS_THAN", ["2.50"]),
        (field("n").at_least(3), "GREATER_THAN_OR_EQUAL", ["3"]),
        (field("n").at_most(0.5), "LESS_THAN_OR_EQUAL", ["0.5"]),
        (field("n").equals(-7), "EQUAL", ["-7"]),
        (
            field("d").before(datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))),
            "BEFORE",
            ["2024-05-01T10:00:00.000Z"],
        ),
        (field("d").after(datetime(2024, 5, 1)), "AFTER", ["2024-05-01T00:00:00.000Z"]),
        (field("d").on(date(2024, 5, 1)), "ON", ["2024-05-01"]),
        (field("n").between(1, 9), "BETWEEN", ["1", "9"]),
        (
            field("d").not_between(date(2024, 1, 1), "2024-02-01"),
            "NOT_BETWEEN",
            ["2024-01-01", "2024-02-01"],
        ),
        (field("t").compare("EXCLUSIVE", ["z"]), "EXCLUSIVE", ["z"]),
    ],
)
def test_each_operator_builder(
    attribute: ObjectAttribute, operator: str, values: list[str]
) -> None:
    assert attribute.comparison_operator is ComparisonOperator(operator)
    assert attribute.values == values


def test_builders_refuse_what_cannot_be_sent() -> None:
    with pytest.raises(TypeError):
        field("n").greater_than(True)
    with pytest.raises(TypeError):
        field("n").greater_than("100")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        field("n").between(1, date(2024, 1, 1))
    with pytest.raises(TypeError):
        field("t").includes()
    with pytest.raises(TypeError):
        Attribute(field_name="a", source="_source.a")
    with pytest.raises(TypeError):
        all_of()
    with pytest.raises(TypeError):
        all_of("amount > 100")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        limits(expiration=1.5)  # type: ignore[arg-type]


def test_dimensions_conditions_and_limits() -> None:
    a, b = field("a").includes("1"), field("b").includes("2")
    combined = any_of([a, b], dimension(a), EventTriggerDimension(object_attributes=[b]))
    assert combined.logical_operator is EventTriggerLogicalOperator.ANY
    assert [len(d.object_attributes) for d in combined.event_trigger_dimensions] == [2, 1, 1]
    assert none_of(a).logical_operator is EventTriggerLogicalOperator.NONE
    assert limits(at_most(2, unit="DAYS"), unlimited(every=2, unit="WEEKS")) == EventTriggerLimits(
        periods=[
            Period(unit=PeriodUnit.DAYS, value=1, max_invocations_per_profile=2),
            Period(unit=PeriodUnit.WEEKS, value=2, unlimited=True),
        ]
    )
    assert limits(expiration=900) == EventTriggerLimits(event_expiration=900)
    assert limits(expiration=timedelta(minutes=15)).event_expiration == 900_000


# --------------------------------------------------------------------------- CRUD


def test_create_get_and_list(domain: Domain) -> None:
    created = domain.event_triggers.create(
        "t1",
        object_type_name="Purchase",
        conditions=all_of(field("amount").greater_than(100)),
        description="big",
        limits=limits(at_most(2, unit="DAYS")),
        tags={"team": "crm"},
    )
    assert isinstance(created, EventTrigger)
    assert created.event_trigger_name == "t1"
    assert created.object_type_name == "Purchase"
    assert created.created_at is not None
    assert created.created_at == created.last_updated_at
    assert created.tags == {"team": "crm"}
    assert created.event_trigger_limits == limits(at_most(2, unit="DAYS"))
    assert created.event_trigger_conditions == [all_of(field("amount").greater_than(100))]
    assert domain.event_triggers.get("t1") == created
    (summary,) = domain.event_triggers.list()
    assert isinstance(summary, EventTriggerSummary)
    assert (summary.event_trigger_name, summary.description) == ("t1", "big")
    assert not hasattr(summary, "event_trigger_conditions")


def test_conditions_as_a_list_of_mappings(domain: Domain) -> None:
    mapping = {
        "logical_operator": "ANY",
        "event_trigger_dimensions": [
            {
                "object_attributes": [
                    {"field_name": "tier", "comparison_operator": "INCLUSIVE", "values": ["gold"]}
                ]
            }
        ],
    }
    created = domain.event_triggers.create(
        "t1", object_type_name="Purchase", conditions=[mapping, all_of(field("amount").at_least(5))]
    )
    assert len(created.event_trigger_conditions or []) == 2
    assert created.event_trigger_conditions == [
        any_of(field("tier").includes("gold")),
        all_of(field("amount").at_least(5)),
    ]


def test_update_sends_only_what_is_given(domain: Domain, backend: LocalBackend) -> None:
    first = domain.event_triggers.create(
        "t1",
        object_type_name="Purchase",
        conditions=all_of(field("amount").greater_than(100)),
        tags={"team": "crm"},
    )
    backend.clock.advance(30)
    described = domain.event_triggers.update("t1", description="now described")
    assert described.description == "now described"
    assert described.event_trigger_conditions == first.event_trigger_conditions
    assert described.created_at == first.created_at
    assert described.last_updated_at is not None
    assert first.last_updated_at is not None
    assert described.last_updated_at > first.last_updated_at
    assert described.tags == {"team": "crm"}
    replaced = domain.event_triggers.update("t1", conditions=any_of(field("tier").includes("vip")))
    assert replaced.event_trigger_conditions == [any_of(field("tier").includes("vip"))]
    assert replaced.description == "now described"
    with pytest.raises(ResourceNotFoundError):
        domain.event_triggers.update("nope", description="x")


def test_service_side_refusals_are_bad_requests(domain: Domain) -> None:
    over = all_of(field("amount").greater_than(1))
    domain.event_triggers.create("t1", object_type_name="Purchase", conditions=over)
    with pytest.raises(BadRequestError) as duplicate:
        domain.event_triggers.create("t1", object_type_name="Purchase", conditions=over)
    assert "already exists" in duplicate.value.message
    with pytest.raises(BadRequestError):
        domain.event_triggers.create("t2", object_type_name="Nope", conditions=over)
    with pytest.raises(BadRequestError):
        domain.event_triggers.create(
            "t3", object_type_name="Purchase", conditions=all_of(field("nope").includes("x"))
        )
    with pytest.raises(BadRequestError):
        domain.event_triggers.create(
            "t4", object_type_name="Purchase", conditions=all_of(source("amount").includes("x"))
        )


def test_bad_input_is_refused_before_sending(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    neither = ObjectAttribute(comparison_operator="INCLUSIVE", values=["a"])
    both = ObjectAttribute(
        field_name="tier", source="_source.tier", comparison_operator="INCLUSIVE", values=["a"]
    )
    not_a_number = field("amount").compare("GREATER_THAN", ["lots"])
    one_bound = field("amount").compare("BETWEEN", ["1"])
    two_days = field("amount").compare("ON", ["2024-01-01", "2024-01-02"])
    with pytest.raises(ValidationError) as caught:
        domain.event_triggers.create(
            "t1",
            object_type_name="_profile",
            conditions=all_of(neither, both, not_a_number, one_bound, two_days),
            limits=EventTriggerLimits(
                event_expiration=0,
                periods=[
                    Period(unit="DAYS", value=1),
                    Period(unit="DAYS", value=1, max_invocations_per_profile=1, unlimited=True),
                    Period(unit="MINUTES", value=61, max_invocations_per_profile=1),
                ],
            ),
        )
    err = caught.value
    assert err.operation == "CreateEventTrigger"
    found = {(v.path, v.constraint) for v in err.violations}
    attrs_path = "EventTriggerConditions[0].EventTriggerDimensions[{}].ObjectAttributes[0]"
    assert found == {
        ("ObjectTypeName", "not a standard object type"),
        (attrs_path.format(0), "exactly one of Source and FieldName"),
        (attrs_path.format(1), "exactly one of Source and FieldName"),
        (attrs_path.format(2) + ".Values", "a number for GREATER_THAN"),
        (attrs_path.format(3) + ".Values", "2 values for BETWEEN"),
        (attrs_path.format(4) + ".Values", "1 value for ON"),
        ("EventTriggerLimits.EventExpiration", "more than 0 milliseconds"),
        ("EventTriggerLimits.Periods[0]", "either MaxInvocationsPerProfile or Unlimited=true"),
        ("EventTriggerLimits.Periods[1]", "either MaxInvocationsPerProfile or Unlimited=true"),
        ("EventTriggerLimits.Periods[2].Value", "maximum 60"),
    }
    assert "lots" not in str(err)  # condition values are personal data: never echoed
    six = [all_of(field("amount").greater_than(i)) for i in range(6)]
    with pytest.raises(ValidationError, match="max length 5"):
        domain.event_triggers.create("t1", object_type_name="Purchase", conditions=six)
    with pytest.raises(ValidationError, match="one of INCLUSIVE"):
        domain.event_triggers.update("t1", conditions=all_of(field("a").compare("LIKE", ["x"])))
    with pytest.raises(ValidationError) as update:
        domain.event_triggers.update("t1", limits={"periods": [{"unit": "DAYS", "value": 1}]})
    assert update.value.operation == "UpdateEventTrigger"
    assert backend.call_count() == 0


# --------------------------------------------------------------------------- firing


def test_a_trigger_fires_through_its_integration(domain: Domain, backend: LocalBackend) -> None:
    domain.event_triggers.create(
        "t1", object_type_name="Purchase", conditions=all_of(field("amount").greater_than(100))
    )
    buy(domain, "p0", 500)  # no integration lists the trigger yet: nothing to invoke
    integration = domain.integrations.put(
        CAMPAIGN, object_type_name="Purchase", event_trigger_names=["t1"]
    )
    assert integration.event_trigger_names == ["t1"]
    buy(domain, "p1", 150)
    buy(domain, "p2", 50)
    (invocation,) = backend.trigger_invocations(D, "t1")
    assert invocation["IntegrationUri"] == CAMPAIGN
    assert invocation["Object"]["pid"] == "p1"
    (profile,) = domain.profiles.search("_email", ["a@x.com"])
    assert invocation["ProfileId"] == profile.profile_id


def test_logic_of_dimensions_and_conditions(domain: Domain, backend: LocalBackend) -> None:
    gold, big = field("tier").includes("gold"), field("amount").greater_than(100)
    domain.event_triggers.create("t1", object_type_name="Purchase", conditions=all_of(gold, big))
    domain.integrations.put(CAMPAIGN, object_type_name="Purchase", event_trigger_names=["t1"])
    buy(domain, "all-no", 50, tier="gold")
    domain.event_triggers.update("t1", conditions=any_of(gold, big))
    buy(domain, "any-yes", 50, tier="gold", email="b@x.com")
    domain.event_triggers.update("t1", conditions=none_of(gold, big))
    buy(domain, "none-no", 50, tier="gold", email="c@x.com")
    buy(domain, "none-yes", 5, tier="silver", email="d@x.com")
    domain.event_triggers.update("t1", conditions=[all_of([gold, big]), all_of(big)])
    buy(domain, "or-yes", 500, tier="silver", email="e@x.com")
    assert fired(backend) == ["any-yes", "none-yes", "or-yes"]


def test_per_profile_limits_run_on_the_clock(domain: Domain, backend: LocalBackend) -> None:
    domain.event_triggers.create(
        "t1",
        object_type_name="Purchase",
        conditions=all_of(field("amount").at_least(1)),
        limits=limits(at_most(2, every=1, unit="DAYS")),
    )
    domain.integrations.put(CAMPAIGN, object_type_name="Purchase", event_trigger_names=["t1"])
    for n in range(3):
        buy(domain, f"p{n}", 10)
    assert fired(backend) == ["p0", "p1"]
    backend.clock.advance(86400 + 1)
    buy(domain, "p3", 10)
    buy(domain, "other", 10, email="z@x.com")  # another profile has its own count
    assert fired(backend) == ["p0", "p1", "p3", "other"]


def test_delete_is_refused_while_an_integration_lists_the_trigger(domain: Domain) -> None:
    domain.event_triggers.create(
        "t1", object_type_name="Purchase", conditions=all_of(field("amount").at_least(1))
    )
    domain.integrations.put(CAMPAIGN, object_type_name="Purchase", event_trigger_names=["t1"])
    with pytest.raises(BadRequestError):
        domain.event_triggers.delete("t1")
    assert domain.integrations.delete(CAMPAIGN) is True
    assert domain.event_triggers.delete("t1") is True
    assert domain.event_triggers.delete("t1") is False
    assert domain.event_triggers.exists("t1") is False


def test_integration_trigger_names_are_checked(domain: Domain, backend: LocalBackend) -> None:
    backend.reset_calls()
    with pytest.raises(ValidationError) as caught:
        domain.integrations.put(CAMPAIGN, object_type_name="Purchase", event_trigger_names="t1")
    assert caught.value.violations[0].constraint == "a list of strings"
    assert backend.call_count() == 0
    with pytest.raises(BadRequestError):  # the emulator knows no such trigger
        domain.integrations.put(CAMPAIGN, object_type_name="Purchase", event_trigger_names=["t1"])


def test_missing_domain(cp: CustomerProfiles) -> None:
    nowhere = cp.domain("nowhere")
    with pytest.raises(ResourceNotFoundError):
        nowhere.event_triggers.create(
            "t1", object_type_name="Purchase", conditions=all_of(field("a").includes("b"))
        )
    assert nowhere.event_triggers.exists("t1") is False
    with pytest.raises(ResourceNotFoundError):
        nowhere.event_triggers.list().to_list()


def test_condition_models_round_trip_through_the_service(domain: Domain) -> None:
    condition = EventTriggerCondition(
        event_trigger_dimensions=[
            EventTriggerDimension(
                object_attributes=[
                    ObjectAttribute(
                        field_name="amount",
                        comparison_operator=ComparisonOperator.BETWEEN,
                        values=["1", "2"],
                    )
                ]
            )
        ],
        logical_operator=EventTriggerLogicalOperator.ALL,
    )
    created = domain.event_triggers.create("t1", object_type_name="Purchase", conditions=condition)
    assert wire_conditions(created) == wire_conditions(domain.event_triggers.get("t1"))
    assert created.event_trigger_conditions == [condition]


def test_tags_of_a_trigger_change_through_cp_tags(cp: CustomerProfiles, domain: Domain) -> None:
    from customer_profiles_sdk import event_trigger_arn

    domain.event_triggers.create(
        "t1",
        object_type_name="Purchase",
        conditions=all_of(field("amount").at_least(1)),
        tags={"team": "crm"},
    )
    arn = event_trigger_arn(D, "t1", region=cp.region_name, account_id="123456789012")
    cp.tags.add(arn, {"env": "test"})
    assert cp.tags.list(arn) == {"team": "crm", "env": "test"}
    assert domain.event_triggers.get("t1").tags == {"team": "crm", "env": "test"}
