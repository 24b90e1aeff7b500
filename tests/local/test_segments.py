"""Segments (spec/segments.md 1-3): definitions, the classic evaluator, estimates,
membership and snapshots, through boto3 clients answered by the emulator."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from datetime import timedelta
from typing import Any

import botocore.exceptions
import pytest

from customer_profiles_sdk.local import Clock, LocalBackend
from tests.local._segment_fixture import (
    START,
    D,
    People,
    attr,
    calc,
    call_records,
    calls_attribute,
    define,
    estimate,
    field,
    groups,
    make_people,
    members,
    put_call,
    who,
)

SEATTLE = groups(field("Address.City", "INCLUSIVE", "Seattle"))


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START))


@pytest.fixture
def people(client: Any) -> People:
    return make_people(client)


def _error(caught: pytest.ExceptionInfo[Any]) -> tuple[str, str]:
    error = caught.value.response["Error"]
    return error["Code"], error["Message"]


# --------------------------------------------------------------------------- definitions (1.8)


def test_round_trip_echoes_the_definition_exactly(client: Any, people: People) -> None:
    sent = {
        "Include": "ALL",
        "Groups": [
            {
                "Type": "ALL",
                "Dimensions": [
                    {
                        "ProfileAttributes": {
                            "Address": {
                                "City": {"DimensionType": "INCLUSIVE", "Values": ["Seattle"]}
                            }
                        }
                    }
                ],
            }
        ],
    }
    created = client.create_segment_definition(
        DomainName=D,
        SegmentDefinitionName="vip",
        DisplayName="VIP",
        SegmentGroups=sent,
        Tags={"team": "crm"},
    )
    assert created["SegmentDefinitionArn"].endswith(f":domains/{D}/segment-definitions/vip")
    assert created["SegmentDefinitionArn"].startswith("arn:aws:profile:us-east-1:123456789012:")
    assert created["Tags"] == {"team": "crm"}
    assert created["CreatedAt"].timestamp() == START.timestamp()
    got = client.get_segment_definition(DomainName=D, SegmentDefinitionName="vip")
    assert got["SegmentGroups"] == sent
    assert got["SegmentType"] == "CLASSIC"
    assert "SegmentSqlQuery" not in got
    assert "SegmentSort" not in got
    assert "Description" not in got
    items = client.list_segment_definitions(DomainName=D)["Items"]
    assert [i["SegmentDefinitionName"] for i in items] == ["vip"]
    assert "SegmentGroups" not in items[0]
    assert items[0]["SegmentType"] == "CLASSIC"


def test_defaults_are_not_written_into_the_definition(client: Any, people: People) -> None:
    sent = groups(field("FirstName", "INCLUSIVE", "Ann"))
    define(client, sent, "plain")
    got = client.get_segment_definition(DomainName=D, SegmentDefinitionName="plain")[
        "SegmentGroups"
    ]
    assert got == sent  # no Include / Type / SourceType filled in


@pytest.mark.parametrize(
    "members_sent",
    [
        {},
        {"SegmentGroups": SEATTLE, "SegmentSqlQuery": "SELECT ProfileId FROM _profile"},
    ],
    ids=["neither", "both"],
)
def test_exactly_one_of_groups_and_sql(
    client: Any, people: People, members_sent: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_definition(
            DomainName=D, SegmentDefinitionName="x", DisplayName="x", **members_sent
        )


@pytest.mark.parametrize(
    "dimension",
    [
        {},
        {
            "ProfileAttributes": {"FirstName": {"DimensionType": "INCLUSIVE", "Values": ["a"]}},
            "CalculatedAttributes": {"c": {"DimensionType": "EQUAL", "Values": ["1"]}},
        },
    ],
    ids=["empty", "double"],
)
def test_dimension_union_is_enforced_by_botocore(
    client: Any, people: People, dimension: Any
) -> None:
    with pytest.raises(botocore.exceptions.ParamValidationError):
        define(client, groups(dimension))


@pytest.mark.parametrize(
    "segment_groups",
    [
        groups(field("FirstName", "INCLUSIVE", *[f"v{i}" for i in range(51)])),
        groups(field("FirstName", "STARTS_WITH", "A")),
        groups(field("BirthDate", "INCLUSIVE", "2020-01-01")),
        groups(field("FirstName", "INCLUSIVE", "x" * 256)),
        {"Include": "SOME", "Groups": SEATTLE["Groups"]},
    ],
    ids=["51-values", "unknown-operator", "string-operator-on-a-date", "long-value", "bad-include"],
)
def test_model_constraints_botocore_lets_through(
    client: Any, people: People, segment_groups: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, segment_groups)


def test_a_65_character_name_is_a_bad_request(client: Any, people: People) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, SEATTLE, "n" * 65)


def test_duplicate_name_and_missing_domain(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, SEATTLE, "vip")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_segment_definition(
            DomainName="nope", SegmentDefinitionName="vip", DisplayName="v", SegmentGroups=SEATTLE
        )


@pytest.mark.parametrize(
    "segment_groups",
    [
        {"Groups": []},
        {"Include": "ALL"},
        groups({"ProfileAttributes": {}}),
        groups({"ProfileAttributes": {"Address": {}}}),
        groups({"ProfileAttributes": {"Attributes": {}}}),
        groups({"CalculatedAttributes": {}}),
        groups(calc("unknown_attr", "EQUAL", "1")),
        groups(attr("ltv", "GREATER_THAN", "{{_calculated_attribute.nope}}")),
        groups(attr("ltv", "GREATER_THAN", "{{_profile.NotAField}}")),
        groups(attr("ltv", "GREATER_THAN", "x{{_profile.FirstName}}")),
        groups(field("BirthDate", "BETWEEN", "2020-01-01")),
        groups(field("BirthDate", "BETWEEN", "next week", "2024-01-01")),
        groups(field("BirthDate", "BETWEEN", "2024-02-01", "2024-01-01")),
        groups(field("BirthDate", "BEFORE", "05/01/1990")),
        groups(attr("ltv", "GREATER_THAN", "1,000")),
        groups(attr("ltv", "EQUAL", "NaN")),
        {"Groups": [{"SourceSegments": [{}]}]},
    ],
    ids=[
        "no-groups", "groups-absent", "empty-profile-attributes", "empty-address",
        "empty-attributes", "empty-calculated", "unknown-calculated", "unknown-calculated-ref",
        "unknown-profile-ref", "partial-ref", "between-one-value", "relative-date",
        "start-after-end", "non-iso-date", "non-decimal-number", "nan", "nameless-source",
    ],
)  # fmt: skip
def test_semantic_rules_are_bad_requests(
    client: Any, people: People, segment_groups: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        define(client, segment_groups)
    assert "Seattle" not in _error(caught)[1]


def test_unsupported_date_values_say_so_without_echoing_them(client: Any, people: People) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        define(client, groups(field("BirthDate", "AFTER", "within the last 2 days")))
    message = _error(caught)[1]
    assert "not supported by the emulator" in message
    assert "within the last" not in message


def test_range_override_bounds(client: Any, people: People) -> None:
    calls_attribute_setup(client)
    for bad in (
        {"Start": 0, "Unit": "DAYS"},
        {"Start": 367, "Unit": "DAYS"},
        {"Start": 5, "End": 367, "Unit": "DAYS"},
    ):
        with pytest.raises(client.exceptions.BadRequestException):
            define(
                client,
                groups(calc("calls", "GREATER_THAN", "1", ConditionOverrides={"Range": bad})),
            )
    define(
        client,
        groups(
            calc(
                "calls",
                "GREATER_THAN",
                "1",
                ConditionOverrides={"Range": {"Start": 366, "End": 0, "Unit": "DAYS"}},
            )
        ),
    )


def calls_attribute_setup(client: Any) -> None:
    call_records(client)
    calls_attribute(client, 30)


def test_source_segments_must_exist_and_be_at_most_five(client: Any, people: People) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "ghost"}]}]})
    names = [define(client, SEATTLE) for _ in range(6)]
    sources = [{"SegmentDefinitionName": n} for n in names]
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, {"Groups": [{"SourceSegments": sources}]})
    define(client, {"Groups": [{"SourceSegments": sources[:5]}]})


def test_nesting_depth_is_limited(client: Any, people: People) -> None:
    previous = define(client, SEATTLE, "s1")
    for level in range(2, 6):
        previous = define(
            client,
            {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": previous}]}]},
            f"s{level}",
        )
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        define(
            client, {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": previous}]}]}, "s6"
        )
    assert "levels deep" in _error(caught)[1]


def test_unique_attribute_limits_count_through_sources(client: Any, people: People) -> None:
    base = define(client, groups(*[attr(f"a{i}", "INCLUSIVE", "x") for i in range(40)]))
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        define(client, groups(*[attr(f"b{i}", "INCLUSIVE", "x") for i in range(21)],
                              SourceSegments=[{"SegmentDefinitionName": base}]))  # fmt: skip
    assert "unique attributes" in _error(caught)[1]
    define(client, groups(*[attr(f"b{i}", "INCLUSIVE", "x") for i in range(20)],
                          SourceSegments=[{"SegmentDefinitionName": base}]))  # fmt: skip


def test_unique_calculated_attribute_limit(client: Any, people: People) -> None:
    call_records(client)
    for i in range(11):
        client.create_calculated_attribute_definition(
            DomainName=D,
            CalculatedAttributeName=f"c{i}",
            AttributeDetails={"Attributes": [{"Name": "id"}], "Expression": "{CallRecord.id}"},
            Statistic="COUNT",
        )
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        define(client, groups(*[calc(f"c{i}", "GREATER_THAN", "0") for i in range(11)]))
    assert "calculated attributes" in _error(caught)[1]
    define(client, groups(*[calc(f"c{i}", "GREATER_THAN", "0") for i in range(10)]))


def test_sql_needs_the_data_store(client: Any, people: People) -> None:
    query = "SELECT ProfileId FROM _profile"
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.create_segment_definition(
            DomainName=D, SegmentDefinitionName="q", DisplayName="q", SegmentSqlQuery=query
        )
    assert "Data store" in _error(caught)[1]
    client.update_domain(DomainName=D, DataStore={"Enabled": True})
    client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="q", DisplayName="q", SegmentSqlQuery=query
    )
    got = client.get_segment_definition(DomainName=D, SegmentDefinitionName="q")
    assert got["SegmentType"] == "ENHANCED"
    assert got["SegmentSqlQuery"] == query
    assert "SegmentGroups" not in got


def test_calculated_sort_attribute_must_exist(client: Any, people: People) -> None:
    sort = {"Attributes": [{"Name": "spend", "Order": "ASC", "Type": "CALCULATED"}]}
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, SEATTLE, SegmentSort=sort)
    define(
        client,
        SEATTLE,
        SegmentSort={"Attributes": [{"Name": "whatever", "Order": "ASC", "Type": "PROFILE"}]},
    )
    with pytest.raises(client.exceptions.BadRequestException):  # model maximum of 10
        define(
            client,
            SEATTLE,
            SegmentSort={"Attributes": [{"Name": f"a{i}", "Order": "ASC"} for i in range(11)]},
        )


def test_delete_leaves_dependants_broken(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    define(client, {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "vip"}]}]}, "vip_plus")
    answer = client.delete_segment_definition(DomainName=D, SegmentDefinitionName="vip")
    assert answer["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_definition(DomainName=D, SegmentDefinitionName="vip")
    assert client.get_segment_definition(DomainName=D, SegmentDefinitionName="vip_plus")[
        "SegmentDefinitionName"
    ]
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        members(client, "vip_plus", people.all)
    assert "vip" in _error(caught)[1]
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_snapshot(
            DomainName=D,
            SegmentDefinitionName="vip_plus",
            DataFormat="CSV",
            DestinationUri="s3://bkt/x",
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_segment_definition(DomainName=D, SegmentDefinitionName="vip")


def test_recreating_a_deleted_source_on_top_of_its_dependant_is_refused(
    client: Any, people: People
) -> None:
    define(client, SEATTLE, "a")
    define(client, {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "a"}]}]}, "b")
    client.delete_segment_definition(DomainName=D, SegmentDefinitionName="a")
    with pytest.raises(client.exceptions.BadRequestException):
        define(client, {"Groups": [{"SourceSegments": [{"SegmentDefinitionName": "b"}]}]}, "a")


def test_paging_definitions(client: Any, people: People) -> None:
    for i in range(7):
        define(client, SEATTLE, f"p{i}")
    pages = []
    token: dict[str, Any] = {}
    while True:
        page = client.list_segment_definitions(DomainName=D, MaxResults=3, **token)
        pages.append([i["SegmentDefinitionName"] for i in page["Items"]])
        if "NextToken" not in page:
            break
        token = {"NextToken": page["NextToken"]}
    assert pages == [["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6"]]
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_segment_definitions(DomainName=D, MaxResults=501)
    paginator = client.get_paginator("list_segment_definitions")
    walked = [
        i["SegmentDefinitionName"]
        for p in paginator.paginate(DomainName=D, PaginationConfig={"PageSize": 2})
        for i in p["Items"]
    ]
    assert walked == [f"p{i}" for i in range(7)]


def test_tags_on_the_definition_arn(client: Any, people: People) -> None:
    arn = client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="vip", DisplayName="v", SegmentGroups=SEATTLE
    )["SegmentDefinitionArn"]
    client.tag_resource(resourceArn=arn, tags={"env": "test"})
    assert client.get_segment_definition(DomainName=D, SegmentDefinitionName="vip")["Tags"] == {
        "env": "test"
    }
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "test"}
    client.untag_resource(resourceArn=arn, tagKeys=["env"])
    assert "Tags" not in client.list_segment_definitions(DomainName=D)["Items"][0]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.tag_resource(resourceArn=arn.replace("/vip", "/ghost"), tags={"a": "b"})


def test_delete_domain_removes_segments(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    client.delete_domain(DomainName=D)
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    assert client.list_segment_definitions(DomainName=D)["Items"] == []


# --------------------------------------------------------------------------- evaluation (2.11)


def test_values_are_case_sensitive_and_ored(client: Any, people: People) -> None:
    assert who(client, people, groups(field("Address.City", "INCLUSIVE", "Seattle", "Boston"))) == {
        "P1"
    }
    assert who(client, people, groups(field("Address.City", "INCLUSIVE", "seattle"))) == {"P2"}


def test_every_operator_is_false_for_a_missing_value(client: Any, people: People) -> None:
    assert who(client, people, groups(field("Address.City", "EXCLUSIVE", "Seattle"))) == {"P2"}
    assert who(client, people, groups(attr("tier", "EXCLUSIVE", "gold"))) == {"P2"}
    assert who(
        client, people, groups(attr("nextVisit", "NOT_BETWEEN", "2000-01-01", "2001-01-01"))
    ) == {"P1"}


def test_substring_operators(client: Any, people: People) -> None:
    assert who(client, people, groups(field("EmailAddress", "ENDS_WITH", "@example.com"))) == {"P1"}
    assert who(client, people, groups(field("FirstName", "CONTAINS", "o"))) == {"P2"}
    assert who(client, people, groups(field("FirstName", "BEGINS_WITH", "a"))) == set()
    assert who(client, people, groups(field("FirstName", "BEGINS_WITH", "A", "C"))) == {"P1", "P3"}


def test_date_operators(client: Any, people: People) -> None:
    assert who(client, people, groups(field("BirthDate", "BEFORE", "1991-01-01"))) == {"P1"}
    assert who(client, people, groups(field("BirthDate", "AFTER", "1990-05-01"))) == set()  # strict
    assert (
        who(client, people, groups(field("BirthDate", "BEFORE", "1990-05-01"))) == set()
    )  # strict
    assert who(client, people, groups(field("BirthDate", "BEFORE", "1990-05-01T00:00:01Z"))) == {
        "P1"
    }
    assert who(client, people, groups(attr("nextVisit", "ON", "2024-10-01T15:00:00Z"))) == {"P1"}
    assert (
        who(client, people, groups(attr("nextVisit", "ON", "2024-10-01T23:30:00-02:00"))) == set()
    )
    assert who(
        client, people, groups(attr("nextVisit", "BETWEEN", "2024-09-01", "2024-10-01"))
    ) == {"P1"}
    assert (
        who(client, people, groups(attr("nextVisit", "NOT_BETWEEN", "2024-09-01", "2024-10-01")))
        == set()
    )
    assert (
        who(
            client,
            people,
            groups(attr("nextVisit", "BETWEEN", "2024-09-01", "2024-09-30T23:59:59Z")),
        )
        == set()
    )


def test_number_operators(client: Any, people: People) -> None:
    assert who(client, people, groups(attr("ltv", "GREATER_THAN", "100"))) == {"P1"}
    assert who(client, people, groups(attr("ltv", "EQUAL", "80.0"))) == {"P2"}
    assert who(client, people, groups(attr("ltv", "LESS_THAN_OR_EQUAL", "80"))) == {"P2"}
    assert who(client, people, groups(attr("ltv", "GREATER_THAN_OR_EQUAL", "1200"))) == {"P1"}
    assert who(client, people, groups(attr("ltv", "LESS_THAN", "80", "1e4"))) == {"P1", "P2"}
    assert who(client, people, groups(attr("tier", "GREATER_THAN", "1"))) == set()
    assert who(client, people, groups(attr("tier", "EQUAL", "1"))) == set()


def test_combinators(client: Any, people: People) -> None:
    city, silver = (
        field("Address.City", "INCLUSIVE", "Seattle"),
        attr("tier", "INCLUSIVE", "silver"),
    )
    assert who(client, people, groups(city, silver, kind="ANY")) == {"P1", "P2"}
    assert who(client, people, groups(city, silver, kind="NONE")) == {"P3"}
    assert who(client, people, groups(city, silver)) == set()  # Type defaults to ALL
    two = {
        "Groups": [
            groups(city)["Groups"][0],
            groups(attr("tier", "INCLUSIVE", "gold"))["Groups"][0],
        ]
    }
    assert who(client, people, {**two, "Include": "ALL"}) == {"P1"}
    assert who(client, people, {**two, "Include": "NONE"}) == {"P2", "P3"}
    assert who(client, people, {**two, "Include": "ANY"}) == {"P1"}
    assert who(client, people, two) == {"P1"}  # Include defaults to ALL


def test_all_fields_of_one_dimension_must_hold(client: Any, people: People) -> None:
    both = {"ProfileAttributes": {
        "FirstName": {"DimensionType": "INCLUSIVE", "Values": ["Ann"]},
        "Attributes": {"tier": {"DimensionType": "INCLUSIVE", "Values": ["silver"]}},
    }}  # fmt: skip
    assert who(client, people, groups(both)) == set()


def test_starting_audiences(client: Any, people: People) -> None:
    a = define(client, groups(attr("tier", "INCLUSIVE", "gold")))
    b = define(client, groups(attr("tier", "INCLUSIVE", "silver")))
    src = [{"SegmentDefinitionName": a}]
    assert who(client, people, groups(SourceSegments=src)) == {"P1"}
    assert who(client, people, groups(SourceSegments=src, SourceType="NONE")) == {"P2", "P3"}
    both = [{"SegmentDefinitionName": a}, {"SegmentDefinitionName": b}]
    assert who(client, people, groups(SourceSegments=both)) == {"P1", "P2"}  # ANY by default
    assert who(client, people, groups(SourceSegments=both, SourceType="ALL")) == set()
    # Sources then filtered by the group's dimensions.
    assert who(
        client, people, groups(field("FirstName", "INCLUSIVE", "bob"), SourceSegments=both)
    ) == {"P2"}
    nested = define(
        client,
        groups(
            SourceSegments=[{"SegmentDefinitionName": define(client, groups(SourceSegments=src))}]
        ),
    )
    assert people.names(members(client, nested, people.all)) == {"P1"}


def test_profile_type(client: Any, people: People) -> None:
    assert who(client, people, groups(field("ProfileType", "INCLUSIVE", "ACCOUNT_PROFILE"))) == {
        "P3"
    }
    assert (
        who(client, people, groups(field("ProfileType", "EXCLUSIVE", "ACCOUNT_PROFILE"))) == set()
    )


def test_gender_string_falls_back_to_the_enum(client: Any, people: People) -> None:
    pid = client.create_profile(DomainName=D, FirstName="Eve", Gender="FEMALE")["ProfileId"]
    name = define(client, groups(field("GenderString", "INCLUSIVE", "FEMALE")))
    assert members(client, name, [pid, *people.all]) == {pid}


def test_calculated_attribute_with_a_range_override(
    backend: Any, client: Any, people: People
) -> None:
    calls_attribute_setup(client)
    client.add_profile_key(DomainName=D, ProfileId=people.p1, KeyName="_account", Values=["A-1"])
    now = START
    for i in range(3):
        put_call(client, f"r{i}", "A-1", now - timedelta(days=10))
    for i in range(2):
        put_call(client, f"o{i}", "A-1", now - timedelta(days=45))
    assert who(client, people, groups(calc("calls", "GREATER_THAN_OR_EQUAL", "4"))) == set()
    override = {"Range": {"Start": 60, "Unit": "DAYS"}}
    assert who(
        client,
        people,
        groups(calc("calls", "GREATER_THAN_OR_EQUAL", "4", ConditionOverrides=override)),
    ) == {"P1"}
    # COUNT is "0" (present) for a profile without calls; the definition itself is unchanged.
    assert who(client, people, groups(calc("calls", "EQUAL", "0"))) == {"P2", "P3"}
    got = client.get_calculated_attribute_for_profile(
        DomainName=D, ProfileId=people.p1, CalculatedAttributeName="calls"
    )
    assert got["Value"] == "3"


def test_dynamic_values_compare_each_profile_with_itself(client: Any, people: People) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p1, Attributes={"floor": "1000"})
    client.update_profile(DomainName=D, ProfileId=people.p2, Attributes={"floor": "100"})
    assert who(
        client, people, groups(attr("ltv", "GREATER_THAN", "{{_profile.Attributes.floor}}"))
    ) == {"P1"}
    assert who(
        client, people, groups(attr("tier", "INCLUSIVE", "{{_profile.Attributes.tier}}"))
    ) == {"P1", "P2"}
    assert who(
        client, people, groups(field("FirstName", "INCLUSIVE", "{{_profile.LastName}}", "bob"))
    ) == {"P2"}


def test_dynamic_calculated_reference(client: Any, people: People) -> None:
    calls_attribute_setup(client)
    client.add_profile_key(DomainName=D, ProfileId=people.p1, KeyName="_account", Values=["A-1"])
    put_call(client, "r1", "A-1", START - timedelta(days=1))
    # ltv > calls: every profile with an ltv and a count (COUNT is present for all).
    assert who(
        client, people, groups(attr("ltv", "GREATER_THAN", "{{_calculated_attribute.calls}}"))
    ) == {"P1", "P2"}
    assert (
        who(client, people, groups(attr("ltv", "LESS_THAN", "{{_calculated_attribute.calls}}")))
        == set()
    )


def test_membership_follows_writes(client: Any, people: People) -> None:
    name = define(client, SEATTLE)
    assert people.names(members(client, name, people.all)) == {"P1"}
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert people.names(members(client, name, people.all)) == {"P1", "P2"}


def test_profiles_not_updated_for_three_years_are_not_members(backend: Any, client: Any) -> None:
    client.create_domain(DomainName=D, DefaultExpirationDays=1098)
    old = client.create_profile(DomainName=D, FirstName="Old")["ProfileId"]
    backend.clock.advance(days=1096)
    new = client.create_profile(DomainName=D, FirstName="New")["ProfileId"]
    name = define(client, groups(field("FirstName", "ENDS_WITH", "ld", "ew")))
    answer = client.get_segment_membership(
        DomainName=D, SegmentDefinitionName=name, ProfileIds=[old, new]
    )
    assert {p["ProfileId"]: p["QueryResult"] for p in answer["Profiles"]} == {
        old: "ABSENT",
        new: "PRESENT",
    }


# --------------------------------------------------------------------------- estimates (3.7)


def test_estimate_lifecycle(client: Any, people: People) -> None:
    created = client.create_segment_estimate(DomainName=D, SegmentQuery=SEATTLE)
    assert len(created["EstimateId"]) == 32
    assert int(created["EstimateId"], 16) >= 0
    assert created["StatusCode"] == 200
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 200
    got = client.get_segment_estimate(DomainName=D, EstimateId=created["EstimateId"])
    assert (got["Status"], got["Estimate"], got["StatusCode"]) == ("SUCCEEDED", "1", 200)
    assert "Message" not in got


def test_estimate_latency_and_frozen_result(backend: Any, client: Any, people: People) -> None:
    backend.set_job_latency("estimate", 30)
    created = client.create_segment_estimate(DomainName=D, SegmentQuery=SEATTLE)
    first = client.get_segment_estimate(DomainName=D, EstimateId=created["EstimateId"])
    assert first["Status"] == "RUNNING"
    assert "Estimate" not in first
    for _ in range(2):
        client.create_profile(DomainName=D, Address={"City": "Seattle"})
    backend.clock.advance(30)
    later = client.get_segment_estimate(DomainName=D, EstimateId=created["EstimateId"])
    assert (later["Status"], later["Estimate"]) == ("SUCCEEDED", "1")
    assert estimate(client, SegmentQuery=SEATTLE)["Status"] == "RUNNING"


def test_estimate_errors(client: Any, people: People) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_estimate(
            DomainName=D, SegmentQuery=SEATTLE, SegmentSqlQuery="SELECT 1"
        )
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_estimate(DomainName=D)
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_segment_estimate(DomainName=D, SegmentQuery={"Groups": []})
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_estimate(DomainName=D, EstimateId="0" * 32)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_segment_estimate(DomainName="nope", SegmentQuery=SEATTLE)


def test_set_job_latency_validates(backend: Any) -> None:
    with pytest.raises(ValueError, match="kind"):
        backend.set_job_latency("export", 1)
    with pytest.raises(ValueError, match=">= 0"):
        backend.set_job_latency("estimate", -1)


# --------------------------------------------------------------------------- membership (3.7)


def test_membership_answer(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    unknown = "a" * 32
    answer = client.get_segment_membership(
        DomainName=D,
        SegmentDefinitionName="vip",
        ProfileIds=[people.p1, people.p2, unknown, people.p1],
    )
    assert answer["Profiles"] == [
        {
            "ProfileId": people.p1,
            "QueryResult": "PRESENT",
            "Profile": answer["Profiles"][0]["Profile"],
        },
        {"ProfileId": people.p2, "QueryResult": "ABSENT"},
    ]
    assert answer["Profiles"][0]["Profile"]["FirstName"] == "Ann"
    assert answer["Profiles"][0]["Profile"]["ProfileId"] == people.p1
    assert answer["Failures"] == [
        {"ProfileId": unknown, "Message": "Profile not found", "Status": 404}
    ]
    assert answer["LastComputedAt"].timestamp() == START.timestamp()


def test_membership_validation(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    with pytest.raises(client.exceptions.BadRequestException):
        client.get_segment_membership(
            DomainName=D, SegmentDefinitionName="vip", ProfileIds=[f"{i:032x}" for i in range(101)]
        )
    with pytest.raises(botocore.exceptions.ParamValidationError):
        client.get_segment_membership(DomainName=D, SegmentDefinitionName="vip", ProfileIds=[])
    with pytest.raises(client.exceptions.BadRequestException):
        client.get_segment_membership(DomainName=D, SegmentDefinitionName="vip", ProfileIds=["zz"])
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_membership(
            DomainName=D, SegmentDefinitionName="ghost", ProfileIds=[people.p1]
        )


# --------------------------------------------------------------------------- snapshots (3.7)


def _snapshot(
    client: Any, name: str, data_format: str = "CSV", uri: str = "s3://exports/vip"
) -> str:
    return str(client.create_segment_snapshot(
        DomainName=D, SegmentDefinitionName=name, DataFormat=data_format, DestinationUri=uri,
        RoleArn="arn:aws:iam::123456789012:role/export",
    )["SnapshotId"])  # fmt: skip


def test_snapshot_csv(backend: Any, client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    snapshot_id = _snapshot(client, "vip")
    assert len(snapshot_id) == 32
    got = client.get_segment_snapshot(
        DomainName=D, SegmentDefinitionName="vip", SnapshotId=snapshot_id
    )
    assert got["Status"] == "COMPLETED"
    assert (got["DataFormat"], got["DestinationUri"]) == ("CSV", "s3://exports/vip")
    assert got["RoleArn"] == "arn:aws:iam::123456789012:role/export"
    objects = backend.exported_objects("s3://exports/vip")
    data = [k for k in objects if k.endswith(".csv")]
    assert data == [f"vip/{snapshot_id}/part-00000.csv"]
    assert objects[f"vip/{snapshot_id}/_test"] == b""
    rows = list(csv.reader(io.StringIO(objects[data[0]].decode("utf-8"))))
    assert rows[0][:2] == ["ProfileId", "FirstName"]
    assert rows[0] == ["ProfileId", "FirstName", "BirthDate", "EmailAddress", "Address.City",
                       "Attributes.ltv", "Attributes.nextVisit", "Attributes.tier"]  # fmt: skip
    assert rows[1:] == [
        [people.p1, "Ann", "1990-05-01", "ann@example.com", "Seattle", "1200", "2024-10-01", "gold"]
    ]
    assert objects[data[0]].endswith(b"\n")
    assert b"\r" not in objects[data[0]]


def test_snapshot_csv_quotes_and_empty_cells(backend: Any, client: Any, people: People) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p2, LastName='O"Neil, jr')
    name = define(client, groups(field("FirstName", "INCLUSIVE", "Ann", "bob")))
    _snapshot(client, name, uri="s3://exports/q")
    body = next(
        v for k, v in backend.exported_objects("s3://exports/q").items() if k.endswith(".csv")
    )
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [r["LastName"] for r in rows] == ["", 'O"Neil, jr']
    assert b'"O""Neil, jr"' in body


def test_empty_snapshot_writes_the_header_only(backend: Any, client: Any, people: People) -> None:
    name = define(client, groups(field("FirstName", "INCLUSIVE", "Nobody")))
    _snapshot(client, name, uri="s3://exports/empty")
    body = next(
        v for k, v in backend.exported_objects("s3://exports/empty").items() if k.endswith(".csv")
    )
    assert body == b"ProfileId\n"


def test_snapshot_jsonl_is_sorted(backend: Any, client: Any, people: People) -> None:
    p4 = client.create_profile(DomainName=D, FirstName="Dee", Address={"City": "Seattle"})[
        "ProfileId"
    ]
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    sort = {"Attributes": [{"Name": "ltv", "Order": "DESC"}]}
    name = define(client, SEATTLE, SegmentSort=sort)
    _snapshot(client, name, "JSONL", "s3://exports/sorted")
    body = next(
        v
        for k, v in backend.exported_objects("s3://exports/sorted").items()
        if k.endswith(".jsonl")
    )
    lines = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    assert [line["ProfileId"] for line in lines] == [people.p1, people.p2, p4]
    assert lines[0]["Attributes"]["ltv"] == "1200"
    ascending = define(
        client,
        SEATTLE,
        SegmentSort={"Attributes": [{"Name": "ltv", "Order": "ASC", "DataType": "NUMBER"}]},
    )
    _snapshot(client, ascending, "JSONL", "s3://exports/asc")
    body = next(
        v for k, v in backend.exported_objects("s3://exports/asc").items() if k.endswith(".jsonl")
    )
    assert [json.loads(x)["ProfileId"] for x in body.decode().splitlines()] == [
        people.p2,
        people.p1,
        p4,
    ]
    as_text = define(
        client,
        SEATTLE,
        SegmentSort={"Attributes": [{"Name": "ltv", "Order": "ASC", "DataType": "STRING"}]},
    )
    _snapshot(client, as_text, "JSONL", "s3://exports/text")
    body = next(
        v for k, v in backend.exported_objects("s3://exports/text").items() if k.endswith(".jsonl")
    )
    assert [json.loads(x)["ProfileId"] for x in body.decode().splitlines()] == [
        people.p1,
        people.p2,
        p4,
    ]


def test_sort_ties_follow_creation_order_and_later_attributes(
    backend: Any, client: Any, people: People
) -> None:
    client.update_profile(
        DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"}, Attributes={"tier": "gold"}
    )
    sort = {
        "Attributes": [{"Name": "tier", "Order": "ASC"}, {"Name": "FirstName", "Order": "DESC"}]
    }
    name = define(client, SEATTLE, SegmentSort=sort)
    _snapshot(client, name, "JSONL", "s3://exports/ties")
    body = next(
        v for k, v in backend.exported_objects("s3://exports/ties").items() if k.endswith(".jsonl")
    )
    # Both gold; FirstName DESC: "bob" > "Ann" (code points).
    assert [json.loads(x)["ProfileId"] for x in body.decode().splitlines()] == [
        people.p2,
        people.p1,
    ]


def test_snapshot_latency_hides_the_objects(backend: Any, client: Any, people: People) -> None:
    backend.set_job_latency("snapshot", 60)
    define(client, SEATTLE, "vip")
    snapshot_id = _snapshot(client, "vip", uri="s3://exports/late")
    got = client.get_segment_snapshot(
        DomainName=D, SegmentDefinitionName="vip", SnapshotId=snapshot_id
    )
    assert got["Status"] == "IN_PROGRESS"
    assert backend.exported_objects("s3://exports/late") == {}
    backend.clock.advance(60)
    assert (
        client.get_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", SnapshotId=snapshot_id
        )["Status"]
        == "COMPLETED"
    )
    assert len(backend.exported_objects("s3://exports/late")) == 2


@pytest.mark.parametrize(
    ("data_format", "uri"),
    [
        ("CSV", None),
        ("CSV", "https://example.com/x"),
        ("CSV", "s3://"),
        ("ORC", "s3://exports/orc"),
    ],
    ids=["no-destination", "https", "no-bucket", "orc"],
)
def test_snapshot_validation(
    client: Any, people: People, data_format: str, uri: str | None
) -> None:
    define(client, SEATTLE, "vip")
    extra = {"DestinationUri": uri} if uri else {}
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.create_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", DataFormat=data_format, **extra
        )
    if data_format == "ORC":
        assert "not supported by the emulator" in _error(caught)[1]


def test_snapshot_quota_per_utc_day(backend: Any, client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    for _ in range(200):
        _snapshot(client, "vip", uri="s3://exports/many")
    with pytest.raises(client.exceptions.BadRequestException):
        _snapshot(client, "vip", uri="s3://exports/many")
    backend.clock.advance(12 * 3600)  # 00:00 UTC of the next day
    _snapshot(client, "vip", uri="s3://exports/many")


def test_snapshot_of_another_definition_is_not_found(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    define(client, SEATTLE, "other")
    snapshot_id = _snapshot(client, "vip")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_snapshot(
            DomainName=D, SegmentDefinitionName="other", SnapshotId=snapshot_id
        )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_segment_snapshot(
            DomainName=D,
            SegmentDefinitionName="ghost",
            DataFormat="CSV",
            DestinationUri="s3://bkt/x",
        )
    client.delete_segment_definition(DomainName=D, SegmentDefinitionName="vip")
    define(client, SEATTLE, "vip")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", SnapshotId=snapshot_id
        )


def test_exports_are_served_by_local_serve(backend: Any, people: People) -> None:
    client = backend.client()
    define(client, SEATTLE, "vip")
    snapshot_id = _snapshot(client, "vip", uri="s3://exports/served")
    with backend.serve() as server:
        key = f"served/{snapshot_id}/part-00000.csv"
        with urllib.request.urlopen(f"{server.url}/_local/exports/exports/{key}") as reply:
            assert reply.status == 200
            assert reply.read() == backend.exported_objects("s3://exports/served")[key]
        with urllib.request.urlopen(f"{server.url}/_local/exports/exports/served/") as reply:
            assert json.loads(reply.read())["Keys"] == sorted(
                backend.exported_objects("s3://exports/served")
            )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(f"{server.url}/_local/exports/exports/served/nothing.csv")
        assert caught.value.code == 404


def test_state_with_segments_survives_a_save_and_load(
    backend: Any, client: Any, people: People, tmp_path: Any
) -> None:
    define(client, SEATTLE, "vip", SegmentSort={"Attributes": [{"Name": "ltv", "Order": "DESC"}]})
    _snapshot(client, "vip", uri="s3://exports/saved")
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend(clock=Clock(start=START))
    other.load_state(path)
    c = other.client()
    assert (
        c.get_segment_definition(DomainName=D, SegmentDefinitionName="vip")["SegmentSort"][
            "Attributes"
        ][0]["Name"]
        == "ltv"
    )
    assert members(c, "vip", people.all) == {people.p1}
    assert other.exported_objects("s3://exports/saved") == backend.exported_objects(
        "s3://exports/saved"
    )


# --------------------------------------------------------------------------- conformance


def _setup(client: Any) -> People:
    people = make_people(client)
    define(client, SEATTLE, "vip")
    return people


CASES: dict[str, tuple[Any, Any, str]] = {
    "CreateSegmentDefinition": (
        lambda c, p: define(c, SEATTLE, "new"),
        lambda c, p: define(c, SEATTLE, "vip"),
        "BadRequestException",
    ),
    "GetSegmentDefinition": (
        lambda c, p: c.get_segment_definition(DomainName=D, SegmentDefinitionName="vip"),
        lambda c, p: c.get_segment_definition(DomainName=D, SegmentDefinitionName="ghost"),
        "ResourceNotFoundException",
    ),
    "ListSegmentDefinitions": (
        lambda c, p: c.list_segment_definitions(DomainName=D, MaxResults=1),
        lambda c, p: c.list_segment_definitions(DomainName=D, NextToken="garbage"),
        "BadRequestException",
    ),
    "DeleteSegmentDefinition": (
        lambda c, p: c.delete_segment_definition(DomainName=D, SegmentDefinitionName="vip"),
        lambda c, p: c.delete_segment_definition(DomainName="nope", SegmentDefinitionName="vip"),
        "ResourceNotFoundException",
    ),
    "CreateSegmentEstimate": (
        lambda c, p: c.create_segment_estimate(DomainName=D, SegmentQuery=SEATTLE),
        lambda c, p: c.create_segment_estimate(DomainName=D, SegmentQuery={"Groups": []}),
        "BadRequestException",
    ),
    "GetSegmentEstimate": (
        lambda c, p: c.get_segment_estimate(
            DomainName=D,
            EstimateId=c.create_segment_estimate(DomainName=D, SegmentQuery=SEATTLE)["EstimateId"],
        ),
        lambda c, p: c.get_segment_estimate(DomainName=D, EstimateId="nope"),
        "ResourceNotFoundException",
    ),
    "GetSegmentMembership": (
        lambda c, p: c.get_segment_membership(
            DomainName=D, SegmentDefinitionName="vip", ProfileIds=[p.p1]
        ),
        lambda c, p: c.get_segment_membership(
            DomainName=D, SegmentDefinitionName="vip", ProfileIds=["zz"]
        ),
        "BadRequestException",
    ),
    "CreateSegmentSnapshot": (
        lambda c, p: _snapshot(c, "vip"),
        lambda c, p: c.create_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", DataFormat="CSV"
        ),
        "BadRequestException",
    ),
    "GetSegmentSnapshot": (
        lambda c, p: c.get_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", SnapshotId=_snapshot(c, "vip")
        ),
        lambda c, p: c.get_segment_snapshot(
            DomainName=D, SegmentDefinitionName="vip", SnapshotId="0" * 32
        ),
        "ResourceNotFoundException",
    ),
}


@pytest.mark.parametrize("operation", list(CASES))
def test_operation_answers_a_conforming_success_and_error(
    backend: Any, client: Any, operation: str
) -> None:
    from tests.local import _conformance

    people = _setup(client)
    valid, invalid, code = CASES[operation]
    before = _conformance.SEEN_SUCCESS[operation]
    backend.reset_calls()
    valid(client, people)
    assert _conformance.SEEN_SUCCESS[operation] > before
    assert backend.calls[-1].operation == operation
    assert backend.calls[-1].status == 200
    _conformance.SEEN_ERROR[operation].discard(code)
    with pytest.raises(getattr(client.exceptions, code)):
        invalid(client, people)
    assert code in _conformance.SEEN_ERROR[operation]
    assert backend.calls[-1].error_code == code
