"""Domain as code: load a spec, plan, apply, change it, export a domain."""

import attrs

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.domain_spec import DomainSpec, SpecError

cp = CustomerProfiles.local()

spec = DomainSpec.load("examples/domain.yaml")  # YAML or JSON, in the API's member names
assert spec.domain_name == "retail"

plan = cp.domains.plan(spec)  # reads only; changes nothing
print(plan)  # a diff for people: + create, ~ update, - delete, -/+ replace
# The domain, 4 object types, 2 calculated attributes, 2 integrations, a Data Store
# object type, an event stream, an event trigger and 2 segment definitions:
assert plan.count("create") == 1 + 4 + 2 + 2 + 1 + 1 + 1 + 2

result = cp.domains.apply(spec)
assert result.changed
types = sorted(t.object_type_name for t in cp.domain("retail").object_types.list())
assert types == ["Contact", "Device", "Order", "SupportTicket"]

# Applying the same spec again is a no-op: no write request is sent.
assert cp.domains.plan(spec).has_changes is False
assert cp.domains.apply(spec).changed is False

# Change the spec: only the difference is planned and applied.
longer = attrs.evolve(spec, default_expiration_days=730)
(change,) = cp.domains.plan(longer).changes
assert change.summary() == "~ domain retail"
assert change.differences() == [("DefaultExpirationDays", 365, 730)]
cp.domains.apply(longer)
assert cp.domain("retail").get().default_expiration_days == 730

# Export an existing domain as a spec (to a file with .dump("retail.yaml")).
exported = cp.domains.export("retail")
assert exported.object_type("Order").fields["email"].target == "_profile.EmailAddress"
assert "DomainName: retail" in exported.dumps()

# Every problem of a spec is reported at once, before anything is sent.
try:
    DomainSpec.from_dict({"DomainName": "retail", "DefaultExpirationDay": 30})
except SpecError as err:
    assert [v.path for v in err.violations] == ["DefaultExpirationDay", "DefaultExpirationDays"]
else:
    raise AssertionError("expected a SpecError")
