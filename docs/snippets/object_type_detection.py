"""Detect an object type from sample objects, then put it and ingest."""

import attrs

from customer_profiles_sdk import CustomerProfiles

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

samples = [
    {"customer_id": "c1", "first_name": "Ana", "email": "ana@example.com", "city": "Lyon"},
    {"customer_id": "c2", "first_name": "Li", "email": "li@example.com", "city": "Paris"},
]
customer = domain.object_types.detect(
    samples, object_type_name="Customer", description="CRM customers"
)
assert customer is not None  # None: no attribute can serve as a profile or unique key
assert customer.fields["email"].target == "_profile.EmailAddress"
assert sorted(customer.keys) == ["_account", "_email"]  # customer_id: the account number

# The proposal is an ObjectType: review it, adjust it, put it.
domain.object_types.put(attrs.evolve(customer, allow_profile_creation=True))
domain.objects.put("Customer", samples[0])
(ana,) = domain.profiles.search("_email", ["ana@example.com"])
assert (ana.first_name, ana.address.city) == ("Ana", "Lyon")
