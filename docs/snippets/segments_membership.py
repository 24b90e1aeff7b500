"""Segment membership: which profiles are in a segment; as a DataFrame; notebook views."""

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.segments import all_of, profile

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
ids = [
    domain.profiles.create({"first_name": name, "email_address": email})
    for name, email in [("Ann", "ann@example.com"), ("Bob", "bob@example.org")]
]
domain.segments.create(
    "example_com",
    display_name="example.com customers",
    groups=all_of(profile.email_address.ends_with("@example.com")),
)

# Up to 100 profiles per call; a classic segment is evaluated at the time of the call.
answer = domain.segments.membership("example_com", [*ids, "f" * 32])
assert [m.first_name for m in answer.members] == ["Ann"]
assert answer.is_member(ids[0])
assert not answer.is_member(ids[1])
assert [f.profile_id for f in answer.failures] == ["f" * 32]  # no such profile

# A DataFrame: one row per profile answered, the profile's fields flattened.
frame = answer.to_pandas()
assert list(frame["query_result"]) == ["PRESENT", "ABSENT"]
assert frame.loc[0, "profile.email_address"] == "ann@example.com"
assert len(answer.to_pandas(members_only=True)) == 1

# Membership follows the data: a changed profile is answered anew.
domain.profiles.update(ids[1], email_address="bob@example.com")
assert domain.segments.membership("example_com", ids).member_ids == ids

# In a notebook a definition shows who is in it, an estimate its status.
page = domain.segments.get("example_com")._repr_html_()
assert "EmailAddress ends with &quot;@example.com&quot;" in page
estimate = domain.segments.estimate(all_of(within="example_com")).wait()
assert "SUCCEEDED" in estimate._repr_html_()
