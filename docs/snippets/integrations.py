"""Integrations: connect a source (S3, AppFlow, Amazon Connect...) to object types."""

from customer_profiles_sdk import CustomerProfiles, ObjectType

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
domain.object_types.put(
    ObjectType(object_type_name="Order", description="Shop orders", template_id="Shopify-Order")
)

# Every record of the source maps to one object type ...
integration = domain.integrations.put("s3://retail-orders", object_type_name="Order")
assert integration.object_type_name == "Order"

# ... or, for a source that sends several kinds of records, event type -> object type.
domain.integrations.put(
    "arn:aws:appflow:us-east-1:123456789012:flow/shopify",
    object_type_names={"ShopifyCreateOrders": "Order", "ShopifyUpdatedOrders": "Order"},
)

assert domain.integrations.get("s3://retail-orders").domain_name == "retail"
assert len(domain.integrations.list().to_list()) == 2

# Which domain is a source integrated with? (account level, any domain)
assert [i.domain_name for i in cp.integrations.list("s3://retail-orders")] == ["retail"]

assert domain.integrations.delete("s3://retail-orders") is True
assert domain.integrations.exists("s3://retail-orders") is False
