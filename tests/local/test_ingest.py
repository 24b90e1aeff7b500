"""Profile objects (spec 7): PutProfileObject key resolution and normalisation, standard
objects, ListProfileObjects, DeleteProfileObject, templates, expiration and errors."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

import pytest

from customer_profiles_sdk.local import LocalBackend, _ingest
from tests.local.conftest import conformance_checked

D = "ingest"
DAY = 86400


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    return D


# --------------------------------------------------------------------------- helpers


def f(source: str, target: str | None = None, content_type: str | None = None) -> dict[str, str]:
    """One field definition reading ``_source.<source>``."""
    field = {"Source": f"_source.{source}"}
    if target:
        field["Target"] = target
    if content_type:
        field["ContentType"] = content_type
    return field


def k(*names: str, ids: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """One key entry."""
    return [{"StandardIdentifiers": list(ids), "FieldNames": list(names)}]


def put_type(
    client: Any,
    name: str,
    fields: dict[str, Any],
    keys: dict[str, Any],
    **kwargs: Any,
) -> dict[str, Any]:
    return client.put_profile_object_type(
        DomainName=D, ObjectTypeName=name, Description="t", Fields=fields, Keys=keys, **kwargs
    )


def put(client: Any, type_name: str, obj: dict[str, Any]) -> str:
    out = client.put_profile_object(DomainName=D, ObjectTypeName=type_name, Object=json.dumps(obj))
    return str(out["ProfileObjectUniqueKey"])


def search(client: Any, key: str, *values: str) -> list[str]:
    out = client.search_profiles(DomainName=D, KeyName=key, Values=list(values))
    return [p["ProfileId"] for p in out["Items"]]


def profile(client: Any, pid: str) -> dict[str, Any]:
    items = client.search_profiles(DomainName=D, KeyName="_profileId", Values=[pid])["Items"]
    assert len(items) == 1
    return dict(items[0])


def objects(client: Any, type_name: str, pid: str, **kwargs: Any) -> list[dict[str, Any]]:
    out = client.list_profile_objects(
        DomainName=D, ObjectTypeName=type_name, ProfileId=pid, **kwargs
    )
    return [{**item, "Object": json.loads(item["Object"])} for item in out["Items"]]


def all_profiles(backend: LocalBackend) -> list[str]:
    return list(backend.store.region("us-east-1").domains[D].profiles)


def order_type(client: Any, **kwargs: Any) -> None:
    """``Order``: UNIQUE ``orderNo``, PROFILE ``_account``; no profile creation."""
    put_type(
        client,
        "Order",
        {"orderNo": f("orderNo"), "account": f("account"), "total": f("total")},
        {"orderNo": k("orderNo", ids=("UNIQUE",)), "_account": k("account", ids=("PROFILE",))},
        **kwargs,
    )


# --------------------------------------------------------------------------- PROFILE / UNIQUE


def test_profile_key_attaches_to_existing_profile(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    key = put(client, "Order", {"orderNo": "o1", "account": "A-1", "total": 5})
    items = objects(client, "Order", pid)
    assert items == [
        {
            "ObjectTypeName": "Order",
            "ProfileObjectUniqueKey": key,
            "Object": {"orderNo": "o1", "account": "A-1", "total": 5},
        }
    ]
    # The UNIQUE value is stored as a searchable key (spec 13.4).
    assert search(client, "orderNo", "o1") == [pid]


def test_unique_key_is_deterministic_sha256(client, domain):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    key = put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    digest = hashlib.sha256(b"Order\x00o1").digest()
    assert key == base64.b64encode(digest).decode()


def test_unique_replacement_replaces_object_wholesale(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    first = put(client, "Order", {"orderNo": "o1", "account": "A-1", "total": 5})
    other = put(client, "Order", {"orderNo": "o2", "account": "A-1"})
    second = put(client, "Order", {"orderNo": "o1", "account": "A-1", "note": "x"})
    assert first == second
    assert other != first
    items = objects(client, "Order", pid)
    # [A] a replacement counts as a fresh ingestion, so it now lists last.
    assert [i["ProfileObjectUniqueKey"] for i in items] == [other, first]
    assert items[1]["Object"] == {"orderNo": "o1", "account": "A-1", "note": "x"}


def test_unique_replacement_keeps_original_profile(client, domain):
    """Ambiguity #24: a re-ingested UNIQUE value stays on its profile."""
    p1 = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    p2 = client.create_profile(DomainName=D, AccountNumber="A-2")["ProfileId"]
    order_type(client)
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    put(client, "Order", {"orderNo": "o1", "account": "A-2"})
    assert len(objects(client, "Order", p1)) == 1
    assert objects(client, "Order", p2) == []


def test_multi_field_unique_key_accepts_partially_missing_parts(client, domain):
    """Ambiguity #26: only an all-empty UNIQUE key is rejected."""
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Line",
        {"order": f("order"), "line": f("line"), "account": f("account")},
        {
            "lineKey": k("order", "line", ids=("UNIQUE",)),
            "_account": k("account", ids=("PROFILE",)),
        },
    )
    put(client, "Line", {"order": "o1", "account": "A-1"})
    put(client, "Line", {"order": "o1", "line": "2", "account": "A-1"})
    assert len(objects(client, "Line", pid)) == 2
    # Multi-field keys join the normalized parts with "_" [A].
    assert search(client, "lineKey", "o1_2") == [pid]
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Line", {"account": "A-1"})


def test_primary_keys_tried_before_secondary(client, domain):
    by_email = client.create_profile(DomainName=D, EmailAddress="ann@example.com")["ProfileId"]
    by_alt = client.create_profile(DomainName=D)["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=by_alt, KeyName="altId", Values=["X"])
    # The secondary key is declared first: passes, not declaration order, decide.
    put_type(
        client,
        "Ticket",
        {"alt": f("alt"), "email": f("email", content_type="EMAIL_ADDRESS"), "id": f("id")},
        {
            "altId": k("alt", ids=("PROFILE", "SECONDARY")),
            "_email": k("email", ids=("PROFILE",)),
            "ticketId": k("id", ids=("UNIQUE",)),
        },
    )
    put(client, "Ticket", {"id": "1", "email": "ann@example.com", "alt": "X"})
    assert len(objects(client, "Ticket", by_email)) == 1
    assert objects(client, "Ticket", by_alt) == []
    # Both keys were stored on the profile found: altId X is now ambiguous.
    assert search(client, "altId", "X") == [by_email, by_alt]
    client.delete_profile_key(DomainName=D, ProfileId=by_email, KeyName="altId", Values=["X"])
    # Primary key finds nothing -> the secondary key decides.
    put(client, "Ticket", {"id": "2", "email": "nobody@example.com", "alt": "X"})
    assert [o["Object"]["id"] for o in objects(client, "Ticket", by_alt)] == ["2"]


def test_ambiguous_key_is_discarded(client, domain):
    client.create_profile(DomainName=D, EmailAddress="dup@example.com")
    client.create_profile(DomainName=D, EmailAddress="dup@example.com")
    target = client.create_profile(DomainName=D, AccountNumber="A-9")["ProfileId"]
    put_type(
        client,
        "Ticket",
        {"email": f("email", content_type="EMAIL_ADDRESS"), "acc": f("acc"), "id": f("id")},
        {
            "_email": k("email", ids=("PROFILE",)),
            "_account": k("acc", ids=("PROFILE",)),
            "ticketId": k("id", ids=("UNIQUE",)),
        },
    )
    put(client, "Ticket", {"id": "1", "email": "dup@example.com", "acc": "A-9"})
    assert len(objects(client, "Ticket", target)) == 1


def test_ambiguous_only_key_creates_inferred_profile(backend, client, domain):
    a = client.create_profile(DomainName=D, EmailAddress="dup@example.com")["ProfileId"]
    b = client.create_profile(DomainName=D, EmailAddress="dup@example.com")["ProfileId"]
    put_type(
        client,
        "Ticket",
        {"email": f("email", content_type="EMAIL_ADDRESS"), "id": f("id")},
        {"_email": k("email", ids=("PROFILE",)), "ticketId": k("id", ids=("UNIQUE",))},
        AllowProfileCreation=True,
    )
    put(client, "Ticket", {"id": "1", "email": "dup@example.com"})
    new = [p for p in all_profiles(backend) if p not in (a, b)]
    assert len(new) == 1
    assert len(objects(client, "Ticket", new[0])) == 1


# --------------------------------------------------------------------------- LOOKUP_ONLY / NEW_ONLY


def _lookup_type(client: Any, flag: str) -> None:
    put_type(
        client,
        "Visit",
        {"crm": f("crm"), "ref": f("ref"), "id": f("id")},
        {
            "crmId": k("crm", ids=("PROFILE", flag)),
            "ref": k("ref", ids=("PROFILE",)),
            "visitId": k("id", ids=("UNIQUE",)),
        },
        AllowProfileCreation=True,
    )


def test_lookup_only_key_used_for_matching_but_never_stored(backend, client, domain):
    p1 = client.create_profile(DomainName=D)["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=p1, KeyName="crmId", Values=["C1"])
    _lookup_type(client, "LOOKUP_ONLY")
    put(client, "Visit", {"id": "1", "crm": "C1", "ref": "R1"})
    assert len(objects(client, "Visit", p1)) == 1
    assert search(client, "ref", "R1") == [p1]
    put(client, "Visit", {"id": "2", "crm": "C2", "ref": "R2"})
    (p2,) = [p for p in all_profiles(backend) if p != p1]
    assert search(client, "ref", "R2") == [p2]
    assert search(client, "crmId", "C2") == []


def test_new_only_key_stored_only_on_created_profile(backend, client, domain):
    _lookup_type(client, "NEW_ONLY")
    put(client, "Visit", {"id": "1", "crm": "C1", "ref": "R1"})
    (p1,) = all_profiles(backend)
    assert search(client, "crmId", "C1") == [p1]
    # Attached to an existing profile: the NEW_ONLY value is not stored.
    put(client, "Visit", {"id": "2", "crm": "C2", "ref": "R1"})
    assert all_profiles(backend) == [p1]
    assert search(client, "crmId", "C2") == []
    # NEW_ONLY takes part in the primary lookup.
    put(client, "Visit", {"id": "3", "crm": "C1", "ref": "R3"})
    assert all_profiles(backend) == [p1]
    assert search(client, "ref", "R3") == [p1]


def test_profile_id_key_looks_profile_up_by_id(backend, client, domain):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    put_type(
        client,
        "Note",
        {"pid": f("pid"), "id": f("id")},
        {
            "_profileId": k("pid", ids=("PROFILE", "LOOKUP_ONLY")),
            "noteId": k("id", ids=("UNIQUE",)),
        },
    )
    put(client, "Note", {"id": "n1", "pid": pid})
    assert [o["Object"]["id"] for o in objects(client, "Note", pid)] == ["n1"]
    put(client, "Note", {"id": "n2", "pid": "0" * 32})
    assert all_profiles(backend) == [pid]
    assert [json.loads(d["Object"])["id"] for d in backend.dead_letters(D)] == ["n2"]


# --------------------------------------------------------------------------- AllowProfileCreation


def test_allow_profile_creation_false_dead_letters(backend, client, domain):
    order_type(client)
    key = put(client, "Order", {"orderNo": "o1", "account": "nobody"})
    assert key
    assert all_profiles(backend) == []
    letters = backend.dead_letters(D)
    assert len(letters) == 1
    assert letters[0]["ObjectTypeName"] == "Order"
    assert json.loads(letters[0]["Object"]) == {"orderNo": "o1", "account": "nobody"}


def test_allow_profile_creation_false_strict_mode_raises():
    backend = LocalBackend(strict_ingestion=True)
    client = conformance_checked(backend.client())
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    order_type(client)
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Order", {"orderNo": "o1", "account": "nobody"})
    assert backend.dead_letters(D) == []


def test_inferred_profile_has_only_mapped_fields(backend, client, domain):
    put_type(
        client,
        "Lead",
        {
            "id": f("id"),
            "first": f("first", "_profile.FirstName"),
            "tier": f("tier", "_profile.Attributes.tier"),
            "email": f("email", content_type="EMAIL_ADDRESS"),
            "phone": f("phone", content_type="PHONE_NUMBER"),
            "note": f("note"),
        },
        {"leadId": k("id", ids=("PROFILE", "UNIQUE"))},
        AllowProfileCreation=True,
    )
    put(
        client,
        "Lead",
        {
            "id": "L1",
            "first": "Ann",
            "tier": "gold",
            "email": "Ann@Example.com",
            "phone": "555-123-4567",
            "note": "n",
            "extra": "e",
        },
    )
    (pid,) = all_profiles(backend)
    assert profile(client, pid) == {
        "ProfileId": pid,
        "FirstName": "Ann",
        "Attributes": {"tier": "gold"},
        "EmailAddress": "Ann@Example.com",
        "PhoneNumber": "555-123-4567",
    }
    assert search(client, "leadId", "L1") == [pid]


def test_typed_fields_do_not_fill_existing_profile(client, domain):
    """EmailAddress/PhoneNumber without Target are copied only when creating (D4)."""
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Lead",
        {"id": f("id"), "acc": f("acc"), "email": f("email", content_type="EMAIL_ADDRESS")},
        {"leadId": k("id", ids=("UNIQUE",)), "_account": k("acc", ids=("PROFILE",))},
        AllowProfileCreation=True,
    )
    put(client, "Lead", {"id": "L1", "acc": "A-1", "email": "a@example.com"})
    assert "EmailAddress" not in profile(client, pid)


def test_empty_values_never_blank_out_fields(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Crm",
        {"id": f("id"), "acc": f("acc"), "city": f("city", "_profile.Address.City")},
        {"_account": k("acc", ids=("PROFILE", "UNIQUE"))},
        SourcePriority=1,
    )
    put(client, "Crm", {"acc": "A-1", "city": "Paris"})
    assert profile(client, pid)["Address"] == {"City": "Paris"}
    put(client, "Crm", {"acc": "A-1", "city": ""})
    assert profile(client, pid)["Address"] == {"City": "Paris"}


def test_source_priority_between_object_types(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    for name, priority in (("High", 1), ("Low", 5)):
        put_type(
            client,
            name,
            {"acc": f("acc"), "id": f("id"), "first": f("first", "_profile.FirstName")},
            {"_account": k("acc", ids=("PROFILE",)), f"{name}Id": k("id", ids=("UNIQUE",))},
            SourcePriority=priority,
        )
    put(client, "High", {"acc": "A-1", "id": "1", "first": "FromHigh"})
    put(client, "Low", {"acc": "A-1", "id": "1", "first": "FromLow"})
    assert profile(client, pid)["FirstName"] == "FromHigh"


# --------------------------------------------------------------------------- normalisation


def test_phone_number_keys_are_format_insensitive(client, domain):
    pid = client.create_profile(DomainName=D, PhoneNumber="+1 (555) 123-4567")["ProfileId"]
    put_type(
        client,
        "Call",
        {"phone": f("phone", content_type="PHONE_NUMBER"), "id": f("id")},
        {"_phone": k("phone", ids=("PROFILE",)), "callId": k("id", ids=("UNIQUE",))},
    )
    put(client, "Call", {"id": "c1", "phone": "555.123.4567"})
    assert len(objects(client, "Call", pid)) == 1
    assert search(client, "_phone", "(555)-123-4567") == [pid]
    assert search(client, "_phone", "+15551234567") == [pid]


def test_email_keys_are_case_insensitive(client, domain):
    pid = client.create_profile(DomainName=D, EmailAddress="Ann@Example.COM")["ProfileId"]
    put_type(
        client,
        "Mail",
        {"from": f("from", content_type="EMAIL_ADDRESS"), "id": f("id")},
        {
            "_email": k("from", ids=("PROFILE",)),
            "mailFrom": k("from"),
            "mailId": k("id", ids=("UNIQUE",)),
        },
    )
    put(client, "Mail", {"id": "m1", "from": " ann@example.com "})
    assert len(objects(client, "Mail", pid)) == 1
    # The custom key inherits the field's EMAIL_ADDRESS normalisation.
    assert search(client, "mailFrom", "ANN@EXAMPLE.com") == [pid]
    filtered = objects(
        client, "Mail", pid, ObjectFilter={"KeyName": "mailFrom", "Values": ["ANN@example.com"]}
    )
    assert len(filtered) == 1


def test_string_keys_match_exactly(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Tag",
        {"code": f("code"), "acc": f("acc")},
        {"code": k("code", ids=("UNIQUE",)), "_account": k("acc", ids=("PROFILE",))},
    )
    put(client, "Tag", {"code": "Abc", "acc": "A-1"})
    assert search(client, "code", "Abc") == [pid]
    assert search(client, "code", "abc") == []
    assert search(client, "_account", "a-1") == []


# --------------------------------------------------------------------------- standard objects


def _asset_type(client: Any) -> None:
    put_type(
        client,
        "Device",
        {
            "row": f("row"),
            "acc": f("acc"),
            "serial": f("serial", "_asset.SerialNumber"),
            "name": f("name", "_asset.AssetName"),
            "status": f("status", "_asset.Status"),
        },
        {
            "deviceRow": k("row", ids=("UNIQUE",)),
            "_account": k("acc", ids=("PROFILE",)),
            "deviceSerial": k("serial", ids=("ASSET",)),
            "deviceName": k("name", ids=("ASSET",)),
        },
    )


def test_asset_record_created_indexed_and_accumulated(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    _asset_type(client)
    put(client, "Device", {"row": "1", "acc": "A-1", "serial": "SN-1", "name": "Phone"})
    (record,) = objects(client, "_asset", pid)
    asset_id = record["Object"]["AssetId"]
    assert re.fullmatch("[a-f0-9]{32}", asset_id)
    assert record["ProfileObjectUniqueKey"] == asset_id
    assert record["Object"] == {"AssetId": asset_id, "SerialNumber": "SN-1", "AssetName": "Phone"}
    # Another object with the same ASSET key updates the same record, field by field.
    put(client, "Device", {"row": "2", "acc": "A-1", "serial": "SN-1", "status": "active"})
    (record,) = objects(client, "_asset", pid)
    assert record["Object"] == {
        "AssetId": asset_id,
        "SerialNumber": "SN-1",
        "AssetName": "Phone",
        "Status": "active",
    }
    put(client, "Device", {"row": "3", "acc": "A-1", "serial": "SN-2", "name": "Tablet"})
    assert len(objects(client, "_asset", pid)) == 2
    # Standard index keys find the owning profile.
    assert search(client, "_serialNumber", "SN-2") == [pid]
    assert search(client, "_assetId", asset_id) == [pid]
    assert search(client, "_assetName", "Tablet") == [pid]


def test_asset_object_filter(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    _asset_type(client)
    put(client, "Device", {"row": "1", "acc": "A-1", "serial": "SN-1", "name": "Phone"})
    put(client, "Device", {"row": "2", "acc": "A-1", "serial": "SN-2", "name": "Tablet"})

    def names(key: str, *values: str) -> list[str]:
        found = objects(
            client, "_asset", pid, ObjectFilter={"KeyName": key, "Values": list(values)}
        )
        return [r["Object"]["AssetName"] for r in found]

    assert names("_serialNumber", "SN-2") == ["Tablet"]
    assert names("_assetName", "Phone", "Tablet") == ["Phone", "Tablet"]
    assert names("deviceSerial", "SN-1") == ["Phone"]
    assert names("_serialNumber", "SN-9") == []
    assert names("noSuchKey", "SN-1") == []
    asset_id = objects(client, "_asset", pid)[0]["Object"]["AssetId"]
    assert names("_assetId", asset_id) == ["Phone"]


def test_object_matching_two_asset_records_is_rejected(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    _asset_type(client)
    put(client, "Device", {"row": "1", "acc": "A-1", "serial": "SN-1", "name": "Phone"})
    put(client, "Device", {"row": "2", "acc": "A-1", "serial": "SN-2", "name": "Tablet"})
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Device", {"row": "3", "acc": "A-1", "serial": "SN-1", "name": "Tablet"})
    # Nothing was written by the rejected call.
    assert len(objects(client, "Device", pid)) == 2
    assert search(client, "deviceRow", "3") == []


def test_case_and_order_records(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Ticket",
        {"no": f("no"), "acc": f("acc"), "title": f("title", "_case.Title")},
        {"ticketNo": k("no", ids=("UNIQUE", "CASE")), "_account": k("acc", ids=("PROFILE",))},
    )
    put_type(
        client,
        "Purchase",
        {
            "no": f("no"),
            "acc": f("acc"),
            "total": f("total", "_order.TotalPrice"),
            "city": f("city", "_order.ShippingAddress.City"),
        },
        {"purchaseNo": k("no", ids=("UNIQUE", "ORDER")), "_account": k("acc", ids=("PROFILE",))},
    )
    put(client, "Ticket", {"no": "T1", "acc": "A-1", "title": "Broken"})
    put(client, "Purchase", {"no": "P1", "acc": "A-1", "total": "9.99", "city": "Oslo"})
    (case,) = objects(client, "_case", pid)
    case_id = case["Object"]["CaseId"]
    assert case["Object"] == {"CaseId": case_id, "Title": "Broken"}
    (order,) = objects(client, "_order", pid)
    order_id = order["Object"]["OrderId"]
    assert order["Object"] == {
        "OrderId": order_id,
        "TotalPrice": "9.99",
        "ShippingAddress": {"City": "Oslo"},
    }
    assert search(client, "_caseId", case_id) == [pid]
    assert search(client, "_orderId", order_id) == [pid]
    assert (
        len(objects(client, "_case", pid, ObjectFilter={"KeyName": "_caseId", "Values": [case_id]}))
        == 1
    )
    assert objects(client, "_case", pid, ObjectFilter={"KeyName": "_caseId", "Values": ["x"]}) == []
    assert (
        len(
            objects(
                client, "_order", pid, ObjectFilter={"KeyName": "_orderId", "Values": [order_id]}
            )
        )
        == 1
    )
    # Deleting a standard record by its id.
    client.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="_case", ProfileObjectUniqueKey=case_id
    )
    assert objects(client, "_case", pid) == []
    assert len(objects(client, "_order", pid)) == 1


def test_standard_object_types_cannot_be_ingested(client, domain):
    for name in ("_profile", "_asset", "_case", "_order"):
        with pytest.raises(client.exceptions.BadRequestException):
            put(client, name, {"a": 1})


# --------------------------------------------------------------------------- ListProfileObjects


def test_list_objects_in_ingestion_order_with_paging(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    keys = [put(client, "Order", {"orderNo": f"o{i}", "account": "A-1"}) for i in range(5)]
    page = client.list_profile_objects(
        DomainName=D, ObjectTypeName="Order", ProfileId=pid, MaxResults=2
    )
    seen = [i["ProfileObjectUniqueKey"] for i in page["Items"]]
    assert len(seen) == 2
    while "NextToken" in page:
        page = client.list_profile_objects(
            DomainName=D,
            ObjectTypeName="Order",
            ProfileId=pid,
            MaxResults=2,
            NextToken=page["NextToken"],
        )
        seen += [i["ProfileObjectUniqueKey"] for i in page["Items"]]
    assert seen == keys
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_profile_objects(
            DomainName=D, ObjectTypeName="Order", ProfileId=pid, NextToken="garbage"
        )


def test_list_objects_object_filter_on_custom_type(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    put(client, "Order", {"orderNo": "o2", "account": "A-1"})

    def nos(key: str, *values: str) -> list[str]:
        found = objects(client, "Order", pid, ObjectFilter={"KeyName": key, "Values": list(values)})
        return [o["Object"]["orderNo"] for o in found]

    assert nos("orderNo", "o2") == ["o2"]
    assert nos("orderNo", "o2", "o1") == ["o1", "o2"]
    assert nos("_account", "A-1") == ["o1", "o2"]
    assert nos("orderNo", "o3") == []
    assert nos("unknownKey", "o1") == []
    with pytest.raises(client.exceptions.BadRequestException):
        nos("orderNo")


def test_list_objects_only_of_that_profile_and_type(client, domain):
    p1 = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    p2 = client.create_profile(DomainName=D, AccountNumber="A-2")["ProfileId"]
    order_type(client)
    put_type(
        client,
        "Other",
        {"id": f("id"), "account": f("account")},
        {"otherId": k("id", ids=("UNIQUE",)), "_account": k("account", ids=("PROFILE",))},
    )
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    put(client, "Other", {"id": "x", "account": "A-1"})
    assert [o["ObjectTypeName"] for o in objects(client, "Order", p1)] == ["Order"]
    assert objects(client, "Order", p2) == []
    assert [o["Object"]["id"] for o in objects(client, "Other", p1)] == ["x"]


def test_list_objects_errors(client, domain):
    pid = client.create_profile(DomainName=D)["ProfileId"]
    order_type(client)
    nf = client.exceptions.ResourceNotFoundException
    with pytest.raises(nf):
        client.list_profile_objects(DomainName="nodomain", ObjectTypeName="Order", ProfileId=pid)
    with pytest.raises(nf):
        client.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId="a" * 32)
    with pytest.raises(nf):
        client.list_profile_objects(DomainName=D, ObjectTypeName="Nope", ProfileId=pid)
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_profile_objects(
            DomainName=D, ObjectTypeName="Order", ProfileId=pid, MaxResults=101
        )


# --------------------------------------------------------------------------- DeleteProfileObject


def test_delete_profile_object(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    put_type(
        client,
        "Order",
        {
            "orderNo": f("orderNo"),
            "account": f("account"),
            "first": f("first", "_profile.FirstName"),
        },
        {"orderNo": k("orderNo", ids=("UNIQUE",)), "_account": k("account", ids=("PROFILE",))},
    )
    gone = put(client, "Order", {"orderNo": "o1", "account": "A-1", "first": "Ann"})
    kept = put(client, "Order", {"orderNo": "o2", "account": "A-1"})
    out = client.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=gone
    )
    assert out["Message"]
    assert [o["ProfileObjectUniqueKey"] for o in objects(client, "Order", pid)] == [kept]
    # [A] fields and keys the object contributed stay on the profile.
    assert profile(client, pid)["FirstName"] == "Ann"
    assert search(client, "orderNo", "o1") == [pid]
    # Deleting it again is a 404.
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_profile_object(
            DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=gone
        )


def test_delete_profile_object_errors(client, domain):
    p1 = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    p2 = client.create_profile(DomainName=D, AccountNumber="A-2")["ProfileId"]
    order_type(client)
    key = put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    nf = client.exceptions.ResourceNotFoundException

    def delete(**kw: Any) -> Any:
        params = {
            "DomainName": D,
            "ProfileId": p1,
            "ObjectTypeName": "Order",
            "ProfileObjectUniqueKey": key,
        }
        return client.delete_profile_object(**{**params, **kw})

    for bad in (
        {"DomainName": "nodomain"},
        {"ProfileId": "b" * 32},
        {"ProfileId": p2},
        {"ObjectTypeName": "Nope"},
        {"ProfileObjectUniqueKey": "nokey"},
        {"ObjectTypeName": "_asset"},
    ):
        with pytest.raises(nf):
            delete(**bad)
    assert len(objects(client, "Order", p1)) == 1
    delete()
    assert objects(client, "Order", p1) == []


# --------------------------------------------------------------------------- templates


def test_template_id_used_as_implicit_object_type(backend, client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_profile_object_type(DomainName=D, ObjectTypeName="CTR")
    put(client, "CTR", {"ContactId": "c-1", "CustomerEndpoint": {"Address": "+15550001111"}})
    (pid,) = all_profiles(backend)
    assert profile(client, pid) == {"ProfileId": pid, "PhoneNumber": "+15550001111"}
    got = client.get_profile_object_type(DomainName=D, ObjectTypeName="CTR")
    assert got["TemplateId"] == "CTR"
    names = [i["ObjectTypeName"] for i in client.list_profile_object_types(DomainName=D)["Items"]]
    assert names == ["CTR"]
    # Same phone, other format: attaches to the same profile.
    put(client, "CTR", {"ContactId": "c-2", "CustomerEndpoint": {"Address": "555 000 1111"}})
    assert all_profiles(backend) == [pid]
    assert len(objects(client, "CTR", pid)) == 2
    assert search(client, "_ctrContactId", "c-2") == [pid]


def test_explicit_object_type_with_template(backend, client, domain):
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="Contacts", Description="sf", TemplateId="Salesforce-Contact"
    )
    keys = client.get_profile_object_type(DomainName=D, ObjectTypeName="Contacts")["Keys"]
    assert "_salesforceContactId" in keys
    put(
        client,
        "Contacts",
        {
            "Id": "003A",
            "AccountId": "001A",
            "FirstName": "Ann",
            "LastName": "Lee",
            "Phone": "5551234567",
        },
    )
    (pid,) = all_profiles(backend)
    got = profile(client, pid)
    assert got["FirstName"] == "Ann"
    assert got["LastName"] == "Lee"
    assert got["Attributes"]["sfdcContactId"] == "003A"
    assert search(client, "_salesforceContactId", "003A") == [pid]
    assert len(objects(client, "Contacts", pid)) == 1


# Contact-record templates (D407 "Automatically associate a contact record with a profile
# using the phone key", D408 "Contact record templates"; issue 15 item 3).


def ctr(client: Any, contact_id: str, phone: str = "+15550001111", type_name: str = "CTR") -> str:
    record = {"ContactId": contact_id, "Channel": "VOICE", "CustomerEndpoint": {"Address": phone}}
    return put(client, type_name, record)


def test_ctr_does_not_attach_by_phone_to_a_created_profile(backend, client, domain):
    known = client.create_profile(DomainName=D, FirstName="John", PhoneNumber="+15550001111")
    ctr(client, "c-1")
    inferred = [p for p in all_profiles(backend) if p != known["ProfileId"]]
    assert len(inferred) == 1
    assert len(objects(client, "CTR", inferred[0])) == 1
    assert objects(client, "CTR", known["ProfileId"]) == []
    # _phone is stored and searchable on the inferred profile.
    assert set(search(client, "_phone", "555-000-1111")) == {known["ProfileId"], inferred[0]}
    assert backend.dead_letters(D) == []


def test_ctr_attaches_to_the_profile_an_agent_associated(backend, client, domain):
    pid = client.create_profile(DomainName=D, FirstName="John", PhoneNumber="+15550001111")[
        "ProfileId"
    ]
    client.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_ctrContactId", Values=["c-2"])
    ctr(client, "c-2")
    assert all_profiles(backend) == [pid]
    assert len(objects(client, "CTR", pid)) == 1
    # [A] Later records of that caller follow the associated record's stored _phone key.
    ctr(client, "c-3", phone="555 000 1111")
    assert all_profiles(backend) == [pid]
    assert len(objects(client, "CTR", pid)) == 2


def test_ctr_records_of_an_unknown_caller_share_one_inferred_profile(backend, client, domain):
    ctr(client, "c-1", phone="+15557654321")
    ctr(client, "c-2", phone="(555) 765-4321")
    (pid,) = all_profiles(backend)
    assert len(objects(client, "CTR", pid)) == 2
    ctr(client, "c-3", phone="+15550009999")
    assert len(all_profiles(backend)) == 2


def test_ctr_no_inferred_attaches_by_phone(backend, client, domain):
    pid = client.create_profile(DomainName=D, PhoneNumber="555-000-1111")["ProfileId"]
    ctr(client, "c-1", type_name="CTR-NoInferred")
    assert all_profiles(backend) == [pid]
    assert len(objects(client, "CTR-NoInferred", pid)) == 1


def test_ctr_no_inferred_looks_up_the_contact_id_first(backend, client, domain):
    by_phone = client.create_profile(DomainName=D, PhoneNumber="555-000-1111")["ProfileId"]
    agent = client.create_profile(DomainName=D, FirstName="Ann")["ProfileId"]
    client.add_profile_key(DomainName=D, ProfileId=agent, KeyName="_ctrContactId", Values=["c-9"])
    ctr(client, "c-9", type_name="CTR-NoInferred")
    assert len(objects(client, "CTR-NoInferred", agent)) == 1
    assert objects(client, "CTR-NoInferred", by_phone) == []


def test_ctr_no_inferred_rejects_several_phone_matches(backend, client, domain):
    client.create_profile(DomainName=D, PhoneNumber="555-000-1111")
    client.create_profile(DomainName=D, MobilePhoneNumber="+1 555 000 1111")
    with pytest.raises(client.exceptions.BadRequestException, match="more than one profile"):
        ctr(client, "c-1", type_name="CTR-NoInferred")
    assert len(all_profiles(backend)) == 2
    assert backend.store.region("us-east-1").domains[D].objects == {}
    assert backend.dead_letters(D) == []


def test_ctr_no_inferred_creates_an_inferred_profile_when_nothing_matches(backend, client, domain):
    ctr(client, "c-1", type_name="CTR-NoInferred")
    (pid,) = all_profiles(backend)
    assert profile(client, pid) == {"ProfileId": pid, "PhoneNumber": "+15550001111"}
    assert backend.dead_letters(D) == []
    # Once inferred, the caller's next records attach to it by _phone.
    ctr(client, "c-2", type_name="CTR-NoInferred")
    assert all_profiles(backend) == [pid]


def test_ctr_type_replaced_by_the_no_inferred_template(backend, client, domain):
    # The documented CLI switch: put-profile-object-type --object-type-name CTR
    # --template-id CTR-NoInferred.
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="CTR", Description="no inferred", TemplateId="CTR-NoInferred"
    )
    pid = client.create_profile(DomainName=D, PhoneNumber="555-000-1111")["ProfileId"]
    ctr(client, "c-1")
    assert all_profiles(backend) == [pid]


@pytest.mark.parametrize("template_id", ["Shopify-Order", "Shopify-DraftOrder"])
def test_shopify_order_status_code(backend, client, domain, template_id):
    """StatusCode is ACTIVATED when order_status_url is present, else DRAFT (spec 13.5)."""
    put(client, template_id, {"id": 1, "customer": {"id": 7}, "order_status_url": "https://s/1"})
    put(client, template_id, {"id": 2, "customer": {"id": 7}, "total_price": "3.50"})
    (pid,) = all_profiles(backend)
    records = {r["Object"]["StatusCode"]: r["Object"] for r in objects(client, "_order", pid)}
    assert set(records) == {"ACTIVATED", "DRAFT"}
    assert records["ACTIVATED"]["StatusUrl"] == "https://s/1"
    assert records["DRAFT"]["TotalPrice"] == "3.50"
    assert "StatusUrl" not in records["DRAFT"]
    assert search(client, "_shopifyOrderId", "2") == [pid]


def test_shopify_status_code_with_explicit_template_type(backend, client, domain):
    client.put_profile_object_type(
        DomainName=D, ObjectTypeName="Orders", Description="shop", TemplateId="Shopify-Order"
    )
    put(client, "Orders", {"id": 1, "customer": {"id": 7}})
    (pid,) = all_profiles(backend)
    (record,) = objects(client, "_order", pid)
    assert record["Object"]["StatusCode"] == "DRAFT"


# --------------------------------------------------------------------------- expiration


def test_inferred_profile_and_objects_expire_with_object_type_days(backend, client, domain):
    put_type(
        client,
        "Lead",
        {"id": f("id")},
        {"leadId": k("id", ids=("PROFILE", "UNIQUE"))},
        AllowProfileCreation=True,
        ExpirationDays=2,
    )
    put(client, "Lead", {"id": "L1"})
    (pid,) = all_profiles(backend)
    backend.clock.advance(days=1.9)
    assert search(client, "leadId", "L1") == [pid]
    backend.clock.advance(days=0.2)
    assert search(client, "leadId", "L1") == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_profile_objects(DomainName=D, ObjectTypeName="Lead", ProfileId=pid)


def test_objects_use_domain_default_expiration(backend, client, domain):
    put_type(
        client,
        "Lead",
        {"id": f("id")},
        {"leadId": k("id", ids=("PROFILE", "UNIQUE"))},
        AllowProfileCreation=True,
    )
    put(client, "Lead", {"id": "L1"})
    backend.clock.advance(days=9.9)
    assert len(search(client, "leadId", "L1")) == 1
    backend.clock.advance(days=0.2)
    assert search(client, "leadId", "L1") == []


def test_object_expires_while_updated_profile_survives(backend, client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client, ExpirationDays=2)
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    backend.clock.advance(days=1)
    client.update_profile(DomainName=D, ProfileId=pid, FirstName="Ann")  # resets the profile
    backend.clock.advance(days=1.5)
    assert objects(client, "Order", pid) == []
    assert profile(client, pid)["FirstName"] == "Ann"


def test_reingestion_resets_object_expiration(backend, client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client, ExpirationDays=2)
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    backend.clock.advance(days=1.5)
    put(client, "Order", {"orderNo": "o1", "account": "A-1", "v": 2})
    backend.clock.advance(days=1.5)
    assert [o["Object"]["v"] for o in objects(client, "Order", pid)] == [2]


# --------------------------------------------------------------------------- eviction


def test_objects_per_profile_limit_evicts_oldest_of_own_type(client, domain, monkeypatch):
    monkeypatch.setattr(_ingest, "OBJECTS_PER_PROFILE", 3)
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    for i in range(5):
        put(client, "Order", {"orderNo": f"o{i}", "account": "A-1"})
    assert [o["Object"]["orderNo"] for o in objects(client, "Order", pid)] == ["o2", "o3", "o4"]


def test_eviction_prefers_type_over_its_max_count(client, domain, monkeypatch):
    monkeypatch.setattr(_ingest, "OBJECTS_PER_PROFILE", 3)
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client, MaxProfileObjectCount=1)
    put_type(
        client,
        "Other",
        {"id": f("id"), "account": f("account")},
        {"otherId": k("id", ids=("UNIQUE",)), "_account": k("account", ids=("PROFILE",))},
    )
    put(client, "Order", {"orderNo": "o1", "account": "A-1"})
    put(client, "Order", {"orderNo": "o2", "account": "A-1"})
    put(client, "Other", {"id": "x1", "account": "A-1"})
    put(client, "Other", {"id": "x2", "account": "A-1"})
    assert [o["Object"]["orderNo"] for o in objects(client, "Order", pid)] == ["o2"]
    assert [o["Object"]["id"] for o in objects(client, "Other", pid)] == ["x1", "x2"]


def test_profile_size_limit_rejects_without_writing(client, domain, monkeypatch):
    monkeypatch.setattr(_ingest, "MAX_PROFILE_BYTES", 150)
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    put(client, "Order", {"orderNo": "o1", "account": "A-1", "pad": "x" * 30})
    # Replacing an object does not count its old version.
    put(client, "Order", {"orderNo": "o1", "account": "A-1", "pad": "y" * 60})
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Order", {"orderNo": "o2", "account": "A-1", "pad": "z" * 30})
    assert [o["Object"]["orderNo"] for o in objects(client, "Order", pid)] == ["o1"]


# --------------------------------------------------------------------------- errors


def test_put_profile_object_not_found(client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_profile_object(DomainName="nodomain", ObjectTypeName="Order", Object="{}")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.put_profile_object(DomainName=D, ObjectTypeName="Undefined", Object='{"a": 1}')


@pytest.mark.parametrize(
    "body",
    ["{not json", "[1, 2]", '"text"', "42", json.dumps({"orderNo": "", "account": "A-1"})],
)
def test_put_profile_object_bad_object(client, domain, body):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)


def test_put_profile_object_all_profile_keys_empty(backend, client, domain):
    order_type(client, AllowProfileCreation=True)
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Order", {"orderNo": "o1"})
    assert all_profiles(backend) == []
    assert backend.dead_letters(D) == []


def test_put_profile_object_too_large(client, domain):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    # 130,000 characters but 260,000 bytes: over 250 KB.
    with pytest.raises(client.exceptions.BadRequestException):
        put(client, "Order", {"orderNo": "o1", "account": "A-1", "blob": "é" * 130_000})


def test_put_profile_object_invalid_type_name(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        client.put_profile_object(DomainName=D, ObjectTypeName="bad name", Object="{}")


# --------------------------------------------------------------------------- edge values
# Issue 15 items 10 and 11: numbers a double cannot hold, deep nesting and unpaired
# surrogates in an Object are clear 400s at ingestion, never a 500 later.


@pytest.mark.parametrize(
    "number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" + "0" * 400]
)
def test_numbers_a_double_cannot_hold_are_refused(backend, client, domain, number):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    body = '{"orderNo": "o1", "account": "A-1", "total": ' + number + "}"
    with pytest.raises(client.exceptions.BadRequestException, match="number"):
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    assert backend.store.region("us-east-1").domains[D].objects == {}
    # The largest doubles themselves are fine.
    put(client, "Order", {"orderNo": "o2", "account": "A-1", "total": 1.7976931348623157e308})


@pytest.mark.parametrize("depth", [2_000, 120_000])
def test_deeply_nested_objects_are_refused(backend, client, domain, depth):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    body = '{"orderNo": "o1", "account": "A-1", "n": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(client.exceptions.BadRequestException, match="nested"):
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    assert backend.calls[-1].status == 400


@pytest.mark.parametrize(("brackets", "refused"), [(255, False), (256, True)])
def test_the_nesting_limit_is_exact(backend, client, domain, brackets, refused):
    # The top object is level 1: 255 nested lists inside it reach MAX_DEPTH (256) exactly.
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    body = '{"orderNo": "o1", "account": "A-1", "n": ' + "[" * brackets + "]" * brackets + "}"
    if refused:
        with pytest.raises(client.exceptions.BadRequestException, match="nested"):
            client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    else:
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
        assert backend.calls[-1].status == 200


def test_brackets_inside_strings_do_not_count_as_nesting(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    put(client, "Order", {"orderNo": "o1", "account": "A-1", "note": "{[" * 300})
    assert objects(client, "Order", pid)[0]["Object"]["note"] == "{[" * 300


def test_moderately_nested_objects_are_accepted(client, domain):
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    nested: Any = "leaf"
    for _ in range(60):
        nested = {"n": [nested]}
    put(client, "Order", {"orderNo": "o1", "account": "A-1", "deep": nested})
    assert objects(client, "Order", pid)[0]["Object"]["deep"] == nested


def test_a_nested_value_in_a_unique_key_is_its_json_text(client, domain):
    # A UNIQUE field whose value is a JSON object is indexed by its compact JSON text.
    pid = client.create_profile(DomainName=D, AccountNumber="A-1")["ProfileId"]
    order_type(client)
    put(client, "Order", {"orderNo": {"shop": 1, "no": [2, 3]}, "account": "A-1"})
    assert search(client, "orderNo", '{"shop":1,"no":[2,3]}') == [pid]


@pytest.mark.parametrize(
    "document",
    [
        '{"orderNo": "\\ud800", "account": "A-1"}',  # the UNIQUE key
        '{"orderNo": "o1", "account": "A-1", "note": "x\\udfffy"}',  # any other value
        '{"orderNo": "o1", "account": "A-1", "\\ud83d": 1}',  # a member name
    ],
)
def test_unpaired_surrogate_escapes_in_an_object_are_refused(backend, client, domain, document):
    client.create_profile(DomainName=D, AccountNumber="A-1")
    order_type(client)
    with pytest.raises(client.exceptions.BadRequestException, match="surrogate"):
        client.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=document)
    assert backend.store.region("us-east-1").domains[D].objects == {}
    # A correctly paired surrogate escape is ordinary text.
    put(client, "Order", {"orderNo": "o\U0001f600", "account": "A-1"})


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.put_profile_object(
            DomainName=D, ObjectTypeName="Order", Object='{"orderNo": "\ud800", "account": "A-1"}'
        ),
        lambda c: c.create_profile(DomainName=D, FirstName="An\udc00n"),
        lambda c: c.search_profiles(DomainName=D, KeyName="_email", Values=["\ud800@x.com"]),
        lambda c: c.create_profile(DomainName=D, Attributes={"k\ud800": "v"}),
    ],
)
def test_unpaired_surrogates_in_any_request_string_are_refused(backend, client, domain, call):
    order_type(client)
    with pytest.raises(client.exceptions.BadRequestException, match="surrogate"):
        call(client)
    assert backend.calls[-1].status == 400


@pytest.mark.parametrize(
    "body",
    [
        {"ObjectTypeName": "Order", "Object": {"orderNo": "o1", "account": "A-1"}},
        {"ObjectTypeName": "Order", "Object": ["o1"]},
        {"ObjectTypeName": "Order", "Object": '{"orderNo": "\\ud800", "account": "A-1"}'},
    ],
)
def test_malformed_object_members_over_http_are_400(backend, client, domain, body):
    # A raw caller (not botocore) can send an Object that is no string, or a string
    # holding an unpaired surrogate: clear 400s, never a 500.
    order_type(client)
    raw = json.dumps(body).replace("\\\\ud800", "\\ud800").encode()
    response = backend.handle_http("PUT", f"/domains/{D}/profiles/objects", {}, raw)
    assert response.status == 400
    assert response.headers["x-amzn-ErrorType"] == "BadRequestException"
