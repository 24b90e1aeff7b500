"""Benchmark: the cost of one page of a paged emulator operation as the list grows.

Today every paged handler builds its whole ordered list and the dispatcher cuts the
requested page out of it (``local/_paging.py``), so a page costs the size of the list,
not of the page. This measures that, through a real boto3 client answered in-process:

* ``SearchProfiles`` on an ``_account`` value that ``size`` profiles share: the median
  time of the first page and of a later page (``MaxResults=20``, resumed by NextToken);
* ``ListProfileHistoryRecords`` of one profile with ``size`` history records: the same.

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
from customer_profiles_sdk.local._profiles import create_profile_record
from customer_profiles_sdk.local._registry import Context
from customer_profiles_sdk.local._state import MANUAL

DOMAIN = "paging"
PAGE = 20


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
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

    search_token = search()["NextToken"]
    history_token = history()["NextToken"]
    return {
        "search_first_ms": _median_ms(search, repeat),
        "search_later_ms": _median_ms(lambda: search(search_token), repeat),
        "history_first_ms": _median_ms(history, repeat),
        "history_later_ms": _median_ms(lambda: history(history_token), repeat),
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
            f"{r['history_first_ms']:8.2f} ms, page 2 {r['history_later_ms']:8.2f} ms",
            flush=True,
        )
    small, large = min(sizes), max(sizes)
    for name in results[small]:
        ratio = results[large][name] / results[small][name]
        print(f"{name} {large} / {small}: {ratio:.1f} (a page costing O(page) would be ~1)")


if __name__ == "__main__":
    main()
