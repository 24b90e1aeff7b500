"""What botocore 1.44 added to segments (spec/segments.md 4, 2.6): membership
subscriptions, their JOINED/LEFT events, the segment stream, and the list operators.

Collected only when the installed botocore model has these operations (conftest.py).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import botocore.exceptions
import pytest

from customer_profiles_sdk.local import Clock, LocalBackend
from tests.local._segment_fixture import (
    ROLE_ARN,
    START,
    STREAM_ARN,
    D,
    People,
    attr,
    calc,
    call_records,
    calls_attribute,
    define,
    field,
    groups,
    make_people,
    put_call,
    who,
)

SEATTLE = groups(field("Address.City", "INCLUSIVE", "Seattle"))
HOUR = 3600


@pytest.fixture
def backend() -> LocalBackend:
    return LocalBackend(clock=Clock(start=START))


@pytest.fixture
def people(client: Any) -> People:
    return make_people(client)


def associate(client: Any) -> None:
    client.associate_stream_for_segments(
        DomainName=D, DestinationArn=STREAM_ARN, DestinationRoleArn=ROLE_ARN
    )


def subscribe(client: Any, name: str, **schedule: Any) -> dict[str, Any]:
    extra = {"ScheduleConfiguration": schedule} if schedule else {}
    return dict(client.put_segment_subscription(DomainName=D, SegmentDefinitionName=name, **extra))


def events(client: Any, name: str) -> list[tuple[str, str, str]]:
    page = client.list_segment_subscription_events(DomainName=D, SegmentDefinitionName=name)
    return [(e["ProfileId"], e["EventType"], e["Event"]) for e in page["Events"]]


@pytest.fixture
def vip(client: Any, people: People) -> str:
    """Segment ``vip`` (City is Seattle: P1), subscribed on an associated stream."""
    define(client, SEATTLE, "vip")
    associate(client)
    subscribe(client, "vip")
    return "vip"


# --------------------------------------------------------------------------- set-up (4.10)


def test_a_subscription_needs_a_stream(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        subscribe(client, "vip")
    assert "stream" in caught.value.response["Error"]["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_stream_for_segments(DomainName=D)


def test_association(client: Any, people: People) -> None:
    assert (
        client.associate_stream_for_segments(
            DomainName=D, DestinationArn=STREAM_ARN, DestinationRoleArn=ROLE_ARN
        )["ResponseMetadata"]["HTTPStatusCode"]
        == 200
    )
    got = client.get_stream_for_segments(DomainName=D)
    assert (got["State"], got["AssociatedSegments"], got["DestinationArn"]) == (
        "RUNNING",
        [],
        STREAM_ARN,
    )
    assert got["DestinationRoleArn"] == ROLE_ARN
    assert got["AssociatedAt"].timestamp() == START.timestamp()
    assert "DisassociatedAt" not in got
    with pytest.raises(client.exceptions.BadRequestException):
        associate(client)


@pytest.mark.parametrize(
    ("arn", "role"),
    [
        (STREAM_ARN, "role/r"),
        ("arn:aws:sqs:us-east-1:123456789012:queue", ROLE_ARN),
        ("stream/x", ROLE_ARN),
    ],
    ids=["role-pattern", "not-kinesis", "not-an-arn"],
)
def test_association_validation(client: Any, people: People, arn: str, role: str) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        client.associate_stream_for_segments(
            DomainName=D, DestinationArn=arn, DestinationRoleArn=role
        )


def test_subscription_defaults(backend: Any, client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    associate(client)
    put = subscribe(client, "vip")
    assert put["Status"] == "STARTING"
    assert put["ScheduleConfiguration"] == {"Interval": 24, "Unit": "HOURLY"}
    assert put["StartedAt"].timestamp() == START.timestamp()
    got = client.get_segment_subscription(DomainName=D, SegmentDefinitionName="vip")
    assert got["Status"] == "RUNNING"
    assert got["ScheduledExecutions"]["NextExecutedAt"].timestamp() == START.timestamp() + 24 * HOUR
    assert "LastExecutedAt" not in got["ScheduledExecutions"]
    assert "Message" not in got
    stream = client.get_stream_for_segments(DomainName=D)
    assert stream["AssociatedSegments"] == [{"SegmentName": "vip", "Status": "RUNNING"}]
    assert subscribe(client, "vip", Interval=3)["ScheduleConfiguration"] == {
        "Interval": 3,
        "Unit": "HOURLY",
    }


def test_interval_bounds(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    associate(client)
    with pytest.raises(botocore.exceptions.ParamValidationError):
        subscribe(client, "vip", Interval=0)
    with pytest.raises(client.exceptions.BadRequestException):
        subscribe(client, "vip", Interval=25)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        subscribe(client, "ghost")


def test_subscription_latency(backend: Any, client: Any, people: People) -> None:
    backend.set_job_latency("subscription", 120)
    define(client, SEATTLE, "vip")
    associate(client)
    subscribe(client, "vip")
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName="vip")["Status"]
        == "STARTING"
    )
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, "vip") == []  # no events while STARTING
    backend.clock.advance(120)
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName="vip")["Status"]
        == "RUNNING"
    )
    assert events(client, "vip") == []  # the change was absorbed by the initial snapshot
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Boston"})
    assert events(client, "vip") == [(people.p2, "LIVE", "LEFT")]


# --------------------------------------------------------------------------- events (4.10)


def test_live_join_and_leave(backend: Any, client: Any, people: People, vip: str) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, vip) == [(people.p2, "LIVE", "JOINED")]
    backend.clock.advance(10)
    client.delete_profile(DomainName=D, ProfileId=people.p1)
    assert events(client, vip) == [(people.p1, "LIVE", "LEFT"), (people.p2, "LIVE", "JOINED")]
    listed = client.list_segment_subscription_events(DomainName=D, SegmentDefinitionName=vip)[
        "Events"
    ]
    assert listed[0]["UpdatedAt"].timestamp() == START.timestamp() + 10
    records = backend.segment_stream_records(D)
    assert [
        (r["ProfileId"], r["OperationType"], r["SegmentType"], r["EventType"])
        for r in records["Records"]
    ] == [
        (people.p2, "JOINED", "CLASSIC", "LIVE"),
        (people.p1, "LEFT", "CLASSIC", "LIVE"),
    ]
    first = records["Records"][0]
    assert (first["AccountId"], first["DomainName"], first["SegmentDefinitionName"]) == (
        "123456789012",
        D,
        vip,
    )
    assert first["MembershipCalculatedAt"] == int(START.timestamp())
    assert records["Records"][1]["MembershipCalculatedAt"] == int(START.timestamp()) + 10
    assert records["Records"][1]["PreviousMembershipChangedAt"] == int(START.timestamp())
    assert records["Metrics"][vip] == {
        "ProfilesJoined": 1,
        "ProfilesLeft": 1,
        "NotificationsFailed": 0,
        "ScheduledRunsSucceeded": 0,
    }


def test_previous_change_time_is_the_last_change(
    backend: Any, client: Any, people: People, vip: str
) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    backend.clock.advance(100)
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Boston"})
    last = backend.segment_stream_records(D)["Records"][-1]
    assert (last["OperationType"], last["PreviousMembershipChangedAt"]) == (
        "LEFT",
        int(START.timestamp()),
    )
    assert last["MembershipCalculatedAt"] == int(START.timestamp()) + 100


def test_no_event_without_a_change(client: Any, people: People, vip: str) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p1, FirstName="Anne")
    client.update_profile(DomainName=D, ProfileId=people.p3, FirstName="Cyd")
    assert events(client, vip) == []


def test_initial_snapshot_is_silent(client: Any, people: People) -> None:
    for _ in range(2):
        client.create_profile(DomainName=D, Address={"City": "Seattle"})
    define(client, SEATTLE, "vip")
    associate(client)
    subscribe(client, "vip")
    assert events(client, "vip") == []


def test_live_events_reach_segments_through_their_sources(client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    define(
        client,
        groups(
            field("FirstName", "BEGINS_WITH", "b"),
            SourceSegments=[{"SegmentDefinitionName": "vip"}],
        ),
        "vip_b",
    )
    associate(client)
    subscribe(client, "vip_b")
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, "vip_b") == [(people.p2, "LIVE", "JOINED")]


def test_objects_and_new_profiles_trigger_live_events(
    backend: Any, client: Any, people: People
) -> None:
    call_records(client)
    calls_attribute(client, 30)
    define(client, groups(calc("calls", "GREATER_THAN_OR_EQUAL", "1")), "callers")
    associate(client)
    subscribe(client, "callers")
    client.add_profile_key(DomainName=D, ProfileId=people.p1, KeyName="_account", Values=["A-1"])
    put_call(client, "c1", "A-1", START - timedelta(hours=2))
    assert events(client, "callers") == [(people.p1, "LIVE", "JOINED")]
    # An object that creates its (inferred) profile: a new member at once.
    put_call(client, "c2", "B-7", START - timedelta(hours=1))
    newest = events(client, "callers")[0]
    assert newest[1:] == ("LIVE", "JOINED")
    assert newest[0] not in people.all
    objects = client.list_profile_objects(
        DomainName=D, ObjectTypeName="CallRecord", ProfileId=people.p1
    )["Items"]
    client.delete_profile_object(
        DomainName=D, ProfileId=people.p1, ObjectTypeName="CallRecord",
        ProfileObjectUniqueKey=objects[0]["ProfileObjectUniqueKey"],
    )  # fmt: skip
    assert events(client, "callers")[0] == (people.p1, "LIVE", "LEFT")


def test_merge_moves_membership(client: Any, people: People, vip: str) -> None:
    client.merge_profiles(DomainName=D, MainProfileId=people.p3, ProfileIdsToBeMerged=[people.p1])
    # P3 takes P1's address (it had none) and P1 is gone.
    assert set(events(client, vip)) == {(people.p3, "LIVE", "JOINED"), (people.p1, "LIVE", "LEFT")}


def test_expiry_purge_is_a_live_change(backend: Any, client: Any) -> None:
    client.create_domain(DomainName=D, DefaultExpirationDays=2)
    pid = client.create_profile(DomainName=D, Address={"City": "Seattle"})["ProfileId"]
    define(client, SEATTLE, "vip")
    associate(client)
    subscribe(client, "vip", Interval=24)
    backend.clock.advance(days=3)
    client.list_segment_definitions(DomainName=D)
    found = events(client, "vip")
    assert (pid, "LEFT") in {(p, e) for p, _, e in found}


def test_scheduled_run_catches_time_driven_changes(
    backend: Any, client: Any, people: People
) -> None:
    call_records(client)
    calls_attribute(client, 1)
    client.add_profile_key(DomainName=D, ProfileId=people.p1, KeyName="_account", Values=["A-1"])
    put_call(client, "c1", "A-1", START - timedelta(hours=2))
    define(client, groups(calc("calls", "GREATER_THAN_OR_EQUAL", "1")), "recent")
    associate(client)
    subscribe(client, "recent", Interval=1)
    t0 = START.timestamp()
    backend.clock.advance(25 * HOUR)
    listed = client.list_segment_subscription_events(DomainName=D, SegmentDefinitionName="recent")[
        "Events"
    ]
    assert [(e["ProfileId"], e["EventType"], e["Event"]) for e in listed] == [
        (people.p1, "SCHEDULE", "LEFT")
    ]
    assert listed[0]["UpdatedAt"].timestamp() == t0 + 25 * HOUR
    executions = client.get_segment_subscription(DomainName=D, SegmentDefinitionName="recent")[
        "ScheduledExecutions"
    ]
    assert executions["LastExecutedAt"].timestamp() == t0 + 25 * HOUR
    assert executions["NextExecutedAt"].timestamp() == t0 + 26 * HOUR
    metrics = backend.segment_stream_records(D)["Metrics"]["recent"]
    assert metrics["ScheduledRunsSucceeded"] == 1
    assert metrics["ProfilesLeft"] == 1


def test_schedule_stays_on_its_grid_and_runs_once(
    backend: Any, client: Any, people: People, vip: str
) -> None:
    subscribe(client, vip, Interval=2)
    backend.clock.advance(7 * HOUR)  # instants 2, 4 and 6 h passed: one run
    assert backend.run_segment_schedules(D) == 1
    executions = client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)[
        "ScheduledExecutions"
    ]
    assert executions["NextExecutedAt"].timestamp() == START.timestamp() + 8 * HOUR
    assert backend.run_segment_schedules(D) == 0
    assert backend.run_segment_schedules(D, force=True) == 1
    assert backend.segment_stream_records(D)["Metrics"][vip]["ScheduledRunsSucceeded"] == 2


def test_subscription_limit(client: Any, people: People) -> None:
    associate(client)
    for i in range(10):
        subscribe(client, define(client, SEATTLE, f"s{i:02d}"))
    with pytest.raises(client.exceptions.BadRequestException):
        subscribe(client, define(client, SEATTLE, "s10"))
    subscribe(client, "s03", Interval=2)  # an update of an existing one is fine


def test_disassociate_stops_everything(backend: Any, client: Any, people: People, vip: str) -> None:
    answer = client.disassociate_stream_for_segments(DomainName=D)
    assert answer["Message"]
    sub = client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)
    assert sub["Status"] == "STOPPED"
    assert sub["Message"]
    stream = client.get_stream_for_segments(DomainName=D)
    assert stream["State"] == "STOPPED"
    assert stream["DisassociatedAt"].timestamp() == START.timestamp()
    assert stream["AssociatedSegments"][0]["Status"] == "STOPPED"
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, vip) == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.disassociate_stream_for_segments(DomainName=D)
    with pytest.raises(client.exceptions.BadRequestException):
        subscribe(client, vip)  # the stream is stopped
    associate(client)  # a stopped association is replaced
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)["Status"]
        == "STOPPED"
    )
    assert subscribe(client, vip)["Status"] == "STARTING"  # restarted with a new snapshot
    client.update_profile(DomainName=D, ProfileId=people.p1, Address={"City": "Boston"})
    assert events(client, vip) == [(people.p1, "LIVE", "LEFT")]


def test_unhealthy_stream_fails_subscriptions(
    backend: Any, client: Any, people: People, vip: str
) -> None:
    backend.set_segment_stream_health(D, False, "AccessDenied on PutRecords")
    stream = client.get_stream_for_segments(DomainName=D)
    assert (stream["State"], stream["FailureReason"]) == ("UNHEALTHY", "AccessDenied on PutRecords")
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)["Status"]
        == "FAILED"
    )
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, vip) == []
    assert backend.segment_stream_records(D)["Metrics"][vip]["NotificationsFailed"] == 1
    assert backend.segment_stream_records(D)["Records"] == []
    backend.set_segment_stream_health(D, True)
    assert client.get_stream_for_segments(DomainName=D)["State"] == "RUNNING"
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)["Status"]
        == "FAILED"
    )
    assert subscribe(client, vip)["Status"] == "STARTING"
    assert (
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)["Status"]
        == "RUNNING"
    )


def test_deleted_source_fails_the_subscription(backend: Any, client: Any, people: People) -> None:
    define(client, SEATTLE, "vip")
    define(client, groups(SourceSegments=[{"SegmentDefinitionName": "vip"}]), "plus")
    associate(client)
    subscribe(client, "plus")
    client.delete_segment_definition(DomainName=D, SegmentDefinitionName="vip")
    assert backend.run_segment_schedules(D, force=True) == 0
    sub = client.get_segment_subscription(DomainName=D, SegmentDefinitionName="plus")
    assert sub["Status"] == "FAILED"
    assert "vip" in sub["Message"]


def test_delete_subscription(client: Any, people: People, vip: str) -> None:
    assert client.delete_segment_subscription(DomainName=D, SegmentDefinitionName=vip)["Message"]
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_segment_subscription_events(DomainName=D, SegmentDefinitionName=vip)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_segment_subscription(DomainName=D, SegmentDefinitionName=vip)
    assert client.get_stream_for_segments(DomainName=D)["AssociatedSegments"] == []


def test_deleting_the_definition_deletes_its_subscription(
    client: Any, people: People, vip: str
) -> None:
    client.delete_segment_definition(DomainName=D, SegmentDefinitionName=vip)
    assert client.get_stream_for_segments(DomainName=D)["AssociatedSegments"] == []
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    define(client, SEATTLE, vip)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_segment_subscription(DomainName=D, SegmentDefinitionName=vip)


def test_event_paging_newest_first(backend: Any, client: Any, people: People, vip: str) -> None:
    ids = []
    for _ in range(125):
        backend.clock.advance(1)
        pid = client.create_profile(DomainName=D, Address={"City": "Seattle"})["ProfileId"]
        ids.append(pid)
        backend.clock.advance(1)
        client.update_profile(DomainName=D, ProfileId=pid, Address={"City": "Boston"})
    first = client.list_segment_subscription_events(
        DomainName=D, SegmentDefinitionName=vip, MaxResults=100
    )
    assert len(first["Events"]) == 100
    assert (first["Events"][0]["ProfileId"], first["Events"][0]["Event"]) == (ids[-1], "LEFT")
    assert (first["Events"][1]["ProfileId"], first["Events"][1]["Event"]) == (ids[-1], "JOINED")
    paginator = client.get_paginator("list_segment_subscription_events")
    pages = [
        len(p["Events"])
        for p in paginator.paginate(
            DomainName=D, SegmentDefinitionName=vip, PaginationConfig={"PageSize": 100}
        )
    ]
    assert pages == [100, 100, 50]
    walked = [
        e for p in paginator.paginate(DomainName=D, SegmentDefinitionName=vip) for e in p["Events"]
    ]
    times = [e["UpdatedAt"] for e in walked]
    assert times == sorted(times, reverse=True)


# --------------------------------------------------------------------------- list operators (2.6)


def test_list_operators(client: Any, people: People) -> None:
    client.update_profile(DomainName=D, ProfileId=people.p1, Attributes={"tags": '["vip","nl"]'})
    client.update_profile(DomainName=D, ProfileId=people.p2, Attributes={"tags": "nl"})
    assert who(client, people, groups(attr("tags", "LIST_CONTAINS", "nl", "de"))) == {"P1", "P2"}
    assert who(client, people, groups(attr("tags", "LIST_CONTAINS_ALL", "nl", "de"))) == set()
    assert who(client, people, groups(attr("tags", "LIST_CONTAINS_ALL", "vip", "nl"))) == {"P1"}
    assert who(client, people, groups(attr("tags", "LIST_CONTAINS", "NL"))) == set()


# --------------------------------------------------------------------------- conformance


CASES: dict[str, tuple[Any, Any, str]] = {
    "AssociateStreamForSegments": (
        lambda c, p: client_call(c, "disassociate_stream_for_segments") or associate(c),
        lambda c, p: associate(c),
        "BadRequestException",
    ),
    "GetStreamForSegments": (
        lambda c, p: c.get_stream_for_segments(DomainName=D),
        lambda c, p: c.get_stream_for_segments(DomainName="nope"),
        "ResourceNotFoundException",
    ),
    "DisassociateStreamForSegments": (
        lambda c, p: c.disassociate_stream_for_segments(DomainName=D),
        lambda c, p: c.disassociate_stream_for_segments(DomainName="nope"),
        "ResourceNotFoundException",
    ),
    "PutSegmentSubscription": (
        lambda c, p: subscribe(c, "vip", Interval=5),
        lambda c, p: subscribe(c, "vip", Interval=25),
        "BadRequestException",
    ),
    "GetSegmentSubscription": (
        lambda c, p: c.get_segment_subscription(DomainName=D, SegmentDefinitionName="vip"),
        lambda c, p: c.get_segment_subscription(DomainName=D, SegmentDefinitionName="ghost"),
        "ResourceNotFoundException",
    ),
    "DeleteSegmentSubscription": (
        lambda c, p: c.delete_segment_subscription(DomainName=D, SegmentDefinitionName="vip"),
        lambda c, p: c.delete_segment_subscription(DomainName=D, SegmentDefinitionName="ghost"),
        "ResourceNotFoundException",
    ),
    "ListSegmentSubscriptionEvents": (
        lambda c, p: c.list_segment_subscription_events(
            DomainName=D, SegmentDefinitionName="vip", MaxResults=1
        ),
        lambda c, p: c.list_segment_subscription_events(
            DomainName=D, SegmentDefinitionName="vip", NextToken="bad"
        ),
        "BadRequestException",
    ),
}


def client_call(c: Any, method: str) -> None:
    getattr(c, method)(DomainName=D)


@pytest.mark.parametrize("operation", list(CASES))
def test_operation_answers_a_conforming_success_and_error(
    backend: Any, client: Any, people: People, vip: str, operation: str
) -> None:
    from tests.local import _conformance

    client.update_profile(
        DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"}
    )  # an event
    valid, invalid, code = CASES[operation]
    before = _conformance.SEEN_SUCCESS[operation]
    valid(client, people)
    assert _conformance.SEEN_SUCCESS[operation] > before
    assert backend.calls[-1].status == 200
    _conformance.SEEN_ERROR[operation].discard(code)
    with pytest.raises(getattr(client.exceptions, code)):
        invalid(client, people)
    assert code in _conformance.SEEN_ERROR[operation]
    assert backend.calls[-1].error_code == code


# --------------------------------------------------------------------------- SQL segments


def test_sql_subscriptions_get_schedule_events_only() -> None:
    backend = LocalBackend(clock=Clock(start=START), sql_segments="sqlite")
    client = backend.client()
    people = make_people(client, data_store=True)
    query = "SELECT ProfileId FROM _profile WHERE Address.City = 'Seattle'"
    client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="sql_vip", DisplayName="s", SegmentSqlQuery=query
    )
    associate(client)
    subscribe(client, "sql_vip", Interval=1)
    client.update_profile(DomainName=D, ProfileId=people.p2, Address={"City": "Seattle"})
    assert events(client, "sql_vip") == []  # no LIVE events for SQL segments
    backend.clock.advance(HOUR)
    assert events(client, "sql_vip") == [(people.p2, "SCHEDULE", "JOINED")]
    record = backend.segment_stream_records(D)["Records"][-1]
    assert (record["SegmentType"], record["EventType"]) == ("ENHANCED", "SCHEDULE")


def test_sql_subscription_is_refused_without_an_evaluator(client: Any) -> None:
    make_people(client, data_store=True)
    client.create_segment_definition(
        DomainName=D, SegmentDefinitionName="sql_vip", DisplayName="s",
        SegmentSqlQuery="SELECT ProfileId FROM _profile",
    )  # fmt: skip
    associate(client)
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        subscribe(client, "sql_vip")
    assert "not supported by the emulator" in caught.value.response["Error"]["Message"]
