"""Event streams: Create/Get/List/DeleteEventStream, the exported records and the sink
hooks (spec/ingestion-streams-triggers.md section 4, scenarios 4.7)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.local._event_streams import DOCUMENTED_DESTINATION_MESSAGES
from tests.local.conftest import conformance_checked
from tests.local.test_server import remote_client

D = "export"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/cp"
STREAM_ARN = f"arn:aws:profile:us-east-1:123456789012:domains/{D}/event-streams/s"
T0 = 1_800_000_000.0


@pytest.fixture
def domain(client: Any, backend: LocalBackend) -> str:
    backend.clock.freeze(T0)
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "orderId": {"Source": "_source.orderId"},
            "email": {
                "Source": "_source.email",
                "ContentType": "EMAIL_ADDRESS",
                "Target": "_profile.EmailAddress",
            },
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    return D


@pytest.fixture
def stream(client: Any, domain: str) -> str:
    client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
    return "s"


def events(backend: LocalBackend, name: str = "s") -> list[dict[str, Any]]:
    """The decoded ``Data`` of every delivered record."""
    return [json.loads(r["Data"]) for r in backend.stream_records(D, name)]


def put_order(client: Any, order_id: str, email: str) -> str:
    body = json.dumps({"orderId": order_id, "email": email})
    return str(
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)[
            "ProfileObjectUniqueKey"
        ]
    )


# --------------------------------------------------------------------------- operations


def test_create_and_get(client, domain):
    out = client.create_event_stream(
        DomainName=D, EventStreamName="s", Uri=KINESIS, Tags={"env": "test"}
    )
    assert out["EventStreamArn"] == STREAM_ARN
    assert out["Tags"] == {"env": "test"}
    got = client.get_event_stream(DomainName=D, EventStreamName="s")
    assert got["DomainName"] == D
    assert got["EventStreamArn"] == STREAM_ARN
    assert got["State"] == "RUNNING"
    assert got["DestinationDetails"] == {"Uri": KINESIS, "Status": "HEALTHY"}
    assert got["CreatedAt"].timestamp() == T0
    assert "EventStreamName" not in got
    assert "StoppedSince" not in got
    assert got["Tags"] == {"env": "test"}


def test_one_stream_per_domain(client, stream):
    for name in ("s2", "s"):
        with pytest.raises(client.exceptions.BadRequestException):
            client.create_event_stream(DomainName=D, EventStreamName=name, Uri=KINESIS)
    items = client.list_event_streams(DomainName=D)["Items"]
    assert [i["EventStreamName"] for i in items] == ["s"]


@pytest.mark.parametrize(
    "uri",
    [
        "arn:aws:sqs:us-east-1:123456789012:q",
        "arn:aws:kinesis:eu-west-1:123456789012:stream/cp",
        "arn:aws:kinesis:us-east-1:210987654321:stream/cp",
        "arn:aws:kinesis:us-east-1:123456789012:stream/",
        "not an arn",
    ],
)
def test_bad_destination(client, domain, uri):
    with pytest.raises(client.exceptions.BadRequestException):
        client.create_event_stream(DomainName=D, EventStreamName="s", Uri=uri)
    assert client.list_event_streams(DomainName=D)["Items"] == []


def test_a_stream_declared_absent_is_refused(client, backend, domain):
    backend.set_kinesis_stream(KINESIS, exists=False)
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
    assert "does not exist" in caught.value.response["Error"]["Message"]
    backend.set_kinesis_stream(KINESIS, exists=True)
    assert client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)


def test_list_summaries(client, stream):
    items = client.list_event_streams(DomainName=D)["Items"]
    assert items == [
        {
            "DomainName": D,
            "EventStreamName": "s",
            "EventStreamArn": STREAM_ARN,
            "State": "RUNNING",
            "DestinationSummary": {"Uri": KINESIS, "Status": "HEALTHY"},
        }
    ]
    paged = client.get_paginator("list_event_streams").paginate(DomainName=D)
    assert [i["EventStreamName"] for page in paged for i in page["Items"]] == ["s"]


def test_delete(client, backend, stream):
    client.create_profile(DomainName=D, FirstName="Ana")
    out = client.delete_event_stream(DomainName=D, EventStreamName="s")
    assert set(out) == {"ResponseMetadata"}
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_event_stream(DomainName=D, EventStreamName="s")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_event_stream(DomainName=D, EventStreamName="s")
    assert client.list_event_streams(DomainName=D)["Items"] == []
    # [A] what was delivered stays readable until cleared; nothing more arrives.
    client.create_profile(DomainName=D, FirstName="Bo")
    assert [e["Object"]["FirstName"] for e in events(backend)] == ["Ana"]
    backend.clear_stream_records(D, "s")
    with pytest.raises(Exception, match="does not exist"):
        backend.stream_records(D, "s")


def test_missing_domain_is_not_found(client):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_event_stream(DomainName="nope", EventStreamName="s", Uri=KINESIS)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_event_streams(DomainName="nope")


def test_name_constraints_are_worded_like_the_service(client, domain):
    with pytest.raises(client.exceptions.BadRequestException) as caught:
        client.create_event_stream(DomainName=D, EventStreamName="s" * 65, Uri=KINESIS)
    assert caught.value.response["Error"]["Message"] == (
        "1 validation error detected: Value at 'eventStreamName' failed to satisfy "
        "constraint: Member must have length less than or equal to 64"
    )


# --------------------------------------------------------------------------- records


def test_profile_created(client, backend, stream):
    pid = client.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
    (record,) = backend.stream_records(D, "s")
    assert record["StreamARN"] == KINESIS
    assert record["PartitionKey"] == pid
    assert record["ApproximateArrivalTimestamp"] == datetime.fromtimestamp(T0, tz=timezone.utc)
    assert isinstance(record["Data"], bytes)
    event = json.loads(record["Data"])
    assert event["SchemaVersion"] == 0
    assert event["EventType"] == "CREATED"
    assert event["ObjectTypeName"] == "_profile"
    assert event["DomainName"] == D
    assert event["AssociatedProfileId"] == pid
    assert event["Object"] == {"ProfileId": pid, "FirstName": "Ana"}
    assert event["IsMessageRealTime"] is True
    assert event["EventTimestamp"] == "2027-01-15T08:00:00.000Z"
    assert len(event["EventId"]) == 36
    assert "ProfileObjectUniqueKey" not in event


def test_object_ingested_on_an_existing_profile(client, backend, stream):
    pid = client.create_profile(DomainName=D, EmailAddress="ana@example.com")["ProfileId"]
    backend.clear_stream_records(D, "s")
    key = put_order(client, "1", "ana@example.com")
    profile_event, object_event = events(backend)
    assert (profile_event["ObjectTypeName"], profile_event["EventType"]) == ("_profile", "UPDATED")
    assert profile_event["AssociatedProfileId"] == pid
    assert profile_event["Object"]["EmailAddress"] == "ana@example.com"
    assert (object_event["ObjectTypeName"], object_event["EventType"]) == ("Order", "CREATED")
    assert object_event["ProfileObjectUniqueKey"] == key
    assert object_event["Object"] == {"orderId": "1", "email": "ana@example.com"}
    assert object_event["AssociatedProfileId"] == pid
    assert profile_event["EventId"] != object_event["EventId"]


def test_ingestion_creating_the_profile_and_reingest(client, backend, stream):
    key = put_order(client, "1", "new@example.com")
    assert put_order(client, "1", "new@example.com") == key
    kinds = [(e["ObjectTypeName"], e["EventType"]) for e in events(backend)]
    assert kinds == [
        ("_profile", "CREATED"),
        ("Order", "CREATED"),
        ("_profile", "UPDATED"),
        ("Order", "UPDATED"),
    ]
    assert events(backend)[3]["ProfileObjectUniqueKey"] == key
    numbers = [r["SequenceNumber"] for r in backend.stream_records(D, "s")]
    assert numbers == sorted(numbers)
    assert len(set(numbers)) == 4


def test_update_exports_the_whole_profile(client, backend, stream):
    pid = client.create_profile(DomainName=D, FirstName="Ana", LastName="Lee")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, Address={"City": "Paris"})
    client.update_profile(DomainName=D, ProfileId=pid)  # [A] no change: still exported
    created, updated, unchanged = events(backend)
    assert created["EventType"] == "CREATED"
    assert updated["EventType"] == "UPDATED"
    assert updated["Object"] == {
        "ProfileId": pid,
        "FirstName": "Ana",
        "LastName": "Lee",
        "Address": {"City": "Paris"},
    }
    assert unchanged["Object"] == updated["Object"]


def test_merge_exports_one_record_and_deletes_none(client, backend, stream):
    main = client.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
    dup = client.create_profile(DomainName=D, FirstName="Ann", LastName="Lee")["ProfileId"]
    backend.clear_stream_records(D, "s")
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[dup])
    (merged,) = events(backend)
    assert merged["EventType"] == "MERGED"
    assert merged["AssociatedProfileId"] == main
    assert merged["Object"]["LastName"] == "Lee"
    assert len(merged["MergeId"]) == 36
    assert merged["DuplicateProfiles"] == [
        {"ProfileId": dup, "FirstName": "Ann", "LastName": "Lee"}
    ]
    client.delete_profile(DomainName=D, ProfileId=main)
    assert len(events(backend)) == 1


def test_deletions_keys_and_expiry_export_nothing(client, backend, stream):
    key = put_order(client, "1", "ana@example.com")
    pid = events(backend)[0]["AssociatedProfileId"]
    backend.clear_stream_records(D, "s")
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="loyalty", Values=["L1"])
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="loyalty", Values=["L1"])
    client.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=key
    )
    client.create_profile(DomainName=D, FirstName="Gone")
    backend.clear_stream_records(D, "s")
    backend.clock.advance(31 * 86400)
    client.search_profiles(DomainName=D, KeyName="_fullName", Values=["Gone"])
    assert backend.stream_records(D, "s") == []


def test_unhealthy_destination_stops_delivery_until_recreated(client, backend, stream):
    message = DOCUMENTED_DESTINATION_MESSAGES[1]
    backend.clock.advance(5)
    backend.set_stream_destination(D, "s", healthy=False, message=message)
    got = client.get_event_stream(DomainName=D, EventStreamName="s")
    assert got["State"] == "STOPPED"
    assert got["StoppedSince"].timestamp() == T0 + 5
    assert got["DestinationDetails"]["Status"] == "UNHEALTHY"
    assert got["DestinationDetails"]["UnhealthySince"].timestamp() == T0 + 5
    assert got["DestinationDetails"]["Message"] == message
    summary = client.list_event_streams(DomainName=D)["Items"][0]
    assert summary["State"] == "STOPPED"
    assert summary["DestinationSummary"]["Status"] == "UNHEALTHY"
    assert "Message" not in summary["DestinationSummary"]
    client.create_profile(DomainName=D, FirstName="Lost")
    backend.set_stream_destination(D, "s", healthy=True)
    got = client.get_event_stream(DomainName=D, EventStreamName="s")
    assert (got["State"], got["DestinationDetails"]["Status"]) == ("STOPPED", "HEALTHY")
    client.create_profile(DomainName=D, FirstName="Lost too")
    assert backend.stream_records(D, "s") == []
    client.delete_event_stream(DomainName=D, EventStreamName="s")
    client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
    assert client.get_event_stream(DomainName=D, EventStreamName="s")["State"] == "RUNNING"
    client.create_profile(DomainName=D, FirstName="Found")
    assert [e["Object"]["FirstName"] for e in events(backend)] == ["Found"]


def test_destination_hook_errors(backend, stream):
    with pytest.raises(ValueError, match="1 to 1000"):
        backend.set_stream_destination(D, "s", healthy=False, message="x" * 1001)
    with pytest.raises(Exception, match="does not exist"):
        backend.set_stream_destination(D, "other", healthy=False)


def test_no_backfill(client, backend, domain):
    client.create_profile(DomainName=D, FirstName="Before")
    put_order(client, "1", "before@example.com")
    client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
    assert backend.stream_records(D, "s") == []


def test_dead_lettered_objects_export_nothing(client, backend, stream):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Strict",
        Description="no creation",
        AllowProfileCreation=False,
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "strictId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    body = json.dumps({"id": "1", "email": "nobody@example.com"})
    client.put_profile_object(DomainName=D, ObjectTypeName="Strict", Object=body)
    assert len(backend.dead_letters(D)) == 1
    assert backend.stream_records(D, "s") == []


def test_records_by_stream_arn(client, backend, stream):
    client.create_profile(DomainName=D, FirstName="Ana")
    assert backend.stream_records(STREAM_ARN) == backend.stream_records(D, "s")
    with pytest.raises(ValueError, match="not an event stream ARN"):
        backend.stream_records("arn:aws:profile:eu-west-1:123456789012:domains/x/event-streams/s")


def test_tags_by_arn(client, stream):
    client.tag_resource(resourceArn=STREAM_ARN, tags={"team": "data"})
    assert client.list_tags_for_resource(resourceArn=STREAM_ARN)["tags"] == {"team": "data"}
    assert client.get_event_stream(DomainName=D, EventStreamName="s")["Tags"] == {"team": "data"}
    client.untag_resource(resourceArn=STREAM_ARN, tagKeys=["team"])
    assert "Tags" not in client.get_event_stream(DomainName=D, EventStreamName="s")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.tag_resource(resourceArn=STREAM_ARN.replace("/s", "/other"), tags={"a": "b"})


def test_delete_domain_removes_streams_and_sinks(client, backend, stream):
    client.create_profile(DomainName=D, FirstName="Ana")
    client.delete_domain(DomainName=D)
    with pytest.raises(Exception, match="does not exist"):
        backend.stream_records(D, "s")
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    assert client.list_event_streams(DomainName=D)["Items"] == []
    with pytest.raises(Exception, match="does not exist"):
        backend.stream_records(D, "s")


# --------------------------------------------------------------------------- server mode


def test_records_through_the_http_server(tmp_path):
    backend = LocalBackend()
    state = tmp_path / "state.json"
    backend.autosave(state)
    with backend.serve() as server:
        remote = conformance_checked(remote_client(server.url))
        remote.create_domain(DomainName=D, DefaultExpirationDays=30)
        remote.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
        pid = remote.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
        (record,) = backend.stream_records(D, "s")
        assert json.loads(record["Data"])["AssociatedProfileId"] == pid
    # `local serve --state FILE` saves the same sinks after every change.
    saved = json.loads(state.read_text(encoding="utf-8"))
    sink = saved["regions"]["us-east-1"]["domains"][D]["stream_records"]["s"]
    assert json.loads(sink[0]["Data"])["Object"] == {"ProfileId": pid, "FirstName": "Ana"}
    restored = LocalBackend()
    restored.load_state(state)
    assert restored.stream_records(D, "s")[0]["Data"] == record["Data"]
    client = conformance_checked(restored.client())
    assert client.get_event_stream(DomainName=D, EventStreamName="s")["State"] == "RUNNING"
