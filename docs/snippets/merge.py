"""Merge profiles directly, choosing where conflicting fields come from."""

from customer_profiles_sdk import CustomerProfiles, Profile

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

main = domain.profiles.create(
    Profile(first_name="Ana", email_address="old@example.com", attributes={"tier": "silver"})
)
dup = domain.profiles.create(
    Profile(first_name="Ana", email_address="new@example.com", attributes={"tier": "gold"})
)

# On a conflict the main profile wins, unless field_sources names another profile.
domain.profiles.merge(
    main,
    [dup],
    field_sources={"email_address": dup, "attributes": {"tier": dup}},
)

ana = domain.profiles.get(main)
assert ana.email_address == "new@example.com"
assert ana.attributes == {"tier": "gold"}
assert domain.profiles.exists(dup) is False
