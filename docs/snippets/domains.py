"""Domains: create, read, update, list, delete."""

from customer_profiles_sdk import CustomerProfiles, Matching

cp = CustomerProfiles.local()

domain = cp.domains.create(
    "retail",
    default_expiration_days=365,
    matching=Matching(enabled=True),
    tags={"team": "crm"},
)
assert domain.name == "retail"

handle = cp.domain("retail")  # a handle: makes no request
settings = handle.get()  # GetDomain
assert settings.default_expiration_days == 365
assert settings.matching.enabled is True
assert settings.stats.profile_count == 0
assert settings.tags == {"team": "crm"}

updated = handle.update(default_expiration_days=730)  # only what you pass is sent
assert updated.default_expiration_days == 730

cp.domains.create("staging", default_expiration_days=30)
assert [d.domain_name for d in cp.domains.list()] == ["retail", "staging"]

assert cp.domain("staging").delete() is True
assert cp.domain("staging").delete() is False  # already gone: not an error
assert cp.domain("staging").exists() is False
