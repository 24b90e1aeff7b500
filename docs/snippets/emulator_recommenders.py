"""A recommender trains on the clock; recommendations come from a documented stub."""

from datetime import datetime, timezone

from customer_profiles_sdk.local import Clock, LocalBackend

backend = LocalBackend(clock=Clock(start=datetime(2026, 5, 1, tzinfo=timezone.utc)))
client = backend.client()
client.create_domain(DomainName="shop", DefaultExpirationDays=365, DataStore={"Enabled": True})
client.create_recommender(
    DomainName="shop", RecommenderName="picks", RecommenderRecipeName="recommended-for-you"
)
assert client.get_recommender(DomainName="shop", RecommenderName="picks")["Status"] == "PENDING"

backend.clock.advance(60 + 3600)  # PENDING -> IN_PROGRESS -> ACTIVE
recommender = client.get_recommender(DomainName="shop", RecommenderName="picks")
assert recommender["Status"] == "ACTIVE"
assert recommender["ActiveRecommenderVersionName"] == "picks/2026-05-01T01-01-00Z"

# No ML: the catalog is given by the test, the ranking is a hash (same input, same order).
backend.set_catalog("shop", [{"Id": "boots", "Name": "Boots"}, {"Id": "hat", "Name": "Hat"}])
profile_id = client.create_profile(DomainName="shop", FirstName="Ann")["ProfileId"]
answer = client.get_profile_recommendations(
    DomainName="shop",
    ProfileId=profile_id,
    RecommenderName="picks",
    MetadataConfig={"MetadataColumns": ["Name"]},
)
items = [r["CatalogItem"] for r in answer["Recommendations"]]
assert sorted(i["Id"] for i in items) == ["boots", "hat"]
assert all(0 <= r["Score"] <= 1 for r in answer["Recommendations"])
