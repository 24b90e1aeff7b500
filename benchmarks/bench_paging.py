"""Benchmark: the cost of one page of a paged emulator operation as the list grows.

A paged handler either returns its whole ordered list, from which the dispatcher cuts
the requested page (``local/_paging.py``: the page then costs the size of the list), or
a seekable result that reads the page after a cursor (the page costs the page). This
measures one page through a real boto3 client answered in-process:

* ``SearchProfiles`` on an ``_account`` value that ``size`` profiles share: the median
  time of the first page and of a later page (``MaxResults=20``, resumed by NextToken);
* ``ListProfileHistoryRecords`` of one profile with ``size`` history records: the same;
* ``ListProfileObjects`` of one profile with ``size`` objects of one type: the same.

The ratio of the largest size to the smallest is what a page-proportional
implementation should bring near 1.

Run: ``python benchmarks/bench_paging.py [--sizes 1000,100000] [--repeat 15]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.local._history import append
from customer_profiles_sdk.local._index import add_object
from customer_profiles_sdk.local._profiles import create_profile_record
from customer_profiles_sdk.local._registry import Context
from customer_profiles_sdk.local._state import MANUAL, ObjectRec

DOMAIN = "paging"
PAGE = 20


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up, untimed (first-call caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(size: int, repeat: int) -> dict[str, float]:
    """Median milliseconds of a first and a later page of each operation at ``size``."""
    backend = LocalBackend(clock=Clock(start=1_760_000_000.0))
    client: Any = backend.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    ctx = Context(store=backend.store, clock=backend.clock, region="us-east-1")
    domain = ctx.domain(DOMAIN)
    first = None
    for i in range(size):
        profile = create_profile_record(
            ctx,
            domain,
            {"FirstName": f"First{i}", "AccountNumber": "shared"},
            inferred=False,
            provenance_source=MANUAL,
        )
        first = first or profile
    assert first is not None
    for i in range(size):
        append(ctx, domain, first.profile_id, "UPDATED", {"n": i}, at=ctx.now(), by_service=False)
    client.put_profile_object_type(
        DomainName=DOMAIN,
        ObjectTypeName="Order",
        Description="orders",
        Fields={
            "order": {"Source": "_source.order"},
            "account": {"Source": "_source.account"},
        },
        Keys={
            "orderId": [{"FieldNames": ["order"], "StandardIdentifiers": ["UNIQUE"]}],
            "_account": [{"FieldNames": ["account"], "StandardIdentifiers": ["PROFILE"]}],
        },
    )
    now = ctx.now()
    for i in range(size):  # stored as ingestion stores them, without ingesting each one
        add_object(
            domain,
            ObjectRec(
                unique_key=f"order-{i}",
                object_type="Order",
                profile_id=first.profile_id,
                body=f'{{"order": "{i}", "account": "shared"}}',
                keys={"orderId": [str(i)], "_account": ["shared"]},
                ingested_at=now,
                expires_at=now + 365 * 86400,
                seq=ctx.seq(),
            ),
        )

    def search(token: str | None = None) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        page: dict[str, Any] = client.search_profiles(
            DomainName=DOMAIN, KeyName="_account", Values=["shared"], MaxResults=PAGE, **extra
        )
        return page

    def history(token: str | None = None) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        page: dict[str, Any] = client.list_profile_history_records(
            DomainName=DOMAIN, ProfileId=first.profile_id, MaxResults=PAGE, **extra
        )
        return page

    def objects(token: str | None = None) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        page: dict[str, Any] = client.list_profile_objects(
            DomainName=DOMAIN,
            ProfileId=first.profile_id,
            ObjectTypeName="Order",
            MaxResults=PAGE,
            **extra,
        )
        return page

    search_token = search()["NextToken"]
    history_token = history()["NextToken"]
    objects_token = objects()["NextToken"]
    return {
        "search_first_ms": _median_ms(search, repeat),
        "search_later_ms": _median_ms(lambda: search(search_token), repeat),
        "history_first_ms": _median_ms(history, repeat),
        "history_later_ms": _median_ms(lambda: history(history_token), repeat),
        "objects_first_ms": _median_ms(objects, repeat),
        "objects_later_ms": _median_ms(lambda: objects(objects_token), repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", flush=True)
    results = {}
    for size in sizes:
        results[size] = r = measure(size, args.repeat)
        print(
            f"{size:>7} items: SearchProfiles page 1 {r['search_first_ms']:8.2f} ms, "
            f"page 2 {r['search_later_ms']:8.2f} ms; ListProfileHistoryRecords page 1 "
            f"{r['history_first_ms']:8.2f} ms, page 2 {r['history_later_ms']:8.2f} ms; "
            f"ListProfileObjects page 1 {r['objects_first_ms']:8.2f} ms, "
            f"page 2 {r['objects_later_ms']:8.2f} ms",
            flush=True,
        )
    small, large = min(sizes), max(sizes)
    for name in results[small]:
        ratio = results[large][name] / results[small][name]
        print(f"{name} {large} / {small}: {ratio:.1f} (a page costing O(page) would be ~1)")


if __name__ == "__main__":
    main()
