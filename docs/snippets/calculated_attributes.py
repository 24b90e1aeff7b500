"""Calculated attributes: aggregate a field of a profile's objects."""

from customer_profiles_sdk import (
    CustomerProfiles,
    ObjectType,
    ObjectTypeField,
    ObjectTypeKey,
    Profile,
    StandardIdentifier,
    Statistic,
)

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
domain.object_types.put(
    ObjectType(
        object_type_name="Order",
        description="Shop orders",
        fields={
            "id": ObjectTypeField(source="_source.id"),
            "email": ObjectTypeField(source="_source.email", target="_profile.EmailAddress"),
            "total": ObjectTypeField(source="_source.total", content_type="NUMBER"),
        },
        keys={
            "orderId": [
                ObjectTypeKey(standard_identifiers=[StandardIdentifier.UNIQUE], field_names=["id"])
            ],
            "_email": [
                ObjectTypeKey(
                    standard_identifiers=[StandardIdentifier.PROFILE], field_names=["email"]
                )
            ],
        },
    )
)

total_spend = domain.calculated_attributes.create(
    "total_spend",
    display_name="Total spend",
    expression="{Order.total}",  # the attributes read are taken from the expression
    statistic=Statistic.SUM,
)
assert [a.name for a in total_spend.attribute_details.attributes] == ["total"]
domain.calculated_attributes.create("orders", expression="{Order.id}", statistic="COUNT")

pid = domain.profiles.create(Profile(email_address="ana@example.com"))
for order_id, total in (("1", 10), ("2", 32.5)):
    domain.objects.put("Order", {"id": order_id, "email": "ana@example.com", "total": total})

assert domain.calculated_attributes.value("total_spend", pid).value == "42.5"
values = {
    v.calculated_attribute_name: v.value for v in domain.calculated_attributes.for_profile(pid)
}
assert values == {"total_spend": "42.5", "orders": "2"}

# One attribute for up to 100 profiles at once.
other = domain.profiles.create(Profile(first_name="Bo"))
batch = domain.calculated_attributes.batch_values("orders", [pid, other])
assert sorted(v.value for v in batch.values) == ["0", "2"]

updated = domain.calculated_attributes.update("orders", display_name="Order count")
assert updated.display_name == "Order count"
names = [c.calculated_attribute_name for c in domain.calculated_attributes.list()]
assert names == ["total_spend", "orders"]
assert domain.calculated_attributes.delete("orders") is True
