"""Eventual consistency: ingestion becomes visible after a delay on the emulated clock."""

import json
from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

clock = Clock(start=datetime(2025, 1, 1, tzinfo=timezone.utc))
backend = LocalBackend(clock=clock, consistency="eventual", visibility_delay=3.0)
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=30)
client.put_profile_object_type(
    DomainName="retail",
    ObjectTypeName="Order",
    Description="orders",
    AllowProfileCreation=True,
    Fields={
        "id": {"Source": "_source.id"},
        "email": {"Source": "_source.email", "ContentType": "EMAIL_ADDRESS"},
    },
    Keys={
        "orderId": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["id"]}],
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
    },
)
order = json.dumps({"id": "o-1", "email": "ann@example.com"})
client.put_profile_object(DomainName="retail", ObjectTypeName="Order", Object=order)


def found() -> int:
    out = client.search_profiles(DomainName="retail", KeyName="_email", Values=["ann@example.com"])
    return len(out["Items"])


assert found() == 0  # accepted, not ingested yet
assert [p["Operation"] for p in backend.pending()] == ["PutProfileObject"]
clock.advance(3.0)  # what a polling loop's back-off would wait for
assert found() == 1
