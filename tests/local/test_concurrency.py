"""Many threads writing to one backend at once lose nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from customer_profiles_sdk.local import Clock, LocalBackend
from tests.local.test_server import remote_client

D = "retail"
THREADS = 16
PER_THREAD = 50


def _object_type(client: Any) -> None:
    client.put_profile_object_type(
        DomainName=D,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "id": {"Source": "_source.id"},
            "email": {
                "Source": "_source.email",
                "Target": "_profile.EmailAddress",
                "ContentType": "EMAIL_ADDRESS",
            },
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )


def _run(threads: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` for every thread index at once; re-raise the first failure."""
    barrier = threading.Barrier(threads)

    def start(i: int) -> Any:
        barrier.wait(timeout=60)
        return work(i)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return [f.result() for f in [pool.submit(start, i) for i in range(threads)]]


@pytest.fixture(scope="module")
def pool() -> list[Any]:
    """One boto3 client per thread, built once (building a client is the slow part)."""
    return [LocalBackend().client() for _ in range(THREADS)]


def _clients(backend: LocalBackend, pool: list[Any]) -> list[Any]:
    """The pooled clients, now answered by ``backend`` (attach replaces the old one)."""
    return [backend.attach(client) for client in pool]


def _batch_get(client: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 20):  # the model allows 20 ids per call
        out = client.batch_get_profile(DomainName=D, ProfileIds=ids[start : start + 20])
        assert out["Errors"] == []
        found.update({p["ProfileId"]: p for p in out["Profiles"]})
    return found


@pytest.fixture
def shared(pool: list[Any]) -> LocalBackend:
    backend = LocalBackend()
    client = backend.attach(pool[0])
    client.create_domain(DomainName=D, DefaultExpirationDays=30)
    _object_type(client)
    return backend


def test_concurrent_create_profile_loses_nothing(shared: LocalBackend, pool: list[Any]) -> None:
    clients = _clients(shared, pool)

    def work(t: int) -> list[tuple[str, str]]:
        made = []
        for j in range(PER_THREAD):
            email = f"t{t}-n{j}@example.com"
            pid = clients[t].create_profile(
                DomainName=D, EmailAddress=email, Attributes={"thread": str(t), "n": str(j)}
            )["ProfileId"]
            made.append((pid, email))
        return made

    made = [pair for chunk in _run(THREADS, work) for pair in chunk]
    client = clients[0]
    assert len({pid for pid, _ in made}) == THREADS * PER_THREAD
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == THREADS * PER_THREAD
    profiles = _batch_get(client, [pid for pid, _ in made])
    for pid, email in made:
        t, n = email.split("@")[0].split("-")
        assert profiles[pid]["EmailAddress"] == email
        assert profiles[pid]["Attributes"] == {"thread": t[1:], "n": n[1:]}
    for pid, email in made[::37]:  # and the key index was written too
        found = client.search_profiles(DomainName=D, KeyName="_email", Values=[email])
        assert [p["ProfileId"] for p in found["Items"]] == [pid]
    assert shared.call_count("CreateProfile") == THREADS * PER_THREAD


def test_concurrent_ingestion_onto_shared_profiles(shared: LocalBackend, pool: list[Any]) -> None:
    # Every thread writes orders for the same 10 customers: no profile may be created
    # twice and no order lost.
    customers = [f"c{i}@example.com" for i in range(10)]
    clients = _clients(shared, pool)

    def work(t: int) -> None:
        for j in range(PER_THREAD):
            body = {"id": f"o-{t}-{j}", "email": customers[(t + j) % len(customers)]}
            clients[t].put_profile_object(
                DomainName=D, ObjectTypeName="Order", Object=json.dumps(body)
            )

    _run(THREADS, work)
    client = clients[0]
    stats = client.get_domain(DomainName=D)["Stats"]
    assert stats["ProfileCount"] == len(customers)
    assert stats["ObjectCount"] == THREADS * PER_THREAD
    seen: set[str] = set()
    for index, email in enumerate(customers):
        (profile,) = client.search_profiles(DomainName=D, KeyName="_email", Values=[email])["Items"]
        ids = _order_ids(client, profile["ProfileId"])
        expected = {
            f"o-{t}-{j}"
            for t in range(THREADS)
            for j in range(PER_THREAD)
            if (t + j) % len(customers) == index
        }
        assert ids == expected
        seen |= ids
    assert len(seen) == THREADS * PER_THREAD


def _order_ids(client: Any, pid: str) -> set[str]:
    ids: set[str] = set()
    kwargs: dict[str, Any] = {
        "DomainName": D,
        "ObjectTypeName": "Order",
        "ProfileId": pid,
        "MaxResults": 100,
    }
    while True:
        page = client.list_profile_objects(**kwargs)
        ids |= {json.loads(item["Object"])["id"] for item in page["Items"]}
        if "NextToken" not in page:
            return ids
        kwargs["NextToken"] = page["NextToken"]


def test_concurrent_domains_in_many_regions() -> None:
    backend = LocalBackend()
    regions = ["us-east-1", "eu-west-2", "ap-southeast-2", "ca-central-1"]
    clients = [backend.client(region_name=region) for region in regions]

    def work(t: int) -> None:
        client = clients[t % len(regions)]
        for j in range(5):
            client.create_domain(DomainName=f"t{t}-d{j}", DefaultExpirationDays=1)

    _run(THREADS, work)
    for r in range(len(regions)):
        names = {d["DomainName"] for d in clients[r].list_domains()["Items"]}
        assert names == {
            f"t{t}-d{j}" for t in range(THREADS) if t % len(regions) == r for j in range(5)
        }


def test_throttling_admits_exactly_the_bucket_under_concurrency(pool: list[Any]) -> None:
    frozen = LocalBackend(clock=Clock(start=1_700_000_000.0))
    clients = _clients(frozen, pool)
    clients[0].create_domain(DomainName=D, DefaultExpirationDays=1)
    frozen.throttling()  # CreateProfile: 100 TPS, bucket of 100, clock frozen

    def work(t: int) -> int:
        refused = 0
        for _ in range(10):
            try:
                clients[t].create_profile(DomainName=D)
            except clients[t].exceptions.ThrottlingException:
                refused += 1
        return refused

    refused = sum(_run(THREADS, work))
    assert refused == THREADS * 10 - 100
    frozen.throttling(False)
    assert clients[0].get_domain(DomainName=D)["Stats"]["ProfileCount"] == 100


def test_fail_next_fails_exactly_n_calls_under_concurrency(
    shared: LocalBackend, pool: list[Any]
) -> None:
    shared.faults.fail_next("CreateProfile", times=37, code="InternalServerException")
    clients = _clients(shared, pool)

    def work(t: int) -> int:
        failed = 0
        for _ in range(10):
            try:
                clients[t].create_profile(DomainName=D)
            except clients[t].exceptions.InternalServerException:
                failed += 1
        return failed

    assert sum(_run(THREADS, work)) == 37
    stats = clients[0].get_domain(DomainName=D)["Stats"]
    assert stats["ProfileCount"] == THREADS * 10 - 37


def test_concurrent_writes_through_the_server(shared: LocalBackend, pool: list[Any]) -> None:
    threads, per_thread = 8, 20
    with shared.serve() as server:
        clients = [remote_client(server.url) for _ in range(threads)]

        def work(t: int) -> list[str]:
            return [
                clients[t].create_profile(DomainName=D, AccountNumber=f"acct-{t}-{j}")["ProfileId"]
                for j in range(per_thread)
            ]

        made = [pid for chunk in _run(threads, work) for pid in chunk]
    assert len(set(made)) == threads * per_thread
    client = pool[0]  # attached to ``shared`` by the fixture
    profiles = _batch_get(client, made)
    assert sorted(p["AccountNumber"] for p in profiles.values()) == sorted(
        f"acct-{t}-{j}" for t in range(threads) for j in range(per_thread)
    )
    assert client.get_domain(DomainName=D)["Stats"]["ProfileCount"] == threads * per_thread


def test_attach_moves_a_client_to_another_backend(pool: list[Any]) -> None:
    # The pool above relies on this: attaching replaces the backend, it does not add one.
    first, second = LocalBackend(), LocalBackend()
    client = first.attach(pool[0])
    client.create_domain(DomainName="only-in-first", DefaultExpirationDays=1)
    assert second.attach(client) is client
    assert client.list_domains()["Items"] == []
    first.attach(client)
    assert [d["DomainName"] for d in client.list_domains()["Items"]] == ["only-in-first"]
    assert second.call_count() == 1
    assert first.call_count() == 2
