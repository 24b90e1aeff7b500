"""Attribute values and statistics of a domain."""

from customer_profiles_sdk import Address, CustomerProfiles, Profile
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365, data_store={"enabled": True})

# The distinct values of a profile attribute, most recently written first.
for name in ("Ana", "Bo", "Ana"):
    domain.profiles.create(Profile(first_name=name, address=Address(city="Lyon")))
assert sorted(domain.attributes.profile_values("FirstName")) == ["Ana", "Bo"]
assert domain.attributes.profile_values("Address.City") == ["Lyon"]

# The attributes of an object type and the recent values of one of them.
domain.object_types.put(
    {
        "object_type_name": "Order",
        "description": "Web shop orders",
        "allow_profile_creation": True,
        "fields": {
            "order_id": {"source": "_source.order_id"},
            "total": {"source": "_source.total", "content_type": "NUMBER"},
        },
        "keys": {
            "order_id": [
                {"standard_identifiers": ["UNIQUE", "PROFILE"], "field_names": ["order_id"]}
            ]
        },
    }
)
for i, total in enumerate((10, 20, 30, 40)):
    domain.objects.put("Order", {"order_id": f"o-{i}", "total": total})
assert [a.attribute_name for a in domain.attributes.names("Order")] == ["order_id", "total"]
assert sorted(v.value for v in domain.attributes.values("Order", "total")) == [
    "10",
    "20",
    "30",
    "40",
]

# Statistics are computed once a day (Data Store domains only): None until then.
assert domain.attributes.statistics("Order", "total") is None
backend.clock.advance(days=1)  # on the emulator, the daily computation runs at 00:00 UTC
result = domain.attributes.statistics("Order", "total")
assert result is not None
print(result.calculated_at, result.statistics.average, result.statistics.percentiles.p95)
assert result.statistics.average == 25
