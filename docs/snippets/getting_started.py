"""Getting started: a domain, a profile, a search, an update."""

from customer_profiles_sdk import CustomerProfiles, Profile

cp = CustomerProfiles.local()  # the embedded emulator: no AWS account, no network

domain = cp.domains.create("retail", default_expiration_days=365)
pid = domain.profiles.create(
    Profile(first_name="Ana", last_name="Silva", email_address="ana@example.com")
)

found = domain.profiles.search("_email", ["ana@example.com"]).first()
assert found is not None
assert found.profile_id == pid
assert found.first_name == "Ana"

domain.profiles.update(pid, first_name="Anna")
assert domain.profiles.get(pid).first_name == "Anna"

assert domain.get().stats.profile_count == 1
