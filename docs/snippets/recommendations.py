"""Recommendations: for a profile id, or for the one profile a search key finds."""

from customer_profiles_sdk import CustomerProfiles, Profile, RecommenderFilter
from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
cp = CustomerProfiles.local(backend=backend)
domain = cp.domains.create("shop", default_expiration_days=365, data_store={"enabled": True})
# The emulator ranks a catalog you give it (a deterministic stub, no machine learning).
backend.set_catalog(
    "shop",
    [
        {"Id": "sku-1", "Name": "Boots", "Category": "shoes"},
        {"Id": "sku-2", "Name": "Scarf", "Category": "winter"},
    ],
)
domain.recommenders.create("picks", recipe="popular-items").wait()
domain.recommenders.filters.create(
    "no-category", expression="EXCLUDE ItemID WHERE Items.Category IN ($CATEGORY)"
).wait()

pid = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
items = domain.recommendations.for_profile(
    pid,
    recommender="picks",
    max_results=5,
    metadata_columns=["Name"],
    filters=[RecommenderFilter(name="no-category", values={"CATEGORY": '"shoes"'})],
)
assert all(0 <= r.score <= 1 for r in items if r.score is not None)
assert {r.catalog_item.id for r in items if r.catalog_item} == {"sku-1", "sku-2"}

found = domain.recommendations.search("_email", ["ana@example.com"], recommender="picks")
assert found.profile_id == pid
assert len(found.recommendations) == 2
