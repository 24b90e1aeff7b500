"""The segments spec's fixture (spec/segments.md 2.11) and small helpers for its tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

D = "seg"
START = datetime(2025, 3, 10, 12, 0, tzinfo=timezone.utc)
STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/seg-events"
ROLE_ARN = "arn:aws:iam::123456789012:role/r"


@dataclass
class People:
    """The fixture's profile ids by name."""

    p1: str
    p2: str
    p3: str

    def names(self, ids: set[str]) -> set[str]:
        by_id = {self.p1: "P1", self.p2: "P2", self.p3: "P3"}
        return {by_id.get(i, i) for i in ids}

    @property
    def all(self) -> list[str]:
        return [self.p1, self.p2, self.p3]


def make_people(client: Any, *, data_store: bool = False) -> People:
    """Domain ``seg`` with P1, P2, P3 of spec 2.11."""
    extra = {"DataStore": {"Enabled": True}} if data_store else {}
    client.create_domain(DomainName=D, DefaultExpirationDays=365, **extra)
    p1 = client.create_profile(
        DomainName=D,
        FirstName="Ann",
        Address={"City": "Seattle"},
        Attributes={"tier": "gold", "ltv": "1200", "nextVisit": "2024-10-01"},
        BirthDate="1990-05-01",
        EmailAddress="ann@example.com",
    )["ProfileId"]
    p2 = client.create_profile(
        DomainName=D,
        FirstName="bob",
        Address={"City": "seattle"},
        Attributes={"tier": "silver", "ltv": "80"},
        BirthDate="05/01/1985",
    )["ProfileId"]
    p3 = client.create_profile(DomainName=D, FirstName="Cid", ProfileType="ACCOUNT_PROFILE")[
        "ProfileId"
    ]
    return People(p1, p2, p3)


def groups(*dimensions: dict[str, Any], kind: str | None = None, **group: Any) -> dict[str, Any]:
    """One audience group of ``dimensions`` (``kind`` = its ``Type``)."""
    body: dict[str, Any] = {"Dimensions": list(dimensions), **group}
    if kind is not None:
        body["Type"] = kind
    return {"Groups": [body]}


def attr(key: str, operator: str, *values: str) -> dict[str, Any]:
    """A custom-attribute dimension."""
    return {
        "ProfileAttributes": {
            "Attributes": {key: {"DimensionType": operator, "Values": list(values)}}
        }
    }


def field(name: str, operator: str, *values: str) -> dict[str, Any]:
    """A standard-field dimension (``Address.City`` for an address part)."""
    spec = {"DimensionType": operator, "Values": list(values)}
    block, _, part = name.partition(".")
    if part:
        return {"ProfileAttributes": {block: {part: spec}}}
    return {"ProfileAttributes": {name: spec}}


def calc(name: str, operator: str, *values: str, **extra: Any) -> dict[str, Any]:
    """A calculated-attribute dimension."""
    return {
        "CalculatedAttributes": {name: {"DimensionType": operator, "Values": list(values), **extra}}
    }


_counter = [0]


def define(
    client: Any, segment_groups: dict[str, Any], name: str | None = None, **extra: Any
) -> str:
    """Create a classic definition; returns its name."""
    if name is None:
        _counter[0] += 1
        name = f"s{_counter[0]}"
    client.create_segment_definition(
        DomainName=D,
        SegmentDefinitionName=name,
        DisplayName=name,
        SegmentGroups=segment_groups,
        **extra,
    )
    return name


def members(client: Any, name: str, ids: list[str]) -> set[str]:
    """The requested ids GetSegmentMembership answers PRESENT for."""
    answer = client.get_segment_membership(DomainName=D, SegmentDefinitionName=name, ProfileIds=ids)
    return {p["ProfileId"] for p in answer["Profiles"] if p["QueryResult"] == "PRESENT"}


def who(client: Any, people: People, segment_groups: dict[str, Any]) -> set[str]:
    """The fixture names a new definition of ``segment_groups`` holds."""
    return people.names(members(client, define(client, segment_groups), people.all))


def estimate(client: Any, **query: Any) -> dict[str, Any]:
    """Create an estimate and read it once."""
    created = client.create_segment_estimate(DomainName=D, **query)
    return dict(client.get_segment_estimate(DomainName=D, EstimateId=created["EstimateId"]))


def call_records(client: Any) -> None:
    """Object type ``CallRecord`` (``callTime``, ``account``) keyed to profiles by account."""
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="CallRecord",
        Description="calls",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "account": {"Source": "_source.account"},
            "callTime": {"Source": "_source.callTime"},
        },
        Keys={
            "callId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_account": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["account"]}],
        },
    )


def put_call(client: Any, call_id: str, account: str, when: datetime) -> None:
    """One ``CallRecord`` object."""
    body = {"id": call_id, "account": account, "callTime": when.strftime("%Y-%m-%dT%H:%M:%SZ")}
    client.put_profile_object(DomainName=D, ObjectTypeName="CallRecord", Object=json.dumps(body))


def calls_attribute(client: Any, days: int) -> None:
    """Calculated attribute ``calls``: COUNT of CallRecord objects within ``days`` days."""
    client.create_calculated_attribute_definition(
        DomainName=D,
        CalculatedAttributeName="calls",
        AttributeDetails={"Attributes": [{"Name": "id"}], "Expression": "{CallRecord.id}"},
        Statistic="COUNT",
        UseHistoricalData=True,
        Conditions={
            "Range": {
                "Value": days,
                "Unit": "DAYS",
                "TimestampSource": "{CallRecord.callTime}",
                "TimestampFormat": "ISO_8601",
            }
        },
    )
