"""The change feed (``local._changes``): every write path reports each change once.

A recording consumer is subscribed for each test; the calls go through the
conformance-checked boto3 client.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from customer_profiles_sdk.local import _changes
from customer_profiles_sdk.local._changes import Change, ChangeKind

D = "feed"
DAY = 86400.0
ORDER_FIELDS = {
    "orderId": {"Source": "_source.orderId"},
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


@pytest.fixture
def seen() -> Iterator[list[Change]]:
    """The changes the feed delivers during the test, in order."""
    changes: list[Change] = []

    @_changes.subscribe("test-recorder")
    def record(ctx: Any, change: Change) -> None:
        changes.append(change)

    try:
        yield changes
    finally:
        _changes.unsubscribe("test-recorder")


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    return D


def put_order(client: Any, order_id: str, email: str) -> str:
    body = json.dumps({"orderId": order_id, "email": email})
    return str(
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)[
            "ProfileObjectUniqueKey"
        ]
    )


def test_consumers_are_registered_by_the_feature_modules() -> None:
    from customer_profiles_sdk.local._backend import _load_handlers

    _load_handlers()
    names = list(_changes.consumers())
    assert names.index("event-streams") < names.index("event-triggers")


def test_profile_calls_report_one_change_each(client, backend, domain, seen):
    backend.clock.freeze(1_800_000_000)
    pid = client.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=pid, LastName="Lee")
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="loyalty", Values=["A-1"])
    client.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="loyalty", Values=["A-1"])
    client.delete_profile(DomainName=D, ProfileId=pid)
    assert [c.kind for c in seen] == [
        ChangeKind.PROFILE_CREATED,
        ChangeKind.PROFILE_UPDATED,
        ChangeKind.KEY_ADDED,
        ChangeKind.KEY_DELETED,
        ChangeKind.PROFILE_DELETED,
    ]
    assert {c.profile.profile_id for c in seen} == {pid}
    assert [c.operation for c in seen] == [
        "CreateProfile",
        "UpdateProfile",
        "AddProfileKey",
        "DeleteProfileKey",
        "DeleteProfile",
    ]
    assert all(c.at == 1_800_000_000 and not c.by_service for c in seen)
    assert seen[1].profile.fields["LastName"] == "Lee"
    assert (seen[2].key_name, seen[2].key_values) == ("loyalty", ("A-1",))
    assert (seen[3].key_name, seen[3].key_values) == ("loyalty", ("A-1",))
    # The deleted profile's last state travels with the change.
    assert seen[4].profile.fields == {"FirstName": "Ana", "LastName": "Lee"}
    assert pid not in backend.store.region("us-east-1").domains[D].profiles


def test_a_failed_call_reports_nothing(client, domain, seen):
    pid = client.create_profile(DomainName=D, FirstName="Ana")["ProfileId"]
    seen.clear()
    with pytest.raises(client.exceptions.BadRequestException):
        client.update_profile(DomainName=D, ProfileId=pid, FirstName="x" * 256)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile(DomainName=D, ProfileId="f" * 32)
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object="{nope")
    assert seen == []


def test_ingestion_reports_one_change_with_what_it_did(client, domain, seen):
    key = put_order(client, "1", "ana@example.com")
    same_key = put_order(client, "1", "ana@example.com")
    other = put_order(client, "2", "ana@example.com")
    assert key == same_key != other
    assert [c.kind for c in seen] == [ChangeKind.OBJECT_INGESTED] * 3
    first, replaced, second = seen
    assert (first.profile_created, first.object_created) == (True, True)
    assert (replaced.profile_created, replaced.object_created) == (False, False)
    assert (second.profile_created, second.object_created) == (False, True)
    assert first.profile.profile_id == replaced.profile.profile_id == second.profile.profile_id
    assert first.object_type == "Order"
    assert first.object_key == key
    assert json.loads(first.object_body or "") == {"orderId": "1", "email": "ana@example.com"}
    # The inferred profile already holds what the object wrote.
    assert first.profile.fields["EmailAddress"] == "ana@example.com"


def test_a_dead_lettered_object_reports_nothing(client, backend, seen):
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=False,
        Fields=ORDER_FIELDS,
        Keys=ORDER_KEYS,
    )
    put_order(client, "1", "nobody@example.com")
    assert len(backend.dead_letters(D)) == 1
    assert seen == []


def test_object_deletion_and_merge(client, domain, seen):
    key = put_order(client, "1", "ana@example.com")
    main = seen[0].profile.profile_id
    dup = client.create_profile(DomainName=D, FirstName="Dup", LastName="Licate")["ProfileId"]
    client.delete_profile_object(
        DomainName=D, ProfileId=main, ObjectTypeName="Order", ProfileObjectUniqueKey=key
    )
    client.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[dup])
    kinds = [c.kind for c in seen]
    assert kinds == [
        ChangeKind.OBJECT_INGESTED,
        ChangeKind.PROFILE_CREATED,
        ChangeKind.OBJECT_DELETED,
        ChangeKind.PROFILES_MERGED,
    ]
    deleted, merged = seen[2], seen[3]
    assert (deleted.object_type, deleted.object_key) == ("Order", key)
    assert json.loads(deleted.object_body or "")["orderId"] == "1"
    assert merged.profile.profile_id == main
    assert merged.profile.fields["FirstName"] == "Dup"  # the main profile after the merge
    assert [p.profile_id for p in merged.merged] == [dup]
    assert merged.merged[0].fields == {"FirstName": "Dup", "LastName": "Licate"}


def test_expiry_is_reported_at_the_expiry_instant_by_the_service(client, backend, domain, seen):
    backend.clock.freeze(1_800_000_000)
    put_order(client, "1", "ana@example.com")
    profile = seen[0].profile
    seen.clear()
    backend.clock.advance(11 * DAY)
    client.list_profile_object_types(DomainName=D)  # any call of the domain purges
    assert [c.kind for c in seen] == [ChangeKind.PROFILE_EXPIRED]
    (expired,) = seen
    assert expired.by_service
    assert expired.at == 1_800_000_000 + 10 * DAY
    assert expired.profile.profile_id == profile.profile_id
    assert expired.operation == "ListProfileObjectTypes"


def test_an_object_expiring_before_its_profile(client, backend, domain, seen):
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Short",
        Description="short-lived",
        ExpirationDays=1,
        Fields={"id": {"Source": "_source.id"}, **ORDER_FIELDS},
        Keys={
            "shortId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )
    backend.clock.freeze(1_800_000_000)
    pid = client.create_profile(DomainName=D, EmailAddress="ana@example.com")["ProfileId"]
    body = json.dumps({"id": "s1", "email": "ana@example.com"})
    key = client.put_profile_object(DomainName=D, ObjectTypeName="Short", Object=body)[
        "ProfileObjectUniqueKey"
    ]
    seen.clear()
    backend.clock.advance(DAY + 1)
    client.get_domain(DomainName=D)
    # The object set the profile's expiry back to one day too: both go, profile first.
    kinds = [(c.kind, c.profile.profile_id) for c in seen]
    assert kinds == [(ChangeKind.PROFILE_EXPIRED, pid)]
    client.create_profile(DomainName=D, EmailAddress="bo@example.com")
    body = json.dumps({"id": "s2", "email": "bo@example.com"})
    key = client.put_profile_object(DomainName=D, ObjectTypeName="Short", Object=body)[
        "ProfileObjectUniqueKey"
    ]
    bo = seen[-1].profile
    client.update_profile(DomainName=D, ProfileId=bo.profile_id, FirstName="Bo")  # renews it
    seen.clear()
    backend.clock.advance(DAY + 1)
    client.get_domain(DomainName=D)
    assert [(c.kind, c.object_key, c.by_service) for c in seen] == [
        (ChangeKind.OBJECT_EXPIRED, key, True)
    ]
    assert seen[0].profile.profile_id == bo.profile_id
