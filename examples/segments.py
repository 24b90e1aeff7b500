"""Segments: pick an audience, count it, check members, export it, follow its changes.

1. a domain with customers and their orders, and a calculated attribute (total spend);
2. define "big spenders" and "big spenders in Seattle" with the segment builders;
3. estimate the audience (a job: wait for it);
4. check which customers are members, as a DataFrame;
5. export the members (a snapshot job) and read the export;
6. subscribe to membership events and watch a customer join.

It runs against the embedded emulator: no AWS account, no network::

    python examples/segments.py

On AWS the same calls work on a domain of yours (``CustomerProfiles()``); the export goes
to your S3 bucket and the events to your Kinesis data stream.
"""

from __future__ import annotations

import json

from customer_profiles_sdk import CustomerProfiles, ObjectType, ObjectTypeField, ObjectTypeKey
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.resources import Domain
from customer_profiles_sdk.segments import all_of, calculated, profile, sort_by

CUSTOMERS = [
    ("Ana", "ana@example.com", "Seattle", [600, 700]),
    ("Bo", "bo@example.com", "Seattle", [40]),
    ("Cy", "cy@example.com", "Portland", [900, 300]),
    ("Di", "di@example.com", "seattle", [2000]),  # values are compared case-sensitively
]

ORDER = ObjectType(
    object_type_name="Order",
    description="Web shop orders",
    fields={
        "id": ObjectTypeField(source="_source.id"),
        "email": ObjectTypeField(source="_source.email", target="_profile.EmailAddress"),
        "total": ObjectTypeField(source="_source.total", content_type="NUMBER"),
    },
    keys={
        "orderId": [ObjectTypeKey(standard_identifiers=["UNIQUE"], field_names=["id"])],
        "_email": [ObjectTypeKey(standard_identifiers=["PROFILE"], field_names=["email"])],
    },
)


def set_up(domain: Domain) -> dict[str, str]:
    """Customers, their orders and a ``total_spend`` calculated attribute; name -> id."""
    domain.object_types.put(ORDER)
    domain.calculated_attributes.create(
        "total_spend", expression="{Order.total}", statistic="SUM", display_name="Total spend"
    )
    ids = {}
    number = 0
    for name, email, city, totals in CUSTOMERS:
        ids[name] = domain.profiles.create(
            {"first_name": name, "email_address": email, "address": {"city": city}}
        )
        for total in totals:
            number += 1
            domain.objects.put("Order", {"id": str(number), "email": email, "total": total})
    return ids


def main() -> None:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend)
    domain = cp.domains.create("segments-example", default_expiration_days=365)
    ids = set_up(domain)
    print(f"1. domain {domain.name}: {len(ids)} customers with orders, total_spend defined")

    segments = domain.segments
    segments.create(
        "big_spenders",
        display_name="Big spenders",
        groups=all_of(calculated("total_spend").greater_than(1000)),
        sort=sort_by(calculated("total_spend").descending(data_type="NUMBER")),
    )
    seattle = segments.create(
        "seattle_big_spenders",
        display_name="Big spenders in Seattle",
        groups=all_of(profile.address.city.is_("Seattle"), within="big_spenders"),
    )
    print(f"2. defined {[s.segment_definition_name for s in segments.list()]}")
    print("   " + seattle.describe().replace("\n", "\n   "))

    backend.set_job_latency("estimate", 45)  # emulated jobs take time, as on AWS
    job = segments.estimate(all_of(within="big_spenders"))
    print(f"3. estimate {job.estimate_id[:8]}...: {job.status().status.value}", end="")
    estimate = job.wait(timeout=300)
    print(f" -> {estimate.status.value}, {estimate.count} big spenders")

    answer = segments.membership("seattle_big_spenders", list(ids.values()))
    frame = answer.to_pandas()  # one row per customer asked about
    names = {pid: name for name, pid in ids.items()}  # ABSENT rows carry no profile
    frame["customer"] = frame["profile_id"].map(names)
    frame = frame[["customer", "query_result", "profile.address.city"]]
    members = [m.first_name for m in answer.members]
    print(f"4. members of seattle_big_spenders: {members}")
    print("   " + frame.to_string(index=False).replace("\n", "\n   "))

    snapshot = segments.snapshot(
        "big_spenders", data_format="JSONL", destination_uri="s3://exports/big-spenders"
    ).wait()
    files = backend.exported_objects("s3://exports/big-spenders")
    (export,) = [body for key, body in files.items() if key.endswith(".jsonl")]
    rows = [json.loads(line)["FirstName"] for line in export.decode().splitlines()]
    print(f"5. snapshot {snapshot.status.value}: exported {rows} (by total spend, descending)")

    segments.stream.associate(
        "arn:aws:kinesis:us-east-1:123456789012:stream/segment-events",
        role_arn="arn:aws:iam::123456789012:role/segment-events",
    )
    segments.subscriptions.put("seattle_big_spenders", interval=24)
    segments.subscriptions.wait_until_running("seattle_big_spenders")
    domain.objects.put("Order", {"id": "99", "email": "bo@example.com", "total": 1500})
    events = segments.subscriptions.events("seattle_big_spenders").to_list()
    joined = [name for name, pid in ids.items() for e in events if e.profile_id == pid]
    print(f"6. Bo ordered for 1500: events {[(e.event.value, e.event_type.value) for e in events]}")
    print(f"   -> {joined[0]} joined seattle_big_spenders")


if __name__ == "__main__":
    main()
