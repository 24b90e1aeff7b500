"""The quickest way: a client on a fresh, empty emulated account."""

from customer_profiles_sdk import CustomerProfiles

cp = CustomerProfiles.local()  # a fresh, empty emulated account
cp.domains.create("retail", default_expiration_days=365)
assert [d.domain_name for d in cp.domains.list()] == ["retail"]

other = CustomerProfiles.local()  # another call, another empty backend
assert list(other.domains.list()) == []
