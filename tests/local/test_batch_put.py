"""BatchPutProfileObject: per-item results, whole-call errors, throttling and the
per-item faults (spec/ingestion-streams-triggers.md section 2, scenarios 2.5)."""

from __future__ import annotations

import json
from typing import Any

import botocore.exceptions
import pytest

from customer_profiles_sdk.local import LocalBackend

D = "bulk"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/cp"


def order_type(client: Any, *, allow_creation: bool = True) -> None:
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=allow_creation,
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


@pytest.fixture
def domain(client: Any) -> str:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    order_type(client)
    return D


def item(item_id: str, **fields: Any) -> dict[str, str]:
    return {"Id": item_id, "Object": json.dumps(fields)}


def batch(client: Any, items: list[dict[str, str]], type_name: str = "Order") -> dict[str, Any]:
    out = client.batch_put_profile_object(DomainName=D, ObjectTypeName=type_name, Items=items)
    out.pop("ResponseMetadata")
    return dict(out)


def stats(client: Any) -> dict[str, Any]:
    return dict(client.get_domain(DomainName=D)["Stats"])


def error_code(info: pytest.ExceptionInfo[botocore.exceptions.ClientError]) -> str:
    return str(info.value.response["Error"]["Code"])


def test_mixed_batch(client, domain):
    out = batch(
        client,
        [
            item("i1", orderId="1", email="a@x.com"),
            {"Id": "i2", "Object": "{not json"},
            item("i3", orderId="2", email="a@x.com"),
            # a byte-order mark before the document: refused like json.loads refuses it
            {"Id": "i4", "Object": "\ufeff" + json.dumps({"orderId": "3", "email": "a@x.com"})},
        ],
    )
    assert [s["Id"] for s in out["Successful"]] == ["i1", "i3"]
    assert (
        out["Successful"][0]["ProfileObjectUniqueKey"]
        != out["Successful"][1]["ProfileObjectUniqueKey"]
    )
    assert out["Failed"] == [
        {"Id": "i2", "Code": 400, "Message": "Object is not valid JSON"},
        {"Id": "i4", "Code": 400, "Message": "Object is not valid JSON"},
    ]
    found = client.search_profiles(DomainName=D, KeyName="_email", Values=["a@x.com"])["Items"]
    assert len(found) == 1
    objects = client.list_profile_objects(
        DomainName=D, ProfileId=found[0]["ProfileId"], ObjectTypeName="Order"
    )["Items"]
    assert len(objects) == 2


def test_item_level_content_errors(client, domain):
    big = json.dumps({"orderId": "b", "email": "c@x.com", "pad": "é" * 130_000}, ensure_ascii=False)
    assert len(big) <= 256_000 < len(big.encode("utf-8"))
    out = batch(
        client,
        [
            {"Id": "array", "Object": "[1, 2]"},
            {"Id": "big", "Object": big},
            item("nokey", email="c@x.com"),
            item("noprofile", orderId="7"),
        ],
    )
    assert out["Successful"] == []
    by_id = {f["Id"]: f for f in out["Failed"]}
    assert [f["Id"] for f in out["Failed"]] == ["array", "big", "nokey", "noprofile"]
    assert {f["Code"] for f in out["Failed"]} == {400}
    assert by_id["array"]["Message"] == "Object must be a JSON object"
    assert by_id["big"]["Message"] == "The object is larger than 250 KB"
    assert stats(client)["ObjectCount"] == 0


def test_too_many_items_fail_the_call(client, domain):
    items = [item(f"i{n}", orderId=str(n), email="a@x.com") for n in range(11)]
    with pytest.raises(client.exceptions.BadRequestException) as info:
        batch(client, items)
    assert (
        "Value at 'items' failed to satisfy constraint" in info.value.response["Error"]["Message"]
    )
    assert stats(client)["ObjectCount"] == 0
    assert stats(client)["ProfileCount"] == 0


def test_empty_batch_never_reaches_the_emulator(client, backend, domain):
    backend.reset_calls()
    with pytest.raises(botocore.exceptions.ParamValidationError):
        batch(client, [])
    assert backend.call_count("BatchPutProfileObject") == 0


def test_bad_id_fails_the_call(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        batch(client, [item("not an id!", orderId="1", email="a@x.com")])


def test_duplicate_ids_fail_the_call(client, domain):
    with pytest.raises(client.exceptions.BadRequestException):
        batch(
            client,
            [item("x", orderId="1", email="a@x.com"), item("x", orderId="2", email="a@x.com")],
        )
    assert stats(client)["ObjectCount"] == 0


def test_unknown_and_standard_types(client, domain):
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        batch(client, [item("i1", orderId="1")], type_name="Nope")
    with pytest.raises(client.exceptions.BadRequestException):
        batch(client, [item("i1", orderId="1")], type_name="_profile")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.batch_put_profile_object(
            DomainName="nope", ObjectTypeName="Order", Items=[item("i1", orderId="1")]
        )


def test_template_type_is_materialized(client, domain):
    out = batch(client, [item("u1", id="z-1"), item("u2", id="z-2")], type_name="Zendesk-users")
    assert [s["Id"] for s in out["Successful"]] == ["u1", "u2"]
    assert "Zendesk-users" in [
        t["ObjectTypeName"] for t in client.list_profile_object_types(DomainName=D)["Items"]
    ]


def test_same_unique_twice_keeps_the_later_content(client, domain):
    out = batch(
        client,
        [
            item("i1", orderId="9", email="b@x.com", v=1),
            item("i2", orderId="9", email="b@x.com", v=2),
        ],
    )
    keys = {s["ProfileObjectUniqueKey"] for s in out["Successful"]}
    assert len(out["Successful"]) == 2
    assert len(keys) == 1
    assert stats(client)["ObjectCount"] == 1
    pid = client.search_profiles(DomainName=D, KeyName="_email", Values=["b@x.com"])["Items"][0][
        "ProfileId"
    ]
    (stored,) = client.list_profile_objects(DomainName=D, ProfileId=pid, ObjectTypeName="Order")[
        "Items"
    ]
    assert json.loads(stored["Object"])["v"] == 2


def test_per_item_fault_and_retry_of_just_that_item(client, backend, domain):
    backend.faults.fail_items("BatchPutProfileObject", ids=["i2"], code=429)
    items = [item(f"i{n}", orderId=str(n), email="a@x.com") for n in (1, 2, 3)]
    out = batch(client, items)
    assert [(f["Id"], f["Code"]) for f in out["Failed"]] == [("i2", 429)]
    assert stats(client)["ObjectCount"] == 2
    again = batch(client, [items[1]])
    assert [s["Id"] for s in again["Successful"]] == ["i2"]
    assert again["Failed"] == []
    assert stats(client)["ObjectCount"] == 3


def test_fail_items_by_count(client, backend, domain):
    backend.faults.fail_items(count=2, code=500, message="boom")
    items = [item(f"i{n}", orderId=str(n), email="a@x.com") for n in (1, 2, 3)]
    out = batch(client, items)
    assert out["Failed"] == [
        {"Id": "i1", "Code": 500, "Message": "boom"},
        {"Id": "i2", "Code": 500, "Message": "boom"},
    ]
    assert [s["Id"] for s in out["Successful"]] == ["i3"]


def test_fail_items_argument_checks(backend):
    with pytest.raises(ValueError, match="has no items"):
        backend.faults.fail_items("PutProfileObject", count=1)
    with pytest.raises(ValueError, match="exactly one"):
        backend.faults.fail_items(ids=["a"], count=1)
    with pytest.raises(ValueError, match="400-599"):
        backend.faults.fail_items(count=1, code=200)


def test_whole_call_throttling_counts_one_token_per_request(client, backend, domain):
    backend.clock.freeze(1_800_000_000.0)
    backend.throttling(rates={"BatchPutProfileObject": 1})
    ten = [item(f"i{n}", orderId=str(n), email="a@x.com") for n in range(10)]
    assert len(batch(client, ten)["Successful"]) == 10  # 10 items, one token
    with pytest.raises(client.exceptions.ThrottlingException):
        batch(client, [item("j", orderId="x", email="a@x.com")])
    assert stats(client)["ObjectCount"] == 10
    # Its own bucket: PutProfileObject is not throttled by the batch calls.
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"orderId": "p", "email": "a@x.com"}),
    )
    backend.clock.advance(1.0)
    assert len(batch(client, [item("j", orderId="x", email="a@x.com")])["Successful"]) == 1


def test_injected_throttle_uses_no_quota(client, backend, domain):
    backend.clock.freeze(1_800_000_000.0)
    backend.throttling(rates={"BatchPutProfileObject": 1})
    backend.faults.fail_next("BatchPutProfileObject", code="ThrottlingException")
    with pytest.raises(client.exceptions.ThrottlingException):
        batch(client, [item("i1", orderId="1", email="a@x.com")])
    assert len(batch(client, [item("i1", orderId="1", email="a@x.com")])["Successful"]) == 1


def test_commit_then_500(client, backend, domain):
    backend.faults.fail_after_commit("BatchPutProfileObject")
    items = [item(f"i{n}", orderId=str(n), email="a@x.com") for n in (1, 2)]
    with pytest.raises(client.exceptions.InternalServerException):
        batch(client, items)
    assert stats(client)["ObjectCount"] == 2
    out = batch(client, items)  # the retry replaces by UNIQUE key: no duplicates
    assert len(out["Successful"]) == 2
    assert stats(client)["ObjectCount"] == 2


def test_fail_fraction_is_reproducible(backend):
    def pattern() -> list[bool]:
        backend.faults.clear()
        backend.faults.fail_fraction("BatchPutProfileObject", 0.3, seed=4)
        return [backend.faults.take_before("BatchPutProfileObject") is not None for _ in range(200)]

    first = pattern()
    assert first == pattern()
    assert 30 < sum(first) < 90
    backend.faults.clear()
    assert backend.faults.take_before("BatchPutProfileObject") is None
    with pytest.raises(ValueError, match="between 0 and 1"):
        backend.faults.fail_fraction("BatchPutProfileObject", 1.5)


def test_no_profile_no_creation(client, backend):
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    order_type(client, allow_creation=False)
    out = batch(client, [item("i1", orderId="1", email="new@x.com")])
    assert [s["Id"] for s in out["Successful"]] == ["i1"]
    assert len(backend.dead_letters(D)) == 1
    assert stats(client)["ObjectCount"] == 0


def test_no_profile_no_creation_strict():
    backend = LocalBackend(strict_ingestion=True)
    client = backend.client()
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    order_type(client, allow_creation=False)
    out = batch(client, [item("i1", orderId="1", email="new@x.com")])
    assert out["Successful"] == []
    assert [f["Code"] for f in out["Failed"]] == [400]


def test_stream_records_item_by_item(client, backend, domain):
    client.create_event_stream(DomainName=D, EventStreamName="s", Uri=KINESIS)
    batch(
        client, [item("i1", orderId="1", email="a@x.com"), item("i2", orderId="2", email="b@x.com")]
    )
    records = [json.loads(r["Data"]) for r in backend.stream_records(D, "s")]
    assert [(r["ObjectTypeName"], r["EventType"]) for r in records] == [
        ("_profile", "CREATED"),
        ("Order", "CREATED"),
        ("_profile", "CREATED"),
        ("Order", "CREATED"),
    ]


def test_eventual_mode_defers_each_item():
    backend = LocalBackend(consistency="eventual")
    backend.clock.freeze(1_800_000_000.0)
    client = backend.client()
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    order_type(client)
    out = batch(client, [item("i1", orderId="1", email="a@x.com"), {"Id": "i2", "Object": "[]"}])
    assert [s["Id"] for s in out["Successful"]] == ["i1"]
    assert [f["Id"] for f in out["Failed"]] == ["i2"]
    assert stats(client)["ObjectCount"] == 0
    backend.clock.advance(backend.settings.visibility_delay + 1)
    assert stats(client)["ObjectCount"] == 1
