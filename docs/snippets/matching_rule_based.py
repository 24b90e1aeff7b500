"""Rule-based matching: rules by level, groups as data arrives, review before merging."""

from customer_profiles_sdk import CustomerProfiles
from customer_profiles_sdk.models.domain import (
    AttributeTypesSelector,
    MatchingRule,
    RuleBasedMatching,
)

cp = CustomerProfiles.local()
rules = RuleBasedMatching(
    enabled=True,
    matching_rules=[  # level 1 first: all attributes of a level must be equal
        MatchingRule(rule=["EmailAddress", "FirstName", "LastName"]),
        MatchingRule(rule=["PhoneNumber", "LastName"]),
    ],
    attribute_types_selector=AttributeTypesSelector(
        attribute_matching_model="ONE_TO_ONE",
        email_address=["EmailAddress", "BusinessEmailAddress"],
    ),
    # no max_allowed_rule_level_for_merging: match only, nothing is merged yet
)
domain = cp.domains.create("shop", default_expiration_days=365, rule_based_matching=rules)

a = domain.profiles.create(
    {"first_name": "Ana", "last_name": "Lima", "email_address": "ana@example.com"}
)
b = domain.profiles.create(
    {"first_name": "ana", "last_name": "LIMA", "email_address": "ANA@example.com"}
)
c = domain.profiles.create({"last_name": "Lima", "phone_number": "+1 555 010 0000"})
d = domain.profiles.create({"last_name": "Lima", "phone_number": "555-010-0000"})

# Matching runs as data arrives: the groups are there now.
match_ids = domain.matches.rule_based().to_list()
assert len(match_ids) == 2
group = domain.matches.group(profile_id=b)
assert sorted(group.profile_ids or []) == sorted([a, b])
assert group.rule_level == 1
assert sorted(domain.matches.similar_to(c)) == sorted([c, d])
