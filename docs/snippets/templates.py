"""Templates: object types predefined by AWS for common sources."""

from customer_profiles_sdk import CustomerProfiles, ObjectType

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

assert "Shopify-Order" in [t.template_id for t in cp.templates.list()]
template = cp.templates.get("Salesforce-Account")
assert template.fields["name"].target == "_profile.BusinessName"

# An object type built on a template: the template supplies fields and keys.
contact = domain.object_types.put(
    ObjectType(
        object_type_name="Contact",
        description="Salesforce contacts",
        template_id="Salesforce-Contact",
    )
)
assert "_salesforceContactId" in contact.keys
assert domain.object_types.get("Contact").template_id == "Salesforce-Contact"

assert domain.object_types.delete("Contact") is True
assert domain.object_types.exists("Contact") is False
