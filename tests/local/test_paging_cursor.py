"""Cursor paging of the emulator (issue 16 item 4): SearchProfiles,
ListProfileHistoryRecords and ListProfileObjects resume a page after the last item of
the previous one (``local/_paging.py``, seekable results).

Everything goes through a real boto3 client: a walk with any page size gives the
single-page answer (order and content), tokens are checked as before, an item created
or deleted between pages shifts nothing, and an exact multiple has no empty last page.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from customer_profiles_sdk.local import Clock, LocalBackend

D = "cursor"
T0 = 1_760_000_000.0
SIZES = (1, 2, 3, 5, 7, 100)

Call = Callable[..., dict[str, Any]]


@pytest.fixture
def clock() -> Clock:
    clock = Clock(start=T0)
    clock.freeze(T0)
    return clock


@pytest.fixture
def backend(clock: Clock) -> LocalBackend:  # overrides the conftest fixture: frozen clock
    return LocalBackend(clock=clock)


@pytest.fixture
def cp(client: Any) -> Any:
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "order": {"Source": "_source.order"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
            "tag": {"Source": "_source.tag"},
        },
        Keys={
            "orderId": [{"FieldNames": ["order"], "StandardIdentifiers": ["UNIQUE"]}],
            "_email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}],
            "tag": [{"FieldNames": ["tag"], "StandardIdentifiers": ["LOOKUP_ONLY"]}],
        },
    )
    return client


def walk(call: Call, key: str, size: int, **request: Any) -> list[dict[str, Any]]:
    """Every item of ``call(**request)``, page by page of ``size``; checks that no page
    is empty and that the last one carries no token."""
    items: list[dict[str, Any]] = []
    token = None
    while True:
        extra = {"NextToken": token} if token else {}
        page = call(MaxResults=size, **request, **extra)
        items += page[key]
        token = page.get("NextToken")
        if token is None:
            return items
        assert page[key], "a page with a NextToken is never empty"
        assert len(page[key]) == size


def every_size(call: Call, key: str, **request: Any) -> list[dict[str, Any]]:
    """The single-page answer, after checking that every page size walks to it."""
    whole = call(MaxResults=100, **request)
    assert "NextToken" not in whole
    for size in SIZES:
        assert walk(call, key, size, **request) == whole[key], size
    return list(whole[key])


def owner_of(cp: Any, email: str) -> str:
    """The id of the one profile with ``email``."""
    items = cp.search_profiles(DomainName=D, KeyName="_email", Values=[email])["Items"]
    (profile,) = items
    return str(profile["ProfileId"])


def error(exc: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    err = exc.value.response["Error"]
    return str(err["Code"]), str(err["Message"])


def people(cp: Any) -> dict[str, str]:
    """17 profiles: accounts A (every 2nd), B (every 3rd), emails and a stored key."""
    ids = {}
    for i in range(17):
        fields: dict[str, Any] = {"FirstName": f"P{i}"}
        if i % 2 == 0:
            fields["AccountNumber"] = "A"
        elif i % 3 == 0:
            fields["AccountNumber"] = "B"
        if i % 4 == 0:
            fields["EmailAddress"] = f"p{i % 8}@example.com"
        ids[f"p{i}"] = pid = cp.create_profile(DomainName=D, **fields)["ProfileId"]
        if i % 5 == 0:
            cp.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=["B"])
    return ids


# --------------------------------------------------------------------------- SearchProfiles


def test_search_walks_equal_the_single_page_for_or_and_and_several_values(cp: Any) -> None:
    ids = people(cp)
    search = cp.search_profiles
    by_id = {pid: name for name, pid in ids.items()}

    def names(items: list[dict[str, Any]]) -> list[str]:
        return [by_id[item["ProfileId"]] for item in items]

    one = every_size(search, "Items", DomainName=D, KeyName="_account", Values=["A"])
    assert names(one) == [f"p{i}" for i in range(0, 17, 2)]
    assert all("FoundByItems" not in item for item in one)
    two = every_size(search, "Items", DomainName=D, KeyName="_account", Values=["B", "A"])
    expected = [i for i in range(17) if i % 2 == 0 or i % 3 == 0 or i % 5 == 0]
    assert names(two) == [f"p{i}" for i in expected]  # creation order, each once
    email = {"KeyName": "_email", "Values": ["P0@example.com", "p4@example.com"]}
    either = every_size(
        search,
        "Items",
        DomainName=D,
        KeyName="_account",
        Values=["B"],
        AdditionalSearchKeys=[email],
        LogicalOperator="OR",
    )
    assert names(either) == [f"p{i}" for i in range(17) if i % 4 == 0 or i in (3, 5, 9, 10, 15)]
    assert either[0]["FoundByItems"] == [
        {"KeyName": "_account", "Values": ["B"]},
        {"KeyName": "_email", "Values": ["P0@example.com"]},
    ]
    assert names(either)[1] == "p3"
    assert either[1]["FoundByItems"] == [{"KeyName": "_account", "Values": ["B"]}]
    both = every_size(
        search,
        "Items",
        DomainName=D,
        KeyName="_account",
        Values=["A", "B"],
        AdditionalSearchKeys=[email, {"KeyName": "_fullName", "Values": ["p0", "P8", "p12"]}],
        LogicalOperator="AND",
    )
    assert names(both) == ["p0", "p8", "p12"]
    assert both[1]["FoundByItems"] == [
        {"KeyName": "_account", "Values": ["A"]},
        {"KeyName": "_email", "Values": ["P0@example.com"]},
        {"KeyName": "_fullName", "Values": ["P8"]},
    ]
    assert every_size(search, "Items", DomainName=D, KeyName="_account", Values=["none"]) == []


def test_search_checks_each_candidate_against_the_profile(cp: Any) -> None:
    ids = people(cp)
    # p2 leaves account A (the field changes), p4 is deleted, p10's stored B removed.
    cp.update_profile(DomainName=D, ProfileId=ids["p2"], AccountNumber="C")
    cp.delete_profile(DomainName=D, ProfileId=ids["p4"])
    cp.delete_profile_key(DomainName=D, ProfileId=ids["p10"], KeyName="_account", Values=["B"])
    items = every_size(cp.search_profiles, "Items", DomainName=D, KeyName="_account", Values=["A"])
    assert [item["ProfileId"] for item in items] == [
        ids[f"p{i}"] for i in range(0, 17, 2) if i not in (2, 4)
    ]
    b_items = every_size(
        cp.search_profiles, "Items", DomainName=D, KeyName="_account", Values=["B"]
    )
    assert ids["p10"] not in [item["ProfileId"] for item in b_items]
    assert ids["p15"] in [item["ProfileId"] for item in b_items]


def test_search_pages_are_not_shifted_by_creates_and_deletes_between_pages(cp: Any) -> None:
    ids = [
        cp.create_profile(DomainName=D, AccountNumber="S", FirstName=f"S{i}")["ProfileId"]
        for i in range(10)
    ]
    request = {"DomainName": D, "KeyName": "_account", "Values": ["S"], "MaxResults": 4}
    first = cp.search_profiles(**request)
    assert [i["ProfileId"] for i in first["Items"]] == ids[:4]
    cp.delete_profile(DomainName=D, ProfileId=ids[1])  # seen already
    cp.delete_profile(DomainName=D, ProfileId=ids[5])  # not seen yet
    new = cp.create_profile(DomainName=D, AccountNumber="S")["ProfileId"]
    second = cp.search_profiles(**request, NextToken=first["NextToken"])
    assert [i["ProfileId"] for i in second["Items"]] == [ids[4], ids[6], ids[7], ids[8]]
    third = cp.search_profiles(**request, NextToken=second["NextToken"])
    assert [i["ProfileId"] for i in third["Items"]] == [ids[9], new]
    assert "NextToken" not in third


# --------------------------------------------------------------------------- history


def test_history_walks_equal_the_single_page_with_filters_and_a_clock_set_back(
    cp: Any, clock: Clock
) -> None:
    pid = cp.create_profile(DomainName=D, FirstName="H")["ProfileId"]
    for i in range(12):
        clock.freeze(T0 + 100 * i)
        cp.update_profile(DomainName=D, ProfileId=pid, FirstName=f"H{i}")
        if i % 3 == 0:
            cp.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=[f"k{i}"])
    # Read once, so that the records below are added to a built history order.
    assert cp.list_profile_history_records(DomainName=D, ProfileId=pid, MaxResults=1)
    clock.freeze(T0 + 150)  # set back: these records sort among the older ones
    cp.update_profile(DomainName=D, ProfileId=pid, LastName="Back")
    cp.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_email", Values=["h@example.com"])
    cp.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"order": "o1", "email": "h@example.com"}),
    )
    cp.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"order": "o2", "email": "h@example.com"}),
    )
    listing = cp.list_profile_history_records
    key = "ProfileHistoryRecords"
    records = every_size(listing, key, DomainName=D, ProfileId=pid)
    assert len(records) == 1 + 12 + 4 + 1 + 1 + 2
    stamps = [r["CreatedAt"].timestamp() for r in records]
    assert stamps == sorted(stamps, reverse=True)
    assert stamps.count(T0 + 150) == 4
    updated = every_size(listing, key, DomainName=D, ProfileId=pid, ActionType="UPDATED")
    assert [r for r in records if r["ActionType"] == "UPDATED"] == updated
    assert len(updated) == 13
    orders = every_size(listing, key, DomainName=D, ProfileId=pid, ObjectTypeName="Order")
    assert [r["ActionType"] for r in orders] == ["INGESTED", "INGESTED"]
    assert orders == [r for r in records if r["ObjectTypeName"] == "Order"]
    keys = every_size(
        listing,
        key,
        DomainName=D,
        ProfileId=pid,
        ObjectTypeName="_profile",
        ActionType="ADDED_PROFILE_KEY",
        PerformedBy=records[0]["PerformedBy"],
    )
    assert len(keys) == 5
    assert keys == [r for r in records if r["ActionType"] == "ADDED_PROFILE_KEY"]
    nothing = every_size(listing, key, DomainName=D, ProfileId=pid, PerformedBy="nobody")
    assert nothing == []


def test_history_pages_are_not_shifted_by_records_written_between_pages(
    cp: Any, clock: Clock
) -> None:
    pid = cp.create_profile(DomainName=D, FirstName="H")["ProfileId"]
    for i in range(9):
        clock.freeze(T0 + i + 1)
        cp.update_profile(DomainName=D, ProfileId=pid, FirstName=f"H{i}")
    before = every_size(
        cp.list_profile_history_records, "ProfileHistoryRecords", DomainName=D, ProfileId=pid
    )
    request = {"DomainName": D, "ProfileId": pid, "MaxResults": 3}
    first = cp.list_profile_history_records(**request)
    clock.freeze(T0 + 100)
    cp.update_profile(DomainName=D, ProfileId=pid, FirstName="newer")  # before page 1
    seen = first["ProfileHistoryRecords"] + walk_from(cp, request, first["NextToken"])
    assert seen == before


def walk_from(cp: Any, request: dict[str, Any], token: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while token:
        page = cp.list_profile_history_records(**request, NextToken=token)
        items += page["ProfileHistoryRecords"]
        token = page.get("NextToken")
    return items


# --------------------------------------------------------------------------- objects


def put(cp: Any, order: str, email: str, tag: str = "t") -> str:
    body = json.dumps({"order": order, "email": email, "tag": tag})
    answer = cp.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=body)
    return str(answer["ProfileObjectUniqueKey"])


def orders(items: list[dict[str, Any]]) -> list[str]:
    return [json.loads(item["Object"])["order"] for item in items]


def test_object_walks_equal_the_single_page_with_filters_replacements_and_merges(
    cp: Any,
) -> None:
    for i in range(11):
        put(cp, f"a{i}", "a@example.com", tag="even" if i % 2 == 0 else "odd")
    put(cp, "a3", "a@example.com", tag="odd")  # re-ingested: now the newest
    for i in range(4):
        put(cp, f"b{i}", "b@example.com")
    a = owner_of(cp, "a@example.com")
    b = owner_of(cp, "b@example.com")
    listing = cp.list_profile_objects
    items = every_size(listing, "Items", DomainName=D, ProfileId=a, ObjectTypeName="Order")
    assert orders(items) == [f"a{i}" for i in range(11) if i != 3] + ["a3"]
    even = every_size(
        listing,
        "Items",
        DomainName=D,
        ProfileId=a,
        ObjectTypeName="Order",
        ObjectFilter={"KeyName": "tag", "Values": ["even", "none"]},
    )
    assert orders(even) == [f"a{i}" for i in range(0, 11, 2)]
    cp.merge_profiles(DomainName=D, MainProfileId=b, ProfileIdsToBeMerged=[a])
    merged = every_size(listing, "Items", DomainName=D, ProfileId=b, ObjectTypeName="Order")
    # Ingestion order across both profiles' objects.
    assert orders(merged) == [f"a{i}" for i in range(11) if i != 3] + ["a3"] + [
        f"b{i}" for i in range(4)
    ]


def test_object_pages_are_not_shifted_by_puts_and_deletes_between_pages(cp: Any) -> None:
    keys = [put(cp, f"o{i}", "o@example.com") for i in range(8)]
    pid = owner_of(cp, "o@example.com")
    request = {"DomainName": D, "ProfileId": pid, "ObjectTypeName": "Order", "MaxResults": 3}
    first = cp.list_profile_objects(**request)
    assert orders(first["Items"]) == ["o0", "o1", "o2"]
    for gone in (0, 4):  # one seen, one not seen yet
        cp.delete_profile_object(
            DomainName=D, ProfileId=pid, ObjectTypeName="Order", ProfileObjectUniqueKey=keys[gone]
        )
    put(cp, "o8", "o@example.com")
    second = cp.list_profile_objects(**request, NextToken=first["NextToken"])
    assert orders(second["Items"]) == ["o3", "o5", "o6"]
    third = cp.list_profile_objects(**request, NextToken=second["NextToken"])
    assert orders(third["Items"]) == ["o7", "o8"]
    assert "NextToken" not in third


def test_objects_re_ingested_or_merged_in_between_pages_follow_the_documented_rules(
    cp: Any,
) -> None:
    # docs/emulator.md, "Resuming a page": a re-ingested object moves to the end of the
    # ingestion order (returned again); objects merged in keep their order (those before
    # the cursor are not returned by this walk).
    put(cp, "x0", "x@example.com")
    for i in range(4):
        put(cp, f"y{i}", "y@example.com")
    x, y = owner_of(cp, "x@example.com"), owner_of(cp, "y@example.com")
    request = {"DomainName": D, "ProfileId": y, "ObjectTypeName": "Order", "MaxResults": 2}
    first = cp.list_profile_objects(**request)
    assert orders(first["Items"]) == ["y0", "y1"]
    put(cp, "y0", "y@example.com")  # re-ingested: now the newest
    cp.merge_profiles(DomainName=D, MainProfileId=y, ProfileIdsToBeMerged=[x])  # x0 is older
    walked, token = orders(first["Items"]), first["NextToken"]
    while token:
        page = cp.list_profile_objects(**request, NextToken=token)
        walked += orders(page["Items"])
        token = page.get("NextToken")
    assert walked == ["y0", "y1", "y2", "y3", "y0"]
    now = cp.list_profile_objects(DomainName=D, ProfileId=y, ObjectTypeName="Order")
    assert orders(now["Items"]) == ["x0", "y1", "y2", "y3", "y0"]


# --------------------------------------------------------------------------- exact multiples


def test_an_exact_multiple_has_no_empty_last_page(cp: Any) -> None:
    pids = [cp.create_profile(DomainName=D, AccountNumber="M")["ProfileId"] for _ in range(6)]
    for i in range(6):
        put(cp, f"m{i}", "m@example.com")
    owner = owner_of(cp, "m@example.com")
    history_pid = pids[0]
    for i in range(5):  # CREATED + 5 UPDATED = 6 records
        cp.update_profile(DomainName=D, ProfileId=history_pid, FirstName=f"M{i}")
    calls: list[tuple[Call, str, dict[str, Any]]] = [
        (cp.search_profiles, "Items", {"KeyName": "_account", "Values": ["M"]}),
        (cp.list_profile_history_records, "ProfileHistoryRecords", {"ProfileId": history_pid}),
        (cp.list_profile_objects, "Items", {"ProfileId": owner, "ObjectTypeName": "Order"}),
    ]
    for call, key, request in calls:
        for size in (1, 2, 3, 6):
            pages = []
            token = None
            while True:
                extra = {"NextToken": token} if token else {}
                page = call(DomainName=D, MaxResults=size, **request, **extra)
                pages.append(len(page[key]))
                token = page.get("NextToken")
                if token is None:
                    break
            assert pages == [size] * (6 // size), (call, size)


# --------------------------------------------------------------------------- tokens


def _payload(token: str) -> list[Any]:
    head = token.partition(".")[0]
    decoded: list[Any] = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    return decoded


def test_cursor_tokens_are_checked_like_offset_tokens(cp: Any, backend: LocalBackend) -> None:
    for i in range(5):
        cp.create_profile(DomainName=D, AccountNumber="T", FirstName=f"T{i}")
    request = {"DomainName": D, "KeyName": "_account", "Values": ["T"], "MaxResults": 2}
    token = cp.search_profiles(**request)["NextToken"]
    operation, _, cursor = _payload(token)
    assert operation == "SearchProfiles"
    assert isinstance(cursor, list)  # a cursor, not an offset
    assert len(token) < 200

    def fails(call: Call, **kw: Any) -> tuple[str, str]:
        with pytest.raises(ClientError) as exc:
            call(**kw)
        return error(exc)

    not_valid = ("BadRequestException", "The NextToken is not valid")
    head, _, tail = token.partition(".")
    flipped = head[:-3] + ("A" if head[-3] != "A" else "B") + head[-2:]
    assert fails(cp.search_profiles, **request, NextToken=f"{flipped}.{tail}") == not_valid
    assert fails(cp.search_profiles, **request, NextToken="garbage") == not_valid
    other = {**request, "Values": ["T", "U"]}
    code, message = fails(cp.search_profiles, **other, NextToken=token)
    assert code == "BadRequestException"
    assert "different request" in message
    # MaxResults may change between pages.
    assert cp.search_profiles(**{**request, "MaxResults": 3}, NextToken=token)["Items"]
    code, message = fails(cp.list_domains, NextToken=token)
    assert code == "BadRequestException"
    assert message == "The NextToken was issued for SearchProfiles, not for ListDomains"

    # A correctly signed token of the right request but the wrong kind: an offset where a
    # cursor is expected, and a cursor where an offset is expected.
    pager = backend._pager
    _, fingerprint, _ = _payload(token)
    offset_token = pager._encode("SearchProfiles", fingerprint, 2)
    assert fails(cp.search_profiles, **request, NextToken=offset_token) == not_valid
    for i in range(3):
        cp.create_domain(DomainName=f"{D}{i}", DefaultExpirationDays=1)
    domains_token = cp.list_domains(MaxResults=1)["NextToken"]
    _, domains_fp, offset = _payload(domains_token)
    assert offset == 1
    cursor_token = pager._encode("ListDomains", domains_fp, [1])
    assert fails(cp.list_domains, MaxResults=1, NextToken=cursor_token) == not_valid
    assert cp.list_domains(MaxResults=1, NextToken=domains_token)["Items"]


def test_history_and_object_tokens_are_bound_to_their_request(cp: Any) -> None:
    for i in range(3):
        put(cp, f"x{i}", "x@example.com")
    pid = owner_of(cp, "x@example.com")
    objects = {"DomainName": D, "ProfileId": pid, "ObjectTypeName": "Order", "MaxResults": 1}
    token = cp.list_profile_objects(**objects)["NextToken"]
    with pytest.raises(ClientError) as exc:
        cp.list_profile_history_records(DomainName=D, ProfileId=pid, NextToken=token)
    assert error(exc)[1] == (
        "The NextToken was issued for ListProfileObjects, not for ListProfileHistoryRecords"
    )
    history = {"DomainName": D, "ProfileId": pid, "MaxResults": 1}
    token = cp.list_profile_history_records(**history)["NextToken"]
    with pytest.raises(ClientError) as exc:
        cp.list_profile_history_records(**history, ActionType="UPDATED", NextToken=token)
    assert "different request" in error(exc)[1]


def test_paging_after_a_state_round_trip(cp: Any, backend: LocalBackend, tmp_path: Any) -> None:
    for i in range(5):
        put(cp, f"s{i}", "s@example.com")
    pid = owner_of(cp, "s@example.com")
    for i in range(4):
        cp.create_profile(DomainName=D, AccountNumber="R", FirstName=f"R{i}")
    search = {"DomainName": D, "KeyName": "_account", "Values": ["R"]}
    history = {"DomainName": D, "ProfileId": pid}
    objects = {"DomainName": D, "ProfileId": pid, "ObjectTypeName": "Order"}
    before = (
        every_size(cp.search_profiles, "Items", **search),
        every_size(cp.list_profile_history_records, "ProfileHistoryRecords", **history),
        every_size(cp.list_profile_objects, "Items", **objects),
    )
    path = tmp_path / "state.json"
    backend.save_state(path)
    other = LocalBackend(clock=backend.clock)
    other.load_state(path)
    client = other.client()
    after = (
        every_size(client.search_profiles, "Items", **search),
        every_size(client.list_profile_history_records, "ProfileHistoryRecords", **history),
        every_size(client.list_profile_objects, "Items", **objects),
    )
    assert after == before
    assert len(after[1]) == 6  # CREATED + 5 INGESTED
    # A page resumed on the loaded backend sees what was appended since the load.
    first = client.list_profile_objects(**objects, MaxResults=4)
    client.put_profile_object(
        DomainName=D,
        ObjectTypeName="Order",
        Object=json.dumps({"order": "s5", "email": "s@example.com"}),
    )
    rest = client.list_profile_objects(**objects, MaxResults=4, NextToken=first["NextToken"])
    assert orders(rest["Items"]) == ["s4", "s5"]


def test_search_walks_follow_random_writes(cp: Any) -> None:
    import random

    rng = random.Random(16)
    accounts = ["a", "b", "c"]
    created: list[str] = []  # creation order
    field: dict[str, str | None] = {}
    stored: dict[str, set[str]] = {}
    for _ in range(150):
        live = [pid for pid in created if pid in field]
        action = rng.random()
        if action < 0.35 or not live:
            account = rng.choice([*accounts, None])
            extra = {"AccountNumber": account} if account else {}
            pid = cp.create_profile(DomainName=D, **extra)["ProfileId"]
            created.append(pid)
            field[pid], stored[pid] = account, set()
        elif action < 0.55:
            pid = rng.choice(live)
            account = rng.choice(accounts)
            cp.update_profile(DomainName=D, ProfileId=pid, AccountNumber=account)
            field[pid] = account
        elif action < 0.75:
            pid, account = rng.choice(live), rng.choice(accounts)
            cp.add_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=[account])
            stored[pid].add(account)
        elif action < 0.9:
            pid, account = rng.choice(live), rng.choice(accounts)
            cp.delete_profile_key(DomainName=D, ProfileId=pid, KeyName="_account", Values=[account])
            stored[pid].discard(account)
        else:
            pid = rng.choice(live)
            cp.delete_profile(DomainName=D, ProfileId=pid)
            del field[pid]
        values = rng.sample(accounts, rng.randint(1, 2))
        expected = [
            pid for pid in created if pid in field and ({field[pid]} | stored[pid]) & set(values)
        ]
        size = rng.choice((1, 3, 7, 20))
        items = walk(
            cp.search_profiles, "Items", size, DomainName=D, KeyName="_account", Values=values
        )
        assert [item["ProfileId"] for item in items] == expected


def test_standard_record_walks_equal_the_single_page_and_resume_after_a_delete(
    cp: Any,
) -> None:
    """ListProfileObjects of a standard type (``_order``): records in creation order,
    paged by cursor like objects; a filter is applied while walking."""
    cp.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Purchase",
        Description="purchases feeding _order records",
        AllowProfileCreation=True,
        Fields={
            "no": {"Source": "_source.no"},
            "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
            "total": {"Source": "_source.total", "Target": "_order.TotalPrice"},
        },
        Keys={
            "purchaseNo": [{"FieldNames": ["no"], "StandardIdentifiers": ["UNIQUE", "ORDER"]}],
            "_email": [{"FieldNames": ["email"], "StandardIdentifiers": ["PROFILE"]}],
        },
    )
    for i in range(7):
        body = {"no": f"n{i}", "email": "s@example.com", "total": f"{i}.00"}
        cp.put_profile_object(DomainName=D, ObjectTypeName="Purchase", Object=json.dumps(body))
    pid = owner_of(cp, "s@example.com")
    request = {"DomainName": D, "ProfileId": pid, "ObjectTypeName": "_order"}
    records = every_size(cp.list_profile_objects, "Items", **request)
    assert [json.loads(r["Object"])["TotalPrice"] for r in records] == [f"{i}.00" for i in range(7)]
    picked = every_size(
        cp.list_profile_objects,
        "Items",
        **request,
        ObjectFilter={"KeyName": "purchaseNo", "Values": ["n1", "n4", "n9"]},
    )
    assert [json.loads(r["Object"])["TotalPrice"] for r in picked] == ["1.00", "4.00"]
    first = cp.list_profile_objects(**request, MaxResults=3)
    seen = records[1]["ProfileObjectUniqueKey"]
    cp.delete_profile_object(**request, ProfileObjectUniqueKey=seen)
    second = cp.list_profile_objects(**request, MaxResults=3, NextToken=first["NextToken"])
    assert [r["ProfileObjectUniqueKey"] for r in second["Items"]] == [
        r["ProfileObjectUniqueKey"] for r in records[3:6]
    ]
    assert "NextToken" in second
