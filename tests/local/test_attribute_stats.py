"""Attribute values and statistics in the emulator (spec identity-history-jobs 4),
through the conformance-checked boto3 client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from customer_profiles_sdk.local import LocalBackend
from tests.local.conftest import conformance_checked

D = "attrs"
DAY = 86400.0
#: 2023-11-14T10:00:00Z
TEN_AM = 1_699_920_000.0 + 10 * 3600
FIELDS = {
    "id": {"Source": "_source.id"},
    "total": {"Source": "_source.total", "ContentType": "NUMBER"},
    "status": {"Source": "_source.status"},
}
KEYS = {"id": [{"StandardIdentifiers": ["UNIQUE", "PROFILE"], "FieldNames": ["id"]}]}


def _code(exc: pytest.ExceptionInfo[ClientError]) -> str:
    return str(exc.value.response["Error"]["Code"])


def _setup(client: Any, *, data_store: bool = True) -> None:
    extra: dict[str, Any] = {"DataStore": {"Enabled": True}} if data_store else {}
    client.create_domain(DomainName=D, DefaultExpirationDays=30, **extra)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields=FIELDS,
        Keys=KEYS,
    )


def _put(client: Any, oid: str, total: Any, status: str = "ok") -> None:
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"id": oid, "total": total, "status": status}),
    )


@pytest.fixture
def frozen() -> tuple[LocalBackend, Any]:
    backend = LocalBackend()
    backend.clock.freeze(TEN_AM)
    return backend, conformance_checked(backend.client())


def _stats(client: Any, attribute: str = "total") -> dict[str, Any]:
    out = client.get_object_type_attribute_statistics(
        DomainName=D, ObjectTypeName="Order", AttributeName=attribute
    )
    out.pop("ResponseMetadata")
    return dict(out)


def test_profile_attribute_values_distinct_newest_first(frozen: Any) -> None:
    backend, client = frozen
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    for name in ("Ana", "Bo", "Ana"):
        client.create_profile(DomainName=D, FirstName=name, Address={"City": "Oslo"})
        backend.clock.advance(1)
    out = client.list_profile_attribute_values(DomainName=D, AttributeName="FirstName")
    assert out["StatusCode"] == 200
    assert [i["Value"] for i in out["Items"]] == ["Ana", "Bo"]
    city = client.list_profile_attribute_values(DomainName=D, AttributeName="Address.City")
    assert [i["Value"] for i in city["Items"]] == ["Oslo"]
    with pytest.raises(ClientError) as exc:
        client.list_profile_attribute_values(DomainName=D, AttributeName="Nickname")
    assert _code(exc) == "BadRequestException"


def test_profile_attribute_values_are_of_live_profiles(client: Any) -> None:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    keep = client.create_profile(DomainName=D, FirstName="Keep")["ProfileId"]
    gone = client.create_profile(DomainName=D, FirstName="Gone")["ProfileId"]
    client.update_profile(DomainName=D, ProfileId=keep, FirstName="Kept")
    client.delete_profile(DomainName=D, ProfileId=gone)
    out = client.list_profile_attribute_values(DomainName=D, AttributeName="FirstName")
    assert [i["Value"] for i in out["Items"]] == ["Kept"]


def test_object_type_attributes_and_values(frozen: Any) -> None:
    backend, client = frozen
    _setup(client)
    for i, total in enumerate((10, 20, 30)):
        _put(client, f"o{i}", total)
        backend.clock.advance(60)
    attrs = client.list_object_type_attributes(DomainName=D, ObjectTypeName="Order")["Items"]
    assert [a["AttributeName"] for a in attrs] == ["id", "status", "total"]
    assert attrs[2]["LastUpdatedAt"].timestamp() == TEN_AM + 120
    values = client.list_object_type_attribute_values(
        DomainName=D, ObjectTypeName="Order", AttributeName="total"
    )["Items"]
    assert [v["Value"] for v in values] == ["30", "20", "10"]
    assert [v["LastUpdatedAt"].timestamp() for v in values] == [
        TEN_AM + 120,
        TEN_AM + 60,
        TEN_AM,
    ]
    page = client.list_object_type_attribute_values(
        DomainName=D, ObjectTypeName="Order", AttributeName="total", MaxResults=2
    )
    assert len(page["Items"]) == 2
    assert "NextToken" in page
    client.create_profile(DomainName=D, FirstName="Ana")
    profile_attrs = client.list_object_type_attributes(DomainName=D, ObjectTypeName="_profile")
    assert [a["AttributeName"] for a in profile_attrs["Items"]] == ["FirstName"]
    with pytest.raises(ClientError) as exc:
        client.list_object_type_attribute_values(
            DomainName=D, ObjectTypeName="Order", AttributeName="nope"
        )
    assert _code(exc) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as exc:
        client.list_object_type_attributes(DomainName=D, ObjectTypeName="Missing")
    assert _code(exc) == "ResourceNotFoundException"


def test_value_store_is_capped_at_350_kb(client: Any) -> None:
    _setup(client, data_store=False)
    for i in range(400):
        _put(client, f"o{i}", 1, status=f"{i:04d}" + "x" * 996)
    values = []
    token: dict[str, Any] = {}
    while True:
        page = client.list_object_type_attribute_values(
            DomainName=D, ObjectTypeName="Order", AttributeName="status", **token
        )
        values += [v["Value"] for v in page["Items"]]
        if "NextToken" not in page:
            break
        token = {"NextToken": page["NextToken"]}
    assert len(values) == 358
    assert values[0].startswith("0399")
    assert values[-1].startswith("0042")


def test_statistics_need_the_data_store(client: Any) -> None:
    _setup(client, data_store=False)
    _put(client, "o1", 10)
    with pytest.raises(ClientError) as exc:
        _stats(client)
    assert _code(exc) == "BadRequestException"
    assert "data store" in exc.value.response["Error"]["Message"]


def test_statistics_daily_cycle(frozen: Any) -> None:
    backend, client = frozen
    _setup(client)
    for i, total in enumerate((10, 20, 30, 40)):
        _put(client, f"o{i}", total)
    assert _stats(client) == {"Statistics": {"Percentiles": {}}}  # nulls: no cycle yet

    backend.clock.freeze(TEN_AM + 14 * 3600)  # next midnight
    out = _stats(client)
    stats = out["Statistics"]
    assert (stats["Minimum"], stats["Maximum"], stats["Average"]) == (10, 40, 25)
    assert stats["StandardDeviation"] == pytest.approx(11.180339887)
    assert stats["Percentiles"]["P50"] == 25
    assert stats["Percentiles"]["P5"] == pytest.approx(11.5)
    assert stats["Percentiles"]["P95"] == pytest.approx(38.5)
    midnight = TEN_AM + 14 * 3600
    assert out["CalculatedAt"].timestamp() == midnight

    backend.clock.advance(9 * 3600)
    _put(client, "o9", 1000)
    assert _stats(client) == out  # unchanged until the next midnight
    backend.clock.advance(15 * 3600)
    later = _stats(client)
    assert later["Statistics"]["Maximum"] == 1000
    assert later["CalculatedAt"].timestamp() == midnight + DAY


def test_text_attribute_has_null_statistics_after_a_cycle(frozen: Any) -> None:
    backend, client = frozen
    _setup(client)
    _put(client, "o1", 10, status="shipped")
    backend.clock.advance(DAY)
    assert _stats(client, "status") == {"Statistics": {"Percentiles": {}}}
    assert _stats(client)["Statistics"]["Maximum"] == 10


def test_enabling_the_data_store_later_and_the_hook(frozen: Any) -> None:
    backend, client = frozen
    _setup(client, data_store=False)
    _put(client, "o1", 5)
    client.update_domain(DomainName=D, DataStore={"Enabled": True})
    assert _stats(client) == {"Statistics": {"Percentiles": {}}}
    backend.run_statistics_cycle(D)
    out = _stats(client)
    assert out["Statistics"]["Average"] == 5
    assert out["CalculatedAt"].timestamp() == TEN_AM


def test_a_full_value_store_keeps_its_order_across_a_state_file(tmp_path: Any) -> None:
    # Eviction takes the oldest value; a value ingested again moves to the front; a
    # store read back from a state file goes on in the same order.
    backend = LocalBackend()
    client = backend.client()
    _setup(client, data_store=False)
    for i in range(360):
        _put(client, f"o{i}", 1, status=f"{i:04d}" + "x" * 996)
    _put(client, "again", 1, status="0005" + "x" * 996)  # at the front now

    def statuses(of: Any) -> list[str]:
        values: list[str] = []
        token: dict[str, Any] = {}
        while True:
            page = of.list_object_type_attribute_values(
                DomainName=D, ObjectTypeName="Order", AttributeName="status", **token
            )
            values += [v["Value"][:4] for v in page["Items"]]
            if "NextToken" not in page:
                return values
            token = {"NextToken": page["NextToken"]}

    before = statuses(client)
    assert before[:2] == ["0005", "0359"]
    assert len(before) == 358
    assert before[-1] == "0002"  # 0000 and 0001 evicted
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend()
    other.load_state(path)
    reloaded = other.client()
    assert statuses(reloaded) == before
    for i in range(360, 363):
        _put(reloaded, f"o{i}", 1, status=f"{i:04d}" + "x" * 996)
    after = statuses(reloaded)
    assert after[:4] == ["0362", "0361", "0360", "0005"]
    # the three oldest went (0002-0004); 0005 had moved to the front
    assert after[-1] == "0006"
    assert "0004" not in after
    assert len(after) == 358
