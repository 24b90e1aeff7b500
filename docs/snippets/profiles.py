"""Profiles: create, read, update, keys, batch reads, delete."""

import attrs

from customer_profiles_sdk import Address, CustomerProfiles, Profile

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

pid = domain.profiles.create(
    Profile(
        first_name="Ana",
        last_name="Silva",
        email_address="ana@example.com",
        phone_number="+12065550100",
        address=Address(city="Seattle", country="US"),
        attributes={"tier": "gold"},
    )
)
assert len(pid) == 32  # ids are 32 hexadecimal characters

# A mapping of field names works too, nested mappings included.
bo = domain.profiles.create({"first_name": "Bo", "address": {"city": "Oslo"}})

ana = domain.profiles.get(pid)  # there is no GetProfile API: a search on _profileId
assert ana.address.city == "Seattle"
assert ana.attributes == {"tier": "gold"}

# Personal data never shows in repr() (it ends up in logs and tracebacks).
assert "Ana" not in repr(ana)
assert "<redacted>" in repr(ana)

# Update only the fields you name; an empty string clears a field.
domain.profiles.update(pid, first_name="Anna", phone_number="")
ana = domain.profiles.get(pid)
assert ana.first_name == "Anna"
assert ana.phone_number is None

# Or read, change and write back a whole model.
domain.profiles.update_from(attrs.evolve(ana, last_name="Lima"))
assert domain.profiles.get(pid).last_name == "Lima"

# Search keys: attach values to a profile, find it by them, remove them.
domain.profiles.add_key(pid, "loyaltyId", ["L-1001"])
assert domain.profiles.search("loyaltyId", ["L-1001"]).first().profile_id == pid
domain.profiles.delete_key(pid, "loyaltyId", ["L-1001"])
assert domain.profiles.search("loyaltyId", ["L-1001"]).to_list() == []

# Up to 20 profiles in one request; ids not found come back as errors.
missing = "0" * 32
result = domain.profiles.batch_get([pid, bo, missing])
assert sorted(p.profile_id for p in result.profiles) == sorted([pid, bo])
assert [e.profile_id for e in result.errors] == [missing]

assert domain.profiles.delete(bo) is True
assert domain.profiles.exists(bo) is False
