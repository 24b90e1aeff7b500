"""Tags: any taggable resource, by ARN."""

from customer_profiles_sdk import CustomerProfiles, domain_arn

cp = CustomerProfiles.local()
cp.domains.create("retail", default_expiration_days=365, tags={"team": "crm"})

# The API returns no ARNs: build them. The emulator's account is 123456789012.
arn = domain_arn("retail", region=cp.region_name, account_id="123456789012")
assert arn == "arn:aws:profile:us-east-1:123456789012:domains/retail"

cp.tags.add(arn, {"env": "prod", "cost-center": "42"})
assert cp.tags.list(arn) == {"team": "crm", "env": "prod", "cost-center": "42"}

cp.tags.remove(arn, ["cost-center", "no-such-key"])  # unknown keys are ignored
assert cp.tags.list(arn) == {"team": "crm", "env": "prod"}
