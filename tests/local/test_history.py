"""Profile history in the emulator (spec identity-history-jobs 3): which write writes
which record, order, filters, paging, errors; through the conformance-checked client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.local._clock import Clock

D = "hist"
DAY = 86400.0
CALLER = "arn:aws:iam::123456789012:user/customer-profiles-local"
ORDER_FIELDS = {
    "orderId": {"Source": "_source.orderId"},
    "total": {"Source": "_source.total", "ContentType": "NUMBER"},
    "email": {
        "Source": "_source.email",
        "ContentType": "EMAIL_ADDRESS",
        "Target": "_profile.EmailAddress",
    },
}
ORDER_KEYS = {
    "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
    "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
}


def _domain(client: Any, **extra: Any) -> None:
    client.create_domain(DomainName=D, DefaultExpirationDays=extra.pop("days", 30), **extra)


def _order_type(client: Any) -> None:
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )


def _history(client: Any, pid: str, **kw: Any) -> list[dict[str, Any]]:
    return client.list_profile_history_records(DomainName=D, ProfileId=pid, **kw)[
        "ProfileHistoryRecords"
    ]


def _code(exc: pytest.ExceptionInfo[ClientError]) -> str:
    return str(exc.value.response["Error"]["Code"])


def test_profile_writes_in_newest_first_order(client: Any) -> None:
    _domain(client)
    pid = client.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Anna")
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=["A-1"])
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=["A-1"])

    records = _history(client, pid)
    assert [r["ActionType"] for r in records] == [
        "DELETED_PROFILE_KEY",
        "ADDED_PROFILE_KEY",
        "UPDATED",
        "CREATED",
    ]
    assert {r["ObjectTypeName"] for r in records} == {"_profile"}
    assert {r["PerformedBy"] for r in records} == {CALLER}
    assert all(r["LastUpdatedAt"] == r["CreatedAt"] for r in records)
    updated = client.get_profile_history_record(DomainName=D, ProfileId=pid, Id=records[2]["Id"])
    assert json.loads(updated["Content"])["FirstName"] == "Anna"
    key_record = client.get_profile_history_record(DomainName=D, ProfileId=pid, Id=records[0]["Id"])
    assert json.loads(key_record["Content"]) == {"KeyName": "_account", "Values": ["A-1"]}


def test_ingestion_that_creates_a_profile_and_filters(client: Any) -> None:
    _domain(client)
    _order_type(client)
    key = client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"orderId": "o-1", "total": 10, "email": "ana@example.com"}),
    )["ProfileObjectUniqueKey"]
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["ana@example.com"])[
        "Items"
    ][0]["ProfileId"]

    records = _history(client, pid)
    assert [(r["ActionType"], r["ObjectTypeName"]) for r in records] == [
        ("INGESTED", "Order"),
        ("CREATED", "_profile"),
    ]
    assert records[0]["ProfileObjectUniqueKey"] == key
    assert "ProfileObjectUniqueKey" not in records[1]
    assert _history(client, pid, ActionType="INGESTED") == [records[0]]
    assert _history(client, pid, ObjectTypeName="Order") == [records[0]]
    assert _history(client, pid, PerformedBy="someone-else") == []
    ingested = client.get_profile_history_record(DomainName=D, ProfileId=pid, Id=records[0]["Id"])
    assert json.loads(ingested["Content"])["orderId"] == "o-1"

    # A second object on the existing profile: INGESTED only, no second CREATED.
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"orderId": "o-2", "total": 20, "email": "ana@example.com"}),
    )
    assert [r["ActionType"] for r in _history(client, pid)] == ["INGESTED", "INGESTED", "CREATED"]


def test_delete_profile_object_is_recorded(client: Any) -> None:
    _domain(client)
    _order_type(client)
    key = client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"orderId": "o-1", "email": "bo@example.com"}),
    )["ProfileObjectUniqueKey"]
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["bo@example.com"])[
        "Items"
    ][0]["ProfileId"]
    client.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=key
    )
    newest = _history(client, pid)[0]
    assert (newest["ActionType"], newest["ObjectTypeName"]) == ("DELETED_BY_CUSTOMER", "Order")
    assert newest["ProfileObjectUniqueKey"] == key


def test_merge_writes_main_and_merged_away_records(client: Any) -> None:
    _domain(client)
    a = client.create_profile(DomainName=D, FirstName="A")["ProfileId"]
    b = client.create_profile(DomainName=D, FirstName="B")["ProfileId"]
    client.merge_profiles(DomainName=D, MainProfileId=a, ProfileIdsToBeMerged=[b])

    main = _history(client, a)[0]
    assert main["ActionType"] == "MERGED"
    content = json.loads(
        client.get_profile_history_record(DomainName=D, ProfileId=a, Id=main["Id"])["Content"]
    )
    assert content["MergedProfileIds"] == [b]
    gone = _history(client, b)
    assert [r["ActionType"] for r in gone] == ["DELETED_BY_MERGE", "CREATED"]
    gone_content = json.loads(
        client.get_profile_history_record(DomainName=D, ProfileId=b, Id=gone[0]["Id"])["Content"]
    )
    assert gone_content["MainProfileId"] == a
    assert gone_content["FirstName"] == "B"
    with pytest.raises(ClientError) as exc:
        client.get_profile_history_record(DomainName=D, ProfileId=a, Id=gone[0]["Id"])
    assert _code(exc) == "ResourceNotFoundException"


def test_expiry_is_recorded_at_the_expiry_instant_by_the_service() -> None:
    clock = Clock(1_700_000_000.0)
    backend = LocalBackend(clock=clock)
    client = backend.client()
    _domain(client, days=1)
    pid = client.create_profile(DomainName=D, FirstName="Exp")["ProfileId"]
    created_at = clock.now()
    clock.advance(days=2)

    newest = _history(client, pid)[0]
    assert newest["ActionType"] == "EXPIRED"
    assert newest["PerformedBy"] == "profile.amazonaws.com"
    assert newest["CreatedAt"].timestamp() == pytest.approx(created_at + DAY)


def test_delete_profile_keeps_history_listable(client: Any) -> None:
    _domain(client)
    pid = client.create_profile(DomainName=D, FirstName="Del", LastName="X")["ProfileId"]
    client.delete_profile(DomainName=D, ProfileId=pid)
    assert client.search_profiles(DomainName=D, KeyName="_profileId", Values=[pid])["Items"] == []
    newest = _history(client, pid)[0]
    assert newest["ActionType"] == "DELETED_BY_CUSTOMER"
    content = json.loads(
        client.get_profile_history_record(DomainName=D, ProfileId=pid, Id=newest["Id"])["Content"]
    )
    assert content["LastName"] == "X"
    assert content["ProfileId"] == pid


def test_validation_not_found_and_paging(client: Any) -> None:
    _domain(client)
    pid = client.create_profile(DomainName=D, FirstName="P")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Q")
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="R")

    with pytest.raises(ClientError) as exc:
        client.list_profile_history_records(DomainName=D, ProfileId=pid, ActionType="ARCHIVED")
    assert _code(exc) == "BadRequestException"
    with pytest.raises(ClientError) as exc:
        _history(client, "f" * 32)
    assert _code(exc) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as exc:
        client.get_profile_history_record(DomainName=D, ProfileId=pid, Id="0" * 32)
    assert _code(exc) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as exc:
        client.list_profile_history_records(DomainName="nope", ProfileId=pid)
    assert _code(exc) == "ResourceNotFoundException"

    first = client.list_profile_history_records(DomainName=D, ProfileId=pid, MaxResults=2)
    assert len(first["ProfileHistoryRecords"]) == 2
    second = client.list_profile_history_records(
        DomainName=D, ProfileId=pid, MaxResults=2, NextToken=first["NextToken"]
    )
    assert len(second["ProfileHistoryRecords"]) == 1
    assert "NextToken" not in second
    actions = [r["ActionType"] for r in first["ProfileHistoryRecords"]]
    actions += [r["ActionType"] for r in second["ProfileHistoryRecords"]]
    assert actions == ["UPDATED", "UPDATED", "CREATED"]


def test_caller_arn_and_recording_switch() -> None:
    backend = LocalBackend()
    client = backend.client()
    _domain(client)
    backend.configure_history(caller_arn="arn:aws:iam::123456789012:role/agent")
    pid = client.create_profile(DomainName=D, FirstName="C")["ProfileId"]
    assert _history(client, pid)[0]["PerformedBy"] == "arn:aws:iam::123456789012:role/agent"
    backend.configure_history(enabled=False)
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="D")
    assert len(_history(client, pid)) == 1


def test_history_survives_a_state_file(tmp_path: Any) -> None:
    backend = LocalBackend()
    client = backend.client()
    _domain(client)
    pid = client.create_profile(DomainName=D, FirstName="S")["ProfileId"]
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend()
    other.load_state(path)
    records = _history(other.client(), pid)
    assert [r["ActionType"] for r in records] == ["CREATED"]


def test_object_expiry_is_recorded_by_the_service() -> None:
    clock = Clock(1_700_000_000.0)
    client = LocalBackend(clock=clock).client()
    _domain(client)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        ExpirationDays=1,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    key = client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"orderId": "o-1", "email": "exp@example.com"}),
    )["ProfileObjectUniqueKey"]
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["exp@example.com"])[
        "Items"
    ][0]["ProfileId"]
    ingested_at = clock.now()
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Kept")  # profile lives on
    clock.advance(days=2)

    expired = _history(client, pid, ActionType="EXPIRED")
    assert len(expired) == 1
    assert expired[0]["ObjectTypeName"] == "Order"
    assert expired[0]["ProfileObjectUniqueKey"] == key
    assert expired[0]["PerformedBy"] == "profile.amazonaws.com"
    assert expired[0]["CreatedAt"].timestamp() == pytest.approx(ingested_at + DAY)


def test_an_ingested_records_content_is_the_object_in_compact_sorted_form(
    tmp_path: Any,
) -> None:
    # The record keeps the body as it was sent and puts it in the records' form (compact,
    # keys sorted, non-ASCII as is) when read: before and after a state file alike.
    backend = LocalBackend()
    client = backend.client()
    _domain(client)
    _order_type(client)
    body = '{ "total" : 10,\n  "orderId": "o-1", "email": "zoë@example.com",'
    body += ' "a": [1, {"y": 2, "x": 1}] }'
    client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["zoë@example.com"])[
        "Items"
    ][0]["ProfileId"]
    expected = '{"a":[1,{"x":1,"y":2}],"email":"zoë@example.com","orderId":"o-1","total":10}'

    def content(of: LocalBackend) -> str:
        listed = _history(of.client(), pid, ActionType="INGESTED")
        record = of.client().get_profile_history_record(
            DomainName=D, ProfileId=pid, Id=listed[0]["Id"]
        )
        return str(record["Content"])

    assert content(backend) == expected
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend()
    other.load_state(path)
    assert content(other) == expected
