"""Calculated attributes (spec 10): definition CRUD and evaluation for profiles."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import botocore.session
import pytest

D = "calc"
T = "Purchase"
START = datetime(2025, 1, 1, tzinfo=timezone.utc)
ARN_PREFIX = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/calculated-attributes/"

#: (amount, item, qty) of the four purchases, ingested one day apart from START.
PURCHASES = [(10, "apple", 2), (30, "pear", 1), (20, "apple", 3), (5, "plum", 4)]


@pytest.fixture
def domain(backend: Any, client: Any) -> str:
    backend.clock.freeze(START)
    client.create_domain(DomainName=D, DefaultExpirationDays=365)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName=T,
        Description="purchases",
        Fields={
            "id": {"Source": "_source.id"},
            "account": {"Source": "_source.account"},
            "amount": {"Source": "_source.amount", "ContentType": "NUMBER"},
            "item": {"Source": "_source.item"},
            "qty": {"Source": "_source.qty", "ContentType": "NUMBER"},
        },
        Keys={
            "purchaseId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )
    return D


@pytest.fixture
def pid(client: Any, domain: str) -> str:
    return str(client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"])


def put(client: Any, obj: dict[str, Any], account: str = "A-1") -> None:
    client.put_profile_object(
        DomainName=D, ObjectTypeName=T, Object=json.dumps({"account": account, **obj})
    )


@pytest.fixture
def purchases(backend: Any, client: Any, pid: str) -> str:
    """Four purchases at START + 0..3 days; the clock then stands at START + 3.5 days."""
    for i, (amount, item, qty) in enumerate(PURCHASES):
        if i:
            backend.clock.advance(days=1)
        put(client, {"id": f"p{i}", "amount": amount, "item": item, "qty": qty})
    backend.clock.advance(days=0.5)
    return pid


def define(
    client: Any,
    name: str,
    statistic: str,
    expression: str = "{Purchase.amount}",
    attributes: tuple[str, ...] = ("amount",),
    **kwargs: Any,
) -> dict[str, Any]:
    kwargs.setdefault("UseHistoricalData", True)
    return client.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName=name,
        AttributeDetails={
            "Attributes": [{"Name": a} for a in attributes],
            "Expression": expression,
        },
        Statistic=statistic,
        **kwargs,
    )


def value(client: Any, pid: str, name: str) -> str | None:
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=pid, CalculatedAttributeName=name
    )
    return out.get("Value")


#: The Statistic values of the installed botocore model.
MODEL_STATISTICS = tuple(
    botocore.session.get_session()
    .get_service_model("customer-profiles")
    .shape_for("Statistic")
    .metadata["enum"]
)
UNSUPPORTED = "not supported by the customer-profiles-sdk emulator"


def test_statistic_enum_is_fully_covered(client, purchases):
    """Every Statistic of the model is evaluated by a case below, or (a value a newer
    botocore adds) refused with a clear BadRequestException: never a 500, never a guess."""
    assert set(STATISTIC_CASES) <= set(MODEL_STATISTICS)
    for statistic in MODEL_STATISTICS:
        if statistic not in STATISTIC_CASES:
            with pytest.raises(client.exceptions.BadRequestException, match=UNSUPPORTED):
                define(client, f"new{statistic.title().replace('_', '')}", statistic)


STATISTIC_CASES = {
    "FIRST_OCCURRENCE": "10",
    "LAST_OCCURRENCE": "5",
    "COUNT": "4",
    "SUM": "65",
    "MINIMUM": "5",
    "MAXIMUM": "30",
    "AVERAGE": "16.25",
    "MAX_OCCURRENCE": "apple",
    # [A] the distinct recent values, most recent first, as compact JSON array text.
    "RECENT_OCCURRENCES": '["plum","apple","pear"]',
}

#: Statistics evaluated on the text attribute ``item`` rather than on ``amount``.
TEXT_STATISTICS = ("MAX_OCCURRENCE", "RECENT_OCCURRENCES")


@pytest.mark.parametrize(("statistic", "expected"), STATISTIC_CASES.items())
def test_every_statistic(client, purchases, statistic, expected):
    if statistic in TEXT_STATISTICS:
        define(client, "stat", statistic, "{Purchase.item}", ("item",))
    else:
        define(client, "stat", statistic)
    assert value(client, purchases, "stat") == expected


@pytest.mark.parametrize(
    ("statistic", "expected"),
    [
        ("FIRST_OCCURRENCE", "20"),
        ("LAST_OCCURRENCE", "20"),
        ("COUNT", "4"),
        ("SUM", "130"),
        ("MINIMUM", "20"),
        ("MAXIMUM", "60"),
        ("AVERAGE", "32.5"),
        ("MAX_OCCURRENCE", "20"),
    ],
)
def test_expression_with_two_attributes(client, purchases, statistic, expected):
    define(client, "total", statistic, "{Purchase.amount} * {Purchase.qty}", ("amount", "qty"))
    assert value(client, purchases, "total") == expected


def test_expression_arithmetic_and_parentheses(client, purchases):
    define(client, "e", "SUM", "({Purchase.amount} + 2) / {Purchase.qty}", ("amount", "qty"))
    # (12/2) + (32/1) + (22/3) + (7/4)
    assert value(client, purchases, "e") == format(6 + 32 + 22 / 3 + 7 / 4, ".12g")


def test_non_numeric_values_are_skipped_by_numeric_statistics(backend, client, purchases):
    put(client, {"id": "bad", "amount": "n/a", "item": "kiwi"})
    put(client, {"id": "zero", "amount": 1, "qty": 0})
    define(client, "sum", "SUM")
    define(client, "count", "COUNT", "{Purchase.item}", ("item",))
    define(client, "ratio", "COUNT", "{Purchase.amount} / {Purchase.qty}", ("amount", "qty"))
    assert value(client, purchases, "sum") == "66"
    assert value(client, purchases, "count") == "5"
    # Division by zero and a non-numeric operand skip the object.
    assert value(client, purchases, "ratio") == "4"


def test_max_occurrence_tie_prefers_most_recent(client, pid):
    for i, amount in enumerate([10, 30, 10, 30]):
        put(client, {"id": f"t{i}", "amount": amount})
    define(client, "mode", "MAX_OCCURRENCE")
    assert value(client, pid, "mode") == "30"


# --------------------------------------------------------------------------- conditions


@pytest.mark.parametrize(
    ("range_", "expected"),
    [
        ({"Value": 2, "Unit": "DAYS"}, "25"),
        ({"Value": 3, "Unit": "DAYS"}, "55"),
        ({"Value": 10, "Unit": "DAYS"}, "65"),
        ({"ValueRange": {"Start": 3, "End": 1}, "Unit": "DAYS"}, "50"),
        # ValueRange overrides Value.
        ({"Value": 10, "ValueRange": {"Start": 2, "End": 0}, "Unit": "DAYS"}, "25"),
        ({"ValueRange": {"Start": 1, "End": -5}, "Unit": "DAYS"}, "5"),
    ],
)
def test_range(client, purchases, range_, expected):
    define(client, "r", "SUM", Conditions={"Range": range_})
    assert value(client, purchases, "r") == expected


def test_range_without_matching_objects(client, purchases):
    define(client, "r", "SUM", Conditions={"Range": {"ValueRange": {"Start": -1, "End": -5}}})
    define(client, "c", "COUNT", Conditions={"Range": {"ValueRange": {"Start": -1, "End": -5}}})
    assert value(client, purchases, "r") is None
    assert value(client, purchases, "c") == "0"


def test_range_moves_with_the_clock(backend, client, purchases):
    define(client, "r", "COUNT", Conditions={"Range": {"Value": 2, "Unit": "DAYS"}})
    assert value(client, purchases, "r") == "2"
    backend.clock.advance(days=1)
    assert value(client, purchases, "r") == "1"
    backend.clock.advance(days=1)
    assert value(client, purchases, "r") == "0"


@pytest.mark.parametrize("fmt", ["ISO_8601", "EPOCHMILLI"])
def test_range_with_timestamp_source(backend, client, pid, fmt):
    def stamp(days_ago: int) -> Any:
        moment = START - timedelta(days=days_ago)
        return moment.isoformat() if fmt == "ISO_8601" else int(moment.timestamp() * 1000)

    # Ingested in this order, but the event times say otherwise.
    put(client, {"id": "a", "amount": 1, "at": stamp(40)})
    put(client, {"id": "b", "amount": 2, "at": stamp(5)})
    put(client, {"id": "c", "amount": 4, "at": stamp(20)})
    conditions = {
        "Range": {
            "Value": 30,
            "Unit": "DAYS",
            "TimestampSource": "{Purchase.at}",
            "TimestampFormat": fmt,
        }
    }
    define(client, "recent", "SUM", Conditions=conditions)
    define(client, "last", "LAST_OCCURRENCE", Conditions=conditions)
    define(client, "first", "FIRST_OCCURRENCE", Conditions=conditions)
    assert value(client, pid, "recent") == "6"
    assert value(client, pid, "last") == "2"
    assert value(client, pid, "first") == "4"
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=pid, CalculatedAttributeName="last"
    )
    assert out["LastObjectTimestamp"] == START - timedelta(days=5)


def test_object_count_keeps_most_recent(client, purchases):
    define(client, "s", "SUM", Conditions={"ObjectCount": 2})
    define(client, "f", "FIRST_OCCURRENCE", Conditions={"ObjectCount": 3})
    define(client, "c", "COUNT", Conditions={"ObjectCount": 100})
    assert value(client, purchases, "s") == "25"
    assert value(client, purchases, "f") == "30"
    assert value(client, purchases, "c") == "4"


@pytest.mark.parametrize(
    ("operator", "threshold", "expected"),
    [
        ("GREATER_THAN", "50", "true"),
        ("GREATER_THAN", "65", "false"),
        ("LESS_THAN", "50", "false"),
        ("LESS_THAN", "65.5", "true"),
        ("EQUAL_TO", "65", "true"),
        ("EQUAL_TO", "65.0", "true"),
        ("EQUAL_TO", "64", "false"),
        ("NOT_EQUAL_TO", "65", "false"),
        ("NOT_EQUAL_TO", "1", "true"),
    ],
)
def test_threshold(client, purchases, operator, threshold, expected):
    define(client, "t", "SUM", Conditions={"Threshold": {"Value": threshold, "Operator": operator}})
    assert value(client, purchases, "t") == expected


def test_threshold_on_text_values(client, purchases):
    define(
        client,
        "fav",
        "MAX_OCCURRENCE",
        "{Purchase.item}",
        ("item",),
        Conditions={"Threshold": {"Value": "apple", "Operator": "EQUAL_TO"}},
    )
    assert value(client, purchases, "fav") == "true"


def test_conditions_combined(client, purchases):
    conditions = {
        "Range": {"Value": 3, "Unit": "DAYS"},
        "ObjectCount": 2,
        "Threshold": {"Value": "24", "Operator": "GREATER_THAN"},
    }
    define(client, "x", "SUM", Conditions=conditions)
    assert value(client, purchases, "x") == "true"  # 20 + 5


def test_filter(client, purchases):
    def dim(attr: str, kind: str, *values: str) -> dict[str, Any]:
        return {"Attributes": {attr: {"DimensionType": kind, "Values": list(values)}}}

    define(
        client,
        "apples",
        "SUM",
        Filter={
            "Include": "ALL",
            "Groups": [{"Type": "ALL", "Dimensions": [dim("item", "INCLUSIVE", "apple")]}],
        },
    )
    define(
        client,
        "big",
        "COUNT",
        Filter={
            "Include": "ALL",
            "Groups": [{"Type": "ALL", "Dimensions": [dim("amount", "GREATER_THAN", "15")]}],
        },
    )
    define(
        client,
        "neither",
        "COUNT",
        Filter={
            "Include": "NONE",
            "Groups": [
                {
                    "Type": "ANY",
                    "Dimensions": [
                        dim("item", "BEGINS_WITH", "ap"),
                        dim("amount", "BETWEEN", "25", "35"),
                    ],
                }
            ],
        },
    )
    assert value(client, purchases, "apples") == "30"
    assert value(client, purchases, "big") == "2"
    assert value(client, purchases, "neither") == "1"  # plum


def test_filter_include_any(client, purchases):
    def group(attr: str, kind: str, *values: str) -> dict[str, Any]:
        dimension = {"Attributes": {attr: {"DimensionType": kind, "Values": list(values)}}}
        return {"Type": "ALL", "Dimensions": [dimension]}

    define(
        client,
        "anyOf",
        "SUM",
        Filter={
            "Include": "ANY",
            "Groups": [group("item", "ENDS_WITH", "um"), group("amount", "LESS_THAN", "11")],
        },
    )
    define(
        client,
        "allOf",
        "SUM",
        Filter={
            "Include": "ALL",
            "Groups": [group("item", "EXCLUSIVE", "pear"), group("amount", "BETWEEN", "6", "25")],
        },
    )
    assert value(client, purchases, "anyOf") == "15"  # plum 5 + apple 10
    assert value(client, purchases, "allOf") == "30"  # apple 10 + apple 20


def test_calculated_attribute_over_template_objects(backend, client, domain):
    # The attributes name fields of the CTR template (``channel`` reads ``Channel``).
    define(client, "contacts", "COUNT", "{CTR.channel}", ("channel",))
    define(client, "channel", "MAX_OCCURRENCE", "{CTR.channel}", ("channel",))
    for i, channel in enumerate(["VOICE", "CHAT", "VOICE"]):
        client.put_profile_object(
            DomainName=D,
            ObjectTypeName="CTR",
            Object=json.dumps(
                {
                    "ContactId": f"c{i}",
                    "Channel": channel,
                    "CustomerEndpoint": {"Address": "+15550001111"},
                }
            ),
        )
    (pid,) = backend.store.region("us-east-1").domains[D].profiles
    assert value(client, pid, "contacts") == "3"
    assert value(client, pid, "channel") == "VOICE"


def test_use_historical_data(backend, client, pid):
    put(client, {"id": "old", "amount": 7})
    backend.clock.advance(60)
    define(client, "all", "SUM", UseHistoricalData=True)
    define(client, "new", "SUM", UseHistoricalData=False)
    define(client, "newcount", "COUNT", UseHistoricalData=False)
    assert value(client, pid, "all") == "7"
    assert value(client, pid, "new") is None
    assert value(client, pid, "newcount") == "0"
    backend.clock.advance(60)
    put(client, {"id": "fresh", "amount": 3})
    assert value(client, pid, "all") == "10"
    assert value(client, pid, "new") == "3"


def test_only_the_profiles_own_objects_count(client, purchases):
    other = client.create_profile(DomainName=D, AccountNumber="B-1")["ProfileId"]
    put(client, {"id": "b1", "amount": 1000}, account="B-1")
    define(client, "sum", "SUM")
    assert value(client, purchases, "sum") == "65"
    assert value(client, other, "sum") == "1000"


def test_merged_profiles_aggregate_the_union_of_objects(client, purchases):
    other = client.create_profile(DomainName=D, AccountNumber="B-1")["ProfileId"]
    put(client, {"id": "b1", "amount": 100}, account="B-1")
    define(client, "sum", "SUM")
    client.merge_profiles(DomainName=D, MainProfileId=purchases, ProfileIdsToBeMerged=[other])
    assert value(client, purchases, "sum") == "165"


def test_expired_objects_no_longer_count(backend, client, domain, pid):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Visit",
        Description="short-lived",
        ExpirationDays=1,
        Fields={"id": {"Source": "_source.id"}, "account": {"Source": "_source.account"}},
        Keys={
            "visitId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )
    client.put_profile_object(
        DomainName=D, ObjectTypeName="Visit", Object=json.dumps({"id": "v1", "account": "A-1"})
    )
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Ann")  # profile lives on
    define(client, "visits", "COUNT", "{Visit.id}", ("id",))
    assert value(client, pid, "visits") == "1"
    backend.clock.advance(days=1.5)
    assert value(client, pid, "visits") == "0"


# --------------------------------------------------------------------------- read operations


def test_get_calculated_attribute_for_profile_members(client, purchases):
    define(client, "spend", "SUM", DisplayName="Total spend")
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=purchases, CalculatedAttributeName="spend"
    )
    assert out["CalculatedAttributeName"] == "spend"
    assert out["DisplayName"] == "Total spend"
    assert out["IsDataPartial"] == "false"
    assert out["Value"] == "65"
    assert out["LastObjectTimestamp"] == START + timedelta(days=3)


def test_get_calculated_attribute_for_profile_errors(client, pid):
    define(client, "spend", "SUM")
    nf = client.exceptions.ResourceNotFoundException
    for kwargs in (
        {"DomainName": "nodomain"},
        {"ProfileId": "c" * 32},
        {"CalculatedAttributeName": "nope"},
    ):
        params = {"DomainName": D, "ProfileId": pid, "CalculatedAttributeName": "spend", **kwargs}
        with pytest.raises(nf):
            client.get_calculated_attribute_for_profile(**params)
    with pytest.raises(client.exceptions.BadRequestException):
        client.get_calculated_attribute_for_profile(
            DomainName=D, ProfileId=pid, CalculatedAttributeName="bad name"
        )


def test_list_calculated_attributes_for_profile(client, purchases):
    define(client, "spend", "SUM", DisplayName="Spend")
    define(client, "visits", "COUNT")
    define(client, "none", "SUM", Conditions={"Range": {"ValueRange": {"Start": -1, "End": -2}}})
    out = client.list_calculated_attributes_for_profile(DomainName=D, ProfileId=purchases)
    items = {i["CalculatedAttributeName"]: i for i in out["Items"]}
    assert set(items) == {"spend", "visits"}
    assert items["spend"]["Value"] == "65"
    assert items["spend"]["DisplayName"] == "Spend"
    assert items["visits"]["Value"] == "4"
    page = client.list_calculated_attributes_for_profile(
        DomainName=D, ProfileId=purchases, MaxResults=1
    )
    assert [i["CalculatedAttributeName"] for i in page["Items"]] == ["spend"]
    rest = client.list_calculated_attributes_for_profile(
        DomainName=D, ProfileId=purchases, MaxResults=1, NextToken=page["NextToken"]
    )
    assert [i["CalculatedAttributeName"] for i in rest["Items"]] == ["visits"]
    assert "NextToken" not in rest
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_calculated_attributes_for_profile(DomainName=D, ProfileId="d" * 32)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_calculated_attributes_for_profile(DomainName="nodomain", ProfileId=purchases)


def test_batch_get_calculated_attribute_for_profile(client, purchases):
    other = client.create_profile(DomainName=D, AccountNumber="B-1")["ProfileId"]
    put(client, {"id": "b1", "amount": 2}, account="B-1")
    define(client, "spend", "SUM", DisplayName="Spend")
    missing = "e" * 32
    out = client.batch_get_calculated_attribute_for_profile(
        DomainName=D, CalculatedAttributeName="spend", ProfileIds=[purchases, missing, other]
    )
    values = {v["ProfileId"]: v for v in out["CalculatedAttributeValues"]}
    assert set(values) == {purchases, other}
    assert values[purchases]["Value"] == "65"
    assert values[other]["Value"] == "2"
    assert values[other]["DisplayName"] == "Spend"
    assert values[other]["IsDataPartial"] == "false"
    assert [(e["ProfileId"], e["Code"]) for e in out["Errors"]] == [
        (missing, "ResourceNotFoundException")
    ]
    assert "ConditionOverrides" not in out


def test_batch_get_condition_overrides(client, purchases):
    define(client, "spend", "SUM", Conditions={"Range": {"Value": 100, "Unit": "DAYS"}})
    overrides = {"Range": {"Start": 2, "End": 0, "Unit": "DAYS"}}
    out = client.batch_get_calculated_attribute_for_profile(
        DomainName=D,
        CalculatedAttributeName="spend",
        ProfileIds=[purchases],
        ConditionOverrides=overrides,
    )
    assert out["ConditionOverrides"] == overrides
    assert out["CalculatedAttributeValues"][0]["Value"] == "25"
    # The override applies to that call only.
    assert value(client, purchases, "spend") == "65"


def test_batch_get_errors(client, pid):
    define(client, "spend", "SUM")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.batch_get_calculated_attribute_for_profile(
            DomainName=D, CalculatedAttributeName="nope", ProfileIds=[pid]
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.batch_get_calculated_attribute_for_profile(
            DomainName="nodomain", CalculatedAttributeName="spend", ProfileIds=[pid]
        )
    with pytest.raises(client.exceptions.BadRequestException):
        client.batch_get_calculated_attribute_for_profile(
            DomainName=D, CalculatedAttributeName="spend", ProfileIds=[pid] * 101
        )
    with pytest.raises(client.exceptions.BadRequestException):
        client.batch_get_calculated_attribute_for_profile(
            DomainName=D,
            CalculatedAttributeName="spend",
            ProfileIds=[pid],
            ConditionOverrides={"Range": {"Start": 1, "Unit": "WEEKS"}},
        )


# --------------------------------------------------------------------------- definitions CRUD


def test_create_and_get_definition(client, domain):
    conditions = {
        "Range": {"Value": 30, "Unit": "DAYS"},
        "ObjectCount": 10,
        "Threshold": {"Value": "100", "Operator": "GREATER_THAN"},
    }
    flt = {
        "Include": "ALL",
        "Groups": [
            {
                "Type": "ALL",
                "Dimensions": [
                    {"Attributes": {"item": {"DimensionType": "INCLUSIVE", "Values": ["apple"]}}}
                ],
            }
        ],
    }
    created = define(
        client,
        "bigSpender",
        "SUM",
        DisplayName="Big spender",
        Description="d",
        Conditions=conditions,
        Filter=flt,
        Tags={"team": "a"},
        UseHistoricalData=False,
    )
    for out in (
        created,
        client.get_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="bigSpender"
        ),
    ):
        assert out["CalculatedAttributeName"] == "bigSpender"
        assert out["DisplayName"] == "Big spender"
        assert out["Description"] == "d"
        assert out["Statistic"] == "SUM"
        assert out["AttributeDetails"] == {
            "Attributes": [{"Name": "amount"}],
            "Expression": "{Purchase.amount}",
        }
        assert out["Conditions"] == conditions
        assert out["Filter"] == flt
        assert out["Tags"] == {"team": "a"}
        assert out["UseHistoricalData"] is False
        assert out["Status"] == "COMPLETED"
        assert out["Readiness"]["ProgressPercentage"] == 100
        assert out["CreatedAt"] == START
    tags = client.list_tags_for_resource(resourceArn=ARN_PREFIX + "bigSpender")["tags"]
    assert tags == {"team": "a"}


def test_definition_not_found(client, domain):
    nf = client.exceptions.ResourceNotFoundException
    args = {"DomainName": D, "CalculatedAttributeName": "nope"}
    with pytest.raises(nf):
        client.get_calculated_attribute_definition(**args)
    with pytest.raises(nf):
        client.update_calculated_attribute_definition(**args, DisplayName="x")
    with pytest.raises(nf):
        client.delete_calculated_attribute_definition(**args)
    with pytest.raises(nf):
        client.list_calculated_attribute_definitions(DomainName="nodomain")
    with pytest.raises(nf):
        client.create_calculated_attribute_definition(
            DomainName="nodomain",
            CalculatedAttributeName="x",
            AttributeDetails={
                "Attributes": [{"Name": "amount"}],
                "Expression": "{Purchase.amount}",
            },
            Statistic="SUM",
        )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"statistic": "MEDIAN"},
        {"attributes": ("amount", "qty", "item")},
        {"expression": "{Purchase.qty}"},
        {"expression": "{Purchase.amount} +", "attributes": ("amount",)},
        {"expression": "({Purchase.amount}", "attributes": ("amount",)},
        {"expression": "amount", "attributes": ("amount",)},
        {"expression": "{amount}", "attributes": ("amount",)},
        {"expression": "{Purchase.amount} + {Other.amount}", "attributes": ("amount",)},
        {"expression": "{Unknown.amount}", "attributes": ("amount",)},
        {"name": "bad name"},
        {"name": "x" * 256},
        {"DisplayName": "1starts with digit"},
        {"Conditions": {"Range": {"Value": 1, "Unit": "WEEKS"}}},
        {"Conditions": {"Range": {"Value": 1, "TimestampFormat": "UNIX"}}},
        {"Conditions": {"Range": {"Value": 1, "TimestampSource": "Purchase.at"}}},
        {"Conditions": {"Range": {"Value": 1, "TimestampSource": "{Other.at}"}}},
        {"Conditions": {"Threshold": {"Value": "1", "Operator": "ABOUT"}}},
        {"Tags": {"aws:reserved": "x"}},
    ],
)
def test_create_definition_bad_request(client, domain, kwargs):
    params = dict(kwargs)
    name = params.pop("name", "ok")
    statistic = params.pop("statistic", "SUM")
    expression = params.pop("expression", "{Purchase.amount}")
    attributes = params.pop("attributes", ("amount",))
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, name, statistic, expression, attributes, **params)
    assert client.list_calculated_attribute_definitions(DomainName=D)["Items"] == []


def test_create_definition_duplicate_and_quota(client, domain):
    define(client, "a0", "SUM")
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, "a0", "COUNT")
    for i in range(1, 50):
        define(client, f"a{i}", "SUM")
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, "a50", "SUM")


def test_create_definition_on_template_type(client, domain):
    out = define(client, "calls", "COUNT", "{CTR.channel}", ("channel",))
    assert out["Statistic"] == "COUNT"


def test_list_definitions(backend, client, domain):
    define(client, "first", "SUM", DisplayName="First", Tags={"k": "v"})
    backend.clock.advance(5)
    define(client, "second", "COUNT", Description="two")
    out = client.list_calculated_attribute_definitions(DomainName=D)
    assert out["Items"] == [
        {
            "CalculatedAttributeName": "first",
            "DisplayName": "First",
            "CreatedAt": START,
            "LastUpdatedAt": START,
            "UseHistoricalData": True,
            "Status": "COMPLETED",
            "Tags": {"k": "v"},
        },
        {
            "CalculatedAttributeName": "second",
            "Description": "two",
            "CreatedAt": START + timedelta(seconds=5),
            "LastUpdatedAt": START + timedelta(seconds=5),
            "UseHistoricalData": True,
            "Status": "COMPLETED",
        },
    ]
    page = client.list_calculated_attribute_definitions(DomainName=D, MaxResults=1)
    assert [i["CalculatedAttributeName"] for i in page["Items"]] == ["first"]
    page = client.list_calculated_attribute_definitions(
        DomainName=D, MaxResults=1, NextToken=page["NextToken"]
    )
    assert [i["CalculatedAttributeName"] for i in page["Items"]] == ["second"]
    assert "NextToken" not in page


def test_update_definition(backend, client, purchases):
    define(
        client,
        "spend",
        "SUM",
        DisplayName="Spend",
        Description="d",
        Filter={
            "Include": "ALL",
            "Groups": [
                {
                    "Type": "ALL",
                    "Dimensions": [
                        {
                            "Attributes": {
                                "amount": {"DimensionType": "GREATER_THAN", "Values": ["0"]}
                            }
                        }
                    ],
                }
            ],
        },
    )
    assert value(client, purchases, "spend") == "65"
    backend.clock.advance(10)
    out = client.update_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        Description="new",
        Conditions={"Range": {"Value": 2, "Unit": "DAYS"}},
    )
    assert out["DisplayName"] == "Spend"  # absent members are kept
    assert out["Description"] == "new"
    assert out["Conditions"] == {"Range": {"Value": 2, "Unit": "DAYS"}}
    assert out["Statistic"] == "SUM"
    assert "Filter" not in out
    assert out["LastUpdatedAt"] > out["CreatedAt"]
    got = client.get_calculated_attribute_definition(DomainName=D, CalculatedAttributeName="spend")
    assert got["Description"] == "new"
    assert "Filter" in got
    assert value(client, purchases, "spend") == "25"
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_calculated_attribute_definition(
            DomainName=D,
            CalculatedAttributeName="spend",
            Conditions={"Range": {"Value": 1, "TimestampFormat": "UNIX"}},
        )
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="spend", DisplayName="bad!name"
        )
    assert value(client, purchases, "spend") == "25"


def test_delete_definition(client, purchases):
    define(client, "spend", "SUM")
    define(client, "count", "COUNT")
    out = client.delete_calculated_attribute_definition(
        DomainName=D, CalculatedAttributeName="spend"
    )
    assert {k: v for k, v in out.items() if k != "ResponseMetadata"} == {}
    names = [
        i["CalculatedAttributeName"]
        for i in client.list_calculated_attribute_definitions(DomainName=D)["Items"]
    ]
    assert names == ["count"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        value(client, purchases, "spend")
    # The name can be reused.
    define(client, "spend", "COUNT")
    assert value(client, purchases, "spend") == "4"


# --------------------------------------------------------------------------- field values
# Attributes and Filter dimensions name fields of the object type, read after the field's
# Source is applied; TimestampSource stays a raw path (D402, D403; issue 15 item 1).


def only_if(attribute: str, kind: str, *values: str) -> dict[str, Any]:
    """A Filter with one group holding one dimension on ``attribute``."""
    dimension = {"Attributes": {attribute: {"DimensionType": kind, "Values": list(values)}}}
    return {"Include": "ALL", "Groups": [{"Type": "ALL", "Dimensions": [dimension]}]}


@pytest.fixture
def mapped(backend: Any, client: Any) -> str:
    """Object type ``Sale`` whose field names differ from the ingested JSON's paths."""
    backend.clock.freeze(START)
    client.create_domain(DomainName=D, DefaultExpirationDays=365)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Sale",
        Description="sales",
        Fields={
            "saleId": {"Source": "_source.ref"},
            "account": {"Source": "_source.customer.account"},
            "total": {"Source": "_source.price.gross", "ContentType": "NUMBER"},
            "label": {"Source": "{{_source.shop}}/{{_source.till}}"},
        },
        Keys={
            "saleId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["saleId"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )
    pid = str(client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"])
    for i, (gross, shop, till) in enumerate([(10, "north", 1), (25, "south", 2), (5, "north", 1)]):
        client.put_profile_object(
            DomainName=D,
            ObjectTypeName="Sale",
            Object=json.dumps(
                {
                    "ref": f"s{i}",
                    "customer": {"account": "A-1"},
                    "price": {"gross": gross},
                    "shop": shop,
                    "till": till,
                    # Raw JSON members named like the fields hold other values.
                    "total": 1000,
                    "label": "raw",
                    "meta": {"at": (START - timedelta(days=10 - i)).isoformat()},
                }
            ),
        )
    return pid


def test_attributes_read_the_fields_of_the_object_type(client, mapped):
    define(client, "spend", "SUM", "{Sale.total}", ("total",))
    define(client, "till", "MAX_OCCURRENCE", "{Sale.label}", ("label",))
    assert value(client, mapped, "spend") == "40"
    assert value(client, mapped, "till") == "north/1"


def test_filter_dimensions_name_fields(client, mapped):
    define(
        client,
        "northSpend",
        "SUM",
        "{Sale.total}",
        ("total",),
        Filter=only_if("label", "INCLUSIVE", "north/1"),
    )
    assert value(client, mapped, "northSpend") == "15"


def test_timestamp_source_stays_a_raw_json_path(client, mapped):
    # ``meta.at`` is no field of Sale: TimestampSource reads the ingested JSON.
    define(
        client,
        "recent",
        "SUM",
        "{Sale.total}",
        ("total",),
        Conditions={
            "Range": {
                "Value": 9,
                "Unit": "DAYS",
                "TimestampSource": "{Sale.meta.at}",
                "TimestampFormat": "ISO_8601",
            }
        },
    )
    assert value(client, mapped, "recent") == "30"  # the objects 9 and 8 days old


def test_an_attribute_that_is_no_field_of_the_type_has_no_value(client, mapped):
    # ``price`` is a member of the ingested JSON, not a field of Sale: it reads nothing.
    define(client, "raw", "SUM", "{Sale.price}", ("price",))
    define(client, "rawCount", "COUNT", "{Sale.price}", ("price",))
    define(
        client,
        "rawFilter",
        "COUNT",
        "{Sale.total}",
        ("total",),
        Filter=only_if("shop", "INCLUSIVE", "north"),
    )
    assert value(client, mapped, "raw") is None
    assert value(client, mapped, "rawCount") == "0"
    assert value(client, mapped, "rawFilter") == "0"


# --------------------------------------------------------------------------- RECENT_OCCURRENCES
# ingestion-streams-triggers.md 8.1 / 8.3 scenarios 1-2; issue 9 item 5, issue 15 item 2.


def recent(client: Any, name: str = "recent", **kwargs: Any) -> dict[str, Any]:
    return define(client, name, "RECENT_OCCURRENCES", "{Purchase.item}", ("item",), **kwargs)


def test_recent_occurrences_is_accepted_and_round_trips(client, domain):
    out = recent(client)
    assert out["Statistic"] == "RECENT_OCCURRENCES"
    got = client.get_calculated_attribute_definition(DomainName=D, CalculatedAttributeName="recent")
    assert got["Statistic"] == "RECENT_OCCURRENCES"
    listed = client.list_calculated_attribute_definitions(DomainName=D)["Items"]
    assert [i["CalculatedAttributeName"] for i in listed] == ["recent"]
    updated = client.update_calculated_attribute_definition(
        DomainName=D, CalculatedAttributeName="recent", Conditions={"ObjectCount": 3}
    )
    assert updated["Statistic"] == "RECENT_OCCURRENCES"


def test_recent_occurrences_with_a_threshold_is_a_bad_request(client, domain):
    threshold = {"Threshold": {"Value": "a", "Operator": "EQUAL_TO"}}
    with pytest.raises(client.exceptions.BadRequestException, match="Threshold"):
        recent(client, Conditions=threshold)
    recent(client)
    with pytest.raises(client.exceptions.BadRequestException, match="Threshold"):
        client.update_calculated_attribute_definition(
            DomainName=D, CalculatedAttributeName="recent", Conditions=threshold
        )


def test_recent_occurrences_values(backend, client, pid):
    recent(client)
    assert value(client, pid, "recent") is None  # no qualifying objects: no Value
    for i, item in enumerate(["a", "b", "a", "c"]):
        backend.clock.advance(1)
        put(client, {"id": f"r{i}", "item": item})
    assert value(client, pid, "recent") == '["c","a","b"]'
    recent(client, "lastTwo", Conditions={"ObjectCount": 2})
    assert value(client, pid, "lastTwo") == '["c","a"]'


def test_recent_occurrences_keeps_ten_entries_by_default(backend, client, pid):
    recent(client)
    for i in range(12):
        backend.clock.advance(1)
        put(client, {"id": f"r{i}", "item": f"v{i}"})
    assert json.loads(value(client, pid, "recent") or "") == [f"v{i}" for i in range(11, 1, -1)]


def test_recent_occurrences_fits_255_characters(backend, client, pid):
    recent(client, Conditions={"ObjectCount": 60})
    for i in range(60):
        backend.clock.advance(1)
        put(client, {"id": f"r{i}", "item": f"{i:02d}" + "x" * 40})
    text = value(client, pid, "recent") or ""
    assert 0 < len(text) <= 255
    entries = json.loads(text)
    # The most recent entries are kept, the oldest dropped.
    assert entries == [f"{i:02d}" + "x" * 40 for i in range(59, 59 - len(entries), -1)]
    assert len(entries) == 5


def test_recent_occurrences_never_breaks_list_for_profile(backend, client, pid):
    define(client, "spend", "SUM")
    recent(client)
    put(client, {"id": "r1", "item": "kiwi", "amount": 3})
    put(client, {"id": "r2", "amount": 4})  # no item: skipped by the text statistic
    items = client.list_calculated_attributes_for_profile(DomainName=D, ProfileId=pid)["Items"]
    assert {i["CalculatedAttributeName"]: i["Value"] for i in items} == {
        "spend": "7",
        "recent": '["kiwi"]',
    }


# --------------------------------------------------------------------------- IsDataPartial
# "true" until the definition's range (or object count) has been covered since the
# definition was created (D404, Admin Guide "Validating calculated attribute values").


def partial(client: Any, pid: str, name: str) -> str:
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=pid, CalculatedAttributeName=name
    )
    return str(out["IsDataPartial"])


def test_is_data_partial_until_the_range_has_elapsed(backend, client, pid):
    define(
        client,
        "month",
        "COUNT",
        UseHistoricalData=False,
        Conditions={"Range": {"Value": 30, "Unit": "DAYS"}},
    )
    assert partial(client, pid, "month") == "true"
    backend.clock.advance(days=29.9)
    assert partial(client, pid, "month") == "true"
    listed = client.list_calculated_attributes_for_profile(DomainName=D, ProfileId=pid)["Items"]
    assert [i["IsDataPartial"] for i in listed] == ["true"]
    batch = client.batch_get_calculated_attribute_for_profile(
        DomainName=D, CalculatedAttributeName="month", ProfileIds=[pid]
    )
    assert batch["CalculatedAttributeValues"][0]["IsDataPartial"] == "true"
    backend.clock.advance(days=0.1)
    assert partial(client, pid, "month") == "false"


def test_is_data_partial_with_a_value_range_needs_its_far_end(backend, client, pid):
    define(
        client,
        "window",
        "COUNT",
        UseHistoricalData=False,
        Conditions={"Range": {"ValueRange": {"Start": 7, "End": 2}, "Unit": "DAYS"}},
    )
    backend.clock.advance(days=6)
    assert partial(client, pid, "window") == "true"
    backend.clock.advance(days=1)
    assert partial(client, pid, "window") == "false"


def test_is_data_partial_until_the_object_count_is_reached(backend, client, pid):
    put(client, {"id": "before", "amount": 1})  # ingested before the definition: not counted
    backend.clock.advance(1)
    define(client, "last3", "SUM", UseHistoricalData=False, Conditions={"ObjectCount": 3})
    for i in range(3):
        assert partial(client, pid, "last3") == "true"
        put(client, {"id": f"n{i}", "amount": 1})
    assert partial(client, pid, "last3") == "false"


def test_range_or_object_count_whichever_is_covered_first(backend, client, pid):
    conditions = {"Range": {"Value": 10, "Unit": "DAYS"}, "ObjectCount": 2}
    define(client, "both", "SUM", UseHistoricalData=False, Conditions=conditions)
    assert partial(client, pid, "both") == "true"
    put(client, {"id": "a", "amount": 1})
    put(client, {"id": "b", "amount": 1})
    assert partial(client, pid, "both") == "false"  # the two most recent objects are known
    backend.clock.advance(1)
    define(client, "both2", "SUM", UseHistoricalData=False, Conditions=conditions)
    assert partial(client, pid, "both2") == "true"
    backend.clock.advance(days=10)
    assert partial(client, pid, "both2") == "false"  # the whole range is known


def test_is_data_partial_is_false_with_historical_data_or_without_a_window(client, pid):
    define(
        client,
        "history",
        "SUM",
        UseHistoricalData=True,
        Conditions={"Range": {"Value": 30, "Unit": "DAYS"}},
    )
    define(client, "forever", "SUM", UseHistoricalData=False)
    assert partial(client, pid, "history") == "false"
    assert partial(client, pid, "forever") == "false"


def test_a_range_override_is_covered_like_the_definitions_range(backend, client, pid):
    define(
        client,
        "short",
        "SUM",
        UseHistoricalData=False,
        Conditions={"Range": {"Value": 1, "Unit": "DAYS"}},
    )
    backend.clock.advance(days=2)
    out = client.batch_get_calculated_attribute_for_profile(
        DomainName=D,
        CalculatedAttributeName="short",
        ProfileIds=[pid],
        ConditionOverrides={"Range": {"Start": 5, "Unit": "DAYS"}},
    )
    assert out["CalculatedAttributeValues"][0]["IsDataPartial"] == "true"
    assert partial(client, pid, "short") == "false"


# --------------------------------------------------------------------------- widening a range
# "increasing the date range of a calculated attribute will not trigger inclusion of
# historical data greater than the current date range" (D405, UpdateCalculatedAttributeDefinition).


def test_widening_the_range_does_not_pull_in_older_history(backend, client, purchases):
    define(client, "spend", "SUM", Conditions={"Range": {"Value": 2, "Unit": "DAYS"}})
    assert value(client, purchases, "spend") == "25"  # 20 + 5: the objects of the last 2 days
    client.update_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        Conditions={"Range": {"Value": 10, "Unit": "DAYS"}},
    )
    assert value(client, purchases, "spend") == "25"  # 10 and 30 were older than the old range
    assert partial(client, purchases, "spend") == "true"
    backend.clock.advance(days=1)
    put(client, {"id": "new", "amount": 100})
    assert value(client, purchases, "spend") == "125"  # new data counts
    # Removing the range entirely does not bring the old objects back either.
    client.update_calculated_attribute_definition(
        DomainName=D, CalculatedAttributeName="spend", Conditions={"ObjectCount": 100}
    )
    assert value(client, purchases, "spend") == "125"
    # The widened range is covered 10 days after the old range's start (START + 1.5 days).
    backend.clock.freeze(START + timedelta(days=11.4))
    client.update_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        Conditions={"Range": {"Value": 10, "Unit": "DAYS"}},
    )
    assert partial(client, purchases, "spend") == "true"
    backend.clock.freeze(START + timedelta(days=11.5))
    assert partial(client, purchases, "spend") == "false"


def test_narrowing_the_range_excludes_nothing_later(backend, client, purchases):
    define(client, "spend", "SUM", Conditions={"Range": {"Value": 10, "Unit": "DAYS"}})
    client.update_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        Conditions={"Range": {"Value": 3, "Unit": "DAYS"}},
    )
    assert value(client, purchases, "spend") == "55"
    client.update_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="spend",
        Conditions={"Range": {"Value": 10, "Unit": "DAYS"}},
    )
    # Widening back from 3 days: the object older than 3 days (10 at START) stays out.
    assert value(client, purchases, "spend") == "55"


# --------------------------------------------------------------------------- numbers at the edge
# Issue 15 item 10: no read of a calculated attribute ever answers 500.


def test_sums_that_overflow_a_double_have_no_value(client, pid):
    for i in range(2):
        put(client, {"id": f"big{i}", "amount": 1e308, "qty": 1e308, "item": "x"})
    define(client, "sum", "SUM")
    define(client, "avg", "AVERAGE")
    define(client, "max", "MAXIMUM")
    define(client, "product", "SUM", "{Purchase.amount} * {Purchase.qty}", ("amount", "qty"))
    define(client, "count", "COUNT", "{Purchase.amount} * {Purchase.qty}", ("amount", "qty"))
    assert value(client, pid, "sum") is None  # [A] 2e308 is no double: no Value
    assert value(client, pid, "avg") == "1e+308"
    assert value(client, pid, "max") == "1e+308"
    assert value(client, pid, "product") is None  # each product overflows: skipped
    assert value(client, pid, "count") == "0"
    items = client.list_calculated_attributes_for_profile(DomainName=D, ProfileId=pid)["Items"]
    assert {i["CalculatedAttributeName"] for i in items} == {"avg", "max", "count"}
    out = client.batch_get_calculated_attribute_for_profile(
        DomainName=D, CalculatedAttributeName="sum", ProfileIds=[pid]
    )
    assert "Value" not in out["CalculatedAttributeValues"][0]


def test_timestamps_no_date_can_hold_fall_back_to_the_ingestion_time(backend, client, pid):
    for i, at in enumerate([1e300, -1e300, "9999999-01-01T00:00:00Z", 10**30]):
        put(client, {"id": f"t{i}", "amount": 1, "at": at, "item": str(at)})
    conditions = {
        "Range": {
            "Value": 1,
            "Unit": "DAYS",
            "TimestampSource": "{Purchase.at}",
            "TimestampFormat": "EPOCHMILLI",
        }
    }
    define(client, "recent", "SUM", Conditions=conditions)
    define(
        client, "on", "COUNT", "{Purchase.item}", ("item",), Filter=only_if("item", "ON", "1e300")
    )
    define(
        client,
        "after",
        "COUNT",
        "{Purchase.item}",
        ("item",),
        Filter=only_if("item", "AFTER", "2020-01-01"),
    )
    assert value(client, pid, "recent") == "4"
    assert value(client, pid, "on") == "0"
    assert value(client, pid, "after") == "0"
    out = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=pid, CalculatedAttributeName="recent"
    )
    assert out["LastObjectTimestamp"] == START


def test_objects_saved_without_field_values_are_read_through_their_type(
    backend, client, mapped, tmp_path
):
    # A state file written before field values were stored with the objects.
    path = tmp_path / "state.json"
    backend.save_state(path)
    state = json.loads(path.read_text())
    for obj in state["regions"]["us-east-1"]["domains"][D]["objects"].values():
        del obj["fields"]
    path.write_text(json.dumps(state))
    backend.load_state(path)
    define(client, "spend", "SUM", "{Sale.total}", ("total",))
    assert value(client, mapped, "spend") == "40"
