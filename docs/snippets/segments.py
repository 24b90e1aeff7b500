"""Segments: define audiences with the builders, read them back, estimate them."""

from datetime import date

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.segments import (
    all_of,
    any_of,
    attribute,
    calculated,
    members_of_any,
    none_of,
    profile,
    sort_by,
)

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
for first, city, tier, ltv in [
    ("Ann", "Seattle", "gold", "1200"),
    ("Bob", "seattle", "silver", "80"),  # values are compared case-sensitively
    ("Cid", "Boston", "gold", "300"),
]:
    domain.profiles.create(
        {"first_name": first, "address": {"city": city}, "attributes": {"tier": tier, "ltv": ltv}}
    )

# A condition is a field and an operator; several values are alternatives (OR).
in_seattle = profile.address.city.is_("Seattle", "Tacoma")
big_spender = attribute("ltv").greater_than(1000)

# An audience group combines conditions: all_of (ALL), any_of (ANY), none_of (NONE).
domain.segments.create(
    "seattle_vips",
    display_name="Seattle VIPs",
    groups=all_of(in_seattle, big_spender),
    description="Seattle customers with a lifetime value above 1000",
    sort=sort_by(attribute("ltv").descending(data_type="NUMBER")),
    tags={"team": "marketing"},
)

# Several groups combine with include= (ALL, ANY or NONE); a group can start from the
# members of other segments (within=) instead of every profile of the domain.
vip_or_gold = domain.segments.create(
    "vip_or_gold",
    display_name="VIPs or gold",
    groups=[
        all_of(within="seattle_vips"),
        any_of(attribute("tier").is_("gold"), within=members_of_any("seattle_vips")),
        none_of(profile.first_name.begins_with("B"), attribute("tier").is_not("gold")),
    ],
    include="ANY",
)
assert vip_or_gold.segment_type == "CLASSIC"

# Definitions read back as they were sent; describe() says who is in a segment.
definition = domain.segments.get("seattle_vips")
print(definition.describe())
assert definition.describe().splitlines()[3:5] == [
    '    Address.City is "Seattle" or "Tacoma"',
    "    Attributes.ltv is greater than 1000",
]
assert [s.segment_definition_name for s in domain.segments.list()] == [
    "seattle_vips",
    "vip_or_gold",
]

# An estimate counts the profiles of a query; it runs asynchronously: wait() polls it.
estimate = domain.segments.estimate(all_of(in_seattle)).wait(timeout=60)
assert (estimate.status, estimate.count) == ("SUCCEEDED", 1)
assert domain.segments.estimate(all_of(within="vip_or_gold")).wait().count == 2  # Ann, Cid

# Dates, numbers and the profile's own values (references) are written for you.
born_in_the_90s = profile.birth_date.between(date(1990, 1, 1), date(1999, 12, 31))
moved = profile.shipping_address.city.is_not(profile.address.city)
assert moved.profile_attributes.shipping_address.city.values == ["{{_profile.Address.City}}"]
recent_callers = calculated("calls", range_days=30).greater_than_or_equal(2)
assert born_in_the_90s.profile_attributes.birth_date.values[0] == "1990-01-01T00:00:00Z"
assert recent_callers.calculated_attributes["calls"].condition_overrides.range.start == 30

# Definitions cannot be changed: delete and create again (idempotent delete).
assert domain.segments.delete("vip_or_gold") is True
assert domain.segments.delete("vip_or_gold") is False
