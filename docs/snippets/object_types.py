"""Object types and ingestion: define a mapping, put objects, list and delete them."""

from customer_profiles_sdk import (
    CustomerProfiles,
    FieldContentType,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    StandardIdentifier,
)

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

order_type = domain.object_types.put(
    ObjectType(
        object_type_name="Order",
        description="Orders from the web shop",
        allow_profile_creation=True,  # an order with an unknown email creates a profile
        fields={
            "order_id": ObjectTypeField(source="_source.order_id"),
            "email": ObjectTypeField(
                source="_source.email",
                target="_profile.EmailAddress",
                content_type=FieldContentType.EMAIL_ADDRESS,
            ),
            "first_name": ObjectTypeField(source="_source.first_name", target="_profile.FirstName"),
            "total": ObjectTypeField(source="_source.total", content_type=FieldContentType.NUMBER),
        },
        keys={
            # UNIQUE: identifies the order itself (a re-ingested order replaces it)
            "orderId": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.UNIQUE], field_names=["order_id"]
                )
            ],
            # PROFILE: finds the profile the order belongs to
            "_email": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"]
                )
            ],
        },
    )
)
assert order_type.created_at is not None
assert [t.object_type_name for t in domain.object_types.list()] == ["Order"]

# Ingest: a mapping is serialised to JSON for you.
first = domain.objects.put(
    "Order", {"order_id": "1001", "email": "ana@example.com", "first_name": "Ana", "total": 120.5}
)
domain.objects.put("Order", {"order_id": "1002", "email": "ana@example.com", "total": 79.5})

# The orders created Ana's profile and are attached to it.
ana = domain.profiles.search("_email", ["ana@example.com"]).first()
assert ana.first_name == "Ana"
orders = domain.objects.list(ana.profile_id, "Order").to_list()
assert [o.data["order_id"] for o in orders] == ["1001", "1002"]

# Filter by a key of the object type.
only = domain.objects.list(ana.profile_id, "Order", filter=("orderId", ["1002"]))
assert [o.data["total"] for o in only] == [79.5]

# Delete one object by the unique key that put() returned.
assert domain.objects.delete(ana.profile_id, "Order", first) is True
assert len(domain.objects.list(ana.profile_id, "Order").to_list()) == 1
