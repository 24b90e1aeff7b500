"""Event triggers: Create/Get/Update/Delete/ListEventTriggers, PutIntegration's
EventTriggerNames and the evaluation on ingestion
(spec/ingestion-streams-triggers.md section 5, scenarios 5.8)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend, _backend, _templates
from customer_profiles_sdk.local._event_triggers import (
    attribute_matches,
    parse_instant,
    parse_number,
)

D = "campaigns"
CAMPAIGN = "arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c1"
TRIGGER_ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/event-triggers/t1"
T0 = 1_800_000_000.0
DAY = 86400.0


def attr(field: str, operator: str, *values: str) -> dict[str, Any]:
    return {"FieldName": field, "ComparisonOperator": operator, "Values": list(values)}


def condition(*dimensions: list[dict[str, Any]], logic: str = "ALL") -> dict[str, Any]:
    return {
        "EventTriggerDimensions": [{"ObjectAttributes": d} for d in dimensions],
        "LogicalOperator": logic,
    }


BIG = [condition([attr("amount", "GREATER_THAN", "100")])]


@pytest.fixture
def domain(client: Any, backend: LocalBackend) -> str:
    backend.clock.freeze(T0)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Purchase",
        Description="purchases",
        AllowProfileCreation=True,
        Fields={
            "pid": {"Source": "_source.pid"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
            "amount": {"Source": "_source.amount", "ContentType": "NUMBER"},
            "tier": {"Source": "_source.tier"},
            "labels": {"Source": "_source.labels"},
        },
        Keys={
            "pid": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["pid"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    return D


def create(client: Any, name: str = "t1", conditions: Any = BIG, **kwargs: Any) -> Any:
    return client.create_event_trigger(
        DomainName=D,
        EventTriggerName=name,
        ObjectTypeName=kwargs.pop("ObjectTypeName", "Purchase"),
        EventTriggerConditions=conditions,
        **kwargs,
    )


def wire(client: Any, name: str = "t1", uri: str = CAMPAIGN) -> None:
    client.put_integration(
        DomainName=D, Uri=uri, ObjectTypeName="Purchase", EventTriggerNames=[name]
    )


_counter = iter(range(1_000_000))


def purchase(client: Any, email: str = "ana@example.com", **body: Any) -> str:
    doc = {"pid": f"p{next(_counter)}", "email": email, **body}
    out = client.put_profile_object(DomainName=D, ObjectTypeName="Purchase", Object=json.dumps(doc))
    return str(out["ProfileObjectUniqueKey"])


# --------------------------------------------------------------------------- operations


def test_create_get_list(client, domain):
    out = create(client, Description="big spenders", Tags={"env": "t"})
    assert out["EventTriggerName"] == "t1"
    assert out["ObjectTypeName"] == "Purchase"
    assert out["EventTriggerConditions"] == BIG
    assert out["Description"] == "big spenders"
    assert out["CreatedAt"] == out["LastUpdatedAt"]
    assert out["CreatedAt"].timestamp() == T0
    assert "EventTriggerLimits" not in out  # [A] the default limit is not materialised
    got = client.get_event_trigger(DomainName=D, EventTriggerName="t1")
    got.pop("ResponseMetadata")
    out.pop("ResponseMetadata")
    assert got == out
    (item,) = client.list_event_triggers(DomainName=D)["Items"]
    assert set(item) == {
        "ObjectTypeName",
        "EventTriggerName",
        "Description",
        "CreatedAt",
        "LastUpdatedAt",
        "Tags",
    }
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_event_trigger(DomainName=D, EventTriggerName="nope")


def test_duplicate_name(client, domain):
    create(client)
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        create(client)
    assert "Event trigger with name t1 already exists" in caught.value.response["Error"]["Message"]


@pytest.mark.parametrize("type_name", ["_profile", "_order", "Unknown"])
def test_object_type_must_be_a_domain_type(client, domain, type_name):
    with pytest.raises(client.exceptions.BadRequestException):
        create(client, ObjectTypeName=type_name)


def test_a_template_id_is_accepted(client, domain):
    conditions = [
        condition([{"Source": "_source.Id", "ComparisonOperator": "EQUAL", "Values": ["1"]}])
    ]
    assert create(client, conditions=conditions, ObjectTypeName="Salesforce-Account")


@pytest.mark.parametrize(
    "attribute",
    [
        {"ComparisonOperator": "INCLUSIVE", "Values": ["x"]},
        {
            "FieldName": "tier",
            "Source": "_source.tier",
            "ComparisonOperator": "INCLUSIVE",
            "Values": ["x"],
        },
        {"FieldName": "nope", "ComparisonOperator": "INCLUSIVE", "Values": ["x"]},
        {"Source": "tier", "ComparisonOperator": "INCLUSIVE", "Values": ["x"]},
        {"Source": "{{_source.tier}}", "ComparisonOperator": "INCLUSIVE", "Values": ["x"]},
        attr("amount", "GREATER_THAN", "1", "2"),
        attr("amount", "GREATER_THAN", "lots"),
        attr("amount", "BETWEEN", "1"),
        attr("amount", "BETWEEN", "1", "tomorrow"),
        attr("tier", "BEFORE", "not a date"),
        attr("tier", "ON", "2024-01-01", "2024-01-02"),
    ],
)
def test_attribute_shape_and_operands(client, domain, attribute):
    with pytest.raises(client.exceptions.BadRequestException):
        create(client, conditions=[condition([attribute])])
    assert client.list_event_triggers(DomainName=D)["Items"] == []


def test_model_maxima(client, domain):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        create(client, conditions=BIG * 6)
    assert (
        "Value at 'eventTriggerConditions' failed to satisfy constraint: Member must have "
        "length less than or equal to 5" in caught.value.response["Error"]["Message"]
    )
    period = {"Unit": "MINUTES", "Value": 61, "MaxInvocationsPerProfile": 1}
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        create(client, EventTriggerLimits={"Periods": [period]})
    assert "eventTriggerLimits.periods.0.value" in caught.value.response["Error"]["Message"]
    period["Value"] = 60
    assert create(client, EventTriggerLimits={"Periods": [period]})


@pytest.mark.parametrize(
    "limits",
    [
        {"Periods": [{"Unit": "DAYS", "Value": 1}]},
        {
            "Periods": [
                {"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2, "Unlimited": True}
            ]
        },
        {"EventExpiration": 0},
    ],
)
def test_limits_are_checked(client, domain, limits):
    with pytest.raises(client.exceptions.BadRequestException):
        create(client, EventTriggerLimits=limits)


def test_quota_of_50(client, domain):
    for n in range(50):
        create(client, f"t{n}")
    with pytest.raises(client.exceptions.BadRequestException):
        create(client, "t50")


def test_update_replaces_present_members_only(client, backend, domain):
    create(client, Description="v1", Tags={"env": "t"})
    backend.clock.advance(10)
    out = client.update_event_trigger(DomainName=D, EventTriggerName="t1", Description="v2")
    assert out["Description"] == "v2"
    assert out["EventTriggerConditions"] == BIG
    assert out["CreatedAt"].timestamp() == T0
    assert out["LastUpdatedAt"].timestamp() == T0 + 10
    assert out["Tags"] == {"env": "t"}
    small = [condition([attr("amount", "LESS_THAN", "10")])]
    out = client.update_event_trigger(
        DomainName=D, EventTriggerName="t1", EventTriggerConditions=small
    )
    assert out["EventTriggerConditions"] == small
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_event_trigger(DomainName=D, EventTriggerName="t1", ObjectTypeName="_asset")
    assert client.get_event_trigger(DomainName=D, EventTriggerName="t1")["ObjectTypeName"] == (
        "Purchase"
    )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.update_event_trigger(DomainName=D, EventTriggerName="nope", Description="x")


def test_delete_is_refused_while_an_integration_uses_the_trigger(client, domain):
    create(client)
    wire(client)
    with pytest.raises(client.exceptions.BadRequestException):
        client.delete_event_trigger(DomainName=D, EventTriggerName="t1")
    client.delete_integration(DomainName=D, Uri=CAMPAIGN)
    assert client.delete_event_trigger(DomainName=D, EventTriggerName="t1")["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_event_trigger(DomainName=D, EventTriggerName="t1")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_event_trigger(DomainName=D, EventTriggerName="t1")


def test_put_integration_checks_the_trigger_names(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        wire(client, "nope")
    create(client)
    wire(client)
    assert client.get_integration(DomainName=D, Uri=CAMPAIGN)["EventTriggerNames"] == ["t1"]
    wire(client)  # the same integration again: an upsert
    with pytest.raises(client.exceptions.BadRequestException):
        wire(client, uri=CAMPAIGN.replace("c1", "c2"))


def test_store_only_template(client, domain, monkeypatch):
    template = dict(_templates.TEMPLATES["Salesforce-Account"], StoreOnly=True)
    monkeypatch.setitem(_templates.TEMPLATES, "StoreT", dict(template, TemplateId="StoreT"))
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="S", Description="store only", TemplateId="StoreT"
    )
    conditions = [
        condition([{"Source": "_source.Id", "ComparisonOperator": "EQUAL", "Values": ["1"]}])
    ]
    for type_name in ("S", "StoreT"):
        with pytest.raises(client.exceptions.BadRequestException) as caught:
            create(client, conditions=conditions, ObjectTypeName=type_name)
        assert "store-only" in caught.value.response["Error"]["Message"]


def test_tags_by_arn(client, domain):
    create(client)
    client.tag_resource(resourceArn=TRIGGER_ARN, tags={"a": "1"})
    assert client.list_tags_for_resource(resourceArn=TRIGGER_ARN)["tags"] == {"a": "1"}
    client.untag_resource(resourceArn=TRIGGER_ARN, tagKeys=["a"])
    assert "Tags" not in client.get_event_trigger(DomainName=D, EventTriggerName="t1")


def test_list_pages(client, domain):
    for name in ("b", "a", "c"):
        create(client, name)
    first = client.list_event_triggers(DomainName=D, MaxResults=2)
    rest = client.list_event_triggers(DomainName=D, NextToken=first["NextToken"])
    assert [i["EventTriggerName"] for i in first["Items"] + rest["Items"]] == ["b", "a", "c"]
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_event_triggers(DomainName=D, NextToken="garbage")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_event_triggers(DomainName="nope")


# --------------------------------------------------------------------------- evaluation


def test_fires_and_does_not_fire(client, backend, domain):
    create(client)
    wire(client)
    key = purchase(client, amount=150)
    purchase(client, amount=50)
    (invocation,) = backend.trigger_invocations(D)
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["ana@example.com"])[
        "Items"
    ][0]["ProfileId"]
    assert invocation == {
        "EventTriggerName": "t1",
        "IntegrationUri": CAMPAIGN,
        "DomainName": D,
        "ProfileId": pid,
        "ObjectTypeName": "Purchase",
        "ProfileObjectUniqueKey": key,
        "Object": {"pid": invocation["Object"]["pid"], "email": "ana@example.com", "amount": 150},
        "Timestamp": T0,
    }
    assert backend.trigger_invocations(D, "other") == []


def test_nothing_is_invoked_or_counted_without_an_integration(client, backend, domain):
    create(
        client,
        EventTriggerLimits={
            "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]
        },
    )
    purchase(client, amount=150)
    assert backend.trigger_invocations(D) == []
    wire(client)
    purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == 1  # the first one was not counted


def test_profile_calls_never_fire(client, backend, domain):
    create(client)
    wire(client)
    pid = client.create_profile(DomainName=D, EmailAddress="ana@example.com")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Ana")
    assert backend.trigger_invocations(D) == []


def test_period_limit_on_the_clock(client, backend, domain):
    create(
        client,
        EventTriggerLimits={
            "Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 2}]
        },
    )
    wire(client)
    for _ in range(3):
        purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == 2
    backend.clock.advance(DAY + 1)
    purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == 3


def test_several_periods_all_must_allow(client, backend, domain):
    periods = [
        {"Unit": "MINUTES", "Value": 10, "MaxInvocationsPerProfile": 1},
        {"Unit": "HOURS", "Value": 1, "MaxInvocationsPerProfile": 2},
        {"Unit": "WEEKS", "Value": 1, "Unlimited": True},
    ]
    create(client, EventTriggerLimits={"Periods": periods})
    wire(client)
    fired = []
    for minutes in (0, 5, 11, 22, 61, 62):
        backend.clock.freeze(T0 + minutes * 60)
        before = len(backend.trigger_invocations(D))
        purchase(client, amount=150)
        fired.append(len(backend.trigger_invocations(D)) > before)
    # 0: yes; 5: 10-min window full; 11: yes (2 in the hour); 22: hour full;
    # 61: the 0-minute one left the hour -> yes; 62: 10-min window full.
    assert fired == [True, False, True, False, True, False]


def test_unlimited_periods_never_block(client, backend, domain):
    create(
        client, EventTriggerLimits={"Periods": [{"Unit": "DAYS", "Value": 1, "Unlimited": True}]}
    )
    wire(client)
    for _ in range(12):
        purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == 12


def test_default_limit_is_ten_a_day_per_profile(client, backend, domain):
    create(client)
    wire(client)
    for _ in range(11):
        purchase(client, amount=150)
    purchase(client, email="bo@example.com", amount=150)
    profiles = [i["ProfileId"] for i in backend.trigger_invocations(D)]
    assert len(profiles) == 11
    assert len(set(profiles[:10])) == 1
    assert profiles[10] != profiles[0]


@pytest.mark.parametrize(
    ("logic", "fires"),
    [("ALL", False), ("ANY", True), ("NONE", False)],
)
def test_logical_operators(client, backend, domain, logic, fires):
    gold = [attr("tier", "INCLUSIVE", "gold")]
    big = [attr("amount", "GREATER_THAN", "100")]
    create(client, conditions=[condition(gold, big, logic=logic)])
    wire(client)
    purchase(client, tier="gold", amount=50)
    assert len(backend.trigger_invocations(D)) == int(fires)


def test_none_fires_when_no_dimension_holds(client, backend, domain):
    gold = [attr("tier", "INCLUSIVE", "gold")]
    create(client, conditions=[condition(gold, logic="NONE")])
    wire(client)
    purchase(client, tier="silver", amount=50)
    assert len(backend.trigger_invocations(D)) == 1


def test_conditions_are_ored_and_attributes_anded(client, backend, domain):
    both = [attr("tier", "INCLUSIVE", "gold"), attr("amount", "GREATER_THAN", "100")]
    create(client, conditions=[condition(both)])
    wire(client)
    purchase(client, tier="gold", amount=50)
    assert backend.trigger_invocations(D) == []
    client.update_event_trigger(
        DomainName=D,
        EventTriggerName="t1",
        EventTriggerConditions=[condition(both), condition([attr("tier", "BEGINS_WITH", "go")])],
    )
    purchase(client, tier="gold", amount=50)
    assert len(backend.trigger_invocations(D)) == 1


def test_source_attributes_and_arrays(client, backend, domain):
    labels = {
        "Source": "_source.labels",
        "ComparisonOperator": "INCLUSIVE",
        "Values": ["vip", "eu"],
    }
    create(client, conditions=[condition([labels])])
    wire(client)
    purchase(client, labels=["eu", "new", "vip"])
    purchase(client, labels=["eu"])
    purchase(client)  # missing: false
    assert len(backend.trigger_invocations(D)) == 1


def test_segment_filter_names_a_segment_definition(client, backend, domain):
    # Section 5.1 rule 8: an unknown segment is refused, on create and on update.
    with pytest.raises(client.exceptions.BadRequestException, match="vips does not exist"):
        create(client, SegmentFilter="vips")
    create(client)
    with pytest.raises(client.exceptions.BadRequestException, match="vips does not exist"):
        client.update_event_trigger(DomainName=D, EventTriggerName="t1", SegmentFilter="vips")


def _vip_segment(client: Any) -> None:
    client.create_segment_definition(
        DomainName=D,
        SegmentDefinitionName="vips",
        DisplayName="vips",
        SegmentGroups={
            "Groups": [
                {
                    "Dimensions": [
                        {
                            "ProfileAttributes": {
                                "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ana"]}
                            }
                        }
                    ]
                }
            ]
        },
    )


def test_segment_filter_evaluates_the_segment_definition(client, backend, domain):
    ana = client.create_profile(DomainName=D, FirstName="Ana", EmailAddress="ana@example.com")
    client.create_profile(DomainName=D, FirstName="Bo", EmailAddress="bo@example.com")
    _vip_segment(client)
    create(client, SegmentFilter="vips")
    wire(client)
    purchase(client, amount=150)
    purchase(client, email="bo@example.com", amount=150)
    assert [i["ProfileId"] for i in backend.trigger_invocations(D)] == [ana["ProfileId"]]
    # Membership is evaluated at each ingestion: Bo renamed Ana joins the segment.
    bo = client.search_profiles(DomainName=D, KeyName="_email", Values=["bo@example.com"])
    bo_id = bo["Items"][0]["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=bo_id, FirstName="Ana")
    purchase(client, email="bo@example.com", amount=150)
    assert [i["ProfileId"] for i in backend.trigger_invocations(D)][-1] == bo_id
    # A deleted definition has no members: the trigger stops firing.
    client.delete_segment_definition(DomainName=D, SegmentDefinitionName="vips")
    before = len(backend.trigger_invocations(D))
    purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == before


def test_segment_filter_uses_declared_membership(client, backend, domain):
    _vip_segment(client)
    create(client, SegmentFilter="vips")
    wire(client)
    purchase(client, email="zed@example.com", amount=150)
    assert backend.trigger_invocations(D) == []  # nobody is named Ana
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["zed@example.com"])[
        "Items"
    ][0]["ProfileId"]
    # A declared membership takes precedence over the definition [A].
    backend.set_segment_members(D, "vips", [pid])
    purchase(client, email="zed@example.com", amount=150)
    purchase(client, email="bo@example.com", amount=150)
    assert [i["ProfileId"] for i in backend.trigger_invocations(D)] == [pid]
    with pytest.raises(TypeError):
        backend.set_segment_members(D, "vips", pid)


def test_event_expiration_against_injected_latency(client, backend, domain, monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(_backend.time, "sleep", slept.append)  # no real waiting
    create(client, EventTriggerLimits={"EventExpiration": 5})
    wire(client)
    backend.faults.latency(0.01, "PutProfileObject")  # 10 ms > 5 ms
    purchase(client, amount=150)
    assert slept == [0.01]
    assert backend.trigger_invocations(D) == []
    backend.faults.clear()
    purchase(client, amount=150)
    assert len(backend.trigger_invocations(D)) == 1


def test_triggers_fire_in_creation_order(client, backend, domain):
    create(client, "second-name")
    create(client, "first-name")
    wire(client, "second-name")
    wire(client, "first-name", uri=CAMPAIGN.replace("c1", "c2"))
    purchase(client, amount=150)
    names = [i["EventTriggerName"] for i in backend.trigger_invocations(D)]
    assert names == ["second-name", "first-name"]
    backend.clear_trigger_invocations(D)
    assert backend.trigger_invocations(D) == []


def test_deleting_the_object_type_keeps_the_trigger(client, backend, domain):
    create(client)
    client.delete_profile_object_type(DomainName=D, ObjectTypeName="Purchase")
    assert client.get_event_trigger(DomainName=D, EventTriggerName="t1")["ObjectTypeName"] == (
        "Purchase"
    )


def test_merge_moves_the_counts_to_the_main_profile(client, backend, domain):
    limits = {"Periods": [{"Unit": "DAYS", "Value": 1, "MaxInvocationsPerProfile": 1}]}
    create(client, EventTriggerLimits=limits)
    wire(client)
    purchase(client, email="dup@example.com", amount=150)
    main = client.create_profile(DomainName=D, EmailAddress="main@example.com")["ProfileId"]
    dup = client.search_profiles(DomainName=D, KeyName="_email", Values=["dup@example.com"])[
        "Items"
    ][0]["ProfileId"]
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[dup])
    purchase(client, email="main@example.com", amount=150)
    assert len(backend.trigger_invocations(D)) == 1  # the merged count blocks the main one


def test_delete_domain_removes_triggers_and_invocations(client, backend, domain):
    create(client)
    wire(client)
    purchase(client, amount=150)
    client.delete_domain(DomainName=D)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    assert client.list_event_triggers(DomainName=D)["Items"] == []
    assert backend.trigger_invocations(D) == []


# --------------------------------------------------------------------------- operators


@pytest.mark.parametrize(
    ("operator", "targets", "values", "expected"),
    [
        ("INCLUSIVE", ["gold"], ["gold"], True),
        ("INCLUSIVE", ["Gold"], ["gold"], False),
        ("INCLUSIVE", ["a", "b"], ["a", "b"], True),
        ("INCLUSIVE", ["a"], ["a", "b"], False),
        ("EXCLUSIVE", ["a"], ["a", "b"], True),
        ("EXCLUSIVE", ["a"], ["a"], False),
        ("EXCLUSIVE", [], ["a"], False),
        ("CONTAINS", ["platinum"], ["tin", "zzz"], True),
        ("CONTAINS", ["gold"], ["x"], False),
        ("BEGINS_WITH", ["gold"], ["go"], True),
        ("ENDS_WITH", ["gold"], ["go"], False),
        ("ENDS_WITH", ["gold"], ["ld"], True),
        ("GREATER_THAN", [150], ["100"], True),
        ("GREATER_THAN", ["100"], ["100"], False),
        ("GREATER_THAN_OR_EQUAL", ["100.0"], ["100"], True),
        ("LESS_THAN", [99.5], ["100"], True),
        ("LESS_THAN_OR_EQUAL", ["abc"], ["100"], False),
        ("EQUAL", ["1e2"], ["100"], True),
        ("EQUAL", [True], ["1"], False),
        ("BETWEEN", [5], ["1", "5"], True),
        ("BETWEEN", [6], ["1", "5"], False),
        ("NOT_BETWEEN", [6], ["1", "5"], True),
        ("NOT_BETWEEN", ["x"], ["1", "5"], False),
        ("BETWEEN", ["2024-05-02T00:00:00Z"], ["2024-05-01", "2024-05-03"], True),
        ("NOT_BETWEEN", ["2024-06-01"], ["2024-05-01", "2024-05-03"], True),
        ("BEFORE", ["2024-05-01T09:59:59Z"], ["2024-05-01T10:00:00Z"], True),
        ("BEFORE", ["2024-05-01T10:00:00Z"], ["2024-05-01T10:00:00Z"], False),
        ("AFTER", ["2024-05-01T12:00:00+02:00"], ["2024-05-01T09:59:00Z"], True),
        ("AFTER", [1714557600000], ["2024-05-01T09:00:00Z"], True),
        ("ON", ["2024-05-01T23:59:59Z"], ["2024-05-01"], True),
        ("ON", ["2024-05-02T00:00:00+02:00"], ["2024-05-01"], True),
        ("ON", ["2024-05-01T10:00:00Z"], ["2024-05-01T10:00:00Z"], True),
        ("ON", ["2024-05-01T10:00:01Z"], ["2024-05-01T10:00:00Z"], False),
        ("ON", ["garbage"], ["2024-05-01"], False),
    ],
)
def test_operator_semantics(operator, targets, values, expected):
    assert attribute_matches(operator, targets, values) is expected


def test_value_parsing():
    assert parse_number("1e3") == 1000
    assert parse_number(" 12.5 ") is not None
    assert parse_number("NaN") is None
    assert parse_number(True) is None
    assert parse_instant("1714557600000") == (1714557600.0, False)
    assert parse_instant("2024-05-01") == (1714521600.0, True)
    assert parse_instant("2024-05-01T10:00:00") == (1714557600.0, False)
    assert parse_instant("yesterday") is None
