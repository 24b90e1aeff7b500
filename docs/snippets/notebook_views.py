"""Notebook views of a domain, a spec and a plan; typed, compact DataFrames."""

import attrs

from customer_profiles_sdk import CustomerProfiles, show_personal_data
from customer_profiles_sdk.domain_spec import DomainSpec

cp = CustomerProfiles.local()
spec = DomainSpec.load("examples/domain.yaml")

# A plan: one row per change, coloured by kind, with each member's before and after.
plan = cp.domains.plan(spec)
assert f"Plan for domain retail: {len(plan.changes)} to create" in plan._repr_html_()
cp.domains.apply(spec)

# A domain handle: settings, object types, calculated attributes, integrations.
page = cp.domain("retail")._repr_html_()  # what Jupyter shows for `domain`
assert "total_spend" in page and "s3://retail-orders-export" in page
assert "Web shop orders" not in page  # descriptions are personal data: masked...
with show_personal_data():
    assert "Web shop orders" in cp.domain("retail")._repr_html_()  # ...unless asked

# A spec, and the plan of a changed one.
assert "Domain spec retail" in spec._repr_html_()
changed = cp.domains.plan(attrs.evolve(spec, default_expiration_days=180))
assert "DefaultExpirationDays: 365 -&gt; 180" in changed._repr_html_()

# Values the service sends as strings become numbers and booleans.
domain = cp.domain("retail")
for order_id, total in (("O-1", "40"), ("O-2", "29")):
    domain.objects.put(
        "Order", {"order_id": order_id, "email": "ana@example.com", "total": total}
    )
ana = domain.profiles.search("_email", ["ana@example.com"]).first()
values = domain.calculated_attributes.for_profile(ana.profile_id).to_pandas()
total_spend = values.set_index("calculated_attribute_name").loc["total_spend"]
assert total_spend["value"] == 69  # sent as '69'
assert values["is_data_partial"].dtype == bool  # sent as 'true' / 'false'

# Only the columns that have a value, unless asked for all or for some.
profiles = domain.profiles.search("_email", ["ana@example.com"])
assert "billing_address.city" not in profiles.to_pandas().columns
assert "billing_address.city" in profiles.to_pandas(columns="all").columns
assert list(profiles.to_pandas(columns=["profile_id"]).columns) == ["profile_id"]
