"""Quickstart: the main job of customer-profiles-sdk, end to end.

1. create a domain;
2. define an ``Order`` object type whose keys link orders to profiles;
3. ingest orders (profiles are created from them);
4. find a customer's profile by email and phone;
5. merge a duplicate profile into it;
6. define a calculated attribute (total spend) and read it.

By default it runs against the embedded emulator: no AWS account, no network::

    python examples/quickstart.py

With ``--aws`` it runs against your AWS account (default credential chain) in
``--region``; it creates a domain named ``quickstart-<random>`` and deletes it at the end.
"""

from __future__ import annotations

import argparse
import time
import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar

from customer_profiles_sdk import (
    CustomerProfiles,
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    Profile,
    StandardIdentifier,
)

T = TypeVar("T")

ORDERS = [
    {"order_id": "1001", "email": "ana@example.com", "phone": "+1 (206) 555-0100",
     "first_name": "Ana", "last_name": "Silva", "total": "120.50"},
    {"order_id": "1002", "email": "Ana@Example.com", "phone": "+12065550100",
     "first_name": "Ana", "last_name": "Silva", "total": "79.50"},
    {"order_id": "1003", "email": "li@example.com", "phone": "+1 206 555 0199",
     "first_name": "Li", "last_name": "Wei", "total": "42.00"},
]  # fmt: skip

PROFILE, UNIQUE = StandardIdentifier.PROFILE, StandardIdentifier.UNIQUE

ORDER_TYPE = ObjectType(
    object_type_name="Order",
    description="Orders from the web shop",
    allow_profile_creation=True,
    fields={
        "order_id": ObjectTypeField(source="_source.order_id"),
        "email": ObjectTypeField(
            source="_source.email",
            target="_profile.EmailAddress",
            content_type=FieldContentType.EMAIL_ADDRESS,
        ),
        "phone": ObjectTypeField(
            source="_source.phone",
            target="_profile.PhoneNumber",
            content_type=FieldContentType.PHONE_NUMBER,
        ),
        "first_name": ObjectTypeField(source="_source.first_name", target="_profile.FirstName"),
        "last_name": ObjectTypeField(source="_source.last_name", target="_profile.LastName"),
        "total": ObjectTypeField(source="_source.total", content_type=FieldContentType.NUMBER),
    },
    keys={
        "_email": [ObjectTypeKey(standard_identifiers=[PROFILE], field_names=["email"])],
        "_phone": [ObjectTypeKey(standard_identifiers=[PROFILE], field_names=["phone"])],
        "orderId": [ObjectTypeKey(standard_identifiers=[UNIQUE], field_names=["order_id"])],
    },
)


def eventually(read: Callable[[], T | None], patience: float) -> T | None:
    """Call ``read`` until it returns something, for at most ``patience`` seconds.

    The real service is eventually consistent (ingested objects reach profiles, and
    calculated values are computed, a little later); the emulator answers at once, so
    with ``patience=0`` this is a single call.
    """
    deadline = time.monotonic() + patience
    while True:
        value = read()
        if value is not None or time.monotonic() >= deadline:
            return value
        time.sleep(2)


def run(cp: CustomerProfiles, domain_name: str, *, patience: float = 0) -> None:
    """Do the main job in a new domain ``domain_name`` and print what happened.

    ``patience``: seconds to wait for eventually consistent reads (real AWS).
    """
    domain = cp.domains.create(domain_name, default_expiration_days=365)
    print(f"1. created domain {domain.name!r}")

    domain.object_types.put(ORDER_TYPE)
    print(f"2. defined object type 'Order' with keys {sorted(ORDER_TYPE.keys)}")

    for order in ORDERS:
        domain.objects.put("Order", order)
    stats = domain.get().stats
    assert stats is not None
    print(f"3. ingested {len(ORDERS)} orders -> {stats.profile_count} profiles")

    ana = eventually(
        lambda: domain.profiles.search(
            keys={"_email": ["ANA@example.com"], "_phone": ["206-555-0100"]}, match="all"
        ).first(),
        patience,
    )
    if ana is None or ana.profile_id is None:
        raise SystemExit("the customer was not found: her orders were not linked to a profile")
    pid = ana.profile_id
    orders = domain.objects.list(ana.profile_id, "Order").to_list()
    print(
        f"4. found {ana.first_name} {ana.last_name} by email AND phone "
        f"(profile {ana.profile_id[:8]}...) with {len(orders)} orders"
    )

    duplicate = domain.profiles.create(
        Profile(first_name="Ana", last_name="Silva", email_address="ana@example.com",
                attributes={"loyalty_tier": "gold"})
    )  # fmt: skip
    same_email = domain.profiles.search("_email", ["ana@example.com"]).to_list()
    domain.profiles.merge(ana.profile_id, [duplicate])
    merged = domain.profiles.get(ana.profile_id)
    left = domain.profiles.search("_email", ["ana@example.com"]).to_list()
    print(
        f"5. merged a duplicate: {len(same_email)} profiles with her email -> {len(left)}; "
        f"kept attributes {merged.attributes}"
    )

    domain.calculated_attributes.create(
        "total_spend",
        display_name="Total spend",
        expression="{Order.total}",
        attributes=["total"],
        statistic="SUM",
        use_historical_data=True,  # include the orders ingested before the definition
    )
    spend = eventually(
        lambda: domain.calculated_attributes.value("total_spend", pid).value, patience
    )
    print(f"6. calculated attribute total_spend for {ana.first_name} = {spend}")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the quickstart."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aws", action="store_true", help="run against your AWS account instead of the emulator"
    )
    parser.add_argument("--region", help="AWS region for --aws (default: your AWS config)")
    args = parser.parse_args(argv)

    name = f"quickstart-{uuid.uuid4().hex[:8]}"
    if not args.aws:
        print("Running against the embedded emulator (no AWS account needed).")
        run(CustomerProfiles.local(), name)
        return 0
    cp = CustomerProfiles(region_name=args.region)
    print(f"Running against AWS in {cp.region_name}; domain {name} is deleted at the end.")
    try:
        run(cp, name, patience=120)
    finally:
        cp.domain(name).delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
