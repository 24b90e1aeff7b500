"""Profile history and attribute statistics: audit a customer, describe the data.

1. create a domain with the Data Store enabled and an ``Order`` object type;
2. ingest orders (an order creates its customer's profile), update and merge profiles;
3. read one customer's history, newest first, and the content of one record;
4. list the distinct cities of the customers and the recent order totals;
5. read the daily statistics of the order totals (computed once a day: on the
   emulator, advancing the clock past midnight runs the computation).

By default it runs against the embedded emulator::

    python examples/history_and_attributes.py

With ``--aws`` it runs against your AWS account in ``--region`` (a domain named
``history-<random>`` is created and deleted at the end; statistics then show only once
the service's daily computation has run, so step 5 reports "not computed yet").
"""

from __future__ import annotations

import argparse
import json
import uuid
from collections.abc import Sequence

from customer_profiles_sdk import Address, CustomerProfiles, Profile
from customer_profiles_sdk.local import LocalBackend

ORDER_TYPE = {
    "object_type_name": "Order",
    "description": "Web shop orders",
    "allow_profile_creation": True,
    "fields": {
        "order_id": {"source": "_source.order_id"},
        "email": {
            "source": "_source.email",
            "target": "_profile.EmailAddress",
            "content_type": "EMAIL_ADDRESS",
        },
        "total": {"source": "_source.total", "content_type": "NUMBER"},
    },
    "keys": {
        "order_id": [{"standard_identifiers": ["UNIQUE"], "field_names": ["order_id"]}],
        "_email": [{"standard_identifiers": ["PROFILE"], "field_names": ["email"]}],
    },
}

ORDERS = [
    ("o-1", "ana@example.com", 40),
    ("o-2", "ana@example.com", 60),
    ("o-3", "li@example.com", 25),
    ("o-4", "sam@example.com", 75),
]


def run(cp: CustomerProfiles, domain_name: str, backend: LocalBackend | None) -> None:
    """Seed ``domain_name`` and print its history, values and statistics."""
    domain = cp.domains.create(
        domain_name, default_expiration_days=30, data_store={"enabled": True}
    )
    domain.object_types.put(ORDER_TYPE)
    print(f"1. created domain {domain.name!r} with object type Order")

    for order_id, email, total in ORDERS:
        domain.objects.put("Order", {"order_id": order_id, "email": email, "total": total})
    ana = domain.profiles.search("_email", ["ana@example.com"]).first()
    assert ana is not None
    assert ana.profile_id is not None
    pid = ana.profile_id
    domain.profiles.update(pid, first_name="Ana", address=Address(city="Lisbon"))
    dup = domain.profiles.create(
        Profile(
            first_name="Ana", email_address="ana.silva@example.com", address=Address(city="Lisbon")
        )
    )
    domain.profiles.merge(pid, [dup])
    domain.profiles.create(Profile(first_name="Li", address=Address(city="Singapore")))
    print(f"2. ingested {len(ORDERS)} orders, updated Ana and merged a duplicate into her")

    records = list(domain.profiles.history(pid))
    actions = [r.action_type.value for r in records]
    print(f"3. Ana's history, newest first: {actions}")
    merged = domain.profiles.history_record(pid, records[0].id)
    print(
        f"   the MERGED record names the merged profiles: "
        f"{json.loads(merged.content or '{}')['MergedProfileIds'] == [dup]}"
    )
    gone = next(iter(domain.profiles.history(dup)))
    print(f"   the duplicate's history ends with {gone.action_type.value}")

    cities = sorted(domain.attributes.profile_values("Address.City"))
    print(f"4. cities of the customers: {cities}")
    totals = [v.value for v in domain.attributes.values("Order", "total")]
    print(f"   recent order totals, newest first: {totals}")

    before = domain.attributes.statistics("Order", "total")
    print(f"5. statistics before the daily computation: {before}")
    if backend is not None:
        backend.clock.advance(days=1)
        after = domain.attributes.statistics("Order", "total")
        assert after is not None
        s = after.statistics
        print(
            f"   after it: min {s.minimum:g}, max {s.maximum:g}, average {s.average:g}, "
            f"median {s.percentiles.p50:g}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the example."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aws", action="store_true", help="run against your AWS account instead of the emulator"
    )
    parser.add_argument("--region", help="AWS region for --aws (default: your AWS config)")
    args = parser.parse_args(argv)

    name = f"history-{uuid.uuid4().hex[:8]}"
    if not args.aws:
        print("Running against the embedded emulator (no AWS account needed).")
        backend = LocalBackend()
        run(CustomerProfiles.local(backend=backend), name, backend)
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
