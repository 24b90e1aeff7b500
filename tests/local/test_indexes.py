"""The emulator's indexes stay consistent with its records (issue 16 item 4).

Every test goes through boto3 and checks what a caller sees — search results, object
listings, size limits, expiry — after each kind of mutation, so an index that lags
behind a write would make one of them fail.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend, _index, _ingest

D = "idx"
DAY = 86400.0
T0 = 1_760_000_000.0


@pytest.fixture
def clock() -> Clock:
    return Clock(start=T0)


@pytest.fixture
def backend(clock: Clock) -> LocalBackend:  # overrides the conftest fixture: frozen clock
    return LocalBackend(clock=clock)


def setup(client: Any) -> Any:
    """Domain ``D`` with the ``Order`` type (``orderId`` UNIQUE, ``_email`` PROFILE)."""
    client.create_domain(DomainName=D, DefaultExpirationDays=10)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "order": {"Source": "_source.order"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "orderId": [{"FieldNames": ["order"], "StandardIdentifiers": ["UNIQUE"]}],
            "_email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}],
        },
    )
    return client


@pytest.fixture
def cp(client: Any) -> Any:
    return setup(client)


def found(cp: Any, key: str, *values: str) -> list[str]:
    items = cp.search_profiles(DomainName=D, KeyName=key, Values=list(values))["Items"]
    return [item["ProfileId"] for item in items]


def objects(cp: Any, pid: str) -> list[str]:
    items = cp.list_profile_objects(DomainName=D, ProfileId=pid, ObjectTypeName="Order")["Items"]
    return [json.loads(item["Object"])["order"] for item in items]


def put(cp: Any, order: str, email: str, pad: str = "") -> str:
    body = json.dumps({"order": order, "email": email, "pad": pad})
    answer = cp.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    return str(answer["ProfileObjectUniqueKey"])


def test_search_follows_create_update_and_delete(cp: Any) -> None:
    a = cp.create_profile(DomainName=D, EmailAddress="a@example.com", FirstName="Ann")["ProfileId"]
    b = cp.create_profile(DomainName=D, EmailAddress="b@example.com")["ProfileId"]
    assert found(cp, "_email", "A@Example.com") == [a]
    assert found(cp, "_email", "a@example.com", "b@example.com") == [a, b]  # creation order
    assert found(cp, "_profileId", b) == [b]
    assert found(cp, "_fullName", "ann") == [a]

    cp.update_profile(DomainName=D, ProfileId=a, EmailAddress="c@example.com", FirstName="")
    assert found(cp, "_email", "a@example.com") == []
    assert found(cp, "_email", "c@example.com") == [a]
    assert found(cp, "_fullName", "ann") == []

    cp.delete_profile(DomainName=D, ProfileId=b)
    assert found(cp, "_email", "b@example.com") == []
    assert found(cp, "_profileId", b) == []
    c = cp.create_profile(DomainName=D, EmailAddress="b@example.com")["ProfileId"]
    assert found(cp, "_email", "b@example.com") == [c]


def test_search_follows_profile_keys_and_logical_operators(cp: Any) -> None:
    a = cp.create_profile(DomainName=D, EmailAddress="a@example.com")["ProfileId"]
    b = cp.create_profile(DomainName=D, EmailAddress="b@example.com")["ProfileId"]
    cp.add_profile_key(DomainName=D, ProfileId=a, KeyName="loyalty", Values=["L1", "L2"])
    cp.add_profile_key(DomainName=D, ProfileId=b, KeyName="loyalty", Values=["L2"])
    assert found(cp, "loyalty", "L1") == [a]
    assert found(cp, "loyalty", "L2") == [a, b]

    def search(operator: str) -> list[str]:
        items = cp.search_profiles(
            DomainName=D,
            KeyName="loyalty",
            Values=["L2"],
            AdditionalSearchKeys=[{"KeyName": "_email", "Values": ["b@example.com"]}],
            LogicalOperator=operator,
        )["Items"]
        return [item["ProfileId"] for item in items]

    assert search("AND") == [b]
    assert search("OR") == [a, b]
    cp.delete_profile_key(DomainName=D, ProfileId=a, KeyName="loyalty", Values=["L2"])
    assert found(cp, "loyalty", "L2") == [b]
    assert found(cp, "loyalty", "L1") == [a]
    cp.delete_profile_key(DomainName=D, ProfileId=b, KeyName="loyalty", Values=["L2"])
    assert found(cp, "loyalty", "L2") == []
    assert search("AND") == []
    assert search("OR") == [b]
    cp.add_profile_key(DomainName=D, ProfileId=b, KeyName="loyalty", Values=["L2"])
    assert found(cp, "loyalty", "L2") == [b]


def test_objects_and_keys_follow_ingestion(cp: Any) -> None:
    put(cp, "o1", "x@example.com")
    (x,) = found(cp, "_email", "x@example.com")
    put(cp, "o2", "X@example.com")  # the same profile through the _email PROFILE key
    put(cp, "o3", "y@example.com")
    (y,) = found(cp, "_email", "y@example.com")
    assert x != y
    assert objects(cp, x) == ["o1", "o2"]
    assert objects(cp, y) == ["o3"]
    assert found(cp, "orderId", "o2") == [x]

    key = put(cp, "o1", "x@example.com", pad="changed")  # replaced: ingested anew
    listed = cp.list_profile_objects(DomainName=D, ProfileId=x, ObjectTypeName="Order")["Items"]
    assert [json.loads(i["Object"])["pad"] for i in listed] == ["", "changed"]  # by ingestion

    filtered = cp.list_profile_objects(
        DomainName=D,
        ProfileId=x,
        ObjectTypeName="Order",
        ObjectFilter={"KeyName": "orderId", "Values": ["o2"]},
    )["Items"]
    assert [json.loads(i["Object"])["order"] for i in filtered] == ["o2"]

    cp.delete_profile_object(
        DomainName=D, ProfileId=x, ObjectTypeName="Order", ProfileObjectUniqueKey=key
    )
    assert objects(cp, x) == ["o2"]


def test_merge_moves_objects_and_keys(cp: Any) -> None:
    put(cp, "o1", "main@example.com")
    put(cp, "o2", "other@example.com")
    put(cp, "o3", "other@example.com")
    (main,) = found(cp, "_email", "main@example.com")
    (other,) = found(cp, "_email", "other@example.com")
    cp.add_profile_key(DomainName=D, ProfileId=other, KeyName="loyalty", Values=["L9"])
    cp.merge_profiles(DomainName=D, MainProfileId=main, ProfileIdsToBeMerged=[other])

    assert objects(cp, main) == ["o1", "o2", "o3"]
    assert found(cp, "_email", "other@example.com") == [main]
    assert found(cp, "loyalty", "L9") == [main]
    assert found(cp, "orderId", "o3") == [main]
    assert found(cp, "_profileId", other) == []
    put(cp, "o4", "other@example.com")  # finds the main profile now
    assert objects(cp, main) == ["o1", "o2", "o3", "o4"]
    cp.delete_profile(DomainName=D, ProfileId=main)
    assert found(cp, "orderId", "o1") == []
    assert found(cp, "_email", "other@example.com") == []


def test_expiry_at_the_right_clock_time(cp: Any, clock: Clock) -> None:
    kept = cp.create_profile(DomainName=D, EmailAddress="kept@example.com")["ProfileId"]
    gone = cp.create_profile(DomainName=D, EmailAddress="gone@example.com")["ProfileId"]
    clock.advance(days=5)
    cp.update_profile(DomainName=D, ProfileId=kept, FirstName="Kim")  # restarts its clock
    clock.advance(days=5, seconds=-1)
    assert found(cp, "_email", "gone@example.com") == [gone]
    clock.advance(seconds=1)  # exactly 10 days after its creation
    assert found(cp, "_email", "gone@example.com") == []
    assert found(cp, "_email", "kept@example.com") == [kept]
    clock.advance(days=5, seconds=-1)
    assert found(cp, "_email", "kept@example.com") == [kept]
    clock.advance(seconds=1)
    assert found(cp, "_email", "kept@example.com") == []


def test_object_expiry_follows_its_type(cp: Any, clock: Clock) -> None:
    cp.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Short",
        Description="short-lived",
        ExpirationDays=1,
        Fields={
            "id": {"Source": "_source.id"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
        },
        Keys={
            "shortId": [{"FieldNames": ["id"], "StandardIdentifiers": ["UNIQUE"]}],
            "_email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}],
        },
    )
    pid = cp.create_profile(DomainName=D, EmailAddress="s@example.com")["ProfileId"]
    put(cp, "o1", "s@example.com")  # Order: 10 days
    clock.advance(days=0.5)
    cp.put_profile_object(
        DomainName=D,
        ObjectTypeName="Short",
        Object=json.dumps({"id": "s1", "email": "s@example.com"}),
    )

    def shorts() -> int:
        answer = cp.list_profile_objects(DomainName=D, ProfileId=pid, ObjectTypeName="Short")
        return len(answer["Items"])

    clock.advance(days=1, seconds=-1)
    assert shorts() == 1
    cp.update_profile(DomainName=D, ProfileId=pid, LastName="Lee")  # the profile stays
    clock.advance(seconds=1)
    assert shorts() == 0
    assert objects(cp, pid) == ["o1"]
    assert found(cp, "_email", "s@example.com") == [pid]


def test_size_accounting_is_incremental(cp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    body_size = len(json.dumps({"order": "o1", "email": "z@example.com", "pad": "x" * 300}))
    monkeypatch.setattr(_ingest, "MAX_PROFILE_BYTES", 3 * body_size)
    keys = [put(cp, f"o{i}", "z@example.com", pad="x" * 300) for i in range(1, 4)]
    with pytest.raises(cp.exceptions.BadRequestException, match="51,200"):
        put(cp, "o4", "z@example.com", pad="x" * 300)
    put(cp, "o2", "z@example.com", pad="y" * 300)  # a replacement of the same size fits
    (pid,) = found(cp, "_email", "z@example.com")
    cp.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=keys[0]
    )
    put(cp, "o4", "z@example.com", pad="x" * 300)  # the deleted object's room is free
    assert objects(cp, pid) == ["o3", "o2", "o4"]  # the replacement was ingested later


def test_eviction_uses_the_profile_count() -> None:
    backend = LocalBackend(clock=Clock(start=T0), objects_per_profile=3)
    small = setup(backend.client())
    for i in range(5):
        put(small, f"o{i}", "e@example.com")
    (pid,) = found(small, "_email", "e@example.com")
    assert objects(small, pid) == ["o2", "o3", "o4"]
    assert found(small, "orderId", "o0") == [pid]  # evicted objects' keys stay [A]


def test_deleting_an_object_type_unindexes_its_keys(cp: Any) -> None:
    put(cp, "o1", "t@example.com")
    (pid,) = found(cp, "orderId", "o1")
    cp.delete_profile_object_type(DomainName=D, ObjectTypeName="Order")
    assert found(cp, "orderId", "o1") == []
    assert found(cp, "_profileId", pid) == [pid]


def test_indexes_are_rebuilt_from_a_saved_state(
    cp: Any, backend: LocalBackend, tmp_path: Path
) -> None:
    put(cp, "o1", "r@example.com")
    put(cp, "o2", "r@example.com")
    (pid,) = found(cp, "_email", "r@example.com")
    path = tmp_path / "state.json"
    backend.save_state(path)
    assert "index" not in json.loads(path.read_text())["regions"]["us-east-1"]["domains"][D]
    other = LocalBackend(clock=Clock(start=T0))
    other.load_state(path)
    client = other.client()
    assert found(client, "_email", "r@example.com") == [pid]
    assert objects(client, pid) == ["o1", "o2"]
    put(client, "o3", "r@example.com")
    assert objects(client, pid) == ["o1", "o2", "o3"]


def test_the_default_keys_follow_the_documented_normalisation() -> None:
    # spec 2.3 / D9: e-mails trimmed and lowercased, phones as digits (10 digits get a
    # leading 1), names casefolded with empty parts skipped, the account as written.
    from customer_profiles_sdk.local._keys import default_key_values, default_keys
    from customer_profiles_sdk.local._state import ProfileRec

    def profile(fields: dict[str, str]) -> ProfileRec:
        times = {"created_at": 0.0, "updated_at": 0.0, "expires_at": 1.0}
        return ProfileRec(profile_id="a" * 32, fields=fields, seq=1, **times)

    full = profile(
        {
            "FirstName": "Ana",
            "MiddleName": "",
            "LastName": " LIMA ",
            "EmailAddress": " Ana@Example.com",
            "BusinessEmailAddress": "ana@work.example",
            "PhoneNumber": "(206) 555-0100",
            "AccountNumber": "A-1",
        }
    )
    assert default_keys(full) == {
        "_profileId": {"a" * 32},
        "_email": {"ana@example.com", "ana@work.example"},
        "_phone": {"12065550100"},
        "_account": {"A-1"},
        "_fullName": {"ana lima"},
    }
    assert default_key_values(full, "_email") == {"ana@example.com", "ana@work.example"}
    assert default_key_values(full, "custom") is None
    empty = profile({"HomePhoneNumber": "555"})
    assert default_keys(empty) == {"_profileId": {"a" * 32}, "_phone": {"555"}}
    assert default_key_values(empty, "_fullName") is None
    assert default_key_values(empty, "_email") is None


def test_a_seekable_result_reads_and_renders_only_the_page() -> None:
    from customer_profiles_sdk.local._paging import SeekableItems

    read: list[int] = []
    rendered: list[int] = []

    def walk(after: list[int] | None) -> Iterator[tuple[list[int], int]]:
        for n in range(after[0] + 1 if after else 0, 1000):
            read.append(n)
            yield [n], n

    def render(record: int) -> dict[str, int]:
        rendered.append(record)
        return {"n": record}

    items = SeekableItems(walk, render)
    assert items.page([19], 3) == ([{"n": 20}, {"n": 21}, {"n": 22}], [22])
    assert read == [20, 21, 22, 23]  # the page and a look-ahead of one
    assert rendered == [20, 21, 22]
    assert items.page([996], 3) == ([{"n": 997}, {"n": 998}, {"n": 999}], None)


def test_a_value_held_twice_by_one_profile_is_found_once(cp: Any) -> None:
    # The same _email value stored as a key and derived from EmailAddress: one index
    # entry per profile and value, whichever sources hold it.
    a = cp.create_profile(DomainName=D, EmailAddress="a@example.com")["ProfileId"]
    b = cp.create_profile(DomainName=D, EmailAddress="a@example.com")["ProfileId"]
    cp.add_profile_key(DomainName=D, ProfileId=a, KeyName="_email", Values=["a@example.com"])
    assert found(cp, "_email", "a@example.com") == [a, b]
    page = cp.search_profiles(
        DomainName=D, KeyName="_email", Values=["a@example.com"], MaxResults=1
    )
    assert [item["ProfileId"] for item in page["Items"]] == [a]
    rest = cp.search_profiles(
        DomainName=D, KeyName="_email", Values=["a@example.com"], NextToken=page["NextToken"]
    )
    assert [item["ProfileId"] for item in rest["Items"]] == [b]
    assert "NextToken" not in rest

    cp.update_profile(DomainName=D, ProfileId=a, EmailAddress="z@example.com")
    assert found(cp, "_email", "a@example.com") == [a, b]  # the stored key still holds it
    cp.delete_profile_key(DomainName=D, ProfileId=a, KeyName="_email", Values=["a@example.com"])
    assert found(cp, "_email", "a@example.com") == [b]
    assert found(cp, "_email", "z@example.com") == [a]
    cp.add_profile_key(DomainName=D, ProfileId=b, KeyName="_email", Values=["a@example.com"])
    cp.update_profile(DomainName=D, ProfileId=b, EmailAddress="y@example.com")
    cp.delete_profile_key(DomainName=D, ProfileId=b, KeyName="_email", Values=["a@example.com"])
    assert found(cp, "_email", "a@example.com") == []


def pages(call: Any, key: str, **kw: Any) -> list[list[Any]]:
    """Every page of a paginated call, each page's ``key`` items."""
    out, token = [], None
    while True:
        answer = call(**kw, **({"NextToken": token} if token else {}))
        out.append(answer[key])
        token = answer.get("NextToken")
        if not token:
            return out


@pytest.mark.parametrize("small", [1, 2, 4])
def test_runs_grow_past_a_plain_list_and_keep_their_order(
    cp: Any, monkeypatch: pytest.MonkeyPatch, small: int
) -> None:
    # A run (the holders of a key value, the objects of a profile and type) is a plain
    # list while small and a SortedList past _SMALL: both kinds answer the same pages.
    monkeypatch.setattr(_index, "_SMALL", small)
    ids = [
        cp.create_profile(DomainName=D, EmailAddress="same@example.com")["ProfileId"]
        for _ in range(9)
    ]
    walked = pages(
        cp.search_profiles,
        "Items",
        DomainName=D,
        KeyName="_email",
        Values=["same@example.com"],
        MaxResults=2,
    )
    assert [len(page) for page in walked] == [2, 2, 2, 2, 1]
    assert [item["ProfileId"] for page in walked for item in page] == ids
    for gone in (ids[0], ids[4], ids[8]):
        cp.delete_profile(DomainName=D, ProfileId=gone)
    left = [pid for pid in ids if pid not in (ids[0], ids[4], ids[8])]
    assert found(cp, "_email", "same@example.com") == left

    for n in range(7):
        put(cp, f"o{n}", "one@example.com")
    pid = found(cp, "_email", "one@example.com")[0]
    listed = pages(
        cp.list_profile_objects,
        "Items",
        DomainName=D,
        ProfileId=pid,
        ObjectTypeName="Order",
        MaxResults=3,
    )
    assert [json.loads(item["Object"])["order"] for page in listed for item in page] == [
        f"o{n}" for n in range(7)
    ]
    assert [len(page) for page in listed] == [3, 3, 1]
    # The same unique key again: the object is replaced and moves to the end (its new seq).
    unique = put(cp, "o3", "one@example.com", pad="again")
    assert objects(cp, pid) == ["o0", "o1", "o2", "o4", "o5", "o6", "o3"]
    cp.delete_profile_object(
        DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=unique
    )
    assert objects(cp, pid) == ["o0", "o1", "o2", "o4", "o5", "o6"]


def test_a_run_is_an_int_then_a_list_then_a_sorted_list() -> None:
    run = _index._run_added(None, 5)
    assert run == 5  # one sequence: the bare int
    assert _index._run_added(run, 5) == 5
    assert list(_index._after(run, None)) == [5]
    assert list(_index._after(run, 4)) == [5]
    assert list(_index._after(run, 5)) == []
    assert _index._run_without(run, 4) == 5
    assert _index._run_without(run, 5) is None
    for seq in (3, 9, 5, 7):
        run = _index._run_added(run, seq)
    assert run == [3, 5, 7, 9]
    assert _index._run_len(run) == 4
    assert list(_index._after(run, None)) == [3, 5, 7, 9]
    assert list(_index._after(run, 5)) == [7, 9]
    assert _index._run_without(run, 4) == [3, 5, 7, 9]  # absent: nothing happens
    assert _index._run_without(run, 3) == [5, 7, 9]
    for seq in range(100, 100 + _index._SMALL):
        run = _index._run_added(run, seq)
    assert not isinstance(run, list)  # promoted
    assert _index._run_len(run) == 3 + _index._SMALL
    assert list(_index._after(run, 99)) == list(range(100, 100 + _index._SMALL))
    assert list(_index._after(run, None))[:3] == [5, 7, 9]
    for seq in [5, 7, 9, *range(100, 100 + _index._SMALL)]:
        left = _index._run_without(run, seq)
        assert left is not None or seq == 99 + _index._SMALL
        run = left if left is not None else run
    assert _index._run_without(run, 99 + _index._SMALL) is None
