"""Benchmark: bulk ingestion with ``objects.put_many`` (issue 10).

1. ``put_many``: N objects (default 10,000) into the embedded emulator with throttling
   on at ``--rate`` BatchPutProfileObject calls per second (quota = 10 x rate objects/s),
   20 % of the calls answered ThrottlingException and 2 % answered 500 (half of those
   after the batch was stored). Checks: stored = N, objects in the domain = N (no
   duplicates), achieved objects/s against the quota.
2. ``naive``: a plain ``for obj in objects: domain.objects.put(...)`` loop over
   ``--naive`` objects with the same faults on PutProfileObject and PutProfileObject
   throttled at the same objects/s quota, in the same run.
3. ``memory``: ``put_many`` of a generator of ``--memory-objects`` (default 1,000,000)
   objects against a canned backend that accepts every item at once; tracemalloc's peak
   growth during the run.

Run: ``python benchmarks/bench_ingest.py [--objects N] [--rate TPS] [--naive N]
[--memory-objects N]``.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

from customer_profiles_sdk import CustomerProfiles, RetryPolicy
from customer_profiles_sdk._transport import Transport
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources.objects import Objects

OP = "BatchPutProfileObject"
CUSTOMERS = 20  # the emulator looks profiles up by scanning them (see README)


def _order_type(client: Any, domain: str) -> None:
    client.put_profile_object_type(
        DomainName=domain,
        ObjectTypeName="Order",
        Description="orders",
        AllowProfileCreation=True,
        Fields={
            "orderId": {"Source": "_source.orderId"},
            "email": {
                "Source": "_source.email",
                "ContentType": "EMAIL_ADDRESS",
                "Target": "_profile.EmailAddress",
            },
            "total": {"Source": "_source.total", "ContentType": "NUMBER"},
        },
        Keys={
            "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["orderId"]}],
            "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        },
    )


def orders(count: int, prefix: str = "o") -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {
            "orderId": f"{prefix}-{n}",
            "email": f"c{n % CUSTOMERS}@example.com",
            "total": n % 977,
        }


def _flaky(backend: LocalBackend, operation: str, seed: int) -> None:
    backend.faults.fail_fraction(operation, 0.20, code="ThrottlingException", seed=seed)
    backend.faults.fail_fraction(operation, 0.01, code="InternalServerException", seed=seed + 1)
    backend.faults.fail_fraction(
        operation, 0.01, code="InternalServerException", after_commit=True, seed=seed + 2
    )


def bench_put_many(count: int, rate: float, concurrency: int) -> dict[str, Any]:
    backend = LocalBackend()
    retry = RetryPolicy(max_attempts=12, initial_wait=0.05, max_wait=2.0)
    cp = CustomerProfiles.local(backend=backend, retry=retry)
    cp.domains.create("bench", default_expiration_days=365)
    _order_type(cp.client, "bench")
    backend.throttling(rates={OP: rate})
    _flaky(backend, OP, seed=10)
    backend.reset_calls()
    result = cp.domain("bench").objects.put_many(
        "Order", orders(count), concurrency=concurrency, rate=rate
    )
    backend.faults.clear()
    stats = cp.client.get_domain(DomainName="bench")["Stats"]
    calls = [c for c in backend.calls if c.operation == OP]
    return {
        "stored": result.stored,
        "failed": len(result.failed),
        "objects_in_domain": stats["ObjectCount"],
        "duplicates": stats["ObjectCount"] - result.stored,
        "elapsed": result.elapsed,
        "objects_per_s": result.stored / result.elapsed,
        "quota": rate * 10,
        "calls": len(calls),
        "throttled": sum(1 for c in calls if c.status == 429),
        "errors_500": sum(1 for c in calls if c.status == 500),
    }


def bench_naive(count: int, rate: float) -> dict[str, Any]:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend)  # the default RetryPolicy
    cp.domains.create("naive", default_expiration_days=365)
    _order_type(cp.client, "naive")
    backend.throttling(rates={"PutProfileObject": rate * 10})  # the same objects/s quota
    _flaky(backend, "PutProfileObject", seed=20)
    objects = cp.domain("naive").objects
    stored = failed = 0
    began = time.monotonic()
    for obj in orders(count):
        try:
            objects.put("Order", obj)
            stored += 1
        except Exception:
            failed += 1
    elapsed = time.monotonic() - began
    return {
        "stored": stored,
        "failed": failed,
        "elapsed": elapsed,
        "objects_per_s": stored / elapsed,
    }


class _CannedClient:
    """Answers every BatchPutProfileObject item as stored, at once."""

    def batch_put_profile_object(self, **request: Any) -> dict[str, Any]:
        return {
            "Successful": [
                {"Id": item["Id"], "ProfileObjectUniqueKey": "k"} for item in request["Items"]
            ],
            "Failed": [],
        }


def bench_memory(count: int) -> dict[str, Any]:
    objects = Objects(Transport(_CannedClient(), RetryPolicy()), "canned")
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    began = time.monotonic()
    result = objects.put_many("Order", orders(count), concurrency=4, rate=1e9)
    elapsed = time.monotonic() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "stored": result.stored,
        "peak_growth_mb": (peak - base) / 1e6,
        "elapsed": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=10.0, help="BatchPutProfileObject TPS")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--naive", type=int, default=1_000, help="objects of the naive loop")
    parser.add_argument("--memory-objects", type=int, default=1_000_000)
    args = parser.parse_args()

    many = bench_put_many(args.objects, args.rate, args.concurrency)
    share = many["objects_per_s"] / many["quota"]
    print(
        f"put_many: {many['stored']:,} stored, {many['failed']} failed, "
        f"{many['objects_in_domain']:,} objects in the domain ({many['duplicates']} duplicates), "
        f"{many['objects_per_s']:.0f} objects/s = {share:.1%} of the quota "
        f"({many['quota']:.0f}/s) in {many['elapsed']:.1f} s; {many['calls']} calls, "
        f"{many['throttled']} throttled, {many['errors_500']} answered 500"
    )
    naive = bench_naive(args.naive, args.rate)
    print(
        f"naive put loop: {naive['stored']:,} stored, {naive['failed']} lost, "
        f"{naive['objects_per_s']:.0f} objects/s = {naive['objects_per_s'] / many['quota']:.1%} "
        f"of the quota; put_many is {many['objects_per_s'] / naive['objects_per_s']:.1f}x faster"
    )
    memory = bench_memory(args.memory_objects)
    print(
        f"memory: {memory['stored']:,} objects from a generator, peak growth "
        f"{memory['peak_growth_mb']:.1f} MB (tracemalloc) in {memory['elapsed']:.0f} s"
    )


if __name__ == "__main__":
    main()
