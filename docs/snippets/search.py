"""Search: one key, several keys with OR / AND, and which key found each profile."""

from customer_profiles_sdk import CustomerProfiles, Profile

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)

ana = domain.profiles.create(
    Profile(first_name="Ana", email_address="ana@example.com", phone_number="+12065550100")
)
bo = domain.profiles.create(Profile(first_name="Bo", email_address="bo@example.com"))
domain.profiles.add_key(bo, "loyaltyId", ["L-7"])

# One key, one or more values (always a list). Emails and phones are normalised.
found = domain.profiles.search("_email", ["ANA@example.com"]).to_list()
assert [p.profile_id for p in found] == [ana]
assert domain.profiles.search("_phone", ["(206) 555-0100"]).first().profile_id == ana

# Up to 5 keys: match="any" (OR, the default) or match="all" (AND).
either = domain.profiles.search(keys={"_email": ["ana@example.com"], "loyaltyId": ["L-7"]})
assert sorted(p.first_name for p in either) == ["Ana", "Bo"]

both = domain.profiles.search(
    keys={"_email": ["ana@example.com"], "_phone": ["+12065550100"]}, match="all"
)
(profile,) = both.to_list()
assert profile.profile_id == ana

# In a multi-key search, found_by_items tells which keys found each profile.
keys = sorted(item.key_name for item in profile.found_by_items)
assert keys == ["_email", "_phone"]

# Standard keys: _email, _phone, _account, _fullName, _profileId.
assert domain.profiles.search("_fullName", ["Bo"]).first().profile_id == bo
