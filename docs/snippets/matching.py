"""Matching and merge: identity resolution finds duplicates; merging combines them."""

from customer_profiles_sdk import CustomerProfiles, Matching, Profile
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()  # keep the emulator to trigger its weekly job by hand
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("retail", default_expiration_days=365, matching=Matching(enabled=True))

a = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
b = domain.profiles.create(
    Profile(first_name="Ana", last_name="Silva", email_address="ANA@example.com")
)

# The service runs identity resolution weekly; the emulator runs it on request.
assert domain.matches.summary().match_generation_date is None
backend.run_identity_resolution("retail")

(match,) = domain.matches.list().to_list()
assert sorted(match.profile_ids) == sorted([a, b])
assert domain.matches.summary().potential_matches == 1

# Merge the group into its first profile (or name main_profile_id=...). Irreversible.
domain.matches.merge(match, main_profile_id=a)
merged = domain.profiles.get(a)
assert merged.last_name == "Silva"  # only the duplicate had it: kept
assert domain.profiles.exists(b) is False
