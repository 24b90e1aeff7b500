"""GetMatches answers what the identity-resolution hooks computed or were told."""

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
client = backend.client()
client.create_domain(DomainName="retail", DefaultExpirationDays=30, Matching={"Enabled": True})
a = client.create_profile(DomainName="retail", EmailAddress="Ann@Example.com")["ProfileId"]
b = client.create_profile(DomainName="retail", EmailAddress="ann@example.com")["ProfileId"]
assert client.get_matches(DomainName="retail")["Matches"] == []  # nothing runs by itself

backend.run_identity_resolution("retail")  # rule-based grouping, now
(match,) = client.get_matches(DomainName="retail")["Matches"]
assert sorted(match["ProfileIds"]) == sorted([a, b])
assert match["ConfidenceScore"] == 1.0

backend.set_matches("retail", [[a, b]], confidence=0.5)  # or state the groups yourself
assert client.get_matches(DomainName="retail")["Matches"][0]["ConfidenceScore"] == 0.5
