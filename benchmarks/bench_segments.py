"""Benchmark: segment membership over 100,000 emulated profiles, in-process.

The target (issue 12): membership of a segment with 3 dimensions over 100,000 profiles
under 2 s, memory O(profiles). Measured through a real boto3 client answered by the
embedded emulator:

1. ``estimate``: CreateSegmentEstimate + GetSegmentEstimate of a 3-dimension query (the
   whole segment is evaluated, every profile once);
2. ``snapshot``: CreateSegmentSnapshot (CSV) of the same segment defined with a sort:
   evaluation, sort and rendering of every member;
3. ``membership``: GetSegmentMembership of 100 profile ids.

The profiles are loaded straight into the emulator's store (100,000 CreateProfile calls
would measure the loader, not segments). Memory is tracemalloc's peak of the timed call,
reported per profile at two domain sizes: a constant figure means O(profiles).

Run: ``python benchmarks/bench_segments.py [--profiles N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from customer_profiles_sdk.local import Clock, LocalBackend
from customer_profiles_sdk.local._profiles import create_profile_record
from customer_profiles_sdk.local._registry import Context
from customer_profiles_sdk.local._state import MANUAL

DOMAIN = "bench"
CITIES = ("Seattle", "Boston", "Austin", "Denver")
TIERS = ("gold", "silver", "bronze")


def _dimension(operator: str, *values: str) -> dict[str, Any]:
    return {"DimensionType": operator, "Values": list(values)}


QUERY = {
    "Include": "ALL",
    "Groups": [
        {
            "Type": "ALL",
            "Dimensions": [
                {"ProfileAttributes": {"Address": {"City": _dimension("INCLUSIVE", "Seattle")}}},
                {
                    "ProfileAttributes": {
                        "Attributes": {"tier": _dimension("INCLUSIVE", "gold", "silver")}
                    }
                },
                {"ProfileAttributes": {"Attributes": {"ltv": _dimension("GREATER_THAN", "500")}}},
            ],
        }
    ],
}


def populate(backend: LocalBackend, count: int) -> list[str]:
    """``count`` profiles in domain ``bench``; returns their ids."""
    client = backend.client()
    client.create_domain(DomainName=DOMAIN, DefaultExpirationDays=365)
    ctx = Context(store=backend.store, clock=backend.clock, region="us-east-1")
    domain = ctx.domain(DOMAIN)
    ids = []
    for i in range(count):
        fields = {
            "FirstName": f"First{i}",
            "EmailAddress": f"user{i}@example.com",
            "Address": {"City": CITIES[i % len(CITIES)], "PostalCode": f"{i % 99999:05d}"},
            "Attributes": {"tier": TIERS[i % len(TIERS)], "ltv": str((i * 37) % 1000)},
        }
        ids.append(
            create_profile_record(
                ctx, domain, fields, inferred=False, provenance_source=MANUAL
            ).profile_id
        )
    return ids


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, int, Any]:
    """Median seconds, peak traced bytes of one call, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak, result


def run(count: int, repeat: int) -> dict[str, tuple[float, int, Any]]:
    backend = LocalBackend(clock=Clock(start=1_760_000_000.0))
    ids = populate(backend, count)
    client = backend.client()
    client.create_segment_definition(
        DomainName=DOMAIN,
        SegmentDefinitionName="big",
        DisplayName="big",
        SegmentGroups=QUERY,
        SegmentSort={"Attributes": [{"Name": "ltv", "Order": "DESC", "DataType": "NUMBER"}]},
    )

    def estimate() -> str:
        created = client.create_segment_estimate(DomainName=DOMAIN, SegmentQuery=QUERY)
        answer = client.get_segment_estimate(DomainName=DOMAIN, EstimateId=created["EstimateId"])
        return str(answer["Estimate"])

    def snapshot() -> int:
        created = client.create_segment_snapshot(
            DomainName=DOMAIN,
            SegmentDefinitionName="big",
            DataFormat="CSV",
            DestinationUri="s3://bench/out",
        )
        key = f"s3://bench/out/{created['SnapshotId']}/part-00000.csv"
        return backend.store.exports.pop(key).count("\n") - 1  # rows without the header

    def membership() -> int:
        answer = client.get_segment_membership(
            DomainName=DOMAIN, SegmentDefinitionName="big", ProfileIds=ids[:100]
        )
        return sum(1 for p in answer["Profiles"] if p["QueryResult"] == "PRESENT")

    return {
        "estimate": timed(estimate, repeat),
        "snapshot": timed(snapshot, max(1, repeat // 2)),
        "membership": timed(membership, repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [args.profiles // 2, args.profiles]
    results = {size: run(size, args.repeat) for size in sizes}
    for size in sizes:
        for name, (seconds, peak, result) in results[size].items():
            print(
                f"{name:<10} {size:>7} profiles: {seconds * 1000:8.1f} ms median, "
                f"peak {peak / 1e6:7.1f} MB ({peak / size:6.0f} B/profile), result {result}"
            )
    target = results[args.profiles]["estimate"][0]
    verdict = "meets" if target < 2.0 else "MISSES"
    print(
        f"3-dimension membership over {args.profiles} profiles: {target:.2f} s "
        f"({verdict} the 2 s target)"
    )


if __name__ == "__main__":
    main()
