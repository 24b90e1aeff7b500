"""Bulk load: a few thousand orders into a domain with put_many, failures and resuming.

1. create a domain and an ``Order`` object type (orders attach to profiles by email);
2. load 2,000 orders from a generator (read lazily) against a throttled, flaky service:
   the emulator throttles at 50 calls per second, throttles 20 % of the calls and
   answers 500 after storing one batch; nothing is lost, nothing is stored twice;
3. look at the refused orders (bad input and an order without an id) by position;
4. interrupt a second load and resume it from ``resume_from``.

By default it runs against the embedded emulator::

    python examples/bulk_load.py

With ``--aws`` it runs against your AWS account (default credential chain) in
``--region``, without the injected faults; it creates a domain named
``bulk-load-<random>`` and deletes it at the end.
"""

from __future__ import annotations

import argparse
import json
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from customer_profiles_sdk import (
    BulkLoadError,
    BulkProgress,
    CustomerProfiles,
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    RetryPolicy,
)
from customer_profiles_sdk.local import LocalBackend

ORDER = ObjectType(
    object_type_name="Order",
    description="Web shop orders",
    allow_profile_creation=True,
    fields={
        "order_id": ObjectTypeField(source="_source.order_id"),
        "email": ObjectTypeField(
            source="_source.email",
            target="_profile.EmailAddress",
            content_type=FieldContentType.EMAIL_ADDRESS,
        ),
        "total": ObjectTypeField(source="_source.total", content_type=FieldContentType.NUMBER),
    },
    keys={
        "orderId": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["order_id"])],
        "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
    },
)


def orders(count: int) -> Iterator[Any]:
    """Orders of 200 customers, with two bad records in the middle."""
    for n in range(count):
        if n == 500:
            yield "{truncated"  # not JSON: reported, never sent
        elif n == 1500:
            yield {"email": "someone@example.com", "total": 5}  # no order_id: refused
        else:
            yield {"order_id": f"o-{n}", "email": f"c{n % 200}@example.com", "total": n % 97}


def run(cp: CustomerProfiles, name: str, backend: LocalBackend | None) -> None:
    domain = cp.domains.create(name, default_expiration_days=365)
    domain.object_types.put(ORDER)
    print(f"1. created domain '{name}' with object type 'Order'")

    if backend is not None:
        backend.throttling(rates={"BatchPutProfileObject": 50})
        backend.faults.fail_fraction("BatchPutProfileObject", 0.2, seed=3)
        backend.faults.fail_after_commit("BatchPutProfileObject")
    result = domain.objects.put_many("Order", orders(2000), concurrency=4, rate=50)
    print(
        f"2. stored {result.stored} of 2000 in {result.calls} calls "
        f"({result.throttled} throttled answers retried)"
    )
    if backend is not None:
        stats = domain.get().stats
        assert stats is not None
        print(f"   objects in the domain: {stats.object_count} (no duplicates)")
        backend.faults.clear()

    print(f"3. refused: {[(f.index, f.code) for f in result.failed]}")
    for failed in result.failed:
        print(f"   position {failed.index}: {failed.message}")

    def stop_at_300(progress: BulkProgress) -> None:
        if progress.stored >= 300:
            raise KeyboardInterrupt

    more = [json.dumps({"order_id": f"p-{n}", "email": "late@example.com"}) for n in range(600)]
    try:
        domain.objects.put_many("Order", more, on_progress=stop_at_300)
    except BulkLoadError as stopped:
        position = stopped.result.resume_from
        print(f"4. interrupted; every position before {position} is acknowledged")
        rest = domain.objects.put_many("Order", more, start=position)
        print(f"   resumed from {position}: the run ends at {rest.resume_from} of {len(more)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the load."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aws", action="store_true", help="run against your AWS account instead of the emulator"
    )
    parser.add_argument("--region", help="AWS region for --aws (default: your AWS config)")
    args = parser.parse_args(argv)

    name = f"bulk-load-{uuid.uuid4().hex[:8]}"
    if not args.aws:
        print("Running against the embedded emulator (no AWS account needed).")
        backend = LocalBackend()
        retry = RetryPolicy(max_attempts=10, initial_wait=0.05, max_wait=1.0)
        run(CustomerProfiles.local(backend=backend, retry=retry), name, backend)
        return 0
    cp = CustomerProfiles(region_name=args.region)
    print(f"Running against AWS in {cp.region_name}; domain {name} is deleted at the end.")
    try:
        run(cp, name, None)
    finally:
        cp.domain(name).delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
