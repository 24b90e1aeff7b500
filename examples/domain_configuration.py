"""Domain configuration: detect a mapping, export changes in real time, trigger a campaign.

1. detect an object type from sample purchase records and put it;
2. create an event stream: every profile and object change goes to Kinesis;
3. create an event trigger for big purchases (at most once a day per customer) and the
   campaign integration that it starts;
4. add a Profile Explorer layout and a Data Store object type;
5. ingest purchases, then read what was exported and which customers the campaign
   reached, the way a test of your own code would.

It runs against the embedded emulator (no AWS account, no network), whose in-memory
sinks stand in for the Kinesis stream and the campaign::

    python examples/domain_configuration.py
"""

from __future__ import annotations

import json

import attrs

from customer_profiles_sdk import CustomerProfiles, DomainObjectType, DomainObjectTypeField
from customer_profiles_sdk.local import LocalBackend
from customer_profiles_sdk.triggers import all_of, at_most, field, limits

ACCOUNT = "123456789012"  # the emulator's account; use yours against AWS
KINESIS = f"arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/retail-profiles"
CAMPAIGN = f"arn:aws:connect-campaigns:us-east-1:{ACCOUNT}:campaign/thank-big-spenders"

PURCHASES = [
    {"purchase_id": "p-1", "email": "ana@example.com", "first_name": "Ana", "amount": 180},
    {"purchase_id": "p-2", "email": "li@example.com", "first_name": "Li", "amount": 35},
    {"purchase_id": "p-3", "email": "ana@example.com", "first_name": "Ana", "amount": 420},
    {"purchase_id": "p-4", "email": "bo@example.com", "first_name": "Bo", "amount": 260},
]


def main() -> None:
    backend = LocalBackend()
    cp = CustomerProfiles.local(backend=backend)
    domain = cp.domains.create(
        "retail-config", default_expiration_days=365, data_store={"enabled": True}
    )

    # 1. Let the service propose the mapping, then put it (allowing profile creation).
    detected = domain.object_types.detect(
        PURCHASES[:2], object_type_name="Purchase", description="Shop purchases"
    )
    if detected is None:
        raise SystemExit("no mapping detected")
    purchase = domain.object_types.put(attrs.evolve(detected, allow_profile_creation=True))
    print(
        f"1. detected object type {purchase.object_type_name!r}: "
        f"fields {sorted(purchase.fields)}, keys {sorted(purchase.keys)}"
    )

    # 2. Real-time export.
    stream = domain.event_streams.create("export", uri=KINESIS)
    print(f"2. event stream {stream.event_stream_name!r} is {stream.state.value}")

    # 3. The trigger and the campaign it starts.
    domain.event_triggers.create(
        "big-spender",
        object_type_name="Purchase",
        conditions=all_of(field("amount").greater_than(150)),
        limits=limits(at_most(1, every=1, unit="DAYS")),
    )
    domain.integrations.put(
        CAMPAIGN, object_type_name="Purchase", event_trigger_names=["big-spender"]
    )
    print("3. event trigger 'big-spender' starts the campaign for purchases over 150")

    # 4. A layout for agents and a Data Store schema.
    layout = domain.layouts.create(
        "agent-view",
        display_name="Agent view",
        description="Name and total spend",
        layout={"Id": "root", "Type": "BoardItem", "Props": {"Title": "{{Customer.FirstName}}"}},
        is_default=True,
    )
    domain.domain_object_types.put(
        DomainObjectType(
            object_type_name="Product",
            fields={"sku": DomainObjectTypeField(source="_source.sku", target="_product.Sku")},
        )
    )
    print(
        f"4. layout {layout.layout_definition_name!r} version {layout.version}, "
        "Data Store object type 'Product'"
    )

    # 5. Ingest, then look at what went out.
    for item in PURCHASES:
        domain.objects.put("Purchase", item)
    events = [json.loads(r["Data"]) for r in backend.stream_records(stream.event_stream_arn)]
    kinds = [f"{e['ObjectTypeName']} {e['EventType']}" for e in events]
    print(f"5. {len(events)} records exported: {', '.join(kinds[:4])}, ...")
    reached = [i["Object"]["purchase_id"] for i in backend.trigger_invocations("retail-config")]
    print(f"   the campaign started for purchases {reached} (Ana once today)")


if __name__ == "__main__":
    main()
